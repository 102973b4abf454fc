"""``register.gpkg`` and ``outlines.geojson``: read back with pyogrio (GDAL), layers, geometry
types, field names, CRS and positions checked; the same input gives the same bytes; a site
without a reference on the earth gets no GeoJSON and no GeoPackage, and is told why."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import numpy as np
import pyogrio
import pytest
from pyogrio.raw import read
from pyproj import Geod, Transformer

from conftest import ROOT, building, gis_render, site_dict, write_site
from orientation.cli import main
from orientation.gis.layers import _SPEC, LAYERS
from orientation.io.site_file import site_from_data

GEOD = Geod(ellps="WGS84")
SCHOOL = ROOT / "floorplans" / "gesamtschule.yaml"
DEFAULT = SCHOOL
GEOMETRY = {name: geom for name, (geom, _) in _SPEC.items()}
FIELDS = {name: [c.split(":")[0] for c in spec.split()] for name, (_, spec) in _SPEC.items()}


def render(site=None, **kw):
    """The GIS files of ``site`` (default: this file's example), see ``conftest.gis_render``."""
    return gis_render(site or DEFAULT, **kw)


@pytest.fixture(scope="module")
def school():
    return render()


@pytest.fixture(scope="module")
def school_gpkg(school, tmp_path_factory) -> Path:
    p = tmp_path_factory.mktemp("gpkg") / "register.gpkg"
    p.write_bytes(school.files["register.gpkg"])
    return p


def test_every_layer_with_its_geometry_type_fields_and_crs(school_gpkg):
    layers = dict(pyogrio.list_layers(school_gpkg))
    assert list(layers) == list(LAYERS)
    for name in LAYERS:
        info = pyogrio.read_info(school_gpkg, layer=name)
        assert info["geometry_type"] == GEOMETRY[name], name
        assert list(info["fields"]) == FIELDS[name], name
        assert info["crs"] == "EPSG:25832", name   # the national grid of Gütersloh
    counts = {n: pyogrio.read_info(school_gpkg, layer=n)["features"] for n in LAYERS}
    assert counts["buildings"] == 3 and counts["rooms"] > 50 and counts["doors"] >= 10
    assert counts["storeys"] >= 4 and counts["signs"] > 100 and counts["site_lines"] >= 1
    assert counts["features"] >= 3 and counts["stairs_lifts"] >= 4


def test_the_layers_name_what_the_register_names(school, school_gpkg):
    meta, _, geom, fields = read(school_gpkg, layer="doors")
    doors = dict(zip(meta["fields"], fields))
    codes = {c for c in doors["code"] if c}
    rows = list(csv.DictReader(io.StringIO(school.files["register.csv"].decode("utf-8-sig"))))
    exterior = {r["code"] for r in rows if r["kind"] in ("entrance", "emergency_exit",
                                                           "fire_brigade", "service")}
    assert codes == exterior
    i = list(doors["code"]).index("E1")
    assert doors["kind"][i] == "entrance" and doors["side"][i] == "A" and doors["main"][i] == 1
    assert doors["storey"][i] == "EG" and doors["grid"][i]
    meta, _, _, fields = read(school_gpkg, layer="rooms")
    rooms = dict(zip(meta["fields"], fields))
    k = list(rooms["name"]).index("Sekretariat")
    assert rooms["code"][k] and rooms["use"][k] == "office" and rooms["storey"][k] == "EG"
    meta, _, _, fields = read(school_gpkg, layer="buildings")
    b = dict(zip(meta["fields"], fields))
    assert "Hauptgebäude" in list(b["name"]) and "A" in list(b["letter"])
    meta, _, _, fields = read(school_gpkg, layer="signs")
    kinds = set(dict(zip(meta["fields"], fields))["kind"])
    assert {"entrance", "guidance", "room"} <= kinds


def test_door_points_are_the_register_positions_within_a_centimetre(school, school_gpkg):
    """An independent way back: the GeoPackage's UTM points through pyproj to WGS84."""
    meta, _, geom, fields = read(school_gpkg, layer="doors")
    doors = dict(zip(meta["fields"], fields))
    pts = np.array([__import__("shapely").from_wkb(g).coords[0] for g in geom])
    lon, lat = Transformer.from_crs(25832, 4326, always_xy=True).transform(pts[:, 0], pts[:, 1])
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(
        school.files["register.csv"].decode("utf-8-sig")))}
    worst = 0.0
    for code, a, b in zip(doors["code"], lat, lon):
        if not code:
            continue
        r = rows[code]
        worst = max(worst, GEOD.inv(float(r["lon"]), float(r["lat"]), b, a)[2])
        assert abs(float(r["easting"]) - pts[list(doors["code"]).index(code), 0]) < 0.001
    assert worst < 0.01


def test_the_same_input_gives_the_same_bytes(school):
    again = render()
    for name in ("register.gpkg", "outlines.geojson", "markings.geojson", "register.csv",
                 "object.csv", "object.json"):
        assert again.files[name] == school.files[name], name


def test_the_geopackage_time_stamp_is_the_plan_date(school_gpkg):
    with sqlite3.connect(school_gpkg) as con:
        stamps = {r[0] for r in con.execute("SELECT last_change FROM gpkg_contents")}
    assert stamps == {"2026-11-30T00:00:00Z"}


def test_crs_option_puts_the_geopackage_in_another_grid(tmp_path):
    out = render(crs="EPSG:31467")   # DHDN / Gauss-Krüger zone 3, still used by some Länder
    p = tmp_path / "r.gpkg"
    p.write_bytes(out.files["register.gpkg"])
    assert pyogrio.read_info(p, layer="doors")["crs"] == "EPSG:31467"
    rows = list(csv.DictReader(io.StringIO(out.files["register.csv"].decode("utf-8-sig"))))
    assert {r["crs"] for r in rows} == {"EPSG:31467"}
    assert 3_400_000 < float(rows[0]["easting"]) < 3_500_000


def test_outlines_geojson_is_rfc_7946(school):
    doc = json.loads(school.files["outlines.geojson"])
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    layers = {f["properties"]["layer"] for f in doc["features"]}
    assert layers == {"building", "room"}
    for f in doc["features"]:
        assert f["geometry"]["type"] == "Polygon"
        ring = np.array(f["geometry"]["coordinates"][0])
        assert (ring[:, 0] > 8.37).all() and (ring[:, 0] < 8.39).all()     # longitude first
        assert (ring[:, 1] > 51.89).all() and (ring[:, 1] < 51.91).all()
        area = 0.5 * np.sum(ring[:-1, 0] * ring[1:, 1] - ring[1:, 0] * ring[:-1, 1])
        assert area > 0, "outer rings counter-clockwise (the right-hand rule)"
    assert not re.search(r"\d\.\d{8}", school.files["outlines.geojson"].decode())  # 7 decimals
    points = json.loads(school.files["markings.geojson"])
    assert "crs_note" not in points and points["features"][0]["geometry"]["type"] == "Point"


def _unreferenced(tmp_path) -> Path:
    data = site_dict([building()], )
    data["site"]["date"] = "2026-11-30"
    return write_site(tmp_path, data)


def test_a_site_without_a_reference_writes_no_coordinates_and_says_why(tmp_path):
    out = render(_unreferenced(tmp_path), ng911=True)
    assert not {"markings.geojson", "outlines.geojson", "register.gpkg", "ng911.gpkg"} \
        & set(out.files)
    assert {"register.csv", "object.csv", "object.json"} <= set(out.files)
    codes = [n.code for n in out.notes]
    assert codes == ["not-georeferenced", "ng911"]
    assert "site.origin" in out.notes[0].text("en") and "editor" in out.notes[0].text("en")
    assert "nicht georeferenziert" in out.notes[0].text("de")
    header = out.files["register.csv"].decode("utf-8-sig").splitlines()[0]
    assert "lat" not in header.split(",") and "easting" not in header.split(",")


def test_the_render_command_says_it_too(tmp_path, capsys):
    site = _unreferenced(tmp_path)
    assert main(["render", str(site), "-o", str(tmp_path / "out"), "--formats", "svg"]) == 0
    err = capsys.readouterr().err   # in the plan's language (guetersloh: German)
    assert "nicht georeferenziert: GeoJSON und GeoPackage nicht geschrieben" in err
    assert not (tmp_path / "out" / "markings.geojson").exists()
    assert main(["render", str(site), "-o", str(tmp_path / "out"), "--formats", "svg",
                 "--lang", "en"]) == 0
    assert "not georeferenced: GeoJSON and GeoPackage not written" in capsys.readouterr().err


def test_a_site_placed_in_a_crs_alone_is_georeferenced(tmp_path):
    data = site_dict([building()])
    data["site"] |= {"date": "2026-11-30",
                     "crs": {"epsg": 25832, "easting": 457000.0, "northing": 5750000.0}}
    out = render(write_site(tmp_path, data))
    p = tmp_path / "r.gpkg"
    p.write_bytes(out.files["register.gpkg"])
    meta, _, geom, fields = read(p, layer="buildings")
    import shapely

    poly = shapely.from_wkb(geom[0])
    # the footprint (0, 0)-(40, 20) lies at the placement, exactly
    assert poly.bounds == pytest.approx((457000.0, 5750000.0, 457040.0, 5750020.0), abs=1e-6)
    assert pyogrio.read_info(p, layer="buildings")["crs"] == "EPSG:25832"


def test_a_bad_crs_stops_the_render_with_the_key_path(tmp_path, capsys):
    data = site_dict([building()])
    data["site"]["crs"] = {"epsg": 4326}
    assert main(["render", str(write_site(tmp_path, data)), "-o", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "site.crs.epsg: EPSG:4326 (WGS 84) is not a projected CRS" in err
    assert "Traceback" not in err


def test_a_bad_crs_option_is_a_usage_message(capsys):
    assert main(["render", str(SCHOOL), "--crs", "EPSG:4326", "-o", "/nonexistent/x"]) == 1
    assert "--crs: EPSG:4326 (WGS 84) is not a projected CRS" in capsys.readouterr().err


def test_inner_doors_are_in_the_doors_layer_with_their_source_ids(tmp_path):
    b = building(doors=[{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True,
                         "source_id": "node/1"},
                        {"id": "i-1", "at": [10, 10], "kind": "inner", "source_id": "node/2"}],
                 rooms=[{"id": "r1", "level": 0, "polygon": [[0, 0], [10, 0], [10, 20], [0, 20]]},
                        {"id": "r2", "level": 0, "polygon": [[10, 0], [40, 0], [40, 20],
                                                             [10, 20]]}])
    data = site_dict([b])
    data["site"]["origin"] = {"lat": 51.0, "lon": 8.0}
    site = site_from_data(data, file="s.yaml")
    out = render(site)
    p = tmp_path / "r.gpkg"
    p.write_bytes(out.files["register.gpkg"])
    meta, _, _, fields = read(p, layer="doors")
    doors = dict(zip(meta["fields"], fields))
    assert sorted(zip(doors["kind"], doors["source_id"])) == [("entrance", "node/1"),
                                                              ("inner", "node/2")]


def test_batch_takes_the_gis_options(tmp_path, capsys):
    import shutil

    sites = tmp_path / "sites"
    sites.mkdir()
    shutil.copy(ROOT / "floorplans" / "us-elementary.yaml", sites / "us.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(sites), "-o", str(out), "--jobs", "1", "--formats", "svg",
                 "--no-ng911", "--excel", "--crs", "EPSG:2276"]) == 0
    folder = out / "us"
    assert not (folder / "ng911.gpkg").exists()
    assert (folder / "register.csv").read_bytes().decode("utf-8-sig").startswith("code;kind;")
    assert pyogrio.read_info(folder / "register.gpkg", layer="doors")["crs"] == "EPSG:2276"
    capsys.readouterr()
    assert main(["batch", str(sites), "-o", str(tmp_path / "o2"), "--crs", "4326"]) == 1
    assert "--crs: EPSG:4326 (WGS 84) is not a projected CRS" in capsys.readouterr().err
    assert not (tmp_path / "o2").exists()


def test_the_geopackage_bytes_are_the_same_in_another_process(school):
    """GDAL writes no clock time and no random ids: a fresh interpreter gives the same file."""
    import hashlib
    import subprocess
    import sys

    code = ("import hashlib, sys; sys.path.insert(0, 'tests'); import test_gis_gpkg as t; "
            "print(hashlib.sha256(t.render().files['register.gpkg']).hexdigest())")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=300)
    assert done.stdout.strip() == hashlib.sha256(school.files["register.gpkg"]).hexdigest()
