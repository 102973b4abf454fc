"""Solid arrows as vector paths (no font glyph): the arrow of a guidance sign and the small
arrow of a guidance mark on a storey plan, and the chevrons along an escape route.

Every shape is a closed polygon in paper millimetres (y down), filled by the caller, so the
print shop's cutter and both backends see the same outline whatever their line joins.
"""

from __future__ import annotations

import math

from ..render.scene import Point

#: The arrow pointing right in a unit box (x right, y down): a shaft of
#: :data:`SHAFT` of the box's height and a head with a right-angled tip from
#: :data:`HEAD_FROM` to the right edge.
SHAFT = 0.26
HEAD_FROM = 0.5
_UNIT: tuple[Point, ...] = (
    (0.0, 0.5 - SHAFT / 2), (HEAD_FROM, 0.5 - SHAFT / 2), (HEAD_FROM, 0.0), (1.0, 0.5),
    (HEAD_FROM, 1.0), (HEAD_FROM, 0.5 + SHAFT / 2), (0.0, 0.5 + SHAFT / 2),
)

#: The way each arrow word points on paper (x right, y down): ``ahead`` is an up arrow.
ARROW_VECTORS: dict[str, Point] = {
    "ahead": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0), "back": (0.0, 1.0),
}


def arrow_polygon(cx: float, cy: float, size: float, direction: Point) -> tuple[Point, ...]:
    """A solid arrow ``size`` mm long (and as wide at its head), centred on ``(cx, cy)`` and
    pointing along the paper vector ``direction`` (need not be unit length).

    >>> [tuple(round(v, 6) + 0.0 for v in p) for p in arrow_polygon(0, 0, 2, (1, 0))][3]
    (1.0, 0.0)
    >>> [tuple(round(v, 6) + 0.0 for v in p) for p in arrow_polygon(0, 0, 2, (0, -1))][3]
    (0.0, -1.0)
    """
    dx, dy = direction
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    out = []
    for x, y in _UNIT:
        a, b = (x - 0.5) * size, (y - 0.5) * size  # along, across (across: to the right)
        out.append((cx + a * ux - b * uy, cy + a * uy + b * ux))
    return tuple(out)


def sign_arrow(x: float, y: float, size: float, points: str) -> tuple[Point, ...]:
    """A guidance sign's arrow in the square box of side ``size`` whose top-left corner is
    ``(x, y)``, pointing ``ahead`` (up), ``left``, ``right`` or ``back`` (down)."""
    return arrow_polygon(x + size / 2, y + size / 2, size, ARROW_VECTORS[points])


def chevron(cx: float, cy: float, size: float, direction: Point, *,
            thickness: float = 0.32) -> tuple[Point, ...]:
    """A filled chevron (``>``) ``size`` mm long and wide, centred on ``(cx, cy)``, its tip
    along ``direction``; the arms ``thickness`` of ``size`` thick."""
    dx, dy = direction
    n = math.hypot(dx, dy) or 1.0
    ux, uy = dx / n, dy / n
    h, t = size / 2, thickness * size
    unit = ((-h, -h), (-h + t, -h), (h, 0.0), (-h + t, h), (-h, h), (h - t, 0.0))
    return tuple((cx + a * ux - b * uy, cy + a * uy + b * ux) for a, b in unit)


__all__ = ["ARROW_VECTORS", "HEAD_FROM", "SHAFT", "arrow_polygon", "chevron", "sign_arrow"]
