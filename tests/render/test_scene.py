"""Tests for the scene's recording backend (:class:`orientation.render.scene.Recorder`)."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from conftest import FLOORPLANS
from orientation.render import render_pdf
from orientation.render.scene import (
    Circle,
    Color,
    Drawn,
    Group,
    Page,
    Path,
    Recorder,
    Rect,
    Stroke,
    Text,
    group_matrix,
)

BLACK = Color("#000000", (0.0, 0.0, 0.0, 1.0))
WHITE = Color("#ffffff", (0.0, 0.0, 0.0, 0.0))
RED = Color("#cc0000", (0.0, 1.0, 1.0, 0.2))


def test_records_leaves_in_painting_order_with_their_place_on_the_sheet() -> None:
    page = Page(100, 100, (
        Rect(0, 0, 100, 100, fill=WHITE),
        Group((Text(0, 0, "A", 5, BLACK),
               Group((Circle(1, 0, 2, stroke=Stroke(RED, 0.5)),), dx=10, clip=(0, 0, 5, 5))),
              dx=20, dy=30, rotate_deg=90, ox=0, oy=0),
        Path((((0, 0), (1, 1)),), closed=False, stroke=Stroke(BLACK, 0.1)),
    ))
    drawn = Recorder().page(page)
    assert [type(d.item).__name__ for d in drawn] == ["Rect", "Text", "Circle", "Path"]
    rect, text, circle, path = drawn
    assert rect.at(3, 4) == (3, 4) and path.clips == ()
    # rotated 90° clockwise on paper (y down) about the origin, then moved by (20, 30)
    assert text.at(0, 0) == pytest.approx((20, 30))
    assert text.at(1, 0) == pytest.approx((20, 31))
    # the inner group moves by 10 along the rotated x axis
    assert circle.at(1, 0) == pytest.approx((20, 41))
    ((clip, m),) = circle.clips
    assert clip == (0, 0, 5, 5) and Drawn(circle.item, m).at(0, 0) == pytest.approx((20, 30))


def test_group_matrix_rotates_about_its_origin_then_moves() -> None:
    m = group_matrix(Group((), dx=1, dy=2, rotate_deg=180, ox=5, oy=5))
    assert Drawn(Text(0, 0, "", 1, BLACK), m).at(5, 5) == pytest.approx((6, 7))
    assert Drawn(Text(0, 0, "", 1, BLACK), m).at(6, 5) == pytest.approx((5, 7))


def test_texts_and_colours() -> None:
    rec = Recorder()
    rec.page(Page(10, 10, (Text(0, 5, "Nord", 2, BLACK, halo=WHITE, halo_mm=0.2),
                           Text(0, 8, "", 2, RED))))
    rec.page(Page(10, 10, (Rect(0, 0, 1, 1, fill=RED, stroke=Stroke(BLACK, 0.1)),)))
    assert rec.texts() == ["Nord"]
    assert rec.colors() == {BLACK, WHITE, RED}
    assert len(rec.drawn) == 3


def test_refuses_what_no_backend_draws() -> None:
    with pytest.raises(TypeError, match="cannot draw str"):
        Recorder().page(Page(10, 10, ("not an item",)))  # type: ignore[arg-type]


# -- a compose test: the school's signs as compose made them, and as the PDF writes them ---------

@pytest.fixture(scope="module")
def school_signs() -> list[Page]:
    from orientation import load_profile, load_site
    from orientation.compose.signs import sign_page
    from orientation.layout.engine import make_plan

    profile = load_profile("guetersloh")
    plan = make_plan(load_site(FLOORPLANS / "gesamtschule.yaml"), profile)
    return [sign_page(s, profile) for s in plan.signs[:60]]


def test_composed_signs_stay_on_their_sheet(school_signs: list[Page]) -> None:
    for page in school_signs:
        b = page.bleed_mm + 1e-6
        for d in Recorder().page(page):
            item = d.item
            if isinstance(item, Rect):
                corners = [d.at(item.x, item.y), d.at(item.x + item.w, item.y + item.h)]
            elif isinstance(item, Text):
                corners = [d.at(item.x, item.y)]
            else:
                continue
            for x, y in corners:
                assert -b <= x <= page.width_mm + b and -b <= y <= page.height_mm + b, (
                    page.name, item)


def test_composed_colours_are_print_colours(school_signs: list[Page]) -> None:
    rec = Recorder()
    for page in school_signs:
        rec.page(page)
    for color in rec.colors():
        assert len(color.cmyk) == 4 and all(0 <= v <= 1 for v in color.cmyk), color
        assert color.hex.startswith("#") and len(color.hex) == 7


@pytest.mark.parametrize("fast", [False, True], ids=["public", "fast"])
def test_the_pdf_holds_exactly_the_lines_compose_made(school_signs: list[Page],
                                                      fast: bool) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(school_signs, fast=fast)))
    for page, pdf_page in zip(school_signs, reader.pages, strict=True):
        recorder = Recorder()
        recorder.page(page)
        extracted = pdf_page.extract_text()
        for line in recorder.texts():  # every line once, halos not doubling it
            assert extracted.count(line) >= 1, (page.name, line, extracted)
        words = sorted(" ".join(recorder.texts()).split())
        assert sorted(extracted.split()) == words, page.name


def test_svg_shows_translucency_and_the_spot_colours_srgb() -> None:
    from orientation.render import render_svg

    veil = Color("#ffffff", (0.0, 0.0, 0.0, 0.0), alpha=0.5)
    cut = Color("#ff00ff", (0.0, 1.0, 0.0, 0.0), spot="CutContour")
    svg = render_svg(Page(10, 10, (Rect(0, 0, 5, 5, fill=veil, stroke=Stroke(veil, 0.1)),
                                   Rect(0, 0, 10, 10, stroke=Stroke(cut, 0.1)),
                                   Text(1, 8, "A", 2, RED)))).decode()
    assert 'fill="#ffffff" fill-opacity="0.5"' in svg
    assert 'stroke="#ffffff" stroke-opacity="0.5"' in svg
    assert 'stroke="#ff00ff" stroke-width' in svg
    assert svg.count("opacity") == 2
