"""Sign SVGs as a sign shop's cutting software reads them (issue 19): the cut line in a group
of its own named CutContour (an Inkscape layer), at the trim with the corner radius, and
every colour naming its CMYK beside its sRGB; pages without a printing condition unchanged."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from conftest import SITES, _plan
from orientation.compose.signs import design_items, sign_page
from orientation.render.svg import render_svg

NS = {"svg": "http://www.w3.org/2000/svg", "o": "urn:x-orientation:page",
      "ink": "http://www.inkscape.org/namespaces/inkscape"}


@pytest.mark.parametrize("name", sorted(SITES))
def test_every_sign_svg_carries_its_cut_group(name):
    plan, prof = _plan(name)
    kinds = {}
    for s in plan.signs:
        kinds.setdefault(s.kind, s)
    for sign in kinds.values():
        svg = render_svg(sign_page(sign, prof))
        root = ET.fromstring(svg)
        (cut,) = root.findall(".//svg:g[@id='CutContour']", NS)
        assert cut.get(f"{{{NS['ink']}}}groupmode") == "layer"
        assert cut.get(f"{{{NS['ink']}}}label") == "CutContour"
        (rect,) = cut.findall("svg:rect", NS)
        assert (float(rect.get("x")), float(rect.get("y"))) == (0.0, 0.0)
        assert float(rect.get("width")) == pytest.approx(sign.width_mm, abs=1e-3)
        assert float(rect.get("height")) == pytest.approx(sign.height_mm, abs=1e-3)
        assert float(rect.get("rx")) == pytest.approx(design_items(sign, prof)[2], abs=1e-3)
        assert rect.get("fill") == "none" and "icc-color(" in rect.get("style")
        # the cut group is the last thing drawn: no artwork lies over the line
        assert list(root)[-1] is cut


def test_svg_colours_name_their_cmyk_and_the_inks_are_listed():
    plan, prof = _plan("gesamtschule")
    sign = next(s for s in plan.signs if s.text == "E1")
    svg = render_svg(sign_page(sign, prof)).decode()
    # the background: sRGB for screens, its CMYK for print (a browser drops the style)
    assert re.search(r'fill="#063971" style="fill:#063971 icc-color\(FOGRA39, 0\.95, 0\.5, '
                     r'0, 0\.56\)"', svg)
    root = ET.fromstring(svg)
    inks = root.findall(".//o:inks/o:ink", NS)
    assert root.find(".//o:inks", NS).get("output-intent") == "FOGRA39"
    spot = [i for i in inks if i.get("spot") == "CutContour"]
    assert spot and spot[0].get("cmyk") == "0 1 0 0" and spot[0].get("overprint") == "true"
    assert any("RAL 5017" in (i.get("name") or "") for i in inks)


def test_us_signs_name_gracol():
    plan, prof = _plan("us-elementary")
    svg = render_svg(sign_page(plan.signs[1], prof)).decode()
    assert "icc-color(GRACoL2006," in svg


def test_a_page_without_a_printing_condition_writes_no_cmyk_styles():
    from dataclasses import replace

    plan, prof = _plan("rathaus")
    page = sign_page(plan.signs[1], prof)
    plain = render_svg(replace(page, output_intent="")).decode()
    assert "icc-color" not in plain and "<o:inks" not in plain
    assert render_svg(page) == render_svg(page)  # byte-stable
