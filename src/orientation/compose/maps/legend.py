"""The right-hand column's tables: legend rows (a sample and its words; the abbreviations of
the room uses shown on the sheet), notes, and the flow of rows through columns and slots
(shared with the gazetteer)."""

from __future__ import annotations

from dataclasses import dataclass

from ... import fonts, words
from ...render.scene import Circle, Item, Path, Rect, Stroke, Text
from .. import labels as L
from ..arrows import arrow_polygon, chevron
from ..symbols import NAMES as SYMBOL_NAMES
from .din import draw_map_symbol, fire_line_stroke, hatched
from .marks import _code_box_size
from .sheet import _Ctx, _fit, _Sheet
from .style import _CAP, Box

_LEGEND_ORDER = ("alarm_route", "detector_group", "building", "side", "entrance",
                 "emergency_exit", "fire_brigade", "stair", "guidance", "room", "hazard_fire",
                 "hazard_other", "shaft_stair", "shaft_lift", "corridor", "escape_route",
                 "inner_door", "inner_door_assumed", "fire_wall", "compartment",
                 "smoke_compartment", "outline_only", "window", "neighbour", "part_frame",
                 "road", "fire_lane", "footway", "drivable_area", "not_drivable", "parking",
                 "hydrant", "gate", "assembly_point", "key_box", "fire_alarm_panel",
                 "first_info_point", "building_radio", "sprinkler_valve", "riser",
                 "riser_inlet", "smoke_extraction", "gas_shutoff", "water_shutoff",
                 "power_shutoff", "aed", "first_aid", "elevator", "hazard", "callout")


@dataclass
class _Row:
    """One row of a flowing table: ``height`` mm and a draw function (x, y_top, width)."""

    height: float
    draw: object
    keep_with_next: bool = False


def _legend_rows(ctx: _Ctx, sheet: _Sheet, col_w: float, *, compact: bool = False) -> list[_Row]:
    """One row per legend entry used on the sheet: the sample (symbol at the map's size, or
    at the minimum 8 mm when ``compact``) and its words, wrapped to the column."""
    pal, st = ctx.pal, ctx.style
    wd = ctx.words
    names = SYMBOL_NAMES.get(ctx.lang, SYMBOL_NAMES["en"])
    size = st.min_text_mm if compact else st.legend_mm
    sym_mm = st.symbol_min_mm if compact else st.symbol_mm
    sym_w = 10.0
    rows: list[_Row] = []
    uses = [k for k in sheet.legend if k.startswith("use:")]
    keys = sorted((k for k in sheet.legend if not k.startswith("use:")),
                  key=lambda k: _LEGEND_ORDER.index(k) if k in _LEGEND_ORDER else 999)
    tail = [k for k in keys if k == "callout"]
    keys = [k for k in keys if k != "callout"]
    for key in keys + tail:
        if key == "callout":
            rows += _use_rows(ctx, sheet, uses, col_w, size)
        sample = sheet.legend[key]
        text = names.get(key) or wd.get(key, key)
        lines = L.wrap(text, col_w - sym_w - 2.0, size, "regular", max_lines=3)
        tsize = size
        while lines is None and tsize > st.min_text_mm + 1e-6:
            tsize = max(st.min_text_mm, tsize - 0.1)
            lines = L.wrap(text, col_w - sym_w - 2.0, tsize, "regular", max_lines=3)
        lines = lines or [_fit(text.replace(L.SHY, ""), col_w - sym_w - 2.0, tsize, "regular")]
        h = max(sym_mm + (0.6 if compact else 1.2) if key in names else (6.2 if compact else 6.8),
                len(lines) * size * 1.2 + 1.2)

        def draw(x, y, w, key=key, sample=sample, lines=lines, h=h, size=tsize):
            cx, cy = x + sym_w / 2, y + h / 2
            items = _legend_sample(ctx, key, sample, cx, cy, sym_mm)
            ty = cy - (len(lines) * size * 1.2) / 2 + _CAP * size + 0.35
            for ln in lines:
                items.append(Text(x + sym_w + 2.0, ty, ln, size, pal.black, weight="regular"))
                ty += size * 1.2
            return items

        rows.append(_Row(h, draw))
    if not tail:
        rows += _use_rows(ctx, sheet, uses, col_w, size)
    return rows


def _explained(short: str, name: str) -> bool:
    """True when the short word of a room use needs the legend: it is not the first word
    of its name (``WC``: Toiletten; not ``Küche``, ``Büro``: Büro, Verwaltung).

    >>> _explained("WC", "Toiletten"), _explained("Büro", "Büro, Verwaltung")
    (True, False)
    """
    first = name.replace(",", " ").split()
    return not first or first[0].casefold() != short.casefold()


def _use_rows(ctx: _Ctx, sheet: _Sheet, uses: list[str], col_w: float, size: float) -> list[_Row]:
    """The abbreviations of the room uses on the sheet (the short word under a room number)
    and what they stand for, under a heading; none when every short word is plain."""
    pal = ctx.pal
    pairs = []
    for key in uses:
        short = sheet.legend[key]
        name = words.get("room-use-name." + key[4:], ctx.lang, short) or short
        if _explained(short, name):
            pairs.append((short, name))
    if not pairs:
        return []
    pairs.sort(key=lambda p: p[0].casefold())
    tab = max(fonts.text_width_mm(a, size_mm=size) for a, _ in pairs) + 2.0
    title = ctx.words["uses"]
    head_lines = L.wrap(title, col_w, size, "bold", max_lines=2) or [title]
    pitch = size * 1.2

    def head(x: float, y: float, w: float, lines: list[str] = head_lines) -> list[Item]:
        out: list[Item] = []
        ty = y + 1.0 + _CAP * size
        for ln in lines:
            out.append(Text(x, ty, ln, size, pal.grey75))
            ty += pitch
        return out

    rows = [_Row(len(head_lines) * pitch + 1.4, head, keep_with_next=True)]
    for short, name in pairs:
        lines = L.wrap(name, max(col_w - tab, 10), size, "regular", max_lines=2) or [
            _fit(name, max(col_w - tab, 10), size, "regular")]

        def draw(x: float, y: float, w: float, short: str = short,
                 lines: list[str] = lines) -> list[Item]:
            ty = y + 0.4 + _CAP * size
            out: list[Item] = [Text(x, ty, short, size, pal.black)]
            for ln in lines:
                out.append(Text(x + tab, ty, ln, size, pal.black, weight="regular"))
                ty += pitch
            return out

        rows.append(_Row(len(lines) * pitch + 0.6, draw))
    return rows


def _legend_sample(ctx: _Ctx, key: str, sample: str, cx: float, cy: float,
                   sym_mm: float | None = None) -> list[Item]:
    pal, st = ctx.pal, ctx.style
    w, h = 9.0, 5.5
    x0, y0 = cx - w / 2, cy - h / 2
    if key in ("entrance", "emergency_exit", "fire_brigade", "stair"):
        color = pal.stair if key == "stair" else pal.door[key]
        size = st.stair_code_mm if key == "stair" else st.door_code_mm
        bw, bh = _code_box_size(sample or "E1", size)
        size = min(size, size * 9.5 / bw)
        bw, bh = _code_box_size(sample or "E1", size)
        light = pal.mono and color == pal.white  # a monochrome map's white box: black ink
        out: list[Item] = [
            Rect(cx - bw / 2, cy - bh / 2, bw, bh, fill=color, radius_mm=0.6,
                 stroke=Stroke(pal.black, 0.35) if light else None),
            Text(cx, cy + _CAP * size / 2, sample or "E1", size,
                 pal.black if light else pal.white, anchor="middle")]
        if key == "fire_brigade" and pal.mono:  # the double edge of the map's boxes
            out.append(Rect(cx - bw / 2 - 0.7, cy - bh / 2 - 0.7, bw + 1.4, bh + 1.4,
                            stroke=Stroke(pal.black, 0.35), radius_mm=0.9))
        return out
    if key == "side":
        d = st.side_circle_mm
        return [Circle(cx, cy, d / 2, fill=pal.white, stroke=Stroke(pal.black, 0.35)),
                Text(cx, cy + _CAP * st.side_mm / 2, "A", st.side_mm, pal.black, anchor="middle")]
    if key == "building":
        return [Rect(x0, y0, w, h, fill=pal.building_fill, stroke=Stroke(pal.black, 0.7))]
    if key == "room":
        return [Rect(x0, y0, w, h, fill=pal.white, stroke=Stroke(pal.grey75, 0.25))]
    box = ((x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h))
    if key in ("hazard_fire", "hazard_other"):
        edge, tint = pal.hazard(key[7:])
        tinted: list[Item] = [
            Rect(x0, y0, w, h, fill=tint, stroke=Stroke(pal.grey75, 0.25)),
            Rect(x0 + 0.55, y0 + 0.55, w - 1.1, h - 1.1, stroke=Stroke(edge, 0.6))]
        if pal.mono:
            tinted += hatched([box], pal, spacing=1.8, cross=key == "hazard_other", width=0.12)
        return tinted
    if key in ("fire_wall", "compartment", "smoke_compartment"):
        widths = (st.fire_wall_mm, st.compartment_mm, st.smoke_compartment_mm)
        return [Path((((x0, cy), (x0 + w, cy)),), closed=False,
                     stroke=fire_line_stroke(pal, key, widths))]
    if key == "alarm_route":
        return [Path((((x0, cy), (x0 + w - 2.2, cy)),), closed=False,
                     stroke=Stroke(pal.alarm_route, st.alarm_route_mm)),
                Path((arrow_polygon(x0 + w - 1.6, cy, 3.2, (1.0, 0.0)),), fill=pal.alarm_route)]
    if key == "detector_group":
        return [Rect(x0, y0, w, h, fill=pal.group_tint, stroke=Stroke(pal.alarm_route, 0.6)),
                *hatched([box], pal, spacing=1.6, width=0.15)]
    if key == "part_frame":
        return [Rect(x0, y0, w, h, stroke=Stroke(pal.grey75, 0.35, (3.0, 1.5)))]
    if key in ("shaft_stair", "shaft_lift"):
        items: list[Item] = [Rect(x0, y0, w, h, fill=pal.white, stroke=Stroke(pal.grey75, 0.25))]
        lines: tuple[tuple[tuple[float, float], tuple[float, float]], ...]
        if key == "shaft_lift":
            lines = (((x0, y0), (x0 + w, y0 + h)), ((x0, y0 + h), (x0 + w, y0)))
        else:
            lines = tuple(((x0 + t, y0), (x0 + t, y0 + h)) for t in (0.9, 2.1, 3.3, 4.5, 5.7, 6.9, 8.1))
        items.append(Path(lines, closed=False, stroke=Stroke(pal.grey50, 0.2)))
        return items
    if key == "corridor":
        return [Rect(x0, y0, w, h, fill=pal.grey10, stroke=Stroke(pal.black, 0.5))]
    if key == "escape_route":
        band = 3.6
        return [Rect(x0, cy - band / 2, w, band, fill=pal.escape_route,
                     stroke=Stroke(pal.black, 0.2, (1.0, 0.8)) if pal.mono else None),
                Path((chevron(cx, cy, band * 0.62, (1.0, 0.0)),), fill=pal.escape_arrow)]
    if key in ("inner_door", "inner_door_assumed"):
        gap = 1.8
        jamb = Stroke(pal.inner_door, 0.3)
        items = [Rect(x0, y0, w, h, fill=pal.white),
                 Path((((x0, cy), (cx - gap, cy)), ((cx + gap, cy), (x0 + w, cy))),
                      closed=False, stroke=Stroke(pal.grey75, st.room_outline_mm)),
                 Path((((cx - gap, cy - 0.9), (cx - gap, cy + 0.9)),
                       ((cx + gap, cy - 0.9), (cx + gap, cy + 0.9))), closed=False, stroke=jamb)]
        if key == "inner_door_assumed":
            items.append(Path((((cx - gap, cy), (cx + gap, cy)),), closed=False,
                              stroke=Stroke(pal.inner_door, 0.3, (0.6, 0.45))))
        return items
    if key == "guidance":
        a = st.guidance_arrow_mm
        return [Path((arrow_polygon(cx, cy, a, (1.0, 0.0)),), fill=pal.guidance,
                     stroke=Stroke(pal.white, 0.2))]
    if key == "outline_only":
        return [Path((((x0, cy), (x0 + w, cy)),), closed=False,
                     stroke=Stroke(pal.grey50, 0.35, (2.0, 1.2)))]
    if key == "neighbour":
        return [Rect(x0, y0, w, h, fill=pal.neighbour_fill, stroke=Stroke(pal.grey50, 0.35)),
                *(hatched([box], pal, spacing=2.0, angle_deg=-45.0, width=0.1) if pal.mono
                  else [])]
    if key == "window":
        return [Rect(x0, cy, w, 3.0, fill=pal.grey10),
                Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.black, 0.7)),
                Path((((cx - 2.5, cy - 1.0), (cx + 2.5, cy - 1.0)),), closed=False,
                     stroke=Stroke(pal.blue, 0.6))]
    if key == "road":
        return [Rect(x0, cy - 2.5, w, 5.0, fill=pal.grey20,
                     stroke=Stroke(pal.black, 0.25) if pal.mono else None)]
    if key == "fire_lane":
        return [Rect(x0, cy - 2.1, w, 4.2, fill=pal.red),
                Rect(x0, cy - 1.75, w, 3.5, fill=pal.grey10),
                Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.red, 0.25, (2.0, 1.5)))]
    if key == "footway":
        return [Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.grey50, 0.5, (1.2, 0.8)))]
    if key == "drivable_area":
        return [Rect(x0, y0, w, h, fill=pal.grey10)]
    if key == "not_drivable":
        return [Rect(x0, y0, w, h, fill=pal.not_drivable, stroke=Stroke(pal.yellow, 0.3)),
                *(hatched([box], pal, spacing=2.4, cross=True, width=0.1) if pal.mono else [])]
    if key == "parking":
        return [Rect(x0, y0, w, h, fill=pal.grey10, stroke=Stroke(pal.grey50, 0.3, (1.5, 1.0)))]
    if key == "callout":
        size = st.min_text_mm + 0.3
        return [Circle(cx, cy, 2.3, fill=pal.white, stroke=Stroke(pal.black, 0.3)),
                Text(cx, cy + _CAP * size / 2, "1", size, pal.black, anchor="middle")]
    return draw_map_symbol(key, cx, cy, sym_mm or st.symbol_mm, pal, ctx.lang)


def _note_rows(ctx: _Ctx, notes: list[str], width: float) -> list[_Row]:
    pal, st = ctx.pal, ctx.style
    size = st.legend_mm
    rows = []
    for note in notes:
        num, _, text = note.partition("\t")
        lines = L.wrap(text, width - 8, size, "regular", max_lines=4) or [text]

        def draw(x, y, w, num=num, lines=lines):
            items: list[Item] = [Text(x + 2.5, y + _CAP * size + 0.5, num, size, pal.black,
                                      anchor="middle")]
            ty = y + _CAP * size + 0.5
            for ln in lines:
                items.append(Text(x + 7, ty, ln, size, pal.black, weight="regular"))
                ty += size * 1.2
            return items

        rows.append(_Row(len(lines) * size * 1.2 + 1.2, draw))
    return rows


def _place_rows(rows: list[_Row], x: float, y: float, n_cols: int, cw: float, gap: float,
                height: float) -> tuple[list[tuple[_Row, float, float]], float] | None:
    """Where the rows go in ``n_cols`` columns of at most ``height`` mm: ((row, x, y) for
    each row, used height), or None when they do not fit."""
    placed: list[tuple[_Row, float, float]] = []
    i = 0
    used = 0.0
    for col in range(n_cols):
        yy = 0.0
        cx = x + col * (cw + gap)
        while i < len(rows):
            r = rows[i]
            need = r.height + (rows[i + 1].height if r.keep_with_next and i + 1 < len(rows) else 0)
            if yy + need > height + 1e-6:
                break
            placed.append((r, cx, y + yy))
            yy += r.height
            i += 1
        used = max(used, yy)
        if i >= len(rows):
            return placed, used
    return None


def _fill(rows: list[_Row], x: float, y: float, n_cols: int, cw: float, gap: float,
          height: float) -> tuple[list[Item], float] | None:
    """Rows into ``n_cols`` columns of at most ``height`` mm; (items, used height) or None."""
    fit = _place_rows(rows, x, y, n_cols, cw, gap, height)
    if fit is None:
        return None
    placed, used = fit
    items: list[Item] = []
    for r, rx, ry in placed:
        items.extend(r.draw(rx, ry, cw))  # type: ignore[operator]
    return items, used


def _flow_balanced(rows: list[_Row], slot: Box, col_w: float, *, gap: float = 2.0,
                   max_cols: int | None = None) -> tuple[list[Item], float] | None:
    """Rows in as many columns of about ``col_w`` mm as the slot (x, y, w, h) holds, with the
    columns balanced (the shortest height that takes every row). None if they do not fit.

    The search for that height only places rows; they are drawn once, at the end."""
    x, y, w, h = slot
    if not rows:
        return [], 0.0
    n_cols = max(1, int((w + gap) // (col_w + gap)))
    if max_cols:
        n_cols = min(n_cols, max_cols)
    cw = (w - gap * (n_cols - 1)) / n_cols
    total = sum(r.height for r in rows)
    lo = max(max(r.height for r in rows), total / n_cols)
    if _place_rows(rows, x, y, n_cols, cw, gap, h) is None:
        return None
    hi = h
    for _ in range(24):
        mid = (lo + hi) / 2
        if _place_rows(rows, x, y, n_cols, cw, gap, mid) is None:
            lo = mid
        else:
            hi = mid
    return _fill(rows, x, y, n_cols, cw, gap, hi)


def _flow(rows: list[_Row], slots: list[Box], col_w: float, *, gap: float = 3.0
          ) -> tuple[list[Item], float, int] | None:
    """Rows through the slots in order, each slot filled column by column.
    Returns (items, bottom y in the last slot used, index of that slot) or None."""
    items, reached, _placed, bottom, last = _walk_slots(rows, 0, slots, col_w, gap=gap)
    return (items, bottom, last) if reached >= len(rows) else None


def _walk_slots(rows: list[_Row], start: int, slots: list[Box], col_w: float, *, gap: float
                ) -> tuple[list[Item], int, list[int], float, int]:
    """Rows from ``start`` through the slots, each filled column by column, as far as they
    go: (items, index of the first row left over, index of each placed row, bottom y in the
    last slot used, index of that slot). A row that wants to stay with the next one moves
    on with it."""
    items: list[Item] = []
    placed: list[int] = []
    i = start
    bottom, last = 0.0, 0
    for si, (sx, sy, sw, sh) in enumerate(slots):
        n_cols = max(1, int((sw + gap) // (col_w + gap)))
        cw = (sw - gap * (n_cols - 1)) / n_cols
        bottom, last = sy, si
        for col in range(n_cols):
            yy = sy
            x = sx + col * (cw + gap)
            while i < len(rows):
                r = rows[i]
                need = r.height + (rows[i + 1].height if r.keep_with_next and i + 1 < len(rows) else 0)
                if yy + need > sy + sh + 1e-6:
                    break
                items.extend(r.draw(x, yy, cw))  # type: ignore[operator]
                placed.append(i)
                yy += r.height
                i += 1
            bottom = max(bottom, yy)
            if i >= len(rows):
                return items, i, placed, bottom, last
    return items, i, placed, bottom, last


def _flow_from(rows: list[_Row], start: int, slots: list[Box], col_w: float, *,
               gap: float) -> tuple[list[Item], int, list[int]]:
    """Rows from ``start`` through the slots as far as they go: (items, index of the first
    row left over, index of each placed row)."""
    return _walk_slots(rows, start, slots, col_w, gap=gap)[:3]
