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

The package's modules: :mod:`.faces` (the packaged faces and loading them),
:mod:`.measure` (runs, layout and measuring) and :mod:`.outlines` (glyph outlines and the
font programs to embed). Every public name is importable from ``orientation.fonts``.
"""

from __future__ import annotations

from .faces import FALLBACK, FONT_KEYS, PRIMARY, WEIGHTS, FontWeight, font_files, units_per_em
from .measure import (
    Layout,
    PlacedGlyph,
    Run,
    cap_height_ratio,
    font_size_for_cap_height,
    layout,
    missing_chars,
    runs,
    text_width_mm,
)
from .outlines import FontProgram, font_program, glyph_pdf_path, glyph_svg_path

__all__ = [
    "FALLBACK",
    "FONT_KEYS",
    "PRIMARY",
    "WEIGHTS",
    "FontProgram",
    "FontWeight",
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
