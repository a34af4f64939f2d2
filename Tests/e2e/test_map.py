"""map/ and the small maps on district and listing pages.

With JavaScript (Leaflet from assets/leaflet/leaflet.js): #map is shown and holds one focusable
marker (div.marker.marker-<kind>, title = listing name) per listed listing with coordinates in
data/listings.geojson, nearby ones grouped into focusable clusters (div.cluster, its count as
text) when leaflet.markercluster is in the site: markers plus cluster counts add up to the
listings; every marker and cluster is reached with the Tab key; a marker's popup links to the
listing's page. Tiles cannot load offline, which is fine: markers don't need them.
Without JavaScript (a second Chromium with JavaScript disabled by the content-settings pref):
#map stays hidden and the plain list by district (.place-list li) has every listed listing,
those without coordinates included and marked .no-map.
District pages and listing pages with coordinates show a small map with their own markers.
"""

from __future__ import annotations

import json
import os
import subprocess
import time

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import CHROMEDRIVER, CHROMIUM, DESKTOP, open_page
from sitedata import has_coordinates, listed, listing_id_from_href

MARKERS = """
return [...document.querySelectorAll('#map .marker')].map(m => ({
  title: m.getAttribute('title'), cls: m.className, tabindex: m.getAttribute('tabindex'),
  role: m.getAttribute('role'), w: m.getBoundingClientRect().width}));
"""


CLUSTERS = """
return [...document.querySelectorAll('#map .cluster')].map(c => ({
  count: parseInt(c.textContent, 10), tabindex: c.getAttribute('tabindex'), text: c.textContent.trim()}));
"""


def wait_markers(driver, expected: int, timeout: float = 10.0) -> list[dict]:
    """The single markers once they and the clusters' counts add up to `expected`."""
    deadline = time.monotonic() + timeout
    markers = []
    while time.monotonic() < deadline:
        markers = driver.execute_script(MARKERS)
        clustered = sum(c["count"] for c in driver.execute_script(CLUSTERS))
        if len(markers) + clustered == expected and expected > 0:
            time.sleep(0.4)  # zoom and cluster animations: read again once they have settled
            again = driver.execute_script(MARKERS)
            if len(again) + sum(c["count"] for c in driver.execute_script(CLUSTERS)) == expected:
                return again
        time.sleep(0.1)
    return markers


@pytest.fixture(scope="module")
def items(site):
    return listed(site)


@pytest.fixture(scope="module")
def geojson_listed(site, items):
    """Names of listed listings that have a point in data/listings.geojson."""
    data = json.loads((site / "data/listings.geojson").read_text(encoding="utf-8"))
    ids = {x["id"] for x in items}
    return {f["properties"]["id"]: f["properties"]["name"] for f in data["features"]
            if f.get("geometry") and f["properties"]["id"] in ids}


def test_map_shows_markers_with_js(driver, server, site, items, geojson_listed):
    if not (site / "map/index.html").is_file():
        pytest.skip("no map/ page")
    assert (site / "assets/leaflet/leaflet.js").is_file(), "Leaflet was not copied into the site"
    assert geojson_listed == {x["id"]: x["name"] for x in items if has_coordinates(x)}, \
        "data/listings.geojson should hold exactly the listed listings with coordinates"
    open_page(driver, server + "map/", DESKTOP)
    markers = wait_markers(driver, len(geojson_listed))
    clusters = driver.execute_script(CLUSTERS)
    assert driver.find_element(By.ID, "map").is_displayed(), "#map stayed hidden with JavaScript"
    titles = sorted(m["title"] for m in markers)
    assert set(titles) <= set(geojson_listed.values()) and len(titles) == len(set(titles)), titles
    assert len(markers) + sum(c["count"] for c in clusters) == len(geojson_listed), \
        f"{len(markers)} markers and clusters of {[c['count'] for c in clusters]} for {len(geojson_listed)} listings with coordinates"
    for c in clusters:
        assert c["tabindex"] == "0" and "件" in c["text"], f"cluster not focusable or unnamed: {c}"
    kinds = {x["name"]: x["kind"] for x in items}
    for m in markers:
        assert f"marker-{kinds[m['title']]}" in m["cls"].split(), m
        assert m["tabindex"] == "0", f"marker {m['title']} is not focusable: {m}"


def test_markers_reachable_with_tab(driver, server, site, geojson_listed):
    open_page(driver, server + "map/", DESKTOP)
    markers = wait_markers(driver, len(geojson_listed))
    stops = {m["title"] for m in markers} | {c["text"] for c in driver.execute_script(CLUSTERS)}
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.focus();")
    reached = set()
    actions = ActionChains(driver)
    for _ in range(60 + 3 * len(geojson_listed)):
        actions.send_keys(Keys.TAB).perform()
        el = driver.execute_script(
            "const a = document.activeElement;"
            "return a ? {cls: a.className || '', title: a.getAttribute('title')} : null;")
        if el and "marker" in str(el["cls"]).split():
            reached.add(el["title"])
        elif el and "cluster" in str(el["cls"]).split():
            reached.add(driver.execute_script("return document.activeElement.textContent.trim()"))
        elif reached:
            break  # past the markers
    assert reached, "Tab never reached a map marker"
    assert reached == stops, \
        f"Tab reached {len(reached)} of {len(stops)} markers and clusters; missing {sorted(stops - reached)}"


POPUP = """
const done = arguments[arguments.length - 1];
const title = arguments[0], how = arguments[1];
const m = [...document.querySelectorAll('#map .marker')].find(m => m.getAttribute('title') === title);
if (!m) { done(null); return; }
if (how === 'click') m.click();
else { m.focus(); m.dispatchEvent(new KeyboardEvent('keypress', {key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true})); }
setTimeout(() => {
  const links = [...document.querySelectorAll('.leaflet-popup-content a')];
  done(links.map(a => ({href: a.href, text: a.textContent.trim()})));
}, 400);
"""


@pytest.mark.parametrize("how", ["click", "enter"])
def test_marker_popup_links_to_listing(driver, server, site, items, geojson_listed, how):
    open_page(driver, server + "map/", DESKTOP)
    shown = {m["title"] for m in wait_markers(driver, len(geojson_listed))}
    checked = 0
    for lid, name in [(i, n) for i, n in sorted(geojson_listed.items()) if n in shown][:3]:
        links = driver.execute_async_script(POPUP, name, how)
        assert links, f"{how} on the marker of {name} opened no popup with a link"
        assert links[0]["href"] == server + f"listings/{lid}/", links
        assert links[0]["text"] == name, links
        assert (site / "listings" / lid / "index.html").is_file()
        checked += 1
    assert checked


@pytest.fixture(scope="module")
def nojs_driver():
    """A second headless Chromium with JavaScript disabled (content-settings pref)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: run `scripts/install-deps.sh test`")
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=ja-JP", "--window-size=1280,900", "--no-first-run",
                "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {
        "intl.accept_languages": "ja,ja-JP",
        "profile.managed_default_content_settings.javascript": 2})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER, log_output=subprocess.DEVNULL),
                           options=options)
    drv.set_page_load_timeout(60)
    try:
        yield drv
    finally:
        drv.quit()


def test_without_js_map_hidden_and_list_complete(nojs_driver, server, site, items):
    if not (site / "map/index.html").is_file():
        pytest.skip("no map/ page")
    drv = nojs_driver
    drv.get(server + "map/")
    assert drv.find_element(By.ID, "map").get_attribute("hidden") is not None
    assert not drv.find_element(By.ID, "map").is_displayed(), "#map is shown without JavaScript"
    assert not drv.find_elements(By.CSS_SELECTOR, "#map .marker, #map .leaflet-pane")
    rows = drv.execute_script("""
      return [...document.querySelectorAll('.place-list li')].map(li => {
        const a = li.querySelector('a');
        return {href: a ? a.href : null, name: a ? a.textContent.trim() : null,
                noMap: !!li.querySelector('.no-map'), shown: li.getClientRects().length > 0};
      });""")
    ids = [listing_id_from_href(r["href"]) for r in rows]
    assert len(rows) == len(items), f"the list has {len(rows)} rows for {len(items)} listed listings"
    assert sorted(ids) == sorted(x["id"] for x in items)
    assert all(r["shown"] for r in rows)
    by_id = {x["id"]: x for x in items}
    without = sorted(i for i, r in zip(ids, rows) if r["noMap"])
    assert without == sorted(x["id"] for x in items if not has_coordinates(x)), \
        "rows marked .no-map should be exactly the listings without coordinates"
    assert without, "the example content has listings without coordinates; they must be listed"
    for i, r in zip(ids, rows):
        assert r["name"] == by_id[i]["name"]


def test_js_really_off_in_nojs_browser(nojs_driver, server, site):
    nojs_driver.get(server + "listings/")
    assert nojs_driver.find_element(By.ID, "finder").get_attribute("hidden") is not None
    assert not nojs_driver.find_element(By.ID, "finder").is_displayed()


def test_district_pages_have_small_maps(driver, server, site, items):
    # In a nested site (districts with parent:), a prefecture's or municipality's page shows the
    # pins of every district below it: each record's district_path names them, the top first.
    def path(x):
        return x.get("district_path") or [x["district"]]
    districts = sorted({d for x in items for d in path(x)})
    for d in districts:
        expected = sorted(x["name"] for x in items if d in path(x) and has_coordinates(x))
        open_page(driver, server + f"districts/{d}/", DESKTOP)
        if not expected:
            continue
        markers = wait_markers(driver, len(expected))
        el = driver.find_element(By.ID, "map")
        assert el.is_displayed(), f"districts/{d}/: #map hidden"
        assert "map-small" in driver.execute_script(
            "return document.getElementById('map').parentElement.className"), f"districts/{d}/"
        clusters = driver.execute_script(CLUSTERS)
        assert {m["title"] for m in markers} <= set(expected), f"districts/{d}/ markers"
        assert len(markers) + sum(c["count"] for c in clusters) == len(expected), f"districts/{d}/ markers and clusters"
        # A district with districts below it opens on their extent (data-bounds), and keeps it
        # in view once the pins are placed.
        bounds = el.get_attribute("data-bounds")
        if bounds:
            south, west, north, east = map(float, bounds.split(","))
            view = driver.execute_script(
                "var m = document.getElementById('map').getBoundingClientRect(); return [m.width, m.height];")
            assert view[0] > 0 and view[1] > 0, f"districts/{d}/ map has no size"
            inside = driver.execute_script("""
              var el = document.getElementById('map'), box = el.getBoundingClientRect();
              return [...el.querySelectorAll('.marker, .cluster')].every(function (m) {
                var r = m.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
                return x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
              });""")
            assert inside, f"districts/{d}/ every pin within the map opened on {bounds} ({south},{west}–{north},{east})"


def test_listing_pages_map_only_with_coordinates(driver, server, site, items):
    with_xy = next(x for x in sorted(items, key=lambda x: x["id"]) if has_coordinates(x))
    without = next((x for x in sorted(items, key=lambda x: x["id"]) if not has_coordinates(x)), None)
    open_page(driver, server + f"listings/{with_xy['id']}/", DESKTOP)
    markers = wait_markers(driver, 1)
    assert driver.find_element(By.ID, "map").is_displayed()
    assert [m["title"] for m in markers] == [with_xy["name"]]
    if without:
        open_page(driver, server + f"listings/{without['id']}/", DESKTOP)
        maps = driver.find_elements(By.ID, "map")
        assert not maps or not maps[0].is_displayed(), \
            f"listings/{without['id']}/ has no coordinates but shows a map"
