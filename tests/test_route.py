"""``orientation route``: the crew route to a code, and each room's way in the register."""

from __future__ import annotations

import csv
import io
import json

from conftest import FLOORPLANS
from orientation.cli import main
from orientation.exports import register_csv
from orientation.io.site_file import read_site
from orientation.layout.engine import make_plan

SCHOOL = str(FLOORPLANS / "gesamtschule.yaml")


def test_route_text_from_the_main_entrance_to_the_office(capsys):
    assert main(["route", SCHOOL, "A002"]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("E1 (Haupteingang, Seite A, Schulstraße) – Flur geradeaus")
    assert out.endswith("Raum A002 (Sekretariat)")


def test_route_to_an_upper_floor_takes_a_stair(capsys):
    assert main(["route", SCHOOL, "A107", "--lang", "en", "--json"]) == 0
    r = json.loads(capsys.readouterr().out)
    assert r["stair"] and r["stair"].startswith("T")
    assert any(s.startswith(r["stair"] + " up to 1. OG") for s in r["steps"])
    assert r["steps"][-1] == "room A107 (Klassenraum 7b)"
    assert r["text"] == " – ".join(r["steps"])
    assert {p[2] for p in r["points"]} == {0, 1}
    for s in r["steps"][1:-1]:
        if s.split()[-1] == "m":
            assert int(s.split()[-2]) % 5 == 0


def test_unknown_code_exits_1_and_says_what_to_give(capsys):
    assert main(["route", SCHOOL, "ZZ9", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "ZZ9 is not a code of this plan" in err and "Traceback" not in err


def test_register_names_each_rooms_entrance_and_stair():
    plan = make_plan(read_site(SCHOOL))
    rows = list(csv.DictReader(io.StringIO(register_csv(plan))))
    assert list(rows[0])[-2:] == ["entrance", "stair"]
    rooms = [r for r in rows if r["kind"] == "room"]
    assert sum(1 for r in rooms if r["entrance"]) >= 0.9 * len(rooms)
    upper = [r for r in rooms if r["level"] == "1" and r["entrance"]]
    assert upper and all(r["stair"].startswith("T") for r in upper)
    ground = [r for r in rooms if r["code"] == "A002"]
    assert ground[0]["entrance"] == "E1" and ground[0]["stair"] == ""
    doors = [r for r in rows if r["kind"] == "entrance"]
    assert all(r["entrance"] == "" for r in doors)
