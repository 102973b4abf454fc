"""DIN 14095 pieces of the maps: the symbols of the building radio's panel, the smoke
extraction control and a dry riser's inlet (the other symbols are
:mod:`orientation.compose.symbols`'), fire walls and compartment boundaries as lines, the
neighbouring buildings with their use and storeys, hatches for the monochrome maps, and the
storeys a riser or shut-off carries.

Colours: fire walls in the profile's ``map.fire_wall`` (signal red), fire and smoke
compartment boundaries in ``map.compartment`` / ``map.smoke_compartment`` (deep orange,
the smoke compartment's dashed), as TRVB 121 and the DIN 14095 practice draw them;
monochrome maps draw them black, told apart by width and dashes.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from shapely.geometry import LineString, Polygon
from shapely.geometry import box as sbox

from ... import fonts
from ...plan import FireLineShape, SiteShape
from ...render.scene import Color, Item, Path, Rect, Stroke, Text
from .. import labels as L
from ..symbols import ABBREVIATIONS, draw_symbol
from .sheet import _Sheet
from .style import _CAP, XY, _Palette
from .view import _View

#: Symbol kinds drawn here (the rest by :func:`orientation.compose.symbols.draw_symbol`).
DIN_SYMBOLS = ("building_radio", "smoke_extraction", "riser_inlet")


def draw_map_symbol(kind: str, cx: float, cy: float, size_mm: float, pal: _Palette,
                    language: str) -> list[Item]:
    """One map symbol centred at ``(cx, cy)``: the DIN 14095 kinds of :data:`DIN_SYMBOLS`
    here (a red square with ``FGB`` and a radio's waves; an orange one with ``RWA``; a red
    one with the riser's arrow into a bar and ``ESP``), every other kind by
    :func:`~orientation.compose.symbols.draw_symbol`."""
    if kind not in DIN_SYMBOLS:
        return draw_symbol(kind, cx, cy, size_mm, pal.ink, language)
    s = size_mm
    half = s / 2
    abbr = ABBREVIATIONS.get(language, ABBREVIATIONS["en"]).get(kind, "")
    fill = pal.compartment if kind == "smoke_extraction" else pal.ink.red
    fg = pal.white
    out: list[Item] = [Rect(cx - half, cy - half, s, s, fill=fill,
                            stroke=Stroke(pal.white, 0.25), radius_mm=0.1 * s)]
    if kind == "building_radio":  # an antenna with two waves over the letters
        mast = ((cx, cy - 0.36 * s), (cx, cy - 0.12 * s))
        waves = tuple(((cx - r * s, cy - 0.30 * s), (cx, cy - (0.30 + r) * s),
                       (cx + r * s, cy - 0.30 * s)) for r in (0.12, 0.2))
        out.append(Path((mast, *waves), closed=False, stroke=Stroke(fg, 0.05 * s)))
        out.append(_abbr(abbr, cx, cy + 0.16 * s, s, fg))
    elif kind == "riser_inlet":  # an arrow into a bar: water fed in
        arrow = ((cx - 0.3 * s, cy - 0.05 * s), (cx + 0.1 * s, cy - 0.05 * s),
                 (cx + 0.1 * s, cy - 0.16 * s), (cx + 0.3 * s, cy + 0.02 * s),
                 (cx + 0.1 * s, cy + 0.2 * s), (cx + 0.1 * s, cy + 0.09 * s),
                 (cx - 0.3 * s, cy + 0.09 * s))
        out.append(Path((tuple((x, y - 0.14 * s) for x, y in arrow),), fill=fg))
        out.append(_abbr(abbr, cx, cy + 0.24 * s, s, fg))
    else:
        out.append(_abbr(abbr, cx, cy, s, fg))
    return out


def _abbr(text: str, cx: float, cy: float, s: float, fill: Color) -> Text:
    size = min(0.36 * s, 0.84 * s / max(fonts.text_width_mm(text, size_mm=1.0), 0.01))
    size = max(size, 2.5)
    return Text(cx, cy + _CAP * size / 2, text, size, fill, anchor="middle")


# -- fire walls and compartment boundaries -------------------------------------------------

def fire_line_stroke(pal: _Palette, kind: str, widths: tuple[float, float, float]) -> Stroke:
    """The stroke of a fire wall (``fire_wall``), a fire compartment's boundary
    (``compartment``) or a smoke compartment's (``smoke_compartment``: dashed)."""
    wall, comp, smoke = widths
    if kind == "fire_wall":
        return Stroke(pal.fire_wall, wall)
    if kind == "compartment":
        return Stroke(pal.compartment, comp, (4.0, 1.2) if pal.mono else ())
    return Stroke(pal.smoke_compartment, smoke, (2.2, 1.2))


def draw_fire_lines(sheet: _Sheet, view: _View, lines: Sequence[FireLineShape],
                    level: int | None) -> None:
    """The fire walls and compartment boundaries on ``level`` (None: every one, the site
    plan), over the rooms; each also a wall for the labels, and a legend row."""
    c = sheet.ctx
    st = c.style
    widths = (st.fire_wall_mm, st.compartment_mm, st.smoke_compartment_mm)
    for fl in lines:
        if level is not None and not fl.on(level):
            continue
        pts = view.ring(fl.line)
        sheet.add("rooms", Path((pts,), closed=False,
                                stroke=fire_line_stroke(c.pal, fl.kind, widths)))
        for a, b in zip(pts, pts[1:]):
            if a != b:
                sheet.add_wall(a, b, max(widths) + 0.4)
        sheet.use(fl.kind)


# -- hatches (monochrome maps) ----------------------------------------------------------------

def hatch(rings: Sequence[Sequence[XY]], spacing: float = 1.6, angle_deg: float = 45.0,
          width: float = 0.15, color: Color | None = None) -> Path | None:
    """Parallel lines ``spacing`` mm apart at ``angle_deg`` filling the area of ``rings``
    (paper, the first the outside, the rest holes), as one path; None for an empty area.

    >>> hatch([((0, 0), (10, 0), (10, 10), (0, 10))], spacing=5.0, color=None) is not None
    True
    """
    poly = Polygon(rings[0], [list(r) for r in rings[1:]])
    if not poly.is_valid:
        poly = poly.buffer(0)
    if poly.is_empty or poly.area <= 0:
        return None
    x0, y0, x1, y1 = poly.bounds
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    r = math.hypot(x1 - x0, y1 - y0) / 2 + spacing
    a = math.radians(angle_deg)
    ux, uy = math.cos(a), math.sin(a)
    nx, ny = -uy, ux
    segs: list[tuple[XY, ...]] = []
    n = int(2 * r / spacing) + 1
    for i in range(n):
        off = -r + i * spacing
        p = (cx + nx * off - ux * r, cy + ny * off - uy * r)
        q = (cx + nx * off + ux * r, cy + ny * off + uy * r)
        g = LineString([p, q]).intersection(poly)
        for part in getattr(g, "geoms", [g]):
            if part.geom_type == "LineString" and part.length > 0.2:
                cs = list(part.coords)
                segs.append(((cs[0][0], cs[0][1]), (cs[-1][0], cs[-1][1])))
    if not segs:
        return None
    return Path(tuple(segs), closed=False, stroke=Stroke(color, width) if color else None)


def hatched(rings: Sequence[Sequence[XY]], pal: _Palette, *, spacing: float = 1.6,
            angle_deg: float = 45.0, cross: bool = False, width: float = 0.15) -> list[Item]:
    """The hatch of an area in black (a second one at right angles when ``cross``)."""
    out: list[Item] = []
    for ang in (angle_deg, angle_deg + 90.0) if cross else (angle_deg,):
        h = hatch(rings, spacing, ang, width, pal.black)
        if h is not None:
            out.append(h)
    return out


# -- neighbouring buildings ------------------------------------------------------------------

def roman(n: int) -> str:
    """A number of storeys in Roman numerals, as DIN 14095 plans write them.

    >>> roman(1), roman(4), roman(9), roman(14)
    ('I', 'IV', 'IX', 'XIV')
    """
    out = ""
    for value, sign in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                        (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                        (4, "IV"), (1, "I")):
        while n >= value:
            out += sign
            n -= value
    return out


def storeys_label(levels: Sequence[int], basement: str) -> str:
    """A building's storeys as fire plans write them: those above ground in Roman numerals,
    the basements after them (``basement``: the word, ``UG``).

    >>> storeys_label([-1, 0, 1, 2], "UG"), storeys_label([0], "UG"), storeys_label([-2, -1, 0], "B")
    ('III + UG', 'I', 'I + 2 B')
    """
    above = sum(1 for lv in levels if lv >= 0)
    below = sum(1 for lv in levels if lv < 0)
    text = roman(above) if above else ""
    if below:
        text += (" + " if text else "") + (f"{below} {basement}" if below > 1 else basement)
    return text


def neighbour_label(f: SiteShape) -> str:
    """What a neighbouring building's label says: its name or use and its storeys in Roman
    numerals (``Wohnhaus · IV``); empty when the file says neither."""
    parts = [p for p in (f.name, f.use if f.use != f.name else None) if p]
    if f.storeys:
        parts.append(roman(f.storeys))
    return " · ".join(parts)


def draw_neighbours(sheet: _Sheet, view: _View, features: Sequence[SiteShape],
                    area: tuple[float, float, float, float]) -> list[tuple[Polygon, str]]:
    """The neighbouring buildings (kind ``neighbour``) in the neighbour tone (hatched on a
    monochrome map) with a thin outline; returns (paper polygon, label) for the labels,
    placed after the site's own buildings."""
    c = sheet.ctx
    pal = c.pal
    out = []
    clip = sbox(*area)
    for f in features:
        if f.kind != "neighbour" or not f.polygon:
            continue
        ring = view.ring(f.polygon)
        poly = Polygon(ring)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if not poly.intersects(clip):
            continue
        sheet.add("buildings", Path((ring,), fill=pal.neighbour_fill,
                                    stroke=Stroke(pal.grey50, 0.35)))
        if pal.mono:
            sheet.add("buildings", *hatched([ring], pal, spacing=2.0, angle_deg=-45.0,
                                            width=0.1))
        sheet.placer.add_geometry(poly.intersection(clip).buffer(0.3), "area")
        sheet.use("neighbour")
        out.append((poly, neighbour_label(f)))
    return out


def label_neighbours(sheet: _Sheet, shapes: list[tuple[Polygon, str]]) -> None:
    """Each neighbour's label (name, use, storeys: a line each where one line is too wide)
    inside it, else just beside it (below, above, right, left); left out when there is no
    room (the legend row says what the grey outline is)."""
    c = sheet.ctx
    size = c.style.min_text_mm + 0.3
    kinds = tuple(L.Placer.HARD) + ("area",)
    for poly, label in shapes:
        if not label:
            continue
        x0, y0, x1, y1 = poly.bounds
        one = [label]
        stacked = label.split(" · ")
        inner = poly.buffer(-0.5)
        done = False
        for lines in (one, stacked):
            tw = max(fonts.text_width_mm(t, size_mm=size, weight="regular") for t in lines)
            th = L.text_height(size) * len(lines)
            pt = poly.representative_point()
            cands = [L.centred(pt.x + dx, pt.y + dy, tw + 0.6, th)
                     for dy in (0, -3, 3, -6, 6) for dx in (0, -5, 5, -10, 10)]
            got = next((b for b in cands if inner.contains(sbox(*b))
                        and sheet.placer.box_free(b, within=sheet.clip)), None)
            if got is None:
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                beside = [L.centred(cx, y1 + 1.0 + th / 2, tw + 0.6, th),
                          L.centred(cx, y0 - 1.0 - th / 2, tw + 0.6, th),
                          L.centred(x1 + 1.0 + tw / 2, cy, tw + 0.6, th),
                          L.centred(x0 - 1.0 - tw / 2, cy, tw + 0.6, th)]
                got = sheet.placer.first_free(beside, kinds=kinds, within=sheet.clip)
            if got is not None:
                y = got[1]
                for t in lines:
                    y += L.ASCENT * size
                    sheet.text("labels", (got[0] + got[2]) / 2, y, t, size, weight="regular",
                               anchor="middle", fill=c.pal.grey75)
                    y += L.DESCENT * size
                done = True
                break
        if not done:
            continue


def storey_span(names: dict[int, str], levels: Sequence[int]) -> str:
    """The storeys a riser or shut-off is on, as its label says (``UG–2. OG``, one name
    for one storey).

    >>> storey_span({-1: "UG", 0: "EG", 2: "2. OG"}, [-1, 0, 2]), storey_span({0: "EG"}, [0])
    ('UG–2. OG', 'EG')
    """
    if not levels:
        return ""
    lo, hi = min(levels), max(levels)
    a, b = names.get(lo, str(lo)), names.get(hi, str(hi))
    return a if lo == hi else f"{a}–{b}"


__all__ = ["DIN_SYMBOLS", "draw_fire_lines", "draw_map_symbol", "draw_neighbours",
           "fire_line_stroke", "hatch", "hatched", "label_neighbours", "neighbour_label",
           "roman", "storey_span", "storeys_label"]
