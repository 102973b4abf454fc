"""The layout stage's bridge between the site model and shapely (importers use shapely on
their own source geometry).

Plan coordinates are metres, ``y`` north of the plan. Rings are normalised to **clockwise**
order seen from above (``y`` up): walking a clockwise ring, the building is on your right, which
is the order the Gütersloh model and US practice number doors in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import LinearRing, LineString, Point, Polygon
from shapely.validation import explain_validity

from ..errors import Problem
from ..model import EXTERIOR_DOOR_KINDS, Building, DoorKind, Site

#: How far a door or window may lie from the outline and still count as on it (metres).
ON_OUTLINE_TOLERANCE_M = 0.5

XY = tuple[float, float]


def clockwise(points: Sequence[XY]) -> list[XY]:
    """The ring as a clockwise list without the closing point.

    >>> clockwise([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)])
    [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0), (1.0, 0.0)]
    >>> clockwise([(0, 0), (0, 1), (1, 1)])
    [(0.0, 0.0), (0.0, 1.0), (1.0, 1.0)]
    """
    pts = [(float(x), float(y)) for x, y in points]
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts = pts[:-1]
    area2 = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]))
    if area2 > 0:  # counter-clockwise
        pts = [pts[0], *reversed(pts[1:])]
    return pts


@dataclass(frozen=True, slots=True)
class Outline:
    """A building's rings, each clockwise: ``rings[0]`` the outer outline, then courtyards.

    Courtyard rings are stored clockwise too, so walking them the courtyard (outside) is on
    your left and the building on your right, as on the outer ring.
    """

    rings: tuple[tuple[XY, ...], ...]
    polygon: Polygon

    def ring_line(self, i: int) -> LinearRing:
        return LinearRing(self.rings[i])


@lru_cache(maxsize=4096)
def _outline(footprint: tuple[XY, ...], courtyards: tuple[tuple[XY, ...], ...]) -> Outline:
    outer = clockwise(footprint)
    holes = [clockwise(c) for c in courtyards]
    return Outline(rings=(tuple(outer), *(tuple(h) for h in holes)),
                   polygon=Polygon(outer, holes))


def outline(b: Building) -> Outline:
    """The building's outline (cached per footprint)."""
    return _outline(tuple(map(tuple, b.footprint)), tuple(tuple(map(tuple, c)) for c in b.courtyards))


@dataclass(frozen=True, slots=True)
class RingPosition:
    """Where a point lies on an outline: ring index, distance along the clockwise ring from its
    first vertex (m), edge index, distance from the ring (m) and the outward unit normal."""

    ring: int
    along: float
    edge: int
    distance: float
    normal: XY
    point: XY


def locate(o: Outline, xy: XY, *, outer_only: bool = False) -> RingPosition:
    """The nearest position on any ring of the outline (only the outer ring with
    ``outer_only``).

    >>> o = _outline(((0, 0), (10, 0), (10, 5), (0, 5)), ())
    >>> p = locate(o, (5, -0.2))
    >>> (p.ring, p.edge, round(p.distance, 2), p.normal)
    (0, 3, 0.2, (0.0, -1.0))
    """
    best: RingPosition | None = None
    for ri, ring in enumerate(o.rings[:1] if outer_only else o.rings):
        n = len(ring)
        acc = 0.0
        for ei in range(n):
            (x1, y1), (x2, y2) = ring[ei], ring[(ei + 1) % n]
            dx, dy = x2 - x1, y2 - y1
            length = math.hypot(dx, dy)
            if length == 0:
                continue
            t = max(0.0, min(1.0, ((xy[0] - x1) * dx + (xy[1] - y1) * dy) / (length * length)))
            px, py = x1 + t * dx, y1 + t * dy
            d = math.hypot(xy[0] - px, xy[1] - py)
            if best is None or d < best.distance - 1e-9:
                # clockwise ring, building on the right: outward normal is to the left
                normal = (-dy / length + 0.0, dx / length + 0.0)
                best = RingPosition(ri, acc + t * length, ei, d, normal, (px, py))
            acc += length
    assert best is not None, xy
    return best


def polygons(rings: Sequence[Sequence[Sequence[float]]]):
    """Shapely polygons (a numpy array) of simple rings, made in one call rather than one
    ``Polygon`` per ring: a storey has dozens of rooms, a campus thousands.

    >>> [p.area for p in polygons([[(0, 0), (2, 0), (2, 1)], [(0, 0), (1, 0), (1, 1), (0, 1)]])]
    [1.0, 1.0]
    """
    coords = [pt for ring in rings for pt in ring]
    index = [i for i, ring in enumerate(rings) for _ in ring]
    return shapely.polygons(shapely.linearrings(coords, indices=index))


def ring_length(o: Outline, i: int) -> float:
    ring = o.rings[i]
    return sum(math.dist(a, b) for a, b in zip(ring, ring[1:] + ring[:1]))


def edges(o: Outline, i: int) -> list[tuple[XY, XY]]:
    ring = o.rings[i]
    return [(a, b) for a, b in zip(ring, ring[1:] + ring[:1]) if a != b]


def edge_normal(a: XY, b: XY) -> XY:
    """Outward unit normal of a clockwise edge a -> b (the building on the right).

    >>> edge_normal((0, 0), (0, 1))
    (-1.0, 0.0)
    """
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return (-dy / length + 0.0, dx / length + 0.0)


def bearing_cw(v: XY) -> float:
    """Clockwise angle of a plan vector from plan north (+y), degrees in [0, 360).

    >>> bearing_cw((1, 0)), bearing_cw((0, -1)), bearing_cw((-1, 0))
    (90.0, 180.0, 270.0)
    """
    return math.degrees(math.atan2(v[0], v[1])) % 360.0


def geometry_problems(site: Site, *, tolerance_m: float = ON_OUTLINE_TOLERANCE_M) -> list[Problem]:
    """Geometric checks of a structurally valid site; every problem, in file order.

    Footprints and courtyards must be valid rings with area; exterior doors and windows lie
    within ``tolerance_m`` of the outline or a courtyard ring; stairs lie inside the building;
    room outlines are valid and inside the footprint (with the same tolerance).
    """
    out: list[Problem] = []
    for bi, b in enumerate(site.buildings):
        bp = f"buildings[{bi}]"
        outer = Polygon(b.footprint)
        if outer.convex_hull.area < 1.0 or (outer.is_valid and outer.area < 1.0):
            out.append(Problem(f"{bp}.footprint", f"the outline of building '{b.id}' has no area "
                               f"({outer.area:.2f} m²); give at least three corners that enclose "
                               "the building, in metres"))
            continue
        if not outer.is_valid:
            out.append(Problem(f"{bp}.footprint", f"the outline of building '{b.id}' is not a "
                               f"simple polygon ({explain_validity(outer)}); list its corners in "
                               "order around the building without crossing edges"))
            continue
        bad_court = False
        for ci, c in enumerate(b.courtyards):
            cp = Polygon(c)
            if not cp.is_valid or cp.area < 1.0:
                out.append(Problem(f"{bp}.courtyards[{ci}]", "the courtyard is not a simple polygon "
                                   "with area; list its corners in order without crossing edges"))
                bad_court = True
            elif not outer.contains(cp):
                out.append(Problem(f"{bp}.courtyards[{ci}]", f"the courtyard is not inside the "
                                   f"outline of building '{b.id}'; courtyards are holes in the footprint"))
                bad_court = True
        if bad_court:
            continue
        o = outline(b)
        poly = o.polygon
        for di, d in enumerate(b.doors):
            if d.kind == DoorKind.inner:
                continue
            pos = locate(o, d.at)
            if pos.distance > tolerance_m:
                out.append(Problem(f"{bp}.doors[{di}].at", f"point ({d.at[0]:g}, {d.at[1]:g}) is "
                                   f"{pos.distance:.1f} m from the outline of building '{b.id}'; "
                                   f"{d.kind.value.replace('_', ' ')} doors must lie on it "
                                   f"(tolerance {tolerance_m:g} m); nearest outline point is "
                                   f"({pos.point[0]:.2f}, {pos.point[1]:.2f})"))
        for wi, w in enumerate(b.windows):
            pos = locate(o, w.at)
            if pos.distance > tolerance_m:
                out.append(Problem(f"{bp}.windows[{wi}].at", f"point ({w.at[0]:g}, {w.at[1]:g}) is "
                                   f"{pos.distance:.1f} m from the outline of building '{b.id}'; "
                                   f"exterior windows must lie on it (tolerance {tolerance_m:g} m)"))
        for si, s in enumerate(b.stairs):
            if not poly.contains(Point(s.at)):
                out.append(Problem(f"{bp}.stairs[{si}].at", f"point ({s.at[0]:g}, {s.at[1]:g}) is "
                                   f"not inside building '{b.id}'; a stair is placed inside its building"))
        grown = poly.buffer(tolerance_m)
        for ri, r in enumerate(b.rooms):
            if not r.polygon:
                continue
            rp = Polygon(r.polygon)
            if not rp.is_valid or rp.area <= 0:
                out.append(Problem(f"{bp}.rooms[{ri}].polygon", f"the outline of room '{r.id}' is "
                                   "not a simple polygon with area; list its corners in order"))
            elif not grown.contains(rp):
                out.append(Problem(f"{bp}.rooms[{ri}].polygon", f"room '{r.id}' reaches outside "
                                   f"building '{b.id}'; room outlines lie inside the footprint"))
    return out


def exterior_doors(b: Building):
    """The building's doors of an exterior kind, in file order."""
    return [d for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS]


def nearest_line_distance(lines, xy: XY) -> float | None:
    """Distance (m) from a point to the nearest of ``lines`` (a shapely STRtree-ready list)."""
    if not lines:
        return None
    pt = Point(xy)
    return min(line.distance(pt) for line in lines)


class LineIndex:
    """Nearest-line queries over roads and fire lanes with an STRtree (no quadratic scans)."""

    def __init__(self, lines: Sequence[Sequence[XY]]):
        self.geoms = [LineString(line) for line in lines]
        self.tree = shapely.STRtree(self.geoms) if self.geoms else None

    def __bool__(self) -> bool:
        return self.tree is not None

    def nearest(self, xy: XY) -> tuple[float, XY] | None:
        """(distance m, nearest point) or None when there are no lines."""
        if self.tree is None:
            return None
        pt = Point(xy)
        i = int(self.tree.nearest(pt))
        g = self.geoms[i]
        q = g.interpolate(g.project(pt))
        return pt.distance(g), (q.x, q.y)


__all__ = [
    "LineIndex",
    "ON_OUTLINE_TOLERANCE_M",
    "Outline",
    "RingPosition",
    "bearing_cw",
    "clockwise",
    "edge_normal",
    "edges",
    "exterior_doors",
    "geometry_problems",
    "locate",
    "outline",
    "ring_length",
]
