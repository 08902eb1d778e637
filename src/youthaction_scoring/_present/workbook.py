"""Scorecards as a workbook (summary and detail sheets) or as CSV.

Nothing is recomputed here: points, deductions and notes are read from the
:class:`~.._scorecard.Scorecards`. The rank is competition ranking by total
(equal totals share a rank, the next rank skips: 1, 2, 2, 4).

No formula, ever: in the workbook every text is a text cell; in CSV, a text
cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
is prefixed with a single quote and every text cell is quoted, as the OWASP
guidance on CSV injection recommends.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from typing import Any, Final

from .._analysis.ranking import competition_ranks
from .._domain.codes import ItemCode, Lang
from .._domain.scorecard import ItemScore, Scorecard, Scorecards
from .._io.register.cells import put, require_openpyxl, save_book
from .csvsafe import neutralise_csv

CSV_BOM: Final = "\ufeff"
"""UTF-8 byte-order mark, so that Excel opens the CSV as UTF-8 and shows Chinese."""

SUMMARY_HEADERS: Final = (
    ("排名", "rank"),
    ("社区编号", "community_id"),
    ("社区名称", "community_name"),
    ("所在区县", "district"),
    ("试点批次", "pilot_level"),
    *((c.label, c.code) for c in ItemCode),
    ("基本分", "base"),
    ("加分", "bonus"),
    ("总分", "total"),
    ("备注", "notes"),
)
"""Summary columns: (Chinese header, English code)."""

DETAIL_HEADERS: Final = (
    ("社区编号", "community_id"),
    ("社区名称", "community_name"),
    ("条款", "code"),
    ("考核项目", "item"),
    ("类型", "kind"),
    ("满分/上限", "max"),
    ("原始分", "raw"),
    ("扣分", "deducted"),
    ("得分", "points"),
    ("扣分明细", "deductions"),
    ("说明", "notes"),
)
"""Detail columns: (Chinese header, English code)."""


def summary_rows(cards: Scorecards, lang: Lang = "zh") -> Iterator[list[Any]]:
    """The summary table: one row per community, in input order.

    Args:
        cards: The scorecards.
        lang: Language of labels and notes.

    Returns:
        Rows of cell values (text and whole numbers).
    """
    rank_of = competition_ranks([c.total for c in cards])
    for rank, card in zip(rank_of, cards, strict=True):
        yield [
            rank,
            card.community_id,
            card.community_name,
            card.district,
            card.pilot_level.label_in(lang),
            *(item.points for item in card.items),
            card.base,
            card.bonus,
            card.total,
            "\n".join(m.text(lang) for m in card.notes),
        ]


def _deductions(item: ItemScore, lang: Lang) -> str:
    if lang == "zh":
        return "\n".join(f"扣{d.points}分:{d.text('zh')} ({d.rule})" for d in item.deductions)
    return "\n".join(f"-{d.points}: {d.text('en')} ({d.rule})" for d in item.deductions)


def detail_rows(cards: Scorecards, lang: Lang = "zh") -> Iterator[list[Any]]:
    """The detail table: one row per item of every community.

    Args:
        cards: The scorecards.
        lang: Language of labels, deductions and notes.

    Returns:
        Rows of cell values (text and whole numbers).
    """
    card: Scorecard
    for card in cards:
        for item in card.items:
            yield [
                card.community_id,
                card.community_name,
                item.code.code,
                item.code.label_in(lang),
                item.kind.label_in(lang),
                item.max,
                item.raw,
                item.deducted,
                item.points,
                _deductions(item, lang),
                "\n".join(m.text(lang) for m in item.notes),
            ]


def _header(zh: str, code: str) -> str:
    return f"{zh}\n{code}"


def write_scorecards_xlsx(
    cards: Scorecards, path: str | os.PathLike[str], lang: Lang = "zh"
) -> None:
    """Write scorecards as a workbook with a summary (汇总) and a detail (明细) sheet.

    Args:
        cards: The scorecards.
        path: The ``.xlsx`` file (written atomically).
        lang: Language of labels, deductions and notes.

    Raises:
        ImportError: The ``excel`` extra is not installed.
    """
    require_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "汇总"
    detail = book.create_sheet("明细")
    info = book.create_sheet("说明")
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    wrap = Alignment(wrap_text=True, vertical="top")
    tables = (
        (summary, SUMMARY_HEADERS, summary_rows(cards, lang)),
        (detail, DETAIL_HEADERS, detail_rows(cards, lang)),
    )
    for sheet, headers, rows in tables:
        widths = [max(len(zh) * 2, len(code), 6) + 2 for zh, code in headers]
        for index, (zh, code) in enumerate(headers, start=1):
            put(sheet, 1, index, _header(zh, code))
            cell = sheet.cell(row=1, column=index)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
        for number, row in enumerate(rows, start=2):
            for index, value in enumerate(row, start=1):
                put(sheet, number, index, value)
                if isinstance(value, str):
                    sheet.cell(row=number, column=index).alignment = wrap
                    longest = max((len(line) for line in value.split("\n")), default=0)
                    widths[index - 1] = max(widths[index - 1], min(longest * 2, 60))
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.row_dimensions[1].height = 32
        sheet.freeze_panes = "A2"
    as_of = f" (as of {cards.as_of})" if cards.as_of is not None else ""
    lines = (
        "社区青春行动考核得分 / Community Youth Action scores",
        f"考核期 period: {cards.period}{as_of}",
        f"评分规则 rulebook: {cards.rulebook}",
        "排名按总分,同分同名次 (1, 2, 2, 4) / rank by total; equal totals share a rank",
    )
    for number, text in enumerate(lines, start=1):
        put(info, number, 1, text)
    info.column_dimensions["A"].width = 80
    save_book(book, path)


def scorecards_csv(cards: Scorecards, table: str = "summary", lang: Lang = "zh") -> str:
    """Return the summary or the detail table as CSV text, starting with a BOM.

    Args:
        cards: The scorecards.
        table: ``"summary"`` or ``"detail"``.
        lang: Language of labels, deductions and notes.

    Returns:
        The CSV text (UTF-8 BOM first; every text cell quoted).
    """
    headers, rows = (
        (SUMMARY_HEADERS, summary_rows(cards, lang))
        if table == "summary"
        else (DETAIL_HEADERS, detail_rows(cards, lang))
    )
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow([neutralise_csv(f"{zh} {code}") for zh, code in headers])
    for row in rows:
        writer.writerow([neutralise_csv(v) for v in row])
    return CSV_BOM + out.getvalue()
