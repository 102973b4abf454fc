"""Site model and loader: every acceptance case of the foundation issue, by key path."""

from __future__ import annotations

import contextlib
import copy
import json
import sys

import pytest

from conftest import EXAMPLES, box, building, site_dict, write_site
from orientation.cli import main
from orientation.errors import LimitError, SiteFileError
from orientation.io.site_file import dump_site, site_from_bytes
from orientation.pipeline import load_site, load_site_bytes


@contextlib.contextmanager
def _int_digits(n):
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(n)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(old)


def _mutate(fn):
    data = copy.deepcopy(site_dict())
    fn(data)
    return data


BAD = [
    ("door 3 m off the outline", lambda d: d["buildings"][0]["doors"][0].update(at=[20, -3]),
     "buildings[0].doors[0].at", "3.0 m from the outline"),
    ("duplicate door id", lambda d: d["buildings"][0]["doors"].append(
        {"id": "d-main", "at": [0, 10], "kind": "emergency_exit"}),
     "buildings[0].doors[1].id", "already used"),
    ("door on a missing level", lambda d: d["buildings"][0]["doors"][0].update(level=5),
     "buildings[0].doors[0].level", "not a storey"),
    ("two main entrances", lambda d: d["buildings"][0]["doors"].append(
        {"id": "d2", "at": [0, 10], "kind": "entrance", "main": True}),
     "buildings[0].doors[1].main", "second main entrance"),
    ("unknown door kind", lambda d: d["buildings"][0]["doors"][0].update(kind="window"),
     "buildings[0].doors[0].kind", "choose one of"),
    ("unknown key (typo)", lambda d: d["buildings"][0]["doors"][0].update(lable="E1"),
     "buildings[0].doors[0].lable", "did you mean 'label'"),
    ("self-intersecting footprint", lambda d: d["buildings"][0].update(
        footprint=[[0, 0], [40, 20], [40, 0], [0, 20]]),
     "buildings[0].footprint", "not a simple polygon"),
    ("zero-area footprint", lambda d: d["buildings"][0].update(
        footprint=[[0, 0], [40, 0], [80, 0]], doors=[]),
     "buildings[0].footprint", "no area"),
    ("wrong format", lambda d: d.update(format="orientation/site@9"), "format", "site@1"),
    ("buildings not a list", lambda d: d.update(buildings={"id": "x"}), "buildings", "must be a list"),
    ("building without storeys", lambda d: d["buildings"][0].update(storeys=[]),
     "buildings[0].storeys", "at least 1"),
    ("unsafe id", lambda d: d["buildings"][0].update(id="../../x"), "buildings[0].id", "file name"),
    ("stair outside", lambda d: d["buildings"][0].update(
        stairs=[{"id": "t", "at": [50, 50], "levels": [0, 1]}]),
     "buildings[0].stairs[0].at", "not inside"),
    ("NaN coordinate", lambda d: d["buildings"][0]["doors"][0].update(at=[float("nan"), 0]),
     "buildings[0].doors[0].at[0]", "finite"),
    ("pins E1 and e1", lambda d: (d["buildings"][0]["doors"][0].update(label="E1"),
                                  d["buildings"][0]["doors"].append(
        {"id": "d2", "at": [0, 10], "kind": "emergency_exit", "label": "e1"})),
     "buildings[0].doors[1].label", "differs only in upper/lower case from 'E1' at "
     "buildings[0].doors[0].label"),
    ("stair pin e1 against a door's E1", lambda d: (d["buildings"][0]["doors"][0].update(label="E1"),
                                                   d["buildings"][0].update(stairs=[
        {"id": "t", "at": [5, 5], "levels": [0], "label": "e1"}])),
     "buildings[0].stairs[0].label", "give each element its own code"),
    ("door copied onto itself", lambda d: d["buildings"][0]["doors"].append(
        {"id": "d-copy", "at": [20, 0], "kind": "entrance"}),
     "buildings[0].doors[1].at", "entered twice"),
    ("level beyond the storey range", lambda d: d["buildings"][0]["doors"][0].update(level=10 ** 30),
     "buildings[0].doors[0].level", "less than or equal to 199"),
    ("5,000-digit integer", lambda d: d["buildings"][0]["storeys"][0].update(level=10 ** 4999),
     "buildings[0].storeys[0].level", "check the value"),
]


@pytest.mark.parametrize("name,mutate,path,words", BAD, ids=[b[0] for b in BAD])
def test_check_reports_key_path(tmp_path, capsys, name, mutate, path, words):
    data = _mutate(mutate)
    p = tmp_path / "site.json"
    with _int_digits(6000):  # json.dumps of a 5,000-digit integer
        p.write_text(json.dumps(data))
    assert main(["check", str(p)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert str(p) in err
    assert f"{path}:" in err, err
    assert words in err, err


def test_all_problems_reported_together(tmp_path):
    data = site_dict([building(doors=[
        {"id": "a", "at": [20, -3], "kind": "entrance"},
        {"id": "b", "at": [0, 10], "kind": "entrance", "level": 7},
    ], stairs=[{"id": "t", "at": [90, 90], "levels": [0]}])])
    data["buildings"][0]["doors"][1]["at"] = [0, 10]
    with pytest.raises(SiteFileError) as exc:
        load_site(write_site(tmp_path, data))
    paths = {p.path for p in exc.value.problems}
    # the level problem is found by the semantic pass; geometry runs after it passes
    assert "buildings[0].doors[1].level" in paths


def test_geometry_problems_all_together(tmp_path):
    data = site_dict([building(doors=[
        {"id": "a", "at": [20, -3], "kind": "entrance"},
        {"id": "b", "at": [-4, 10], "kind": "emergency_exit"},
    ], stairs=[{"id": "t", "at": [90, 90], "levels": [0]}])])
    with pytest.raises(SiteFileError) as exc:
        load_site(write_site(tmp_path, data))
    paths = [p.path for p in exc.value.problems]
    assert paths == ["buildings[0].doors[0].at", "buildings[0].doors[1].at", "buildings[0].stairs[0].at"]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_examples_check_clean(path, capsys):
    assert main(["check", str(path)]) == 0
    assert "0 error(s)" in capsys.readouterr().out


def test_examples_are_rich_enough():
    school = load_site("floorplans/gesamtschule.yaml")
    assert len(school.buildings) >= 3
    doors = [d for b in school.buildings for d in b.doors if d.kind.value != "inner"]
    assert len(doors) >= 15
    assert {d.kind.value for d in doors} == {"entrance", "emergency_exit", "fire_brigade", "service"}
    assert sum(len(b.stairs) for b in school.buildings) >= 4
    rooms = [r for b in school.buildings for r in b.rooms if r.polygon]
    assert len(rooms) >= 60
    main_b = school.buildings[0]
    assert len(main_b.footprint) >= 6  # L- or U-shaped, not a rectangle
    assert {-1, 0, 1, 2} <= {s.level for s in main_b.storeys}
    kinds = {f.kind.value for f in school.site_features}
    assert {"road", "fire_lane", "hydrant", "assembly_point", "gate"} <= kinds
    feats = {f.kind.value for b in school.buildings for f in b.features}
    assert {"key_box", "fire_alarm_panel"} <= feats
    town = load_site("floorplans/rathaus.yaml")
    assert any(b.courtyards for b in town.buildings)
    us = load_site("floorplans/us-elementary.yaml")
    assert us.profile == "us-k12"
    assert len(us.buildings) >= 3


def test_yaml_and_json_round_trip(tmp_path):
    site = load_site("floorplans/gesamtschule.yaml")
    for fmt in ("yaml", "json"):
        text = dump_site(site, fmt=fmt)
        again = load_site_bytes(text.encode(), name=f"x.{fmt}")
        assert again == site


def test_schema_and_profiles(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Site" and "buildings" in schema["properties"]
    assert main(["profiles"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("guetersloh") and "us-k12" in out


HOSTILE = {
    "empty.yaml": b"",
    "garbage.yaml": bytes(range(256)) * 4,
    "latin1.yaml": "format: orientation/site@1\nsite: {name: Gro\xdf}\n".encode("latin-1"),
    "deep.json": b"[" * 200_000 + b"]" * 200_000,
    "bomb.yaml": b"a: &a [x,x,x,x,x,x,x,x,x]\n" + b"".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n".encode()
        for p, c in zip("abcdefgh", "bcdefghi")),
    "nan.json": b'{"format": "orientation/site@1", "site": {"name": "x"}, "buildings": '
                b'[{"id": "a", "name": "a", "footprint": [[0,0],[NaN,0],[1,1]], "storeys": [{"level": 0, "name": "EG"}]}]}',
    "huge.json": json.dumps(site_dict([building(footprint=box(0, 0, 1e300, 1e300), doors=[])])).encode(),
    "scalar.yaml": b"42\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_files_give_messages(tmp_path, capsys, name):
    p = tmp_path / name
    p.write_bytes(HOSTILE[name])
    out = tmp_path / "out"
    assert main(["render", str(p), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "Traceback" not in err
    assert not out.exists()


def test_identical_pins_stay_the_plans_finding(tmp_path, capsys):
    """The very same code pinned twice loads (the plan reports it as duplicate-code, which the
    app can fix in place); only codes differing in case are refused while loading."""
    data = site_dict([building(doors=[
        {"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True, "label": "E1"},
        {"id": "d2", "at": [0, 10], "kind": "emergency_exit", "label": "E1"}])])
    p = tmp_path / "site.json"
    p.write_text(json.dumps(data))
    assert main(["check", str(p)]) == 1
    out = capsys.readouterr()
    assert "duplicate-code" in out.out and "upper/lower" not in out.out + out.err


def test_alias_bomb_is_a_limit_error():
    with pytest.raises(LimitError, match="max_nodes"):
        site_from_bytes(HOSTILE["bomb.yaml"], name="bomb.yaml")


def test_limits_are_named_and_configurable(tmp_path, capsys):
    far = site_dict([building(footprint=box(200_000, 0, 200_040, 20), doors=[])])
    p = tmp_path / "far.json"
    p.write_text(json.dumps(far))
    assert main(["check", str(p)]) == 1
    assert "--max-coordinate" in capsys.readouterr().err
    # with the limit raised the file loads; check then reports the missing main entrance
    assert main(["check", str(p), "--max-coordinate", "300000"]) == 1
    out = capsys.readouterr()
    assert "--max-coordinate" not in out.err and "no-main-entrance" in out.out
    big = tmp_path / "big.yaml"
    big.write_text("format: orientation/site@1\n" + "# padding\n" * 20_000)
    assert main(["check", str(big), "--max-file-mb", "0.1"]) == 1
    assert "--max-file-mb" in capsys.readouterr().err


def test_a_flood_of_problems_is_listed_in_part_and_kept_whole():
    from orientation.errors import MAX_PROBLEMS_SHOWN, Problem, SiteFileError

    err = SiteFileError("x.yaml", [Problem(f"buildings[0].doors[{i}]", "twice") for i in range(1000)])
    text = str(err)
    assert len(err.problems) == 1000
    assert text.count("\n  - ") == MAX_PROBLEMS_SHOWN
    assert "… and 970 more problem(s)" in text
    assert str(SiteFileError("x.yaml", [Problem("a", "b"), Problem("c", "d")])).count("  - ") == 2


# -- issue 16: what the model says about shafts, storeys and vertical features ----------------


def test_stair_and_lift_rooms_are_shafts_and_other_uses_are_not():
    from orientation.model import HAZARD_USES, SHAFT_USES, Room, RoomUse

    assert {u.value for u in SHAFT_USES} == {"stair", "lift"}
    assert not SHAFT_USES & HAZARD_USES
    for use in RoomUse:
        assert Room(id="r", level=0, use=use).is_shaft == (use in SHAFT_USES)
    assert not Room(id="r", level=0).is_shaft  # no use given: a room like any other


def test_a_shaft_keeps_its_number_in_the_file(tmp_path):
    data = site_dict([building(rooms=[{"id": "tr", "level": 0, "use": "stair", "number": "005",
                                       "polygon": box(0, 0, 5, 10)}])])
    site = load_site(write_site(tmp_path, data))
    assert site.buildings[0].rooms[0].number == "005" and site.buildings[0].rooms[0].is_shaft
    assert "005" in dump_site(site)


def test_a_storey_outline_and_feature_levels_load():
    data = site_dict([building(
        storeys=[{"level": 0, "name": "EG"},
                 {"level": 1, "name": "1. OG", "outline": box(0, 0, 40, 26),
                  "courtyards": [box(15, 5, 25, 15)]}],
        features=[{"kind": "elevator", "at": [5, 5], "levels": [1, 0]}])])
    b = site_from_bytes(json.dumps(data).encode(), name="s.json").buildings[0]
    assert b.storey(0).outline is None and b.storey(1).outline[2] == (40.0, 26.0)
    assert len(b.storey(1).courtyards) == 1
    assert b.features[0].level == 0 and b.features[0].served_levels == (0, 1)
