"""The last step of :func:`orientation.layout.engine.make_plan`: what the map booklet draws, as
plain frozen values (:class:`~orientation.plan.MapGeometry`), so that compose draws from the
plan alone.

Buildings and site features keep the site file's order and coordinates (plan metres, rings
as listed, not re-oriented); each storey carries its outline (today the building's), its
rooms with their label points, and the part of the outline it occupies
(:func:`storey_extent`); each building its storey-plan scale
(:func:`~.mapframe.storey_scale`) and the extent the storey plans are centred on; each coded
door and window its point and outward normal on the outline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import shapely
from shapely.geometry import Polygon
from shapely.geometry import box as sbox
from shapely.ops import unary_union

from ..model import Building, Site
from ..plan import (
    BuildingShape,
    FeaturePoint,
    MapFrame,
    MapGeometry,
    Marking,
    Opening,
    Ring,
    RoomShape,
    SiteShape,
    StoreyShape,
)
from . import mapframe
from .geometry import XY, locate, outline, polygons

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")


def ring(points: Iterable[Sequence[float]]) -> Ring:
    """A ring (or line) as a tuple of (x, y) float pairs, in the given order.

    >>> ring([[0, 0], (1, 2)])
    ((0.0, 0.0), (1.0, 2.0))
    """
    return tuple((float(p[0]), float(p[1])) for p in points)


def building_points(b: Building) -> list[XY]:
    """The footprint's corners and every room corner (plan metres): what a storey plan of
    the building must show."""
    pts = [(p[0], p[1]) for p in b.footprint]
    for r in b.rooms:
        pts += [(p[0], p[1]) for p in (r.polygon or [])]
    return pts


def storey_extent(b: Building, level: int, *, coverage: float = 0.5, closing_m: float = 5.0,
                  point_m: float = 4.0) -> Any:
    """The part of the footprint that a storey occupies (a shapely polygon or multipolygon,
    plan metres), or None for the whole footprint.

    The site file has one footprint per building. When the rooms of a storey cover less
    than ``coverage`` of it (a basement under one wing, a gallery over a hall), the storey is
    taken as its rooms plus a ``point_m`` square around each of its stairs, doors and
    features, closed over corridors up to ``2 * closing_m`` wide; the rest of the footprint
    is drawn as a dashed outline, never as floor that the data does not show. When that
    still covers three quarters of the footprint, the whole footprint is drawn.
    """
    foot = Polygon(b.footprint, [list(c) for c in b.courtyards])
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
    pts += [f.at for f in b.features if f.level == level]
    h = point_m / 2
    squares = [sbox(x - h, y - h, x + h, y + h) for x, y in pts]
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


def map_geometry(site: Site, frame: MapFrame, markings: Sequence[Marking],
                 door_widths: dict[str, float], window_widths: dict[str, float]) -> MapGeometry:
    """The map booklet's geometry of a site whose codes are made (``markings``: every marking
    of the plan; ``door_widths`` / ``window_widths``: marking id -> width in metres of the
    coded doors and windows)."""
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
    buildings = []
    for b in site.buildings:
        foot = ring(b.footprint)
        courts = tuple(ring(c) for c in b.courtyards)
        storeys = []
        for s in sorted(b.storeys, key=lambda s: s.level):
            rooms = tuple(RoomShape(r.id, ring(r.polygon), labels[(b.id, r.id)])
                          for r in b.rooms if r.level == s.level and r.polygon)
            storeys.append(StoreyShape(s.level, s.name, foot, courts, rooms,
                                       _extent_parts(storey_extent(b, s.level))))
        pts = building_points(b)
        buildings.append(BuildingShape(
            id=b.id, outline=foot, courtyards=courts, storeys=tuple(storeys),
            features=tuple(FeaturePoint(ft.kind.value, (ft.at[0], ft.at[1]), ft.level, ft.name)
                           for ft in b.features),
            openings=_openings(b, doors.get(b.id, []), windows.get(b.id, [])),
            storey_scale=mapframe.storey_scale(pts, frame.rotation_deg, frame.paper),
            extent=_grid_extent(frame, pts)))
    features = tuple(
        SiteShape(kind=f.kind.value, name=f.name,
                  at=(f.at[0], f.at[1]) if f.at is not None else None,
                  line=ring(f.line) if f.line else None,
                  polygon=ring(f.polygon) if f.polygon else None)
        for f in site.site_features)
    return MapGeometry(buildings=tuple(buildings), features=features)


__all__ = ["building_points", "map_geometry", "ring", "storey_extent"]
