"""The site plan: ground (areas, roads, fire lanes, footways), buildings, door codes and
sides, the fire service's points, building letters and names, road and area names, the grid.

Roads and other lines are clipped to the map and simplified in bounded pieces before GEOS
sees them (a traced road can have thousands of points)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry import box as sbox
from shapely.ops import polylabel
from shapely.prepared import prep

from ... import fonts
from ...plan import BuildingShape, FeaturePoint, Marking, SiteShape
from ...render.scene import Color, Group, Item, Path, Rect, Stroke, Text
from .. import labels as L
from ..label_boxes import grid_near
from .din import draw_fire_lines, draw_neighbours, hatched, label_neighbours, storeys_label
from .marks import _crowded_first, _draw_doors, _draw_grid, _draw_sides, _draw_symbol_at
from .rooms import _RoomShape
from .sheet import _Ctx, _Sheet
from .style import DOOR_KINDS, SITE_PLAN_FEATURES, XY, Box
from .view import _View


def _site_view(ctx: _Ctx) -> tuple[_View, Box]:
    fr = ctx.frame
    k = 1000.0 / fr.scale
    x, y, w, h = ctx.lay.drawing
    gw, gh = fr.columns * fr.grid_m * k, fr.rows * fr.grid_m * k
    ox, oy = x + (w - gw) / 2, y + (h - gh) / 2
    return _View(fr, k, ox, oy), (ox, oy, ox + gw, oy + gh)


#: Lines with more points than this are clipped to the map without GEOS (whose overlay nodes
#: a line against itself: a zigzag of thousands of points took seconds or crashed it), and
#: simplified before their band is buffered for the placer (see :func:`_band`).
LINE_GEOS_MAX_POINTS = 256
#: The road band given to the placer has at most this many points on its centre line.
BAND_MAX_POINTS = 64


def _clip_line(pts: Sequence[XY], area: Box) -> list[list[XY]]:
    """The parts of a polyline inside ``area`` (paper mm) longer than 0.5 mm."""
    if len(pts) > LINE_GEOS_MAX_POINTS:
        return [p for p in _clip_polyline(pts, area) if _length(p) > 0.5]
    g = LineString(pts).intersection(sbox(*area))
    if g.is_empty:
        return []
    parts = getattr(g, "geoms", [g])
    return [list(p.coords) for p in parts if p.geom_type == "LineString" and p.length > 0.5]


def _length(pts: Sequence[XY]) -> float:
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))


def _clip_polyline(pts: Sequence[XY], area: Box) -> list[list[XY]]:
    """Linear-time clipping of a polyline to a box, segment by segment (Liang-Barsky),
    consecutive inside stretches joined into one part."""
    x0, y0, x1, y1 = area
    parts: list[list[XY]] = []
    cur: list[XY] = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        t0, t1 = 0.0, 1.0
        dx, dy = bx - ax, by - ay
        ok = True
        for p_, q_ in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p_ == 0:
                if q_ < 0:
                    ok = False
                    break
                continue
            t = q_ / p_
            if p_ < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                ok = False
                break
        if not ok:
            if len(cur) > 1:
                parts.append(cur)
            cur = []
            continue
        a = (ax, ay) if t0 == 0.0 else (ax + t0 * dx, ay + t0 * dy)
        b = (bx, by) if t1 == 1.0 else (ax + t1 * dx, ay + t1 * dy)
        if cur and cur[-1] == a:
            cur.append(b)
        else:
            if len(cur) > 1:
                parts.append(cur)
            cur = [a, b]
        if t1 < 1.0:  # the line leaves the box here
            parts.append(cur)
            cur = []
    if len(cur) > 1:
        parts.append(cur)
    return parts


def _band(piece: Sequence[XY], half: float):
    """The band a road piece covers on paper (half-width ``half`` mm, flat ends), for the
    placer.

    A piece of more than :data:`BAND_MAX_POINTS` points is simplified first and its band
    widened by the tolerance spent, with round ends: every point of the road lies within that
    tolerance of the simplified line, so the band still covers the road as drawn, and GEOS
    buffers a bounded line (the buffer of a long self-overlapping line costs superlinear time
    and memory: a 20,000-point zigzag took minutes and gigabytes)."""
    if len(piece) <= BAND_MAX_POINTS:
        return LineString(piece).buffer(half, cap_style=2)
    pts, spent = _simplify_bounded(piece, BAND_MAX_POINTS)
    return LineString(pts).buffer(half + spent)


#: Douglas-Peucker runs on pieces of at most this many points (its worst case is quadratic).
_DP_CHUNK = 128


def _simplify_bounded(pts: Sequence[XY], max_points: int) -> tuple[list[XY], float]:
    """``pts`` simplified to at most ``max_points`` points, and the tolerance spent (mm):
    every input point lies within it of the result.

    Rounds of Douglas-Peucker on pieces of :data:`_DP_CHUNK` points (ends kept, so the
    pieces join up), the tolerance doubling from 0.05 mm each round and the rounds' tolerances
    adding up. Each round is linear in the points, and there are at most a few dozen."""
    cur = np.asarray(pts, dtype=float)
    spent, tol = 0.0, 0.05
    while len(cur) > max_points:
        step = _DP_CHUNK - 1
        starts = range(0, len(cur) - 1, step)
        chunks = [cur[i:i + step + 1] for i in starts]
        lines = shapely.linestrings(np.concatenate(chunks),
                                    indices=np.repeat(np.arange(len(chunks)),
                                                      [len(c) for c in chunks]))
        simple = shapely.simplify(lines, tol, preserve_topology=False)
        parts = [q if len(q := shapely.get_coordinates(g)) >= 2 else c[[0, -1]]
                 for g, c in zip(simple, chunks, strict=True)]
        cur = np.concatenate([parts[0]] + [q[1:] for q in parts[1:]])
        spent += tol
        tol *= 2
    return [tuple(p) for p in cur.tolist()], spent


#: A road name is tried on at most this many of the road's longest segments.
ROAD_LABEL_SEGMENTS = 40


def _road_label(sheet: _Sheet, pieces: list[list[XY]], name: str, size: float,
                band_mm: float) -> None:
    """A name along the road's longest visible stretch, turned to read left to right."""
    c = sheet.ctx
    size = min(size, max(band_mm * 0.75, c.style.min_text_mm))
    tw = fonts.text_width_mm(name, size_mm=size)
    th = L.text_height(size)
    segs: list[tuple[float, XY, XY]] = []
    for piece in pieces:
        for a, b in zip(piece, piece[1:], strict=False):
            segs.append((math.dist(a, b), a, b))
    segs.sort(key=lambda s: -s[0])
    kinds = tuple(L.Placer.HARD) + ("area",)
    # the longest stretches only: a road of thousands of points would otherwise try 77
    # places on each of its segments
    for length, a, b in segs[:ROAD_LABEL_SEGMENTS]:
        if length < tw + 6:
            continue
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        while ang > 90:
            ang -= 180
        while ang <= -90:
            ang += 180
        if abs(ang - 90) < 1e-6:
            ang = -90.0
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        nx, ny = -uy, ux
        # on the centre line first; where the map's edge cuts the road, slide the name
        # sideways onto the visible part of the band (or just beside it)
        half = band_mm / 2 + th / 2 + 0.5
        offsets = [0.0] + [s_ * d for d in (1.0, 2.0, 3.0, 4.0, half) if d <= half for s_ in (1, -1)]
        cands = [(f, o) for o in offsets for f in (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)]
        for f, o in cands:
            cx = a[0] + (b[0] - a[0]) * f + nx * o
            cy = a[1] + (b[1] - a[1]) * f + ny * o
            # room for the whole name on this segment?
            if min(f, 1 - f) * length < tw / 2 + 2:
                continue
            poly = L.rotated_rect(cx, cy, tw + 0.8, th + 0.4, ang)
            if not sheet.placer.polygon_free(poly, kinds=kinds, within=L.grow(sheet.clip, -0.8)):
                continue
            base_y = cy + (L.ASCENT - L.DESCENT) * size / 2
            t = Text(cx, base_y, name, size, c.pal.grey75, anchor="middle", halo=c.pal.white,
                     halo_mm=0.3)
            sheet.add("labels", Group((t,), rotate_deg=round(ang, 3), ox=cx, oy=cy)
                      if abs(ang) > 1e-6 else t)
            sheet.placer.add_polygon(poly, "label")
            return
    # no stretch is long enough: leave it to the legend-free notes
    if pieces:
        longest = max((LineString(p) for p in pieces), key=lambda g: g.length)
        mid = longest.interpolate(0.5, normalized=True)
        sheet.callout((mid.x, mid.y), name)


def _offmap_road(sheet: _Sheet, view: _View, pts: list[XY], name: str) -> None:
    """A road beyond the map's edge: its name and distance just inside that edge, with a
    small arrow pointing out towards it."""
    c = sheet.ctx
    x0, y0, x1, y1 = sheet.clip
    line = LineString(pts)
    centre = Point((x0 + x1) / 2, (y0 + y1) / 2)
    q = line.interpolate(line.project(centre))
    ex, ey = min(max(q.x, x0), x1), min(max(q.y, y0), y1)
    dist_m = math.dist((q.x, q.y), (ex, ey)) / view.k
    if dist_m > 500:
        return
    dx, dy = q.x - ex, q.y - ey
    if abs(dx) >= abs(dy):
        side, ang = ("right" if dx > 0 else "left"), (90.0 if dx > 0 else -90.0)
    else:
        side, ang = ("bottom" if dy > 0 else "top"), 0.0
    label = f"{name} ({dist_m:.0f} m)"
    size = c.style.road_label_mm
    tw, th = fonts.text_width_mm(label, size_mm=size), L.text_height(size)
    a = 5.0  # arrow size
    span = tw + a + 1.5
    for shift in (0, 10, -10, 20, -20, 35, -35, 50, -50):
        if side in ("left", "right"):
            along = min(max(ey + shift, y0 + span / 2 + 2), y1 - span / 2 - 2)
            inset = 1.0 + th / 2
            cx = x1 - inset if side == "right" else x0 + inset
            cy = along
            poly = L.rotated_rect(cx, cy, th + 0.6, span + 0.6, 0.0)
        else:
            along = min(max(ex + shift, x0 + span / 2 + 2), x1 - span / 2 - 2)
            inset = 1.0 + th / 2
            cx, cy = along, (y1 - inset if side == "bottom" else y0 + inset)
            poly = L.rotated_rect(cx, cy, span + 0.6, th + 0.6, 0.0)
        if not sheet.placer.polygon_free(poly, kinds=tuple(L.Placer.HARD) + ("area",),
                                         within=sheet.clip):
            continue
        # text centred on (cx, cy) turned by ang; the arrow at the outer end of the line
        base = cy + (L.ASCENT - L.DESCENT) * size / 2
        t = Text(cx - a / 2 - 0.75 if ang == 0 else cx, base, label, size, c.pal.black,
                 anchor="middle", halo=c.pal.white, halo_mm=0.3)
        if ang:
            t = Text(cx, base, label, size, c.pal.black, anchor="middle", halo=c.pal.white,
                     halo_mm=0.3)
            along_shift = -(a / 2 + 0.75) if ang == 90 else (a / 2 + 0.75)
            sheet.add("labels", Group((t,), rotate_deg=ang, ox=cx, oy=cy, dy=along_shift))
        else:
            sheet.add("labels", t)
        ux, uy = {"right": (1, 0), "left": (-1, 0), "top": (0, -1), "bottom": (0, 1)}[side]
        if ang == 0:
            tip_c = (cx + span / 2 - a / 2, cy)
        else:
            tip_c = (cx, cy + (span / 2 - a / 2) * (1 if ang == 90 else -1))
        px, py = -uy, ux
        tip = (tip_c[0] + ux * a * 0.45, tip_c[1] + uy * a * 0.45)
        b1 = (tip_c[0] - ux * a * 0.45 + px * a * 0.4, tip_c[1] - uy * a * 0.45 + py * a * 0.4)
        b2 = (tip_c[0] - ux * a * 0.45 - px * a * 0.4, tip_c[1] - uy * a * 0.45 - py * a * 0.4)
        sheet.add("labels", Path(((tip, b1, b2),), fill=c.pal.grey75))
        sheet.placer.add_polygon(poly, "label")
        return
    sheet.notes.append(f"–\t{name} ({c.words['off_' + side]}, {dist_m:.0f} m)")


def _building_label(sheet: _Sheet, view: _View, letter: str, name: str, ring: Sequence[XY],
                    holes: Sequence[Sequence[XY]], *, letter_mm: float, name_mm: float,
                    color: Color | None = None, short: str = "") -> None:
    """The building letter inside the outline (as far from the walls as it can), the name
    under it or beside it (``short``, the name without its storeys, where it does not fit)."""
    c = sheet.ctx
    poly = Polygon(ring, [list(h) for h in holes])
    if not poly.is_valid:
        poly = poly.buffer(0)
    inner = prep(poly.buffer(-1.0))
    # an outline that is a rectangle along the paper's axes (the usual building) is tested
    # with comparisons, any other through GEOS (a crowded plan asks tens of thousands)
    rect = _RoomShape(ring, margin=1.0) if not holes else None

    def holds(b: Box) -> bool:
        if rect is not None and rect.is_rect:
            return rect.holds(b)
        return bool(inner.contains(sbox(*b)))
    try:
        pole = polylabel(poly, tolerance=0.5)
    except Exception:  # noqa: BLE001
        pole = poly.representative_point()
    x0, y0, x1, y1 = sheet.clip
    if not (x0 <= pole.x <= x1 and y0 <= pole.y <= y1) and sheet.core is not None:
        return  # the building's middle is beyond this part plan's edge: on its neighbour
    bx0, by0, bx1, by1 = poly.bounds
    # a small building (a crowded plan) is searched on a finer lattice; its middle first
    step = min(2.5, max(0.5, min(bx1 - bx0, by1 - by0) / 8))
    pts = [(poly.centroid.x, poly.centroid.y), ((bx0 + bx1) / 2, (by0 + by1) / 2)]
    pts += grid_near(poly.bounds, (pole.x, pole.y), step, 400)
    got = None
    # a crowded plan has small buildings: smaller letters inside the outline before one
    # beside it (the overview's as small as 4 mm)
    sizes = (letter_mm, 9.0, 6.0, *((4.0,) if sheet.quiet else ()))
    for inside_only in (True, False):
        # (the overview: beside the building only small and close, a few looks each)
        for size in sizes if inside_only or not sheet.quiet else sizes[-1:]:
            lw = fonts.text_width_mm(letter, size_mm=size)
            lh = L.text_height(size)
            if inside_only:
                if lw + 1 > bx1 - bx0 - 2 or lh > by1 - by0 - 2:
                    continue  # wider or taller than the building: not inside it
                cands: list[Box] = [L.centred(q[0], q[1], lw + 1, lh) for q in pts[:2]]
                cands.append(L.centred(pole.x, pole.y, lw + 1, lh))
                cands += [L.centred(q[0], q[1], lw + 1, lh) for q in pts[2:]]
                got = next((b for b in cands if holds(b)
                            and sheet.placer.box_free(b, within=sheet.clip)), None)
            else:
                # (the overview: close beside the building or not at all, so that a
                # crowded overview's letters cost a few looks each)
                got = sheet.placer.first_free(
                    L.around((pole.x, pole.y), lw + 1, lh,
                             gaps=(1.0,) if sheet.quiet else (1, 3, 6, 10),
                             n_dirs=8 if sheet.quiet else 24),
                    kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip)
            if got is not None:
                letter_mm = size
                break
        if got is not None:
            break
    if got is None:
        sheet.callout((pole.x, pole.y), f"{letter} {name}")
        return
    cx = (got[0] + got[2]) / 2
    base = got[3] - L.DESCENT * letter_mm
    fill = color or c.pal.black
    sheet.add("labels", Text(cx, base, letter, letter_mm, fill, anchor="middle", halo=c.pal.white,
                             halo_mm=0.6))
    sheet.placer.add_box(L.grow(got, 0.3), "label")
    if not name:
        return
    gcx, gcy = cx, (got[1] + got[3]) / 2
    hh = (got[3] - got[1]) / 2
    hw = (got[2] - got[0]) / 2

    def place(name: str) -> bool:
        nw = fonts.text_width_mm(name, size_mm=name_mm)
        nh = L.text_height(name_mm)
        opts = [L.centred(gcx, got[3] + 0.8 + nh / 2, nw + 0.6, nh),
                L.centred(gcx, got[1] - 0.8 - nh / 2, nw + 0.6, nh),
                L.centred(gcx + hw + 1 + nw / 2, gcy + hh / 2, nw + 0.6, nh),
                L.centred(gcx - hw - 1 - nw / 2, gcy + hh / 2, nw + 0.6, nh)]
        # beside the letter inside the outline, then outside; elsewhere inside the outline,
        # nearest the letter first; then just outside it
        # (a name wider or taller than the building has no place inside it: no looks there)
        fits = nw + 0.6 <= bx1 - bx0 - 2 and nh <= by1 - by0 - 2
        cands = [b for b in opts if fits and holds(b)]
        near = sorted(pts, key=lambda q: math.dist(q, (gcx, gcy)))[:500] if fits else []
        got_name: Box | None = next(
            (b for b in cands if sheet.placer.box_free(b, within=sheet.clip)), None)
        if got_name is None:
            got_name = next((b for b in opts if sheet.placer.box_free(
                b, kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip)), None)
        if got_name is None:
            got_name = next((c for c in (L.centred(q[0], q[1], nw + 0.6, nh) for q in near)
                             if holds(c) and sheet.placer.box_free(c, within=sheet.clip)), None)
        if got_name is None:
            got_name = sheet.placer.first_free(
                L.around((gcx, gcy), nw + 0.6, nh, gaps=(1, 3, 6, 10)),
                kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip)
        if got_name is None:
            return False
        sheet.text("labels", got_name[0] + 0.3, got_name[3] - L.DESCENT * name_mm, name,
                   name_mm, fill=fill)
        return True

    names = [name] + ([short] if short and short != name else [])
    if any(place(n) for n in names):
        return
    # the name does not fit near the letter: say it in the notes (a part plan need not: the
    # object information lists every building with its name and storeys)
    if sheet.home((pole.x, pole.y)) and sheet.core is None:
        sheet.notes.append(f"{letter}\t{names[-1]}")


#: The modes of :func:`_compose_site_plan`.
FULL, OVERVIEW, PART = "full", "overview", "part"


#: A part plan draws the buildings whose extent is this close (metres) to its window.
PART_REACH_M = 40.0


def _near_window(ctx: _Ctx, view: _View, area: Box) -> dict[str, BuildingShape]:
    """The buildings (by id, in the booklet's map) whose extent meets the drawing area seen
    through ``view``, grown by :data:`PART_REACH_M`."""
    k = view.k
    u0, v0 = (area[0] - view.ox) / k - PART_REACH_M, (area[1] - view.oy) / k - PART_REACH_M
    u1, v1 = (area[2] - view.ox) / k + PART_REACH_M, (area[3] - view.oy) / k + PART_REACH_M
    return {bid: b for bid, b in ctx.shapes.items()
            if b.extent[0] <= u1 and u0 <= b.extent[2] and b.extent[1] <= v1 and v0 <= b.extent[3]}


def _compose_site_plan(ctx: _Ctx, *, mode: str = FULL, view: _View | None = None,
                       area: Box | None = None, core: Box | None = None,
                       give_up: bool = True, strict: bool | None = None
                       ) -> tuple[_Sheet, list[Marking]]:
    """The site plan (``mode`` ``full``), the overview of a crowded site (``overview``:
    buildings with their letters, roads, accesses and the fire service's points, and the
    codes of the main and the fire-brigade entrances only) or one of its part plans
    (``part``: everything, clipped to the part's drawing area ``area`` seen through
    ``view``, ``core`` the paper box at home on it).

    Every exterior code sits at its door (``full`` and ``part``, see
    :func:`~.marks._draw_doors`); returns the sheet and the doors whose code found no place
    at its door (with ``give_up`` the search stops at the first: the site is crowded, and
    the caller draws an overview and part plans instead). ``strict=False``: a code that
    finds no place at its door is a callout, as on any map (the finest part plans)."""
    if view is None or area is None:
        view, area = _site_view(ctx)
    sheet = _Sheet(ctx, area, L.Placer(area), view)
    sheet.core, sheet.clip_drawing, sheet.quiet = core, mode == PART, mode == OVERVIEW
    pal, st = ctx.pal, ctx.style
    plan, features = ctx.plan, ctx.geometry.features
    x0, y0, x1, y1 = area
    clip = (x0, y0, x1 - x0, y1 - y0)
    overview = mode == OVERVIEW

    # ground: areas, roads, fire lanes, footways ---------------------------------------
    ground: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, fill=pal.white)]
    road_labels: list[tuple[list[list[XY]], str, float, float]] = []
    offmap: list[tuple[list[XY], str]] = []
    for f in features:
        if f.polygon and f.kind != "neighbour":
            ring = view.ring(f.polygon)
            if f.kind == "drivable_area":
                ground.append(Path((ring,), fill=pal.grey10,
                                   stroke=Stroke(pal.black, 0.25, (0.4, 0.8)) if pal.mono else None))
                sheet.use("drivable_area")
            elif f.kind == "not_drivable":
                ground.append(Path((ring,), fill=pal.not_drivable,
                                   stroke=Stroke(pal.yellow, 0.3)))
                if pal.mono:
                    ground += hatched([ring], pal, spacing=2.4, cross=True, width=0.1)
                sheet.use("not_drivable")
            elif f.kind == "parking":
                ground.append(Path((ring,), fill=pal.grey10,
                                   stroke=Stroke(pal.grey50, 0.3, (1.5, 1.0))))
                sheet.use("parking")
    for kind, width_m, min_mm, color, key in (
            ("footway", 0.0, 0.0, pal.grey50, "footway"),
            ("fire_lane", st.fire_lane_width_m, st.fire_lane_min_mm, pal.grey10, "fire_lane"),
            ("road", st.road_width_m, st.road_min_mm, pal.grey20, "road")):
        for f in features:
            if f.kind != kind or not f.line:
                continue
            pts = [view.p(q) for q in f.line]
            pieces = _clip_line(pts, area)
            if not pieces:
                if kind == "road" and f.name and mode == FULL:
                    offmap.append((pts, f.name))
                continue
            if kind == "footway":
                ground.append(Path(tuple(tuple(p) for p in pieces), closed=False,
                                   stroke=Stroke(color, 0.5, (1.2, 0.8))))
            else:
                band = max(width_m * view.k, min_mm)
                for piece in pieces:
                    sheet.placer.add_geometry(_band(piece, band / 2), "road")
                if kind == "fire_lane":
                    ground.append(Path((tuple(pts),), closed=False, stroke=Stroke(pal.red, band + 0.7)))
                elif pal.mono:  # a road without tone: its two edges
                    ground.append(Path((tuple(pts),), closed=False,
                                       stroke=Stroke(pal.black, band + 0.5)))
                ground.append(Path((tuple(pts),), closed=False, stroke=Stroke(color, band)))
                if kind == "fire_lane":
                    ground.append(Path((tuple(pts),), closed=False,
                                       stroke=Stroke(pal.red, 0.25, (2.0, 1.5))))
                if f.name:
                    road_labels.append((pieces, f.name, st.road_label_mm, band))
            sheet.use(key)
    sheet.add("ground", Group(tuple(ground), clip=clip))
    neighbours = draw_neighbours(sheet, view, features, area)

    # buildings, with their fire walls and compartment boundaries ------------------------
    # (a part plan draws the buildings near its window alone: its work stays the part's,
    # not the site's)
    bmap = _near_window(ctx, view, area) if mode == PART else ctx.shapes
    shapes: dict[str, tuple[tuple[XY, ...], list[tuple[XY, ...]]]] = {}
    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is None:
            continue
        ring = view.ring(b.outline)
        holes = [view.ring(h) for h in b.courtyards]
        shapes[b.id] = (ring, holes)
        sheet.add("buildings", Path((ring, *holes), fill=pal.building_fill,
                                    stroke=Stroke(pal.black, st.building_outline_mm)))
        sheet.placer.add_geometry(Polygon(ring, [list(h) for h in holes]).buffer(0.4), "area", bp.id)
        sheet.use("building")
        if not overview:
            draw_fire_lines(sheet, view, [fl for fl in b.fire_lines if fl.kind != "smoke_compartment"],
                            None)

    # door codes (on the overview: the main and the fire-brigade entrances) ------------------
    marks = ([m for bid in bmap for m in ctx.marks_of.get(bid, ())] if mode == PART
             else plan.markings)
    doors = [(m, ctx.openings[m.id]) for m in marks
             if m.kind in DOOR_KINDS and m.building in bmap
             and (not overview or m.main or m.kind == "fire_brigade")]
    failed = _draw_doors(sheet, view, doors, strict=not overview if strict is None else strict,
                         give_up=give_up)
    if failed and give_up:
        return sheet, failed
    if not overview:
        for bp in plan.buildings:
            if bp.id in bmap:
                _draw_sides(sheet, view, bp.id)

    # symbols: site points and the fire service's points of the buildings, the most crowded
    # first (the outer ones of a cluster then move outwards with their leaders) -----------
    # (the overview of a crowded site: the accesses, its gates, alone; the part plans have
    # the rest)
    points: list[SiteShape | FeaturePoint] = [
        f for f in features if f.at is not None
        and f.kind in (("gate",) if overview else ("hydrant", "assembly_point", "gate"))]
    if not overview:
        points += [ft for bp in plan.buildings if bp.id in bmap for ft in bmap[bp.id].features
                   if ft.kind in SITE_PLAN_FEATURES]
    for f in _crowded_first(points, view, st.symbol_mm * 1.5):
        assert f.at is not None
        if isinstance(f, SiteShape):
            _draw_symbol_at(sheet, view, f.kind, f.at, name=f.name, label=bool(f.name))
        else:
            _draw_symbol_at(sheet, view, f.kind, f.at)

    # building letters and names: after the symbols, which are tied to their points, while a
    # letter may go anywhere inside its outline
    for bp in plan.buildings:
        if bp.id in shapes:
            ring, holes = shapes[bp.id]
            # the name with the storeys, as fire plans write them ("Hauptgebäude · III + UG")
            name = f"{bp.name} · {storeys_label(bp.levels, ctx.words['basement_short'])}"
            _building_label(sheet, view, bp.letter, "" if overview else name, ring, holes,
                            letter_mm=st.building_letter_mm, name_mm=st.building_name_mm,
                            short=bp.name)
    label_neighbours(sheet, neighbours)

    # names of roads and areas ----------------------------------------------------------------
    for pieces, name, size, band in road_labels:
        _road_label(sheet, pieces, name, size, band)
    for pts, name in offmap:
        _offmap_road(sheet, view, pts, name)
    for f in features:
        if f.polygon and f.name and f.kind != "neighbour":
            ring = Polygon(view.ring(f.polygon)).intersection(sbox(*area))
            if ring.is_empty:
                continue
            pt = ring.representative_point()
            size = st.label_mm
            tw, th = fonts.text_width_mm(f.name, size_mm=size, weight="regular"), L.text_height(size)
            inner = prep(ring.buffer(-0.5)) if ring.area > 1 else None
            cand = [L.centred(pt.x + dx, pt.y + dy, tw + 0.6, th)
                    for dy in (0, -4, 4, -8, 8) for dx in (0, -6, 6, -12, 12)]
            got = None
            for bx in cand:
                if inner is not None and inner.contains(sbox(*bx)) and sheet.placer.box_free(bx, kinds=tuple(L.Placer.HARD) + ("area",), within=area):
                    got = bx
                    break
            if got is not None:
                sheet.text("labels", got[0] + 0.3, got[3] - L.DESCENT * size, f.name, size,
                           weight="regular", fill=pal.grey75)
            else:
                sheet.callout((pt.x, pt.y), f.name)

    _draw_grid(sheet, view, area, frame_line=True)
    return sheet, failed
