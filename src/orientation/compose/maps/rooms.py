"""Rooms on a storey plan: their fills (white, a hazard's tint, a shaft's hatch), their walls
as obstacles that labels must not cross, their codes with the use word (and a landmark's
name) inside, and the warning triangle in each hazard room.

A room label never runs across a wall: it is placed inside its room, clear of the walls,
at the full size or smaller down to the minimum text height, without the landmark's name or
without the use word where they do not fit; else beside the room with a leader, where it
crosses no wall (in a corridor, outside the building); else as a numbered callout."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from shapely.geometry import LineString, Point, Polygon
from shapely.geometry import box as sbox
from shapely.prepared import prep

from ... import fonts, words
from ...plan import FeaturePoint, Marking, RoomShape
from ...render.scene import Color, Item, Path, Stroke, Text
from .. import labels as L
from ..label_boxes import grid_near
from ..symbols import symbol_size
from .din import draw_map_symbol, hatched
from .marks import _draw_symbol_at
from .sheet import _Sheet
from .style import XY, Box
from .view import _View

#: A line of a room label: text, font size, weight, colour.
_Line = tuple[str, float, str, Color]


class _RoomShape:
    """A room's outline on paper: its area, bounds and the test "does a box fit inside,
    ``margin`` mm clear of the walls".

    Most rooms are rectangles along the paper's axes (the plan is turned so that the main
    access faces down, and rooms follow the walls); those are tested with four
    comparisons. Any other outline goes through shapely (an inward buffer, prepared)."""

    __slots__ = ("ring", "bounds", "area", "_rect", "_inner", "_near")

    def __init__(self, ring: Sequence[XY], margin: float = 0.6) -> None:
        pts = [(float(x), float(y)) for x, y in ring]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        self.ring = pts
        xs, ys = [q[0] for q in pts], [q[1] for q in pts]
        self.bounds: Box = (min(xs), min(ys), max(xs), max(ys))
        x0, y0, x1, y1 = self.bounds
        corners = {(x0, y0), (x1, y0), (x1, y1), (x0, y1)}
        rect = len(pts) == 4 and set(pts) == corners and x1 > x0 and y1 > y0
        self._rect: Box | None = None
        self._inner = None
        self._near: dict[XY, list[XY]] = {}
        if rect:
            self.area = (x1 - x0) * (y1 - y0)
            if x1 - x0 > 2 * margin and y1 - y0 > 2 * margin:
                self._rect = (x0 + margin, y0 + margin, x1 - margin, y1 - margin)
        else:
            poly = Polygon(pts)
            if not poly.is_valid:
                poly = poly.buffer(0)
            self.area = poly.area
            inner = poly.buffer(-margin)
            self._inner = prep(inner) if not inner.is_empty else None

    @property
    def is_rect(self) -> bool:
        """True when the outline is a rectangle along the paper's axes, wide enough to hold
        something clear of its walls (then :meth:`holds` compares numbers alone)."""
        return self._rect is not None

    @property
    def has_inside(self) -> bool:
        """False when the room is too small to hold anything clear of its walls."""
        return self._rect is not None or self._inner is not None

    def holds(self, b: Box) -> bool:
        """True when box ``b`` lies inside the room, clear of the walls."""
        r = self._rect
        if r is not None:
            return r[0] <= b[0] and r[1] <= b[1] and b[2] <= r[2] and b[3] <= r[3]
        return self._inner is not None and self._inner.contains(sbox(*b))

    def points_near(self, at: XY, step: float = 1.5, most: int = 600) -> Iterator[XY]:
        """``at``, then the points of a ``step`` mm lattice over the room, nearest first.

        Built on first use: most labels fit at their label point, and sorting every room's
        lattice was the larger part of labelling a storey."""
        yield at
        pts = self._near.get(at)
        if pts is None:
            pts = self._near[at] = grid_near(self.bounds, at, step, most)
        yield from pts

    def boxes_near(self, at: XY, w: float, h: float, margin: float = 0.6) -> Iterator[Box]:
        """Boxes of ``w`` × ``h`` centred at ``at``, at the lattice points and against the
        room's walls (in its corners, along its sides), nearest ``at`` first: a box that
        fits only snug against a wall is found too."""
        x0, y0, x1, y1 = self.bounds
        xs = [x0 + margin + w / 2, x1 - margin - w / 2]
        ys = [y0 + margin + h / 2, y1 - margin - h / 2]
        snug = [(x, y) for x in xs for y in ys]
        snug += [(x, at[1]) for x in xs] + [(at[0], y) for y in ys]
        pts = [*snug, *self.points_near(at)]
        pts.sort(key=lambda q: math.dist(q, at))
        for q in pts:
            yield L.centred(q[0], q[1], w, h)


def add_walls(sheet: _Sheet, ring: Sequence[XY], width: float = 1.0) -> None:
    """The edges of a ring on paper as walls for the placer, ``width`` mm wide (what keeps
    clear of them keeps half of it off the line): labels test them, symbols where they can,
    leaders do not."""
    n = len(ring)
    for i in range(n):
        a, b = ring[i], ring[(i + 1) % n]
        if a != b:
            sheet.add_wall(a, b, width)


def use_word(lang: str, use: str | None) -> str:
    """The short word of a room use printed under the room number (``WC``, ``Heizung``)."""
    if not use:
        return ""
    return words.get("room-use." + use, lang, use) or use


def _shaft_lines(ring: Sequence[XY], lift: bool, step: float = 1.2) -> list[tuple[XY, XY]]:
    """A shaft's hatch on paper: a lift's two diagonals (the cross of a lift shaft), a
    stair's treads across its long side, clipped to the room."""
    poly = Polygon(ring)
    if not poly.is_valid:
        poly = poly.buffer(0)
    if poly.is_empty or poly.area <= 0:
        return []
    rect = poly.minimum_rotated_rectangle
    c = list(rect.exterior.coords)[:4]
    if len(c) < 4:
        return []
    e0 = (c[1][0] - c[0][0], c[1][1] - c[0][1])
    e1 = (c[2][0] - c[1][0], c[2][1] - c[1][1])
    if lift:
        cand = [LineString([c[0], c[2]]), LineString([c[1], c[3]])]
    else:
        long_, short = (e0, e1) if math.hypot(*e0) >= math.hypot(*e1) else (e1, e0)
        length = math.hypot(*long_)
        if length <= 0:
            return []
        step = max(step, length / 200)  # a bounded number of treads
        ux, uy = long_[0] / length, long_[1] / length
        start = c[0] if long_ is e0 else c[1]
        cand = []
        t = step / 2
        while t < length:
            p = (start[0] + ux * t, start[1] + uy * t)
            cand.append(LineString([(p[0] - short[0] * 0.05, p[1] - short[1] * 0.05),
                                    (p[0] + short[0] * 1.05, p[1] + short[1] * 1.05)]))
            t += step
    out: list[tuple[XY, XY]] = []
    for line in cand:
        g = line.intersection(poly)
        for part in getattr(g, "geoms", [g]):
            if part.geom_type == "LineString" and part.length > 0.2:
                q = list(part.coords)
                out.append(((q[0][0], q[0][1]), (q[-1][0], q[-1][1])))
    return out


def _inset(ring: Sequence[XY], d: float) -> list[tuple[XY, ...]]:
    """The ring moved ``d`` mm inwards (mitred), as rings; empty when the room is too
    small."""
    poly = Polygon(ring)
    if not poly.is_valid:
        poly = poly.buffer(0)
    inner = poly.buffer(-d, join_style=2)
    parts = [p for p in getattr(inner, "geoms", [inner]) if p.geom_type == "Polygon"]
    return [tuple((x, y) for x, y in p.exterior.coords) for p in parts if not p.is_empty]


def draw_rooms(sheet: _Sheet, view: _View, rooms: Sequence[RoomShape]) -> dict[str, _RoomShape]:
    """Every room of a storey: white, a hazard room tinted with a coloured edge inside its
    walls, a shaft hatched; the walls go to the placer. Returns the paper shapes by id."""
    c = sheet.ctx
    pal, st = c.pal, c.style
    shapes: dict[str, _RoomShape] = {}
    wall = Stroke(pal.grey75, st.room_outline_mm)
    for r in rooms:
        rr = view.ring(r.ring)
        # in a hazard room, labels keep clear of the coloured edge inside the walls too
        shapes[r.id] = _RoomShape(rr, margin=1.4 if r.hazard else 0.6)
        items: list[Item] = []
        if r.hazard:
            edge, tint = pal.hazard(r.hazard)
            items.append(Path((rr,), fill=tint, stroke=wall))
            items += [Path((ring,), fill=None, stroke=Stroke(edge, 0.6)) for ring in _inset(rr, 0.55)]
            if pal.mono:  # no tint: raised fire risk hatched, other hazards cross-hatched
                items += hatched([rr], pal, spacing=1.8, cross=r.hazard != "fire", width=0.12)
            sheet.use("hazard_" + r.hazard)
        else:
            items.append(Path((rr,), fill=pal.white, stroke=wall))
        if r.shaft:
            lift = r.use == "lift"
            lines = _shaft_lines(rr, lift)
            if lines:
                items.append(Path(tuple(lines), closed=False, stroke=Stroke(pal.grey50, 0.2)))
            sheet.use("shaft_lift" if lift else "shaft_stair")
        else:
            sheet.use("room")
        sheet.add("rooms", *items)
        add_walls(sheet, rr)
    return shapes


def room_label(sheet: _Sheet, view: _View, m: Marking, room: _RoomShape, shape: RoomShape) -> None:
    """The room code inside the room, as near its label point as it can, with the use word
    (and a landmark's name) under it; smaller, or without the name, or without the use word
    where it does not fit; otherwise beside the room with a leader, crossing no wall;
    otherwise a numbered callout."""
    c = sheet.ctx
    pal, st = c.pal, c.style
    at = view.p(shape.label_at)
    name = m.name if (m.landmark and m.name) else ""
    use = use_word(c.lang, shape.use)
    if use and name and use.casefold() in name.casefold().split():
        use = ""  # the name says it ("WC Lehrkräfte")
    room_w = room.bounds[2] - room.bounds[0]

    def block(code_mm: float, small_mm: float, name_lines: Sequence[str],
              with_use: bool) -> tuple[list[_Line], float, float]:
        lines: list[_Line] = [(m.code, code_mm, "bold", pal.black)]
        lines += [(t, small_mm, "bold", pal.grey75) for t in name_lines]
        if with_use:
            lines.append((use, small_mm, "regular", pal.black))
        w = max(fonts.text_width_mm(t, size_mm=s, weight=wt)  # type: ignore[arg-type]
                for t, s, wt, _ in lines) + 0.6
        h = sum(L.text_height(s) for _, s, _, _ in lines) + 0.2 * (len(lines) - 1)
        return lines, w, h

    sizes = ((st.room_code_mm, st.landmark_mm), (st.min_text_mm + 0.2, st.min_text_mm),
             (st.min_text_mm, st.min_text_mm))
    variants = []
    if name:
        for code_mm, small in sizes:
            wrapped = L.wrap(name, max(room_w - 1.5, 5), small, "bold", max_lines=3)
            if wrapped:
                variants.append(block(code_mm, small, wrapped, bool(use)))
    if use:
        variants += [block(cm, sm, [], True) for cm, sm in sizes]
    variants += [block(cm, sm, [], False) for cm, sm in sizes]

    def draw(b: Box, lines: list[_Line]) -> None:
        yb = b[1]
        cx = (b[0] + b[2]) / 2
        for t, s, wt, col in lines:
            yb += L.ASCENT * s
            sheet.add("labels", Text(cx, yb, t, s, col, weight=wt, anchor="middle",  # type: ignore[arg-type]
                                     halo=pal.white, halo_mm=st.halo_mm))
            yb += L.DESCENT * s + 0.2
        sheet.placer.add_box(L.grow(b, 0.25), "label", m.id)
        if any(t == use for t, *_ in lines[1:]) and use and shape.use:
            sheet.use("use:" + shape.use, use)

    if room.has_inside:
        # clear of the features' points first (their symbols are tied to them), then over
        for clear in (True, False):
            for lines, w, h in variants:
                for q in room.points_near(at):
                    b = L.centred(q[0], q[1], w, h)
                    if (room.holds(b) and (not clear or sheet.unreserved(b))
                            and sheet.placer.box_free(b, within=sheet.clip)):
                        draw(b, lines)
                        return
    # beside the room, with a leader, where the label crosses no wall
    for code_mm, small in (sizes[0], sizes[-1]):
        lines, w, h = block(code_mm, small, [name] if name else [], bool(use))
        cands = (b for b in L.around(at, w, h, gaps=(1, 3, 6, 10, 15)) if sheet.off_walls(b))
        got = sheet.placer.first_free(cands, leader_from=at, within=sheet.clip)
        if got is not None:
            sheet.leader(at, got, pal.grey75, 0.25)
            draw(got, lines)
            return
    sheet.callout(at, f"{m.code} {name or use}".strip())


def reserve_features(sheet: _Sheet, view: _View, features: Sequence[FeaturePoint]) -> None:
    """The symbol boxes of the features at their points, as places room labels avoid."""
    size = sheet.ctx.style.symbol_mm
    for ft in features:
        p = view.p(ft.at)
        w, h = symbol_size(ft.kind, size)
        sheet.reserve(L.centred(p[0], p[1], w + 0.8, h + 0.8))


def hazard_symbols(sheet: _Sheet, view: _View, rooms: Sequence[RoomShape],
                   shapes: dict[str, _RoomShape], features: Sequence[FeaturePoint]) -> None:
    """The warning triangle in every hazard room (inside it, beside its label), unless a
    hazard feature of the storey stands in the room (its own triangle marks it)."""
    c = sheet.ctx
    st = c.style
    hazard_points = [Point(ft.at) for ft in features if ft.kind == "hazard"]
    for r in rooms:
        if not r.hazard:
            continue
        poly = Polygon(r.ring)
        if any(poly.covers(p) for p in hazard_points):
            continue
        room = shapes[r.id]
        at = view.p(r.label_at)
        got = None
        for size in (st.symbol_mm, st.symbol_min_mm):
            w, h = symbol_size("hazard", size)
            for b in room.boxes_near(at, w, h, margin=1.45):
                if room.holds(b) and sheet.placer.box_free(b, within=sheet.clip):
                    got = (b, size)
                    break
            if got is not None:
                break
        if got is None:  # no room inside: at the label point, moved with a leader
            _draw_symbol_at(sheet, view, "hazard", r.label_at, owner=r.id)
            continue
        b, size = got
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        sheet.add("symbols", *draw_map_symbol("hazard", cx, cy, size, c.pal, c.lang))
        sheet.placer.add_box(L.grow(b, 0.3), "symbol", r.id)
        sheet.use("hazard")
