"""``orientation edit SITE VERB …``: edit a site file from the command line, one change a run.

The verbs are :mod:`orientation.plan_edits` on the command line: ``add-door``, ``add-road``,
``add-feature``, ``set``, ``remove`` and ``missing`` (the list of what keeps the site from
being fit to print). Each reads the site file (a regular file, bounded), makes the edit,
writes the file's own text back with the change in (comments and order kept; atomically,
through :func:`orientation.fileio.replace_file`) and prints one line saying what changed. A
bad edit (a door far from the wall, an unknown building, a date that is none) exits 1 with
the message and leaves the file as it was, byte for byte.

Start-up: only the standard library at module level (the parser is built for ``--help``).
"""

from __future__ import annotations

import argparse
import re
from typing import Any

#: A negative coordinate (``-10,-15``) is a value, not an option.
_NEGATIVE = re.compile(r"^-\.?\d")

SITE_KINDS = ("hydrant", "assembly_point", "gate")
LINE_KINDS = ("road", "fire_lane", "footway")


def _xy(value: str) -> tuple[float, float]:
    """``X,Y`` (plan metres) as a point (argparse type)."""
    parts = value.replace(";", ",").split(",")
    try:
        x, y = (float(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not X,Y (plan metres, e.g. 12.5,-3)") \
            from None
    if x != x or y != y or abs(x) == float("inf") or abs(y) == float("inf"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a finite point")
    return x, y


def _latlon(value: str) -> tuple[float, float]:
    try:
        return _xy(value)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{value!r} is not LAT,LON (degrees, e.g. "
                                         "51.9066,8.3786)") from None


def add_edit_parser(c: argparse.ArgumentParser) -> None:
    """The verbs of ``orientation edit`` on its parser ``c`` (which has SITE already)."""
    c._negative_number_matcher = _NEGATIVE
    verbs = c.add_subparsers(dest="verb", required=True, metavar="VERB")

    def verb(name: str, help_: str) -> argparse.ArgumentParser:
        v = verbs.add_parser(name, help=help_, description=help_)
        v._negative_number_matcher = _NEGATIVE
        return v

    d = verb("add-door", "add a door on a building's wall (snapped onto it within 1.5 m)")
    d.add_argument("--building", required=True, metavar="ID", help="the building's id")
    d.add_argument("--at", required=True, type=_xy, metavar="X,Y", help="where (plan metres)")
    d.add_argument("--level", type=int, metavar="N", help="storey (default: the ground floor)")
    d.add_argument("--kind", default="entrance", help="entrance (default), emergency_exit, "
                   "fire_brigade, service or inner")
    d.add_argument("--main", action="store_true", help="the main entrance (it becomes E1)")
    d.add_argument("--width", type=float, metavar="M", help="door width in metres")

    r = verb("add-road", "add a road (or fire lane, footway) as a line")
    r.add_argument("--line", required=True, nargs="+", type=_xy, metavar="X,Y",
                   help="two or more points of the line")
    r.add_argument("--name", help="the road's name (the address's street, say)")
    r.add_argument("--kind", default="road", choices=LINE_KINDS)

    f = verb("add-feature", "add a feature: hydrant, assembly_point, gate on the site; key_box, "
             "fire_alarm_panel, first_info_point … of a building (with --building)")
    f.add_argument("--kind", required=True)
    f.add_argument("--at", required=True, type=_xy, metavar="X,Y")
    f.add_argument("--building", metavar="ID", help="the building (for a building's feature)")
    f.add_argument("--level", type=int, metavar="N", help="storey (default: the ground floor)")
    f.add_argument("--levels", type=int, nargs="+", metavar="N",
                   help="every storey it is on (a lift, a riser)")
    f.add_argument("--name")

    s = verb("set", "set the site's name, address, plan date, position or north")
    s.add_argument("--name")
    s.add_argument("--address", help="the address ('' removes it)")
    s.add_argument("--date", help="plan date YYYY-MM-DD ('' removes it)")
    s.add_argument("--origin", type=_latlon, metavar="LAT,LON",
                   help="WGS84 position of plan point (0, 0), or of --origin-at")
    s.add_argument("--origin-at", type=_xy, metavar="X,Y",
                   help="the plan point that lies at --origin (e.g. a corner of a building)")
    s.add_argument("--north", type=float, metavar="DEG",
                   help="bearing of the plan's +y axis, degrees clockwise from north")

    m = verb("remove", "remove an element (BUILDING/ID), a storey (storey BUILDING/LEVEL) or a "
             "site feature (site-feature INDEX)")
    m.add_argument("what", nargs="+", metavar="ID",
                   help="BUILDING/ID, or 'storey BUILDING/LEVEL', or 'site-feature INDEX'")

    verb("missing", "list what keeps the site from being fit to print")


def _plan(site: Any, profile: str | None) -> Any:
    from .layout.engine import make_plan
    from .pipeline import resolve_profile

    return make_plan(site, resolve_profile(site, profile))


def _p(xy: tuple[float, float]) -> str:
    return f"({xy[0]:g}, {xy[1]:g})"


def _edit(args: argparse.Namespace, site: Any) -> tuple[Any, str]:
    """The edited site and the line saying what changed."""
    from . import plan_edits as pe
    from .errors import OptionError

    verb = args.verb
    if verb == "add-door":
        new, door_id = pe.add_door(site, args.building, args.at, kind=args.kind,
                                   level=args.level, main=args.main, width=args.width)
        door = next(d for b in new.buildings if b.id == args.building for d in b.doors
                    if d.id == door_id)
        marking = _plan(new, args.profile).marking(f"{args.building}/{door_id}")
        code = f", code {marking.code}" if marking is not None and marking.code else ""
        main = ", the main entrance" if door.main else ""
        return new, (f"added door {door_id} ({door.kind.value}{main}{code}) at {_p(door.at)} on "
                     f"level {door.level} of building '{args.building}'")
    if verb == "add-road":
        new, i = pe.add_site_feature(site, args.kind, line=args.line, name=args.name)
        named = f" '{args.name}'" if args.name else ""
        return new, (f"added {args.kind.replace('_', ' ')}{named} with {len(args.line)} points "
                     f"as site_features[{i}]")
    if verb == "add-feature":
        if args.kind in SITE_KINDS:
            if args.building is not None or args.level is not None or args.levels:
                raise OptionError("--building", f"a {args.kind} stands on the site, not in a "
                                  "building: leave out --building, --level and --levels")
            new, i = pe.add_site_feature(site, args.kind, at=args.at, name=args.name)
            return new, f"added {args.kind.replace('_', ' ')} at {_p(args.at)} as site_features[{i}]"
        if args.building is None:
            raise OptionError("--building", f"a {args.kind} belongs to a building: name it with "
                              "--building ID (site features are: " + ", ".join(SITE_KINDS) + ")")
        new = pe.add_feature(site, args.building, args.kind, args.at, level=args.level,
                             levels=args.levels, name=args.name)
        feature = next(b for b in new.buildings if b.id == args.building).features[-1]
        return new, (f"added {args.kind.replace('_', ' ')} {feature.id} at {_p(feature.at)} on "
                     f"level {feature.level} of building '{args.building}'")
    if verb == "set":
        return _set(args, site)
    if verb == "remove":
        return _remove(args, site)
    raise AssertionError(verb)  # argparse rejects unknown verbs


def _set(args: argparse.Namespace, site: Any) -> tuple[Any, str]:
    from . import plan_edits as pe
    from .errors import OptionError

    given = {k: v for k, v in (("name", args.name), ("address", args.address),
                               ("date", args.date), ("north_deg", args.north))
             if v is not None}
    if args.origin_at is not None and args.origin is None:
        raise OptionError("--origin-at", "give the position of that point with --origin LAT,LON")
    if not given and args.origin is None:
        raise OptionError("set", "nothing to set; give --name, --address, --date, --origin or "
                          "--north")
    new = pe.set_site(site, **given)
    if args.origin is not None:
        if args.origin_at is not None:
            new = pe.set_origin_at(new, args.origin_at, *args.origin)
        else:
            new = pe.set_site(new, origin=args.origin)
    changed = []
    for key in ("name", "address", "date", "north_deg", "origin"):
        old_v, new_v = getattr(site.site, key), getattr(new.site, key)
        if old_v == new_v:
            continue
        if key == "origin":
            new_v = f"{new_v.lat:.7f}, {new_v.lon:.7f}" if new_v else None
        changed.append(f"{key} {new_v!s}" if new_v is not None else f"{key} removed")
    return new, ("set " + "; ".join(changed)) if changed else "set: nothing changed"


def _remove(args: argparse.Namespace, site: Any) -> tuple[Any, str]:
    from . import plan_edits as pe
    from .errors import OptionError

    what = args.what
    if len(what) == 2 and what[0] == "storey":
        building, _, level = what[1].rpartition("/")
        try:
            lv = int(level)
        except ValueError:
            raise OptionError("remove", f"{what[1]!r} is not BUILDING/LEVEL (e.g. main/2)") \
                from None
        new, n = pe.remove_storey(site, building, lv)
        return new, f"removed storey {lv} of building '{building}' and {n} element(s) on it"
    if len(what) == 2 and what[0] == "site-feature":
        try:
            index = int(what[1])
        except ValueError:
            raise OptionError("remove", f"{what[1]!r} is not the index of a site feature") \
                from None
        kind = site.site_features[index].kind.value if 0 <= index < len(site.site_features) \
            else ""
        return pe.remove_site_feature(site, index), f"removed site_features[{index}] ({kind})"
    if len(what) == 1 and "/" in what[0]:
        building, _, element = what[0].partition("/")
        return pe.remove_element(site, building, element), \
            f"removed {element} of building '{building}'"
    raise OptionError("remove", f"{' '.join(what)!r}: give BUILDING/ID, 'storey BUILDING/LEVEL' "
                      "or 'site-feature INDEX'")


def run_edit(args: argparse.Namespace, out: Any, err: Any) -> int:
    """``orientation edit``: the file edited in place (or the missing list printed)."""
    from .cli import _limits
    from .edits import site_text
    from .errors import OrientationError, Problem, SiteFileError
    from .fileio import read_input_bytes, replace_file
    from .io.site_file import site_from_bytes
    from .pipeline import check_site

    limits = _limits(args)
    path = str(args.site)
    raw = read_input_bytes(path, max_bytes=limits.max_bytes, what="site file")
    site = check_site(site_from_bytes(raw, name=path, limits=limits), file=path)
    if args.verb == "missing":
        from .plan_edits import missing

        items = missing(site, _plan(site, args.profile))
        if not items:
            out.print(f"{path}: nothing is missing; the site is fit to print", markup=False)
        for item in items:
            out.print(f"- {item.text('en')}  [{item.action}]", markup=False)
        return 0
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SiteFileError(path, [Problem("", f"not UTF-8 text (byte {exc.start})")]) from None
    new, message = _edit(args, site)
    if new == site:
        out.print(f"{path}: {message}; nothing changed", markup=False)
        return 0
    try:
        new_text = site_text(text, new, name=path, strict=True)
    except OrientationError as exc:
        err.print(f"warning: {exc}; the file is written afresh (its comments are lost)",
                  markup=False)
        new_text = site_text(text, new, name=path)
    replace_file(path, new_text)
    out.print(f"{path}: {message}", markup=False)
    return 0


__all__ = ["add_edit_parser", "run_edit"]
