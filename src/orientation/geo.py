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

**The site's reference** (:class:`Georef`, made by :func:`site_georef`) is one of two:

* ``local``: ``site.origin`` and ``north_deg``, the frame above (OSM and IMDF imports record
  it: WGS84 in, this local metric projection in the site file);
* ``crs``: ``site.crs``, an EPSG projected CRS (ETRS89 / UTM, State Plane …) with the plan's
  placement in it: plan point (0, 0) at (``easting``, ``northing``), the plan's +y axis at
  ``rotation_deg`` clockwise from grid north, ``scale`` CRS units per plan metre (an IFC
  ``IfcMapConversion`` is this).

A :class:`Georef` takes plan metres to WGS84 (:meth:`Georef.to_wgs84`), to any EPSG CRS
(:meth:`Georef.to_crs`; the site's own CRS by the affine placement alone, exactly) and back.
:func:`national_grid` names the grid of a place: ETRS89 / UTM in Europe (EPSG:25832 in NRW),
NAD83 / UTM in North America, WGS 84 / UTM elsewhere.

>>> lat, lon = plan_to_wgs84((51.0, 8.0), 0.0, (0.0, 100.0))
>>> round(float(lat), 7), round(float(lon), 7)
(51.0008989, 8.0)
>>> x, y = wgs84_to_plan((51.0, 8.0), 0.0, (8.0, 51.0008989))
>>> round(float(x), 3) + 0.0, round(float(y), 2)
(0.0, 100.0)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import OptionError, Problem

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Mapping, Sequence

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


# -- the site's reference: a local frame or a projected CRS ------------------------------------

#: WGS84 longitude/latitude (RFC 7946 GeoJSON, NG911 layers).
WGS84_EPSG = 4326
#: Plan (0, 0) of ``site.origin`` and of ``site.crs`` may disagree by this much (metres).
ANCHOR_TOLERANCE_M = 1.0


@dataclass(frozen=True, slots=True)
class Georef:
    """Where the plan lies on the earth (see the module docstring): ``epsg`` None is the local
    frame of ``origin`` and ``north_deg``; otherwise plan (x, y) metres lie in EPSG ``epsg`` at
    ``E = easting + scale (x cos r + y sin r)``, ``N = northing + scale (-x sin r + y cos r)``
    with ``r = rotation_deg`` (the grid bearing of the plan's +y axis).

    >>> g = Georef(epsg=25832, easting=458000.0, northing=5750000.0)
    >>> [round(float(v), 3) for v in g.to_crs(25832, (10.0, 20.0))]
    [458010.0, 5750020.0]
    >>> [round(float(v), 3) + 0.0 for v in g.from_crs(25832, (458010.0, 5750020.0))]
    [10.0, 20.0]
    """

    origin: Origin | None = None
    north_deg: float = 0.0
    epsg: int | None = None
    easting: float = 0.0
    northing: float = 0.0
    rotation_deg: float = 0.0
    scale: float = 1.0

    @property
    def kind(self) -> str:
        """``crs`` (a projected CRS with the plan's placement) or ``local``."""
        return "crs" if self.epsg is not None else "local"

    def _affine(self, x: NDArray, y: NDArray) -> tuple[NDArray, NDArray]:
        a = math.radians(self.rotation_deg)
        c, s = math.cos(a) * self.scale, math.sin(a) * self.scale
        return self.easting + c * x + s * y, self.northing - s * x + c * y

    def _unaffine(self, e: NDArray, n: NDArray) -> tuple[NDArray, NDArray]:
        a = math.radians(self.rotation_deg)
        c, s = math.cos(a) / self.scale, math.sin(a) / self.scale
        de, dn = e - self.easting, n - self.northing
        return c * de - s * dn + 0.0, s * de + c * dn + 0.0

    def to_wgs84(self, xy: ArrayLike, y: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
        """Plan metres -> (lat, lon) degrees (arrays of the input's shape)."""
        if self.epsg is None:
            if self.origin is None:
                raise OptionError("site.origin", "the site has no position on the earth")
            return plan_to_wgs84(self.origin, self.north_deg, xy, y)
        x, yy = _pair(xy, y, "xy")
        lon, lat = crs_transformer(self.epsg, WGS84_EPSG).transform(*self._affine(x, yy))
        return np.asarray(lat, dtype=float), np.asarray(lon, dtype=float)

    def from_wgs84(self, lonlat: ArrayLike, lat: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
        """(lon, lat) degrees -> plan metres (x, y)."""
        if self.epsg is None:
            if self.origin is None:
                raise OptionError("site.origin", "the site has no position on the earth")
            return wgs84_to_plan(self.origin, self.north_deg, lonlat, lat)
        lon, la = _pair(lonlat, lat, "lonlat")
        e, n = crs_transformer(WGS84_EPSG, self.epsg).transform(lon, la)
        return self._unaffine(np.asarray(e, dtype=float), np.asarray(n, dtype=float))

    def to_crs(self, epsg: int, xy: ArrayLike, y: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
        """Plan metres -> (x, y) of EPSG ``epsg``, easting (or longitude) first; the site's own
        CRS by the placement alone."""
        x, yy = _pair(xy, y, "xy")
        if self.epsg is None:
            lat, lon = self.to_wgs84(x, yy)
            if epsg == WGS84_EPSG:
                return lon, lat
            e, n = crs_transformer(WGS84_EPSG, epsg).transform(lon, lat)
        else:
            e, n = self._affine(x, yy)
            if epsg != self.epsg:
                e, n = crs_transformer(self.epsg, epsg).transform(e, n)
        return np.asarray(e, dtype=float), np.asarray(n, dtype=float)

    def from_crs(self, epsg: int, xy: ArrayLike, y: ArrayLike | None = None) -> tuple[NDArray, NDArray]:
        """(x, y) of EPSG ``epsg`` (easting first) -> plan metres."""
        e, n = _pair(xy, y, "xy")
        if self.epsg is not None and epsg == self.epsg:
            return self._unaffine(e, n)
        lon, lat = crs_transformer(epsg, WGS84_EPSG).transform(e, n)
        return self.from_wgs84(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))

    @property
    def anchor(self) -> Origin:
        """(lat, lon) of plan point (0, 0)."""
        lat, lon = self.to_wgs84((0.0, 0.0))
        return float(lat) + 0.0, float(lon) + 0.0

    def true_north_deg(self) -> float:
        """The true bearing of the plan's +y axis at plan (0, 0) (degrees in [0, 360))."""
        if self.epsg is None:
            return self.north_deg % 360.0 + 0.0
        return _bearing(self, (0.0, 0.0))

    @property
    def grid_epsg(self) -> int:
        """The projected CRS the exports use by default: the site's own, else the
        :func:`national_grid` of the site's place."""
        return self.epsg if self.epsg is not None else national_grid(*self.anchor)


def _bearing(g: Georef, xy: Sequence[float]) -> float:
    from pyproj import Geod

    lat, lon = g.to_wgs84([(xy[0], xy[1]), (xy[0], xy[1] + 1.0)])
    az, _, _ = Geod(ellps=ELLIPSOID).inv(float(lon[0]), float(lat[0]), float(lon[1]),
                                         float(lat[1]))
    return float(az) % 360.0 + 0.0


@lru_cache(maxsize=64)
def crs_transformer(src: int, dst: int) -> Transformer:
    """The pyproj transformer between two EPSG CRS, easting/longitude first (cached)."""
    from pyproj import Transformer

    return Transformer.from_crs(f"EPSG:{src}", f"EPSG:{dst}", always_xy=True)


@lru_cache(maxsize=256)
def crs_name(epsg: int) -> str:
    """The EPSG name of a CRS (``ETRS89 / UTM zone 32N``), or ``EPSG:<n>`` when PROJ does not
    know it.

    >>> crs_name(25832)
    'ETRS89 / UTM zone 32N'
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        return str(CRS.from_epsg(epsg).name)
    except CRSError:
        return f"EPSG:{epsg}"


def national_grid(lat: float, lon: float) -> int:
    """The EPSG code of the metric grid dispatch and GIS systems use at a place: the UTM zone
    (with the Norway and Svalbard exceptions) on ETRS89 in Europe, on NAD83 in North America,
    else on WGS 84 (north or south). A Land or state on another grid (Bavaria east of 12° E
    on zone 32, a State Plane zone) sets ``site.crs`` or ``render --crs``.

    >>> national_grid(51.9, 8.38), national_grid(51.03, 13.72), national_grid(32.96, -96.83)
    (25832, 25833, 26914)
    >>> national_grid(-33.9, 18.4), national_grid(60.4, 5.3)
    (32734, 25832)
    """
    lat, lon = float(lat), float(lon)
    zone = min(60, max(1, int((lon + 180.0) // 6.0) + 1))
    if 56.0 <= lat < 64.0 and 3.0 <= lon < 12.0:
        zone = 32
    elif 72.0 <= lat < 84.0 and 0.0 <= lon < 42.0:
        zone = 31 if lon < 9.0 else 33 if lon < 21.0 else 35 if lon < 33.0 else 37
    if lat >= 34.0 and -16.0 <= lon < 48.0 and 28 <= zone <= 38:
        return 25800 + zone
    if lat >= 14.0 and -180.0 <= lon < -48.0 and zone <= 23:
        return 26900 + zone
    return (32600 if lat >= 0 else 32700) + zone


def site_georef(origin: Sequence[float] | None, north_deg: float,
                crs: Mapping[str, Any] | None = None) -> tuple[Georef | None, list[Problem]]:
    """The site's reference from ``site.origin`` (lat, lon), ``north_deg`` and ``site.crs``
    (``epsg``, ``easting``, ``northing``, ``rotation_deg`` or None, ``scale``), with the
    problems that keep it from being used (key paths ``site.crs…``, ``site.origin``).

    ``site.crs`` wins; without ``rotation_deg`` the plan's +y axis is at grid bearing
    ``north_deg`` (grid north taken for true north: a plan drawn on the grid, north 0, lies on
    it exactly; they differ by the meridian convergence, under 3° within a UTM zone). Both
    ``origin`` and ``crs`` given: they must put plan (0, 0) within :data:`ANCHOR_TOLERANCE_M`.

    >>> g, problems = site_georef((51.9, 8.38), 12.0)
    >>> g.kind, problems
    ('local', [])
    >>> site_georef(None, 0.0, {"epsg": 4326})[1][0].path
    'site.crs.epsg'
    """
    if crs is None:
        if origin is None:
            return None, []
        lat, lon, north = _frame(origin, north_deg)
        return Georef(origin=(lat, lon), north_deg=north), []
    problems: list[Problem] = []
    epsg = int(crs["epsg"])
    why = crs_problem(epsg)
    if why:
        return None, [Problem("site.crs.epsg", why)]
    scale = float(crs.get("scale") or 1.0) / crs_unit_m(epsg)
    rotation = crs.get("rotation_deg")
    if rotation is None:  # grid north taken for true north (they differ by the convergence)
        rotation = north_deg
    g = Georef(epsg=epsg, easting=float(crs.get("easting") or 0.0),
               northing=float(crs.get("northing") or 0.0),
               rotation_deg=float(rotation) % 360.0 + 0.0, scale=scale,
               north_deg=float(north_deg) % 360.0 + 0.0)
    where = _outside(g, epsg)
    if where:
        return None, [Problem("site.crs", where)]
    if origin is not None:
        lat, lon, _ = _frame(origin, north_deg)
        from pyproj import Geod

        alat, alon = g.anchor
        dist = float(Geod(ellps=ELLIPSOID).inv(lon, lat, alon, alat)[2])
        if dist > ANCHOR_TOLERANCE_M:
            problems.append(Problem("site.origin", (
                f"site.origin ({lat:.7f}, {lon:.7f}) and site.crs (EPSG:{epsg}, "
                f"{g.easting:.2f} / {g.northing:.2f}) put plan point (0, 0) {dist:,.1f} m apart; "
                "give one of them (site.crs, the surveyed one, is the one the exports use)")))
    return (None if problems else g), problems


def crs_problem(epsg: int) -> str | None:
    """Why EPSG ``epsg`` cannot place a plan, or None."""
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        c = CRS.from_epsg(epsg)
    except CRSError:
        return (f"EPSG:{epsg} is not a coordinate reference system PROJ knows; give the EPSG "
                "code of a projected CRS, e.g. 25832 (ETRS89 / UTM zone 32N)")
    if not c.is_projected:
        return (f"EPSG:{epsg} ({c.name}) is not a projected CRS in metres or feet; give a "
                "projected CRS (e.g. 25832, ETRS89 / UTM zone 32N), or give latitude and "
                "longitude as site.origin")
    return None


def _outside(g: Georef, epsg: int) -> str | None:
    """Why plan (0, 0) of ``g`` is not a place in EPSG ``epsg``'s area of use, or None."""
    from pyproj import CRS

    la, lo = g.to_wgs84((0.0, 0.0))
    lat, lon = float(la), float(lo)
    area = CRS.from_epsg(epsg).area_of_use
    ok = math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180
    if ok and area is not None:
        ok = (area.south - 2.0 <= lat <= area.north + 2.0
              and area.west - 2.0 <= lon <= area.east + 2.0)
    if ok:
        return None
    shown = f" is at {lat:.5f}, {lon:.5f}" if math.isfinite(lat) and math.isfinite(lon) else ""
    return (f"easting {g.easting:,.2f}, northing {g.northing:,.2f}{shown}, outside the area of "
            f"EPSG:{epsg} ({crs_name(epsg)}); check the code and the two numbers (are easting "
            "and northing swapped?)")


def crs_unit_m(epsg: int) -> float:
    """Metres per unit of a projected CRS's axes (1 for UTM, 0.3048006 for US survey feet)."""
    from pyproj import CRS

    return float(CRS.from_epsg(epsg).axis_info[0].unit_conversion_factor or 1.0)


def epsg_code(text: str | None) -> int | None:
    """The EPSG code a CRS name gives (``EPSG:25832``, ``25832``, ``urn:ogc:def:crs:EPSG::25832``,
    or a name PROJ knows, ``ETRS89 / UTM zone 32N``), or None.

    >>> epsg_code("EPSG:25832"), epsg_code("ETRS89 / UTM zone 32N"), epsg_code("my grid")
    (25832, 25832, None)
    """
    import re

    if not text or not text.strip():
        return None
    m = re.search(r"EPSG\D{0,3}(\d{4,6})\b", text, re.I) or re.fullmatch(r"\s*(\d{4,6})\s*", text)
    if m:
        return int(m.group(1))
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        code = CRS.from_user_input(text.strip()).to_epsg()
    except CRSError:
        return None
    return int(code) if code else None


def shifted_crs(crs: Mapping[str, Any], xy: Sequence[float]) -> dict[str, Any]:
    """``site.crs`` data of the same plan shifted by ``-xy`` (plan point ``xy`` becomes
    (0, 0)): the placement moves to where ``xy`` lies in the CRS, rotation and scale stay.

    >>> shifted_crs({"epsg": 25832, "easting": 1000.0, "northing": 2000.0}, (10.0, 20.0))
    {'epsg': 25832, 'easting': 1010.0, 'northing': 2020.0}
    """
    epsg = int(crs["epsg"])
    g = Georef(epsg=epsg, easting=float(crs.get("easting") or 0.0),
               northing=float(crs.get("northing") or 0.0),
               rotation_deg=float(crs.get("rotation_deg") or 0.0),
               scale=float(crs.get("scale") or 1.0) / crs_unit_m(epsg))
    e, n = g.to_crs(epsg, (float(xy[0]), float(xy[1])))
    return {**crs, "easting": round(float(e), 3) + 0.0, "northing": round(float(n), 3) + 0.0}


__all__ = ["ANCHOR_TOLERANCE_M", "ELLIPSOID", "WGS84_EPSG", "Georef", "crs_name", "crs_problem",
           "crs_transformer", "crs_unit_m", "epsg_code", "national_grid", "pipeline",
           "plan_to_wgs84", "round_origin", "shifted_crs", "shifted_frame", "site_georef",
           "transformer", "wgs84_to_plan", "wgs84_to_plan_coords"]
