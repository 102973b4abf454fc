"""Open passages of an IFC model, for :mod:`.ifc`: the virtual space boundaries.

An ``IfcRelSpaceBoundary`` whose ``RelatedBuildingElement`` is an ``IfcVirtualElement``
(``PhysicalOrVirtualBoundary`` ``.VIRTUAL.``) separates two spaces where no wall does: an
open-plan kitchen and the living room, a hall and the corridor it opens into. Each virtual
element that bounds two spaces on one storey is an inner door with ``opening: true`` between
them (:func:`passages`):

* **where**: the middle of the boundary the two room outlines share (:func:`shared_boundary`:
  the parts of their edges that lie on each other, within :data:`TOUCH_M`; the longest part
  where there are several). The element's own placement is not used: it is one end of the
  boundary at best (FZK-Haus places two of its three there);
* **width**: the length of the shared boundary (all its parts), capped at assembly
  (:data:`~._assemble.MAX_OPENING_WIDTH_M`).

A virtual element that bounds one space or more than two, or two on different storeys (an
opening in a floor), or whose spaces' outlines do not meet, gives no door; they are counted
(:class:`Passages`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge, nearest_points, unary_union

from ..model import DoorKind
from ._drafts import DoorDraft, RoomDraft
from ._geometry import XY, polygons_of

#: Two room edges this close to each other (metres) lie on each other: the outlines of two
#: spaces split by a virtual boundary meet there (up to rounding in the source).
TOUCH_M = 0.05
#: Two edges are parallel when the one drifts from the other's line by at most this much
#: per metre along it.
PARALLEL = 0.02
#: A shared piece shorter than this (metres) is a corner touching, not a boundary.
MIN_PIECE_M = 0.01


def _edges(poly: BaseGeometry) -> list[tuple[XY, XY]]:
    out: list[tuple[XY, XY]] = []
    for p in polygons_of(poly):
        for ring in (p.exterior, *p.interiors):
            cs = [(float(x), float(y)) for x, y, *_ in ring.coords]
            out.extend((a, b) for a, b in zip(cs, cs[1:]) if a != b)
    return out


def shared_boundary(a: BaseGeometry, b: BaseGeometry, tol: float = TOUCH_M) -> BaseGeometry:
    """The parts of ``a``'s outline that ``b``'s outline lies on (within ``tol``: parallel
    edges at most that far apart, the overlap of ``b``'s edge projected onto ``a``'s), merged
    into lines; empty where the outlines do not meet along an edge.

    >>> from shapely.geometry import box
    >>> shared_boundary(box(0, 0, 4, 4), box(4, 1, 8, 3)).wkt
    'LINESTRING (4 1, 4 3)'
    >>> round(shared_boundary(box(0, 0, 4, 4), box(4.02, -1, 8, 9)).length, 3)
    4.0
    >>> shared_boundary(box(0, 0, 4, 4), box(4, 4, 8, 8)).is_empty   # a corner only
    True
    """
    ea, eb = _edges(a), _edges(b)
    if not ea or not eb:
        return LineString()
    lines_b = shapely.linestrings([[p, q] for p, q in eb])
    lines_a = shapely.linestrings([[p, q] for p, q in ea])
    pairs = shapely.STRtree(lines_b).query(lines_a, predicate="dwithin", distance=tol)
    pieces: list[LineString] = []
    for ia, ib in zip(*np.asarray(pairs)):
        (px, py), (qx, qy) = ea[int(ia)]
        (rx, ry), (sx, sy) = eb[int(ib)]
        length = math.hypot(qx - px, qy - py)
        ux, uy = (qx - px) / length, (qy - py) / length
        # how far r and s lie from a's line (across) and along it
        dr, ds = (rx - px) * uy - (ry - py) * ux, (sx - px) * uy - (sy - py) * ux
        tr, ts = (rx - px) * ux + (ry - py) * uy, (sx - px) * ux + (sy - py) * uy
        lo, hi = max(0.0, min(tr, ts)), min(length, max(tr, ts))
        if (hi - lo < MIN_PIECE_M or abs(dr) > tol or abs(ds) > tol
                or abs(dr - ds) > PARALLEL * abs(ts - tr)):
            continue
        pieces.append(LineString([(px + ux * lo, py + uy * lo), (px + ux * hi, py + uy * hi)]))
    if not pieces:
        return LineString()
    merged = unary_union(pieces)
    return linemerge(merged) if isinstance(merged, MultiLineString) else merged


def passage_at(a: BaseGeometry, b: BaseGeometry) -> tuple[XY, float] | None:
    """Where an open passage between rooms ``a`` and ``b`` (outlines) is: the middle of the
    longest part of their shared boundary (halfway across to ``b`` where they lie a little
    apart), and the shared boundary's whole length; None where they share none.

    >>> from shapely.geometry import box
    >>> passage_at(box(0, 0, 4, 4), box(4, 1, 8, 5))
    ((4.0, 2.5), 3.0)
    >>> passage_at(box(0, 0, 4, 4), box(5, 0, 8, 4)) is None
    True
    """
    shared = shared_boundary(a, b)
    parts = [g for g in getattr(shared, "geoms", [shared]) if not g.is_empty]
    if not parts:
        return None
    longest = max(parts, key=lambda g: g.length)
    mid = longest.interpolate(0.5, normalized=True)
    _, on_b = nearest_points(mid, b.boundary)
    at = Point((mid.x + on_b.x) / 2, (mid.y + on_b.y) / 2)
    return (float(at.x), float(at.y)), float(sum(g.length for g in parts))


@dataclass
class Passages:
    """The open passages of one building: the door drafts, and the virtual elements that
    gave none (counted by why)."""

    doors: list[DoorDraft] = field(default_factory=list)
    not_two: int = 0       # bound one space, or more than two
    storeys: int = 0       # two spaces on different storeys
    apart: int = 0         # two spaces whose outlines share no boundary (or have none)


def passages(virtuals: Iterable[tuple[str, str | None, Sequence[int]]],
             room_of_space: Mapping[int, RoomDraft]) -> Passages:
    """The open passages of the virtual elements ``virtuals`` (global id, name, the STEP ids
    of the spaces their boundaries bound) among the spaces of one building
    (``room_of_space``: STEP id -> its room draft). An element none of whose spaces is in
    the building is not counted.

    >>> from shapely.geometry import box
    >>> rooms = {1: RoomDraft(0, box(0, 0, 4, 4)), 2: RoomDraft(0, box(4, 0, 8, 4)),
    ...          3: RoomDraft(1, box(0, 0, 8, 4))}
    >>> p = passages([("v1", None, [1, 2]), ("v2", None, [1, 3]), ("v3", None, [2]),
    ...               ("v4", None, [7, 8])], rooms)
    >>> [(d.at, d.width, d.opening, d.between == (rooms[1], rooms[2])) for d in p.doors]
    [((4.0, 2.0), 4.0, True, True)]
    >>> p.not_two, p.storeys, p.apart
    (1, 1, 0)
    """
    out = Passages()
    for gid, name, sids in virtuals:
        mine = [room_of_space[s] for s in dict.fromkeys(sids) if s in room_of_space]
        if not mine:
            continue
        if len(mine) != 2 or len(set(sids)) != 2:
            out.not_two += 1
            continue
        a, b = mine
        if a.level != b.level:
            out.storeys += 1
            continue
        where = (passage_at(a.polygon, b.polygon) if isinstance(a.polygon, Polygon)
                 and isinstance(b.polygon, Polygon) else None)
        if where is None:
            out.apart += 1
            continue
        at, width = where
        out.doors.append(DoorDraft(at=at, level=a.level, kind=DoorKind.inner, width=width,
                                   id_hints=(name, "opening"), source_id=gid,
                                   between=(a, b), opening=True))
    return out


__all__ = ["MIN_PIECE_M", "PARALLEL", "TOUCH_M", "Passages", "passage_at", "passages",
           "shared_boundary"]
