"""Structural checks of the PDFs of the bundled school, through qpdf (pikepdf), on both paths.

Each PDF (signs, proof, schedule, maps) is opened with qpdf and must show no problems; its
page boxes must be as :mod:`orientation.render.pdf` documents them, its fonts embedded, its
outline where it is today; and the public and the fast path must give the same pages, boxes,
outline and extracted text.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import FLOORPLANS
from orientation import load_profile, load_site, render_outputs
from orientation.render import _pdf_fast
from orientation.render.pdf import CROP_MARK_LENGTH_MM, CROP_MARK_OFFSET_MM, FAST_ENV, PT_PER_MM

SCHOOL = FLOORPLANS / "gesamtschule.yaml"
DOCUMENTS = ("signs.pdf", "proof.pdf", "schedule.pdf", "maps.pdf")
TOL = 0.01  # points


def _render(fast: bool) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(FAST_ENV, "1" if fast else "0")
        out = render_outputs(load_site(SCHOOL), profile=load_profile("guetersloh"),
                             formats=("pdf",))
    return {name: out.files[name] for name in DOCUMENTS}


@pytest.fixture(scope="module")
def public() -> dict[str, bytes]:
    return _render(fast=False)


@pytest.fixture(scope="module")
def fast() -> dict[str, bytes]:
    if not _pdf_fast.SUPPORTED:
        pytest.skip(f"the fast path is not enabled for this reportlab (tested: {_pdf_fast.TESTED})")
    return _render(fast=True)


@pytest.fixture(scope="module", params=["public", "fast"])
def files(request: pytest.FixtureRequest) -> dict[str, bytes]:
    return request.getfixturevalue(request.param)


def qpdf_problems(pdf: pikepdf.Pdf) -> list[str]:
    """What qpdf's check finds (``check_pdf_syntax`` from pikepdf 9, ``check`` before)."""
    check = getattr(pdf, "check_pdf_syntax", None) or pdf.check
    return list(check())


def _box(page: pikepdf.Page, key: str) -> tuple[float, ...]:
    return tuple(float(v) for v in page.obj[key])


def _boxes(data: bytes) -> list[tuple[tuple[float, ...], ...]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return [tuple(_box(p, k) for k in ("/MediaBox", "/BleedBox", "/TrimBox"))
                for p in pdf.pages]


def _outline(data: bytes) -> list[tuple[str, int]]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            return [(item.title, pages[item.destination[0].objgen]) for item in outline.root]


def _texts(data: bytes) -> list[str]:
    """The text of each page in the order the content stream shows it: poppler's
    ``pdftotext -raw`` where installed (fast), else pypdf's extraction of the first pages
    (pypdf takes seconds for a few hundred pages)."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, check=True,
                             capture_output=True).stdout.decode()
        return out.split("\f")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages[:12]]


_WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">'
                   r"(.*?)</word>")


def _words(data: bytes) -> list[list[tuple[str, tuple[float, ...]]]]:
    """Each page's words with their boxes (pt, to 0.01), sorted: where the text stands,
    whatever order a reader would read it in."""
    out = subprocess.run(["pdftotext", "-bbox", "-", "-"], input=data, check=True,
                         capture_output=True).stdout.decode()
    pages = out.split("<page ")[1:]
    return [sorted((m[5], tuple(round(float(v), 2) for v in m.groups()[:4]))
                   for m in _WORD.finditer(p)) for p in pages]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_qpdf_finds_no_problems(files: dict[str, bytes], name: str) -> None:
    with pikepdf.open(io.BytesIO(files[name])) as pdf:
        assert qpdf_problems(pdf) == []
        assert len(pdf.pages) > 0
        # signs.pdf is PDF/X-4, which asks for PDF 1.6 (the others stay 1.4)
        assert pdf.pdf_version == ("1.6" if name == "signs.pdf" else "1.4")
        assert str(pdf.docinfo["/Title"]).endswith(name.removesuffix(".pdf").replace(
            "maps", "responder maps"))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_boxes_are_as_documented(files: dict[str, bytes], name: str) -> None:
    for media, bleed, trim in _boxes(files[name]):
        assert media[:2] == (0, 0)
        # the bleed is the trim grown by the same margin on every side
        margin = trim[0] - bleed[0]
        assert margin >= -TOL
        for got, want in zip(bleed, (trim[0] - margin, trim[1] - margin,
                                     trim[2] + margin, trim[3] + margin), strict=True):
            assert got == pytest.approx(want, abs=TOL)
        assert trim[2] > trim[0] and trim[3] > trim[1]
        if media != bleed:  # crop marks: a symmetric slug that holds the marks
            slug = bleed[0]
            assert media[2] - bleed[2] == pytest.approx(slug, abs=TOL)
            assert media[3] - bleed[3] == pytest.approx(slug, abs=TOL)
            reach = (max(margin / PT_PER_MM, CROP_MARK_OFFSET_MM) + CROP_MARK_LENGTH_MM) * PT_PER_MM
            assert trim[0] >= reach
        else:
            assert bleed[:2] == (0, 0)


def test_signs_have_bleed_and_map_pages_are_paper(files: dict[str, bytes]) -> None:
    for _media, bleed, trim in _boxes(files["signs.pdf"]):
        assert trim[0] - bleed[0] > 0
    sizes = {tuple(sorted((round((t[2] - t[0]) / PT_PER_MM), round((t[3] - t[1]) / PT_PER_MM))))
             for _m, _b, t in _boxes(files["maps.pdf"])}
    assert sizes == {(297, 420)}  # A3 (the default paper), either way up


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fonts_are_embedded_subsets(files: dict[str, bytes], name: str) -> None:
    with pikepdf.open(io.BytesIO(files[name])) as pdf:
        seen = set()
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                assert font.Subtype == "/TrueType"
                assert str(font.BaseFont)[7] == "+"  # a subset: six letters and a plus
                assert "/FontFile2" in font.FontDescriptor
                assert font.FontDescriptor.FontFile2.read_bytes()[:4] == b"\x00\x01\x00\x00"
                assert "/ToUnicode" in font
        assert seen


@pytest.mark.parametrize("name", DOCUMENTS)
def test_outline_is_where_it_was(files: dict[str, bytes], name: str) -> None:
    # every document names its pages (a sign's id, a map's sheet), one bookmark each, in order
    outline = _outline(files[name])
    assert outline, f"{name} has lost its bookmarks"
    assert [page for _t, page in outline] == sorted({page for _t, page in outline})
    assert all(title for title, _p in outline)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_both_paths_make_the_same_document(public: dict[str, bytes], fast: dict[str, bytes],
                                           name: str) -> None:
    assert _boxes(public[name]) == _boxes(fast[name])
    assert _outline(public[name]) == _outline(fast[name])
    texts = _texts(public[name])
    assert texts == _texts(fast[name])
    assert sum(len(t.split()) for t in texts) > len(texts)  # real text, on every page
    if shutil.which("pdftotext"):
        assert _words(public[name]) == _words(fast[name])
    with pikepdf.open(io.BytesIO(public[name])) as a, pikepdf.open(io.BytesIO(fast[name])) as b:
        assert dict(a.docinfo.items()) == dict(b.docinfo.items())


def test_the_public_path_is_byte_stable(public: dict[str, bytes]) -> None:
    again = _render(fast=False)
    assert again == public

