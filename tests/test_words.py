"""The word catalogue: every key in German and English with the same placeholders; findings
carry their key, read in either language, and keep plan.json's English message."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from conftest import building, site_dict
from orientation import words
from orientation.compose import common, symbols
from orientation.io import ImportNote
from orientation.io._notes import Notes
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.plan import Finding

SRC = Path(__file__).resolve().parents[1] / "src" / "orientation"


@pytest.mark.parametrize("key", sorted(words.CATALOGUE))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    entry = words.CATALOGUE[key]
    assert set(entry) == set(words.LANGUAGES), key
    de, en = entry["de"], entry["en"]
    assert de.strip() and en.strip(), key
    assert words.placeholders(de) == words.placeholders(en), key


def test_a_key_reads_in_each_language_and_english_for_any_other():
    assert words.text("kind.emergency_exit", "de") == "Notausgang"
    assert words.text("kind.emergency_exit", "en") == "Emergency exit"
    assert words.text("kind.emergency_exit", "fr") == "Emergency exit"
    assert words.text("map.sheet", "de", n=1, m=3) == "Blatt 1 von 3"
    assert words.table("app.", "de")["findings_header"] == "Hinweise"


def test_unknown_keys_and_missing_parameters_are_errors_not_silent_words():
    with pytest.raises(KeyError):
        words.text("finding.no-such-finding", "de")
    with pytest.raises(KeyError):
        words.text("map.sheet", "de", n=1)
    assert words.word("de", "no-such-kind") == "no-such-kind"


def test_a_phrase_as_parameter_is_worded_in_the_language_of_the_text():
    what = words.Ref.to("what.room-name", room="r1")
    de = words.text("finding.unprintable-characters", "de", what=what, shown="会", missing="会")
    en = words.text("finding.unprintable-characters", "en", what=what, shown="会", missing="会")
    assert de.startswith("Der Name von Raum r1 ('会') enthält Zeichen")
    assert en.startswith("the name of room r1 ('会') has characters")


def test_the_catalogue_is_read_only():
    with pytest.raises(TypeError):
        words.CATALOGUE["kind.stair"] = {"de": "x", "en": "x"}  # type: ignore[index]
    with pytest.raises(TypeError):
        words.CATALOGUE["kind.stair"]["de"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        words.table("map.", "de")["legend"] = "x"  # type: ignore[index]


_KEY = re.compile(r'"((?:finding|what|feature|kind|compose|symbol|symbol-abbr|map|import|app)'
                  r'\.[A-Za-z0-9_-]+)"')


def _sources(*folders: str) -> list[Path]:
    return [p for folder in folders for p in sorted((SRC / folder).rglob("*.py"))]


def test_every_key_the_code_names_is_in_the_catalogue():
    """A key written in the layout, compose or the importers (``"finding.…"``,
    ``"compose.…"``, ``"import.…"`` …) exists; so does every label ``word(lang, "…")`` asks
    compose's table for."""
    named: dict[str, set[str]] = {}
    for path in _sources("layout", "compose", "io"):
        src = path.read_text("utf-8")
        keys = set(_KEY.findall(src))
        keys |= {"compose." + k for k in re.findall(r'\bword\(\w+, "([a-z_]+)"\)', src)}
        for k in keys:
            named.setdefault(k, set()).add(path.name)
    assert any(k.startswith("finding.") for k in named), "the layout names no keys?"
    assert any(k.startswith("compose.") for k in named), "compose names no keys?"
    missing = {k: sorted(v) for k, v in named.items() if k not in words.CATALOGUE}
    assert not missing, missing


def _note_calls():
    """Every ``notes.error/warning/info(code, …, key=…, **params)``, ``Ref.to("import.…",
    **params)`` and ``Ref("import.…")`` in the importers: (where, key, parameter names)."""
    for path in _sources("io"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f, where = node.func, f"{path.name}:{node.lineno}"
            if isinstance(f, ast.Name) and f.id == "Ref" and isinstance(node.args[0], ast.Constant):
                yield where, node.args[0].value, set()  # a phrase without parameters
            if not isinstance(f, ast.Attribute):
                continue
            kw = {k.arg: k.value for k in node.keywords}
            if isinstance(f.value, ast.Name) and f.value.id == "notes" and f.attr in (
                    "error", "warning", "info"):
                code = node.args[0]
                assert isinstance(code, ast.Constant), where
                assert None not in kw, f"{where}: parameters by ** cannot be checked"
                key = kw.pop("key").value if "key" in kw else f"import.{code.value}"  # type: ignore[attr-defined]
                yield where, key, set(kw)
            elif isinstance(f.value, ast.Name) and f.value.id == "Ref" and f.attr == "to":
                key = node.args[0]
                if isinstance(key, ast.Constant) and key.value.startswith("import."):
                    assert None not in kw, f"{where}: parameters by ** cannot be checked"
                    yield where, key.value, set(kw)


def test_every_import_note_is_in_the_catalogue_with_its_parameters():
    calls = list(_note_calls())
    assert len(calls) > 60, len(calls)
    for where, key, params in calls:
        assert key in words.CATALOGUE, f"{where}: {key}"
        for lang in words.LANGUAGES:
            assert words.placeholders(words.template(key, lang)) == params, (where, key, lang)
    used = {key for _, key, _ in calls} | {"import.notes-capped", "import.default-zero",
                                           "import.default-revit"}
    unused = {k for k in words.CATALOGUE if k.startswith("import.")} - used
    assert not unused, unused


def test_an_import_note_reads_in_either_language_and_keeps_its_english_message():
    hint = words.Ref.to("import.imdf-did-you-mean", name="level")
    note = ImportNote.worded("warning", "imdf-unknown-file", "levle.geojson",
                             "import.imdf-unknown-file", name="levle.geojson", hint=hint)
    assert note.message == ("levle.geojson is not an IMDF file (did you mean level.geojson?); "
                            "ignored")
    assert note.text("en") == note.text("fr") == note.message
    assert note.text("de") == "levle.geojson ist keine IMDF-Datei (gemeint: level.geojson?); ignoriert"
    assert ImportNote("info", "x", "as written").text("de") == "as written"


def test_an_import_note_crosses_the_contained_import_as_json():
    """The child of a contained import hands its notes over as JSON; the parent takes a key
    only when the catalogue can word it, else the English message alone."""
    notes = Notes()
    notes.info("dxf-labels", labelled=3, n=4, layer="A-TEXT",
               unplaced=words.Ref.to("import.dxf-labels-unplaced", n=2), multi="")
    notes.warning("plan-shifted", km=1234.5, dx=-1.0, dy=2.5)
    for note in notes.close():
        back = ImportNote.from_json(json.loads(json.dumps(note.to_json())))
        assert back == note and back.text("de") == note.text("de") != note.message
    assert ImportNote.from_json(["info", "x", "text", ""]) == ImportNote("info", "x", "text")
    for key, params in [("import.no-such-note", {}), ("app.app_title", {}),
                        ("import.dxf-repaired", {}), ("import.dxf-repaired", {"n": [1]}),
                        ("import.dxf-repaired", {"n": "many"}),  # '{n}' takes any text
                        ("import.imdf-unknown-file", {"name": "x", "hint": {"ref": "app.x",
                                                                            "params": {}}})]:
        back = ImportNote.from_json(["warning", "c", "the message", "el", key, params])
        assert back is not None and back.message == "the message" and back.element == "el"
        if key != "import.dxf-repaired" or params.get("n") != "many":
            assert back.key == "" and back.text("de") == "the message", (key, params)
    assert ImportNote.from_json(["bad", "c", "m", "e"]) is None
    assert ImportNote.from_json({"severity": "info"}) is None


def test_compose_words_and_symbol_names_come_from_the_catalogue():
    assert common.word("de", "col_size") == "Größe (mm)" == words.text("compose.col_size", "de")
    assert common.word("fr", "stair") == "Stair" and common.word("de", "no-such") == "no-such"
    assert common.LABELS["en"]["col_quantity"] == "Qty"
    assert symbols.NAMES["de"]["key_box"] == "Feuerwehr-Schlüssel\u00addepot"
    assert symbols.ABBREVIATIONS["en"]["key_box"] == "KNOX"
    for table in (symbols.NAMES, symbols.ABBREVIATIONS, common.LABELS):
        assert list(table["de"]) == list(table["en"])  # the same keys, in the same order
        with pytest.raises(TypeError):
            table["de"]["x"] = "y"  # type: ignore[index]
    assert tuple(symbols.NAMES["en"]) == symbols.SYMBOL_KINDS
    assert set(symbols.ABBREVIATIONS["en"]) <= set(symbols.SYMBOL_KINDS)


def _findings_site() -> dict:
    """A site with many kinds of finding: no main entrance, no road, a room without an
    outline in front of a window, a one-storey stair, a duplicate pin, names no font has."""
    b = building(
        doors=[{"id": "d1", "kind": "entrance", "at": [10, 0], "label": "E7"},
               {"id": "d2", "kind": "emergency_exit", "at": [0, 5], "label": "E7"}],
        stairs=[{"id": "s1", "at": [5, 5], "levels": [0]}],
        rooms=[{"id": "r1", "level": 0, "name": "会議室"}],
        windows=[{"id": "w1", "level": 0, "at": [40, 10]}])
    data = site_dict([b])
    data.pop("site_features", None)
    return data


@pytest.fixture(scope="module")
def plan():
    return make_plan(site_from_data(_findings_site(), file="t.yaml"), "guetersloh")


def test_findings_carry_their_key_and_read_in_both_languages(plan):
    codes = {f.code for f in plan.findings}
    assert {"no-main-entrance", "no-road", "duplicate-code", "stair-one-storey",
            "unprintable-characters"} <= codes, codes
    for f in plan.findings:
        assert f.key in words.CATALOGUE, f
        assert f.text("en") == f.message  # plan.json's message is the English text
        assert f.text("de") != f.text("en"), f
    first = {f.code: f for f in plan.findings}
    assert first["no-main-entrance"].text("de").startswith("Keine Tür ist als Haupteingang")
    assert first["stair-one-storey"].text("de").startswith("Treppe T1 verbindet nur Geschoss 0")


def test_plan_json_has_the_english_message_and_no_key(plan):
    doc = json.loads(plan.to_json())
    for record, f in zip(doc["findings"], plan.findings, strict=True):
        assert list(record) == ["severity", "code", "element", "message"]
        assert record["message"] == f.message
    no_main = next(r for r in doc["findings"] if r["code"] == "no-main-entrance")
    assert no_main["message"] == (
        "no door is marked as the main entrance, so E1 / door 1 and side A cannot be decided "
        "from the building: mark the main entrance with 'main: true' (codes now start at the "
        "side facing the nearest road)")


def test_a_finding_made_by_hand_reads_its_message():
    f = Finding("info", "x", "site", "as written")
    assert f.text("de") == f.text("en") == "as written"


def test_findings_are_immutable_and_hashable(plan):
    f = plan.findings[0]
    assert isinstance(f.params, tuple)
    hash(f)
    with pytest.raises(AttributeError):
        f.key = "x"  # type: ignore[misc]
