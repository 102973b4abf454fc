"""Option values that would switch a limit off are usage errors; import writes safely (issue 14)."""

from __future__ import annotations

import errno
import math
import os
import stat
from pathlib import Path

import pytest

from orientation import cli
from orientation.cli import main

ROOT = Path(__file__).resolve().parents[1]
RATHAUS = str(ROOT / "floorplans" / "rathaus.yaml")
HUGE = "9" * 5000


@pytest.mark.parametrize(("option", "value"), [
    ("--max-file-mb", "nan"), ("--max-file-mb", "inf"), ("--max-file-mb", "-inf"),
    ("--max-file-mb", "0"), ("--max-file-mb", "-1"), ("--max-file-mb", "1e400"),
    ("--max-file-mb", "lots"), ("--max-file-mb", HUGE),
    ("--max-elements", "0"), ("--max-elements", "-5"), ("--max-elements", "1.5"),
    ("--max-elements", HUGE), ("--max-elements", "1" + "0" * 16),
    ("--max-coordinate", "nan"), ("--max-coordinate", "inf"), ("--max-coordinate", "0"),
    ("--max-coordinate", "-3"), ("--max-coordinate", "NaN"),
])
@pytest.mark.parametrize("command", ["check", "render"])
def test_limit_values_that_switch_a_check_off_are_usage_errors(command, option, value, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, RATHAUS, f"{option}={value}"])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert f"argument {option}" in err and "Traceback" not in err
    assert "9" * 100 not in err and len(err) < 1200  # a 5,000-digit value is not echoed back


@pytest.mark.parametrize("value", ["0", "-2", "nan", HUGE])
def test_jobs_must_be_one_or_more(value, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(tmp_path), "-o", str(tmp_path / "o"), f"--jobs={value}"])
    assert exc.value.code == 2
    assert "argument --jobs" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_small_limits_are_applied_not_ignored(capsys):
    assert main(["check", RATHAUS, "--max-elements", "1"]) == 1
    assert "exceed the limit of 1 per site" in capsys.readouterr().err
    assert main(["check", RATHAUS, "--max-file-mb", "0.001"]) == 1
    assert "larger than 0.001 MB" in capsys.readouterr().err
    assert main(["check", RATHAUS, "--max-coordinate", "1"]) == 1
    assert "is more than 1 m from the plan origin" in capsys.readouterr().err


def test_limit_types_accept_ordinary_values():
    assert cli._positive_float(" 50 ") == 50.0
    assert cli._positive_float("1e-3") == 0.001
    assert cli._positive_int("7") == 7
    limits = cli._limits(cli._parser().parse_args(
        ["check", RATHAUS, "--max-file-mb", "2.5", "--max-elements", "10", "--max-coordinate", "5"]))
    assert (limits.max_bytes, limits.max_elements, limits.max_coordinate_m) == (2_500_000, 10, 5.0)
    assert all(math.isfinite(x) for x in (limits.max_bytes, limits.max_coordinate_m))


def test_an_unexpected_os_error_is_a_message_not_a_traceback(monkeypatch, capsys):
    def boom(_args):
        raise PermissionError(errno.EACCES, "Permission denied", "/somewhere/file")

    monkeypatch.setattr(cli, "_run", boom)
    assert main(["check", RATHAUS]) == 1
    err = capsys.readouterr().err
    assert err == "error: /somewhere/file: Permission denied\n"


def test_signal_handlers_are_restored_after_main(capsys):
    import signal

    before = signal.getsignal(signal.SIGTERM)
    assert main(["check", RATHAUS]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


# -- import writes through fileio.replace_file ------------------------------------------------

OSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version='0.6'>
<node id="1" lat="51.0000000" lon="13.7000000"/>
<node id="2" lat="51.0000000" lon="13.7001430"><tag k="door" v="hinged"/><tag k="entrance" v="main"/></node>
<node id="3" lat="51.0000000" lon="13.7002860"/>
<node id="4" lat="51.0000899" lon="13.7002860"/>
<node id="5" lat="51.0000899" lon="13.7000000"/>
<way id="6"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="5"/><nd ref="1"/>
<tag k="building" v="school"/><tag k="name" v="Testschule"/></way>
</osm>
"""


@pytest.fixture
def osm(tmp_path) -> Path:
    p = tmp_path / "schule.osm"
    p.write_text(OSM, encoding="utf-8")
    return p


def _dot_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_import_writes_a_site_file(osm, tmp_path, capsys):
    out = tmp_path / "site.yaml"
    assert main(["import", str(osm), "-o", str(out)]) == 0
    assert "wrote " in capsys.readouterr().out
    assert out.read_text(encoding="utf-8").startswith("# imported from schule.osm")
    assert main(["check", str(out)]) in (0, 1)  # it is a readable site file
    assert _dot_files(tmp_path) == []


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_import_onto_a_folder_is_refused(osm, tmp_path, force, capsys):
    folder = tmp_path / "site.yaml"
    folder.mkdir()
    (folder / "keep.txt").write_text("keep")
    assert main(["import", str(osm), "-o", str(folder), *force]) == 1
    err = capsys.readouterr().err
    assert f"error: {folder} is a folder" in err and "Traceback" not in err
    assert (folder / "keep.txt").read_text() == "keep" and _dot_files(tmp_path) == []


def test_import_onto_an_existing_file_needs_force_and_keeps_its_mode_and_link(osm, tmp_path, capsys):
    real = tmp_path / "real.yaml"
    real.write_text("# mine\n")
    os.chmod(real, 0o640)
    link = tmp_path / "site.yaml"
    link.symlink_to(real)
    assert main(["import", str(osm), "-o", str(link)]) == 1
    assert "exists; choose another name or pass --force" in capsys.readouterr().err
    assert real.read_text() == "# mine\n"
    assert main(["import", str(osm), "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and "Testschule" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _dot_files(tmp_path) == []


def test_import_on_a_full_disk_is_an_output_error_and_leaves_no_temp(osm, tmp_path, monkeypatch, capsys):
    from orientation import fileio

    def full(_fd, _data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "write", full)
    out = tmp_path / "site.yaml"
    assert main(["import", str(osm), "-o", str(out)]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert f"error: cannot write {out}: the disk is full" in err and "Traceback" not in err
    assert not out.exists() and _dot_files(tmp_path) == []


def test_import_into_a_folder_that_refuses_files_is_an_output_error(osm, tmp_path, capsys,
                                                                    monkeypatch):
    """The read-only folder simulated (root may write anywhere): the temporary file cannot be
    made (EACCES); the message says so, the folder stays empty, no traceback."""
    import tempfile

    def refuse(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert main(["import", str(osm), "-o", str(locked / "site.yaml")]) == 1
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert "permission denied" in err and "Traceback" not in err
    assert list(locked.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_import_into_a_read_only_folder_is_an_output_error(osm, tmp_path, capsys):
    locked = tmp_path / "locked"
    locked.mkdir()
    os.chmod(locked, 0o555)
    try:
        assert main(["import", str(osm), "-o", str(locked / "site.yaml")]) == 1
        err = capsys.readouterr().err
        assert "permission denied" in err and "Traceback" not in err
        assert list(locked.iterdir()) == []
    finally:
        os.chmod(locked, 0o755)


OSM_SMALL = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6">
  <node id="1" lat="51.0" lon="7.0"/><node id="2" lat="51.0" lon="7.0003"/>
  <node id="3" lat="51.0002" lon="7.0003"/><node id="4" lat="51.0002" lon="7.0"/>
  <way id="10"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="building" v="school"/><tag k="name" v="Schule"/></way>
</osm>
"""


def test_import_limit_flags_reach_the_importer(tmp_path, capsys):
    """--max-import-mb is the ImportLimits budget: a file above it is refused, naming it."""
    src = tmp_path / "school.osm"
    src.write_text(OSM_SMALL, encoding="utf-8")
    out = tmp_path / "school.yaml"
    assert main(["import", str(src), "-o", str(out), "--max-import-mb", "0.0001"]) == 1
    err = capsys.readouterr().err
    assert "max_file_bytes" in err or "--max-import-mb" in err
    assert not out.exists()
    assert main(["import", str(src), "-o", str(out), "--max-import-mb", "5",
                 "--import-timeout", "60", "--max-notes", "3"]) == 0
    assert out.is_file()


@pytest.mark.parametrize("flag", ["--import-timeout", "--max-notes", "--max-import-mb"])
@pytest.mark.parametrize("value", ["0", "nan", "-1"])
def test_import_limit_flags_refuse_values_that_turn_a_limit_off(tmp_path, capsys, flag, value):
    with pytest.raises(SystemExit) as exc:
        main(["import", str(tmp_path / "x.osm"), "-o", str(tmp_path / "x.yaml"), flag, value])
    assert exc.value.code == 2


def test_outline_budget_options_are_applied(tmp_path, capsys):
    """--max-ring-vertices lowers the site file's budget: the bundled school's outlines are
    then too long, and the message names the limit."""
    school = Path(__file__).resolve().parents[1] / "floorplans" / "gesamtschule.yaml"
    assert main(["check", str(school), "--max-ring-vertices", "3"]) == 1
    assert "max_ring_vertices" in capsys.readouterr().err
    assert main(["check", str(school), "--max-line-points", "100000",
                 "--max-exterior-doors", "1000"]) == 0


# -- start-up: --help, profiles and schema pay for nothing heavy (issue 15) ----------------------

_HEAVY = ("pydantic", "pydantic_core", "shapely", "numpy", "reportlab", "fontTools", "rich",
          "pyproj", "ezdxf", "ifcopenshell", "ruamel")


def _modules_loaded_by(args: list[str]) -> tuple[set[str], str]:
    """Top-level packages in ``sys.modules`` after ``orientation ARGS`` in a fresh process."""
    import subprocess
    import sys

    code = ("import sys\nfrom orientation.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "sys.stdout.flush()\n"
            "print('\\nMODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True)
    head, _, mods = run.stdout.rpartition("\nMODULES ")
    return set(mods.split()), head


@pytest.mark.parametrize("args", [["--help"], ["render", "--help"], ["import", "--help"],
                                  ["profiles"], ["--version"]])
def test_light_commands_import_nothing_heavy(args):
    loaded, out = _modules_loaded_by(args)
    assert not loaded & set(_HEAVY), sorted(loaded & set(_HEAVY))
    assert out.strip()


def test_schema_imports_nothing_heavy_when_its_copy_is_fresh():
    from orientation import schema_cache

    assert schema_cache.is_fresh(), ("the kept JSON Schema is stale: write it anew with "
                                     "`python -m orientation.schema_cache`")
    loaded, out = _modules_loaded_by(["schema"])
    assert not loaded & set(_HEAVY), sorted(loaded & set(_HEAVY))
    import json

    from orientation.model import Site

    assert json.loads(out) == Site.model_json_schema()


def test_a_stale_schema_copy_is_never_printed(monkeypatch, capsys):
    import json

    from orientation import schema_cache
    from orientation.model import Site

    monkeypatch.setattr(schema_cache, "_model_digest", lambda: "not the copy's")
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == Site.model_json_schema()


def test_help_text_defaults_are_the_real_defaults():
    """The help text reads orientation.defaults (no heavy import); every copy agrees."""
    from orientation import defaults as d
    from orientation import model, profiles
    from orientation.io import DEFAULT_IMPORT_LIMITS
    from orientation.io.site_file import DEFAULT_LIMITS

    assert (DEFAULT_LIMITS.max_bytes, DEFAULT_LIMITS.max_nodes, DEFAULT_LIMITS.max_depth,
            DEFAULT_LIMITS.max_elements, DEFAULT_LIMITS.max_coordinate_m,
            DEFAULT_LIMITS.max_ring_vertices, DEFAULT_LIMITS.max_line_points,
            DEFAULT_LIMITS.max_exterior_doors) == (
        d.MAX_SITE_FILE_BYTES, d.MAX_NODES, d.MAX_DEPTH, d.MAX_ELEMENTS, d.MAX_COORDINATE_M,
        d.MAX_RING_VERTICES, d.MAX_LINE_POINTS, d.MAX_EXTERIOR_DOORS)
    assert (model.MAX_RING_VERTICES, model.MAX_LINE_POINTS, model.MAX_EXTERIOR_DOORS) == (
        d.MAX_RING_VERTICES, d.MAX_LINE_POINTS, d.MAX_EXTERIOR_DOORS)
    il = DEFAULT_IMPORT_LIMITS
    assert (il.max_file_bytes, il.max_unzipped_bytes, il.max_memory_mb, il.timeout_s,
            il.max_levels_per_range, il.max_curve_points, il.max_points_per_file,
            il.max_ring_vertices, il.max_line_points, il.max_wall_segments, il.max_notes) == (
        d.MAX_IMPORT_FILE_BYTES, d.MAX_UNZIPPED_BYTES, d.IMPORT_MEMORY_MB, d.IMPORT_TIMEOUT_S,
        d.MAX_LEVELS_PER_RANGE, d.MAX_CURVE_POINTS, d.MAX_POINTS_PER_FILE,
        d.MAX_RING_VERTICES, d.MAX_LINE_POINTS, d.MAX_WALL_SEGMENTS, d.MAX_NOTES)
    assert profiles.DEFAULT_PROFILE == d.DEFAULT_PROFILE
    from orientation import pipeline

    assert pipeline.FORMATS == d.FORMATS


def test_help_shows_the_real_defaults(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "most vertices of one outline (default 5,000)" in text
    assert "most points of one road or footway (default 1,000)" in text
    with pytest.raises(SystemExit):
        main(["render", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "largest site file (default 50 MB)" in text


def test_profiles_lists_the_same_profiles_and_titles_as_the_library(capsys):
    from orientation.profiles import DEFAULT_PROFILE, load_profile, profile_names

    assert cli.profile_titles() == [(n, load_profile(n).title) for n in profile_names()]
    assert main(["profiles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == profile_names()
    assert lines[0].endswith("(default)") and lines[0].startswith(DEFAULT_PROFILE)


def test_an_import_note_with_a_line_break_stays_one_comment_line(tmp_path, monkeypatch, capsys):
    """A note quotes source text (a zip member's name): a line break in it must not end the
    comment in the written site file's header and inject YAML."""
    from dataclasses import replace

    import orientation.io as io_pkg
    from orientation.io._notes import ImportNote

    src = tmp_path / "school.osm"
    src.write_text(OSM_SMALL, encoding="utf-8")
    real = io_pkg.import_file

    def with_a_hostile_note(*a, **k):
        result = real(*a, **k)
        bad = ImportNote("warning", "imdf-unknown-file", "unknown file 'evil\nprofile: us-k12\nx'")
        return replace(result, notes=(*result.notes, bad))

    monkeypatch.setattr(io_pkg, "import_file", with_a_hostile_note)
    out = tmp_path / "school.yaml"
    assert main(["import", str(src), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "\nprofile: us-k12" not in text
    assert "# warning: unknown file 'evil profile: us-k12 x'" in text


OSM_ROOM = OSM.replace("</osm>", """<node id="7" lat="51.0000200" lon="13.7000500"/>
<node id="8" lat="51.0000200" lon="13.7001000"/>
<node id="9" lat="51.0000600" lon="13.7001000"/>
<node id="10" lat="51.0000600" lon="13.7000500"/>
<way id="11"><nd ref="7"/><nd ref="8"/><nd ref="9"/><nd ref="10"/><nd ref="7"/>
<tag k="indoor" v="room"/><tag k="level" v="0"/><tag k="ref" v="101"/></way>
</osm>""")


@pytest.mark.parametrize(("flags", "kept"), [([], True), (["--keep-room-numbers"], True),
                                             (["--renumber-rooms"], False)])
def test_import_keeps_room_numbers_unless_renumber_rooms(flags, kept, tmp_path, capsys):
    from orientation.io.site_file import read_site

    src = tmp_path / "raum.osm"
    src.write_text(OSM_ROOM, encoding="utf-8")
    out = tmp_path / "site.yaml"
    assert main(["import", str(src), "-o", str(out), *flags]) == 0
    (room,) = read_site(out).buildings[0].rooms
    assert room.number == ("101" if kept else None)


def test_keep_room_numbers_is_hidden_and_renumber_rooms_is_told(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    text = capsys.readouterr().out
    assert "--renumber-rooms" in text and "--keep-room-numbers" not in text
