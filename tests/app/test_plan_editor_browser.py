"""The plan editor in a real browser (issue 18): upload the openindoor DXF school, put two
exterior doors on its outline by clicking, make one the main entrance, draw a road, set the
date and the position, reach "fit to print", download the site file and render it: E1 is at
the clicked main door. The same for an IMDF building without exterior openings. Then the town
hall, whose features have no id: place a hydrant on the site plan and a key box on a storey
plan, select, drag and delete features with and without an id, download the file (its
comments kept); and the editor with the English interface.

Debian's headless Chromium through Playwright, the app started as in ``test_browser.py``.
Screenshots go to /tmp/editor-shots/. The clicks and seconds of each run are printed
(``pytest -s``) and written to /tmp/editor-shots/measure.txt.
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

from conftest import FLOORPLANS, SHARED_DATA

pytestmark = [pytest.mark.browser]

SHOTS = Path("/tmp/editor-shots")
SCHOOL = SHARED_DATA / "dxf" / "openindoor-school" / "plan.dxf"
IMDF = SHARED_DATA / "imdf" / "ibm-littleton"
LAT, LON = 51.9065, 8.3785  # Gütersloh


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"))


def measured(what: str, clicks: int, seconds: float) -> None:
    line = f"{what}: {clicks} clicks, {seconds:.1f} s"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with (SHOTS / "measure.txt").open("a", encoding="utf-8") as out:
        out.write(line + "\n")
    print(line)


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
    measured(f"{path.name}, upload to fit to print", clicks.n, seconds)
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


@pytest.mark.shared_data
@pytest.mark.skipif(not SCHOOL.exists(), reason=f"{SCHOOL} is absent (../shared/data)")
def test_dxf_school_to_fit_to_print_on_the_plan(page):  # noqa: F811 - the fixture
    pytest.importorskip("ezdxf", reason="DXF import needs the 'dxf' extra")
    name, data, main_at = finish_on_the_plan(page, SCHOOL, "plan", "dxf")
    assert name == "plan.yaml"
    check_site_file(name, data, main_at)

    # drag the second door a little (it snaps back onto the wall), then undo that
    pg = page
    (_, other_at), _, _ = outline_points(SCHOOL, SCHOOL.read_bytes())
    pg.get_by_text("Verschieben", exact=True).click()
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


@pytest.mark.shared_data
@pytest.mark.skipif(not IMDF.exists(), reason=f"{IMDF} is absent (../shared/data)")
def test_imdf_without_exterior_openings_to_fit_to_print(page, tmp_path):  # noqa: F811
    """IMDF of a building whose openings are all inside: its position comes with the file."""
    path = imdf_zip(IMDF, tmp_path)
    name, data, main_at = finish_on_the_plan(page, path, "IBM Littleton LKG1", "imdf")
    from orientation.io import import_bytes

    origin = import_bytes(path.read_bytes(), name=path.name).site.site.origin
    check_site_file(name, data, main_at, origin=(origin.lat, origin.lon))


# --- features, with an id and without: place, select, drag, delete ---------------------------

RATHAUS = FLOORPLANS / "rathaus.yaml"


def tool(pg, name: str) -> None:
    """Pick a tool of the editor (its radio button) and wait for the plan to redraw."""
    pg.get_by_text(name, exact=True).click()
    settle(pg)


def choose(pg, key: str, option: str) -> None:
    """Pick ``option`` in the select box with widget key ``key``."""
    pg.locator(f".st-key-{key}").click()
    pg.get_by_role("option", name=option, exact=True).click()
    settle(pg)


def items(pg) -> list[str]:
    """The references of the doors, stairs and features the editor draws."""
    return editor(pg).evaluate("() => window.planItems()")


def item(pg, ref: str):
    return editor(pg).locator(f'[data-ref="{ref}"]').first


def drag_plan(pg, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press at plan point ``start``, move to ``end`` and let go."""
    frame = editor(pg)
    box = frame.locator("#plan").bounding_box()
    (x0, y0), (x1, y1) = (frame.evaluate("([x, y]) => window.planToClient(x, y)", list(p))
                          for p in (start, end))
    pg.mouse.move(box["x"] + x0, box["y"] + y0)
    pg.mouse.down()
    pg.mouse.move(box["x"] + x1, box["y"] + y1, steps=8)
    pg.mouse.up()


def test_place_select_drag_and_delete_features_without_an_id(page):  # noqa: F811 - fixture
    """The town hall's features have no id: each is still selected, dragged and deleted by a
    click; a hydrant goes on the site plan, a key box on the ground floor's plan; the file
    downloaded holds every change and keeps its comments."""
    pg, clicks = page, Clicks()
    start = time.monotonic()
    upload(pg, RATHAUS)
    clicks()
    pg.get_by_role("heading", name="Rathaus Beispielstadt").wait_for()
    open_tab(pg, "Bearbeiten")
    clicks()
    pg.get_by_text("Druckfertig: nichts fehlt mehr.").wait_for()
    editor(pg)
    settle(pg)
    before = items(pg)
    assert {"site_features[3]", "rathaus/features[0]", "rathaus/d-haupteingang"} <= set(before)

    # a hydrant on the site plan
    tool(pg, "Objekt setzen")
    clicks()
    click_plan(pg, -12, -6)
    clicks()
    wait_text(pg, re.compile(r"Objekt bei x -1[12][.\d]*, y -[56][.\d]* gesetzt\."))
    from orientation.pipeline import load_site

    hydrant = f"site_features[{len(load_site(RATHAUS).site_features)}]"
    assert hydrant in items(pg)
    pg.locator("iframe").first.scroll_into_view_if_needed()
    shot(pg, "rathaus-01-hydrant-placed")

    # drag it 4 m east
    tool(pg, "Verschieben")
    clicks()
    drag_plan(pg, (-12, -6), (-8, -6))
    clicks()
    wait_text(pg, "Hydrant verschoben.")

    # select the key box without an id on the site plan: the bar says what and where it is
    tool(pg, "Ansehen")
    clicks()
    item(pg, "rathaus/features[0]").click()
    clicks()
    bar = editor(pg).locator("#sel")
    bar.wait_for()
    assert bar.inner_text() == ("Feuerwehr-Schlüsseldepot: Feuerwehrschlüsseldepot (FSD) · "
                                "x 26.5, y -0.3 · rathaus/features[0]")
    assert editor(pg).evaluate("() => window.planSelected()") == "rathaus/features[0]"
    shot(pg, "rathaus-02-key-box-selected")

    # a new key box on the ground floor's plan
    choose(pg, "pe_view", "Rathaus · EG")
    clicks(2)
    tool(pg, "Objekt setzen")
    clicks()
    choose(pg, "pe_place_kind", "Feuerwehr-Schlüsseldepot")
    clicks(2)
    click_plan(pg, 46, 1)
    clicks()
    wait_text(pg, re.compile(r"Objekt bei x 4[56][.\d]*, y [01][.\d]* gesetzt\."))
    assert "rathaus/f-1" in items(pg)
    shot(pg, "rathaus-03-key-box-placed-on-storey")

    # delete the old key box (no id) and the AED (no id) by a click each
    tool(pg, "Löschen")
    clicks()
    item(pg, "rathaus/features[0]").click()
    clicks()
    wait_text(pg, "Feuerwehr-Schlüsseldepot: Feuerwehrschlüsseldepot (FSD) gelöscht.")
    item(pg, "rathaus/features[2]").click()  # the AED, one place up now
    clicks()
    wait_text(pg, "Defibrillator: AED Foyer gelöscht.")
    assert editor(pg).evaluate("() => window.planSelected()") is None
    shot(pg, "rathaus-04-deleted")
    seconds = time.monotonic() - start
    measured("rathaus.yaml, upload to hydrant, key box, 1 drag, 2 deletions", clicks.n, seconds)

    name, data = download(pg, keyed(pg, "dl-edited-site"))
    assert name == "rathaus.yaml"
    text = data.decode("utf-8")
    assert "# Haupteingang am Marktplatz (Foyer)" in text and "# am Brunnen" in text
    assert "Feuerwehrschlüsseldepot (FSD)" not in text and "AED Foyer" not in text
    doc = yaml.safe_load(data)
    features = doc["buildings"][0]["features"]
    assert features[-1]["id"] == "f-1" and features[-1]["kind"] == "key_box"
    assert math.dist(features[-1]["at"], (46, 1)) < 0.5
    placed = doc["site_features"][-1]
    assert placed["kind"] == "hydrant" and math.dist(placed["at"], (-8, -6)) < 0.7


def test_the_editor_in_english(page):  # noqa: F811 - the fixture
    """The same tools with the English interface: every label, hint and notice in English."""
    pg, clicks = page, Clicks()
    start = time.monotonic()
    pg.locator(".st-key-ui_lang").get_by_text("EN", exact=True).click()
    clicks()
    settle(pg)
    open_tab(pg, "Edit")
    clicks()
    pg.get_by_role("heading", name="Edit on the plan").wait_for()
    pg.get_by_text("Fit to print: nothing is missing.").wait_for()
    editor(pg)
    settle(pg)
    for label in ("Look", "Add door", "Choose main entrance", "Move", "Delete", "Draw line",
                  "Place feature", "Set position"):
        assert pg.get_by_text(label, exact=True).count() == 1, label
    assert editor(pg).locator("#hint").inner_text().startswith("Move the mouse over the plan")

    # an assembly point south of the road, dragged, then deleted
    tool(pg, "Place feature")
    clicks()
    choose(pg, "pe_place_kind", "Assembly point")
    clicks(2)
    assert editor(pg).locator("#hint").inner_text() == "Click on the spot."
    click_plan(pg, 20, -30)
    clicks()
    wait_text(pg, re.compile(r"Feature placed at x (19|20)[.\d]*, y -(29|30)[.\d]*\."))
    shot(pg, "english-01-placed")
    tool(pg, "Move")
    clicks()
    drag_plan(pg, (20, -30), (26, -32))
    clicks()
    wait_text(pg, "Assembly point moved.")
    tool(pg, "Look")
    clicks()
    new = [r for r in items(pg) if r.startswith("site_features[")][-1]
    item(pg, new).click()
    clicks()
    said = editor(pg).locator("#sel").inner_text()
    x, y = (float(v) for v in re.fullmatch(
        r"Assembly point · x (\S+), y (\S+) · site_features\[\d+\]", said).groups())
    assert math.dist((x, y), (26, -32)) < 0.7, said  # 6 m east, 2 m south (to the pixel)
    shot(pg, "english-02-moved-and-selected")
    tool(pg, "Delete")
    clicks()
    assert editor(pg).locator("#hint").inner_text().startswith("Click on a door, a stair")
    item(pg, new).click()
    clicks()
    wait_text(pg, "Assembly point deleted.")
    # a road is a line: a click on it deletes it too; undo brings it back
    click_plan(pg, 165, 30)  # on the line (a thin line has no box to click in the middle of)
    clicks()
    wait_text(pg, "Road: Am Sportpark deleted.")
    assert "site_features[1]" in items(pg)  # the next one moved up: it is not selected
    assert editor(pg).evaluate("() => window.planSelected()") is None
    assert editor(pg).locator("#sel").inner_text() == ""
    shot(pg, "english-03-road-deleted")
    keyed(pg, "pe-undo").click()
    clicks()
    wait_text(pg, "Last change taken back.")
    seconds = time.monotonic() - start
    measured("English interface: place, drag, select, delete 2, undo", clicks.n, seconds)
    shot(pg, "english-04-undone")
