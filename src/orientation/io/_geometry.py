"""Geometry helpers of the importers (plan metres, shapely): polygons out of any geometry,
millimetre rounding, vertex counts, nearest points on an outline (:class:`BoundaryIndex`) and
line simplification within a budget."""

from __future__ import annotations

import math

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient
from shapely.ops import nearest_points

XY = tuple[float, float]

#: Round plan coordinates to millimetres.
GRID_M = 0.001


def polygons_of(geom: BaseGeometry | None) -> list[Polygon]:
    """Every polygon inside ``geom`` (made valid first), largest first."""
    if geom is None or geom.is_empty:
        return []
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    out: list[Polygon] = []
    stack = [geom]
    while stack:
        g = stack.pop()
        if isinstance(g, Polygon):
            if not g.is_empty and g.area > 0:
                out.append(g)
        elif isinstance(g, (MultiPolygon, GeometryCollection)):
            stack.extend(g.geoms)
    out.sort(key=lambda p: -p.area)
    return out


def on_grid(geom: BaseGeometry) -> BaseGeometry:
    """``geom`` rounded to millimetres, kept valid."""
    return shapely.set_precision(geom, GRID_M)


def ring_points(ring) -> list[XY]:
    """A shapely ring as ``[x, y]`` points without the closing point, rounded to mm."""
    pts = [(round(float(x), 3) + 0.0, round(float(y), 3) + 0.0) for x, y, *_ in ring.coords]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    return pts


def largest_polygon(geom: BaseGeometry | None) -> tuple[Polygon | None, list[Polygon]]:
    """The largest valid polygon of ``geom`` and the other parts (largest first)."""
    polys = polygons_of(geom)
    if not polys:
        return None, []
    return polys[0], polys[1:]


class BoundaryIndex:
    """Nearest points on an outline in O(log n) per query: an STRtree of its segments.

    ``boundary.distance(point)`` costs O(n) for an outline of n vertices, so snapping d doors
    onto it cost O(d·n); with the index it is O((d + n) log n).
    """

    def __init__(self, boundary: BaseGeometry | None):
        segs = []
        if boundary is not None and not boundary.is_empty:
            for part in shapely.get_parts(boundary):
                c = shapely.get_coordinates(part)
                if len(c) >= 2:
                    segs.append(np.stack([c[:-1], c[1:]], axis=1))
        arr = np.concatenate(segs) if segs else np.empty((0, 2, 2))
        self.segments = shapely.linestrings(arr) if len(arr) else np.empty(0, dtype=object)
        self.tree = shapely.STRtree(self.segments)

    def __bool__(self) -> bool:
        return len(self.segments) > 0

    def distance(self, geom: BaseGeometry) -> float:
        """Distance of ``geom`` to the outline (inf for an empty outline)."""
        if not len(self.segments) or geom is None or geom.is_empty:
            return math.inf
        _, dist = self.tree.query_nearest(geom, return_distance=True, all_matches=False)
        return float(dist[0]) if len(dist) else math.inf

    def within(self, geom: BaseGeometry, distance: float) -> bool:
        """Whether ``geom`` lies within ``distance`` of the outline."""
        if not len(self.segments) or geom is None or geom.is_empty:
            return False
        return bool(len(self.tree.query(geom, predicate="dwithin", distance=distance)))

    def snap(self, xy: XY) -> tuple[XY, float]:
        """The nearest point of the outline to ``xy`` and its distance."""
        p = Point(xy)
        if not len(self.segments):
            return xy, math.inf
        idx = self.tree.query_nearest(p, all_matches=False)
        seg = self.segments[int(idx[0])]
        q = nearest_points(seg, p)[0]
        return (q.x, q.y), float(seg.distance(p))


def snap_to_boundary(boundary: BaseGeometry | BoundaryIndex, xy: XY) -> tuple[XY, float]:
    """The nearest point of an outline (or its index) to ``xy`` and its distance."""
    if not isinstance(boundary, BoundaryIndex):
        boundary = BoundaryIndex(boundary)
    return boundary.snap(xy)


def count_vertices(geom: BaseGeometry | None) -> int:
    """The number of coordinates of ``geom`` (0 for None)."""
    return 0 if geom is None else int(shapely.get_num_coordinates(geom))


def largest_ring_vertices(geom: BaseGeometry | None) -> int:
    """Vertices of the longest ring or line in ``geom`` (what one outline costs)."""
    if geom is None or geom.is_empty:
        return 0
    rings = [geom]
    out = 0
    while rings:
        g = rings.pop()
        if isinstance(g, Polygon):
            out = max(out, len(g.exterior.coords), *(len(r.coords) for r in g.interiors))
        elif hasattr(g, "geoms"):
            rings.extend(g.geoms)
        else:
            out = max(out, count_vertices(g))
    return out


def inside_point(poly: Polygon, inner: BaseGeometry, xy: XY) -> tuple[XY | None, float]:
    """``xy`` when inside ``poly``, else the nearest point of ``inner`` (the polygon shrunk a
    little); and how far ``xy`` lies outside ``poly``."""
    p = Point(xy)
    if poly.contains(p):
        return xy, 0.0
    dist = poly.distance(p)
    if inner.is_empty:
        r = poly.representative_point()
        return (r.x, r.y), dist
    q = nearest_points(inner, p)[0]
    return (q.x, q.y), dist


def mm(v: float) -> float:
    """Metres rounded to millimetres, never ``-0.0``.

    >>> mm(-0.0004), mm(1.23456)
    (0.0, 1.235)
    """
    return round(float(v), 3) + 0.0


def mm_xy(p: XY) -> list[float]:
    """A point rounded to millimetres, as a site file stores it."""
    return [mm(p[0]), mm(p[1])]


def line_points(g: BaseGeometry, max_points: int) -> tuple[list[list[float]], bool]:
    """A line's points rounded to millimetres (consecutive repeats dropped), simplified until
    at most ``max_points`` remain; and whether it was simplified. Rounding point by point (not
    ``set_precision``, which nodes a self-crossing line: quadratic in its crossings)."""
    c = np.round(shapely.get_coordinates(g), 3) + 0.0
    if len(c) > 1:
        keep = np.ones(len(c), dtype=bool)
        keep[1:] = np.any(c[1:] != c[:-1], axis=1)
        c = c[keep]
    simplified = False
    tol = 0.05
    while len(c) > max_points and tol < 1e7:
        c = np.round(shapely.get_coordinates(
            LineString(c).simplify(tol, preserve_topology=False)), 3) + 0.0
        simplified = True
        tol *= 4
    return [[float(x), float(y)] for x, y in c], simplified


#: A storey's own outline covering this share of the footprint or more is the footprint: it
#: is left out, so an unchanged storey keeps the default.
STOREY_SAME_SHARE = 0.97
#: How far a storey outline (or a room) may reach past the outline it lies in as noise (m).
OUTLINE_NOISE_M = 0.4


def storey_outline(geom: BaseGeometry | None, foot: Polygon) -> tuple[Polygon | None, str, float]:
    """A storey's own outline cleaned like the footprint, and what became of it.

    Made valid, clipped to the footprint ``foot`` (holes of ``foot`` become holes of the
    storey), holes under 1 m² dropped, simplified by 1 cm and rounded to millimetres. Returns
    ``(polygon, status, overshoot)``: ``status`` is ``"own"`` (the polygon is the storey's
    outline), ``"same"`` (it covers :data:`STOREY_SAME_SHARE` of the footprint or more: None),
    ``"empty"`` (no area inside the footprint: None) or ``"parts"`` (it falls into separate
    parts, which one ring cannot hold: None; slivers under 2 % of the largest part are
    dropped); ``overshoot`` is the area (m²) that lay further
    than :data:`OUTLINE_NOISE_M` outside the footprint and was clipped off.

    >>> foot = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    >>> p, status, _ = storey_outline(Polygon([(0, 0), (5, 0), (5, 10), (0, 10)]), foot)
    >>> status, round(p.area, 1)
    ('own', 50.0)
    >>> storey_outline(Polygon([(0, 0), (10.2, 0), (10.2, 10), (0, 10)]), foot)[1:]
    ('same', 0.0)
    """
    polys = polygons_of(geom)
    if not polys:
        return None, "empty", 0.0
    whole = shapely.union_all(polys)
    overshoot = float(whole.difference(foot.buffer(OUTLINE_NOISE_M)).area)
    parts = polygons_of(whole.intersection(foot))
    parts = [p for p in parts if p.area >= max(1.0, 0.02 * parts[0].area)] if parts else []
    if not parts:
        return None, "empty", overshoot
    if len(parts) > 1:
        return None, "parts", overshoot
    poly = parts[0]
    if poly.interiors:
        poly = Polygon(poly.exterior, [r for r in poly.interiors if Polygon(r).area >= 1.0])
    poly = poly.simplify(0.01, preserve_topology=True)
    best, _ = largest_polygon(on_grid(poly))
    if best is None or best.area < 1.0:
        return None, "empty", overshoot
    if best.area >= STOREY_SAME_SHARE * foot.area:
        return None, "same", overshoot
    return orient(best, sign=-1.0), "own", overshoot


__all__ = ["GRID_M", "OUTLINE_NOISE_M", "STOREY_SAME_SHARE", "XY", "BoundaryIndex", "count_vertices", "inside_point", "largest_polygon",
           "largest_ring_vertices", "line_points", "mm", "mm_xy", "on_grid", "polygons_of",
           "ring_points", "snap_to_boundary", "storey_outline"]
