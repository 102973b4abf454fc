"""The dispatch object sheet (``object.csv`` / ``object.json``): what a German Leitstelle types
into its object file, and a US PSAP into its premise file.

One record per item, in this order: object number, name, address, the object's position (the
main entrance, where crews drive to: WGS84 and the grid of the site, e.g. ETRS89 / UTM zone
32N, with its grid cell on the site plan), that grid's name, the plan number and plan date
(and why the plan is a draft, if it is), the fire alarm system number, every fire alarm panel
(BMZ), key depot (FSD, Knox box) and first information point (FIZ) with storey and grid cell,
the access notes, and every exterior door's code with its kind, building, side and grid cell.
Labels are in the plan's language; what the site file does not give stays empty (never
guessed), and an item without a value is still listed, so the sheet shows what is missing.
"""

from __future__ import annotations

from typing import Any

from .. import words
from ..geo import crs_name
from ..plan import Plan
from .context import ExportContext
from .layers import DOOR_KINDS, PlanNames

OBJECT_FORMAT = "orientation/object@1"
#: The columns of ``object.csv``.
CSV_COLUMNS = ("item", "label", "value", "code", "building", "side", "grid", "lat", "lon",
               "easting", "northing")
#: Building features the sheet lists, in this order, with their item names.
FEATURE_ITEMS = (("fire_alarm_panel", "fire_alarm_panel"), ("key_box", "key_depot"),
                 ("first_info_point", "first_info_point"))


def _where(ctx: ExportContext, at: tuple[float, float] | None) -> dict[str, Any]:
    g, epsg = ctx.georef, ctx.epsg
    if at is None or g is None or epsg is None:
        return {}
    lat, lon = g.to_wgs84(at)
    e, n = g.to_crs(epsg, at)
    return {"lat": round(float(lat), 7) + 0.0, "lon": round(float(lon), 7) + 0.0,
            "easting": round(float(e), 3) + 0.0, "northing": round(float(n), 3) + 0.0}


def object_sheet(plan: Plan, ctx: ExportContext) -> dict[str, Any]:
    """``{"rows": [...], "json": {...}}``: the sheet as CSV records (keys of
    :data:`CSV_COLUMNS`) and as the JSON document ``orientation/object@1``."""
    lang = plan.language
    n = PlanNames(plan)
    d = ctx.dispatch
    label = lambda item: words.text(f"gis.obj-{item}", lang)  # noqa: E731
    rows: list[dict[str, Any]] = []

    def row(item: str, value: Any = None, **more: Any) -> None:
        rows.append({"item": item, "label": label(item),
                     "value": "" if value is None else str(value)} | more)

    main = n.main
    anchor = main.at if main is not None else _first_building_point(plan)
    pos = _where(ctx, anchor)
    pos_grid = n.grid(anchor) if anchor is not None else None
    row("object_number", d.object_number)
    row("name", plan.site_name)
    row("address", plan.site_address)
    row("position", main.code if main is not None else None, grid=pos_grid,
        code=main.code if main is not None else None, **pos)
    epsg = ctx.epsg
    grid_name = f"EPSG:{epsg} {crs_name(epsg)}" if epsg is not None else None
    row("grid_crs", grid_name or words.text("gis.not-georeferenced-short", lang))
    number = d.plan_number or plan.version
    row("plan_number", number)
    row("plan_date", plan.date)
    reasons = plan.draft_reasons(lang)
    if reasons:
        row("draft", "; ".join(reasons))
    row("fire_alarm_number", d.fire_alarm_number)
    features: dict[str, list[dict[str, Any]]] = {}
    for kind, item in FEATURE_ITEMS:
        found = []
        for b in plan.geometry.buildings if plan.geometry else ():
            for f in b.features:
                if f.kind != kind:
                    continue
                storey = n.storey(b.id, f.level)
                text = ", ".join(x for x in (f.name, storey) if x)
                rec = {"name": f.name, "building": b.id, "letter": n.letter.get(b.id),
                       "level": f.level, "storey": storey, "grid": n.grid(f.at)} \
                    | _where(ctx, f.at)
                found.append(rec)
                row(item, text or label(item), building=n.letter.get(b.id), grid=rec["grid"],
                    **_where(ctx, f.at))
        if not found:
            row(item)
        features[item] = found
    for note in d.access_notes:
        row("access_note", note)
    if not d.access_notes:
        row("access_note")
    entrances = []
    for m in plan.markings:
        if m.kind not in DOOR_KINDS:
            continue
        kind = words.word(lang, m.kind)
        what = words.text("gis.obj-main-entrance", lang) if m.main else kind
        value = f"{what} ({m.name})" if m.name else what
        where = _where(ctx, m.at)
        row("entrance", value, code=m.code, building=n.letter.get(m.building), side=m.side,
            grid=m.grid, **where)
        entrances.append({"code": m.code, "kind": m.kind, "main": m.main,
                          "building": m.building, "letter": n.letter.get(m.building),
                          "level": m.level, "storey": n.storey(m.building, m.level),
                          "side": m.side, "grid": m.grid, "name": m.name} | where)
    doc = {
        "format": OBJECT_FORMAT, "object_number": d.object_number, "name": plan.site_name,
        "address": plan.site_address,
        "position": ({"entrance": main.code if main is not None else None, "grid": pos_grid}
                     | pos | ({"crs": f"EPSG:{epsg}", "crs_name": crs_name(epsg)}
                              if epsg is not None and pos else {})),
        "plan": {"number": number, "date": plan.date, "version": plan.version,
                 "draft": bool(reasons), "draft_reasons": list(reasons)},
        "fire_alarm": {"number": d.fire_alarm_number,
                       "panels": features["fire_alarm_panel"]},
        "key_depots": features["key_depot"],
        "first_info_points": features["first_info_point"],
        "access_notes": list(d.access_notes),
        "entrances": entrances,
    }
    return {"rows": rows, "json": doc}


def _first_building_point(plan: Plan) -> tuple[float, float] | None:
    if plan.geometry is None or not plan.geometry.buildings:
        return None
    from shapely.geometry import Polygon

    p = Polygon(plan.geometry.buildings[0].outline).representative_point()
    return round(p.x, 3), round(p.y, 3)


__all__ = ["CSV_COLUMNS", "FEATURE_ITEMS", "OBJECT_FORMAT", "object_sheet"]
