"""The gazetteer: every exterior door, stair and landmark with its grid cell on the site plan,
in the site plan's column when it fits, else on pages of its own (with the notes that found
no room on their sheets)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ... import fonts
from ...errors import LayoutError
from ...plan import Plan
from ...render.scene import Item, Path, Stroke, Text
from .. import labels as L
from .legend import _flow_from, _note_rows, _Row
from .sheet import _Ctx, _Sheet
from .style import _CAP, DOOR_KINDS, Box, _words


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One line of the gazetteer: a code, its grid cell on the site plan and where it is."""

    code: str
    cell: str
    detail: str
    group: str  # doors, stairs, landmarks


def _natural(code: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.findall(r"\d+|\D+", code))


def gazetteer_entries(plan: Plan, language: str | None = None) -> list[GazetteerEntry]:
    """Every exterior door, stair and landmark with its grid cell (``Marking.grid``), in
    reading order: doors by code, stairs by code, landmarks by code."""
    wd = _words(language or plan.language)
    letters = {b.id: b.letter for b in plan.buildings}
    names = {(b.id, lv): n for b in plan.buildings for lv, n in zip(b.levels, b.level_names, strict=False)}
    out: list[GazetteerEntry] = []
    doors = sorted((m for m in plan.markings if m.kind in DOOR_KINDS), key=lambda m: _natural(m.code))
    for m in doors:
        lv = names.get((m.building, m.level or 0), str(m.level))
        out.append(GazetteerEntry(m.code, m.grid or "–", f"{letters.get(m.building, '')} · {lv}", "doors"))
    stairs = sorted((m for m in plan.markings if m.kind == "stair"), key=lambda m: _natural(m.code))
    for m in stairs:
        lvs = m.levels or ((m.level,) if m.level is not None else ())
        span = ""
        if lvs:
            a, e = names.get((m.building, min(lvs)), str(min(lvs))), names.get((m.building, max(lvs)), str(max(lvs)))
            span = a if a == e else f"{a}{wd['storeys_to']}{_shorten_second(a, e)}"
        out.append(GazetteerEntry(m.code, m.grid or "–", f"{letters.get(m.building, '')} · {span}", "stairs"))
    marks = sorted((m for m in plan.markings if m.kind == "room" and m.landmark), key=lambda m: _natural(m.code))
    for m in marks:
        out.append(GazetteerEntry(m.code, m.grid or "–", m.name or "", "landmarks"))
    return out


def _shorten_second(a: str, e: str) -> str:
    """``Floor 1``, ``Floor 2`` -> ``2``: drop the words the second shares with the first.

    >>> _shorten_second("Floor 1", "Floor 2"), _shorten_second("UG", "2. OG")
    ('2', '2. OG')
    """
    wa, we = a.split(), e.split()
    i = 0
    while i < min(len(wa), len(we)) - 1 and wa[i] == we[i]:
        i += 1
    return " ".join(we[i:])


def _gazetteer_rows(ctx: _Ctx, entries: list[GazetteerEntry], col_w: float, *,
                    detail: bool = True) -> list[_Row]:
    pal, st = ctx.pal, ctx.style
    wd = ctx.words
    size = st.table_mm
    dsize = max(st.min_text_mm, size - 0.4)
    code_w = max([fonts.text_width_mm(e.code, size_mm=size) for e in entries] + [6.0]) + 1.5
    cell_w = max([fonts.text_width_mm(e.cell, size_mm=size) for e in entries] + [5.0]) + 2.0
    rows: list[_Row] = []
    group = None
    pitch = size * 1.38
    for e in entries:
        if e.group != group:
            group = e.group
            title = wd[group]

            def head(x, y, w, title=title):
                return [Text(x, y + 1.4 + _CAP * size, title, size, pal.grey75),
                        Path((((x, y + 2.4 + _CAP * size), (x + w - 2, y + 2.4 + _CAP * size)),),
                             closed=False, stroke=Stroke(pal.grey50, 0.2))]

            rows.append(_Row(size * 1.38 + 1.6, head, keep_with_next=True))
        text = e.detail
        if detail:
            avail = col_w - code_w - cell_w - 2
            while text and fonts.text_width_mm(text, size_mm=dsize, weight="regular") > avail:
                text = text[:-2] + "…"
        else:
            text = ""

        def draw(x, y, w, e=e, text=text):
            base = y + _CAP * size + 0.5
            items: list[Item] = [Text(x, base, e.code, size, pal.black),
                                 Text(x + code_w, base, e.cell, size, pal.blue)]
            if text:
                items.append(Text(x + code_w + cell_w, base, text, dsize, pal.grey75, weight="regular"))
            return items

        rows.append(_Row(pitch, draw))
    return rows


def _gazetteer_pages(ctx: _Ctx, entries: list[GazetteerEntry],
                     notes: list[tuple[str, list[str]]]) -> tuple[list[_Sheet], list[int], int]:
    """The gazetteer (when it did not fit on the site plan) and the notes that found no room
    on their own sheets, on as many pages as they need.

    Returns the sheets, for each group of ``notes`` the index of the sheet that holds its
    heading, and the index of the last sheet with gazetteer rows. One page takes the detailed list (code, cell, where); a longer one goes
    into narrow columns without the details, page after page, so nothing is ever left out.
    """
    lay = ctx.lay
    pal = ctx.pal
    x0, top = 10.0, 10.0
    tx, ty, tw, _th = lay.title
    title_key = "gazetteer_title" if entries else "notes"

    def frame(first: bool, key: str = title_key) -> tuple[list[Item], list[Box]]:
        # the overview plan is sheet 2, after the general object information
        title = ctx.words[key].format(n=2) + ("" if first else f" ({ctx.words['continued']})")
        items: list[Item] = [Text(x0, top + _CAP * 5.0, title, 5.0, pal.black)]
        y = top + 9.0
        if key == "gazetteer_title":
            hint = L.wrap(ctx.words["gazetteer_hint"], lay.width - 20, 2.8, "regular",
                          max_lines=3) or []
            for ln in hint:
                y += L.ASCENT * 2.8
                items.append(Text(x0, y, ln, 2.8, pal.grey75, weight="regular"))
                y += L.DESCENT * 2.8 + 0.5
            y += 4.0
        if lay.width > lay.height:  # landscape: columns left of the title block's column
            slots = [(x0, y, tx - 5 - x0, lay.height - 10 - y), (tx, y, tw, ty - 5 - y)]
        else:
            slots = [(x0, y, lay.width - 20, ty - 5 - y)]
        return items, slots

    def all_rows(col_w: float, note_w: float, detail: bool) -> tuple[list[_Row], list[int]]:
        rows = _gazetteer_rows(ctx, entries, col_w, detail=detail) if entries else []
        heads: list[int] = []
        for head, texts in notes:
            heads.append(len(rows))
            rows.append(_Row(7.0, lambda x, yy, w, head=head: [
                Text(x, yy + 2.0 + _CAP * 3.0, head, 3.0, pal.grey75)], True))
            rows += _note_rows(ctx, texts, note_w)
        return rows, heads

    first_items, first_slots = frame(True)
    rows, heads = all_rows(62.0, 62.0, True)
    got, reached, _ = _flow_from(rows, 0, first_slots, 62.0, gap=6.0)
    if reached >= len(rows):  # the detailed list fits one page
        sheet = _Sheet(ctx, (0.0, 0.0, lay.width, lay.height),
                       L.Placer((0.0, 0.0, lay.width, lay.height)))
        sheet.add("margin", *first_items, *got)
        return [sheet], [0] * len(notes), 0
    # Long lists: the gazetteer in narrow columns, then the notes (wider, they wrap) from
    # a new page, each as many pages as it takes.
    rows, heads = all_rows(24.0, 40.0, False)
    n_gaz_rows = heads[0] if heads else len(rows)
    sheets: list[_Sheet] = []
    page_of_row: dict[int, int] = {}
    for lo, hi, col_w, gap, key in ((0, n_gaz_rows, 24.0, 4.0, title_key),
                                    (n_gaz_rows, len(rows), 40.0, 5.0, "notes")):
        part = rows[lo:hi]
        i = 0
        while i < len(part):
            items, slots = frame(i == 0, key)
            got, reached, placed = _flow_from(part, i, slots, col_w, gap=gap)
            if reached == i:  # a row taller than a whole page: these rows never are
                raise LayoutError("a gazetteer row does not fit on a page", element="gazetteer")
            for r in placed:
                page_of_row[lo + r] = len(sheets)
            sheet = _Sheet(ctx, (0.0, 0.0, lay.width, lay.height),
                           L.Placer((0.0, 0.0, lay.width, lay.height)))
            sheet.add("margin", *items, *got)
            sheets.append(sheet)
            i = reached
    gaz_last = page_of_row[n_gaz_rows - 1] if n_gaz_rows else 0
    return sheets, [page_of_row[h] for h in heads], gaz_last
