"""DIN 14095 content of the map booklet: the general object information first, the title
blocks (plan number, date, author, DIN sheet names), fire walls and compartment boundaries
in their colours, neighbours with use and storeys, the building radio, smoke extraction and
a riser's inlet in the legend, risers and shut-offs with their storeys, one scale for all
storey plans with part plans and key maps where a storey is too large, and ``mono``."""

from __future__ import annotations

import re

import pytest

from conftest import FLOORPLANS, box, building, site_dict
from orientation.compose.maps import map_pages
from orientation.compose.maps.booklet import make_ctx
from orientation.compose.maps.style import _palette
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.pipeline import load_site
from orientation.profiles import load_profile
from orientation.render.scene import Group, Path, Recorder, Rect, Text


def _texts(items):
    for it in items:
        if isinstance(it, Group):
            yield from _texts(it.items)
        elif isinstance(it, Text):
            yield it


def words(page) -> list[str]:
    return [t.text for t in _texts(page.items)]


def _booklet(name: str, **kw):
    site = load_site(FLOORPLANS / name)
    prof = load_profile(site.profile or "guetersloh")
    plan = make_plan(site, prof)
    return site, plan, prof, map_pages(plan, prof, **kw)


@pytest.fixture(scope="module")
def school():
    return _booklet("gesamtschule.yaml")


@pytest.fixture(scope="module")
def town_hall():
    return _booklet("rathaus.yaml")


# -- the general object information ---------------------------------------------------------

def test_the_booklet_opens_with_the_object_information(school, town_hall):
    for site, plan, _prof, pages in (school, town_hall):
        first = pages[0]
        assert first.name == "01-objektinformationen"
        assert first.title == "Allgemeine Objektinformationen"
        text = " ".join(words(first))
        d, o = site.site.dispatch, site.site.object
        for value in (site.site.name, site.site.address, d.object_number, d.plan_number,
                      d.fire_alarm_number, o.author, o.use, plan.date,
                      *(c.role for c in o.contacts)):
            assert value.split()[0] in text, value
        for heading in ("Objekt", "Ansprechpartner", "Löschwasser", "Zugänge",
                        "Besondere Hinweise", "Feuerwehrplan", "Blätter"):
            assert heading in words(first), heading
        # the fire service's points with where they are, the hazards from the room uses
        for name in ("Brandmelderzentrale", "Feuerwehr-Schlüsseldepot",
                     "Feuerwehr-Informationszentrale"):
            assert any(w.startswith(name.split("-")[0]) for w in words(first)), name
        # the contents list every sheet
        for p in pages[1:]:
            assert p.title in text or p.title.split(" – ")[0] in text


def test_the_school_sheet_lists_hazards_hydrants_risers_and_cards(school):
    _site, plan, _prof, pages = school
    text = " ".join(words(pages[0]))
    assert "Chemikalien, Gefahrstoffe" in text and "Heizung, Kesselraum" in text
    for hydrant in ("UH 1", "UH 2", "UH 3"):
        assert hydrant in text
    assert "UG–2. OG" in text  # the dry riser carries its storeys
    assert "Laufkarten" in text and "7 (je Meldergruppe" in text
    assert "Einspeisung trockene Steigleitung" in text


def test_what_the_file_does_not_say_is_not_given():
    site = site_from_data(site_dict(), file="bare")
    prof = load_profile("guetersloh")
    first = map_pages(make_plan(site, prof), prof)[0]
    text = " ".join(words(first))
    assert text.count("nicht angegeben") >= 6
    assert "Gebäude main: EG, 1. OG" in text or "Gebäude A" in text


# -- title blocks ---------------------------------------------------------------------------

def test_title_blocks_carry_plan_number_date_author_and_the_din_sheet_names(school):
    site, plan, _prof, pages = school
    titles = [p.title for p in pages]
    assert titles[1] == "Übersichtsplan"
    assert all(t.startswith(("Allgemeine", "Übersichtsplan", "Geschossplan", "Verzeichnis"))
               for t in titles)
    for p in pages:
        text = " ".join(words(p))
        assert f"Plan-Nr. {site.site.dispatch.plan_number}" in text, p.name
        assert f"Stand {plan.date}" in text, p.name
        assert site.site.object.author in text, p.name


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_the_title_block_fits_on_both_papers(paper):
    site = load_site(FLOORPLANS / "rathaus.yaml")
    prof = load_profile("guetersloh")
    from orientation.layout.engine import PlanOptions

    plan = make_plan(site, prof, options=PlanOptions(paper=paper))
    for page in map_pages(plan, prof, paper=paper):
        text = " ".join(words(page))
        assert "Plan-Nr." in text and "Ersteller" in text, page.name


# -- DIN lines, neighbours, symbols ---------------------------------------------------------

def _strokes(page):
    rec = Recorder()
    rec.page(page)
    return [d.item.stroke for d in rec.drawn if isinstance(d.item, Path) and d.item.stroke]


def test_fire_walls_and_compartment_boundaries_in_the_din_colours(school):
    _site, plan, prof, pages = school
    pal = _palette(prof)
    eg = next(p for p in pages if p.name.endswith("-a-eg"))
    strokes = _strokes(eg)
    assert any(s.color == pal.fire_wall and s.width_mm == 1.4 for s in strokes)
    assert any(s.color == pal.compartment and s.width_mm == 1.0 and not s.dash_mm
               for s in strokes)
    assert any(s.color == pal.smoke_compartment and s.dash_mm for s in strokes)
    assert pal.fire_wall.hex == "#A52019" and pal.compartment.name.startswith("RAL 2011")
    legend = words(eg)
    for name in ("Brandwand", "Brandabschnittsgrenze", "Rauchabschnittsgrenze"):
        assert name in legend
    # the smoke compartment is on 0, 1, 2 only: not in the basement
    ug = next(p for p in pages if p.name.endswith("-a-ug"))
    assert not any(s.color == pal.smoke_compartment and s.dash_mm for s in _strokes(ug))
    # the site plan shows the fire walls and compartments
    site_strokes = _strokes(pages[1])
    assert any(s.color == pal.fire_wall for s in site_strokes)


def test_neighbours_with_their_use_and_storeys_on_the_site_plan(school, town_hall):
    for _site, _plan, _prof, pages in (school, town_hall):
        text = words(pages[1])
        assert "anderes Gebäude" in text
    assert "Wohnhaus · Wohnen · IV" in words(school[3][1])
    assert "Kindertagesstätte · Kita · I" in words(school[3][1])
    assert "Geschäftshaus · Handel und Büro · III" in words(town_hall[3][1])


def test_building_radio_smoke_extraction_and_riser_inlet_are_drawn_and_explained(school):
    _site, _plan, _prof, pages = school
    site_words = words(pages[1])
    assert "FGB" in site_words and "ESP" in site_words  # on the overview plan (DIN 2024)
    eg = words(next(p for p in pages if p.name.endswith("-a-eg")))
    assert eg.count("RWA") >= 3 and "FGB" in eg
    assert any("Gebäudefunk" in w for w in eg) and any("RWA-Bedienstelle" in w for w in eg)


def test_risers_and_shutoffs_carry_their_storeys(school):
    _site, _plan, _prof, pages = school
    for name in ("a-ug", "a-eg", "a-1-og", "a-2-og"):
        page = next(p for p in pages if p.name.endswith(name))
        assert "UG–2. OG" in words(page), name  # the dry riser
    for name in ("a-eg", "a-1-og", "a-2-og"):
        page = next(p for p in pages if p.name.endswith(name))
        assert "EG–2. OG" in words(page), name  # the power shut-off on each storey


# -- one scale, part plans, key maps ---------------------------------------------------------

def _hospital():
    """A building 240 m long with small rooms: the rooms are legible at 1:500 at most, and
    at that scale the building needs part plans."""
    rooms = [{"id": f"r{i}", "level": 0, "polygon": box(5 * i, 0, 5 * i + 5, 8), "use": "office"}
             for i in range(48)]
    rooms += [{"id": f"s{i}", "level": 0, "polygon": box(5 * i, 12, 5 * i + 5, 20)}
              for i in range(48)]
    big = building("klinik", footprint=box(0, 0, 240, 20), rooms=rooms,
                   storeys=[{"level": 0, "name": "EG"}],
                   doors=[{"id": "d-main", "at": [120, 0], "kind": "entrance", "main": True},
                          {"id": "d-w", "at": [0, 10], "kind": "emergency_exit"},
                          {"id": "d-e", "at": [240, 10], "kind": "emergency_exit"}])
    small = building("haus", footprint=box(0, 40, 20, 50), storeys=[{"level": 0, "name": "EG"}],
                     doors=[{"id": "d1", "at": [10, 40], "kind": "entrance"}])
    data = site_dict([big, small])
    data["site_features"][0]["line"] = [[-50, -15], [300, -15]]
    return site_from_data(data, file="hospital")


def test_one_scale_for_all_storey_plans_and_parts_where_a_storey_is_too_large():
    prof = load_profile("guetersloh")
    plan = make_plan(_hospital(), prof)
    shapes = {b.id: b for b in plan.geometry.buildings}
    assert shapes["klinik"].storey_scale == shapes["haus"].storey_scale == 500
    assert len(shapes["klinik"].parts) == 2 and shapes["haus"].parts == ()
    assert shapes["klinik"].fit_scale > 500  # the whole would fit only coarser
    pages = map_pages(plan, prof)
    storeys = [p for p in pages if p.title.startswith("Geschossplan")]
    assert {dict(p.meta)["scale"] for p in storeys} == {"1:500"}
    parts = [p for p in storeys if "Teil" in p.title]
    assert [p.title.rsplit("– ", 1)[1] for p in parts] == ["Teil 1 von 2", "Teil 2 von 2"]
    for i, page in enumerate(parts, start=1):
        text = words(page)
        # the key map: every part's number, and the caption with the part it joins
        assert f"Teil {i} von 2 · Anschluss: Teil {3 - i}" in text
        assert {"1", "2"} <= set(text)
    # every room code on some part, and the parts overlap (some on both)
    codes = [m.code for m in plan.markings if m.kind == "room" and m.building == "klinik"]
    on = [set(words(p)) for p in parts]
    assert all(any(c in w for w in on) for c in codes)
    assert on[0] & on[1] & set(codes)


def test_the_part_plans_clip_their_drawing_to_the_sheet():
    prof = load_profile("guetersloh")
    plan = make_plan(_hospital(), prof)
    page = next(p for p in map_pages(plan, prof) if "Teil 1" in p.title)
    clips = [it for it in page.items if isinstance(it, Group) and it.clip is not None]
    assert clips, "the drawing of a part plan is one clipped group"
    x, y, w, h = make_ctx(plan, prof, paper=None, language=None).lay.drawing
    assert clips[0].clip == pytest.approx((x, y, w, h))
    for t in _texts(clips[0].items):  # no label beyond its part's edge
        assert x - 0.5 <= t.x <= x + w + 0.5 and y - 0.5 <= t.y <= y + h + 0.5, t.text


# -- monochrome -------------------------------------------------------------------------------

def _colours(page):
    rec = Recorder()
    rec.page(page)
    return {c.hex.upper() for c in rec.colors()}


def test_mono_has_no_tones_and_hatches_instead():
    _site, plan, prof, pages = _booklet("gesamtschule.yaml", mono=True)
    for page in pages:
        assert _colours(page) <= {"#000000", "#FFFFFF"}, page.name
    ug = next(p for p in pages if p.name.endswith("-a-ug"))
    hatch = [d.item for d in _rec(ug).drawn if isinstance(d.item, Path) and d.item.fill is None
             and d.item.stroke is not None and len(d.item.rings) > 6]
    assert hatch, "hazard rooms are hatched"
    coloured = _booklet("gesamtschule.yaml")[3]
    assert len(_colours(coloured[2])) > 5


def _rec(page):
    rec = Recorder()
    rec.page(page)
    return rec


def test_mono_tells_entrances_exits_and_fire_brigade_apart(school):
    _site, plan, prof, _ = school
    page = map_pages(plan, prof, mono=True)[1]
    boxes = {}
    items = list(_texts(page.items))
    for it in (i for i in page.items if isinstance(i, Rect)):
        boxes[(round(it.x, 2), round(it.y, 2))] = it
    fills = {r.fill.hex.upper() for r in page.items if isinstance(r, Rect) and r.fill}
    assert {"#000000", "#FFFFFF"} <= fills
    codes = {t.text: t.fill.hex.upper() for t in items  # on the drawing, not the gazetteer
             if re.fullmatch(r"[EN]\d+", t.text) and t.x < 320}
    assert codes["N1"] == "#000000" and codes["E1"] == "#FFFFFF"  # black on white; white on black
