"""read -> plan -> compose -> render -> write, narrated step by step.

Every stage is a function from one immutable value to the next; only the last one touches the
disk, through :func:`orientation.fileio.write_outputs` (re-exported here), which writes **all
or nothing** and replaces only an output folder (one carrying the marker file
``.orientation-output``): see :mod:`orientation.fileio`.

:func:`render` narrates: ``log`` receives a line per finished step, ``progress`` a stage name
(:data:`STAGES`) and the fraction of that stage done (0.0 when it starts, 1.0 when it ends),
so a front end can show a progress display without the library printing anything.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import defaults as _defaults
from .errors import OptionError, SiteFileError
from .fileio import (  # the one writer; re-exported for callers of the earlier home
    MARKER,
    MARKER_FORMAT,
    check_output_folder,
    foreign_entries,
    marker_bytes,
    write_outputs,
)
from .io.site_file import DEFAULT_LIMITS, Limits, read_site, site_from_bytes
from .layout.engine import PlanOptions, make_plan
from .layout.geometry import geometry_problems
from .model import Site
from .plan import Plan
from .profiles import Profile, load_profile

FORMATS = _defaults.FORMATS
"""The output formats, ``svg`` and ``pdf`` (defined in :mod:`orientation.defaults`)."""

#: The stages :func:`render` reports to its ``progress`` callback, in order (``svg`` and
#: ``pdf`` only when asked for; the exports are part of ``compose``).
STAGES = ("read", "plan", "compose", "svg", "pdf", "write")

Progress = Callable[[str, float], None]
"""``progress(stage, fraction)``: ``stage`` one of :data:`STAGES`, ``fraction`` of it done,
0.0 at its start and 1.0 at its end (at most about a hundred calls per stage)."""


def _no_progress(_stage: str, _fraction: float) -> None:
    pass


def _steps(stage: str, items: list, progress: Progress) -> Iterable:
    """``items`` one by one, telling ``progress`` how far ``stage`` is (about 100 calls)."""
    n = len(items)
    every = max(1, -(-n // 100))  # at most 100 calls
    for i, item in enumerate(items):
        if i % every == 0:
            progress(stage, i / n)
        yield item


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
    return load_profile(profile or site.profile or _defaults.DEFAULT_PROFILE)


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
                   only_signs: Iterable[str] | None = None,
                   progress: Progress | None = None, final: bool = False) -> Outputs:
    """Plan the site and render every output file in memory.

    A plan with errors or without a plan date is a **draft** (:meth:`Plan.draft_reasons`):
    every page of every PDF and SVG carries the draft mark
    (:func:`orientation.compose.draft.mark_draft`) and plan.json says ``"draft": true`` with
    the reasons. ``final``: refuse a draft instead (an :class:`~orientation.errors.OptionError`
    naming ``--final`` and listing the reasons), before anything is composed.

    ``only_signs``: ids of the signs to write (``render --since``); the schedule then counts
    only those. ``formats``: ``svg``, ``pdf`` or both (anything else is an
    :class:`~orientation.errors.OptionError`). ``progress``: see :data:`Progress` (stages
    ``plan``, ``compose``, ``svg``, ``pdf``).
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
            raise OptionError("formats", f"unknown format '{f}'; choose from: "
                              f"{', '.join(FORMATS)}")
    if date is not None:
        check_date(date, option="date")
    step = progress or _no_progress
    t: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        t[name] = t.get(name, 0.0) + now - clock
        clock = now

    step("plan", 0.0)
    plan = make_plan(site, profile, options=PlanOptions(paper=paper, date=date, reserved=reserved,
                                                        language=language))
    lap("plan")
    step("plan", 1.0)
    if final:
        refuse_draft(plan)
    signs = plan.signs
    if only_signs is not None:
        keep = set(only_signs)
        signs = tuple(s for s in signs if s.id in keep)
    sub = plan if only_signs is None else _with_signs(plan, signs)
    sign_language = compose_signs.plan_language(sub, profile)  # the plan's, as its maps
    sign_pages = [compose_signs.sign_page(s, profile, crop_marks=crop_marks,
                                          language=sign_language)
                  for s in _steps("compose", list(signs), _scaled(step, 0.0, 0.5))]
    step("compose", 0.5)
    proof = compose_signs.proof_pages(sub, profile)
    rows = compose_schedule.schedule_rows(sub, profile)
    schedule_pages = compose_schedule.schedule_pages(sub, profile)
    map_pages = compose_maps.map_pages(plan, profile, paper=paper, language=language)
    if plan.is_draft:  # the one place every page passes: each carries the mark
        from .compose.draft import mark_drafts

        sign_pages, proof, schedule_pages, map_pages = (
            mark_drafts(pages, sign_language)
            for pages in (sign_pages, proof, schedule_pages, map_pages))
    lap("compose")
    step("compose", 0.9)

    files: dict[str, bytes] = {}
    files["plan.json"] = plan.to_json().encode()
    files["register.csv"] = exports.register_csv(plan).encode()
    files["markings.geojson"] = exports.markings_geojson(plan).encode()
    files["schedule.csv"] = exports.schedule_csv(rows, compose_schedule.schedule_total(rows)).encode()
    lap("exports")
    step("compose", 1.0)
    if "svg" in formats:
        svg_pages = [("signs", p) for p in sign_pages] + [("maps", p) for p in map_pages]
        for folder, page in _steps("svg", svg_pages, step):
            files[f"{folder}/{page.name}.svg"] = render_svg(page)
        lap("svg")
        step("svg", 1.0)
    if "pdf" in formats:
        colours = sorted({f"{s.background_name}" for s in signs} | {s.foreground_name for s in signs})
        subject, keywords = f"{plan.site_name} – {plan.profile}", ", ".join(colours)
        docs = (("signs.pdf", sign_pages, "signs"), ("proof.pdf", proof, "proof"),
                ("schedule.pdf", schedule_pages, "schedule"),
                ("maps.pdf", map_pages, "responder maps"))
        total = sum(len(pages) for _, pages, _ in docs) or 1
        done = 0
        for name, pages, what in docs:  # fraction by pages: signs.pdf is most of the work
            step("pdf", done / total)
            files[name] = render_pdf(pages, title=f"{plan.site_name}: {what}", subject=subject,
                                     keywords=keywords)
            done += len(pages)
        lap("pdf")
        step("pdf", 1.0)
    return Outputs(files=files, plan=plan, timings=t, signs_written=len(signs),
                   map_pages=len(map_pages))


def check_date(value: str, *, option: str = "--date") -> str:
    """``value`` when it is a real ISO date (``YYYY-MM-DD``), else an
    :class:`~orientation.errors.OptionError` naming ``option`` and saying what to give."""
    from .model import iso_date

    why = iso_date(value)
    if why is not None:
        raise OptionError(option, why)
    return value


def refuse_draft(plan: Plan) -> None:
    """An :class:`~orientation.errors.OptionError` naming ``--final`` with the reasons, when
    ``plan`` is a draft (errors or no plan date); nothing when it is fit to print."""
    reasons = plan.draft_reasons()
    if reasons:
        raise OptionError("--final", f"{plan.site_name} is not fit to print, so nothing was "
                          "written: " + "; ".join(reasons) + " (orientation check lists the "
                          "findings; without --final the outputs are marked as drafts)")


def _scaled(progress: Progress, start: float, end: float) -> Progress:
    """``progress`` for a part of a stage: fractions 0..1 of the part land in start..end."""
    return lambda stage, f: progress(stage, start + (end - start) * f)


def _with_signs(plan: Plan, signs) -> Plan:
    return replace(plan, signs=tuple(signs))


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
           renamed_from: str | None = None, progress: Progress | None = None,
           final: bool = False) -> Outputs:
    """The main job: read the site, plan, render and write every output into ``out_dir``
    (default ``output/<site-stem>/``). Returns the outputs (with the plan and the folder).

    ``since``: the ``plan.json`` of a printed plan; only the signs to add or reprint are
    written (signs, proof, schedule), and codes of removed elements are not handed out again.
    The default folder is then ``output/<site-stem>-since-<old plan version>/``. The old plan
    must be one of this site (same name, or ``renamed_from`` its former name, and a building
    in common); a plan of another site is refused.

    The output folder is checked before any work (:func:`check_output_folder`): it must be
    new, empty or an earlier output, and hold neither the site file nor the baseline.

    ``log`` receives one line per finished step (read, since); ``progress`` a stage of
    :data:`STAGES` and its fraction done, for a progress display (see :data:`Progress`).
    Neither prints anything: the command line decides what to show.

    ``final``: refuse a draft (errors or no plan date) with an
    :class:`~orientation.errors.OptionError` naming ``--final``; nothing is written.
    """
    say = log or (lambda _msg: None)
    step = progress or _no_progress
    t0 = time.perf_counter()
    step("read", 0.0)
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
    step("read", 1.0)
    if date is not None:
        check_date(date, option="date")
    if old is not None:
        from .changes import diff_plans, reserved_codes

        reserved = reserved_codes(old, site)
        new_plan = make_plan(site, prof, options=PlanOptions(paper=paper, date=date,
                                                             reserved=reserved, language=language))
        only = diff_plans(old, new_plan).sign_ids_to_make
        say(f"since {since}: {len(only)} sign(s) to add or reprint")
    outputs = render_outputs(site, profile=prof, formats=formats, paper=paper, language=language,
                             date=date, crop_marks=crop_marks, reserved=reserved, only_signs=only,
                             progress=progress, final=final)
    t1 = time.perf_counter()
    write_outputs(outputs.files, target, source=Path(site_path).name, protect=protect,
                  progress=progress)
    outputs.timings["load"] = t_load
    outputs.timings["write"] = time.perf_counter() - t1
    return replace(outputs, out_dir=target)


__all__ = ["FORMATS", "MARKER", "MARKER_FORMAT", "STAGES", "Outputs", "Progress", "check_date",
           "check_output_folder", "check_site", "default_out_dir", "foreign_entries", "load_site",
           "load_site_bytes", "marker_bytes", "refuse_draft", "render", "render_outputs",
           "resolve_profile", "write_outputs"]
