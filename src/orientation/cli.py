"""The ``orientation`` command: arguments in, a library call, errors out as messages.

Exit status: 0 done; 1 the input is wrong (the message says where and what to do); 2 wrong
usage (also an option value that would turn a limit off: 0, negative, nan, inf); 128 + N
stopped by signal N (SIGTERM, SIGHUP, SIGINT), after the clean-up: no temporary folder is
left. No traceback reaches the user for an :class:`OrientationError` or an OS error.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import OrientationError
from .runtime import tune_collector_for_a_run


def _formats(value: str) -> tuple[str, ...]:
    from .pipeline import FORMATS

    out = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [v for v in out if v not in FORMATS]
    if bad or not out:
        raise argparse.ArgumentTypeError(f"choose from {', '.join(FORMATS)} (comma-separated)")
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
    ("--max-import-mb", "max_file_bytes", float, "MB", "largest building file (default 300 MB)"),
    ("--max-unzipped-mb", "max_unzipped_bytes", float, "MB",
     "largest unpacked IMDF archive (default 400 MB)"),
    ("--import-memory-mb", "max_memory_mb", int, "MB",
     "memory of the contained import process (default 4096 MB)"),
    ("--import-timeout", "timeout_s", float, "S", "longest import in seconds (default 120)"),
    ("--max-level-range", "max_levels_per_range", int, "N",
     "most levels one OSM level range may name (default 200)"),
    ("--max-curve-points", "max_curve_points", int, "N",
     "most points of one flattened DXF curve (default 10,000)"),
    ("--max-points", "max_points_per_file", int, "N",
     "most points of all entities in one file (default 5,000,000)"),
    ("--max-ring-vertices", "max_ring_vertices", int, "N",
     "most vertices of one outline (default 50,000)"),
    ("--max-line-points", "max_line_points", int, "N",
     "most points of one road or footway (default 10,000)"),
    ("--max-notes", "max_notes", int, "N", "most notes listed for one import (default 100)"),
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
    from .io.site_file import DEFAULT_LIMITS

    p = argparse.ArgumentParser(
        prog="orientation",
        description="Emergency orientation signage (Gütersloh model, US K-12) and responder maps.")
    p.add_argument("--version", action="version", version=f"orientation {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def site_cmd(name: str, help_: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help_, description=help_)
        c.add_argument("site", metavar="SITE", help="site file (YAML or JSON)")
        c.add_argument("--profile", help="profile name (default: the site's, else guetersloh)")
        lim = c.add_argument_group("limits for untrusted input")
        lim.add_argument("--max-file-mb", type=_positive_float, metavar="MB",
                         help=f"largest site file (default {DEFAULT_LIMITS.max_bytes / 1e6:g} MB)")
        lim.add_argument("--max-elements", type=_positive_int, metavar="N", help="most doors, stairs, rooms, "
                         f"windows and features per site (default {DEFAULT_LIMITS.max_elements:,})")
        lim.add_argument("--max-coordinate", type=_positive_float, metavar="M", help="farthest coordinate "
                         f"from the plan origin in metres (default {DEFAULT_LIMITS.max_coordinate_m:g})")
        lim.add_argument("--max-ring-vertices", type=_positive_int, metavar="N",
                         help="most points of one outline (default "
                         f"{DEFAULT_LIMITS.max_ring_vertices:,})")
        lim.add_argument("--max-line-points", type=_positive_int, metavar="N",
                         help="most points of one road or footway (default "
                         f"{DEFAULT_LIMITS.max_line_points:,})")
        lim.add_argument("--max-exterior-doors", type=_positive_int, metavar="N",
                         help="most exterior doors of one building (default "
                         f"{DEFAULT_LIMITS.max_exterior_doors:,})")
        return c

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
    r.add_argument("--since", metavar="OLD_PLAN", help="plan.json of a printed plan: write only "
                   "the signs to add or reprint, with their own schedule, into a folder of their "
                   "own (never over the printed plan's)")
    r.add_argument("--renamed-from", metavar="OLD_NAME",
                   help="the site's former name, when it was renamed since the plan was printed (the old plan is otherwise refused as another site's)")
    r.add_argument("-q", "--quiet", action="store_true", help="print only errors")

    pl = site_cmd("plan", "the signage plan as a table, or plan.json with --json")
    pl.add_argument("--json", action="store_true", help="print plan.json")
    pl.add_argument("--date", help="plan date (ISO)")

    site_cmd("check", "validation, legibility and contrast report; exit 1 on an error finding")

    site_cmd("pin", "write every assigned code into the site file as pins (keeps comments)")

    d = sub.add_parser("diff", help="what changed since a printed plan: signs to add, remove, reprint")
    d.add_argument("old_plan", metavar="OLD_PLAN", help="plan.json of the printed plan")
    d.add_argument("site", metavar="SITE", help="the site file as it is now")
    d.add_argument("--profile", help="profile name (default: the site's, else guetersloh)")
    d.add_argument("--json", action="store_true", help="print JSON (added, removed, reprint, unchanged)")
    d.add_argument("--renamed-from", metavar="OLD_NAME",
                   help="the site's former name, when it was renamed since the plan was printed (the old plan is otherwise refused as another site's)")

    bt = sub.add_parser("batch", help="render many site files with a progress bar")
    bt.add_argument("paths", nargs="+", metavar="DIR", help="folders (searched recursively) or site files")
    bt.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder; one sub-folder per site")
    bt.add_argument("--jobs", type=_positive_int, default=None, help="worker processes (default: all cores)")
    bt.add_argument("--formats", type=_formats, default=("svg", "pdf"), help="svg,pdf (default both)")
    bt.add_argument("--paper", choices=["A3", "A4"], default="A3")

    im = sub.add_parser("import", help="IFC, DXF, IMDF (folder or .zip) or OSM into a site file")
    im.add_argument("file", metavar="FILE", help="building file: .ifc, .dxf, .osm, IMDF folder or .zip")
    im.add_argument("-o", "--out", required=True, metavar="SITE.yaml", help="site file to write (.yaml or .json)")
    im.add_argument("--units", choices=["m", "cm", "mm", "in", "ft"],
                    help="drawing units when the file's own setting is wrong (DXF)")
    im.add_argument("--layers", metavar="ROLE=LAYER,...",
                    help="DXF layer roles, e.g. footprint=Facade,rooms=Zones,labels=Text,doors=Doors")
    im.add_argument("--keep-room-numbers", action="store_true",
                    help="keep the model's room numbers as pinned codes")
    im.add_argument("--force", action="store_true", help="overwrite an existing site file")
    il = im.add_argument_group("limits for untrusted building files (see SECURITY.md)")
    for flag, field, kind, unit, help_ in _IMPORT_LIMIT_FLAGS:
        il.add_argument(flag, dest=f"limit_{field}", metavar=unit,
                        type=_positive_float if kind is float else _positive_int, help=help_)

    sub.add_parser("schema", help="print the JSON Schema of the site file")
    sub.add_parser("profiles", help="list the profiles on hand")
    return p


class Terminated(SystemExit):
    """A signal (SIGTERM, SIGHUP, SIGINT) turned into an exception, so that every clean-up on
    the way out runs (no temporary folder is left). Exit status 128 + the signal number."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.code = 128 + signum


def _raise_terminated(signum: int, _frame) -> None:
    raise Terminated(signum)


def install_signal_handlers() -> dict[int, object]:
    """Turn SIGTERM, SIGHUP and SIGINT into :class:`Terminated` (only in the main thread and
    not where a signal is ignored, as under ``nohup``). Returns the handlers to restore."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    saved: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        sig = getattr(signal, name, None)
        if sig is None:
            continue
        current = signal.getsignal(sig)
        if current is signal.SIG_IGN:
            continue
        saved[sig] = current
        signal.signal(sig, _raise_terminated)
    return saved


def main(argv: Sequence[str] | None = None) -> int:
    # pydantic scans every installed package's entry points for plugins at first use (about
    # 0.3 s in a full environment); the command line uses none. Library users are unaffected.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    tune_collector_for_a_run()
    args = _parser().parse_args(argv)
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
            signal.signal(sig, handler)


def _run(args: argparse.Namespace) -> int:
    from rich.console import Console

    out = Console(highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    cmd = args.command
    if cmd == "schema":
        from .model import Site

        print(json.dumps(Site.model_json_schema(), indent=2, ensure_ascii=False))
        return 0
    if cmd == "profiles":
        from .profiles import DEFAULT_PROFILE, load_profile, profile_names

        for name in profile_names():
            prof = load_profile(name)
            mark = " (default)" if name == DEFAULT_PROFILE else ""
            out.print(f"{name:<12} {prof.title}{mark}")
        return 0

    if cmd == "batch":
        return _batch(args, out, err)
    if cmd == "import":
        return _import(args, out, err)

    from . import pipeline
    from .layout.engine import PlanOptions, make_plan

    if cmd == "render":
        log = None if args.quiet else (lambda m: err.print(m))
        outputs = pipeline.render(args.site, args.out, profile=args.profile, formats=args.formats,
                                  paper=args.paper, language=args.lang, date=args.date,
                                  crop_marks=args.crop_marks, since=args.since, log=log,
                                  renamed_from=args.renamed_from,
                                  limits=_limits(args))
        plan = outputs.plan
        target = outputs.out_dir
        _print_findings(err, plan, quiet=args.quiet)
        if not args.quiet:
            signs = (f"{outputs.signs_written} of {len(plan.signs)} signs to add or reprint"
                     if args.since else f"{outputs.signs_written} signs")
            svg, pdf = "svg" in args.formats, "pdf" in args.formats
            where = ", ".join(x for x, on in (("signs.pdf", pdf), ("signs/*.svg", svg)) if on)
            maps = ", ".join(x for x, on in (("maps.pdf", pdf), ("maps/*.svg", svg)) if on)
            rest = ", ".join(x for x, on in (("proof.pdf", pdf), ("schedule.csv", True),
                                             ("schedule.pdf", pdf), ("register.csv", True),
                                             ("markings.geojson", True), ("plan.json", True)) if on)
            out.print(f"wrote {len(outputs.files)} files to {target}/: {signs} ({where}), "
                      f"{outputs.map_pages} map pages ({maps}), {rest}", markup=False)
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
    plan = make_plan(site, prof, options=PlanOptions(date=getattr(args, "date", None)))
    if cmd == "pin":
        from .changes import pin_site

        n = pin_site(args.site, plan)
        out.print(f"{args.site}: {n} pin(s) added" if n else f"{args.site}: every code is pinned "
                  "already; nothing changed", markup=False)
        return 0
    if cmd == "plan":
        if args.json:
            sys.stdout.write(plan.to_json())
        else:
            _print_plan(out, plan)
            _print_findings(err, plan)
        return 0
    if cmd == "check":
        _print_findings(out, plan, quiet=False, verbose=True)
        n_err = sum(1 for f in plan.findings if f.severity == "error")
        return 1 if n_err else 0
    raise AssertionError(cmd)  # argparse rejects unknown commands


def _parse_layers(value: str | None) -> dict[str, str] | None:
    if not value:
        return None
    roles = {}
    for part in value.split(","):
        role, sep, layer = part.partition("=")
        if not sep or not role.strip() or not layer.strip():
            raise OrientationError(f"--layers: {part!r} is not ROLE=LAYER (e.g. rooms=Zones)")
        roles[role.strip()] = layer.strip()
    return roles


def _import(args, out, err) -> int:
    from .fileio import replace_file
    from .io import import_file
    from .io.site_file import dump_site
    from .pipeline import check_site

    target = Path(args.out)
    if target.is_dir():
        raise OrientationError(f"{target} is a folder; name the site file to write "
                               "(e.g. -o site.yaml)")
    if target.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise OrientationError(f"{target}: name the site file .yaml or .json")
    if os.path.lexists(target) and not args.force:
        raise OrientationError(f"{target} exists; choose another name or pass --force")
    result = import_file(args.file, units=args.units, layers=_parse_layers(args.layers),
                         limits=_import_limits(args),
                         keep_room_numbers=args.keep_room_numbers)
    check_site(result.site, file=f"{args.file} (imported)")
    for note in result.notes:
        err.print(str(note), markup=False)
    text = dump_site(result.site, fmt="json" if target.suffix.lower() == ".json" else "yaml")
    if target.suffix.lower() != ".json":
        head = [f"# imported from {Path(args.file).name} ({result.format}) by orientation {__version__}"]
        head += [f"# {n.severity}: {n.message}" for n in result.notes if n.severity != "info"]
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
                            options={"formats": args.formats, "paper": args.paper})
    t = Table(title=f"batch: {len(results)} site(s) into {args.out}")
    for col in ("site", "result", "signs", "map pages", "seconds"):
        t.add_column(col, justify="right" if col in ("signs", "map pages", "seconds") else "left")
    for r in results:
        t.add_row(r.site, "ok" if r.ok else "FAILED", str(r.signs) if r.ok else "",
                  str(r.pages) if r.ok else "", f"{r.seconds:.2f}" if r.ok else "")
    out.print(t)
    out.print(f"{len(results) - len(failed)} rendered, {len(failed)} failed", markup=False)
    return 1 if failed else 0


def _print_findings(console, plan, *, quiet: bool = False, verbose: bool = False) -> None:
    counts = {s: sum(1 for f in plan.findings if f.severity == s) for s in ("error", "warning", "info")}
    for f in plan.findings:
        if quiet and f.severity != "error":
            continue
        if f.severity == "info" and not verbose:
            continue
        console.print(f"{f.severity}: [{f.code}] {f.element}: {f.message}", markup=False)
    if verbose or not quiet:
        verdict = ("not fit to print: fix the errors above" if counts["error"]
                   else "fit to print")
        console.print(f"{plan.site_name}: {counts['error']} error(s), {counts['warning']} "
                      f"warning(s), {counts['info']} note(s): {verdict}", markup=False)


def _print_plan(console, plan) -> None:
    from rich.table import Table

    letters = {b.id: b.letter for b in plan.buildings}
    t = Table(title=f"{plan.site_name} – {plan.profile}", show_lines=False)
    for col in ("code", "kind", "building", "level", "side", "grid", "name", "signs"):
        t.add_column(col)
    signs_per = {}
    for s in plan.signs:
        signs_per[s.marking] = signs_per.get(s.marking, 0) + 1
    for m in plan.markings:
        if m.kind in ("side", "window"):
            continue
        level = "–" if m.level is None else (",".join(map(str, m.levels)) if m.levels else str(m.level))
        t.add_row(m.code, m.kind, letters.get(m.building, m.building), level, m.side or "",
                  m.grid or "", m.name or "", str(signs_per.get(m.id, 0)))
    console.print(t)
    console.print(f"{len(plan.signs)} signs; plan version {plan.version}", markup=False)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
