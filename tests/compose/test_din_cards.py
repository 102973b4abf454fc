"""Fire-alarm route cards on paper (compose/maps/alarmcards.py) and in the outputs
(``alarm-cards.pdf``, ``alarm-cards/*.svg``), drafts and ``--mono`` included."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from shapely import STRtree
from shapely.geometry import box as sbox

from conftest import FLOORPLANS, site_dict, write_site
from orientation import fonts
from orientation.cli import main
from orientation.compose.draft import mark_text
from orientation.compose.maps import alarm_card_pages
from orientation.compose.maps.style import _palette
from orientation.layout.engine import PlanOptions, make_plan
from orientation.pipeline import load_site, render
from orientation.profiles import load_profile
from orientation.render.scene import Path, Recorder, Text


@pytest.fixture(scope="module")
def school():
    site = load_site(FLOORPLANS / "gesamtschule.yaml")
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof)
    return plan, prof, alarm_card_pages(plan, prof)


def _drawn(page):
    rec = Recorder()
    rec.page(page)
    return rec.drawn


def _words(page):
    return [d.item.text for d in _drawn(page) if isinstance(d.item, Text)]


def test_a_card_per_group_a_side_per_storey_walked(school):
    plan, _, pages = school
    sides = {c.number: len(c.legs) for c in plan.alarm_cards}
    assert [dict(p.meta)["card"] for p in pages] == [
        str(n) for n, k in sides.items() for _ in range(k)]
    assert sides[12] == 2 and sides[1] == 1  # upstairs: front and back; same storey: one
    for p in pages:
        n = dict(p.meta)["card"]
        assert p.title.startswith(f"Laufkarte Meldergruppe {n} – Seite ")
        assert re.fullmatch(r"laufkarte-\d{4}-\d-[a-z0-9-]+", p.name)
        assert f"Meldergruppe {n}" in _words(p)


def test_the_card_names_the_group_and_its_way(school):
    plan, _, pages = school
    card = next(c for c in plan.alarm_cards if c.number == 12)
    back = [p for p in pages if dict(p.meta)["card"] == "12"][-1]
    text = " ".join(_words(back))
    assert "Chemie 2. OG" in text and "Geschoss: 2. OG" in text and "Rauchmelder" in text
    for code in card.codes:
        assert code in text
    for step in card.steps:  # every step of the way, numbered
        assert step.split()[0] in text
    assert "Laufweg von der BMZ" in text and "Bereich der Meldergruppe" in text


def test_the_way_is_drawn_red_and_the_group_hatched(school):
    plan, prof, pages = school
    pal = _palette(prof)
    for page in pages:
        ways = [d.item for d in _drawn(page) if isinstance(d.item, Path) and d.item.stroke
                and d.item.stroke.color == pal.alarm_route and d.item.stroke.width_mm == 1.6]
        assert ways, page.name
    back = [p for p in pages if dict(p.meta)["card"] == "12"][-1]
    tinted = [d.item for d in _drawn(back) if isinstance(d.item, Path)
              and d.item.fill == pal.group_tint]
    assert len(tinted) == 3  # the group's three rooms


def _overlaps(page):
    polys, items = [], []
    for d in _drawn(page):
        t = d.item
        if isinstance(t, Text) and t.text.strip():
            x, y = d.at(t.x, t.y)
            w = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
            x0 = x - w * {"start": 0.0, "middle": 0.5, "end": 1.0}[t.anchor]
            polys.append(sbox(x0, y - 0.8 * t.size_mm, x0 + w, y + 0.2 * t.size_mm))
            items.append(t.text)
    tree = STRtree(polys)
    return [(items[i], items[j]) for i, p in enumerate(polys) for j in tree.query(p)
            if j > i and p.intersection(polys[j]).area > 0.01]


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_no_two_words_overlap_on_a_card(paper):
    site = load_site(FLOORPLANS / "rathaus.yaml")
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof, options=PlanOptions(paper=paper))
    pages = alarm_card_pages(plan, prof, paper=paper)
    assert pages
    for page in pages:
        assert _overlaps(page) == [], page.name


def test_the_outputs_have_the_cards_and_a_draft_is_marked_on_each(tmp_path):
    out = render(FLOORPLANS / "rathaus.yaml", tmp_path / "ok").out_dir
    reader = pypdf.PdfReader(io.BytesIO((out / "alarm-cards.pdf").read_bytes()))
    svgs = sorted((out / "alarm-cards").glob("*.svg"))
    assert len(reader.pages) == len(svgs) >= 4
    assert "Laufkarte" in reader.pages[0].extract_text()
    # undated: a draft, every card carries the mark
    data = load_site(FLOORPLANS / "rathaus.yaml").model_dump(mode="json", exclude_none=True)
    data["site"].pop("date")
    draft = render(write_site(tmp_path, data), tmp_path / "draft")
    mark = mark_text(draft.plan.language)
    reader = pypdf.PdfReader(io.BytesIO((draft.out_dir / "alarm-cards.pdf").read_bytes()))
    for page in reader.pages:
        assert re.sub(r"\s+", " ", page.extract_text()).count(mark) == 1
    for svg in (draft.out_dir / "alarm-cards").glob("*.svg"):
        assert mark in svg.read_text(encoding="utf-8")


def test_no_groups_no_cards(tmp_path):
    outputs = render(write_site(tmp_path, site_dict()), tmp_path / "out")
    assert not (outputs.out_dir / "alarm-cards.pdf").exists()
    assert not (outputs.out_dir / "alarm-cards").exists()


def test_render_mono_from_the_command_line(tmp_path, capsys):
    assert main(["render", str(FLOORPLANS / "rathaus.yaml"), "-o", str(tmp_path / "m"),
                 "--mono", "-q"]) == 0
    svg = (tmp_path / "m" / "maps" / "02-uebersichtsplan.svg").read_text(encoding="utf-8")
    fills = set(re.findall(r'(?:fill|stroke)="(#[0-9A-Fa-f]{6})"', svg))
    assert fills <= {"#000000", "#FFFFFF"}, fills
    card = next((tmp_path / "m" / "alarm-cards").glob("*.svg")).read_text(encoding="utf-8")
    assert set(re.findall(r'(?:fill|stroke)="(#[0-9A-Fa-f]{6})"', card)) <= {"#000000",
                                                                              "#FFFFFF"}
    # the signs keep their colours
    sign = next((tmp_path / "m" / "signs").glob("*.svg")).read_text(encoding="utf-8")
    assert set(re.findall(r'fill="(#[0-9A-Fa-f]{6})"', sign)) - {"#000000", "#FFFFFF"}
