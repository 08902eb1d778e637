"""The benchmark runs at a tiny size (no timing assertions); the core imports light."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_benchmark_runs_at_a_tiny_size_and_outputs_match(tmp_path: Path) -> None:
    """benchmarks/run.py completes on 12 communities and both sides write identical bytes."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--count",
            "12",
            "--json",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["identical_output"] is True
    assert [r["stage"] for r in report["rows"]] == ["parse", "score", "write", "end-to-end"]
    assert report["communities"] == 12


def test_generator_is_reproducible(tmp_path: Path) -> None:
    """The same count and seed give byte-identical files; another seed does not."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    generate.write(a, 5, 1)
    generate.write(b, 5, 1)
    generate.write(c, 5, 2)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert len(a.read_text("utf-8").splitlines()) == 6


HEAVY = (
    "click",
    "rich",
    "openpyxl",
    "python_calamine",
    "jinja2",
    "pandas",
    "xlsxwriter",
    "starlette",
    "uvicorn",
)
"""Modules the core never imports: the command line, the optional extras, the service."""


def test_core_import_keeps_heavy_and_cli_modules_out() -> None:
    """Importing the package loads no command line, optional extra or service module."""
    code = (
        f"import sys, youthaction_scoring; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
