"""Where an IFC model stands and which of its storeys is the ground storey, for
:mod:`orientation.io.ifc`.

* **ground storey** (:func:`ground_index`): the storey named like a ground floor
  (``Erdgeschoss``, ``EG``, ``Ground floor``, ``Rez-de-chaussée``, ``Level 0`` …), else the one
  named ``Level 1``/``L1`` (Revit's first level), else the one whose elevation is closest to 0.
* **position** (:func:`site_origin`): ``IfcSite.RefLatitude/RefLongitude``, unless they look
  like an authoring tool's default (:data:`DEFAULT_LOCATIONS`), which is warned about.
* **north** (:func:`true_north`): the model context's ``TrueNorth``.
* **map conversion** (:func:`map_conversion`): an ``IfcMapConversion`` to an
  ``IfcProjectedCRS`` with an EPSG code becomes ``site.crs`` (the surveyed placement; then
  ``RefLatitude``/``RefLongitude`` are not used, and north follows the map conversion where
  ``TrueNorth`` disagrees with it, :func:`north_of`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from .. import geo
from ..words import Ref
from ._notes import Notes

_GROUND_RE = re.compile(r"^\s*(erdgeschoss|eg|e0|00|ground|ground floor|ground level|"
                        r"level 0|level 00|l0|rez-de-chauss[ée]e|rdc|planta baja|piano terra|"
                        r"begane grond|parterre|bottenv[åa]ning)\s*$", re.I)
_LEVEL1_RE = re.compile(r"^\s*(level 1|level 01|l1|l01|1st floor|floor 1|ebene 1)\s*$", re.I)
#: Positions that authoring tools write when nobody set the site's location: (lat, lon, the
#: catalogue key of the tool's default, ``import.default-*``).
DEFAULT_LOCATIONS = ((0.0, 0.0, "import.default-zero"),
                     (42.3584, -71.0597, "import.default-revit"))


def angle(v) -> float | None:
    """An IfcCompoundPlaneAngleMeasure (deg, min, sec, millionths) as decimal degrees."""
    if not v:
        return None
    parts = list(v) + [0, 0, 0, 0]
    d, m, s, us = (float(x) for x in parts[:4])
    return d + m / 60 + s / 3600 + us / 3.6e9


def ground_index(ss: Sequence[Any], elevation: Callable[[Any], float]) -> int:
    """The index of the ground storey in ``ss`` (storeys in elevation order)."""
    ground = next((i for i, s in enumerate(ss) if _GROUND_RE.match(s.Name or "")
                   or _GROUND_RE.match(s.LongName or "")), None)
    if ground is None:
        ground = next((i for i, s in enumerate(ss) if _LEVEL1_RE.match(s.Name or "")), None)
    if ground is None:
        ground = min(range(len(ss)), key=lambda i: (abs(elevation(ss[i])), -elevation(ss[i])))
    return ground


def site_origin(f: Any, notes: Notes) -> tuple[float, float] | None:
    """The WGS84 position of the model's site, or None (with a note)."""
    origin = None
    for site in f.by_type("IfcSite"):
        lat, lon = angle(site.RefLatitude), angle(site.RefLongitude)
        if lat is None or lon is None:
            continue
        default = next((label for la, lo, label in DEFAULT_LOCATIONS
                        if abs(lat - la) < 0.05 and abs(lon - lo) < 0.05), None)
        if default:
            notes.warning("origin-default", site.GlobalId, lat=lat, lon=lon,
                          default=Ref(default))
        elif -90 <= lat <= 90 and -180 <= lon <= 180:
            origin = (lat, lon)
        break
    if origin is None and not notes.has("origin-default"):
        notes.info("no-origin")
    return origin


def true_north(f: Any) -> float:
    """The bearing of the plan's +y axis from the model context's ``TrueNorth`` (degrees)."""
    for ctx in f.by_type("IfcGeometricRepresentationContext"):
        if ctx.is_a("IfcGeometricRepresentationSubContext"):
            continue
        tn = getattr(ctx, "TrueNorth", None)
        if tn is not None and tn.DirectionRatios and len(tn.DirectionRatios) >= 2:
            tx, ty = float(tn.DirectionRatios[0]), float(tn.DirectionRatios[1])
            if math.hypot(tx, ty) > 0:
                return math.degrees(math.atan2(-tx, ty))
            break
    return 0.0


def _unit_m(unit: Any) -> float | None:
    """Metres per unit of an IfcNamedUnit (an SI unit with its prefix, or a conversion-based
    unit such as the foot), None when it is not a length."""
    if unit is None:
        return None
    try:
        if unit.is_a("IfcSIUnit"):
            from ifcopenshell.util.unit import get_prefix_multiplier

            return float(get_prefix_multiplier(unit.Prefix)) if unit.Prefix else 1.0
        if unit.is_a("IfcConversionBasedUnit"):
            factor = unit.ConversionFactor
            base = _unit_m(factor.UnitComponent) or 1.0
            return float(factor.ValueComponent.wrappedValue) * base
    except Exception:  # noqa: BLE001 - a malformed unit: the CRS's own unit is taken
        return None
    return None


def map_conversion(f: Any, notes: Notes, unit_scale: float) -> dict | None:
    """``site.crs`` from the model's ``IfcMapConversion`` to an ``IfcProjectedCRS`` (IFC4 and
    later), in plan metres (the model's length unit is ``unit_scale`` metres), or None.

    IFC4: a model point (x, y) lies at ``E = Eastings + Scale (x a - y b)``,
    ``N = Northings + Scale (x b + y a)`` with (a, b) the unit vector of ``XAxisAbscissa``,
    ``XAxisOrdinate``; so the plan's +y axis is at the grid bearing ``atan2(-b, a)``.
    Eastings and Northings are in the CRS's ``MapUnit`` (else the unit of its EPSG
    definition). A CRS named by no EPSG code PROJ knows is a note, never a guess."""
    try:
        conversions = f.by_type("IfcMapConversion")
    except RuntimeError:  # IFC2X3 has no map conversion
        return None
    for mc in conversions:
        target = getattr(mc, "TargetCRS", None)
        if target is None or not target.is_a("IfcProjectedCRS"):
            continue
        name = str(target.Name or "")
        epsg = geo.epsg_code(name)
        if epsg is None or geo.crs_problem(epsg):
            notes.warning("ifc-crs-unknown", getattr(target, "GlobalId", "") or "", name=name)
            return None
        a, b = float(mc.XAxisAbscissa or 1.0), float(mc.XAxisOrdinate or 0.0)
        if math.hypot(a, b) == 0:
            a, b = 1.0, 0.0
        rotation = math.degrees(math.atan2(-b, a)) % 360.0
        crs_m = geo.crs_unit_m(epsg)
        map_m = _unit_m(getattr(target, "MapUnit", None)) or crs_m
        scale = float(mc.Scale or 1.0) * map_m / (unit_scale or 1.0)
        if abs(scale - 1.0) > 0.01:
            notes.warning("ifc-map-scale", "", scale=scale)
            scale = 1.0
        crs = {"epsg": epsg, "easting": round(float(mc.Eastings) * map_m / crs_m, 3) + 0.0,
               "northing": round(float(mc.Northings) * map_m / crs_m, 3) + 0.0,
               "rotation_deg": round(rotation, 6) + 0.0}
        if abs(scale - 1.0) > 1e-9:
            crs["scale"] = round(scale, 9)
        notes.info("ifc-map-conversion", "", epsg=epsg, name=geo.crs_name(epsg),
                   easting=crs["easting"], northing=crs["northing"], rotation=rotation)
        return crs
    return None


def north_of(crs: dict, north_deg: float, notes: Notes) -> float:
    """``site.north_deg`` of a model with a map conversion: its TrueNorth when that agrees
    with the map conversion within a degree, else the map conversion's (with a note)."""
    g, problems = geo.site_georef(None, north_deg, crs)
    if g is None or problems:
        return north_deg
    bearing = g.true_north_deg()
    if abs((bearing - north_deg + 180.0) % 360.0 - 180.0) <= 1.0:
        return north_deg
    notes.warning("ifc-north-from-map", "", north=north_deg, bearing=bearing)
    return bearing


__all__ = ["DEFAULT_LOCATIONS", "angle", "ground_index", "map_conversion", "north_of",
           "site_origin", "true_north"]
