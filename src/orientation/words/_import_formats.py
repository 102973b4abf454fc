"""The IFC and IMDF importers' notes about what the building is (``import.<code>``): storey
outlines, dropped storeys, room uses they could not map. Same conventions as :mod:`._import`:
a note's English template is its ``message``."""

from __future__ import annotations

_DE: dict[str, str] = {}

_EN: dict[str, str] = {}

SECTIONS = {"import.": {"de": _DE, "en": _EN}}
