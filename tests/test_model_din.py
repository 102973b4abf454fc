"""The DIN 14095 / 14675 keys of the site file (model_din): accepted, documented in the
schema, checked across elements, and carried by the bundled examples."""

from __future__ import annotations

import copy
import json

import pytest
from pydantic import ValidationError

from conftest import FLOORPLANS, box, building, site_dict
from orientation.errors import SiteFileError
from orientation.io.site_file import read_site, site_from_data
from orientation.model import Site


def _din_site() -> dict:
    b = building(rooms=[
        {"id": "r1", "level": 0, "polygon": box(0, 0, 10, 8), "use": "office"},
        {"id": "r2", "level": 1, "polygon": box(0, 0, 10, 8)}],
        features=[{"kind": "fire_alarm_panel", "at": [20, 2], "level": 0},
                  {"kind": "building_radio", "at": [22, 2], "level": 0},
                  {"kind": "smoke_extraction", "at": [5, 10], "level": 0},
                  {"kind": "riser_inlet", "at": [30, -0.3], "level": 0},
                  {"kind": "riser", "at": [30, 10], "levels": [0, 1]}],
        fire_lines=[{"kind": "fire_wall", "line": [[25, 0], [25, 20]]},
                    {"kind": "smoke_compartment", "line": [[10, 8], [10, 12]], "levels": [1]}],
        detector_groups=[{"number": 1, "level": 0, "rooms": ["r1"], "detectors": "smoke"},
                         {"number": 2, "level": 1, "area": box(10, 0, 40, 20),
                          "note": "Melder in der Zwischendecke"}])
    data = site_dict([b])
    data["site"]["object"] = {
        "author": "Büro Muster", "use": "Schule", "occupancy": "800 Personen",
        "contacts": [{"role": "Hausmeister", "name": "Herr A", "phone": "0123 4"}],
        "fire_alarm": "BMA Vollschutz", "water_supply": "DN 150", "notes": ["PV-Anlage"]}
    data["site_features"].append({"kind": "neighbour", "name": "Wohnhaus", "use": "Wohnen",
                                  "storeys": 4, "polygon": box(50, 0, 70, 15)})
    return data


def test_the_din_keys_are_read():
    site = site_from_data(_din_site(), file="din")
    b = site.buildings[0]
    assert [f.kind.value for f in b.fire_lines] == ["fire_wall", "smoke_compartment"]
    assert b.fire_lines[0].levels is None and b.fire_lines[1].levels == (1,)
    assert [g.number for g in b.detector_groups] == [1, 2]
    assert b.detector_groups[1].area is not None
    assert site.site.object is not None and site.site.object.contacts[0].phone == "0123 4"
    nb = site.site_features[-1]
    assert (nb.kind.value, nb.use, nb.storeys) == ("neighbour", "Wohnen", 4)
    with pytest.raises(ValidationError):  # frozen like the rest of the model
        b.detector_groups[0].number = 3  # type: ignore[misc]


def test_the_schema_documents_the_keys():
    schema = json.dumps(Site.model_json_schema())
    for text in ("DetectorGroup", "FireLine", "ObjectInfo", "Contact", "building_radio",
                 "smoke_extraction", "riser_inlet", "neighbour", "fire_wall",
                 "who drew the plan", "the fire alarm system's detector groups",
                 "a neighbour's storeys above ground"):
        assert text in schema, text


@pytest.mark.parametrize("change, path, words", [
    (lambda d: d["buildings"][0]["detector_groups"][0].update(rooms=["nope"]),
     "buildings[0].detector_groups[0].rooms[0]", "not a room"),
    (lambda d: d["buildings"][0]["detector_groups"][0].update(rooms=["r2"]),
     "buildings[0].detector_groups[0].rooms[0]", "one storey"),
    (lambda d: d["buildings"][0]["detector_groups"][0].update(level=5),
     "buildings[0].detector_groups[0].level", "not a storey"),
    (lambda d: d["buildings"][0]["detector_groups"][1].update(number=1),
     "buildings[0].detector_groups[1].number", "already"),
    (lambda d: d["buildings"][0]["detector_groups"][1].pop("area"),
     "buildings[0].detector_groups[1]", "'rooms'"),
    (lambda d: d["buildings"][0]["fire_lines"][1].update(levels=[7]),
     "buildings[0].fire_lines[1].levels[0]", "not a storey"),
    (lambda d: d["site_features"][0].update(storeys=2),
     "site_features[0].storeys", "neighbouring building"),
])
def test_cross_element_problems_name_the_key_path(change, path, words):
    data = copy.deepcopy(_din_site())
    change(data)
    with pytest.raises(SiteFileError) as e:
        site_from_data(data, file="din")
    text = str(e.value)
    assert path in text and words in text, text


def test_a_neighbour_is_an_area():
    data = copy.deepcopy(_din_site())
    data["site_features"][-1] = {"kind": "neighbour", "at": [60, 5]}
    with pytest.raises(SiteFileError, match="needs 'polygon'"):
        site_from_data(data, file="din")


@pytest.mark.parametrize("name", ["gesamtschule.yaml", "rathaus.yaml"])
def test_the_school_and_the_town_hall_carry_the_new_kinds(name):
    site = read_site(FLOORPLANS / name)
    kinds = {f.kind.value for b in site.buildings for f in b.features}
    assert {"building_radio", "smoke_extraction", "fire_alarm_panel", "key_box",
            "first_info_point", "gas_shutoff", "power_shutoff", "water_shutoff"} <= kinds
    assert any(b.fire_lines for b in site.buildings)
    assert any(b.detector_groups for b in site.buildings)
    assert any(f.kind.value == "neighbour" and f.use and f.storeys for f in site.site_features)
    assert site.site.object is not None and site.site.object.author
    assert site.site.dispatch is not None and site.site.dispatch.plan_number
