"""Shared fixtures for the end-to-end checks of a generated Sasaeai site.

The site folder comes from the environment variable SITE_DIR (default `site`, relative to the
working folder, which is the repository root when run through scripts/e2e.sh). Every test is
skipped, with a message saying so, when that folder does not exist.

The site is published below a path (base_url https://example.org/sasaeai/), so it is served the
same way here: a temporary folder whose `sasaeai/` entry is a symlink to SITE_DIR, served by
`python3 -m http.server` on 127.0.0.1, and pages are opened at http://127.0.0.1:PORT/sasaeai/…
That way a link that wrongly points at the server root breaks here as it would in production.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", REPO_ROOT / "screenshots"))
DEFAULT_BASE_URL = "https://example.org/sasaeai/"


# ----------------------------------------------------------------------------- the site folder

def site_path() -> Path:
    return Path(os.environ.get("SITE_DIR", "site")).resolve()


def require_site() -> Path:
    site = site_path()
    if not (site / "index.html").is_file():
        pytest.skip(
            f"no generated site at {site} (SITE_DIR={os.environ.get('SITE_DIR', 'site')!r}): "
            "build one first, e.g. `make site`, or set SITE_DIR to a folder with index.html",
            allow_module_level=True,
        )
    return site


def detect_base_url(site: Path) -> str:
    """The site's base_url, read from the home page's canonical link (BASE_URL overrides)."""
    if os.environ.get("BASE_URL"):
        url = os.environ["BASE_URL"]
        return url if url.endswith("/") else url + "/"
    try:
        html = (site / "index.html").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return DEFAULT_BASE_URL
    for tag in re.findall(r"<link\b[^>]*>", html, flags=re.I):
        if re.search(r"""rel\s*=\s*["']?canonical""", tag, flags=re.I):
            m = re.search(r"""href\s*=\s*["']([^"']+)["']""", tag, flags=re.I)
            if m and re.match(r"https?://", m.group(1)):
                href = m.group(1)
                # The home page's canonical URL is base_url itself (maybe with index.html).
                href = re.sub(r"index\.html$", "", href)
                return href if href.endswith("/") else href + "/"
    return DEFAULT_BASE_URL


def base_path_of(base_url: str) -> str:
    """'/sasaeai/' for https://example.org/sasaeai/, '/' for a site at the root."""
    path = re.sub(r"^https?://[^/]+", "", base_url) or "/"
    return path if path.endswith("/") else path + "/"


# ----------------------------------------------------------------------------- page types

def _first_dir(site: Path, folder: str, pattern: str = "*") -> str | None:
    """The first (sorted) sub-folder of `folder` that holds an index.html, as 'folder/name/'."""
    root = site / folder
    if not root.is_dir():
        return None
    for child in sorted(root.glob(pattern)):
        if child.is_dir() and (child / "index.html").is_file():
            return f"{folder}/{child.name}/"
    return None


def _listing_with_most_content(site: Path) -> str | None:
    """A listing page that exercises the template well: the largest listings/<id>/index.html."""
    root = site / "listings"
    if not root.is_dir():
        return None
    pages = [p for p in root.glob("*/index.html")]
    if not pages:
        return None
    best = max(sorted(pages), key=lambda p: p.stat().st_size)
    return f"listings/{best.parent.name}/"


def discover_page_types(site: Path) -> dict[str, str]:
    """Page type name -> path below the site root ('' is the home page).

    One concrete page per type of SPEC section 6, found by globbing the generated site, so the
    checks follow whatever the content holds. Types whose folder is absent are left out
    (map/, search/, weekdays/ and calendar/ come with later issues).
    """
    types: dict[str, str | None] = {
        "home": "" if (site / "index.html").is_file() else None,
        "districts": "districts/" if (site / "districts/index.html").is_file() else None,
        "district": _first_dir(site, "districts"),
        "areas": "areas/" if (site / "areas/index.html").is_file() else None,
        "listings": "listings/" if (site / "listings/index.html").is_file() else None,
        "listing": _listing_with_most_content(site),
        "kind": _first_dir(site, "kinds"),
        "category": _first_dir(site, "categories"),
        "audience": _first_dir(site, "audiences"),
        "weekday": _first_dir(site, "weekdays"),
        "calendar": _first_dir(site, "calendar"),
        "week": "week/" if (site / "week/index.html").is_file() else None,
        "bulletins": "bulletins/" if (site / "bulletins/index.html").is_file() else None,
        # The newest issue: sorted YYYY-MM names, last one.
        "bulletin": (lambda found: f"bulletins/{found[-1].name}/" if found else None)(
            sorted(p for p in (site / "bulletins").glob("*") if (p / "index.html").is_file())
            if (site / "bulletins").is_dir() else []),
        "page": _first_dir(site, "pages"),
        "map": "map/" if (site / "map/index.html").is_file() else None,
        "search": "search/" if (site / "search/index.html").is_file() else None,
        "404": "404.html" if (site / "404.html").is_file() else None,
    }
    only = os.environ.get("E2E_PAGES")  # e.g. "home,listing" to check a few types while working
    wanted = set(only.split(",")) if only else None
    return {k: v for k, v in types.items() if v is not None and (wanted is None or k in wanted)}


# Computed at collection time so tests can be parametrized by page type; an empty dict when the
# site is missing (the tests then skip through the `site` fixture).
SITE = site_path()
PAGE_TYPES: dict[str, str] = discover_page_types(SITE) if (SITE / "index.html").is_file() else {}


def page_type_params():
    """Parameters for @pytest.mark.parametrize over the page types (a placeholder when none)."""
    if PAGE_TYPES:
        return [pytest.param(kind, path, id=kind) for kind, path in PAGE_TYPES.items()]
    return [pytest.param("none", "", id="no-site", marks=pytest.mark.skip(
        reason=f"no generated site at {SITE}: build one first (make site) or set SITE_DIR"))]


# ----------------------------------------------------------------------------- fixtures

@pytest.fixture(scope="session")
def site() -> Path:
    return require_site()


@pytest.fixture(scope="session")
def base_url(site: Path) -> str:
    return detect_base_url(site)


@pytest.fixture(scope="session")
def base_path(base_url: str) -> str:
    return base_path_of(base_url)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def served_root(site: Path, base_path: str):
    """A temporary folder laid out like the web server: <root><base_path> is the site.

    For base_url https://example.org/sasaeai/ it holds one entry, `sasaeai`, a symlink to SITE_DIR,
    so /sasaeai/x resolves to the site's x and a link to /x (the server root) resolves to nothing.
    """
    parts = [p for p in base_path.strip("/").split("/") if p]
    if not parts:
        yield site
        return
    with tempfile.TemporaryDirectory(prefix="sasaeai-serve-") as tmp:
        root = Path(tmp)
        parent = root.joinpath(*parts[:-1])
        parent.mkdir(parents=True, exist_ok=True)
        (parent / parts[-1]).symlink_to(site, target_is_directory=True)
        yield root


@pytest.fixture(scope="session")
def server(site: Path, base_path: str, served_root: Path):
    """Serves the site at http://127.0.0.1:PORT<base_path>; yields that URL (ending in '/')."""
    served = served_root
    last_error = None
    for _attempt in range(5):
        port = _free_port()
        proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
             "--directory", str(served)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}{base_path}"
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError as exc:
                last_error = exc
            time.sleep(0.1)
        else:
            proc.kill()
            proc.wait()
            continue
        if proc.poll() is not None:
            continue
        try:
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        return
    pytest.fail(f"could not start python3 -m http.server for {site}: {last_error}")


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the whole run (Debian's chromium and chromium-driver)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            pytest.fail(f"{path} is missing: run `scripts/install-deps.sh test`")
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager try to download
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--hide-scrollbars", "--lang=ja-JP", "--window-size=1280,900",
                "--force-device-scale-factor=1", "--no-first-run", "--disable-extensions",
                "--disable-background-networking"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja,ja-JP"})
    service = Service(executable_path=CHROMEDRIVER, log_output=subprocess.DEVNULL)
    drv = webdriver.Chrome(service=service, options=options)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(120)
    try:
        yield drv
    finally:
        drv.quit()


PHONE = {"width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True}
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}


def emulate(drv, metrics: dict) -> None:
    """Sets the viewport with DevTools (new headless Chromium won't shrink a window below ~500px)."""
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", dict(metrics))


def open_page(drv, url: str, metrics: dict) -> None:
    emulate(drv, metrics)
    drv.get(url)
    # Wait for web fonts and layout to settle, so measurements and screenshots are final.
    drv.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "const fonts = document.fonts ? document.fonts.ready : Promise.resolve();"
        "fonts.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));")


def overflow_at_200_percent_text(drv) -> dict:
    """Doubles the root font size and measures sideways overflow: the page's client and scroll
    widths and up to nine elements that stick out on the right (for the failure message)."""
    drv.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "document.documentElement.style.fontSize = '200%';"
        "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")
    return drv.execute_script("""
      const cw = document.documentElement.clientWidth, sw = document.documentElement.scrollWidth;
      const wide = [];
      if (sw > cw) for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > cw + 0.5 && r.width > 0) wide.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' right=' + Math.round(r.right));
        if (wide.length > 8) break;
      }
      return {cw: cw, sw: sw, wide: wide};""")


# ----------------------------------------------------------------------------- summary lines

_SUMMARY: list[str] = []


def add_summary(line: str) -> None:
    """A line printed at the end of the run, even with -q (e.g. the axe-core version)."""
    if line not in _SUMMARY:
        _SUMMARY.append(line)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if PAGE_TYPES:
        terminalreporter.write_line(
            "e2e: site " + str(SITE) + "; page types: "
            + ", ".join(f"{k}={v or 'index.html'}" for k, v in PAGE_TYPES.items()))
    for line in _SUMMARY:
        terminalreporter.write_line(line)


def write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
