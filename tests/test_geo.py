"""orientation.geo: the plan's local metric frame on pyproj, checked against WGS84 geodesics
(``pyproj.Geod``, independent of the projection)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pyproj import Geod

from orientation import geo
from orientation.errors import OptionError
from orientation.exports import to_wgs84

GEOD = Geod(ellps="WGS84")
ORIGINS = [(51.9, 8.38), (32.9612, -96.8291), (-33.87, 151.21), (69.65, 18.96), (0.0, 179.99)]
NORTHS = [0.0, 12.0, 90.0, 200.5, -45.0]


def geodesic_point(origin, north_deg, x, y):
    """Where plan point (x, y) lies, walking the geodesic from the origin: (lat, lon)."""
    lon, lat, _ = GEOD.fwd(origin[1], origin[0], math.degrees(math.atan2(x, y)) + north_deg,
                           math.hypot(x, y))
    return lat, lon


def points(n=200, radius=1500.0, seed=7):
    rnd = np.random.default_rng(seed)
    return rnd.uniform(-radius, radius, size=(n, 2))


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("north", NORTHS)
def test_plan_to_wgs84_and_back_is_exact(origin, north):
    xy = points()
    lat, lon = geo.plan_to_wgs84(origin, north, xy)
    assert lat.shape == lon.shape == (len(xy),)
    x, y = geo.wgs84_to_plan(origin, north, np.column_stack((lon, lat)))
    assert np.max(np.hypot(x - xy[:, 0], y - xy[:, 1])) < 1e-6


@pytest.mark.parametrize("origin", ORIGINS)
@pytest.mark.parametrize("north", [0.0, 12.0, 290.0])
def test_plan_metres_are_metres_on_the_ellipsoid(origin, north):
    """Over a campus (1.5 km around the origin), a plan point lies within a millimetre of the
    point reached by walking the geodesic of its distance and bearing from the origin (the
    sphere of the old exports was 0.1-0.3 % off: 30 cm at 150 m)."""
    xy = points(50)
    lat, lon = geo.plan_to_wgs84(origin, north, xy)
    for (x, y), la, lo in zip(xy, lat, lon):
        glat, glon = geodesic_point(origin, north, x, y)
        assert GEOD.inv(glon, glat, float(lo), float(la))[2] < 0.001


@pytest.mark.parametrize("north", NORTHS)
def test_plus_y_points_to_north_deg(north):
    lat, lon = geo.plan_to_wgs84((51.0, 8.0), north, (0.0, 10.0))
    bearing, _, dist = GEOD.inv(8.0, 51.0, float(lon), float(lat))
    assert abs(dist - 10.0) < 1e-6
    assert abs((bearing - north + 180.0) % 360.0 - 180.0) < 1e-6


def test_origin_is_plan_zero():
    assert geo.plan_to_wgs84((51.9, 8.38), 12.0, (0.0, 0.0)) == (51.9, 8.38)
    x, y = geo.wgs84_to_plan((51.9, 8.38), 12.0, (8.38, 51.9))
    assert (float(x), float(y)) == (0.0, 0.0)


def test_shapes_one_point_pairs_and_separate_arrays():
    lat, lon = geo.plan_to_wgs84((51.0, 8.0), 0.0, (3.0, 4.0))
    assert lat.shape == () and lon.shape == ()
    lat2, lon2 = geo.plan_to_wgs84((51.0, 8.0), 0.0, [3.0, 5.0], [4.0, 6.0])
    assert lat2.shape == (2,) and float(lat2[0]) == float(lat) and float(lon2[0]) == float(lon)
    coords = geo.wgs84_to_plan_coords((51.0, 8.0), 0.0, np.array([[8.0, 51.0], [8.001, 51.001]]))
    assert coords.shape == (2, 2)
    assert geo.wgs84_to_plan_coords((51.0, 8.0), 0.0, np.empty((0, 2))).shape == (0, 2)
    with pytest.raises(OptionError):
        geo.plan_to_wgs84((51.0, 8.0), 0.0, [1.0, 2.0, 3.0])


def test_transformers_are_cached_per_frame_not_per_object():
    a = geo.transformer((51.0, 8.0), 12.0)
    assert geo.transformer([51.0, 8.0], 12.0 + 360.0) is a    # same frame, equal values
    assert geo.transformer((51.0, 8.0), 13.0) is not a


@pytest.mark.parametrize("origin, north", [
    ((91.0, 8.0), 0.0), ((51.0, 181.0), 0.0), ((math.nan, 8.0), 0.0), ((51.0, 8.0), math.inf),
    (("x", 8.0), 0.0), ((51.0,), 0.0),
])
def test_a_bad_frame_is_an_option_error(origin, north):
    with pytest.raises(OptionError):
        geo.plan_to_wgs84(origin, north, (0.0, 0.0))


def test_exports_use_the_same_frame():
    lat, lon = geo.plan_to_wgs84((51.9, 8.38), 12.0, (123.456, -78.9))
    assert to_wgs84((51.9, 8.38), 12.0, (123.456, -78.9)) == (round(float(lat), 7),
                                                              round(float(lon), 7))


@pytest.mark.parametrize("north", [0.0, 30.0])
@pytest.mark.parametrize("shift", [(20_000.0, 0.0), (50_000.0, -30_000.0), (0.0, 80_000.0)])
def test_shifted_frame_keeps_places(north, shift):
    """The frame of a plan shifted by ``-shift`` puts every point where the old frame did
    (within a few millimetres over a building)."""
    origin = (51.9, 8.38)
    new_origin, new_north = geo.shifted_frame(origin, north, shift)
    local = np.array([(0.0, 0.0), (150.0, 0.0), (0.0, 150.0), (-90.0, 120.0)])
    lat0, lon0 = geo.plan_to_wgs84(origin, north, local + np.array(shift))
    lat1, lon1 = geo.plan_to_wgs84(new_origin, new_north, local)
    for a, b, c, d in zip(lat0, lon0, lat1, lon1):
        assert GEOD.inv(float(b), float(a), float(d), float(c))[2] < 0.005
