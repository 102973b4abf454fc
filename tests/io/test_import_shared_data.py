"""Acceptance of the importers on real buildings drawn by others (``../shared/data``).

Skipped with a reason when the folder (a sibling of the repository) is absent; what is known
about each file is in ``../shared/data/README.md``. How long each import takes is measured by
``make bench`` (benchmarks/growth.py), not asserted here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import Polygon
from shapely.ops import unary_union

from conftest import imported, need
from orientation import geo
from orientation.errors import ImportError_
from orientation.io import import_file
from orientation.io._osm_levels import parse_levels
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data"
#: Generous: every file imports in 0.1-3 s on a 2-core machine.

pytestmark = [
    pytest.mark.shared_data,
    pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED.resolve()} is absent: real "
                       "building files are not available here"),
]


def exterior(b):
    return [d for d in b.doors if d.kind.value != "inner"]


def test_fzk_haus():
    pytest.importorskip("ifcopenshell")
    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")  # room numbers are kept by default
    (b,) = r.site.buildings
    assert [(s.level, s.name) for s in b.storeys] == [(0, "Erdgeschoss"), (1, "Dachgeschoss")]
    assert len(b.rooms) == 7
    assert {r_.number for r_ in b.rooms} == {str(i) for i in range(1, 8)}
    assert {"Flur", "Küche", "Wohnen"} <= {r_.name for r_ in b.rooms}
    ext = exterior(b)
    assert len(ext) == 2                                  # Haustuer and Terrassentuer
    assert {d.kind.value for d in ext} == {"entrance"}
    # five IfcDoor and three open passages (the virtual space boundaries)
    assert len(b.doors) == 8 and sum(d.opening for d in b.doors) == 3
    assert Polygon(b.footprint).area == pytest.approx(120.0, abs=1.0)
    assert len(b.stairs) == 1 and b.stairs[0].levels == (0, 1)
    assert 1 <= len(b.windows) <= 11
    o = r.site.site.origin
    assert o is not None and abs(o.lat - 49.100) < 0.01 and abs(o.lon - 8.437) < 0.01


def test_bim_whale_large_building_millimetres():
    pytest.importorskip("ifcopenshell")
    r = imported("ifc/bim-whale/LargeBuilding.ifc")
    bs = r.site.buildings                     # the IFC importer may split it into its parts
    assert {s.name for b in bs for s in b.storeys} == {"Level 1", "Level 2"}
    assert sum(len(b.rooms) for b in bs) == 8
    pts = [p for b in bs for p in [*b.footprint, *(d.at for d in b.doors),
                                   *(w.at for w in b.windows)]]
    assert all(abs(x) < 100 and abs(y) < 100 for x, y in pts)   # metres, not millimetres
    assert {d.width for b in bs for d in b.doors} <= {0.915, 1.55}
    assert r.site.site.origin is None                              # Revit's Boston default
    assert "origin-default" in r.codes()
    assert not any(d.kind.value == "emergency_exit" for b in bs for d in b.doors)


def test_barcelona_pavilion_clear_message():
    pytest.importorskip("ifcopenshell")
    p = need("ifc/barcelona-pavilion/barcelona-pavilion.ifc")
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    msg = str(exc.value)
    assert "no storeys" in msg and "no spaces" in msg and "site file" in msg
    assert "Traceback" not in msg


def test_barcelona_pavilion_dxf_clear_message():
    pytest.importorskip("ezdxf")
    with pytest.raises(ImportError_, match="--layers footprint="):
        import_file(need("ifc/barcelona-pavilion/plan.dxf"))


def test_tu_dresden_apb():
    r = imported("osm/tud-apb/APBorig.osm")
    (b,) = r.site.buildings
    assert b.name == "Andreas-Pfitzmann-Bau"
    assert 4 <= len(b.storeys) <= 5
    # 400 indoor=room ways (stairwells on each level they span), 43 corridors, the Foyer and
    # the open stair areas (test_inner_doors: the corridors and interior doors)
    assert 460 <= len(b.rooms) <= 490
    ext = exterior(b)
    kinds = Counter(d.kind.value for d in ext)
    assert len(ext) == 12
    assert kinds["emergency_exit"] == 10
    assert sum(d.main for d in b.doors) == 1
    assert r.site.site.origin is not None
    assert abs(r.site.site.origin.lat - 51.025) < 0.01
    assert len(b.stairs) >= 7
    assert any(f.kind.value == "elevator" for f in b.features)
    assert any(f.kind.value == "footway" for f in r.site.site_features)
    # the OSM refs are the room numbers, each on one room only (the repeats are said);
    # a stairwell's or lift's ref names its stair or lift (test_tu_dresden_apb_shafts)
    numbers = [r_.number for r_ in b.rooms if r_.number]
    # 389 room refs and the Foyer's (an indoor=area, E100); corridors' refs name no room
    assert len(numbers) == 390 and len(set(numbers)) == len(numbers)
    assert {"2064", "2101", "3089"} <= set(numbers)
    assert r.codes().count("room-numbers-duplicate") == 1
    renumbered = import_file(need("osm/tud-apb/APBorig.osm"), renumber_rooms=True)
    assert all(r_.number is None for r_ in renumbered.site.buildings[0].rooms)


def test_openindoor_school_dxf():
    pytest.importorskip("ezdxf")
    r = imported("dxf/openindoor-school/plan.dxf")
    (b,) = r.site.buildings
    assert len(b.rooms) == 60
    area = Polygon(b.footprint, b.courtyards).area
    assert area == pytest.approx(2984, rel=0.02)          # in m², from centimetres
    xs = [p[0] for p in b.footprint]
    assert 50 < max(xs) - min(xs) < 200                    # metres
    assert b.doors == ()
    codes = r.codes()
    assert "no-doors" in codes and "dxf-no-door-blocks" in codes
    assert "footprint-parts" in codes                      # the outline falls apart: said
    named = [r_ for r_ in b.rooms if r_.name]
    assert len(named) >= 55
    assert "Technologie atelier" in {r_.name for r_ in named}
    numbers = {r_.number for r_ in b.rooms if r_.number}
    assert {"B013", "C001"} <= numbers and len(numbers) >= 55   # the labels, by default


def test_ibm_littleton_imdf():
    r = imported("imdf/ibm-littleton")
    (b,) = r.site.buildings
    assert 1700 <= len(b.rooms) <= 1800
    assert len(b.storeys) == 3
    assert b.doors == ()
    assert "no-doors" in r.codes()


def test_spbpu_imdf():
    r = imported("imdf/spbstu")
    buildings = {b.name: b for b in r.site.buildings}
    main = buildings["Main academic building"]
    assert [s.level for s in main.storeys] == [0, 2]
    assert sum(len(b.rooms) for b in r.site.buildings) == 144
    assert sum(len(b.storeys) for b in r.site.buildings) == 3
    assert len(main.stairs) >= 8
    assert all(d.kind.value == "inner" for d in main.doors) and len(main.doors) == 142
    codes = r.codes()
    assert "no-exterior-doors" in codes and "imdf-unknown-file" in codes


# --- TU Dresden APB against its source (issue 16) ---------------------------------------------

APB = "osm/tud-apb/APBorig.osm"


def _apb_source():
    """The source's ways and relations: [(id, tags, node ids or members)], and its nodes."""
    root = ET.parse(need(APB)).getroot()
    nodes = {el.get("id"): (float(el.get("lon")), float(el.get("lat")))
             for el in root.iter("node")}
    items = []
    for el in root:
        if el.tag in ("way", "relation"):
            tags = {t.get("k"): t.get("v") for t in el.iter("tag")}
            refs = ([n.get("ref") for n in el.iter("nd")] if el.tag == "way"
                    else [(m.get("ref"), m.get("role")) for m in el.iter("member")])
            items.append((f"{el.tag}/{el.get('id')}", tags, refs))
    return items, nodes


def _levels(tags) -> set[int]:
    lv, _ = parse_levels(tags.get("level"))
    rep, _ = parse_levels(tags.get("repeat_on"))
    return set(lv) | set(rep)


@pytest.fixture(scope="module")
def apb():
    result = imported(APB)
    site = site_from_data(result.site.model_dump(mode="json"), file="apb.yaml")
    return result, site, make_plan(site, "guetersloh"), _apb_source()


def _is_shaft(tags) -> bool:
    return tags.get("stairs") == "yes" or tags.get("highway") == "elevator"


def test_tu_dresden_apb_room_numbers_are_the_refs(apb):
    _, site, plan, (items, _) = apb
    (b,) = site.buildings
    rooms = [(sid, t) for sid, t, _ in items if t.get("indoor") == "room"]
    assert len(rooms) == 400
    refs = Counter(t["ref"] for _, t in rooms if "ref" in t and not _is_shaft(t))
    by_source: dict[str, list] = {}
    for r_ in b.rooms:
        by_source.setdefault(r_.source_id, []).append(r_)
    unique = 0
    for sid, t in rooms:
        placed = by_source[sid]
        assert {r_.level for r_ in placed} == _levels(t), sid
        if _is_shaft(t):
            assert all(r_.is_shaft and r_.number is None for r_ in placed), sid
        elif refs[t["ref"]] == 1 and len(placed) == 1:
            assert placed[0].number == t["ref"], sid        # exactly the source's ref
            unique += 1
    assert unique == 387           # 400 rooms - 8 stairwell/lift ways - 5 with a repeated ref
    # a ref the source gives several rooms is on exactly one of them
    numbers = Counter(r_.number for r_ in b.rooms if r_.number)
    assert set(numbers) == set(refs) | {"E100"} and set(numbers.values()) == {1}  # + Foyer
    # and the plan's room codes are those numbers, no code on two rooms
    codes = {m.element: m.code for m in plan.markings if m.kind == "room"}
    for r_ in b.rooms:
        if r_.number and not r_.is_shaft:
            assert codes[r_.id] == r_.number, r_.id
    assert len(set(codes.values())) == len(codes) == sum(not r_.is_shaft for r_ in b.rooms)


def test_tu_dresden_apb_shafts(apb):
    _, site, plan, (items, _) = apb
    (b,) = site.buildings
    storeys = {s.level for s in b.storeys}
    stair_src: dict[str, set[int]] = {}
    for _, t, _ in items:
        if t.get("stairs") == "yes" and t.get("ref"):
            stair_src.setdefault(t["ref"], set()).update(_levels(t))
    assert sorted(stair_src) == [f"TR0{i}" for i in range(1, 8)]
    # each stairwell is one stair on every storey it serves, one T code
    assert sorted((s.name, s.levels) for s in b.stairs) == sorted(
        (ref, tuple(sorted(lv & storeys))) for ref, lv in stair_src.items())
    stair_marks = [m for m in plan.markings if m.kind == "stair"]
    assert len(stair_marks) == 7 == len({m.code for m in stair_marks})
    assert all(m.code.startswith("T") for m in stair_marks)
    # lifts: as many as the source has, each on every storey it serves
    lifts = {t.get("ref"): _levels(t) for _, t, _ in items if t.get("highway") == "elevator"}
    assert len(lifts) == 2
    got = {f.name: f.levels for f in b.features if f.kind.value == "elevator"}
    assert got == {ref: tuple(sorted(lv)) for ref, lv in lifts.items()}
    # their rooms are shafts: no room number, no room code, no room sign
    shafts = {r_.id for r_ in b.rooms if r_.is_shaft}
    assert len(shafts) == 24 + 8 + 8     # + the two open stair areas on their four storeys
    assert not [m for m in plan.markings if m.kind == "room" and m.element in shafts and m.code]


def test_tu_dresden_apb_storey_outlines_follow_the_indoor_areas(apb):
    _, site, _, (items, nodes) = apb
    (b,) = site.buildings
    origin = (site.site.origin.lat, site.site.origin.lon)

    def poly(refs) -> Polygon:
        x, y = geo.wgs84_to_plan(origin, 0.0, [nodes[n] for n in refs])
        return Polygon(list(zip(x, y)))

    ways = {sid: refs for sid, _, refs in items if sid.startswith("way/")}
    level1 = unary_union([poly(refs).buffer(0) for sid, t, refs in items
                          if sid.startswith("way/") and refs[0] == refs[-1]
                          and t.get("indoor") in ("room", "corridor", "area")
                          and 1 in _levels(t)])
    (foyer,) = [refs for _, t, refs in items if t.get("name") == "Foyer"]
    outer = poly(ways[f"way/{next(r for r, role in foyer if role == 'outer')}"])
    atrium = max(getattr(g := outer.difference(level1.buffer(1.0)), "geoms", [g]),
                 key=lambda p: p.area)
    assert atrium.area > 300                  # the hall under the atrium of floors 1-3
    inside = atrium.representative_point()
    storey = {s.level: s for s in b.storeys}
    one = Polygon(storey[1].outline, storey[1].courtyards)
    assert Polygon(b.footprint).contains(inside)
    assert not one.contains(inside)           # no floor where OSM has none
    assert Polygon(storey[0].outline, storey[0].courtyards).contains(inside)  # the foyer
    for level in (1, 2, 3):
        s = storey[level]
        floor = Polygon(s.outline, s.courtyards)
        assert len(s.courtyards) == 2         # the two light wells
        assert abs(floor.area - level1.area) < 0.03 * level1.area
    assert storey[-1].outline is None         # three stairwells apart: the rooms' extent
