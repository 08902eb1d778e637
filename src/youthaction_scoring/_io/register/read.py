"""Reading a register workbook (台账) into an :class:`~.._model.Assessment`.

Reading is as strict as the JSON converter and reuses its checks
(:func:`~.._model.text_problem`, :func:`~.._model.count_problem`,
:func:`~.._model.repeat_problem`, :func:`~.._converter.parse_date` and the
enums' ``from_code_or_label``). Every problem is collected and placed by
sheet and cell (``专项活动!C14: ...``); nothing is dropped silently: an
unknown sheet or column, a record whose community does not exist, or a
formula is an error. Fully empty rows are ignored.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import attrs

from ..._domain.calendar import Month, Period
from ..._domain.checks import count_problem, describe, repeat_problem, text_problem
from ..._domain.codes import CodedEnum, LeaderLevel, RecognitionKind
from ..._domain.errors import InputError, Problem
from ..._domain.model import (
    Activity,
    Assessment,
    Cadres,
    Community,
    LeaderInstruction,
    LeagueOrg,
    Mechanisms,
    MediaPublication,
    OrgSystem,
    Pairing,
    Projects,
    Recognition,
    ServiceProject,
    Summary,
    Workforce,
    YouthHome,
)
from ..primitives import Invalid, parse_date
from .cells import require_openpyxl, unescape_text
from .layout import (
    ACTIVITIES,
    ASSESSMENT,
    BOOL_FALSE,
    BOOL_TRUE,
    BRANDS,
    COMMUNITIES,
    COUNTY_YOUTH_ORGS,
    DATA_SHEETS,
    INSTRUCTIONS_SHEET,
    PAIRINGS,
    RECOGNITIONS,
    SERVICE_PROJECTS,
    SHEET_NAMES,
    SUMMARIES,
    Column,
    SheetLayout,
)


class _Bad(Exception):  # noqa: N818 - an internal carrier for one cell's problem
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@attrs.frozen
class Cell:
    """A cell as read: its place (``活动!C14``) and its value.

    Args:
        place: ``Sheet!A1``.
        value: What openpyxl gave (text already unescaped), ``None`` when empty.
    """

    place: str
    value: Any
    missing: bool = False


@attrs.frozen
class Row:
    """A non-empty data row: its number and its cells by field code."""

    number: int
    cells: dict[str, Cell]

    def first_place(self) -> str:
        """The place of the row's first cell, for row-wide problems."""
        return next(iter(self.cells.values())).place


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------
# Cell values, one kind at a time (ColumnKind in _layout).
# --------------------------------------------------------------------------


def _text(value: Any) -> str:
    problem = text_problem(value)
    if problem:
        hint = " (format the column as text so that Excel keeps what you type)"
        raise _Bad(problem + (hint if isinstance(value, int | float) else ""))
    return str(value)


def _count(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    problem = count_problem(value)
    if problem:
        raise _Bad(problem)
    return int(value)


def _bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        shown = value.strip()
        if shown in BOOL_TRUE or shown.upper() == "TRUE":
            return True
        if shown in BOOL_FALSE or shown.upper() == "FALSE":
            return False
    raise _Bad(f"must be 是 or 否 (or TRUE or FALSE), got {describe(value)}")


def _date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise _Bad(f"must be a date without a time of day, got {value.isoformat(' ')}")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value.strip())
        except Invalid as exc:
            raise _Bad(exc.message) from None
    raise _Bad(f"must be a date (a date cell or text YYYY-MM-DD), got {describe(value)}")


def _month(value: Any) -> Month:
    if isinstance(value, dt.datetime) and value.day == 1 and value.time() == dt.time():
        return Month.of(value)
    if isinstance(value, str):
        try:
            return Month.parse(value.strip())
        except ValueError as exc:
            raise _Bad(str(exc)) from None
    raise _Bad(f"must be a month written YYYY-MM, got {describe(value)}")


def _coded(value: Any, enum: type[CodedEnum]) -> CodedEnum:
    if isinstance(value, str):
        try:
            return enum.from_code_or_label(value.strip())
        except ValueError as exc:
            raise _Bad(str(exc)) from None
    choices = ", ".join(f"{m.label} ({m.code})" for m in enum)
    raise _Bad(f"must be one of {choices}, got {describe(value)}")


def _key(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is int:
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise _Bad(f"must be a summary number, got {describe(value)}")


def _convert(column: Column, value: Any) -> Any:
    kind = column.kind
    if kind == "count":
        return _count(value)
    if kind == "bool":
        return _bool(value)
    if kind == "date":
        return _date(value)
    if kind == "month":
        return _month(value)
    if kind == "coded":
        assert column.enum is not None
        return _coded(value, column.enum)
    if kind == "key":
        return _key(value)
    if kind == "free":
        if not isinstance(value, str):
            raise _Bad(f"must be text, got {describe(value)}")
        return value
    return _text(value)  # text and link


# --------------------------------------------------------------------------
# Sheets: headers, rows and the values of a row.
# --------------------------------------------------------------------------


class _Reader:
    """Collects problems while reading one workbook."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.check_links = True

    def add(self, place: str, message: str) -> None:
        self.problems.append(Problem(place, message))

    def rows(self, sheet: Any, layout: SheetLayout) -> list[Row]:
        """Read a sheet's header and its non-empty rows."""
        sheet.reset_dimensions()  # never trust a stored size: read every row there is
        raw_rows = sheet.iter_rows(min_row=1, min_col=1)
        header = next(raw_rows, ())
        columns: dict[int, Column] = {}
        seen: dict[str, str] = {}
        blank_headers: list[int] = []
        for index, cell in enumerate(header, start=1):
            place = f"{layout.name}!{_letter(index)}1"
            value = cell.value
            if _is_blank(value):
                blank_headers.append(index)
                continue
            text = unescape_text(value) if isinstance(value, str) else str(value)
            column = next((c for c in layout.columns if c.matches(text)), None)
            if column is None:
                expected = ", ".join(" ".join(c.header.split()) for c in layout.columns)
                self.add(place, f"unknown column {text!r}; expected one of: {expected}")
                columns[index] = _UNKNOWN
                continue
            if column.code in seen:
                self.add(place, f"column {column.zh} ({column.code}) repeats {seen[column.code]}")
                columns[index] = _UNKNOWN
                continue
            seen[column.code] = place
            columns[index] = column
        next_free = len(header) + 1
        positions = {c.code: i for i, c in columns.items() if c is not _UNKNOWN}
        for column in layout.columns:
            if column.code not in seen:
                where = blank_headers.pop(0) if blank_headers else next_free
                if where == next_free:
                    next_free += 1
                self.add(
                    f"{layout.name}!{_letter(where)}1",
                    f"missing column {column.zh} ({column.code})",
                )
        out: list[Row] = []
        for number, raw in enumerate(raw_rows, start=2):
            cells: dict[str, Cell] = {}
            empty = True
            for index, cell in enumerate(raw, start=1):
                value = cell.value
                if _is_blank(value) and getattr(cell, "data_type", None) != "f":
                    continue
                empty = False
                place = f"{layout.name}!{_letter(index)}{number}"
                column = columns.get(index)
                if column is None:
                    self.add(place, "value in a column without a header")
                    continue
                if column is _UNKNOWN:
                    continue  # already reported at its header
                data_type = getattr(cell, "data_type", None)
                if data_type == "f":
                    self.add(place, "formulas are not accepted; enter the value itself")
                    continue
                if data_type == "e":
                    self.add(place, f"the cell holds an error value {value!r}")
                    continue
                if isinstance(value, str):
                    value = unescape_text(value)
                cells[column.code] = Cell(place, value)
            if not empty:
                out.append(Row(number, _fill(layout, number, cells, positions)))
        return out

    def value(self, row: Row, column: Column) -> Any:
        """Convert a row's cell; record a problem and return ``None`` when it is bad."""
        cell = row.cells[column.code]
        if cell.missing:
            return None  # reported once, at the header
        if cell.value is None or (column.kind != "free" and _is_blank(cell.value)):
            if column.required:
                self.add(cell.place, f"required cell is empty ({column.zh} {column.code})")
                return None
            return None if column.kind != "count" else 0
        try:
            return _convert(column, cell.value)
        except _Bad as exc:
            self.add(cell.place, exc.message)
            return None

    def values(self, row: Row, layout: SheetLayout) -> dict[str, Any] | None:
        """Convert every cell of a row; ``None`` when any cell is bad."""
        before = len(self.problems)
        out = {c.code: self.value(row, c) for c in layout.columns}
        if any(row.cells[c.code].missing for c in layout.columns if c.required):
            return None
        return out if len(self.problems) == before else None


_UNKNOWN = Column("?", "?", "text", False, "", "", "")


def _fill(
    layout: SheetLayout, number: int, cells: dict[str, Cell], positions: dict[str, int]
) -> dict[str, Cell]:
    """Give every column of the layout a cell (empty and missing ones included)."""
    out: dict[str, Cell] = {}
    for column in layout.columns:
        if column.code in cells:
            out[column.code] = cells[column.code]
        elif column.code in positions:
            place = f"{layout.name}!{_letter(positions[column.code])}{number}"
            out[column.code] = Cell(place, None)
        else:
            out[column.code] = Cell(f"{layout.name}!{number}", None, missing=True)
    return out


# --------------------------------------------------------------------------
# The workbook.
# --------------------------------------------------------------------------


@attrs.define
class _Draft:
    """A community while its records are being collected."""

    place: str
    fields: dict[str, Any]
    county_youth_orgs: list[Any] = attrs.Factory(list)
    brands: list[Any] = attrs.Factory(list)
    service_projects: list[ServiceProject] = attrs.Factory(list)
    pairings: list[Pairing] = attrs.Factory(list)
    activities: list[Activity] = attrs.Factory(list)
    summaries: dict[str, tuple[str, dict[str, Any], list[Recognition]]] = attrs.Factory(dict)


def read_register(path: str | os.PathLike[str]) -> Assessment:
    """Read a register workbook (``.xlsx``) strictly.

    Args:
        path: The workbook.

    Returns:
        The assessment it holds.

    Raises:
        InputError: Every problem found, each placed as ``Sheet!Cell``.
        ImportError: The ``excel`` extra is not installed.
        OSError: The file cannot be read.
    """
    require_openpyxl()
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    name = os.fspath(path)
    unsafe = (DefusedXmlException, ParseError)
    with open(name, "rb") as handle:  # closed even when openpyxl fails half-way
        try:
            book = load_workbook(handle, read_only=True, data_only=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError) as exc:
            cause = _caused_by(exc, unsafe)
            if cause is not None:
                raise InputError([_unsafe(name, cause)]) from None
            raise InputError([Problem(name, f"not a readable .xlsx workbook ({exc})")]) from None
        except unsafe as exc:
            raise InputError([_unsafe(name, exc)]) from None
        try:
            return _read_book(book)
        except unsafe as exc:
            raise InputError([_unsafe(name, exc)]) from None
        finally:
            book.close()


def _unsafe(name: str, exc: BaseException) -> Problem:
    return Problem(name, f"refused: unsafe or broken XML ({type(exc).__name__}: {exc})")


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> BaseException | None:
    """Return the exception of one of *kinds* in *exc*'s chain, or ``None``."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _sheets(book: Any, reader: _Reader) -> dict[str, Any]:
    present: dict[str, Any] = {}
    for sheet_name in book.sheetnames:
        if sheet_name not in SHEET_NAMES:
            reader.add(
                f"{sheet_name}!A1",
                f"unknown sheet {sheet_name!r}; expected: {', '.join(SHEET_NAMES)}",
            )
            continue
        present[sheet_name] = book[sheet_name]
    for layout in DATA_SHEETS:
        if layout.required and layout.name not in present:
            reader.add(f"{layout.name}!A1", f"sheet {layout.name} ({layout.code}) is missing")
    present.pop(INSTRUCTIONS_SHEET, None)
    return present


def _read_book(book: Any) -> Assessment:
    reader = _Reader()
    sheets = _sheets(book, reader)
    reader.check_links = COMMUNITIES.name in sheets
    rows = {
        layout.code: reader.rows(sheets[layout.name], layout) if layout.name in sheets else []
        for layout in DATA_SHEETS
    }
    period, description = _read_period(reader, rows["assessment"], ASSESSMENT.name in sheets)
    drafts = _read_communities(reader, rows["communities"])
    _read_records(reader, rows, drafts)
    communities = _build(reader, drafts)
    if reader.problems:
        raise InputError(reader.problems)
    assert period is not None
    return Assessment(period=period, communities=communities, description=description)


def _read_period(
    reader: _Reader, rows: list[Row], present: bool
) -> tuple[Period | None, str | None]:
    if not present:
        return None, None
    if not rows:
        reader.add(f"{ASSESSMENT.name}!A2", "the period is missing: fill in row 2")
        return None, None
    for extra in rows[1:]:
        reader.add(extra.first_place(), "only one row (row 2) is allowed on this sheet")
    row = rows[0]
    if row.number != 2:
        reader.add(row.first_place(), "the period belongs in row 2")
    values = reader.values(row, ASSESSMENT)
    if values is None:
        return None, None
    start, end = values["period.start"], values["period.end"]
    if start > end:
        place = row.cells["period.start"].place
        reader.add(place, f"start {start} is after end {end} (R1)")
        return None, None
    return Period(start, end), values["description"]


def _read_communities(reader: _Reader, rows: list[Row]) -> dict[str, _Draft]:
    drafts: dict[str, _Draft] = {}
    for row in rows:
        values = reader.values(row, COMMUNITIES)
        ident = row.cells["id"].value
        if isinstance(ident, str) and ident in drafts:
            reader.add(
                row.cells["id"].place,
                f"duplicate community id {ident!r} (first at {drafts[ident].place})",
            )
            continue
        if values is None:
            if isinstance(ident, str) and not text_problem(ident):
                drafts[ident] = _Draft(row.cells["id"].place, {})  # records still link to it
            continue
        _check_optional_parts(reader, row, values)
        drafts[values["id"]] = _Draft(row.cells["id"].place, values)
    return drafts


def _check_optional_parts(reader: _Reader, row: Row, values: dict[str, Any]) -> None:
    parts = {
        "youth_home": ("youth_home.on_cloud_platform", "youth_home.activities_standardized"),
        "league_org": ("league_org.activities_standardized",),
    }
    for flag, details in parts.items():
        column = COMMUNITIES.column(flag)
        for detail in details:
            cell = row.cells[detail]
            if values[flag] and values[detail] is None:
                reader.add(cell.place, f"required when {column.zh} is 是 ({detail})")
            elif not values[flag] and values[detail] is not None:
                reader.add(cell.place, f"must be empty when {column.zh} is 否 or empty ({flag})")


def _link(reader: _Reader, row: Row, drafts: dict[str, _Draft]) -> _Draft | None:
    cell = row.cells["community_id"]
    value = cell.value
    if _is_blank(value):
        return None  # reported as a required cell by values()
    if not isinstance(value, str) or not reader.check_links:
        return None  # reported by values(), or the communities sheet is missing
    if value in drafts:
        return drafts[value]
    loose = [d for key, d in drafts.items() if key.strip() == value.strip()]
    if len(loose) == 1:
        return loose[0]  # a stray space around an id that is otherwise unique
    reader.add(cell.place, f"no community with id {value!r} on sheet {COMMUNITIES.name}")
    return None


def _read_records(reader: _Reader, rows: dict[str, list[Row]], drafts: dict[str, _Draft]) -> None:
    for layout, field, code in (
        (COUNTY_YOUTH_ORGS, "county_youth_orgs", "category"),
        (BRANDS, "brands", "brand"),
    ):
        for row in rows[layout.code]:
            draft = _link(reader, row, drafts)
            values = reader.values(row, layout)
            if draft is None or values is None:
                continue
            items: list[Any] = getattr(draft, field)
            problem = repeat_problem([*items, values[code]]) if values[code] in items else None
            if problem:
                reader.add(row.cells[code].place, f"{problem} for this community")
                continue
            items.append(values[code])
    for row in rows[SERVICE_PROJECTS.code]:
        draft = _link(reader, row, drafts)
        values = reader.values(row, SERVICE_PROJECTS)
        if draft is not None and values is not None:
            draft.service_projects.append(
                ServiceProject(values["title"], values["organisation"], values["completed_on"])
            )
    for row in rows[PAIRINGS.code]:
        draft = _link(reader, row, drafts)
        values = reader.values(row, PAIRINGS)
        if draft is not None and values is not None:
            draft.pairings.append(
                Pairing(values["partner"], values["partner_kind"], values["date"])
            )
    for row in rows[ACTIVITIES.code]:
        draft = _link(reader, row, drafts)
        values = reader.values(row, ACTIVITIES)
        if draft is not None and values is not None:
            draft.activities.append(Activity(values["title"], values["date"], values["reported"]))
    for row in rows[SUMMARIES.code]:
        draft = _link(reader, row, drafts)
        values = reader.values(row, SUMMARIES)
        if draft is None:
            continue
        key_cell = row.cells["summary_no"]
        key = values["summary_no"] if values is not None else None
        if key is None and not _is_blank(key_cell.value):
            try:
                key = _key(key_cell.value)
            except _Bad:
                continue
        if key is None:
            continue
        if key in draft.summaries:
            first = draft.summaries[key][0]
            reader.add(
                key_cell.place,
                f"duplicate summary number {key} for this community (first at {first})",
            )
            continue
        draft.summaries[key] = (key_cell.place, values or {}, [])
    for row in rows[RECOGNITIONS.code]:
        _read_recognition(reader, row, drafts)


def _read_recognition(reader: _Reader, row: Row, drafts: dict[str, _Draft]) -> None:
    draft = _link(reader, row, drafts)
    values = reader.values(row, RECOGNITIONS)
    if values is None:
        return
    kind, level, outlet = values["kind"], values["level"], values["outlet"]
    level_cell, outlet_cell = row.cells["level"], row.cells["outlet"]
    recognition: Recognition | None = None
    if kind is RecognitionKind.LEADER_INSTRUCTION:
        if outlet is not None:
            reader.add(outlet_cell.place, f"must be empty for {kind.label} ({kind.code})")
        if level is None:
            reader.add(level_cell.place, f"required for {kind.label} ({kind.code})")
        elif outlet is None:
            assert isinstance(level, LeaderLevel)
            recognition = LeaderInstruction(level)
    else:
        if level is not None:
            reader.add(level_cell.place, f"must be empty for {kind.label} ({kind.code})")
        if outlet is None:
            reader.add(outlet_cell.place, f"required for {kind.label} ({kind.code})")
        elif level is None:
            recognition = MediaPublication(outlet)
    if draft is None or recognition is None:
        return
    key = values["summary_no"]
    if key not in draft.summaries:
        reader.add(
            row.cells["summary_no"].place,
            f"no summary number {key} for this community on sheet {SUMMARIES.name}",
        )
        return
    draft.summaries[key][2].append(recognition)


def _build(reader: _Reader, drafts: dict[str, _Draft]) -> tuple[Community, ...]:
    communities: list[Community] = []
    for draft in drafts.values():
        values = draft.fields
        if not values or reader.problems:
            continue
        summaries = []
        for _place, fields, recognitions in draft.summaries.values():
            summaries.append(
                Summary(fields["title"], fields["mechanism"], fields["date"], tuple(recognitions))
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
        communities.append(
            Community(
                id=values["id"],
                name=values["name"],
                district=values["district"],
                pilot_level=values["pilot_level"],
                org_system=OrgSystem(tuple(draft.county_youth_orgs), youth_home, league_org),
                workforce=Workforce(
                    Cadres(
                        values["cadres.full_time"],
                        values["cadres.seconded"],
                        values["cadres.part_time"],
                    ),
                    tuple(draft.service_projects),
                    tuple(draft.pairings),
                ),
                projects=Projects(tuple(draft.brands), tuple(draft.activities)),
                mechanisms=Mechanisms(tuple(summaries)),
            )
        )
    return tuple(communities)
