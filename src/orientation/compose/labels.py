"""Collision-free label placement on a map page (paper millimetres, origin top-left, y down).

A :class:`Placer` keeps everything already drawn that a label must not cover: text boxes, code
boxes, symbols and leader lines (axis-aligned boxes, fast), plus a few polygons (rotated road
names, building outlines as *areas*). Callers generate candidate positions in order of
preference (:func:`around`, :func:`along_normal`) and take the first free one with
:meth:`Placer.first_free`; a label with no free candidate becomes a numbered callout.

Text boxes are measured with the real glyph advances (:func:`orientation.fonts.text_width_mm`)
and reach from ``ASCENT`` font sizes above the baseline (accented capitals) to ``DESCENT``
below it (descenders), so that two boxes that do not overlap mean two words that do not touch.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from shapely.geometry import LineString, Point, Polygon
from shapely.geometry import box as sbox
from shapely.prepared import prep

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


#: What a leader line may not cross: other labels, codes, symbols, door marks and leaders.
LEADER_AVOIDS = ("label", "code", "symbol", "mark", "leader")


@dataclass(frozen=True, slots=True)
class Obstacle:
    box: Box
    kind: str
    geom: object = None  # prepared shapely geometry when the box is only a bounding box
    owner: str = ""


class Placer:
    """Everything on one page that labels must keep clear of.

    ``kind`` names what an obstacle is: ``label`` (text), ``code`` (door/stair boxes),
    ``symbol``, ``leader``, ``area`` (building outlines: only labels that must stay outside
    test against them), ``mark`` (door marks, window ticks: small things not to hide).
    """

    HARD = frozenset({"label", "code", "symbol", "leader", "mark"})

    def __init__(self, bounds: Box) -> None:
        self.bounds = bounds
        self.items: list[Obstacle] = []
        self._cell = 20.0
        self._grid: dict[tuple[int, int], list[int]] = {}

    # -- bookkeeping -------------------------------------------------------------------
    def _cells(self, b: Box) -> Iterator[tuple[int, int]]:
        c = self._cell
        for i in range(math.floor(b[0] / c), math.floor(b[2] / c) + 1):
            for j in range(math.floor(b[1] / c), math.floor(b[3] / c) + 1):
                yield (i, j)

    def _add(self, ob: Obstacle) -> None:
        idx = len(self.items)
        self.items.append(ob)
        for cell in self._cells(ob.box):
            self._grid.setdefault(cell, []).append(idx)

    def add_box(self, b: Box, kind: str = "label", owner: str = "") -> None:
        self._add(Obstacle(b, kind, None, owner))

    def add_polygon(self, pts: Sequence[XY], kind: str = "label", owner: str = "") -> None:
        poly = Polygon(pts)
        if not poly.is_valid:
            poly = poly.buffer(0)
        x0, y0, x1, y1 = poly.bounds
        self._add(Obstacle((x0, y0, x1, y1), kind, prep(poly), owner))

    def add_geometry(self, geom, kind: str, owner: str = "") -> None:
        x0, y0, x1, y1 = geom.bounds
        self._add(Obstacle((x0, y0, x1, y1), kind, prep(geom), owner))

    def add_line(self, a: XY, b: XY, kind: str = "leader", width: float = 0.6,
                 owner: str = "") -> None:
        self.add_geometry(LineString([a, b]).buffer(width / 2), kind, owner)

    def _near(self, b: Box) -> Iterator[Obstacle]:
        seen: set[int] = set()
        for cell in self._cells(b):
            for idx in self._grid.get(cell, ()):
                if idx not in seen:
                    seen.add(idx)
                    yield self.items[idx]

    # -- queries -----------------------------------------------------------------------
    def box_free(self, b: Box, *, kinds: Iterable[str] = HARD, ignore: str = "",
                 within: Box | None = None) -> bool:
        """True when ``b`` lies within the page bounds (or ``within``) and covers nothing
        of the given kinds (an obstacle owned by ``ignore`` does not count)."""
        if not inside(b, within or self.bounds):
            return False
        kinds = set(kinds)
        shape = None
        for ob in self._near(b):
            if ob.kind not in kinds or (ignore and ob.owner == ignore):
                continue
            if not overlaps(b, ob.box):
                continue
            if ob.geom is None:
                return False
            if shape is None:
                shape = sbox(*b)
            if ob.geom.intersects(shape):  # type: ignore[attr-defined]
                return False
        return True

    def polygon_free(self, pts: Sequence[XY], *, kinds: Iterable[str] = HARD,
                     within: Box | None = None) -> bool:
        poly = Polygon(pts)
        x0, y0, x1, y1 = poly.bounds
        if not inside((x0, y0, x1, y1), within or self.bounds):
            return False
        kinds = set(kinds)
        for ob in self._near((x0, y0, x1, y1)):
            if ob.kind not in kinds or not overlaps((x0, y0, x1, y1), ob.box):
                continue
            if ob.geom is None:
                if poly.intersects(sbox(*ob.box)):
                    return False
            elif ob.geom.intersects(poly):  # type: ignore[attr-defined]
                return False
        return True

    def line_free(self, a: XY, b: XY, *, kinds: Iterable[str] = LEADER_AVOIDS,
                  ignore: str = "", skip_start: float = 1.2) -> bool:
        """True when a leader from ``a`` to ``b`` crosses none of the given kinds; the first
        ``skip_start`` mm (where the leader leaves its own mark) are not tested."""
        dist = math.dist(a, b)
        if dist <= skip_start + 1e-6:
            return True
        start = Point(a)
        t = skip_start / dist
        a = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
        line = LineString([a, b])
        lb = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
        kinds = set(kinds)
        for ob in self._near(lb):
            if ob.kind not in kinds or (ignore and ob.owner == ignore):
                continue
            if not (lb[0] <= ob.box[2] and ob.box[0] <= lb[2] and lb[1] <= ob.box[3]
                    and ob.box[1] <= lb[3]):
                continue
            # what covers the anchor itself cannot be avoided: the leader starts under it
            if ob.geom is None:
                shape = sbox(*ob.box)
                if shape.intersects(start):
                    continue
                if line.intersects(shape):
                    return False
            else:
                if ob.geom.intersects(start):  # type: ignore[attr-defined]
                    continue
                if ob.geom.intersects(line):  # type: ignore[attr-defined]
                    return False
        return True

    def first_free(self, candidates: Iterable[Box], *, kinds: Iterable[str] = HARD,
                   leader_from: XY | None = None, within: Box | None = None,
                   ignore: str = "", leader_min: float = 1.2,
                   leader_kinds: Iterable[str] | None = None) -> Box | None:
        """The first candidate box that is free; with ``leader_from``, its leader (from that
        point to the box) must cross nothing of ``leader_kinds`` either (default: labels,
        codes, symbols, marks and other leaders)."""
        kinds = tuple(kinds)
        lk = tuple(leader_kinds) if leader_kinds is not None else LEADER_AVOIDS
        for b in candidates:
            if not self.box_free(b, kinds=kinds, within=within, ignore=ignore):
                continue
            if leader_from is not None and box_distance(b, leader_from) > leader_min:
                q = nearest_on_box(b, leader_from)
                if not self.line_free(leader_from, q, kinds=lk, ignore=ignore):
                    continue
            return b
        return None


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


def around(p: XY, w: float, h: float, *, gaps: Sequence[float] = (0.8, 3, 6, 10, 15),
           centre_first: bool = False, n_dirs: int = 24) -> Iterator[Box]:
    """Boxes of size ``w`` × ``h`` around point ``p``: the box's nearest edge ``gap`` mm
    from ``p`` in each direction, nearest ring first."""
    if centre_first:
        yield centred(p[0], p[1], w, h)
    for gap in gaps:
        for dx, dy in _dirs(n_dirs):
            n = math.hypot(dx, dy)
            ux, uy = dx / n, dy / n
            # distance from the centre to the box edge along (ux, uy)
            tx = (w / 2) / abs(ux) if abs(ux) > 1e-9 else math.inf
            ty = (h / 2) / abs(uy) if abs(uy) > 1e-9 else math.inf
            r = min(tx, ty) + gap
            yield centred(p[0] + ux * r, p[1] + uy * r, w, h)


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
    for gap in gaps:
        for s in shifts:
            cx = p[0] + nx * (gap + half_n) + tx_ * s
            cy = p[1] + ny * (gap + half_n) + ty_ * s
            yield centred(cx, cy, w, h)


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


__all__ = [
    "ASCENT",
    "LEADER_AVOIDS",
    "DESCENT",
    "Box",
    "Placer",
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
