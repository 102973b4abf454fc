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
