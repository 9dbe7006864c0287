#!/usr/bin/env python3
"""A hostile-input run of the rooster command line, tried as an attacker and as a careless user.

Usage, from the repository root after `swift build -c release --product rooster`:
    python3 Tests/scripts/hostile_input.py [--rooster .build/release/rooster] [--markdown]

Each case runs one command under a 2 GB address-space limit and a 60 s timeout and is judged:
  crash      a signal or a trap (exit code >= 128, or a Swift "Fatal error")
  hang       the timeout or the memory limit was reached
  data loss  a file that was there before is changed by a run that failed, or is not a complete
             timetable after a run was interrupted
  unclear    a failed run whose message does not name the file or option, or shows a raw error
             ("NSCocoaErrorDomain", "The operation could not be completed")
  exit code  not one of the documented ones (0, 1, 2, 3, 64)
Prints one row per family and exits non-zero when any case is judged bad.
"""

import argparse
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time

FIXTURE_SCHOOL = "Tests/Fuzz/Fixtures/bioritme-12.yaml"
FIXTURE_TIMETABLE = "Tests/Fuzz/Corpus/timetable-json/bioritme-12-week.json"
FIXTURE_CTT = "Tests/RoosterIOTests/Fixtures/comp01.ctt"
FIXTURE_XHSTT = "Tests/RoosterIOTests/Fixtures/small-xhstt.xml"
DOCUMENTED_EXITS = {0, 1, 2, 3, 64}
RAW_MESSAGES = ("NSCocoaErrorDomain", "The operation could not be completed", "Fatal error", "Swift runtime failure")


def limit_memory():
    two_gb = 2 * 1024**3
    resource.setrlimit(resource.RLIMIT_AS, (two_gb, two_gb))


class Run:
    def __init__(self, rooster, work):
        self.rooster, self.work = rooster, work
        self.rows = {}  # family -> counts
        self.bad = []

    def record(self, family, name, verdict, detail=""):
        row = self.rows.setdefault(family, {"cases": 0, "crash": 0, "hang": 0, "data loss": 0, "unclear": 0, "exit code": 0})
        row["cases"] += 1
        if verdict != "ok":
            row[verdict] += 1
            self.bad.append(f"{family} / {name}: {verdict} {detail}")

    def path(self, name, text=None):
        path = os.path.join(self.work, name)
        if text is not None:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
        return path

    def run(self, args, timeout=60, interrupt_after=None):
        process = subprocess.Popen(
            [self.rooster] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limit_memory, cwd=self.work)
        try:
            if interrupt_after is not None:
                time.sleep(interrupt_after)
                process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=timeout)
            return process.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace")
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return None, "", ""

    def case(self, family, name, args, names=(), keep=None, timeout=60, interrupt_after=None):
        """Runs one case; `names` are strings a failure message must contain (one of them), `keep` a
        file that must be unchanged when the run fails."""
        before = open(keep, "rb").read() if keep and os.path.exists(keep) else None
        started = time.monotonic()
        code, out, err = self.run(args, timeout=timeout, interrupt_after=interrupt_after)
        elapsed = time.monotonic() - started
        if code is None:
            return self.record(family, name, "hang", f"over {timeout} s")
        if code < 0 or code >= 128 or any(raw in err for raw in RAW_MESSAGES[2:]):
            if "MemoryError" in err or "out of memory" in err.lower() or code in (-6, 134) and "alloc" in err:
                return self.record(family, name, "hang", f"memory ({code})")
            return self.record(family, name, "crash", f"exit {code}: {err[-300:]}")
        if code not in DOCUMENTED_EXITS:
            return self.record(family, name, "exit code", f"exit {code}")
        if keep and before is not None and code != 0 and open(keep, "rb").read() != before:
            return self.record(family, name, "data loss", f"{keep} changed by a failed run")
        if code not in (0, 1) and (any(raw in err for raw in RAW_MESSAGES) or (names and not any(n in err for n in names))):
            return self.record(family, name, "unclear", err[-300:])
        self.record(family, name, "ok")
        return code, out, err, elapsed


def school_text():
    return open(FIXTURE_SCHOOL, encoding="utf-8").read()


def numbers(run):
    """Extreme values in every numeric field of the school file, through validate, solve and check."""
    text = school_text()
    fields = ["weeksInCycle", "countPerWeek", "duration", "maxPeriodsPerDay", "maxDays", "minDays",
              "capacity", "size", "length", "choiceLessonsPerWeek", "intervalInWeeks",
              "commonFreePeriods", "rank", "maxPerDay", "roomCount", "studentCount", "minimumSize", "triadsPerCycle"]
    # Lesson fields the fixture leaves at their defaults are written into its first lesson.
    lesson_fields = {"duration", "maxPerDay", "minDays", "roomCount", "studentCount"}
    values = ["9223372036854775807", "-9223372036854775808", "99999999999999999999999", "-1", "0", "1e300", ".nan", "'12'"]
    for field in fields:
        needle = f"  {field}: "
        at = text.find(needle)
        if at < 0:
            needle = f"{field}: "
            at = text.find(needle)
        if at < 0 and field in lesson_fields:
            # After the first lesson's countPerWeek line, as an empty insertion the loop below fills.
            anchor = text.index("\n", text.index("  countPerWeek: ")) + 1
            needle, at, end = f"  {field}: ", anchor, anchor
        elif at < 0:
            continue
        else:
            end = text.index("\n", at)
        for value in values:
            inserted = "\n" if end == at else ""
            school = run.path("numbers.yaml", text[:at] + needle + value + inserted + text[end:])
            for command in (["validate", school], ["solve", school, "--solver", "heuristic", "--iterations", "2000", "--quiet"],
                            ["check", school, os.path.abspath(FIXTURE_TIMETABLE)]):
                run.case("extreme numbers in files", f"{field}={value} {command[0]}", command, names=("numbers.yaml",))
    school = os.path.abspath(FIXTURE_SCHOOL)
    timetable = os.path.abspath(FIXTURE_TIMETABLE)
    options = [("solve", "--time-limit", v) for v in ("inf", "1e300", "-1", "nan", "0")] + \
              [("solve", "--threads", v) for v in ("1000000", "-1", "0")] + \
              [("solve", "--iterations", v) for v in ("0", "-5", "1e30", "99999999999999999999")] + \
              [("solve", "--seed", v) for v in ("-1", "18446744073709551616")] + \
              [("enrol", "--time-limit", v) for v in ("inf", "-3")] + \
              [("enrol", "--week", v) for v in ("0", "9223372036854775807")] + \
              [("render", "--term-weeks", v) for v in ("-1", "0", "100000000")] + \
              [("render", "--term-start", v) for v in ("99999-01-01", "2026-02-30", "0000-01-01", "x")] + \
              [("check", "--max-violations", v) for v in ("-1", "9223372036854775807")] + \
              [("check", "--weight", v) for v in ("teacherGaps=-1", "teacherGaps=99999999999999999999", "nope=3")] + \
              [("generate", "--students", v) for v in ("0", "-1", "20001", "99999999999999999999")]
    for command, option, value in options:
        args = {"solve": ["solve", school, "--quiet", "--iterations", "2000"],
                "enrol": ["enrol", school, "--timetable", timetable],
                "render": ["render", school, timetable, "--format", "ics", "--out", run.path("ics"), "--term-start", "2026-08-31"],
                "check": ["check", school, timetable],
                "generate": ["generate", "--out", run.path("generated.yaml")]}[command]
        if command == "solve" and option == "--iterations":
            args = ["solve", school, "--quiet"]
        run.case("extreme numbers on the command line", f"{command} {option} {value}", args + [option, value], names=(option,))


def calendars(run):
    """Extreme dates, spans and counts in a school calendar, through validate, check and iCalendar."""
    text = school_text()
    timetable = os.path.abspath(FIXTURE_TIMETABLE)
    base = {"start": "2026-08-31", "end": "2027-07-16", "hours": "940", "from": "2026-10-17", "to": "2026-10-25", "week": "A"}
    extremes = {
        "start": ["0001-01-01", "9999-12-31", "99999-01-01", "2026-13-01", "-2026-01-01", "'2026-08-31'"],
        "end": ["9999-12-31", "0001-01-01", "2026-08-30", "9223372036854775807-01-01"],
        "hours": ["9223372036854775807", "-1", "1e300", ".nan"],
        "from": ["0001-01-01", "9999-12-31", "2027-02-29"],
        "to": ["0001-01-01", "9999-12-31"],
        "week": ["Z", "", "AA", "9223372036854775807"],
    }
    for key, values in extremes.items():
        for value in values:
            fields = dict(base, **{key: value})
            calendar = (f"calendar:\n  start: {fields['start']}\n  end: {fields['end']}\n"
                        f"  instructionHoursPerYear: {fields['hours']}\n"
                        f"  holidays: [{{name: H, from: {fields['from']}, to: {fields['to']}}}]\n"
                        f"  cycleRestarts: [{{date: 2027-01-04, week: '{fields['week']}'}}]\n")
            school = run.path("calendar.yaml", text + ("" if text.endswith("\n") else "\n") + calendar)
            for command in (["validate", school], ["check", school, timetable],
                            ["render", school, timetable, "--format", "ics", "--out", run.path("calendar-ics")],
                            ["report", school, timetable, "--format", "json"]):
                run.case("calendars", f"{key}={value} {command[0]}", command, names=("calendar.yaml",))
    for value in ("99999-01-01", "0001-01-01", "9999-12-31", "x"):
        run.case("calendars", f"--enrolment-week {value}",
                 ["render", os.path.abspath(FIXTURE_SCHOOL), timetable, "--format", "ics", "--term-start", "2026-08-31",
                  "--enrolment-week", value, "--out", run.path("week-ics")], names=("--enrolment-week",))


def readers(run):
    """Alias bombs, deep nesting, duplicate keys, binary and damaged files for every reader."""
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    cases = {
        "alias bomb.yaml": "name: x\n" + bomb,
        "alias bomb.json": "name: x\n" + bomb,
        "deep.yaml": "name: " + "[" * 100000 + "]" * 100000,
        "deep.json": '{"name": ' + "[" * 100000 + "]" * 100000 + "}",
        "duplicate.json": '{"schema": "rooster-school/1", "name": "a", "name": "b"}',
        "duplicate.yaml": "schema: rooster-school/1\nname: a\nname: b\n",
        "empty.yaml": "",
        "nul.yaml": "name: \x00\x01\x1b[31m\n",
        "binary.yaml": "".join(chr(i) for i in range(1, 256)) * 40,
        "bom.yaml": "\ufeff" + school_text(),
        "crlf.yaml": school_text().replace("\n", "\r\n"),
        "truncated.yaml": school_text()[: len(school_text()) // 2],
        "huge-line.yaml": "name: " + "x" * 20_000_000 + "\n",
        "tabs.yaml": school_text().replace("  ", "\t"),
    }
    for name, text in cases.items():
        path = run.path(name, text)
        run.case("readers: school files", name, ["validate", path], names=(name,))
    ctt = open(FIXTURE_CTT, encoding="utf-8").read()
    ctt_cases = {
        "huge counts.ctt": ctt.replace("Courses: 30", "Courses: 99999999999999"),
        "negative.ctt": ctt.replace("Rooms: 6", "Rooms: -6"),
        "many rooms.ctt": ctt.replace("Rooms: 6", "Rooms: 400000").replace("ROOMS:\n", "ROOMS:\n" + "".join(f"r{i} 30\n" for i in range(400000))),
        "garbage.ctt": "Name: x\n" + "\x00" * 1000,
    }
    for name, text in ctt_cases.items():
        path = run.path(name, text)
        run.case("readers: .ctt", name, ["validate", path], names=(name,))
    archive = open(FIXTURE_XHSTT, encoding="utf-8").read()
    many_times = "".join(f'<Time Id="x{i}"><Name>x{i}</Name><Day Reference="Mo"/></Time>' for i in range(10000))
    many_resources = "".join(
        f'<Resource Id="r{i}"><Name>r{i}</Name><ResourceType Reference="Class"/></Resource>' for i in range(600))
    xhstt_cases = {
        "entity.xml": archive.replace("<HighSchoolTimetableArchive>", '<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><HighSchoolTimetableArchive>', 1),
        "unknown reference.xml": archive.replace('<Course Reference="EN-C2"/>', '<Course Reference="nope"/>'),
        "huge weight.xml": archive.replace("<Weight>10</Weight>", "<Weight>99999999999999999999</Weight>"),
        "negative duration.xml": archive.replace("<Name>EN C2</Name><Duration>1</Duration>", "<Name>EN C2</Name><Duration>-4</Duration>"),
        "resources times.xml": archive.replace('<Time Id="Tu3">', many_times + '<Time Id="Tu3">').replace(
            '<Resource Id="Room_Gym">', many_resources + '<Resource Id="Room_Gym">'),
        "two days.xml": archive.replace('<Time Id="Mo3"><Name>ma3</Name><Day Reference="Mo"/>', '<Time Id="Mo3"><Name>ma3</Name><Day Reference="Mo"/><Day Reference="Tu"/>'),
        "unknown event in solution.xml": archive.replace('<Event Reference="L2"><Duration>1</Duration><Time Reference="Tu3"/>', '<Event Reference="L9"><Duration>1</Duration><Time Reference="Tu3"/>'),
        "split solution.xml": archive.replace('<Event Reference="P1"><Duration>2</Duration><Time Reference="Mo2"/>', '<Event Reference="P1"><Duration>1</Duration><Time Reference="Mo2"/></Event><Event Reference="P1"><Duration>1</Duration><Time Reference="Tu2"/>', 1),
        "truncated.xml": archive[: len(archive) // 2],
        "deep.xml": "<HighSchoolTimetableArchive>" + "<a>" * 100000 + "</a>" * 100000 + "</HighSchoolTimetableArchive>",
    }
    for name, text in xhstt_cases.items():
        path = run.path(name, text)
        out = run.path("solution.xml", archive)
        run.case("readers: XHSTT", f"{name} validate", ["validate", path], names=(name,))
        run.case("readers: XHSTT", f"{name} check", ["check", path], names=(name,))
        run.case("readers: XHSTT", f"{name} check as solution", ["check", os.path.abspath(FIXTURE_XHSTT), path], names=(name,))
        run.case("readers: XHSTT", f"{name} solve", ["solve", path, "--iterations", "200", "--out", out], names=(name,), keep=out)
    school = os.path.abspath(FIXTURE_SCHOOL)
    timetable_cases = {
        "repeated.json": json.dumps({"placements": [{"lesson": "1M1-ne", "start": {"day": "mon", "period": 2}}] * 2000}),
        "week huge.json": json.dumps({"placements": [], "coachMeetings": [{"student": "S1", "coach": "T1", "week": 2**62, "slot": {"day": "mon", "period": 0}}]}),
        "not json.json": "{{{",
        "array.json": "[1, 2, 3]",
    }
    for name, text in timetable_cases.items():
        path = run.path(name, text)
        for command in ("check", "render", "report"):
            run.case("readers: timetables", f"{name} {command}", [command, school, path], names=(name,))
    sol = run.path("repeated.sol", "c0001 B 0 0\n" * 2000)
    run.case("readers: timetables", "2,000 identical .sol lines", ["check", os.path.abspath(FIXTURE_CTT), sol], names=("repeated.sol",))
    csv_cases = {
        "cr only.csv": "student,lesson,rank\rS1,K-tue1-1-gs-processing,1\r",
        "rank huge.csv": "student,lesson,rank\nS1,K-tue1-1-gs-processing,99999999999999999999\n",
        "unknown.csv": "student,lesson,rank\nS9999,K-tue1-1-gs-processing,1\n",
        "binary.csv": "\x00\xff" * 500,
        "quotes.csv": 'student,lesson,rank\n"S1,K-tue1-1-gs-processing,1\n',
    }
    for name, text in csv_cases.items():
        path = run.path(name, text)
        out = run.path("enrolment.csv", "kept\n")
        run.case("readers: CSV", name, ["enrol", school, "--timetable", os.path.abspath(FIXTURE_TIMETABLE), "--requests", path,
                                         "--out", out], names=(name,), keep=out)


def writes(run):
    """Outputs that are folders, devices, pipes, read-only or missing; failed and interrupted solves."""
    school = os.path.abspath(FIXTURE_SCHOOL)
    good = run.path("good.json", open(FIXTURE_TIMETABLE, encoding="utf-8").read())
    fifo = os.path.join(run.work, "pipe")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    folder = os.path.join(run.work, "a-folder")
    os.makedirs(folder, exist_ok=True)
    readonly = os.path.join(run.work, "read-only")
    os.makedirs(readonly, exist_ok=True)
    os.chmod(readonly, stat.S_IRUSR | stat.S_IXUSR)
    targets = {"a folder": folder, "a pipe": fifo, "/dev/null": "/dev/null", "a missing folder": "/nonexistent-rooster/x.json",
               "a read-only folder": os.path.join(readonly, "x.json")}
    for label, target in targets.items():
        for command in (["solve", school, "--iterations", "1000", "--quiet", "--out", target],
                        ["convert", school, target],
                        ["generate", "--students", "20", "--out", target],
                        ["enrol", school, "--timetable", os.path.abspath(FIXTURE_TIMETABLE), "--out", target],
                        ["coach", school, "--timetable", os.path.abspath(FIXTURE_TIMETABLE), "--out", target]):
            result = run.case("writes", f"{command[0]} to {label}", command, names=(target, "--out"))
            if result and result[0] == 0 and label != "/dev/null" and os.geteuid() != 0:
                run.record("writes", f"{command[0]} to {label} succeeded", "data loss", "should be refused")
    # A failed GLPK solve leaves a good --out alone.
    run.case("writes", "glpk finds nothing", ["solve", school, "--solver", "glpk", "--iterations", "1", "--out", good],
             names=("good.json",), keep=good)
    # SIGTERM during a solve: the output is a complete timetable afterwards.
    for solver in ("heuristic", "auto", "glpk"):
        # Bounds that never decide (the most moves and seconds allowed): only the signal ends the run.
        result = run.case("signals", f"SIGTERM during {solver}", ["solve", os.path.abspath("Examples/bioritme/school.yaml"),
                          "--solver", solver, "--iterations", "1000000000000", "--time-limit", "604800", "--out", good],
                          interrupt_after=3, timeout=20)
        if result:
            try:
                json.load(open(good, encoding="utf-8"))
                run.record("signals", f"{solver}: output readable", "ok")
            except ValueError:
                run.record("signals", f"{solver}: output readable", "data loss", "not a complete timetable")
            elapsed = result[3]
            if elapsed > 3 + 5:
                run.record("signals", f"{solver}: stops promptly", "hang", f"{elapsed:.1f} s after the signal")
            else:
                run.record("signals", f"{solver}: stops promptly", "ok")


def output(run):
    """Names with control characters and formulas, through every renderer."""
    text = school_text().replace("name: Generated bioritme school", "name: \"\\e[31mred\\0 =cmd|' /C calc'!A0\"", 1)
    school = run.path("hostile-names.yaml", text)
    timetable = os.path.abspath(FIXTURE_TIMETABLE)
    for fmt in ("text", "csv", "json"):
        result = run.case("output", f"render {fmt}", ["render", school, timetable, "--format", fmt], names=("hostile-names.yaml",))
        if result and "\x1b" in result[1]:
            run.record("output", f"render {fmt}: no raw escape", "unclear", "ESC reaches the terminal")
    out = os.path.join(run.work, "rendered")
    run.case("output", "render html, ics", ["render", school, timetable, "--format", "html", "--out", out], names=("hostile-names.yaml",))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooster", default=".build/release/rooster")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    arguments = parser.parse_args()
    rooster = os.path.abspath(arguments.rooster)
    work = tempfile.mkdtemp(prefix="rooster-hostile-")
    run = Run(rooster, work)
    started = time.monotonic()
    try:
        for family in (numbers, calendars, readers, writes, output):
            family(run)
    finally:
        os.chmod(os.path.join(work, "read-only"), stat.S_IRWXU) if os.path.exists(os.path.join(work, "read-only")) else None
        shutil.rmtree(work, ignore_errors=True)
    columns = ["cases", "crash", "hang", "data loss", "unclear", "exit code"]
    print("| Family | " + " | ".join(columns) + " |")
    print("| --- |" + " ---: |" * len(columns))
    for family, row in run.rows.items():
        print(f"| {family} | " + " | ".join(str(row[c]) for c in columns) + " |")
    total = {c: sum(row[c] for row in run.rows.values()) for c in columns}
    print("| **all** | " + " | ".join(str(total[c]) for c in columns) + " |")
    print(f"\n{total['cases']} cases in {time.monotonic() - started:.0f} s")
    for line in run.bad:
        print("BAD", line)
    return 1 if run.bad else 0


if __name__ == "__main__":
    sys.exit(main())
