"""Render many site files with a process pool: ``orientation batch DIR... -o OUT``.

Each site is rendered in a worker process into ``OUT/<site-stem>/`` (all or nothing per site);
a failed site is reported with all its problems and the batch goes on. A site whose plan is a
draft (errors, no plan date) is rendered with the draft mark and counted apart
(:attr:`SiteResult.draft`). At most ``2 × jobs``
sites are in flight at a time and workers are recycled, so memory stays flat however many
sites there are.

Before anything is written the whole batch is checked: two sites whose folders would be the
same (also where only the letter case differs), a folder that would hold a site file, and a
folder that exists but is not an earlier output (see :func:`orientation.pipeline.
check_output_folder`) stop the batch with one message listing every conflict. Output folders
(those with the marker file) are never searched for site files.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .errors import OptionError, OrientationError, OutputError
from .fileio import MARKER, InputFileError, check_output_folder

SITE_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class SiteResult:
    site: str
    out: str
    ok: bool
    message: str = ""
    signs: int = 0
    pages: int = 0
    seconds: float = 0.0
    #: why the site's plan is a draft (errors, no plan date); empty for one fit to print
    draft_reasons: tuple[str, ...] = ()

    @property
    def draft(self) -> bool:
        """Rendered, but as a draft: every page carries the draft mark."""
        return self.ok and bool(self.draft_reasons)


def _is_output_folder(folder: str) -> bool:
    return os.path.isfile(os.path.join(folder, MARKER))


def find_sites(paths: Iterable[str | Path]) -> list[Path]:
    """Site files named directly or found (recursively) in folders, sorted, no duplicates.

    Hidden files and folders and output folders (with the marker file) are skipped: an
    earlier output's ``plan.json`` is not a site."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            here: list[Path] = []
            for root, dirs, files in os.walk(p):
                if _is_output_folder(root):
                    dirs[:] = []
                    continue
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                here += [Path(root, f) for f in files if not f.startswith(".")
                         and Path(f).suffix.lower() in SITE_SUFFIXES
                         and os.path.isfile(os.path.join(root, f))]
            found += sorted(here)
        elif p.is_file():
            found.append(p)
        else:
            raise InputFileError(str(p), "no such file or folder; check the path")
    seen: set[Path] = set()
    out = []
    for f in found:
        r = f.resolve()
        if r not in seen:
            seen.add(r)
            out.append(f)
    return out


def output_names(sites: list[Path]) -> list[str]:
    """Folder names under OUT: the stem, made unique with the parent folder where stems repeat.

    >>> output_names([Path("a/x.yaml"), Path("b/x.yaml"), Path("c/y.yaml")])
    ['a-x', 'b-x', 'y']
    """
    stems = [s.stem for s in sites]
    return [f"{s.parent.name}-{s.stem}" if stems.count(s.stem) > 1 else s.stem for s in sites]


def check_batch_targets(sites: list[Path], targets: list[Path]) -> None:
    """Refuse the batch, before anything is written, when two sites would write the same
    folder (compared ignoring letter case, as macOS and Windows do), a folder would hold or be
    a site file's folder, or an existing folder is not an earlier output. One
    :class:`OutputError` lists every conflict."""
    problems: list[str] = []
    by_key: dict[str, list[int]] = {}
    for i, t in enumerate(targets):
        by_key.setdefault(os.path.normcase(os.path.realpath(t)).casefold(), []).append(i)
    for group in by_key.values():
        if len(group) > 1:
            names = ", ".join(str(sites[i]) for i in group)
            problems.append(f"{names} would all write {targets[group[0]]}; rename the site "
                            "files (or render them separately) so each gets a folder of its own")
    # every folder that holds a site file, for a lookup per target instead of a scan
    holds: dict[str, Path] = {}
    for s in sites:
        d = os.path.dirname(os.path.realpath(s))
        while d not in holds:
            holds[d] = s
            up = os.path.dirname(d)
            if up == d:
                break
            d = up
    for s, t in zip(sites, targets):
        real = os.path.realpath(t)
        if real in holds:
            problems.append(f"{t} (for {s}) would replace the folder holding the site file "
                            f"{holds[real]}; name an output folder outside the site folders with -o")
            continue
        try:
            check_output_folder(t)
        except OutputError as exc:
            problems.append(f"{exc} (for {s})")
    if problems:
        shown = problems[:20]
        more = [f"  … and {len(problems) - 20} more"] if len(problems) > 20 else []
        raise OutputError("\n".join([f"batch: {len(problems)} output folder conflict(s); "
                                     "nothing was written:"]
                                    + [f"  - {p}" for p in shown] + more))


def _render_one(site: str, out: str, options: dict) -> SiteResult:
    from .pipeline import render

    t0 = time.perf_counter()
    try:
        outputs = render(site, out, **options)
    except OrientationError as exc:
        return SiteResult(site, out, False, str(exc) or type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - one broken site must not stop the batch
        return SiteResult(site, out, False, f"internal error: {type(exc).__name__}: {exc}")
    return SiteResult(site, out, True, "", len(outputs.plan.signs), outputs.map_pages,
                      time.perf_counter() - t0, outputs.plan.draft_reasons())


def run_batch(paths: Iterable[str | Path], out_dir: str | Path, *, jobs: int | None = None,
              options: dict | None = None,
              progress: Callable[[SiteResult], None] | None = None) -> list[SiteResult]:
    """Render every site under ``paths`` into ``out_dir``; results in input order. A failed
    site's :class:`SiteResult` carries its whole message (every problem, one per line).

    Raises :class:`OutputError` before writing anything when the output folders conflict
    (:func:`check_batch_targets`), :class:`~orientation.errors.OptionError` for ``jobs`` below
    1 and :class:`~orientation.fileio.InputFileError` when a path is missing or holds no
    site file."""
    if jobs is not None and jobs < 1:
        raise OptionError("jobs", f"jobs must be 1 or more, not {jobs}")
    sites = find_sites(paths)
    if not sites:
        shown = ", ".join(map(str, paths)) if isinstance(paths, (list, tuple)) else str(paths)
        raise InputFileError(shown, "no site files (*.yaml, *.yml, *.json) found; name a "
                             "folder holding site files or the files themselves")
    names = output_names(sites)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is a file, not a folder; name an output folder with -o",
                          path=str(out_dir))
    targets = [out_dir / n for n in names]
    check_batch_targets(sites, targets)
    jobs = max(1, jobs or os.cpu_count() or 1)
    options = options or {}
    tasks = [(str(s), str(t)) for s, t in zip(sites, targets)]
    results: dict[int, SiteResult] = {}
    if jobs == 1:
        for i, (s, o) in enumerate(tasks):
            results[i] = _render_one(s, o, options)
            if progress:
                progress(results[i])
    else:
        for i, r in _in_pool(tasks, options, jobs=jobs):
            results[i] = r
            if progress:
                progress(r)
    return [results[i] for i in range(len(tasks))]


def _worker_init() -> None:
    """In each worker: SIGTERM, SIGHUP and SIGINT end the render through its clean-up (no
    temporary folder is left) and an idle worker exits quietly."""
    from .runtime import install_signal_handlers

    install_signal_handlers()


_DIED = ("the worker process rendering this site stopped (killed, out of memory or a crash in "
         "a native library); render the site on its own to see why")


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, max_tasks_per_child=50, initializer=_worker_init)


def _in_pool(tasks, options, *, jobs: int) -> Iterator[tuple[int, SiteResult]]:
    """Results as they come, at most ``2 × jobs`` in flight. A worker that dies (a crash, the
    out-of-memory killer) breaks the pool: the sites in flight are run again each on its own,
    so only the site that kills its worker fails; a new pool takes the rest. An interrupt
    cancels what is queued."""
    todo = list(enumerate(tasks))
    suspects: list[int] = []
    while todo:
        pool = _pool(jobs)
        pending: dict[Future, int] = {}
        try:
            while todo or pending:
                while todo and len(pending) < 2 * jobs:
                    i, (s, o) = todo[0]
                    try:
                        pending[pool.submit(_render_one, s, o, options)] = i
                    except BrokenProcessPool:
                        break
                    todo.pop(0)
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = pending.pop(fut)
                    try:
                        r = fut.result()
                    except BrokenProcessPool:
                        suspects.append(i)
                        continue
                    yield i, r
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True, cancel_futures=True)
    for i in suspects:
        s, o = tasks[i]
        pool = _pool(1)
        try:
            try:
                r = pool.submit(_render_one, s, o, options).result()
            except BrokenProcessPool:
                r = SiteResult(s, o, False, _DIED)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        yield i, r


__all__ = ["SiteResult", "check_batch_targets", "find_sites", "output_names", "run_batch"]
