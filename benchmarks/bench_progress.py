"""Benchmark: ``progress`` grows linearly with months, not with months squared.

Generates seeded fictional assessments (records from ``generate.py``, their
dates spread over the period) of ``--count`` communities over 30, 60 and 120
months, then, in fresh processes, times ``youthaction-scoring progress FILE
--format json -o OUT`` and reads its peak memory (RSS). As a yardstick it
times the direct way on the same data: scoring every community as of each
month with ``score_assessment(as_of=...)`` (whose scorecards list every month
missed so far), and checks that both give the same totals month by month.

The growth from 60 to 120 months should be near 2× for ``progress`` (linear)
and near 4× for the direct way's quadratic part. Standard library and the
project only. Usage::

    python benchmarks/bench_progress.py --count 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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


def _command(source: Path, target: Path) -> tuple[float, int]:
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
    args = ["progress", str(source), "--format", "json", "-o", str(target)]
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
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for months in (30, 60, 120):
            source = Path(folder, f"m{months}.json")
            target = Path(folder, f"m{months}.out.json")
            doc = assessment(args.count, months, args.seed)
            source.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
            seconds, rss = _command(source, target)
            direct, expected = _direct(source)
            got = json.loads(target.read_bytes())
            totals = [[t["total"] for t in m["totals"]] for m in got["months"]]
            if totals != expected:
                print(f"{months} months: progress disagrees with scoring as of each month")
                return 1
            rows.append((months, seconds, rss, target.stat().st_size, direct))
    print(f"{args.count} communities; python {sys.version.split()[0]}")
    print("months  progress_s  peak_MiB  output_MiB  direct_as_of_s")
    for months, seconds, rss, size, direct in rows:
        mib = f"{rss / 1024:8.0f}  {size / 2**20:10.1f}"
        print(f"{months:6}  {seconds:10.2f}  {mib}  {direct:14.2f}")
    s60, s120 = rows[1][1], rows[2][1]
    d60, d120 = rows[1][4], rows[2][4]
    print(f"growth 60 -> 120 months: progress {s120 / s60:.2f}x, direct {d120 / d60:.2f}x")
    print(f"self RSS of this script: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
