"""Hostile building files: importers must neither crash the process nor run away.

Crashes are contained in a child process (``orientation.io.contained``), dangerous structures
are refused before the native parser sees them, and budgets (``ImportLimits``) bound every
place where a tiny file can multiply the work. Scaling tests compare a small and a 10x input
by counted operations or with a generous ratio, never against a fixed wall-clock threshold.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from shapely.geometry import Polygon

from orientation.errors import ImportError_, LimitError, OrientationError
from orientation.io import ImportLimits, import_bytes, import_file
from orientation.io._assemble import assemble_site
from orientation.io._drafts import BuildingDraft, DoorDraft
from orientation.io._notes import Notes
from orientation.io.contained import run_import
from orientation.io.osm import parse_levels
from orientation.model import DoorKind

SHARED = Path(__file__).parents[2] / ".." / "shared" / "data"
FZK = SHARED / "ifc" / "fzk-haus" / "AC20-FZK-Haus.ifc"


def need_fzk() -> bytes:
    pytest.importorskip("ifcopenshell")
    if not FZK.is_file():
        pytest.skip(f"{FZK.resolve()} is absent: real building files are not available here")
    return FZK.read_bytes()


def osm(body: str) -> str:
    return ("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n"
            "<node id='1' lat='51.0' lon='13.0'/><node id='2' lat='51.0' lon='13.0003'/>"
            "<node id='3' lat='51.0002' lon='13.0003'/><node id='4' lat='51.0002' lon='13.0'/>"
            "<node id='5' lat='51.0' lon='13.00015'><tag k='entrance' v='main'/></node>"
            "<way id='10'><nd ref='1'/><nd ref='5'/><nd ref='2'/><nd ref='3'/><nd ref='4'/>"
            "<nd ref='1'/><tag k='building' v='yes'/><tag k='name' v='Haus'/></way>"
            + body + "</osm>\n")


# --- containment ------------------------------------------------------------------------------

@pytest.mark.parametrize("hook, sig", [("segv", signal.SIGSEGV), ("abort", signal.SIGABRT)])
def test_a_crashing_reader_is_an_error_not_the_end(tmp_path, hook, sig):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    with pytest.raises(ImportError_) as exc:
        run_import("osm", p, file=str(p), _hook=hook)
    msg = str(exc.value)
    assert msg.startswith(f"{p}: the OSM reader crashed on this file (signal {int(sig)}, "
                          f"{sig.name})")
    assert "export it again" in msg and "Traceback" not in msg


def test_timeout_kills_the_child_and_names_the_limit(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    t = time.monotonic()
    with pytest.raises(LimitError, match=r"within 1 s \(limit timeout_s\).*--import-timeout"):
        run_import("osm", p, file=str(p), limits=ImportLimits(timeout_s=1.0), _hook="sleep")
    assert time.monotonic() - t < 300  # killed, not waited for (the hook sleeps an hour)


def test_memory_limit_is_a_limit_error(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    with pytest.raises(LimitError, match=r"ran out of memory \(limit max_memory_mb = 600 MB\)"):
        run_import("osm", p, file=str(p), limits=ImportLimits(max_memory_mb=600), _hook="memory")


def test_child_without_answer(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    with pytest.raises(ImportError_, match="ended without an answer"):
        run_import("osm", p, file=str(p), _hook="exit")


def test_contained_result_equals_in_process(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    a = import_file(p)
    b = import_file(p, contained=False)
    assert a.site == b.site and a.notes == b.notes and a.format == b.format == "osm"


def test_contained_errors_keep_class_and_message(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text("<osm version='0.6'></osm>")
    with pytest.raises(ImportError_) as inside:
        import_file(p, contained=False)
    with pytest.raises(ImportError_) as outside:
        import_file(p)
    assert str(inside.value) == str(outside.value)


def test_self_referencing_placement_of_fzk_haus(tmp_path):
    raw = need_fzk()
    bad = raw.replace(b"#115=IFCLOCALPLACEMENT($,#114);", b"#115=IFCLOCALPLACEMENT(#115,#114);")
    assert bad != raw
    p = tmp_path / "fzk-cyclic.ifc"
    p.write_bytes(bad)
    with pytest.raises(ImportError_, match=r"#115 \(IFCLOCALPLACEMENT\) refers back to itself"):
        import_file(p)
    with pytest.raises(ImportError_, match=r"^upload\.ifc: .*refers back to itself"):
        import_bytes(bad, name="upload.ifc")


def test_cyclic_placement_crashes_ifcopenshell_contained(tmp_path):
    """Without the pre-check the reader really segfaults; containment turns it into an error."""
    raw = need_fzk()
    bad = raw.replace(b"#115=IFCLOCALPLACEMENT($,#114);", b"#115=IFCLOCALPLACEMENT(#115,#114);")
    p = tmp_path / "fzk-cyclic.ifc"
    p.write_bytes(bad)
    with pytest.raises(ImportError_) as exc:
        run_import("ifc", p, file=str(p), _hook="no-step-check")
    assert f"{p}: the IFC reader (ifcopenshell) crashed on this file (signal 11, SIGSEGV)" \
        in str(exc.value)
    from orientation.io.ifc import check_step

    assert check_step(raw, file="ok") > 0  # the untouched file passes the check


def synthetic_ifc(cyclic: bool = False, truncate: bool = False, missing: bool = False) -> bytes:
    rel = "#20" if cyclic else "$"
    lines = [
        "ISO-10303-21;", "HEADER;", "FILE_DESCRIPTION(('ViewDefinition [CoordinationView]'),'2;1');",
        "FILE_NAME('x.ifc','2024-01-01T00:00:00',(''),(''),'','','');",
        "FILE_SCHEMA(('IFC4'));", "ENDSEC;", "DATA;",
        "#1=IFCCARTESIANPOINT((0.,0.,0.));",
        "#2=IFCAXIS2PLACEMENT3D(#1,$,$);",
        f"#20=IFCLOCALPLACEMENT({rel},#2);",
        "#21=IFCLOCALPLACEMENT(#20,#2);",
        "#30=IFCBUILDING('0000000000000000000001',$,'Haus; #9 im Text',$,$,#21,$,$,.ELEMENT.,$,$,$);",
    ]
    if missing:
        lines.append("#31=IFCLOCALPLACEMENT(#99,#2);")
    lines += ["ENDSEC;", "END-ISO-10303-21;"]
    text = "\n".join(lines) + "\n"
    if truncate:
        text = text[: text.index("#21=")]
    return text.encode("ascii")


def test_synthetic_checks():
    from orientation.io.ifc import check_step

    assert check_step(synthetic_ifc(), file="ok.ifc") == 5  # '#9' inside a string is no ref
    with pytest.raises(ImportError_, match=r"#20 \(IFCLOCALPLACEMENT\) refers back to itself"):
        check_step(synthetic_ifc(cyclic=True), file="c.ifc")
    with pytest.raises(ImportError_, match="truncated"):
        check_step(synthetic_ifc(truncate=True), file="t.ifc")
    with pytest.raises(ImportError_, match=r"#31 \(IFCLOCALPLACEMENT\) refers to #99"):
        check_step(synthetic_ifc(missing=True), file="m.ifc")
    with pytest.raises(LimitError, match="max_points_per_file"):
        check_step(synthetic_ifc(), file="ok.ifc", limits=ImportLimits(max_points_per_file=3))


def test_truncated_fzk_haus_is_an_error(tmp_path):
    raw = need_fzk()
    for cut in (len(raw) * 9 // 10, len(raw) - 40):
        p = tmp_path / "cut.ifc"
        p.write_bytes(raw[:cut])
        with pytest.raises(ImportError_, match="truncated"):
            import_file(p)


def test_long_cycle_check_is_iterative():
    """A placement chain of 200,000 links (each relative to the one before) is walked without
    recursion (a recursive walk stops at Python's depth of 1,000) and every instance counted.
    How its time grows with the chain: ``make bench`` (benchmarks/growth.py)."""
    from orientation.io.ifc import check_step

    assert check_step(step_chain(200_000), file="b") == 200_000 + 2
    cyclic = step_chain(50_000).replace(b"#10=IFCLOCALPLACEMENT($,#2);",
                                        b"#10=IFCLOCALPLACEMENT(#50008,#2);")
    with pytest.raises(ImportError_, match=r"#\d+ \(IFCLOCALPLACEMENT\) refers back to itself"):
        check_step(cyclic, file="c")


def step_chain(n: int) -> bytes:
    """A STEP file whose local placements form one chain of ``n`` links."""
    body = ["#1=IFCCARTESIANPOINT((0.,0.,0.));", "#2=IFCAXIS2PLACEMENT3D(#1,$,$);",
            "#10=IFCLOCALPLACEMENT($,#2);"]
    body += [f"#{i}=IFCLOCALPLACEMENT(#{i - 1},#2);" for i in range(11, 10 + n)]
    return ("ISO-10303-21;\nHEADER;\nENDSEC;\nDATA;\n" + "\n".join(body)
            + "\nENDSEC;\nEND-ISO-10303-21;\n").encode()


# --- special files ----------------------------------------------------------------------------

def test_dev_zero_and_fifo_are_refused(tmp_path):
    for dev, suffix in (("/dev/zero", ".osm"), ("/dev/zero", ".ifc"), ("/dev/null", ".dxf")):
        if not os.path.exists(dev):
            continue
        link = tmp_path / f"dev{suffix}"
        link.symlink_to(dev)
        with pytest.raises(ImportError_, match="is a device, not a file"):
            import_file(link)
    fifo = tmp_path / "pipe.osm"
    os.mkfifo(fifo)
    with pytest.raises(ImportError_, match=r"named pipe \(FIFO\)"):
        import_file(fifo)  # refused before it is opened: opening a FIFO waits for a writer


def test_file_size_limit(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    with pytest.raises(LimitError, match="max_file_bytes"):
        import_file(p, limits=ImportLimits(max_file_bytes=100))
    with pytest.raises(LimitError, match="max_file_bytes"):
        import_bytes(p.read_bytes(), name="x.osm", limits=ImportLimits(max_file_bytes=100))


@pytest.mark.parametrize("kw", [{"max_notes": 0}, {"timeout_s": float("nan")},
                                {"max_memory_mb": float("inf")}, {"max_curve_points": -1},
                                {"max_ring_vertices": 1.5}, {"max_line_points": "10"}])
def test_bad_limits_are_refused(kw):
    field = next(iter(kw))
    with pytest.raises(LimitError, match=f"import limit {field}"):
        ImportLimits(**kw)


# --- OSM levels -------------------------------------------------------------------------------

def test_fractional_level_range_is_capped(tmp_path):
    assert parse_levels("0.5-10000000.5") == ([], True)
    assert parse_levels("0.5-10.5", max_range=5) == ([], True)
    assert parse_levels("0.5-4.5", max_range=5) == ([1, 2, 3, 4], False)
    room = ("<node id='20' lat='51.00005' lon='13.00005'/><node id='21' lat='51.00005' "
            "lon='13.0001'/><node id='22' lat='51.0001' lon='13.0001'/><way id='30'>"
            "<nd ref='20'/><nd ref='21'/><nd ref='22'/><nd ref='20'/><tag k='indoor' v='room'/>"
            "<tag k='level' v='0.5-10000000.5'/></way>")
    p = tmp_path / "levels.osm"
    p.write_text(osm(room))
    r = import_file(p)
    assert "level-range-too-wide" in r.codes()
    assert [s.level for s in r.site.buildings[0].storeys] == [0]


# --- DXF curves -------------------------------------------------------------------------------

def dxf_with(entities) -> Path:
    ezdxf = pytest.importorskip("ezdxf")
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (20, 0), (20, 10), (0, 10)], close=True,
                       dxfattribs={"layer": "FASSADE"})
    msp.add_lwpolyline([(1, 1), (9, 1), (9, 9), (1, 9)], close=True, dxfattribs={"layer": "RAUM"})
    msp.add_text("101 Büro", dxfattribs={"layer": "RAUM", "insert": (5, 5)})
    entities(msp)
    return doc


def save(doc, tmp_path, name="plan.dxf") -> Path:
    p = tmp_path / name
    doc.saveas(p)
    return p


def test_huge_arc_is_flattened_within_budget(tmp_path):
    doc = dxf_with(lambda msp: (msp.add_arc((0, 0), 1e12, 0, 90, dxfattribs={"layer": "X"}),
                                msp.add_arc((0, 0), 1e9, 0, 359, dxfattribs={"layer": "X"})))
    p = save(doc, tmp_path)
    r = import_file(p)
    codes = r.codes()
    assert "dxf-entities-skipped" in codes  # radius 1e12
    assert "dxf-curves-coarse" in codes  # radius 1e9: flattened more coarsely
    assert r.site.buildings[0].rooms


def test_spline_with_100k_control_points_is_skipped(tmp_path):
    pts = [(i * 0.001, (i % 2) * 0.001, 0) for i in range(100_000)]
    doc = dxf_with(lambda msp: msp.add_open_spline(pts, dxfattribs={"layer": "X"}))
    p = save(doc, tmp_path)
    r = import_file(p)
    skipped = [n for n in r.notes if n.code == "dxf-entities-skipped"]
    assert skipped and "100,000 control points" in skipped[0].message
    assert "max_curve_points" in skipped[0].message


def test_huge_polyline_is_skipped_and_file_budget_holds(tmp_path):
    pts = [(i * 0.0001, (i % 2) * 0.0001) for i in range(60_000)]
    doc = dxf_with(lambda msp: msp.add_lwpolyline(pts, dxfattribs={"layer": "X"}))
    p = save(doc, tmp_path)
    r = import_file(p)
    assert any("60,000 vertices" in n.message for n in r.notes if n.code == "dxf-entities-skipped")
    with pytest.raises(LimitError, match="max_points_per_file"):
        import_file(p, limits=ImportLimits(max_points_per_file=5, max_ring_vertices=100_000))


# --- notes cap --------------------------------------------------------------------------------

def test_notes_are_capped_with_one_summary():
    notes = Notes(max_items=3)
    for i in range(10):
        notes.warning("w", f"element {i}", key="import.no-main-entrance")
    notes.error("e", key="import.no-doors")
    items = notes.close()
    assert len(items) == 4 and items[-1].code == "notes-capped"
    assert items[-1].severity == "error"
    assert "and 8 more note(s)" in items[-1].message and "max_notes = 3" in items[-1].message
    assert notes.close() is items and len(items) == 4  # once


def test_notes_cap_in_an_import(tmp_path):
    p = tmp_path / "x.osm"
    p.write_text(osm(""))
    full = import_file(p)
    assert len(full.notes) >= 2
    r = import_file(p, limits=ImportLimits(max_notes=1))
    assert r.notes[0] == full.notes[0] and len(r.notes) == 2
    assert r.notes[-1].code == "notes-capped"
    assert f"and {len(full.notes) - 1} more note(s)" in r.notes[-1].message


# --- costs that must grow linearly ------------------------------------------------------------

def ring(n: int, r: float = 50.0) -> Polygon:
    import math

    return Polygon([(r * math.cos(2 * math.pi * i / n), r * math.sin(2 * math.pi * i / n))
                    for i in range(n)])


#: outline budgets raised above the site file's defaults, to measure growth past them
WIDE = ImportLimits(max_ring_vertices=50_000, max_line_points=50_000)


def test_door_snapping_queries_an_index(monkeypatch):
    """Snapping d doors onto an outline of n vertices: O((d + n) log n) with the segment
    index, built once per outline and queried once per door (never ``boundary.distance``,
    which costs O(n) a door). How the time grows: ``make bench`` (benchmarks/growth.py)."""
    import orientation.io._geometry as geometry

    calls = {"snap": 0, "index": 0}
    real_snap, real_init = geometry.BoundaryIndex.snap, geometry.BoundaryIndex.__init__

    def counting(self, xy):
        calls["snap"] += 1
        return real_snap(self, xy)

    def building(self, boundary):
        calls["index"] += 1
        real_init(self, boundary)

    monkeypatch.setattr(geometry.BoundaryIndex, "snap", counting)
    monkeypatch.setattr(geometry.BoundaryIndex, "__init__", building)

    def run(n: int, d: int) -> dict:
        calls.update(snap=0, index=0)
        draft = snapping_draft(n, d)
        data = assemble_site(name="s", drafts=[draft], notes=Notes(), limits=WIDE)
        assert len(data["buildings"][0]["doors"]) == d
        return dict(calls)

    small, big = run(2_000, 200), run(20_000, 2_000)
    assert big["snap"] == 10 * small["snap"] == 10 * 200  # one query per door
    assert big["index"] == small["index"] <= 2             # the index is built once, not a door


def snapping_draft(n: int, d: int) -> BuildingDraft:
    """A round building of ``n`` vertices with ``d`` doors just outside its wall."""
    poly = ring(n)
    doors = [DoorDraft(at=(c[0] * 1.01, c[1] * 1.01), level=0, kind=DoorKind.entrance)
             for c in list(poly.exterior.coords)[:: max(1, n // d)][:d]]
    return BuildingDraft(name="b", footprint=poly, storeys=[(0, "0")], doors=doors)


def test_footprint_vertices_are_bounded():
    """The clean-up (make_valid, topology-preserving simplify) grows faster than linearly in
    the vertices of one ring: a ring beyond max_ring_vertices is refused before it starts."""
    draft = BuildingDraft(name="b", footprint=ring(6_000), storeys=[(0, "0")])
    with pytest.raises(LimitError, match=r"6,001 vertices.*max_ring_vertices = 5,000"):
        assemble_site(name="s", drafts=[draft], notes=Notes())
    import math

    from orientation.io.importing import _convert  # the file is named in the message

    osm_ring = "".join(f"<node id='{100 + i}' lat='{51 + 1e-3 * math.sin(i / 300 * 2 * math.pi)}'"
                       f" lon='{13 + 1e-3 * math.cos(i / 300 * 2 * math.pi)}'/>" for i in range(300))
    way = ("<way id='60'>" + "".join(f"<nd ref='{100 + i}'/>" for i in range(300))
           + "<nd ref='100'/><tag k='building' v='yes'/></way>")
    with pytest.raises(LimitError, match=r"^big\.osm: building .*max_ring_vertices = 100"):
        _convert("osm", Path("big.osm"), file="big.osm", data=osm(osm_ring + way).encode(),
                 limits=ImportLimits(max_ring_vertices=100))
    # just under the limit the clean-up runs and keeps the outline
    data = assemble_site(name="s", drafts=[BuildingDraft(name="b", footprint=ring(4_999),
                                                           storeys=[(0, "0")])], notes=Notes())
    assert len(data["buildings"][0]["footprint"]) >= 100


def test_zigzag_road_is_not_noded_and_long_lines_are_simplified():
    import random

    from shapely.geometry import LineString

    from orientation.io._drafts import SiteFeatureDraft
    from orientation.io._geometry import line_points
    from orientation.model import SiteFeatureKind

    rnd = random.Random(1)
    zig = LineString([(rnd.uniform(0, 100), rnd.uniform(0, 100)) for _ in range(20_000)])
    pts, simplified = line_points(zig, 50_000)
    assert len(pts) == 20_000 and not simplified  # kept as drawn, not split at its crossings
    pts, simplified = line_points(zig, 1_000)
    assert len(pts) <= 1_000 and simplified
    draft = BuildingDraft(name="b", footprint=ring(100), storeys=[(0, "0")])
    notes = Notes()
    data = assemble_site(name="s", drafts=[draft], notes=notes, site_features=[
        SiteFeatureDraft(SiteFeatureKind.road, zig, "Zickzackweg", "way/1")],
        limits=ImportLimits(max_line_points=500))
    assert len(data["site_features"][0]["line"]) <= 500
    assert "site-feature-simplified" in notes.codes()


def test_every_failure_is_an_orientation_error(tmp_path):
    for name, raw in (("a.ifc", b"ISO-10303-21;\nDATA;\n#1=IFCWALL(#2"), ("b.dxf", b"\x00" * 100),
                      ("c.osm", b"<osm><node id='x'/>"), ("d.zip", b"PK\x03\x04\x00")):
        try:
            import_bytes(raw, name=name)
        except OrientationError as exc:
            assert "Traceback" not in str(exc) and str(exc).startswith(name)


def test_the_import_child_does_not_read_modules_from_the_current_folder(tmp_path, monkeypatch):
    """A json.py (or re.py ...) in the folder the user works in must not shadow the standard
    library in the contained child (python -P)."""
    (tmp_path / "json.py").write_text("raise SystemExit(5)\n", encoding="utf-8")
    src = tmp_path / "haus.osm"
    src.write_text(osm("<node id='1' lat='51' lon='7'/>"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OrientationError) as err:
        import_file(src)
    assert "exit status 5" not in str(err.value) and "without an answer" not in str(err.value)


def test_ids_of_many_elements_of_one_name_cost_linear_work():
    """2,000 doors named alike (an IFC file whose doors are all "Door"): each new id tries
    its base and one suffix, not every suffix from -2 up (that was O(n²): 0.8 s for 2,000
    doors of one building)."""
    from orientation.io._text import IdAllocator

    class Counting(set):
        looks = 0

        def __contains__(self, item):
            Counting.looks += 1
            return super().__contains__(item)

    ids = IdAllocator()
    ids.used = Counting()
    out = [ids.new("d", "Door") for _ in range(2_000)]
    assert len(set(out)) == 2_000 and out[:3] == ["d-door", "d-door-2", "d-door-3"]
    assert Counting.looks <= 2 * 2_000
