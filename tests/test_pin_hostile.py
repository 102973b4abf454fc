"""`pin`, `diff` and `render --since` on hostile files (issue 14): the site file keeps what it
was (mode, links, line endings, BOM), shared YAML mappings are refused rather than given one
code twice, and a malformed or foreign plan.json is refused with the key path."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from orientation.changes import (
    check_plan_belongs,
    diff_plans,
    format_diff,
    parse_plan_json,
    pin_site,
    read_plan_json,
    reserved_codes,
)
from orientation.cli import main
from orientation.errors import LimitError, OrientationError, OutputError, SiteFileError
from orientation.fileio import InputFileError
from orientation.io.pinning import SharedElementError, TextStyle, pin_text
from orientation.layout.engine import make_plan
from orientation.pipeline import load_site, render

RATHAUS = Path("floorplans/rathaus.yaml")


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def site_file(tmp_path):
    p = tmp_path / "rathaus.yaml"
    shutil.copy(RATHAUS, p)
    return p


@pytest.fixture(scope="module")
def rathaus_site():
    return load_site(RATHAUS)


@pytest.fixture(scope="module")
def rathaus_plan(rathaus_site):
    return make_plan(rathaus_site)


def _leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def _pins_of(path: Path) -> dict[str, str]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8-sig"))
    out = {}
    for b in data["buildings"]:
        for key, pin in (("doors", "label"), ("stairs", "label"), ("rooms", "number")):
            for el in b.get(key) or []:
                if pin in el:
                    out[f"{b['id']}/{el['id']}"] = el[pin]
    return out


# -- what the file is ------------------------------------------------------------------------

def test_pin_keeps_mode_0640(site_file, capsys):
    os.chmod(site_file, 0o640)
    assert main(["pin", str(site_file)]) == 0
    assert "pin(s) added" in capsys.readouterr().out
    assert stat.S_IMODE(site_file.stat().st_mode) == 0o640
    assert "label: E1" in site_file.read_text(encoding="utf-8")
    assert _leftovers(site_file.parent, {site_file.name}) == []


def test_pin_through_a_symlink_edits_the_target_and_keeps_the_link(tmp_path, capsys):
    real = tmp_path / "data" / "rathaus.yaml"
    real.parent.mkdir()
    shutil.copy(RATHAUS, real)
    link = tmp_path / "site.yaml"
    link.symlink_to(real)
    assert main(["pin", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "label: E1" in real.read_text(encoding="utf-8")
    assert _leftovers(real.parent, {real.name}) == []
    assert _leftovers(tmp_path, {"data", "site.yaml"}) == []


def test_pin_keeps_hard_links(site_file, capsys):
    partner = site_file.parent / "partner.yaml"
    os.link(site_file, partner)
    assert main(["pin", str(site_file)]) == 0
    assert os.path.samefile(site_file, partner)
    assert site_file.stat().st_nlink == 2
    assert "label: E1" in partner.read_text(encoding="utf-8")
    assert _leftovers(site_file.parent, {site_file.name, partner.name}) == []


def test_crlf_stays_crlf_and_bom_stays(tmp_path, capsys):
    original = RATHAUS.read_text(encoding="utf-8")
    p = tmp_path / "crlf.yaml"
    p.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    assert main(["pin", str(p)]) == 0
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw[3:].startswith(b"\xef\xbb\xbf")
    body = raw[3:].decode("utf-8")
    assert "\n" not in body.replace("\r\n", "")  # every line ends CRLF, no lone LF or CR
    assert "\r" not in body.replace("\r\n", "")
    assert body.endswith("\r\n")
    assert "label: E1" in body
    # the same pins as for the LF file
    lf = tmp_path / "lf.yaml"
    lf.write_text(original, encoding="utf-8")
    assert main(["pin", str(lf)]) == 0
    assert body.replace("\r\n", "\n") == lf.read_text(encoding="utf-8")
    assert _pins_of(p) == _pins_of(lf)


def test_a_missing_final_newline_stays_missing(tmp_path, capsys):
    p = tmp_path / "site.yaml"
    p.write_text(RATHAUS.read_text(encoding="utf-8").rstrip("\n"), encoding="utf-8")
    assert main(["pin", str(p)]) == 0
    text = p.read_text(encoding="utf-8")
    assert not text.endswith("\n") and "label: E1" in text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bom=st.booleans(), crlf=st.booleans(), final=st.booleans(), json_file=st.booleans(),
       indent=st.sampled_from(["  ", "    ", "\t", None]))
def test_pin_text_keeps_the_text_style(bom, crlf, final, json_file, indent):
    """Whatever the style of the input, the output has the same one, and the same pins."""
    data = {"format": "orientation/site@1", "site": {"name": "Ä"},
            "buildings": [{"id": "a", "name": "A", "doors": [{"id": "d", "kind": "entrance"}],
                           "rooms": [{"id": "r", "level": 0}]}]}
    codes = {"a/d": "E1", "a/r": "001"}
    if json_file:
        body = json.dumps(data, ensure_ascii=False, indent=indent)
    else:
        body = "# Kommentar\n" + "\n".join(
            ["format: orientation/site@1", "site: {name: Ä}", "buildings:", "  - id: a",
             "    name: A", "    doors:", "      - {id: d, kind: entrance}  # Tür",
             "    rooms:", "      - id: r", "        level: 0"])
    body += "\n" if final else ""
    text = ("\ufeff" if bom else "") + (body.replace("\n", "\r\n") if crlf else body)
    out, n = pin_text(text, suffix=".json" if json_file else ".yaml", codes=codes,
                      letters={"a": "A"}, file="site")
    assert n == 3
    style, _ = TextStyle.split(out)
    one_line = "\n" not in body  # no line ending to keep
    assert style == TextStyle(bom=bom, newline="\r\n" if crlf and not one_line else "\n",
                              final_newline=final)
    if crlf:
        assert "\n" not in out.replace("\r\n", "")
    plain = out.lstrip("\ufeff")
    parsed = json.loads(plain) if json_file else YAML(typ="safe").load(plain)
    b = parsed["buildings"][0]
    assert (b["letter"], b["doors"][0]["label"], b["rooms"][0]["number"]) == ("A", "E1", "001")
    if json_file and indent is not None:
        assert f"\n{indent}\"site\"" in plain.replace("\r\n", "\n")
    if json_file and indent is None:
        assert plain.rstrip("\r\n").count("\n") == 0
    if not json_file:
        assert "# Kommentar" in out and "# Tür" in out


def test_json_keeps_four_space_indent_and_crlf(tmp_path, capsys):
    from orientation.io.site_file import dump_site

    data = json.loads(dump_site(load_site(RATHAUS), fmt="json"))
    p = tmp_path / "site.json"
    p.write_bytes(json.dumps(data, ensure_ascii=False, indent=4).replace("\n", "\r\n")
                  .encode("utf-8") + b"\r\n")
    assert main(["pin", str(p)]) == 0
    text = p.read_bytes().decode("utf-8")
    assert '\r\n    "format"' in text and "\n" not in text.replace("\r\n", "")
    assert json.loads(text)["buildings"][0]["letter"] == "A"


def test_read_only_file_is_refused_and_unchanged(site_file, capsys):
    before = site_file.read_bytes()
    os.chmod(site_file, 0o444)
    try:
        assert main(["pin", str(site_file)]) == 1
        err = capsys.readouterr().err
        assert "read-only" in err and "chmod u+w" in err and "Traceback" not in err
        assert site_file.read_bytes() == before
        assert stat.S_IMODE(site_file.stat().st_mode) == 0o444
        assert _leftovers(site_file.parent, {site_file.name}) == []
    finally:
        os.chmod(site_file, 0o644)


def test_read_only_folder_is_a_clean_error(site_file, capsys):
    before = site_file.read_bytes()
    folder = site_file.parent
    os.chmod(folder, 0o555)
    try:
        assert main(["pin", str(site_file)]) == 1
        err = capsys.readouterr().err
        assert "folder" in err and "read-only" in err and "Traceback" not in err
        assert str(folder) in err
        assert site_file.read_bytes() == before
    finally:
        os.chmod(folder, 0o755)
    assert _leftovers(folder, {site_file.name}) == []


def test_no_temp_file_when_the_folder_refuses_it(site_file, rathaus_plan, monkeypatch):
    """What a folder that forbids new files does (whatever the permission bits say, e.g. for
    a superuser on a read-only mount): replace_file cannot make its temp file."""
    import tempfile

    before = site_file.read_bytes()

    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(OutputError) as exc:
        pin_site(site_file, rathaus_plan)
    assert str(site_file) in str(exc.value) and "permission denied" in str(exc.value)
    assert site_file.read_bytes() == before
    assert _leftovers(site_file.parent, {site_file.name}) == []


def test_interrupt_mid_write_leaves_no_temp_file(site_file, rathaus_plan, monkeypatch):
    before = site_file.read_bytes()

    def interrupted(_fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pin_site(site_file, rathaus_plan)
    assert site_file.read_bytes() == before
    assert _leftovers(site_file.parent, {site_file.name}) == []


def test_pin_refuses_a_fifo(tmp_path, rathaus_plan):
    fifo = tmp_path / "site.yaml"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="FIFO"):
        pin_site(fifo, rathaus_plan)


# -- YAML aliases and merge keys -------------------------------------------------------------

SHARED_DOOR = """\
format: orientation/site@1
site: {name: Testschule, address: Teststraße 1}
buildings:
  - id: a
    name: Haus A
    footprint: [[0, 0], [40, 0], [40, 20], [0, 20]]
    storeys: [{level: 0, name: EG}]
    doors:
      - {id: d-main, at: [20, 0], kind: entrance, main: true}
      - &shared {id: d-mitte, at: [40, 10], kind: emergency_exit}   # Tür in der Brandwand
  - id: b
    name: Haus B
    footprint: [[40, 0], [80, 0], [80, 20], [40, 20]]
    storeys: [{level: 0, name: EG}]
    doors:
      - {id: d-b, at: [60, 0], kind: entrance}
      - *shared
site_features:
  - {kind: road, name: Teststraße, line: [[-50, -15], [100, -15]]}
"""


def test_a_door_shared_by_two_buildings_is_refused(tmp_path, capsys):
    p = tmp_path / "site.yaml"
    p.write_text(SHARED_DOOR, encoding="utf-8")
    plan = make_plan(load_site(p))
    codes = {m.id: m.code for m in plan.markings}
    assert codes["a/d-mitte"] != codes["b/d-mitte"]  # the plan gives them two codes...
    assert main(["pin", str(p)]) == 1  # ...which one mapping cannot hold
    err = capsys.readouterr().err
    assert "buildings[1].doors[1]: is an alias of buildings[0].doors[1]" in err
    assert "write the door out in full" in err and "Traceback" not in err
    assert p.read_text(encoding="utf-8") == SHARED_DOOR


def test_the_shared_door_written_out_pins_two_codes(tmp_path, capsys):
    p = tmp_path / "site.yaml"
    p.write_text(SHARED_DOOR.replace("&shared ", "").replace(
        "      - *shared", "      - {id: d-mitte, at: [40, 10], kind: emergency_exit}"),
        encoding="utf-8")
    plan = make_plan(load_site(p))
    assert main(["pin", str(p)]) == 0
    pins = _pins_of(p)
    assert pins["a/d-mitte"] != pins["b/d-mitte"]
    assert pins["a/d-mitte"] == plan.marking("a/d-mitte").code


ALIASED_ROOMS = """\
buildings:
  - id: a
    rooms:
      - &r1 {id: r1, level: 0}
      - *r1
  - id: b
    rooms: &rooms_b
      - {id: r5, level: 0}
  - id: c
    rooms: *rooms_b
"""


def test_aliased_rooms_are_refused_with_every_key_path():
    codes = {"a/r1": "001", "b/r5": "005", "c/r5": "105"}
    with pytest.raises(SharedElementError) as exc:
        pin_text(ALIASED_ROOMS, suffix=".yaml", codes=codes, letters={}, file="s.yaml")
    msg = str(exc.value)
    assert "buildings[0].rooms[1]: is an alias of buildings[0].rooms[0]" in msg
    assert "buildings[2].rooms[0]: is an alias of buildings[1].rooms[0]" in msg
    assert "write the room out in full" in msg
    assert isinstance(exc.value, SiteFileError) and exc.value.file == "s.yaml"


def test_a_merged_room_that_gets_its_own_pin_is_fine(tmp_path, capsys):
    text = SHARED_DOOR.replace("      - *shared\n", "").replace(
        "  - id: b\n", "    rooms:\n"
        "      - &raum {id: r1, level: 0, name: Raum, polygon: [[0, 0], [10, 0], [10, 10], [0, 10]]}\n"
        "      - <<: *raum\n        id: r2\n        polygon: [[10, 0], [20, 0], [20, 10], [10, 10]]\n"
        "  - id: b\n")
    p = tmp_path / "site.yaml"
    p.write_text(text, encoding="utf-8")
    plan = make_plan(load_site(p))
    assert main(["pin", str(p)]) == 0
    pins = _pins_of(p)
    assert pins["a/r1"] != pins["a/r2"]
    assert (pins["a/r1"], pins["a/r2"]) == (plan.marking("a/r1").code, plan.marking("a/r2").code)
    assert "<<: *raum" in p.read_text(encoding="utf-8")  # the merge is kept
    assert main(["pin", str(p)]) == 0  # and pinning again changes nothing
    assert "nothing changed" in capsys.readouterr().out


def test_a_merge_into_an_element_without_a_code_is_refused():
    """An inner door gets no code: merged from an exit, it would inherit the exit's label."""
    text = ("buildings:\n  - id: a\n    doors:\n"
            "      - &exit {id: d1, kind: emergency_exit}\n"
            "      - {<<: *exit, id: d2, kind: inner}\n")
    with pytest.raises(SharedElementError) as exc:
        pin_text(text, suffix=".yaml", codes={"a/d1": "N1"}, letters={}, file="s.yaml")
    assert "buildings[0].doors[0]: is merged into buildings[0].doors[1]" in str(exc.value)


def test_a_merged_building_is_refused_for_its_letter_and_shared_lists():
    text = ("buildings:\n  - &haus {id: a, name: A, doors: [{id: d, kind: entrance}]}\n"
            "  - <<: *haus\n    id: b\n")
    with pytest.raises(SharedElementError) as exc:
        pin_text(text, suffix=".yaml", codes={"a/d": "E1", "b/d": "E2"},
                 letters={"a": "A"}, file="s.yaml")
    msg = str(exc.value)
    assert "buildings[0]: is merged into buildings[1]" in msg
    assert "buildings[1].doors[0]: is an alias of buildings[0].doors[0]" in msg


def test_an_aliased_element_with_its_pin_already_is_left_alone():
    text = "buildings:\n  - id: a\n    rooms:\n      - &r {id: r1, number: '001'}\n  - id: b\n    rooms: [*r]\n"
    out, n = pin_text(text, suffix=".yaml", codes={"a/r1": "001", "b/r1": "101"}, letters={},
                      file="s.yaml")
    assert (out, n) == (text, 0)


def test_app_freeze_goes_through_the_same_protection():
    """appsupport.pinned_site_text calls pin_text: a shared mapping is an OrientationError
    there too (the app then writes the site afresh from the model, one code per element)."""
    with pytest.raises(OrientationError):
        pin_text(ALIASED_ROOMS, suffix=".yml", codes={"a/r1": "1", "c/r5": "2", "b/r5": "3"},
                 letters={}, file="upload.yml")


# -- plan.json: malformed ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def plan_dict(rathaus_plan):
    return json.loads(rathaus_plan.to_json())


def _marking_index(d, coded=True):
    return next(i for i, m in enumerate(d["markings"])
                if (m["kind"] in ("entrance", "room")) == coded)


MALFORMED = [
    # (what to break, expected key path, expected words)
    (lambda d: d["markings"][3].__setitem__("code", 7), "markings[3].code", "must be text"),
    (lambda d: d["signs"][2].__setitem__("level", "EG"), "signs[2].level",
     "must be an integer or null"),
    (lambda d: d["signs"][2].__setitem__("level", True), "signs[2].level",
     "must be an integer or null"),
    (lambda d: d["signs"][1].pop("id"), "signs[1].id", "is missing"),
    (lambda d: d["markings"][0].pop("id"), "markings[0].id", "is missing"),
    (lambda d: d["signs"][4].__setitem__("id", d["signs"][0]["id"]), "signs[4].id",
     "ids must be unique"),
    (lambda d: d["markings"][5].__setitem__("id", d["markings"][2]["id"]), "markings[5].id",
     "ids must be unique"),
    (lambda d: d["signs"][0].__setitem__("width_mm", "breit"), "signs[0].width_mm",
     "must be a number"),
    (lambda d: d["signs"][0].__setitem__("height_mm", None), "signs[0].height_mm",
     "must be a number"),
    (lambda d: d["signs"][3].__setitem__("marking", ["x"]), "signs[3].marking", "must be text"),
    (lambda d: d["signs"][3].__setitem__("text", {"de": "x"}), "signs[3].text", "must be text"),
    (lambda d: d["signs"][3].__setitem__("subtext", 5), "signs[3].subtext", "must be text"),
    (lambda d: d["markings"][1].__setitem__("at", 5), "markings[1].at", "must be a point"),
    (lambda d: d["markings"][1].__setitem__("levels", [0, "1"]), "markings[1].levels",
     "must be a list of integers"),
    (lambda d: d["markings"][1].__setitem__("kind", None), "markings[1].kind", "must be text"),
    (lambda d: d["signs"].__setitem__(6, "sign"), "signs[6]", "must be a record"),
    (lambda d: d.__setitem__("signs", {"a": 1}), "signs", "must be a list of records"),
    (lambda d: d.__setitem__("site", "Rathaus"), "site", "must be a record"),
    (lambda d: d["buildings"][0].pop("id"), "buildings[0].id", "is missing"),
    (lambda d: d.__setitem__("version", 3), "version", "must be text"),
]


@pytest.mark.parametrize("case", range(len(MALFORMED)))
def test_malformed_plan_json_is_refused_with_the_key_path(case, plan_dict, tmp_path, capsys):
    import copy

    breaks, key_path, words = MALFORMED[case]
    d = copy.deepcopy(plan_dict)
    breaks(d)
    p = tmp_path / "plan.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    with pytest.raises(SiteFileError) as exc:
        read_plan_json(p)
    assert any(pr.path == key_path and words in pr.message for pr in exc.value.problems), \
        exc.value.problems
    assert main(["diff", str(p), str(RATHAUS)]) == 1
    err = capsys.readouterr().err
    assert key_path in err and "Traceback" not in err


def test_a_coded_marking_without_a_code_is_refused(plan_dict):
    import copy

    d = copy.deepcopy(plan_dict)
    i = _marking_index(d)
    d["markings"][i].pop("code")
    with pytest.raises(SiteFileError) as exc:
        parse_plan_json(json.dumps(d).encode(), file="plan.json")
    assert f"markings[{i}].code" in str(exc.value)


@pytest.mark.parametrize("text, words", [
    ('{"format": "orientation/plan@1", "signs": [{"level": 1' + "0" * 5000 + "}]}",
     "not a readable plan.json"),
    ('{"format": "orientation/plan@1", "format": "orientation/plan@1"}', "appears twice"),
    ('{"format": "orientation/plan@1", "signs": [{"width_mm": NaN}]}', "NaN"),
    ("[" * 100_000, "not a readable plan.json"),
    ('"orientation/plan@1"', "not a plan file"),
    ("\xff", "not a readable plan.json"),
])
def test_unreadable_plan_json_is_a_clean_error(text, words, tmp_path):
    p = tmp_path / "plan.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(SiteFileError, match=words):
        read_plan_json(p)


def test_plan_json_that_is_not_utf8(tmp_path):
    p = tmp_path / "plan.json"
    p.write_bytes(b'{"format": "\xff"}')
    with pytest.raises(SiteFileError, match="not UTF-8"):
        read_plan_json(p)


def test_special_and_huge_plan_files_are_refused(tmp_path):
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    with pytest.raises(InputFileError, match="FIFO"):
        read_plan_json(fifo)
    with pytest.raises(InputFileError, match="device"):
        read_plan_json("/dev/zero")
    big = tmp_path / "big.json"
    big.write_text('{"format": "orientation/plan@1"}' + " " * 2000)
    with pytest.raises(LimitError, match="max_plan_bytes"):
        read_plan_json(big, max_bytes=1000)
    with pytest.raises(InputFileError, match="no such"):
        read_plan_json(tmp_path / "missing.json")


_JSON = st.recursive(st.none() | st.booleans() | st.integers(-10**20, 10**20)
                     | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=3), inner, max_size=3), max_leaves=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_broken_record_is_refused_or_diffs_cleanly(plan_dict, rathaus_plan, rathaus_site,
                                                       data):
    """Set any field of any record (or drop it) to any JSON value: the plan is refused with a
    SiteFileError, or diff, reserved codes and the text diff all work."""
    import copy

    d = copy.deepcopy(plan_dict)
    key = data.draw(st.sampled_from(["markings", "signs", "buildings"]))
    i = data.draw(st.integers(0, len(d[key]) - 1))
    field = data.draw(st.sampled_from(sorted(d[key][i]) + ["extra"]))
    if data.draw(st.booleans()):
        d[key][i].pop(field, None)
    else:
        d[key][i][field] = data.draw(_JSON)
    try:
        old = parse_plan_json(json.dumps(d).encode(), file="plan.json")
    except SiteFileError:
        return
    try:
        reserved_codes(old, rathaus_site)
    except SiteFileError:
        assert key == "buildings"  # the only building renamed: a plan of another site
        return
    format_diff(diff_plans(old, rathaus_plan))


# -- plan.json: of another site ----------------------------------------------------------------

@pytest.fixture(scope="module")
def school_plan_json(tmp_path_factory):
    out = tmp_path_factory.mktemp("school") / "plan.json"
    out.write_text(make_plan(load_site("floorplans/gesamtschule.yaml")).to_json(),
                   encoding="utf-8")
    return out


def test_diff_refuses_a_plan_of_another_site(school_plan_json, capsys):
    assert main(["diff", str(school_plan_json), str(RATHAUS)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and captured.out == ""
    assert str(school_plan_json) in captured.err
    assert "site.name: this plan is of the site" in captured.err
    assert "--renamed-from" in captured.err
    assert "none of the plan's buildings" in captured.err


def test_render_since_refuses_a_plan_of_another_site(school_plan_json, tmp_path):
    out = tmp_path / "out"
    with pytest.raises(SiteFileError) as exc:
        render(RATHAUS, out, since=school_plan_json, formats=("svg",))
    assert exc.value.file == str(school_plan_json)
    assert "this plan is of the site" in str(exc.value)
    assert not out.exists()


def test_same_name_but_no_building_in_common_is_refused(plan_dict, tmp_path):
    import copy

    d = copy.deepcopy(plan_dict)
    for b in d["buildings"]:
        b["id"] = "anderes-" + b["id"]
    p = tmp_path / "plan.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    old = read_plan_json(p)
    with pytest.raises(SiteFileError, match="none of the plan's buildings"):
        reserved_codes(old, load_site(RATHAUS))


def test_a_renamed_site_is_accepted_when_its_old_name_is_given(plan_dict, tmp_path):
    import copy

    site = load_site(RATHAUS)
    renamed = site.model_copy(update={"site": site.site.model_copy(
        update={"name": "Rathaus Gütersloh"})})
    d = copy.deepcopy(plan_dict)
    p = tmp_path / "plan.json"
    p.write_text(json.dumps(d), encoding="utf-8")
    old = read_plan_json(p)
    with pytest.raises(SiteFileError, match="renamed-from"):
        reserved_codes(old, renamed)
    with pytest.raises(SiteFileError, match="given as the site's former name"):
        check_plan_belongs(old, renamed, file=str(p), renamed_from="Schule")
    check_plan_belongs(old, renamed, file=str(p), renamed_from="Rathaus Beispielstadt")
    assert reserved_codes(old, renamed) == frozenset()  # accepted once: no second refusal


def test_the_own_plan_is_accepted_with_spaces_and_case_aside(plan_dict):
    import copy

    d = copy.deepcopy(plan_dict)
    d["site"]["name"] = "  rathaus   BEISPIELSTADT "
    old = parse_plan_json(json.dumps(d).encode(), file="plan.json")
    check_plan_belongs(old, load_site(RATHAUS), file="plan.json")


def test_diff_and_since_accept_a_renamed_site_with_renamed_from(tmp_path, capsys):
    """The command line's --renamed-from reaches check_plan_belongs in diff and render."""
    import shutil

    from orientation.cli import main

    site = tmp_path / "rathaus.yaml"
    shutil.copy(RATHAUS, site)
    assert main(["render", str(site), "-o", str(tmp_path / "printed"), "--formats", "svg",
                 "-q"]) == 0
    site.write_text(site.read_text(encoding="utf-8").replace(
        "name: Rathaus Beispielstadt", "name: Rathaus Gütersloh", 1), encoding="utf-8")
    old = str(tmp_path / "printed" / "plan.json")
    capsys.readouterr()
    assert main(["diff", old, str(site)]) == 1
    assert "--renamed-from" in capsys.readouterr().err
    assert main(["diff", old, str(site), "--renamed-from", "Rathaus Beispielstadt"]) == 0
    assert main(["render", str(site), "--since", old, "-o", str(tmp_path / "since"),
                 "--formats", "svg", "-q", "--renamed-from", "Rathaus Beispielstadt"]) == 0
    assert (tmp_path / "since" / "plan.json").is_file()


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="changing owners needs root")
def test_pin_keeps_the_owner_and_group(tmp_path):
    site = tmp_path / "site.yaml"
    shutil.copy(RATHAUS, site)
    os.chown(site, 65534, 65534)
    assert main(["pin", str(site)]) == 0
    st_ = os.stat(site)
    assert (st_.st_uid, st_.st_gid) == (65534, 65534)
    assert "label:" in site.read_text(encoding="utf-8")


def test_pin_honours_the_raised_file_size_limit(tmp_path, capsys):
    """check and pin read the same file with the same limit (pin read it again at 50 MB)."""
    site = tmp_path / "big.yaml"
    site.write_text(Path(RATHAUS).read_text(encoding="utf-8") + "# " + "x" * 1_200_000 + "\n",
                    encoding="utf-8")
    assert main(["pin", str(site), "--max-file-mb", "1"]) == 1
    assert "larger than 1 MB" in capsys.readouterr().err
    assert main(["pin", str(site), "--max-file-mb", "2"]) == 0


def test_compact_json_keeps_its_separators_with_commas_in_values():
    from orientation.io.pinning import pin_text

    text = ('{"site":{"name":"X","address":"Markt 1, Town"},'
            '"buildings":[{"id":"b","doors":[{"id":"d","kind":"entrance"}]}]}')
    out, n = pin_text(text, suffix=".json", codes={"b/d": "E1"}, letters={}, file="s.json")
    assert n == 1 and ", " not in out.replace("Markt 1, Town", "") and '"label":"E1"' in out
