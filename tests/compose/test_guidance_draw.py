"""Guidance signs, inner doors and escape routes as compose draws and lists them (issue 17).

The plan is the bundled Gesamtschule's with guidance signs, inner doors and escape routes added
by hand (``dataclasses.replace``), so these tests do not depend on the layout that will make
them: sign panels with their arrow, the arrow's side, the proof sheet, the schedule and the
installation list, and the storey plans' escape routes (RAL 6019), door marks and guidance
marks with their legend rows.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import ROOT
from orientation import fonts, words
from orientation.compose.common import text_box, walk_texts
from orientation.compose.maps import map_pages
from orientation.compose.schedule import location_rows, schedule_pages, schedule_rows
from orientation.compose.signs import proof_pages, sign_block, sign_page, sign_pages
from orientation.io.site_file import read_site
from orientation.layout import sizing
from orientation.layout.engine import make_plan
from orientation.plan import DoorPoint, Marking, Plan, Sign
from orientation.profiles import Profile, load_profile
from orientation.render.scene import Page, Path, Recorder, Text

PASTEL_GREEN = "#BDECB6"  # RAL 6019

#: (decision point, sign text, subtext, arrow, direction, facing) on the EG of the main
#: building, whose corridor runs along y = 9 (rooms 7.5 m deep either side)
GUIDANCE = (
    ((49.0, 9.0), "T2", "Treppe", "left", (0.0, 1.0), (-1.0, 0.0)),
    ((49.0, 9.0), "A023–A025", "Räume", "ahead", (1.0, 0.0), (-1.0, 0.0)),
    ((40.0, 9.0), "Sekretariat", "", "left", (-1.0, 0.0), (0.0, -1.0)),
    ((40.0, 9.0), "T1", "Treppe", "left", (-1.0, 0.0), (0.0, -1.0)),
    ((40.0, 9.0), "A016–A022", "Räume", "right", (1.0, 0.0), (0.0, -1.0)),
    ((70.0, 9.0), "A002", "Raum", "back", (-1.0, 0.0), (-1.0, 0.0)),
)
INNER_DOORS = (
    DoorPoint((30.0, 7.5), 1.0), DoorPoint((21.0, 7.5), 1.0), DoorPoint((26.0, 10.5), 1.0),
    DoorPoint((9.0, 34.0), 2.0), DoorPoint((71.0, 26.0), 2.0),
    DoorPoint((4.0, 7.5), 1.0, assumed=True), DoorPoint((12.0, 7.5), 1.0, assumed=True),
    DoorPoint((51.0, 7.5), 1.0, assumed=True), DoorPoint((60.0, 7.5), 1.0, assumed=True),
)
ROUTES = (
    ((20.0, 9.0), (0.0, 9.0)),
    ((9.0, 30.0), (9.0, 9.0), (0.0, 9.0)),
    ((45.0, 9.0), (40.0, 9.0), (40.0, 0.0)),
    ((55.0, 9.0), (76.25, 9.0), (76.25, 3.75)),
)


def guidance_sign(prof: Profile, n: int, marking: Marking, text: str, subtext: str,
                  arrow: str, direction, facing) -> Sign:
    """A guidance sign as the layout sizes it (the profile's reading distance, cap height
    and panel, with its arrow)."""
    style = prof.style("guidance")
    bg, fg = prof.color(style.background), prof.color(style.foreground)
    distance = prof.sizing.interior_reading_distance_m.get("guidance", 10.0)
    cap = sizing.cap_height(prof, "guidance", distance, exterior=False, material=style.material)
    panel = sizing.panel_size(prof, "guidance", text, subtext, cap.cap_mm, arrow=arrow)
    return Sign(
        id=f"S-G{n:03d}", marking=marking.id, kind="guidance", text=text, placement="interior",
        width_mm=panel.width_mm, height_mm=panel.height_mm, cap_height_mm=cap.cap_mm,
        reading_distance_m=distance, background=bg.srgb, foreground=fg.srgb,
        contrast=sizing.michelson_contrast(bg.srgb, fg.srgb), material=style.material,
        anchor=marking.at, facing=facing, subtext=subtext, building=marking.building,
        level=marking.level, background_name=bg.label, foreground_name=fg.label,
        arrow=arrow, direction=direction)


def with_guidance(plan: Plan, prof: Profile, *, doors: bool = True, routes: bool = True,
                  signs: bool = True) -> Plan:
    """The plan with the EG of the main building given guidance signs (and their markings),
    inner doors and escape routes, as the layout will give them."""
    markings, new_signs = [], []
    for n, (at, text, sub, arrow, direction, facing) in enumerate(GUIDANCE if signs else (), 1):
        m = Marking(id=f"main/g-{n}", code=text, kind="guidance", building="main", level=0,
                    at=at, side=None, element=f"g-{n}", grid="E6")
        markings.append(m)
        new_signs.append(guidance_sign(prof, n, m, text, sub, arrow, direction, facing))
    geo = plan.geometry
    assert geo is not None
    shapes = []
    for b in geo.buildings:
        if b.id == "main":
            b = replace(b, storeys=tuple(
                replace(s, inner_doors=INNER_DOORS if doors else (),
                        escape_routes=ROUTES if routes else ()) if s.level == 0 else s
                for s in b.storeys))
        shapes.append(b)
    return replace(plan, markings=(*plan.markings, *markings),
                   signs=(*plan.signs, *new_signs),
                   geometry=replace(geo, buildings=tuple(shapes)))


def without_guidance(plan: Plan) -> Plan:
    """The plan without guidance signs, inner doors and escape routes, whatever the layout
    made of them: these tests bring their own."""
    geo = plan.geometry
    assert geo is not None
    return replace(
        plan, markings=tuple(m for m in plan.markings if m.kind != "guidance"),
        signs=tuple(s for s in plan.signs if s.kind != "guidance"),
        geometry=replace(geo, buildings=tuple(
            replace(b, storeys=tuple(replace(s, inner_doors=(), escape_routes=())
                                     for s in b.storeys))
            for b in geo.buildings)))


@pytest.fixture(scope="module")
def school() -> tuple[Plan, Plan, Profile]:
    prof = load_profile("guetersloh")
    plan = without_guidance(
        make_plan(read_site(str(ROOT / "floorplans" / "gesamtschule.yaml")), prof))
    return plan, with_guidance(plan, prof), prof


def _guidance(plan: Plan) -> list[Sign]:
    return [s for s in plan.signs if s.kind == "guidance"]


def _arrow(page: Page) -> Path:
    paths = [it for it in page.items if isinstance(it, Path)]
    assert len(paths) == 1, page.name
    return paths[0]


def _bounds(pts) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


# --- the sign --------------------------------------------------------------------------------


def test_the_panel_holds_text_and_arrow_within_its_margins(school):
    _, plan, prof = school
    for sign in _guidance(plan):
        block = sign_block(sign, prof)
        assert block.arrow is not None and block.arrow.points == sign.arrow
        need_w, need_h = block.need_mm
        assert sign.width_mm >= need_w - 0.01 and sign.height_mm >= need_h - 0.01
        page = sign_page(sign, prof)
        m = block.margin_mm
        ax0, ay0, ax1, ay1 = _bounds(_arrow(page).rings[0])
        h = sign.cap_height_mm
        # about one cap height wide, as tall as the code, inside the margins
        assert ax1 - ax0 == pytest.approx(sizing.ARROW_WIDTH * h, rel=0.01)
        assert ay1 - ay0 == pytest.approx(h, rel=0.01)
        assert m - 0.05 <= ax0 and ax1 <= sign.width_mm - m + 0.05
        assert m - 0.05 <= ay0 and ay1 <= sign.height_mm - m + 0.05
        for t in walk_texts(page.items):
            x0, y0, x1, y1 = text_box(t)
            assert m - 0.05 <= x0 and x1 <= sign.width_mm - m + 0.05, (sign.text, t.text)
            # text and arrow do not meet: the gap is kept
            assert x1 <= ax0 - sizing.ARROW_GAP * h + 0.05 or x0 >= ax1 + sizing.ARROW_GAP * h - 0.05
        code = next(t for t in walk_texts(page.items) if t.weight == "bold")
        assert code.text == sign.text
        assert code.size_mm * fonts.cap_height_ratio("bold") == pytest.approx(h, rel=0.01)
        # the arrow stands on the code line
        assert ay1 == pytest.approx(code.y, abs=0.01)


def test_the_arrow_stands_on_the_side_it_points_and_is_drawn_that_way(school):
    _, plan, prof = school
    seen = set()
    for sign in _guidance(plan):
        page = sign_page(sign, prof)
        ring = _arrow(page).rings[0]
        ax0, ay0, ax1, ay1 = _bounds(ring)
        code = next(t for t in walk_texts(page.items) if t.weight == "bold")
        cx0, _, cx1, _ = text_box(code)
        if sign.arrow == "left":
            assert ax1 < cx0
        else:
            assert ax0 > cx1
        tip = ring[3]  # the arrow's tip points its way (y down on paper)
        cx, cy = (ax0 + ax1) / 2, (ay0 + ay1) / 2
        way = {"left": (-1, 0), "right": (1, 0), "ahead": (0, -1), "back": (0, 1)}[sign.arrow]
        assert (tip[0] - cx) * way[0] + (tip[1] - cy) * way[1] == pytest.approx(
            sign.cap_height_mm / 2, rel=0.01)
        seen.add(sign.arrow)
    assert seen == {"left", "right", "ahead", "back"}


def test_sizing_the_arrow_takes_room_beside_the_text():
    prof = load_profile("guetersloh")
    plain = sizing.text_block(prof.sizing, "room", "T2", "Treppe", 50.0)
    arrow = sizing.text_block(prof.sizing, "guidance", "T2", "Treppe", 50.0, arrow="left")
    assert plain.arrow is None
    assert arrow.arrow is not None and arrow.arrow.side == "left"
    assert arrow.width_mm == pytest.approx(plain.width_mm + 1.4 * 50.0)
    assert arrow.height_mm == plain.height_mm
    # the side does not change the size; a guidance sign always has the arrow's room
    right = sizing.panel_size(prof, "guidance", "T2", "Treppe", 50.0, arrow="right")
    assert sizing.panel_size(prof, "guidance", "T2", "Treppe", 50.0, arrow="left") == right
    assert sizing.panel_size(prof, "guidance", "T2", "Treppe", 50.0) == right
    assert sizing.text_block(prof.sizing, "guidance", "T2", "", 50.0,
                             arrow="ahead").arrow.side == "right"  # type: ignore[union-attr]


def test_white_on_blue_and_metadata(school):
    _, plan, prof = school
    sign = _guidance(plan)[0]
    page = sign_page(sign, prof, language="de")
    bg = page.items[0]
    assert bg.fill.hex == "#063971"  # type: ignore[union-attr]
    assert _arrow(page).fill.hex == "#ECECE7"  # type: ignore[union-attr]
    assert {t.fill.hex for t in walk_texts(page.items)} == {"#ECECE7"}
    meta = dict(page.meta)
    assert meta["kind"] == "guidance" and meta["arrow"] == "left"
    assert meta["material"] == "photoluminescent" and meta["code"] == "T2"
    assert meta["colors"].startswith("RAL 9003") and "RAL 5017" in meta["colors"]
    assert page.title == f"T2 – Treppe · Wegweiser links ({sign.marking})"
    en = sign_page(sign, prof, language="en")
    assert en.title == f"T2 – Treppe · Guidance sign left ({sign.marking})"


def test_no_glyph_for_the_arrow(school):
    _, plan, prof = school
    for sign in _guidance(plan):
        drawn = [t.text for t in walk_texts(sign_page(sign, prof).items)]
        assert drawn == [sign.text] + ([sign.subtext] if sign.subtext else [])


def test_a_guidance_sign_without_its_arrow_is_refused(school):
    from orientation.compose.common import SignLayoutError

    _, plan, prof = school
    sign = _guidance(plan)[0]
    with pytest.raises(SignLayoutError, match="arrow"):
        sign_page(replace(sign, arrow="up"), prof)


def test_other_signs_are_drawn_as_before(school):
    """A room sign's scene (and every other kind's) is the same with guidance signs in the
    plan; the sizing of other kinds has no arrow."""
    base, plan, prof = school
    for before, after in zip(sign_pages(base, prof), sign_pages(plan, prof)):
        assert before == after
    room = next(s for s in base.signs if s.kind == "room" and s.subtext)
    assert sign_block(room, prof).arrow is None
    # the same text as a room sign and as a guidance sign: only the guidance one is wider
    g = replace(room, kind="guidance", arrow="right", id="S-X")
    assert sign_block(g, prof).width_mm > sign_block(room, prof).width_mm


# --- proof, schedule, installation list ------------------------------------------------------


def _texts(pages) -> list[str]:
    return [t.text for p in pages for t in walk_texts(p.items)]


def test_proof_lists_guidance_signs_in_both_languages(school):
    _, plan, prof = school
    de = _texts(proof_pages(plan, prof))
    assert "Wegweiser links" in de and "Wegweiser geradeaus" in de
    assert "Wegweiser rechts" in de and "Wegweiser zurück" in de
    assert "A023–A025" in de
    en = _texts(proof_pages(replace(plan, language="en"), prof))
    assert "Guidance sign left" in en and "Guidance sign back" in en


def test_schedule_has_a_guidance_row_counting_every_guidance_sign(school):
    _, plan, prof = school
    rows = [r for r in schedule_rows(plan, prof) if r.kind == "guidance"]
    assert sum(r.quantity for r in rows) == len(GUIDANCE)
    assert {r.kind_label for r in rows} == {"Wegweiser"}
    assert all(r.unit_price > 0 and r.placement == "interior" for r in rows)
    assert sum(r.quantity for r in schedule_rows(plan, prof)) == len(plan.signs)
    en = schedule_rows(replace(plan, language="en"), prof)
    assert {r.kind_label for r in en if r.kind == "guidance"} == {"Guidance sign"}


def test_installation_list_says_where_each_guidance_sign_goes(school):
    _, plan, prof = school
    rows = [r for r in location_rows(plan) if r.kind == "guidance"]
    assert len(rows) == len(GUIDANCE) and {r.storey for r in rows} == {"EG"}
    de = _texts(schedule_pages(plan, prof))
    assert "Wegweiser" in de
    cells = [t for t in de if "Feld E6" in t]
    assert len(cells) == len(GUIDANCE)
    # the sign at (49, 9) faces west (plan axes), the plan's +y is 12° east of north: the
    # reader looks at it from the west
    assert any("49" in t and "Westen" in t for t in cells)
    assert any("Pfeil links" in t for t in de) and any("Pfeil zurück" in t for t in de)
    en = _texts(schedule_pages(replace(plan, language="en"), prof))
    assert any("cell E6" in t and "facing west" in t for t in en)
    assert any("arrow ahead" in t for t in en)


# --- storey plans ----------------------------------------------------------------------------


def _storey_page(plan: Plan, prof: Profile, level: int = 0, lang: str = "de") -> Page:
    name = {-1: "UG", 0: "EG", 1: "1. OG", 2: "2. OG"}[level]
    pages = map_pages(replace(plan, language=lang), prof)
    return next(p for p in pages if p.title.endswith(f"– {name}") and " A " in p.title)


def _colors(page: Page) -> set[str]:
    rec = Recorder()
    rec.page(page)
    return {c.hex.upper() for c in rec.colors()}


def _page_texts(page: Page) -> str:
    """Every line of text on the page, joined by spaces (legend rows may wrap)."""
    rec = Recorder()
    rec.page(page)
    return " ".join(rec.texts())


def test_storey_plan_draws_escape_routes_in_ral_6019_with_legend(school):
    base, plan, prof = school
    with_routes = _storey_page(plan, prof)
    assert PASTEL_GREEN in _colors(with_routes)
    assert "Horizontaler Rettungsweg" in _page_texts(with_routes)
    en = _storey_page(plan, prof, lang="en")
    assert "Horizontal escape route" in _page_texts(en)
    # only where the storey has routes: not on the 1. OG, nor on a plan without them
    upper = _storey_page(plan, prof, level=1)
    assert PASTEL_GREEN not in _colors(upper)
    assert "Horizontaler Rettungsweg" not in _page_texts(upper)
    bare = _storey_page(base, prof)
    assert PASTEL_GREEN not in _colors(bare)
    assert "Horizontaler Rettungsweg" not in _page_texts(bare)


def test_escape_route_arrows_point_towards_the_exit(school):
    """The chevrons along a route: the tip of each points along its route to the end."""
    from orientation.compose.maps.routes import route_chevrons

    chevrons = route_chevrons(ROUTES, spacing_m=10.0)
    assert chevrons
    for at, d in chevrons:
        # on a route and pointing to its next point
        assert any(_on_route(at, d, r) for r in ROUTES), (at, d)


def _on_route(at, d, route) -> bool:
    for a, b in zip(route, route[1:]):
        ux, uy = b[0] - a[0], b[1] - a[1]
        n = (ux * ux + uy * uy) ** 0.5
        if n == 0:
            continue
        ux, uy = ux / n, uy / n
        t = (at[0] - a[0]) * ux + (at[1] - a[1]) * uy
        off = abs((at[0] - a[0]) * uy - (at[1] - a[1]) * ux)
        if -1e-6 <= t <= n + 1e-6 and off < 1e-6 and abs(d[0] - ux) < 1e-6 and abs(d[1] - uy) < 1e-6:
            return True
    return False


def test_inner_doors_and_assumed_doors_in_the_legend(school):
    base, plan, prof = school
    page = _storey_page(plan, prof)
    texts = _page_texts(page)
    de = words.table("map.", "de")
    assert de["inner_door"] in texts and de["inner_door_assumed"] in texts
    # a storey with given doors only names no assumed door
    only_given = replace(plan, geometry=replace(plan.geometry, buildings=tuple(
        replace(b, storeys=tuple(replace(s, inner_doors=tuple(d for d in s.inner_doors
                                                              if not d.assumed))
                                 for s in b.storeys))
        for b in plan.geometry.buildings)))  # type: ignore[union-attr]
    texts = _page_texts(_storey_page(only_given, prof))
    assert de["inner_door"] in texts and de["inner_door_assumed"] not in texts
    assert de["inner_door"] not in _page_texts(_storey_page(base, prof))
    # the assumed ones dashed
    rec = Recorder()
    rec.page(page)
    dashed = [d for d in rec.drawn if isinstance(d.item, Path) and d.item.stroke is not None
              and d.item.stroke.dash_mm and d.item.stroke.color.hex.upper() != "#808080"]
    assert dashed


def test_guidance_marks_on_the_storey_plan(school):
    base, plan, prof = school
    page = _storey_page(plan, prof)
    texts = _page_texts(page)
    de = words.table("map.", "de")
    assert de["guidance"] in texts
    shown = [t for t in ("A023–A025", "Sekretariat · T1", "A016–A022", "A002") if t in texts]
    assert len(shown) == 4, texts
    # the one with no room (T2 points up the stair, where the riser's symbol is) is counted
    # in the notes
    assert words.text("map.guidance_note", "de", n=1) in texts
    assert de["guidance"] not in _page_texts(_storey_page(base, prof))
    # the marks' texts cross no room label: every text box on the drawing is apart
    rec = Recorder()
    drawn = [d for d in rec.page(page) if isinstance(d.item, Text)]
    marks = [d for d in drawn if any(t == d.item.text for t in ("T2", "A023–A025", "A016–A022"))]
    others = [d for d in drawn if d not in marks and d.item.size_mm < 5]
    for m in marks:
        a = text_box(m.item)
        for o in others:
            b = text_box(o.item)
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (
                m.item.text, o.item.text)
