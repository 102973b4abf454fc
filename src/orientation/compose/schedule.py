"""The sign schedule (what to order and what it costs) and the installation list (where each
sign goes), as plain rows and as printable A4 landscape pages.

* :func:`schedule_rows`: one :class:`ScheduleRow` per sign type and size (kind, panel size,
  material, colours, placement), with the quantity, the unit price from the profile's price
  table and the line total; :func:`schedule_total` sums the line totals. Quantities add up to
  the number of signs in the plan.
* :func:`location_rows`: one :class:`LocationRow` per sign: building, storey, side, element,
  code, kind, size and mounting height, in installation order. A guidance sign's element
  cell says where it hangs (:func:`guidance_place`: the point, the decision point's grid
  cell, the way it faces), its second-line cell the way its arrow points.
* :func:`schedule_pages`: the schedule as a table with a total row and the currency, then the
  installation list on the following pages (header row repeated, ``page n/m`` on every page).

Money is summed in whole cents, so the printed total is the sum of the printed line totals.
Words and number formats follow the plan's language (``de``: ``1.234,56 €``; ``en``:
``$1,234.56``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .. import fonts, words
from ..plan import Marking, Plan, Sign
from ..profiles import Profile
from ..render.scene import FontWeight, Item, Page, Rect
from .common import (
    A4_LANDSCAPE,
    GREY,
    INK,
    KIND_ORDER,
    ZEBRA,
    arrow_word,
    building_label,
    buildings_by_id,
    ellipsize,
    format_length,
    format_money,
    format_number,
    format_size,
    hrule,
    kind_label,
    natural_key,
    plan_language,
    plan_stamp,
    storey_name,
    word,
)
from .common import text as ptext

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


@dataclass(frozen=True, slots=True)
class LocationRow:
    """Where one sign goes. ``building`` is the plan's building id, ``building_letter`` and
    ``building_name`` its letter and name; ``storey`` the storey's name (``1. OG``; empty for
    building-wide signs); ``side`` the fire-service side (A-D) of an exterior sign; ``element``
    the site file's element id (door, stair, room, window); ``mount_height_m`` the height of
    the sign's bottom edge where the plan sets it (m above ground or floor)."""

    sign_id: str
    code: str
    kind: str
    placement: str
    building: str
    building_letter: str
    building_name: str
    level: int | None
    storey: str
    side: str
    element: str
    marking: str
    width_mm: float
    height_mm: float
    subtext: str
    mount_height_m: float | None

    def to_dict(self) -> dict[str, Any]:
        """The row as plain values (for a CSV or the app)."""
        return {f: getattr(self, f) for f in self.__slots__}


def location_rows(plan: Plan) -> list[LocationRow]:
    """Every sign with its place, in installation order: building by building (plan
    order), outside first (building-wide signs, then side A, B, C, D, each storey from the
    lowest), then inside storey by storey from the lowest; within a place by kind and code
    (``E2`` before ``E10``)."""
    border = {b.id: i for i, b in enumerate(plan.buildings)}
    buildings = buildings_by_id(plan)
    letters = {b.id: (b.letter, b.name) for b in plan.buildings}
    out: list[tuple[tuple, LocationRow]] = []
    for i, s in enumerate(plan.signs):
        m = plan.marking(s.marking)
        letter, name = letters.get(s.building, ("", s.building))
        row = LocationRow(
            sign_id=s.id, code=s.text, kind=s.kind, placement=s.placement,
            building=s.building, building_letter=letter, building_name=name,
            level=s.level, storey=storey_name(buildings, s.building, s.level),
            side=s.side or "", element=m.element if m else s.marking, marking=s.marking,
            width_mm=s.width_mm, height_mm=s.height_mm, subtext=s.subtext,
            mount_height_m=s.mount_height_m)
        exterior = s.placement == "exterior"
        key = (border.get(s.building, len(border)), _PLACEMENT_ORDER.get(s.placement, 9),
               (s.side or "") if exterior else "",
               s.level if s.level is not None else -99,
               _kind_rank(s.kind), natural_key(s.text), i)
        out.append((key, row))
    out.sort(key=lambda t: t[0])
    return [r for _, r in out]


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
        cells = [_w(r[j]) for r in rows if j < len(r)]
        cells += [_w(r[j], "bold") for r in bold_rows if j < len(r)]
        w = max([_w(c.header, "bold")] + cells) + 2 * PAD_MM
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


def _row_items(cells: Sequence[str], cols: Sequence[_Col], widths: Sequence[float], x0: float,
               top: float, *, weight: FontWeight = "regular", fill=INK) -> list[Item]:
    items: list[Item] = []
    base = top + (ROW_MM + TEXT_MM * fonts.cap_height_ratio(weight)) / 2
    x = x0
    for value, col, w in zip(cells, cols, widths):
        if value:
            s = ellipsize(value, w - 2 * PAD_MM, size_mm=TEXT_MM, weight=weight)
            items.append(ptext(_cell_x(x, w, col.align), base, s, TEXT_MM, fill=fill,
                               weight=weight, anchor=col.align))
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


def _table_pages(table: _Table, page_w: float, page_h: float
                 ) -> list[tuple[str, list[Item]]]:
    """Lay the table out on pages; returns (title key, items without the page header)."""
    x0, x1 = MARGIN_MM, page_w - MARGIN_MM
    top = MARGIN_MM + HEADER_MM
    bottom = page_h - MARGIN_MM - FOOTER_MM
    widths = _widths(table.cols, table.rows, x1 - x0,
                     [table.total] if table.total else [])
    capacity = max(3, int((bottom - top - ROW_MM - 1.0) // ROW_MM))
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
        items += _row_items(header, table.cols, widths, x0, y, weight="bold")
        y += ROW_MM
        items.append(hrule(x0, x1, y, width_mm=0.35, color=INK))
        for i, row in enumerate(chunk):
            if i % 2 == 1:
                items.append(Rect(x0, y, x1 - x0, ROW_MM, fill=ZEBRA))
            items += _row_items(row, table.cols, widths, x0, y)
            y += ROW_MM
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


#: The compass points a guidance sign can face, clockwise from north (``compose.compass_*``).
COMPASS = ("n", "ne", "e", "se", "s", "sw", "w", "nw")


def compass_point(north_deg: float, v: tuple[float, float]) -> str | None:
    """The compass point (``COMPASS``) a plan vector points to, the plan's +y axis being
    ``north_deg`` clockwise from true north; None for a zero vector.

    >>> compass_point(0, (0, 1)), compass_point(12, (-1, 0)), compass_point(90, (0, -1))
    ('n', 'w', 'w')
    """
    if v[0] == 0 and v[1] == 0:
        return None
    bearing = (north_deg + math.degrees(math.atan2(v[0], v[1]))) % 360
    return COMPASS[int((bearing + 22.5) // 45) % 8]


def guidance_place(plan: Plan, sign: Sign, marking: Marking | None, lang: str) -> str:
    """Where a guidance sign goes, for the installer: the point it hangs at (plan metres),
    the grid cell of its decision point where the plan has one, and the way it faces
    (towards the person it guides): ``im Flur bei x 49 / y 9 (Feld E6), Schild blickt nach
    Westen`` / ``in the corridor at x 49 / y 9 (cell E6), facing west``."""
    x, y = sign.anchor
    out = words.text("compose.where_point", lang, x=format_length(x, lang),
                     y=format_length(y, lang))
    if marking is not None and marking.grid:
        out += f" ({words.text('compose.where_cell', lang, cell=marking.grid)})"
    way = compass_point(plan.north_deg, sign.facing)
    if way is not None:
        out += ", " + words.text("compose.where_facing", lang,
                                 way=word(lang, f"compass_{way}"))
    return out


def _guidance_cells(plan: Plan, signs: Mapping[str, Sign], r: LocationRow, lang: str
                    ) -> tuple[str, str]:
    """The element and second-line cells of a guidance sign's row: where it goes, and its
    second line with the arrow's way (``Treppe · Pfeil links``)."""
    sign = signs[r.sign_id]
    where = guidance_place(plan, sign, plan.marking(sign.marking), lang)
    way = arrow_word(lang, sign.arrow)
    arrow = f"{word(lang, 'arrow')} {way}" if way else ""
    return where, " · ".join(p for p in (r.subtext, arrow) if p)


def _location_table(plan: Plan, profile: Profile, lang: str) -> _Table:
    cols = (
        _Col(word(lang, "col_sign")),
        _Col(word(lang, "col_code"), max_mm=34.0),
        _Col(word(lang, "col_kind")),
        _Col(word(lang, "col_building")),
        _Col(word(lang, "col_storey")),
        _Col(word(lang, "col_side"), "middle"),
        _Col(word(lang, "col_element"), flex=True),
        _Col(word(lang, "col_size"), "end"),
        _Col(word(lang, "col_mount"), "end"),
        _Col(word(lang, "col_text"), flex=True),
    )
    buildings = buildings_by_id(plan)
    guidance = {s.id: s for s in plan.signs if s.kind == "guidance"}

    def cells(r: LocationRow) -> tuple[str, str]:
        if r.kind == "guidance" and r.sign_id in guidance:
            return _guidance_cells(plan, guidance, r, lang)
        return r.element, r.subtext

    body = tuple(
        (r.sign_id, r.code, kind_label(lang, r.kind),
         building_label(buildings, r.building), r.storey, r.side, element,
         format_size(r.width_mm, r.height_mm, lang),
         format_number(r.mount_height_m, lang, decimals=1) if r.mount_height_m is not None
         else "",
         second)
        for r in location_rows(plan) for element, second in (cells(r),))
    return _Table("locations_title", cols, body, None, (word(lang, "locations_note"),))


def schedule_pages(plan: Plan, profile: Profile) -> list[Page]:
    """The schedule and the installation list as A4 landscape pages (297 x 210 mm).

    First the schedule table (position, kind, text examples, size, material, colours as
    RAL codes with a legend, placement, quantity, unit price, line total), a bold total row
    with the number of signs and the sum in the profile's currency, and notes on colours and
    prices; then the installation list (sign id, code, kind, building, storey, side, element,
    size, mounting height, second line) on the following pages. Tables repeat their header
    row on every page; every page carries the site, profile, plan version and ``page n/m``.
    Numbers are right-aligned with the language's separators; alternate rows are tinted.
    """
    lang = plan_language(plan, profile)
    pw, ph = A4_LANDSCAPE
    parts = (_table_pages(_schedule_table(plan, profile, lang), pw, ph)
             + _table_pages(_location_table(plan, profile, lang), pw, ph))
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
