"""map.attribution from site.yml reaches the page only as text.

Leaflet puts attributions into the map's corner with innerHTML. This test builds its own small
site (with the debug binary, like `make e2e` does for the example) whose site.yml carries an
attribution with a tag and an event handler, serves it, opens map/ in headless Chromium and
checks that the corner shows the attribution as typed, no element came from it and the handler
never ran.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import DESKTOP, REPO_ROOT, _free_port, open_page

BINARY = REPO_ROOT / ".build/debug/sasaeai"
ATTACK = '© 地図 <img src=x onerror="window.__attributionRan=1"><b id="injected">太字</b>'

SITE_YML = f"""title: 地図の出典のテスト
base_url: https://example.org/
map:
  attribution: '{ATTACK.replace("'", "''")}'
"""

DISTRICT = """---
name: 南
kana: みなみ
order: 1
---
"""

LISTINGS = "ID,名称,ふりがな,種別,地区,緯度,経度\nsalon,南サロン,みなみさろん,サロン,南,38.57,140.87\n"


@pytest.fixture(scope="module")
def attack_site():
    if not BINARY.is_file():
        pytest.fail(f"{BINARY} is missing: run `swift build --product sasaeai` (make e2e does)")
    if not Path("/usr/share/javascript/leaflet/leaflet.js").is_file():
        pytest.fail("Leaflet (libjs-leaflet) is missing: run `scripts/install-deps.sh test`")
    with tempfile.TemporaryDirectory(prefix="sasaeai-attribution-") as tmp:
        root = Path(tmp)
        content = root / "content"
        (content / "districts").mkdir(parents=True)
        (content / "listings").mkdir()
        (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
        (content / "districts/minami.md").write_text(DISTRICT, encoding="utf-8")
        (content / "listings/salons.csv").write_text(LISTINGS, encoding="utf-8")
        site = root / "site"
        build = subprocess.run(
            [str(BINARY), "build", "--content", str(content), "--templates", str(REPO_ROOT / "templates"),
             "--output", str(site), "--quiet"], capture_output=True, text=True)
        assert build.returncode == 0, build.stderr
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        try:
            yield site, url
        finally:
            server.terminate()
            server.wait(timeout=5)


def test_attribution_is_text_in_the_page_source(attack_site):
    site, _ = attack_site
    html = (site / "map/index.html").read_text(encoding="utf-8")
    assert '<b id="injected">' not in html and "<img src=x" not in html
    assert "&lt;b id=&quot;injected&quot;&gt;" in html or "&lt;b id=\"injected\"&gt;" in html


def test_attribution_is_text_in_the_browser(driver, attack_site):
    _, url = attack_site
    open_page(driver, url + "map/", DESKTOP)
    deadline = time.monotonic() + 10
    corner = []
    while time.monotonic() < deadline and not corner:
        corner = driver.find_elements(By.CSS_SELECTOR, ".leaflet-control-attribution")
        time.sleep(0.1)
    assert corner, "the map's attribution corner never appeared (is Leaflet loaded?)"
    text = corner[0].get_attribute("textContent")
    assert "<b id=\"injected\">太字</b>" in text, f"the attribution is not shown as typed: {text!r}"
    assert driver.find_elements(By.ID, "injected") == [], "the attribution became an element"
    assert corner[0].find_elements(By.CSS_SELECTOR, "img") == [], "the attribution became an image"
    time.sleep(0.3)  # an image error handler would have run by now
    assert driver.execute_script("return window.__attributionRan === undefined"), "the attribution's handler ran"
