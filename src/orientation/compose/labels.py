"""Collision-free label placement on a map page (paper millimetres, origin top-left, y down).

A :class:`Placer` keeps everything already drawn that a label must not cover: text boxes, code
boxes, symbols and leader lines (axis-aligned boxes, fast), plus a few polygons (rotated road
names, building outlines as *areas*). Callers generate candidate positions in order of
preference (:func:`around`, :func:`along_normal`) and take the first free one with
:meth:`Placer.first_free`; a label with no free candidate becomes a numbered callout.

Text boxes, box arithmetic, the candidate generators and :func:`wrap` live in
:mod:`orientation.compose.label_boxes` and are re-exported here, so ``labels.text_box`` and
the rest still work; this module keeps the obstacles (exact plain-float predicates) and the
:class:`Placer`.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import NamedTuple

import numpy as np
import shapely
from shapely import get_coordinates

from .label_boxes import (
    ASCENT,
    DESCENT,
    DIRECTIONS_8,
    SHY,
    XY,
    Box,
    along_normal,
    around,
    box_distance,
    centred,
    grow,
    inside,
    nearest_on_box,
    overlaps,
    rotated_rect,
    text_box,
    text_height,
    wrap,
)

Seg = tuple[float, float, float, float]  # x0, y0, x1, y1: a segment's two ends


#: What a leader line may not cross: other labels, codes, symbols, door marks and leaders.
LEADER_AVOIDS = ("label", "code", "symbol", "mark", "leader")


# -- plain-float geometry for the placer --------------------------------------------------
#
# A page tests tens of thousands of candidate boxes; building a shapely geometry for each
# one cost more than the test itself. Obstacles are therefore kept as plain floats: boxes,
# capsules (a line of some width with round ends, what a buffered segment is) and areas
# (polygons with holes as even-odd rings), and tested with the few exact predicates below.
# As with shapely's ``intersects``, touching counts as meeting.


def _seg_meets_box(ax: float, ay: float, bx: float, by: float, b: Box) -> bool:
    """True when the segment a-b meets the closed box (Liang-Barsky clipping)."""
    x0, y0, x1, y1 = b
    if (ax < x0 and bx < x0) or (ax > x1 and bx > x1) or (ay < y0 and by < y0) or (
            ay > y1 and by > y1):
        return False
    t0, t1 = 0.0, 1.0
    dx, dy = bx - ax, by - ay
    for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            if t > t1:
                return False
            t0 = max(t0, t)
        else:
            if t < t0:
                return False
            t1 = min(t1, t)
    return True


def _point_seg_dist(px: float, py: float, ax: float, ay: float, bx: float, by: float) -> float:
    dx, dy = bx - ax, by - ay
    ll = dx * dx + dy * dy
    t = 0.0 if ll == 0 else min(max(((px - ax) * dx + (py - ay) * dy) / ll, 0.0), 1.0)
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def point_segment_distance(p: XY, a: XY, b: XY) -> float:
    """Distance from ``p`` to the segment a-b.

    >>> point_segment_distance((1, 1), (0, 0), (2, 0)), point_segment_distance((3, 0), (0, 0), (2, 0))
    (1.0, 1.0)
    """
    return _point_seg_dist(p[0], p[1], a[0], a[1], b[0], b[1])


def _orient(ax: float, ay: float, bx: float, by: float, cx: float, cy: float) -> float:
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)


def _segs_meet(a: Seg, c: Seg) -> bool:
    """True when two closed segments (x0, y0, x1, y1) meet, touching and overlap included."""
    ax, ay, bx, by = a
    cx, cy, dx, dy = c
    if (max(ax, bx) < min(cx, dx) or max(cx, dx) < min(ax, bx) or max(ay, by) < min(cy, dy)
            or max(cy, dy) < min(ay, by)):
        return False
    d1, d2 = _orient(cx, cy, dx, dy, ax, ay), _orient(cx, cy, dx, dy, bx, by)
    d3, d4 = _orient(ax, ay, bx, by, cx, cy), _orient(ax, ay, bx, by, dx, dy)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    # touching: an end of one lies on the other
    return ((d1 == 0 and _within(c, ax, ay)) or (d2 == 0 and _within(c, bx, by))
            or (d3 == 0 and _within(a, cx, cy)) or (d4 == 0 and _within(a, dx, dy)))


def _within(s: Seg, x: float, y: float) -> bool:
    """True when ``(x, y)``, known to lie on the line through ``s``, lies on ``s``."""
    return (min(s[0], s[2]) <= x <= max(s[0], s[2])) and (min(s[1], s[3]) <= y <= max(s[1], s[3]))


def _seg_seg_dist(a: Seg, c: Seg) -> float:
    if _segs_meet(a, c):
        return 0.0
    return min(_point_seg_dist(a[0], a[1], *c), _point_seg_dist(a[2], a[3], *c),
               _point_seg_dist(c[0], c[1], *a), _point_seg_dist(c[2], c[3], *a))


def _box_seg_dist(b: Box, s: Seg) -> float:
    """Distance between a closed box and a segment (0 when they meet)."""
    if _seg_meets_box(*s, b):
        return 0.0
    x0, y0, x1, y1 = b
    return min(box_distance(b, (s[0], s[1])), box_distance(b, (s[2], s[3])),
               *(_point_seg_dist(x, y, *s) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))))


#: Areas with more edges than this are queried through an STRtree of their edges.
AREA_INDEX_MIN_EDGES = 128


class _Area:
    """Polygons with holes as a list of edges; inside is even-odd over all rings."""

    __slots__ = ("edges", "_tree", "_box")

    def __init__(self, rings: Iterable[Sequence[Sequence[float]]]) -> None:
        edges: list[Seg] = []
        for ring in rings:
            pts = [(float(p[0]), float(p[1])) for p in ring]
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            edges += [(*pts[i - 1], *pts[i]) for i in range(len(pts))]
        self.edges = edges
        self._tree: shapely.STRtree | None = None
        self._box: Box | None = None

    def near(self, x0: float, y0: float, x1: float, y1: float) -> Sequence[Seg]:
        """The edges whose bounds meet the closed box (x0, y0)-(x1, y1), or all edges.

        An area of more than :data:`AREA_INDEX_MIN_EDGES` edges (a traced footprint, a
        winding road's band) answers from an STRtree of its edges, so that a query costs
        O(log n) rather than a look at every edge; each predicate below then tests the same
        edges it would have found by looking at all of them, with the same arithmetic."""
        edges = self.edges
        if len(edges) <= AREA_INDEX_MIN_EDGES:
            return edges
        if self._tree is None:
            a = np.asarray(edges, dtype=float)
            self._tree = shapely.STRtree(shapely.linestrings(a.reshape(-1, 2, 2)))
        hits = self._tree.query(shapely.box(x0, y0, x1, y1))
        return [edges[i] for i in sorted(hits.tolist())]

    @classmethod
    def of(cls, geom) -> _Area:
        """The area of a shapely Polygon or MultiPolygon."""
        rings = []
        for part in getattr(geom, "geoms", (geom,)):
            if part.geom_type != "Polygon":
                raise TypeError(f"the placer takes areas (polygons), not a {part.geom_type}")
            if not part.is_empty:
                # get_coordinates: one array per ring (walking a coordinate sequence point
                # by point is slow in shapely 2)
                rings += [get_coordinates(r) for r in (part.exterior, *part.interiors)]
        # Edges straight from the coordinate arrays, zipped in C: buffered road bands have
        # thousands of points, and the per-point loop of __init__ cost ~1 ms per area. The
        # edges come out exactly as __init__ makes them (closing point dropped, the ring's
        # first edge from its last point to its first).
        area = cls(())
        edges = area.edges
        for ring in rings:
            if len(ring) > 1 and (ring[0] == ring[-1]).all():
                ring = ring[:-1]
            if len(ring) == 0:
                continue
            xs, ys = ring[:, 0].tolist(), ring[:, 1].tolist()
            edges += zip(xs[-1:] + xs[:-1], ys[-1:] + ys[:-1], xs, ys)
        return area

    def bounds(self) -> Box:
        if self._box is None:
            xs = [v for e in self.edges for v in (e[0], e[2])]
            ys = [v for e in self.edges for v in (e[1], e[3])]
            self._box = (min(xs), min(ys), max(xs), max(ys))
        return self._box

    def covers(self, x: float, y: float) -> bool:
        """Inside (even-odd); points on an edge may go either way, callers test edges first."""
        inside = False
        # only edges that reach the ray from (x, y) to the right can cross it
        edges = self.edges if len(self.edges) <= AREA_INDEX_MIN_EDGES else self.near(
            x, y, max(self.bounds()[2], x), y)
        for x0, y0, x1, y1 in edges:
            if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
                inside = not inside
        return inside

    def meets_box(self, b: Box) -> bool:
        x0, y0, x1, y1 = b
        for ex0, ey0, ex1, ey1 in self.near(x0, y0, x1, y1):
            # most edges of an outline lie wholly beside the box: skip them without a call
            if (ex0 < x0 and ex1 < x0) or (ex0 > x1 and ex1 > x1) or (
                    ey0 < y0 and ey1 < y0) or (ey0 > y1 and ey1 > y1):
                continue
            if _seg_meets_box(ex0, ey0, ex1, ey1, b):
                return True
        return self.covers(x0, y0)  # no edge meets it: wholly inside or wholly outside

    def meets_segment(self, s: Seg) -> bool:
        near = self.near(min(s[0], s[2]), min(s[1], s[3]), max(s[0], s[2]), max(s[1], s[3]))
        return any(_segs_meet(e, s) for e in near) or self.covers(s[0], s[1])

    def meets_point(self, x: float, y: float) -> bool:
        return self.covers(x, y) or any(_point_seg_dist(x, y, *e) == 0
                                        for e in self.near(x, y, x, y))

    def meets_area(self, other: _Area) -> bool:
        small, big = (self, other) if len(self.edges) <= len(other.edges) else (other, self)
        if any(_segs_meet(e, f) for e in small.edges
               for f in big.near(min(e[0], e[2]), min(e[1], e[3]), max(e[0], e[2]),
                                 max(e[1], e[3]))):
            return True
        return bool(other.edges and self.covers(other.edges[0][0], other.edges[0][1])) or bool(
            self.edges and other.covers(self.edges[0][0], self.edges[0][1]))


class _Capsule:
    """A segment of half-width ``r`` with round ends (a line drawn ``2 r`` wide).

    Exact, where a shapely buffer is a polygon inscribed in the round ends (the two differ by
    less than 1 % of ``r``)."""

    __slots__ = ("seg", "r", "_aligned")

    def __init__(self, a: XY, b: XY, r: float) -> None:
        self.seg: Seg = (float(a[0]), float(a[1]), float(b[0]), float(b[1]))
        self.r = r
        ax, ay, bx, by = self.seg
        # Door marks and window ticks on walls that run along the paper's axes (the usual
        # case: the plan is turned so that the main access faces down) are boxes of no
        # width or height, and the distance of two boxes needs no clipping.
        self._aligned: Box | None = ((min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))
                                     if ax == bx or ay == by else None)

    def bounds(self) -> Box:
        ax, ay, bx, by = self.seg
        r = self.r
        return (min(ax, bx) - r, min(ay, by) - r, max(ax, bx) + r, max(ay, by) + r)

    def meets_box(self, b: Box) -> bool:
        r = self.r
        al = self._aligned
        if al is not None:
            dx = max(b[0] - al[2], al[0] - b[2], 0.0)
            dy = max(b[1] - al[3], al[1] - b[3], 0.0)
            return math.hypot(dx, dy) <= r
        seg = self.seg
        if _seg_meets_box(*seg, b):
            return True
        # farther than r along x or y: clear without measuring the distance
        if not _seg_meets_box(*seg, (b[0] - r, b[1] - r, b[2] + r, b[3] + r)):
            return False
        return _box_seg_dist(b, seg) <= r

    def meets_segment(self, s: Seg) -> bool:
        return _seg_seg_dist(self.seg, s) <= self.r

    def meets_point(self, x: float, y: float) -> bool:
        return _point_seg_dist(x, y, *self.seg) <= self.r

    def meets_area(self, area: _Area) -> bool:
        x0, y0, x1, y1 = self.bounds()
        return area.covers(self.seg[0], self.seg[1]) or any(
            _seg_seg_dist(self.seg, e) <= self.r for e in area.near(x0, y0, x1, y1))


class Obstacle(NamedTuple):
    """Something on the page: its bounding box, kind, exact outline (None when the box is
    the outline) and owner. A flat tuple, so the placer's inner loop unpacks it at once."""

    x0: float
    y0: float
    x1: float
    y1: float
    kind: str
    shape: _Area | _Capsule | None = None
    owner: str = ""

    @property
    def box(self) -> Box:
        return (self.x0, self.y0, self.x1, self.y1)


#: A search for a free place looks at no more candidate boxes than this (the generators of
#: :mod:`.label_boxes` yield at most a few hundred)...
MAX_CANDIDATES = 512
#: ... and at no more obstacles than this (see :attr:`Placer.work`): past it, the label
#: goes to a callout or the notes.
SEARCH_BUDGET = 5_000


class Placer:
    """Everything on one page that labels must keep clear of.

    ``kind`` names what an obstacle is: ``label`` (text), ``code`` (door/stair boxes),
    ``symbol``, ``leader``, ``area`` (building outlines: only labels that must stay outside
    test against them), ``mark`` (door marks, window ticks: small things not to hide).

    Obstacles sit in a uniform grid of ``_cell`` mm, so a query looks only at the few
    obstacles near it and a page's cost stays linear in its number of labels.
    """

    HARD = frozenset({"label", "code", "symbol", "leader", "mark"})

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.items: list[Obstacle] = []
        self._cell = 20.0
        self._grid: dict[tuple[int, int], list[Obstacle]] = {}
        #: Obstacles looked at so far (every query adds the lengths of the grid cells it
        #: reads): the measure of work that bounds a search (:data:`SEARCH_BUDGET`).
        self.work = 0

    # -- bookkeeping -------------------------------------------------------------------
    def _cells(self, b: Box) -> list[list[Obstacle]]:
        """The grid cells that ``b`` touches (their obstacle lists).

        An obstacle spanning several of them is listed in each: the predicates below only
        answer yes or no, so meeting one twice costs a repeated test, never a wrong answer,
        and that is cheaper than removing duplicates for every query."""
        c, grid = self._cell, self._grid
        i0, i1 = math.floor(b[0] / c), math.floor(b[2] / c)
        j0, j1 = math.floor(b[1] / c), math.floor(b[3] / c)
        if i0 == i1 and j0 == j1:  # the usual case: a label smaller than a cell
            cell = grid.get((i0, j0))
            return [cell] if cell else []
        return [cell for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)
                if (cell := grid.get((i, j)))]

    def _add(self, x0: float, y0: float, x1: float, y1: float, kind: str,
             shape: _Area | _Capsule | None, owner: str) -> None:
        ob = Obstacle(x0, y0, x1, y1, kind, shape, owner)
        self.items.append(ob)
        c, grid = self._cell, self._grid
        for i in range(math.floor(x0 / c), math.floor(x1 / c) + 1):
            for j in range(math.floor(y0 / c), math.floor(y1 / c) + 1):
                grid.setdefault((i, j), []).append(ob)

    def add_box(self, b: Box, kind: str = "label", owner: str = "") -> None:
        self._add(*b, kind, None, owner)

    def add_polygon(self, pts: Sequence[XY], kind: str = "label", owner: str = "") -> None:
        """A simple polygon (a turned label's rectangle)."""
        area = _Area([pts])
        self._add(*area.bounds(), kind, area, owner)

    def add_geometry(self, geom, kind: str, owner: str = "") -> None:
        """A shapely Polygon or MultiPolygon (road bands, building outlines)."""
        area = _Area.of(geom)
        if area.edges:
            self._add(*area.bounds(), kind, area, owner)

    def add_line(self, a: XY, b: XY, kind: str = "leader", width: float = 0.6,
                 owner: str = "") -> None:
        line = _Capsule(a, b, width / 2)
        self._add(*line.bounds(), kind, line, owner)

    # -- queries -----------------------------------------------------------------------
    def box_free(self, b: Box, *, kinds: Iterable[str] = HARD, ignore: str = "",
                 within: Box | None = None) -> bool:
        """True when ``b`` lies within the page bounds (or ``within``) and covers nothing
        of the given kinds (an obstacle owned by ``ignore`` does not count)."""
        if not inside(b, within or self.bounds):
            return False
        kinds = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
        return self._blocker(b, kinds, ignore) is None

    def _blocker(self, b: Box, kinds: frozenset[str], ignore: str) -> Obstacle | None:
        """An obstacle of one of ``kinds`` (not owned by ``ignore``) that ``b`` covers."""
        x0, y0, x1, y1 = b
        c, grid = self._cell, self._grid
        i0, j0 = math.floor(x0 / c), math.floor(y0 / c)
        if i0 == math.floor(x1 / c) and j0 == math.floor(y1 / c):  # _cells(b), inlined
            one = grid.get((i0, j0))
            cells: Sequence[list[Obstacle]] = (one,) if one else ()
        else:
            cells = self._cells(b)
        for cell in cells:
            self.work += len(cell)
            for ob in cell:
                ox0, oy0, ox1, oy1, kind, shape, owner = ob
                # open boxes: touching edges do not count (as :func:`overlaps`)
                if not (x0 < ox1 and ox0 < x1 and y0 < oy1 and oy0 < y1):
                    continue
                if kind not in kinds or (ignore and owner == ignore):
                    continue
                if shape is None or shape.meets_box(b):
                    return ob
        return None

    def polygon_free(self, pts: Sequence[XY], *, kinds: Iterable[str] = HARD,
                     within: Box | None = None) -> bool:
        """Like :meth:`box_free` for a simple polygon (a turned label)."""
        poly = _Area([pts])
        bb = poly.bounds()
        if not inside(bb, within or self.bounds):
            return False
        kinds = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
        cells = self._cells(bb)
        self.work += sum(map(len, cells))
        for ob in (ob for cell in cells for ob in cell):
            if ob.kind not in kinds or not overlaps(bb, ob.box):
                continue
            if ob.shape is None:
                if poly.meets_box(ob.box):
                    return False
            elif ob.shape.meets_area(poly):
                return False
        return True

    def line_free(self, a: XY, b: XY, *, kinds: Iterable[str] = LEADER_AVOIDS,
                  ignore: str = "", skip_start: float = 1.2) -> bool:
        """True when a leader from ``a`` to ``b`` crosses none of the given kinds; the first
        ``skip_start`` mm (where the leader leaves its own mark) are not tested."""
        dist = math.dist(a, b)
        if dist <= skip_start + 1e-6:
            return True
        start = a
        t = skip_start / dist
        a = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        seg: Seg = (a[0], a[1], b[0], b[1])
        lb = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        kinds = kinds if isinstance(kinds, frozenset) else frozenset(kinds)
        cells = self._cells(lb)
        self.work += sum(map(len, cells))
        for ob in (ob for cell in cells for ob in cell):
            if ob.kind not in kinds or (ignore and ob.owner == ignore):
                continue
            if not (lb[0] <= ob.x1 and ob.x0 <= lb[2] and lb[1] <= ob.y1 and ob.y0 <= lb[3]):
                continue
            # what covers the anchor itself cannot be avoided: the leader starts under it
            shape = ob.shape
            if shape is None:
                x0, y0, x1, y1 = ob.box
                if x0 <= start[0] <= x1 and y0 <= start[1] <= y1:
                    continue
                if _seg_meets_box(*seg, ob.box):
                    return False
            else:
                if shape.meets_point(*start):
                    continue
                if shape.meets_segment(seg):
                    return False
        return True

    def first_free(self, candidates: Iterable[Box], *, kinds: Iterable[str] = HARD,
                   leader_from: XY | None = None, within: Box | None = None,
                   ignore: str = "", leader_min: float = 1.2,
                   leader_kinds: Iterable[str] | None = None) -> Box | None:
        """The first candidate box that is free; with ``leader_from``, its leader (from that
        point to the box) must cross nothing of ``leader_kinds`` either (default: labels,
        codes, symbols, marks and other leaders)."""
        lk = leader_kinds if leader_kinds is not None else LEADER_AVOIDS
        return self.first_free_leading(candidates, (lk,), kinds=kinds, leader_from=leader_from,
                                       within=within, ignore=ignore, leader_min=leader_min)[0]

    def first_free_leading(self, candidates: Iterable[Box], leader_kinds: Sequence[Iterable[str]],
                           *, kinds: Iterable[str] = HARD, leader_from: XY | None = None,
                           within: Box | None = None, ignore: str = "",
                           leader_min: float = 1.2) -> tuple[Box | None, int]:
        """:meth:`first_free` with each of ``leader_kinds`` in turn, looser ones last: the
        first free box whose leader crosses nothing of the first set, else of the second, ...
        Returns (box, index of the set it met) or (None, -1).

        The same as asking :meth:`first_free` once per set, but the boxes are tested once:
        only the leaders differ between the rounds.

        Bounded: at most :data:`MAX_CANDIDATES` candidates are looked at, and the search
        gives up (None, -1) once it has looked at :data:`SEARCH_BUDGET` obstacles, so that a
        label in a dense cluster (hundreds of doors within a few metres, where every test
        meets every neighbour) costs a bounded amount of work and becomes a callout or a
        note instead of a quadratic search."""
        kinds = frozenset(kinds)
        sets = [frozenset(k) for k in leader_kinds]
        free: list[Box] = []
        limit = self.work + SEARCH_BUDGET
        found = self._free_boxes(islice(candidates, MAX_CANDIDATES), kinds, ignore,
                                 within or self.bounds, limit)
        for n, lk in enumerate(sets):
            i = 0
            while True:
                if self.work > limit:
                    return None, -1
                if i < len(free):
                    b = free[i]
                else:
                    nxt = next(found, None)
                    if nxt is None:
                        break
                    b = nxt
                    free.append(b)
                i += 1
                if leader_from is not None and box_distance(b, leader_from) > leader_min:
                    q = nearest_on_box(b, leader_from)
                    if not self.line_free(leader_from, q, kinds=lk, ignore=ignore):
                        continue
                return b, n
        return None, -1

    def _free_boxes(self, candidates: Iterable[Box], kinds: frozenset[str], ignore: str,
                    bounds: Box, limit: float = math.inf) -> Iterator[Box]:
        """The candidates that lie within ``bounds`` and cover nothing of ``kinds``, in order,
        until the placer's work passes ``limit``."""
        # Neighbouring candidates are mostly blocked by the same few things: those are tested
        # first, which turns away about half the candidates without a look at the grid.
        recent: deque[Obstacle] = deque(maxlen=4)
        bx0, by0, bx1, by1 = bounds
        for b in candidates:
            if self.work > limit:
                return
            x0, y0, x1, y1 = b
            if not (bx0 <= x0 and by0 <= y0 and x1 <= bx1 and y1 <= by1):  # inside(b, bounds)
                continue
            # does b cover the obstacle (the open boxes overlap and so do the shapes)? inlined:
            # the open-box test turns most of them away without a call
            for ob in recent:
                if (x0 < ob.x1 and ob.x0 < x1 and y0 < ob.y1 and ob.y0 < y1) and (
                        ob.shape is None or ob.shape.meets_box(b)):
                    break
            else:
                ob = None
            if ob is not None:
                continue
            blocker = self._blocker(b, kinds, ignore)
            if blocker is not None:
                recent.appendleft(blocker)
                continue
            yield b


__all__ = [
    "ASCENT",
    "DIRECTIONS_8",
    "SHY",
    "XY",
    "LEADER_AVOIDS",
    "MAX_CANDIDATES",
    "SEARCH_BUDGET",
    "DESCENT",
    "Box",
    "Placer",
    "along_normal",
    "around",
    "box_distance",
    "centred",
    "grow",
    "inside",
    "nearest_on_box",
    "overlaps",
    "point_segment_distance",
    "rotated_rect",
    "text_box",
    "text_height",
    "wrap",
]
