"""The word catalogue: every key in German and English with the same placeholders; findings
carry their key, read in either language, and keep plan.json's English message."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import building, site_dict
from orientation import words
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


def test_every_key_the_code_names_is_in_the_catalogue():
    """A ``"finding.…"``, ``"what.…"`` or ``"feature.…"`` key written in the layout exists."""
    named = set()
    for path in (SRC / "layout").glob("*.py"):
        named |= set(re.findall(r'"((?:finding|what)\.[a-z-]+)"', path.read_text("utf-8")))
    assert named, "the layout names no keys?"
    assert named <= set(words.CATALOGUE), named - set(words.CATALOGUE)


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
