"""How the site plan is laid on paper: rotation, round scale and alphanumeric grid.

Decided once in the layout stage so that the map booklet and ``register.csv`` name the same
grid cell for every code. The plan is rotated so that side A of the main building (the main
access) faces the bottom edge (DIN 14095); the scale is the smallest round scale at which the
site fits the sheet's drawing area; the grid cell is the smallest of 5, 10, 20, 25, 50 … m that
is at least 25 mm on paper. Columns are letters (A, B, … without I and O), rows numbers (1, 2,
…) from the top-left corner, so a cell reads ``C4``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import OptionError
from ..plan import MapFrame
from .geometry import XY, bearing_cw
from .numbering import letter_sequence

if TYPE_CHECKING:  # the frame's math needs no site model; only make_frame reads a site
    from ..model import Site
    from .numbering import BuildingFrame

SCALES = (100, 200, 250, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000, 10000, 20000, 50000)
GRID_STEPS_M = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
MIN_CELL_MM = 25.0
#: Roads and other site features are drawn up to this far (m) around the buildings.
CONTEXT_M = 25.0
#: Point features (assembly points, hydrants, gates) are shown up to this much farther out.
POINT_CONTEXT_M = 100.0


@dataclass(frozen=True, slots=True)
class Sheet:
    """A paper sheet in mm and the rectangle (x, y, w, h) where the drawing's grid lies."""

    name: str
    width_mm: float
    height_mm: float
    drawing: tuple[float, float, float, float]


#: A3 landscape: 10 mm margins, grid labels in a 6 mm band around the drawing, an 80 mm
#: column on the right (north arrow, legend, gazetteer, title block), the scale bar below.
#: A4 portrait: the same above a 75 mm block for legend and title.
SHEETS = {
    "A3": Sheet("A3", 420.0, 297.0, (16.0, 16.0, 304.0, 250.0)),
    "A4": Sheet("A4", 210.0, 297.0, (16.0, 16.0, 178.0, 186.0)),
}


def sheet(paper: str) -> Sheet:
    """The sheet of a paper name (``A3``, ``A4``; any case).

    Raises :class:`~orientation.errors.OptionError` (``option="paper"``) for another name."""
    try:
        return SHEETS[paper.upper()]
    except KeyError:
        raise OptionError("paper", f"unknown paper '{paper}'; choose one of: "
                          f"{', '.join(SHEETS)}") from None


def rotate(v: XY, deg: float) -> XY:
    """Rotate a plan vector counter-clockwise by ``deg``.

    >>> tuple(round(c, 6) for c in rotate((1, 0), 90))
    (0.0, 1.0)
    """
    a = math.radians(deg)
    c, s = math.cos(a), math.sin(a)
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def rotation_for(side_a: XY) -> float:
    """Counter-clockwise rotation (deg, -180..180] that turns ``side_a`` to point down the page.

    >>> rotation_for((0, -1)), rotation_for((1, 0)), rotation_for((0, 1))
    (0.0, -90.0, 180.0)
    """
    r = round((bearing_cw(side_a) - 180.0) % 360.0, 1)
    return r - 360.0 if r > 180.0 else r


def extent_points(site: Site) -> list[XY]:
    """Points the site plan must show: every building and the site features near them."""
    pts: list[XY] = [tuple(p) for b in site.buildings for p in b.footprint]  # type: ignore[misc]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    box = (min(xs) - CONTEXT_M, min(ys) - CONTEXT_M, max(xs) + CONTEXT_M, max(ys) + CONTEXT_M)
    far = (box[0] - POINT_CONTEXT_M, box[1] - POINT_CONTEXT_M, box[2] + POINT_CONTEXT_M,
           box[3] + POINT_CONTEXT_M)
    for f in site.site_features:
        # points crews head for (assembly points, hydrants, gates) are shown farther out
        if f.at and far[0] <= f.at[0] <= far[2] and far[1] <= f.at[1] <= far[3]:
            pts.append((f.at[0], f.at[1]))
        for p in list(f.line or []) + list(f.polygon or []):
            if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]:
                pts.append((p[0], p[1]))
    return pts


def make_frame(site: Site, ordered: list[BuildingFrame], *, paper: str = "A3") -> MapFrame:
    """The site plan's frame: rotation, scale, grid (see the module docstring)."""
    sh = sheet(paper)
    rot = rotation_for(ordered[0].side_a) if ordered else 0.0
    pts = [rotate(p, rot) for p in extent_points(site)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    w_m, h_m = max(xs) - min(xs), max(ys) - min(ys)
    _, _, aw, ah = sh.drawing
    need = max(w_m * 1000 / (aw * 0.94), h_m * 1000 / (ah * 0.94), 1.0)
    scale = next((s for s in SCALES if s >= need), SCALES[-1])
    grid_m = next((g for g in GRID_STEPS_M if g * 1000 / scale >= MIN_CELL_MM), GRID_STEPS_M[-1])
    cell_mm = grid_m * 1000 / scale
    cols, rows = max(1, int(aw // cell_mm)), max(1, int(ah // cell_mm))
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2  # rotated frame, y up
    top_left_rot = (cx - cols * grid_m / 2, cy + rows * grid_m / 2)
    ox, oy = rotate(top_left_rot, -rot)
    return MapFrame(paper=sh.name, rotation_deg=rot, scale=scale, grid_m=float(grid_m),
                    origin=(round(ox, 3), round(oy, 3)), columns=cols, rows=rows)


def to_grid(frame: MapFrame, xy: XY) -> XY:
    """Metres from the grid's top-left corner along the page: (right, down)."""
    d = (xy[0] - frame.origin[0], xy[1] - frame.origin[1])
    rx, ry = rotate(d, frame.rotation_deg)
    return (rx, -ry)


def column_labels(n: int) -> list[str]:
    return list(_column_labels(n))


@lru_cache(maxsize=64)
def _column_labels(n: int) -> tuple[str, ...]:
    # cached: every marking's grid cell asks for them (see :func:`grid_cell`)
    seq = letter_sequence(("I", "O"))
    return tuple(next(seq) for _ in range(n))


def grid_cell(frame: MapFrame, xy: XY) -> str | None:
    """The grid cell (``C4``) of a plan point, None outside the grid."""
    u, v = to_grid(frame, xy)
    col, row = math.floor(u / frame.grid_m), math.floor(v / frame.grid_m)
    if not (0 <= col < frame.columns and 0 <= row < frame.rows):
        return None
    return f"{_column_labels(frame.columns)[col]}{row + 1}"


#: Round scales for storey plans: the site plan's series plus 1:300 and 1:400, so that a
#: building of 60-100 m still gets a legible plan on A3 instead of dropping to 1:500.
STOREY_SCALES = (50, 100, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000,
                 10000)


#: Room left for door codes and side labels around a storey plan (mm, both sides together).
STOREY_RESERVE_MM = {"A3": 16.0, "A4": 10.0}


def storey_scale(points: list[XY], rotation_deg: float, paper: str = "A3", *,
                 reserve_mm: float | None = None) -> int:
    """The largest storey-plan scale (smallest denominator of :data:`STOREY_SCALES`) at which
    ``points`` (plan metres: every storey of one building), turned by ``rotation_deg`` as on
    the site plan, fit the sheet's drawing area less ``reserve_mm`` in each direction (room
    for door codes and side labels outside the outline; default :data:`STOREY_RESERVE_MM`).

    >>> storey_scale([(0, 0), (80, 0), (80, 60), (0, 60)], 0.0, "A3")
    300
    >>> storey_scale([(0, 0), (1, 1)], 0.0, "A3")
    50
    """
    sh = sheet(paper)
    if reserve_mm is None:
        reserve_mm = STOREY_RESERVE_MM.get(sh.name, 16.0)
    pts = [rotate(p, rotation_deg) for p in points] or [(0.0, 0.0)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    w_m, h_m = max(xs) - min(xs), max(ys) - min(ys)
    _, _, aw, ah = sh.drawing
    aw, ah = max(aw - reserve_mm, 10.0), max(ah - reserve_mm, 10.0)
    need = max(w_m * 1000 / aw, h_m * 1000 / ah, 1.0)
    return next((s for s in STOREY_SCALES if s >= need), STOREY_SCALES[-1])


#: The coarsest scale of the storey plans: a storey larger than a sheet at this scale gets
#: part plans instead of a coarser scale (the program's setting; DIN 14095 asks for one
#: scale for all storey plans and legible text, TRVB 121 for part plans of large storeys).
MAX_STOREY_SCALE = 500
#: A room holds its number and its use at the minimum text height (2.5 mm) when its shorter
#: side is at least this long on paper (mm).
ROOM_LABEL_MM = 8.0
#: The share of the rooms that must hold their label at the storey plans' scale.
LEGIBLE_SHARE = 0.75
#: Part plans overlap by at least this much: metres on the plan, and millimetres on paper.
PART_OVERLAP_M = 5.0
PART_OVERLAP_MM = 12.0


def legible_scale(short_sides_m: list[float]) -> int:
    """The coarsest storey scale (of :data:`STOREY_SCALES`, at most
    :data:`MAX_STOREY_SCALE`) at which :data:`LEGIBLE_SHARE` of the rooms (their shorter
    sides in metres) are at least :data:`ROOM_LABEL_MM` wide on paper.

    >>> legible_scale([4.0] * 10), legible_scale([2.0, 8.0, 3.0, 9.0]), legible_scale([])
    (500, 300, 500)
    >>> legible_scale([0.5, 0.6, 0.5])
    50
    """
    if not short_sides_m:
        return MAX_STOREY_SCALE
    sides = sorted(short_sides_m)
    q = sides[min(len(sides) - 1, int(len(sides) * (1.0 - LEGIBLE_SHARE)))]
    need = q * 1000.0 / ROOM_LABEL_MM
    fit = [s for s in STOREY_SCALES if s <= need and s <= MAX_STOREY_SCALE]
    return fit[-1] if fit else STOREY_SCALES[0]


def drawing_m(scale: int, paper: str, reserve_mm: float | None = None) -> tuple[float, float]:
    """Width and height (metres on the plan) of a storey plan's drawing area at ``scale``,
    less ``reserve_mm`` for the codes around the outline (default
    :data:`STOREY_RESERVE_MM`)."""
    sh = sheet(paper)
    if reserve_mm is None:
        reserve_mm = STOREY_RESERVE_MM.get(sh.name, 16.0)
    _, _, aw, ah = sh.drawing
    return (max(aw - reserve_mm, 10.0) * scale / 1000.0, max(ah - reserve_mm, 10.0) * scale / 1000.0)


def part_windows(extent: tuple[float, float, float, float], scale: int, paper: str, *,
                 reserve_mm: float | None = None) -> tuple[tuple[float, float, float, float], ...]:
    """The windows (right0, down0, right1, down1 in grid metres) of the part plans that show
    ``extent`` (grid metres) at ``scale`` when one sheet does not: as few as cover it, each
    as large as the drawing area (less ``reserve_mm``), spread evenly and overlapping by at
    least :data:`PART_OVERLAP_M` (and :data:`PART_OVERLAP_MM` on paper); rows from the top,
    each from the left. Empty when the extent fits one sheet.

    >>> part_windows((0, 0, 40, 20), 200, "A3")
    ()
    >>> ws = part_windows((0, 0, 150, 20), 200, "A3")
    >>> len(ws), ws[0][0], ws[-1][2], round(ws[0][2] - ws[1][0], 1) >= 5.0
    (3, 0.0, 150.0, True)
    """
    u0, v0, u1, v1 = extent
    aw, ah = drawing_m(scale, paper, reserve_mm)
    w, h = u1 - u0, v1 - v0
    if w <= aw + 1e-9 and h <= ah + 1e-9:
        return ()
    ov = max(PART_OVERLAP_M, PART_OVERLAP_MM * scale / 1000.0)

    def starts(lo: float, length: float, avail: float) -> list[float]:
        if length <= avail + 1e-9:
            return [lo + (length - avail) / 2]
        n = max(2, math.ceil((length - ov) / max(avail - ov, 1e-6)))
        step = (length - avail) / (n - 1)
        return [lo + i * step for i in range(n)]

    xs, ys = starts(u0, w, aw), starts(v0, h, ah)
    return tuple((round(x, 3), round(y, 3), round(x + aw, 3), round(y + ah, 3))
                 for y in ys for x in xs)


def part_cores(windows: tuple[tuple[float, float, float, float], ...]
               ) -> tuple[tuple[float, float, float, float], ...]:
    """The core of each part window (grid metres): the window up to the middle of its overlap
    with each neighbour, unbounded at the outer edges; the cores tile the plane, so every
    point is at home on exactly one part.

    >>> part_cores(((0, 0, 10, 5), (8, 0, 18, 5)))
    ((-inf, -inf, 9.0, inf), (9.0, -inf, inf, inf))
    """
    xs = sorted({w[0] for w in windows})
    ys = sorted({w[1] for w in windows})
    right = {w[0]: w[2] for w in windows}
    down = {w[1]: w[3] for w in windows}
    inf = math.inf

    def cuts(starts: list[float], ends: dict[float, float]) -> list[float]:
        return [(ends[a] + b) / 2 for a, b in zip(starts, starts[1:])]

    cx, cy = cuts(xs, right), cuts(ys, down)
    out = []
    for w in windows:
        i, j = xs.index(w[0]), ys.index(w[1])
        out.append((cx[i - 1] if i else -inf, cy[j - 1] if j else -inf,
                    cx[i] if i < len(cx) else inf, cy[j] if j < len(cy) else inf))
    return tuple(out)


__all__ = ["LEGIBLE_SHARE", "MAX_STOREY_SCALE", "PART_OVERLAP_M", "PART_OVERLAP_MM",
           "ROOM_LABEL_MM", "SCALES", "SHEETS", "STOREY_RESERVE_MM", "STOREY_SCALES", "Sheet",
           "column_labels", "drawing_m", "extent_points", "grid_cell", "legible_scale",
           "make_frame", "part_cores", "part_windows", "rotate", "rotation_for", "sheet",
           "storey_scale", "to_grid"]
