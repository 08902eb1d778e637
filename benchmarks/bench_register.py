"""Benchmark: reading a register (台账 .xlsx) against streaming the same communities as JSON Lines.

Generates a seeded assessment (``generate.py``), writes it as a register
(``write_register``), then, in fresh processes and interleaved (so that every
reader sees the same machine load), best of ``--repeat``:

* end to end: ``youthaction-scoring score FILE --format jsonl -o OUT`` on the
  JSON Lines file (the stream) and on the register: wall time, peak RSS;
* reading alone, in-process: parsing the JSON Lines file, and
  ``read_register``: seconds and peak RSS.

Prints each time as a multiple of the stream's (the target: a register read
end to end in at most 4 times the stream's time), and checks that both
write the same scorecards (status 1 otherwise).

With ``--write`` it times writing instead, in fresh processes against the
same stream: ``youthaction-scoring convert FILE.jsonl OUT.xlsx`` (a register)
and ``youthaction-scoring score FILE.jsonl --format xlsx -o OUT.xlsx`` (a
scorecard workbook), wall time and peak RSS, and checks that the register
written reads back as the communities it was written from. Usage::

    python benchmarks/bench_register.py --count 5000 --repeat 3
    python benchmarks/bench_register.py --count 5000 --repeat 3 --write
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _read_worker(kind: str, source: str) -> None:
    """Read *source* once (kind: ``jsonl`` or ``register``); print seconds and MiB."""
    import resource

    started = time.perf_counter()
    if kind == "jsonl":
        from youthaction_scoring._io.jsonl import open_json_lines

        with open(source, "rb") as handle:
            opened = open_json_lines(handle)
            count = sum(1 for line in opened.lines if line.community is not None)
    else:
        from youthaction_scoring._io.register import read_register

        count = len(read_register(source).communities)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mib": peak, "communities": count}))


def _env() -> dict[str, str]:
    return dict(os.environ)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _prepare(work: Path, count: int, seed: int) -> tuple[Path, Path]:
    sys.path.insert(0, str(HERE))
    import generate

    from youthaction_scoring import load_assessment
    from youthaction_scoring._io.register import write_register

    stream = work / f"bench-{count}-{seed}.jsonl"
    register = work / f"bench-{count}-{seed}.xlsx"
    if not stream.exists() or not register.exists():
        generate.write(stream, count, seed)
        write_register(load_assessment(stream), register, replace=True)
    return stream, register


def _measure(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(HERE))
    from run import child, machine

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="ya-reg-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    stream, register = _prepare(work, args.count, args.seed)
    print(f"machine: {machine()}")
    print(
        f"{args.count} communities (seed {args.seed}): {stream.stat().st_size / 1e6:.1f} MB"
        f" JSON Lines, {register.stat().st_size / 1e6:.1f} MB register"
        f" (prepared in {time.perf_counter() - started:.0f} s); best of {args.repeat}"
    )
    cases: dict[str, tuple[Path, str]] = {
        "stream (jsonl)": (stream, "jsonl"),
        "register": (register, "register"),
    }
    outputs = {name: work / f"out-{i}.jsonl" for i, name in enumerate(cases)}
    e2e: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    alone: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, (source, kind) in cases.items():
            command = [sys.executable, "-m", "youthaction_scoring", "score", str(source)]
            command += ["--format", "jsonl", "-o", str(outputs[name])]
            e2e[name].append(child(command, env=_env(), quiet=True)[:2])
            worker = [sys.executable, __file__, "_read", kind, str(source)]
            report = json.loads(child(worker, env=_env(), quiet=True)[2])
            alone[name].append((report["seconds"], report["peak_mib"]))
    same = len({_digest(path) for path in outputs.values()}) == 1
    base_e2e = min(t for t, _ in e2e["stream (jsonl)"])
    base_alone = min(t for t, _ in alone["stream (jsonl)"])
    print(f"{'':<20} {'end to end':>11} {'x stream':>9} {'peak MiB':>9}   {'reading':>8} {'x':>6}")
    for name in cases:
        seconds = min(t for t, _ in e2e[name])
        read = min(t for t, _ in alone[name])
        peak = max(m for _, m in e2e[name])
        print(
            f"{name:<20} {seconds:>10.2f}s {seconds / base_e2e:>9.2f} {peak:>9.1f}"
            f"   {read:>7.2f}s {read / base_alone:>6.2f}"
        )
    print("x stream: time / the stream's time (target: the register at most 4x end to end)")
    print(f"identical scorecards: {'yes' if same else 'NO'}")
    return 0 if same else 1


def _measure_writing(args: argparse.Namespace) -> int:
    """Time writing a register and a scorecard workbook against the stream; check the register."""
    sys.path.insert(0, str(HERE))
    import generate
    from run import child, machine

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="ya-regw-"))
    work.mkdir(parents=True, exist_ok=True)
    stream = work / f"bench-{args.count}-{args.seed}.jsonl"
    if not stream.exists():
        generate.write(stream, args.count, args.seed)
    print(f"machine: {machine()}")
    print(f"{args.count} communities (seed {args.seed}), best of {args.repeat}")
    program = [sys.executable, "-m", "youthaction_scoring"]
    register, scores = work / "written.xlsx", work / "scores.xlsx"
    cases = {
        "stream (jsonl)": [*program, "score", str(stream), "--format", "jsonl"],
        "convert to .xlsx": [*program, "convert", str(stream), str(register)],
        "score --format xlsx": [*program, "score", str(stream), "--format", "xlsx"],
    }
    cases["stream (jsonl)"] += ["-o", str(work / "out.jsonl")]
    cases["score --format xlsx"] += ["-o", str(scores)]
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for _ in range(args.repeat):
        for name, command in cases.items():
            Path(command[-1]).unlink(missing_ok=True)  # convert refuses to replace a register
            runs[name].append(child(command, env=_env(), quiet=True)[:2])
    base = min(t for t, _ in runs["stream (jsonl)"])
    print(f"{'':<22} {'seconds':>8} {'x stream':>9} {'peak MiB':>9}")
    for name in cases:
        seconds = min(t for t, _ in runs[name])
        peak = max(m for _, m in runs[name])
        print(f"{name:<22} {seconds:>7.2f}s {seconds / base:>9.2f} {peak:>9.1f}")
    print("x stream: time / the stream's time (target: a register written within 2x)")
    from youthaction_scoring import load_assessment
    from youthaction_scoring._io.register import read_register

    same = read_register(register) == load_assessment(stream)
    print(f"register reads back as written: {'yes' if same else 'NO'}")
    return 0 if same else 1


def main() -> int:
    """Command line entry point."""
    if len(sys.argv) > 1 and sys.argv[1] == "_read":
        _read_worker(sys.argv[2], sys.argv[3])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--count", type=int, default=5_000, help="communities (default 5000)")
    parser.add_argument("--seed", type=int, default=2021, help="random seed (default 2021)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing; the best is kept")
    parser.add_argument("--workdir", help="folder for the generated files (reused when there)")
    parser.add_argument(
        "--write", action="store_true", help="time writing a register and scorecards instead"
    )
    args = parser.parse_args()
    return _measure_writing(args) if args.write else _measure(args)


if __name__ == "__main__":
    sys.exit(main())
