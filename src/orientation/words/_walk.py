"""The words of the walking graph (:mod:`orientation.layout.walking`): its findings
(``finding.<name>``), the guidance signs' words (``guide.<name>``) and the route text for
dispatch (``route.<name>``)."""

from __future__ import annotations

SECTIONS = {
    "finding.": {
        "de": {
            "assumed-inside": (
                "angenommen: Gebäude {building}, Geschoss {level}: {corridors} Flurfläche(n) "
                "aus der freien Fläche zwischen den Räumen, {doors} Tür(en) in der Mitte der "
                "Wand, die ein Raum ohne Tür mit dem Flur teilt (die Datei sagt nicht, wo "
                "sie sind); die Türen eintragen, wo sie wirklich sind"),
            "assumed-corridor": (
                "angenommen: Gebäude {building}, Geschoss {level}: {corridors} Flurfläche(n) "
                "aus der freien Fläche zwischen den Räumen (die Datei führt die Flure nicht "
                "als Räume)"),
            "inner-door-off-wall": (
                "{n} Innentür(en) in Gebäude {building} liegen in keiner Wand zwischen zwei "
                "Räumen ({doors}); die Tür auf die gemeinsame Wand legen oder den Raum auf "
                "ihrer anderen Seite eintragen"),
            "room-without-door": (
                "Gebäude {building}, Geschoss {level}: {n} Raum/Räume ohne Tür ({rooms}); "
                "die Tür eintragen, sonst führt kein Weg hinein"),
            "room-through-room": (
                "Gebäude {building}, Geschoss {level}: {n} Raum/Räume nur durch einen anderen "
                "Raum erreichbar ({rooms})"),
            "no-way-out": (
                "Gebäude {building}, Geschoss {level}: von {n} Raum/Räumen führt kein Weg zu "
                "einer Treppe oder einem Ausgang ({rooms}); Türen und Treppen prüfen"),
            "exit-without-corridor": (
                "zum Notausgang {door} (Gebäude {building}, Geschoss {level}) führt kein Flur; "
                "prüfen, ob die Tür richtig liegt und eine Innentür fehlt"),
            "no-position": (
                "die Liegenschaft hat keine Lage auf der Erde (site.origin oder site.crs): "
                "GeoJSON und GeoPackage für die Leitstelle werden nicht geschrieben; die Lage "
                "im Plan-Editor der App setzen oder mit orientation edit SITE set --origin "
                "BREITE,LÄNGE"),
            "walk-simplified": (
                "Gebäude {building}: {n} Fläche(n) mit mehr als {most} Türen und Ecken "
                "({spaces}); ihre Wege sind über die Mitte der Fläche gerechnet, Längen dort "
                "nur ungefähr"),
            "guidance-too-many": (
                "an einem Entscheidungspunkt in Gebäude {building}, Geschoss {level} wären "
                "{n} Wegweiser nötig; die {kept} wichtigsten sind gemacht, ohne Schild: "
                "{dropped}"),
            "guidance-pin-lost": (
                "der festgelegte Wegweiser {sign} ({text}) in Gebäude {building} hat keinen "
                "Entscheidungspunkt mehr; prüfen und aus der Datei entfernen"),
        },
        "en": {
            "assumed-inside": (
                "assumed: building {building}, level {level}: {corridors} corridor area(s) "
                "from the free floor between the rooms, {doors} door(s) at the middle of the "
                "wall a room without a door shares with the corridor (the file does not say "
                "where they are); enter the doors where they really are"),
            "assumed-corridor": (
                "assumed: building {building}, level {level}: {corridors} corridor area(s) "
                "from the free floor between the rooms (the file does not list the corridors "
                "as rooms)"),
            "inner-door-off-wall": (
                "{n} inner door(s) of building {building} lie in no wall between two rooms "
                "({doors}); put the door on the shared wall, or enter the room on its other side"),
            "room-without-door": (
                "building {building}, level {level}: {n} room(s) without a door ({rooms}); "
                "enter the door, or no way leads in"),
            "room-through-room": (
                "building {building}, level {level}: {n} room(s) reached only through another "
                "room ({rooms})"),
            "no-way-out": (
                "building {building}, level {level}: from {n} room(s) no way leads to a stair "
                "or an exit ({rooms}); check the doors and stairs"),
            "exit-without-corridor": (
                "no corridor leads to emergency exit {door} (building {building}, level "
                "{level}); check that the door is in the right place and no inner door is "
                "missing"),
            "no-position": (
                "the site has no position on the earth (site.origin or site.crs): no GeoJSON "
                "and no GeoPackage are written for the dispatch centre; set the position in "
                "the app's plan editor or with orientation edit SITE set --origin LAT,LON"),
            "walk-simplified": (
                "building {building}: {n} space(s) with more than {most} doors and corners "
                "({spaces}); their ways are worked out through the middle of the space, "
                "lengths there are approximate"),
            "guidance-too-many": (
                "a decision point in building {building}, level {level} would need {n} "
                "guidance signs; the {kept} most important are made, without a sign: "
                "{dropped}"),
            "guidance-pin-lost": (
                "the pinned guidance sign {sign} ({text}) of building {building} has no "
                "decision point any more; check it and remove it from the file"),
        },
    },
    "guide.": {
        "de": {"stair": "Treppe", "rooms": "Räume", "room": "Raum",
               "ahead": "geradeaus", "left": "links", "right": "rechts", "back": "zurück"},
        "en": {"stair": "Stair", "rooms": "Rooms", "room": "Room",
               "ahead": "ahead", "left": "left", "right": "right", "back": "back"},
    },
    "route.": {
        "de": {
            "entrance": "{code} ({what})",
            "main": "Haupteingang",
            "side": "Seite {side}",
            "corridor": "Flur",
            "ahead": "geradeaus",
            "left": "links",
            "right": "rechts",
            "back": "zurück",
            "walk": "{turn} {metres} m",
            "through": "durch {room}",
            "stair-up": "{stair} hoch bis {storey}",
            "stair-down": "{stair} hinunter bis {storey}",
            "room": "Raum {code}",
            "room-named": "Raum {code} ({name})",
            "stair-target": "{code} ({storey})",
            "door-target": "Tür {code}",
            "unknown-code": ("{code} ist kein Code dieses Plans; einen Raum-, Treppen- oder "
                             "Türcode angeben (z. B. {example})"),
            "no-route": ("zu {code} führt von keinem Eingang ein Weg (Türen, Treppen und "
                         "Räume prüfen: orientation check)"),
            "no-entrance": "die Liegenschaft hat keinen Eingang, von dem ein Weg beginnt",
            "app-header": "Anfahrtsweg im Gebäude (für die Leitstelle)",
            "app-pick": "Ziel (Raum oder Treppe)",
        },
        "en": {
            "entrance": "{code} ({what})",
            "main": "main entrance",
            "side": "side {side}",
            "corridor": "corridor",
            "ahead": "ahead",
            "left": "left",
            "right": "right",
            "back": "back",
            "walk": "{turn} {metres} m",
            "through": "through {room}",
            "stair-up": "{stair} up to {storey}",
            "stair-down": "{stair} down to {storey}",
            "room": "room {code}",
            "room-named": "room {code} ({name})",
            "stair-target": "{code} ({storey})",
            "door-target": "door {code}",
            "unknown-code": ("{code} is not a code of this plan; give a room, stair or door "
                             "code (for example {example})"),
            "no-route": ("no way leads to {code} from any entrance (check the doors, stairs "
                         "and rooms: orientation check)"),
            "no-entrance": "the site has no entrance a way can start from",
            "app-header": "The way in (for the dispatch centre)",
            "app-pick": "Destination (room or stair)",
        },
    },
}
