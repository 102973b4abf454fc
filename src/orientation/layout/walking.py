"""The walking graph: how the inside of each building connects, with lengths along the floor.

Nodes (networkx): ``OUTSIDE``; a **portal** node per door (at the door), per stair and lift
on each storey it serves (``("p", building, element, level)``); a **centre** node per space
(``("r", building, space)``, at the room's label point: where a route to the room ends); and
**turn** nodes at the inner corners of concave spaces (``("v", building, space, k)``), so that
a way round a corner runs round it, not through the wall. Edges join the nodes of one space
that see each other inside its outline (length: the straight line, plus the step through the
wall to a door), a stair or lift to itself one storey up (:data:`STOREY_M`), and every
exterior door to ``OUTSIDE``. Crossing a room that is not a corridor costs
:data:`THROUGH_ROOM_M` more, so ways keep to the corridors when there is one.

Edge attributes: ``w`` (metres, the weight), ``space`` (the space the edge runs in, or
None), ``kind`` (``walk``, ``stair``, ``lift``, ``out``). Node attributes: ``at``, ``level``,
``building``.

:func:`walking_graph` builds it from a site; :func:`inside_findings` says what the graph
shows is wrong (a room without a door, a room reached only through another, a storey
without a way to a stair or exit, an emergency exit no corridor leads to, inner doors in no
wall) and what was assumed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx
import numpy as np
import shapely
from shapely.geometry import Point, Polygon
from shapely.prepared import prep

from ..model import Building, DoorKind, Site
from .geometry import XY
from .spaces import BuildingInside, Portal, Space, building_inside

OUTSIDE = ("o",)
#: Walking length of one storey on a stair (two flights and a landing).
STOREY_M = 10.0
#: Extra cost of crossing a room that is not a corridor (in at one door, out at another).
THROUGH_ROOM_M = 15.0
#: A space with more nodes than this is joined through its centre (a budget: the sight
#: lines of a space grow with the square of its nodes).
MAX_SPACE_NODES = 250
#: At most this many inner corners of one space become turn nodes (the sharpest first).
MAX_TURNS = 60
#: Turn nodes stand this far inside the corner.
TURN_INSET_M = 0.3

Node = tuple[Any, ...]


@dataclass(slots=True)
class Walk:
    """The walking graph of a site and the insides it was made from."""

    graph: nx.Graph
    insides: dict[str, BuildingInside]
    #: (building, element, level) -> portal
    portals: dict[tuple[str, str, int], Portal] = field(default_factory=dict)
    #: spaces joined through their centre for want of budget: (building, space)
    hubbed: list[tuple[str, str]] = field(default_factory=list)
    _storeys: dict[tuple[str, int, frozenset[str] | None], nx.Graph] = field(
        default_factory=dict, repr=False)
    _walkable: nx.Graph | None = field(default=None, repr=False)
    _indoors: nx.Graph | None = field(default=None, repr=False)
    #: (building, level) -> the nodes of that storey, in the order they were made
    on_storey: dict[tuple[str, int], list[Node]] = field(default_factory=dict, repr=False)

    @property
    def indoors(self) -> nx.Graph:
        """The graph without lift edges and without the outside (a copy, made once): ways
        that start at a door and stay inside."""
        if self._indoors is None:
            g = self.graph.copy() if self._walkable is None else self._walkable.copy()
            g.remove_edges_from([(a, b) for a, b, e in g.edges(data=True) if e["kind"] == "lift"])
            g.remove_node(OUTSIDE)
            self._indoors = g
        return self._indoors

    @property
    def walkable(self) -> nx.Graph:
        """The graph without lift edges (a copy, made once): no escape route and no crew
        route uses a lift."""
        if self._walkable is None:
            g = self.graph.copy()
            lifts = [(a, b) for a, b, e in self.graph.edges(data=True) if e["kind"] == "lift"]
            g.remove_edges_from(lifts)
            self._walkable = g
        return self._walkable

    def storey(self, building: str, level: int,
               spaces: frozenset[str] | None = None) -> nx.Graph:
        """The walking graph of one storey (its nodes and the edges in its spaces; only
        the edges in ``spaces`` when given), made once per call pattern."""
        key = (building, level, spaces)
        got = self._storeys.get(key)
        if got is None:
            g = self.graph
            got = nx.Graph()
            nodes = [(n, g.nodes[n]) for n in self.on_storey.get((building, level), ())]
            got.add_nodes_from(nodes)
            got.add_edges_from(
                (n, m, e) for n, _ in nodes for m, e in g.adj[n].items()
                if e["kind"] == "walk" and m in got and (spaces is None or e["space"] in spaces))
            self._storeys[key] = got
        return got

    def space(self, building: str, space_id: str) -> Space | None:
        inside = self.insides.get(building)
        return inside.spaces.get(space_id) if inside else None

    def at(self, node: Node) -> XY:
        return self.graph.nodes[node]["at"]

    def level(self, node: Node) -> int | None:
        return self.graph.nodes[node].get("level")


def shortest_from(g: nx.Graph, sources: Iterable[Node]
                  ) -> tuple[dict[Node, float], dict[Node, list[Node]]]:
    """Distances and shortest ways (each from its nearest source) of every node that a
    source reaches, by the edges' lengths."""
    dist, paths = nx.multi_source_dijkstra(g, set(sources), weight="w")
    return cast(dict[Node, float], dist), cast(dict[Node, list[Node]], paths)


def portal_node(building: str, element: str, level: int) -> Node:
    return ("p", building, element, level)


def centre_node(building: str, space_id: str) -> Node:
    return ("r", building, space_id)


def _label_point(s: Space) -> XY:
    p = s.polygon.representative_point()
    return (round(p.x, 3) + 0.0, round(p.y, 3) + 0.0)


def _turns(poly: Polygon) -> list[XY]:
    """Points just inside the inner (reflex) corners of a polygon, the sharpest first."""
    if poly.convex_hull.area - poly.area < 0.25:
        return []
    simple = poly.simplify(0.1)
    if simple.is_empty or simple.geom_type != "Polygon":
        simple = poly
    poly_in = prep(poly)
    out: list[tuple[float, XY]] = []
    rings = [shapely.geometry.polygon.orient(simple, 1.0).exterior,
             *shapely.geometry.polygon.orient(simple, 1.0).interiors]
    for ring in rings:
        cs = list(ring.coords)[:-1]
        n = len(cs)
        if n < 4:
            continue
        for i in range(n):
            (ax, ay), (bx, by), (cx, cy) = cs[i - 1], cs[i], cs[(i + 1) % n]
            ux, uy, vx, vy = bx - ax, by - ay, cx - bx, cy - by
            lu, lv = math.hypot(ux, uy), math.hypot(vx, vy)
            if lu < 1e-6 or lv < 1e-6:
                continue
            cross = ux * vy - uy * vx
            # exterior counter-clockwise, holes clockwise: a right turn is an inner corner
            if cross >= -1e-9 * lu * lv:
                continue
            # the bisector into the floor
            dx, dy = -ux / lu + vx / lv, -uy / lu + vy / lv
            ld = math.hypot(dx, dy)
            if ld < 1e-9:
                continue
            px, py = bx - dx / ld * TURN_INSET_M, by - dy / ld * TURN_INSET_M
            if not poly_in.contains(Point(px, py)):
                px, py = bx + dx / ld * TURN_INSET_M, by + dy / ld * TURN_INSET_M
                if not poly_in.contains(Point(px, py)):
                    continue
            sharp = abs(math.atan2(cross, ux * vx + uy * vy))
            out.append((-sharp, (round(px, 3), round(py, 3))))
    out.sort()
    return [p for _, p in out[:MAX_TURNS]]


def _inside_point(poly: Polygon, inner: Polygon | None, at: XY) -> XY:
    """``at`` if it is inside the space, else the nearest point just inside it."""
    p = Point(at)
    if poly.contains(p):
        return at
    target = inner if inner is not None and not inner.is_empty else poly
    q = shapely.ops.nearest_points(target, p)[0]
    return (q.x, q.y)


def _join_space(g: nx.Graph, walk: Walk, bid: str, s: Space,
                members: list[tuple[Node, XY]]) -> None:
    """Edges between the nodes of one space that see each other inside it."""
    if len(members) < 2:
        return
    poly = s.polygon
    inner = poly.buffer(-0.15, join_style=2)
    inner_poly = inner if inner.geom_type == "Polygon" else None
    pts = [_inside_point(poly, inner_poly, at) for _, at in members]
    stub = [math.dist(at, q) for (_, at), q in zip(members, pts)]
    through = 0.0 if s.circulation or s.assumed else THROUGH_ROOM_M
    centre = centre_node(bid, s.id)

    def add(i: int, j: int) -> None:
        a, b = members[i][0], members[j][0]
        w = math.dist(pts[i], pts[j]) + stub[i] + stub[j]
        if through and a != centre and b != centre and a[0] == "p" and b[0] == "p":
            w += through
        old = g.get_edge_data(a, b)
        if old is None or old["w"] > w:
            g.add_edge(a, b, w=round(w, 3), space=s.id, kind="walk")

    n = len(members)
    if n > MAX_SPACE_NODES:
        walk.hubbed.append((bid, s.id))
        ci = next(i for i, (nd, _) in enumerate(members) if nd == centre)
        for i in range(n):
            if i != ci:
                add(i, ci)
        return
    ii, jj = np.triu_indices(n, 1)
    convex = poly.convex_hull.area - poly.area < 0.25
    if convex:
        seen = np.ones(len(ii), dtype=bool)
    else:
        coords = np.array(pts)
        lines = shapely.linestrings(np.stack([coords[ii], coords[jj]], axis=1))
        floor = poly.buffer(0.05, join_style=2)
        shapely.prepare(floor)  # thousands of sight lines against one outline
        seen = shapely.covers(floor, lines)
    for i, j, ok in zip(ii.tolist(), jj.tolist(), seen.tolist()):
        if ok:
            add(i, j)


def walking_graph(site: Site) -> Walk:
    """The walking graph of every building of ``site`` (see the module's docstring)."""
    g: nx.Graph = nx.Graph()
    g.add_node(OUTSIDE, at=(0.0, 0.0), level=None, building=None)
    walk = Walk(g, {})
    for b in site.buildings:
        inside = building_inside(b)
        walk.insides[b.id] = inside
        _add_building(g, walk, b, inside)
    return walk


def _add_building(g: nx.Graph, walk: Walk, b: Building, inside: BuildingInside) -> None:
    bid = b.id
    members: dict[str, list[tuple[Node, XY]]] = {sid: [] for sid in inside.spaces}
    for s in inside.spaces.values():
        c = centre_node(bid, s.id)
        at = _label_point(s)
        g.add_node(c, at=at, level=s.level, building=bid, space=s.id)
        walk.on_storey.setdefault((bid, s.level), []).append(c)
        members[s.id].append((c, at))
        for k, t in enumerate(_turns(s.polygon)):
            v = ("v", bid, s.id, k)
            g.add_node(v, at=t, level=s.level, building=bid, space=s.id)
            walk.on_storey.setdefault((bid, s.level), []).append(v)
            members[s.id].append((v, t))
    vertical: dict[str, list[tuple[int, Node, str]]] = {}
    for p in inside.portals:
        node = portal_node(bid, p.element, p.level)
        walk.portals[(bid, p.element, p.level)] = p
        if node not in g:
            walk.on_storey.setdefault((bid, p.level), []).append(node)
        g.add_node(node, at=p.at, level=p.level, building=bid, portal=p.kind)
        for sid in p.spaces:
            members[sid].append((node, p.at))
        if p.kind == "exterior":
            g.add_edge(node, OUTSIDE, w=0.0, space=None, kind="out")
        elif p.kind in ("stair", "lift"):
            vertical.setdefault(p.element, []).append((p.level, node, p.kind))
    for sid, ms in members.items():
        _join_space(g, walk, bid, inside.spaces[sid], ms)
    for stops in vertical.values():
        stops.sort(key=lambda t: t[0])
        for (la, na, kind), (lb, nb, _) in zip(stops, stops[1:]):
            g.add_edge(na, nb, w=STOREY_M * (lb - la), space=None, kind=kind)


def _listing(items: Iterable[str], most: int = 8) -> str:
    items = list(items)
    shown = ", ".join(items[:most])
    return shown + (f" … (+{len(items) - most})" if len(items) > most else "")


def inside_findings(walk: Walk, find, names: dict[tuple[str, str], str] | None = None) -> None:
    """Findings on the inside of every building (see the module's docstring); ``find`` is
    :meth:`orientation.layout.codes.Work.find`, ``names`` (building, room id) -> the room's
    code, by which findings name rooms."""
    names = names or {}
    for bid, inside in walk.insides.items():
        _assumed_notes(bid, inside, find)
        hubbed = [sid for b, sid in walk.hubbed if b == bid]
        if hubbed:
            find("info", "walk-simplified", bid, "finding.walk-simplified", building=bid,
                 n=len(hubbed), most=MAX_SPACE_NODES, spaces=_listing(hubbed))
        if inside.loose_doors:
            find("warning", "inner-door-off-wall", bid, "finding.inner-door-off-wall",
                 building=bid, n=len(inside.loose_doors),
                 doors=_listing(d for d, _ in inside.loose_doors))
        by_level: dict[int, list[Space]] = {}
        for s in inside.spaces.values():
            by_level.setdefault(s.level, []).append(s)
        for level, spaces in sorted(by_level.items()):
            _storey_findings(walk, bid, level, spaces, find,
                             lambda s, _b=bid: _name(s, _b, names))


def _assumed_notes(bid: str, inside: BuildingInside, find) -> None:
    for level in sorted(set(inside.assumed_corridors) | set(inside.assumed_doors)):
        doors = inside.assumed_doors.get(level, 0)
        find("info", "assumed-inside", f"{bid}/level {level}",
             "finding.assumed-inside" if doors else "finding.assumed-corridor",
             building=bid, level=level, corridors=inside.assumed_corridors.get(level, 0),
             doors=doors)


def _door_neighbours(walk: Walk, bid: str, s: Space) -> list[Portal]:
    return [p for p in walk.insides[bid].portals
            if p.level == s.level and s.id in p.spaces and p.kind in ("inner", "exterior")]


def _storey_findings(walk: Walk, bid: str, level: int, spaces: list[Space], find,
                     name) -> None:
    inside = walk.insides[bid]
    where = f"{bid}/level {level}"
    no_door: list[str] = []
    through: list[str] = []
    for s in spaces:
        if s.assumed:
            continue
        doors = _door_neighbours(walk, bid, s)
        if not doors:
            # a room a stair or lift arrives in (a gallery, a stairwell) has its way in
            if not any(p.kind in ("stair", "lift") and s.id in p.spaces
                       for p in inside.portals if p.level == level):
                no_door.append(name(s))
            continue
        if s.circulation or s.shaft:
            continue
        others = {sid for p in doors for sid in p.spaces if sid != s.id}
        if any(p.kind == "exterior" for p in doors):
            continue
        if others and not any(inside.spaces[o].circulation or inside.spaces[o].shaft
                              for o in others if o in inside.spaces):
            through.append(name(s))
    if no_door:
        find("warning", "room-without-door", where, "finding.room-without-door",
             building=bid, level=level, n=len(no_door), rooms=_listing(no_door))
    if through:
        find("info", "room-through-room", where, "finding.room-through-room",
             building=bid, level=level, n=len(through), rooms=_listing(through))
    # a way to a stair or an exit from every space with a door
    targets = [portal_node(bid, p.element, level) for p in inside.portals
               if p.level == level and (p.kind == "exterior" or p.kind == "stair")
               and p.spaces]
    reach: set[Node] = set()
    storey = walk.storey(bid, level)
    if targets:
        for comp in nx.connected_components(storey):
            if any(t in comp for t in targets):
                reach |= comp
    stuck = [name(s) for s in spaces if centre_node(bid, s.id) not in reach
             and (_door_neighbours(walk, bid, s) or any(
                 p.kind in ("stair", "lift") and s.id in p.spaces for p in inside.portals
                 if p.level == level))]
    if stuck:
        find("warning", "no-way-out", where, "finding.no-way-out", building=bid, level=level,
             n=len(stuck), rooms=_listing(stuck))
    # emergency exits that no corridor leads to
    corridors = [centre_node(bid, s.id) for s in spaces if s.circulation]
    if not corridors:
        return
    for p in inside.portals:
        if p.level != level or p.kind != "exterior" or p.door_kind != DoorKind.emergency_exit:
            continue
        node = portal_node(bid, p.element, level)
        if not p.spaces or not any(nx.has_path(storey, node, c) for c in corridors):
            find("warning", "exit-without-corridor", f"{bid}/{p.element}",
                 "finding.exit-without-corridor", building=bid, door=p.element, level=level)


def _name(s: Space, bid: str, names: dict[tuple[str, str], str]) -> str:
    """A room as findings name it: its code, else its number or name, else its id."""
    if s.room is None:
        return s.id
    code = names.get((bid, s.id))
    if code:
        return code
    if s.room.number:
        return s.room.number
    return s.room.name or s.id


__all__ = ["OUTSIDE", "shortest_from", "STOREY_M", "THROUGH_ROOM_M", "Walk", "centre_node", "inside_findings",
           "portal_node", "walking_graph"]
