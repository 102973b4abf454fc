"""Map style: sizes on paper (:class:`MapStyle`), the booklet's words, where things go on each
paper size (:func:`layout_for`), and the palette of scene colours from the profile."""

from __future__ import annotations

from dataclasses import dataclass

from ...layout import mapframe
from ...profiles import Profile
from ...render.scene import Color
from ..symbols import Ink

XY = tuple[float, float]
Box = tuple[float, float, float, float]

DOOR_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service")
#: Building features shown on the site plan (the rest are on the storey plans only).
SITE_PLAN_FEATURES = ("key_box", "fire_alarm_panel", "first_info_point")
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


#: The visual brief's sizes.
DEFAULT_STYLE = MapStyle()

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
