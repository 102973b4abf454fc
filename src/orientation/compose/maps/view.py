"""Plan metres -> paper millimetres (:class:`_View`), the index of building outlines a storey
page finds its neighbours in, and true north on paper."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shapely import STRtree
from shapely.geometry import Polygon
from shapely.geometry import box as sbox

from ...layout import mapframe
from ...plan import BuildingShape, MapFrame
from .style import XY, Box


@dataclass(frozen=True, slots=True)
class _View:
    """Plan metres -> paper mm: the frame's rotation, ``k`` mm per metre, and the paper
    position ``(ox, oy)`` of the grid's top-left corner."""

    frame: MapFrame
    k: float
    ox: float
    oy: float

    def p(self, xy: Sequence[float]) -> XY:
        u, v = mapframe.to_grid(self.frame, (xy[0], xy[1]))
        return (self.ox + u * self.k, self.oy + v * self.k)

    def d(self, v: Sequence[float]) -> XY:
        """A plan direction as a paper direction (unit in, unit out)."""
        r = mapframe.rotate((v[0], v[1]), self.frame.rotation_deg)
        return (r[0], -r[1])

    def ring(self, pts: Iterable[Sequence[float]]) -> tuple[XY, ...]:
        return tuple(self.p(q) for q in pts)

    def plan_point(self, xy: XY) -> XY:
        """A paper point back in plan metres (the inverse of :meth:`p`)."""
        u, v = (xy[0] - self.ox) / self.k, (xy[1] - self.oy) / self.k
        dx, dy = mapframe.rotate((u, -v), -self.frame.rotation_deg)
        return (dx + self.frame.origin[0], dy + self.frame.origin[1])

    @property
    def cell_mm(self) -> float:
        return self.frame.grid_m * self.k


class Footprints:
    """The building outlines in a spatial index (plan metres), built once per booklet: a
    storey page finds the neighbours to draw without a pass over every building."""

    def __init__(self, buildings: Sequence[BuildingShape]) -> None:
        self.buildings = list(buildings)
        self._tree = STRtree([Polygon(b.outline) for b in self.buildings])

    def near(self, view: _View, area: Box) -> list[BuildingShape]:
        """Buildings whose outline's bounds meet the paper box ``area`` seen through
        ``view``, in site order (a superset of those on the page: callers test exactly)."""
        corners = [view.plan_point(q) for q in ((area[0], area[1]), (area[2], area[1]),
                                                (area[2], area[3]), (area[0], area[3]))]
        xs, ys = [q[0] for q in corners], [q[1] for q in corners]
        hits = self._tree.query(sbox(min(xs), min(ys), max(xs), max(ys)))
        return [self.buildings[i] for i in sorted(int(i) for i in hits)]


def true_north_on_paper(north_deg: float, rotation_deg: float) -> XY:
    """Unit vector on paper (x right, y down) pointing to true north.

    ``north_deg`` is the bearing of the plan's +y axis clockwise from true north; the plan is
    turned counter-clockwise by ``rotation_deg`` on paper.

    >>> [round(c, 6) + 0.0 for c in true_north_on_paper(0, 0)]
    [0.0, -1.0]
    >>> [round(c, 3) + 0.0 for c in true_north_on_paper(90, 0)]  # plan +y points east
    [-1.0, 0.0]
    >>> [round(c, 3) + 0.0 for c in true_north_on_paper(0, -90)]  # plan turned clockwise
    [1.0, 0.0]
    """
    north_plan = mapframe.rotate((0.0, 1.0), north_deg)
    r = mapframe.rotate(north_plan, rotation_deg)
    return (r[0], -r[1])
