"""Hostile site files: special files, repeated keys, overlong numbers, budgets, letters.

Each case asserts the error type, the key path and that the message says what to do.
"""

from __future__ import annotations

import copy
import json
import math
import os
import signal
import threading
from types import SimpleNamespace

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import box, building, site_dict
from orientation import model
from orientation.cli import main
from orientation.errors import LimitError, OrientationError, SiteFileError
from orientation.io.site_file import DEFAULT_LIMITS, Limits, read_site, site_from_bytes
from orientation.layout.numbering import assign_letters, letter_count, letter_sequence


@pytest.fixture
def alarm():
    """Fail (instead of hanging the suite) if a read blocks for more than 10 s."""
    if not hasattr(signal, "SIGALRM") or threading.current_thread() is not threading.main_thread():
        pytest.skip("needs SIGALRM in the main thread")

    def boom(*_):
        raise TimeoutError("the read blocked")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(10)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# -- special files -----------------------------------------------------------------------------

def _fifo(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    p = tmp_path / "site.yaml"
    os.mkfifo(p)
    return p


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "folder", "missing"])
def test_special_files_are_refused_at_once(tmp_path, alarm, kind):
    path = {"dev-zero": lambda: "/dev/zero", "fifo": lambda: _fifo(tmp_path),
            "folder": lambda: tmp_path, "missing": lambda: tmp_path / "nope.yaml"}[kind]()
    if kind == "dev-zero" and not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    with pytest.raises(SiteFileError) as exc:
        read_site(path)
    msg = str(exc.value)
    assert msg.startswith(f"{path}: ")
    assert {"dev-zero": "device", "fifo": "named pipe", "folder": "folder",
            "missing": "no such file"}[kind] in msg
    assert "check the path" in msg or "name a regular file" in msg


def test_dev_zero_on_the_command_line(capsys, alarm):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    assert main(["check", "/dev/zero"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "/dev/zero" in err and "regular file" in err


def test_file_over_the_size_limit_names_the_limit(tmp_path):
    p = tmp_path / "site.yaml"
    p.write_text("format: orientation/site@1\n" + "# padding\n" * 1000)
    with pytest.raises(LimitError, match="--max-file-mb"):
        read_site(p, limits=Limits(max_bytes=1000))


# -- repeated keys -----------------------------------------------------------------------------

def _yaml(data) -> str:
    return yaml.safe_dump(data, sort_keys=False)


def _door_twice_yaml(key: str, value: str) -> str:
    """A site whose first door lists ``key`` a second time (block style, own line)."""
    text = _yaml(site_dict())
    anchor = "    kind: entrance\n"
    assert anchor in text
    return text.replace(anchor, anchor + f"    {key}: {value}\n", 1)


DUPLICATES = [
    ("door key, YAML", "x.yaml", _door_twice_yaml("at", "[30, 0]"), "buildings[0].doors[0]", "'at'"),
    ("door key, JSON", "x.json",
     json.dumps(site_dict()).replace('"kind": "entrance"', '"kind": "entrance", "kind": "service"'),
     "buildings[0].doors[0]", "'kind'"),
    ("top-level key, YAML", "x.yaml", _yaml(site_dict()) + "site: {name: Zweite}\n", "", "'site'"),
    ("top-level key, JSON", "x.json", json.dumps(site_dict())[:-1] + ', "profile": "a", "profile": "b"}',
     "", "'profile'"),
    ("quoted and plain key, YAML", "x.yaml", _door_twice_yaml('"id"', "d-other"),
     "buildings[0].doors[0]", "'id'"),
]


@pytest.mark.parametrize("name,file,text,path,key", DUPLICATES, ids=[d[0] for d in DUPLICATES])
def test_duplicate_keys_are_problems(name, file, text, path, key):
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name=file)
    found = [p for p in exc.value.problems if "appears twice" in p.message]
    assert len(found) == 1, exc.value
    assert found[0].path == path
    assert key in found[0].message and "remove or rename one" in found[0].message
    if file.endswith(".yaml"):
        assert "lines " in found[0].message


def test_duplicate_keys_are_collected_with_other_problems():
    data = site_dict()
    data["buildings"][0]["doors"].append({"id": "d2", "at": [0, 10], "kind": "entrance", "level": 7})
    data["buildings"][0]["doors"][0]["lable"] = "E1"
    text = json.dumps(data).replace('"id": "d2"', '"id": "d2", "id": "d3"')
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name="x.json")
    by_path = {p.path: p.message for p in exc.value.problems}
    assert "appears twice" in by_path["buildings[0].doors[1]"]
    assert "did you mean 'label'" in by_path["buildings[0].doors[0].lable"]
    # a structural problem stops the semantic pass, so fix the typo and look again
    text = text.replace('"lable": "E1"', '"label": "E1"')
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name="x.json")
    by_path = {p.path: p.message for p in exc.value.problems}
    assert "appears twice" in by_path["buildings[0].doors[1]"]
    assert "not a storey" in by_path["buildings[0].doors[1].level"]


def test_yaml_merge_keys_are_not_duplicates_but_own_repeats_are():
    base = _yaml(site_dict())
    merged = base.replace("site:\n", "defaults: &d {name: Basis}\nsite:\n  <<: *d\n", 1)
    merged = merged.replace("defaults: &d {name: Basis}\n", "")
    ok = "x: &d {name: Basis}\n" + base.replace("site:\n", "site:\n  <<: *d\n", 1)
    with pytest.raises(SiteFileError) as exc:  # 'x' is an unknown key, but no repeated key
        site_from_bytes(ok.encode(), name="x.yaml")
    assert not any("appears twice" in p.message for p in exc.value.problems)
    assert [p.path for p in exc.value.problems] == ["x"]
    twice = ok.replace("site:\n  <<: *d\n", "site:\n  <<: *d\n  north_deg: 1\n  north_deg: 2\n", 1)
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(twice.encode(), name="x.yaml")
    assert any(p.path == "site" and "'north_deg' appears twice" in p.message
               for p in exc.value.problems)


def _dumps_with_duplicate(obj, target, key) -> str:
    """JSON text of ``obj`` in which the mapping ``target`` lists ``key`` twice."""
    if isinstance(obj, dict):
        items = [f"{json.dumps(k)}: {_dumps_with_duplicate(v, target, key)}" for k, v in obj.items()]
        if obj is target:
            items.append(f"{json.dumps(key)}: {json.dumps(obj[key])}")
        return "{" + ", ".join(items) + "}"
    if isinstance(obj, list):
        return "[" + ", ".join(_dumps_with_duplicate(v, target, key) for v in obj) + "]"
    return json.dumps(obj)


def _mappings(obj, loc=()):
    if isinstance(obj, dict):
        if obj:
            yield loc, obj
        for k, v in obj.items():
            yield from _mappings(v, (*loc, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _mappings(v, (*loc, i))


def _path(loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


RICH = site_dict([building(doors=[
    {"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True},
    {"id": "d-n", "at": [0, 10], "kind": "emergency_exit", "label": "N1"}],
    stairs=[{"id": "t1", "at": [5, 5], "levels": [0, 1]}],
    rooms=[{"id": "r1", "level": 0, "name": "Aula", "polygon": box(1, 1, 9, 9)}],
    windows=[{"id": "w1", "at": [10, 0], "level": 1}],
    features=[{"kind": "key_box", "at": [21, -0.3]}])],
    site_features=[{"kind": "road", "name": "Weg", "line": [[-50, -15], [100, -15]]},
                   {"kind": "hydrant", "at": [-10, -10]}])
RICH_MAPPINGS = list(_mappings(RICH))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(RICH_MAPPINGS))), st.data(), st.sampled_from([".json", ".yaml"]))
def test_any_repeated_key_is_found_with_its_path(which, data, suffix):
    """A key repeated in any mapping of a valid site: the problem names that mapping's path
    (JSON text is YAML too, so one text tests both loaders)."""
    loc, target = RICH_MAPPINGS[which]
    key = data.draw(st.sampled_from(sorted(target)))
    text = _dumps_with_duplicate(RICH, target, key)
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name=f"site{suffix}")
    twice = [p for p in exc.value.problems if "appears twice" in p.message]
    assert [(p.path, f"'{key}'" in p.message) for p in twice] == [(_path(loc), True)]


def test_the_rich_site_is_valid():
    assert site_from_bytes(json.dumps(RICH).encode(), name="x.json").buildings[0].rooms


# -- overlong numbers and out-of-range values ---------------------------------------------------

BIG = "9" * 5000

NUMBERS = [
    ("coordinate, YAML", "x.yaml", "buildings[0].doors[0].at[0]",
     lambda t: t.replace("    at:\n    - 20\n", f"    at:\n    - {BIG}\n", 1)),
    ("coordinate, JSON", "x.json", "buildings[0].doors[0].at[0]",
     lambda t: t.replace('"at": [20, 0]', f'"at": [{BIG}, 0]')),
    ("storey level, YAML", "x.yaml", "buildings[0].storeys[0].level",
     lambda t: t.replace("level: 0", f"level: {BIG}", 1)),
    ("storey level, JSON", "x.json", "buildings[0].storeys[0].level",
     lambda t: t.replace('"level": 0', f'"level": -{BIG}', 1)),
    ("negative, underscores, YAML", "x.yaml", "site.north_deg",
     lambda t: t.replace("  name: Testschule\n", f"  name: Testschule\n  north_deg: -1_{BIG}\n")),
    ("sexagesimal, YAML", "x.yaml", "site.north_deg",
     lambda t: t.replace("  name: Testschule\n", "  name: Testschule\n  north_deg: "
                         + ":".join(["59"] * 60) + "\n")),
]


@pytest.mark.parametrize("name,file,path,edit", NUMBERS, ids=[n[0] for n in NUMBERS])
def test_overlong_numbers_are_problems(name, file, path, edit):
    data = site_dict()
    text = edit(json.dumps(data) if file.endswith(".json") else _yaml(data))
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name=file)
    problems = exc.value.problems
    assert [p.path for p in problems] == [path], exc.value  # the validator's echo is left out
    assert "characters" in problems[0].message and "check the value" in problems[0].message


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=101, max_value=20_000), st.sampled_from([".json", ".yaml"]),
       st.sampled_from(["x", "y"]))
def test_any_overlong_integer_is_a_problem(digits, suffix, axis):
    data = copy.deepcopy(RICH)
    marker = 123456.0
    data["buildings"][0]["windows"][0]["at"] = [marker, 0] if axis == "x" else [0, marker]
    text = json.dumps(data).replace("123456.0", "7" * digits)
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name=f"x{suffix}")
    index = 0 if axis == "x" else 1
    assert [p.path for p in exc.value.problems] == [f"buildings[0].windows[0].at[{index}]"]
    assert f"{digits:,} characters" in exc.value.problems[0].message


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=-(10 ** 99 - 1), max_value=10 ** 99))
def test_numbers_up_to_the_limit_still_parse(n):
    """Integers of up to 100 characters (sign included) are numbers as before, then checked
    by range."""
    data = copy.deepcopy(RICH)
    data["buildings"][0]["windows"][0]["level"] = n
    if n in (0, 1):
        assert site_from_bytes(json.dumps(data).encode(), name="x.json")
        return
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(json.dumps(data).encode(), name="x.json")
    (p,) = exc.value.problems
    assert p.path == "buildings[0].windows[0].level"
    assert ("not a storey" in p.message) if model.MIN_LEVEL <= n <= model.MAX_LEVEL else (
        "must be" in p.message)


RANGES = [
    ("door level far up", lambda d: d["buildings"][0]["doors"][0].update(level=10 ** 40),
     "buildings[0].doors[0].level", f"less than or equal to {model.MAX_LEVEL}"),
    ("room level far down", lambda d: d["buildings"][0].update(
        rooms=[{"id": "r", "level": -500, "polygon": box(1, 1, 5, 5)}]),
     "buildings[0].rooms[0].level", f"greater than or equal to {model.MIN_LEVEL}"),
    ("stair level", lambda d: d["buildings"][0].update(
        stairs=[{"id": "t", "at": [5, 5], "levels": [0, 10 ** 6]}]),
     "buildings[0].stairs[0].levels[1]", "less than or equal"),
    ("infinite coordinate", lambda d: d["buildings"][0]["doors"][0].update(at=[1e400, 0]),
     "buildings[0].doors[0].at[0]", "finite"),
    ("far coordinate", lambda d: d["buildings"][0]["doors"][0].update(at=[1e200, 0]),
     "buildings[0].doors[0].at", "--max-coordinate"),
]


@pytest.mark.parametrize("name,mutate,path,words", RANGES, ids=[r[0] for r in RANGES])
def test_values_out_of_range(name, mutate, path, words):
    data = copy.deepcopy(site_dict())
    mutate(data)
    text = json.dumps(data).replace("Infinity", "1e400")
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.encode(), name="x.json")
    by_path = {p.path: p.message for p in exc.value.problems}
    assert path in by_path, exc.value
    assert words in by_path[path]


def test_unquoted_dates_read_as_text_and_bad_ones_are_problems():
    text = _yaml(site_dict()).replace("  name: Testschule\n", "  name: Testschule\n  date: 2026-11-21\n")
    assert site_from_bytes(text.encode(), name="x.yaml").site.date == "2026-11-21"
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(text.replace("2026-11-21", "2026-13-45").encode(), name="x.yaml")
    (p,) = exc.value.problems
    assert p.path == "site.date" and "ISO date" in p.message


# -- limits ------------------------------------------------------------------------------------

BAD_LIMITS = [
    {"max_bytes": 0}, {"max_bytes": -5}, {"max_nodes": 1.5}, {"max_elements": True},
    {"max_depth": 0}, {"max_ring_vertices": 0}, {"max_line_points": -1},
    {"max_exterior_doors": 0}, {"max_coordinate_m": math.nan}, {"max_coordinate_m": math.inf},
    {"max_coordinate_m": 0.0}, {"max_coordinate_m": -1.0},
]


@pytest.mark.parametrize("change", BAD_LIMITS, ids=[f"{k}={v}" for c in BAD_LIMITS for k, v in c.items()])
def test_limits_refuse_values_that_switch_a_check_off(change):
    with pytest.raises(LimitError) as exc:
        Limits(**change)
    (name,) = change
    assert name in str(exc.value) and "larger value" in str(exc.value)


def test_default_limits_are_the_model_constants():
    assert DEFAULT_LIMITS.max_ring_vertices == model.MAX_RING_VERTICES == 5_000
    assert DEFAULT_LIMITS.max_line_points == model.MAX_LINE_POINTS == 1_000
    assert DEFAULT_LIMITS.max_exterior_doors == model.MAX_EXTERIOR_DOORS == 500


def _circle(n, cx=20.0, cy=10.0, r=5.0):
    return [[cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n)]
            for i in range(n)]


BUDGETS = [
    ("footprint", lambda d, n: d["buildings"][0].update(
        footprint=_circle(n, r=30), doors=[{"id": "m", "at": _circle(n, r=30)[0], "kind": "entrance", "main": True}]),
     "max_ring_vertices", "buildings[0].footprint", "simplify the outline"),
    ("courtyard", lambda d, n: d["buildings"][0].update(courtyards=[_circle(n, r=3)]),
     "max_ring_vertices", "buildings[0].courtyards[0]", "simplify the outline"),
    ("room outline", lambda d, n: d["buildings"][0].update(
        rooms=[{"id": "r", "level": 0, "polygon": _circle(n, r=3)}]),
     "max_ring_vertices", "buildings[0].rooms[0].polygon", "simplify the outline"),
    ("site area", lambda d, n: d["site_features"].append(
        {"kind": "parking", "polygon": _circle(n, cx=20, cy=-30)}),
     "max_ring_vertices", "site_features[1].polygon", "simplify the outline"),
    ("road", lambda d, n: d["site_features"][0].update(
        line=[[-50 + 150 * i / n, -15 + (i % 2)] for i in range(n)]),
     "max_line_points", "site_features[0].line", "split it"),
]


@pytest.mark.parametrize("name,mutate,limit,path,words", BUDGETS, ids=[b[0] for b in BUDGETS])
def test_point_budgets(name, mutate, limit, path, words):
    default = getattr(DEFAULT_LIMITS, limit)
    for n, limits in ((default + 1, DEFAULT_LIMITS), (13, Limits(**{limit: 12}))):
        data = copy.deepcopy(site_dict())
        mutate(data, n)
        with pytest.raises(SiteFileError) as exc:
            site_from_bytes(json.dumps(data).encode(), name="x.json", limits=limits)
        by_path = {p.path: p.message for p in exc.value.problems}
        assert limit in by_path[path] and words in by_path[path], exc.value
        assert f"{n:,} points" in by_path[path]
    data = copy.deepcopy(site_dict())
    mutate(data, 12)  # at the limit: no budget problem
    try:
        site_from_bytes(json.dumps(data).encode(), name="x.json", limits=Limits(**{limit: 12}))
    except SiteFileError as exc:
        assert not any(limit in p.message for p in exc.problems)


# -- doors and windows entered twice ----------------------------------------------------------

def _doors(*doors):
    data = site_dict([building(doors=[{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True},
                                      *doors])])
    return json.dumps(data).encode()


def test_a_thousand_doors_at_one_point_are_refused_quickly():
    raw = _doors(*({"id": f"d{i}", "at": [30, 0], "kind": "emergency_exit"} for i in range(1000)))
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(raw, name="x.json")
    problems = exc.value.problems
    assert sum("same point" in p.message for p in problems) == 999
    assert [p.path for p in problems if "max_exterior_doors" in p.message] == ["buildings[0].doors"]
    assert problems[0].path == "buildings[0].doors[2].at"
    assert "same point as door 'd0' (buildings[0].doors[1])" in problems[0].message
    assert "remove one" in problems[0].message


SPACING = [
    ("exterior doors 30 cm apart", [{"id": "a", "at": [30, 0], "kind": "emergency_exit"},
                                    {"id": "b", "at": [30.3, 0], "kind": "service"}],
     "buildings[0].doors[2].at", "0.30 m from the exterior door 'a'"),
    ("inner doors at one point", [{"id": "a", "at": [10, 10], "kind": "inner"},
                                  {"id": "b", "at": [10.001, 10], "kind": "inner"}],
     "buildings[0].doors[2].at", "same point as door 'a'"),
    ("inner door on an exit", [{"id": "a", "at": [30, 0], "kind": "emergency_exit"},
                               {"id": "b", "at": [30, 0], "kind": "inner"}],
     "buildings[0].doors[2].at", "same point"),
]


@pytest.mark.parametrize("name,doors,path,words", SPACING, ids=[s[0] for s in SPACING])
def test_doors_entered_twice(name, doors, path, words):
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(_doors(*doors), name="x.json")
    (p,) = exc.value.problems
    assert p.path == path and words in p.message and "entered twice" in p.message


def test_doors_that_may_be_close():
    ok = [
        {"id": "a", "at": [10, 10], "kind": "inner"}, {"id": "b", "at": [10.3, 10], "kind": "inner"},
        {"id": "c", "at": [30, 0], "kind": "emergency_exit"},
        {"id": "d", "at": [30, 0], "kind": "emergency_exit", "level": 1},  # one storey up
        {"id": "e", "at": [31, 0], "kind": "emergency_exit"},
    ]
    site = site_from_bytes(_doors(*ok), name="x.json")
    assert len(site.buildings[0].doors) == 6


def test_a_stack_of_doors_over_many_levels_is_bounded():
    n = model.MAX_DOORS_AT_ONE_POINT + 2
    data = site_dict([building(
        storeys=[{"level": i, "name": f"L{i}"} for i in range(n)],
        doors=[{"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True}]
        + [{"id": f"x{i}", "at": [30, 0], "kind": "emergency_exit", "level": i} for i in range(n)])])
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(json.dumps(data).encode(), name="x.json")
    (p,) = exc.value.problems
    assert p.path == f"buildings[0].doors[{model.MAX_DOORS_AT_ONE_POINT + 1}].at"
    assert f"more than {model.MAX_DOORS_AT_ONE_POINT} doors" in p.message
    data["buildings"][0]["doors"] = data["buildings"][0]["doors"][:model.MAX_DOORS_AT_ONE_POINT + 1]
    assert site_from_bytes(json.dumps(data).encode(), name="x.json")


def test_exterior_doors_per_building_budget():
    doors = [{"id": f"x{i}", "at": [1 + i, 0], "kind": "emergency_exit"} for i in range(11)]  # + main: 12
    limits = Limits(max_exterior_doors=10)
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(_doors(*doors), name="x.json", limits=limits)
    (p,) = exc.value.problems
    assert p.path == "buildings[0].doors" and "max_exterior_doors" in p.message
    assert "Split it or raise the limit" in p.message
    assert site_from_bytes(_doors(*doors), name="x.json", limits=Limits(max_exterior_doors=12))


def test_windows_at_one_point():
    data = site_dict([building(windows=[{"id": "w1", "at": [5, 0], "level": 1},
                                        {"id": "w2", "at": [5, 0], "level": 1},
                                        {"id": "w3", "at": [5, 0], "level": 0}])])
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(json.dumps(data).encode(), name="x.json")
    (p,) = exc.value.problems
    assert p.path == "buildings[0].windows[1].at" and "window 'w1'" in p.message


# -- pinned codes that differ only in case -------------------------------------------------------

def test_pinned_codes_differing_in_case_name_both_paths():
    data = site_dict([building(doors=[
        {"id": "d-main", "at": [20, 0], "kind": "entrance", "main": True, "label": "E1"},
        {"id": "d2", "at": [0, 10], "kind": "emergency_exit", "label": "e1"}],
        rooms=[{"id": "r1", "level": 0, "number": "A107"}, {"id": "r2", "level": 1, "number": "a107"}])])
    with pytest.raises(SiteFileError) as exc:
        site_from_bytes(json.dumps(data).encode(), name="x.json")
    by_path = {p.path: p.message for p in exc.value.problems}
    assert set(by_path) == {"buildings[0].doors[1].label", "buildings[0].rooms[1].number"}
    msg = by_path["buildings[0].doors[1].label"]
    assert "'e1'" in msg and "'E1' at buildings[0].doors[0].label" in msg
    assert "give each element its own code" in msg


# -- building letters ----------------------------------------------------------------------------

def _frames(n, pinned=()):
    pins = dict(pinned)
    return [SimpleNamespace(building=SimpleNamespace(id=f"b{i}", letter=pins.get(i)))
            for i in range(n)]


SKIP = ("I", "O", "H")


def test_letters_run_to_zz_without_skipped_letters():
    letters = list(letter_sequence(SKIP))
    assert len(letters) == letter_count(SKIP) == 23 + 23 * 23
    assert letters[:3] == ["A", "B", "C"] and letters[23:25] == ["AA", "AB"] and letters[-1] == "ZZ"
    assert not any(set(x) & set(SKIP) for x in letters)
    assert len(set(letters)) == len(letters)


def test_553_buildings_get_a_clear_error_not_stopiteration():
    n = letter_count(SKIP)
    got = assign_letters(_frames(n), SKIP)
    assert len(set(got.values())) == n and got["b552" if n > 552 else f"b{n - 1}"] == "ZZ"
    with pytest.raises(LimitError) as exc:
        assign_letters(_frames(n + 1), SKIP)
    msg = str(exc.value)
    assert isinstance(exc.value, OrientationError)
    assert f"{n + 1:,} buildings need a letter" in msg and "Split the site" in msg and "pin letters" in msg


def test_pinned_letters_with_a_digit_make_room():
    n = letter_count(SKIP)
    got = assign_letters(_frames(n + 2, pinned={0: "A1", 1: "A2"}), SKIP)
    assert got["b0"] == "A1" and got["b1"] == "A2" and got["b2"] == "A"
    assert len(set(got.values())) == n + 2
    with pytest.raises(LimitError, match="1 of them pinned"):
        assign_letters(_frames(n + 1, pinned={0: "ZZ"}), SKIP)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=600),
       st.dictionaries(st.integers(min_value=0, max_value=599),
                       st.sampled_from(["A", "B", "ZZ", "AA", "A1", "Q7", "XY"]), max_size=5),
       st.sampled_from([SKIP, ("I", "O"), ()]))
def test_letters_are_unique_and_pins_kept(n, pins, skip):
    pins = {i: lt for i, lt in pins.items() if i < n}
    if len(set(pins.values())) != len(pins):
        return  # the same letter pinned twice is the plan's duplicate-code finding
    frames = _frames(n, pins)
    free = [c for c in letter_sequence(skip) if c not in set(pins.values())]
    if n - len(pins) > len(free):
        with pytest.raises(LimitError):
            assign_letters(frames, skip)
        return
    got = assign_letters(frames, skip)
    assert len(set(got.values())) == n
    assert all(got[f"b{i}"] == lt for i, lt in pins.items())


def test_a_pin_in_lower_case_keeps_its_code_from_other_doors():
    from orientation.layout.engine import make_plan
    from orientation.layout.numbering import Series

    s = Series("E", {"e1", "E3"})
    assert [s.next() for _ in range(3)] == ["E2", "E4", "E5"]
    site = site_from_bytes(_doors({"id": "x", "at": [0, 10], "kind": "entrance", "label": "e1"}),
                           name="x.json")
    codes = {m.element: m.code for m in make_plan(site, "guetersloh").markings if m.kind == "entrance"}
    assert codes == {"x": "e1", "d-main": "E2"}
