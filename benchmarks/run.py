"""Benchmark: the project against a naive baseline, on the same generated file.

Generates a seeded, edge-heavy JSON Lines assessment (``generate.py``), then
measures, for the project and for the naive baseline (``naive.py``: standard
library ``json`` plus a dict-walking scorer that validates nothing):

* parse+validate, score and write, in one streaming pass each, timed stage
  by stage (communities per second per stage), and the peak memory (RSS) of
  a process that goes up to and including that stage;
* the end-to-end command (``youthaction-scoring score FILE --format jsonl
  -o OUT`` against ``python naive.py FILE OUT``) in a fresh process: wall
  time and peak RSS;
* the import time of ``youthaction_scoring`` (``python -X importtime``).

It checks that both write byte-identical scorecards (the baseline is only a
fair yardstick if it does the same work), and exits with status 1 otherwise.
Standard library and the project only. Usage::

    python benchmarks/run.py --count 50000 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STAGES = ("parse", "score", "write")


# ---------------------------------------------------------------- workers ---


def _project_pass(source: Path, target: Path, upto: str) -> dict[str, float]:
    from youthaction_scoring import GUIYANG_2021
    from youthaction_scoring._analysis.score import Scorer
    from youthaction_scoring._io.jsonl import open_json_lines
    from youthaction_scoring._io.scorecards import scorecard_lines

    clock = time.perf_counter
    spent = dict.fromkeys(STAGES, 0.0)
    with source.open("rb") as inp, target.open("wb") as out:
        started = clock()
        opened = open_json_lines(inp)
        scorer = Scorer(opened.period, None, GUIYANG_2021)
        head = scorer.scorecards()  # the edition's stamp each line ends with (EDITIONS.md)
        results = opened.lines
        spent["parse"] += clock() - started
        while True:
            t0 = clock()
            result = next(results, None)
            t1 = clock()
            spent["parse"] += t1 - t0
            if result is None:
                break
            if result.community is None:
                raise SystemExit(f"unexpected bad line {result.line}: {result.problems}")
            if upto == "parse":
                continue
            card = scorer(result.community)
            t2 = clock()
            spent["score"] += t2 - t1
            if upto == "score":
                continue
            for line in scorecard_lines([card], head):
                out.write(line)
            spent["write"] += clock() - t2
    return spent


def _naive_pass(source: Path, target: Path, upto: str) -> dict[str, float]:
    sys.path.insert(0, str(HERE))
    import naive

    clock = time.perf_counter
    spent = dict.fromkeys(STAGES, 0.0)
    with source.open(encoding="utf-8") as inp, target.open("w", encoding="utf-8") as out:
        first, last, period = naive.header_window(inp.readline())
        for line in inp:
            t0 = clock()
            value = json.loads(line)
            t1 = clock()
            spent["parse"] += t1 - t0
            if upto == "parse":
                continue
            card = naive.score(value, first, last, period)
            t2 = clock()
            spent["score"] += t2 - t1
            if upto == "score":
                continue
            out.write(json.dumps(card, ensure_ascii=False, separators=(",", ":")) + "\n")
            spent["write"] += clock() - t2
    return spent


def _worker(args: argparse.Namespace) -> None:
    import resource

    run = _project_pass if args.impl == "project" else _naive_pass
    spent = run(Path(args.source), Path(args.target), args.upto)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"spent": spent, "peak_mib": peak_kib / 1024}))


# ----------------------------------------------------------------- driver ---


def child(
    command: list[str], *, env: dict[str, str] | None = None, quiet: bool = False
) -> tuple[float, float, bytes]:
    """Run a command in a fresh process; return (wall seconds, peak RSS MiB, stdout).

    The one way the benchmarks time a command (``bench_paths.py`` and
    ``bench_register.py`` use it too). *env* replaces the environment;
    *quiet* discards standard error (the scorer's R18 warnings are not timings).
    """
    started = time.perf_counter()
    stderr = subprocess.DEVNULL if quiet else None
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, env=env) as proc:
        stdout = proc.stdout.read() if proc.stdout else b""
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(command)}")
    return wall, usage.ru_maxrss / 1024, stdout


def _digest(path: Path) -> str:
    """SHA-256 of a file, read in chunks (the driver must stay small: its
    children's peak memory is measured, and a big parent would inflate it)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _stages(impl: str, source: Path, target: Path, repeat: int) -> dict[str, Any]:
    best: dict[str, float] = {}
    peaks: dict[str, float] = {}
    for upto in STAGES:
        for _ in range(repeat if upto == "write" else 1):
            command = [sys.executable, __file__, "_worker", impl, str(source), str(target), upto]
            _, _, stdout = child(command)
            report = json.loads(stdout)
            peaks[upto] = max(peaks.get(upto, 0.0), report["peak_mib"])
            if upto == "write":
                for stage, seconds in report["spent"].items():
                    best[stage] = min(best.get(stage, float("inf")), seconds)
    return {"seconds": best, "peak_mib": peaks}


def _import_ms(repeat: int) -> float:
    """Cumulative import time of youthaction_scoring, best of *repeat*, in ms."""
    times = []
    for _ in range(max(repeat, 3)):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import youthaction_scoring"],
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "youthaction_scoring":
                times.append(int(parts[1]) / 1000)
    return min(times)


def machine() -> str:
    """A one-line description of this machine and Python."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} logical CPUs; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def _driver(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(HERE))
    import generate

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="ya-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / f"bench-{args.count}-{args.seed}.jsonl"
    generate.write(source, args.count, args.seed)
    size_mb = source.stat().st_size / 1e6
    n = args.count
    out_p, out_n = work / "project.jsonl", work / "naive.jsonl"
    project = _stages("project", source, out_p, args.repeat)
    baseline = _stages("naive", source, out_n, args.repeat)
    same_stages = _digest(out_p) == _digest(out_n)

    e2e: dict[str, tuple[float, float]] = {}
    commands = {
        "project": [
            sys.executable,
            "-m",
            "youthaction_scoring",
            "score",
            str(source),
            "--format",
            "jsonl",
            "-o",
            str(out_p),
        ],
        "naive": [sys.executable, str(HERE / "naive.py"), str(source), str(out_n)],
    }
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(args.repeat):  # alternate, so both see the same machine load
        for name, command in commands.items():
            runs[name].append(child(command)[:2])
    for name, measured in runs.items():
        e2e[name] = (min(r[0] for r in measured), max(r[1] for r in measured))
    same_e2e = _digest(out_p) == _digest(out_n)
    import_ms = _import_ms(args.repeat)

    rows = []
    for stage in STAGES:
        p = project["seconds"][stage]
        b = baseline["seconds"][stage]
        rows.append(
            (stage, n / p, n / b, b / p, project["peak_mib"][stage], baseline["peak_mib"][stage])
        )
    end_p, end_b = e2e["project"], e2e["naive"]
    rows.append(("end-to-end", n / end_p[0], n / end_b[0], end_b[0] / end_p[0], end_p[1], end_b[1]))
    result = {
        "machine": machine(),
        "communities": n,
        "seed": args.seed,
        "file_mb": round(size_mb, 1),
        "repeat": args.repeat,
        "import_ms": round(import_ms, 1),
        "identical_output": same_stages and same_e2e,
        "rows": [
            {
                "stage": r[0],
                "project_per_s": round(r[1]),
                "naive_per_s": round(r[2]),
                "speed_ratio": round(r[3], 2),
                "project_peak_mib": round(r[4], 1),
                "naive_peak_mib": round(r[5], 1),
            }
            for r in rows
        ],
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"machine: {result['machine']}")
        print(f"{n} communities (seed {args.seed}), {size_mb:.1f} MB; best of {args.repeat}")
        print(f"import youthaction_scoring: {import_ms:.1f} ms")
        print(
            f"{'stage':<12} {'project/s':>10} {'naive/s':>10} {'ratio':>6} "
            f"{'project MiB':>12} {'naive MiB':>10}"
        )
        for r in rows:
            print(
                f"{r[0]:<12} {r[1]:>10.0f} {r[2]:>10.0f} {r[3]:>6.2f} {r[4]:>12.1f} {r[5]:>10.1f}"
            )
        print("ratio = project speed / naive speed (above 1: the project is faster)")
        print(f"identical output: {'yes' if result['identical_output'] else 'NO'}")
    return 0 if result["identical_output"] else 1


def main() -> int:
    """Command line entry point."""
    if len(sys.argv) > 1 and sys.argv[1] == "_worker":
        worker = argparse.ArgumentParser()
        for name in ("mode", "impl", "source", "target", "upto"):
            worker.add_argument(name)
        _worker(worker.parse_args())
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--count", type=int, default=50_000, help="communities (default 50000)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (default 2021)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per timing; the best is kept")
    parser.add_argument("--workdir", help="folder for the generated and output files")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    return _driver(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
