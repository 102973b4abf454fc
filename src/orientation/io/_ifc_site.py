"""Where an IFC model stands and which of its storeys is the ground storey, for
:mod:`orientation.io.ifc`.

* **ground storey** (:func:`ground_index`): the storey named like a ground floor
  (``Erdgeschoss``, ``EG``, ``Ground floor``, ``Rez-de-chaussée``, ``Level 0`` …), else the one
  named ``Level 1``/``L1`` (Revit's first level), else the one whose elevation is closest to 0.
* **position** (:func:`site_origin`): ``IfcSite.RefLatitude/RefLongitude``, unless they look
  like an authoring tool's default (:data:`DEFAULT_LOCATIONS`), which is warned about.
* **north** (:func:`true_north`): the model context's ``TrueNorth``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import Any

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


__all__ = ["DEFAULT_LOCATIONS", "angle", "ground_index", "site_origin", "true_north"]
