"""The register's layers, in plan metres, from the plan and its export context: what
``register.gpkg`` holds (one layer each) and ``outlines.geojson`` draws from.

=================  ===============  ==========================================================
layer              geometry         fields
=================  ===============  ==========================================================
``buildings``      Polygon          building, letter, name, levels, storeys, main, source_id
``storeys``        MultiPolygon     building, letter, level, storey, floor_idx
``rooms``          Polygon          code, name, use, hazard, building, letter, level, storey,
                                    element, entrance, stair, source_id
``doors``          Point            code, kind, main, side, grid, building, letter, level,
                                    storey, name, element, width_m, opening, source_id
``stairs_lifts``   Point            code, kind (stair, lift), name, building, letter, level,
                                    levels, grid, element, source_id
``windows``        Point            code, building, letter, level, storey, side, grid, element
``features``       Point            kind, label, name, building, letter, level, levels,
                                    storey, grid
``site_points``    Point            kind, label, name, grid
``site_lines``     LineString       kind, label, name
``site_areas``     Polygon          kind, label, name
``signs``          Point            sign, kind, text, subtext, marking, code, building,
                                    level, side, placement, width_mm, height_mm, material,
                                    arrow, grid
``markings``       Point            the register: code, kind, building, letter, level, levels,
                                    side, grid, name, element, pinned, main
=================  ===============  ==========================================================

``level`` is the storey's level (0 ground, -1 basement); ``floor_idx`` counts storeys from
the main entrance's (NENA's FloorIndex); ``levels`` lists a stair's or lift's storeys
(``-1;0;1``); ``grid`` is the site plan's grid cell (``C4``). Codes of inner doors and lifts
are empty: they carry no sign.
"""

from __future__ import annotations

from typing import Any

from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from .. import words
from ..layout.mapframe import grid_cell
from ..plan import XY, BuildingShape, Marking, Plan, StoreyShape
from .context import ExportContext
from .tables import Table, TableBuilder, columns

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")

_SPEC = {
    "buildings": ("Polygon", "building letter name levels storeys:int main source_id"),
    "storeys": ("MultiPolygon", "building letter level:int storey floor_idx:int"),
    "rooms": ("Polygon", "code name use hazard building letter level:int storey element "
              "entrance stair source_id"),
    "doors": ("Point", "code kind main:bool side grid building letter level:int storey name "
              "element width_m:real opening:bool source_id"),
    "stairs_lifts": ("Point", "code kind name building letter level:int levels grid element "
                     "source_id"),
    "windows": ("Point", "code building letter level:int storey side grid element"),
    "features": ("Point", "kind label name building letter level:int levels storey grid"),
    "site_points": ("Point", "kind label name grid"),
    "site_lines": ("LineString", "kind label name"),
    "site_areas": ("Polygon", "kind label name"),
    "signs": ("Point", "sign kind text subtext marking code building level:int side placement "
              "width_mm:real height_mm:real material arrow grid"),
    "markings": ("Point", "code kind building letter level:int levels side grid name element "
                 "pinned:bool main:bool"),
}
#: The layers of ``register.gpkg``, in file order.
LAYERS = tuple(_SPEC)


def _levels(values: tuple[int, ...]) -> str | None:
    return ";".join(str(int(v)) for v in values) or None


def _polygon(ring, holes=()) -> Polygon:
    return Polygon(ring, [h for h in holes if len(h) >= 3])


class PlanNames:
    """Letters, storey names and main-entrance levels of the plan's buildings."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.letter = {b.id: b.letter for b in plan.buildings}
        self.storeys = {b.id: dict(zip(b.levels, b.level_names)) for b in plan.buildings}
        main = next((m for m in plan.markings if m.main and m.kind in DOOR_KINDS), None)
        self.ground = main.level if main is not None and main.level is not None else 0
        self.main = main

    def storey(self, building: str, level: int | None) -> str | None:
        return None if level is None else self.storeys.get(building, {}).get(level)

    def grid(self, at: XY | None) -> str | None:
        if at is None or self.plan.frame is None:
            return None
        return grid_cell(self.plan.frame, at)


def _feature_label(kind: str, lang: str) -> str:
    return (words.get("feature." + kind, lang, kind) or kind).replace("\u00ad", "")


def _storey_geometry(b: BuildingShape, s: StoreyShape) -> MultiPolygon:
    if s.extent:
        parts = [_polygon(outer, holes) for outer, holes in s.extent]
    else:
        parts = [_polygon(s.outline, s.courtyards)]
    return MultiPolygon([p for p in parts if not p.is_empty])


def register_tables(plan: Plan, context: ExportContext | None = None) -> list[Table]:
    """Every layer of :data:`LAYERS` as a :class:`Table` in plan metres (empty layers too)."""
    ctx = context or ExportContext()
    lang = plan.language
    n = PlanNames(plan)
    t = {name: TableBuilder(name, geom, columns(spec),
                            words.text(f"gis.layer-{name}", lang))
         for name, (geom, spec) in _SPEC.items()}
    geometry = plan.geometry
    src = ctx.sources.get
    widths = ({o.marking: o.width_m for b in geometry.buildings for o in b.openings}
              if geometry is not None else {})
    for m in plan.markings:
        _marking(t, n, m, src(f"{m.building}/{m.element}"))
        if m.kind in DOOR_KINDS:
            t["doors"].add(Point(m.at), code=m.code, kind=m.kind, main=m.main, side=m.side,
                           grid=m.grid, building=m.building, letter=n.letter.get(m.building),
                           level=m.level, storey=n.storey(m.building, m.level), name=m.name,
                           element=m.element, width_m=widths.get(m.id), opening=False,
                           source_id=src(f"{m.building}/{m.element}"))
    if geometry is not None:
        for b in geometry.buildings:
            _building(t, n, b, plan, src, lang)
        for f in geometry.features:
            label = _feature_label(f.kind, lang)
            if f.at is not None:
                t["site_points"].add(Point(f.at), kind=f.kind, label=label, name=f.name,
                                     grid=n.grid(f.at))
            elif f.line is not None and len(f.line) >= 2:
                t["site_lines"].add(LineString(f.line), kind=f.kind, label=label, name=f.name)
            elif f.polygon is not None and len(f.polygon) >= 3:
                t["site_areas"].add(_polygon(f.polygon), kind=f.kind, label=label, name=f.name)
    for d in ctx.inner_doors:
        t["doors"].add(Point(d.at), code=None, kind="inner", main=False, side=None,
                       grid=n.grid(d.at), building=d.building, letter=n.letter.get(d.building),
                       level=d.level, storey=n.storey(d.building, d.level), name=None,
                       element=d.id, width_m=d.width_m, opening=d.opening,
                       source_id=d.source_id)
    for s in plan.signs:
        sm = plan.marking(s.marking)
        t["signs"].add(Point(s.anchor), sign=s.id, kind=s.kind, text=s.text,
                       subtext=s.subtext or None, marking=s.marking,
                       code=sm.code if sm is not None else None, building=s.building or None,
                       level=s.level, side=s.side, placement=s.placement,
                       width_mm=float(s.width_mm), height_mm=float(s.height_mm),
                       material=s.material, arrow=s.arrow, grid=n.grid(s.anchor))
    return [b.table() for b in t.values()]


def _marking(t: dict[str, TableBuilder], n: PlanNames, m: Marking, source: str | None) -> None:
    letter = n.letter.get(m.building)
    t["markings"].add(Point(m.at), code=m.code, kind=m.kind, building=m.building, letter=letter,
                      level=m.level, levels=_levels(m.levels), side=m.side, grid=m.grid,
                      name=m.name, element=m.element, pinned=m.pinned, main=m.main)
    if m.kind == "stair":
        t["stairs_lifts"].add(Point(m.at), code=m.code, kind="stair", name=m.name,
                              building=m.building, letter=letter,
                              level=min(m.levels) if m.levels else m.level,
                              levels=_levels(m.levels), grid=m.grid, element=m.element,
                              source_id=source)
    elif m.kind == "window":
        t["windows"].add(Point(m.at), code=m.code, building=m.building, letter=letter,
                         level=m.level, storey=n.storey(m.building, m.level), side=m.side,
                         grid=m.grid, element=m.element)


def _building(t: dict[str, TableBuilder], n: PlanNames, b: BuildingShape, plan: Plan, src,
              lang: str) -> None:
    bp = next((x for x in plan.buildings if x.id == b.id), None)
    letter = n.letter.get(b.id)
    main = n.main.code if n.main is not None and n.main.building == b.id else None
    t["buildings"].add(_polygon(b.outline, b.courtyards), building=b.id, letter=letter,
                       name=bp.name if bp else None, levels=_levels(bp.levels) if bp else None,
                       storeys=len(b.storeys), main=main, source_id=src(b.id))
    access = {a.room: a for a in plan.access}
    for s in b.storeys:
        t["storeys"].add(_storey_geometry(b, s), building=b.id, letter=letter, level=s.level,
                         storey=s.name, floor_idx=s.level - n.ground)
        for r in s.rooms:
            mid = f"{b.id}/{r.id}"
            m = plan.marking(mid)
            way = access.get(mid)
            t["rooms"].add(_polygon(r.ring), code=m.code if m else None,
                           name=m.name if m else None, use=r.use, hazard=r.hazard or None,
                           building=b.id, letter=letter, level=s.level, storey=s.name,
                           element=r.id, entrance=way.entrance if way else None,
                           stair=way.stair if way else None, source_id=src(mid))
    for f in b.features:
        at = f.at
        if f.kind == "elevator":
            t["stairs_lifts"].add(Point(at), code=None, kind="lift", name=f.name, building=b.id,
                                  letter=letter, level=f.level, levels=_levels(f.levels),
                                  grid=n.grid(at), element=None, source_id=None)
            continue
        t["features"].add(Point(at), kind=f.kind, label=_feature_label(f.kind, lang),
                          name=f.name, building=b.id, letter=letter, level=f.level,
                          levels=_levels(f.levels), storey=n.storey(b.id, f.level),
                          grid=n.grid(at))


def table(tables: list[Table], name: str) -> Table:
    """The table called ``name``."""
    return next(x for x in tables if x.name == name)


def records(tables: list[Table], name: str) -> list[dict[str, Any]]:
    return table(tables, name).records()


__all__ = ["DOOR_KINDS", "LAYERS", "PlanNames", "records", "register_tables", "table"]
