"""Part plans (TRVB 121 practice, DIN 14095 one scale): a storey or a site too large for one
legible sheet is shown on parts that overlap, each with a small key map of the whole that
marks the part shown and names its neighbours.

* **Storey plans**: the layout decides the parts (:attr:`~orientation.plan.BuildingShape.
  parts`, at the site's one storey scale).
* **Site plan**: when the site plan cannot put every exterior door code at its door
  (:data:`~.marks.AT_DOOR_MM`, 2.5 mm cap height), the booklet draws an overview (building
  letters, roads, accesses, the main and fire-brigade entrances, the parts' frames) and part
  plans at the coarsest round scale at which every code sits at its door
  (:func:`site_parts`). Each scale is tried part by part and given up at the first code that
  finds no place, so the search stays linear in the doors (it looks at a bounded number of
  obstacles per code, and at a bounded number of scales).

Every point is at home on exactly one part (:func:`~orientation.layout.mapframe.part_cores`);
there its labels never give up into a callout or a note, in the overlap of another part they
are drawn where they fit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from ...layout import mapframe
from ...plan import GridBox
from ...render.scene import Item, Path, Rect, Stroke, Text
from .. import labels as L
from .sheet import _Ctx, _Sheet
from .siteplan import PART, _compose_site_plan
from .style import _CAP, Box
from .view import _View

#: Site part plans cover the buildings and this much around them (metres)...
SITE_PART_MARGIN_M = 10.0
#: ... and the site's points (hydrants, assembly points, gates) this far from a building.
SITE_POINT_REACH_M = 60.0
#: A key map is at most this tall (mm).
KEY_MAP_MAX_MM = 46.0

Cores = tuple[GridBox, ...]


def window_view(ctx: _Ctx, window: GridBox, scale: int) -> _View:
    """The view that centres a part's ``window`` (grid metres) in the drawing area."""
    k = 1000.0 / scale
    x, y, w, h = ctx.lay.drawing
    u0, v0, u1, v1 = window
    return _View(ctx.frame, k, x + w / 2 - (u0 + u1) / 2 * k, y + h / 2 - (v0 + v1) / 2 * k)


def core_on_paper(view: _View, core: GridBox) -> Box:
    """A part's core (grid metres, unbounded at the outer edges) on paper."""
    k = view.k
    return (view.ox + core[0] * k, view.oy + core[1] * k,
            view.ox + core[2] * k, view.oy + core[3] * k)


def drawing_box(ctx: _Ctx) -> Box:
    x, y, w, h = ctx.lay.drawing
    return (x, y, x + w, y + h)


def cores_of(windows: Sequence[GridBox]) -> Cores:
    if len(windows) <= 1:
        return ((-math.inf, -math.inf, math.inf, math.inf),) * len(windows)
    return mapframe.part_cores(tuple(windows))


def neighbours_of(windows: Sequence[GridBox], i: int) -> list[int]:
    """The parts (1-based) whose windows overlap part ``i`` (0-based): its connecting plans."""
    a = windows[i]
    return [j + 1 for j, b in enumerate(windows)
            if j != i and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


# -- the site plan ---------------------------------------------------------------------------

def site_extent(ctx: _Ctx) -> GridBox:
    """What the site's part plans cover (grid metres): every building, and the site's
    points near them, with :data:`SITE_PART_MARGIN_M` around."""
    boxes = [b.extent for b in ctx.geometry.buildings]
    if not boxes:
        return (0.0, 0.0, 1.0, 1.0)
    u0, v0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    u1, v1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    reach = (u0 - SITE_POINT_REACH_M, v0 - SITE_POINT_REACH_M, u1 + SITE_POINT_REACH_M,
             v1 + SITE_POINT_REACH_M)
    for f in ctx.geometry.features:
        if f.at is not None:
            u, v = mapframe.to_grid(ctx.frame, f.at)
            if reach[0] <= u <= reach[2] and reach[1] <= v <= reach[3]:
                u0, v0, u1, v1 = min(u0, u), min(v0, v), max(u1, u), max(v1, v)
    m = SITE_PART_MARGIN_M
    return (u0 - m, v0 - m, u1 + m, v1 + m)


def _occupied(ctx: _Ctx, window: GridBox) -> bool:
    """True when a building's extent meets the window (a part of nothing is left out)."""
    return any(b.extent[0] < window[2] and window[0] < b.extent[2]
               and b.extent[1] < window[3] and window[1] < b.extent[3]
               for b in ctx.geometry.buildings)


def site_parts(ctx: _Ctx) -> tuple[int, list[GridBox], list[_Sheet]]:
    """The site's part plans: the coarsest scale of :data:`~.mapframe.SCALES` finer than
    the site plan's at which every exterior code sits at its door, its windows (grid metres,
    parts without a building left out) and their sheets. When not even the finest scale
    does, its parts are drawn as any map is (a code that finds no place at its door is a
    callout)."""
    extent = site_extent(ctx)
    paper = ctx.frame.paper
    scales = [s for s in reversed(mapframe.SCALES) if s < ctx.frame.scale]
    if not scales:
        scales = [ctx.frame.scale]
    for n, scale in enumerate(scales):
        last = n == len(scales) - 1
        windows = list(mapframe.part_windows(extent, scale, paper, reserve_mm=0.0)) or [extent]
        cores = cores_of(windows)
        kept = [(w, c) for w, c in zip(windows, cores, strict=True) if _occupied(ctx, w)]
        sheets: list[_Sheet] = []
        for window, core in kept:
            view = window_view(ctx, window, scale)
            sheet, failed = _compose_site_plan(ctx, mode=PART, view=view,
                                               area=drawing_box(ctx),
                                               core=core_on_paper(view, core),
                                               give_up=not last, strict=not last)
            if failed and not last:
                break
            sheets.append(sheet)
        else:
            return scale, [w for w, _c in kept], sheets
    raise AssertionError("the finest scale always gives its parts")  # pragma: no cover


def frame_parts(sheet: _Sheet, windows: Sequence[GridBox]) -> None:
    """The parts' frames on the overview (thin dashed rectangles) with their numbers in a
    free corner, so that the overview is the key map of the part plans."""
    c = sheet.ctx
    view = sheet.view
    assert view is not None
    pal = c.pal
    size = c.style.min_text_mm + 0.5
    for i, w in enumerate(windows, start=1):
        x0, y0 = view.ox + w[0] * view.k, view.oy + w[1] * view.k
        x1, y1 = view.ox + w[2] * view.k, view.oy + w[3] * view.k
        sheet.add("marks", Rect(x0, y0, x1 - x0, y1 - y0,
                                stroke=Stroke(pal.grey75, 0.35, (3.0, 1.5))))
        label = c.words["part_short"].format(n=i)
        tw, th = L.text_box(0, 0, label, size)[2] + 1.2, L.text_height(size) + 0.6
        for bx, by in ((x0 + 1, y0 + 1), (x1 - 1 - tw, y0 + 1), (x0 + 1, y1 - 1 - th),
                       (x1 - 1 - tw, y1 - 1 - th)):
            b = (bx, by, bx + tw, by + th)
            if sheet.placer.box_free(b, kinds=tuple(L.Placer.HARD) + ("area",),
                                     within=sheet.clip):
                sheet.add("labels", Rect(bx, by, tw, th, fill=pal.white,
                                         stroke=Stroke(pal.grey75, 0.25)),
                          Text(bx + tw / 2, by + th / 2 + _CAP * size / 2, label, size,
                               pal.black, anchor="middle"))
                sheet.placer.add_box(b, "label")
                break
    sheet.use("part_frame")


# -- the key map -----------------------------------------------------------------------------

def key_map(ctx: _Ctx, box: Box, rings: Sequence[Sequence[tuple[float, float]]],
            windows: Sequence[GridBox], current: int) -> tuple[list[Item], float]:
    """A small map of the whole (``rings``: outlines in plan metres) in ``box`` (x, y, w,
    max h; paper) with every part's frame and number, the part shown (``current``, 0-based)
    drawn heavy; and the height it took (mm)."""
    pal = ctx.pal
    x, y, w, hmax = box
    u0 = min(wi[0] for wi in windows)
    v0 = min(wi[1] for wi in windows)
    u1 = max(wi[2] for wi in windows)
    v1 = max(wi[3] for wi in windows)
    k = min((w - 2) / max(u1 - u0, 1e-6), (hmax - 2) / max(v1 - v0, 1e-6))
    h = (v1 - v0) * k + 2
    ox, oy = x + 1 + (w - 2 - (u1 - u0) * k) / 2 - u0 * k, y + 1 - v0 * k
    out: list[Item] = [Rect(x, y, w, h, fill=pal.white, stroke=Stroke(pal.grey50, 0.25))]
    for r in rings:
        pts = tuple((ox + u * k, oy + v * k)
                    for u, v in (mapframe.to_grid(ctx.frame, q) for q in r))
        out.append(Path((pts,), fill=pal.grey20 if not pal.mono else pal.white,
                        stroke=Stroke(pal.grey75, 0.2)))
    size = 2.5
    for i, wi in enumerate(windows):
        rx0, ry0 = ox + wi[0] * k, oy + wi[1] * k
        rw, rh = (wi[2] - wi[0]) * k, (wi[3] - wi[1]) * k
        heavy = i == current
        out.append(Rect(rx0, ry0, rw, rh, stroke=Stroke(pal.alarm_route if heavy else pal.grey75,
                                                        0.8 if heavy else 0.25)))
    for i, wi in enumerate(windows):  # the numbers over every frame, at the frames' middles
        cx, cy = ox + (wi[0] + wi[2]) / 2 * k, oy + (wi[1] + wi[3]) / 2 * k
        out.append(Text(cx, cy + _CAP * size / 2, str(i + 1), size,
                        pal.black, anchor="middle", halo=pal.white, halo_mm=0.4))
    return out, h


__all__ = ["KEY_MAP_MAX_MM", "SITE_PART_MARGIN_M", "core_on_paper", "cores_of",
           "drawing_box", "frame_parts", "key_map", "neighbours_of", "site_extent",
           "site_parts", "window_view"]
