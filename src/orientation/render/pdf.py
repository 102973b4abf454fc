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

Colours are DeviceCMYK from :attr:`Color.cmyk` (``k``/``K`` operators); the RAL names belong in
the document metadata that the caller passes as ``subject``/``keywords``. Text is real text in
embedded TrueType subsets (Atkinson Hyperlegible, Noto Sans for the characters it lacks), so
readers can search and extract it; halos are the glyph outlines stroked behind the text, so
the extracted text is not doubled. Output is byte-stable (``invariant=1``, fixed ids and
dates, fonts built deterministically) and page streams are compressed.

Page names become outline (bookmark) entries; ``Page.title`` and ``Page.meta`` are not
written (the document information comes from :func:`render_pdf`'s arguments).
"""

from __future__ import annotations

import io
import math
import threading
import zlib
from collections.abc import Iterator, Sequence
from functools import lru_cache

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFObject, PDFPage, PDFResourceDictionary, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, FILL_NON_ZERO, PATH_OPS, Canvas
from reportlab.pdfgen.pathobject import PDFPathObject

from orientation import fonts
from orientation.render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke, Text
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

_ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}
_REGISTERED: set[str] = set()
_REGISTER_LOCK = threading.Lock()
_RENDER_LOCK = threading.Lock()


def _num(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


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


# Operators are cached per colour and line style: a map page repeats a handful of them
# thousands of times.
@lru_cache(maxsize=1024)
def _fill_op(color: Color) -> str:
    return f"{fp_str(*_cmyk(color))} k"


@lru_cache(maxsize=1024)
def _stroke_op(stroke: Stroke) -> str:
    """Colour, width and dash of a line (a zero dash pattern draws solid)."""
    op = f"{fp_str(*_cmyk(stroke.color))} K {fp_str(stroke.width_mm)} w"
    dash = [max(d, 0.0) for d in stroke.dash_mm]
    if sum(dash) > 0:
        op += f" [{fp_str(dash)}] 0 d"
    return op


@lru_cache(maxsize=1024)
def _halo_op(color: Color) -> str:
    return f"{fp_str(*_cmyk(color))} K 1 j 1 J"


# Shapes that repeat at many places (code boxes, keylines, callout circles) are built once
# at the origin and moved there with ``cm``; the Bézier corners cost more to write than to
# look up.
@lru_cache(maxsize=4096)
def _round_rect_path(w: float, h: float, r: float) -> str:
    path = PDFPathObject()
    path.roundRect(0, 0, w, h, r)
    return path.getCode()


@lru_cache(maxsize=1024)
def _circle_path(r: float) -> str:
    path = PDFPathObject()
    path.circle(0, 0, r)
    return path.getCode()


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


@lru_cache(maxsize=1024)
def _paint_ops(fill: Color | None, stroke: Stroke | None,
               even_odd: bool = False) -> tuple[str, str] | None:
    """(state operators, painting operator) for a shape; None when nothing is painted (no
    fill, and no stroke or one of zero width)."""
    do_stroke = stroke is not None and stroke.width_mm > 0
    if fill is None and not do_stroke:
        return None
    state = []
    if fill is not None:
        state.append(_fill_op(fill))
    if do_stroke:
        state.append(_stroke_op(stroke))  # type: ignore[arg-type]
    paint = PATH_OPS[int(do_stroke), int(fill is not None),
                     FILL_EVEN_ODD if even_odd else FILL_NON_ZERO]
    return " ".join(state), paint


class _Painter:
    """Writes the content stream of a page's items, in mm with y down.

    The operators are written as text here rather than through the canvas's drawing
    methods: a map page has thousands of items, and the canvas tracks a transform matrix and
    a state stack for every call, which cost more than the drawing itself. The canvas still
    makes the document (pages, boxes, fonts, outlines). Each item is wrapped in ``q``/``Q``,
    so no colour, width or dash leaks to the next.
    """

    __slots__ = ("doc", "font_names", "out", "_encoded")

    def __init__(self, canvas: Canvas, font_names: dict[str, str],
                 encoded: dict[tuple[str, str, str], str]) -> None:
        self.doc = canvas._doc  # reportlab assigns the font subsets per document
        self.font_names = font_names
        self.out: list[str] = []
        self._encoded = encoded

    def item(self, item: Item) -> None:
        kind = type(item)
        if kind is Rect:
            self.rect(item)  # type: ignore[arg-type]
        elif kind is Text:
            self.text(item)  # type: ignore[arg-type]
        elif kind is Path:
            self.path(item)  # type: ignore[arg-type]
        elif kind is Circle:
            self.circle(item)  # type: ignore[arg-type]
        elif kind is Group:
            self.group(item)  # type: ignore[arg-type]
        else:
            raise TypeError(
                f"cannot draw {kind.__name__}; expected Rect, Circle, Path, Text or Group"
            )

    def _shape(self, path: str, fill: Color | None, stroke: Stroke | None,
               even_odd: bool = False) -> None:
        ops = _paint_ops(fill, stroke, even_odd)
        if ops is not None:
            self.out.append(f"q {ops[0]} {path} {ops[1]} Q")

    def rect(self, r: Rect) -> None:
        x, w = (r.x, r.w) if r.w >= 0 else (r.x + r.w, -r.w)
        y, h = (r.y, r.h) if r.h >= 0 else (r.y + r.h, -r.h)
        if w <= 0 or h <= 0:
            return
        rx = min(max(r.radius_mm, 0.0), w / 2, h / 2)
        if rx > 0:
            path = f"1 0 0 1 {fp_str(x, y)} cm {_round_rect_path(w, h, rx)}"
            self._shape(path, r.fill, r.stroke)
        else:
            self._shape(f"{fp_str(x, y, w, h)} re", r.fill, r.stroke)

    def circle(self, ci: Circle) -> None:
        if ci.r <= 0:
            return
        self._shape(f"1 0 0 1 {fp_str(ci.cx, ci.cy)} cm {_circle_path(ci.r)}", ci.fill,
                    ci.stroke)

    def path(self, p: Path) -> None:
        rings = [ring for ring in p.rings if len(ring) >= 2]
        if not rings:
            return
        ops = []
        for ring in rings:
            ops.append(f"{fp_str(*ring[0])} m")
            ops.extend(f"{fp_str(*pt)} l" for pt in ring[1:])
            if p.closed:
                ops.append("h")
        self._shape(" ".join(ops), p.fill, p.stroke, even_odd=True)

    def _shown(self, font_key: str, text: str, size_s: str) -> str:
        """The operators that show a run at a size (``/F1+0 3.2 Tf (..) Tj``, one pair per
        font subset); cached per document, in which reportlab's subset code of a character
        never changes, and labels repeat their texts and sizes across pages."""
        key = (font_key, text, size_s)
        shown = self._encoded.get(key)
        if shown is None:
            font = pdfmetrics.getFont(self.font_names[font_key])
            shown = " ".join(
                f"{font.getSubsetInternalName(subset, self.doc)} {size_s} Tf ({escapePDF(chunk)}) Tj"
                for subset, chunk in font.splitString(text, self.doc))
            self._encoded[key] = shown
        return shown

    def text(self, t: Text) -> None:
        lay = fonts.layout(t.text, weight=t.weight)
        if not lay.runs or t.size_mm <= 0:  # no text (a run holds at least one glyph)
            return
        size = t.size_mm
        x0 = t.x - lay.advance_em * size * _ANCHOR[t.anchor]
        out = self.out
        out.append("q")
        if t.halo is not None and t.halo_mm > 0:
            # Stroked outlines, not a second text object: extraction stays single.
            out.append(self._halo(t, lay, x0))
        # Each run's text matrix flips y back up at the baseline; units stay mm.
        size_s = fp_str(size)
        runs = lay.runs
        if len(runs) == 1:  # the usual case: one face
            run = runs[0]
            out.append(f"{_fill_op(t.fill)} BT 1 0 0 -1 {fp_str(x0, t.y)} Tm "
                       f"{self._shown(run.font_key, run.text, size_s)} ET Q")
            return
        ops = [_fill_op(t.fill), "BT"]
        for run in runs:
            ops.append(f"1 0 0 -1 {fp_str(x0 + run.x_em * size, t.y)} Tm")
            ops.append(self._shown(run.font_key, run.text, size_s))
        ops.append("ET Q")
        out.append(" ".join(ops))

    @staticmethod
    def _halo(t: Text, lay: fonts.Layout, x0: float) -> str:
        size = t.size_mm
        line = _halo_glyphs(t.text, t.weight)
        if line is not None:  # the whole line at once, scaled from font units
            upem, body = line
            s = size / upem
            return (f"{_halo_op(t.halo)} q {s:.6g} 0 0 {-s:.6g} {_num(x0)} {_num(t.y)} cm "  # type: ignore[arg-type]
                    f"{_num(2 * t.halo_mm / s)} w {body} Q")
        ops = [_halo_op(t.halo)]  # type: ignore[arg-type]
        for g in lay.glyphs:  # faces of different units per em: glyph by glyph
            d = fonts.glyph_pdf_path(g.font_key, g.glyph)
            if not d:
                continue
            s = size / fonts.units_per_em(g.font_key)
            gx = x0 + g.x_em * size
            ops.append(f"q {s:.6g} 0 0 {-s:.6g} {_num(gx)} {_num(t.y)} cm "
                       f"{_num(2 * t.halo_mm / s)} w {d} S Q")
        return " ".join(ops)

    def group(self, g: Group) -> None:
        out = self.out
        out.append("q")
        if g.clip is not None:
            out.append(f"{fp_str(*g.clip)} re W n")
        if g.dx or g.dy:
            out.append(f"1 0 0 1 {fp_str(g.dx, g.dy)} cm")
        if g.rotate_deg % 360:
            # In this y-down space a positive angle turns clockwise on paper, as in SVG.
            a = math.radians(g.rotate_deg)
            c, s = math.cos(a), math.sin(a)
            out.append(f"1 0 0 1 {fp_str(g.ox, g.oy)} cm {fp_str(c, s, -s, c)} 0 0 cm "
                       f"1 0 0 1 {fp_str(-g.ox, -g.oy)} cm")
        for item in g.items:
            self.item(item)
        out.append("Q")


class _Page(PDFPage):
    """A reportlab page whose dictionary is written in one go.

    reportlab formats every page through its generic dictionary machinery (a temporary
    dictionary, a sort, one call per key and value) and gives each page a resource
    dictionary of its own; in a booklet of thousands of small sign pages that costs more
    than drawing them. Every page here uses the same resources (the document's fonts; no
    images, patterns or colour spaces), so they are one shared object, and the boxes are
    written as text once. The keys are those reportlab writes, less the defaults
    (``/Rotate 0``, an empty ``/Trans``).
    """

    boxes: tuple[bytes, bytes, bytes] = (b"", b"", b"")  # BleedBox, MediaBox, TrimBox arrays

    def format(self, document) -> bytes:  # noqa: A003 - reportlab's name
        self.check_format(document)  # the content stream, the parent and the media box
        ref = document.Reference
        return b"".join((
            b"<<\n/BleedBox ", self.boxes[0], b" /Contents ", ref(self.Contents).format(document),
            b" /MediaBox ", self.boxes[1], b" /Parent ", ref(self.Parent).format(document),
            b" /Resources ", ref(self.Resources).format(document),
            b" /TrimBox ", self.boxes[2], b" /Type /Page\n>>"))


class _Stream(PDFObject):
    """A page's content stream, compressed as reportlab would (Flate, default level), with
    its dictionary written directly. The documents are never encrypted."""

    __RefOnly__ = 1  # an indirect object, as every stream must be

    def __init__(self, content: str) -> None:
        self.data = zlib.compress(content.encode("utf8"))

    def format(self, document) -> bytes:  # noqa: A003 - reportlab's name
        return (b"<<\n/Filter [ /FlateDecode ] /Length %d\n>>\nstream\n" % len(self.data)
                + self.data + b"endstream\n")


class _OutlineEntry(PDFObject):
    """One bookmark: a title and its page, shown whole (``/Fit``)."""

    __RefOnly__ = 1

    def __init__(self, title: str, page: PDFPage, parent) -> None:
        self.title, self.page, self.parent = title, page, parent
        self.prev = self.next = None

    def format(self, document) -> bytes:  # noqa: A003 - reportlab's name
        parts = [b"<<\n/Dest [ ", document.Reference(self.page).format(document), b" /Fit ]"]
        if self.next is not None:
            parts += [b" /Next ", self.next.format(document)]
        parts += [b" /Parent ", self.parent.format(document)]
        if self.prev is not None:
            parts += [b" /Prev ", self.prev.format(document)]
        parts += [b" /Title ", PDFString(self.title).format(document), b"\n>>"]
        return b"".join(parts)


class _Outline(PDFObject):
    """A flat outline, one entry per named page, in page order.

    Stands in for reportlab's outline tree (nested levels, named destinations, one generic
    dictionary per entry), which in a booklet of thousands of signs took a fifth of the
    time to write the file; reportlab calls :meth:`prepare` before it writes the document."""

    __RefOnly__ = 1
    ready: int | None = None

    def __init__(self) -> None:
        self.entries: list[tuple[str, PDFPage]] = []
        self.first = self.last = None
        self.count = 0

    def prepare(self, document, canvas) -> None:
        if not self.entries:
            self.ready = -1  # reportlab then leaves /Outlines out of the catalog
            return
        parent = document.Reference(self)
        made = [_OutlineEntry(title, page, parent) for title, page in self.entries]
        refs = [document.Reference(e, f"Outline.{i}") for i, e in enumerate(made)]
        for i, e in enumerate(made):
            e.prev = refs[i - 1] if i else None
            e.next = refs[i + 1] if i + 1 < len(refs) else None
        self.first, self.last, self.count = refs[0], refs[-1], len(refs)
        self.ready = 1

    def format(self, document) -> bytes:  # noqa: A003 - reportlab's name
        return (b"<<\n/Count %d /First " % self.count + self.first.format(document)
                + b" /Last " + self.last.format(document) + b" /Type /Outlines\n>>")


def _box(x0: float, y0: float, x1: float, y1: float) -> bytes:
    return f"[ {fp_str(x0, y0, x1, y1)} ]".encode()


def _slug_mm(page: Page) -> float:
    """Distance from the trim to the MediaBox edge, in mm."""
    bleed = max(page.bleed_mm, 0.0)
    if page.crop_marks:
        return max(bleed, CROP_MARK_OFFSET_MM) + CROP_MARK_LENGTH_MM + 1.0
    return bleed


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


def _check(page: Page, index: int) -> None:
    size = (page.width_mm, page.height_mm, page.bleed_mm)
    if not all(math.isfinite(v) for v in size) or page.width_mm <= 0 or page.height_mm <= 0:
        label = page.name or page.title or f"#{index + 1}"
        raise ValueError(
            f"page {label} has size {page.width_mm} x {page.height_mm} mm (bleed"
            f" {page.bleed_mm} mm); width and height must be positive, bleed finite"
        )


def _draw_page(c: Canvas, page: Page, font_names: dict[str, str],
               encoded: dict[tuple[str, str, str], str]) -> tuple[bytes, ...]:
    """Draw one page on the canvas; returns its BleedBox, MediaBox and TrimBox as PDF arrays
    (the page dictionary is written by :class:`_Page`)."""
    k = PT_PER_MM
    bleed = max(page.bleed_mm, 0.0)
    slug = _slug_mm(page)
    media_w, media_h = (page.width_mm + 2 * slug) * k, (page.height_mm + 2 * slug) * k
    c.setPageSize((media_w, media_h))
    t0 = slug * k
    b0 = (slug - bleed) * k
    boxes = (_box(b0, b0, media_w - b0, media_h - b0), _box(0, 0, media_w, media_h),
             _box(t0, t0, t0 + page.width_mm * k, t0 + page.height_mm * k))
    # mm, origin at the trim's top-left corner, y down.
    c.addLiteral(f"{fp_str(k, 0, 0, -k, t0, media_h - t0)} cm")
    if page.crop_marks:
        _crop_marks(c, page)
    painter = _Painter(c, font_names, encoded)
    # clipped to the bleed box; miter limit 4 as SVG's default, so both formats join alike
    clip = (-bleed, -bleed, page.width_mm + 2 * bleed, page.height_mm + 2 * bleed)
    painter.out.append(f"q {fp_str(*clip)} re W n 4 M")
    for item in page.items:
        painter.item(item)
    painter.out.append("Q")
    c.addLiteral("\n".join(painter.out))
    return boxes


def render_pdf(
    pages: Sequence[Page], *, title: str = "", subject: str = "", keywords: str = ""
) -> bytes:
    """Render pages to one PDF and return its bytes.

    ``title``, ``subject`` and ``keywords`` go into the document information (put the RAL
    names of the colours used there). Pages with a ``name`` get an outline (bookmark) entry.
    Page sizes are in mm as in the scene; the file's boxes are in points (see the module
    docstring). Identical input gives identical bytes.

    Raises ValueError for an empty sequence or a page without a positive size.
    """
    pages = tuple(pages)
    if not pages:
        raise ValueError("render_pdf needs at least one page")
    for index, page in enumerate(pages):
        _check(page, index)
    font_names = _font_names(pages)
    buf = io.BytesIO()
    # reportlab keeps per-document state in shared font objects; one document at a time.
    with _RENDER_LOCK, collector_paused():
        c = Canvas(
            buf,
            pagesize=(pages[0].width_mm * PT_PER_MM, pages[0].height_mm * PT_PER_MM),
            invariant=1,
            pageCompression=1,
            initialFontName=font_names["atkinson-bold"],
            pdfVersion=(1, 4),
        )
        c.setTitle(title)
        c.setSubject(subject)
        c.setKeywords(keywords)
        c.setCreator("orientation")
        c.setAuthor("")
        encoded: dict[tuple[str, str, str], str] = {}  # text runs of this document
        resources = PDFResourceDictionary()
        resources.basicFonts()
        resources.allProcs()
        doc = c._doc
        pdf_pages = doc.Pages.pages  # reportlab's page objects, in order
        outline = doc.outline = doc.Outlines = doc.Catalog.Outlines = _Outline()
        for page in pages:
            boxes = _draw_page(c, page, font_names, encoded)
            c.showPage()
            made = pdf_pages[-1]
            if page.name:
                outline.entries.append((page.name, made))
            made.__class__ = _Page
            made.boxes = boxes
            made.Resources = resources
            made.Contents = _Stream(made.stream)
        c.save()
    return buf.getvalue()


__all__ = [
    "CROP_MARK_LENGTH_MM",
    "CROP_MARK_OFFSET_MM",
    "CROP_MARK_WIDTH_MM",
    "PT_PER_MM",
    "render_pdf",
]
