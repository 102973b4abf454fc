"""Floor numbering by profile: the storey digit of level 0 rooms is the profile's
``ground_floor_number`` (``guetersloh`` 0: EG rooms 0xx; ``us-k12`` 1: the ground floor is
floor 1, rooms 1xx, as on US door plates); basements keep the basement prefix rule."""

from __future__ import annotations

import pytest

from conftest import box, building, site_dict
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.layout.numbering import room_code
from orientation.profiles import load_profile

# A school block of two rooms on each of two storeys plus a basement room.
ROOMS = [
    {"id": "ground-west", "level": 0, "polygon": box(0, 0, 20, 10)},
    {"id": "ground-east", "level": 0, "polygon": box(20, 0, 40, 10)},
    {"id": "upper-west", "level": 1, "polygon": box(0, 0, 20, 10)},
    {"id": "upper-east", "level": 1, "polygon": box(20, 0, 40, 10)},
    {"id": "cellar", "level": -1, "polygon": box(0, 0, 20, 10)},
]
STOREYS = {
    "guetersloh": [{"level": -1, "name": "UG"}, {"level": 0, "name": "EG"},
                   {"level": 1, "name": "1. OG"}],
    "us-k12": [{"level": -1, "name": "Basement"}, {"level": 0, "name": "Floor 1"},
               {"level": 1, "name": "Floor 2"}],
}


def two_storey_block(profile: str, rooms=ROOMS, **extra):
    return site_from_data(site_dict([building(rooms=rooms, storeys=STOREYS[profile], **extra)]),
                          file="two-storey-block")


def room_codes(plan) -> dict[str, str]:
    return {m.element: m.code for m in plan.markings if m.kind == "room"}


def test_profiles_state_their_ground_floor_number():
    assert load_profile("guetersloh").numbering.ground_floor_number == 0
    assert load_profile("us-k12").numbering.ground_floor_number == 1


def test_guetersloh_ground_floor_rooms_are_0xx():
    c = room_codes(make_plan(two_storey_block("guetersloh"), "guetersloh"))
    assert c == {"ground-west": "001", "ground-east": "002",
                 "upper-west": "101", "upper-east": "102", "cellar": "U01"}


def test_us_k12_ground_floor_is_floor_1_rooms_1xx():
    c = room_codes(make_plan(two_storey_block("us-k12"), "us-k12"))
    assert c == {"ground-west": "101", "ground-east": "102",
                 "upper-west": "201", "upper-east": "202", "cellar": "B01"}


def test_us_k12_new_numbers_skip_an_existing_number():
    rooms = [*ROOMS[:3], {**ROOMS[3], "number": "102"}]  # a kept door plate on floor 2
    c = room_codes(make_plan(two_storey_block("us-k12", rooms=rooms), "us-k12"))
    assert c["upper-east"] == "102"
    assert c["ground-west"] == "101" and c["ground-east"] == "103"
    assert len(set(c.values())) == len(c)


def test_us_k12_stair_signs_name_the_floor_of_the_room_numbers():
    site = two_storey_block("us-k12", stairs=[{"id": "s", "at": [5, 5], "levels": [0, 1]}])
    plan = make_plan(site, "us-k12")
    stair = sorted((s.level, s.subtext) for s in plan.signs if s.kind == "stair")
    # an IBC stair identification sign shows the floor's number (5 in) for "Floor 1"/"Floor 2"
    assert stair == [(0, "1"), (1, "2")]
    assert room_codes(plan)["ground-west"].startswith("1")  # Floor 1: rooms 1xx


def test_ground_floor_number_is_a_profile_setting():
    us = load_profile("us-k12")
    german_rule = us.model_copy(update={"numbering": us.numbering.model_copy(
        update={"ground_floor_number": 0})})
    c = room_codes(make_plan(two_storey_block("us-k12"), german_rule))
    assert c["ground-west"] == "001" and c["upper-west"] == "101" and c["cellar"] == "B01"


@pytest.mark.parametrize(("level", "ground", "code"), [
    (-2, 1, "B203"), (-1, 1, "B03"), (0, 1, "103"), (1, 1, "203"), (8, 1, "903"),
    (0, 0, "003"), (1, 0, "103"), (-1, 0, "B03"),
])
def test_room_code_storey_digit(level, ground, code):
    assert room_code(level, 3, basement_prefix="B", building_prefix="",
                     ground_floor=ground) == code


def test_the_us_example_keeps_its_door_plate_numbers():
    """The bundled US school says `number:` for its classrooms: Room 101 is 101 on floor 1,
    Room 204 is 204 on floor 2, and no other room is given one of those numbers."""
    from pathlib import Path

    from orientation.layout.engine import make_plan
    from orientation.pipeline import load_site, resolve_profile

    site = load_site(Path(__file__).resolve().parents[2] / "floorplans" / "us-elementary.yaml")
    plan = make_plan(site, resolve_profile(site, None))
    rooms = {m.name: m for m in plan.markings if m.kind == "room"}
    assert rooms["Room 101"].code == "101" and rooms["Room 101"].level == 0
    assert rooms["Room 204"].code == "204" and rooms["Room 204"].level == 1
    import re

    plated = {n: m for n, m in rooms.items() if re.fullmatch(r"Room \d{3}", n)}
    assert len(plated) == 20 and all(m.code == n[5:] for n, m in plated.items())
    others = [m.code for n, m in rooms.items() if n not in plated]
    assert not {m.code for m in plated.values()} & set(others)
