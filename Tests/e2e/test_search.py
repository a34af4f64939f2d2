"""search/: the Japanese queries of issue 5, in a real browser.

Each query is opened as search/?q=… (and one is typed into the box and submitted), and the page's
results (<ol id="search-results">) and status (#search-status, role=status) are read back.
Expectations come from the site's data, not from hard-coded counts:
  * must-find: listed listings (status active/paused in data/listings.json) whose name, reading,
    venue, address, district, category names, … contain the query after folding (NFKC, lowercase,
    katakana → hiragana) must all be among the results;
  * exact: the result list equals the entries of search/index.json whose folded text holds every
    folded query term, so width and kana forms typed by the resident give the same results;
  * every result link goes to base_url + the entry's URL, a page that exists in the site, and a
    listing result's text is that listing's name.
The queries and what each found are printed at the end of the run (also written to
screenshots/search-queries.json) for the developer's note.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import DESKTOP, SCREENSHOTS, add_summary, open_page, write_json
from sitedata import fold, heading, listed, listing_id_from_href, term_names

FOUND: dict[str, list[str]] = {}

READ_RESULTS = """
const status = document.getElementById('search-status');
const items = [...document.querySelectorAll('#search-results > li')].map(li => {
  const a = li.querySelector('a');
  return {href: a ? a.href : null, attr: a ? a.getAttribute('href') : null,
          text: a ? a.textContent.trim() : li.textContent.trim()};
});
return {status: status ? status.textContent : null,
        role: status ? status.getAttribute('role') : null, items: items};
"""


def wait_results(driver, timeout: float = 10.0) -> dict:
    """Waits until #search-status reports a count (「…」の検索結果: N件) and returns what is shown."""
    deadline = time.monotonic() + timeout
    got = None
    while time.monotonic() < deadline:
        got = driver.execute_script(READ_RESULTS)
        if got["status"] and "件" in got["status"]:
            return got
        time.sleep(0.1)
    pytest.fail(f"search status never showed a count: {got}", pytrace=False)


@pytest.fixture(scope="module")
def index(site: Path) -> list[dict]:
    path = site / "search/index.json"
    if not path.is_file():
        pytest.skip("the site has no search/index.json")
    return json.loads(path.read_text(encoding="utf-8"))


def index_matches(index: list[dict], query: str) -> list[str]:
    terms = [fold(t) for t in query.replace("\u3000", " ").split()]
    terms = [t for t in terms if t]
    return [e["u"] for e in index if all(t in e["x"] for t in terms)]


def run_query(driver, server: str, query: str) -> dict:
    open_page(driver, server + "search/?q=" + urllib.parse.quote(query), DESKTOP)
    return wait_results(driver)


def check(driver, server: str, site: Path, index: list[dict], query: str,
          must_find: dict[str, str], label: str) -> list[str]:
    """Runs `query`; asserts must_find (url -> why) ⊆ results == index matches; returns result URLs."""
    got = run_query(driver, server, query)
    assert got["role"] == "status", f"#search-status has role={got['role']!r}, expected status"
    by_url = {e["u"]: e for e in index}
    urls = []
    problems = []
    for item in got["items"]:
        href = item["href"] or ""
        if not href.startswith(server):
            problems.append(f"result {item['text']!r} links outside the site: {href}")
            continue
        rel = href[len(server):]
        urls.append(rel)
        entry = by_url.get(rel)
        if entry is None:
            problems.append(f"result {item['text']!r} links to {rel}, not an entry of search/index.json")
            continue
        if item["text"] != entry["t"]:
            problems.append(f"result link text {item['text']!r} != entry title {entry['t']!r}")
        target = site / rel / "index.html" if rel.endswith("/") or rel == "" else site / rel
        if not target.is_file():
            problems.append(f"result {item['text']!r} links to {rel}, which the site does not have")
        elif listing_id_from_href("/" + rel):
            if entry["t"] not in heading(site, rel.rstrip("/")):
                problems.append(f"{rel}'s <h1> does not name {entry['t']!r}")
    expected = index_matches(index, query)
    missing = {u: why for u, why in must_find.items() if u not in urls}
    if missing:
        problems.append("not found: " + "; ".join(f"{u} ({why})" for u, why in missing.items()))
    if sorted(urls) != sorted(expected[:200]):
        problems.append(f"results differ from the index entries holding every folded term: "
                        f"extra {sorted(set(urls) - set(expected))}, missing {sorted(set(expected) - set(urls))}")
    count = f"{len(expected)}件"
    if count not in (got["status"] or ""):
        problems.append(f"status {got['status']!r} does not say {count}")
    titles = [by_url[u]["t"] if u in by_url else u for u in urls]
    FOUND[f"{label}: {query}"] = titles
    add_summary(f"search {label} 「{query}」: {len(urls)}件 → " + "、".join(titles))
    write_json(SCREENSHOTS / "search-queries.json", FOUND)
    if problems:
        pytest.fail(f"search 「{query}」 ({label}):\n  " + "\n  ".join(problems), pytrace=False)
    return urls


def page(item: dict) -> str:
    return f"listings/{item['id']}/"


def where(items, field_of, query) -> dict[str, str]:
    """Listed listings whose field (as returned by field_of) holds the folded query."""
    q = fold(query)
    return {page(x): x["name"] for x in items if q in fold(field_of(x) or "")}


def test_substring_in_name(driver, server, site, index):
    """体操 is found inside names such as いきいき百歳体操 / さわやか体操クラブ (no word boundaries)."""
    items = listed(site)
    must = where(items, lambda x: x["name"], "体操")
    assert len(must) >= 2, "the example content should have several listings with 体操 in the name"
    check(driver, server, site, index, "体操", must, "substring")


def _katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if 0x3041 <= ord(c) <= 0x3096 else c for c in text)


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if 0x30A1 <= ord(c) <= 0x30F6 else c for c in text)


def _reading_only(items, want_katakana_reading: bool):
    """A listed listing whose reading is found only through the reading (the name doesn't hold it)."""
    for x in sorted(items, key=lambda x: x["id"]):
        kana = x.get("kana") or ""
        is_kata = any(0x30A1 <= ord(c) <= 0x30F6 for c in kana)
        if not kana or is_kata != want_katakana_reading:
            continue
        if fold(kana) not in fold(x["name"]):
            return x
    return None


def test_hiragana_reading_typed_in_katakana(driver, server, site, index):
    x = _reading_only(listed(site), want_katakana_reading=False)
    if x is None:
        pytest.skip("no listing with a hiragana reading that differs from its name")
    query = _katakana(x["kana"])
    check(driver, server, site, index, query, {page(x): f"{x['name']}, reading {x['kana']}"},
          "reading in katakana")
    # and typed in hiragana, as written
    check(driver, server, site, index, x["kana"], {page(x): f"{x['name']}, reading {x['kana']}"},
          "reading in hiragana")


def test_katakana_reading_typed_in_hiragana(driver, server, site, index):
    x = _reading_only(listed(site), want_katakana_reading=True)
    if x is None:
        pytest.skip("no listing with a katakana reading that differs from its name")
    query = _hiragana(x["kana"])
    check(driver, server, site, index, query, {page(x): f"{x['name']}, reading {x['kana']}"},
          "katakana reading in hiragana")


@pytest.mark.parametrize("half,full", [("ｻﾛﾝ", "サロン"), ("3km", "３ｋｍ"), ("wcag", "ＷＣＡＧ")],
                         ids=["katakana", "latin-digits", "latin"])
def test_width_forms_give_same_results(driver, server, site, index, half, full):
    if not index_matches(index, full):
        pytest.skip(f"nothing in the content holds {full}")
    must = where(listed(site), lambda x: " ".join([x["name"], x.get("summary") or ""]), full)
    a = check(driver, server, site, index, half, must, "half-width")
    b = check(driver, server, site, index, full, must, "full-width")
    assert a == b, f"「{half}」 and 「{full}」 give different results: {a} vs {b}"
    assert a, f"「{full}」 found nothing"


def test_venue(driver, server, site, index):
    items = listed(site)
    venues = sorted({x["venue"].split()[0] for x in items if x.get("venue")},
                    key=lambda v: (-sum(v in (y.get("venue") or "") for y in items), v))
    venue = venues[0]  # the venue most listings share (中央公民館 in the example)
    must = where(items, lambda x: x.get("venue"), venue)
    assert len(must) >= 2
    check(driver, server, site, index, venue, must, "venue")


def test_address_full_width(driver, server, site, index):
    """An address typed with full-width digits and hyphen (南原４－３－１) finds the half-width one."""
    items = listed(site)
    x = next(x for x in sorted(items, key=lambda x: x["id"]) if x.get("address"))
    tail = x["address"].replace("ひばり野町", "")
    full = tail.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-"})
    must = where(items, lambda y: y.get("address"), tail)
    assert page(x) in must
    check(driver, server, site, index, full, must, "address (full-width)")


def test_district_name(driver, server, site, index):
    items = listed(site)
    name = sorted({x["district_name"] for x in items})[0]
    must = {page(x): x["name"] for x in items if x["district_name"] == name}
    check(driver, server, site, index, name, must, "district")


def test_category_name(driver, server, site, index):
    items = listed(site)
    names = term_names(site, "categories")
    cid = "mimamori" if "mimamori" in names else sorted(names)[0]
    must = {page(x): x["name"] for x in items if cid in (x.get("categories") or [])}
    assert must, f"no listed listing in category {cid}"
    check(driver, server, site, index, names[cid], must, "category")


def test_bulletin_title_word(driver, server, site, index):
    bulletins = [e for e in index if e["u"].startswith("bulletins/")]
    if not bulletins:
        pytest.skip("no bulletins in the index")
    newest = max(bulletins, key=lambda e: e["u"])
    # 支え合い情報誌 第15号（2026年2月） → 第15号
    word = next((w for w in newest["t"].replace("（", " ").split() if w.startswith("第")), newest["t"])
    check(driver, server, site, index, word, {newest["u"]: newest["t"]}, "bulletin title")


def test_two_terms_and(driver, server, site, index):
    """Terms separated by a (full-width) space must all match: 西山　体操."""
    items = listed(site)
    must = {page(x): x["name"] for x in items
            if "西山" in x["district_name"] and "体操" in x["name"]}
    check(driver, server, site, index, "西山\u3000体操", must, "two terms")


def test_no_match_says_zero(driver, server, site, index):
    query = "ぴよぴよぽんぽこ"
    assert not index_matches(index, query)
    got = run_query(driver, server, query)
    assert got["items"] == [], got["items"]
    assert "0件" in got["status"], got["status"]
    add_summary(f"search no match 「{query}」: {got['status']}")
    FOUND[f"no match: {query}"] = []


def test_typed_and_submitted(driver, server, site, index):
    """Typing in the box and pressing Enter shows the results and puts ?q= in the address."""
    open_page(driver, server + "search/", DESKTOP)
    box = driver.find_element(By.ID, "search-q")
    # wait for the index to load (status goes from 読み込み中… to empty)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and "読み込み" in (driver.find_element(By.ID, "search-status").text or ""):
        time.sleep(0.1)
    box.send_keys("ｻﾛﾝ", Keys.ENTER)
    got = wait_results(driver)
    expected = index_matches(index, "サロン")
    urls = [i["href"][len(server):] for i in got["items"]]
    assert sorted(urls) == sorted(expected)
    assert "q=" in driver.current_url, driver.current_url
    assert urllib.parse.unquote(driver.current_url.split("q=", 1)[1]) == "ｻﾛﾝ"
