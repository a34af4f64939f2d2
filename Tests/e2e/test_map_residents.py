"""map/ helps (issue 11): filters by kind and weekday, clustering, letters and shapes, readable
popups and 「近くを探す」, in headless Chromium.

  * markers differ without colour: each kind has its own letter (and shape), one letter per kind;
  * clustering: with Debian's leaflet.markercluster copied into the site, #map says
    data-clustered="yes" and, at 360 px, the markers shown plus the counts of the clusters add up
    to the listings with coordinates, with at least one cluster;
  * filters: unticking kinds leaves exactly the listings of the ticked kinds; ticking 火 leaves
    exactly those whose rules (data/listings.json rrules BYDAY) meet on Tuesday; #map-count says so;
  * 「近くを探す」 with a position mocked by DevTools (Emulation.setGeolocationOverride) lists every
    shown listing nearest first (distances from data/listings.json), and asks nothing before the tap;
  * popups are at body size (≥ 16 px).
"""

from __future__ import annotations

import math
import re
import time

import pytest

from conftest import DESKTOP, PHONE, SCREENSHOTS, add_summary, open_page
from sitedata import has_coordinates, listed

STATE = """
const el = document.getElementById('map');
const markers = [...document.querySelectorAll('#map .marker')].map(m => ({
  title: m.getAttribute('title'), cls: m.className, letter: m.textContent.trim(),
  font: parseFloat(getComputedStyle(m.querySelector('span')).fontSize)}));
const clusters = [...document.querySelectorAll('#map .cluster')].map(c => parseInt(c.textContent, 10));
const count = document.getElementById('map-count');
return {clustered: el && el.getAttribute('data-clustered'), markers: markers, clusters: clusters,
        count: count ? count.textContent : null};
"""


def state(driver, expected_total=None, timeout=10.0):
    deadline = time.monotonic() + timeout
    got = None
    while time.monotonic() < deadline:
        got = driver.execute_script(STATE)
        total = len(got["markers"]) + sum(got["clusters"])
        if got["count"] and (expected_total is None or total == expected_total):
            # Cluster animations settle within Leaflet's zoom animation.
            time.sleep(0.3)
            return driver.execute_script(STATE)
        time.sleep(0.1)
    return got


@pytest.fixture(scope="module")
def placed(site):
    return [x for x in listed(site) if has_coordinates(x)]


def set_filters(driver, kinds=None, days=None):
    driver.execute_script("""
      const kinds = arguments[0], days = arguments[1];
      for (const i of document.querySelectorAll('#map-tools input[name=kind]')) i.checked = !kinds || kinds.includes(i.value);
      for (const i of document.querySelectorAll('#map-tools input[name=day]')) i.checked = !!days && days.includes(i.value);
      document.getElementById('map-tools').dispatchEvent(new Event('change'));
    """, kinds, days)


def byday(x):
    days = set()
    for rule in x.get("rrules") or []:
        m = re.search(r"BYDAY=([^;]+)", rule)
        if m:
            days |= {re.sub(r"^[-+]?\d+", "", d) for d in m.group(1).split(",")}
    return days


def test_letters_and_clusters(driver, server, site, placed):
    if not (site / "map/index.html").is_file():
        pytest.skip("no map/ page")
    open_page(driver, server + "map/", PHONE)
    got = state(driver, len(placed))
    assert got["clustered"] == ("yes" if (site / "assets/leaflet/leaflet.markercluster.js").is_file() else "no")
    assert len(got["markers"]) + sum(got["clusters"]) == len(placed), got
    kinds = {x["name"]: x["kind"] for x in placed}
    letters = {}
    for m in got["markers"]:
        letters.setdefault(kinds[m["title"]], set()).add(m["letter"])
        assert m["font"] >= 16, m
    assert all(len(v) == 1 for v in letters.values()), f"one letter per kind: {letters}"
    assert len({next(iter(v)) for v in letters.values()}) == len(letters), f"kinds share a letter: {letters}"
    if got["clustered"] == "yes":
        assert got["clusters"], "no cluster at 360 px: nearby markers should be grouped"
    add_summary(f"map at 360 px: {len(got['markers'])} markers and clusters of {got['clusters']} "
                f"for {len(placed)} listings with coordinates")


def test_filters(driver, server, site, placed):
    open_page(driver, server + "map/", DESKTOP)
    state(driver, len(placed))
    for kinds in (["place"], ["salon", "group"]):
        set_filters(driver, kinds=kinds)
        expected = [x for x in placed if x["kind"] in kinds]
        got = state(driver, len(expected))
        assert len(got["markers"]) + sum(got["clusters"]) == len(expected), (kinds, got)
        assert f"{len(expected)}件" in got["count"], got["count"]
    set_filters(driver, days=["TU"])
    expected = [x for x in placed if "TU" in byday(x)]
    assert expected, "no Tuesday listing with coordinates"
    got = state(driver, len(expected))
    assert len(got["markers"]) + sum(got["clusters"]) == len(expected), got
    add_summary(f"map filter 火: {len(expected)} of {len(placed)} listings")


def km(a, b):
    rad = math.pi / 180
    h = (math.sin((b[0] - a[0]) * rad / 2) ** 2
         + math.cos(a[0] * rad) * math.cos(b[0] * rad) * math.sin((b[1] - a[1]) * rad / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def test_near_me_sorts_by_distance(driver, server, site, placed):
    here = (placed[-1]["lat"] + 0.001, placed[-1]["lon"] - 0.001)
    origin = server.split("/", 3)
    driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin[0] + "//" + origin[2], "permissions": ["geolocation"]})
    driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": here[0], "longitude": here[1], "accuracy": 10})
    try:
        open_page(driver, server + "map/", PHONE)
        state(driver, len(placed))
        assert driver.execute_script("return document.getElementById('near-list').hidden"), \
            "the near list must wait for the tap"
        driver.execute_script("document.getElementById('near-me').click()")
        deadline = time.monotonic() + 10
        rows = []
        while time.monotonic() < deadline and not rows:
            rows = driver.execute_script(
                "return [...document.querySelectorAll('#near-list li')].map(li => "
                "({name: li.querySelector('a').textContent, km: parseFloat(li.getAttribute('data-km'))}));")
            time.sleep(0.1)
        expected = sorted(placed, key=lambda x: km(here, (x["lat"], x["lon"])))
        assert [r["name"] for r in rows] == [x["name"] for x in expected], rows[:5]
        assert rows[0]["name"] == placed[-1]["name"]
        assert all(a["km"] <= b["km"] for a, b in zip(rows, rows[1:]))
        status = driver.execute_script("return document.getElementById('near-status').textContent")
        assert f"{len(placed)}件" in status, status
        add_summary(f"map 近くを探す at {here}: {rows[0]['name']} ({rows[0]['km']} km) first, "
                    f"{rows[-1]['name']} ({rows[-1]['km']} km) last")
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 3000)")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(PHONE, height=height))
        driver.save_screenshot(str(SCREENSHOTS / "map-near-360.png"))
    finally:
        driver.execute_cdp_cmd("Emulation.clearGeolocationOverride", {})


def test_popup_at_body_size(driver, server, placed):
    open_page(driver, server + "map/", DESKTOP)
    got = state(driver, len(placed))
    assert got["markers"], "no single marker to open"
    size = driver.execute_async_script("""
      const done = arguments[arguments.length - 1];
      document.querySelector('#map .marker').click();
      setTimeout(() => {
        const p = document.querySelector('.leaflet-popup-content');
        done(p ? [...p.querySelectorAll('a, p')].map(e => parseFloat(getComputedStyle(e).fontSize)) : null);
      }, 500);""")
    assert size and min(size) >= 16, f"popup text sizes {size}"


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_screenshot_map(driver, server, placed, metrics):
    open_page(driver, server + "map/", metrics)
    state(driver, len(placed))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SCREENSHOTS / f"map-{metrics['width']}.png"))
