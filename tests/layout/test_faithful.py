"""Faithful to the building (issue 16): shafts get no room number, existing numbers stay and
are never handed out again, a profile may renumber, building letters keep clear of code
prefixes, side A follows the address, rooms lie inside their storey's own outline, and the
profiles' defaults say what the domain notes say."""

from __future__ import annotations

import pytest

from conftest import box, building, site_dict
from orientation.errors import ProfileError
from orientation.io.site_file import site_from_data
from orientation.layout import engine
from orientation.layout.engine import make_plan
from orientation.layout.geometry import geometry_problems
from orientation.layout.numbering import address_streets, street_key
from orientation.layout.sizing import panel_size
from orientation.profiles import load_profile


def site_of(data: dict):
    return site_from_data(data, file="faithful.yaml")


def plan_of(data: dict, profile="guetersloh"):
    site = site_of(data)
    assert geometry_problems(site) == []
    return make_plan(site, profile)


def room_codes(plan) -> dict[str, str]:
    return {m.element: m.code for m in plan.markings if m.kind == "room"}


def findings(plan, code: str) -> list:
    return [f for f in plan.findings if f.code == code]


def with_numbering(profile: str = "guetersloh", **numbering):
    prof = load_profile(profile)
    return prof.model_copy(update={"numbering": prof.numbering.model_copy(update=numbering)})


# -- 1. shafts ---------------------------------------------------------------------------------

# A school wing: classroom, stairwell, classroom along the road; a lift shaft behind them.
WING_ROOMS = [
    {"id": "west", "level": 0, "polygon": box(0, 0, 15, 10)},
    {"id": "stairwell", "level": 0, "use": "stair", "polygon": box(15, 0, 25, 10)},
    {"id": "east", "level": 0, "polygon": box(25, 0, 40, 10)},
    {"id": "lift", "level": 0, "use": "lift", "polygon": box(15, 10, 20, 15)},
]
WING_STAIR = [{"id": "st-1", "at": [20, 5], "levels": [0, 1]}]
WING_WINDOWS = [{"id": "w-west", "at": [7, 0], "level": 0},
                {"id": "w-stair", "at": [22, 0], "level": 0}]


def wing(rooms=WING_ROOMS, **extra) -> dict:
    return site_dict([building(rooms=rooms, stairs=WING_STAIR, windows=WING_WINDOWS, **extra)])


def test_shafts_get_no_room_number_sign_or_window_code_and_their_stair_keeps_its_code():
    plan = plan_of(wing())
    assert room_codes(plan) == {"west": "001", "east": "002"}  # the shaft takes no index
    assert not [s for s in plan.signs if s.marking in ("main/stairwell", "main/lift")]
    windows = {m.element: m.code for m in plan.markings if m.kind == "window"}
    assert windows == {"w-west": "001"}  # the stairwell's window: no code
    assert not findings(plan, "window-without-room")  # a room is behind it: no finding
    assert {m.element: m.code for m in plan.markings if m.kind == "stair"} == {"st-1": "T1"}
    assert sorted(s.subtext for s in plan.signs if s.kind == "stair") == ["1. OG", "EG"]


def test_a_shaft_is_still_drawn_on_the_storey_plan():
    plan = plan_of(wing())
    storey = next(s for s in plan.geometry.buildings[0].storeys if s.level == 0)
    assert {r.id for r in storey.rooms} == {"west", "stairwell", "east", "lift"}


def test_numbered_shafts_keep_their_number_in_the_file_and_are_named_once_per_building():
    rooms = [{**WING_ROOMS[0]}, {**WING_ROOMS[1], "number": "002"}, {**WING_ROOMS[2]},
             {**WING_ROOMS[3], "number": "L1"}]
    site = site_of(wing(rooms=rooms))
    plan = make_plan(site, "guetersloh")
    assert [r.number for r in site.buildings[0].rooms] == [None, "002", None, "L1"]
    assert "main/stairwell" not in {m.id for m in plan.markings}
    # the shaft's plate is still on its door: no other room is given 002
    assert room_codes(plan) == {"west": "001", "east": "003"}
    shaft = findings(plan, "shaft-number")
    assert len(shaft) == 1 and shaft[0].severity == "info" and shaft[0].element == "main"
    assert dict(shaft[0].params)["n"] == 2
    assert "stairwell, lift" in shaft[0].message and "stairwell, lift" in shaft[0].text("de")


# -- 2. existing numbers -----------------------------------------------------------------------


def two_buildings(rooms_a, rooms_b, **kw) -> dict:
    return site_dict([
        building("a", rooms=rooms_a, storeys=[{"level": 0, "name": "EG"}]),
        building("b", footprint=box(60, 0, 100, 20), doors=[],
                 storeys=[{"level": 0, "name": "EG"}], rooms=rooms_b),
    ], **kw)


def test_a_new_number_never_equals_an_existing_number_of_another_building():
    data = two_buildings([{"id": "plate", "level": 0, "number": "001", "polygon": box(0, 0, 10, 10)}],
                         [{"id": "new", "level": 0, "polygon": box(60, 0, 70, 10)}])
    plan = make_plan(site_of(data), with_numbering(room_building_prefix="never"))
    assert room_codes(plan) == {"plate": "001", "new": "002"}


def test_a_new_number_follows_the_door_plates_of_its_building():
    # plates without the building letter: the new room is 002 beside 001, not A002 (two
    # schemes on one floor); a building without plates takes its letter as before
    data = two_buildings([{"id": "plate", "level": 0, "number": "001", "polygon": box(0, 0, 10, 10)},
                          {"id": "new", "level": 0, "polygon": box(10, 0, 20, 10)}],
                         [{"id": "other", "level": 0, "polygon": box(60, 0, 70, 10)}])
    c = room_codes(plan_of(data))
    assert c == {"plate": "001", "new": "002", "other": "B001"}


def test_a_new_number_with_the_building_letter_skips_a_door_plate_of_its_building():
    # a crew sent to "A003" reads room 003 of building A, and finds the plate 003 on another door
    plates = [{"id": f"p{i}", "level": 0, "number": n, "polygon": box(10 * i, 0, 10 * i + 10, 10)}
              for i, n in enumerate(["A001", "A002", "003"])]
    data = two_buildings([*plates, {"id": "new", "level": 0, "polygon": box(30, 0, 40, 10)}],
                         [{"id": "other", "level": 0, "polygon": box(60, 0, 70, 10)}])
    c = room_codes(plan_of(data))
    assert c["new"] == "A004" and c["other"] == "B001"


def test_a_new_number_skips_an_existing_number_that_differs_only_in_case():
    data = two_buildings([{"id": "new", "level": 0, "polygon": box(0, 0, 10, 10)}],
                         [{"id": "plate", "level": 0, "number": "a001", "polygon": box(60, 0, 70, 10)}])
    c = room_codes(plan_of(data))
    assert c["plate"] == "a001" and c["new"] == "A002"


def test_one_number_on_two_rooms_of_one_building_is_an_error():
    rooms = [{"id": "r1", "level": 0, "number": "004", "polygon": box(0, 0, 10, 10)},
             {"id": "r2", "level": 0, "number": "004", "polygon": box(10, 0, 20, 10)}]
    plan = plan_of(site_dict([building(rooms=rooms)]))
    dup = findings(plan, "duplicate-room-number")
    assert [(f.severity, f.element) for f in dup] == [("error", "main/r2")]
    assert "main/r1, main/r2" in dup[0].message and "door plates" in dup[0].message
    assert not findings(plan, "duplicate-code")  # not the advice to remove a pin
    assert room_codes(plan) == {"r1": "004", "r2": "004"}  # both kept as on the doors


def test_one_number_in_two_buildings_is_a_warning_and_both_stay():
    data = two_buildings([{"id": "r", "level": 0, "number": "101", "polygon": box(0, 0, 10, 10)}],
                         [{"id": "r", "level": 0, "number": "101", "polygon": box(60, 0, 70, 10)}])
    plan = plan_of(data)
    rep = findings(plan, "repeated-room-number")
    assert [f.severity for f in rep] == ["warning"] and "a/r, b/r" in rep[0].message
    assert not plan.has_errors


def test_a_room_number_equal_to_a_door_label_stays_a_duplicate_code():
    data = site_dict([building(doors=[{"id": "d-main", "at": [20, 0], "kind": "entrance",
                                       "main": True, "label": "E1"}],
                               rooms=[{"id": "r", "level": 0, "number": "E1",
                                       "polygon": box(0, 0, 10, 10)}])])
    plan = plan_of(data)
    assert [f.severity for f in findings(plan, "duplicate-code")] == ["error"]
    assert not findings(plan, "duplicate-room-number")


STOREYS_0_2 = [{"level": 0, "name": "EG"}, {"level": 1, "name": "1. OG"},
               {"level": 2, "name": "2. OG"}]


def test_numbers_of_two_schemes_are_a_warning_naming_the_odd_rooms():
    rooms = [{"id": "eos", "level": 2, "number": "2.04", "polygon": box(0, 0, 10, 10)},
             {"id": "hotel", "level": 2, "number": "205", "polygon": box(10, 0, 20, 10)},
             {"id": "plain", "level": 1, "number": "12", "polygon": box(0, 0, 10, 10)}]
    plan = plan_of(site_dict([building(rooms=rooms, storeys=STOREYS_0_2)]))
    scheme = findings(plan, "room-number-scheme")
    assert [f.severity for f in scheme] == ["warning"]
    assert "main/eos (2.04)" in scheme[0].message and "main/plain (12)" in scheme[0].message
    assert "hotel" not in dict(scheme[0].params)["rooms"]
    assert not findings(plan, "room-number-storey")


def test_a_hotel_number_of_another_storey_is_a_warning():
    rooms = [{"id": "wrong", "level": 1, "number": "204", "polygon": box(0, 0, 10, 10)},
             {"id": "right", "level": 1, "number": "104", "polygon": box(10, 0, 20, 10)},
             {"id": "cellar", "level": -1, "number": "U01", "polygon": box(0, 0, 10, 10)},
             {"id": "not-cellar", "level": 0, "number": "U02", "polygon": box(0, 0, 10, 10)}]
    storeys = [{"level": -1, "name": "UG"}, *STOREYS_0_2]
    plan = plan_of(site_dict([building(rooms=rooms, storeys=storeys)]))
    storey = findings(plan, "room-number-storey")
    assert len(storey) == 1 and storey[0].severity == "warning"
    assert dict(storey[0].params)["rooms"] == "main/wrong (204), main/not-cellar (U02)"
    # the same numbers read from US floors (ground floor 1): 204 on level 1 is right there
    us = make_plan(site_of(site_dict([building(rooms=rooms[:2], storeys=STOREYS_0_2)])), "us-k12")
    assert [dict(f.params)["rooms"] for f in findings(us, "room-number-storey")] == [
        "main/right (104)"]


def test_a_long_list_of_rooms_names_ten_and_counts_the_rest():
    rooms = [{"id": f"r{i:02d}", "level": 0, "number": f"0.{i:02d}",
              "polygon": box(i * 3, 0, i * 3 + 3, 10)} for i in range(13)]
    plan = plan_of(site_dict([building(rooms=rooms)]))
    (f,) = findings(plan, "room-number-scheme")
    assert dict(f.params)["rooms"].count("main/") == 10
    assert f.message.count("main/") == 10 and "and 3 more" in f.message
    assert "und 3 weitere" in f.text("de")


def _long_storey(n: int) -> dict:
    rooms = [{"id": f"r{i:03d}", "level": 0, "polygon": box(i * 4, 0, i * 4 + 4, 10)}
             for i in range(n)]
    return site_dict([building(footprint=box(0, 0, n * 4, 20), rooms=rooms,
                               doors=[{"id": "d-main", "at": [2, 0], "kind": "entrance",
                                       "main": True}],
                               storeys=[{"level": 0, "name": "EG"}])])


def test_more_than_99_rooms_on_a_storey_is_a_warning_saying_what_the_codes_become():
    plan = plan_of(_long_storey(101))
    codes = room_codes(plan)
    assert len(set(codes.values())) == 101 and {"0100", "0101"} <= set(codes.values())
    (f,) = findings(plan, "too-many-rooms")
    assert f.severity == "warning" and f.element == "main/level 0"
    assert dict(f.params) == {"building": "main", "level": 0, "n": 2, "first": "0100",
                                   "last": "0101", "most": 99}
    assert "0100 to 0101" in f.message and "0100 bis 0101" in f.text("de")
    assert not findings(plan_of(_long_storey(99)), "too-many-rooms")


# -- 3. renumber -------------------------------------------------------------------------------


def test_profiles_keep_existing_numbers_by_default():
    assert load_profile("guetersloh").numbering.room_numbers == "keep"
    assert load_profile("us-k12").numbering.room_numbers == "keep"


def test_renumber_gives_every_room_a_new_number_and_leaves_the_file_alone():
    rooms = [{"id": "r1", "level": 0, "number": "2.01", "polygon": box(0, 0, 10, 10)},
             {"id": "r2", "level": 0, "number": "2.02", "polygon": box(10, 0, 20, 10)},
             {"id": "r3", "level": 0, "polygon": box(20, 0, 30, 10)}]
    site = site_of(site_dict([building(rooms=rooms)]))
    kept = make_plan(site, "guetersloh")
    plan = make_plan(site, with_numbering(room_numbers="renumber"))
    assert room_codes(kept)["r1"] == "2.01"
    assert sorted(room_codes(plan).values()) == ["001", "002", "003"]
    assert not any(m.pinned for m in plan.markings if m.kind == "room")
    assert [r.number for r in site.buildings[0].rooms] == ["2.01", "2.02", None]
    (f,) = findings(plan, "rooms-renumbered")
    assert f.severity == "info" and dict(f.params)["n"] == 2
    assert not findings(plan, "room-number-scheme")  # the old numbers are not used
    assert not findings(make_plan(site_of(site_dict([building(rooms=rooms[2:])])),
                                  with_numbering(room_numbers="renumber")), "rooms-renumbered")


def test_room_numbers_setting_is_validated(tmp_path):
    text = load_profile.__globals__["_styles_dir"]().joinpath("guetersloh.yaml").read_text("utf-8")
    assert "room_numbers: keep" in text
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace("room_numbers: keep", "room_numbers: sometimes"), "utf-8")
    with pytest.raises(ProfileError, match=r"numbering\.room_numbers"):
        load_profile(str(bad))


# -- 4. building letters and code prefixes -----------------------------------------------------


def campus(n: int, **pinned: str) -> dict:
    bs = [building("b00", storeys=[{"level": 0, "name": "EG"}])]
    bs += [building(f"b{i:02d}", footprint=box(60 * i, 0, 60 * i + 40, 20), doors=[],
                    storeys=[{"level": 0, "name": "EG"}]) for i in range(1, n)]
    for b in bs:
        if b["id"] in pinned:
            b["letter"] = pinned[b["id"]]
    return site_dict(bs)


def test_guetersloh_letters_skip_the_door_and_stair_prefixes():
    assert load_profile("guetersloh").numbering.letters_skip_code_prefixes is True
    letters = [b.letter for b in plan_of(campus(22)).buildings]
    assert letters[:6] == ["A", "B", "C", "D", "F", "G"]
    assert not {"E", "N", "T", "I", "O", "H"} & {c for lt in letters for c in lt}
    assert "AA" in letters  # A..Z without six letters holds 20
    plain = make_plan(site_of(campus(6)), with_numbering(letters_skip_code_prefixes=False))
    assert [b.letter for b in plain.buildings] == ["A", "B", "C", "D", "E", "F"]


def test_a_pinned_letter_equal_to_a_code_prefix_stays_with_a_warning():
    plan = plan_of(campus(3, b01="E"))
    assert {b.id: b.letter for b in plan.buildings}["b01"] == "E"
    (f,) = findings(plan, "letter-code-prefix")
    assert (f.severity, f.element) == ("warning", "b01")
    assert "E1" in f.message and "E1" in f.text("de")
    assert not findings(plan_of(campus(3, b01="F")), "letter-code-prefix")


def test_us_k12_doors_are_numbers_so_letters_do_not_skip_prefixes():
    us = load_profile("us-k12").numbering
    assert us.letters_skip_code_prefixes is False and set(us.door_prefix.values()) == {""}
    plan = make_plan(site_of(campus(6, b04="S")), "us-k12")
    assert [b.letter for b in plan.buildings] == ["A", "B", "C", "D", "S", "E"]
    assert not findings(plan, "letter-code-prefix")


# -- 5. side A and the address -----------------------------------------------------------------


def address_site(address: str, road: str = "Teststraße") -> dict:
    """Two buildings south of Hinterweg; the road of the address runs south of both, 55 m
    from the second building, which Hinterweg passes at 10 m."""
    data = site_dict([
        building("a"),
        building("b", footprint=box(60, 40, 80, 60), doors=[
            {"id": "d-b", "at": [70, 40], "kind": "entrance"}]),
    ])
    data["site"]["address"] = address
    data["site_features"] = [{"kind": "road", "name": road, "line": [[-50, -15], [150, -15]]},
                             {"kind": "road", "name": "Hinterweg", "line": [[50, 70], [100, 70]]}]
    return data


def side_a_y(plan, bid: str) -> float:
    return next(m.at[1] for m in plan.markings if m.id == f"{bid}/side-A")


def test_side_a_of_every_building_faces_the_road_of_the_address():
    plan = plan_of(address_site("Teststraße 1, 33330 Gütersloh"))
    assert side_a_y(plan, "b") == 40.0  # south, towards Teststraße
    assert {m.element: m.side for m in plan.markings if m.building == "b" and m.kind == "entrance"} == {"d-b": "A"}
    assert not findings(plan, "address-road-unknown")


def test_without_the_address_road_side_a_faces_the_nearest_road():
    plan = plan_of(address_site("Nirgendwo 3"))
    assert side_a_y(plan, "b") == 60.0  # north, towards Hinterweg
    (f,) = findings(plan, "address-road-unknown")
    assert f.severity == "info" and "Nirgendwo 3" in f.message


def test_the_main_entrance_decides_side_a_of_its_building():
    plan = plan_of(address_site("Hinterweg 3"))
    assert side_a_y(plan, "a") == 0.0  # the main entrance faces south
    assert side_a_y(plan, "b") == 60.0  # the address road is Hinterweg, north of b


@pytest.mark.parametrize(("address", "road"), [
    ("Schulstr. 1, 33330 Gütersloh", "Schulstraße"),
    ("Schulstraße 1", "Schul-Str."),
    ("1200 Oak Street, Springfield, TX 75001", "oak st"),
    ("Oak St. 1", "Oak Street"),
])
def test_street_names_are_compared_with_their_abbreviations(address, road):
    assert side_a_y(plan_of(address_site(address, road)), "b") == 40.0


def test_street_keys_and_address_parts():
    assert street_key("Schulstraße") == street_key("SCHULSTRASSE") == "schulstr"
    assert street_key("Oak Street") != street_key("Oak Avenue")
    assert address_streets("Marktplatz 1, 33330 Gütersloh") == ["Marktplatz", "Gütersloh"]


# -- 6. storey outlines ------------------------------------------------------------------------

# The upper storey overhangs the footprint by 6 m to the north; an atrium is open on level 2.
OVERHANG = box(0, 0, 40, 26)
ATRIUM = box(15, 5, 25, 15)


def storeyed(rooms=(), doors=None, windows=(), **storey_extra) -> dict:
    storeys = [{"level": 0, "name": "EG"}, {"level": 1, "name": "1. OG", "outline": OVERHANG},
               {"level": 2, "name": "2. OG", "courtyards": [ATRIUM]}]
    for key, value in storey_extra.items():
        level, field = key.split("__")
        storeys[int(level[1:])][field] = value
    return site_dict([building(storeys=storeys, rooms=list(rooms), windows=list(windows),
                               **({"doors": doors} if doors is not None else {}))])


def problems(data: dict) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in geometry_problems(site_of(data))]


def test_a_room_may_fill_an_overhanging_storey_but_not_reach_outside_it():
    over = {"id": "over", "level": 1, "polygon": box(0, 20, 10, 26)}
    assert problems(storeyed([over])) == []
    out = problems(storeyed([over, {"id": "beyond", "level": 1, "polygon": box(10, 20, 20, 30)}]))
    assert [p for p, _ in out] == ["buildings[0].rooms[1].polygon"]
    assert "outside the outline of storey 1" in out[0][1]
    # on the ground floor the footprint holds: the overhang is not there
    ground = problems(storeyed([{**over, "level": 0}]))
    assert [p for p, _ in ground] == ["buildings[0].rooms[0].polygon"]
    assert "outside building 'main'" in ground[0][1]


def test_a_room_in_a_storeys_atrium_is_outside_the_storey():
    hall = {"id": "hall", "level": 2, "polygon": box(16, 6, 24, 14)}
    assert [p for p, _ in problems(storeyed([hall]))] == ["buildings[0].rooms[0].polygon"]
    assert problems(storeyed([{**hall, "level": 0}])) == []


def test_doors_and_windows_may_lie_on_their_storeys_own_outline():
    exit_ = {"id": "n-ob", "at": [5, 26], "level": 1, "kind": "emergency_exit"}
    main = {"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True}
    window = {"id": "w-ob", "at": [30, 26], "level": 1}
    atrium_door = {"id": "d-atrium", "at": [20, 5], "level": 2, "kind": "service"}
    data = storeyed(doors=[main, exit_, atrium_door], windows=[window])
    assert problems(data) == []
    plan = make_plan(site_of(data), "guetersloh")
    assert {m.element: m.code for m in plan.markings if m.kind == "emergency_exit"} == {"n-ob": "N1"}
    low = storeyed(doors=[main, {**exit_, "level": 0}, {**atrium_door, "level": 1}],
                   windows=[{**window, "level": 0}])
    assert [p for p, _ in problems(low)] == ["buildings[0].doors[1].at",
                                            "buildings[0].doors[2].at",
                                            "buildings[0].windows[0].at"]


@pytest.mark.parametrize(("extra", "path", "words"), [
    ({"s1__outline": [[0, 0], [40, 26], [40, 0], [0, 26]]}, "buildings[0].storeys[1].outline",
     "not a simple polygon"),
    ({"s1__outline": box(100, 100, 140, 126)}, "buildings[0].storeys[1].outline",
     "shares no ground"),
    ({"s2__courtyards": [box(35, 5, 45, 15)]}, "buildings[0].storeys[2].courtyards[0]",
     "inside the outline of storey 2"),
    ({"s2__courtyards": [box(5, 5, 15, 15), box(15, 5, 25, 15)]},
     "buildings[0].storeys[2].courtyards", "touch"),
])
def test_a_storey_outline_must_be_a_valid_ring_on_the_building(extra, path, words):
    out = problems(storeyed(**extra))
    assert [p for p, _ in out] == [path] and words in out[0][1]


# -- 7. profile defaults against the domain notes ----------------------------------------------


def test_guetersloh_defaults_follow_the_domain_notes():
    p = load_profile("guetersloh")
    n, s = p.numbering, p.sizing
    assert dict(n.door_prefix) == {"entrance": "E", "service": "E", "fire_brigade": "E",
                                   "emergency_exit": "N"}
    assert (n.stair_prefix, n.door_scope, n.room_format, n.ground_floor_number) == (
        "T", "site", "hotel", 0)
    assert set(n.letters_skip) == {"I", "O", "H"} and n.windows and not n.interior_twin
    assert (s.z_exterior, s.z_interior, s.photoluminescent_factor) == (150, 300, 0.65)
    assert {k: s.min_cap_mm[k] for k in ("entrance", "emergency_exit", "building")} == {
        "entrance": 150, "emergency_exit": 150, "building": 400}
    for kind in ("stair", "room", "interior_door"):  # white photoluminescent text on blue
        st = p.style(kind)
        assert (st.background, st.foreground, st.material) == (
            "traffic_blue", "signal_white", "photoluminescent")
    assert s.mount_height_m["exterior"] >= 2.0  # markers at 2 m or higher


def test_us_k12_defaults_follow_the_domain_notes():
    p = load_profile("us-k12")
    n, s = p.numbering, p.sizing
    assert set(n.door_prefix.values()) == {""} and n.door_scope == "site"
    assert n.ground_floor_number == 1 and not n.windows and n.interior_twin
    assert all(s.min_cap_mm[k] >= 152.4 for k in ("entrance", "emergency_exit", "fire_brigade",
                                                  "service"))
    assert s.min_cap_mm["name"] >= 101.6  # address numbers at least 4 in
    # stair identification signs (IBC 1023.9): 5 in characters, at least 18 x 12 in
    assert s.min_cap_mm["stair"] >= 127.0
    panel = panel_size(p, "stair", "S1", "Floor 2", s.min_cap_mm["stair"])
    assert panel.width_mm >= 457.2 and panel.height_mm >= 304.8


# -- 8. the one default profile ----------------------------------------------------------------


def test_make_plan_without_a_profile_uses_the_default_profile_constant(monkeypatch):
    site = site_of(site_dict())
    assert make_plan(site).profile == "guetersloh"
    monkeypatch.setattr(engine, "DEFAULT_PROFILE", "us-k12")
    assert make_plan(site).profile == "us-k12"
