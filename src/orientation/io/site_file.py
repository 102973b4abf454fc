"""Reading site files (YAML or JSON) into a :class:`~orientation.model.Site`.

Every foreign error (YAML, JSON, Unicode, pydantic) is translated here into a
:class:`~orientation.errors.SiteFileError` that lists **all** problems with their key paths.
Hostile input is bounded by :class:`Limits`: file size, expanded YAML node count (alias bombs),
nesting depth, element count, points per ring and per line, exterior doors per building. Only a
regular file is read (no FIFO, no device). A key given twice in one mapping (YAML and JSON would
silently keep the last) and a number longer than :data:`MAX_NUMBER_CHARS` characters are
problems with their key path, reported together with the validation problems.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .. import model
from ..errors import LimitError, Problem, SiteFileError
from ..fileio import InputFileError, read_input_bytes

try:  # the C-accelerated loader (libyaml) is several times faster than the pure-Python one
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing from the wheel
    _YamlLoader = yaml.SafeLoader

#: The longest number (in characters) a site file may hold. Site files hold metres, levels and
#: widths of a few digits; a longer number is a mistake or an attack (Python refuses to convert
#: integers of more than 4,300 digits, and slow conversions start well below that).
MAX_NUMBER_CHARS = 100


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on untrusted input; each message names the limit that was hit.

    ``max_bytes``: size of a site file; ``max_nodes``: YAML/JSON values after alias expansion;
    ``max_depth``: nesting depth; ``max_elements``: doors, stairs, rooms, windows and features of
    all buildings together; ``max_coordinate_m``: distance of any coordinate from the plan
    origin; ``max_ring_vertices``: points of one footprint, courtyard, room outline or site
    area; ``max_line_points``: points of one road, fire lane or footway;
    ``max_exterior_doors``: exterior doors of one building.

    Every value must be positive (and finite): a limit of 0, a negative one or NaN is refused
    when the limits are made, so that no value can switch a check off.
    """

    max_bytes: int = 50_000_000
    max_nodes: int = 5_000_000
    max_depth: int = 64
    max_elements: int = 500_000
    max_coordinate_m: float = 100_000.0
    max_ring_vertices: int = model.MAX_RING_VERTICES
    max_line_points: int = model.MAX_LINE_POINTS
    max_exterior_doors: int = model.MAX_EXTERIOR_DOORS

    def __post_init__(self) -> None:
        bad = []
        for name in ("max_bytes", "max_nodes", "max_depth", "max_elements", "max_ring_vertices",
                     "max_line_points", "max_exterior_doors"):
            v = getattr(self, name)
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                bad.append(f"{name} must be a whole number above 0, not {v!r}")
        v = self.max_coordinate_m
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
            bad.append(f"max_coordinate_m must be a finite number of metres above 0, not {v!r}")
        if bad:
            raise LimitError("invalid limits: " + "; ".join(bad) + " (a limit cannot be switched "
                             "off; give a larger value to allow more)")


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


class _BadNumber:
    """Stands for a number too long to convert. Validation errors whose input is one are left
    out: the parse problem at the same place says what is wrong."""

    __slots__ = ("chars",)

    def __init__(self, chars: int):
        self.chars = chars

    def __repr__(self) -> str:
        return f"<a number of {self.chars:,} characters>"


def _number_message(chars: int) -> str:
    return (f"a number of {chars:,} characters; site files hold metres, levels and widths of a few "
            f"digits (at most {MAX_NUMBER_CHARS}): check the value")


_MERGE_TAG = "tag:yaml.org,2002:merge"


class _SiteLoader(_YamlLoader):
    """The safe loader (libyaml's parser when present) that also notes, without stopping,
    duplicate keys (YAML would silently keep the last) and numbers too long to convert."""

    def __init__(self, stream: str):
        super().__init__(stream)
        #: (node, message): a mapping node with a repeated key, or a scalar number node
        self.noted: list[tuple[yaml.Node, str]] = []

    def construct_mapping(self, node: Any, deep: bool = False) -> dict:
        pairs = node.value if isinstance(node, yaml.MappingNode) else None
        mapping = super().construct_mapping(node, deep=deep)
        if pairs is None:
            return mapping
        # ``flatten_mapping`` deletes the merge keys (``<<``) from ``pairs`` in place and gives
        # the node a new list; ``pairs`` then holds the mapping's own keys. Without merges, fewer
        # entries than keys means a repeated key; with merges, look (merged keys may repeat).
        if node.value is not pairs or len(mapping) < len(pairs):
            first: dict[Any, yaml.Node] = {}
            for key_node, _ in pairs:
                key = self.construct_object(key_node)  # already built: from the cache
                if key in first:
                    a, b = first[key].start_mark.line + 1, key_node.start_mark.line + 1
                    self.noted.append((node, f"key '{key}' appears twice (lines {a} and {b}); "
                                       "YAML keeps only the last one: remove or rename one"))
                else:
                    first[key] = key_node
        return mapping

    def construct_yaml_int(self, node: Any) -> Any:
        text = node.value
        if len(text) > MAX_NUMBER_CHARS:
            self.noted.append((node, _number_message(len(text))))
            return _BadNumber(len(text))
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            self.noted.append((node, f"{text!r} is not a valid number: check the value"))
            return _BadNumber(len(text))


    def construct_yaml_timestamp(self, node: Any) -> Any:
        # a site file holds dates as ISO text (``date: 2026-11-21``): keep the text, so an
        # unquoted date reads like a quoted one; the model checks it is a real calendar day
        # (``site.date``), once, with the key path
        return node.value


_SiteLoader.add_constructor("tag:yaml.org,2002:int", _SiteLoader.construct_yaml_int)
_SiteLoader.add_constructor("tag:yaml.org,2002:timestamp", _SiteLoader.construct_yaml_timestamp)


def _node_paths(root: yaml.Node, targets: set[int]) -> dict[int, str]:
    """Key paths of the nodes whose ``id`` is in ``targets`` (the first path in file order)."""
    found: dict[int, str] = {}
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, tuple]] = [(root, ())]
    while stack and len(found) < len(targets):
        node, loc = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if id(node) in targets:
            found[id(node)] = path_str(loc)
        if isinstance(node, yaml.MappingNode):
            stack.extend((v, (*loc, k.value if isinstance(k, yaml.ScalarNode) else "?"))
                         for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, (*loc, i)) for i, v in reversed(list(enumerate(node.value))))
    return found


def _load_yaml(text: str) -> tuple[Any, list[Problem]]:
    loader = _SiteLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    if not loader.noted:
        return data, []
    paths = _node_paths(root, {id(n) for n, _ in loader.noted})
    problems = []
    for node, message in loader.noted:
        path = paths.get(id(node))
        if path is None:  # e.g. a number used as a key: name the line
            message = f"line {node.start_mark.line + 1}: {message}"
        problems.append(Problem(path or "", message))
    return data, problems


def _load_json(text: str) -> tuple[Any, list[Problem]]:
    noted: list[tuple[Any, str]] = []  # (dict with a repeated key | _BadNumber, message)

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        d = dict(pairs)
        if len(d) < len(pairs):
            seen: set[str] = set()
            for k, _ in pairs:
                if k in seen:
                    noted.append((d, f"key '{k}' appears twice; JSON keeps only the last one: "
                                  "remove or rename one"))
                seen.add(k)
        return d

    def parse_int(s: str) -> Any:
        if len(s) <= MAX_NUMBER_CHARS:
            return int(s)
        bad = _BadNumber(len(s))
        noted.append((bad, _number_message(len(s))))
        return bad

    data = json.loads(text, object_pairs_hook=pairs_hook, parse_int=parse_int)
    if not noted:
        return data, []
    paths = _data_paths(data, {id(x) for x, _ in noted})
    return data, [Problem(paths.get(id(x), ""), message) for x, message in noted]


def _data_paths(data: Any, targets: set[int]) -> dict[int, str]:
    """Key paths of the values whose ``id`` is in ``targets`` (JSON data is a tree)."""
    found: dict[int, str] = {}
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack and len(found) < len(targets):
        node, loc = stack.pop()
        if id(node) in targets:
            found[id(node)] = path_str(loc)
        if isinstance(node, dict):
            stack.extend((v, (*loc, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, (*loc, i)) for i, v in enumerate(node))
    return found


def parse_text(text: str, *, suffix: str, file: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse YAML (``.yaml``/``.yml``) or JSON (anything else ending ``.json``) into plain data.

    Raises :class:`SiteFileError` for text that is not YAML/JSON, for repeated keys and for
    numbers too long to be a measure (every such problem, with its key path)."""
    data, problems = _parse(text, suffix=suffix, file=file, limits=limits)
    if problems:
        raise SiteFileError(file, problems)
    return data


def _parse(text: str, *, suffix: str, file: str, limits: Limits) -> tuple[Any, list[Problem]]:
    """Plain data and the problems found while parsing that do not stop it (repeated keys,
    overlong numbers); the caller reports them together with the validation problems."""
    if not text.strip():
        raise SiteFileError(file, [Problem("", "the file is empty; a site file starts with "
                                           "'format: orientation/site@1'")])
    try:
        if suffix == ".json":
            data, problems = _load_json(text)
        else:
            if "&" in text and "*" in text:
                _check_yaml_expansion(text, file=file, limits=limits)
            data, problems = _load_yaml(text)
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
    except ValueError as exc:  # a conversion the parsers do not wrap (numbers, dates in YAML)
        raise SiteFileError(file, [Problem("", f"a value cannot be read: {exc}; check the "
                                           "numbers and dates of the file")]) from None
    _check_shape(data, file=file, limits=limits)
    return data, problems


def _check_yaml_expansion(text: str, *, file: str, limits: Limits) -> None:
    """Reject YAML whose aliases expand beyond ``limits.max_nodes`` (a "billion laughs")."""
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, count]
    total = 0
    for ev in yaml.parse(text, Loader=_YamlLoader):
        if isinstance(ev, yaml.AliasEvent):
            n = sizes.get(ev.anchor, 1) if ev.anchor is not None else 1
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


def site_from_data(data: Any, *, file: str, limits: Limits = DEFAULT_LIMITS,
                   problems: Iterable[Problem] = ()) -> model.Site:
    """Validate plain data into a Site, collecting every structural and semantic problem.

    ``problems``: found while parsing (repeated keys, overlong numbers); they are reported
    together with the validation problems, in one :class:`SiteFileError`."""
    prior = list(problems)
    if isinstance(data, dict) and "format" in data and data["format"] != model.FORMAT:
        raise SiteFileError(file, [*prior, Problem("format", f"format is {data['format']!r}; this "
                                                   f"program reads {model.FORMAT!r}: set "
                                                   f"'format: {model.FORMAT}'")])
    try:
        site = model.Site.model_validate(data)
    except ValidationError as exc:
        found = [_problem(e, data) for e in exc.errors(include_url=False)
                 if not _about_bad_number(e)]
        raise SiteFileError(file, [*prior, *found] or [Problem("", str(exc))]) from None
    except RecursionError:
        raise SiteFileError(file, [*prior, Problem("", "the file is nested too deeply")]) from None
    found = model.semantic_problems(site, max_coordinate_m=limits.max_coordinate_m,
                                    max_ring_vertices=limits.max_ring_vertices,
                                    max_line_points=limits.max_line_points,
                                    max_exterior_doors=limits.max_exterior_doors)
    if prior or found:
        raise SiteFileError(file, [*prior, *found])
    return site


def _about_bad_number(err: ErrorDetails) -> bool:
    value = err.get("input")
    if isinstance(value, _BadNumber):
        return True
    return isinstance(value, (list, tuple)) and any(isinstance(v, _BadNumber) for v in value)


def read_site(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> model.Site:
    """Read a YAML or JSON site file; structural and semantic checks (no geometry).

    Only a regular file is read (a FIFO or a device such as ``/dev/zero`` is refused before
    reading), and no more than ``limits.max_bytes`` of it."""
    file = str(path)
    try:
        raw = read_input_bytes(path, max_bytes=limits.max_bytes, what="file",
                               limit_name="--max-file-mb")
    except InputFileError as exc:
        message = str(exc).removeprefix(f"{exc.file}: ")
        raise SiteFileError(file, [Problem("", message)]) from None
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
    data, problems = _parse(text, suffix=suffix, file=name, limits=limits)
    return site_from_data(data, file=name, limits=limits, problems=problems)


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


def _problem(err: ErrorDetails, data: Any) -> Problem:
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
    known = _HINTS.get(etype)
    return Problem(path, known if known else err["msg"])


__all__ = [
    "DEFAULT_LIMITS",
    "MAX_NUMBER_CHARS",
    "Limits",
    "dump_site",
    "parse_text",
    "path_str",
    "read_site",
    "site_from_bytes",
    "site_from_data",
]
