"""Output folders are only replaced if they are ours; nothing is lost (issue 14).

Every test builds a folder with things a user keeps (the site file, notes, photos), points the
program at it and checks every file is still there byte for byte.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from orientation import fileio, pipeline
from orientation.cli import main
from orientation.errors import OutputError
from orientation.pipeline import MARKER, foreign_entries, render, write_outputs

ROOT = Path(__file__).resolve().parents[1]
RATHAUS = ROOT / "floorplans" / "rathaus.yaml"
PHOTO = bytes(range(256)) * 40


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: files by content, folders and links by kind."""
    out: dict[str, bytes | str] = {}
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if p.is_symlink():
            out[rel] = f"link -> {os.readlink(p)}"
        elif p.is_dir():
            out[rel] = "folder"
        else:
            out[rel] = p.read_bytes()
    return out


def leftovers(folder: Path) -> list[str]:
    """Temporary folders of the writer (``.<name>.…``) left in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def proj(tmp_path) -> Path:
    """A user's project folder: the site file, a notes file and a photos folder."""
    d = tmp_path / "proj"
    (d / "photos").mkdir(parents=True)
    shutil.copy(RATHAUS, d / "site.yaml")
    (d / "notes.txt").write_text("Begehung 12.3.: Tür West klemmt\n", encoding="utf-8")
    (d / "photos" / "west.jpg").write_bytes(PHOTO)
    return d


# -- the data-loss cases of the issue -----------------------------------------------------------

def test_render_into_the_site_folder_is_refused_and_keeps_everything(proj, capsys):
    before = snapshot(proj)
    assert main(["render", str(proj / "site.yaml"), "-o", str(proj), "--formats", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"{proj} holds {proj / 'site.yaml'}" in err and "-o" in err
    assert snapshot(proj) == before
    assert leftovers(proj.parent) == []


def test_render_into_the_parent_of_the_site_folder_is_refused(proj, capsys):
    before = snapshot(proj.parent)
    assert main(["render", str(proj / "site.yaml"), "-o", str(proj.parent), "-q"]) == 1
    err = capsys.readouterr().err
    assert "which writing the output there would replace" in err
    assert snapshot(proj.parent) == before


def test_render_into_a_folder_of_other_files_names_them(proj, tmp_path, capsys):
    site = tmp_path / "site.yaml"
    shutil.copy(RATHAUS, site)
    (proj / "site.yaml").unlink()  # the site is elsewhere: the folder is only someone's files
    before = snapshot(proj)
    assert main(["render", str(site), "-o", str(proj), "-q"]) == 1
    err = capsys.readouterr().err
    assert (f"error: {proj} holds files that orientation did not write (e.g. notes.txt, photos); "
            "name a new or empty folder with -o") in err
    assert snapshot(proj) == before


def test_render_into_the_current_folder_is_refused(proj, monkeypatch, capsys):
    empty = proj.parent / "empty"
    empty.mkdir()
    monkeypatch.chdir(empty)
    assert main(["render", str(proj / "site.yaml"), "-o", ".", "-q"]) == 1
    assert "current folder" in capsys.readouterr().err
    assert empty.is_dir() and list(empty.iterdir()) == []


def test_since_into_the_default_folder_keeps_the_baseline(proj, monkeypatch, capsys):
    monkeypatch.chdir(proj.parent)
    site = proj / "site.yaml"
    assert main(["render", str(site), "--formats", "svg", "-q"]) == 0
    base = Path("output/site")
    baseline = snapshot(base)
    n_signs = len([k for k in baseline if k.startswith("signs/")])
    assert n_signs > 20 and MARKER in baseline
    yaml = YAML()
    data = yaml.load(site.read_text(encoding="utf-8"))
    data["buildings"][0]["doors"].append({"id": "d-neu", "at": [0, 10], "kind": "emergency_exit"})
    with site.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    capsys.readouterr()
    assert main(["render", str(site), "--since", "output/site/plan.json", "--formats", "svg"]) == 0
    out = capsys.readouterr().out
    version = json.loads(baseline["plan.json"])["version"]
    since = Path(f"output/site-since-{version}")
    assert snapshot(base) == baseline  # the printed plan is untouched, byte for byte
    written = sorted(p.name for p in (since / "signs").glob("*.svg"))
    assert 1 <= len(written) < n_signs
    total = len(json.loads((since / "plan.json").read_text())["signs"])
    assert f"to {since}/: {len(written)} of {total} signs to add or reprint" in out
    # and a later diff against the baseline still finds the change
    capsys.readouterr()
    assert main(["diff", "output/site/plan.json", str(site), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"]


def test_since_with_an_output_folder_holding_the_baseline_is_refused(proj, capsys):
    first = proj.parent / "first"
    site = proj / "site.yaml"
    assert main(["render", str(site), "-o", str(first), "--formats", "svg", "-q"]) == 0
    before = snapshot(first)
    for target in (first, proj.parent):
        assert main(["render", str(site), "-o", str(target), "--since",
                     str(first / "plan.json"), "-q"]) == 1
        err = capsys.readouterr().err
        assert f"holds {first / 'plan.json'}" in err or f"holds {site}" in err
    assert snapshot(first) == before


# -- the marker -----------------------------------------------------------------------------

def test_an_earlier_output_is_replaced_and_carries_the_marker(tmp_path):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("pdf",))
    marker = json.loads((out / MARKER).read_text(encoding="utf-8"))
    assert marker["program"] == "orientation" and marker["format"] == "orientation/output@1"
    assert marker["site"] == "rathaus.yaml" and marker["version"]
    assert set(marker["files"]) == {p.relative_to(out).as_posix() for p in out.rglob("*")
                                    if p.is_file()} - {MARKER}
    first = snapshot(out)
    render(RATHAUS, out, formats=("svg", "pdf"))  # a different set of files: still ours
    assert any(k.startswith("signs/") for k in snapshot(out))
    render(RATHAUS, out, formats=("pdf",))
    assert snapshot(out) == first
    assert leftovers(tmp_path) == []


def test_an_output_with_a_file_added_by_a_user_is_refused(tmp_path):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("svg",))
    sign = next((out / "signs").glob("*.svg"))
    (out / "signs" / "meine-notiz.txt").write_text("bitte nicht löschen")
    (out / "maps.pdf").write_bytes(b"%PDF mine")  # a name we might write, but not listed
    before = snapshot(out)
    with pytest.raises(OutputError, match=r"e\.g\. maps\.pdf, signs/meine-notiz\.txt\)"):
        render(RATHAUS, out, formats=("svg",))
    assert snapshot(out) == before and sign.exists()


def test_a_fake_or_broken_marker_does_not_make_a_folder_ours(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("keep")
    for body in ("{}", "not json", json.dumps({"program": "orientation",
                                               "format": "orientation/output@1",
                                               "files": ["notes.txt", 3]})):
        (out / MARKER).write_text(body)
        assert foreign_entries(out) == [MARKER, "notes.txt"]
    # a genuine marker does not cover what it does not list
    (out / MARKER).write_bytes(pipeline.marker_bytes(["plan.json"]))
    assert foreign_entries(out) == ["notes.txt"]


def test_an_output_written_before_the_marker_is_still_replaced(tmp_path):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("svg", "pdf"))
    (out / MARKER).unlink()
    assert foreign_entries(out) == []
    render(RATHAUS, out, formats=("pdf",))
    assert (out / MARKER).exists()
    # ... but not once something else is in it
    (out / MARKER).unlink()
    (out / "notes.txt").write_text("keep")
    assert foreign_entries(out) != []


def test_a_symlink_inside_an_output_is_not_ours(tmp_path):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("pdf",))
    (tmp_path / "precious.txt").write_text("keep")
    (out / "maps").mkdir()
    (out / "maps" / "x.svg").symlink_to(tmp_path / "precious.txt")
    assert foreign_entries(out) == ["maps"]
    with pytest.raises(OutputError):
        render(RATHAUS, out, formats=("pdf",))
    assert (tmp_path / "precious.txt").read_text() == "keep"


def test_an_empty_folder_is_used_and_a_file_is_refused(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    render(RATHAUS, empty, formats=("pdf",))
    assert (empty / "maps.pdf").exists()
    f = tmp_path / "file.txt"
    f.write_text("keep me")
    assert main(["render", str(RATHAUS), "-o", str(f), "-q"]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
    assert f.read_text() == "keep me"


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX permissions")
def test_a_read_only_output_folder_is_refused(tmp_path, capsys):
    """Refused by its mode bits, also for root (for whom access() always says yes)."""
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("pdf",))
    os.chmod(out, 0o555)
    try:
        before = snapshot(out)
        assert main(["render", str(RATHAUS), "-o", str(out), "-q"]) == 1
        assert "is read-only" in capsys.readouterr().err
        assert snapshot(out) == before
    finally:
        os.chmod(out, 0o755)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unwritable_parent_gives_an_output_error_and_no_temp(tmp_path, capsys):
    parent = tmp_path / "locked"
    parent.mkdir()
    os.chmod(parent, 0o555)
    try:
        assert main(["render", str(RATHAUS), "-o", str(parent / "out"), "-q"]) == 1
        err = capsys.readouterr().err
        assert "error: " in err and "permission denied" in err and "Traceback" not in err
        assert list(parent.iterdir()) == []
    finally:
        os.chmod(parent, 0o755)


def test_a_parent_that_refuses_the_temporary_folder_gives_an_output_error(tmp_path, capsys,
                                                                          monkeypatch):
    """The unwritable parent simulated (root may write anywhere): creating the temporary
    folder fails with EACCES; the message says so, nothing is left, no traceback."""
    import errno

    from orientation import fileio

    real = fileio._new_sibling

    def refuse(parent, name, tag, *, create):
        if create:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(parent, name, tag, create=create)

    parent = tmp_path / "locked"
    parent.mkdir()
    monkeypatch.setattr(fileio, "_new_sibling", refuse)
    assert main(["render", str(RATHAUS), "-o", str(parent / "out"), "-q"]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "error: " in err and "permission denied" in err and "Traceback" not in err
    assert list(parent.iterdir()) == []


def test_a_symlinked_output_folder_stays_a_link(tmp_path):
    real = tmp_path / "real"
    render(RATHAUS, real, formats=("pdf",))
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    render(RATHAUS, link, formats=("svg",))
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert any((real / "signs").glob("*.svg")) and not (real / "maps.pdf").exists()
    assert leftovers(tmp_path) == []


# -- modes ----------------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_modes_follow_the_umask_and_an_existing_folder_keeps_its_own(tmp_path):
    old_mask = os.umask(0o027)
    try:
        new = tmp_path / "new"
        render(RATHAUS, new, formats=("svg", "pdf"))
        assert stat.S_IMODE(new.stat().st_mode) == 0o750
        assert stat.S_IMODE((new / "signs").stat().st_mode) == 0o750
        for f in (new / "maps.pdf", next((new / "signs").glob("*.svg")), new / MARKER):
            assert stat.S_IMODE(f.stat().st_mode) == 0o640, f
        os.chmod(new, 0o711)
        render(RATHAUS, new, formats=("pdf",))
        assert stat.S_IMODE(new.stat().st_mode) == 0o711
        empty = tmp_path / "shared"
        empty.mkdir()
        os.chmod(empty, 0o775)
        render(RATHAUS, empty, formats=("pdf",))
        assert stat.S_IMODE(empty.stat().st_mode) == 0o775
    finally:
        os.umask(old_mask)


# -- interrupts -----------------------------------------------------------------------------

def test_an_interrupt_while_writing_leaves_the_old_output_and_no_temp(tmp_path, monkeypatch):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("svg",))
    before = snapshot(out)
    outputs = pipeline.render_outputs(pipeline.load_site(RATHAUS),
                                      profile=pipeline.load_profile("guetersloh"), formats=("svg",))
    real_write = fileio._write_new
    calls = []

    def write_then_interrupt(path, data):
        calls.append(path)
        if len(calls) == 10:
            raise KeyboardInterrupt
        real_write(path, data)

    monkeypatch.setattr(fileio, "_write_new", write_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(outputs.files, out)
    assert snapshot(out) == before and leftovers(tmp_path) == []


def test_an_interrupt_between_the_two_renames_puts_the_old_output_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("pdf",))
    before = snapshot(out)
    real_replace = os.replace
    calls = []

    def replace_then_interrupt(src, dst):
        calls.append((src, dst))
        if len(calls) == 2:  # target moved aside; the new folder is about to move in
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(fileio.os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_outputs({"plan.json": b"{}"}, out)
    monkeypatch.undo()
    assert snapshot(out) == before and leftovers(tmp_path) == []


def _campus(tmp_path: Path, n: int) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench import campus
    finally:
        sys.path.pop(0)
    p = tmp_path / "campus.json"
    p.write_text(json.dumps(campus(n)), encoding="utf-8")
    return p


@pytest.mark.skipif(not hasattr(signal, "SIGTERM") or os.name != "posix", reason="POSIX signals")
def test_sigterm_while_writing_leaves_no_temporary_folder(tmp_path):
    site = _campus(tmp_path, 40)
    work = tmp_path / "work"
    work.mkdir()
    out = work / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "orientation", "render", str(site), "-o",
                             str(out), "--formats", "svg", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 240
        seen = False
        while time.monotonic() < deadline and proc.poll() is None:
            tmp = [p for p in work.iterdir() if p.name.startswith(".out.")]
            if tmp and any(tmp[0].rglob("*.svg")):  # the writer is under way
                proc.send_signal(signal.SIGTERM)
                seen = True
                break
            time.sleep(0.002)
        _out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert seen, "the render ended before the writer was seen; make the campus larger"
    text = err.decode()
    assert proc.returncode == 128 + signal.SIGTERM, text
    assert "stopped by SIGTERM" in text and "Traceback" not in text
    assert list(work.iterdir()) == []  # no temporary folder, no half output


@pytest.mark.skipif(not hasattr(signal, "SIGHUP") or os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_planning_keeps_the_old_output(tmp_path, sig):
    out = tmp_path / "out"
    render(RATHAUS, out, formats=("pdf",))
    before = snapshot(out)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "orientation", "render", str(_campus(tmp_path, 20)),
                             "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        first = proc.stderr.readline().decode()  # "read …: 20 building(s)": the site is loaded
        assert "20 building(s)" in first
        proc.send_signal(getattr(signal, sig))
        _o, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + getattr(signal, sig), err.decode()
    assert f"stopped by {sig}" in err.decode() and "Traceback" not in err.decode()
    assert snapshot(out) == before
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX process groups")
def test_sigterm_to_a_batch_leaves_no_temporary_folder(tmp_path):
    sites = tmp_path / "sites"
    sites.mkdir()
    for name in ("a", "b", "c"):
        shutil.copy(_campus(tmp_path, 15), sites / f"{name}.json")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "orientation", "batch", str(sites), "-o",
                             str(out), "--jobs", "2", "--formats", "svg"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        seen = False
        while time.monotonic() < deadline and proc.poll() is None:
            tmp = [p for p in out.iterdir() if p.name.startswith(".")] if out.is_dir() else []
            if tmp and any(tmp[0].rglob("*.svg")):
                os.killpg(proc.pid, signal.SIGTERM)  # as a service manager or a terminal does
                seen = True
                break
            time.sleep(0.002)
        _o, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert seen, "the batch ended before a writer was seen"
    text = err.decode()
    assert proc.returncode == 128 + signal.SIGTERM, text
    assert "stopped by SIGTERM" in text and "Traceback" not in text
    left = sorted(p.name for p in out.iterdir())
    assert not [n for n in left if n.startswith(".")], left
    for name in left:  # what is there is complete
        assert (out / name / MARKER).exists() and (out / name / "plan.json").exists()


# -- one writer, one error tree (issue 15) ------------------------------------------------------

def test_the_folder_writer_lives_beside_replace_file_and_pipeline_still_offers_it():
    assert pipeline.write_outputs is fileio.write_outputs
    assert pipeline.check_output_folder is fileio.check_output_folder
    assert pipeline.MARKER == fileio.MARKER == ".orientation-output"
    import orientation

    assert orientation.write_outputs is fileio.write_outputs


def test_output_errors_name_the_path(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("mine")
    with pytest.raises(OutputError) as exc:
        write_outputs({"plan.json": b"{}"}, target)
    assert exc.value.path == str(target)
    with pytest.raises(OutputError) as exc:
        fileio.replace_file(tmp_path, "x")
    assert exc.value.path == str(tmp_path)


def test_an_unknown_format_is_an_option_error():
    from orientation.errors import OptionError

    with pytest.raises(OptionError) as exc:
        pipeline.render_outputs(pipeline.load_site(RATHAUS),
                                profile=pipeline.load_profile("guetersloh"), formats=("png",))
    assert exc.value.option == "formats" and "svg, pdf" in str(exc.value)


def test_zero_jobs_is_an_option_error(tmp_path):
    from orientation.batch import run_batch
    from orientation.errors import OptionError

    with pytest.raises(OptionError) as exc:
        run_batch([tmp_path], tmp_path / "out", jobs=0)
    assert exc.value.option == "jobs"


def test_write_reports_its_progress(tmp_path):
    calls = []
    write_outputs({f"signs/{i}.svg": b"x" for i in range(250)}, tmp_path / "out",
                  progress=lambda s, f: calls.append((s, f)))
    assert {s for s, _ in calls} == {"write"}
    assert calls[0][1] == 0.0 and calls[-1][1] == 1.0 and len(calls) <= 101


def test_a_signal_at_the_end_of_the_swap_leaves_no_old_folder(tmp_path, monkeypatch):
    """A signal that arrives during the two renames is delivered when they end; the old output
    is gone by then (it is removed while signals are still held)."""
    import signal as signal_

    from orientation import fileio
    from orientation.runtime import Terminated, install_signal_handlers

    out = tmp_path / "out"
    render(RATHAUS, out, formats=("svg",))
    real_replace = os.replace
    calls = {"n": 0}

    def replace_and_signal(a, b):
        real_replace(a, b)
        calls["n"] += 1
        if calls["n"] == 2:  # the new folder is in place: a SIGTERM arrives now
            os.kill(os.getpid(), signal_.SIGTERM)

    previous = install_signal_handlers()
    try:
        monkeypatch.setattr(fileio.os, "replace", replace_and_signal)
        with pytest.raises(Terminated):
            render(RATHAUS, out, formats=("svg",))
    finally:
        monkeypatch.undo()
        for sig, handler in previous.items():
            if callable(handler) or isinstance(handler, int):
                signal_.signal(sig, handler)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert (out / "plan.json").is_file()
