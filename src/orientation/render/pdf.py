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
from collections.abc import Iterator, Sequence

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import FILL_EVEN_ODD, Canvas

from orientation import fonts
from orientation.render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke, Text

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

    The fallback fonts hold exactly the characters the document needs from them.
    """
    used: dict[str, set[str]] = {}
    for page in pages:
        for t in _walk(page.items):
            for run in fonts.layout(t.text, weight=t.weight).runs:
                used.setdefault(run.font_key, set()).update(run.text)
    used.setdefault("atkinson-bold", set())
    return {
        key: _register(fonts.font_program(key, chars=chars)) for key, chars in sorted(used.items())
    }


def _cmyk(color: Color) -> tuple[float, float, float, float]:
    c, m, y, k = (min(max(float(v), 0.0), 1.0) for v in color.cmyk)
    return c, m, y, k


class _Painter:
    """Draws scene items on a reportlab canvas whose user space is mm, y down."""

    __slots__ = ("c", "font_names")

    def __init__(self, canvas: Canvas, font_names: dict[str, str]) -> None:
        self.c = canvas
        self.font_names = font_names

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

    def _style(self, fill: Color | None, stroke: Stroke | None) -> tuple[int, int]:
        """Set fill/stroke state; returns the (stroke, fill) flags for painting."""
        c = self.c
        do_fill = fill is not None
        do_stroke = stroke is not None and stroke.width_mm > 0
        if do_fill:
            c.setFillColorCMYK(*_cmyk(fill))  # type: ignore[arg-type]
        if do_stroke:
            c.setStrokeColorCMYK(*_cmyk(stroke.color))  # type: ignore[union-attr]
            c.setLineWidth(stroke.width_mm)  # type: ignore[union-attr]
            dash = [max(d, 0.0) for d in stroke.dash_mm]  # type: ignore[union-attr]
            if sum(dash) > 0:
                c.setDash(dash, 0)
        return int(do_stroke), int(do_fill)

    def rect(self, r: Rect) -> None:
        x, w = (r.x, r.w) if r.w >= 0 else (r.x + r.w, -r.w)
        y, h = (r.y, r.h) if r.h >= 0 else (r.y + r.h, -r.h)
        if w <= 0 or h <= 0:
            return
        c = self.c
        c.saveState()
        stroke, fill = self._style(r.fill, r.stroke)
        if stroke or fill:
            rx = min(max(r.radius_mm, 0.0), w / 2, h / 2)
            if rx > 0:
                c.roundRect(x, y, w, h, rx, stroke=stroke, fill=fill)
            else:
                c.rect(x, y, w, h, stroke=stroke, fill=fill)
        c.restoreState()

    def circle(self, ci: Circle) -> None:
        if ci.r <= 0:
            return
        c = self.c
        c.saveState()
        stroke, fill = self._style(ci.fill, ci.stroke)
        if stroke or fill:
            c.circle(ci.cx, ci.cy, ci.r, stroke=stroke, fill=fill)
        c.restoreState()

    def path(self, p: Path) -> None:
        rings = [ring for ring in p.rings if len(ring) >= 2]
        if not rings:
            return
        c = self.c
        c.saveState()
        stroke, fill = self._style(p.fill, p.stroke)
        if stroke or fill:
            path = c.beginPath()
            for ring in rings:
                path.moveTo(*ring[0])
                for pt in ring[1:]:
                    path.lineTo(*pt)
                if p.closed:
                    path.close()
            c.drawPath(path, stroke=stroke, fill=fill, fillMode=FILL_EVEN_ODD)
        c.restoreState()

    def text(self, t: Text) -> None:
        lay = fonts.layout(t.text, weight=t.weight)
        if not lay.glyphs or t.size_mm <= 0:
            return
        c = self.c
        size = t.size_mm
        x0 = t.x - lay.advance_em * size * _ANCHOR[t.anchor]
        c.saveState()
        if t.halo is not None and t.halo_mm > 0:
            # Stroked outlines, not a second text object: extraction stays single.
            c.setStrokeColorCMYK(*_cmyk(t.halo))
            c.setLineJoin(1)
            c.setLineCap(1)
            ops = []
            for g in lay.glyphs:
                d = fonts.glyph_pdf_path(g.font_key, g.glyph)
                if not d:
                    continue
                s = size / fonts.units_per_em(g.font_key)
                gx = x0 + g.x_em * size
                ops.append(
                    f"q {s:.6g} 0 0 {-s:.6g} {_num(gx)} {_num(t.y)} cm "
                    f"{_num(2 * t.halo_mm / s)} w {d} S Q"
                )
            c.addLiteral(" ".join(ops))
        c.setFillColorCMYK(*_cmyk(t.fill))
        # Text space: flip y back up at the baseline, units still mm.
        c.translate(x0, t.y)
        c.scale(1, -1)
        obj = c.beginText()
        for run in lay.runs:
            obj.setFont(self.font_names[run.font_key], size)
            obj.setTextOrigin(run.x_em * size, 0)
            obj.textOut(run.text)
        c.drawText(obj)
        c.restoreState()

    def group(self, g: Group) -> None:
        c = self.c
        c.saveState()
        if g.clip is not None:
            cx, cy, cw, ch = g.clip
            clip = c.beginPath()
            clip.rect(cx, cy, cw, ch)
            c.clipPath(clip, stroke=0, fill=0)
        if g.dx or g.dy:
            c.translate(g.dx, g.dy)
        if g.rotate_deg % 360:
            # In this y-down space a positive angle turns clockwise on paper, as in SVG.
            c.translate(g.ox, g.oy)
            c.rotate(g.rotate_deg)
            c.translate(-g.ox, -g.oy)
        for item in g.items:
            self.item(item)
        c.restoreState()


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


def _draw_page(c: Canvas, page: Page, font_names: dict[str, str]) -> None:
    k = PT_PER_MM
    bleed = max(page.bleed_mm, 0.0)
    slug = _slug_mm(page)
    media_w, media_h = (page.width_mm + 2 * slug) * k, (page.height_mm + 2 * slug) * k
    c.setPageSize((media_w, media_h))
    t0 = slug * k
    c.setTrimBox((t0, t0, t0 + page.width_mm * k, t0 + page.height_mm * k))
    b0 = (slug - bleed) * k
    c.setBleedBox((b0, b0, media_w - b0, media_h - b0))
    # mm, origin at the trim's top-left corner, y down.
    c.transform(k, 0, 0, -k, t0, media_h - t0)
    if page.crop_marks:
        _crop_marks(c, page)
    c.saveState()
    clip = c.beginPath()
    clip.rect(-bleed, -bleed, page.width_mm + 2 * bleed, page.height_mm + 2 * bleed)
    c.clipPath(clip, stroke=0, fill=0)
    c.setMiterLimit(4)  # as SVG's default, so both formats join lines alike
    painter = _Painter(c, font_names)
    for item in page.items:
        painter.item(item)
    c.restoreState()


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
    with _RENDER_LOCK:
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
        for index, page in enumerate(pages):
            _draw_page(c, page, font_names)
            if page.name:
                key = f"page-{index + 1}"
                c.bookmarkPage(key)
                c.addOutlineEntry(page.name, key, level=0)
            c.showPage()
        c.save()
    return buf.getvalue()


__all__ = [
    "CROP_MARK_LENGTH_MM",
    "CROP_MARK_OFFSET_MM",
    "CROP_MARK_WIDTH_MM",
    "PT_PER_MM",
    "render_pdf",
]
