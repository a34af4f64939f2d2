"""listings/: the finder narrows the list by district, kind, weekday, audience and free text.

Expected sets come from data/listings.json (listed = status active or paused): choosing a district
shows exactly that district's listings, and so on; filters AND together; the count is announced in
#finder-status (role=status, aria-live); clearing the form shows every listed listing again.
Weekday data may still be empty (the schedule module is a stub), so the weekday check only asserts
that what is shown agrees with each card's data-weekdays.
"""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DESKTOP, open_page
from sitedata import fold, listed, listing_id_from_href

VISIBLE = """
const out = [];
for (const card of document.querySelectorAll('.card[data-kind]')) {
  const a = card.querySelector('.card-title a');
  const group = card.closest('.group');
  out.push({href: a ? a.href : null, hidden: card.hidden || (group ? group.hidden : false),
            shown: card.getClientRects().length > 0,
            weekdays: card.getAttribute('data-weekdays') || '', text: card.getAttribute('data-text') || ''});
}
const groups = [...document.querySelectorAll('main .group')].map(g => ({
  hidden: g.hidden, shown: g.getClientRects().length > 0,
  visibleCards: [...g.querySelectorAll('.card[data-kind]')].filter(c => !c.hidden).length}));
const st = document.getElementById('finder-status');
return {cards: out, groups: groups, status: st ? st.textContent : null,
        role: st ? st.getAttribute('role') : null, live: st ? st.getAttribute('aria-live') : null};
"""




@pytest.fixture(scope="module")
def items(site):
    return listed(site)


@pytest.fixture()
def finder(driver, server):
    open_page(driver, server + "listings/", DESKTOP)
    form = driver.find_element(By.ID, "finder")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and not form.is_displayed():
        time.sleep(0.1)
    return driver


def state(driver) -> dict:
    got = driver.execute_script(VISIBLE)
    ids = []
    for c in got["cards"]:
        # A card is shown when neither it nor its gyō section is hidden, and it has a box.
        if not c["hidden"] and c["shown"]:
            ids.append(listing_id_from_href(c["href"]))
    got["ids"] = ids
    return got


def choose(driver, field: str, value: str) -> dict:
    Select(driver.find_element(By.ID, f"finder-{field}")).select_by_value(value)
    time.sleep(0.05)
    return state(driver)


def type_text(driver, text: str) -> dict:
    box = driver.find_element(By.ID, "finder-text")
    box.clear()
    box.send_keys(text)
    time.sleep(0.05)
    return state(driver)


def options(driver, field: str) -> list[str]:
    return [o.get_attribute("value") for o in
            Select(driver.find_element(By.ID, f"finder-{field}")).options if o.get_attribute("value")]


def expect_shown(got: dict, expected: set[str], what: str):
    shown = set(got["ids"])
    assert len(got["ids"]) == len(shown), f"{what}: a card shown twice: {got['ids']}"
    assert shown == expected, (f"{what}: shown {len(shown)}, expected {len(expected)}; "
                               f"extra {sorted(shown - expected)}, missing {sorted(expected - shown)}")
    assert f"{len(expected)}件" in (got["status"] or ""), f"{what}: status {got['status']!r}"
    for g in got["groups"]:
        assert g["hidden"] == (g["visibleCards"] == 0), f"{what}: a gyō section {g}"


def test_finder_appears_with_js_and_status_role(finder):
    assert finder.find_element(By.ID, "finder").is_displayed()
    got = state(finder)
    assert got["role"] == "status", f"#finder-status role={got['role']!r}"
    assert got["live"] in ("polite", "assertive"), f"#finder-status aria-live={got['live']!r}"


def test_all_listed_cards_before_filtering(finder, items):
    got = state(finder)
    assert set(got["ids"]) == {x["id"] for x in items}
    assert len(got["ids"]) == len(items)


def keys(item: dict, key: str) -> list[str]:
    """The values a filter matches: in a nested site (districts with parent:) a listing is in its
    district and in every district above it, which its record's district_path names."""
    if key == "district":
        return item.get("district_path") or [item["district"]]
    return [item[key]]


@pytest.mark.parametrize("field,key", [("district", "district"), ("kind", "kind")])
def test_single_value_filters(finder, items, field, key):
    values = options(finder, field)
    assert sorted(values) == sorted({v for x in items for v in keys(x, key)}), f"{field} options {values}"
    for value in values:
        got = choose(finder, field, value)
        expect_shown(got, {x["id"] for x in items if value in keys(x, key)}, f"{field}={value}")


def test_audience_filter(finder, items):
    values = options(finder, "audience")
    assert set(values) >= {a for x in items for a in x.get("audience") or []}, values
    for value in values:
        got = choose(finder, "audience", value)
        expect_shown(got, {x["id"] for x in items if value in (x.get("audience") or [])},
                     f"audience={value}")


def test_free_text_narrows(finder, items):
    word = "体操"
    got = type_text(finder, word)
    shown = set(got["ids"])
    # Every listed listing with the word in its name, reading, venue or summary is shown …
    must = {x["id"] for x in items
            if any(fold(word) in fold(x.get(f) or "") for f in ("name", "kana", "venue", "summary"))}
    assert must and must <= shown, f"missing {sorted(must - shown)}"
    assert len(shown) < len(items), "free text did not narrow the list"
    # … and every shown card's search text holds it.
    for c in got["cards"]:
        if listing_id_from_href(c["href"]) in shown:
            assert fold(word) in c["text"]
    assert f"{len(shown)}件" in got["status"]
    # Katakana and half-width forms narrow the same way (ｻﾛﾝ == さろん == サロン).
    a = set(type_text(finder, "ｻﾛﾝ")["ids"])
    b = set(type_text(finder, "さろん")["ids"])
    assert a == b and a, (sorted(a), sorted(b))


def test_combinations_and_clearing(finder, items):
    district = sorted({x["district"] for x in items})[0]
    kind = "salon" if any(x["kind"] == "salon" for x in items) else items[0]["kind"]
    choose(finder, "district", district)
    got = choose(finder, "kind", kind)
    expect_shown(got, {x["id"] for x in items if x["district"] == district and x["kind"] == kind},
                 f"district={district} AND kind={kind}")
    audience = "koreisha"
    got = choose(finder, "audience", audience)
    expect_shown(got, {x["id"] for x in items if x["district"] == district and x["kind"] == kind
                       and audience in (x.get("audience") or [])},
                 f"district={district} AND kind={kind} AND audience={audience}")
    got = type_text(finder, "ぴよぴよぽんぽこ")
    expect_shown(got, set(), "everything AND a word nobody uses")
    assert "0件" in got["status"]
    # Clearing every field restores all listed listings.
    type_text(finder, "")
    for field in ("district", "kind", "audience", "weekday"):
        got = choose(finder, field, "")
    expect_shown(got, {x["id"] for x in items}, "cleared")


def test_weekday_consistent_with_cards(finder, items):
    got = state(finder)
    assert len(got["cards"]) == len(items), "listings/ should have one finder card per listed listing"
    days = {listing_id_from_href(c["href"]): c["weekdays"].split() for c in got["cards"]}
    for value in options(finder, "weekday"):
        got = choose(finder, "weekday", value)
        expected = {i for i, d in days.items() if value in d}
        expect_shown(got, expected, f"weekday={value}")
