"""Fire-alarm route cards (Feuerwehr-Laufkarten, DIN 14675): one card per detector group,
in the maps' style and on the maps' paper (A3 landscape or A4 portrait), from the plan's
:attr:`~orientation.plan.Plan.alarm_cards` (the ways the layout found on the walking graph).

A card has a side per storey its way walks on: the first (the front) shows the storey of the
fire alarm panel with the way from the panel to the stair (or straight to the group's
rooms), the last (the back) the group's storey with the way from the stair to its rooms and
on to each of them; a way through another building has a side for each storey it walks on.
Each side is the storey plan of its building (every code on it: doors, stairs, rooms) at the
building's own scale, with the way drawn over it in red with arrows, the panel's point, and
the group's rooms (or area) hatched; the column names the group in large type, its storey,
detectors, rooms and note, and the way step by step.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ... import words
from ...plan import AlarmCard, BuildingShape, CardLeg, Plan, Ring, StoreyShape
from ...profiles import Profile
from ...render.scene import Circle, Item, Page, Path, Rect, Stroke, Text
from ...runtime import collector_paused
from .. import labels as L
from ..arrows import chevron
from .booklet import _slug, make_ctx
from .column import _column, _title_block
from .din import hatched
from .marks import _draw_north, _draw_scalebar
from .sheet import _Ctx, _Sheet
from .storeyplan import _compose_storey, _storey_view
from .style import _CAP, DEFAULT_STYLE, MapStyle

#: Arrows along the way about every this many millimetres on paper.
ARROW_EVERY_MM = 18.0


def _sides(card: AlarmCard) -> list[tuple[CardLeg | None, bool]]:
    """The card's sides: (leg, whether the group's rooms are on it); the group's storey gets
    a side of its own when no leg walks on it (the group's rooms at the stair)."""
    sides: list[tuple[CardLeg | None, bool]] = [
        (leg, leg.building == card.building and leg.level == card.level) for leg in card.legs]
    if not any(on for _leg, on in sides):
        sides.append((None, True))
    return sides


def _draw_way(sheet: _Sheet, pts: Sequence[tuple[float, float]], width: float, *,
              dashed: bool = False, arrows: bool = True) -> None:
    """A way on paper: a red line with chevrons towards its end."""
    c = sheet.ctx
    pal = c.pal
    if len(pts) < 2:
        return
    sheet.add("marks", Path((tuple(pts),), closed=False,
                            stroke=Stroke(pal.alarm_route, width, (2.0, 1.2) if dashed else ())))
    if not arrows:
        return
    run = ARROW_EVERY_MM / 2
    for a, b in zip(pts, pts[1:]):
        seg = math.dist(a, b)
        if seg < 1e-6:
            continue
        d = ((b[0] - a[0]) / seg, (b[1] - a[1]) / seg)
        t = run
        while t < seg:
            p = (a[0] + d[0] * t, a[1] + d[1] * t)
            sheet.add("marks", Path((chevron(p[0], p[1], width * 2.2, d),), fill=pal.white))
            t += ARROW_EVERY_MM
        run = t - seg
    end = pts[-1]
    sheet.add("marks", Circle(end[0], end[1], width * 1.2, fill=pal.alarm_route))


def _overlay(card: AlarmCard, leg: CardLeg | None, group_here: bool, storey: StoreyShape
             ) -> Callable[[_Sheet], None]:
    """What a card's side draws over its storey plan, before the codes."""

    def draw(sheet: _Sheet) -> None:
        c = sheet.ctx
        view = sheet.view
        assert view is not None
        pal, st = c.pal, c.style
        if group_here:
            rings: list[Ring] = [r.ring for r in storey.rooms if r.id in card.rooms]
            if card.area:
                rings.append(card.area)
            for ring in rings:
                paper = view.ring(ring)
                sheet.add("rooms", Path((paper,), fill=pal.group_tint,
                                        stroke=Stroke(pal.alarm_route, 0.6)),
                          *hatched([paper], pal, spacing=2.0, width=0.15))
            sheet.use("detector_group")
            for t in card.tour:
                _draw_way(sheet, view.ring(t), st.alarm_route_mm * 0.6, dashed=True,
                          arrows=False)
        if leg is not None:
            _draw_way(sheet, view.ring(leg.points), st.alarm_route_mm)
            sheet.use("alarm_route")
        if (leg is not None and leg.building == card.panel_building
                and leg.level == card.panel_level and leg.arrive is None):
            p = view.p(card.panel)
            sheet.add("marks", Circle(p[0], p[1], st.alarm_route_mm * 1.6, fill=pal.white,
                                      stroke=Stroke(pal.alarm_route, 0.6)))

    return draw


def _card_head(ctx: _Ctx, card: AlarmCard, box: tuple[float, float, float, float], side: int,
               n_sides: int, storey: str) -> tuple[list[Item], float]:
    """The column's head in ``box`` (x, y, width, most height): the group's number large,
    its name, storey, detectors, rooms and note, and the way in steps (as many as the box
    holds, then an ellipsis); returns the items and the height used (mm)."""
    pal, wd = ctx.pal, ctx.words
    x, y, w, most = box
    items: list[Item] = []
    big = 9.0
    label = f"{wd['card_group']} {card.number}"
    bw = L.text_box(0, 0, label, big)[2] + 4.0
    bw = min(bw, w)
    bh = _CAP * big + 4.0
    items.append(Rect(x, y, bw, bh, fill=pal.alarm_route, radius_mm=0.8))
    size = big
    while size > 4.0 and L.text_box(0, 0, label, size)[2] > bw - 4.0:
        size -= 0.25
    items.append(Text(x + bw / 2, y + bh / 2 + _CAP * size / 2, label, size, pal.white,
                      anchor="middle"))
    cy = y + bh + 2.0
    rows: list[tuple[str, str | None]] = [(wd["card_side"].format(i=side, m=n_sides), None)]
    if card.name:
        rows.append((card.name, None))
    rows.append((wd["card_storey"], storey))
    if card.detectors:
        rows.append((wd["card_detectors"], words.text("detector." + card.detectors, ctx.lang)))
    rows.append((wd["card_rooms"], ", ".join(card.codes) or wd["card_area"]))
    if card.note:
        rows.append((wd["card_note"], card.note))
    small = 2.8
    for head, value in rows:
        text = head if value is None else f"{head}: {value}"
        for ln in L.wrap(text, w, small, "regular" if value else "bold", max_lines=4) or [text]:
            cy += L.ASCENT * small
            items.append(Text(x, cy, ln, small, pal.black,
                              weight="regular" if value else "bold"))
            cy += L.DESCENT * small + 0.4
    cy += 2.0
    cy += L.ASCENT * 3.2
    items.append(Text(x, cy, wd["card_way"], 3.2, pal.black))
    cy += L.DESCENT * 3.2 + 0.6
    line_h = (L.ASCENT + L.DESCENT) * small + 0.3
    for k, step in enumerate(card.steps, start=1):
        lines = L.wrap(step, w - 5.0, small, "regular", max_lines=4) or [step]
        rest = len(card.steps) - k
        if cy + (len(lines) + (1 if rest else 0)) * line_h > y + most:
            cy += L.ASCENT * small
            items.append(Text(x + 5.0, cy, "…", small, pal.black, weight="regular"))
            cy += L.DESCENT * small + 0.3
            break
        for j, ln in enumerate(lines):
            cy += L.ASCENT * small
            if j == 0:
                items.append(Text(x, cy, f"{k}.", small, pal.alarm_route))
            items.append(Text(x + 5.0, cy, ln, small, pal.black, weight="regular"))
            cy += L.DESCENT * small + 0.3
    return items, cy - y


def alarm_card_pages(plan: Plan, profile: Profile, *, paper: str | None = None,
                     language: str | None = None, style: MapStyle = DEFAULT_STYLE,
                     mono: bool = False) -> list[Page]:
    """The route cards of a plan as scene pages, group by group and side by side (empty for
    a plan without detector groups); ``paper``, ``language``, ``mono`` as for
    :func:`~.booklet.map_pages`."""
    if not plan.alarm_cards:
        return []
    with collector_paused():
        ctx = make_ctx(plan, profile, paper=paper, language=language, style=style, mono=mono)
        pages: list[Page] = []
        for card in plan.alarm_cards:
            pages += _card_pages(ctx, card)
        return pages


def _card_pages(ctx: _Ctx, card: AlarmCard) -> list[Page]:
    lay, wd = ctx.lay, ctx.words
    sides = _sides(card)
    out = []
    for i, (leg, group_here) in enumerate(sides, start=1):
        bid = leg.building if leg is not None else card.building
        level = leg.level if leg is not None else card.level
        b: BuildingShape | None = ctx.shapes.get(bid)
        storey = b.storey(level) if b is not None else None
        if b is None or storey is None:
            continue
        scale = b.fit_scale or b.storey_scale
        view = _storey_view(ctx, b, scale)
        sheet = _compose_storey(ctx, b, storey, view,
                                overlay=_overlay(card, leg, group_here, storey))
        bp = ctx.building_plans[bid]
        slots = list(lay.slots)
        si = max(range(len(slots)), key=lambda j: slots[j][3])  # the tallest slot
        sx, sy, sw, sh = slots[si]
        head, used = _card_head(ctx, card, (sx, sy, sw, sh * 0.8), i, len(sides),
                                storey.name)
        sheet.add("margin", *head)
        top = sy + used + 5.0
        slots[si] = (sx, top, sw, sy + sh - top)
        _column(ctx, sheet, gazetteer=None, slots_mm=slots)
        _draw_north(sheet, lay.north, ctx, f"1:{scale}", badge=(bp.letter, storey.name))
        _draw_scalebar(sheet, ctx, 1000.0 / scale, scale)
        title = (f"{wd['card_title'].format(n=card.number)} – "
                 f"{wd['card_side'].format(i=i, m=len(sides))}")
        # the block names the card; its side is the sheet number ("Blatt 2 von 2")
        _title_block(ctx, sheet, wd["card_title"].format(n=card.number), i, len(sides), scale)
        name = f"{wd['slug_card']}-{card.number:04d}-{i}-{_slug(storey.name) or level}"
        out.append(Page(lay.width, lay.height, tuple(sheet.items()), name=name, title=title,
                        meta=(("card", str(card.number)), ("side", f"{i}/{len(sides)}"),
                              ("scale", f"1:{scale}"), ("profile", ctx.profile.name),
                              ("language", ctx.lang),
                              ("view", f"{view.k:.6g},{view.ox:.4f},{view.oy:.4f}"))))
    return out


__all__ = ["ARROW_EVERY_MM", "alarm_card_pages"]
