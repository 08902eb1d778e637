"""Run every command of the program on the example and keep what each one printed and wrote.

The program is run as a person runs it, in a process of its own: by default
``PYTHON -m youthaction_scoring``, or any command line given with
``--program`` (``python3 youthaction-scoring.pyz``, for the zipapp). Each
run's standard output, standard error and exit status, and each file it
wrote, go into OUTDIR, one file each; a register is kept as the JSON the
program converts it back into (a zip file carries timestamps). Two installs
that print and write the same things give folders that ``diff -r`` finds
equal: CI compares the install at the floors of the declared dependencies
with the usual one this way, and the zipapp's smoke test runs it too.

The runs: ``score`` in every format and both languages, ``rank`` (also by
district), ``explain``, ``plan``, ``progress``, ``districts``, ``report``,
``check``, ``schema`` (both documents), ``template``, and a register round
trip (JSON → register → JSON, then the register scored), every one in a
folder whose name is Chinese. Needs only the program with its ``excel`` and
``report`` extras: no test tool.

Usage::

    python scripts/run_every_command.py OUTDIR [--python PYTHON | --program "COMMAND ..."]
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"

RUNS: list[tuple[str, list[str]]] = [
    ("score-table-zh", ["score", "{example}"]),
    ("score-table-en", ["score", "{example}", "--lang", "en"]),
    ("score-as-of", ["score", "{example}", "--as-of", "2022-01"]),
    ("score-json", ["score", "{example}", "--format", "json"]),
    ("score-jsonl", ["score", "{example}", "--format", "jsonl"]),
    ("score-csv", ["score", "{example}", "--format", "csv"]),
    ("score-xlsx", ["score", "{example}", "--format", "xlsx", "-o", "得分.xlsx"]),
    ("rank", ["rank", "{example}"]),
    ("rank-district", ["rank", "{example}", "--by", "district"]),
    ("rank-json", ["rank", "{example}", "--format", "json"]),
    ("explain-zh", ["explain", "{example}", "--community", "nm-01"]),
    ("explain-en", ["explain", "{example}", "--community", "nm-01", "--lang", "en"]),
    ("plan", ["plan", "{example}"]),
    ("plan-json", ["plan", "{example}", "--format", "json"]),
    ("progress", ["progress", "{example}"]),
    ("districts", ["districts", "{example}"]),
    ("report", ["report", "{example}", "-o", "报告.html"]),
    ("check", ["check", "{example}"]),
    ("schema-assessment", ["schema", "--document", "assessment"]),
    ("schema-scorecards", ["schema", "--document", "scorecards"]),
    ("template", ["template", "空白台账.xlsx", "--period", "2021-11:2022-04"]),
    ("template-back", ["convert", "空白台账.xlsx", "空白台账.json"]),
    ("register-write", ["convert", "{example}", "台账.xlsx"]),
    ("register-read", ["convert", "台账.xlsx", "台账.json"]),
    ("register-score", ["score", "台账.xlsx", "--format", "json"]),
    ("refused-overwrite", ["convert", "{example}", "台账.xlsx"]),
    ("bad-input", ["score", "{example}", "--as-of", "2019-01"]),
    ("missing-input", ["score", "没有这个文件.json"]),
]
"""Each run: its name, and its arguments (``{example}``: the example's copy)."""

KEPT = ("报告.html", "空白台账.json", "台账.json")
"""The files runs write that are kept (the workbooks come back as these JSON files)."""

WRITTEN = ("得分.xlsx", "空白台账.xlsx", "台账.xlsx", *KEPT)
"""Every file the runs write."""


def run_all(program: list[str], out: Path) -> int:
    """Run every command with *program*, keeping its outputs in *out*; return the failures."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "PYTHONUTF8": "1"}
    env.pop("FORCE_COLOR", None)
    failures = 0
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "青春行动 考核"  # a Chinese folder name, with a space
        work.mkdir()
        shutil.copy(EXAMPLE, work / "示例.json")
        for name, arguments in RUNS:
            line = [a.replace("{example}", "示例.json") for a in arguments]
            done = subprocess.run(
                [*program, *line], cwd=work, capture_output=True, env=env, check=False
            )
            (out / f"{name}.stdout").write_bytes(done.stdout)
            (out / f"{name}.stderr").write_bytes(done.stderr)
            (out / f"{name}.status").write_text(f"{done.returncode}\n", encoding="utf-8")
            if b"Traceback" in done.stderr:
                print(f"{name}: a traceback\n{done.stderr.decode(errors='replace')}")
                failures += 1
        for written in WRITTEN:
            if not (work / written).is_file():
                print(f"{written} was not written")
                failures += 1
            elif written in KEPT:
                shutil.copy(work / written, out / written)
    return failures


def main() -> int:
    """Parse the command line and run everything."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--python", default=sys.executable, help="run it as PYTHON -m ...")
    which.add_argument("--program", help="the command line that runs the program")
    options = parser.parse_args()
    program = (
        shlex.split(options.program)
        if options.program
        else [options.python, "-m", "youthaction_scoring"]
    )
    failures = run_all(program, options.outdir)
    print(f"{len(RUNS)} runs of {shlex.join(program)} kept in {options.outdir}; {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
