"""What an IFC model's storeys are: each storey's own outline, the separate parts of a
building, and the stairs and lifts that span storeys, for :mod:`orientation.io.ifc`.

* **storey outlines** (:func:`storey_outline`): the storey's floor slabs (``IfcSlab`` that is
  not a roof or a landing, flat, its top within :data:`FLOOR_TOP_M` of the storey's
  elevation, from whichever storey the model files it under) with the storey's walls; a
  storey without floor slabs takes its spaces with its walls instead. The union is closed
  over gaps of up to ``2 * CLOSE_M`` (the walls between spaces). Holes of a slab outline are
  kept (an atrium's void in the slab becomes a courtyard of the storey); those of a space
  outline are filled (a space that is not modelled is not a courtyard).
* **parts** (:func:`separate_parts`): a ground storey whose outline falls into separate
  parts that each hold rooms or doors (two wings with no link between them) is imported as
  one building per part: one footprint ring cannot hold them.
* **stacks** (:func:`stacks`): stairs, lifts and their shafts (spaces used as a stair or
  lift) that overlap in plan and whose storeys meet are one stair or one lift over all
  their storeys (a stair modelled storey by storey, a lift cabin in its shaft).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from ._geometry import polygons_of
from ._ifc_shapes import Shape
from ._ifc_uses import ifc_name

#: A floor slab's top lies this close to its storey's elevation (metres).
FLOOR_TOP_M = 0.3
#: A slab thicker than this (top minus bottom) is no floor: a pitched roof, a ramp (metres).
MAX_FLOOR_THICKNESS_M = 1.0
#: Half the widest gap closed in a storey outline: walls between spaces (metres).
CLOSE_M = 0.25
#: Floor slabs of less area in all are not the storey's floor (m²).
MIN_FLOOR_M2 = 1.0
#: A part of a ground storey smaller than this is never a building of its own (m²).
MIN_PART_M2 = 10.0
#: Two plan shapes are one stack when they overlap by this share of the smaller.
STACK_OVERLAP = 0.3


def is_floor_slab(slab: Any, uel: Any) -> bool:
    """An ``IfcSlab`` that can be a floor: not typed ``ROOF`` or ``LANDING`` and not part of
    an ``IfcRoof`` (Revit files its roofs as slabs under an ``IfcRoof``)."""
    kind = str(getattr(slab, "PredefinedType", "") or "").upper()
    if kind in ("ROOF", "LANDING"):
        return False
    try:
        agg = uel.get_aggregate(slab)
    except Exception:  # noqa: BLE001 - a broken aggregation is none
        agg = None
    return not (agg is not None and agg.is_a("IfcRoof"))


def floor_slabs(slabs: Sequence[Shape], elevation: float) -> list[BaseGeometry]:
    """The plans of those ``slabs`` that are the floor of a storey at ``elevation``."""
    return [s.plan for s in slabs
            if abs(s.zmax - elevation) <= FLOOR_TOP_M and s.zmax - s.zmin <= MAX_FLOOR_THICKNESS_M]


def storey_outline(floors: Sequence[BaseGeometry], walls: Sequence[BaseGeometry],
                   spaces: Sequence[BaseGeometry]) -> BaseGeometry | None:
    """A storey's outline from its floor slabs (else its spaces) and its walls, or None when
    it has neither floor slabs nor spaces (see the module docstring).

    >>> from shapely.geometry import box
    >>> rooms = [box(0.2, 0.2, 4.9, 5.8), box(5.1, 0.2, 9.8, 5.8)]   # a 0.2 m wall between
    >>> o = storey_outline([], [], rooms)
    >>> o.geom_type, round(o.area, 1), len(o.interiors)
    ('Polygon', 53.8, 0)
    >>> storey_outline([], [box(0, 0, 10, 0.2)], []) is None
    True
    """
    use_floors = sum(g.area for g in floors) >= MIN_FLOOR_M2
    base = list(floors) if use_floors else list(spaces)
    if not base:
        return None
    u = shapely.union_all([*base, *walls], grid_size=0.001)
    u = u.buffer(CLOSE_M, join_style="mitre").buffer(-CLOSE_M, join_style="mitre")
    polys = polygons_of(u)
    if not use_floors:
        polys = [Polygon(p.exterior) for p in polys]
    if not polys:
        return None
    return polys[0] if len(polys) == 1 else shapely.union_all(polys)


def separate_parts(parts: Sequence[Polygon], anchors: Sequence[BaseGeometry]) -> list[Polygon]:
    """The parts of a ground storey that are buildings of their own: each of at least
    :data:`MIN_PART_M2` with an anchor (a room or door) on it, largest first; one part or
    none when the storey does not fall apart.

    >>> from shapely.geometry import box
    >>> wings = [box(0, 0, 10, 10), box(20, 0, 30, 10), box(40, 0, 41, 1)]
    >>> [p.bounds for p in separate_parts(wings, [Point(5, 5), Point(25, 5), Point(40.5, .5)])]
    [(0.0, 0.0, 10.0, 10.0), (20.0, 0.0, 30.0, 10.0)]
    >>> len(separate_parts(wings, [Point(5, 5)]))
    1
    """
    big = [p for p in parts if p.area >= MIN_PART_M2]
    held = [p for p in big if any(p.buffer(0.3).intersects(a) for a in anchors)]
    held.sort(key=lambda p: (-round(p.area, 1), p.centroid.x, p.centroid.y))
    return held


def nearest_part(parts: Sequence[Polygon], geom: BaseGeometry | None) -> int:
    """The index of the part ``geom`` lies on (or nearest to); 0 without a geometry."""
    if geom is None or geom.is_empty or len(parts) < 2:
        return 0
    c = geom.centroid if not isinstance(geom, Point) else geom
    return min(range(len(parts)), key=lambda i: (parts[i].distance(c), i))


@dataclass
class Vertical:
    """A stair, lift or shaft space: its plan, the storeys it is on, the IFC element, and
    whether it is the stair or lift itself (``primary``) or a shaft space around one."""

    plan: BaseGeometry
    levels: set[int]
    element: Any
    primary: bool
    order: int = 0  # the element's position in the file, for a stable result


def stacks(items: Sequence[Vertical], levels: Sequence[int]) -> list[list[Vertical]]:
    """Group ``items`` into stacks: two items are one stack when their plans overlap by
    :data:`STACK_OVERLAP` of the smaller and their storeys meet (they share one, or one
    ends on the storey below the other's lowest, counted in ``levels``, the building's
    storeys). Each stack is listed lowest first, the stacks in the order of their lowest
    item.

    >>> from shapely.geometry import box
    >>> a = Vertical(box(0, 0, 2, 4), {0, 1}, "flight 1", True)
    >>> b = Vertical(box(0, 0, 2, 4), {1, 2}, "flight 2", True)
    >>> c = Vertical(box(0, 0, 2, 4), {4}, "far above", True)
    >>> [[v.element for v in s] for s in stacks([a, b, c], [0, 1, 2, 3, 4])]
    [['flight 1', 'flight 2'], ['far above']]
    """
    index = {lv: i for i, lv in enumerate(sorted(levels))}
    spans = []
    for it in items:
        ix = [index[lv] for lv in it.levels if lv in index] or [0]
        spans.append((min(ix), max(ix)))
    geoms = [polygons_of(it.plan)[0] if polygons_of(it.plan) else it.plan.buffer(0.3)
             for it in items]
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if items:
        tree = shapely.STRtree(geoms)
        for i, g in enumerate(geoms):
            for j in tree.query(g, predicate="intersects"):
                j = int(j)
                if j <= i:
                    continue
                (a0, a1), (b0, b1) = spans[i], spans[j]
                if b0 > a1 + 1 or a0 > b1 + 1:
                    continue
                if g.intersection(geoms[j]).area >= STACK_OVERLAP * min(g.area, geoms[j].area):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[find(i)].append(i)
    out = []
    for members in groups.values():
        members.sort(key=lambda i: (spans[i][0], not items[i].primary, items[i].order))
        out.append([items[i] for i in members])
    out.sort(key=lambda s: (min(index.get(lv, 0) for v in s for lv in v.levels or {0}),
                            s[0].order))
    return out


def common_point(plans: Sequence[BaseGeometry]) -> tuple[float, float]:
    """A point inside all ``plans`` where they have one in common, else inside the first."""
    common = plans[0]
    for g in plans[1:]:
        nxt = common.intersection(g)
        if nxt.area > 0:
            common = nxt
    p = common.representative_point() if not common.is_empty else plans[0].centroid
    return (p.x, p.y)


def stack_head(group: list[Vertical]) -> tuple[Vertical, tuple[float, float], str | None]:
    """The element that stands for a stack (its lowest stair or lift, else its lowest shaft
    space), a point for it (the element's middle, else one inside all shafts) and its name."""
    prim = [v for v in group if v.primary]
    head = prim[0] if prim else group[0]
    if prim:
        c = head.plan.centroid
        at = (c.x, c.y)
    else:
        at = common_point([v.plan for v in group])
    el = head.element
    name = ifc_name(el.Name) if prim else (ifc_name(getattr(el, "LongName", None))
                                           or ifc_name(el.Name))
    return head, at, name


__all__ = ["CLOSE_M", "FLOOR_TOP_M", "MIN_PART_M2", "Vertical", "common_point", "floor_slabs",
           "is_floor_slab", "nearest_part", "separate_parts", "stack_head", "stacks", "storey_outline"]
