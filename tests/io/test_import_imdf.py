"""IMDF import on small synthetic archives built in memory (always run)."""

from __future__ import annotations

import io
import json
import math
import zipfile
from pathlib import Path

import pytest

from orientation.errors import ImportError_
from orientation.io import ImportLimits, import_bytes, import_file
from orientation.io.site_file import dump_site, site_from_bytes, site_from_data
from orientation.layout.geometry import geometry_problems, locate, outline

LAT0, LON0 = 48.0, 11.0
M_LAT = 111_200.0
M_LON = 111_320.0 * math.cos(math.radians(LAT0))


def assert_valid(result, file: str = "imported.yaml") -> None:
    site = site_from_data(result.site.model_dump(mode="json"), file=file)
    assert geometry_problems(site) == []
    assert site_from_bytes(dump_site(site).encode("utf-8"), name=file) == site


def lonlat(x: float, y: float) -> list[float]:
    return [LON0 + x / M_LON, LAT0 + y / M_LAT]


def rect(x0, y0, x1, y1) -> dict:
    return {"type": "Polygon", "coordinates": [[lonlat(x0, y0), lonlat(x1, y0), lonlat(x1, y1),
                                                lonlat(x0, y1), lonlat(x0, y0)]]}


def line(a, b) -> dict:
    return {"type": "LineString", "coordinates": [lonlat(*a), lonlat(*b)]}


def feature(fid: str, ftype: str, geometry: dict | None, **props) -> dict:
    return {"type": "Feature", "id": fid, "feature_type": ftype, "geometry": geometry,
            "properties": props}


def collection(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def archive(principal: int = 1, extra: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """A venue with one 20 x 10 m building on two levels."""
    openings = [
        feature("o-main", "opening", line((9, 0), (11, 0)), category="pedestrian.principal",
                level_id="L0"),
        feature("o-exit", "opening", line((20, 4), (20, 5)), category="emergencyexit",
                level_id="L0"),
        feature("o-inner", "opening", line((8, 3), (8, 4)), category="pedestrian",
                level_id="L0"),
        feature("o-orphan", "opening", line((0, 3), (0, 4)), category="pedestrian",
                level_id="nowhere"),
    ]
    if principal == 2:
        openings.append(feature("o-main2", "opening", line((0, 5), (0, 6)),
                                category="pedestrian.principal", level_id="L0"))
    files = {
        "manifest.json": json.dumps({"version": "1.0.0", "language": "de"}).encode(),
        "venue.geojson": collection(feature("V", "venue", rect(-50, -50, 70, 60),
                                            name={"de": "Testcampus", "en": "Test campus"},
                                            address_id="A")),
        "address.geojson": collection(feature("A", "address", None, address="Teststraße 1",
                                              locality="Gütersloh")),
        "building.geojson": collection(feature("B1", "building", None, name={"en": "Haus A"})),
        "footprint.geojson": collection(
            feature("F1", "footprint", rect(0, 0, 20, 10), category="ground", building_ids=["B1"]),
            feature("F2", "footprint", rect(-1, -1, 21, 11), category="aerial",
                    building_ids=["B1"])),
        "level.geojson": collection(
            feature("L0", "level", rect(0, 0, 20, 10), ordinal=0, name={"de": "EG"},
                    building_ids=["B1"]),
            feature("L1", "level", rect(0, 0, 20, 10), ordinal=1, name="1. OG",  # not a dict
                    building_ids=["B1"])),
        "unit.geojson": collection(
            feature("U1", "unit", rect(1, 1, 8, 9), category="room", level_id="L0",
                    name={"de": "Mensa"}),
            feature("U2", "unit", rect(15, 6, 18, 9), category="stairs", level_id="L0"),
            feature("U3", "unit", rect(15, 6, 18, 9), category="stairs", level_id="L1"),
            feature("U4", "unit", rect(10, 6, 12, 8), category="elevator", level_id="L0"),
            feature("U5", "unit", rect(10, 6, 12, 8), category="elevator", level_id="L1"),
            feature("U6", "unit", rect(1, 1, 8, 9), category="classroom", level_id="L1",
                    name={"en": "Room 101"}),
            feature("U7", "unit", None, category="room", level_id="L1")),
        "opening.geojson": collection(*openings),
        "enviroment.geojson": collection(),  # not IMDF: ignored with a warning
        "levle.geojson": collection(),       # a typo: ignored with a hint
    }
    files.update(extra or {})
    return files


def zipped(files: dict[str, bytes], prefix: str = "") -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(prefix + name, data)
    return buf.getvalue()


def check_campus(result) -> None:
    assert result.format == "imdf"
    assert_valid(result)
    site = result.site
    assert site.site.name == "Testcampus"           # the manifest language first
    assert site.site.address == "Teststraße 1, Gütersloh"
    assert site.site.origin is not None
    (b,) = site.buildings
    assert b.name == "Haus A"                       # English when the language is missing
    assert [(s.level, s.name) for s in b.storeys] == [(0, "EG"), (1, "1. OG")]
    assert len(b.rooms) == 6                        # the unit without geometry is skipped
    assert {r.name for r in b.rooms} >= {"Mensa", "Room 101"}
    kinds = sorted((d.kind.value, d.main, d.source_id) for d in b.doors)
    assert kinds == [("emergency_exit", False, "o-exit"), ("entrance", True, "o-main"),
                     ("inner", False, "o-inner")]
    o = outline(b)
    main = next(d for d in b.doors if d.main)
    assert locate(o, main.at).distance < 1e-3
    assert main.width == pytest.approx(2.0, abs=0.01)
    (stair,) = b.stairs
    assert stair.levels == (0, 1)
    (lift,) = b.features
    assert (lift.kind.value, lift.level) == ("elevator", 0)
    codes = result.codes()
    assert codes.count("imdf-unknown-file") == 2
    assert "imdf-orphan-units" in codes and "imdf-orphan-openings" in codes
    hint = next(n for n in result.notes if n.element == "levle.geojson")
    assert "level.geojson" in hint.message


def test_imdf_zip(tmp_path):
    p = tmp_path / "campus.zip"
    p.write_bytes(zipped(archive(), prefix="campus/"))
    check_campus(import_file(p))


def test_imdf_folder_and_member_file(tmp_path):
    folder = tmp_path / "campus"
    folder.mkdir()
    for name, data in archive().items():
        (folder / name).write_bytes(data)
    check_campus(import_file(folder))
    check_campus(import_file(folder / "venue.geojson"))


def test_imdf_upload_bytes():
    check_campus(import_bytes(zipped(archive()), name="campus.zip"))


def test_imdf_several_principal_openings_mark_none(tmp_path):
    p = tmp_path / "campus.zip"
    p.write_bytes(zipped(archive(principal=2)))
    result = import_file(p)
    assert_valid(result)
    assert not any(d.main for d in result.site.buildings[0].doors)
    assert {"imdf-several-principal", "no-main-entrance"} <= set(result.codes())


def test_imdf_no_openings_says_no_doors(tmp_path):
    p = tmp_path / "campus.zip"
    p.write_bytes(zipped(archive(extra={"opening.geojson": collection()})))
    result = import_file(p)
    assert_valid(result)
    assert result.site.buildings[0].doors == ()
    assert "no-doors" in result.codes()
    assert next(n for n in result.notes if n.code == "no-doors").severity == "error"


@pytest.mark.parametrize("member", ["../evil.geojson", "/etc/evil.geojson",
                                    "a/../../evil.geojson", "..\\evil.geojson"])
def test_zip_path_traversal_refused(tmp_path, member):
    files = archive()
    files[member] = b"{}"
    p = tmp_path / "evil.zip"
    p.write_bytes(zipped(files))
    with pytest.raises(ImportError_) as exc:
        import_file(p)
    assert "path traversal" in str(exc.value) and str(p) in str(exc.value)


def test_zip_bomb_ratio_refused(tmp_path):
    files = archive(extra={"detail.geojson": b" " * 5_000_000})
    p = tmp_path / "bomb.zip"
    p.write_bytes(zipped(files))
    with pytest.raises(ImportError_, match="zip bomb"):
        import_file(p)


def test_zip_total_size_refused(tmp_path):
    p = tmp_path / "big.zip"
    p.write_bytes(zipped(archive()))
    with pytest.raises(ImportError_, match="expands to more than.*max_unzipped_bytes"):
        import_file(p, limits=ImportLimits(max_unzipped_bytes=2_000))


def test_zip_not_a_zip(tmp_path):
    p = tmp_path / "broken.zip"
    p.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ImportError_, match="not a readable zip"):
        import_file(p)


def test_imdf_without_levels_refused(tmp_path):
    files = archive(extra={"level.geojson": collection()})
    p = tmp_path / "nolevels.zip"
    p.write_bytes(zipped(files))
    with pytest.raises(ImportError_, match="no level features"):
        import_file(p)


def test_imdf_bad_json_is_a_warning(tmp_path):
    files = archive(extra={"amenity.geojson": b"{not json"})
    p = tmp_path / "campus.zip"
    p.write_bytes(zipped(files))
    result = import_file(p)
    assert "imdf-bad-json" in result.codes()
    assert_valid(result)


def test_single_geojson_outside_imdf_folder(tmp_path):
    p = tmp_path / "plan.geojson"
    p.write_text('{"type": "FeatureCollection", "features": []}')
    with pytest.raises(ImportError_, match="not an IMDF archive"):
        import_file(p)


def test_zip_folder_names_are_stripped(tmp_path: Path):
    # members in a sub folder of the archive are found by their file name
    p = tmp_path / "nested.zip"
    p.write_bytes(zipped(archive(), prefix="deep/er/"))
    assert len(import_file(p).site.buildings[0].rooms) == 6


# --- what the units are: uses, shafts, storey outlines -------------------------------------

from collections import Counter  # noqa: E402

from shapely.geometry import Polygon as ShapelyPolygon  # noqa: E402

from orientation.io._notes import Notes  # noqa: E402
from orientation.io.imdf import read_imdf_drafts  # noqa: E402


def ring(x0, y0, x1, y1) -> list[list[float]]:
    return [lonlat(x0, y0), lonlat(x1, y0), lonlat(x1, y1), lonlat(x0, y1), lonlat(x0, y0)]


def three_levels(units: list[dict], relationships: list[dict] | None = None,
                 levels: list[dict] | None = None) -> dict[str, bytes]:
    """The campus of :func:`archive` on three levels (L0, L1, L2), with these units."""
    if levels is None:
        levels = [feature(f"L{o}", "level", rect(0, 0, 20, 10), ordinal=o, name=f"Ebene {o}",
                          building_ids=["B1"]) for o in range(3)]
    extra = {"level.geojson": collection(*levels), "unit.geojson": collection(*units),
             "opening.geojson": collection()}
    if relationships is not None:
        extra["relationship.geojson"] = collection(*relationships)
    return archive(extra=extra)


def unit(uid, level, x0, y0, x1, y1, category, name=None, alt_name=None) -> dict:
    props = {"category": category, "level_id": level}
    if name is not None:
        props["name"] = {"de": name}
    if alt_name is not None:
        props["alt_name"] = {"de": alt_name}
    return feature(uid, "unit", rect(x0, y0, x1, y1), **props)


def drafts(tmp_path, files: dict[str, bytes]):
    p = tmp_path / "campus.zip"
    p.write_bytes(zipped(files))
    notes = Notes()
    return read_imdf_drafts(p, file=str(p), notes=notes, keep_room_numbers=True), notes, p


def test_unit_uses_by_category_then_name_and_one_note_for_the_rest(tmp_path):
    units = [
        unit("U1", "L0", 1, 1, 3, 3, "restroom.female.wheelchair", "WC"),
        unit("U2", "L0", 3, 1, 5, 3, "storage", "Chemikalienlager"),     # the hazard wins
        unit("U3", "L0", 5, 1, 7, 3, "room", "WC Herren"),                # by its name
        unit("U4", "L0", 7, 1, 9, 3, "room", alt_name="0.04"),
        unit("U5", "L0", 9, 1, 11, 3, "room"),
        unit("U6", "L0", 11, 1, 13, 3, "nonpublic"),
        unit("U7", "L0", 13, 1, 15, 3, "unspecified", "Küche"),
        unit("U8", "L0", 15, 1, 17, 3, "walkway"),
        unit("U9", "L0", 17, 1, 17.5, 1.5, "column"),                    # no room at all
        unit("U10", "L0", 1, 5, 5, 9, "auditorium", "Aula"),
        unit("U11", "L1", 1, 5, 5, 9, "classroom", "Raum 1.01", "1.01"),
    ]
    d, notes, p = drafts(tmp_path, three_levels(units))
    (b,) = d.buildings
    uses = {r.source_id: (r.use.value if r.use else None) for r in b.rooms}
    assert uses == {"U1": "toilet", "U2": "chemicals", "U3": "toilet", "U4": None, "U5": None,
                    "U6": None, "U7": "kitchen", "U8": "corridor", "U10": "hall",
                    "U11": "classroom"}
    (note,) = [n for n in notes.items if n.code == "imdf-uses-unmapped"]
    assert dict(note.params)["n"] == 3 and dict(note.params)["total"] == 10
    assert "room (2), nonpublic (1)" in note.message
    assert "room (2), nonpublic (1)" in note.text("de")
    (skipped,) = [n for n in notes.items if n.code == "imdf-structure-units"]
    assert "column (1)" in skipped.message

    site = import_file(p).site                    # end to end: the site has the uses
    got = Counter(r.use.value if r.use else None for r in site.buildings[0].rooms)
    assert got == Counter({None: 3, "toilet": 2, "chemicals": 1, "kitchen": 1, "corridor": 1,
                           "hall": 1, "classroom": 1})


def test_stair_and_lift_shafts_stack_over_consecutive_levels_and_relationships(tmp_path):
    units = [
        # a stair whose shafts are stacked on all three levels
        unit("S0", "L0", 15, 6, 18, 9, "stairs", "Treppe Ost"),
        unit("S1", "L1", 15, 6, 18, 9, "stairs"),
        unit("S2", "L2", 15.2, 6.1, 18, 9, "stairs"),
        # a lift on L0 and L2 only: not consecutive, so two lifts ...
        unit("E0", "L0", 10, 6, 12, 8, "elevator", "ELEV01"),
        unit("E2", "L2", 10, 6, 12, 8, "elevator", "ELEV01"),
        # ... unless the archive links them, as it links these two (offset) stair shafts and
        # an unnamed unit to a lift shaft
        unit("T0", "L0", 1, 6, 3, 9, "stairs", alt_name="T-West"),
        unit("T1", "L1", 4, 6, 6, 9, "stairs"),
        unit("F0", "L0", 6, 1, 8, 3, "elevator"),
        unit("F1", "L1", 6, 1, 8, 3, "unspecified"),
        unit("G0", "L0", 12, 1, 14, 3, "elevator"),
        unit("G1", "L1", 12, 1, 14, 3, "elevator"),
        unit("R1", "L1", 1, 1, 5, 5, "classroom", "Raum", "1.01"),
    ]
    rel = [feature("REL1", "relationship", None, category="stairs", direction="undirected",
                   origin={"id": "T0", "feature_type": "unit"}, intermediary=None,
                   destination={"id": "T1", "feature_type": "unit"}),
           feature("REL2", "relationship", None, category="elevator", direction="undirected",
                   origin={"id": "F0", "feature_type": "unit"},
                   intermediary=[{"id": "R1", "feature_type": "unit"}],  # a room keeps its use
                   destination={"id": "F1", "feature_type": "unit"})]
    d, _, p = drafts(tmp_path, three_levels(units, rel))
    (b,) = d.buildings
    stairs = sorted((s.source_id, s.levels, s.name) for s in b.stairs)
    assert stairs == [("S0", [0, 1, 2], "Treppe Ost"), ("T0", [0, 1], "T-West")]
    lifts = sorted((f.source_id, f.levels, f.name) for f in b.features)
    assert lifts == [("E0", [0], "ELEV01"), ("E2", [2], "ELEV01"), ("F0", [0, 1], None),
                     ("G0", [0, 1], None)]
    assert all(f.kind.value == "elevator" and f.level == f.levels[0] for f in b.features)
    rooms = {r.source_id: r for r in b.rooms}
    assert rooms["F1"].use is not None and rooms["F1"].use.value == "lift"
    assert rooms["R1"].use is not None and rooms["R1"].use.value == "classroom"
    shafts = [r for r in b.rooms if r.use is not None and r.use.value in ("stair", "lift")]
    assert len(shafts) == 11 and all(r.number is None for r in shafts)
    assert rooms["E0"].name == "ELEV01" and rooms["R1"].number == "1.01"

    (site_b,) = import_file(p).site.buildings
    assert sorted(s.levels for s in site_b.stairs) == [(0, 1), (0, 1, 2)]
    assert sorted(f.served_levels for f in site_b.features) == [(0,), (0, 1), (0, 1), (2,)]
    assert all(r.number is None for r in site_b.rooms if r.is_shaft)


def test_level_polygons_are_storey_outlines_with_their_holes(tmp_path):
    """L1 covers the west half with an atrium hole; L2 is the whole footprint."""
    l1 = {"type": "Polygon", "coordinates": [ring(0, 0, 10, 10), ring(3, 3, 6, 6)]}
    levels = [feature("L0", "level", rect(0, 0, 20, 10), ordinal=0, name="EG",
                      building_ids=["B1"]),
              feature("L1", "level", l1, ordinal=1, name="1. OG", building_ids=["B1"]),
              feature("L2", "level", rect(0, 0, 20, 10), ordinal=2, name="2. OG",
                      building_ids=["B1"])]
    units = [unit(f"U{o}", f"L{o}", 1, 1, 2.5, 2.5, "office", f"Büro {o}") for o in range(3)]
    d, _, p = drafts(tmp_path, three_levels(units, levels=levels))
    (b,) = d.buildings
    o = b.storey_outlines
    assert sorted(o) == [0, 1, 2]
    assert o[1].area == pytest.approx(91.0, rel=0.01) and len(o[1].interiors) == 1

    (site_b,) = import_file(p).site.buildings
    storeys = {s.level: s for s in site_b.storeys}
    assert storeys[0].outline is None and storeys[2].outline is None   # = the footprint
    assert ShapelyPolygon(storeys[1].outline).area == pytest.approx(100.0, rel=0.01)
    (court,) = storeys[1].courtyards
    assert ShapelyPolygon(court).area == pytest.approx(9.0, rel=0.01)
