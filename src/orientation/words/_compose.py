"""The compose step's words: the schedule's, proof's and sign pages' labels (``compose.<key>``:
sign kinds as the schedule lists them, materials, placement, ``col_*`` column heads, page
texts), the map symbols' legend names (``symbol.<kind>``; U+00AD marks where a long word may
break) and the abbreviations written in the symbols (``symbol-abbr.<kind>``)."""

from __future__ import annotations

_LABELS = {
    "de": {
        # sign kinds
        "building": "Gebäudebuchstabe", "name": "Namensschild", "entrance": "Eingang",
        "emergency_exit": "Notausgang", "fire_brigade": "Feuerwehrzugang",
        "service": "Nebeneingang", "interior_door": "Türnummer innen", "stair": "Treppe",
        "room": "Raumnummer", "window": "Fensterschild", "side": "Seite",
        "guidance": "Wegweiser",
        # a guidance sign's arrow, as the person it faces sees it
        "arrow_ahead": "geradeaus", "arrow_left": "links", "arrow_right": "rechts",
        "arrow_back": "zurück", "arrow": "Pfeil",
        # where a guidance sign goes (the installation list)
        "where_point": "x {x} / y {y}", "where_cell": "Feld {cell}",
        "where_facing": "von {way} lesbar",
        "compass_n": "Norden", "compass_ne": "Nordosten", "compass_e": "Osten",
        "compass_se": "Südosten", "compass_s": "Süden", "compass_sw": "Südwesten",
        "compass_w": "Westen", "compass_nw": "Nordwesten",
        # materials and placement
        "reflective": "retroreflektierend", "photoluminescent": "langnachleuchtend",
        "foil": "Folie", "exterior": "außen", "interior": "innen",
        # columns
        "col_pos": "Pos.", "col_kind": "Art", "col_examples": "Beschriftung",
        "col_size": "Größe (mm)", "col_material": "Material", "col_colors": "Farben (Schrift/Grund)",
        "col_placement": "Ort", "col_quantity": "Menge", "col_unit_price": "Einzelpreis",
        "col_line_total": "Gesamtpreis", "col_sign": "Schild", "col_code": "Code",
        "col_building": "Gebäude", "col_storey": "Geschoss", "col_side": "Seite",
        "col_element": "Element", "col_mount": "Höhe (m)", "col_text": "Zusatz",
        # page texts
        "schedule_title": "Schilderliste", "locations_title": "Montageliste",
        "proof_title": "Schilder zur Freigabe", "signs_title": "Schilder",
        "total": "Summe", "signs_count": "Schilder", "page": "Seite", "profile": "Profil",
        "date": "Stand", "version": "Version", "on": "auf",
        "approval": "Freigabe mit Polizei und Feuerwehr",
        "approval_note": ("Bitte jedes Schild auf Code, Größe und Ort prüfen. Änderungen direkt "
                          "hier eintragen; nach der Freigabe wird gedruckt."),
        "sign_police": "Polizei", "sign_fire": "Feuerwehr", "sign_owner": "Betreiber / Schulträger",
        "signature": "Name, Datum, Unterschrift",
        "prices_note": "Richtpreise aus der Preistabelle des Profils, ohne Montage.",
        "colors_note": "Farben", "storey": "Geschoss",
        "locations_note": "Höhe: Unterkante über Gelände bzw. Fußboden, soweit festgelegt.",
        # a sign page's cut contour (Page.meta)
        "cut": "abgerundetes Rechteck {size} mm, Eckenradius {radius} mm",
        # the installer list: where a sign goes, from what its height is measured
        "place_above_door": "über der Tür, mittig", "place_beside_door": "rechts neben der Tür (von außen)",
        "place_below_grade": "an der Wand über der Kelleraußentreppe",
        "place_interior_door": "innen, unten auf der Bandseite der Tür",
        "place_window": "außen auf der Scheibe", "place_light_well": "im Lichtschacht",
        "place_room": "neben der Tür {door}, Schlossseite", "place_room_nodoor": "neben der Zimmertür, Schlossseite",
        "place_stair": "am Treppenpodest, beim Betreten gut sichtbar",
        "place_building": "Seite {side}, Mitte der Fassade", "place_name": "am Haupteingang",
        "room_short": "Raum", "door_short": "Tür", "door_entrance": "Eingang",
        "door_emergency_exit": "Notausgang", "door_fire_brigade": "Feuerwehrzugang",
        "door_service": "Nebeneingang", "door_inner": "Innentür", "door_interior_door": "Außentür",
        "ref_ground": "ü. Gelände", "ref_landing": "ü. Podest", "ref_floor": "ü. Fußboden",
        "ref_light_well": "ü. Fußboden",
        "substrate_acm_3mm": "Aluminiumverbund 3 mm", "substrate_aluminium_2mm": "Aluminium 2 mm",
        "substrate_rigid_pvc_2mm": "Hart-PVC 2 mm", "substrate_glass": "Folie auf Glas",
        "fixing_security_screws": "Sicherheitsschrauben", "fixing_screws": "verschraubt",
        "fixing_mounting_tape": "Montageklebeband", "fixing_film_outside": "außen aufgeklebt",
        "status_ordered": "bestellt", "status_mounted": "montiert", "status_checked": "geprüft",
        "status_ordered_short": "best.", "status_mounted_short": "mont.", "status_checked_short": "gepr.",
        "col_no": "Nr.", "col_place": "Lage", "col_room_door": "Raum / Tür", "col_where": "Ort",
        "col_height": "Höhe UK", "col_make": "Ausführung", "col_status": "Status", "col_tick": "erl.",
        "col_size_short": "Größe",
        "make_note": "Ausführung: Material · Träger · Befestigung",
        "height_note": ("Höhe UK: Unterkante des Schilds über Gelände, Podest oder Fußboden; "
                        "Türschilder über dem Sturz, Kellertüren an der Wand über der Treppe."),
        "tactile_note": ("Jedes Treppenschild bekommt an der Tür ein taktiles Geschossschild "
                         "(erhabene Schrift und Braille)."),
        # the proof card
        "tick": "geprüft", "keymap": "Lageplan", "qr": "QR: Standort und Schild",
        # facade sheets
        "facades_title": "Fassadenansicht", "facade": "Seite {side}",
        "facade_note": ("Ansicht von außen, Maßstab 1:{scale}; Nummern wie in der Liste zur Montage; "
                        "Schilder maßstäblich an ihrer Höhe; Geschosshöhe {storey} m angenommen."),
        "ground": "Gelände",
    },
    "en": {
        "building": "Building letter", "name": "Name board", "entrance": "Entrance",
        "emergency_exit": "Emergency exit", "fire_brigade": "Fire department access",
        "service": "Service entrance", "interior_door": "Door number, inside", "stair": "Stair",
        "room": "Room number", "window": "Window label", "side": "Side",
        "guidance": "Guidance sign",
        "arrow_ahead": "ahead", "arrow_left": "left", "arrow_right": "right",
        "arrow_back": "back", "arrow": "arrow",
        "where_point": "x {x} / y {y}", "where_cell": "cell {cell}",
        "where_facing": "facing {way}",
        "compass_n": "north", "compass_ne": "north-east", "compass_e": "east",
        "compass_se": "south-east", "compass_s": "south", "compass_sw": "south-west",
        "compass_w": "west", "compass_nw": "north-west",
        "reflective": "reflective", "photoluminescent": "photoluminescent", "foil": "vinyl foil",
        "exterior": "exterior", "interior": "interior",
        "col_pos": "No.", "col_kind": "Kind", "col_examples": "Text",
        "col_size": "Size (mm)", "col_material": "Material", "col_colors": "Colours (text/ground)",
        "col_placement": "Place", "col_quantity": "Qty", "col_unit_price": "Unit price",
        "col_line_total": "Amount", "col_sign": "Sign", "col_code": "Code",
        "col_building": "Building", "col_storey": "Floor", "col_side": "Side",
        "col_element": "Element", "col_mount": "Height (m)", "col_text": "Second line",
        "schedule_title": "Sign schedule", "locations_title": "Installation list",
        "proof_title": "Sign proof", "signs_title": "Signs",
        "total": "Total", "signs_count": "signs", "page": "Page", "profile": "Profile",
        "date": "Date", "version": "Version", "on": "on",
        "approval": "For approval by police and fire service",
        "approval_note": ("Please check every sign for code, size and location and mark changes "
                          "on this proof; signs are printed after approval."),
        "sign_police": "Police", "sign_fire": "Fire service", "sign_owner": "Owner / district",
        "signature": "Name, date, signature",
        "prices_note": "Budget prices from the profile's price table, installation not included.",
        "colors_note": "Colours", "storey": "Floor",
        "locations_note": "Height: bottom edge above ground or floor where set.",
        "cut": "rounded rectangle {size} mm, corner radius {radius} mm",
        "place_above_door": "above the door, centred", "place_beside_door": "right of the door (seen from outside)",
        "place_below_grade": "on the wall above the outside stair to the basement",
        "place_interior_door": "inside, low on the hinge side of the door",
        "place_window": "outside on the pane", "place_light_well": "in the light well",
        "place_room": "beside door {door}, latch side", "place_room_nodoor": "beside the room door, latch side",
        "place_stair": "on the landing, seen on entering",
        "place_building": "side {side}, middle of the facade", "place_name": "at the main entrance",
        "room_short": "Room", "door_short": "Door", "door_entrance": "entrance",
        "door_emergency_exit": "emergency exit", "door_fire_brigade": "fire department access",
        "door_service": "service entrance", "door_inner": "inner door", "door_interior_door": "exterior door",
        "ref_ground": "above ground", "ref_landing": "above landing", "ref_floor": "above floor",
        "ref_light_well": "above floor",
        "substrate_acm_3mm": "aluminium composite 3 mm", "substrate_aluminium_2mm": "aluminium 2 mm",
        "substrate_rigid_pvc_2mm": "rigid PVC 2 mm", "substrate_glass": "film on glass",
        "fixing_security_screws": "security screws", "fixing_screws": "screwed",
        "fixing_mounting_tape": "mounting tape", "fixing_film_outside": "applied outside",
        "status_ordered": "ordered", "status_mounted": "mounted", "status_checked": "checked",
        "status_ordered_short": "ord.", "status_mounted_short": "mnt.", "status_checked_short": "chk.",
        "col_no": "No.", "col_place": "Location", "col_room_door": "Room / door", "col_where": "Where",
        "col_height": "Bottom edge", "col_make": "Make", "col_status": "Status", "col_tick": "done",
        "col_size_short": "Size",
        "make_note": "Make: material · substrate · fixing",
        "height_note": ("Bottom edge: height of the sign's lower edge above ground, landing or "
                        "floor; door signs above the door head, basement doors on the wall above "
                        "the stair."),
        "tactile_note": ("Every stair sign has a tactile floor sign (raised characters and "
                         "Braille) at the door (IBC 1023.9, ICC A117.1)."),
        "tick": "checked", "keymap": "Key map", "qr": "QR: site and sign",
        "facades_title": "Facade elevation", "facade": "Side {side}",
        "facade_note": ("Seen from outside, scale 1:{scale}; numbers as in the installation list; "
                        "signs to scale at their height; storey height {storey} m assumed."),
        "ground": "Ground",
    },
}

# the legend's names, in legend order (both languages list the same kinds in the same order)
_SYMBOLS = {
    "de": {"hydrant": "Hydrant", "assembly_point": "Sammelplatz", "gate": "Tor / Schranke",
           "key_box": "Feuerwehr-Schlüssel\u00addepot",
           "fire_alarm_panel": "Brandmelder\u00adzentrale",
           "first_info_point": "Feuerwehr-Informations\u00adzentrale",
           "sprinkler_valve": "Sprinkler\u00adzentrale", "riser": "Steigleitung",
           "gas_shutoff": "Gas-Absperrung", "water_shutoff": "Wasser-Absperrung",
           "power_shutoff": "Strom-Haupt\u00adschalter", "aed": "Defibrillator (AED)",
           "first_aid": "Erste Hilfe", "elevator": "Aufzug", "hazard": "Gefahrstelle"},
    "en": {"hydrant": "Hydrant", "assembly_point": "Assembly point", "gate": "Gate",
           "key_box": "Key box (Knox box)", "fire_alarm_panel": "Fire alarm control panel",
           "first_info_point": "Fire information point",
           "sprinkler_valve": "Sprinkler control valve",
           "riser": "Standpipe / riser", "gas_shutoff": "Gas shutoff",
           "water_shutoff": "Water shutoff", "power_shutoff": "Main power disconnect",
           "aed": "AED (defibrillator)", "first_aid": "First aid", "elevator": "Elevator",
           "hazard": "Hazard"},
}

# what crews call the red and yellow symbols, written in them
_ABBREVIATIONS = {
    "de": {"key_box": "FSD", "fire_alarm_panel": "BMZ", "first_info_point": "FIZ",
           "sprinkler_valve": "SPZ", "gas_shutoff": "GAS", "water_shutoff": "W"},
    "en": {"key_box": "KNOX", "fire_alarm_panel": "FACP", "first_info_point": "FIP",
           "sprinkler_valve": "SPR", "gas_shutoff": "GAS", "water_shutoff": "W"},
}

# a plan that is not fit to print: the mark on every page and the reasons (Plan.draft_reasons)
_DRAFT = {
    "de": {"mark": "ENTWURF – nicht freigegeben",
           "errors": "{n} Fehler ({codes})",
           "undated": ("kein Planstand (site.date in der Standortdatei setzen, z. B. "
                       "date: 2026-11-30, oder --date angeben)"),
           "summary": "Entwurf: {reasons}"},
    "en": {"mark": "DRAFT – not approved",
           "errors": "{n} error(s) ({codes})",
           "undated": ("no plan date (set site.date in the site file, e.g. date: 2026-11-30, "
                       "or pass --date)"),
           "summary": "draft: {reasons}"},
}

# what the sizing of signs by sight finds (layout.placement)
_FINDINGS = {
    "de": {
        "sign-not-seen": (
            "Das Schild {text} ({kind}) ist von keiner Straße, Feuerwehrzufahrt, keinem Tor, "
            "Parkplatz oder Gehweg im Umkreis von {limit:g} m aus zu sehen (ein Gebäude steht "
            "davor oder es liegt im Innenhof); es ist für {distance:g} m bemessen: ein "
            "Hinweisschild dort anbringen, wo die Kräfte ankommen, und den Weg in den Plänen "
            "zeigen"),
        "sign-far": (
            "Das Schild {text} ({kind}) ist erst aus {distance:g} m zu sehen ({approach} "
            "{name}), weiter als Schilder bemessen werden ({limit:g} m); es ist für {limit:g} m "
            "bemessen: ein Hinweisschild an der Zufahrt aufstellen, das zu ihm zeigt"),
        "door-below-grade": (
            "{text} ist eine Kellertür am Fuß einer Außentreppe und von der Zufahrt aus nicht "
            "zu sehen: das Schild kommt an die Wand über der Treppe, Unterkante {height:g} m "
            "über Gelände, und ist für {distance:g} m bemessen"),
        "sign-wall-narrow": (
            "Das Schild {text} ({kind}) wird aus {distance:g} m gelesen und bräuchte "
            "{needed_mm} mm Schrifthöhe, aber seine Wand erlaubt höchstens {width_mm:g} × "
            "{height_mm:g} mm ({cap_mm} mm; Türbreite und Abstand zur nächsten Öffnung): ein "
            "Hinweisschild an der Zufahrt (Tor, Feuerwehrzufahrt) oder ein Schild an einem "
            "Pfosten vor der Tür vorsehen"),
    },
    "en": {
        "sign-not-seen": (
            "{kind} sign {text} cannot be seen from any road, fire lane, gate, parking or "
            "footway within {limit:g} m (a building stands in between, or it faces a "
            "courtyard); it is sized for {distance:g} m: put an approach sign where crews "
            "arrive and show the way on the maps"),
        "sign-far": (
            "{kind} sign {text} is seen only from {distance:g} m ({approach} {name}), farther "
            "than signs are sized for ({limit:g} m); it is sized for {limit:g} m: put an "
            "approach sign at the approach that points to it"),
        "door-below-grade": (
            "{text} is a basement door at the foot of an outside stair that cannot be seen "
            "from the approach: its sign goes on the wall above the stair, bottom edge "
            "{height:g} m above ground, sized for {distance:g} m"),
        "sign-wall-narrow": (
            "{kind} sign {text} is read from {distance:g} m and would need {needed_mm} mm "
            "characters, but its wall allows {width_mm:g} × {height_mm:g} mm at most "
            "({cap_mm} mm; the door's width and the next opening): add an approach sign "
            "(gate, fire lane) or a sign on a post in front of the door"),
    },
}

SECTIONS = {"draft.": _DRAFT, "compose.": _LABELS, "symbol.": _SYMBOLS,
            "symbol-abbr.": _ABBREVIATIONS, "finding.": _FINDINGS}
