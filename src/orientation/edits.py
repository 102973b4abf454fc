"""Edits of a site: pure functions from one :class:`~orientation.model.Site` to a new one, and
the site file's own text with those edits written in.

Usable from any front end (the Streamlit app's tables, a command line, a script); nothing here
knows a widget or an interface word. Every edit returns a new Site, validated like a site file
(structure and geometry), so an invalid edit raises
:class:`~orientation.errors.SiteFileError` naming each problem by its key path
(``buildings[0].doors[3].label: 'E 1' is not allowed: …``); an unknown choice raises
:class:`~orientation.errors.OptionError` listing the valid ones.

* **Fields**: :func:`apply_rows` writes rows of one table (``buildings``, ``doors``, ``stairs``,
  ``rooms``; the fields of :data:`EDITABLE_FIELDS`) into the site; :func:`set_main_door`,
  :func:`set_profile`.
* **Pins**: :func:`plan_pins` says which code of a plan pins which element, and
  :func:`freeze_codes` pins them into the Site in memory. Both go through
  :mod:`orientation.io.pinning` (its :data:`~orientation.io.pinning.CODED_KINDS`,
  :data:`~orientation.io.pinning.PIN_KEYS` and :func:`~orientation.io.pinning.pin_data`):
  one rule for the command line's ``pin`` (:func:`orientation.changes.pin_site`), the app's
  "freeze" and the downloads.
* **Text**: :func:`site_text` and :func:`pinned_site_text` give the site file as it stands now,
  the loaded text with the edits written in (comments, order and layout kept through
  :func:`~orientation.io.pinning.edit_yaml_text` / ``edit_json_text``; every pin through
  :func:`~orientation.io.pinning.pin_data`, which refuses mappings that YAML aliases share).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import OptionError, OrientationError, Problem, SiteFileError
from .io.pinning import CODED_KINDS, PIN_KEYS, edit_json_text, edit_yaml_text, pin_data, set_key
from .io.site_file import DEFAULT_LIMITS, dump_site, site_from_bytes, site_from_data
from .layout.geometry import geometry_problems
from .model import Feature, Site, Storey
from .plan import Plan
from .profiles import profile_names

#: table -> the site-file keys of its elements that :func:`apply_rows` sets; the pin keys are
#: :data:`orientation.io.pinning.PIN_KEYS` (a building's pin is its ``letter``).
EDITABLE_FIELDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "buildings": ("name", "letter"),
    "doors": ("kind", PIN_KEYS["doors"]),
    "stairs": ("name", PIN_KEYS["stairs"]),
    "rooms": ("name", "landmark", "use", PIN_KEYS["rooms"]),
})

#: Why a file's own text cannot take the edits (the downloads then write the site afresh).
NOT_FAITHFUL = ("the changes cannot be written into the file's own text without changing "
                "other elements too (it shares elements through YAML anchors and aliases, & "
                "and *); to keep its text, write each shared element out in full")


# --- fields ----------------------------------------------------------------------------------


def blank(value: Any) -> str | None:
    """A table cell as text, or None when empty (None, NaN, blank text).

    >>> blank(float("nan")), blank("  "), blank(" E1 "), blank(3)
    (None, None, 'E1', '3')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    text = str(value).strip()
    return text or None


def field_value(field: str, value: Any) -> Any:
    """A cell's value as the site file takes it: ``landmark`` a bool, a building ``letter`` in
    capitals (a lower-case ``b`` means B), anything else text or None (empty).

    >>> field_value("letter", " b "), field_value("landmark", ""), field_value("name", " x ")
    ('B', False, 'x')
    """
    if field == "landmark":
        return bool(value) if blank(value) is not None else False
    text = blank(value)
    if field == "letter" and text:
        return text.upper()
    return text


def validated(data: Any, *, file: str = "edits") -> Site:
    """A Site from parsed site data, validated like a site file: structure, references and
    geometry; every problem at once as a :class:`~orientation.errors.SiteFileError`."""
    site = site_from_data(data, file=file, limits=DEFAULT_LIMITS)
    problems = geometry_problems(site)
    if problems:
        raise SiteFileError(file, problems)
    return site


def _data(site: Site) -> dict[str, Any]:
    return site.model_dump(mode="json", exclude_none=True)


def apply_rows(site: Site, table: str, rows: Iterable[Mapping[str, Any]]) -> Site:
    """A new Site with ``rows`` of one table written in.

    ``table`` is ``buildings``, ``doors``, ``stairs`` or ``rooms``. A row names its element by
    ``id`` (and for elements of a building, the building's id as ``building``) and carries any
    of the table's :data:`EDITABLE_FIELDS`; a field left out is unchanged, an empty one is
    removed (no pin: the program assigns the code). Rows of unknown elements are ignored.

    >>> from orientation.model import Site
    >>> site = Site.model_validate({"format": "orientation/site@1", "site": {"name": "S"},
    ...     "buildings": [{"id": "a",
    ...     "name": "A", "footprint": [[0, 0], [10, 0], [10, 10], [0, 10]],
    ...     "storeys": [{"level": 0, "name": "EG"}]}]})
    >>> apply_rows(site, "buildings", [{"id": "a", "letter": "h"}]).buildings[0].letter
    'H'
    """
    if table not in EDITABLE_FIELDS:
        raise OptionError("table", f"unknown table '{table}'; choose from: "
                          f"{', '.join(EDITABLE_FIELDS)}")
    fields = EDITABLE_FIELDS[table]
    data = _data(site)
    targets: dict[tuple[str, str], dict[str, Any]] = {}
    for b in data["buildings"]:
        if table == "buildings":
            targets[(b["id"], b["id"])] = b
        else:
            for el in b.get(table, []):
                targets[(b["id"], el["id"])] = el
    for row in rows:
        bid = str(row.get("id") if table == "buildings" else row.get("building"))
        target = targets.get((bid, str(row.get("id"))))
        if target is None:
            continue
        for field in fields:
            if field not in row:
                continue
            value = field_value(field, row[field])
            if value is None or value is False:  # no pin / not a landmark: the default
                target.pop(field, None)
            else:
                target[field] = value
    return validated(data)


def main_door(site: Site) -> str | None:
    """``building/door`` of the main entrance, or None."""
    return next((f"{b.id}/{d.id}" for b in site.buildings for d in b.doors if d.main), None)


def set_main_door(site: Site, door: str | None) -> Site:
    """A new Site whose main entrance is ``door`` (``building/door``; None: none)."""
    data = _data(site)
    for b in data["buildings"]:
        for d in b.get("doors", []):
            d.pop("main", None)
            if door == f"{b['id']}/{d['id']}":
                d["main"] = True
    return validated(data)


def set_profile(site: Site, profile: str) -> Site:
    """A new Site that names ``profile`` (one of :func:`~orientation.profiles.profile_names`)."""
    names = profile_names()
    if profile not in names:
        raise OptionError("profile", f"unknown profile '{profile}'; choose one of: "
                          f"{', '.join(names)}")
    return site.model_copy(update={"profile": profile})


# --- pins ------------------------------------------------------------------------------------


def plan_pins(plan: Plan) -> tuple[dict[str, str], dict[str, str]]:
    """The codes of ``plan`` as pins, as :func:`~orientation.io.pinning.pin_data` takes them:
    ``building/element -> code`` (exterior doors, stairs, rooms) and ``building -> letter``."""
    codes = {m.id: m.code for m in plan.markings if m.kind in CODED_KINDS and m.code}
    return codes, {b.id: b.letter for b in plan.buildings if b.letter}


def guidance_pins(plan: Plan) -> dict[str, list[dict[str, Any]]]:
    """The guidance signs of ``plan`` as pins (building id -> ``{"id", "level", "text"}``,
    for :func:`~orientation.io.pinning.pin_data`): pinned, a sign keeps its text while the
    building keeps its decision point."""
    out: dict[str, list[dict[str, Any]]] = {}
    for m in plan.markings:
        if m.kind == "guidance" and m.level is not None:
            out.setdefault(m.building, []).append({"id": m.element, "level": m.level,
                                                   "text": m.code})
    return out


def site_pins(site: Site) -> tuple[dict[str, str], dict[str, str]]:
    """Every pin ``site`` has, in the form of :func:`plan_pins`."""
    codes = {f"{b.id}/{e.id}": getattr(e, pin) for b in site.buildings
             for key, pin in PIN_KEYS.items() for e in getattr(b, key) if getattr(e, pin)}
    return codes, {b.id: b.letter for b in site.buildings if b.letter}


def freeze_codes(site: Site, plan: Plan) -> tuple[Site, int]:
    """Pin every code of ``plan`` into ``site`` in memory (door and stair ``label``, room
    ``number``, building ``letter``; :func:`plan_pins` through
    :func:`~orientation.io.pinning.pin_data`): the new Site and the number of pins added.
    Existing pins are kept; the codes do not change."""
    data = _data(site)
    codes, letters = plan_pins(plan)
    added = pin_data(data, codes, letters, file="edits", guidance=guidance_pins(plan))
    return (validated(data), added) if added else (site, 0)


# --- the site file's own text ----------------------------------------------------------------


def _suffix(name: str) -> str:
    return ".json" if Path(name).suffix.lower() == ".json" else ".yaml"


def _write_fields(data: Any, site: Site) -> None:
    """Write the editable fields of ``site`` into parsed site data (in place): the profile,
    names, door kinds, the main entrance, landmarks. A pin the file has that ``site`` changed
    or removed is taken out; :func:`edited_text` then adds ``site``'s pins through
    :func:`~orientation.io.pinning.pin_data` (and so its check for shared mappings)."""

    def put(m: Any, key: str, value: Any, *, after: str) -> None:
        if value is None:
            if key in m:
                del m[key]
        elif key not in m:
            set_key(m, key, value, after=after)
        elif m[key] != value:
            m[key] = value

    def unpin(m: Any, key: str, value: Any) -> None:
        if key in m and m[key] != value:
            del m[key]

    if not isinstance(data, Mapping):
        return
    put(data, "profile", site.profile, after="site")
    buildings: dict[Any, Any] = {b.id: b for b in site.buildings}
    for bd in data.get("buildings") or []:
        b = buildings.get(bd.get("id")) if isinstance(bd, Mapping) else None
        if b is None:
            continue
        put(bd, "name", b.name, after="id")
        unpin(bd, "letter", b.letter)
        for key, pin in PIN_KEYS.items():
            elements: dict[Any, Any] = {e.id: e for e in getattr(b, key)}
            for ed in bd.get(key) or []:
                e = elements.get(ed.get("id")) if isinstance(ed, Mapping) else None
                if e is None:
                    continue
                if key == "doors":
                    put(ed, "kind", e.kind.value, after="level")
                    put(ed, "main", e.main or None, after="kind")
                else:
                    put(ed, "name", e.name, after="id" if key == "stairs" else "level")
                    if key == "rooms":
                        put(ed, "landmark", e.landmark or None, after="name")
                        put(ed, "use", e.use.value if e.use else None, after="name")
                unpin(ed, pin, getattr(e, pin))


#: The element lists of a building, in the order of the format.
_LISTS = ("storeys", "doors", "stairs", "rooms", "windows", "features")
#: Keys that pins are written under (taken out by :func:`_write_fields`, put in by pin_data).
_PINS = frozenset({*PIN_KEYS.values(), "letter"})


def _plain(value: Any) -> Any:
    """A dumped value as the file writes it: an integral float as an int (``24``, not
    ``24.0``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _is_flow(node: Any) -> bool:
    fa = getattr(node, "fa", None)
    return bool(fa is not None and fa.flow_style())


def _node(value: Any, *, yaml: bool, flow: bool = False) -> Any:
    """``value`` (plain data) as a node of the file: for YAML, lists of points and small
    mappings in flow style (``[24, 0]``, ``{lat: 51.9, lon: 8.4}``), a mapping in flow style
    when ``flow``."""
    value = _plain(value)
    if not yaml:
        return value
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(value, list):
        seq = CommentedSeq(_node(v, yaml=True, flow=True) for v in value)
        if flow or all(not isinstance(v, dict) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _node(v, yaml=True, flow=True)
        if flow:
            m.fa.set_flow_style()
        return m
    return value


def _element_node(e: Any, *, yaml: bool, like: Sequence[Any]) -> Any:
    """A new element of a list, written as its kin are (flow style when they are)."""
    data = e.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    if isinstance(e, Feature) and e.levels and e.level != min(e.levels):
        data["level"] = e.level
    if "id" in data:  # the id first, as a file lists it
        data = {"id": data.pop("id"), **data}
    return _node(data, yaml=yaml, flow=bool(like) and _is_flow(like[0]))


def _sync_fields(m: Any, old: Any, new: Any, *, yaml: bool, skip: Iterable[str] = ()) -> None:
    """Write the fields of ``new`` that differ from ``old`` into ``m`` (the file's mapping of
    ``old``): a field now None or at its default is taken out, another set (a new key after
    the field before it). Pins and the lists in ``skip`` are left alone."""
    if not isinstance(m, MutableMapping):
        return
    fields = type(new).model_fields
    names = list(fields)
    dumped = new.model_dump(mode="json")
    for i, f in enumerate(names):
        if f in _PINS or f in skip or getattr(old, f) == getattr(new, f):
            continue
        value = getattr(new, f)
        if (isinstance(new, Feature) and f == "level" and new.levels
                and value == min(new.levels) and f not in m):
            continue  # stands on its lowest level without saying so
        if value is None or value == fields[f].default:
            if f in m:
                del m[f]
            continue
        node = _node(dumped[f], yaml=yaml, flow=True)
        if yaml and f == "date" and isinstance(node, str):  # a YAML date, as a file writes it
            node = _dt.date.fromisoformat(node)
        if f in m:
            m[f] = node
        else:
            after = next((k for k in reversed(names[:i]) if k in m), "")
            _add_key(m, f, node, after=after)


def _slot(node: Any) -> int:
    return 0 if isinstance(node, list) else 2  # where ruamel keeps an end-of-line comment


def _last(node: Any) -> Any:
    return len(node) - 1 if isinstance(node, list) else next(reversed(list(node)), None)


def _take_trailing(node: Any, key: Any) -> tuple[str, Any]:
    """Take out the full-line comments that end the YAML text of ``node[key]`` (ruamel hangs
    them on the end-of-line comment of the value before them, or on the end of the innermost
    block collection): their text, as written, and a comment token to copy (or ``("", None)``)."""
    value = node[key]
    if isinstance(value, (list, Mapping)) and len(value) and not _is_flow(value):
        inner = _take_trailing(value, _last(value))
        if inner[0]:
            return inner
        vca: Any = getattr(value, "ca", None)
        end = getattr(vca, "end", None)
        if end and all(hasattr(t, "value") for t in end):
            block = "".join(" " * (getattr(t, "column", 0) or 0) + t.value for t in end)
            vca.end = []
            return block, end[0]
    ca: Any = getattr(node, "ca", None)
    tokens = ca.items.get(key) if ca is not None else None
    tok: Any = tokens[_slot(node)] if tokens and len(tokens) > _slot(node) else None
    text = getattr(tok, "value", None)
    if not isinstance(text, str):
        return "", None
    head, nl, rest = ("\n", "", text[1:]) if text.startswith("\n") else text.partition("\n")
    if not rest.strip():
        return "", None
    tok.value = head + nl
    return rest, tok


def _move_trailing(node: Any, old_key: Any, new_key: Any) -> None:
    """Full-line comments that followed ``node[old_key]`` (they introduce what comes after)
    move behind ``node[new_key]``, the element written after it, so that they stay in front
    of what they introduce."""
    import copy

    rest, like = _take_trailing(node, old_key)
    if not rest:
        return
    target, key = node, new_key
    while True:  # the deepest last element of the new node, where ruamel would hang them
        inner = target[key]
        if not (isinstance(inner, (list, Mapping)) and len(inner) and not _is_flow(inner)):
            break
        target, key = inner, _last(inner)
    ca = getattr(target, "ca", None)
    if ca is None:
        return
    tokens = ca.items.setdefault(key, [None, None, None, None])
    slot = _slot(target)
    while len(tokens) <= slot:
        tokens.append(None)
    if getattr(tokens[slot], "value", None):
        tokens[slot].value = tokens[slot].value.rstrip("\n") + "\n" + rest
    else:
        tok = copy.copy(like)
        tok.value = "\n" + rest
        tokens[slot] = tok


def _add_key(m: Any, key: str, value: Any, *, after: str) -> None:
    """:func:`~orientation.io.pinning.set_key`, keeping the comments that followed the last
    key in front of what they introduce when the new key goes last."""
    last = _last(m) if len(m) else None
    set_key(m, key, value, after=after)
    if last is not None and last != key and _last(m) == key and getattr(m, "ca", None):
        _move_trailing(m, last, key)


def _key(e: Any) -> Any:
    if isinstance(e, Storey):
        return ("level", e.level)
    eid = getattr(e, "id", None)
    return ("id", eid) if eid is not None else ("value", e)


def _same(e: Any) -> Any:
    """What tells that an element without an id is still the one edited (moved, say): its
    kind and its name; an element with an id, its id."""
    key = _key(e)
    if key[0] != "value":
        return key
    return ("kind", getattr(e, "kind", None), getattr(e, "name", None))


def _opcodes(old: Sequence[Any], new: Sequence[Any]) -> list[tuple[str, int, int, int, int]]:
    """How ``new`` differs from ``old``: the elements kept (the same id, storey level or value)
    are ``equal``; within each stretch that changed, an element without an id of the same kind
    and name as before is the one edited (``equal``: it keeps its place and its comments, its
    changed fields written in); the rest is removed and added."""
    ops: list[tuple[str, int, int, int, int]] = []
    matcher = SequenceMatcher(None, [_key(e) for e in old], [_key(e) for e in new],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace":
            ops.append((tag, i1, i2, j1, j2))
            continue
        inner = SequenceMatcher(None, [_same(e) for e in old[i1:i2]],
                                [_same(e) for e in new[j1:j2]], autojunk=False)
        ops += [(t if t == "equal" else "replace", i1 + a1, i1 + a2, j1 + b1, j1 + b2)
                for t, a1, a2, b1, b2 in inner.get_opcodes()]
    return ops


class _Unfaithful(Exception):
    """The file's lists do not match the site it reads as (shared through aliases)."""


def _sync_list(parent: Any, key: str, old: Sequence[Any], new: Sequence[Any], *, yaml: bool,
               after: str, skip: Iterable[str] = ()) -> None:
    """Make the file's list ``parent[key]`` (which reads as ``old``) read as ``new``: the
    elements kept (the same id, storey level or value) stay where they are with their
    comments, their changed fields written in; removed ones are taken out, new ones written
    where they stand in ``new``."""
    if not isinstance(parent, Mapping) or (not old and not new):
        return
    seq = parent.get(key)
    fresh = seq is None
    if fresh:
        seq = _node([], yaml=yaml)
        if yaml:
            seq.fa.set_block_style()
    if not isinstance(seq, list) or len(seq) != len(old):
        raise _Unfaithful(key)
    for tag, i1, i2, j1, j2 in reversed(_opcodes(old, new)):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                _sync_fields(seq[i], old[i], new[j], yaml=yaml, skip=skip)
            continue
        like = list(seq)
        for i in reversed(range(i1, i2)):
            del seq[i]
        for n, j in enumerate(range(j1, j2)):
            seq.insert(i1 + n, _element_node(new[j], yaml=yaml, like=like))
        if yaml and i2 == len(old) and j2 == len(new) > j1 and i1 > 0:  # appended at the end
            _move_trailing(seq, i1 - 1, len(seq) - 1)
    if fresh:  # filled first, so that comments after the key before move behind it whole
        _add_key(parent, key, seq, after=after)


def _write_structure(data: Any, before: Site, site: Site, *, yaml: bool) -> None:
    """Write into parsed site data (which reads as ``before``) what ``site`` changed beyond
    :func:`_write_fields`: the site's name, address, date, origin and north; site features;
    per building its storeys and elements added, removed or moved, and changed fields. A
    building is matched by its id; buildings added or removed are not written (the check of
    :func:`edited_text` then finds the text unfaithful)."""
    if not isinstance(data, Mapping):
        return
    try:
        _sync_fields(data.get("site"), before.site, site.site, yaml=yaml)
        _sync_list(data, "site_features", before.site_features, site.site_features,
                   yaml=yaml, after="buildings")
        old = {b.id: b for b in before.buildings}
        new = {b.id: b for b in site.buildings}
        for bd in data.get("buildings") or []:
            bid = bd.get("id") if isinstance(bd, Mapping) else None
            if bid not in old or bid not in new:
                continue
            ob, nb = old[bid], new[bid]
            _sync_fields(bd, ob, nb, yaml=yaml, skip=_LISTS)
            for i, key in enumerate(_LISTS):
                _sync_list(bd, key, getattr(ob, key), getattr(nb, key), yaml=yaml,
                           after=_LISTS[i - 1] if i else "footprint")
    except _Unfaithful:
        return  # the final check of edited_text reports it


def edited_text(text: str, site: Site, *, name: str) -> str:
    """``text`` (a site file named ``name``) with ``site``'s fields and pins written in, and
    its added and removed elements (doors, stairs, rooms, windows, features, storeys, site
    features) and changed site information, comments, order and layout kept; a :class:`~orientation.errors.SiteFileError` when it
    cannot take them faithfully (:class:`~orientation.io.pinning.SharedElementError` for a
    pin into a shared mapping)."""
    codes, letters = site_pins(site)
    before = site_from_bytes(text.encode("utf-8"), name=name)
    as_json = _suffix(name) == ".json"

    def edit(data: Any) -> None:
        _write_structure(data, before, site, yaml=not as_json)
        _write_fields(data, site)
        pin_data(data, codes, letters, file=name)

    if as_json:
        new_text = edit_json_text(text, edit, file=name)
    else:
        new_text = edit_yaml_text(text, edit, file=name)
    if site_from_bytes(new_text.encode("utf-8"), name=name) != site:
        raise SiteFileError(name, [Problem("", NOT_FAITHFUL)])
    return new_text


def site_text(text: str, site: Site, *, name: str, strict: bool = False) -> str:
    """The site file as it stands now: ``text`` (the file as loaded, named ``name``) itself
    when ``site`` is what it says, else with the edits written in (:func:`edited_text`), or,
    when that cannot reproduce ``site`` exactly (the file shares elements through YAML
    aliases, say), the site dumped afresh in the file's format. With ``strict`` that case
    raises :class:`~orientation.errors.SiteFileError` saying why."""
    try:
        if site_from_bytes(text.encode("utf-8"), name=name) == site:
            return text  # nothing edited: the file exactly as it came
        return edited_text(text, site, name=name)
    except OrientationError:
        if strict:
            raise
    except Exception as exc:  # noqa: BLE001 - any round-trip trouble: fall back to a fresh dump
        if strict:
            raise SiteFileError(name, [Problem("", NOT_FAITHFUL + (
                f" ({type(exc).__name__}: {exc})"))]) from None
    return dump_site(site, fmt="json" if _suffix(name) == ".json" else "yaml")


def pinned_site_text(text: str, site: Site, plan: Plan, *, name: str,
                     strict: bool = False) -> str:
    """:func:`site_text` with every code of ``plan`` pinned (existing pins kept): the site of
    :func:`freeze_codes`. A file whose elements YAML aliases share cannot take the pins (two
    rooms would get one code): it is written afresh, or with ``strict`` that raises
    :class:`~orientation.io.pinning.SharedElementError` naming the key paths."""
    frozen, _ = freeze_codes(site, plan)
    return site_text(text, frozen, name=name, strict=strict)


def may_share_elements(text: str, *, name: str) -> bool:
    """Whether a site file's text could share elements between places: only YAML with an
    anchor (``&name``) can; a quick look that spares the round trip for every other file.

    >>> may_share_elements("a: &x {b: 1}", name="s.yaml"), may_share_elements("{}", name="s.json")
    (True, False)
    """
    return _suffix(name) != ".json" and re.search(r"&[^\s,\[\]{}]", text) is not None


__all__ = [
    "CODED_KINDS", "EDITABLE_FIELDS", "NOT_FAITHFUL", "apply_rows", "blank", "edited_text",
    "field_value", "freeze_codes", "guidance_pins", "main_door", "may_share_elements",
    "pinned_site_text", "plan_pins", "set_main_door", "set_profile", "site_pins", "site_text", "validated",
]
