"""The last step of :func:`orientation.layout.engine.make_plan`: what the map booklet draws, as
plain frozen values (:class:`~orientation.plan.MapGeometry`), so that compose draws from the
plan alone.

Buildings and site features keep the site file's order and coordinates (plan metres, rings
as listed, not re-oriented); each storey carries its outline (its own where the site file
gives one, else the building's footprint), its rooms with their label points, uses, hazard
class and shaft flag, and, for a storey without its own outline, the part of the footprint
it occupies (:func:`storey_extent`); each feature the storeys it is on; each building its
fire walls and compartment boundaries, the storey plans' scale (one for the whole site,
DIN 14095: :func:`storey_plan_scale`), the part plans where a storey does not fit one sheet
at it (:func:`~.mapframe.part_windows`) and the extent the storey plans are centred on; each
coded door and window its point and outward normal on the outline. :func:`object_facts` is
the general object information of the maps' first sheet.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry import box as sbox
from shapely.ops import unary_union

from ..model import HAZARD_USES, Building, Room, RoomUse, Site, Storey
from ..plan import (
    BuildingShape,
    Contact,
    DoorPoint,
    FeaturePoint,
    FireLineShape,
    MapFrame,
    MapGeometry,
    Marking,
    ObjectFacts,
    Opening,
    Ring,
    RoomShape,
    SiteShape,
    StoreyShape,
)
from . import mapframe
from .geometry import XY, locate, outline, polygons

#: A storey's inner doors, escape-route lines and escape areas (see :class:`StoreyShape`).
StoreyInside = tuple[tuple[DoorPoint, ...], tuple[Ring, ...],
                     tuple[tuple[Ring, tuple[Ring, ...]], ...]]

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Hazard uses that are areas of raised fire risk (drawn red, DIN 14095 / TRVB 121); the
#: other hazard uses are explosion and other hazards (drawn yellow).
FIRE_RISK_USES = frozenset({RoomUse.heating, RoomUse.flammables, RoomUse.battery})


def hazard_class(use: RoomUse | None) -> Literal["", "fire", "other"]:
    """How a storey plan marks a room of ``use``: ``"fire"`` (red), ``"other"`` (yellow) or
    ``""`` (not a hazard).

    >>> hazard_class(RoomUse.heating), hazard_class(RoomUse.gas), hazard_class(RoomUse.office)
    ('fire', 'other', '')
    """
    if use is None or use not in HAZARD_USES:
        return ""
    return "fire" if use in FIRE_RISK_USES else "other"


def ring(points: Iterable[Sequence[float]]) -> Ring:
    """A ring (or line) as a tuple of (x, y) float pairs, in the given order.

    >>> ring([[0, 0], (1, 2)])
    ((0.0, 0.0), (1.0, 2.0))
    """
    return tuple((float(p[0]), float(p[1])) for p in points)


def building_points(b: Building) -> list[XY]:
    """The footprint's corners, every storey outline's and every room corner (plan metres):
    what a storey plan of the building must show."""
    pts = [(p[0], p[1]) for p in b.footprint]
    for s in b.storeys:
        pts += [(p[0], p[1]) for p in (s.outline or [])]
    for r in b.rooms:
        pts += [(p[0], p[1]) for p in (r.polygon or [])]
    return pts


def storey_extent(b: Building, level: int, *, coverage: float = 0.5, closing_m: float = 5.0,
                  point_m: float = 4.0) -> Any:
    """The part of the footprint that a storey occupies (a shapely polygon or multipolygon,
    plan metres), or None for the whole footprint, or for a storey with its own outline
    (the site file says what it covers: nothing is guessed).

    Without a storey outline, the site file has one footprint for every storey. When the rooms of a storey cover less
    than ``coverage`` of it (a basement under one wing, a gallery over a hall), the storey is
    taken as its rooms plus a ``point_m`` square around each of its stairs, doors and
    features that no room of the storey reaches (within half the square), closed over corridors up to ``2 * closing_m`` wide; the rest of the footprint
    is drawn as a dashed outline, never as floor that the data does not show. When that
    still covers three quarters of the footprint, the whole footprint is drawn.
    """
    storey = b.storey(level)
    if storey is not None and storey.outline is not None:
        return None
    holes = [*b.courtyards, *(storey.courtyards if storey is not None else ())]
    foot = Polygon(b.footprint, [list(c) for c in holes])
    if not foot.is_valid:
        foot = foot.buffer(0)
    rings = [r.polygon for r in b.rooms if r.level == level and r.polygon]
    if not rings or foot.area <= 0:
        return None
    polys = polygons(rings)
    bad = ~shapely.is_valid(polys)
    if bad.any():
        polys[bad] = shapely.buffer(polys[bad], 0)
    rooms = shapely.union_all(polys)
    if rooms.intersection(foot).area >= coverage * foot.area:
        return None
    pts = [s.at for s in b.stairs if level in s.levels]
    pts += [d.at for d in b.doors if d.level == level]
    pts += [f.at for f in b.features if level in f.served_levels]
    h = point_m / 2
    # a point at a room of this level (a stair in its stairwell) is covered by the room: no
    # square of floor is added around it that the data does not show
    squares = [sbox(x - h, y - h, x + h, y + h) for x, y in pts
               if rooms.distance(Point(x, y)) > h]
    both = unary_union([rooms, *squares])
    closed = both.buffer(closing_m, join_style=2).buffer(-closing_m, join_style=2)
    ext = closed.union(both).intersection(foot)
    if ext.is_empty or ext.area >= 0.75 * foot.area:  # most of it: draw the whole footprint
        return None
    return ext


def _extent_parts(ext: Any) -> tuple[tuple[Ring, tuple[Ring, ...]], ...] | None:
    if ext is None:
        return None
    return tuple((ring(part.exterior.coords), tuple(ring(i.coords) for i in part.interiors))
                 for part in getattr(ext, "geoms", [ext]) if part.geom_type == "Polygon")


def storey_outline(b: Building, s: Storey) -> tuple[Ring, tuple[Ring, ...]]:
    """The outline and holes a storey plan draws: the storey's own where it has one, else
    the footprint with the building's courtyards and the storey's own.

    >>> from orientation.model import Storey as S
    >>> b = Building(id="b", name="B", footprint=[[0, 0], [10, 0], [10, 5], [0, 5]],
    ...              storeys=[S(level=0, name="EG"), S(level=1, name="OG",
    ...                         outline=[[0, 0], [4, 0], [4, 5], [0, 5]])])
    >>> storey_outline(b, b.storeys[1])[0][1], storey_outline(b, b.storeys[0])[0][1]
    ((4.0, 0.0), (10.0, 0.0))
    """
    if s.outline is not None:
        return ring(s.outline), tuple(ring(c) for c in s.courtyards)
    return ring(b.footprint), tuple(ring(c) for c in (*b.courtyards, *s.courtyards))


def _label_point(r: Room) -> XY:
    """A room's label point without a room marking (a shaft): its representative point,
    rounded to millimetres as every point of the plan."""
    poly = Polygon(r.polygon or ())
    if not poly.is_valid:
        poly = poly.buffer(0)
    p = poly.representative_point() if not poly.is_empty else Polygon(r.polygon).centroid
    return (round(p.x, 3) + 0.0, round(p.y, 3) + 0.0)


def _room_shape(r: Room, label_at: XY | None) -> RoomShape:
    return RoomShape(r.id, ring(r.polygon or ()), label_at or _label_point(r),
                     use=r.use.value if r.use is not None else None,
                     hazard=hazard_class(r.use), shaft=r.is_shaft)


def _grid_extent(frame: MapFrame, points: list[XY]) -> tuple[float, float, float, float]:
    """Bounds (right0, down0, right1, down1) of ``points`` on the site plan's grid, metres."""
    uv = [mapframe.to_grid(frame, p) for p in points] or [(0.0, 0.0)]
    us, vs = [q[0] for q in uv], [q[1] for q in uv]
    return (min(us), min(vs), max(us), max(vs))


def _openings(b: Building, door_marks: list[tuple[Marking, float]],
              window_marks: list[tuple[Marking, float]]) -> tuple[Opening, ...]:
    o = outline(b)
    out = []
    for m, width in (*door_marks, *window_marks):
        pos = locate(o, m.at)
        out.append(Opening(m.id, (pos.point[0], pos.point[1]), (pos.normal[0], pos.normal[1]),
                           width))
    return tuple(out)


def room_sides(site: Site, rotation_deg: float) -> list[float]:
    """The shorter side (metres) of every room with an outline that gets a number (no
    shafts), as the plan is turned on paper: what the storey plans' scale must keep legible."""
    out = []
    for b in site.buildings:
        for r in b.rooms:
            if not r.polygon or r.is_shaft:
                continue
            pts = [mapframe.rotate((p[0], p[1]), rotation_deg) for p in r.polygon]
            xs, ys = [q[0] for q in pts], [q[1] for q in pts]
            out.append(min(max(xs) - min(xs), max(ys) - min(ys)))
    return out


def storey_plan_scale(fits: Iterable[int], short_sides_m: list[float]) -> int:
    """The one scale of all storey plans of a site (DIN 14095): the coarsest of the
    buildings' own (``fits``: each building's largest storey fits one sheet), unless that is
    coarser than the rooms stay legible at (:func:`~.mapframe.legible_scale`); then the
    legible one, and the storeys that do not fit one sheet at it get part plans.

    >>> storey_plan_scale([300, 200, 100], [7.5] * 20), storey_plan_scale([1000], [4.0] * 9)
    (300, 500)
    """
    return min(max(fits, default=mapframe.STOREY_SCALES[0]),
               mapframe.legible_scale(short_sides_m))


def object_facts(site: Site) -> ObjectFacts:
    """The general object information of a site (DIN 14095) as its file gives it: the
    dispatch keys of ``site.dispatch`` and everything of ``site.object``; None where the file
    says nothing."""
    obj = site.site.object
    dispatch = getattr(site.site, "dispatch", None)  # the dispatch centre's keys, if given

    def key(name: str) -> str | None:
        value = getattr(dispatch, name, None) if dispatch is not None else None
        return value if isinstance(value, str) else None

    access = getattr(dispatch, "access_notes", ()) if dispatch is not None else ()
    return ObjectFacts(
        number=key("object_number"), plan_number=key("plan_number"),
        fire_alarm_number=key("fire_alarm_number"),
        author=obj.author if obj else None, use=obj.use if obj else None,
        occupancy=obj.occupancy if obj else None,
        contacts=tuple(Contact(c.role, c.name, c.phone) for c in (obj.contacts if obj else ())),
        fire_alarm=obj.fire_alarm if obj else None,
        water_supply=obj.water_supply if obj else None,
        notes=tuple(obj.notes) if obj else (),
        access_notes=tuple(str(a) for a in access))


def map_geometry(site: Site, frame: MapFrame, markings: Sequence[Marking],
                 door_widths: dict[str, float], window_widths: dict[str, float],
                 insides: Mapping[tuple[str, int], StoreyInside] | None = None) -> MapGeometry:
    """The map booklet's geometry of a site whose codes are made (``markings``: every marking
    of the plan; ``door_widths`` / ``window_widths``: marking id -> width in metres of the
    coded doors and windows; ``insides``: (building, level) -> the storey's inner doors,
    escape routes and escape areas, from :func:`orientation.layout.routes.storey_insides`)."""
    insides = insides or {}
    labels: dict[tuple[str, str], XY] = {}
    doors: dict[str, list[tuple[Marking, float]]] = {}
    windows: dict[str, list[tuple[Marking, float]]] = {}
    for m in markings:
        if m.kind == "room":
            labels.setdefault((m.building, m.element), m.at)
        elif m.kind in DOOR_KINDS and m.id in door_widths:
            doors.setdefault(m.building, []).append((m, door_widths[m.id]))
        elif m.kind == "window" and m.id in window_widths:
            windows.setdefault(m.building, []).append((m, window_widths[m.id]))
    points = {b.id: building_points(b) for b in site.buildings}
    fits = {bid: mapframe.storey_scale(pts, frame.rotation_deg, frame.paper)
            for bid, pts in points.items()}
    scale = storey_plan_scale(fits.values(), room_sides(site, frame.rotation_deg))
    buildings = []
    for b in site.buildings:
        foot = ring(b.footprint)
        courts = tuple(ring(c) for c in b.courtyards)
        storeys = []
        for s in sorted(b.storeys, key=lambda s: s.level):
            rooms = tuple(_room_shape(r, labels.get((b.id, r.id)))
                          for r in b.rooms if r.level == s.level and r.polygon)
            own, holes = storey_outline(b, s)
            doors_in, routes_, areas = insides.get((b.id, s.level), ((), (), ()))
            storeys.append(StoreyShape(s.level, s.name, own, holes, rooms,
                                       _extent_parts(storey_extent(b, s.level)),
                                       inner_doors=doors_in, escape_routes=routes_,
                                       escape_areas=areas))
        pts = points[b.id]
        extent = _grid_extent(frame, pts)
        buildings.append(BuildingShape(
            id=b.id, outline=foot, courtyards=courts, storeys=tuple(storeys),
            features=tuple(FeaturePoint(ft.kind.value, (ft.at[0], ft.at[1]), ft.level, ft.name,
                                        levels=ft.served_levels)
                           for ft in b.features),
            openings=_openings(b, doors.get(b.id, []), windows.get(b.id, [])),
            storey_scale=scale, extent=extent,
            fire_lines=tuple(FireLineShape(fl.kind.value, ring(fl.line), tuple(fl.levels or ()),
                                           fl.name) for fl in b.fire_lines),
            parts=mapframe.part_windows(extent, scale, frame.paper), fit_scale=fits[b.id]))
    features = tuple(
        SiteShape(kind=f.kind.value, name=f.name,
                  at=(f.at[0], f.at[1]) if f.at is not None else None,
                  line=ring(f.line) if f.line else None,
                  polygon=ring(f.polygon) if f.polygon else None, use=f.use, storeys=f.storeys)
        for f in site.site_features)
    return MapGeometry(buildings=tuple(buildings), features=features)


__all__ = ["FIRE_RISK_USES", "building_points", "hazard_class", "map_geometry", "object_facts",
           "ring", "room_sides", "storey_extent", "storey_outline", "storey_plan_scale"]
