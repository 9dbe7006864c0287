#!/usr/bin/env python3
"""Parses every .ics file in a folder with the independent `icalendar` package and checks what a
calendar app relies on: a VCALENDAR with the Europe/Amsterdam time zone, events with zone-aware
starts before their ends, weekly repeat rules, unique UIDs. Usage: check-ics.py FOLDER"""
import sys
from pathlib import Path

import icalendar

folder = Path(sys.argv[1])
files = sorted(folder.glob("*.ics"))
if not files:
    sys.exit(f"{folder}: no .ics files")
events = 0
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
print(f"icalendar {icalendar.__version__}: {len(files)} calendars, {events} events parsed and checked")
