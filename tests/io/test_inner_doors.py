"""Interior doors, the rooms they open into (``between``) and corridors, from every importer
(issue 17): counted against the source for the real files of ``../shared/data`` (skipped
without them), and on small synthetic files (always run)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from shapely.geometry import Point, Polygon, box
from test_import_osm import Osm, assert_valid

from conftest import imported, need
from orientation.io import import_file
from orientation.io._assemble import assemble_site
from orientation.io._door_rooms import NEAR_ROOM_M
from orientation.io._drafts import BuildingDraft, DoorDraft, RoomDraft
from orientation.io._notes import Notes
from orientation.io.osm import parse_levels
from orientation.io.site_file import site_from_data
from orientation.model import DoorKind, RoomUse


def inner(b) -> list:
    return [d for d in b.doors if d.kind.value == "inner"]


def rooms_of(b) -> dict:
    return {r.id: r for r in b.rooms}


def door_room_distance(b, d) -> float:
    """How far door ``d`` is from the farthest of its ``between`` rooms' outlines."""
    rooms = rooms_of(b)
    return max(Polygon(rooms[i].polygon).distance(Point(d.at)) for i in d.between)


# --- TU Dresden APB (OSM) ---------------------------------------------------------------------

APB = "osm/tud-apb/APBorig.osm"


def _levels(tags: dict) -> list[int]:
    lv, _ = parse_levels(tags.get("level"))
    rep, _ = parse_levels(tags.get("repeat_on"))
    return sorted(set(lv) | set(rep))


def _apb_doors():
    """From the XML alone: the door nodes, the outline's nodes, and the rooms (source id ->
    (node ids, levels)): indoor=room and =corridor ways, the open stair areas, the Foyer."""
    root = ET.parse(need(APB)).getroot()
    nodes, ways, rels = {}, {}, {}
    for el in root:
        tags = {t.get("k"): t.get("v") for t in el.iter("tag")}
        if el.tag == "node":
            nodes[el.get("id")] = tags
        elif el.tag == "way":
            ways[el.get("id")] = ([n.get("ref") for n in el.iter("nd")], tags)
        elif el.tag == "relation":
            rels[el.get("id")] = ([m.get("ref") for m in el.iter("member")
                                   if m.get("type") == "way"], tags)
    outline = {n for nds, t in ways.values()
               if t.get("building") and "building:part" not in t for n in nds}
    rooms = {f"way/{w}": (set(nds), _levels(t)) for w, (nds, t) in ways.items()
             if t.get("indoor") in ("room", "corridor")
             or (t.get("indoor") == "area" and t.get("stairs") == "yes")}
    rooms.update({f"relation/{r}": ({n for w in mem for n in ways[w][0]}, _levels(t))
                  for r, (mem, t) in rels.items() if t.get("indoor") == "area"})
    doors = {n: t for n, t in nodes.items() if t.get("door") or t.get("entrance")}
    corridors = [f"way/{w}" for w, (_, t) in ways.items() if t.get("indoor") == "corridor"]
    return doors, outline, rooms, corridors


@pytest.fixture(scope="module")
def apb():
    return imported(APB), _apb_doors()


def test_apb_inner_doors_against_the_source(apb):
    r, (doors, outline, rooms, _) = apb
    (b,) = r.site.buildings

    def on_rooms(n: str, level: int) -> set[str]:
        return {sid for sid, (ns, lv) in rooms.items() if n in ns and level in lv}

    # the source: 502 door nodes; 21 are door=no (a doorway without a leaf), 20 of them on
    # room outlines; 12 doors are nodes of the building outline
    leaf = {n: t for n, t in doors.items() if not (t.get("door") == "no" and not t.get("entrance"))}
    doorways = {n: t for n, t in doors.items() if n not in leaf}
    assert (len(doors), len(leaf), len(doorways)) == (502, 481, 21)
    exterior = {n for n in leaf if n in outline}
    assert len(exterior) == 12 == len([d for d in b.doors if d.kind.value != "inner"])
    kept_doorways = {n for n in doorways if any(on_rooms(n, lv) for lv in _levels(doors[n]))}
    assert len(kept_doorways) == 20
    source_inner = [(n, lv) for n, t in doors.items()
                    if n not in outline and (n in leaf or n in kept_doorways)
                    for lv in _levels(t)]
    assert len({n for n, _ in source_inner}) == 469 + 20
    # one inner door per node and storey it is on (repeat_on): all of them come through
    assert len(source_inner) == 517
    got = Counter((d.source_id.removeprefix("node/"), d.level) for d in inner(b))
    assert got == Counter(source_inner)
    # the doorways are open passages (on each storey they are on), the other doors are not
    passages = Counter((d.source_id.removeprefix("node/"), d.level) for d in b.doors
                       if d.opening)
    assert passages == Counter((n, lv) for n in kept_doorways for lv in _levels(doors[n]))
    # 20 doorway nodes, some repeated on several storeys: 26 open passages
    assert len({n for n, _ in passages}) == 20 and sum(passages.values()) == 26
    assert all(d.kind.value == "inner" for d in b.doors if d.opening)

    # between: the rooms on the door's storey whose ways have the node
    by_source = {rid: room.source_id for rid, room in rooms_of(b).items()}
    sizes = Counter(len(on_rooms(n, lv)) for n, lv in source_inner)
    assert sizes == {2: 500, 1: 13, 0: 4}
    completed = 0
    for d in inner(b):
        src = on_rooms(d.source_id.removeprefix("node/"), d.level)
        given = {by_source[i] for i in d.between or ()}
        assert all(rooms_of(b)[i].level == d.level for i in d.between or ())
        if len(src) == 2:
            assert given == src, d.id
        elif len(src) == 1:
            # the node of one way, and on the outline of another room (completed)
            assert src <= given, d.id
            completed += len(given) == 2
        else:
            assert d.between is None, d.id
    assert completed == 1
    assert Counter(len(d.between or ()) for d in inner(b)) == {2: 501, 1: 12, 0: 4}
    assert max(door_room_distance(b, d) for d in inner(b) if d.between) < 0.01
    # every exterior door opens into the one room behind it
    assert all(len(d.between or ()) == 1 for d in b.doors if d.kind.value != "inner")
    # no inner door lies away from every room outline of its storey
    assert "inner-doors-off-rooms" not in r.codes()


def test_apb_corridors_and_the_foyer(apb):
    r, (_, _, _, corridors) = apb
    (b,) = r.site.buildings
    uses = Counter(room.use.value if room.use else None for room in b.rooms)
    assert len(corridors) == 43
    got = sorted(room.source_id for room in b.rooms if room.use is RoomUse.corridor)
    assert got == sorted(corridors)           # one storey each
    # a corridor's ref (F01 on every floor) is no room number
    assert all(room.number is None for room in b.rooms if room.use is RoomUse.corridor)
    (foyer,) = [room for room in b.rooms if room.use is RoomUse.lobby]
    assert (foyer.name, foyer.number, foyer.level) == ("Foyer", "E100", 0)
    assert uses["corridor"] == 43 and uses["lobby"] == 1


# --- SPbPU (IMDF) -----------------------------------------------------------------------------

def test_spbpu_openings_are_inner_doors_between_their_units():
    r = imported("imdf/spbstu")
    openings = json.loads((need("imdf/spbstu") / "opening.geojson").read_text("utf-8"))
    cats = Counter(f["properties"]["category"] for f in openings["features"])
    assert cats == {"pedestrian": 118, "automobile": 24}
    main = next(b for b in r.site.buildings if b.doors)
    assert len(inner(main)) == 142 == sum(cats.values())     # none lost, none exterior
    assert Counter(len(d.between or ()) for d in main.doors) == {2: 139, 1: 2, 0: 1}
    # the units the opening's middle lies on, within 0.75 m of it
    assert max(door_room_distance(main, d) for d in main.doors if d.between) <= NEAR_ROOM_M
    # one opening is on three units (two labs drawn twice and a stair): no guess
    assert "doors-many-rooms" in r.codes()
    assert "inner-doors-off-rooms" not in r.codes()
    # every opening's door is of type "open" here, the automobile ones too: IMDF does not say
    # that is a passage without a leaf, so none is made one
    assert not any(d.opening for d in main.doors)
    units = json.loads((need("imdf/spbstu") / "unit.geojson").read_text("utf-8"))
    walkways = sum(f["properties"]["category"] == "walkway" for f in units["features"])
    assert sum(room.use is RoomUse.corridor for room in main.rooms) == walkways == 13


def test_ibm_walkways_are_corridors():
    r = imported("imdf/ibm-littleton")
    (b,) = r.site.buildings
    assert sum(room.use is RoomUse.corridor for room in b.rooms) == 173
    assert b.doors == ()                      # the archive has no openings


# --- FZK-Haus and the BIM whale models (IFC) ---------------------------------------------------

def test_fzk_haus_doors_open_into_their_space_boundaries():
    ifcopenshell = pytest.importorskip("ifcopenshell")
    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")
    (b,) = r.site.buildings
    f = ifcopenshell.open(str(need("ifc/fzk-haus/AC20-FZK-Haus.ifc")))
    bounded: dict[str, set[str]] = {}
    for rel in f.by_type("IfcRelSpaceBoundary"):
        el = rel.RelatedBuildingElement
        if el is not None and el.is_a("IfcDoor"):
            bounded.setdefault(el.GlobalId, set()).add(rel.RelatingSpace.GlobalId)
    leaves = [d for d in b.doors if not d.opening]     # the open passages: below
    assert len(f.by_type("IfcDoor")) == len(leaves) == 5
    kinds = Counter(d.kind.value for d in leaves)
    assert kinds == {"inner": 3, "entrance": 2}    # Haustür and Terrassentür are exterior
    rooms = rooms_of(b)
    for d in leaves:
        assert {rooms[i].source_id for i in d.between} == bounded[d.source_id], d.id
    flur = next(room for room in b.rooms if room.name == "Flur")
    assert flur.use is RoomUse.corridor
    # the three inner doors lead from the Flur into Schlafzimmer, Bad and Büro
    assert sorted(sorted(rooms[i].name for i in d.between) for d in inner(b)
                  if not d.opening) == [
        ["Bad", "Flur"], ["Buero", "Flur"], ["Flur", "Schlafzimmer"]]
    assert "inner-doors-off-rooms" not in r.codes()


def _virtual_boundaries(f) -> dict[str, set[str]]:
    """From the file alone: each IfcVirtualElement of a space boundary -> the spaces it
    bounds (global ids)."""
    out: dict[str, set[str]] = {}
    for rel in f.by_type("IfcRelSpaceBoundary"):
        el = rel.RelatedBuildingElement
        if el is not None and el.is_a("IfcVirtualElement"):
            out.setdefault(el.GlobalId, set()).add(rel.RelatingSpace.GlobalId)
    return out


def test_fzk_haus_virtual_boundaries_are_open_passages():
    ifcopenshell = pytest.importorskip("ifcopenshell")
    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")     # checks that the model takes them
    (b,) = r.site.buildings
    f = ifcopenshell.open(str(need("ifc/fzk-haus/AC20-FZK-Haus.ifc")))
    # the source: 11 virtual space boundaries, 6 of them with an IfcVirtualElement; its three
    # elements each bound two spaces of the ground storey
    virtual = [rel for rel in f.by_type("IfcRelSpaceBoundary")
               if rel.PhysicalOrVirtualBoundary == "VIRTUAL"]
    assert len(virtual) == 11
    assert sum(rel.RelatedBuildingElement is not None for rel in virtual) == 6
    bounds = _virtual_boundaries(f)
    assert len(bounds) == len(f.by_type("IfcVirtualElement")) == 3
    assert all(len(spaces) == 2 for spaces in bounds.values())

    openings = [d for d in b.doors if d.opening]
    assert len(openings) == 3
    assert all(d.kind.value == "inner" and d.level == 0 for d in openings)
    rooms = rooms_of(b)
    assert {d.source_id: {rooms[i].source_id for i in d.between} for d in openings} == bounds
    # each lies on both room outlines, in the middle of what they share, as wide as that is
    for d in openings:
        a, c = (Polygon(rooms[i].polygon) for i in d.between)
        shared = a.boundary.intersection(c.boundary)
        assert d.width == pytest.approx(shared.length, abs=0.002), d.id
        assert shared.distance(Point(d.at)) < 0.002, d.id
        assert shared.interpolate(0.5, normalized=True).distance(Point(d.at)) < 0.002, d.id
    names = {frozenset(rooms[i].name for i in d.between): d for d in openings}
    assert set(names) == {frozenset({"Küche", "Wohnen"}), frozenset({"Flur", "Wohnen"}),
                          frozenset({"Flur", "Küche"})}
    # the open-plan kitchen (room 6) and the living room: the whole 3.71 m between them
    kitchen = names[frozenset({"Küche", "Wohnen"})]
    assert kitchen.width == pytest.approx(3.71, abs=0.002)
    assert kitchen.at == pytest.approx((4.695, 2.155), abs=0.002)
    (note,) = [n for n in r.notes if n.code == "ifc-openings"]
    assert note.message == ("building 'FZK-Haus': 3 open passage(s) without a door leaf "
                            "(virtual space boundaries, IfcVirtualElement) imported as inner "
                            "doors with 'opening: true'")
    assert note.text("de").startswith("Gebäude 'FZK-Haus': 3 Durchgang/Durchgänge ohne Türblatt")


def test_fzk_haus_kitchen_is_reachable():
    pytest.importorskip("ifcopenshell")
    from orientation.layout.walking import inside_findings, walking_graph

    r = imported("ifc/fzk-haus/AC20-FZK-Haus.ifc")
    (b,) = r.site.buildings
    (kitchen,) = [room for room in b.rooms if room.number == "6"]
    assert (kitchen.name, kitchen.level) == ("Küche", 0)
    assert sum(kitchen.id in (d.between or ()) for d in b.doors) == 2    # both open passages
    found: list[str] = []
    inside_findings(walking_graph(r.site), lambda _sev, code, *a, **k: found.append(code))
    assert "room-without-door" not in found


@pytest.mark.parametrize(("name", "doors", "inner_doors"), [("TallBuilding", 5, 2),
                                                             ("LargeBuilding", 18, 8)])
def test_bim_whale_doors_without_space_boundaries(name, doors, inner_doors):
    ifcopenshell = pytest.importorskip("ifcopenshell")
    rel = f"ifc/bim-whale/{name}.ifc"
    r = imported(rel)
    f = ifcopenshell.open(str(need(rel)))
    assert not f.by_type("IfcRelSpaceBoundary")
    all_doors = [d for b in r.site.buildings for d in b.doors]
    assert len(all_doors) == len(f.by_type("IfcDoor")) == doors
    assert sum(d.kind.value == "inner" for d in all_doors) == inner_doors
    assert all(d.between is None for d in all_doors)     # nothing in the source says
    assert "inner-doors-off-rooms" not in r.codes()


# --- the DXF plans ----------------------------------------------------------------------------

def test_dxf_school_has_no_door_inserts():
    ezdxf = pytest.importorskip("ezdxf")
    doc = ezdxf.readfile(str(need("dxf/openindoor-school/plan.dxf")))
    door_blocks = [b.name for b in doc.blocks if re.search("PORTE", b.name)]
    assert len(door_blocks) >= 10                 # defined ...
    inserted = {e.dxf.name for e in doc.modelspace().query("INSERT")}
    assert not inserted & set(door_blocks)        # ... and never inserted
    r = import_file(need("dxf/openindoor-school/plan.dxf"))
    assert r.site.buildings[0].doors == ()
    assert "dxf-no-door-blocks" in r.codes()


def test_barcelona_plan_dxf_has_no_blocks_at_all():
    ezdxf = pytest.importorskip("ezdxf")
    doc = ezdxf.readfile(str(need("ifc/barcelona-pavilion/plan.dxf")))
    assert not list(doc.modelspace().query("INSERT"))   # its 'Doors' layer is lines and arcs


# --- small synthetic files --------------------------------------------------------------------

def _osm_floor(tmp_path: Path) -> Path:
    """A 20 x 10 m storey: a corridor along the south wall (y 0..3), rooms A (0..10) and
    B (10..16) north of it, a strip east of B that no room covers."""
    o = Osm()
    c = [o.node(0, 0), o.node(5, 0, entrance="main", door="hinged", level="0"),
         o.node(20, 0), o.node(20, 10), o.node(0, 10)]
    o.way([*c, c[0]], building="school", building__levels="1", name="Haus")
    n = {xy: o.node(*xy) for xy in [(0, 3), (10, 3), (16, 3), (20, 3), (16, 10), (10, 10)]}
    d1 = o.node(5, 3, door="hinged", level="0")          # corridor <-> A (both ways' node)
    d2 = o.node(13, 3, door="hinged", level="0")         # B's node, on the corridor's edge
    d3 = o.node(10, 6, door="no", level="0")             # a doorway between A and B
    o.node(5, 6, door="no", level="0")                   # door=no inside A: nothing
    o.node(18, 7, door="hinged", level="0")              # two doors 2 m from every room
    o.node(18.5, 8, door="sliding", level="0")
    o.way([c[0], c[1], c[2], n[(20, 3)], n[(16, 3)], n[(10, 3)], d1, n[(0, 3)], c[0]],
          indoor="corridor", level="0", ref="F01")
    o.way([n[(0, 3)], d1, n[(10, 3)], d3, n[(10, 10)], c[4], n[(0, 3)]], indoor="room",
          level="0", ref="001", name="A")
    o.way([n[(10, 3)], d2, n[(16, 3)], n[(16, 10)], n[(10, 10)], d3, n[(10, 3)]],
          indoor="room", level="0", ref="002", name="B")
    return o.write(tmp_path / "floor.osm")


def test_osm_doors_open_into_the_rooms_whose_ways_have_them(tmp_path):
    result = import_file(_osm_floor(tmp_path))
    assert_valid(result)
    (b,) = result.site.buildings
    names = {r.id: r.name or r.use.value for r in b.rooms}
    between = {d.source_id: sorted(names[i] for i in d.between or ()) for d in b.doors}
    ids = sorted(between, key=lambda s: int(s.split("/")[1]))
    main, d1, d2, d3, far1, far2 = ids
    assert between[main] == ["corridor"]            # the exterior door: the room behind it
    assert between[d1] == ["A", "corridor"]
    assert between[d2] == ["B", "corridor"]         # on the corridor's edge, not its node
    assert between[d3] == ["A", "B"]                # door=no: a doorway is a way through
    assert between[far1] == between[far2] == []
    assert [d.source_id for d in b.doors if d.opening] == [d3]   # the door=no doorway
    (corridor,) = [r for r in b.rooms if r.use is RoomUse.corridor]
    assert corridor.number is None and {r.number for r in b.rooms} == {None, "001", "002"}
    # the two doors off every room: kept, one note for the building
    assert len(inner(b)) == 5
    (note,) = [n for n in result.notes if n.code == "inner-doors-off-rooms"]
    assert note.message.startswith("building 'Haus': 2 of 5 inner doors lie farther than "
                                   "0.75 m from every room outline of their storey (level 0)")
    assert note.text("de").startswith("Gebäude 'Haus': 2 von 5 Innentüren liegen weiter")


def test_osm_area_rooms_are_walkable_areas_only():
    from orientation.io._osm_levels import room_kind

    square = box(0, 0, 10, 10)
    assert room_kind({"indoor": "area", "name": "Pausenhalle"}, square)[:2] == (True,
                                                                                 RoomUse.hall)
    assert room_kind({"indoor": "area", "stairs": "yes"}, square)[:2] == (True, RoomUse.stair)
    assert room_kind({"indoor": "area", "amenity": "toilets"}, square)[0] is False


def _draft(rooms: list[RoomDraft], doors: list[DoorDraft]) -> BuildingDraft:
    return BuildingDraft(name="Haus", footprint=box(0, 0, 20, 10), storeys=[(0, "EG"), (1, "OG")],
                         rooms=rooms, doors=doors)


def test_between_names_only_rooms_kept_on_the_doors_storey():
    a, b = RoomDraft(0, box(0, 3, 10, 10), name="A"), RoomDraft(0, box(10, 3, 20, 10), name="B")
    lost = RoomDraft(7, box(0, 0, 20, 3), name="on no storey")   # dropped at assembly
    upstairs = RoomDraft(1, box(0, 0, 20, 3), name="upstairs")
    other = RoomDraft(0, box(0, 0, 5, 3), name="in another building")
    doors = [DoorDraft((10, 5), 0, DoorKind.inner, between=(a, b)),
             DoorDraft((5, 3), 0, DoorKind.inner, between=(a, lost, upstairs, other)),
             DoorDraft((15, 3), 0, DoorKind.inner, between=(lost,)),
             DoorDraft((10, 0), 0, DoorKind.entrance, main=True, between=(a, b)),
             DoorDraft((12, 3), 0, DoorKind.inner, between=(a, b, upstairs, a))]
    notes = Notes()
    data = assemble_site(name="x", drafts=[_draft([a, b, lost, upstairs], doors)], notes=notes)
    site = site_from_data(data, file="x.yaml")       # the model takes every id written
    (bd,) = site.buildings
    names = {r.id: r.name for r in bd.rooms}
    assert "on no storey" not in names.values()
    got = [sorted(names[i] for i in d.between) if d.between else None for d in bd.doors]
    assert got == [["A", "B"], ["A"], None, None, ["A", "B"]]
    # the exterior door on two rooms: none named, and said
    assert "doors-many-rooms" in notes.codes()


def test_no_note_without_inner_doors_far_from_rooms():
    notes = Notes()
    a = RoomDraft(0, box(0, 0, 10, 10))
    assemble_site(name="x", notes=notes, drafts=[_draft(
        [a], [DoorDraft((10.5, 5), 0, DoorKind.inner), DoorDraft((10, 2), 0, DoorKind.entrance,
                                                                 main=True)])])
    assert "inner-doors-off-rooms" not in notes.codes()
    # on a storey without rooms the door is counted, and that is said
    notes = Notes()
    assemble_site(name="x", notes=notes, drafts=[_draft(
        [a], [DoorDraft((5, 5), 1, DoorKind.inner), DoorDraft((10, 2), 0, DoorKind.entrance,
                                                              main=True)])])
    (note,) = [n for n in notes.items if n.code == "inner-doors-off-rooms"]
    assert "1 of them on storeys without room outlines" in note.message


def _imdf(tmp_path: Path) -> Path:
    """One level, 20 x 10 m: classroom A (x 0..9.8), a walkway (10..14) and office B
    (14.2..20) with 0.2 m walls; openings in both walls, one in the outline, one inside A."""
    lon0, lat0, m_lat, m_lon = 11.0, 48.0, 111_200.0, 74_490.0

    def ll(x, y):
        return [lon0 + x / m_lon, lat0 + y / m_lat]

    def rect(x0, y0, x1, y1):
        return {"type": "Polygon", "coordinates": [[ll(x0, y0), ll(x1, y0), ll(x1, y1),
                                                    ll(x0, y1), ll(x0, y0)]]}

    def feat(fid, ftype, geometry, **props):
        return {"type": "Feature", "id": fid, "feature_type": ftype, "geometry": geometry,
                "properties": props}

    def line(a, b):
        return {"type": "LineString", "coordinates": [ll(*a), ll(*b)]}

    files = {
        "venue": [feat("V", "venue", rect(-10, -10, 30, 20), name={"en": "Campus"})],
        "building": [feat("B", "building", None, name={"en": "Haus"})],
        "level": [feat("L0", "level", rect(0, 0, 20, 10), ordinal=0, building_ids=["B"])],
        "unit": [feat("A", "unit", rect(0, 0, 9.8, 10), category="classroom", level_id="L0"),
                 feat("W", "unit", rect(10, 0, 14, 10), category="walkway", level_id="L0"),
                 feat("U", "unit", rect(14.2, 0, 20, 10), category="office", level_id="L0")],
        "opening": [feat("o1", "opening", line((9.9, 4), (9.9, 5)), category="pedestrian",
                         level_id="L0"),
                    feat("o2", "opening", line((14.1, 4), (14.1, 5)), category="pedestrian",
                         level_id="L0"),
                    feat("o3", "opening", line((11.5, 0), (12.5, 0)),
                         category="pedestrian.principal", level_id="L0"),
                    feat("o4", "opening", line((5, 5), (5, 6)), category="pedestrian",
                         level_id="L0")],
    }
    folder = tmp_path / "imdf"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"version": "1.0.0", "language": "en"}))
    for name, feats in files.items():
        (folder / f"{name}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": feats}))
    return folder


def test_imdf_openings_open_into_the_units_they_lie_on(tmp_path):
    result = import_file(_imdf(tmp_path))
    (b,) = result.site.buildings
    names = {r.id: r.source_id for r in b.rooms}
    got = {d.source_id: (d.kind.value, sorted(names[i] for i in d.between or ()))
           for d in b.doors}
    assert got == {"o1": ("inner", ["A", "W"]), "o2": ("inner", ["U", "W"]),
                   "o3": ("entrance", ["W"]), "o4": ("inner", [])}
    assert {r.source_id: r.use.value for r in b.rooms}["W"] == "corridor"


def test_ifc_virtual_elements_between_two_spaces_of_a_storey(tmp_path):
    """Which virtual elements give an open passage: two spaces of one storey whose outlines
    meet; not two spaces across a wall, of two storeys, or one space alone."""
    pytest.importorskip("ifcopenshell")
    import ifcopenshell.guid
    from test_import_ifc import Model

    m = Model("Haus")
    eg, og = m.storey("EG", 0.0), m.storey("OG", 3.0)
    m.walls(eg, 0, 0, 20, 10, 0, 3)
    m.box("IfcWall", eg, 12, 0.3, 12.3, 9.7, 0, 3)
    kitchen = m.box("IfcSpace", eg, 0.3, 0.3, 6, 9.7, 0, 2.5, name="1", LongName="Küche")
    living = m.box("IfcSpace", eg, 6, 0.3, 12, 9.7, 0, 2.5, name="2", LongName="Wohnen")
    office = m.box("IfcSpace", eg, 12.3, 0.3, 19.7, 9.7, 0, 2.5, name="3", LongName="Büro")
    upstairs = m.box("IfcSpace", og, 0.3, 0.3, 19.7, 9.7, 3, 5.5, name="4", LongName="Galerie")
    m.box("IfcDoor", eg, 8, 0, 9, 0.3, 0, 2.1, name="Haustür")

    def virtual(name: str | None, *spaces) -> str:
        v = m.run("root.create_entity", ifc_class="IfcVirtualElement", name=name)
        m.run("spatial.assign_container", relating_structure=eg, products=[v])
        for sp in spaces:
            m.f.create_entity("IfcRelSpaceBoundary", GlobalId=ifcopenshell.guid.new(),
                              RelatingSpace=sp, RelatedBuildingElement=v,
                              PhysicalOrVirtualBoundary="VIRTUAL",
                              InternalOrExternalBoundary="INTERNAL")
        return v.GlobalId

    open_plan = virtual("Küche offen", kitchen, living)
    virtual(None, living, office)          # across the wall: their outlines do not meet
    virtual(None, kitchen, upstairs)       # two storeys: an opening in the floor, no door
    virtual(None, kitchen)                 # one space
    result = import_file(m.write(tmp_path / "open.ifc"))
    assert_valid(result)
    (b,) = result.site.buildings
    rooms = {r.id: r.name for r in b.rooms}
    (d,) = [d for d in b.doors if d.opening]
    assert (d.source_id, d.kind.value, d.level, d.id) == (open_plan, "inner", 0, "d-kuche-offen")
    assert sorted(rooms[i] for i in d.between) == ["Küche", "Wohnen"]
    assert d.at == pytest.approx((6.0, 5.0), abs=0.002) and d.width == pytest.approx(9.4)
    assert not any(d.opening for d in b.doors if d.kind.value != "inner")
    (note,) = [n for n in result.notes if n.code == "ifc-openings"]
    assert note.message.endswith("'opening: true'; 3 virtual element(s) give none: not between "
                                 "two spaces of one storey (1 between storeys), or their room "
                                 "outlines share no boundary (1)")
    assert "3 virtuelle(s) Element(e) ergeben keinen" in note.text("de")


def test_an_opening_is_written_for_inner_doors_only():
    a, b = RoomDraft(0, box(0, 3, 10, 10), name="A"), RoomDraft(0, box(10, 3, 20, 10), name="B")
    doors = [DoorDraft((10, 5), 0, DoorKind.inner, width=7.0, between=(a, b), opening=True),
             DoorDraft((10, 0), 0, DoorKind.entrance, main=True, opening=True),
             DoorDraft((5, 3), 0, DoorKind.inner, width=80.0, opening=True)]
    notes = Notes()
    data = assemble_site(name="x", drafts=[_draft([a, b], doors)], notes=notes)
    site = site_from_data(data, file="x.yaml")       # the model takes them
    got = [(d.kind.value, d.opening, d.width) for d in site.buildings[0].doors]
    # an open passage may be wider than a door leaf (10 m), up to the model's 50 m
    assert got == [("inner", True, 7.0), ("entrance", False, None), ("inner", True, 50.0)]
    assert "width-implausible" not in notes.codes()
