"""Write assigned codes back into a site file as pins, keeping the user's comments and layout.

YAML goes through ruamel.yaml's round-trip mode (comments, key order, flow style and quoting
survive); JSON stays JSON (2-space indent). Pins are added, never changed: an element that has
a pin keeps it. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import io
import json
from collections import Counter
from collections.abc import Callable, Mapping
from difflib import SequenceMatcher
from typing import Any

from ..errors import Problem, SiteFileError

#: element list -> the key that pins its code
PIN_KEYS = {"doors": "label", "stairs": "label", "rooms": "number"}


def pin_data(data: Any, codes: Mapping[str, str], letters: Mapping[str, str]) -> int:
    """Add pins in place to parsed site data. ``codes``: ``"<building>/<element>"`` -> code;
    ``letters``: building id -> letter. Returns how many pins were added."""
    added = 0
    for b in data.get("buildings", []) or []:
        bid = b.get("id")
        if "letter" not in b and bid in letters:
            _set(b, "letter", letters[bid], after="name")
            added += 1
        for key, pin in PIN_KEYS.items():
            for el in b.get(key, []) or []:
                code = codes.get(f"{bid}/{el.get('id')}")
                if code is not None and pin not in el:
                    _set(el, pin, code, after="kind" if key == "doors" else "id")
                    added += 1
    return added


def _set(mapping: Any, key: str, value: str, *, after: str) -> None:
    insert = getattr(mapping, "insert", None)
    if insert is not None and after in mapping:  # ruamel CommentedMap: keep the key near its kin
        pos = list(mapping.keys()).index(after) + 1
        insert(pos, key, value)
    else:
        mapping[key] = value


def pin_text(text: str, *, suffix: str, codes: Mapping[str, str], letters: Mapping[str, str],
             file: str) -> tuple[str, int]:
    """The site file's text with pins added, and the number of pins added."""
    added = 0

    def pin(data: Any) -> None:
        nonlocal added
        added = pin_data(data, codes, letters)

    if suffix == ".json":
        data = json.loads(text)
        pin(data)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n", added
    new_text = edit_yaml_text(text, pin, file=file)
    return (new_text if added else text), added


def edit_yaml_text(text: str, edit: Callable[[Any], None], *, file: str) -> str:
    """Apply ``edit`` to the YAML document in ``text`` and return the new text, keeping the
    user's comments, key order, flow style, quoting and indentation (ruamel round trip)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    try:
        _, seq_indent, seq_offset = load_yaml_guess_indent(text)
        yaml.indent(mapping=_mapping_indent(text), sequence=seq_indent or 2,
                    offset=seq_offset or 0)
        data = yaml.load(text)
    except YAMLError as exc:
        raise SiteFileError(file, [Problem("", f"not valid YAML: {exc}")]) from None
    edit(data)
    buf = io.StringIO()
    yaml.dump(data, buf)
    return restore_lost_comments(text, buf.getvalue())


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


__all__ = ["PIN_KEYS", "edit_yaml_text", "pin_data", "pin_text", "restore_lost_comments"]
