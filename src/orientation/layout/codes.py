"""The code steps of :func:`orientation.layout.engine.make_plan`: letters checked, pins
collected, then building letters and sides, door codes, stairs, rooms, windows and the
facility name as markings, in walking order (rules in :mod:`.numbering`).

Each step reads the site and the :class:`Work` of the plan being made and adds its markings
and findings to it; the order of the steps is the order of ``make_plan``'s narration, and it
decides which element gets which free code.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import shapely
from shapely.geometry import Point, Polygon

from ..model import EXTERIOR_DOOR_KINDS, DoorKind, Site
from ..plan import BuildingPlan, Finding, MapFrame, Marking, Side
from ..profiles import Profile
from ..words import Ref
from . import mapframe, numbering
from .geometry import XY, distances_to_ring, exterior_doors, locate, polygons

DEFAULT_WINDOW_WIDTH_M = 1.2
DEFAULT_DOOR_WIDTH_M = 1.0


@dataclass
class Work:
    """A plan under construction: the inputs every step reads (site, profile, language,
    reserved codes, the map frame) and what the steps add (findings, markings, building
    plans, taken codes). Private to the layout stage; ``make_plan`` freezes it into a
    :class:`~orientation.plan.Plan`."""

    site: Site
    prof: Profile
    lang: str
    reserved: frozenset[str]
    frame: MapFrame | None = None
    findings: list[Finding] = field(default_factory=list)
    markings: list[Marking] = field(default_factory=list)
    building_plans: list[BuildingPlan] = field(default_factory=list)
    #: pinned code -> the elements that pin it
    pins: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    #: every code no new element may take (pins, reserved, codes handed out so far)
    taken: set[str] = field(default_factory=set)
    #: (door marking, kind, width m) of every exterior door, in marking order
    door_marks: list[tuple[Marking, DoorKind, float]] = field(default_factory=list)
    #: (window marking, width m) of every coded window
    window_marks: list[tuple[Marking, float]] = field(default_factory=list)
    #: (building id, room id) -> room code
    room_codes: dict[tuple[str, str], str] = field(default_factory=dict)
    #: (building id, level) -> (room polygon, room id) of the rooms with an outline
    room_polys: dict[tuple[str, int], list[tuple[Polygon, str]]] = field(
        default_factory=lambda: defaultdict(list))

    def find(self, severity: Any, code: str, element: str, key: str, /, **params: Any) -> None:
        """A finding worded by the catalogue's ``key`` (:mod:`orientation.words`) with
        ``params``: plan.json has its English text, the app its text in its language."""
        self.findings.append(Finding.worded(severity, code, element, key, **params))

    def mark(self, **kw: Any) -> Marking:
        """A marking with its grid cell on the site plan."""
        assert self.frame is not None
        return Marking(**kw, grid=mapframe.grid_cell(self.frame, kw["at"]))

    def fresh_taken(self) -> set[str]:
        """The pinned and reserved codes alone (a series that restarts per building)."""
        return set(self.pins) | set(self.reserved)


def r3(p: Any) -> XY:
    """A plan point rounded to millimetres (as every point in the plan).

    >>> r3((1.23456, -0.0004))
    (1.235, -0.0)
    """
    return (round(float(p[0]), 3), round(float(p[1]), 3))


def check_letters(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """Findings for pinned building letters used twice, holding a skipped letter, or (with
    ``letters_skip_code_prefixes``) holding a door or stair prefix (``E``: kept, but it reads
    as an entrance code)."""
    num = w.prof.numbering
    pinned_letters = [f.building.letter for f in ordered if f.building.letter]
    for dup in sorted({x for x in pinned_letters if pinned_letters.count(x) > 1}):
        w.find("error", "duplicate-code", "site", "finding.duplicate-letter", letter=dup)
    prefixes = set(num.code_prefix_letters) if num.letters_skip_code_prefixes else set()
    for f in ordered:
        lt = f.building.letter
        if lt and set(lt) & set(num.letters_skip):
            w.find("warning", "ambiguous-glyph", f.building.id, "finding.ambiguous-letter",
                   letter=lt, chars="/".join(sorted(set(lt) & set(num.letters_skip))))
        clash = sorted(set(lt) & prefixes) if lt else []
        if clash:
            w.find("warning", "letter-code-prefix", f.building.id, "finding.letter-code-prefix",
                   letter=lt, chars="/".join(clash), example=clash[0] + "1")


#: A finding about existing room numbers names at most this many rooms.
MAX_NAMED_ROOMS = 10


def named_rooms(items: list[str]) -> dict[str, Any]:
    """The ``rooms`` and ``more`` parameters of a finding that names rooms: the first
    :data:`MAX_NAMED_ROOMS`, then how many more (a phrase of the catalogue)."""
    more = len(items) - MAX_NAMED_ROOMS
    return {"rooms": ", ".join(items[:MAX_NAMED_ROOMS]),
            "more": Ref.to("what.and-more", n=more) if more > 0 else ""}


def collect_pins(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """Every pinned code, so that no new element gets one (reserved codes of an earlier plan
    too; rooms' existing numbers unless the profile renumbers); findings for codes pinned
    twice or holding a glyph that reads as a digit. An existing room number on two rooms of
    one building is an error (a crew finds two doors), on rooms of several buildings a
    warning (only the building tells them apart); the numbers stay as on the door plates."""
    pins = w.pins
    keep = w.prof.numbering.room_numbers == "keep"
    rooms: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for f in ordered:
        b = f.building
        for d in b.doors:
            if d.label and d.kind in EXTERIOR_DOOR_KINDS:
                pins[d.label].append(f"{b.id}/{d.id}")
        for s in b.stairs:
            if s.label:
                pins[s.label].append(f"{b.id}/{s.id}")
        for r in b.rooms:
            if r.number and keep:
                pins[r.number].append(f"{b.id}/{r.id}")
                rooms[r.number].append((b.id, r.id))
    for code, owners in sorted(pins.items()):
        if len(owners) > 1 and len(rooms.get(code, ())) == len(owners):
            _repeated_room_number(w, code, rooms[code])
        elif len(owners) > 1:
            w.find("error", "duplicate-code", owners[1], "finding.duplicate-code", code=code,
                   n=len(owners), owners=", ".join(owners))
        bad = numbering.ambiguous_chars(code)
        if bad:
            w.find("warning", "ambiguous-glyph", owners[0], "finding.ambiguous-glyph", code=code,
                   chars=bad)
    w.taken = set(pins) | set(w.reserved)


def _repeated_room_number(w: Work, number: str, owners: list[tuple[str, str]]) -> None:
    per_building: dict[str, int] = defaultdict(int)
    for bid, _ in owners:
        per_building[bid] += 1
    ids = [f"{bid}/{rid}" for bid, rid in owners]
    if max(per_building.values()) > 1:
        w.find("error", "duplicate-room-number", ids[1], "finding.duplicate-room-number",
               number=number, n=len(ids), owners=", ".join(ids))
    else:
        w.find("warning", "repeated-room-number", ids[1], "finding.repeated-room-number",
               number=number, owners=", ".join(ids))


def existing_number_findings(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """Warnings for rooms whose existing number breaks the profile's hotel scheme (``2.04``
    or ``12`` beside ``204``) and for hotel numbers whose storey digit is not the room's
    level; the numbers are kept either way. Nothing when the profile renumbers."""
    num = w.prof.numbering
    if num.room_numbers != "keep":
        return
    other: list[str] = []
    storey: list[str] = []
    for f in ordered:
        for r in f.building.rooms:
            if not r.number or r.is_shaft:
                continue
            shown = f"{f.building.id}/{r.id} ({r.number})"
            if numbering.number_scheme(r.number, num.basement_prefix) != "hotel":
                other.append(shown)
            elif not numbering.hotel_storey_matches(r.number, r.level,
                                                    basement_prefix=num.basement_prefix,
                                                    ground_floor=num.ground_floor_number):
                storey.append(shown)
    if other:
        w.find("warning", "room-number-scheme", "site", "finding.room-number-scheme",
               n=len(other), **named_rooms(other))
    if storey:
        w.find("warning", "room-number-storey", "site", "finding.room-number-storey",
               n=len(storey), **named_rooms(storey))


def building_codes(w: Work, ordered: list[numbering.BuildingFrame], letters: dict[str, str]) -> None:
    """Per building in plan order: its plan (letter, sides, storeys), the letter marking,
    one side marking per side A-D, and the exterior doors' codes clockwise from the main
    entrance."""
    prof = w.prof
    door_series: dict[str, numbering.Series] = {}
    for f in ordered:
        b = f.building
        letter = letters[b.id]
        sides = numbering.building_sides(f)
        storeys = sorted(b.storeys, key=lambda s: s.level)
        w.building_plans.append(BuildingPlan(
            id=b.id, letter=letter, name=b.name, pinned=bool(b.letter),
            sides=tuple(Side(lab, r3(a), r3(e), ring) for lab, a, e, ring in sides),
            levels=tuple(s.level for s in storeys),
            level_names=tuple(s.name for s in storeys)))
        c = f.outline.polygon.representative_point()
        w.markings.append(w.mark(id=b.id, code=letter, kind="building", building=b.id,
                                 level=None, at=r3((c.x, c.y)), side=None, element=b.id,
                                 pinned=bool(b.letter), name=b.name))
        _side_marks(w, f, sides)
        door_taken = w.taken
        if prof.numbering.door_scope == "building":  # codes repeat per building; pins still count
            door_series.clear()
            door_taken = w.fresh_taken()
        doors = sorted(exterior_doors(b), key=lambda d: (numbering.walk_key(f, d.at), d.id))
        if f.main_door is not None and f.main_door in doors:  # main entrance first
            doors.remove(f.main_door)
            doors.insert(0, f.main_door)
        for d in doors:
            pos = locate(f.outline, d.at)
            side = numbering.side_label(pos.normal, f.side_a)
            prefix = numbering.door_series_prefix(prof, d)
            if d.label:
                code, pinned = d.label, True
            else:
                series = door_series.setdefault(prefix, numbering.Series(prefix, door_taken))
                code, pinned = series.next(), False
            m = w.mark(id=f"{b.id}/{d.id}", code=code, kind=d.kind.value, building=b.id,
                       level=d.level, at=r3(d.at), side=side, element=d.id, pinned=pinned,
                       main=d.main)
            w.markings.append(m)
            w.door_marks.append((m, d.kind, d.width or DEFAULT_DOOR_WIDTH_M))
        for d in b.doors:
            if d.kind == DoorKind.inner and locate(f.outline, d.at).distance <= 0.1:
                w.find("info", "inner-door-on-outline", f"{b.id}/{d.id}",
                       "finding.inner-door-on-outline", door=d.id)
        _check_pinned_order(w, f, doors)


def _side_marks(w: Work, f: numbering.BuildingFrame, sides: list) -> None:
    """One marking per side A-D on the face crews see from outside: faces on the convex hull
    first (not the inner faces of an L or U), then the longest. The distances to the hull
    come in one indexed call (one call per edge was quadratic in the outline's corners)."""
    b = f.building
    outer_runs = [(la, a, e) for la, a, e, ring in sides if ring == 0]
    on_hull = [d < 0.5 for d in distances_to_ring(
        f.outline.polygon.convex_hull.exterior.coords,
        [((a[0] + e[0]) / 2, (a[1] + e[1]) / 2) for _, a, e in outer_runs])]
    for lab in "ABCD":
        runs = [(a, e, h) for (la, a, e), h in zip(outer_runs, on_hull) if la == lab]
        if not runs:
            continue
        a, e, _ = max(runs, key=lambda r: (r[2], math.dist(r[0], r[1])))
        w.markings.append(w.mark(id=f"{b.id}/side-{lab}", code=lab, kind="side", building=b.id,
                                 level=None, at=r3(((a[0] + e[0]) / 2, (a[1] + e[1]) / 2)),
                                 side=lab, element=f"side-{lab}"))


def _check_pinned_order(w: Work, f: numbering.BuildingFrame, doors: list) -> None:
    """Info when pins make a series no longer increase clockwise."""
    by_id = {m.element: m for m in w.markings if m.building == f.building.id}
    last: dict[str, int] = {}
    for d in doors:
        m = by_id.get(d.id)
        if m is None:
            continue
        sc = numbering.split_code(m.code)
        if sc is None:
            continue
        prefix, n = sc
        if prefix in last and n < last[prefix] and any(
                by_id[x.id].pinned for x in doors if x.id in by_id):
            w.find("info", "pins-not-clockwise", m.id, "finding.pins-not-clockwise",
                   code=m.code, building=f.building.id)
            return
        last[prefix] = n


def stair_codes(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """Stair codes (T1, T2 …) in walking order, projected onto the outer outline."""
    prof = w.prof
    stair_series: dict[str, numbering.Series] = {}
    for f in ordered:
        b = f.building
        stair_taken = w.taken
        if prof.numbering.stair_scope == "building":
            stair_series.clear()
            stair_taken = w.fresh_taken()
        for s in sorted(b.stairs, key=lambda s: (numbering.walk_key(f, s.at, outer_only=True), s.id)):
            if s.label:
                code, pinned = s.label, True
            else:
                series = stair_series.setdefault(
                    "T", numbering.Series(prof.numbering.stair_prefix, stair_taken))
                code, pinned = series.next(), False
            levels = tuple(sorted(s.levels))
            w.markings.append(w.mark(id=f"{b.id}/{s.id}", code=code, kind="stair", building=b.id,
                                     level=levels[0], at=r3(s.at), side=None, element=s.id,
                                     pinned=pinned, levels=levels, name=s.name))
            if len(levels) < 2:
                w.find("warning", "stair-one-storey", f"{b.id}/{s.id}",
                       "finding.stair-one-storey", code=code, level=levels[0])


def room_prefix(prof: Profile, site: Site) -> bool:
    """Whether room numbers carry the building letter (the profile's rule; ``auto``: when
    more than one building has rooms)."""
    mode = prof.numbering.room_building_prefix
    if mode == "always":
        return True
    if mode == "never":
        return False
    return sum(1 for b in site.buildings if b.rooms) > 1


def _plates_unprefixed(own: set[str], letter: str) -> bool:
    """Whether a building's existing room numbers (casefolded) mostly go without its letter
    (door plates ``101``, ``204`` in building A): its new numbers then follow them (``211``,
    not ``A211``, which would mix two schemes on one floor); they stay unique site-wide.

    >>> _plates_unprefixed({"101", "204"}, "A"), _plates_unprefixed({"a101"}, "A")
    (True, False)
    >>> _plates_unprefixed(set(), "A")
    False
    """
    if not own:
        return False
    with_letter = sum(1 for n in own if n.startswith(letter.casefold()))
    return with_letter * 2 < len(own)


def room_codes(w: Work, ordered: list[numbering.BuildingFrame], letters: dict[str, str]) -> None:
    """Hotel numbers per storey, clockwise from the building's start; a room's existing
    number is its code unless the profile renumbers. A new number is never a taken code
    (in any case), nor, without its building letter, an existing number of its building.
    Shafts get none (nor a marking). Findings for rooms without an outline, shafts with a
    number, storeys past :data:`~.numbering.MAX_HOTEL_INDEX` rooms, renumbered rooms."""
    num = w.prof.numbering
    keep = num.room_numbers == "keep"
    prefix_rooms = room_prefix(w.prof, w.site)
    taken = w.taken
    folded = {c.casefold() for c in taken}
    renumbered = 0
    for f in ordered:
        b = f.building
        own = {r.number.casefold() for r in b.rooms if r.number} if keep else set()
        bprefix = letters[b.id] if prefix_rooms and not _plates_unprefixed(
            own, letters[b.id]) else ""
        by_level: dict[int, list] = defaultdict(list)
        for i, r in enumerate(b.rooms):
            by_level[r.level].append((i, r))
        no_outline: dict[int, int] = defaultdict(int)
        numbered_shafts: list[str] = []
        for level in sorted(by_level):
            shapes = room_shapes([r.polygon for _, r in by_level[level] if r.polygon])
            items = []
            shafts: list[tuple[Polygon, str]] = []  # behind their windows, after the rooms
            for i, r in by_level[level]:
                poly, label = next(shapes) if r.polygon else (None, None)
                if r.is_shaft:
                    if r.number and keep:
                        numbered_shafts.append(r.id)
                    if poly is not None:
                        shafts.append((poly, r.id))
                    continue
                if poly is None:
                    no_outline[level] += 1
                items.append((numbering.room_order_key(f, label, i), r, poly, label))
            index = 0
            past: list[str] = []
            for _, r, poly, label in sorted(items, key=lambda t: t[0]):
                if r.number and keep:
                    code, pinned = r.number, True
                else:
                    renumbered += bool(r.number)
                    while True:
                        index += 1
                        code = numbering.room_code(level, index,
                                                   basement_prefix=num.basement_prefix,
                                                   building_prefix=bprefix,
                                                   ground_floor=num.ground_floor_number)
                        if (code.casefold() not in folded
                                and code[len(bprefix):].casefold() not in own):
                            break
                    taken.add(code)
                    folded.add(code.casefold())
                    pinned = False
                    if index > numbering.MAX_HOTEL_INDEX:
                        past.append(code)
                w.room_codes[(b.id, r.id)] = code
                w.markings.append(w.mark(id=f"{b.id}/{r.id}", code=code, kind="room",
                                         building=b.id, level=level,
                                         at=r3(label) if label else r3(b.footprint[0]),
                                         side=None, element=r.id, pinned=pinned, name=r.name,
                                         landmark=r.landmark))
                if poly is not None:
                    w.room_polys[(b.id, level)].append((poly, r.id))
            if shafts:
                w.room_polys[(b.id, level)] += shafts
            if past:
                w.find("warning", "too-many-rooms", f"{b.id}/level {level}",
                       "finding.too-many-rooms", building=b.id, level=level, n=len(past),
                       first=past[0], last=past[-1], most=numbering.MAX_HOTEL_INDEX)
        if numbered_shafts:
            w.find("info", "shaft-number", b.id, "finding.shaft-number", building=b.id,
                   n=len(numbered_shafts), **named_rooms(numbered_shafts))
        for level, n in sorted(no_outline.items()):
            has_windows = any(wd.level == level for wd in b.windows)
            if has_windows:
                w.find("warning", "room-without-outline", f"{b.id}/level {level}",
                       "finding.room-without-outline", n=n, building=b.id, level=level)
            else:
                w.find("info", "room-without-outline", f"{b.id}/level {level}",
                       "finding.room-without-outline-listed", n=n, building=b.id, level=level)
    if renumbered:
        w.find("info", "rooms-renumbered", "site", "finding.rooms-renumbered", n=renumbered)


def room_shapes(rings: list) -> Iterator[tuple[Polygon, XY]]:
    """(polygon, label point) of each room outline, in order, made with one shapely call
    each for a whole storey.

    The label point is shapely's representative point: the middle of the widest stretch of
    the horizontal line through the middle of the room's bounds that lies inside the room.
    It is the centre of a rectangle and lies inside an L- or U-shaped room, in its widest
    part on that line. (The centre of the largest inscribed circle was tried: for an
    oblong room it is not unique, and shapely returns a point off the middle.) The same
    point orders the rooms in walking order.

    >>> [at for _, at in room_shapes([[(0, 0), (4, 0), (4, 2), (0, 2)]])]
    [(2.0, 1.0)]
    >>> list(room_shapes([]))
    []
    """
    if not rings:
        return
    polys = polygons(rings)
    points = shapely.get_coordinates(shapely.point_on_surface(polys)).tolist()
    yield from zip(polys.tolist(), map(tuple, points), strict=True)


def window_codes(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """Each window takes the code of the room behind it (within 1 m), when the profile codes
    windows; the windows of a shaft take none."""
    if not w.prof.numbering.windows:
        return
    trees = {key: (shapely.STRtree([p for p, _ in v]), v) for key, v in w.room_polys.items()}
    for f in ordered:
        b = f.building
        for wd in b.windows:
            tree_v = trees.get((b.id, wd.level))
            rid = None
            if tree_v is not None:
                tree, v = tree_v
                i = int(tree.nearest(Point(wd.at)))
                if v[i][0].distance(Point(wd.at)) <= 1.0:
                    rid = v[i][1]
            if rid is None:
                w.find("info", "window-without-room", f"{b.id}/{wd.id}",
                       "finding.window-without-room", level=wd.level, window=wd.id)
                continue
            code = w.room_codes.get((b.id, rid))
            if code is None:  # a stair or lift shaft: no number, so no window code
                continue
            pos = locate(f.outline, wd.at)
            m = w.mark(id=f"{b.id}/{wd.id}", code=code, kind="window",
                       building=b.id, level=wd.level, at=r3(wd.at),
                       side=numbering.side_label(pos.normal, f.side_a), element=wd.id,
                       name=rid)
            w.markings.append(m)
            w.window_marks.append((m, wd.width or DEFAULT_WINDOW_WIDTH_M))


def side_mid(f: numbering.BuildingFrame) -> XY:
    """The middle of the longest side-A edge of the outer outline."""
    ring = f.outline.rings[0]
    best = max(zip(ring, ring[1:] + ring[:1]),
               key=lambda e: (numbering.side_label(numbering.edge_normal(*e), f.side_a) == "A",
                              math.dist(*e)))
    return ((best[0][0] + best[1][0]) / 2, (best[0][1] + best[1][1]) / 2)


def name_marking(w: Work, ordered: list[numbering.BuildingFrame]) -> None:
    """The facility name, at the main entrance (else side A of the first building)."""
    site = w.site
    name_frame = next((f for f in ordered if f.main_door is not None), ordered[0])
    w.markings.append(w.mark(id="site/name", code=site.site.name, kind="name",
                             building=name_frame.building.id, level=0,
                             at=r3(name_frame.main_door.at if name_frame.main_door
                                   else side_mid(name_frame)),
                             side="A", element="name", name=site.site.address))


__all__ = ["DEFAULT_DOOR_WIDTH_M", "DEFAULT_WINDOW_WIDTH_M", "MAX_NAMED_ROOMS", "Work",
           "building_codes", "check_letters", "collect_pins", "existing_number_findings",
           "name_marking", "named_rooms", "r3", "room_codes", "room_prefix", "room_shapes",
           "side_mid", "stair_codes", "window_codes"]
