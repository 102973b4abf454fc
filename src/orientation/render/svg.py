"""SVG backend: one :class:`~orientation.render.scene.Page` to the bytes of one SVG file.

The XML is written directly as strings rather than through svgwrite: a sign page has a handful
of elements and a map a few thousand, the output must be byte-identical for identical input,
and svgwrite's validation and attribute ordering add time without adding safety here. Every
piece of text that comes from a scene (titles, labels, colours) is escaped as
:func:`xml.sax.saxutils.quoteattr` and :func:`~xml.sax.saxutils.escape` do, after characters
that XML 1.0 forbids are removed, so a name like ``</svg><script>`` stays text.

Geometry and conventions:

* The user unit is the millimetre. ``width`` and ``height`` are the trim size **plus bleed on
  every side** (``{W + 2b}mm``), and the ``viewBox`` starts at ``(-b, -b)``, so the trim's
  top-left corner stays the origin and items drawn into the bleed are visible.
* ``Page.title`` becomes ``<title>``; ``Page.meta`` pairs become
  ``<metadata><o:meta key=... value=.../></metadata>`` (namespace ``urn:x-orientation:page``).
* Crop marks (``Page.crop_marks``) are left out: the SVG is for screens and review; print
  shops get the PDF, which has them.
* Text becomes outlines (no ``<text>`` elements, no font needed to view the file): each
  glyph the page uses is defined once in ``<defs>`` (``<path id="o-<face>-<glyph>">``, in
  1/1000 em, y up) and every line is a ``<g role="img" aria-label="...">`` scaled to the
  font size, holding one ``<use xlink:href=...>`` per glyph at its pen position; a halo is a
  stroked copy of the same uses drawn first. A map page repeats a few dozen glyphs
  thousands of times: drawn inline, the outlines were 90 % of its file.
* A page made for a printing condition (``Page.output_intent``, the sign pages) names the CMYK
  of every colour beside its sRGB: ``fill="#063971" style="fill:#063971 icc-color(FOGRA39,
  0.95, 0.5, 0, 0.56)"`` (SVG 1.1 ICC colour; a browser that does not know it drops the
  style and paints the attribute's sRGB), and lists its inks in the metadata
  (``<o:ink hex=... cmyk=... name=...>``, the spot colours with their ``spot`` name).
* A group with a ``layer`` (the cut contour, ``CutContour``) is a ``<g id="CutContour"
  inkscape:groupmode="layer" inkscape:label="CutContour">``: the name sign shops' cutting
  software looks for, whether it reads the id, the layer or the spot colour's name.
* Numbers are written with at most 3 decimals (1 µm) and no trailing zeros; clip paths get ids
  made from their rectangle (``clip-x-y-w-h``), so identical clips share one definition and
  SVGs inlined into one HTML page never clash with different content.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from orientation import fonts
from orientation.render.scene import Circle, Color, Group, Item, Page, Path, Rect, Stroke, Text

_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ANCHOR = {"start": 0.0, "middle": 0.5, "end": 1.0}


def _num(v: float) -> str:
    """A coordinate in mm with at most 3 decimals and no trailing zeros ("-0" becomes "0")."""
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def _clean(text: str) -> str:
    """Text with the characters XML 1.0 cannot carry removed."""
    return _XML_INVALID.sub("", text)


# The two escapes below are those of xml.sax.saxutils (``escape`` and ``quoteattr``), written
# out: importing that module pulls in urllib and ssl, a noticeable part of a short run's start.


def _escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities."""
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


@lru_cache(maxsize=1 << 16)
def _attr(text: str) -> str:
    """A quoted, escaped attribute value (newlines and tabs as character references)."""
    data = _escape(_clean(text)).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    if '"' not in data:
        return f'"{data}"'
    if "'" not in data:
        return f"'{data}'"
    return '"' + data.replace('"', "&quot;") + '"'


@lru_cache(maxsize=1024)
def _color(color: Color, what: str = "fill") -> str:
    """A colour attribute's value; a translucent colour adds its ``fill-opacity`` or
    ``stroke-opacity`` (``what``). A spot colour shows its sRGB."""
    if color.alpha < 1:
        return f'{_attr(color.hex)} {what}-opacity="{_num(max(color.alpha, 0.0))}"'
    return _attr(color.hex)


def _icc(color: Color, what: str, profile: str) -> str:
    """``fill:#063971 icc-color(FOGRA39, 0.95, 0.5, 0, 0.56)``: the colour with its CMYK."""
    cmyk = ", ".join(_num(min(max(float(v), 0.0), 1.0)) for v in color.cmyk)
    return f"{what}:{color.hex} icc-color({profile}, {cmyk})"


@lru_cache(maxsize=1024)
def _paint(fill: Color | None, stroke: Stroke | None, icc: str = "") -> str:
    """Fill and stroke attributes; a missing or zero-width stroke draws no line. ``icc``: the
    name of the printing condition whose CMYK a style names beside the sRGB (see the
    module docstring), empty for none."""
    parts = [f" fill={_color(fill)}" if fill is not None else ' fill="none"']
    style = [_icc(fill, "fill", icc)] if icc and fill is not None else []
    if stroke is not None and stroke.width_mm > 0:
        parts.append(f' stroke={_color(stroke.color, "stroke")} stroke-width="{_num(stroke.width_mm)}"')
        dash = [max(d, 0.0) for d in stroke.dash_mm]
        if sum(dash) > 0:
            parts.append(f' stroke-dasharray="{" ".join(_num(d) for d in dash)}"')
        if icc:
            style.append(_icc(stroke.color, "stroke", icc))
    if style:
        parts.append(f' style="{";".join(style)}"')
    return "".join(parts)


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


@lru_cache(maxsize=4096)
def _glyph_def(font_key: str, glyph: str) -> tuple[str, str] | None:
    """(id, definition) of one glyph's outline in units of 1/1000 em, y up; None for a
    glyph with no outline (a space). The id names the face and the glyph, so the same id
    always means the same outline, also in SVGs inlined into one HTML page."""
    d = fonts.glyph_svg_path(font_key, glyph)
    if not d:
        return None
    gid = _ID_UNSAFE.sub("_", f"o-{font_key}-{glyph}")
    upem = fonts.units_per_em(font_key)
    scale = f' transform="scale({_num(1000 / upem)})"' if upem != 1000 else ""
    return gid, f'<path id="{gid}"{scale} d="{d}"/>'


@lru_cache(maxsize=1 << 16)
def _glyphs(text: str, weight: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A line's glyphs as ``<use>`` references at their pen positions (units of 1/1000 em,
    y up), and the (id, definition) pairs they refer to: the same for every size and
    place, so cached per text (codes and labels repeat across signs, proof and maps)."""
    uses, defs = [], []
    for g in fonts.layout(text, weight=weight).glyphs:  # type: ignore[arg-type]
        gdef = _glyph_def(g.font_key, g.glyph)
        if gdef is None:
            continue
        tx = g.x_em * 1000
        at = f' x="{_num(tx)}"' if tx else ""
        uses.append(f'<use xlink:href="#{gdef[0]}"{at}/>')
        defs.append(gdef)
    return "".join(uses), tuple(defs)


class _Writer:
    """Collects the SVG of one page; remembers the clip paths already defined and, on a
    page for a printing condition (``icc``), the inks it paints."""

    __slots__ = ("out", "clips", "glyphs", "icc", "inks")

    def __init__(self, icc: str = "") -> None:
        self.out: list[str] = []
        self.clips: set[str] = set()
        self.glyphs: dict[str, str] = {}  # id -> definition, in order of first use
        self.icc = icc
        self.inks: dict[Color, None] = {}

    def paint(self, fill: Color | None, stroke: Stroke | None) -> str:
        if self.icc:
            for c in (fill, stroke.color if stroke is not None else None):
                if c is not None:
                    self.inks.setdefault(c)
        return _paint(fill, stroke, self.icc)

    def item(self, item: Item) -> None:
        _DRAW[type(item)](self, item)

    def rect(self, r: Rect) -> None:
        x, w = (r.x, r.w) if r.w >= 0 else (r.x + r.w, -r.w)
        y, h = (r.y, r.h) if r.h >= 0 else (r.y + r.h, -r.h)
        if w <= 0 or h <= 0:
            return
        rx = min(max(r.radius_mm, 0.0), w / 2, h / 2)
        radius = f' rx="{_num(rx)}"' if rx > 0 else ""
        self.out.append(
            f'<rect x="{_num(x)}" y="{_num(y)}" width="{_num(w)}" height="{_num(h)}"{radius}'
            f"{self.paint(r.fill, r.stroke)}/>"
        )

    def circle(self, c: Circle) -> None:
        if c.r <= 0:
            return
        self.out.append(
            f'<circle cx="{_num(c.cx)}" cy="{_num(c.cy)}" r="{_num(c.r)}"{self.paint(c.fill, c.stroke)}/>'
        )

    def path(self, p: Path) -> None:
        d = []
        for ring in p.rings:
            if len(ring) < 2:
                continue
            (x0, y0), rest = ring[0], ring[1:]
            d.append(f"M{_num(x0)} {_num(y0)}")
            d.extend(f"L{_num(x)} {_num(y)}" for x, y in rest)
            if p.closed:
                d.append("Z")
        if not d:
            return
        rule = ' fill-rule="evenodd"' if p.fill is not None else ""
        self.out.append(f'<path d="{"".join(d)}"{rule}{self.paint(p.fill, p.stroke)}/>')

    def text(self, t: Text) -> None:
        lay = fonts.layout(t.text, weight=t.weight)
        if not lay.runs or t.size_mm <= 0:  # no text (a run holds at least one glyph)
            return
        x0 = t.x - lay.advance_em * t.size_mm * _ANCHOR[t.anchor]
        # The group is scaled to 1/1000 em per unit, y up; glyphs sit at their pen position.
        scale = t.size_mm / 1000
        body, defs = _glyphs(t.text, t.weight)
        for gid, gdef in defs:
            self.glyphs.setdefault(gid, gdef)
        out = self.out
        out.append(
            f'<g role="img" aria-label={_attr(t.text)} '
            f'transform="translate({_num(x0)} {_num(t.y)}) scale({scale:.6g} {-scale:.6g})">'
        )
        if t.halo is not None and t.halo_mm > 0:
            width = 2 * t.halo_mm / scale
            style = ""
            if self.icc:
                self.inks.setdefault(t.halo)
                style = f' style="{_icc(t.halo, "stroke", self.icc)}"'
            out.append(
                f'<g fill="none" stroke={_color(t.halo, "stroke")} stroke-width="{_num(width)}" '
                f'stroke-linejoin="round" stroke-linecap="round"{style}>{body}</g>'
            )
        style = ""
        if self.icc:
            self.inks.setdefault(t.fill)
            style = f' style="{_icc(t.fill, "fill", self.icc)}"'
        out.append(f"<g fill={_color(t.fill)}{style}>{body}</g></g>")

    def group(self, g: Group) -> None:
        out = self.out
        closes = 0
        if g.layer:
            name = _attr(g.layer)
            out.append(f"<g id={name} inkscape:groupmode=\"layer\" inkscape:label={name}>")
            closes += 1
        if g.clip is not None:
            cx, cy, cw, ch = g.clip
            nums = [_num(v) for v in (cx, cy, cw, ch)]
            cid = "clip-" + "-".join(n.replace("-", "m").replace(".", "_") for n in nums)
            if cid not in self.clips:
                self.clips.add(cid)
                out.append(
                    f'<defs><clipPath id="{cid}" clipPathUnits="userSpaceOnUse">'
                    f'<rect x="{nums[0]}" y="{nums[1]}" width="{nums[2]}" height="{nums[3]}"/>'
                    "</clipPath></defs>"
                )
            out.append(f'<g clip-path="url(#{cid})">')
            closes += 1
        transform = []
        if g.dx or g.dy:
            transform.append(f"translate({_num(g.dx)} {_num(g.dy)})")
        if g.rotate_deg % 360:
            transform.append(f"rotate({_num(g.rotate_deg)} {_num(g.ox)} {_num(g.oy)})")
        if transform:
            out.append(f'<g transform="{" ".join(transform)}">')
            closes += 1
        elif not closes:
            out.append("<g>")
            closes += 1
        for item in g.items:
            self.item(item)
        out.append("</g>" * closes)


def _ink(c: Color) -> str:
    """One ink of a print page's metadata: sRGB, CMYK (0..1), the spot name, the name."""
    cmyk = " ".join(_num(min(max(float(v), 0.0), 1.0)) for v in c.cmyk)
    spot = f" spot={_attr(c.spot)}" if c.spot else ""
    over = ' overprint="true"' if c.overprint else ""
    return f"<o:ink hex={_attr(c.hex)} cmyk={_attr(cmyk)}{spot}{over} name={_attr(c.name)}/>"


_DRAW: dict[type, Callable[[_Writer, object], None]] = {
    Rect: _Writer.rect,  # type: ignore[dict-item]
    Circle: _Writer.circle,  # type: ignore[dict-item]
    Path: _Writer.path,  # type: ignore[dict-item]
    Text: _Writer.text,  # type: ignore[dict-item]
    Group: _Writer.group,  # type: ignore[dict-item]
}


def render_svg(page: Page) -> bytes:
    """Render one page to SVG bytes (UTF-8).

    Width and height are in mm and include the bleed on every side (``W + 2 * bleed_mm`` by
    ``H + 2 * bleed_mm``); the viewBox is ``-b -b W+2b H+2b`` in mm, so scene coordinates are
    used as they are. Crop marks are not drawn (see the module docstring). Identical pages
    give identical bytes.
    """
    if not (math.isfinite(page.width_mm) and math.isfinite(page.height_mm)) or (
        page.width_mm <= 0 or page.height_mm <= 0
    ):
        raise ValueError(
            f"page {page.name or page.title or ''!r} has size {page.width_mm} x {page.height_mm} mm;"
            " width and height must be positive"
        )
    b = max(page.bleed_mm, 0.0)
    full_w, full_h = page.width_mm + 2 * b, page.height_mm + 2 * b
    w = _Writer(page.output_intent)
    out = w.out
    layers = any(isinstance(it, Group) and it.layer for it in page.items)
    inkscape = ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"' if layers else ""
    out.append(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
        f'{inkscape} version="1.1" '
        f'width="{_num(full_w)}mm" height="{_num(full_h)}mm" '
        f'viewBox="{_num(-b)} {_num(-b)} {_num(full_w)} {_num(full_h)}">'
    )
    if page.title:
        out.append(f"<title>{_escape(_clean(page.title))}</title>")
    meta_at = len(out)
    head = len(out)
    for item in page.items:
        w.item(item)
    if w.glyphs:  # every glyph outline once, before its first use
        out.insert(head, "<defs>" + "".join(w.glyphs.values()) + "</defs>")
    if page.meta or w.inks:
        meta = ['<metadata><o:page xmlns:o="urn:x-orientation:page">']
        meta.extend(f"<o:meta key={_attr(k)} value={_attr(v)}/>" for k, v in page.meta)
        if w.inks:
            meta.append(f"<o:inks output-intent={_attr(page.output_intent)}>")
            meta.extend(_ink(c) for c in w.inks)
            meta.append("</o:inks>")
        meta.append("</o:page></metadata>")
        out.insert(meta_at, "".join(meta))
    out.append("</svg>\n")
    return "".join(out).encode("utf-8")


__all__ = ["render_svg"]
