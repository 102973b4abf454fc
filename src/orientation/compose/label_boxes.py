"""Label boxes on a map page (paper millimetres, origin top-left, y down): how much room a
line of text takes, plain box arithmetic, the candidate positions a label is tried at, in
order of preference (:func:`around`, :func:`along_normal`), and line breaking (:func:`wrap`).

Text boxes are measured with the real glyph advances (:func:`orientation.fonts.text_width_mm`)
and reach from ``ASCENT`` font sizes above the baseline (accented capitals) to ``DESCENT``
below it (descenders), so that two boxes that do not overlap mean two words that do not touch.

The :class:`~orientation.compose.labels.Placer` that decides which candidate is free lives in
:mod:`orientation.compose.labels`, which also re-exports every name here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

from .. import fonts

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (mm, y down)
XY = tuple[float, float]

#: Height of the tallest glyphs (accented capitals, Ä) above the baseline, in font sizes.
ASCENT = 0.87
#: Depth of descenders below the baseline, in font sizes.
DESCENT = 0.21
_ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}


def text_box(x: float, y: float, text: str, size_mm: float, *, weight: str = "bold",
             anchor: str = "start", pad: float = 0.0) -> Box:
    """The box a line of text covers: ``x, y`` the baseline point as in :class:`Text`.

    >>> text_box(0, 10, "", 3.0)
    (0.0, 7.39, 0.0, 10.63)
    """
    w = fonts.text_width_mm(text, size_mm=size_mm, weight=weight)  # type: ignore[arg-type]
    x0 = x - w * _ANCHOR[anchor]
    return (round(x0 - pad, 3), round(y - ASCENT * size_mm - pad, 3),
            round(x0 + w + pad, 3), round(y + DESCENT * size_mm + pad, 3))


def text_height(size_mm: float) -> float:
    """Height of a text box (ascent + descent) in mm."""
    return (ASCENT + DESCENT) * size_mm


def grow(b: Box, d: float) -> Box:
    """``b`` grown by ``d`` mm on every side (shrunk for negative ``d``)."""
    return (b[0] - d, b[1] - d, b[2] + d, b[3] + d)


def centred(cx: float, cy: float, w: float, h: float) -> Box:
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def overlaps(a: Box, b: Box) -> bool:
    """True when the open boxes intersect (touching edges do not count).

    >>> overlaps((0, 0, 1, 1), (1, 0, 2, 1)), overlaps((0, 0, 2, 2), (1, 1, 3, 3))
    (False, True)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(a: Box, outer: Box) -> bool:
    return a[0] >= outer[0] and a[1] >= outer[1] and a[2] <= outer[2] and a[3] <= outer[3]


def nearest_on_box(b: Box, p: XY) -> XY:
    """The point of box ``b`` nearest to ``p`` (``p`` itself when inside)."""
    return (min(max(p[0], b[0]), b[2]), min(max(p[1], b[1]), b[3]))


def box_distance(b: Box, p: XY) -> float:
    q = nearest_on_box(b, p)
    return math.dist(p, q)



# -- candidate generators ----------------------------------------------------------------

#: Directions tried around a point, in order of preference (right, up-right, left, … on paper).
DIRECTIONS_8 = [(1, 0), (1, -1), (-1, 0), (-1, -1), (0, -1), (0, 1), (1, 1), (-1, 1)]


def _dirs(n: int) -> list[XY]:
    out = [(float(dx), float(dy)) for dx, dy in DIRECTIONS_8]
    if n > 8:
        for k in range(16):
            a = math.pi * 2 * (k + 0.5) / 16
            out.append((math.cos(a), math.sin(a)))
    return out


def _unit(d: XY) -> XY:
    n = math.hypot(*d)
    return (d[0] / n, d[1] / n)


#: Unit directions for :func:`around`: the 8 of :data:`DIRECTIONS_8`, or those and 16 more.
_UNIT_DIRS = {n: tuple(_unit(d) for d in _dirs(n)) for n in (8, 24)}


def around(p: XY, w: float, h: float, *, gaps: Sequence[float] = (0.8, 3, 6, 10, 15),
           centre_first: bool = False, n_dirs: int = 24) -> Iterator[Box]:
    """Boxes of size ``w`` × ``h`` around point ``p``: the box's nearest edge ``gap`` mm
    from ``p`` in each direction, nearest ring first."""
    if centre_first:
        yield centred(p[0], p[1], w, h)
    dirs = _UNIT_DIRS[24 if n_dirs > 8 else 8]
    # distance from the box's centre to its edge along each direction (the same for every gap)
    reach = [min((w / 2) / abs(ux) if abs(ux) > 1e-9 else math.inf,
                 (h / 2) / abs(uy) if abs(uy) > 1e-9 else math.inf) for ux, uy in dirs]
    px, py = p
    hw, hh = w / 2, h / 2  # centred(), inlined: a crowded page asks for ~10^5 boxes
    for gap in gaps:
        for (ux, uy), r0 in zip(dirs, reach):
            r = r0 + gap
            cx, cy = px + ux * r, py + uy * r
            yield (cx - hw, cy - hh, cx + hw, cy + hh)


def along_normal(p: XY, normal: XY, tangent: XY, w: float, h: float, *,
                 gaps: Sequence[float] = (0.6, 2.5, 5, 8, 12, 17),
                 shifts: Sequence[float] = (0, 3, -3, 6, -6, 9, -9, 13, -13, 18, -18)
                 ) -> Iterator[Box]:
    """Boxes of size ``w`` × ``h`` set off from ``p`` along the outward ``normal`` (unit,
    paper) by ``gap`` mm (from ``p`` to the box's near edge), shifted along ``tangent``."""
    nx, ny = normal
    tx_, ty_ = tangent
    # half extent of the box along the normal
    half_n = abs(nx) * w / 2 + abs(ny) * h / 2
    hw, hh = w / 2, h / 2
    for gap in gaps:
        for s in shifts:
            cx = p[0] + nx * (gap + half_n) + tx_ * s
            cy = p[1] + ny * (gap + half_n) + ty_ * s
            yield (cx - hw, cy - hh, cx + hw, cy + hh)


def rotated_rect(cx: float, cy: float, w: float, h: float, angle_deg: float) -> list[XY]:
    """Corners of a ``w`` × ``h`` rectangle centred at ``(cx, cy)`` turned clockwise on
    paper by ``angle_deg`` (y down)."""
    a = math.radians(angle_deg)
    c, s = math.cos(a), math.sin(a)
    pts = []
    for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)):
        pts.append((cx + dx * c - dy * s, cy + dx * s + dy * c))
    return pts


SHY = "\u00ad"  # soft hyphen: a place to break a long word, printed as "-" only there


def wrap(text: str, max_w: float, size_mm: float, weight: str = "regular",
         max_lines: int = 3) -> list[str] | None:
    """Break ``text`` at spaces, after hyphens and at soft hyphens (U+00AD) into lines no
    wider than ``max_w``; None when it cannot be done in ``max_lines`` lines.

    >>> wrap("Feuerwehr-Informationszentrale", 200, 3)
    ['Feuerwehr-Informationszentrale']
    >>> wrap("Feuerwehr-Informations\u00adzentrale", 20, 2.5)
    ['Feuerwehr-', 'Informations-', 'zentrale']
    """
    # tokens: (text as printed mid-line, text as printed at a line end)
    tokens: list[tuple[str, str]] = []
    for wi, part in enumerate(text.split(" ")):
        sep = " " if wi < len(text.split(" ")) - 1 else ""
        pieces = re.split(f"(-|{SHY})", part)
        buf = ""
        for piece in pieces:
            if piece == "-" and buf:
                tokens.append((buf + "-", buf + "-"))
                buf = ""
            elif piece == "-":  # a leading hyphen ("-umfahrt") stays with its word
                buf = "-"
            elif piece == SHY:
                tokens.append((buf, buf + "-"))
                buf = ""
            else:
                buf += piece
        tokens.append((buf + sep, buf))

    def width(t: str) -> float:
        return fonts.text_width_mm(t, size_mm=size_mm, weight=weight)  # type: ignore[arg-type]

    lines: list[str] = []
    cur = ""
    last_end = ""
    for mid, end in tokens:
        if not cur or width(cur + end) <= max_w:
            last_end = cur + end
            cur = cur + mid
        else:
            lines.append(last_end.rstrip())
            last_end = end
            cur = mid
    if cur.strip():
        lines.append(last_end.rstrip())
    lines = [ln for ln in lines if ln]
    if len(lines) > max_lines or any(width(ln) > max_w + 1e-6 for ln in lines):
        return None
    return lines



def grid_near(bounds: tuple[float, float, float, float], at: tuple[float, float], step: float,
              most: int) -> list[tuple[float, float]]:
    """The points of a ``step`` grid over ``bounds`` (x0, y0, x1, y1) nearest to ``at``, the
    nearest first, at most ``most``: candidate places for a label that must move.

    >>> grid_near((0, 0, 2, 2), (2, 2), 1.0, 3)
    [(2.0, 2.0), (2.0, 1.0), (1.0, 2.0)]
    """
    x0, y0, x1, y1 = bounds
    pts = []
    yy = float(y0)
    while yy <= y1:
        xx = float(x0)
        while xx <= x1:
            pts.append((xx, yy))
            xx += step
        yy += step
    pts.sort(key=lambda q: math.dist(q, at))
    return pts[:most]


__all__ = [
    "grid_near",
    "ASCENT",
    "DESCENT",
    "DIRECTIONS_8",
    "SHY",
    "XY",
    "Box",
    "along_normal",
    "around",
    "box_distance",
    "centred",
    "grow",
    "inside",
    "nearest_on_box",
    "overlaps",
    "rotated_rect",
    "text_box",
    "text_height",
    "wrap",
]
