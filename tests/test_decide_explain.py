from pathlib import Path

import pytest

from tests.decide_helpers import run, write_assessment
from tests.strategies import HOSTILE_TEXTS
from youthaction_scoring import (
    Assessment,
    Community,
    ItemCode,
    Month,
    Period,
    PilotLevel,
    explain_scorecard,
    load_assessment,
    score_assessment,
)

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"


def _statement(lang: str = "zh", as_of: Month | None = None) -> str:
    cards = score_assessment(load_assessment(SAMPLE), as_of=as_of)
    return explain_scorecard(
        cards.get("nm-xinhua"),
        period=cards.period,
        as_of=as_of,
        lang="en" if lang == "en" else "zh",
    )


def test_every_clause_is_listed_with_points_and_maximum() -> None:
    """Each of the ten items appears with "points/max" in Chinese."""
    text = _statement()
    for code, shown in zip(ItemCode, ["15/15", "10/15", "15/15", "15/15", "5/20", "5/20",
                                      "10/40", "10/20", "0/20", "0/20"], strict=True):  # fmt: skip
        assert f"{code.code} {code.label}" in text
        assert shown + "分" in text.split(f"{code.code} {code.label}", 1)[1].splitlines()[0]


def test_deductions_carry_reason_and_rule_and_stages_are_visible() -> None:
    """Item 3 shows full → after deductions → counts, and each missing month with R10."""
    text = _statement("en")
    assert "full 40 → after deductions 10 → counts 10 (floor 0)" in text
    assert "−10: no qualifying activity in 2022-03 (R10)" in text
    assert "−5: the Youth Home has not joined the Youth Home cloud platform (R4)" in text


def test_excluded_and_merged_records_are_listed() -> None:
    """Notes name the excluded project (R1) and the merged duplicate (R7)."""
    text = _statement("en")
    assert 'service project "旧衣回收" dated 2022-06-01 is outside the period' in text
    assert 'service project "四点半课堂" recorded 2 times; counted once (R7)' in text


def test_totals_and_no_grade_line() -> None:
    """The statement ends with base, bonus before and after the cap, total, and says no grade."""
    text = _statement()
    assert "基本项合计65分" in text
    assert "总分85分（最高200分）" in text
    assert "不评定等次" in text


def test_as_of_is_shown() -> None:
    """With an as-of month the statement says so (R2)."""
    assert "截至2022-01" in _statement(as_of=Month(2022, 1))


def test_explain_command_default_chinese_and_english(tmp_path: Path) -> None:
    """The explain command: defaults to Chinese; --lang en is English; -o writes the file."""
    zh = run("explain", str(SAMPLE), "--community", "yy-qianling")
    assert 0 == zh.exit_code
    assert "社区青春行动考核计分说明" in zh.output
    target = tmp_path / "out.txt"
    en = run(
        "explain", str(SAMPLE), "--community", "yy-qianling", "--lang", "en", "-o", str(target)
    )
    assert "" == en.output
    assert "no featured community brand formed (R11)" in target.read_text(encoding="utf-8")


@pytest.mark.usefixtures("english")
def test_explain_unknown_community_is_a_user_error() -> None:
    """An unknown --community: status 2 with the id in the message."""
    result = run("explain", str(SAMPLE), "--community", "missing")
    assert 2 == result.exit_code
    assert "'missing'" in result.output


@pytest.mark.parametrize("name", HOSTILE_TEXTS)
def test_hostile_names_are_carried_verbatim(tmp_path: Path, name: str) -> None:
    """The statement shows a hostile name as it is; the table shows it as text."""
    period = Period.parse("2021-11:2021-11")
    community = Community(id="c", name=name, district=name, pilot_level=PilotLevel.PROVINCIAL)
    path = write_assessment(Assessment(period=period, communities=(community,)), tmp_path)
    assert name in run("explain", str(path), "--community", "c", "--format", "text").output
    if "\t" not in name and "\n" not in name:  # rich lays out tabs and line breaks
        assert name.strip() in run("explain", str(path), "--community", "c").output


def test_explain_formats_table_then_statement_or_text_only() -> None:
    """Table format adds an item table with every stage; text format is the statement alone."""
    table = run("explain", str(SAMPLE), "--community", "yy-zhonghua", "--lang", "en").output
    assert "after deductions" in table.splitlines()[2]
    assert "│ 3    │ featured brands and monthly activities  │ base  │            40 │" in table
    assert "-20" in table  # item 3 after deductions, before the floor
    text = run(
        "explain", str(SAMPLE), "--community", "yy-zhonghua", "--lang", "en", "--format", "text"
    ).output
    assert _statement_of("yy-zhonghua") == text


def _statement_of(community_id: str) -> str:
    cards = score_assessment(load_assessment(SAMPLE))
    return explain_scorecard(cards.get(community_id), period=cards.period, lang="en")


EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"


@pytest.mark.parametrize("given", ["中环社区", "中环 社区", "中环社区\u200b", "YY-02", "ｙｙ-02"])
def test_explain_takes_a_name_or_an_id_as_names_are_compared(given: str) -> None:
    """--community finds 中环社区 by its name or id, spaced, invisible or full-width (R15)."""
    result = run("explain", str(EXAMPLE), "--community", given, "--format", "text")
    assert 0 == result.exit_code, result.output
    assert "中环社区 (yy-02)" in result.stdout


def test_a_missed_community_lists_the_nearest_in_the_users_language() -> None:
    """A near miss: status 2, the nearest id and name, in Chinese or English."""
    zh = run("explain", str(EXAMPLE), "--community", "中环社")
    assert 2 == zh.exit_code
    assert "没有编号或名称为“中环社”的社区；最接近的：yy-02 (中环社区)" in zh.stderr
    en = run("plan", str(EXAMPLE), "--community", "yy-2", "--lang", "en")
    assert 2 == en.exit_code
    assert "no community with id or name 'yy-2'; the nearest: yy-02" in en.stderr


def test_a_name_shared_by_several_communities_is_refused_with_each(tmp_path: Path) -> None:
    """Two communities named 新华社区: status 2, both ids listed, no guess."""
    period = Period.parse("2021-11:2022-04")
    twins = tuple(
        Community(id=i, name="新华社区", district="南明区", pilot_level=PilotLevel.NATIONAL)
        for i in ("nm-a", "nm-b")
    )
    path = write_assessment(Assessment(period=period, communities=twins), tmp_path)
    result = run("explain", str(path), "--community", "新华社区", "--lang", "en")
    assert 2 == result.exit_code
    assert "2 communities are named '新华社区'; give the id of one: nm-a (新华社区), nm-b" in (
        result.stderr
    )
    assert 0 == run("explain", str(path), "--community", "nm-b").exit_code
