"""Glyph outlines for the backends (SVG path data, PDF path operators) and the font
programs the PDF embeds (see :mod:`orientation.fonts`)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from fontTools.pens.basePen import BasePen
from fontTools.pens.svgPathPen import SVGPathPen

from .faces import (
    _LOCK,
    _NOTDEF,
    _STYLE,
    FALLBACK,
    PRIMARY,
    _Face,
    _face,
    _face_of_key,
    _open_primary,
)

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


__all__ = ["FontProgram", "font_program", "glyph_pdf_path", "glyph_svg_path"]
