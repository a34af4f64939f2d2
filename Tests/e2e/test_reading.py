"""Reading aids on every page type (issue 11), in headless Chromium.

  * no text under 16 px at 360 px: every element that holds its own visible text has a computed
    font-size of at least 16 px (ruby annotations, <rt>, are the one exception: they sit over
    16 px+ names and are read with them);
  * headings and names break by phrase: h1–h3 and card titles have word-break: auto-phrase where
    the browser supports it;
  * at 200 % text (root font-size 200 %) no page type scrolls sideways, at 1280 px nor at 360 px.
"""

from __future__ import annotations

import pytest

from conftest import DESKTOP, PHONE, PAGE_TYPES, open_page, overflow_at_200_percent_text, page_type_params

SMALL_TEXT = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
let n;
while ((n = walker.nextNode())) {
  if (!n.textContent.trim()) continue;
  const el = n.parentElement;
  if (!el || el.closest('rt, script, style, noscript, template, [hidden], .visually-hidden')) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  const cs = getComputedStyle(el);
  if (cs.visibility === 'hidden' || cs.display === 'none') continue;
  const size = parseFloat(cs.fontSize);
  if (size < 15.95) out.push({tag: el.tagName.toLowerCase(), cls: String(el.className), size: size,
                               text: n.textContent.trim().slice(0, 30)});
  if (out.length > 20) break;
}
return out;
"""


@pytest.mark.parametrize("kind,path", page_type_params())
def test_no_text_under_16px(driver, server, kind, path):
    open_page(driver, server + path, PHONE)
    small = driver.execute_script(SMALL_TEXT)
    assert not small, f"{kind} ({path or 'index.html'}) has text under 16 px at 360 px:\n  " + \
        "\n  ".join(f"<{s['tag']} class={s['cls']!r}> {s['size']}px {s['text']!r}" for s in small)


@pytest.mark.parametrize("kind,path", page_type_params())
def test_phrase_line_breaks(driver, server, kind, path):
    open_page(driver, server + path, PHONE)
    got = driver.execute_script("""
      if (!CSS.supports('word-break', 'auto-phrase')) return null;
      return [...document.querySelectorAll('main h1, main h2, main h3, .card-title')]
        .filter(h => getComputedStyle(h).wordBreak !== 'auto-phrase').map(h => h.textContent.trim().slice(0, 30));""")
    if got is None:
        pytest.skip("this Chromium has no word-break: auto-phrase")
    assert not got, f"{kind}: headings without word-break: auto-phrase: {got}"


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("kind,path", page_type_params())
def test_200_percent_text_no_sideways_scroll(driver, server, kind, path, metrics):
    open_page(driver, server + path, metrics)
    got = overflow_at_200_percent_text(driver)
    assert got["sw"] <= got["cw"], f"{kind} at 200 % text, {metrics['width']} px, scrolls sideways: {got}"


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("state", ["search-results", "map-filtered-near"])
def test_axe_after_use(driver, server, metrics, state):
    """axe-core on search and map as they look once used: results shown, filters and the near list."""
    from test_axe import RUN_AXE, TAGS, find_axe_js, format_violations
    import time
    import urllib.parse
    if state == "search-results":
        if "search" not in PAGE_TYPES:
            pytest.skip("no search page")
        open_page(driver, server + "search/?q=" + urllib.parse.quote("サロン"), metrics)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "件" not in driver.execute_script(
                "return document.getElementById('search-status').textContent"):
            time.sleep(0.1)
    else:
        if "map" not in PAGE_TYPES:
            pytest.skip("no map page")
        origin = server.split("/", 3)
        driver.execute_cdp_cmd("Browser.grantPermissions", {"origin": origin[0] + "//" + origin[2], "permissions": ["geolocation"]})
        driver.execute_cdp_cmd("Emulation.setGeolocationOverride", {"latitude": 36.40, "longitude": 139.34, "accuracy": 10})
        open_page(driver, server + "map/", metrics)
        time.sleep(1.0)
        driver.execute_script("document.getElementById('near-me') && document.getElementById('near-me').click()")
        time.sleep(1.0)
        driver.execute_cdp_cmd("Emulation.clearGeolocationOverride", {})
    driver.execute_script(find_axe_js().read_text(encoding="utf-8"))
    result = driver.execute_async_script(RUN_AXE, TAGS)
    assert result and not result.get("error"), result
    assert not result["violations"], f"axe on {state} at {metrics['width']} px:\n" + format_violations(result["violations"])


def _ax_links_and_ruby(driver):
    """Chromium's accessibility tree: link names, and each ruby's annotation (its description)."""
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    nodes = [n for n in tree["nodes"] if not n.get("ignored")]
    links = [n.get("name", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "link"]
    ruby = [n.get("description", {}).get("value", "") for n in nodes if n.get("role", {}).get("value") == "Ruby"]
    return links, ruby


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_screen_reader_hears_each_name_once(driver, server, metrics):
    """On the list of every listing, each card's link is named by the listing's name alone (the
    reading is not in the name), kana names carry no ruby, and each ruby's reading is exposed once,
    as its annotation: the names and readings in the tree are exactly the ones the page shows."""
    if "listings" not in PAGE_TYPES:
        pytest.skip("no listings page")
    open_page(driver, server + PAGE_TYPES["listings"], metrics)
    cards = driver.execute_script("""
      return [...document.querySelectorAll('.card-title a')].map(a => ({
        name: [...a.childNodes].map(n => n.nodeType === 3 ? n.textContent :
                 n.tagName === 'RUBY' ? [...n.childNodes].filter(c => c.nodeType === 3 || c.tagName === 'SPAN').map(c => c.textContent).join('') : n.textContent).join('').trim(),
        readings: [...a.querySelectorAll('rt')].map(rt => rt.textContent),
        kanaOnly: !/[\\u3400-\\u9fff\\uf900-\\ufaff\\u3005\\u3006\\u30f5\\u30f6]/.test(a.textContent)}))""")
    assert cards, "no cards on the listings page"
    links, ruby = _ax_links_and_ruby(driver)
    for card in cards:
        assert card["name"] in links, f"no link named exactly {card['name']!r} (names: {links[:40]})"
        assert not any(card["name"] in l and l != card["name"] for l in links), \
            f"{card['name']!r} is read with more than its name: {[l for l in links if card['name'] in l]}"
        if card["kanaOnly"]:
            assert not card["readings"], f"ruby over a name with no kanji: {card}"
    shown = [r for card in cards for r in card["readings"]]
    assert sorted(ruby) == sorted(shown), "each reading is exposed once, as a ruby annotation"
    # rp holds the fallback brackets for browsers without ruby; it is neither shown nor read.
    assert not [l for l in links for r in shown if f"（{r}）" in l], "a reading in brackets is read out"


def test_kana_name_has_no_ruby_and_listing_heading_read_once(driver, server):
    """あさひサロン (kana only) has no ruby anywhere it is shown; a kanji name's heading is read as
    the name, with its reading once as the ruby annotation."""
    open_page(driver, server + "listings/asahi-salon/", DESKTOP)
    assert driver.execute_script("return document.querySelectorAll('main ruby').length") == 0
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    headings = [n.get("name", {}).get("value") for n in tree["nodes"]
                if not n.get("ignored") and n.get("role", {}).get("value") == "heading"]
    assert "あさひサロン" in headings and not any("あさひさろん" in (h or "") for h in headings), headings
    open_page(driver, server + "listings/chuo-ikiiki-salon/", DESKTOP)
    tree = driver.execute_cdp_cmd("Accessibility.getFullAXTree", {})
    nodes = [n for n in tree["nodes"] if not n.get("ignored")]
    h1 = driver.execute_script("return document.querySelector('main h1').textContent")
    assert "いきいきサロン中央" in [n.get("name", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "heading"], h1
    assert [n.get("description", {}).get("value") for n in nodes if n.get("role", {}).get("value") == "Ruby"].count("ちゅうおう") >= 1
