"""Fire-alarm route cards (layout/alarmcards.py, DIN 14675): the way from the fire alarm
panel to each detector group's rooms, on the walking graph, storey by storey."""

from __future__ import annotations

import math

import pytest
from shapely.geometry import LineString, Point, Polygon

from conftest import FLOORPLANS, box, building, site_dict
from orientation.io.site_file import read_site, site_from_data
from orientation.layout import alarmcards
from orientation.layout.engine import make_plan
from orientation.layout.mapgeometry import storey_outline
from orientation.layout.walking import walking_graph
from orientation.profiles import load_profile


@pytest.fixture(scope="module")
def school():
    site = read_site(FLOORPLANS / "gesamtschule.yaml")
    return site, make_plan(site, load_profile("guetersloh"))


def _card(plan, number):
    return next(c for c in plan.alarm_cards if c.number == number)


def test_a_card_per_detector_group_in_number_order(school):
    site, plan = school
    groups = sorted(g.number for b in site.buildings for g in b.detector_groups)
    assert [c.number for c in plan.alarm_cards] == groups == [1, 2, 3, 5, 12, 20, 21]
    assert not [f for f in plan.findings if f.code.startswith(("alarm-card", "no-fire-alarm"))]


def test_the_way_starts_at_the_panel_and_ends_in_a_room_of_the_group(school):
    site, plan = school
    panel = next(f for b in site.buildings for f in b.features if f.kind.value == "fire_alarm_panel")
    rooms = {(b.id, r.id): r for b in site.buildings for r in b.rooms}
    for card in plan.alarm_cards:
        assert card.panel == panel.at and card.panel_building == "main"
        assert card.legs[0].points[0] == panel.at
        last = card.legs[-1]
        assert (last.building, last.level) == (card.building, card.level)
        end = Point(last.points[-1])
        assert any(Polygon(rooms[(card.building, r)].polygon).covers(end) for r in card.rooms)
        assert card.length_m > 0 and card.steps


def test_a_way_upstairs_is_a_leg_per_storey_walked_joined_by_its_stair(school):
    _, plan = school
    card = _card(plan, 12)  # Chemie, 2. OG
    assert [(leg.building, leg.level) for leg in card.legs] == [("main", 0), ("main", 2)]
    up, top = card.legs
    assert up.leave and up.leave == top.arrive and up.leave.startswith("T")
    assert up.points[-1] == top.points[0]  # the stair stands where it stands
    assert any(s.startswith(f"{up.leave} hinauf ins 2. OG") for s in card.steps)
    assert card.steps[-1].endswith("bis Räume " + ", ".join(
        plan.marking(f"main/{r}").code for r in ("r-2og-26", "r-2og-27", "r-2og-29")))
    # and on to the group's other rooms, on its storey
    assert len(card.tour) == 2


def test_a_group_in_another_building_is_reached_across_the_site(school):
    site, plan = school
    card = _card(plan, 20)  # Umkleiden Sporthalle, the panel in the main building
    assert [leg.building for leg in card.legs] == ["main", "sporthalle"]
    out, inside = card.legs
    codes = {m.code: m for m in plan.markings}
    assert codes[out.leave].building == "main" and codes[inside.arrive].building == "sporthalle"
    assert codes[inside.arrive].kind in ("entrance", "fire_brigade", "service")
    assert any("ins Freie" in s and inside.arrive in s for s in card.steps)


def test_no_way_runs_through_a_wall_or_outside_the_storey(school):
    """Every stretch of a leg lies on its storey's floor: the way is the walking graph's,
    never a straight line across the plan."""
    site, plan = school
    for card in plan.alarm_cards:
        for leg in [*card.legs]:
            b = site.building(leg.building)
            outline, holes = storey_outline(b, b.storey(leg.level))
            floor = Polygon(outline, [list(h) for h in holes]).buffer(0.6)
            for a, c in zip(leg.points, leg.points[1:]):
                assert floor.covers(LineString([a, c])), (card.number, leg.level, a, c)
        for t in card.tour:
            b = site.building(card.building)
            outline, holes = storey_outline(b, b.storey(card.level))
            assert Polygon(outline, [list(h) for h in holes]).buffer(0.6).covers(LineString(t))


def test_the_panel_is_searched_from_once(school, monkeypatch):
    site, plan = school
    calls = []
    real = alarmcards._panel_sources
    monkeypatch.setattr(alarmcards, "_panel_sources",
                        lambda *a: calls.append(a) or real(*a))
    walk = walking_graph(site)
    found = []
    cards = alarmcards.alarm_cards(site, walk, plan.markings, "de",
                                   lambda *a, **k: found.append(a))
    assert len(cards) == 7 and len(calls) == 1 and not found


def _site(groups, features=None, doors=None, second=None):
    rooms = [{"id": "r1", "level": 0, "polygon": box(0, 0, 10, 8)},
             {"id": "r2", "level": 0, "polygon": box(30, 0, 40, 8)}]
    b = building(rooms=rooms, detector_groups=groups,
                 features=features if features is not None else
                 [{"kind": "fire_alarm_panel", "at": [20, 4], "level": 0}],
                 doors=doors or [{"id": "d-main", "at": [20, 0], "kind": "entrance",
                                  "main": True}])
    return site_from_data(site_dict([b] + ([second] if second else [])), file="cards")


def test_no_panel_no_cards_and_one_warning():
    site = _site([{"number": 1, "level": 0, "rooms": ["r1"]}], features=[])
    plan = make_plan(site)
    assert plan.alarm_cards == ()
    warn = [f for f in plan.findings if f.code == "no-fire-alarm-panel"]
    assert len(warn) == 1 and warn[0].severity == "warning"
    assert "Brandmelderzentrale" in warn[0].text("de")


def test_a_group_no_way_reaches_gets_no_card_but_a_warning():
    # the second building can only be left (emergency exits), never entered
    other = building("annex", footprint=box(60, 0, 80, 10),
                     doors=[{"id": "n1", "at": [70, 0], "kind": "emergency_exit"}],
                     rooms=[{"id": "x1", "level": 0, "polygon": box(60, 0, 70, 10)}],
                     detector_groups=[{"number": 9, "level": 0, "rooms": ["x1"]}])
    site = _site([{"number": 1, "level": 0, "rooms": ["r1", "r2"]}], second=other)
    plan = make_plan(site)
    assert [c.number for c in plan.alarm_cards] == [1]
    assert [f.element for f in plan.findings if f.code == "alarm-card-no-way"] == ["annex/group 9"]


def test_an_area_group_reaches_the_spaces_its_area_covers():
    site = _site([{"number": 3, "level": 0, "area": box(29, 0, 40, 8)}])
    card = make_plan(site).alarm_cards[0]
    assert card.rooms == ("r2",) and card.area is not None
    assert math.dist(card.legs[-1].points[-1], (35.0, 4.0)) < 4.0
