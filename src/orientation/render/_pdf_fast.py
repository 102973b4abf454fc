"""The fast PDF path: reportlab's document objects written in bulk (opt-in, fenced).

:mod:`orientation.render.pdf` writes through reportlab's public API. For a booklet of thousands
of small sign pages that costs about twice the time, mostly in reportlab's generic page
dictionaries (a temporary dictionary, a sort and a call per key and value, a resource
dictionary per page) and its outline tree. This module writes the same document through
reportlab's internals instead:

* the content stream is written as text, with the font subsets looked up in the canvas's
  document (``canvas._doc``), cached per document;
* the page objects reportlab made (``doc.Pages.pages``) get their class swapped for one whose
  dictionary is written in one go, and every page shares **one** resource dictionary (the
  document's fonts and the procedure sets, and the separations and graphics states the
  document uses: the ``CutContour`` spot colour, overprint, transparency);
* the outline is a flat list that takes part in reportlab's ``prepare``/``ready`` handshake.

None of that is reportlab's API, so it is used only with the reportlab versions it was tested
with (:data:`TESTED`, checked once at import: :data:`SUPPORTED`). :class:`Unsupported` is
the way back to the public path (:func:`orientation.render.pdf.render_pdf` falls back on
it) for anything this path cannot write. Its output reads and looks the same as the public
path's (same boxes, text, fonts, colours, outline); only the bytes differ.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import reportlab
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    PDFDictionary,
    PDFObject,
    PDFObjectReference,
    PDFPage,
    PDFResourceDictionary,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

from orientation import fonts
from orientation.render.pdf import (
    _ANCHOR,
    PT_PER_MM,
    _bleed_clip,
    _box,
    _canvas,
    _circle_ops,
    _cmyk,
    _crop_marks,
    _group_ops,
    _halo_body,
    _is_plain,
    _line_op,
    _page_boxes,
    _paint_op,
    _path_ops,
    _rect_path,
    _spot,
)
from orientation.render.pdf import _fill_op as _public_fill_op
from orientation.render.pdf import _stroke_op as _public_stroke_op
from orientation.render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke, Text

TESTED = ((4, 1), (5, 2))
"""reportlab versions the fast path was tested with: from the first to below the second."""


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:2]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


SUPPORTED = TESTED[0] <= _version(reportlab.Version) < TESTED[1]
"""Whether the installed reportlab is one the fast path was tested with."""


class Unsupported(Exception):  # noqa: N818 - a signal between the two paths, never shown
    """The pages need something the fast path cannot write."""


@lru_cache(maxsize=1024)
def _paint_ops(fill: Color | None, stroke: Stroke | None,
               even_odd: bool = False) -> tuple[str, str] | None:
    """(state operators, painting operator) for a shape of plain colours; None when nothing
    is painted."""
    paint = _paint_op(fill, stroke, even_odd)
    if paint is None:
        return None
    state = []
    if fill is not None:
        state.append(_public_fill_op(fill))
    if stroke is not None and stroke.width_mm > 0:
        state.append(_public_stroke_op(stroke))
    return " ".join(state), paint


class _Resources:
    """The one resource dictionary every page shares, and the names of the separations and
    graphics states put into it as the pages use them (in order of first use)."""

    __slots__ = ("dict", "doc", "spots", "states")

    def __init__(self, doc: Any) -> None:
        self.dict = PDFResourceDictionary()
        self.dict.basicFonts()
        self.dict.allProcs()
        self.doc = doc
        self.spots: dict[Color, str] = {}
        self.states: dict[tuple[str, float | bool], str] = {}

    def _state(self, key: str, value: float | bool) -> str:
        name = self.states.get((key, value))
        if name is None:
            name = self.states[(key, value)] = f"GSo{len(self.states)}"
            shown = ("true" if value else "false") if isinstance(value, bool) else fp_str(value)
            self.dict.ExtGState[name] = PDFDictionary({key: shown})
        return f"/{name} gs"

    def _space(self, color: Color) -> str:
        name = self.spots.get(color)
        if name is None:
            name, sname = self.doc.addColor(_spot(color))
            self.spots[color] = name
            self.dict.ColorSpace[sname] = PDFObjectReference(name)
        return name

    def color(self, color: Color, *, stroke: bool) -> str:
        """The operators that set ``color`` for filling (or stroking): DeviceCMYK, or the
        separation at full tint, with the graphics states for alpha and overprint."""
        ops = []
        if color.alpha < 1:
            ops.append(self._state("CA" if stroke else "ca", max(float(color.alpha), 0.0)))
        if color.overprint:
            ops.append(self._state("OP" if stroke else "op", True))
        if color.spot:
            ops.append(f"/{self._space(color)} {'CS' if stroke else 'cs'} 1 {'SCN' if stroke else 'scn'}")
        else:
            ops.append(f"{fp_str(*_cmyk(color))} {'K' if stroke else 'k'}")
        return " ".join(ops)

    def paint(self, fill: Color | None, stroke: Stroke | None,
              even_odd: bool = False) -> tuple[str, str] | None:
        """Like :func:`_paint_ops`, for any colours."""
        if (fill is None or _is_plain(fill)) and (stroke is None or _is_plain(stroke.color)):
            return _paint_ops(fill, stroke, even_odd)
        paint = _paint_op(fill, stroke, even_odd)
        if paint is None:
            return None
        state = []
        if fill is not None:
            state.append(self.color(fill, stroke=False))
        if stroke is not None and stroke.width_mm > 0:
            state.append(self.color(stroke.color, stroke=True))
            state.append(_line_op(stroke))
        return " ".join(state), paint

    def fill(self, color: Color) -> str:
        return _public_fill_op(color) if _is_plain(color) else self.color(color, stroke=False)


class _Painter:
    """Writes the content stream of a page's items as text, in mm with y down; each item is
    wrapped in ``q``/``Q``."""

    __slots__ = ("doc", "font_names", "out", "_encoded", "res")

    def __init__(self, canvas: Canvas, font_names: dict[str, str],
                 encoded: dict[tuple[str, str, str], str], res: _Resources) -> None:
        self.doc = canvas._doc  # reportlab assigns the font subsets per document
        self.font_names = font_names
        self.out: list[str] = []
        self._encoded = encoded
        self.res = res

    def item(self, item: Item) -> None:
        kind = type(item)
        if kind is Rect:
            self._shape(_rect_path(item), item.fill, item.stroke)  # type: ignore[arg-type, union-attr]
        elif kind is Text:
            self.text(item)  # type: ignore[arg-type]
        elif kind is Path:
            self._shape(_path_ops(item), item.fill, item.stroke, True)  # type: ignore[arg-type, union-attr]
        elif kind is Circle:
            self._shape(_circle_ops(item), item.fill, item.stroke)  # type: ignore[arg-type, union-attr]
        elif kind is Group:
            self.group(item)  # type: ignore[arg-type]
        else:
            raise TypeError(
                f"cannot draw {kind.__name__}; expected Rect, Circle, Path, Text or Group"
            )

    def _shape(self, path: str | None, fill: Color | None, stroke: Stroke | None,
               even_odd: bool = False) -> None:
        if path is None:
            return
        ops = self.res.paint(fill, stroke, even_odd)
        if ops is not None:
            self.out.append(f"q {ops[0]} {path} {ops[1]} Q")

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
        fill = self.res.fill(t.fill)
        out = self.out
        out.append("q")
        if t.halo is not None and t.halo_mm > 0:
            # Stroked outlines, not a second text object: extraction stays single (a
            # translucent halo sets the stroke alpha only, which the text does not use)
            halo = (f"{fp_str(*_cmyk(t.halo))} K" if _is_plain(t.halo)
                    else self.res.color(t.halo, stroke=True))
            out.append(f"{halo} {_halo_body(t, lay, x0)}")
        # Each run's text matrix flips y back up at the baseline; units stay mm.
        size_s = fp_str(size)
        runs = lay.runs
        if len(runs) == 1:  # the usual case: one face
            run = runs[0]
            out.append(f"{fill} BT 1 0 0 -1 {fp_str(x0, t.y)} Tm "
                       f"{self._shown(run.font_key, run.text, size_s)} ET Q")
            return
        ops = [fill, "BT"]
        for run in runs:
            ops.append(f"1 0 0 -1 {fp_str(x0 + run.x_em * size, t.y)} Tm")
            ops.append(self._shown(run.font_key, run.text, size_s))
        ops.append("ET Q")
        out.append(" ".join(ops))

    def group(self, g: Group) -> None:
        self.out.append("q")
        self.out.extend(_group_ops(g))
        for item in g.items:
            self.item(item)
        self.out.append("Q")


class _Page(PDFPage):
    """A reportlab page whose dictionary is written in one go, with the shared resources.
    The keys are those reportlab writes, less the defaults (``/Rotate 0``, an empty
    ``/Trans``)."""

    boxes: tuple[bytes, bytes, bytes] = (b"", b"", b"")  # BleedBox, MediaBox, TrimBox arrays

    def format(self, document: Any) -> bytes:  # noqa: A003 - reportlab's name
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

    def format(self, document: Any) -> bytes:  # noqa: A003 - reportlab's name
        return (b"<<\n/Filter [ /FlateDecode ] /Length %d\n>>\nstream\n" % len(self.data)
                + self.data + b"endstream\n")


class _OutlineEntry(PDFObject):
    """One bookmark: a title and its page, shown whole (``/Fit``)."""

    __RefOnly__ = 1

    def __init__(self, title: str, page: Any, parent: Any) -> None:
        self.title, self.page, self.parent = title, page, parent
        self.prev: Any = None
        self.next: Any = None

    def format(self, document: Any) -> bytes:  # noqa: A003 - reportlab's name
        parts = [b"<<\n/Dest [ ", document.Reference(self.page).format(document), b" /Fit ]"]
        if self.next is not None:
            parts += [b" /Next ", self.next.format(document)]
        parts += [b" /Parent ", self.parent.format(document)]
        if self.prev is not None:
            parts += [b" /Prev ", self.prev.format(document)]
        parts += [b" /Title ", PDFString(self.title).format(document), b"\n>>"]
        return b"".join(parts)


class _Outline(PDFObject):
    """A flat outline, one entry per named page, in page order, in place of reportlab's
    outline tree; reportlab calls :meth:`prepare` before it writes the document."""

    __RefOnly__ = 1
    ready: int | None = None

    def __init__(self) -> None:
        self.entries: list[tuple[str, Any]] = []
        self.first: Any = None
        self.last: Any = None
        self.count = 0

    def prepare(self, document: Any, canvas: Any) -> None:
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

    def format(self, document: Any) -> bytes:  # noqa: A003 - reportlab's name
        return bytes(b"<<\n/Count %d /First " % self.count + self.first.format(document)
                     + b" /Last " + self.last.format(document) + b" /Type /Outlines\n>>")


def render(pages: Sequence[Page], font_names: dict[str, str], *, title: str, subject: str,
           keywords: str, version: tuple[int, int] = (1, 4)) -> bytes:
    """The PDF of the pages (checked, fonts registered by the caller)."""
    buf = io.BytesIO()
    c = _canvas(buf, pages[0], font_names, title=title, subject=subject, keywords=keywords,
                bottomup=1, version=version)
    encoded: dict[tuple[str, str, str], str] = {}  # text runs of this document
    doc = c._doc
    res = _Resources(doc)
    resources = res.dict
    pdf_pages = doc.Pages.pages  # reportlab's page objects, in order
    outline = doc.outline = doc.Outlines = doc.Catalog.Outlines = _Outline()
    k = PT_PER_MM
    for page in pages:
        (media_w, media_h), bleed_box, trim_box = _page_boxes(page)
        c.setPageSize((media_w, media_h))
        boxes = (_box(*bleed_box), _box(0, 0, media_w, media_h), _box(*trim_box))
        t0 = trim_box[0]
        # mm, origin at the trim's top-left corner, y down.
        c.addLiteral(f"{fp_str(k, 0, 0, -k, t0, media_h - t0)} cm")
        if page.crop_marks:
            _crop_marks(c, page)
        painter = _Painter(c, font_names, encoded, res)
        painter.out.append(f"q {_bleed_clip(page)}")
        for item in page.items:
            painter.item(item)
        painter.out.append("Q")
        c.addLiteral("\n".join(painter.out))
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


__all__ = ["SUPPORTED", "TESTED", "Unsupported", "render"]
