"""The plan's place on the earth: one local metric frame, on pyproj, for importers and exports.

A site with an ``origin`` (WGS84 latitude/longitude of plan point (0, 0)) and a ``north_deg``
(bearing of the plan's +y axis from true north, degrees clockwise) lies in this frame:

1. a transverse Mercator projection of the WGS84 ellipsoid centred on the origin
   (``+proj=tmerc +lat_0 +lon_0 +k_0=1``): east and north in metres, true to scale at the
   origin, with a scale error below 1e-7 within 2 km of it (0.1 mm over a campus);
2. turned by ``north_deg`` about the origin, so the plan's +y axis points to that bearing.

Every coordinate transformation between WGS84 and the plan goes through here: the OSM and IMDF
importers project with :func:`wgs84_to_plan`, the exports (``register.csv``,
``markings.geojson``) unproject with :func:`plan_to_wgs84`, so a point imported and exported
again comes back where it was (to floating point; rounding to 7 decimal degrees is 1 cm).
The transformation of one (origin, north) is built once and cached (:func:`transformer`).

>>> lat, lon = plan_to_wgs84((51.0, 8.0), 0.0, (0.0, 100.0))
>>> round(float(lat), 7), round(float(lon), 7)
(51.0008989, 8.0)
>>> x, y = wgs84_to_plan((51.0, 8.0), 0.0, (8.0, 51.0008989))
>>> round(float(x), 3) + 0.0, round(float(y), 2)
(0.0, 100.0)
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .errors import OptionError

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from numpy.typing import ArrayLike, NDArray
    from pyproj import Transformer

#: The ellipsoid of every site origin (WGS84, as GPS, OSM and IMDF use it).
ELLIPSOID = "WGS84"

Origin = tuple[float, float]  # (lat, lon) in degrees


def _frame(origin: Sequence[float], north_deg: float) -> tuple[float, float, float]:
    """The cache key of a frame, checked: (lat, lon, north) as floats."""
    try:
        lat, lon = (float(v) for v in origin)
        north = float(north_deg)
    except (TypeError, ValueError) as exc:
        raise OptionError("origin", f"{origin!r}, {north_deg!r} is not a (lat, lon) pair and a "
                          "bearing in degrees") from exc
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise OptionError("origin", f"latitude {lat!r} must lie between -90 and 90 degrees")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise OptionError("origin", f"longitude {lon!r} must lie between -180 and 180 degrees")
    if not math.isfinite(north):
        raise OptionError("north_deg", f"{north!r} is not a finite bearing in degrees")
    return lat + 0.0, lon + 0.0, north % 360.0 + 0.0


def pipeline(lat: float, lon: float, north_deg: float = 0.0) -> str:
    """The PROJ pipeline from (lon, lat) degrees to plan metres of a frame.

    >>> print(pipeline(51.0, 8.0))
    +proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad +step +proj=tmerc +lat_0=51.0 +lon_0=8.0 +k_0=1 +x_0=0 +y_0=0 +ellps=WGS84
    """
    steps = ["+proj=pipeline",
             "+step +proj=unitconvert +xy_in=deg +xy_out=rad",
             f"+step +proj=tmerc +lat_0={lat!r} +lon_0={lon!r} +k_0=1 +x_0=0 +y_0=0 "
             f"+ellps={ELLIPSOID}"]
    if north_deg % 360.0:
        # (east, north) -> plan: x = e cos a - n sin a, y = e sin a + n cos a
        a = math.radians(north_deg)
        c, s = math.cos(a) + 0.0, math.sin(a) + 0.0
        steps.append(f"+step +proj=affine +s11={c!r} +s12={-s!r} +s21={s!r} +s22={c!r}")
    return " ".join(steps)


@lru_cache(maxsize=64)
def _transformer(lat: float, lon: float, north: float) -> Transformer:
    from pyproj import Transformer

    return Transformer.from_pipeline(pipeline(lat, lon, north))


def transformer(origin: Sequence[float], north_deg: float = 0.0) -> Transformer:
    """The pyproj transformer (lon, lat) degrees -> plan metres of a frame (cached per frame;
    pyproj transformers are thread-safe). ``direction="INVERSE"`` goes back."""
    return _transformer(*_frame(origin, north_deg))


def _pair(a: ArrayLike, b: ArrayLike | None, what: str) -> tuple[NDArray, NDArray]:
    if b is None:
        arr = np.asarray(a, dtype=float)
        if arr.shape[-1:] != (2,):
            raise OptionError(what, f"expected (…, 2) coordinates, got the shape {arr.shape}")
        return arr[..., 0], arr[..., 1]
    return np.asarray(a, dtype=float), np.asarray(b, dtype=float)


def plan_to_wgs84(origin: Sequence[float], north_deg: float, xy: ArrayLike,
                  y: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
    """Plan metres -> (lat, lon) degrees: ``xy`` is one point ``(x, y)``, an ``(n, 2)`` array,
    or (with ``y``) the x values. Returns arrays of the input's shape (0-d for one point).

    >>> lat, lon = plan_to_wgs84((51.0, 8.0), 90.0, [(0.0, 0.0), (0.0, 100.0)])
    >>> [round(float(v), 7) for v in lat], [round(float(v), 7) for v in lon]
    ([51.0, 51.0], [8.0, 8.0014245])
    """
    x, yy = _pair(xy, y, "xy")
    lon, lat = transformer(origin, north_deg).transform(x, yy, direction="INVERSE")
    return np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)


def wgs84_to_plan(origin: Sequence[float], north_deg: float, lonlat: ArrayLike,
                  lat: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
    """(lon, lat) degrees -> plan metres ``(x, y)``: ``lonlat`` is one point ``(lon, lat)``
    (GeoJSON order), an ``(n, 2)`` array, or (with ``lat``) the longitudes.

    >>> x, y = wgs84_to_plan((51.0, 8.0), 0.0, [(8.0, 51.0), (8.001, 51.0)])
    >>> [round(float(v), 3) + 0.0 for v in x], [round(float(v), 3) + 0.0 for v in y]
    ([0.0, 70.198], [0.0, 0.0])
    """
    lon, la = _pair(lonlat, lat, "lonlat")
    x, y = transformer(origin, north_deg).transform(lon, la)
    return np.asarray(x, dtype=float) + 0.0, np.asarray(y, dtype=float) + 0.0


def wgs84_to_plan_coords(origin: Sequence[float], north_deg: float, coords: ArrayLike) -> NDArray:
    """An ``(n, 2)`` array of (lon, lat) -> an ``(n, 2)`` array of plan (x, y), for
    ``shapely.transform``."""
    x, y = wgs84_to_plan(origin, north_deg, coords)
    return np.column_stack((np.atleast_1d(x), np.atleast_1d(y)))


def shifted_frame(origin: Sequence[float], north_deg: float,
                  xy: Sequence[float]) -> tuple[Origin, float]:
    """The frame of the same plan shifted by ``-xy``: its origin, (lat, lon) of plan point
    ``xy``, and its north, the bearing of the plan's +y axis at ``xy`` (which differs from ``north_deg`` by
    the meridian convergence, a quarter of a degree 20 km east of the origin at 51° N).

    >>> shifted_frame((51.0, 8.0), 12.0, (0.0, 0.0))
    ((51.0, 8.0), 12.0)
    >>> (lat, lon), north = shifted_frame((51.0, 8.0), 0.0, (20_000.0, 0.0))
    >>> round(north, 3)
    0.221
    """
    x, y = float(xy[0]), float(xy[1])
    if x == 0.0 and y == 0.0:
        lat0, lon0, north = _frame(origin, north_deg)
        return (lat0, lon0), north
    lat, lon = plan_to_wgs84(origin, north_deg, [(x, y), (x, y + 1.0)])
    from pyproj import Geod

    bearing, _, _ = Geod(ellps=ELLIPSOID).inv(float(lon[0]), float(lat[0]), float(lon[1]),
                                              float(lat[1]))
    return (float(lat[0]), float(lon[0])), float(bearing) % 360.0 + 0.0


def round_origin(lat: float, lon: float, digits: int = 7) -> Origin:
    """An origin as a site file stores it (7 decimals: 1 cm); importers centre their frame on
    this rounded point, so that the plan and the stored origin agree exactly.

    >>> round_origin(51.028512345, 13.72301)
    (51.0285123, 13.72301)
    """
    return round(float(lat), digits) + 0.0, round(float(lon), digits) + 0.0


__all__ = ["ELLIPSOID", "pipeline", "plan_to_wgs84", "round_origin",
           "shifted_frame", "transformer", "wgs84_to_plan", "wgs84_to_plan_coords"]
