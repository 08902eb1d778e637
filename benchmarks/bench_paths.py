"""Benchmark: every whole-file path against the JSON Lines stream and the naive script, in one run.

Generates the seeded assessment (``generate.py``) as JSON Lines and as one
JSON document, then times, in fresh processes and in the same run (best of
``--repeat``, interleaved), each path below in CPU seconds with its peak
memory (RSS), and
prints a Markdown table of the ratios to the JSON Lines stream (``score
big.jsonl --format jsonl``) and to the naive script (``naive.py``: writes the
same scorecards, validates nothing). Usage::

    python benchmarks/bench_paths.py --count 50000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLI = [sys.executable, "-m", "youthaction_scoring"]


def _paths(folder: Path) -> list[tuple[str, list[str]]]:
    jsonl, document, out = folder / "big.jsonl", folder / "big.json", folder / "out"
    return [
        (
            "stream: score big.jsonl --format jsonl (default options)",
            [*CLI, "score", str(jsonl), "--format", "jsonl", "-o", f"{out}.jsonl"],
        ),
        (
            "naive script (no validation)",
            [sys.executable, str(HERE / "naive.py"), str(jsonl), f"{out}-naive.jsonl"],
        ),
        (
            "score big.jsonl --format jsonl --jobs 2",
            [*CLI, "score", str(jsonl), "--format", "jsonl", "--jobs", "2", "-o", f"{out}-2.jsonl"],
        ),
        (
            "score big.json --format jsonl",
            [
                *CLI,
                "score",
                str(document),
                "--format",
                "jsonl",
                "--jobs",
                "1",
                "-o",
                f"{out}-doc.jsonl",
            ],
        ),
        (
            "score big.json --format json",
            [*CLI, "score", str(document), "--format", "json", "--jobs", "1", "-o", f"{out}.json"],
        ),
        (
            "score big.json --format json --jobs 2",
            [
                *CLI,
                "score",
                str(document),
                "--format",
                "json",
                "--jobs",
                "2",
                "-o",
                f"{out}-2.json",
            ],
        ),
        (
            "score big.jsonl --format csv",
            [*CLI, "score", str(jsonl), "--format", "csv", "-o", f"{out}.csv"],
        ),
        (
            "score big.json --format csv",
            [*CLI, "score", str(document), "--format", "csv", "-o", f"{out}-doc.csv"],
        ),
        ("rank big.jsonl (table to a file)", [*CLI, "rank", str(jsonl), "-o", f"{out}-rank.txt"]),
        (
            "rank big.jsonl --format json",
            [*CLI, "rank", str(jsonl), "--format", "json", "-o", f"{out}-rank.json"],
        ),
        (
            "rank big.jsonl --by district --format csv",
            [*CLI, "rank", str(jsonl), "--by", "district", "--format", "csv", "-o", f"{out}-r.csv"],
        ),
        (
            "rank big.json --format json",
            [*CLI, "rank", str(document), "--format", "json", "-o", f"{out}-rank-doc.json"],
        ),
        ("districts big.jsonl", [*CLI, "districts", str(jsonl), "-o", f"{out}-districts.txt"]),
        (
            "districts big.json --format json",
            [*CLI, "districts", str(document), "--format", "json", "-o", f"{out}-d.json"],
        ),
    ]


_AS_DOCUMENT = """
import json, sys
lines = open(sys.argv[1], "rb").read().splitlines()
document = {**json.loads(lines[0]), "communities": [json.loads(l) for l in lines[1:] if l.strip()]}
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(document, ensure_ascii=False))
"""


def _time(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system, workers included) and peak RSS MiB of *command*.

    CPU time, not wall time: the machine is shared, and ``--jobs`` trades CPU
    for wall time. The output is written with ``-o``; standard error (the
    R18 warnings) is discarded.
    """
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(command)}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        jsonl = folder / "big.jsonl"
        subprocess.run(
            [sys.executable, str(HERE / "generate.py"), str(jsonl), "--count", str(args.count)],
            check=True,
        )
        # In a child: a child's peak memory starts at its parent's, so the driver stays small.
        subprocess.run(
            [sys.executable, "-c", _AS_DOCUMENT, str(jsonl), str(folder / "big.json")], check=True
        )
        paths = _paths(folder)
        best: dict[str, tuple[float, float]] = {}
        for _ in range(args.repeat):  # interleaved: every path sees the same machine
            for label, command in paths:
                wall, peak = _time(command)
                old = best.get(label)
                best[label] = (min(wall, old[0]), max(peak, old[1])) if old else (wall, peak)
        stream, naive = best[paths[0][0]][0], best[paths[1][0]][0]
        size = (folder / "big.jsonl").stat().st_size / 2**20
        print(f"{args.count:,} communities, JSON Lines {size:,.0f} MiB, best of {args.repeat}\n")
        print("| path | CPU seconds | × stream | × naive | peak MiB |")
        print("|---|---:|---:|---:|---:|")
        for label, _command in paths:
            wall, peak = best[label]
            print(
                f"| {label} | {wall:.2f} | {wall / stream:.2f} | {wall / naive:.2f} | {peak:,.0f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
