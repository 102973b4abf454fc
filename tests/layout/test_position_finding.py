"""A site without a position on the earth says so (its GIS exports are not written)."""

from __future__ import annotations

from conftest import site_dict
from orientation import model
from orientation.layout.engine import make_plan


def test_a_site_without_origin_or_crs_gets_a_note_and_one_with_it_none():
    plan = make_plan(model.Site.model_validate(site_dict()))
    f = [x for x in plan.findings if x.code == "no-position"]
    assert len(f) == 1 and f[0].severity == "info" and "set --origin" in f[0].message
    assert "Lage auf der Erde" in f[0].text("de")
    placed = site_dict()
    placed["site"]["origin"] = {"lat": 51.9, "lon": 8.38}
    assert not any(x.code == "no-position"
                   for x in make_plan(model.Site.model_validate(placed)).findings)
