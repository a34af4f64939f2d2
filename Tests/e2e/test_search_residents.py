"""search/ answers the words residents type (issue 11), from the split index, in a real browser.

Expectations come from the site's own pages and data, never from hard-coded counts:
  * 金曜日, 金曜 and 金 find every listing of weekdays/fri/ (水曜日 those of weekdays/wed/), and
    金曜日 and 金曜 find the same entries;
  * 午前 finds every listing whose schedule starts before 12時, 夜 every one starting at 17時 or later;
  * こうみんかん finds every listing whose venue has 公民館; a district's reading (ちゅうおう) and each
    of its 町名 (districts' areas:, read from the district page) find all of its listings;
  * むりょう finds the same entries as 無料, which include every listing whose fee says 無料 or 0;
  * スロープ finds every listing whose barrier_free mentions it;
  * results come name first: no entry whose name holds the query follows one whose name does not;
  * each listing result shows its kind, district and days, and a paused listing shows 休止中;
  * the browser's fold (assets/fold.js) equals the Swift fold (names and readings in the index)
    and the tests' Python fold;
  * a query downloads the manifest, a few chunks and blocks (never search/index.json), under 300 KB.
Every query is also checked by test_search.check: results == index entries holding every term.
"""

from __future__ import annotations

import json
import re
import unicodedata
import urllib.parse
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import DESKTOP, PHONE, SCREENSHOTS, add_summary, open_page
from sitedata import fold, listed
from test_search import check, index as index_fixture, wait_results  # noqa: F401  (fixture reuse)

index = index_fixture


def page(x: dict) -> str:
    return f"listings/{x['id']}/"


def weekday_page_listings(site: Path, slug: str) -> dict[str, str]:
    html = (site / f"weekdays/{slug}/index.html").read_text(encoding="utf-8")
    ids = sorted(set(re.findall(r'href="[^"]*listings/([^/"]+)/"', html)))
    return {f"listings/{i}/": f"on weekdays/{slug}/" for i in ids}


def start_hours(schedule: str) -> list[int]:
    text = unicodedata.normalize("NFKC", schedule or "")
    hours = []
    for m in re.finditer(r"(午前|午後)?(\d{1,2})(?::\d{2}|時)", text):
        h = int(m.group(2))
        if m.group(1) == "午後" and h < 12:
            h += 12
        hours.append(h)
    return hours[:1]


def district_areas(site: Path, district: str) -> list[str]:
    """町名 come from content/districts/*.md `areas:`; the district page need not list them, so
    they are read from the content folder beside the site when present."""
    repo = Path(__file__).resolve().parents[2]
    md = repo / "content" / "districts" / f"{district}.md"
    if not md.is_file():
        return []
    m = re.search(r"^areas:\s*\[(.*)\]\s*$", md.read_text(encoding="utf-8"), flags=re.M)
    # An entry may carry its reading, 本町（ほんちょう）: the name and the reading are both searched.
    words = []
    for entry in (a.strip() for a in m.group(1).split(",")) if m else []:
        r = re.fullmatch(r"(.+?)[（(]([ぁ-ゟァ-ヿ]+)[）)]", entry)
        words += [r.group(1), r.group(2)] if r else [entry] if entry else []
    return words


def test_weekday_words(driver, server, site, index):
    for slug, day in (("fri", "金"), ("wed", "水")):
        expected = weekday_page_listings(site, slug)
        assert expected, f"weekdays/{slug}/ lists no listing"
        found = {}
        for query in (day + "曜日", day + "曜", day):
            found[query] = set(check(driver, server, site, index, query, expected, f"weekday {slug}"))
        assert found[day + "曜日"] == found[day + "曜"], f"{day}曜日 and {day}曜 differ"
        assert found[day + "曜"] <= found[day], f"{day}曜 finds entries that {day} does not"


def test_parts_of_day(driver, server, site, index):
    items = listed(site)
    morning = {page(x): x.get("schedule") for x in items if any(h < 12 for h in start_hours(x.get("schedule")))}
    night = {page(x): x.get("schedule") for x in items if any(h >= 17 for h in start_hours(x.get("schedule")))}
    afternoon = {page(x): x.get("schedule") for x in items if any(12 <= h < 17 for h in start_hours(x.get("schedule")))}
    assert len(morning) >= 5, "the example town should have morning meetings"
    check(driver, server, site, index, "午前", morning, "part of day")
    check(driver, server, site, index, "午後", afternoon, "part of day")
    check(driver, server, site, index, "夜", night, "part of day")


def test_readings_and_town_names(driver, server, site, index):
    items = listed(site)
    halls = {page(x): x["venue"] for x in items if "公民館" in (x.get("venue") or "")}
    assert halls, "no listing meets in a 公民館"
    check(driver, server, site, index, "こうみんかん", halls, "venue reading")
    chuo = {page(x): "district chuo" for x in items if x.get("district") == "chuo"}
    check(driver, server, site, index, "ちゅうおう", chuo, "district reading")
    areas = district_areas(site, "chuo")
    for area in areas:
        check(driver, server, site, index, area, chuo, "町名 of 中央")


def test_fee_and_barrier_words(driver, server, site, index):
    items = listed(site)
    free = {page(x): x.get("fee") for x in items
            if "無料" in fold(x.get("fee") or "") or fold(x.get("fee") or "") in ("0", "0円")}
    assert free, "no free listing in the example town"
    by_kanji = set(check(driver, server, site, index, "無料", free, "fee"))
    by_kana = set(check(driver, server, site, index, "むりょう", free, "fee reading"))
    assert by_kanji == by_kana, f"むりょう and 無料 differ: {sorted(by_kanji ^ by_kana)}"
    slope = {page(x): x.get("barrier_free") for x in items if "スロープ" in (x.get("barrier_free") or "")}
    assert slope, "no listing mentions a スロープ"
    check(driver, server, site, index, "スロープ", slope, "barrier-free")
    pickup = {page(x): x.get("transport") for x in items if "送迎" in (x.get("transport") or "")}
    if pickup:
        check(driver, server, site, index, "そうげい", pickup, "transport reading")


RESULT_FACTS = """
return [...document.querySelectorAll('#search-results > li')].map(li => ({
  title: li.querySelector('a').textContent.trim(),
  kind: (li.querySelector('.search-kind') || {}).textContent || null,
  district: (li.querySelector('.search-district') || {}).textContent || null,
  days: (li.querySelector('.search-days') || {}).textContent || null,
  paused: !!li.querySelector('.badge-paused') && li.querySelector('.badge-paused').textContent}));
"""


def test_ranking_and_result_facts(driver, server, site, index):
    urls = check(driver, server, site, index, "サロン", {}, "ranking")
    by_url = {e["u"]: e for e in index}
    in_name = [fold("サロン") in by_url[u]["n"] for u in urls]
    assert any(in_name) and not all(in_name), "the ranking query should find names and other fields"
    first_other = in_name.index(False)
    assert all(in_name[:first_other]) and not any(in_name[first_other:]), \
        f"name matches must come first: {[by_url[u]['t'] for u in urls]}"
    facts = driver.execute_script(RESULT_FACTS)
    items = {x["name"]: x for x in listed(site)}
    kinds = {"salon": "サロン", "place": "通いの場・居場所", "group": "支え合い活動・生活支援"}
    for f in facts:
        x = items.get(f["title"])
        if not x:
            continue
        assert f["kind"] == kinds[x["kind"]], f
        assert f["district"] and x["district_name"] in f["district"], f
        if x.get("rrules") and any("BYDAY" in r for r in x["rrules"]):
            assert f["days"] and f["days"].endswith("曜"), f
    paused = [x for x in listed(site) if x.get("status") == "paused"]
    assert paused, "the example town should have a paused listing"
    for x in paused:
        open_page(driver, server + "search/?q=" + urllib.parse.quote(x["name"]), DESKTOP)
        wait_results(driver)
        shown = {f["title"]: f for f in driver.execute_script(RESULT_FACTS)}
        assert shown.get(x["name"], {}).get("paused") == "休止中", f"{x['name']} shows no 休止中 badge: {shown}"
    add_summary(f"search ranking 「サロン」: {sum(in_name)} name matches first, then {len(in_name) - sum(in_name)} others")


def test_folds_agree(driver, server, index):
    open_page(driver, server + "search/", DESKTOP)
    samples = [e["t"] for e in index] + [e["t"] + "　金曜日 ｻﾛﾝ ＡＢＣ１２３" for e in index[:5]] + \
              ["毎週金曜日", "日曜日", "曜日", "ｺｳﾐﾝｶﾝ", "スロープ"]
    js = driver.execute_script("return arguments[0].map(window.sasaeaiFold);", samples)
    swift = {e["t"]: e["n"] for e in index}
    problems = []
    for text, folded in zip(samples, js):
        if folded != fold(text):
            problems.append(f"JS {folded!r} != Python {fold(text)!r} for {text!r}")
        if text in swift and swift[text] != folded:
            problems.append(f"Swift {swift[text]!r} != JS {folded!r} for {text!r}")
    assert fold("毎週金曜日") == "毎週金曜" and fold("日曜日") == "日曜"
    assert not problems, "\n".join(problems)
    readings = [e["r"] for e in index if e["r"]]
    kana = driver.execute_script("return arguments[0].map(window.sasaeaiFold);", readings)
    assert kana == readings, "folding a folded reading again must not change it"


RESOURCES = """
return performance.getEntriesByType('resource').filter(r => r.name.includes('/search/'))
  .map(r => ({name: r.name, size: r.encodedBodySize || r.transferSize || 0}));
"""


@pytest.mark.parametrize("query", ["金曜日", "こうみんかん", "サロン"])
def test_split_index_downloads_little(driver, server, site, query):
    open_page(driver, server + "search/?q=" + urllib.parse.quote(query), PHONE)
    wait_results(driver)
    got = driver.execute_script(RESOURCES)
    names = [r["name"].split("/search/")[1] for r in got]
    assert "index.json" not in names, "the phone downloaded the whole index"
    assert "manifest.json" in names, names
    # Sizes from the files, so the check does not depend on the browser's resource timing.
    total = sum((site / "search" / n).stat().st_size for n in names if (site / "search" / n).is_file())
    assert total < 300_000, f"「{query}」 downloaded {total} bytes: {names}"
    add_summary(f"search 「{query}」 downloaded {len(names)} files, {total} bytes: {', '.join(names)}")


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_screenshot_search(driver, server, metrics):
    open_page(driver, server + "search/?q=" + urllib.parse.quote("金曜"), metrics)
    wait_results(driver)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 2400)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=height))
    driver.save_screenshot(str(SCREENSHOTS / f"search-kinyo-{metrics['width']}.png"))
