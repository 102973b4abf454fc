"""Fonts for signs and maps: packaged faces, run splitting, measuring and glyph outlines.

Fonts come **only** from PyPI font packages, never from a system font path:

* **Atkinson Hyperlegible** (``fontpkg_atkinson_hyperlegible``), the primary face, in
  ``"bold"`` and ``"regular"``. Its tabular figures (the OpenType ``tnum`` feature) are frozen
  into the character map when the face is loaded, so codes of one kind line up (``E1`` and
  ``E4`` have the same width) without a shaping engine.
* **Noto Sans** (``fontpkg_noto_sans``), the fallback for Greek, Cyrillic, Vietnamese and
  anything else Atkinson lacks. The package ships a variable font; glyphs are read at
  ``wght`` 700 (bold) or 400 (regular), ``wdth`` 100.

Units: text sizes are the **font size** (em) in millimetres; widths come back in millimetres;
glyph outlines and advances are in **font units** (``units_per_em`` per em, y up).

Text is normalised to NFC first, so a decomposed ``u`` + combining diaeresis prints as ``ü``.
There is no shaping and no kerning: both backends place glyphs by their advance widths from
``hmtx``, so what :func:`text_width_mm` measures is what the SVG and the PDF draw. Characters
that no bundled face can print are drawn as the primary face's ``.notdef`` box; compose finds
them beforehand with :func:`missing_chars`.

Every face is loaded once per process and every lookup is cached, so measuring a label costs
a dictionary look-up after the first time.
"""

from __future__ import annotations

import hashlib
import io
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Literal

from fontTools.pens.basePen import BasePen
from fontTools.pens.svgPathPen import SVGPathPen
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


# --- outlines ----------------------------------------------------------------------------


def _int_str(v: float) -> str:
    return str(round(v))


@cache
def glyph_svg_path(font_key: str, glyph: str) -> str:
    """SVG path data (``d``) of one glyph in font units, y up, origin at the pen position.

    Components are decomposed; coordinates are rounded to whole font units. An empty glyph
    (a space) gives ``""``. Scale by ``size_mm / units_per_em(font_key)`` and flip y to place it.
    """
    face = _face_of_key(font_key)
    pen = SVGPathPen(face.glyph_set, ntos=_int_str)
    with _LOCK:
        face.glyph_set[glyph].draw(pen)
    return pen.getCommands()


def _num2(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


class _PdfPathPen(BasePen):
    """Writes PDF path construction operators (m, l, c, h); quadratics become cubics."""

    def __init__(self, glyph_set: Mapping[str, Any]) -> None:
        super().__init__(glyph_set)
        self.ops: list[str] = []

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(f"{_num2(pt[0])} {_num2(pt[1])} m")

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(f"{_num2(pt[0])} {_num2(pt[1])} l")

    def _curveToOne(self, p1: tuple[float, float], p2: tuple[float, float],
                    p3: tuple[float, float]) -> None:
        self.ops.append(" ".join(_num2(v) for p in (p1, p2, p3) for v in p) + " c")

    def _closePath(self) -> None:
        self.ops.append("h")


@cache
def glyph_pdf_path(font_key: str, glyph: str) -> str:
    """PDF path operators (``m l c h``) of one glyph in font units, y up; ``""`` if empty.

    The PDF backend strokes these for text halos, so a halo never duplicates the text that
    a PDF reader extracts.
    """
    face = _face_of_key(font_key)
    pen = _PdfPathPen(face.glyph_set)
    with _LOCK:
        face.glyph_set[glyph].draw(pen)
    return " ".join(pen.ops)


# --- font programs for embedding ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FontProgram:
    """A TrueType font file to embed: a registry ``name`` unique to its content, and bytes."""

    font_key: str
    name: str
    postscript_name: str
    data: bytes


@cache
def _primary_program(weight: str) -> FontProgram:
    face = _face(PRIMARY, weight)
    buf = io.BytesIO()
    with _LOCK:
        # A fresh copy, not the face in use: fontTools then rebuilds only the changed cmap and
        # copies the other tables as they are, where the face's glyphs (decompiled for
        # outlines) would all be compiled again.
        _open_primary(weight).save(buf)
    return FontProgram(
        face.key, f"Orientation-{face.postscript_name}", face.postscript_name, buf.getvalue()
    )


def _fallback_font(face: _Face, weight: str, chars: str) -> bytes:
    """A small static TrueType font with ``chars`` drawn from the variable fallback face."""
    # imported here: only documents with characters beyond the primary face need them
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.recordingPen import DecomposingRecordingPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    src = face.font
    cmapping = {ord(c): face.cmap[ord(c)] for c in chars}
    order = [_NOTDEF] + sorted(set(cmapping.values()) - {_NOTDEF})
    glyphs = {}
    metrics = {}
    for name in order:
        rec = DecomposingRecordingPen(face.glyph_set)
        face.glyph_set[name].draw(rec)
        pen = TTGlyphPen(None)
        rec.replay(pen)
        glyph = pen.glyph()
        glyphs[name] = glyph
        metrics[name] = (face.advance(name), getattr(glyph, "xMin", 0))
    upem = face.units_per_em
    os2, hhea, head = src["OS/2"], src["hhea"], src["head"]
    fb = FontBuilder(upem, isTTF=True)
    fb.font.recalcTimestamp = False  # byte-stable: keep the source's dates in ``head``
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(cmapping)
    fb.setupGlyf(glyphs)
    fb.setupHorizontalMetrics(metrics)
    fb.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent, lineGap=hhea.lineGap)
    names = src["name"]
    style = _STYLE[weight]
    fb.setupNameTable(
        {
            "copyright": names.getDebugName(0) or "",
            "familyName": "Noto Sans",
            "styleName": style,
            "uniqueFontIdentifier": f"NotoSans-{style};orientation",
            "fullName": f"Noto Sans {style}",
            # unique per character set: reportlab registers faces by this name, and a second
            # subset under the same name would silently reuse the first one's glyphs
            "psName": f"{face.postscript_name}-{hashlib.sha1(chars.encode('utf-8')).hexdigest()[:6]}",
            "licenseDescription": names.getDebugName(13) or "SIL Open Font License 1.1",
            "licenseInfoURL": names.getDebugName(14) or "https://openfontlicense.org",
        },
        mac=False,
    )
    fb.setupOS2(
        usWeightClass=700 if weight == "bold" else 400,
        fsType=0,
        sTypoAscender=os2.sTypoAscender,
        sTypoDescender=os2.sTypoDescender,
        sTypoLineGap=os2.sTypoLineGap,
        usWinAscent=os2.usWinAscent,
        usWinDescent=os2.usWinDescent,
        sxHeight=os2.sxHeight,
        sCapHeight=os2.sCapHeight,
        achVendID=os2.achVendID,
    )
    fb.setupPost()
    fb.setupHead(
        unitsPerEm=upem, created=head.created, modified=head.created, fontRevision=head.fontRevision
    )
    buf = io.BytesIO()
    fb.save(buf)
    return buf.getvalue()


@lru_cache(maxsize=64)
def _fallback_program(weight: str, chars: str) -> FontProgram:
    face = _face(FALLBACK, weight)
    with _LOCK:
        data = _fallback_font(face, weight, chars)
    digest = hashlib.sha1(chars.encode("utf-8")).hexdigest()[:10]
    return FontProgram(
        face.key, f"Orientation-{face.postscript_name}-{digest}", face.postscript_name, data
    )


def font_program(font_key: str, *, chars: Iterable[str] = ()) -> FontProgram:
    """The TrueType font to embed for ``font_key``.

    For the primary face: the whole Atkinson Hyperlegible file (tabular figures frozen);
    ``chars`` is ignored. For the fallback: a static instance of Noto Sans holding only
    ``chars`` (each must be in the face's character map, as :func:`runs` guarantees), built
    from the same outlines and rounded advances that measuring and the SVG backend use; cached
    per character set. ``name`` is unique per content, for registering with reportlab once.
    """
    face = _face_of_key(font_key)
    weight = font_key.partition("-")[2]
    if face.key.startswith(PRIMARY):
        return _primary_program(weight)
    wanted = "".join(sorted({c for c in chars if ord(c) in face.cmap}))
    return _fallback_program(weight, wanted)


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


__all__ = [
    "FALLBACK",
    "FONT_KEYS",
    "PRIMARY",
    "WEIGHTS",
    "FontProgram",
    "Layout",
    "PlacedGlyph",
    "Run",
    "cap_height_ratio",
    "font_files",
    "font_program",
    "font_size_for_cap_height",
    "glyph_pdf_path",
    "glyph_svg_path",
    "layout",
    "missing_chars",
    "runs",
    "text_width_mm",
    "units_per_em",
]
