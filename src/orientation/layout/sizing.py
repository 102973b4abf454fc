"""Sign sizes and contrast.

* Cap height from the reading distance: ``h = L / Z`` (``L`` in m gives ``h`` in m; DIN 4844-1,
  ASR A1.3), Z from the profile (exterior codes 150, interior 300); photoluminescent signs are
  sized for ``L / photoluminescent_factor`` (they lose about 35 % of their reading distance in
  the dark). Clamped to the profile's minimum; above its maximum the size is capped and the
  caller raises a finding.
* The sign's **text block** is measured once, here, by :func:`text_block`, for both the panel
  size (:func:`panel_size`) and the drawing (:mod:`orientation.compose.signs` lays the same
  block into the panel): the code in the bold face at ``h``, a second line in the regular face
  at ``second_line * h`` after a gap ``line_gap * h``, real glyph widths, margins
  ``max(margin * h, SAFE_MM)`` on every side. A building letter stands alone on a square
  panel of side ``h / BUILDING_LETTER_FILL`` with ``BUILDING_PANEL_MARGIN`` of the side free
  beside it (:func:`building_letter` then grows it on its panel).
* A **guidance sign** (kind ``guidance``: "T2 / Treppe", "113–115 / Räume", "Sekretariat")
  has an arrow beside its text: :data:`ARROW_WIDTH` × ``h`` wide and as tall as the code's
  cap height, :data:`ARROW_GAP` × ``h`` from the text, on the side it points to (Gütersloh
  practice): left of the text for ``left``, right of it for ``right``, ``ahead`` (an up
  arrow) and ``back`` (a down arrow). Every guidance sign has the arrow's room, whichever
  way it points (the panel's size does not depend on it).
* A **stair sign** shows its storey as prominently as its code: both lines bold, the code at
  ``stair.code`` x ``h`` and the storey at ``stair.storey`` x ``h`` (Gütersloh: "T2" at
  ``h`` over "1. OG" at 0.6 ``h``; US stair identification signs: "S1" at 3 in over the
  floor number at 5 in), with the stair's own margin ``stair.margin``.
* Every line's height is its **ink**: the cap height, or the ascenders and accents above it
  and the descenders below the baseline where a line has them ("Beispielstadt", "Eingang"),
  so the margins are full margins from what is printed.
* Panel size (:func:`panel_size`): the block with its margins, never narrower than tall,
  rounded up to the smallest format of the kind's series that holds it (name boards: up to
  50 mm). :func:`choose_format` is how the layout sizes a sign: the smallest format of the
  kind's series (no wider than the wall allows) whose code reads from the distance, the
  code then set as large as that format allows (:func:`fit_cap`, rounded down to
  ``cap_step_mm``), so that every sign of a format looks alike.
* Michelson contrast (DIN 32975) ``K = (L1 - L2) / (L1 + L2)`` of the relative luminances.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from .. import fonts
from ..profiles import Profile

#: Building letters sit on a square panel, the letter 0.7 of the panel height (visual brief).
BUILDING_LETTER_FILL = 0.7
#: Sizing a building letter's panel: at least this fraction of the panel side stays free on
#: each side of the letter at its nominal cap height.
BUILDING_PANEL_MARGIN = 0.15
#: Drawing a building letter: it grows up to :data:`BUILDING_LETTER_FILL` of the panel height
#: as long as this fraction of the panel height (at least :data:`SAFE_MM`) stays free beside it.
BUILDING_SIDE_MARGIN = 0.1
#: Nothing important closer than this to the trim, in mm (cutting tolerance).
SAFE_MM = 5.0
#: Baseline-to-baseline distance of wrapped lines, in units of their cap height.
LINE_PITCH = 1.6
#: A guidance sign's arrow: its width (and height) in units of the code's cap height, and the
#: gap between it and the text.
ARROW_WIDTH = 1.0
ARROW_GAP = 0.4
#: The ways a guidance sign's arrow points, as the person the sign faces sees it.
ARROWS = ("ahead", "left", "right", "back")
#: The sign kinds that carry an arrow beside their text.
ARROW_KINDS = frozenset({"guidance"})
_NUM = re.compile(r"-?\d+(?:\.\d+)?")


@lru_cache(maxsize=256)  # a profile has a handful of colours; every sign asks
def relative_luminance(hex_color: str) -> float:
    """sRGB relative luminance (0 black .. 1 white).

    >>> round(relative_luminance("#FFFFFF"), 3), round(relative_luminance("#000000"), 3)
    (1.0, 0.0)
    """
    h = hex_color.lstrip("#")
    out = 0.0
    for i, w in zip((0, 2, 4), (0.2126, 0.7152, 0.0722)):
        c = int(h[i : i + 2], 16) / 255
        c = c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        out += w * c
    return out


def michelson_contrast(a: str, b: str) -> float:
    """Michelson contrast of two sRGB colours, 0..1 (DIN 32975 asks K >= 0.7 for signs).

    >>> round(michelson_contrast("#FFFFFF", "#063971"), 2)
    0.92
    >>> michelson_contrast("#808080", "#808080")
    0.0
    """
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return 0.0 if hi + lo == 0 else round((hi - lo) / (hi + lo), 3)


@dataclass(frozen=True, slots=True)
class CapHeight:
    cap_mm: float
    needed_mm: float
    capped: bool


def cap_height(profile: Profile, kind: str, distance_m: float, *, exterior: bool,
               material: str) -> CapHeight:
    """Cap height (mm) for a sign kind read from ``distance_m``."""
    s = profile.sizing
    z = s.z_exterior if exterior else s.z_interior
    effective = distance_m / s.photoluminescent_factor if material == "photoluminescent" else distance_m
    needed = effective * 1000.0 / z
    lo = s.min_cap_mm.get(kind, 0.0)
    hi = s.max_cap_mm.get(kind, math.inf)
    cap = max(needed, lo)
    capped = cap > hi
    cap = min(cap, hi)
    return CapHeight(round(cap, 1), round(needed, 1), capped)


class BlockRules(Protocol):
    """What :func:`text_block` reads of the sizing rules (a profile's
    :class:`~orientation.profiles.Sizing` or a style's
    :class:`~orientation.style.SignRules`), in units of the code's cap height."""

    @property
    def margin(self) -> float: ...
    @property
    def second_line(self) -> float: ...
    @property
    def line_gap(self) -> float: ...


@dataclass(frozen=True, slots=True)
class BlockLine:
    """One line of a text block: its text, face, cap height and font size (em) in mm, its
    advance width in mm, and its ink above and below the baseline in mm (``above_mm`` the
    cap height unless ascenders or accents reach higher, ``below_mm`` the descenders, 0
    without; see :func:`ink_em`)."""

    text: str
    weight: str
    cap_mm: float
    size_mm: float
    width_mm: float
    above_mm: float = 0.0
    below_mm: float = 0.0

    @property
    def top_mm(self) -> float:
        """The ink above the baseline (at least the cap height)."""
        return max(self.cap_mm, self.above_mm)


#: Ink that reaches less than this share of the cap height past the cap line or below the
#: baseline is the overshoot of round glyphs, not an ascender or a descender.
INK_OVERSHOOT = 0.03


@lru_cache(maxsize=8192)
def ink_em(text: str, weight: str = "bold") -> tuple[float, float]:
    """The ink of a line above and below its baseline, in ems (both >= 0), from the glyph
    outlines' control points.

    >>> top, below = ink_em("E1")
    >>> round(top, 3), below
    (0.668, 0.0)
    >>> ink_em("p")[1] > 0.15
    True
    """
    top = bottom = 0.0
    for g in fonts.layout(text, weight=weight).glyphs:  # type: ignore[arg-type]
        ops = fonts.glyph_pdf_path(g.font_key, g.glyph)
        nums = [float(v) for v in _NUM.findall(ops)]
        if len(nums) < 2:
            continue
        upem = fonts.units_per_em(g.font_key)
        ys = nums[1::2]
        top = max(top, max(ys) / upem)
        bottom = max(bottom, -min(ys) / upem)
    return top, bottom


def _line(text: str, weight: str, cap: float) -> BlockLine:
    size = fonts.font_size_for_cap_height(cap, weight)  # type: ignore[arg-type]
    top_em, below_em = ink_em(text, weight)
    above, below = top_em * size, below_em * size
    return BlockLine(text, weight, cap, size,
                     fonts.text_width_mm(text, size_mm=size, weight=weight),  # type: ignore[arg-type]
                     above if above > cap * (1 + INK_OVERSHOOT) else cap,
                     below if below > cap * INK_OVERSHOOT else 0.0)


@dataclass(frozen=True, slots=True)
class BlockArrow:
    """A guidance sign's arrow in its text block: where it points (one of :data:`ARROWS`, or
    None where the sign does not say), the side of the text it stands on (``left`` or
    ``right``), its width and the gap to the text, in mm. It is as tall as the code's cap
    height and stands beside the code line."""

    points: str | None
    side: str
    width_mm: float
    gap_mm: float


@dataclass(frozen=True, slots=True)
class TextBlock:
    """A sign's text measured at its nominal sizes (mm), the one model of it for sizing and
    drawing.

    ``code`` is the code line (bold, at the sign's cap height), ``sub`` the second line
    (regular, at ``second_line`` x cap; ``None`` when there is none), ``gap_mm`` the space
    between them, ``margin_mm`` the least free space from the block to the trim on every side
    (``max(margin x cap, SAFE_MM)``). ``letter`` marks a building letter standing alone (no
    second line; its margins come from its square panel, see :func:`building_letter`).
    ``arrow``: a guidance sign's arrow beside the text (:class:`BlockArrow`), None for
    every other kind.
    """

    code: BlockLine
    sub: BlockLine | None
    gap_mm: float
    margin_mm: float
    letter: bool = False
    arrow: BlockArrow | None = None

    @property
    def text_width_mm(self) -> float:
        """The width of the text: its widest line."""
        return max(self.code.width_mm, self.sub.width_mm if self.sub else 0.0)

    @property
    def arrow_room_mm(self) -> float:
        """The width the arrow takes beside the text (the arrow and its gap), 0 without."""
        return self.arrow.width_mm + self.arrow.gap_mm if self.arrow else 0.0

    @property
    def width_mm(self) -> float:
        """The block's width: its widest line, and the arrow with its gap beside it."""
        return self.text_width_mm + self.arrow_room_mm

    @property
    def height_mm(self) -> float:
        """The block's height from the top of the code's ink (its cap line, or its
        ascenders) to the bottom of the last line's ink (its baseline, or its descenders);
        the gap runs from the code's baseline to the second line's cap line."""
        if self.sub is None:
            return self.code.top_mm + self.code.below_mm
        return self.code.top_mm + self.gap_mm + self.sub.top_mm + self.sub.below_mm

    @property
    def need_mm(self) -> tuple[float, float]:
        """The least panel (width, height) in mm that holds the block with its margins;
        never narrower than tall."""
        if self.letter:
            side = self.code.cap_mm / BUILDING_LETTER_FILL
            return (max(side, self.code.width_mm + 2 * BUILDING_PANEL_MARGIN * side), side)
        w = self.width_mm + 2 * self.margin_mm
        h = self.height_mm + 2 * self.margin_mm
        return (max(w, h), h)


def text_block(sizing: BlockRules, kind: str, text: str, subtext: str, cap_mm: float, *,
               arrow: str | None = None) -> TextBlock:
    """Measure a sign's text block (see :class:`TextBlock`): ``text`` in the bold face at
    ``cap_mm``, ``subtext`` (stripped; none when empty or ``second_line`` is 0) in the
    regular face at ``sizing.second_line * cap_mm``; a stair sign's code and storey both
    bold at their own shares of ``cap_mm`` (``sizing.stair``, when the rules have it); for a
    guidance sign the arrow beside it (:class:`BlockArrow`), on the side ``arrow`` points to
    (``left``: left of the text; ``right``, ``ahead``, ``back`` and none given: right of it).

    >>> from orientation.profiles import load_profile
    >>> b = text_block(load_profile().sizing, "entrance", "E1", "", 150.0)
    >>> b.code.cap_mm, b.margin_mm, b.sub is None
    (150.0, 75.0, True)
    >>> t = text_block(load_profile().sizing, "stair", "T2", "1. OG", 100.0)
    >>> t.code.weight, t.sub.weight, t.sub.cap_mm
    ('bold', 'bold', 60.0)
    """
    sub_text = subtext.strip()
    stair = getattr(sizing, "stair", None) if kind == "stair" else None
    code_cap = cap_mm * stair.code if stair is not None else cap_mm
    code = _line(text, "bold", code_cap)
    if kind == "building" and not sub_text:
        return TextBlock(code, None, 0.0, 0.0, letter=True)
    sub = None
    if stair is not None and sub_text:
        sub = _line(sub_text, "bold", stair.storey * cap_mm)
    elif sub_text and sizing.second_line > 0:
        sub = _line(sub_text, "regular", sizing.second_line * cap_mm)
    pointer = None
    if kind in ARROW_KINDS:
        pointer = BlockArrow(arrow if arrow in ARROWS else None,
                             "left" if arrow == "left" else "right", ARROW_WIDTH * cap_mm,
                             ARROW_GAP * cap_mm)
    margin = margin_of(sizing, kind)
    return TextBlock(code, sub, sizing.line_gap * cap_mm, max(margin * cap_mm, SAFE_MM),
                     arrow=pointer)


def margin_of(sizing: BlockRules, kind: str) -> float:
    """A kind's margin in units of the cap height: the rules' own per kind where they have
    them (:meth:`orientation.profiles.Sizing.margin_of`), else ``margin``."""
    own = getattr(sizing, "margin_of", None)
    return float(own(kind)) if own is not None else sizing.margin


def building_letter(text: str, cap_mm: float, width_mm: float, height_mm: float
                    ) -> tuple[float, float]:
    """A building letter on its panel: ``(cap, side)`` in mm, the letter's cap height grown
    from ``cap_mm`` up to :data:`BUILDING_LETTER_FILL` of the panel height while ``side``
    (:data:`BUILDING_SIDE_MARGIN` of the height, at least :data:`SAFE_MM`) stays free on each
    side. Never below ``cap_mm`` (the caller checks that it fits)."""
    side = max(BUILDING_SIDE_MARGIN * height_mm, SAFE_MM)
    per_mm_cap = fonts.text_width_mm(text, size_mm=fonts.font_size_for_cap_height(1.0))
    fit_w = (width_mm - 2 * side) / per_mm_cap if per_mm_cap else math.inf
    return max(cap_mm, min(BUILDING_LETTER_FILL * height_mm, fit_w)), side


@dataclass(frozen=True, slots=True)
class Panel:
    width_mm: float
    height_mm: float
    standard: bool


def panel_size(profile: Profile, kind: str, text: str, subtext: str, cap_mm: float, *,
               arrow: str | None = None) -> Panel:
    """Panel (mm) that holds the sign's :func:`text_block` with its margins (a guidance
    sign's with its arrow; ``arrow`` picks its side, the size is the same either way): the
    smallest format of the kind's series (:meth:`~orientation.profiles.Sizing.series`)
    that holds it, else the block rounded up to 50 mm (``standard`` False)."""
    s = profile.sizing
    need_w, need_h = text_block(s, kind, text, subtext, cap_mm, arrow=arrow).need_mm
    fits = [(pw * ph, pw, ph) for pw, ph in s.series(kind)
            if pw >= need_w - 0.01 and ph >= need_h - 0.01]
    if fits and kind != "name":
        _, pw, ph = min(fits)
        return Panel(pw, ph, True)
    # beyond the series (long name boards): round up to 50 mm, never smaller than the
    # kind's smallest format
    own = s.series_mm.get(kind)
    lo_w, lo_h = min(own, key=lambda wh: wh[0] * wh[1]) if own else (0.0, 0.0)
    return Panel(max(math.ceil(need_w / 50) * 50.0, lo_w),
                 max(math.ceil(need_h / 50) * 50.0, lo_h), False)


@lru_cache(maxsize=1 << 14)
def _fit_cached(rules: BlockRules, kind: str, text: str, subtext: str, width_mm: float,
                height_mm: float, arrow: str | None) -> float:
    return fit_cap(rules, kind, text, subtext, width_mm, height_mm, arrow=arrow)


def fit_cap(rules: BlockRules, kind: str, text: str, subtext: str, width_mm: float,
            height_mm: float, *, arrow: str | None = None) -> float:
    """The largest cap height (mm) at which the sign's :func:`text_block` fits a panel of
    ``width_mm`` x ``height_mm`` with its margins (0 when nothing fits).

    The block grows in proportion to the cap height, its margins too, until they reach
    :data:`SAFE_MM`; so the fit is measured once at a large cap height and scaled, then
    measured again where the margins would be below :data:`SAFE_MM`.

    >>> from orientation.profiles import load_profile
    >>> round(fit_cap(load_profile().sizing, "entrance", "E1", "Eingang", 800, 400), 1)
    150.5
    """
    probe = 1000.0
    bw, bh = text_block(rules, kind, text, subtext, probe, arrow=arrow).need_mm
    cap = min(width_mm / bw, height_mm / bh) * probe if bw > 0 and bh > 0 else 0.0
    block = text_block(rules, kind, text, subtext, cap, arrow=arrow) if cap > 0 else None
    if block is not None and not block.letter and block.margin_mm > margin_of(rules, kind) * cap + 1e-9:
        # margins held at SAFE_MM: the text takes the rest of the panel
        b0 = text_block(rules, kind, text, subtext, probe, arrow=arrow)
        tw, th = b0.width_mm / probe, b0.height_mm / probe
        cap = min((width_mm - 2 * SAFE_MM) / tw if tw else math.inf,
                  (height_mm - 2 * SAFE_MM) / th if th else math.inf, width_mm / bw * probe)
    if block is not None and block.letter:
        # the letter is drawn with :func:`building_letter`'s side margins: fit within them
        side = max(BUILDING_SIDE_MARGIN * height_mm, SAFE_MM)
        per_mm_cap = fonts.text_width_mm(text, size_mm=fonts.font_size_for_cap_height(1.0))
        if per_mm_cap:
            cap = min(cap, (width_mm - 2 * side) / per_mm_cap)
    return max(cap, 0.0)


@dataclass(frozen=True, slots=True)
class Format:
    """A sign's format as :func:`choose_format` chose it: panel, cap height (mm), whether the
    panel is one of the kind's series (``standard``), whether its code reads from the
    distance it was sized for (``reads``; False: the largest format the wall allows is too
    small) and whether the wall made it smaller than the distance asks (``wall``)."""

    width_mm: float
    height_mm: float
    cap_mm: float
    standard: bool
    reads: bool = True
    wall: bool = False


def _step(cap: float, step: float) -> float:
    return math.floor(cap / step + 1e-9) * step if step > 0 else round(cap, 1)


def choose_format(profile: Profile, kind: str, text: str, subtext: str, needed_mm: float, *,
                  max_width_mm: float = math.inf, arrow: str | None = None) -> Format:
    """The format of a sign whose code needs ``needed_mm`` cap height: the smallest of the
    kind's series no wider than ``max_width_mm`` whose fitted cap height (:func:`fit_cap`,
    rounded down to ``cap_step_mm``, at most the kind's ``max_cap_mm``) is at least the
    need; the code is set at that fitted height. Where none is large enough, the largest
    allowed format (``reads`` False, ``wall`` True when a wider one would have done).
    Name boards and texts no format holds are sized to their block (:func:`panel_size`).
    """
    s = profile.sizing
    hi = s.max_cap_mm.get(kind, math.inf)
    series = [] if kind == "name" else sorted(s.series(kind),
                                              key=lambda wh: (wh[0] * wh[1], wh[0], wh[1]))
    best: Format | None = None
    wider = False
    rules = profile.resolved.rules  # hashable: the fits are cached by value
    for w, h in series:
        cap = min(_step(_fit_cached(rules, kind, text, subtext, w, h, arrow), s.cap_step_mm), hi)
        if cap <= 0:
            continue
        if w > max_width_mm + 1e-6:
            wider = wider or cap >= needed_mm - 0.05
            continue
        if cap >= needed_mm - 0.05:
            return Format(w, h, round(cap, 1), True)
        if best is None or cap > best.cap_mm:
            best = Format(w, h, round(cap, 1), True, reads=False)
    if best is not None:
        return Format(best.width_mm, best.height_mm, best.cap_mm, True, reads=False,
                      wall=wider)
    panel = panel_size(profile, kind, text, subtext, needed_mm, arrow=arrow)
    return Format(panel.width_mm, panel.height_mm, round(needed_mm, 1), panel.standard)


__all__ = ["ARROWS", "ARROW_GAP", "ARROW_KINDS", "ARROW_WIDTH", "BUILDING_LETTER_FILL",
           "BUILDING_PANEL_MARGIN", "BUILDING_SIDE_MARGIN", "BlockArrow", "BlockLine",
           "BlockRules", "CapHeight", "Format", "INK_OVERSHOOT", "LINE_PITCH", "Panel",
           "SAFE_MM", "TextBlock", "building_letter", "cap_height", "choose_format", "fit_cap",
           "ink_em", "margin_of", "michelson_contrast", "panel_size", "relative_luminance",
           "text_block"]
