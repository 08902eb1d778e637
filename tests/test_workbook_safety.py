from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests._register_helpers import formula_cells, full_assessment
from tests.strategies import HOSTILE_TEXTS
from youthaction_scoring import InputError, Scorecards, score_assessment
from youthaction_scoring._analysis.ranking import competition_ranks as ranks
from youthaction_scoring._cli import main
from youthaction_scoring._io.register import read_register, write_register
from youthaction_scoring._present.csv import neutralise as neutralise_csv
from youthaction_scoring._present.csv import scorecards_csv

openpyxl = pytest.importorskip("openpyxl")

_BOMB = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


def _with_bomb(source: Path, target: Path, part: str) -> None:
    """Copy a workbook, putting a billion-laughs DOCTYPE into one XML part."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == part:
                body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
                data = _BOMB + body.replace(b"<t>", b"<t>&lol9;", 1)
            new.writestr(item, data)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet3.xml"])
def test_an_xml_bomb_is_refused(tmp_path: Path, part: str) -> None:
    """A workbook whose XML declares entities is refused with one clean problem."""
    write_register(full_assessment(), tmp_path / "good.xlsx")
    _with_bomb(tmp_path / "good.xlsx", tmp_path / "bomb.xlsx", part)
    with pytest.raises(InputError) as info:
        read_register(tmp_path / "bomb.xlsx")
    expected = f"{tmp_path / 'bomb.xlsx'}: refused: unsafe or broken XML"
    assert [expected] == [str(p)[: len(expected)] for p in info.value.problems]


def test_importing_the_library_does_not_import_spreadsheet_libraries() -> None:
    """Importing youthaction_scoring (and its CLI) leaves the spreadsheet libraries unloaded."""
    code = (
        "import sys, youthaction_scoring, youthaction_scoring._cli, youthaction_scoring._io.register;"
        "print(sorted(m for m in ('openpyxl', 'defusedxml', 'xlsxwriter', 'python_calamine')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    expected = "[]"
    assert expected == out.stdout.strip()


@pytest.mark.usefixtures("english")
def test_a_missing_extra_is_a_clear_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without XlsxWriter, convert to .xlsx says which extra to install and exits with 2."""
    monkeypatch.setitem(sys.modules, "xlsxwriter", None)
    source = tmp_path / "a.json"
    from youthaction_scoring import dumps_assessment

    source.write_text(dumps_assessment(full_assessment()), encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), str(tmp_path / "a.xlsx")])
    expected = (2, True)
    hint = "pip install 'youthaction-scoring[excel]'"
    assert expected == (result.exit_code, hint in result.output)


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        ([], []),
        ([80], [1]),
        ([90, 80, 80, 70], [1, 2, 2, 4]),
        ([70, 80, 90], [3, 2, 1]),
        ([50, 50, 50], [1, 1, 1]),
    ],
)
def test_ranks_share_a_place_on_equal_totals(totals: list[int], expected: list[int]) -> None:
    """Competition ranking: equal totals share a rank and the next rank skips."""
    assert expected == ranks(totals)


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "+1",
        "-1",
        "@SUM(A1)",
        "\tx",
        "\rx",
        "\nx",
        '\x00=HYPERLINK("http://x")',
        " =x",
        "\u3000=1+1",
        "  +1",
        "\t=1",
    ],
)
def test_csv_neutralises_formula_triggers(text: str) -> None:
    """Text starting with = + - @, tab, CR, LF or NUL (or white space and = + - @) gets a quote."""
    assert "'" + text == neutralise_csv(text)


@pytest.mark.parametrize("value", ["社区", "0012", " x", "a=1", "TRUE", 5, 0, -5])
def test_csv_leaves_other_cells_alone(value: object) -> None:
    """Other text and numbers are written unchanged."""
    assert value == neutralise_csv(value)


def _hostile_cards() -> Scorecards:
    return score_assessment(full_assessment('=HYPERLINK("http://x")'))


def test_csv_summary_has_bom_ranks_and_no_live_formula() -> None:
    """The CSV starts with a BOM, carries the rank and quotes the neutralised name."""
    text = scorecards_csv(_hostile_cards())
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    expected = (True, "排名", ["1", "2"])
    assert expected == (
        text.startswith("\ufeff"),
        rows[0][0],
        [r[0] for r in rows[1:]],
    )
    neutralised = '\'=HYPERLINK("http://x")'
    assert neutralised == rows[1][2]


def test_csv_detail_has_one_row_per_item() -> None:
    """The detail CSV has ten rows per community after its header."""
    text = scorecards_csv(_hostile_cards(), "detail")
    expected = 1 + 2 * 10
    assert expected == len(list(csv.reader(io.StringIO(text.removeprefix("\ufeff")))))


def test_scorecard_workbook_matches_the_scorecards(tmp_path: Path) -> None:
    """Summary and detail sheets read their numbers from the scorecards, text unchanged."""
    cards = _hostile_cards()
    source = tmp_path / "in.json"
    from youthaction_scoring import dumps_assessment

    source.write_text(dumps_assessment(full_assessment('=HYPERLINK("http://x")')), "utf-8")
    out = tmp_path / "scores.xlsx"
    result = CliRunner().invoke(main, ["score", str(source), "--format", "xlsx", "-o", str(out)])
    book = openpyxl.load_workbook(out)
    summary, detail = book["汇总"], book["明细"]
    first = cards.scorecards[0]
    expected = (0, ["汇总", "明细", "说明"], "D2", "C2")  # rank, id, name and id, name stay
    assert expected == (
        result.exit_code,
        book.sheetnames,
        summary.freeze_panes,
        detail.freeze_panes,
    )
    assert [1, first.community_id, first.community_name, first.total] == [
        summary["A2"].value,
        summary["B2"].value,
        summary["C2"].value,
        summary["R2"].value,
    ]
    assert ("s", [i.points for i in first.items]) == (
        summary["C2"].data_type,
        [detail.cell(row=r, column=9).value for r in range(2, 12)],
    )
    no_formulas: list[str] = []
    assert no_formulas == formula_cells(out)


@pytest.mark.usefixtures("english")
def test_xlsx_format_needs_an_output_file(tmp_path: Path) -> None:
    """Scoring with --format xlsx without -o is a clear user error (status 2)."""
    source = tmp_path / "in.json"
    from youthaction_scoring import dumps_assessment

    source.write_text(dumps_assessment(full_assessment()), "utf-8")
    result = CliRunner().invoke(main, ["score", str(source), "--format", "xlsx"])
    expected = (2, "--format xlsx: a workbook cannot go to standard output: add -o OUT.xlsx\n")
    assert expected == (
        result.exit_code,
        result.output,
    )


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_no_workbook_the_tool_writes_holds_a_formula(tmp_path: Path, text: str) -> None:
    """Register, template and scorecard workbooks never hold a formula element."""
    from youthaction_scoring import Period
    from youthaction_scoring._io.register import write_register_template
    from youthaction_scoring._present.workbook import write_scorecards_xlsx

    assessment = full_assessment(text)
    write_register(assessment, tmp_path / "r.xlsx")
    write_register_template(tmp_path / "t.xlsx", Period.parse("2021-11:2022-04"))
    write_scorecards_xlsx(score_assessment(assessment), tmp_path / "s.xlsx")
    no_formulas: list[str] = []
    assert no_formulas == [
        f for name in ("r", "t", "s") for f in formula_cells(tmp_path / f"{name}.xlsx")
    ]
