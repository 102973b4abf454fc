"""Signs as print-ready scenes, and the proof sheet for the approval walk.

:func:`sign_page` draws one :class:`~orientation.plan.Sign` at true size (mm) as a
:class:`~orientation.render.scene.Page`; :func:`sign_pages` does the whole plan in plan order;
:func:`proof_pages` shows every sign small on A4 portrait pages with its code, kind, size and
location, for the approval with police and fire service.

The design follows the visual brief, every proportion from the profile's ``sizing`` in units
of the code's cap height ``h``:

* the **code dominates**: bold, centred, at the sign's cap height (``sign.cap_height_mm``);
  building letters fill ``BUILDING_LETTER_FILL`` (0.7) of their square panel;
* an optional **second line** (``sign.subtext``: "Eingang", the storey "1. OG", a landmark
  name, the address on a name board) in the regular weight at ``second_line`` × ``h``, a gap
  of ``line_gap`` × ``h`` under the code; a second line too long for the panel is first shrunk
  a little, then set in two lines, then shrunk to at most half and cut with "…";
* the code-and-second-line block is the one :func:`orientation.layout.sizing.text_block`
  measured to size the panel (one model of the panel for layout and drawing), centred with
  at least ``margin`` × ``h`` on every side and never less than :data:`SAFE_MM` (5 mm) from
  the trim;
* a thin **keyline** ``keyline`` × ``h`` inside the trim (at least :data:`SAFE_MM`),
  ``KEYLINE_WIDTH`` × ``h`` wide, where the profile sets one (> 0) and the panel leaves
  clear room between it and the text; building letters stand alone without one;
* a **guidance sign** (kind ``guidance``) has a solid arrow, drawn as a vector path
  (:mod:`orientation.compose.arrows`), beside its text in the room the block keeps for it
  (:class:`~orientation.layout.sizing.BlockArrow`: as tall as the code's cap height, on the
  code line, left of the text when it points left, right of it otherwise, ``ahead`` an up
  arrow, ``back`` a down arrow); arrow and text are centred together;
* the printed background is a rectangle running into the bleed; the rounded corners
  (``corner_radius`` × ``h``) are recorded in ``Page.meta`` as the cut contour, and drawn on
  the proof.

A code that does not fit its panel is a layout bug (or a hand-edited plan) and raises
:class:`~orientation.errors.SignLayoutError` naming the sign and the sizes. Colours are the
inks of the profile's resolved style (``profile.resolved``); words follow the plan's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .. import fonts, words
from ..layout.sizing import (
    ARROWS,
    BUILDING_LETTER_FILL,
    LINE_PITCH,
    SAFE_MM,
    TextBlock,
    building_letter,
    text_block,
)
from ..plan import Plan, Sign
from ..profiles import Profile
from ..render.scene import Color, Group, Item, Page, Path, Rect, Stroke, Text
from ..style import Ink, SignRules
from .arrows import sign_arrow
from .common import (
    A4_PORTRAIT,
    GREY,
    INK,
    RULE,
    Buildings,
    SignLayoutError,
    building_label,
    buildings_by_id,
    ellipsize,
    format_length,
    format_size,
    hrule,
    ink_color,
    kind_label,
    plan_language,
    plan_stamp,
    scale_items,
    sign_ink,
    sign_kind_label,
    storey_name,
    word,
    wrap_lines,
)
from .common import text as ptext

KEYLINE_WIDTH = 0.02
"""Stroke width of the keyline, in units of the code's cap height (at least 0.5 mm)."""
KEYLINE_CLEARANCE = 0.15
"""Least free space between the keyline and the text, in units of the code's cap height."""
_META_LANG = "en"
"""The language of ``Page.meta``'s values for the print shop (the cut contour, the sizes), as
``plan.json`` and ``material`` are English; the title and the colour names follow the plan's
language."""
SUBTEXT_MIN_FACTOR = 0.5
"""The second line is never set smaller than this fraction of its nominal size."""
SUBTEXT_ONE_LINE_FACTOR = 0.8
"""A second line shrunk to at least this fraction stays on one line; below, it may wrap."""


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    baseline: float  # y of the baseline, mm from the top trim
    size_mm: float  # font size (em)
    weight: str


@dataclass(frozen=True, slots=True)
class _Design:
    """A sign's artwork inside the trim (no background), and the numbers behind it."""

    background: Color
    foreground: Color
    background_ink: Ink
    foreground_ink: Ink
    items: tuple[Item, ...]
    code_cap_mm: float
    corner_radius_mm: float
    keyline: bool


def _width(text: str, size_mm: float, weight: str) -> float:
    return fonts.text_width_mm(text, size_mm=size_mm, weight=weight)  # type: ignore[arg-type]


def _where(sign: Sign) -> str:
    return f"sign {sign.id} ({sign.kind} {sign.text!r}, marking {sign.marking})"


def _code_lines(sign: Sign, cap: float, avail_w: float, avail_h: float,
                width: float | None = None) -> list[str]:
    """The code on one line, or a name board's name on two; raises when it cannot fit.
    ``width``: the code's width at ``cap`` where it is measured already."""
    size = fonts.font_size_for_cap_height(cap)
    w = _width(sign.text, size, "bold") if width is None else width
    if w <= avail_w + 0.05 and cap <= avail_h + 0.05:
        return [sign.text]
    if sign.kind == "name":
        lines = wrap_lines(sign.text, 2, size_mm=size, weight="bold")
        lw = max(_width(s, size, "bold") for s in lines)
        lh = cap * (1 + LINE_PITCH * (len(lines) - 1))
        if len(lines) > 1 and lw <= avail_w + 0.05 and lh <= avail_h + 0.05:
            return lines
    raise SignLayoutError(
        f"{_where(sign)}: the text is {w:.0f} mm wide at {cap:.0f} mm cap height, but the "
        f"{format_length(sign.width_mm, 'en')} x {format_length(sign.height_mm, 'en')} mm panel "
        f"leaves {avail_w:.0f} x {avail_h:.0f} mm inside its margins; the layout must choose a "
        "larger panel (re-run the plan; check sizes edited by hand)", element=sign.id)


def _subtext_lines(sign: Sign, text: str, nominal_cap: float, size: float, w1: float,
                   avail_w: float, avail_h: float) -> tuple[list[str], float]:
    """Lines and cap height of the second line within ``avail_w`` x ``avail_h`` mm, from its
    measured font size and width at ``nominal_cap``: as measured when it fits (the panel holds
    the block), else shrunk a little, set in two lines, or shrunk to half and cut with "…"."""
    f1 = min(1.0, avail_w / w1 if w1 else 1.0, avail_h / nominal_cap)
    if f1 >= SUBTEXT_ONE_LINE_FACTOR:
        return [text], nominal_cap * f1
    lines = wrap_lines(text, 2, size_mm=size, weight="regular")
    f2 = 0.0
    if len(lines) == 2:
        w2 = max(_width(s, size, "regular") for s in lines)
        f2 = min(1.0, avail_w / w2, avail_h / (nominal_cap * (1 + LINE_PITCH)))
    if max(f1, f2) >= SUBTEXT_MIN_FACTOR:
        return ([text], nominal_cap * f1) if f1 >= f2 else (lines, nominal_cap * f2)
    cap = min(SUBTEXT_MIN_FACTOR * nominal_cap, avail_h)
    if cap < 2.0:
        raise SignLayoutError(
            f"{_where(sign)}: no room for the second line {text!r} (only {avail_h:.1f} mm "
            "left under the code); the layout must choose a taller panel", element=sign.id)
    size = fonts.font_size_for_cap_height(cap, "regular")
    return [ellipsize(text, avail_w, size_mm=size, weight="regular")], cap


def _lines(sign: Sign, block: TextBlock) -> tuple[list[_Line], float, float]:
    """Lay the measured text block into the sign's panel: the lines, the code's cap height
    and the margin used (mm)."""
    W, H = sign.width_mm, sign.height_mm
    h = sign.cap_height_mm
    if h <= 0 or W <= 0 or H <= 0:
        raise SignLayoutError(f"{_where(sign)}: size {W} x {H} mm with cap height {h} mm; "
                              "all must be positive", element=sign.id)
    code_w = block.code.width_mm
    if block.letter:
        cap, side = building_letter(sign.text, h, W, H)
        avail_h = H - 2 * SAFE_MM
        _code_lines(sign, cap, W - 2 * side, avail_h)  # raises when even h does not fit
        size = fonts.font_size_for_cap_height(cap)
        return [_Line(sign.text, (H + cap) / 2, size, "bold")], cap, (H - cap) / 2

    margin = block.margin_mm
    avail_w, avail_h = W - 2 * margin, H - 2 * margin
    if block.arrow is not None:  # the arrow and its gap stand beside the text
        avail_w -= block.arrow_room_mm
    code = _code_lines(sign, h, avail_w, avail_h, code_w)
    code_size = block.code.size_mm
    code_h = h * (1 + LINE_PITCH * (len(code) - 1))
    sub: list[str] = []
    sub_cap = 0.0
    gap = block.gap_mm
    if block.sub is not None:
        room = avail_h - code_h - gap
        if room <= 0:
            raise SignLayoutError(
                f"{_where(sign)}: no room for the second line {sign.subtext!r} under the "
                "code; the layout must choose a taller panel", element=sign.id)
        sub, sub_cap = _subtext_lines(sign, block.sub.text, block.sub.cap_mm, block.sub.size_mm,
                                      block.sub.width_mm, avail_w, room)
    sub_h = sub_cap * (1 + LINE_PITCH * (len(sub) - 1)) if sub else 0.0
    block_h = code_h + (gap + sub_h if sub else 0.0)
    top = (H - block_h) / 2
    out = [_Line(t, top + h + i * LINE_PITCH * h, code_size, "bold") for i, t in enumerate(code)]
    if sub:
        sub_size = fonts.font_size_for_cap_height(sub_cap, "regular")
        y0 = top + code_h + gap + sub_cap
        out += [_Line(t, y0 + i * LINE_PITCH * sub_cap, sub_size, "regular")
                for i, t in enumerate(sub)]
    return out, h, margin


def _design(sign: Sign, profile: Profile) -> _Design:
    """The sign's artwork; cached by value (the sign, the drawing rules and its two inks),
    as every sign is drawn twice (its page and the proof)."""
    st = profile.resolved
    return _cached_design(sign, st.rules, sign_ink(st, sign, "background"),
                          sign_ink(st, sign, "foreground"))


def sign_block(sign: Sign, profile: Profile) -> TextBlock:
    """The sign's text block as the layout measured it to size the panel
    (:func:`orientation.layout.sizing.text_block`)."""
    return text_block(profile.resolved.rules, sign.kind, sign.text, sign.subtext,
                      sign.cap_height_mm, arrow=sign.arrow)


def _with_arrow(sign: Sign, block: TextBlock, lines: list[_Line], cap: float
                ) -> tuple[tuple[tuple[float, float], ...], float]:
    """A guidance sign's arrow beside its laid-out text: the arrow's outline and the x of
    the text's centre line, arrow and text centred together in the panel."""
    arrow = block.arrow
    assert arrow is not None
    if arrow.points not in ARROWS:
        raise SignLayoutError(
            f"{_where(sign)}: a guidance sign needs its arrow, one of {', '.join(ARROWS)}; "
            f"it has {sign.arrow!r} (re-run the plan; check arrows edited by hand)",
            element=sign.id)
    W = sign.width_mm
    text_w = max(_width(ln.text, ln.size_mm, ln.weight) for ln in lines)
    left = (W - text_w - block.arrow_room_mm) / 2
    if arrow.side == "left":
        arrow_x, centre = left, left + block.arrow_room_mm + text_w / 2
    else:
        arrow_x, centre = left + text_w + arrow.gap_mm, left + text_w / 2
    top = lines[0].baseline - cap  # the code line's cap height
    return sign_arrow(arrow_x, top, arrow.width_mm, arrow.points), centre


@lru_cache(maxsize=1 << 15)
def _cached_design(sign: Sign, rules: SignRules, bg_ink: Ink, fg_ink: Ink) -> _Design:
    W, H = sign.width_mm, sign.height_mm
    bg, fg = ink_color(bg_ink), ink_color(fg_ink)
    block = text_block(rules, sign.kind, sign.text, sign.subtext, sign.cap_height_mm,
                       arrow=sign.arrow)
    lines, cap, margin = _lines(sign, block)
    items: list[Item] = []
    centre = W / 2
    arrow = None
    if block.arrow is not None:
        arrow, centre = _with_arrow(sign, block, lines, cap)
    keyline = False
    # building letters stand alone on their square: no keyline, so every letter of a site
    # looks alike whatever its width
    if rules.keyline > 0 and not block.letter:
        width = max(KEYLINE_WIDTH * cap, 0.5)
        # the stroke's centre line; its outer edge stays SAFE_MM clear of the trim
        inset = max(rules.keyline * cap, SAFE_MM + width / 2)
        # the keyline only where it keeps clear of the text
        clearance = margin - (inset + width / 2)
        if clearance >= max(KEYLINE_CLEARANCE * cap, 3.0) and 2 * (inset + width) < min(W, H):
            r = max(rules.corner_radius * cap - inset / 2, rules.corner_radius * cap / 2)
            items.append(Rect(inset, inset, W - 2 * inset, H - 2 * inset,
                              stroke=Stroke(fg, width), radius_mm=r))
            keyline = True
    for ln in lines:
        items.append(Text(centre, ln.baseline, ln.text, ln.size_mm, fg,
                          weight=ln.weight, anchor="middle"))  # type: ignore[arg-type]
    if arrow is not None:
        items.append(Path((arrow,), fill=fg))
    return _Design(bg, fg, bg_ink, fg_ink, tuple(items), cap, rules.corner_radius * cap, keyline)


def _title(sign: Sign, language: str) -> str:
    if sign.kind == "guidance":  # T2 – Treppe · Wegweiser rechts (main/g-1)
        what = " · ".join(p for p in (sign.subtext, sign_kind_label(language, sign)) if p)
        return f"{sign.text} – {what} ({sign.marking})"
    second = sign.subtext or kind_label(language, sign.kind)
    return f"{sign.text} – {second} ({sign.marking})"


def sign_page(sign: Sign, profile: Profile, *, bleed_mm: float = 3.0,
              crop_marks: bool = False, language: str | None = None) -> Page:
    """One sign at true size: a page of ``sign.width_mm`` x ``sign.height_mm`` mm.

    The background (the sign's ink from the profile's resolved style, with its CMYK) runs
    ``bleed_mm`` into the bleed on every side; the text is bold for the code and regular for
    the second line, centred. ``Page.name`` is the sign id, ``Page.title`` e.g.
    ``E1 – Eingang (main/d-main)``; ``Page.meta`` records the colours with their RAL names, the
    material and the cut contour (rounded corners). ``crop_marks`` asks the PDF backend for
    crop marks. ``language``: the words of the title and the colour names (``de``/``en``),
    the plan's language (:func:`sign_pages` passes it); the profile's when not given.

    Raises :class:`~orientation.errors.SignLayoutError` when the code does not fit.
    """
    d = _design(sign, profile)
    b = max(bleed_mm, 0.0)
    W, H = sign.width_mm, sign.height_mm
    items: tuple[Item, ...] = (Rect(-b, -b, W + 2 * b, H + 2 * b, fill=d.background), *d.items)
    lang = language or profile.language
    meta: tuple[tuple[str, str], ...] = (
        ("sign", sign.id),
        ("marking", sign.marking),
        ("kind", sign.kind),
        ("code", sign.text),
        ("background", d.background.name or d.background.hex),
        ("foreground", d.foreground.name or d.foreground.hex),
        ("material", sign.material),
        ("cap_height_mm", format_length(d.code_cap_mm, _META_LANG)),
        ("cut", words.text("compose.cut", _META_LANG, size=format_size(W, H, _META_LANG),
                           radius=format_length(d.corner_radius_mm, _META_LANG))),
        ("colors", f"{d.foreground_ink.name(lang)} {word(lang, 'on')} "
                   f"{d.background_ink.name(lang)}"),
    )
    if sign.kind == "guidance" and sign.arrow:
        meta += (("arrow", sign.arrow),)
    return Page(W, H, items, bleed_mm=b, name=sign.id, title=_title(sign, lang),
                crop_marks=crop_marks, meta=meta)


def sign_pages(plan: Plan, profile: Profile, *, crop_marks: bool = False) -> list[Page]:
    """Every sign of the plan as a :func:`sign_page` (3 mm bleed), in plan order, in the
    plan's language."""
    lang = plan_language(plan, profile)
    return [sign_page(s, profile, crop_marks=crop_marks, language=lang) for s in plan.signs]


# --- proof -------------------------------------------------------------------------------

PROOF_MARGIN_MM = 12.0
PROOF_COLUMNS = 3
PROOF_GUTTER_MM = 6.0
PROOF_PICTURE_MM = 26.0
"""Height of the picture box of a proof cell, in mm."""
PROOF_LABEL_PITCH_MM = 4.3
PROOF_ROW_MM = 50.0
"""Height of one proof row (picture, three label lines and the space to the next row), mm."""
PROOF_HEADER_MM = 20.0
PROOF_APPROVAL_MM = 50.0
PROOF_WIDE = 4.0
"""Signs at least this many times wider than tall take a whole proof row."""


def _location(buildings: Buildings, sign: Sign, lang: str) -> str:
    """``A Hauptgebäude · EG · Seite A``; the same for every sign of a place (see
    :func:`proof_pages`, which asks once per place)."""
    parts = [building_label(buildings, sign.building)]
    storey = storey_name(buildings, sign.building, sign.level)
    if storey and sign.kind != "name":
        parts.append(storey)
    if sign.side:
        parts.append(f"{word(lang, 'side')} {sign.side}")
    return " · ".join(p for p in parts if p)


def _scale_label(k: float) -> str:
    """The drawing scale of a miniature, ``1:14``."""
    return f"1:{round(1 / k):d}" if k > 0 else ""


def _miniature(sign: Sign, profile: Profile, x: float, y: float, w: float, h: float
               ) -> tuple[tuple[Item, ...], float]:
    """The sign scaled into the box (x, y, w, h), centred across and standing on the box's
    bottom edge (next to its label); its cut shape drawn."""
    d = _design(sign, profile)
    k = min(w / sign.width_mm, h / sign.height_mm)
    sw, sh = sign.width_mm * k, sign.height_mm * k
    ox, oy = x + (w - sw) / 2, y + h - sh
    r = min(d.corner_radius_mm * k, sw / 2, sh / 2)
    shape = Rect(ox, oy, sw, sh, fill=d.background, stroke=Stroke(RULE, 0.15), radius_mm=r)
    art = Group(scale_items(d.items, k, dx=ox, dy=oy), clip=(ox, oy, sw, sh))
    return (shape, art), k


def _cell(plan: Plan, profile: Profile, sign: Sign, x: float, y: float, w: float, lang: str,
          inches: bool, location: str) -> list[Item]:
    pic, k = _miniature(sign, profile, x, y, w, PROOF_PICTURE_MM)
    items: list[Item] = list(pic)
    ly = y + PROOF_PICTURE_MM + 5.0
    p = PROOF_LABEL_PITCH_MM
    idw = fonts.text_width_mm(sign.id, size_mm=3.0, weight="regular") + 2.0
    items.append(ptext(x, ly, sign.text, 4.2, weight="bold", max_width_mm=w - idw))
    items.append(ptext(x + w, ly, sign.id, 3.0, fill=GREY, anchor="end"))
    scale = _scale_label(k)
    sw = fonts.text_width_mm(scale, size_mm=3.0, weight="regular") + 2.0
    items.append(ptext(x, ly + p, sign_kind_label(lang, sign), 3.2, max_width_mm=w - sw))
    items.append(ptext(x + w, ly + p, scale, 3.0, fill=GREY, anchor="end"))
    size = format_size(sign.width_mm, sign.height_mm, lang, inches=inches, unit=True)
    items.append(ptext(x, ly + 2 * p, size, 3.2, max_width_mm=w))
    items.append(ptext(x, ly + 3 * p, location, 3.2, max_width_mm=w))
    return items


def _proof_rows(signs: Sequence[Sign]) -> list[list[Sign]]:
    rows: list[list[Sign]] = []
    row: list[Sign] = []
    for s in signs:
        if s.width_mm >= PROOF_WIDE * s.height_mm:
            if row:
                rows.append(row)
                row = []
            rows.append([s])
            continue
        row.append(s)
        if len(row) == PROOF_COLUMNS:
            rows.append(row)
            row = []
    if row:
        rows.append(row)
    return rows


def _proof_header(plan: Plan, profile: Profile, lang: str, n: int, m: int) -> list[Item]:
    pw, _ = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    y = PROOF_MARGIN_MM + 4.5
    page = f"{word(lang, 'page')} {n}/{m}"
    items: list[Item] = [
        ptext(x0, y, f"{word(lang, 'proof_title')} – {plan.site_name}", 5.0, weight="bold",
              max_width_mm=x1 - x0 - 25),
        ptext(x1, y, page, 3.4, anchor="end"),
    ]
    sub = [plan.site_address or "",
           f"{word(lang, 'profile')}: {profile.resolved.short_title}",
           plan_stamp(plan, lang),
           f"{len(plan.signs)} {word(lang, 'signs_count')}"]
    items.append(ptext(x0, y + 5.5, " · ".join(p for p in sub if p), 3.2, fill=GREY,
                       max_width_mm=x1 - x0))
    items.append(hrule(x0, x1, PROOF_MARGIN_MM + PROOF_HEADER_MM - 6.0, width_mm=0.3,
                       color=INK))
    return items


def _approval(lang: str, y: float) -> list[Item]:
    pw, _ = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    items: list[Item] = [
        ptext(x0, y + 5.0, word(lang, "approval"), 4.6, weight="bold", max_width_mm=x1 - x0),
    ]
    note = [word(lang, "approval_note")]
    if fonts.text_width_mm(note[0], size_mm=3.4, weight="regular") > x1 - x0:
        note = wrap_lines(note[0], 2, size_mm=3.4, weight="regular")
    for i, ln in enumerate(note):
        items.append(ptext(x0, y + 10.5 + i * 4.6, ln, 3.4, max_width_mm=x1 - x0))
    gap = 8.0
    fw = (x1 - x0 - 2 * gap) / 3
    line_y = y + 31.0
    for i, key in enumerate(("sign_police", "sign_fire", "sign_owner")):
        fx = x0 + i * (fw + gap)
        items.append(hrule(fx, fx + fw, line_y, width_mm=0.3, color=INK))
        items.append(ptext(fx, line_y + 4.2, word(lang, key), 3.4, weight="bold",
                           max_width_mm=fw))
        items.append(ptext(fx, line_y + 8.2, word(lang, "signature"), 3.0, fill=GREY,
                           max_width_mm=fw))
    items.append(hrule(x0, x1, y + PROOF_APPROVAL_MM - 5.0, width_mm=0.3, color=INK))
    return items


def proof_pages(plan: Plan, profile: Profile) -> list[Page]:
    """Every sign small on A4 portrait pages (210 x 297 mm), for the approval walk.

    Three signs a row (signs at least :data:`PROOF_WIDE` times wider than tall, such as the
    name board, take a whole row), each drawn to scale in its colours and cut shape, standing
    on its label: code and sign id; kind and drawing scale; size in mm (and inches for inch
    profiles); location (building letter and name, storey, side). Every page has a header
    with the site, address, profile, plan date/version, the number of signs and ``page n/m``;
    the first page carries the approval purpose ("Freigabe mit Polizei und Feuerwehr" / "For
    approval by police and fire service") and signature lines for police, fire service and
    owner. Signs in plan order; words in the plan's language.
    """
    lang = plan_language(plan, profile)
    inches = profile.resolved.inches
    buildings = buildings_by_id(plan)
    pw, ph = A4_PORTRAIT
    x0, x1 = PROOF_MARGIN_MM, pw - PROOF_MARGIN_MM
    body_top = PROOF_MARGIN_MM + PROOF_HEADER_MM
    body_bottom = ph - PROOF_MARGIN_MM
    rows = _proof_rows(plan.signs)

    pages_rows: list[list[list[Sign]]] = []
    current: list[list[Sign]] = []
    top = body_top + PROOF_APPROVAL_MM
    y = top
    for row in rows:
        if y + PROOF_ROW_MM > body_bottom + 0.01 and current:
            pages_rows.append(current)
            current, y = [], body_top
        current.append(row)
        y += PROOF_ROW_MM
    pages_rows.append(current)

    m = len(pages_rows)
    cw = (x1 - x0 - (PROOF_COLUMNS - 1) * PROOF_GUTTER_MM) / PROOF_COLUMNS
    # the location line once per place: looking a building up in the plan takes a pass over
    # its buildings, too many for every sign of a large site
    places: dict[tuple[str, int | None, bool, str | None], str] = {}

    def location(sign: Sign) -> str:
        key = (sign.building, sign.level, sign.kind == "name", sign.side)
        if key not in places:
            places[key] = _location(buildings, sign, lang)
        return places[key]

    pages: list[Page] = []
    for n, prow in enumerate(pages_rows, start=1):
        items: list[Item] = _proof_header(plan, profile, lang, n, m)
        y = body_top
        if n == 1:
            items += _approval(lang, body_top - 2.0)
            y = body_top + PROOF_APPROVAL_MM
        for row in prow:
            if len(row) == 1 and row[0].width_mm >= PROOF_WIDE * row[0].height_mm:
                items += _cell(plan, profile, row[0], x0, y, x1 - x0, lang, inches,
                               location(row[0]))
            else:
                for i, sign in enumerate(row):
                    items += _cell(plan, profile, sign, x0 + i * (cw + PROOF_GUTTER_MM), y, cw,
                                   lang, inches, location(sign))
            y += PROOF_ROW_MM
        pages.append(Page(pw, ph, tuple(items), name=f"proof-{n}",
                          title=f"{word(lang, 'proof_title')} {n}/{m} – {plan.site_name}"))
    return pages


__all__ = [
    "BUILDING_LETTER_FILL",
    "SAFE_MM",
    "proof_pages",
    "sign_page",
    "sign_pages",
]
