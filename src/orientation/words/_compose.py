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

SECTIONS = {"draft.": _DRAFT, "compose.": _LABELS, "symbol.": _SYMBOLS, "symbol-abbr.": _ABBREVIATIONS}
