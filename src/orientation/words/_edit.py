"""The words of the plan editor's "what is missing" list (``edit.<key>``): what keeps a site
from being fit to print, each said with what to do (:func:`orientation.plan_edits.missing`)."""

from __future__ import annotations

SECTIONS = {"edit.": {
    "de": {
        "missing-no-doors": ("{building} hat keine Außentür: eine Tür auf die Außenwand "
                             "setzen."),
        "missing-no-main": ("Kein Haupteingang festgelegt: eine Außentür als Haupteingang "
                            "markieren (sie wird E1)."),
        "missing-no-road": ("Keine Straße und keine Feuerwehrzufahrt: die Zufahrt als Linie "
                            "einzeichnen."),
        "missing-no-date": "Kein Planstand (Datum): ohne Datum ist jeder Plan ein Entwurf.",
        "missing-no-origin": ("Keine Lage auf der Erde: einen Punkt des Plans mit Breite und "
                              "Länge verorten."),
        "missing-empty-storey": ("Geschoss {storey} von {building} ist leer (keine Tür, "
                                 "Treppe, Raum oder Objekt): füllen oder entfernen."),
    },
    "en": {
        "missing-no-doors": "{building} has no exterior door: put a door on its wall.",
        "missing-no-main": ("No main entrance: mark an exterior door as the main entrance (it "
                            "becomes E1)."),
        "missing-no-road": "No road and no fire lane: draw the approach as a line.",
        "missing-no-date": "No plan date: without a date every plan is a draft.",
        "missing-no-origin": ("No position on the earth: place one point of the plan at its "
                              "latitude and longitude."),
        "missing-empty-storey": ("Storey {storey} of {building} is empty (no door, "
                                 "stair, room or feature): fill it or remove it."),
    },
}}
