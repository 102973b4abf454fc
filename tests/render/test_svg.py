"""Tests for orientation.render.svg: parsed output, outlined text, escaping, stability."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from orientation import fonts
from orientation.render import (
    Circle,
    Color,
    Group,
    Page,
    Path,
    Rect,
    Stroke,
    Text,
    render_svg,
)

NS = {"svg": "http://www.w3.org/2000/svg"}
BLUE = Color("#063971", (1.0, 0.7, 0.0, 0.3), "RAL 5017")
WHITE = Color("#ffffff", (0.0, 0.0, 0.0, 0.0), "RAL 9016")
BLACK = Color("#000000", (0.0, 0.0, 0.0, 1.0))
EVIL = 'Raum </svg><script>alert(1)</script> & <b>"Süd"</b>'


def sign_page() -> Page:
    cap = 60.0
    size = fonts.font_size_for_cap_height(cap, "bold")
    return Page(
        400,
        200,
        (
            Rect(-3, -3, 406, 206, fill=BLUE),
            Rect(7.2, 7.2, 385.6, 185.6, stroke=Stroke(WHITE, 1.0), radius_mm=4.8),
            Text(200, 120, "E1", size, WHITE, anchor="middle"),
            Text(200, 160, "Eingang", 25, WHITE, weight="regular", anchor="middle"),
        ),
        bleed_mm=3,
        name="E1",
        title="Schild E1 & <Co>",
        crop_marks=True,
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
                    Circle(130, 30, 2.5, fill=WHITE, stroke=Stroke(BLACK, 0.25)),
                    Text(
                        130, 100, "Κέντρο Школа", 4, BLACK, anchor="middle", halo=WHITE, halo_mm=0.5
                    ),
                ),
                dx=5,
                dy=-2,
                rotate_deg=15,
                ox=130,
                oy=100,
                clip=(10, 10, 320, 277),
            ),
            Group((Rect(0, 0, 5, 5, fill=BLACK),), clip=(10, 10, 320, 277)),
            Text(20, 280, EVIL, 3, BLACK, weight="regular"),
        ),
        title="Map",
    )


def parse(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def test_sign_root_size_and_viewbox_include_bleed() -> None:
    root = parse(render_svg(sign_page()))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "406mm"
    assert root.get("height") == "206mm"
    assert root.get("viewBox") == "-3 -3 406 206"
    assert root.find("svg:title", NS).text == "Schild E1 & <Co>"


def test_page_without_bleed() -> None:
    root = parse(render_svg(map_page()))
    assert (root.get("width"), root.get("height")) == ("420mm", "297mm")
    assert root.get("viewBox") == "0 0 420 297"


def test_text_is_outlined_with_aria_label() -> None:
    data = render_svg(sign_page())
    root = parse(data)
    assert not root.findall(".//svg:text", NS)
    labels = [
        g.get("aria-label")
        for g in root.iter("{http://www.w3.org/2000/svg}g")
        if g.get("aria-label")
    ]
    assert labels == ["E1", "Eingang"]
    # E and 1 each one glyph, used from the page's definitions.
    first = next(
        g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("aria-label") == "E1"
    )
    uses = first.findall(".//svg:use", NS)
    assert len(uses) == 2
    assert not first.findall(".//svg:path", NS)


XLINK = "{http://www.w3.org/1999/xlink}href"


def test_each_glyph_is_defined_once_and_every_use_finds_it() -> None:
    root = parse(render_svg(map_page()))
    defs = [p.get("id") for p in root.findall("svg:defs/svg:path", NS)]
    assert defs and len(defs) == len(set(defs))
    used = [u.get(XLINK) for u in root.iter("{http://www.w3.org/2000/svg}use")]
    assert used and {h.lstrip("#") for h in used} == set(defs)
    assert all(h.startswith("#") for h in used)
    # far fewer outlines than glyphs drawn: the repeats are references
    assert len(defs) < len(used)


def test_markup_in_text_stays_text() -> None:
    data = render_svg(map_page())
    root = parse(data)
    assert not [el for el in root.iter() if el.tag.endswith(("script", "}b"))]
    labels = [el.get("aria-label") for el in root.iter() if el.get("aria-label")]
    assert EVIL in labels
    assert b"<script" not in data


def test_halo_is_a_stroked_copy_behind_the_glyphs() -> None:
    root = parse(render_svg(map_page()))
    label = next(el for el in root.iter() if el.get("aria-label") == "Κέντρο Школа")
    halo, fill = list(label)
    assert halo.get("fill") == "none" and halo.get("stroke") == "#ffffff"
    assert fill.get("fill") == "#000000"
    assert [u.get(XLINK) for u in halo] == [u.get(XLINK) for u in fill]
    assert len(list(fill)) == len("ΚέντροШкола")
    # 0.5 mm each side at 4 mm per em: 1 mm in 1/1000 em units.
    assert float(halo.get("stroke-width")) == pytest.approx(250)


def test_shapes_groups_and_clips() -> None:
    root = parse(render_svg(map_page()))
    holes = root.find("svg:path", NS)
    assert holes.get("fill-rule") == "evenodd"
    assert holes.get("d").count("M") == 2
    dashed = root.findall("svg:path", NS)[1]
    assert dashed.get("stroke-dasharray") == "1 0.5"
    assert dashed.get("fill") == "none"
    clips = root.findall(".//svg:clipPath", NS)
    assert len(clips) == 1  # one definition shared by both groups
    cid = clips[0].get("id")
    users = [g for g in root.iter() if g.get("clip-path") == f"url(#{cid})"]
    assert len(users) == 2
    transforms = [
        g.get("transform") for g in root.iter() if g.get("transform", "").startswith("translate(5 ")
    ]
    assert transforms == ["translate(5 -2) rotate(15 130 100)"]


def test_rounded_rect() -> None:
    root = parse(render_svg(sign_page()))
    rects = root.findall("svg:rect", NS)
    assert rects[0].get("x") == "-3" and rects[0].get("fill") == "#063971"
    assert rects[1].get("rx") == "4.8" and rects[1].get("fill") == "none"
    assert rects[1].get("stroke-width") == "1"


def test_identical_input_gives_identical_bytes() -> None:
    assert render_svg(map_page()) == render_svg(map_page())
    assert render_svg(sign_page()) == render_svg(sign_page())


def test_numbers_have_at_most_three_decimals() -> None:
    page = Page(100.123456, 50, (Rect(1 / 3, 2 / 3, 10, 10, fill=BLACK),))
    root = parse(render_svg(page))
    assert root.get("width") == "100.123mm"
    rect = root.find("svg:rect", NS)
    assert (rect.get("x"), rect.get("y")) == ("0.333", "0.667")


def test_control_characters_are_dropped_from_markup() -> None:
    page = Page(
        100, 50, (Text(10, 10, "A\x00B\x1b", 5, BLACK),), title="T\x01", meta=(("k", "v\x02"),)
    )
    root = parse(render_svg(page))
    assert root.find("svg:title", NS).text == "T"
    assert [el.get("aria-label") for el in root.iter() if el.get("aria-label")] == ["AB"]


def test_degenerate_items_are_skipped() -> None:
    page = Page(
        100,
        50,
        (
            Rect(0, 0, 0, 10, fill=BLACK),
            Circle(5, 5, 0, fill=BLACK),
            Path(((),)),
            Text(0, 0, "", 5, BLACK),
        ),
    )
    root = parse(render_svg(page))
    assert len(root) == 0


@pytest.mark.parametrize("size", [(0, 10), (10, -1), (float("nan"), 10)])
def test_bad_page_size(size: tuple[float, float]) -> None:
    with pytest.raises(ValueError, match="must be positive"):
        render_svg(Page(size[0], size[1], ()))
