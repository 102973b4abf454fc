"""signs.pdf as a sign shop accepts it (issue 19): a CutContour separation on every page whose
path is the rounded rectangle at the trim, overprinting; PDF/X-4 (output intent with the
bundled CMYK profile, XMP, version keys, boxes, no RGB, fonts embedded); on the public and
the fast path, for all three examples; byte-stable."""

from __future__ import annotations

import io
import math
import re

import pikepdf
import pytest

from conftest import SITES, _plan
from orientation.compose.signs import (
    CUT_LAYER,
    MIN_CORNER_MM,
    corner_radius_mm,
    design_items,
    sign_page,
)
from orientation.render import _pdf_fast, pdfx
from orientation.render.pdf import PT_PER_MM, render_pdf

PT = PT_PER_MM


def _signs_pdf(name: str, fast: bool) -> tuple[bytes, object, object]:
    plan, prof = _plan(name)
    if fast and not _pdf_fast.SUPPORTED:
        pytest.skip("the fast path is not enabled for this reportlab")
    # every sign kind of the plan, a few of each (all pages of a school take a while)
    picked, seen = [], {}
    for s in plan.signs:
        if seen.get(s.kind, 0) < 3:
            seen[s.kind] = seen.get(s.kind, 0) + 1
            picked.append(s)
    pages = [sign_page(s, prof, language=plan.language) for s in picked]
    return render_pdf(pages, title=f"{plan.site_name}: signs", fast=fast), picked, prof


@pytest.fixture(scope="module", params=[(n, f) for n in sorted(SITES) for f in (False, True)],
                ids=lambda p: f"{p[0]}-{'fast' if p[1] else 'public'}")
def signs_pdf(request):
    return _signs_pdf(*request.param)


def _mul(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def _cut_paths(page: pikepdf.Page) -> list[dict]:
    """Every path stroked in the CutContour separation: its points in page space (pt), whether
    it has curves, and the graphics states in force."""
    spaces = page.Resources.get("/ColorSpace", {})
    cut_names = {str(k) for k, v in spaces.items()
                 if isinstance(v, pikepdf.Array) and str(v[1]) == "/CutContour"}
    states = page.Resources.get("/ExtGState", {})
    ctm = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    stack = []
    stroke_space = None
    overprint = False
    path: list[tuple[float, float]] = []
    curves = False
    found = []

    def at(x, y):
        a, b, c, d, e, f = ctm
        return (a * x + c * y + e, b * x + d * y + f)

    for operands, op in pikepdf.parse_content_stream(page):
        o = str(op)
        nums = [float(v) for v in operands] if o in ("cm", "m", "l", "c", "re") else []
        if o == "q":
            stack.append((ctm, stroke_space, overprint))
        elif o == "Q":
            ctm, stroke_space, overprint = stack.pop()
        elif o == "cm":
            ctm = _mul(ctm, tuple(nums))
        elif o == "CS":
            stroke_space = str(operands[0])
        elif o == "gs":
            gs = states[str(operands[0])]
            overprint = overprint or bool(gs.get("/OP", False))
        elif o == "m":
            path = [at(*nums)]
            curves = False
        elif o == "l":
            path.append(at(*nums))
        elif o == "c":
            path += [at(nums[i], nums[i + 1]) for i in (0, 2, 4)]
            curves = True
        elif o in ("S", "s") and stroke_space in cut_names:
            found.append({"points": list(path), "curves": curves, "overprint": overprint})
        elif o in ("n", "f", "f*", "S", "B", "B*", "b", "b*"):
            path = []
    return found


def test_every_page_has_its_cut_contour_at_the_trim(signs_pdf):
    data, signs, prof = signs_pdf
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == len(signs)
        for page, sign in zip(pdf.pages, signs):
            (cut,) = _cut_paths(page)
            sep = [v for v in page.Resources.ColorSpace.values()
                   if str(v[1]) == "/CutContour"][0]
            assert str(sep[0]) == "/Separation" and str(sep[2]) == "/DeviceCMYK"
            assert cut["overprint"] and cut["curves"]
            x0, y0, x1, y1 = (float(v) for v in page.TrimBox)
            xs, ys = [p[0] for p in cut["points"]], [p[1] for p in cut["points"]]
            assert min(xs) == pytest.approx(x0, abs=0.02) and max(xs) == pytest.approx(x1, abs=0.02)
            assert min(ys) == pytest.approx(y0, abs=0.02) and max(ys) == pytest.approx(y1, abs=0.02)
            # rounded: the path starts on an edge one corner radius from the corner
            r = design_items(sign, prof)[2]  # the radius the sign is drawn with
            assert r >= corner_radius_mm(prof.resolved.rules, sign.cap_height_mm,
                                         sign.width_mm, sign.height_mm) - 1e-6
            assert r >= min(MIN_CORNER_MM, min(sign.width_mm, sign.height_mm) / 4) - 1e-6
            corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
            assert not any(math.dist(p, c) < 0.5 for p in cut["points"] for c in corners), \
                sign.id
            first = cut["points"][0]  # where the path starts: r from a corner along an edge
            assert min(math.dist(first, c) for c in corners) == pytest.approx(r * PT, rel=0.02)


def test_the_cut_contour_is_magenta_and_named(signs_pdf):
    data, _signs, _prof = signs_pdf
    with pikepdf.open(io.BytesIO(data)) as pdf:
        sep = [v for v in pdf.pages[0].Resources.ColorSpace.values()][0]
        fn = sep[3]
        if isinstance(fn, pikepdf.Stream):  # a type 4 function: tint -> 0 tint 0 0
            code = fn.read_bytes().decode()
            assert re.search(r"\{.*\}", code)
        assert str(sep[1]) == "/CutContour" and CUT_LAYER == "CutContour"


def test_signs_pdf_is_pdf_x4(signs_pdf):
    data, _signs, prof = signs_pdf
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert pdf.pdf_version >= "1.6"
        (oi,) = list(pdf.Root.OutputIntents)
        intent = pdfx.OUTPUT_INTENTS[prof.output_intent]
        assert str(oi.S) == "/GTS_PDFX" and str(oi.OutputConditionIdentifier) == intent.identifier
        assert str(oi.RegistryName) == "http://www.color.org"
        icc = oi.DestOutputProfile
        assert int(icc.N) == 4 and icc.read_bytes() == pdfx.profile_bytes(prof.output_intent)
        assert icc.read_bytes()[16:20] == b"CMYK" and icc.read_bytes()[12:16] == b"prtr"
        assert str(pdf.docinfo["/GTS_PDFXVersion"]) == "PDF/X-4"
        assert str(pdf.docinfo["/Trapped"]) == "/False" and str(pdf.docinfo["/Title"])
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
        for key in ("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>",
                    "<pdf:Trapped>False</pdf:Trapped>", "<xmpMM:DocumentID>uuid:",
                    "<xmpMM:VersionID>1</xmpMM:VersionID>",
                    "<xmpMM:RenditionClass>default</xmpMM:RenditionClass>"):
            assert key in xmp
        with pdf.open_metadata() as meta:  # pikepdf reads the XMP packet
            assert meta.get("pdfx:GTS_PDFXVersion", meta.get("pdfxid:GTS_PDFXVersion")) \
                in ("PDF/X-4", None)
        assert len(pdf.trailer.ID) == 2
        for page in pdf.pages:  # boxes: trim inside bleed inside media
            t, b, m = ([float(v) for v in page[k]] for k in ("/TrimBox", "/BleedBox", "/MediaBox"))
            assert m[0] <= b[0] <= t[0] and t[2] <= b[2] <= m[2]
            assert m[1] <= b[1] <= t[1] and t[3] <= b[3] <= m[3]
            ops = page.Contents.read_bytes() if not isinstance(page.Contents, pikepdf.Array) \
                else b"".join(c.read_bytes() for c in page.Contents)
            assert not re.search(rb"\b(rg|RG)\b", ops), "no RGB colours"
            for font in page.Resources.Font.values():  # every font embedded
                assert "/FontFile2" in font.FontDescriptor or "/FontFile3" in font.FontDescriptor
        assert b"/DeviceRGB" not in data


def test_pdfx_is_byte_stable_and_qpdf_clean():
    data1, _, _ = _signs_pdf("rathaus", False)
    data2, _, _ = _signs_pdf("rathaus", False)
    assert data1 == data2
    with pikepdf.open(io.BytesIO(data1)) as pdf:
        assert list((getattr(pdf, "check_pdf_syntax", None) or pdf.check)()) == []


def test_pages_without_an_output_intent_stay_plain_pdf():
    plan, prof = _plan("rathaus")
    page = sign_page(plan.signs[1], prof)
    from dataclasses import replace

    data = render_pdf([replace(page, output_intent="")])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/OutputIntents" not in pdf.Root and pdf.pdf_version == "1.4"
    with pytest.raises(Exception, match="output intents"):
        render_pdf([page, replace(page, output_intent="GRACoL2006")])


def test_the_bundled_profiles_and_their_licence():
    from importlib import resources

    folder = resources.files("orientation.render") / "icc"
    text = (folder / "LICENSE-ICC.txt").read_text(encoding="utf-8")
    assert "zlib" in text and "FOGRA39" in text and "TR 006" in text
    for key, intent in pdfx.OUTPUT_INTENTS.items():
        data = pdfx.profile_bytes(key)
        assert data[36:40] == b"acsp" and data[16:20] == b"CMYK", key
        assert intent.profile_file in text
