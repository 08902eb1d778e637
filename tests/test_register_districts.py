"""The register's districts sheet (区县): district records (R18) in a spreadsheet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from tests._register_helpers import formula_cells, full_assessment
from tests.strategies import HOSTILE_TEXTS, SPREADSHEET_HOSTILE_TEXTS, assessments
from youthaction_scoring import (
    Assessment,
    CountyOrgCategory,
    DistrictRecord,
    InputError,
    ItemCode,
    Period,
    dumps_assessment,
    loads_assessment,
    score_assessment,
)
from youthaction_scoring._cli import main
from youthaction_scoring._io.register import read_register, write_register, write_register_template

openpyxl = pytest.importorskip("openpyxl")

Rows = dict[str, list[list[Any]]]

_R18 = (
    "community 'nm-xinhua' (社区!A2) is in district '南明区', recorded at 区县!A2,"
    " which gives clause 1.1 for all its communities; remove this row (R18)"
)
_ONLY_ROW = (
    "district '南明区' is already listed at 区县!A2; a district with 组织类别 (category)"
    " empty has that one row only, a district with categories one row per category"
)
_CHOICES = "志愿服务 (volunteer_service), 创业就业 (entrepreneurship_employment), 文艺体育 (culture_arts_sports)"


def _rows() -> Rows:
    """Two 南明区 communities taking 1.1 from their district, and one of 云岩区 with its own."""
    return {
        "社区": [
            ["nm-xinhua", "新华路社区", "南明区", "全国首批"],
            ["nm-huaguo", "花果园社区", "南明区", "省级首批"],
            ["yy-zhonghua", "中华南路社区", "云岩区", "省级首批"],
        ],
        "县级组织": [["yy-zhonghua", "志愿服务"]],
        "区县": [["南明区", "志愿服务"], ["南明区", "culture_arts_sports"]],
    }


def _register(tmp_path: Path, rows: Rows, name: str = "reg.xlsx") -> Path:
    """Fill a template cell by cell, as a person would."""
    path = tmp_path / name
    write_register_template(path, Period.parse("2021-11:2022-04"))
    book = openpyxl.load_workbook(path)
    for sheet_name, sheet_rows in rows.items():
        for number, row in enumerate(sheet_rows, start=2):
            for column, value in enumerate(row, start=1):
                if value is not None:
                    book[sheet_name].cell(row=number, column=column, value=value)
    book.save(path)
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        read_register(path)
    return [str(p) for p in info.value.problems]


def _recorded(assessment: Assessment, names: set[str]) -> Assessment:
    """*assessment* with the districts *names* recorded: each takes its first community's list."""
    records: dict[str, DistrictRecord] = {}
    communities = []
    for community in assessment.communities:
        orgs = community.org_system.county_youth_orgs
        if community.district in names:
            records.setdefault(community.district, DistrictRecord(community.district, orgs))
            community = attrs.evolve(
                community, org_system=attrs.evolve(community.org_system, county_youth_orgs=())
            )
        communities.append(community)
    return attrs.evolve(
        assessment, communities=tuple(communities), districts=tuple(records.values())
    )


def _with_districts(text: str = "四点半课堂") -> Assessment:
    """The full example with both districts recorded: *text*'s with two categories, 云岩区 with none."""
    return _recorded(full_assessment(text), {text, "云岩区"})


def test_the_template_has_an_empty_districts_sheet_with_its_headers(tmp_path: Path) -> None:
    """区县 comes last but 期望得分, headed 区县名称/name and 组织类别/category, a dropdown, no rows."""
    path = tmp_path / "t.xlsx"
    write_register_template(path)
    book = openpyxl.load_workbook(path)
    sheet = book["区县"]
    validations = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    layout = ("区县", "区县名称\nname", "组织类别\ncategory", "A2", 1, "@")
    assert layout == (
        book.sheetnames[-2],
        sheet["A1"].value,
        sheet["B1"].value,
        sheet.freeze_panes,
        sheet.max_row,
        sheet.column_dimensions["A"].number_format,
    )
    assert {"B2:B1048576": '"志愿服务,创业就业,文艺体育"'} == validations


def test_the_instructions_sheet_teaches_the_districts_sheet(tmp_path: Path) -> None:
    """说明 says to fill 区县 once per district and to leave those communities' 1.1 empty."""
    path = tmp_path / "t.xlsx"
    write_register_template(path)
    texts = [r[0] for r in openpyxl.load_workbook(path)["说明"].iter_rows(values_only=True)]
    intro = [t for t in texts if isinstance(t, str) and t.startswith(("“区县”表", "The 区县"))]
    assert 2 == len(intro)
    assert "每个区县只填一次" in intro[0]
    assert "在“县级组织”表中不填" in intro[0]
    assert "fill in each district once" in intro[1]
    assert "leave their own 1.1" in intro[1]


def test_district_records_are_written_one_category_a_row(tmp_path: Path) -> None:
    """A category a row under its district's name; a record with none is one row, category empty."""
    path = tmp_path / "r.xlsx"
    write_register(_with_districts(), path)
    rows = list(openpyxl.load_workbook(path)["区县"].iter_rows(min_row=2, values_only=True))
    expected = [("四点半课堂", "文艺体育"), ("四点半课堂", "志愿服务"), ("云岩区", None)]
    assert expected == rows


def test_json_with_districts_survives_a_register_and_back(tmp_path: Path) -> None:
    """Converting JSON → xlsx → JSON gives the same document, districts included."""
    source, register, back = tmp_path / "in.json", tmp_path / "r.xlsx", tmp_path / "out.json"
    source.write_text(dumps_assessment(_with_districts()), "utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["convert", str(source), str(register)])
    second = runner.invoke(main, ["convert", str(register), str(back)])
    assert (0, 0) == (first.exit_code, second.exit_code), first.output + second.output
    assert source.read_text("utf-8") == back.read_text("utf-8")
    assert _with_districts() == read_register(register)


@pytest.mark.parametrize("text", HOSTILE_TEXTS + SPREADSHEET_HOSTILE_TEXTS)
def test_a_hostile_district_name_survives_a_register(tmp_path: Path, text: str) -> None:
    """A district named with hostile text reads back exactly, and is never a formula."""
    expected = _with_districts(text)
    write_register(expected, tmp_path / "r.xlsx")
    assert expected == read_register(tmp_path / "r.xlsx")
    assert [] == formula_cells(tmp_path / "r.xlsx")


@given(assessment=assessments(max_communities=3), data=st.data())
def test_generated_district_records_survive_json_xlsx_json(
    assessment: Assessment, data: st.DataObject
) -> None:
    """Generated assessments with some districts recorded survive JSON → xlsx → JSON."""
    import tempfile

    names = sorted({c.district for c in assessment.communities})
    recorded = _recorded(
        assessment, set(data.draw(st.lists(st.sampled_from(names)) if names else st.just([])))
    )
    original = loads_assessment(dumps_assessment(recorded))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.xlsx"
        write_register(original, path)
        assert dumps_assessment(original) == dumps_assessment(read_register(path))


def test_a_register_without_the_districts_sheet_still_reads(tmp_path: Path) -> None:
    """A register written before 区县 existed (no such sheet) reads, with no district records."""
    path = tmp_path / "old.xlsx"
    write_register(full_assessment(), path)
    book = openpyxl.load_workbook(path)
    del book["区县"]
    book.save(path)
    assessment = read_register(path)
    assert (full_assessment(), ()) == (assessment, assessment.districts)


def test_a_hand_filled_districts_sheet_reads_as_meant(tmp_path: Path) -> None:
    """Labels and codes both read; rows of one name make one record, categories in row order."""
    assessment = read_register(_register(tmp_path, _rows()))
    record = DistrictRecord(
        "南明区", (CountyOrgCategory.VOLUNTEER_SERVICE, CountyOrgCategory.CULTURE_ARTS_SPORTS)
    )
    assert (record,) == assessment.districts


def _set(sheet: str, row: int, values: list[Any]) -> Any:
    def change(rows: Rows) -> None:
        target = rows.setdefault(sheet, [])
        while len(target) < row - 1:
            target.append([])
        target[row - 2] = values

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            _set("区县", 2, [None, "志愿服务"]),
            ["区县!A2: required cell is empty (区县名称 name)"],
            id="blank name",
        ),
        pytest.param(
            _set("区县", 3, ["南明区", "体育"]),
            [f"区县!B3: unknown value '体育'; expected one of {_CHOICES}"],
            id="bad code",
        ),
        pytest.param(
            _set("区县", 3, ["南明区", "志愿服务"]),
            ["区县!B3: 'volunteer_service' is repeated for this district (first at 区县!B2)"],
            id="repeated category",
        ),
        pytest.param(
            _set("区县", 4, ["南明区", None]),
            [f"区县!A4: {_ONLY_ROW}"],
            id="repeated name with an empty category",
        ),
        pytest.param(
            _set("区县", 4, ["花溪区", None]),
            [
                "区县!A4: no community is in district '花溪区': no 所在区县 (district) on sheet 社区 names it"
            ],
            id="district with no community",
        ),
        pytest.param(
            _set("县级组织", 3, ["nm-xinhua", "志愿服务"]),
            [f"县级组织!B3: {_R18}"],
            id="community of a recorded district with its own 1.1",
        ),
        pytest.param(
            _set("县级组织", 3, ["nm-xinhua", None]),
            ["县级组织!B3: required cell is empty (组织类别 category)"],
            id="an empty 1.1 cell is no list",
        ),
        pytest.param(
            _set("区县", 2, ["=A3", "志愿服务"]),
            ["区县!A2: formulas are not accepted; enter the value itself"],
            id="formula",
        ),
        pytest.param(
            _set("区县", 4, [12, None]),
            [
                "区县!A4: must be text, got number 12"
                " (format the column as text so that Excel keeps what you type)"
            ],
            id="number as a name",
        ),
        pytest.param(
            _set("区县", 4, [None, None, "备注"]),
            [
                "区县!C4: value in a column without a header",
                "区县!A4: required cell is empty (区县名称 name)",
            ],
            id="value without a header",
        ),
    ],
)
def test_each_districts_problem_names_its_sheet_and_cell(
    tmp_path: Path, change: Any, expected: list[str]
) -> None:
    """Every problem of the districts sheet, or of a community against it, is placed by cell."""
    rows = _rows()
    change(rows)
    assert expected == _problems(_register(tmp_path, rows))


def test_an_empty_category_first_then_a_category_repeats_the_name(tmp_path: Path) -> None:
    """A district's row with the category empty must be its only row, in either order."""
    rows = _rows()
    rows["区县"] = [["南明区", None], ["南明区", "志愿服务"]]
    assert [f"区县!A3: {_ONLY_ROW}"] == _problems(_register(tmp_path, rows))


def test_a_community_with_a_list_of_its_own_is_refused_at_each_row(tmp_path: Path) -> None:
    """Each of its 县级组织 rows is one problem naming the community's cell and the 区县 row."""
    rows = _rows()
    rows["县级组织"] = [
        ["nm-xinhua", "志愿服务"],
        ["yy-zhonghua", "志愿服务"],
        ["nm-xinhua", "创业就业"],
    ]
    assert [f"县级组织!B2: {_R18}", f"县级组织!B4: {_R18}"] == _problems(_register(tmp_path, rows))


def test_an_unknown_or_missing_column_on_the_districts_sheet(tmp_path: Path) -> None:
    """A renamed header is an unknown column, and the column it replaced is missing."""
    path = _register(tmp_path, _rows())
    book = openpyxl.load_workbook(path)
    book["区县"]["B1"] = "类别"
    book.save(path)
    expected = [
        "区县!B1: unknown column '类别': a register keeps only the template's columns (nothing"
        " else converts to JSON or is scored); delete it (keep notes in another file) or give"
        " it one of these headers: 区县名称 name, 组织类别 category",
        "区县!C1: missing column 组织类别 (category)",
    ]
    assert expected == _problems(path)


def test_a_hidden_districts_sheet_is_refused(tmp_path: Path) -> None:
    """Hidden district records would change 1.1 unseen: the register is refused at the sheet."""
    path = _register(tmp_path, _rows())
    book = openpyxl.load_workbook(path)
    book["区县"].sheet_state = "hidden"
    book.save(path)
    expected = ["区县!A1: the sheet is hidden: unhide it, so that what is scored can be seen"]
    assert expected == _problems(path)


def test_escaped_text_in_a_district_name_reads_exactly(tmp_path: Path) -> None:
    """A name's ``_xHHHH_`` escape reads as its character; a control character is refused."""
    rows = _rows()
    rows["社区"][2][2] = "云岩区_x000D_"
    rows["区县"].append(["云岩区_x000D_", None])
    rows["县级组织"] = []
    assert DistrictRecord("云岩区\r") == read_register(_register(tmp_path, rows)).districts[1]
    rows["区县"][2] = ["云岩区_x001B_", None]
    problems = _problems(_register(tmp_path, rows, "control.xlsx"))
    assert ["区县!A4"] == [p.split(":")[0] for p in problems]
    assert "control character U+001B" in problems[0]


def test_a_community_id_with_a_space_is_a_placed_problem(tmp_path: Path) -> None:
    """R17 in a register: an id with whitespace is refused at its cell, not with a traceback."""
    rows = _rows()
    rows["社区"][0][0] = "nm xinhua"
    problems = _problems(_register(tmp_path, rows))
    assert ["社区!A2"] == [p.split(":")[0] for p in problems]
    assert "must not contain whitespace" in problems[0]


def test_scoring_a_register_takes_1_1_from_the_district_record(tmp_path: Path) -> None:
    """The register scores as the same assessment written as JSON: 南明区's 1.1 from its record."""
    document = {
        "format": "youthaction-scoring/1",
        "period": {"start": "2021-11", "end": "2022-04"},
        "districts": [
            {"name": "南明区", "county_youth_orgs": ["volunteer_service", "culture_arts_sports"]}
        ],
        "communities": [
            {
                "id": "nm-xinhua",
                "name": "新华路社区",
                "district": "南明区",
                "pilot_level": "national",
            },
            {
                "id": "nm-huaguo",
                "name": "花果园社区",
                "district": "南明区",
                "pilot_level": "provincial",
            },
            {
                "id": "yy-zhonghua",
                "name": "中华南路社区",
                "district": "云岩区",
                "pilot_level": "provincial",
                "org_system": {"county_youth_orgs": ["volunteer_service"]},
            },
        ],
    }
    from_json = score_assessment(loads_assessment(json.dumps(document, ensure_ascii=False)))
    from_register = score_assessment(read_register(_register(tmp_path, _rows())))
    points = {c.community_id: c.item(ItemCode.C1_1).points for c in from_register}
    assert from_json == from_register
    assert {"nm-xinhua": 10, "nm-huaguo": 10, "yy-zhonghua": 5} == points


def test_district_rows_spelled_apart_are_one_district_r22(tmp_path: Path) -> None:
    """区县 rows '南明区' and '南明 区' are one record; '南明区' + U+200B communities take it (R22)."""
    rows = _rows()
    rows["社区"][1][2] = "南明区\u200b"
    rows["区县"] = [["南明区", "志愿服务"], ["南明 区", "创业就业"], ["南明区", "文艺体育"]]
    assessment = read_register(_register(tmp_path, rows))
    assert [("南明区", 3)] == [(d.name, len(d.county_youth_orgs)) for d in assessment.districts]
    cards = score_assessment(assessment)
    assert [15, 15] == [cards.get(i).item(ItemCode.C1_1).points for i in ("nm-xinhua", "nm-huaguo")]


def test_a_carried_list_in_a_district_spelled_apart_is_placed_at_its_cells_r22(
    tmp_path: Path,
) -> None:
    """A '南明 区' community with 县级组织 rows is refused at those rows, naming 区县!A2 (R18, R22)."""
    rows = _rows()
    rows["社区"][0][2] = "南明 区"
    rows["县级组织"] = [["nm-xinhua", "志愿服务"], ["yy-zhonghua", "志愿服务"]]
    problems = _problems(_register(tmp_path, rows))
    assert 1 == len(problems)
    assert "区县!A2" in problems[0]
    assert "nm-xinhua" in problems[0]
