"""What the generated site's data says, for the interactive checks (search, finder, map).

Expected results are derived from the site's own open data (data/listings.json, the term pages'
headings) rather than hard-coded, so the checks follow the example content as it changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

LISTED = ("active", "paused")  # the statuses a resident sees in lists, the finder and the map


def fold(text: str) -> str:
    """The search normalisation (SPEC 6): NFKC, lowercase, katakana → hiragana, no white space,
    曜日 → 曜."""
    s = unicodedata.normalize("NFKC", text).lower()
    out = []
    for ch in s:
        c = ord(ch)
        if 0x30A1 <= c <= 0x30F6:
            ch = chr(c - 0x60)
        if ch.isspace() or (ch == "日" and out and out[-1] == "曜"):
            continue
        out.append(ch)
    return "".join(out)


def listings(site: Path) -> list[dict]:
    return json.loads((site / "data/listings.json").read_text(encoding="utf-8"))


def listed(site: Path) -> list[dict]:
    return [x for x in listings(site) if x.get("status") in LISTED]


def has_coordinates(item: dict) -> bool:
    return item.get("lat") is not None and item.get("lon") is not None


def heading(site: Path, rel: str) -> str:
    """The text of the first <h1> of SITE/rel/index.html as shown: ruby readings (<rt>) and their
    fallback brackets (<rp>) left out, tags stripped."""
    html = (site / rel / "index.html").read_text(encoding="utf-8")
    m = re.search(r"<h1\b[^>]*>(.*?)</h1>", html, flags=re.S)
    if not m:
        return ""
    shown = re.sub(r"<(rt|rp)\b[^>]*>.*?</\1>", "", m.group(1), flags=re.S)
    return re.sub(r"<[^>]+>", "", shown).strip()


def term_names(site: Path, folder: str) -> dict[str, str]:
    """id -> display name for categories/ or audiences/, from each page's h1 ("分類: 見守り")."""
    names = {}
    root = site / folder
    for page in sorted(root.glob("*/index.html")):
        title = heading(site, f"{folder}/{page.parent.name}")
        names[page.parent.name] = re.sub(r"^[^:：]+[:：]\s*", "", title).strip()
    return names


def listing_id_from_href(href: str) -> str | None:
    m = re.search(r"/listings/([^/]+)/(?:index\.html)?$", href or "")
    return m.group(1) if m else None
