"""Print CSS (issue 5: listing pages, district pages and bulletins print cleanly on A4).

With DevTools Emulation.setEmulatedMedia {media: "print"} the computed styles are those of print:
  * the site header and its navigation (.site-header, .site-nav), the breadcrumbs and the skip
    link are display: none;
  * listing cards (.card) have break-inside: avoid (no page break inside a card);
  * every external link in the main content (href starting with http) shows its URL through
    ::after content, so a printed page still says where the link goes.
As a control the same page on screen shows the header and no URL after the links.
"""

from __future__ import annotations

import pytest

from conftest import DESKTOP, open_page
from sitedata import listed

STYLES = """
const disp = sel => [...document.querySelectorAll(sel)].map(e => getComputedStyle(e).display);
const links = [...document.querySelectorAll('main a[href^="http"]')].map(a => ({
  href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content}));
const cards = [...document.querySelectorAll('.card')].map(c => {
  const cs = getComputedStyle(c);
  return {breakInside: cs.breakInside, pageBreakInside: cs.pageBreakInside};
});
return {print: matchMedia('print').matches, header: disp('.site-header'), nav: disp('.site-nav'),
        crumbs: disp('.breadcrumbs'), skip: disp('.skip-link'), links: links, cards: cards};
"""


def page_paths(site) -> dict[str, str]:
    items = sorted(listed(site), key=lambda x: x["id"])
    # A listing with an external URL, so the link-URL rule has something to show.
    with_url = next((x for x in items if (x.get("url") or "").startswith("http")), items[0])
    district = sorted({x["district"] for x in items})[0]
    bulletins = sorted(p.parent.name for p in (site / "bulletins").glob("*/index.html"))
    paths = {"listing": f"listings/{with_url['id']}/", "district": f"districts/{district}/"}
    if bulletins:
        paths["bulletin"] = f"bulletins/{bulletins[-1]}/"
    return paths


@pytest.mark.parametrize("kind", ["listing", "district", "bulletin"])
def test_print_styles(driver, server, site, kind):
    paths = page_paths(site)
    if kind not in paths:
        pytest.skip(f"no {kind} page")
    url = server + paths[kind]
    # Control: on screen the header shows and links carry no URL after them.
    open_page(driver, url, DESKTOP)
    screen = driver.execute_script(STYLES)
    assert not screen["print"] and "none" not in screen["header"], screen
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        open_page(driver, url, DESKTOP)
        got = driver.execute_script(STYLES)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert got["print"], "print media emulation did not take"
    problems = []
    for name in ("header", "nav", "crumbs", "skip"):
        shown = [d for d in got[name] if d != "none"]
        if shown:
            problems.append(f"{name} is display: {shown[0]} in print")
    if not got["header"] or not got["nav"]:
        problems.append("page has no .site-header / .site-nav: selectors need updating")
    for c in got["cards"]:
        if c["breakInside"] not in ("avoid", "avoid-page"):
            problems.append(f".card break-inside: {c['breakInside']}")
            break
    if kind == "district" and not got["cards"]:
        problems.append("the district page has no .card to check")
    for link in got["links"]:
        if link["href"] not in (link["after"] or ""):
            problems.append(f"external link {link['href']} prints without its URL (::after {link['after']!r})")
    if kind == "listing" and not got["links"]:
        problems.append("the listing page has no external link in main to check")
    screen_urls = [x for x in screen["links"] if x["href"] in (x["after"] or "")]
    if screen_urls:
        problems.append(f"on screen, links show their URL too: {screen_urls[:2]}")
    if problems:
        pytest.fail(f"{kind} ({paths[kind]}) in print:\n  " + "\n  ".join(problems), pytrace=False)
