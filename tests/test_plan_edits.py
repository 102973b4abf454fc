"""Plan edits (orientation.plan_edits): doors snapped onto the wall, features, site features,
storeys, the site's information and position, what is missing, and the file's own text."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest

from conftest import FLOORPLANS, box, building, site_dict
from orientation import plan_edits as pe
from orientation.edits import validated
from orientation.errors import OptionError, SiteFileError
from orientation.geo import wgs84_to_plan
from orientation.io.site_file import site_from_bytes
from orientation.layout.engine import make_plan
from orientation.model import Site
from orientation.pipeline import load_site
from orientation.profiles import load_profile


def plan_of(site: Site):
    return make_plan(site, load_profile(site.profile or "guetersloh"))


def make(**extra) -> Site:
    return validated(site_dict([building(**extra)]))


@pytest.fixture
def site() -> Site:
    return make()


# --- doors -----------------------------------------------------------------------------------


def test_add_door_snaps_onto_the_wall_and_gets_an_id(site):
    new, door_id = pe.add_door(site, "main", (10, -1.2), kind="emergency_exit")
    assert door_id == "d-1"
    door = new.building("main").doors[-1]
    assert (door.id, door.at, door.level, door.kind.value) == ("d-1", (10.0, 0.0), 0,
                                                               "emergency_exit")
    new2, second = pe.add_door(new, "main", (40.4, 10))
    assert second == "d-2" and new2.building("main").doors[-1].at == (40.0, 10.0)
    assert site.building("main").doors[-1].id == "d-main"  # the old site is unchanged


def test_a_point_far_from_the_wall_is_refused(site):
    with pytest.raises(OptionError) as e:
        pe.add_door(site, "main", (10, -3))
    assert "the point is 3.0 m from the outline of building 'main'; click on the wall" \
        in str(e.value)
    with pytest.raises(OptionError, match="no building 'nope'; choose one of: main"):
        pe.add_door(site, "nope", (10, 0))
    with pytest.raises(OptionError, match="unknown door kind 'gate'; choose one of: entrance"):
        pe.add_door(site, "main", (10, 0), kind="gate")
    with pytest.raises(OptionError, match="level 5 is not a storey"):
        pe.add_door(site, "main", (10, 0), level=5)


def test_the_level_defaults_to_the_ground_floor():
    s = make(storeys=[{"level": -1, "name": "KG"}, {"level": 0, "name": "EG"},
                      {"level": 1, "name": "OG"}])
    new, door_id = pe.add_door(s, "main", (0, 10))
    assert new.building("main").doors[-1].level == 0
    basement_only = make(storeys=[{"level": -2, "name": "2. UG"}, {"level": -1, "name": "UG"}],
                         doors=[])
    assert pe.add_door(basement_only, "main", (0, 10))[0].building("main").doors[0].level == -1


def test_a_door_snaps_to_a_courtyard_and_to_its_storeys_own_outline():
    s = make(footprint=box(0, 0, 40, 20), courtyards=[box(15, 5, 25, 15)],
             storeys=[{"level": 0, "name": "EG"},
                      {"level": 1, "name": "OG", "outline": box(0, 0, 40, 26)}])
    new, _ = pe.add_door(s, "main", (20, 5.8))
    assert new.building("main").doors[-1].at == (20.0, 5.0)
    new, _ = pe.add_door(s, "main", (10, 25.5), level=1, kind="emergency_exit")
    assert new.building("main").doors[-1].at == (10.0, 26.0)
    with pytest.raises(OptionError, match="from the outline"):
        pe.add_door(s, "main", (10, 25.5), level=0)


def test_a_new_main_entrance_takes_the_flag_and_is_e1(site):
    new, door_id = pe.add_door(site, "main", (0, 10), main=True)
    mains = [d.id for b in new.buildings for d in b.doors if d.main]
    assert mains == [door_id]
    assert plan_of(new).marking(f"main/{door_id}").code == "E1"
    with pytest.raises(OptionError, match="inner door cannot be the main entrance"):
        pe.add_door(site, "main", (5, 5), kind="inner", main=True)


def test_an_inner_door_stays_inside(site):
    new, door_id = pe.add_door(site, "main", (5, 5), kind="inner")
    assert new.building("main").doors[-1].at == (5.0, 5.0)
    with pytest.raises(OptionError, match="outside building 'main'"):
        pe.add_door(site, "main", (5, 30), kind="inner")


def test_two_doors_at_one_point_name_the_key_path(site):
    with pytest.raises(SiteFileError, match=r"buildings\[0\]\.doors\[1\]\.at"):
        pe.add_door(site, "main", (20.2, -0.5))


def test_move_and_set_main_door(site):
    new, door_id = pe.add_door(site, "main", (0, 10))
    moved = pe.move_door(new, "main", door_id, (-1, 12))
    assert moved.building("main").doors[-1].at == (0.0, 12.0)
    with pytest.raises(OptionError, match="click on the wall"):
        pe.move_door(new, "main", door_id, (-5, 12))
    with pytest.raises(OptionError, match="has no door 'd-9'"):
        pe.move_door(new, "main", "d-9", (0, 12))
    main = pe.set_main_door(new, "main", door_id)
    assert [d.id for d in main.building("main").doors if d.main] == [door_id]
    inner, inner_id = pe.add_door(new, "main", (5, 5), kind="inner")
    with pytest.raises(OptionError, match="is an inner door"):
        pe.set_main_door(inner, "main", inner_id)


# --- elements and storeys ------------------------------------------------------------------


def _full() -> Site:
    return make(
        storeys=[{"level": 0, "name": "EG"}, {"level": 1, "name": "OG"}, {"level": 2, "name": "DG"}],
        doors=[{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True},
               {"id": "d-up", "at": [0, 10], "kind": "emergency_exit", "level": 2}],
        stairs=[{"id": "s1", "at": [5, 5], "levels": [0, 1, 2]},
                {"id": "s2", "at": [30, 5], "levels": [2]}],
        rooms=[{"id": "r1", "level": 0, "name": "A"}, {"id": "r2", "level": 2, "name": "B"}],
        windows=[{"id": "w1", "level": 2, "at": [10, 20]}],
        features=[{"kind": "elevator", "at": [8, 5], "levels": [0, 1, 2], "id": "lift"},
                  {"kind": "key_box", "at": [19, 0.3], "id": "kb"},
                  {"kind": "aed", "at": [8, 8], "level": 2}])


def test_remove_element_of_each_kind():
    s = _full()
    for element, key in (("d-up", "doors"), ("s1", "stairs"), ("r2", "rooms"),
                         ("w1", "windows"), ("kb", "features")):
        new = pe.remove_element(s, "main", element)
        assert element not in {e.id for e in getattr(new.building("main"), key)}
        assert len(getattr(new.building("main"), key)) == len(getattr(s.building("main"), key)) - 1
    with pytest.raises(OptionError, match="has no element 'zz'"):
        pe.remove_element(s, "main", "zz")


def test_remove_storey_drops_what_is_on_it():
    s = _full()
    new, n = pe.remove_storey(s, "main", 2)
    b = new.building("main")
    assert [st.level for st in b.storeys] == [0, 1]
    assert n == 5  # d-up, s2 (only on 2), r2, w1, the aed
    assert [(st.id, st.levels) for st in b.stairs] == [("s1", (0, 1))]
    assert {f.id for f in b.features} == {"lift", "kb"}
    assert next(f for f in b.features if f.id == "lift").levels == (0, 1)
    ground, n0 = pe.remove_storey(s, "main", 0)
    lift = next(f for f in ground.building("main").features if f.id == "lift")
    assert lift.level == 1 and lift.levels == (1, 2)
    assert n0 == 3  # d-main, r1, kb
    single = make(storeys=[{"level": 0, "name": "EG"}])
    with pytest.raises(OptionError, match="only storey"):
        pe.remove_storey(single, "main", 0)
    with pytest.raises(OptionError, match="level 7 is not a storey"):
        pe.remove_storey(s, "main", 7)


# --- features ------------------------------------------------------------------------------


def test_site_features_are_added_and_removed(site):
    new, i = pe.add_site_feature(site, "fire_lane", line=[(0, -5), (40, -5)], name="Zufahrt")
    assert i == 1 and new.site_features[1].line == ((0.0, -5.0), (40.0, -5.0))
    new, j = pe.add_site_feature(new, "hydrant", at=(45, -5))
    assert j == 2 and new.site_features[2].at == (45.0, -5.0)
    new, k = pe.add_site_feature(new, "parking", polygon=box(50, 0, 60, 10))
    assert new.site_features[k].kind.value == "parking"
    with pytest.raises(OptionError, match="at least 2"):
        pe.add_site_feature(site, "road", line=[(0, 0)])
    with pytest.raises(OptionError, match="a hydrant is a point"):
        pe.add_site_feature(site, "hydrant")
    with pytest.raises(OptionError, match="unknown site feature kind 'river'"):
        pe.add_site_feature(site, "river", line=[(0, 0), (1, 1)])
    gone = pe.remove_site_feature(new, 0)
    assert [f.kind.value for f in gone.site_features] == ["fire_lane", "hydrant", "parking"]
    with pytest.raises(OptionError, match="no site feature 9"):
        pe.remove_site_feature(new, 9)


def test_building_features(site):
    new = pe.add_feature(site, "main", "key_box", (21, 0.2), name="FSD")
    f = new.building("main").features[-1]
    assert (f.id, f.kind.value, f.level, f.name) == ("f-1", "key_box", 0, "FSD")
    lift = pe.add_feature(new, "main", "elevator", (5, 5), levels=[1, 0])
    f2 = lift.building("main").features[-1]
    assert (f2.id, f2.levels, f2.level) == ("f-2", (0, 1), 0)
    with pytest.raises(OptionError, match="unknown feature kind"):
        pe.add_feature(site, "main", "hydrant", (5, 5))
    with pytest.raises(OptionError, match="outside building 'main'"):
        pe.add_feature(site, "main", "key_box", (5, 40))


# --- references: every element, with an id or without -----------------------------------------


def test_find_names_every_element_by_id_or_by_its_place():
    s = _full()  # its aed has no id
    ref, e = pe.find(s, "main/features[2]")
    assert (ref.building, ref.key, ref.index, e.kind.value) == ("main", "features", 2, "aed")
    assert str(ref) == "main/features[2]" and pe.find(s, ref)[1] is e
    assert pe.find(s, "main/kb")[0] == pe.Ref("main", "features", 1)
    assert pe.find(s, "main/doors[1]")[1].id == "d-up"
    assert pe.find(s, " site_features[0] ")[1].kind.value == "road"
    got = [text for text, _, _ in pe.references(s)]
    assert got[:2] == ["main/d-main", "main/d-up"]
    assert {"main/lift", "main/kb", "main/features[2]", "site_features[0]"} <= set(got)
    assert all(pe.find(s, text)[0] == r for text, r, _ in pe.references(s))
    for bad, match in (("main/features[3]", r"no features\[3\]; it has features\[0\] to "
                                            r"features\[2\]"),
                       ("site_features[1]", r"the site has no site_features\[1\]"),
                       ("main/zz", "has no element 'zz'.*main/features\\[N\\]"),
                       ("main/sofas[0]", "'sofas' is no list of a building"),
                       ("nope/features[0]", "no building 'nope'"),
                       ("features[0]", "is no reference; give BUILDING/ID"),
                       ("main/features[-1]", "has no element")):
        with pytest.raises(OptionError, match=match):
            pe.find(s, bad)


def test_remove_and_move_a_feature_without_an_id():
    s = _full()
    gone = pe.remove(s, "main/features[2]")
    assert [f.id for f in gone.building("main").features] == ["lift", "kb"]
    assert pe.remove_element(s, "main", "features[2]") == gone
    moved = pe.move(s, "main/features[2]", at=(30, 10.004))
    assert moved.building("main").features[2].at == (30.0, 10.004)
    assert moved.building("main").features[2].level == 2
    assert pe.move_feature(s, "main", 2, (30, 10.004)) == moved
    assert pe.move_feature(s, "main", "kb", (19, -0.5)).building("main").features[1].at == \
        (19.0, -0.5)  # on the wall, outside: a key box
    shifted = pe.move(s, "main/features[2]", by=(1, -1))
    assert shifted.building("main").features[2].at == (9.0, 7.0)
    with pytest.raises(OptionError, match="outside building 'main'"):
        pe.move(s, "main/features[2]", at=(30, 40))
    with pytest.raises(OptionError, match="not both"):
        pe.move(s, "main/features[2]", at=(1, 1), by=(1, 1))
    with pytest.raises(OptionError, match="not both"):
        pe.move(s, "main/features[2]")


def test_move_doors_stairs_windows_rooms_and_site_features():
    s = _full()
    assert pe.move(s, "main/d-main", at=(12, 0.9)).building("main").doors[0].at == (12.0, 0.0)
    assert pe.move(s, "main/d-main", by=(3, -1)).building("main").doors[0].at == (23.0, 0.0)
    with pytest.raises(OptionError, match="click on the wall"):
        pe.move(s, "main/d-main", by=(0, 5))
    assert pe.move(s, "main/s1", by=(2, 0)).building("main").stairs[0].at == (7.0, 5.0)
    assert pe.move(s, "main/w1", at=(12, 20.6)).building("main").windows[0].at == (12.0, 20.0)
    s2 = make(rooms=[{"id": "r1", "level": 0, "polygon": box(0, 0, 10, 10)}])
    room = pe.move(s2, "main/r1", by=(1, 2)).building("main").rooms[0]
    assert room.polygon[0] == (1.0, 2.0) and room.polygon[2] == (11.0, 12.0)
    with pytest.raises(OptionError, match="is its outline: move it by"):
        pe.move(s2, "main/r1", at=(1, 1))
    with pytest.raises(OptionError, match="has no outline"):
        pe.move(s, "main/r1", by=(1, 1))
    s3, i = pe.add_site_feature(s, "hydrant", at=(-5, -5))
    assert pe.move(s3, f"site_features[{i}]", at=(-6, -7)).site_features[i].at == (-6.0, -7.0)
    assert pe.move_site_feature(s3, i, by=(1, 1)).site_features[i].at == (-4.0, -4.0)
    road = pe.move_site_feature(s3, 0, by=(0, -2.5)).site_features[0]
    assert road.line == ((-50.0, -17.5), (100.0, -17.5))
    with pytest.raises(OptionError, match="a road is a line or an area"):
        pe.move_site_feature(s3, 0, at=(0, 0))
    with pytest.raises(OptionError, match="no site feature 7"):
        pe.move_site_feature(s3, 7, by=(1, 1))


_FEATURES = """format: orientation/site@1
site: {name: S}
buildings:
  - id: a
    name: A
    footprint: [[0, 0], [10, 0], [10, 10], [0, 10]]
    storeys: [{level: 0, name: EG}]
    doors:
      - {id: x, at: [0, 2], kind: entrance, main: true}
    features:
      - {kind: key_box, at: [5, -0.3]}   # beside the door
      - {kind: fire_alarm_panel, at: [1, 1]}   # the panel
      - {kind: aed, at: [2, 2]}   # the defibrillator
site_features:
  - {kind: road, line: [[-10, -5], [20, -5]]}   # the street
  - {kind: hydrant, name: H1, at: [-3, -3]}   # at the corner
"""


def test_moved_and_removed_features_without_an_id_keep_the_files_comments():
    s = site_from_bytes(_FEATURES.encode(), name="s.yaml")
    s2 = pe.move(s, "a/features[1]", at=(2, 1))
    s2 = pe.remove(s2, "a/features[2]")
    s2 = pe.move(s2, "site_features[0]", by=(0, -1))
    s2 = pe.move(s2, "site_features[1]", at=(-4, -3))
    new = pe.site_text_after(_FEATURES, s2, name="s.yaml")
    assert site_from_bytes(new.encode(), name="s.yaml") == s2
    assert "      - {kind: key_box, at: [5, -0.3]}   # beside the door\n" in new
    assert "      - {kind: fire_alarm_panel, at: [2, 1]}   # the panel\n" in new
    assert "aed" not in new and "defibrillator" not in new
    assert "  - {kind: road, line: [[-10, -6], [20, -6]]}   # the street\n" in new
    assert "  - {kind: hydrant, name: H1, at: [-4, -3]}   # at the corner\n" in new
    # a feature put in the place of another kind is a new one: the old one's comment goes
    s3 = pe.remove(s, "a/features[1]")
    s3 = pe.add_feature(s3, "a", "first_info_point", (1, 1))
    new3 = pe.site_text_after(_FEATURES, s3, name="s.yaml")
    assert site_from_bytes(new3.encode(), name="s.yaml") == s3
    assert "# the panel" not in new3 and "# the defibrillator" in new3


# --- the site ------------------------------------------------------------------------------


def test_set_site_changes_only_what_is_given(site):
    new = pe.set_site(site, date="2026-12-01")
    assert new.site.date == "2026-12-01" and new.site.name == site.site.name
    assert new.site.address == site.site.address
    new = pe.set_site(new, name="Neue Schule", address="", north_deg=15, origin=(51.9, 8.38))
    assert (new.site.name, new.site.address, new.site.north_deg) == ("Neue Schule", None, 15.0)
    assert (new.site.origin.lat, new.site.origin.lon) == (51.9, 8.38)
    assert new.site.date == "2026-12-01"
    for bad, match in (({"date": "2026-02-30"}, "no date of the calendar"),
                       ({"date": "1.12.2026"}, "YYYY-MM-DD"),
                       ({"origin": (95, 8)}, "no position"),
                       ({"north_deg": "north"}, "no bearing"),
                       ({"name": " "}, "needs a name")):
        with pytest.raises(OptionError, match=match):
            pe.set_site(site, **bad)


@pytest.mark.parametrize("north", [0.0, 30.0, -112.5])
def test_set_origin_at_puts_the_plan_point_at_the_position(site, north):
    s = pe.set_site(site, north_deg=north)
    at, lat, lon = (120.0, -45.0), 51.9066, 8.3786
    new = pe.set_origin_at(s, at, lat, lon)
    o = new.site.origin
    x, y = wgs84_to_plan((o.lat, o.lon), north, (lon, lat))
    assert math.dist((float(x), float(y)), at) < 0.01
    assert new.site.north_deg == north
    at0 = pe.set_origin_at(s, (0, 0), lat, lon).site.origin
    assert (at0.lat, at0.lon) == (lat, lon)


# --- what is missing -----------------------------------------------------------------------


def test_missing_lists_each_thing_until_it_is_fixed():
    data = site_dict([building(doors=[], storeys=[{"level": 0, "name": "EG"},
                                                  {"level": 1, "name": "OG"}])])
    data.pop("site_features")
    s = validated(data)
    got = pe.missing(s, plan_of(s))
    codes = [m.code for m in got]
    assert codes == ["no-doors", "no-main", "no-road", "no-date", "no-origin", "empty-storey",
                     "empty-storey"]
    assert all(m.action in pe.ACTIONS for m in got)
    first = got[0]
    assert (first.action, first.building, first.level) == ("add-door", "main", 0)
    assert first.text("de").startswith("Gebäude main (A) hat keine Außentür")
    assert first.text("en").startswith("Gebäude main (A) has no exterior door")
    assert got[-1].text("en").startswith("Storey OG of Gebäude main (A) is empty")
    assert got[-1].action == "remove-storey" and got[-1].level == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.code = "x"  # type: ignore[misc]
    s, door = pe.add_door(s, "main", (20, 0))
    assert [m.code for m in pe.missing(s, plan_of(s))][0] == "no-main"
    s = pe.set_main_door(s, "main", door)
    s, _ = pe.add_site_feature(s, "fire_lane", line=[(0, -10), (40, -10)])
    s = pe.set_site(s, date="2026-12-01")
    s = pe.set_origin_at(s, (0, 0), 51.9, 8.4)
    s = pe.add_feature(s, "main", "fire_alarm_panel", (5, 5), level=1)
    assert pe.missing(s, plan_of(s)) == []


def test_the_examples_miss_nothing_but_their_own_gaps():
    for path in sorted(FLOORPLANS.glob("*.yaml")):
        s = load_site(path)
        for m in pe.missing(s, plan_of(s)):
            assert m.text("de") and m.text("en") and m.action in pe.ACTIONS


# --- the file's own text -------------------------------------------------------------------

RATHAUS = FLOORPLANS / "rathaus.yaml"


def test_the_text_keeps_comments_and_takes_every_edit():
    text = RATHAUS.read_text(encoding="utf-8")
    s = load_site(RATHAUS)
    s, door = pe.add_door(s, "rathaus", (10, -1), main=True)
    s = pe.remove_element(s, "rathaus", "d-west")
    s = pe.move_door(s, "rathaus", "d-ost", (48.5, 15))
    s, _ = pe.add_site_feature(s, "hydrant", at=(5, -10))
    s = pe.add_feature(s, "rathaus", "key_box", (11, 0.3))
    s = pe.set_site(s, date="2026-12-01", address="Markt 2")
    s, _ = pe.remove_storey(s, "rathaus", 2)
    new = pe.site_text_after(text, s, name="rathaus.yaml")
    assert site_from_bytes(new.encode(), name="rathaus.yaml") == s
    assert "# Haupteingang am Marktplatz (Foyer)" in new  # comments kept
    assert "# Beispiel-Standort: Rathaus Beispielstadt" in new
    assert "# Notausgang West" not in new and "d-west" not in new
    assert "- {id: d-1, at: [10, 0], kind: entrance, main: true}" in new
    assert "- {id: d-ost, at: [48, 15]," in new
    assert "- {id: f-1, kind: key_box, at: [11, 0.3]}" in new
    assert "date: 2026-12-01\n" in new and "r-2og-01" not in new
    assert plan_of(site_from_bytes(new.encode(), name="r.yaml")).marking(
        f"rathaus/{door}").code == "E1"


def test_block_style_and_json_files_take_new_elements(tmp_path):
    data = site_dict()
    s = validated(data)
    s2, _ = pe.add_door(s, "main", (0, 10), kind="service")
    s2, _ = pe.add_site_feature(s2, "hydrant", at=(-5, -5))
    s2 = pe.set_site(s2, origin=(51.0, 8.0))
    yaml_text = "# a comment\n" + __import__("yaml").safe_dump(data, sort_keys=False)
    new = pe.site_text_after(yaml_text, s2, name="s.yaml")
    assert new.startswith("# a comment\n")
    assert site_from_bytes(new.encode(), name="s.yaml") == s2
    json_text = json.dumps(data, indent=4, ensure_ascii=False) + "\n"
    new_json = pe.site_text_after(json_text, s2, name="s.json")
    assert site_from_bytes(new_json.encode(), name="s.json") == s2
    assert '\n    "format"' in new_json  # the file's own indentation


def test_a_site_written_afresh_is_edited_without_the_round_trip(monkeypatch):
    """An imported building's text is the site written afresh: nothing of its own to keep, so
    the edited site is written afresh too; the round trip through ruamel is never made (it
    takes long for a large building)."""
    import orientation.edits as edits
    from orientation.io.site_file import dump_site

    calls = []
    monkeypatch.setattr(edits, "edited_text", lambda *a, **k: calls.append(a) or "")
    s = validated(site_dict())
    s2, _ = pe.add_door(s, "main", (0, 10))
    for fmt, name in (("yaml", "s.yaml"), ("json", "s.json")):
        text = dump_site(s, fmt=fmt)
        assert pe.site_text_after(text, s2, name=name) == dump_site(s2, fmt=fmt)
        assert pe.site_text_after(text, s, name=name) == text  # unchanged: the text itself
    assert calls == []
    commented = "# kept\n" + dump_site(s)
    assert pe.site_text_after(commented, s2, name="s.yaml") == ""  # this one goes round
    assert len(calls) == 1


def test_a_file_sharing_elements_through_aliases_is_written_afresh():
    text = ("format: orientation/site@1\nsite: {name: S}\nbuildings:\n"
            "  - id: a\n    name: A\n    footprint: &fp [[0, 0], [10, 0], [10, 10], [0, 10]]\n"
            "    storeys: &st [{level: 0, name: EG}, {level: 1, name: OG}]\n"
            "  - id: b\n    name: B\n    footprint: [[20, 0], [30, 0], [30, 10], [20, 10]]\n"
            "    storeys: *st\n")
    s = site_from_bytes(text.encode(), name="s.yaml")
    s2, _ = pe.remove_storey(s, "a", 1)
    new = pe.site_text_after(text, s2, name="s.yaml")
    assert site_from_bytes(new.encode(), name="s.yaml") == s2


_SECTIONS = """format: orientation/site@1
site:
  name: S  # the name
# ===== the buildings =====
buildings:
  - id: a
    name: A
    footprint: [[0, 0], [10, 0], [10, 10], [0, 10]]
    storeys:
      - {level: 0, name: EG}
      - {level: 1, name: OG}
    doors:
      - {id: x, at: [0, 2], kind: entrance}   # door x
      # ===== stairs =====
    stairs:
      - {id: s, at: [1, 1], levels: [0, 1]}
  # ===== building b =====
  - id: b
    name: B
    footprint: [[20, 0], [30, 0], [30, 10], [20, 10]]
    storeys:
      - level: 0
        name: EG  # ground
    doors:
      - id: z
        at: [20, 5]
        kind: entrance   # west
# ===== the site =====
site_features: []
"""


def test_comments_stay_in_front_of_what_they_introduce():
    s = site_from_bytes(_SECTIONS.encode(), name="s.yaml")
    s2, _ = pe.add_door(s, "a", (5, 0.5), main=True)
    s2, _ = pe.add_door(s2, "b", (25, 10.5))
    s2 = pe.add_feature(s2, "a", "key_box", (5, 0.2))
    s2, _ = pe.add_site_feature(s2, "road", line=[(0, -5), (10, -5)], name="Weg")
    s2 = pe.set_site(s2, date="2026-12-01")
    new = pe.site_text_after(_SECTIONS, s2, name="s.yaml")
    assert site_from_bytes(new.encode(), name="s.yaml") == s2
    lines = new.splitlines()

    def before(comment: str, line: str) -> None:
        assert lines[lines.index(comment) + 1] == line, new

    before("# ===== the buildings =====", "buildings:")
    before("      # ===== stairs =====", "    stairs:")
    before("  # ===== building b =====", "  - id: b")
    before("# ===== the site =====", "site_features:")
    assert "  date: 2026-12-01" in lines
    assert "      - {id: d-1, at: [5, 0], kind: entrance, main: true}" in lines
    assert lines[lines.index("    features:") + 1] == "      - id: f-1"
    assert "        at: [25, 10]" in lines  # a block-style list gets a block-style door
