"""The sign steps of :func:`orientation.layout.engine.make_plan`: one sign per marking (reading
distance from the nearest road, cap height, panel, anchor, facing, contrast, mounting
height), then each exterior wall sign shifted along its facade so that it covers no other
sign and no window.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

from ..model import Site
from ..plan import Marking, Placement, Sign
from ..profiles import Profile
from ..words import Ref, get, word
from . import sizing
from .codes import DEFAULT_DOOR_WIDTH_M, DEFAULT_WINDOW_WIDTH_M, r3, side_mid
from .geometry import XY, LineIndex, locate

STOREY_HEIGHT_M = 3.5
WINDOW_SILL_M = 0.9
WINDOW_HEAD_M = 2.3

def _reading_distance(prof: Profile, roads: LineIndex, at: XY) -> float:
    near = roads.nearest(at) if roads else None
    d = near[0] if near else 0.0
    return round(max(d, prof.sizing.min_reading_distance_m), 1)


def make_signs(prof, lang, site, markings, frames, roads, door_marks, window_marks, find,
               guides=()) -> list[Sign]:
    """One sign per marking (stairs: one per storey served), in marking order; then the
    windows', then the guidance signs (``guides``: (marking, subtext, guide sign) from
    :func:`~.guidance.make_guidance`). ``frames``: building id ->
    :class:`~.numbering.BuildingFrame`."""
    out: list[Sign] = []
    door_width = {m.id: w for m, _, w in door_marks}
    storey_names = {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}

    def add(m: Marking, kind: str, text: str, subtext: str, placement: Placement, anchor: XY,
            facing: XY, distance: float, mount: float | None = None) -> None:
        style = prof.style(kind)
        bg, fg = prof.color(style.background), prof.color(style.foreground)
        cap = sizing.cap_height(prof, kind, distance, exterior=placement == "exterior",
                                material=style.material)
        if cap.capped and kind == "window":
            capped_windows[m.building].append((m.code, distance, cap.needed_mm))
        elif cap.capped:
            find("warning", "sign-too-small", m.id, "finding.sign-too-small",
                 kind=Ref("kind." + kind) if get("kind." + kind, "en") else kind, text=text,
                 distance=distance, needed_mm=cap.needed_mm, cap_mm=cap.cap_mm)
        panel = sizing.panel_size(prof, kind, text, subtext, cap.cap_mm)
        contrast = sizing.michelson_contrast(bg.srgb, fg.srgb)
        sid = f"S-{len(out) + 1:04d}"
        if contrast < 0.7:
            find("error", "low-contrast", sid, "finding.low-contrast", text=text,
                 contrast=contrast, background=bg.label, foreground=fg.label)
        out.append(Sign(
            id=sid, marking=m.id, kind=kind, text=text, placement=placement,
            width_mm=panel.width_mm, height_mm=panel.height_mm, cap_height_mm=cap.cap_mm,
            reading_distance_m=distance, background=bg.srgb, foreground=fg.srgb,
            contrast=contrast, material=style.material, anchor=r3(anchor),
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
            mid = side_mid(f)
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
    for m, sub, g in guides:
        at = len(out)
        add(m, "guidance", m.code, sub, "interior", m.at, (-g.approach[0], -g.approach[1]),
            prof.sizing.interior_reading_distance_m.get("guidance", 10.0),
            heights.get("guidance", 2.3))
        out[at] = replace(out[at], arrow=g.arrow,
                          direction=(round(g.direction[0], 4) + 0.0, round(g.direction[1], 4) + 0.0))
    for bid, items in sorted(capped_windows.items()):
        far = max(items, key=lambda t: t[1])
        find("info", "window-labels-small", bid, "finding.window-labels-small", n=len(items),
             building=bid, code=far[0], distance=far[1], needed_mm=far[2])
    return out


def place_on_facades(signs: list[Sign], frames, site: Site, find) -> list[Sign]:
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
            find("warning", "sign-placement", s.marking, "finding.sign-placement", text=s.text,
                 width_mm=s.width_mm, height_mm=s.height_mm)
            chosen = pos.along
        t = (chosen - edge_start) / edge_len if edge_len else 0.0
        px, py = a[0] + (e[0] - a[0]) * t, a[1] + (e[1] - a[1]) * t
        n = pos.normal
        placed[key].append((chosen - hw, chosen + hw, lo_z, hi_z))
        out.append(replace(s, anchor=r3((px + n[0] * 0.05, py + n[1] * 0.05))))
    return out


__all__ = ["STOREY_HEIGHT_M", "WINDOW_HEAD_M", "WINDOW_SILL_M", "make_signs", "place_on_facades"]
