"""Long work is narrated: progress per stage on a terminal only, findings summarised (issue 15)."""

from __future__ import annotations

import io
import json
import sys
import time
from pathlib import Path

from rich.console import Console

from orientation import pipeline
from orientation.cli import main
from orientation.report import StageProgress, counts_by_kind, findings_summary, print_findings

ROOT = Path(__file__).resolve().parents[1]
RATHAUS = ROOT / "floorplans" / "rathaus.yaml"


def _campus(tmp_path: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench import campus
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    p = tmp_path / f"campus-{n}.json"
    p.write_text(json.dumps(campus(n)), encoding="utf-8")
    return p


def test_render_reports_every_stage_in_order_with_fractions(tmp_path):
    calls: list[tuple[str, float]] = []
    pipeline.render(RATHAUS, tmp_path / "out", progress=lambda s, f: calls.append((s, f)))
    stages = list(dict.fromkeys(s for s, _ in calls))
    assert stages == list(pipeline.STAGES)
    for stage in stages:
        fr = [f for s, f in calls if s == stage]
        assert fr[0] == 0.0 and fr[-1] == 1.0, (stage, fr)
        assert fr == sorted(fr) and all(0.0 <= f <= 1.0 for f in fr), (stage, fr)
        assert len(fr) <= 105, (stage, len(fr))  # about a hundred calls, not one per file


def test_stages_not_asked_for_are_not_reported(tmp_path):
    calls: list[str] = []
    pipeline.render(RATHAUS, tmp_path / "out", formats=("svg",),
                    progress=lambda s, f: calls.append(s))
    assert "pdf" not in calls and "svg" in calls


def test_progress_changes_no_output(tmp_path):
    a = pipeline.render(RATHAUS, tmp_path / "a", formats=("svg",))
    b = pipeline.render(RATHAUS, tmp_path / "b", formats=("svg",), progress=lambda s, f: None)
    assert a.files == b.files


def test_a_pipe_gets_no_progress_display(tmp_path):
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=False)
    with StageProgress(console, delay_s=0.0) as progress:
        assert not progress.enabled
        progress("plan", 0.5)
        time.sleep(0.05)
    assert buf.getvalue() == ""


def test_a_terminal_gets_a_display_after_the_delay_and_it_goes_away():
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=80)
    with StageProgress(console, delay_s=0.01) as progress:
        progress("read", 0.0)
        progress("read", 1.0)
        progress("plan", 0.3)
        time.sleep(0.3)
    text = buf.getvalue()
    assert "plan" in text and "read" in text


def test_a_quick_job_shows_no_display_on_a_terminal():
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=80)
    with StageProgress(console, delay_s=5.0) as progress:
        progress("plan", 1.0)
    assert buf.getvalue() == ""


def test_render_in_a_pipe_prints_no_progress(tmp_path, capsys):
    assert main(["render", str(RATHAUS), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "\x1b" not in err
    assert err.splitlines()[0].startswith("read ")


# -- findings: a summary for render, the whole report for check ------------------------------


class F:
    def __init__(self, severity, code, element, message="m"):
        self.severity, self.code, self.element, self.message = severity, code, element, message


class P:
    site_name = "Campus"

    def __init__(self, findings):
        self.findings = findings


MANY = ([F("warning", "sign-too-small", f"b{i}/d1") for i in range(900)]
        + [F("warning", "contrast", "b1/d2")]
        + [F("error", "door-outside", f"b{i}/d9") for i in range(5)]
        + [F("info", "window-labels-small", f"b{i}") for i in range(40)])


def test_summary_shows_the_first_few_of_each_kind_errors_first():
    lines = findings_summary(MANY, severities=("error", "warning"), first=3)
    assert lines == [
        "error: [door-outside] b0/d9: m", "error: [door-outside] b1/d9: m",
        "error: [door-outside] b2/d9: m",
        "error: … and 2 more [door-outside] (--verbose lists all)",
        "warning: [sign-too-small] b0/d1: m", "warning: [sign-too-small] b1/d1: m",
        "warning: [sign-too-small] b2/d1: m",
        "warning: … and 897 more [sign-too-small] (--verbose lists all)",
        "warning: [contrast] b1/d2: m",
    ]


def test_counts_by_kind():
    assert counts_by_kind(MANY) == ["  error(s): 5 door-outside",
                                    "  warning(s): 900 sign-too-small, 1 contrast",
                                    "  note(s): 40 window-labels-small"]


def _printed(**kw) -> list[str]:
    buf = io.StringIO()
    print_findings(Console(file=buf, width=200), P(MANY), **kw)
    return buf.getvalue().splitlines()


def test_render_summary_is_short_and_counts_everything():
    lines = _printed()
    assert len(lines) < 20
    assert "Campus: 5 error(s), 901 warning(s), 40 note(s): not fit to print: fix the errors " \
           "above" in lines
    assert "  warning(s): 900 sign-too-small, 1 contrast" in lines


def test_verbose_lists_every_error_and_warning():
    lines = _printed(verbose=True)
    assert sum(line.startswith("warning: [sign-too-small]") for line in lines) == 900
    assert not any("more [" in line for line in lines)


def test_quiet_lists_errors_only():
    lines = _printed(quiet=True)
    assert lines and all(line.startswith("error: ") for line in lines)


def test_check_is_the_whole_report():
    lines = _printed(report=True)
    assert sum(line.startswith("info: ") for line in lines) == 40
    assert sum(line.startswith("warning: ") for line in lines) == 901
    assert lines[-1].startswith("Campus: 5 error(s)")


def test_a_large_campus_render_prints_a_short_summary(tmp_path, capsys):
    site = _campus(tmp_path, 20)
    assert main(["render", str(site), "-o", str(tmp_path / "out"), "--formats", "svg"]) == 0
    err = capsys.readouterr().err.splitlines()
    # a kind of warning the campus has many of is cut to its first three and counted
    more = [line for line in err if "(--verbose lists all)" in line and "more [" in line]
    assert more, err
    code = more[0].split("more [", 1)[1].split("]", 1)[0]
    warnings = [line for line in err if line.startswith(f"warning: [{code}]")]
    assert len(warnings) == 3, err
    assert main(["render", str(site), "-o", str(tmp_path / "out"), "--formats", "svg",
                 "--verbose"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if line.startswith(f"warning: [{code}]")]) > 3
