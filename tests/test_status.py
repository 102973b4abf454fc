"""The status of each sign (issue 19): ordered, mounted and checked dates in a side file next
to the site file, ``orientation status`` to show and set them, shown on the proof and the
installer list; the proof's QR code names the site and the sign."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import FLOORPLANS, _plan
from orientation.cli import main
from orientation.compose.common import walk_texts
from orientation.compose.proof import proof_pages
from orientation.compose.schedule import schedule_pages
from orientation.errors import OptionError, SiteFileError
from orientation.status import (
    STATUS_FORMAT,
    SignStatus,
    parse_status,
    qr_payload,
    read_status,
    select_signs,
    set_step,
    sign_key,
    status_path,
    status_yaml,
)


@pytest.fixture
def rathaus(tmp_path):
    p = tmp_path / "rathaus.yaml"
    shutil.copy(FLOORPLANS / "rathaus.yaml", p)
    return p


def test_select_by_id_code_key_qr_and_all():
    plan, _prof = _plan("rathaus")
    e1 = next(s for s in plan.signs if s.text == "E1" and s.kind == "entrance")
    assert select_signs(plan, [e1.id]) == [e1]
    assert select_signs(plan, [sign_key(e1)]) == [e1]
    assert select_signs(plan, [qr_payload(plan, e1)]) == [e1]
    t1 = select_signs(plan, ["T1"])
    assert {s.kind for s in t1} == {"stair"} and len(t1) == 3  # one per storey, no guidance
    assert len(select_signs(plan, ["all"])) == len(plan.signs)
    with pytest.raises(OptionError, match="no sign 'X9'"):
        select_signs(plan, ["X9"])


def test_the_side_file_round_trips_in_plan_order():
    plan, _prof = _plan("rathaus")
    st = set_step(SignStatus(), select_signs(plan, ["E1", "N1"]), "ordered", "2026-12-01")
    st = set_step(st, select_signs(plan, ["E1"]), "mounted", "2026-12-15")
    text = status_yaml(st, plan)
    assert text.startswith(f"format: {STATUS_FORMAT}\n")
    back = parse_status(text.encode(), file="x")
    e1 = select_signs(plan, ["E1"])[0]
    assert back.of(e1).ordered == "2026-12-01" and back.of(e1).mounted == "2026-12-15"
    assert back.of(e1).checked is None and status_yaml(back, plan) == text
    cleared = set_step(back, [e1], "mounted", None)
    assert cleared.of(e1).mounted is None and cleared.of(e1).ordered == "2026-12-01"
    with pytest.raises(SiteFileError, match="not a date"):
        parse_status(b"format: orientation/status@1\nsigns: {a: {ordered: gestern}}\n", file="x")
    with pytest.raises(SiteFileError, match="format"):
        parse_status(b"signs: {}\n", file="x")


def test_cli_status_sets_shows_and_renders(rathaus, tmp_path, capsys):
    assert main(["status", str(rathaus), "E1", "--mounted", "--on", "2026-12-15"]) == 0
    assert main(["status", str(rathaus), "E1", "N1", "--ordered", "--on", "2026-12-01"]) == 0
    assert main(["status", str(rathaus), "N1", "--checked", "--on", "2026-12-20"]) == 0
    side = status_path(rathaus)
    assert side.exists() and side.name == "rathaus.status.yaml"
    capsys.readouterr()
    assert main(["status", str(rathaus), "E1", "N1", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["ordered"], r["mounted"], r["checked"]) for r in rows] == [
        ("E1", "2026-12-01", "2026-12-15", None), ("N1", "2026-12-01", None, "2026-12-20")]
    assert main(["status", str(rathaus), "N1", "--clear", "checked"]) == 0
    assert read_status(rathaus).of(select_signs(_plan("rathaus")[0], ["N1"])[0]).checked is None
    assert main(["status", str(rathaus), "E1", "--mounted", "--on", "morgen"]) == 1
    assert main(["status", str(rathaus), "--mounted"]) == 1  # name the signs
    assert main(["status", str(rathaus)]) == 0
    out = capsys.readouterr().out
    assert "E1" in out and "2026-12-15" in out
    # a render shows the dates on the proof and the installer list
    target = tmp_path / "out"
    assert main(["render", str(rathaus), "-o", str(target), "--formats", "pdf", "-q"]) == 0
    import subprocess

    if shutil.which("pdftotext"):
        proof = subprocess.run(["pdftotext", str(target / "proof.pdf"), "-"],
                               capture_output=True, check=True).stdout.decode()
        listing = subprocess.run(["pdftotext", str(target / "schedule.pdf"), "-"],
                                 capture_output=True, check=True).stdout.decode()
        assert "mont. 15.12.26" in proof and "best. 01.12.26" in proof
        assert "mont. 15.12.26" in listing


def test_proof_and_list_show_the_status():
    plan, prof = _plan("rathaus")
    e1 = select_signs(plan, ["E1"])[0]
    st = set_step(SignStatus(), [e1], "checked", "2026-12-20")
    proof = [t.text for p in proof_pages(plan, prof, status=st) for t in walk_texts(p.items)]
    assert "gepr. 20.12.26" in proof
    listing = [t.text for p in schedule_pages(plan, prof, status=st, facades=False)
               for t in walk_texts(p.items)]
    assert "gepr. 20.12.26" in listing
