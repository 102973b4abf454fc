"""The ``orientation`` command: arguments in, a library call, errors out as messages.

Exit status: 0 done; 1 the input is wrong (the message says where and what to do); 2 wrong
usage. No traceback reaches the user for an :class:`OrientationError`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
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


def _limits(args: argparse.Namespace):
    from dataclasses import replace

    from .io.site_file import DEFAULT_LIMITS

    changes = {}
    if getattr(args, "max_file_mb", None):
        changes["max_bytes"] = int(args.max_file_mb * 1e6)
    if getattr(args, "max_elements", None):
        changes["max_elements"] = args.max_elements
    if getattr(args, "max_coordinate", None):
        changes["max_coordinate_m"] = args.max_coordinate
    return replace(DEFAULT_LIMITS, **changes)


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
        lim.add_argument("--max-file-mb", type=float, metavar="MB",
                         help=f"largest site file (default {DEFAULT_LIMITS.max_bytes / 1e6:g} MB)")
        lim.add_argument("--max-elements", type=int, metavar="N", help="most doors, stairs, rooms, "
                         f"windows and features per site (default {DEFAULT_LIMITS.max_elements:,})")
        lim.add_argument("--max-coordinate", type=float, metavar="M", help="farthest coordinate "
                         f"from the plan origin in metres (default {DEFAULT_LIMITS.max_coordinate_m:g})")
        return c

    r = site_cmd("render", "plan the site and write every output (signs, maps, schedule, register)")
    r.add_argument("-o", "--out", metavar="DIR", help="output folder (default output/<site-stem>/)")
    r.add_argument("--formats", type=_formats, default=("svg", "pdf"), help="svg,pdf (default both)")
    r.add_argument("--paper", choices=["A3", "A4"], default="A3",
                   help="map paper: A3 landscape (default) or A4 portrait")
    r.add_argument("--lang", choices=["de", "en"], help="language of signs and maps (default: profile)")
    r.add_argument("--date", help="plan date printed on maps (ISO, e.g. 2026-11-21; default: the "
                   "site file's site.date; never the clock, so renders stay byte-stable)")
    r.add_argument("--crop-marks", action="store_true", help="crop marks on every sign page")
    r.add_argument("--since", metavar="OLD_PLAN", help="plan.json of a printed plan: write only "
                   "the signs to add or reprint, with their own schedule")
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

    bt = sub.add_parser("batch", help="render many site files with a progress bar")
    bt.add_argument("paths", nargs="+", metavar="DIR", help="folders (searched recursively) or site files")
    bt.add_argument("-o", "--out", required=True, metavar="OUT", help="output folder; one sub-folder per site")
    bt.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
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

    sub.add_parser("schema", help="print the JSON Schema of the site file")
    sub.add_parser("profiles", help="list the profiles on hand")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # pydantic scans every installed package's entry points for plugins at first use (about
    # 0.3 s in a full environment); the command line uses none. Library users are unaffected.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    tune_collector_for_a_run()
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except OrientationError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


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
                                  limits=_limits(args))
        plan = outputs.plan
        target = Path(args.out) if args.out else Path("output") / Path(args.site).stem
        _print_findings(err, plan, quiet=args.quiet)
        if not args.quiet:
            n_maps = sum(1 for k in outputs.files if k.startswith("maps/"))
            out.print(f"wrote {len(outputs.files)} files to {target}/: {len(plan.signs)} signs "
                      f"(signs.pdf, signs/*.svg), {n_maps} map pages (maps.pdf), proof.pdf, "
                      "schedule.csv/.pdf, register.csv, markings.geojson, plan.json")
        return 0

    site = pipeline.load_site(args.site, limits=_limits(args))
    prof = pipeline.resolve_profile(site, args.profile)
    if cmd == "diff":
        from .changes import diff_plans, format_diff, read_plan_json, reserved_codes

        old = read_plan_json(args.old_plan)
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
    import os
    import tempfile

    from .io import import_file
    from .io.site_file import dump_site
    from .pipeline import check_site

    target = Path(args.out)
    if target.exists() and not args.force:
        raise OrientationError(f"{target} exists; choose another name or pass --force")
    if target.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise OrientationError(f"{target}: name the site file .yaml or .json")
    result = import_file(args.file, units=args.units, layers=_parse_layers(args.layers),
                         keep_room_numbers=args.keep_room_numbers)
    check_site(result.site, file=f"{args.file} (imported)")
    for note in result.notes:
        err.print(str(note), markup=False)
    text = dump_site(result.site, fmt="json" if target.suffix.lower() == ".json" else "yaml")
    if target.suffix.lower() != ".json":
        head = [f"# imported from {Path(args.file).name} ({result.format}) by orientation {__version__}"]
        head += [f"# {n.severity}: {n.message}" for n in result.notes if n.severity != "info"]
        text = "\n".join(head) + "\n" + text
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, target)
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
                err.print(f"failed: {r.site}: {r.message}", markup=False)

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
