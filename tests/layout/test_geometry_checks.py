"""Geometry that cannot be printed is an error with its key path; names the fonts cannot
print are a warning; file names made from names stay short."""

from __future__ import annotations

import pytest

from conftest import box, building, site_dict, write_site
from orientation.errors import SiteFileError
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.layout.geometry import geometry_problems
from orientation.pipeline import load_site, render


def _problems(data: dict) -> list:
    return geometry_problems(site_from_data(data, file="t.yaml"))


def _paths(data: dict) -> list[str]:
    return [p.path for p in _problems(data)]


@pytest.mark.parametrize("courts, path, words", [
    ([[[10, 5], [20, 15], [20, 5], [10, 15]]], "buildings[0].courtyards[0]", "simple polygon"),
    ([[[30, 5], [50, 5], [50, 15], [30, 15]]], "buildings[0].courtyards[0]", "not inside"),
    ([box(5, 5, 15, 15), box(10, 5, 20, 15)], "buildings[0].courtyards[1]", "overlaps courtyard 0"),
    ([box(5, 5, 15, 15), box(5, 5, 15, 15)], "buildings[0].courtyards[1]", "same as courtyard 0"),
    ([box(10, 0, 20, 10)], "buildings[0].courtyards", "touch its outline"),
    ([box(5, 5, 15, 15), box(15, 5, 25, 15)], "buildings[0].courtyards", "each other along a wall"),
])
def test_invalid_courtyards_are_errors_with_their_path(courts, path, words):
    probs = _problems(site_dict([building(courtyards=courts)]))
    assert [p.path for p in probs] == [path]
    assert words in probs[0].message


def test_separate_courtyards_pass():
    assert _paths(site_dict([building(courtyards=[box(5, 5, 15, 15), box(25, 5, 35, 15)])])) == []


def test_identical_buildings_are_an_error():
    a = building("a")
    b = building("b", doors=[{"id": "d-b", "at": [40, 10], "kind": "entrance"}])
    probs = _problems(site_dict([a, b]))
    assert [p.path for p in probs] == ["buildings[1].footprint"]
    assert "same outline as building 'a'" in probs[0].message


def test_substantially_overlapping_buildings_are_an_error_and_neighbours_are_not():
    a = building("a")
    over = building("b", footprint=box(30, 0, 60, 20),
                    doors=[{"id": "d-b", "at": [60, 10], "kind": "entrance"}])
    probs = _problems(site_dict([a, over]))
    assert [p.path for p in probs] == ["buildings[1].footprint"]
    assert "overlaps building 'a'" in probs[0].message and "33%" in probs[0].message
    # sharing a wall (terraced houses) and a sliver of digitising error are fine
    wall = building("b", footprint=box(40, 0, 60, 20),
                    doors=[{"id": "d-b", "at": [60, 10], "kind": "entrance"}])
    sliver = building("b", footprint=box(39.9, 0, 60, 20),
                      doors=[{"id": "d-b", "at": [60, 10], "kind": "entrance"}])
    assert _paths(site_dict([a, wall])) == []
    assert _paths(site_dict([a, sliver])) == []


def test_a_building_in_anothers_courtyard_is_fine():
    ring = building("ring", footprint=box(0, 0, 60, 60), courtyards=[box(10, 10, 50, 50)],
                    doors=[{"id": "d-r", "at": [30, 0], "kind": "entrance", "main": True}])
    inner = building("inner", footprint=box(20, 20, 40, 40),
                     doors=[{"id": "d-i", "at": [30, 20], "kind": "entrance"}])
    assert _paths(site_dict([ring, inner])) == []


def test_the_checks_stop_the_render(tmp_path):
    data = site_dict([building(courtyards=[box(5, 5, 15, 15), box(10, 5, 20, 15)])])
    with pytest.raises(SiteFileError) as e:
        load_site(write_site(tmp_path, data))
    assert "courtyards[1]" in str(e.value)


def test_names_no_font_has_are_a_warning_naming_element_and_characters():
    data = site_dict([building(rooms=[{"id": "r1", "level": 0, "name": "会議室 Süd",
                                       "polygon": box(0, 0, 10, 10)}])])
    data["buildings"][0]["storeys"][0]["name"] = "一階"
    plan = make_plan(site_from_data(data, file="t.yaml"), "guetersloh")
    found = [f for f in plan.findings if f.code == "unprintable-characters"]
    by_element = {f.element: f for f in found}
    assert by_element["main/r1"].severity == "warning"
    assert "会議室" in by_element["main/r1"].message and "empty boxes" in by_element["main/r1"].message
    assert "transliteration" in by_element["main/r1"].message
    assert "一階" in by_element["main/level 0"].message
    assert "ü" not in by_element["main/r1"].message.split("(")[-1]  # only what is missing


def test_latin_names_give_no_unprintable_warning():
    plan = make_plan(site_from_data(site_dict(), file="t.yaml"), "guetersloh")
    assert not [f for f in plan.findings if f.code == "unprintable-characters"]


def test_a_200_character_storey_name_renders_with_short_file_names(tmp_path):
    data = site_dict()
    long_a = "Obergeschoss mit sehr langem Namen " * 6
    data["buildings"][0]["storeys"][0]["name"] = (long_a + "Nord")[:200]
    data["buildings"][0]["storeys"][1]["name"] = (long_a + "Süd")[:200]
    out = tmp_path / "out"
    render(write_site(tmp_path, data), out, formats=("svg",))
    names = [p.name for p in (out / "maps").iterdir()]
    assert names and all(len(n) <= 80 for n in names)
    assert len(set(names)) == len(names)
