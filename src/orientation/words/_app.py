"""The app's interface words (``app.<key>``): everything the Streamlit page says besides
the library's words (kinds, findings, the maps). ``fix_<finding code>`` says where in the app
a finding is fixed."""

from __future__ import annotations

SECTIONS = {"app.": {
    "de": {
        "app_title": "Orientierungssystem für Einsatzkräfte",
        "app_intro": ("Gebäude laden, Codes und Schilder prüfen, Hinweise beheben, Druckdateien "
                      "herunterladen. Jede Änderung plant sofort neu."),
        "lang_label": "Sprache · Language",
        "lang_help": "Auto: wie das Profil · Auto: as the profile",
        "load_header": "1 · Gebäude laden",
        "example_label": "Beispiel",
        "example_none": "– eigene Datei –",
        "upload_label": "Oder eigene Datei hochladen",
        "upload_help": ("Standortdatei (YAML oder JSON) oder Gebäudedatei (IFC, DXF, IMDF als "
                        "ZIP, OSM), höchstens {mb} MB."),
        "loaded_from": "Geladen: **{name}**",
        "imported_from": "Importiert aus **{name}**",
        "download_site": "Standortdatei herunterladen",
        "download_site_help": "Die Standortdatei mit allen Änderungen aus den Tabellen.",
        "reset": "Änderungen verwerfen",
        "reset_help": "Lädt die Datei neu, wie sie hochgeladen oder gewählt wurde.",
        "settings_header": "2 · Einstellungen",
        "profile_label": "Profil (Regelwerk)",
        "paper_label": "Papier der Einsatzpläne",
        "paper_A3": "A3 quer", "paper_A4": "A4 hoch",
        "metric_buildings": "Gebäude", "metric_doors": "Außentüren", "metric_stairs": "Treppen",
        "metric_rooms": "Räume", "metric_signs": "Schilder", "metric_problems": "Fehler / Warnungen",
        "findings_header": "Hinweise",
        "import_notes": "Was beim Import von {name} auffiel ({n})",
        "fix_no-main-entrance": "Hier beheben: Bearbeiten › Haupteingang.",
        "fix_duplicate-code": "Hier beheben: Bearbeiten › Spalte „Code festlegen“ (oder leeren).",
        "fix_ambiguous-glyph": "Hier beheben: Bearbeiten › anderen Code oder Buchstaben festlegen.",
        "fix_inner-door-on-outline": "Hier beheben: Bearbeiten › Außen- und Innentüren › Art.",
        "fix_no-road": ("Straßen lassen sich hier nicht zeichnen: in der Standortdatei unter "
                        "site_features ergänzen und neu hochladen."),
        "findings_none": "Keine Hinweise: der Plan ist vollständig.",
        "sev_error": "Fehler", "sev_warning": "Warnung", "sev_info": "Hinweis",
        "tab_maps": ":material/map: Pläne", "tab_signs": ":material/signpost: Schilder",
        "tab_codes": ":material/tag: Codes", "tab_edit": ":material/edit: Bearbeiten",
        "tab_get": ":material/download: Druckdateien",
        "maps_page": "Planseite",
        "maps_caption": "{page} – so, wie sie in maps.pdf gedruckt wird.",
        "maps_none": "Noch keine Pläne: {why}",
        "signs_filter": "Art",
        "signs_all": "alle",
        "signs_shown": "{shown} von {total} Schildern",
        "signs_more": "Weitere {n} zeigen",
        "codes_caption": "Alle Codes am Gebäude, wie im Register (register.csv).",
        "codes_filter": "Art",
        "col_code": "Code", "col_kind": "Art", "col_building": "Gebäude", "col_storey": "Geschoss",
        "col_storeys": "Geschosse", "col_side": "Seite", "col_grid": "Planquadrat",
        "col_name": "Name", "col_pinned": "festgelegt", "col_id": "Element",
        "col_pin": "Code festlegen", "col_letter": "Buchstabe", "col_pin_letter":
            "Buchstabe festlegen", "col_landmark": "Name im Plan", "col_use": "Nutzung",
        "edit_intro": ("Geänderte Zellen gelten sofort. Leere Felder bei „festlegen“ bedeuten: "
                       "das Programm vergibt den Code. Änderbar sind die Spalten mit Stift-Symbol."),
        "edit_profile_note": "Das Profil steht links unter Einstellungen.",
        "main_entrance": "Haupteingang (dort beginnt die Zählung: E1 bzw. Tür 1, Seite A)",
        "main_none": "– keiner –",
        "edit_buildings": "Gebäude", "edit_doors": "Außen- und Innentüren",
        "edit_stairs": "Treppen", "edit_rooms": "Räume",
        "freeze": "Alle Codes festschreiben",
        "freeze_help": ("Schreibt jeden jetzt vergebenen Code als festen Code in die "
                        "Standortdatei, damit spätere Änderungen gedruckte Schilder nicht "
                        "umnummerieren."),
        "frozen": "{n} Codes festgeschrieben.",
        "frozen_none": "Alle Codes waren schon festgeschrieben.",
        "edit_rejected": "Änderung nicht übernommen: {msg}",
        "get_intro": ("Druckfertige Dateien zum aktuellen Stand. Das ZIP enthält alles, dazu die "
                      "Standortdatei."),
        "about_signs.pdf": "Für den Schilderhersteller: jedes Schild in Originalgröße.",
        "about_maps.pdf": "Für die Feuerwehr: Lageplan mit Raster und alle Geschosspläne.",
        "about_proof.pdf": "Alle Schilder auf wenigen Seiten, zur Freigabe mit Polizei und "
                           "Feuerwehr.",
        "about_schedule.pdf": "Mengen, Größen und Richtpreise für die Bestellung.",
        "about_schedule.csv": "Die Schilderliste für die Tabellenkalkulation.",
        "about_register.csv": "Alle Codes mit Planquadrat, für die Leitstelle.",
        "get_zip": "Alles als ZIP",
        "get_signs.pdf": "Schilder (signs.pdf)", "get_maps.pdf": "Einsatzpläne (maps.pdf)",
        "get_proof.pdf": "Freigabe-Übersicht (proof.pdf)",
        "get_schedule.pdf": "Schilderliste (schedule.pdf)",
        "get_schedule.csv": "Schilderliste (schedule.csv)",
        "get_register.csv": "Register (register.csv)",
        "get_pinned": "Standortdatei mit festen Codes",
        "get_pinned_help": ("Die Standortdatei, in der jeder vergebene Code festgeschrieben ist: "
                            "so bleiben gedruckte Schilder gültig."),
        "get_unavailable": "Druckdateien sind gerade nicht verfügbar: {why}",
        "text_kept_not": ("Die Standortdatei lässt sich nicht in ihrer eigenen Form "
                          "weiterschreiben, die Downloads schreiben sie neu (ohne Kommentare): "
                          "{msg}"),
        "unexpected": ("{name}: unerwarteter Fehler ({msg}). Bitte den Fehler mit der Datei "
                       "melden."),
        "error_load": "Datei nicht geladen: {msg}",
        "error_render": "Bilder nicht erstellt: {msg}",
        "too_large": ("{name} ist {size:.1f} MB groß; erlaubt sind höchstens {mb} MB. Bei einem "
                      "großen Gebäudemodell: nur die benötigten Geschosse exportieren."),
        "bad_type": ("{name}: Dateiart {suffix} wird nicht gelesen. Erlaubt: Standortdatei "
                     "({site}) oder Gebäudedatei ({building})."),
        "no_importers": ("{name}: Gebäudedateien ({building}) können hier noch nicht importiert "
                         "werden (Importer nicht verfügbar). Bitte eine Standortdatei (YAML oder "
                         "JSON) hochladen."),
        "import_failed": "{name}: Import fehlgeschlagen: {msg}",
        "read_failed": ("{name}: die Datei ließ sich nicht lesen ({msg}). Bitte die Datei "
                        "prüfen und den Fehler mit der Datei melden."),
        # kinds only the app names (the others: orientation.words.word, ``kind.<kind>``)
        "kind_inner": "Innentür", "kind_side": "Seite",
    },
    "en": {
        "app_title": "Orientation signage for emergency responders",
        "app_intro": ("Load a building, check every code and sign, fix what the findings say, "
                      "download the print files. Every change re-plans at once."),
        "lang_label": "Sprache · Language",
        "lang_help": "Auto: wie das Profil · Auto: as the profile",
        "load_header": "1 · Load a building",
        "example_label": "Example",
        "example_none": "– own file –",
        "upload_label": "Or upload your own file",
        "upload_help": ("Site file (YAML or JSON) or building file (IFC, DXF, IMDF as ZIP, "
                        "OSM), at most {mb} MB."),
        "loaded_from": "Loaded: **{name}**",
        "imported_from": "Imported from **{name}**",
        "download_site": "Download site file",
        "download_site_help": "The site file with every change made in the tables.",
        "reset": "Discard changes",
        "reset_help": "Reloads the file as it was uploaded or chosen.",
        "settings_header": "2 · Settings",
        "profile_label": "Profile (rule set)",
        "paper_label": "Paper of the responder maps",
        "paper_A3": "A3 landscape", "paper_A4": "A4 portrait",
        "metric_buildings": "Buildings", "metric_doors": "Exterior doors", "metric_stairs": "Stairs",
        "metric_rooms": "Rooms", "metric_signs": "Signs", "metric_problems": "Errors / warnings",
        "findings_header": "Findings",
        "import_notes": "What the import of {name} noticed ({n})",
        "fix_no-main-entrance": "Fix it here: Edit › Main entrance.",
        "fix_duplicate-code": "Fix it here: Edit › “Pin code” column (or clear it).",
        "fix_ambiguous-glyph": "Fix it here: Edit › pin another code or letter.",
        "fix_inner-door-on-outline": "Fix it here: Edit › Exterior and inner doors › Kind.",
        "fix_no-road": ("Roads cannot be drawn here: add them to the site file under "
                        "site_features and upload it again."),
        "findings_none": "No findings: the plan is complete.",
        "sev_error": "Error", "sev_warning": "Warning", "sev_info": "Note",
        "tab_maps": ":material/map: Plans", "tab_signs": ":material/signpost: Signs",
        "tab_codes": ":material/tag: Codes", "tab_edit": ":material/edit: Edit",
        "tab_get": ":material/download: Print files",
        "maps_page": "Map page",
        "maps_caption": "{page} – as printed in maps.pdf.",
        "maps_none": "No maps yet: {why}",
        "signs_filter": "Kind",
        "signs_all": "all",
        "signs_shown": "{shown} of {total} signs",
        "signs_more": "Show {n} more",
        "codes_caption": "Every code on the buildings, as in the register (register.csv).",
        "codes_filter": "Kind",
        "col_code": "Code", "col_kind": "Kind", "col_building": "Building", "col_storey": "Floor",
        "col_storeys": "Floors", "col_side": "Side", "col_grid": "Grid",
        "col_name": "Name", "col_pinned": "pinned", "col_id": "Element",
        "col_pin": "Pin code", "col_letter": "Letter", "col_pin_letter": "Pin letter",
        "col_landmark": "Name on map", "col_use": "Use",
        "edit_intro": ("Edited cells apply at once. An empty “pin” cell means: the program assigns "
                       "the code. Columns with a pencil icon can be edited."),
        "edit_profile_note": "The profile is on the left under Settings.",
        "main_entrance": "Main entrance (numbering starts here: E1 or door 1, side A)",
        "main_none": "– none –",
        "edit_buildings": "Buildings", "edit_doors": "Exterior and inner doors",
        "edit_stairs": "Stairs", "edit_rooms": "Rooms",
        "freeze": "Freeze all codes",
        "freeze_help": ("Writes every code assigned now into the site file as a pin, so that "
                        "later changes never renumber printed signs."),
        "frozen": "{n} codes frozen.",
        "frozen_none": "Every code was already frozen.",
        "edit_rejected": "Change not applied: {msg}",
        "get_intro": ("Print-ready files of the current state. The ZIP holds all of them and the "
                      "site file."),
        "about_signs.pdf": "For the sign maker: every sign at true size.",
        "about_maps.pdf": "For the fire department: site plan with grid and every floor plan.",
        "about_proof.pdf": "All signs on a few pages, for approval by police and fire "
                           "department.",
        "about_schedule.pdf": "Quantities, sizes and budget prices for ordering.",
        "about_schedule.csv": "The sign schedule for spreadsheets.",
        "about_register.csv": "Every code with its grid cell, for the dispatch centre.",
        "get_zip": "Everything as ZIP",
        "get_signs.pdf": "Signs (signs.pdf)", "get_maps.pdf": "Responder maps (maps.pdf)",
        "get_proof.pdf": "Proof for approval (proof.pdf)",
        "get_schedule.pdf": "Sign schedule (schedule.pdf)",
        "get_schedule.csv": "Sign schedule (schedule.csv)",
        "get_register.csv": "Register (register.csv)",
        "get_pinned": "Site file with frozen codes",
        "get_pinned_help": ("The site file with every assigned code pinned, so that printed "
                            "signs stay valid."),
        "get_unavailable": "Print files are not available right now: {why}",
        "text_kept_not": ("The site file cannot keep its own text with these changes, so the "
                          "downloads write it afresh (without its comments): {msg}"),
        "unexpected": "{name}: unexpected error ({msg}). Please report this error with the file.",
        "error_load": "File not loaded: {msg}",
        "error_render": "Pictures not made: {msg}",
        "too_large": ("{name} is {size:.1f} MB; the limit is {mb} MB. For a large building "
                      "model, export only the storeys you need."),
        "bad_type": ("{name}: files of type {suffix} are not read. Allowed: a site file ({site}) "
                     "or a building file ({building})."),
        "no_importers": ("{name}: building files ({building}) cannot be imported here yet "
                         "(importers not available). Please upload a site file (YAML or JSON)."),
        "import_failed": "{name}: import failed: {msg}",
        "read_failed": ("{name}: the file could not be read ({msg}). Please check the file and "
                        "report this error with it."),
        "kind_inner": "Inner door", "kind_side": "Side",
    },
}}
