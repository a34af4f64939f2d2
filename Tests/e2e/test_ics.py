"""Independent validation of the generated iCalendar files.

Reads SITE_DIR (default: site), finds calendar.ics and listings/*/calendar.ics, and checks
them twice: once on the raw octets (CRLF, 75-octet folding, balanced components, required
properties), and once through Python's `icalendar` parser with RRULEs expanded by
`dateutil.rrule`. Skips cleanly when no site has been built.
"""

import datetime as dt
import os
import pathlib

import pytest

SITE_DIR = pathlib.Path(os.environ.get("SITE_DIR", "site"))


def ics_files():
    if not SITE_DIR.is_dir():
        return []
    files = []
    top = SITE_DIR / "calendar.ics"
    if top.is_file():
        files.append(top)
    files += sorted((SITE_DIR / "listings").glob("*/calendar.ics"))
    return files


FILES = ics_files()

pytestmark = pytest.mark.skipif(not FILES, reason=f"no calendar.ics under {SITE_DIR}")


def ids(paths):
    return [str(p.relative_to(SITE_DIR)) for p in paths]


def physical_lines(data: bytes):
    assert data.endswith(b"\r\n"), "the file must end with CRLF"
    lines = data[:-2].split(b"\r\n")
    for number, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, f"line {number}: bare CR or LF"
    return lines


def unfold(lines):
    logical = []
    for line in lines:
        if line.startswith(b" ") or line.startswith(b"\t"):
            assert logical, "a continuation line cannot come first"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return [l.decode("utf-8") for l in logical]


def parse_line(line):
    """Splits `NAME;PARAM=x:value` into (NAME, {PARAM: x}, value), honouring quoted params."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            head, value = line[:i], line[i + 1:]
            break
    else:
        raise AssertionError(f"no ':' in content line {line!r}")
    parts = head.split(";")
    params = {}
    for p in parts[1:]:
        key, _, val = p.partition("=")
        params[key.upper()] = val
    return parts[0].upper(), params, value


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_raw_structure(path):
    data = path.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf"), "no BOM"
    lines = physical_lines(data)
    for number, line in enumerate(lines, 1):
        assert len(line) <= 75, f"line {number} has {len(line)} octets"
        # Folding must not cut a UTF-8 sequence in two.
        line.decode("utf-8")
    logical = unfold(lines)
    assert logical[0] == "BEGIN:VCALENDAR"
    assert logical[-1] == "END:VCALENDAR"
    stack = []
    events = []
    current = None
    tzids = set()
    used_tzids = set()
    top = {}
    for line in logical:
        name, params, value = parse_line(line)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack and stack[-1] == value, f"END:{value} does not close {stack[-1:]}"
            stack.pop()
            if value == "VEVENT":
                events.append(current)
                current = None
        else:
            if stack == ["VCALENDAR"]:
                top[name] = value
            if stack[-1:] == ["VTIMEZONE"] and name == "TZID":
                tzids.add(value)
            if "TZID" in params:
                used_tzids.add(params["TZID"])
            if current is not None:
                current.setdefault(name, []).append((params, value))
    assert stack == []
    assert top.get("VERSION") == "2.0"
    assert "PRODID" in top
    assert used_tzids <= tzids, f"TZIDs without VTIMEZONE: {used_tzids - tzids}"
    uids = []
    for event in events:
        for required in ("UID", "DTSTART", "DTSTAMP"):
            assert len(event.get(required, [])) == 1, f"VEVENT needs exactly one {required}: {event}"
        uids.append(event["UID"][0][1])
        assert len(event.get("RRULE", [])) <= 1
    assert len(uids) == len(set(uids)), "UIDs are unique within a calendar"


def as_datetime(value):
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_icalendar_and_rrule_expansion(path):
    icalendar = pytest.importorskip("icalendar")
    rrule = pytest.importorskip("dateutil.rrule")
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar.get("VERSION")) == "2.0"
    events = list(calendar.walk("VEVENT"))
    for event in events:
        start = event.decoded("DTSTART")
        if "DTEND" in event:
            assert event.decoded("DTEND") > start, f"{event['UID']}: DTEND after DTSTART"
        if "RRULE" not in event:
            continue
        rule_text = event["RRULE"].to_ical().decode()
        dtstart = as_datetime(start)
        rule = rrule.rrulestr(rule_text, dtstart=dtstart)
        occurrences = list(rule[:60]) if hasattr(rule, "__getitem__") else []
        if not occurrences:
            occurrences = []
            for i, occurrence in enumerate(rule):
                occurrences.append(occurrence)
                if i >= 59:
                    break
        assert occurrences, f"{event['UID']}: RRULE {rule_text} gives no dates"
        # DTSTART is the first instance, as the writer promises.
        assert occurrences[0] == dtstart, f"{event['UID']}: {occurrences[0]} != DTSTART {dtstart}"
        horizon = dtstart + dt.timedelta(days=800)
        expanded = set(rule.between(dtstart, horizon, inc=True))
        exdates = event.get("EXDATE")
        if exdates is not None:
            for group in exdates if isinstance(exdates, list) else [exdates]:
                for item in group.dts:
                    value = as_datetime(item.dt)
                    assert value in expanded, f"{event['UID']}: EXDATE {value} is not an occurrence of {rule_text}"
        rdates = event.get("RDATE")
        if rdates is not None:
            for group in rdates if isinstance(rdates, list) else [rdates]:
                for item in group.dts:
                    value = as_datetime(item.dt)
                    assert value not in expanded, f"{event['UID']}: RDATE {value} repeats an occurrence"
