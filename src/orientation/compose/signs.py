"""Signs as print-ready scenes.

:func:`sign_page` draws one :class:`~orientation.plan.Sign` at true size (mm) as a
:class:`~orientation.render.scene.Page`; :func:`sign_pages` does the whole plan in plan order.
The proof sheet for the approval walk is :mod:`orientation.compose.proof` (re-exported here as
:func:`proof_pages`).

The design follows the visual brief, every proportion from the profile's ``sizing`` in units
of the code's cap height ``h``:

* the **code dominates**: bold, centred, at the sign's cap height (``sign.cap_height_mm``);
  building letters fill ``BUILDING_LETTER_FILL`` (0.7) of their square panel;
* an optional **second line** (``sign.subtext``: "Eingang", a landmark name) in the regular
  weight at ``second_line`` × ``h``, a gap of ``line_gap`` × ``h`` under the code; a stair
  sign's **storey** ("1. OG", the US floor number) bold at ``stair.storey`` × ``h`` under its
  code at ``stair.code`` × ``h``; a second line too long for the panel is first shrunk a
  little, then set in two lines, then shrunk to at most half and cut with "…";
* the block is the one :func:`orientation.layout.sizing.text_block` measured to size the
  panel (one model of the panel for layout and drawing), its lines as tall as their ink
  (ascenders, accents and descenders count), centred with at least ``margin`` × ``h`` on
  every side and never less than :data:`SAFE_MM` (5 mm) from the trim;
* a thin **keyline** ``keyline`` × ``h`` inside the trim (at least :data:`SAFE_MM`),
  ``KEYLINE_WIDTH`` × ``h`` wide, where the profile sets one (> 0) and the panel leaves
  clear room between it and the text; building letters stand alone without one;
* a **guidance sign** (kind ``guidance``) has a solid arrow, drawn as a vector path
  (:mod:`orientation.compose.arrows`), beside its text in the room the block keeps for it
  (:class:`~orientation.layout.sizing.BlockArrow`: as tall as the code's cap height, on the
  code line, left of the text when it points left, right of it otherwise, ``ahead`` an up
  arrow, ``back`` a down arrow); arrow and text are centred together;
* the printed background runs into the bleed; the **cut contour** is a path of its own, the
  rounded rectangle exactly at the trim (corner radius ``corner_radius`` × ``h``, at least
  :data:`MIN_CORNER_MM`), stroked in the spot colour ``CutContour`` (100 % magenta
  alternate, overprinting) inside a group named ``CutContour`` (:data:`CUT_CONTOUR`,
  :func:`cut_contour`), drawn last so that no artwork lies over it. The page names the
  profile's printing condition (``Page.output_intent``), so signs.pdf is a PDF/X-4 file.

A code that does not fit its panel is a layout bug (or a hand-edited plan) and raises
:class:`~orientation.errors.SignLayoutError` naming the sign and the sizes. Colours are the
inks of the profile's resolved style (``profile.resolved``); words follow the plan's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import fonts, words
from ..layout.sizing import (
    ARROWS,
    BUILDING_LETTER_FILL,
    LINE_PITCH,
    SAFE_MM,
    BlockLine,
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
    SignLayoutError,
    ellipsize,
    format_length,
    format_size,
    ink_color,
    kind_label,
    plan_language,
    sign_ink,
    sign_kind_label,
    word,
    wrap_lines,
)

CUT_CONTOUR = Color("#EC008C", (0.0, 1.0, 0.0, 0.0), "CutContour", spot="CutContour",
                    overprint=True)
"""The cut line's colour: the spot colour ``CutContour`` (100 % magenta as its alternate),
overprinting, as sign shops' cutting software expects it."""
CUT_LAYER = "CutContour"
"""The name of the cut contour's group (a layer in the SVG)."""
CUT_LINE_MM = 0.1
"""Stroke width of the cut line, in mm (a hairline; the cutter follows the path)."""
MIN_CORNER_MM = 4.0
"""The least corner radius of a sign, in mm (print shop convention)."""
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


def _subtext_lines(sign: Sign, sub: BlockLine, avail_w: float, avail_h: float
                   ) -> tuple[list[str], float]:
    """Lines and cap height of the second line within ``avail_w`` x ``avail_h`` mm (its ink
    included), from its measured size and width: as measured when it fits (the panel holds
    the block), else shrunk a little, set in two lines, or shrunk to half and cut with "…"."""
    text, nominal_cap, size, w1, weight = sub.text, sub.cap_mm, sub.size_mm, sub.width_mm, sub.weight
    ink = (sub.top_mm + sub.below_mm) / nominal_cap
    f1 = min(1.0, avail_w / w1 if w1 else 1.0, avail_h / (nominal_cap * ink))
    if f1 >= SUBTEXT_ONE_LINE_FACTOR:
        return [text], nominal_cap * f1
    lines = wrap_lines(text, 2, size_mm=size, weight=weight)  # type: ignore[arg-type]
    f2 = 0.0
    if len(lines) == 2:
        w2 = max(_width(s, size, weight) for s in lines)
        f2 = min(1.0, avail_w / w2, avail_h / (nominal_cap * (ink + LINE_PITCH)))
    if max(f1, f2) >= SUBTEXT_MIN_FACTOR:
        return ([text], nominal_cap * f1) if f1 >= f2 else (lines, nominal_cap * f2)
    cap = min(SUBTEXT_MIN_FACTOR * nominal_cap, avail_h / ink)
    if cap < 2.0:
        raise SignLayoutError(
            f"{_where(sign)}: no room for the second line {text!r} (only {avail_h:.1f} mm "
            "left under the code); the layout must choose a taller panel", element=sign.id)
    size = fonts.font_size_for_cap_height(cap, weight)  # type: ignore[arg-type]
    return [ellipsize(text, avail_w, size_mm=size, weight=weight)], cap  # type: ignore[arg-type]


def _lines(sign: Sign, block: TextBlock) -> tuple[list[_Line], float, float]:
    """Lay the measured text block into the sign's panel: the lines, the code's cap height
    and the margin used (mm). Every line takes the height of its ink (cap line or
    ascenders, baseline or descenders), so the margins hold from what is printed."""
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
    c = block.code
    cap = c.cap_mm
    code = _code_lines(sign, cap, avail_w, avail_h, code_w)
    code_h = c.top_mm + LINE_PITCH * cap * (len(code) - 1)  # to the last code baseline
    sub: list[str] = []
    sub_cap = 0.0
    gap = block.gap_mm
    s_top = s_below = 0.0
    if block.sub is not None:
        room = avail_h - code_h - gap
        if room <= 0:
            raise SignLayoutError(
                f"{_where(sign)}: no room for the second line {sign.subtext!r} under the "
                "code; the layout must choose a taller panel", element=sign.id)
        sub, sub_cap = _subtext_lines(sign, block.sub, avail_w, room)
        k = sub_cap / block.sub.cap_mm
        s_top, s_below = block.sub.top_mm * k, block.sub.below_mm * k
    if sub:
        block_h = code_h + gap + s_top + LINE_PITCH * sub_cap * (len(sub) - 1) + s_below
    else:
        block_h = code_h + c.below_mm
    top = (H - block_h) / 2
    first = top + c.top_mm
    out = [_Line(t, first + i * LINE_PITCH * cap, c.size_mm, "bold") for i, t in enumerate(code)]
    if sub:
        weight = block.sub.weight if block.sub is not None else "regular"
        sub_size = fonts.font_size_for_cap_height(sub_cap, weight)  # type: ignore[arg-type]
        y0 = top + code_h + gap + s_top
        out += [_Line(t, y0 + i * LINE_PITCH * sub_cap, sub_size, weight)
                for i, t in enumerate(sub)]
    return out, cap, margin


def _design(sign: Sign, profile: Profile) -> _Design:
    """The sign's artwork; cached by value (the sign, the drawing rules and its two inks),
    as every sign is drawn twice (its page and the proof)."""
    st = profile.resolved
    return _cached_design(sign, st.rules, sign_ink(st, sign, "background"),
                          sign_ink(st, sign, "foreground"))


def design_items(sign: Sign, profile: Profile) -> tuple[Color, tuple[Item, ...], float]:
    """A sign's artwork for a miniature: its background colour, the items inside the trim
    (no background, no cut line) and its corner radius in mm."""
    d = _design(sign, profile)
    return d.background, d.items, d.corner_radius_mm


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
    radius = corner_radius_mm(rules, max(cap, sign.cap_height_mm), W, H)
    return _Design(bg, fg, bg_ink, fg_ink, tuple(items), cap, radius, keyline)


def corner_radius_mm(rules: SignRules, cap_mm: float, width_mm: float, height_mm: float
                     ) -> float:
    """A sign's corner radius: ``corner_radius`` x its cap height, at least
    :data:`MIN_CORNER_MM`, at most a quarter of its shorter side.

    >>> from orientation.profiles import load_profile
    >>> corner_radius_mm(load_profile().resolved.rules, 150.0, 800, 400)
    12.0
    """
    return round(min(max(rules.corner_radius * cap_mm, MIN_CORNER_MM),
                     min(width_mm, height_mm) / 4), 3)


def cut_contour(width_mm: float, height_mm: float, radius_mm: float) -> Group:
    """The cut line of a sign: the rounded rectangle exactly at the trim, stroked in
    :data:`CUT_CONTOUR`, in a group of its own named :data:`CUT_LAYER`."""
    return Group((Rect(0.0, 0.0, width_mm, height_mm, stroke=Stroke(CUT_CONTOUR, CUT_LINE_MM),
                       radius_mm=radius_mm),), layer=CUT_LAYER)


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
    the second line (bold for a stair's storey), centred; the cut contour (:func:`cut_contour`)
    is the last item. ``Page.output_intent`` is the profile's printing condition. ``Page.name`` is the sign id, ``Page.title`` e.g.
    ``E1 – Eingang (main/d-main)``; ``Page.meta`` records the colours with their RAL names, the
    material and the cut contour (rounded corners). ``crop_marks`` asks the PDF backend for
    crop marks. ``language``: the words of the title and the colour names (``de``/``en``),
    the plan's language (:func:`sign_pages` passes it); the profile's when not given.

    Raises :class:`~orientation.errors.SignLayoutError` when the code does not fit.
    """
    d = _design(sign, profile)
    b = max(bleed_mm, 0.0)
    W, H = sign.width_mm, sign.height_mm
    items: tuple[Item, ...] = (Rect(-b, -b, W + 2 * b, H + 2 * b, fill=d.background), *d.items,
                               cut_contour(W, H, d.corner_radius_mm))
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
                crop_marks=crop_marks, meta=meta, output_intent=profile.output_intent)


def sign_pages(plan: Plan, profile: Profile, *, crop_marks: bool = False) -> list[Page]:
    """Every sign of the plan as a :func:`sign_page` (3 mm bleed), in plan order, in the
    plan's language."""
    lang = plan_language(plan, profile)
    return [sign_page(s, profile, crop_marks=crop_marks, language=lang) for s in plan.signs]


from .proof import proof_pages  # noqa: E402 - the proof draws these signs' designs

__all__ = [
    "BUILDING_LETTER_FILL",
    "CUT_CONTOUR",
    "CUT_LAYER",
    "CUT_LINE_MM",
    "MIN_CORNER_MM",
    "SAFE_MM",
    "corner_radius_mm",
    "cut_contour",
    "design_items",
    "proof_pages",
    "sign_block",
    "sign_page",
    "sign_pages",
]
