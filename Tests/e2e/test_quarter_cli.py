"""The coordinator's quarter through the command line (issue 13, items 3 and 5), on a copy of the
example content: `sasaeai new bulletin` continues the numbering and its file builds with no error;
after editing a schedule, a fee and deleting a row, `sasaeai changes` lists them (text, TSV, JSON);
asking for an issue without snapshot is E072 with exit 1.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO_ROOT
from test_print_pdf import binary


def sasaeai(folder: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(binary()), *args], cwd=folder, capture_output=True, text=True, timeout=300)


@pytest.fixture()
def town(tmp_path) -> Path:
    shutil.copytree(REPO_ROOT / "content", tmp_path / "content")
    shutil.copytree(REPO_ROOT / "templates", tmp_path / "templates")
    return tmp_path


def newest_number(content: Path) -> int:
    numbers = [int(m.group(1)) for p in content.glob("bulletins/*.md")
               if (m := re.search(r"^number:\s*(\d+)\s*$", p.read_text(encoding="utf-8"), flags=re.M))]
    return max(numbers)


def test_new_bulletin_builds_with_no_error(town):
    expected = newest_number(town / "content") + 1
    done = sasaeai(town, "new", "bulletin", "2026-05")
    assert done.returncode == 0, done.stderr
    text = (town / "content/bulletins/2026-05.md").read_text(encoding="utf-8")
    assert f"number: {expected}\n" in text
    assert f"title: 支え合い情報誌 第{expected}号（2026年5月）\n" in text
    built = sasaeai(town, "build", "--drafts", "--output", str(town / "site"))
    assert built.returncode == 0, built.stderr
    assert "error[" not in built.stderr and "warning[" not in built.stderr, built.stderr
    page = (town / "site/bulletins/2026-05/index.html").read_text(encoding="utf-8")
    assert f"第{expected}号" in page and "{{<" not in page


def test_changes_lists_edited_schedule_fee_and_deleted_row(town):
    tsv = town / "content/listings/salons.tsv"
    rows = tsv.read_text(encoding="utf-8").split("\n")
    header = rows[0].split("\t")
    col = {name: header.index(name) for name in ("ID", "名称", "開催日時", "参加費")}
    body = [r.split("\t") for r in rows[1:] if r.strip()]
    scheduled = next(r for r in body if r[col["開催日時"]].startswith("毎週") and "金曜" in r[col["開催日時"]])
    paid = next(r for r in body if r[col["参加費"]].endswith("円") and r is not scheduled)
    deleted = next(r for r in body if r is not scheduled and r is not paid
                   and not (town / f"content/listings/{r[col['ID']]}.md").exists())
    old_schedule, old_fee = scheduled[col["開催日時"]], paid[col["参加費"]]
    new_schedule, new_fee = old_schedule.replace("金曜", "木曜"), "500円"
    scheduled[col["開催日時"]], paid[col["参加費"]] = new_schedule, new_fee
    kept = [r for r in body if r is not deleted]
    tsv.write_text("\n".join([rows[0]] + ["\t".join(r) for r in kept]) + "\n", encoding="utf-8")

    since = sorted(p.stem for p in (town / "content/history").glob("*.json"))[-1]
    done = sasaeai(town, "changes", "--since", since, "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [r["id"] for r in report["removed"]] == [deleted[col["ID"]]]
    edited = {e["id"]: {f["field"]: (f["before"], f["after"]) for f in e["fields"]} for e in report["edited"]}
    assert edited[scheduled[col["ID"]]]["schedule"] == (old_schedule, new_schedule)
    assert edited[paid[col["ID"]]]["fee"] == (old_fee, new_fee)

    text = sasaeai(town, "changes").stdout
    assert f"開催日時: {old_schedule} → {new_schedule}" in text
    assert f"参加費: {old_fee} → {new_fee}" in text
    assert deleted[col["名称"]] in text
    lines = sasaeai(town, "changes", "--format", "tsv").stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["change", "id", "name"]
    assert any(line.startswith(f"removed\t{deleted[col['ID']]}\t") for line in lines)


def test_changes_since_an_issue_without_snapshot_is_an_error(town):
    done = sasaeai(town, "changes", "--since", "2024-05")
    assert done.returncode == 1
    assert "error[E072]" in done.stderr and "content/history/2024-05.json" in done.stderr


def test_print_of_an_unknown_district_is_an_error(town):
    done = sasaeai(town, "print", "district", "nowhere", "--output", str(town / "x.pdf"))
    assert done.returncode == 1
    assert "error[E075]" in done.stderr
    assert not (town / "x.pdf").exists()
