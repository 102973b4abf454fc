"""Ways through the walking graph (:mod:`.walking`): the storey plans' escape routes, each
room's way in for the register, and the route text a dispatcher reads to a crew.

* :func:`escape_routes`: on each storey, the corridors on the shortest way from every room
  to the nearest exit or stair (DIN 14095: horizontal escape routes, RAL 6019), as the
  corridor areas used and a few lines running towards the exits (for the arrows).
* :func:`room_access`: for every room, the entrance crews use (the nearest by the graph) and
  the first stair on the way.
* :func:`crew_route`: the way from the best entrance to a room, stair or door code, in steps
  ("E1 (main entrance, side A, Schulstraße) – corridor ahead 20 m – T2 up to 1. OG – right
  15 m – room 107 (Chemistry)"), distances rounded to :data:`ROUND_M`.

No way uses a lift.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from shapely.geometry import LineString, Point

from ..errors import OptionError
from ..model import DoorKind, Site, SiteFeatureKind
from ..plan import DoorPoint, Marking, Plan, Ring
from ..words import text
from .geometry import XY
from .walking import (
    Node,
    Walk,
    centre_node,
    portal_node,
    shortest_from,
    walking_graph,
)

#: Route text rounds distances to this many metres.
ROUND_M = 5
#: A line of arrows covers the rooms whose doors are this close to it.
ARROW_COVER_M = 4.0
#: A way turns where its direction changes by more than this (degrees).
TURN_DEG = 40.0
#: A turn is worded only after a run this long (two corners of one junction are one turn).
MIN_RUN_M = 4.0
#: The route names the road in front of an entrance this close (metres).
ROAD_NEAR_M = 60.0
#: Door kinds crews enter by (the "E" doors).
ENTRY_KINDS = (DoorKind.entrance, DoorKind.fire_brigade, DoorKind.service)


def escape_routes(walk: Walk, building: str, level: int
                  ) -> tuple[tuple[str, ...], tuple[Ring, ...]]:
    """The escape routes of one storey: the ids of the corridor spaces on them, and lines
    along them, each running towards its exit or stair (the last point at it)."""
    inside = walk.insides.get(building)
    if inside is None:
        return (), ()
    sub = walk.storey(building, level)
    targets = [portal_node(building, p.element, level) for p in inside.portals
               if p.level == level and p.spaces and p.kind in ("exterior", "stair")]
    targets = [t for t in targets if t in sub]
    if not targets:
        return (), ()
    dist, paths = shortest_from(sub, targets)
    g = walk.graph
    used: set[str] = set()
    ways: list[tuple[float, list[Node]]] = []
    for s in inside.spaces_on(level):
        c = centre_node(building, s.id)
        if c not in paths or s.circulation:
            continue
        way = list(reversed(paths[c]))  # room -> its door -> ... -> exit
        along = False
        for a, b in zip(way, way[1:]):
            sid = g.edges[a, b]["space"]
            sp = inside.spaces.get(sid) if sid else None
            if sp is not None and sp.circulation:
                used.add(sid)
                along = True
        if along and len(way) >= 3:
            ways.append((dist[c], way[1:]))
    lines: list[Ring] = []
    covered: list[LineString] = []
    for _, way in sorted(ways, key=lambda t: (-t[0], t[1][0])):
        # only the stretch along corridors is drawn (from where the way enters one)
        first = next((i for i, (a, b) in enumerate(zip(way, way[1:]))
                      if _on_corridor(walk, building, g.edges[a, b]["space"])), None)
        if first is None:
            continue
        way = way[first:]
        # ... and up to where it leaves the corridors (a way on through a room is not drawn)
        last = next((i for i, (a, b) in enumerate(zip(way, way[1:]))
                     if g.edges[a, b]["kind"] == "walk"
                     and not _on_corridor(walk, building, g.edges[a, b]["space"])), None)
        if last is not None:
            way = way[:last + 1]
        if len(way) < 2:
            continue
        start = Point(walk.at(way[0]))
        if any(line.distance(start) <= ARROW_COVER_M for line in covered):
            continue
        pts = tuple(walk.at(n) for n in way)
        line = LineString(pts)
        if line.length < 1.0:
            continue
        covered.append(line)
        lines.append(pts)
    return tuple(sorted(used)), tuple(lines)


def _on_corridor(walk: Walk, building: str, space: str | None) -> bool:
    sp = walk.space(building, space) if space else None
    return sp is not None and (sp.circulation or sp.shaft)


def _parts(geom) -> tuple[tuple[Ring, tuple[Ring, ...]], ...]:
    def rr(cs) -> Ring:
        pts = [(round(x, 3) + 0.0, round(y, 3) + 0.0) for x, y in cs]
        return tuple(pts[:-1] if len(pts) > 1 and pts[0] == pts[-1] else pts)
    return tuple((rr(p.exterior.coords), tuple(rr(i.coords) for i in p.interiors))
                 for p in getattr(geom, "geoms", [geom]) if p.geom_type == "Polygon")


def storey_insides(walk: Walk) -> dict[tuple[str, int], tuple]:
    """(building, level) -> the storey's inner doors (:class:`~orientation.plan.DoorPoint`),
    escape-route lines and escape areas, for :func:`~.mapgeometry.map_geometry`."""
    out: dict[tuple[str, int], tuple] = {}
    for bid, inside in walk.insides.items():
        levels = sorted({s.level for s in inside.spaces.values()})
        for level in levels:
            doors = tuple(DoorPoint((round(p.at[0], 3) + 0.0, round(p.at[1], 3) + 0.0),
                                    p.width_m, p.assumed)
                          for p in inside.portals
                          if p.level == level and p.kind == "inner" and not p.opening)
            used, lines = escape_routes(walk, bid, level)
            areas: tuple = ()
            polys = [inside.spaces[sid].polygon for sid in used]
            for poly in polys:
                areas += _parts(poly)
            out[(bid, level)] = (doors, lines, areas)
    return out


@dataclass(frozen=True, slots=True)
class Access:
    """How crews reach a room: the code of the entrance to use and of the first stair on
    the way (None on the entrance's storey), and the way's length in metres."""

    room: str  # the room marking's id
    entrance: str
    stair: str | None
    length_m: float


def entry_nodes(walk: Walk, markings: list[Marking] | tuple[Marking, ...]) -> dict[Node, str]:
    """Portal node -> door code of every exterior door crews enter by."""
    out: dict[Node, str] = {}
    for m in markings:
        if m.kind not in ("entrance", "fire_brigade", "service") or m.level is None:
            continue
        element = m.element
        node = portal_node(m.building, element, m.level)
        if node in walk.graph:
            out[node] = m.code
    return out


def room_access(walk: Walk, markings: list[Marking] | tuple[Marking, ...]) -> tuple[Access, ...]:
    """For every coded room: the entrance and first stair of its shortest way in."""
    entries = entry_nodes(walk, markings)
    if not entries:
        return ()
    dist, paths = shortest_from(walk.indoors, entries)
    stair_codes = {(m.building, m.element): m.code for m in markings if m.kind == "stair"}
    out = []
    for m in markings:
        if m.kind != "room":
            continue
        node = centre_node(m.building, m.element)
        path = paths.get(node)
        if not path:
            continue
        entrance = entries.get(path[0])
        if entrance is None:
            continue
        stair = next((stair_codes.get((n[1], n[2])) for n in path
                      if n[0] == "p" and walk.graph.nodes[n].get("portal") == "stair"
                      and (n[1], n[2]) in stair_codes), None)
        out.append(Access(m.id, entrance, stair, round(dist[node], 1)))
    return tuple(out)


# -- route text ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Route:
    """A crew's way to a code: the steps as worded text parts, the entrance and stair codes,
    the length (metres) and the points (plan metres, with their levels) it runs through."""

    code: str
    entrance: str
    stair: str | None
    steps: tuple[str, ...]
    length_m: float
    points: tuple[tuple[float, float, int], ...]

    @property
    def text(self) -> str:
        return " – ".join(self.steps)


def _metres(m: float) -> int:
    return max(ROUND_M, int(round(m / ROUND_M)) * ROUND_M)


def _turn(a: XY, b: XY) -> str:
    """The turn from heading ``a`` to heading ``b`` (plan vectors, +y north)."""
    if math.hypot(*a) < 1e-6 or math.hypot(*b) < 1e-6:
        return "ahead"
    ang = math.degrees(math.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]))
    if abs(ang) <= TURN_DEG:
        return "ahead"
    if abs(ang) >= 150:
        return "back"
    return "left" if ang > 0 else "right"


def _target_nodes(walk: Walk, m: Marking) -> list[Node]:
    """The nodes a way to the element of marking ``m`` may end at (a stair: each storey)."""
    if m.kind == "room":
        nodes = [centre_node(m.building, m.element)]
    elif m.kind == "stair":
        nodes = [portal_node(m.building, m.element, lv) for lv in
                 sorted(m.levels or ((m.level,) if m.level is not None else ()))]
    else:
        nodes = [portal_node(m.building, m.element, m.level if m.level is not None else 0)]
    return [n for n in nodes if n in walk.graph]


def crew_route(walk: Walk, markings: tuple[Marking, ...], code: str, lang: str, *,
               storey_names: Mapping[tuple[str, int], str], room_names: Mapping[str, str],
               roads: Mapping[str, str], main_door: str | None) -> Route | None:
    """The way from the best entrance to the element coded ``code`` (None when no way leads
    there). ``storey_names``: (building, level) -> storey name; ``room_names``: room marking
    id -> room name; ``roads``: door marking id -> the road in front of it; ``main_door``:
    the main entrance's marking id."""
    target = next((m for m in markings if m.code == code
                   and m.kind in ("room", "stair", "entrance", "emergency_exit",
                                  "fire_brigade", "service")), None)
    if target is None:
        raise LookupError(code)
    ends = _target_nodes(walk, target)
    entries = entry_nodes(walk, markings)
    if not ends or not entries:
        return None
    dist, paths = shortest_from(walk.indoors, entries)
    reached = [n for n in ends if n in paths]
    if not reached:
        return None
    node = min(reached, key=lambda n: dist[n])
    length, path = dist[node], paths[node]
    door_node = path[0]
    by_node: dict[Node, Marking] = {}
    for m in markings:
        if m.kind == "stair":
            for lv in m.levels or ():
                by_node[portal_node(m.building, m.element, lv)] = m
        elif m.level is not None and m.kind != "room":
            by_node[portal_node(m.building, m.element, m.level)] = m
    door = by_node[door_node]
    what = [text("route.main", lang)] if door.id == main_door else [
        text("kind." + door.kind, lang)]
    if door.side:
        what.append(text("route.side", lang, side=door.side))
    if roads.get(door.id):
        what.append(roads[door.id])
    steps = [text("route.entrance", lang, code=door.code, what=", ".join(what))]
    room_codes = {(m.building, m.element): m.code for m in markings if m.kind == "room"}
    steps += _walk_steps(walk, path, lang, by_node, storey_names, room_codes)
    if target.kind == "room":
        name = room_names.get(target.id)
        steps.append(text("route.room-named", lang, code=target.code, name=name) if name
                     else text("route.room", lang, code=target.code))
    elif target.kind == "stair":
        lv = walk.level(node) or 0
        steps.append(text("route.stair-target", lang, code=target.code,
                          storey=storey_names.get((target.building, lv), str(lv))))
    elif target.id != door.id:
        steps.append(text("route.door-target", lang, code=target.code))
    stair = next((by_node[n].code for n in path if n in by_node and by_node[n].kind == "stair"),
                 None)
    pts = tuple((walk.at(n)[0], walk.at(n)[1], walk.level(n) or 0) for n in path)
    return Route(code, door.code, stair, tuple(steps), round(length, 1), pts)


def _walk_steps(walk: Walk, path: list[Node], lang: str, by_node: Mapping[Node, Marking],
                storey_names: Mapping[tuple[str, int], str],
                room_codes: Mapping[tuple[str, str], str]) -> list[str]:
    """The steps between the entrance and the target: walks with their turns, rooms passed
    through, stairs taken."""
    g = walk.graph
    steps: list[str] = []
    run = 0.0
    turn = "ahead"
    heading: XY = (0.0, 0.0)
    first = True
    i = 0

    def flush() -> None:
        nonlocal run, first
        if run >= 1.0:
            step = text("route.walk", lang, turn=text("route." + turn, lang),
                        metres=_metres(run))
            steps.append((text("route.corridor", lang) + " " + step) if first else step)
            first = False
        run = 0.0

    while i < len(path) - 1:
        a, b = path[i], path[i + 1]
        e = g.edges[a, b]
        if e["kind"] == "stair":
            flush()
            j = i + 1
            while j < len(path) - 1 and g.edges[path[j], path[j + 1]]["kind"] == "stair":
                j += 1
            m = by_node.get(a)
            la, lb = walk.level(a) or 0, walk.level(path[j]) or 0
            key = "route.stair-up" if lb > la else "route.stair-down"
            steps.append(text(key, lang, stair=m.code if m else "?",
                              storey=storey_names.get((a[1], lb), str(lb))))
            turn, heading, first, i = "ahead", (0.0, 0.0), False, j
            continue
        space = walk.space(a[1], e["space"]) if e["space"] else None
        if (space is not None and not space.circulation and not space.assumed
                and b[0] == "p" and a[0] == "p"):
            flush()
            room = room_codes.get((a[1], space.id)) or (
                space.room.name or space.id if space.room else space.id)
            steps.append(text("route.through", lang, room=room))
            i += 1
            continue
        if b[0] == "r":  # into the target room
            i += 1
            continue
        (ax, ay), (bx, by) = walk.at(a), walk.at(b)
        d = (bx - ax, by - ay)
        if run < 1.0 and math.hypot(*d) > 0.5 and heading == (0.0, 0.0):
            heading = d
        elif run >= MIN_RUN_M and math.hypot(*d) > 0.5:
            t = _turn(heading, d)
            if t != "ahead":
                flush()
                turn, heading = t, d
        run += e["w"]
        i += 1
    flush()
    return steps





def route_for(site: Site, plan: Plan, code: str, lang: str | None = None) -> Route:
    """The crew route to the element coded ``code`` in ``plan`` (the plan of ``site``),
    worded in ``lang`` (default: the plan's). Raises
    :class:`~orientation.errors.OptionError` for a code the plan does not have or no way
    leads to."""
    lang = lang or plan.language
    walk = walking_graph(site)
    storey_names = {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}
    room_names = {m.id: m.name for m in plan.markings if m.kind == "room" and m.name}
    main = next((m.id for m in plan.markings if m.main), None)
    named = [(f.name, LineString(f.line)) for f in site.site_features
             if f.kind in (SiteFeatureKind.road, SiteFeatureKind.fire_lane) and f.line and f.name]
    roads: dict[str, str] = {}
    for m in plan.markings:
        if m.kind in ("entrance", "fire_brigade", "service") and named:
            d, name = min((line.distance(Point(m.at)), name) for name, line in named)
            if d <= ROAD_NEAR_M:
                roads[m.id] = name
    try:
        route = crew_route(walk, plan.markings, code, lang, storey_names=storey_names,
                           room_names=room_names, roads=roads, main_door=main)
    except LookupError:
        example = next((m.code for m in plan.markings if m.kind == "room"), "T1")
        raise OptionError("CODE", text("route.unknown-code", lang, code=code,
                                       example=example)) from None
    if route is None:
        raise OptionError("CODE", text("route.no-route", lang, code=code))
    return route


__all__ = ["Access", "ROUND_M", "Route", "crew_route", "entry_nodes", "escape_routes",
           "room_access", "route_for", "storey_insides"]
