"""No broken internal links, anchors, images or scripts: ruby-html-proofer 3.x over the site.

The site is published below base_url (https://example.org/sasaeai/), so root-relative links look
like /sasaeai/listings/… and absolute ones like https://example.org/sasaeai/listings/…
htmlproofer checks the site folder with --root-dir set to a folder laid out like the web server
(`sasaeai/` is a symlink to the site), so /sasaeai/x is the site's x while a link to /x, which
would break on the real host, fails here too. Absolute URLs below base_url are mapped to
root-relative ones with --url-swap, so canonical links and the like are checked as internal links.
External links are not fetched (--disable-external).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def _escape_for_swap(pattern: str) -> str:
    # htmlproofer splits each --url-swap item on unescaped ':' and the list on ','.
    return pattern.replace(":", r"\:")


def htmlproofer_command(folder: Path, base_url: str, served_root: Path) -> list[str]:
    exe = shutil.which("htmlproofer")
    if not exe:
        pytest.fail("htmlproofer is missing: run `scripts/install-deps.sh test` (ruby-html-proofer)")
    cmd = [exe, str(folder), "--disable-external", "--allow-hash-href", "--log-level", ":error",
           "--directory-index-file", "index.html", "--root-dir", str(served_root)]
    # ('#' alone as an href is allowed; '#missing' anchors are still checked.)
    origin = re.match(r"^https?://([^/]+)(/.*)$", base_url)
    if origin:
        # https://example.org/sasaeai/x -> /sasaeai/x, resolved against --root-dir. Only URLs below
        # base_url are the site's; https://example.org/ itself is another site (external).
        host, path = origin.group(1), origin.group(2)
        cmd += ["--url-swap",
                _escape_for_swap("^https?://" + re.escape(host) + re.escape(path)) + ":" + path]
    return cmd


def run_htmlproofer(folder: Path, base_url: str, served_root: Path, tmp_path: Path):
    cmd = htmlproofer_command(folder, base_url, served_root)
    # (--storage-dir would switch on html-proofer's cache, which then insists on --timeframe;
    # running in tmp_path keeps any tmp/.htmlproofer it writes out of the repository.)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    return proc, cmd


def test_no_broken_internal_links_anchors_or_images(site, base_url, served_root, tmp_path):
    proc, cmd = run_htmlproofer(site, base_url, served_root, tmp_path)
    output = (proc.stdout + proc.stderr).strip()
    if proc.returncode != 0:
        pytest.fail("htmlproofer found broken links, anchors or images:\n$ "
                    + " ".join(cmd) + "\n" + output, pytrace=False)
    # html-proofer says how many files it ran on; make sure it saw the site.
    m = re.search(r"Ran on (\d+) files?", output)
    if m:
        assert int(m.group(1)) > 0, output
