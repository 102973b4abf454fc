"""The Streamlit app's logic through Streamlit's AppTest (no browser): load, edit, re-plan."""

from __future__ import annotations

import time

import pytest

from conftest import FLOORPLANS, ROOT

pytest.importorskip("streamlit", reason="the app needs the 'app' extra: pip install -e '.[app]'")
from streamlit.testing.v1 import AppTest  # noqa: E402

APP = str(ROOT / "app.py")
TIMEOUT = 60  # the first run imports the renderer and fonts; later runs take a fraction


def new_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def at() -> AppTest:
    return new_app()


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_tab(at: AppTest, index: int) -> AppTest:
    """Tabs run lazily (only the open one); AppTest opens one through its session state."""
    at.session_state["tab"] = at.tabs[index].label
    return run(at)


MAPS, SIGNS, CODES, EDIT, GET = range(5)


def codes_shown(at: AppTest) -> list[str]:
    open_tab(at, CODES)
    table = at.dataframe[0].value
    return list(table["code"])


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in (*at.error, *at.warning, *at.info, *at.success)]
    return "\n".join(str(p) for p in parts)


def test_loads_the_example_school(at):
    assert at.title[0].value == "Städtische Gesamtschule Beispielstadt"
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gebäude"] == "3" and metrics["Außentüren"] == "25"
    assert [t.label.split(" ", 1)[1] for t in at.tabs] == [
        "Pläne", "Schilder", "Codes", "Bearbeiten", "Druckdateien"]
    # the site plan is the first picture, with a page selector over every map page
    pages = at.selectbox(key="map_page")
    assert len(pages.options) >= 5
    assert at.image and "Lageplan" in pages.value or pages.value.startswith("01")
    shown = codes_shown(at)
    assert {"E1", "N1", "T1", "A"} <= set(shown)


def test_switch_example_and_language(at):
    at.selectbox(key="example").select("us-elementary")
    run(at)
    assert at.title[0].value == "Oak Street Elementary School"
    assert at.tabs[0].label.endswith("Plans")  # the US profile speaks English
    at.segmented_control(key="ui_lang").set_value("de")
    run(at)
    assert at.tabs[0].label.endswith("Pläne")
    assert "1" in codes_shown(at)


def test_change_profile_renumbers(at):
    assert "E1" in codes_shown(at)
    at.selectbox(key="profile").select("us-k12")
    run(at)
    shown = codes_shown(at)
    assert "1" in shown and "E1" not in shown
    assert at.session_state["site"].profile == "us-k12"
    assert at.tabs[0].label.endswith("Plans")  # interface follows the profile's language


def test_pin_a_code_through_the_editor_and_see_the_plan_change(at):
    open_tab(at, EDIT)
    rev = at.session_state["rev"]
    assert at.data_editor(key=f"doors-{rev}").value["id"][0] == "d-haupteingang"
    at.session_state[f"doors-{rev}"] = {
        "edited_rows": {0: {"pin": "E10"}}, "added_rows": [], "deleted_rows": []}
    t0 = time.perf_counter()
    run(at)
    took = time.perf_counter() - t0
    print(f"re-plan after an edit (AppTest run incl. rerun): {took:.2f} s")
    assert not at.error
    site = at.session_state["site"]
    assert site.buildings[0].doors[0].label == "E10"
    new_rev = at.session_state["rev"]
    assert new_rev > rev
    doors = at.data_editor(key=f"doors-{new_rev}").value
    row = doors[doors["id"] == "d-haupteingang"].iloc[0]
    assert row["code"] == "E10" and row["pin"] == "E10"
    assert "E10" in codes_shown(at)
    assert took < 5.0


def test_invalid_edit_is_refused_with_a_message(at):
    open_tab(at, EDIT)
    rev = at.session_state["rev"]
    before = at.session_state["site"]
    at.session_state[f"doors-{rev}"] = {
        "edited_rows": {0: {"pin": "E 1"}}, "added_rows": [], "deleted_rows": []}
    run(at)
    assert at.session_state["site"] == before
    assert any("'E 1' is not allowed" in e.value for e in at.error)


def test_freeze_codes_and_main_entrance(at):
    open_tab(at, EDIT)
    at.selectbox(key="main").select("pavillon/d-eingang")
    run(at)
    plan_codes = codes_shown(at)
    assert plan_codes.count("E1") == 1
    assert at.session_state["site"].building("pavillon").doors[0].main
    open_tab(at, EDIT)
    at.button(key="freeze").click()
    run(at)
    assert any("festgeschrieben" in s.value for s in at.success)
    site = at.session_state["site"]
    assert all(r.number for b in site.buildings for r in b.rooms)
    open_tab(at, CODES)
    assert at.dataframe[0].value["pinned"][at.dataframe[0].value["kind"] == "Eingang"].all()


def test_bad_file_shows_a_message_not_a_traceback(at):
    at.file_uploader(key="upload").set_value(("broken.yaml", b"format: [unclosed\n", "text/yaml"))
    run(at)
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any("broken.yaml" in e and "not valid YAML" in e for e in errors), errors
    assert at.title[0].value == "Städtische Gesamtschule Beispielstadt"  # the school stays


def test_invalid_site_lists_its_problems(at):
    raw = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8")
    raw = raw.replace("kind: entrance", "kind: entrence", 1).replace("name: Rathaus\n", "nam: x\n")
    at.file_uploader(key="upload").set_value(("rathaus.yaml", raw.encode(), "text/yaml"))
    run(at)
    errors = "\n".join(e.value for e in at.error)
    assert "rathaus.yaml" in errors and "entrence" in errors


def test_too_large_upload_is_refused_with_the_limit(at):
    big = b"#" * (20 * 1024 * 1024 + 10)
    at.file_uploader(key="upload").set_value(("big.yaml", big, "text/yaml"))
    run(at)
    assert any("20 MB" in e.value for e in at.error)


def test_upload_a_site_file(at):
    raw = (FLOORPLANS / "rathaus.yaml").read_bytes()
    at.file_uploader(key="upload").set_value(("rathaus.yaml", raw, "text/yaml"))
    run(at)
    assert at.title[0].value == "Rathaus Beispielstadt"
    assert at.selectbox(key="example").value == ""
    assert "rathaus.yaml" in texts(at)


SHARED_OSM = ROOT.parent / "shared" / "data" / "osm" / "tud-apb" / "APBorig.osm"
SAMPLE_IFC = ROOT / "tests" / "data" / "ifc" / "bim-whale-TallBuilding.ifc"


@pytest.mark.parametrize("path", [
    pytest.param(SHARED_OSM, marks=[pytest.mark.shared_data, pytest.mark.skipif(
        not SHARED_OSM.exists(), reason="../shared/data is absent")], id="osm"),
    pytest.param(SAMPLE_IFC, marks=pytest.mark.skipif(
        not SAMPLE_IFC.exists(), reason="tests/data/ifc sample is absent"), id="ifc"),
])
def test_upload_a_building_file_imports_it(at, path):
    if path.suffix == ".ifc":
        pytest.importorskip("ifcopenshell", reason="IFC import needs the 'ifc' extra")
    at.file_uploader(key="upload").set_value((path.name, path.read_bytes(), "application/x"))
    run(at)
    assert not any("nicht geladen" in e.value for e in at.error), [e.value for e in at.error]
    assert at.title[0].value != "Städtische Gesamtschule Beispielstadt"
    assert f"Importiert aus **{path.name}**" in texts(at) or path.name in texts(at)
    loaded = at.session_state["loaded"]
    assert loaded.source.imported_from == path.name and loaded.source.name.endswith(".yaml")
    if loaded.source.notes:
        assert any(path.name in e.label for e in at.expander)


def test_print_files_tab_offers_every_download(at):
    open_tab(at, GET)
    keys = {b.key for b in at.download_button}
    assert {"dl-zip", "dl-signs-pdf", "dl-maps-pdf", "dl-schedule-csv", "dl-register-csv",
            "dl-pinned", "dl-site"} <= keys


def test_no_main_entrance_is_an_error_with_the_place_to_fix_it(at):
    open_tab(at, EDIT)
    main = at.selectbox(key="main")
    assert main.value == "main/d-haupteingang"
    main.select("")
    run(at)
    assert at.selectbox(key="main").value == ""
    assert sup_main(at) is None
    errors = "\n".join(e.value for e in at.error)
    assert "no door is marked as the main entrance" in errors
    assert "Bearbeiten › Haupteingang" in errors
    assert {m.label: m.value for m in at.metric}["Fehler / Warnungen"].startswith("1 /")


def sup_main(at):
    site = at.session_state["site"]
    return next((d.id for b in site.buildings for d in b.doors if d.main), None)


def test_sign_gallery_filters_and_shows_more(at):
    open_tab(at, SIGNS)
    assert "24 von 317 Schildern" in texts(at)
    at.button(key="signs-more").click()
    run(at)
    assert "48 von 317 Schildern" in texts(at)
    at.selectbox(key="sign_kind").select("stair")
    run(at)
    shown = [c for c in texts(at).splitlines() if "Schildern" in c]
    assert shown and shown[0].endswith("Schildern") and " von 317 " not in shown[0]
