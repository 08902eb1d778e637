"""CSV files: the one writer, and the tables it writes (scorecards, ranking, districts).

Every CSV the program writes goes through :func:`csv_text`: RFC 4180 quoting,
``CRLF`` line ends, and the OWASP guard against CSV injection — a text cell
that a spreadsheet would read as a formula is prefixed with ``'``
(:func:`neutralise`). Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

from .._analysis.ranking import RankedCard
from .._analysis.rollup import DistrictSummary
from .._analysis.score_rows import ScoreRows
from .._domain.codes import Lang, PilotLevel
from .._domain.scorecard import Scorecards
from .._io.decisions import DISTRICT_FIELDS, RANKING_FIELDS, district_rows, ranking_rows
from .._io.stamps import STAMP_HEADERS, stamp_cells
from .headings import behind_line
from .scorecard_rows import (
    DETAIL_HEADERS,
    SUMMARY_HEADERS,
    detail_rows,
    summary_cells,
    summary_rows,
)

BOM: Final = "\ufeff"
"""UTF-8 byte-order mark, so that Excel opens the CSV as UTF-8 and shows Chinese."""

_FORMULA_LIKE: Final = re.compile(r"[\t\r\n\x00]|\s*[=+\-@]")
"""What a spreadsheet may read as a formula at the start of a cell (OWASP): one of
``= + - @``, perhaps after white space, or a tab, carriage return, line feed
or NUL."""


def neutralise(value: Any) -> Any:
    """Neutralise a CSV cell that a spreadsheet would read as a formula (OWASP).

    Args:
        value: A cell value.

    Returns:
        Text starting with ``=``, ``+``, ``-``, ``@``, a tab, a carriage
        return, a line feed or NUL — or with white space and then one of
        ``= + - @`` — prefixed with ``'``; anything else unchanged.
    """
    if isinstance(value, str) and _FORMULA_LIKE.match(value):
        return "'" + value
    return value


def _plain(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return str(neutralise(str(value)))


def csv_text(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = False,
    quote_text: bool = False,
) -> str:
    """Write a table as CSV text.

    Args:
        header: The header row.
        rows: The rows: text and numbers.
        bom: Start with a UTF-8 byte-order mark.
        quote_text: Quote every text cell (numbers stay bare); otherwise only
            cells that need it are quoted.

    Returns:
        The CSV text, ``CRLF`` line ends, formula-like text neutralised.
    """
    out = io.StringIO()
    if quote_text:
        writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in header])
        writer.writerows([neutralise(v) for v in row] for row in rows)
    else:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow([_plain(h) for h in header])
        writer.writerows([_plain(v) for v in row] for row in rows)
    return (BOM if bom else "") + out.getvalue()


RANKING_HEADERS: Final = tuple(
    zip(
        ("排名", "社区编号", "社区名称", "所在区县", "试点批次", "基本分", "加分", "总分"),
        RANKING_FIELDS,
        strict=True,
    )
)
"""Ranking columns: (Chinese header, English code), the codes those of the JSON rows."""

DISTRICT_HEADERS: Final = tuple(
    zip(
        ("区（市、县）", "社区数", "平均分", "最低分", "最高分", "滞后社区"),
        DISTRICT_FIELDS,
        strict=True,
    )
)
"""District columns: (Chinese header, English code), the codes those of the JSON rows."""


def header_row(
    headers: Sequence[tuple[str, str]], lang: Lang, bilingual: bool = False
) -> list[str]:
    """The header row of every CSV: the chosen language, or both if asked.

    Args:
        headers: (Chinese header, English code) per column.
        lang: ``"zh"``: the Chinese headers; ``"en"``: the English codes.
        bilingual: Both, as ``排名 rank``.

    Returns:
        One header per column.
    """
    if bilingual:
        return [f"{zh} {code}" for zh, code in headers]
    return [zh if lang == "zh" else code for zh, code in headers]


def _table_csv(
    headers: Sequence[tuple[str, str]],
    rows: Iterable[Sequence[object]],
    lang: Lang,
    bilingual: bool,
    edition: Scorecards | None,
) -> str:
    """Every CSV's conventions: BOM, headers in the language, text quoted, formulas guarded.

    With *edition*, every row ends with the edition's name and hash (EDITIONS.md), in
    columns rather than a footer, so the file stays one table for a spreadsheet or pandas.
    """
    if edition is not None:
        stamp = stamp_cells(edition)
        headers = (*headers, *STAMP_HEADERS)
        rows = ((*row, *stamp) for row in rows)
    return csv_text(header_row(headers, lang, bilingual), rows, bom=True, quote_text=True)


def scorecards_csv(
    cards: Scorecards, table: str = "summary", lang: Lang = "zh", *, bilingual: bool = False
) -> str:
    """Return the summary or the detail table as CSV text, starting with a BOM.

    Args:
        cards: The scorecards.
        table: ``"summary"`` or ``"detail"``.
        lang: Language of headers, labels, deductions and notes.
        bilingual: Headers in Chinese and English (``排名 rank``).

    Returns:
        The CSV text (UTF-8 BOM first; every text cell quoted; the edition's
        name and hash the last two columns).
    """
    headers, rows = (
        (SUMMARY_HEADERS, summary_rows(cards, lang))
        if table == "summary"
        else (DETAIL_HEADERS, detail_rows(cards, lang))
    )
    return _table_csv(headers, rows, lang, bilingual, cards)


def score_rows_csv(rows: ScoreRows, lang: Lang = "zh", *, bilingual: bool = False) -> str:
    """Return the summary table of score rows: byte for byte :func:`scorecards_csv`'s summary.

    Args:
        rows: The score rows (:mod:`.._analysis.rows`).
        lang: Language of headers, labels and notes.
        bilingual: Headers in Chinese and English (``排名 rank``).

    Returns:
        The CSV text (UTF-8 BOM first; every text cell quoted).
    """
    return _table_csv(SUMMARY_HEADERS, summary_cells(rows.rows, lang), lang, bilingual, rows.head)


def ranking_csv(
    ranked: Iterable[RankedCard],
    lang: Lang = "zh",
    *,
    bilingual: bool = False,
    edition: Scorecards | None = None,
) -> str:
    """Return the ranking as CSV (``rank --format csv``): a row per community, labels not codes.

    With *edition* (the scores' header), the edition's name and hash end every row.
    """
    rows = ranking_rows(ranked)
    for row in rows:
        row["pilot_level"] = PilotLevel.from_code(row["pilot_level"]).label_in(lang)
    return _table_csv(
        RANKING_HEADERS,
        ([row[f] for f in RANKING_FIELDS] for row in rows),
        lang,
        bilingual,
        edition,
    )


def districts_csv(
    summaries: Sequence[DistrictSummary],
    lang: Lang = "zh",
    *,
    bilingual: bool = False,
    edition: Scorecards | None = None,
) -> str:
    """Return the district roll-up as CSV (``districts --format csv``): one row per district.

    Its behind cell names each community behind with its shortfalls, one a
    line (:func:`.headings.behind_line`, R23); with *edition*, the edition's
    name and hash end every row.
    """
    rows = district_rows(summaries, lang)
    body = [
        [*(r[h] for h in DISTRICT_FIELDS[:-1]), "\n".join(_behind_lines(s, lang))]
        for r, s in zip(rows, summaries, strict=True)
    ]
    return _table_csv(DISTRICT_HEADERS, body, lang, bilingual, edition)


def _behind_lines(summary: DistrictSummary, lang: Lang) -> list[str]:
    """Each community of *summary* flagged behind, with its shortfalls."""
    return [behind_line(b.community_name, b.community_id, b.lost, lang) for b in summary.flagged]
