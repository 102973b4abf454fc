"""The ``orientation`` command: arguments in, a library call, errors out as messages.

Exit status: 0 done; 1 the input is wrong (the message says where and what to do); 2 wrong
usage (also an option value that would turn a limit off: 0, negative, nan, inf); 128 + N
stopped by signal N (SIGTERM, SIGHUP, SIGINT), after the clean-up: no temporary folder is
left. No traceback reaches the user for an :class:`OrientationError` or an OS error.

Start-up is part of the interface: ``--help``, ``profiles`` and ``schema`` run in well under
0.15 s, so nothing heavy (pydantic, shapely, numpy, rich, the library's stages) is imported at
module level or while the argument parser is built; the help text's defaults come from
:mod:`orientation.defaults`, which imports nothing. ``tests/test_cli_options.py`` holds it.
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
from collections.abc import Sequence

from . import __version__, defaults
from .runtime import Terminated, install_signal_handlers


def _formats(value: str) -> tuple[str, ...]:
    out = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [v for v in out if v not in defaults.FORMATS]
    if bad or not out:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(defaults.FORMATS)} "
                                         "(comma-separated)")
    return out


def _number_text(value: str) -> str:
    text = value.strip()
    if len(text) > 40:
        raise argparse.ArgumentTypeError(f"{text[:12]}… ({len(text)} characters) is not a "
                                         "sensible number; give a plain value such as 50")
    return text


def _positive_int(value: str) -> int:
    """An integer of 1 or more (argparse type): 0, negatives, huge and non-numbers refused."""
    text = _number_text(value)
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{text} is not allowed; give 1 or more")
    if n > 10**15:
        raise argparse.ArgumentTypeError(f"{text} is too large; give at most 10^15")
    return n


def _positive_float(value: str) -> float:
    """A finite number above 0 (argparse type): nan, inf, 0 and negatives never turn a
    limit off."""
    text = _number_text(value)
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(x):
        raise argparse.ArgumentTypeError(f"{text} is not allowed; give a finite number above 0")
    if x <= 0:
        raise argparse.ArgumentTypeError(f"{text} is not allowed; give a number above 0")
    if x > 1e12:
        raise argparse.ArgumentTypeError(f"{text} is too large; give at most 1e12")
    return x


def _limits(args: argparse.Namespace):
    from dataclasses import replace

    from .io.site_file import DEFAULT_LIMITS

    changes = {}
    if getattr(args, "max_file_mb", None) is not None:
        changes["max_bytes"] = max(1, int(args.max_file_mb * 1e6))
    if getattr(args, "max_elements", None) is not None:
        changes["max_elements"] = args.max_elements
    if getattr(args, "max_coordinate", None) is not None:
        changes["max_coordinate_m"] = args.max_coordinate
    for name in ("max_ring_vertices", "max_line_points", "max_exterior_doors"):
        if getattr(args, name, None) is not None:
            changes[name] = getattr(args, name)
    return replace(DEFAULT_LIMITS, **changes)


#: ``import`` options -> :class:`orientation.io.ImportLimits` fields (MB flags scaled by 1e6)
_IMPORT_LIMIT_FLAGS: tuple[tuple[str, str, type, str, str], ...] = (
    ("--max-import-mb", "max_file_bytes", float, "MB",
     f"largest building file (default {defaults.MAX_IMPORT_FILE_BYTES / 1e6:g} MB)"),
    ("--max-unzipped-mb", "max_unzipped_bytes", float, "MB",
     f"largest unpacked IMDF archive (default {defaults.MAX_UNZIPPED_BYTES / 1e6:g} MB)"),
    ("--import-memory-mb", "max_memory_mb", int, "MB",
     f"memory of the contained import process (default {defaults.IMPORT_MEMORY_MB} MB)"),
    ("--import-timeout", "timeout_s", float, "S",
     f"longest import in seconds (default {defaults.IMPORT_TIMEOUT_S:g})"),
    ("--max-level-range", "max_levels_per_range", int, "N",
     f"most levels one OSM level range may name (default {defaults.MAX_LEVELS_PER_RANGE:,})"),
    ("--max-curve-points", "max_curve_points", int, "N",
     f"most points of one flattened DXF curve (default {defaults.MAX_CURVE_POINTS:,})"),
    ("--max-points", "max_points_per_file", int, "N",
     f"most points of all entities in one file (default {defaults.MAX_POINTS_PER_FILE:,})"),
    ("--max-ring-vertices", "max_ring_vertices", int, "N",
     f"most vertices of one outline (default {defaults.MAX_RING_VERTICES:,})"),
    ("--max-line-points", "max_line_points", int, "N",
     f"most points of one road or footway (default {defaults.MAX_LINE_POINTS:,})"),
    ("--max-wall-segments", "max_wall_segments", int, "N",
     f"most wall-line segments of a DXF plan formed into rooms (default "
     f"{defaults.MAX_WALL_SEGMENTS:,})"),
    ("--max-notes", "max_notes", int, "N",
     f"most notes listed for one import (default {defaults.MAX_NOTES:,})"),
)


def _import_limits(args: argparse.Namespace):
    from dataclasses import replace

    from .io import DEFAULT_IMPORT_LIMITS

    changes = {}
    for _flag, field, _kind, unit, _help in _IMPORT_LIMIT_FLAGS:
        value = getattr(args, f"limit_{field}", None)
        if value is not None:
            changes[field] = int(value * 1e6) if unit == "MB" and field.endswith("_bytes") \
                else value
    return replace(DEFAULT_IMPORT_LIMITS, **changes)


def _parser() -> argparse.ArgumentParser:
    """The argument parser (light: builds no library object, imports nothing heavy)."""
    p = argparse.ArgumentParser(
        prog="orientation",
        description="Emergency orientation signage (Gütersloh model, US K-12) and responder maps.")
    p.add_argument("--version", action="version", version=f"orientation {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_cmd(name: str, help_: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_, description=help_)
        c.add_argument("site", metavar="SITE", help="site file (YAML or JSON)")
        c.add_argument("--profile", help="profile name or style file (default: the site's, "
                       f"else {defaults.DEFAULT_PROFILE})")
        lim = c.add_argument_group("limits for untrusted input")
        lim.add_argument("--max-file-mb", type=_positive_float, metavar="MB",
                         help=f"largest site file (default {defaults.MAX_SITE_FILE_BYTES / 1e6:g} MB)")
        lim.add_argument("--max-elements", type=_positive_int, metavar="N", help="most doors, stairs, rooms, "
                         f"windows and features per site (default {defaults.MAX_ELEMENTS:,})")
        lim.add_argument("--max-coordinate", type=_positive_float, metavar="M", help="farthest coordinate "
                         f"from the plan origin in metres (default {defaults.MAX_COORDINATE_M:g})")
        lim.add_argument("--max-ring-vertices", type=_positive_int, metavar="N",
                         help=f"most points of one outline (default {defaults.MAX_RING_VERTICES:,})")
        lim.add_argument("--max-line-points", type=_positive_int, metavar="N",
                         help=f"most points of one road or footway (default {defaults.MAX_LINE_POINTS:,})")
        lim.add_argument("--max-exterior-doors", type=_positive_int, metavar="N",
                         help="most exterior doors of one building (default "
                         f"{defaults.MAX_EXTERIOR_DOORS:,})")
        return c

    def gis_options(c: argparse.ArgumentParser) -> None:
        g = c.add_argument_group("dispatch and GIS files")
        g.add_argument("--ng911", action=argparse.BooleanOptionalAction, default=None,
                       help="write ng911.gpkg, NENA-STA-006.3 address points and polygons "
                       "(default: on for the us-k12 profile)")
        g.add_argument("--excel", action="store_true", help="CSV files for German-locale Excel "
                       "and LibreOffice: ';' between cells and decimal commas (default: "
                       "comma-separated UTF-8 with a byte order mark, which every program "
                       "and Excel read)")
        g.add_argument("--crs", metavar="EPSG", help="projected CRS of register.gpkg and of the "
                       "grid coordinates, e.g. EPSG:25832 (default: site.crs, else the UTM zone "
                       "of the site on ETRS89, NAD83 or WGS 84)")

    r = site_cmd("render", "plan the site and write every output (signs, maps, schedule, register)")
    r.add_argument("-o", "--out", metavar="DIR", help="output folder (default output/<site-stem>/, "
                   "with --since output/<site-stem>-since-<old version>/); it must be new, empty "
                   "or an earlier output (it holds the marker file .orientation-output)")
    r.add_argument("--formats", type=_formats, default=("svg", "pdf"), help="svg,pdf (default both)")
    r.add_argument("--paper", choices=["A3", "A4"], default="A3",
                   help="map paper: A3 landscape (default) or A4 portrait")
    r.add_argument("--lang", choices=["de", "en"], help="language of signs and maps (default: profile)")
    r.add_argument("--date", help="plan date printed on maps (ISO, e.g. 2026-11-21; default: the "
                   "site file's site.date; never the clock, so renders stay byte-stable)")
    r.add_argument("--crop-marks", action="store_true", help="crop marks on every sign page")
    r.add_argument("--mono", action="store_true", help="maps and route cards in black and white: "
                   "hatches and line styles instead of tones, for rules that forbid shading "
                   "(Ohio's school maps); the signs keep their colours")
    r.add_argument("--final", action="store_true", help="refuse to render a draft (a plan with "
                   "errors or no plan date) instead of marking every page 'DRAFT – not approved'; "
                   "nothing is written")
    r.add_argument("--since", metavar="OLD_PLAN", help="plan.json of a printed plan: write only "
                   "the signs to add or reprint, with their own schedule, into a folder of their "
                   "own (never over the printed plan's)")
    r.add_argument("--renamed-from", metavar="OLD_NAME",
                   help="the site's former name, when it was renamed since the plan was printed (the old plan is otherwise refused as another site's)")
    r.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    r.add_argument("-v", "--verbose", action="store_true", help="list every finding (by default "
                   f"the counts by kind and the first {defaults.FINDINGS_PER_KIND} of each kind)")
    gis_options(r)

    pl = site_cmd("plan", "the signage plan as a table, or plan.json with --json")
    pl.add_argument("--json", action="store_true", help="print plan.json")
    pl.add_argument("--date", help="plan date (ISO)")
    pl.add_argument("-v", "--verbose", action="store_true", help="list every finding")

    site_cmd("check", "validation, legibility and contrast report (every finding, notes "
             "included); exit 1 on an error finding")

    site_cmd("pin", "write every assigned code into the site file as pins (keeps comments)")

    stc = site_cmd("status", "show or set when signs were ordered, mounted and checked (kept "
                   "in SITE's side file <site>.status.yaml)")
    stc.add_argument("signs", nargs="*", metavar="SIGN", help="sign ids (S-0002), codes (E1: "
                     "every sign with that text), keys of the status file, proof QR codes, "
                     "or all; without a step: the signs to show (default all)")
    step = stc.add_mutually_exclusive_group()
    for name in ("ordered", "mounted", "checked"):
        step.add_argument(f"--{name}", action="store_const", const=name, dest="step",
                          help=f"mark the signs as {name} (on --on DATE, default today)")
    step.add_argument("--clear", choices=["ordered", "mounted", "checked"],
                      help="clear that date of the signs")
    stc.add_argument("--on", metavar="DATE", help="the day (ISO, e.g. 2026-12-15; default today)")
    stc.add_argument("--json", action="store_true", help="print the signs' status as JSON")

    ro = site_cmd("route", "how crews get to a room, stair or door from the best entrance "
                  "(route text for dispatch)")
    ro.add_argument("code", metavar="CODE", help="a room, stair or door code of the plan "
                    "(A107, T2, E3)")
    ro.add_argument("--lang", choices=["de", "en"], help="language (default: the profile's)")
    ro.add_argument("--json", action="store_true", help="print the route as JSON (steps, "
                    "entrance, stair, length, points)")

    df = sub.add_parser("diff", help="what changed since a printed plan: signs to add, remove, reprint")
    df.add_argument("old_plan", metavar="OLD_PLAN", help="plan.json of the printed plan")
    df.add_argument("site", metavar="SITE", help="the site file as it is now")
    df.add_argument("--profile", help="profile name or style file (default: the site's, else "
                    f"{defaults.DEFAULT_PROFILE})")
    df.add_argument("--json", action="store_true", help="print JSON (added, removed, reprint, unchanged)")
    df.add_argument("--renamed-from", metavar="OLD_NAME",
                   help="the site's former name, when it was renamed since the plan was printed (the old plan is otherwise refused as another site's)")

    bt = sub.add_parser("batch", help="render many site files with a progress bar")
    bt.add_argument("paths", nargs="+", metavar="DIR", help="folders (searched recursively) or site files")
    bt.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder; one sub-folder per site")
    bt.add_argument("--jobs", type=_positive_int, default=None, help="worker processes (default: all cores)")
    bt.add_argument("--formats", type=_formats, default=("svg", "pdf"), help="svg,pdf (default both)")
    bt.add_argument("--paper", choices=["A3", "A4"], default="A3")
    gis_options(bt)

    im = sub.add_parser("import", help="IFC, DXF, IMDF (folder or .zip) or OSM into a site file")
    im.add_argument("file", metavar="FILE", help="building file: .ifc, .dxf, .osm, IMDF folder or .zip")
    im.add_argument("-o", "--out", required=True, metavar="SITE.yaml", help="site file to write (.yaml or .json)")
    im.add_argument("--units", choices=["m", "cm", "mm", "in", "ft"],
                    help="drawing units when the file's own setting is wrong (DXF)")
    im.add_argument("--layers", metavar="ROLE=LAYER,...",
                    help="DXF layer roles, e.g. footprint=Facade,rooms=Zones,labels=Text,doors=Doors")
    im.add_argument("--renumber-rooms", action="store_true",
                    help="leave out the file's room numbers (kept by default) and let the layout "
                         "number the rooms")
    # deprecated: keeping the room numbers is the default now; accepted and does nothing
    im.add_argument("--keep-room-numbers", action="store_true", help=argparse.SUPPRESS)
    im.add_argument("--force", action="store_true", help="overwrite an existing site file")
    il = im.add_argument_group("limits for untrusted building files (see SECURITY.md)")
    for flag, field, kind, unit, help_ in _IMPORT_LIMIT_FLAGS:
        il.add_argument(flag, dest=f"limit_{field}", metavar=unit,
                        type=_positive_float if kind is float else _positive_int, help=help_)

    from .cli_edit import add_edit_parser  # light: the standard library only

    add_edit_parser(site_cmd("edit", "edit the site file in place, one change a run (keeps "
                             "comments): add-door, add-road, add-feature, set, move, remove, "
                             "list, missing"))

    sub.add_parser("schema", help="print the JSON Schema of the site file")
    sub.add_parser("profiles", help="list the profiles on hand")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # pydantic scans every installed package's entry points for plugins at first use (about
    # 0.3 s in a full environment); the command line uses none. Library users are unaffected.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    args = _parser().parse_args(argv)
    if args.command == "schema":  # light commands first: no library, no rich, no signals
        return _schema()
    if args.command == "profiles":
        return _profiles()
    from .errors import OrientationError
    from .runtime import tune_collector_for_a_run

    tune_collector_for_a_run()
    saved = install_signal_handlers()
    try:
        return _run(args)
    except OrientationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Terminated as exc:
        try:
            name = signal.Signals(exc.signum).name
        except ValueError:
            name = f"signal {exc.signum}"
        print(f"stopped by {name}; no output was left half-written", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # last resort: every known case is an OrientationError already
        print(f"error: {exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}",
              file=sys.stderr)
        return 1
    finally:
        for sig, handler in saved.items():
            # getsignal() gives None for a handler not installed from Python: it cannot be
            # put back (signal.signal(sig, None) raises TypeError), so it is left as it is
            if callable(handler) or isinstance(handler, int):
                signal.signal(sig, handler)


def _schema() -> int:
    """``orientation schema``: the JSON Schema of the site file (the kept copy when fresh)."""
    from .schema_cache import site_schema_json

    sys.stdout.write(site_schema_json() + "\n")
    return 0


def profile_titles() -> list[tuple[str, str]]:
    """``(name, title)`` of the bundled profiles, default first, read straight from the style
    files: listing them must not build the profile models (start-up). The same files and
    order as :func:`orientation.profiles.profile_names`, the same titles as
    :func:`orientation.profiles.load_profile` (a test holds both)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    # the package's own folder (importlib.resources would cost a tenth of the budget)
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "styles")
    out = []
    for name in os.listdir(folder):
        if not name.endswith(".yaml") or name == "colors.yaml":
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            data = yaml.load(fh.read(), Loader=loader)  # noqa: S506 - a safe loader
        title = data.get("title", "") if isinstance(data, dict) else ""
        out.append((name[:-5], str(title)))
    return sorted(out, key=lambda nt: (nt[0] != defaults.DEFAULT_PROFILE, nt[0]))


def _profiles() -> int:
    """``orientation profiles``: one line per bundled profile (name, title, the default)."""
    for name, title in profile_titles():
        mark = " (default)" if name == defaults.DEFAULT_PROFILE else ""
        sys.stdout.write(f"{name:<12} {title}{mark}\n")
    return 0


def _run(args: argparse.Namespace) -> int:
    import json

    from rich.console import Console

    from .report import StageProgress, draft_summary, print_findings, print_plan

    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    cmd = args.command
    if cmd == "batch":
        return _batch(args, out, err)
    if cmd == "import":
        return _import(args, out, err)
    if cmd == "edit":
        from .cli_edit import run_edit

        return run_edit(args, out, err)

    from . import pipeline
    from .layout.engine import PlanOptions, make_plan

    if getattr(args, "date", None) is not None:
        pipeline.check_date(args.date, option="--date")
    if cmd == "render":
        log = None if args.quiet else (lambda m: err.print(m, markup=False, highlight=False))
        # a progress display on a terminal only, after a moment; nothing in a pipe or a file
        with StageProgress(err if not args.quiet else _NoTerminal()) as progress:
            outputs = pipeline.render(args.site, args.out, profile=args.profile,
                                      formats=args.formats, paper=args.paper, language=args.lang,
                                      date=args.date, crop_marks=args.crop_marks,
                                      since=args.since, log=log, renamed_from=args.renamed_from,
                                      limits=_limits(args), final=args.final,
                                      progress=progress if progress.enabled else None,
                                      ng911=args.ng911, excel=args.excel, crs=args.crs,
                                      mono=args.mono)
        plan = outputs.plan
        target = outputs.out_dir
        print_findings(err, plan, quiet=args.quiet, verbose=args.verbose, draft_note=True)
        if not args.quiet:
            signs = (f"{outputs.signs_written} of {len(plan.signs)} signs to add or reprint"
                     if args.since else f"{outputs.signs_written} signs")
            svg, pdf = "svg" in args.formats, "pdf" in args.formats
            where = ", ".join(x for x, on in (("signs.pdf", pdf), ("signs/*.svg", svg)) if on)
            maps = ", ".join(x for x, on in (("maps.pdf", pdf), ("maps/*.svg", svg)) if on)
            rest = ", ".join(x for x, on in (("proof.pdf", pdf), ("schedule.csv", True),
                                             ("schedule.pdf", pdf), ("register.csv", True),
                                             ("object.csv", True), ("plan.json", True),
                                             ("alarm-cards.pdf", "alarm-cards.pdf"
                                              in outputs.files)) if on)
            lang = args.lang or plan.language
            for note in outputs.notes:  # GIS files: written where, or why not
                err.print(note.text(lang), markup=False, highlight=False)
            out.print(f"wrote {len(outputs.files)} files to {target}/: {signs} ({where}), "
                      f"{outputs.map_pages} map pages ({maps}), {rest}", markup=False)
            draft = draft_summary(plan)
            if draft:  # every page says so; the summary too
                out.print(draft, markup=False)
        return 0

    site = pipeline.load_site(args.site, limits=_limits(args))
    prof = pipeline.resolve_profile(site, args.profile)
    if cmd == "diff":
        from .changes import (
            check_plan_belongs,
            diff_plans,
            format_diff,
            read_plan_json,
            reserved_codes,
        )

        old = read_plan_json(args.old_plan)
        check_plan_belongs(old, site, file=args.old_plan, renamed_from=args.renamed_from)
        plan = make_plan(site, prof, options=PlanOptions(reserved=reserved_codes(old, site)))
        d = diff_plans(old, plan)
        if args.json:
            print(json.dumps(d.to_dict(), ensure_ascii=False, indent=2))
        else:
            sys.stdout.write(format_diff(d))
        return 0
    plan = make_plan(site, prof, options=PlanOptions(date=getattr(args, "date", None),
                                                     language=getattr(args, "lang", None)))
    if cmd == "route":
        from .layout.routes import route_for

        route = route_for(site, plan, args.code, args.lang)
        if args.json:
            print(json.dumps({"code": route.code, "entrance": route.entrance,
                              "stair": route.stair, "length_m": route.length_m,
                              "steps": list(route.steps), "text": route.text,
                              "points": [list(p) for p in route.points]},
                             ensure_ascii=False, indent=2))
        else:
            out.print(route.text, markup=False)
        return 0
    if cmd == "status":
        return _status(args, plan, out)
    if cmd == "pin":
        from .changes import pin_site

        n = pin_site(args.site, plan, max_bytes=_limits(args).max_bytes)
        out.print(f"{args.site}: {n} pin(s) added" if n else f"{args.site}: every code is pinned "
                  "already; nothing changed", markup=False)
        return 0
    if cmd == "plan":
        if args.json:
            sys.stdout.write(plan.to_json())
        else:
            print_plan(out, plan)
            print_findings(err, plan, verbose=args.verbose)
        return 0
    if cmd == "check":  # the report: every finding, notes included
        print_findings(out, plan, report=True)
        return 1 if plan.is_draft else 0
    raise AssertionError(cmd)  # argparse rejects unknown commands


def _status(args, plan, out) -> int:
    """``orientation status``: show the signs' dates, or set or clear one step of some."""
    import datetime
    import json

    from . import pipeline, status

    current = status.read_status(args.site)
    if args.step or args.clear:
        if not args.signs:
            from .errors import OptionError

            raise OptionError("SIGN", "name the signs to mark (sign ids, codes, or all)")
        chosen = status.select_signs(plan, args.signs)
        day = None
        if args.step:
            day = args.on or datetime.date.today().isoformat()
            pipeline.check_date(day, option="--on")
        current = status.set_step(current, chosen, args.step or args.clear, day)
        path = status.write_status(args.site, current, plan)
        what = f"{args.step} {day}" if args.step else f"{args.clear} cleared"
        out.print(f"{path}: {len(chosen)} sign(s) {what}", markup=False)
        return 0
    chosen = status.select_signs(plan, args.signs or ["all"])
    rows = [{"sign": s.id, "code": s.text, "kind": s.kind, "key": status.sign_key(s),
             **{st: current.of(s).get(st) for st in status.STEPS}} for s in chosen]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    from rich.table import Table

    table = Table("sign", "code", "kind", *status.STEPS, box=None, pad_edge=False)
    for r in rows:
        table.add_row(r["sign"], r["code"], r["kind"], *(r[st] or "–" for st in status.STEPS))
    out.print(table)
    done = {st: sum(1 for r in rows if r[st]) for st in status.STEPS}
    out.print(f"{len(rows)} sign(s): " + ", ".join(f"{n} {st}" for st, n in done.items()),
              markup=False)
    return 0


class _NoTerminal:
    """Stands for a console that is no terminal (``--quiet``: no progress display)."""

    is_terminal = False


def _parse_layers(value: str | None) -> dict[str, str] | None:
    from .errors import OptionError

    if not value:
        return None
    roles = {}
    for part in value.split(","):
        role, sep, layer = part.partition("=")
        if not sep or not role.strip() or not layer.strip():
            raise OptionError("--layers", f"{part!r} is not ROLE=LAYER (e.g. rooms=Zones)")
        roles[role.strip()] = layer.strip()
    return roles


def _import(args, out, err) -> int:
    from pathlib import Path

    from .errors import OptionError, OutputError
    from .fileio import replace_file
    from .io import import_file
    from .io.site_file import dump_site
    from .pipeline import check_site

    target = Path(args.out)
    if target.is_dir():
        raise OutputError(f"{target} is a folder; name the site file to write "
                          "(e.g. -o site.yaml)", path=str(target))
    if target.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise OptionError("--out", f"{target}: name the site file .yaml or .json")
    if os.path.lexists(target) and not args.force:
        raise OutputError(f"{target} exists; choose another name or pass --force",
                          path=str(target))
    result = import_file(args.file, units=args.units, layers=_parse_layers(args.layers),
                         limits=_import_limits(args), renumber_rooms=args.renumber_rooms)
    check_site(result.site, file=f"{args.file} (imported)")
    for note in result.notes:
        err.print(str(note), markup=False)
    text = dump_site(result.site, fmt="json" if target.suffix.lower() == ".json" else "yaml")
    if target.suffix.lower() != ".json":
        def one_line(text: str) -> str:  # a line break in a note must not end the comment
            return " ".join(text.split())

        head = [f"# imported from {one_line(Path(args.file).name)} ({result.format}) by "
                f"orientation {__version__}"]
        head += [f"# {n.severity}: {one_line(n.message)}" for n in result.notes
                 if n.severity != "info"]
        text = "\n".join(head) + "\n" + text
    replace_file(target, text)  # atomic; keeps mode and links of a file replaced with --force
    site = result.site
    n_doors = sum(1 for b in site.buildings for d in b.doors if d.kind.value != "inner")
    n_rooms = sum(len(b.rooms) for b in site.buildings)
    out.print(f"wrote {target}: {len(site.buildings)} building(s), {n_doors} exterior door(s), "
              f"{n_rooms} room(s); next: orientation check {target}", markup=False)
    return 0


def _batch(args, out, err) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from .batch import find_sites, run_batch

    if args.crs is not None:  # once, before any site: a wrong code would fail every one
        from .pipeline import grid_crs

        grid_crs(args.crs)
    total = len(find_sites(args.paths))
    failed: list = []
    with Progress(TextColumn("rendering"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("sites", total=total)

        def tick(r) -> None:
            bar.advance(task)
            if not r.ok:
                failed.append(r)
                first, *rest = r.message.splitlines() or [""]
                err.print("\n".join([f"failed: {r.site}: {first}"] + [f"    {x}" for x in rest]),
                          markup=False)

        results = run_batch(args.paths, args.out, jobs=args.jobs, progress=tick,
                            options={"formats": args.formats, "paper": args.paper,
                                     "ng911": args.ng911, "excel": args.excel, "crs": args.crs})
    t = Table(title=f"batch: {len(results)} site(s) into {args.out}")
    for col in ("site", "result", "signs", "map pages", "seconds"):
        t.add_column(col, justify="right" if col in ("signs", "map pages", "seconds") else "left")
    for r in results:
        result = "draft" if r.draft else "ok" if r.ok else "FAILED"
        t.add_row(r.site, result, str(r.signs) if r.ok else "",
                  str(r.pages) if r.ok else "", f"{r.seconds:.2f}" if r.ok else "")
    out.print(t)
    drafts = [r for r in results if r.draft]
    for r in drafts:
        out.print(f"draft: {r.site}: {'; '.join(r.draft_reasons)}", markup=False)
    finished = len(results) - len(failed) - len(drafts)
    out.print(f"{len(results) - len(failed)} rendered, {len(failed)} failed: {finished} fit to "
              f"print, {len(drafts)} draft(s) (every page marked DRAFT)", markup=False)
    return 1 if failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
