"""Plan -> the responder map booklet: site plan, gazetteer, one storey plan per storey.

:func:`map_pages` returns the booklet's pages in order (the pipeline writes ``maps.pdf`` and
``maps/<page.name>.svg``):

1. **Site plan** (``01-lageplan`` / ``01-site-plan``) in the plan's :class:`MapFrame`: turned so
   that the main access is at the bottom edge, at the frame's round scale, with the
   alphanumeric grid whose cells ``register.csv`` names (``grid`` column).
2. **Gazetteer** (``02-verzeichnis`` / ``02-gazetteer``), only when the list of code -> grid
   cell does not fit the site plan's right-hand column.
3. **Storey plans** (``03-a-ug``, ``04-a-eg`` …): buildings in plan order (A, B, C …), storeys
   **from the lowest to the highest** (UG, EG, 1. OG …), so that turning the pages goes up
   through the building as the stairs do. One scale per building, chosen so its largest
   storey fits (:func:`orientation.layout.mapframe.storey_scale`); same rotation as the site
   plan; the site plan's grid is drawn over it, so ``T2 in E6`` reads the same on both.

Sheet layout (visual brief): 10 mm margins, the drawing left, grid labels in a 6 mm band on
all four sides, the scale bar under the drawing, a right-hand column (A3: 78 mm) with the
north arrow at the top, then legend, notes and gazetteer, and the title block at the bottom
right. A4 portrait puts legend, north arrow and title block under the drawing.

Every size is a :class:`MapStyle` field in millimetres on paper; **text sizes are font sizes**
(em), as everywhere in the scene, and no text is smaller than ``MapStyle.min_text_mm``
(2.5 mm). Labels never overlap each other, a code box or a symbol: they are placed from
candidate positions with leader lines (:mod:`orientation.compose.labels`); what cannot be
placed becomes a numbered callout listed under "Hinweise" / "Notes".
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely import STRtree
from shapely.geometry import LineString, Point, Polygon
from shapely.geometry import box as sbox
from shapely.ops import polylabel
from shapely.prepared import prep

from .. import fonts
from ..errors import OrientationError
from ..layout import mapframe
from ..layout.geometry import locate, outline, polygons
from ..model import Building, Site, SiteFeature, SiteFeatureKind
from ..plan import BuildingPlan, MapFrame, Marking, Plan
from ..profiles import Profile
from ..render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke, Text
from ..runtime import collector_paused
from . import labels as L
from .symbols import NAMES as SYMBOL_NAMES
from .symbols import Ink, draw_symbol, symbol_size

XY = tuple[float, float]
Box = tuple[float, float, float, float]

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Building features shown on the site plan (the rest are on the storey plans only).
SITE_PLAN_FEATURES = ("key_box", "fire_alarm_panel", "first_info_point")
_CAP = 0.668  # cap height per font size (bold and regular faces)


# ----------------------------------------------------------------------------------------
# style, words, sheet layout
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MapStyle:
    """Sizes on paper in mm (text: font size). Defaults follow the visual brief."""

    door_code_mm: float = 4.0
    stair_code_mm: float = 3.6
    building_letter_mm: float = 14.0
    building_name_mm: float = 3.5
    side_mm: float = 4.0
    side_circle_mm: float = 6.0
    room_code_mm: float = 3.5
    landmark_mm: float = 2.8
    label_mm: float = 3.0
    road_label_mm: float = 3.2
    symbol_mm: float = 9.0
    symbol_min_mm: float = 8.0
    legend_mm: float = 2.8
    table_mm: float = 3.0
    grid_label_mm: float = 3.5
    min_text_mm: float = 2.5
    building_outline_mm: float = 0.7
    room_outline_mm: float = 0.25
    grid_line_mm: float = 0.1
    halo_mm: float = 0.4
    road_width_m: float = 7.0
    road_min_mm: float = 5.0
    fire_lane_width_m: float = 3.5
    fire_lane_min_mm: float = 3.5


WORDS = {
    "de": {
        "site_plan": "Lageplan", "storey_plan": "Geschossplan", "gazetteer": "Verzeichnis",
        "legend": "Legende", "notes": "Hinweise", "scale": "Maßstab", "grid": "Raster",
        "sheet": "Blatt {n} von {m}", "date": "Stand", "version": "Version", "profile": "Profil",
        "doors": "Außentüren", "stairs": "Treppen", "landmarks": "Orientierungspunkte",
        "slug_site": "lageplan", "slug_gazetteer": "verzeichnis", "slug_notes": "hinweise",
        "notes_for": "Hinweise zu Blatt {n}", "see_sheet": "Hinweise: Blatt {n}",
        "see_gazetteer": "Verzeichnis: Blatt {n}",
        "gazetteer_title": "Verzeichnis: Code – Feld im Lageplan (Blatt 1)",
        "gazetteer_hint": "Feld = Rasterfeld des Lageplans (Buchstabe Spalte, Zahl Zeile); "
                          "gleiche Felder in register.csv und auf den Geschossplänen.",
        "entrance": "Eingang / Nebeneingang", "emergency_exit": "Notausgang",
        "fire_brigade": "Feuerwehrzugang", "service": "Nebeneingang", "stair": "Treppe",
        "side": "Gebäudeseite A–D", "building": "Gebäude", "room": "Raum mit Nummer",
        "corridor": "Flur / Verkehrsfläche", "window": "Fenster mit Raumnummer",
        "neighbour": "anderes Gebäude", "outline_only": "Gebäudeumriss, hier ohne Räume",
        "road": "öffentliche Straße",
        "fire_lane": "Feuerwehrzufahrt / -umfahrt", "footway": "Fußweg",
        "drivable_area": "befahrbar (privat)", "not_drivable": "nicht befahrbar für Feuerwehr",
        "parking": "Parkplatz", "callout": "Nummer: siehe Hinweise",
        "floor_other": "Achtung, anderer Maßstab als {others}",
        "undated": "Stand: ohne Datum",
        "storeys_to": "–", "leader_note": "in Feld {cell}", "continued": "Fortsetzung",
        "off_left": "links außerhalb des Plans", "off_right": "rechts außerhalb des Plans",
        "off_top": "oben außerhalb des Plans", "off_bottom": "unten außerhalb des Plans",
    },
    "en": {
        "site_plan": "Site plan", "storey_plan": "Floor plan", "gazetteer": "Gazetteer",
        "legend": "Legend", "notes": "Notes", "scale": "Scale", "grid": "Grid",
        "sheet": "Sheet {n} of {m}", "date": "Date", "version": "Version", "profile": "Profile",
        "doors": "Exterior doors", "stairs": "Stairs", "landmarks": "Landmarks",
        "slug_site": "site-plan", "slug_gazetteer": "gazetteer", "slug_notes": "notes",
        "notes_for": "Notes to sheet {n}", "see_sheet": "Notes: sheet {n}",
        "see_gazetteer": "Gazetteer: sheet {n}",
        "gazetteer_title": "Gazetteer: code – grid cell on the site plan (sheet 1)",
        "gazetteer_hint": "Cell = grid cell of the site plan (letter column, number row); the "
                          "same cells are in register.csv and on the floor plans.",
        "entrance": "Entrance / service door", "emergency_exit": "Emergency exit",
        "fire_brigade": "Fire department access", "service": "Service door", "stair": "Stair",
        "side": "Building side A–D", "building": "Building", "room": "Room with number",
        "corridor": "Corridor / circulation", "window": "Window with room number",
        "neighbour": "Other building", "outline_only": "Building outline, no rooms here",
        "road": "Public road",
        "fire_lane": "Fire lane", "footway": "Footway",
        "drivable_area": "Drivable (private)", "not_drivable": "Not drivable for fire engines",
        "parking": "Parking", "callout": "Number: see notes",
        "floor_other": "Note: other scale than {others}",
        "undated": "Date: none given",
        "storeys_to": "–", "leader_note": "in cell {cell}", "continued": "continued",
        "off_left": "off the map to the left", "off_right": "off the map to the right",
        "off_top": "off the map at the top", "off_bottom": "off the map at the bottom",
    },
}


def _words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


@dataclass(frozen=True, slots=True)
class _Layout:
    """Where things go on one paper size (mm)."""

    width: float
    height: float
    drawing: Box  # x, y, w, h of the drawing (map) area
    north: Box  # x, y, w, h
    title: Box
    slots: tuple[Box, ...]  # x, y, w, h: legend, notes, gazetteer flow into these in order
    scalebar: XY  # left end of the bar's top edge
    scalebar_max_mm: float
    gazetteer_on_sheet: bool
    scalebar_right: float = 320.0  # the scale bar and its notes end left of this x


def _layout(paper: str) -> _Layout:
    sh = mapframe.sheet(paper)
    x, y, w, h = sh.drawing
    if sh.name == "A3":
        col = 332.0
        return _Layout(sh.width_mm, sh.height_mm, sh.drawing, north=(col, 10.0, 78.0, 30.0),
                       title=(col, 235.0, 78.0, 52.0), slots=((col, 44.0, 78.0, 187.0),),
                       scalebar=(x, y + h + 10.0), scalebar_max_mm=120.0, gazetteer_on_sheet=True)
    # A4 portrait: scale bar, legend, north arrow, notes and title block under the drawing
    top = y + h + 8.0  # below the grid labels
    return _Layout(sh.width_mm, sh.height_mm, sh.drawing, north=(118.0, top - 1.0, 82.0, 24.0),
                   title=(118.0, 245.0, 82.0, 42.0),
                   slots=((10.0, top + 13.0, 104.0, 287.0 - top - 13.0),
                          (118.0, top + 24.0, 82.0, 245.0 - top - 26.0)),
                   scalebar=(x, top + 1.0), scalebar_max_mm=60.0, gazetteer_on_sheet=False,
                   scalebar_right=114.0)


# ----------------------------------------------------------------------------------------
# colours
# ----------------------------------------------------------------------------------------


def _scene_color(profile: Profile, name: str) -> Color:
    c = profile.color(name)
    return Color(c.srgb.upper(), tuple(c.cmyk), c.label)  # type: ignore[arg-type]


def _tint(c: Color, t: float, name: str = "") -> Color:
    """``c`` printed at ``t`` (0..1) on white: sRGB mixed with white, CMYK scaled."""
    r, g, b = c.rgb
    mix = [round(255 * (1 - t * (1 - v))) for v in (r, g, b)]
    return Color("#{:02X}{:02X}{:02X}".format(*mix), tuple(round(v * t, 3) for v in c.cmyk),  # type: ignore[arg-type]
                 name or f"{c.name} {round(t * 100)} %")


@dataclass(frozen=True, slots=True)
class _Palette:
    black: Color
    white: Color
    grey75: Color
    grey50: Color
    grey20: Color
    grey10: Color
    red: Color
    green: Color
    blue: Color
    yellow: Color
    building_fill: Color
    neighbour_fill: Color
    not_drivable: Color
    door: dict[str, Color]
    stair: Color

    @property
    def ink(self) -> Ink:
        return Ink(red=self.red, green=self.green, blue=self.blue, yellow=self.yellow,
                   white=self.white, black=self.black)


def _palette(profile: Profile) -> _Palette:
    col = lambda n: _scene_color(profile, n)  # noqa: E731
    blue = col(profile.map.get("entrance", "traffic_blue"))
    return _Palette(
        black=col("black"), white=col("pure_white"), grey75=col("grey_75"),
        grey50=col("grey_50"), grey20=col("grey_20"), grey10=col("grey_10"),
        red=col("signal_red"), green=col("signal_green"), blue=blue, yellow=col("signal_yellow"),
        building_fill=_tint(blue, 0.14, "building tone"),
        neighbour_fill=_tint(col("black"), 0.06, "neighbour tone"),
        not_drivable=_tint(col("signal_yellow"), 0.45, "RAL 1003 45 % (not drivable)"),
        door={k: col(profile.map.get(k, "traffic_blue")) for k in DOOR_KINDS},
        stair=col(profile.map.get("stair", "signal_black")),
    )


# ----------------------------------------------------------------------------------------
# plan -> paper
# ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _View:
    """Plan metres -> paper mm: the frame's rotation, ``k`` mm per metre, and the paper
    position ``(ox, oy)`` of the grid's top-left corner."""

    frame: MapFrame
    k: float
    ox: float
    oy: float

    def p(self, xy: Sequence[float]) -> XY:
        u, v = mapframe.to_grid(self.frame, (xy[0], xy[1]))
        return (self.ox + u * self.k, self.oy + v * self.k)

    def d(self, v: Sequence[float]) -> XY:
        """A plan direction as a paper direction (unit in, unit out)."""
        r = mapframe.rotate((v[0], v[1]), self.frame.rotation_deg)
        return (r[0], -r[1])

    def ring(self, pts: Iterable[Sequence[float]]) -> tuple[XY, ...]:
        return tuple(self.p(q) for q in pts)

    def plan_point(self, xy: XY) -> XY:
        """A paper point back in plan metres (the inverse of :meth:`p`)."""
        u, v = (xy[0] - self.ox) / self.k, (xy[1] - self.oy) / self.k
        dx, dy = mapframe.rotate((u, -v), -self.frame.rotation_deg)
        return (dx + self.frame.origin[0], dy + self.frame.origin[1])

    @property
    def cell_mm(self) -> float:
        return self.frame.grid_m * self.k


class Footprints:
    """The site's building footprints in a spatial index (plan metres), built once per
    booklet: a storey page finds the neighbours to draw without a pass over every building."""

    def __init__(self, buildings: Sequence[Building]) -> None:
        self.buildings = list(buildings)
        self._tree = STRtree([Polygon(b.footprint) for b in self.buildings])

    def near(self, view: _View, area: Box) -> list[Building]:
        """Buildings whose footprint's bounds meet the paper box ``area`` seen through
        ``view``, in site order (a superset of those on the page: callers test exactly)."""
        corners = [view.plan_point(q) for q in ((area[0], area[1]), (area[2], area[1]),
                                                (area[2], area[3]), (area[0], area[3]))]
        xs, ys = [q[0] for q in corners], [q[1] for q in corners]
        hits = self._tree.query(sbox(min(xs), min(ys), max(xs), max(ys)))
        return [self.buildings[i] for i in sorted(int(i) for i in hits)]


def true_north_on_paper(north_deg: float, rotation_deg: float) -> XY:
    """Unit vector on paper (x right, y down) pointing to true north.

    ``north_deg`` is the bearing of the plan's +y axis clockwise from true north; the plan is
    turned counter-clockwise by ``rotation_deg`` on paper.

    >>> [round(c, 6) + 0.0 for c in true_north_on_paper(0, 0)]
    [0.0, -1.0]
    >>> [round(c, 3) + 0.0 for c in true_north_on_paper(90, 0)]  # plan +y points east
    [-1.0, 0.0]
    >>> [round(c, 3) + 0.0 for c in true_north_on_paper(0, -90)]  # plan turned clockwise
    [1.0, 0.0]
    """
    north_plan = mapframe.rotate((0.0, 1.0), north_deg)
    r = mapframe.rotate(north_plan, rotation_deg)
    return (r[0], -r[1])


# ----------------------------------------------------------------------------------------
# one sheet under construction
# ----------------------------------------------------------------------------------------

_LAYERS = ("ground", "buildings", "rooms", "grid", "marks", "leaders", "symbols", "labels",
           "frame", "margin")


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

    def add(self, layer: str, *items: Item) -> None:
        self.layers[layer].extend(items)

    def use(self, key: str, sample: str = "") -> None:
        self.legend.setdefault(key, sample)

    def items(self) -> list[Item]:
        out: list[Item] = []
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
        """The text in the notes, with the grid cell of ``anchor`` (no search for a place)."""
        cell = self.cell_at(anchor)
        where = f" ({self.ctx.words['leader_note'].format(cell=cell)})" if cell else ""
        self.notes.append(f"–\t{text}{where}")

    def callout(self, anchor: XY, text: str, *, kinds=None) -> None:
        """A numbered circle near ``anchor`` and the text in the notes; if even the circle
        finds no place, the note names the grid cell instead."""
        c = self.ctx
        n = self.callouts + 1
        d = max(4.6, L.text_box(0, 0, str(n), c.style.min_text_mm + 0.3)[2] + 1.6)
        kinds = kinds or L.Placer.HARD
        got = self.placer.first_free(L.around(anchor, d, d, gaps=(0.5, 2, 4, 7, 11)),
                                     kinds=kinds, leader_from=anchor, within=self.clip)
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


@dataclass
class _Ctx:
    site: Site
    plan: Plan
    profile: Profile
    lang: str
    words: dict[str, str]
    style: MapStyle
    pal: _Palette
    lay: _Layout
    frame: MapFrame
    letters: dict[str, str]
    level_names: dict[tuple[str, int], str]
    # built once per booklet, so that a page looks only at its own building's markings and
    # at the footprints near it (one pass over everything per page would be quadratic)
    marks_of: dict[str, list[Marking]] = field(default_factory=dict)  # building id -> markings
    building_plans: dict[str, BuildingPlan] = field(default_factory=dict)
    footprints: Footprints | None = None


# ----------------------------------------------------------------------------------------
# pieces shared by the site plan and the storey plans
# ----------------------------------------------------------------------------------------


def _code_box_size(code: str, size: float) -> tuple[float, float]:
    w = fonts.text_width_mm(code, size_mm=size) + 2.2
    h = _CAP * size + 2.4
    return (max(w, h), h)


def _draw_code_box(sheet: _Sheet, b: Box, code: str, size: float, fill: Color,
                   fg: Color | None = None, owner: str = "") -> None:
    c = sheet.ctx
    x0, y0, x1, y1 = b
    sheet.add("labels", Rect(x0, y0, x1 - x0, y1 - y0, fill=fill,
                             stroke=Stroke(c.pal.white, 0.25), radius_mm=0.6))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    sheet.add("labels", Text(cx, cy + _CAP * size / 2, code, size, fg or c.pal.white,
                             anchor="middle"))
    sheet.placer.add_box(L.grow(b, 0.3), "code", owner)


def _door_by_id(b: Building) -> dict:
    """The building's doors by id (the first of a repeated id, as a search in file order),
    looked up per door code: a search through the list for each was quadratic."""
    got = _DOORS_BY_ID.get(id(b))
    if got is None or got[0] is not b:
        by_id: dict = {}
        for d in b.doors:
            by_id.setdefault(d.id, d)
        got = _DOORS_BY_ID[id(b)] = (b, by_id)
        if len(_DOORS_BY_ID) > 256:
            _DOORS_BY_ID.clear()
            _DOORS_BY_ID[id(b)] = got
    return got[1]


_DOORS_BY_ID: dict[int, tuple[Building, dict]] = {}


def _door_normal(building: Building, at: XY) -> tuple[XY, XY]:
    """(point on the outline, outward unit normal) of a door, in plan metres."""
    pos = locate(outline(building), at)
    return (tuple(pos.point), tuple(pos.normal))  # type: ignore[return-value]


#: The door codes of one page may look at this many obstacles in all (see
#: :attr:`labels.Placer.work`; the bundled examples use under 2,000); past it, the remaining
#: codes go to the notes.
DOOR_CODES_WORK = 300_000


def _draw_doors(sheet: _Sheet, view: _View, doors: list[tuple[Marking, Building, float]],
                areas_kind: bool = True) -> None:
    """Door marks on the outline, then each door's code in a coloured box outside."""
    c = sheet.ctx
    st = c.style
    placed_marks: list[tuple[XY, XY, float]] = []
    for m, b, width_m in doors:
        pt, n = _door_normal(b, m.at)
        p = view.p(pt)
        nd = view.d(n)
        t = (-nd[1], nd[0])
        half = max(width_m * view.k, 2.2) / 2
        a_, b_ = (p[0] - t[0] * half, p[1] - t[1] * half), (p[0] + t[0] * half, p[1] + t[1] * half)
        color = c.pal.door[m.kind]
        sheet.add("marks", Path(((a_, b_),), closed=False, stroke=Stroke(color, 1.4)))
        sheet.placer.add_line(a_, b_, "mark", width=1.4, owner=m.id)
        placed_marks.append((p, nd, half))
    kinds = tuple(L.Placer.HARD) + (("area",) if areas_kind else ())
    size = st.door_code_mm
    start = sheet.placer.work
    for (m, _b, _w), (p, nd, _half) in zip(doors, placed_marks, strict=True):
        if sheet.placer.work - start > DOOR_CODES_WORK:
            # a dense cluster of doors has used the page's share of the search: the rest are
            # listed in the notes with their grid cell, and the page stays linear in its doors
            sheet.note_at(p, f"{m.code} ({c.words.get(m.kind, m.kind)})")
            continue
        w, h = _code_box_size(m.code, size)
        t = (-nd[1], nd[0])
        shifts = (0, 3, -3, 6, -6, 9, -9, 13, -13, 18, -18, 24, -24)
        got = sheet.placer.first_free(
            L.along_normal(p, nd, t, w, h, gaps=(1.0, 3, 5.5, 8.5, 12, 16, 21), shifts=shifts),
            kinds=kinds, leader_from=p, within=sheet.clip, ignore=m.id)
        if got is None:  # crowded: further out, or over the building's own tone
            got = sheet.placer.first_free(
                L.around(p, w, h, gaps=(1.0, 3, 6, 10, 15, 21, 28)),
                kinds=L.Placer.HARD, leader_from=p, within=sheet.clip, ignore=m.id)
        color = c.pal.door[m.kind]
        if got is None:
            sheet.callout(p, f"{m.code} ({c.words.get(m.kind, m.kind)})")
            continue
        if L.box_distance(got, p) > 1.6:
            sheet.leader(p, got, color, 0.35, dot=False, owner=m.id)
        _draw_code_box(sheet, got, m.code, size, color, owner=m.id)
        sheet.use(m.kind if m.kind != "service" else "entrance", m.code)


def _draw_sides(sheet: _Sheet, view: _View, building_id: str) -> None:
    """Side labels A-D in circles just outside the middle of each face."""
    c = sheet.ctx
    st = c.style
    bp = c.building_plans[building_id]
    d = st.side_circle_mm
    kinds = tuple(L.Placer.HARD) + ("area",)
    for m in c.marks_of.get(building_id, ()):
        if m.kind != "side":
            continue
        edge = next((s for s in bp.sides if s.label == m.code and s.ring == 0
                     and _on_segment(m.at, s.start, s.end)), None)
        if edge is None:
            continue
        dx, dy = edge.end[0] - edge.start[0], edge.end[1] - edge.start[1]
        ln = math.hypot(dx, dy) or 1.0
        n_plan = (-dy / ln, dx / ln)  # sides run clockwise: outward is to the left
        p = view.p(m.at)
        nd = view.d(n_plan)
        t = (-nd[1], nd[0])
        face_mm = ln * view.k
        shifts = [0.0] + [s * k for k in (4, 8, 12, 16, 20, 26, 32) for s in (1, -1)
                          if k < face_mm / 2 - d / 2]
        got = sheet.placer.first_free(
            L.along_normal(p, nd, t, d, d, gaps=(1.2, 3.5, 6), shifts=shifts),
            kinds=kinds, within=sheet.clip)
        if got is None:
            continue
        cx, cy = (got[0] + got[2]) / 2, (got[1] + got[3]) / 2
        sheet.add("labels", Circle(cx, cy, d / 2, fill=c.pal.white, stroke=Stroke(c.pal.black, 0.35)))
        sheet.add("labels", Text(cx, cy + _CAP * st.side_mm / 2, m.code, st.side_mm, c.pal.black,
                                 anchor="middle"))
        sheet.placer.add_box(L.grow(got, 0.2), "label")
        sheet.use("side")


def _crowded_first(items: list, view: _View, radius_mm: float) -> list:
    """Point items (with ``.at``) ordered by how many others lie within ``radius_mm`` on
    paper, most first; ties keep their order."""
    pts = [view.p(it.at) for it in items]
    # neighbours come from the 3 x 3 cells of a grid of ``radius_mm`` around each point, so
    # a site plan with many points is not compared all against all
    cell = max(radius_mm, 1e-6)
    cells: dict[tuple[int, int], list[XY]] = {}
    for p in pts:
        cells.setdefault((math.floor(p[0] / cell), math.floor(p[1] / cell)), []).append(p)
    counts = []
    for p in pts:
        i, j = math.floor(p[0] / cell), math.floor(p[1] / cell)
        counts.append(sum(1 for di in (-1, 0, 1) for dj in (-1, 0, 1)
                          for q in cells.get((i + di, j + dj), ()) if math.dist(p, q) <= radius_mm))
    order = sorted(range(len(items)), key=lambda i: (-counts[i], i))
    return [items[i] for i in order]


def _on_segment(p: XY, a: XY, b: XY, tol: float = 0.05) -> bool:
    """True when ``p`` lies within ``tol`` of the segment a-b (plain floats: a side label
    looks through every edge of its outline)."""
    if (p[0] < min(a[0], b[0]) - tol or p[0] > max(a[0], b[0]) + tol
            or p[1] < min(a[1], b[1]) - tol or p[1] > max(a[1], b[1]) + tol):
        return False
    return L.point_segment_distance(p, a, b) <= tol


def _draw_symbol_at(sheet: _Sheet, view: _View, kind: str, at: XY, *, name: str | None = None,
                    label: bool = False, owner: str = "", label_kinds=None) -> Box | None:
    """A symbol at its point, moved with a leader if the point is taken; optionally its name
    beside it (or a callout)."""
    c = sheet.ctx
    st = c.style
    p = view.p(at)
    kind_name = SYMBOL_NAMES.get(c.lang, SYMBOL_NAMES["en"]).get(kind, kind).replace(L.SHY, "")
    title = kind_name if not name or name == kind_name else f"{kind_name}: {name}"
    x0, y0, x1, y1 = sheet.clip
    if not (x0 <= p[0] <= x1 and y0 <= p[1] <= y1):
        side = ("left" if p[0] < x0 else "right" if p[0] > x1 else
                "top" if p[1] < y0 else "bottom")
        sheet.notes.append(f"–\t{title} ({c.words['off_' + side]})")
        sheet.use(kind)
        return None
    got = None
    # nearest first at the full size, then the minimum size; last, leaders may cross leaders
    # (then marks), then other leaders too
    for size, leader_kinds in ((st.symbol_mm, (L.LEADER_AVOIDS,)),
                               (st.symbol_min_mm, (L.LEADER_AVOIDS, ("label", "code", "symbol"),
                                                   ("label", "code")))):
        w, h = symbol_size(kind, size)
        got, _ = sheet.placer.first_free_leading(
            L.around(p, w, h, gaps=(0.6, 2.5, 5, 8, 12, 17, 23, 30, 38), centre_first=True),
            leader_kinds, kinds=L.Placer.HARD, leader_from=p, within=sheet.clip)
        if got is not None:
            break
    if got is None:
        sheet.callout(p, title)
        return None
    cx, cy = (got[0] + got[2]) / 2, (got[1] + got[3]) / 2
    if L.box_distance(got, p) > 0.8:
        sheet.leader(p, got, c.pal.grey75, 0.25)
    sheet.add("symbols", *draw_symbol(kind, cx, cy, size, c.pal.ink, c.lang))
    sheet.placer.add_box(L.grow(got, 0.3), "symbol", owner)
    sheet.use(kind)
    if label and name:
        _label_near(sheet, got, name, st.label_mm, weight="regular", kinds=label_kinds)
    return got


def _label_near(sheet: _Sheet, target: Box, text: str, size: float, *, weight="regular",
                kinds=None) -> bool:
    """A label beside a box (symbol), no leader, on one line or (long names) two; a callout
    when there is no room."""
    c = sheet.ctx
    size = max(size, c.style.min_text_mm)
    tw1 = fonts.text_width_mm(text, size_mm=size, weight=weight)  # type: ignore[arg-type]
    variants = [[text]]
    if tw1 > 30:
        two = L.wrap(text, max(tw1 / 2 + 6, 24), size, weight, max_lines=2)
        if two and len(two) == 2:
            variants.insert(0, two)
    cx, cy = (target[0] + target[2]) / 2, (target[1] + target[3]) / 2
    hw, hh = (target[2] - target[0]) / 2, (target[3] - target[1]) / 2
    g = 0.8
    kinds = kinds or tuple(L.Placer.HARD) + ("area",)
    for lines in variants:
        tw = max(fonts.text_width_mm(t, size_mm=size, weight=weight) for t in lines)  # type: ignore[arg-type]
        th = L.text_height(size) * len(lines)
        cands = [
            L.centred(cx + hw + g + tw / 2, cy, tw, th),  # right
            L.centred(cx - hw - g - tw / 2, cy, tw, th),  # left
            L.centred(cx, cy + hh + g + th / 2, tw, th),  # below
            L.centred(cx, cy - hh - g - th / 2, tw, th),  # above
            L.centred(cx + hw + g + tw / 2, cy - hh, tw, th),
            L.centred(cx + hw + g + tw / 2, cy + hh, tw, th),
            L.centred(cx - hw - g - tw / 2, cy - hh, tw, th),
            L.centred(cx - hw - g - tw / 2, cy + hh, tw, th),
        ]
        boxes = [L.grow(b, 0.3) for b in cands]
        got = sheet.placer.first_free(boxes, kinds=tuple(kinds) + ("road",), within=sheet.clip)
        if got is None:
            got = sheet.placer.first_free(boxes, kinds=kinds, within=sheet.clip)
        if got is None:
            continue
        b = L.grow(got, -0.3)
        y = b[1]
        for t in lines:
            y += L.ASCENT * size
            sheet.text("labels", b[0], y, t, size, weight=weight)
            y += L.DESCENT * size
        return True
    sheet.callout((cx, cy), text, kinds=kinds)
    return False


def _draw_grid(sheet: _Sheet, view: _View, area: Box, *, frame_line: bool) -> None:
    """Grid lines inside ``area`` (x0, y0, x1, y1) and the cell labels in the margin band on
    all four sides; columns are letters, rows numbers, as in ``register.csv``."""
    c = sheet.ctx
    fr = c.frame
    st = c.style
    cell = view.cell_mm
    x0, y0, x1, y1 = area
    lines = []
    for i in range(fr.columns + 1):
        x = view.ox + i * cell
        if x0 - 1e-6 <= x <= x1 + 1e-6:
            lines.append(((x, max(y0, view.oy)), (x, min(y1, view.oy + fr.rows * cell))))
    for j in range(fr.rows + 1):
        y = view.oy + j * cell
        if y0 - 1e-6 <= y <= y1 + 1e-6:
            lines.append(((max(x0, view.ox), y), (min(x1, view.ox + fr.columns * cell), y)))
    lines = [ln for ln in lines if math.dist(*ln) > 0.5]
    if lines:
        sheet.add("grid", Path(tuple(lines), closed=False, stroke=Stroke(c.pal.grey50, st.grid_line_mm)))
    if frame_line:
        sheet.add("frame", Rect(x0, y0, x1 - x0, y1 - y0, stroke=Stroke(c.pal.black, 0.35)))
    size = st.grid_label_mm
    cols = mapframe.column_labels(fr.columns)
    for i, lab in enumerate(cols):
        a, b = max(view.ox + i * cell, x0), min(view.ox + (i + 1) * cell, x1)
        if b - a < fonts.text_width_mm(lab, size_mm=size) + 2:
            continue
        xm = (a + b) / 2
        for y in (y0 - 1.7, y1 + 1.7 + _CAP * size):
            sheet.add("margin", Text(xm, y, lab, size, c.pal.grey75, anchor="middle"))
    for j in range(fr.rows):
        a, b = max(view.oy + j * cell, y0), min(view.oy + (j + 1) * cell, y1)
        if b - a < size + 2:
            continue
        ym = (a + b) / 2 + _CAP * size / 2
        for x in (x0 - 3.0, x1 + 3.0):
            sheet.add("margin", Text(x, ym, str(j + 1), size, c.pal.grey75, anchor="middle"))


def _draw_north(sheet: _Sheet, box: Box, ctx: _Ctx, scale_text: str,
                badge: tuple[str, str] | None = None) -> None:
    x, y, w, h = box
    r = min(h / 2 - 4.5, 10.0)
    cx, cy = x + r + 4.5, y + h / 2
    dx, dy = true_north_on_paper(ctx.site.site.north_deg, ctx.frame.rotation_deg)
    px, py = -dy, dx
    tip = (cx + dx * r, cy + dy * r)
    tail = (cx - dx * r * 0.75, cy - dy * r * 0.75)
    left = (cx + px * r * 0.38 - dx * r * 0.2, cy + py * r * 0.38 - dy * r * 0.2)
    right = (cx - px * r * 0.38 - dx * r * 0.2, cy - py * r * 0.38 - dy * r * 0.2)
    pal = ctx.pal
    sheet.add("margin",
              Circle(cx, cy, r, fill=None, stroke=Stroke(pal.grey50, 0.25)),
              Path(((tip, left, tail),), fill=pal.black, stroke=Stroke(pal.black, 0.25)),
              Path(((tip, right, tail),), fill=pal.white, stroke=Stroke(pal.black, 0.25)))
    size = 5.0
    nx, ny = cx + dx * (r + 3.6), cy + dy * (r + 3.6) + _CAP * size / 2
    sheet.add("margin", Text(nx, ny, "N", size, pal.black, anchor="middle",
                             halo=pal.white, halo_mm=0.5))
    n_half = fonts.text_width_mm("N", size_mm=size) / 2
    tx = max(cx + r + 7.0, nx + n_half + 4.0)
    avail = x + w - tx
    grid = f"{ctx.words['grid']} {ctx.frame.grid_m:g} m"
    if badge is None:
        sheet.add("margin", Text(tx, cy - 1.0, scale_text, 5.0, pal.black))
        sheet.add("margin", Text(tx, cy + 5.0, grid, 3.0, pal.grey75, weight="regular"))
        return
    # storey plans: the building letter and the storey, large, so that a page is known at once
    letter, storey = badge
    size = 7.0
    lw = fonts.text_width_mm(letter, size_mm=size) + 2.4
    while size > 4.0 and lw + 2 + fonts.text_width_mm(storey, size_mm=size) > avail:
        size -= 0.25
        lw = fonts.text_width_mm(letter, size_mm=size) + 2.4
    bh = _CAP * size + 2.4
    by = cy - 2.0 - bh
    sheet.add("margin", Rect(tx, by, lw, bh, fill=pal.blue, radius_mm=0.8),
              Text(tx + lw / 2, by + bh / 2 + _CAP * size / 2, letter, size, pal.white,
                   anchor="middle"),
              Text(tx + lw + 2.0, by + bh / 2 + _CAP * size / 2, _fit(storey, avail - lw - 2, size, "bold"),
                   size, pal.black))
    sheet.add("margin", Text(tx, cy + 5.5, f"{scale_text} · {grid}", 3.0, pal.grey75,
                             weight="regular"))


def _nice_scalebar(k: float, max_mm: float) -> tuple[float, int]:
    """(segment length in m, number of segments) of a scale bar at ``k`` mm per metre."""
    best = (1.0, 1)
    for seg in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        for n in (5, 4):
            if best[0] * best[1] * k < seg * n * k <= max_mm:
                best = (float(seg), n)
    return best


def _draw_scalebar(sheet: _Sheet, ctx: _Ctx, k: float, scale: int, extra: str = "") -> None:
    x, y = ctx.lay.scalebar
    seg, n = _nice_scalebar(k, ctx.lay.scalebar_max_mm)
    pal = ctx.pal
    h = 2.2
    items: list[Item] = []
    for i in range(n):
        items.append(Rect(x + i * seg * k, y, seg * k, h, fill=pal.black if i % 2 == 0 else pal.white,
                          stroke=Stroke(pal.black, 0.2)))
    size = 2.8
    for i in range(n + 1):
        v = seg * i
        lab = f"{v:g}" + (" m" if i == n else "")
        items.append(Text(x + i * seg * k, y + h + 1.0 + _CAP * size, lab, size, pal.black,
                          weight="regular", anchor="middle" if i < n else "start"))
    end = x + n * seg * k + fonts.text_width_mm(f"{seg * n:g} m", size_mm=size, weight="regular") + 6
    items.append(Text(end, y + h + 0.6, f"{ctx.words['scale']} 1:{scale}", 3.5, pal.black))
    if extra:
        ex = end + fonts.text_width_mm(f"{ctx.words['scale']} 1:{scale}", size_mm=3.5) + 5
        if ex + fonts.text_width_mm(extra, size_mm=2.8, weight="regular") <= ctx.lay.scalebar_right:
            items.append(Text(ex, y + h + 0.6, extra, 2.8, pal.red, weight="regular"))
        else:  # no room beside the bar: under it
            items.append(Text(x, y + h + 1.0 + _CAP * size + 4.2,
                              _fit(extra, ctx.lay.scalebar_right - x, 2.8, "regular"), 2.8,
                              pal.red, weight="regular"))
    sheet.add("margin", *items)


# ----------------------------------------------------------------------------------------
# the site plan
# ----------------------------------------------------------------------------------------


def _site_view(ctx: _Ctx) -> tuple[_View, Box]:
    fr = ctx.frame
    k = 1000.0 / fr.scale
    x, y, w, h = ctx.lay.drawing
    gw, gh = fr.columns * fr.grid_m * k, fr.rows * fr.grid_m * k
    ox, oy = x + (w - gw) / 2, y + (h - gh) / 2
    return _View(fr, k, ox, oy), (ox, oy, ox + gw, oy + gh)


#: Lines with more points than this are clipped to the map without GEOS (whose overlay nodes
#: a line against itself: a zigzag of thousands of points took seconds or crashed it), and
#: simplified before their band is buffered for the placer (see :func:`_band`).
LINE_GEOS_MAX_POINTS = 256
#: The road band given to the placer has at most this many points on its centre line.
BAND_MAX_POINTS = 64


def _clip_line(pts: Sequence[XY], area: Box) -> list[list[XY]]:
    """The parts of a polyline inside ``area`` (paper mm) longer than 0.5 mm."""
    if len(pts) > LINE_GEOS_MAX_POINTS:
        return [p for p in _clip_polyline(pts, area) if _length(p) > 0.5]
    g = LineString(pts).intersection(sbox(*area))
    if g.is_empty:
        return []
    parts = getattr(g, "geoms", [g])
    return [list(p.coords) for p in parts if p.geom_type == "LineString" and p.length > 0.5]


def _length(pts: Sequence[XY]) -> float:
    return sum(math.dist(a, b) for a, b in zip(pts, pts[1:]))


def _clip_polyline(pts: Sequence[XY], area: Box) -> list[list[XY]]:
    """Linear-time clipping of a polyline to a box, segment by segment (Liang-Barsky),
    consecutive inside stretches joined into one part."""
    x0, y0, x1, y1 = area
    parts: list[list[XY]] = []
    cur: list[XY] = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:]):
        t0, t1 = 0.0, 1.0
        dx, dy = bx - ax, by - ay
        ok = True
        for p_, q_ in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p_ == 0:
                if q_ < 0:
                    ok = False
                    break
                continue
            t = q_ / p_
            if p_ < 0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                ok = False
                break
        if not ok:
            if len(cur) > 1:
                parts.append(cur)
            cur = []
            continue
        a = (ax, ay) if t0 == 0.0 else (ax + t0 * dx, ay + t0 * dy)
        b = (bx, by) if t1 == 1.0 else (ax + t1 * dx, ay + t1 * dy)
        if cur and cur[-1] == a:
            cur.append(b)
        else:
            if len(cur) > 1:
                parts.append(cur)
            cur = [a, b]
        if t1 < 1.0:  # the line leaves the box here
            parts.append(cur)
            cur = []
    if len(cur) > 1:
        parts.append(cur)
    return parts


def _band(piece: Sequence[XY], half: float):
    """The band a road piece covers on paper (half-width ``half`` mm, flat ends), for the
    placer.

    A piece of more than :data:`BAND_MAX_POINTS` points is simplified first and its band
    widened by the tolerance spent, with round ends: every point of the road lies within that
    tolerance of the simplified line, so the band still covers the road as drawn, and GEOS
    buffers a bounded line (the buffer of a long self-overlapping line costs superlinear time
    and memory: a 20,000-point zigzag took minutes and gigabytes)."""
    if len(piece) <= BAND_MAX_POINTS:
        return LineString(piece).buffer(half, cap_style=2)
    pts, spent = _simplify_bounded(piece, BAND_MAX_POINTS)
    return LineString(pts).buffer(half + spent)


#: Douglas-Peucker runs on pieces of at most this many points (its worst case is quadratic).
_DP_CHUNK = 128


def _simplify_bounded(pts: Sequence[XY], max_points: int) -> tuple[list[XY], float]:
    """``pts`` simplified to at most ``max_points`` points, and the tolerance spent (mm):
    every input point lies within it of the result.

    Rounds of Douglas-Peucker on pieces of :data:`_DP_CHUNK` points (ends kept, so the
    pieces join up), the tolerance doubling from 0.05 mm each round and the rounds' tolerances
    adding up. Each round is linear in the points, and there are at most a few dozen."""
    cur = np.asarray(pts, dtype=float)
    spent, tol = 0.0, 0.05
    while len(cur) > max_points:
        step = _DP_CHUNK - 1
        starts = range(0, len(cur) - 1, step)
        chunks = [cur[i:i + step + 1] for i in starts]
        lines = shapely.linestrings(np.concatenate(chunks),
                                    indices=np.repeat(np.arange(len(chunks)),
                                                      [len(c) for c in chunks]))
        simple = shapely.simplify(lines, tol, preserve_topology=False)
        parts = [q if len(q := shapely.get_coordinates(g)) >= 2 else c[[0, -1]]
                 for g, c in zip(simple, chunks, strict=True)]
        cur = np.concatenate([parts[0]] + [q[1:] for q in parts[1:]])
        spent += tol
        tol *= 2
    return [tuple(p) for p in cur.tolist()], spent


#: A road name is tried on at most this many of the road's longest segments.
ROAD_LABEL_SEGMENTS = 40


def _road_label(sheet: _Sheet, pieces: list[list[XY]], name: str, size: float,
                band_mm: float) -> None:
    """A name along the road's longest visible stretch, turned to read left to right."""
    c = sheet.ctx
    size = min(size, max(band_mm * 0.75, c.style.min_text_mm))
    tw = fonts.text_width_mm(name, size_mm=size)
    th = L.text_height(size)
    segs: list[tuple[float, XY, XY]] = []
    for piece in pieces:
        for a, b in zip(piece, piece[1:], strict=False):
            segs.append((math.dist(a, b), a, b))
    segs.sort(key=lambda s: -s[0])
    kinds = tuple(L.Placer.HARD) + ("area",)
    # the longest stretches only: a road of thousands of points would otherwise try 77
    # places on each of its segments
    for length, a, b in segs[:ROAD_LABEL_SEGMENTS]:
        if length < tw + 6:
            continue
        ang = math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))
        while ang > 90:
            ang -= 180
        while ang <= -90:
            ang += 180
        if abs(ang - 90) < 1e-6:
            ang = -90.0
        ux, uy = (b[0] - a[0]) / length, (b[1] - a[1]) / length
        nx, ny = -uy, ux
        # on the centre line first; where the map's edge cuts the road, slide the name
        # sideways onto the visible part of the band (or just beside it)
        half = band_mm / 2 + th / 2 + 0.5
        offsets = [0.0] + [s_ * d for d in (1.0, 2.0, 3.0, 4.0, half) if d <= half for s_ in (1, -1)]
        cands = [(f, o) for o in offsets for f in (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)]
        for f, o in cands:
            cx = a[0] + (b[0] - a[0]) * f + nx * o
            cy = a[1] + (b[1] - a[1]) * f + ny * o
            # room for the whole name on this segment?
            if min(f, 1 - f) * length < tw / 2 + 2:
                continue
            poly = L.rotated_rect(cx, cy, tw + 0.8, th + 0.4, ang)
            if not sheet.placer.polygon_free(poly, kinds=kinds, within=L.grow(sheet.clip, -0.8)):
                continue
            base_y = cy + (L.ASCENT - L.DESCENT) * size / 2
            t = Text(cx, base_y, name, size, c.pal.grey75, anchor="middle", halo=c.pal.white,
                     halo_mm=0.3)
            sheet.add("labels", Group((t,), rotate_deg=round(ang, 3), ox=cx, oy=cy)
                      if abs(ang) > 1e-6 else t)
            sheet.placer.add_polygon(poly, "label")
            return
    # no stretch is long enough: leave it to the legend-free notes
    if pieces:
        longest = max((LineString(p) for p in pieces), key=lambda g: g.length)
        mid = longest.interpolate(0.5, normalized=True)
        sheet.callout((mid.x, mid.y), name)


def _offmap_road(sheet: _Sheet, view: _View, pts: list[XY], name: str) -> None:
    """A road beyond the map's edge: its name and distance just inside that edge, with a
    small arrow pointing out towards it."""
    c = sheet.ctx
    x0, y0, x1, y1 = sheet.clip
    line = LineString(pts)
    centre = Point((x0 + x1) / 2, (y0 + y1) / 2)
    q = line.interpolate(line.project(centre))
    ex, ey = min(max(q.x, x0), x1), min(max(q.y, y0), y1)
    dist_m = math.dist((q.x, q.y), (ex, ey)) / view.k
    if dist_m > 500:
        return
    dx, dy = q.x - ex, q.y - ey
    if abs(dx) >= abs(dy):
        side, ang = ("right" if dx > 0 else "left"), (90.0 if dx > 0 else -90.0)
    else:
        side, ang = ("bottom" if dy > 0 else "top"), 0.0
    label = f"{name} ({dist_m:.0f} m)"
    size = c.style.road_label_mm
    tw, th = fonts.text_width_mm(label, size_mm=size), L.text_height(size)
    a = 5.0  # arrow size
    span = tw + a + 1.5
    for shift in (0, 10, -10, 20, -20, 35, -35, 50, -50):
        if side in ("left", "right"):
            along = min(max(ey + shift, y0 + span / 2 + 2), y1 - span / 2 - 2)
            inset = 1.0 + th / 2
            cx = x1 - inset if side == "right" else x0 + inset
            cy = along
            poly = L.rotated_rect(cx, cy, th + 0.6, span + 0.6, 0.0)
        else:
            along = min(max(ex + shift, x0 + span / 2 + 2), x1 - span / 2 - 2)
            inset = 1.0 + th / 2
            cx, cy = along, (y1 - inset if side == "bottom" else y0 + inset)
            poly = L.rotated_rect(cx, cy, span + 0.6, th + 0.6, 0.0)
        if not sheet.placer.polygon_free(poly, kinds=tuple(L.Placer.HARD) + ("area",),
                                         within=sheet.clip):
            continue
        # text centred on (cx, cy) turned by ang; the arrow at the outer end of the line
        base = cy + (L.ASCENT - L.DESCENT) * size / 2
        t = Text(cx - a / 2 - 0.75 if ang == 0 else cx, base, label, size, c.pal.black,
                 anchor="middle", halo=c.pal.white, halo_mm=0.3)
        if ang:
            t = Text(cx, base, label, size, c.pal.black, anchor="middle", halo=c.pal.white,
                     halo_mm=0.3)
            along_shift = -(a / 2 + 0.75) if ang == 90 else (a / 2 + 0.75)
            sheet.add("labels", Group((t,), rotate_deg=ang, ox=cx, oy=cy, dy=along_shift))
        else:
            sheet.add("labels", t)
        ux, uy = {"right": (1, 0), "left": (-1, 0), "top": (0, -1), "bottom": (0, 1)}[side]
        if ang == 0:
            tip_c = (cx + span / 2 - a / 2, cy)
        else:
            tip_c = (cx, cy + (span / 2 - a / 2) * (1 if ang == 90 else -1))
        px, py = -uy, ux
        tip = (tip_c[0] + ux * a * 0.45, tip_c[1] + uy * a * 0.45)
        b1 = (tip_c[0] - ux * a * 0.45 + px * a * 0.4, tip_c[1] - uy * a * 0.45 + py * a * 0.4)
        b2 = (tip_c[0] - ux * a * 0.45 - px * a * 0.4, tip_c[1] - uy * a * 0.45 - py * a * 0.4)
        sheet.add("labels", Path(((tip, b1, b2),), fill=c.pal.grey75))
        sheet.placer.add_polygon(poly, "label")
        return
    sheet.notes.append(f"–\t{name} ({c.words['off_' + side]}, {dist_m:.0f} m)")


def _building_label(sheet: _Sheet, view: _View, letter: str, name: str, ring: Sequence[XY],
                    holes: Sequence[Sequence[XY]], *, letter_mm: float, name_mm: float,
                    color: Color | None = None) -> None:
    """The building letter inside the outline (as far from the walls as it can), the name
    under it or beside it."""
    c = sheet.ctx
    poly = Polygon(ring, [list(h) for h in holes])
    if not poly.is_valid:
        poly = poly.buffer(0)
    inner = prep(poly.buffer(-1.0))
    lw = fonts.text_width_mm(letter, size_mm=letter_mm)
    lh = L.text_height(letter_mm)
    try:
        pole = polylabel(poly, tolerance=0.5)
    except Exception:  # noqa: BLE001
        pole = poly.representative_point()
    cands: list[Box] = [L.centred(pole.x, pole.y, lw + 1, lh)]
    x0, y0, x1, y1 = poly.bounds
    pts = []
    step = 2.5
    yy = y0
    while yy <= y1:
        xx = x0
        while xx <= x1:
            pts.append((xx, yy))
            xx += step
        yy += step
    pts.sort(key=lambda q: math.dist(q, (pole.x, pole.y)))
    cands += [L.centred(q[0], q[1], lw + 1, lh) for q in pts[:400]]
    got = None
    for b in cands:
        if inner.contains(sbox(*b)) and sheet.placer.box_free(b, within=sheet.clip):
            got = b
            break
    if got is None:
        got = sheet.placer.first_free(L.around((pole.x, pole.y), lw + 1, lh, gaps=(1, 3, 6, 10)),
                                      kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip)
    if got is None:
        sheet.callout((pole.x, pole.y), f"{letter} {name}")
        return
    cx = (got[0] + got[2]) / 2
    base = got[3] - L.DESCENT * letter_mm
    fill = color or c.pal.black
    sheet.add("labels", Text(cx, base, letter, letter_mm, fill, anchor="middle", halo=c.pal.white,
                             halo_mm=0.6))
    sheet.placer.add_box(L.grow(got, 0.3), "label")
    if not name:
        return
    nw = fonts.text_width_mm(name, size_mm=name_mm)
    nh = L.text_height(name_mm)
    gcx, gcy = cx, (got[1] + got[3]) / 2
    hh = (got[3] - got[1]) / 2
    hw = (got[2] - got[0]) / 2
    opts = [L.centred(gcx, got[3] + 0.8 + nh / 2, nw + 0.6, nh),
            L.centred(gcx, got[1] - 0.8 - nh / 2, nw + 0.6, nh),
            L.centred(gcx + hw + 1 + nw / 2, gcy + hh / 2, nw + 0.6, nh),
            L.centred(gcx - hw - 1 - nw / 2, gcy + hh / 2, nw + 0.6, nh)]
    for b in opts:
        if inner.contains(sbox(*b)) and sheet.placer.box_free(b, within=sheet.clip):
            sheet.text("labels", b[0] + 0.3, b[3] - L.DESCENT * name_mm, name, name_mm,
                       fill=fill)
            return
    for b in opts:
        if sheet.placer.box_free(b, kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip):
            sheet.text("labels", b[0] + 0.3, b[3] - L.DESCENT * name_mm, name, name_mm,
                       fill=fill)
            return
    # elsewhere inside the outline, nearest the letter first; then just outside it
    near = sorted(pts, key=lambda q: math.dist(q, (gcx, gcy)))[:500]
    for q in near:
        b = L.centred(q[0], q[1], nw + 0.6, nh)
        if inner.contains(sbox(*b)) and sheet.placer.box_free(b, within=sheet.clip):
            sheet.text("labels", b[0] + 0.3, b[3] - L.DESCENT * name_mm, name, name_mm, fill=fill)
            return
    got = sheet.placer.first_free(L.around((gcx, gcy), nw + 0.6, nh, gaps=(1, 3, 6, 10)),
                                  kinds=tuple(L.Placer.HARD) + ("area",), within=sheet.clip)
    if got is not None:
        sheet.text("labels", got[0] + 0.3, got[3] - L.DESCENT * name_mm, name, name_mm, fill=fill)
        return
    # the name does not fit near the letter: say it in the notes
    sheet.notes.append(f"{letter}\t{name}")


def _compose_site_plan(ctx: _Ctx) -> _Sheet:
    view, area = _site_view(ctx)
    sheet = _Sheet(ctx, area, L.Placer(area), view)
    pal, st = ctx.pal, ctx.style
    site, plan = ctx.site, ctx.plan
    x0, y0, x1, y1 = area
    clip = (x0, y0, x1 - x0, y1 - y0)

    # ground: areas, roads, fire lanes, footways ---------------------------------------
    ground: list[Item] = [Rect(x0, y0, x1 - x0, y1 - y0, fill=pal.white)]
    road_labels: list[tuple[list[list[XY]], str, float, float]] = []
    offmap: list[tuple[list[XY], str]] = []
    for f in site.site_features:
        if f.polygon:
            ring = view.ring(f.polygon)
            if f.kind == SiteFeatureKind.drivable_area:
                ground.append(Path((ring,), fill=pal.grey10))
                sheet.use("drivable_area")
            elif f.kind == SiteFeatureKind.not_drivable:
                ground.append(Path((ring,), fill=pal.not_drivable,
                                   stroke=Stroke(pal.yellow, 0.3)))
                sheet.use("not_drivable")
            elif f.kind == SiteFeatureKind.parking:
                ground.append(Path((ring,), fill=pal.grey10,
                                   stroke=Stroke(pal.grey50, 0.3, (1.5, 1.0))))
                sheet.use("parking")
    for kind, width_m, min_mm, color, key in (
            (SiteFeatureKind.footway, 0.0, 0.0, pal.grey50, "footway"),
            (SiteFeatureKind.fire_lane, st.fire_lane_width_m, st.fire_lane_min_mm, pal.grey10, "fire_lane"),
            (SiteFeatureKind.road, st.road_width_m, st.road_min_mm, pal.grey20, "road")):
        for f in site.site_features:
            if f.kind != kind or not f.line:
                continue
            pts = [view.p(q) for q in f.line]
            pieces = _clip_line(pts, area)
            if not pieces:
                if kind == SiteFeatureKind.road and f.name:
                    offmap.append((pts, f.name))
                continue
            if kind == SiteFeatureKind.footway:
                ground.append(Path(tuple(tuple(p) for p in pieces), closed=False,
                                   stroke=Stroke(color, 0.5, (1.2, 0.8))))
            else:
                band = max(width_m * view.k, min_mm)
                for piece in pieces:
                    sheet.placer.add_geometry(_band(piece, band / 2), "road")
                if kind == SiteFeatureKind.fire_lane:
                    ground.append(Path((tuple(pts),), closed=False, stroke=Stroke(pal.red, band + 0.7)))
                ground.append(Path((tuple(pts),), closed=False, stroke=Stroke(color, band)))
                if kind == SiteFeatureKind.fire_lane:
                    ground.append(Path((tuple(pts),), closed=False,
                                       stroke=Stroke(pal.red, 0.25, (2.0, 1.5))))
                if f.name:
                    road_labels.append((pieces, f.name, st.road_label_mm, band))
            sheet.use(key)
    sheet.add("ground", Group(tuple(ground), clip=clip))

    # buildings -------------------------------------------------------------------------
    bmap = {b.id: b for b in site.buildings}
    shapes: dict[str, tuple[tuple[XY, ...], list[tuple[XY, ...]]]] = {}
    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is None:
            continue
        ring = view.ring(b.footprint)
        holes = [view.ring(h) for h in b.courtyards]
        shapes[b.id] = (ring, holes)
        sheet.add("buildings", Path((ring, *holes), fill=pal.building_fill,
                                    stroke=Stroke(pal.black, st.building_outline_mm)))
        sheet.placer.add_geometry(Polygon(ring, [list(h) for h in holes]).buffer(0.4), "area", bp.id)
        sheet.use("building")

    # door codes ----------------------------------------------------------------------------
    doors = []
    for m in plan.markings:
        if m.kind in DOOR_KINDS and m.building in bmap:
            b = bmap[m.building]
            d = _door_by_id(b).get(m.element)
            doors.append((m, b, (d.width if d and d.width else 1.0)))
    _draw_doors(sheet, view, doors)
    for bp in plan.buildings:
        if bp.id in bmap:
            _draw_sides(sheet, view, bp.id)

    # symbols: site points and the fire service's points of the buildings, the most crowded
    # first (the outer ones of a cluster then move outwards with their leaders) -----------
    points = [f for f in site.site_features
              if f.at is not None and f.kind.value in ("hydrant", "assembly_point", "gate")]
    points += [ft for bp in plan.buildings if bp.id in bmap for ft in bmap[bp.id].features
               if ft.kind.value in SITE_PLAN_FEATURES]
    for f in _crowded_first(points, view, st.symbol_mm * 1.5):
        if isinstance(f, SiteFeature):
            _draw_symbol_at(sheet, view, f.kind.value, f.at, name=f.name, label=bool(f.name))
        else:
            _draw_symbol_at(sheet, view, f.kind.value, f.at)

    # building letters and names: after the symbols, which are tied to their points, while a
    # letter may go anywhere inside its outline
    for bp in plan.buildings:
        if bp.id in shapes:
            ring, holes = shapes[bp.id]
            _building_label(sheet, view, bp.letter, bp.name, ring, holes,
                            letter_mm=st.building_letter_mm, name_mm=st.building_name_mm)

    # names of roads and areas ----------------------------------------------------------------
    for pieces, name, size, band in road_labels:
        _road_label(sheet, pieces, name, size, band)
    for pts, name in offmap:
        _offmap_road(sheet, view, pts, name)
    for f in site.site_features:
        if f.polygon and f.name:
            ring = Polygon(view.ring(f.polygon)).intersection(sbox(*area))
            if ring.is_empty:
                continue
            pt = ring.representative_point()
            size = st.label_mm
            tw, th = fonts.text_width_mm(f.name, size_mm=size, weight="regular"), L.text_height(size)
            inner = prep(ring.buffer(-0.5)) if ring.area > 1 else None
            cand = [L.centred(pt.x + dx, pt.y + dy, tw + 0.6, th)
                    for dy in (0, -4, 4, -8, 8) for dx in (0, -6, 6, -12, 12)]
            got = None
            for bx in cand:
                if inner is not None and inner.contains(sbox(*bx)) and sheet.placer.box_free(bx, kinds=tuple(L.Placer.HARD) + ("area",), within=area):
                    got = bx
                    break
            if got is not None:
                sheet.text("labels", got[0] + 0.3, got[3] - L.DESCENT * size, f.name, size,
                           weight="regular", fill=pal.grey75)
            else:
                sheet.callout((pt.x, pt.y), f.name)

    _draw_grid(sheet, view, area, frame_line=True)
    return sheet


# ----------------------------------------------------------------------------------------
# storey plans
# ----------------------------------------------------------------------------------------


def _building_points(b: Building) -> list[XY]:
    pts = [(p[0], p[1]) for p in b.footprint]
    for r in b.rooms:
        pts += [(p[0], p[1]) for p in (r.polygon or [])]
    return pts


def storey_extent(b: Building, level: int, *, coverage: float = 0.5, closing_m: float = 5.0,
                  point_m: float = 4.0):
    """The part of the footprint that a storey occupies, in plan metres, or None for the
    whole footprint.

    The site file has one footprint per building. When the rooms of a storey cover less
    than ``coverage`` of it (a basement under one wing, a gallery over a hall), the storey is
    taken as its rooms plus a ``point_m`` square around each of its stairs, exterior doors
    and features, closed over corridors up to ``2 * closing_m`` wide; the rest of the
    footprint is drawn as a dashed outline, never as floor that the data does not show.
    When that still covers three quarters of the footprint, the whole footprint is drawn.
    """
    from shapely.ops import unary_union

    foot = Polygon(b.footprint, [list(c) for c in b.courtyards])
    if not foot.is_valid:
        foot = foot.buffer(0)
    rings = [r.polygon for r in b.rooms if r.level == level and r.polygon]
    if not rings or foot.area <= 0:
        return None
    polys = polygons(rings)
    bad = ~shapely.is_valid(polys)
    if bad.any():
        polys[bad] = shapely.buffer(polys[bad], 0)
    rooms = shapely.union_all(polys)
    if rooms.intersection(foot).area >= coverage * foot.area:
        return None
    pts = [s.at for s in b.stairs if level in s.levels]
    pts += [d.at for d in b.doors if d.level == level]
    pts += [f.at for f in b.features if f.level == level]
    h = point_m / 2
    squares = [sbox(x - h, y - h, x + h, y + h) for x, y in pts]
    both = unary_union([rooms, *squares])
    closed = both.buffer(closing_m, join_style=2).buffer(-closing_m, join_style=2)
    ext = closed.union(both).intersection(foot)
    if ext.is_empty or ext.area >= 0.75 * foot.area:  # most of it: draw the whole footprint
        return None
    return ext


def _storey_view(ctx: _Ctx, b: Building, scale: int) -> _View:
    k = 1000.0 / scale
    tmp = _View(ctx.frame, k, 0.0, 0.0)
    pts = [tmp.p(p) for p in _building_points(b)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    x, y, w, h = ctx.lay.drawing
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
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


def _room_label(sheet: _Sheet, view: _View, m: Marking, room: _RoomShape) -> None:
    """Room code (and a landmark's name) inside the room, as near its label point as it can;
    otherwise beside it with a leader; otherwise a numbered callout."""
    c = sheet.ctx
    st = c.style
    at = view.p(m.at)
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


def _compose_storey(ctx: _Ctx, b: Building, level: int, view: _View) -> _Sheet:
    x, y, w, h = ctx.lay.drawing
    area = (x, y, x + w, y + h)
    sheet = _Sheet(ctx, area, L.Placer(area), view)
    pal, st = ctx.pal, ctx.style
    clip = (x, y, w, h)
    ring = view.ring(b.footprint)
    holes = [view.ring(hh) for hh in b.courtyards]

    # neighbours for context
    ground: list[Item] = [Rect(x, y, w, h, fill=pal.white)]
    for other in ctx.footprints.near(view, area):  # type: ignore[union-attr]
        if other.id == b.id:
            continue
        oring = view.ring(other.footprint)
        poly = Polygon(oring)
        if not poly.intersects(sbox(*area)):
            continue
        ground.append(Path((oring, *[view.ring(hh) for hh in other.courtyards]),
                           fill=pal.neighbour_fill, stroke=Stroke(pal.grey50, 0.35)))
        sheet.placer.add_geometry(poly.intersection(sbox(*area)).buffer(0.3), "area", other.id)
        sheet.use("neighbour")
    sheet.add("ground", Group(tuple(ground), clip=clip))

    # storey outline: circulation tone, rooms white, outline on top
    rooms = [r for r in b.rooms if r.level == level and r.polygon]
    extent = storey_extent(b, level)
    if extent is None:
        sheet.add("buildings", Path((ring, *holes), fill=pal.grey10))
    else:
        for part in getattr(extent, "geoms", [extent]):
            sheet.add("buildings", Path((view.ring(part.exterior.coords),
                                         *[view.ring(i.coords) for i in part.interiors]),
                                        fill=pal.grey10))
    sheet.use("corridor")
    room_shapes: dict[str, _RoomShape] = {}
    for r in rooms:
        rr = view.ring(r.polygon or [])
        room_shapes[r.id] = _RoomShape(rr)
        sheet.add("rooms", Path((rr,), fill=pal.white, stroke=Stroke(pal.grey75, st.room_outline_mm)))
    if rooms:
        sheet.use("room")
    if extent is None:
        sheet.add("rooms", Path((ring, *holes), fill=None,
                                stroke=Stroke(pal.black, st.building_outline_mm)))
    else:  # walls of this storey solid, the rest of the building's outline dashed
        near = extent.buffer(0.05)
        for r_ in [b.footprint, *b.courtyards]:
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
        wdw = next((wd for wd in b.windows if wd.id == m.element), None)
        pt, n = _door_normal(b, m.at)
        p, nd = view.p(pt), view.d(n)
        t = (-nd[1], nd[0])
        half = max((wdw.width if wdw and wdw.width else 1.2) * view.k, 1.5) / 2
        off = 1.0
        a_ = (p[0] + nd[0] * off - t[0] * half, p[1] + nd[1] * off - t[1] * half)
        e_ = (p[0] + nd[0] * off + t[0] * half, p[1] + nd[1] * off + t[1] * half)
        sheet.add("marks", Path(((a_, e_),), closed=False, stroke=Stroke(pal.blue, 0.6)))
        sheet.use("window")

    # doors of this storey
    doors = []
    for m in own:
        if m.kind in DOOR_KINDS and m.level == level:
            d = _door_by_id(b).get(m.element)
            doors.append((m, b, d.width if d and d.width else 1.0))
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
        _room_label(sheet, view, m, room_shapes[m.element])

    # building features: symbols at their points, moved with a leader where a code sits;
    # the most crowded first, so that the outer ones of a cluster move outwards
    feats = [ft for ft in b.features if ft.level == level]
    for ft in _crowded_first(feats, view, st.symbol_mm * 1.5):
        _draw_symbol_at(sheet, view, ft.kind.value, ft.at, name=ft.name,
                        label=ft.kind.value == "hazard", label_kinds=L.Placer.HARD)

    # the site plan's grid over the storey
    _draw_grid(sheet, view, area, frame_line=True)
    return sheet


# ----------------------------------------------------------------------------------------
# right-hand column: legend, notes, gazetteer; title block
# ----------------------------------------------------------------------------------------

_LEGEND_ORDER = ("building", "side", "entrance", "emergency_exit", "fire_brigade", "stair",
                 "room", "corridor", "outline_only", "window", "neighbour", "road", "fire_lane", "footway",
                 "drivable_area", "not_drivable", "parking", "hydrant", "gate", "assembly_point",
                 "key_box", "fire_alarm_panel", "first_info_point", "sprinkler_valve", "riser",
                 "gas_shutoff", "water_shutoff", "power_shutoff", "aed", "first_aid",
                 "elevator", "hazard", "callout")


@dataclass
class _Row:
    """One row of a flowing table: ``height`` mm and a draw function (x, y_top, width)."""

    height: float
    draw: object
    keep_with_next: bool = False


def _legend_rows(ctx: _Ctx, sheet: _Sheet, col_w: float, *, compact: bool = False) -> list[_Row]:
    """One row per legend entry used on the sheet: the sample (symbol at the map's size, or
    at the minimum 8 mm when ``compact``) and its words, wrapped to the column."""
    pal, st = ctx.pal, ctx.style
    wd = ctx.words
    names = SYMBOL_NAMES.get(ctx.lang, SYMBOL_NAMES["en"])
    size = st.min_text_mm if compact else st.legend_mm
    sym_mm = st.symbol_min_mm if compact else st.symbol_mm
    sym_w = 10.0
    rows: list[_Row] = []
    keys = sorted(sheet.legend, key=lambda k: _LEGEND_ORDER.index(k) if k in _LEGEND_ORDER else 999)
    for key in keys:
        sample = sheet.legend[key]
        text = names.get(key) or wd.get(key, key)
        lines = L.wrap(text, col_w - sym_w - 2.0, size, "regular", max_lines=3)
        tsize = size
        while lines is None and tsize > st.min_text_mm + 1e-6:
            tsize = max(st.min_text_mm, tsize - 0.1)
            lines = L.wrap(text, col_w - sym_w - 2.0, tsize, "regular", max_lines=3)
        lines = lines or [_fit(text.replace(L.SHY, ""), col_w - sym_w - 2.0, tsize, "regular")]
        h = max(sym_mm + (0.6 if compact else 1.2) if key in names else (6.2 if compact else 6.8),
                len(lines) * size * 1.2 + 1.2)

        def draw(x, y, w, key=key, sample=sample, lines=lines, h=h, size=tsize):
            cx, cy = x + sym_w / 2, y + h / 2
            items = _legend_sample(ctx, key, sample, cx, cy, sym_mm)
            ty = cy - (len(lines) * size * 1.2) / 2 + _CAP * size + 0.35
            for ln in lines:
                items.append(Text(x + sym_w + 2.0, ty, ln, size, pal.black, weight="regular"))
                ty += size * 1.2
            return items

        rows.append(_Row(h, draw))
    return rows


def _legend_sample(ctx: _Ctx, key: str, sample: str, cx: float, cy: float,
                   sym_mm: float | None = None) -> list[Item]:
    pal, st = ctx.pal, ctx.style
    w, h = 9.0, 5.5
    x0, y0 = cx - w / 2, cy - h / 2
    if key in ("entrance", "emergency_exit", "fire_brigade", "stair"):
        color = pal.stair if key == "stair" else pal.door[key]
        size = st.stair_code_mm if key == "stair" else st.door_code_mm
        bw, bh = _code_box_size(sample or "E1", size)
        size = min(size, size * 9.5 / bw)
        bw, bh = _code_box_size(sample or "E1", size)
        return [Rect(cx - bw / 2, cy - bh / 2, bw, bh, fill=color, radius_mm=0.6),
                Text(cx, cy + _CAP * size / 2, sample or "E1", size, pal.white, anchor="middle")]
    if key == "side":
        d = st.side_circle_mm
        return [Circle(cx, cy, d / 2, fill=pal.white, stroke=Stroke(pal.black, 0.35)),
                Text(cx, cy + _CAP * st.side_mm / 2, "A", st.side_mm, pal.black, anchor="middle")]
    if key == "building":
        return [Rect(x0, y0, w, h, fill=pal.building_fill, stroke=Stroke(pal.black, 0.7))]
    if key == "room":
        return [Rect(x0, y0, w, h, fill=pal.white, stroke=Stroke(pal.grey75, 0.25))]
    if key == "corridor":
        return [Rect(x0, y0, w, h, fill=pal.grey10, stroke=Stroke(pal.black, 0.5))]
    if key == "outline_only":
        return [Path((((x0, cy), (x0 + w, cy)),), closed=False,
                     stroke=Stroke(pal.grey50, 0.35, (2.0, 1.2)))]
    if key == "neighbour":
        return [Rect(x0, y0, w, h, fill=pal.neighbour_fill, stroke=Stroke(pal.grey50, 0.35))]
    if key == "window":
        return [Rect(x0, cy, w, 3.0, fill=pal.grey10),
                Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.black, 0.7)),
                Path((((cx - 2.5, cy - 1.0), (cx + 2.5, cy - 1.0)),), closed=False,
                     stroke=Stroke(pal.blue, 0.6))]
    if key == "road":
        return [Rect(x0, cy - 2.5, w, 5.0, fill=pal.grey20)]
    if key == "fire_lane":
        return [Rect(x0, cy - 2.1, w, 4.2, fill=pal.red),
                Rect(x0, cy - 1.75, w, 3.5, fill=pal.grey10),
                Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.red, 0.25, (2.0, 1.5)))]
    if key == "footway":
        return [Path((((x0, cy), (x0 + w, cy)),), closed=False, stroke=Stroke(pal.grey50, 0.5, (1.2, 0.8)))]
    if key == "drivable_area":
        return [Rect(x0, y0, w, h, fill=pal.grey10)]
    if key == "not_drivable":
        return [Rect(x0, y0, w, h, fill=pal.not_drivable, stroke=Stroke(pal.yellow, 0.3))]
    if key == "parking":
        return [Rect(x0, y0, w, h, fill=pal.grey10, stroke=Stroke(pal.grey50, 0.3, (1.5, 1.0)))]
    if key == "callout":
        size = st.min_text_mm + 0.3
        return [Circle(cx, cy, 2.3, fill=pal.white, stroke=Stroke(pal.black, 0.3)),
                Text(cx, cy + _CAP * size / 2, "1", size, pal.black, anchor="middle")]
    return draw_symbol(key, cx, cy, sym_mm or st.symbol_mm, pal.ink, ctx.lang)


def _note_rows(ctx: _Ctx, notes: list[str], width: float) -> list[_Row]:
    pal, st = ctx.pal, ctx.style
    size = st.legend_mm
    rows = []
    for note in notes:
        num, _, text = note.partition("\t")
        lines = L.wrap(text, width - 8, size, "regular", max_lines=4) or [text]

        def draw(x, y, w, num=num, lines=lines):
            items: list[Item] = [Text(x + 2.5, y + _CAP * size + 0.5, num, size, pal.black,
                                      anchor="middle")]
            ty = y + _CAP * size + 0.5
            for ln in lines:
                items.append(Text(x + 7, ty, ln, size, pal.black, weight="regular"))
                ty += size * 1.2
            return items

        rows.append(_Row(len(lines) * size * 1.2 + 1.2, draw))
    return rows


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One line of the gazetteer: a code, its grid cell on the site plan and where it is."""

    code: str
    cell: str
    detail: str
    group: str  # doors, stairs, landmarks


def _natural(code: str) -> tuple:
    return tuple(int(t) if t.isdigit() else t for t in re.findall(r"\d+|\D+", code))


def gazetteer_entries(plan: Plan, language: str | None = None) -> list[GazetteerEntry]:
    """Every exterior door, stair and landmark with its grid cell (``Marking.grid``), in
    reading order: doors by code, stairs by code, landmarks by code."""
    wd = _words(language or plan.language)
    letters = {b.id: b.letter for b in plan.buildings}
    names = {(b.id, lv): n for b in plan.buildings for lv, n in zip(b.levels, b.level_names, strict=False)}
    out: list[GazetteerEntry] = []
    doors = sorted((m for m in plan.markings if m.kind in DOOR_KINDS), key=lambda m: _natural(m.code))
    for m in doors:
        lv = names.get((m.building, m.level or 0), str(m.level))
        out.append(GazetteerEntry(m.code, m.grid or "–", f"{letters.get(m.building, '')} · {lv}", "doors"))
    stairs = sorted((m for m in plan.markings if m.kind == "stair"), key=lambda m: _natural(m.code))
    for m in stairs:
        lvs = m.levels or ((m.level,) if m.level is not None else ())
        span = ""
        if lvs:
            a, e = names.get((m.building, min(lvs)), str(min(lvs))), names.get((m.building, max(lvs)), str(max(lvs)))
            span = a if a == e else f"{a}{wd['storeys_to']}{_shorten_second(a, e)}"
        out.append(GazetteerEntry(m.code, m.grid or "–", f"{letters.get(m.building, '')} · {span}", "stairs"))
    marks = sorted((m for m in plan.markings if m.kind == "room" and m.landmark), key=lambda m: _natural(m.code))
    for m in marks:
        out.append(GazetteerEntry(m.code, m.grid or "–", m.name or "", "landmarks"))
    return out


def _shorten_second(a: str, e: str) -> str:
    """``Floor 1``, ``Floor 2`` -> ``2``: drop the words the second shares with the first.

    >>> _shorten_second("Floor 1", "Floor 2"), _shorten_second("UG", "2. OG")
    ('2', '2. OG')
    """
    wa, we = a.split(), e.split()
    i = 0
    while i < min(len(wa), len(we)) - 1 and wa[i] == we[i]:
        i += 1
    return " ".join(we[i:])


def _gazetteer_rows(ctx: _Ctx, entries: list[GazetteerEntry], col_w: float, *,
                    detail: bool = True) -> list[_Row]:
    pal, st = ctx.pal, ctx.style
    wd = ctx.words
    size = st.table_mm
    dsize = max(st.min_text_mm, size - 0.4)
    code_w = max([fonts.text_width_mm(e.code, size_mm=size) for e in entries] + [6.0]) + 1.5
    cell_w = max([fonts.text_width_mm(e.cell, size_mm=size) for e in entries] + [5.0]) + 2.0
    rows: list[_Row] = []
    group = None
    pitch = size * 1.38
    for e in entries:
        if e.group != group:
            group = e.group
            title = wd[group]

            def head(x, y, w, title=title):
                return [Text(x, y + 1.4 + _CAP * size, title, size, pal.grey75),
                        Path((((x, y + 2.4 + _CAP * size), (x + w - 2, y + 2.4 + _CAP * size)),),
                             closed=False, stroke=Stroke(pal.grey50, 0.2))]

            rows.append(_Row(size * 1.38 + 1.6, head, keep_with_next=True))
        text = e.detail
        if detail:
            avail = col_w - code_w - cell_w - 2
            while text and fonts.text_width_mm(text, size_mm=dsize, weight="regular") > avail:
                text = text[:-2] + "…"
        else:
            text = ""

        def draw(x, y, w, e=e, text=text):
            base = y + _CAP * size + 0.5
            items: list[Item] = [Text(x, base, e.code, size, pal.black),
                                 Text(x + code_w, base, e.cell, size, pal.blue)]
            if text:
                items.append(Text(x + code_w + cell_w, base, text, dsize, pal.grey75, weight="regular"))
            return items

        rows.append(_Row(pitch, draw))
    return rows


def _place_rows(rows: list[_Row], x: float, y: float, n_cols: int, cw: float, gap: float,
                height: float) -> tuple[list[tuple[_Row, float, float]], float] | None:
    """Where the rows go in ``n_cols`` columns of at most ``height`` mm: ((row, x, y) for
    each row, used height), or None when they do not fit."""
    placed: list[tuple[_Row, float, float]] = []
    i = 0
    used = 0.0
    for col in range(n_cols):
        yy = 0.0
        cx = x + col * (cw + gap)
        while i < len(rows):
            r = rows[i]
            need = r.height + (rows[i + 1].height if r.keep_with_next and i + 1 < len(rows) else 0)
            if yy + need > height + 1e-6:
                break
            placed.append((r, cx, y + yy))
            yy += r.height
            i += 1
        used = max(used, yy)
        if i >= len(rows):
            return placed, used
    return None


def _fill(rows: list[_Row], x: float, y: float, n_cols: int, cw: float, gap: float,
          height: float) -> tuple[list[Item], float] | None:
    """Rows into ``n_cols`` columns of at most ``height`` mm; (items, used height) or None."""
    fit = _place_rows(rows, x, y, n_cols, cw, gap, height)
    if fit is None:
        return None
    placed, used = fit
    items: list[Item] = []
    for r, rx, ry in placed:
        items.extend(r.draw(rx, ry, cw))  # type: ignore[operator]
    return items, used


def _flow_balanced(rows: list[_Row], slot: Box, col_w: float, *, gap: float = 2.0,
                   max_cols: int | None = None) -> tuple[list[Item], float] | None:
    """Rows in as many columns of about ``col_w`` mm as the slot (x, y, w, h) holds, with the
    columns balanced (the shortest height that takes every row). None if they do not fit.

    The search for that height only places rows; they are drawn once, at the end."""
    x, y, w, h = slot
    if not rows:
        return [], 0.0
    n_cols = max(1, int((w + gap) // (col_w + gap)))
    if max_cols:
        n_cols = min(n_cols, max_cols)
    cw = (w - gap * (n_cols - 1)) / n_cols
    total = sum(r.height for r in rows)
    lo = max(max(r.height for r in rows), total / n_cols)
    if _place_rows(rows, x, y, n_cols, cw, gap, h) is None:
        return None
    hi = h
    for _ in range(24):
        mid = (lo + hi) / 2
        if _place_rows(rows, x, y, n_cols, cw, gap, mid) is None:
            lo = mid
        else:
            hi = mid
    return _fill(rows, x, y, n_cols, cw, gap, hi)


def _flow(rows: list[_Row], slots: list[Box], col_w: float, *, gap: float = 3.0
          ) -> tuple[list[Item], float, int] | None:
    """Rows through the slots in order, each slot filled column by column.
    Returns (items, bottom y in the last slot used, index of that slot) or None."""
    items, reached, _placed, bottom, last = _walk_slots(rows, 0, slots, col_w, gap=gap)
    return (items, bottom, last) if reached >= len(rows) else None


def _heading(ctx: _Ctx, x: float, y: float, text: str) -> list[Item]:
    return [Text(x, y + _CAP * 3.6, text, 3.6, ctx.pal.black)]


def _column(ctx: _Ctx, sheet: _Sheet, *, gazetteer: list[GazetteerEntry] | None) -> bool:
    """Legend, notes and (if given and it fits) the gazetteer into the sheet's slots, one
    section under the other, each balanced over as many columns as the slot holds.
    Returns True when the gazetteer was placed (or not asked for)."""
    lay = ctx.lay
    slots = [list(s) for s in lay.slots]
    items: list[Item] = []
    head_h = 7.0

    def place(title: str, make_rows, col_w: float, *, max_cols: int | None = None) -> bool:
        for si, (sx, sy, sw, sh) in enumerate(slots):
            if sh < head_h + 5:
                continue
            gap = 2.0
            n_cols = max(1, int((sw + gap) // (col_w + gap)))
            if max_cols:
                n_cols = min(n_cols, max_cols)
            cw = (sw - gap * (n_cols - 1)) / n_cols
            rows = make_rows(cw)
            res = _flow_balanced(rows, (sx, sy + head_h, sw, sh - head_h),
                                 col_w, gap=gap, max_cols=max_cols)
            if res is None:
                continue
            got, used = res
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(got)
            top = sy + head_h + used + 5.0
            slots[si] = [sx, top, sw, sy + sh - top]
            return True
        return False

    legend = lambda w: _legend_rows(ctx, sheet, w)  # noqa: E731
    compact = lambda w: _legend_rows(ctx, sheet, w, compact=True)  # noqa: E731
    title = ctx.words["legend"]
    if not (place(title, legend, 37.0) or place(title, legend, 33.0)
            or place(title, compact, 33.0)):
        # long legends on A4: flow through every slot, the heading above the first
        sx, sy, _sw, _sh = slots[0]
        body = [(s[0], s[1] + head_h, s[2], s[3] - head_h) for s in slots]
        res = _flow(compact(33.0), body, 33.0, gap=2.0)
        if res is not None:
            items.extend(_heading(ctx, sx, sy, title))
            items.extend(res[0])
            last = res[2]
            for k in range(last):
                slots[k] = [slots[k][0], slots[k][1] + slots[k][3], slots[k][2], 0.0]
            lx, ly, lw, lh = slots[last]
            top = res[1] + 5.0
            slots[last] = [lx, top, lw, ly + lh - top]
    placed_gaz = gazetteer is None
    if sheet.notes:
        notes = list(sheet.notes)
        if place(ctx.words["notes"], lambda w: _note_rows(ctx, notes, w), 78.0, max_cols=1):
            sheet.notes.clear()
    if gazetteer and lay.gazetteer_on_sheet:
        placed_gaz = place(ctx.words["gazetteer"],
                           lambda w: _gazetteer_rows(ctx, gazetteer, w), 37.0)
    sheet.add("margin", *items)
    return placed_gaz


def _title_block(ctx: _Ctx, sheet: _Sheet, sheet_title: str, n: int, m: int, scale: int) -> None:
    x, y, w, h = ctx.lay.title
    pal, wd = ctx.pal, ctx.words
    items: list[Item] = [Rect(x, y, w, h, fill=pal.white, stroke=Stroke(pal.black, 0.35))]
    pad = 2.5
    inner = w - 2 * pad
    cy = y + pad
    name = ctx.site.site.name
    size = 4.2
    lines = L.wrap(name, inner, size, "bold", max_lines=2)
    while lines is None and size > 2.6:
        size -= 0.2
        lines = L.wrap(name, inner, size, "bold", max_lines=2)
    lines = lines or [name]
    for ln in lines:
        cy += L.ASCENT * size
        items.append(Text(x + pad, cy, ln, size, pal.black))
        cy += L.DESCENT * size + 0.4
    small = 2.8
    if ctx.site.site.address:
        cy += L.ASCENT * small
        items.append(Text(x + pad, cy, _fit(ctx.site.site.address, inner, small, "regular"), small,
                          pal.black, weight="regular"))
        cy += L.DESCENT * small
    cy += 1.2
    items.append(Path((((x, cy), (x + w, cy)),), closed=False, stroke=Stroke(pal.black, 0.25)))
    cy += 1.0
    tsize = 3.6
    for ln in (L.wrap(sheet_title, inner, tsize, "bold", max_lines=2) or [sheet_title]):
        cy += L.ASCENT * tsize
        items.append(Text(x + pad, cy, ln, tsize, pal.black))
        cy += L.DESCENT * tsize + 0.3
    prof_title = ctx.profile.title.split(" – ")[0].split(" - ")[0]
    date = f"{wd['date']} {ctx.plan.date}" if ctx.plan.date else wd["undated"]
    facts = [f"{wd['scale']} 1:{scale} · {wd['grid']} {ctx.frame.grid_m:g} m",
             f"{wd['profile']}: {prof_title}",
             f"{date} · {wd['version']} {ctx.plan.version or '–'}"]
    for ln in facts:
        cy += L.ASCENT * small + 0.4
        items.append(Text(x + pad, cy, _fit(ln, inner, small, "regular"), small, pal.black,
                          weight="regular"))
        cy += L.DESCENT * small
    refs = []  # where this sheet's lists went, bottom line first
    if sheet.notes_elsewhere:
        refs.append(wd["see_sheet"].format(n=sheet.notes_elsewhere))
    if sheet.gazetteer_on:
        a, b = sheet.gazetteer_on
        refs.append(wd["see_gazetteer"].format(n=str(a) if a == b else f"{a}–{b}"))
    for k, ref in enumerate(refs):
        items.append(Text(x + pad, y + h - pad - L.DESCENT * 2.8 - k * 3.6, ref, 2.8, pal.red))
    sheet_no = wd["sheet"].format(n=n, m=m)
    items.append(Text(x + w - pad, y + h - pad - L.DESCENT * 3.2, sheet_no, 3.2, pal.black,
                      anchor="end"))
    sheet.add("margin", *items)


def _fit(text: str, width: float, size: float, weight: str) -> str:
    if fonts.text_width_mm(text, size_mm=size, weight=weight) <= width:  # type: ignore[arg-type]
        return text
    while text and fonts.text_width_mm(text + "…", size_mm=size, weight=weight) > width:  # type: ignore[arg-type]
        text = text[:-1]
    return text.rstrip() + "…"


def _see_sheet(ctx: _Ctx, sheet: _Sheet, n: int) -> None:
    """Remember where this sheet's numbered notes are listed (printed in the title block)."""
    sheet.notes_elsewhere = n


def _walk_slots(rows: list[_Row], start: int, slots: list[Box], col_w: float, *, gap: float
                ) -> tuple[list[Item], int, list[int], float, int]:
    """Rows from ``start`` through the slots, each filled column by column, as far as they
    go: (items, index of the first row left over, index of each placed row, bottom y in the
    last slot used, index of that slot). A row that wants to stay with the next one moves
    on with it."""
    items: list[Item] = []
    placed: list[int] = []
    i = start
    bottom, last = 0.0, 0
    for si, (sx, sy, sw, sh) in enumerate(slots):
        n_cols = max(1, int((sw + gap) // (col_w + gap)))
        cw = (sw - gap * (n_cols - 1)) / n_cols
        bottom, last = sy, si
        for col in range(n_cols):
            yy = sy
            x = sx + col * (cw + gap)
            while i < len(rows):
                r = rows[i]
                need = r.height + (rows[i + 1].height if r.keep_with_next and i + 1 < len(rows) else 0)
                if yy + need > sy + sh + 1e-6:
                    break
                items.extend(r.draw(x, yy, cw))  # type: ignore[operator]
                placed.append(i)
                yy += r.height
                i += 1
            bottom = max(bottom, yy)
            if i >= len(rows):
                return items, i, placed, bottom, last
    return items, i, placed, bottom, last


def _flow_from(rows: list[_Row], start: int, slots: list[Box], col_w: float, *,
               gap: float) -> tuple[list[Item], int, list[int]]:
    """Rows from ``start`` through the slots as far as they go: (items, index of the first
    row left over, index of each placed row)."""
    return _walk_slots(rows, start, slots, col_w, gap=gap)[:3]


def _gazetteer_pages(ctx: _Ctx, entries: list[GazetteerEntry],
                     notes: list[tuple[str, list[str]]]) -> tuple[list[_Sheet], list[int], int]:
    """The gazetteer (when it did not fit on the site plan) and the notes that found no room
    on their own sheets, on as many pages as they need.

    Returns the sheets, for each group of ``notes`` the index of the sheet that holds its
    heading, and the index of the last sheet with gazetteer rows. One page takes the detailed list (code, cell, where); a longer one goes
    into narrow columns without the details, page after page, so nothing is ever left out.
    """
    lay = ctx.lay
    pal = ctx.pal
    x0, top = 10.0, 10.0
    tx, ty, tw, _th = lay.title
    title_key = "gazetteer_title" if entries else "notes"

    def frame(first: bool, key: str = title_key) -> tuple[list[Item], list[Box]]:
        title = ctx.words[key] + ("" if first else f" ({ctx.words['continued']})")
        items: list[Item] = [Text(x0, top + _CAP * 5.0, title, 5.0, pal.black)]
        y = top + 9.0
        if key == "gazetteer_title":
            hint = L.wrap(ctx.words["gazetteer_hint"], lay.width - 20, 2.8, "regular",
                          max_lines=3) or []
            for ln in hint:
                y += L.ASCENT * 2.8
                items.append(Text(x0, y, ln, 2.8, pal.grey75, weight="regular"))
                y += L.DESCENT * 2.8 + 0.5
            y += 4.0
        if lay.width > lay.height:  # landscape: columns left of the title block's column
            slots = [(x0, y, tx - 5 - x0, lay.height - 10 - y), (tx, y, tw, ty - 5 - y)]
        else:
            slots = [(x0, y, lay.width - 20, ty - 5 - y)]
        return items, slots

    def all_rows(col_w: float, note_w: float, detail: bool) -> tuple[list[_Row], list[int]]:
        rows = _gazetteer_rows(ctx, entries, col_w, detail=detail) if entries else []
        heads: list[int] = []
        for head, texts in notes:
            heads.append(len(rows))
            rows.append(_Row(7.0, lambda x, yy, w, head=head: [
                Text(x, yy + 2.0 + _CAP * 3.0, head, 3.0, pal.grey75)], True))
            rows += _note_rows(ctx, texts, note_w)
        return rows, heads

    first_items, first_slots = frame(True)
    rows, heads = all_rows(62.0, 62.0, True)
    got, reached, _ = _flow_from(rows, 0, first_slots, 62.0, gap=6.0)
    if reached >= len(rows):  # the detailed list fits one page
        sheet = _Sheet(ctx, (0.0, 0.0, lay.width, lay.height),
                       L.Placer((0.0, 0.0, lay.width, lay.height)))
        sheet.add("margin", *first_items, *got)
        return [sheet], [0] * len(notes), 0
    # Long lists: the gazetteer in narrow columns, then the notes (wider, they wrap) from
    # a new page, each as many pages as it takes.
    rows, heads = all_rows(24.0, 40.0, False)
    n_gaz_rows = heads[0] if heads else len(rows)
    sheets: list[_Sheet] = []
    page_of_row: dict[int, int] = {}
    for lo, hi, col_w, gap, key in ((0, n_gaz_rows, 24.0, 4.0, title_key),
                                    (n_gaz_rows, len(rows), 40.0, 5.0, "notes")):
        part = rows[lo:hi]
        i = 0
        while i < len(part):
            items, slots = frame(i == 0, key)
            got, reached, placed = _flow_from(part, i, slots, col_w, gap=gap)
            if reached == i:  # a row taller than a whole page: these rows never are
                raise OrientationError("a gazetteer row does not fit on a page")
            for r in placed:
                page_of_row[lo + r] = len(sheets)
            sheet = _Sheet(ctx, (0.0, 0.0, lay.width, lay.height),
                           L.Placer((0.0, 0.0, lay.width, lay.height)))
            sheet.add("margin", *items, *got)
            sheets.append(sheet)
            i = reached
    gaz_last = page_of_row[n_gaz_rows - 1] if n_gaz_rows else 0
    return sheets, [page_of_row[h] for h in heads], gaz_last


# ----------------------------------------------------------------------------------------
# the booklet
# ----------------------------------------------------------------------------------------


#: The longest file-name part made from a name (file systems allow 255 bytes per name).
MAX_SLUG_CHARS = 60


def _slug(text: str) -> str:
    """A safe file-name part: ``"1. OG"`` -> ``"1-og"``, ``"Übergang"`` -> ``"uebergang"``;
    at most :data:`MAX_SLUG_CHARS` characters: a longer one is cut and ends in a short hash of
    the whole name, so that two long names that start alike still get different files.

    >>> _slug("1. OG"), _slug("Straße Süd"), _slug("***")
    ('1-og', 'strasse-sued', '')
    >>> len(_slug("Obergeschoss " * 20)) == MAX_SLUG_CHARS
    True
    """
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        t = t.replace(a, b)
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    if len(slug) <= MAX_SLUG_CHARS:
        return slug
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"{slug[:MAX_SLUG_CHARS - 9].rstrip('-')}-{digest}"


def _storey_order(b: Building) -> list[int]:
    """Storeys from the lowest to the highest."""
    return sorted(s.level for s in b.storeys)


def map_pages(site: Site, plan: Plan, profile: Profile, *, paper: str | None = None,
              language: str | None = None, style: MapStyle = MapStyle()) -> list[Page]:
    """The responder map booklet as scene pages, in booklet order (see the module docstring).

    ``paper``: ``"A3"`` (landscape) or ``"A4"`` (portrait); None takes the paper the plan's
    map frame was made for. It must match ``plan.frame.paper``, because the frame's scale and
    grid (and so ``register.csv``'s grid cells) were chosen for that sheet.
    ``language``: ``"de"`` or ``"en"``; None takes the plan's language (the profile's, or the
    ``--lang`` given to the plan).
    """
    with collector_paused():
        return _map_pages(site, plan, profile, paper=paper, language=language, style=style)


def _map_pages(site: Site, plan: Plan, profile: Profile, *, paper: str | None,
               language: str | None, style: MapStyle) -> list[Page]:
    frame = plan.frame
    if frame is None:
        frame = _frame_for(site, plan, paper or "A3")
    paper = (paper or frame.paper).upper()
    lay = _layout(paper)
    if frame.paper.upper() != paper:
        raise OrientationError(
            f"the plan's map grid was made for {frame.paper} but the maps are asked for "
            f"{paper}; make the plan with the same paper (PlanOptions(paper='{paper}')) so that "
            "the grid cells in register.csv match the map")
    lang = language or plan.language or profile.language
    wd = _words(lang)
    ctx = _Ctx(site=site, plan=plan, profile=profile, lang=lang, words=wd, style=style,
               pal=_palette(profile), lay=lay, frame=frame,
               letters={b.id: b.letter for b in plan.buildings},
               level_names={(b.id, s.level): s.name for b in site.buildings for s in b.storeys},
               building_plans={b.id: b for b in plan.buildings},
               footprints=Footprints(site.buildings))
    for m in plan.markings:
        ctx.marks_of.setdefault(m.building, []).append(m)

    # 1. site plan
    site_sheet = _compose_site_plan(ctx)
    entries = gazetteer_entries(plan, lang)
    placed = _column(ctx, site_sheet, gazetteer=entries)
    _draw_north(site_sheet, lay.north, ctx, f"1:{frame.scale}")
    _draw_scalebar(site_sheet, ctx, 1000.0 / frame.scale, frame.scale)
    sheets: list[tuple[_Sheet, str, str, int]] = [
        (site_sheet, wd["site_plan"], wd["slug_site"], frame.scale)]

    # 3. storey plans
    bmap = {b.id: b for b in site.buildings}
    scales: dict[str, int] = {}
    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is not None:
            scales[b.id] = mapframe.storey_scale(_building_points(b), frame.rotation_deg, paper)
    distinct = sorted(set(scales.values()))

    @functools.cache
    def other_scales(scale: int) -> str:
        """The note on a storey plan whose scale differs from others; once per scale, not
        per page (it lists every building)."""
        others = [f"{ctx.letters[o]} 1:{s}" for o, s in scales.items() if s != scale]
        return wd["floor_other"].format(others=", ".join(others))

    for bp in plan.buildings:
        b = bmap.get(bp.id)
        if b is None:
            continue
        scale = scales[b.id]
        view = _storey_view(ctx, b, scale)
        for level in _storey_order(b):
            sheet = _compose_storey(ctx, b, level, view)
            _column(ctx, sheet, gazetteer=None)
            lname = ctx.level_names.get((b.id, level), str(level))
            _draw_north(sheet, lay.north, ctx, f"1:{scale}", badge=(bp.letter, lname))
            extra = ""
            if len(distinct) > 1:
                extra = other_scales(scale)
            _draw_scalebar(sheet, ctx, 1000.0 / scale, scale, extra)
            title = f"{wd['storey_plan']} {bp.letter} {bp.name} – {lname}"
            slug = f"{_slug(bp.letter)}-{_slug(lname) or f'level{level}'}"
            sheets.append((sheet, title, slug, scale))

    # 2. the gazetteer page: when the list does not fit the site plan, or when notes found
    # no room on their own sheet (they are listed there under their sheet's number)
    overflow = [i for i, (sh, *_rest) in enumerate(sheets) if sh.notes]
    if not placed or overflow:
        moved = [list(sheets[i][0].notes) for i in overflow]
        for i in overflow:
            sheets[i][0].notes.clear()
        # The notes name the sheets they belong to, and those numbers move by the number of
        # gazetteer pages: lay out until the count holds (the headings are one line each,
        # so the second round agrees).
        n_gaz = 1
        for _ in range(3):
            numbers = [1] + list(range(2 + n_gaz, len(sheets) + 1 + n_gaz))
            notes = [(wd["notes_for"].format(n=numbers[i]), texts)
                     for i, texts in zip(overflow, moved, strict=True)]
            gz_sheets, note_pages, gaz_last = _gazetteer_pages(ctx, entries if not placed else [],
                                                               notes)
            if len(gz_sheets) == n_gaz:
                break
            n_gaz = len(gz_sheets)
        for i, page in zip(overflow, note_pages, strict=True):
            _see_sheet(ctx, sheets[i][0], 2 + page)
        if not placed and entries:  # the site plan says where its gazetteer went
            site_sheet.gazetteer_on = (2, 2 + gaz_last)
        title = wd["gazetteer"] if not placed else wd["notes"]
        slug = wd["slug_gazetteer"] if not placed else wd["slug_notes"]
        for k, gz in enumerate(gz_sheets):
            suffix = f"-{k + 1}" if len(gz_sheets) > 1 else ""
            sheets.insert(1 + k, (gz, title, slug + suffix, frame.scale))

    pages: list[Page] = []
    total = len(sheets)
    for i, (sheet, title, slug, scale) in enumerate(sheets, start=1):
        _title_block(ctx, sheet, title, i, total, scale)
        pages.append(Page(lay.width, lay.height, tuple(sheet.items()), name=f"{i:02d}-{slug}",
                          title=title,
                          meta=(("sheet", f"{i}/{total}"), ("scale", f"1:{scale}"),
                                ("profile", profile.name), ("language", lang))))
    return pages


def _frame_for(site: Site, plan: Plan, paper: str) -> MapFrame:
    """A frame when the plan has none (plans always have one from make_plan)."""
    from ..layout import numbering
    from ..layout.geometry import LineIndex

    roads = LineIndex([f.line for f in site.site_features
                       if f.kind in (SiteFeatureKind.road, SiteFeatureKind.fire_lane) and f.line])
    frames, main = numbering.building_frames(site, roads)
    return mapframe.make_frame(site, numbering.order_buildings(frames, main), paper=paper)


__all__ = ["GazetteerEntry", "MapStyle", "WORDS", "gazetteer_entries", "map_pages",
           "true_north_on_paper"]
