"""Write assigned codes back into a site file as pins, keeping the user's comments and layout.

YAML goes through ruamel.yaml's round-trip mode (comments, key order, flow style and quoting
survive); JSON stays JSON in the file's own indentation. Either way the file keeps what it
was: its line endings (CRLF stays CRLF), a byte-order mark and a missing final newline.

Pins are added, never changed: an element that has a pin keeps it. Running it twice changes
nothing the second time.

**Shared elements.** YAML lets one mapping appear in several places (an anchor ``&r1`` and
aliases ``*r1``, or a merge key ``<<: *r1``). A pin written into a shared mapping would show up
in every place that shares it, giving two doors or rooms one code. :func:`pin_data` looks for
that before changing anything and raises :class:`SharedElementError` naming the key paths:

* an element reached at two key paths (``rooms: [*r1, *r1]``, ``rooms: *rooms_of_a``, a
  building merged into another that brings its ``doors`` list along);
* an element that another mapping merges (``<<: *d1``) when that mapping gets no pin of its
  own in the same run (a pinned merging element is fine: its own pin wins over the merged one).
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..errors import Problem, SiteFileError

#: element list -> the key that pins its code
PIN_KEYS = {"doors": "label", "stairs": "label", "rooms": "number"}
#: The kinds of marking (in a plan) whose code pins an element: exterior doors, stairs and
#: rooms, whose pins are :data:`PIN_KEYS`; building letters are pinned too.
CODED_KINDS = ("entrance", "emergency_exit", "fire_brigade", "service", "stair", "room")
_WHAT = {"doors": "door", "stairs": "stair", "rooms": "room", "buildings": "building"}


class SharedElementError(SiteFileError):
    """A pin would go into a mapping that the YAML file shares between several places (an
    alias or a merge key), so that two elements would end up with one code. ``problems`` name
    the key paths; nothing was changed."""


@dataclass(frozen=True, slots=True)
class _Pin:
    mapping: Any
    key: str
    value: str
    after: str
    path: str  # key path of the mapping (buildings[0].rooms[3])
    what: str  # door, stair, room, building


def pin_data(data: Any, codes: Mapping[str, str], letters: Mapping[str, str], *,
             file: str = "site file",
             guidance: Mapping[str, Sequence[Mapping[str, Any]]] | None = None) -> int:
    """Add pins in place to parsed site data. ``codes``: ``"<building>/<element>"`` -> code;
    ``letters``: building id -> letter; ``guidance``: building id -> the guidance signs to
    pin (``{"id", "level", "text"}``, written to the building's ``guidance`` list unless it
    has that id already). Returns how many pins were added.

    Nothing is changed when a pin would land in a shared mapping (see the module doc): that
    raises :class:`SharedElementError` listing every such place."""
    pins = list(_pins(data, codes, letters))
    problems = shared_pin_problems(data, pins) if pins else []
    if problems:
        raise SharedElementError(file, problems)
    for p in pins:
        set_key(p.mapping, p.key, p.value, after=p.after)
    return len(pins) + (_pin_guidance(data, guidance) if guidance else 0)


#: keys of a building after which its guidance pins go (the last one it has)
_GUIDANCE_AFTER = ("doors", "stairs", "rooms", "windows", "features")


def _flow(entry: Mapping[str, Any]) -> Any:
    """A guidance pin as a one-line mapping where the file is YAML (ruamel)."""
    try:
        from ruamel.yaml.comments import CommentedMap
    except ImportError:  # pragma: no cover - ruamel is a dependency
        return dict(entry)
    m = CommentedMap(entry)
    m.fa.set_flow_style()
    return m


def _pin_guidance(data: Any, guidance: Mapping[str, Sequence[Mapping[str, Any]]]) -> int:
    buildings = data.get("buildings") if isinstance(data, Mapping) else None
    if not isinstance(buildings, list):
        return 0
    added = 0
    for b in buildings:
        if not isinstance(b, Mapping) or b.get("id") not in guidance:
            continue
        have = b.get("guidance")
        known = {g.get("id") for g in have if isinstance(g, Mapping)} if isinstance(
            have, list) else set()
        new = [_flow(g) for g in guidance[b["id"]] if g["id"] not in known]
        if not new:
            continue
        if isinstance(have, list):
            have.extend(new)
        else:
            after = next((k for k in reversed(_GUIDANCE_AFTER) if k in b), "name")
            set_key(b, "guidance", new, after=after)
        added += len(new)
    return added


def _pins(data: Any, codes: Mapping[str, str], letters: Mapping[str, str]) -> Iterator[_Pin]:
    if not isinstance(data, Mapping):
        return
    buildings = data.get("buildings")
    if not isinstance(buildings, list):
        return
    for i, b in enumerate(buildings):
        if not isinstance(b, Mapping):
            continue
        bid = b.get("id")
        bpath = f"buildings[{i}]"
        if "letter" not in b and isinstance(bid, str) and bid in letters:
            yield _Pin(b, "letter", letters[bid], "name", bpath, "building")
        for key, pin in PIN_KEYS.items():
            elements = b.get(key)
            if not isinstance(elements, list):
                continue
            for j, el in enumerate(elements):
                if not isinstance(el, Mapping):
                    continue
                code = codes.get(f"{bid}/{el.get('id')}")
                if code is not None and pin not in el:
                    yield _Pin(el, pin, code, "kind" if key == "doors" else "id",
                               f"{bpath}.{key}[{j}]", _WHAT[key])


def shared_pin_problems(data: Any, pins: list[_Pin]) -> list[Problem]:
    """The pins of ``pins`` that would land in a mapping shared with another place of
    ``data`` (alias or merge key), one problem each."""
    reached, merged_by = _sharing(data)
    pinned = {(id(p.mapping), p.key) for p in pins}
    seen: dict[int, str] = {}
    problems: list[Problem] = []
    pin_paths = {p.path for p in pins}
    for p in pins:
        earlier = seen.setdefault(id(p.mapping), p.path)
        if earlier != p.path:
            problems.append(Problem(p.path, (
                f"is an alias of {earlier} (the same YAML mapping, through '*' or a '<<' "
                f"merge); pinning would give both one {p.key}: write the {p.what} out in full "
                "(a copy without the alias) and pin again")))
            continue
        others = [q for q in reached.get(id(p.mapping), ()) if q != p.path and q not in pin_paths]
        if others:
            problems.append(Problem(p.path, (
                f"is the same YAML mapping as {others[0]} (an alias); pinning would write its "
                f"{p.key} there too: write the {p.what} out in full and pin again")))
            continue
        for user_path, user in merged_by.get(id(p.mapping), ()):
            if p.key in _own_keys(user) or (id(user), p.key) in pinned:
                continue
            problems.append(Problem(p.path, (
                f"is merged into {user_path} ('<<: *{_anchor(p.mapping) or 'anchor'}'); "
                f"pinning its {p.key} {p.value!r} would give {user_path} the same {p.key}: "
                f"give {user_path} a {p.key} of its own or write it out in full")))
    # the same mapping found twice gives one problem per extra place; report each place once
    return list(dict.fromkeys(problems))


def _sharing(root: Any) -> tuple[dict[int, list[str]], dict[int, list[tuple[str, Any]]]]:
    """For every mapping of ``root``: the first two key paths it is reached at (document
    order), and for every mapping used as a merge source, the mappings (with paths) that
    merge it.

    Each container is entered once (an alias of a big list costs nothing twice and a
    recursive alias cannot loop)."""
    first: dict[int, list[str]] = {}
    merged_by: dict[int, list[tuple[str, Any]]] = {}
    entered: set[int] = set()
    keep: list[Any] = []  # keep every object alive so that ids stay unique
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, path = stack.pop()
        if isinstance(node, Mapping):
            paths = first.setdefault(id(node), [])
            if len(paths) < 2:
                paths.append(path)
        elif not isinstance(node, list):
            continue
        if id(node) in entered:
            continue
        entered.add(id(node))
        keep.append(node)
        children: list[tuple[Any, str]] = []
        if isinstance(node, Mapping):
            for src in _merge_sources(node):
                merged_by.setdefault(id(src), []).append((path, node))
            for k, v in node.items():
                if isinstance(v, (Mapping, list)):
                    children.append((v, f"{path}.{k}" if path else str(k)))
        else:
            for i, v in enumerate(node):
                if isinstance(v, (Mapping, list)):
                    children.append((v, f"{path}[{i}]"))
        stack.extend(reversed(children))
    return first, merged_by


def _merge_sources(mapping: Any) -> list[Any]:
    """The mappings that ``mapping`` merges with ``<<`` (ruamel keeps them; plain dicts
    have none), nested merges included."""
    out: list[Any] = []
    seen = {id(mapping)}
    todo = [mapping]
    while todo:
        merge = getattr(todo.pop(), "merge", None)
        try:  # a list of (position, mapping) in older ruamel, a MergeValue in newer ones
            items = list(merge) if merge is not None else []
        except TypeError:
            items = []
        for item in items:
            src = item[1] if isinstance(item, tuple) else item
            if isinstance(src, Mapping) and id(src) not in seen:
                seen.add(id(src))
                out.append(src)
                todo.append(src)
    return out


def _own_keys(mapping: Any) -> set[Any]:
    """The keys written in the mapping itself (not merged in with ``<<``)."""
    own = getattr(mapping, "_ok", None)
    return set(own) if isinstance(own, set) else set(mapping)


def _anchor(mapping: Any) -> str | None:
    anchor = getattr(mapping, "anchor", None)
    return getattr(anchor, "value", None)


def set_key(mapping: Any, key: str, value: Any, *, after: str) -> None:
    """Set ``key`` of a parsed site-file mapping; a new key of a ruamel ``CommentedMap``
    goes right after ``after`` (when the mapping has it), so it stands near its kin."""
    insert = getattr(mapping, "insert", None)
    if insert is not None and after in mapping:  # ruamel CommentedMap: keep the key near its kin
        pos = list(mapping.keys()).index(after) + 1
        insert(pos, key, value)
    else:
        mapping[key] = value


# -- the file's own text style -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class TextStyle:
    r"""What a text file looks like apart from its content: byte-order mark, line ending,
    final newline. :meth:`split` gives the bare LF text to edit, :meth:`apply` puts the style
    back on an edited LF text.

    >>> s, body = TextStyle.split("\ufeffa: 1\r\nb: 2")
    >>> s, body
    (TextStyle(bom=True, newline='\r\n', final_newline=False), 'a: 1\nb: 2')
    >>> s.apply("a: 1\nb: 2\nc: 3\n")
    '\ufeffa: 1\r\nb: 2\r\nc: 3'
    """

    bom: bool = False
    newline: str = "\n"
    final_newline: bool = True

    @classmethod
    def split(cls, text: str) -> tuple[TextStyle, str]:
        bom = text.startswith("\ufeff")
        body = text[1:] if bom else text
        crlf = body.count("\r\n")
        newline = "\r\n" if crlf and crlf >= body.count("\n") - crlf else "\n"
        if newline == "\r\n":
            body = body.replace("\r\n", "\n")
        final = body.endswith("\n") or not body
        return cls(bom, newline, final), body

    def apply(self, body: str) -> str:
        if not self.final_newline:
            body = body.rstrip("\n")
        elif body and not body.endswith("\n"):
            body += "\n"
        if self.newline != "\n":
            body = body.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + body


# -- text in, text out ---------------------------------------------------------------------

def pin_text(text: str, *, suffix: str, codes: Mapping[str, str], letters: Mapping[str, str],
             file: str, guidance: Mapping[str, Sequence[Mapping[str, Any]]] | None = None
             ) -> tuple[str, int]:
    """The site file's text with pins added, and the number of pins added.

    The one function to call for pinning a site file's text (the command line's ``pin`` and
    the app's "Freeze all codes" both do): comments, order, line endings, BOM and final
    newline are kept; a pin that would land in a YAML mapping shared by several elements
    raises :class:`SharedElementError` (a :class:`~orientation.errors.SiteFileError`) with
    the key paths, and nothing is changed. With no pin to add, ``text`` comes back as it was.
    """
    added = 0

    def pin(data: Any) -> None:
        nonlocal added
        added = pin_data(data, codes, letters, file=file, guidance=guidance)

    if suffix.lower() == ".json":
        new_text = edit_json_text(text, pin, file=file)
    else:
        new_text = edit_yaml_text(text, pin, file=file)
    return (new_text if added else text), added


def edit_json_text(text: str, edit: Callable[[Any], None], *, file: str) -> str:
    """Apply ``edit`` to the JSON document in ``text`` and return the new text in the file's
    own style: its indentation (spaces or tabs, or one line), separators, ASCII escapes, line
    endings, BOM and final newline. Duplicate keys are refused."""
    style, body = TextStyle.split(text)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise SiteFileError(file, [Problem("", f"the key {k!r} appears twice in one "
                                                   "object; keep one")])
            out[k] = v
        return out

    try:
        data = json.loads(body, object_pairs_hook=pairs)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, too many digits
        raise SiteFileError(file, [Problem("", f"not valid JSON: {exc}")]) from None
    edit(data)
    indent, separators = _json_layout(body)
    ascii_only = body.isascii() and "\\u" in body
    dumped = json.dumps(data, ensure_ascii=ascii_only, indent=indent, separators=separators)
    return style.apply(dumped + "\n")


def _json_layout(body: str) -> tuple[str | None, tuple[str, str]]:
    r"""Indentation and separators of a JSON text, for :func:`json.dumps`.

    >>> _json_layout('{\n    "a": [\n        1\n    ]\n}')
    ('    ', (',', ': '))
    >>> _json_layout('{"a":1,"b":2}')
    (None, (',', ':'))
    >>> _json_layout('{"a": 1, "b": 2}')
    (None, (', ', ': '))
    >>> _json_layout('{"a":"Markt 1, Town","b":2}')
    (None, (',', ':'))
    """
    m = re.search(r"\n([ \t]+)\S", body)
    # separators are judged outside strings (an address "Markt 1, Town" holds ", ")
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', '""', body)
    colon = ": " if re.search(r'"\s*:\s', bare) or not re.search(r'"\s*:', bare) else ":"
    if m is not None:
        return m.group(1), (",", colon)
    comma = ", " if re.search(r",\s", bare) or "," not in bare else ","
    return None, (comma, colon)


def edit_yaml_text(text: str, edit: Callable[[Any], None], *, file: str) -> str:
    """Apply ``edit`` to the YAML document in ``text`` and return the new text, keeping the
    user's comments, key order, flow style, quoting and indentation (ruamel round trip), and
    the file's line endings, BOM and final newline (ruamel itself writes LF)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    style, body = TextStyle.split(text)
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    try:
        _, seq_indent, seq_offset = load_yaml_guess_indent(body)
        yaml.indent(mapping=_mapping_indent(body), sequence=seq_indent or 2,
                    offset=seq_offset or 0)
        data = yaml.load(body)
    except YAMLError as exc:
        raise SiteFileError(file, [Problem("", f"not valid YAML: {exc}")]) from None
    except RecursionError:
        raise SiteFileError(file, [Problem("", "the file is nested too deeply")]) from None
    edit(data)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return style.apply(restore_lost_comments(body, buf.getvalue()))
def restore_lost_comments(original: str, dumped: str) -> str:
    r"""Put back full-line comments that ruamel's round trip dropped (it loses a comment line
    that follows a flow-style item without an end-of-line comment), at their old place.

    >>> restore_lost_comments("a:\n  # keep\n  - {x: 1}\n", "a:\n  - {x: 1, y: 2}\n")
    'a:\n  # keep\n  - {x: 1, y: 2}\n'
    """
    old, new = original.splitlines(keepends=True), dumped.splitlines(keepends=True)
    present = Counter(line.strip() for line in new if line.strip().startswith("#"))
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            for line in old[i1:i2]:
                key = line.strip()
                if key.startswith("#"):
                    if present[key] > 0:
                        present[key] -= 1
                    else:
                        out.append(line if line.endswith("\n") else line + "\n")
        if tag != "delete":
            out.extend(new[j1:j2])
    return "".join(out)


def _mapping_indent(text: str) -> int:
    r"""The indentation of nested mapping keys in the user's file (2 when none is nested).

    >>> _mapping_indent("site:\n    name: x\n")
    4
    """
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        n = len(line) - len(stripped)
        if n and stripped[:1] not in ("-", "#", "") and ":" in stripped:
            return n
    return 2


__all__ = ["CODED_KINDS", "PIN_KEYS", "SharedElementError", "TextStyle", "edit_json_text",
           "edit_yaml_text", "pin_data", "pin_text", "restore_lost_comments", "set_key",
           "shared_pin_problems"]
