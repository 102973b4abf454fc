"""The walking graph on real building files (``../shared/data``; skipped without them):
inner doors come through, every room is reachable, and the route text reads right."""

from __future__ import annotations

import re

import pytest
from shapely.geometry import Point, Polygon

from conftest import imported
from orientation.layout.engine import PlanOptions, make_plan
from orientation.layout.routes import route_for


def _plan(site):
    return make_plan(site, options=PlanOptions(date="2026-12-01"))


def _routes_read_right(site, plan, n=5):
    """Five rooms (on several storeys where the building has them): each route starts at an
    entrance, ends at the room, climbs by a stair to the room's storey when it is not the
    entrance's, and gives its distances in 5 m steps."""
    names = {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}
    rooms = sorted((m for m in plan.markings if m.kind == "room"), key=lambda m: m.id)
    reachable = {a.room: a for a in plan.access}
    picked = [m for m in rooms if m.id in reachable][:: max(1, len(reachable) // n)][:n]
    assert len(picked) == min(n, len(reachable))
    codes = {m.code: m for m in plan.markings}
    for m in picked:
        r = route_for(site, plan, m.code, "de")
        assert re.match(r"^E\d+ \(", r.steps[0]), r.text
        assert r.steps[-1].startswith(f"Raum {m.code}"), r.text
        entrance = codes[r.entrance]
        if entrance.level != m.level:
            assert any(f"bis {names[(m.building, m.level)]}" in s for s in r.steps), r.text
        for s in r.steps[1:-1]:
            if s.endswith(" m"):
                assert int(s.split()[-2]) % 5 == 0, r.text
        assert r.length_m > 0


def test_apb_every_room_is_reachable_and_routes_read_right():
    result = imported("osm/tud-apb/APBorig.osm")
    site = result.site
    b = site.buildings[0]
    inner = [d for d in b.doors if d.kind.value == "inner"]
    assert len(inner) >= 500  # 517 door-and-level pairs in the file (tests/io)
    plan = _plan(site)
    rooms = [m for m in plan.markings if m.kind == "room"]
    reached = {a.room for a in plan.access}
    missing = [m.code for m in rooms if m.id not in reached]
    # one room has no door in the file (1065) and is reported, not given one
    assert len(missing) <= 2, missing
    assert any(f.code == "room-without-door" and "1065" in f.message for f in plan.findings)
    _routes_read_right(site, plan)


def test_fzk_haus_every_room_is_reachable():
    site = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc").site
    b = site.buildings[0]
    assert sum(1 for d in b.doors if d.kind.value == "inner" and not d.opening) == 3
    plan = _plan(site)
    rooms = [m for m in plan.markings if m.kind == "room"]
    reached = {a.room for a in plan.access}
    assert {m.id for m in rooms} <= reached, [m.code for m in rooms if m.id not in reached]
    upstairs = [a for a in plan.access if a.stair]
    assert upstairs and {a.stair for a in upstairs} == {"T1"}
    _routes_read_right(site, plan, n=4)


def test_spbstu_with_the_entrance_a_facility_manager_adds():
    """The SPbPU file has no exterior openings: the facility manager adds the main entrance
    in the editor (the library edit the app calls); then the rooms are reached."""
    from orientation.plan_edits import add_door

    site = imported("imdf/spbstu").site
    b = next(b for b in site.buildings if b.rooms)
    assert sum(1 for d in b.doors if d.kind.value == "inner") == 142
    # the entrance: where a corridor of the ground floor meets the outline
    foot = Polygon(b.footprint)
    corridor = next(r for r in b.rooms if r.use and r.use.value == "corridor" and r.level == 0
                    and Polygon(r.polygon).exterior.distance(foot.exterior) < 1.5)
    cp = Polygon(corridor.polygon)
    near = foot.exterior.interpolate(foot.exterior.project(cp.representative_point()))
    at = min(cp.exterior.coords, key=lambda c: Point(c).distance(near))
    site, _ = add_door(site, b.id, (at[0], at[1]), kind="entrance", main=True)
    plan = _plan(site)
    ground = [m for m in plan.markings if m.kind == "room" and m.building == b.id]
    reached = {a.room for a in plan.access}
    share = sum(1 for m in ground if m.id in reached) / len(ground)
    assert share >= 0.8, share
    _routes_read_right(site, plan)


@pytest.mark.parametrize("rel", ["osm/tud-apb/APBorig.osm", "imdf/spbstu",
                                 "ifc/fzk-haus/AC20-FZK-Haus.ifc"])
def test_real_imports_get_no_assumed_doors(rel):
    plan = _plan(imported(rel).site)
    assert not any(f.code == "assumed-inside" for f in plan.findings)
