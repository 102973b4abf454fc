"""The storey plans: one page per storey, the storey's outline with its floor tone (the rest
of the building's footprint dashed where the storey does not cover it), rooms with their
codes and uses, hazard rooms, shafts, the horizontal escape routes and inner doors, windows,
doors, stairs, the features on this storey (a lift or riser on every storey it serves) and
the guidance signs' marks (:mod:`.routes`), the neighbours for context, and the site plan's
grid over it."""

from __future__ import annotations

from collections.abc import Callable

from shapely import STRtree
from shapely.geometry import LineString, MultiPolygon, Point, Polygon
from shapely.geometry import box as sbox
from shapely.ops import unary_union
from shapely.prepared import prep

from ...plan import BuildingShape, StoreyShape
from ...render.scene import Group, Item, Path, Rect, Stroke
from .. import labels as L
from .din import draw_fire_lines, storey_span
from .marks import (
    _code_box_size,
    _crowded_first,
    _draw_code_box,
    _draw_doors,
    _draw_grid,
    _draw_sides,
    _draw_symbol_at,
)
from .rooms import add_walls, draw_rooms, hazard_symbols, reserve_features, room_label
from .routes import draw_escape_routes, draw_guidance_marks, draw_inner_doors
from .sheet import _Ctx, _Sheet
from .style import DOOR_KINDS, STOREY_SPAN_KINDS, Box
from .view import _View


def _storey_view(ctx: _Ctx, b: BuildingShape, scale: int,
                 window: tuple[float, float, float, float] | None = None) -> _View:
    """The view of a building's storey plans at ``scale``: the site plan's rotation, the
    building's extent (its outline and every room), or a part plan's ``window`` (grid
    metres), centred in the drawing area."""
    k = 1000.0 / scale
    u0, v0, u1, v1 = window or b.extent  # metres on the grid: right, down
    x, y, w, h = ctx.lay.drawing
    cx, cy = (u1 * k + u0 * k) / 2, (v1 * k + v0 * k) / 2
    return _View(ctx.frame, k, x + w / 2 - cx, y + h / 2 - cy)


def _extent(storey: StoreyShape) -> Polygon | MultiPolygon | None:
    """The part of the outline the storey occupies as one shapely geometry, or None."""
    if storey.extent is None:
        return None
    parts = [Polygon(outer, list(holes)) for outer, holes in storey.extent]
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def _compose_storey(ctx: _Ctx, b: BuildingShape, storey: StoreyShape, view: _View, *,
                    core: Box | None = None,
                    overlay: Callable[[_Sheet], None] | None = None) -> _Sheet:
    """The storey plan of one storey of building ``b``, seen through ``view``; a part plan
    when ``core`` (paper) says what is at home on it (its drawing is clipped, and what lies
    beyond its edge is on its neighbour). ``overlay`` draws on the sheet after the floor,
    the rooms and the walls and before every code (a route card's way), so that the codes
    keep clear of it."""
    level = storey.level
    x, y, w, h = ctx.lay.drawing
    area = (x, y, x + w, y + h)
    sheet = _Sheet(ctx, area, L.Placer(area), view)
    sheet.core, sheet.clip_drawing = core, core is not None
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

    # the floor: the storey's outline (without one, the part of the footprint its rooms
    # show) in the circulation tone, the rooms on it, the storey's walls on top and the rest
    # of the building's footprint dashed
    extent = _extent(storey)
    if extent is None:
        sheet.add("buildings", Path((ring, *holes), fill=pal.grey10))
    else:
        for outer, inner in storey.extent or ():
            sheet.add("buildings", Path((view.ring(outer), *[view.ring(i) for i in inner]),
                                        fill=pal.grey10))
    sheet.use("corridor")
    rooms = storey.rooms
    room_shapes = draw_rooms(sheet, view, rooms)
    draw_escape_routes(sheet, view, storey)
    _draw_outline(sheet, view, b, storey, extent)
    draw_fire_lines(sheet, view, b.fire_lines, level)
    draw_inner_doors(sheet, view, storey)
    foot = Polygon(view.ring(b.outline), [list(view.ring(hh)) for hh in b.courtyards])
    storey_poly = Polygon(ring, [list(hh) for hh in holes])
    if not storey_poly.is_valid:
        storey_poly = storey_poly.buffer(0)
    if not foot.is_valid:
        foot = foot.buffer(0)
    sheet.placer.add_geometry(unary_union([foot, storey_poly]).buffer(0.4), "area", b.id)
    if overlay is not None:
        overlay(sheet)

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
        if not (x <= p[0] <= x + w and y <= p[1] <= y + h):
            continue  # beyond this part plan's edge: on its neighbour
        size = st.stair_code_mm
        bw, bh = _code_box_size(m.code, size)
        cands = list(L.around(p, bw, bh, gaps=(0.5, 2, 4, 7, 11, 16), centre_first=True))
        # off the walls where it can be
        got = sheet.placer.first_free([b for b in cands if sheet.off_walls(b)], leader_from=p,
                                      within=sheet.clip)
        if got is None:
            got = sheet.placer.first_free(cands, leader_from=p, within=sheet.clip)
        if got is None:
            sheet.callout(p, f"{m.code} {m.name or ''}".strip())
            continue
        if L.box_distance(got, p) > 0.8:
            sheet.leader(p, got, pal.stair, 0.3)
        _draw_code_box(sheet, got, m.code, size, pal.stair)
        sheet.use("stair", m.code)


    # room codes before symbols (a crew looks for the code in its room; symbols can move),
    # smallest rooms first (they have the fewest places); a shaft has no number
    feats = [ft for ft in b.features if ft.on(level)]
    reserve_features(sheet, view, feats)
    by_el = {r.id: r for r in rooms if not r.shaft}
    marks = [m for m in own if m.kind == "room" and m.level == level and m.element in by_el]
    marks.sort(key=lambda m: (room_shapes[m.element].area, m.code))
    for m in marks:
        # a part plan labels the rooms at home on it and those it shows whole (the rest,
        # cut by its edge, on the neighbouring part)
        q = view.p(by_el[m.element].label_at)
        rb = room_shapes[m.element].bounds
        whole = x <= rb[0] and y <= rb[1] and rb[2] <= x + w and rb[3] <= y + h
        if (x <= q[0] <= x + w and y <= q[1] <= y + h) and (sheet.home(q) or whole):
            room_label(sheet, view, m, room_shapes[m.element], by_el[m.element])

    # building features on this storey (a lift or a riser on each storey it serves):
    # symbols at their points, moved with a leader where a code sits; the most crowded
    # first, so that the outer ones of a cluster move outwards. A hazard's name keeps off
    # the walls, and so do the symbols where they can. Then the warning triangle of each
    # hazard room without a hazard feature.
    place = _Places(storey_poly, [Polygon(r.ring) for r in room_shapes.values()])
    names = dict(zip(ctx.building_plans[b.id].levels, ctx.building_plans[b.id].level_names,
                     strict=False))
    for ft in _crowded_first(feats, view, st.symbol_mm * 1.5):
        # a riser or a shut-off on several storeys carries them beside its symbol
        span = (storey_span(names, ft.levels) if ft.kind in STOREY_SPAN_KINDS
                and len(ft.levels) > 1 else "")
        _draw_symbol_at(sheet, view, ft.kind, ft.at, name=span or ft.name,
                        keep=place.same_as(view.p(ft.at)), label=ft.kind == "hazard" or bool(span),
                        label_kinds=L.Placer.HARD, label_off_walls=True)
    hazard_symbols(sheet, view, rooms, room_shapes, feats)

    # the guidance signs' marks last: they give way to everything else
    guides = [m for m in own if m.kind == "guidance" and m.level == level]
    if guides:
        ids = {m.id for m in guides}
        signs = {s.marking: s for s in ctx.plan.signs if s.kind == "guidance" and s.marking in ids}
        draw_guidance_marks(sheet, view, guides, signs)

    # the site plan's grid over the storey
    _draw_grid(sheet, view, area, frame_line=True)
    return sheet


class _Places:
    """Where a point is on a storey plan (paper): in a room, in the circulation between the
    rooms, or outside the storey; a symbol moved off the walls stays where its point is (a
    key box on the facade is not drawn in the lobby)."""

    def __init__(self, storey: Polygon, rooms: list[Polygon]) -> None:
        self.storey = prep(storey)
        self.rooms = [(r, prep(r)) for r in rooms if r.is_valid and not r.is_empty]
        self._tree = STRtree([r for r, _ in self.rooms])

    def _room(self, pt: Point) -> int | None:
        for i in self._tree.query(pt):
            if self.rooms[int(i)][1].covers(pt):
                return int(i)
        return None

    def same_as(self, p: tuple[float, float]) -> Callable[[Box], bool]:
        """A test: does a box's centre lie where ``p`` lies?"""
        pt = Point(p)
        room = self._room(pt)
        inside = self.storey.covers(pt)

        def test(b: Box) -> bool:
            c = Point((b[0] + b[2]) / 2, (b[1] + b[3]) / 2)
            if room is not None:
                return self.rooms[room][1].covers(c)
            if not inside:
                return not self.storey.covers(c)
            return self.storey.covers(c) and self._room(c) is None

        return test


def _draw_outline(sheet: _Sheet, view: _View, b: BuildingShape, storey: StoreyShape,
                  extent: Polygon | MultiPolygon | None) -> None:
    """The storey's walls solid (and walls for the placer); the parts of the building's
    footprint the storey does not cover dashed, so the crew sees the building's shape.

    A storey with its own outline draws it whole, and the footprint outside it dashed. A
    storey without one fills the footprint, or (when its rooms show only part of it, see
    :attr:`StoreyShape.extent`) has the footprint's edges along that part solid, the rest
    dashed."""
    c = sheet.ctx
    pal, st = c.pal, c.style
    solid = Stroke(pal.black, st.building_outline_mm)
    dashed = Stroke(pal.grey50, 0.35, (2.0, 1.2))
    own = (storey.outline, storey.courtyards) != (b.outline, b.courtyards)
    rings = [storey.outline, *storey.courtyards]
    if extent is None:
        paper = [view.ring(r) for r in rings]
        sheet.add("rooms", Path(tuple(paper), fill=None, stroke=solid))
        for r in paper:
            add_walls(sheet, r)
        if not own:
            return
        covered = Polygon(storey.outline, [list(h) for h in storey.courtyards])
        if not covered.is_valid:
            covered = covered.buffer(0)
        near = covered.buffer(0.05)
        pieces = [(LineString([*r, r[0]]).difference(near), dashed)
                  for r in (b.outline, *b.courtyards)]
    else:
        near = extent.buffer(0.05)
        pieces = []
        for r in rings:
            line = LineString([*r, r[0]])
            pieces += [(line.intersection(near), solid), (line.difference(near), dashed)]
    any_dashed = False
    for geom, stroke in pieces:
        for part in getattr(geom, "geoms", [geom]):
            if part.geom_type == "LineString" and part.length > 0.05:
                pts = view.ring(part.coords)
                sheet.add("rooms", Path((pts,), closed=False, stroke=stroke))
                if stroke is solid:
                    for a, e in zip(pts, pts[1:]):
                        if a != e:
                            sheet.add_wall(a, e)
                else:
                    any_dashed = True
    if any_dashed:
        sheet.use("outline_only")
