"""The non-UI half of the Streamlit app (``app.py``): loading, editing, pinning, packaging, words.

Everything here is plain Python over the library's values, importable and testable without
Streamlit; ``app.py`` only lays out widgets, keeps session state and caches these calls.

* **Loading**: :func:`load_example` (a bundled example file), :func:`load_upload` (bytes held
  in memory, at most :data:`UPLOAD_LIMIT_MB`; site files are parsed in memory, building files go
  to ``orientation.io.import_bytes``, which contains crashes of the native parsers and leaves
  no temporary file). Any failure is an :class:`~orientation.errors.OrientationError` with a
  message (:func:`failure_text` words the ones that are not).
* **Text on the page**: names, addresses, messages and file names come from users' files, and
  Streamlit reads Markdown nearly everywhere: :func:`md_escape` makes them literal text.
  Both return a :class:`Loaded`: the validated :class:`~orientation.model.Site` and its
  :class:`Source` (the file's text, kept so that downloads keep the user's comments).
* **Tables**: ``*_rows`` give one plain ``dict`` per row for ``st.data_editor``/``st.dataframe``;
  :func:`apply_rows` writes edited rows back into a new, fully validated Site (an invalid edit
  raises :class:`~orientation.errors.SiteFileError` naming the row and what to do).
* **Pins**: :func:`freeze_codes` pins every assigned code into the Site in memory;
  :func:`site_text` and :func:`pinned_site_text` give the site file to download (comments and
  layout kept through ruamel.yaml's round trip when the file came as YAML).
* **Outputs**: :func:`plan_for` and :func:`render_for` take the Site as JSON text, so that a
  cache keyed by their arguments is keyed by the site's content; :func:`zip_outputs`.
* **Words**: :data:`TEXTS` (``de``/``en``) and :func:`tr`.
"""

from __future__ import annotations

import io
import json
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import LimitError, OrientationError, Problem, SiteFileError
from .io.pinning import edit_yaml_text, pin_text
from .io.site_file import DEFAULT_LIMITS, dump_site, site_from_bytes, site_from_data
from .layout.engine import PlanOptions, make_plan
from .model import EXTERIOR_DOOR_KINDS, DoorKind, Site
from .pipeline import Outputs, check_site, load_site, load_site_bytes, render_outputs
from .plan import SEVERITY_ORDER, Plan, Sign
from .profiles import DEFAULT_PROFILE, Profile, load_profile, profile_names

#: The largest upload the app accepts, in megabytes (also given to ``st.file_uploader``).
UPLOAD_LIMIT_MB = 20
UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024
#: Site files, read in memory.
SITE_SUFFIXES = (".yaml", ".yml", ".json")
#: Building files, handed to ``orientation.io.import_bytes`` (IMDF as one ``.zip``).
BUILDING_SUFFIXES = (".ifc", ".dxf", ".zip", ".osm")
PAPERS = ("A3", "A4")
LANGUAGES = ("de", "en")
DOOR_KINDS = tuple(k.value for k in DoorKind)
CODED_DOOR_KINDS = tuple(k.value for k in EXTERIOR_DOOR_KINDS)
#: Files offered one by one (the ZIP holds every file).
DOWNLOADS = ("signs.pdf", "maps.pdf", "proof.pdf", "schedule.pdf", "schedule.csv", "register.csv")
MIME = {".pdf": "application/pdf", ".csv": "text/csv", ".zip": "application/zip",
        ".yaml": "application/x-yaml", ".yml": "application/x-yaml", ".json": "application/json",
        ".svg": "image/svg+xml", ".geojson": "application/geo+json"}


# --- words -----------------------------------------------------------------------------------

TEXTS: dict[str, dict[str, str]] = {
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
            "Buchstabe festlegen", "col_landmark": "Name im Plan",
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
        "text_not_faithful": ("die Änderungen lassen sich nicht in den eigenen Text der Datei "
                              "schreiben, ohne andere Elemente mitzuändern (sie teilt Elemente "
                              "über YAML-Anker und -Aliase, & und *); damit der Text bleibt, "
                              "jedes geteilte Element ausschreiben"),
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
        "kind_entrance": "Eingang", "kind_emergency_exit": "Notausgang",
        "kind_fire_brigade": "Feuerwehrzugang", "kind_service": "Nebeneingang",
        "kind_inner": "Innentür", "kind_stair": "Treppe", "kind_room": "Raum",
        "kind_window": "Fenster", "kind_building": "Gebäude", "kind_side": "Seite",
        "kind_name": "Name", "kind_interior_door": "Tür innen",
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
        "col_landmark": "Name on map",
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
        "text_not_faithful": ("the changes cannot be written into the file's own text without "
                              "changing other elements too (it shares elements through YAML "
                              "anchors and aliases, & and *); to keep its text, write each "
                              "shared element out in full"),
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
        "kind_entrance": "Entrance", "kind_emergency_exit": "Emergency exit",
        "kind_fire_brigade": "Fire department access", "kind_service": "Service entrance",
        "kind_inner": "Inner door", "kind_stair": "Stair", "kind_room": "Room",
        "kind_window": "Window", "kind_building": "Building", "kind_side": "Side",
        "kind_name": "Name", "kind_interior_door": "Door (inside)",
    },
}


def tr(lang: str, key: str, **values: Any) -> str:
    """The interface text ``key`` in ``lang`` (``de``/``en``; others fall back to English),
    formatted with ``values``; an unknown key comes back as itself.

    >>> tr("de", "signs_shown", shown=24, total=317)
    '24 von 317 Schildern'
    >>> tr("fr", "metric_signs"), tr("en", "no-such-key")
    ('Signs', 'no-such-key')
    """
    table = TEXTS.get(lang, TEXTS["en"])
    text = table.get(key, TEXTS["en"].get(key, key))
    return text.format(**values) if values else text


def kind_word(lang: str, kind: str) -> str:
    """A marking, sign or door kind for people (``emergency_exit`` -> ``Notausgang``)."""
    return tr(lang, f"kind_{kind}") if f"kind_{kind}" in TEXTS["en"] else kind


def interface_language(choice: str, site: Site | None) -> str:
    """``de`` or ``en``: the sidebar's ``choice``, or for ``auto`` the profile's language."""
    if choice in LANGUAGES:
        return choice
    try:
        return load_profile(profile_of(site) if site else DEFAULT_PROFILE).language
    except OrientationError:
        return "en"


# --- loading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """Where the site came from. ``name``: file name offered for downloads (``.yaml`` for
    imported files); ``text``: the site file's text as loaded (an imported building's is the
    dumped site); ``imported_from``: the building file's name when it was imported;
    ``notes``: the importer's ``(severity, message)`` notes (what it could not find)."""

    name: str
    text: str
    imported_from: str | None = None
    notes: tuple[tuple[str, str], ...] = ()

    @property
    def suffix(self) -> str:
        s = Path(self.name).suffix.lower()
        return ".json" if s == ".json" else ".yaml"


@dataclass(frozen=True)
class Loaded:
    site: Site
    source: Source


def example_files(root: str | Path | None = None) -> dict[str, Path]:
    """The bundled examples, ``stem -> path``, the default (``gesamtschule``) first: the
    ``floorplans/`` folder next to ``app.py`` (``root``), else the package's ``examples``."""
    folders = [Path(root) / "floorplans"] if root else []
    folders.append(Path(__file__).parent / "examples")
    for folder in folders:
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if files:
            files.sort(key=lambda p: (p.stem != "gesamtschule", p.stem))
            return {p.stem: p for p in files}
    return {}


def load_example(path: str | Path) -> Loaded:
    """A bundled example, validated like any site file."""
    p = Path(path)
    site = load_site(p)
    return Loaded(site, Source(p.name, p.read_text(encoding="utf-8-sig")))


def _clean_name(name: str) -> str:
    """The last part of an uploaded file's name, safe as a file name (for downloads).

    >>> _clean_name("../../etc/Bau plan (1).IFC")
    'Bau_plan_1.IFC'
    >>> _clean_name("")
    'upload'
    """
    base = re.split(r"[\\/]", name)[-1]
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "upload"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix)
    return f"{stem}.{suffix}" if suffix else stem


def importer() -> Callable[..., Any] | None:
    """``orientation.io.import_bytes`` (the importers' entry point for uploads held in memory),
    or None when the importers are missing."""
    try:
        from .io import import_bytes
    except ImportError:
        return None
    return import_bytes


def load_upload(raw: bytes, name: str, *, lang: str = "en",
                limit_bytes: int = UPLOAD_LIMIT_BYTES) -> Loaded:
    """An uploaded file held in memory: a site file (YAML/JSON) is parsed in memory; a
    building file (IFC, DXF, IMDF ``.zip``, OSM) goes to ``orientation.io.import_bytes``, which
    runs the native parsers where a crash or a runaway is contained and leaves no temporary
    file behind. The app writes no file of its own.

    Raises :class:`~orientation.errors.OrientationError` with a message for people (in
    ``lang`` where the app words it; the library's messages are English).
    """
    name = re.split(r"[\\/]", name)[-1] or "upload"
    if len(raw) > limit_bytes:
        raise LimitError(tr(lang, "too_large", name=name, size=len(raw) / 1024 / 1024,
                            mb=limit_bytes // (1024 * 1024)))
    suffix = Path(name).suffix.lower()
    if suffix in SITE_SUFFIXES:
        try:
            site = load_site_bytes(raw, name=name)
        except OrientationError:
            raise
        except Exception as exc:  # noqa: BLE001 - a reader bug must not reach the page as a traceback
            raise OrientationError(tr(lang, "read_failed", name=name,
                                      msg=f"{type(exc).__name__}: {exc}")) from None
        return Loaded(site, Source(name, raw.decode("utf-8-sig")))
    if suffix not in BUILDING_SUFFIXES:
        raise OrientationError(tr(lang, "bad_type", name=name, suffix=suffix or "''",
                                  site=", ".join(SITE_SUFFIXES),
                                  building=", ".join(BUILDING_SUFFIXES)))
    import_bytes = importer()
    if import_bytes is None:
        raise OrientationError(tr(lang, "no_importers", name=name,
                                  building=", ".join(BUILDING_SUFFIXES)))
    try:
        result = import_bytes(raw, name=name)
        site = check_site(result.site, file=name)
        notes = tuple((n.severity, n.message + (f" [{n.element}]" if n.element else ""))
                      for n in result.notes)
        text = dump_site(site)
    except OrientationError:
        raise
    except Exception as exc:  # noqa: BLE001 - the app shows every failure as a message
        raise OrientationError(tr(lang, "import_failed", name=name,
                                  msg=f"{type(exc).__name__}: {exc}")) from None
    return Loaded(site, Source(f"{Path(_clean_name(name)).stem}.yaml", text,
                               imported_from=name, notes=notes))


# --- plan and outputs (cache-friendly: keyed by the site's JSON text) -------------------------


def profile_of(site: Site) -> str:
    """The profile the site names, else the default."""
    return site.profile or DEFAULT_PROFILE


def site_json(site: Site) -> str:
    """The site as JSON text: a cache key that changes exactly when the content does."""
    return site.model_dump_json()


def plan_for(site_json_text: str, *, paper: str = "A3") -> Plan:
    """The plan of a site given as :func:`site_json` text (the profile is the site's)."""
    site = Site.model_validate_json(site_json_text)
    return make_plan(site, load_profile(profile_of(site)), options=PlanOptions(
        paper=paper, date=site.site.date))


def render_for(site_json_text: str, *, paper: str = "A3",
               formats: Sequence[str] = ("svg", "pdf")) -> Outputs:
    """Every output file in memory (``render_outputs``) for a site given as JSON text."""
    site = Site.model_validate_json(site_json_text)
    return render_outputs(site, profile=load_profile(profile_of(site)), formats=tuple(formats),
                          paper=paper, date=site.site.date)


def map_pages(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """``page name -> SVG`` of the map booklet, in booklet order."""
    return {k[len("maps/"):-len(".svg")]: v for k, v in files.items()
            if k.startswith("maps/") and k.endswith(".svg")}


def sign_svgs(files: Mapping[str, bytes]) -> dict[str, bytes]:
    """``sign id -> SVG`` in plan order."""
    return {k[len("signs/"):-len(".svg")]: v for k, v in files.items()
            if k.startswith("signs/") and k.endswith(".svg")}


def svg_title(svg: bytes, default: str = "") -> str:
    """The ``<title>`` of an SVG page (the renderer writes the page title there).

    >>> svg_title(b'<svg><title>Lageplan &amp; Umgebung</title></svg>')
    'Lageplan & Umgebung'
    """
    import html

    m = re.search(rb"<title>(.*?)</title>", svg[:4000], re.S)
    return html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m else default


def svg_text(svg: bytes) -> str:
    """An SVG as text for ``st.image`` (which shows SVG markup as a picture)."""
    return svg.decode("utf-8")


def zip_outputs(files: Mapping[str, bytes], *, folder: str,
                extra: Mapping[str, bytes] | None = None) -> bytes:
    """A ZIP of the output files inside ``folder/``; byte-stable (fixed times and order)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for rel, data in {**files, **(extra or {})}.items():
            info = zipfile.ZipInfo(f"{folder}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def mime_of(name: str) -> str:
    return MIME.get(Path(name).suffix.lower(), "application/octet-stream")


# --- tables ----------------------------------------------------------------------------------


def _storey_names(site: Site) -> dict[tuple[str, int], str]:
    return {(b.id, s.level): s.name for b in site.buildings for s in b.storeys}


def _codes(plan: Plan) -> dict[str, str]:
    return {m.id: m.code for m in plan.markings}


def _building_names(site: Site, plan: Plan) -> dict[str, str]:
    letters = {b.id: b.letter for b in plan.buildings}
    return {b.id: f"{letters.get(b.id, '')} {b.name}".strip() for b in site.buildings}


def building_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Buildings: ``id``, ``name`` (editable), ``letter`` (now), ``pin`` (editable)."""
    letters = {b.id: b.letter for b in plan.buildings}
    return [{"id": b.id, "name": b.name, "letter": letters.get(b.id, ""), "pin": b.letter}
            for b in site.buildings]


def door_rows(site: Site, plan: Plan, lang: str = "en") -> list[dict[str, Any]]:
    """Doors: ``building``, ``id``, ``storey``, ``kind`` (editable), ``code`` (now),
    ``pin`` (editable; exterior doors only)."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": d.id,
             "storey": storeys.get((b.id, d.level), str(d.level)), "kind": d.kind.value,
             "code": codes.get(f"{b.id}/{d.id}", ""), "pin": d.label}
            for b in site.buildings for d in b.doors]


def stair_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Stairs: ``building``, ``id``, ``storeys``, ``name`` (editable), ``code``, ``pin``."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": s.id,
             "storeys": ", ".join(storeys.get((b.id, lv), str(lv)) for lv in sorted(s.levels)),
             "name": s.name, "code": codes.get(f"{b.id}/{s.id}", ""), "pin": s.label}
            for b in site.buildings for s in b.stairs]


def room_rows(site: Site, plan: Plan) -> list[dict[str, Any]]:
    """Rooms: ``building``, ``id``, ``storey``, ``name`` and ``landmark`` (editable), ``code``,
    ``pin``."""
    codes, names, storeys = _codes(plan), _building_names(site, plan), _storey_names(site)
    return [{"building": names[b.id], "bid": b.id, "id": r.id,
             "storey": storeys.get((b.id, r.level), str(r.level)), "name": r.name,
             "landmark": r.landmark, "code": codes.get(f"{b.id}/{r.id}", ""), "pin": r.number}
            for b in site.buildings for r in b.rooms]


#: editable columns of each table -> the site key they write (``None``: a kept column)
EDITABLE = {
    "buildings": {"name": "name", "pin": "letter"},
    "doors": {"kind": "kind", "pin": "label"},
    "stairs": {"name": "name", "pin": "label"},
    "rooms": {"name": "name", "landmark": "landmark", "pin": "number"},
}
TABLE_ROWS = {"buildings": building_rows, "doors": door_rows, "stairs": stair_rows,
              "rooms": room_rows}


def blank(value: Any) -> str | None:
    """A table cell as text, or None when empty (None, NaN, blank text).

    >>> blank(float("nan")), blank("  "), blank(" E1 "), blank(3)
    (None, None, 'E1', '3')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def _cell(table: str, column: str, value: Any) -> Any:
    if column == "landmark":
        return bool(value) if blank(value) is not None else False
    text = blank(value)
    if table == "buildings" and column == "pin" and text:
        return text.upper()  # letters are capitals; a lower-case "b" means B
    return text


def rows_changed(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]],
                 table: str) -> bool:
    """Whether any editable cell differs (empty cells in any spelling count as equal)."""
    cols = EDITABLE[table]
    if len(before) != len(after):
        return True
    return any(_cell(table, c, a.get(c)) != _cell(table, c, b.get(c))
               for a, b in zip(before, after) for c in cols)


def apply_rows(site: Site, table: str, rows: Iterable[Mapping[str, Any]]) -> Site:
    """A new Site with the editable cells of ``rows`` (one table: ``buildings``, ``doors``,
    ``stairs`` or ``rooms``) written in; validated like a site file, so an invalid edit raises
    :class:`~orientation.errors.SiteFileError` listing every problem (``buildings[0].doors[3]
    .label: 'E 1' is not allowed: …``). Rows are matched by building and element id."""
    if table not in EDITABLE:
        raise OrientationError(f"unknown table '{table}'; choose from: {', '.join(EDITABLE)}")
    cols = EDITABLE[table]
    data = site.model_dump(mode="json", exclude_none=True)
    by_key: dict[tuple[str, str], dict[str, Any]] = {}
    for b in data["buildings"]:
        if table == "buildings":
            by_key[(b["id"], b["id"])] = b
        else:
            for el in b.get(table, []):
                by_key[(b["id"], el["id"])] = el
    for row in rows:
        bid = str(row.get("bid") or row.get("id"))
        key = (bid, str(row.get("id")))
        target = by_key.get(key)
        if target is None:
            continue  # rows are made from the site; an unknown row was not
        for col, site_key in cols.items():
            value = _cell(table, col, row.get(col))
            if value is None or value is False:  # no pin / not a landmark: the default
                target.pop(site_key, None)
            else:
                target[site_key] = value
    return _validated(data)


def _validated(data: dict[str, Any], *, file: str = "edits") -> Site:
    site = site_from_data(data, file=file, limits=DEFAULT_LIMITS)
    return check_site(site, file=file)


def exterior_doors(site: Site, plan: Plan) -> list[tuple[str, str]]:
    """``(building/door id, "E1 · Hauptgebäude · d-haupteingang")`` for the main-entrance
    choice, in plan order (E1 first)."""
    codes = _codes(plan)
    names = {b.id: b.name for b in site.buildings}
    order = {m.id: i for i, m in enumerate(plan.markings)}
    out = [(f"{b.id}/{d.id}", f"{codes.get(f'{b.id}/{d.id}', '?')} · {names[b.id]} · {d.id}")
           for b in site.buildings for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS]
    return sorted(out, key=lambda o: order.get(o[0], len(order)))


def main_door(site: Site) -> str | None:
    """``building/door`` of the main entrance, or None."""
    return next((f"{b.id}/{d.id}" for b in site.buildings for d in b.doors if d.main), None)


def set_main_door(site: Site, door: str | None) -> Site:
    """A new Site whose main entrance is ``door`` (``building/door``; None: none)."""
    data = site.model_dump(mode="json", exclude_none=True)
    for b in data["buildings"]:
        for d in b.get("doors", []):
            d.pop("main", None)
            if door == f"{b['id']}/{d['id']}":
                d["main"] = True
    return _validated(data)


def set_profile(site: Site, profile: str) -> Site:
    """A new Site that names ``profile`` (one of :func:`profile_names`)."""
    names = profile_names()
    if profile not in names:
        raise OrientationError(f"unknown profile '{profile}'; choose one of: {', '.join(names)}")
    return site.model_copy(update={"profile": profile})


def freeze_codes(site: Site, plan: Plan) -> tuple[Site, int]:
    """Pin every code of ``plan`` into ``site`` in memory (door and stair ``label``, room
    ``number``, building ``letter``): the new Site and the number of pins added. Existing
    pins are kept; the codes do not change."""
    codes = {m.id: m.code for m in plan.markings}
    letters = {b.id: b.letter for b in plan.buildings}
    added = 0
    buildings = []
    for b in site.buildings:
        upd: dict[str, Any] = {}
        if b.letter is None and b.id in letters:
            upd["letter"] = letters[b.id]
            added += 1
        for key, pin, coded in (("doors", "label", CODED_DOOR_KINDS), ("stairs", "label", None),
                                ("rooms", "number", None)):
            new = []
            for el in getattr(b, key):
                code = codes.get(f"{b.id}/{el.id}")
                kind_ok = coded is None or el.kind.value in coded
                if getattr(el, pin) is None and code and kind_ok:
                    el = el.model_copy(update={pin: code})
                    added += 1
                new.append(el)
            upd[key] = new
        buildings.append(b.model_copy(update=upd))
    if not added:
        return site, 0
    return _validated(site.model_copy(update={"buildings": buildings})
                      .model_dump(mode="json", exclude_none=True)), added


def marking_rows(plan: Plan, lang: str = "en") -> list[dict[str, Any]]:
    """The markings table: ``code``, ``kind`` (in words), ``building``, ``storey``, ``side``,
    ``grid``, ``name``, ``pinned``, in plan order."""
    names = {b.id: f"{b.letter} {b.name}".strip() for b in plan.buildings}
    storeys = {(b.id, lv): n for b in plan.buildings for lv, n in zip(b.levels, b.level_names)}

    def storey(m) -> str:
        if m.levels and len(m.levels) > 1:
            return f"{storeys.get((m.building, m.levels[0]), m.levels[0])} – " \
                   f"{storeys.get((m.building, m.levels[-1]), m.levels[-1])}"
        if m.level is None:
            return ""
        return storeys.get((m.building, m.level), str(m.level))

    return [{"code": m.code, "kind": kind_word(lang, m.kind), "building": names.get(m.building,
             m.building), "storey": storey(m), "side": m.side or "", "grid": m.grid or "",
             "name": m.name or "", "pinned": m.pinned} for m in plan.markings]


def findings_by_severity(plan: Plan) -> list[tuple[str, list[dict[str, str]]]]:
    """``[(severity, [{"element", "code", "message", "fix"}, …]), …]`` errors first; the
    element named as people know it (``E1 · main/d-haupteingang``, ``A Hauptgebäude``);
    ``fix`` is the key of a text saying where in the app to fix it (or empty)."""
    markings = {m.id: m for m in plan.markings}
    buildings = {b.id: f"{b.letter} {b.name}".strip() for b in plan.buildings}

    def element(e: str) -> str:
        if e in buildings:
            return buildings[e]
        m = markings.get(e)
        return f"{m.code} · {e}" if m else e

    groups: dict[str, list[dict[str, str]]] = {}
    for f in sorted(plan.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9)):
        groups.setdefault(f.severity, []).append(
            {"element": element(f.element), "code": f.code, "message": f.message,
             "fix": f"fix_{f.code}" if f"fix_{f.code}" in TEXTS["en"] else ""})
    return list(groups.items())


def sign_caption(sign: Sign, lang: str = "en", *, inches: bool = False) -> str:
    """``E1 · 800 × 400 mm`` for the gallery; the kind is named when the sign itself does
    not say it (``1 · Entrance · 12 × 12 in``); ``inches`` for an inch profile's panels."""
    from .compose.common import format_size

    code = " ".join(sign.text.split())
    w_in, h_in = sign.width_mm / 25.4, sign.height_mm / 25.4
    if inches and abs(w_in - round(w_in)) < 0.01 and abs(h_in - round(h_in)) < 0.01:
        size = f"{round(w_in)} × {round(h_in)} in"
    else:
        size = format_size(sign.width_mm, sign.height_mm, lang, unit=True)
    parts = [code] + ([] if sign.subtext else [kind_word(lang, sign.kind)]) + [size]
    return " · ".join(parts)


def uses_inches(profile: Profile) -> bool:
    """Whether the profile's panels are whole inches (the US profile): captions in inches."""
    from .compose.common import uses_inches as _uses_inches

    return _uses_inches(profile)


def signs_of_kind(plan: Plan, kind: str | None) -> list[Sign]:
    """The plan's signs of one kind (all for None), in plan order."""
    return [s for s in plan.signs if kind is None or s.kind == kind]


def sign_kinds(plan: Plan) -> list[str]:
    """The kinds of sign in the plan, in the order they first appear."""
    return list(dict.fromkeys(s.kind for s in plan.signs))


def counts(site: Site, plan: Plan) -> dict[str, int]:
    """The numbers at the top of the page."""
    sev = [f.severity for f in plan.findings]
    return {
        "buildings": len(site.buildings),
        "doors": sum(1 for b in site.buildings for d in b.doors if d.kind in EXTERIOR_DOOR_KINDS),
        "stairs": sum(len(b.stairs) for b in site.buildings),
        "rooms": sum(len(b.rooms) for b in site.buildings),
        "signs": len(plan.signs),
        "errors": sev.count("error"),
        "warnings": sev.count("warning"),
    }


# --- the site file to download ---------------------------------------------------------------


def _sync(data: Any, site: Site) -> None:
    """Write the app's editable fields of ``site`` into parsed site data (in place): names,
    door kinds, the main entrance, landmarks, the profile, and pins the file already has
    (changed or removed). Pins the file does not have yet are left to :func:`_new_pins`,
    which hands them to :mod:`orientation.io.pinning` (and so to its check for mappings that
    YAML anchors and aliases share)."""

    def put(m: Any, key: str, value: Any, *, default: Any = None, after: str | None = None,
            add: bool = True):
        if value == default or value is None:
            if key in m:
                del m[key]
            return
        if key in m:
            if m[key] != value:
                m[key] = value
            return
        if not add:
            return
        insert = getattr(m, "insert", None)
        if insert is not None and after in m:
            insert(list(m.keys()).index(after) + 1, key, value)
        else:
            m[key] = value

    put(data, "profile", site.profile, after="site")
    buildings = {b.id: b for b in site.buildings}
    for bd in data.get("buildings", []) or []:
        b = buildings.get(bd.get("id"))
        if b is None:
            continue
        put(bd, "name", b.name, after="id")
        put(bd, "letter", b.letter, after="name", add=False)
        for key, pin in (("doors", "label"), ("stairs", "label"), ("rooms", "number")):
            els = {e.id: e for e in getattr(b, key)}
            for ed in bd.get(key, []) or []:
                e = els.get(ed.get("id"))
                if e is None:
                    continue
                if key == "doors":
                    put(ed, "kind", e.kind.value, after="level")
                    put(ed, "main", e.main or None, after="kind")
                    put(ed, pin, e.label, after="kind", add=False)
                else:
                    put(ed, "name", e.name, after="id" if key == "stairs" else "level")
                    put(ed, pin, getattr(e, pin), after="id", add=False)
                    if key == "rooms":
                        put(ed, "landmark", e.landmark or None, after="name")


def _new_pins(site: Site) -> tuple[dict[str, str], dict[str, str]]:
    """Every pin of ``site`` as ``pin_text`` takes them: ``building/element -> code`` and
    ``building -> letter`` (``pin_text`` adds those the file lacks and keeps the others)."""
    codes = {f"{b.id}/{e.id}": getattr(e, pin) for b in site.buildings
             for key, pin in (("doors", "label"), ("stairs", "label"), ("rooms", "number"))
             for e in getattr(b, key) if getattr(e, pin)}
    return codes, {b.id: b.letter for b in site.buildings if b.letter}


def _edited_text(source: Source, site: Site) -> str:
    """The loaded text with ``site``'s edits written in (comments, order and layout kept), or
    :class:`~orientation.errors.SiteFileError` when it cannot take them faithfully."""
    if source.suffix == ".json":
        data = json.loads(source.text)
        _sync(data, site)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = edit_yaml_text(source.text, lambda data: _sync(data, site), file=source.name)
    codes, letters = _new_pins(site)
    text, _ = pin_text(text, suffix=source.suffix, codes=codes, letters=letters,
                       file=source.name)  # refuses pins into mappings YAML aliases share
    if site_from_bytes(text.encode("utf-8"), name=source.name) != site:
        raise SiteFileError(source.name, [Problem("", tr("en", "text_not_faithful"))])
    return text


def site_text(source: Source, site: Site, *, strict: bool = False) -> str:
    """The site file as it stands now: the loaded text with the app's edits written in
    (comments, order and layout kept; new pins go through :func:`orientation.io.pinning
    .pin_text`), or, when that cannot reproduce ``site`` exactly (the file shares elements
    through YAML aliases, say), the site dumped afresh in the source's format. With
    ``strict`` that case raises :class:`~orientation.errors.SiteFileError` saying why."""
    fmt = "json" if source.suffix == ".json" else "yaml"
    try:
        if site_from_bytes(source.text.encode("utf-8"), name=source.name) == site:
            return source.text  # nothing edited: the file exactly as it came
        return _edited_text(source, site)
    except OrientationError:
        if strict:
            raise
    except Exception as exc:  # noqa: BLE001 - any round-trip trouble: fall back to a fresh dump
        if strict:
            raise SiteFileError(source.name, [Problem("", tr(
                "en", "text_not_faithful") + f" ({type(exc).__name__}: {exc})")]) from None
    return dump_site(site, fmt=fmt)


def _may_share_elements(source: Source) -> bool:
    """Whether the loaded text could share elements between places: only YAML with an anchor
    (``&name``) can; a quick look that spares the round trip for every other file."""
    return source.suffix != ".json" and re.search(r"&[^\s,\[\]{}]", source.text) is not None


def site_text_problem(source: Source, site: Site) -> str | None:
    """Why the downloads of ``site`` cannot keep the loaded file's own text (and are written
    afresh, without its comments), as Markdown for ``st.error``; None when they can. Only a
    file that shares elements through YAML anchors and aliases can be such a case."""
    if not _may_share_elements(source):
        return None
    try:
        site_text(source, site, strict=True)
    except OrientationError as exc:
        return problem_text(exc)
    return None


def pinned_text_problem(source: Source, site: Site, plan: Plan) -> str | None:
    """:func:`site_text_problem` of the site with every code of ``plan`` pinned (the download
    :func:`pinned_site_text`)."""
    if not _may_share_elements(source):
        return None
    try:
        frozen, _ = freeze_codes(site, plan)
    except OrientationError as exc:
        return problem_text(exc)
    return site_text_problem(source, frozen)


def failure_text(exc: BaseException, *, name: str, lang: str = "en") -> str:
    """Any failure as Markdown for ``st.error``: a library error's own words
    (:func:`problem_text`), anything else (a bug, MemoryError, an error of a package the
    importers use) as "unexpected error" naming the file and the exception, never a traceback."""
    if isinstance(exc, OrientationError):
        return problem_text(exc)
    return md_escape(tr(lang, "unexpected", name=name, msg=f"{type(exc).__name__}: {exc}"),
                     lines=True)


def pinned_site_text(source: Source, site: Site, plan: Plan, *, strict: bool = False) -> str:
    """:func:`site_text` with every code of ``plan`` pinned (existing pins kept): the site of
    :func:`freeze_codes` written into the loaded text through ``io.pinning.pin_text``. A file
    whose elements YAML aliases share cannot take the pins (two rooms would get one code): it
    is written afresh, or with ``strict`` that raises ``io.pinning``'s
    :class:`~orientation.errors.SiteFileError` naming the key paths."""
    frozen, _ = freeze_codes(site, plan)
    return site_text(source, frozen, strict=strict)


def pinned_name(source: Source) -> str:
    """``gesamtschule-pinned.yaml``."""
    p = Path(source.name)
    return f"{p.stem}-pinned{source.suffix if p.suffix.lower() != '.yml' else '.yml'}"


#: Every ASCII punctuation character: CommonMark lets each be backslash-escaped, and escaping all
#: of them leaves no Markdown, HTML, table, LaTeX (``$``), Streamlit directive (``:red[…]``) or
#: icon (``:material/…:``) in the text.
_MD_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_MD_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
#: Streamlit's Markdown turns some patterns in the text into links or pictures *after* the
#: escapes are read (GFM autolinks ``www.x``, ``http://x``, ``a@b.c``; emoji and ``:streamlit:``
#: shortcodes): an invisible WORD JOINER (U+2060) after ``:`` and ``@`` and inside ``www.``
#: breaks each of those patterns without changing what a reader sees.
WORD_JOINER = "\u2060"
_MD_AUTOLINK = re.compile(r"(\\[:@])|(?i:(www)(?=\\\.))")


def md_escape(text: Any, *, lines: bool = False) -> str:
    r"""Text shown literally in Streamlit Markdown (names, addresses, messages and file names
    come from files and uploads; ``st.title``, ``st.caption``, ``st.error``, ``st.image``
    captions, expander labels and ``st.markdown`` all read Markdown). Line breaks become
    spaces, or with ``lines`` Markdown hard breaks; tabs become spaces.

    >>> md_escape("WC_1 *neu* [alt]")
    'WC\\_1 \\*neu\\* \\[alt\\]'
    >>> md_escape("![t](x) <b>&amp;")
    '\\!\\[t\\]\\(x\\) \\<b\\>\\&amp\\;'
    >>> md_escape("a@b.c www.x :smile:").replace(WORD_JOINER, "|")
    'a\\@|b\\.c www|\\.x \\:|smile\\:|'
    """
    text = str(text).replace("\t", " ")
    text = _MD_PUNCT.sub(r"\\\1", text)
    text = _MD_AUTOLINK.sub(lambda m: (m.group(1) or m.group(2)) + WORD_JOINER, text)
    return _MD_LINE_BREAKS.sub("  \n" if lines else " ", text)


def md_unescape(markdown: str) -> str:
    r"""The text a reader sees of :func:`md_escape`'d Markdown (for tests and logs).

    >>> md_unescape(md_escape("[x](http://y) *z* \\ 1.5 www.a"))
    '[x](http://y) *z* \\ 1.5 www.a'
    """
    text = markdown.replace(WORD_JOINER, "")
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text).replace("  \n", "\n")


def example_title(path: str | Path) -> str:
    """The site name of an example file, or its file name when it cannot be read."""
    try:
        return load_site(path).site.name
    except OrientationError:
        return Path(path).name


def problem_text(exc: BaseException) -> str:
    """An error as Markdown for ``st.error``: the library's words escaped (they quote file
    names, values and key paths from the user's files), problems one per line."""
    if isinstance(exc, SiteFileError) and len(exc.problems) > 1:
        head = md_escape(f"{exc.file}: {len(exc.problems)} problems:")
        return head + "\n" + "\n".join(
            "- " + md_escape(f"{p.path}: " if p.path else "") + md_escape(p.message, lines=True)
            for p in exc.problems)
    return md_escape(str(exc), lines=True)


__all__ = [
    "BUILDING_SUFFIXES", "DOOR_KINDS", "DOWNLOADS", "EDITABLE", "LANGUAGES", "Loaded",
    "PAPERS", "SITE_SUFFIXES", "Source", "TABLE_ROWS", "TEXTS", "UPLOAD_LIMIT_BYTES",
    "UPLOAD_LIMIT_MB", "WORD_JOINER", "apply_rows", "blank", "building_rows", "counts",
    "door_rows", "example_files", "example_title", "exterior_doors", "failure_text",
    "findings_by_severity", "freeze_codes", "importer", "interface_language", "kind_word",
    "load_example", "load_upload", "main_door", "map_pages", "marking_rows", "md_escape",
    "md_unescape", "mime_of", "pinned_name", "pinned_site_text", "pinned_text_problem",
    "plan_for", "problem_text", "profile_of", "render_for", "room_rows", "rows_changed",
    "set_main_door", "set_profile", "sign_caption", "sign_kinds", "sign_svgs", "signs_of_kind",
    "site_json", "site_text", "site_text_problem", "stair_rows", "svg_text", "svg_title", "tr",
    "uses_inches", "zip_outputs",
]
