"""The map booklet's words (``map.<key>``): titles, legend rows, the title block, the
gazetteer and the notes. Templates with ``{n}``/``{m}``/``{cell}``/``{others}`` are filled by
the booklet."""

from __future__ import annotations

SECTIONS = {"map.": {
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
}}
