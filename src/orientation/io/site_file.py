"""Reading site files (YAML or JSON) into a :class:`~orientation.model.Site`.

Every foreign error (YAML, JSON, Unicode, pydantic) is translated here into a
:class:`~orientation.errors.SiteFileError` that lists **all** problems with their key paths.
Hostile input is bounded by :class:`Limits`: file size, expanded YAML node count (alias bombs),
nesting depth and element count.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .. import model
from ..errors import LimitError, Problem, SiteFileError

try:  # the C-accelerated loader (libyaml) is several times faster than the pure-Python one
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing from the wheel
    _YamlLoader = yaml.SafeLoader


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on untrusted input; each message names the limit that was hit.

    ``max_bytes``: size of a site file; ``max_nodes``: YAML/JSON values after alias expansion;
    ``max_elements``: doors, stairs, rooms, windows and features of all buildings together;
    ``max_coordinate_m``: distance of any coordinate from the plan origin.
    """

    max_bytes: int = 50_000_000
    max_nodes: int = 5_000_000
    max_depth: int = 64
    max_elements: int = 500_000
    max_coordinate_m: float = 100_000.0


DEFAULT_LIMITS = Limits()


def path_str(loc: Iterable[Any]) -> str:
    """A pydantic location as a key path.

    >>> path_str(("buildings", 0, "doors", 3, "at"))
    'buildings[0].doors[3].at'
    >>> path_str(())
    ''
    """
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def parse_text(text: str, *, suffix: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse YAML (``.yaml``/``.yml``) or JSON (anything else ending ``.json``) into plain data."""
    if not text.strip():
        raise SiteFileError(file, [Problem("", "the file is empty; a site file starts with "
                                           "'format: orientation/site@1'")])
    try:
        if suffix == ".json":
            data = json.loads(text)
        else:
            if "&" in text and "*" in text:
                _check_yaml_expansion(text, file=file, limits=limits)
            data = yaml.load(text, Loader=_YamlLoader)  # noqa: S506 - a safe loader
    except RecursionError:
        raise SiteFileError(file, [Problem("", "the file is nested too deeply to be a site file")]) from None
    except json.JSONDecodeError as exc:
        raise SiteFileError(file, [Problem("", f"not valid JSON: {exc.msg} at line {exc.lineno}, "
                                           f"column {exc.colno}")]) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SiteFileError(file, [Problem("", f"not valid YAML: {what}{where}")]) from None
    _check_shape(data, file=file, limits=limits)
    return data


def _check_yaml_expansion(text: str, *, file: str, limits: Limits) -> None:
    """Reject YAML whose aliases expand beyond ``limits.max_nodes`` (a "billion laughs")."""
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, count]
    total = 0
    for ev in yaml.parse(text, Loader=_YamlLoader):
        if isinstance(ev, yaml.AliasEvent):
            n = sizes.get(ev.anchor, 1)
        elif isinstance(ev, yaml.ScalarEvent):
            n = 1
            if ev.anchor:
                sizes[ev.anchor] = 1
        elif isinstance(ev, yaml.CollectionStartEvent):
            stack.append([ev.anchor, 1])
            continue
        elif isinstance(ev, yaml.CollectionEndEvent):
            anchor, n = stack.pop()
            if anchor:
                sizes[anchor] = n
        else:
            continue
        if stack:
            stack[-1][1] += n
            if stack[-1][1] > limits.max_nodes:
                break
        total += n
        if total > limits.max_nodes:
            break
    else:
        return
    raise LimitError(f"{file}: the YAML aliases expand to more than {limits.max_nodes:,} values "
                     "(limit max_nodes); a site file does not need that many: is this an alias bomb?")


def _check_shape(data: Any, *, file: str, limits: Limits) -> None:
    """Bound nesting depth and element count before validation walks the data."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise SiteFileError(file, [Problem("", f"the file holds {kind}, not a mapping; a site file "
                                           "is a mapping that starts with 'format: orientation/site@1'")])
    depth_stack = [(data, 1)]
    nodes = 0
    while depth_stack:
        node, depth = depth_stack.pop()
        nodes += 1
        if depth > limits.max_depth:
            raise SiteFileError(file, [Problem("", f"the file is nested deeper than {limits.max_depth} "
                                               "levels; a site file is at most about 6 deep")])
        if nodes > limits.max_nodes:
            raise LimitError(f"{file}: more than {limits.max_nodes:,} values (limit max_nodes)")
        if isinstance(node, dict):
            depth_stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            # coordinate pairs are the bulk of a file: do not push their numbers one by one
            for v in node:
                if isinstance(v, (list, dict)):
                    depth_stack.append((v, depth + 1))
                else:
                    nodes += 1
    buildings = data.get("buildings")
    if isinstance(buildings, list):
        count = 0
        for b in buildings:
            if isinstance(b, dict):
                for key in ("doors", "stairs", "rooms", "windows", "features"):
                    v = b.get(key)
                    if isinstance(v, list):
                        count += len(v)
        if count > limits.max_elements:
            raise LimitError(f"{file}: {count:,} elements (doors, stairs, rooms, windows, features) "
                             f"exceed the limit of {limits.max_elements:,} per site (raise it with --max-elements)")


def site_from_data(data: Any, *, file: str, limits: Limits = DEFAULT_LIMITS) -> model.Site:
    """Validate plain data into a Site, collecting every structural and semantic problem."""
    if isinstance(data, dict) and "format" in data and data["format"] != model.FORMAT:
        raise SiteFileError(file, [Problem("format", f"format is {data['format']!r}; this program "
                                           f"reads {model.FORMAT!r}: set 'format: {model.FORMAT}'")])
    try:
        site = model.Site.model_validate(data)
    except ValidationError as exc:
        raise SiteFileError(file, [_problem(e, data) for e in exc.errors(include_url=False)]) from None
    except RecursionError:
        raise SiteFileError(file, [Problem("", "the file is nested too deeply")]) from None
    problems = model.semantic_problems(site, max_coordinate_m=limits.max_coordinate_m)
    if problems:
        raise SiteFileError(file, problems)
    return site


def read_site(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> model.Site:
    """Read a YAML or JSON site file; structural and semantic checks (no geometry)."""
    p = Path(path)
    file = str(path)
    try:
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise LimitError(f"{file}: {size:,} bytes exceed the limit of {limits.max_bytes:,} "
                             "bytes for a site file (raise it with --max-file-mb)")
        raw = p.read_bytes()
    except IsADirectoryError:
        raise SiteFileError(file, [Problem("", "this is a folder, not a site file")]) from None
    except FileNotFoundError:
        raise SiteFileError(file, [Problem("", "no such file; check the path")]) from None
    except OSError as exc:
        raise SiteFileError(file, [Problem("", f"cannot read the file: {exc.strerror}")]) from None
    return site_from_bytes(raw, name=file, limits=limits)


def site_from_bytes(raw: bytes, *, name: str, limits: Limits = DEFAULT_LIMITS) -> model.Site:
    """Parse and validate a site file held in memory (the app's uploads). ``name`` gives the
    suffix (``.json`` or YAML) and the file name in messages."""
    if len(raw) > limits.max_bytes:
        raise LimitError(f"{name}: {len(raw):,} bytes exceed the limit of {limits.max_bytes:,} "
                         "bytes for a site file (raise it with --max-file-mb)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SiteFileError(name, [Problem("", f"not UTF-8 text (byte {exc.start}); save the file "
                                           "as UTF-8")]) from None
    if "\x00" in text:
        raise SiteFileError(name, [Problem("", "the file is binary, not a YAML or JSON site file")])
    suffix = Path(name).suffix.lower()
    data = parse_text(text, suffix=suffix, file=name, limits=limits)
    return site_from_data(data, file=name, limits=limits)


def dump_site(site: model.Site, *, fmt: str = "yaml") -> str:
    """A site as YAML or JSON text, without defaults, in the key order of the format."""
    data = site.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    data = {"format": model.FORMAT, **data}
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(data, Dumper=_YamlDumper, sort_keys=False, allow_unicode=True, width=100)


class _YamlDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _flow_points(dumper: Any, value: list) -> Any:
    # coordinate pairs and short scalar lists in flow style: [x, y]
    flow = all(not isinstance(v, (list, dict)) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_YamlDumper.add_representer(list, _flow_points)


# --- messages ---------------------------------------------------------------------------------

def _fields_at(loc: tuple, data: Any) -> list[str]:
    """The allowed keys of the model at a location (for 'did you mean')."""
    m: Any = model.Site
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = m.model_fields.get(part) if isinstance(m, type) and issubclass(m, BaseModel) else None
        if field is None:
            return []
        ann = field.annotation
        m = _inner_model(ann)
        if m is None:
            return []
    return list(m.model_fields) if isinstance(m, type) and issubclass(m, BaseModel) else []


def _inner_model(ann: Any) -> Any:
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return ann
    for a in getattr(ann, "__args__", ()) or ():
        found = _inner_model(a)
        if found is not None:
            return found
    meta = getattr(ann, "__origin__", None)
    if meta is not None and isinstance(meta, type) and issubclass(meta, BaseModel):
        return meta
    return None


_HINTS = {
    "missing": "this key is required: add it",
    "list_type": "must be a list (in YAML, items start with '- ')",
    "dict_type": "must be a mapping of keys to values",
    "model_type": "must be a mapping of keys to values",
    "float_parsing": "must be a number (metres)",
    "finite_number": "must be a finite number, not NaN or infinity",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_parsing": "must be true or false",
    "string_type": "must be text",
    "too_short": "has too few items",
    "tuple_type": "must be a point [x, y]",
}


def _data_loc(loc: tuple, data: Any) -> tuple:
    """The part of a pydantic location that names keys and indexes of the file: pydantic adds
    union-branch tags (``function-after[...]``, ``list[...]``) that are not in the data."""
    out = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node or isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            out.append(part)
        elif not isinstance(part, int) and "[" not in str(part) and not isinstance(node, list):
            out.append(part)  # a missing or unknown key: name it, it ends the path
            node = None
    return tuple(out)


def _problem(err: dict, data: Any) -> Problem:
    etype = err["type"]
    loc = _data_loc(tuple(err["loc"]), data)
    path = path_str(loc)
    if etype == "extra_forbidden":
        key = str(loc[-1])
        allowed = _fields_at(loc, data)
        near = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{near[0]}'?" if near else (
            f"allowed here: {', '.join(allowed)}" if allowed else "remove it")
        return Problem(path, f"unknown key '{key}'; {hint}")
    if etype == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return Problem(path, f"{err.get('input')!r} is not allowed here; choose one of {expected}")
    if etype == "literal_error":
        expected = err.get("ctx", {}).get("expected", "")
        return Problem(path, f"{err.get('input')!r} is not allowed; expected {expected}")
    if etype == "string_pattern_mismatch":
        last = str(loc[-1]) if loc else ""
        if last == "id" or last == "profile":
            what = ("use lower-case letters, digits, '-' and '_' (it becomes a file name), "
                    "e.g. 'main-building'")
        elif last == "letter":
            what = "use one or two capital letters (and an optional digit), e.g. 'A'"
        elif last == "date":
            what = "use an ISO date, e.g. 2026-11-21"
        else:
            what = "use letters, digits, '.' and '-' without spaces, e.g. 'E1' or '1.07'"
        return Problem(path, f"{err.get('input')!r} is not allowed: {what}")
    if etype in ("too_short", "too_long"):
        ctx = err.get("ctx", {})
        if etype == "too_short":
            return Problem(path, f"needs at least {ctx.get('min_length')} item(s), found "
                           f"{ctx.get('actual_length')}")
        return Problem(path, f"allows at most {ctx.get('max_length')} item(s), found "
                       f"{ctx.get('actual_length')}")
    if etype in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        return Problem(path, err["msg"].lower().replace("input should", "must"))
    hint = _HINTS.get(etype)
    return Problem(path, hint if hint else err["msg"])


__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "dump_site",
    "parse_text",
    "path_str",
    "read_site",
    "site_from_bytes",
    "site_from_data",
]
