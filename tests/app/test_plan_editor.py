"""The app's plan editor (issue 18) without a browser: what the component draws, its events
turned into edits (:mod:`app_support.plan_editor`), undo, the "what is missing" list, and the
whole page through Streamlit's AppTest with the component's value set in session state."""

from __future__ import annotations

import itertools
import sys

import pytest

from conftest import FLOORPLANS, ROOT

if str(ROOT) not in sys.path:  # app_support/ lives beside app.py, outside the package
    sys.path.insert(0, str(ROOT))
from app_support import plan_editor as pe  # noqa: E402
from app_support.loading import load_example  # noqa: E402
from orientation import plan_edits  # noqa: E402
from orientation.errors import InputError, OrientationError  # noqa: E402
from orientation.layout.engine import make_plan  # noqa: E402
from orientation.model import Site  # noqa: E402

RATHAUS = FLOORPLANS / "rathaus.yaml"


@pytest.fixture(scope="module")
def rathaus() -> Site:
    return load_example(RATHAUS).site


def bare(site: Site) -> Site:
    """The town hall as an import leaves a building: no doors, no road, no date, no origin."""
    data = site.model_dump(mode="json", exclude_none=True)
    data["site"].pop("date", None)
    data["site"].pop("origin", None)
    data["site_features"] = [f for f in data["site_features"]
                             if f["kind"] not in ("road", "fire_lane")]
    for b in data["buildings"]:
        b["doors"] = [d for d in b["doors"] if d["kind"] == "inner"]
    return Site.model_validate(data)


# --- what the component draws ----------------------------------------------------------------

def test_views_and_titles(rathaus):
    views = pe.views(rathaus)
    assert views == ["site", "rathaus@0", "rathaus@1", "rathaus@2"]
    assert pe.parse_view("rathaus@1") == ("rathaus", 1) and pe.parse_view("site") is None
    assert pe.parse_view("a@b") is None
    assert pe.view_title(rathaus, "site", "Lageplan") == "Lageplan"
    assert pe.view_title(rathaus, "rathaus@0", "").startswith("Rathaus · ")
    assert pe.removable_storeys(rathaus) == views[1:]


def test_site_view_has_outlines_doors_with_codes_and_site_features(rathaus):
    plan = make_plan(rathaus, "guetersloh")
    data = pe.view_data(rathaus, plan, "site")
    assert [b["id"] for b in data["buildings"]] == ["rathaus"]
    assert data["buildings"][0]["ring"][:2] == [[0.0, 0.0], [48.0, 0.0]]
    doors = {d["id"]: d for d in data["doors"]}
    assert doors["d-haupteingang"]["code"] == "E1" and doors["d-haupteingang"]["main"]
    assert all(d["kind"] != "inner" and d["level"] == 0 for d in data["doors"])
    kinds = [f["kind"] for f in data["site_features"]]
    assert kinds[:3] == ["road", "road", "fire_lane"]
    assert [f["index"] for f in data["site_features"]] == list(range(len(kinds)))
    assert data["rooms"] == [] and data["level"] is None
    x0, y0, x1, y1 = data["bounds"]
    assert x0 <= -30 and y0 <= -40 and x1 >= 80 and y1 >= 80  # the roads are in view


def test_storey_view_has_rooms_stairs_features_and_that_storeys_doors(rathaus):
    plan = make_plan(rathaus, "guetersloh")
    data = pe.view_data(rathaus, plan, "rathaus@0")
    assert data["level"] == 0 and data["outlines"] and data["rooms"]
    assert {f["kind"] for f in data["features"]} >= {"key_box", "fire_alarm_panel"}
    assert data["stairs"] and all(s["code"] for s in data["stairs"])
    assert all(d["level"] == 0 for d in data["doors"])
    assert data["site_features"] == []
    upper = pe.view_data(rathaus, plan, "rathaus@2")
    assert all(d["level"] == 2 for d in upper["doors"])


def test_every_door_stair_and_feature_comes_with_its_reference_and_label(rathaus):
    plan = make_plan(rathaus, "guetersloh")
    data = pe.view_data(rathaus, plan, "rathaus@0", "de")
    features = {f["ref"]: f for f in data["features"]}
    key_box = features["rathaus/features[0]"]  # the town hall's features have no id
    assert (key_box["kind"], key_box["index"], key_box["id"]) == ("key_box", 0, None)
    assert key_box["label"] == "Feuerwehr-Schlüsseldepot: Feuerwehrschlüsseldepot (FSD)"
    assert "rathaus/features[4]" in features  # the lift, on every storey
    assert all(s["ref"] == f"rathaus/{s['id']}" and s["label"].startswith("Treppe ")
               for s in data["stairs"])
    main = next(d for d in data["doors"] if d["id"] == "d-haupteingang")
    assert main["ref"] == "rathaus/d-haupteingang" and main["label"] == "Eingang E1"
    english = pe.view_data(rathaus, plan, "rathaus@0", "en")
    assert english["features"][0]["label"] == "Key box: Feuerwehrschlüsseldepot (FSD)"
    # the site plan: the site features by their place, the ground floor's features too
    site = pe.view_data(rathaus, plan, "site", "en")
    assert [f["ref"] for f in site["site_features"]] == [
        f"site_features[{i}]" for i in range(len(rathaus.site_features))]
    assert site["site_features"][3]["label"] == "Hydrant: UH 1"
    assert {f["kind"] for f in site["features"]} >= {"key_box", "fire_alarm_panel"}
    assert "rathaus/features[4]" in {f["ref"] for f in site["features"]}


# --- events -> edits -------------------------------------------------------------------------

def ev(action: str, **kw) -> dict:
    return {"action": action, "seq": "1", **kw}


def test_new_event_is_taken_once():
    value = ev("add-door", at=[1, 2])
    assert pe.new_event(value, None) == value
    assert pe.new_event(value, "1") is None  # the same value on the next rerun
    assert pe.new_event({"action": "x"}, None) is None  # no seq: not an event
    assert pe.new_event(None, None) is None and pe.new_event("text", None) is None


def test_add_door_on_the_wall_snaps_and_can_be_the_main_entrance(rathaus):
    site = bare(rathaus)
    done = pe.apply_event(site, ev("add-door", building="rathaus", at=[10, 0.8]),
                          pe.Choices(door_kind="emergency_exit", main=True))
    door = done.site.buildings[0].doors[-1]
    assert door.at == (10.0, 0.0) and door.kind.value == "emergency_exit" and door.main
    assert done.notice == "pe_door_added" and dict(done.values)["door"] == door.id
    # without a building, the nearest one; on a storey view, that storey's level
    done = pe.apply_event(site, ev("add-door", at=[48.5, 20]), pe.Choices(view="rathaus@1"))
    door = done.site.buildings[0].doors[-1]
    assert door.at == (48.0, 20.0) and door.level == 1 and not door.main


def test_a_door_far_off_the_wall_is_refused(rathaus):
    with pytest.raises(OrientationError, match="1.5"):
        pe.apply_event(rathaus, ev("add-door", building="rathaus", at=[10, 5]), pe.Choices())
    with pytest.raises(OrientationError):
        pe.apply_event(rathaus, ev("add-door", building="nope", at=[10, 0]), pe.Choices())


def test_move_set_main_and_delete_a_door(rathaus):
    site = pe.apply_event(rathaus, ev("move-door", building="rathaus", door="d-ost",
                                      at=[47.2, 20]), pe.Choices()).site
    assert site.building("rathaus").doors[1].at == (48.0, 20.0)
    site = pe.apply_event(site, ev("set-main", building="rathaus", door="d-ost"),
                          pe.Choices()).site
    assert [d.id for d in site.building("rathaus").doors if d.main] == ["d-ost"]
    site = pe.apply_event(site, ev("delete", building="rathaus", element="d-west"),
                          pe.Choices()).site
    assert "d-west" not in {d.id for d in site.building("rathaus").doors}


def test_draw_a_line_and_delete_a_site_feature(rathaus):
    site = bare(rathaus)
    done = pe.apply_event(site, ev("add-line", line=[[-10, -10], [60, -10], [60.0, 40]]),
                          pe.Choices(line_kind="fire_lane", name="Zufahrt"))
    f = done.site.site_features[-1]
    assert f.kind.value == "fire_lane" and f.name == "Zufahrt" and len(f.line) == 3
    n = len(done.site.site_features)
    after = pe.apply_event(done.site, ev("delete", site_feature=n - 1), pe.Choices()).site
    assert after == site
    with pytest.raises(InputError, match="fewer than two"):
        pe.apply_event(site, ev("add-line", line=[[0, 0]]), pe.Choices())


def test_place_site_and_building_features(rathaus):
    done = pe.apply_event(rathaus, ev("place", at=[-5, -5], building=None),
                          pe.Choices(place_kind="hydrant"))
    assert done.site.site_features[-1].kind.value == "hydrant"
    assert done.site.site_features[-1].at == (-5.0, -5.0)
    done = pe.apply_event(rathaus, ev("place", at=[20, 10], building="rathaus"),
                          pe.Choices(place_kind="key_box", view="rathaus@0"))
    f = done.site.building("rathaus").features[-1]
    assert f.kind.value == "key_box" and f.at == (20.0, 10.0) and f.level == 0 and f.id
    removed = pe.apply_event(done.site, ev("delete", building="rathaus", element=f.id),
                             pe.Choices()).site
    assert removed == rathaus


def test_delete_and_move_features_without_an_id_by_their_reference(rathaus):
    done = pe.apply_event(rathaus, ev("delete", ref="rathaus/features[0]", kind="key_box"),
                          pe.Choices(lang="en"))
    kinds = [f.kind.value for f in done.site.building("rathaus").features]
    assert "key_box" not in kinds and len(kinds) == len(rathaus.building("rathaus").features) - 1
    assert done.notice == "pe_deleted"
    assert dict(done.values)["what"] == "Key box: Feuerwehrschlüsseldepot (FSD)"
    done = pe.apply_event(rathaus, ev("delete", ref="site_features[3]", kind="hydrant"),
                          pe.Choices())
    assert [f.name for f in done.site.site_features if f.kind.value == "hydrant"] == ["UH 2"]
    assert dict(done.values)["what"] == "Hydrant: UH 1"
    done = pe.apply_event(rathaus, ev("delete", ref="rathaus/st-haupt"), pe.Choices())
    assert "st-haupt" not in {st.id for st in done.site.building("rathaus").stairs}

    moved = pe.apply_event(rathaus, ev("move", ref="rathaus/features[1]",
                                       kind="fire_alarm_panel", at=[21.5, 1.5]), pe.Choices())
    assert moved.site.building("rathaus").features[1].at == (21.5, 1.5)
    assert moved.notice == "pe_moved"
    assert dict(moved.values)["what"].startswith("Brandmelderzentrale")
    moved = pe.apply_event(rathaus, ev("move", ref="site_features[0]", kind="road", by=[0, -2]),
                           pe.Choices())
    assert moved.site.site_features[0].line[0] == (-30.0, -18.0)
    moved = pe.apply_event(rathaus, ev("move", ref="site_features[3]", kind="hydrant",
                                       at=[-4, -12]), pe.Choices())
    assert moved.site.site_features[3].at == (-4.0, -12.0)
    moved = pe.apply_event(rathaus, ev("move", ref="rathaus/d-ost", kind="entrance",
                                       at=[47.6, 16]), pe.Choices())
    assert moved.site.building("rathaus").doors[1].at == (48.0, 16.0)
    assert moved.notice == "pe_door_moved" and dict(moved.values)["door"] == "d-ost"


def test_a_click_on_a_plan_that_changed_since_is_refused(rathaus):
    """The component drew features[0] as a key box; after an edit elsewhere that place holds
    another kind: the click is refused, nothing else is deleted."""
    with pytest.raises(InputError, match="no key_box"):
        pe.apply_event(rathaus, ev("delete", ref="rathaus/features[1]", kind="key_box"),
                       pe.Choices())
    with pytest.raises(OrientationError, match="no features\\[99\\]"):
        pe.apply_event(rathaus, ev("delete", ref="rathaus/features[99]", kind="key_box"),
                       pe.Choices())
    with pytest.raises(InputError, match="without at or by"):
        pe.apply_event(rathaus, ev("move", ref="site_features[0]", kind="road"), pe.Choices())
    with pytest.raises(InputError, match="no reference"):
        pe.apply_event(rathaus, ev("delete", ref=3), pe.Choices())


def test_pick_a_point_changes_nothing(rathaus):
    done = pe.apply_event(rathaus, ev("pick-point", at=[12.5, 3]), pe.Choices())
    assert done.site is None and done.point == (12.5, 3.0)


@pytest.mark.parametrize("event", [
    {"action": "fly", "seq": 1}, {"action": "add-door", "at": "here", "seq": 1},
    {"action": "add-door", "at": [1, float("nan")], "seq": 1},
    {"action": "move-door", "building": "rathaus", "at": [1, 1], "seq": 1},
    {"action": "delete", "site_feature": True, "seq": 1},
])
def test_a_broken_event_is_an_error_with_a_message(rathaus, event):
    with pytest.raises(InputError, match="plan editor sent"):
        pe.apply_event(rathaus, event, pe.Choices())


def test_nearest_building():
    site = load_example(FLOORPLANS / "gesamtschule.yaml").site
    b = site.buildings[1]
    x, y = b.footprint[0]
    assert pe.nearest_building(site, (x - 0.5, y - 0.5)) == b.id


# --- undo and the missing list ---------------------------------------------------------------

def test_undo_stack_keeps_the_latest(rathaus):
    stack: list = []
    for i in range(pe.UNDO_LIMIT + 5):
        stack = pe.pushed(stack, rathaus if i % 2 else bare(rathaus))
    assert len(stack) == pe.UNDO_LIMIT
    rest, top = pe.popped(stack)
    assert top == bare(rathaus) or top == rathaus
    assert len(rest) == pe.UNDO_LIMIT - 1
    assert pe.popped([]) == ([], None)


def test_each_missing_item_has_a_mode_that_fixes_it(rathaus):
    site = bare(rathaus)
    items = plan_edits.missing(site, make_plan(site, "guetersloh"))
    actions = [m.action for m in items]
    assert {"add-door", "set-main", "add-road", "set-date", "set-origin"} <= set(actions)
    modes = {m.action: pe.mode_for(m) for m in items}
    assert modes["add-door"] == ("add-door", "site")
    assert modes["add-road"] == ("line", "site")
    assert modes["set-origin"] == ("position", "site")
    assert modes["set-date"] == (None, None)
    empty = plan_edits.Missing("empty-storey", "edit.missing-empty-storey", (), "remove-storey",
                               "rathaus", 2)
    assert pe.mode_for(empty) == (None, "rathaus@2")
    assert not plan_edits.missing(rathaus, make_plan(rathaus, "guetersloh"))


# --- the page (AppTest) ----------------------------------------------------------------------

st = pytest.importorskip("streamlit", reason="the app needs the 'app' extra")
from streamlit.testing.v1 import AppTest  # noqa: E402

from app_support.loading import Loaded, Source  # noqa: E402
from app_support.plan_editor_page import fix_key  # noqa: E402

EDIT = 3


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def edit_tab(at: AppTest) -> AppTest:
    at.session_state["tab"] = at.tabs[EDIT].label
    return run(at)


@pytest.fixture
def at() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    return edit_tab(run(app))


def load(at: AppTest, site: Site) -> AppTest:
    """Put ``site`` into the app as if it had been uploaded (as ``bare.yaml``)."""
    from orientation.io.site_file import dump_site

    at.session_state["loaded"] = Loaded(site, Source("bare.yaml", dump_site(site)))
    at.session_state["site"] = site
    at.session_state["pe_undo"] = []
    return run(at)


SEQ = itertools.count(1)


def click_plan(at: AppTest, /, **event) -> AppTest:
    """What the component sends when the plan is clicked (each event with a new ``seq``)."""
    at.session_state["pe_canvas"] = {"seq": f"test-{next(SEQ)}", **event}
    return run(at)


def doors(at: AppTest) -> list[str]:
    return [d.id for b in at.session_state["site"].buildings for d in b.doors]


def codes(at: AppTest) -> list[str]:
    at.session_state["tab"] = at.tabs[2].label
    run(at)
    shown = list(at.dataframe[0].value["code"])
    edit_tab(at)
    return shown


def test_the_editor_shows_on_the_edit_tab_and_the_school_is_fit_to_print(at):
    assert any(s.value == "Auf dem Plan bearbeiten" for s in at.subheader)
    assert any("Druckfertig" in s.value for s in at.success)
    assert at.radio(key="pe_mode").value == "look"
    assert at.selectbox(key="pe_view").value == "site"


def test_a_click_adds_a_door_replans_and_undo_takes_it_back(at):
    before, shown = doors(at), codes(at)
    site = at.session_state["site"]
    b = site.buildings[0]
    (x0, y0), (x1, y1) = b.footprint[0], b.footprint[1]
    at.radio(key="pe_mode").set_value("add-door")
    run(at)
    at.selectbox(key="pe_door_kind").select("emergency_exit")
    run(at)
    click_plan(at, action="add-door", building=b.id, at=[(x0 + x1) / 2 + 1.3, (y0 + y1) / 2 + 0.4])
    assert len(doors(at)) == len(before) + 1
    assert any("gesetzt" in s.value for s in at.success)
    after = codes(at)
    assert len(after) == len(shown) + 1  # the codes table shows the new door at once
    assert at.session_state["site"].buildings[0].doors[-1].kind.value == "emergency_exit"
    # the same value again (a rerun) adds nothing
    run(at)
    assert len(doors(at)) == len(before) + 1
    at.button(key="pe-undo").click()
    run(at)
    assert doors(at) == before and at.session_state["site"] == site
    assert at.button(key="pe-undo").disabled


def test_a_refused_click_is_a_message_not_a_traceback(at):
    site = at.session_state["site"]
    click_plan(at, action="add-door", building=site.buildings[0].id, at=[-500, -500])
    assert at.session_state["site"] == site
    assert any("nicht übernommen" in e.value for e in at.error)


def test_missing_list_fix_buttons_lead_to_fit_to_print(at):
    site = bare(load_example(RATHAUS).site)
    load(at, site)
    assert any("Was noch fehlt" in m.value for m in at.markdown)
    items = plan_edits.missing(site, make_plan(site, "guetersloh"))
    keys = {m.action: fix_key(m) for m in items}
    assert keys["add-road"] == "pe-fix-no-road" and keys["add-door"] == "pe-fix-no-doors-rathaus-0"

    at.button(key=keys["add-door"]).click()
    run(at)
    assert at.radio(key="pe_mode").value == "add-door"
    assert at.checkbox(key="pe_door_main").value  # no main entrance yet: the first is
    click_plan(at, action="add-door", building="rathaus", at=[24, 0.5])
    door = at.session_state["site"].building("rathaus").doors[-1]
    assert door.main and door.at == (24.0, 0.0)
    assert not at.checkbox(key="pe_door_main").value
    click_plan(at, action="add-door", building="rathaus", at=[0.4, 20])
    assert not at.session_state["site"].building("rathaus").doors[-1].main

    at.button(key="pe-fix-no-road").click()
    run(at)
    assert at.radio(key="pe_mode").value == "line"
    assert at.selectbox(key="pe_line_kind").value == "road"
    click_plan(at, action="add-line", line=[[-20, -10], [70, -10]])
    assert at.session_state["site"].site_features[-1].kind.value == "road"

    at.button(key="pe-fix-no-date").click()
    run(at)
    rev = at.session_state["rev"]
    assert at.text_input(key=f"pe_date_{rev}").value  # today's date, put in
    at.text_input(key=f"pe_date_{rev}").input("2026-12-01")
    at.button(key="pe-site-apply").click()
    run(at)
    assert at.session_state["site"].site.date == "2026-12-01"

    at.button(key="pe-fix-no-origin").click()
    run(at)
    assert at.radio(key="pe_mode").value == "position"
    click_plan(at, action="pick-point", at=[24, 0])
    assert at.session_state["pe_point"] == (24.0, 0.0)
    at.number_input(key="pe_lat").set_value(51.9066)
    at.number_input(key="pe_lon").set_value(8.3786)
    run(at)
    at.button(key="pe-set-position").click()
    run(at)
    origin = at.session_state["site"].site.origin
    assert origin is not None and abs(origin.lat - 51.9066) < 0.001
    assert any(s.value.startswith("Druckfertig") for s in at.success)
    assert not [b for b in at.button if (b.key or "").startswith("pe-fix-")]


def test_site_fields_and_a_bad_date(at):
    rev = at.session_state["rev"]
    at.text_input(key=f"pe_name_{rev}").input("Neue Schule")
    at.text_input(key=f"pe_date_{rev}").input("2026-02-30")
    at.button(key="pe-site-apply").click()
    run(at)
    assert any("no date of the calendar" in e.value for e in at.error)
    assert at.session_state["site"].site.name != "Neue Schule"
    rev = at.session_state["rev"]
    at.text_input(key=f"pe_date_{rev}").input("2026-11-21")  # the bad date is still there
    at.number_input(key=f"pe_north_{rev}").set_value(12.0)
    at.button(key="pe-site-apply").click()
    run(at)
    info = at.session_state["site"].site
    assert info.name == "Neue Schule" and info.north_deg == 12.0
    assert at.title[0].value == "Neue Schule"


def test_delete_a_storey(at):
    load(at, load_example(RATHAUS).site)
    at.selectbox(key="pe_storey").select("rathaus@2")
    run(at)
    at.button(key="pe-remove-storey").click()
    run(at)
    assert [s.level for s in at.session_state["site"].building("rathaus").storeys] == [0, 1]
    assert any("Geschoss gelöscht" in s.value for s in at.success)


def test_the_edited_site_file_is_offered(at):
    site = at.session_state["site"]
    b = site.buildings[0]
    (x0, y0), (x1, y1) = b.footprint[0], b.footprint[1]
    click_plan(at, action="add-door", building=b.id, at=[x0 + (x1 - x0) * 0.3,
                                                         y0 + (y1 - y0) * 0.3])
    assert "d-1" in doors(at)
    text = plan_edits.site_text_after(at.session_state["loaded"].source.text,
                                      at.session_state["site"],
                                      name=at.session_state["loaded"].source.name)
    assert "d-1" in text and "# " in text  # the new door, the file's comments kept
    assert at.get("download_button")  # the page offers it


def load_file(at: AppTest, path) -> AppTest:
    """Put a site file into the app as if it had been uploaded, with its own text."""
    at.session_state["loaded"] = Loaded(load_example(path).site,
                                        Source(path.name, path.read_text(encoding="utf-8")))
    at.session_state["site"] = at.session_state["loaded"].site
    at.session_state["pe_undo"] = []
    return run(at)


def test_features_without_an_id_are_deleted_and_moved_on_the_page(at):
    load_file(at, RATHAUS)
    before = at.session_state["site"]
    at.radio(key="pe_mode").set_value("delete")
    run(at)
    click_plan(at, action="delete", ref="rathaus/features[0]", kind="key_box")
    assert any(s.value == "Feuerwehr-Schlüsseldepot: Feuerwehrschlüsseldepot (FSD) gelöscht."
               for s in at.success)
    assert "key_box" not in {f.kind.value for f in
                             at.session_state["site"].building("rathaus").features}
    at.radio(key="pe_mode").set_value("move")
    run(at)
    click_plan(at, action="move", ref="site_features[3]", kind="hydrant", at=[-5, -12])
    assert at.session_state["site"].site_features[3].at == (-5.0, -12.0)
    assert any(s.value == "Hydrant: UH 1 verschoben." for s in at.success)
    text = plan_edits.site_text_after(RATHAUS.read_text(encoding="utf-8"),
                                      at.session_state["site"], name="rathaus.yaml")
    assert "Feuerwehrschlüsseldepot" not in text
    assert "- {kind: hydrant, name: UH 1, at: [-5, -12]}" in text
    assert "# Haupteingang am Marktplatz (Foyer)" in text and "# am Brunnen" in text
    at.button(key="pe-undo").click()
    run(at)
    at.button(key="pe-undo").click()
    run(at)
    assert at.session_state["site"] == before


def test_the_editor_speaks_english(at):
    at.session_state["ui_lang"] = "en"
    edit_tab(run(at))  # the tab's label is English now
    assert at.tabs[EDIT].label.endswith(" Edit")
    assert any(s.value == "Edit on the plan" for s in at.subheader)
    assert at.radio(key="pe_mode").options[3] == "Move"
    load_file(at, RATHAUS)
    click_plan(at, action="delete", ref="site_features[4]", kind="hydrant")
    assert any(s.value == "Hydrant: UH 2 deleted." for s in at.success)
    click_plan(at, action="delete", ref="site_features[0]", kind="hydrant")  # a road now
    assert any(e.value.startswith("Change not applied:") for e in at.error)


def test_take_event_applies_a_new_event_once_and_words_a_refusal(rathaus):
    from app_support.plan_editor_page import take_event

    sites: list[Site] = []
    state = {"site": rathaus, "pe_canvas": {"action": "add-door", "building": "rathaus",
                                            "at": [30, 0.3], "seq": "a"}}
    assert take_event(state, sites.append, "en")
    assert len(sites) == 1 and state["pe_msg"][0] == "success"
    assert not take_event(state, sites.append, "en") and len(sites) == 1  # seen
    state["pe_canvas"] = {"action": "add-door", "building": "rathaus", "at": [30, 9], "seq": "b"}
    assert take_event(state, sites.append, "en") and len(sites) == 1
    kind, text = state["pe_msg"]
    assert kind == "error" and text.startswith("Change not applied:")


def test_the_component_ships_its_files_and_loads_nothing_from_elsewhere():
    folder = pe.COMPONENT_DIR
    assert sorted(p.name for p in folder.iterdir()) == ["editor.js", "index.html"]
    html = (folder / "index.html").read_text(encoding="utf-8")
    assert '<script src="editor.js"></script>' in html and "default-src 'none'" in html
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
        assert "http:" not in text and "https:" not in text and "//cdn" not in text, path
    js = (folder / "editor.js").read_text(encoding="utf-8")
    assert "streamlit:componentReady" in js and "streamlit:setComponentValue" in js
