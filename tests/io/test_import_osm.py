"""OSM indoor import on small synthetic files written in the test (always run)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

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
    rooms = sorted((r.level, r.name or "") for r in b.rooms)
    assert rooms == [(0, ""), (0, "Sekretariat"), (1, ""), (1, "Sekretariat")]
    # the source's numbers are kept by default; a room on two levels keeps its ref once
    numbers = sorted((r.level, r.number or "") for r in b.rooms)
    assert numbers == [(0, "001"), (0, "T1"), (1, ""), (1, "")]
    (stair,) = b.stairs
    assert stair.levels == (0, 1)
    (lift,) = b.features
    assert (lift.kind.value, lift.level, lift.name) == ("elevator", 0, "Aufzug")
    feats = sorted((f.kind.value, f.name) for f in site.site_features)
    assert feats == [("footway", None), ("hydrant", None), ("road", "Schulstraße")]
    codes = result.codes()
    assert "half-levels" in codes and "unnamed-roads" in codes
    assert "no-main-entrance" not in codes


def test_osm_keeps_ref_as_room_number_by_default(tmp_path):
    result = import_file(school(tmp_path))
    numbers = sorted(r.number for r in result.site.buildings[0].rooms if r.number)
    assert numbers == ["001", "T1"]
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
