"""read -> plan -> compose -> render -> write, narrated step by step.

Every stage is a function from one immutable value to the next; only :func:`write_outputs`
touches the disk, and it writes **all or nothing**: the files go to a temporary folder beside
the target, which replaces the target at the end. On any error or interrupt the target is as
it was and no temporary folder is left.

**Only an output folder is ever replaced.** Every output folder carries a marker file,
``.orientation-output`` (JSON: program, version, format id, site file name, the files
written). A target is written only when it does not exist, is empty, or carries the marker and
holds nothing but the files listed in it; anything else is refused with an
:class:`~orientation.errors.OutputError` and left untouched. The site file (and the baseline
``plan.json`` of ``--since``) may never lie inside the target.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import OrientationError, OutputError, SiteFileError
from .io.site_file import DEFAULT_LIMITS, Limits, read_site, site_from_bytes
from .layout.engine import PlanOptions, make_plan
from .layout.geometry import geometry_problems
from .model import Site
from .plan import Plan
from .profiles import Profile, load_profile

FORMATS = ("svg", "pdf")


def check_site(site: Site, *, file: str) -> Site:
    """Raise :class:`SiteFileError` with every geometric problem of a structurally valid site."""
    problems = geometry_problems(site)
    if problems:
        raise SiteFileError(file, problems)
    return site


def load_site(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> Site:
    """Read and fully validate a site file (structure, cross-references, geometry)."""
    return check_site(read_site(path, limits=limits), file=str(path))


def load_site_bytes(raw: bytes, *, name: str, limits: Limits = DEFAULT_LIMITS) -> Site:
    """Like :func:`load_site` for a file held in memory (the app's uploads)."""
    return check_site(site_from_bytes(raw, name=name, limits=limits), file=name)


def resolve_profile(site: Site, profile: str | None) -> Profile:
    """The profile named on the command line, else the site's, else the default."""
    return load_profile(profile or site.profile or "guetersloh")


@dataclass(frozen=True)
class Outputs:
    """Rendered files: relative path -> bytes, in writing order; ``timings`` per stage (s).

    ``signs_written``: the signs among the files (all of the plan's, or those to add or
    reprint with ``--since``); ``map_pages``: the responder-map pages (in maps.pdf and/or
    maps/*.svg); ``out_dir``: the folder :func:`render` wrote them to.
    """

    files: dict[str, bytes]
    plan: Plan
    timings: dict[str, float] = field(default_factory=dict)
    signs_written: int = 0
    map_pages: int = 0
    out_dir: Path | None = None


def render_outputs(site: Site, *, profile: Profile, formats: Iterable[str] = FORMATS,
                   paper: str = "A3", language: str | None = None, date: str | None = None,
                   crop_marks: bool = False, reserved: frozenset[str] = frozenset(),
                   only_signs: Iterable[str] | None = None) -> Outputs:
    """Plan the site and render every output file in memory.

    ``only_signs``: ids of the signs to write (``render --since``); the schedule then counts
    only those. ``formats``: ``svg``, ``pdf`` or both.
    """
    from . import exports
    from .compose import maps as compose_maps
    from .compose import schedule as compose_schedule
    from .compose import signs as compose_signs
    from .render.pdf import render_pdf
    from .render.svg import render_svg

    formats = tuple(formats)
    for f in formats:
        if f not in FORMATS:
            raise OrientationError(f"unknown format '{f}'; choose from: {', '.join(FORMATS)}")
    t: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        t[name] = t.get(name, 0.0) + now - clock
        clock = now

    plan = make_plan(site, profile, options=PlanOptions(paper=paper, date=date, reserved=reserved,
                                                        language=language))
    lap("plan")
    signs = plan.signs
    if only_signs is not None:
        keep = set(only_signs)
        signs = tuple(s for s in signs if s.id in keep)
    sub = plan if only_signs is None else _with_signs(plan, signs)
    sign_pages = [compose_signs.sign_page(s, profile, crop_marks=crop_marks) for s in signs]
    proof = compose_signs.proof_pages(sub, profile)
    rows = compose_schedule.schedule_rows(sub, profile)
    schedule_pages = compose_schedule.schedule_pages(sub, profile)
    map_pages = compose_maps.map_pages(site, plan, profile, paper=paper, language=language)
    lap("compose")

    files: dict[str, bytes] = {}
    files["plan.json"] = plan.to_json().encode()
    files["register.csv"] = exports.register_csv(plan).encode()
    files["markings.geojson"] = exports.markings_geojson(plan).encode()
    files["schedule.csv"] = exports.schedule_csv(rows, compose_schedule.schedule_total(rows)).encode()
    lap("exports")
    if "svg" in formats:
        for page in sign_pages:
            files[f"signs/{page.name}.svg"] = render_svg(page)
        for page in map_pages:
            files[f"maps/{page.name}.svg"] = render_svg(page)
        lap("svg")
    if "pdf" in formats:
        colours = sorted({f"{s.background_name}" for s in signs} | {s.foreground_name for s in signs})
        meta = {"subject": f"{plan.site_name} – {plan.profile}", "keywords": ", ".join(colours)}
        files["signs.pdf"] = render_pdf(sign_pages, title=f"{plan.site_name}: signs", **meta)
        files["proof.pdf"] = render_pdf(proof, title=f"{plan.site_name}: proof", **meta)
        files["schedule.pdf"] = render_pdf(schedule_pages, title=f"{plan.site_name}: schedule",
                                           **meta)
        files["maps.pdf"] = render_pdf(map_pages, title=f"{plan.site_name}: responder maps",
                                       **meta)
        lap("pdf")
    return Outputs(files=files, plan=plan, timings=t, signs_written=len(signs),
                   map_pages=len(map_pages))


def _with_signs(plan: Plan, signs) -> Plan:
    return replace(plan, signs=tuple(signs))


# -- the output folder: ours or refused ---------------------------------------------------------

MARKER = ".orientation-output"
"""The file written into every output folder; a folder carrying it may be replaced."""

MARKER_FORMAT = "orientation/output@1"

# What an output folder of a version before the marker held: accepted without a marker only
# when nothing else is in it and its plan.json is one of ours.
_LEGACY_FILES = frozenset({"plan.json", "register.csv", "markings.geojson", "schedule.csv",
                           "signs.pdf", "proof.pdf", "schedule.pdf", "maps.pdf"})
_LEGACY_FOLDERS = frozenset({"signs", "maps"})
_MAX_MARKER_BYTES = 64_000_000


def marker_bytes(files: Iterable[str], *, source: str | None = None) -> bytes:
    """The marker file's content: program, version, format id, site file name and the files
    written (so that a later run can tell them from anything a user put beside them)."""
    from . import __version__

    return (json.dumps({"program": "orientation", "version": __version__,
                        "format": MARKER_FORMAT, "site": source,
                        "files": sorted(files)}, ensure_ascii=False, indent=1) + "\n").encode()


def _manifest(folder: str) -> set[str] | None:
    """The files listed in ``folder``'s marker, or None when it has no valid marker."""
    from .fileio import read_input_bytes

    try:
        raw = read_input_bytes(os.path.join(folder, MARKER), max_bytes=_MAX_MARKER_BYTES)
        data = json.loads(raw)
    except (OrientationError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("program") != "orientation" \
            or data.get("format") != MARKER_FORMAT:
        return None
    files = data.get("files")
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        return None
    return set(files)


def _legacy_manifest(folder: str) -> set[str] | None:
    """Files of an output folder written before the marker existed, or None if it is not one."""
    plan = os.path.join(folder, "plan.json")
    try:
        if not stat.S_ISREG(os.lstat(plan).st_mode):
            return None
        with open(plan, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return None
    if b'"format": "orientation/plan@1"' not in head:
        return None
    names: set[str] = set()
    try:
        for e in os.scandir(folder):
            if e.name in _LEGACY_FILES and e.is_file(follow_symlinks=False):
                names.add(e.name)
            elif e.name in _LEGACY_FOLDERS and e.is_dir(follow_symlinks=False):
                for f in os.scandir(e.path):
                    if f.name.endswith(".svg") and f.is_file(follow_symlinks=False):
                        names.add(f"{e.name}/{f.name}")
                    else:
                        return None
            else:
                return None
    except OSError:
        return None
    return names


def foreign_entries(folder: str | Path) -> list[str]:
    """Paths (relative, sorted) inside an existing folder that orientation did not write.

    Empty for an empty folder and for an earlier output (one with the marker file, or a
    pre-marker output holding only the files render writes). A symbolic link or any file not
    listed in the marker counts as foreign: replacing the folder would lose it.
    """
    folder = os.fspath(folder)
    try:
        top = sorted(os.listdir(folder))
    except OSError as exc:
        raise OutputError(f"cannot read the output folder {folder}: {_os_message(exc)}") from None
    if not top:
        return []
    listed = _manifest(folder)
    if listed is None:
        listed = _legacy_manifest(folder)
        if listed is None:
            return top
    else:
        listed = listed | {MARKER}
    dirs = {os.path.dirname(f) for f in listed}
    for d in list(dirs):
        while d:
            d = os.path.dirname(d)
            dirs.add(d)
    foreign: list[str] = []

    def walk(path: str, rel: str) -> None:
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            foreign.append(rel or ".")
            return
        for e in entries:
            r = f"{rel}/{e.name}" if rel else e.name
            if e.is_dir(follow_symlinks=False) and r in dirs:
                walk(e.path, r)
            elif not (e.is_file(follow_symlinks=False) and r in listed):
                foreign.append(r)

    walk(folder, "")
    return foreign


def check_output_folder(target: str | Path, *, protect: Iterable[str | Path] = ()) -> None:
    """Refuse, with an :class:`OutputError` saying what to do, an output folder that must not
    be replaced: a file, a folder holding anything orientation did not write, a read-only
    folder, or one that holds (or is) a path in ``protect`` (the site file, a baseline plan).
    A folder that does not exist yet, an empty one and an earlier output pass."""
    shown = str(target)
    real = os.path.realpath(target)
    for p in protect:
        rp = os.path.realpath(p)
        if rp == real or rp.startswith(real.rstrip(os.sep) + os.sep):
            raise OutputError(f"{shown} holds {p}, which writing the output there would "
                              "replace; name an output folder outside it with -o")
    with suppress(OSError):
        cwd = os.getcwd()
        if cwd == real or cwd.startswith(real.rstrip(os.sep) + os.sep):
            raise OutputError(f"{shown} is the current folder or holds it; name an output "
                              "folder inside it with -o (e.g. output/)")
    try:
        st = os.stat(real)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot use {shown} as the output folder: {_os_message(exc)}") from None
    if not stat.S_ISDIR(st.st_mode):
        raise OutputError(f"{shown} is a file, not a folder; name an output folder with -o")
    foreign = foreign_entries(real)
    if foreign:
        more = f" and {len(foreign) - 3} more" if len(foreign) > 3 else ""
        raise OutputError(f"{shown} holds files that orientation did not write (e.g. "
                          f"{', '.join(foreign[:3])}{more}); name a new or empty folder with -o")
    if not os.access(real, os.W_OK | os.X_OK):
        raise OutputError(f"{shown} is read-only; make it writable (chmod u+w) or name another "
                          "output folder with -o")


def _os_message(exc: OSError) -> str:
    from .fileio import _oserror_message

    return _oserror_message(exc)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT, SIGTERM and SIGHUP while a rename pair or a clean-up runs (POSIX); a signal
    that arrives meanwhile is delivered when the block ends."""
    mask = getattr(signal, "pthread_sigmask", None)
    if mask is None:
        yield
        return
    sigs = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())
    old = mask(signal.SIG_BLOCK, sigs)
    try:
        yield
    finally:
        mask(signal.SIG_SETMASK, old)


def _new_sibling(parent: str, name: str, tag: str, *, create: bool) -> str:
    """A free name ``.<name>.<tag>XXXXXXXX`` in ``parent``; created as a folder (mode
    ``0o777 & ~umask``) when ``create``."""
    for _ in range(100):
        p = os.path.join(parent, f".{name[:40]}.{tag}{secrets.token_hex(4)}")
        if create:
            try:
                os.mkdir(p, 0o777)
            except FileExistsError:
                continue
            return p
        if not os.path.lexists(p):
            return p
    raise OutputError(f"cannot find a free temporary name in {parent}")


def _remove_tree(path: str) -> None:
    """Remove a folder this module made, also where a sub-folder was made read-only."""
    def retry(func, p, _exc):
        try:  # unlinking needs a writable parent; then try once more
            os.chmod(os.path.dirname(p), 0o700)
            func(p)
        except OSError:
            pass

    shutil.rmtree(path, onerror=retry)


def write_outputs(files: dict[str, bytes], target: str | Path, *, source: str | None = None,
                  protect: Iterable[str | Path] = ()) -> Path:
    """Write all files into ``target`` atomically: build a sibling temporary folder, then swap.

    ``target`` is replaced only when it does not exist, is empty or is an earlier output (it
    carries the marker file :data:`MARKER`, written here with every output); anything else,
    a file, a read-only folder and a folder holding a path of ``protect`` (the site file, a
    baseline plan) is refused by :func:`check_output_folder` before anything is written. A
    symbolic link to a folder is followed (the folder it names is replaced, the link stays).
    The new folder gets the old folder's mode (a new one ``0o777 & ~umask``), files
    ``0o666 & ~umask``. On any error or interrupt nothing is left but the target as it was.
    ``source``: the site file's name, recorded in the marker.

    Paths come from the program (sign ids, page names), never from user text; each is still
    checked to stay inside the folder.
    """
    protect = tuple(protect)
    check_output_folder(target, protect=protect)
    shown = Path(target)
    real = os.path.realpath(target)
    parent, name = os.path.dirname(real), os.path.basename(real)
    try:
        os.makedirs(parent, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the output folder in {parent}: {_os_message(exc)}") from None
    tmp: str | None = None
    old: str | None = None
    swapped = False
    try:
        tmp = _new_sibling(parent, name, "", create=True)
        inside = tmp + os.sep
        made = {tmp}
        for rel, data in files.items():
            # The folder is new and holds only what this loop writes (folders and files, no
            # links), so normalising the path as text finds what resolve() would, without
            # a system call per path component for each of thousands of files.
            p = os.path.normpath(os.path.join(tmp, rel))
            if not p.startswith(inside) or rel == MARKER:
                raise OutputError(f"refusing to write outside the output folder: {rel!r}")
            folder = os.path.dirname(p)
            if folder not in made:  # one mkdir per folder, not per file
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _write_new(p, data)
        _write_new(os.path.join(tmp, MARKER), marker_bytes(files, source=source))
        check_output_folder(target, protect=protect)  # again: it may have changed meanwhile
        with suppress(FileNotFoundError):  # keep the mode of the folder being replaced
            os.chmod(tmp, stat.S_IMODE(os.stat(real).st_mode))
        with _signals_held():
            if os.path.lexists(real):
                old = _new_sibling(parent, name, "old.", create=False)
                os.replace(real, old)
            try:
                os.replace(tmp, real)
            except BaseException:
                if old is not None:
                    os.replace(old, real)
                    old = None
                raise
            swapped = True
    except BaseException as exc:
        if tmp is not None and not swapped:
            with _signals_held():
                _remove_tree(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {shown}: {_os_message(exc)}") from None
        raise
    if old is not None:
        with _signals_held():
            _remove_tree(old)
    return shown


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _write_new(path: str, data: bytes) -> None:
    """Write a file that must not exist yet (the folder is new; nothing is followed or
    overwritten), mode ``0o666 & ~umask``. Plain descriptor calls: a render writes thousands
    of small files, and Python's buffered file objects cost more than the writing itself."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def default_out_dir(site_path: str | Path, since_version: str | None = None) -> Path:
    """``output/<site-stem>/``; with ``--since`` ``output/<site-stem>-since-<old version>/``,
    a folder of its own, never the one holding the baseline.

    >>> default_out_dir("sites/rathaus.yaml").as_posix()
    'output/rathaus'
    >>> default_out_dir("rathaus.yaml", "3f9a0c").as_posix()
    'output/rathaus-since-3f9a0c'
    """
    stem = Path(site_path).stem
    if since_version is None:
        return Path("output") / stem
    tag = re.sub(r"[^A-Za-z0-9._-]+", "", since_version)[:32].strip(".") or "baseline"
    return Path("output") / f"{stem}-since-{tag}"


def render(site_path: str | Path, out_dir: str | Path | None = None, *, profile: str | None = None,
           formats: Iterable[str] = FORMATS, paper: str = "A3", language: str | None = None,
           date: str | None = None, crop_marks: bool = False, since: str | Path | None = None,
           log: Callable[[str], None] | None = None, limits: Limits = DEFAULT_LIMITS,
           renamed_from: str | None = None) -> Outputs:
    """The main job: read the site, plan, render and write every output into ``out_dir``
    (default ``output/<site-stem>/``). Returns the outputs (with the plan and the folder).

    ``since``: the ``plan.json`` of a printed plan; only the signs to add or reprint are
    written (signs, proof, schedule), and codes of removed elements are not handed out again.
    The default folder is then ``output/<site-stem>-since-<old plan version>/``. The old plan
    must be one of this site (same name, or ``renamed_from`` its former name, and a building
    in common); a plan of another site is refused.

    The output folder is checked before any work (:func:`check_output_folder`): it must be
    new, empty or an earlier output, and hold neither the site file nor the baseline.
    """
    say = log or (lambda _msg: None)
    t0 = time.perf_counter()
    site = load_site(site_path, limits=limits)
    t_load = time.perf_counter() - t0
    say(f"read {site_path}: {len(site.buildings)} building(s)")
    prof = resolve_profile(site, profile)
    reserved: frozenset[str] = frozenset()
    only: list[str] | None = None
    protect: list[str | Path] = [site_path]
    old = None
    if since is not None:
        from .changes import check_plan_belongs, read_plan_json

        old = read_plan_json(since)
        check_plan_belongs(old, site, file=str(since), renamed_from=renamed_from)
        protect.append(since)
    if out_dir:
        target = Path(out_dir)
    else:
        target = default_out_dir(site_path, None if old is None else str(old.get("version") or ""))
    check_output_folder(target, protect=protect)  # before the work, not only after it
    if old is not None:
        from .changes import diff_plans, reserved_codes

        reserved = reserved_codes(old, site)
        new_plan = make_plan(site, prof, options=PlanOptions(paper=paper, date=date,
                                                             reserved=reserved, language=language))
        only = diff_plans(old, new_plan).sign_ids_to_make
        say(f"since {since}: {len(only)} sign(s) to add or reprint")
    outputs = render_outputs(site, profile=prof, formats=formats, paper=paper, language=language,
                             date=date, crop_marks=crop_marks, reserved=reserved, only_signs=only)
    t1 = time.perf_counter()
    write_outputs(outputs.files, target, source=Path(site_path).name, protect=protect)
    outputs.timings["load"] = t_load
    outputs.timings["write"] = time.perf_counter() - t1
    return replace(outputs, out_dir=target)


__all__ = ["FORMATS", "MARKER", "Outputs", "check_output_folder", "check_site", "default_out_dir",
           "foreign_entries", "load_site", "load_site_bytes", "marker_bytes", "render",
           "render_outputs", "resolve_profile", "write_outputs"]
