"""The walking graph, escape routes, guidance signs and route text on small named sites: an
L-shaped corridor, a dead end, a room reached only through another, two stairs, a courtyard
ring corridor, a hand-written storey without inner doors."""

from __future__ import annotations

import copy
import math

import pytest

from conftest import box, site_dict
from orientation import model
from orientation.layout import routes
from orientation.layout.engine import make_plan
from orientation.layout.walking import OUTSIDE, centre_node, portal_node, walking_graph
from orientation.profiles import load_profile


def _site(building: dict, **extra) -> model.Site:
    data = site_dict([building], **extra)
    data["site"]["date"] = "2026-11-30"
    return model.Site.model_validate(data)


def _room(rid, number, ring, use="classroom", **kw):
    return {"id": rid, "level": kw.pop("level", 0), "number": number, "name": kw.pop("name", None)
            or f"Raum {number}", "use": use, "polygon": ring, **kw}


def _corridor(rid, ring, level=0):
    return {"id": rid, "level": level, "name": "Flur", "use": "corridor", "polygon": ring}


def _inner(did, at, *between, level=0):
    d = {"id": did, "at": list(at), "level": level, "kind": "inner", "source_id": did}
    if between:
        d["between"] = list(between)
    return d


# -- an L-shaped corridor ------------------------------------------------------------------
#
#   y=30 +----+----+
#        |corr|104 |      the corridor runs east along y 4..6, then north along x 24..26
#   y=20 |    +----+
#        |    |103 |
#   y=10 +----+----+----+  rooms 101, 102 north of the east-west leg
#        |101 |102 |    |
#   y=6  +==============+
#   E1 -> corridor      |
#   y=0  +--------------+

L_FOOT = [[0, 0], [30, 0], [30, 30], [20, 30], [20, 10], [0, 10]]
L_CORRIDOR = [[0, 4], [26, 4], [26, 30], [24, 30], [24, 6], [0, 6]]


def l_building() -> dict:
    return {
        "id": "main", "name": "Haus", "footprint": L_FOOT,
        "storeys": [{"level": 0, "name": "EG"}],
        "doors": [{"id": "d-main", "at": [0, 5], "kind": "entrance", "main": True,
                   "source_id": "d-main"},
                  _inner("i-101", (5, 6)), _inner("i-102", (15, 6)),
                  _inner("i-103", (26, 15)), _inner("i-104", (26, 25))],
        "rooms": [_corridor("c", L_CORRIDOR),
                  _room("r-101", "101", box(0, 6, 10, 10)),
                  _room("r-102", "102", box(10, 6, 20, 10)),
                  _room("r-103", "103", box(26, 10, 30, 20)),
                  _room("r-104", "104", box(26, 20, 30, 30))],
    }


@pytest.fixture(scope="module")
def l_site():
    return _site(l_building())


def test_l_corridor_every_room_is_reached_along_the_corridor(l_site):
    walk = walking_graph(l_site)
    g = walk.walkable
    import networkx as nx

    dist = nx.single_source_dijkstra_path_length(g, OUTSIDE, weight="w")
    for rid in ("r-101", "r-102", "r-103", "r-104"):
        assert centre_node("main", rid) in dist, rid
    # room 104 lies 34 m from the entrance as the crow flies, through walls; along the
    # corridor it is about 24 m east and 20 m north
    straight = math.dist((0, 5), (28, 25))
    assert dist[centre_node("main", "r-104")] > straight + 8
    assert dist[centre_node("main", "r-104")] < 60


def test_l_corridor_route_text_turns_left_once(l_site):
    plan = make_plan(l_site)
    r = routes.route_for(l_site, plan, "104", "de")
    assert r.entrance == "E1"
    assert r.steps[0].startswith("E1 (Haupteingang")
    assert r.steps[-1] == "Raum 104 (Raum 104)"
    turns = [s for s in r.steps if s.startswith(("links", "rechts"))]
    assert len(turns) == 1 and turns[0].startswith("links"), r.text
    assert all(int(s.split()[-2]) % 5 == 0 for s in r.steps[1:-1]), r.text
    en = routes.route_for(l_site, plan, "104", "en")
    assert en.steps[0].startswith("E1 (main entrance") and "left" in en.text


def test_l_corridor_guidance_at_the_bend_points_left_to_103_104(l_site):
    plan = make_plan(l_site)
    guides = [s for s in plan.signs if s.kind == "guidance"]
    assert guides, "no guidance sign"
    at_bend = [s for s in guides if math.dist(s.anchor, (25, 5)) < 3.5]
    assert any(s.text == "103–104" and s.arrow == "left" for s in at_bend), at_bend
    # at the entrance every room is signed, ahead
    at_door = [s for s in guides if math.dist(s.anchor, (0, 5)) < 1.0]
    assert {s.text for s in at_door} == {"101–104"}
    assert all(s.arrow == "ahead" for s in at_door)
    assert all(s.subtext == "Räume" for s in at_door)


def test_l_corridor_no_room_twice_on_the_signs_of_one_point(l_site):
    plan = make_plan(l_site)
    by_point: dict = {}
    for s in plan.signs:
        if s.kind == "guidance" and s.subtext in ("Räume", "Raum"):
            first, _, last = s.text.partition("–")
            nums = range(int(first), int(last or first) + 1)
            key = (s.anchor, s.facing)
            for n in nums:
                assert n not in by_point.setdefault(key, set()), (s, by_point[key])
                by_point[key].add(n)


def test_l_corridor_findings_none_and_escape_route_to_the_exit(l_site):
    plan = make_plan(l_site)
    codes = {f.code for f in plan.findings}
    assert not codes & {"room-without-door", "no-way-out", "exit-without-corridor",
                        "room-through-room", "inner-door-off-wall", "assumed-inside"}
    storey = plan.geometry.buildings[0].storeys[0]
    assert storey.escape_routes, "no escape route"
    for line in storey.escape_routes:  # each ends at the exit (the only way out)
        assert math.dist(line[-1], (0, 5)) < 1.0
    assert storey.escape_areas and len(storey.inner_doors) == 4
    assert not any(d.assumed for d in storey.inner_doors)


# -- a room reached only through another; an inner door in no wall -------------------------


def test_room_reached_only_through_another_room():
    b = l_building()
    b["rooms"].append(_room("r-105", "105", box(10, 0, 20, 4)))  # south of the corridor
    b["rooms"].append(_room("r-106", "106", box(20, 0, 24, 4)))
    b["doors"] += [_inner("i-105", (15, 4), "r-105", "c"), _inner("i-106", (20, 2), "r-105",
                                                                  "r-106")]
    plan = make_plan(_site(b))
    f = [x for x in plan.findings if x.code == "room-through-room"]
    assert len(f) == 1 and "106" in f[0].message and "105" not in f[0].message.split("(")[1]


def test_a_door_not_in_the_wall_it_claims_is_reported():
    b = l_building()
    b["doors"][1]["between"] = ["r-101", "r-104"]  # (5, 6) is nowhere near room 104
    plan = make_plan(_site(b))
    f = [x for x in plan.findings if x.code == "inner-door-off-wall"]
    assert len(f) == 1 and "i-101" in f[0].message
    # the door leads nowhere: no way out of room 101
    assert any(x.code == "no-way-out" and "101" in x.message for x in plan.findings)


def test_between_names_rooms_of_the_building():
    b = l_building()
    from orientation.errors import SiteFileError
    from orientation.io.site_file import site_from_data

    b["doors"][1]["between"] = ["r-101", "nowhere"]
    with pytest.raises(SiteFileError) as e:
        site_from_data(site_dict([b]), file="site.yaml")
    assert "buildings[0].doors[1].between[1]" in str(e.value)
    assert "'nowhere' is not a room of building 'main'" in str(e.value)


# -- a dead end and a storey with no way out -----------------------------------------------


def test_dead_end_corridor_and_a_storey_without_stair():
    b = l_building()
    b["storeys"].append({"level": 1, "name": "OG"})
    b["rooms"] += [_corridor("c1", L_CORRIDOR, level=1),
                   _room("r-201", "201", box(0, 6, 10, 10), level=1)]
    b["doors"].append(_inner("i-201", (5, 6), level=1))
    plan = make_plan(_site(b))
    f = [x for x in plan.findings if x.code == "no-way-out"]
    assert len(f) == 1 and "level 1" in f[0].message and "201" in f[0].message


# -- two stairs ----------------------------------------------------------------------------


def two_stair_site() -> model.Site:
    rooms, doors = [], [{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True,
                         "source_id": "d"}]
    for lv in (0, 1):
        rooms.append(_corridor(f"c{lv}", box(0, 8, 40, 12), level=lv))
        for i in range(4):
            n = f"{lv}{i + 1:02d}"
            rooms.append(_room(f"r-{n}", n, box(i * 10, 12, i * 10 + 10, 20), level=lv))
            doors.append(_inner(f"i-{n}", (i * 10 + 5, 12), level=lv))
        rooms.append(_room(f"r-s{lv}", f"{lv}05", box(0, 0, 40, 8), level=lv, use="office"))
        doors.append(_inner(f"i-s{lv}", (30, 8), level=lv))
    doors.append(_inner("i-x", (20, 0.5)))  # not used: the hall behind the entrance
    b = {"id": "main", "name": "Haus", "footprint": box(0, 0, 40, 20),
         "storeys": [{"level": 0, "name": "EG"}, {"level": 1, "name": "1. OG"}],
         "doors": doors[:-1], "rooms": rooms,
         "stairs": [{"id": "st-w", "at": [1, 10], "levels": [0, 1]},
                    {"id": "st-e", "at": [39, 10], "levels": [0, 1]}]}
    return _site(b)


def test_two_stairs_escape_routes_run_to_the_nearer_stair():
    site = two_stair_site()
    plan = make_plan(site)
    storey = plan.geometry.buildings[0].storeys[1]
    assert storey.escape_routes
    for line in storey.escape_routes:
        end = line[-1]
        assert min(math.dist(end, (1, 10)), math.dist(end, (39, 10))) < 0.5
        start = line[0]
        nearer = min(math.dist(start, (1, 10)), math.dist(start, (39, 10)))
        assert math.isclose(math.dist(start, end), nearer, abs_tol=1.0)


def test_two_stairs_landing_points_to_the_other_stair_and_routes_climb():
    site = two_stair_site()
    plan = make_plan(site)
    codes = {m.element: m.code for m in plan.markings if m.kind == "stair"}
    landing = [s for s in plan.signs if s.kind == "guidance" and s.level == 1
               and math.dist(s.anchor, (1, 10)) < 0.5]
    assert any(s.text == codes["st-e"] and s.subtext == "Treppe" for s in landing)
    r = routes.route_for(site, plan, "103", "de")
    assert any(" hoch bis 1. OG" in s for s in r.steps), r.text
    assert r.stair in codes.values()
    access = {a.room: a for a in plan.access}
    assert access["main/r-103"].stair == r.stair and access["main/r-003"].stair is None


def test_every_guidance_arrow_points_along_the_way_to_its_destination():
    """From each sign's point, the first step of the shortest way to its destination goes
    where the arrow points (within 60°)."""
    import networkx as nx

    for site in (two_stair_site(), _site(l_building())):
        plan = make_plan(site)
        walk = walking_graph(site)
        g = walk.walkable
        marks = {m.id: m for m in plan.markings}
        for s in plan.signs:
            if s.kind != "guidance":
                continue
            m = marks[s.marking]
            # the destination's nodes, as the plan's sign names them
            if s.subtext == "Treppe":
                st = next(x for x in plan.markings if x.kind == "stair" and x.code == s.text)
                targets = [portal_node(st.building, st.element, s.level)]
            else:
                first, _, last = s.text.partition("–")
                nums = {str(n) for n in range(int(first), int(last or first) + 1)}
                targets = [centre_node(x.building, x.element) for x in plan.markings
                           if x.kind == "room" and x.code.lstrip("0") in
                           {n.lstrip("0") for n in nums} and x.level == s.level]
            start = min((n for n in g.nodes if g.nodes[n].get("level") == s.level
                         and g.nodes[n].get("building") == m.building),
                        key=lambda n: math.dist(g.nodes[n]["at"], m.at))
            for t in targets:
                path = nx.shortest_path(g, start, t, weight="w")
                step = next(g.nodes[n]["at"] for n in path[1:]
                            if math.dist(g.nodes[n]["at"], m.at) >= 1.0)
                v = (step[0] - m.at[0], step[1] - m.at[1])
                cos = (v[0] * s.direction[0] + v[1] * s.direction[1]) / math.hypot(*v)
                assert cos > 0.5, (s.text, s.arrow, s.anchor, t, step)


# -- a courtyard ring corridor -------------------------------------------------------------


def test_courtyard_ring_of_corridors_is_walked_round():
    """Four corridor strips round a courtyard (as imports bring them: one room each) join
    where their floors touch; the way to the far side goes round the courtyard."""
    import networkx as nx

    b = {"id": "main", "name": "Hof", "footprint": box(0, 0, 30, 30),
         "courtyards": [box(8, 8, 22, 22)],
         "storeys": [{"level": 0, "name": "EG"}],
         "doors": [{"id": "d-main", "at": [15, 0], "kind": "entrance", "main": True,
                    "source_id": "d"}, _inner("i-n", (15, 28))],
         "rooms": [{**_corridor("c-s", box(2, 0, 28, 8)), "source_id": "1"},
                   {**_corridor("c-e", box(22, 8, 28, 22)), "source_id": "2"},
                   {**_corridor("c-n", box(2, 22, 28, 28)), "source_id": "3"},
                   {**_corridor("c-w", box(2, 8, 8, 22)), "source_id": "4"},
                   _room("r-north", "010", box(2, 28, 28, 30))]}
    site = _site(b)
    walk = walking_graph(site)
    openings = [p for p in walk.insides["main"].portals if p.opening]
    assert len(openings) == 4
    d = nx.shortest_path_length(walk.walkable, OUTSIDE, centre_node("main", "r-north"),
                                weight="w")
    assert d >= 35  # round the courtyard (29 m straight north, through it)
    plan = make_plan(site)
    assert not any(f.code in ("no-way-out", "room-without-door") and "010" in f.message
                   for f in plan.findings)


def test_ring_corridor_with_a_hole_is_walked_round():
    """A corridor polygon with the courtyard as a hole: the way goes round it."""
    from orientation.layout import walking
    from orientation.layout.spaces import Space

    b = {"id": "main", "name": "Hof", "footprint": box(0, 0, 34, 34),
         "courtyards": [box(8, 8, 26, 26)],
         "storeys": [{"level": 0, "name": "EG"}],
         "doors": [{"id": "d-main", "at": [17, 0], "kind": "entrance", "main": True}],
         "rooms": [_room("r-n", "010", box(0, 30, 34, 34)),
                   _room("r-s1", "011", box(0, 0, 15, 4)), _room("r-s2", "012", box(19, 0, 34, 4)),
                   _room("r-w", "013", box(0, 4, 4, 30)), _room("r-e", "014", box(30, 4, 34, 30))]}
    site = _site(b)  # hand-written: the free floor round the courtyard is the corridor
    walk = walking_graph(site)
    inside = walk.insides["main"]
    corridors = [s for s in inside.spaces.values() if s.assumed]
    assert len(corridors) == 1 and len(corridors[0].polygon.interiors) == 1
    assert isinstance(corridors[0], Space)
    import networkx as nx

    d = nx.shortest_path_length(walk.walkable, OUTSIDE, centre_node("main", "r-n"), weight="w")
    assert d > 40  # round the 18 m courtyard: more than the 32 m straight line through it
    assert walking.THROUGH_ROOM_M > 0


# -- hand-written: assumed corridor and doors, said so --------------------------------------


def test_hand_written_storey_gets_assumed_doors_and_says_so():
    # rooms north and south of a corridor (y 8..12) the file does not list
    b = {"id": "main", "name": "Schule", "footprint": box(0, 0, 40, 20),
         "storeys": [{"level": 0, "name": "EG"}],
         "doors": [{"id": "d-main", "at": [0, 10], "kind": "entrance", "main": True}],
         "rooms": [_room(f"r-{i}", f"00{i}", box(i * 10, 12, i * 10 + 10, 20))
                   for i in range(4)]
         + [_room("r-s", "010", box(0, 0, 40, 8), use="gym", name="Halle")]}
    plan = make_plan(_site(b))
    notes = [f for f in plan.findings if f.code == "assumed-inside"]
    assert len(notes) == 1 and notes[0].severity == "info"
    assert notes[0].message.startswith("assumed: building main, level 0: 1 corridor area")
    assert "5 door(s)" in notes[0].message
    assert "angenommen" in notes[0].text("de")
    doors = plan.geometry.buildings[0].storeys[0].inner_doors
    assert len(doors) == 5 and all(d.assumed for d in doors)
    north = sorted(d.at for d in doors if d.at[1] == 12.0)
    assert north == [(i * 10 + 5.0, 12.0) for i in range(4)]  # the middle of the shared wall
    assert [d.at for d in doors if d.at[1] == 8.0] == [(20.0, 8.0)]
    assert len(plan.access) == 5 and {a.entrance for a in plan.access} == {"E1"}


def test_an_import_with_door_data_gets_no_assumed_doors():
    b = {"id": "main", "name": "Schule", "footprint": box(0, 0, 40, 20),
         "storeys": [{"level": 0, "name": "EG"}],
         "doors": [{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True,
                    "source_id": "ifc-1"}],
         "rooms": [{**_room("r-1", "001", box(0, 12, 10, 20)), "source_id": "s1"},
                   {**_corridor("c", box(0, 8, 40, 12)), "source_id": "s2"}]}
    plan = make_plan(_site(b))
    assert not any(f.code == "assumed-inside" for f in plan.findings)
    assert any(f.code == "room-without-door" and "001" in f.message for f in plan.findings)
    assert plan.geometry.buildings[0].storeys[0].inner_doors == ()


def test_us_profile_makes_no_guidance_signs_and_guetersloh_does(l_site):
    assert not load_profile("us-k12").guidance.enabled
    assert load_profile("guetersloh").guidance.enabled
    assert not any(s.kind == "guidance" for s in make_plan(l_site, "us-k12").signs)


def test_guidance_sign_ids_are_stable_and_unique(l_site):
    a = [s.marking for s in make_plan(l_site).signs if s.kind == "guidance"]
    b = [s.marking for s in make_plan(copy.deepcopy(l_site)).signs if s.kind == "guidance"]
    assert a == b and len(set(a)) == len(a)


def test_unknown_code_is_a_clear_error(l_site):
    from orientation.errors import OptionError

    plan = make_plan(l_site)
    with pytest.raises(OptionError) as e:
        routes.route_for(l_site, plan, "999", "en")
    assert "999 is not a code of this plan" in str(e.value)


def test_gesamtschule_guidance_arrows_point_along_the_way():
    """On the bundled school: from every guidance sign's point, the shortest way along the
    corridors to each of its destinations first goes where its arrow points (within 60°),
    and every destination is reachable from there."""
    import networkx as nx

    from conftest import FLOORPLANS
    from orientation.io.site_file import read_site
    from orientation.layout.guidance import _corridor_graph, storey_guidance
    from orientation.model import DoorKind

    site = read_site(str(FLOORPLANS / "gesamtschule.yaml"))
    plan = make_plan(site)
    walk = walking_graph(site)
    checked = 0
    for b in site.buildings:
        entry = {d.id for d in b.doors if d.kind in (DoorKind.entrance, DoorKind.service,
                                                      DoorKind.fire_brigade)}
        for st in b.storeys:
            signs, _ = storey_guidance(walk, b, st.level, plan.markings, entry_doors=entry,
                                       bend_deg=60, merge_m=3, max_per_point=6, words={})
            h = _corridor_graph(walk, b, st.level)
            for s in signs:
                start = min((n for n in h.nodes if h.degree(n)),
                            key=lambda n: math.dist(h.nodes[n]["at"], s.at))
                for t in s.targets:
                    if t == start:
                        continue
                    path = nx.shortest_path(h, start, t, weight="w")
                    step = next((h.nodes[n]["at"] for n in path[1:]
                                 if math.dist(h.nodes[n]["at"], s.at) >= 1.0), None)
                    if step is None:
                        continue
                    v = (step[0] - s.at[0], step[1] - s.at[1])
                    cos = (v[0] * s.direction[0] + v[1] * s.direction[1]) / math.hypot(*v)
                    assert cos > 0.5, (b.id, st.level, s.text, s.arrow, s.at, t)
                    checked += 1
    assert checked > 100


def test_a_space_beyond_the_budget_is_joined_through_its_centre_and_said(monkeypatch):
    from orientation.layout import walking

    monkeypatch.setattr(walking, "MAX_SPACE_NODES", 5)
    plan = make_plan(_site(l_building()))
    f = [x for x in plan.findings if x.code == "walk-simplified"]
    assert len(f) == 1 and "c" in f[0].message
    assert {a.room for a in plan.access} >= {"main/r-101", "main/r-104"}  # still reached
