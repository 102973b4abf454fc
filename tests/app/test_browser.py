"""The app in a real browser: `streamlit run app.py` on 127.0.0.1, driven by Debian's headless
Chromium through Playwright. Screenshots go to the test's tmp folder and /tmp/app-screens/.

Skipped (with the reason) only when /usr/bin/chromium or the playwright package is missing.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import FLOORPLANS, ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
SCREENS = Path("/tmp/app-screens")
START_TIMEOUT_S = 60  # streamlit's own start; the first page then plans and renders the school
PAGE_TIMEOUT_MS = 45_000

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing "
                       "(apt-get install chromium; .ci/run installs it)"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is missing "
                               "(pip install -e '.[dev]')")
pytest.importorskip("streamlit", reason="streamlit is missing (pip install -e '.[app]')")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server_tmp(tmp_path_factory) -> Path:
    """The server's temporary folder (its TMPDIR): empty after every upload."""
    return tmp_path_factory.mktemp("server-tmp")


@pytest.fixture(scope="module")
def server(tmp_path_factory, server_tmp):
    port = free_port()
    log = tmp_path_factory.mktemp("streamlit") / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
             "--server.headless", "true", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
             "--server.fileWatcherType", "none"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(server_tmp)})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {START_TIMEOUT_S} s:\n"
                            f"{log.read_text()[-2000:]}")
            time.sleep(0.25)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True,
                                  locale="de-DE")
    pg = context.new_page()
    pg.set_default_timeout(PAGE_TIMEOUT_MS)
    pg.goto(server)
    pg.get_by_role("heading", name="Städtische Gesamtschule Beispielstadt").wait_for()
    yield pg
    context.close()


def screenshot(pg, tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    pg.screenshot(path=str(path), full_page=True)
    SCREENS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, SCREENS / name)
    return path


def open_tab(pg, name: str) -> None:
    pg.get_by_role("tab", name=re.compile(name)).click()


def settle(pg) -> None:
    """Wait until the page shows the latest run (no element left over from the one before)."""
    pg.wait_for_timeout(300)
    pg.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')")


def keyed(pg, key: str):
    """The button of the widget with that key (Streamlit marks its container st-key-<key>)."""
    return pg.locator(f".st-key-{key}").get_by_role("button")


def download(pg, button) -> tuple[str, bytes]:
    """Click a download button; the suggested file name and the bytes."""
    with pg.expect_download() as info:
        button.click()
    d = info.value
    return d.suggested_filename, Path(d.path()).read_bytes()


def upload(pg, path: Path) -> None:
    pg.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(path))


def test_upload_see_codes_and_download(page, tmp_path):
    pg = page
    site_plan = pg.locator("[data-testid=stImage] img").first
    site_plan.wait_for()
    school_plan = site_plan.get_attribute("src")
    assert school_plan.startswith("data:image/svg+xml")
    settle(pg)
    screenshot(pg, tmp_path, "01-start-site-plan.png")

    upload(pg, FLOORPLANS / "rathaus.yaml")
    pg.get_by_role("heading", name="Rathaus Beispielstadt").wait_for()
    pg.wait_for_function(  # the picture is the town hall's site plan now
        "old => [...document.querySelectorAll('[data-testid=stImage] img')]"
        ".some(i => i.src.startsWith('data:image/svg') && i.src !== old)", arg=school_plan)
    settle(pg)
    screenshot(pg, tmp_path, "02-rathaus-uploaded.png")

    open_tab(pg, "Codes")
    # the table is drawn on a canvas; its cells are also in an (invisible) accessible grid
    cells = pg.locator("[data-testid=stDataFrame] [role=gridcell]")
    cells.first.wait_for(state="attached")
    shown = {c.text_content() for c in cells.all()}
    assert {"E1", "N1"} <= shown, sorted(shown)[:40]

    open_tab(pg, "Schilder")
    captions = pg.locator("[data-testid=stImage]")
    captions.first.wait_for()
    text = " ".join(captions.all_inner_texts())
    assert "E1 ·" in text and "N1 ·" in text
    settle(pg)
    screenshot(pg, tmp_path, "03-signs.png")

    open_tab(pg, "Druckdateien")
    button = keyed(pg, "dl-maps-pdf")
    button.wait_for()
    settle(pg)
    screenshot(pg, tmp_path, "04-print-files.png")
    name, data = download(pg, button)
    assert name == "rathaus-maps.pdf"
    assert data.startswith(b"%PDF") and len(data) > 10_000

    # files made when clicked: the ZIP of everything, the site file with every code pinned
    name, data = download(pg, keyed(pg, "dl-zip"))
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert name == "rathaus-orientation.zip"
    assert {"rathaus/signs.pdf", "rathaus/maps.pdf", "rathaus/register.csv",
            "rathaus/rathaus.yaml"} <= set(names)
    name, data = download(pg, keyed(pg, "dl-pinned"))
    assert name == "rathaus-pinned.yaml" and b"label: E1" in data and b"# " in data
    name, data = download(pg, keyed(pg, "dl-site"))  # unchanged: the uploaded file itself
    assert data == (FLOORPLANS / "rathaus.yaml").read_bytes()


def test_edit_replans_at_once(page, tmp_path):
    pg = page
    open_tab(pg, "Bearbeiten")
    keyed(pg, "freeze").click()
    pg.get_by_text("Codes festgeschrieben").wait_for()
    settle(pg)
    screenshot(pg, tmp_path, "05-edit-frozen.png")


def test_broken_file_shows_a_message(page, tmp_path):
    pg = page
    broken = tmp_path / "kaputt.yaml"
    broken.write_text("format: orientation/site@1\nsite: {name: [unclosed\n", encoding="utf-8")
    upload(pg, broken)
    alert = pg.locator("[data-testid=stAlert]", has_text="kaputt.yaml")
    alert.wait_for()
    assert "Datei nicht geladen" in alert.inner_text()
    assert "not valid YAML" in alert.inner_text()
    assert pg.locator("[data-testid=stException]").count() == 0
    # the school that was loaded stays on the page
    assert pg.get_by_role("heading", name="Städtische Gesamtschule Beispielstadt").is_visible()
    screenshot(pg, tmp_path, "06-broken-file.png")


def test_too_large_upload_is_refused_with_the_limit(page, tmp_path):
    big = tmp_path / "gross.yaml"
    big.write_bytes(b"#" * (20 * 1024 * 1024 + 1024))
    upload(page, big)
    page.locator("[data-testid=stFileUploader]", has_text="20.0MB or smaller").wait_for()
    assert page.get_by_role("heading", name="Städtische Gesamtschule Beispielstadt").is_visible()


def test_hostile_names_are_text_in_the_browser(page, tmp_path):
    """A site file whose name and address hold Markdown and HTML: the page shows them as
    text, with no link or picture of theirs."""
    raw = (FLOORPLANS / "rathaus.yaml").read_text(encoding="utf-8")
    evil = "[x](http://evil.example) ![t](http://evil.example/t.png) <img src=x>"
    raw = raw.replace("name: Rathaus Beispielstadt", f"name: '{evil}'", 1)
    raw = raw.replace('address: "Marktplatz 1, 33330 Gütersloh"',
                      "address: 'www.evil.example :smile: $x^2$'", 1)
    path = tmp_path / "boese.yaml"
    path.write_text(raw, encoding="utf-8")
    pg = page
    upload(pg, path)
    heading = pg.locator("h1", has_text="evil.example")
    heading.wait_for()
    settle(pg)
    assert heading.inner_text().replace("\u2060", "") == evil
    main = pg.locator("[data-testid=stMain]")
    assert "www.evil.example :smile: $x^2$" in main.inner_text().replace("\u2060", "")
    hrefs = [a.get_attribute("href") or "" for a in main.locator("a").all()]
    assert not [h for h in hrefs if "evil" in h], hrefs
    srcs = [i.get_attribute("src") or "" for i in pg.locator("img").all()]
    assert not [s for s in srcs if "evil" in s or s == "x"], srcs
    assert main.locator(".katex").count() == 0
    screenshot(pg, tmp_path, "08-hostile-names.png")


FZK_HAUS = ROOT.parent / "shared" / "data" / "ifc" / "fzk-haus" / "AC20-FZK-Haus.ifc"


def self_referencing_ifc(folder: Path) -> Path:
    """FZK-Haus with its first placement placed relative to itself
    (``#115=IFCLOCALPLACEMENT(#115,#114)``): ifcopenshell follows the cycle until it crashes."""
    data, n = re.subn(rb"#(\d+)=IFCLOCALPLACEMENT\([^,]*,(#\d+)\);",
                      rb"#\1=IFCLOCALPLACEMENT(#\1,\2);", FZK_HAUS.read_bytes(), count=1)
    assert n == 1
    path = folder / "fzk-zyklisch.ifc"
    path.write_bytes(data)
    return path


def health(url: str) -> int:
    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as r:
        return r.status


@pytest.mark.shared_data
@pytest.mark.skipif(not FZK_HAUS.exists(), reason="../shared/data/ifc/fzk-haus is absent")
def test_a_crashing_ifc_gives_an_error_and_the_server_keeps_serving(page, server, server_tmp,
                                                                     tmp_path):
    """Last in this file: should the IFC reader take the server down, the tests after it
    would fail for that reason."""
    pytest.importorskip("ifcopenshell", reason="IFC import needs the 'ifc' extra")
    pg = page
    upload(pg, self_referencing_ifc(tmp_path))
    alert = pg.locator("[data-testid=stAlert]", has_text="fzk-zyklisch.ifc")
    alert.wait_for(timeout=120_000)
    assert "Datei nicht geladen" in alert.inner_text()
    assert pg.locator("[data-testid=stException]").count() == 0
    assert pg.get_by_role("heading", name="Städtische Gesamtschule Beispielstadt").is_visible()
    screenshot(pg, tmp_path, "07-crashing-ifc.png")
    # the server still answers, for this page and a new one, and left no upload behind
    assert health(server) == 200
    assert sorted(p.name for p in server_tmp.iterdir()) == []
    pg.goto(server)
    pg.get_by_role("heading", name="Städtische Gesamtschule Beispielstadt").wait_for()
    site_plan = pg.locator("[data-testid=stImage] img").first
    site_plan.wait_for()
    assert site_plan.get_attribute("src").startswith("data:image/svg+xml")
    upload(pg, FLOORPLANS / "rathaus.yaml")
    pg.get_by_role("heading", name="Rathaus Beispielstadt").wait_for()
