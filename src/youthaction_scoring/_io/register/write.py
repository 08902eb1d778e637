"""Writing register workbooks: the blank template and a filled register.

Both come from the same layout (:mod:`.sheets`) and look the same: an
instructions sheet (说明), Chinese headers with the English field code under
them, frozen header rows, dropdowns showing the Chinese labels of every coded
field, date columns formatted as dates and text columns formatted as text.
Text is always written as a text cell, never a formula.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from typing import Any

from ..._domain.calendar import Period
from ..._domain.codes import CodedEnum
from ..._domain.model import Assessment, Community, LeaderInstruction
from .cells import Book, Sheet, require_writer
from .district_sheet import DISTRICTS, district_rows
from .expected_sheet import EXPECTED, expected_rows
from .layout import BOOL_FALSE, BOOL_TRUE, Column, SheetLayout
from .sheets import (
    ASSESSMENT,
    COMMUNITIES,
    DATA_SHEETS,
    INSTRUCTIONS_SHEET,
    LISTS,
    RECOGNITIONS,
    SUMMARIES,
)

_LAST_ROW = 1048576
"""The last row of a sheet: formats and dropdowns cover whole columns."""

_PORTRAIT = 90
"""Sheets up to this many characters wide print upright on A4; wider ones across."""

_INSTRUCTIONS_WIDTH = 180
"""The width of the instructions sheet's table (characters), which its notes span."""

_HELP = 48
"""The width of the instructions' help columns (characters)."""

_YES, _NO = BOOL_TRUE[0], BOOL_FALSE[0]


def _yes_no(value: bool | None) -> str | None:
    if value is None:
        return None
    return _YES if value else _NO


def _label(value: CodedEnum | None) -> str | None:
    return None if value is None else value.label


def _width(column: Column) -> float:
    return {"date": 14, "bool": 16, "count": 14, "key": 10, "month": 12}.get(column.kind, 24)


def _setup_sheet(book: Book, sheet: Sheet, layout: SheetLayout) -> None:
    """Headers, widths, column formats, dropdowns and the frozen header row of a data sheet."""
    for index, column in enumerate(layout.columns, start=1):
        sheet.put(1, index, column.header, book.heading)
        if column.kind == "date":
            shown = book.date
        elif column.kind in ("text", "link", "free", "month", "coded", "bool"):
            shown = book.text
        else:
            shown = None
        sheet.width(index, _width(column), shown)
        choices: tuple[str, ...] = ()
        if column.kind == "coded":
            assert column.enum is not None
            choices = tuple(m.label for m in column.enum)
        elif column.kind == "bool":
            choices = (_YES, _NO)
        if choices:
            sheet.worksheet.data_validation(
                1,
                index - 1,
                _LAST_ROW - 1,
                index - 1,
                {
                    "validate": "list",
                    "source": list(choices),
                    "ignore_blank": True,
                    "show_error": True,
                    "error_type": "warning",
                    "error_title": column.zh,
                    "error_message": "请从下拉列表选择(也可填写英文代码) / choose from the list: "
                    + column.zh,
                    "input_title": column.zh,
                    "input_message": column.help_zh[:255],
                    "show_input": True,
                },
            )
    sheet.header(32)
    wide = sum(_width(column) for column in layout.columns) > _PORTRAIT
    sheet.for_print(landscape=wide, names=1)


def _instructions(book: Book, sheet: Sheet, period: Period | None) -> None:
    intro = [
        "社区青春行动考核台账 / Community Youth Action assessment register",
        "每个工作表第1行是表头(中文名称及英文字段代码),请从第2行起填写,不要改动表头或工作表名称。",
        "Row 1 of every sheet is its header (Chinese name over the English field code); "
        "fill in from row 2 and do not rename headers or sheets.",
        "各记录表用“社区编号”关联到“社区”表中的社区;编码字段可从下拉列表选择中文,也可填写英文代码;"
        "是否字段填“是/否”(或 TRUE/FALSE);日期填 2021-12-18 这样的日期;整行空白会被忽略。",
        "Records link to their community by its id; coded fields take the Chinese label or "
        "the English code; yes/no fields take 是/否 or TRUE/FALSE; dates are dates such as "
        "2021-12-18; fully empty rows are ignored. Formulas are not accepted.",
        "“区县”表(1.1,R18):县级团属青年社会组织由区县团委统一录入,每个区县只填一次——每个组织类别一行"
        "(区县名称 + 组织类别),未录入任何类别的区县填一行、组织类别留空。已在“区县”表填写的区县,"
        "其社区的 1.1 以区县记录为准,这些社区在“县级组织”表中不填;"
        "未填写的区县仍用各社区自己的“县级组织”。",
        "The 区县 (districts) sheet (1.1, R18): fill in each district once, one row per category "
        "(district name and category), or one row with the category empty if it recorded none. "
        "Communities of a district listed there take 1.1 from it and leave their own 1.1 "
        "(rows on the 县级组织 sheet) empty; other communities keep their own.",
        "“期望得分”表(可选,计分时不读):委员会手工计算过的社区,每个社区(及截至月份)填一行,"
        "留空的格子不核对;用 check 命令核对本工具的计分。",
        "The 期望得分 (expected) sheet (optional, ignored by scoring): one row per community (and"
        " as-of month) the committee scored by hand; blank cells are not checked; the check"
        " command compares the tool's scores with them.",
        "考核期 / period: " + (str(period) if period is not None else "(在“考核期”表中填写)"),
    ]
    for number, text in enumerate(intro, start=1):  # each across the table below, wrapped
        if number == 1:
            sheet.put(number, 1, text, book.title)
        else:
            sheet.height(number, 15 * -(-len(text) * 2 // _INSTRUCTIONS_WIDTH))
            sheet.put_across(number, 7, text, book.wrap)
    top = len(intro) + 2
    headers = (
        "工作表 sheet",
        "列 column",
        "字段 field",
        "必填 required",
        "填写说明",
        "notes",
        "条款 clause",
    )
    for index, text in enumerate(headers, start=1):
        sheet.put(top, index, text, book.bold)
    row = top + 1
    for layout in DATA_SHEETS:
        cells = {1: layout.name, 5: layout.help_zh, 6: layout.help_en}
        _tall(sheet, row, layout.help_zh, layout.help_en)
        for index in range(1, 8):
            if index in cells:
                sheet.put(row, index, cells[index], book.heading)
            else:
                sheet.worksheet.write_blank(row - 1, index - 1, None, book.heading)
        row += 1
        for column in layout.columns:
            texts = (
                layout.name,
                column.zh,
                column.code,
                "是" if column.required else "否",
                column.help_zh,
                column.help_en,
                column.clause,
            )
            _tall(sheet, row, column.help_zh, column.help_en)
            for index, text in enumerate(texts, start=1):
                sheet.put(row, index, text, book.wrap)
            row += 1
    for index, width in enumerate((12, 20, 36, 10, _HELP, _HELP, 10), start=1):
        sheet.width(index, width)
    sheet.for_print(landscape=True, heading=top, columns=7, rows=row - 1)


def _tall(sheet: Sheet, row: int, zh: str, en: str) -> None:
    """Make a row of the instructions' table tall enough for its wrapped help texts."""
    lines = max(-(-len(zh) * 2 // (_HELP - 2)), -(-len(en) // (_HELP - 6)), 1)
    if lines > 1:
        sheet.height(row, 15 * lines)


def _book(period: Period | None, description: str | None) -> tuple[Book, dict[str, Sheet]]:
    """The workbook with its instructions, and each data sheet set up (headers and all)."""
    require_writer()
    book = Book()
    with contextlib.ExitStack() as on_error:
        on_error.push(book)
        _instructions(book, book.sheet(INSTRUCTIONS_SHEET), period)
        sheets: dict[str, Sheet] = {}
        for layout in DATA_SHEETS:
            sheet = book.sheet(layout.name)
            _setup_sheet(book, sheet, layout)
            sheets[layout.code] = sheet
        if period is not None:
            rows = [(str(period.start), str(period.end), description)]
            _write_rows(sheets[ASSESSMENT.code], ASSESSMENT, rows)
        on_error.pop_all()
    return book, sheets


def _write_rows(sheet: Sheet, layout: SheetLayout, rows: Iterable[tuple[Any, ...]]) -> None:
    """Write *rows* into *sheet* from row 2."""
    put = sheet.put
    for number, values in enumerate(rows, start=2):
        assert len(values) == len(layout.columns)
        for index, value in enumerate(values, start=1):
            put(number, index, value)


def _community_rows(communities: Iterable[Community]) -> Iterator[tuple[Any, ...]]:
    for c in communities:
        home, org, cadres = c.org_system.youth_home, c.org_system.league_org, c.workforce.cadres
        yield (
            c.id,
            c.name,
            c.district,
            c.pilot_level.label,
            _yes_no(home is not None),
            _yes_no(home.on_cloud_platform if home else None),
            _yes_no(home.activities_standardized if home else None),
            _yes_no(org is not None),
            _yes_no(org.activities_standardized if org else None),
            cadres.full_time,
            cadres.seconded,
            cadres.part_time,
        )


def _shown(column: Column) -> Callable[[Any], Any]:
    """How a model value shows in its column's cells: labels for codes, 是/否 for booleans."""
    if column.kind == "coded":
        return _label
    if column.kind == "bool":
        return _yes_no
    return _same


def _same(value: Any) -> Any:
    return value


def _list_rows(communities: Iterable[Community], layout: SheetLayout) -> Iterator[tuple[Any, ...]]:
    """The rows of a list sheet: each community's codes or records, one a row."""
    path = layout.target.split(".")
    if layout.record is None:
        (column,) = layout.fields
        show = _shown(column)
        for community in communities:
            items: Any = community
            for name in path:
                items = getattr(items, name)
            for item in items:
                yield (community.id, show(item))
        return
    cells = [(attrgetter(column.code), _shown(column)) for column in layout.fields]
    for community in communities:
        items = community
        for name in path:
            items = getattr(items, name)
        for item in items:
            yield (community.id, *(show(read(item)) for read, show in cells))


def _summary_rows(
    communities: Iterable[Community],
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    summaries: list[tuple[Any, ...]] = []
    recognitions: list[tuple[Any, ...]] = []
    for c in communities:
        for number, s in enumerate(c.mechanisms.summaries, start=1):
            summaries.append((c.id, number, s.title, s.mechanism.label, s.date))
            for r in s.recognitions:
                if isinstance(r, LeaderInstruction):
                    recognitions.append((c.id, number, r.kind.label, r.level.label, None))
                else:
                    recognitions.append((c.id, number, r.kind.label, None, r.outlet))
    return summaries, recognitions


def write_register_template(
    path: str | os.PathLike[str], period: Period | None = None, *, replace: bool = False
) -> None:
    """Write a blank register for league staff to fill in.

    Args:
        path: The ``.xlsx`` file to write (atomically).
        period: The assessment period to fill in, or ``None`` to leave it blank.
        replace: Replace an existing file (a filled-in register is never
            overwritten by accident).

    Raises:
        ImportError: The ``excel`` extra is not installed.
        OutputRefusedError: *path* exists and *replace* is false.
    """
    with _book(period, None)[0] as book:
        book.save(path, replace=replace)


def write_register(
    assessment: Assessment, path: str | os.PathLike[str], *, replace: bool = False
) -> None:
    """Write an assessment as a register workbook, losing nothing.

    Args:
        assessment: The assessment.
        path: The ``.xlsx`` file to write (atomically).
        replace: Replace an existing file (a register is never overwritten by
            accident).

    Raises:
        ValueError: A text is longer than a spreadsheet cell holds.
        ImportError: The ``excel`` extra is not installed.
        OutputRefusedError: *path* exists and *replace* is false.
    """
    book, sheets = _book(assessment.period, assessment.description)
    with book:
        cs = assessment.communities
        _write_rows(sheets[COMMUNITIES.code], COMMUNITIES, _community_rows(cs))
        for layout in LISTS:
            _write_rows(sheets[layout.code], layout, _list_rows(cs, layout))
        summaries, recognitions = _summary_rows(cs)
        _write_rows(sheets[SUMMARIES.code], SUMMARIES, summaries)
        _write_rows(sheets[RECOGNITIONS.code], RECOGNITIONS, recognitions)
        _write_rows(sheets[DISTRICTS.code], DISTRICTS, district_rows(assessment.districts))
        _write_rows(sheets[EXPECTED.code], EXPECTED, expected_rows(assessment.expected))
        book.save(path, replace=replace)
