"""Guidance signs: where the corridors lead (Gütersloh model: "zu T2", "Räume 113–115",
"Sekretariat"), one destination per sign, from the walking graph (:mod:`.walking`).

On each storey with corridors, the ways from every **entry** (a stair's landing, an entrance
crews use) to every **destination** of the storey (its other stairs, its rooms with a number,
its landmarks) are followed along the corridors. A sign set stands

* at each entry: every destination, by the direction its way leaves there;
* at each **decision point** the ways turn at (a corridor junction or a bend sharper than
  the profile's ``guidance.bend_deg``; corners closer than ``guidance.merge_m`` are one
  point): the destinations whose way turns there.

The signs of one point face the first way that reaches it and are grouped by the direction
they point: each stair and each landmark a sign of its own; the rooms as ranges of
consecutive numbers of the storey (``113–115``: every room numbered from 113 to 115 on the
storey is that way; a room that is not breaks the range, so no room is on two signs of one
point). At most ``guidance.max_per_point`` signs stand at a point (stairs, then landmarks,
then the longest ranges); the rest are named in a finding.

A sign's ``direction`` is where its arrow points in plan axes, its ``arrow`` that direction
as the person it faces sees it (``ahead``, ``left``, ``right``, ``back``). Its id is a short
hash of its storey, point, approach and destination, so that an unchanged building gives
unchanged ids.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from ..model import Building
from ..plan import Marking
from .geometry import XY, locate, outline
from .numbering import split_code
from .routes import _turn
from .walking import Node, Walk, portal_node, shortest_from


@dataclass(frozen=True, slots=True)
class GuideSign:
    """One guidance sign before it is sized: see the module's docstring. ``destination``
    is ``stair:<marking id>``, ``rooms:<first>-<last>`` or ``landmark:<marking id>``;
    ``targets`` the graph nodes the destination is (for the check that the arrow is right)."""

    id: str
    building: str
    level: int
    at: XY
    approach: XY
    direction: XY
    arrow: str
    kind: str  # stair | rooms | landmark
    text: str
    destination: str
    targets: tuple[Node, ...]
    rooms: tuple[str, ...] = ()


def _unit(v: XY) -> XY:
    n = math.hypot(*v)
    return (v[0] / n, v[1] / n) if n > 1e-9 else (0.0, 0.0)


def _sector(v: XY) -> int:
    """The 45° sector (0..7) of a direction, east counter-clockwise."""
    return int(round(math.degrees(math.atan2(v[1], v[0])) / 45.0)) % 8


def _bend(a: XY, b: XY, c: XY) -> float:
    """The angle (degrees) a way turns by at ``b`` going from ``a`` to ``c``."""
    u, v = (b[0] - a[0], b[1] - a[1]), (c[0] - b[0], c[1] - b[1])
    if math.hypot(*u) < 1e-6 or math.hypot(*v) < 1e-6:
        return 0.0
    return abs(math.degrees(math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1])))


def _number_key(code: str) -> tuple:
    sp = split_code(code)
    return (0, sp[0], sp[1], code) if sp else (1, "", 0, code)


def _corridor_graph(walk: Walk, b: Building, level: int) -> nx.Graph:
    """The storey's graph along corridors and stairwells only (no way through a room)."""
    inside = walk.insides[b.id]
    walkable = frozenset(sid for sid, s in inside.spaces.items()
                         if s.level == level and (s.circulation or s.shaft))
    return walk.storey(b.id, level, walkable)


@dataclass(slots=True)
class _Dest:
    kind: str
    key: str
    text: str
    nodes: list[Node]
    number: str | None = None
    marking: str = ""


def _destinations(walk: Walk, b: Building, level: int, markings: Sequence[Marking],
                  h: nx.Graph) -> list[_Dest]:
    inside = walk.insides[b.id]
    out: list[_Dest] = []
    doors_of: dict[str, list[Node]] = defaultdict(list)
    for p in inside.portals:
        if p.level == level and p.kind == "inner":
            for sid in p.spaces:
                doors_of[sid].append(portal_node(b.id, p.element, level))
    for m in markings:
        if m.building != b.id:
            continue
        if m.kind == "stair" and level in (m.levels or ()):
            node = portal_node(b.id, m.element, level)
            if node in h and h.degree(node):
                out.append(_Dest("stair", f"stair:{m.id}", m.code, [node], marking=m.id))
        elif m.kind == "room" and m.level == level:
            nodes = [n for n in doors_of.get(m.element, ()) if n in h and h.degree(n)]
            space = inside.spaces.get(m.element)
            if not nodes or space is None or space.circulation:
                continue
            out.append(_Dest("room", f"room:{m.id}", m.code, nodes, number=m.code, marking=m.id))
            if m.landmark and m.name:
                out.append(_Dest("landmark", f"landmark:{m.id}", m.name, nodes, marking=m.id))
    return out


def _entries(walk: Walk, b: Building, level: int, entry_doors: set[str],
             h: nx.Graph) -> list[tuple[Node, XY]]:
    """The entries of a storey with the direction people come in by."""
    inside = walk.insides[b.id]
    o = outline(b)
    out: list[tuple[Node, XY]] = []
    for p in inside.portals:
        node = portal_node(b.id, p.element, level)
        if p.level != level or node not in h or not p.spaces:
            continue
        if p.kind == "exterior" and p.element in entry_doors:
            n = locate(o, p.at).normal
            out.append((node, (-n[0], -n[1])))
        elif p.kind == "stair":
            space = inside.spaces[p.spaces[0]]
            c = space.polygon.representative_point()
            out.append((node, _unit((c.x - p.at[0], c.y - p.at[1]))))
    return out


def storey_guidance(walk: Walk, b: Building, level: int, markings: Sequence[Marking], *,
                    entry_doors: set[str], bend_deg: float, merge_m: float, max_per_point: int,
                    words: dict[str, str]) -> tuple[list[GuideSign], list[tuple[int, list[str]]]]:
    """The guidance signs of one storey, and the decision points that needed more than
    ``max_per_point`` signs (their count and the destinations left without one).
    ``entry_doors``: the ids of the building's doors crews enter by; ``words``: the
    subtexts (``stair``, ``rooms``, ``room``) in the plan's language."""
    h = _corridor_graph(walk, b, level)
    dests = _destinations(walk, b, level, markings, h)
    entries = _entries(walk, b, level, entry_doors, h)
    if not dests or not entries:
        return [], []
    at = walk.at
    # the ways: (entry, destination) -> path
    events: list[tuple[tuple, _Dest, XY, XY, XY]] = []  # (point key, dest, point, in, out)
    bends: list[XY] = []
    ways: list[tuple[Node, XY, _Dest, list[Node]]] = []
    for entry, approach in entries:
        dist, paths = shortest_from(h, [entry])
        for d in dests:
            if entry in d.nodes:
                continue
            reach = [n for n in d.nodes if n in paths]
            if not reach:
                continue
            path = paths[min(reach, key=lambda n: dist[n])]
            if len(path) < 2:
                continue
            ways.append((entry, approach, d, path))
            for k in range(1, len(path) - 1):
                if path[k][0] == "v" and _bend(at(path[k - 1]), at(path[k]),
                                               at(path[k + 1])) > bend_deg:
                    bends.append(at(path[k]))
    clusters = _cluster(bends, merge_m)
    for entry, approach, d, path in ways:
        p0 = at(entry)
        nxt = next((at(n) for n in path[1:] if math.dist(at(n), p0) >= 1.0), at(path[-1]))
        events.append((("e", entry), d, p0, approach,
                       _unit((nxt[0] - p0[0], nxt[1] - p0[1]))))
        for k in range(1, len(path) - 1):
            q = at(path[k])
            ci = clusters.get(q)
            if ci is None or _bend(at(path[k - 1]), q, at(path[k + 1])) <= bend_deg:
                continue
            centre = ci[1]
            inc = _unit((q[0] - at(path[k - 1])[0], q[1] - at(path[k - 1])[1]))
            after = next((at(n) for n in path[k + 1:] if math.dist(at(n), centre) >= 1.0),
                         at(path[-1]))
            out = _unit((after[0] - centre[0], after[1] - centre[1]))
            events.append((("c", ci[0]), d, centre, inc, out))
    return _signs(b, level, events, dests, max_per_point, words)


def _cluster(points: list[XY], merge_m: float) -> dict[XY, tuple[int, XY]]:
    """Points closer than ``merge_m`` as one: point -> (cluster index, cluster centre)."""
    uniq = sorted(set(points))
    groups: list[list[XY]] = []
    for p in uniq:
        for grp in groups:
            if any(math.dist(p, q) <= merge_m for q in grp):
                grp.append(p)
                break
        else:
            groups.append([p])
    out: dict[XY, tuple[int, XY]] = {}
    for i, grp in enumerate(groups):
        c = (round(sum(p[0] for p in grp) / len(grp), 3), round(sum(p[1] for p in grp) / len(grp), 3))
        for p in grp:
            out[p] = (i, c)
    return out


def _sign_id(level: int, at: XY, approach: XY, destination: str) -> str:
    key = f"{level}|{round(at[0])}|{round(at[1])}|{_sector(approach)}|{destination}"
    return "g-" + hashlib.sha1(key.encode()).hexdigest()[:8]


def _signs(b: Building, level: int, events, dests: list[_Dest], max_per_point: int,
           words: dict[str, str]) -> tuple[list[GuideSign], list[tuple[int, list[str]]]]:
    numbers = sorted({d.number for d in dests if d.number}, key=_number_key)
    rank = {n: i for i, n in enumerate(numbers)}
    # one sign set per decision point, facing the first way that reaches it: each
    # destination once, by the direction its first way leaves there
    points: dict[tuple, dict[str, tuple[_Dest, XY, XY, XY]]] = defaultdict(dict)
    facing: dict[tuple, XY] = {}
    for key, d, p, inc, out in events:
        inc = facing.setdefault(key, inc)
        points[key].setdefault(d.key, (d, p, inc, out))
    signs: list[GuideSign] = []
    crowded: list[tuple[int, list[str]]] = []
    for key in sorted(points, key=str):
        got = points[key]
        by_dir: dict[int, list[tuple[_Dest, XY, XY, XY]]] = defaultdict(list)
        for d, p, inc, out in got.values():
            by_dir[_sector(out)].append((d, p, inc, out))
        room_dir = {d.number: sec for sec, items in by_dir.items()
                    for d, *_ in items if d.kind == "room" and d.number}
        made: list[tuple[int, GuideSign]] = []
        for sec in sorted(by_dir):
            items = by_dir[sec]
            d0, p, inc, _ = items[0]
            out = _unit((sum(i[3][0] for i in items), sum(i[3][1] for i in items)))
            arrow = _turn(inc, out)
            for d, *_ in items:
                if d.kind in ("stair", "landmark"):
                    made.append((0 if d.kind == "stair" else 1, GuideSign(
                        _sign_id(level, p, inc, d.key), b.id, level, p, inc, out, arrow,
                        "stair" if d.kind == "stair" else "landmark", d.text, d.key,
                        tuple(d.nodes), (d.marking,) if d.kind == "landmark" else ())))
            # ranges of consecutive numbers of the storey that all go this way
            runs: list[list[_Dest]] = []
            mine = sorted((d for d, *_ in items if d.kind == "room"),
                          key=lambda d: rank[d.number or ""])
            for d in mine:
                if runs and all(room_dir.get(n) == sec
                                for n in numbers[rank[runs[-1][-1].number or ""]:
                                                 rank[d.number or ""] + 1]):
                    runs[-1].append(d)
                else:
                    runs.append([d])
            for run in runs:
                first, last = run[0].number or "", run[-1].number or ""
                text = first if first == last else f"{first}–{last}"
                dest = f"rooms:{first}-{last}"
                made.append((2, GuideSign(
                    _sign_id(level, p, inc, dest), b.id, level, p, inc, out, arrow, "rooms",
                    text, dest, tuple(n for d in run for n in d.nodes),
                    tuple(d.marking for d in run))))
        made.sort(key=lambda t: (t[0], -len(t[1].rooms) if t[0] == 2 else 0, t[1].text))
        if len(made) > max_per_point:
            crowded.append((len(made), [s.text for _, s in made[max_per_point:]]))
            made = made[:max_per_point]
        signs += [s for _, s in made]
    return signs, crowded


def make_guidance(w, walk: Walk) -> list[tuple[Marking, str, GuideSign]]:
    """The guidance markings of a plan under construction (``w``: a
    :class:`~orientation.layout.codes.Work` whose codes are made), each with its sign's
    subtext and its :class:`GuideSign`; findings for crowded decision points."""
    from ..model import DoorKind
    from ..words import text

    cfg = w.prof.guidance
    words = {k: text("guide." + k, w.lang) for k in ("stair", "rooms", "room")}
    entry_kinds = (DoorKind.entrance, DoorKind.fire_brigade, DoorKind.service)
    out: list[tuple[Marking, str, GuideSign]] = []
    seen: set[str] = set()
    markings = tuple(w.markings)
    for b in w.site.buildings:
        if not walk.insides.get(b.id) or not walk.insides[b.id].spaces:
            continue
        entry = {d.id for d in b.doors if d.kind in entry_kinds}
        pins = {gp.id: gp for gp in b.guidance}
        used: set[str] = set()
        for s in sorted(b.storeys, key=lambda s: s.level):
            signs, crowded = storey_guidance(
                walk, b, s.level, markings, entry_doors=entry, bend_deg=cfg.bend_deg,
                merge_m=cfg.merge_m, max_per_point=cfg.max_per_point, words=words)
            for n, dropped in crowded:
                w.find("info", "guidance-too-many", f"{b.id}/level {s.level}",
                       "finding.guidance-too-many", building=b.id, level=s.level, n=n,
                       kept=cfg.max_per_point, dropped=", ".join(dropped[:8]))
            for g in signs:
                gid = g.id
                k = 2
                while f"{b.id}/{gid}" in seen:
                    gid, k = f"{g.id}-{k}", k + 1
                seen.add(f"{b.id}/{gid}")
                pin = pins.get(gid)
                if pin is not None and pin.level == g.level:
                    used.add(gid)
                m = w.mark(id=f"{b.id}/{gid}", code=pin.text if gid in used and pin else g.text,
                           kind="guidance", building=b.id, level=g.level, at=g.at, side=None,
                           element=gid, pinned=gid in used)
                if g.kind == "stair":
                    sub = words["stair"]
                elif g.kind == "rooms":
                    sub = words["rooms"] if "–" in g.text else words["room"]
                else:
                    sub = ""
                out.append((m, sub, g))
        for pid, pin in pins.items():
            if pid not in used:
                w.find("warning", "guidance-pin-lost", f"{b.id}/{pid}",
                       "finding.guidance-pin-lost", sign=pid, text=pin.text, building=b.id)
    return out


__all__ = ["GuideSign", "make_guidance", "storey_guidance"]
