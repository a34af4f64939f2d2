"""Small areas and first-timer facts (issue 11, items 4 and 6), in headless Chromium.

  * the 「町名から探す」 page lists every 町名 of the districts' `areas:` in 五十音順, each with its
    district and the listings whose 住所 is in it; the districts page, the home page and each
    district page link to it;
  * a listing card and a listing's page tell a first-timer whether to book, whether they may
    just come and look, who runs it and what it costs, near the top;
  * screenshots of the 町名 page, a district page and a listing page at 360 and 1280 px.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DESKTOP, PHONE, PAGE_TYPES, SCREENSHOTS, open_page

SHOTS = Path(os.environ.get("READING_SHOTS", SCREENSHOTS))


def _areas_path():
    if "areas" not in PAGE_TYPES:
        pytest.skip("no areas/ page: no district names its 町名")
    return PAGE_TYPES["areas"]


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_areas_page_maps_each_town_to_its_district_and_listings(driver, server, metrics):
    open_page(driver, server + _areas_path(), metrics)
    rows = driver.execute_script("""
      return [...document.querySelectorAll('li.area')].map(li => ({
        id: li.id,
        name: [...li.querySelector('.area-name').childNodes].map(n => n.tagName === 'RUBY' ?
                [...n.childNodes].filter(c => c.nodeType === 3 || c.tagName === 'SPAN').map(c => c.textContent).join('') : n.textContent).join(''),
        reading: [...li.querySelectorAll('.area-name rt')].map(rt => rt.textContent).join(''),
        district: li.querySelector('.area-district a').textContent,
        districtHref: li.querySelector('.area-district a').href,
        listings: [...li.querySelectorAll('.area-listings a')].map(a => a.textContent)}))""")
    names = [r["name"] for r in rows]
    # The example town's areas: (content/districts/*.md), in 五十音順 of their readings.
    assert names == ["北野", "北野団地", "栄町", "中央", "西山", "本町", "南原"], names
    by_name = {r["name"]: r for r in rows}
    assert by_name["本町"]["reading"] == "ほんちょう" and by_name["本町"]["district"] == "中央"
    assert by_name["本町"]["listings"] == ["中央ほっとひろば"]
    assert "栄町こども学習室" in by_name["栄町"]["listings"]
    assert by_name["北野"]["districtHref"].endswith("/districts/kita/")
    # A 町 with no listing at its address says so and leads to its district.
    assert not by_name["北野団地"]["listings"]
    assert driver.execute_script("return document.querySelector('#%s .area-none a').href" % by_name["北野団地"]["id"]).endswith("/districts/kita/")


def test_areas_page_is_linked_from_districts_home_and_each_district(driver, server):
    areas = _areas_path()
    for page in ["districts/", "", "districts/chuo/"]:
        open_page(driver, server + page, DESKTOP)
        hrefs = driver.execute_script("return [...document.querySelectorAll('main a')].map(a => a.href)")
        assert any(h.split("#")[0] == server + areas for h in hrefs), f"{page or 'home'} does not link {areas}"
    # The district page lists its 町名, each leading to its row on the 町名 page.
    open_page(driver, server + "districts/chuo/", DESKTOP)
    links = driver.execute_script("return [...document.querySelectorAll('.area-links a')].map(a => [a.textContent, a.href])")
    assert [name for name, _ in links] == ["中央", "本町", "栄町"]
    open_page(driver, links[1][1], DESKTOP)
    assert driver.execute_script("return location.hash && document.querySelector(location.hash).querySelector('.area-name').textContent").startswith("本町")


FIRST_VISIT = """
const root = arguments[0];
const out = {};
for (const div of document.querySelectorAll(root + ' dl > div')) {
  const dt = div.querySelector('dt'), dd = div.querySelector('dd');
  if (dt && dd) out[dt.textContent.trim()] = dd.textContent.trim();
}
return out;
"""


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_first_timer_facts_on_card_and_listing_page(driver, server, metrics):
    # A card in the district's list: booking, first-timers and the organiser, as the table says.
    open_page(driver, server + "districts/minami/", metrics)
    card = driver.execute_script(
        "const a = [...document.querySelectorAll('.card')].find(c => c.querySelector('a[href$=\"listings/tanpopo-shokudo/\"]'));"
        "return a && Object.fromEntries([...a.querySelectorAll('dl > div')].map(d => [d.querySelector('dt').textContent, d.querySelector('dd').textContent]));")
    assert card, "no card for たんぽぽ子ども食堂 on its district's page"
    assert card["予約"].startswith("不要")
    assert "見学だけでも" in card["はじめての方"]
    assert card["主催"] == "たんぽぽの会（南原地区の有志）"
    assert card["参加費"] == "子ども無料・大人300円"
    # The listing page: the はじめての方へ block comes before the other facts and the dates.
    open_page(driver, server + "listings/tanpopo-shokudo/", metrics)
    block = driver.execute_script(FIRST_VISIT, ".first-visit")
    assert block["予約"].startswith("不要") and "見学だけでも" in block["見学・初参加"]
    assert block["主催・運営"] == "たんぽぽの会（南原地区の有志）"
    order = driver.execute_script("""
      const first = document.querySelector('.first-visit'), facts = document.querySelector('article > dl.facts');
      return [first.getBoundingClientRect().top, facts.getBoundingClientRect().top, first.getBoundingClientRect().top < window.innerHeight * 2];""")
    assert order[0] < order[1] and order[2], f"the first-timer block is not near the top: {order}"
    # The fees per age group of the national layout, each under its own label.
    open_page(driver, server + "listings/1002/", metrics)
    block = driver.execute_script(FIRST_VISIT, ".first-visit")
    assert block["予約"] == "不要"
    assert block["主催・運営"] == "北野団地自治会"
    assert block["参加費（幼児）"] == "無料" and block["参加費（小学生）"] == "100円" and block["参加費（大人）"] == "300円"
    # Nothing is said twice: the facts below leave out what the block shows.
    facts = driver.execute_script(FIRST_VISIT, "article > dl.facts")
    assert not {"予約方法", "運営", "参加費（大人）"} & set(facts), facts


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
def test_screenshots(driver, server, metrics):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, path in [("areas", _areas_path()), ("district", "districts/chuo/"), ("listing", "listings/tanpopo-shokudo/")]:
        open_page(driver, server + path, metrics)
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics, height=height))
        driver.save_screenshot(str(SHOTS / f"reading-{name}-{metrics['width']}.png"))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics))
