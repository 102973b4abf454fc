"""Scene: the few drawing primitives that the compose step produces and the backends draw.

A :class:`Page` is a sheet in **millimetres**, origin at the top-left corner of the trim box,
``x`` to the right and ``y`` downwards (as on paper and in SVG). Bleed, when set, extends the
sheet by ``bleed_mm`` on every side; items may draw into it with negative coordinates or
coordinates beyond the trim size.

Compose decides every colour, size and position; the SVG and PDF backends
(:mod:`orientation.render.svg`, :mod:`orientation.render.pdf`) only translate these items, so
both formats always agree. :class:`Recorder` in the tests inspects scenes without any file.

Text sizes are the **font size** (em) in millimetres; :mod:`orientation.fonts` converts
between cap height and font size and measures text with the real glyph advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Point = tuple[float, float]
from ..fonts import FontWeight  # noqa: E402 - one definition, shared with the fonts module

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True, slots=True)
class Color:
    """A print colour: sRGB for screens and SVG, CMYK (0..1) for the PDF, and its name.

    >>> Color("#063971", (1.0, 0.5, 0.0, 0.56), "RAL 5017").hex
    '#063971'
    """

    hex: str
    cmyk: tuple[float, float, float, float]
    name: str = ""

    @property
    def rgb(self) -> tuple[float, float, float]:
        """sRGB components in 0..1."""
        h = self.hex.lstrip("#")
        return tuple(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Stroke:
    """A line style: colour, width in mm, optional dash pattern in mm."""

    color: Color
    width_mm: float
    dash_mm: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: Color | None = None
    stroke: Stroke | None = None
    radius_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class Circle:
    cx: float
    cy: float
    r: float
    fill: Color | None = None
    stroke: Stroke | None = None


@dataclass(frozen=True, slots=True)
class Path:
    """A polyline or polygon; ``rings`` beyond the first are holes (even-odd fill)."""

    rings: tuple[tuple[Point, ...], ...]
    closed: bool = True
    fill: Color | None = None
    stroke: Stroke | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text. ``x, y`` is the baseline point; ``anchor`` aligns it horizontally.

    ``halo`` draws a white (or given colour) outline behind the glyphs for labels on tones.
    """

    x: float
    y: float
    text: str
    size_mm: float
    fill: Color
    weight: FontWeight = "bold"
    anchor: Anchor = "start"
    halo: Color | None = None
    halo_mm: float = 0.0


@dataclass(frozen=True, slots=True)
class Group:
    """Items drawn with a transform: rotate by ``rotate_deg`` (clockwise on paper) about
    ``(ox, oy)`` then translate by ``(dx, dy)``. ``clip`` limits drawing to a rectangle
    (x, y, w, h) in the group's parent coordinates."""

    items: tuple[Item, ...]
    dx: float = 0.0
    dy: float = 0.0
    rotate_deg: float = 0.0
    ox: float = 0.0
    oy: float = 0.0
    clip: tuple[float, float, float, float] | None = None


Item = Rect | Circle | Path | Text | Group


@dataclass(frozen=True, slots=True)
class Page:
    """One sheet: a sign at true size or a map page. Units: millimetres."""

    width_mm: float
    height_mm: float
    items: tuple[Item, ...]
    bleed_mm: float = 0.0
    name: str = ""
    title: str = ""
    crop_marks: bool = False
    meta: tuple[tuple[str, str], ...] = field(default_factory=tuple)


__all__ = [
    "Anchor",
    "Circle",
    "Color",
    "FontWeight",
    "Group",
    "Item",
    "Page",
    "Path",
    "Point",
    "Rect",
    "Stroke",
    "Text",
]
