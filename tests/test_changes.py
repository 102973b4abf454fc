"""Stable codes after printing: pin, diff, render --since (issue: stable codes)."""

from __future__ import annotations

import json
import shutil

import pytest
from ruamel.yaml import YAML

from orientation.changes import diff_plans, reserved_codes
from orientation.cli import main
from orientation.layout.engine import PlanOptions, make_plan
from orientation.pipeline import load_site

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")


def door_codes(plan):
    return {m.id: m.code for m in plan.markings if m.kind in DOOR_KINDS}


@pytest.fixture
def pinned(tmp_path, capsys):
    p = tmp_path / "rathaus.yaml"
    shutil.copy("floorplans/rathaus.yaml", p)
    assert main(["pin", str(p)]) == 0
    assert "pin(s) added" in capsys.readouterr().out
    return p


def test_pin_keeps_comments_order_and_is_idempotent(pinned, capsys):
    from pathlib import Path

    before = Path("floorplans/rathaus.yaml").read_text(encoding="utf-8")
    after = pinned.read_text(encoding="utf-8")
    comments = [line.split("#", 1)[1].strip() for line in before.splitlines() if "#" in line]
    for c in comments:
        assert c in after
    assert "label: E1" in after and "letter: A" in after and "number: " in after
    # key order of the first building is kept, with the pin beside its kin
    keys = list(YAML().load(after)["buildings"][0].keys())
    assert keys[:3] == ["id", "name", "letter"]
    # codes are unchanged by pinning
    assert door_codes(make_plan(load_site(pinned))) == door_codes(make_plan(load_site("floorplans/rathaus.yaml")))
    assert main(["pin", str(pinned)]) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert pinned.read_text(encoding="utf-8") == after


def test_pin_json_stays_json(tmp_path):
    from orientation.io.site_file import dump_site

    p = tmp_path / "site.json"
    p.write_text(dump_site(load_site("floorplans/rathaus.yaml"), fmt="json"))
    assert main(["pin", str(p)]) == 0
    data = json.loads(p.read_text())
    assert data["buildings"][0]["letter"] == "A"
    assert all("label" in d for d in data["buildings"][0]["doors"] if d["kind"] != "inner")


def _edit(path, add_door=None, remove_door=None):
    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    doors = data["buildings"][0]["doors"]
    if remove_door:
        idx = next(i for i, d in enumerate(doors) if d["id"] == remove_door)
        del doors[idx]
    if add_door:
        doors.append(add_door)
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


def test_add_a_door_remove_an_exit(pinned, tmp_path, capsys):
    old_plan = make_plan(load_site(pinned))
    old_json = tmp_path / "plan.json"
    old_json.write_text(old_plan.to_json())
    old_codes = door_codes(old_plan)
    removed_code = old_codes["rathaus/d-west"]
    assert removed_code.startswith("N")
    _edit(pinned, remove_door="d-west",
          add_door={"id": "d-neu", "at": [0, 10], "kind": "emergency_exit"})
    site = load_site(pinned)
    reserved = reserved_codes(json.loads(old_json.read_text()), site)
    assert reserved == {removed_code}
    new_plan = make_plan(site, options=PlanOptions(reserved=reserved))
    new_codes = door_codes(new_plan)
    for mid, code in old_codes.items():  # no existing code moves
        if mid != "rathaus/d-west":
            assert new_codes[mid] == code
    fresh = new_codes["rathaus/d-neu"]
    assert fresh.startswith("N") and fresh not in old_codes.values()
    d = diff_plans(json.loads(old_json.read_text()), new_plan)
    assert [s["marking"] for s in d.added] == ["rathaus/d-neu"]
    assert [s["marking"] for s in d.removed] == ["rathaus/d-west"]
    assert d.reprint == ()
    assert d.unchanged == len(new_plan.signs) - 1
    assert "site plan" in d.map_pages and "rathaus level 0" in d.map_pages

    assert main(["diff", str(old_json), str(pinned), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["text"] for s in out["added"]] == [fresh]
    assert [s["text"] for s in out["removed"]] == [removed_code]
    assert set(out) >= {"added", "removed", "reprint", "unchanged"}
    assert main(["diff", str(old_json), str(pinned)]) == 0
    text = capsys.readouterr().out
    assert "add (1):" in text and "remove (1):" in text and fresh in text


def test_reprint_when_a_landmark_is_renamed(tmp_path):
    site = load_site("floorplans/rathaus.yaml")
    old = json.loads(make_plan(site).to_json())
    b = site.buildings[0]
    i = next(i for i, r in enumerate(b.rooms) if r.landmark)
    rooms = list(b.rooms)
    rooms[i] = rooms[i].model_copy(update={"name": "Bürgerservice"})
    changed = site.model_copy(update={"buildings": [b.model_copy(update={"rooms": rooms})]})
    d = diff_plans(old, make_plan(changed))
    rooms = [r for r in d.reprint if r["new"]["kind"] == "room"]
    assert len(rooms) == 1 and rooms[0]["new"]["subtext"] == "Bürgerservice"
    assert "subtext" in rooms[0]["changed"]
    # the guidance signs that point to the landmark say its new name
    guides = [r for r in d.reprint if r["new"]["kind"] == "guidance"]
    assert guides and all(r["new"]["text"] == "Bürgerservice" for r in guides)
    assert len(rooms) + len(guides) == len(d.reprint)
    assert not d.added and not d.removed


def test_diff_rejects_a_non_plan(tmp_path, capsys):
    p = tmp_path / "plan.json"
    p.write_text('{"format": "something"}')
    assert main(["diff", str(p), "floorplans/rathaus.yaml"]) == 1
    assert "not a plan file" in capsys.readouterr().err


def test_plan_date_comes_from_the_site_or_option_never_the_clock():
    site = load_site("floorplans/rathaus.yaml")
    assert make_plan(site).date == site.site.date
    assert make_plan(site, options=PlanOptions(date="2026-01-02")).date == "2026-01-02"


def test_pin_keeps_every_comment_of_the_school(tmp_path):
    import shutil
    from pathlib import Path

    p = tmp_path / "g.yaml"
    shutil.copy("floorplans/gesamtschule.yaml", p)
    assert main(["pin", str(p)]) == 0
    def comments(text):
        return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]

    assert comments(p.read_text(encoding="utf-8")) == comments(
        Path("floorplans/gesamtschule.yaml").read_text(encoding="utf-8"))


def test_render_since_writes_only_the_signs_to_make(pinned, tmp_path):
    import csv

    first = tmp_path / "first"
    assert main(["render", str(pinned), "-o", str(first), "--formats", "svg", "-q"]) == 0
    _edit(pinned, add_door={"id": "d-neu", "at": [0, 10], "kind": "emergency_exit"})
    again = tmp_path / "again"
    assert main(["render", str(pinned), "-o", str(again), "--since", str(first / "plan.json"),
                 "--formats", "svg", "-q"]) == 0
    signs = sorted(p.name for p in (again / "signs").glob("*.svg"))
    assert len(signs) == 1
    rows = list(csv.DictReader((again / "schedule.csv").open(encoding="utf-8-sig")))
    assert rows[-1]["kind"] == "total" and rows[-1]["quantity"] == "1"


# -- the error tree (issue 15): plan.json problems are PlanFileErrors ---------------------------

@pytest.mark.parametrize("raw", [b"\xff\xfe", b"{not json", b'{"format": "x"}',
                                 b'{"format": "orientation/plan@1", "signs": 3}'])
def test_a_bad_plan_json_is_a_plan_file_error_and_still_a_site_file_error(raw):
    from orientation.changes import parse_plan_json
    from orientation.errors import InputError, PlanFileError, SiteFileError

    with pytest.raises(PlanFileError) as exc:
        parse_plan_json(raw, file="old/plan.json")
    assert isinstance(exc.value, SiteFileError) and isinstance(exc.value, InputError)
    assert exc.value.file == "old/plan.json" and exc.value.problems


def test_a_plan_of_another_site_is_a_plan_file_error(tmp_path):
    from orientation.changes import check_plan_belongs
    from orientation.errors import PlanFileError

    site = load_site("floorplans/rathaus.yaml")
    with pytest.raises(PlanFileError) as exc:
        check_plan_belongs({"site": {"name": "Elsewhere"}, "buildings": [{"id": "zz"}]}, site,
                           file="other.json")
    assert {p.path for p in exc.value.problems} == {"site.name", "buildings"}
