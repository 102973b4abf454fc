"""The sign schedule (what to order and what it costs) and the installation list (where each
sign goes), as plain rows and as printable A4 landscape pages.

* :func:`schedule_rows`: one :class:`ScheduleRow` per sign type and size (kind, panel size,
  material, colours, placement), with the quantity, the unit price from the profile's price
  table and the line total; :func:`schedule_total` sums the line totals. Quantities add up to
  the number of signs in the plan.
* :func:`location_rows` (:mod:`orientation.compose.installer`): one :class:`LocationRow` per
  sign, in installation order: room and door, building, storey, side, where on the wall,
  the bottom edge's height, size, material, substrate, fixing and status. A guidance sign's
  place is its point, the decision point's grid cell and the way it faces
  (:func:`guidance_place`).
* :func:`schedule_pages`: the schedule as a table with a total row and the currency, then the
  installation list on the following pages (header row repeated, ``page n/m`` on every
  page), then the facade sheets (:mod:`orientation.compose.facades`). An inch profile's
  list is in feet and inches; a profile with tactile stair signs notes them.

Money is summed in whole cents, so the printed total is the sum of the printed line totals.
Words and number formats follow the plan's language (``de``: ``1.234,56 €``; ``en``:
``$1,234.56``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .. import fonts
from ..plan import Plan, Sign
from ..profiles import Profile
from ..render.scene import FontWeight, Item, Page, Rect, Stroke
from ..status import SignStatus
from .common import (
    A4_LANDSCAPE,
    GREY,
    INK,
    KIND_ORDER,
    ZEBRA,
    building_label,
    buildings_by_id,
    ellipsize,
    format_money,
    format_number,
    format_size,
    hrule,
    kind_label,
    natural_key,
    plan_language,
    plan_stamp,
    word,
)
from .common import text as ptext
from .installer import (
    COMPASS,
    LocationRow,
    compass_point,
    format_panel,
    guidance_place,
    height_cell,
    location_rows,
    make_cell,
    room_cell,
    second_cell,
    short_date,
)

EXAMPLES = 3
"""How many codes a schedule row shows as examples."""
_PLACEMENT_ORDER = {"exterior": 0, "interior": 1}


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One sign type and size of the schedule.

    ``kind``/``material``/``placement`` are the plan's values (``entrance``, ``reflective``,
    ``exterior``), the ``*_label`` fields their words in the plan's language. Sizes in mm;
    ``foreground``/``background`` the colours with RAL code and name (``RAL 9003
    Signalweiß``); prices in ``currency`` (the profile's), ``line_total = quantity *
    unit_price``. ``codes`` are the distinct codes of the row's signs (natural order),
    ``sign_ids`` the signs themselves (plan order).
    """

    kind: str
    kind_label: str
    examples: str
    codes: tuple[str, ...]
    width_mm: float
    height_mm: float
    material: str
    material_label: str
    foreground: str
    background: str
    foreground_ral: str
    background_ral: str
    placement: str
    placement_label: str
    quantity: int
    unit_price: float
    line_total: float
    currency: str
    sign_ids: tuple[str, ...]

    @property
    def colors(self) -> str:
        """``RAL 9003 Signalweiß / RAL 5017 Verkehrsblau`` (text / ground)."""
        return f"{self.foreground} / {self.background}"

    @property
    def colours(self) -> str:
        """The same as :attr:`colors` (the CSV column is called ``colours``)."""
        return self.colors

    def to_dict(self) -> dict[str, Any]:
        """The row as plain values for ``schedule.csv`` (stable keys, plan values)."""
        return {
            "kind": self.kind,
            "kind_label": self.kind_label,
            "examples": self.examples,
            "width_mm": self.width_mm,
            "height_mm": self.height_mm,
            "material": self.material,
            "colours": self.colors,
            "foreground": self.foreground,
            "background": self.background,
            "placement": self.placement,
            "quantity": self.quantity,
            "unit_price": self.unit_price,
            "line_total": self.line_total,
            "currency": self.currency,
        }


def _examples(codes: Sequence[str]) -> str:
    """``E1, E2, E3 …``: the first :data:`EXAMPLES` codes, "…" when there are more."""
    return ", ".join(codes[:EXAMPLES]) + (" …" if len(codes) > EXAMPLES else "")


def _cents(v: float) -> int:
    return int(round(v * 100))


def schedule_rows(plan: Plan, profile: Profile) -> list[ScheduleRow]:
    """The sign schedule: one row per kind, panel size, material, colours and placement.

    Sorted exterior before interior, then by kind (building letter, name board, entrance,
    fire-brigade access, service entrance, emergency exit, window label, inside door number,
    stair, room), then by panel area. Quantities add up to ``len(plan.signs)``.
    """
    lang = plan_language(plan, profile)
    style = profile.resolved
    groups: dict[tuple, list[Sign]] = {}
    for s in plan.signs:
        key = (s.placement, s.kind, s.width_mm, s.height_mm, s.material,
               s.foreground, s.foreground_name, s.background, s.background_name)
        groups.setdefault(key, []).append(s)

    rows: list[ScheduleRow] = []
    for key, signs in groups.items():
        placement, kind, w, h, material, fg, fg_name, bg, bg_name = key
        codes = tuple(sorted(dict.fromkeys(s.text for s in signs), key=natural_key))
        fg_ink = style.sign_ink(kind, "foreground", fg, fg_name)
        bg_ink = style.sign_ink(kind, "background", bg, bg_name)
        unit_cents = _cents(profile.prices.unit_price(material, w, h))  # type: ignore[arg-type]
        rows.append(ScheduleRow(
            kind=kind,
            kind_label=kind_label(lang, kind),
            examples=_examples(codes),
            codes=codes,
            width_mm=w,
            height_mm=h,
            material=material,
            material_label=word(lang, material),
            foreground=fg_ink.name(lang),
            background=bg_ink.name(lang),
            foreground_ral=fg_ink.short(lang),
            background_ral=bg_ink.short(lang),
            placement=placement,
            placement_label=word(lang, placement),
            quantity=len(signs),
            unit_price=unit_cents / 100,
            line_total=unit_cents * len(signs) / 100,
            currency=style.currency,
            sign_ids=tuple(s.id for s in signs),
        ))
    rows.sort(key=lambda r: (_PLACEMENT_ORDER.get(r.placement, 9), _kind_rank(r.kind),
                             r.width_mm * r.height_mm, r.width_mm, r.height_mm, r.material,
                             r.background, r.foreground))
    return rows


def schedule_total(rows: Sequence[ScheduleRow]) -> float:
    """The sum of the rows' line totals (summed in whole cents)."""
    return sum(_cents(r.line_total) for r in rows) / 100


# --- pages -------------------------------------------------------------------------------

MARGIN_MM = 12.0
HEADER_MM = 20.0
"""From the top margin to the first table row, in mm."""
FOOTER_MM = 0.0
TEXT_MM = 3.2
"""Font size of table text, in mm (about 9 pt)."""
ROW_MM = 6.2
PAD_MM = 1.6

Align = Literal["start", "middle", "end"]


@dataclass(frozen=True, slots=True)
class _Col:
    header: str
    align: Align = "start"
    flex: bool = False
    max_mm: float = 0.0  # cap on a fixed column's width; longer cells are cut with "…"


def _w(s: str, weight: FontWeight = "regular", size: float = TEXT_MM) -> float:
    return fonts.text_width_mm(s, size_mm=size, weight=weight)


def _widths(cols: Sequence[_Col], rows: Sequence[Sequence[str]], total: float,
            bold_rows: Sequence[Sequence[str]] = ()) -> list[float]:
    """Column widths: every fixed column as wide as its widest cell or header; the flex
    columns share the rest (never less than their header). ``bold_rows`` (a total row) are
    measured in bold."""
    need = []
    for j, c in enumerate(cols):
        cells = [_w(ln) for r in rows if j < len(r) for ln in r[j].split("\n")]
        cells += [_w(r[j], "bold") for r in bold_rows if j < len(r)]
        w = max([_w(h, "bold") for h in c.header.split("\n")] + cells) + 2 * PAD_MM
        need.append(min(w, c.max_mm) if c.max_mm else w)
    fixed = sum(w for w, c in zip(need, cols) if not c.flex)
    flex = [j for j, c in enumerate(cols) if c.flex]
    widths = list(need)
    if flex:
        rest = total - fixed
        share = sum(need[j] for j in flex)
        for j in flex:
            widths[j] = max(rest * need[j] / share if share else rest / len(flex),
                            _w(cols[j].header, "bold") + 2 * PAD_MM)
    scale = total / sum(widths) if sum(widths) > total + 0.01 else 1.0
    return [w * scale for w in widths]


def _cell_x(x: float, w: float, align: Align) -> float:
    return {"start": x + PAD_MM, "middle": x + w / 2, "end": x + w - PAD_MM}[align]


#: A cell that is a box to tick (drawn, not a character the fonts may lack).
BOX = "\x00box"
#: Second lines of two-line cells: this far under the first, in mm.
LINE2_MM = 3.7
BOX_MM = 3.4


def _row_items(cells: Sequence[str], cols: Sequence[_Col], widths: Sequence[float], x0: float,
               top: float, *, weight: FontWeight = "regular", fill=INK,
               row_mm: float = ROW_MM) -> list[Item]:
    """A row's cells; a cell with a line break holds two lines (the second in grey), a
    :data:`BOX` cell a box to tick."""
    items: list[Item] = []
    two = row_mm > ROW_MM + 0.01
    base = top + (row_mm + TEXT_MM * fonts.cap_height_ratio(weight)) / 2
    if two:
        base -= LINE2_MM / 2
    x = x0
    for value, col, w in zip(cells, cols, widths):
        if value == BOX:
            bx = _cell_x(x, w, "middle") - BOX_MM / 2
            items.append(Rect(bx, base - BOX_MM + 0.4, BOX_MM, BOX_MM, stroke=Stroke(INK, 0.3)))
        elif value:
            for k, line in enumerate(value.split("\n")[:2]):
                s = ellipsize(line, w - 2 * PAD_MM, size_mm=TEXT_MM, weight=weight)
                items.append(ptext(_cell_x(x, w, col.align), base + k * LINE2_MM, s, TEXT_MM,
                                   fill=fill if k == 0 else GREY, weight=weight,
                                   anchor=col.align))
        x += w
    return items


def _header(plan: Plan, profile: Profile, lang: str, title_key: str, n: int, m: int,
            page_w: float) -> list[Item]:
    x0, x1 = MARGIN_MM, page_w - MARGIN_MM
    y = MARGIN_MM + 4.5
    sub = [plan.site_address or "", f"{word(lang, 'profile')}: {profile.resolved.short_title}",
           plan_stamp(plan, lang), f"{len(plan.signs)} {word(lang, 'signs_count')}"]
    return [
        ptext(x0, y, f"{word(lang, title_key)} – {plan.site_name}", 5.0, weight="bold",
              max_width_mm=x1 - x0 - 30),
        ptext(x1, y, f"{word(lang, 'page')} {n}/{m}", 3.4, anchor="end"),
        ptext(x0, y + 5.5, " · ".join(p for p in sub if p), 3.2, fill=GREY,
              max_width_mm=x1 - x0),
    ]


@dataclass(frozen=True, slots=True)
class _Table:
    """One table cut into page-sized chunks."""

    title_key: str
    cols: tuple[_Col, ...]
    rows: tuple[tuple[str, ...], ...]
    total: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()
    row_mm: float = ROW_MM


def _table_pages(table: _Table, page_w: float, page_h: float
                 ) -> list[tuple[str, list[Item]]]:
    """Lay the table out on pages; returns (title key, items without the page header)."""
    x0, x1 = MARGIN_MM, page_w - MARGIN_MM
    top = MARGIN_MM + HEADER_MM
    bottom = page_h - MARGIN_MM - FOOTER_MM
    widths = _widths(table.cols, table.rows, x1 - x0,
                     [table.total] if table.total else [])
    rh = table.row_mm
    capacity = max(3, int((bottom - top - rh - 1.0) // rh))
    # the last page also holds the total row and the notes (in row heights)
    tail = (1 if table.total else 0) + math.ceil(len(table.notes) * 0.7 + 0.5 * bool(table.notes))
    chunks: list[list[tuple[str, ...]]] = []
    rows = list(table.rows)
    while True:
        if len(rows) + tail <= capacity:
            chunks.append(rows)
            break
        # the rest does not fit with its tail: fill this page, but never leave the total
        # row alone on the last page (at least two rows go with it)
        take = capacity if len(rows) > capacity else max(1, len(rows) - 2)
        chunks.append(rows[:take])
        rows = rows[take:]

    pages: list[tuple[str, list[Item]]] = []
    for ci, chunk in enumerate(chunks):
        items: list[Item] = []
        y = top
        header = [c.header for c in table.cols]
        items += _row_items(header, table.cols, widths, x0, y, weight="bold", row_mm=rh)
        y += rh
        items.append(hrule(x0, x1, y, width_mm=0.35, color=INK))
        for i, row in enumerate(chunk):
            if i % 2 == 1:
                items.append(Rect(x0, y, x1 - x0, rh, fill=ZEBRA))
            items += _row_items(row, table.cols, widths, x0, y, row_mm=rh)
            y += rh
        last = ci == len(chunks) - 1
        if last and table.total:
            items.append(hrule(x0, x1, y, width_mm=0.35, color=INK))
            items += _row_items(table.total, table.cols, widths, x0, y, weight="bold")
            y += ROW_MM
            items.append(hrule(x0, x1, y, width_mm=0.35, color=INK))
        else:
            items.append(hrule(x0, x1, y, width_mm=0.2, color=GREY))
        if last:
            ny = y + 5.0
            for note in table.notes:
                items.append(ptext(x0, ny, note, 3.0, fill=GREY, max_width_mm=x1 - x0))
                ny += 4.2
        pages.append((table.title_key, items))
    return pages


def _schedule_table(plan: Plan, profile: Profile, lang: str) -> _Table:
    rows = schedule_rows(plan, profile)
    cur = profile.resolved.currency
    inches = profile.resolved.inches
    cols = (
        _Col(word(lang, "col_pos"), "end"),
        _Col(word(lang, "col_kind")),
        _Col(word(lang, "col_examples"), flex=True),
        _Col(word(lang, "col_size"), "end"),
        _Col(word(lang, "col_material")),
        _Col(word(lang, "col_colors")),
        _Col(word(lang, "col_placement")),
        _Col(word(lang, "col_quantity"), "end"),
        _Col(word(lang, "col_unit_price"), "end"),
        _Col(word(lang, "col_line_total"), "end"),
    )
    body = tuple(
        (str(i), r.kind_label, r.examples,
         format_size(r.width_mm, r.height_mm, lang, inches=inches), r.material_label,
         f"{r.foreground_ral} / {r.background_ral}", r.placement_label,
         format_number(r.quantity, lang), format_money(r.unit_price, cur, lang),
         format_money(r.line_total, cur, lang))
        for i, r in enumerate(rows, start=1))
    qty = sum(r.quantity for r in rows)
    total = ("", word(lang, "total"), "", "", "", "", "", format_number(qty, lang), "",
             format_money(schedule_total(rows), cur, lang))
    colors: dict[str, str] = {}
    for r in rows:
        colors.setdefault(r.foreground_ral, r.foreground)
        colors.setdefault(r.background_ral, r.background)
    legend = " · ".join(colors[k] for k in sorted(colors))
    notes = (f"{word(lang, 'colors_note')}: {legend}",
             f"{word(lang, 'prices_note')} ({cur}, {word(lang, 'profile')} {profile.name})")
    return _Table("schedule_title", cols, body, total, notes)


#: Rows of the installation list hold two lines.
LIST_ROW_MM = 9.6


def _location_table(plan: Plan, profile: Profile, lang: str,
                    status: SignStatus | None = None) -> _Table:
    """The installation list, two lines a row: number (as on the facade sheets), sign id,
    code and kind, location (building, storey, side), room or door and where on the wall,
    size and the bottom edge's height, make (material; substrate and fixing), status, and a
    box to tick."""
    imperial = profile.resolved.inches
    cols = (
        _Col(word(lang, "col_no"), "end"),
        _Col(word(lang, "col_sign")),
        _Col(f"{word(lang, 'col_code')}\n{word(lang, 'col_kind')}", max_mm=32.0),
        _Col(word(lang, "col_place"), max_mm=34.0),
        _Col(f"{word(lang, 'col_room_door')}\n{word(lang, 'col_where')}", flex=True),
        _Col(f"{word(lang, 'col_size_short')}\n{word(lang, 'col_height')}", "end", max_mm=42.0),
        _Col(word(lang, "col_make"), flex=True),
        _Col(word(lang, "col_status"), max_mm=48.0),
        _Col(word(lang, "col_tick"), "middle"),
    )
    buildings = buildings_by_id(plan)
    signs = {s.id: s for s in plan.signs}
    rows = location_rows(plan, profile, status=status, language=lang)

    def place(r: LocationRow) -> str:
        parts = [building_label(buildings, r.building, with_name=False), r.storey,
                 f"{word(lang, 'side')} {r.side}" if r.side else ""]
        return " · ".join(p for p in parts if p)

    def room(r: LocationRow) -> str:
        text = second_cell(plan, signs, r, lang)
        quoted = (f"„{text}“" if lang == "de" else f"“{text}”") if text else ""
        return " ".join(p for p in (room_cell(r, lang), quoted) if p)

    def dates(r: LocationRow) -> str:
        done = [f"{word(lang, 'status_' + st + '_short')} {short_date(getattr(r, st), lang)}"
                for st in ("ordered", "mounted", "checked") if getattr(r, st)]
        return "\n".join((done[0], " · ".join(done[1:])) if len(done) > 1 else done)

    body = tuple(
        (str(r.number), r.sign_id, f"{r.code}\n{kind_label(lang, r.kind)}", place(r),
         f"{room(r)}\n{r.where}",
         f"{format_panel(r.width_mm, r.height_mm, lang, imperial=imperial)}\n"
         f"{height_cell(r, lang, imperial=imperial)}",
         make_cell(r, lang), dates(r), BOX)
        for r in rows)
    notes = [word(lang, "locations_note"), word(lang, "height_note"), word(lang, "make_note")]
    if profile.sizing.stair.tactile and any(s.kind == "stair" for s in plan.signs):
        notes.append(word(lang, "tactile_note"))
    return _Table("locations_title", cols, body, None, tuple(notes), LIST_ROW_MM)


def schedule_pages(plan: Plan, profile: Profile, *, status: SignStatus | None = None,
                   facades: bool = True) -> list[Page]:
    """The schedule, the installation list and the facade sheets as A4 landscape pages
    (297 x 210 mm).

    First the schedule table (position, kind, text examples, size, material, colours as
    RAL codes with a legend, placement, quantity, unit price, line total), a bold total row
    with the number of signs and the sum in the profile's currency, and notes on colours and
    prices; then the installation list (number, sign id, code, kind, building · storey ·
    side, room or door, where on the wall, the bottom edge's height, size, make, status and
    a box to tick; in the profile's units) on the following pages; then one facade sheet per
    building side that carries signs (:mod:`orientation.compose.facades`), numbered as the
    list. Tables repeat their header row on every page; every page carries the site,
    profile, plan version and ``page n/m``. Numbers are right-aligned with the language's
    separators; alternate rows are tinted. ``status``: the signs' dates (the status side
    file)."""
    from .facades import facade_sheets

    lang = plan_language(plan, profile)
    pw, ph = A4_LANDSCAPE
    parts = (_table_pages(_schedule_table(plan, profile, lang), pw, ph)
             + _table_pages(_location_table(plan, profile, lang, status), pw, ph))
    if facades:
        parts += facade_sheets(plan, profile, lang, status=status)
    m = len(parts)
    pages = []
    for n, (title_key, items) in enumerate(parts, start=1):
        head = _header(plan, profile, lang, title_key, n, m, pw)
        pages.append(Page(pw, ph, tuple(head + items), name=f"schedule-{n}",
                          title=f"{word(lang, title_key)} {n}/{m} – {plan.site_name}"))
    return pages


__all__ = [
    "COMPASS",
    "EXAMPLES",
    "LocationRow",
    "ScheduleRow",
    "compass_point",
    "guidance_place",
    "location_rows",
    "schedule_pages",
    "schedule_rows",
    "schedule_total",
]
