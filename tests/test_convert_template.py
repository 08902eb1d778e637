from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests._register_helpers import formula_cells, full_assessment
from youthaction_scoring import dumps_assessment
from youthaction_scoring._cli import main
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._io.register.sheets import DATA_SHEETS, SHEET_NAMES

openpyxl = pytest.importorskip("openpyxl")

ENDINGS = (".json", ".jsonl", ".xlsx")


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("first", ENDINGS)
@pytest.mark.parametrize("second", ENDINGS)
def test_convert_loses_nothing_in_every_direction(tmp_path: Path, first: str, second: str) -> None:
    """JSON → first → second → JSON gives back the same document, hostile text included."""
    expected = dumps_assessment(full_assessment('=HYPERLINK("x")\r\n 0012 '))
    (tmp_path / "in.json").write_text(expected, "utf-8")
    steps = [tmp_path / "in.json", tmp_path / f"a{first}", tmp_path / f"b{second}"]
    steps.append(tmp_path / "out.json")
    codes = [_run("convert", str(a), str(b))[0] for a, b in itertools.pairwise(steps)]
    assert ([0, 0, 0], expected) == (codes, (tmp_path / "out.json").read_text("utf-8"))


def test_jsonl_output_is_a_header_and_one_community_a_line(tmp_path: Path) -> None:
    """The .jsonl written has the header first, then one community a line, in UTF-8."""
    (tmp_path / "in.json").write_text(dumps_assessment(full_assessment()), "utf-8")
    _run("convert", str(tmp_path / "in.json"), str(tmp_path / "out.jsonl"))
    lines = (tmp_path / "out.jsonl").read_text("utf-8").splitlines()
    expected = (3, "youthaction-scoring/1", ["四点半课堂", "second-community"], True)
    assert expected == (
        len(lines),
        json.loads(lines[0])["format"],
        [json.loads(line)["id"] for line in lines[1:]],
        "四点半课堂" in lines[1],
    )


@pytest.mark.usefixtures("english")
def test_convert_refuses_an_unknown_ending_before_reading(tmp_path: Path) -> None:
    """An unsupported OUT ending is a user error; nothing is written."""
    expected = (2, f"{tmp_path / 'out.csv'}: unsupported file type '.csv'; expected one of ")
    code, output = _run("convert", str(tmp_path / "missing.json"), str(tmp_path / "out.csv"))
    assert expected == (code, output[: len(expected[1])])


@pytest.mark.usefixtures("english")
def test_a_failed_convert_leaves_the_existing_output_untouched(tmp_path: Path) -> None:
    """Bad input: status 2, problems placed by cell, the old OUT unchanged."""
    path = tmp_path / "reg.xlsx"
    write_register(full_assessment(), path)
    book = openpyxl.load_workbook(path)
    book["专项活动"]["C2"] = "2021-11-31"
    book.save(path)
    (tmp_path / "out.json").write_text("old", "utf-8")
    code, output = _run("convert", str(path), str(tmp_path / "out.json"))
    expected = (2, "专项活动!C2: '2021-11-31' is not a real date\n", "old")
    assert expected == (code, output, (tmp_path / "out.json").read_text("utf-8"))


def test_template_has_every_sheet_header_dropdown_and_format(tmp_path: Path) -> None:
    """The template: instructions first, Chinese header over code, dropdowns, frozen rows."""
    path = tmp_path / "t.xlsx"
    code, _ = _run("template", str(path), "--period", "2021-11:2022-04")
    book = openpyxl.load_workbook(path)
    activities = book["专项活动"]
    validations = {
        str(v.sqref): v.formula1 for v in book["结对共建"].data_validations.dataValidation
    }
    sheets = (0, list(SHEET_NAMES))
    assert sheets == (code, book.sheetnames)
    header = ("活动名称\ntitle", "A2", "yyyy-mm-dd")
    assert header == (
        activities["B1"].value,
        activities.freeze_panes,
        activities.column_dimensions["C"].number_format,
    )
    dropdowns = {"C2:C1048576": '"高校,企业,单位"'}
    assert dropdowns == validations
    period = ["2021-11", "2022-04"]
    assert period == [book["考核期"]["A2"].value, book["考核期"]["B2"].value]
    no_formulas: list[str] = []
    assert no_formulas == formula_cells(path)


def test_instructions_sheet_lists_every_column_and_its_clause(tmp_path: Path) -> None:
    """The 说明 sheet names every column of the layout with its code and clause."""
    path = tmp_path / "t.xlsx"
    _run("template", str(path))
    rows = [
        tuple(r)
        for r in openpyxl.load_workbook(path)["说明"].iter_rows(values_only=True)
        if r[2] is not None and r[0] is not None
    ]
    expected = [(s.name, c.zh, c.code, c.clause) for s in DATA_SHEETS for c in s.columns]
    assert expected == [(r[0], r[1], r[2], r[6]) for r in rows[1:]]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["out.json"], "out.json: the template is a workbook: the file name must end in .xlsx"),
        (
            ["t.xlsx", "--period", "2022-05:2022-04"],
            "invalid value for --period: start 2022-05 is after end 2022-04 (R1)",
        ),
    ],
)
@pytest.mark.usefixtures("english")
def test_template_refuses_bad_arguments(tmp_path: Path, args: list[str], expected: str) -> None:
    """A wrong ending or a backwards period is a user error with status 2."""
    result = CliRunner().invoke(main, ["template", *args])
    refused = (2, True)
    assert refused == (result.exit_code, expected in result.output)


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed; CI: apt-get install -y libreoffice-calc-nogui",
)
def test_a_register_saved_by_libreoffice_reads_the_same(tmp_path: Path) -> None:
    """A register round-tripped through LibreOffice (xlsx → ods → xlsx) reads back unchanged."""
    expected = full_assessment(" 0012 =1+1\nTRUE ")
    write_register(expected, tmp_path / "reg.xlsx")
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    for source, target, folder in (
        (tmp_path / "reg.xlsx", "ods", tmp_path / "ods"),
        (tmp_path / "ods" / "reg.ods", "xlsx", tmp_path / "back"),
    ):
        subprocess.run(
            [
                "soffice",
                profile,
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(folder),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    assert expected == read_register(tmp_path / "back" / "reg.xlsx")


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh", "已写入空白台账 "), ("en", "wrote the blank register ")]
)
def test_template_confirms_on_standard_error(tmp_path: Path, lang: str, expected: str) -> None:
    """A template written says so in one line on standard error, in the user's language."""
    target = tmp_path / "t.xlsx"
    result = CliRunner().invoke(main, ["template", str(target)], env={"YOUTHACTION_LANG": lang})
    assert 0 == result.exit_code
    assert "" == result.stdout
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{expected}{target}")
