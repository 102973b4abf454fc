"""The right-hand column and the title block of every sheet: legend, notes and gazetteer
flowing through the sheet's slots (:func:`_column`), a part plan's key map above them, the
north arrow and the scale bar (:func:`finish_map`), and the title block with the site, the
DIN sheet name (Übersichtsplan, Geschossplan …), scale, date, plan number, author, version
and the sheet's number (:func:`_title_block`)."""

from __future__ import annotations

from collections.abc import Sequence

from ...plan import GridBox
from ...render.scene import Item, Path, Rect, Stroke, Text
from .. import labels as L
from .gazetteer import GazetteerEntry, _gazetteer_rows
from .legend import _flow, _flow_balanced, _legend_rows, _note_rows
from .marks import _draw_north, _draw_scalebar
from .parts import KEY_MAP_MAX_MM, key_map, neighbours_of
from .sheet import _Ctx, _fit, _Sheet
from .style import _CAP, Box


def _heading(ctx: _Ctx, x: float, y: float, text: str) -> list[Item]:
    return [Text(x, y + _CAP * 3.6, text, 3.6, ctx.pal.black)]


#: Legend rows a crowded sheet may leave out, the first first: what the drawing shows
#: plainly (a room with its number, the corridor's tone, an inner door's gap, a guidance
#: mark's arrow with its destination, a building's tone).
SELF_EVIDENT = ("room", "corridor", "inner_door", "guidance", "building", "neighbour")


def _column(ctx: _Ctx, sheet: _Sheet, *, gazetteer: list[GazetteerEntry] | None,
            slots_mm: Sequence[Box] | None = None) -> bool:
    """Legend, notes and (if given and it fits) the gazetteer into the sheet's slots (the
    paper layout's, or ``slots_mm``), one section under the other, each balanced over as
    many columns as the slot holds. Returns True when the gazetteer was placed (or not
    asked for)."""
    lay = ctx.lay
    slots = [list(s) for s in (slots_mm if slots_mm is not None else lay.slots)]
    items: list[Item] = []
    head_h = 7.0

    def place(title: str, make_rows, col_w: float, *, max_cols: int | None = None) -> bool:
        for si, (sx, sy, sw, sh) in enumerate(slots):
            if sh < head_h + 5:
                continue
            gap = 2.0
            n_cols = max(1, int((sw + gap) // (col_w + gap)))
            if max_cols:
                n_cols = min(n_cols, max_cols)
            cw = (sw - gap * (n_cols - 1)) / n_cols
            rows = make_rows(cw)
            res = _flow_balanced(rows, (sx, sy + head_h, sw, sh - head_h),
                                 col_w, gap=gap, max_cols=max_cols)
            if res is None:
                continue
            got, used = res
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(got)
            top = sy + head_h + used + 5.0
            slots[si] = [sx, top, sw, sy + sh - top]
            return True
        return False

    legend = lambda w: _legend_rows(ctx, sheet, w)  # noqa: E731
    compact = lambda w: _legend_rows(ctx, sheet, w, compact=True)  # noqa: E731
    title = ctx.words["legend"]
    if not (place(title, legend, 37.0) or place(title, legend, 33.0)
            or place(title, compact, 33.0)):
        # long legends on A4: flow through every slot, the heading above the first; a
        # legend that does not fit even so leaves out the rows that explain themselves,
        # fewest first, rather than go missing
        sx, sy, _sw, _sh = slots[0]
        body = [(s[0], s[1] + head_h, s[2], s[3] - head_h) for s in slots]
        whole = dict(sheet.legend)
        res = None
        for n in range(len(SELF_EVIDENT) + 1):
            sheet.legend = {k: v for k, v in whole.items() if k not in SELF_EVIDENT[:n]}
            res = _flow(compact(33.0), body, 33.0, gap=2.0)
            if res is not None:
                break
        sheet.legend = whole
        if res is not None:
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(res[0])
            last = res[2]
            for k in range(last):
                slots[k] = [slots[k][0], slots[k][1] + slots[k][3], slots[k][2], 0.0]
            lx, ly, lw, lh = slots[last]
            top = res[1] + 5.0
            slots[last] = [lx, top, lw, ly + lh - top]
    placed_gaz = gazetteer is None
    if sheet.notes:
        notes = list(sheet.notes)
        if place(ctx.words["notes"], lambda w: _note_rows(ctx, notes, w), 78.0, max_cols=1):
            sheet.notes.clear()
    if gazetteer and lay.gazetteer_on_sheet:
        placed_gaz = place(ctx.words["gazetteer"],
                           lambda w: _gazetteer_rows(ctx, gazetteer, w), 37.0)
    sheet.add("margin", *items)
    return placed_gaz


def _title_block(ctx: _Ctx, sheet: _Sheet, sheet_title: str, n: int, m: int, scale: int) -> None:
    """The title block: site and address, the sheet's DIN name, scale and grid (``scale``
    0: a sheet without a drawing), date and plan number, author and version, the profile,
    where the sheet's lists went, and the sheet's number."""
    x, y, w, h = ctx.lay.title
    pal, wd = ctx.pal, ctx.words
    items: list[Item] = [Rect(x, y, w, h, fill=pal.white, stroke=Stroke(pal.black, 0.35))]
    pad = 2.5
    inner = w - 2 * pad
    cy = y + pad
    name = ctx.plan.site_name
    size = 4.2
    lines = L.wrap(name, inner, size, "bold", max_lines=2)
    while lines is None and size > 2.6:
        size -= 0.2
        lines = L.wrap(name, inner, size, "bold", max_lines=2)
    lines = lines or [name]
    for ln in lines:
        cy += L.ASCENT * size
        items.append(Text(x + pad, cy, ln, size, pal.black))
        cy += L.DESCENT * size + 0.4
    small = 2.8
    if ctx.plan.site_address:
        cy += L.ASCENT * small
        items.append(Text(x + pad, cy, _fit(ctx.plan.site_address, inner, small, "regular"), small,
                          pal.black, weight="regular"))
        cy += L.DESCENT * small
    cy += 1.2
    items.append(Path((((x, cy), (x + w, cy)),), closed=False, stroke=Stroke(pal.black, 0.25)))
    cy += 1.0
    tsize = 3.6
    for ln in (L.wrap(sheet_title, inner, tsize, "bold", max_lines=2) or [sheet_title]):
        cy += L.ASCENT * tsize
        items.append(Text(x + pad, cy, ln, tsize, pal.black))
        cy += L.DESCENT * tsize + 0.3
    prof_title = ctx.profile.title.split(" – ")[0].split(" - ")[0]
    date = f"{wd['date']} {ctx.plan.date}" if ctx.plan.date else wd["undated"]
    facts_of = ctx.plan.object_info
    number = facts_of.plan_number if facts_of and facts_of.plan_number else "–"
    author = facts_of.author if facts_of and facts_of.author else "–"
    refs = []  # where this sheet's lists went, bottom line first
    if sheet.notes_elsewhere:
        refs.append(wd["see_sheet"].format(n=sheet.notes_elsewhere))
    if sheet.gazetteer_on:
        a, b = sheet.gazetteer_on
        refs.append(wd["see_gazetteer"].format(n=str(a) if a == b else f"{a}–{b}"))
    scale_line = ([f"{wd['scale']} 1:{scale} · {wd['grid']} {ctx.frame.grid_m:g} m"]
                  if scale else [])
    version = f"{wd['version']} {ctx.plan.version or '–'}"
    # the DIN title block's facts, the full set where the block has room, else fewer lines:
    # the plan number and author before the profile, which the legend's words show too
    variants = [
        [*scale_line, f"{date} · {wd['plan_number']} {number}", f"{wd['author']}: {author}",
         f"{version} · {wd['profile']}: {prof_title}"],
        [*scale_line, f"{date} · {wd['plan_number']} {number}",
         f"{wd['author']}: {author} · {version}"],
        [*scale_line, f"{date} · {wd['plan_number']} {number} · {wd['author']}: {author}"],
    ]
    pitch = L.ASCENT * small + 0.4 + L.DESCENT * small
    bottom = y + h - pad - 3.4 - 3.6 * max(len(refs) - 1, 0)  # above refs and sheet number
    facts = next((v for v in variants if cy + len(v) * pitch <= bottom), variants[-1])
    for ln in facts:
        cy += L.ASCENT * small + 0.4
        items.append(Text(x + pad, cy, _fit(ln, inner, small, "regular"), small, pal.black,
                          weight="regular"))
        cy += L.DESCENT * small
    for k, ref in enumerate(refs):
        items.append(Text(x + pad, y + h - pad - L.DESCENT * 2.8 - k * 3.6, ref, 2.8, pal.red))
    sheet_no = wd["sheet"].format(n=n, m=m)
    items.append(Text(x + w - pad, y + h - pad - L.DESCENT * 3.2, sheet_no, 3.2, pal.black,
                      anchor="end"))
    sheet.add("margin", *items)


def _see_sheet(ctx: _Ctx, sheet: _Sheet, n: int) -> None:
    """Remember where this sheet's numbered notes are listed (printed in the title block)."""
    sheet.notes_elsewhere = n




def finish_map(ctx: _Ctx, sheet: _Sheet, scale: int, *, badge: tuple[str, str] | None = None,
               gazetteer: list[GazetteerEntry] | None = None,
               parts: tuple[Sequence[Sequence[tuple[float, float]]], Sequence[GridBox], int]
               | None = None) -> bool:
    """The column of a map sheet: a part plan's key map (``parts``: the whole's outlines in
    plan metres, every part's window, this part's index) at the top of the column with its
    caption (part n of m, the parts it joins), then legend, notes and the gazetteer
    (:func:`_column`), the north arrow with the scale (and the building letter and storey
    of a storey plan, ``badge``) and the scale bar. Returns :func:`_column`'s answer."""
    lay = ctx.lay
    slots = list(lay.slots)
    if parts is not None:
        rings, windows, i = parts
        si = len(slots) - 1 if len(slots) > 1 else 0
        sx, sy, sw, sh = slots[si]
        wd = ctx.words
        caption = wd["part"].format(n=i + 1, m=len(windows))
        joins = neighbours_of(windows, i)
        if joins:
            caption += " · " + wd["part_joins"].format(parts=", ".join(map(str, joins)))
        lines = L.wrap(caption, sw, 2.8, "bold", max_lines=2) or [caption]
        items: list[Item] = []
        ty = sy
        for ln in lines:
            ty += L.ASCENT * 2.8
            items.append(Text(sx, ty, ln, 2.8, ctx.pal.black))
            ty += L.DESCENT * 2.8 + 0.3
        km, used = key_map(ctx, (sx, ty + 1.0, sw, min(KEY_MAP_MAX_MM, sh / 3)), rings,
                           windows, i)
        sheet.add("margin", *items, *km)
        top = ty + 1.0 + used + 5.0
        slots[si] = (sx, top, sw, sy + sh - top)
    placed = _column(ctx, sheet, gazetteer=gazetteer, slots_mm=slots)
    _draw_north(sheet, lay.north, ctx, f"1:{scale}", badge=badge)
    _draw_scalebar(sheet, ctx, 1000.0 / scale, scale)
    return placed


__all__ = ["SELF_EVIDENT", "finish_map"]
