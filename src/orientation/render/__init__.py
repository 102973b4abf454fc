"""Rendering: scene primitives and two dumb backends that draw them the same way.

:func:`render_svg` turns one :class:`Page` into SVG bytes (text as outlines);
:func:`render_pdf` turns pages into one print-ready PDF (CMYK, embedded fonts, trim and bleed
boxes). Sizes are millimetres throughout the scene; :mod:`orientation.fonts` measures
text for the compose step.
"""

from orientation.render.pdf import render_pdf
from orientation.render.scene import (
    Anchor,
    Circle,
    Color,
    FontWeight,
    Group,
    Item,
    Page,
    Path,
    Point,
    Rect,
    Stroke,
    Text,
)
from orientation.render.svg import render_svg

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
    "render_pdf",
    "render_svg",
]
