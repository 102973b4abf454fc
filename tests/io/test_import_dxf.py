"""DXF import on tiny drawings written with ezdxf in the test (always run when ezdxf is)."""

from __future__ import annotations

from pathlib import Path

import pytest

ezdxf = pytest.importorskip("ezdxf", reason="the 'dxf' extra (ezdxf) is not installed")

from shapely.geometry import Polygon  # noqa: E402

from orientation.errors import ImportError_  # noqa: E402
from orientation.io import import_file  # noqa: E402
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
