"""The assessment document of the format page: its header, its districts, its communities.

One home for the keys of an assessment's top level. A JSON document and a
JSON Lines header line are read by :func:`structure_header` (``format``,
``period``, ``description``, ``districts``); the communities by the
converter. District records (R18) are checked against the communities with
:func:`~.._domain.districts.district_problems`, so every problem has its place.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .._domain.calendar import Period
from .._domain.checks import describe, text_problem
from .._domain.district_records import DistrictRecord, district_problems
from .._domain.errors import InputError, Place, Problem, Problems, join_place
from .._domain.expectations import Expected, expected_problems
from .._domain.model import Assessment, Community, ModelText
from .converter import ASSESSMENT_FORMAT, CONVERTER, structure_as, unstructure_community
from .expected import placed, structure_expected, unstructure_expected
from .reading_texts import ReadText

HEADER_KEYS: Final = ("format", "period", "description", "districts", "expected")
"""The keys of a JSON Lines header line, in the order they are written."""
ASSESSMENT_KEYS: Final = (*HEADER_KEYS, "communities")
"""The keys of an assessment document."""


@attrs.frozen
class Header:
    """An assessment's checked header.

    Args:
        period: The period, or ``None`` when it is invalid.
        description: The description, if any.
        districts: The district records (R18), checked on their own.
        problems: Every problem found, with its place.
        expected: Scores computed by hand (``check``), checked against the
            period and each other; their communities are checked with the
            communities.
    """

    period: Period | None
    description: str | None
    districts: tuple[DistrictRecord, ...]
    problems: tuple[Problem, ...]
    expected: tuple[Expected, ...] = ()


def structure_header(value: object, *, place: str = "", allow_communities: bool = True) -> Header:
    """Check an assessment's header (``format``, ``period``, ``description``, ``districts``).

    Args:
        value: The parsed top-level object (or a JSON Lines header line).
        place: Prefix for problem places (e.g. ``"line 1: "``).
        allow_communities: Whether a ``communities`` key is allowed.

    Returns:
        The header; its problems are empty when it is valid.
    """
    if not isinstance(value, dict):
        wrong = Problem(place.removesuffix(": "), ReadText.OBJECT(describe(value)))
        return Header(None, None, (), (wrong,))
    problems: list[Problem] = []
    allowed = ASSESSMENT_KEYS if allow_communities else HEADER_KEYS
    problems.extend(
        Problem(join_place(place, str(key)), ReadText.UNKNOWN_FIELD())
        for key in value
        if key not in allowed
    )
    if "format" not in value:
        problems.append(Problem(join_place(place, "format"), ReadText.MISSING()))
    elif value["format"] != ASSESSMENT_FORMAT:
        problems.append(
            Problem(
                join_place(place, "format"),
                ReadText.FORMAT(describe(value["format"]), ASSESSMENT_FORMAT),
            )
        )
    period: Period | None = None
    if "period" not in value:
        problems.append(Problem(join_place(place, "period"), ReadText.MISSING()))
    else:
        try:
            period = structure_as(value["period"], Period, join_place(place, "period"))
        except InputError as exc:
            problems.extend(exc.problems)
    description = value.get("description")
    if "description" in value:
        problem = text_problem(description)
        if problem:
            problems.append(Problem(join_place(place, "description"), problem))
            description = None
    districts = _structure_districts(value, place, problems)
    expected: tuple[Expected, ...] = ()
    if "expected" in value:
        where = join_place(place, "expected")
        expected = structure_expected(value["expected"], where, period, problems)
    return Header(period, description, districts, tuple(problems), expected)


def _structure_districts(
    value: dict[str, Any], place: str, problems: list[Problem]
) -> tuple[DistrictRecord, ...]:
    if "districts" not in value:
        return ()
    raw = value["districts"]
    where = join_place(place, "districts")
    if not isinstance(raw, list):
        problems.append(Problem(where, ReadText.LIST(describe(raw))))
        return ()
    records: list[DistrictRecord] = []
    for index, item in enumerate(raw):
        try:
            records.append(structure_as(item, DistrictRecord, f"{where}[{index}]"))
        except InputError as exc:
            problems.extend(exc.problems)
    if len(records) == len(raw):  # names checked when every record could be read
        problems.extend(
            Problem(join_place(place, p.place), p.message)
            for p in district_problems(records, ())
            if p.kind == "repeated"
        )
    return tuple(records)


def structure_assessment(value: object) -> Assessment:
    """Structure a parsed assessment document (the format page) strictly.

    Args:
        value: Parsed JSON.

    Returns:
        The assessment.

    Raises:
        InputError: Every problem found, each with its JSON path.
    """
    header = structure_header(value)
    problems = Problems()
    problems.extend(header.problems)
    communities: list[Community] = []
    complete = True
    if isinstance(value, dict) and "communities" in value:
        raw = value["communities"]
        if not isinstance(raw, list):
            problems.add(Problem("communities", ReadText.LIST(describe(raw))))
        else:
            first_seen: dict[str, int] = {}
            for index, item in enumerate(raw):
                place = f"communities[{index}]"
                try:
                    communities.append(structure_as(item, Community, place))
                except InputError as exc:
                    problems.extend(exc.problems)
                    complete = False
                ident = item.get("id") if isinstance(item, dict) else None
                if isinstance(ident, str):
                    if ident in first_seen:
                        problems.add(
                            Problem(
                                f"{place}.id",
                                ModelText.DUPLICATE_ID_AT(
                                    ident, Place(f"communities[{first_seen[ident]}]")
                                ),
                            )
                        )
                    else:
                        first_seen[ident] = index
    if complete and header.districts:
        problems.extend(
            Problem(p.place, p.message)
            for p in district_problems(header.districts, communities)
            if p.kind != "repeated"
        )
    if complete and header.expected:
        ids = [c.id for c in communities]
        unknown = expected_problems(header.expected, None, ids, repeats=False)
        problems.extend(placed(unknown, "expected"))
    if problems:
        raise InputError(problems)
    assert header.period is not None
    return Assessment(
        period=header.period,
        communities=tuple(communities),
        description=header.description,
        districts=header.districts,
        expected=header.expected,
    )


def unstructure_header(
    period: Period,
    description: str | None,
    districts: tuple[DistrictRecord, ...] = (),
    expected: tuple[Expected, ...] = (),
) -> dict[str, Any]:
    """Return the header of an assessment (:data:`HEADER_KEYS`, in order).

    Args:
        period: The period.
        description: The description, or ``None``.
        districts: The district records (written only when there are any, so
            that documents without them stay as before).
        expected: Scores computed by hand (written only when there are any).

    Returns:
        A JSON-ready dict.
    """
    out: dict[str, Any] = {"format": ASSESSMENT_FORMAT, "period": CONVERTER.unstructure(period)}
    if description is not None:
        out["description"] = description
    if districts:
        out["districts"] = [CONVERTER.unstructure(record) for record in districts]
    if expected:
        out["expected"] = unstructure_expected(expected)
    return out


def unstructure_assessment(assessment: Assessment) -> dict[str, Any]:
    """Return an assessment as an interchange-format document.

    Args:
        assessment: The assessment.

    Returns:
        A JSON-ready dict.
    """
    out = unstructure_header(
        assessment.period, assessment.description, assessment.districts, assessment.expected
    )
    out["communities"] = [unstructure_community(c) for c in assessment.communities]
    return out
