"""Ids and texts of imported elements: slugs, unique ids within a building, cleaned names and
pinned codes."""

from __future__ import annotations

import re
import unicodedata

from .. import model

_SLUG_BAD = re.compile(r"[^a-z0-9_-]+")
_CODE_RE = re.compile(model.CODE_PATTERN)


def slugify(text: str | None, *, max_length: int = 48) -> str:
    """A lower-case id fragment of ``text`` (``[a-z0-9][a-z0-9_-]*``), or ``""``.

    >>> slugify("Küche / Wohnen 1.07")
    'kuche-wohnen-1-07'
    >>> slugify("  ")
    ''
    >>> slugify("__x")
    'x'
    """
    if not text:
        return ""
    t = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    t = _SLUG_BAD.sub("-", t)
    t = re.sub(r"-{2,}", "-", t).strip("-_")
    t = t.lstrip("-_")
    return t[:max_length].rstrip("-_")


class IdAllocator:
    """Unique ids within a building: ``prefix-slug`` with ``-2``, ``-3`` … on collisions;
    the next suffix of each base is remembered, so n elements of one name cost O(n), not
    O(n²).

    >>> ids = IdAllocator()
    >>> [ids.new("d", "Tür") for _ in range(3)], ids.new("d", "tur-2")
    (['d-tur', 'd-tur-2', 'd-tur-3'], 'd-tur-2-2')
    """

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}  # base -> the next suffix to try (no count from 2 again)

    def new(self, prefix: str, *candidates: object) -> str:
        base = ""
        for c in candidates:
            s = slugify(None if c is None else str(c))
            if s:
                base = f"{prefix}-{s}" if prefix else s
                break
        if not base:
            base = prefix or "x"
        base = base[:56].rstrip("-_")
        out, n = base, self._next.get(base, 2)
        while out in self.used:
            out = f"{base}-{n}"
            n += 1
        self._next[base] = n
        self.used.add(out)
        return out


def clean_text(text: object, *, max_length: int = 200) -> str | None:
    """Whitespace-collapsed text for a model ``Text`` field, or None when empty.

    >>> clean_text("  Foyer\\n étudiants ")
    'Foyer étudiants'
    """
    if text is None:
        return None
    t = " ".join(str(text).split())
    if not t:
        return None
    return t[:max_length].rstrip()


def as_code(text: object) -> str | None:
    """``text`` as a pinned code (``CODE_PATTERN``, at most 16 characters) or None.

    >>> as_code(" 1.07 "), as_code("B015 a"), as_code("")
    ('1.07', None, None)
    """
    if text is None:
        return None
    t = str(text).strip()
    if t and len(t) <= 16 and _CODE_RE.match(t):
        return t
    return None


__all__ = ["IdAllocator", "as_code", "clean_text", "slugify"]
