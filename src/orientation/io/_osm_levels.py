"""What the OSM reader makes of levels, room uses, shafts and storey outlines.

* :func:`parse_levels`: whole levels of a ``level`` / ``repeat_on`` value (``0-3``,
  ``-1;0;1``), ranges capped;
* :func:`room_kind`: whether an indoor element is a room (rooms, corridors, walkable areas);
* :func:`osm_use`: a room's use from ``room=*``, ``indoor=corridor``, ``stairs=yes``,
  ``highway=elevator``, ``amenity=*``, then its name (:func:`~._uses.use_from_name`);
* :func:`merge_shafts`: the pieces of one stairwell or lift shaft (drawn once per level, or
  once for a range and again for one level) joined into one, by ``ref`` or by position;
* :func:`indoor_outline`: a storey's outline from the indoor areas on it, where the source
  draws no ``indoor=level`` polygon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from ..model import RoomUse
from ._geometry import polygons_of
from ._uses import use_from_name

_LEVEL_PART = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:-\s*(-?\d+(?:\.\d+)?))?\s*$")


def parse_levels(value: str | None, max_range: int = 200) -> tuple[list[int], bool]:
    """Whole levels named by an OSM ``level`` value, and whether it also names half levels
    (or only ranges wider than ``max_range`` levels, which are skipped as implausible: no
    building has ten million storeys, and each one costs work and memory).

    >>> parse_levels("0-3")
    ([0, 1, 2, 3], False)
    >>> parse_levels("-1-3")
    ([-1, 0, 1, 2, 3], False)
    >>> parse_levels("0;1"), parse_levels("-1;0;1")
    (([0, 1], False), ([-1, 0, 1], False))
    >>> parse_levels("0.5")
    ([], True)
    >>> parse_levels("-2--1"), parse_levels("x")
    (([-2, -1], False), ([], True))
    >>> parse_levels("0.5-10000000.5"), parse_levels("0-10000000"), parse_levels("0.5-3.5")
    (([], True), ([], True), ([1, 2, 3], False))
    """
    if value is None:
        return [], False
    out: set[int] = set()
    odd = False
    for part in value.split(";"):
        if not part.strip():
            continue
        m = _LEVEL_PART.match(part)
        if not m:
            odd = True
            continue
        a = float(m.group(1))
        b = float(m.group(2)) if m.group(2) is not None else a
        if a > b:
            a, b = b, a
        if not a.is_integer() or not b.is_integer():
            if a.is_integer() and a == b:
                out.add(int(a))
            elif m.group(2) is None:
                odd = True
                continue
            lo, hi = int(-(-a // 1)), int(b // 1)  # whole levels inside a fractional range
            if hi - lo > max_range:
                odd = True
                continue
            out.update(range(lo, hi + 1))
            continue
        if b - a > max_range:
            odd = True
            continue
        out.update(range(int(a), int(b) + 1))
    return sorted(out), odd and not out


def too_wide(value: str | None, max_range: int) -> bool:
    """Whether ``value`` names a range wider than ``max_range`` levels.

    >>> too_wide("0-3", 200), too_wide("0;0-1000", 200), too_wide(None, 200)
    (False, True, False)
    """
    if value is None:
        return False
    return any(m is not None and m.group(2) is not None
               and abs(float(m.group(2)) - float(m.group(1))) > max_range
               for m in map(_LEVEL_PART.match, value.split(";")))


U = RoomUse
#: OSM ``room=*`` values (Simple Indoor Tagging and common practice) and what they are.
ROOM_VALUES: dict[str, RoomUse] = {
    "class": U.classroom, "classroom": U.classroom, "computer": U.classroom,
    "lecture": U.hall, "auditorium": U.hall, "hall": U.hall, "assembly_hall": U.hall,
    "office": U.office, "administration": U.office, "conference": U.office,
    "meeting": U.office, "secretariat": U.office,
    "corridor": U.corridor, "stairs": U.stair, "stairwell": U.stair, "staircase": U.stair,
    "elevator": U.lift, "lift": U.lift,
    "toilet": U.toilet, "toilets": U.toilet, "restroom": U.toilet, "bathroom": U.toilet,
    "shower": U.changing_room, "changing_room": U.changing_room, "locker": U.changing_room,
    "locker_room": U.changing_room, "kitchen": U.kitchen, "kitchenette": U.kitchen,
    "dining": U.dining, "dining_room": U.dining, "canteen": U.dining, "cafeteria": U.dining,
    "restaurant": U.dining, "storage": U.storage, "store": U.storage, "archive": U.storage,
    "technical": U.technical, "utility": U.technical, "janitor": U.technical,
    "plant": U.plant_room, "plant_room": U.plant_room, "server": U.server,
    "laboratory": U.laboratory, "lab": U.laboratory, "workshop": U.workshop,
    "sport": U.gym, "gym": U.gym, "sports": U.gym, "library": U.library,
    "staff": U.staff_room, "staff_room": U.staff_room, "lounge": U.staff_room,
    "medical": U.medical, "nursing": U.medical, "first_aid": U.medical,
    "lobby": U.lobby, "foyer": U.lobby, "entrance": U.lobby, "waiting": U.lobby,
    "electrical": U.electrical, "heating": U.heating, "boiler": U.heating,
}
#: OSM ``amenity=*`` values of a room and what they are.
AMENITY_VALUES: dict[str, RoomUse] = {
    "toilets": U.toilet, "cafe": U.dining, "restaurant": U.dining, "canteen": U.dining,
    "food_court": U.dining, "library": U.library, "kitchen": U.kitchen, "shower": U.changing_room,
    "first_aid": U.medical, "clinic": U.medical, "doctors": U.medical,
    "lecture_hall": U.hall, "auditorium": U.hall,
}


def osm_use(tags: dict) -> tuple[RoomUse | None, str | None]:
    """A room's use from its tags, and its ``room=*`` value when that has no match.

    >>> osm_use({"room": "class"}), osm_use({"indoor": "room", "stairs": "yes"})[0]
    ((<RoomUse.classroom: 'classroom'>, None), <RoomUse.stair: 'stair'>)
    >>> osm_use({"amenity": "toilets"})[0], osm_use({"name": "Teeküche"})[0]
    (<RoomUse.toilet: 'toilet'>, <RoomUse.kitchen: 'kitchen'>)
    >>> osm_use({"room": "ballroom", "ref": "2101"})
    (None, 'ballroom')
    """
    room = str(tags.get("room") or "").strip().lower()
    if room in ROOM_VALUES:
        return ROOM_VALUES[room], None
    if tags.get("indoor") == "corridor":
        return U.corridor, None
    if tags.get("stairs") == "yes" or tags.get("highway") == "steps":
        return U.stair, None
    if tags.get("highway") == "elevator":
        return U.lift, None
    amenity = str(tags.get("amenity") or "").strip().lower()
    if amenity in AMENITY_VALUES:
        return AMENITY_VALUES[amenity], None
    use = use_from_name(tags.get("name"), room.replace("_", " ") if room else None)
    return use, (room if room and use is None and room not in ("yes", "no") else None)


#: The uses that make an ``indoor=area`` a room: the walkable parts of a storey (an open
#: foyer, a corridor drawn as an area, an open stair) rather than a table in a room.
AREA_ROOM_USES = frozenset({U.corridor, U.lobby, U.hall, U.stair})
#: Tags that say an ``indoor=area`` is a corridor (older indoor schemas, common practice).
_CORRIDOR_AREA_TAGS = (("highway", "corridor"), ("area:highway", "corridor"),
                       ("corridor", "yes"), ("area", "corridor"))


def room_kind(tags: dict, geom: BaseGeometry) -> tuple[bool, RoomUse | None, str | None]:
    """Whether an indoor element is a room, its use, and an unmatched ``room=*`` value
    (:func:`osm_use`). A room is an area that is an ``indoor=room`` or ``indoor=corridor``
    (use ``corridor``), or an ``indoor=area`` whose use is a walkable one
    (:data:`AREA_ROOM_USES`, by :func:`osm_use` or a corridor tag).

    >>> from shapely.geometry import LineString, box
    >>> room_kind({"indoor": "corridor", "ref": "F01"}, box(0, 0, 9, 2))
    (True, <RoomUse.corridor: 'corridor'>, None)
    >>> room_kind({"indoor": "area", "name": "Foyer"}, box(0, 0, 9, 9))[:2]
    (True, <RoomUse.lobby: 'lobby'>)
    >>> room_kind({"indoor": "area", "highway": "corridor"}, box(0, 0, 9, 2))[:2]
    (True, <RoomUse.corridor: 'corridor'>)
    >>> room_kind({"indoor": "area", "name": "Sitzecke"}, box(0, 0, 3, 3))
    (False, None, None)
    >>> room_kind({"indoor": "room"}, LineString([(0, 0), (1, 0)]))
    (False, None, None)
    """
    indoor = tags.get("indoor")
    if indoor not in ("room", "corridor", "area") or geom.area <= 0:
        return False, None, None
    use, unknown = osm_use(tags)
    if indoor == "area":
        if use is None and any(tags.get(k) == v for k, v in _CORRIDOR_AREA_TAGS):
            use = U.corridor
        if use not in AREA_ROOM_USES:
            return False, None, None
    return True, use, unknown


@dataclass
class Shaft:
    """One piece of a stairwell or lift shaft as the source draws it (plan geometry)."""

    kind: str                      # "stair" or "lift"
    geom: BaseGeometry
    levels: list[int]
    ref: str | None = None
    name: str | None = None
    source_id: str = ""
    members: list[int] = field(default_factory=list)


#: Grid cell (m) in which pieces of shafts are looked up, and at most this many shafts are
#: remembered per cell: joining n pieces costs O(n), whatever they overlap.
_CELL_M = 4.0
_PER_CELL = 8
_MAX_CELLS = 25


def _key(ref: str | None) -> str | None:
    return ref.casefold() if ref else None


def _compatible(head: Shaft, head_ref: str | None, p: Shaft) -> bool:
    """Whether ``p`` may join the shaft headed by ``head`` (whose ref is now ``head_ref``)."""
    if head.kind != p.kind:
        return False
    if _key(head_ref) and _key(p.ref):
        return _key(head_ref) == _key(p.ref)
    return not (head.name and p.name and not head_ref and not p.ref and head.name != p.name)


def same_place(a: BaseGeometry, b: BaseGeometry) -> bool:
    """Two pieces of the same shaft: areas overlapping by half of the smaller one, a point or
    line within 0.5 m of an area, or two points/lines within 1.5 m of each other.

    >>> from shapely.geometry import Point, box
    >>> same_place(box(0, 0, 4, 4), box(1, 0, 5, 4)), same_place(box(0, 0, 4, 4), box(3, 0, 7, 4))
    (True, False)
    >>> same_place(box(0, 0, 4, 4), Point(4.3, 2)), same_place(Point(0, 0), Point(2, 0))
    (True, False)
    """
    if a.area > 0 and b.area > 0:
        return a.intersection(b).area >= 0.5 * min(a.area, b.area)
    if a.area > 0 or b.area > 0:
        poly, other = (a, b) if a.area > 0 else (b, a)
        return bool(poly.distance(other.representative_point()) <= 0.5)
    return bool(a.distance(b) <= 1.5)


def _cells(g: BaseGeometry) -> list[tuple[int, int]]:
    x0, y0, x1, y1 = g.buffer(1.5).bounds
    i0, j0, i1, j1 = (int(v // _CELL_M) for v in (x0, y0, x1, y1))
    if (i1 - i0 + 1) * (j1 - j0 + 1) > _MAX_CELLS:
        c = g.representative_point()
        return [(int(c.x // _CELL_M), int(c.y // _CELL_M))]
    return [(i, j) for i in range(i0, i1 + 1) for j in range(j0, j1 + 1)]


def merge_shafts(pieces: list[Shaft]) -> list[Shaft]:
    """The shafts that ``pieces`` make: pieces with the same ``ref`` (ignoring case) are one
    shaft wherever they are; a piece without a ref joins a shaft of its kind at the same
    place (:func:`same_place`) whose ref and name do not differ from its own. Each shaft has
    the levels of all its pieces, the geometry, name and source id of the piece on most
    levels (the largest first), and ``members``: the indexes of its pieces.

    >>> from shapely.geometry import box
    >>> a = Shaft("stair", box(0, 0, 4, 6), [0], ref="TR02")
    >>> b = Shaft("stair", box(0.5, 0, 4, 6), [0, 1, 2, 3], ref="TR02")
    >>> c = Shaft("stair", box(20, 0, 24, 6), [1])
    >>> d = Shaft("stair", box(20, 0, 24, 6), [2])
    >>> [(s.levels, s.members) for s in merge_shafts([a, b, c, d])]
    [([0, 1, 2, 3], [0, 1]), ([1, 2], [2, 3])]
    """
    order = sorted(range(len(pieces)),
                   key=lambda i: (-len(pieces[i].levels), -pieces[i].geom.area, i))
    group_of: dict[int, int] = {}      # piece -> the piece that heads its shaft
    head_ref: dict[int, str | None] = {}
    by_ref: dict[tuple[str, str], int] = {}
    cells: dict[tuple[int, int], list[int]] = {}
    for i in order:
        p = pieces[i]
        key = _key(p.ref)
        head = by_ref.get((p.kind, key)) if key else None
        if head is None:
            for cell in _cells(p.geom):
                for h in cells.get(cell, ()):
                    if (_compatible(pieces[h], head_ref[h], p)
                            and same_place(pieces[h].geom, p.geom)):
                        head = h
                        break
                if head is not None:
                    break
        if head is None:
            head = i
            head_ref[i] = p.ref
            for cell in _cells(p.geom):
                bucket = cells.setdefault(cell, [])
                if len(bucket) < _PER_CELL:
                    bucket.append(i)
        elif key and not head_ref[head]:
            head_ref[head] = p.ref   # a ref-less shaft takes the ref of its first ref'd piece
        if key:
            by_ref.setdefault((p.kind, key), head)
        group_of[i] = head
    out: dict[int, Shaft] = {}
    for i in sorted(group_of):
        h = group_of[i]
        if h not in out:
            hp = pieces[h]
            out[h] = Shaft(hp.kind, hp.geom, [], head_ref[h], hp.name, hp.source_id, [])
        s = out[h]
        s.levels = sorted(set(s.levels) | set(pieces[i].levels))
        s.members.append(i)
        s.name = s.name or pieces[i].name
    return sorted(out.values(), key=lambda s: s.members[0])


#: Indoor areas closer than twice this (m) are joined over the wall between them.
WALL_GAP_M = 0.4
#: Holes smaller than this (m²) in an outline made of indoor areas are closed: pillars,
#: ducts and gaps in the mapping, not open to the storeys below.
MIN_OPEN_HOLE_M2 = 4.0


def indoor_outline(areas: list[BaseGeometry], foot: BaseGeometry) -> Polygon | None:
    """A storey's outline from its indoor areas (rooms, corridors, areas): their union closed
    over wall gaps (:data:`WALL_GAP_M`), within the footprint ``foot``, holes under
    :data:`MIN_OPEN_HOLE_M2` closed. None when nothing is left or the areas fall into
    separate parts (the layout then draws the storey from its rooms).

    >>> from shapely.geometry import box
    >>> foot = box(0, 0, 20, 10)
    >>> p = indoor_outline([box(0, 0, 9.8, 10), box(10.1, 0, 20, 4)], foot)  # 0.3 m wall
    >>> round(p.area, 1), len(p.interiors)
    (138.8, 0)
    >>> indoor_outline([box(0, 0, 5, 10), box(12, 0, 20, 10)], foot) is None
    True
    """
    polys = [p for g in areas for p in polygons_of(g)]
    if not polys:
        return None
    union = shapely.union_all(polys)
    closed = union.buffer(WALL_GAP_M, join_style="mitre").buffer(-WALL_GAP_M, join_style="mitre")
    parts = polygons_of(shapely.union(closed, union).intersection(foot))
    parts = [p for p in parts if p.area >= max(1.0, 0.02 * parts[0].area)] if parts else []
    if len(parts) != 1:
        return None
    p = parts[0]
    return Polygon(p.exterior, [r for r in p.interiors if Polygon(r).area >= MIN_OPEN_HOLE_M2])


__all__ = ["AMENITY_VALUES", "AREA_ROOM_USES", "room_kind", "MIN_OPEN_HOLE_M2", "ROOM_VALUES", "WALL_GAP_M", "Shaft",
           "indoor_outline", "merge_shafts", "osm_use", "parse_levels", "same_place",
           "too_wide"]
