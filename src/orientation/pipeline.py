"""read -> plan -> compose -> render -> write, narrated step by step.

Every stage is a function from one immutable value to the next; only :func:`write_outputs`
touches the disk, and it writes **all or nothing**: the files go to a temporary folder beside
the target, which replaces the target at the end. On any error the target is as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
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
    """Rendered files: relative path -> bytes, in writing order; ``timings`` per stage (s)."""

    files: dict[str, bytes]
    plan: Plan
    timings: dict[str, float] = field(default_factory=dict)


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
    return Outputs(files=files, plan=plan, timings=t)


def _with_signs(plan: Plan, signs) -> Plan:
    from dataclasses import replace

    return replace(plan, signs=tuple(signs))


def write_outputs(files: dict[str, bytes], target: str | Path) -> Path:
    """Write all files into ``target`` atomically: build a sibling temporary folder, then swap.

    A ``target`` that is a regular file is refused. Paths come from the program (sign ids, page
    names), never from user text; each is still checked to stay inside the folder.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target} is a file, not a folder; name an output folder with -o")
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise OutputError(f"cannot create the output folder in {parent}: {exc.strerror}") from None
    try:
        root = os.path.realpath(tmp)
        inside = root + os.sep
        made = {root}
        for rel, data in files.items():
            # The folder is new and holds only what this loop writes (folders and files, no
            # links), so normalising the path as text finds what resolve() would, without
            # a system call per path component for each of thousands of files.
            p = os.path.normpath(os.path.join(root, rel))
            if not p.startswith(inside):
                raise OutputError(f"refusing to write outside the output folder: {rel!r}")
            folder = os.path.dirname(p)
            if folder not in made:  # one mkdir per folder, not per file
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            _write_new(p, data)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=parent))
            os.rmdir(old)
            os.replace(target, old)
        os.replace(tmp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _write_new(path: str, data: bytes) -> None:
    """Write a file that must not exist yet (the folder is new; nothing is followed or
    overwritten). Plain descriptor calls: a render writes thousands of small files, and
    Python's buffered file objects cost more than the writing itself."""
    fd = os.open(path, _NEW_FILE, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def render(site_path: str | Path, out_dir: str | Path | None = None, *, profile: str | None = None,
           formats: Iterable[str] = FORMATS, paper: str = "A3", language: str | None = None,
           date: str | None = None, crop_marks: bool = False, since: str | Path | None = None,
           log: Callable[[str], None] | None = None, limits: Limits = DEFAULT_LIMITS) -> Outputs:
    """The main job: read the site, plan, render and write every output into ``out_dir``
    (default ``output/<site-stem>/``). Returns the outputs (with the plan).

    ``since``: the ``plan.json`` of a printed plan; only the signs to add or reprint are
    written (signs, proof, schedule), and codes of removed elements are not handed out again.
    """
    say = log or (lambda _msg: None)
    t0 = time.perf_counter()
    site = load_site(site_path, limits=limits)
    t_load = time.perf_counter() - t0
    say(f"read {site_path}: {len(site.buildings)} building(s)")
    prof = resolve_profile(site, profile)
    reserved: frozenset[str] = frozenset()
    only: list[str] | None = None
    if since is not None:
        from .changes import diff_plans, read_plan_json, reserved_codes

        old = read_plan_json(since)
        reserved = reserved_codes(old, site)
        new_plan = make_plan(site, prof, options=PlanOptions(paper=paper, date=date,
                                                             reserved=reserved, language=language))
        only = diff_plans(old, new_plan).sign_ids_to_make
        say(f"since {since}: {len(only)} sign(s) to add or reprint")
    outputs = render_outputs(site, profile=prof, formats=formats, paper=paper, language=language,
                             date=date, crop_marks=crop_marks, reserved=reserved, only_signs=only)
    target = Path(out_dir) if out_dir else Path("output") / Path(site_path).stem
    t1 = time.perf_counter()
    write_outputs(outputs.files, target)
    outputs.timings["load"] = t_load
    outputs.timings["write"] = time.perf_counter() - t1
    return outputs


__all__ = ["FORMATS", "Outputs", "check_site", "load_site", "load_site_bytes", "render",
           "render_outputs", "resolve_profile", "write_outputs"]
