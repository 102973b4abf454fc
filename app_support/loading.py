"""Loading a site into the app: a bundled example, or an upload held in memory.

:func:`load_example` and :func:`load_upload` (at most :data:`UPLOAD_LIMIT_MB`; site files are
parsed in memory, building files go to ``orientation.io.import_bytes``, which contains crashes
of the native parsers and leaves no temporary file) both return a :class:`Loaded`: the
validated Site and its :class:`Source` (the file's text, kept so that downloads keep the
user's comments). Any failure is an :class:`~orientation.errors.OrientationError` with a
message in the app's language where the app words it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orientation
from orientation.errors import ImportError_, InputError, LimitError, OrientationError
from orientation.io import ImportNote
from orientation.io.site_file import dump_site
from orientation.model import EXTERIOR_DOOR_KINDS, Site
from orientation.pipeline import check_site, load_site, load_site_bytes

from .words import tr

#: The largest upload the app accepts, in megabytes (also given to ``st.file_uploader``).
UPLOAD_LIMIT_MB = 20
UPLOAD_LIMIT_BYTES = UPLOAD_LIMIT_MB * 1024 * 1024
#: Site files, read in memory.
SITE_SUFFIXES = (".yaml", ".yml", ".json")
#: Building files, handed to ``orientation.io.import_bytes`` (IMDF as one ``.zip``).
BUILDING_SUFFIXES = (".ifc", ".dxf", ".zip", ".osm")


def _input_error(message: str, name: str) -> InputError:
    err = InputError(message)
    err.file = name
    return err


@dataclass(frozen=True)
class Source:
    """Where the site came from. ``name``: file name offered for downloads (``.yaml`` for
    imported files); ``text``: the site file's text as loaded (an imported building's is the
    dumped site); ``imported_from``: the building file's name when it was imported;
    ``notes``: the importer's notes (what it could not find or changed), each an
    :class:`~orientation.io.ImportNote` that reads in the app's language
    (:func:`note_text`)."""

    name: str
    text: str
    imported_from: str | None = None
    notes: tuple[ImportNote, ...] = ()

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
    folders.append(Path(orientation.__file__).parent / "examples")
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
        from orientation.io import import_bytes
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
            raise _input_error(tr(lang, "read_failed", name=name,
                                  msg=f"{type(exc).__name__}: {exc}"), name) from None
        return Loaded(site, Source(name, raw.decode("utf-8-sig")))
    if suffix not in BUILDING_SUFFIXES:
        raise _input_error(tr(lang, "bad_type", name=name, suffix=suffix or "''",
                              site=", ".join(SITE_SUFFIXES),
                              building=", ".join(BUILDING_SUFFIXES)), name)
    import_bytes = importer()
    if import_bytes is None:
        raise ImportError_(tr(lang, "no_importers", name=name,
                              building=", ".join(BUILDING_SUFFIXES)))
    try:
        result = import_bytes(raw, name=name)
        site = check_site(result.site, file=name)
        notes = tuple(result.notes)
        text = dump_site(site)
    except OrientationError:
        raise
    except Exception as exc:  # noqa: BLE001 - the app shows every failure as a message
        raise ImportError_(tr(lang, "import_failed", name=name,
                              msg=f"{type(exc).__name__}: {exc}")) from None
    return Loaded(site, Source(f"{Path(_clean_name(name)).stem}.yaml", text,
                               imported_from=name, notes=notes))


def note_text(lang: str, note: ImportNote) -> str:
    """An import note's sentence in ``lang``, with the source element it is about.

    >>> n = ImportNote.worded("warning", "no-main-entrance", "way/7", "import.no-main-entrance")
    >>> note_text("de", n)[:34], note_text("en", n)[-9:]
    ('Keine Tür ist als Haupteingang mar', 'e [way/7]')
    """
    return note.text(lang) + (f" [{note.element}]" if note.element else "")


#: import notes about something the site lacks -> whether a site still lacks it
_LACKS: dict[str, Callable[[Site], bool]] = {
    "no-doors": lambda site: not any(b.doors for b in site.buildings),
    "no-exterior-doors": lambda site: not any(
        d.kind in EXTERIOR_DOOR_KINDS for b in site.buildings for d in b.doors),
    "no-main-entrance": lambda site: not any(d.main for b in site.buildings for d in b.doors),
}


def current_notes(notes: tuple[ImportNote, ...] | list[ImportNote],
                  site: Site) -> list[ImportNote]:
    """The import notes that still hold for ``site`` as edited: a note that the source had
    no doors, no exterior doors or no main entrance is gone once the site has them (the notes
    are about the file as imported; the editor may have added what it lacked)."""
    return [n for n in notes if n.code not in _LACKS or _LACKS[n.code](site)]


def example_title(path: str | Path) -> str:
    """The site name of an example file, or its file name when it cannot be read."""
    try:
        return load_site(path).site.name
    except OrientationError:
        return Path(path).name


__all__ = ["BUILDING_SUFFIXES", "current_notes", "SITE_SUFFIXES", "UPLOAD_LIMIT_BYTES", "UPLOAD_LIMIT_MB",
           "Loaded", "Source", "example_files", "example_title", "importer", "load_example",
           "load_upload", "note_text"]
