import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.decide_helpers import read_csv, run, write_assessment
from tests.strategies import HOSTILE_TEXTS, assessments, hostile_communities, periods
from youthaction_scoring import (
    Assessment,
    PilotLevel,
    Scorecard,
    rank_scorecards,
    score_assessment,
)

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"


def _card(cid: str, total: int, district: str = "南明区") -> Scorecard:
    return Scorecard(
        community_id=cid,
        community_name=cid,
        district=district,
        pilot_level=PilotLevel.NATIONAL,
        items=(),
        base=total,
        bonus_before_cap=0,
        bonus=0,
    )


def _independent_ranks(totals: list[int]) -> list[int]:
    return [1 + sum(1 for other in totals if other > mine) for mine in totals]


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    """Totals 20, 30, 30, 10 rank 1, 2, 2, 4 (the 30s first)."""
    ranked = rank_scorecards([_card("a", 20), _card("b", 30), _card("c", 30), _card("d", 10)])
    assert [("b", 1), ("c", 1), ("a", 3), ("d", 4)] == [
        (r.card.community_id, r.rank) for r in ranked
    ]


def test_ties_keep_input_order() -> None:
    """Equal totals keep their input order."""
    ranked = rank_scorecards([_card("x", 5), _card("y", 5), _card("z", 5)])
    assert ["x", "y", "z"] == [r.card.community_id for r in ranked]
    assert [1, 1, 1] == [r.rank for r in ranked]


@given(st.lists(st.integers(0, 200), max_size=12))
def test_ranks_follow_totals_and_match_an_independent_count(totals: list[int]) -> None:
    """Rank = 1 + the number of strictly higher totals; order is by total, highest first."""
    cards = [_card(f"c{i}", t) for i, t in enumerate(totals)]
    ranked = rank_scorecards(cards)
    expected = dict(zip((c.community_id for c in cards), _independent_ranks(totals), strict=True))
    assert expected == {r.card.community_id: r.rank for r in ranked}
    ordered = [r.card.total for r in ranked]
    assert sorted(totals, reverse=True) == ordered


def test_by_district_ranks_within_each_district() -> None:
    """--by district: ranks restart at 1 in every district, districts in first-seen order."""
    cards = [_card("a", 10, "甲"), _card("b", 50, "乙"), _card("c", 30, "甲"), _card("d", 30, "乙")]
    ranked = rank_scorecards(cards, by_district=True)
    assert [("c", 1), ("a", 2), ("b", 1), ("d", 2)] == [
        (r.card.community_id, r.rank) for r in ranked
    ]


def test_rank_json_shape_and_values() -> None:
    """The rank command: --format json: the edition's stamp, then {"ranking": [{rank, ...}]}."""
    result = run("rank", str(SAMPLE), "--format", "json")
    doc = json.loads(result.stdout)
    assert ["rulebook", "rulebook_hash", "ranking"] == list(doc)
    first = doc["ranking"][0]
    expected = {
        "rank": 1,
        "community_id": "nm-xinhua",
        "community_name": "新华路社区",
        "district": "南明区",
        "pilot_level": "national",
        "base": 65,
        "bonus": 20,
        "total": 85,
    }
    assert expected == first
    assert [1, 2, 3] == [e["rank"] for e in doc["ranking"]]


def test_rank_table_and_csv_by_district() -> None:
    """Rank prints a table with the no-grade caption; CSV --by district ranks per district."""
    table = run("rank", str(SAMPLE))
    assert 0 == table.exit_code
    assert "新华路社区" in table.output
    assert "未规定等次" in table.output
    rows = read_csv(
        run("rank", str(SAMPLE), "--format", "csv", "--by", "district", "--lang", "en").stdout
    )
    assert [("nm-xinhua", "1"), ("yy-zhonghua", "1"), ("yy-qianling", "2")] == [
        (r["community_id"], r["rank"]) for r in rows
    ]


def test_rank_as_of_before_period_is_a_user_error() -> None:
    """The rank command: --as-of before the period: status 2 (R2)."""
    result = run("rank", str(SAMPLE), "--as-of", "2020-01")
    assert 2 == result.exit_code


@st.composite
def _hostile_assessment(draw: st.DrawFn) -> Assessment:
    period = draw(periods(max_months=3))
    members = draw(st.lists(hostile_communities(period), min_size=1, max_size=3))
    unique = {c.id: c for c in members}
    return Assessment(period=period, communities=tuple(unique.values()))


@given(_hostile_assessment())
def test_hostile_names_survive_json_and_csv(assessment: Assessment) -> None:
    """Hostile names come back unchanged from rank json and (unguarded) csv."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write_assessment(assessment, Path(folder))
        doc = json.loads(run("rank", str(path), "--format", "json").stdout)
        rows = read_csv(run("rank", str(path), "--format", "csv", "--lang", "en").stdout)
    names = {c.id: (c.name, c.district) for c in assessment.communities}
    assert names == {
        e["community_id"]: (e["community_name"], e["district"]) for e in doc["ranking"]
    }
    assert names == {r["community_id"]: (r["community_name"], r["district"]) for r in rows}


def test_csv_cells_that_look_like_formulas_are_guarded(tmp_path: Path) -> None:
    """No csv cell starts with = + - @: such names get a leading apostrophe."""
    from youthaction_scoring import Community, Period, PilotLevel

    period = Period.parse("2021-11:2021-12")
    members = tuple(
        Community(id=f"c{i}", name=text, district=text, pilot_level=PilotLevel.NATIONAL)
        for i, text in enumerate(HOSTILE_TEXTS)
    )
    path = write_assessment(Assessment(period=period, communities=members), tmp_path)
    output = run("rank", str(path), "--format", "csv").output
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(output, newline="")) for cell in row]
    assert [] == [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'=1+1" in cells


def test_hostile_names_appear_verbatim_in_the_table(tmp_path: Path) -> None:
    """The rich table shows markup-looking names as text (markup off)."""
    from youthaction_scoring import Community, Period, PilotLevel

    period = Period.parse("2021-11:2021-12")
    texts = ["[bold]x[/bold]", "<script>alert(1)</script>", "=1+1", "{{ template }}"]
    members = tuple(
        Community(id=f"c{i}", name=t, district="区", pilot_level=PilotLevel.NATIONAL)
        for i, t in enumerate(texts)
    )
    path = write_assessment(Assessment(period=period, communities=members), tmp_path)
    output = run("rank", str(path)).output
    for text in texts:
        assert text in output


@given(assessments())
def test_rank_covers_every_community_once(assessment: Assessment) -> None:
    """Every community appears exactly once in the ranking."""
    ranked = rank_scorecards(score_assessment(assessment))
    assert sorted(c.id for c in assessment.communities) == sorted(
        r.card.community_id for r in ranked
    )
