"""Rectification lists (issue 23): rows from the plans, behind first by district, the due date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from tests.builders import PERIOD, empty_community, full_community
from youthaction_scoring import (
    Assessment,
    BehindRule,
    Month,
    district_rollup,
    load_assessment,
    plan_scorecards,
    rectification_document,
    rectify_assessment,
    render_report,
    score_assessment,
)
from youthaction_scoring._analysis.rectify import parse_due
from youthaction_scoring._cli import main
from youthaction_scoring._domain.errors import Refusal
from youthaction_scoring._present.rectify_workbook import sheet_names, write_rectification_xlsx

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
JAN = Month(2022, 1)


@pytest.fixture(scope="module")
def example() -> Assessment:
    """The example assessment (30 communities in 10 districts)."""
    return load_assessment(EXAMPLE)


def run(*args: str) -> tuple[int, str]:
    """Run the command line in Chinese; its exit status and output."""
    result = CliRunner().invoke(main, list(args), env={"YOUTHACTION_LANG": "zh"})
    return result.exit_code, result.output


# --------------------------------------------------------------------------
# The library: rows, order, due date.
# --------------------------------------------------------------------------


def test_each_communitys_rows_are_its_plan(example: Assessment) -> None:
    """What can be mended and what is lost are exactly the plan's actions and lost points."""
    listed = rectify_assessment(example, as_of=JAN)
    plans = {p.community_id: p for p in plan_scorecards(score_assessment(example), as_of=JAN)}
    communities = listed.communities()
    assert len(communities) == len(plans) == 30
    for c in communities:
        assert (c.mend, c.lost) == (plans[c.community_id].actions, plans[c.community_id].lost)
        assert c.at_stake == sum(a.gain for a in c.mend)


def test_behind_come_first_in_each_district_in_input_order(example: Assessment) -> None:
    """Districts by their first community; in each, those behind first, each group in input order."""
    listed = rectify_assessment(example, as_of=JAN)
    position = {c.id: n for n, c in enumerate(example.communities)}
    firsts = [min(position[c.community_id] for c in d.communities) for d in listed.districts]
    assert firsts == sorted(firsts)
    some_behind = 0
    for d in listed.districts:
        flags = [c.behind for c in d.communities]
        assert flags == sorted(flags, reverse=True)  # every True before every False
        for group in (True, False):
            places = [position[c.community_id] for c in d.communities if c.behind is group]
            assert places == sorted(places)
        some_behind += any(flags) and not all(flags)
    assert some_behind >= 3  # the order is tested on districts that mix both


def test_behind_is_the_district_rollups_as_of_the_month(example: Assessment) -> None:
    """Who is behind is what the district roll-up flags as of the month, with the rule given."""
    rule = BehindRule(below=100)
    listed = rectify_assessment(example, as_of=JAN, behind=rule)
    rolled = district_rollup(score_assessment(example, as_of=JAN), rule)
    expected = {i for s in rolled for i in s.behind}
    assert {c.community_id for c in listed.communities() if c.behind} == expected
    assert {c.district for c in listed.communities()} == {s.district for s in rolled}
    assert listed.behind == rule


def test_as_of_the_last_month_no_month_can_be_made_up(example: Assessment) -> None:
    """As of the last month every missed month is lost (R10): the rows are the whole period's."""
    last = rectify_assessment(example, as_of=PERIOD.end)
    whole = rectify_assessment(example)
    earlier = rectify_assessment(example, as_of=Month(2022, 3))
    assert [c.plan for c in last.communities()] == [c.plan for c in whole.communities()]
    month_steps = [a for c in last.communities() for a in c.mend if a.item.code == "3"]
    assert all("开展冠名" not in a.text("zh") for a in month_steps)
    assert any("2022-04开展冠名" in a.text("zh") for c in earlier.communities() for a in c.mend)


def test_the_due_date_defaults_to_the_periods_last_day(example: Assessment) -> None:
    """Without --due the list is due on the period's last day; at that day it is accepted."""
    end = dt.date(2022, 4, 30)
    assert rectify_assessment(example, as_of=JAN).due == end
    assert rectify_assessment(example, as_of=JAN, due=end).due == end


def test_a_due_date_after_the_period_is_refused(example: Assessment) -> None:
    """One day after the period's last day is refused, naming the field and the last day."""
    with pytest.raises(Refusal) as caught:
        rectify_assessment(example, as_of=JAN, due=dt.date(2022, 5, 1))
    assert caught.value.field == "due"
    assert "2022-04-30" in caught.value.message.text("zh")


def test_a_due_date_before_the_as_of_month_is_refused(example: Assessment) -> None:
    """The as-of month's first day is accepted; the day before it is refused."""
    assert rectify_assessment(example, as_of=JAN, due=dt.date(2022, 1, 1)).due.day == 1
    with pytest.raises(Refusal) as caught:
        rectify_assessment(example, as_of=JAN, due=dt.date(2021, 12, 31))
    assert caught.value.field == "due"
    with pytest.raises(Refusal):  # without --as-of the whole period has passed
        rectify_assessment(example, due=dt.date(2022, 3, 31))
    assert rectify_assessment(example, due=dt.date(2022, 4, 1)).due == dt.date(2022, 4, 1)


def test_an_as_of_month_before_the_period_is_refused_as_as_of(example: Assessment) -> None:
    """An as-of month before the period is the as-of setting's problem (R2)."""
    with pytest.raises(Refusal) as caught:
        rectify_assessment(example, as_of=Month(2021, 10))
    assert caught.value.field == "as_of"


@pytest.mark.parametrize("text", ["2022-4-30", "20220430", "2022-02-30", "2022-04-30T00", ""])
def test_due_dates_are_read_strictly(text: str) -> None:
    """Only a real date written YYYY-MM-DD is a due date."""
    with pytest.raises(Refusal):
        parse_due(text)
    assert parse_due("2022-02-28") == dt.date(2022, 2, 28)


def test_a_community_with_nothing_to_mend_is_listed_with_no_rows() -> None:
    """A community at full marks is on the list, with nothing to mend and nothing lost."""
    assessment = Assessment(PERIOD, (full_community(), empty_community()))
    listed = rectify_assessment(assessment)
    full = next(c for c in listed.communities() if c.community_id == "c1")
    assert (full.mend, full.lost, full.at_stake) == ((), (), 0)
    document = rectification_document(listed)
    assert [d["district"] for d in document["districts"]] == ["南明区", "云岩区"]


def test_sheet_names_are_ones_excel_accepts() -> None:
    """Forbidden characters replaced, 31 characters at most, each different (ignoring case)."""
    names = sheet_names(["南明/区", "a" * 40, "A" * 40, "History", "", "x"])
    assert names[0] == "南明_区"
    assert all(len(n) <= 31 for n in names)
    assert len({n.casefold() for n in names}) == len(names)
    assert names[3] != "History"
    assert names[4] == "-"


# --------------------------------------------------------------------------
# The command line: table, JSON, workbook.
# --------------------------------------------------------------------------


def test_the_table_shows_each_district_and_the_due_date() -> None:
    """By default a table per district, captioned with the due date and the behind rule."""
    code, out = run("rectify", str(EXAMPLE), "--as-of", "2022-01", "--due", "2022-03-31")
    assert code == 0, out
    assert out.count("社区青春行动整改清单") == 10
    assert "整改期限：2022-03-31" in out
    assert "R19" in out


def test_the_json_lists_behind_first_with_steps_and_losses(tmp_path: Path) -> None:
    """The JSON document: period, due date, rule, and per district its communities, behind first."""
    out = tmp_path / "list.json"
    code, text = run("rectify", str(EXAMPLE), "--as-of", "2022-01", "-o", str(out))
    assert code == 0, text
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["as_of"], doc["due"], doc["behind_rule"]) == (
        "2022-01",
        "2022-04-30",
        {"share": 0.25},
    )
    first = doc["districts"][0]["communities"]
    assert first[0]["behind"] is True
    assert first[-1]["behind"] is False
    assert {"item", "gain", "action"} == first[0]["mend"][0].keys()
    assert "community_name" in first[0]
    assert {"item", "points", "reason"} == first[0]["lost"][0].keys()


def test_a_refused_due_date_names_the_option() -> None:
    """A due date after the period is a usage problem at --due, exit status 2."""
    code, out = run("rectify", str(EXAMPLE), "--due", "2022-05-01")
    assert code == 2
    assert "--due" in out
    assert "2022-04-30" in out


openpyxl = pytest.importorskip("openpyxl")


def _workbook(tmp_path: Path, *extra: str) -> Any:
    """Write the list as of January 2022 as a workbook and open it with openpyxl."""
    out = tmp_path / "整改清单.xlsx"
    code, text = run("rectify", str(EXAMPLE), "--as-of", "2022-01", "-o", str(out), *extra)
    assert code == 0, text
    return openpyxl.load_workbook(out)


def test_the_workbook_has_a_sheet_per_district_with_done_left_empty(tmp_path: Path) -> None:
    """One sheet per district; 完成情况 heads the last column and every row leaves it empty."""
    book = _workbook(tmp_path)
    assert book.sheetnames[:2] == ["南明区", "云岩区"]
    assert len(book.sheetnames) == 10
    for sheet in book.worksheets:
        headings = [c.value for c in sheet[4]]
        assert headings[-1] == "完成情况"
        assert headings[:2] == ["社区编号", "社区名称"]
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        assert rows
        assert all(r[-1] is None for r in rows)
        assert all(r[0] and r[1] for r in rows)  # every row names its community
    first = book["南明区"]
    assert first["C5"].value == "是"  # the community behind comes first


def test_the_workbook_is_set_up_to_print(tmp_path: Path) -> None:
    """A4 across the page, one page wide, the heading row and the names repeated, pages numbered."""
    sheet = _workbook(tmp_path)["南明区"]
    page = sheet.page_setup
    assert (page.paperSize, page.orientation) == (9, "landscape")
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert (sheet.print_title_rows, sheet.print_title_cols) == ("$4:$4", "$A:$B")
    assert sheet.oddFooter.right.text == "&P / &N"
    assert sheet.freeze_panes == "C5"


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    """A community named like a formula is written as a text cell, never a formula."""
    community = attrs.evolve(empty_community(), name='=HYPERLINK("x")', district="+1")
    out = tmp_path / "l.xlsx"
    write_rectification_xlsx(rectify_assessment(Assessment(PERIOD, (community,))), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert (sheet["B5"].value, sheet["B5"].data_type) == ('=HYPERLINK("x")', "s")


def test_a_workbook_is_not_replaced_without_force(tmp_path: Path) -> None:
    """An existing workbook stays unless --force; a workbook never goes to standard output."""
    out = tmp_path / "l.xlsx"
    out.write_bytes(b"kept")
    code, _ = run("rectify", str(EXAMPLE), "-o", str(out))
    assert (code, out.read_bytes()) == (2, b"kept")
    assert run("rectify", str(EXAMPLE), "-o", str(out), "--force")[0] == 0
    assert run("rectify", str(EXAMPLE), "--format", "xlsx")[0] == 2


def test_the_report_has_the_same_rows(example: Assessment) -> None:
    """The report's rectification section lists each step of the list, district by district."""
    pytest.importorskip("jinja2")
    page = render_report(example, as_of=JAN)
    section = page[page.index('id="rectify"') :]
    listed = rectify_assessment(example, as_of=JAN)
    for d in listed.districts:
        assert f"<h3>{d.district}</h3>" in section
    rows = sum(max(1, len(c.mend) + len(c.lost)) for c in listed.communities())
    assert section.count('<tr><td class="name">') == rows
    compact = render_report(example, as_of=JAN, detail_limit=0)
    assert "rectify 台账.xlsx" in compact[compact.index('id="rectify"') :]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed",
)
def test_the_printed_list_names_its_district_and_columns_on_every_page(tmp_path: Path) -> None:
    """Printed by LibreOffice: every page has the column headings and the district in its footer."""
    out = tmp_path / "l.xlsx"
    write_rectification_xlsx(rectify_assessment(load_assessment(EXAMPLE), as_of=JAN), out)
    profile = f"-env:UserInstallation=file://{tmp_path / 'profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "l.pdf"), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    pages = text.split("\f")[:-1]
    assert len(pages) >= 10
    assert all("完成情况" in page and "社区名称" in page for page in pages)
    assert sum("南明区" in page for page in pages) >= 1
