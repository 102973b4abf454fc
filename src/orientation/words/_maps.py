"""The map booklet's words (``map.<key>``): titles, legend rows, the title block, the
gazetteer and the notes, the general object information sheet, part plans, route cards.
Templates with ``{n}``/``{m}``/``{cell}``/``{others}`` are filled by the booklet.

The DIN 14095 / DIN 14675 kinds the maps brought have their words here too: the route cards'
steps (``card.<key>``, worded by :mod:`orientation.layout.alarmcards`), the kinds of
detectors (``detector.<kind>``) and fire lines (``fire-line.<kind>``), and for the feature
kinds ``building_radio``, ``smoke_extraction`` and ``riser_inlet`` their running-text names
(``feature.``), legend names (``symbol.``) and abbreviations (``symbol-abbr.``), beside the
other kinds' in :mod:`._layout` and :mod:`._compose`; and the route cards' findings
(``finding.no-fire-alarm-panel``, ``finding.alarm-card-no-way``).

Room uses (:class:`orientation.model.RoomUse`): ``room-use.<use>`` is the short word or
abbreviation a storey plan prints under the room number, ``room-use-name.<use>`` the words the
legend explains it with (listed where the short word is an abbreviation, or a hazard)."""

from __future__ import annotations

SECTIONS = {"map.": {
    "de": {
        "site_plan": "Übersichtsplan", "storey_plan": "Geschossplan", "gazetteer": "Verzeichnis",
        "legend": "Legende", "notes": "Hinweise", "scale": "Maßstab", "grid": "Raster",
        "sheet": "Blatt {n} von {m}", "date": "Stand", "version": "Version", "profile": "Profil",
        "doors": "Außentüren", "stairs": "Treppen", "landmarks": "Orientierungspunkte",
        "slug_site": "uebersichtsplan", "slug_gazetteer": "verzeichnis", "slug_notes": "hinweise",
        "notes_for": "Hinweise zu Blatt {n}", "see_sheet": "Hinweise: Blatt {n}",
        "see_gazetteer": "Verzeichnis: Blatt {n}",
        "gazetteer_title": "Verzeichnis: Code – Feld im Übersichtsplan (Blatt {n})",
        "gazetteer_hint": "Feld = Rasterfeld des Übersichtsplans (Buchstabe Spalte, Zahl "
                          "Zeile); gleiche Felder in register.csv, auf den Teil- und den "
                          "Geschossplänen.",
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
        # DIN 14095: the object information, the title block, part plans, fire lines
        "object_sheet": "Allgemeine Objektinformationen", "slug_object": "objektinformationen",
        "basement_short": "UG",
        "plan_number": "Plan-Nr.", "author": "Ersteller",
        "overview": "Gesamtübersicht", "part": "Teil {n} von {m}", "part_short": "Teil {n}",
        "part_joins": "Anschluss: Teil {parts}", "slug_part": "teil",
        "part_frame": "Teilplan (Blatt mit Nummer)",
        "fire_wall": "Brandwand", "compartment": "Brandabschnittsgrenze",
        "smoke_compartment": "Rauchabschnittsgrenze",
        "obj_h_object": "Objekt", "obj_h_contacts": "Ansprechpartner",
        "obj_h_alarm": "Brandmeldeanlage und Einrichtungen für die Feuerwehr",
        "obj_h_water": "Löschwasser", "obj_h_hazards": "Gefahren und Absperreinrichtungen",
        "obj_h_access": "Zugänge", "obj_h_notes": "Besondere Hinweise",
        "obj_h_plan": "Feuerwehrplan", "obj_h_contents": "Blätter",
        "obj_name": "Bezeichnung", "obj_address": "Anschrift", "obj_number": "Objekt-Nr.",
        "obj_use": "Nutzung", "obj_occupancy": "Personen", "obj_contacts": "Ansprechpartner",
        "obj_fire_alarm": "Brandmeldeanlage", "obj_alarm_number": "BMA-Nr.",
        "obj_cards": "Laufkarten", "obj_cards_n": "{n} (je Meldergruppe, bei der BMZ)",
        "obj_water": "Weitere Angaben", "obj_hazards": "Gefahren", "obj_none": "keine angegeben",
        "obj_main": "Hauptzugang", "obj_access": "Zufahrt", "obj_notes": "Hinweise",
        "obj_plan_number": "Plan-Nr.", "obj_author": "Ersteller",
        "obj_not_given": "nicht angegeben",
        # route cards (DIN 14675)
        "card_title": "Laufkarte Meldergruppe {n}", "card_side": "Seite {i} von {m}",
        "card_group": "Meldergruppe", "card_storey": "Geschoss", "card_detectors": "Melder",
        "card_rooms": "Räume", "card_area": "Bereich", "card_way": "Laufweg",
        "card_note": "Hinweis", "card_panel": "BMZ", "slug_card": "laufkarte",
        "alarm_route": "Laufweg von der BMZ", "detector_group": "Bereich der Meldergruppe",
        "card_from_panel": "von der Brandmelderzentrale",
        "card_to_rooms": "zu den Räumen der Meldergruppe",
        "alarm_cards": "Laufkarten",
    },
    "en": {
        "site_plan": "Site plan", "storey_plan": "Floor plan", "gazetteer": "Gazetteer",
        "legend": "Legend", "notes": "Notes", "scale": "Scale", "grid": "Grid",
        "sheet": "Sheet {n} of {m}", "date": "Date", "version": "Version", "profile": "Profile",
        "doors": "Exterior doors", "stairs": "Stairs", "landmarks": "Landmarks",
        "slug_site": "site-plan", "slug_gazetteer": "gazetteer", "slug_notes": "notes",
        "notes_for": "Notes to sheet {n}", "see_sheet": "Notes: sheet {n}",
        "see_gazetteer": "Gazetteer: sheet {n}",
        "gazetteer_title": "Gazetteer: code – grid cell on the site plan (sheet {n})",
        "gazetteer_hint": "Cell = grid cell of the site plan (letter column, number row); the "
                          "same cells are in register.csv, on the part plans and the floor "
                          "plans.",
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
        # DIN 14095: the object information, the title block, part plans, fire lines
        "object_sheet": "General object information", "slug_object": "object-information",
        "basement_short": "B",
        "plan_number": "Plan no.", "author": "Drawn by",
        "overview": "overview", "part": "part {n} of {m}", "part_short": "Part {n}",
        "part_joins": "joins part {parts}", "slug_part": "part",
        "part_frame": "Part plan (sheet with its number)",
        "fire_wall": "Fire wall", "compartment": "Fire compartment boundary",
        "smoke_compartment": "Smoke compartment boundary",
        "obj_h_object": "Object", "obj_h_contacts": "Contacts",
        "obj_h_alarm": "Fire alarm system and fire department facilities",
        "obj_h_water": "Fire-fighting water", "obj_h_hazards": "Hazards and shutoffs",
        "obj_h_access": "Access", "obj_h_notes": "Special notes",
        "obj_h_plan": "Responder map", "obj_h_contents": "Sheets",
        "obj_name": "Name", "obj_address": "Address", "obj_number": "Object no.",
        "obj_use": "Use", "obj_occupancy": "Occupants", "obj_contacts": "Contacts",
        "obj_fire_alarm": "Fire alarm system", "obj_alarm_number": "Alarm system no.",
        "obj_cards": "Route cards", "obj_cards_n": "{n} (one per detector zone, at the panel)",
        "obj_water": "Further details", "obj_hazards": "Hazards", "obj_none": "none given",
        "obj_main": "Main access", "obj_access": "Approach", "obj_notes": "Notes",
        "obj_plan_number": "Plan no.", "obj_author": "Drawn by",
        "obj_not_given": "not given",
        # route cards (DIN 14675)
        "card_title": "Route card, detector zone {n}", "card_side": "side {i} of {m}",
        "card_group": "Detector zone", "card_storey": "Floor", "card_detectors": "Detectors",
        "card_rooms": "Rooms", "card_area": "Area", "card_way": "Route",
        "card_note": "Note", "card_panel": "FACP", "slug_card": "route-card",
        "alarm_route": "Route from the fire alarm panel",
        "detector_group": "Area of the detector zone",
        "card_from_panel": "from the fire alarm panel",
        "card_to_rooms": "to the rooms of the detector zone",
        "alarm_cards": "Route cards",
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

# the route cards' steps (layout.alarmcards), the kinds of detectors and of fire lines
_CARD = {
    "de": {"start": "Start: Brandmelderzentrale ({storey})", "walk": "{metres} m bis {target}",
           "stair-up": "{stair} hinauf ins {storey}", "stair-down": "{stair} hinunter ins {storey}",
           "out": "durch {door} ins Freie, {metres} m zu {entry} (Gebäude {building})",
           "room": "Raum {code}", "rooms": "Räume {codes}", "area": "Bereich der Meldergruppe"},
    "en": {"start": "Start: fire alarm panel ({storey})", "walk": "{metres} m to {target}",
           "stair-up": "{stair} up to {storey}", "stair-down": "{stair} down to {storey}",
           "out": "out by {door}, {metres} m to {entry} (building {building})",
           "room": "room {code}", "rooms": "rooms {codes}", "area": "the zone's area"},
}
_DETECTOR = {
    "de": {"smoke": "Rauchmelder", "heat": "Wärmemelder", "flame": "Flammenmelder",
           "multi_sensor": "Mehrfachsensormelder", "aspirating": "Ansaugrauchmelder",
           "manual": "Handfeuermelder", "sprinkler": "Sprinkler (Strömungsmelder)",
           "extinguishing": "Löschanlage"},
    "en": {"smoke": "Smoke detectors", "heat": "Heat detectors", "flame": "Flame detectors",
           "multi_sensor": "Multi-sensor detectors", "aspirating": "Aspirating detectors",
           "manual": "Manual call points", "sprinkler": "Sprinkler (flow switch)",
           "extinguishing": "Extinguishing system"},
}
_FIRE_LINE = {
    "de": {"fire_wall": "Brandwand", "compartment": "Brandabschnittsgrenze",
           "smoke_compartment": "Rauchabschnittsgrenze"},
    "en": {"fire_wall": "fire wall", "compartment": "fire compartment boundary",
           "smoke_compartment": "smoke compartment boundary"},
}
# the feature kinds DIN 14095 added: running text, legend, the abbreviation in the symbol
_DIN_FEATURES = {
    "de": {"building_radio": "Gebäudefunk-Bedienfeld", "smoke_extraction": "RWA-Bedienstelle",
           "riser_inlet": "Einspeisung Löschwasser"},
    "en": {"building_radio": "building radio panel", "smoke_extraction": "smoke control station",
           "riser_inlet": "fire department connection"},
}
_DIN_SYMBOLS = {
    "de": {"building_radio": "Feuerwehr-Gebäudefunk\u00adbedienfeld (FGB)",
           "smoke_extraction": "RWA-Bedienstelle (Rauch- und Wärme\u00adabzug)",
           "riser_inlet": "Einspeisung Löschwasser (trocken)"},
    "en": {"building_radio": "Emergency responder radio (BDA) panel",
           "smoke_extraction": "Firefighter's smoke control station",
           "riser_inlet": "Fire department connection (dry standpipe)"},
}
_DIN_ABBREVIATIONS = {
    "de": {"building_radio": "FGB", "smoke_extraction": "RWA", "riser_inlet": "ESP"},
    "en": {"building_radio": "BDA", "smoke_extraction": "FSCS", "riser_inlet": "FDC"},
}
_CARD_FINDINGS = {
    "de": {"no-fire-alarm-panel": "{n} Meldergruppe(n), aber keine Brandmelderzentrale "
                                  "(Objekt fire_alarm_panel): ohne sie keine Laufkarten; die "
                                  "BMZ als Objekt eintragen",
           "alarm-card-no-way": "Meldergruppe {number} (Gebäude {building}): kein Weg von der "
                                "BMZ zu ihren Räumen im Wegenetz; keine Laufkarte (Türen und "
                                "Räume prüfen)",
           "alarm-card-room-unreached": "Laufkarte der Meldergruppe {number}: kein Weg zu "
                                        "{rooms} (als Bereich eingezeichnet; Türen prüfen)"},
    "en": {"no-fire-alarm-panel": "{n} detector zone(s) but no fire alarm panel (feature "
                                  "fire_alarm_panel): no route cards without it; add the panel",
           "alarm-card-no-way": "detector zone {number} (building {building}): no way from the "
                                "panel to its rooms in the walking graph; no route card (check "
                                "doors and rooms)",
           "alarm-card-room-unreached": "route card of detector zone {number}: no way to "
                                        "{rooms} (drawn as the zone's area; check the doors)"},
}

SECTIONS.update({"card.": _CARD, "detector.": _DETECTOR, "fire-line.": _FIRE_LINE,
                 "feature.": _DIN_FEATURES, "symbol.": _DIN_SYMBOLS,
                 "symbol-abbr.": _DIN_ABBREVIATIONS, "finding.": _CARD_FINDINGS})
