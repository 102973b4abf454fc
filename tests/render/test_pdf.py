"""Tests for orientation.render.pdf: page boxes, embedded fonts, text, CMYK, stability."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from orientation import fonts
from orientation.render import Color, Group, Page, Path, Rect, Stroke, Text, render_pdf

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


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return render_pdf(
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


def test_each_bookmark_opens_its_page_and_unnamed_pages_have_none() -> None:
    from dataclasses import replace

    pages = [sign_page(), replace(sign_page("N2"), name=""), replace(map_page(), name="Übersicht – Süd")]
    r = PdfReader(io.BytesIO(render_pdf(pages)), strict=True)
    assert [(o.title, r.get_destination_page_number(o)) for o in r.outline] == [
        ("Schild E1", 0), ("Übersicht – Süd", 2)]
    # one resource dictionary shared by every page (fonts and procedure sets)
    res = [page.raw_get("/Resources") for page in r.pages]
    assert all(isinstance(x, IndirectObject) for x in res)
    assert len({x.idnum for x in res}) == 1
    unnamed = render_pdf([replace(sign_page(), name="")])
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


def test_fallback_subsets_of_successive_documents_keep_their_glyphs() -> None:
    # reportlab registers faces by PostScript name; two subsets under one name once made the
    # second document print Cyrillic as empty boxes
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) not installed")
    black = Color("#000000", (0, 0, 0, 1))
    texts = []
    for word in ("Σχολείο", "Школа"):
        data = render_pdf([Page(100, 50, (Text(10, 20, word, 5, black),))])
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


def test_identical_input_gives_identical_bytes(pdf_bytes: bytes) -> None:
    again = render_pdf(
        [sign_page(), sign_page("N2", crop_marks=True), map_page()],
        title="Schilder",
        subject="Verkehrsblau RAL 5017",
        keywords="RAL 5017, RAL 9016, RAL 6032",
    )
    assert again == pdf_bytes


def test_latin_only_document_embeds_no_fallback() -> None:
    reader = PdfReader(io.BytesIO(render_pdf([sign_page()])))
    assert {name.split("+", 1)[1] for name in fonts_of(reader)} == {
        "AtkinsonHyperlegible-Bold",
        "AtkinsonHyperlegible-Regular",
    }


def test_empty_and_bad_pages_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one page"):
        render_pdf([])
    with pytest.raises(ValueError, match="must be positive"):
        render_pdf([Page(0, 10, (), name="leer")])


def ppm_pixels(data: bytes) -> tuple[int, int, bytes]:
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6"
    return int(parts[1]), int(parts[2]), parts[4]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_rasterised_sign_looks_right(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    pdf = tmp_path / "sign.pdf"
    pdf.write_bytes(render_pdf([sign_page()]))
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
