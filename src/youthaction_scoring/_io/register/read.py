"""Reading a register workbook (台账) into an :class:`~..._domain.model.Assessment`.

Reading is as strict as the JSON converter and reuses its checks (see
:mod:`.values`). Every problem is collected and placed by sheet and cell
(``专项活动!C14: ...``); nothing is dropped silently: an unknown sheet or
column, a record whose community does not exist, or a formula is an error.
Fully empty rows are ignored. The sheets are those of :mod:`.sheets`: a list
sheet adds a code or a record to a list of its community, with no code of
its own here; a missing sheet is an error naming it (an empty sheet means no
records). District records (区县, R18) are read and checked against the
communities by :mod:`.districts`; a register without that sheet has none.
A problem with one cause is reported once, at all its cells (:mod:`.places`);
cells read in a lenient form are noted, one :class:`~.places.RegisterNote`
warning per column, once the register has been read.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable
from typing import IO, Any

import attrs

from ..._domain.calendar import Period, period_problem
from ..._domain.checks import id_problem, repeat_problem, text_problem
from ..._domain.codes import LeaderLevel, RecognitionKind
from ..._domain.errors import InputError, Problem, Refusal
from ..._domain.model import (
    Assessment,
    Cadres,
    Community,
    LeaderInstruction,
    LeagueOrg,
    Mechanisms,
    MediaPublication,
    ModelText,
    OrgSystem,
    Projects,
    Recognition,
    Summary,
    Workforce,
    YouthHome,
)
from .book import Book
from .cells import require_reader
from .district_sheet import DISTRICTS, Member, check_districts, district_records, read_districts
from .expected_sheet import EXPECTED, read_expected
from .places import RegisterNote, span_text
from .register_texts import RegisterText
from .safety import check_unpacked_size
from .sheet_rows import Row, SheetReader
from .sheets import (
    ASSESSMENT,
    COMMUNITIES,
    DATA_SHEETS,
    INSTRUCTIONS_SHEET,
    LISTS,
    RECOGNITIONS,
    SHEET_NAMES,
    SUMMARIES,
)
from .values import is_blank, key

# --------------------------------------------------------------------------
# The workbook.
# --------------------------------------------------------------------------


@attrs.define
class _Draft:
    """A community while its records are being collected.

    ``lists`` holds the items of each list sheet by the sheet's target
    (``"workforce.pairings"``); ``places``, for a list of codes, the cell of each.
    """

    place: str
    fields: dict[str, Any]
    lists: dict[str, list[Any]] = attrs.Factory(lambda: {s.target: [] for s in LISTS})
    places: dict[str, list[str]] = attrs.Factory(lambda: {s.target: [] for s in LISTS})
    summaries: dict[str, tuple[str, dict[str, Any], list[Recognition]]] = attrs.Factory(dict)


def read_register(path: str | os.PathLike[str] | IO[bytes]) -> Assessment:
    """Read a register workbook (``.xlsx``) strictly.

    Before anything is parsed, the workbook's zip directory is read: a
    workbook that unpacks to more than 256 MiB, or whose style or shared
    strings table is larger than any register's, is refused; every part is
    then read once, never past the size it declares, so a lying directory
    cannot help it through, before python-calamine reads the workbook.

    Args:
        path: The workbook, or a binary file holding one (seekable).

    Returns:
        The assessment it holds.

    Warns:
        RegisterNote: A ``UserWarning`` per column whose counts or dates were typed
            as text and read (``３``, ``2021年12月18日``), naming the cells.

    Raises:
        InputError: Every problem found, each placed as ``Sheet!Cell``.
        ImportError: The ``excel`` extra is not installed.
        OSError: The file cannot be read.
    """
    require_reader()
    name = "-" if not isinstance(path, str | os.PathLike) else os.fspath(path)
    opened: Any = (
        open(name, "rb")  # noqa: SIM115 - entered just below
        if isinstance(path, str | os.PathLike)
        else contextlib.nullcontext(path)
    )
    with opened as handle:
        check_unpacked_size(handle, name)
        book = Book(handle, name)
        try:
            return _read_book(book)
        finally:
            book.close()


def _sheets(book: Book, reader: SheetReader) -> dict[str, Any]:
    present: dict[str, Any] = {}
    for sheet_name in book.sheetnames:
        if sheet_name not in SHEET_NAMES:
            reader.add(
                f"{sheet_name}!A1",
                RegisterText.UNKNOWN_SHEET(sheet_name, ", ".join(SHEET_NAMES)),
            )
            continue
        if sheet_name != INSTRUCTIONS_SHEET and book.state(sheet_name) != "visible":
            reader.add(
                f"{sheet_name}!A1",
                RegisterText.HIDDEN(),
            )
            continue
        present[sheet_name] = sheet_name
    for layout in DATA_SHEETS:
        if not layout.required or layout.name in book.sheetnames:
            continue  # refused above when hidden
        reader.add(f"{layout.name}!A1", RegisterText.SHEET_MISSING(layout.name, layout.code))
    present.pop(INSTRUCTIONS_SHEET, None)
    return present


def _read_book(book: Book) -> Assessment:
    reader = SheetReader()
    sheets = _sheets(book, reader)
    rows = {
        layout.code: reader.rows(book.rows(layout.name), layout) if layout.name in sheets else []
        for layout in DATA_SHEETS
    }
    # Links are checked against a communities sheet read whole: ids past an
    # unreadable row are unknown, not missing.
    reader.check_links = COMMUNITIES.name in sheets and COMMUNITIES.name not in reader.cut_short
    period, description = _read_period(reader, rows["assessment"], ASSESSMENT.name in sheets)
    drafts = _read_communities(reader, rows["communities"])
    _read_records(reader, rows, drafts)
    districts = read_districts(reader, rows[DISTRICTS.code])
    if districts and reader.check_links and all(d.fields for d in drafts.values()):
        members = [_member(draft) for draft in drafts.values()]
        check_districts(reader, districts, members, COMMUNITIES)
    communities = _build(reader, drafts)
    known = lambda row: _link(reader, row, drafts, "community") is not None  # noqa: E731 - one use
    expected = read_expected(reader, rows[EXPECTED.code], known, period)
    if reader.grouped.settle():
        raise InputError(reader.problems)
    assert period is not None
    for note in reader.notes.settle():
        warnings.warn(RegisterNote(note), stacklevel=3)
    return Assessment(
        period=period,
        communities=communities,
        description=description,
        districts=district_records(districts),
        expected=expected,
    )


def _member(draft: _Draft) -> Member:
    """A community as the district check sees it: identity, id cell, its 1.1 cells."""
    values = draft.fields
    community = Community(
        id=values["id"],
        name=values["name"],
        district=values["district"],
        pilot_level=values["pilot_level"],
    )
    return Member(community, draft.place, tuple(draft.places["org_system.county_youth_orgs"]))


def _read_period(
    reader: SheetReader, rows: list[Row], present: bool
) -> tuple[Period | None, str | None]:
    if not present:
        return None, None
    if not rows:
        reader.add(f"{ASSESSMENT.name}!A2", RegisterText.PERIOD_MISSING())
        return None, None
    for extra in rows[1:]:
        reader.add(extra.first_place(), RegisterText.ONE_ROW())
    row = rows[0]
    if row.number != 2:
        reader.add(row.first_place(), RegisterText.ROW_TWO())
    values = reader.values(row, ASSESSMENT)
    if values is None:
        return None, None
    start, end = values["period.start"], values["period.end"]
    problem = period_problem(start, end)
    if problem:
        reader.add(row.cell("period.start").place, problem)
        return None, None
    return Period(start, end), values["description"]


def _read_communities(reader: SheetReader, rows: list[Row]) -> dict[str, _Draft]:
    drafts: dict[str, _Draft] = {}
    for row in rows:
        values = reader.values(row, COMMUNITIES)
        ident = row.cell("id").value
        if isinstance(ident, str) and ident in drafts:
            reader.add(
                row.cell("id").place,
                ModelText.DUPLICATE_ID_AT(ident, drafts[ident].place),
            )
            continue
        if values is None:
            if isinstance(ident, str) and not text_problem(ident):
                drafts[ident] = _Draft(row.cell("id").place, {})  # records still link to it
            continue
        _check_optional_parts(reader, row, values)
        problem = id_problem(values["id"])  # R17
        if problem:
            reader.add(row.cell("id").place, problem)
        drafts[values["id"]] = _Draft(row.cell("id").place, {} if problem else values)
    return drafts


def _check_optional_parts(reader: SheetReader, row: Row, values: dict[str, Any]) -> None:
    parts = {
        "youth_home": ("youth_home.on_cloud_platform", "youth_home.activities_standardized"),
        "league_org": ("league_org.activities_standardized",),
    }
    for flag, details in parts.items():
        column = COMMUNITIES.column(flag)
        for detail in details:
            cell = row.cell(detail)
            if values[flag] and values[detail] is None:
                reader.add(cell.place, RegisterText.REQUIRED_WHEN(column.zh, detail))
            elif not values[flag] and values[detail] is not None:
                reader.add(cell.place, RegisterText.EMPTY_WHEN(column.zh, flag))


def _link(
    reader: SheetReader, row: Row, drafts: dict[str, _Draft], column: str = "community_id"
) -> _Draft | None:
    value = row.value(column)
    if is_blank(value):
        return None  # reported as a required cell by values()
    if not isinstance(value, str) or not reader.check_links:
        return None  # reported by values(), or the communities sheet is missing
    if value in drafts:
        return drafts[value]
    loose = [d for key, d in drafts.items() if key.strip() == value.strip()]
    if len(loose) == 1:
        return loose[0]  # a stray space around an id that is otherwise unique
    place = row.cell(column).place
    reader.grouped.add(place, ("no community", value), _no_community(value))
    return None


def _no_community(ident: str) -> Callable[[list[str]], Problem]:
    """The problem of an id missing from the communities sheet, for every cell naming it."""

    def make(places: list[str]) -> Problem:
        if len(places) == 1:
            return Problem(places[0], RegisterText.NO_COMMUNITY(ident, COMMUNITIES.name))
        message = RegisterText.NO_COMMUNITY_AT(
            ident, COMMUNITIES.name, len(places), span_text(places)
        )
        return Problem(places[0], message)

    return make


def _read_records(
    reader: SheetReader, rows: dict[str, list[Row]], drafts: dict[str, _Draft]
) -> None:
    for layout in LISTS:
        fields = layout.fields
        (value_column,) = fields if layout.record is None else (None,)
        for row in rows[layout.code]:
            draft = _link(reader, row, drafts)
            values = reader.values(row, layout)
            if draft is None or values is None:
                continue
            items = draft.lists[layout.target]
            if value_column is None:
                assert layout.record is not None
                items.append(layout.record(**{c.code: values[c.code] for c in fields}))
                continue
            value = values[value_column.code]
            problem = repeat_problem([*items, value]) if value in items else None
            if problem:
                reader.add(row.cell(value_column.code).place, RegisterText.FOR_COMMUNITY(problem))
                continue
            items.append(value)
            draft.places[layout.target].append(row.cell(value_column.code).place)
    for row in rows[SUMMARIES.code]:
        _read_summary(reader, row, drafts)
    for row in rows[RECOGNITIONS.code]:
        _read_recognition(reader, row, drafts)


def _read_summary(reader: SheetReader, row: Row, drafts: dict[str, _Draft]) -> None:
    draft = _link(reader, row, drafts)
    values = reader.values(row, SUMMARIES)
    if draft is None:
        return
    key_cell = row.cell("summary_no")
    number = values["summary_no"] if values is not None else None
    if number is None and not is_blank(key_cell.value):
        try:
            number = key(key_cell.value)
        except Refusal:
            return
    if number is None:
        return
    if number in draft.summaries:
        first = draft.summaries[number][0]
        reader.add(
            key_cell.place,
            RegisterText.DUPLICATE_SUMMARY(number, first),
        )
        return
    draft.summaries[number] = (key_cell.place, values or {}, [])


def _read_recognition(reader: SheetReader, row: Row, drafts: dict[str, _Draft]) -> None:
    draft = _link(reader, row, drafts)
    values = reader.values(row, RECOGNITIONS)
    if values is None:
        return
    kind, level, outlet = values["kind"], values["level"], values["outlet"]
    level_cell, outlet_cell = row.cell("level"), row.cell("outlet")
    recognition: Recognition | None = None
    if kind is RecognitionKind.LEADER_INSTRUCTION:
        if outlet is not None:
            reader.add(outlet_cell.place, RegisterText.EMPTY_FOR(kind.label, kind.code))
        if level is None:
            reader.add(level_cell.place, RegisterText.REQUIRED_FOR(kind.label, kind.code))
        elif outlet is None:
            assert isinstance(level, LeaderLevel)
            recognition = LeaderInstruction(level)
    else:
        if level is not None:
            reader.add(level_cell.place, RegisterText.EMPTY_FOR(kind.label, kind.code))
        if outlet is None:
            reader.add(outlet_cell.place, RegisterText.REQUIRED_FOR(kind.label, kind.code))
        elif level is None:
            recognition = MediaPublication(outlet)
    if draft is None or recognition is None:
        return
    key = values["summary_no"]
    if key not in draft.summaries:
        reader.add(
            row.cell("summary_no").place,
            RegisterText.NO_SUMMARY(key, SUMMARIES.name),
        )
        return
    draft.summaries[key][2].append(recognition)


def _build(reader: SheetReader, drafts: dict[str, _Draft]) -> tuple[Community, ...]:
    communities: list[Community] = []
    for draft in drafts.values():
        values = draft.fields
        if not values or reader.problems:
            continue
        lists = {target: tuple(items) for target, items in draft.lists.items()}
        summaries = tuple(
            Summary(fields["title"], fields["mechanism"], fields["date"], tuple(recognitions))
            for _place, fields, recognitions in draft.summaries.values()
        )
        youth_home = (
            YouthHome(
                values["youth_home.on_cloud_platform"], values["youth_home.activities_standardized"]
            )
            if values["youth_home"]
            else None
        )
        league_org = (
            LeagueOrg(values["league_org.activities_standardized"])
            if values["league_org"]
            else None
        )
        cadres = Cadres(
            values["cadres.full_time"], values["cadres.seconded"], values["cadres.part_time"]
        )
        communities.append(
            Community(
                id=values["id"],
                name=values["name"],
                district=values["district"],
                pilot_level=values["pilot_level"],
                org_system=OrgSystem(lists["org_system.county_youth_orgs"], youth_home, league_org),
                workforce=Workforce(
                    cadres, lists["workforce.service_projects"], lists["workforce.pairings"]
                ),
                projects=Projects(lists["projects.brands"], lists["projects.activities"]),
                mechanisms=Mechanisms(summaries),
            )
        )
    return tuple(communities)
