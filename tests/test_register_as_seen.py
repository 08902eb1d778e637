"""Registers read as a person sees them (issue 21).

Missing sheets, malformed numbers, counts and dates typed as text (read, and
noted), one problem per cause, extra columns.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests._register_helpers import full_assessment
from youthaction_scoring import InputError, loads_assessment
from youthaction_scoring._cli import main
from youthaction_scoring._domain.codes import Lang
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._io.register.places import RegisterNote, span_text
from youthaction_scoring._io.register.sheets import DATA_SHEETS

openpyxl = pytest.importorskip("openpyxl")

COMMUNITIES = "xl/worksheets/sheet3.xml"  # 社区 (sheet order: 说明, 考核期, 社区, …)
ACTIVITIES = "xl/worksheets/sheet8.xml"  # 专项活动
FIRST = "四点半课堂"  # the id of full_assessment()'s first community


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid register holding every sheet and record kind (fictional data)."""
    path = tmp_path_factory.mktemp("seen") / "base.xlsx"
    write_register(full_assessment(), path)
    return path


def _edited(base: Path, tmp_path: Path, change: Callable[[Any], None]) -> Path:
    """A copy of *base* changed with openpyxl, as a person changes a register in Excel."""
    book = openpyxl.load_workbook(base)
    change(book)
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


def _cells(base: Path, tmp_path: Path, sheet: str, values: dict[str, Any]) -> Path:
    def change(book: Any) -> None:
        for reference, value in values.items():
            book[sheet][reference] = value

    return _edited(base, tmp_path, change)


def _patched(base: Path, tmp_path: Path, part: str, changes: dict[str, str]) -> Path:
    """A copy of *base* whose cells (by reference) in *part* are replaced by raw XML."""
    path = tmp_path / "patched.xlsx"
    with zipfile.ZipFile(base) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == part:
                text = data.decode("utf-8")
                for reference, raw in changes.items():
                    pattern = rf'<c r="{reference}"[^>]*?(?:/>|>.*?</c>)'
                    text, count = re.subn(pattern, raw, text, count=1)
                    assert 1 == count, reference
                data = text.encode("utf-8")
            new.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def _problems(path: Path, lang: Lang = "en") -> list[str]:
    with pytest.raises(InputError) as info:
        read_register(path)
    return [p.text(lang) for p in info.value.problems]


def _notes(path: Path, lang: Lang = "en") -> tuple[Any, list[str]]:
    """The assessment read from *path*, and the notes issued while reading it."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", RegisterNote)
        assessment = read_register(path)
    notes = [w.message.problem.text(lang) for w in caught if isinstance(w.message, RegisterNote)]
    return assessment, notes


# --------------------------------------------------------------------------
# A missing sheet.
# --------------------------------------------------------------------------

RECORD_SHEETS = [s.name for s in DATA_SHEETS if s.required]


@pytest.mark.parametrize("sheet", RECORD_SHEETS)
def test_every_deleted_sheet_of_the_template_is_an_error_naming_it(
    base: Path, tmp_path: Path, sheet: str
) -> None:
    """Deleting any required sheet (all but 区县 and 期望得分) is refused, advising to restore it."""
    path = _edited(base, tmp_path, lambda book: book.remove(book[sheet]))
    found = [p for p in _problems(path) if p.startswith(f"{sheet}!A1: sheet {sheet} (")]
    assert 1 == len(found)
    assert found[0].endswith(
        "is missing: restore it from the template; an empty sheet means no records"
    )


def test_a_deleted_record_sheet_is_named_in_chinese_and_the_cli_exits_2(
    base: Path, tmp_path: Path
) -> None:
    """专项活动 deleted: the Chinese message names it; score exits 2 instead of scoring 0 on 3."""
    path = _edited(base, tmp_path, lambda book: book.remove(book["专项活动"]))
    expected = "专项活动!A1：缺少工作表 专项活动（activities）：请从模板中恢复该工作表；没有记录时保留一张空表即可"
    assert [expected] == _problems(path, "zh")
    result = CliRunner().invoke(main, ["score", str(path), "--lang", "zh"])
    assert (2, expected) == (result.exit_code, result.stderr.strip())


def test_a_register_without_the_districts_sheet_still_reads(base: Path, tmp_path: Path) -> None:
    """区县 is optional (registers written before district records have none)."""
    path = _edited(base, tmp_path, lambda book: book.remove(book["区县"]))
    assert 2 == len(read_register(path).communities)


# --------------------------------------------------------------------------
# A number cell holding what is not a number.
# --------------------------------------------------------------------------


@pytest.mark.parametrize("stored", ["abc", "nan", "inf", "1e999", "-NaN", " 1 "])
def test_a_malformed_number_is_refused_at_its_cell_and_the_rows_after_it_are_read(
    base: Path, tmp_path: Path, stored: str
) -> None:
    """社区!F2 holding a malformed number is one problem there naming the column; row 3 is read."""
    path = _patched(
        base,
        tmp_path,
        COMMUNITIES,
        {"F2": f'<c r="F2" t="n"><v>{stored}</v></c>', "B3": '<c r="B3"><v>12</v></c>'},
    )
    expected = [
        f"社区!F2: the number cell holds {stored!r}, which is not a number (青年之家入驻云平台"
        " youth_home.on_cloud_platform); type the cell again",
        "社区!B3: must be text, got number 12 (format the column as text so that Excel keeps"
        " what you type)",
    ]
    assert expected == _problems(path)


def test_a_malformed_number_is_told_in_chinese(base: Path, tmp_path: Path) -> None:
    """The message follows the user's language and names the column by its Chinese header."""
    path = _patched(base, tmp_path, COMMUNITIES, {"J2": '<c r="J2" t="n"><v>abc</v></c>'})
    expected = "社区!J2：数字单元格中存有无法读取的值“abc”（专职团干部人数 cadres.full_time）；请重新输入该单元格"
    assert [expected] == _problems(path, "zh")


def test_a_malformed_date_serial_is_refused_at_its_cell(base: Path, tmp_path: Path) -> None:
    """A date cell (number with a date style) holding ``abc`` is refused there, naming 活动日期."""
    path = _patched(base, tmp_path, ACTIVITIES, {"C2": '<c r="C2" s="1" t="n"><v>abc</v></c>'})
    assert [
        "专项活动!C2: the number cell holds 'abc', which is not a number (活动日期 date);"
        " type the cell again"
    ] == _problems(path)


def test_a_malformed_number_under_a_namespace_prefix_is_found(base: Path, tmp_path: Path) -> None:
    """A value element written ``<x:v>`` is checked like ``<v>``."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    raw = f'<x:c xmlns:x="{main}" r="J2" t="n"><x:v>abc</x:v></x:c>'
    path = _patched(base, tmp_path, COMMUNITIES, {"J2": raw})
    assert ["社区!J2"] == [p.split(":")[0] for p in _problems(path)]


@pytest.mark.parametrize(("stored", "count"), [("+3", 3), ("3.", 3), ("3E0", 3), ("30e-1", 3)])
def test_numbers_written_in_any_valid_form_still_read(
    base: Path, tmp_path: Path, stored: str, count: int
) -> None:
    """Only what is not a number is malformed: ``+3``, ``3.``, ``3E0`` read as 3."""
    path = _patched(base, tmp_path, COMMUNITIES, {"J2": f'<c r="J2" t="n"><v>{stored}</v></c>'})
    assert count == read_register(path).communities[0].workforce.cadres.full_time


# --------------------------------------------------------------------------
# Counts and dates typed as text: read, and noted.
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "count"),
    [("３", 3), ("3 ", 3), (" 12", 12), ("\u3000１２\u3000", 12), ("0", 0), ("００７", 7)],
)
def test_a_count_typed_as_text_reads_and_is_noted(
    base: Path, tmp_path: Path, typed: str, count: int
) -> None:
    """Full-width digits and surrounding spaces read as the number, with one note at the cell."""
    path = _cells(base, tmp_path, "社区", {"J2": typed})
    assessment, notes = _notes(path)
    assert count == assessment.communities[0].workforce.cadres.full_time
    assert [
        f"社区!J2: 1 text cell(s) read as whole numbers (专职团干部人数 cadres.full_time),"
        f" e.g. {typed!r} as {count}"
    ] == notes


@pytest.mark.parametrize("typed", ["三", "3.5", "1 2", "3人", "+"])
def test_a_count_that_is_still_refused_says_what_is_accepted(
    base: Path, tmp_path: Path, typed: str
) -> None:
    """Text that is not a whole number is refused, naming the accepted forms, in both languages."""
    path = _cells(base, tmp_path, "社区", {"J2": typed})
    assert [
        f"社区!J2: must be a whole number, got text {typed!r}; write it as 3 or full-width ３"
        " (spaces around it are ignored); blank counts as 0"
    ] == _problems(path)
    assert _problems(path, "zh")[0].endswith("；可填 3 或全角 ３（首尾空格不计），空白按0计")


def test_a_count_typed_as_text_keeps_the_count_limits(base: Path, tmp_path: Path) -> None:
    """Text read as a count is checked like any count: negative and above 15 digits refused."""
    path = _cells(base, tmp_path, "社区", {"J2": "-1", "K2": "１" + "0" * 15, "L2": "9" * 15})
    found = _problems(path)
    assert ["社区!J2", "社区!K2"] == [p.split(":")[0] for p in found]
    assert found[0] == "社区!J2: must be >= 0, got -1"


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2021年11月5日", dt.date(2021, 11, 5)),
        ("2021.11.18", dt.date(2021, 11, 18)),
        ("2021/11/18", dt.date(2021, 11, 18)),
        ("2021-11-8", dt.date(2021, 11, 8)),
        ("２０２２-０１-０８", dt.date(2022, 1, 8)),
        ("２０２１／１２／１８", dt.date(2021, 12, 18)),
        ("２０２１．１２．１８", dt.date(2021, 12, 18)),
        ("２０２１年１２月１８日", dt.date(2021, 12, 18)),
        (" 2021.12.18\u3000", dt.date(2021, 12, 18)),
    ],
)
def test_a_date_typed_in_another_form_reads_and_is_noted(
    base: Path, tmp_path: Path, typed: str, day: dt.date
) -> None:
    """YYYY年M月D日, YYYY.M.D, YYYY/M/D and YYYY-M-D, half or full width, read and are noted."""
    path = _cells(base, tmp_path, "专项活动", {"C2": typed})
    assessment, notes = _notes(path)
    assert day == assessment.communities[0].projects.activities[0].date
    assert [
        f"专项活动!C2: 1 text cell(s) read as dates (活动日期 date), e.g. {typed!r} as"
        f" {day.isoformat()}"
    ] == notes


@pytest.mark.parametrize("typed", ["2021-11-13", " 2021-11-13 ", dt.datetime(2021, 11, 13)])
def test_a_date_in_the_format_s_own_form_is_not_noted(
    base: Path, tmp_path: Path, typed: Any
) -> None:
    """A date cell or ISO text (spaces around it allowed, as before) reads without a note."""
    path = _cells(base, tmp_path, "专项活动", {"C2": typed})
    assessment, notes = _notes(path)
    assert ([], dt.date(2021, 11, 13)) == (
        notes,
        assessment.communities[0].projects.activities[0].date,
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18/12/2021", "must be a date, got text '18/12/2021'; use a date cell, or text written"),
        ("2021/12-18", "must be a date, got text '2021/12-18'; use a date cell"),
        ("2021年12月18", "must be a date, got text '2021年12月18'; use a date cell"),
        ("2021-12-18 10:00", "must be a date, got text '2021-12-18 10:00'"),
        ("2021年2月30日", "'2021年2月30日' is not a real date"),
        ("1899.12.31", "'1899.12.31' is outside the years 1900-2199"),
    ],
)
def test_a_date_that_is_still_refused_says_why(
    base: Path, tmp_path: Path, typed: str, expected: str
) -> None:
    """Other forms, impossible days and years out of range are refused, saying which."""
    path = _cells(base, tmp_path, "专项活动", {"C2": typed})
    found = _problems(path)
    assert 1 == len(found)
    assert found[0].startswith("专项活动!C2: " + expected), found


def test_a_refused_date_shows_the_accepted_forms_in_chinese(base: Path, tmp_path: Path) -> None:
    """The Chinese message lists every accepted form."""
    path = _cells(base, tmp_path, "专项活动", {"C2": "十二月五日"})
    assert [
        "专项活动!C2：必须是日期，实为文本 '十二月五日'；可以是日期单元格，或写作 2021-12-18、"
        "2021/12/18、2021.12.18、2021年12月18日 的文本（月、日可写一位，数字和分隔符可用全角）"
    ] == _problems(path, "zh")


def test_notes_are_one_per_column_with_its_cells(base: Path, tmp_path: Path) -> None:
    """Counts typed as text in J2 and J3 are one note placed at both cells, by column."""

    def change(book: Any) -> None:
        sheet = book["社区"]
        sheet["J2"], sheet["J3"], sheet["K3"] = "１", "２", "3 "

    _, notes = _notes(_edited(base, tmp_path, change))
    assert [
        "社区!J2:J3: 2 text cell(s) read as whole numbers (专职团干部人数 cadres.full_time),"
        " e.g. '１' as 1",
        "社区!K3: 1 text cell(s) read as whole numbers (挂职团干部人数 cadres.seconded),"
        " e.g. '3 ' as 3",
    ] == notes


def test_the_cli_prints_notes_as_warnings_and_scores(base: Path, tmp_path: Path) -> None:
    """The score command prints each note on standard error in the run's language and exits 0."""
    path = _cells(base, tmp_path, "专项活动", {"C2": "2021年11月13日"})
    zh = CliRunner().invoke(main, ["score", str(path), "--lang", "zh"])
    en = CliRunner().invoke(main, ["score", str(path), "--lang", "en"])
    assert (0, 0) == (zh.exit_code, en.exit_code)
    assert [
        "警告：专项活动!C2：1 个文本单元格按日期读取（活动日期 date），如“2021年11月13日”读作 2021-11-13"
    ] == zh.stderr.splitlines()
    assert [
        "warning: 专项活动!C2: 1 text cell(s) read as dates (活动日期 date), e.g. '2021年11月13日'"
        " as 2021-11-13"
    ] == en.stderr.splitlines()


def test_a_refused_register_prints_no_notes(base: Path, tmp_path: Path) -> None:
    """Notes come with a register that reads: a refused one prints only its problems."""
    path = _cells(base, tmp_path, "社区", {"J2": "３", "K2": "三"})
    result = CliRunner().invoke(main, ["score", str(path), "--lang", "en"])
    assert 2 == result.exit_code
    assert ["社区!K2"] == [line.split(":")[0] for line in result.stderr.splitlines()]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("workforce", "cadres", "full_time"), "３"),
        (("workforce", "cadres", "full_time"), "3 "),
        (("projects", "activities", 0, "date"), "2021/11/13"),
        (("projects", "activities", 0, "date"), "２０２１-１１-１３"),
    ],
)
def test_json_stays_strict(path: tuple[Any, ...], value: str) -> None:
    """The lenient forms are for register cells only: the same values in JSON are refused."""
    import json

    from youthaction_scoring import dumps_assessment

    document = json.loads(dumps_assessment(full_assessment()))
    target = document["communities"][0]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(InputError):
        loads_assessment(json.dumps(document))


# --------------------------------------------------------------------------
# One problem per cause.
# --------------------------------------------------------------------------


def test_a_missing_community_row_is_one_problem_naming_every_cell(
    base: Path, tmp_path: Path
) -> None:
    """Deleting a community's row gives one problem with its 13 cells and advice, not 13 lines."""
    path = _edited(base, tmp_path, lambda book: book["社区"].delete_rows(2))
    assert [
        f"县级组织!A2: no community with id {FIRST!r} on sheet 社区, yet 13 cells name it"
        " (县级组织!A2:A3; 特色品牌!A2:A3; 服务项目!A2; 结对共建!A2:A3; 专项活动!A2:A3;"
        " 信息综述!A2:A3; 综述认可!A2:A3); add its row to 社区 or correct these ids"
    ] == _problems(path)


def test_one_cell_naming_a_missing_community_keeps_the_short_message(
    base: Path, tmp_path: Path
) -> None:
    """A single unknown id is one problem at its cell, with the advice."""
    path = _cells(base, tmp_path, "服务项目", {"A2": "nowhere"})
    assert [
        "服务项目!A2: no community with id 'nowhere' on sheet 社区; add its row to 社区 or"
        " correct the id"
    ] == _problems(path)


def test_an_extra_notes_column_is_one_problem_on_one_line(base: Path, tmp_path: Path) -> None:
    """A 备注 column (header over two lines, values below) is refused once, at its header."""
    path = _cells(base, tmp_path, "社区", {"M1": "备注\nremark", "M2": "写给自己", "M3": "x"})
    found = _problems(path, "zh")
    assert 1 == len(found)
    assert "\n" not in found[0]
    assert found[0].startswith(
        "社区!M1：未知的列“备注 remark”：台账只保留模板中的列（其他内容无法转换为 JSON，也不计分）；"
        "请删除该列（备注可另存到别的文件），或把表头改为以下之一：社区编号 id, "
    )


@pytest.mark.parametrize(
    ("places", "limit", "expected"),
    [
        (["活动!A2", "活动!A3", "活动!A4"], 10, "活动!A2:A4"),
        (["活动!A2", "活动!A4", "活动!B4", "项目!A2"], 10, "活动!A2, A4, B4; 项目!A2"),
        (["活动!A3", "活动!A2", "活动!A3"], 10, "活动!A2:A3"),
        (["活动!A2", "活动!A4", "项目!A2"], 3, "活动!A2, A4; 项目!A2"),
        (["活动!A2", "活动!A4", "项目!A2"], 2, "活动!A2, A4; …"),
        (["活动!A2", "活动!A4", "项目!A2"], 1, "活动!A2; …"),
        (["活动!A2", "book.xlsx"], 10, "活动!A2; book.xlsx"),
    ],
)
def test_cells_are_written_as_short_spans_up_to_the_limit(
    places: list[str], limit: int, expected: str
) -> None:
    """Consecutive rows are one range; at, below and above the limit of spans shown."""
    assert expected == span_text(places, limit)


GUIDE = Path(__file__).parent.parent / "docs" / "staff-guide.md"
GUIDE_READ = ["2021/12/18", "2021.12.18", "2021-12-8", "2021年12月18日", "２０２２-０１-０８"]
GUIDE_REFUSED = ["18/12/2021", "2021年12月18", "2021-12-18 10:00"]


def test_the_staff_guide_lists_exactly_the_date_forms_read() -> None:
    """Each text date the guide shows, in both languages, is read as it says, or refused."""
    from youthaction_scoring._domain.errors import Refusal
    from youthaction_scoring._io.register.sheets import ACTIVITIES
    from youthaction_scoring._io.register.values import Noted, converter

    text = GUIDE.read_text("utf-8")
    read = converter(ACTIVITIES.column("date"))
    for form in [*GUIDE_READ, *GUIDE_REFUSED]:
        assert 2 == text.count(f"`{form}`"), form
    assert all(type(read(form)) is Noted for form in GUIDE_READ)
    for form in GUIDE_REFUSED:
        with pytest.raises(Refusal):
            read(form)
    assert all(f"`{sep}`" in text for sep in "－／．")
