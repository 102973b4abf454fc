"""The inside of a storey plan (issue 17): horizontal escape routes, inner doors and guidance
marks.

* **Escape routes** (DIN 14095: RAL 6019 pastel green): a band along each route's line,
  :attr:`MapStyle.escape_route_m` wide (within its paper bounds), under everything but the
  floor and the rooms, with small chevrons in signal green about every
  :attr:`MapStyle.escape_arrow_m` metres pointing along the route towards its end (the exit or
  the stair). Routes that share a corridor share its band; a chevron is left out where
  another one already points the same way nearby (:func:`route_chevrons`).
* **Inner doors**: a gap in the wall the door sits in (the nearest room wall), with a light
  grey jamb at each end; an assumed door (the layout placed it, the site file has none) has
  a dashed leaf across its gap, and the legend says that it is assumed.
* **Guidance marks**: for each decision point with guidance signs, a small arrow from the
  point in each way its signs point, with their texts at the arrow's tip (signs pointing the
  same way share one arrow; at a crowded point, such as a stair landing under the stair's
  code, the arrow may start a little further along its way). Drawn after the room labels
  and only where the placer finds room for arrow and text at the minimum text height, so
  that nothing hides a room code; the notes say how many were left out (the installation
  list has every one).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from shapely.geometry import LineString
from shapely.ops import unary_union

from ... import fonts
from ...plan import Marking, Ring, Sign, StoreyShape
from ...render.scene import Path, Stroke
from .. import labels as L
from ..arrows import arrow_polygon, chevron
from .sheet import WALL, _Sheet
from .style import XY
from .view import _View

#: Chevrons of one escape route network: nearer than this (plan metres) to one pointing
#: about the same way, a chevron is left out; nearer than :data:`CHEVRON_APART_M` to any.
CHEVRON_SAME_WAY_M = 4.0
CHEVRON_APART_M = 2.0
_WALL_KINDS = frozenset({WALL})
#: The first chevron stands this far before a route's end (plan metres).
CHEVRON_FROM_END_M = 4.0


# --- escape routes ---------------------------------------------------------------------------


def _walk_back(route: Ring, spacing_m: float) -> list[tuple[XY, XY]]:
    """Points along ``route`` at :data:`CHEVRON_FROM_END_M` from its end and every
    ``spacing_m`` before that, each with the unit direction of its segment (towards the end);
    a route shorter than that gets one at its middle."""
    segs = [(a, b, math.dist(a, b)) for a, b in zip(route, route[1:]) if math.dist(a, b) > 1e-9]
    total = sum(n for _, _, n in segs)
    if total <= 1e-9:
        return []
    stations = []
    s = total - CHEVRON_FROM_END_M
    if s < 0:
        stations.append(total / 2)
    while s >= 0.5:
        stations.append(s)
        s -= spacing_m
    out = []
    for st in stations:
        run = 0.0
        for a, b, n in segs:
            if run + n >= st - 1e-9:
                t = min(max((st - run) / n, 0.0), 1.0)
                d = ((b[0] - a[0]) / n, (b[1] - a[1]) / n)
                out.append(((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t), d))
                break
            run += n
    return out


def route_chevrons(routes: Sequence[Ring], *, spacing_m: float = 10.0) -> list[tuple[XY, XY]]:
    """Where the direction arrows of a storey's escape routes go: ``(point, unit direction)``
    in plan metres, along each route towards its end, about every ``spacing_m`` metres; routes
    sharing a corridor do not repeat an arrow there.

    >>> route_chevrons([((0.0, 0.0), (20.0, 0.0))])
    [((16.0, 0.0), (1.0, 0.0)), ((6.0, 0.0), (1.0, 0.0))]
    """
    kept: list[tuple[XY, XY]] = []
    for route in routes:
        for at, d in _walk_back(route, spacing_m):
            clash = False
            for q, e in kept:
                gap = math.dist(at, q)
                same = d[0] * e[0] + d[1] * e[1] > 0.7
                if gap < CHEVRON_APART_M or (same and gap < CHEVRON_SAME_WAY_M):
                    clash = True
                    break
            if not clash:
                kept.append((at, d))
    return kept


def _band_width(sheet: _Sheet, view: _View) -> float:
    st = sheet.ctx.style
    return min(max(st.escape_route_m * view.k, st.escape_route_min_mm), st.escape_route_max_mm)


def draw_escape_routes(sheet: _Sheet, view: _View, storey: StoreyShape) -> None:
    """The storey's escape routes as a pastel green band with chevrons (see the module
    docstring); nothing, and no legend row, for a storey without."""
    routes = [r for r in storey.escape_routes if len(r) >= 2]
    if not routes:
        return
    pal, st = sheet.ctx.pal, sheet.ctx.style
    band = _band_width(sheet, view)
    lines = [LineString(view.ring(r)) for r in routes]
    area = unary_union([ln for ln in lines if ln.length > 0]).buffer(
        band / 2, cap_style="flat", join_style="round")
    drawn = False
    for poly in getattr(area, "geoms", [area]):
        if poly.geom_type != "Polygon" or poly.is_empty:
            continue
        rings = [tuple(poly.exterior.coords)[:-1]]
        rings += [tuple(i.coords)[:-1] for i in poly.interiors]
        # a monochrome map: the band's edges dashed instead of its tone
        sheet.add("rooms", Path(tuple(rings), fill=pal.escape_route,
                                stroke=Stroke(pal.black, 0.2, (1.0, 0.8)) if pal.mono else None))
        drawn = True
    if not drawn:
        return
    size = band * 0.62
    for at, d in route_chevrons(routes, spacing_m=st.escape_arrow_m):
        p, pd = view.p(at), view.d(d)
        sheet.add("rooms", Path((chevron(p[0], p[1], size, pd),), fill=pal.escape_arrow))
    sheet.use("escape_route")


# --- inner doors -----------------------------------------------------------------------------


def _wall_direction(storey: StoreyShape, at: XY, near_m: float = 1.0) -> XY | None:
    """The unit direction (plan) of the room wall nearest ``at`` within ``near_m``, or None."""
    best: tuple[float, XY] | None = None
    rings = [r.ring for r in storey.rooms] + [storey.outline, *storey.courtyards]
    for ring in rings:
        n = len(ring)
        for i in range(n):
            a, b = ring[i], ring[(i + 1) % n]
            ln = math.dist(a, b)
            if ln <= 1e-9:
                continue
            dist = L.point_segment_distance(at, a, b)
            if dist <= near_m and (best is None or dist < best[0]):
                best = (dist, ((b[0] - a[0]) / ln, (b[1] - a[1]) / ln))
    return best[1] if best else None


def draw_inner_doors(sheet: _Sheet, view: _View, storey: StoreyShape) -> None:
    """Each inner door as a gap in its wall with a jamb at either end; an assumed one with a
    dashed leaf across the gap. A door with no wall within a metre is left out (the layout
    checks doors against their walls)."""
    pal = sheet.ctx.pal
    wall_gap = Stroke(pal.white, 0.6)
    jamb = Stroke(pal.inner_door, 0.3)
    leaf = Stroke(pal.inner_door, 0.3, (0.6, 0.45))
    for door in storey.inner_doors:
        along = _wall_direction(storey, door.at)
        if along is None:
            continue
        p = view.p(door.at)
        t = view.d(along)
        nrm = (-t[1], t[0])
        half = max(door.width_m * view.k, 1.4) / 2
        a = (p[0] - t[0] * half, p[1] - t[1] * half)
        b = (p[0] + t[0] * half, p[1] + t[1] * half)
        items = [Path(((a, b),), closed=False, stroke=wall_gap)]
        for e in (a, b):
            items.append(Path((((e[0] - nrm[0] * 0.9, e[1] - nrm[1] * 0.9),
                                (e[0] + nrm[0] * 0.9, e[1] + nrm[1] * 0.9)),),
                              closed=False, stroke=jamb))
        if door.assumed:
            items.append(Path(((a, b),), closed=False, stroke=leaf))
        sheet.add("rooms", *items)
        xs, ys = [a[0], b[0]], [a[1], b[1]]
        sheet.placer.add_box((min(xs) - 0.9, min(ys) - 0.9, max(xs) + 0.9, max(ys) + 0.9), "mark")
        sheet.use("inner_door_assumed" if door.assumed else "inner_door")


# --- guidance marks --------------------------------------------------------------------------


def _groups(marks: Sequence[Marking], signs: dict[str, Sign], view: _View
            ) -> list[tuple[XY, XY | None, list[str]]]:
    """The guidance marks of a storey by decision point and paper direction (turned to the
    nearest 15°): (paper point, paper direction or None, texts in plan order)."""
    out: dict[tuple, tuple[XY, XY | None, list[str]]] = {}
    for m in marks:
        sign = signs.get(m.id)
        d = sign.direction if sign is not None else None
        p = view.p(m.at)
        pd = None
        key_d: int | None = None
        if d is not None and (d[0] or d[1]):
            raw = view.d(d)
            key_d = round(math.degrees(math.atan2(raw[1], raw[0])) / 15) % 24
            a = math.radians(key_d * 15)
            pd = (math.cos(a), math.sin(a))
        key = (round(p[0], 1), round(p[1], 1), key_d)
        if key not in out:
            out[key] = (p, pd, [])
        if m.code not in out[key][2]:
            out[key][2].append(m.code)
    return list(out.values())


def draw_guidance_marks(sheet: _Sheet, view: _View, marks: Sequence[Marking],
                        signs: dict[str, Sign]) -> None:
    """The guidance marks of a storey (see the module docstring). ``signs``: guidance sign
    by marking id (its ``direction``)."""
    c = sheet.ctx
    st = c.style
    size = max(st.guidance_mm, st.min_text_mm)
    arrow = st.guidance_arrow_mm
    left_out = 0
    for p, d, texts in _groups(marks, signs, view):
        if d is not None and _guidance_mark(sheet, p, d, texts, size, arrow):
            sheet.use("guidance", texts[0])
        else:
            left_out += len(texts)
    if left_out:
        sheet.notes.append(f"–\t{c.words['guidance_note'].format(n=left_out)}")


#: How far from its decision point a guidance mark's arrow may start (mm on paper), nearest
#: first.
ARROW_STARTS_MM = (0.4, 1.5, 3.0, 4.5, 6.5, 9.0)


def _arrow_clear(sheet: _Sheet, p: XY, tip: XY) -> bool:
    """True when a guidance mark's arrow from its decision point ``p`` to ``tip`` crosses no
    wall (a wall at the point itself, a door's, does not count)."""
    w = sheet.walls
    return w is None or w.line_free(p, tip, kinds=_WALL_KINDS, skip_start=0.0)


def _guidance_mark(sheet: _Sheet, p: XY, d: XY, texts: Sequence[str], size: float,
                   arrow: float) -> bool:
    """One arrow from ``p`` along ``d`` with its destinations at the tip (on one line, else
    one a line), where arrow and text find room without crossing a wall."""
    pal = sheet.ctx.pal
    variants = [[" · ".join(texts)]] + ([list(texts)] if len(texts) > 1 else [])
    pitch = L.text_height(size)
    t = (-d[1], d[0])
    got = None
    for start in ARROW_STARTS_MM:
        cx, cy = p[0] + d[0] * (arrow / 2 + start), p[1] + d[1] * (arrow / 2 + start)
        poly = arrow_polygon(cx, cy, arrow, d)
        xs, ys = [q[0] for q in poly], [q[1] for q in poly]
        abox = (min(xs), min(ys), max(xs), max(ys))
        tip = (p[0] + d[0] * (arrow + start), p[1] + d[1] * (arrow + start))
        if not (sheet.placer.box_free(abox, within=sheet.clip) and _arrow_clear(sheet, p, tip)):
            continue
        for lines in variants:
            w = max(fonts.text_width_mm(ln, size_mm=size) for ln in lines)
            h = pitch * len(lines)
            cands = list(L.along_normal(tip, d, t, w, h, gaps=(0.5, 1.5),
                                        shifts=(0, 1.5, -1.5, 3, -3)))
            cands += list(L.around(tip, w, h, gaps=(0.5, 1.5, 3.0)))
            free = [b for b in cands if not L.overlaps(b, abox) and sheet.off_walls(b)]
            got = sheet.placer.first_free(free, within=sheet.clip)
            if got is not None:
                break
        if got is not None:
            break
    if got is None:
        return False
    sheet.add("labels", Path((poly,), fill=pal.guidance, stroke=Stroke(pal.white, 0.2)))
    sheet.placer.add_box(L.grow(abox, 0.2), "symbol")
    y = got[1]
    for ln in lines:
        y += L.ASCENT * size
        sheet.text("labels", got[0], y, ln, size, fill=pal.guidance)
        y += L.DESCENT * size
    return True


__all__ = ["draw_escape_routes", "draw_guidance_marks", "draw_inner_doors", "route_chevrons"]
