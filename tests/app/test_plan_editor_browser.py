"""The plan editor in a real browser (issue 18): upload the openindoor DXF school, put two
exterior doors on its outline by clicking, make one the main entrance, draw a road, set the
date and the position, reach "fit to print", download the site file and render it: E1 is at
the clicked main door.

Debian's headless Chromium through Playwright, the app started as in ``test_browser.py``.
Screenshots go to /tmp/editor-*.png. The clicks and seconds from upload to "fit to print" are
printed (``pytest -s``) and written to /tmp/editor-measure.txt.
"""

from __future__ import annotations

import math
import re
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from test_browser import (  # noqa: F401 - fixtures
    browser,
    download,
    keyed,
    open_tab,
    page,
    server,
    server_tmp,
    settle,
    upload,
)

from conftest import SHARED_DATA

pytestmark = [pytest.mark.browser, pytest.mark.shared_data]

SCHOOL = SHARED_DATA / "dxf" / "openindoor-school" / "plan.dxf"
IMDF = SHARED_DATA / "imdf" / "ibm-littleton"
LAT, LON = 51.9065, 8.3785  # Gütersloh


def shot(pg, name: str) -> None:
    pg.screenshot(path=f"/tmp/editor-{name}.png")


def outline_points(path: Path, raw: bytes) -> tuple[list[tuple[float, float]], str, float]:
    """Two points on the building's outline (the middles of its two longest edges), the
    building's id and its southernmost y, from the same import the app makes."""
    from orientation.io import import_bytes

    site = import_bytes(raw, name=path.name).site
    b = site.buildings[0]
    ring = list(b.footprint)
    edges = sorted(((math.dist(ring[i], ring[(i + 1) % len(ring)]), i) for i in range(len(ring))),
                   reverse=True)
    points = []
    for _, i in edges[:2]:
        (x0, y0), (x1, y1) = ring[i], ring[(i + 1) % len(ring)]
        points.append((round((x0 + x1) / 2, 2), round((y0 + y1) / 2, 2)))
    return points, b.id, min(y for _, y in ring)


def imdf_zip(folder: Path, into: Path) -> Path:
    """An IMDF folder as the one ``.zip`` the app takes."""
    path = into / f"{folder.name}.zip"
    with zipfile.ZipFile(path, "w") as z:
        for f in sorted(folder.iterdir()):
            z.write(f, f.name)
    return path


class Clicks:
    """Counts what a user does (clicks and typed fields)."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, n: int = 1) -> None:
        self.n += n


def editor(pg):
    """The editor component's frame, once it has drawn the plan."""
    pg.locator("iframe[title*=plan_editor]").first.wait_for()
    frame = next((f for f in reversed(pg.frames)
                  if "plan_editor" in f.url and not f.is_detached()), None)
    assert frame is not None, [f.url for f in pg.frames]
    frame.locator("#plan path.footprint").first.wait_for()
    return frame


def click_plan(pg, x: float, y: float, *, double: bool = False) -> None:
    """Click (or double-click) plan point (x, y) in the editor."""
    frame = editor(pg)
    cx, cy = frame.evaluate("([x, y]) => window.planToClient(x, y)", [x, y])
    target = frame.locator("#plan")
    if double:
        target.dblclick(position={"x": cx, "y": cy})
    else:
        target.click(position={"x": cx, "y": cy})


def wait_text(pg, text: str) -> None:
    try:
        pg.get_by_text(text).first.wait_for()
    except Exception:
        shot(pg, "failed")  # what the page shows instead
        raise
    settle(pg)


def finish_on_the_plan(pg, path: Path, heading: str, tag: str) -> tuple[str, bytes, tuple]:
    """Upload ``path`` and fix every item of the missing list on the plan: two doors on the
    outline (the first the main entrance), a road, the date and, when missing, the position.
    The downloaded site file's name and bytes and the main door's point."""
    (main_at, other_at), building, south = outline_points(path, path.read_bytes())
    clicks = Clicks()

    start = time.monotonic()
    upload(pg, path)
    clicks()
    pg.get_by_role("heading", name=heading, exact=True).wait_for()
    open_tab(pg, "Bearbeiten")
    clicks()
    pg.get_by_text("Was noch fehlt").wait_for()
    editor(pg)
    settle(pg)
    needs_origin = keyed(pg, "pe-fix-no-origin").count() > 0
    pg.locator("iframe").first.scroll_into_view_if_needed()
    shot(pg, f"{tag}-01-uploaded")

    # "no exterior door": fix -> the add-door tool, main entrance ticked
    keyed(pg, f"pe-fix-no-doors-{building}-0").click()
    clicks()
    settle(pg)
    assert pg.get_by_label("Haupteingang", exact=True).is_checked()
    click_plan(pg, *main_at)
    clicks()
    wait_text(pg, "Tür d-1 gesetzt.")
    click_plan(pg, *other_at)
    clicks()
    wait_text(pg, "Tür d-2 gesetzt.")
    shot(pg, f"{tag}-02-doors")

    # a road: a click and a double-click south of the building
    keyed(pg, "pe-fix-no-road").click()
    clicks()
    settle(pg)
    y_road = south - 5
    click_plan(pg, main_at[0] - 40, y_road)
    click_plan(pg, main_at[0] + 40, y_road, double=True)
    clicks(2)
    wait_text(pg, "Linie mit 2 Punkten gezeichnet.")
    shot(pg, f"{tag}-03-road")

    # the date: fix puts today's date in, apply
    keyed(pg, "pe-fix-no-date").click()
    clicks()
    settle(pg)
    keyed(pg, "pe-site-apply").click()
    clicks()
    wait_text(pg, "Standortangaben übernommen.")

    if needs_origin:  # the position: pick the main door's point, type latitude and longitude
        keyed(pg, "pe-fix-no-origin").click()
        clicks()
        settle(pg)
        click_plan(pg, *main_at)
        clicks()
        wait_text(pg, "jetzt Breite und Länge eingeben")
        for label, value in (("Breite (°, WGS84)", LAT), ("Länge (°, WGS84)", LON)):
            pg.get_by_label(label).fill(str(value))
            pg.get_by_label(label).press("Tab")
            clicks()
            settle(pg)
        keyed(pg, "pe-set-position").click()
        clicks()
    wait_text(pg, "Druckfertig: nichts fehlt mehr.")
    seconds = time.monotonic() - start
    pg.locator("iframe").first.scroll_into_view_if_needed()
    shot(pg, f"{tag}-04-fit-to-print")
    measure = f"{path.name}, upload to fit to print: {clicks.n} clicks, {seconds:.1f} s"
    with open("/tmp/editor-measure.txt", "a", encoding="utf-8") as out:
        out.write(measure + "\n")
    print(measure)
    name, data = download(pg, keyed(pg, "dl-edited-site"))
    return name, data, main_at


def check_site_file(name: str, data: bytes, main_at: tuple, *, origin=(LAT, LON)) -> None:
    """The downloaded file holds the doors, the road, the date and the origin, and renders
    with E1 at the main door."""
    doc = yaml.safe_load(data)
    doors = doc["buildings"][0]["doors"]
    assert [d["id"] for d in doors][-2:] == ["d-1", "d-2"]
    assert doors[-2].get("main") is True and not doors[-1].get("main")
    assert any(f["kind"] == "road" and len(f["line"]) == 2 for f in doc["site_features"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(doc["site"]["date"]))
    got = doc["site"]["origin"]
    assert abs(got["lat"] - origin[0]) < 0.01 and abs(got["lon"] - origin[1]) < 0.01

    from orientation.io.site_file import site_from_bytes
    from orientation.pipeline import render_outputs
    from orientation.profiles import load_profile

    site = site_from_bytes(data, name=name)
    out = render_outputs(site, profile=load_profile(site.profile or "guetersloh"),
                         formats=("svg",), date=site.site.date)
    e1 = next(m for m in out.plan.markings if m.code == "E1")
    assert e1.element == "d-1" and math.dist(e1.at, main_at) < 1.6, e1
    assert any(k.startswith("signs/") for k in out.files)
    assert not [f for f in out.plan.findings if f.code in ("no-main-entrance", "no-road")]


@pytest.mark.skipif(not SCHOOL.exists(), reason=f"{SCHOOL} is absent (../shared/data)")
def test_dxf_school_to_fit_to_print_on_the_plan(page):  # noqa: F811 - the fixture
    pytest.importorskip("ezdxf", reason="DXF import needs the 'dxf' extra")
    name, data, main_at = finish_on_the_plan(page, SCHOOL, "plan", "dxf")
    assert name == "plan.yaml"
    check_site_file(name, data, main_at)

    # drag the second door a little (it snaps back onto the wall), then undo that
    pg = page
    (_, other_at), _, _ = outline_points(SCHOOL, SCHOOL.read_bytes())
    pg.get_by_text("Tür verschieben", exact=True).click()
    settle(pg)
    frame = editor(pg)
    box = frame.locator("#plan").bounding_box()
    cx, cy = frame.evaluate("([x, y]) => window.planToClient(x, y)", list(other_at))
    tx, ty = frame.evaluate("([x, y]) => window.planToClient(x, y)",
                            [other_at[0] + 0.8, other_at[1] + 0.8])
    pg.mouse.move(box["x"] + cx, box["y"] + cy)
    pg.mouse.down()
    pg.mouse.move(box["x"] + tx, box["y"] + ty, steps=6)
    pg.mouse.up()
    wait_text(pg, "Tür d-2 verschoben.")
    keyed(pg, "pe-undo").click()
    wait_text(pg, "Letzte Änderung zurückgenommen.")


@pytest.mark.skipif(not IMDF.exists(), reason=f"{IMDF} is absent (../shared/data)")
def test_imdf_without_exterior_openings_to_fit_to_print(page, tmp_path):  # noqa: F811
    """IMDF of a building whose openings are all inside: its position comes with the file."""
    path = imdf_zip(IMDF, tmp_path)
    name, data, main_at = finish_on_the_plan(page, path, "IBM Littleton LKG1", "imdf")
    from orientation.io import import_bytes

    origin = import_bytes(path.read_bytes(), name=path.name).site.site.origin
    check_site_file(name, data, main_at, origin=(origin.lat, origin.lon))
