"""No broken internal links, anchors, images or scripts: ruby-html-proofer 3.x over the site.

The site is published below base_url (https://example.org/sasaeai/), so root-relative links look
like /sasaeai/listings/… and absolute ones like https://example.org/sasaeai/listings/…
Both are mapped back onto the site folder with --url-swap, so they are checked as internal links
(a canonical URL or a root-relative link to a page that does not exist fails). External links are
not fetched (--disable-external).
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


def htmlproofer_command(folder: Path, base_url: str, base_path: str) -> list[str]:
    exe = shutil.which("htmlproofer")
    if not exe:
        pytest.fail("htmlproofer is missing: run `scripts/install-deps.sh test` (ruby-html-proofer)")
    swaps = []
    origin = re.match(r"^(https?://[^/]+)", base_url)
    if base_path != "/":
        # https://example.org/sasaeai/x and /sasaeai/x both mean <site>/x
        host = re.escape(origin.group(1).split("://", 1)[1]) if origin else None
        prefix = f"^(https?://{host})?" if host else "^"
        swaps.append(_escape_for_swap(prefix + re.escape(base_path)) + ":/")
    elif origin:
        host = re.escape(origin.group(1).split("://", 1)[1])
        swaps.append(_escape_for_swap(f"^https?://{host}/") + ":/")
    cmd = [exe, str(folder), "--disable-external", "--allow-hash-href", "--log-level", ":error",
           "--directory-index-file", "index.html", "--error-sort", ":path"]
    # '#' as an href is allowed; '#missing' anchors are still checked.
    if swaps:
        cmd += ["--url-swap", ",".join(swaps)]
    return cmd


def run_htmlproofer(folder: Path, base_url: str, base_path: str, tmp_path: Path):
    cmd = htmlproofer_command(folder, base_url, base_path)
    # (--storage-dir would switch on html-proofer's cache, which then insists on --timeframe;
    # running in tmp_path keeps any tmp/.htmlproofer it writes out of the repository.)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    return proc, cmd


def test_no_broken_internal_links_anchors_or_images(site, base_url, base_path, tmp_path):
    proc, cmd = run_htmlproofer(site, base_url, base_path, tmp_path)
    output = (proc.stdout + proc.stderr).strip()
    assert proc.returncode == 0, (
        "htmlproofer found broken links, anchors or images:\n"
        + " ".join(cmd) + "\n" + output)
    # html-proofer says how many files it ran on; make sure it saw the site.
    m = re.search(r"Ran on (\d+) files?", output)
    if m:
        assert int(m.group(1)) > 0, output
