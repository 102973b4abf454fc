"""Write assigned codes back into a site file as pins, keeping the user's comments and layout.

YAML goes through ruamel.yaml's round-trip mode (comments, key order, flow style and quoting
survive); JSON stays JSON (2-space indent). Pins are added, never changed: an element that has
a pin keeps it. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
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
    if suffix == ".json":
        data = json.loads(text)
        n = pin_data(data, codes, letters)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n", n
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's lines
    try:
        from ruamel.yaml.util import load_yaml_guess_indent

        _, seq_indent, seq_offset = load_yaml_guess_indent(text)
        yaml.indent(mapping=_mapping_indent(text), sequence=seq_indent or 2,
                    offset=seq_offset or 0)
        data = yaml.load(text)
    except YAMLError as exc:
        raise SiteFileError(file, [Problem("", f"not valid YAML: {exc}")]) from None
    n = pin_data(data, codes, letters)
    if n == 0:
        return text, 0
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue(), n


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


__all__ = ["PIN_KEYS", "pin_data", "pin_text"]
