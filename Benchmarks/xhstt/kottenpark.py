#!/usr/bin/env python3
"""Rooster on the Dutch XHSTT instances (Kottenpark 2003 and 2005), beside their published solutions.

For each archive: the cost of every solution the archive stores, as Rooster's XHSTT evaluator
computes it (`rooster check ARCHIVE`, with the cost the archive reports where it has one); then
`rooster solve ARCHIVE --solver heuristic --threads 1` for each seed, its timetable written as an
XHSTT solution and scored by the same evaluator (`rooster check ARCHIVE solution.xml`). Costs are
(hard, soft), compared hard first, as the archive compares them.

Needs a release build of rooster (swift build -c release --product rooster). Usage, from the
repository root:

    python3 Benchmarks/xhstt/kottenpark.py [--seeds 3] [--seconds 60] [ARCHIVE ...]

Without archives it takes both Kottenpark files from ../shared/data/xhstt. Prints Markdown tables;
the solve table gives the median and best over the seeds.
"""
import argparse
import re
import statistics
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROOSTER = ROOT / ".build" / "release" / "rooster"
DATA = ROOT.parent / "shared" / "data" / "xhstt"
ARCHIVES = ["NetherlandsKottenpark2003.xml", "NetherlandsKottenpark2005.xml"]
COST = re.compile(r"XHSTT cost:? \((\d+), (\d+)\)")


def stored(archive):
    """(solution group, evaluator's cost, reported cost or None) for each stored solution."""
    out = subprocess.run([ROOSTER, "check", archive], capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        match = re.match(r"\d+\. (.*?): XHSTT cost \((\d+), (\d+)\)(, archive reports \((\d+), (\d+)\))?", line)
        if match:
            reported = (int(match.group(5)), int(match.group(6))) if match.group(4) else None
            rows.append((match.group(1), (int(match.group(2)), int(match.group(3))), reported))
    return rows


def solve(archive, seed, seconds, work):
    """The evaluator's (hard, soft) of Rooster's timetable, and the breakdown line."""
    solution = Path(work) / f"rooster-{Path(archive).stem}-{seed}.xml"
    subprocess.run(
        [ROOSTER, "solve", archive, "--solver", "heuristic", "--threads", "1", "--seed", str(seed),
         "--time-limit", str(seconds), "--out", str(solution), "--quiet"],
        capture_output=True, text=True)
    out = subprocess.run([ROOSTER, "check", archive, str(solution)], capture_output=True, text=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("XHSTT cost"))
    match = COST.search(line)
    return (int(match.group(1)), int(match.group(2))), line


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("archives", nargs="*")
    args = parser.parse_args()
    archives = args.archives or [str(DATA / name) for name in ARCHIVES]
    with tempfile.TemporaryDirectory() as work:
        for archive in archives:
            name = Path(archive).stem
            print(f"\n### {name}: stored solutions\n")
            print("| Solution group | XHSTT cost (Rooster's evaluator) | Reported in the archive |")
            print("| --- | --- | --- |")
            for group, cost, reported in stored(archive):
                print(f"| {group} | {cost} | {reported if reported else '—'} |")
            results = []
            for seed in range(1, args.seeds + 1):
                cost, line = solve(archive, seed, args.seconds, work)
                results.append(cost)
                print(f"<!-- seed {seed}: {line} -->")
            hard = statistics.median(c[0] for c in results)
            soft = statistics.median(c[1] for c in results)
            best = min(results)
            print(f"\n{name}, Rooster heuristic, 1 thread, {args.seconds:g} s, seeds 1–{args.seeds}: "
                  f"median ({hard:g}, {soft:g}), best {best}, all {results}")


if __name__ == "__main__":
    main()
