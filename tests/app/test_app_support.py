"""The app's own support (app_support/ beside app.py), without Streamlit; the site edits it
calls are tested in tests/test_edits.py."""

from __future__ import annotations

import io
import json
import re
import sys
import tempfile
import zipfile

import pytest
import yaml
from hypothesis import given, settings
from hypothesis.strategies import text as st_text

from conftest import FLOORPLANS, ROOT, site_dict
from orientation import edits
from orientation.errors import LimitError, OrientationError, Problem, SiteFileError
from orientation.io import ImportNote, ImportResult
from orientation.io.site_file import dump_site, site_from_bytes
from orientation.profiles import load_profile

if str(ROOT) not in sys.path:  # app_support/ lives beside app.py, outside the package
    sys.path.insert(0, str(ROOT))
import app_support as sup  # noqa: E402

SCHOOL = FLOORPLANS / "gesamtschule.yaml"


@pytest.fixture(scope="module")
def school() -> sup.Loaded:
    return sup.load_example(SCHOOL)


@pytest.fixture(scope="module")
def school_plan(school):
    return sup.plan_for(sup.site_json(school.site))


def codes(plan, kinds=("entrance", "emergency_exit", "fire_brigade", "service")):
    return {m.id: m.code for m in plan.markings if m.kind in kinds}


# --- words -------------------------------------------------------------------------------------


def test_both_languages_have_every_text():
    assert set(sup.TEXTS["de"]) == set(sup.TEXTS["en"])
    for lang in sup.LANGUAGES:
        for key, text in sup.TEXTS[lang].items():
            assert text.strip(), (lang, key)


@pytest.mark.parametrize(("choice", "profile", "want"), [
    ("auto", "guetersloh", "de"), ("auto", "us-k12", "en"), ("en", "guetersloh", "en"),
    ("de", "us-k12", "de")])
def test_interface_language_follows_the_profile_unless_chosen(school, choice, profile, want):
    site = edits.set_profile(school.site, profile)
    assert sup.interface_language(choice, site) == want


def test_kind_words():
    assert sup.kind_word("de", "emergency_exit") == "Notausgang"
    assert sup.kind_word("en", "fire_brigade") == "Fire department access"
    assert sup.kind_word("de", "unknown-kind") == "unknown-kind"


# --- loading -----------------------------------------------------------------------------------


def test_examples_default_first():
    ex = sup.example_files(ROOT)
    assert next(iter(ex)) == "gesamtschule"
    assert {"gesamtschule", "rathaus", "us-elementary"} <= set(ex)
    assert sup.example_title(ex["rathaus"]) == "Rathaus Beispielstadt"


def test_upload_yaml_and_json_in_memory():
    raw = (FLOORPLANS / "rathaus.yaml").read_bytes()
    loaded = sup.load_upload(raw, "rathaus.yaml")
    assert loaded.site.site.name == "Rathaus Beispielstadt"
    assert loaded.source.text == raw.decode("utf-8") and loaded.source.imported_from is None
    as_json = dump_site(loaded.site, fmt="json").encode()
    again = sup.load_upload(as_json, "C:\\Users\\fm\\rathaus.json")
    assert again.site == loaded.site and again.source.name == "rathaus.json"
    assert again.source.suffix == ".json"


@pytest.mark.parametrize(("raw", "name", "words"), [
    (b"format: [unclosed", "broken.yaml", ["broken.yaml", "not valid YAML"]),
    (b"{\"format\": ", "broken.json", ["broken.json", "not valid JSON"]),
    (b"", "empty.yaml", ["empty.yaml", "empty"]),
    (b"\xff\xfe\x00garbage", "binary.yaml", ["binary.yaml", "UTF-8"]),
    (yaml.safe_dump(site_dict(buildings=[])).encode(), "nobuilding.yaml", ["buildings"]),
])
def test_bad_site_files_give_readable_messages(raw, name, words):
    with pytest.raises(OrientationError) as err:
        sup.load_upload(raw, name)
    text = sup.md_unescape(sup.problem_text(err.value))  # what the page shows
    for w in words:
        assert w in text
    assert "Traceback" not in text


def test_a_reader_bug_still_gives_a_message(monkeypatch):
    def broken(raw, *, name):
        raise IndexError("tuple index out of range")

    monkeypatch.setattr(sup.loading, "load_site_bytes", broken)
    with pytest.raises(OrientationError, match=r"x\.yaml: the file could not be read \(IndexErr"):
        sup.load_upload(b"A: 1", "x.yaml")


def test_upload_limit_is_named():
    with pytest.raises(LimitError, match="20 MB"):
        sup.load_upload(b"x" * (sup.UPLOAD_LIMIT_BYTES + 1), "huge.yaml")
    with pytest.raises(LimitError, match="höchstens 20 MB"):
        sup.load_upload(b"x" * (sup.UPLOAD_LIMIT_BYTES + 1), "huge.ifc", lang="de")


def test_unknown_file_type_lists_the_allowed_ones():
    with pytest.raises(OrientationError, match=r"\.yaml.*\.ifc") as err:
        sup.load_upload(b"hello", "notes.txt")
    assert "notes.txt" in str(err.value)


def test_building_file_without_importers(monkeypatch):
    monkeypatch.setattr(sup.loading, "importer", lambda: None)
    with pytest.raises(OrientationError, match="importers not available"):
        sup.load_upload(b"ISO-10303-21;", "haus.ifc")


def test_building_file_goes_to_the_importers(monkeypatch):
    site = site_from_bytes(yaml.safe_dump(site_dict()).encode(), name="t.yaml")
    seen = []

    def fake_import_bytes(raw, *, name):
        seen.append((raw, name))
        return ImportResult(site=site, format="dxf", notes=(
            ImportNote("warning", "no-doors", "the drawing has no door inserts", "plan.dxf"),))

    monkeypatch.setattr(sup.loading, "importer", lambda: fake_import_bytes)
    loaded = sup.load_upload(b"DXF bytes", "C:\\plans\\Bau plan.DXF")
    assert seen == [(b"DXF bytes", "Bau plan.DXF")]
    assert loaded.site == site
    assert loaded.source.imported_from == "Bau plan.DXF"
    assert loaded.source.name == "Bau_plan.yaml"
    assert [(n.severity, sup.loading.note_text("en", n)) for n in loaded.source.notes] == [
        ("warning", "the drawing has no door inserts [plan.dxf]")]
    assert site_from_bytes(loaded.source.text.encode(), name="x.yaml") == site


def test_importer_crash_becomes_a_message(monkeypatch):
    def boom(raw, *, name):
        raise ValueError("unexpected entity #42")

    monkeypatch.setattr(sup.loading, "importer", lambda: boom)
    with pytest.raises(OrientationError, match=r"haus\.ifc: import failed: ValueError"):
        sup.load_upload(b"ISO", "haus.ifc")


def test_a_failure_after_the_importer_is_a_message_too(monkeypatch):
    """The site an importer returns is checked and dumped inside the same guard."""
    site = site_from_bytes(yaml.safe_dump(site_dict()).encode(), name="t.yaml")
    monkeypatch.setattr(sup.loading, "importer", lambda: lambda raw, *, name: ImportResult(
        site=site, format="ifc", notes=()))

    def no_memory(*args, **kw):
        raise MemoryError("cannot allocate")

    monkeypatch.setattr(sup.loading, "dump_site", no_memory)
    with pytest.raises(OrientationError, match=r"haus\.ifc: import failed: MemoryError"):
        sup.load_upload(b"ISO", "haus.ifc")


@pytest.mark.parametrize("exc", [RecursionError("deep"), KeyError("x"), OSError(28, "full")])
def test_failure_text_words_any_exception(exc):
    text = sup.failure_text(exc, name="[x](http://evil).ifc", lang="en")
    shown = sup.md_unescape(text)
    assert shown.startswith("[x](http://evil).ifc: unexpected error (" + type(exc).__name__)
    assert _escaped_only(text.replace("  \n", " ")) and "Traceback" not in shown
    err = SiteFileError("<b>.yaml", [])
    assert sup.md_unescape(sup.failure_text(err, name="n")) == str(err)


def test_the_real_importers_are_found():
    fn = sup.importer()
    assert fn is not None and fn.__name__ == "import_bytes"


@pytest.mark.parametrize(("raw", "name"), [
    (b"<osm version='0.6'></osm>", "leer.osm"),
    (b"PK\x03\x04 not really a zip", "venue.zip"),
    (b"0\nSECTION\n", "plan.dxf"),
])
def test_broken_building_files_give_messages(raw, name):
    with pytest.raises(OrientationError) as err:
        sup.load_upload(raw, name)
    assert name in str(err.value)
    assert tempfile.gettempdir() not in str(err.value)


def test_failed_uploads_leave_no_temporary_files(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    assert tempfile.gettempdir() == str(tmp_path)
    for raw, name in [(b"<osm version='0.6'><node", "kaputt.osm"), (b"PK\x03\x04", "v.zip"),
                      (b"0\nSECTION\n2\nENTITIES\n", "plan.dxf"), (b"\xff" * 64, "x.ifc")]:
        with pytest.raises(OrientationError):
            sup.load_upload(raw, name)
    assert sorted(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "clean"), [
    ("plan.ifc", "plan.ifc"), ("../x/../../evil.dxf", "evil.dxf"), ("a b.zip", "a_b.zip"),
    ("...", "upload"), ("C:\\tmp\\Haus.IFC", "Haus.IFC")])
def test_download_names_of_imported_files_are_plain(name, clean):
    assert sup.loading._clean_name(name) == clean


# --- tables and edits ------------------------------------------------------------------------


def test_tables_name_every_element(school, school_plan):
    site = school.site
    doors = sup.door_rows(site, school_plan)
    assert len(doors) == sum(len(b.doors) for b in site.buildings)
    main = next(r for r in doors if r["id"] == "d-haupteingang")
    assert main.items() >= {"code": "E1", "kind": "entrance", "storey": "EG", "pin": None,
                            "building": "A Hauptgebäude"}.items()
    inner = next(r for r in doors if r["kind"] == "inner")
    assert inner["code"] == ""
    rooms = sup.room_rows(site, school_plan)
    assert len(rooms) == 124 and all(r["code"] for r in rooms)
    stairs = sup.stair_rows(site, school_plan)
    assert sorted(s["code"] for s in stairs) == ["T1", "T2", "T3", "T4", "T5"]
    assert "UG" in stairs[0]["storeys"]
    assert [b["letter"] for b in sup.building_rows(site, school_plan)] == ["A", "C", "B"]


def test_pin_a_door_code_changes_the_plan(school, school_plan):
    rows = sup.door_rows(school.site, school_plan)
    rows[0]["pin"] = "E10"
    assert sup.rows_changed(sup.door_rows(school.site, school_plan), rows, "doors")
    site = sup.apply_rows(school.site, "doors", rows)
    plan = sup.plan_for(sup.site_json(site))
    assert plan.marking("main/d-haupteingang").code == "E10"
    assert plan.marking("main/d-haupteingang").pinned
    assert "E1" in codes(plan).values()  # the series goes on around the pinned code


def test_invalid_pin_is_refused_with_the_row_named(school, school_plan):
    rows = sup.door_rows(school.site, school_plan)
    rows[0]["pin"] = "E 1"
    with pytest.raises(SiteFileError) as err:
        sup.apply_rows(school.site, "doors", rows)
    assert "buildings[0].doors[0].label" in str(err.value)
    assert "'E 1' is not allowed" in str(err.value)


def test_door_kind_edit(school, school_plan):
    rows = sup.door_rows(school.site, school_plan)
    kueche = next(r for r in rows if r["id"] == "d-kueche")
    kueche["kind"] = "emergency_exit"
    plan = sup.plan_for(sup.site_json(sup.apply_rows(school.site, "doors", rows)))
    assert plan.marking("main/d-kueche").code.startswith("N")
    kueche["kind"] = "inner"
    plan = sup.plan_for(sup.site_json(sup.apply_rows(school.site, "doors", rows)))
    assert plan.marking("main/d-kueche") is None  # inner doors get no code


def test_room_names_landmarks_and_pins(school, school_plan):
    rows = sup.room_rows(school.site, school_plan)
    rows[0] |= {"name": "  Archiv Nord ", "landmark": True, "pin": float("nan")}
    rows[1] |= {"pin": "U99"}
    site = sup.apply_rows(school.site, "rooms", rows)
    room0, room1 = site.buildings[0].rooms[:2]
    assert (room0.name, room0.landmark, room0.number) == ("Archiv Nord", True, None)
    assert room1.number == "U99"
    plan = sup.plan_for(sup.site_json(site))
    assert plan.marking(f"main/{room1.id}").code == "U99"


def test_building_letters_are_capitals_and_blank_means_automatic(school, school_plan):
    rows = sup.building_rows(school.site, school_plan)
    rows[1]["pin"] = "x"  # the sports hall, C by default
    site = sup.apply_rows(school.site, "buildings", rows)
    assert site.building("sporthalle").letter == "X"
    plan = sup.plan_for(sup.site_json(site))
    assert {b.id: b.letter for b in plan.buildings}["sporthalle"] == "X"
    rows[1]["pin"] = ""
    assert sup.apply_rows(site, "buildings", rows).building("sporthalle").letter is None


def test_empty_cells_in_any_spelling_are_unchanged(school, school_plan):
    rows = sup.door_rows(school.site, school_plan)
    after = [r | {"pin": float("nan") if i % 2 else ""} for i, r in enumerate(rows)]
    assert not sup.rows_changed(rows, after, "doors")
    assert sup.apply_rows(school.site, "doors", after) == school.site


def test_unknown_table_is_refused(school):
    with pytest.raises(OrientationError, match="choose from"):
        sup.apply_rows(school.site, "windows", [])


# --- what the page shows ---------------------------------------------------------------------


def test_marking_rows(school_plan):
    rows = sup.marking_rows(school_plan, "de")
    assert len(rows) == len(school_plan.markings)
    e1 = next(r for r in rows if r["code"] == "E1")
    assert e1 == {"code": "E1", "kind": "Eingang", "building": "A Hauptgebäude", "storey": "EG",
                  "side": "A", "grid": e1["grid"], "name": "", "pinned": False}
    assert e1["grid"]
    stair = next(r for r in rows if r["code"] == "T1")
    assert " – " in stair["storey"]


def test_findings_grouped_errors_first_with_the_element_named(school):
    site = edits.set_main_door(school.site, None)
    plan = sup.plan_for(sup.site_json(site))
    groups = sup.findings_by_severity(plan)
    order = [sev for sev, _ in groups]
    assert order == sorted(order, key=["error", "warning", "info"].index)
    assert groups[0][0] == "error"
    assert groups[0][1][0]["element"] == "site"
    assert groups[0][1][0]["fix"] == "fix_no-main-entrance"
    assert "Haupteingang" in sup.tr("de", groups[0][1][0]["fix"])
    infos = dict(groups)["info"]
    assert any(i["element"] == "A Hauptgebäude" for i in infos)


def test_counts(school, school_plan):
    n = sup.counts(school.site, school_plan)
    assert n == {"buildings": 3, "doors": 25, "stairs": 5, "rooms": 124,
                 "signs": len(school_plan.signs), "errors": 0, "warnings": 0}


def test_signs_gallery_helpers(school_plan):
    kinds = sup.sign_kinds(school_plan)
    assert "entrance" in kinds and "room" in kinds
    rooms = sup.signs_of_kind(school_plan, "room")
    assert rooms and all(s.kind == "room" for s in rooms)
    assert len(sup.signs_of_kind(school_plan, None)) == len(school_plan.signs)
    e1 = next(s for s in school_plan.signs if s.text == "E1")
    assert sup.sign_caption(e1, "de") == f"E1 · {e1.width_mm:g} × {e1.height_mm:g} mm"
    us = sup.load_example(FLOORPLANS / "us-elementary.yaml")
    us_plan = sup.plan_for(sup.site_json(us.site))
    one = [s for s in us_plan.signs if s.text == "1"]
    captions = {sup.sign_caption(s, "en", inches=True) for s in one}
    assert len(captions) == len(one) and all(c.endswith(" in") for c in captions)
    assert any("Entrance" in c for c in captions)
    assert sup.uses_inches(load_profile("us-k12")) and not sup.uses_inches(load_profile("guetersloh"))


# --- the site file to download ---------------------------------------------------------------


def test_site_text_unchanged_is_the_file_itself(school):
    assert sup.site_text(school.source, school.site) == school.source.text


def test_site_text_keeps_comments_and_writes_edits(school, school_plan):
    rows = sup.room_rows(school.site, school_plan)
    rows[0]["name"] = "Archiv Nord"
    site = sup.apply_rows(school.site, "rooms", rows)
    site = edits.set_profile(edits.set_main_door(site, "main/d-pausenhalle"), "us-k12")
    text = sup.site_text(school.source, site)
    assert site_from_bytes(text.encode(), name="x.yaml") == site
    assert text.startswith("# Beispiel-Standort")
    assert "# Hauptgebäude: U-Form" in text and "Archiv Nord" in text
    assert text.count("main: true") == 1 and "profile: us-k12" in text


def test_site_text_json_stays_json(school):
    source = sup.Source("s.json", dump_site(school.site, fmt="json"))
    site = edits.set_profile(school.site, "us-k12")
    text = sup.site_text(source, site)
    assert json.loads(text)["profile"] == "us-k12"
    assert site_from_bytes(text.encode(), name="s.json") == site


def test_site_text_of_an_imported_site_is_a_fresh_dump(school):
    source = sup.Source("bau.yaml", dump_site(school.site), imported_from="bau.ifc")
    site = edits.set_profile(school.site, "us-k12")
    assert site_from_bytes(sup.site_text(source, site).encode(), name="bau.yaml") == site


def test_pinned_site_text_pins_every_code(school, school_plan):
    text = sup.pinned_site_text(school.source, school.site, school_plan)
    site = site_from_bytes(text.encode(), name="p.yaml")
    for b in site.buildings:
        assert b.letter
        assert all(d.label for d in b.doors if d.kind.value != "inner")
        assert all(s.label for s in b.stairs) and all(r.number for r in b.rooms)
    assert "# Hauptgebäude: U-Form" in text
    assert codes(sup.plan_for(sup.site_json(site))) == codes(school_plan)
    assert sup.pinned_name(school.source) == "gesamtschule-pinned.yaml"


SHARED_ROOM = """\
format: orientation/site@1
site:
  name: Geteilt
profile: guetersloh
buildings:
  # a room written once and used again in the second building (the two overlap by a strip)
  - id: b
    name: Haus
    footprint: [[0, 0], [20, 0], [20, 10], [0, 10]]
    storeys:
      - {level: 0, name: EG}
    doors:
      - {id: d1, at: [10, 0], level: 0, kind: entrance, main: true}
    rooms:
      - {id: r0, level: 0, name: Raum0, polygon: [[0, 0], [19, 0], [19, 10], [0, 10]]}
      - &r {id: r1, level: 0, name: Raum, polygon: [[19, 4], [20, 4], [20, 6], [19, 6]]}
  - id: c
    name: Haus2
    footprint: [[19, 0], [39, 0], [39, 10], [19, 10]]
    storeys:
      - {level: 0, name: EG}
    doors:
      - {id: d1, at: [29, 0], level: 0, kind: entrance}
    rooms:
      - *r
      - {id: r2, level: 0, name: Raum2, polygon: [[20, 0], [39, 0], [39, 10], [20, 10]]}
"""


def room_numbers(text: str, name: str = "p.yaml") -> dict[str, str | None]:
    site = site_from_bytes(text.encode(), name=name)
    return {f"{b.id}/{r.id}": r.number for b in site.buildings for r in b.rooms}


def test_shared_rooms_never_get_one_code():
    """Pinning a room that a YAML alias shares with another building would give both one code:
    the pinned download is refused in the file's own text (and says why) and written afresh."""
    loaded = sup.load_upload(SHARED_ROOM.encode(), "geteilt.yaml")
    plan = sup.plan_for(sup.site_json(loaded.site))
    want = {m.id: m.code for m in plan.markings if m.kind == "room"}
    assert want["b/r1"] != want["c/r1"]
    with pytest.raises(SiteFileError, match="alias") as err:
        sup.pinned_site_text(loaded.source, loaded.site, plan, strict=True)
    assert err.value.file == "geteilt.yaml"
    text = sup.pinned_site_text(loaded.source, loaded.site, plan)
    assert room_numbers(text) == want  # every room its own code
    why = sup.pinned_text_problem(loaded.source, loaded.site, plan)
    assert why and "alias" in sup.md_unescape(why)
    # "Freeze all codes" in the app: the site in memory, then its download
    frozen, n = edits.freeze_codes(loaded.site, plan)
    assert n and room_numbers(sup.site_text(loaded.source, frozen)) == want
    assert sup.site_text_problem(loaded.source, frozen)
    with pytest.raises(SiteFileError):
        sup.site_text(loaded.source, frozen, strict=True)


def test_a_merge_key_keeps_the_file_and_its_own_codes():
    text = SHARED_ROOM.replace("      - *r\n", "      - <<: *r\n        id: r3\n")
    loaded = sup.load_upload(text.encode(), "merge.yaml")
    plan = sup.plan_for(sup.site_json(loaded.site))
    want = {m.id: m.code for m in plan.markings if m.kind == "room"}
    pinned = sup.pinned_site_text(loaded.source, loaded.site, plan, strict=True)
    assert room_numbers(pinned) == want and len(set(want.values())) == len(want)
    assert "# a room written once" in pinned and "<<: *r" in pinned
    assert sup.pinned_text_problem(loaded.source, loaded.site, plan) is None


def test_files_without_anchors_skip_the_check(school, school_plan, monkeypatch):
    assert sup.site_text_problem(school.source, school.site) is None
    import app_support.site_file as site_file

    def no_round_trip(*a, **kw):
        raise AssertionError("a file that shares nothing needs no pinned round trip")

    monkeypatch.setattr(site_file.edits, "freeze_codes", no_round_trip)
    assert sup.pinned_text_problem(school.source, school.site, school_plan) is None


# --- text on the page ------------------------------------------------------------------------

HOSTILE_MD = ["[x](http://evil) ![t](http://evil/t.png) <img src=x>", "<script>x</script>",
              "www.evil.example a@b.example https://evil.example", ":smile: :material/home:",
              ":red[rot] :streamlit: $x^2$ $$y$$", "*a* _b_ ~~c~~ `d` # e | f |", "&amp; &lt; \\",
              "- item", "1. item", "> quote", "line\nbreak\r\nand\ttab", "=HYPERLINK(1)"]
_PUNCT = r"[!-/:-@\[-`{-~]"


@pytest.mark.parametrize("text", HOSTILE_MD)
def test_md_escape_leaves_no_markup(text):
    md = sup.md_escape(text)
    assert _escaped_only(md), md  # every ASCII punctuation character (CommonMark: literal)
    # what GFM and Streamlit find in text after the escapes are read: broken by a word joiner
    plain = re.sub(rf"\\({_PUNCT})", r"\1", md)
    assert not re.search(r"https?://|www\.|@\w|:[\w+-]", plain), plain
    assert "\n" not in md and "\t" not in md
    flat = " ".join(text.replace("\r\n", "\n").split("\n")).replace("\t", " ")
    assert sup.md_unescape(md) == flat


@settings(max_examples=300, deadline=None)
@given(st_text())
def test_md_escape_round_trips_what_a_reader_sees(text):
    flat = re.sub(r"\r\n|[\r\n\v\f\x85\u2028\u2029]", " ", text.replace("\t", " "))
    assert sup.md_unescape(sup.md_escape(text)) == flat.replace(sup.WORD_JOINER, "")


def _escaped_only(md: str) -> bool:
    """Whether every ASCII punctuation character in ``md`` is preceded by a backslash."""
    i, body = 0, md.replace(sup.WORD_JOINER, "")
    while i < len(body):
        if body[i] == "\\":
            if i + 1 >= len(body) or not re.match(_PUNCT, body[i + 1]):
                return False
            i += 2
            continue
        if re.match(_PUNCT, body[i]):
            return False
        i += 1
    return True


@settings(max_examples=300, deadline=None)
@given(st_text())
def test_md_escape_escapes_every_punctuation_character(text):
    assert _escaped_only(sup.md_escape(text))


def test_problem_text_escapes_file_names_and_values():
    err = SiteFileError("[x](http://evil).yaml", [
        Problem("buildings[0].name", "'<img src=x>' is too long"),
        Problem("site.name", "*bold*")])
    md = sup.problem_text(err)
    head, *items = md.split("\n")
    assert _escaped_only(head) and all(i.startswith("- ") and _escaped_only(i[2:]) for i in items)
    shown = sup.md_unescape(md)
    assert shown.startswith("[x](http://evil).yaml: 2 problems:")
    assert "- buildings[0].name: '<img src=x>' is too long" in shown


# --- outputs ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def school_files(school):
    return sup.render_for(sup.site_json(school.site)).files


def test_outputs_for_the_page_and_the_downloads(school_files, school_plan):
    pages = sup.map_pages(school_files)
    first = next(iter(pages))
    assert pages[first].lstrip().startswith(b"<")
    assert sup.svg_title(pages[first])
    assert len(pages) >= 2
    signs = sup.sign_svgs(school_files)
    assert len(signs) == len(school_plan.signs)
    assert set(signs) == {s.id for s in school_plan.signs}
    for name in sup.DOWNLOADS:
        assert name in school_files, name
    assert school_files["signs.pdf"].startswith(b"%PDF")


def test_zip_is_complete_and_byte_stable(school_files):
    a = sup.zip_outputs(school_files, folder="gesamtschule", extra={"gesamtschule.yaml": b"x"})
    b = sup.zip_outputs(school_files, folder="gesamtschule", extra={"gesamtschule.yaml": b"x"})
    assert a == b
    names = zipfile.ZipFile(io.BytesIO(a)).namelist()
    assert "gesamtschule/maps.pdf" in names and "gesamtschule/gesamtschule.yaml" in names
    assert len(names) == len(school_files) + 1
    assert sup.mime_of("x.pdf") == "application/pdf" and sup.mime_of("x.bin").endswith("stream")


def test_replanning_the_school_after_an_edit(school, school_plan):
    """An edit in the table re-plans the site (how long it takes: ``make bench``)."""
    rows = sup.door_rows(school.site, school_plan)
    rows[3]["pin"] = "E42"
    site = sup.apply_rows(school.site, "doors", rows)
    plan = sup.plan_for(sup.site_json(site))
    assert plan.marking("main/d-kueche").code == "E42"
    assert school_plan.marking("main/d-kueche").code != "E42"


def test_exported_names_exist():
    assert all(hasattr(sup, name) for name in sup.__all__)


def test_importable_without_streamlit():
    import subprocess

    code = ("import sys; sys.modules['streamlit'] = None; import app_support; "
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert out.stdout.strip() == "ok"


def test_main_entrance_choices_name_the_code(school, school_plan):
    doors = sup.exterior_doors(school.site, school_plan)
    assert doors[0][0] == "main/d-haupteingang" and doors[0][1].startswith("E1 · ")
    assert len(doors) == sup.counts(school.site, school_plan)["doors"]


def test_the_app_words_say_nothing_the_library_says():
    """Kinds the library names come from the library; only the app's own kinds are here."""
    assert {k for k in sup.TEXTS["en"] if k.startswith("kind_")} == {"kind_inner", "kind_side"}
    assert sup.kind_word("de", "emergency_exit") == "Notausgang"
    assert "text_not_faithful" not in sup.TEXTS["en"]


def test_room_use_is_edited_in_the_table_and_written_into_the_file(school, school_plan):
    rows = sup.room_rows(school.site, school_plan)
    assert "use" in rows[0] and set(sup.ROOM_USES) >= {"heating", "stair", "toilet"}
    rows[0]["use"] = "heating"
    rows[1]["use"] = None
    site = sup.apply_rows(school.site, "rooms", rows)
    assert site.buildings[0].rooms[0].use.value == "heating"
    assert site.buildings[0].rooms[1].use is None
    text = sup.site_text(school.source, site)
    first = school.site.buildings[0].rooms[0].id
    line = next(ln for ln in text.splitlines() if f"id: {first}," in ln or f"id: {first}}}" in ln)
    assert "use: heating" in line
    assert sup.use_word("de", "heating") == "Heizung, Kesselraum"
    with pytest.raises(OrientationError, match=r"rooms\[0\]\.use"):
        sup.apply_rows(school.site, "rooms", [rows[0] | {"use": "boiler"}])


def test_import_notes_about_what_the_editor_added_are_gone():
    """A DXF without doors says so on import; once a door (and a main entrance) is added, the
    notes "no doors" and "no main entrance" no longer show; other notes stay."""
    from orientation import plan_edits
    from orientation.io import ImportNote

    text = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8")
    loaded = sup.load_upload(text.encode(), "r.yaml")
    b = loaded.site.buildings[0]
    bare = loaded.site.model_copy(update={"buildings": (b.model_copy(update={"doors": ()}),
                                                        *loaded.site.buildings[1:])})
    notes = [ImportNote.worded("error", "no-doors", "", "import.no-doors"),
             ImportNote.worded("warning", "no-main-entrance", "", "import.no-main-entrance"),
             ImportNote.worded("info", "unnamed-roads", "", "import.unnamed-roads", n=2)]
    assert [n.code for n in sup.current_notes(notes, bare)] == [
        "no-doors", "no-main-entrance", "unnamed-roads"]
    at = b.footprint[0]
    with_door, _ = plan_edits.add_door(bare, b.id, (at[0], at[1]))
    assert [n.code for n in sup.current_notes(notes, with_door)] == [
        "no-main-entrance", "unnamed-roads"]
    main, _ = plan_edits.add_door(bare, b.id, (at[0], at[1]), main=True)
    assert [n.code for n in sup.current_notes(notes, main)] == ["unnamed-roads"]
