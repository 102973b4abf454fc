"""OSM indoor import on small synthetic files written in the test (always run)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from shapely.geometry import Point, Polygon

from orientation.errors import ImportError_
from orientation.io import import_file
from orientation.io.osm import parse_levels
from orientation.io.site_file import dump_site, site_from_bytes, site_from_data
from orientation.layout.geometry import geometry_problems, locate, outline

LAT0, LON0 = 51.0, 13.7
M_LAT = 111_250.0
M_LON = 111_320.0 * math.cos(math.radians(LAT0))


def assert_valid(result, file: str = "imported.yaml") -> None:
    """The imported site passes the schema, semantic and geometric checks, and round-trips."""
    site = site_from_data(result.site.model_dump(mode="json"), file=file)
    assert geometry_problems(site) == []
    again = site_from_bytes(dump_site(site).encode("utf-8"), name=file)
    assert again == site


def ll(x: float, y: float) -> tuple[float, float]:
    """Plan metres around (LAT0, LON0) -> (lat, lon)."""
    return LAT0 + y / M_LAT, LON0 + x / M_LON


class Osm:
    """A tiny OSM XML writer for tests."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.next_id = 1

    def node(self, x: float, y: float, **tags: str) -> int:
        nid = self.next_id
        self.next_id += 1
        lat, lon = ll(x, y)
        body = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
        self.items.append(f'<node id="{nid}" lat="{lat:.9f}" lon="{lon:.9f}">{body}</node>')
        return nid

    def way(self, nodes: list[int], **tags: str) -> int:
        wid = self.next_id
        self.next_id += 1
        nds = "".join(f'<nd ref="{n}"/>' for n in nodes)
        body = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
        self.items.append(f'<way id="{wid}">{nds}{body}</way>')
        return wid

    def ring(self, pts: list[tuple[float, float]], **tags: str) -> int:
        ids = [self.node(x, y) for x, y in pts]
        return self.way([*ids, ids[0]], **tags)

    def relation(self, members: list[tuple[str, int, str]], **tags: str) -> int:
        rid = self.next_id
        self.next_id += 1
        mem = "".join(f'<member type="{t}" ref="{r}" role="{ro}"/>' for t, r, ro in members)
        body = "".join(f'<tag k="{k.replace("__", ":")}" v="{v}"/>' for k, v in tags.items())
        self.items.append(f'<relation id="{rid}">{mem}{body}</relation>')
        return rid

    def write(self, path: Path) -> Path:
        path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n"
                        + "\n".join(self.items) + "\n</osm>\n", encoding="utf-8")
        return path


def school(tmp_path: Path) -> Path:
    o = Osm()
    c = [o.node(0, 0), o.node(10, 0, door="hinged", entrance="main", level="0"),
         o.node(20, 0), o.node(20, 5, door="hinged", entrance="emergency", level="0"),
         o.node(20, 10), o.node(0, 10), o.node(0, 5, entrance="yes")]
    o.way([*c, c[0]], building="school", building__levels="2", name="Testschule",
          addr__street="Schulstraße", addr__housenumber="1", addr__postcode="33330",
          addr__city="Gütersloh")
    o.node(10, 5, door="hinged", level="0")                      # an inner door
    o.node(5, 8, door="hinged", level="0.5")                     # a door on a half level
    o.ring([(2, 2), (8, 2), (8, 8), (2, 8)], indoor="room", level="0;1", ref="001",
           name="Sekretariat")
    o.ring([(12, 2), (16, 2), (16, 6), (12, 6)], indoor="room", stairs="yes", level="0-1",
           ref="T1")
    o.ring([(12, 7), (14, 7), (14, 9), (12, 9)], indoor="room", level="0.5", ref="Z")
    o.node(17, 8, highway="elevator", level="0-1", ref="Aufzug")
    o.way([o.node(-30, -10), o.node(50, -10)], highway="residential", name="Schulstraße")
    o.way([o.node(-30, -20), o.node(50, -20)], highway="service")  # unnamed: not a public road
    o.way([o.node(10, -10), o.node(10, -0.5)], highway="footway")
    o.node(-5, -8, emergency="fire_hydrant")
    return o.write(tmp_path / "schule.osm")


def test_osm_school(tmp_path):
    result = import_file(school(tmp_path))
    assert result.format == "osm"
    assert_valid(result)
    site = result.site
    assert site.site.name == "Testschule"
    assert site.site.address == "Schulstraße 1, 33330 Gütersloh"
    assert site.site.origin is not None
    assert abs(site.site.origin.lat - ll(10, 5)[0]) < 1e-6
    assert abs(site.site.origin.lon - ll(10, 5)[1]) < 1e-6
    (b,) = site.buildings
    assert [s.level for s in b.storeys] == [0, 1]
    # the footprint is 20 x 10 m, centred on the origin
    xs = [p[0] for p in b.footprint]
    ys = [p[1] for p in b.footprint]
    assert max(xs) - min(xs) == pytest.approx(20, abs=0.05)
    assert max(ys) - min(ys) == pytest.approx(10, abs=0.05)
    kinds = sorted((d.kind.value, d.main) for d in b.doors)
    assert kinds == [("emergency_exit", False), ("entrance", False), ("entrance", True),
                     ("inner", False)]
    o = outline(b)
    for d in b.doors:
        if d.kind.value != "inner":
            assert locate(o, d.at).distance < 1e-3
            assert d.source_id.startswith("node/")
    # the stairwell's ref names its stair: its rooms are shafts, named by it, without number
    rooms = sorted((r.level, r.name or "", r.use.value if r.use else "") for r in b.rooms)
    assert rooms == [(0, "Sekretariat", "office"), (0, "T1", "stair"),
                     (1, "Sekretariat", "office"), (1, "T1", "stair")]
    # the source's numbers are kept by default; a room on two levels keeps its ref once
    numbers = sorted((r.level, r.number or "") for r in b.rooms)
    assert numbers == [(0, ""), (0, "001"), (1, ""), (1, "")]
    (stair,) = b.stairs
    assert (stair.levels, stair.name) == ((0, 1), "T1")
    (lift,) = b.features
    assert (lift.kind.value, lift.level, lift.name) == ("elevator", 0, "Aufzug")
    assert lift.levels == (0, 1)
    feats = sorted((f.kind.value, f.name) for f in site.site_features)
    assert feats == [("footway", None), ("hydrant", None), ("road", "Schulstraße")]
    codes = result.codes()
    assert "half-levels" in codes and "unnamed-roads" in codes
    assert "no-main-entrance" not in codes


def test_osm_keeps_ref_as_room_number_by_default(tmp_path):
    result = import_file(school(tmp_path))
    numbers = sorted(r.number for r in result.site.buildings[0].rooms if r.number)
    assert numbers == ["001"]                     # T1 is the stairwell's: no room number
    assert_valid(result)
    # the deprecated alias still works: True is the default
    alias = import_file(school(tmp_path), keep_room_numbers=True)
    assert sorted(r.number for r in alias.site.buildings[0].rooms if r.number) == numbers


def test_osm_renumber_rooms_drops_refs(tmp_path):
    result = import_file(school(tmp_path), renumber_rooms=True)
    assert all(r.number is None for r in result.site.buildings[0].rooms)
    assert "room-numbers-duplicate" not in result.codes()
    assert_valid(result)
    alias = import_file(school(tmp_path), keep_room_numbers=False)
    assert all(r.number is None for r in alias.site.buildings[0].rooms)


def _two_rooms(tmp_path, ref_a, ref_b, ref_c=None):
    o = Osm()
    c = [o.node(0, 0), o.node(30, 0), o.node(30, 10), o.node(0, 10)]
    o.way([*c, c[0]], building="yes", name="Haus")
    o.node(0, 5, entrance="main", door="hinged")
    o.ring([(1, 1), (9, 1), (9, 9), (1, 9)], indoor="room", level="0", ref=ref_a, name="A")
    o.ring([(11, 1), (19, 1), (19, 9), (11, 9)], indoor="room", level="0", ref=ref_b, name="B")
    if ref_c is not None:
        o.ring([(21, 1), (29, 1), (29, 9), (21, 9)], indoor="room", level="0", ref=ref_c,
               name="C")
    return o.write(tmp_path / "haus.osm")


def test_osm_duplicate_ref_keeps_the_first_with_one_note(tmp_path):
    result = import_file(_two_rooms(tmp_path, "2101", "2101", "2101"))
    assert_valid(result)
    rooms = {r.name: r.number for r in result.site.buildings[0].rooms}
    assert rooms == {"A": "2101", "B": None, "C": None}
    dup = [n for n in result.notes if n.code == "room-numbers-duplicate"]
    assert len(dup) == 1 and "2101" in dup[0].message and dup[0].severity == "warning"


def test_osm_case_twin_ref_is_a_duplicate(tmp_path):
    result = import_file(_two_rooms(tmp_path, "2.07a", "2.07A"))
    assert_valid(result)
    rooms = {r.name: r.number for r in result.site.buildings[0].rooms}
    assert rooms == {"A": "2.07a", "B": None}
    assert result.codes().count("room-numbers-duplicate") == 1


def test_osm_unusable_ref_is_left_out_with_one_note(tmp_path):
    result = import_file(_two_rooms(tmp_path, "2101;2102", "Raum 7"))
    assert_valid(result)
    assert all(r.number is None for r in result.site.buildings[0].rooms)
    (note,) = [n for n in result.notes if n.code == "room-numbers-unusable"]
    assert "'2101;2102'" in note.message and "'Raum 7'" in note.message
    assert note.text("de")


def test_osm_multipolygon_courtyard_and_no_doors(tmp_path):
    o = Osm()
    outer = o.ring([(0, 0), (30, 0), (30, 30), (0, 30)])
    inner = o.ring([(10, 10), (20, 10), (20, 20), (10, 20)])
    o.relation([("way", outer, "outer"), ("way", inner, "inner")], type="multipolygon",
               building="yes")
    result = import_file(o.write(tmp_path / "hof.osm"))
    assert_valid(result)
    (b,) = result.site.buildings
    assert len(b.courtyards) == 1
    assert b.name == "hof"                       # the file stem when the source has no name
    assert [s.level for s in b.storeys] == [0]
    assert {"no-doors", "storeys-assumed"} <= set(result.codes())


@pytest.mark.parametrize("value, levels", [
    ("0", [0]), ("-1", [-1]), ("0-3", [0, 1, 2, 3]), ("-1-3", [-1, 0, 1, 2, 3]),
    ("0;1", [0, 1]), ("1;3", [1, 3]), ("-2--1", [-2, -1]), ("0.5", []), ("", []),
    ("0;0.5", [0]), ("abc", []),
])
def test_parse_levels(value, levels):
    assert parse_levels(value)[0] == levels


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<osm version="0.6"><node id="1" lat="0" lon="0"><tag k="name" v="&lol3;"/></node></osm>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE osm [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<osm version="0.6"><node id="1" lat="0" lon="0"><tag k="name" v="&xxe;"/></node></osm>
"""


@pytest.mark.parametrize("text, words", [
    (BOMB, "refused"),
    (EXTERNAL, "refused"),
    ("<osm><node id='1' lat='0' lon='0'>", "not valid XML"),
    ("<gpx></gpx>", "not <osm>"),
    ("<osm version='0.6'><node id='1' lat='0' lon='0'/></osm>", "no building outline"),
])
def test_osm_hostile_or_broken(tmp_path, text, words):
    p = tmp_path / "bad.osm"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    assert words in str(exc.value)
    assert str(p) in str(exc.value)


def test_osm_self_intersecting_outline(tmp_path):
    o = Osm()
    # a bow tie: two triangles touching in the middle
    o.ring([(0, 0), (20, 10), (20, 0), (0, 10)], building="yes", name="Fliege")
    result = import_file(o.write(tmp_path / "bowtie.osm"))
    assert_valid(result)
    assert "footprint-parts" in result.codes()


# --- issue 16: uses, shafts, storey outlines ---------------------------------------------------

def _house(o: Osm, w: float = 30, h: float = 20, **tags: str) -> None:
    c = [o.node(0, 0), o.node(w, 0), o.node(w, h), o.node(0, h)]
    o.way([*c, c[0]], building="yes", name="Haus", **tags)
    o.node(w / 2, 0, entrance="main", door="hinged", level="0")


def test_osm_room_uses_from_room_amenity_tags_and_names_with_one_note(tmp_path):
    o = Osm()
    _house(o)
    spots = iter([(x, y) for y in (1, 11) for x in (1, 7, 13, 19)])

    def room(**tags: str) -> None:
        x, y = next(spots)
        o.ring([(x, y), (x + 5, y), (x + 5, y + 8), (x, y + 8)], indoor="room", level="0",
               **tags)

    room(room="class", ref="001")
    room(room="toilets", ref="002")
    room(amenity="toilets", ref="003")
    room(name="Chemikalienlager", ref="004")
    room(room="ballroom", ref="005")                       # a value without a match
    room(ref="006")                                        # nothing to read a use from
    room(room="technical", ref="007")
    room(indoor__x="y", room="elevator", ref="A1")         # a lift shaft by room=elevator
    result = import_file(o.write(tmp_path / "uses.osm"))
    assert_valid(result)
    b = result.site.buildings[0]
    uses = {r.source_id: r.use.value if r.use else None for r in b.rooms}
    assert list(uses.values()) == ["classroom", "toilet", "toilet", "chemicals", None, None,
                                   "technical", "lift"]
    assert [r.number for r in b.rooms] == ["001", "002", "003", "004", "005", "006", "007",
                                           None]
    (lift,) = b.features
    assert lift.kind.value == "elevator" and lift.name == "A1"
    (note,) = [n for n in result.notes if n.code == "osm-uses-unmapped"]
    assert note.message.startswith("2 of 8 rooms got no use")
    assert "'ballroom' (1)" in note.message and "'ballroom' (1)" in note.text("de")


def _stairwell(o: Osm, x: float, **tags: str) -> None:
    o.ring([(x, 12), (x + 4, 12), (x + 4, 18), (x, 18)], indoor="room", stairs="yes", **tags)


def test_osm_one_stairwell_drawn_on_each_level_is_one_stair(tmp_path):
    o = Osm()
    _house(o, min_level="0", max_level="3")
    _stairwell(o, 2, level="0", ref="TR02")            # the same ref: one stair wherever
    _stairwell(o, 2.3, level="0-3", ref="TR02")
    for lv in range(4):                                # no ref, one way per level, same place
        _stairwell(o, 20 + 0.1 * lv, level=str(lv))
    _stairwell(o, 10, level="0-1", ref="TR08")         # two refs at one place: two stairs
    _stairwell(o, 10, level="2-3", ref="TR09")
    o.ring([(2, 1), (8, 1), (8, 8), (2, 8)], indoor="room", level="0", ref="0.01")
    result = import_file(o.write(tmp_path / "treppen.osm"))
    assert_valid(result)
    b = result.site.buildings[0]
    stairs = sorted((s.name or "", s.levels) for s in b.stairs)
    assert stairs == [("", (0, 1, 2, 3)), ("TR02", (0, 1, 2, 3)), ("TR08", (0, 1)),
                      ("TR09", (2, 3))]
    shafts = [r for r in b.rooms if r.is_shaft]
    assert len(shafts) == 5 + 4 + 2 + 2 and all(r.number is None for r in shafts)
    assert [r.number for r in b.rooms if not r.is_shaft] == ["0.01"]


def test_osm_lift_nodes_on_each_level_are_one_lift_on_all_of_them(tmp_path):
    o = Osm()
    _house(o, min_level="-1", max_level="2")
    o.ring([(2, 1), (8, 1), (8, 8), (2, 8)], indoor="room", level="-1;0;1;2", ref="R1")
    for lv in (-1, 0, 1, 2):
        o.node(25 + 0.2 * lv, 15, highway="elevator", level=str(lv))
    o.node(5, 15, highway="elevator", level="0", repeat_on="1-2", ref="Aufzug B")
    result = import_file(o.write(tmp_path / "aufzug.osm"))
    assert_valid(result)
    lifts = sorted((f.name or "", f.levels, f.level) for f in result.site.buildings[0].features)
    assert lifts == [("", (-1, 0, 1, 2), -1), ("Aufzug B", (0, 1, 2), 0)]


def test_merging_shafts_costs_a_bounded_number_of_comparisons(monkeypatch):
    """n pieces at one point without a ref and n with a ref each: each is compared with at
    most a few remembered shafts, not with all those before it."""
    from shapely.geometry import box

    from orientation.io import _osm_levels as lv

    calls = {"n": 0}
    real = lv._compatible

    def counted(*args):
        calls["n"] += 1
        return real(*args)

    monkeypatch.setattr(lv, "_compatible", counted)   # every comparison asks it first
    for n in (100, 1000):
        calls["n"] = 0
        pieces = [lv.Shaft("stair", box(0, 0, 4, 6), [i % 5]) for i in range(n)]
        pieces += [lv.Shaft("stair", box(0, 0, 4, 6), [0], ref=f"T{i}") for i in range(n)]
        shafts = lv.merge_shafts(pieces)
        assert len(shafts) == n                      # one per ref; the ref-less joined T0
        assert shafts[0].ref == "T0" and shafts[0].levels == [0, 1, 2, 3, 4]
        assert n <= calls["n"] <= 2 * n * lv._PER_CELL * 9, (n, calls["n"])  # not n²


def test_osm_storey_outlines_from_indoor_areas_and_level_polygons(tmp_path):
    o = Osm()
    _house(o, w=40, h=20, min_level="0", max_level="3")
    # ground floor: rooms and a corridor over the whole footprint (0.2 m walls): no outline
    o.ring([(0, 0), (19.9, 0), (19.9, 20), (0, 20)], indoor="room", level="0", ref="001")
    o.ring([(20.1, 0), (40, 0), (40, 20), (20.1, 20)], indoor="corridor", level="0")
    # floors 1-2: a ring of rooms and corridors round an atrium (15..25 x 5..15)
    for part in ([(0, 0), (15, 0), (15, 20), (0, 20)], [(25, 0), (40, 0), (40, 20), (25, 20)]):
        o.ring(part, indoor="room", level="1-2")
    o.ring([(15.2, 0), (24.8, 0), (24.8, 5), (15.2, 5)], indoor="corridor", level="1",
           repeat_on="2")
    o.ring([(15.2, 15), (24.8, 15), (24.8, 20), (15.2, 20)], indoor="area", level="1-2")
    # floor 3: an indoor=level polygon over the west wing, rooms drawn beyond it
    o.ring([(0, 0), (20, 0), (20, 20), (0, 20)], indoor="level", level="3", name="3. OG")
    o.ring([(1, 1), (30, 1), (30, 9), (1, 9)], indoor="room", level="3", ref="301")
    result = import_file(o.write(tmp_path / "atrium.osm"))
    assert_valid(result)
    b = result.site.buildings[0]
    ox, oy = min(p[0] for p in b.footprint), min(p[1] for p in b.footprint)

    def at(x: float, y: float) -> Point:
        return Point(x + ox, y + oy)

    s0, s1, s2, s3 = b.storeys
    assert s0.outline is None                                       # the whole footprint
    for s in (s1, s2):
        floor = Polygon(s.outline, s.courtyards)
        assert len(s.courtyards) == 1
        assert not floor.contains(at(20, 10))                       # the atrium is open
        assert floor.contains(at(20, 2)) and floor.contains(at(5, 10))
        assert floor.area == pytest.approx(800 - 100, abs=8)
    assert s3.name == "3. OG" and Polygon(s3.outline).bounds == pytest.approx((-20, -10, 0, 10),
                                                                              abs=0.05)
    (room,) = [r for r in b.rooms if r.level == 3]
    assert Polygon(room.polygon).bounds[2] == pytest.approx(0, abs=0.05)   # clipped to it
    assert "rooms-clipped-storey" in result.codes()


def test_osm_storey_in_separate_parts_keeps_the_footprint(tmp_path):
    o = Osm()
    _house(o, min_level="-1", max_level="0")
    o.ring([(1, 1), (5, 1), (5, 5), (1, 5)], indoor="room", level="-1", ref="K1")
    o.ring([(20, 1), (25, 1), (25, 5), (20, 5)], indoor="room", level="-1", ref="K2")
    o.ring([(1, 1), (9, 1), (9, 9), (1, 9)], indoor="room", level="0", ref="E1")
    result = import_file(o.write(tmp_path / "keller.osm"))
    assert_valid(result)
    basement, ground = result.site.buildings[0].storeys
    assert basement.outline is None                 # two cellars apart: the layout's extent
    assert Polygon(ground.outline).area == pytest.approx(64, abs=1)
    assert "storey-outline-unusable" not in result.codes()


def test_osm_inner_door_repeated_on_storeys_is_a_door_on_each(tmp_path):
    o = Osm()
    _house(o, min_level="-1", max_level="3")
    o.ring([(1, 1), (9, 1), (9, 9), (1, 9)], indoor="room", level="-1-3", ref="R")
    o.node(9, 5, door="hinged", level="-1", repeat_on="1-3")
    result = import_file(o.write(tmp_path / "tueren.osm"))
    assert_valid(result)
    inner = [d for d in result.site.buildings[0].doors if d.kind.value == "inner"]
    assert sorted(d.level for d in inner) == [-1, 1, 2, 3]
    assert {d.source_id for d in inner} == {inner[0].source_id}
