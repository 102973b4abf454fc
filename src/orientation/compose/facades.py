"""Facade sheets for the installer: per building side, the elevation seen from outside with
every sign and window label drawn at its place and height, numbered as the installation list.

A side (A–D) of a building is the run of its outline edges that face that way
(:attr:`orientation.plan.BuildingPlan.sides`); its elevation is developed flat (an
*Abwicklung*: the edges side by side, left to right as seen from outside, a small gap where
the run breaks), from the ground up to the top storey (``STOREY_HEIGHT_M`` a storey, as the
layout assumes), basements dashed under the ground line. Doors and windows are the plan's
openings; each exterior sign is a rectangle to scale in its colour at its bottom edge's
height, its number from :func:`orientation.compose.installer.location_rows` beside it. The
scale is 1:100 or 1:200 (whichever holds the height); a side longer than a sheet holds at
that scale is split over several sheets (``Seite A (1/2)``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .. import words
from ..layout.placement import (
    DOOR_KINDS,
    STOREY_HEIGHT_M,
    WINDOW_HEAD_M,
    WINDOW_SILL_M,
    sign_base_m,
)
from ..plan import BuildingShape, Plan, Side, Sign
from ..profiles import Profile
from ..render.scene import Circle, Color, Item, Path, Rect, Stroke, Text
from ..status import SignStatus
from .common import (
    GREY,
    INK,
    PAPER,
    RULE,
    building_label,
    buildings_by_id,
    format_number,
    sign_color,
    word,
)
from .common import text as ptext
from .installer import exterior_side, location_rows

#: The drawing area of a facade sheet on A4 landscape, in mm (left, top, width, height).
AREA = (12.0, 36.0, 273.0, 140.0)
#: The scales a facade is drawn at, largest first.
SCALES = (100, 200)
#: Gap between two runs of one side that do not meet, in metres of the elevation.
RUN_GAP_M = 2.0
#: Neighbouring sheets of a long side overlap by this much (m).
OVERLAP_M = 4.0
#: Door height on the elevation (m).
DOOR_HEIGHT_M = 2.1
#: A point belongs to an edge when it is this close to it (m).
ON_EDGE_M = 0.6
WALL = Color("#F4F4F2", (0.0, 0.0, 0.02, 0.03), "wall")
GLASS = Color("#DDE8F0", (0.08, 0.02, 0.0, 0.04), "glass")
NUMBER = Color("#A52019", (0.0, 0.81, 0.85, 0.35), "RAL 3001 signal red (numbers)")


@dataclass(frozen=True, slots=True)
class _Edge:
    a: tuple[float, float]
    b: tuple[float, float]
    x0: float  # where the edge's left end (its end point b) is on the developed elevation
    length: float

    def place(self, p: tuple[float, float]) -> tuple[float, float] | None:
        """(x on the elevation, distance from the edge) of a plan point, None beyond it."""
        ax, ay = self.a
        dx, dy = self.b[0] - ax, self.b[1] - ay
        n = self.length or 1.0
        t = ((p[0] - ax) * dx + (p[1] - ay) * dy) / (n * n)
        if t < -0.02 or t > 1.02:
            return None
        d = abs((p[0] - ax) * dy - (p[1] - ay) * dx) / n
        return self.x0 + (1 - max(0.0, min(1.0, t))) * n, d


def _runs(plan: Plan, building: str, label: str) -> list[list[Side]]:
    """The side's edges as runs of touching edges, each run in ring order."""
    b = next(bp for bp in plan.buildings if bp.id == building)
    runs: list[list[Side]] = []
    for s in b.sides:
        if s.label != label:
            continue
        if runs and runs[-1][-1].end == s.start and runs[-1][-1].ring == s.ring:
            runs[-1].append(s)
        else:
            runs.append([s])
    if len(runs) > 1 and runs[0][0].start == runs[-1][-1].end and runs[0][0].ring == runs[-1][-1].ring:
        runs[0] = runs.pop() + runs[0]  # the ring closes through its first vertex
    return runs


def _develop(runs: list[list[Side]]) -> tuple[list[_Edge], float]:
    """The edges placed left to right as seen from outside (against the ring's direction),
    and the elevation's length (m)."""
    edges: list[_Edge] = []
    x = 0.0
    for run in reversed(runs):
        for s in reversed(run):
            n = math.dist(s.start, s.end)
            if n < 1e-6:
                continue
            edges.append(_Edge(s.start, s.end, x, n))
            x += n
        x += RUN_GAP_M
    return edges, max(x - RUN_GAP_M, 0.0)


def _locate(edges: list[_Edge], p: tuple[float, float]) -> float | None:
    best: tuple[float, float] | None = None
    for e in edges:
        hit = e.place(p)
        if hit is not None and hit[1] <= ON_EDGE_M and (best is None or hit[1] < best[1]):
            best = (hit[1], hit[0])
    return None if best is None else best[1]


def facade_sheets(plan: Plan, profile: Profile, lang: str, *,
                  status: SignStatus | None = None) -> list[tuple[str, list[Item]]]:
    """One or more sheets per building side that carries exterior signs: (title key, items)
    for :func:`orientation.compose.schedule.schedule_pages` (which adds the page header)."""
    if plan.geometry is None:
        return []
    numbers = {r.sign_id: r.number for r in location_rows(plan, profile, status=status,
                                                           language=lang)}
    buildings = buildings_by_id(plan)
    out: list[tuple[str, list[Item]]] = []
    for bp in plan.buildings:
        shape = plan.geometry.building(bp.id)
        if shape is None:
            continue
        signs = [s for s in plan.signs if s.building == bp.id and s.placement == "exterior"]
        by_side: dict[str, list[Sign]] = {}
        for s in signs:
            by_side.setdefault(exterior_side(plan, s), []).append(s)
        for label in sorted(by_side):
            runs = _runs(plan, bp.id, label)
            if not runs:
                continue
            edges, length = _develop(runs)
            out += _sheets(plan, profile, lang, shape, building_label(buildings, bp.id),
                           label, edges, length, by_side[label], numbers)
    return out


def _sheets(plan: Plan, profile: Profile, lang: str, shape: BuildingShape, name: str,
            label: str, edges: list[_Edge], length: float, signs: list[Sign],
            numbers: dict[str, int]) -> list[tuple[str, list[Item]]]:
    levels = [s.level for s in shape.storeys] or [0]
    top_m = (max(max(levels), 0) + 1) * STOREY_HEIGHT_M
    below_m = -min(min(levels), 0) * STOREY_HEIGHT_M
    ax, ay, aw, ah = AREA
    height_m = top_m + below_m + 2.0
    scale = next((sc for sc in SCALES if height_m * 1000 / sc <= ah), SCALES[-1])
    k = 1000 / scale  # mm on paper per metre
    span = aw / k  # metres per sheet
    parts = 1 if length <= span else math.ceil(length / max(span - 2 * OVERLAP_M, 1.0) - 1e-9)
    step = length / parts if parts > 1 else length
    out = []
    for part in range(parts):
        # neighbouring sheets overlap, so a sign at the cut is whole on both
        x_lo = max(part * step - (OVERLAP_M if part else 0.0), 0.0)
        x_hi = min((part + 1) * step + (OVERLAP_M if part + 1 < parts else 0.0), length)
        x0 = ax + (aw - (x_hi - x_lo) * k) / 2  # the part centred on the sheet
        ground = ay + 6.0 + top_m * k

        def X(xm: float, _x0=x0, _lo=x_lo) -> float:
            return _x0 + (xm - _lo) * k

        def Y(zm: float, _g=ground) -> float:
            return _g - zm * k

        items: list[Item] = []
        title = f"{name} · {words.text('compose.facade', lang, side=label)}"
        if parts > 1:
            title += f" ({part + 1}/{parts})"
        items.append(ptext(ax, ay - 6.0, title, 4.6, weight="bold", max_width_mm=aw))
        thin, wall = Stroke(INK, 0.35), Stroke(RULE, 0.15, (1.0, 1.0))
        for e in edges:
            lo, hi = max(e.x0, x_lo), min(e.x0 + e.length, x_hi)
            if hi <= lo + 1e-6:
                continue
            items.append(Rect(X(lo), Y(top_m), (hi - lo) * k, top_m * k, fill=WALL, stroke=thin))
            if below_m > 0:
                items.append(Rect(X(lo), Y(0), (hi - lo) * k, below_m * k, stroke=wall))
            for lv in range(1, int(round(top_m / STOREY_HEIGHT_M))):
                z = lv * STOREY_HEIGHT_M
                items.append(Path((((X(lo), Y(z)), (X(hi), Y(z))),), closed=False, stroke=wall))
        items.append(Path((((ax, ground), (ax + aw, ground)),), closed=False,
                          stroke=Stroke(INK, 0.6)))
        items.append(ptext(ax, ground + 4.0, word(lang, "ground"), 3.0, fill=GREY))
        items += _openings(plan, shape, edges, x_lo, x_hi, X, Y, k)
        items += _signs(plan, profile, signs, edges, x_lo, x_hi, X, Y, k, numbers)
        note = words.text("compose.facade_note", lang, scale=scale,
                          storey=format_number(STOREY_HEIGHT_M, lang, decimals=1))
        items.append(ptext(ax, ay + ah + 8.0, note, 3.0, fill=GREY, max_width_mm=aw))
        out.append(("facades_title", items))
    return out


def _openings(plan: Plan, shape: BuildingShape, edges: list[_Edge], x_lo: float, x_hi: float,
              X, Y, k: float) -> list[Item]:
    items: list[Item] = []
    for o in shape.openings:
        m = plan.marking(o.marking)
        if m is None:
            continue
        x = _locate(edges, o.point)
        if x is None or not x_lo - 1e-6 <= x <= x_hi + 1e-6:
            continue
        base = (m.level or 0) * STOREY_HEIGHT_M
        half = o.width_m / 2
        if m.kind == "window":
            items.append(Rect(X(x - half), Y(base + WINDOW_HEAD_M), o.width_m * k,
                              (WINDOW_HEAD_M - WINDOW_SILL_M) * k, fill=GLASS,
                              stroke=Stroke(GREY, 0.2)))
        elif m.kind in DOOR_KINDS:
            items.append(Rect(X(x - half), Y(base + DOOR_HEIGHT_M), o.width_m * k,
                              DOOR_HEIGHT_M * k, fill=PAPER, stroke=Stroke(INK, 0.3)))
            items.append(ptext(X(x), Y(base) - 1.5, m.code, 2.6, fill=GREY, anchor="middle"))
    return items


def _signs(plan: Plan, profile: Profile, signs: list[Sign], edges: list[_Edge], x_lo: float,
           x_hi: float, X, Y, k: float, numbers: dict[str, int]) -> list[Item]:
    items: list[Item] = []
    for s in signs:
        x = _locate(edges, s.anchor)
        if x is None or not x_lo - 1e-6 <= x <= x_hi + 1e-6:
            continue
        z = sign_base_m(s) + (s.mount_height_m or 0.0)
        w, h = s.width_mm / 1000, s.height_mm / 1000
        fill = sign_color(profile, s.background, s.background_name)
        rx, ry, rw, rh = X(x - w / 2), Y(z + h), max(w * k, 0.8), max(h * k, 0.8)
        items.append(Rect(rx, ry, rw, rh, fill=fill, stroke=Stroke(INK, 0.15)))
        n = str(numbers.get(s.id, ""))
        if s.kind == "window":  # the number in the pane, over the foil
            items.append(ptext(rx + rw / 2, ry - 0.8, n, 2.4, weight="bold", fill=NUMBER,
                               anchor="middle"))
            continue
        cx, cy = rx + rw + 2.6, ry + 1.0
        r = 1.9 if len(n) < 3 else 2.3
        items.append(Circle(cx, cy, r, fill=PAPER, stroke=Stroke(NUMBER, 0.3)))
        items.append(Text(cx, cy + 0.9, n, 2.4, NUMBER, weight="bold", anchor="middle"))
    return items


__all__ = ["AREA", "SCALES", "facade_sheets"]
