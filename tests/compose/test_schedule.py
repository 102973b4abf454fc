"""Tests for orientation.compose.schedule: rows, totals, order, locations and the pages."""

from __future__ import annotations

import io
from collections import Counter

import pytest

from orientation.compose.common import (
    KIND_ORDER,
    format_money,
    format_number,
    format_size,
    walk_texts,
)
from orientation.compose.schedule import (
    location_rows,
    schedule_pages,
    schedule_rows,
    schedule_total,
)


def page_words(pages) -> list[list[str]]:
    return [[t.text for t in walk_texts(p.items)] for p in pages]


# --- rows ----------------------------------------------------------------------------------


def test_quantities_add_up_to_the_signs(site):
    plan, prof = site
    rows = schedule_rows(plan, prof)
    assert sum(r.quantity for r in rows) == len(plan.signs)
    ids = [i for r in rows for i in r.sign_ids]
    assert sorted(ids) == sorted(s.id for s in plan.signs)
    for r in rows:
        assert r.quantity == len(r.sign_ids)


def test_one_row_per_type_and_size(site):
    plan, prof = site
    rows = schedule_rows(plan, prof)
    keys = [(r.placement, r.kind, r.width_mm, r.height_mm, r.material, r.foreground, r.background)
            for r in rows]
    assert len(keys) == len(set(keys))
    by_id = {s.id: s for s in plan.signs}
    for r in rows:
        for sid in r.sign_ids:
            s = by_id[sid]
            assert (s.kind, s.width_mm, s.height_mm, s.material, s.placement) == \
                (r.kind, r.width_mm, r.height_mm, r.material, r.placement)


def test_prices_and_totals(site):
    plan, prof = site
    rows = schedule_rows(plan, prof)
    for r in rows:
        assert r.unit_price == prof.prices.unit_price(r.material, r.width_mm, r.height_mm)
        assert r.line_total == pytest.approx(r.quantity * r.unit_price, abs=1e-9)
        assert r.currency == prof.prices.currency
    assert schedule_total(rows) == pytest.approx(sum(r.quantity * r.unit_price for r in rows),
                                                 abs=0.005)
    assert schedule_total(rows) == round(schedule_total(rows), 2)


def test_rows_are_sorted_exterior_then_kind_then_size(site):
    plan, prof = site
    rows = schedule_rows(plan, prof)
    place = [0 if r.placement == "exterior" else 1 for r in rows]
    assert place == sorted(place)
    keys = [(p, KIND_ORDER.index(r.kind), r.width_mm * r.height_mm) for p, r in zip(place, rows)]
    assert keys == sorted(keys)
    assert rows[0].kind == "building"


def test_labels_colours_and_examples(guetersloh, us):
    plan, prof = guetersloh
    rows = schedule_rows(plan, prof)
    nx = next(r for r in rows if r.kind == "emergency_exit" and r.quantity > 3)
    assert nx.kind_label == "Notausgang" and nx.placement_label == "außen"
    assert nx.material_label == "retroreflektierend"
    assert nx.examples == ", ".join(nx.codes[:3]) + " …" and nx.examples.startswith("N1, N2")
    assert nx.foreground == "RAL 9003 Signalweiß" and nx.background == "RAL 5017 Verkehrsblau"
    small = next(r for r in rows if len(r.codes) <= 3)
    assert "…" not in small.examples
    uplan, uprof = us
    urow = schedule_rows(uplan, uprof)[0]
    assert urow.kind_label == "Building letter" and urow.background == "RAL 9004 signal black"
    assert set(urow.to_dict()) >= {"kind", "examples", "width_mm", "height_mm", "material",
                                   "placement", "quantity", "unit_price", "line_total"}


# --- locations -----------------------------------------------------------------------------


def test_location_rows_cover_every_sign_in_installation_order(site):
    plan, prof = site
    rows = location_rows(plan)
    assert Counter(r.sign_id for r in rows) == Counter(s.id for s in plan.signs)
    order = {b.id: i for i, b in enumerate(plan.buildings)}
    keys = [(order[r.building], r.placement != "exterior") for r in rows]
    assert keys == sorted(keys)
    by_id = {s.id: s for s in plan.signs}
    letters = {b.id: b.letter for b in plan.buildings}
    for r in rows:
        s = by_id[r.sign_id]
        assert r.code == s.text and r.building_letter == letters[s.building]
        m = plan.marking(s.marking)
        assert r.element == m.element
        if s.kind == "stair":  # the stair sign shows its storey (US: its floor number)
            assert r.storey == s.subtext or r.storey.endswith(f" {s.subtext}")


# --- formats -------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "currency", "language", "expected"), [
    (1234.56, "EUR", "de", "1.234,56 €"),
    (1234567.5, "EUR", "de", "1.234.567,50 €"),
    (0.5, "EUR", "de", "0,50 €"),
    (1234.56, "USD", "en", "$1,234.56"),
    (1234.56, "CHF", "en", "CHF 1,234.56"),
    (1234.56, "EUR", "en", "€1,234.56"),
])
def test_money(value, currency, language, expected):
    assert format_money(value, currency, language) == expected


def test_numbers_and_sizes():
    assert format_number(12544.85, "de", decimals=2) == "12.544,85"
    assert format_number(317, "en") == "317"
    assert format_size(3500, 250, "de") == "3500 × 250"
    assert format_size(457.2, 228.6, "en", inches=True) == "457.2 × 228.6 (18 × 9 in)"


# --- pages ---------------------------------------------------------------------------------


def test_schedule_pages_are_a4_with_total_and_page_numbers(site):
    plan, prof = site
    pages = schedule_pages(plan, prof)
    assert all((p.width_mm, p.height_mm) == (297.0, 210.0) for p in pages)
    words = page_words(pages)
    lang = prof.language
    total = format_money(schedule_total(schedule_rows(plan, prof)), prof.prices.currency, lang)
    assert total in words[0] or any(total in w for w in words)
    assert format_number(len(plan.signs), lang) in [w for ws in words for w in ws]
    for n, ws in enumerate(words, start=1):
        assert any(w.endswith(f" {n}/{len(pages)}") for w in ws)


def test_location_pages_repeat_the_header_and_list_every_sign(site):
    plan, prof = site
    pages = schedule_pages(plan, prof)
    words = page_words(pages)
    code_col = "Code"
    listing = [ws for ws in words if ("Montageliste" if prof.language == "de"
                                      else "Installation list") in " ".join(ws)]
    assert len(listing) >= 1
    assert all(code_col in ws for ws in listing)
    ids = [w for ws in listing for w in ws if w.startswith("S-")]
    assert sorted(ids) == sorted(s.id for s in plan.signs)


def test_numbers_are_right_aligned(guetersloh):
    plan, prof = guetersloh
    page = schedule_pages(plan, prof)[0]
    money = [t for t in walk_texts(page.items) if t.text.endswith(" €")]
    assert money and all(t.anchor == "end" for t in money)
    # one right edge per money column
    assert len({round(t.x, 3) for t in money}) == 2


def test_schedule_pdf_text(guetersloh):
    pypdf = pytest.importorskip("pypdf")
    from orientation.render.pdf import render_pdf

    plan, prof = guetersloh
    data = render_pdf(schedule_pages(plan, prof), title="schedule")
    reader = pypdf.PdfReader(io.BytesIO(data))
    first = reader.pages[0].extract_text()
    total = format_money(schedule_total(schedule_rows(plan, prof)), "EUR", "de")
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Schilderliste" in first and total in text.replace("\n", " ")
