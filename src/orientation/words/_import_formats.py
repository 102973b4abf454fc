"""The IFC and IMDF importers' notes about what the building is (``import.<code>``): storey
outlines, dropped storeys, room uses they could not map. Same conventions as :mod:`._import`:
a note's English template is its ``message``."""

from __future__ import annotations

_DE: dict[str, str] = {
    # --- interior doors (_assemble, _door_rooms) -----------------------------------------
    "inner-doors-off-rooms": (
        "Gebäude '{building}': {n} von {total} Innentüren liegen weiter als {distance:g} m von "
        "jedem Raumumriss ihres Geschosses entfernt (Ebene {levels}){without}; sie bleiben "
        "erhalten, verbinden aber keinen Raum: ihre Lage prüfen oder die Räume und Flure "
        "ergänzen"),
    "doors-on-storeys-without-rooms": ", {n} davon auf Geschossen ohne Raumumrisse",
    "doors-many-rooms": (
        "Gebäude '{building}': {n} Tür(en) liegen laut Quelle an mehr Räumen, als eine Tür "
        "verbindet (zwei, bei einer Außentür einer); für sie wird 'between' nicht gesetzt, die "
        "Räume ergeben sich aus den Umrissen"),
    # --- IFC ------------------------------------------------------------------------------
    "ifc-uses-unmapped": (
        "{n} von {total} Räumen (IfcSpace) nennen keine erkennbare Nutzung (weder in "
        "ObjectType, LongName, Name noch im Typ): {names}; sie bleiben ohne Nutzung: 'use' in "
        "der Standortdatei setzen, wo es darauf ankommt (Gefahrstoffe, Technik)"),
    "ifc-building-parts": (
        "Gebäude '{building}': das Erdgeschoss zerfällt in {n} getrennte Teile mit Räumen oder "
        "Türen; jedes wird als eigenes Gebäude importiert: {parts}"),
    "ifc-shafts-only": (
        "{stairs} Treppe(n) und {lifts} Aufzug/Aufzüge sind nur aus ihren Schächten bekannt "
        "(Räume, die als Treppenhaus oder Aufzug benannt sind, ohne IfcStair oder "
        "IfcTransportElement darin); Lage und Geschosse prüfen"),
    # --- IMDF -----------------------------------------------------------------------------
    "imdf-uses-unmapped": (
        "{n} von {total} Raumeinheiten (unit) nennen weder in ihrer Kategorie noch im Namen "
        "eine erkennbare Nutzung: {categories}; sie bleiben ohne Nutzung: 'use' in der "
        "Standortdatei setzen, wo es darauf ankommt (Gefahrstoffe, Technik)"),
    "imdf-structure-units": (
        "{n} Raumeinheit(en) sind Bauteile, keine Räume ({categories}); sie werden nicht als "
        "Räume importiert"),
}

_EN: dict[str, str] = {
    # --- interior doors (_assemble, _door_rooms) -----------------------------------------
    "inner-doors-off-rooms": (
        "building '{building}': {n} of {total} inner doors lie farther than {distance:g} m "
        "from every room outline of their storey (level {levels}){without}; they are kept, "
        "but connect no room: check where they are, or add the rooms and corridors"),
    "doors-on-storeys-without-rooms": ", {n} of them on storeys without room outlines",
    "doors-many-rooms": (
        "building '{building}': {n} door(s) lie on more rooms in the source than a door "
        "connects (two, one for an exterior door); their 'between' is left out, and their "
        "rooms are found from the outlines"),
    # --- IFC ------------------------------------------------------------------------------
    "ifc-uses-unmapped": (
        "{n} of {total} spaces (IfcSpace) name no use that can be recognised (not in "
        "ObjectType, LongName, Name or their type): {names}; they are left without a use: set "
        "'use' in the site file where it matters (hazards, plant rooms)"),
    "ifc-building-parts": (
        "building '{building}': the ground storey falls into {n} separate parts with rooms or "
        "doors; each is imported as a building of its own: {parts}"),
    "ifc-shafts-only": (
        "{stairs} stair(s) and {lifts} lift(s) are known only from their shafts (spaces named "
        "as a stairwell or lift, with no IfcStair or IfcTransportElement in them); check where "
        "they are and which storeys they serve"),
    # --- IMDF -----------------------------------------------------------------------------
    "imdf-uses-unmapped": (
        "{n} of {total} units name no use that can be recognised, neither by their category "
        "nor by their name: {categories}; they are left without a use: set 'use' in the site "
        "file where it matters (hazards, plant rooms)"),
    "imdf-structure-units": (
        "{n} unit(s) are parts of the structure, not rooms ({categories}); they are not "
        "imported as rooms"),
}

SECTIONS = {"import.": {"de": _DE, "en": _EN}}
