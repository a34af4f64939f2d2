"""data/hsds/ against the official Open Referral HSDS 3.0 compiled schema, format checks on.

The schema file is a fixture (Tests/e2e/fixtures/hsds-3.0/), so the check needs no network. The
uuid format is checked by jsonschema itself and the uri format by rfc3987; both are asserted to be
active, so a missing checker cannot turn the test into one that always passes.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import jsonschema
import pytest

SCHEMA = Path(__file__).parent / "fixtures/hsds-3.0/service.json"


def services(site: Path) -> list[dict]:
    return json.loads((site / "data/hsds/services.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    assert {"uuid", "uri"} <= set(checker.checkers), "format checkers for uuid and uri must be installed"
    return jsonschema.Draft202012Validator(schema, format_checker=checker)


def test_the_format_checks_are_live(validator):
    bad = {"id": "not-a-uuid", "name": "x", "status": "active", "url": "not a uri"}
    messages = {e.message for e in validator.iter_errors(bad)}
    assert any("uuid" in m for m in messages) and any("uri" in m for m in messages), messages


def test_every_service_validates(site, validator):
    items = services(site)
    assert items, "no services exported"
    problems = []
    for service in items:
        for error in validator.iter_errors(service):
            problems.append(f"{service.get('name')}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    assert not problems, "\n".join(problems[:40])


def test_ids_are_unique_and_deterministic_uuids(site):
    seen = set()
    organizations = {}
    for service in services(site):
        # An organiser that runs several activities is one organization with one id.
        if "organization" in service:
            org = service["organization"]
            assert uuid.UUID(org["id"]).version == 5
            assert organizations.setdefault(org["name"], org["id"]) == org["id"], org
            assert service.get("organization_id", org["id"]) == org["id"]
        ids = [service["id"]]
        ids += [s["id"] for s in service.get("schedules", [])]
        ids += [a["id"] for a in service.get("service_areas", [])]
        ids += [p["id"] for p in service.get("phones", [])]
        for sal in service.get("service_at_locations", []):
            ids += [sal["id"], sal["location"]["id"]]
            ids += [a["id"] for a in sal["location"].get("addresses", [])]
            ids += [a["id"] for a in sal["location"].get("accessibility", [])]
        for i in ids:
            assert uuid.UUID(i).version == 5, i
            assert i not in seen, f"duplicate id {i}"
            seen.add(i)


def test_service_id_is_uuid5_of_the_listing_url(site):
    listings = {x["id"]: x for x in json.loads((site / "data/listings.json").read_text(encoding="utf-8"))}
    for service in services(site):
        url = service["url"]
        listing_id = url.rstrip("/").rsplit("/", 1)[-1]
        assert listing_id in listings, url
        assert service["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, url)), url
        for schedule in service.get("schedules", []):
            assert schedule["service_id"] == service["id"]


def test_alternating_rules_carry_their_interval(site):
    """奇数月 / 隔月 carry interval 2 on a monthly rule (HSDS 3.0 has no bymonth: dtstart gives the
    first month); 隔週 carries interval 2 on a weekly rule. Never exported as every month/week."""
    listings = {x["id"]: x for x in json.loads((site / "data/listings.json").read_text(encoding="utf-8"))}
    checked = 0
    for service in services(site):
        listing = listings[service["url"].rstrip("/").rsplit("/", 1)[-1]]
        text = listing.get("schedule") or ""
        for words, freq in ((("奇数月", "偶数月", "隔月"), "MONTHLY"), (("隔週",), "WEEKLY")):
            if any(word in text for word in words):
                for schedule in service.get("schedules", []):
                    assert schedule.get("freq") == freq and schedule.get("interval") == 2, (text, schedule)
                    assert schedule.get("dtstart"), (text, schedule)
                    checked += 1
    # The example town has 奇数月の第2日曜 and 隔週木曜 (anchored by 開始): the check must not be vacuous.
    assert checked >= 2


def test_national_layout_fields_reach_hsds(site):
    """The 子ども食堂 table in the national layout: organiser, fees per age, booking, audience note."""
    with_org = [s for s in services(site) if "organization" in s]
    assert with_org, "the example's national-layout table names its organisers"
    assert any("幼児" in (s.get("fees_description") or "") for s in with_org)
    assert any(s.get("application_process") for s in with_org)
    assert any(s.get("eligibility_description") for s in with_org)
