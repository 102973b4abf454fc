"""Nothing unfinished looks final (issue 20): real plan dates, the draft mark on every page of a
plan that is not fit to print, ``render --final`` and the batch's count of drafts."""

from __future__ import annotations

import io
import json
import re
import shutil

import pytest

from conftest import building, site_dict, write_site
from orientation.cli import main
from orientation.compose.draft import DRAFT_RED, mark_text
from orientation.errors import OptionError, SiteFileError
from orientation.pipeline import load_site, render
from orientation.render.scene import Recorder

pypdf = pytest.importorskip("pypdf")

DATED = {"name": "Testschule", "address": "Teststraße 1", "date": "2026-11-30"}


def _dated(data: dict) -> dict:
    data["site"] = dict(DATED)
    return data


def _no_main_entrance() -> dict:
    return _dated(site_dict([building(doors=[
        {"id": "d-a", "at": [20, 0], "kind": "entrance"},
        {"id": "d-b", "at": [40, 10], "kind": "emergency_exit"}])]))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pdf_pages(path) -> list[str]:
    return [_flat(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages]


def _every_output(out):
    pdfs = sorted(out.glob("*.pdf"))
    svgs = sorted(out.glob("*/*.svg"))
    assert {p.name for p in pdfs} == {"signs.pdf", "proof.pdf", "schedule.pdf", "maps.pdf"}
    assert {p.parent.name for p in svgs} == {"signs", "maps"}
    return pdfs, svgs


@pytest.mark.parametrize("kind", ["no-main-entrance", "undated"])
def test_every_page_of_a_draft_carries_the_mark(tmp_path, kind):
    data = _no_main_entrance() if kind == "no-main-entrance" else site_dict()
    outputs = render(write_site(tmp_path, data), tmp_path / "out")
    plan = outputs.plan
    assert plan.is_draft
    mark = mark_text(plan.language)
    pdfs, svgs = _every_output(tmp_path / "out")
    for pdf in pdfs:
        pages = _pdf_pages(pdf)
        assert pages
        for i, text in enumerate(pages):
            assert mark in text, f"{pdf.name} page {i + 1} has no draft mark"
    for svg in svgs:
        assert f'aria-label="{mark}"' in svg.read_text(encoding="utf-8"), svg
    record = json.loads((tmp_path / "out" / "plan.json").read_text(encoding="utf-8"))
    assert record["draft"] is True
    assert record["draft_reasons"] == list(plan.draft_reasons())
    why = "no-main-entrance" if kind == "no-main-entrance" else "no plan date"
    assert any(why in r for r in record["draft_reasons"])


def test_a_dated_error_free_site_carries_no_mark(tmp_path):
    outputs = render(write_site(tmp_path, _dated(site_dict())), tmp_path / "out")
    assert not outputs.plan.is_draft and outputs.plan.draft_reasons() == ()
    pdfs, svgs = _every_output(tmp_path / "out")
    for pdf in pdfs:
        for text in _pdf_pages(pdf):
            assert "ENTWURF" not in text and "DRAFT" not in text
    for svg in svgs:
        body = svg.read_text(encoding="utf-8")
        assert "ENTWURF" not in body and "DRAFT" not in body and DRAFT_RED.hex not in body
    record = json.loads((tmp_path / "out" / "plan.json").read_text(encoding="utf-8"))
    assert "draft" not in record and "draft_reasons" not in record


def test_the_mark_runs_across_the_sign_and_leaves_it_readable(tmp_path):
    from orientation.compose.draft import mark_draft
    from orientation.compose.signs import sign_page
    from orientation.layout.engine import make_plan
    from orientation.profiles import load_profile

    prof = load_profile("guetersloh")
    plan = make_plan(load_site(write_site(tmp_path, site_dict())), prof)
    sign = plan.signs[0]
    page = mark_draft(sign_page(sign, prof), "de")
    drawn = Recorder().page(page)
    texts = [d for d in drawn if getattr(d.item, "text", "") == "ENTWURF – nicht freigegeben"]
    assert len(texts) == 1
    mark = texts[0]
    cx, cy = mark.at(mark.item.x, mark.item.y)  # near the sign's centre, turned on its diagonal
    assert abs(cx - page.width_mm / 2) < page.width_mm * 0.2
    assert abs(cy - page.height_mm / 2) < page.height_mm * 0.2
    assert mark.matrix[1] < 0  # rising to the right
    assert mark.item.fill.alpha < 1 and mark.item.fill == DRAFT_RED  # the code shows through
    shown = [d.item.text for d in drawn if hasattr(d.item, "text")]
    assert sign.text in shown[:shown.index(mark.item.text)]  # the code, drawn below the mark


def test_final_refuses_a_draft_and_writes_nothing(tmp_path, capsys):
    for name, data in (("nme", _no_main_entrance()), ("undated", site_dict())):
        site = write_site(tmp_path, data, f"{name}.yaml")
        out = tmp_path / f"out-{name}"
        assert main(["render", str(site), "-o", str(out), "--final"]) == 1
        err = capsys.readouterr().err
        assert "--final" in err and "not fit to print" in err and "Traceback" not in err
        assert ("no-main-entrance" in err) if name == "nme" else ("no plan date" in err)
        assert not out.exists()
    dated = write_site(tmp_path, _dated(site_dict()), "dated.yaml")
    assert main(["render", str(dated), "-o", str(tmp_path / "ok"), "--final"]) == 0
    assert (tmp_path / "ok" / "maps.pdf").exists()
    # --date makes an undated site fit to print
    undated = write_site(tmp_path, site_dict(), "undated2.yaml")
    assert main(["render", str(undated), "-o", str(tmp_path / "ok2"), "--final",
                 "--date", "2026-11-30"]) == 0


def test_render_summary_says_draft_and_why(tmp_path, capsys):
    site = write_site(tmp_path, site_dict())
    assert main(["render", str(site), "-o", str(tmp_path / "out")]) == 0
    captured = capsys.readouterr()
    assert "draft, not fit to print: no plan date" in captured.out
    assert "not fit to print: no plan date" in captured.err
    dated = write_site(tmp_path, _dated(site_dict()), "dated.yaml")
    assert main(["render", str(dated), "-o", str(tmp_path / "out2")]) == 0
    captured = capsys.readouterr()
    assert "draft, not fit" not in captured.out and ": fit to print" in captured.err


def test_check_of_an_undated_site_is_not_fit_to_print(tmp_path, capsys):
    assert main(["check", str(write_site(tmp_path, site_dict()))]) == 1
    assert "not fit to print: no plan date" in capsys.readouterr().out
    assert main(["check", str(write_site(tmp_path, _dated(site_dict()), "d.yaml"))]) == 0
    assert "fit to print" in capsys.readouterr().out


def test_batch_counts_drafts_apart(tmp_path, capsys):
    src = tmp_path / "sites"
    src.mkdir()
    shutil.copy("floorplans/rathaus.yaml", src / "rathaus.yaml")  # dated, fit to print
    write_site(src, site_dict(), "undated.yaml")
    write_site(src, _no_main_entrance(), "nme.yaml")
    out = tmp_path / "out"
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--formats", "pdf"]) == 0
    text = capsys.readouterr().out
    assert "3 rendered, 0 failed: 1 fit to print, 2 draft(s)" in text
    assert re.search(r"draft: \S*undated\.yaml: no plan date", text)
    assert re.search(r"draft: \S*nme\.yaml: 1 error\(s\) \(no-main-entrance\)", text)
    assert "ENTWURF" in _flat(pypdf.PdfReader(out / "undated" / "signs.pdf").pages[0]
                              .extract_text())


# -- dates are real dates ----------------------------------------------------------------------

def _site_text(date_line: str) -> str:
    return ("format: orientation/site@1\n"
            f"site:\n  name: Testschule\n{date_line}"
            "buildings:\n  - id: main\n    name: Haus\n"
            "    footprint: [[0, 0], [40, 0], [40, 20], [0, 20]]\n"
            "    storeys: [{level: 0, name: EG}]\n"
            "    doors: [{id: d, at: [20, 0], kind: entrance, main: true}]\n")


@pytest.mark.parametrize("line", ["  date: 2026-11-21\n", "  date: '2026-11-21'\n",
                                  '  date: "2026-11-21"\n'])
def test_a_yaml_date_or_iso_text_is_taken(tmp_path, line):
    p = tmp_path / "s.yaml"
    p.write_text(_site_text(line), encoding="utf-8")
    site = load_site(p)
    assert site.site.date == "2026-11-21" and isinstance(site.site.date, str)


def test_a_json_date_is_taken(tmp_path):
    data = _dated(site_dict())
    p = tmp_path / "s.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    assert load_site(p).site.date == "2026-11-30"


@pytest.mark.parametrize("value", ["2026-13-01", "2026-02-30", "'2026-02-30'", "21.11.2026",
                                   "2026", "2026-11-21T10:00:00"])
def test_an_impossible_date_is_refused_with_its_key_path(tmp_path, capsys, value):
    p = tmp_path / "s.yaml"
    p.write_text(_site_text(f"  date: {value}\n"), encoding="utf-8")
    with pytest.raises(SiteFileError) as exc:
        load_site(p)
    assert [pr.path for pr in exc.value.problems] == ["site.date"]
    assert "2026-11-21" in exc.value.problems[0].message  # what to write instead
    assert main(["check", str(p)]) == 1
    assert "site.date:" in capsys.readouterr().err


def test_an_impossible_date_option_is_refused(tmp_path, capsys):
    site = write_site(tmp_path, site_dict())
    out = tmp_path / "out"
    assert main(["render", str(site), "-o", str(out), "--date", "2026-02-30"]) == 1
    err = capsys.readouterr().err
    assert "--date: 2026-02-30 is no date of the calendar" in err
    assert not out.exists()
    assert main(["plan", str(site), "--date", "2026-13-01"]) == 1
    assert "--date:" in capsys.readouterr().err
    with pytest.raises(OptionError) as exc:
        render(site, out, date="30.02.2026")
    assert exc.value.option == "date"
