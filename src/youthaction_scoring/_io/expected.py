"""The ``expected`` list of an assessment document (the format page), read strictly and written.

A JSON document carries it at the top level, a JSON Lines file in its header
line, a register on the sheet 期望得分 (:mod:`.register.expected_sheet`).
Every reader checks a row's points against the rules' maxima with
:func:`points_problem`, so a value is refused alike wherever it comes from;
the rows are then checked against the period (R2) and the communities
(:func:`~.._domain.expectations.expected_problems`).
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any, Final

from .._domain.calendar import Period
from .._domain.checks import describe
from .._domain.codes import ItemCode
from .._domain.errors import Place, Problem, Refusal, join_place
from .._domain.expectations import TOTAL_KEYS, Expected, ExpectedProblem, expected_problems
from .._domain.messages import Message, Text
from .._rules import editions
from .._rules.clauses import max_points, max_total
from .primitives import code_reader, read_count, read_id, read_month
from .reading_texts import ReadText

KEYS: Final = ("community", "as_of", "items", *TOTAL_KEYS)
"""The keys of an expected row, in the order they are written."""

_READ_CODE: Final = code_reader(ItemCode)


class ExpectedReadText(Text):
    """What reading an expected row says of its points."""

    ABOVE = ("{0}分超过{1}的最高分{2}", "{0} points exceed the highest {2} of {1}")
    ITEM = ("第{0}项", "item {0}")
    BASE = ("基本分", "the base")
    BONUS = ("加分", "the bonus")
    TOTAL = ("总分", "the total")


def highest(key: ItemCode | str) -> int:
    """The most points an item (or ``"base"``, ``"bonus"``, ``"total"``) can have (R16)."""
    rules = editions.GUIYANG_2021  # the bundled edition's maxima
    if isinstance(key, ItemCode):
        return max_points(rules, key)
    return {"base": rules.base_cap, "bonus": rules.bonus_cap}.get(key) or max_total(rules)


def _name(key: ItemCode | str) -> Message:
    if isinstance(key, ItemCode):
        return ExpectedReadText.ITEM(key.code)
    return ExpectedReadText[key.upper()]()


def points_problem(key: ItemCode | str, value: object) -> Message | None:
    """Why *value* cannot be the points of *key*, or ``None``: a whole number within its maximum."""
    try:
        points = read_count(value)
    except Refusal as exc:
        return exc.message
    top = highest(key)
    return ExpectedReadText.ABOVE(points, _name(key), top) if points > top else None


def structure_expected(
    raw: object, where: str, period: Period | None, problems: list[Problem]
) -> tuple[Expected, ...]:
    """Read the ``expected`` list at *where* (``expected``, ``line 1: expected``) strictly.

    When every row could be read, the rows are checked against *period*
    (R2) and each other; their communities are checked later, against the
    communities.

    Args:
        raw: Its parsed value.
        where: Its place.
        period: The period, if valid.
        problems: Every problem found is added here, each with its place.

    Returns:
        The rows, or none when any could not be read.
    """
    if not isinstance(raw, list):
        problems.append(Problem(where, ReadText.LIST(describe(raw))))
        return ()
    rows: list[Expected] = []
    for index, item in enumerate(raw):
        row = _row(item, f"{where}[{index}]", problems)
        if row is not None:
            rows.append(row)
    if len(rows) < len(raw):
        return ()  # refused already; its rows' indices would not be theirs
    problems.extend(placed(expected_problems(rows, period, None), where))
    return tuple(rows)


def _row(value: object, place: str, problems: list[Problem]) -> Expected | None:
    if not isinstance(value, dict):
        problems.append(Problem(place, ReadText.OBJECT(describe(value))))
        return None
    before = len(problems)
    problems.extend(
        Problem(join_place(place, str(k)), ReadText.UNKNOWN_FIELD()) for k in value if k not in KEYS
    )
    fields: dict[str, Any] = {}
    for key, read in (("community", read_id), ("as_of", read_month)):
        if key in value:
            try:
                fields[key] = read(value[key])
            except Refusal as exc:
                problems.append(Problem(join_place(place, key), exc.message))
    if "community" not in value:
        problems.append(Problem(join_place(place, "community"), ReadText.MISSING()))
    fields["items"] = _items(value.get("items", {}), join_place(place, "items"), problems)
    for key in TOTAL_KEYS:
        if key in value:
            problem = points_problem(key, value[key])
            if problem:
                problems.append(Problem(join_place(place, key), problem))
            fields[key] = value[key]
    return Expected(**fields) if len(problems) == before else None


def _items(raw: object, place: str, problems: list[Problem]) -> tuple[tuple[ItemCode, int], ...]:
    if not isinstance(raw, dict):
        problems.append(Problem(place, ReadText.OBJECT(describe(raw))))
        return ()
    found: dict[ItemCode, int] = {}
    for code, points in raw.items():
        where = f'{place}["{code}"]'
        try:
            item = typing.cast(ItemCode, _READ_CODE(code))
        except Refusal as exc:
            problems.append(Problem(where, exc.message))
            continue
        problem = points_problem(item, points)
        if problem:
            problems.append(Problem(where, problem))
            continue
        found[item] = typing.cast(int, points)
    return tuple((code, found[code]) for code in ItemCode if code in found)


def placed(problems: Iterable[ExpectedProblem], where: str) -> list[Problem]:
    """Expected-row problems placed in a document (``expected[1].community``) under *where*."""
    out = []
    for problem in problems:
        args = tuple(
            Place(join_place(where.removesuffix("expected"), a.value))
            if isinstance(a, Place)
            else a
            for a in problem.message.args
        )
        message = Message(problem.message.key, args, problem.message.rule)
        out.append(Problem(f"{where}[{problem.index}].{problem.field}", message))
    return out


def unstructure_expected(rows: Iterable[Expected]) -> list[dict[str, Any]]:
    """The rows as the format page writes them (what a row leaves out stays out)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        value: dict[str, Any] = {"community": row.community}
        if row.as_of is not None:
            value["as_of"] = str(row.as_of)
        if row.items:
            value["items"] = {code.code: points for code, points in row.items}
        value.update(row.totals())
        out.append(value)
    return out
