"""The sign steps of :func:`orientation.layout.engine.make_plan`: one sign per marking, sized
by sight and snapped to the kind's formats, with its place and mounting height; then each
exterior wall sign shifted along its facade so that it covers no other sign and no window.

* **Reading distance by sight** (:class:`Approaches`): an exterior sign is read from the
  nearest place crews actually approach from (road, fire lane, footway, gate, parking,
  drivable area) **from which it can be seen**: no building between, and within the
  profile's ``view_angle_deg`` of the wall's normal. Clamped to the profile's
  ``min_reading_distance_m`` .. ``max_reading_distance_m``; a sign seen only from farther, or
  from nowhere, gets a finding that says what to do (an approach sign).
* **Formats** (:func:`~.sizing.choose_format`): the smallest of the kind's series whose code
  reads from there, **never wider than its wall allows** (a door sign: the door's width plus
  ``door_overhang_m`` on each side, and the free wall between the neighbouring doors); the
  codes of one kind and format share one cap height. All window labels of a building get
  one foil (so all windows of a room do).
* **Places and heights**: door signs above the door (US: at its upper right), a basement
  door's on the wall above its outside stair, room signs at the room's door to the corridor,
  stair signs on the landing; ``mount_height_m`` of the profile is the height of the sign's
  bottom edge above the floor or ground it is read from, never negative.
* **Storeys** on stair signs in the building's own names; where an import names them only
  by number (``-1``), in the profile's storey names (``1. UG``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon

from ..model import Site, SiteFeatureKind
from ..plan import Marking, Placement, Sign
from ..profiles import Profile
from ..words import Ref, get, word
from . import sizing
from .codes import DEFAULT_DOOR_WIDTH_M, DEFAULT_WINDOW_WIDTH_M, r3, side_mid
from .geometry import XY, locate

STOREY_HEIGHT_M = 3.5
WINDOW_SILL_M = 0.9
WINDOW_HEAD_M = 2.3
#: The door kinds whose signs hang outside over (or beside) their door.
DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Where crews approach from, by site feature kind.
APPROACH_KINDS = (SiteFeatureKind.road, SiteFeatureKind.fire_lane, SiteFeatureKind.footway,
                  SiteFeatureKind.gate, SiteFeatureKind.parking, SiteFeatureKind.drivable_area)
#: Points along an approach are tried this far apart (m).
SAMPLE_M = 2.5
#: At most this many points (the nearest in view) are tried for one sign.
MAX_CANDIDATES = 64
#: Beyond the nearest point of an approach, points up to this much farther are tried (m).
SEARCH_BEYOND_M = 60.0
#: Approaches farther than this are not looked at (m).
SEARCH_RADIUS_M = 250.0
#: A sign's line of sight starts this far in front of its wall (m).
SIGHT_OFFSET_M = 0.1
#: A building letter or name board keeps this far below the top of its wall (m): on a
#: one-storey building it comes down from the profile's height.
EAVES_CLEARANCE_M = 0.3
#: Free space kept between a door sign and a neighbouring door's jamb (m).
JAMB_CLEARANCE_M = 0.1


@dataclass(frozen=True, slots=True)
class Seen:
    """Where a sign is read from: the distance (m), the approach's kind and name."""

    distance_m: float
    kind: str
    name: str | None


class Approaches:
    """The places crews approach from, and the buildings that block the view.

    :meth:`sight` is the nearest point of an approach that sees a wall point: tried nearest
    first (each approach's nearest point, then points along it every :data:`SAMPLE_M`), a
    chunk at a time against an STRtree of the building outlines, so a sign facing its road
    costs one query."""

    def __init__(self, site: Site, *, view_deg: float) -> None:
        self.cos_view = math.cos(math.radians(view_deg))
        geoms, self.info = [], []
        for f in site.site_features:
            if f.kind not in APPROACH_KINDS:
                continue
            g = None
            if f.line and len(f.line) >= 2:
                g = LineString([tuple(p) for p in f.line])
            elif f.polygon and len(f.polygon) >= 3:
                g = Polygon([tuple(p) for p in f.polygon]).exterior
            elif f.at is not None:
                g = Point(tuple(f.at))
            if g is not None and not g.is_empty:
                geoms.append(g)
                self.info.append((f.kind.value, f.name))
        self.geoms = geoms
        self.tree = shapely.STRtree(geoms) if geoms else None
        walls = []
        for b in site.buildings:
            poly = Polygon([tuple(p) for p in b.footprint], [[tuple(p) for p in c]
                                                             for c in b.courtyards])
            if not poly.is_valid:
                poly = poly.buffer(0)
            walls.append(poly)
        self.walls = shapely.STRtree(walls) if walls else None

    def __bool__(self) -> bool:
        return self.tree is not None

    def _candidates(self, at: XY, normal: XY) -> list[tuple[float, int, XY]]:
        """Points of the approaches near ``at`` in view of its wall, nearest first: each
        approach's nearest point and points along it every :data:`SAMPLE_M` up to
        :data:`SEARCH_BEYOND_M` farther (vectorised)."""
        assert self.tree is not None
        pt = Point(at)
        xs: list[np.ndarray] = []
        ys: list[np.ndarray] = []
        ids: list[np.ndarray] = []
        for i in self.tree.query(pt, predicate="dwithin", distance=SEARCH_RADIUS_M):
            g = self.geoms[int(i)]
            if g.geom_type == "Point":
                px, py = np.array([g.x]), np.array([g.y])
            else:
                d0 = g.distance(pt)
                s0 = g.project(pt)
                reach = min(d0 + SEARCH_BEYOND_M, SEARCH_RADIUS_M)
                lo, hi = max(s0 - reach, 0.0), min(s0 + reach, g.length)
                along = np.append(np.arange(lo, hi + 1e-9, SAMPLE_M), s0)
                pts = shapely.line_interpolate_point(g, along)
                px, py = shapely.get_x(pts), shapely.get_y(pts)
            xs.append(px)
            ys.append(py)
            ids.append(np.full(len(px), int(i)))
        if not xs:
            return []
        x, y, idx = np.concatenate(xs), np.concatenate(ys), np.concatenate(ids)
        dx, dy = x - at[0], y - at[1]
        d = np.hypot(dx, dy)
        with np.errstate(invalid="ignore", divide="ignore"):
            cos = np.where(d < 1e-6, 1.0, (dx * normal[0] + dy * normal[1]) / np.maximum(d, 1e-12))
        keep = (cos >= self.cos_view - 1e-9) & (d <= SEARCH_RADIUS_M)
        order = np.lexsort((idx[keep], d[keep]))
        xk, yk, dk, ik = x[keep][order], y[keep][order], d[keep][order], idx[keep][order]
        return [(float(dk[j]), int(ik[j]), (float(xk[j]), float(yk[j])))
                for j in range(len(dk))]

    def _nearest(self, at: XY, normal: XY, start: XY) -> Seen | None:
        """The nearest point of the nearest approach, when it is in view and seen: then no
        other point can be nearer (the common case of a sign facing its road)."""
        assert self.tree is not None
        pt = Point(at)
        i = int(min(self.tree.query_nearest(pt, all_matches=True)))
        g = self.geoms[i]
        q = g if g.geom_type == "Point" else g.interpolate(g.project(pt))
        dx, dy = q.x - at[0], q.y - at[1]
        d = math.hypot(dx, dy)
        if d >= 1e-6 and (dx * normal[0] + dy * normal[1]) / d < self.cos_view - 1e-9:
            return None
        if self.walls is not None and len(self.walls.query(
                LineString([start, (q.x, q.y)]), predicate="intersects")):
            return None
        kind, name = self.info[i]
        return Seen(round(d, 1), kind, name)

    def sight(self, at: XY, normal: XY, *, chunk: int = 32) -> Seen | None:
        """The nearest approach point that sees the wall point ``at`` (outward ``normal``),
        or None when none does."""
        if self.tree is None:
            return None
        start = (at[0] + normal[0] * SIGHT_OFFSET_M, at[1] + normal[1] * SIGHT_OFFSET_M)
        quick = self._nearest(at, normal, start)
        if quick is not None:
            return quick
        cands = self._candidates(at, normal)[:MAX_CANDIDATES]
        for k in range(0, len(cands), chunk):
            part = cands[k:k + chunk]
            coords = np.array([[start, q] for _, _, q in part], dtype=float)
            lines = shapely.linestrings(coords)
            blocked = set()
            if self.walls is not None:
                blocked = {int(j) for j in self.walls.query(lines, predicate="intersects")[0]}
            for j, (d, i, _q) in enumerate(part):
                if j not in blocked:
                    kind, name = self.info[i]
                    return Seen(round(d, 1), kind, name)
        return None


def storey_label(prof: Profile, name: str | None, level: int) -> str:
    """A storey as a stair sign shows it: the building's name for it, or the profile's
    storey name where the building names it only by its number; with
    ``stair.storey_number`` only the number (``Floor 2`` -> ``2``, a basement ``B1``).

    >>> from orientation.profiles import load_profile
    >>> g, us = load_profile("guetersloh"), load_profile("us-k12")
    >>> storey_label(g, "-1", -1), storey_label(g, "1. OG", 1), storey_label(g, None, 2)
    ('1. UG', '1. OG', '2. OG')
    >>> storey_label(us, "Floor 2", 1), storey_label(us, "0", 0), storey_label(us, "Basement", -1)
    ('2', '1', 'B1')
    """
    text = (name or "").strip()
    if not text or re.fullmatch(r"[-+]?\d+", text):
        text = prof.sizing.storey_names.name(level)
    if prof.sizing.stair.storey_number:
        m = re.search(r"(\d+)\s*$", text)
        number = m.group(1) if m else str(abs(level) if level < 0 else
                                          level + prof.sizing.storey_names.above_offset)
        return f"B{number}" if level < 0 else number
    return text


@dataclass
class _Spec:
    """A sign before its format is final."""

    m: Marking
    kind: str
    text: str
    subtext: str
    placement: Placement
    anchor: XY
    facing: XY
    distance: float
    needed: float
    fmt: sizing.Format
    mount: float | None
    door: str | None = None
    beside: float | None = None  # US: the door's half width, the sign goes right of it
    group: str | None = None  # windows: one foil per building
    max_width_mm: float = math.inf
    own_reads: bool = True  # before the foils of a building were made one
    top_m: float = math.inf  # a wall sign's top edge stays this high at most (the building's)


def _door_walls(site: Site, frames, door_marks, prof: Profile) -> dict[str, float]:
    """Per exterior door marking, the widest sign its wall allows (m): the door's width
    plus ``door_overhang_m`` each side, within the free wall between its neighbouring doors
    of the same storey and the ends of its wall (beside the door for US signs)."""
    width = {m.id: w for m, _k, w in door_marks}
    by_edge: dict[tuple, list[tuple[float, float, str]]] = defaultdict(list)
    edge_len: dict[tuple, tuple[float, float]] = {}
    for m, _k, w in door_marks:
        f = frames[m.building]
        pos = locate(f.outline, m.at)
        ring = f.outline.rings[pos.ring]
        a, e = ring[pos.edge], ring[(pos.edge + 1) % len(ring)]
        start = pos.along - math.dist(a, pos.point)
        key = (m.building, pos.ring, pos.edge, m.level)
        by_edge[key].append((pos.along, w, m.id))
        edge_len[key] = (start, start + math.dist(a, e))
    over = prof.sizing.door_overhang_m
    beside = prof.numbering.interior_twin
    out: dict[str, float] = {}
    for key, doors in by_edge.items():
        lo_end, hi_end = edge_len[key]
        doors.sort()
        for i, (c, w, mid) in enumerate(doors):
            lo = doors[i - 1][0] + doors[i - 1][1] / 2 + JAMB_CLEARANCE_M if i else lo_end
            hi = (doors[i + 1][0] - doors[i + 1][1] / 2 - JAMB_CLEARANCE_M
                  if i + 1 < len(doors) else hi_end)
            if beside:  # right of the door seen from outside: towards the ring's start
                out[mid] = max(c - w / 2 - JAMB_CLEARANCE_M - lo, 0.0)
            else:
                out[mid] = min(width[mid] + 2 * over, 2 * max(min(c - lo, hi - c), 0.0))
    return out


def _room_doors(site: Site) -> dict[tuple[str, str], tuple[str, XY]]:
    """Per (building, room) the door a room sign goes beside: its door into the corridor
    (an inner door naming only this room, or in the wall of this room alone), else one to
    another room."""
    out: dict[tuple[str, str], tuple[str, XY]] = {}
    for b in site.buildings:
        second: dict[str, tuple[str, XY]] = {}
        rings = [(r.id, r.level, Polygon([tuple(p) for p in r.polygon]).exterior)
                 for r in b.rooms if r.polygon and len(r.polygon) >= 3]
        for d in b.doors:
            if d.kind.value != "inner" or d.opening:
                continue
            at = (float(d.at[0]), float(d.at[1]))
            between = d.between
            if not between:  # the rooms whose wall it is in
                pt = Point(at)
                between = tuple(rid for rid, lv, ring in rings
                                if lv == d.level and ring.distance(pt) <= 0.75)
                if not between:
                    continue
            if len(between) == 1:
                out.setdefault((b.id, between[0]), (d.id, at))
            else:
                for rid in between:
                    second.setdefault(rid, (d.id, at))
        for rid, v in second.items():
            out.setdefault((b.id, rid), v)
    return out


def make_signs(prof, lang, site, markings, frames, roads, door_marks, window_marks, find,
               guides=()) -> list[Sign]:
    """One sign per marking (stairs: one per storey served), in marking order; then the
    windows', then the guidance signs (``guides``: (marking, subtext, guide sign) from
    :func:`~.guidance.make_guidance`). ``frames``: building id ->
    :class:`~.numbering.BuildingFrame`; ``roads`` is kept for the callers (the approaches
    are read from the site's features)."""
    s = prof.sizing
    heights = s.mount_height_m
    seen = Approaches(site, view_deg=s.view_angle_deg)
    walls = _door_walls(site, frames, door_marks, prof)
    door_width = {m.id: w for m, _k, w in door_marks}
    room_doors = _room_doors(site)
    storey_names = {(b.id, st.level): st.name for b in site.buildings for st in b.storeys}
    specs: list[_Spec] = []

    def exterior_distance(m: Marking, kind: str, text: str, anchor: XY, normal: XY, *,
                          quiet: bool = False) -> float:
        hit = seen.sight(anchor, normal) if seen else None
        lo, hi = s.min_reading_distance_m, s.max_reading_distance_m
        if quiet:  # window labels: one finding per building (window-labels-small)
            return round(lo if hit is None else min(max(hit.distance_m, lo), hi), 1)
        if hit is None:
            if seen:
                find("info", "sign-not-seen", m.id, "finding.sign-not-seen", text=text,
                     kind=_kind_ref(kind), distance=lo, limit=SEARCH_RADIUS_M)
            return round(lo, 1)
        if hit.distance_m > hi:
            find("info", "sign-far", m.id, "finding.sign-far", text=text,
                 kind=_kind_ref(kind), distance=hit.distance_m, limit=hi,
                 approach=_approach_ref(hit.kind), name=hit.name or "")
        return round(min(max(hit.distance_m, lo), hi), 1)

    def add(m: Marking, kind: str, text: str, subtext: str, placement: Placement, anchor: XY,
            facing: XY, distance: float, mount: float | None, *, max_w: float = math.inf,
            door: str | None = None, beside: float | None = None, group: str | None = None,
            arrow: str | None = None) -> None:
        style = prof.style(kind)
        cap = sizing.cap_height(prof, kind, distance, exterior=placement == "exterior",
                                material=style.material)
        needed = max(cap.needed_mm, s.min_cap_mm.get(kind, 0.0))
        floor_w = min((w for w, _h in s.series(kind)), default=0.0)
        limit = max(max_w * 1000, floor_w)
        fmt = sizing.choose_format(prof, kind, text, subtext, needed, max_width_mm=limit,
                                   arrow=arrow)
        specs.append(_Spec(m, kind, text, subtext, placement, anchor, facing, distance,
                           needed, fmt, mount, door, beside, group, limit, fmt.reads))

    tops = {b.id: (max((st.level for st in b.storeys), default=0) + 1) * STOREY_HEIGHT_M
            - EAVES_CLEARANCE_M for b in site.buildings}
    for m in markings:
        if m.kind in ("name", "building"):
            f = frames[m.building]
            pos = locate(f.outline, m.at if m.kind == "name" else side_mid(f))
            anchor = (pos.point[0] + pos.normal[0] * 0.05, pos.point[1] + pos.normal[1] * 0.05)
            add(m, m.kind, m.code, "", "exterior", anchor, pos.normal,
                exterior_distance(m, m.kind, m.code, anchor, pos.normal), heights.get(m.kind))
            specs[-1].top_m = tops.get(m.building, math.inf)
        elif m.kind in DOOR_KINDS:
            f = frames[m.building]
            pos = locate(f.outline, m.at)
            normal = pos.normal
            anchor = (pos.point[0] + normal[0] * 0.05, pos.point[1] + normal[1] * 0.05)
            subtext = "" if prof.numbering.interior_twin else word(lang, m.kind)
            below = (m.level or 0) < 0
            if below:
                find("info", "door-below-grade", m.id, "finding.door-below-grade", text=m.code,
                     height=heights.get("below_grade", 1.5),
                     distance=s.min_reading_distance_m)
                distance = round(s.min_reading_distance_m, 1)
                mount = heights.get("below_grade", 1.5)
            else:
                distance = exterior_distance(m, m.kind, m.code, anchor, normal)
                mount = heights.get("exterior", 2.3)
            w = door_width.get(m.id, DEFAULT_DOOR_WIDTH_M)
            add(m, m.kind, m.code, subtext, "exterior", anchor, normal, distance, mount,
                max_w=walls.get(m.id, math.inf), door=m.element,
                beside=w / 2 if prof.numbering.interior_twin else None)
            if prof.numbering.interior_twin:
                inside = (pos.point[0] - normal[0] * 0.05, pos.point[1] - normal[1] * 0.05)
                add(m, "interior_door", m.code, "", "interior", inside, (-normal[0], -normal[1]),
                    s.interior_reading_distance_m.get("interior_door", 6.0),
                    heights.get("interior_door", 0.3), door=m.element)
        elif m.kind == "stair":
            for lv in m.levels:
                name = storey_label(prof, storey_names.get((m.building, lv)), lv)
                add(replace(m, level=lv), "stair", m.code, name, "interior", m.at, (0.0, 0.0),
                    s.interior_reading_distance_m.get("stair", 8.0), heights.get("stair"))
        elif m.kind == "room":
            door = room_doors.get((m.building, m.element))
            add(m, "room", m.code, m.name if m.landmark and m.name else "", "interior",
                door[1] if door else m.at, (0.0, 0.0),
                s.interior_reading_distance_m.get("room", 6.0), heights.get("room"),
                door=door[0] if door else None)
    for m, width in window_marks:
        f = frames[m.building]
        pos = locate(f.outline, m.at)
        distance = exterior_distance(m, "window", m.code, pos.point, pos.normal, quiet=True)
        add(m, "window", m.code, "", "exterior", pos.point, pos.normal, distance,
            heights.get("window", 1.2), max_w=max(width - 0.1, 0.1), group=m.building)
    first_guide = len(specs)
    for m, sub, g in guides:
        add(m, "guidance", m.code, sub, "interior", m.at, (-g.approach[0], -g.approach[1]),
            s.interior_reading_distance_m.get("guidance", 10.0), heights.get("guidance", 2.1),
            arrow=g.arrow)
    _one_foil_per_room(prof, specs)
    return _finish(prof, specs, guides, first_guide, find)


def _kind_ref(kind: str) -> Ref | str:
    return Ref("kind." + kind) if get("kind." + kind, "en") else kind


def _approach_ref(kind: str) -> Ref | str:
    return Ref("feature." + kind) if get("feature." + kind, "en") else kind.replace("_", " ")


def _one_foil_per_room(prof: Profile, specs: list[_Spec]) -> None:
    """All window labels of a building get the foil its farthest-read window needs (within
    the narrowest window): a room's code reads the same on every pane, and every label of
    the building looks alike (one foil size for the sign shop)."""
    groups: dict[str, list[_Spec]] = defaultdict(list)
    for sp in specs:
        if sp.group is not None:
            groups[sp.group].append(sp)
    for items in groups.values():
        if len(items) < 2:
            continue
        far = max(items, key=lambda sp: sp.needed)
        fmt = sizing.choose_format(prof, far.kind, far.text, far.subtext, far.needed,
                                   max_width_mm=min(sp.max_width_mm for sp in items))
        for sp in items:
            sp.fmt, sp.needed, sp.distance = fmt, far.needed, far.distance


def _finish(prof: Profile, specs: list[_Spec], guides, first_guide: int, find) -> list[Sign]:
    """The signs: one cap height per kind and format (the smallest any of its signs fits),
    the findings of signs too small for their distance, and each sign's colours."""
    fits: dict[tuple[str, float, float], float] = {}
    for sp in specs:
        if sp.fmt.standard:
            key = (sp.kind, sp.fmt.width_mm, sp.fmt.height_mm)
            fits[key] = min(fits.get(key, math.inf), sp.fmt.cap_mm)
    capped_windows: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    out: list[Sign] = []
    for i, sp in enumerate(specs):
        m, kind = sp.m, sp.kind
        fmt = sp.fmt
        cap = fmt.cap_mm
        if fmt.standard:
            cap = max(fits[(kind, fmt.width_mm, fmt.height_mm)], min(sp.needed, fmt.cap_mm))
        sid = f"S-{len(out) + 1:04d}"
        if kind == "window":
            if not sp.own_reads:
                capped_windows[m.building].append((m.code, sp.distance, sp.needed))
        elif not fmt.reads and fmt.wall:
            find("warning", "sign-wall-narrow", m.id, "finding.sign-wall-narrow", text=sp.text,
                 kind=_kind_ref(kind), distance=sp.distance, needed_mm=round(sp.needed),
                 width_mm=fmt.width_mm, height_mm=fmt.height_mm, cap_mm=round(cap))
        elif not fmt.reads:
            find("warning", "sign-too-small", m.id, "finding.sign-too-small",
                 kind=_kind_ref(kind), text=sp.text, distance=sp.distance,
                 needed_mm=round(sp.needed, 1), cap_mm=round(cap, 1))
        style = prof.style(kind)
        bg, fg = prof.color(style.background), prof.color(style.foreground)
        contrast = sizing.michelson_contrast(bg.srgb, fg.srgb)
        if contrast < 0.7:
            find("error", "low-contrast", sid, "finding.low-contrast", text=sp.text,
                 contrast=contrast, background=bg.label, foreground=fg.label)
        anchor = sp.anchor
        if sp.beside is not None:  # US: the sign's middle right of the door, seen from outside
            right = (-sp.facing[1], sp.facing[0])
            off = sp.beside + JAMB_CLEARANCE_M + fmt.width_mm / 2000
            anchor = (anchor[0] + right[0] * off, anchor[1] + right[1] * off)
        sign = Sign(
            id=sid, marking=m.id, kind=kind, text=sp.text, placement=sp.placement,
            width_mm=fmt.width_mm, height_mm=fmt.height_mm, cap_height_mm=round(cap, 1),
            reading_distance_m=sp.distance, background=bg.srgb, foreground=fg.srgb,
            contrast=contrast, material=style.material, anchor=r3(anchor),
            facing=(round(sp.facing[0], 4) + 0.0, round(sp.facing[1], 4) + 0.0),
            subtext=sp.subtext, building=m.building, level=m.level, side=m.side,
            background_name=bg.label, foreground_name=fg.label,
            mount_height_m=None if sp.mount is None else round(max(
                min(sp.mount, sp.top_m - fmt.height_mm / 1000), 0.0), 2),
            door=sp.door)
        if i >= first_guide:
            _m, _sub, g = guides[i - first_guide]
            sign = replace(sign, arrow=g.arrow, direction=(round(g.direction[0], 4) + 0.0,
                                                           round(g.direction[1], 4) + 0.0))
        out.append(sign)
    for bid, items in sorted(capped_windows.items()):
        far = max(items, key=lambda t: t[1])
        find("info", "window-labels-small", bid, "finding.window-labels-small", n=len(items),
             building=bid, code=far[0], distance=far[1], needed_mm=far[2])
    return out


def sign_base_m(sign: Sign) -> float:
    """The height of the floor or ground a sign's ``mount_height_m`` is measured from, above
    the ground (m): the door's storey for door signs on an outside landing and for window
    foils (a basement window's light well below the ground), the ground otherwise."""
    level = sign.level or 0
    if sign.kind == "window":
        return level * STOREY_HEIGHT_M
    if sign.kind in DOOR_KINDS and level > 0:
        return level * STOREY_HEIGHT_M
    return 0.0


def place_on_facades(signs: list[Sign], frames, site: Site, find) -> list[Sign]:
    """Shift exterior wall signs along their facade so they overlap no other sign and no window.

    Works per building edge in 1-D (position along the edge x height band, the sign's
    bottom edge at ``mount_height_m`` above its floor); tries shifts of 0.1 m steps up to
    3 m either way, nearest first; a sign that cannot be placed gets a finding.
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
        hw = s.width_mm / 2000
        lo_z = sign_base_m(s) + s.mount_height_m
        hi_z = lo_z + s.height_mm / 1000
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
            find("warning", "sign-placement", s.marking, "finding.sign-placement", text=s.text,
                 width_mm=s.width_mm, height_mm=s.height_mm)
            chosen = pos.along
        t = (chosen - edge_start) / edge_len if edge_len else 0.0
        px, py = a[0] + (e[0] - a[0]) * t, a[1] + (e[1] - a[1]) * t
        n = pos.normal
        placed[key].append((chosen - hw, chosen + hw, lo_z, hi_z))
        out.append(replace(s, anchor=r3((px + n[0] * 0.05, py + n[1] * 0.05))))
    return out


__all__ = ["APPROACH_KINDS", "Approaches", "DOOR_KINDS", "STOREY_HEIGHT_M", "Seen",
           "WINDOW_HEAD_M", "WINDOW_SILL_M", "make_signs", "place_on_facades", "sign_base_m",
           "storey_label"]
