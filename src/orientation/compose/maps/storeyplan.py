"""The storey plans: one page per storey, the building's outline with the storey's floor
tone, rooms with their codes, windows, doors, stairs and features, the neighbours for
context, and the site plan's grid over it."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from shapely.geometry import LineString, MultiPolygon, Polygon
from shapely.geometry import box as sbox
from shapely.prepared import prep

from ... import fonts
from ...plan import BuildingShape, Marking, StoreyShape
from ...render.scene import Group, Item, Path, Rect, Stroke, Text
from .. import labels as L
from .marks import (
    _code_box_size,
    _crowded_first,
    _draw_code_box,
    _draw_doors,
    _draw_grid,
    _draw_sides,
    _draw_symbol_at,
)
from .sheet import _Ctx, _Sheet
from .style import DOOR_KINDS, XY, Box
from .view import _View


def _storey_view(ctx: _Ctx, b: BuildingShape, scale: int) -> _View:
    """The view of a building's storey plans at ``scale``: the site plan's rotation, the
    building's extent (its outline and every room) centred in the drawing area."""
    k = 1000.0 / scale
    u0, v0, u1, v1 = b.extent  # metres on the grid: right, down
    x, y, w, h = ctx.lay.drawing
    cx, cy = (u1 * k + u0 * k) / 2, (v1 * k + v0 * k) / 2
    return _View(ctx.frame, k, x + w / 2 - cx, y + h / 2 - cy)


class _RoomShape:
    """A room's outline on paper: its area, bounds and the test "does a label box fit
    inside, ``margin`` mm clear of the walls".

    Most rooms are rectangles along the paper's axes (the plan is turned so that the main
    access faces down, and rooms follow the walls); those are tested with four
    comparisons. Any other outline goes through shapely (an inward buffer, prepared)."""

    __slots__ = ("ring", "bounds", "area", "_rect", "_inner")

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
        if rect:
            self.area = (x1 - x0) * (y1 - y0)
            if x1 - x0 > 2 * margin and y1 - y0 > 2 * margin:
                self._rect = (x0 + margin, y0 + margin, x1 - margin, y1 - margin)
        else:
            poly = Polygon(pts)
            self.area = poly.area
            inner = poly.buffer(-margin)
            self._inner = prep(inner) if not inner.is_empty else None

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


def _room_label(sheet: _Sheet, view: _View, m: Marking, room: _RoomShape, label_at: XY) -> None:
    """Room code (and a landmark's name) inside the room, as near its label point as it can;
    otherwise beside it with a leader; otherwise a numbered callout."""
    c = sheet.ctx
    st = c.style
    at = view.p(label_at)
    name = m.name if (m.landmark and m.name) else ""
    room_w = room.bounds[2] - room.bounds[0]

    def block(code_mm: float, name_mm: float, name_lines: list[str]):
        widths = [fonts.text_width_mm(m.code, size_mm=code_mm)]
        widths += [fonts.text_width_mm(t, size_mm=name_mm) for t in name_lines]
        lines = [(m.code, code_mm)] + [(t, name_mm) for t in name_lines]
        h = sum(L.text_height(s) for _, s in lines) + 0.2 * (len(lines) - 1)
        return lines, max(widths) + 0.6, h

    variants = []
    for code_mm, name_mm in ((st.room_code_mm, st.landmark_mm),
                             (st.min_text_mm + 0.2, st.min_text_mm),
                             (st.min_text_mm, st.min_text_mm)):
        if name:
            wrapped = L.wrap(name, max(room_w - 1.5, 5), name_mm, "bold", max_lines=3) or [name]
            variants.append(block(code_mm, name_mm, wrapped))
        else:
            variants.append(block(code_mm, name_mm, []))

    near_points: list[XY] = []

    def lattice() -> Iterator[XY]:
        """The label point, then points of a 1.5 mm lattice over the room, nearest first.

        Built on first use: most labels fit at their label point, and sorting every
        room's lattice was the larger part of labelling a storey."""
        yield at
        if not near_points:
            x0, y0, x1, y1 = room.bounds
            step = 1.5
            yy = y0
            pts = []
            while yy <= y1:
                xx = x0
                while xx <= x1:
                    pts.append((xx, yy))
                    xx += step
                yy += step
            pts.sort(key=lambda q: math.dist(q, at))
            near_points.extend(pts[:600])
        yield from near_points

    def draw(b: Box, lines) -> None:
        yb = b[1]
        cx = (b[0] + b[2]) / 2
        for i, (t, s) in enumerate(lines):
            yb += L.ASCENT * s
            sheet.add("labels", Text(cx, yb, t, s, c.pal.black if i == 0 else c.pal.grey75,
                                     anchor="middle", halo=c.pal.white, halo_mm=st.halo_mm))
            yb += L.DESCENT * s + 0.2
        sheet.placer.add_box(L.grow(b, 0.25), "label", m.id)

    if room.has_inside:
        for lines, w, h in variants:
            for q in lattice():
                b = L.centred(q[0], q[1], w, h)
                if room.holds(b) and sheet.placer.box_free(b, within=sheet.clip):
                    draw(b, lines)
                    return
    # outside the room, with a leader
    lines, w, h = variants[0]
    if name:
        lines, w, h = block(st.room_code_mm, st.landmark_mm, [name])
    got = sheet.placer.first_free(L.around(at, w, h, gaps=(1, 3, 6, 10, 15)),
                                  leader_from=at, within=sheet.clip)
    if got is not None:
        sheet.leader(at, got, c.pal.grey75, 0.25)
        draw(got, lines)
        return
    sheet.callout(at, f"{m.code} {name}".strip())


def _extent(storey: StoreyShape) -> Polygon | MultiPolygon | None:
    """The part of the outline the storey occupies as one shapely geometry, or None."""
    if storey.extent is None:
        return None
    parts = [Polygon(outer, list(holes)) for outer, holes in storey.extent]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _compose_storey(ctx: _Ctx, b: BuildingShape, storey: StoreyShape, view: _View) -> _Sheet:
    """The storey plan of one storey of building ``b``, seen through ``view``."""
    level = storey.level
    x, y, w, h = ctx.lay.drawing
    area = (x, y, x + w, y + h)
    sheet = _Sheet(ctx, area, L.Placer(area), view)
    pal, st = ctx.pal, ctx.style
    clip = (x, y, w, h)
    ring = view.ring(storey.outline)
    holes = [view.ring(hh) for hh in storey.courtyards]

    # neighbours for context
    ground: list[Item] = [Rect(x, y, w, h, fill=pal.white)]
    for other in ctx.footprints.near(view, area):  # type: ignore[union-attr]
        if other.id == b.id:
            continue
        oring = view.ring(other.outline)
        poly = Polygon(oring)
        if not poly.intersects(sbox(*area)):
            continue
        ground.append(Path((oring, *[view.ring(hh) for hh in other.courtyards]),
                           fill=pal.neighbour_fill, stroke=Stroke(pal.grey50, 0.35)))
        sheet.placer.add_geometry(poly.intersection(sbox(*area)).buffer(0.3), "area", other.id)
        sheet.use("neighbour")
    sheet.add("ground", Group(tuple(ground), clip=clip))

    # storey outline: circulation tone, rooms white, outline on top
    rooms = storey.rooms
    extent = _extent(storey)
    if extent is None:
        sheet.add("buildings", Path((ring, *holes), fill=pal.grey10))
    else:
        for outer, inner in storey.extent or ():
            sheet.add("buildings", Path((view.ring(outer), *[view.ring(i) for i in inner]),
                                        fill=pal.grey10))
    sheet.use("corridor")
    room_shapes: dict[str, _RoomShape] = {}
    for r in rooms:
        rr = view.ring(r.ring)
        room_shapes[r.id] = _RoomShape(rr)
        sheet.add("rooms", Path((rr,), fill=pal.white, stroke=Stroke(pal.grey75, st.room_outline_mm)))
    if rooms:
        sheet.use("room")
    if extent is None:
        sheet.add("rooms", Path((ring, *holes), fill=None,
                                stroke=Stroke(pal.black, st.building_outline_mm)))
    else:  # walls of this storey solid, the rest of the building's outline dashed
        near = extent.buffer(0.05)
        for r_ in [storey.outline, *storey.courtyards]:
            line = LineString([*r_, r_[0]])
            for geom, stroke in ((line.intersection(near), Stroke(pal.black, st.building_outline_mm)),
                                 (line.difference(near), Stroke(pal.grey50, 0.35, (2.0, 1.2)))):
                for part in getattr(geom, "geoms", [geom]):
                    if part.geom_type == "LineString" and part.length > 0.05:
                        sheet.add("rooms", Path((view.ring(part.coords),), closed=False, stroke=stroke))
        sheet.use("outline_only")
    sheet.placer.add_geometry(Polygon(ring, [list(hh) for hh in holes]).buffer(0.4), "area", b.id)

    # windows where coded: a short line just outside the wall
    own = ctx.marks_of.get(b.id, [])
    for m in own:
        if m.kind != "window" or m.level != level:
            continue
        window = ctx.openings[m.id]
        p, nd = view.p(window.point), view.d(window.normal)
        t = (-nd[1], nd[0])
        half = max(window.width_m * view.k, 1.5) / 2
        off = 1.0
        a_ = (p[0] + nd[0] * off - t[0] * half, p[1] + nd[1] * off - t[1] * half)
        e_ = (p[0] + nd[0] * off + t[0] * half, p[1] + nd[1] * off + t[1] * half)
        sheet.add("marks", Path(((a_, e_),), closed=False, stroke=Stroke(pal.blue, 0.6)))
        sheet.use("window")

    # doors of this storey
    doors = []
    for m in own:
        if m.kind in DOOR_KINDS and m.level == level:
            doors.append((m, ctx.openings[m.id]))
    _draw_doors(sheet, view, doors)
    _draw_sides(sheet, view, b.id)

    # stairs: the T code in a dark box on the stair
    for m in own:
        if m.kind != "stair" or level not in (m.levels or (m.level,)):
            continue
        p = view.p(m.at)
        size = st.stair_code_mm
        bw, bh = _code_box_size(m.code, size)
        got = sheet.placer.first_free(L.around(p, bw, bh, gaps=(0.5, 2, 4, 7, 11, 16),
                                               centre_first=True),
                                      leader_from=p, within=sheet.clip)
        if got is None:
            sheet.callout(p, f"{m.code} {m.name or ''}".strip())
            continue
        if L.box_distance(got, p) > 0.8:
            sheet.leader(p, got, pal.stair, 0.3)
        _draw_code_box(sheet, got, m.code, size, pal.stair)
        sheet.use("stair", m.code)


    # room codes before symbols (a crew looks for the code in its room; symbols can move),
    # smallest rooms first (they have the fewest places)
    marks = [m for m in own if m.kind == "room" and m.level == level]
    by_el = {r.id: r for r in rooms}
    marks = [m for m in marks if m.element in by_el]
    marks.sort(key=lambda m: (room_shapes[m.element].area, m.code))
    for m in marks:
        _room_label(sheet, view, m, room_shapes[m.element], by_el[m.element].label_at)

    # building features: symbols at their points, moved with a leader where a code sits;
    # the most crowded first, so that the outer ones of a cluster move outwards
    feats = [ft for ft in b.features if ft.level == level]
    for ft in _crowded_first(feats, view, st.symbol_mm * 1.5):
        _draw_symbol_at(sheet, view, ft.kind, ft.at, name=ft.name,
                        label=ft.kind == "hazard", label_kinds=L.Placer.HARD)

    # the site plan's grid over the storey
    _draw_grid(sheet, view, area, frame_line=True)
    return sheet
