"""Benchmark: ``report`` at scale, against the JSON Lines stream in the same run.

Generates seeded fictional JSON Lines assessments (``generate.py``) of 5,000
and 50,000 communities, then, in fresh processes, alternately runs

* the stream: ``youthaction-scoring score FILE --format jsonl -o OUT``
  (as it runs by default: on every core for a large file, where ``score``
  has ``--jobs``; and also with ``--jobs 1``, on one core like the report);
* the report: ``youthaction-scoring report FILE -o OUT.html`` (above the
  detail limit: the compact form);

``--repeat`` times each and keeps the best wall and CPU (user + system)
times of each and the highest peak memory (``/usr/bin/time -v``'s maximum
resident set size, or the same figure from ``wait4`` where that program is
missing). The report's time is given as a ratio to the stream's, measured
on the same machine in the same minutes: the machine may be shared, so only
such ratios compare, and the ratio of CPU times is the steadier of the two. It also gives the
HTML's size and, in headless chromium (``tests/chromium.py``), the page's
load time: from the start of the navigation to the end of the load event,
plus any layout still pending then, the median of three loads, each in a
fresh browser (whose own start-up is not counted). With ``--full`` it also
renders the full form at the first count (``--detail-limit`` set to the
count), for comparison.

Targets (printed with each figure): at 5,000 the page is under 5 MB and
loads in under 3 s; at every count the report takes under 3x the stream;
at 50,000 its peak memory is under 1 GB. Exits 1 when one is missed.
Standard library, the project and chromium only. Usage::

    python benchmarks/bench_report.py                 # 5,000 and 50,000
    python benchmarks/bench_report.py --counts 5000 --repeat 3 --full
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import generate  # noqa: E402  (the sibling script, found through sys.path above)

MB = 1_000_000
TARGET_SIZE = 5 * MB  # bytes, at 5,000 communities
TARGET_LOAD = 3.0  # seconds in the browser, at 5,000 communities
TARGET_RATIO = 3.0  # report time / stream time
TARGET_MEMORY = 1 * 2**30  # bytes of peak memory, at 50,000 communities
TIME = "/usr/bin/time"
LOAD = """(() => {
  const n = performance.getEntriesByType("navigation")[0];
  const t0 = performance.now();
  document.body.getBoundingClientRect();
  const pending = performance.now() - t0;
  return {load: n.loadEventEnd, pending,
          rows: document.querySelectorAll("tr[id^=community-], section.community").length};
})()"""


def _program(*args: str) -> list[str]:
    return [sys.executable, "-m", "youthaction_scoring", *args]


def _run(command: list[str]) -> tuple[float, float, int]:
    """Run *command* in a fresh process: (wall seconds, CPU seconds, peak RSS bytes)."""
    timed = os.access(TIME, os.X_OK)
    full = [TIME, "-v", *command] if timed else command
    started = time.perf_counter()
    with subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as proc:
        stderr = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(command)}\n{stderr[-2000:]!r}")
    peak = usage.ru_maxrss * 1024
    found = re.search(rb"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if found:
        peak = int(found.group(1)) * 1024
    return wall, usage.ru_utime + usage.ru_stime, peak


def _has_jobs() -> bool:
    """Whether ``score`` takes ``--jobs`` (then the stream may use several cores)."""
    done = subprocess.run([*_program("score", "--help")], capture_output=True, text=True)
    return "--jobs" in done.stdout


def _best(runs: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    """The best wall and CPU times of several runs, and their highest peak memory."""
    return min(r[0] for r in runs), min(r[1] for r in runs), max(r[2] for r in runs)


def _browser(page: Path) -> dict[str, Any] | None:
    """The median load (seconds) of *page* over three fresh browsers, or ``None`` without one."""
    from tests.chromium import find_chromium, load_page

    chromium = find_chromium()
    if chromium is None:
        return None
    loads, errors, rows = [], (), 0
    for _ in range(3):
        result = load_page(chromium, page, evaluate=LOAD)
        if not result.loaded or result.value is None:
            return {"load": float("inf"), "errors": ("no load event in 30 s",), "rows": 0}
        loads.append((result.value["load"] + result.value["pending"]) / 1000)
        errors, rows = result.errors, result.value["rows"]
    return {"load": statistics.median(loads), "errors": errors, "rows": rows}


def measure(count: int, folder: Path, repeat: int, full: bool) -> dict[str, Any]:
    """Generate *count* communities and measure stream, report (and the full form)."""
    source = folder / f"bench-{count}.jsonl"
    generate.write(source, count, 2021)
    stream_out, page = folder / f"stream-{count}.jsonl", folder / f"report-{count}.html"
    streaming = _program("score", str(source), "--format", "jsonl", "-o", str(stream_out))
    reporting = _program("report", str(source), "-o", str(page))
    single = [*streaming, "--jobs", "1"] if _has_jobs() else None
    streams, singles, reports = [], [], []
    for _ in range(repeat):  # alternate, so that all see the same machine
        streams.append(_run(streaming))
        if single is not None:
            singles.append(_run(single))
        reports.append(_run(reporting))
    stream, report = _best(streams), _best(reports)
    row: dict[str, Any] = {
        "count": count,
        "stream": stream,
        "report": report,
        "ratio": report[0] / stream[0],
        "cpu_ratio": report[1] / stream[1],
        "single": _best(singles) if singles else None,
        "size": page.stat().st_size,
        "browser": _browser(page),
    }
    if full:
        whole = folder / f"full-{count}.html"
        row["full"] = _run(
            _program("report", str(source), "-o", str(whole), "--detail-limit", str(count))
        )
        row["full_size"] = whole.stat().st_size
        row["full_browser"] = _browser(whole)
    for path in (source, stream_out):
        path.unlink()
    return row


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def report_rows(rows: list[dict[str, Any]]) -> int:
    """Print the measurements and the targets; return the number of targets missed."""
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; best of the runs")
    print("count    stream_s   cpu_s  MiB  report_s   cpu_s  MiB  ratio (cpu)  html_MB  browser_s")
    missed = 0
    for r in rows:
        browser = r["browser"]
        shown = "-" if browser is None else f"{browser['load']:.2f}"
        (sw, sc, sm), (rw, rc, rm) = r["stream"], r["report"]
        print(
            f"{r['count']:6,}  {sw:8.1f} {sc:7.1f} {sm / 2**20:4.0f}  {rw:8.1f} {rc:7.1f}"
            f" {rm / 2**20:4.0f}  {r['ratio']:5.2f} ({r['cpu_ratio']:.2f})"
            f"  {r['size'] / MB:7.2f}  {shown:>9}"
        )
        checks = [(f"report/stream {r['ratio']:.2f} < {TARGET_RATIO}", r["ratio"] < TARGET_RATIO)]
        if r["count"] <= 5000:
            checks.append((f"html {r['size'] / MB:.2f} MB < 5 MB", r["size"] < TARGET_SIZE))
            if browser is not None:
                fine = browser["load"] < TARGET_LOAD and not browser["errors"]
                checks.append((f"browser {browser['load']:.2f} s < 3 s, no errors", fine))
        if r["count"] >= 50_000:
            peak = r["report"][2]
            checks.append((f"peak {peak / 2**20:.0f} MiB < 1 GiB", peak < TARGET_MEMORY))
        for text, ok in checks:
            print(f"        {_verdict(ok):6} {text}")
            missed += not ok
        if r["single"] is not None:
            one = r["single"]
            print(
                f"        stream --jobs 1: {one[0]:.1f} s, CPU {one[1]:.1f} s:"
                f" report/stream {rw / one[0]:.2f} (CPU {rc / one[1]:.2f})"
            )
        if "full" in r:
            fb = r["full_browser"]
            load = "-" if fb is None else f"{fb['load']:.2f} s"
            print(
                f"        full form for comparison: {r['full'][0]:.1f} s,"
                f" {r['full'][2] / 2**20:.0f} MiB, {r['full_size'] / MB:.1f} MB, browser {load}"
            )
    return missed


def main() -> int:
    """Measure every count, print a table; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[5000, 50_000])
    parser.add_argument("--repeat", type=int, default=2, help="runs of each command (best kept)")
    parser.add_argument("--full", action="store_true", help="also the full form at the first count")
    args = parser.parse_args()
    if shutil.which("chromium") is None and shutil.which("chromium-browser") is None:
        print("chromium is not installed: no browser load times")
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-report-") as folder:
        for n, count in enumerate(args.counts):
            rows.append(measure(count, Path(folder), args.repeat, args.full and n == 0))
    return 1 if report_rows(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
