"""Pieces shared by the site plan and the storey plans: door marks and code boxes, side
labels, symbols with their names, the grid with its labels, the north arrow and the scale
bar."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from ... import fonts
from ...layout import mapframe
from ...plan import Marking, Opening
from ...render.scene import Circle, Color, Item, Path, Rect, Stroke, Text
from .. import labels as L
from ..symbols import NAMES as SYMBOL_NAMES
from ..symbols import symbol_size
from .din import draw_map_symbol
from .sheet import _Ctx, _fit, _Sheet
from .style import _CAP, XY, Box
from .view import _View, true_north_on_paper


def _code_box_size(code: str, size: float) -> tuple[float, float]:
    w = fonts.text_width_mm(code, size_mm=size) + 2.2
    h = _CAP * size + 2.4
    return (max(w, h), h)


def _draw_code_box(sheet: _Sheet, b: Box, code: str, size: float, fill: Color,
                   fg: Color | None = None, owner: str = "") -> None:
    c = sheet.ctx
    x0, y0, x1, y1 = b
    light = c.pal.mono and fill == c.pal.white  # a monochrome map's white box: black ink
    edge = Stroke(c.pal.black, 0.35) if light else Stroke(c.pal.white, 0.25)
    sheet.add("labels", Rect(x0, y0, x1 - x0, y1 - y0, fill=fill, stroke=edge, radius_mm=0.6))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    sheet.add("labels", Text(cx, cy + _CAP * size / 2, code, size,
                             fg or (c.pal.black if light else c.pal.white), anchor="middle"))
    sheet.placer.add_box(L.grow(b, 0.3), "code", owner)


#: The door codes of one page may look at this many obstacles in all (see
#: :attr:`labels.Placer.work`; the bundled examples use under 2,000); past it, the remaining
#: codes go to the notes.
DOOR_CODES_WORK = 300_000
#: A door code "sits at its door" when its box is at most this far (mm on paper) from the
#: door's point: what part plans of a crowded site guarantee for every exterior code.
AT_DOOR_MM = 10.0


def _draw_doors(sheet: _Sheet, view: _View, doors: list[tuple[Marking, Opening]],
                areas_kind: bool = True, *, strict: bool = False,
                give_up: bool = False) -> list[Marking]:
    """Door marks on the outline, then each door's code in a coloured box outside.

    ``strict`` (the site plan and its part plans): a code sits at its door (its box within
    :data:`AT_DOOR_MM`) or not at all, never in a callout or the notes; the doors whose
    code found no such place are returned (those at home on the sheet, see
    :meth:`_Sheet.home`; a door in a part plan's overlap is shown on its own part); with
    ``give_up``, the search stops at the first of them."""
    c = sheet.ctx
    st = c.style
    placed_marks: list[tuple[XY, XY, float]] = []
    for m, door in doors:
        p = view.p(door.point)
        nd = view.d(door.normal)
        t = (-nd[1], nd[0])
        half = max(door.width_m * view.k, 2.2) / 2
        a_, b_ = (p[0] - t[0] * half, p[1] - t[1] * half), (p[0] + t[0] * half, p[1] + t[1] * half)
        color = c.pal.door[m.kind]
        sheet.add("marks", Path(((a_, b_),), closed=False, stroke=Stroke(color, 1.4)))
        sheet.placer.add_line(a_, b_, "mark", width=1.4, owner=m.id)
        placed_marks.append((p, nd, half))
    kinds = tuple(L.Placer.HARD) + (("area",) if areas_kind else ())
    size = st.door_code_mm
    start = sheet.placer.work
    failed: list[Marking] = []
    x0, y0, x1, y1 = sheet.clip
    for (m, _door), (p, nd, _half) in zip(doors, placed_marks, strict=True):
        if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
            continue  # beyond this part plan's edge: on its neighbour
        if sheet.placer.work - start > DOOR_CODES_WORK:
            # a dense cluster of doors has used the page's share of the search: the rest are
            # listed in the notes with their grid cell, and the page stays linear in its doors
            if strict:
                if sheet.home(p):
                    failed.append(m)
                continue
            sheet.note_at(p, f"{m.code} ({c.words.get(m.kind, m.kind)})")
            continue
        w, h = _code_box_size(m.code, size)
        t = (-nd[1], nd[0])
        shifts = (0, 3, -3, 6, -6, 9, -9, 13, -13, 18, -18, 24, -24)
        cands = L.along_normal(p, nd, t, w, h, gaps=(1.0, 3, 5.5, 8.5, 12, 16, 21),
                               shifts=shifts)
        if strict:
            cands = (b for b in cands if L.box_distance(b, p) <= AT_DOOR_MM)
        got = sheet.placer.first_free(cands, kinds=kinds, leader_from=p, within=sheet.clip,
                                      ignore=m.id)
        if got is None:  # crowded: further out, or over the building's own tone
            around = L.around(p, w, h, gaps=(1.0, 3, 6, 10, 15, 21, 28))
            if strict:
                around = (b for b in around if L.box_distance(b, p) <= AT_DOOR_MM)
            got = sheet.placer.first_free(around, kinds=L.Placer.HARD, leader_from=p,
                                          within=sheet.clip, ignore=m.id)
        color = c.pal.door[m.kind]
        if got is None:
            if strict:
                if sheet.home(p):
                    failed.append(m)
                    if give_up:
                        return failed
                continue
            sheet.callout(p, f"{m.code} ({c.words.get(m.kind, m.kind)})")
            continue
        if L.box_distance(got, p) > 1.6:
            sheet.leader(p, got, color, 0.35, dot=False, owner=m.id)
        _draw_code_box(sheet, got, m.code, size, color, owner=m.id)
        if m.kind == "fire_brigade" and c.pal.mono:  # told from an entrance by a double edge
            sheet.add("labels", Rect(got[0] - 0.7, got[1] - 0.7, got[2] - got[0] + 1.4,
                                     got[3] - got[1] + 1.4, stroke=Stroke(c.pal.black, 0.35),
                                     radius_mm=0.9))
        sheet.use(m.kind if m.kind != "service" else "entrance", m.code)
        sheet.placed_codes[m.id] = got
    return failed


def _draw_sides(sheet: _Sheet, view: _View, building_id: str) -> None:
    """Side labels A-D in circles just outside the middle of each face."""
    c = sheet.ctx
    st = c.style
    bp = c.building_plans[building_id]
    d = st.side_circle_mm
    kinds = tuple(L.Placer.HARD) + ("area",)
    for m in c.marks_of.get(building_id, ()):
        if m.kind != "side":
            continue
        edge = next((s for s in bp.sides if s.label == m.code and s.ring == 0
                     and _on_segment(m.at, s.start, s.end)), None)
        if edge is None:
            continue
        dx, dy = edge.end[0] - edge.start[0], edge.end[1] - edge.start[1]
        ln = math.hypot(dx, dy) or 1.0
        n_plan = (-dy / ln, dx / ln)  # sides run clockwise: outward is to the left
        p = view.p(m.at)
        nd = view.d(n_plan)
        t = (-nd[1], nd[0])
        face_mm = ln * view.k
        shifts = [0.0] + [s * k for k in (4, 8, 12, 16, 20, 26, 32) for s in (1, -1)
                          if k < face_mm / 2 - d / 2]
        got = sheet.placer.first_free(
            L.along_normal(p, nd, t, d, d, gaps=(1.2, 3.5, 6), shifts=shifts),
            kinds=kinds, within=sheet.clip)
        if got is None:
            continue
        cx, cy = (got[0] + got[2]) / 2, (got[1] + got[3]) / 2
        sheet.add("labels", Circle(cx, cy, d / 2, fill=c.pal.white, stroke=Stroke(c.pal.black, 0.35)))
        sheet.add("labels", Text(cx, cy + _CAP * st.side_mm / 2, m.code, st.side_mm, c.pal.black,
                                 anchor="middle"))
        sheet.placer.add_box(L.grow(got, 0.2), "label")
        sheet.use("side")


def _crowded_first(items: list, view: _View, radius_mm: float) -> list:
    """Point items (with ``.at``) ordered by how many others lie within ``radius_mm`` on
    paper, most first; ties keep their order."""
    pts = [view.p(it.at) for it in items]
    # neighbours come from the 3 x 3 cells of a grid of ``radius_mm`` around each point, so
    # a site plan with many points is not compared all against all
    cell = max(radius_mm, 1e-6)
    cells: dict[tuple[int, int], list[XY]] = {}
    for p in pts:
        cells.setdefault((math.floor(p[0] / cell), math.floor(p[1] / cell)), []).append(p)
    counts = []
    for p in pts:
        i, j = math.floor(p[0] / cell), math.floor(p[1] / cell)
        counts.append(sum(1 for di in (-1, 0, 1) for dj in (-1, 0, 1)
                          for q in cells.get((i + di, j + dj), ()) if math.dist(p, q) <= radius_mm))
    order = sorted(range(len(items)), key=lambda i: (-counts[i], i))
    return [items[i] for i in order]


def _on_segment(p: XY, a: XY, b: XY, tol: float = 0.05) -> bool:
    """True when ``p`` lies within ``tol`` of the segment a-b (plain floats: a side label
    looks through every edge of its outline)."""
    if (p[0] < min(a[0], b[0]) - tol or p[0] > max(a[0], b[0]) + tol
            or p[1] < min(a[1], b[1]) - tol or p[1] > max(a[1], b[1]) + tol):
        return False
    return L.point_segment_distance(p, a, b) <= tol


def _draw_symbol_at(sheet: _Sheet, view: _View, kind: str, at: XY, *, name: str | None = None,
                    label: bool = False, owner: str = "", label_kinds=None,
                    keep: Callable[[Box], bool] | None = None,
                    label_off_walls: bool = False) -> Box | None:
    """A symbol at its point, moved with a leader if the point is taken; optionally its name
    beside it (or a callout). With ``keep`` (storey plans), places near the point that cross
    no wall and that ``keep`` accepts (in the same room as the point) are tried first; with
    ``label_off_walls`` the name crosses no wall."""
    c = sheet.ctx
    st = c.style
    p = view.p(at)
    kind_name = SYMBOL_NAMES.get(c.lang, SYMBOL_NAMES["en"]).get(kind, kind).replace(L.SHY, "")
    title = kind_name if not name or name == kind_name else f"{kind_name}: {name}"
    x0, y0, x1, y1 = sheet.clip
    if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
        if sheet.core is not None:
            return None  # beyond a part plan's edge: on its neighbour
        side = ("left" if p[0] < x0 else "right" if p[0] > x1 else
                "top" if p[1] < y0 else "bottom")
        sheet.notes.append(f"–\t{title} ({c.words['off_' + side]})")
        sheet.use(kind)
        return None
    got = None
    # nearest first at the full size, then the minimum size; last, leaders may cross leaders
    # (then marks), then other leaders too
    tries: list[Callable[[Box], bool] | None] = []
    if keep is not None:
        tries.append(lambda b: keep(b) and sheet.off_walls(b))
    kinds = L.Placer.HARD
    for accept in (*tries, None):
        for size, leader_kinds in ((st.symbol_mm, (L.LEADER_AVOIDS,)),
                                   (st.symbol_min_mm, (L.LEADER_AVOIDS, ("label", "code", "symbol"),
                                                       ("label", "code")))):
            w, h = symbol_size(kind, size)
            # off the walls only near the point (a symbol is not sent across the room for it)
            gaps = (0.6, 2.5, 5) if accept is not None else (0.6, 2.5, 5, 8, 12, 17, 23, 30, 38)
            cands = L.around(p, w, h, gaps=gaps, centre_first=True)
            if accept is not None:
                cands = (b for b in cands if accept(b))
            got, _ = sheet.placer.first_free_leading(
                cands, leader_kinds, kinds=kinds, leader_from=p, within=sheet.clip)
            if got is not None:
                break
        if got is not None:
            break
    if got is None:
        sheet.callout(p, title)
        return None
    cx, cy = (got[0] + got[2]) / 2, (got[1] + got[3]) / 2
    if L.box_distance(got, p) > 0.8:
        sheet.leader(p, got, c.pal.grey75, 0.25)
    sheet.add("symbols", *draw_map_symbol(kind, cx, cy, size, c.pal, c.lang))
    sheet.placer.add_box(L.grow(got, 0.3), "symbol", owner)
    sheet.use(kind)
    if label and name:
        _label_near(sheet, got, name, st.label_mm, weight="regular", kinds=label_kinds,
                    off_walls=label_off_walls)
    return got


def _shortened(text: str) -> str:
    """A name without its part in brackets: ``Chemikalienlager (Vorbereitung Chemie)`` ->
    ``Chemikalienlager``; the name itself when nothing is left or there is none.

    >>> _shortened("Chemikalienlager (Vorbereitung Chemie)"), _shortened("(x)")
    ('Chemikalienlager', '(x)')
    """
    short = re.sub(r"\s*\([^)]*\)", "", text).strip()
    return short or text


def _label_near(sheet: _Sheet, target: Box, text: str, size: float, *, weight="regular",
                kinds=None, off_walls: bool = False) -> bool:
    """A label beside a box (symbol), no leader, on one line or (long names) two; then
    smaller down to the minimum text height, then without its part in brackets; then a
    little further away with a leader; a callout when there is no room. With
    ``off_walls``, no place that crosses a wall of the sheet."""
    c = sheet.ctx
    min_mm = c.style.min_text_mm
    size = max(size, min_mm)
    cx, cy = (target[0] + target[2]) / 2, (target[1] + target[3]) / 2
    hw, hh = (target[2] - target[0]) / 2, (target[3] - target[1]) / 2
    g = 0.8
    kinds = kinds or tuple(L.Placer.HARD) + ("area",)
    short = _shortened(text)
    names = [text] + ([short] if short != text else [])
    sizes = [size] + ([min_mm] if size > min_mm + 1e-9 else [])

    def variants(name: str, sz: float, three: bool) -> list[list[str]]:
        """One line, or a long name on two lines first (on three last, if ``three``)."""
        tw1 = fonts.text_width_mm(name, size_mm=sz, weight=weight)
        out = [[name]]
        if tw1 > 30:
            two = L.wrap(name, max(tw1 / 2 + 6, 24), sz, weight, max_lines=2)
            if two and len(two) == 2:
                out.insert(0, two)
            more = L.wrap(name, max(tw1 / 3 + 6, 20), sz, weight, max_lines=3) if three else None
            if more and len(more) == 3:
                out.append(more)
        return out

    def draw(got: Box, lines: list[str], sz: float) -> None:
        b = L.grow(got, -0.3)
        y = b[1]
        for t in lines:
            y += L.ASCENT * sz
            sheet.text("labels", b[0], y, t, sz, weight=weight)
            y += L.DESCENT * sz

    first = True  # the name at its size, as it always was placed; then the fallbacks
    for name in names:
        for sz in sizes:
            for lines in variants(name, sz, not first):
                tw = max(fonts.text_width_mm(t, size_mm=sz, weight=weight) for t in lines)
                th = L.text_height(sz) * len(lines)
                cands = [
                    L.centred(cx + hw + g + tw / 2, cy, tw, th),  # right
                    L.centred(cx - hw - g - tw / 2, cy, tw, th),  # left
                    L.centred(cx, cy + hh + g + th / 2, tw, th),  # below
                    L.centred(cx, cy - hh - g - th / 2, tw, th),  # above
                    L.centred(cx + hw + g + tw / 2, cy - hh, tw, th),
                    L.centred(cx + hw + g + tw / 2, cy + hh, tw, th),
                    L.centred(cx - hw - g - tw / 2, cy - hh, tw, th),
                    L.centred(cx - hw - g - tw / 2, cy + hh, tw, th),
                ]
                boxes = [L.grow(b, 0.3) for b in cands]
                if off_walls:
                    boxes = [b for b in boxes if sheet.off_walls(b)]
                got = sheet.placer.first_free(boxes, kinds=tuple(kinds) + ("road",),
                                              within=sheet.clip)
                if got is None:
                    got = sheet.placer.first_free(boxes, kinds=kinds, within=sheet.clip)
                if got is not None:
                    draw(got, lines, sz)
                    return True
            first = False
    # further away, with a leader from the symbol (the full name first)
    for name in names:
        lines = variants(name, min_mm, False)[0]
        tw = max(fonts.text_width_mm(t, size_mm=min_mm, weight=weight) for t in lines)
        th = L.text_height(min_mm) * len(lines)
        for gap in (3.0, 6.0, 10.0, 15.0, 21.0):
            for b0 in L.around((cx, cy), tw, th, gaps=(max(hw, hh) + gap,)):
                b = L.grow(b0, 0.3)
                q = L.nearest_on_box(target, ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2))
                if off_walls and not sheet.off_walls(b):
                    continue
                if not sheet.placer.box_free(b, kinds=kinds, within=sheet.clip):
                    continue
                if not sheet.placer.line_free(q, L.nearest_on_box(b, q), skip_start=0.0):
                    continue
                sheet.leader(q, b, c.pal.grey75, 0.25, dot=False)
                draw(b, lines, min_mm)
                return True
    sheet.callout((cx, cy), text, kinds=kinds)
    return False


def _draw_grid(sheet: _Sheet, view: _View, area: Box, *, frame_line: bool) -> None:
    """Grid lines inside ``area`` (x0, y0, x1, y1) and the cell labels in the margin band on
    all four sides; columns are letters, rows numbers, as in ``register.csv``."""
    c = sheet.ctx
    fr = c.frame
    st = c.style
    cell = view.cell_mm
    x0, y0, x1, y1 = area
    lines = []
    for i in range(fr.columns + 1):
        x = view.ox + i * cell
        if x0 - 1e-6 <= x <= x1 + 1e-6:
            lines.append(((x, max(y0, view.oy)), (x, min(y1, view.oy + fr.rows * cell))))
    for j in range(fr.rows + 1):
        y = view.oy + j * cell
        if y0 - 1e-6 <= y <= y1 + 1e-6:
            lines.append(((max(x0, view.ox), y), (min(x1, view.ox + fr.columns * cell), y)))
    lines = [ln for ln in lines if math.dist(*ln) > 0.5]
    if lines:
        sheet.add("grid", Path(tuple(lines), closed=False, stroke=Stroke(c.pal.grey50, st.grid_line_mm)))
    if frame_line:
        sheet.add("frame", Rect(x0, y0, x1 - x0, y1 - y0, stroke=Stroke(c.pal.black, 0.35)))
    size = st.grid_label_mm
    cols = mapframe.column_labels(fr.columns)
    for i, lab in enumerate(cols):
        a, b = max(view.ox + i * cell, x0), min(view.ox + (i + 1) * cell, x1)
        if b - a < fonts.text_width_mm(lab, size_mm=size) + 2:
            continue
        xm = (a + b) / 2
        for y in (y0 - 1.7, y1 + 1.7 + _CAP * size):
            sheet.add("margin", Text(xm, y, lab, size, c.pal.grey75, anchor="middle"))
    for j in range(fr.rows):
        a, b = max(view.oy + j * cell, y0), min(view.oy + (j + 1) * cell, y1)
        if b - a < size + 2:
            continue
        ym = (a + b) / 2 + _CAP * size / 2
        for x in (x0 - 3.0, x1 + 3.0):
            sheet.add("margin", Text(x, ym, str(j + 1), size, c.pal.grey75, anchor="middle"))


def _draw_north(sheet: _Sheet, box: Box, ctx: _Ctx, scale_text: str,
                badge: tuple[str, str] | None = None) -> None:
    x, y, w, h = box
    r = min(h / 2 - 4.5, 10.0)
    cx, cy = x + r + 4.5, y + h / 2
    dx, dy = true_north_on_paper(ctx.plan.north_deg, ctx.frame.rotation_deg)
    px, py = -dy, dx
    tip = (cx + dx * r, cy + dy * r)
    tail = (cx - dx * r * 0.75, cy - dy * r * 0.75)
    left = (cx + px * r * 0.38 - dx * r * 0.2, cy + py * r * 0.38 - dy * r * 0.2)
    right = (cx - px * r * 0.38 - dx * r * 0.2, cy - py * r * 0.38 - dy * r * 0.2)
    pal = ctx.pal
    sheet.add("margin",
              Circle(cx, cy, r, fill=None, stroke=Stroke(pal.grey50, 0.25)),
              Path(((tip, left, tail),), fill=pal.black, stroke=Stroke(pal.black, 0.25)),
              Path(((tip, right, tail),), fill=pal.white, stroke=Stroke(pal.black, 0.25)))
    size = 5.0
    nx, ny = cx + dx * (r + 3.6), cy + dy * (r + 3.6) + _CAP * size / 2
    sheet.add("margin", Text(nx, ny, "N", size, pal.black, anchor="middle",
                             halo=pal.white, halo_mm=0.5))
    n_half = fonts.text_width_mm("N", size_mm=size) / 2
    tx = max(cx + r + 7.0, nx + n_half + 4.0)
    avail = x + w - tx
    grid = f"{ctx.words['grid']} {ctx.frame.grid_m:g} m"
    if badge is None:
        sheet.add("margin", Text(tx, cy - 1.0, scale_text, 5.0, pal.black))
        sheet.add("margin", Text(tx, cy + 5.0, grid, 3.0, pal.grey75, weight="regular"))
        return
    # storey plans: the building letter and the storey, large, so that a page is known at once
    letter, storey = badge
    size = 7.0
    lw = fonts.text_width_mm(letter, size_mm=size) + 2.4
    while size > 4.0 and lw + 2 + fonts.text_width_mm(storey, size_mm=size) > avail:
        size -= 0.25
        lw = fonts.text_width_mm(letter, size_mm=size) + 2.4
    bh = _CAP * size + 2.4
    by = cy - 2.0 - bh
    sheet.add("margin", Rect(tx, by, lw, bh, fill=pal.blue, radius_mm=0.8),
              Text(tx + lw / 2, by + bh / 2 + _CAP * size / 2, letter, size, pal.white,
                   anchor="middle"),
              Text(tx + lw + 2.0, by + bh / 2 + _CAP * size / 2, _fit(storey, avail - lw - 2, size, "bold"),
                   size, pal.black))
    sheet.add("margin", Text(tx, cy + 5.5, f"{scale_text} · {grid}", 3.0, pal.grey75,
                             weight="regular"))


def _nice_scalebar(k: float, max_mm: float) -> tuple[float, int]:
    """(segment length in m, number of segments) of a scale bar at ``k`` mm per metre."""
    best = (1.0, 1)
    for seg in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        for n in (5, 4):
            if best[0] * best[1] * k < seg * n * k <= max_mm:
                best = (float(seg), n)
    return best


def _draw_scalebar(sheet: _Sheet, ctx: _Ctx, k: float, scale: int, extra: str = "") -> None:
    x, y = ctx.lay.scalebar
    seg, n = _nice_scalebar(k, ctx.lay.scalebar_max_mm)
    pal = ctx.pal
    h = 2.2
    items: list[Item] = []
    for i in range(n):
        items.append(Rect(x + i * seg * k, y, seg * k, h, fill=pal.black if i % 2 == 0 else pal.white,
                          stroke=Stroke(pal.black, 0.2)))
    size = 2.8
    for i in range(n + 1):
        v = seg * i
        lab = f"{v:g}" + (" m" if i == n else "")
        items.append(Text(x + i * seg * k, y + h + 1.0 + _CAP * size, lab, size, pal.black,
                          weight="regular", anchor="middle" if i < n else "start"))
    end = x + n * seg * k + fonts.text_width_mm(f"{seg * n:g} m", size_mm=size, weight="regular") + 6
    items.append(Text(end, y + h + 0.6, f"{ctx.words['scale']} 1:{scale}", 3.5, pal.black))
    if extra:
        ex = end + fonts.text_width_mm(f"{ctx.words['scale']} 1:{scale}", size_mm=3.5) + 5
        if ex + fonts.text_width_mm(extra, size_mm=2.8, weight="regular") <= ctx.lay.scalebar_right:
            items.append(Text(ex, y + h + 0.6, extra, 2.8, pal.red, weight="regular"))
        else:  # no room beside the bar: under it
            items.append(Text(x, y + h + 1.0 + _CAP * size + 4.2,
                              _fit(extra, ctx.lay.scalebar_right - x, 2.8, "regular"), 2.8,
                              pal.red, weight="regular"))
    sheet.add("margin", *items)
