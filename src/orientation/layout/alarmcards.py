"""Fire-alarm route cards (Feuerwehr-Laufkarten, DIN 14675): for every detector group
(``buildings[].detector_groups``) the way from the fire alarm panel (the feature
``fire_alarm_panel``) to the group's rooms, on the walking graph (:mod:`.walking`, read only).

The way starts at the panel's point: it walks to the nodes of the space the panel stands in
(straight, where the space lets it see them), then along the graph's shortest way (no
lifts: :attr:`~.walking.Walk.indoors`) to the nearest of the group's rooms, and on from there
to each of its other rooms (the card's back shows the group's storey with every room of it).
A group in another building than the panel's leaves the panel's building by the nearest
exterior door and crosses the site in a straight line to the entrance of the group's
building that makes the whole way shortest (:data:`OUTSIDE_FACTOR` times the straight line:
paths are seldom straight).

Each card is split into storeys (:class:`~orientation.plan.CardLeg`): one sheet per storey
the way walks on (a storey the stair only passes is no sheet). The steps are worded for the
card's column ("Start: fire alarm panel (EG) – 25 m to T2 – T2 up to 2. OG – 15 m to room
A226"), distances rounded to :data:`~.routes.ROUND_M`.

A site with detector groups and no fire alarm panel gets one warning and no cards; a group
no way reaches gets a warning and no card (never a straight line through the walls).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Iterable, Sequence

from shapely.geometry import LineString, Point, Polygon
from shapely.prepared import prep

from ..model import Building, DoorKind, FeatureKind, Site
from ..model_din import DetectorGroup
from ..plan import AlarmCard, CardLeg, Marking, Ring
from ..words import text
from .routes import ROUND_M
from .walking import Node, Walk, centre_node

#: A way across the site between two buildings is taken as this many times the straight line.
OUTSIDE_FACTOR = 1.3
#: A fire alarm panel this close (metres) to a space of its storey stands in it.
PANEL_NEAR_M = 3.0
#: A detector group's ``area`` takes in the spaces it covers this share of.
AREA_SHARE = 0.25
#: Door kinds a crew enters another building by.
ENTRY_KINDS = (DoorKind.entrance, DoorKind.fire_brigade, DoorKind.service)

Find = Callable[..., None]


def _metres(m: float) -> int:
    return max(ROUND_M, int(round(m / ROUND_M)) * ROUND_M)


def _dijkstra(walk: Walk, sources: dict[Node, float]) -> tuple[dict[Node, float],
                                                                dict[Node, Node | None]]:
    """Shortest distances from several sources, each with a start distance, on the indoor
    graph (no lifts, no outside), and each node's predecessor (None at a source)."""
    g = walk.indoors
    dist: dict[Node, float] = {}
    prev: dict[Node, Node | None] = {}
    tie = itertools.count()
    heap: list[tuple[float, int, Node, Node | None]] = [
        (d, next(tie), n, None) for n, d in sources.items() if n in g]
    heapq.heapify(heap)
    while heap:
        d, _, n, p = heapq.heappop(heap)
        if n in dist:
            continue
        dist[n], prev[n] = d, p
        for m, e in g.adj[n].items():
            if m not in dist:
                heapq.heappush(heap, (d + e["w"], next(tie), m, n))
    return dist, prev


def _path(prev: dict[Node, Node | None], end: Node) -> list[Node]:
    out = [end]
    while (p := prev.get(out[-1])) is not None:
        out.append(p)
    return out[::-1]


def _panel_sources(walk: Walk, building: str, level: int, at: tuple[float, float]
                   ) -> dict[Node, float]:
    """The graph nodes the panel reaches directly: those of the space it stands in (or the
    nearest within :data:`PANEL_NEAR_M`) that it sees inside that space, with the distance."""
    inside = walk.insides.get(building)
    if inside is None:
        return {}
    pt = Point(at)
    spaces = [s for s in inside.spaces_on(level) if not s.shaft]
    here = [s for s in spaces if s.polygon.covers(pt)]
    if not here:
        near = sorted((s.polygon.distance(pt), s.id, s) for s in spaces)
        here = [s for d, _i, s in near[:1] if d <= PANEL_NEAR_M]
    out: dict[Node, float] = {}
    for s in here:
        floor = prep(s.polygon.buffer(0.2, join_style=2))
        nodes = [centre_node(building, s.id)]
        nodes += [n for n, d in walk.storey(building, level).nodes(data=True)
                  if d.get("space") == s.id and n[0] == "v"]
        nodes += [("p", building, p.element, level) for p in inside.portals
                  if p.level == level and s.id in p.spaces]
        for n in nodes:
            if n not in walk.graph:
                continue
            q = walk.at(n)
            d = math.dist(at, q)
            if n[0] == "r" or floor.contains(LineString([at, q]) if d > 1e-6 else Point(q)):
                out[n] = min(out.get(n, math.inf), d)
    return out


def _targets(walk: Walk, b: Building, g: DetectorGroup) -> list[Node]:
    """The centre nodes of the group's rooms (or of the spaces its area covers)."""
    nodes = [centre_node(b.id, rid) for rid in g.rooms]
    if g.area is not None:
        area = Polygon(g.area)
        if not area.is_valid:
            area = area.buffer(0)
        inside = walk.insides.get(b.id)
        for s in (inside.spaces_on(g.level) if inside else ()):
            # a space the area covers a good part of (not a corridor it touches)
            if not s.shaft and s.polygon.intersection(area).area >= AREA_SHARE * s.polygon.area:
                nodes.append(centre_node(b.id, s.id))
    return [n for n in dict.fromkeys(nodes) if n in walk.graph]


def _exterior(walk: Walk, building: str, kinds: Iterable[DoorKind] | None = None
              ) -> list[tuple[Node, str]]:
    inside = walk.insides.get(building)
    if inside is None:
        return []
    allowed = set(kinds) if kinds is not None else None
    return [(("p", building, p.element, p.level), p.element) for p in inside.portals
            if p.kind == "exterior" and p.spaces
            and (allowed is None or p.door_kind in allowed)]


class _Codes:
    """The codes of the plan by element: stairs, exterior doors and rooms."""

    def __init__(self, markings: Sequence[Marking]) -> None:
        self.stairs = {(m.building, m.element): m.code for m in markings if m.kind == "stair"}
        self.doors = {(m.building, m.element): m.code for m in markings
                      if m.kind in ("entrance", "emergency_exit", "fire_brigade", "service")}
        self.rooms = {(m.building, m.element): m.code for m in markings if m.kind == "room"}
        self.letters = {m.building: m.code for m in markings if m.kind == "building"}


def alarm_cards(site: Site, walk: Walk, markings: Sequence[Marking], lang: str,
                find: Find) -> tuple[AlarmCard, ...]:
    """A route card for every detector group of ``site`` (see the module docstring), in
    group-number order; ``find`` is :meth:`orientation.layout.codes.Work.find`."""
    groups = sorted(((b, g) for b in site.buildings for g in b.detector_groups),
                    key=lambda t: t[1].number)
    if not groups:
        return ()
    panels = [(b, f) for b in site.buildings for f in b.features
              if f.kind == FeatureKind.fire_alarm_panel]
    if not panels:
        find("warning", "no-fire-alarm-panel", "site", "finding.no-fire-alarm-panel",
             n=len(groups))
        return ()
    codes = _Codes(markings)
    storeys = {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}
    names = {b.id: b.name for b in site.buildings}
    runs: dict[tuple[str, int], tuple[dict[Node, float], dict[Node, Node | None]]] = {}
    out = []
    for b, g in groups:
        # the panel of the group's own building, else the site's first
        pb, pf = next(((pb, pf) for pb, pf in panels if pb.id == b.id), panels[0])
        key = (pb.id, panels.index((pb, pf)))
        if key not in runs:
            runs[key] = _dijkstra(walk, _panel_sources(walk, pb.id, pf.level, pf.at))
        card = _card(walk, b, g, pb.id, pf.level, (pf.at[0], pf.at[1]), runs[key], codes,
                     storeys, names, lang)
        if card is None:
            find("warning", "alarm-card-no-way", f"{b.id}/group {g.number}",
                 "finding.alarm-card-no-way", number=g.number, building=b.id)
            continue
        away = [codes.rooms.get((b.id, r), r) for r in card.rooms if r not in card.reached]
        if away:  # drawn on the card as the group's, but no way leads there
            find("warning", "alarm-card-room-unreached", f"{b.id}/group {g.number}",
                 "finding.alarm-card-room-unreached", number=g.number, rooms=", ".join(away))
        out.append(card)
    return tuple(out)


def _card(walk: Walk, b: Building, g: DetectorGroup, panel_building: str, panel_level: int,
          panel_at: tuple[float, float],
          run: tuple[dict[Node, float], dict[Node, Node | None]], codes: _Codes,
          storeys: dict[tuple[str, int], str], names: dict[str, str],
          lang: str) -> AlarmCard | None:
    targets = _targets(walk, b, g)
    if not targets:
        return None
    dist, prev = run
    outside: tuple[Node, Node, float] | None = None  # (exit, entry, metres across the site)
    if b.id != panel_building:
        exits = [(n, e) for n, e in _exterior(walk, panel_building) if n in dist]
        entries = _exterior(walk, b.id, ENTRY_KINDS)
        if not exits or not entries:
            return None
        best: dict[Node, tuple[float, Node]] = {}
        for en, _e in entries:
            for ex, _x in exits:
                d = dist[ex] + OUTSIDE_FACTOR * math.dist(walk.at(ex), walk.at(en))
                if en not in best or d < best[en][0]:
                    best[en] = (d, ex)
        dist2, prev2 = _dijkstra(walk, {en: d for en, (d, _ex) in best.items()})
    else:
        dist2, prev2 = dist, prev
    reached = [t for t in targets if t in dist2]
    if not reached:
        return None
    first = min(reached, key=lambda t: (dist2[t], t))
    way = _path(prev2, first)
    if b.id != panel_building:
        entry = way[0]
        exit_node = best[entry][1]
        outside = (exit_node, entry, OUTSIDE_FACTOR * math.dist(walk.at(exit_node),
                                                                 walk.at(entry)))
        way = _path(prev, exit_node) + way
    # on from the first room to each other room of the group, on its storey
    tour: list[Ring] = []
    others = [t for t in reached if t != first]
    if others:
        d3, p3 = _dijkstra(walk, {first: 0.0})
        for t in others:
            if t in p3:
                tour.append(tuple(walk.at(n) for n in _path(p3, t)))
    legs = _legs(walk, way, panel_at, outside, codes)
    steps = _steps(legs, outside, codes, storeys, names, b, [n[2] for n in reached], lang)
    # every room of the group is drawn as the group's; the way goes to those it reaches
    rooms = tuple(dict.fromkeys([*g.rooms, *(n[2] for n in targets)]))
    room_codes = tuple(codes.rooms.get((b.id, r), "") for r in rooms)
    return AlarmCard(
        number=g.number, building=b.id, level=g.level, name=g.name,
        rooms=rooms, reached=tuple(n[2] for n in reached),
        codes=tuple(c for c in room_codes if c),
        area=tuple((p[0], p[1]) for p in g.area) if g.area else None,
        detectors=g.detectors.value if g.detectors else None, note=g.note,
        panel=panel_at, panel_building=panel_building, panel_level=panel_level,
        legs=legs, tour=tuple(tour), steps=steps, length_m=round(dist2[first], 1))


def _legs(walk: Walk, way: list[Node], panel_at: tuple[float, float],
          outside: tuple[Node, Node, float] | None, codes: _Codes) -> tuple[CardLeg, ...]:
    """The way split into storeys: a new leg where a stair changes the storey or the way
    leaves the building; legs of one point (a storey the stair only passes) are left out."""
    g = walk.graph
    legs: list[CardLeg] = []
    cur: list[tuple[float, float]] = [panel_at]
    arrive: str | None = None
    here = (way[0][1], walk.level(way[0]) or 0)
    for a, nxt in zip(way, [*way[1:], None]):
        cur.append(walk.at(a))
        if nxt is None:
            break
        stair = g.has_edge(a, nxt) and g.edges[a, nxt]["kind"] == "stair"
        crossing = outside is not None and a == outside[0] and nxt == outside[1]
        if stair or crossing:
            leave = (codes.stairs.get((a[1], a[2])) if stair
                     else codes.doors.get((a[1], a[2])))
            legs.append(CardLeg(here[0], here[1], tuple(cur), arrive, leave))
            arrive = (codes.stairs.get((nxt[1], nxt[2])) if stair
                      else codes.doors.get((nxt[1], nxt[2])))
            here = (nxt[1], walk.level(nxt) or 0)
            cur = []
    legs.append(CardLeg(here[0], here[1], tuple(cur), arrive, None))
    return tuple(leg for leg in legs if len(set(leg.points)) >= 2)


def _length(points: Ring) -> float:
    return sum(math.dist(p, q) for p, q in zip(points, points[1:]))


def _steps(legs: tuple[CardLeg, ...], outside: tuple[Node, Node, float] | None,
           codes: _Codes, storeys: dict[tuple[str, int], str], names: dict[str, str],
           b: Building, reached: list[str], lang: str) -> tuple[str, ...]:
    """The way in words, one step per walk, stair and crossing of the site, to the rooms
    it reaches (``reached``: room ids)."""
    if not legs:
        return ()
    first = legs[0]
    steps = [text("card.start", lang, storey=storeys.get((first.building, first.level), ""))]
    rooms = [codes.rooms[(b.id, r)] for r in reached if (b.id, r) in codes.rooms]
    goal = (text("card.room", lang, code=rooms[0]) if len(rooms) == 1 else
            text("card.rooms", lang, codes=", ".join(rooms)) if rooms else
            text("card.area", lang))
    for i, leg in enumerate(legs):
        last = i == len(legs) - 1
        target = goal if last else (leg.leave or "?")
        steps.append(text("card.walk", lang, metres=_metres(_length(leg.points)),
                          target=target))
        if last:
            break
        nxt = legs[i + 1]
        if nxt.building != leg.building and outside is not None:
            steps.append(text("card.out", lang, door=leg.leave or "?",
                              metres=_metres(outside[2]), entry=nxt.arrive or "?",
                              building=codes.letters.get(nxt.building, "")
                              or names.get(nxt.building, nxt.building)))
        else:
            key = "card.stair-up" if nxt.level > leg.level else "card.stair-down"
            steps.append(text(key, lang, stair=leg.leave or "?",
                              storey=storeys.get((nxt.building, nxt.level), str(nxt.level))))
    return tuple(steps)


__all__ = ["AREA_SHARE", "ENTRY_KINDS", "OUTSIDE_FACTOR", "PANEL_NEAR_M", "alarm_cards"]
