"""DXF import on tiny drawings written with ezdxf in the test (always run when ezdxf is)."""

from __future__ import annotations

from pathlib import Path

import pytest

ezdxf = pytest.importorskip("ezdxf", reason="the 'dxf' extra (ezdxf) is not installed")

from shapely.geometry import Polygon  # noqa: E402

from orientation.errors import ImportError_  # noqa: E402
from orientation.io import ImportLimits, import_file  # noqa: E402
from orientation.io.dxf import parse_label  # noqa: E402
from orientation.io.site_file import dump_site, site_from_bytes, site_from_data  # noqa: E402
from orientation.layout.geometry import geometry_problems, locate, outline  # noqa: E402


def assert_valid(result, file: str = "imported.yaml") -> None:
    site = site_from_data(result.site.model_dump(mode="json"), file=file)
    assert geometry_problems(site) == []
    assert site_from_bytes(dump_site(site).encode("utf-8"), name=file) == site


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def plan(tmp_path: Path, *, s: float = 100.0, insunits: int = 5, doors: bool = True,
         facade: bool = True, name: str = "plan.dxf", version: str = "R2010",
         encoding: str | None = None) -> Path:
    """A 20 x 10 m building with two rooms; ``s`` drawing units per metre (100 = cm)."""
    doc = ezdxf.new(version)
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()

    def poly(pts, layer):
        msp.add_lwpolyline([(x * s, y * s) for x, y in pts], close=True,
                           dxfattribs={"layer": layer})

    if facade:
        poly(box(0, 0, 20, 10), "A-FACADE")
    poly(box(0.2, 0.2, 9.9, 9.8), "A-RÄUME")
    poly(box(10.1, 0.2, 19.8, 9.8), "A-RÄUME")
    poly(box(1, 1, 1.5, 1.5), "FURNITURE")  # a table: not a room
    msp.add_mtext("101\\PSekretariat", dxfattribs={"layer": "A-TEXT", "insert": (3 * s, 5 * s),
                                                     "char_height": 0.3 * s})
    msp.add_text("Küche 12,5 m²", dxfattribs={"layer": "A-TEXT", "insert": (14 * s, 5 * s),
                                               "height": 0.3 * s})
    msp.add_text("Hof", dxfattribs={"layer": "A-TEXT", "insert": (30 * s, 5 * s),
                                     "height": 0.3 * s})
    blk = doc.blocks.new("TUER_90")
    blk.add_line((0, 0), (0.9 * s, 0))
    doc.blocks.new("NOTAUSGANG_100").add_line((0, 0), (1 * s, 0))
    doc.blocks.new("PORTE-S-63")  # defined, never inserted
    if doors:
        msp.add_blockref("TUER_90", (10 * s, 0), dxfattribs={"layer": "A-DOOR"})
        msp.add_blockref("NOTAUSGANG_100", (20 * s, 5 * s), dxfattribs={"layer": "A-DOOR"})
        msp.add_blockref("TUER_90", (10 * s, 5 * s), dxfattribs={"layer": "A-DOOR"})
    p = tmp_path / name
    if encoding:
        doc.header["$DWGCODEPAGE"] = "ANSI_1252"
        doc.saveas(p, encoding=encoding)
    else:
        doc.saveas(p)
    return p


def area(b) -> float:
    return Polygon(b.footprint, b.courtyards).area


def test_dxf_centimetres(tmp_path):
    result = import_file(plan(tmp_path))
    assert result.format == "dxf"
    assert_valid(result)
    (b,) = result.site.buildings
    assert area(b) == pytest.approx(200.0, abs=0.01)
    assert [s.level for s in b.storeys] == [0]
    names = sorted(r.name or "" for r in b.rooms)
    assert names == ["Küche", "Sekretariat"]           # the area line is dropped
    assert all(r.source_id for r in b.rooms)           # DXF handles
    kinds = sorted((d.kind.value, d.at) for d in b.doors)
    assert kinds == [("emergency_exit", (20.0, 5.0)), ("entrance", (10.0, 0.0)),
                     ("inner", (10.0, 5.0))]
    o = outline(b)
    assert all(locate(o, d.at).distance < 1e-6 for d in b.doors if d.kind.value != "inner")
    layers = next(n for n in result.notes if n.code == "dxf-layers").message
    assert "footprint=A-FACADE" in layers and "rooms=A-RÄUME" in layers
    assert "labels=A-TEXT" in layers and "units cm" in layers
    assert "no-main-entrance" in result.codes()


def test_dxf_keeps_label_numbers_by_default(tmp_path):
    result = import_file(plan(tmp_path))
    numbers = {r.name: r.number for r in result.site.buildings[0].rooms}
    assert numbers == {"Sekretariat": "101", "Küche": None}
    assert_valid(result)
    renumbered = import_file(plan(tmp_path), renumber_rooms=True)
    assert all(r.number is None for r in renumbered.site.buildings[0].rooms)


def test_dxf_no_doors_is_said(tmp_path):
    result = import_file(plan(tmp_path, doors=False))
    assert result.site.buildings[0].doors == ()
    codes = result.codes()
    assert "no-doors" in codes and "dxf-no-door-blocks" in codes
    msg = next(n for n in result.notes if n.code == "dxf-no-door-blocks").message
    assert "PORTE-S-63" in msg and "never inserted" in msg
    assert_valid(result)


def test_dxf_units_override_and_implausible(tmp_path):
    # drawn in metres but declared as millimetres: the file lies
    p = plan(tmp_path, s=1.0, insunits=4)
    with pytest.raises(ImportError_, match="no building could be imported"):
        import_file(p)
    result = import_file(p, units="m")
    assert area(result.site.buildings[0]) == pytest.approx(200.0, abs=0.01)
    assert "dxf-units-override" in result.codes()


@pytest.mark.parametrize("s, unit", [(1.0, "m"), (1000.0, "mm")])
def test_dxf_units_guessed_when_undeclared(tmp_path, s, unit):
    result = import_file(plan(tmp_path, s=s, insunits=0))
    assert area(result.site.buildings[0]) == pytest.approx(200.0, abs=0.01)
    note = next(n for n in result.notes if n.code == "dxf-units-assumed")
    assert f"assumed {unit}" in note.message and note.severity == "warning"


def test_dxf_footprint_from_rooms_without_facade(tmp_path):
    result = import_file(plan(tmp_path, facade=False, doors=False))
    assert_valid(result)
    b = result.site.buildings[0]
    assert 180 < area(b) < 200
    assert "dxf-footprint-from-rooms" in result.codes()


def test_dxf_rooms_polygonized_from_lines(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline(box(0, 0, 12, 6), close=True, dxfattribs={"layer": "Fassade"})
    for a, b in [((0, 0), (12, 0)), ((12, 0), (12, 6)), ((12, 6), (0, 6)), ((0, 6), (0, 0)),
                 ((6, 0), (6, 6))]:
        msp.add_line(a, b, dxfattribs={"layer": "Raum"})
    msp.add_text("A1 Lager", dxfattribs={"layer": "Beschriftung", "insert": (2, 3), "height": 0.2})
    p = tmp_path / "lines.dxf"
    doc.saveas(p)
    result = import_file(p, keep_room_numbers=True)
    assert_valid(result)
    rooms = result.site.buildings[0].rooms
    assert len(rooms) == 2
    assert ("A1", "Lager") in {(r.number, r.name) for r in rooms}
    assert "dxf-rooms-polygonized" in result.codes()


def test_dxf_layer_override(tmp_path):
    p = plan(tmp_path)
    result = import_file(p, layers={"rooms": "FURNITURE", "doors": "NONE"} | {"doors": "A-DOOR"})
    assert len(result.site.buildings[0].rooms) == 1
    with pytest.raises(ImportError_, match="layers in the model space"):
        import_file(p, layers={"footprint": "NO-SUCH-LAYER"})
    with pytest.raises(ImportError_, match="choose from footprint, rooms, labels, doors"):
        import_file(p, layers={"walls": "A-FACADE"})
    with pytest.raises(ImportError_, match="choose one of m, cm, mm, in, ft"):
        import_file(p, units="yards")


def test_dxf_cp1252(tmp_path):
    p = plan(tmp_path, version="R2000", encoding="cp1252", name="alt.dxf")
    assert "Küche".encode("cp1252") in p.read_bytes()
    result = import_file(p)
    assert "Küche" in {r.name for r in result.site.buildings[0].rooms}


def test_dxf_garbage(tmp_path):
    p = tmp_path / "broken.dxf"
    p.write_bytes(b"\x00\x01 not a dxf at all")
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    assert str(p) in str(exc.value)


@pytest.mark.parametrize("text, expected", [
    ("B013 \nTechnologie atelier", ("B013", "Technologie atelier")),
    ("ESCALIER C", (None, "ESCALIER C")),
    ("F006\nDégagement 18.27m²", ("F006", "Dégagement")),
    ("F000\nHall d'accueil\n80.89 m²", ("F000", "Hall d'accueil")),
    ("1.07 Büro", ("1.07", "Büro")),
    ("12,5 m²", (None, None)),
    ("E013bis\nRgt", ("E013bis", "Rgt")),
])
def test_parse_label(text, expected):
    assert parse_label(text) == expected


# --- plans drawn only with LINE and ARC walls -------------------------------------------------

def wall_office(tmp_path: Path, *, s: float = 1.0, insunits: int = 6) -> Path:
    """A 12 x 8 m office in lines only: double-line walls 0.2 m thick, two rooms above a
    corridor, room 1's door open into the room (leaf and ARC swing), room 2's drawn shut, and
    one wall line that stops 1 cm short of the outer wall."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()

    def line(a, b, layer="A-WALL"):
        msp.add_line((a[0] * s, a[1] * s), (b[0] * s, b[1] * s), dxfattribs={"layer": layer})

    def rect(x0, y0, x1, y1):
        pts = box(x0, y0, x1, y1)
        for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
            line(a, b)

    rect(0, 0, 12, 8)
    rect(0.2, 0.2, 11.8, 7.8)
    for y in (2.0, 2.2):                               # the corridor wall, two door gaps
        line((0.2, y), (2.0, y))
        line((2.9, y), (8.0, y))
        line((8.9, y), (11.8, y))
    for x in (2.0, 2.9, 8.0, 8.9):
        line((x, 2.0), (x, 2.2))
    line((5.9, 2.2), (5.9, 7.79))                      # 1 cm short: joined
    line((6.1, 2.2), (6.1, 7.8))
    line((8.0, 2.2), (8.9, 2.2), "A-DOOR")             # room 2's door, drawn shut
    line((2.0, 2.2), (2.0, 3.1), "A-DOOR")             # room 1's door leaf, open
    msp.add_arc((2.0 * s, 2.2 * s), 0.9 * s, 0, 90, dxfattribs={"layer": "A-DOOR"})
    msp.add_text("1.01 Büro", dxfattribs={"layer": "A-TEXT", "insert": (3 * s, 5 * s),
                                           "height": 0.25 * s})
    msp.add_mtext("1.02\\PTeeküche", dxfattribs={"layer": "A-TEXT", "insert": (9 * s, 5 * s),
                                                  "char_height": 0.25 * s})
    msp.add_text("Flur", dxfattribs={"layer": "A-TEXT", "insert": (6 * s, 1.1 * s),
                                      "height": 0.25 * s})
    msp.add_text("Maßstab 1:50", dxfattribs={"layer": "A-TEXT", "insert": (0, -2 * s),
                                              "height": 0.25 * s})
    p = tmp_path / "office.dxf"
    doc.saveas(p)
    return p


@pytest.mark.parametrize("s, insunits", [(1.0, 6), (1000.0, 0)])
def test_dxf_rooms_from_line_walls(tmp_path, s, insunits):
    result = import_file(wall_office(tmp_path, s=s, insunits=insunits), keep_room_numbers=True)
    assert_valid(result)
    (b,) = result.site.buildings
    rooms = {r.name: r for r in b.rooms}
    assert sorted(rooms) == ["Büro", "Flur", "Teeküche"]   # no wall, door gap or swing rooms
    assert {n: (r.number, r.use.value if r.use else None) for n, r in rooms.items()} == {
        "Büro": ("1.01", "office"), "Teeküche": ("1.02", "kitchen"), "Flur": (None, "corridor")}
    room_area = {n: Polygon(r.polygon).area for n, r in rooms.items()}
    assert room_area["Büro"] == pytest.approx(5.7 * 5.6, abs=0.01)     # the swing is not cut out
    assert room_area["Teeküche"] == pytest.approx(5.7 * 5.6, abs=0.01)
    assert room_area["Flur"] == pytest.approx(11.6 * 1.8 + 2 * 0.9 * 0.2, abs=0.01)
    assert area(b) == pytest.approx(96.0, abs=0.01)                  # outer face of the walls
    codes = result.codes()
    assert "dxf-rooms-polygonized" not in codes and "dxf-footprint-from-rooms" not in codes
    walls = next(n for n in result.notes if n.code == "dxf-rooms-from-walls")
    assert walls.severity == "info"
    p = dict(walls.params)
    assert p["n"] == 3 and "A-WALL" in p["layers"] and p["swings"] == 1 and p["bridges"] >= 1
    assert p["faces"] == p["n"] + p["thin"] + p["unlabelled"] and p["thin"] > 0
    assert walls.message.startswith("3 room(s) were formed from the wall lines on layer(s) ")
    assert f"of {p['faces']} faces, {p['thin']} are walls (thinner than 0.4 m)" in walls.message
    assert "1 door swing(s) were closed as doorways" in walls.message
    assert walls.text("de").startswith("3 Raum/Räume wurden aus den Wandlinien der Layer ")
    layers = next(n for n in result.notes if n.code == "dxf-layers")
    assert "rooms=(faces of the walls on A-" in layers.message and "labels=A-TEXT" in layers.message
    assert "footprint from the outer boundary of the walls on layer(s) A-" in layers.message
    de = layers.text("de")
    assert "rooms=(Flächen der Wände auf A-" in de and "(Türblöcke nach Namen)" in de
    assert "Grundriss aus dem Außenumriss der Wände auf den Layern A-" in de
    labels = next(n for n in result.notes if n.code == "dxf-labels").message
    assert labels.startswith("3 of 3 rooms")
    if not insunits:
        assert "assumed mm" in next(n for n in result.notes if n.code == "dxf-units-assumed").message


def test_dxf_line_walls_courtyard_kept_open(tmp_path):
    """A hall around a courtyard labelled "Innenhof": the courtyard stays a hole."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for x0, y0, x1, y1 in ((0, 0, 20, 20), (0.3, 0.3, 19.7, 19.7), (7.7, 7.7, 12.3, 12.3),
                           (8, 8, 12, 12)):
        msp.add_lwpolyline(box(x0, y0, x1, y1), close=True, dxfattribs={"layer": "Wände"})
    msp.add_text("Aula", dxfattribs={"layer": "Text", "insert": (3, 3), "height": 0.3})
    msp.add_text("Innenhof", dxfattribs={"layer": "Text", "insert": (10, 10), "height": 0.3})
    p = tmp_path / "court.dxf"
    doc.saveas(p)
    result = import_file(p)
    assert_valid(result)
    (b,) = result.site.buildings
    assert [r.name for r in b.rooms] == ["Aula"] and b.rooms[0].use.value == "hall"
    # the hall around the courtyard is one ring, opened by a 1 cm slit
    assert Polygon(b.rooms[0].polygon).area == pytest.approx(19.4**2 - 4.6**2, abs=0.15)
    assert area(b) == pytest.approx(400 - 16, abs=0.01)
    assert len(b.courtyards) == 1


def test_dxf_line_walls_crossing_lines_are_bounded(tmp_path):
    """A hostile drawing: 300 x 300 crossing wall lines (90,000 crossings) are not noded; the
    room polyline is imported and a note names the limit."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline(box(0, 0, 30, 30), close=True, dxfattribs={"layer": "FASSADE"})
    msp.add_lwpolyline(box(1, 1, 9, 9), close=True, dxfattribs={"layer": "RAUM"})
    msp.add_text("101 Büro", dxfattribs={"layer": "RAUM", "insert": (5, 5)})
    for i in range(300):
        msp.add_line((0, i * 0.1), (30, i * 0.1), dxfattribs={"layer": "WAND"})
        msp.add_line((i * 0.1, 0), (i * 0.1, 30), dxfattribs={"layer": "WAND"})
    p = tmp_path / "crossing.dxf"
    doc.saveas(p)
    result = import_file(p)
    (b,) = result.site.buildings
    assert [r.name for r in b.rooms] == ["Büro"]
    (note,) = [n for n in result.notes if n.code == "dxf-walls-too-many"]
    assert note.severity == "warning" and "dxf-entities-skipped" not in result.codes()
    assert note.message.startswith("the wall lines on layer(s) FASSADE, WAND are too many to form rooms")
    assert "(more than 60,000 touching segment pairs; limit max_wall_segments = 20,000)" in \
        note.message
    assert "--max-wall-segments" in note.message and "--layers rooms=LAYER" in note.message
    assert "(mehr als 60000 sich berührende Segmentpaare; Grenze max_wall_segments = 20000)" \
        in note.text("de")


def test_dxf_line_walls_segment_count_is_bounded(tmp_path):
    """Wall polylines with 24,000 segments in all (each within max_ring_vertices) are over the
    wall segment budget: said, not polygonised."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline(box(0, 0, 30, 30), close=True, dxfattribs={"layer": "FASSADE"})
    for k in range(6):
        pts = [(i * 0.007, 1 + k + (i % 2) * 0.5) for i in range(4_001)]
        msp.add_lwpolyline(pts, dxfattribs={"layer": "A-WALL"})
    msp.add_text("101 Büro", dxfattribs={"layer": "TEXT", "insert": (5, 5)})
    p = tmp_path / "many.dxf"
    doc.saveas(p)
    result = import_file(p)
    (note,) = [n for n in result.notes if n.code == "dxf-walls-too-many"]
    assert "(24,004 segments; limit max_wall_segments = 20,000)" in note.message
    assert "--max-wall-segments" in note.message and "A-WALL" in note.message
    assert "(24004 Segmente; Grenze max_wall_segments = 20000)" in note.text("de")
    # a higher limit forms the walls (no rooms among these zigzags, but no note either)
    raised = import_file(p, limits=ImportLimits(max_wall_segments=30_000))
    assert "dxf-walls-too-many" not in raised.codes()


def test_dxf_line_walls_without_labels_give_no_rooms(tmp_path):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    for a, b in [((0, 0), (8, 0)), ((8, 0), (8, 6)), ((8, 6), (0, 6)), ((0, 6), (0, 0))]:
        msp.add_line(a, b, dxfattribs={"layer": "Walls"})
    p = tmp_path / "bare.dxf"
    doc.saveas(p)
    with pytest.raises(ImportError_, match="no wall lines that enclose labelled rooms"):
        import_file(p)


# --- room uses --------------------------------------------------------------------------------

def test_dxf_room_uses_from_labels_and_layer(tmp_path):
    result = import_file(plan(tmp_path))
    uses = {r.name: r.use.value if r.use else None for r in result.site.buildings[0].rooms}
    assert uses == {"Sekretariat": "office", "Küche": "kitchen"}
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline(box(0, 0, 4, 3), close=True, dxfattribs={"layer": "WC"})
    msp.add_lwpolyline(box(4, 0, 8, 3), close=True, dxfattribs={"layer": "WC"})
    msp.add_text("0.12", dxfattribs={"layer": "T", "insert": (2, 1.5), "height": 0.2})
    msp.add_text("0.13 Lager", dxfattribs={"layer": "T", "insert": (6, 1.5), "height": 0.2})
    p = tmp_path / "wc.dxf"
    doc.saveas(p)
    rooms = import_file(p).site.buildings[0].rooms
    assert {r.number: r.use.value for r in rooms if r.use} == {"0.12": "toilet",
                                                              "0.13": "storage"}


# --- real files (../shared/data) --------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def shared(rel: str) -> Path:
    p = SHARED / rel
    if not p.exists():
        pytest.skip(f"shared test data {rel} is not here ({SHARED})")
    return p


def test_openindoor_school_keeps_its_room_layer():
    result = import_file(shared("dxf/openindoor-school/plan.dxf"))
    (b,) = result.site.buildings
    assert len(b.rooms) == 60
    codes = result.codes()                                   # the closed polylines, not walls
    assert "dxf-rooms-polygonized" not in codes and "dxf-rooms-from-walls" not in codes
    assert "dxf-walls-too-many" not in codes
    numbers = {r.number for r in b.rooms if r.number}
    assert {"B013", "C001"} <= numbers
    uses = {r.name: r.use.value for r in b.rooms if r.use}
    assert uses["Administration"] == "office" and uses["Foyer étudiants"] == "lobby"


def test_barcelona_pavilion_dxf_has_no_enclosed_labelled_rooms():
    """Free-standing walls and glass, no texts at all: still a clear message."""
    with pytest.raises(ImportError_, match="no wall lines that enclose labelled rooms"):
        import_file(shared("ifc/barcelona-pavilion/plan.dxf"))
