"""Room uses from the words a source gives a room: its name, label or category text.

Every importer maps its own categories first (IMDF unit ``category``, OSM ``room=*``, IFC
``ObjectType``); what is left is a room's name, read here by :func:`use_from_name` against
German and English keywords. A name that matches nothing gives no use (never a guess); the
importer counts such rooms in one note.

The keywords are matched at word starts of the folded name (lower case, umlauts as
``ae``/``oe``/``ue``, ``ß`` as ``ss``; keywords of up to four letters as whole words only), the
most specific first, so that "Chemikalienlager" is a chemicals store, not storage, and
"Treppenhaus" a stair.
"""

from __future__ import annotations

import re
import unicodedata

from ..model import RoomUse

U = RoomUse

#: (use, word starts) in order of precedence: hazards and shafts before the general uses.
KEYWORDS: tuple[tuple[RoomUse, tuple[str, ...]], ...] = (
    (U.chemicals, ("chemikal", "chemical", "gefahrstoff", "chemie", "chemistry", "chem lab",
                   "saeure", "acid")),
    (U.gas, ("gasanschluss", "gasversorgung", "gasflasche", "gas meter", "gas room",
             "gasraum", "flüssiggas", "fluessiggas", "lpg")),
    (U.oxygen, ("sauerstoff", "oxygen")),
    (U.radioactive, ("radioaktiv", "radioactive", "strahlen", "isotop")),
    (U.battery, ("batterie", "battery", "akku", "usv", "ups room")),
    (U.flammables, ("brennbar", "flammable", "loesemittel", "lösemittel", "solvent",
                    "farblager", "paint store")),
    (U.electrical, ("elektro", "electrical", "nshv", "hausanschluss", "hak", "trafo",
                    "transformer", "schaltraum", "switch room", "switchgear", "zaehler",
                    "zähler", "meter room", "electric")),
    (U.heating, ("heizung", "heizraum", "heating", "boiler", "kessel", "fernwaerme",
                 "fernwärme", "waermezentrale", "wärmezentrale")),
    (U.stair, ("treppenhaus", "treppenraum", "treppe", "stairwell", "staircase", "stairway",
               "stairs", "stair", "escalier")),
    (U.lift, ("aufzug", "fahrstuhl", "lift", "elevator", "ascenseur")),
    (U.server, ("server", "it-raum", "edv", "rechenzentrum", "data centre", "data center",
                "network room", "telecom", "telekom")),
    (U.plant_room, ("lueftung", "lüftung", "technikzentrale", "haustechnik", "plant room",
                    "mechanical", "hvac", "ventilation", "sprinkler", "pumpe", "pump room")),
    (U.technical, ("technik", "technical", "janitor", "hausmeister", "custodian", "utility")),
    (U.laboratory, ("labor", "laboratory", "lab", "physik", "physics", "biologie", "biology",
                    "science", "naturwissenschaft")),
    (U.workshop, ("werkstatt", "werkraum", "workshop", "werken", "shop class")),
    (U.toilet, ("wc", "toilette", "toilet", "restroom", "washroom", "lavatory", "sanitaer",
                "sanitär", "bathroom", "bad", "badezimmer", "damen", "herren")),
    (U.kitchen, ("kueche", "küche", "kitchen", "teekueche", "teeküche", "pantry")),
    (U.dining, ("mensa", "cafeteria", "kantine", "canteen", "speisesaal", "dining",
                "lunchroom", "cafe")),
    (U.gym, ("sporthalle", "turnhalle", "gymnasium", "gym", "sport")),
    (U.hall, ("aula", "auditorium", "hoersaal", "hörsaal", "lecture hall", "saal", "hall",
              "halle", "pausenhalle", "forum", "theater", "theatre")),
    (U.library, ("bibliothek", "buecherei", "bücherei", "library", "mediathek", "media center")),
    (U.staff_room, ("lehrerzimmer", "staff room", "teachers lounge", "lounge",
                    "aufenthalt", "pausenraum", "break room")),
    (U.changing_room, ("umkleide", "changing", "locker room", "dusche", "shower")),
    (U.medical, ("sanitaetsraum", "sanitätsraum", "erste hilfe", "first aid", "nurse",
                 "krankenzimmer", "arzt", "health")),
    (U.lobby, ("foyer", "eingangshalle", "eingang", "lobby", "vestibule", "windfang",
               "entrance hall", "entrance area")),
    (U.corridor, ("flur", "gang", "korridor", "corridor", "hallway", "hall way", "diele",
                  "durchgang", "verkehrsflaeche", "verkehrsfläche", "erschliessung",
                  "circulation", "passage", "aisle")),
    (U.storage, ("lager", "abstell", "storage", "store", "depot", "archiv", "archive",
                 "geraeteraum", "geräteraum", "closet", "vorrat")),
    (U.office, ("buero", "büro", "office", "sekretariat", "verwaltung", "schulleitung",
                "rektor", "principal", "admin", "besprechung", "meeting", "conference",
                "konferenz")),
    (U.classroom, ("klassenraum", "klasse", "klassenzimmer", "unterricht", "classroom",
                   "class room", "kursraum", "seminar", "kunst", "art room", "musik",
                   "music", "informatik", "computer")),
)


def fold(text: str) -> str:
    """Lower case, umlauts as ``ae``/``oe``/``ue``, ``ß`` as ``ss``, other accents dropped,
    punctuation as spaces.

    >>> fold("Küche / Büro-Fläche")
    'kueche buero flaeche'
    """
    t = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", t).split())


#: Keywords this short match whole words only ("lab" is not "Labyrinth", "wc" not "wcx").
WHOLE_WORD_MAX = 4


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alts = sorted({fold(w) for w in words}, key=len, reverse=True)
    parts = [re.escape(a) + (r"(?=\s|$)" if len(a) <= WHOLE_WORD_MAX else "") for a in alts]
    return re.compile(r"(?:^|\s)(?:" + "|".join(parts) + r")")


_PATTERNS = tuple((use, _pattern(words)) for use, words in KEYWORDS)


def use_from_name(*texts: str | None) -> RoomUse | None:
    """The use that the first of ``texts`` with a recognisable word names, or None.

    Words are matched at the start of a word ("Chemieraum", "WC Damen", "Lagerraum"):

    >>> [use_from_name(t) for t in ("Chemikalienlager", "WC Damen", "Treppenhaus Nord",
    ...                             "Room 101", "Elektroraum NSHV", "Lagerraum")]
    [<RoomUse.chemicals: 'chemicals'>, <RoomUse.toilet: 'toilet'>, <RoomUse.stair: 'stair'>, \
None, <RoomUse.electrical: 'electrical'>, <RoomUse.storage: 'storage'>]
    >>> use_from_name(None, "", "Aufzug 2"), use_from_name("Labyrinth"), use_from_name("Lab 3")
    (<RoomUse.lift: 'lift'>, None, <RoomUse.laboratory: 'laboratory'>)
    >>> [use_from_name(t).value for t in ("Flur 1.OG", "Verkehrsfläche", "Diele", "Pausenhalle",
    ...                                   "Eingangsbereich", "Sporthalle")]
    ['corridor', 'corridor', 'corridor', 'hall', 'lobby', 'gym']
    """
    for text in texts:
        if not text:
            continue
        folded = fold(str(text))
        if not folded:
            continue
        for use, pat in _PATTERNS:
            if pat.search(folded):
                return use
    return None


__all__ = ["KEYWORDS", "fold", "use_from_name"]
