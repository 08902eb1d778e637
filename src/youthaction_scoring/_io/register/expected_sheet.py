"""The expected-scores sheet (期望得分) of the register: scores computed by hand, for ``check``.

One row per checked community (and as-of month): its id, optionally the
month (R2), then any of the ten items' points, 基本分, 加分 and 总分. A blank
cell is not checked. The sheet is optional; the template writes it empty.
Points are checked as the JSON reader checks them
(:func:`~..expected.points_problem`); a row naming no community, a month
outside the period or a repeated row is placed at its cell.

The declaration lives here, beside the code that reads it; :mod:`.sheets`
puts it among the other sheets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from ..._domain.calendar import Period
from ..._domain.codes import ItemCode
from ..._domain.errors import Place
from ..._domain.expectations import TOTAL_KEYS, Expected, expected_problems
from ..._domain.messages import Message
from ..expected import points_problem
from .layout import Column, SheetLayout
from .sheet_rows import Row, SheetReader
from .values import is_blank

_TOTALS: Final = {"base": "基本分", "bonus": "加分", "total": "总分"}


def _points(code: str, zh: str, what: str) -> Column:
    return Column(
        code,
        zh,
        "count",
        False,
        what,
        "手工计算的得分(整数,不超过该项最高分);留空表示不核对",
        "the points computed by hand (a whole number within the maximum); blank: not checked",
    )


EXPECTED: Final = SheetLayout(
    "期望得分",
    "expected",
    False,
    "委员会手工计算的得分,供 check 命令核对本工具:每个核对的社区(及截至月份)一行,"
    "留空的格子不核对;计分时不读此表",
    "scores a committee computed by hand, for the check command: one row per checked"
    " community (and as-of month); a blank cell is not checked; scoring ignores this sheet",
    (
        Column(
            "community",
            "社区编号",
            "link",
            True,
            "—",
            "填写“社区”表中该社区的编号,须完全一致",
            "the community's id exactly as on the communities sheet",
        ),
        Column(
            "as_of",
            "截至月份",
            "month",
            False,
            "R2",
            "按截至该月计分时核对,写作 YYYY-MM,须在考核期内;留空表示整个考核期",
            "check the score as of this month (YYYY-MM, within the period); blank: whole period",
        ),
        *(_points(f"items.{code.code}", code.code, code.code) for code in ItemCode),
        *(_points(key, zh, "R16") for key, zh in _TOTALS.items()),
    ),
)
"""The expected-scores sheet: one row per checked community and month."""


def read_expected(
    reader: SheetReader,
    rows: Iterable[Row],
    known: Callable[[Row], bool],
    period: Period | None,
) -> tuple[Expected, ...]:
    """Read the sheet's rows strictly, every problem placed at its cell.

    Args:
        reader: The workbook's reader (problems are added to it).
        rows: The sheet's non-empty rows.
        known: Whether a row's community is on the communities sheet (it
            reports the row when not).
        period: The period, if valid (an as-of month must lie in it, R2).

    Returns:
        The rows (none when any is bad: the register is refused then).
    """
    found: list[tuple[Row, Expected]] = []
    bad = False
    for row in rows:
        values = reader.values(row, EXPECTED)
        ok = values is not None and known(row)
        fields: dict[str, Any] = {}
        items: list[tuple[ItemCode, int]] = []
        for column in EXPECTED.columns[2:]:
            cell = row.cell(column.code)
            if values is None or is_blank(cell.value) or values[column.code] is None:
                continue
            key: ItemCode | str = column.code
            if column.code.startswith("items."):
                key = ItemCode.from_code(column.zh)
            problem = points_problem(key, values[column.code])
            if problem:
                reader.add(cell.place, problem)
                ok = False
            elif isinstance(key, ItemCode):
                items.append((key, values[column.code]))
            else:
                fields[key] = values[column.code]
        if not ok or values is None:
            bad = True
            continue
        found.append((row, Expected(values["community"], values["as_of"], tuple(items), **fields)))
    if bad:
        return ()
    checked = [expected for _, expected in found]
    for wrong in expected_problems(checked, period, None):
        cell = found[wrong.index][0].cell("community" if wrong.field == "community" else "as_of")
        args = tuple(_cell(a, found) for a in wrong.message.args)
        reader.add(cell.place, Message(wrong.message.key, args, wrong.message.rule))
    return tuple(checked)


def _cell(arg: object, found: list[tuple[Row, Expected]]) -> object:
    """An ``expected[i]`` place as the cell of row *i*'s community."""
    if isinstance(arg, Place) and arg.value.startswith("expected["):
        return found[int(arg.value[9:-1])][0].cell("community").place
    return arg


def expected_rows(rows: Iterable[Expected]) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows of *rows*, in order; what a row leaves out is blank."""
    for row in rows:
        items = dict(row.items)
        yield (
            row.community,
            None if row.as_of is None else str(row.as_of),
            *(items.get(code) for code in ItemCode),
            *(getattr(row, key) for key in TOTAL_KEYS),
        )
