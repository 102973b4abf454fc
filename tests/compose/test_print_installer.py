"""An installer list a person can mount from, facade sheets and proof cards (issue 19)."""

from __future__ import annotations

from conftest import _plan
from orientation.compose.common import walk_texts
from orientation.compose.facades import facade_sheets
from orientation.compose.installer import (
    format_height,
    format_panel,
    height_cell,
    location_rows,
    room_cell,
)
from orientation.compose.proof import proof_pages, qr_modules
from orientation.compose.schedule import schedule_pages
from orientation.layout.placement import DOOR_KINDS
from orientation.render.scene import Circle, Path, Recorder, Rect, Text
from orientation.status import qr_payload


def test_every_row_says_where_and_how_the_sign_goes():
    plan, prof = _plan("gesamtschule")
    rows = location_rows(plan, prof, language="de")
    assert [r.number for r in rows] == list(range(1, len(rows) + 1))
    by_id = {s.id: s for s in plan.signs}
    for r in rows:
        s = by_id[r.sign_id]
        assert r.where, r.sign_id
        assert r.substrate and r.fixing and r.material == s.material
        assert r.mount_height_m is not None and r.mount_height_m >= 0, r.sign_id
        if s.kind in DOOR_KINDS:
            assert r.door and r.door_kind == s.kind and room_cell(r, "de").startswith("Tür ")
        if s.kind == "room":
            assert r.room == s.text and r.room_name
            assert room_cell(r, "de").startswith(f"Raum {s.text}")
        if s.kind == "window":
            assert r.room and r.room_name, r.sign_id
            if (s.level or 0) < 0:  # a light-well window says so
                assert "Lichtschacht" in r.where and r.height_ref == "light_well"
    room = next(r for r in rows if r.kind == "room" and r.room_name == "Sekretariat")
    assert room.door and "neben der Tür" in room.where
    cellar = next(r for r in rows if r.marking == "main/d-keller")
    assert "Kelleraußentreppe" in cellar.where and cellar.mount_height_m >= 0
    stair = next(r for r in rows if r.kind == "stair")
    assert stair.mount_height_m is not None and stair.height_ref == "floor"


def test_heights_and_sizes_in_the_profiles_units():
    assert format_height(2.3, "de") == "2,3 m" and format_height(2.2, "en", imperial=True) == \
        "7 ft 3 in"
    assert format_panel(609.6, 304.8, "en", imperial=True) == "24 × 12 in"
    plan, prof = _plan("us-elementary")
    words = [t.text for p in schedule_pages(plan, prof) for t in walk_texts(p.items)]
    listing = [w for w in words if w.endswith(" in")]
    assert "24 × 12 in" in words and "18 × 12 in" in words and listing
    assert any(" ft " in w and "above ground" in w for w in words)
    assert not any(w.endswith(" mm") and "×" in w for w in words[60:])  # the list: inches
    assert any("tactile" in w for w in words)  # IBC 1023.9: a tactile sign at the door
    r = next(r for r in location_rows(plan, prof) if r.kind == "interior_door")
    assert height_cell(r, "en", imperial=True) == "12 in above floor"


def test_facade_sheets_draw_every_exterior_sign_numbered_as_the_list():
    plan, prof = _plan("gesamtschule")
    sheets = facade_sheets(plan, prof, "de")
    assert len(sheets) >= 8  # every side of the three buildings that carries signs
    numbers = {str(r.number) for r in location_rows(plan, prof, language="de")
               if r.placement == "exterior"}
    drawn = {t.text for _key, items in sheets for t in walk_texts(items)}
    assert numbers <= drawn
    titles = [t.text for _k, items in sheets for t in walk_texts(items)
              if "· Seite" in t.text]
    assert any(t.startswith("A Hauptgebäude · Seite A") for t in titles)
    for _key, items in sheets:  # on the sheet's drawing area
        for it in items:
            if isinstance(it, Rect | Circle):
                x = it.x if isinstance(it, Rect) else it.cx
                assert 0 <= x <= 297
    pages = schedule_pages(plan, prof)
    assert any("Fassadenansicht" in t.text for p in pages for t in walk_texts(p.items))


def test_proof_cards_have_a_tick_box_a_key_map_and_a_qr_code():
    plan, prof = _plan("rathaus")
    page = proof_pages(plan, prof)[0]
    drawn = Recorder().page(page)
    boxes = [d.item for d in drawn if isinstance(d.item, Rect) and d.item.fill is None
             and abs(d.item.w - 3.6) < 1e-6 and abs(d.item.h - 3.6) < 1e-6]
    dots = [d.item for d in drawn if isinstance(d.item, Circle)]
    qrs = [d.item for d in drawn if isinstance(d.item, Path) and d.item.fill is not None
           and d.item.fill.name == "black (QR)"]
    cards = len([t for t in walk_texts(page.items) if t.text.startswith("S-0")])
    assert cards and len(boxes) == cards and len(dots) == cards and len(qrs) == cards
    # the QR code is the payload's modules
    n, runs = qr_modules(qr_payload(plan, plan.signs[0]))
    assert len(qrs[0].rings) == len(runs) and n >= 21
    assert qr_payload(plan, plan.signs[0]) == f"ORIENTATION|{plan.site_name}|S-0001|" \
        f"{plan.signs[0].text}"
    words = [t.text for t in walk_texts(page.items) if isinstance(t, Text)]
    assert "geprüft" in words and any(w.startswith("Höhe UK ") for w in words)
