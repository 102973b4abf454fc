"""Map symbols drawn by the program, after DIN 14034-6 / ISO 7010 colour conventions.

Few symbols, each a simple shape that reads at 8-10 mm: **red** for fire equipment (key box,
fire alarm panel, first information point, hydrant, riser, sprinkler valve), **green** for
first aid, AED and assembly points, **blue** for information (elevator), **yellow with black**
for utilities (gas, water, power shut-offs) and hazards. Where a pictogram would not read at
map size the symbol carries the abbreviation crews use (``FSD``, ``BMZ``, ``FIZ`` in German;
``KNOX``, ``FACP`` in English), always with its entry in the legend.

Every function draws into a square of side ``size_mm`` centred at ``(cx, cy)`` on paper
(mm, y down) and returns scene items; :func:`symbol_box` gives the box a symbol covers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .. import fonts, words
from ..render.scene import Circle, Color, Item, Path, Rect, Stroke, Text
from ..style import Style
from .common import ink_color

XY = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Ink:
    """The colours symbols are drawn in."""

    red: Color
    green: Color
    blue: Color
    yellow: Color
    white: Color
    black: Color

    @classmethod
    def from_style(cls, style: Style) -> Ink:
        """The symbol colours of a profile's resolved style: its paper roles ``red``,
        ``green``, ``yellow``, ``white`` and ``black``, and the entrance mark's ink as blue."""
        p = style.paper
        return cls(red=ink_color(p["red"]), green=ink_color(p["green"]),
                   blue=ink_color(style.map["entrance"]), yellow=ink_color(p["yellow"]),
                   white=ink_color(p["white"]), black=ink_color(p["black"]))


#: Abbreviations written in the red and yellow symbols, ``ABBREVIATIONS[lang][kind]``: the
#: catalogue's ``symbol-abbr.<kind>`` (:mod:`orientation.words`), read-only.
ABBREVIATIONS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: words.table("symbol-abbr.", lang) for lang in words.LANGUAGES})

#: Legend text per language and symbol kind, ``NAMES[lang][kind]`` (U+00AD marks where a long
#: word may break): the catalogue's ``symbol.<kind>``, read-only.
NAMES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: words.table("symbol.", lang) for lang in words.LANGUAGES})

SYMBOL_KINDS = tuple(NAMES["en"])
_CAP = 0.668  # cap height of the bold face per font size


def symbol_box(kind: str, cx: float, cy: float, size_mm: float) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) a symbol covers on paper."""
    w, h = symbol_size(kind, size_mm)
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def symbol_size(kind: str, size_mm: float) -> tuple[float, float]:
    if kind == "gate":
        return (size_mm, size_mm * 0.5)
    return (size_mm, size_mm)


def _poly(pts, cx, cy, s, fill, stroke=None) -> Path:
    return Path((tuple((cx + x * s, cy + y * s) for x, y in pts),), closed=True, fill=fill,
                stroke=stroke)


def _label(text: str, cx: float, cy: float, s: float, fill: Color) -> Text:
    size = min(0.36 * s, 0.84 * s / max(fonts.text_width_mm(text, size_mm=1.0), 0.01))
    size = max(size, 2.5)
    return Text(cx, cy + _CAP * size / 2, text, size, fill, anchor="middle")


def _heart(n: int = 28) -> list[XY]:
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((x / 36, -y / 36 - 0.03))
    return pts


_BOLT = [(0.06, -0.40), (-0.20, 0.05), (-0.02, 0.05), (-0.10, 0.40), (0.20, -0.08),
         (0.02, -0.08), (0.12, -0.40)]


def draw_symbol(kind: str, cx: float, cy: float, size_mm: float, ink: Ink,
                language: str = "de") -> list[Item]:
    """Scene items of one symbol centred at ``(cx, cy)``, ``size_mm`` wide.

    Unknown kinds draw a neutral grey square, so that new feature kinds never fail a map.
    """
    s = size_mm
    r = 0.1 * s
    half = s / 2
    abbr = ABBREVIATIONS.get(language, ABBREVIATIONS["en"])
    keyline = Stroke(ink.white, 0.25)
    sq = (cx - half, cy - half, s, s)

    def square(fill: Color, stroke: Stroke | None = keyline) -> Rect:
        return Rect(*sq, fill=fill, stroke=stroke, radius_mm=r)

    if kind == "hydrant":
        bar, tall, gap = 0.1 * s, 0.5 * s, 0.2 * s  # a white H (DIN 4066 hydrant sign)
        return [Circle(cx, cy, half, fill=ink.red, stroke=keyline),
                Rect(cx - gap - bar / 2, cy - tall / 2, bar, tall, fill=ink.white),
                Rect(cx + gap - bar / 2, cy - tall / 2, bar, tall, fill=ink.white),
                Rect(cx - gap, cy - bar / 2, 2 * gap, bar, fill=ink.white)]
    if kind in ("key_box", "fire_alarm_panel", "first_info_point", "sprinkler_valve"):
        return [square(ink.red), _label(abbr[kind], cx, cy, s, ink.white)]
    if kind == "riser":
        arrow = [(0, -0.38), (0.24, -0.12), (0.08, -0.12), (0.08, 0.36), (-0.08, 0.36),
                 (-0.08, -0.12), (-0.24, -0.12)]
        return [square(ink.red), _poly(arrow, cx, cy, s, ink.white)]
    if kind in ("gas_shutoff", "water_shutoff"):
        return [Rect(*sq, fill=ink.yellow, stroke=Stroke(ink.black, 0.35), radius_mm=r),
                _label(abbr[kind], cx, cy, s, ink.black)]
    if kind == "power_shutoff":
        return [Rect(*sq, fill=ink.yellow, stroke=Stroke(ink.black, 0.35), radius_mm=r),
                _poly(_BOLT, cx, cy, s, ink.black)]
    if kind == "hazard":
        tri = [(0, -0.47), (0.5, 0.41), (-0.5, 0.41)]
        return [_poly(tri, cx, cy, s, ink.yellow, Stroke(ink.black, 0.08 * s)),
                Rect(cx - 0.045 * s, cy - 0.2 * s, 0.09 * s, 0.36 * s, fill=ink.black),
                Rect(cx - 0.045 * s, cy + 0.22 * s, 0.09 * s, 0.09 * s, fill=ink.black)]
    if kind == "first_aid":
        return [square(ink.green),
                Rect(cx - 0.11 * s, cy - 0.32 * s, 0.22 * s, 0.64 * s, fill=ink.white),
                Rect(cx - 0.32 * s, cy - 0.11 * s, 0.64 * s, 0.22 * s, fill=ink.white)]
    if kind == "aed":
        return [square(ink.green), _poly(_heart(), cx, cy, s, ink.white),
                _poly([(x * 0.75, y * 0.75 - 0.01) for x, y in _BOLT], cx, cy, s, ink.green)]
    if kind == "assembly_point":
        items: list[Item] = [square(ink.green)]
        for sx in (-1, 1):
            for sy in (-1, 1):
                tip = (sx * 0.16, sy * 0.16)
                base = (sx * 0.40, sy * 0.40)
                d = 0.11
                items.append(_poly([tip, (base[0], base[1] - sy * 2 * d), (base[0] - sx * 2 * d, base[1])],
                                   cx, cy, s, ink.white))
        items.append(Circle(cx, cy, 0.09 * s, fill=ink.white))
        return items
    if kind == "elevator":
        return [square(ink.blue),
                _poly([(-0.28, -0.04), (-0.08, -0.34), (0.12, -0.04)], cx - 0.06 * s, cy, 1 * s, ink.white),
                _poly([(-0.12, 0.04), (0.08, 0.34), (0.28, 0.04)], cx + 0.06 * s, cy, 1 * s, ink.white)]
    if kind == "gate":
        w, h = symbol_size(kind, s)
        x0, y0 = cx - w / 2, cy - h / 2
        items = [Rect(x0, y0, w, h, fill=ink.white, stroke=Stroke(ink.black, 0.3))]
        n = 4
        for i in range(0, n, 2):
            items.append(Rect(x0 + i * w / n, y0, w / n, h, fill=ink.red))
        items.append(Rect(x0, y0, w, h, fill=None, stroke=Stroke(ink.black, 0.3)))
        return items
    return [square(Color("#808080", (0, 0, 0, 0.5), "grey"))]


__all__ = ["ABBREVIATIONS", "Ink", "NAMES", "SYMBOL_KINDS", "draw_symbol", "symbol_box",
           "symbol_size"]
