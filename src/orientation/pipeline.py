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
from .plan import Finding, Plan
from .profiles import Profile, load_profile
from .status import SignStatus, read_status

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
    """Raise :class:`SiteFileError` with every geometric problem of a structurally valid site,
    and every problem of its place on the earth (``site.crs``, ``site.origin``)."""
    problems = geometry_problems(site) + georef_problems(site)
    if problems:
        raise SiteFileError(file, problems)
    return site


def _site_georef(site: Site):
    from . import geo

    info = site.site
    origin = (info.origin.lat, info.origin.lon) if info.origin else None
    crs = info.crs.model_dump() if info.crs else None
    return geo.site_georef(origin, info.north_deg, crs)


def georef_problems(site: Site) -> list:
    """What keeps the site's reference from being used: an EPSG code PROJ does not know or
    that is not projected, a placement outside the CRS's area, ``site.origin`` and
    ``site.crs`` that disagree (see :func:`orientation.geo.site_georef`)."""
    if site.site.crs is None:
        return []
    return _site_georef(site)[1]


def export_context(site: Site, *, crs: int | str | None = None):
    """The :class:`~orientation.gis.context.ExportContext` of a site: its reference, the CRS
    of the GeoPackage and the grid coordinates (``crs``, else the site's, else its national
    grid), the dispatch keys, the elements' source ids and the inner doors."""
    from .gis.context import DispatchKeys, ExportContext, InnerDoor
    from .model import Door, DoorKind, Room, Stair, Window

    georef, problems = _site_georef(site)
    if problems:
        raise SiteFileError("site", problems)
    d = site.site.dispatch
    keys = (DispatchKeys(object_number=d.object_number, plan_number=d.plan_number,
                         fire_alarm_number=d.fire_alarm_number,
                         access_notes=tuple(d.access_notes), agency_id=d.agency_id)
            if d else DispatchKeys())
    sources: dict[str, str] = {}
    inner: list[InnerDoor] = []
    rooms: dict[str, tuple[str, ...]] = {}
    for b in site.buildings:
        if b.source_id:
            sources[b.id] = b.source_id
        elements: list[Door | Stair | Room | Window] = [*b.doors, *b.stairs, *b.rooms,
                                                        *b.windows]
        for e in elements:
            if e.source_id:
                sources[f"{b.id}/{e.id}"] = e.source_id
        for door in b.doors:
            if door.between:
                rooms[f"{b.id}/{door.id}"] = tuple(door.between)
            if door.kind == DoorKind.inner:
                inner.append(InnerDoor(b.id, door.id, door.level, door.at, door.width,
                                       door.opening, door.source_id, tuple(door.between or ())))
    return ExportContext(georef=georef, crs=None if crs is None else grid_crs(crs),
                         dispatch=keys, sources=sources, inner_doors=tuple(inner),
                         door_rooms=rooms)


def grid_crs(value: int | str, *, option: str = "--crs") -> int:
    """An EPSG code of a projected CRS (``25832``, ``EPSG:25832``), else an
    :class:`~orientation.errors.OptionError` naming ``option``."""
    from . import geo

    text = str(value).strip()
    code = text[5:] if text.upper().startswith("EPSG:") else text
    if not code.isdigit():
        raise OptionError(option, f"'{value}' is not an EPSG code; give one such as 25832 or "
                          "EPSG:25832 (ETRS89 / UTM zone 32N)")
    why = geo.crs_problem(int(code))
    if why:
        raise OptionError(option, why)
    return int(code)


def ng911_default(profile: Profile) -> bool:
    """Whether the NG911 layers are written without ``--ng911``/``--no-ng911``: for the
    US profiles (``us-k12`` and copies named ``us-…``)."""
    return profile.name == "us-k12" or profile.name.startswith("us-")


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
    #: what the render says about its files (not georeferenced, NG911 gaps), worded in either
    #: language (:meth:`~orientation.plan.Finding.text`)
    notes: tuple[Finding, ...] = ()


def render_outputs(site: Site, *, profile: Profile, formats: Iterable[str] = FORMATS,
                   paper: str = "A3", language: str | None = None, date: str | None = None,
                   crop_marks: bool = False, reserved: frozenset[str] = frozenset(),
                   only_signs: Iterable[str] | None = None,
                   progress: Progress | None = None, final: bool = False,
                   ng911: bool | None = None, excel: bool = False,
                   crs: int | str | None = None, mono: bool = False,
                   status: SignStatus | None = None) -> Outputs:
    """Plan the site and render every output file in memory.

    A plan with errors or without a plan date is a **draft** (:meth:`Plan.draft_reasons`):
    every page of every PDF and SVG carries the draft mark
    (:func:`orientation.compose.draft.mark_draft`) and plan.json says ``"draft": true`` with
    the reasons. ``final``: refuse a draft instead (an :class:`~orientation.errors.OptionError`
    naming ``--final`` and listing the reasons), before anything is composed.

    ``only_signs``: ids of the signs to write (``render --since``); the schedule then counts
    only those. ``formats``: ``svg``, ``pdf`` or both (anything else is an
    :class:`~orientation.errors.OptionError`). ``progress``: see :data:`Progress` (stages
    ``plan``, ``compose``, ``svg``, ``pdf``). ``status``: the signs' dates (the status side
    file, :mod:`orientation.status`), shown on the proof and the installer list.

    GIS and dispatch files (:func:`gis_files`): ``ng911`` writes ``ng911.gpkg`` (None: for
    the US profiles, :func:`ng911_default`); ``excel`` writes the CSV files for German-locale
    Excel (``;``, decimal commas); ``crs`` the EPSG code of ``register.gpkg`` and the grid
    coordinates (default: ``site.crs``, else the national grid).

    ``mono``: the maps and route cards in black and white, hatches and line styles instead
    of tones (``--mono``; the signs keep their colours). A site with detector groups gets
    its fire-alarm route cards (``alarm-cards.pdf``, ``alarm-cards/*.svg``).
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
    context = export_context(site, crs=crs)  # a bad --crs fails before any work
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
    proof = compose_signs.proof_pages(sub, profile, status=status)
    rows = compose_schedule.schedule_rows(sub, profile)
    schedule_pages = compose_schedule.schedule_pages(sub, profile, status=status)
    map_pages = compose_maps.map_pages(plan, profile, paper=paper, language=language, mono=mono)
    card_pages = compose_maps.alarm_card_pages(plan, profile, paper=paper, language=language,
                                               mono=mono)
    if plan.is_draft:  # the one place every page passes: each carries the mark
        from .compose.draft import mark_drafts

        sign_pages, proof, schedule_pages, map_pages, card_pages = (
            mark_drafts(pages, sign_language)
            for pages in (sign_pages, proof, schedule_pages, map_pages, card_pages))
    lap("compose")
    step("compose", 0.9)

    files: dict[str, bytes] = {}
    files["plan.json"] = plan.to_json().encode()
    files["register.csv"] = exports.csv_bytes(exports.register_csv(plan, context, excel=excel))
    files["schedule.csv"] = exports.csv_bytes(
        exports.schedule_csv(rows, compose_schedule.schedule_total(rows), excel=excel))
    gis, notes = gis_files(plan, context, profile=profile, ng911=ng911, excel=excel)
    files.update(gis)
    lap("exports")
    step("compose", 1.0)
    if "svg" in formats:
        svg_pages = [("signs", p) for p in sign_pages] + [("maps", p) for p in map_pages]
        svg_pages += [("alarm-cards", p) for p in card_pages]
        for folder, page in _steps("svg", svg_pages, step):
            files[f"{folder}/{page.name}.svg"] = render_svg(page)
        lap("svg")
        step("svg", 1.0)
    if "pdf" in formats:
        colours = sorted({f"{s.background_name}" for s in signs} | {s.foreground_name for s in signs})
        subject, keywords = f"{plan.site_name} – {plan.profile}", ", ".join(colours)
        docs = [("signs.pdf", sign_pages, "signs"), ("proof.pdf", proof, "proof"),
                ("schedule.pdf", schedule_pages, "schedule"),
                ("maps.pdf", map_pages, "responder maps")]
        if card_pages:
            docs.append(("alarm-cards.pdf", card_pages, "fire-alarm route cards"))
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
                   map_pages=len(map_pages), notes=tuple(notes))


def gis_files(plan: Plan, context, *, profile: Profile, ng911: bool | None = None,
              excel: bool = False) -> tuple[dict[str, bytes], list[Finding]]:
    """The dispatch and GIS files of a plan, and what to say about them.

    Always the object sheet (``object.csv``, ``object.json``); for a georeferenced site
    ``markings.geojson`` and ``outlines.geojson`` (RFC 7946, WGS84), ``register.gpkg`` (every
    layer of :mod:`orientation.gis.layers`, in ``context.epsg``) and with ``ng911``
    ``ng911.gpkg`` (NENA-STA-006.3, WGS84; only with a plan date). Without a reference no
    coordinates are written at all, and a note says how to set the position."""
    from . import exports
    from .geo import crs_name
    from .gis import geojson, layers
    from .gis import ng911 as nena
    from .gis.context import projected
    from .gis.tables import gpkg_bytes

    files: dict[str, bytes] = {}
    notes: list[Finding] = []
    files["object.csv"] = exports.csv_bytes(exports.object_csv(plan, context, excel=excel))
    files["object.json"] = exports.object_json(plan, context).encode()
    want_ng911 = ng911_default(profile) if ng911 is None else ng911
    georef, epsg = context.georef, context.epsg
    if georef is None or epsg is None:
        notes.append(Finding.worded("info", "not-georeferenced", "site", "gis.not-georeferenced"))
        if want_ng911:
            notes.append(Finding.worded("info", "ng911", "site", "gis.ng911-not-georeferenced"))
        return files, notes
    if georef.kind == "crs":
        bearing = georef.true_north_deg()
        delta = abs((bearing - plan.north_deg + 180.0) % 360.0 - 180.0)
        if delta > 1.0:
            notes.append(Finding.worded("warning", "north-mismatch", "site", "gis.north-mismatch",
                                        north=plan.north_deg, bearing=bearing, delta=delta))
    tables = layers.register_tables(plan, context)

    def project(geometry, target: int):
        return projected(geometry, georef, target)

    files["markings.geojson"] = exports.markings_geojson(plan, context).encode()
    files["outlines.geojson"] = geojson.outlines_geojson(plan, georef, tables).encode()
    files["register.gpkg"] = gpkg_bytes(tables, epsg=epsg, project=project, date=plan.date)

    notes.append(Finding.worded("info", "gis", "site", "gis.gis-written",
                                files="register.gpkg, markings.geojson, outlines.geojson",
                                crs=f"EPSG:{epsg} ({crs_name(epsg)})"))
    if want_ng911:
        if not plan.date:
            notes.append(Finding.worded("info", "ng911", "site", "gis.ng911-no-date"))
        else:
            nt = nena.ng911_tables(plan, context, tables)
            files["ng911.gpkg"] = gpkg_bytes(nt, epsg=4326, project=project, date=plan.date)
            doors = sum(1 for _, v in nt[0].rows
                        if v[nt[0].names.index("Placement")] == "ExteriorAccess")
            notes.append(Finding.worded("info", "ng911", "site", "gis.ng911-written",
                                        points=len(nt[0].rows), doors=doors,
                                        polygons=len(nt[1].rows)))
            notes += [Finding.worded("warning", "ng911", "site", key)
                      for key in nena.ng911_gaps(plan, context)]
    return files, notes


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
           final: bool = False, ng911: bool | None = None, excel: bool = False,
           crs: int | str | None = None, mono: bool = False) -> Outputs:
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
    ``ng911``, ``excel``, ``crs``, ``mono``: see :func:`render_outputs`.
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
                             progress=progress, final=final, ng911=ng911, excel=excel,
                             crs=crs, mono=mono, status=read_status(site_path))
    t1 = time.perf_counter()
    write_outputs(outputs.files, target, source=Path(site_path).name, protect=protect,
                  progress=progress)
    outputs.timings["load"] = t_load
    outputs.timings["write"] = time.perf_counter() - t1
    return replace(outputs, out_dir=target)


__all__ = ["FORMATS", "MARKER", "MARKER_FORMAT", "STAGES", "Outputs", "Progress", "check_date",
           "check_output_folder", "check_site", "default_out_dir", "export_context",
           "foreign_entries", "georef_problems", "gis_files", "grid_crs", "load_site",
           "load_site_bytes", "marker_bytes", "ng911_default", "refuse_draft", "render",
           "render_outputs", "resolve_profile", "write_outputs"]
