"""The bundled faces: which packages they come from, loading each once per process, their
character maps and advance widths (see :mod:`orientation.fonts`)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from fontTools.ttLib import TTFont

#: Weights of the bundled faces.
FontWeight = Literal["bold", "regular"]

PRIMARY = "atkinson"
"""Face name of the primary face (Atkinson Hyperlegible) in font keys."""
FALLBACK = "noto"
"""Face name of the fallback face (Noto Sans) in font keys."""
WEIGHTS: tuple[FontWeight, ...] = ("bold", "regular")
"""The allowed weights."""
FONT_KEYS: tuple[str, ...] = tuple(f"{face}-{w}" for face in (PRIMARY, FALLBACK) for w in WEIGHTS)
"""Every font key: ``"{face}-{weight}"``, e.g. ``"atkinson-bold"`` or ``"noto-regular"``."""

_NOTDEF = ".notdef"
_FALLBACK_LOCATION = {
    "bold": {"wght": 700.0, "wdth": 100.0},
    "regular": {"wght": 400.0, "wdth": 100.0},
}
_STYLE = {"bold": "Bold", "regular": "Regular"}
_LOCK = threading.RLock()


def _check_weight(weight: str) -> None:
    if weight not in _STYLE:
        raise ValueError(f"unknown font weight {weight!r}; choose one of: {', '.join(WEIGHTS)}")


@dataclass(eq=False)
class _Face:
    """One loaded face at one weight: character map, advances and a glyph set to draw from."""

    key: str
    font: TTFont
    units_per_em: int
    cmap: dict[int, str]
    glyph_set: Mapping[str, Any]
    postscript_name: str
    advances: dict[str, int] = field(default_factory=dict)
    ems: dict[str, float] = field(default_factory=dict)  # glyph -> advance in ems
    chars: dict[str, tuple[str, float]] = field(default_factory=dict)  # char -> (glyph, ems)

    def char(self, ch: str) -> tuple[str, float]:
        """(glyph name, advance in ems) of a character; ``.notdef`` when the face lacks it."""
        got = self.chars.get(ch)
        if got is None:
            glyph = self.cmap.get(ord(ch), _NOTDEF)
            got = self.chars[ch] = (glyph, self.advance_em(glyph))
        return got

    def advance(self, glyph: str) -> int:
        """Advance width of ``glyph`` in font units (rounded, as in a static instance)."""
        adv = self.advances.get(glyph)
        if adv is None:
            with _LOCK:  # fontTools decompiles glyphs lazily; not thread-safe
                adv = self.advances[glyph] = round(self.glyph_set[glyph].width)
        return adv

    def advance_em(self, glyph: str) -> float:
        """Advance width of ``glyph`` in ems."""
        em = self.ems.get(glyph)
        if em is None:
            em = self.ems[glyph] = self.advance(glyph) / self.units_per_em
        return em


@cache
def _tnum_map(path: str) -> dict[str, str]:
    """The single substitutions of the ``tnum`` feature of the font at ``path``."""
    font = TTFont(path, lazy=True)  # reads only the tnum lookups, not the whole GSUB table
    mapping: dict[str, str] = {}
    if "GSUB" not in font:
        return mapping
    gsub = font["GSUB"].table
    for record in gsub.FeatureList.FeatureRecord:
        if record.FeatureTag != "tnum":
            continue
        for index in record.Feature.LookupListIndex:
            lookup = gsub.LookupList.Lookup[index]
            if lookup.LookupType == 1:
                for sub in lookup.SubTable:
                    mapping.update(sub.mapping)
    return mapping


def _open_primary(weight: str) -> TTFont:
    """The primary face at ``weight`` with its tabular figures frozen into the cmap."""
    path = _primary_path(weight)
    # recalcTimestamp=False: saving must not stamp the current time into ``head``.
    font = TTFont(path, recalcTimestamp=False)
    tnum = _tnum_map(path)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp, glyph in list(table.cmap.items()):
                if glyph in tnum:
                    table.cmap[cp] = tnum[glyph]
    return font


def _primary_path(weight: str) -> str:
    import fontpkg_atkinson_hyperlegible as pkg

    return str(pkg.ROOT / "files" / f"AtkinsonHyperlegible-{_STYLE[weight]}.ttf")


def _fallback_path() -> str:
    import fontpkg_noto_sans as pkg

    return str(pkg.ROOT / "files" / "NotoSans[wdth,wght].ttf")


@cache
def _face(face: str, weight: str) -> _Face:
    """Load one face once per process (thread-safe)."""
    _check_weight(weight)
    with _LOCK:
        if face == PRIMARY:
            font = _open_primary(weight)
            glyph_set = font.getGlyphSet()
            advances = {name: adv for name, (adv, _lsb) in font["hmtx"].metrics.items()}
        elif face == FALLBACK:
            font = TTFont(_fallback_path())
            glyph_set = font.getGlyphSet(location=_FALLBACK_LOCATION[weight], normalized=False)
            advances = {}
        else:
            raise ValueError(f"unknown face {face!r}; choose one of: {PRIMARY}, {FALLBACK}")
        cmap = dict(font.getBestCmap())
        family = "AtkinsonHyperlegible" if face == PRIMARY else "NotoSans"
        return _Face(
            key=f"{face}-{weight}",
            font=font,
            units_per_em=font["head"].unitsPerEm,
            cmap=cmap,
            glyph_set=glyph_set,
            postscript_name=f"{family}-{_STYLE[weight]}",
            advances=advances,
        )


def _face_of_key(font_key: str) -> _Face:
    face, _, weight = font_key.partition("-")
    if font_key not in FONT_KEYS:
        raise ValueError(f"unknown font key {font_key!r}; choose one of: {', '.join(FONT_KEYS)}")
    return _face(face, weight)


def units_per_em(font_key: str) -> int:
    """Font units per em of the face behind ``font_key`` (1000 for both bundled faces)."""
    return _face_of_key(font_key).units_per_em


def font_files() -> dict[str, str]:
    """Paths of the packaged font files behind each face, for reference and licences.

    The PDF backend embeds :func:`font_program` bytes rather than these files (the primary
    face with tabular figures frozen, the fallback as a static instance).
    """
    fallback = _fallback_path()
    return {
        "atkinson-bold": _primary_path("bold"),
        "atkinson-regular": _primary_path("regular"),
        "noto-bold": fallback,
        "noto-regular": fallback,
    }


__all__ = ["FALLBACK", "FONT_KEYS", "PRIMARY", "WEIGHTS", "FontWeight", "font_files",
           "units_per_em"]
