"""Site edits (orientation.edits): pure functions on a Site, and the site file's own text with
the edits kept; every pin through orientation.io.pinning."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FLOORPLANS
from orientation import edits
from orientation.changes import pin_site
from orientation.errors import OptionError, SiteFileError
from orientation.io.pinning import PIN_KEYS, SharedElementError, pin_text
from orientation.io.site_file import dump_site, site_from_bytes
from orientation.layout.engine import make_plan
from orientation.model import Site
from orientation.pipeline import load_site
from orientation.profiles import load_profile

SCHOOL = FLOORPLANS / "gesamtschule.yaml"


def plan_of(site: Site):
    return make_plan(site, load_profile(site.profile or "guetersloh"))


@pytest.fixture(scope="module")
def school() -> tuple[Site, str]:
    return load_site(SCHOOL), SCHOOL.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def school_plan(school):
    return plan_of(school[0])


def door_codes(plan):
    return {m.id: m.code for m in plan.markings if m.kind in edits.CODED_KINDS}


# --- fields ----------------------------------------------------------------------------------


def test_editable_fields_pin_with_the_keys_of_io_pinning():
    for table, pin in PIN_KEYS.items():
        assert pin in edits.EDITABLE_FIELDS[table]
    assert "letter" in edits.EDITABLE_FIELDS["buildings"]


def test_apply_rows_sets_pins_names_and_landmarks(school):
    site, _ = school
    b = site.buildings[0]
    site2 = edits.apply_rows(site, "doors", [{"building": b.id, "id": b.doors[0].id,
                                              "label": " E10 "}])
    assert site2.buildings[0].doors[0].label == "E10"
    assert plan_of(site2).marking(f"{b.id}/{b.doors[0].id}").code == "E10"
    r = b.rooms[0]
    site3 = edits.apply_rows(site, "rooms", [{"building": b.id, "id": r.id, "name": "Archiv",
                                              "landmark": True, "number": float("nan")}])
    room = site3.buildings[0].rooms[0]
    assert (room.name, room.landmark, room.number) == ("Archiv", True, None)
    # a field left out is unchanged; an unknown row is ignored
    assert edits.apply_rows(site, "rooms", [{"building": b.id, "id": r.id}]) == site
    assert edits.apply_rows(site, "rooms", [{"building": "nope", "id": r.id, "name": "x"}]) == site


def test_apply_rows_letters_are_capitals(school):
    site, _ = school
    site2 = edits.apply_rows(site, "buildings", [{"id": "sporthalle", "letter": "x"}])
    assert site2.building("sporthalle").letter == "X"
    assert edits.apply_rows(site2, "buildings", [{"id": "sporthalle", "letter": ""}]) \
        .building("sporthalle").letter is None


def test_an_invalid_edit_names_the_key_path(school):
    site, _ = school
    b = site.buildings[0]
    with pytest.raises(SiteFileError) as err:
        edits.apply_rows(site, "doors", [{"building": b.id, "id": b.doors[0].id, "label": "E 1"}])
    assert "buildings[0].doors[0].label" in str(err.value)
    assert "'E 1' is not allowed" in str(err.value)


def test_unknown_choices_are_option_errors(school):
    site, _ = school
    with pytest.raises(OptionError, match="choose from") as err:
        edits.apply_rows(site, "windows", [])
    assert err.value.option == "table"
    with pytest.raises(OptionError, match="choose one of") as err:
        edits.set_profile(site, "nonsense")
    assert err.value.option == "profile"


def test_main_entrance_and_profile(school, school_plan):
    site, _ = school
    assert edits.main_door(site) == "main/d-haupteingang"
    moved = edits.set_main_door(site, "pavillon/d-eingang")
    assert edits.main_door(moved) == "pavillon/d-eingang"
    assert plan_of(moved).marking("pavillon/d-eingang").code == "E1"
    none = edits.set_main_door(site, None)
    assert edits.main_door(none) is None
    assert any(f.code == "no-main-entrance" for f in plan_of(none).findings)
    us = edits.set_profile(site, "us-k12")
    assert plan_of(us).marking("main/d-haupteingang").code == "1"


def test_blank():
    assert edits.blank(None) is None and edits.blank(float("nan")) is None
    assert edits.blank(" E1 ") == "E1" and edits.blank(3) == "3"


# --- pins ------------------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["gesamtschule", "rathaus", "us-elementary"])
def test_freeze_codes_pins_every_code_and_changes_none(example):
    site = load_site(FLOORPLANS / f"{example}.yaml")
    plan = plan_of(site)
    frozen, n = edits.freeze_codes(site, plan)
    assert n > 0
    after = plan_of(frozen)
    coded = (*edits.CODED_KINDS, "building")
    got = {m.id: m.code for m in after.markings if m.kind in coded}
    assert got == {m.id: m.code for m in plan.markings if m.kind in coded}
    assert all(m.pinned for m in after.markings if m.kind in coded)
    assert [f.code for f in after.findings if f.severity != "info"] == \
        [f.code for f in plan.findings if f.severity != "info"]
    assert edits.freeze_codes(frozen, after) == (frozen, 0)


@pytest.mark.parametrize("example", ["gesamtschule", "rathaus", "us-elementary"])
def test_freeze_in_memory_equals_the_command_lines_pin(example, tmp_path):
    """One pinning rule: the Site frozen in memory is the site file that ``pin`` writes."""
    path = tmp_path / f"{example}.yaml"
    path.write_bytes((FLOORPLANS / f"{example}.yaml").read_bytes())
    site = load_site(path)
    plan = plan_of(site)
    frozen, n = edits.freeze_codes(site, plan)
    assert pin_site(path, plan) == n
    assert load_site(path) == frozen


def test_plan_pins_are_what_pin_text_takes(school, school_plan):
    site, text = school
    codes, letters = edits.plan_pins(school_plan)
    out, n = pin_text(text, suffix=".yaml", codes=codes, letters=letters, file="s.yaml",
                      guidance=edits.guidance_pins(school_plan))
    assert site_from_bytes(out.encode(), name="s.yaml") == edits.freeze_codes(site,
                                                                            school_plan)[0]
    assert n == edits.freeze_codes(site, school_plan)[1]


# --- the site file's own text ----------------------------------------------------------------


def test_unchanged_site_is_the_file_itself(school):
    site, text = school
    assert edits.site_text(text, site, name="gesamtschule.yaml") == text


def test_edits_keep_comments(school, school_plan):
    site, text = school
    b = site.buildings[0]
    site = edits.apply_rows(site, "rooms", [{"building": b.id, "id": b.rooms[0].id,
                                             "name": "Archiv Nord"}])
    site = edits.set_profile(edits.set_main_door(site, "main/d-pausenhalle"), "us-k12")
    out = edits.site_text(text, site, name="gesamtschule.yaml")
    assert site_from_bytes(out.encode(), name="x.yaml") == site
    assert out.startswith("# Beispiel-Standort") and "# Hauptgebäude: U-Form" in out
    assert "Archiv Nord" in out and out.count("main: true") == 1 and "profile: us-k12" in out


PINNED = """\
format: orientation/site@1
site: {name: Klein}
buildings:
  - id: b
    name: Haus
    footprint: [[0, 0], [20, 0], [20, 10], [0, 10]]
    storeys: [{level: 0, name: EG}]
    doors:
      - id: d1
        at: [10, 0]
        level: 0
        label: E7  # painted 2019
        kind: entrance
        main: true
"""


def test_a_changed_pin_goes_through_pinning_and_keeps_its_comment():
    site = site_from_bytes(PINNED.encode(), name="k.yaml")
    changed = edits.apply_rows(site, "doors", [{"building": "b", "id": "d1", "label": "E8"}])
    out = edits.site_text(PINNED, changed, name="k.yaml", strict=True)
    assert "label: E8" in out and "# painted 2019" in out and "E7" not in out
    assert site_from_bytes(out.encode(), name="k.yaml") == changed
    cleared = edits.apply_rows(site, "doors", [{"building": "b", "id": "d1", "label": ""}])
    out = edits.site_text(PINNED, cleared, name="k.yaml", strict=True)
    assert "label:" not in out
    assert site_from_bytes(out.encode(), name="k.yaml") == cleared


ALIASED = """\
format: orientation/site@1
site: {name: Geteilt}
buildings:
  - id: b
    name: Haus
    footprint: [[0, 0], [20, 0], [20, 10], [0, 10]]
    storeys: [{level: 0, name: EG}]
    doors:
      - {id: d1, at: [10, 0], level: 0, kind: entrance, main: true}
    rooms:
      - {id: r0, level: 0, name: Raum0, polygon: [[0, 0], [19, 0], [19, 10], [0, 10]]}
      - &r {id: r1, level: 0, number: '001', polygon: [[19, 4], [20, 4], [20, 6], [19, 6]]}
  - id: c
    name: Haus2
    footprint: [[19, 0], [39, 0], [39, 10], [19, 10]]
    storeys: [{level: 0, name: EG}]
    doors:
      - {id: d1, at: [29, 0], level: 0, kind: entrance}
    rooms:
      - *r
      - {id: r2, level: 0, name: Raum2, polygon: [[20, 0], [39, 0], [39, 10], [20, 10]]}
"""


def test_a_changed_pin_in_a_shared_mapping_is_refused_with_the_key_paths():
    site = site_from_bytes(ALIASED.encode(), name="a.yaml")
    changed = edits.apply_rows(site, "rooms", [{"building": "c", "id": "r1", "number": "101"}])
    with pytest.raises(SharedElementError, match=r"buildings\[1\]\.rooms\[0\]"):
        edits.site_text(ALIASED, changed, name="a.yaml", strict=True)
    fresh = edits.site_text(ALIASED, changed, name="a.yaml")  # written afresh: one code each
    assert site_from_bytes(fresh.encode(), name="a.yaml") == changed
    assert edits.may_share_elements(ALIASED, name="a.yaml")


def test_json_keeps_its_own_layout(school):
    site, _ = school
    text = json.dumps(json.loads(dump_site(site, fmt="json")), indent=4, ensure_ascii=False)
    us = edits.set_profile(site, "us-k12")
    out = edits.site_text(text, us, name="s.json")
    assert json.loads(out)["profile"] == "us-k12"
    assert '\n    "format"' in out  # four spaces, as the file had
    assert site_from_bytes(out.encode(), name="s.json") == us
    assert not edits.may_share_elements(out, name="s.json")


def test_pinned_site_text_pins_every_code(school, school_plan):
    site, text = school
    out = edits.pinned_site_text(text, site, school_plan, name="gesamtschule.yaml")
    pinned = site_from_bytes(out.encode(), name="p.yaml")
    for b in pinned.buildings:
        assert b.letter
        assert all(d.label for d in b.doors if d.kind.value != "inner")
        assert all(s.label for s in b.stairs) and all(r.number for r in b.rooms)
    assert "# Hauptgebäude: U-Form" in out
    assert door_codes(plan_of(pinned)) == door_codes(school_plan)


# --- a library module ------------------------------------------------------------------------


def test_no_streamlit_and_no_own_pin_table():
    src = Path(edits.__file__).read_text(encoding="utf-8")
    tree = ast.parse(src)
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(n.split(".")[0] in ("streamlit", "app_support", "pandas") for n in names)
    assert '"number"' not in src and "'number'" not in src  # pin keys come from io.pinning
    code = "import sys; sys.modules['streamlit'] = None; import orientation.edits; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_one_list_of_coded_kinds_and_one_key_setter():
    from orientation import changes
    from orientation.io import pinning

    assert changes.CODED_KINDS is edits.CODED_KINDS is pinning.CODED_KINDS
    assert not hasattr(pinning, "_set")
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap([("id", "d1"), ("kind", "entrance"), ("at", [0, 0])])
    pinning.set_key(m, "label", "E1", after="kind")
    assert list(m) == ["id", "kind", "label", "at"]
    plain: dict[str, object] = {"id": "d1"}
    pinning.set_key(plain, "label", "E1", after="kind")
    assert plain == {"id": "d1", "label": "E1"}
