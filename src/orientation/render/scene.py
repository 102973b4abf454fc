"""Scene: the few drawing primitives that the compose step produces and the backends draw.

A :class:`Page` is a sheet in **millimetres**, origin at the top-left corner of the trim box,
``x`` to the right and ``y`` downwards (as on paper and in SVG). Bleed, when set, extends the
sheet by ``bleed_mm`` on every side; items may draw into it with negative coordinates or
coordinates beyond the trim size.

Compose decides every colour, size and position; the SVG and PDF backends
(:mod:`orientation.render.svg`, :mod:`orientation.render.pdf`) only translate these items, so
both formats always agree. :class:`Recorder` is the third, smallest backend: it records what a
page draws (each shape and line of text with its place on the sheet) so tests can inspect a
scene without writing any file.

Text sizes are the **font size** (em) in millimetres; :mod:`orientation.fonts` converts
between cap height and font size and measures text with the real glyph advances.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

Point = tuple[float, float]
from ..fonts import FontWeight  # noqa: E402 - one definition, shared with the fonts module

Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True, slots=True)
class Color:
    """A print colour: sRGB for screens and SVG, CMYK (0..1) for the PDF, and its name.

    ``spot`` names a spot colour (a separate ink or a cutter's contour, e.g. ``"CutContour"``):
    the PDF paints it in a Separation colour space of that name at full tint, with ``cmyk`` as
    the alternate for devices without that ink; SVG shows ``hex``. ``alpha`` below 1 makes the
    paint translucent (an ExtGState in the PDF, ``fill-opacity``/``stroke-opacity`` in SVG).
    ``overprint``: the paint overprints (``OP``/``op`` in an ExtGState of the PDF), as a
    cutter's contour must, so that it never knocks the artwork out; SVG has no overprint.

    >>> Color("#063971", (1.0, 0.5, 0.0, 0.56), "RAL 5017").hex
    '#063971'
    """

    hex: str
    cmyk: tuple[float, float, float, float]
    name: str = ""
    spot: str = ""
    alpha: float = 1.0
    overprint: bool = False

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
    (x, y, w, h) in the group's parent coordinates. ``layer`` names the group as a layer of
    its own (the sign's cut contour, ``CutContour``): SVG writes it as a group with that id
    and an Inkscape layer label, so cutting software finds it by name."""

    items: tuple[Item, ...]
    dx: float = 0.0
    dy: float = 0.0
    rotate_deg: float = 0.0
    ox: float = 0.0
    oy: float = 0.0
    clip: tuple[float, float, float, float] | None = None
    layer: str = ""


Item = Rect | Circle | Path | Text | Group


@dataclass(frozen=True, slots=True)
class Page:
    """One sheet: a sign at true size or a map page. Units: millimetres.

    ``output_intent``: the printing condition the page is made for (a key of
    :data:`orientation.render.pdfx.OUTPUT_INTENTS`, ``FOGRA39``), empty for none. A PDF whose
    pages all name one is written as PDF/X-4 with that output intent; an SVG of such a page
    names the CMYK of every colour beside its sRGB."""

    width_mm: float
    height_mm: float
    items: tuple[Item, ...]
    bleed_mm: float = 0.0
    name: str = ""
    title: str = ""
    crop_marks: bool = False
    meta: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    output_intent: str = ""


Matrix = tuple[float, float, float, float, float, float]
"""An affine transform ``(a, b, c, d, e, f)``: ``x' = a x + c y + e``, ``y' = b x + d y + f``."""
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """``m`` after ``n``: first ``n``, then ``m``."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def group_matrix(g: Group) -> Matrix:
    """The transform of a group's items into its parent's coordinates: rotated by
    ``rotate_deg`` about ``(ox, oy)`` (clockwise on paper, y down), then moved by ``(dx, dy)``
    (the order both backends write)."""
    m: Matrix = (1.0, 0.0, 0.0, 1.0, g.dx, g.dy)
    if g.rotate_deg % 360:
        a = math.radians(g.rotate_deg)
        co, si = math.cos(a), math.sin(a)
        m = _mul(m, (1.0, 0.0, 0.0, 1.0, g.ox, g.oy))
        m = _mul(m, (co, si, -si, co, 0.0, 0.0))
        m = _mul(m, (1.0, 0.0, 0.0, 1.0, -g.ox, -g.oy))
    return m


@dataclass(frozen=True, slots=True)
class Drawn:
    """One shape or line of text as a backend draws it: the item, the transform from its
    coordinates to the sheet's (mm, origin at the trim's top-left), and the clip rectangles
    of the groups around it (each in the coordinates of that group's parent, outermost
    first, with the matrix into the sheet)."""

    item: Rect | Circle | Path | Text
    matrix: Matrix = IDENTITY
    clips: tuple[tuple[tuple[float, float, float, float], Matrix], ...] = ()

    def at(self, x: float, y: float) -> Point:
        """A point of the item's coordinates on the sheet."""
        a, b, c, d, e, f = self.matrix
        return (a * x + c * y + e, b * x + d * y + f)


class Recorder:
    """A backend that draws into a list: the leaves of a page's item tree, in painting
    order, each with its place on the sheet (:class:`Drawn`).

    >>> red = Color("#ff0000", (0.0, 1.0, 1.0, 0.0))
    >>> page = Page(100, 50, (Group((Text(0, 0, "E1", 5, red),), dx=10, dy=20),))
    >>> [(d.item.text, d.at(0, 0)) for d in Recorder().page(page)]
    [('E1', (10.0, 20.0))]
    """

    def __init__(self) -> None:
        self.drawn: list[Drawn] = []

    def page(self, page: Page) -> list[Drawn]:
        """Record a page's items (appended to :attr:`drawn`); returns this page's."""
        start = len(self.drawn)
        self._items(page.items, IDENTITY, ())
        return self.drawn[start:]

    def _items(self, items: tuple[Item, ...], m: Matrix,
               clips: tuple[tuple[tuple[float, float, float, float], Matrix], ...]) -> None:
        for item in items:
            if isinstance(item, Group):
                inner = clips + (((item.clip, m),) if item.clip is not None else ())
                self._items(item.items, _mul(m, group_matrix(item)), inner)
            elif isinstance(item, Rect | Circle | Path | Text):
                self.drawn.append(Drawn(item, m, clips))
            else:
                raise TypeError(f"cannot draw {type(item).__name__}; expected Rect, Circle, "
                                "Path, Text or Group")

    def texts(self) -> list[str]:
        """The lines of text recorded, in painting order (empty ones left out)."""
        return [d.item.text for d in self.drawn if isinstance(d.item, Text) and d.item.text]

    def colors(self) -> set[Color]:
        """Every colour recorded: fills, strokes and halos."""
        found: set[Color] = set()
        for d in self.drawn:
            it = d.item
            fill = it.fill
            if fill is not None:
                found.add(fill)
            stroke = getattr(it, "stroke", None)
            if stroke is not None:
                found.add(stroke.color)
            halo = getattr(it, "halo", None)
            if halo is not None:
                found.add(halo)
        return found


__all__ = [
    "IDENTITY",
    "Anchor",
    "Circle",
    "Color",
    "Drawn",
    "FontWeight",
    "Group",
    "Item",
    "Matrix",
    "Page",
    "Path",
    "Point",
    "Recorder",
    "Rect",
    "Stroke",
    "Text",
    "group_matrix",
]
