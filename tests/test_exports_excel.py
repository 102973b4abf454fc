"""register.csv and the object sheet as spreadsheets and dispatch centres read them: UTF-8 with
a byte order mark (Excel reads "Hauptgebäude", not "HauptgebÃ¤ude"), every marking kind,
``--excel`` for German-locale Excel (``;``, decimal commas, ``="004"``), and the object sheet
with the keys a Leitstelle types into its object file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import ROOT, building, site_dict
from orientation import pipeline
from orientation.cli import main
from orientation.exports import BOM, csv_bytes, object_csv, register_csv
from orientation.gis.context import ExportContext
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.plan import MARKING_KINDS

SCHOOL = ROOT / "floorplans" / "gesamtschule.yaml"


@pytest.fixture(scope="module")
def school():
    site = pipeline.load_site(SCHOOL)
    return site, make_plan(site, pipeline.resolve_profile(site, None))


def rows(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    """Read back as Excel and LibreOffice do with the BOM: ``utf-8-sig``."""
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""),
                               delimiter=delimiter))


def test_register_csv_has_a_bom_and_reads_back_with_umlauts(school):
    site, plan = school
    data = csv_bytes(register_csv(plan, pipeline.export_context(site)))
    assert data.startswith(BOM.encode("utf-8"))
    table = rows(data)
    assert "Hauptgebäude" in {r["name"] for r in table}
    assert list(table[0])[0] == "code"   # the BOM is not part of the first header
    # what Excel shows without the BOM: the Windows code page garbles the umlaut
    assert "HauptgebÃ¤ude" in data[3:].decode("cp1252", "replace")


def test_register_csv_lists_every_marking_kind_with_lat_lon_and_the_grid(school):
    site, plan = school
    table = rows(csv_bytes(register_csv(plan, pipeline.export_context(site))))
    assert {r["kind"] for r in table} == {m.kind for m in plan.markings}
    assert {"window", "side", "name", "building"} <= {r["kind"] for r in table}
    assert set(MARKING_KINDS) >= {r["kind"] for r in table}
    assert len(table) == len(plan.markings)
    e1 = next(r for r in table if r["code"] == "E1")
    assert e1["main"] == "yes" and e1["storey"] == "EG" and e1["crs"] == "EPSG:25832"
    assert 450_000 < float(e1["easting"]) < 460_000 and 5.7e6 < float(e1["northing"]) < 5.8e6
    assert list(table[0])[-2:] == ["entrance", "stair"]


def test_excel_mode_is_semicolons_decimal_commas_and_protected_numbers():
    b = building(rooms=[{"id": "r1", "level": 0, "number": "004",
                         "polygon": [[0, 0], [10, 0], [10, 10], [0, 10]]},
                        {"id": "r2", "level": 0, "number": "2.04",
                         "polygon": [[10, 0], [20, 0], [20, 10], [10, 10]]}])
    data = site_dict([b])
    data["site"]["origin"] = {"lat": 51.9, "lon": 8.38}
    site = site_from_data(data, file="s.yaml")
    plan = make_plan(site, "guetersloh")
    text = register_csv(plan, pipeline.export_context(site), excel=True)
    header = text.splitlines()[0]
    assert header.startswith("code;kind;building;")
    table = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    r1 = next(r for r in table if r["element"] == "r1")
    assert r1["code"] == '="004"'               # Excel shows 004, not 4
    assert next(r for r in table if r["element"] == "r2")["code"] == '="2.04"'  # not 2 April
    assert "," in r1["lat"] and "." not in r1["lat"]  # 51,9…: a number in German Excel
    assert "," in r1["x"]
    plain = list(csv.DictReader(io.StringIO(register_csv(plan, pipeline.export_context(site)))))
    assert next(r for r in plain if r["element"] == "r1")["code"] == "004"


def _dispatch_site():
    data = yaml_school()
    data["site"]["dispatch"] = {"object_number": "GT-0815", "plan_number": "FWP 12/2026",
                                "fire_alarm_number": "BMA 4711",
                                "access_notes": ["Zufahrt über die Schulstraße",
                                                 "Schranke: Dreikant"]}
    return site_from_data(data, file="gesamtschule.yaml")


def yaml_school() -> dict:
    import yaml

    return yaml.safe_load(SCHOOL.read_text(encoding="utf-8"))


def test_the_object_sheet_has_what_the_leitstelle_types_in():
    site = _dispatch_site()
    plan = make_plan(site, "guetersloh")
    ctx = pipeline.export_context(site)
    table = rows(csv_bytes(object_csv(plan, ctx)))
    by = {}
    for r in table:
        by.setdefault(r["item"], []).append(r)
    assert by["object_number"][0]["value"] == "GT-0815"
    assert by["name"][0]["value"] == "Städtische Gesamtschule Beispielstadt"
    assert by["address"][0]["value"] == "Schulstraße 1, 33330 Gütersloh"
    assert by["plan_number"][0]["value"] == "FWP 12/2026"
    assert by["plan_date"][0]["value"] == "2026-11-30"
    assert by["fire_alarm_number"][0]["value"] == "BMA 4711"
    assert by["grid_crs"][0]["value"] == "EPSG:25832 ETRS89 / UTM zone 32N"
    pos = by["position"][0]
    assert pos["code"] == "E1" and pos["grid"] and 51.8 < float(pos["lat"]) < 52.0
    assert 457_000 < float(pos["easting"]) < 458_000
    for item in ("key_depot", "first_info_point", "fire_alarm_panel"):
        assert by[item][0]["grid"] and by[item][0]["easting"], item
    assert [r["value"] for r in by["access_note"]] == ["Zufahrt über die Schulstraße",
                                                        "Schranke: Dreikant"]
    doors = [m for m in plan.markings
             if m.kind in ("entrance", "emergency_exit", "fire_brigade", "service")]
    assert [(r["code"], r["side"]) for r in by["entrance"]] == [(m.code, m.side) for m in doors]
    assert by["entrance"][0]["value"] == "Haupteingang"
    assert by["object_number"][0]["label"] == "Objektnummer"


def test_the_object_json_says_the_same():
    from orientation.exports import object_json

    site = _dispatch_site()
    plan = make_plan(site, "guetersloh")
    doc = json.loads(object_json(plan, pipeline.export_context(site)))
    assert doc["format"] == "orientation/object@1" and doc["object_number"] == "GT-0815"
    assert doc["fire_alarm"]["number"] == "BMA 4711" and doc["fire_alarm"]["panels"]
    assert doc["key_depots"][0]["storey"] == "EG" and doc["key_depots"][0]["grid"]
    assert doc["position"]["crs"] == "EPSG:25832" and doc["position"]["entrance"] == "E1"
    assert doc["plan"] == {"number": "FWP 12/2026", "date": "2026-11-30",
                           "version": plan.version, "draft": False, "draft_reasons": []}
    assert [e["code"] for e in doc["entrances"]][:1] == ["E1"]


def test_an_unreferenced_object_sheet_lists_every_item_without_coordinates():
    site = site_from_data(site_dict(), file="s.yaml")
    plan = make_plan(site, "guetersloh")
    table = rows(csv_bytes(object_csv(plan, ExportContext.of_plan(plan))))
    assert {r["item"] for r in table} >= {"object_number", "position", "key_depot",
                                          "fire_alarm_number", "entrance", "draft"}
    assert all(r["lat"] == "" and r["easting"] == "" for r in table)
    assert next(r for r in table if r["item"] == "grid_crs")["value"] == "nicht georeferenziert"


def test_render_excel_writes_every_csv_for_excel(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", str(SCHOOL), "-o", str(out), "--formats", "svg", "--excel", "-q"]) == 0
    for name in ("register.csv", "schedule.csv", "object.csv"):
        data = (out / name).read_bytes()
        assert data.startswith(BOM.encode()), name
        assert data.decode("utf-8-sig").splitlines()[0].count(";") >= 5, name
    table = rows((out / "register.csv").read_bytes(), delimiter=";")
    assert "Hauptgebäude" in {r["name"] for r in table}
    assert {"register.gpkg", "outlines.geojson", "object.json"} <= {p.name for p in out.iterdir()}
