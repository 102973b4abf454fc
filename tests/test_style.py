"""Tests for orientation.style and profile loading: one resolved style, inks with sRGB, CMYK,
RAL code and names; one text-block model for sizing and drawing; the plan's language in the
sign metadata; ``--profile PATH``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import FLOORPLANS, ROOT, read_site
from orientation import fonts
from orientation.cli import main
from orientation.compose.common import ink_bounds, walk_texts
from orientation.compose.schedule import schedule_rows
from orientation.compose.signs import sign_block, sign_page, sign_pages
from orientation.errors import ProfileError
from orientation.layout.engine import PlanOptions, make_plan
from orientation.layout.sizing import panel_size, text_block
from orientation.profiles import DEFAULT_PROFILE, is_profile_path, load_profile
from orientation.style import Ink, Style, cmyk_from_srgb, style_of

STYLES = ROOT / "src" / "orientation" / "styles"


# --- the style ---------------------------------------------------------------------------


def test_one_default_profile_name():
    from orientation import defaults

    assert DEFAULT_PROFILE == defaults.DEFAULT_PROFILE == "guetersloh"
    assert load_profile().name == DEFAULT_PROFILE


def test_style_is_resolved_once_per_profile():
    prof = load_profile("guetersloh")
    assert isinstance(prof.resolved, Style)
    assert prof.resolved is prof.resolved is style_of(prof)


def test_inks_carry_hex_cmyk_ral_and_both_names():
    st = load_profile("guetersloh").resolved
    blue = st.signs["entrance"].background
    assert blue == st.ink("traffic_blue")
    assert (blue.hex, blue.cmyk, blue.ral) == ("#063971", (0.95, 0.5, 0.0, 0.56), "RAL 5017")
    assert (blue.name("de"), blue.name("en")) == ("RAL 5017 Verkehrsblau", "RAL 5017 traffic blue")
    assert blue.short("en") == "RAL 5017"
    assert st.signs["stair"].material == "photoluminescent"
    assert st.map["emergency_exit"] == st.ink("signal_green")
    assert st.paper["red"] == st.ink("signal_red")


def test_unknown_colour_names_the_known_ones():
    with pytest.raises(ProfileError, match="traffic_blue"):
        load_profile().resolved.ink("no_such_blue")


def test_colour_outside_the_palette_gets_ucr_cmyk():
    st = load_profile().resolved
    ink = st.find("#102030", "my blue")
    assert ink == Ink.unnamed("#102030", "my blue")
    assert ink.cmyk == cmyk_from_srgb("#102030") and ink.name("de") == "my blue"
    assert st.find("#063971") is st.ink("traffic_blue")  # by sRGB
    # a sign whose recorded colour is not its kind's (a plan edited by hand) keeps its own
    assert st.sign_ink("entrance", "background", "#A52019") is st.ink("signal_red")


# --- one model of a sign's text block ------------------------------------------------------


def test_sized_panel_contains_the_drawn_text_block(site):
    """Every sign of every example: the panel the layout sized holds the block it measured,
    and the drawing sets exactly that block (nominal sizes, nothing shrunk), within the
    block's margins."""
    plan, prof = site
    for sign in plan.signs:
        block = sign_block(sign, prof)
        need_w, need_h = block.need_mm
        assert sign.width_mm >= need_w - 0.01 and sign.height_mm >= need_h - 0.01, sign.id
        page = sign_page(sign, prof)
        drawn = list(walk_texts(page.items))
        code = drawn[0]
        if block.letter:  # the letter grows on its square, never below its nominal size
            assert code.size_mm >= block.code.size_mm - 1e-9
            margin_x = margin_y = 0.0
        else:
            assert [(t.text, t.size_mm) for t in drawn] == [
                (ln.text, ln.size_mm) for ln in (block.code, block.sub) if ln is not None]
            margin_x = margin_y = block.margin_mm
        for t in drawn:  # the advance width and the cap box stay inside the margins
            w = fonts.text_width_mm(t.text, size_mm=t.size_mm, weight=t.weight)
            cap = t.size_mm * fonts.cap_height_ratio(t.weight)
            assert margin_x - 0.05 <= t.x - w / 2 and t.x + w / 2 <= sign.width_mm - margin_x + 0.05
            assert margin_y - 0.05 <= t.y - cap and t.y <= sign.height_mm - margin_y + 0.05
            _, top, _, bottom = ink_bounds(t.text, size_mm=t.size_mm, weight=t.weight)
            # the ink (round glyphs overshoot the cap line a little) inside the trim
            assert t.y + top >= -0.03 * cap and t.y + bottom <= sign.height_mm + 0.03 * cap


def test_panel_size_is_the_block_rounded_up_to_the_series():
    prof = load_profile()
    block = text_block(prof.sizing, "stair", "T1", "1. OG", 60.0)
    need_w, need_h = block.need_mm
    assert block.sub is not None and block.margin_mm == 30.0
    # the storey bold at 0.6 of the code (issue 19: "at every stair the floor is shown")
    assert block.sub.weight == "bold" and block.sub.cap_mm == pytest.approx(36.0)
    assert need_h == pytest.approx(60 + 15 + 36 + 60)
    panel = panel_size(prof, "stair", "T1", "1. OG", 60.0)
    assert panel.standard and panel.width_mm >= need_w and panel.height_mm >= need_h


# --- the plan's language -------------------------------------------------------------------


def test_lang_en_prints_english_colour_names_in_the_sign_metadata():
    site = read_site(str(FLOORPLANS / "rathaus.yaml"))
    prof = load_profile("guetersloh")
    plan = make_plan(site, prof, options=PlanOptions(language="en"))
    meta = dict(sign_pages(plan, prof)[0].meta)
    assert meta["colors"] == "RAL 9003 signal white on RAL 5017 traffic blue"
    assert dict(sign_page(plan.signs[0], prof).meta)["colors"] == (
        "RAL 9003 Signalweiß auf RAL 5017 Verkehrsblau")  # the profile's language by default
    row = schedule_rows(plan, prof)[0]
    assert (row.foreground, row.background_ral) == ("RAL 9003 signal white", "RAL 5017")


# --- --profile PATH ------------------------------------------------------------------------


def _own_profile(tmp_path: Path, **changes) -> Path:
    raw = yaml.safe_load((STYLES / "guetersloh.yaml").read_text(encoding="utf-8"))
    for dotted, value in changes.items():
        node = raw
        *head, last = dotted.split("__")
        for k in head:
            node = node[k]
        node[last] = value
    p = tmp_path / "my-profile.yaml"
    p.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return p


def test_is_profile_path():
    assert not is_profile_path("us-k12")
    assert is_profile_path("./my-profile.yaml") and is_profile_path("styles/x.yml")


def test_profile_from_a_file(tmp_path):
    p = _own_profile(tmp_path, name="mine", title="Mine – test",
                     palette={"my_blue": {"ral": "", "name": "Blau / blue",
                                          "srgb": "#102A60", "cmyk": [1, 0.6, 0, 0.5]}},
                     colors__entrance__background="my_blue")
    prof = load_profile(str(p))
    assert prof.name == "mine" and load_profile(str(p)) is prof  # unchanged file: cached
    assert prof.resolved.signs["entrance"].background.name("en") == "blue"
    p.write_text(p.read_text(encoding="utf-8").replace("Mine – test", "Mine – changed!"),
                 encoding="utf-8")
    assert load_profile(str(p)).title == "Mine – changed!"  # a changed file is read again


def test_cli_plan_with_profile_path(tmp_path, capsys, monkeypatch):
    p = _own_profile(tmp_path, name="mine", sizing__min_cap_mm__entrance=200)
    monkeypatch.chdir(tmp_path)
    site = str(FLOORPLANS / "rathaus.yaml")
    assert main(["plan", site, "--profile", "./my-profile.yaml", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"profile": "mine"' in out
    assert p.exists()


@pytest.mark.parametrize("changes,words", [
    ({"sizing__min_cap_mm__entrance": "big"}, "sizing.min_cap_mm.entrance"),
    ({"colors__stair__background": "no_such_blue"}, "colors.stair.background"),
    ({"language": "fr"}, "language"),
])
def test_bad_profile_file_names_the_file_and_key_path(tmp_path, capsys, changes, words):
    p = _own_profile(tmp_path, **changes)
    with pytest.raises(ProfileError, match=words.replace(".", r"\.")) as exc:
        load_profile(str(p))
    assert str(p) in str(exc.value)
    assert main(["plan", str(FLOORPLANS / "rathaus.yaml"), "--profile", str(p)]) == 1
    err = capsys.readouterr().err
    assert str(p) in err and words in err and "Traceback" not in err


def test_missing_profile_file(tmp_path):
    with pytest.raises(ProfileError, match="cannot be read"):
        load_profile(str(tmp_path / "nope.yaml"))
