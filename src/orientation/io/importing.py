"""Importing building files into a :class:`~orientation.model.Site`: one dispatch table.

``import_file(path)`` picks the importer from the file suffix (:data:`IMPORTERS`): ``.ifc``
(ifcopenshell, extra ``ifc``), ``.dxf`` (ezdxf, extra ``dxf``), an IMDF folder, ``.zip``, or a
``.geojson``/``.json`` file inside an IMDF folder, and ``.osm`` (OSM indoor XML). It returns an
:class:`ImportResult`: the site and the notes saying what could not be found or was changed.
Every site it returns passes :func:`orientation.io.site_file.site_from_data`.

House rule: **importers convert, they do not decide.** No label, code or room number is
invented: the source's room numbers are kept as they are (``renumber_rooms=True`` leaves them
out, for the layout engine's numbers); no door, exit, or main entrance is invented. The door-kind rule of every importer:

* a door is **exterior** when the source says so or it lies on the building outline (each
  importer's docstring says how it tells); all other doors are ``inner``;
* an exterior door is an ``emergency_exit`` **only** where the source says so (OSM
  ``entrance=emergency``, IMDF ``emergencyexit``, IFC ``Pset_DoorCommon.FireExit``, a DXF door
  block named like an emergency exit); ``service`` only where the source says service; every
  other exterior door, including one whose purpose the source does not give, is an
  ``entrance`` - the neutral kind: a way in and out of the building, which the layout engine
  codes E1, E2 …; a site with wrongly typed emergency exits would send responders to doors
  that may be locked from outside, while an extra entrance code is harmless;
* ``main: true`` only where the source marks a main entrance (OSM ``entrance=main``, a single
  IMDF ``pedestrian.principal`` opening); otherwise a ``no-main-entrance`` note.

Foreign errors (XML, JSON, zip, ezdxf, ifcopenshell, OS) are translated into
:class:`~orientation.errors.ImportError_` naming the file and what to do; a missing optional
package gives :class:`~orientation.errors.MissingDependencyError` with the extra to install.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypedDict, get_args

from ..errors import (
    ImportError_,
    LimitError,
    MissingDependencyError,
    OrientationError,
    SiteFileError,
)
from ..fileio import InputFileError, read_input_bytes
from ..model import Site
from ._limits import DEFAULT_IMPORT_LIMITS, ImportLimits
from ._notes import ImportNote, Notes, Severity

Units = Literal["m", "cm", "mm", "in", "ft"]
LayerRole = Literal["footprint", "rooms", "labels", "doors"]
Format = Literal["ifc", "dxf", "imdf", "osm"]


class _Options(TypedDict):
    """The reader options handed to :func:`_convert` (through a contained import's request)."""

    units: Units | None
    layers: dict[str, str] | None
    keep_room_numbers: bool


#: Suffix -> format. A folder holding ``manifest.json`` or ``venue.geojson`` is IMDF too.
IMPORTERS: dict[str, Format] = {
    ".ifc": "ifc",
    ".dxf": "dxf",
    ".zip": "imdf",
    ".geojson": "imdf",
    ".json": "imdf",
    ".osm": "osm",
}

#: Format -> (what it is, the optional extra it needs or None).
FORMATS: dict[Format, tuple[str, str | None]] = {
    "ifc": ("IFC building model (IFC2X3, IFC4)", "ifc"),
    "dxf": ("DXF floor plan", "dxf"),
    "imdf": ("IMDF indoor map (folder or .zip)", None),
    "osm": ("OpenStreetMap XML with indoor tagging", None),
}


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import produced: the ``site`` (valid ``orientation/site@1``), the ``notes``
    (what could not be found or was changed, in the order found), the source ``format``."""

    site: Site
    notes: tuple[ImportNote, ...]
    format: Format

    def by_severity(self, severity: Severity) -> tuple[ImportNote, ...]:
        return tuple(n for n in self.notes if n.severity == severity)

    def codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.notes)


def supported() -> str:
    """The supported inputs, for messages: ``'.ifc, .dxf, …, or an IMDF folder'``."""
    return ", ".join(IMPORTERS) + ", or an IMDF folder"


def detect_format(path: Path) -> Format:
    """The format of ``path`` by suffix (or IMDF folder); OrientationError when unknown."""
    from .imdf import is_imdf_folder

    if path.is_dir():
        if is_imdf_folder(path):
            return "imdf"
        raise ImportError_(f"{path}: this folder is not an IMDF archive (no manifest.json or "
                           f"venue.geojson in it); importable: {supported()}")
    fmt = IMPORTERS.get(path.suffix.lower())
    if fmt is None:
        raise ImportError_(f"{path}: cannot import '{path.suffix or path.name}' files; "
                           f"importable: {supported()}. Site files (.yaml, .json) are read "
                           "directly, without import")
    if fmt == "imdf" and path.suffix.lower() in (".geojson", ".json") \
            and not is_imdf_folder(path.parent):
        raise ImportError_(f"{path}: a single {path.suffix} file is not an IMDF archive; "
                           "import the IMDF folder (with manifest.json and venue.geojson) or "
                           "its .zip. A site file in JSON is read directly, without import")
    return fmt


def _check_options(units: str | None, layers: dict[str, str] | None) -> None:
    if units is not None and units not in get_args(Units):
        raise ImportError_(f"unknown units {units!r}; choose one of "
                           f"{', '.join(get_args(Units))}")
    if layers is not None:
        if not isinstance(layers, dict):
            raise ImportError_("layers must map roles to layer names, e.g. "
                               "{'footprint': 'A-WALL-EXT', 'rooms': 'A-AREA'}")
        bad = [k for k in layers if k not in get_args(LayerRole)]
        if bad:
            raise ImportError_(f"unknown layer role(s) {', '.join(map(repr, bad))}; choose from "
                               f"{', '.join(get_args(LayerRole))}")


def _check_file(p: Path, file: str, limits: ImportLimits) -> None:
    """A single import file must be a regular file within ``max_file_bytes``: a FIFO would
    block forever and a device such as ``/dev/zero`` never ends (its size reads 0)."""
    try:
        st = os.stat(p)
    except OSError as exc:
        raise ImportError_(f"{file}: cannot read it: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else "a device"
                if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a socket"
                if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise ImportError_(f"{file}: is {kind}, not a file; name a regular building file")
    if st.st_size > limits.max_file_bytes:
        raise LimitError(f"{file}: the file has {st.st_size:,} bytes (limit max_file_bytes = "
                         f"{limits.max_file_bytes:,}); cut it down to the site, or raise the "
                         "limit (--max-import-mb)")


def read_source(path: Path, file: str, limits: ImportLimits) -> bytes:
    """The bytes of one import file (regular files only, at most ``max_file_bytes``)."""
    try:
        return read_input_bytes(path, max_bytes=limits.max_file_bytes, what="file",
                                limit_name="max_file_bytes, --max-import-mb")
    except InputFileError as exc:
        raise ImportError_(str(exc).replace(str(path), file, 1)) from None


def _convert(fmt: Format, source: Path, *, file: str, data: bytes | None = None,
             units: Units | None = None, layers: dict[str, str] | None = None,
             keep_room_numbers: bool = False,
             limits: ImportLimits = DEFAULT_IMPORT_LIMITS) -> tuple[dict, list[ImportNote]]:
    """Run the reader of ``fmt`` on ``source`` (or on ``data``, the bytes of a file named like
    ``source``): site-file data and notes. Foreign exceptions become ImportError_ here. This
    is what runs in the child process of a contained import."""
    notes = Notes(limits.max_notes)
    if fmt != "dxf" and (units is not None or layers):
        notes.info("options-ignored")
    reader = _reader(fmt)
    try:
        if fmt == "dxf":
            out = reader(source, file=file, notes=notes, units=units, layers=layers,
                         keep_room_numbers=keep_room_numbers, limits=limits, data=data)
        else:
            out = reader(source, file=file, notes=notes, keep_room_numbers=keep_room_numbers,
                         limits=limits, data=data)
    except KeyboardInterrupt:
        raise
    except OrientationError as exc:
        if str(exc).startswith(file) or type(exc) not in (ImportError_, LimitError):
            raise
        raise type(exc)(f"{file}: {exc}") from None  # every message names the file
    except MemoryError:
        raise LimitError(f"{file}: out of memory while importing (limit max_memory_mb = "
                         f"{limits.max_memory_mb:,} MB in a contained import); the file is too "
                         "large for this machine: cut it down to the site") from None
    except RecursionError:
        raise ImportError_(f"{file}: the file is nested too deeply to import") from None
    except Exception as exc:  # noqa: BLE001 - the boundary: nothing foreign escapes
        raise ImportError_(f"{file}: cannot import this {FORMATS[fmt][0]} "
                           f"({type(exc).__name__}: {str(exc)[:300]}); check that it opens in "
                           "its own program, and report the file if it does") from None
    return out, notes.close()


def _finish(fmt: Format, file: str, data: dict, notes: list[ImportNote],
            limits: ImportLimits) -> ImportResult:
    if not isinstance(data, dict) or not data.get("buildings"):
        why = "; ".join(n.message for n in notes if n.severity == "error")
        raise ImportError_(f"{file}: no building could be imported" + (f": {why}" if why else ""))
    from dataclasses import replace

    from .site_file import DEFAULT_LIMITS, site_from_data

    # the outline budgets of the import are the ones the imported site is validated with
    site_limits = replace(DEFAULT_LIMITS, max_ring_vertices=limits.max_ring_vertices,
                          max_line_points=limits.max_line_points)
    try:
        site = site_from_data(data, file=file, limits=site_limits)
    except SiteFileError as exc:
        raise ImportError_(f"{file}: the imported site does not validate (an importer bug: "
                           f"please report it with the file):\n{exc}") from None
    return ImportResult(site=site, notes=tuple(notes), format=fmt)


def _keep(renumber_rooms: bool, keep_room_numbers: bool | None) -> bool:
    """Whether the readers keep the source's room numbers (``keep_room_numbers`` is the
    deprecated alias of ``not renumber_rooms``)."""
    return not renumber_rooms and keep_room_numbers is not False


def import_file(path: str | Path, *, units: Units | None = None,
                layers: dict[str, str] | None = None,
                renumber_rooms: bool = False, limits: ImportLimits | None = None,
                contained: bool = True, keep_room_numbers: bool | None = None) -> ImportResult:
    """Import a building file into a site.

    ``units`` (DXF only) overrides the drawing units: ``m``, ``cm``, ``mm``, ``in``, ``ft``.
    ``layers`` (DXF only) names layers by role: ``footprint``, ``rooms``, ``labels``, ``doors``.
    By default the source's room numbers (OSM ``ref``, IFC space ``Name`` by the rule of
    :mod:`orientation.io.ifc`, IMDF unit ``alt_name``/``name``, the number in a DXF label) are
    kept as the rooms' ``number``; one that is no valid code, or that an earlier room of the
    building already has, is left out with a note. ``renumber_rooms=True`` leaves all of them
    out: the layout engine numbers the rooms. ``keep_room_numbers`` is a deprecated alias:
    ``True`` is the default behaviour, ``False`` means ``renumber_rooms=True``.
    ``limits`` (:class:`ImportLimits`) bounds the work a file can cause. ``contained``
    (default) runs the reader in a child process with a memory and time limit
    (:mod:`orientation.io.contained`), so that a crash of a native parser is an error, not
    the end of the program; ``contained=False`` reads in this process (tests, debugging).

    Raises :class:`~orientation.errors.ImportError_` (a file that cannot be imported, with what
    to do), :class:`~orientation.errors.LimitError` (a budget of ``limits`` is exceeded: the
    message names it), :class:`~orientation.errors.MissingDependencyError` (``ifc``/``dxf``
    extra missing); never a foreign exception.
    """
    limits = DEFAULT_IMPORT_LIMITS if limits is None else limits
    if not isinstance(limits, ImportLimits):
        raise ImportError_("limits must be an orientation.io.ImportLimits")
    p = Path(path)
    file = str(path)
    _check_options(units, layers)
    try:
        if not p.exists():
            raise ImportError_(f"{file}: no such file or folder; check the path")
    except OSError as exc:
        raise ImportError_(f"{file}: cannot read it: {exc.strerror or exc}") from None
    fmt = detect_format(p)
    if not p.is_dir():
        _check_file(p, file, limits)
    _reader(fmt)  # a missing extra is told here, without starting a process
    source = p.parent if fmt == "imdf" and p.is_file() and p.suffix.lower() != ".zip" else p
    options: _Options = {"units": units, "layers": layers,
                         "keep_room_numbers": _keep(renumber_rooms, keep_room_numbers)}
    if contained:
        from .contained import run_import

        data, notes, _ = run_import(fmt, source, file=file, options=options, limits=limits)
    else:
        data, notes = _convert(fmt, source, file=file, limits=limits, **options)
    return _finish(fmt, file, data, notes, limits)


def import_bytes(data: bytes, *, name: str, units: Units | None = None,
                 layers: dict[str, str] | None = None,
                 renumber_rooms: bool = False, limits: ImportLimits | None = None,
                 contained: bool = True, keep_room_numbers: bool | None = None) -> ImportResult:
    """Import an uploaded file held in memory (the app). ``name`` gives the suffix and the
    file name in messages; IMDF must be uploaded as ``.zip``. The bytes are handed to the
    reader directly (in a contained import: on the child's standard input): nothing is
    written to disk, so nothing is left behind, whatever happens. Options as
    :func:`import_file`."""
    limits = DEFAULT_IMPORT_LIMITS if limits is None else limits
    if not isinstance(limits, ImportLimits):
        raise ImportError_("limits must be an orientation.io.ImportLimits")
    suffix = Path(name).suffix.lower()
    if suffix in (".geojson", ".json"):
        raise ImportError_(f"{name}: upload an IMDF archive as one .zip file")
    fmt = IMPORTERS.get(suffix)
    if fmt is None:
        raise ImportError_(f"{name}: cannot import '{suffix or name}' files; importable: "
                           + ", ".join(s for s in IMPORTERS if s not in (".geojson", ".json")))
    _check_options(units, layers)
    data = bytes(data)
    if len(data) > limits.max_file_bytes:
        raise LimitError(f"{name}: the file has {len(data):,} bytes (limit max_file_bytes = "
                         f"{limits.max_file_bytes:,}); cut it down to the site, or raise the "
                         "limit")
    _reader(fmt)
    # keep the uploaded file's own name: importers name the site after it
    stem = re.sub(r"[^A-Za-z0-9._ -]", "_", Path(name).stem)[:80] or "upload"
    source = Path(f"{stem}{suffix}")
    options: _Options = {"units": units, "layers": layers,
                         "keep_room_numbers": _keep(renumber_rooms, keep_room_numbers)}
    if contained:
        from .contained import run_import

        site, notes, _ = run_import(fmt, source, file=name, data=data, options=options,
                                    limits=limits)
    else:
        site, notes = _convert(fmt, source, file=name, data=data, limits=limits, **options)
    return _finish(fmt, name, site, notes, limits)


def _reader(fmt: Format) -> Callable[..., dict]:
    if fmt == "ifc":
        try:
            import ifcopenshell  # noqa: F401
        except ImportError:
            raise MissingDependencyError("importing IFC files", "ifc") from None
        from .ifc import read_ifc

        return read_ifc
    if fmt == "dxf":
        try:
            import ezdxf  # noqa: F401
        except ImportError:
            raise MissingDependencyError("importing DXF files", "dxf") from None
        from .dxf import read_dxf

        return read_dxf
    if fmt == "imdf":
        from .imdf import read_imdf

        return read_imdf
    from .osm import read_osm

    return read_osm


__all__ = [
    "DEFAULT_IMPORT_LIMITS",
    "FORMATS",
    "IMPORTERS",
    "ImportLimits",
    "ImportNote",
    "ImportResult",
    "LayerRole",
    "Units",
    "detect_format",
    "import_bytes",
    "import_file",
    "read_source",
    "supported",
]
