"""orientation batch: many sites, failures reported, the batch goes on."""

from __future__ import annotations

import shutil

import pytest

from orientation.cli import main


def test_batch_renders_good_sites_and_reports_bad_ones(tmp_path, capsys):
    src = tmp_path / "sites"
    (src / "district").mkdir(parents=True)
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.yaml")
    shutil.copy("floorplans/us-elementary.yaml", src / "district" / "us.yaml")
    (src / "broken.yaml").write_text("format: orientation/site@1\nsite: {name: x}\nbuildings: 3\n")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--formats", "pdf"]) == 1
    captured = capsys.readouterr()
    assert "failed: " in captured.err and "broken.yaml" in captured.err
    assert "buildings" in captured.err  # the reason, with its key path
    assert "2 rendered, 1 failed" in captured.out
    for name in ("rathaus", "us"):
        assert (out / name / "maps.pdf").stat().st_size > 1000
        assert (out / name / "plan.json").exists()
    assert not (out / "broken").exists()


def test_batch_with_no_sites_is_an_error(tmp_path, capsys):
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "o")]) == 1
    assert "no site files" in capsys.readouterr().err


# -- nothing lost, nothing overwritten (issue 14) -------------------------------------------------

def snapshot(folder):
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else "folder")
            for p in sorted(folder.rglob("*"))}


def _sites_with_notes(root, *, nested: bool):
    """Two sites (each in a folder of its own when ``nested``), a notes file and photos."""
    src = root / "sites"
    for name, example in (("rathaus", "rathaus.yaml"), ("us", "us-elementary.yaml")):
        folder = src / name if nested else src
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(f"floorplans/{example}", folder / f"{name}.yaml")
    (src / "notes.txt").write_text("Begehung: Tür West klemmt\n", encoding="utf-8")
    (src / "photos").mkdir()
    (src / "photos" / "a.jpg").write_bytes(bytes(range(256)) * 8)
    return src


def test_batch_into_the_site_folders_is_refused_before_writing(tmp_path, capsys):
    src = _sites_with_notes(tmp_path, nested=True)  # sites/rathaus/rathaus.yaml -> sites/rathaus/
    before = snapshot(src)
    assert main(["batch", str(src), "-o", str(src), "--jobs", "1", "--formats", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "nothing was written" in err and "Traceback" not in err
    assert f"would replace the folder holding the site file {src / 'rathaus' / 'rathaus.yaml'}" in err
    assert snapshot(src) == before


def test_batch_out_beside_the_site_files_keeps_them(tmp_path, capsys):
    src = _sites_with_notes(tmp_path, nested=False)  # sites/rathaus.yaml -> sites/rathaus/
    before = snapshot(src)
    for _ in range(2):  # the second run replaces its own outputs and skips them as inputs
        assert main(["batch", str(src), "-o", str(src), "--jobs", "1", "--formats", "pdf"]) == 0
        assert "2 rendered, 0 failed" in capsys.readouterr().out
    after = snapshot(src)
    assert {k: v for k, v in after.items() if k in before} == before
    assert (src / "rathaus" / "maps.pdf").exists() and (src / "us" / "plan.json").exists()
    assert sorted(p.name for p in src.iterdir()) == ["notes.txt", "photos", "rathaus",
                                                     "rathaus.yaml", "us", "us.yaml"]


def test_batch_refuses_a_foreign_folder_in_out_before_writing(tmp_path, capsys):
    src = _sites_with_notes(tmp_path, nested=False)
    out = tmp_path / "out"
    (out / "us").mkdir(parents=True)
    (out / "us" / "mine.txt").write_text("keep")
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--formats", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "holds files that orientation did not write (e.g. mine.txt)" in err
    assert sorted(p.name for p in out.iterdir()) == ["us"]  # rathaus was not rendered either
    assert (out / "us" / "mine.txt").read_text() == "keep"


@pytest.mark.parametrize("layout", [
    ("a/x.yaml", "a/x.json"),              # same folder name from two suffixes
    ("X.yaml", "x.yaml"),                  # the same folder on macOS and Windows
    ("a-x.yaml", "a/x.yaml", "b/x.yaml"),  # a made-unique name that is taken
])
def test_batch_refuses_colliding_output_names_before_writing(tmp_path, capsys, layout):
    src = tmp_path / "sites"
    for rel in layout:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy("floorplans/rathaus.yaml", src / rel)
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--formats", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "would all write" in err and "nothing was written" in err
    assert not out.exists()


def test_batch_prints_every_problem_of_a_failed_site(tmp_path, capsys):
    src = tmp_path / "sites"
    src.mkdir()
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.yaml")
    (src / "bad.yaml").write_text(
        "format: orientation/site@1\nsite: {name: x}\nbuildings:\n"
        "  - {id: a, name: A, footprint: 3, storeys: 4}\n", encoding="utf-8")
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "1",
                 "--formats", "pdf"]) == 1
    err = capsys.readouterr().err
    lines = [ln for ln in err.splitlines() if "buildings[0]" in ln]
    assert len(lines) >= 2, err  # not only the first line of the message
    assert "buildings[0].footprint" in err and "buildings[0].storeys" in err


def test_run_batch_refuses_zero_jobs(tmp_path):
    from orientation.batch import run_batch
    from orientation.errors import OrientationError

    with pytest.raises(OrientationError, match="jobs must be 1 or more"):
        run_batch([tmp_path], tmp_path / "out", jobs=0)


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the patched worker needs fork")
def test_a_worker_that_dies_fails_its_site_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    import multiprocessing
    import os
    import signal

    from orientation import batch

    real = batch._render_one

    def render_or_die(site, out, options):
        if "crash" in site:
            os.kill(os.getpid(), signal.SIGKILL)  # as a segfault in a native library would
        return real(site, out, options)

    render_or_die.__module__, render_or_die.__qualname__ = real.__module__, real.__qualname__
    monkeypatch.setattr(batch, "_render_one", render_or_die)
    # forked workers see the patched function (spawned ones would import the module afresh);
    # fork does not go with max_tasks_per_child
    fork, pool = multiprocessing.get_context("fork"), batch.ProcessPoolExecutor

    def forked_pool(max_tasks_per_child=None, **kw):
        return pool(mp_context=fork, **kw)

    monkeypatch.setattr(batch, "ProcessPoolExecutor", forked_pool)
    src = tmp_path / "sites"
    src.mkdir()
    for name in ("a", "b-crash", "c", "d", "e"):
        shutil.copy("floorplans/rathaus.yaml", src / f"{name}.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "2", "--formats", "pdf"]) == 1
    captured = capsys.readouterr()
    assert f"failed: {src / 'b-crash.yaml'}: the worker process rendering this site stopped" \
        in captured.err
    assert "Traceback" not in captured.err
    assert "4 rendered, 1 failed" in captured.out  # the sites beside it in the pool are redone
    assert sorted(p.name for p in out.iterdir()) == ["a", "c", "d", "e"]  # no temp folders
    assert all((out / n / "maps.pdf").exists() for n in "acde")


def test_a_failed_site_is_reported_with_every_problem(tmp_path, capsys):
    """Not "N problem(s):" with nothing after it (issue 15): each problem on its own line."""
    src = tmp_path / "sites"
    src.mkdir()
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.yaml")
    (src / "two.yaml").write_text("format: orientation/site@1\nsite: {name: x}\n"
                                  "buildings: 3\nextra_key: 1\n")
    assert main(["batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "1",
                 "--formats", "svg"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("failed: ")
                and "two.yaml" in line)
    assert "problem(s)" in lines[head]
    problems = [line for line in lines[head + 1:] if line.startswith("    ")]
    assert len(problems) >= 2, err
    assert any("buildings" in p for p in problems) and any("extra_key" in p for p in problems)


def test_colliding_names_added_later_leave_the_earlier_outputs_byte_for_byte(tmp_path, capsys):
    """A batch that rendered once, then meets a second site whose output name collides, is
    refused before writing: every file of the earlier outputs is still there, unchanged."""
    src = tmp_path / "sites"
    src.mkdir()
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--formats", "svg"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(before) > 10
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.json")  # the same output name
    capsys.readouterr()
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--formats", "svg"]) == 1
    assert "would all write" in capsys.readouterr().err
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
