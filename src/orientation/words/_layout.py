"""The layout's words: sign and marking kinds (``kind.<kind>``), the kinds of features in
running text (``feature.<kind>``), the findings (``finding.<name>``) and the phrases findings
name elements by (``what.<name>``).

A finding's English template is the ``message`` of ``plan.json`` (the file's contract): change
it only with the contract. ``finding.<name>`` is mostly the finding's code; a code with two
sentences has a second key (``finding.room-without-outline-listed``).
"""

from __future__ import annotations

_KINDS = {
    "de": {"entrance": "Eingang", "service": "Nebeneingang", "fire_brigade": "Feuerwehrzugang",
           "emergency_exit": "Notausgang", "building": "Gebäude", "stair": "Treppe",
           "room": "Raum", "window": "Fenster", "name": "Name", "interior_door": "Tür innen"},
    "en": {"entrance": "Entrance", "service": "Service entrance",
           "fire_brigade": "Fire department access", "emergency_exit": "Emergency exit",
           "building": "Building", "stair": "Stair", "room": "Room", "window": "Window",
           "name": "Name", "interior_door": "Door (inside)"},
}

# building features and site features as running text names them (the legend's names, with
# their abbreviations and hyphenation, are the maps' own)
_FEATURES = {
    "de": {"key_box": "Feuerwehr-Schlüsseldepot", "fire_alarm_panel": "Brandmelderzentrale",
           "first_info_point": "Feuerwehr-Informationszentrale",
           "sprinkler_valve": "Sprinklerzentrale", "riser": "Steigleitung",
           "gas_shutoff": "Gas-Absperrung", "power_shutoff": "Strom-Hauptschalter",
           "water_shutoff": "Wasser-Absperrung", "aed": "Defibrillator", "first_aid": "Erste Hilfe",
           "elevator": "Aufzug", "hazard": "Gefahrstelle", "road": "Straße",
           "fire_lane": "Feuerwehrzufahrt", "footway": "Fußweg", "hydrant": "Hydrant",
           "assembly_point": "Sammelplatz", "gate": "Tor", "parking": "Parkplatz",
           "drivable_area": "befahrbare Fläche", "not_drivable": "nicht befahrbare Fläche"},
    "en": {"key_box": "key box", "fire_alarm_panel": "fire alarm panel",
           "first_info_point": "first info point", "sprinkler_valve": "sprinkler valve",
           "riser": "riser", "gas_shutoff": "gas shutoff", "power_shutoff": "power shutoff",
           "water_shutoff": "water shutoff", "aed": "aed", "first_aid": "first aid",
           "elevator": "elevator", "hazard": "hazard", "road": "road", "fire_lane": "fire lane",
           "footway": "footway", "hydrant": "hydrant", "assembly_point": "assembly point",
           "gate": "gate", "parking": "parking", "drivable_area": "drivable area",
           "not_drivable": "not drivable"},
}

_FINDINGS = {
    "de": {
        "no-main-entrance": (
            "Keine Tür ist als Haupteingang markiert, daher lassen sich E1 / Tür 1 und Seite A "
            "nicht aus dem Gebäude bestimmen: den Haupteingang mit 'main: true' markieren (die "
            "Codes beginnen jetzt an der Seite zur nächsten Straße)"),
        "no-road": (
            "Die Standortdatei hat keine Straße: Außenschilder werden für den kleinsten "
            "Leseabstand des Profils ({distance:g} m) bemessen, und Seite A von Gebäuden ohne "
            "Haupteingang kann keiner Straße zugewandt sein: die öffentlichen Straßen als "
            "site_features ergänzen"),
        "duplicate-letter": (
            "Der Gebäudebuchstabe {letter} ist an mehreren Gebäuden festgelegt; jedem Gebäude "
            "einen eigenen Buchstaben geben"),
        "ambiguous-letter": (
            "Der Gebäudebuchstabe {letter} enthält {chars}, das wie eine Ziffer aussieht oder im "
            "Funk wie ein anderer Buchstabe klingt; einen anderen Buchstaben wählen"),
        "duplicate-code": (
            "Der Code {code} ist an {n} Elementen festgelegt ({owners}); jeder Code darf nur "
            "einmal vorkommen: die Festlegung bei allen außer einem entfernen oder ändern"),
        "ambiguous-glyph": (
            "Der festgelegte Code {code} enthält {chars}, das Einsatzkräfte als Ziffer (1/0) "
            "verlesen können; einen Code ohne dieses Zeichen wählen"),
        "inner-door-on-outline": (
            "Tür {door} liegt auf dem Umriss, ist aber als 'inner' (innen) eingetragen und "
            "bekommt deshalb keinen Code; führt sie nach außen, ihre Art setzen (entrance, "
            "emergency_exit, …)"),
        "pins-not-clockwise": (
            "Wegen festgelegter Codes steht {code} an Gebäude {building} nicht mehr in der "
            "Reihenfolge im Uhrzeigersinn; das ist nach Änderungen an einem schon beschilderten "
            "Gebäude zu erwarten"),
        "stair-one-storey": (
            "Treppe {code} verbindet nur Geschoss {level} und bekommt deshalb nur ein "
            "Geschossschild; alle Geschosse, die sie verbindet, unter 'levels' eintragen"),
        "room-without-outline": (
            "{n} Raum/Räume von Gebäude {building} in Geschoss {level} haben keinen Umriss: die "
            "Fenster davor bekommen keine Raumnummer, und die Räume werden nicht gezeichnet; "
            "jedem Raum ein 'polygon' geben"),
        "room-without-outline-listed": (
            "{n} Raum/Räume von Gebäude {building} in Geschoss {level} haben keinen Umriss: sie "
            "stehen in den Listen, werden im Geschossplan aber nicht gezeichnet"),
        "window-without-room": (
            "Hinter Fenster {window} liegt in Geschoss {level} kein Raumumriss (innerhalb von "
            "1 m), es bekommt deshalb keine Beschriftung; den Umriss des Raums bis zur Fassade "
            "zeichnen"),
        "sign-too-small": (
            "Das Schild {text} ({kind}) wird aus {distance:g} m gelesen: ein lesbarer Code "
            "braucht {needed_mm:.0f} mm, das Profil erlaubt höchstens {cap_mm:.0f} mm; ein "
            "Schild näher an der Zufahrt (Tor, Feuerwehrzufahrt) anbringen oder den Weg dorthin "
            "kennzeichnen"),
        "low-contrast": (
            "Schild {text}: der Kontrast {contrast:.2f} zwischen {background} und {foreground} "
            "liegt unter 0,7 (DIN 32975); andere Farben wählen"),
        "window-labels-small": (
            "{n} Fensterschilder von Gebäude {building} sind weiter von der Straße entfernt, als "
            "ihre größte Schrift erlaubt (am weitesten: {code} in {distance:g} m bräuchte "
            "{needed_mm:.0f} mm); sie werden in der größten Größe gedruckt und von der "
            "Feuerwehrzufahrt oder vom Gelände aus gelesen"),
        "sign-placement": (
            "Schild {text} ({width_mm:g} × {height_mm:g} mm) findet an seiner Fassade innerhalb "
            "von 3 m keinen freien Platz, ohne ein Fenster oder ein anderes Schild zu verdecken; "
            "von Hand platzieren (z. B. an einem Pfosten) und den Ort notieren"),
        "unprintable-characters": (
            "{what} ('{shown}') enthält Zeichen, die keine mitgelieferte Schrift hat "
            "({missing}): sie werden auf Schildern und Plänen als leere Kästchen gedruckt; eine "
            "Umschrift (lateinische Buchstaben) verwenden"),
        "unprintable-more": (
            "{n} weitere Namen enthalten Zeichen, die keine mitgelieferte Schrift hat "
            "({chars}): sie werden als leere Kästchen gedruckt; eine Umschrift verwenden"),
        "letter-code-prefix": (
            "Der festgelegte Gebäudebuchstabe {letter} ist auch die Vorsilbe der Codes an Türen "
            "oder Treppen ({chars}, wie {example}): auf einem Schild und im Funk liest sich "
            "'Gebäude {letter}' wie ein solcher Code; der Buchstabe bleibt, besser einen "
            "anderen wählen (vergebene Buchstaben lassen {chars} aus)"),
        "duplicate-room-number": (
            "Die vorhandene Raumnummer {number} steht an {n} Räumen desselben Gebäudes "
            "({owners}): wer zu {number} geschickt wird, findet zwei Türen; ist es ein "
            "Tippfehler, die Datei berichtigen, sonst die Türschilder ändern (und dann die "
            "Nummern in der Datei)"),
        "repeated-room-number": (
            "Die vorhandene Raumnummer {number} steht an Räumen mehrerer Gebäude ({owners}): "
            "nur das Gebäude unterscheidet sie; die Nummern bleiben, wie sie an den Türen "
            "stehen, Leitstelle und Funk müssen das Gebäude immer mitnennen"),
        "room-number-scheme": (
            "Die vorhandenen Nummern von {n} Raum/Räumen folgen nicht den Hotelnummern des "
            "Profils (Geschossziffer und zweistellige Nummer, wie 104): {rooms}{more}; sie "
            "bleiben, wie sie an den Türen stehen, neue Nummern folgen aber dem Profil, so "
            "treffen Einsatzkräfte auf zwei Schemata: die Türschilder prüfen (mit "
            "numbering.room_numbers: renumber bekommt jeder Raum eine neue Nummer, dann sind "
            "die Türschilder zu ersetzen)"),
        "room-number-storey": (
            "Die vorhandenen Hotelnummern von {n} Raum/Räumen beginnen mit einem anderen "
            "Geschoss als dem des Raums: {rooms}{more}; Einsatzkräfte gehen in das Geschoss, "
            "das die Nummer nennt: das Geschoss des Raums ('level') und sein Türschild prüfen"),
        "too-many-rooms": (
            "Geschoss {level} von Gebäude {building} hat mehr neu zu nummerierende Räume, als "
            "zweistellige Hotelnummern fassen ({most}): {n} Räume bekommen nach der "
            "Geschossziffer drei Stellen ({first} bis {last}) und lesen sich wie ein anderes "
            "Geschoss; das "
            "Geschoss in Flügel mit eigenem Gebäudebuchstaben teilen oder den Räumen ihre "
            "Türschildnummern geben"),
        "shaft-number": (
            "{n} Treppen- oder Aufzugsschacht/-schächte von Gebäude {building} haben eine "
            "Raumnummer ({rooms}{more}): Schächte bekommen keine Raumnummer und kein "
            "Raumschild (ihre Treppe oder ihr Aufzug wird gekennzeichnet); die Nummer bleibt "
            "in der Datei"),
        "rooms-renumbered": (
            "Das Profil nummeriert die Räume neu (numbering.room_numbers: renumber): die "
            "vorhandenen Nummern von {n} Raum/Räumen wurden nicht verwendet (die Datei bleibt "
            "unverändert); die neuen Nummern gehören an die Türschilder, sonst werden "
            "Einsatzkräfte in den falschen Raum geschickt"),
        "address-road-unknown": (
            "Keine Straße der Standortdatei trägt den Namen aus der Adresse ({address}), "
            "daher zeigt Seite A von Gebäuden ohne eigenen Haupteingang zur nächsten Straße; "
            "die Straße der Adresse unter ihrem Namen als site_feature 'road' eintragen"),
    },
    "en": {
        "no-main-entrance": (
            "no door is marked as the main entrance, so E1 / door 1 and side A cannot be "
            "decided from the building: mark the main entrance with 'main: true' (codes now "
            "start at the side facing the nearest road)"),
        "no-road": (
            "the site file has no road: exterior signs are sized for the profile's minimum "
            "reading distance ({distance:g} m) and side A of buildings without a main entrance "
            "cannot face a road: add the public roads as site_features"),
        "duplicate-letter": (
            "building letter {letter} is pinned on several buildings; give each building its own "
            "letter"),
        "ambiguous-letter": (
            "building letter {letter} contains {chars}, which reads as a digit or sounds like "
            "another letter on the radio; choose another letter"),
        "duplicate-code": (
            "code {code} is pinned on {n} elements ({owners}); each code may be used once: "
            "remove or change the pin on all but one"),
        "ambiguous-glyph": (
            "pinned code {code} contains {chars}, which crews can misread as a digit (1/0); "
            "choose a code without it"),
        "inner-door-on-outline": (
            "door {door} lies on the outline but is marked 'inner', so it gets no code; if it "
            "leads outside, set its kind (entrance, emergency_exit, …)"),
        "pins-not-clockwise": (
            "because of pinned codes, {code} is no longer in clockwise order on building "
            "{building}; that is expected after changes to a marked building"),
        "stair-one-storey": (
            "stair {code} serves only level {level}, so it gets a single storey sign; list every "
            "storey it connects in 'levels'"),
        "room-without-outline": (
            "{n} room(s) of building {building} on level {level} have no outline, so the windows "
            "in front of them get no room code and the rooms are not drawn: add 'polygon' to "
            "each room"),
        "room-without-outline-listed": (
            "{n} room(s) of building {building} on level {level} have no outline and are listed "
            "but not drawn on the storey plan"),
        "window-without-room": (
            "no room outline on level {level} lies behind window {window} (within 1 m), so it "
            "gets no label; draw the room's outline to the facade"),
        "sign-too-small": (
            "{kind} sign {text} is read from {distance:g} m: a legible code needs "
            "{needed_mm:.0f} mm but the profile allows at most {cap_mm:.0f} mm; add a sign "
            "nearer the approach (gate, fire lane) or mark the way to it"),
        "low-contrast": (
            "sign {text}: contrast {contrast:.2f} between {background} and {foreground} is below "
            "0.7 (DIN 32975); choose other colours"),
        "window-labels-small": (
            "{n} window labels of building {building} are farther from the road than their "
            "maximum size allows (farthest: {code} at {distance:g} m would need "
            "{needed_mm:.0f} mm); they are printed at the maximum and read from the fire lane "
            "or the grounds"),
        "sign-placement": (
            "sign {text} ({width_mm:g} × {height_mm:g} mm) finds no free place within 3 m on its "
            "facade without covering a window or another sign; place it by hand (e.g. on a post) "
            "and note the place"),
        "unprintable-characters": (
            "{what} ('{shown}') has characters no bundled font has ({missing}): they will print "
            "as empty boxes on signs and maps; use a transliteration (Latin letters)"),
        "unprintable-more": (
            "{n} more names have characters no bundled font has ({chars}): they will print as "
            "empty boxes; use a transliteration"),
        "letter-code-prefix": (
            "pinned building letter {letter} is also the prefix of door or stair codes "
            "({chars}, as in {example}): on a sign and on the radio 'building {letter}' reads "
            "as such a code; the letter is kept, but choose another one (assigned letters "
            "leave out {chars})"),
        "duplicate-room-number": (
            "existing room number {number} is on {n} rooms of one building ({owners}): a crew "
            "sent to {number} finds two doors; if it is a typing error correct the file, "
            "else change the door plates (and then the numbers in the file)"),
        "repeated-room-number": (
            "existing room number {number} is on rooms of several buildings ({owners}): only "
            "the building tells them apart; the numbers stay as on the doors, dispatch and "
            "radio must always name the building too"),
        "room-number-scheme": (
            "the existing numbers of {n} room(s) do not follow the profile's hotel numbers "
            "(storey digit and a two-digit number, as 104): {rooms}{more}; they stay as on the "
            "doors, but new numbers follow the profile, so crews meet two schemes: check the "
            "door plates (with numbering.room_numbers: renumber every room gets a new number, "
            "and the door plates must be replaced)"),
        "room-number-storey": (
            "the existing hotel numbers of {n} room(s) begin with another storey than the "
            "room's: {rooms}{more}; crews go to the storey the number names: check the room's "
            "level and its door plate"),
        "too-many-rooms": (
            "level {level} of building {building} has more rooms to number than two-digit "
            "hotel numbers hold ({most}): {n} rooms get three digits after the storey digit "
            "({first} to {last}), which read as another storey; split the storey into wings with their own "
            "building letter, or give the rooms their door-plate numbers"),
        "shaft-number": (
            "{n} stair or lift shaft(s) of building {building} have a room number "
            "({rooms}{more}): shafts get no room number and no room sign (their stair or lift "
            "is marked instead); the number stays in the file"),
        "rooms-renumbered": (
            "the profile renumbers the rooms (numbering.room_numbers: renumber): the existing "
            "numbers of {n} room(s) were not used (the file is unchanged); the new numbers "
            "belong on the door plates, or crews are sent to the wrong room"),
        "address-road-unknown": (
            "no road of the site file has the name the address gives ({address}), so side A "
            "of buildings without their own main entrance faces the nearest road; add the "
            "address's street under its name as a site_feature 'road'"),
    },
}

# how a finding names an element whose name it is about
_WHAT = {
    "de": {"site-name": "Der Name des Standorts", "address": "Die Adresse",
           "building-name": "Der Name von Gebäude {building}",
           "storey-name": "Der Name von Geschoss {level} in Gebäude {building}",
           "stair-name": "Der Name von Treppe {stair}", "room-name": "Der Name von Raum {room}",
           "feature-name": "Der Name eines Objekts ({feature}) in Gebäude {building}",
           "site-feature-name": "Der Name von Geländeobjekt {i} ({feature})",
           "and-more": " und {n} weitere"},
    "en": {"site-name": "the site name", "address": "the address",
           "building-name": "the name of building {building}",
           "storey-name": "the name of storey {level} of building {building}",
           "stair-name": "the name of stair {stair}", "room-name": "the name of room {room}",
           "feature-name": "the name of a {feature} of building {building}",
           "site-feature-name": "the name of site feature {i} ({feature})",
           "and-more": " and {n} more"},
}

SECTIONS = {"kind.": _KINDS, "feature.": _FEATURES, "finding.": _FINDINGS, "what.": _WHAT}
