"""What IMDF units are: their room use, and the stairs and lifts their shafts stack into,
for :mod:`orientation.io.imdf`.

* **use** (:func:`unit_use`): the unit ``category`` (IMDF 1.0 unit categories,
  :data:`CATEGORY_USES`; a sub-category such as ``restroom.female.wheelchair`` reads as its
  head), then the unit's names by :func:`~orientation.io._uses.use_from_name`. A hazard its
  name says wins over a general use of its category (a ``storage`` unit named
  "Chemikalienlager" is a chemicals store). Categories that say where a unit is, not what it
  is for (``room``, ``unspecified``, ``nonpublic``, ``parking`` …), give no use by themselves.
* **not rooms** (:data:`NOT_ROOMS`): units that are parts of the structure (``wall``-like
  material categories, ``column``, ``structure``) or voids (``opentobelow``) are not rooms.
* **shafts** (:func:`shaft_stacks`): units used as a stair (``stairs``, ``escalator``) or a lift
  (``elevator``) are shafts; the shafts of one stair or lift are those the archive links by a
  ``relationship`` (category ``stairs``, ``escalator`` or ``elevator``; a linked unit without
  a use of its own takes the relationship's) and those of the same kind that overlap in plan
  on consecutive levels of the building.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from ..model import HAZARD_USES, RoomUse
from ._geometry import polygons_of
from ._uses import use_from_name

U = RoomUse

#: IMDF 1.0 unit categories (and a few that exports write beside them) -> room use.
CATEGORY_USES: dict[str, RoomUse] = {
    "auditorium": U.hall, "movietheater": U.hall, "theater": U.hall,
    "classroom": U.classroom,
    "office": U.office, "conferenceroom": U.office, "huddleroom": U.office,
    "phoneroom": U.office,
    "stairs": U.stair, "escalator": U.stair,
    "elevator": U.lift,
    "walkway": U.corridor, "steps": U.corridor, "ramp": U.corridor, "footbridge": U.corridor,
    "movingwalkway": U.corridor,
    "restroom": U.toilet,
    "kitchen": U.kitchen,
    "foodservice": U.dining,
    "storage": U.storage,
    "serverroom": U.server,
    "laboratory": U.laboratory,
    "library": U.library,
    "lobby": U.lobby,
    "fitnessroom": U.gym, "fieldofplay": U.gym,
    "lounge": U.staff_room, "privatelounge": U.staff_room,
    "shower": U.changing_room,
    "firstaid": U.medical,
    # not IMDF 1.0 categories, but written by exports that extend it
    "mechanical": U.plant_room, "electrical": U.electrical, "utility": U.technical,
    "janitor": U.technical,
}
#: Unit categories that are no rooms: the structure and voids over the storey below.
NOT_ROOMS = frozenset({"brick", "column", "concrete", "drywall", "glass", "structure", "wood",
                       "opentobelow"})
#: Relationship categories that link the shafts of one stair or lift, and the use they give.
VERTICAL_LINKS: dict[str, RoomUse] = {"stairs": U.stair, "escalator": U.stair,
                                      "elevator": U.lift}
#: Two shafts on consecutive levels are one stack when they overlap by this share of the smaller.
STACK_OVERLAP = 0.3


def category_use(category: str | None) -> RoomUse | None:
    """The use an IMDF unit category says, or None.

    >>> category_use("restroom.female.wheelchair"), category_use("walkway"), category_use("room")
    (<RoomUse.toilet: 'toilet'>, <RoomUse.corridor: 'corridor'>, None)
    """
    cat = (category or "").strip().lower()
    return CATEGORY_USES.get(cat) or CATEGORY_USES.get(cat.split(".")[0])


def unit_use(category: str | None, *names: str | None) -> RoomUse | None:
    """The use of a unit: its category's, else its names'; a hazard its names say first.

    >>> unit_use("storage", "Chemikalienlager"), unit_use("room", "WC Damen")
    (<RoomUse.chemicals: 'chemicals'>, <RoomUse.toilet: 'toilet'>)
    >>> unit_use("office", "Lager 3"), unit_use("unspecified", "Кафе")
    (<RoomUse.office: 'office'>, None)
    """
    by_name = use_from_name(*names)
    if by_name in HAZARD_USES:
        return by_name
    return category_use(category) or by_name


def relationship_links(features: Iterable[dict]) -> list[tuple[RoomUse, list[str]]]:
    """The unit ids each vertical ``relationship`` links (origin, intermediaries,
    destination), with the use it gives them."""
    out: list[tuple[RoomUse, list[str]]] = []
    for f in features:
        p = f.get("properties")
        if not isinstance(p, dict):
            continue
        use = VERTICAL_LINKS.get(str(p.get("category") or "").lower())
        if use is None:
            continue
        refs: list[object] = [p.get("origin"), p.get("destination")]
        mid = p.get("intermediary")
        if isinstance(mid, list):
            refs.extend(mid)
        ids = [str(r["id"]) for r in refs
               if isinstance(r, dict) and r.get("id") is not None
               and str(r.get("feature_type") or "unit") == "unit"]
        if len(ids) >= 2:
            out.append((use, ids))
    return out


@dataclass
class Shaft:
    """One unit of a stair or lift shaft: its level, plan, id, name and kind."""

    level: int
    plan: BaseGeometry
    uid: str
    name: str | None
    kind: RoomUse  # stair or lift


def shaft_stacks(shafts: Sequence[Shaft], links: Iterable[Sequence[str]],
                 levels: Sequence[int]) -> list[list[Shaft]]:
    """The stairs and lifts of one building: its shafts grouped by ``links`` (unit ids) and
    by overlap on consecutive ``levels``; each group lowest first, the groups in file order.

    >>> from shapely.geometry import box
    >>> s = [Shaft(0, box(0, 0, 3, 6), "a", None, RoomUse.stair),
    ...      Shaft(1, box(0, 0, 3, 6), "b", None, RoomUse.stair),
    ...      Shaft(1, box(0, 0, 3, 6), "c", None, RoomUse.lift),
    ...      Shaft(2, box(9, 9, 11, 11), "d", None, RoomUse.stair)]
    >>> [[x.uid for x in g] for g in shaft_stacks(s, [["b", "d"]], [0, 1, 2])]
    [['a', 'b', 'd'], ['c']]
    """
    index = {lv: i for i, lv in enumerate(sorted(set(levels)))}
    geoms = [polygons_of(s.plan)[0] if polygons_of(s.plan) else s.plan.buffer(0.5)
             for s in shafts]
    parent = list(range(len(shafts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_uid: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(shafts):
        by_uid[s.uid].append(i)
    for ids in links:
        members = [i for uid in ids for i in by_uid.get(uid, [])]
        for j in members[1:]:
            parent[find(j)] = find(members[0])
    if shafts:
        tree = shapely.STRtree(geoms)
        for i, g in enumerate(geoms):
            for j in tree.query(g, predicate="intersects"):
                j = int(j)
                a, b = shafts[i], shafts[j]
                if j <= i or a.kind != b.kind:
                    continue
                if abs(index.get(a.level, 0) - index.get(b.level, 0)) != 1:
                    continue
                if g.intersection(geoms[j]).area >= STACK_OVERLAP * min(g.area, geoms[j].area):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(shafts)):
        groups[find(i)].append(i)
    ordered = sorted(groups.values(), key=min)
    return [[shafts[i] for i in sorted(m, key=lambda i: (index.get(shafts[i].level, 0), i))]
            for m in ordered]


def stack_point(group: Sequence[Shaft]) -> tuple[float, float]:
    """A point inside all shafts of a stack where they have one in common, else inside the
    lowest."""
    common = group[0].plan
    for s in group[1:]:
        nxt = common.intersection(s.plan)
        if nxt.area > 0:
            common = nxt
    p = common.representative_point() if not common.is_empty else group[0].plan.centroid
    return (p.x, p.y)


__all__ = ["CATEGORY_USES", "NOT_ROOMS", "Shaft", "category_use", "relationship_links",
           "shaft_stacks", "stack_point", "unit_use"]
