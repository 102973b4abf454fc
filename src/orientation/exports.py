"""Register and tables for dispatch centres and sign shops: ``register.csv``,
``markings.geojson``, ``schedule.csv``. Each function returns text; the pipeline writes it.

Coordinates: plan metres (``x``, ``y``); where the site has a WGS84 ``origin`` the register adds
``lat``/``lon`` and the GeoJSON is in WGS84 (RFC 7946), else in plan metres with a ``crs`` note.
Plan metres become WGS84 through :mod:`orientation.geo`, the frame the importers project with,
to 7 decimal degrees (1 cm).

CSV injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (also after
leading blanks, and a leading tab or carriage return) as a formula, so a room named
``=HYPERLINK(…)`` would become a live link in the dispatch centre's register. Every text cell
(names, codes, ids, kinds, materials) goes through :func:`csv_text`, which follows OWASP's advice:
such a cell gets a leading single quote and is written in double quotes. The same is done after
a ``;``, tab or line break inside a cell (German spreadsheets split CSV files at ``;``). Numbers
the exporter writes itself (coordinates, sizes, prices, levels) are left as they are, so
``-12.50`` stays a number.
"""

from __future__ import annotations

import io
import re

from . import geo
from .plan import Marking, Plan, dumps_records

#: Markings that go into the dispatch centre's register.
REGISTER_KINDS = ("building", "entrance", "emergency_exit", "fire_brigade", "service", "stair",
                  "room")

#: First characters that make a spreadsheet cell a formula (OWASP, and their full-width forms,
#: which some spreadsheets fold into the ASCII ones).
FORMULA_TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"
_INNER = re.compile(r"(?<=[;\t\r\n])(?=\s*[" + re.escape(FORMULA_TRIGGERS) + "])")


class _Text(str):
    """A text cell after :func:`csv_text`; ``quote`` when it must be written in quotes."""

    quote: bool = False


def csv_text(value: object) -> _Text:
    r"""A text cell that no spreadsheet runs as a formula (see the module docstring).

    >>> csv_text("=HYPERLINK(1)"), csv_text("  +1"), csv_text("Aula"), csv_text("A;=1")
    ("'=HYPERLINK(1)", "'  +1", 'Aula', "A;'=1")
    """
    text = "" if value is None else str(value)
    safe = _INNER.sub("'", text)
    first, lead = text[:1], text.lstrip()[:1]
    if (first and first in "\t\r") or (lead and lead in FORMULA_TRIGGERS):
        safe = "'" + safe
    cell = _Text(safe)
    cell.quote = safe != text
    return cell


def _write_row(buf: io.StringIO, row: list) -> None:
    """One CSV line (RFC 4180 quoting, as ``csv.writer`` with ``QUOTE_MINIMAL``), where every
    neutralised text cell is quoted."""
    out = []
    for cell in row:
        text = str(cell)
        if getattr(cell, "quote", False) or any(c in text for c in ',"\r\n'):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    buf.write(",".join(out) + "\n")


def to_wgs84(origin: tuple[float, float], north_deg: float, xy: tuple[float, float]) -> tuple[float, float]:
    """Plan metres -> (lat, lon) rounded to 7 decimals (1 cm), in the site's frame
    (:mod:`orientation.geo`, the same the importers project with). ``north_deg`` is the bearing
    of the plan's +y axis from true north.

    >>> to_wgs84((51.0, 8.0), 0.0, (0.0, 0.0))
    (51.0, 8.0)
    """
    (lat, lon), = _lat_lon(origin, north_deg, [xy])
    return lat, lon


def _lat_lon(origin: tuple[float, float], north_deg: float,
             points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Many plan points -> (lat, lon) rounded to 7 decimals, in one transformation."""
    if not points:
        return []
    lat, lon = geo.plan_to_wgs84(origin, north_deg, points)
    return [(round(float(a), 7) + 0.0, round(float(b), 7) + 0.0) for a, b in zip(lat, lon)]


def _register_markings(plan: Plan) -> list[Marking]:
    return [m for m in plan.markings if m.kind in REGISTER_KINDS]


def register_csv(plan: Plan) -> str:
    """One row per marking: code, kind, building, level, side, grid, x, y, name, element,
    pinned; for a room the entrance and the first stair of its way in (from the walking
    graph); lat, lon where the site has an origin."""
    letters = {b.id: b.letter for b in plan.buildings}
    buf = io.StringIO()
    header = ["code", "kind", "building", "building_letter", "level", "levels", "side", "grid",
              "x", "y", "name", "element", "pinned"]
    access = {a.room: a for a in plan.access}
    if plan.origin:
        header += ["lat", "lon"]
    header += ["entrance", "stair"]
    _write_row(buf, header)
    t = csv_text
    marks = _register_markings(plan)
    where = _lat_lon(plan.origin, plan.north_deg, [m.at for m in marks]) if plan.origin else []
    for i, m in enumerate(marks):
        row = [t(m.code), t(m.kind), t(m.building), t(letters.get(m.building, "")),
               "" if m.level is None else int(m.level), ";".join(str(int(v)) for v in m.levels),
               t(m.side or ""), t(m.grid or ""), f"{m.at[0]:.2f}", f"{m.at[1]:.2f}",
               t(m.name or ""), t(m.element), "yes" if m.pinned else "no"]
        if plan.origin:
            lat, lon = where[i]
            row += [f"{lat:.7f}", f"{lon:.7f}"]
        way = access.get(m.id)
        row += [t(way.entrance), t(way.stair or "")] if way else ["", ""]
        _write_row(buf, row)
    return buf.getvalue()


def markings_geojson(plan: Plan) -> str:
    """Every marking as a GeoJSON point feature (WGS84 where the site has an origin)."""
    feats = []
    where = (_lat_lon(plan.origin, plan.north_deg, [m.at for m in plan.markings])
             if plan.origin else [])
    for i, m in enumerate(plan.markings):
        if plan.origin:
            lat, lon = where[i]
            coords = [lon, lat]
        else:
            coords = [m.at[0], m.at[1]]
        props: dict = {"id": m.id, "code": m.code, "kind": m.kind, "building": m.building,
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
    _write_row(buf, ["kind", "examples", "width_mm", "height_mm", "material", "colours",
                     "placement", "quantity", "unit_price", "line_total", "currency"])
    currency = ""
    t = csv_text
    for r in rows:
        currency = r.currency
        _write_row(buf, [t(r.kind), t(r.examples), _num(r.width_mm), _num(r.height_mm),
                         t(r.material), t(r.colours), t(r.placement), int(r.quantity),
                         f"{r.unit_price:.2f}", f"{r.line_total:.2f}", t(r.currency)])
    _write_row(buf, ["total", "", "", "", "", "", "", sum(int(r.quantity) for r in rows), "",
                     f"{total:.2f}", t(currency)])
    return buf.getvalue()


def _num(v: float) -> str:
    return f"{float(v):g}"


__all__ = ["FORMULA_TRIGGERS", "REGISTER_KINDS", "csv_text", "markings_geojson", "register_csv",
           "schedule_csv", "to_wgs84"]
