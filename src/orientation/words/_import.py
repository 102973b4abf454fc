"""The importers' notes (``import.<code>``): what an import of an IFC, DXF, IMDF or OSM file
changed or could not find (:class:`orientation.io.ImportNote`), and the phrases some notes are
made of (``import.what-*``, the optional clauses).

A note's English template is its ``message`` (what ``orientation import`` prints and the
tests read): change it only on purpose. ``import.<code>`` is the note's code; a code with two
sentences has a second key (``import.no-footprint-area``). German numbers are written
without the English thousands comma (which would read as a decimal comma)."""

from __future__ import annotations

_DE = {
    # --- the site, built from the drafts (_assemble) --------------------------------------
    "no-footprint": ("Gebäude '{building}': kein Umriss gefunden; den Grundriss in der "
                     "Standortdatei zeichnen"),
    "no-footprint-area": ("Gebäude '{building}': der Umriss hat keine Fläche ({area:.2f} m²); "
                          "die Einheiten der Zeichnung prüfen"),
    "footprint-parts": ("Gebäude '{building}': der Umriss zerfällt in {n} getrennte Teile "
                        "({total:.0f} m² insgesamt); der größte ({largest:.0f} m²) wird als "
                        "Grundriss verwendet, die anderen ({others}) entfallen: sind es eigene "
                        "Gebäude, diese in der Standortdatei ergänzen"),
    "holes-filled": ("Gebäude '{building}': {n} Loch/Löcher im Umriss ({areas}) wurden "
                     "geschlossen; als Innenhöfe (courtyards) ergänzen, wenn sie nach oben offen "
                     "sind"),
    "no-storeys-building": "Gebäude '{building}': keine Geschosse gefunden",
    "level-unknown": ("Gebäude '{building}': {what} auf Ebene {level}, die kein Geschoss des "
                      "Gebäudes ist; entfällt"),
    "what-door": "eine Tür", "what-stair": "eine Treppe", "what-room": "ein Raum",
    "what-window": "ein Fenster", "what-feature": "ein Objekt ({kind})",
    "door-off-outline": ("Gebäude '{building}': {n} Außentür(en) liegen {nearest:.1f} bis "
                         "{farthest:.1f} m vom Grundriss entfernt (mehr als {snap:g} m) und "
                         "entfallen: sie von Hand dort ergänzen, wo sie wirklich sind"),
    "doors-snapped": ("Gebäude '{building}': {n} Außentür(en) auf den Umriss verschoben (um bis "
                      "zu {by:.2f} m)"),
    "stair-outside": ("Gebäude '{building}': eine Treppe liegt {distance:.1f} m außerhalb des "
                      "Grundrisses; entfällt (von Hand ergänzen, wenn sie zum Gebäude gehört)"),
    "stair-moved": ("Gebäude '{building}': eine Treppe knapp außerhalb des Grundrisses wurde "
                    "hineingeschoben (um {distance:.2f} m)"),
    "room-numbers-unusable": ("Gebäude '{building}': {n} Raumnummer(n) der Quelle sind keine gültigen Codes (nur Buchstaben, Ziffern, '.', '-'; höchstens 16 Zeichen): {numbers}; diese Räume bleiben ohne Nummer"),
    "room-numbers-duplicate": ("Gebäude '{building}': {n} Raum/Räume tragen eine Raumnummer, die ein anderer Raum schon hat: {numbers}; der erste behält sie, die anderen bleiben ohne Nummer"),
    "rooms-clipped": ("Gebäude '{building}': {n} Raumumriss(e), die über den Grundriss "
                      "hinausreichen, wurden an ihm abgeschnitten"),
    "room-too-many-vertices": (
        "Gebäude '{building}': {n} Raumumriss(e) haben bis zu {most} Eckpunkte (Grenze "
        "max_ring_vertices = {limit}); sie werden ohne Umriss aufgeführt: in der Quelle "
        "vereinfachen oder die Grenze erhöhen"),
    "rooms-outside": ("Gebäude '{building}': {n} Raum/Räume liegen außerhalb des Grundrisses; "
                      "sie werden ohne Umriss aufgeführt"),
    "rooms-clipped-storey": ("Gebäude '{building}': {n} Raumumriss(e), die über den Umriss "
                             "ihres Geschosses hinausreichen, wurden an ihm abgeschnitten"),
    "rooms-outside-storey": ("Gebäude '{building}': {n} Raum/Räume liegen außerhalb des Umrisses "
                             "ihres Geschosses; sie werden ohne Umriss aufgeführt"),
    "storey-outline-clipped": ("Gebäude '{building}', Ebene {level}: der Umriss des Geschosses "
                               "reichte mit {area:.1f} m² über den Grundriss hinaus und wurde "
                               "an ihm abgeschnitten"),
    "storey-outline-unusable": ("Gebäude '{building}', Ebene {level}: der eigene Umriss des "
                                "Geschosses {why}; es gilt der Grundriss des Gebäudes"),
    "why-outline-vertices": ("hat {n} Eckpunkte (Grenze max_ring_vertices = {limit}) und "
                             "entfällt"),
    "why-outline-empty": "hat innerhalb des Grundrisses keine Fläche",
    "why-outline-parts": ("zerfällt in getrennte Teile, die ein Umriss nicht fassen kann"),
    "storeys-empty": ("Gebäude '{building}': {n} Geschoss(e) ohne Räume, Türen, Treppen, "
                      "Fenster oder Objekte entfallen: {storeys}"),
    "windows-off-outline": ("Gebäude '{building}': {n} Fenster, die mehr als {snap:g} m vom "
                            "Grundriss entfernt sind (Dachfenster, Staffelgeschosse), entfallen"),
    "width-implausible": ("Gebäude '{building}': {n} Tür- oder Fensterbreite(n) von {least:g} "
                          "bis {most:g} m sind unplausibel (Millimeter in einer Meter-Datei?); "
                          "diese Breiten entfallen"),
    "site-feature-simplified": (
        "{n} Objekt(e) des Geländes haben mehr Punkte, als die Grenzen erlauben "
        "(max_line_points = {line_limit} je Linie, max_ring_vertices = {ring_limit} je Umriss); "
        "Linien wurden vereinfacht, Umrisse entfallen; die Grenzen erhöhen, um sie wie "
        "gezeichnet zu behalten"),
    "plan-shifted": ("Die Plankoordinaten liegen {km:.1f} km von (0, 0) entfernt; der Plan wurde "
                     "um ({dx:g}, {dy:g}) m verschoben, damit er nahe (0, 0) beginnt"),
    "several-main-entrances": ("{n} Türen sind als Haupteingang markiert; nur die erste "
                               "('{door}' von Gebäude '{building}') bleibt Haupteingang: prüfen, "
                               "welche es ist"),
    "no-doors": ("Die Quelldatei enthält keine Türen: die Außentüren (Eingänge, Notausgänge) "
                 "von Hand in der Standortdatei ergänzen; es wurden keine erfunden"),
    "no-exterior-doors": ("Keine der {n} Türen liegt auf einem Gebäudeumriss: die Außentüren "
                          "von Hand in der Standortdatei ergänzen"),
    "no-main-entrance": ("Keine Tür ist als Haupteingang markiert; in der Standortdatei "
                         "'main: true' an ihr setzen"),
    "notes-capped": ("und {n} weitere Hinweis(e), nicht gezeigt ({codes}; Grenze max_notes = "
                     "{limit}); die Grenze erhöhen, um alle zu sehen"),
    "options-ignored": "Einheiten und Layer gelten nur für DXF-Dateien; ignoriert",
    # --- OSM ------------------------------------------------------------------------------
    "osm-bad-elements": "{n} Element(e) ohne gültige Id oder Position wurden übersprungen",
    "storeys-assumed": ("Gebäude '{building}' hat keine Angaben zu Ebenen; ein Geschoss "
                        "(Ebene 0) wird angenommen"),
    "level-range-too-wide": (
        "{n} Ebenen-Angabe(n) nennen Bereiche von mehr als {most} Ebenen (Grenze "
        "max_levels_per_range); diese Elemente wurden übersprungen: die level-Tags korrigieren "
        "oder die Grenze erhöhen"),
    "half-levels": ("{n} Innenraum-Element(e) nur auf halben Ebenen (etwa 0.5: Podeste, "
                    "Zwischengeschosse) wurden übersprungen; das Standortmodell kennt nur ganze "
                    "Geschosse"),
    "no-level": "{n} Innenraum-Element(e) ohne level-Tag wurden übersprungen",
    "outside-buildings": ("{n} Innenraum-Element(e) oder Tür(en) außerhalb aller "
                          "Gebäudeumrisse wurden übersprungen"),
    "osm-uses-unmapped": ("{n} von {total} Räumen erhielten keine Nutzung (aus room=*, "
                          "amenity=*, stairs/highway=elevator oder ihrem Namen){values}; "
                          "'use' in der Standortdatei ergänzen, wo es wichtig ist"),
    "osm-room-values": "; room=*-Werte ohne Entsprechung: {values}",
    "no-rooms": "Gebäude '{building}': keine indoor=room-Elemente",
    "unnamed-roads": ("{n} Straßenweg(e) ohne Namen (Zufahrten, Wirtschaftswege) wurden nicht "
                      "als öffentliche Straßen importiert; Feuerwehrzufahrten von Hand ergänzen"),
    # --- DXF ------------------------------------------------------------------------------
    "dxf-curves-coarse": ("{n} Kurve(n) bräuchten mehr als {most} Punkte (Grenze "
                          "max_curve_points) und wurden gröber angenähert"),
    "dxf-entities-skipped": ("{n} Objekt(e) der Zeichnung, zu groß zum Lesen, entfallen: "
                             "{details}; die Grenze erhöhen, um sie zu lesen"),
    "dxf-repaired": ("Die DXF-Datei hatte {n} Strukturfehler; ezdxf hat repariert, was "
                     "möglich war"),
    "dxf-units-override": "Einheiten: {units} wie verlangt (die Datei gibt {declared} an)",
    "dxf-rooms-polygonized": ("Räume auf dem Layer '{layer}' wurden aus seinen Linien und "
                              "Bögen gebildet (keine geschlossenen Polylinien)"),
    "dxf-rooms-from-walls": (
        "{n} Raum/Räume wurden aus den Wandlinien der Layer {layers} gebildet: von {faces} "
        "Flächen sind {thin} Wände (schmaler als 0,4 m) und {unlabelled} ohne "
        "Raumbeschriftung; {swings} Türaufschläge wurden als Türöffnungen geschlossen und "
        "{bridges} Linienende(n) innerhalb von 5 cm verbunden"),
    "dxf-walls-too-many": (
        "Die Wandlinien der Layer {layers} sind zu viele, um Räume daraus zu bilden ({count}; "
        "Grenze max_wall_segments = {most}): die Zeichnung auf den Grundriss beschränken, die "
        "Grenze mit --max-wall-segments erhöhen oder einen Raum-Layer mit --layers rooms=LAYER "
        "angeben"),
    "dxf-walls-segments": "{n} Segmente",
    "dxf-walls-pairs": "mehr als {n} sich berührende Segmentpaare",
    "dxf-walls-ends": "mehr als {n} Linienenden nahe anderen Linien",
    "dxf-units-assumed": ("Die Datei gibt ihre Einheiten nicht an ($INSUNITS {code}); "
                          "angenommen: {units} (das Gebäude ist dann {size:.0f} m groß): sonst "
                          "--units angeben"),
    "dxf-units-implausible": ("Mit {units} als Einheit ist das Gebäude {size:.1f} m groß; wenn "
                              "das nicht stimmt, --units angeben"),
    "dxf-labels": ("{labelled} von {n} Räumen erhielten eine Beschriftung vom Layer "
                   "'{layer}'{unplaced}{multi}"),
    "dxf-labels-unplaced": ("; {n} Beschriftung(en) liegen außerhalb aller Räume (Flure, "
                            "Treppen) und werden nicht verwendet"),
    "dxf-labels-multi": ("; {n} Raum/Räume enthalten mehrere Beschriftungen, die der Mitte "
                         "nächste wird verwendet"),
    "dxf-no-rooms": ("Keine Räume gefunden (keine geschlossenen Polylinien auf einem "
                     "Raum-Layer); den Layer mit --layers rooms=LAYER angeben"),
    "dxf-footprint-from-rooms": (
        "Kein Fassaden- oder Umriss-Layer: der Grundriss ist der Umriss aller Räume (Wände "
        "außerhalb der Räume fehlen); den Layer mit --layers footprint=LAYER angeben, wenn es "
        "einen gibt"),
    "dxf-no-door-blocks": ("Die Zeichnung enthält keine eingefügten Türblöcke{why}{swings}: "
                           "Türen lassen sich nicht aus ihr lesen"),
    "dxf-door-blocks-unused": " (Türblöcke wie {blocks} sind definiert, aber nie eingefügt)",
    "dxf-door-swings": ("; {n} Türaufschlag-Bögen auf dem Layer '{layer}' sind als lose "
                        "Linien gezeichnet, nicht als Türblöcke"),
    "dxf-layers": ("Rollen der Layer: {roles}; Grundriss aus {source}; Einheiten {units}; "
                   "ändern mit --layers footprint=…,rooms=…,labels=…,doors=… und --units"),
    "dxf-source-layer": "Layer '{layer}'",
    "dxf-source-rooms": "dem Umriss aller Räume",
    "dxf-source-walls": "dem Außenumriss der Wände auf den Layern {layers}",
    "dxf-roles": "footprint={footprint}, rooms={rooms}, labels={labels}, doors={doors}",
    "dxf-role-walls": "(Flächen der Wände auf {layers})",
    "dxf-role-rooms-outline": "(Umriss der Räume)",
    "dxf-role-door-blocks": "(Türblöcke nach Namen)",
    "dxf-one-storey": "Ein DXF-Plan ist ein Geschoss: er wird als Geschoss 0 importiert",
    # --- IMDF -----------------------------------------------------------------------------
    "imdf-bad-manifest": "manifest.json ist kein gültiges JSON; ignoriert",
    "imdf-unknown-file": "{name} ist keine IMDF-Datei{hint}; ignoriert",
    "imdf-did-you-mean": " (gemeint: {name}.geojson?)",
    "imdf-bad-json": "{name} ist kein gültiges JSON ({error}); ignoriert",
    "imdf-bad-file": "{name} ist keine GeoJSON-FeatureCollection; ignoriert",
    "imdf-no-manifest": "Keine manifest.json; trotzdem als IMDF gelesen",
    "imdf-no-venue": ("Kein venue-Objekt mit Geometrie; der Standort wird auf seine Ebenen "
                      "zentriert"),
    "imdf-bad-level": ("{n} Ebene(n) ohne ganzzahlige Ordinalzahl (ordinal) wurden "
                       "übersprungen"),
    "imdf-no-building": ("Ebenen ohne bekanntes Gebäude werden als ein Gebäude mit dem Namen "
                         "des Standorts (venue) importiert"),
    "imdf-building-without-levels": ("Gebäude '{building}' hat keine Ebenen; es entfällt (von "
                                     "Hand in der Standortdatei ergänzen, wenn es wichtig ist)"),
    "imdf-footprint-from-level": ("Gebäude {building}: kein Grundriss am Boden; der Umriss von "
                                  "Ebene {level} wird verwendet"),
    "imdf-orphan-units": ("{n} Raumeinheit(en) (unit) ohne bekannte Ebene oder Geometrie "
                          "wurden übersprungen"),
    "imdf-orphan-openings": ("{n} Öffnung(en) ohne bekannte Ebene oder Geometrie wurden "
                             "übersprungen"),
    "imdf-several-principal": (
        "{n} Außenöffnungen sind 'pedestrian.principal' (Kandidaten für den Haupteingang: "
        "{candidates}); keine ist als Haupteingang markiert: 'main: true' an der richtigen "
        "setzen"),
    "imdf-openings-interior": ("Keine der {n} Öffnungen liegt innerhalb von {distance:g} m vom "
                               "Umriss ihrer Ebene: alle werden als Innentüren importiert"),
    # --- IFC ------------------------------------------------------------------------------
    "ifc-schema": "Schema {schema} ist weder IFC2X3 noch IFC4; trotzdem gelesen",
    "ifc-storeys": "Geschosse nach Höhe: {storeys}; Ebene 0 ist '{ground}'",
    "no-storeys": ("Das Modell hat keine Geschosse (IfcBuildingStorey): alles wird auf einem "
                   "Geschoss, Ebene 0, importiert; weitere Geschosse in der Standortdatei "
                   "ergänzen"),
    "no-spaces": "Das Modell hat keine Räume (IfcSpace): es werden keine Räume importiert",
    "ifc-footprint-all-storeys": ("Das Erdgeschoss hat keine Wände oder Räume mit Geometrie; "
                                  "der Grundriss ist der Umriss aller Geschosse"),
    "ifc-exterior-doors": "Gebäude '{building}': {n} Außentür(en) von {total}{how}",
    "ifc-found-by": ", gefunden über {ways}",
    "ifc-upper-exterior-doors": (
        "Gebäude '{building}': {n} Tür(en) im Umriss oberer Geschosse (Balkone, Brücken?) "
        "werden als Innentüren importiert; die Art jeder Tür ändern, die ein Ausgang ist"),
    "ifc-openings": ("Gebäude '{building}': {n} Durchgang/Durchgänge ohne Türblatt (virtuelle "
                     "Raumbegrenzungen, IfcVirtualElement) als Innentüren mit 'opening: true' "
                     "importiert{none}"),
    "ifc-openings-none": ("; {n} virtuelle(s) Element(e) ergeben keinen: nicht zwischen zwei "
                          "Räumen eines Geschosses ({storeys} zwischen Geschossen) oder ohne "
                          "gemeinsame Grenze ihrer Raumumrisse ({apart})"),
    "origin-default": ("Die Position von IfcSite ({lat:.4f}, {lon:.4f}) ist {default}, nicht "
                       "die des Gebäudes; site.origin entfällt: von Hand setzen (oder im "
                       "BIM-Modell korrigieren) für Pläne mit Geokoordinaten"),
    "default-zero": "die Voreinstellung 0°/0°",
    "default-revit": "die Voreinstellung von Revit (Boston)",
    "no-origin": ("Das Modell hat keine Position des Standorts (IfcSite RefLatitude/"
                  "RefLongitude); site.origin entfällt"),
}

_EN = {
    "no-footprint": ("building '{building}': no outline could be found; draw the footprint in "
                     "the site file"),
    "no-footprint-area": ("building '{building}': the outline has no area ({area:.2f} m²); "
                          "check the drawing units"),
    "footprint-parts": ("building '{building}': the outline falls into {n} separate parts "
                        "({total:,.0f} m² in all); the largest ({largest:,.0f} m²) is used as "
                        "the footprint and the others ({others}) are left out: if they are "
                        "separate buildings, add them to the site file"),
    "holes-filled": ("building '{building}': {n} hole(s) inside the outline ({areas}) were "
                     "filled; add them as courtyards if they are open to the sky"),
    "no-storeys-building": "building '{building}': no storeys found",
    "level-unknown": ("building '{building}': {what} on level {level}, which is not a storey "
                      "of the building; left out"),
    "what-door": "a door", "what-stair": "a stair", "what-room": "a room",
    "what-window": "a window", "what-feature": "a {kind}",
    "door-off-outline": ("building '{building}': {n} exterior door(s) lie {nearest:.1f} to "
                         "{farthest:.1f} m from the footprint outline (more than {snap:g} m) "
                         "and are left out: add them by hand where they really are"),
    "doors-snapped": ("building '{building}': {n} exterior door(s) moved onto the outline (by "
                      "up to {by:.2f} m)"),
    "stair-outside": ("building '{building}': a stair lies {distance:.1f} m outside the "
                      "footprint; left out (add it by hand if it belongs to the building)"),
    "stair-moved": ("building '{building}': a stair just outside the footprint was moved "
                    "inside (by {distance:.2f} m)"),
    "room-numbers-unusable": ("building '{building}': {n} source room number(s) are no valid code (letters, digits, '.', '-' only; at most 16 characters): {numbers}; those rooms are left unnumbered"),
    "room-numbers-duplicate": ("building '{building}': {n} room(s) carry a room number another room already has: {numbers}; the first keeps it, the others are left unnumbered"),
    "rooms-clipped": ("building '{building}': {n} room outline(s) reaching outside the "
                      "footprint were clipped to it"),
    "room-too-many-vertices": (
        "building '{building}': {n} room outline(s) have up to {most:,} vertices (limit "
        "max_ring_vertices = {limit:,}); they are listed without an outline: simplify them in "
        "the source or raise the limit"),
    "rooms-outside": ("building '{building}': {n} room(s) lie outside the footprint; they are "
                      "listed without an outline"),
    "rooms-clipped-storey": ("building '{building}': {n} room outline(s) reaching outside "
                             "their storey's outline were clipped to it"),
    "rooms-outside-storey": ("building '{building}': {n} room(s) lie outside their storey's "
                             "outline; they are listed without an outline"),
    "storey-outline-clipped": ("building '{building}', level {level}: the storey's outline "
                               "reached {area:,.1f} m² beyond the footprint and was clipped to "
                               "it"),
    "storey-outline-unusable": ("building '{building}', level {level}: the storey's own outline "
                                "{why}; the building's footprint is used"),
    "why-outline-vertices": ("has {n:,} vertices (limit max_ring_vertices = {limit:,}) and is "
                             "left out"),
    "why-outline-empty": "has no area inside the footprint",
    "why-outline-parts": "falls into separate parts, which one outline cannot hold",
    "storeys-empty": ("building '{building}': {n} storey(s) without rooms, doors, stairs, "
                      "windows or features are left out: {storeys}"),
    "windows-off-outline": ("building '{building}': {n} window(s) more than {snap:g} m from the "
                            "footprint outline (roof lights, set-back storeys) are left out"),
    "width-implausible": ("building '{building}': {n} door or window width(s) of {least:g} to "
                          "{most:g} m are implausible (millimetres in a metre file?); those "
                          "widths are left out"),
    "site-feature-simplified": (
        "{n} site feature(s) have more points than the limits allow (max_line_points = "
        "{line_limit:,} per line, max_ring_vertices = {ring_limit:,} per outline); lines were "
        "simplified, outlines left out; raise the limits to keep them as drawn"),
    "plan-shifted": ("the plan coordinates lie {km:,.1f} km from (0, 0); the plan was shifted "
                     "by ({dx:g}, {dy:g}) m so that it starts near (0, 0)"),
    "several-main-entrances": ("{n} doors are marked as main entrance; only the first "
                               "('{door}' of building '{building}') is kept as main: check "
                               "which one it is"),
    "no-doors": ("the source has no doors at all: add the exterior doors (entrances, emergency "
                 "exits) to the site file by hand; none were invented"),
    "no-exterior-doors": ("none of the {n} doors lies on a building outline: add the exterior "
                          "doors to the site file by hand"),
    "no-main-entrance": ("no door is marked as the main entrance; set 'main: true' on it in "
                         "the site file"),
    "notes-capped": ("and {n:,} more note(s) not shown ({codes}; limit max_notes = {limit:,}); "
                     "raise the limit to see them all"),
    "options-ignored": "units and layers apply to DXF files only; ignored",
    "osm-bad-elements": "{n} element(s) without a valid id or position were skipped",
    "storeys-assumed": ("building '{building}' has no level information; one storey (level 0) "
                        "is assumed"),
    "level-range-too-wide": (
        "{n} level value(s) name ranges of more than {most:,} levels (limit "
        "max_levels_per_range); those elements were skipped: fix the level tags, or raise the "
        "limit"),
    "half-levels": ("{n} indoor element(s) only on half levels (such as 0.5: landings, "
                    "mezzanines) were skipped; the site model has whole storeys"),
    "no-level": "{n} indoor element(s) without a level tag were skipped",
    "outside-buildings": ("{n} indoor element(s) or door(s) outside every building outline "
                          "were skipped"),
    "osm-uses-unmapped": ("{n} of {total} rooms got no use (from room=*, amenity=*, "
                          "stairs/highway=elevator or their name){values}; set 'use' in the "
                          "site file where it matters"),
    "osm-room-values": "; room=* values without a match: {values}",
    "no-rooms": "building '{building}': no indoor=room elements",
    "unnamed-roads": ("{n} unnamed road way(s) (driveways, service roads) were not imported as "
                      "public roads; add fire lanes by hand"),
    "dxf-curves-coarse": ("{n} curve(s) would need more than {most:,} points (limit "
                          "max_curve_points) and were flattened more coarsely"),
    "dxf-entities-skipped": ("{n} entit(ies) too large to read were left out: {details}; "
                             "raise the limit to read them"),
    "dxf-repaired": "the DXF had {n} structural error(s); ezdxf repaired what it could",
    "dxf-units-override": "units: {units} as asked (the file declares {declared})",
    "dxf-rooms-polygonized": ("rooms on layer '{layer}' were formed from its lines and arcs "
                              "(no closed polylines)"),
    "dxf-rooms-from-walls": (
        "{n} room(s) were formed from the wall lines on layer(s) {layers}: of {faces} faces, "
        "{thin} are walls (thinner than 0.4 m) and {unlabelled} have no room label; {swings} "
        "door swing(s) were closed as doorways and {bridges} line end(s) within 5 cm were "
        "joined"),
    "dxf-walls-too-many": (
        "the wall lines on layer(s) {layers} are too many to form rooms from ({count}; limit "
        "max_wall_segments = {most:,}): cut the drawing down to the floor plan, raise the limit "
        "with --max-wall-segments, or name a room layer with --layers rooms=LAYER"),
    "dxf-walls-segments": "{n:,} segments",
    "dxf-walls-pairs": "more than {n:,} touching segment pairs",
    "dxf-walls-ends": "more than {n:,} line ends near other lines",
    "dxf-units-assumed": ("the file does not declare its units ($INSUNITS {code}); assumed "
                          "{units} (the building is then {size:,.0f} m across): pass --units if "
                          "that is wrong"),
    "dxf-units-implausible": ("with {units} as units the building is {size:,.1f} m across; if "
                              "that is wrong pass --units"),
    "dxf-labels": "{labelled} of {n} rooms got a label from layer '{layer}'{unplaced}{multi}",
    "dxf-labels-unplaced": ("; {n} label(s) lie outside every room (corridors, stairs) and are "
                            "not used"),
    "dxf-labels-multi": "; {n} room(s) hold several labels, the one nearest the middle is used",
    "dxf-no-rooms": ("no rooms found (no closed polylines on a room layer); name the layer "
                     "with --layers rooms=LAYER"),
    "dxf-footprint-from-rooms": (
        "no facade or outline layer: the footprint is the outline of all rooms (walls outside "
        "the rooms are missing); name the layer with --layers footprint=LAYER if there is one"),
    "dxf-no-door-blocks": ("the drawing has no door inserts{why}{swings}: doors cannot be read "
                           "from it"),
    "dxf-door-blocks-unused": " (door blocks such as {blocks} are defined but never inserted)",
    "dxf-door-swings": ("; {n} door swing arc(s) on layer '{layer}' are drawn as loose lines, "
                        "not door blocks"),
    "dxf-layers": ("layer roles: {roles}; footprint from {source}; units {units}; override "
                   "with --layers footprint=…,rooms=…,labels=…,doors=… and --units"),
    "dxf-source-layer": "layer '{layer}'",
    "dxf-source-rooms": "the outline of all rooms",
    "dxf-source-walls": "the outer boundary of the walls on layer(s) {layers}",
    "dxf-roles": "footprint={footprint}, rooms={rooms}, labels={labels}, doors={doors}",
    "dxf-role-walls": "(faces of the walls on {layers})",
    "dxf-role-rooms-outline": "(outline of the rooms)",
    "dxf-role-door-blocks": "(door blocks by name)",
    "dxf-one-storey": "a DXF plan is one floor: it is imported as storey 0",
    "imdf-bad-manifest": "manifest.json is not valid JSON; ignored",
    "imdf-unknown-file": "{name} is not an IMDF file{hint}; ignored",
    "imdf-did-you-mean": " (did you mean {name}.geojson?)",
    "imdf-bad-json": "{name} is not valid JSON ({error}); ignored",
    "imdf-bad-file": "{name} is not a GeoJSON FeatureCollection; ignored",
    "imdf-no-manifest": "no manifest.json; read as IMDF anyway",
    "imdf-no-venue": "no venue feature with a geometry; the site is centred on its levels",
    "imdf-bad-level": "{n} level(s) without a whole-number ordinal were skipped",
    "imdf-no-building": ("levels without a known building are imported as one building named "
                         "after the venue"),
    "imdf-building-without-levels": ("building '{building}' has no levels; it is left out (add "
                                     "it to the site file by hand if it matters)"),
    "imdf-footprint-from-level": ("building {building}: no ground footprint; the outline of "
                                  "level {level} is used"),
    "imdf-orphan-units": "{n} unit(s) without a known level or geometry were skipped",
    "imdf-orphan-openings": "{n} opening(s) without a known level or geometry were skipped",
    "imdf-several-principal": (
        "{n} exterior openings are 'pedestrian.principal' (main-entrance candidates: "
        "{candidates}); none is marked main: set 'main: true' on the right one"),
    "imdf-openings-interior": ("none of the {n} openings lies within {distance:g} m of its "
                               "level outline: all are imported as inner doors"),
    "ifc-schema": "schema {schema} is not IFC2X3 or IFC4; read anyway",
    "ifc-storeys": "storeys by elevation: {storeys}; level 0 is '{ground}'",
    "no-storeys": ("the model has no storeys (IfcBuildingStorey): everything is imported on "
                   "one storey, level 0; add the storeys in the site file if there are more"),
    "no-spaces": "the model has no spaces (IfcSpace): no rooms are imported",
    "ifc-footprint-all-storeys": ("the ground storey has no walls or spaces with geometry; the "
                                  "footprint is the outline of all storeys"),
    "ifc-exterior-doors": "building '{building}': {n} exterior door(s) of {total}{how}",
    "ifc-found-by": " found by {ways}",
    "ifc-upper-exterior-doors": (
        "building '{building}': {n} door(s) in the outline of upper storeys (balconies, "
        "bridges?) are imported as inner doors; change the kind of any that is a way out"),
    "ifc-openings": ("building '{building}': {n} open passage(s) without a door leaf (virtual "
                     "space boundaries, IfcVirtualElement) imported as inner doors with "
                     "'opening: true'{none}"),
    "ifc-openings-none": ("; {n} virtual element(s) give none: not between two spaces of one "
                          "storey ({storeys} between storeys), or their room outlines share "
                          "no boundary ({apart})"),
    "origin-default": ("the IfcSite position ({lat:.4f}, {lon:.4f}) is {default}, not the "
                       "building's; site.origin is left out: set it by hand (or fix it in the "
                       "BIM model) for maps with geo coordinates"),
    "default-zero": "the default 0°/0°",
    "default-revit": "Revit's default (Boston)",
    "no-origin": ("the model has no site position (IfcSite RefLatitude/RefLongitude); "
                  "site.origin is left out"),
}

SECTIONS = {"import.": {"de": _DE, "en": _EN}}
