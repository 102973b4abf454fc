"""Run splitting (which face prints which characters), line layout and measuring (see
:mod:`orientation.fonts`)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from .faces import FALLBACK, PRIMARY, FontWeight, _check_weight, _face, _face_of_key

# --- runs --------------------------------------------------------------------------------


def _is_word_char(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LM"


def _is_neutral(ch: str) -> bool:
    """Spaces, punctuation and symbols take the face of their neighbours where it has them."""
    return unicodedata.category(ch)[0] in "ZPSC"


@lru_cache(maxsize=16384)
def _runs(text: str, weight: str) -> tuple[tuple[str, str], ...]:
    _check_weight(weight)
    primary = _face(PRIMARY, weight)
    p_has = primary.cmap
    if all(ord(ch) in p_has for ch in text):
        # The primary face prints it all, so the rules below give one primary run; the
        # fallback face (a large variable font) is then not even loaded.
        return ((f"{PRIMARY}-{weight}", text),) if text else ()
    f_has = _face(FALLBACK, weight).cmap
    faces: list[str | None] = [None] * len(text)

    def pick(cp: int) -> str:
        if cp in p_has or cp not in f_has:
            return PRIMARY
        return FALLBACK

    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_word_char(ch):
            j = i
            while j < n and _is_word_char(text[j]):
                j += 1
            cps = [ord(c) for c in text[i:j]]
            # A word stays in one face where possible: a Greek or Cyrillic word is never
            # a mix of Atkinson's few Greek letters and Noto's.
            if all(cp in p_has for cp in cps):
                faces[i:j] = [PRIMARY] * (j - i)
            elif all(cp in f_has for cp in cps):
                faces[i:j] = [FALLBACK] * (j - i)
            else:
                faces[i:j] = [pick(cp) for cp in cps]
            i = j
        else:
            if not _is_neutral(ch):
                faces[i] = pick(ord(ch))
            i += 1

    # Neutral characters join the face of the previous (else the next) decided character
    # when that face has them, so "Школа, 2" keeps its comma and space in Noto.
    last: str | None = None
    for k, ch in enumerate(text):
        if faces[k] is not None:
            last = faces[k]
            continue
        neighbour = last
        if neighbour is None:
            neighbour = next((f for f in faces[k + 1 :] if f is not None), None)
        cp = ord(ch)
        if neighbour == FALLBACK and cp in f_has:
            faces[k] = FALLBACK
        elif neighbour == PRIMARY and cp in p_has:
            faces[k] = PRIMARY
        else:
            faces[k] = pick(cp)

    out: list[tuple[str, str]] = []
    start = 0
    for k in range(1, n + 1):
        if k == n or faces[k] != faces[start]:
            out.append((f"{faces[start]}-{weight}", text[start:k]))
            start = k
    return tuple(out)


def runs(text: str, weight: FontWeight = "bold") -> list[tuple[str, str]]:
    """Split ``text`` into ``(font_key, substring)`` runs by glyph coverage.

    The primary face (Atkinson Hyperlegible) is used wherever it has the glyph, the fallback
    (Noto Sans) elsewhere. A word (letters and marks) that the primary face cannot print
    whole goes whole to the fallback, so a Greek word never mixes faces; spaces and punctuation
    follow their neighbours. Characters neither face has stay in the primary run (drawn as
    ``.notdef``). The text is NFC-normalised first; the substrings concatenate to that text.

    >>> runs("E1")
    [('atkinson-bold', 'E1')]
    >>> runs("Школа 2", "regular")
    [('noto-regular', 'Школа '), ('atkinson-regular', '2')]
    >>> runs("")
    []
    """
    return list(_runs(unicodedata.normalize("NFC", text), weight))


# --- layout and measuring ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    """One run of a laid-out line: ``x_em`` and ``advance_em`` in ems (multiply by size)."""

    font_key: str
    text: str
    x_em: float
    advance_em: float


@dataclass(frozen=True, slots=True)
class PlacedGlyph:
    """One glyph of a laid-out line: its face, glyph name and pen position in ems."""

    font_key: str
    glyph: str
    x_em: float


class Layout:
    """A laid-out line, size-independent: multiply every ``*_em`` by the font size in mm.

    ``glyphs`` (each glyph's face, name and pen position) is worked out on first use: most
    lines are only measured, and only the backends' outlines need the glyphs."""

    __slots__ = ("text", "runs", "advance_em", "_glyphs")

    def __init__(self, text: str, runs: tuple[Run, ...], advance_em: float) -> None:
        self.text = text
        self.runs = runs
        self.advance_em = advance_em
        self._glyphs: tuple[PlacedGlyph, ...] | None = None

    @property
    def glyphs(self) -> tuple[PlacedGlyph, ...]:
        glyphs = self._glyphs
        if glyphs is None:
            placed = []
            for run in self.runs:
                face = _face_of_key(run.font_key)
                key, char = face.key, face.char
                x = run.x_em  # the same additions, in the same order, as the advance
                for ch in run.text:
                    glyph, em = char(ch)
                    placed.append(PlacedGlyph(key, glyph, x))
                    x += em
            glyphs = self._glyphs = tuple(placed)
        return glyphs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Layout):
            return NotImplemented
        return (self.text, self.runs, self.advance_em) == (other.text, other.runs, other.advance_em)

    def __hash__(self) -> int:
        return hash((self.text, self.runs, self.advance_em))

    def __repr__(self) -> str:
        return f"Layout(text={self.text!r}, runs={self.runs!r}, advance_em={self.advance_em!r})"


def _layout(text: str, weight: str) -> Layout:
    out_runs: list[Run] = []
    x = 0.0
    for key, sub in _runs(text, weight):
        face = _face_of_key(key)
        chars, char = face.chars, face.char
        start = x
        for ch in sub:
            got = chars.get(ch)
            x += (got if got is not None else char(ch))[1]
        out_runs.append(Run(key, sub, start, x - start))
    return Layout(text, tuple(out_runs), x)


# Every label of a run is measured in compose and drawn in both backends, so a site's texts
# must all fit: a cache smaller than a large campus's tens of thousands of codes and names
# evicts each one before its next use, and the layout is made again at every stage.
@lru_cache(maxsize=1 << 16)
def _layout_of(text: str, weight: str) -> Layout:
    return _layout(unicodedata.normalize("NFC", text), weight)


def layout(text: str, *, weight: FontWeight = "bold") -> Layout:
    """Lay out one line: runs and glyph positions in ems from the start of the line.

    Cached per ``(text, weight)``; the SVG and PDF backends draw from this, so they agree
    with :func:`text_width_mm`.

    >>> layout("", weight="bold").advance_em
    0.0
    """
    return _layout_of(text, weight)


def text_width_mm(text: str, *, size_mm: float, weight: FontWeight = "bold") -> float:
    """Advance width of one line of ``text`` in mm at font size ``size_mm`` (mm per em).

    Sums the real advance widths (``hmtx``) of the glyphs drawn, fallback glyphs included;
    no kerning, exactly as both backends draw.

    >>> text_width_mm("", size_mm=10)
    0.0
    >>> round(text_width_mm("E", size_mm=10), 2)
    5.8
    """
    return layout(text, weight=weight).advance_em * size_mm


@cache
def cap_height_ratio(weight: FontWeight = "bold") -> float:
    """Cap height of the primary face as a fraction of the font size (``sCapHeight / upem``).

    >>> cap_height_ratio("bold")
    0.668
    """
    face = _face(PRIMARY, weight)
    return face.font["OS/2"].sCapHeight / face.units_per_em


def font_size_for_cap_height(cap_mm: float, weight: FontWeight = "bold") -> float:
    """Font size in mm (per em) that gives capitals ``cap_mm`` millimetres tall.

    >>> round(font_size_for_cap_height(66.8), 6)
    100.0
    """
    return cap_mm / cap_height_ratio(weight)


def missing_chars(text: str) -> str:
    """The characters of ``text`` (NFC) that no bundled face can print, each once, in order.

    Checks both weights of both faces (the faces cover the same characters in each weight).

    >>> missing_chars("Gebäude Süd, Κέντρο, Школа")
    ''
    >>> missing_chars("Halle 東 🚒")
    '東🚒'
    """
    text = unicodedata.normalize("NFC", text)
    p_has = _face(PRIMARY, "bold").cmap
    lacking = [ch for ch in text if ord(ch) not in p_has]
    if not lacking:  # the usual case: no need to load the fallback face
        return ""
    f_has = _face(FALLBACK, "bold").cmap
    seen: dict[str, None] = {}
    for ch in lacking:
        if ord(ch) not in f_has:
            seen.setdefault(ch, None)
    return "".join(seen)


__all__ = ["Layout", "PlacedGlyph", "Run", "cap_height_ratio", "font_size_for_cap_height",
           "layout", "missing_chars", "runs", "text_width_mm"]
