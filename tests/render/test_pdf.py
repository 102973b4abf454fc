"""Tests for orientation.render.pdf: page boxes, embedded fonts, text, CMYK, stability.

Every test that renders runs on both paths (the ``render`` fixture): reportlab's public API,
the default, and the fenced fast path (:mod:`orientation.render._pdf_fast`).
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
from collections.abc import Callable

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from orientation import fonts
from orientation.errors import LayoutError
from orientation.render import Color, Group, Page, Path, Rect, Stroke, Text, _pdf_fast, render_pdf

K = 72 / 25.4
BLUE = Color("#063971", (1.0, 0.7, 0.0, 0.3), "RAL 5017")
WHITE = Color("#ffffff", (0.0, 0.0, 0.0, 0.0), "RAL 9016")
BLACK = Color("#000000", (0.0, 0.0, 0.0, 1.0))
GREEN = Color("#009f6b", (0.9, 0.0, 0.7, 0.0), "RAL 6032")


def sign_page(code: str = "E1", crop_marks: bool = False) -> Page:
    cap = 78.0
    return Page(
        400,
        200,
        (
            Rect(-3, -3, 406, 206, fill=BLUE),
            Rect(9.4, 9.4, 381.2, 181.2, stroke=Stroke(WHITE, 1.0), radius_mm=6.2),
            Text(200, 117, code, fonts.font_size_for_cap_height(cap), WHITE, anchor="middle"),
            Text(
                200,
                160,
                "Gebäude Süd",
                fonts.font_size_for_cap_height(0.3 * cap, "regular"),
                WHITE,
                weight="regular",
                anchor="middle",
            ),
        ),
        bleed_mm=3,
        name=f"Schild {code}",
        crop_marks=crop_marks,
    )


def map_page() -> Page:
    return Page(
        420,
        297,
        (
            Path(
                (
                    ((60, 40), (200, 40), (200, 160), (60, 160)),
                    ((100, 80), (140, 80), (140, 120), (100, 120)),
                ),
                fill=WHITE,
                stroke=Stroke(BLACK, 0.7),
            ),
            Path((((10, 10), (330, 10)),), closed=False, stroke=Stroke(BLACK, 0.1, (1.0, 0.5))),
            Group(
                (
                    Text(130, 100, "Κέντρο", 4, BLACK, anchor="middle", halo=WHITE, halo_mm=0.5),
                    Text(130, 110, "Школа", 4, GREEN, weight="regular", halo=WHITE, halo_mm=0.5),
                ),
                dx=5,
                rotate_deg=15,
                ox=130,
                oy=100,
                clip=(10, 10, 320, 277),
            ),
            Text(20, 280, "Haloname", 3, BLACK, halo=WHITE, halo_mm=0.4),
        ),
        name="Lageplan",
    )


Render = Callable[..., bytes]


@pytest.fixture(scope="module", params=["public", "fast"])
def path(request: pytest.FixtureRequest) -> str:
    if request.param == "fast" and not _pdf_fast.SUPPORTED:
        pytest.skip(f"the fast path is not enabled for this reportlab (tested: {_pdf_fast.TESTED})")
    return request.param


@pytest.fixture(scope="module")
def render(path: str) -> Render:
    """render_pdf on one of the two paths."""
    return functools.partial(render_pdf, fast=path == "fast")


@pytest.fixture(scope="module")
def pdf_bytes(render: Render) -> bytes:
    return render(
        [sign_page(), sign_page("N2", crop_marks=True), map_page()],
        title="Schilder",
        subject="Verkehrsblau RAL 5017",
        keywords="RAL 5017, RAL 9016, RAL 6032",
    )


@pytest.fixture(scope="module")
def reader(pdf_bytes: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


def box(b) -> list[float]:  # noqa: ANN001 - pypdf RectangleObject
    return [float(v) for v in (b.left, b.bottom, b.right, b.top)]


def test_page_count_and_metadata(reader: PdfReader) -> None:
    assert len(reader.pages) == 3
    meta = reader.metadata
    assert meta.title == "Schilder"
    assert meta.subject == "Verkehrsblau RAL 5017"
    assert "RAL 6032" in meta["/Keywords"]
    assert [o.title for o in reader.outline] == ["Schild E1", "Schild N2", "Lageplan"]


def test_each_bookmark_opens_its_page_and_unnamed_pages_have_none(render: Render,
                                                                   path: str) -> None:
    from dataclasses import replace

    pages = [sign_page(), replace(sign_page("N2"), name=""), replace(map_page(), name="Übersicht – Süd")]
    r = PdfReader(io.BytesIO(render(pages)), strict=True)
    assert [(o.title, r.get_destination_page_number(o)) for o in r.outline] == [
        ("Schild E1", 0), ("Übersicht – Süd", 2)]
    res = [page.raw_get("/Resources") for page in r.pages]
    if path == "fast":
        # one resource dictionary shared by every page (fonts and procedure sets)
        assert all(isinstance(x, IndirectObject) for x in res)
        assert len({x.idnum for x in res}) == 1
    else:
        # a resource dictionary per page (room for colour spaces and graphics states), the
        # document's font dictionary shared
        assert not any(isinstance(x, IndirectObject) for x in res)
        assert len({x.raw_get("/Font").idnum for x in res}) == 1
    unnamed = render([replace(sign_page(), name="")])
    assert "/Outlines" not in PdfReader(io.BytesIO(unnamed)).trailer["/Root"]


def test_boxes_with_bleed(reader: PdfReader) -> None:
    page = reader.pages[0]
    assert box(page.mediabox) == pytest.approx([0, 0, 406 * K, 206 * K], abs=0.01)
    assert box(page.bleedbox) == pytest.approx([0, 0, 406 * K, 206 * K], abs=0.01)
    assert box(page.trimbox) == pytest.approx([3 * K, 3 * K, 403 * K, 203 * K], abs=0.01)
    assert "/TrimBox" in page and "/BleedBox" in page


def test_boxes_with_crop_marks(reader: PdfReader) -> None:
    page = reader.pages[1]
    media = box(page.mediabox)
    trim = box(page.trimbox)
    bleed = box(page.bleedbox)
    assert trim[2] - trim[0] == pytest.approx(400 * K, abs=0.01)
    assert trim[3] - trim[1] == pytest.approx(200 * K, abs=0.01)
    assert bleed == pytest.approx(
        [trim[0] - 3 * K, trim[1] - 3 * K, trim[2] + 3 * K, trim[3] + 3 * K], abs=0.01
    )
    assert media[0] == 0 and media[2] > bleed[2] + 5 * K and media[3] > bleed[3] + 5 * K
    # Slug is symmetric.
    assert trim[0] == pytest.approx(media[2] - trim[2], abs=0.01)


def test_page_without_bleed_has_trim_equal_to_media(reader: PdfReader) -> None:
    page = reader.pages[2]
    assert box(page.mediabox) == pytest.approx([0, 0, 420 * K, 297 * K], abs=0.01)
    assert box(page.trimbox) == pytest.approx(box(page.mediabox), abs=0.01)


def fonts_of(reader: PdfReader) -> dict[str, object]:
    found = {}
    for page in reader.pages:
        for _name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            found[str(font["/BaseFont"])] = font
    return found


def test_fonts_are_embedded_truetype_subsets(reader: PdfReader) -> None:
    found = fonts_of(reader)
    # fallback subsets carry a suffix per character set (NotoSans-Bold-1a2b3c)
    names = {"-".join(name.split("+", 1)[1].split("-")[:2]) for name in found}
    assert names == {
        "AtkinsonHyperlegible-Bold",
        "AtkinsonHyperlegible-Regular",
        "NotoSans-Bold",
        "NotoSans-Regular",
    }
    for font in found.values():
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor
        assert "/ToUnicode" in font


def test_fallback_subsets_of_successive_documents_keep_their_glyphs(render: Render) -> None:
    # reportlab registers faces by PostScript name; two subsets under one name once made the
    # second document print Cyrillic as empty boxes
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    black = Color("#000000", (0, 0, 0, 1))
    texts = []
    for word in ("Σχολείο", "Школа"):
        data = render([Page(100, 50, (Text(10, 20, word, 5, black),))])
        texts.append(subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True,
                                    check=True).stdout.decode().strip())
    assert texts == ["Σχολείο", "Школа"]


def test_text_is_extractable(reader: PdfReader) -> None:
    sign = reader.pages[0].extract_text()
    assert "E1" in sign and "Gebäude Süd" in sign
    plan = reader.pages[2].extract_text()
    assert "Κέντρο" in plan and "Школа" in plan
    # Halos are outlines, not a second copy of the text.
    assert plan.count("Haloname") == 1


def content(reader: PdfReader, index: int) -> str:
    return reader.pages[index].get_contents().get_data().decode("latin-1")


def test_colours_are_cmyk(reader: PdfReader) -> None:
    for index in range(3):
        ops = content(reader, index)
        assert not re.search(r"\b(rg|RG|g|G)\b", ops)
    sign = content(reader, 0)
    assert re.search(r"\b1 \.7 0 \.3 k\b", sign)  # the blue
    assert re.search(r"\b0 0 0 0 K\b", sign)  # white keyline
    assert re.search(r"\b1 1 1 1 K\b", content(reader, 1))  # registration crop marks
    assert re.search(r"\b0 0 0 0 K\b", content(reader, 2))  # white halo


def test_even_odd_fill_and_dash(reader: PdfReader) -> None:
    ops = content(reader, 2)
    assert re.search(r"\bB\*", ops)
    assert re.search(r"\[1 \.5\] 0 d", ops)


def test_identical_input_gives_identical_bytes(pdf_bytes: bytes, render: Render) -> None:
    again = render(
        [sign_page(), sign_page("N2", crop_marks=True), map_page()],
        title="Schilder",
        subject="Verkehrsblau RAL 5017",
        keywords="RAL 5017, RAL 9016, RAL 6032",
    )
    assert again == pdf_bytes


def test_latin_only_document_embeds_no_fallback(render: Render) -> None:
    reader = PdfReader(io.BytesIO(render([sign_page()])))
    assert {name.split("+", 1)[1] for name in fonts_of(reader)} == {
        "AtkinsonHyperlegible-Bold",
        "AtkinsonHyperlegible-Regular",
    }


def test_empty_and_bad_pages_are_refused(render: Render) -> None:
    with pytest.raises(LayoutError, match="at least one page"):
        render([])
    with pytest.raises(LayoutError, match="must be positive") as err:
        render([Page(0, 10, (), name="leer")])
    assert err.value.element == "leer"


def ppm_pixels(data: bytes) -> tuple[int, int, bytes]:
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    return int(parts[1]), int(parts[2]), parts[4]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_rasterised_sign_looks_right(tmp_path, render: Render) -> None:  # noqa: ANN001 - pytest fixture
    pdf = tmp_path / "sign.pdf"
    pdf.write_bytes(render([sign_page()]))
    # 25.4 dpi: one pixel per millimetre of the 406 x 206 mm MediaBox.
    out = subprocess.run(
        ["pdftoppm", "-r", "25.4", "-singlefile", str(pdf)], check=True, capture_output=True
    ).stdout
    width, height, pixels = ppm_pixels(out)
    assert (width, height) == (406, 206)

    def rgb(x_mm: float, y_mm: float) -> tuple[int, ...]:
        x, y = int(x_mm + 3), int(y_mm + 3)
        i = 3 * (y * width + x)
        return tuple(pixels[i : i + 3])

    corner = rgb(-2, -2)  # in the bleed: the blue reaches the edge
    assert corner[2] > 90 and corner[0] < 60
    # Middle of the E's vertical stem is white, the space left of the E is blue.
    size = fonts.font_size_for_cap_height(78.0)
    start = 200 - fonts.text_width_mm("E1", size_mm=size) / 2
    assert min(rgb(start + 0.09 * size, 117 - 20)) > 200
    assert rgb(start - 5, 100)[2] > 90 and rgb(start - 5, 100)[0] < 60


# -- choosing the path; resources only the public path writes -----------------------------------

CUT = Color("#ff00ff", (0.0, 1.0, 0.0, 0.0), "Konturschnitt", spot="CutContour")
VEIL = Color("#ffffff", (0.0, 0.0, 0.0, 0.0), "RAL 9016", alpha=0.6)


def special_page() -> Page:
    """A sign with a cut contour in a spot colour and a translucent panel."""
    return Page(
        200, 100,
        (Rect(0, 0, 200, 100, fill=BLUE),
         Rect(10, 10, 80, 40, fill=VEIL),
         Text(100, 60, "E1", 20, WHITE, halo=VEIL, halo_mm=0.5),
         Rect(-1, -1, 202, 102, stroke=Stroke(CUT, 0.25), radius_mm=5)),
        bleed_mm=3, name="Schild mit Kontur",
    )


def test_the_public_path_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from orientation.render.pdf import FAST_ENV

    monkeypatch.delenv(FAST_ENV, raising=False)
    pages = [sign_page(), map_page()]
    public = render_pdf(pages, fast=False)
    assert render_pdf(pages) == public
    if _pdf_fast.SUPPORTED:
        fast = render_pdf(pages, fast=True)
        assert fast != public
        monkeypatch.setenv(FAST_ENV, "1")
        assert render_pdf(pages) == fast
        assert render_pdf(pages, fast=False) == public  # the keyword wins


def test_the_fast_path_is_fenced_by_the_reportlab_version(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _pdf_fast._version("5.1.0") == (5, 1)
    assert _pdf_fast._version("4.4.10a") == (4, 4)
    monkeypatch.setattr(_pdf_fast, "SUPPORTED", False)
    pages = [sign_page()]
    assert render_pdf(pages, fast=True) == render_pdf(pages, fast=False)


def test_fast_path_writes_spot_colours_and_transparency_itself() -> None:
    """The fast path no longer falls back for a separation or a graphics state (every sign
    page has its cut contour): it writes them into its one shared resource dictionary."""
    import pikepdf

    if not _pdf_fast.SUPPORTED:
        pytest.skip("fast path not enabled for this reportlab")
    pages = [sign_page(), special_page()]
    fast = render_pdf(pages, fast=True)
    assert fast != render_pdf(pages, fast=False)
    with pikepdf.open(io.BytesIO(fast)) as pdf:
        special = pdf.pages[1]
        (sep,) = [special.Resources.ColorSpace[k] for k in special.Resources.ColorSpace]
        assert sep[0] == "/Separation" and sep[1] == "/CutContour"
        alpha = {float(gs.get("/ca", 1)) for gs in special.Resources.ExtGState.values()}
        alpha |= {float(gs.get("/CA", 1)) for gs in special.Resources.ExtGState.values()}
        assert 0.6 in alpha
        ops = special.Contents.read_bytes().decode("latin-1")
        assert re.search(r"/\S+ CS 1 SCN", ops) and re.search(r"/\S+ gs", ops)


def test_public_path_writes_a_spot_colour_and_transparency() -> None:
    import pikepdf

    data = render_pdf([sign_page(), special_page()])
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert list((getattr(pdf, "check_pdf_syntax", None) or pdf.check)()) == []
        plain, special = pdf.pages
        assert "/ColorSpace" not in plain.Resources and "/ExtGState" not in plain.Resources
        spaces = special.Resources.ColorSpace
        (sep,) = [spaces[k] for k in spaces]
        assert sep[0] == "/Separation" and sep[1] == "/CutContour" and sep[2] == "/DeviceCMYK"
        alpha = {float(gs.get("/ca", 1)) for gs in special.Resources.ExtGState.values()}
        alpha |= {float(gs.get("/CA", 1)) for gs in special.Resources.ExtGState.values()}
        assert 0.6 in alpha
        ops = special.Contents.read_bytes().decode("latin-1")
        assert re.search(r"/\S+ CS 1 SCN", ops)  # the contour strokes the separation
        assert re.search(r"/\S+ gs", ops)
        assert pdf.Root.Outlines.Count == 2


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_both_paths_rasterise_alike(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    if not _pdf_fast.SUPPORTED:
        pytest.skip("fast path not enabled for this reportlab")
    pages = [sign_page(crop_marks=True), map_page()]
    images = []
    for fast in (False, True):
        pdf = tmp_path / f"{fast}.pdf"
        pdf.write_bytes(render_pdf(pages, fast=fast))
        images.append([
            subprocess.run(["pdftoppm", "-r", "30", "-f", str(n), "-l", str(n), "-singlefile",
                            str(pdf)], check=True, capture_output=True).stdout
            for n in (1, 2)])
    assert images[0] == images[1]
