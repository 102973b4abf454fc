"""Map style: sizes on paper (:class:`MapStyle`), the booklet's words (the catalogue's
``map.<key>``, :mod:`orientation.words`), where things go on each paper size
(:func:`layout_for`), and the palette of scene colours from the profile's resolved :class:`~orientation.style.Style`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

from ... import words
from ...layout import mapframe
from ...profiles import Profile
from ...render.scene import Color
from ...style import Style
from ..common import ink_color
from ..symbols import Ink

XY = tuple[float, float]
Box = tuple[float, float, float, float]

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Building features shown on the site plan (the rest are on the storey plans only): the
#: fire service's points, with the building radio (DIN 14095, 2024) and a dry riser's inlet.
SITE_PLAN_FEATURES = ("key_box", "fire_alarm_panel", "first_info_point", "building_radio",
                      "riser_inlet")
#: Feature kinds that carry their storeys beside their symbol when they serve several (a
#: riser, DIN 14095; a shut-off drawn on several storeys).
STOREY_SPAN_KINDS = ("riser", "gas_shutoff", "power_shutoff", "water_shutoff")
_CAP = 0.668  # cap height per font size (bold and regular faces)


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
    guidance_mm: float = 2.5
    guidance_arrow_mm: float = 3.2
    escape_route_m: float = 1.2  # the escape route band's width, in plan metres ...
    escape_route_min_mm: float = 2.5  # ... but at least this and at most the next on paper
    escape_route_max_mm: float = 5.0
    escape_arrow_m: float = 10.0  # the escape route's arrows: one about every 10 m
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
    #: DIN 14095 lines: a fire wall, a fire compartment's and a smoke compartment's boundary
    fire_wall_mm: float = 1.4
    compartment_mm: float = 1.0
    smoke_compartment_mm: float = 0.8
    #: the route cards' way from the fire alarm panel
    alarm_route_mm: float = 1.6
    #: monochrome (``render --mono``): no tones, hatches and line styles instead
    mono: bool = False


#: The visual brief's sizes.
DEFAULT_STYLE = MapStyle()

#: The booklet's words per language (the catalogue's ``map.<key>``, :mod:`orientation.words`).
WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {lang: words.table("map.", lang) for lang in words.LANGUAGES})


def _words(lang: str) -> Mapping[str, str]:
    return words.table("map.", lang)


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
    door: Mapping[str, Color]
    stair: Color
    ink: Ink  # the symbol colours (:meth:`Ink.from_style`)
    #: hazard rooms on storey plans: edge and tint, red for raised fire risk, yellow for
    #: explosion and other hazards (DIN 14095 / TRVB 121)
    hazard_fire: Color
    hazard_fire_tint: Color
    hazard_other: Color
    hazard_other_tint: Color
    #: storey plans: horizontal escape routes (DIN 14095: RAL 6019 pastel green) and their
    #: direction arrows (RAL 6032 signal green), inner doors (light grey), guidance marks
    #: (the guidance signs' ground: traffic blue for the Gütersloh model)
    escape_route: Color
    escape_arrow: Color
    inner_door: Color
    guidance: Color
    #: DIN 14095 lines (fire walls red, compartment boundaries orange), the route cards' way
    #: and the tint of a detector group's rooms
    fire_wall: Color
    compartment: Color
    smoke_compartment: Color
    alarm_route: Color
    group_tint: Color
    #: drawn without tones (``render --mono``): areas are hatched, codes black or white
    mono: bool = False

    def hazard(self, hazard: str) -> tuple[Color, Color]:
        """(edge, tint) of a hazard class (``fire`` or ``other``)."""
        if hazard == "fire":
            return self.hazard_fire, self.hazard_fire_tint
        return self.hazard_other, self.hazard_other_tint


def _palette(profile: Profile | Style, *, mono: bool = False) -> _Palette:
    """The map's scene colours from the profile's resolved style (:attr:`Style.paper` for the
    fixed roles, :attr:`Style.map` for the marks), as signs get theirs; ``mono``: black and
    white only (:func:`_mono`)."""
    pal = _colour_palette(profile)
    return _mono(pal) if mono else pal


def _colour_palette(profile: Profile | Style) -> _Palette:
    st = profile if isinstance(profile, Style) else profile.resolved
    paper, marks = st.paper, st.map
    ink = Ink.from_style(st)

    def role(key: str, fallback: Color) -> Color:
        """A paper role's colour; a profile whose own palette lacks it gets ``fallback``."""
        return ink_color(paper[key]) if key in paper else fallback

    fire = role("hazard_fire", ink.red)
    other = role("hazard_other", ink.yellow)
    escape = (ink_color(st.inks["pastel_green"]) if "pastel_green" in st.inks
              else _tint(ink.green, 0.3, "RAL 6019 (escape route)"))
    guidance = st.signs.get("guidance")

    def mark(key: str, fallback: Color) -> Color:
        """A map mark's colour (``map.<key>`` of the profile), else ``fallback``."""
        return ink_color(marks[key]) if key in marks else fallback

    orange = (ink_color(st.inks["deep_orange"]) if "deep_orange" in st.inks
              else Color("#EC7C26", (0.0, 0.47, 0.84, 0.07), "RAL 2011 (compartment)"))
    route = mark("alarm_route", ink.red)
    return _Palette(
        black=ink.black, white=ink.white, grey75=ink_color(paper["grey_75"]),
        grey50=ink_color(paper["grey_50"]), grey20=ink_color(paper["grey_20"]),
        grey10=ink_color(paper["grey_10"]),
        red=ink.red, green=ink.green, blue=ink.blue, yellow=ink.yellow,
        building_fill=_tint(ink.blue, 0.14, "building tone"),
        neighbour_fill=_tint(ink.black, 0.06, "neighbour tone"),
        not_drivable=_tint(ink.yellow, 0.45, "RAL 1003 45 % (not drivable)"),
        door=MappingProxyType({k: ink_color(marks[k]) for k in DOOR_KINDS}),
        stair=ink_color(marks["stair"]), ink=ink,
        hazard_fire=fire, hazard_fire_tint=role("hazard_fire_tint", _tint(fire, 0.3)),
        hazard_other=other, hazard_other_tint=role("hazard_other_tint", _tint(other, 0.4)),
        escape_route=escape, escape_arrow=ink.green,
        inner_door=_tint(ink.black, 0.4, "door grey"),
        guidance=ink_color(guidance.background) if guidance is not None else ink.blue,
        fire_wall=mark("fire_wall", ink.red), compartment=mark("compartment", orange),
        smoke_compartment=mark("smoke_compartment", orange), alarm_route=route,
        group_tint=_tint(route, 0.25, "detector group"),
    )


def _mono(pal: _Palette) -> _Palette:
    """The palette without tones (``render --mono``; Ohio's school-map rule: no shading):
    every ink black or white; what was a tone is drawn white, and the drawing hatches or
    dashes it (:attr:`_Palette.mono`)."""
    black, white = pal.black, pal.white
    ink = Ink(red=black, green=black, blue=black, yellow=white, white=white, black=black)
    door = MappingProxyType({k: (white if k == "emergency_exit" else black) for k in pal.door})
    return replace(
        pal, grey75=black, grey50=black, grey20=white, grey10=white, red=black, green=black,
        blue=black, yellow=black, building_fill=white, neighbour_fill=white,
        not_drivable=white, door=door, stair=black, ink=ink, hazard_fire=black,
        hazard_fire_tint=white, hazard_other=black, hazard_other_tint=white,
        escape_route=white, escape_arrow=black, inner_door=black, guidance=black,
        fire_wall=black, compartment=black, smoke_compartment=black, alarm_route=black,
        group_tint=white, mono=True)
