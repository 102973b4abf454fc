"""Responder map booklet (compose/maps/): assertions on the scenes, then on the PDF; compose
draws from the plan alone."""

from __future__ import annotations

import io
import math
import re

import pytest
from shapely import STRtree
from shapely.geometry import Polygon

from conftest import EXAMPLES, box, building, site_dict
from orientation import fonts
from orientation.compose import maps
from orientation.compose.maps import gazetteer_entries, map_pages, true_north_on_paper
from orientation.compose.maps.booklet import _slug
from orientation.compose.symbols import NAMES as SYMBOL_NAMES
from orientation.errors import OrientationError
from orientation.io.site_file import site_from_data
from orientation.layout import mapframe
from orientation.layout.engine import PlanOptions, make_plan
from orientation.layout.mapgeometry import storey_extent
from orientation.pipeline import load_site
from orientation.profiles import load_profile
from orientation.render.scene import Circle, Group, Rect, Text

DOORS = ("entrance", "emergency_exit", "fire_brigade", "service")
PAPER_MM = {"A3": (420.0, 297.0), "A4": (210.0, 297.0)}


# -- helpers ---------------------------------------------------------------------------------


def booklet(path, paper="A3", language=None):
    site = load_site(path)
    prof = load_profile(site.profile or "guetersloh")
    plan = make_plan(site, prof, options=PlanOptions(paper=paper))
    return site, plan, prof, map_pages(plan, prof, paper=paper, language=language)


def _compose(m1, m2):
    """Affine maps as (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f."""
    a1, b1, c1, d1, e1, f1 = m1
    a2, b2, c2, d2, e2, f2 = m2
    return (a1 * a2 + c1 * b2, b1 * a2 + d1 * b2, a1 * c2 + c1 * d2, b1 * c2 + d1 * d2,
            a1 * e2 + c1 * f2 + e1, b1 * e2 + d1 * f2 + f1)


def _group_matrix(g: Group):
    t = math.radians(g.rotate_deg)
    c, s = math.cos(t), math.sin(t)
    # rotate about (ox, oy) clockwise on paper (y down), then translate
    rot = (c, s, -s, c, g.ox - c * g.ox + s * g.oy, g.oy - s * g.ox - c * g.oy)
    return _compose((1, 0, 0, 1, g.dx, g.dy), rot)


def walk(items, m=(1, 0, 0, 1, 0, 0)):
    """(item, affine matrix to page coordinates) for every leaf item."""
    for it in items:
        if isinstance(it, Group):
            yield from walk(it.items, _compose(m, _group_matrix(it)))
        else:
            yield it, m


def texts(page):
    return [t for t, _ in walk(page.items) if isinstance(t, Text)]


#: The site plan's page name (DIN 14095: Übersichtsplan), sheet 2 after the object sheet.
SITE_PLAN_PAGE = r"02-(uebersichtsplan|site-plan)"
GAZETTEER_PAGE = r"03-(verzeichnis|gazetteer)"


def site_plan(pages):
    """The site plan's page (the object information comes first)."""
    return next(p for p in pages if re.fullmatch(SITE_PLAN_PAGE, p.name))


def text_polygon(t: Text, m) -> Polygon:
    """The ink box of a line of text: glyph advances from the font, capitals and accents
    (0.8 of the size) above the baseline, descenders (0.2) below."""
    w = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
    x0 = t.x - w * {"start": 0.0, "middle": 0.5, "end": 1.0}[t.anchor]
    pts = [(x0, t.y - 0.8 * t.size_mm), (x0 + w, t.y - 0.8 * t.size_mm),
           (x0 + w, t.y + 0.2 * t.size_mm), (x0, t.y + 0.2 * t.size_mm)]
    a, b, c, d, e, f = m
    return Polygon([(a * x + c * y + e, b * x + d * y + f) for x, y in pts])


def overlapping_texts(page):
    polys, items = [], []
    for it, m in walk(page.items):
        if isinstance(it, Text) and it.text.strip():
            polys.append(text_polygon(it, m))
            items.append(it)
    tree = STRtree(polys)
    bad = []
    for i, p in enumerate(polys):
        for j in tree.query(p):
            if j > i and p.intersection(polys[j]).area > 0.01:
                bad.append((items[i].text, items[j].text, round(items[i].x, 1), round(items[i].y, 1)))
    return bad


@pytest.fixture(scope="module")
def gesamtschule():
    return booklet("floorplans/gesamtschule.yaml")


@pytest.fixture(scope="module", params=[p.name for p in EXAMPLES])
def example(request):
    return booklet(f"floorplans/{request.param}")


# -- the booklet -----------------------------------------------------------------------------


def test_booklet_has_site_plan_and_every_storey(example):
    site, plan, _, pages = example
    storeys = sum(len(b.storeys) for b in site.buildings)
    gaz = 1 if any(re.fullmatch(GAZETTEER_PAGE, p.name) for p in pages) else 0
    # the object information (DIN 14095), the site plan, the gazetteer, the storey plans
    assert len(pages) == 2 + gaz + storeys
    assert re.fullmatch(r"01-(objektinformationen|object-information)", pages[0].name)
    assert re.fullmatch(SITE_PLAN_PAGE, pages[1].name)
    names = [p.name for p in pages]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"\d\d-[a-z0-9-]+", n) for n in names), names
    # buildings in plan order, storeys lowest first
    expected = [(bp.letter.lower(), name) for bp in plan.buildings
                for _lv, name in sorted(zip(bp.levels, bp.level_names, strict=True))]
    storey_pages = pages[2 + gaz:]
    for page, (letter, name) in zip(storey_pages, expected, strict=True):
        assert page.name.split("-")[1] == letter
        assert page.title.endswith(f"– {name}")
        assert dict(page.meta)["scale"].startswith("1:")
    # sheet n of m on every page
    total = len(pages)
    for i, page in enumerate(pages, start=1):
        words = " ".join(t.text for t in texts(page))
        assert f"{i} von {total}" in words or f"{i} of {total}" in words


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_every_page_is_the_paper_size(paper):
    *_, pages = booklet("floorplans/gesamtschule.yaml", paper)
    for page in pages:
        assert (page.width_mm, page.height_mm) == PAPER_MM[paper]


def test_site_plan_text_has_codes_letters_roads_scale_and_north(example):
    site, plan, _, pages = example
    words = {t.text for t in texts(site_plan(pages))}
    for m in plan.markings:
        if m.kind in DOORS:
            assert m.code in words, m.code
    for b in plan.buildings:
        assert b.letter in words, b.letter
    for f in site.site_features:
        if f.kind.value == "road" and f.name:
            assert f.name in words or any(f.name in w for w in words), f.name
    assert any(f"1:{plan.frame.scale}" in w for w in words)
    assert "N" in words


def test_no_two_words_overlap_on_any_page(example):
    *_, pages = example
    for page in pages:
        assert overlapping_texts(page) == [], page.name


@pytest.mark.parametrize("paper", ["A4"])
def test_no_overlaps_on_a4(paper):
    *_, pages = booklet("floorplans/gesamtschule.yaml", paper)
    for page in pages:
        assert overlapping_texts(page) == [], page.name


def test_nothing_under_the_minimum_text_size(example):
    *_, pages = example
    for page in pages:
        small = [(t.text, t.size_mm) for t in texts(page) if t.size_mm < 2.5 - 1e-9]
        assert small == [], page.name


def test_all_text_within_the_sheet(example):
    *_, pages = example
    for page in pages:
        for it, m in walk(page.items):
            if isinstance(it, Text):
                x0, y0, x1, y1 = text_polygon(it, m).bounds
                assert x0 >= 5 and y0 >= 5 and x1 <= page.width_mm - 5 and y1 <= page.height_mm - 5, (
                    page.name, it.text)


# -- grid and gazetteer ------------------------------------------------------------------------


def _gazetteer_pairs(page):
    """(code, cell) pairs laid out as gazetteer rows: a code and a cell on one baseline."""
    ts = texts(page)
    pairs = set()
    for t in ts:
        for u in ts:
            if u is not t and abs(u.y - t.y) < 0.01 and 2 < u.x - t.x < 25 and t.x >= 0:
                pairs.add((t.text, u.text))
    return pairs


def test_gazetteer_cells_match_the_plan_and_the_register(example):
    site, plan, _, pages = example
    gaz_pages = [site_plan(pages)] + [p for p in pages if re.fullmatch(GAZETTEER_PAGE, p.name)]
    pairs = set().union(*(_gazetteer_pairs(p) for p in gaz_pages))
    wanted = [m for m in plan.markings if m.kind in DOORS + ("stair",) or (m.kind == "room" and m.landmark)]
    assert wanted
    for m in wanted:
        cell = mapframe.grid_cell(plan.frame, m.at)
        assert m.grid == cell  # the register's column is the frame's cell
        assert (m.code, cell or "–") in pairs, (m.code, cell)
    entries = gazetteer_entries(plan)
    assert {e.code for e in entries} == {m.code for m in wanted}


def test_site_plan_grid_labels_sit_over_the_cells_the_register_names(gesamtschule):
    site, plan, _, pages = gesamtschule
    fr = plan.frame
    k = 1000 / fr.scale
    x, y, w, h = mapframe.sheet("A3").drawing
    ox = x + (w - fr.columns * fr.grid_m * k) / 2
    oy = y + (h - fr.rows * fr.grid_m * k) / 2
    ts = texts(site_plan(pages))
    letters = mapframe.column_labels(fr.columns)
    for m in plan.markings:
        if m.kind not in DOORS:
            continue
        u, v = mapframe.to_grid(fr, m.at)
        px, py = ox + u * k, oy + v * k
        col = re.match(r"[A-Z]+", m.grid).group()
        row = int(m.grid[len(col):])
        # the column letter is printed above the door's x, the row number beside its y
        tops = [t for t in ts if t.text == col and t.y < oy and abs(t.x - px) <= fr.grid_m * k / 2 + 1e-6]
        sides = [t for t in ts if t.text == str(row) and t.x < ox and abs(t.y - 1.17 - py) <= fr.grid_m * k / 2 + 0.1]
        assert tops and sides, (m.code, m.grid)
    assert letters[0] in {t.text for t in ts}


# -- orientation -----------------------------------------------------------------------------


@pytest.mark.parametrize(("north", "rot", "expect"), [
    (0, 0, (0, -1)), (90, 0, (-1, 0)), (0, 90, (-1, 0)), (0, -90, (1, 0)), (12, 0, None),
])
def test_true_north_on_paper(north, rot, expect):
    v = true_north_on_paper(north, rot)
    assert math.isclose(math.hypot(*v), 1.0)
    if expect is None:  # plan +y 12 degrees east of north: true north leans left of up
        assert v[0] < 0 and v[1] < 0
    else:
        assert v == pytest.approx(expect, abs=1e-9)


def _east_facing_site():
    doors = [{"id": "main", "at": [40, 10], "kind": "entrance", "main": True},
             {"id": "west", "at": [0, 10], "kind": "emergency_exit"}]
    data = site_dict([building(footprint=box(0, 0, 40, 20), doors=doors)])
    data["site_features"] = [{"kind": "road", "name": "Oststraße", "line": [[60, -40], [60, 60]]}]
    data["site"]["north_deg"] = 30
    return site_from_data(data, file="test")


def test_rotation_puts_the_main_entrance_at_the_bottom():
    site = _east_facing_site()
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof)
    assert plan.frame.rotation_deg == pytest.approx(-90.0)
    pages = map_pages(plan, prof)
    main = next(m for m in plan.markings if m.main)
    draw_x1 = mapframe.sheet("A3").drawing[0] + mapframe.sheet("A3").drawing[2]
    in_map = [t for t in texts(site_plan(pages)) if t.x < draw_x1]
    code = next(t for t in in_map if t.text == main.code)
    letter = next(t for t in in_map if t.text == plan.buildings[0].letter and t.size_mm > 10)
    assert code.y > letter.y + 5  # below the building on paper
    assert abs(code.x - letter.x) < 10
    # the ground-floor plan turns the same way: side A (the main entrance) at the bottom,
    # side C at the top, side B on the left as seen from the approach
    eg = next(p for p in pages if p.name.endswith("-eg"))
    ts = [t for t in texts(eg) if t.x < draw_x1]
    code = next(t for t in ts if t.text == main.code)
    side_mm = maps.MapStyle().side_mm
    side = {t.text: t for t in ts if t.text in "ABCD" and t.size_mm == side_mm}
    assert code.y > side["C"].y + 20
    assert side["B"].x < side["D"].x - 20
    assert side["A"].y > side["C"].y + 20


def test_north_arrow_turns_with_the_plan():
    site = _east_facing_site()
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof)
    page = site_plan(map_pages(plan, prof))
    # the N sits on the side of the arrow's circle that true north points to
    circle = next(it for it, _ in walk(page.items) if isinstance(it, Circle) and it.cx > 330 and it.cy < 45)
    n = next(t for t in texts(page) if t.text == "N")
    v = true_north_on_paper(30, -90)
    assert (n.x - circle.cx) * v[0] > 0 and (n.y - 1.6 - circle.cy) * v[1] > 0


# -- language, paper, symbols ----------------------------------------------------------------


def test_language_override_and_page_names(gesamtschule):
    site, plan, prof, _ = gesamtschule
    pages = map_pages(plan, prof, language="en")
    assert [p.name for p in pages[:2]] == ["01-object-information", "02-site-plan"]
    words = {t.text for t in texts(pages[1])}
    assert "Legend" in words and "Legende" not in words
    assert any(p.name.endswith("-a-eg") for p in pages)


def test_paper_must_match_the_plans_grid(gesamtschule):
    site, plan, prof, _ = gesamtschule
    with pytest.raises(OrientationError, match="A3"):
        map_pages(plan, prof, paper="A4")


def test_legend_lists_only_symbols_used(gesamtschule):
    *_, pages = gesamtschule
    site_words = {t.text for t in texts(site_plan(pages))}
    assert "Hydrant" in site_words and "Sammelplatz" in site_words
    assert "Aufzug" not in site_words  # the elevator is only on the storey plans
    eg = next(p for p in pages if p.name.endswith("-a-eg"))
    eg_words = {t.text for t in texts(eg)}
    assert "Aufzug" in eg_words and "Hydrant" not in eg_words


def test_storey_plans_show_room_codes_and_landmarks(gesamtschule):
    site, plan, _, pages = gesamtschule
    for bp in plan.buildings:
        for level, lname in zip(bp.levels, bp.level_names, strict=True):
            page = next(p for p in pages if p.title.endswith(f"– {lname}") and f" {bp.letter} " in p.title)
            words = " ".join(t.text for t in texts(page))
            for m in plan.markings:
                if m.building == bp.id and m.kind == "room" and m.level == level:
                    assert m.code in words, (page.name, m.code)
                    if m.landmark:
                        assert m.name in words
                if m.building == bp.id and m.kind == "stair" and level in m.levels:
                    assert m.code in words
                if m.building == bp.id and m.kind in DOORS and m.level == level:
                    assert m.code in words


def test_one_scale_for_every_storey_plan(gesamtschule):
    """DIN 14095: one scale for all storey plans of the site (no longer one per building)."""
    *_, pages = gesamtschule
    storeys = [p for p in pages if p.title.startswith("Geschossplan")]
    assert len(storeys) == 7
    assert len({dict(p.meta)["scale"] for p in storeys}) == 1


def test_labels_stay_clear_of_symbols_and_code_boxes(gesamtschule):
    """No label text lies on a filled box (code box or symbol) it does not belong to."""
    *_, pages = gesamtschule
    for page in pages:
        boxes = []
        for it, _ in walk(page.items):
            if isinstance(it, Rect) and it.fill is not None and it.w < 15 and it.h < 15:
                boxes.append(Polygon([(it.x, it.y), (it.x + it.w, it.y), (it.x + it.w, it.y + it.h),
                                      (it.x, it.y + it.h)]))
        tree = STRtree(boxes)
        for it, m in walk(page.items):
            if not isinstance(it, Text):
                continue
            poly = text_polygon(it, m)
            for j in tree.query(poly):
                b = boxes[j]
                inter = poly.intersection(b).area
                # text inside its own box is fine; text partly over a box is not
                assert inter < 0.05 or inter > 0.9 * poly.area - 1e-6 or b.contains(poly.centroid), (
                    page.name, it.text)


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_page_one_text_has_every_exterior_code(gesamtschule):
    pypdf = pytest.importorskip("pypdf")
    from orientation.render.pdf import render_pdf

    _, plan, _, pages = gesamtschule
    data = render_pdf(pages, title="maps")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(pages)
    text = reader.pages[1].extract_text()  # sheet 2: the site plan
    tokens = set(re.findall(r"[A-Za-z0-9.]+", text))
    for m in plan.markings:
        if m.kind in DOORS:
            assert m.code in tokens, m.code
    for page, pdf_page in zip(pages, reader.pages, strict=True):
        w = float(pdf_page.trimbox.width) * 25.4 / 72
        h = float(pdf_page.trimbox.height) * 25.4 / 72
        assert (round(w), round(h)) == (round(page.width_mm), round(page.height_mm))


def test_svg_pages_render(gesamtschule):
    from orientation.render.svg import render_svg

    *_, pages = gesamtschule
    for page in pages:
        svg = render_svg(page).decode()
        assert 'width="420mm"' in svg and 'height="297mm"' in svg


def test_slug():
    assert _slug("1. OG") == "1-og"
    assert _slug("Floor 1") == "floor-1"
    assert _slug("Übergang Süd") == "uebergang-sued"


def test_storey_extent_leaves_unrecorded_wings_out(gesamtschule):
    site, plan, *_ = gesamtschule
    main = site.building("main")
    assert storey_extent(main, 0) is None  # the ground floor fills the footprint
    ug = storey_extent(main, -1)
    assert ug is not None and ug.bounds[3] <= 20  # the basement is the south wing only
    # the plan carries it for the storey plans: the basement's part, the ground floor whole
    shape = plan.geometry.building("main")
    assert shape.storey(0).extent is None
    (outer, _holes), *more = shape.storey(-1).extent
    assert max(y for _, y in outer) <= 20


# -- a busy site: every feature kind, crowded doors, on both papers ---------------------------

FEATURE_KINDS = ("key_box", "fire_alarm_panel", "first_info_point", "sprinkler_valve", "riser",
                 "gas_shutoff", "power_shutoff", "water_shutoff", "aed", "first_aid",
                 "elevator", "hazard")


def _busy_site():
    doors = [{"id": "main", "at": [20, 0], "kind": "entrance", "main": True}]
    doors += [{"id": f"d{i}", "at": [2 + 4 * i, 20], "kind": k}
              for i, k in enumerate(["emergency_exit", "service", "fire_brigade", "entrance"] * 2)]
    features = [{"kind": k, "at": [18 + (i % 4) * 1.5, 1 + (i // 4) * 1.5], "name": f"{k} name"}
                for i, k in enumerate(FEATURE_KINDS)]
    rooms = [{"id": f"r{i}", "level": 0, "name": f"Raum {i}", "landmark": i == 0,
              "polygon": box(i * 5, 0, i * 5 + 5, 8)} for i in range(8)]
    b = building(footprint=box(0, 0, 40, 20), doors=doors, features=features, rooms=rooms,
                 stairs=[{"id": "t1", "at": [20, 12], "levels": [0, 1]}])
    data = site_dict([b, building("annex", footprint=box(50, 0, 60, 10),
                                  doors=[{"id": "a", "at": [55, 0], "kind": "entrance"}])])
    data["site_features"] += [
        {"kind": "fire_lane", "name": "Feuerwehrzufahrt", "line": [[-8, -15], [-8, 30], [70, 30]]},
        {"kind": "footway", "line": [[40, 5], [50, 5]]},
        {"kind": "hydrant", "name": "UH 1", "at": [25, -12]},
        {"kind": "hydrant", "name": "UH 2", "at": [26, -12]},
        {"kind": "gate", "name": "Tor", "at": [-8, -10]},
        {"kind": "assembly_point", "name": "Sammelplatz", "at": [70, 15]},
        {"kind": "parking", "name": "Parkplatz", "polygon": box(45, 15, 65, 25)},
        {"kind": "drivable_area", "polygon": box(-20, 0, -10, 20)},
        {"kind": "not_drivable", "polygon": box(62, 0, 70, 10)},
    ]
    return site_from_data(data, file="busy")


@pytest.mark.parametrize("paper", ["A3", "A4"])
def test_busy_site_places_everything_without_overlaps(paper):
    site = _busy_site()
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof, options=PlanOptions(paper=paper))
    pages = map_pages(plan, prof, paper=paper)
    for page in pages:
        assert overlapping_texts(page) == [], page.name
        assert (page.width_mm, page.height_mm) == PAPER_MM[paper]
    words = " ".join(t.text for t in texts(site_plan(pages)))
    for m in plan.markings:
        if m.kind in DOORS:
            assert m.code in {t.text for t in texts(site_plan(pages))}
    # the legend names every symbol of the storey plan's features
    eg = next(p for p in pages if p.name.endswith("-a-eg"))
    eg_words = " ".join(t.text for t in texts(eg)).replace("- ", "").replace("-", "")
    for k in FEATURE_KINDS:
        name = SYMBOL_NAMES["de"][k].replace("\u00ad", "").replace("-", "")
        assert name.split()[0] in eg_words, k
    assert "Hydrant" in words and "Sammelplatz" in words


def test_same_input_same_pages(gesamtschule):
    site, plan, prof, pages = gesamtschule
    assert map_pages(plan, prof) == pages


def _campus(n: int) -> object:
    """``n`` one-storey buildings of 20 x 10 m in rows beside the road, nine doors each: more
    codes than one gazetteer page holds."""
    buildings = []
    kinds = ["emergency_exit", "entrance", "emergency_exit", "service", "emergency_exit",
             "fire_brigade", "emergency_exit", "entrance"]
    for i in range(n):
        ox, oy = (i % 10) * 30.0, (i // 10) * 20.0
        doors = [{"id": "d0", "at": [ox + 10, oy], "kind": "entrance", "main": i == 0}]
        doors += [{"id": f"d{j + 1}", "at": [ox + 2 + 2 * j, oy + 10], "kind": k}
                  for j, k in enumerate(kinds)]
        buildings.append(building(f"b{i:02d}", footprint=box(ox, oy, ox + 20, oy + 10), doors=doors,
                                  storeys=[{"level": 0, "name": "EG"}]))
    return site_from_data(site_dict(buildings), file="campus")


def test_a_long_gazetteer_goes_on_as_many_pages_as_it_needs():
    site = _campus(120)  # 1,080 exterior doors: more than one page of the narrow columns
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof)
    pages = map_pages(plan, prof)
    gaz = [p for p in pages if re.fullmatch(r"\d\d-verzeichnis(-\d+)?", p.name)]
    assert len(gaz) >= 2
    # the object sheet, the site plan (an overview and its part plans on a crowded site),
    # then the gazetteer, then the storey plans
    site_pages = [p for p in pages if re.fullmatch(r"\d\d-uebersichtsplan(-teil-\d+)?", p.name)]
    first = 2 + len(site_pages)
    assert [p.name for p in gaz] == [f"{first + i:02d}-verzeichnis-{i + 1}" for i in range(len(gaz))]
    assert len(pages) == 1 + len(site_pages) + len(gaz) + len(site.buildings)
    # every exterior code with its cell, on a baseline shared by code and cell
    pairs = set()
    for page in gaz:
        assert overlapping_texts(page) == [], page.name
        by_line: dict[float, list[Text]] = {}
        for t in texts(page):
            by_line.setdefault(round(t.y, 2), []).append(t)
        assert len(by_line) > 10, f"{page.name} is (nearly) empty"
        for line in by_line.values():
            line.sort(key=lambda t: t.x)
            pairs |= {(a.text, b.text) for a, b in zip(line, line[1:]) if 2 < b.x - a.x < 25}
    doors = [m for m in plan.markings if m.kind in DOORS]
    assert len(doors) == 9 * 120
    missing = [m.code for m in doors if (m.code, m.grid or "–") not in pairs]
    assert missing == []
    # the site plan's title block names the gazetteer's pages, and the page of its notes
    site_words = {t.text for t in texts(site_plan(pages))}
    gaz_rows = [p for p in gaz if texts(p)[0].text.startswith("Verzeichnis")]
    last = first - 1 + len(gaz_rows)
    assert (f"Verzeichnis: Blatt {first}–{last}" if last > first
            else f"Verzeichnis: Blatt {first}") in site_words
    see = [w for w in site_words if w.startswith("Hinweise: Blatt ")]
    if see:
        n = int(see[0].rsplit(" ", 1)[1])
        assert "Hinweise zu Blatt 2" in {t.text for t in texts(pages[n - 1])}
    # sheet numbers run through
    for i, page in enumerate(pages, start=1):
        assert dict(page.meta)["sheet"] == f"{i}/{len(pages)}"


# -- compose draws from the plan alone ----------------------------------------------------------


def _imported_modules(path):
    """Absolute names of every module a source file imports (relative imports resolved)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "orientation.compose.maps"
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parts + ([base] if base else []))
            out.add(base)
            out |= {f"{base}.{a.name}" for a in node.names}
    return out


def test_maps_import_nothing_from_the_site_model_or_io():
    from pathlib import Path

    folder = Path(maps.__file__).parent
    files = sorted(folder.glob("*.py"))
    assert len(files) >= 9
    for f in files:
        imported = _imported_modules(f)
        bad = {m for m in imported if m == "orientation.model" or m.startswith(
            ("orientation.model.", "orientation.io", "orientation.layout.numbering",
             "orientation.layout.engine", "orientation.layout.geometry"))}
        assert not bad, (f.name, bad)


def test_the_import_check_sees_a_model_import(tmp_path):
    f = tmp_path / "x.py"
    f.write_text("from ...model import Site\nfrom ...plan import Plan\n")
    assert "orientation.model" in _imported_modules(f)


def test_maps_modules_stay_small():
    from pathlib import Path

    for f in Path(maps.__file__).parent.glob("*.py"):
        assert len(f.read_text(encoding="utf-8").splitlines()) <= 600, f.name


def test_the_old_call_with_a_site_still_works(gesamtschule):
    site, plan, prof, pages = gesamtschule
    assert map_pages(site, plan, prof) == pages


def test_a_plan_without_map_geometry_is_a_layout_error(gesamtschule):
    import dataclasses

    from orientation.errors import LayoutError

    _, plan, prof, _ = gesamtschule
    with pytest.raises(LayoutError, match="map geometry"):
        map_pages(dataclasses.replace(plan, geometry=None), prof)


def test_the_map_palette_comes_from_the_resolved_style():
    # the maps take their inks the one way signs do: the profile's resolved Style
    from orientation.compose.common import ink_color
    from orientation.compose.maps.style import _palette
    from orientation.compose.symbols import Ink

    prof = load_profile("guetersloh")
    st = prof.resolved
    pal = _palette(prof)
    assert pal == _palette(st)
    assert pal.ink == Ink.from_style(st)
    assert pal.blue == ink_color(st.map["entrance"])
    assert pal.grey20 == ink_color(st.paper["grey_20"])
    assert pal.stair == ink_color(st.map["stair"])
    assert dict(pal.door) == {k: ink_color(st.map[k]) for k in pal.door}
    with pytest.raises(TypeError):
        pal.door["entrance"] = pal.red  # type: ignore[index]
