"""Site -> Plan: every code, sign size, placement and finding, by a profile's rules.

``make_plan`` narrates the stages: frames (side A and the numbering start per building) ->
building order and letters -> sides -> door codes -> stairs -> rooms -> windows -> facility
name -> signs (reading distance, cap height, panel, anchor, facing, contrast) -> facade
placement (no overlaps with other signs or windows) -> map frame (rotation, scale, grid) ->
findings. Deterministic: the same site and options give the same plan.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

import shapely
from shapely.geometry import Point, Polygon

from .. import fonts
from ..model import EXTERIOR_DOOR_KINDS, DoorKind, Site, SiteFeatureKind
from ..plan import BuildingPlan, Finding, Marking, Plan, Side, Sign
from ..profiles import Profile, load_profile
from . import mapframe, numbering, sizing
from .geometry import XY, LineIndex, distances_to_ring, exterior_doors, locate, polygons

STOREY_HEIGHT_M = 3.5
WINDOW_SILL_M = 0.9
WINDOW_HEAD_M = 2.3
DEFAULT_WINDOW_WIDTH_M = 1.2
DEFAULT_DOOR_WIDTH_M = 1.0

_WORDS = {
    "de": {"entrance": "Eingang", "service": "Nebeneingang", "fire_brigade": "Feuerwehrzugang",
           "emergency_exit": "Notausgang", "building": "Gebäude", "stair": "Treppe",
           "room": "Raum", "window": "Fenster", "name": "Name", "interior_door": "Tür innen"},
    "en": {"entrance": "Entrance", "service": "Service entrance",
           "fire_brigade": "Fire department access", "emergency_exit": "Emergency exit",
           "building": "Building", "stair": "Stair", "room": "Room", "window": "Window",
           "name": "Name", "interior_door": "Door (inside)"},
}


def word(language: str, kind: str) -> str:
    """The profile language's word for a sign or marking kind."""
    return _WORDS.get(language, _WORDS["en"]).get(kind, kind)


@dataclass(frozen=True, slots=True)
class PlanOptions:
    """``paper``: ``A3`` (landscape) or ``A4`` (portrait) for the site plan's grid;
    ``date``: the plan date (ISO) printed and recorded, never the clock;
    ``reserved``: codes an earlier plan used, never handed to a new element."""

    paper: str = "A3"
    date: str | None = None
    reserved: frozenset[str] = frozenset()
    language: str | None = None


def make_plan(site: Site, profile: Profile | str | None = None, *,
              options: PlanOptions = PlanOptions()) -> Plan:
    """The signage plan of a validated site (see :func:`orientation.load_site`)."""
    if profile is None:
        profile = site.profile or "guetersloh"
    prof = load_profile(profile) if isinstance(profile, str) else profile
    lang = options.language or prof.language
    findings: list[Finding] = []

    def find(sev, code, element, message):
        findings.append(Finding(sev, code, element, message))

    roads = LineIndex([f.line for f in site.site_features
                       if f.kind in (SiteFeatureKind.road, SiteFeatureKind.fire_lane) and f.line])
    public_roads = [f for f in site.site_features if f.kind == SiteFeatureKind.road]

    # 1. frames, order, letters ---------------------------------------------------------
    frames, main_door = numbering.building_frames(site, roads)
    if main_door is None:
        find("error", "no-main-entrance", "site",
             "no door is marked as the main entrance, so E1 / door 1 and side A cannot be "
             "decided from the building: mark the main entrance with 'main: true' (codes now "
             "start at the side facing the nearest road)")
    if not public_roads:
        find("warning", "no-road", "site",
             "the site file has no road: exterior signs are sized for the profile's minimum "
             f"reading distance ({prof.sizing.min_reading_distance_m:g} m) and side A of buildings "
             "without a main entrance cannot face a road: add the public roads as site_features")
    ordered = numbering.order_buildings(frames, main_door)
    letters = numbering.assign_letters(ordered, prof.numbering.letters_skip)
    # the map frame first: every marking gets its grid cell as it is made
    frame = mapframe.make_frame(site, ordered, paper=options.paper)

    def mark(**kw) -> Marking:
        """A marking with its grid cell on the site plan."""
        return Marking(**kw, grid=mapframe.grid_cell(frame, kw["at"]))
    pinned_letters = [f.building.letter for f in ordered if f.building.letter]
    for dup in sorted({x for x in pinned_letters if pinned_letters.count(x) > 1}):
        find("error", "duplicate-code", "site", f"building letter {dup} is pinned on several "
             "buildings; give each building its own letter")
    for f in ordered:
        lt = f.building.letter
        if lt and set(lt) & set(prof.numbering.letters_skip):
            find("warning", "ambiguous-glyph", f.building.id, f"building letter {lt} contains "
                 f"{'/'.join(sorted(set(lt) & set(prof.numbering.letters_skip)))}, which reads as a "
                 "digit or sounds like another letter on the radio; choose another letter")

    markings: list[Marking] = []
    building_plans: list[BuildingPlan] = []
    prefix_rooms = _room_prefix(prof, site)

    # all pinned codes, so that no new element gets one; reserved codes of an earlier plan too
    pins: dict[str, list[str]] = defaultdict(list)
    for f in ordered:
        b = f.building
        for d in b.doors:
            if d.label and d.kind in EXTERIOR_DOOR_KINDS:
                pins[d.label].append(f"{b.id}/{d.id}")
        for s in b.stairs:
            if s.label:
                pins[s.label].append(f"{b.id}/{s.id}")
        for r in b.rooms:
            if r.number:
                pins[r.number].append(f"{b.id}/{r.id}")
    for code, owners in sorted(pins.items()):
        if len(owners) > 1:
            find("error", "duplicate-code", owners[1], f"code {code} is pinned on "
                 f"{len(owners)} elements ({', '.join(owners)}); each code may be used once: "
                 "remove or change the pin on all but one")
        bad = numbering.ambiguous_chars(code)
        if bad:
            find("warning", "ambiguous-glyph", owners[0], f"pinned code {code} contains {bad}, "
                 "which crews can misread as a digit (1/0); choose a code without it")
    taken = set(pins) | set(options.reserved)

    # 2. sides and door codes -------------------------------------------------------------
    door_series: dict[str, numbering.Series] = {}
    stair_series: dict[str, numbering.Series] = {}
    door_marks: list[tuple[Marking, DoorKind, float]] = []
    for f in ordered:
        b = f.building
        letter = letters[b.id]
        sides = numbering.building_sides(f)
        building_plans.append(BuildingPlan(
            id=b.id, letter=letter, name=b.name, pinned=bool(b.letter),
            sides=tuple(Side(lab, _r(a), _r(e), ring) for lab, a, e, ring in sides),
            levels=tuple(s.level for s in sorted(b.storeys, key=lambda s: s.level)),
            level_names=tuple(s.name for s in sorted(b.storeys, key=lambda s: s.level))))
        c = f.outline.polygon.representative_point()
        markings.append(mark(id=b.id, code=letter, kind="building", building=b.id, level=None,
                                at=_r((c.x, c.y)), side=None, element=b.id, pinned=bool(b.letter),
                                name=b.name))
        # label the face crews see from outside: prefer faces on the convex hull (not the
        # inner faces of an L or U), then the longest; the distances to the hull in one
        # indexed call (one call per edge was quadratic in the outline's corners)
        outer_runs = [(la, a, e) for la, a, e, ring in sides if ring == 0]
        on_hull = [d < 0.5 for d in distances_to_ring(
            f.outline.polygon.convex_hull.exterior.coords,
            [((a[0] + e[0]) / 2, (a[1] + e[1]) / 2) for _, a, e in outer_runs])]
        for lab in "ABCD":
            runs = [(a, e, h) for (la, a, e), h in zip(outer_runs, on_hull) if la == lab]
            if not runs:
                continue
            a, e, _ = max(runs, key=lambda r: (r[2], math.dist(r[0], r[1])))
            markings.append(mark(id=f"{b.id}/side-{lab}", code=lab, kind="side", building=b.id,
                                    level=None, at=_r(((a[0] + e[0]) / 2, (a[1] + e[1]) / 2)),
                                    side=lab, element=f"side-{lab}"))
        door_taken = taken
        if prof.numbering.door_scope == "building":  # codes repeat per building; pins still count
            door_series.clear()
            door_taken = set(pins) | set(options.reserved)
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
            m = mark(id=f"{b.id}/{d.id}", code=code, kind=d.kind.value, building=b.id,
                        level=d.level, at=_r(d.at), side=side, element=d.id, pinned=pinned,
                        main=d.main)
            markings.append(m)
            door_marks.append((m, d.kind, d.width or DEFAULT_DOOR_WIDTH_M))
        for d in b.doors:
            if d.kind == DoorKind.inner and locate(f.outline, d.at).distance <= 0.1:
                find("info", "inner-door-on-outline", f"{b.id}/{d.id}",
                     f"door {d.id} lies on the outline but is marked 'inner', so it gets no "
                     "code; if it leads outside, set its kind (entrance, emergency_exit, …)")
        _check_pinned_order(f, doors, markings, find)

    # 3. stairs ------------------------------------------------------------------------------
    for f in ordered:
        b = f.building
        stair_taken = taken
        if prof.numbering.stair_scope == "building":
            stair_series.clear()
            stair_taken = set(pins) | set(options.reserved)
        for s in sorted(b.stairs, key=lambda s: (numbering.walk_key(f, s.at, outer_only=True), s.id)):
            if s.label:
                code, pinned = s.label, True
            else:
                series = stair_series.setdefault("T", numbering.Series(prof.numbering.stair_prefix, stair_taken))
                code, pinned = series.next(), False
            levels = tuple(sorted(s.levels))
            markings.append(mark(id=f"{b.id}/{s.id}", code=code, kind="stair", building=b.id,
                                    level=levels[0], at=_r(s.at), side=None, element=s.id,
                                    pinned=pinned, levels=levels, name=s.name))
            if len(levels) < 2:
                find("warning", "stair-one-storey", f"{b.id}/{s.id}",
                     f"stair {code} serves only level {levels[0]}, so it gets a single storey "
                     "sign; list every storey it connects in 'levels'")

    # 4. rooms -------------------------------------------------------------------------------
    room_codes: dict[tuple[str, str], str] = {}
    room_polys: dict[tuple[str, int], list[tuple[Polygon, str]]] = defaultdict(list)
    for f in ordered:
        b = f.building
        bprefix = letters[b.id] if prefix_rooms else ""
        by_level: dict[int, list] = defaultdict(list)
        for i, r in enumerate(b.rooms):
            by_level[r.level].append((i, r))
        no_outline: dict[int, int] = defaultdict(int)
        for level in sorted(by_level):
            shapes = _room_shapes([r.polygon for _, r in by_level[level] if r.polygon])
            items = []
            for i, r in by_level[level]:
                poly, label = next(shapes) if r.polygon else (None, None)
                if poly is None:
                    no_outline[level] += 1
                items.append((numbering.room_order_key(f, label, i), r, poly, label))
            index = 0
            for _, r, poly, label in sorted(items, key=lambda t: t[0]):
                if r.number:
                    code, pinned = r.number, True
                else:
                    while True:
                        index += 1
                        code = numbering.room_code(level, index,
                                                   basement_prefix=prof.numbering.basement_prefix,
                                                   building_prefix=bprefix)
                        if code not in taken:
                            break
                    taken.add(code)
                    pinned = False
                room_codes[(b.id, r.id)] = code
                markings.append(mark(id=f"{b.id}/{r.id}", code=code, kind="room", building=b.id,
                                        level=level, at=_r(label) if label else _r(b.footprint[0]),
                                        side=None, element=r.id, pinned=pinned, name=r.name,
                                        landmark=r.landmark))
                if poly is not None:
                    room_polys[(b.id, level)].append((poly, r.id))
        for level, n in sorted(no_outline.items()):
            has_windows = any(w.level == level for w in b.windows)
            if has_windows:
                find("warning", "room-without-outline", f"{b.id}/level {level}",
                     f"{n} room(s) of building {b.id} on level {level} have no outline, so the "
                     "windows in front of them get no room code and the rooms are not drawn: add "
                     "'polygon' to each room")
            else:
                find("info", "room-without-outline", f"{b.id}/level {level}",
                     f"{n} room(s) of building {b.id} on level {level} have no outline and are "
                     "listed but not drawn on the storey plan")

    # 5. windows: the room behind each window ----------------------------------------------
    window_marks: list[tuple[Marking, float]] = []
    if prof.numbering.windows:
        trees = {key: (shapely.STRtree([p for p, _ in v]), v) for key, v in room_polys.items()}
        for f in ordered:
            b = f.building
            for w in b.windows:
                tree_v = trees.get((b.id, w.level))
                rid = None
                if tree_v is not None:
                    tree, v = tree_v
                    i = int(tree.nearest(Point(w.at)))
                    if v[i][0].distance(Point(w.at)) <= 1.0:
                        rid = v[i][1]
                if rid is None:
                    find("info", "window-without-room", f"{b.id}/{w.id}",
                         f"no room outline on level {w.level} lies behind window {w.id} (within "
                         "1 m), so it gets no label; draw the room's outline to the facade")
                    continue
                pos = locate(f.outline, w.at)
                m = mark(id=f"{b.id}/{w.id}", code=room_codes[(b.id, rid)], kind="window",
                            building=b.id, level=w.level, at=_r(w.at),
                            side=numbering.side_label(pos.normal, f.side_a), element=w.id,
                            name=rid)
                markings.append(m)
                window_marks.append((m, w.width or DEFAULT_WINDOW_WIDTH_M))

    # 6. facility name -----------------------------------------------------------------------
    name_frame = next((f for f in ordered if f.main_door is not None), ordered[0])
    markings.append(mark(id="site/name", code=site.site.name, kind="name",
                            building=name_frame.building.id, level=0,
                            at=_r(name_frame.main_door.at if name_frame.main_door
                                  else _side_mid(name_frame)),
                            side="A", element="name", name=site.site.address))

    # 7. signs -------------------------------------------------------------------------------
    frame_by_id = {f.building.id: f for f in ordered}
    signs = _signs(prof, lang, site, markings, frame_by_id, roads, door_marks, window_marks, find)
    signs = _place_on_facades(signs, frame_by_id, site, find)


    # 8. printable characters ------------------------------------------------------------------
    _unprintable(site, find)

    plan = Plan(
        site_name=site.site.name, site_address=site.site.address, profile=prof.name, language=lang,
        buildings=tuple(building_plans), markings=tuple(markings), signs=tuple(signs),
        findings=tuple(sorted(findings, key=lambda x: (_SEV[x.severity], x.code, x.element))),
        north_deg=site.site.north_deg,
        origin=(site.site.origin.lat, site.site.origin.lon) if site.site.origin else None,
        date=options.date or site.site.date, frame=frame)
    return replace(plan, version=plan_version(plan))


_SEV = {"error": 0, "warning": 1, "info": 2}


def plan_version(plan: Plan) -> str:
    """A short hash of the plan's content (without its version and date)."""
    d = plan.to_dict()
    d.pop("version", None)
    d.pop("date", None)
    return hashlib.sha256(json.dumps(d, sort_keys=True).encode()).hexdigest()[:12]


def _r(p) -> XY:
    return (round(float(p[0]), 3), round(float(p[1]), 3))


def _room_prefix(prof: Profile, site: Site) -> bool:
    mode = prof.numbering.room_building_prefix
    if mode == "always":
        return True
    if mode == "never":
        return False
    return sum(1 for b in site.buildings if b.rooms) > 1


#: At most this many elements get their own unprintable-characters finding; one more names
#: how many others there are (a file imported from a CJK source would have one per room).
MAX_UNPRINTABLE_FINDINGS = 20


def _unprintable(site: Site, find) -> None:
    """A warning for every named element whose name holds characters no bundled font has
    (CJK today): printed, they would be empty boxes on signs and maps."""
    texts: list[tuple[str, str, str]] = [("site", "the site name", site.site.name),
                                         ("site", "the address", site.site.address or "")]
    for b in site.buildings:
        texts.append((b.id, f"the name of building {b.id}", b.name or ""))
        texts += [(f"{b.id}/level {s.level}", f"the name of storey {s.level} of building "
                   f"{b.id}", s.name or "") for s in b.storeys]
        texts += [(f"{b.id}/{s.id}", f"the name of stair {s.id}", s.name or "") for s in b.stairs]
        texts += [(f"{b.id}/{r.id}", f"the name of room {r.id}", r.name or "") for r in b.rooms]
        texts += [(b.id, f"the name of a {ft.kind.value.replace('_', ' ')} of building {b.id}",
                   ft.name or "") for ft in b.features]
    texts += [("site", f"the name of site feature {i} ({f.kind.value.replace('_', ' ')})",
               f.name or "") for i, f in enumerate(site.site_features)]
    seen: set[tuple[str, str]] = set()
    bad: list[tuple[str, str, str, str]] = []
    for element, what, text in texts:
        if not text or (element, text) in seen:
            continue
        seen.add((element, text))
        missing = fonts.missing_chars(text)
        if missing:
            bad.append((element, what, text, missing))
    for element, what, text, missing in bad[:MAX_UNPRINTABLE_FINDINGS]:
        shown = text if len(text) <= 40 else text[:39] + "…"
        find("warning", "unprintable-characters", element,
             f"{what} ('{shown}') has characters no bundled font has ({missing}): they will "
             "print as empty boxes on signs and maps; use a transliteration (Latin letters)")
    if len(bad) > MAX_UNPRINTABLE_FINDINGS:
        chars = "".join(dict.fromkeys("".join(b[3] for b in bad[MAX_UNPRINTABLE_FINDINGS:])))
        find("warning", "unprintable-characters", "site",
             f"{len(bad) - MAX_UNPRINTABLE_FINDINGS} more names have characters no bundled font "
             f"has ({chars[:40]}): they will print as empty boxes; use a transliteration")


def _room_shapes(rings: list) -> Iterator[tuple[Polygon, XY]]:
    """(polygon, label point) of each room outline, in order, made with one shapely call
    each for a whole storey.

    The label point is shapely's representative point: the middle of the widest stretch of
    the horizontal line through the middle of the room's bounds that lies inside the room.
    It is the centre of a rectangle and lies inside an L- or U-shaped room, in its widest
    part on that line. (The centre of the largest inscribed circle was tried: for an
    oblong room it is not unique, and shapely returns a point off the middle.) The same
    point orders the rooms in walking order."""
    if not rings:
        return
    polys = polygons(rings)
    points = shapely.get_coordinates(shapely.point_on_surface(polys)).tolist()
    yield from zip(polys.tolist(), map(tuple, points), strict=True)


def _side_mid(f: numbering.BuildingFrame) -> XY:
    ring = f.outline.rings[0]
    best = max(zip(ring, ring[1:] + ring[:1]),
               key=lambda e: (numbering.side_label(numbering.edge_normal(*e), f.side_a) == "A",
                              math.dist(*e)))
    return ((best[0][0] + best[1][0]) / 2, (best[0][1] + best[1][1]) / 2)


def _check_pinned_order(f, doors, markings, find) -> None:
    """Info when pins make a series no longer increase clockwise."""
    by_id = {m.element: m for m in markings if m.building == f.building.id}
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
            find("info", "pins-not-clockwise", m.id,
                 f"because of pinned codes, {m.code} is no longer in clockwise order on building "
                 f"{f.building.id}; that is expected after changes to a marked building")
            return
        last[prefix] = n


def _reading_distance(prof: Profile, roads: LineIndex, at: XY) -> float:
    near = roads.nearest(at) if roads else None
    d = near[0] if near else 0.0
    return round(max(d, prof.sizing.min_reading_distance_m), 1)


def _signs(prof, lang, site, markings, frames, roads, door_marks, window_marks, find) -> list[Sign]:
    out: list[Sign] = []
    door_width = {m.id: w for m, _, w in door_marks}
    storey_names = {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}

    def add(m: Marking, kind: str, text: str, subtext: str, placement: str, anchor: XY,
            facing: XY, distance: float, mount: float | None = None) -> None:
        style = prof.style(kind)
        bg, fg = prof.color(style.background), prof.color(style.foreground)
        cap = sizing.cap_height(prof, kind, distance, exterior=placement == "exterior",
                                material=style.material)
        if cap.capped and kind == "window":
            capped_windows[m.building].append((m.code, distance, cap.needed_mm))
        elif cap.capped:
            find("warning", "sign-too-small", m.id,
                 f"{word(lang, kind)} sign {text} is read from {distance:g} m: a legible code needs "
                 f"{cap.needed_mm:.0f} mm but the profile allows at most {cap.cap_mm:.0f} mm; "
                 "add a sign nearer the approach (gate, fire lane) or mark the way to it")
        panel = sizing.panel_size(prof, kind, text, subtext, cap.cap_mm)
        contrast = sizing.michelson_contrast(bg.srgb, fg.srgb)
        sid = f"S-{len(out) + 1:04d}"
        if contrast < 0.7:
            find("error", "low-contrast", sid, f"sign {text}: contrast {contrast:.2f} between "
                 f"{bg.label} and {fg.label} is below 0.7 (DIN 32975); choose other colours")
        out.append(Sign(
            id=sid, marking=m.id, kind=kind, text=text, placement=placement,
            width_mm=panel.width_mm, height_mm=panel.height_mm, cap_height_mm=cap.cap_mm,
            reading_distance_m=distance, background=bg.srgb, foreground=fg.srgb,
            contrast=contrast, material=style.material, anchor=_r(anchor),
            facing=(round(facing[0], 4) + 0.0, round(facing[1], 4) + 0.0), subtext=subtext,
            building=m.building, level=m.level, side=m.side, background_name=bg.label,
            foreground_name=fg.label, mount_height_m=mount))

    capped_windows: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    heights = prof.sizing.mount_height_m
    for m in markings:
        if m.kind == "name":
            f = frames[m.building]
            pos = locate(f.outline, m.at)
            anchor = (pos.point[0] + pos.normal[0] * 0.05, pos.point[1] + pos.normal[1] * 0.05)
            add(m, "name", m.code, "", "exterior", anchor, pos.normal,
                _reading_distance(prof, roads, anchor), heights.get("name"))
        elif m.kind == "building":
            f = frames[m.building]
            mid = _side_mid(f)
            pos = locate(f.outline, mid)
            anchor = (pos.point[0] + pos.normal[0] * 0.05, pos.point[1] + pos.normal[1] * 0.05)
            add(m, "building", m.code, "", "exterior", anchor, pos.normal,
                _reading_distance(prof, roads, anchor), heights.get("building"))
        elif m.kind in ("entrance", "emergency_exit", "fire_brigade", "service"):
            f = frames[m.building]
            pos = locate(f.outline, m.at)
            normal = pos.normal
            anchor = (pos.point[0] + normal[0] * 0.05, pos.point[1] + normal[1] * 0.05)
            if prof.numbering.interior_twin:  # US: upper right of the door, seen from outside
                w = door_width.get(m.id, DEFAULT_DOOR_WIDTH_M)
                right = (-normal[1], normal[0])  # facing the wall from outside, right is this way
                anchor = (anchor[0] + right[0] * (w / 2 + 0.25), anchor[1] + right[1] * (w / 2 + 0.25))
            subtext = "" if prof.numbering.interior_twin else word(lang, m.kind)
            base = m.level * STOREY_HEIGHT_M if m.level else 0.0
            add(m, m.kind, m.code, subtext, "exterior", anchor, normal,
                _reading_distance(prof, roads, anchor), base + heights.get("exterior", 2.5))
            if prof.numbering.interior_twin:
                inside = (pos.point[0] - normal[0] * 0.05, pos.point[1] - normal[1] * 0.05)
                add(m, "interior_door", m.code, "", "interior", inside, (-normal[0], -normal[1]),
                    prof.sizing.interior_reading_distance_m.get("interior_door", 6.0), base + 0.3)
        elif m.kind == "stair":
            for lv in m.levels:
                name = storey_names.get((m.building, lv), str(lv))
                add(replace(m, level=lv), "stair", m.code, name, "interior", m.at, (0.0, 0.0),
                    prof.sizing.interior_reading_distance_m.get("stair", 8.0), None)
        elif m.kind == "room":
            add(m, "room", m.code, m.name if m.landmark and m.name else "", "interior", m.at,
                (0.0, 0.0), prof.sizing.interior_reading_distance_m.get("room", 6.0), None)
    for m, _w in window_marks:
        f = frames[m.building]
        pos = locate(f.outline, m.at)
        add(m, "window", m.code, "", "exterior", pos.point, pos.normal,
            _reading_distance(prof, roads, pos.point),
            (m.level or 0) * STOREY_HEIGHT_M + WINDOW_HEAD_M - 0.2)
    for bid, items in sorted(capped_windows.items()):
        far = max(items, key=lambda t: t[1])
        find("info", "window-labels-small", bid,
             f"{len(items)} window labels of building {bid} are farther from the road than their "
             f"maximum size allows (farthest: {far[0]} at {far[1]:g} m would need "
             f"{far[2]:.0f} mm); they are printed at the maximum and read from the fire lane "
             "or the grounds")
    return out


def _place_on_facades(signs: list[Sign], frames, site: Site, find) -> list[Sign]:
    """Shift exterior wall signs along their facade so they overlap no other sign and no window.

    Works per building edge in 1-D (position along the edge x height band); tries shifts of
    0.1 m steps up to 3 m either way, nearest first; a sign that cannot be placed gets a finding.
    """
    windows: dict[tuple[str, int, int], list[tuple[float, float, float, float]]] = defaultdict(list)
    for b in site.buildings:
        f = frames[b.id]
        for w in b.windows:
            pos = locate(f.outline, w.at)
            half = (w.width or DEFAULT_WINDOW_WIDTH_M) / 2
            base = w.level * STOREY_HEIGHT_M
            windows[(b.id, pos.ring, pos.edge)].append(
                (pos.along - half, pos.along + half, base + WINDOW_SILL_M, base + WINDOW_HEAD_M))
    placed: dict[tuple[str, int, int], list[tuple[float, float, float, float]]] = defaultdict(list)
    out: list[Sign] = []
    for s in signs:
        if s.placement != "exterior" or s.kind == "window" or s.mount_height_m is None:
            out.append(s)
            continue
        f = frames[s.building]
        pos = locate(f.outline, s.anchor)
        key = (s.building, pos.ring, pos.edge)
        hw, hh = s.width_mm / 2000, s.height_mm / 2000
        lo_z, hi_z = s.mount_height_m - hh, s.mount_height_m + hh
        ring = f.outline.rings[pos.ring]
        a, e = ring[pos.edge], ring[(pos.edge + 1) % len(ring)]
        edge_len = math.dist(a, e)
        edge_start = pos.along - math.dist(a, pos.point)
        boxes = windows.get(key, []) + placed[key]

        def free(c: float, _boxes=boxes, _hw=hw, _lo=lo_z, _hi=hi_z) -> bool:
            return all(c + _hw <= x0 or c - _hw >= x1 or _hi <= z0 or _lo >= z1
                       for x0, x1, z0, z1 in _boxes)

        chosen = None
        for step in range(0, 31):
            for sign_ in ((0,) if step == 0 else (1, -1)):
                c = pos.along + sign_ * step * 0.1
                if edge_start + hw - 1e-6 <= c <= edge_start + edge_len - hw + 1e-6 and free(c):
                    chosen = c
                    break
            if chosen is not None:
                break
        if chosen is None:
            find("warning", "sign-placement", s.marking,
                 f"sign {s.text} ({s.width_mm:g} × {s.height_mm:g} mm) finds no free place within "
                 "3 m on its facade without covering a window or another sign; place it by hand "
                 "(e.g. on a post) and note the place")
            chosen = pos.along
        t = (chosen - edge_start) / edge_len if edge_len else 0.0
        px, py = a[0] + (e[0] - a[0]) * t, a[1] + (e[1] - a[1]) * t
        n = pos.normal
        placed[key].append((chosen - hw, chosen + hw, lo_z, hi_z))
        out.append(replace(s, anchor=_r((px + n[0] * 0.05, py + n[1] * 0.05))))
    return out


__all__ = ["PlanOptions", "make_plan", "plan_version", "word"]
