"""The split search index when a query matches more than a phone should download at once.

A synthetic town of 1,500 listings (bench/synthetic_town.py, fixed seed) is built with the
`sasaeai` binary and served; its index has more entry blocks than search.js reads per query.
  * a query matching most listings reads the manifest, at most four chunks and six blocks, under
    300 KB, shows results at once and says 「N件以上」 with a 「さらに探す」 button;
  * pressing 「さらに探す」 until it disappears lists exactly the entries of search/index.json
    holding the folded query (nothing is lost by the split), 200 more per press;
  * a rare query (one listing's name) finds that listing.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from conftest import PHONE, REPO_ROOT, add_summary, open_page
from sitedata import fold
from test_print_pdf import binary

LISTINGS = 1500


@pytest.fixture(scope="module")
def town(tmp_path_factory):
    root = tmp_path_factory.mktemp("town")
    subprocess.run([sys.executable, str(REPO_ROOT / "bench/synthetic_town.py"), str(LISTINGS), str(root / "content")],
                   check=True, capture_output=True)
    done = subprocess.run([str(binary()), "build", "--content", str(root / "content"), "--templates",
                           str(REPO_ROOT / "templates"), "--output", str(root / "site"), "--quiet"],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site"))
    handler.log_message = lambda *a, **k: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield root / "site", f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


def status(driver):
    return driver.execute_script("return document.getElementById('search-status').textContent")


def wait_count(driver, before=None, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        s = status(driver)
        if "件" in s and s != before:
            return s
        time.sleep(0.05)
    pytest.fail(f"no result count: {status(driver)!r}", pytrace=False)


RESOURCES = """
return performance.getEntriesByType('resource').filter(r => r.name.includes('/search/'))
  .map(r => r.name.split('/search/')[1]);
"""


def test_common_query_reads_little_then_more(driver, town):
    site, url = town
    index = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    blocks = len(list((site / "search/e").glob("*.json")))
    assert blocks > 6, f"the synthetic town should need more than six blocks, has {blocks}"
    query = "サロン"
    expected = sorted(e["u"] for e in index if fold(query) in e["x"])
    open_page(driver, url + "search/?q=" + urllib.parse.quote(query), PHONE)
    first = wait_count(driver)
    files = driver.execute_script(RESOURCES)
    size = sum((site / "search" / f).stat().st_size for f in files)
    assert "index.json" not in files
    assert len([f for f in files if f.startswith("c/")]) <= 4 and len([f for f in files if f.startswith("e/")]) <= 6, files
    assert size < 300_000, f"{size} bytes: {files}"
    assert "件以上" in first, first
    shown = driver.execute_script("return document.querySelectorAll('#search-results > li').length")
    assert shown > 0
    presses = 0
    while driver.execute_script("const b = document.querySelector('.search-more'); return b && !b.hidden"):
        before = status(driver)
        driver.execute_script("document.querySelector('.search-more').click()")
        wait_count(driver, before)
        presses += 1
        assert presses < 100
    final = status(driver)
    assert f"{len(expected)}件" in final and "以上" not in final, (final, len(expected))
    urls = driver.execute_script("return [...document.querySelectorAll('#search-results > li a')].map(a => a.getAttribute('href'))")
    assert sorted(u.split("../", 1)[-1] for u in urls) == expected, "after 「さらに探す」 every match is listed"
    add_summary(f"search at {LISTINGS} listings 「{query}」: first answer {first!r} from {len(files)} files, "
                f"{size} bytes; after {presses}×「さらに探す」 {final!r}")


def test_rare_query_found(driver, town):
    site, url = town
    index = json.loads((site / "search/index.json").read_text(encoding="utf-8"))
    target = index[len(index) // 2]
    open_page(driver, url + "search/?q=" + urllib.parse.quote(target["t"]), PHONE)
    wait_count(driver)
    titles = driver.execute_script("return [...document.querySelectorAll('#search-results > li a')].map(a => a.textContent)")
    assert target["t"] in titles, (target["t"], titles[:10])
