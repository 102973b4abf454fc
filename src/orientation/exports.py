"""Register and tables for dispatch centres and sign shops: ``register.csv``, ``markings.geojson``,
``schedule.csv`` and the dispatch object sheet (``object.csv`` / ``object.json``). Each function
returns text; the pipeline writes it (the GeoPackages and ``outlines.geojson`` are in
:mod:`orientation.gis`).

Coordinates: plan metres (``x``, ``y``); for a georeferenced site (``site.origin`` or
``site.crs``, see :class:`orientation.geo.Georef`) the register adds ``lat``/``lon`` (WGS84, 7
decimals: 1 cm) and ``easting``/``northing`` in the grid of the site (``crs``, e.g.
EPSG:25832). Without a reference there is no GeoJSON at all (:func:`markings_geojson`
refuses): plan metres in a GeoJSON would be read as degrees.

**Spreadsheets.** The CSV files are RFC 4180 (comma, ``.`` decimals) in UTF-8 **with a byte
order mark** (:func:`csv_bytes`): programs (QGIS, dispatch imports, pandas with
``utf-8-sig``) read them as they are, and Excel, which takes a CSV without a BOM for the
Windows code page ("HauptgebÃ¤ude"), reads the umlauts right. ``excel=True`` (``render
--excel``) writes them for German-locale Excel and LibreOffice instead: ``;`` between cells,
decimal commas, and a text cell that Excel would turn into a number or a date (room ``004``
losing its zeros, ``2.04`` becoming the 2nd of April) written as ``="004"``.

CSV injection: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (also after
leading blanks, and a leading tab or carriage return) as a formula, so a room named
``=HYPERLINK(…)`` would become a live link in the dispatch centre's register. Every text cell
(names, codes, ids, kinds, materials) goes through :func:`csv_text`, which follows OWASP's advice:
such a cell gets a leading single quote and is written in double quotes. The same is done after
a ``;``, tab or line break inside a cell (German spreadsheets split CSV files at ``;``). Numbers
the exporter writes itself (coordinates, sizes, prices, levels) are left as they are, so
``-12.50`` stays a number. (The ``="004"`` cells of ``excel`` are made by the exporter around
text already neutralised: a string literal, never a formula of the file's content.)
"""

from __future__ import annotations

import io
import json
import re
from typing import Any

from . import geo
from .gis.context import ExportContext
from .plan import MARKING_KINDS, Marking, Plan

#: Markings that go into the dispatch centre's register: every kind.
REGISTER_KINDS = MARKING_KINDS

#: First characters that make a spreadsheet cell a formula (OWASP, and their full-width forms,
#: which some spreadsheets fold into the ASCII ones).
FORMULA_TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"
_INNER = re.compile(r"(?<=[;\t\r\n])(?=\s*[" + re.escape(FORMULA_TRIGGERS) + "])")
#: Text that Excel reads as a number, a date or a time when it opens a CSV file ...
_EXCEL_CONVERTS = re.compile(r"^\s*[+-]?(\d[\d\s.,:/\-]*%?|\d+[eE][+-]?\d+|\.\d+)\s*$")
#: ... and shows otherwise: a plain whole number without a leading zero is shown as written.
_EXCEL_SAME = re.compile(r"^[1-9]\d{0,14}$")
#: The byte order mark that makes Excel read a CSV file as UTF-8.
BOM = "\ufeff"


class _Text(str):
    """A text cell after :func:`csv_text`; ``quote`` when it must be written in quotes."""

    quote: bool = False


class _Num(str):
    """A number the exporter wrote (``12.50``): a decimal comma in ``excel`` files."""


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


def num(value: float | int | None, digits: int | None = None) -> _Num | str:
    """A number cell (``digits`` decimals, else as written); empty for None.

    >>> num(1.5, 2), num(3), num(None)
    ('1.50', '3', '')
    """
    if value is None:
        return ""
    if digits is None:
        return _Num(f"{value:g}" if isinstance(value, float) else str(int(value)))
    return _Num(f"{float(value):.{digits}f}")


def _write_row(buf: io.StringIO, row: list, *, excel: bool = False) -> None:
    """One CSV line (RFC 4180 quoting, as ``csv.writer`` with ``QUOTE_MINIMAL``), where every
    neutralised text cell is quoted; ``excel``: ``;`` between cells, decimal commas, and
    ``="…"`` around text Excel would convert."""
    sep = ";" if excel else ","
    out = []
    for cell in row:
        text = str(cell)
        if excel and isinstance(cell, _Num):
            text = text.replace(".", ",")
        elif (excel and text and not isinstance(cell, int) and _EXCEL_CONVERTS.match(text)
              and not _EXCEL_SAME.match(text)):
            text = '="' + text.replace('"', '""') + '"'
        if getattr(cell, "quote", False) or any(c in text for c in sep + '"\r\n'):
            text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    buf.write(sep.join(out) + "\n")


def csv_bytes(text: str) -> bytes:
    r"""A CSV file's bytes: UTF-8 with a byte order mark (see the module docstring).

    >>> csv_bytes("code\nHauptgebäude\n")[:3]
    b'\xef\xbb\xbf'
    """
    return (BOM + text).encode("utf-8")


def to_wgs84(origin: tuple[float, float], north_deg: float, xy: tuple[float, float]) -> tuple[float, float]:
    """Plan metres -> (lat, lon) rounded to 7 decimals (1 cm), in the site's frame
    (:mod:`orientation.geo`, the same the importers project with). ``north_deg`` is the bearing
    of the plan's +y axis from true north.

    >>> to_wgs84((51.0, 8.0), 0.0, (0.0, 0.0))
    (51.0, 8.0)
    """
    g, _ = geo.site_georef(origin, north_deg)
    assert g is not None
    (lat, lon), = _lat_lon(g, [xy])
    return lat, lon


def _lat_lon(georef: geo.Georef, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Many plan points -> (lat, lon) rounded to 7 decimals, in one transformation."""
    if not points:
        return []
    lat, lon = georef.to_wgs84(points)
    return [(round(float(a), 7) + 0.0, round(float(b), 7) + 0.0)
            for a, b in zip(lat.reshape(-1), lon.reshape(-1))]


def _grid_xy(georef: geo.Georef, epsg: int,
             points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Many plan points -> (easting, northing) in EPSG ``epsg``, to the millimetre."""
    if not points:
        return []
    e, n = georef.to_crs(epsg, points)
    return [(round(float(a), 3) + 0.0, round(float(b), 3) + 0.0)
            for a, b in zip(e.reshape(-1), n.reshape(-1))]


def _context(plan: Plan, context: ExportContext | None) -> ExportContext:
    return context if context is not None else ExportContext.of_plan(plan)


def register_csv(plan: Plan, context: ExportContext | None = None, *,
                 excel: bool = False) -> str:
    """One row per marking (every kind: buildings, sides, doors, stairs, rooms, windows,
    names, guidance): code, kind, building, level, side, grid, x, y, name, element, pinned;
    lat, lon where the site is georeferenced; the storey's name, whether it is the main
    entrance, where georeferenced easting, northing and their crs (``EPSG:25832``); last, for
    a room, the entrance and the first stair of its way in (from the walking graph)."""
    ctx = _context(plan, context)
    georef, epsg = ctx.georef, ctx.epsg
    letters = {b.id: b.letter for b in plan.buildings}
    storeys = {b.id: dict(zip(b.levels, b.level_names)) for b in plan.buildings}
    buf = io.StringIO()
    header = ["code", "kind", "building", "building_letter", "level", "levels", "side", "grid",
              "x", "y", "name", "element", "pinned"]
    access = {a.room: a for a in plan.access}
    if georef:
        header += ["lat", "lon"]
    header += ["storey", "main"]
    if georef:
        header += ["easting", "northing", "crs"]
    header += ["entrance", "stair"]  # last, as since they came
    _write_row(buf, header, excel=excel)
    t = csv_text
    marks = _register_markings(plan)
    points = [m.at for m in marks]
    where = _lat_lon(georef, points) if georef else []
    grid = _grid_xy(georef, epsg, points) if georef and epsg else []
    for i, m in enumerate(marks):
        row: list[Any] = [t(m.code), t(m.kind), t(m.building), t(letters.get(m.building, "")),
                          "" if m.level is None else int(m.level),
                          ";".join(str(int(v)) for v in m.levels), t(m.side or ""),
                          t(m.grid or ""), num(m.at[0], 2), num(m.at[1], 2), t(m.name or ""),
                          t(m.element), "yes" if m.pinned else "no"]
        if georef:
            lat, lon = where[i]
            row += [num(lat, 7), num(lon, 7)]
        storey = storeys.get(m.building, {}).get(m.level) if m.level is not None else None
        row += [t(storey or ""), "yes" if m.main else "no"]
        if georef:
            e, n = grid[i]
            row += [num(e, 3), num(n, 3), f"EPSG:{epsg}"]
        way = access.get(m.id)
        row += [t(way.entrance), t(way.stair or "")] if way else ["", ""]
        _write_row(buf, row, excel=excel)
    return buf.getvalue()


def _register_markings(plan: Plan) -> list[Marking]:
    return [m for m in plan.markings if m.kind in REGISTER_KINDS]


def markings_geojson(plan: Plan, context: ExportContext | None = None) -> str:
    """Every marking as an RFC 7946 point feature in WGS84; a site without a reference has no
    GeoJSON (an :class:`~orientation.errors.OptionError` naming ``site.origin``)."""
    from .errors import OptionError
    from .gis.geojson import markings_geojson as points

    georef = _context(plan, context).georef
    if georef is None:
        raise OptionError("site.origin", "the site is not georeferenced, so there is no "
                          "GeoJSON (plan metres would be read as degrees); set site.origin "
                          "or site.crs")
    return points(plan, georef)


def schedule_csv(rows, total, *, excel: bool = False) -> str:
    """The sign schedule as CSV (rows from :func:`orientation.compose.schedule.schedule_rows`)."""
    buf = io.StringIO()
    _write_row(buf, ["kind", "examples", "width_mm", "height_mm", "material", "colours",
                     "placement", "quantity", "unit_price", "line_total", "currency"],
               excel=excel)
    currency = ""
    t = csv_text
    for r in rows:
        currency = r.currency
        _write_row(buf, [t(r.kind), t(r.examples), num(float(r.width_mm)),
                         num(float(r.height_mm)), t(r.material), t(r.colours), t(r.placement),
                         int(r.quantity), num(r.unit_price, 2), num(r.line_total, 2),
                         t(r.currency)], excel=excel)
    _write_row(buf, ["total", "", "", "", "", "", "", sum(int(r.quantity) for r in rows), "",
                     num(total, 2), t(currency)], excel=excel)
    return buf.getvalue()


def object_csv(plan: Plan, context: ExportContext | None = None, *, excel: bool = False) -> str:
    """The dispatch object sheet as CSV (see :mod:`orientation.gis.objects`): one row per
    item, with its label in the plan's language, its value, and where it is."""
    from .gis.objects import CSV_COLUMNS, object_sheet

    sheet = object_sheet(plan, _context(plan, context))
    buf = io.StringIO()
    _write_row(buf, list(CSV_COLUMNS), excel=excel)
    for item in sheet["rows"]:
        row = []
        for col in CSV_COLUMNS:
            v = item.get(col)
            if isinstance(v, float):
                row.append(num(v, 7 if col in ("lat", "lon") else 3))
            else:
                row.append(csv_text(v))
        _write_row(buf, row, excel=excel)
    return buf.getvalue()


def object_json(plan: Plan, context: ExportContext | None = None) -> str:
    """The dispatch object sheet as JSON (``orientation/object@1``)."""
    from .gis.objects import object_sheet

    doc = object_sheet(plan, _context(plan, context))["json"]
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def _num(v: float) -> str:
    return f"{float(v):g}"


__all__ = ["BOM", "FORMULA_TRIGGERS", "REGISTER_KINDS", "csv_bytes", "csv_text",
           "markings_geojson", "num", "object_csv", "object_json", "register_csv",
           "schedule_csv", "to_wgs84"]
