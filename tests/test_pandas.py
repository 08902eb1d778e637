"""Scorecards as pandas DataFrames and as HTML tables in Jupyter."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given

from tests.strategies import HOSTILE_TEXTS, assessments
from youthaction_scoring import (
    Assessment,
    Community,
    ItemCode,
    Month,
    Period,
    PilotLevel,
    Scorecards,
    score_assessment,
    to_dataframe,
)
from youthaction_scoring._present.pandas import DETAIL_COLUMNS, SUMMARY_COLUMNS


def _cards() -> Scorecards:
    communities = (
        Community(id="a", name="甲社区", district="南明区", pilot_level=PilotLevel.NATIONAL),
        Community(id="b", name="乙社区", district="云岩区", pilot_level=PilotLevel.PROVINCIAL),
    )
    return score_assessment(Assessment(Period.parse("2021-11:2022-04"), communities))


def test_summary_has_one_row_per_community_in_input_order() -> None:
    """detail=False gives one row per community, totals and item points read from the cards."""
    cards = _cards()
    frame = to_dataframe(cards)
    assert list(SUMMARY_COLUMNS) == list(frame.columns)
    assert ["a", "b"] == list(frame["community_id"])
    assert [c.total for c in cards] == list(frame["total"])
    assert [c.item("1.2").points for c in cards] == list(frame["1.2"])
    assert ["national", "provincial"] == list(frame["pilot_level"])


def test_detail_has_one_row_per_item() -> None:
    """detail=True gives ten rows per community with every stage of each item."""
    cards = _cards()
    frame = to_dataframe(cards, detail=True)
    assert list(DETAIL_COLUMNS) == list(frame.columns)
    assert 20 == len(frame)
    assert [c.code for c in ItemCode] * 2 == list(frame["code"])
    item = cards.get("a").item("3")
    row = frame[(frame["community_id"] == "a") & (frame["code"] == "3")].iloc[0]
    assert (item.raw, item.deducted, item.after_deductions, item.points) == (
        row["raw"],
        row["deducted"],
        row["after_deductions"],
        row["points"],
    )
    assert "R11" in row["deductions"]


def test_detail_language() -> None:
    """lang="en" writes item titles and reasons in English; zh is the default."""
    card = _cards().get("a")
    assert ItemCode.C1_2.label == to_dataframe(card, detail=True)["item"][1]
    english = to_dataframe(card, detail=True, lang="en")
    assert ItemCode.C1_2.label_en == english["item"][1]
    assert "no Y+ Youth Home built (R4)" in english["deductions"][1]


def test_one_scorecard_and_no_scorecards() -> None:
    """A single scorecard is one row; an empty list keeps the columns."""
    card = _cards().get("b")
    assert 1 == len(to_dataframe(card))
    empty = to_dataframe([])
    assert (0, list(SUMMARY_COLUMNS)) == (len(empty), list(empty.columns))


@given(assessments())
def test_frames_match_the_cards(assessment: Assessment) -> None:
    """For any assessment the frames carry the cards' numbers unchanged."""
    cards = score_assessment(assessment)
    frame = to_dataframe(cards)
    assert [c.total for c in cards] == [int(x) for x in frame["total"]]
    assert [c.community_name for c in cards] == list(frame["community_name"])
    detail = to_dataframe(cards, detail=True)
    assert [i.points for c in cards for i in c] == [int(x) for x in detail["points"]]


def test_import_does_not_load_pandas() -> None:
    """Importing the package loads neither pandas nor matplotlib nor jsonschema."""
    code = (
        "import sys, youthaction_scoring; "
        "print(sorted(m for m in ('pandas', 'matplotlib', 'jsonschema') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]\n" == out.stdout


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_scorecards_html_escapes_text(text: str) -> None:
    """Scorecards and a scorecard render as HTML tables with their text escaped."""
    from html import escape

    community = Community(id="x", name=text, district="南明区", pilot_level=PilotLevel.NATIONAL)
    cards = score_assessment(Assessment(Period.parse("2021-11:2022-04"), (community,)))
    html = cards._repr_html_()
    assert f"<td>{escape(text)}</td>" in html
    assert 2 == html.count("<tr>")  # header and one community
    assert "<script>" not in html
    card_html = cards.scorecards[0]._repr_html_()  # one card: one row per item
    assert f"<caption>{escape(text)} (x, 南明区): 0</caption>" in card_html
    assert "<script>" not in card_html


def test_scorecards_html_shows_totals_and_as_of() -> None:
    """The caption names the rulebook, the period and the as-of month; rows end in totals."""
    empty = Assessment(Period.parse("2021-11:2022-04"), ())
    assert "guiyang-2021, 2021-11:2022-04: 0 communities" in score_assessment(empty)._repr_html_()
    as_of = score_assessment(empty, as_of=Month(2022, 1))._repr_html_()
    assert "guiyang-2021, 2021-11:2022-04, as of 2022-01: 0 communities" in as_of
    full = _cards()
    card = full.get("b")
    row_end = f"<td>{card.base}</td><td>{card.bonus}</td><td>{card.total}</td></tr>"
    assert row_end in full._repr_html_()
