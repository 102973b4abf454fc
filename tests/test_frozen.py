"""Immutable means immutable: the site model and the profiles cannot be changed in place."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from conftest import site_dict
from orientation.model import Door, DoorKind, Site
from orientation.profiles import load_profile


@pytest.fixture
def site() -> Site:
    return Site.model_validate(site_dict())


def test_lists_of_the_site_are_tuples(site):
    b = site.buildings[0]
    assert isinstance(site.buildings, tuple) and isinstance(b.doors, tuple)
    assert isinstance(b.footprint, tuple) and isinstance(site.site_features[0].line, tuple)
    with pytest.raises(AttributeError):
        b.doors.append(Door(id="d2", at=(0, 10), kind=DoorKind.service))  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        b.footprint[0] = (1.0, 1.0)  # type: ignore[index]


def test_fields_cannot_be_set(site):
    with pytest.raises(ValidationError):
        site.buildings[0].name = "x"  # type: ignore[misc]


def test_anything_but_a_list_is_reported_as_not_a_list():
    data = site_dict()
    data["buildings"][0]["doors"] = {"id": "x"}
    with pytest.raises(ValidationError) as exc:
        Site.model_validate(data)
    assert exc.value.errors()[0]["type"] == "list_type"


@pytest.mark.parametrize("name", ["guetersloh", "us-k12"])
def test_profile_mappings_are_read_only(name):
    prof = load_profile(name)
    before = prof.sizing.min_cap_mm["entrance"]
    for mapping in (prof.sizing.min_cap_mm, prof.sizing.max_cap_mm, prof.sizing.mount_height_m,
                    prof.sizing.interior_reading_distance_m, prof.numbering.door_prefix,
                    prof.colors, prof.map, prof.palette):
        with pytest.raises(TypeError):
            mapping["entrance"] = 999  # type: ignore[index]
    with pytest.raises(ValidationError):
        prof.sizing.z_exterior = 1  # type: ignore[misc]
    assert load_profile(name) is prof
    assert load_profile(name).sizing.min_cap_mm["entrance"] == before


def test_style_mappings_are_read_only():
    st = load_profile().resolved
    for mapping in (st.inks, st.signs, st.map, st.paper):
        with pytest.raises(TypeError):
            mapping["x"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        st.language = "en"  # type: ignore[misc]


def test_profile_still_dumps_as_plain_data():
    raw = load_profile().model_dump(mode="json")
    assert raw["sizing"]["min_cap_mm"]["entrance"] == 150
    assert raw["palette"]["traffic_blue"]["ral"] == "RAL 5017"
