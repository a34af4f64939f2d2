"""The home page answers the common questions in its first screen on a phone (issue 5): the
search box, the weekdays, the districts and the latest bulletin all end above the fold of a
360 × 780 screen, without scrolling."""

from __future__ import annotations

from conftest import PHONE, open_page

FIRST_SCREEN = """
const bottom = sel => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().bottom : null; };
return {search: bottom('form[role=search] button'), weekdays: bottom('.weekday-links'),
        districts: bottom('#home-districts + .tile-links'), bulletin: bottom('.latest-bulletin a'),
        height: window.innerHeight, scrolled: window.scrollY};
"""


def test_first_phone_screen_answers_the_common_questions(driver, server):
    open_page(driver, server, PHONE)
    found = driver.execute_script(FIRST_SCREEN)
    assert found["scrolled"] == 0
    for part in ("search", "weekdays", "districts", "bulletin"):
        assert found[part] is not None, f"home has no {part} block"
        assert found[part] <= found["height"], (
            f"{part} ends at {found[part]:.0f} px, below the first {found['height']} px phone screen")
