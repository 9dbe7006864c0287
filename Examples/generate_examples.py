#!/usr/bin/env python3
"""Regenerates the bundled example schools and their example timetables.

    python3 Examples/generate_examples.py

Each example is built from the seed documents (Leerling 2020 leerlab portraits) and written as
`school.yaml` (Rooster's school schema) and `timetable.json` (a feasible timetable for it). The
timetable is made here by a plain randomised greedy placement, so that `rooster check` has a real
timetable to score before Rooster's own solvers exist; it is a fixture, not a good timetable: the
soft score leaves plenty to improve. Where the greedy placement cannot place an occurrence, the
lesson is written with the count that was placed, so the school and the timetable always agree.

Deterministic: the same seed gives the same files. Needs PyYAML.
"""

import json
import random
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DAYS = [("mon", "Mon"), ("tue", "Tue"), ("wed", "Wed"), ("thu", "Thu"), ("fri", "Fri")]

SUBJECT_NAMES = {
    "ne": ("Dutch", "#e6194b"), "en": ("English", "#3cb44b"), "wi": ("Maths", "#4363d8"),
    "bi": ("Biology", "#2e8b57"), "gs": ("History", "#f58231"), "ak": ("Geography", "#911eb4"),
    "lo": ("Physical education", "#46f0f0"), "du": ("German", "#f032e6"), "fa": ("French", "#bcf60c"),
    "na": ("Physics-chemistry", "#008080"), "ec": ("Economics", "#9a6324"), "men": ("Mentor lesson", "#808080"),
    "ds": ("Day start", "#aaaaaa"), "ws": ("Workshop", "#ffd8b1"), "ku": ("Arts", "#fabebe"),
    "keuze": ("Choice lesson", "#e6beff"), "olc": ("Open learning centre", "#fffac8"),
}

# Subjects that need a room of their own kind.
ROOM_KIND = {"lo": "gym", "na": "lab", "ku": "studio"}

FIRST_NAMES = ["Anna", "Bram", "Daan", "Emma", "Fleur", "Gijs", "Hanna", "Iris", "Jesse", "Julia", "Lars", "Lotte",
               "Milan", "Noa", "Olivier", "Puck", "Roos", "Sem", "Tess", "Thijs", "Vera", "Wout", "Yara", "Zoë",
               "Sanne", "Luuk", "Maud", "Ruben", "Femke", "Jasper"]
LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos",
              "Vos", "Peters", "Hendriks", "van Dijk", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "Hoekstra",
              "Postma", "Kok", "Jacobs", "van der Meer", "Willems", "Koster", "Prins", "Huisman"]


class Example:
    """A school under construction together with a greedy timetable that stays feasible."""

    def __init__(self, name, seed, weeks_in_cycle=1):
        self.rng = random.Random(seed)
        self.school = {"schema": "rooster-school/1", "name": name}
        if weeks_in_cycle > 1:
            self.school["weeksInCycle"] = weeks_in_cycle
        self.templates = {}      # template id -> list of period dicts
        self.day_template = []   # per day index, template id
        self.teachers = {}       # id -> dict
        self.rooms = {}          # id -> dict
        self.groups = {}         # id -> dict
        self.lessons = []
        self.clusters = []
        self.placements = []
        self.busy = set()        # (resource, day, period)
        self.reserved = set()    # (teacher, day, period) kept free for team time
        self.dropped = 0

    # -- calendar --------------------------------------------------------------------------

    def template(self, template_id, periods):
        self.templates[template_id] = periods

    def days(self, template_per_day):
        self.day_template = template_per_day
        self.school["days"] = [{"id": d, "name": n, "template": t} for (d, n), t in zip(DAYS, template_per_day)]

    def periods_of(self, day):
        return self.templates[self.day_template[day]]

    def slots_in(self, segments, duration=1):
        """Start slots where `duration` periods fit in the segments on one day."""
        result = []
        for day in range(len(self.day_template)):
            periods = self.periods_of(day)
            for start in range(len(periods) - duration + 1):
                if all(periods[start + k].get("segment") in segments for k in range(duration)):
                    result.append((day, start))
        return result

    # -- resources -------------------------------------------------------------------------

    def teacher(self, teacher_id, **fields):
        names = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"
        self.teachers[teacher_id] = {"id": teacher_id, "name": names, **fields}
        return teacher_id

    def room(self, room_id, capacity, kind="classroom", **fields):
        entry = {"id": room_id, "capacity": capacity}
        if kind != "classroom":
            entry["kind"] = kind
        entry.update(fields)
        self.rooms[room_id] = entry
        return room_id

    def group(self, group_id, year, level, size):
        self.groups[group_id] = {"id": group_id, "year": year, "level": level, "size": size}
        return group_id

    def teacher_free(self, teacher, day, period):
        t = self.teachers[teacher]
        if DAYS[day][0] in t.get("daysOff", []):
            return False
        if (teacher, day, period) in self.reserved:
            return False
        return ("t", teacher, day, period) not in self.busy

    def free_rooms(self, kind, size, day, periods):
        rooms = [r for r in self.rooms.values() if r.get("kind", "classroom") == kind and r["capacity"] >= size]
        rooms.sort(key=lambda r: r["capacity"])
        return [r["id"] for r in rooms if all(("r", r["id"], day, p) not in self.busy for p in periods)]

    # -- placing ---------------------------------------------------------------------------

    def can_place(self, lesson, day, start, rooms_needed=1, exclude_rooms=()):
        periods = range(start, start + lesson.get("duration", 1))
        for p in periods:
            if any(not self.teacher_free(t, day, p) for t in lesson.get("teachers", [])):
                return None
            if any(("g", g, day, p) in self.busy for g in lesson.get("groups", [])):
                return None
        if rooms_needed == 0:
            return []
        size = lesson.get("studentCount") or sum(self.groups[g]["size"] for g in lesson.get("groups", []))
        home = lesson.get("_home")
        if home:
            if all(("r", home, day, p) not in self.busy for p in periods):
                return [home]
        rooms = [r for r in self.free_rooms(lesson.get("roomKind", "classroom"), min(size, 30), day, periods) if r not in exclude_rooms]
        return rooms[:rooms_needed] if len(rooms) >= rooms_needed else None

    def occupy(self, lesson, day, start, rooms, mark_groups=True):
        for p in range(start, start + lesson.get("duration", 1)):
            for t in lesson.get("teachers", []):
                self.busy.add(("t", t, day, p))
            if mark_groups:
                for g in lesson.get("groups", []):
                    self.busy.add(("g", g, day, p))
            for r in rooms:
                self.busy.add(("r", r, day, p))
        self.placements.append({"lesson": lesson["id"], "day": DAYS[day][0], "period": start, "rooms": rooms})

    def add_lesson(self, lesson, segments, pinned=None):
        """Places `countPerWeek` occurrences greedily, at most one a day; keeps what fits."""
        wanted = lesson["countPerWeek"]
        candidates = self.slots_in(segments, lesson.get("duration", 1))
        self.rng.shuffle(candidates)
        if pinned is not None:
            candidates = pinned
        used_days, placed = set(), 0
        for day, start in candidates:
            if placed == wanted:
                break
            if day in used_days and pinned is None:
                continue
            rooms = self.can_place(lesson, day, start, lesson.get("roomCount", 1))
            if rooms is None:
                continue
            self.occupy(lesson, day, start, rooms)
            used_days.add(day)
            placed += 1
        if placed < wanted:
            self.dropped += wanted - placed
            lesson["countPerWeek"] = placed
            if "minDays" in lesson:
                lesson["minDays"] = placed
        lesson.pop("_home", None)
        if placed:
            self.lessons.append(lesson)
        return placed

    def add_class_lessons(self, classes, curriculum_of, pools, segment):
        """Places each class's weekly lessons, those that need a special room first, once a day at most."""
        jobs = []
        for index, c in enumerate(classes):
            for s, n in curriculum_of(c).items():
                jobs.append((0 if s in ROOM_KIND else 1, -n, index, c, s, n))
        jobs.sort()
        for _, _, index, c, s, n in jobs:
            lesson = {"id": f"{c}-{s}", "subject": s, "teachers": [assign(pools, s, index)], "groups": [c], "countPerWeek": n,
                      "allowedSegments": [segment], "maxPerDay": 1, "minDays": n}
            if s in ROOM_KIND:
                lesson["roomKind"] = ROOM_KIND[s]
            self.add_lesson(lesson, [segment])

    def add_cluster(self, cluster_id, name, kind, lessons, segments, count):
        """Places lessons that must run at the same time, `count` times a week on different days."""
        duration = lessons[0].get("duration", 1)
        candidates = self.slots_in(segments, duration)
        self.rng.shuffle(candidates)
        used_days, placed = set(), 0
        for day, start in candidates:
            if placed == count:
                break
            if day in used_days:
                continue
            chosen, taken = [], []
            for lesson in lessons:
                rooms = self.can_place(lesson, day, start, 1, exclude_rooms=taken)
                if rooms is None:
                    break
                chosen.append(rooms)
                taken += rooms
            if len(chosen) < len(lessons):
                continue
            for lesson, rooms in zip(lessons, chosen):
                self.occupy(lesson, day, start, rooms)
            used_days.add(day)
            placed += 1
        if placed < count:
            raise SystemExit(f"cluster {cluster_id}: placed {placed} of {count}; change the seed")
        for lesson in lessons:
            lesson["countPerWeek"] = count
            lesson.pop("_home", None)
            self.lessons.append(lesson)
        self.clusters.append({"id": cluster_id, "name": name, "kind": kind, "lessons": [l["id"] for l in lessons]})

    # -- output ----------------------------------------------------------------------------

    def write(self, folder, extra=None, timetable_extra=None):
        school = dict(self.school)
        used_subjects = sorted({l["subject"] for l in self.lessons if "subject" in l})
        school["segments"] = self.segments
        school["dayTemplates"] = [{"id": t, "periods": p} for t, p in self.templates.items()]
        school["days"] = self.school["days"]
        school["subjects"] = [{"id": s, "name": SUBJECT_NAMES[s][0], "color": SUBJECT_NAMES[s][1]} for s in used_subjects]
        school["teachers"] = list(self.teachers.values())
        school["rooms"] = list(self.rooms.values())
        school["groups"] = list(self.groups.values())
        school.update(extra or {})
        school["lessons"] = self.lessons
        if self.clusters:
            school["clusters"] = self.clusters
        for key in ("choiceRequests", "choiceLessonsPerWeek", "coaching", "teamTimes", "exemptions", "ruleWeights", "calendar"):
            if key in school:
                school[key] = school.pop(key)
        folder = HERE / folder
        folder.mkdir(exist_ok=True)
        header = (f"# {self.school['name']}: an example school for Rooster, generated by Examples/generate_examples.py.\n"
                  "# Schema: docs/school-format.md. Validate with: rooster validate <this file>\n")
        text = yaml.safe_dump(school, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)
        (folder / "school.yaml").write_text(header + text)
        timetable = {"schema": "rooster-timetable/1", "school": self.school["name"], "placements": self.placements}
        timetable.update(timetable_extra or {})
        (folder / "timetable.json").write_text(json.dumps(timetable, indent=1) + "\n")
        if school.get("choiceRequests"):
            # The week's requests as the spreadsheet or student app exports them, for `rooster enrol --requests`.
            rows = ["student,lesson,rank,required"] + [
                f"{r['student']},{r['lesson']},{r['rank']},{'yes' if r.get('required') else 'no'}" for r in school["choiceRequests"]]
            (folder / "requests.csv").write_text("\r\n".join(rows) + "\r\n")
        print(f"{folder.name}: {len(self.teachers)} teachers, {len(self.rooms)} rooms, {len(self.groups)} groups, "
              f"{len(self.lessons)} lessons, {len(self.placements)} placements, {self.dropped} occurrences dropped")

    def person(self):
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"


def subject_teachers(example, loads, per_teacher, prefix_counter, part_time_share=0.2):
    """Creates enough teachers per subject for its weekly load, some of them part-time."""
    pools = {}
    for subject, load in loads.items():
        count = max(1, -(-load // per_teacher))
        pools[subject] = []
        for _ in range(count):
            prefix_counter[0] += 1
            code = f"T{prefix_counter[0]:02d}"
            fields = {}
            if example.rng.random() < part_time_share:
                fields["daysOff"] = [example.rng.choice(["wed", "fri"])]
            example.teacher(code, **fields)
            pools[subject].append(code)
    return pools


def assign(pools, subject, index):
    pool = pools[subject]
    return pool[index % len(pool)]


# ------------------------------------------------------------------------------------------------
# 1. Bioritme school (Piter Jelles De Dyk): mentor lesson, choice lesson, instruction 10:00-14:00,
#    45-minute independent-work blocks, eight choice lessons a week, on-track exemption Tue-Thu.
# ------------------------------------------------------------------------------------------------

# The school year 2026-27 of a school in holiday region midden: the holidays as schools there publish
# them (the ministry sets the regional weeks; Easter, Whit Monday and the May holiday with King's Day,
# Liberation Day and Ascension are the same everywhere; schools may add days of their own). The
# spring holiday of region zuid (the week of carnival) is there to show a regional holiday, not
# checked against the ministry's list. Two study days and two exam weeks; A, B and C follow the
# school weeks.
SCHOOL_YEAR_2026_27 = {
    "start": "2026-08-31",
    "end": "2027-07-16",
    "region": "midden",
    "instructionHoursPerYear": 940,
    "holidays": [
        {"name": "Herfstvakantie", "from": "2026-10-17", "to": "2026-10-25"},
        {"name": "Kerstvakantie", "from": "2026-12-19", "to": "2027-01-03"},
        {"name": "Voorjaarsvakantie", "from": "2027-02-20", "to": "2027-02-28", "regions": ["midden"]},
        {"name": "Voorjaarsvakantie", "from": "2027-02-06", "to": "2027-02-14", "regions": ["zuid"]},
        {"name": "Goede Vrijdag", "date": "2027-03-26"},
        {"name": "Tweede Paasdag", "date": "2027-03-29"},
        {"name": "Meivakantie", "from": "2027-04-24", "to": "2027-05-09"},
        {"name": "Tweede Pinksterdag", "date": "2027-05-17"},
    ],
    "studyDays": [
        {"name": "Studiedag", "date": "2026-11-20"},
        {"name": "Studiedag", "date": "2027-03-10"},
    ],
    "examWeeks": [
        {"name": "Toetsweek 1", "from": "2027-01-25", "to": "2027-01-29"},
        {"name": "Toetsweek 2", "from": "2027-06-21", "to": "2027-06-25"},
    ],
}


def bioritme():
    ex = Example("Bioritme College (example)", seed=17, weeks_in_cycle=3)
    ex.segments = [
        {"id": "mentor", "name": "Mentor lesson", "kind": "mentor"},
        {"id": "choice", "name": "Choice lesson", "kind": "choice"},
        {"id": "instruction", "name": "Instruction (10:00-14:00)", "kind": "instruction"},
        {"id": "independent", "name": "Independent work", "kind": "independentWork"},
        {"id": "coach", "name": "Coach conversations", "kind": "coaching"},
    ]
    # Mentors coach their own class: 15-minute conversations once in three weeks, after the day.
    coach_windows = [{"start": "15:30", "length": 15, "segment": "coach"},
                     {"start": "15:45", "length": 15, "segment": "coach"}]
    long_day = [
        {"name": "mentor", "start": "08:30", "length": 20, "segment": "mentor"},
        {"name": "choice", "start": "08:55", "length": 50, "segment": "choice"},
        {"name": "1", "start": "10:00", "length": 50, "segment": "instruction"},
        {"name": "2", "start": "10:50", "length": 50, "segment": "instruction"},
        {"name": "3", "start": "12:10", "length": 50, "segment": "instruction"},
        {"name": "4", "start": "13:00", "length": 50, "segment": "instruction"},
        {"name": "choice 2", "start": "14:00", "length": 45, "segment": "choice"},
        {"name": "work", "start": "14:45", "length": 45, "segment": "independent"},
    ]
    ex.template("bioritme", long_day + coach_windows)
    ex.template("friday", long_day[:6] + coach_windows)
    ex.days(["bioritme"] * 4 + ["friday"])

    curricula = {
        1: {"ne": 3, "en": 2, "wi": 3, "bi": 2, "gs": 2, "ak": 2, "lo": 2, "fa": 2},
        2: {"ne": 3, "en": 2, "wi": 3, "bi": 1, "gs": 1, "ak": 1, "lo": 2, "du": 2, "na": 1, "fa": 1},
        3: {"ne": 3, "en": 2, "wi": 3, "bi": 1, "gs": 1, "lo": 2, "du": 2, "na": 2, "ec": 1, "fa": 1},
    }
    classes = []
    for year in (1, 2, 3):
        for level, letter, count in (("mavo", "M", 3), ("havo", "H", 3), ("vwo", "V", 2)):
            for n in range(1, count + 1):
                classes.append(ex.group(f"{year}{letter}{n}", year, level, 25))

    def subjects_of(group_id):
        g = ex.groups[group_id]
        subjects = dict(curricula[g["year"]])
        if g["level"] == "mavo":
            subjects.pop("fa", None)
        return subjects

    loads = {}
    for c in classes:
        for s, n in subjects_of(c).items():
            loads[s] = loads.get(s, 0) + n
    counter = [0]
    pools = subject_teachers(ex, loads, per_teacher=15, prefix_counter=counter)

    for n in range(1, 31):
        ex.room(f"A{n:02d}", 30, site="main")
    ex.room("GYM1", 30, "gym")
    ex.room("GYM2", 30, "gym")
    ex.room("GYM3", 30, "gym")
    ex.room("LAB1", 28, "lab")
    ex.room("LAB2", 28, "lab")
    ex.room("OLC", 120, "openLearningCentre", name="Open learning centre")

    # Mentor lessons first: every class daily at 08:30 in its home room, with its own mentor.
    teachers = list(ex.teachers)
    full_time = [t for t in teachers if "daysOff" not in ex.teachers[t]]
    mentors = {}
    for i, c in enumerate(classes):
        mentor = full_time[i % len(full_time)]
        mentors[c] = mentor
        ex.teachers[mentor]["coach"] = {"caseload": 30}
        lesson = {"id": f"{c}-men", "subject": "men", "teachers": [mentor], "groups": [c], "countPerWeek": 5,
                  "allowedSegments": ["mentor"], "maxPerDay": 1, "_home": f"A{i + 1:02d}"}
        ex.add_lesson(lesson, ["mentor"], pinned=[(d, 0) for d in range(5)])

    # Instruction lessons, most constrained first (gym, lab), in instruction time only.
    ex.add_class_lessons(classes, subjects_of, pools, "instruction")

    # Choice lessons: 8 a week per student from 9 choice periods (08:55 daily, 14:00 Mon-Thu).
    kinds = [("support", "Support"), ("processing", "Processing"), ("talent", "Talent")]
    choice_slots = ex.slots_in(["choice"])
    offerings = []
    for day, period in choice_slots:
        free = [t for t in teachers if ex.teacher_free(t, day, period)]
        ex.rng.shuffle(free)
        for k, t in enumerate(free[:19]):
            subject = next(s for s, pool in pools.items() if t in pool)
            kind, label = kinds[k % 3]
            lid = f"K-{DAYS[day][0]}{period}-{k + 1:02d}-{subject}-{kind}"
            rooms = ex.free_rooms("classroom", 28, day, [period])
            lesson = {"id": lid, "subject": subject, "teachers": [t], "countPerWeek": 1, "studentCount": 28,
                      "allowedSegments": ["choice"], "choice": {"kind": kind, "capacity": 28, "minimumSize": 5}}
            ex.occupy(lesson, day, period, rooms[:1], mark_groups=False)
            ex.lessons.append(lesson)
            offerings.append((lesson, (day, period)))
        olc = {"id": f"K-olc-{DAYS[day][0]}{period}", "subject": "olc", "teachers": [free[19]], "countPerWeek": 1,
               "studentCount": 120, "roomKind": "openLearningCentre", "allowedSegments": ["choice"],
               "choice": {"kind": "processing", "capacity": 120}}
        ex.occupy(olc, day, period, ["OLC"], mark_groups=False)
        ex.lessons.append(olc)
        offerings.append((olc, (day, period)))

    # Students, their ranked requests, and an enrolment that fills 8 of their 9 choice periods.
    students, requests, enrolments = [], [], []
    seats = {l["id"]: l["choice"]["capacity"] for l, _ in offerings}
    by_slot = {}
    for lesson, slot in offerings:
        by_slot.setdefault(slot, []).append(lesson)
    number = 0
    for c in classes:
        for _ in range(25):
            number += 1
            sid = f"S{number:04d}"
            on_track = ex.rng.random() < 0.35
            student = {"id": sid, "name": ex.person(), "groups": [c], "coaches": [mentors[c]]}
            if on_track:
                student["onTrack"] = True
            students.append(student)
            ranked = ex.rng.sample([l for l, _ in offerings if l["subject"] != "olc"], 6)
            taken_slots, chosen = set(), []
            for rank, lesson in enumerate(ranked, 1):
                request = {"student": sid, "lesson": lesson["id"], "rank": rank}
                slot = next(s for l, s in offerings if l is lesson)
                if slot not in taken_slots and seats[lesson["id"]] > 0 and len(chosen) < 8:
                    seats[lesson["id"]] -= 1
                    taken_slots.add(slot)
                    chosen.append(lesson["id"])
                    if rank == 1 and ex.rng.random() < 0.1 and lesson["choice"]["kind"] == "support":
                        request["required"] = True
                requests.append(request)
            skip = ex.rng.choice([s for s in choice_slots if s not in taken_slots])
            for slot in choice_slots:
                if slot in taken_slots or slot == skip:
                    continue
                options = sorted(by_slot[slot], key=lambda l: -seats[l["id"]])
                lesson = options[0]
                seats[lesson["id"]] -= 1
                chosen.append(lesson["id"])
            for lid in chosen:
                enrolments.append({"student": sid, "lesson": lid})

    # Cancel sessions below their minimum size: move their students to the open learning centre.
    counts = {}
    for e in enrolments:
        counts[e["lesson"]] = counts.get(e["lesson"], 0) + 1
    lesson_by_id = {l["id"]: l for l, _ in offerings}
    slot_of = {l["id"]: s for l, s in offerings}
    for e in enrolments:
        lesson = lesson_by_id[e["lesson"]]
        if 0 < counts[e["lesson"]] < lesson["choice"].get("minimumSize", 0):
            e["lesson"] = next(l["id"] for l in by_slot[slot_of[e["lesson"]]] if l["subject"] == "olc")
    for r in requests:
        if r.get("required") and not any(e["student"] == r["student"] and e["lesson"] == r["lesson"] for e in enrolments):
            del r["required"]

    extra = {
        "students": students,
        "choiceRequests": requests,
        "choiceLessonsPerWeek": 8,
        "coaching": {"length": 15, "intervalInWeeks": 3, "segment": "coach"},
        "exemptions": [{"lesson": f"{c}-men", "days": ["tue", "wed", "thu"]} for c in classes],
        "ruleWeights": {"teacherGaps": 1, "groupGaps": 3},
        "calendar": SCHOOL_YEAR_2026_27,
    }
    ex.write("bioritme", extra, {"enrolments": enrolments})


# ------------------------------------------------------------------------------------------------
# 2. Coach school (Kennemer College, RSG Slingerbos): coach conversations from 8:15, teachers' day
#    start 8:45, group day start 9:00, day end 14:00/15:00, a three-week coach cycle, two coaches
#    per student, workshops that mix two first-year classes and a second-year class, team time.
# ------------------------------------------------------------------------------------------------

def coach():
    ex = Example("Coach College (example)", seed=23, weeks_in_cycle=3)
    ex.segments = [
        {"id": "coach", "name": "Coach conversations", "kind": "coaching"},
        {"id": "teacherStart", "name": "Teachers' day start", "kind": "other"},
        {"id": "dayStart", "name": "Group day start", "kind": "mentor"},
        {"id": "lessons", "name": "Lessons", "kind": "instruction"},
    ]
    long_day = [
        {"start": "08:15", "length": 15, "segment": "coach"},
        {"start": "08:30", "length": 15, "segment": "coach"},
        {"start": "08:45", "length": 15, "segment": "teacherStart"},
        {"start": "09:00", "length": 15, "segment": "dayStart"},
        {"name": "1", "start": "09:15", "length": 60, "segment": "lessons"},
        {"name": "2", "start": "10:15", "length": 60, "segment": "lessons"},
        {"name": "3", "start": "11:30", "length": 60, "segment": "lessons"},
        {"name": "4", "start": "13:00", "length": 60, "segment": "lessons"},
        {"name": "5", "start": "14:00", "length": 60, "segment": "lessons"},
    ]
    ex.template("long", long_day)
    ex.template("short", long_day[:8])
    ex.days(["long", "long", "short", "long", "short"])

    curricula = {
        1: {"ne": 3, "en": 2, "wi": 3, "bi": 2, "gs": 2, "ak": 2, "lo": 2, "ku": 1},
        2: {"ne": 3, "en": 2, "wi": 3, "bi": 1, "gs": 1, "ak": 1, "lo": 2, "du": 2, "na": 2},
    }
    classes = []
    for year in (1, 2):
        for letter in "ABCDEFGH":
            classes.append(ex.group(f"{year}{letter}", year, "havo/vwo" if letter < "E" else "mavo/havo", 26))
    loads = {}
    for c in classes:
        for s, n in curricula[ex.groups[c]["year"]].items():
            loads[s] = loads.get(s, 0) + n
    counter = [0]
    pools = subject_teachers(ex, loads, per_teacher=14, prefix_counter=counter)
    for n in range(1, 21):
        ex.room(f"L{n:02d}", 30)
    ex.room("GYM1", 30, "gym")
    ex.room("GYM2", 30, "gym")
    ex.room("LAB", 30, "lab")
    ex.room("ATELIER", 30, "studio")

    teachers = list(ex.teachers)
    # A development team released together: no lessons on Thursday 14:00 and Friday 13:00.
    team = [t for t in teachers if "daysOff" not in ex.teachers[t]][:5]
    for t in team:
        ex.reserved.update({(t, 3, 8), (t, 4, 7)})
    full_time = [t for t in teachers if "daysOff" not in ex.teachers[t]]
    mentors = {}
    for i, c in enumerate(classes):
        mentor = full_time[i % len(full_time)]
        mentors[c] = mentor
        lesson = {"id": f"{c}-ds", "subject": "ds", "teachers": [mentor], "groups": [c], "countPerWeek": 5,
                  "allowedSegments": ["dayStart"], "maxPerDay": 1, "pinned": [{"day": d, "period": 3} for d, _ in DAYS],
                  "_home": f"L{i + 1:02d}"}
        ex.add_lesson(lesson, ["dayStart"], pinned=[(d, 3) for d in range(5)])

    # Workshops: 1A + 1B + 2A mixed over three workshops at the same time (and likewise for other trios).
    trios = [("1A", "1B", "2A"), ("1C", "1D", "2B"), ("1E", "1F", "2C"), ("1G", "1H", "2D")]
    for n, trio in enumerate(trios):
        lessons = []
        for k, (subject, kind) in enumerate((("ku", "studio"), ("ws", "classroom"), ("ws", "classroom"))):
            lessons.append({"id": f"WS{n + 1}-{k + 1}", "subject": subject, "teachers": [teachers[(7 * n + 3 * k + 5) % len(teachers)]],
                            "groups": list(trio), "countPerWeek": 1, "studentCount": 26, "roomKind": kind,
                            "allowedSegments": ["lessons"]})
        ex.add_cluster(f"workshops-{n + 1}", f"Workshops {'+'.join(trio)}", "elective", lessons, ["lessons"], count=1)

    ex.add_class_lessons(classes, lambda c: curricula[ex.groups[c]["year"]], pools, "lessons")

    # Two coaches per student; conversations of 15 minutes once every three weeks with the first.
    coaches = [t for t in teachers if "daysOff" not in ex.teachers[t]]
    for t in coaches:
        ex.teachers[t]["coach"] = {"caseload": 60}
    windows = [(w, d, p) for w in range(3) for d in range(5) for p in (0, 1)]
    students, meetings = [], []
    load = {t: 0 for t in coaches}
    number = 0
    for c in classes:
        for _ in range(26):
            number += 1
            sid = f"L{number:04d}"
            first = min(coaches, key=lambda t: (load[t], t))
            load[first] += 1
            second = mentors[c] if mentors[c] != first else coaches[(coaches.index(first) + 1) % len(coaches)]
            students.append({"id": sid, "name": ex.person(), "groups": [c], "coaches": [first, second]})
            week, day, period = windows[(load[first] - 1) * 7 % len(windows)]
            meetings.append({"student": sid, "coach": first, "week": week, "day": DAYS[day][0], "period": period})
    extra = {
        "students": students,
        "coaching": {"length": 15, "intervalInWeeks": 3, "segment": "coach"},
        "teamTimes": [{"id": "devteam", "name": "Development team", "teachers": team, "commonFreePeriods": 2,
                       "segment": "lessons"}],
    }
    ex.write("coach", extra, {"coachMeetings": meetings})


# ------------------------------------------------------------------------------------------------
# 3. Block-hour school (CC Groevenbeek): maths, biology and physics-chemistry at the same time in
#    blocks of three hours, students choose subject and room; German in 2 vwo on three levels at once.
# ------------------------------------------------------------------------------------------------

def blocks():
    ex = Example("Block Hour Lyceum (example)", seed=5)
    ex.segments = [
        {"id": "block", "name": "Block hours", "kind": "block"},
        {"id": "lessons", "name": "Lessons", "kind": "instruction"},
    ]
    day = [
        {"name": "B1", "start": "08:30", "length": 60, "segment": "block"},
        {"name": "B2", "start": "09:30", "length": 60, "segment": "block"},
        {"name": "B3", "start": "10:30", "length": 60, "segment": "block"},
        {"name": "4", "start": "12:00", "length": 50, "segment": "lessons"},
        {"name": "5", "start": "12:50", "length": 50, "segment": "lessons"},
        {"name": "6", "start": "13:40", "length": 50, "segment": "lessons"},
        {"name": "7", "start": "14:30", "length": 50, "segment": "lessons"},
    ]
    ex.template("day", day)
    ex.days(["day"] * 5)
    classes = []
    for year in (2, 3):
        for level, letter, count in (("mavo", "M", 3), ("havo", "H", 3), ("vwo", "V", 3)):
            for n in range(1, count + 1):
                classes.append(ex.group(f"{year}{letter}{n}", year, level, 27))
    counter = [0]
    other = {"ne": 3, "en": 2, "gs": 2, "ak": 2, "lo": 2, "fa": 1}
    loads = {s: n * len(classes) for s, n in other.items()}
    loads["du"] = 2 * len(classes)
    pools = subject_teachers(ex, loads, per_teacher=15, prefix_counter=counter)
    for s in ("wi", "bi", "na"):
        pools[s] = [ex.teacher(f"{s.upper()}{k}") for k in range(1, 7)]
    for n in range(1, 19):
        ex.room(f"C{n:02d}", 30)
    for n in range(1, 4):
        ex.room(f"LAB{n}", 30, "lab")
    ex.room("GYM1", 30, "gym")
    ex.room("GYM2", 30, "gym")
    ex.room("GYM3", 30, "gym")

    # Block hours: each trio of parallel classes has maths, biology and physics-chemistry at once,
    # three hours, twice a week; students pick a subject (and so a room) per block.
    enrolments = []
    students = []
    number = 0
    trio_index = 0
    for year in (2, 3):
        for letter in "MHV":
            trio = [f"{year}{letter}{n}" for n in (1, 2, 3)]
            lessons = []
            for k, subject in enumerate(("wi", "bi", "na")):
                lessons.append({"id": f"BLK{year}{letter}-{subject}", "subject": subject,
                                "teachers": [pools[subject][trio_index % 6]], "groups": trio, "countPerWeek": 2,
                                "duration": 3, "studentCount": 27, "roomKind": "lab" if subject == "na" else "classroom",
                                "allowedSegments": ["block"]})
            ex.add_cluster(f"block-{year}{letter}", f"Block hour {year} {letter}", "blockHour", lessons, ["block"], count=2)
            trio_index += 1
            for g in trio:
                for _ in range(27):
                    number += 1
                    sid = f"B{number:04d}"
                    students.append({"id": sid, "name": ex.person(), "groups": [g]})
                    enrolments.append({"student": sid, "lesson": lessons[number % 3]["id"]})

    # German on three levels in parallel for the vwo classes of a year.
    for year in (2, 3):
        vwo = [f"{year}V{n}" for n in (1, 2, 3)]
        lessons = [{"id": f"DU{year}V-{level}", "subject": "du", "teachers": [pools["du"][k % len(pools["du"])]],
                    "groups": vwo, "countPerWeek": 2, "studentCount": 27, "allowedSegments": ["lessons"]}
                   for k, level in enumerate(("basis", "midden", "plus"))]
        ex.add_cluster(f"german-{year}V", f"German {year} vwo on three levels", "parallelLevels", lessons, ["lessons"], count=2)
        for s in students:
            if s["groups"][0] in vwo:
                enrolments.append({"student": s["id"], "lesson": lessons[int(s["id"][1:]) % 3]["id"]})

    ex.add_class_lessons(classes, lambda c: other if c[1] == "V" else {**other, "du": 2}, pools, "lessons")
    ex.write("blocks", {"students": students}, {"enrolments": enrolments})


if __name__ == "__main__":
    bioritme()
    coach()
    blocks()
    sys.exit(0)
