#!/usr/bin/env python3
"""Expected meeting dates for the real schedule corpus, computed from the hand-written `meaning`.

The parser under test never touches these numbers: each row's `meaning` was written by a person
reading the published text, and this script turns it into days of `month` with its own calendar
arithmetic and the PyPI `jpholiday` package for public holidays. No Sasaeai code is imported.

    python3 expected_dates.py --check   # exit 1 when a committed dates/weekdays/times cell differs
    python3 expected_dates.py --write   # rewrite those three columns in place

Needs `pip install jpholiday`. The DSL is described in README.md next to this file.
"""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import pathlib
import re
import sys

try:
    import jpholiday
except ImportError:  # pragma: no cover - message for a missing dependency
    sys.exit("expected_dates.py needs the PyPI package jpholiday: pip install jpholiday")

HERE = pathlib.Path(__file__).resolve().parent
TSV = HERE / "real-schedules.tsv"
COLUMNS = ["id", "text", "source", "category", "as_of", "since", "month", "meaning",
           "dates", "weekdays", "times"]
CATEGORIES = {"weekly", "nth-weekday", "week-range", "last-weekday", "day-of-month", "exclusion",
              "interval", "biweekly", "months", "one-off-dates", "relative", "holiday-move",
              "multi-sitting", "part-of-day", "line-break", "weekday-only", "undated", "ambiguous",
              "mixed"}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
PARTS = {"午前", "午後", "夜", "昼", "夕方", "朝"}


class MeaningError(ValueError):
    pass


def day_code(s: str) -> int:
    if s not in DAYS:
        raise MeaningError(f"unknown weekday {s!r}")
    return DAYS.index(s)


def parse_nth(s: str) -> tuple[int, int]:
    m = re.fullmatch(r"(-?[1-5])([A-Z]{2})", s)
    if not m:
        raise MeaningError(f"bad nth item {s!r}")
    return int(m.group(1)), day_code(m.group(2))


def nth_weekday(year: int, month: int, n: int, wd: int) -> dt.date | None:
    days = [d for d in month_days(year, month) if d.weekday() == wd]
    if n > 0:
        return days[n - 1] if n <= len(days) else None
    return days[n] if -n <= len(days) else None


def month_days(year: int, month: int) -> list[dt.date]:
    return [dt.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def is_holiday(d: dt.date) -> bool:
    return jpholiday.is_holiday(d)


class Meaning:
    """One row's meaning, parsed. Generators add dates; filters and moves change them."""

    def __init__(self, text: str):
        self.weekly: list[int] = []
        self.nth: list[tuple[int, int]] = []
        self.mday: list[int] = []
        self.dates: list[dt.date] = []
        self.biweekly: list[tuple[int, dt.date]] = []
        self.after: list[tuple[int, int, int]] = []  # (n, weekday, offset days)
        self.except_nth: list[tuple[int, int]] = []
        self.months: set[int] | None = None
        self.every_n: tuple[int, int, int] | None = None  # (n, anchor year, anchor month)
        self.holiday: str | None = None
        self.weekend_next_monday = False
        self.weekend_skip = False
        self.closed_months: set[int] = set()
        self.closed_ranges: list[tuple[tuple[int, int], tuple[int, int]]] = []
        self.times: list[str] = []
        self.none: str | None = None
        self.weekday_only: list[int] = []
        for clause in [c.strip() for c in text.split(";") if c.strip()]:
            self._clause(clause)
        generators = (self.weekly or self.nth or self.mday or self.dates or self.biweekly
                      or self.after)
        if self.none or self.weekday_only:
            if generators:
                raise MeaningError("a no-dates meaning cannot also have date rules")
        elif not generators:
            raise MeaningError("meaning has no date rule and no `none`/`weekday-only`")

    def _clause(self, clause: str) -> None:
        head, _, rest = clause.partition(" ")
        rest = rest.strip()
        items = [x for x in rest.split(",") if x] if rest else []
        if head == "weekly":
            self.weekly += [day_code(x) for x in items]
        elif head == "nth":
            self.nth += [parse_nth(x) for x in items]
        elif head == "mday":
            self.mday += [int(x) for x in items]
        elif head == "except":
            kind, _, what = rest.partition(" ")
            if kind != "nth":
                raise MeaningError(f"only `except nth` is known, not {clause!r}")
            self.except_nth += [parse_nth(x) for x in what.split(",")]
        elif head == "months":
            self.months = {int(x) for x in items}
        elif head == "every-other-week":
            m = re.fullmatch(r"([A-Z]{2}) anchor (\d{4}-\d{2}-\d{2})", rest)
            if not m:
                raise MeaningError(f"bad every-other-week {clause!r}")
            anchor = dt.date.fromisoformat(m.group(2))
            wd = day_code(m.group(1))
            if anchor.weekday() != wd:
                raise MeaningError(f"anchor {anchor} is not a {m.group(1)}")
            self.biweekly.append((wd, anchor))
        elif head == "every-n-months":
            m = re.fullmatch(r"(\d+) anchor (\d{4})-(\d{2})", rest)
            if not m:
                raise MeaningError(f"bad every-n-months {clause!r}")
            self.every_n = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
        elif head == "dates":
            self.dates += [dt.date.fromisoformat(x) for x in items]
        elif head == "holiday":
            if rest not in ("skip", "next", "prev"):
                raise MeaningError(f"bad holiday rule {clause!r}")
            self.holiday = rest
        elif head == "weekend":
            if rest == "next-monday":
                self.weekend_next_monday = True
            elif rest == "skip":
                self.weekend_skip = True
            else:
                raise MeaningError(f"bad weekend rule {clause!r}")
        elif head == "closed":
            for x in items:
                m = re.fullmatch(r"(\d{2})-(\d{2})\.\.(\d{2})-(\d{2})", x)
                if m:
                    a, b, c, d = map(int, m.groups())
                    self.closed_ranges.append(((a, b), (c, d)))
                elif re.fullmatch(r"\d{1,2}", x):
                    self.closed_months.add(int(x))
                else:
                    raise MeaningError(f"bad closed item {x!r}")
        elif head == "after":
            m = re.fullmatch(r"nth (-?[1-5][A-Z]{2}) \+(\d+)", rest)
            if not m:
                raise MeaningError(f"bad after {clause!r}")
            n, wd = parse_nth(m.group(1))
            self.after.append((n, wd, int(m.group(2))))
        elif head == "time":
            m = re.fullmatch(r"(\d{1,2}):(\d{2})-(?:(\d{1,2}):(\d{2}))?", rest)
            if not m:
                raise MeaningError(f"bad time {clause!r}")
            # Written as HH:MM so that 9:00 and 09:00 compare equal in the test.
            start = f"{int(m.group(1)):02d}:{m.group(2)}"
            end = f"{int(m.group(3)):02d}:{m.group(4)}" if m.group(3) else ""
            self.times.append(f"{start}-{end}")
        elif head == "part":
            if rest not in PARTS:
                raise MeaningError(f"bad part of day {clause!r}")
            self.times.append(rest)
        elif head == "none":
            if rest not in ("undated", "ambiguous"):
                raise MeaningError(f"bad none {clause!r}")
            self.none = rest
        elif head == "weekday-only":
            self.weekday_only += [day_code(x) for x in items]
        else:
            raise MeaningError(f"unknown clause {clause!r}")

    # ------------------------------------------------------------------ dates
    def _month_allowed(self, year: int, month: int) -> bool:
        if self.months is not None and month not in self.months:
            return False
        if self.every_n is not None:
            n, ay, am = self.every_n
            if ((year * 12 + month) - (ay * 12 + am)) % n != 0:
                return False
        if month in self.closed_months:
            return False
        return True

    def _closed_day(self, d: dt.date) -> bool:
        for (a, b), (c, e) in self.closed_ranges:
            start, end = (a, b), (c, e)
            key = (d.month, d.day)
            if start <= end:
                if start <= key <= end:
                    return True
            elif key >= start or key <= end:  # wraps the new year: 12-29..01-03
                return True
        return False

    def _base(self, year: int, month: int) -> list[dt.date]:
        out: set[dt.date] = set()
        if not self._month_allowed(year, month):
            return []
        days = month_days(year, month)
        for d in days:
            if d.weekday() in self.weekly:
                out.add(d)
        for n, wd in self.nth:
            d = nth_weekday(year, month, n, wd)
            if d:
                out.add(d)
        last = days[-1].day
        for md in self.mday:
            day = last if md == -1 else md
            if 1 <= day <= last:
                out.add(dt.date(year, month, day))
        for wd, anchor in self.biweekly:
            for d in days:
                if d.weekday() == wd and (d - anchor).days % 14 == 0:
                    out.add(d)
        for n, wd, off in self.after:
            d = nth_weekday(year, month, n, wd)
            if d:
                out.add(d + dt.timedelta(days=off))
        for d in self.dates:
            if (d.year, d.month) == (year, month):
                out.add(d)
        for n, wd in self.except_nth:
            d = nth_weekday(year, month, n, wd)
            out.discard(d)
        return sorted(d for d in out if not self._closed_day(d))

    def _move(self, d: dt.date) -> dt.date | None:
        if self.weekend_skip and d.weekday() >= 5:
            return None
        if self.weekend_next_monday and d.weekday() >= 5:
            d = d + dt.timedelta(days=7 - d.weekday())
        if self.holiday and is_holiday(d):
            if self.holiday == "skip":
                return None
            step = dt.timedelta(days=1 if self.holiday == "next" else -1)
            d = d + step
            # 翌日/前日 that is itself a holiday (Golden Week) moves on to the first working day.
            while is_holiday(d):
                d = d + step
        return d

    def dates_in(self, year: int, month: int, since: dt.date | None) -> list[dt.date]:
        if self.none or self.weekday_only:
            return []
        found: set[dt.date] = set()
        for delta in (-1, 0, 1):  # a move can carry a date across the month boundary
            y, m = shift_month(year, month, delta)
            for d in self._base(y, m):
                moved = self._move(d)
                if moved and (moved.year, moved.month) == (year, month):
                    found.add(moved)
        if since:
            found = {d for d in found if d >= since}
        return sorted(found)

    def weekdays(self) -> list[int]:
        if self.none:
            return []
        if self.weekday_only:
            return sorted(set(self.weekday_only))
        wds = set(self.weekly) | {wd for _, wd in self.nth} | {wd for wd, _ in self.biweekly}
        wds |= {(wd + off) % 7 for _, wd, off in self.after}
        return sorted(wds)


def read_rows() -> tuple[list[str], list[list[str]]]:
    lines = TSV.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = lines[0].split("\t")
    if header != COLUMNS:
        raise SystemExit(f"{TSV.name}: header must be {COLUMNS}, is {header}")
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise SystemExit(f"{TSV.name}:{n}: {len(cells)} cells, expected {len(COLUMNS)}")
        rows.append(cells)
    return header, rows


JA_DAYS = "月火水木金土日"
BRACKETED = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日\s*[（(]([月火水木金土日])")


def check_bracketed_weekdays(text: str, meaning: Meaning, month: int, where: str) -> None:
    """A one-off date written as 7月2日(火) must be in `dates`, on the weekday in brackets."""
    if not meaning.dates:
        return
    current = month
    for m in BRACKETED.finditer(text.replace("\\n", "\n")):
        if m.group(1):
            current = int(m.group(1))
        day, wd = int(m.group(2)), JA_DAYS.index(m.group(3))
        hits = [d for d in meaning.dates if (d.month, d.day) == (current, day)]
        if not hits:
            raise SystemExit(f"{where}: text has {current}月{day}日 but `dates` does not")
        if hits[0].weekday() != wd:
            raise SystemExit(f"{where}: {hits[0]} is not a {m.group(3)}曜日 as the text says")


def compute(cells: list[str], lineno: int) -> tuple[str, str, str]:
    row = dict(zip(COLUMNS, cells))
    where = f"{TSV.name}:{lineno} ({row['id']})"
    if row["category"] not in CATEGORIES:
        raise SystemExit(f"{where}: unknown category {row['category']!r}")
    if not row["text"] or not row["source"]:
        raise SystemExit(f"{where}: text and source must not be empty")
    dt.date.fromisoformat(row["as_of"])
    since = dt.date.fromisoformat(row["since"]) if row["since"] else None
    m = re.fullmatch(r"(\d{4})-(\d{2})", row["month"])
    if not m:
        raise SystemExit(f"{where}: month must be YYYY-MM")
    year, month = int(m.group(1)), int(m.group(2))
    try:
        meaning = Meaning(row["meaning"])
    except MeaningError as e:
        raise SystemExit(f"{where}: {e}")
    check_bracketed_weekdays(row["text"], meaning, month, where)
    found = meaning.dates_in(year, month, since)
    dates = " ".join(f"{d.day:02d}" for d in found) or "none"
    weekdays = " ".join(DAYS[w] for w in meaning.weekdays())
    return dates, weekdays, ",".join(meaning.times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true")
    g.add_argument("--write", action="store_true")
    args = ap.parse_args()
    header, rows = read_rows()
    seen: set[str] = set()
    bad = 0
    for n, cells in enumerate(rows, start=2):
        if cells[0] in seen:
            raise SystemExit(f"{TSV.name}:{n}: duplicate id {cells[0]}")
        seen.add(cells[0])
        want = compute(cells, n)
        have = (cells[8], cells[9], cells[10])
        if args.write:
            cells[8:11] = want
        elif have != want:
            bad += 1
            print(f"{TSV.name}:{n} ({cells[0]}): committed {have} but meaning gives {want}")
    if args.write:
        TSV.write_text("\n".join("\t".join(r) for r in [header] + rows) + "\n", encoding="utf-8")
        print(f"wrote {len(rows)} rows")
        return 0
    print(f"{len(rows)} rows, {bad} mismatched")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
