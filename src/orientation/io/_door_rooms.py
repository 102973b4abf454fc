"""The rooms a door opens into, for :func:`~._assemble.build_building`.

* :func:`fill_between`: a door's ``between`` from what the source says (the room drafts of
  :attr:`~._drafts.DoorDraft.between`): only the rooms kept in the building, on the door's
  level, each once; written when one or two are left (one for an exterior door, which opens
  into one room). A door the source puts into more rooms than that gets none (the layout then
  finds its rooms from their outlines), and is counted.
* :func:`doors_off_rooms`: the inner doors farther than :data:`NEAR_ROOM_M` from every room
  outline of their storey: no room they could open into. They are kept, and counted in one
  note per building.
* :func:`add_touching`: an inner door the source puts on one room also opens into the one
  room whose outline passes through it (OSM: a node on a way's segment);
* :func:`near_units`: which of a level's units (IMDF) an opening lies on: those whose
  boundary is within :data:`NEAR_ROOM_M` of its middle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import shapely
from shapely.geometry import Point, Polygon
from shapely.geometry.base import BaseGeometry

from ..model import DoorKind
from ._drafts import DoorDraft, RoomDraft

#: A door this close to a room's outline opens into it (metres): real walls are thick, and a
#: door drawn in the middle of one lies half the wall's thickness from each room.
NEAR_ROOM_M = 0.75


def fill_between(pairs: Sequence[tuple[dict, DoorDraft]],
                 room_of: dict[RoomDraft, tuple[str, int]]) -> tuple[int, int]:
    """Write ``between`` into the door dicts of ``pairs`` (door dict, its draft) from the
    drafts' rooms; ``room_of``: a kept room draft -> (its room id, its level). Returns (doors
    given ``between``, doors whose source names more rooms than a door opens into).

    >>> from orientation.model import DoorKind
    >>> a, b, c = RoomDraft(0, None), RoomDraft(0, None), RoomDraft(1, None)
    >>> rooms = {a: ("r-a", 0), b: ("r-b", 0), c: ("r-c", 1)}
    >>> d1, d2 = {"kind": "inner"}, {"kind": "entrance"}
    >>> fill_between([(d1, DoorDraft((0, 0), 0, DoorKind.inner, between=(a, b, c, a))),
    ...               (d2, DoorDraft((0, 0), 0, DoorKind.entrance, between=(a, b)))], rooms)
    (1, 1)
    >>> d1["between"], "between" in d2
    (['r-a', 'r-b'], False)
    """
    filled = too_many = 0
    for door, dd in pairs:
        ids: list[str] = []
        for rd in dd.between:
            kept = room_of.get(rd)
            if kept is not None and kept[1] == dd.level and kept[0] not in ids:
                ids.append(kept[0])
        if not ids:
            continue
        most = 2 if dd.kind == DoorKind.inner else 1
        if len(ids) > most:
            too_many += 1
            continue
        door["between"] = ids
        filled += 1
    return filled, too_many


def doors_off_rooms(doors: Sequence[dict], rooms: Sequence[dict]) -> list[tuple[dict, float]]:
    """The inner doors (site-file dicts) farther than :data:`NEAR_ROOM_M` from every room
    outline of their level, each with the distance to the nearest one (``inf`` where the
    level has no room outline).

    >>> rooms = [{"level": 0, "polygon": [[0, 0], [4, 0], [4, 4], [0, 4]]}]
    >>> doors = [{"kind": "inner", "level": 0, "at": [4.5, 2]},
    ...          {"kind": "inner", "level": 0, "at": [6, 2]},
    ...          {"kind": "inner", "level": 1, "at": [2, 2]},
    ...          {"kind": "entrance", "level": 0, "at": [9, 9]}]
    >>> [(d["at"], dist) for d, dist in doors_off_rooms(doors, rooms)]
    [([6, 2], 2.0), ([2, 2], inf)]
    """
    by_level: dict[int, list[BaseGeometry]] = defaultdict(list)
    for r in rooms:
        if r.get("polygon"):
            p = Polygon(r["polygon"])
            by_level[r["level"]].append(p if p.is_valid else shapely.make_valid(p))
    trees = {lv: shapely.STRtree(gs) for lv, gs in by_level.items()}
    out: list[tuple[dict, float]] = []
    for d in doors:
        if d["kind"] != DoorKind.inner.value:
            continue
        tree = trees.get(d["level"])
        if tree is None:
            out.append((d, float("inf")))
            continue
        p = Point(d["at"])
        if len(tree.query(p, predicate="dwithin", distance=NEAR_ROOM_M)):
            continue
        i = tree.nearest(p)
        out.append((d, round(float(by_level[d["level"]][int(i)].distance(p)), 2)))
    return out


#: A door's node this close to a room's outline lies on it (OSM: a node on a way's segment,
#: not one of its nodes) (metres).
ON_OUTLINE_M = 0.05


def add_touching(doors: Sequence[DoorDraft], rooms: Sequence[RoomDraft]) -> int:
    """Complete the inner doors that the source puts on one room only: the room whose outline
    passes through the door's point (within :data:`ON_OUTLINE_M`) on its level is the other
    one, when there is exactly one such room. OSM: the door is a node of the corridor's way
    and lies on the room's way without being one of its nodes. Returns how many doors were
    completed.

    >>> from shapely.geometry import box
    >>> a, b = RoomDraft(0, box(0, 0, 4, 4)), RoomDraft(0, box(4, 0, 8, 4))
    >>> d = DoorDraft((4, 2), 0, DoorKind.inner, between=(a,))
    >>> add_touching([d], [a, b]), d.between == (a, b)
    (1, True)
    """
    by_level: dict[int, list[RoomDraft]] = defaultdict(list)
    for r in rooms:
        if r.polygon is not None and r.polygon.area > 0:
            by_level[r.level].append(r)
    trees: dict[int, shapely.STRtree] = {}
    added = 0
    for d in doors:
        if d.kind != DoorKind.inner or len(d.between) != 1 or not by_level.get(d.level):
            continue
        level_rooms = by_level[d.level]
        if d.level not in trees:
            trees[d.level] = shapely.STRtree([r.polygon for r in level_rooms])
        p = Point(d.at)
        others = [level_rooms[int(i)] for i in trees[d.level].query(
            p, predicate="dwithin", distance=ON_OUTLINE_M)]
        others = [r for r in others if r is not d.between[0]
                  and r.polygon is not None and r.polygon.boundary.distance(p) <= ON_OUTLINE_M]
        if len(others) == 1:
            d.between = (d.between[0], others[0])
            added += 1
    return added


def near_units(opening: BaseGeometry, units: Sequence[BaseGeometry],
               tree: shapely.STRtree) -> list[int]:
    """The indexes of ``units`` (polygons, in ``tree``) that an opening (IMDF: a line in the
    wall) lies on: those whose boundary is within :data:`NEAR_ROOM_M` of its middle, in index
    order. The middle, not the whole line: a door beside a corner would otherwise touch the
    rooms round the corner too (SPbPU: 19 of 142 openings on three units or more by their
    lines, one by their middles).

    >>> from shapely.geometry import LineString, box
    >>> units = [box(0, 0, 4, 4), box(4.2, 0, 8, 4), box(0, 4.2, 4, 8), box(20, 0, 24, 4)]
    >>> near_units(LineString([(4.1, 2.6), (4.1, 4.0)]), units, shapely.STRtree(units))
    [0, 1]
    """
    mid = (opening.interpolate(0.5, normalized=True) if opening.geom_type == "LineString"
           else opening.centroid)
    hits = tree.query(mid, predicate="dwithin", distance=NEAR_ROOM_M)
    return sorted(int(i) for i in hits
                  if units[int(i)].boundary.distance(mid) <= NEAR_ROOM_M)


__all__ = ["NEAR_ROOM_M", "ON_OUTLINE_M", "add_touching", "doors_off_rooms", "fill_between", "near_units"]
