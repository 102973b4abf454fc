"""The site's reference (``orientation.geo.Georef``): the local frame of ``site.origin`` and a
projected CRS with the plan's placement (``site.crs``), checked against pyproj directly."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Geod, Transformer

from conftest import site_dict
from orientation import geo
from orientation.errors import SiteFileError
from orientation.io.site_file import site_from_data
from orientation.pipeline import check_site, georef_problems, grid_crs

GEOD = Geod(ellps="WGS84")
PLACED = {"epsg": 25832, "easting": 457000.0, "northing": 5750000.0}


def metres(lat1, lon1, lat2, lon2) -> float:
    return GEOD.inv(lon1, lat1, lon2, lat2)[2]


def test_a_crs_placement_is_the_affine_map_exactly():
    g, problems = geo.site_georef(None, 0.0, PLACED | {"rotation_deg": 30.0})
    assert problems == [] and g.kind == "crs"
    e, n = g.to_crs(25832, [(0.0, 10.0), (10.0, 0.0)])
    # +y at grid bearing 30°: (0, 10) lies 10 m at 30° east of grid north
    assert e[0] == pytest.approx(457000 + 10 * math.sin(math.radians(30)), abs=1e-9)
    assert n[0] == pytest.approx(5750000 + 10 * math.cos(math.radians(30)), abs=1e-9)
    assert e[1] == pytest.approx(457000 + 10 * math.cos(math.radians(30)), abs=1e-9)
    assert n[1] == pytest.approx(5750000 - 10 * math.sin(math.radians(30)), abs=1e-9)
    x, y = g.from_crs(25832, np.column_stack([e, n]))
    assert np.allclose(x, [0, 10], atol=1e-9) and np.allclose(y, [10, 0], atol=1e-9)


def test_crs_to_wgs84_is_pyprojs_transformation():
    g, _ = geo.site_georef(None, 0.0, PLACED)
    lat, lon = g.to_wgs84((12.5, -3.0))
    lon2, lat2 = Transformer.from_crs(25832, 4326, always_xy=True).transform(457012.5, 5749997.0)
    assert metres(float(lat), float(lon), lat2, lon2) < 1e-6
    x, y = g.from_wgs84((lon2, lat2))
    assert abs(float(x) - 12.5) < 1e-6 and abs(float(y) + 3.0) < 1e-6


def test_without_rotation_the_plan_lies_on_the_grid_turned_by_north():
    g0, _ = geo.site_georef(None, 0.0, PLACED)
    assert g0.rotation_deg == 0.0
    g12, _ = geo.site_georef(None, 12.0, PLACED)
    assert g12.rotation_deg == 12.0
    # grid north is not true north: west of zone 32's meridian (9° E) it points 0.49° west
    assert (360 - g0.true_north_deg()) % 360 == pytest.approx(0.49, abs=0.02)


def test_a_crs_in_feet_keeps_the_plan_in_metres():
    # NAD83 / Texas North Central (ftUS): 10 plan metres are 32.8 US survey feet
    g, problems = geo.site_georef(None, 0.0, {"epsg": 2276, "easting": 2_500_000.0,
                                              "northing": 7_000_000.0, "rotation_deg": 0.0})
    assert problems == []
    e, _ = g.to_crs(2276, (10.0, 0.0))
    assert float(e) - 2_500_000.0 == pytest.approx(10 / 0.3048006096, rel=1e-9)
    lat0, lon0 = g.to_wgs84((0.0, 0.0))
    lat1, lon1 = g.to_wgs84((10.0, 0.0))
    # true to scale on the ground up to the grid's scale factor (State Plane: < 1e-4)
    assert metres(float(lat0), float(lon0), float(lat1), float(lon1)) == pytest.approx(10, rel=1e-3)


def test_the_local_frame_is_the_importers_frame():
    g, _ = geo.site_georef((51.0285, 13.723), 0.0)
    assert g.kind == "local"
    lat, lon = g.to_wgs84((30.0, 40.0))
    lat2, lon2 = geo.plan_to_wgs84((51.0285, 13.723), 0.0, (30.0, 40.0))
    assert float(lat) == float(lat2) and float(lon) == float(lon2)
    e, n = g.to_crs(25833, (30.0, 40.0))
    x, y = g.from_crs(25833, (e, n))
    assert abs(float(x) - 30) < 1e-6 and abs(float(y) - 40) < 1e-6
    assert g.grid_epsg == 25833   # Dresden: ETRS89 / UTM zone 33N


@pytest.mark.parametrize(("lat", "lon", "epsg"), [
    (51.9, 8.38, 25832), (51.03, 13.72, 25833), (48.14, 11.58, 25832), (60.39, 5.32, 25832),
    (78.2, 15.6, 25833), (32.96, -96.83, 26914), (40.71, -74.0, 26918), (-33.9, 18.4, 32734),
    (35.68, 139.7, 32654),
])
def test_the_national_grid_of_a_place(lat, lon, epsg):
    assert geo.national_grid(lat, lon) == epsg


@pytest.mark.parametrize(("crs", "path", "words"), [
    ({"epsg": 99999}, "site.crs.epsg", "not a coordinate reference system"),
    ({"epsg": 4326}, "site.crs.epsg", "not a projected CRS"),
    ({"epsg": 25832, "easting": 5750000.0, "northing": 457000.0}, "site.crs", "swapped"),
])
def test_a_wrong_crs_is_a_clear_problem(crs, path, words):
    g, problems = geo.site_georef(None, 0.0, crs)
    assert g is None and [p.path for p in problems] == [path]
    assert words in problems[0].message


def test_origin_and_crs_must_agree():
    g, problems = geo.site_georef((51.9, 8.38), 0.0, PLACED)
    assert g is None and problems[0].path == "site.origin" and "m apart" in problems[0].message
    lat, lon = geo.site_georef(None, 0.0, PLACED)[0].anchor
    g, problems = geo.site_georef((round(lat, 7), round(lon, 7)), 0.0, PLACED)
    assert problems == [] and g.kind == "crs"


def test_the_site_file_takes_an_epsg_code_in_either_form_and_check_site_reports_problems():
    data = site_dict()
    data["site"]["crs"] = {"epsg": "EPSG:25832", "easting": 457000, "northing": 5750000}
    site = site_from_data(data, file="s.yaml")
    assert site.site.crs.epsg == 25832 and georef_problems(site) == []
    data["site"]["crs"] = {"epsg": 4326}
    site = site_from_data(data, file="s.yaml")
    with pytest.raises(SiteFileError, match=r"site\.crs\.epsg: EPSG:4326 \(WGS 84\) is not"):
        check_site(site, file="s.yaml")
    data["site"]["crs"] = {"epsg": "UTM32"}
    with pytest.raises(SiteFileError, match="not an EPSG code"):
        site_from_data(data, file="s.yaml")


def test_grid_option_takes_epsg_codes_and_refuses_others():
    assert grid_crs("EPSG:25832") == 25832 and grid_crs(2276) == 2276
    with pytest.raises(Exception, match="--crs: 'utm' is not an EPSG code"):
        grid_crs("utm")
    with pytest.raises(Exception, match="not a projected CRS"):
        grid_crs("4326")
