"""Helpers shared by the decision-support tests."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import attrs
from click.testing import CliRunner, Result

from youthaction_scoring import (
    Activity,
    Assessment,
    Brand,
    Community,
    Month,
    PilotLevel,
    Projects,
    dumps_assessment,
)
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
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    return [{k: unguard(v) for k, v in row.items()} for row in rows]


def community(**changes: Any) -> Community:
    """A plain community with *changes* applied."""
    base = Community(id="c1", name="示例社区", district="南明区", pilot_level=PilotLevel.NATIONAL)
    return attrs.evolve(base, **changes)


def activities(*months: str) -> Projects:
    """A brand and one qualifying activity in each of *months* (``YYYY-MM``)."""
    return Projects(
        brands=(Brand.HARMONIOUS,),
        activities=tuple(
            Activity(
                title="社区青春行动·月度活动",
                date=dt.date(Month.parse(m).year, Month.parse(m).month, 15),
                reported=True,
            )
            for m in months
        ),
    )
