"""Scorecard exports for ``score --format xlsx|csv|csv-detail``."""

from __future__ import annotations

from typing import Literal

from .._domain.scorecard import Scorecards
from .common import emit, fail, writing

EXPORT_FORMATS = ("xlsx", "csv", "csv-detail")
"""The export formats this module writes."""


def check_export(fmt: str, output: str | None) -> None:
    """Fail early when an export cannot be written where asked.

    Args:
        fmt: The ``--format`` value.
        output: The ``-o`` path, or ``None`` for standard output.
    """
    if fmt == "xlsx" and output is None:
        fail("--format xlsx", "a workbook cannot go to standard output: add -o OUT.xlsx")


def export(cards: Scorecards, fmt: str, lang: Literal["zh", "en"], output: str | None) -> None:
    """Write the scorecards as a workbook or as CSV.

    Args:
        cards: The scorecards.
        fmt: ``xlsx``, ``csv`` (the summary table) or ``csv-detail`` (one row per item).
        lang: Language of labels, deductions and notes.
        output: The output file, or ``None`` for standard output (CSV only).
    """
    from .._present.workbook import scorecards_csv, write_scorecards_xlsx

    if fmt == "xlsx":
        assert output is not None
        with writing(output):
            write_scorecards_xlsx(cards, output, lang)
        return
    emit(scorecards_csv(cards, "summary" if fmt == "csv" else "detail", lang), output)
