"""Dates where people look (issue 11 item 2), in headless Chromium.

  * every page that shows dates says 「○年○月○日現在」 (the build's as-of date);
  * a weekday page lists each listing's next dates on that day, none before the as-of date;
  * the 「今週・来週」 page (week/) holds the as-of week and the next, day by day; with the
    browser's date mocked (a script run before the page's own) it marks and jumps to today, and
    says so when today is past the weeks it holds; a next date already past is hidden;
  * the month calendar is a grid of seven columns at 1280 px and a list of days at 360 px, with
    「今日」 only on the current month;
  * none of these pages scrolls sideways at 360 px or at 200 % text (360 and 1280 px).
Screenshots of the week page and the calendar go to SHOTS_DIR (default screenshots/) as
week-*.png.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import DESKTOP, PAGE_TYPES, PHONE, SCREENSHOTS, emulate, open_page, overflow_at_200_percent_text

SHOTS = Path(os.environ.get("SHOTS_DIR", SCREENSHOTS))

MOCK_DATE = """
(() => {
  const fixed = new Date(%d, %d, %d, 10, 0, 0).getTime();
  const Real = Date;
  class MockDate extends Real {
    constructor(...args) { if (args.length) super(...args); else super(fixed); }
    static now() { return fixed; }
  }
  window.Date = MockDate;
})();
"""


def need(kind: str) -> str:
    if kind not in PAGE_TYPES:
        pytest.skip(f"no {kind} page in the site")
    return PAGE_TYPES[kind]


def as_of(driver) -> dt.date:
    text = driver.execute_script("const t = document.querySelector('.as-of time'); return t && t.getAttribute('datetime');")
    assert text, "the page does not say its as-of date (.as-of time[datetime])"
    return dt.date.fromisoformat(text)


class browser_date:
    """Makes `new Date()` in every page opened inside the block return `day` at 10:00."""

    def __init__(self, driver, day: dt.date):
        self.driver, self.day = driver, day

    def __enter__(self):
        self.id = self.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
            "source": MOCK_DATE % (self.day.year, self.day.month - 1, self.day.day)})["identifier"]
        return self

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.id})


@pytest.mark.parametrize("kind", ["home", "weekday", "week", "calendar", "listing"])
def test_pages_with_dates_say_the_as_of_date(driver, server, kind):
    open_page(driver, server + need(kind), DESKTOP)
    text = driver.execute_script("return document.querySelector('.as-of').textContent")
    day = as_of(driver)
    assert f"{day.year}年{day.month}月{day.day}日現在" in text, text


def test_weekday_page_shows_next_dates_from_the_as_of_date(driver, server):
    with browser_date(driver, dt.date(2000, 1, 1)):  # before any date: nothing is hidden
        open_page(driver, server + need("weekday"), PHONE)
        got = driver.execute_script("""
          return [...document.querySelectorAll('.dated-card')].map(c => ({
            name: c.querySelector('.card-title').textContent.trim(),
            dates: [...c.querySelectorAll('.next-dates li[data-date]')].filter(li => !li.hidden)
                     .map(li => [li.dataset.date, li.textContent.trim()])}));""")
        start = as_of(driver)
    assert got, "the weekday page has no cards"
    with_dates = [c for c in got if c["dates"]]
    assert len(with_dates) >= len(got) // 2, f"most cards should show next dates: {got}"
    weekday = driver.execute_script("return location.pathname").rstrip("/").split("/")[-1]
    slug = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for card in with_dates:
        for iso, text in card["dates"]:
            day = dt.date.fromisoformat(iso)
            assert day >= start, f"{card['name']}: {iso} is before the as-of date {start}"
            assert slug[day.weekday()] == weekday, f"{card['name']}: {iso} is not on this page's weekday"
            assert f"{day.month}月{day.day}日" in text


def test_weekday_page_hides_next_dates_already_past(driver, server):
    open_page(driver, server + need("weekday"), DESKTOP)
    first = driver.execute_script("return document.querySelector('.next-dates li[data-date]').dataset.date")
    later = dt.date.fromisoformat(first) + dt.timedelta(days=1)
    with browser_date(driver, later):
        open_page(driver, server + need("weekday"), DESKTOP)
        hidden = driver.execute_script(f"return document.querySelector('.next-dates li[data-date=\"{first}\"]').hidden")
    assert hidden, f"{first} is past on {later} but still shown"


def test_week_page_marks_and_jumps_to_today(driver, server):
    open_page(driver, server + need("week"), PHONE)
    days = driver.execute_script("return [...document.querySelectorAll('.week-day')].map(d => d.dataset.date)")
    assert len(days) == 14, days
    start = as_of(driver)
    assert days[0] <= start.isoformat() <= days[6], "the first week holds the as-of date"
    first = dt.date.fromisoformat(days[0])
    assert first.weekday() == 0 and [dt.date.fromisoformat(d) for d in days] == [first + dt.timedelta(n) for n in range(14)]
    # Without a mocked date (the real today is after the example's weeks) nothing is marked.
    today = first + dt.timedelta(days=9)  # Wednesday of the second week
    with browser_date(driver, today):
        open_page(driver, server + need("week"), PHONE)
        got = driver.execute_script("""
          const d = document.querySelector('.week-day.is-today');
          return d && {date: d.dataset.date, current: d.getAttribute('aria-current'),
                       badge: d.querySelector('h3 .today-badge')?.textContent,
                       top: d.getBoundingClientRect().top, scrolled: window.scrollY,
                       marked: document.querySelectorAll('.is-today').length,
                       status: document.querySelector('[data-today-status]').hidden};""")
    assert got, "today is not marked"
    assert got["date"] == today.isoformat() and got["current"] == "date" and got["badge"] == "今日", got
    assert got["marked"] == 1 and got["status"], got
    assert got["scrolled"] > 0 and abs(got["top"]) < 40, f"the page did not jump to today: {got}"


def test_week_page_says_when_today_is_past_its_weeks(driver, server):
    open_page(driver, server + need("week"), DESKTOP)
    last = driver.execute_script("return document.querySelector('[data-last]').dataset.last")
    later = dt.date.fromisoformat(last) + dt.timedelta(days=3)
    with browser_date(driver, later):
        open_page(driver, server + need("week"), DESKTOP)
        got = driver.execute_script("""
          const s = document.querySelector('[data-today-status]');
          return {hidden: s.hidden, text: s.textContent, marked: document.querySelectorAll('.is-today').length};""")
    assert not got["hidden"] and got["marked"] == 0, got
    last_day = dt.date.fromisoformat(last)
    assert f"{last_day.month}月{last_day.day}日" in got["text"] and f"{later.month}月{later.day}日" in got["text"], got


def calendar_path(driver, server) -> str:
    """The month page of the as-of month (the month a resident would open first)."""
    open_page(driver, server + need("calendar"), DESKTOP)
    day = as_of(driver)
    return f"calendar/{day.year:04d}-{day.month:02d}/"


def test_month_calendar_is_a_grid_wide_and_a_list_on_a_phone(driver, server):
    path = calendar_path(driver, server)
    open_page(driver, server + path, DESKTOP)
    wide = driver.execute_script("""
      const ol = document.querySelector('.calendar-days'), cs = getComputedStyle(ol);
      const days = [...ol.querySelectorAll(':scope > li')];
      const first = days[0].getBoundingClientRect(), second = days[1].getBoundingClientRect();
      return {display: cs.display, columns: cs.gridTemplateColumns.split(' ').length, days: days.length,
              shown: days.filter(d => d.offsetParent).length, head: getComputedStyle(document.querySelector('.calendar-head')).display,
              sameRow: Math.abs(first.top - second.top) < 1 || days[0].dataset.date.endsWith('-01') && first.right > 1000,
              firstColumn: getComputedStyle(days[0]).gridColumnStart, firstDate: days[0].dataset.date};""")
    assert wide["display"] == "grid" and wide["columns"] == 7 and wide["head"] == "grid", wide
    assert wide["shown"] == wide["days"] >= 28, f"every day is a cell of the grid: {wide}"
    weekday = dt.date.fromisoformat(wide["firstDate"]).weekday()
    assert wide["firstColumn"] == ("auto" if weekday == 0 else str(weekday + 1)), wide
    open_page(driver, server + path, PHONE)
    narrow = driver.execute_script("""
      const ol = document.querySelector('.calendar-days');
      const shown = [...ol.querySelectorAll(':scope > li')].filter(d => d.offsetParent);
      const rects = shown.slice(0, 3).map(d => d.getBoundingClientRect());
      return {display: getComputedStyle(ol).display, head: getComputedStyle(document.querySelector('.calendar-head')).display,
              shown: shown.length, empty: shown.filter(d => d.classList.contains('is-empty')).length,
              stacked: rects.every((r, i) => i === 0 || r.top >= rects[i - 1].bottom - 1),
              full: rects.every(r => r.width > 300), sw: document.documentElement.scrollWidth};""")
    assert narrow["display"] != "grid" and narrow["head"] == "none", narrow
    assert narrow["stacked"] and narrow["full"] and narrow["empty"] == 0 and narrow["shown"] > 0, narrow
    assert narrow["sw"] <= 360, narrow


def test_month_calendar_marks_today_only_in_the_current_month(driver, server):
    path = calendar_path(driver, server)
    open_page(driver, server + path, PHONE)
    days = driver.execute_script("return [...document.querySelectorAll('.calendar-day')].map(d => d.dataset.date)")
    empty = driver.execute_script("return [...document.querySelectorAll('.calendar-day.is-empty')].map(d => d.dataset.date)")
    # An empty day is hidden on a phone, unless it is today.
    today = dt.date.fromisoformat(empty[0] if empty else days[0])
    with browser_date(driver, today):
        open_page(driver, server + path, PHONE)
        got = driver.execute_script("""
          const d = document.querySelector('.calendar-day.is-today');
          return d && {date: d.dataset.date, badge: d.querySelector('h2 .today-badge')?.textContent,
                       shown: !!d.offsetParent, current: d.getAttribute('aria-current')};""")
        assert got == {"date": today.isoformat(), "badge": "今日", "shown": True, "current": "date"}, got
        other = driver.execute_script("return [...document.querySelectorAll('.month-nav a')].map(a => a.href)")[0]
        open_page(driver, other, PHONE)
        assert driver.execute_script("return document.querySelectorAll('.is-today').length") == 0, other


@pytest.mark.parametrize("metrics", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("kind", ["week", "calendar", "weekday"])
def test_no_sideways_scroll_at_200_percent_text(driver, server, kind, metrics):
    path = calendar_path(driver, server) if kind == "calendar" else need(kind)
    open_page(driver, server + path, metrics)
    got = overflow_at_200_percent_text(driver)
    got["grid"] = driver.execute_script(
        "const days = document.querySelector('.calendar-days'); return days && getComputedStyle(days).display;")
    assert got["sw"] <= got["cw"], f"{kind} at 200 % text, {metrics['width']} px, scrolls sideways: {got}"
    if kind == "calendar":
        assert got["grid"] != "grid", f"at 200 % text the month is a list, not a cramped grid: {got}"


@pytest.mark.parametrize("metrics", [PHONE, DESKTOP], ids=["360", "1280"])
@pytest.mark.parametrize("kind", ["week", "calendar"])
def test_axe_with_today_marked(driver, server, kind, metrics):
    """axe-core as a resident sees the page on a day it holds: 「今日」 marked and highlighted."""
    from test_axe import RUN_AXE, TAGS, find_axe_js, format_violations
    path = calendar_path(driver, server) if kind == "calendar" else need(kind)
    open_page(driver, server + path, metrics)
    day = as_of(driver)
    with browser_date(driver, day):
        open_page(driver, server + path, metrics)
        assert driver.execute_script("return document.querySelectorAll('.is-today .today-badge').length") == 1
        driver.execute_script(find_axe_js().read_text(encoding="utf-8"))
        result = driver.execute_async_script(RUN_AXE, TAGS)
    assert result and not result.get("error"), result
    assert not result["violations"], f"axe on {kind} with today at {metrics['width']} px:\n" + format_violations(result["violations"])


def shot(driver, metrics: dict, name: str) -> None:
    emulate(driver, metrics)
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    png = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": metrics["width"], "height": min(height, 6000), "scale": 1}})
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / name).write_bytes(base64.b64decode(png["data"]))


@pytest.mark.parametrize("metrics", [PHONE, DESKTOP], ids=["360", "1280"])
def test_screenshots(driver, server, metrics):
    path = calendar_path(driver, server)
    open_page(driver, server + need("week"), metrics)
    first = dt.date.fromisoformat(driver.execute_script("return document.querySelector('.week-day').dataset.date"))
    SHOTS.mkdir(parents=True, exist_ok=True)
    with browser_date(driver, first + dt.timedelta(days=4)):
        for name, page in (("week", need("week")), ("calendar", path), ("weekday", need("weekday"))):
            open_page(driver, server + page, metrics)
            if metrics is PHONE:
                # What a phone shows where the page opens (the week page at today), and at today.
                screen = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
                (SHOTS / f"week-{name}-360-screen.png").write_bytes(base64.b64decode(screen["data"]))
                if driver.execute_script("const d = document.querySelector('.is-today'); if (d) d.scrollIntoView(); return !!d"):
                    screen = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
                    (SHOTS / f"week-{name}-360-today.png").write_bytes(base64.b64decode(screen["data"]))
            driver.execute_script("window.scrollTo(0, 0)")
            shot(driver, metrics, f"week-{name}-{metrics['width']}.png")
