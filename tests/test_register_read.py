from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from youthaction_scoring import (
    Brand,
    CountyOrgCategory,
    InputError,
    LeaderInstruction,
    LeaderLevel,
    MediaPublication,
    Period,
    PilotLevel,
    YouthHome,
)
from youthaction_scoring._cli import main
from youthaction_scoring._io.register import read_register, write_register_template

openpyxl = pytest.importorskip("openpyxl")

Rows = dict[str, list[list[Any]]]


def _register(tmp_path: Path, rows: Rows, name: str = "reg.xlsx") -> Path:
    """Fill the template the way a person would: cell by cell with openpyxl."""
    path = tmp_path / name
    write_register_template(path, Period.parse("2021-11:2022-04"))
    book = openpyxl.load_workbook(path)
    for sheet_name, sheet_rows in rows.items():
        sheet = book[sheet_name]
        for number, row in enumerate(sheet_rows, start=2):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=number, column=column, value=value)
    book.save(path)
    return path


def _good_rows() -> Rows:
    return {
        "社区": [
            [
                "nm-xinhua",
                "新华路社区",
                "南明区",
                "全国首批",
                "是",
                "是",
                "否",
                "是",
                "是",
                1,
                1,
                3,
            ],
            [],  # a blank row between communities
            ["yy-zhonghua", "中华南路社区", "云岩区", " provincial ", None, None, None, "否"],
        ],
        "县级组织": [
            ["nm-xinhua", "志愿服务"],
            ["nm-xinhua", "culture_arts_sports"],
        ],
        "特色品牌": [["nm-xinhua", " 禁毒社区"], [None, None], ["yy-zhonghua", "和谐社区"]],
        "服务项目": [
            ["nm-xinhua", "四点半课堂", "南明区青年志愿者协会", dt.datetime(2021, 12, 18)]
        ],
        "结对共建": [["nm-xinhua", "贵州大学青年志愿者协会", "高校", "2021-11-20 "]],
        "专项活动": [
            ["nm-xinhua", "社区青春行动·垃圾分类", dt.date(2021, 11, 13), "是"],
            ["nm-xinhua", "社区青春行动·助老", dt.datetime(2021, 12, 4), True],
            ["yy-zhonghua ", "社区青春行动·禁毒宣传", "2021-11-02", "FALSE"],
            [None, "   ", None, None],  # only spaces: empty
        ],
        "信息综述": [["nm-xinhua", 1, "社会化运作综述", "社会化运作机制", "2022-01-10"]],
        "综述认可": [
            ["nm-xinhua", 1, "领导批示", "市", None],
            ["nm-xinhua", "1", "media_publication", None, "贵阳日报"],
        ],
    }


def test_a_register_filled_by_hand_reads_as_meant(tmp_path: Path) -> None:
    """Labels, codes, Excel and text dates, booleans, blank rows and stray spaces all read."""
    assessment = read_register(_register(tmp_path, _good_rows()))
    xinhua, zhonghua = assessment.communities
    assert (Period.parse("2021-11:2022-04"), ("nm-xinhua", "yy-zhonghua")) == (
        assessment.period,
        tuple(c.id for c in assessment.communities),
    )
    categories = (CountyOrgCategory.VOLUNTEER_SERVICE, CountyOrgCategory.CULTURE_ARTS_SPORTS)
    assert categories == xinhua.org_system.county_youth_orgs
    assert YouthHome(True, False) == xinhua.org_system.youth_home
    cadres = xinhua.workforce.cadres
    counts = (1, 1, 3)
    assert counts == (cadres.full_time, cadres.seconded, cadres.part_time)
    assert dt.date(2021, 12, 18) == xinhua.workforce.service_projects[0].completed_on
    assert dt.date(2021, 11, 20) == xinhua.workforce.pairings[0].date
    reported = [True, True]
    assert reported == [a.reported for a in xinhua.projects.activities]
    assert (LeaderInstruction(LeaderLevel.MUNICIPAL), MediaPublication("贵阳日报")) == (
        xinhua.mechanisms.summaries[0].recognitions
    )
    second = (PilotLevel.PROVINCIAL, None, None, (Brand.HARMONIOUS,), False)
    assert second == (
        zhonghua.pilot_level,
        zhonghua.org_system.youth_home,
        zhonghua.org_system.league_org,
        zhonghua.projects.brands,
        zhonghua.projects.activities[0].reported,
    )


def test_a_blank_template_reads_as_an_empty_assessment(tmp_path: Path) -> None:
    """The template with only its period is a valid assessment without communities."""
    path = tmp_path / "t.xlsx"
    write_register_template(path, Period.parse("2021-11:2022-04"))
    nothing: tuple[object, ...] = ()
    assert nothing == read_register(path).communities


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        read_register(path)
    return [str(p) for p in info.value.problems]


def _edit(sheet: str, cell: str, value: Any) -> Callable[[Rows], None]:
    def change(rows: Rows) -> None:
        column = openpyxl.utils.column_index_from_string(cell.rstrip("0123456789")) - 1
        number = int(cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 2
        row = rows.setdefault(sheet, [])
        while len(row) <= number:
            row.append([])
        while len(row[number]) <= column:
            row[number].append(None)
        row[number][column] = value

    return change


@pytest.mark.parametrize(
    ("sheet", "cell", "value", "expected"),
    [
        ("专项活动", "A2", "nm-nowhere", "专项活动!A2: no community with id 'nm-nowhere'"),
        ("专项活动", "C2", "2021-02-30", "专项活动!C2: '2021-02-30' is not a real date"),
        (
            "专项活动",
            "C2",
            "13/11/2021",
            "专项活动!C2: must be a date, got text '13/11/2021'; use a date cell, or text"
            " written 2021-12-18, 2021/12/18, 2021.12.18 or 2021年12月18日",
        ),
        ("专项活动", "C2", dt.datetime(2021, 11, 13, 9, 30), "专项活动!C2: must be a date without"),
        ("结对共建", "C2", "大学", "结对共建!C2: unknown value '大学'"),
        ("专项活动", "D2", "yes", "专项活动!D2: must be 是 or 否 (or TRUE or FALSE)"),
        ("专项活动", "B2", None, "专项活动!B2: required cell is empty"),
        (
            "社区",
            "A4",
            "nm-xinhua",
            "社区!A4: duplicate community id 'nm-xinhua' (first at 社区!A2)",
        ),
        ("社区", "J2", -1, "社区!J2: must be >= 0, got -1"),
        ("社区", "J2", 1.5, "社区!J2: must be a whole number, got number 1.5"),
        (
            "社区",
            "J2",
            "三",
            "社区!J2: must be a whole number, got text '三'; write it as 3 or full-width ３",
        ),
        ("社区", "J2", "-1 ", "社区!J2: must be >= 0, got -1"),
        ("社区", "B2", 12, "社区!B2: must be text, got number 12"),
        ("社区", "F4", "是", "社区!F4: must be empty when 已建成青年之家 is 否 or empty"),
        ("社区", "F2", None, "社区!F2: required when 已建成青年之家 is 是"),
        (
            "特色品牌",
            "B5",
            ["nm-xinhua", "drug_free"],
            "特色品牌!B5: 'drug_free' is repeated for this community",
        ),
        (
            "信息综述",
            "B3",
            ["nm-xinhua", 1, "另一篇综述", "项目化管理机制", "2022-02-01"],
            "信息综述!B3: duplicate summary number 1 for this community (first at 信息综述!B2)",
        ),
        ("综述认可", "B2", 7, "综述认可!B2: no summary number 7 for this community"),
        ("综述认可", "E2", "贵阳日报", "综述认可!E2: must be empty for 领导批示"),
        ("综述认可", "E3", None, "综述认可!E3: required for 媒体刊发"),
        ("社区", "A5", "=1+1", "社区!A5: formulas are not accepted"),
        ("社区", "M2", "stray", "社区!M2: value in a column without a header"),
        ("考核期", "A2", "2022-13", "考核期!A2: '2022-13' is not a real month"),
        ("考核期", "A2", "2022-05", "考核期!A2: start 2022-05 is after end 2022-04 (R1)"),
        ("社区", "A1", "社区编码", "社区!A1: unknown column '社区编码'"),
        ("专项活动", "D1", "id", "专项活动!D1: unknown column 'id'"),
    ],
)
def test_every_kind_of_error_names_its_sheet_and_cell(
    tmp_path: Path, sheet: str, cell: str, value: Any, expected: str
) -> None:
    """A corrupted cell is reported as Sheet!Cell: message."""
    rows = _good_rows()
    if cell.endswith("1") and cell[:-1].isalpha():
        path = _register(tmp_path, rows)
        book = openpyxl.load_workbook(path)
        book[sheet][cell] = value
        book.save(path)
    else:
        if isinstance(value, list):
            rows[sheet].append(value)
        else:
            _edit(sheet, cell, value)(rows)
        path = _register(tmp_path, rows)
    problems = _problems(path)
    assert [expected] == [p[: len(expected)] for p in problems if p.startswith(expected)]


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    """Three bad cells on three sheets give three problems, in sheet order."""
    rows = _good_rows()
    for change in (
        _edit("社区", "D2", "国家级"),
        _edit("专项活动", "C3", "someday"),
        _edit("结对共建", "A2", "nobody"),
    ):
        change(rows)
    expected = ["社区!D2", "结对共建!A2", "专项活动!C3"]
    assert expected == [p.split(":")[0] for p in _problems(_register(tmp_path, rows))]


def test_an_unknown_sheet_is_an_error(tmp_path: Path) -> None:
    """A sheet outside the layout is refused, never ignored."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    book.create_sheet("活动2")["A1"] = "x"
    book.save(path)
    expected = "活动2!A1: unknown sheet '活动2'"
    assert [expected] == [p[: len(expected)] for p in _problems(path)]


def test_a_missing_sheet_and_a_missing_column_are_errors(tmp_path: Path) -> None:
    """Deleting the communities sheet or a column is reported with a cell."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    del book["社区"]
    book["专项活动"].delete_cols(4)
    book.save(path)
    expected = [
        "社区!A1: sheet 社区 (communities) is missing: restore it from the template;"
        " an empty sheet means no records",
        "专项活动!D1: missing column 已报送团市委 (reported)",
    ]
    assert expected == _problems(path)


def test_a_misspelt_header_never_drops_its_column(tmp_path: Path) -> None:
    """A renamed header is an unknown column and the real column is missing."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    book["服务项目"]["C1"] = "实施组识"
    book.save(path)
    problems = _problems(path)
    expected = ["服务项目!C1", "服务项目!E1"]
    assert expected == [p.split(":")[0] for p in problems]


def test_headers_may_be_the_chinese_name_or_the_code(tmp_path: Path) -> None:
    """Chinese-only and code-only headers are accepted."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    book["专项活动"]["B1"] = "活动名称"
    book["专项活动"]["C1"] = "date"
    book.save(path)
    expected = 2
    assert expected == len(read_register(path).communities)


@pytest.mark.usefixtures("english")
def test_cli_reports_cells_one_a_line_with_status_2(tmp_path: Path) -> None:
    """Score REG.xlsx prints every problem on its own line and exits with 2."""
    rows = _good_rows()
    _edit("专项活动", "C2", "2021-11-31")(rows)
    _edit("社区", "D2", "国家级")(rows)
    path = _register(tmp_path, rows)
    result = CliRunner().invoke(main, ["score", str(path)])
    assert (
        result.exit_code,
        [line.split(":")[0] for line in result.output.splitlines()],
    ) == (2, ["社区!D2", "专项活动!C2"])


def test_cli_scores_a_register(tmp_path: Path) -> None:
    """Score REG.xlsx --format json scores the register's communities."""
    import json

    result = CliRunner().invoke(
        main, ["score", str(_register(tmp_path, _good_rows())), "--format", "json"]
    )
    cards = json.loads(result.stdout)["scorecards"]
    assert (
        result.exit_code,
        [c["community_id"] for c in cards],
    ) == (0, ["nm-xinhua", "yy-zhonghua"])


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    """Garbage with an .xlsx ending is one clean problem, no traceback."""
    path = tmp_path / "bad.xlsx"
    path.write_bytes(b"not a zip")
    expected = f"{path}: not a readable .xlsx workbook"
    assert [expected] == [p[: len(expected)] for p in _problems(path)]


def test_a_description_of_an_escaped_space_is_refused_at_its_cell(tmp_path: Path) -> None:
    """考核期!C2 holding only an escaped space is a problem at the cell, not a crash."""
    path = _register(tmp_path, _good_rows())
    book = openpyxl.load_workbook(path)
    book["考核期"]["C2"] = "_x0020_"
    book.save(path)
    assert ["考核期!C2: must not be blank"] == _problems(path)
