"""The map booklet's words (``map.<key>``): titles, legend rows, the title block, the
gazetteer and the notes. Templates with ``{n}``/``{m}``/``{cell}``/``{others}`` are filled by
the booklet.

Room uses (:class:`orientation.model.RoomUse`): ``room-use.<use>`` is the short word or
abbreviation a storey plan prints under the room number, ``room-use-name.<use>`` the words the
legend explains it with (listed where the short word is an abbreviation, or a hazard)."""

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
        "neighbour": "anderes Gebäude", "outline_only": "Gebäudeumriss, nicht in diesem Geschoss",
        "road": "öffentliche Straße",
        "fire_lane": "Feuerwehrzufahrt / -umfahrt", "footway": "Fußweg",
        "drivable_area": "befahrbar (privat)", "not_drivable": "nicht befahrbar für Feuerwehr",
        "parking": "Parkplatz", "callout": "Nummer: siehe Hinweise",
        "floor_other": "Achtung, anderer Maßstab als {others}",
        "undated": "Stand: ohne Datum",
        "storeys_to": "–", "leader_note": "in Feld {cell}", "continued": "Fortsetzung",
        "off_left": "links außerhalb des Plans", "off_right": "rechts außerhalb des Plans",
        "off_top": "oben außerhalb des Plans", "off_bottom": "unten außerhalb des Plans",
        "hazard_fire": "Bereich erhöhter Brandgefahr",
        "hazard_other": "Explosions- oder andere Gefahr",
        "shaft_stair": "Treppenraum", "shaft_lift": "Aufzugsschacht",
        "uses": "Raumnutzung (unter der Raumnummer)",
        "escape_route": "Horizontaler Rettungsweg", "inner_door": "Innentür",
        "inner_door_assumed": "Tür angenommen (Mitte der Wand zum Flur)",
        "guidance": "Wegweiser: Richtung und Ziel",
        "guidance_note": "{n} Wegweiser ohne Platz im Plan nicht eingezeichnet "
                         "(alle in der Montageliste)",
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
        "neighbour": "Other building", "outline_only": "Building outline, not on this floor",
        "road": "Public road",
        "fire_lane": "Fire lane", "footway": "Footway",
        "drivable_area": "Drivable (private)", "not_drivable": "Not drivable for fire engines",
        "parking": "Parking", "callout": "Number: see notes",
        "floor_other": "Note: other scale than {others}",
        "undated": "Date: none given",
        "storeys_to": "–", "leader_note": "in cell {cell}", "continued": "continued",
        "off_left": "off the map to the left", "off_right": "off the map to the right",
        "off_top": "off the map at the top", "off_bottom": "off the map at the bottom",
        "hazard_fire": "Area of raised fire risk",
        "hazard_other": "Explosion or other hazard",
        "shaft_stair": "Stairwell", "shaft_lift": "Elevator shaft",
        "uses": "Room use (under the room number)",
        "escape_route": "Horizontal escape route", "inner_door": "Inner door",
        "inner_door_assumed": "Door assumed (middle of the wall to the corridor)",
        "guidance": "Guidance sign: direction and destination",
        "guidance_note": "{n} guidance sign(s) not drawn for lack of room (all are in the "
                         "installation list)",
    },
}}

# the short word under the room number (kept short: it must fit a small room at 2.5 mm)
_USE = {
    "de": {
        "classroom": "Klasse", "office": "Büro", "corridor": "Flur", "stair": "Treppe",
        "lift": "Aufzug", "toilet": "WC", "kitchen": "Küche", "dining": "Speisesaal",
        "storage": "Lager", "technical": "Technik", "plant_room": "HLK", "server": "Server",
        "laboratory": "Labor", "workshop": "Werkst.", "gym": "Sport", "hall": "Halle",
        "library": "Bibl.", "staff_room": "Personal", "changing_room": "Umkl.",
        "medical": "San.", "lobby": "Foyer",
        "chemicals": "Chemie", "gas": "Gas", "electrical": "Elektro", "heating": "Heizung",
        "battery": "Batterie", "oxygen": "O2", "radioactive": "Radioakt.",
        "flammables": "Brennbar",
    },
    "en": {
        "classroom": "Class", "office": "Office", "corridor": "Corr.", "stair": "Stair",
        "lift": "Elev.", "toilet": "WC", "kitchen": "Kitchen", "dining": "Dining",
        "storage": "Stor.", "technical": "Tech.", "plant_room": "HVAC", "server": "Server",
        "laboratory": "Lab", "workshop": "Shop", "gym": "Gym", "hall": "Hall",
        "library": "Libr.", "staff_room": "Staff", "changing_room": "Lockers",
        "medical": "Nurse", "lobby": "Lobby",
        "chemicals": "Chem.", "gas": "Gas", "electrical": "Elec.", "heating": "Boiler",
        "battery": "Battery", "oxygen": "O2", "radioactive": "Radioact.",
        "flammables": "Flamm.",
    },
}

# what the legend says the short word means
_USE_NAME = {
    "de": {
        "classroom": "Klassen-, Unterrichtsraum", "office": "Büro, Verwaltung",
        "corridor": "Flur", "stair": "Treppenraum", "lift": "Aufzugsschacht",
        "toilet": "Toiletten", "kitchen": "Küche", "dining": "Speisesaal, Mensa",
        "storage": "Lager", "technical": "Technikraum",
        "plant_room": "Heizung-, Lüftungs-, Klimazentrale", "server": "Serverraum",
        "laboratory": "Labor, naturwiss. Fachraum", "workshop": "Werkstatt, Werkraum",
        "gym": "Sporthalle, Gymnastikraum", "hall": "Halle, Aula, Saal",
        "library": "Bibliothek", "staff_room": "Lehrer-, Personalzimmer",
        "changing_room": "Umkleide", "medical": "Sanitätsraum, Erste Hilfe",
        "lobby": "Foyer, Eingangshalle",
        "chemicals": "Chemikalien, Gefahrstoffe", "gas": "Gas, Gasanlage",
        "electrical": "Elektroraum, Hauptverteilung", "heating": "Heizung, Kesselraum",
        "battery": "Batterieraum", "oxygen": "Sauerstoff (O2)",
        "radioactive": "Radioaktive Stoffe", "flammables": "Brennbare Flüssigkeiten",
    },
    "en": {
        "classroom": "Classroom", "office": "Office", "corridor": "Corridor",
        "stair": "Stairwell", "lift": "Elevator shaft", "toilet": "Restroom",
        "kitchen": "Kitchen", "dining": "Dining room, cafeteria", "storage": "Storage",
        "technical": "Technical room", "plant_room": "Plant room (heating, ventilation)",
        "server": "Server room", "laboratory": "Laboratory, science room",
        "workshop": "Workshop", "gym": "Gymnasium", "hall": "Hall, auditorium",
        "library": "Library", "staff_room": "Staff room", "changing_room": "Locker room",
        "medical": "Nurse, first aid room", "lobby": "Lobby",
        "chemicals": "Chemicals, hazardous substances", "gas": "Gas, gas plant",
        "electrical": "Electrical room, switchgear", "heating": "Boiler room, heating",
        "battery": "Battery room", "oxygen": "Oxygen (O2)",
        "radioactive": "Radioactive material", "flammables": "Flammable liquids",
    },
}

SECTIONS.update({"room-use.": _USE, "room-use-name.": _USE_NAME})
