#!/usr/bin/env python3
"""Parses every .ics file in a folder with the independent `icalendar` package and checks what a
calendar app relies on: a VCALENDAR with the Europe/Amsterdam time zone, events with zone-aware
starts before their ends, weekly repeat rules, unique UIDs. With --closed FIRST:LAST (repeatable),
every event is expanded with dateutil (RRULE minus EXDATE) and no occurrence may fall on those
days, while the calendars must have lessons both before and after each closed stretch.
Usage: check-ics.py FOLDER [--closed YYYY-MM-DD:YYYY-MM-DD ...]"""
import argparse
import datetime
from pathlib import Path

import icalendar
from dateutil.rrule import rrulestr

parser = argparse.ArgumentParser()
parser.add_argument("folder")
parser.add_argument("--closed", action="append", default=[])
args = parser.parse_args()
closed = []
for text in args.closed:
    first, last = (datetime.date.fromisoformat(part) for part in text.split(":"))
    closed.append((first, last))

folder = Path(args.folder)
files = sorted(folder.glob("*.ics"))
if not files:
    raise SystemExit(f"{folder}: no .ics files")


def occurrences(event):
    """Every start of an event: DTSTART, expanded by RRULE, minus EXDATE. Compared in local wall
    time, as RFC 5545 repeats a TZID time: the instants differ across daylight-saving changes, and
    older icalendar versions (pytz) would give rule and exceptions different offsets."""
    start = event.decoded("DTSTART").replace(tzinfo=None)
    if "RRULE" not in event:
        return [start]
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
    excluded = set()
    exdates = event.get("EXDATE", [])
    for entry in exdates if isinstance(exdates, list) else [exdates]:
        excluded.update(item.dt.replace(tzinfo=None) for item in entry.dts)
    return [when for when in rule if when not in excluded]


events = 0
starts = []
for path in files:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    zones = [zone["TZID"] for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Amsterdam"], f"{path.name}: time zones {zones}"
    uids = set()
    for event in calendar.walk("VEVENT"):
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert start.tzinfo is not None, f"{path.name}: {event['SUMMARY']} starts without a time zone"
        assert start < end, f"{path.name}: {event['SUMMARY']} ends before it starts"
        assert 7 <= start.hour <= 18, f"{path.name}: {event['SUMMARY']} at {start}"
        if "RRULE" in event:
            rule = event["RRULE"]
            assert rule["FREQ"] == ["WEEKLY"] and rule["COUNT"][0] >= 1, f"{path.name}: rule {rule}"
        uid = str(event["UID"])
        assert uid not in uids, f"{path.name}: duplicate UID {uid}"
        uids.add(uid)
        events += 1
        if closed:
            for when in occurrences(event):
                day = when.date()
                for first, last in closed:
                    assert not first <= day <= last, f"{path.name}: {event['SUMMARY']} on {day}, closed {first}–{last}"
                starts.append(day)
for first, last in closed:
    assert any(day < first for day in starts) and any(day > last for day in starts), f"no lessons around {first}–{last}"
note = f"; {len(starts)} occurrences, none on {len(closed)} closed stretches" if closed else ""
print(f"icalendar {icalendar.__version__}: {len(files)} calendars, {events} events parsed and checked{note}")
