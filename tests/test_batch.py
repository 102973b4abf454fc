"""orientation batch: many sites, failures reported, the batch goes on."""

from __future__ import annotations

import shutil

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
