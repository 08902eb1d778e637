"""Helpers shared by the decision-support tests."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from click.testing import CliRunner, Result

from youthaction_scoring import Assessment, dumps_assessment
from youthaction_scoring._cli import main


def write_assessment(assessment: Assessment, folder: Path) -> Path:
    """Write *assessment* as JSON into *folder* and return the path."""
    path = folder / "input.json"
    path.write_text(dumps_assessment(assessment), encoding="utf-8")
    return path


def run(*args: str) -> Result:
    """Run the command line and return its result (standard error kept apart)."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def unguard(cell: str) -> str:
    """Undo the CSV formula guard (a leading apostrophe before = + - @ tab CR)."""
    if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def read_csv(text: str) -> list[dict[str, str]]:
    """Parse CSV output into rows of unguarded cells."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    return [{k: unguard(v) for k, v in row.items()} for row in rows]
