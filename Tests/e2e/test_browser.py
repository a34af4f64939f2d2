"""Every page type in a real browser: headless Chromium through Selenium.

For each page type (see conftest.discover_page_types):
  * at a 360 px phone viewport (DevTools Emulation.setDeviceMetricsOverride, mobile) the page does
    not scroll sideways: document.documentElement.scrollWidth <= 360;
  * the computed font-size of <body> is at least 16 px;
  * <html lang="ja">;
  * screenshots of the whole page at 360 px and at 1280 px go to screenshots/<type>-360.png and
    screenshots/<type>-1280.png (git-ignored) for a human to look at, and the first phone screen
    (360 x 780) to screenshots/<type>-360-screen.png.
A bulletin and a listing are also printed to an A4 PDF (Page.printToPDF) and rendered to PNG with
pdftoppm: screenshots/bulletin-print-1.png, screenshots/listing-print-1.png, …
"""

from __future__ import annotations

import base64
import shutil
import subprocess

import pytest

from conftest import DESKTOP, PAGE_TYPES, PHONE, emulate, open_page, page_type_params

# Tallest full-page screenshot taken (CSS px); longer pages are cut there.
MAX_SHOT_HEIGHT = 20000

OVERFLOW_JS = """
const limit = arguments[0];
const out = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  if (r.right > limit + 0.5) {
    const cs = getComputedStyle(el);
    if (cs.position === 'fixed' || cs.visibility === 'hidden') continue;
    let name = el.tagName.toLowerCase();
    if (el.id) name += '#' + el.id;
    if (el.classList.length) name += '.' + [...el.classList].join('.');
    out.push(name + ' right=' + Math.round(r.right) + ' width=' + Math.round(r.width));
  }
  if (out.length >= 15) break;
}
return out;
"""


def page_url(server: str, path: str) -> str:
    return server + path


@pytest.mark.parametrize("kind,path", page_type_params())
def test_phone_layout(kind, path, server, driver):
    open_page(driver, page_url(server, path), PHONE)
    # The layout viewport's width; window.innerWidth would grow with content that is too wide,
    # because a mobile browser zooms out to show it.
    viewport = driver.execute_script("return document.documentElement.clientWidth")
    assert viewport == 360, f"phone emulation did not take: clientWidth={viewport}"
    problems = []

    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    if scroll_width > 360:
        wide = driver.execute_script(OVERFLOW_JS, 360)
        problems.append(f"scrolls sideways at 360 px: scrollWidth={scroll_width}; widest elements: "
                        + "; ".join(wide))

    size = driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    if size < 16:
        problems.append(f"body font-size is {size}px, below 16px")

    lang = driver.execute_script("return document.documentElement.getAttribute('lang')")
    if lang != "ja":
        problems.append(f'<html lang="{lang}">, expected "ja"')

    if problems:
        pytest.fail(f"{kind} ({path or 'index.html'}) at 360 px:\n  " + "\n  ".join(problems),
                    pytrace=False)


def full_page_png(driver, metrics: dict) -> bytes:
    """A screenshot of the whole page height at the given viewport width."""
    emulate(driver, metrics)
    height = driver.execute_script(
        "return Math.ceil(Math.max(document.documentElement.scrollHeight,"
        " document.body ? document.body.scrollHeight : 0))")
    height = max(1, min(int(height), MAX_SHOT_HEIGHT))
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png",
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": metrics["width"], "height": height, "scale": 1},
    })
    return base64.b64decode(shot["data"])


@pytest.mark.parametrize("kind,path", page_type_params())
def test_screenshots(kind, path, server, driver, screenshots):
    for metrics in (PHONE, DESKTOP):
        open_page(driver, page_url(server, path), metrics)
        shots = {}
        if metrics is PHONE:
            # What a phone shows before any scrolling (the full page at 360 px is very tall).
            first = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
            shots[f"{kind}-360-screen.png"] = base64.b64decode(first["data"])
        shots[f"{kind}-{metrics['width']}.png"] = full_page_png(driver, metrics)
        for name, png in shots.items():
            (screenshots / name).write_bytes(png)
            assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 1000, f"bad screenshot {name}"


A4_POINTS = (595, 842)  # 210 x 297 mm in PostScript points, rounded


@pytest.mark.parametrize("kind", ["bulletin", "listing"])
def test_print_a4(kind, server, driver, screenshots, tmp_path):
    if kind not in PAGE_TYPES:
        pytest.skip(f"no {kind} page in the site")
    if not shutil.which("pdftoppm"):
        pytest.fail("pdftoppm is missing: run `scripts/install-deps.sh test` (poppler-utils)")
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    open_page(driver, page_url(server, PAGE_TYPES[kind]), DESKTOP)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69,  # A4 in inches
        "marginTop": 0.4, "marginBottom": 0.4, "marginLeft": 0.4, "marginRight": 0.4,
        "printBackground": True, "preferCSSPageSize": True,
    })
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF"), "Page.printToPDF did not return a PDF"
    pdf_path = screenshots / f"{kind}-print.pdf"
    pdf_path.write_bytes(data)

    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True)
    if info.returncode == 0:
        size_line = next((l for l in info.stdout.splitlines() if l.startswith("Page size:")), "")
        nums = [float(x) for x in size_line.split(":", 1)[1].split()[0:3:2]] if size_line else []
        if len(nums) == 2:
            assert abs(nums[0] - A4_POINTS[0]) < 3 and abs(nums[1] - A4_POINTS[1]) < 3, (
                f"{kind} prints on {size_line.strip()}, not A4")

    for old in screenshots.glob(f"{kind}-print-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf_path), str(screenshots / f"{kind}-print")],
                   check=True, capture_output=True)
    pages = sorted(screenshots.glob(f"{kind}-print-*.png"))
    assert pages, f"pdftoppm made no PNG from {pdf_path}"
    # pdftoppm pads page numbers when there are 10+ pages (-01); name the first one -1 regardless.
    first = screenshots / f"{kind}-print-1.png"
    if pages[0] != first:
        pages[0].rename(first)
