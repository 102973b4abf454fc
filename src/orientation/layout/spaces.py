"""The inside of a building as the walking graph sees it: spaces and the portals between them.

A **space** is a room with an outline on one storey, or, on a storey whose file lists no
corridor (no room of use ``corridor``, ``lobby`` or ``hall``) or that was written by hand, the
free floor around its rooms: the storey's floor minus its rooms, without strips narrower than
:data:`MIN_CORRIDOR_WIDTH_M` (gaps between walls) and pieces smaller than
:data:`MIN_CORRIDOR_AREA_M2`. Such a corridor is *assumed* and the plan says so.

A **portal** is where the graph crosses from one space to another or to outside: an inner
door (between the two spaces it opens into: its ``between`` rooms, else the spaces whose
outlines lie within :data:`DOOR_REACH_M` of it, walls being thick in real files), an
exterior door (outside and the space behind it), a stair or a lift on each storey it serves
(the space it stands in).

A building written by hand (:func:`is_hand_written`: no door or room names a source element)
gets **assumed doors**: every room without a door that shares a wall of at least
:data:`MIN_SHARED_WALL_M` with a corridor gets one at the middle of the longest such wall. Its
free floor is a corridor even where the file lists a lobby (hand-written files leave the
corridors out). An import gets neither: what it did not bring is reported, not invented.

Pure functions of the site model; shapely for the geometry. Used by :mod:`.walking`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import shapely
from shapely.geometry import LineString, MultiLineString, Point, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from ..model import Building, DoorKind, FeatureKind, Room, RoomUse
from .geometry import XY, polygons
from .mapgeometry import storey_extent, storey_outline

#: Uses of a room people walk through to reach other rooms (an assembly hall is not one).
CIRCULATION_USES = frozenset({RoomUse.corridor, RoomUse.lobby})
#: A door attaches to the spaces whose outlines are this close (a wall and a half).
DOOR_REACH_M = 0.75
#: A stair or lift attaches to the nearest space this close when it stands in none.
POINT_REACH_M = 1.5
#: Free floor narrower than this is the gap between two walls, not a corridor.
MIN_CORRIDOR_WIDTH_M = 0.9
#: Free floor pieces smaller than this are not a corridor.
MIN_CORRIDOR_AREA_M2 = 4.0
#: A room gets an assumed door only on a wall it shares with a corridor this long.
MIN_SHARED_WALL_M = 0.9
#: Width of an assumed door.
ASSUMED_DOOR_WIDTH_M = 1.0

PortalKind = Literal["inner", "exterior", "stair", "lift"]


@dataclass(frozen=True, slots=True)
class Space:
    """A room or a corridor of one storey. ``id`` is the room's id, ``~corridor-<level>-<n>``
    for an assumed corridor. ``circulation``: people walk through it (corridor, lobby, hall,
    an assumed corridor); a stairwell is a ``shaft``."""

    id: str
    level: int
    polygon: Polygon
    circulation: bool
    shaft: bool = False
    room: Room | None = None

    @property
    def assumed(self) -> bool:
        return self.room is None


@dataclass(frozen=True, slots=True)
class Portal:
    """A door, stair or lift where the graph crosses between spaces (or to outside).
    ``element`` is the door's, stair's or feature's id (``~door-<room>`` for an assumed
    door); ``spaces`` the ids of the spaces it opens into (none when it stands in none)."""

    element: str
    kind: PortalKind
    level: int
    at: XY
    spaces: tuple[str, ...]
    door_kind: DoorKind | None = None
    width_m: float = 1.0
    assumed: bool = False
    #: the storeys a stair or lift serves
    levels: tuple[int, ...] = ()
    #: an open passage between two corridors that touch (no door to draw)
    opening: bool = False


@dataclass(slots=True)
class BuildingInside:
    """Spaces and portals of one building, and what was assumed or found wrong on the way."""

    building: Building
    spaces: dict[str, Space] = field(default_factory=dict)
    portals: list[Portal] = field(default_factory=list)
    #: level -> number of assumed corridors
    assumed_corridors: dict[int, int] = field(default_factory=dict)
    #: level -> number of assumed doors
    assumed_doors: dict[int, int] = field(default_factory=dict)
    #: inner doors that touch no space, or only one where they claim two (door id, level)
    loose_doors: list[tuple[str, int]] = field(default_factory=list)
    #: stairs and lifts that stand in no space (element id, level)
    loose_points: list[tuple[str, int]] = field(default_factory=list)

    def spaces_on(self, level: int) -> list[Space]:
        return [s for s in self.spaces.values() if s.level == level]


def _poly(ring) -> Polygon | None:
    p = Polygon(ring)
    if not p.is_valid:
        p = p.buffer(0)
        if p.geom_type == "MultiPolygon":
            p = max(p.geoms, key=lambda g: g.area)
    return p if p.geom_type == "Polygon" and p.area > 0.5 else None


def _storey_floor(b: Building, level: int) -> BaseGeometry | None:
    s = b.storey(level)
    if s is None:
        return None
    ext = storey_extent(b, level)
    if ext is not None:
        return ext
    own, holes = storey_outline(b, s)
    floor = Polygon(own, [list(h) for h in holes])
    return floor if floor.is_valid else floor.buffer(0)


def _free_floor(floor: BaseGeometry, rooms: list[Polygon]) -> list[Polygon]:
    """The storey's floor minus its rooms, without strips narrower than a corridor."""
    taken = unary_union([r.buffer(0.05, join_style=2) for r in rooms]) if rooms else None
    free = floor.difference(taken) if taken is not None else floor
    h = MIN_CORRIDOR_WIDTH_M / 2
    free = free.buffer(-h, join_style=2).buffer(h, join_style=2).intersection(free)
    parts = [g for g in getattr(free, "geoms", [free]) if g.geom_type == "Polygon"]
    return sorted((p for p in parts if p.area >= MIN_CORRIDOR_AREA_M2),
                  key=lambda p: (round(p.bounds[1], 2), round(p.bounds[0], 2)))


def _longest_piece(shared: BaseGeometry) -> LineString | None:
    """The longest straight-ish piece of a shared boundary (a line or several)."""
    if shared.is_empty:
        return None
    if isinstance(shared, LineString):
        lines = [shared]
    elif isinstance(shared, MultiLineString):
        lines = list(shapely.line_merge(shared).geoms) if not isinstance(
            shapely.line_merge(shared), LineString) else [shapely.line_merge(shared)]
    else:
        lines = [g for g in getattr(shared, "geoms", []) if isinstance(g, LineString)]
        if not lines:
            return None
        merged = shapely.line_merge(MultiLineString(lines))
        lines = [merged] if isinstance(merged, LineString) else list(merged.geoms)
    # a bent shared wall: split it into its straight segments, the longest wins
    segs = []
    for ln in lines:
        cs = list(ln.coords)
        segs += [LineString([cs[i], cs[i + 1]]) for i in range(len(cs) - 1)]
    best = max(segs, key=lambda s: s.length, default=None)
    return best if best is not None and best.length >= MIN_SHARED_WALL_M else None


def _r3(x: float, y: float) -> XY:
    return (round(x, 3) + 0.0, round(y, 3) + 0.0)


class _Near:
    """The spaces of one storey in a spatial index, for the spaces near a point."""

    def __init__(self, spaces: list[Space]):
        self.spaces = spaces
        self.tree = shapely.STRtree([s.polygon for s in spaces])

    def __iter__(self):
        return iter(self.spaces)

    def __bool__(self) -> bool:
        return bool(self.spaces)

    def near(self, at: XY, reach: float) -> list[Space]:
        hits = self.tree.query(Point(at).buffer(reach, quad_segs=2))
        return [self.spaces[i] for i in sorted(hits.tolist())]


def _nearest_spaces(spaces: Iterable[Space] | _Near, at: XY, reach: float,
                    most: int) -> list[tuple[float, Space]]:
    p = Point(at)
    pool = spaces.near(at, reach) if isinstance(spaces, _Near) else spaces
    near = sorted(((s.polygon.distance(p), s.id, s) for s in pool), key=lambda t: t[:2])
    return [(d, s) for d, _, s in near if d <= reach][:most]


def building_inside(b: Building) -> BuildingInside:
    """The spaces and portals of a building (see the module's docstring)."""
    inside = BuildingInside(b)
    levels = sorted(s.level for s in b.storeys)
    hand_written = is_hand_written(b)
    for level in levels:
        rooms = [r for r in b.rooms if r.level == level and r.polygon]
        if not rooms:
            continue
        polys = polygons([r.polygon for r in rooms if r.polygon])
        made: list[Space] = []
        for r, raw in zip(rooms, polys):
            poly = raw if raw.is_valid and raw.geom_type == "Polygon" else _poly(r.polygon)
            if poly is None:
                continue
            made.append(Space(r.id, level, poly, r.use in CIRCULATION_USES,
                              shaft=r.is_shaft, room=r))
        if hand_written or not any(s.circulation for s in made):
            floor = _storey_floor(b, level)
            if floor is not None and not floor.is_empty:
                free = _free_floor(floor, [s.polygon for s in made])
                for i, part in enumerate(free, 1):
                    made.append(Space(f"~corridor-{level}-{i}", level, part, True))
                if free:
                    inside.assumed_corridors[level] = len(free)
        for s in made:
            inside.spaces[s.id] = s
    _place_portals(inside, levels)
    for level in levels:
        _openings(inside, level)
        if hand_written:
            _assume_doors(inside, level)
    return inside


def _openings(inside: BuildingInside, level: int) -> None:
    """An open passage between two corridors (or a corridor and a lobby) whose floors touch
    along at least :data:`MIN_SHARED_WALL_M`: one floor, drawn as two outlines."""
    corridors = [s for s in inside.spaces_on(level) if s.circulation]
    joined = {frozenset(p.spaces) for p in inside.portals if p.level == level}
    for i, a in enumerate(corridors):
        grown = a.polygon.buffer(0.3, join_style=2)
        for c in corridors[i + 1:]:
            if frozenset((a.id, c.id)) in joined or not grown.intersects(c.polygon):
                continue
            piece = _longest_piece(c.polygon.boundary.intersection(grown))
            if piece is None:
                continue
            mid = piece.interpolate(0.5, normalized=True)
            inside.portals.append(Portal(f"~open-{a.id}-{c.id}", "inner", level,
                                         _r3(mid.x, mid.y), (a.id, c.id), DoorKind.inner,
                                         piece.length, opening=True))


def is_hand_written(b: Building) -> bool:
    """True for a building whose doors and rooms name no source element: written by hand,
    not imported. Only such a building gets assumed doors (an import that brought door data
    is never given doors it did not have)."""
    return not any(d.source_id for d in b.doors) and not any(r.source_id for r in b.rooms)


def _assume_doors(inside: BuildingInside, level: int) -> None:
    """An assumed door at the middle of the longest wall that a room shares with a corridor,
    for each room that no door leads to from a corridor (directly or through other rooms):
    in file order, each room not yet reached that has a wall on a corridor gets one, and
    every room its doors lead to counts as reached from then on."""
    spaces = inside.spaces_on(level)
    corridors = [s for s in spaces if s.circulation]
    if not corridors:
        return
    adj: dict[str, set[str]] = {}
    for p in inside.portals:
        if p.level == level and p.kind == "inner" and len(p.spaces) == 2:
            x, y = p.spaces
            adj.setdefault(x, set()).add(y)
            adj.setdefault(y, set()).add(x)
    reached: set[str] = set()

    def reach(start: str) -> None:
        todo = [start]
        reached.add(start)
        while todo:
            for nxt in adj.get(todo.pop(), ()):
                if nxt not in reached:
                    reached.add(nxt)
                    todo.append(nxt)

    for c in corridors:
        if c.id not in reached:
            reach(c.id)
    n = 0
    for s in spaces:
        if s.id in reached:
            continue
        door = _wall_door(s, corridors)
        if door is None:
            continue
        mid, corridor = door
        inside.portals.append(Portal(f"~door-{s.id}", "inner", level, _r3(mid.x, mid.y),
                                     (s.id, corridor.id), DoorKind.inner,
                                     ASSUMED_DOOR_WIDTH_M, assumed=True))
        n += 1
        reach(s.id)
    if n:
        inside.assumed_doors[level] = n


def _wall_door(s: Space, corridors: list[Space]) -> tuple[Point, Space] | None:
    """The middle of the longest wall ``s`` shares with a corridor, and that corridor."""
    best: tuple[float, LineString, Space] | None = None
    for c in corridors:
        if c.id == s.id or not c.assumed and s.circulation:
            continue
        shared = s.polygon.boundary.intersection(c.polygon.buffer(0.1, join_style=2))
        piece = _longest_piece(shared)
        if piece is not None and (best is None or piece.length > best[0] + 1e-9):
            best = (piece.length, piece, c)
    if best is None:
        return None
    return best[1].interpolate(0.5, normalized=True), best[2]


def _place_portals(inside: BuildingInside, levels: list[int]) -> None:
    b = inside.building
    by_level = {lv: _Near(inside.spaces_on(lv)) for lv in levels}
    for d in b.doors:
        on = by_level.get(d.level)
        if not on:
            continue
        width = d.width or 1.0
        if d.kind == DoorKind.inner:
            if d.between:
                # the rooms it claims, each checked: the door must be in their wall
                p = Point(d.at)
                ids = tuple(i for i in d.between if i in inside.spaces
                            and inside.spaces[i].polygon.distance(p) <= DOOR_REACH_M)
                if len(ids) < len(d.between):
                    inside.loose_doors.append((d.id, d.level))
                    inside.portals.append(Portal(d.id, "inner", d.level, d.at, ids, d.kind,
                                                 width))
                    continue
                if len(d.between) == 1 and ids:
                    # a door from the room into the corridor around it
                    near = [s for _, s in _nearest_spaces(on, d.at, DOOR_REACH_M, 3)
                            if s.id != ids[0]]
                    ids = (ids[0], near[0].id) if near else ids
            else:
                ids = tuple(s.id for _, s in _nearest_spaces(on, d.at, DOOR_REACH_M, 2))
            if len(ids) < 2:
                inside.loose_doors.append((d.id, d.level))
            inside.portals.append(Portal(d.id, "inner", d.level, d.at, ids, d.kind, width,
                                         opening=d.opening))
        else:
            if d.between:
                ids = tuple(i for i in d.between if i in inside.spaces)[:1]
            else:
                ids = tuple(s.id for _, s in _nearest_spaces(on, d.at, DOOR_REACH_M, 1))
            inside.portals.append(Portal(d.id, "exterior", d.level, d.at, ids, d.kind, width))
    points: list[tuple[str, PortalKind, XY, tuple[int, ...]]] = [
        (st.id, "stair", st.at, tuple(sorted(st.levels))) for st in b.stairs]
    points += [(ft.id or f"~lift-{i}", "lift", ft.at, ft.served_levels)
               for i, ft in enumerate(b.features) if ft.kind == FeatureKind.elevator]
    for element, kind, at, served in points:
        for lv in served:
            on = by_level.get(lv)
            if not on:
                continue
            p = Point(at)
            inn = sorted((s for s in on.near(at, 0.01) if s.polygon.covers(p)),
                         key=lambda s: (not s.shaft, s.polygon.area, s.id))
            ids = (inn[0].id,) if inn else tuple(
                s.id for _, s in _nearest_spaces(on, at, POINT_REACH_M, 1))
            if not ids:
                inside.loose_points.append((element, lv))
            inside.portals.append(Portal(element, kind, lv, at, ids, levels=served))


__all__ = ["ASSUMED_DOOR_WIDTH_M", "BuildingInside", "CIRCULATION_USES", "DOOR_REACH_M",
           "Portal", "Space", "building_inside"]
