"""One sheet under construction (:class:`_Sheet`: items by layer, the label placer, legend
keys and notes) and the booklet's context (:class:`_Ctx`: plan, style, palette, frame)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ... import fonts
from ...layout import mapframe
from ...plan import BuildingPlan, BuildingShape, MapFrame, MapGeometry, Marking, Opening, Plan
from ...profiles import Profile
from ...render.scene import Circle, Color, Group, Item, Path, Stroke, Text
from .. import labels as L
from .style import _CAP, XY, Box, MapStyle, _Layout, _Palette
from .view import Footprints, _View

#: The kind of walls (room outlines and a storey's outline on storey plans) in a sheet's
#: :attr:`_Sheet.walls`: labels keep off them, symbols where they can, leaders cross them.
WALL = "wall"
#: The kind of the places the features' symbols want (at their points) in a sheet's
#: :attr:`_Sheet.reserved`: room labels keep clear of them where they can.
RESERVED = "reserved"

_LAYERS = ("ground", "buildings", "rooms", "grid", "marks", "leaders", "symbols", "labels",
           "frame", "margin")
#: The layers of the drawing itself (a part plan clips them to its drawing area).
_MAP_LAYERS = _LAYERS[:8]


@dataclass
class _Sheet:
    """Items of one page by layer, the placer, and what the legend and notes need."""

    ctx: _Ctx
    clip: Box  # x0, y0, x1, y1: the map area labels must stay in
    placer: L.Placer
    view: _View | None = None
    layers: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in _LAYERS})
    legend: dict[str, str] = field(default_factory=dict)  # key -> sample text
    notes: list[str] = field(default_factory=list)
    callouts: int = 0
    notes_elsewhere: int = 0  # the sheet number where this sheet's notes are listed
    gazetteer_on: tuple[int, int] | None = None  # first and last sheet of the gazetteer pages
    #: a storey plan's walls and reserved places, kept apart from :attr:`placer` (so that
    #: they do not spend the placer's search budget) and tested only where asked
    walls: L.Placer | None = None
    reserved: L.Placer | None = None
    #: a part plan's core (paper x0, y0, x1, y1): what is at home on this part (the rest of
    #: its drawing is the overlap with its neighbours, shown there as well); None: one sheet
    core: Box | None = None
    #: clip the drawing to :attr:`clip` (a part plan: the plan goes on beyond its edges)
    clip_drawing: bool = False
    #: where each door code went (marking id -> its box on paper)
    placed_codes: dict[str, Box] = field(default_factory=dict)
    #: nothing is at home here (the overview of a crowded site): what finds no place is left
    #: out, never a callout or a note (the part plans show it)
    quiet: bool = False

    def home(self, p: XY) -> bool:
        """True when the paper point ``p`` is at home on this sheet (always on a sheet that
        is no part plan): its labels may not give up there (callouts, notes)."""
        if self.quiet:
            return False
        c = self.core
        return c is None or (c[0] <= p[0] < c[2] and c[1] <= p[1] < c[3])

    def add(self, layer: str, *items: Item) -> None:
        self.layers[layer].extend(items)

    def use(self, key: str, sample: str = "") -> None:
        self.legend.setdefault(key, sample)

    def add_wall(self, a: XY, b: XY, width: float = 1.0) -> None:
        """A wall segment on paper, ``width`` mm wide (what keeps off it keeps half of it
        off the line)."""
        if self.walls is None:
            self.walls = L.Placer(self.placer.bounds)
        self.walls.add_line(a, b, WALL, width=width)

    def reserve(self, b: Box) -> None:
        if self.reserved is None:
            self.reserved = L.Placer(self.placer.bounds)
        self.reserved.add_box(b, RESERVED)

    def off_walls(self, b: Box) -> bool:
        """True when box ``b`` crosses no wall (always, on a sheet without walls)."""
        w = self.walls
        return w is None or w.box_free(b, kinds=_WALLS)

    def unreserved(self, b: Box) -> bool:
        """True when box ``b`` covers no reserved place."""
        r = self.reserved
        return r is None or r.box_free(b, kinds=_RESERVED)

    def items(self) -> list[Item]:
        out: list[Item] = []
        if self.clip_drawing:
            x0, y0, x1, y1 = self.clip
            inner = [it for k in _MAP_LAYERS for it in self.layers[k]]
            out.append(Group(tuple(inner), clip=(x0, y0, x1 - x0, y1 - y0)))
            for k in _LAYERS[len(_MAP_LAYERS):]:
                out.extend(self.layers[k])
            return out
        for k in _LAYERS:
            out.extend(self.layers[k])
        return out

    # -- common drawing -----------------------------------------------------------------
    def text(self, layer: str, x: float, y: float, s: str, size: float, *, weight="bold",
             anchor="start", fill: Color | None = None, halo: bool = True,
             occupy: bool = True, owner: str = "") -> Box:
        c = self.ctx
        size = max(size, c.style.min_text_mm)
        t = Text(x, y, s, size, fill or c.pal.black, weight=weight, anchor=anchor,
                 halo=c.pal.white if halo else None, halo_mm=c.style.halo_mm if halo else 0.0)
        self.add(layer, t)
        b = L.text_box(x, y, s, size, weight=weight, anchor=anchor)
        if occupy:
            self.placer.add_box(L.grow(b, 0.3), "label", owner)
        return b

    def cell_at(self, p: XY) -> str | None:
        """The grid cell under a paper point (the site plan's grid), or None."""
        v = self.view
        if v is None:
            return None
        col = math.floor((p[0] - v.ox) / v.cell_mm)
        row = math.floor((p[1] - v.oy) / v.cell_mm)
        fr = v.frame
        if not (0 <= col < fr.columns and 0 <= row < fr.rows):
            return None
        return f"{mapframe.column_labels(col + 1)[col]}{row + 1}"

    def leader(self, a: XY, b_box: Box, color: Color, width: float = 0.3,
               dot: bool = True, owner: str = "") -> None:
        q = L.nearest_on_box(b_box, a)
        if math.dist(a, q) < 1.0:
            return
        self.add("leaders", Path(((a, q),), closed=False, stroke=Stroke(color, width)))
        if dot:
            self.add("leaders", Circle(a[0], a[1], 0.55, fill=color))
        self.placer.add_line(a, q, "leader", width=0.5, owner=owner)

    def note_at(self, anchor: XY, text: str) -> None:
        """The text in the notes, with the grid cell of ``anchor`` (no search for a place);
        nothing for an anchor in a part plan's overlap (its own part shows it)."""
        if not self.home(anchor):
            return
        cell = self.cell_at(anchor)
        where = f" ({self.ctx.words['leader_note'].format(cell=cell)})" if cell else ""
        self.notes.append(f"–\t{text}{where}")

    def callout(self, anchor: XY, text: str, *, kinds=None) -> None:
        """A numbered circle near ``anchor`` and the text in the notes; if even the circle
        finds no place, the note names the grid cell instead; nothing for an anchor in a part
        plan's overlap (its own part shows it)."""
        if not self.home(anchor):
            return
        c = self.ctx
        n = self.callouts + 1
        d = max(4.6, L.text_box(0, 0, str(n), c.style.min_text_mm + 0.3)[2] + 1.6)
        kinds = kinds or L.Placer.HARD
        cands = list(L.around(anchor, d, d, gaps=(0.5, 2, 4, 7, 11)))
        # off the walls where it can (a storey plan's), else over them
        got = None
        if self.walls is not None:
            got = self.placer.first_free([b for b in cands if self.off_walls(b)], kinds=kinds,
                                         leader_from=anchor, within=self.clip)
        if got is None:
            got = self.placer.first_free(cands, kinds=kinds, leader_from=anchor, within=self.clip)
        if got is None:
            self.note_at(anchor, text)
            return
        cx, cy = (got[0] + got[2]) / 2, (got[1] + got[3]) / 2
        self.leader(anchor, got, c.pal.grey75, 0.25)
        self.add("labels", Circle(cx, cy, d / 2, fill=c.pal.white, stroke=Stroke(c.pal.black, 0.3)))
        size = c.style.min_text_mm + 0.3
        self.add("labels", Text(cx, cy + _CAP * size / 2, str(n), size, c.pal.black, anchor="middle"))
        self.placer.add_box(got, "label")
        self.notes.append(f"{n}\t{text}")
        self.callouts = n
        self.use("callout")


_WALLS = frozenset({WALL})
_RESERVED = frozenset({RESERVED})


@dataclass
class _Ctx:
    """What every sheet of one booklet reads: the plan and its map geometry, the profile
    (title, palette), the language and its words, sizes, the paper layout and the frame."""

    plan: Plan
    geometry: MapGeometry
    profile: Profile
    lang: str
    words: Mapping[str, str]
    style: MapStyle
    pal: _Palette
    lay: _Layout
    frame: MapFrame
    letters: dict[str, str]
    # built once per booklet, so that a page looks only at its own building's markings and
    # at the outlines near it (one pass over everything per page would be quadratic)
    marks_of: dict[str, list[Marking]] = field(default_factory=dict)  # building id -> markings
    building_plans: dict[str, BuildingPlan] = field(default_factory=dict)
    shapes: dict[str, BuildingShape] = field(default_factory=dict)  # building id -> geometry
    openings: dict[str, Opening] = field(default_factory=dict)  # marking id -> door / window
    footprints: Footprints | None = None


def _fit(text: str, width: float, size: float, weight: str) -> str:
    """``text``, cut and ended with an ellipsis where it is wider than ``width`` mm."""
    if fonts.text_width_mm(text, size_mm=size, weight=weight) <= width:  # type: ignore[arg-type]
        return text
    while text and fonts.text_width_mm(text + "…", size_mm=size, weight=weight) > width:  # type: ignore[arg-type]
        text = text[:-1]
    return text.rstrip() + "…"
