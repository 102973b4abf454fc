"""The Streamlit app's logic through Streamlit's AppTest (no browser): load, edit, re-plan."""

from __future__ import annotations

import re
import sys

import pytest

from conftest import FLOORPLANS, ROOT

if str(ROOT) not in sys.path:  # app_support/ lives beside app.py, outside the package
    sys.path.insert(0, str(ROOT))
import app_support as sup  # noqa: E402

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


def sources(at: AppTest) -> list[str]:
    """The Markdown of every element that Streamlit reads as Markdown."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [t.value for t in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [e.label for e in at.expander]
    parts += [e.value for e in (*at.error, *at.warning, *at.info, *at.success)]
    parts += [img.caption for i in at.image for img in i.proto.imgs]  # captions read Markdown
    return [str(p) for p in parts]


def texts(at: AppTest) -> str:
    """What a reader sees of those elements (escapes read)."""
    return "\n".join(sup.md_unescape(p) for p in sources(at))


def errors(at: AppTest) -> list[str]:
    return [sup.md_unescape(e.value) for e in at.error]


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
    run(at)
    assert not at.error
    site = at.session_state["site"]
    assert site.buildings[0].doors[0].label == "E10"
    new_rev = at.session_state["rev"]
    assert new_rev > rev
    doors = at.data_editor(key=f"doors-{new_rev}").value
    row = doors[doors["id"] == "d-haupteingang"].iloc[0]
    assert row["code"] == "E10" and row["pin"] == "E10"
    assert "E10" in codes_shown(at)


def test_set_a_room_use_in_the_editor(at):
    open_tab(at, EDIT)
    rev = at.session_state["rev"]
    rooms = at.data_editor(key=f"rooms-{rev}").value
    assert "use" in rooms.columns
    first = at.session_state["site"].buildings[0].rooms[0]
    i = int(rooms.index[rooms["id"] == first.id][0])
    new_use = "storage" if first.use is None or first.use.value != "storage" else "office"
    at.session_state[f"rooms-{rev}"] = {
        "edited_rows": {i: {"use": new_use}}, "added_rows": [], "deleted_rows": []}
    run(at)
    assert not at.error
    room = at.session_state["site"].buildings[0].rooms[0]
    assert room.id == first.id and room.use.value == new_use
    after = at.data_editor(key=f"rooms-{at.session_state['rev']}").value
    assert after[after["id"] == first.id].iloc[0]["use"] == new_use


def test_invalid_edit_is_refused_with_a_message(at):
    open_tab(at, EDIT)
    rev = at.session_state["rev"]
    before = at.session_state["site"]
    at.session_state[f"doors-{rev}"] = {
        "edited_rows": {0: {"pin": "E 1"}}, "added_rows": [], "deleted_rows": []}
    run(at)
    assert at.session_state["site"] == before
    assert any("'E 1' is not allowed" in e for e in errors(at))


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
    shown = errors(at)
    assert any("broken.yaml" in e and "not valid YAML" in e for e in shown), shown
    assert at.title[0].value == "Städtische Gesamtschule Beispielstadt"  # the school stays


def test_invalid_site_lists_its_problems(at):
    raw = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8")
    raw = raw.replace("kind: entrance", "kind: entrence", 1).replace("name: Rathaus\n", "nam: x\n")
    at.file_uploader(key="upload").set_value(("rathaus.yaml", raw.encode(), "text/yaml"))
    run(at)
    shown = "\n".join(errors(at))
    assert "rathaus.yaml" in shown and "entrence" in shown


def test_too_large_upload_is_refused_with_the_limit(at):
    big = b"#" * (20 * 1024 * 1024 + 10)
    at.file_uploader(key="upload").set_value(("big.yaml", big, "text/yaml"))
    run(at)
    assert any("20 MB" in e for e in errors(at))


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
        assert any(path.name in sup.md_unescape(e.label) for e in at.expander)


HOUSE_OSM = ("<?xml version='1.0' encoding='UTF-8'?>\n<osm version='0.6'>\n"
             "<node id='1' lat='51.0' lon='13.0'/><node id='2' lat='51.0' lon='13.0003'/>"
             "<node id='3' lat='51.0002' lon='13.0003'/><node id='4' lat='51.0002' lon='13.0'/>"
             "<node id='5' lat='51.0' lon='13.00015'><tag k='entrance' v='yes'/></node>"
             "<way id='10'><nd ref='1'/><nd ref='5'/><nd ref='2'/><nd ref='3'/><nd ref='4'/>"
             "<nd ref='1'/><tag k='building' v='yes'/><tag k='name' v='Haus'/></way></osm>\n")


def test_import_notes_are_shown_in_the_interface_language(at):
    """A house whose entrance is not marked main: the importer's notes read in German in the
    German interface (with the element they are about), in English in the English one."""
    at.file_uploader(key="upload").set_value(("haus.osm", HOUSE_OSM.encode(), "application/x"))
    run(at)
    assert at.session_state["loaded"].source.imported_from == "haus.osm"
    notes = next(e for e in at.expander if "haus.osm" in sup.md_unescape(e.label))
    assert sup.md_unescape(notes.label).startswith("Was beim Import von haus.osm auffiel")
    shown = texts(at)
    assert "Keine Tür ist als Haupteingang markiert; in der Standortdatei 'main: true'" in shown
    assert "Gebäude 'Haus': keine indoor=room-Elemente [way/10]" in shown
    assert "no door is marked as the main entrance; set" not in shown
    at.segmented_control(key="ui_lang").set_value("en")
    run(at)
    shown = texts(at)
    assert "no door is marked as the main entrance; set 'main: true' on it" in shown
    assert "building 'Haus': no indoor=room elements [way/10]" in shown
    assert "Keine Tür ist als Haupteingang" not in shown


def test_print_files_tab_offers_every_download(at):
    open_tab(at, GET)
    keys = {b.key for b in at.download_button}
    assert {"dl-zip", "dl-signs-pdf", "dl-maps-pdf", "dl-schedule-csv", "dl-register-csv",
            "dl-pinned", "dl-site"} <= keys


def test_print_files_of_a_draft_say_they_are_drafts(at):
    open_tab(at, GET)  # the example school is dated and has no errors: no draft
    assert not any("Entwurf" in sup.md_unescape(w.value) for w in at.warning)
    open_tab(at, EDIT)
    at.selectbox(key="main").select("")
    run(at)
    open_tab(at, GET)
    shown = "\n".join(sup.md_unescape(w.value) for w in at.warning)
    assert "Entwurf:" in shown and "ENTWURF – nicht freigegeben" in shown
    assert "no-main-entrance" in shown


def test_no_main_entrance_is_an_error_with_the_place_to_fix_it(at):
    open_tab(at, EDIT)
    main = at.selectbox(key="main")
    assert main.value == "main/d-haupteingang"
    main.select("")
    run(at)
    assert at.selectbox(key="main").value == ""
    assert sup_main(at) is None
    shown = "\n".join(errors(at))
    assert "Keine Tür ist als Haupteingang markiert" in shown  # the German UI's words
    assert "Bearbeiten › Haupteingang" in shown
    assert {m.label: m.value for m in at.metric}["Fehler / Warnungen"].startswith("1 /")


def infos(at: AppTest) -> str:
    return "\n".join(sup.md_unescape(i.value) for i in at.info)


def test_findings_are_shown_in_the_interface_language(at):
    """The school has findings (its window labels are far from the road): a German interface
    words them in German, an English one in English, whatever the plan's language."""
    assert "Fensterschilder von Gebäude" in infos(at)  # auto: the profile's German
    assert "window labels of building" not in infos(at)
    at.segmented_control(key="ui_lang").set_value("en")
    run(at)
    assert "window labels of building" in infos(at)
    assert "Fensterschilder" not in infos(at)
    assert at.session_state["site"].profile in (None, "guetersloh")  # the plan is still German
    at.segmented_control(key="ui_lang").set_value("de")
    run(at)
    assert "Fensterschilder von Gebäude" in infos(at)


def sup_main(at):
    site = at.session_state["site"]
    return next((d.id for b in site.buildings for d in b.doors if d.main), None)


def test_sign_gallery_filters_and_shows_more(at):
    open_tab(at, SIGNS)
    total = len(sup.plan_for(sup.site_json(at.session_state["site"])).signs)
    assert total > 400  # the school's signs, guidance signs included
    assert f"24 von {total} Schildern" in texts(at)
    at.button(key="signs-more").click()
    run(at)
    assert f"48 von {total} Schildern" in texts(at)
    at.selectbox(key="sign_kind").select("stair")
    run(at)
    shown = [c for c in texts(at).splitlines() if "Schildern" in c]
    assert shown and shown[0].endswith("Schildern") and " von 317 " not in shown[0]


# --- hostile text and hostile uploads ----------------------------------------------------------

EVIL = "[x](http://evil) ![t](http://evil/t.png) <img src=x>"
MARKUP = re.compile(r"(?<!\\)\]\(|(?<!\\)<[A-Za-z/!]|https?://|www\.|(?<!\\):[\w+-]")


def hostile_site() -> bytes:
    raw = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8")
    raw = raw.replace("name: Rathaus Beispielstadt", f"name: '{EVIL}'", 1)
    raw = raw.replace('address: "Marktplatz 1, 33330 Gütersloh"',
                      "address: '**fett** :smile: www.evil.example <b>x</b>'", 1)
    raw = raw.replace("{level: 0, name: EG}", "{level: 0, name: '[EG](http://evil/eg)'}", 1)
    raw = raw.replace("    name: Rathaus\n", "    name: '![R](http://evil/r.png)'\n", 1)
    assert raw.count("evil") == 5
    return raw.encode()


def test_user_text_is_shown_as_text_never_as_markup(at):
    at.file_uploader(key="upload").set_value(("[f](evil) <img src=x>.yaml", hostile_site(),
                                              "text/yaml"))
    run(at)
    assert not at.error, errors(at)
    # the literal text is on the page ...
    assert sup.md_unescape(at.title[0].value) == EVIL
    shown = texts(at)
    assert "**fett** :smile: www.evil.example <b>x</b>" in shown
    assert "[f](evil) <img src=x>.yaml" in shown  # "Geladen: **…**"
    for tab in (MAPS, SIGNS, CODES, EDIT, GET):
        open_tab(at, tab)
        # ... and no element that reads Markdown holds a link, a picture, HTML or a shortcode
        for md in sources(at):
            assert not MARKUP.search(md.replace(sup.WORD_JOINER, "")), md
    open_tab(at, MAPS)
    # the object information and the site plan come first (DIN 14095), then the storeys
    floor = at.selectbox(key="map_page").options[2]
    assert floor == "Geschossplan A ![R](http://evil/r.png) – [EG](http://evil/eg)"
    pages = sup.map_pages(sup.render_for(sup.site_json(at.session_state["site"]),
                                         formats=("svg",)).files)
    at.session_state["map_page_value"] = list(pages)[2]  # the page choice keeps its value here
    run(at)
    caption = at.image[0].proto.imgs[0].caption
    assert sup.md_unescape(caption).startswith(floor)
    assert not MARKUP.search(caption.replace(sup.WORD_JOINER, "")), caption


def test_an_upload_that_raises_a_foreign_exception_shows_an_error(at, monkeypatch):
    def boom(raw, *, name):
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(sup.loading, "importer", lambda: boom)
    at.file_uploader(key="upload").set_value(("haus.ifc", b"ISO-10303-21;", "application/x"))
    run(at)
    assert any("haus.ifc: Import fehlgeschlagen: RuntimeError: the parser fell over" in e
               for e in errors(at)), errors(at)
    assert at.title[0].value == "Städtische Gesamtschule Beispielstadt"

    def no_memory(raw, name, *, lang="en"):
        raise MemoryError("cannot allocate 4 GB")

    monkeypatch.setattr(sup, "load_upload", no_memory)  # even a failure outside the guard
    at.file_uploader(key="upload").set_value(("<b>haus</b>.ifc", b"ISO", "application/x"))
    run(at)
    shown = errors(at)
    assert any("<b>haus</b>.ifc: unerwarteter Fehler (MemoryError: cannot allocate 4 GB)" in e
               for e in shown), shown
    assert not any("Traceback" in e for e in shown)
    assert at.title[0].value == "Städtische Gesamtschule Beispielstadt"  # the school stays
    # the session goes on: another example loads
    at.selectbox(key="example").select("rathaus")
    run(at)
    assert at.title[0].value == "Rathaus Beispielstadt"


SHARED_ROOMS = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8").replace(
    "      - {id: r-eg-01, level: 0,", "      - &standesamt {id: r-eg-01, level: 0,", 1)


def test_freeze_refuses_to_give_shared_rooms_one_code(at):
    """A second building that reuses a room through a YAML alias: freezing must not write one
    code into both; the app says why the site file is written afresh."""
    raw = SHARED_ROOMS
    assert "      - &standesamt {id: r-eg-01" in raw
    # the second building reaches over the first room, overlapping the town hall by less than
    # a tenth of its own area (a larger overlap is an error of its own)
    pavilion = ("  - id: anbau\n    name: Anbau\n    footprint: [[-100, 0], [10, 0], [10, 8.5], "
                "[-100, 8.5]]\n    storeys:\n      - {level: 0, name: EG}\n    doors:\n      - {id: "
                "d-anbau, at: [5, 0], level: 0, kind: entrance}\n    rooms:\n      - "
                "*standesamt\n")
    raw = raw.replace("\nsite_features:", "\n" + pavilion + "\nsite_features:", 1) \
        if "\nsite_features:" in raw else raw + pavilion
    at.file_uploader(key="upload").set_value(("geteilt.yaml", raw.encode(), "text/yaml"))
    run(at)
    assert at.session_state["loaded"].source.name == "geteilt.yaml", errors(at)
    open_tab(at, EDIT)
    at.button(key="freeze").click()
    run(at)
    site = at.session_state["site"]
    numbers = {(b.id, r.id): r.number for b in site.buildings for r in b.rooms}
    assert numbers[("rathaus", "r-eg-01")] != numbers[("anbau", "r-eg-01")]
    assert any("alias" in e for e in errors(at)), errors(at)
    open_tab(at, GET)
    assert any("alias" in e for e in errors(at)), errors(at)


def test_codes_tab_shows_the_crew_route_to_a_chosen_room(at):
    open_tab(at, CODES)
    assert "Anfahrtsweg im Gebäude (für die Leitstelle)" in texts(at)
    at.selectbox(key="route_code").select("A002")
    run(at)
    shown = [sup.md_unescape(m.value) for m in at.markdown]
    route = next(m for m in shown if m.startswith("E1 ("))
    assert route.endswith("Raum A002 (Sekretariat)") and "Flur geradeaus" in route
    at.selectbox(key="route_code").select("A107")
    run(at)
    shown = [sup.md_unescape(m.value) for m in at.markdown]
    assert any(" hoch bis 1. OG" in m for m in shown)
