"""``orientation edit SITE VERB``: each verb edits the file in place keeping its comments, prints
one line, and a bad edit exits 1 leaving the file byte for byte as it was. Also the app's safe
Streamlit defaults (``.streamlit/config.toml``)."""

from __future__ import annotations

import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import FLOORPLANS, ROOT, site_dict, write_site
from orientation.cli import main
from orientation.layout.engine import make_plan
from orientation.pipeline import load_site
from orientation.profiles import load_profile


@pytest.fixture
def rathaus(tmp_path) -> Path:
    p = tmp_path / "rathaus.yaml"
    shutil.copyfile(FLOORPLANS / "rathaus.yaml", p)
    return p


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["edit", *argv])
    cap = capsys.readouterr()
    return code, cap.out, cap.err


def unchanged_after(capsys, path: Path, *argv: str) -> str:
    """Run a refused edit: exit 1, the file as it was; the message."""
    before = path.read_bytes()
    code, out, err = run(capsys, str(path), *argv)
    assert code == 1, (out, err)
    assert path.read_bytes() == before
    assert "Traceback" not in err and err.startswith("error: ")
    return err


def test_add_door_as_main_entrance_becomes_e1(rathaus, capsys):
    os.chmod(rathaus, 0o640)
    code, out, _ = run(capsys, str(rathaus), "add-door", "--building", "rathaus", "--at", "10,-1",
                       "--main")
    assert code == 0
    assert out.strip() == (f"{rathaus}: added door d-1 (entrance, the main entrance, code E1) "
                           "at (10, 0) on level 0 of building 'rathaus'")
    text = rathaus.read_text(encoding="utf-8")
    assert "# Haupteingang am Marktplatz (Foyer)" in text and "# Notausgang West" in text
    assert "- {id: d-1, at: [10, 0], kind: entrance, main: true}" in text
    site = load_site(rathaus)
    plan = make_plan(site, load_profile("guetersloh"))
    assert plan.marking("rathaus/d-1").code == "E1"
    assert [d.id for d in site.building("rathaus").doors if d.main] == ["d-1"]
    assert rathaus.stat().st_mode & 0o777 == 0o640  # replaced whole, its mode kept


def test_add_door_refusals_leave_the_file_as_it_was(rathaus, capsys):
    err = unchanged_after(capsys, rathaus, "add-door", "--building", "rathaus", "--at", "10,-3")
    assert "the point is 3.0 m from the outline of building 'rathaus'; click on the wall" in err
    err = unchanged_after(capsys, rathaus, "add-door", "--building", "nope", "--at", "10,0")
    assert "there is no building 'nope'; choose one of: rathaus" in err
    err = unchanged_after(capsys, rathaus, "add-door", "--building", "rathaus", "--at", "10,0",
                          "--kind", "window")
    assert "unknown door kind 'window'" in err
    err = unchanged_after(capsys, rathaus, "add-door", "--building", "rathaus", "--at", "24,0.2")
    assert "doors[" in err and "same point" in err


def test_a_point_that_is_no_point_is_a_usage_error(rathaus, capsys):
    before = rathaus.read_bytes()
    with pytest.raises(SystemExit) as e:
        main(["edit", str(rathaus), "add-door", "--building", "rathaus", "--at", "ten"])
    assert e.value.code == 2 and rathaus.read_bytes() == before
    assert "is not X,Y" in capsys.readouterr().err


def test_add_road_with_negative_coordinates(rathaus, capsys):
    code, out, _ = run(capsys, str(rathaus), "add-road", "--kind", "fire_lane", "--name",
                       "Feuerwehrzufahrt Süd", "--line", "-10,-20", "60,-20", "60.5,-8")
    assert code == 0 and "added fire lane 'Feuerwehrzufahrt Süd' with 3 points" in out
    site = load_site(rathaus)
    lane = site.site_features[-1]
    assert lane.kind.value == "fire_lane" and lane.line[0] == (-10.0, -20.0)
    text = rathaus.read_text(encoding="utf-8")
    assert "line: [[-10, -20], [60, -20], [60.5, -8]]" in text
    assert "# Beispiel-Standort" in text
    unchanged_after(capsys, rathaus, "add-road", "--line", "0,-20")


def test_add_feature_on_the_site_and_in_a_building(rathaus, capsys):
    code, out, _ = run(capsys, str(rathaus), "add-feature", "--kind", "hydrant", "--at", "-5,-8")
    assert code == 0 and "added hydrant at (-5, -8) as site_features[" in out
    code, out, _ = run(capsys, str(rathaus), "add-feature", "--kind", "key_box", "--at",
                       "11,0.3", "--building", "rathaus", "--name", "FSD")
    assert code == 0 and "added key box f-1 at (11, 0.3) on level 0" in out
    site = load_site(rathaus)
    assert site.site_features[-1].kind.value == "hydrant"
    assert site.building("rathaus").features[-1].name == "FSD"
    err = unchanged_after(capsys, rathaus, "add-feature", "--kind", "key_box", "--at", "11,0")
    assert "belongs to a building" in err
    err = unchanged_after(capsys, rathaus, "add-feature", "--kind", "hydrant", "--at", "1,1",
                          "--building", "rathaus")
    assert "stands on the site" in err
    unchanged_after(capsys, rathaus, "add-feature", "--kind", "volcano", "--at", "1,1",
                    "--building", "rathaus")


def test_set_the_site(rathaus, capsys):
    code, out, _ = run(capsys, str(rathaus), "set", "--date", "2026-12-24", "--name",
                       "Rathaus Neu", "--north", "12.5")
    assert code == 0 and "set name Rathaus Neu; date 2026-12-24; north_deg 12.5" in out
    text = rathaus.read_text(encoding="utf-8")
    assert "date: 2026-12-24\n" in text and "name: Rathaus Neu\n" in text
    assert "address: \"Marktplatz 1, 33330 Gütersloh\"" in text
    code, out, _ = run(capsys, str(rathaus), "set", "--origin", "51.9,8.37", "--origin-at",
                       "24,0")
    assert code == 0 and "origin 51.9" in out
    site = load_site(rathaus)
    assert site.site.north_deg == 12.5 and site.site.origin is not None
    err = unchanged_after(capsys, rathaus, "set", "--date", "2026-02-30")
    assert "no date of the calendar" in err
    unchanged_after(capsys, rathaus, "set")
    unchanged_after(capsys, rathaus, "set", "--origin-at", "1,1")
    unchanged_after(capsys, rathaus, "set", "--origin", "95,8")


def test_remove_an_element_a_storey_and_a_site_feature(rathaus, capsys):
    code, out, _ = run(capsys, str(rathaus), "remove", "rathaus/d-west")
    assert code == 0 and "removed door d-west (emergency_exit) of building 'rathaus'" in out
    code, out, _ = run(capsys, str(rathaus), "remove", "storey", "rathaus/2")
    assert code == 0 and "removed storey 2 of building 'rathaus' and 27 element(s)" in out
    n = len(load_site(rathaus).site_features)
    code, out, _ = run(capsys, str(rathaus), "remove", "site-feature", str(n - 1))
    assert code == 0
    site = load_site(rathaus)
    assert len(site.site_features) == n - 1
    assert [s.level for s in site.building("rathaus").storeys] == [0, 1]
    text = rathaus.read_text(encoding="utf-8")
    assert "d-west" not in text and "# Haupteingang am Marktplatz (Foyer)" in text
    unchanged_after(capsys, rathaus, "remove", "rathaus/nope")
    unchanged_after(capsys, rathaus, "remove", "storey", "rathaus/x")
    unchanged_after(capsys, rathaus, "remove", "site-feature", "99")
    unchanged_after(capsys, rathaus, "remove", "nothing")
    # a building's last storey stays
    assert run(capsys, str(rathaus), "remove", "storey", "rathaus/1")[0] == 0
    err = unchanged_after(capsys, rathaus, "remove", "storey", "rathaus/0")
    assert "only storey" in err


def test_features_without_an_id_are_listed_moved_and_removed_by_their_place(rathaus, capsys):
    """The town hall's features have no id: ``list`` names each by its place, ``move`` and
    ``remove`` take that name; the file keeps its comments (a moved feature its own)."""
    code, out, _ = run(capsys, str(rathaus), "list", "features", "site_features")
    lines = out.splitlines()
    assert code == 0 and lines[0] == ("rathaus/features[0]  key box 'Feuerwehrschlüsseldepot "
                                      "(FSD)' at (26.5, -0.3), level 0")
    assert "rathaus/features[4]  elevator 'Aufzug (EG bis 2. OG)' at (27, 10.25), levels 0, 1, 2" \
        in lines
    assert "site_features[3]  hydrant 'UH 1' at (-3, -13)" in lines
    assert "site_features[0]  road 'Marktplatz' 2 points from (-30, -16)" in lines
    code, out, _ = run(capsys, str(rathaus), "list")
    assert "rathaus/d-ost  door d-ost (entrance) at (48, 13), level 0" in out.splitlines()

    code, out, _ = run(capsys, str(rathaus), "move", "rathaus/features[0]", "--at", "25.5,-0.2")
    assert code == 0 and out.strip().endswith(
        "moved key box 'Feuerwehrschlüsseldepot (FSD)' (features[0]) of building 'rathaus' to "
        "(25.5, -0.2)")
    code, out, _ = run(capsys, str(rathaus), "move", "site_features[0]", "--by", "0,-2")
    assert code == 0 and "moved road 'Marktplatz' (site_features[0]) by (0, -2)" in out
    code, out, _ = run(capsys, str(rathaus), "move", "site_features[3]", "--by", "1,1")
    assert code == 0 and "by (1, 1) to (-2, -12)" in out
    code, out, _ = run(capsys, str(rathaus), "remove", "rathaus/features[3]")
    assert code == 0 and "removed aed 'AED Foyer' (features[3]) of building 'rathaus'" in out
    code, out, _ = run(capsys, str(rathaus), "remove", "site_features[4]")
    assert code == 0 and "removed hydrant 'UH 2' (site_features[4])" in out

    text = rathaus.read_text(encoding="utf-8")
    assert ("- {kind: key_box, at: [25.5, -0.2], level: 0, name: Feuerwehrschlüsseldepot (FSD)}"
            "   # außen neben dem Haupteingang") in text
    assert ("- {kind: road, name: Marktplatz, line: [[-30, -18], [80, -18]]}   # vor dem "
            "Haupteingang") in text
    assert "AED Foyer" not in text and "UH 2" not in text and "UH 1, at: [-2, -12]" in text
    site = load_site(rathaus)
    assert [f.kind.value for f in site.building("rathaus").features][:4] == [
        "key_box", "fire_alarm_panel", "first_info_point", "elevator"]

    last = len(site.building("rathaus").features) - 1
    err = unchanged_after(capsys, rathaus, "remove", "rathaus/features[99]")
    assert (f"building 'rathaus' has no features[99]; it has features[0] to features[{last}]"
            in err)
    err = unchanged_after(capsys, rathaus, "move", "site_features[0]", "--at", "0,0")
    assert "a road is a line or an area: move it by dx, dy" in err
    err = unchanged_after(capsys, rathaus, "move", "rathaus/features[0]", "--at", "100,100")
    assert "outside building 'rathaus'" in err
    err = unchanged_after(capsys, rathaus, "remove", "rathaus/sofas[1]")
    assert "'sofas' is no list of a building" in err
    err = unchanged_after(capsys, rathaus, "list", "sofas")
    assert "unknown list 'sofas'" in err
    before = rathaus.read_bytes()
    with pytest.raises(SystemExit):  # --at and --by at once: a usage error
        main(["edit", str(rathaus), "move", "rathaus/d-ost", "--at", "1,1", "--by", "1,1"])
    assert rathaus.read_bytes() == before
    capsys.readouterr()


def test_move_a_door_snaps_it_onto_the_wall(rathaus, capsys):
    code, out, _ = run(capsys, str(rathaus), "move", "rathaus/d-ost", "--at", "48.4,14")
    assert code == 0 and "moved door d-ost (entrance) of building 'rathaus' to (48, 14)" in out
    assert "- {id: d-ost, at: [48, 14], level: 0, kind: entrance, width: 1.5}   # Nebeneingang" \
        in rathaus.read_text(encoding="utf-8")
    unchanged_after(capsys, rathaus, "move", "rathaus/d-ost", "--at", "44,14")  # 4 m off


def test_missing_lists_what_keeps_the_site_from_print(tmp_path, capsys):
    data = site_dict()
    data.pop("site_features")
    path = write_site(tmp_path, data)
    before = path.read_bytes()
    code, out, _ = run(capsys, str(path), "missing")
    assert code == 0 and path.read_bytes() == before
    lines = out.strip().splitlines()
    assert lines[0].startswith("- No road and no fire lane") and lines[0].endswith("[add-road]")
    assert any(line.endswith("[set-date]") for line in lines)
    assert any(line.endswith("[set-origin]") for line in lines)
    assert any(line.endswith("[remove-storey]") for line in lines)
    code, out, _ = run(capsys, str(FLOORPLANS / "rathaus.yaml"), "missing")
    assert code == 0 and "nothing is missing" in out


def test_a_json_file_stays_json_in_its_own_layout(tmp_path, capsys):
    path = tmp_path / "site.json"
    path.write_text(json.dumps(site_dict(), indent=4, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    code, _, _ = run(capsys, str(path), "add-door", "--building", "main", "--at", "-0.5,10",
                     "--kind", "emergency_exit")
    assert code == 0
    text = path.read_text(encoding="utf-8")
    assert '\n    "format": "orientation/site@1"' in text
    assert json.loads(text)["buildings"][0]["doors"][-1] == {
        "id": "d-1", "at": [0, 10], "kind": "emergency_exit"}


def test_an_invalid_site_file_is_refused(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text("format: orientation/site@1\nsite: {name: X}\n", encoding="utf-8")
    unchanged_after(capsys, path, "missing")
    assert main(["edit", str(tmp_path / "none.yaml"), "missing"]) == 1


def test_the_app_has_safe_streamlit_defaults():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["headless"] is True
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["toolbarMode"] == "minimal"


def test_an_edit_that_changes_nothing_leaves_the_file(rathaus, capsys):
    before = rathaus.read_bytes()
    code, out, _ = run(capsys, str(rathaus), "set", "--name", "Rathaus Beispielstadt")
    assert code == 0 and "nothing changed" in out and rathaus.read_bytes() == before


def test_the_edit_parser_is_light_at_start_up():
    """``orientation --help`` builds the edit verbs too: the module imports nothing heavy."""
    import subprocess
    import sys

    heavy = ("pydantic", "ruamel", "shapely", "numpy", "rich", "yaml", "pyproj")
    code = ("import sys, orientation.cli_edit; "
            f"print([m for m in {heavy!r} if m in sys.modules])")
    got = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert got.stdout.strip() == "[]"
