"""Storey plans draw the building as it is (issue 16): each storey's own outline, room uses
under the room numbers, hazard rooms in the DIN 14095 / TRVB colours with the warning
triangle, a lift or riser on every storey it serves, shafts without numbers, and no label
across a wall. Checked on the scenes through the recording backend."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from shapely.geometry import Point, Polygon

from conftest import box, building, site_dict
from orientation import fonts, words
from orientation.compose.common import ink_color
from orientation.compose.maps import map_pages
from orientation.compose.maps.storeyplan import _storey_view
from orientation.compose.maps.style import _layout, _palette
from orientation.io.site_file import site_from_data
from orientation.layout import mapframe
from orientation.layout.engine import make_plan
from orientation.model import RoomUse
from orientation.pipeline import load_site
from orientation.profiles import load_profile
from orientation.render.scene import Path, Recorder, Rect, Text

DRAWING = mapframe.sheet("A3").drawing


def _booklet(path):
    site = load_site(path)
    prof = load_profile(site.profile or "guetersloh")
    plan = make_plan(site, prof)
    return site, plan, prof, map_pages(plan, prof)


@pytest.fixture(scope="module")
def school():
    return _booklet("floorplans/gesamtschule.yaml")


@pytest.fixture(scope="module")
def elementary():
    return _booklet("floorplans/us-elementary.yaml")


@pytest.fixture(scope="module", params=["gesamtschule", "rathaus", "us-elementary"])
def example(request):
    return _booklet(f"floorplans/{request.param}.yaml")


def _view(plan, shape):
    ctx = SimpleNamespace(lay=_layout(plan.frame.paper), frame=plan.frame)
    return _storey_view(ctx, shape, shape.storey_scale)


def _storey_pages(plan, pages, building_id):
    """level -> page of the building's storey plans."""
    bp = next(b for b in plan.buildings if b.id == building_id)
    out = {}
    for level, name in zip(bp.levels, bp.level_names, strict=True):
        out[level] = next(p for p in pages
                          if p.title.endswith(f"– {name}") and f" {bp.letter} " in p.title)
    return out


def _in_drawing(x, y):
    x0, y0, w, h = DRAWING
    return x0 <= x <= x0 + w and y0 <= y <= y0 + h


def _drawn(page):
    return Recorder().page(page)


def _texts(page):
    """(text item, its ink box on the sheet) of every line of text in the drawing area."""
    out = []
    for d in _drawn(page):
        t = d.item
        if not isinstance(t, Text) or not t.text.strip():
            continue
        x, y = d.at(t.x, t.y)
        if not _in_drawing(x, y):
            continue
        w = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
        x0 = x - w * {"start": 0.0, "middle": 0.5, "end": 1.0}[t.anchor]
        out.append((t, Polygon([(x0, y - 0.72 * t.size_mm), (x0 + w, y - 0.72 * t.size_mm),
                                (x0 + w, y + 0.2 * t.size_mm), (x0, y + 0.2 * t.size_mm)])))
    return out


def _filled_paths(page):
    return [(d.item, Polygon([d.at(*q) for q in d.item.rings[0]],
                             [[d.at(*q) for q in r] for r in d.item.rings[1:]]))
            for d in _drawn(page)
            if isinstance(d.item, Path) and d.item.closed and d.item.fill is not None
            and len(d.item.rings[0]) >= 3]


# -- 1. storey outlines ------------------------------------------------------------------------


def test_floor_2_draws_no_floor_over_the_one_storey_gym_wing(elementary):
    site, plan, prof, pages = elementary
    shape = plan.geometry.building("main")
    view = _view(plan, shape)
    gym = Point(view.p((42, 40)))  # the middle of the gym/cafeteria stem
    bar = Point(view.p((40, 11)))  # the corridor of the classroom bar
    by_level = _storey_pages(plan, pages, "main")
    floor1 = [poly for _, poly in _filled_paths(by_level[0])]
    floor2 = [poly for _, poly in _filled_paths(by_level[1])]
    # floors and rooms (the page's white ground is a rectangle, not a path)
    assert all(p.area < 0.9 * DRAWING[2] * DRAWING[3] for p in floor1 + floor2)
    assert any(p.covers(gym) for p in floor1), "Floor 1 has the gym"
    assert any(p.covers(bar) for p in floor2), "Floor 2 has the bar"
    assert not any(p.covers(gym) for p in floor2), "Floor 2 draws floor over the gym wing"
    # the wing is shown as the building's dashed outline
    dashed = [d for d in _drawn(by_level[1]) if isinstance(d.item, Path) and not d.item.closed
              and d.item.stroke is not None and d.item.stroke.dash_mm]
    assert dashed
    legend = " ".join(d.item.text for d in _drawn(by_level[1]) if isinstance(d.item, Text))
    assert "not on this floor" in legend


# -- 2. room uses ------------------------------------------------------------------------------


def _room_polys(plan, building_id, level):
    shape = plan.geometry.building(building_id)
    view = _view(plan, shape)
    return {r.id: (r, Polygon(view.ring(r.ring))) for r in shape.storey(level).rooms}


def test_every_room_with_a_use_shows_its_word_in_the_room(example):
    site, plan, prof, pages = example
    lang = plan.language
    missing = []
    for b in plan.geometry.buildings:
        for level, page in _storey_pages(plan, pages, b.id).items():
            texts = _texts(page)
            # a room that holds a feature's symbol too may give up its use word for it
            # (at the site's one storey scale a small foyer holds its code and a symbol,
            # DIN 14095), never its code
            points = [Point(f.at) for f in b.features if f.on(level)]
            for rid, (room, poly) in _room_polys(plan, b.id, level).items():
                if not room.use or room.shaft:
                    continue
                if any(Polygon(room.ring).covers(pt) for pt in points):
                    continue
                m = plan.marking(f"{b.id}/{rid}")
                word = words.get("room-use." + room.use, lang)
                if m.landmark and m.name and word.casefold() in m.name.casefold().split():
                    word = m.name  # "WC Lehrkräfte" says it
                inside = [t for t, tp in texts if t.text == word and poly.buffer(0.1).covers(tp)]
                code_inside = [t for t, tp in texts if t.text == m.code and poly.covers(tp.centroid)]
                if code_inside and not inside:
                    missing.append((page.name, m.code, word))
    assert missing == []


def test_the_legend_explains_the_abbreviations_on_its_sheet(school):
    site, plan, prof, pages = school
    by_level = _storey_pages(plan, pages, "main")
    legend = {d.item.text for d in _drawn(by_level[0]) if isinstance(d.item, Text)
              and d.at(d.item.x, d.item.y)[0] > DRAWING[0] + DRAWING[2]}
    assert "WC" in legend and "Toiletten" in legend  # WC on the ground floor
    assert "Bibl." not in legend  # no library on the ground floor
    assert "Raumnutzung (unter der" in " ".join(legend) or any("Raumnutzung" in t for t in legend)
    og1 = {d.item.text for d in _drawn(by_level[1]) if isinstance(d.item, Text)}
    assert "Bibl." in og1 and "Bibliothek" in og1


# -- 3. hazards --------------------------------------------------------------------------------


def test_hazard_rooms_are_filled_with_the_hazard_inks_and_carry_the_triangle(school):
    site, plan, prof, pages = school
    pal = _palette(prof)
    paper = prof.resolved.paper
    # the tints are the style's inks (colors.yaml: sRGB and CMYK), red for fire, yellow for
    # explosion and other hazards
    assert pal.hazard_fire_tint == ink_color(paper["hazard_fire_tint"])
    assert pal.hazard_other_tint == ink_color(paper["hazard_other_tint"])
    assert pal.hazard_fire_tint.cmyk == (0.0, 0.24, 0.26, 0.10)
    assert paper["hazard_fire"].ral == "RAL 3001" and paper["hazard_other"].ral == "RAL 1003"
    by_level = _storey_pages(plan, pages, "main")
    for level, rid, tint in ((-1, "r-ug-05", pal.hazard_fire_tint),  # Heizung
                             (-1, "r-ug-04", pal.hazard_other_tint),  # Elektroraum NSHV
                             (2, "r-2og-27", pal.hazard_other_tint)):  # Vorbereitung Chemie
        room, poly = _room_polys(plan, "main", level)[rid]
        fills = [item.fill for item, p in _filled_paths(by_level[level])
                 if p.equals_exact(poly, 1e-6) or abs(p.area - poly.area) < 1e-6 and p.centroid.distance(poly.centroid) < 1e-6]
        assert tint in fills, (rid, fills)
        # a warning triangle (yellow, three corners) inside the room
        tris = [p for item, p in _filled_paths(by_level[level])
                if item.fill == pal.ink.yellow and len(item.rings[0]) == 3]
        assert any(poly.covers(t.centroid) for t in tris), rid
    # an ordinary room stays white
    _, poly = _room_polys(plan, "main", 0)["r-eg-04"]
    fills = [item.fill for item, p in _filled_paths(by_level[0])
             if abs(p.area - poly.area) < 1e-6 and p.centroid.distance(poly.centroid) < 1e-6]
    assert fills and all(f == pal.white for f in fills)
    # the legend says what the colours mean, on the sheets that use them
    ug = " ".join(d.item.text for d in _drawn(by_level[-1]) if isinstance(d.item, Text))
    assert "Bereich erhöhter" in ug and "Explosions- oder" in ug
    eg = " ".join(d.item.text for d in _drawn(by_level[0]) if isinstance(d.item, Text))
    assert "Bereich erhöhter" not in eg


def test_the_hazard_label_of_the_2nd_floor_stays_off_the_walls(school):
    site, plan, prof, pages = school
    page = _storey_pages(plan, pages, "main")[2]
    rooms = _room_polys(plan, "main", 2)
    shape = plan.geometry.building("main")
    outline = Polygon(_view(plan, shape).ring(shape.storey(2).outline))
    _, chem = rooms["r-2og-27"]
    labels = [(t, tp) for t, tp in _texts(page) if t.text.startswith("Chemikalienlager")]
    assert labels, "the hazard's name is on the plan"
    for _t, tp in labels:
        # inside the chemicals store, or out of the building altogether (with a leader)
        assert chem.covers(tp) or not outline.intersects(tp)


# -- 4. vertical elements --------------------------------------------------------------------


def test_the_lift_and_the_riser_are_on_all_four_storeys_once(school):
    site, plan, prof, pages = school
    pal = _palette(prof)
    shape = plan.geometry.building("main")
    view = _view(plan, shape)
    lift_at = Point(view.p((53.5, 14.25)))
    by_level = _storey_pages(plan, pages, "main")
    assert sorted(by_level) == [-1, 0, 1, 2]
    for level, page in by_level.items():
        drawn = _drawn(page)
        squares = [Polygon([d.at(it.x, it.y), d.at(it.x + it.w, it.y),
                            d.at(it.x + it.w, it.y + it.h), d.at(it.x, it.y + it.h)])
                   for d in drawn if isinstance(it := d.item, Rect) and it.fill == pal.ink.blue
                   and abs(it.w - it.h) < 1e-9 and it.w >= 8 - 1e-9
                   and _in_drawing(*d.at(it.x, it.y))]
        assert len(squares) == 1, (level, len(squares))  # one lift symbol, near its point
        assert squares[0].distance(lift_at) < 15
        risers = [d for d in drawn if isinstance(d.item, Rect) and d.item.fill == pal.ink.red
                  and d.item.w >= 8 - 1e-9 and _in_drawing(*d.at(d.item.x, d.item.y))]
        assert risers, level
        legend = [d.item.text for d in drawn if isinstance(d.item, Text)]
        assert legend.count("Aufzug") == 1 and legend.count("Steigleitung") == 1


def test_every_stair_has_its_code_on_every_storey_plan_it_serves(example):
    site, plan, prof, pages = example
    pal = _palette(prof)
    for bp in plan.buildings:
        for level, page in _storey_pages(plan, pages, bp.id).items():
            drawn = _drawn(page)
            boxes = [Polygon([d.at(it.x, it.y), d.at(it.x + it.w, it.y),
                              d.at(it.x + it.w, it.y + it.h), d.at(it.x, it.y + it.h)])
                     for d in drawn if isinstance(it := d.item, Rect) and it.fill == pal.stair]
            codes = {t.text for t, tp in _texts(page) if any(b.covers(tp.centroid) for b in boxes)}
            for m in plan.markings:
                if m.kind == "stair" and m.building == bp.id and level in m.levels:
                    assert m.code in codes, (page.name, m.code)


# -- 2./3. nothing across a wall -----------------------------------------------------------------


def _boxes(page):
    """The filled rectangles of the drawing (symbols, code boxes) on the sheet."""
    return [Polygon([d.at(it.x, it.y), d.at(it.x + it.w, it.y), d.at(it.x + it.w, it.y + it.h),
                     d.at(it.x, it.y + it.h)])
            for d in _drawn(page) if isinstance(it := d.item, Rect) and it.fill is not None
            and it.w < 15 and it.h < 15]


def test_no_label_on_a_storey_plan_crosses_a_room_wall(example):
    """Every label in the drawing lies inside a room or clear of it: a room code, a use
    word, a hazard's name, a callout; door codes and side letters sit outside. (The letters
    inside a symbol or a code box are that box's.)"""
    site, plan, prof, pages = example
    bad = []
    labels = 0
    for b in plan.geometry.buildings:
        for level, page in _storey_pages(plan, pages, b.id).items():
            rooms = [poly for _, poly in _room_polys(plan, b.id, level).values()]
            boxes = _boxes(page)
            for t, tp in _texts(page):
                if any(bx.covers(tp.centroid) for bx in boxes):
                    continue
                labels += 1
                for poly in rooms:
                    inter = poly.intersection(tp).area
                    if 0.02 < inter < tp.area - 0.02:
                        bad.append((page.name, t.text))
    assert labels > 20 and bad == []


# -- 4. shafts ----------------------------------------------------------------------------------


def _shaft_site():
    rooms = [
        {"id": "r1", "level": 0, "name": "Büro", "use": "office", "polygon": box(0, 0, 12, 8)},
        {"id": "tr", "level": 0, "use": "stair", "polygon": box(12, 0, 17, 8)},
        {"id": "lift", "level": 0, "use": "lift", "polygon": box(17, 0, 20, 3)},
        {"id": "r2", "level": 0, "name": "Heizung", "use": "heating", "polygon": box(20, 0, 40, 8)},
    ]
    b = building(rooms=rooms, stairs=[{"id": "t1", "at": [14.5, 4], "levels": [0, 1]}],
                 features=[{"kind": "elevator", "at": [18.5, 1.5], "levels": [0, 1]}])
    return site_from_data(site_dict([b]), file="shafts")


def test_shafts_are_hatched_without_a_room_number():
    site = _shaft_site()
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof)
    pages = map_pages(plan, prof)
    pal = _palette(prof)
    eg = _storey_pages(plan, pages, "main")[0]
    rooms = _room_polys(plan, "main", 0)
    hatch = [d for d in _drawn(eg) if isinstance(d.item, Path) and not d.item.closed
             and d.item.stroke is not None and d.item.stroke.color == pal.grey50
             and d.item.stroke.width_mm == 0.2]
    for rid in ("tr", "lift"):
        room, poly = rooms[rid]
        assert room.shaft
        lines = [seg for d in hatch for seg in d.item.rings
                 if poly.buffer(0.05).covers(Point(d.at(*seg[0])))]
        assert lines, rid  # hatched (treads, or the lift's cross)
        m = plan.marking(f"main/{rid}")
        if m is not None:  # numbered by an older layout: still no number on the plan
            assert not any(t.text == m.code for t, tp in _texts(eg) if poly.covers(tp.centroid))
    texts = " ".join(d.item.text for d in _drawn(eg) if isinstance(d.item, Text))
    assert "Treppenraum" in texts and "Aufzugsschacht" in texts
    assert "Bereich erhöhter" in texts  # the boiler room
    office = plan.marking("main/r1")
    assert any(t.text == office.code for t, _ in _texts(eg))
    # the lift is drawn on both storeys
    og = _storey_pages(plan, pages, "main")[1]
    for page in (eg, og):
        assert any(isinstance(d.item, Rect) and d.item.fill == pal.ink.blue and d.item.w >= 8
                   for d in _drawn(page))


def test_every_room_use_has_its_words():
    for use in RoomUse:
        for prefix in ("room-use.", "room-use-name."):
            entry = words.CATALOGUE[prefix + use.value]
            assert entry["de"] and entry["en"]
        assert len(words.text("room-use." + use.value, "de")) <= 10
