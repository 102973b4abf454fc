"""NG9-1-1 layers (NENA-STA-006.3): ``ng911.gpkg`` of the US example holds one ExteriorAccess
address point per exterior door with its number, a Structure point and polygon per building
and a polygon per coded room, with exactly the fields of NENA's GeoPackage template in
``../shared/data/ng911/`` (names, OGR types, TEXT widths, FID and geometry columns, CRS)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pyogrio
import pytest
import shapely
from pyogrio.raw import read

from conftest import ROOT, gis_render, need
from orientation import pipeline
from orientation.gis import _ng911_template as tpl
from orientation.gis.address import parse_address
from orientation.gis.ng911 import NO_AGENCY, POINT, POLYGON
from orientation.io.site_file import site_from_data

US = ROOT / "floorplans" / "us-elementary.yaml"
TEMPLATE = "ng911/NG911_GISDataModelTemplate_v3.0.gpkg"
LAYERS = (POINT, POLYGON)
DEFAULT = US


def render(site=None, **kw):
    """The GIS files of ``site`` (default: this file's example), see ``conftest.gis_render``."""
    return gis_render(site or DEFAULT, **kw)


@pytest.fixture(scope="module")
def us_gpkg(tmp_path_factory) -> Path:
    out = render()
    assert "ng911.gpkg" in out.files   # on by default for us-k12
    p = tmp_path_factory.mktemp("ng911") / "ng911.gpkg"
    p.write_bytes(out.files["ng911.gpkg"])
    return p


def _columns(path: Path, layer: str) -> list[tuple[str, str]]:
    """(name, declared type) of a layer's table, FID and geometry first."""
    with sqlite3.connect(path) as con:
        sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (layer,)).fetchone()[0]
    cols = re.findall(r'[\["](\w+)[\]"] (TEXT\(\d+\)|TEXT|DATETIME|MEDIUMINT|DOUBLE|REAL|'
                      r'INTEGER|POINT|MULTIPOLYGON)', sql)
    return [(n, "REAL" if t == "DOUBLE" else t) for n, t in cols]


@pytest.mark.shared_data
@pytest.mark.parametrize("layer", LAYERS)
def test_the_fields_are_the_templates(us_gpkg, layer):
    template = need(TEMPLATE)
    ours, theirs = pyogrio.read_info(us_gpkg, layer=layer), pyogrio.read_info(template, layer=layer)
    assert list(ours["fields"]) == list(theirs["fields"])
    assert ours["ogr_types"] == theirs["ogr_types"]
    assert ours["geometry_type"] == theirs["geometry_type"]
    assert ours["crs"] == theirs["crs"] == "EPSG:4326"
    assert (ours["fid_column"], ours["geometry_name"]) == (theirs["fid_column"],
                                                          theirs["geometry_name"])
    assert _columns(us_gpkg, layer) == _columns(template, layer)  # TEXT widths too


@pytest.mark.shared_data
def test_the_kept_field_list_is_the_templates_and_the_schemas():
    template = need(TEMPLATE)
    import yaml

    schema = yaml.safe_load(need("ng911/flatfile_schema_v3.yaml").read_text(encoding="utf-8"))
    for layer in LAYERS:
        assert [n for n, _, _ in tpl.FIELDS[layer]] == list(
            pyogrio.read_info(template, layer=layer)["fields"])
        spec = next(f for f in schema["feature_classes"] if f["name"] == layer)
        widths = {f["field_name"].replace("Row", "Row_"): f["field_length"]
                  for f in spec["fields"] if f["field_type"] == "TEXT"}
        assert {n: w for n, t, w in tpl.FIELDS[layer] if t == "TEXT"} == widths
        required = [f["field_name"] for f in spec["fields"] if f["field_is_required"]]
        assert list(tpl.REQUIRED[layer]) == required
    domains = {d["domain_name"]: d for d in schema["domains"]}
    assert set(tpl.PLACEMENT_POINT) == set(domains["PlacementMethodPoint"]["values"])
    assert set(tpl.STREET_TYPES) == set(domains["StreetNameType"]["values"])
    assert set(domains["AdministrativeLevels1"]["values"]) == tpl.US_STATES | tpl.CA_PROVINCES


def _records(path: Path, layer: str) -> list[dict]:
    meta, _, geom, fields = read(path, layer=layer)
    names = list(meta["fields"])
    out = []
    for i, g in enumerate(geom):
        rec = {n: f[i] for n, f in zip(names, fields)}
        rec["_geom"] = shapely.from_wkb(g)
        out.append(rec)
    return out


def test_one_exterior_access_point_per_exterior_door_with_its_number(us_gpkg):
    plan = render().plan
    doors = {m.code: m for m in plan.markings
             if m.kind in ("entrance", "emergency_exit", "fire_brigade", "service")}
    points = [r for r in _records(us_gpkg, POINT) if r["Placement"] == "ExteriorAccess"]
    assert len(points) == len(doors) == 12
    assert sorted(r["LocMarker"] for r in points) == sorted(f"Door {c}" for c in doors)
    main = next(r for r in points if r["LocMarker"] == "Door 1")
    assert main["Structure"] == "Main Building" and main["Floor"] == "Floor 1"
    assert main["FloorIndex"] == 0 and main["Addtl_Loc"] == "Main entrance, side A"
    assert main["Site"] == "Oak Street Elementary School"
    assert main["Add_Number"] == 1200 and main["St_Name"] == "Oak"
    assert main["St_PosTyp"] == "Street" and main["A1"] == "TX" and main["Country"] == "US"
    assert main["Post_Code"] == "75001" and main["Place_Type"] == "school"
    assert str(main["DateUpdate"]).startswith("2026-11-30")
    for r in points:   # the attribute position is the point's, and the point is a door's
        g = r["_geom"]
        assert g.has_z and (round(g.x, 7), round(g.y, 7)) == (r["Longitude"], r["Latitude"])
    portable = [r for r in points if r["Structure"].startswith("Portable")]
    assert len(portable) == 3


def test_a_structure_point_and_polygon_per_building_and_a_polygon_per_room(us_gpkg):
    plan = render().plan
    points = _records(us_gpkg, POINT)
    structures = [r for r in points if r["Placement"] == "Structure"]
    assert sorted(r["Structure"] for r in structures) == sorted(b.name for b in plan.buildings)
    polys = _records(us_gpkg, POLYGON)
    assert {r["Placement"] for r in polys} == {"Structure", "Interior"}
    for s in structures:   # each Structure point lies in its building's polygon
        poly = next(p for p in polys if p["Placement"] == "Structure"
                    and p["Structure"] == s["Structure"])
        assert poly["_geom"].contains(shapely.Point(s["_geom"].x, s["_geom"].y))
    rooms = [r for r in polys if r["Placement"] == "Interior"]
    coded = [m for m in plan.markings if m.kind == "room"]
    assert len(rooms) == len(coded)
    r101 = next(r for r in rooms if r["Room"] == "Room 101")
    assert r101["Floor"] == "Floor 1" and r101["Structure"] == "Main Building"


def test_required_fields_are_filled_and_nguids_unique_and_stable(us_gpkg, tmp_path):
    for layer in LAYERS:
        recs = _records(us_gpkg, layer)
        for r in recs:
            for name in tpl.REQUIRED[layer]:
                assert r[name] is not None, (layer, name)
        ids = [r["NGUID"] for r in recs]
        assert len(set(ids)) == len(ids)
        assert all(i.startswith(f"urn:emergency:uid:gis:{tpl.LAYER_INDICATOR[layer]}:")
                   and i.endswith(":" + NO_AGENCY) for i in ids)
    again = tmp_path / "again.gpkg"
    again.write_bytes(render().files["ng911.gpkg"])
    assert again.read_bytes() == us_gpkg.read_bytes()   # byte-stable, time stamp included


def test_the_agency_from_the_site_file_and_the_gaps_said(tmp_path):
    site = pipeline.load_site(US)
    data = site.model_dump(mode="json", exclude_none=True)
    data["site"]["dispatch"] = {"agency_id": "psap.springfield.tx.us"}
    out = render(site_from_data(data, file="us.yaml"))
    p = tmp_path / "n.gpkg"
    p.write_bytes(out.files["ng911.gpkg"])
    recs = _records(p, POINT)
    assert {r["DiscrpAgID"] for r in recs} == {"psap.springfield.tx.us"}
    assert all(r["NGUID"].endswith(":psap.springfield.tx.us") for r in recs)
    assert [n.key for n in out.notes if n.severity == "warning"] == []
    plain = render()
    assert "gis.ng911-no-agency" in [n.key for n in plain.notes]


def test_ng911_is_off_for_guetersloh_unless_asked_and_can_be_switched_off():
    school = pipeline.load_site(ROOT / "floorplans" / "gesamtschule.yaml")
    assert "ng911.gpkg" not in render(school).files
    out = render(school, ng911=True)
    assert "ng911.gpkg" in out.files
    assert "gis.ng911-no-state" in [n.key for n in out.notes]   # a German address
    assert "ng911.gpkg" not in render(ng911=False).files


def test_no_ng911_layers_without_a_plan_date():
    site = pipeline.load_site(US)
    data = site.model_dump(mode="json", exclude_none=True)
    del data["site"]["date"]
    out = render(site_from_data(data, file="us.yaml"))
    assert "ng911.gpkg" not in out.files
    assert "gis.ng911-no-date" in [n.key for n in out.notes]


@pytest.mark.parametrize(("address", "expected"), [
    ("1200 Oak Street, Springfield, TX 75001",
     {"Add_Number": 1200, "St_Name": "Oak", "St_PosTyp": "Street", "A1": "TX"}),
    ("3 W 57th St, New York, NY 10019-1234",
     {"St_PreDir": "West", "St_Name": "57th", "St_PosTyp": "Street", "PostCodeEx": "1234"}),
    ("100 Queen St W, Toronto, ON M5H 2N2", {"Country": "CA", "Post_Code": "M5H 2N2",
                                             "St_PosDir": "West"}),
    ("12 County Road, Albany, NY", {"St_PosTyp": "Road", "St_Name": "County"}),
])
def test_us_and_canadian_addresses_split_into_nena_fields(address, expected):
    got = parse_address(address)
    assert {k: got.get(k) for k in expected} == expected
    assert got.get("St_PosTyp") in tpl.STREET_TYPES | {None}
