"""The layout stage's bridge between the site model and shapely (importers use shapely on
their own source geometry).

Plan coordinates are metres, ``y`` north of the plan. Rings are normalised to **clockwise**
order seen from above (``y`` up): walking a clockwise ring, the building is on your right, which
is the order the Gütersloh model and US practice number doors in.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
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
    #: Lazily built lookups (ring lengths, the edge index of :func:`locate`); not compared.
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


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

    Outlines of up to :data:`INDEX_MIN_EDGES` edges are walked edge by edge; longer ones
    (a traced or imported footprint has thousands of corners, and every door, window, stair
    and room asks) go through an STRtree of their edges, built once per outline, so that a
    query costs O(log n) instead of O(n). Both ways give the same position: the index only
    picks the few edges that can be nearest, which are then measured as in the walk.

    >>> o = _outline(((0, 0), (10, 0), (10, 5), (0, 5)), ())
    >>> p = locate(o, (5, -0.2))
    >>> (p.ring, p.edge, round(p.distance, 2), p.normal)
    (0, 3, 0.2, (0.0, -1.0))
    """
    idx = _edge_index(o, outer_only)
    if idx.tree is None:
        cands: Sequence[int] = range(len(idx.edges))
    else:
        pt = Point(xy)
        _, dist = idx.tree.query_nearest(pt, return_distance=True, all_matches=False)
        # every edge that can be nearest by the walk's rule (within 1e-9 of the minimum),
        # with a margin for the difference between GEOS's and this module's arithmetic
        cands = sorted(int(i) for i in idx.tree.query(pt, predicate="dwithin",
                                                      distance=float(dist[0]) + 1e-6))
    best: RingPosition | None = None
    edges_ = idx.edges
    for k in cands:
        ri, ei, x1, y1, dx, dy, length, acc = edges_[k]
        t = max(0.0, min(1.0, ((xy[0] - x1) * dx + (xy[1] - y1) * dy) / (length * length)))
        px, py = x1 + t * dx, y1 + t * dy
        d = math.hypot(xy[0] - px, xy[1] - py)
        if best is None or d < best.distance - 1e-9:
            # clockwise ring, building on the right: outward normal is to the left
            normal = (-dy / length + 0.0, dx / length + 0.0)
            best = RingPosition(ri, acc + t * length, ei, d, normal, (px, py))
    assert best is not None, xy
    return best


#: Outlines with more edges than this get an STRtree of their edges for :func:`locate`.
INDEX_MIN_EDGES = 64

_Edge = tuple[int, int, float, float, float, float, float, float]


@dataclass(frozen=True, slots=True)
class _EdgeIndex:
    """The edges of an outline's rings (zero-length ones left out) in walking order: ring,
    edge index, start point, direction, length and the distance along the ring to the
    edge's start; an STRtree of them when there are many."""

    edges: tuple[_Edge, ...]
    tree: shapely.STRtree | None


def _edge_index(o: Outline, outer_only: bool) -> _EdgeIndex:
    key = ("edges", outer_only or len(o.rings) == 1)
    got = o.cache.get(key)
    if got is not None:
        return got
    out: list[_Edge] = []
    for ri, ring in enumerate(o.rings[:1] if key[1] else o.rings):
        n = len(ring)
        acc = 0.0
        for ei in range(n):
            (x1, y1), (x2, y2) = ring[ei], ring[(ei + 1) % n]
            dx, dy = x2 - x1, y2 - y1
            length = math.hypot(dx, dy)
            if length == 0:
                continue
            out.append((ri, ei, x1, y1, dx, dy, length, acc))
            acc += length
    tree = None
    if len(out) > INDEX_MIN_EDGES:
        a = np.array([(e[2], e[3], e[2] + e[4], e[3] + e[5]) for e in out], dtype=float)
        tree = shapely.STRtree(shapely.linestrings(a.reshape(-1, 2, 2)))
    got = _EdgeIndex(tuple(out), tree)
    o.cache[key] = got
    return got


def distances_to_ring(ring: Sequence[Sequence[float]], points: Sequence[XY]) -> list[float]:
    """Distance (m) from each point to the polyline ``ring`` (as ``LineString.distance``),
    through an STRtree of its segments: O((n + m) log n) for n segments and m points, where
    measuring each point against the whole line would be O(n m).

    >>> distances_to_ring([(0, 0), (10, 0), (10, 10)], [(5, 1), (12, 5)])
    [1.0, 2.0]
    """
    if not points:
        return []
    pts = np.asarray(ring, dtype=float)[:, :2]
    segs = np.concatenate([pts[:-1], pts[1:]], axis=1)
    segs = segs[(segs[:, 0] != segs[:, 2]) | (segs[:, 1] != segs[:, 3])]
    if len(segs) == 0:
        return [math.dist(pts[0], p) for p in points]
    tree = shapely.STRtree(shapely.linestrings(segs.reshape(-1, 2, 2)))
    (qi, _), dist = tree.query_nearest(shapely.points(np.asarray(points, dtype=float)),
                                       return_distance=True, all_matches=False)
    out = [0.0] * len(points)
    for i, d in zip(qi.tolist(), dist.tolist(), strict=True):
        out[i] = d
    return out


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
    """Length of ring ``i`` (m), measured once per outline (walking keys ask per door)."""
    key = ("length", i)
    got = o.cache.get(key)
    if got is None:
        ring = o.rings[i]
        got = o.cache[key] = sum(math.dist(a, b) for a, b in zip(ring, ring[1:] + ring[:1]))
    return got


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

    Footprints and courtyards must be valid rings with area; courtyards lie inside the
    footprint, apart from each other and from the outline (a courtyard that shares a wall
    with the outside is a notch of the footprint); two buildings do not cover the same ground
    (overlapping by :data:`MAX_BUILDING_OVERLAP` of the smaller one or more: the same
    building entered twice, or a wrong outline); exterior doors and windows lie within
    ``tolerance_m`` of the outline or a courtyard ring, or of their storey's own outline or
    courtyards; stairs lie inside the building (or a storey they serve); room outlines are
    valid and inside their storey's outline (the footprint where the storey has none), with
    the same tolerance.

    A storey's own outline (:func:`storey_shapes`) is a valid ring with area that shares
    ground with the footprint (an upper storey may overhang it, a basement reach beyond
    it); its courtyards lie inside it.
    """
    out: list[Problem] = []
    shapes: list[tuple[int, Building, Polygon]] = []
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
        if not bad_court and len(b.courtyards) > 1:
            bad_court = _overlapping_courtyards(b, bp, out)
        if not bad_court and b.courtyards:
            whole = Polygon(b.footprint, [list(c) for c in b.courtyards])
            if not whole.is_valid:
                out.append(Problem(f"{bp}.courtyards", f"the courtyards of building '{b.id}' "
                                   f"touch its outline or each other along a wall "
                                   f"({explain_validity(whole)}); a courtyard lies wholly inside "
                                   "the footprint: one open to the outside is part of the "
                                   "outline, two that share a wall are one courtyard"))
                bad_court = True
        if bad_court:
            continue
        o = outline(b)
        poly = o.polygon
        shapes.append((bi, b, poly))
        storeys = storey_shapes(b, bp, out)

        def off(at: XY, level: int, _o=o, _storeys=storeys) -> RingPosition | None:
            """Where ``at`` is farther than the tolerance from the footprint's rings and from
            those of its storey's own outline: the nearest footprint position, else None."""
            pos = locate(_o, at)
            own = _storeys.get(level)
            if pos.distance <= tolerance_m or (
                    own is not None and locate(own, at).distance <= tolerance_m):
                return None
            return pos

        for di, d in enumerate(b.doors):
            if d.kind == DoorKind.inner:
                continue
            pos = off(d.at, d.level)
            if pos is not None:
                out.append(Problem(f"{bp}.doors[{di}].at", f"point ({d.at[0]:g}, {d.at[1]:g}) is "
                                   f"{pos.distance:.1f} m from the outline of building '{b.id}'"
                                   f"{_storey_words(storeys, d.level)}; "
                                   f"{d.kind.value.replace('_', ' ')} doors must lie on it "
                                   f"(tolerance {tolerance_m:g} m); nearest outline point is "
                                   f"({pos.point[0]:.2f}, {pos.point[1]:.2f})"))
        for wi, w in enumerate(b.windows):
            pos = off(w.at, w.level)
            if pos is not None:
                out.append(Problem(f"{bp}.windows[{wi}].at", f"point ({w.at[0]:g}, {w.at[1]:g}) is "
                                   f"{pos.distance:.1f} m from the outline of building '{b.id}'"
                                   f"{_storey_words(storeys, w.level)}; exterior windows must lie "
                                   f"on it (tolerance {tolerance_m:g} m)"))
        for si, s in enumerate(b.stairs):
            inside = [poly, *(storeys[lv].polygon for lv in s.levels if lv in storeys)]
            if not any(g.contains(Point(s.at)) for g in inside):
                out.append(Problem(f"{bp}.stairs[{si}].at", f"point ({s.at[0]:g}, {s.at[1]:g}) is "
                                   f"not inside building '{b.id}'; a stair is placed inside its building"))
        _rooms_inside(b, bp, poly, storeys, tolerance_m, out)
    out += _overlapping_buildings(shapes)
    return out


def _storey_words(storeys: dict[int, Outline], level: int) -> str:
    return f" and from the outline of its storey {level}" if level in storeys else ""


def storey_shapes(b: Building, bp: str, out: list[Problem]) -> dict[int, Outline]:
    """The storeys of ``b`` with a shape of their own, as :class:`Outline` by level: their
    ``outline`` (the footprint where they give courtyards alone, then with the building's
    courtyards too) with their courtyards as holes. Problems (appended to ``out``) for an
    outline that is not a simple ring with area or shares no ground with the footprint (an
    upper storey may overhang it, not stand apart), and for storey courtyards not inside
    the outline or touching it or each other; such a storey is left out (its rooms are
    checked against the footprint)."""
    foot = Polygon(b.footprint, [list(c) for c in b.courtyards])
    got: dict[int, Outline] = {}
    for si, st in enumerate(b.storeys):
        if st.outline is None and not st.courtyards:
            continue
        sp = f"{bp}.storeys[{si}]"
        ring = Polygon(st.outline or b.footprint)
        if not ring.is_valid or ring.area < 1.0:
            out.append(Problem(f"{sp}.outline", f"the outline of storey {st.level} of building "
                               f"'{b.id}' is not a simple polygon with area; list its corners in "
                               "order around the storey without crossing edges"))
            continue
        if foot.is_valid and not ring.intersection(foot).area > 0:
            out.append(Problem(f"{sp}.outline", f"the outline of storey {st.level} shares no "
                               f"ground with the footprint of building '{b.id}'; a storey may "
                               "overhang the footprint, not stand apart from it: check its "
                               "coordinates (or enter it as a building of its own)"))
            continue
        bad = False
        for ci, c in enumerate(st.courtyards):
            cp = Polygon(c)
            if not cp.is_valid or cp.area < 1.0 or not ring.contains(cp):
                out.append(Problem(f"{sp}.courtyards[{ci}]", f"the courtyard is not a simple "
                                   f"polygon with area inside the outline of storey {st.level}; "
                                   "storey courtyards are holes in the storey's outline"))
                bad = True
        holes = [*(b.courtyards if st.outline is None else ()), *st.courtyards]
        whole = _outline(tuple(map(tuple, st.outline or b.footprint)),
                         tuple(tuple(map(tuple, c)) for c in holes))
        if not bad and st.courtyards and not whole.polygon.is_valid:
            out.append(Problem(f"{sp}.courtyards", f"the courtyards of storey {st.level} touch "
                               "its outline or each other along a wall; a courtyard lies wholly "
                               "inside the outline, two that share a wall are one"))
            bad = True
        if not bad:
            got[st.level] = whole
    return got


def _rooms_inside(b: Building, bp: str, poly: Polygon, storeys: dict[int, Outline],
                  tolerance_m: float, out: list[Problem]) -> None:
    """Problems for room outlines that are not simple, or reach outside their storey's
    outline (the footprint where the storey has none of its own)."""
    grown: dict[int | None, Polygon] = {None: poly.buffer(tolerance_m)}
    for ri, r in enumerate(b.rooms):
        if not r.polygon:
            continue
        rp = Polygon(r.polygon)
        path = f"{bp}.rooms[{ri}].polygon"
        if not rp.is_valid or rp.area <= 0:
            out.append(Problem(path, f"the outline of room '{r.id}' is not a simple polygon "
                               "with area; list its corners in order"))
            continue
        key = r.level if r.level in storeys else None
        if key not in grown:
            grown[key] = storeys[r.level].polygon.buffer(tolerance_m)
        if grown[key].contains(rp):
            continue
        if key is None:
            out.append(Problem(path, f"room '{r.id}' reaches outside building '{b.id}'; room "
                               "outlines lie inside the footprint"))
        else:
            out.append(Problem(path, f"room '{r.id}' reaches outside the outline of storey "
                               f"{r.level} of building '{b.id}'; room outlines lie inside their "
                               "storey's outline"))


#: Two buildings whose footprints overlap by this share of the smaller one or more are an
#: error: the same building entered twice, or an outline in the wrong place. Buildings that
#: only share a wall (terraced houses, an extension) overlap by nothing or by a sliver.
MAX_BUILDING_OVERLAP = 0.1


def _overlapping_courtyards(b: Building, bp: str, out: list[Problem]) -> bool:
    """Problems for courtyards of one building that overlap each other (STRtree pairs)."""
    courts = polygons([c for c in b.courtyards])
    tree = shapely.STRtree(courts)
    left, right = tree.query(courts, predicate="intersects")
    bad = False
    for i, j in sorted({(int(min(a, c)), int(max(a, c))) for a, c in zip(left, right) if a != c}):
        shared = courts[i].intersection(courts[j]).area
        if shared > 1e-6:
            same = shared >= 0.999 * min(courts[i].area, courts[j].area)
            out.append(Problem(f"{bp}.courtyards[{j}]", f"the courtyard "
                               f"{'is the same as' if same else 'overlaps'} courtyard {i} of "
                               f"building '{b.id}' ({shared:.1f} m² in common); list each "
                               "courtyard once, as one ring"))
            bad = True
    return bad


def _overlapping_buildings(shapes: list[tuple[int, Building, Polygon]]) -> list[Problem]:
    """Problems for pairs of buildings that cover the same ground (STRtree pairs, so a campus
    of thousands of buildings is not compared all against all)."""
    if len(shapes) < 2:
        return []
    geoms = [p for _, _, p in shapes]
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    out = []
    for i, j in sorted({(int(min(a, c)), int(max(a, c))) for a, c in zip(left, right) if a != c}):
        (bi, a, pa), (bj, b, pb) = shapes[i], shapes[j]
        shared = pa.intersection(pb).area
        smaller = min(pa.area, pb.area)
        if smaller <= 0 or shared < MAX_BUILDING_OVERLAP * smaller:
            continue
        if shared >= 0.999 * max(pa.area, pb.area):
            what = f"has the same outline as building '{a.id}' (buildings[{bi}])"
            fix = "it is the same building entered twice: remove one"
        else:
            what = (f"overlaps building '{a.id}' (buildings[{bi}]) by {shared:.0f} m² "
                    f"({shared / smaller:.0%} of the smaller)")
            fix = ("buildings cover their own ground: correct the outline, or enter one building "
                   "with both parts in its footprint")
        out.append(Problem(f"buildings[{bj}].footprint", f"building '{b.id}' {what}; {fix}"))
    return out


def exterior_doors(b: Building):
    """The building's doors of an exterior kind, in file order."""
    return [d for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS]


#: Roads longer than this many points are split into pieces of this many for :class:`LineIndex`.
LINE_CHUNK_POINTS = 64


class LineIndex:
    """Nearest-line queries over roads and fire lanes with an STRtree (no quadratic scans).

    A long line (an imported road has thousands of points) is split into pieces of at most
    :data:`LINE_CHUNK_POINTS` points that share their ends, so that a query measures one
    short piece rather than the whole line: the nearest piece holds the nearest point of
    the line, at the same distance."""

    def __init__(self, lines: Sequence[Sequence[XY]]):
        self.geoms: list[LineString] = []
        step = LINE_CHUNK_POINTS - 1
        for line in lines:
            pts = [tuple(p) for p in line]
            if len(pts) <= LINE_CHUNK_POINTS:
                self.geoms.append(LineString(pts))
                continue
            for i in range(0, len(pts) - 1, step):
                self.geoms.append(LineString(pts[i:i + step + 1]))
        self.tree = shapely.STRtree(self.geoms) if self.geoms else None

    def __bool__(self) -> bool:
        return self.tree is not None

    def nearest(self, xy: XY) -> tuple[float, XY] | None:
        """(distance m, nearest point) or None when there are no lines; of equally near
        lines the first in file order."""
        if self.tree is None:
            return None
        pt = Point(xy)
        i = int(min(self.tree.query_nearest(pt, all_matches=True)))
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
    "distances_to_ring",
    "edge_normal",
    "edges",
    "exterior_doors",
    "geometry_problems",
    "locate",
    "outline",
    "ring_length",
    "storey_shapes",
]
