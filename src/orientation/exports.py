"""Register and tables for dispatch centres and sign shops: ``register.csv``,
``markings.geojson``, ``schedule.csv``. Each function returns text; the pipeline writes it.

Coordinates: plan metres (``x``, ``y``); where the site has a WGS84 ``origin`` the register adds
``lat``/``lon`` and the GeoJSON is in WGS84 (RFC 7946), else in plan metres with a ``crs`` note.
"""

from __future__ import annotations

import csv
import io
import math

from .plan import Marking, Plan, dumps_records

#: Markings that go into the dispatch centre's register.
REGISTER_KINDS = ("building", "entrance", "emergency_exit", "fire_brigade", "service", "stair",
                  "room")

_EARTH_R = 6_378_137.0


def to_wgs84(origin: tuple[float, float], north_deg: float, xy: tuple[float, float]) -> tuple[float, float]:
    """Plan metres -> (lat, lon), local tangent plane around ``origin`` (accurate to centimetres
    over a campus). ``north_deg`` is the bearing of the plan's +y axis from true north.

    >>> to_wgs84((51.0, 8.0), 0.0, (0.0, 0.0))
    (51.0, 8.0)
    """
    a = math.radians(north_deg)
    east = xy[0] * math.cos(a) + xy[1] * math.sin(a)
    north = -xy[0] * math.sin(a) + xy[1] * math.cos(a)
    lat = origin[0] + math.degrees(north / _EARTH_R)
    lon = origin[1] + math.degrees(east / (_EARTH_R * math.cos(math.radians(origin[0]))))
    return (round(lat, 7), round(lon, 7))


def _register_markings(plan: Plan) -> list[Marking]:
    return [m for m in plan.markings if m.kind in REGISTER_KINDS]


def register_csv(plan: Plan) -> str:
    """One row per marking: code, kind, building, level, side, grid, x, y (lat, lon where known)."""
    letters = {b.id: b.letter for b in plan.buildings}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    header = ["code", "kind", "building", "building_letter", "level", "levels", "side", "grid",
              "x", "y", "name", "element", "pinned"]
    if plan.origin:
        header += ["lat", "lon"]
    w.writerow(header)
    for m in _register_markings(plan):
        row = [m.code, m.kind, m.building, letters.get(m.building, ""),
               "" if m.level is None else m.level, ";".join(map(str, m.levels)), m.side or "",
               m.grid or "", f"{m.at[0]:.2f}", f"{m.at[1]:.2f}", m.name or "", m.element,
               "yes" if m.pinned else "no"]
        if plan.origin:
            lat, lon = to_wgs84(plan.origin, plan.north_deg, m.at)
            row += [f"{lat:.7f}", f"{lon:.7f}"]
        w.writerow(row)
    return buf.getvalue()


def markings_geojson(plan: Plan) -> str:
    """Every marking as a GeoJSON point feature (WGS84 where the site has an origin)."""
    feats = []
    for m in plan.markings:
        if plan.origin:
            lat, lon = to_wgs84(plan.origin, plan.north_deg, m.at)
            coords = [lon, lat]
        else:
            coords = [m.at[0], m.at[1]]
        props = {"id": m.id, "code": m.code, "kind": m.kind, "building": m.building,
                 "level": m.level, "side": m.side, "grid": m.grid, "name": m.name,
                 "element": m.element, "pinned": m.pinned}
        if m.levels:
            props["levels"] = list(m.levels)
        feats.append({"type": "Feature", "id": m.id, "geometry": {"type": "Point",
                      "coordinates": coords}, "properties": props})
    doc: dict = {"type": "FeatureCollection", "name": plan.site_name, "features": feats}
    if not plan.origin:
        doc["crs_note"] = ("plan coordinates in metres (x east, y north of the plan); set "
                           "site.origin in the site file for WGS84")
    return dumps_records(doc) + "\n"  # one feature per line


def schedule_csv(rows, total) -> str:
    """The sign schedule as CSV (rows from :func:`orientation.compose.schedule.schedule_rows`)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["kind", "examples", "width_mm", "height_mm", "material", "colours", "placement",
                "quantity", "unit_price", "line_total", "currency"])
    currency = ""
    for r in rows:
        currency = r.currency
        w.writerow([r.kind, r.examples, _num(r.width_mm), _num(r.height_mm), r.material, r.colours,
                    r.placement, r.quantity, f"{r.unit_price:.2f}", f"{r.line_total:.2f}",
                    r.currency])
    w.writerow(["total", "", "", "", "", "", "", sum(r.quantity for r in rows), "",
                f"{total:.2f}", currency])
    return buf.getvalue()


def _num(v: float) -> str:
    return f"{v:g}"


__all__ = ["REGISTER_KINDS", "markings_geojson", "register_csv", "schedule_csv", "to_wgs84"]
