"""The districts sheet (区县) of the register: district records (R18), declared, read and written.

A district league committee records its county-level league youth social
organisations (clause 1.1) once for all its communities. The sheet lists
them the way the 县级组织 sheet lists a community's: one category a row, with
the district's name where that sheet has the community id; a district that
has recorded none has one row with the category empty. The sheet is optional:
a register without it (one written before district records) has none.

The declaration lives here, beside the code that reads it; :mod:`.sheets`
puts it among the other sheets, so the template, the reader, the writer and
the instructions sheet (说明) all use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from ..._domain.checks import repeat_problem, text_problem
from ..._domain.codes import CountyOrgCategory
from ..._domain.district_records import DistrictRecord, district_problems
from ..._domain.errors import Place
from ..._domain.messages import Message
from ..._domain.model import Community
from ..._domain.normalize import compare_key
from .layout import Column, SheetLayout
from .register_texts import RegisterText
from .sheet_rows import Row, SheetReader

DISTRICTS: Final = SheetLayout(
    "区县",
    "districts",
    False,
    "区县团委统一录入的县级团属青年社会组织类别(1.1,R18),每个区县每类一行;"
    "未录入任何类别的区县填一行、组织类别留空;已填写的区县,其社区不在“县级组织”表中填写",
    "district records (R18): the county-level organisation categories a district league"
    " committee recorded for all its communities, one row each; a district with none has one"
    " row with the category empty; its communities have no rows on the county_youth_orgs sheet",
    (
        Column(
            "name",
            "区县名称",
            "text",
            True,
            "1.1",
            "区(市、县)名称,与“社区”表的“所在区县”相同(不计空格、全半角和大小写,R22),如:南明区",
            "the district as in the communities' district column (spaces, width and case"
            " aside, R22), e.g. 南明区",
        ),
        Column(
            "category",
            "组织类别",
            "coded",
            False,
            "1.1",
            "志愿服务、创业就业 或 文艺体育;同一区县不得重复(R3);该区县未录入任何类别时留空",
            "volunteer service, entrepreneurship/employment or culture/arts/sports; no repeats"
            " per district (R3); empty when the district recorded none",
            CountyOrgCategory,
        ),
    ),
)
"""The districts sheet: district records (R18), one category a row."""


@attrs.define
class DistrictDraft:
    """A district while its rows are being collected.

    Args:
        place: Its name cell in its first row (``区县!A2``).
        name: Its name as first written (rows whose names compare equal are
            one district, R22).
        categories: Its categories, in row order.
        places: The category cell of each category.
        empty: Whether a row of it has the category empty (recorded none).
    """

    place: str
    name: str = ""
    categories: list[CountyOrgCategory] = attrs.Factory(list)
    places: list[str] = attrs.Factory(list)
    empty: bool = False


@attrs.frozen
class Member:
    """A community as the district check sees it.

    Args:
        community: The community (its identity is enough).
        place: Its id cell on the communities sheet.
        orgs: The category cells of its own 1.1 list (on the 县级组织 sheet).
    """

    community: Community
    place: str
    orgs: tuple[str, ...]


def read_districts(reader: SheetReader, rows: Iterable[Row]) -> dict[str, DistrictDraft]:
    """Collect the districts sheet's rows into districts, by name, in order of first row.

    Every problem is recorded with its cell: a bad cell (by the column's
    kind), a category repeated for a district, and a second row of a district
    where either row has the category empty.

    Args:
        reader: The workbook's reader.
        rows: The sheet's non-empty rows.

    Returns:
        The districts by the comparison key of their names (R22; a district
        whose only rows are bad is there too, so that its communities are
        checked against it).
    """
    drafts: dict[str, DistrictDraft] = {}
    for row in rows:
        values = reader.values(row, DISTRICTS)
        name_cell, category_cell = row.cell("name"), row.cell("category")
        name = values["name"] if values is not None else _name(name_cell.value)
        if name is None:
            continue
        first = drafts.get(compare_key(name))
        draft = drafts.setdefault(compare_key(name), DistrictDraft(name_cell.place, name))
        if values is None or category_cell.missing:
            continue  # reported by values(), or at the header
        category = values["category"]
        if first is not None and (category is None or first.empty):
            reader.add(name_cell.place, _only_row(name, first.place))
        elif category is None:
            draft.empty = True
        elif category in draft.categories:
            where = draft.places[draft.categories.index(category)]
            problem = repeat_problem([category, category])
            reader.add(category_cell.place, RegisterText.FOR_DISTRICT(problem, where))
        else:
            draft.categories.append(category)
            draft.places.append(category_cell.place)
    return drafts


def _name(value: Any) -> str | None:
    """A district name from a cell that failed as a row, if the name itself is good."""
    return value if isinstance(value, str) and not text_problem(value) else None


def _only_row(name: str, first: str) -> Message:
    category = DISTRICTS.column("category")
    return RegisterText.ONLY_ROW(name, first, category.zh, category.code)


def district_records(drafts: Mapping[str, DistrictDraft]) -> tuple[DistrictRecord, ...]:
    """The district records of the collected districts, in order."""
    return tuple(DistrictRecord(draft.name, tuple(draft.categories)) for draft in drafts.values())


def check_districts(
    reader: SheetReader,
    drafts: Mapping[str, DistrictDraft],
    members: Sequence[Member],
    communities: SheetLayout,
) -> None:
    """Check the districts against the communities (R18), placing problems at cells.

    Uses :func:`~..._domain.districts.district_problems`, with a community
    carrying its own 1.1 list when it has rows on the 县级组织 sheet. A
    district with no community is placed at its name cell; a community of a
    recorded district with a list of its own at each category cell of that
    list, naming the community's id cell and the district's row.

    Args:
        reader: The workbook's reader (problems are added to it).
        drafts: The districts, by name.
        members: Every community of the register, in order.
        communities: The communities sheet (named in messages).
    """
    names = list(drafts)
    found = district_problems(
        district_records(drafts),
        [member.community for member in members],
        lambda index, _community: bool(members[index].orgs),
    )
    for problem in found:
        if problem.kind == "carries":
            assert problem.community is not None
            member = members[problem.community]
            _carries(reader, member, drafts[names[problem.district]])
        elif problem.kind == "unused":  # the record itself: no community is in it
            column = communities.column("district")
            name = drafts[names[problem.district]].name
            reader.add(
                drafts[names[problem.district]].place,
                RegisterText.NO_MEMBER(name, column.zh, column.code, communities.name),
            )
        else:  # any other problem of a record (its rows make one district: names never repeat)
            reader.add(drafts[names[problem.district]].place, _placed(problem.message, drafts))


def _carries(reader: SheetReader, member: Member, draft: DistrictDraft) -> None:
    community = member.community
    for place in member.orgs:
        reader.add(
            place,
            RegisterText.CARRIES(
                community.id, member.place, community.district, draft.place, rule="R18"
            ),
        )


def _placed(message: Message, drafts: Mapping[str, DistrictDraft]) -> Message:
    """*message* with its ``districts[i]`` places turned into cells."""
    places = [draft.place for draft in drafts.values()]

    def cell(arg: object) -> object:
        found = re.fullmatch(r"districts\[(\d+)\]", arg.value) if isinstance(arg, Place) else None
        return places[int(found[1])] if found else arg

    return Message(message.key, tuple(cell(a) for a in message.args), message.rule)


def district_rows(records: Iterable[DistrictRecord]) -> Iterator[tuple[Any, ...]]:
    """The rows of the districts sheet: one a category, or one with none for a bare record."""
    for record in records:
        if not record.county_youth_orgs:
            yield (record.name, None)
        for category in record.county_youth_orgs:
            yield (record.name, category.label)
