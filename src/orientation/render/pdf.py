"""PDF backend: pages of a scene to the bytes of one print-ready PDF (reportlab).

Page boxes, per page (PDF user space, points; the only place in the package with points):

* **TrimBox**: the finished size, ``width_mm`` by ``height_mm``.
* **BleedBox**: the trim plus ``bleed_mm`` on every side.
* **MediaBox**: equal to the BleedBox, except on pages with ``crop_marks``: those get a slug
  around the bleed large enough for the marks (offset ``max(bleed, 3 mm)`` from the trim,
  5 mm long), so the MediaBox grows and TrimBox/BleedBox stay exact.

Drawing is clipped to the BleedBox. Inside the page the backend sets up a user space in
millimetres with the origin at the trim's top-left corner and y down, exactly as the scene,
so every item is drawn with its own numbers.

Colours are DeviceCMYK from :attr:`Color.cmyk` (``k``/``K`` operators); a colour with a
``spot`` name is painted in a Separation colour space of that name (``cmyk`` the alternate),
one with ``alpha`` below 1 or ``overprint`` through an ExtGState. The RAL names belong in the document
metadata that the caller passes as ``subject``/``keywords``. Text is real text in embedded
TrueType subsets (Atkinson Hyperlegible, Noto Sans for the characters it lacks), so readers
can search and extract it; halos are the glyph outlines stroked behind the text, so the
extracted text is not doubled. Output is byte-stable (``invariant=1``, fixed ids and dates,
fonts built deterministically) and page streams are compressed.

Page names become outline (bookmark) entries; ``Page.title`` and ``Page.meta`` are not
written (the document information comes from :func:`render_pdf`'s arguments).

Two ways to write the file
--------------------------

The default goes through reportlab's public API only: a :class:`Canvas` with
``setPageSize``, ``setTrimBox``/``setBleedBox``, ``bookmarkPage``/``addOutlineEntry``, text
objects for the text, and the colour and alpha setters, so every resource a page names (its
fonts, separations, graphics states) lands in that page's resource dictionary. Operators that
name no resource (paths, transforms, DeviceCMYK colours, line styles) are written as text with
``Canvas.addLiteral``: a map page has thousands of items, and the canvas's drawing methods
track a transform and a state stack per call.

``fast=True`` (or ``ORIENTATION_PDF_FAST=1`` in the environment) selects
:mod:`orientation.render._pdf_fast`, which reaches into reportlab's document objects to write
a booklet of thousands of sign pages about twice as fast. It is fenced behind a check of the
reportlab version it was tested with and falls back to this path on any other version. Both
paths write spot colours (the cut contour), overprint and transparency.

Pages that name a printing condition make a PDF/X-4 file (:mod:`orientation.render.pdfx`,
added after reportlab has written the file, the same for both paths).
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import threading
from collections.abc import Iterator, Sequence
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.colors import CMYKColorSep
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from orientation import fonts
from orientation.errors import LayoutError
from orientation.render import pdfx
from orientation.render.scene import (
    Circle,
    Color,
    Group,
    Item,
    Page,
    Path,
    Rect,
    Stroke,
    Text,
)
from orientation.runtime import collector_paused

# Compressed streams stay binary: ASCII85 would make files 25 % larger and slower to write.
rl_config.useA85 = 0

PT_PER_MM = 72 / 25.4
"""Points per millimetre."""
CROP_MARK_OFFSET_MM = 3.0
"""Least distance of a crop mark from the trim, in mm (the marks also clear the bleed)."""
CROP_MARK_LENGTH_MM = 5.0
"""Length of a crop mark in mm."""
CROP_MARK_WIDTH_MM = 0.1
"""Line width of a crop mark in mm (about 0.3 pt), in registration colour (CMYK 100/100/100/100)."""
FAST_ENV = "ORIENTATION_PDF_FAST"
"""Environment variable that selects the fast path when ``render_pdf(fast=None)``: ``1``."""

_ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}
_REGISTERED: set[str] = set()
_REGISTER_LOCK = threading.Lock()
_RENDER_LOCK = threading.Lock()


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


# -- shared by both paths: fonts, checks, boxes and the operators that name no resource --------

def _register(program: fonts.FontProgram) -> str:
    """Register a font program with reportlab once per process; returns its registry name."""
    name = program.name
    if name not in _REGISTERED:
        with _REGISTER_LOCK:
            if name not in _REGISTERED:
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(program.data)))
                _REGISTERED.add(name)
    return name


def _walk(items: Sequence[Item]) -> Iterator[Text]:
    for item in items:
        if isinstance(item, Text):
            yield item
        elif isinstance(item, Group):
            yield from _walk(item.items)


def _font_names(pages: Sequence[Page]) -> dict[str, str]:
    """Font key -> registered reportlab name, for every font the pages use.

    The fallback fonts hold exactly the characters the document needs from them (the
    primary face is embedded whole and subset by reportlab, so its characters are not
    collected).
    """
    used: dict[str, set[str]] = {"atkinson-bold": set()}
    for page in pages:
        for t in _walk(page.items):
            for run in fonts.layout(t.text, weight=t.weight).runs:
                chars = used.setdefault(run.font_key, set())
                if run.font_key.startswith(fonts.FALLBACK):
                    chars.update(run.text)
    return {
        key: _register(fonts.font_program(key, chars=chars)) for key, chars in sorted(used.items())
    }


def _cmyk(color: Color) -> tuple[float, float, float, float]:
    c, m, y, k = (min(max(float(v), 0.0), 1.0) for v in color.cmyk)
    return c, m, y, k


def _is_plain(color: Color) -> bool:
    """A DeviceCMYK colour at full opacity that knocks out: set with ``k``/``K``, no
    resource needed."""
    return not color.spot and color.alpha >= 1 and not color.overprint


# Operators are cached per colour and line style: a map page repeats a handful of them
# thousands of times.
@lru_cache(maxsize=1024)
def _fill_op(color: Color) -> str:
    return f"{fp_str(*_cmyk(color))} k"


@lru_cache(maxsize=1024)
def _line_op(stroke: Stroke) -> str:
    """Width and dash of a line (a zero dash pattern draws solid)."""
    op = f"{fp_str(stroke.width_mm)} w"
    dash = [max(d, 0.0) for d in stroke.dash_mm]
    if sum(dash) > 0:
        op += f" [{fp_str(dash)}] 0 d"
    return op


@lru_cache(maxsize=1024)
def _stroke_op(stroke: Stroke) -> str:
    """Colour, width and dash of a line."""
    return f"{fp_str(*_cmyk(stroke.color))} K {_line_op(stroke)}"


def _paint_op(fill: Color | None, stroke: Stroke | None, even_odd: bool = False) -> str | None:
    """The painting operator of a shape (``f``, ``S``, ``B*``, ...); None when nothing is
    painted (no fill, and no stroke or one of zero width)."""
    do_stroke = stroke is not None and stroke.width_mm > 0
    if fill is None and not do_stroke:
        return None
    return str(PATH_OPS[int(do_stroke), int(fill is not None),
                        FILL_EVEN_ODD if even_odd else FILL_NON_ZERO])


# Shapes that repeat at many places (code boxes, keylines, callout circles) are built once
# at the origin and moved there with ``cm``; the Bézier corners cost more to write than to
# look up.
@lru_cache(maxsize=4096)
def _round_rect_path(w: float, h: float, r: float) -> str:
    path = PDFPathObject()
    path.roundRect(0, 0, w, h, r)
    return str(path.getCode())


@lru_cache(maxsize=1024)
def _circle_path(r: float) -> str:
    path = PDFPathObject()
    path.circle(0, 0, r)
    return str(path.getCode())


def _rect_path(r: Rect) -> str | None:
    x, w = (r.x, r.w) if r.w >= 0 else (r.x + r.w, -r.w)
    y, h = (r.y, r.h) if r.h >= 0 else (r.y + r.h, -r.h)
    if w <= 0 or h <= 0:
        return None
    rx = min(max(r.radius_mm, 0.0), w / 2, h / 2)
    if rx > 0:
        return f"1 0 0 1 {fp_str(x, y)} cm {_round_rect_path(w, h, rx)}"
    return f"{fp_str(x, y, w, h)} re"


def _circle_ops(ci: Circle) -> str | None:
    if ci.r <= 0:
        return None
    return f"1 0 0 1 {fp_str(ci.cx, ci.cy)} cm {_circle_path(ci.r)}"


def _path_ops(p: Path) -> str | None:
    rings = [ring for ring in p.rings if len(ring) >= 2]
    if not rings:
        return None
    ops = []
    for ring in rings:
        ops.append(f"{fp_str(*ring[0])} m")
        ops.extend(f"{fp_str(*pt)} l" for pt in ring[1:])
        if p.closed:
            ops.append("h")
    return " ".join(ops)


def _group_ops(g: Group) -> list[str]:
    """The clip and transform that open a group (after its ``q``)."""
    ops = []
    if g.clip is not None:
        ops.append(f"{fp_str(*g.clip)} re W n")
    if g.dx or g.dy:
        ops.append(f"1 0 0 1 {fp_str(g.dx, g.dy)} cm")
    if g.rotate_deg % 360:
        # In this y-down space a positive angle turns clockwise on paper, as in SVG.
        a = math.radians(g.rotate_deg)
        c, s = math.cos(a), math.sin(a)
        ops.append(f"1 0 0 1 {fp_str(g.ox, g.oy)} cm {fp_str(c, s, -s, c)} 0 0 cm "
                   f"1 0 0 1 {fp_str(-g.ox, -g.oy)} cm")
    return ops


@lru_cache(maxsize=1 << 16)
def _halo_glyphs(text: str, weight: str) -> tuple[int, str] | None:
    """The glyph outlines of a line for its halo, in font units with y up, each moved to its
    pen position: (units per em, path operators). Cached per text: only the place, size and
    width change. None when the line mixes faces of different units per em."""
    glyphs = fonts.layout(text, weight=weight).glyphs  # type: ignore[arg-type]
    upems = {fonts.units_per_em(g.font_key) for g in glyphs}
    if len(upems) != 1:
        return None
    upem = upems.pop()
    ops = []
    for g in glyphs:
        d = fonts.glyph_pdf_path(g.font_key, g.glyph)
        if d:
            ops.append(f"q 1 0 0 1 {_num(g.x_em * upem)} 0 cm {d} S Q")
    return upem, " ".join(ops)


def _halo_body(t: Text, lay: fonts.Layout, x0: float) -> str:
    """The halo of a line without its colour: round joins and caps, then the glyph outlines
    stroked at twice the halo width (half of the line lies under the glyph)."""
    size = t.size_mm
    line = _halo_glyphs(t.text, t.weight)
    if line is not None:  # the whole line at once, scaled from font units
        upem, body = line
        s = size / upem
        return (f"1 j 1 J q {s:.6g} 0 0 {-s:.6g} {_num(x0)} {_num(t.y)} cm "
                f"{_num(2 * t.halo_mm / s)} w {body} Q")
    ops = ["1 j 1 J"]
    for g in lay.glyphs:  # faces of different units per em: glyph by glyph
        d = fonts.glyph_pdf_path(g.font_key, g.glyph)
        if not d:
            continue
        s = size / fonts.units_per_em(g.font_key)
        gx = x0 + g.x_em * size
        ops.append(f"q {s:.6g} 0 0 {-s:.6g} {_num(gx)} {_num(t.y)} cm "
                   f"{_num(2 * t.halo_mm / s)} w {d} S Q")
    return " ".join(ops)


def _box(x0: float, y0: float, x1: float, y1: float) -> bytes:
    return f"[ {fp_str(x0, y0, x1, y1)} ]".encode()


def _slug_mm(page: Page) -> float:
    """Distance from the trim to the MediaBox edge, in mm."""
    bleed = max(page.bleed_mm, 0.0)
    if page.crop_marks:
        return max(bleed, CROP_MARK_OFFSET_MM) + CROP_MARK_LENGTH_MM + 1.0
    return bleed


def _page_boxes(page: Page) -> tuple[tuple[float, float], tuple[float, ...], tuple[float, ...]]:
    """(MediaBox size, BleedBox, TrimBox) in points, boxes as (x0, y0, x1, y1)."""
    k = PT_PER_MM
    bleed = max(page.bleed_mm, 0.0)
    slug = _slug_mm(page)
    media_w, media_h = (page.width_mm + 2 * slug) * k, (page.height_mm + 2 * slug) * k
    t0 = slug * k
    b0 = (slug - bleed) * k
    return ((media_w, media_h), (b0, b0, media_w - b0, media_h - b0),
            (t0, t0, t0 + page.width_mm * k, t0 + page.height_mm * k))


def _crop_marks(c: Canvas, page: Page) -> None:
    """Eight marks on the trim lines, outside the bleed, in registration colour."""
    w, h = page.width_mm, page.height_mm
    a = max(max(page.bleed_mm, 0.0), CROP_MARK_OFFSET_MM)
    b = a + CROP_MARK_LENGTH_MM
    c.saveState()
    c.setStrokeColorCMYK(1, 1, 1, 1)
    c.setLineWidth(CROP_MARK_WIDTH_MM)
    # Per corner (top left, top right, bottom left, bottom right): a horizontal and a
    # vertical mark on the trim lines, from a to b millimetres outside the trim.
    marks = []
    for x, y, sx, sy in ((0, 0, -1, -1), (w, 0, 1, -1), (0, h, -1, 1), (w, h, 1, 1)):
        marks.append((x + sx * a, y, x + sx * b, y))
        marks.append((x, y + sy * a, x, y + sy * b))
    c.lines(marks)
    c.restoreState()


def _bleed_clip(page: Page) -> str:
    """Clip to the bleed box; miter limit 4 as SVG's default, so both formats join alike."""
    bleed = max(page.bleed_mm, 0.0)
    clip = (-bleed, -bleed, page.width_mm + 2 * bleed, page.height_mm + 2 * bleed)
    return f"{fp_str(*clip)} re W n 4 M"


def _check(page: Page, index: int) -> None:
    size = (page.width_mm, page.height_mm, page.bleed_mm)
    if not all(math.isfinite(v) for v in size) or page.width_mm <= 0 or page.height_mm <= 0:
        label = page.name or page.title or f"#{index + 1}"
        raise LayoutError(
            f"page {label} has size {page.width_mm} x {page.height_mm} mm (bleed"
            f" {page.bleed_mm} mm); width and height must be positive, bleed finite",
            element=label,
        )


def _canvas(buf: io.BytesIO, first: Page, font_names: dict[str, str], *, title: str,
            subject: str, keywords: str, bottomup: int,
            version: tuple[int, int] = (1, 4)) -> Canvas:
    size = (first.width_mm * PT_PER_MM, first.height_mm * PT_PER_MM)
    c = Canvas(buf, pagesize=size, invariant=1, pageCompression=1, bottomup=bottomup,
               initialFontName=font_names["atkinson-bold"], pdfVersion=version)
    c.setTitle(title)
    c.setSubject(subject)
    c.setKeywords(keywords)
    c.setCreator("orientation")
    c.setAuthor("")
    return c


# -- the default: reportlab's public API ------------------------------------------------------

def _spot(color: Color) -> CMYKColorSep:
    # alpha=None: the colour's own alpha is set apart (an ExtGState only when below 1)
    return CMYKColorSep(*_cmyk(color), spotName=color.spot, density=1, alpha=None)


class _CanvasPainter:
    """Draws a page's items on a reportlab canvas, in mm with y down.

    Each item is wrapped in ``q``/``Q``, so no colour, width or dash leaks to the next. An
    item with a spot colour or transparency is wrapped in ``saveState``/``restoreState``
    instead and sets those through the canvas, which records the colour space or graphics
    state in the page's resources (and forgets it again with the state).
    """

    __slots__ = ("c", "lit", "font_names", "shown")

    def __init__(self, canvas: Canvas, font_names: dict[str, str]) -> None:
        self.c = canvas
        self.lit = canvas.addLiteral
        self.font_names = font_names
        self.shown: dict[tuple[str, str, float], str] = {}  # text objects of this document

    def item(self, item: Item) -> None:
        kind = type(item)
        if kind is Rect:
            self.shape(_rect_path(item), item.fill, item.stroke)  # type: ignore[arg-type, union-attr]
        elif kind is Text:
            self.text(item)  # type: ignore[arg-type]
        elif kind is Path:
            self.shape(_path_ops(item), item.fill, item.stroke, even_odd=True)  # type: ignore[arg-type, union-attr]
        elif kind is Circle:
            self.shape(_circle_ops(item), item.fill, item.stroke)  # type: ignore[arg-type, union-attr]
        elif kind is Group:
            self.group(item)  # type: ignore[arg-type]
        else:
            raise TypeError(
                f"cannot draw {kind.__name__}; expected Rect, Circle, Path, Text or Group"
            )

    def _fill(self, color: Color) -> None:
        c = self.c
        if color.spot:
            c.setFillColor(_spot(color))
        else:
            c.setFillColorCMYK(*_cmyk(color))
        if color.alpha < 1:
            c.setFillAlpha(max(float(color.alpha), 0.0))
        if color.overprint:
            c.setFillOverprint(True)

    def _stroke(self, color: Color) -> None:
        c = self.c
        if color.spot:
            c.setStrokeColor(_spot(color))
        else:
            c.setStrokeColorCMYK(*_cmyk(color))
        if color.alpha < 1:
            c.setStrokeAlpha(max(float(color.alpha), 0.0))
        if color.overprint:
            c.setStrokeOverprint(True)

    def shape(self, path: str | None, fill: Color | None, stroke: Stroke | None,
              even_odd: bool = False) -> None:
        if path is None:
            return
        paint = _paint_op(fill, stroke, even_odd)
        if paint is None:
            return
        line = stroke if stroke is not None and stroke.width_mm > 0 else None
        if (fill is None or _is_plain(fill)) and (line is None or _is_plain(line.color)):
            state = []
            if fill is not None:
                state.append(_fill_op(fill))
            if line is not None:
                state.append(_stroke_op(line))
            self.lit(f"q {' '.join(state)} {path} {paint} Q")
            return
        c = self.c
        c.saveState()
        if fill is not None:
            self._fill(fill)
        if line is not None:
            self._stroke(line.color)
            self.lit(_line_op(line))
        self.lit(f"{path} {paint}")
        c.restoreState()

    def _shown(self, lay: fonts.Layout, weight: str, size: float) -> str:
        """The text object (``BT .. ET``) of a line at a size with its start at the origin.

        Made by the canvas's text object (font subsets, escapes, ``Tf``) and cached per
        document: within one document reportlab never changes the subset code of a
        character, and labels repeat their texts and sizes across pages."""
        key = (lay.text, weight, size)
        shown = self.shown.get(key)
        if shown is None:
            runs = lay.runs
            obj = self.c.beginText(runs[0].x_em * size, 0)
            for i, run in enumerate(runs):
                if i:
                    obj.setTextOrigin(run.x_em * size, 0)
                obj.setFont(self.font_names[run.font_key], size)
                obj.textOut(run.text)
            shown = self.shown[key] = obj.getCode()  # what Canvas.drawText would add
        return shown

    def text(self, t: Text) -> None:
        lay = fonts.layout(t.text, weight=t.weight)
        if not lay.runs or t.size_mm <= 0:  # no text (a run holds at least one glyph)
            return
        size = t.size_mm
        x0 = t.x - lay.advance_em * size * _ANCHOR[t.anchor]
        shown = self._shown(lay, t.weight, size)
        # The canvas is top-down: the text matrix flips y back up at the baseline, moved
        # there with ``cm``.
        place = f"1 0 0 1 {fp_str(x0, t.y)} cm {shown}"
        halo = t.halo if t.halo is not None and t.halo_mm > 0 else None
        if _is_plain(t.fill) and (halo is None or _is_plain(halo)):
            if halo is None:
                self.lit(f"q {_fill_op(t.fill)} {place} Q")
            else:
                # Stroked outlines, not a second text object: extraction stays single.
                self.lit(f"q {fp_str(*_cmyk(halo))} K {_halo_body(t, lay, x0)} "
                         f"{_fill_op(t.fill)} {place} Q")
            return
        c = self.c
        c.saveState()
        if halo is not None:
            self._stroke(halo)
            self.lit(_halo_body(t, lay, x0))
        self._fill(t.fill)
        self.lit(place)
        c.restoreState()

    def group(self, g: Group) -> None:
        self.lit(" ".join(["q", *_group_ops(g)]))
        for item in g.items:
            self.item(item)
        self.lit("Q")


def _render_public(pages: tuple[Page, ...], font_names: dict[str, str], *, title: str,
                   subject: str, keywords: str, version: tuple[int, int] = (1, 4)) -> bytes:
    buf = io.BytesIO()
    # top-down: the canvas's own flip puts the origin at the MediaBox's top-left corner
    c = _canvas(buf, pages[0], font_names, title=title, subject=subject, keywords=keywords,
                bottomup=0, version=version)
    painter = _CanvasPainter(c, font_names)
    for index, page in enumerate(pages):
        media, bleed_box, trim_box = _page_boxes(page)
        c.setPageSize(media)
        c.setBleedBox(bleed_box)
        c.setTrimBox(trim_box)
        if page.name:
            key = f"p{index}"
            c.bookmarkPage(key, fit="Fit")
            c.addOutlineEntry(page.name, key, level=0)
        # mm, origin at the trim's top-left corner, y down.
        t0 = trim_box[0]
        c.addLiteral(f"{fp_str(PT_PER_MM, 0, 0, PT_PER_MM, t0, t0)} cm")
        if page.crop_marks:
            _crop_marks(c, page)
        c.addLiteral(f"q {_bleed_clip(page)}")
        for item in page.items:
            painter.item(item)
        c.addLiteral("Q")
        c.showPage()
    c.save()
    return buf.getvalue()


def _want_fast(fast: bool | None) -> bool:
    if fast is None:
        return os.environ.get(FAST_ENV, "").strip().lower() in ("1", "true", "yes", "on")
    return bool(fast)


def render_pdf(
    pages: Sequence[Page], *, title: str = "", subject: str = "", keywords: str = "",
    fast: bool | None = None,
) -> bytes:
    """Render pages to one PDF and return its bytes.

    ``title``, ``subject`` and ``keywords`` go into the document information (put the RAL
    names of the colours used there). Pages with a ``name`` get an outline (bookmark) entry.
    Page sizes are in mm as in the scene; the file's boxes are in points (see the module
    docstring). Identical input gives identical bytes.

    ``fast``: write through :mod:`orientation.render._pdf_fast` (None: when the environment
    sets ``ORIENTATION_PDF_FAST=1``); the file looks and reads the same. It falls back to the
    public path on an untested reportlab version.

    Pages that name a printing condition (:attr:`Page.output_intent`, the sign pages) make a
    PDF/X-4 file (:mod:`orientation.render.pdfx`): PDF 1.6, the output intent with its
    embedded CMYK profile, XMP metadata and the version keys.

    Raises :class:`~orientation.errors.LayoutError` for an empty sequence or a page without
    a positive size.
    """
    pages = tuple(pages)
    if not pages:
        raise LayoutError("render_pdf needs at least one page", element="pages")
    for index, page in enumerate(pages):
        _check(page, index)
    intent = output_intent(pages)
    font_names = _font_names(pages)
    meta = {"title": title, "subject": subject, "keywords": keywords}
    version = pdfx.PDF_VERSION if intent else (1, 4)
    # reportlab keeps per-document state in shared font objects; one document at a time.
    with _RENDER_LOCK, collector_paused():
        data = None
        if _want_fast(fast):
            from orientation.render import _pdf_fast

            if _pdf_fast.SUPPORTED:
                # something the fast path cannot write: the public path can
                with contextlib.suppress(_pdf_fast.Unsupported):
                    data = _pdf_fast.render(pages, font_names, version=version, **meta)
        if data is None:
            data = _render_public(pages, font_names, version=version, **meta)
    return pdfx.to_pdfx(data, intent) if intent else data


def output_intent(pages: Sequence[Page]) -> str:
    """The printing condition the pages are made for (:attr:`Page.output_intent`) when every
    page names the same one, else ``""`` (no PDF/X). Pages that name different ones raise
    :class:`~orientation.errors.LayoutError`."""
    keys = {p.output_intent for p in pages}
    if len(keys) > 1:
        raise LayoutError(f"the pages name different output intents ({', '.join(sorted(keys))});"
                          " one PDF/X file has one printing condition", element="pages")
    key = keys.pop() if keys else ""
    if key:
        pdfx.intent(key)  # a known one
    return key


__all__ = [
    "CROP_MARK_LENGTH_MM",
    "CROP_MARK_OFFSET_MM",
    "CROP_MARK_WIDTH_MM",
    "FAST_ENV",
    "PT_PER_MM",
    "output_intent",
    "render_pdf",
]
