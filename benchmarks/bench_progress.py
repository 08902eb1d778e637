"""Benchmark: ``progress`` grows linearly with months, not with months squared.

Generates seeded fictional assessments (records from ``generate.py``, their
dates spread over the period) of ``--count`` communities over 30, 60 and 120
months, then, in fresh processes, times ``youthaction-scoring progress FILE
--format json -o OUT`` and ``--format table -o OUT`` and reads their peak
memory (RSS). As a yardstick it
times the direct way on the same data: scoring every community as of each
month with ``score_assessment(as_of=...)`` (whose scorecards list every month
missed so far), and checks that both give the same totals month by month.

The growth from 60 to 120 months should be near 2× for ``progress`` (linear)
and near 4× for the direct way's quadratic part. Standard library and the
project only. Usage::

    python benchmarks/bench_progress.py --count 1000
    python benchmarks/bench_progress.py --count 50000 --months 120 --no-direct
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (the sibling script, found through sys.path above)

DATED = {
    ("workforce", "service_projects"): "completed_on",
    ("workforce", "pairings"): "date",
    ("projects", "activities"): "date",
    ("mechanisms", "summaries"): "date",
}


def assessment(count: int, months: int, seed: int) -> dict[str, Any]:
    """A fictional assessment over *months* months from 2021-01, records spread over it."""
    rng = random.Random(seed)
    first = dt.date(2021, 1, 1)
    days = months * 30
    communities = []
    for index in range(count):
        community = generate.community(rng, index)
        for (section, field), key in DATED.items():
            records = community[section][field]  # type: ignore[index]
            for record in records:
                record[key] = (first + dt.timedelta(days=rng.randrange(days))).isoformat()
            # about one activity every other month, so some months go uncovered
            if field == "activities":
                records.extend(
                    {**records[0], "date": (first + dt.timedelta(days=d)).isoformat()}
                    for d in range(0, days, 60)
                )
        communities.append(community)
    end_index = 2021 * 12 + months - 1
    return {
        "format": "youthaction-scoring/1",
        "description": "Fictional benchmark data: no real community is described.",
        "period": {"start": "2021-01", "end": f"{end_index // 12}-{end_index % 12 + 1:02d}"},
        "communities": communities,
    }


def _command(source: Path, target: Path, fmt: str = "json") -> tuple[float, int]:
    """Run ``progress`` in a fresh process: wall seconds and peak RSS (KiB)."""
    code = (
        "import resource, sys\n"
        "from youthaction_scoring._cli.app import main\n"
        "try:\n"
        '    main.main(sys.argv[1:], prog_name="youthaction-scoring")\n'
        "except SystemExit as stop:\n"
        "    assert not stop.code, stop.code\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    args = ["progress", str(source), "--format", fmt, "-o", str(target)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - started, int(done.stdout.split()[-1])


def _direct(source: Path) -> tuple[float, list[list[int]]]:
    """Score as of each month the direct way: seconds and totals per month."""
    from youthaction_scoring import load_assessment, score_assessment

    loaded = load_assessment(source)
    started = time.perf_counter()
    totals = [
        [c.total for c in score_assessment(loaded, as_of=month)] for month in loaded.period.months
    ]
    return time.perf_counter() - started, totals


def main() -> int:
    """Measure, print a table, and exit 1 if the two ways disagree."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="communities (default 300)")
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--months", default="30,60,120", help="period lengths (default 30,60,120)")
    parser.add_argument(
        "--no-direct",
        action="store_true",
        help="skip the direct way (quadratic: hours at 50,000 communities)",
    )
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for months in map(int, args.months.split(",")):
            source = Path(folder, f"m{months}.json")
            target = Path(folder, f"m{months}.out.json")
            doc = assessment(args.count, months, args.seed)
            source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            del doc
            seconds, rss = _command(source, target)
            table_s, table_rss = _command(source, Path(folder, f"m{months}.txt"), "table")
            table_size = Path(folder, f"m{months}.txt").stat().st_size
            direct = math.nan
            if not args.no_direct:
                direct, expected = _direct(source)
                got = json.loads(target.read_bytes())
                totals = [[t["total"] for t in m["totals"]] for m in got["months"]]
                if totals != expected:
                    print(f"{months} months: progress disagrees with scoring as of each month")
                    return 1
            size = target.stat().st_size
            rows.append((months, seconds, rss, size, direct, table_s, table_rss, table_size))
    print(f"{args.count} communities; python {sys.version.split()[0]}")
    print("months  json_s  peak_MiB  json_MiB  table_s  peak_MiB  table_MiB  direct_as_of_s")
    for months, seconds, rss, size, direct, table_s, table_rss, table_size in rows:
        print(
            f"{months:6}  {seconds:6.2f}  {rss / 1024:8.0f}  {size / 2**20:8.1f}"
            f"  {table_s:7.2f}  {table_rss / 1024:8.0f}  {table_size / 2**20:9.1f}  {direct:14.2f}"
        )
    if len(rows) < 2:
        return 0
    (m1, s1, *_, d1, _, _, _), (m2, s2, *_, d2, _, _, _) = rows[-2], rows[-1]
    print(f"growth {m1} -> {m2} months: progress {s2 / s1:.2f}x, direct {d2 / d1:.2f}x")
    print(f"self RSS of this script: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
