"""The paper edition (issue 13): `sasaeai print bulletin YYYY-MM` and `sasaeai print district ID`.

Runs the sasaeai binary (SASAEAI_BIN, default .build/debug/sasaeai, built by `make e2e`) on the
example content and reads the PDFs with poppler-utils (pdfinfo, pdftotext, pdffonts, pdftoppm):
  * every page is A4 (595 × 842 pt);
  * page 1 carries the masthead: the bulletin name from site.yml, 第N号, the issue date, the publisher;
  * every page carries "N / M" and M is the page count; pages after the first carry the running
    header (bulletin name and issue);
  * no 127.0.0.1, localhost or file:// anywhere in the text, no web navigation words;
  * every font is embedded (pdffonts "emb" column);
  * text inside the page area (outside the margins that hold the running header and the page
    number) is at least 11 pt: a word's box height divided by the font's line height (1.448 em
    for Noto Sans CJK) is the size it was set in;
  * each month of the issue's calendar sits on one page (the three months on three consecutive
    pages, each with all its districts);
  * no empty trailing page: the last page has more than its header and page number.
The pages are rendered to PNG in screenshots/print/ to be looked at.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT, SCREENSHOTS

CONTENT = REPO_ROOT / "content"
A4 = (595.28, 841.89)
NOTO_LINE_HEIGHT = 1.448
MARGIN_TOP_PT = 17 / 25.4 * 72
MARGIN_BOTTOM_PT = 16 / 25.4 * 72


def binary() -> Path:
    path = Path(os.environ.get("SASAEAI_BIN", REPO_ROOT / ".build/debug/sasaeai"))
    if not path.is_file():
        pytest.fail(f"no sasaeai binary at {path}: build it first (swift build --product sasaeai)")
    return path


def front_matter(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, flags=re.S)
    fields = {}
    for line in (match.group(1) if match else "").splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            fields[key.strip()] = value.strip()
    return fields


def newest_issue() -> tuple[str, dict[str, str]]:
    issues = sorted(CONTENT.glob("bulletins/*.md"), reverse=True)
    for path in issues:
        fields = front_matter(path)
        if fields.get("draft", "false") != "true":
            return path.stem, fields
    pytest.fail("the example content has no published bulletin")


def site_setting(section: str, key: str, default: str = "") -> str:
    """A `key` under the top-level `section` of site.yml (comments dropped)."""
    text = (CONTENT / "site.yml").read_text(encoding="utf-8")
    match = re.search(rf"^{section}:\n(?:\s+.*\n)*?\s+{key}:\s*(.+)$", text, flags=re.M)
    return match.group(1).split(" #")[0].strip() if match else default


def run(*args: str, cwd: Path = REPO_ROOT) -> str:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(args)} failed ({done.returncode}): {done.stderr}"
    return done.stdout


def pages_text(pdf: Path) -> list[str]:
    return run("pdftotext", "-layout", str(pdf), "-").split("\f")[:-1]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    for tool in ("pdfinfo", "pdftotext", "pdffonts", "pdftoppm"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: scripts/install-deps.sh test installs poppler-utils")
    folder = tmp_path_factory.mktemp("print")
    month, _ = newest_issue()
    district = sorted(CONTENT.glob("districts/*.md"))[0].stem
    pdfs = {"bulletin": folder / f"bulletin-{month}.pdf", "district": folder / f"district-{district}.pdf"}
    run(str(binary()), "print", "bulletin", month, "--output", str(pdfs["bulletin"]))
    run(str(binary()), "print", "district", district, "--output", str(pdfs["district"]))
    shots = SCREENSHOTS / "print"
    shots.mkdir(parents=True, exist_ok=True)
    for kind, pdf in pdfs.items():
        for old in shots.glob(f"{kind}-*.png"):
            old.unlink()
        run("pdftoppm", "-r", "60", "-png", str(pdf), str(shots / kind))
    return pdfs


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), flags=re.M).group(1))


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_every_page_is_a4(printed, kind):
    pdf = printed[kind]
    count = page_count(pdf)
    info = run("pdfinfo", "-f", "1", "-l", str(count), str(pdf))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, flags=re.M)
    assert len(sizes) == count
    for width, height in sizes:
        assert abs(float(width) - A4[0]) < 1 and abs(float(height) - A4[1]) < 1, (width, height)


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_page_numbers_on_every_page(printed, kind):
    pages = pages_text(printed[kind])
    assert len(pages) == page_count(printed[kind])
    for n, text in enumerate(pages, start=1):
        assert re.search(rf"(^|\s){n}\s*/\s*{len(pages)}(\s|$)", text), f"page {n} has no '{n} / {len(pages)}'"


def test_bulletin_masthead(printed):
    month, fields = newest_issue()
    first = pages_text(printed["bulletin"])[0]
    name = site_setting("bulletin", "name", "支え合い情報誌")
    year, mon, day = (int(x) for x in fields["date"].split("-"))
    assert name in first
    assert f"第{fields['number']}号" in first
    assert f"{year}年{mon}月{day}日発行" in first
    publisher = site_setting("publisher", "name")
    assert publisher and publisher in first
    # The running header repeats the issue on the following pages.
    for n, text in enumerate(pages_text(printed["bulletin"])[1:], start=2):
        assert f"第{fields['number']}号" in text, f"page {n} has no running header"


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_no_preview_host_urls_or_navigation(printed, kind):
    text = run("pdftotext", str(printed[kind]), "-")
    for banned in ("127.0.0.1", "localhost", "file://", "地区から探す", "メニュー", "本文へ"):
        assert banned not in text, banned


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_fonts_embedded(printed, kind):
    lines = run("pdffonts", str(printed[kind])).splitlines()[2:]
    assert lines, "no fonts"
    for line in lines:
        columns = line.split()
        # name type… encoding emb sub uni object ID: emb is the 5th column from the end.
        assert columns[-5] == "yes", line


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_text_is_at_least_11pt(printed, kind):
    xml = run("pdftotext", "-bbox", str(printed[kind]), "-")
    too_small = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", xml, flags=re.S):
        for y0, y1, word in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>', page):
            top, bottom = float(y0), float(y1)
            if top < MARGIN_TOP_PT or bottom > A4[1] - MARGIN_BOTTOM_PT:
                continue  # the running header and page number live in the margins
            size = (bottom - top) / NOTO_LINE_HEIGHT
            if size < 10.9:
                too_small.append((word, round(size, 1)))
    assert not too_small, too_small[:10]


def test_each_month_of_the_calendar_on_one_page(printed):
    pages = pages_text(printed["bulletin"])
    headings = [(n, m.group(0)) for n, text in enumerate(pages) for m in re.finditer(r"\d{4}年\d{1,2}月の開催日", text)]
    assert len(headings) == 3, headings
    numbers = [n for n, _ in headings]
    assert numbers == list(range(numbers[0], numbers[0] + 3)), f"months not on consecutive pages: {headings}"
    districts = [front_matter(p).get("name", "") for p in sorted(CONTENT.glob("districts/*.md"))]
    def cells(text: str) -> set[str]:
        # -layout puts the two columns of districts side by side, separated by runs of spaces.
        return {cell.strip() for cell in re.split(r"\n|\s{2,}", text) if cell.strip()}

    for n, heading in headings:
        # The month's district headings are on the month's page, and none on the page after.
        shown = [d for d in districts if d in cells(pages[n][pages[n].index(heading):])]
        assert shown, f"{heading}: no district on its page"
        if n + 1 < len(pages) and not re.search(r"\d{4}年\d{1,2}月の開催日", pages[n + 1]):
            following = [d for d in districts if d in cells(pages[n + 1])]
            assert not following, f"{heading} continues on page {n + 2}: {following}"


@pytest.mark.parametrize("kind", ["bulletin", "district"])
def test_no_empty_trailing_page(printed, kind):
    pages = pages_text(printed[kind])
    lines = [line.strip() for line in pages[-1].splitlines() if line.strip()]
    # Past the first page, the first line is the running header; the page number is its own line.
    body = [line for line in lines[1 if len(pages) > 1 else 0:] if not re.fullmatch(r"\d+ / \d+", line)]
    assert len(body) >= 2, f"last page is nearly empty: {lines}"


def test_district_list_has_schedules_and_contacts(printed):
    text = run("pdftotext", str(printed["district"]), "-")
    assert "地区の支え合い活動" in text
    assert text.count("日時") >= 1 and text.count("連絡先") >= 1
