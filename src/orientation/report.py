"""What the command line shows while it works and after: a progress display, the findings.

The library narrates through callbacks (:func:`orientation.pipeline.render`'s ``log`` and
``progress``) and never prints; this module turns them into terminal output with rich.

* :class:`StageProgress`: one line per stage (read, plan, compose, svg, pdf, write) with a bar,
  on stderr, shown only when stderr is a terminal and only once the work has taken longer than
  a moment (:data:`PROGRESS_DELAY_S`); it disappears when the work ends. Where stderr is a
  file or a pipe (tests, logs, CI) nothing at all is written.
* :func:`print_findings`: the findings of a plan. ``render`` and ``plan`` show a summary:
  counts by severity and kind and the first :data:`FIRST_OF_EACH` findings of each kind
  (``--verbose`` lists all); ``check`` is the report and lists every finding, notes included.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from .defaults import FINDINGS_PER_KIND

#: The progress display appears only when the work takes longer than this (seconds).
PROGRESS_DELAY_S = 0.5

#: Findings shown per kind in a summary (``--verbose`` shows all).
FIRST_OF_EACH = FINDINGS_PER_KIND

_SEVERITIES = ("error", "warning", "info")
_NOUNS = {"error": "error(s)", "warning": "warning(s)", "info": "note(s)"}


class StageProgress:
    """A progress callback (``progress(stage, fraction)``) drawing one bar per stage on a
    rich console, after :data:`PROGRESS_DELAY_S`; a context manager that removes the display
    when the work ends (also on an error or an interrupt).

    On a console that is not a terminal it draws nothing and starts no thread.
    """

    def __init__(self, console: Any, *, delay_s: float = PROGRESS_DELAY_S):
        self.enabled = bool(console.is_terminal)
        self._console = console
        self._delay_s = delay_s
        self._lock = threading.Lock()
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        self._state: dict[str, float] = {}  # stage -> fraction, in the order stages began
        self._timer: threading.Timer | None = None
        self._closed = False

    def __enter__(self) -> StageProgress:
        if self.enabled:
            self._timer = threading.Timer(self._delay_s, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        with self._lock:
            if stage not in self._state:  # a new stage: the ones before it are done
                for earlier in self._state:
                    self._state[earlier] = 1.0
                    self._update(earlier)
            self._state[stage] = max(0.0, min(1.0, fraction))
            self._update(stage)

    def _show(self) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with self._lock:
            if self._closed:
                return
            self._progress = Progress(SpinnerColumn(), TextColumn("{task.description:<8}"),
                                      BarColumn(), TaskProgressColumn(), TimeElapsedColumn(),
                                      console=self._console, transient=True)
            self._progress.start()
            for stage in self._state:
                self._update(stage)

    def _update(self, stage: str) -> None:
        """Mirror one stage into the display (the lock is held)."""
        if self._progress is None:
            return
        task = self._tasks.get(stage)
        if task is None:
            task = self._tasks[stage] = self._progress.add_task(stage, total=1.0)
        self._progress.update(task, completed=self._state[stage])

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._progress is not None:
                self._progress.stop()
                self._progress = None


def _line(f: Any) -> str:
    return f"{f.severity}: [{f.code}] {f.element}: {f.message}"


def findings_summary(findings: Iterable[Any], *, severities: Iterable[str] = _SEVERITIES,
                     first: int | None = FIRST_OF_EACH) -> list[str]:
    """Lines for ``findings`` of the given severities: grouped by severity (errors first) and
    kind (the finding's ``code``, in order of first appearance), at most ``first`` of each
    kind (``None``: all), each cut group followed by a line saying how many were left out.

    >>> from types import SimpleNamespace as F
    >>> fs = [F(severity="warning", code="small", element=f"d{i}", message="m") for i in range(5)]
    >>> for line in findings_summary(fs, first=2): print(line)
    warning: [small] d0: m
    warning: [small] d1: m
    warning: … and 3 more [small] (--verbose lists all)
    """
    wanted = tuple(severities)
    groups: dict[tuple[str, str], list[Any]] = {}
    for f in findings:
        if f.severity in wanted:
            groups.setdefault((f.severity, f.code), []).append(f)
    lines: list[str] = []
    for sev in wanted:
        for (s, code), items in groups.items():
            if s != sev:
                continue
            shown = items if first is None else items[:first]
            lines += [_line(f) for f in shown]
            if len(items) > len(shown):
                lines.append(f"{sev}: … and {len(items) - len(shown)} more [{code}] "
                             "(--verbose lists all)")
    return lines


def counts_by_kind(findings: Iterable[Any]) -> list[str]:
    """One line per severity with its kinds and their counts, most frequent first.

    >>> from types import SimpleNamespace as F
    >>> fs = [F(severity="warning", code=c, element="x", message="m") for c in "aab"]
    >>> counts_by_kind(fs)
    ['  warning(s): 2 a, 1 b']
    """
    per: dict[str, dict[str, int]] = {}
    for f in findings:
        kinds = per.setdefault(f.severity, {})
        kinds[f.code] = kinds.get(f.code, 0) + 1
    out = []
    for sev in _SEVERITIES:
        sev_kinds = per.get(sev)
        if sev_kinds:
            ranked = sorted(sev_kinds.items(), key=lambda kv: (-kv[1], kv[0]))
            out.append(f"  {_NOUNS[sev]}: " + ", ".join(f"{n} {code}" for code, n in ranked))
    return out


def print_findings(console: Any, plan: Any, *, quiet: bool = False, verbose: bool = False,
                   report: bool = False, draft_note: bool = False) -> None:
    """Print a plan's findings and the verdict line.

    ``report`` (``check``): every finding, notes included, then the tally. Otherwise
    (``render``, ``plan``) errors and warnings summarised by :func:`findings_summary` (all of
    them with ``verbose``), the tally and, when some were left out, the counts by kind;
    ``quiet`` shows the errors only and no tally. A plan with errors or without a plan date
    (``plan.date``) is not fit to print; ``draft_note`` (``render``) adds that every page
    carries the draft mark.
    """
    findings = list(plan.findings)
    counts = {s: sum(1 for f in findings if f.severity == s) for s in _SEVERITIES}
    severities = ("error",) if quiet else ("error", "warning")
    if report:
        lines = [_line(f) for f in findings]
    else:
        lines = findings_summary(findings, severities=severities,
                                 first=None if verbose else FIRST_OF_EACH)
    for line in lines:
        console.print(line, markup=False, highlight=False)
    if quiet and not report:
        return
    undated = hasattr(plan, "date") and not plan.date
    if counts["error"]:
        verdict = "not fit to print: fix the errors above"
    elif undated:
        verdict = ("not fit to print: no plan date (set site.date in the site file, e.g. "
                   "date: 2026-11-30, or pass --date)")
    else:
        verdict = "fit to print"
    if draft_note and (counts["error"] or undated):
        verdict += "; the outputs are drafts, every page is marked"
    console.print(f"{plan.site_name}: {counts['error']} error(s), {counts['warning']} "
                  f"warning(s), {counts['info']} note(s): {verdict}", markup=False,
                  highlight=False)
    if not report and not verbose and _cut(findings, severities):
        for line in counts_by_kind(f for f in findings if f.severity != "info"):
            console.print(line, markup=False, highlight=False)


def draft_summary(plan: Any) -> str | None:
    """The line ``render`` adds for a draft (errors or no plan date): that it is one, why,
    and what marks it; None for a plan fit to print."""
    reasons = plan.draft_reasons()
    if not reasons:
        return None
    return (f"draft, not fit to print: {'; '.join(reasons)}. Every page is marked 'DRAFT – not "
            "approved'; render --final refuses a draft")


def _cut(findings: list[Any], severities: Iterable[str]) -> bool:
    """Whether a summary of these severities leaves findings out."""
    per: dict[tuple[str, str], int] = {}
    for f in findings:
        if f.severity in severities:
            per[f.severity, f.code] = per.get((f.severity, f.code), 0) + 1
    return any(n > FIRST_OF_EACH for n in per.values())


def print_plan(console: Any, plan: Any) -> None:
    """The plan as a table: one row per coded marking, with its number of signs."""
    from rich.table import Table

    letters = {b.id: b.letter for b in plan.buildings}
    t = Table(title=f"{plan.site_name} – {plan.profile}", show_lines=False)
    for col in ("code", "kind", "building", "level", "side", "grid", "name", "signs"):
        t.add_column(col)
    signs_per: dict[str, int] = {}
    for s in plan.signs:
        signs_per[s.marking] = signs_per.get(s.marking, 0) + 1
    for m in plan.markings:
        if m.kind in ("side", "window"):
            continue
        level = "–" if m.level is None else (",".join(map(str, m.levels)) if m.levels
                                             else str(m.level))
        t.add_row(m.code, m.kind, letters.get(m.building, m.building), level, m.side or "",
                  m.grid or "", m.name or "", str(signs_per.get(m.id, 0)))
    console.print(t)
    console.print(f"{len(plan.signs)} signs; plan version {plan.version}", markup=False)


__all__ = ["FIRST_OF_EACH", "PROGRESS_DELAY_S", "StageProgress", "counts_by_kind", "draft_summary",
           "findings_summary", "print_findings", "print_plan"]
