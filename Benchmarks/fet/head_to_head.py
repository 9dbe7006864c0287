#!/usr/bin/env python3
"""Rooster against FET's own solver on real school files, on one machine in one run.

For each FET file and seed, fet-cl and `rooster solve --solver heuristic --threads 1` run side by
side (one core each): the time each needs for a first timetable that breaks no hard constraint
(fet-cl: its wall time when logs/result.txt says the simulation succeeded; it exits 0 on a timeout
too, so the log decides; Rooster: `timeToFeasible` of `solve --json`), and the soft cost of both
timetables as Rooster's checker scores them (FET's timetable read from its *_activities.xml).
Rooster runs for --rooster-seconds in all and reports the soft cost it reached by then; FET stops
at its first complete timetable.

Needs Debian's `fet` and `fet-data` (apt-get install -y fet fet-data) and a release build of
rooster (swift build -c release --product rooster). Usage, from the repository root:

    python3 Benchmarks/fet/head_to_head.py [--seeds 3] [--fet-seconds 120] [--rooster-seconds 30] [FILE ...]

Without files it takes the FET example files listed in FILES (those Rooster imports completely,
163 to 1,477 activities). Prints a Markdown table; medians over the seeds.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

EXAMPLES = Path("/usr/share/doc/fet-data/examples")
FILES = [
    "FET-5-official/United-Kingdom/Hopwood/Hopwood.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/ErnstJagerCSY2016T2a.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/HashiyanaPSY16T2a.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/StAndrewsPSY2016T2a.fet",
    "FET-5-official/Algeria/Mechanical-Batna_Univ/ET2012-2013-S2.fet",
    "FET-5-official/Namibia/by-Bobby/set-5/KalengaPSY15T1a.fet",
    "FET-5-official/Indonesia/SMK-Negeri-1-Arahan-Kab-Indramayu/netura_2016-2017.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/RehobothPSY16T1a.fet",
    "FET-5-official/Namibia/by-Bobby/set-1/Van_RhynFinal.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/NamutuniPSY16T2a.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/NamibiaPSY16T1f.fet",
    "FET-5-official/Namibia/by-Bobby/set-6-2016/MAPSY16T1d.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/HavanaPSY2016T2b.fet",
    "FET-5-official/India/St-Marys-College/St-Marys-College-Puthanagadi.fet",
    "FET-5-official/Namibia/by-Bobby/set-7-2016/EGS2016T2d.fet",
    "FET-5-official/South-Africa/Western-Cape/Robertson/MHS_Covid_Final.fet",
]


def activities(path):
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    return text.count("<Activity>")


def run_fet(path, seed, seconds, work):
    out = Path(work) / f"fet-{seed}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    seeds = [f"--randomseeds10={seed}", "--randomseeds11=7", "--randomseeds12=11",
             f"--randomseeds20={seed}", "--randomseeds21=13", "--randomseeds22=17"]
    started = time.monotonic()
    subprocess.Popen(["fet-cl", f"--inputfile={path}", f"--outputdir={out}", f"--timelimitseconds={seconds}",
                      "--htmllevel=0", *seeds], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).wait()
    elapsed = time.monotonic() - started
    result = (out / "logs" / "result.txt")
    solved = result.exists() and "successful" in result.read_text(errors="replace")
    timetable = next(out.glob("timetables/*/*_activities.xml"), None)
    return (elapsed if solved else None), (timetable if solved else None)


def run_rooster(rooster, path, seed, seconds, work):
    out = Path(work) / f"rooster-{seed}.json"
    process = subprocess.Popen([rooster, "solve", path, "--solver", "heuristic", "--threads", "1", "--seed", str(seed),
                                "--time-limit", str(seconds), "--json", "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    stdout, _ = process.communicate()
    try:
        result = json.loads(stdout)
    except json.JSONDecodeError:
        return None, None
    return result.get("timeToFeasible"), (out if result.get("hard") == 0 else None)


def soft(rooster, path, timetable):
    if timetable is None:
        return None
    done = subprocess.run([rooster, "check", path, str(timetable), "--json"], capture_output=True, text=True)
    try:
        report = json.loads(done.stdout)
    except json.JSONDecodeError:
        return None
    return report["soft"] if report["hard"] == 0 else None


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--fet-seconds", type=int, default=120)
    parser.add_argument("--rooster-seconds", type=int, default=30)
    parser.add_argument("--rooster", default=".build/release/rooster")
    arguments = parser.parse_args()
    rooster = os.path.abspath(arguments.rooster)
    files = arguments.files or [str(EXAMPLES / name) for name in FILES]
    print("| File | Activities | fet-cl solved | fet-cl s (median) | Rooster solved | Rooster s to feasible (median) | ratio | soft fet-cl | soft Rooster |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for path in files:
        fet_times, rooster_times, fet_soft, rooster_soft = [], [], [], []
        with tempfile.TemporaryDirectory() as work:
            for seed in range(1, arguments.seeds + 1):
                from concurrent.futures import ThreadPoolExecutor
                with ThreadPoolExecutor(2) as pool:
                    fet = pool.submit(run_fet, path, seed, arguments.fet_seconds, work)
                    ours = pool.submit(run_rooster, rooster, path, seed, arguments.rooster_seconds, work)
                    fet_time, fet_table = fet.result()
                    our_time, our_table = ours.result()
                fet_times.append(fet_time)
                rooster_times.append(our_time)
                fet_soft.append(soft(rooster, path, fet_table))
                rooster_soft.append(soft(rooster, path, our_table))
        fm, rm = median(fet_times), median(rooster_times)
        ratio = f"{rm / fm:.3f}" if fm and rm is not None else "–"
        name = Path(path).name
        print(f"| {name} | {activities(path)} | {sum(t is not None for t in fet_times)}/{arguments.seeds} | "
              f"{'–' if fm is None else f'{fm:.1f}'} | {sum(t is not None for t in rooster_times)}/{arguments.seeds} | "
              f"{'–' if rm is None else f'{rm:.2f}'} | {ratio} | {median(fet_soft)} | {median(rooster_soft)} |", flush=True)


if __name__ == "__main__":
    main()
