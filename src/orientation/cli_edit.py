"""``orientation edit SITE VERB …``: edit a site file from the command line, one change a run.

The verbs are :mod:`orientation.plan_edits` on the command line: ``add-door``, ``add-road``,
``add-feature``, ``set``, ``move``, ``remove``, ``list`` (every element with the reference that
names it: ``BUILDING/ID``, or ``BUILDING/features[3]`` and ``site_features[2]`` for those
without an id) and ``missing`` (the list of what keeps the site from being fit to print). Each reads the site file (a regular file, bounded), makes the edit,
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
#: The lists ``list`` shows (a building's, then the site's).
_LISTS = ("doors", "stairs", "rooms", "windows", "features", "site_features")


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

    m = verb("remove", "remove an element (BUILDING/ID, BUILDING/features[N], "
             "site_features[N]) or a storey (storey BUILDING/LEVEL)")
    m.add_argument("what", nargs="+", metavar="REF",
                   help="BUILDING/ID, BUILDING/LIST[N] (doors, stairs, rooms, windows, features; "
                   "N from 0, as 'list' shows), site_features[N], or 'storey BUILDING/LEVEL'")

    v = verb("move", "move an element to a point (--at) or by a distance (--by; lines, areas "
             "and rooms move by)")
    v.add_argument("what", metavar="REF", help="BUILDING/ID, BUILDING/features[N] or "
                   "site_features[N] (as 'list' shows)")
    to = v.add_mutually_exclusive_group(required=True)
    to.add_argument("--at", type=_xy, metavar="X,Y", help="where to (plan metres); a door or "
                    "window is snapped onto the wall")
    to.add_argument("--by", type=_xy, metavar="DX,DY", help="how far (metres east, north)")

    ls = verb("list", "list the elements with the reference that names each (for move, remove)")
    ls.add_argument("lists", nargs="*", metavar="LIST", help="only these: " + ", ".join(_LISTS) + " (default: all)")

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
    if verb == "move":
        return _move(args, site)
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


def _what(e: Any) -> str:
    """An element for the messages: ``door d-ost (entrance)``, ``key box 'FSD'``."""
    kind: str | None = getattr(getattr(e, "kind", None), "value", None)
    door = type(e).__name__ == "Door"
    word = kind.replace("_", " ") if kind is not None and not door else type(e).__name__.lower()
    if door:
        word += f" {e.id} ({kind})"
    elif getattr(e, "id", None):
        word += f" {e.id}"
    return word + (f" '{e.name}'" if getattr(e, "name", None) else "")


def _where(e: Any) -> str:
    if getattr(e, "at", None) is not None:
        return f"at {_p(e.at)}"
    pts = getattr(e, "line", None) or getattr(e, "polygon", None)
    return f"{len(pts)} points from {_p(pts[0])}" if pts else "without an outline"


def _named(ref: Any, e: Any) -> str:
    """`` of building 'rathaus'``, `` (features[3]) of building 'rathaus'`` for an element
    without an id, `` (site_features[2])``."""
    named = "" if getattr(e, "id", None) else f" ({ref.key}[{ref.index}])"
    return named + (f" of building '{ref.building}'" if ref.building else "")


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
    if len(what) == 2 and what[0] == "site-feature":  # the older form of site_features[N]
        what = [f"site_features[{what[1]}]"]
    if len(what) != 1:
        raise OptionError("remove", f"{' '.join(what)!r}: give {pe.REF_FORMS}, or 'storey "
                          "BUILDING/LEVEL'")
    ref, e = pe.find(site, what[0])
    return pe.remove(site, ref), f"removed {_what(e)}{_named(ref, e)}"


def _move(args: argparse.Namespace, site: Any) -> tuple[Any, str]:
    from . import plan_edits as pe

    ref, e = pe.find(site, args.what)
    new = pe.move(site, ref, at=args.at, by=args.by)
    _, moved = pe.find(new, ref)
    to = f"by {_p(args.by)}" if args.by is not None else ""
    if getattr(moved, "at", None) is not None:
        to = f"{to}{' ' if to else ''}to {_p(moved.at)}"
    return new, f"moved {_what(e)}{_named(ref, e)} {to}"


def _list(args: argparse.Namespace, site: Any, out: Any) -> None:
    from . import plan_edits as pe
    from .errors import OptionError

    unknown = [k for k in args.lists if k not in _LISTS]
    if unknown:
        raise OptionError("list", f"unknown list {unknown[0]!r}; choose from: {', '.join(_LISTS)}")
    shown = set(args.lists or _LISTS)
    for text, ref, e in pe.references(site):
        if ref.key in shown:
            levels = getattr(e, "levels", None) or (getattr(e, "level", None),)
            on = (f", level{'s' if len(levels) > 1 else ''} {', '.join(map(str, levels))}"
                  if levels != (None,) else "")
            out.print(f"{text}  {_what(e)} {_where(e)}{on}", markup=False)


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
    if args.verb == "list":
        _list(args, site, out)
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
