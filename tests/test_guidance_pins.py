"""Pinned guidance signs keep their text: ``orientation pin`` writes them, the layout keeps
the text written there, and a pin whose decision point is gone is reported."""

from __future__ import annotations

import shutil

import yaml

from conftest import FLOORPLANS
from orientation.cli import main
from orientation.io.site_file import read_site
from orientation.layout.engine import make_plan


def test_pin_writes_guidance_signs_and_their_text_is_kept(tmp_path, capsys):
    site_file = tmp_path / "rathaus.yaml"
    shutil.copy(FLOORPLANS / "rathaus.yaml", site_file)
    before = make_plan(read_site(str(site_file)))
    guides = [m for m in before.markings if m.kind == "guidance"]
    assert guides
    assert main(["pin", str(site_file)]) == 0
    text = site_file.read_text("utf-8")
    assert "# Haupteingang am Marktplatz (Foyer)" in text  # comments kept
    data = yaml.safe_load(text)
    pinned = [g for b in data["buildings"] for g in b.get("guidance", [])]
    assert {g["id"] for g in pinned} == {m.element for m in guides}
    # the facility manager words one sign their way
    first = pinned[0]["id"]
    site_file.write_text(_retext(text, first, "Zum Bürgerbüro"), "utf-8")
    after = make_plan(read_site(str(site_file)))
    m = next(x for x in after.markings if x.kind == "guidance" and x.element == first)
    assert m.code == "Zum Bürgerbüro" and m.pinned
    sign = next(s for s in after.signs if s.marking == m.id)
    assert sign.text == "Zum Bürgerbüro"
    others = {x.element: x.code for x in after.markings if x.kind == "guidance"}
    assert all(others[g.element] == g.code for g in guides if g.element != first)
    # pinning again adds nothing
    assert main(["pin", str(site_file)]) == 0
    assert "nothing changed" in capsys.readouterr().out


def _retext(text: str, sign_id: str, new: str) -> str:
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if f"id: {sign_id}," in ln:
            head = ln[: ln.index("text:")]
            lines[i] = f"{head}text: {new}}}"
    return "\n".join(lines)


def test_a_pin_without_its_decision_point_is_reported(tmp_path):
    site_file = tmp_path / "rathaus.yaml"
    data = yaml.safe_load((FLOORPLANS / "rathaus.yaml").read_text("utf-8"))
    data["buildings"][0]["guidance"] = [{"id": "g-00000000", "level": 0, "text": "T9"}]
    site_file.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    plan = make_plan(read_site(str(site_file)))
    f = [x for x in plan.findings if x.code == "guidance-pin-lost"]
    assert len(f) == 1 and "g-00000000" in f[0].message and "T9" in f[0].message
    assert not any(m.element == "g-00000000" for m in plan.markings)
