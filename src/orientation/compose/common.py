"""Shared helpers of the compose step: colours, words, number formats, text fitting, scaling.

Everything here is plain and deterministic: no clock, no locale of the machine. Units are
millimetres on paper (font sizes are the em in mm, as in :mod:`orientation.render.scene`).

* Colours come from the profile's resolved :class:`~orientation.style.Style`
  (``profile.resolved``): :func:`ink_color` turns a style :class:`~orientation.style.Ink`
  into a scene :class:`Color` (sRGB, CMYK, RAL label); :func:`sign_ink` is the ink of a sign's
  background or foreground, :func:`color_label` an ink's name in a language.
* Words: :func:`word` looks up the German or English label of a kind, material, placement or
  column (the catalogue's ``compose.<key>``, :mod:`orientation.words`; ``LABELS`` is the same
  table per language); :func:`kind_label` is the common case.
* Numbers: :func:`format_number`, :func:`format_money` (``de``: ``1.234,56 €``; ``en``:
  ``$1,234.56``), :func:`format_size` (``800 × 400`` mm, inches added for inch panels).
* Text: :func:`ink_bounds` (the drawn extent of one line, for checks), :func:`fit_size`,
  :func:`ellipsize` and :func:`wrap_lines` measure with :func:`orientation.fonts.text_width_mm`.
* Scenes: :func:`scale_items` (a scaled copy of scene items; scene groups only translate and
  rotate), :func:`walk_texts`, and the A4 page sizes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from types import MappingProxyType
from typing import Literal

from .. import fonts, words
from ..errors import SignLayoutError
from ..plan import BuildingPlan, Plan, Sign
from ..profiles import Profile
from ..render.scene import Circle, Color, FontWeight, Group, Item, Path, Rect, Stroke, Text
from ..style import Ink, Style, cmyk_from_srgb

A4_PORTRAIT = (210.0, 297.0)
"""A4 portrait (width, height) in mm."""
A4_LANDSCAPE = (297.0, 210.0)
"""A4 landscape (width, height) in mm."""

MIN_PAPER_TEXT_MM = 3.0
"""The smallest font size (em) on proof and schedule pages, in mm (about 8.5 pt)."""

INK = Color("#1A1A1A", (0.0, 0.0, 0.0, 0.9), "black 90 %")
"""Body text on paper pages (proof, schedule)."""
GREY = Color("#6E6E6E", (0.0, 0.0, 0.0, 0.57), "grey 57 %")
"""Secondary text and rules on paper pages."""
RULE = Color("#B4B4B4", (0.0, 0.0, 0.0, 0.3), "grey 30 %")
"""Thin rules on paper pages."""
ZEBRA = Color("#F0F0F0", (0.0, 0.0, 0.0, 0.06), "grey 6 %")
"""Alternate table rows."""
PAPER = Color("#FFFFFF", (0.0, 0.0, 0.0, 0.0), "paper white")
"""Unprinted paper."""

KIND_ORDER = ("building", "name", "entrance", "fire_brigade", "service", "emergency_exit",
              "window", "interior_door", "stair", "room", "guidance")
"""Sign kinds in schedule and listing order: what is seen from the road first."""


# --- words -------------------------------------------------------------------------------

#: The labels per language, ``LABELS[lang][key]``: the catalogue's ``compose.<key>``
#: (:mod:`orientation.words`), read-only.
LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: words.table("compose.", lang) for lang in words.LANGUAGES})


def _lang(language: str) -> str:
    return language if language in words.LANGUAGES else words.FALLBACK


def word(language: str, key: str) -> str:
    """The ``de`` or ``en`` label for ``key`` (a sign kind, material, placement, ``col_*``
    column or page text); other languages fall back to English, unknown keys to the key.

    >>> word("de", "emergency_exit"), word("en", "col_quantity"), word("fr", "stair")
    ('Notausgang', 'Qty', 'Stair')
    """
    return words.get("compose." + key, language, key) or key


def kind_label(language: str, kind: str) -> str:
    """The label of a sign kind (``entrance`` -> ``Eingang``/``Entrance``)."""
    return word(language, kind)


#: The ways a guidance sign's arrow points (``Sign.arrow``), in the catalogue as
#: ``compose.arrow_<way>``.
ARROW_WORDS = ("ahead", "left", "right", "back")


def arrow_word(language: str, arrow: str | None) -> str:
    """The word of a guidance sign's arrow (``left`` -> ``links``/``left``); ``""`` for
    none or an unknown one.

    >>> arrow_word("de", "back"), arrow_word("en", "ahead"), arrow_word("de", None)
    ('zurück', 'ahead', '')
    """
    return word(language, "arrow_" + arrow) if arrow in ARROW_WORDS else ""


def sign_kind_label(language: str, sign: Sign) -> str:
    """A sign's kind in words, a guidance sign's with its arrow (``Wegweiser links``)."""
    label = kind_label(language, sign.kind)
    way = arrow_word(language, sign.arrow) if sign.kind == "guidance" else ""
    return f"{label} {way}" if way else label


def plan_language(plan: Plan, profile: Profile) -> str:
    """The language of the plan's words (the plan may override its profile's)."""
    return plan.language or profile.language


# --- colours ---------------------------------------------------------------------------


@lru_cache(maxsize=256)
def ink_color(ink: Ink) -> Color:
    """The scene colour of an ink: its sRGB, CMYK and full label (``RAL 5017 Verkehrsblau /
    traffic blue``) as the colour's name."""
    return Color(ink.hex, ink.cmyk, ink.label)


def named_color(profile: Profile | Style, name: str) -> Color:
    """The scene colour of a palette colour name (``traffic_blue``). Unknown names raise
    :class:`~orientation.errors.ProfileError`."""
    return ink_color(_style(profile).ink(name))


def _style(profile: Profile | Style) -> Style:
    return profile if isinstance(profile, Style) else profile.resolved


def sign_ink(profile: Profile | Style, sign: Sign,
             role: Literal["background", "foreground"]) -> Ink:
    """The ink of a sign's ``background`` or ``foreground`` (see
    :meth:`orientation.style.Style.sign_ink`)."""
    if role == "background":
        return _style(profile).sign_ink(sign.kind, role, sign.background, sign.background_name)
    return _style(profile).sign_ink(sign.kind, role, sign.foreground, sign.foreground_name)


def sign_color(profile: Profile | Style, hex_color: str, label: str = "") -> Color:
    """A colour a plan records (sRGB and label) as print needs it: the palette ink with that
    label or sRGB, else the sRGB with CMYK by :func:`cmyk_from_srgb`."""
    return ink_color(_style(profile).find(hex_color, label))


def color_label(profile: Profile | Style, hex_color: str, label: str, language: str, *,
                short: bool = False) -> str:
    """A colour for people: ``RAL 5017 Verkehrsblau`` (de) or ``RAL 5017 traffic blue`` (en);
    ``short`` gives the RAL code alone where there is one (see :class:`~orientation.style.Ink`).
    """
    ink = _style(profile).find(hex_color, label)
    return ink.short(_lang(language)) if short else ink.name(_lang(language))


# --- numbers -----------------------------------------------------------------------------

_CURRENCY_SYMBOL = {"EUR": "€", "USD": "$", "GBP": "£"}


def format_number(value: float, language: str, *, decimals: int = 0,
                  grouping: bool = True) -> str:
    """A number with the language's separators.

    >>> format_number(1234.5, "de", decimals=2), format_number(1234.5, "en", decimals=2)
    ('1.234,50', '1,234.50')
    >>> format_number(-0.004, "de", decimals=2), format_number(304.8, "en", decimals=1)
    ('0,00', '304.8')
    """
    if round(value, decimals) == 0:
        value = 0.0
    s = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    if _lang(language) == "de":
        s = s.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return s


def format_money(value: float, currency: str, language: str) -> str:
    """An amount with thousands separators and the currency as the language writes it.

    >>> format_money(1234.56, "EUR", "de"), format_money(1234.56, "USD", "en")
    ('1.234,56 €', '$1,234.56')
    >>> format_money(12, "CHF", "en"), format_money(12, "USD", "de")
    ('CHF 12.00', '12,00 $')
    """
    num = format_number(value, language, decimals=2)
    symbol = _CURRENCY_SYMBOL.get(currency.upper(), currency)
    if _lang(language) == "de":
        return f"{num} {symbol}"
    if symbol == currency:
        return f"{currency} {num}"
    return f"{symbol}{num}"


def _is_inch(v: float) -> bool:
    return abs(v / 25.4 - round(v / 25.4)) < 0.002 and v > 0


def format_length(v: float, language: str) -> str:
    """A length in mm: whole numbers without decimals, else one decimal; no grouping.

    >>> format_length(800.0, "de"), format_length(304.8, "de"), format_length(304.8, "en")
    ('800', '304,8', '304.8')
    """
    decimals = 0 if abs(v - round(v)) < 0.05 else 1
    return format_number(v, language, decimals=decimals, grouping=False)


def format_size(width_mm: float, height_mm: float, language: str, *,
                inches: bool = False, unit: bool = False) -> str:
    """``800 × 400`` (mm); with ``unit`` ``800 × 400 mm``; with ``inches`` and an inch panel
    the inches follow: ``304.8 × 152.4 mm (12 × 6 in)``.

    >>> format_size(800, 400, "de")
    '800 × 400'
    >>> format_size(304.8, 152.4, "en", inches=True, unit=True)
    '304.8 × 152.4 mm (12 × 6 in)'
    """
    s = f"{format_length(width_mm, language)} × {format_length(height_mm, language)}"
    if unit:
        s += " mm"
    if inches and _is_inch(width_mm) and _is_inch(height_mm):
        s += f" ({round(width_mm / 25.4)} × {round(height_mm / 25.4)} in)"
    return s


def uses_inches(profile: Profile | Style) -> bool:
    """True when every panel of the profile's size series is a whole number of inches."""
    return _style(profile).inches


_NATURAL = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """Sort key that orders ``E2`` before ``E10``.

    >>> sorted(["E10", "E2", "N1", "A002"], key=natural_key)
    ['A002', 'E2', 'E10', 'N1']
    """
    return tuple(int(p) if p.isdigit() else p for p in _NATURAL.split(text))


# --- text --------------------------------------------------------------------------------

_NUM = re.compile(r"-?\d+(?:\.\d+)?")


@lru_cache(maxsize=4096)
def _glyph_bounds(font_key: str, glyph: str) -> tuple[float, float, float, float] | None:
    """Bounds (xmin, ymin, xmax, ymax) in ems, y up, of a glyph's outline control points."""
    ops = fonts.glyph_pdf_path(font_key, glyph)
    nums = [float(v) for v in _NUM.findall(ops)]
    if len(nums) < 2:
        return None
    xs, ys = nums[0::2], nums[1::2]
    upem = fonts.units_per_em(font_key)
    return min(xs) / upem, min(ys) / upem, max(xs) / upem, max(ys) / upem


def ink_bounds(text: str, *, size_mm: float, weight: FontWeight = "bold"
               ) -> tuple[float, float, float, float] | None:
    """The drawn extent of one line relative to its start point on the baseline, in mm,
    **y down**: ``(left, top, right, bottom)`` with ``top`` negative above the baseline.

    Taken from the glyph outlines' control points, so it contains the ink (a hair larger on
    curves). ``None`` for text without ink (spaces, empty).

    >>> ink_bounds(" ", size_mm=10) is None
    True
    >>> l, t, r, b = ink_bounds("E", size_mm=100)
    >>> round(-t, 1), round(b, 1)
    (66.8, 0.0)
    """
    lay = fonts.layout(text, weight=weight)
    box: list[float] | None = None
    for g in lay.glyphs:
        gb = _glyph_bounds(g.font_key, g.glyph)
        if gb is None:
            continue
        x0, y0, x1, y1 = g.x_em + gb[0], 0.0 - gb[3], g.x_em + gb[2], 0.0 - gb[1]
        if box is None:
            box = [x0, y0, x1, y1]
        else:
            box = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
    if box is None:
        return None
    return tuple(v * size_mm + 0.0 for v in box)  # type: ignore[return-value]


def text_box(t: Text) -> tuple[float, float, float, float]:
    """Where a scene :class:`Text` sits on its page, in mm, y down: ``(x0, y0, x1, y1)``.

    Horizontally the advance width (:func:`orientation.fonts.text_width_mm`) from the anchor;
    vertically the ink (:func:`ink_bounds`), or the baseline for text without ink.
    """
    w = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
    x0 = t.x - w * {"start": 0.0, "middle": 0.5, "end": 1.0}[t.anchor]
    ink = ink_bounds(t.text, size_mm=t.size_mm, weight=t.weight)
    top, bottom = (ink[1], ink[3]) if ink else (0.0, 0.0)
    return (x0, t.y + top, x0 + w, t.y + bottom)


def fit_size(text: str, max_width_mm: float, size_mm: float, *,
             weight: FontWeight = "regular") -> float:
    """The largest font size up to ``size_mm`` at which ``text`` is at most ``max_width_mm``.

    >>> fit_size("Sekretariat", 1000, 10)
    10
    >>> fit_size("Sekretariat", 20, 10) < 10
    True
    """
    w = fonts.text_width_mm(text, size_mm=size_mm, weight=weight)
    if w <= max_width_mm or w <= 0:
        return size_mm
    return size_mm * max_width_mm / w


def ellipsize(text: str, max_width_mm: float, *, size_mm: float,
              weight: FontWeight = "regular") -> str:
    """``text`` cut at a character and ended with ``…`` so that it fits ``max_width_mm``;
    unchanged when it fits.

    >>> ellipsize("Lehrerzimmer", 1000, size_mm=3)
    'Lehrerzimmer'
    >>> ellipsize("Lehrerzimmer", 10, size_mm=3).endswith("…")
    True
    """
    if fonts.text_width_mm(text, size_mm=size_mm, weight=weight) <= max_width_mm + 1e-6:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        cand = text[:mid].rstrip() + "…"
        if fonts.text_width_mm(cand, size_mm=size_mm, weight=weight) <= max_width_mm:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo else "…"


def wrap_lines(text: str, max_lines: int, *, size_mm: float,
               weight: FontWeight = "regular") -> list[str]:
    """Split ``text`` at spaces (or after hyphens) into at most ``max_lines`` lines, choosing
    the split whose widest line is narrowest. One word stays one line.

    >>> wrap_lines("Städtische Gesamtschule Beispielstadt", 2, size_mm=10)
    ['Städtische Gesamtschule', 'Beispielstadt']
    >>> wrap_lines("Aula", 2, size_mm=10)
    ['Aula']
    """
    words = [w for w in re.split(r"(?<=-)|\s+", text.strip()) if w]
    if max_lines <= 1 or len(words) <= 1:
        return [text.strip()]

    def join(ws: Sequence[str]) -> str:
        out = ""
        for w in ws:
            out += w if (not out or out.endswith("-")) else " " + w
        return out

    best: list[str] = [join(words)]
    best_w = fonts.text_width_mm(best[0], size_mm=size_mm, weight=weight)
    # up to 3 lines is plenty for signs and table cells; try every split point
    n = len(words)
    splits: list[list[int]] = [[i] for i in range(1, n)]
    if max_lines >= 3:
        splits += [[i, j] for i in range(1, n) for j in range(i + 1, n)]
    for cut in splits:
        bounds = [0, *cut, n]
        lines = [join(words[a:b]) for a, b in zip(bounds, bounds[1:])]
        w = max(fonts.text_width_mm(s, size_mm=size_mm, weight=weight) for s in lines)
        if w < best_w - 1e-9:
            best, best_w = lines, w
    return best


# --- scenes ------------------------------------------------------------------------------


def _scale_stroke(s: Stroke | None, k: float) -> Stroke | None:
    if s is None:
        return None
    return Stroke(s.color, s.width_mm * k, tuple(d * k for d in s.dash_mm))


def scale_items(items: Iterable[Item], k: float, *, dx: float = 0.0, dy: float = 0.0
                ) -> tuple[Item, ...]:
    """A copy of ``items`` scaled by ``k`` about the origin, then moved by ``(dx, dy)`` mm.

    Sizes scale with the drawing (font sizes, stroke widths, radii, halos), so the copy is a
    true miniature. Groups keep their rotation; their offsets, pivots and clips are scaled.

    >>> scale_items([Rect(10, 10, 20, 10)], 0.5, dx=1)
    (Rect(x=6.0, y=5.0, w=10.0, h=5.0, fill=None, stroke=None, radius_mm=0.0),)
    """
    out: list[Item] = []
    for it in items:
        if isinstance(it, Rect):
            out.append(Rect(it.x * k + dx, it.y * k + dy, it.w * k, it.h * k, it.fill,
                            _scale_stroke(it.stroke, k), it.radius_mm * k))
        elif isinstance(it, Text):
            out.append(replace(it, x=it.x * k + dx, y=it.y * k + dy, size_mm=it.size_mm * k,
                               halo_mm=it.halo_mm * k))
        elif isinstance(it, Circle):
            out.append(Circle(it.cx * k + dx, it.cy * k + dy, it.r * k, it.fill,
                              _scale_stroke(it.stroke, k)))
        elif isinstance(it, Path):
            out.append(Path(tuple(tuple((x * k + dx, y * k + dy) for x, y in ring)
                                  for ring in it.rings), it.closed, it.fill,
                            _scale_stroke(it.stroke, k)))
        elif isinstance(it, Group):
            clip = None
            if it.clip is not None:
                cx, cy, cw, ch = it.clip
                clip = (cx * k + dx, cy * k + dy, cw * k, ch * k)
            out.append(Group(scale_items(it.items, k), it.dx * k + dx, it.dy * k + dy,
                             it.rotate_deg, it.ox * k, it.oy * k, clip, it.layer))
        else:  # pragma: no cover - the scene has no other items
            raise TypeError(f"cannot scale {type(it).__name__}")
    return tuple(out)


def walk_texts(items: Iterable[Item]) -> Iterator[Text]:
    """Every :class:`Text` in ``items``, groups opened (positions as written, untransformed)."""
    for it in items:
        if isinstance(it, Text):
            yield it
        elif isinstance(it, Group):
            yield from walk_texts(it.items)


def text(x: float, y: float, s: str, size_mm: float, *, fill: Color = INK,
         weight: FontWeight = "regular", anchor: str = "start", max_width_mm: float | None = None
         ) -> Text:
    """A paper-page text item; with ``max_width_mm`` the text is ellipsized to fit."""
    if max_width_mm is not None:
        s = ellipsize(s, max_width_mm, size_mm=size_mm, weight=weight)
    return Text(x, y, s, size_mm, fill, weight=weight, anchor=anchor)  # type: ignore[arg-type]


def hrule(x0: float, x1: float, y: float, *, width_mm: float = 0.2, color: Color = RULE) -> Path:
    """A horizontal rule from ``x0`` to ``x1`` at ``y``."""
    return Path((((x0, y), (x1, y)),), closed=False, stroke=Stroke(color, width_mm))


# --- plan look-ups -----------------------------------------------------------------------


Buildings = Mapping[str, BuildingPlan]
"""Building id -> :class:`~orientation.plan.BuildingPlan` (see :func:`buildings_by_id`)."""


def buildings_by_id(plan: Plan) -> Buildings:
    """The plan's buildings by id (the first, should ids repeat), read-only; make it once
    per plan and pass it to :func:`storey_name` and :func:`building_label`."""
    out: dict[str, BuildingPlan] = {}
    for b in plan.buildings:
        out.setdefault(b.id, b)
    return MappingProxyType(out)


def storey_name(buildings: Buildings, building: str, level: int | None) -> str:
    """The storey's name (``1. OG``) of a building level; ``""`` for no level.

    Falls back to the level number when the building does not name it.
    """
    if level is None:
        return ""
    b = buildings.get(building)
    if b is not None:
        for lv, name in zip(b.levels, b.level_names):
            if lv == level:
                return name
    return str(level)


def building_label(buildings: Buildings, building: str, *, with_name: bool = True) -> str:
    """``A Hauptgebäude`` (letter and name), or the id when the plan does not know it."""
    b = buildings.get(building)
    if b is None:
        return building
    return f"{b.letter} {b.name}".strip() if with_name else b.letter


def plan_stamp(plan: Plan, language: str) -> str:
    """``Stand 2024-05-01 · Version d4ab71696ba2`` (the parts the plan has)."""
    parts = []
    if plan.date:
        parts.append(f"{word(language, 'date')} {plan.date}")
    if plan.version:
        parts.append(f"{word(language, 'version')} {plan.version}")
    return " · ".join(parts)


__all__ = [
    "A4_LANDSCAPE",
    "A4_PORTRAIT",
    "GREY",
    "INK",
    "KIND_ORDER",
    "LABELS",
    "MIN_PAPER_TEXT_MM",
    "PAPER",
    "RULE",
    "SignLayoutError",
    "ZEBRA",
    "ARROW_WORDS",
    "Buildings",
    "arrow_word",
    "building_label",
    "buildings_by_id",
    "cmyk_from_srgb",
    "color_label",
    "ellipsize",
    "fit_size",
    "format_length",
    "format_money",
    "format_number",
    "format_size",
    "hrule",
    "ink_bounds",
    "ink_color",
    "kind_label",
    "named_color",
    "natural_key",
    "plan_language",
    "plan_stamp",
    "scale_items",
    "sign_color",
    "sign_ink",
    "sign_kind_label",
    "storey_name",
    "text",
    "text_box",
    "uses_inches",
    "walk_texts",
    "word",
    "wrap_lines",
]
