"""Tests for orientation.compose.signs: sign pages at true size, text placement, proof pages."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from orientation import fonts
from orientation.compose.common import (
    SignLayoutError,
    text_box,
    walk_texts,
)
from orientation.compose.schedule import schedule_pages
from orientation.compose.signs import SAFE_MM, proof_pages, sign_block, sign_page, sign_pages
from orientation.layout.sizing import BUILDING_LETTER_FILL
from orientation.render.scene import Group, Page, Rect, Text

K = 72 / 25.4  # points per mm

GERMAN = re.compile(r"[äöüßÄÖÜ]|\b(Eingang|Notausgang|Nebeneingang|Feuerwehr\w*|Treppe|EG|OG|UG|"
                    r"Seite|Gebäude\w*|Raum\w*|Schild\w*|Freigabe|Polizei|Fenster\w*|Summe|"
                    r"Menge|Stand|Geschoss|innen|außen|auf)\b")


def texts(page: Page) -> list[Text]:
    return list(walk_texts(page.items))


def code_text(page: Page, sign) -> Text:
    """The code: the first bold line (a name board's name may take two)."""
    return next(t for t in texts(page) if t.weight == "bold")


def cap_of(t: Text) -> float:
    return t.size_mm * fonts.cap_height_ratio(t.weight)


def text_centre(sign, prof) -> float:
    """The x of the text's centre line: the panel's middle, or for a guidance sign the
    middle of the room its arrow leaves (the arrow and the text are centred together)."""
    block = sign_block(sign, prof)
    if block.arrow is None:
        return sign.width_mm / 2
    shift = block.arrow_room_mm / 2
    return sign.width_mm / 2 + (shift if block.arrow.side == "left" else -shift)


def find(plan, **kw):
    return next(s for s in plan.signs if all(getattr(s, k) == v for k, v in kw.items()))


# --- every sign of every example plan ------------------------------------------------------


def test_page_is_true_size_with_bleed(site):
    plan, prof = site
    pages = sign_pages(plan, prof)
    assert [p.name for p in pages] == [s.id for s in plan.signs]
    for sign, page in zip(plan.signs, pages):
        assert (page.width_mm, page.height_mm) == (sign.width_mm, sign.height_mm)
        assert page.bleed_mm == 3.0


def test_background_covers_the_bleed(site):
    plan, prof = site
    for sign in plan.signs:
        page = sign_page(sign, prof, bleed_mm=3.0)
        bg = page.items[0]
        assert isinstance(bg, Rect) and bg.fill is not None
        assert (bg.x, bg.y) == (-3.0, -3.0)
        assert bg.w == pytest.approx(sign.width_mm + 6) and bg.h == pytest.approx(sign.height_mm + 6)
        assert bg.fill.hex.lower() == sign.background.lower()
        named = prof.color(prof.style(sign.kind).background)
        assert bg.fill.cmyk == pytest.approx(named.cmyk)
        assert "RAL" in bg.fill.name


def test_code_is_centred_at_its_cap_height(site):
    plan, prof = site
    for sign in plan.signs:
        page = sign_page(sign, prof)
        code = code_text(page, sign)
        assert code.anchor == "middle" and code.x == pytest.approx(text_centre(sign, prof))
        if sign.kind == "building":
            # the letter fills 0.7 of the square panel, never less than the plan's cap height
            assert cap_of(code) >= sign.cap_height_mm * 0.99
            assert cap_of(code) == pytest.approx(BUILDING_LETTER_FILL * sign.height_mm, rel=0.01)
        else:  # a stair sign's code takes its share (US: the floor number is the larger)
            share = prof.sizing.stair.code if sign.kind == "stair" else 1.0
            assert cap_of(code) == pytest.approx(share * sign.cap_height_mm, rel=0.01)
        assert code.text == sign.text or sign.kind == "name"


def test_nothing_within_5_mm_of_the_trim(site):
    plan, prof = site
    for sign in plan.signs:
        for t in texts(sign_page(sign, prof)):
            width = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
            x0 = t.x - width / 2
            assert x0 >= SAFE_MM - 1e-6 and x0 + width <= sign.width_mm - SAFE_MM + 1e-6, (sign.id, t.text)
            _, y0, _, y1 = text_box(t)
            assert y0 >= SAFE_MM and y1 <= sign.height_mm - SAFE_MM, (sign.id, t.text)


def test_text_keeps_the_profile_margin(site):
    plan, prof = site
    for sign in plan.signs:
        if sign.kind == "building":
            continue
        m = prof.sizing.margin_of(sign.kind)  # a US stair sign has its own (IBC 18 x 12 in)
        h = sign.cap_height_mm
        for t in texts(sign_page(sign, prof)):
            x0, y0, x1, y1 = text_box(t)
            assert x0 >= m * h - 0.1 and x1 <= sign.width_mm - m * h + 0.1, (sign.id, t.text)
            # the cap line and the baseline (descenders may dip into the margin)
            assert t.y - cap_of(t) >= m * h - 0.5 and t.y <= sign.height_mm - m * h + 0.5


def test_second_line_under_the_code_and_smaller(site):
    plan, prof = site
    for sign in plan.signs:
        if not sign.subtext:
            continue
        page = sign_page(sign, prof)
        code = code_text(page, sign)
        if sign.kind == "stair":  # the storey: bold, at its share of the cap height
            sub = [t for t in texts(page) if t.y > code.y]
            assert sub and all(t.weight == "bold" for t in sub), sign.id
            share = prof.sizing.stair.storey
        else:
            sub = [t for t in texts(page) if t.weight == "regular"]
            share = prof.sizing.second_line
        assert sub, sign.id
        for t in sub:
            assert t.y > code.y and t.anchor == "middle" and t.x == pytest.approx(
                text_centre(sign, prof))
            assert cap_of(t) <= share * sign.cap_height_mm * 1.001
            # under the code with at least the profile's gap
            assert t.y - cap_of(t) >= code.y + prof.sizing.line_gap * sign.cap_height_mm - 0.01
        assert " ".join(t.text for t in sub) == sign.subtext


def test_title_and_meta(guetersloh):
    plan, prof = guetersloh
    e1 = find(plan, text="E1")
    page = sign_page(e1, prof)
    assert page.title == f"E1 – Eingang ({e1.marking})"
    meta = dict(page.meta)
    assert meta["background"].startswith("RAL 5017") and meta["foreground"].startswith("RAL 9003")
    assert meta["material"] == "reflective"
    assert "corner radius 12 mm" in meta["cut"]


def test_keyline_only_where_the_profile_sets_it(guetersloh, us):
    plan, prof = guetersloh
    e1 = sign_page(find(plan, text="E1"), prof)
    strokes = [i for i in e1.items if isinstance(i, Rect) and i.stroke is not None]
    assert len(strokes) == 1
    inset = strokes[0].x
    assert inset == pytest.approx(prof.sizing.keyline * 150)
    for sign in plan.signs:  # the keyline's outer edge keeps 5 mm from the trim
        for r in sign_page(sign, prof).items:
            if isinstance(r, Rect) and r.stroke is not None:
                assert r.x - r.stroke.width_mm / 2 >= SAFE_MM - 1e-9
                assert r.x + r.w + r.stroke.width_mm / 2 <= sign.width_mm - SAFE_MM + 1e-9
    uplan, uprof = us
    for sign in uplan.signs:
        page = sign_page(sign, uprof)
        assert not [i for i in page.items if isinstance(i, Rect) and i.stroke is not None]


def test_stair_and_landmark_second_lines(guetersloh):
    plan, prof = guetersloh
    t2 = find(plan, kind="stair", text="T2", subtext="1. OG")
    assert [t.text for t in texts(sign_page(t2, prof))] == ["T2", "1. OG"]
    room = find(plan, kind="room", subtext="Sekretariat")
    assert [t.text for t in texts(sign_page(room, prof))] == [room.text, "Sekretariat"]


def test_us_signs_have_no_german_text(us):
    plan, prof = us
    words = [t.text for p in sign_pages(plan, prof) for t in texts(p)]
    words += [t.text for p in proof_pages(plan, prof) for t in texts(p)]
    words += [t.text for p in schedule_pages(plan, prof) for t in texts(p)]
    words += [p.title for p in sign_pages(plan, prof)]
    german = sorted({w for w in words if GERMAN.search(w)})
    assert german == []
    assert any("Floor 1" in w for w in words)


# --- edge cases on made-up signs ----------------------------------------------------------


def test_long_second_line_shrinks_or_wraps_but_stays_inside(guetersloh):
    plan, prof = guetersloh
    room = find(plan, kind="room", subtext="Sekretariat")
    for sub in ("Lehrerzimmer und Kopierraum", "Naturwissenschaftlicher Sammlungsraum Chemie",
                "Donaudampfschifffahrtsgesellschaftskapitänskajüte"):
        sign = replace(room, subtext=sub)
        page = sign_page(sign, prof)
        code, *rest = texts(page)
        assert cap_of(code) == pytest.approx(sign.cap_height_mm, rel=0.01)
        for t in rest:
            x0, y0, x1, y1 = text_box(t)
            inner = prof.sizing.margin * sign.cap_height_mm
            assert x0 >= inner - 0.1 and x1 <= sign.width_mm - inner + 0.1, (sub, t.text)
            assert y1 <= sign.height_mm - SAFE_MM
            assert cap_of(t) >= 0.5 * prof.sizing.second_line * sign.cap_height_mm - 0.01
        shown = " ".join(t.text for t in rest)
        assert shown == sub or shown.endswith("…")


def test_name_board_breaks_into_two_lines_when_needed(guetersloh):
    plan, prof = guetersloh
    name = find(plan, kind="name")
    h = name.cap_height_mm
    narrow = replace(name, width_mm=2400.0, height_mm=500.0)
    lines = texts(sign_page(narrow, prof))
    assert [t.text for t in lines] == ["Städtische Gesamtschule", "Beispielstadt"]
    assert all(cap_of(t) == pytest.approx(h, rel=0.01) for t in lines)
    with_address = replace(name, subtext="Schulstraße 1, 33330 Gütersloh", height_mm=350.0)
    lines = texts(sign_page(with_address, prof))
    assert [t.weight for t in lines] == ["bold", "regular"]
    assert lines[1].text == "Schulstraße 1, 33330 Gütersloh"


def test_code_that_does_not_fit_raises(guetersloh):
    plan, prof = guetersloh
    e1 = find(plan, text="E1")
    bad = replace(e1, text="E1234567", width_mm=400.0)
    with pytest.raises(SignLayoutError, match=e1.id):
        sign_page(bad, prof)
    with pytest.raises(SignLayoutError, match="positive"):
        sign_page(replace(e1, cap_height_mm=0.0), prof)


def test_crop_marks_and_bleed_are_passed_on(guetersloh):
    plan, prof = guetersloh
    page = sign_page(plan.signs[1], prof, bleed_mm=5.0, crop_marks=True)
    assert page.crop_marks and page.bleed_mm == 5.0
    assert page.items[0] == replace(page.items[0], x=-5.0, y=-5.0)
    assert all(p.crop_marks for p in sign_pages(plan, prof, crop_marks=True)[:3])


# --- proof ---------------------------------------------------------------------------------


def test_proof_pages_are_a4_and_show_every_sign(site):
    plan, prof = site
    pages = proof_pages(plan, prof)
    assert pages and all((p.width_mm, p.height_mm) == (210.0, 297.0) for p in pages)
    words = [t.text for p in pages for t in texts(p)]
    for sign in plan.signs:
        assert sign.text in words, sign.id
        assert sign.id in words
    for n, page in enumerate(pages, start=1):
        assert any(t.text.endswith(f" {n}/{len(pages)}") for t in texts(page))
    first = [t.text for t in texts(pages[0])]
    purpose = "Freigabe mit Polizei und Feuerwehr" if prof.language == "de" else \
        "For approval by police and fire service"
    assert purpose in first


def test_proof_cells_stay_on_the_page_and_clip_their_sign(guetersloh):
    plan, prof = guetersloh
    for page in proof_pages(plan, prof):
        for item in page.items:
            if isinstance(item, Group):
                cx, cy, cw, ch = item.clip
                assert cx >= 12 - 1e-6 and cx + cw <= 198 + 1e-6 and cy + ch <= 285
        for t in texts(page):
            x0, y0, x1, y1 = text_box(t)
            assert x0 >= 11.9 and x1 <= 198.1 and y1 <= 286, t.text


def test_proof_labels_localised(guetersloh):
    plan, prof = guetersloh
    words = {t.text for t in texts(proof_pages(plan, prof)[0])}
    assert "Eingang" in words and "800 × 400 mm" in words
    assert any(w.startswith("A Hauptgebäude · EG · Seite A") for w in words)


# --- rendered --------------------------------------------------------------------------------


def test_pdf_trim_and_bleed_boxes_equal_the_sign(guetersloh):
    pypdf = pytest.importorskip("pypdf")
    from orientation.render.pdf import render_pdf

    plan, prof = guetersloh
    signs = [find(plan, text="E1"), find(plan, kind="building"), find(plan, kind="name"),
             find(plan, kind="room", subtext="Sekretariat"), find(plan, kind="window")]
    data = render_pdf([sign_page(s, prof) for s in signs], title="signs")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(signs)
    for sign, pg in zip(signs, reader.pages):
        trim = [float(v) for v in pg.trimbox]
        assert trim[2] - trim[0] == pytest.approx(sign.width_mm * K, abs=0.01)
        assert trim[3] - trim[1] == pytest.approx(sign.height_mm * K, abs=0.01)
        bleed = [float(v) for v in pg.bleedbox]
        assert bleed[2] - bleed[0] == pytest.approx((sign.width_mm + 6) * K, abs=0.01)
        assert [float(v) for v in pg.mediabox] == pytest.approx(bleed)
        assert sign.text in pg.extract_text().replace("\n", " ")


def test_svg_has_no_text_elements(guetersloh):
    from orientation.render.svg import render_svg

    plan, prof = guetersloh
    svg = render_svg(sign_page(find(plan, text="E1"), prof)).decode()
    assert "<text" not in svg and 'aria-label="E1"' in svg
