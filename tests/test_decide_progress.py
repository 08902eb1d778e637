import json
import statistics
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.decide_helpers import read_csv, run, write_assessment
from tests.strategies import HOSTILE_TEXTS, assessments, rulebooks
from youthaction_scoring import (
    Assessment,
    Community,
    Month,
    Period,
    PilotLevel,
    Rulebook,
    Scorecard,
    Standing,
    district_rollup,
    flag_behind,
    has_shortfalls,
    iter_progress,
    load_assessment,
    missed_months,
    score_assessment,
)
from youthaction_scoring._analysis.progress import item_shortfalls

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"


def _expected(card: Scorecard, month: Month) -> Standing:
    """A standing read the slow way, off the full scorecard as of *month*."""
    owed = list(missed_months(card))
    other = tuple((code, d) for code, d in item_shortfalls(card) if d.rule != "R10")
    return Standing(card.total, month in owed, len(owed), other)


@given(assessments(max_communities=3), rulebooks())
def test_progress_is_the_score_as_of_each_month(assessment: Assessment, rulebook: Rulebook) -> None:
    """Month M of progress equals scoring as of M (R2): totals, missed months, shortfalls."""
    months = list(iter_progress(assessment, rulebook=rulebook))
    assert list(assessment.period.months) == [m.month for m in months]
    for month in months:
        cards = score_assessment(assessment, as_of=month.month, rulebook=rulebook)
        assert [_expected(c, month.month) for c in cards] == [r.standing for r in month.rows]
        assert [c.community_id for c in cards] == [r.community_id for r in month.rows]
        totals = [(c.community_id, c.total, has_shortfalls(c)) for c in cards]
        assert flag_behind(totals) == month.behind
        assert tuple(c.community_id for c in cards if month.month in missed_months(c)) == (
            month.missed
        )


@given(assessments(max_communities=2), st.data())
def test_progress_in_any_order_of_months(assessment: Assessment, data: st.DataObject) -> None:
    """Months asked in any order, repeated or past the end, give the as-of standings."""
    period = assessment.period
    last = Month.from_index(period.end.index + 2)
    pool = [*period.months, last]
    months = data.draw(st.lists(st.sampled_from(pool), max_size=6))
    for entry in iter_progress(assessment, months=months):
        cards = score_assessment(assessment, as_of=entry.month)
        assert [_expected(c, entry.month) for c in cards] == [r.standing for r in entry.rows]


def test_progress_before_the_period_is_refused() -> None:
    """A month before the first month of the period is refused, as for scoring (R2)."""
    assessment = load_assessment(SAMPLE)
    first = assessment.period.start
    with pytest.raises(ValueError, match="before the period"):
        next(iter_progress(assessment, months=[Month.from_index(first.index - 1)]))
    assert first == next(iter_progress(assessment, months=[first])).month


def test_sample_progress_totals_and_lagging_lists() -> None:
    """The sample: 新华路 drops from 115 to 85 as Feb-Apr go uncovered; 中华北路 misses November."""
    months = {str(m.month): m for m in iter_progress(load_assessment(SAMPLE))}
    assert [100, 105, 115, 105, 95, 85] == [
        months[k].get("nm-xinhua").total for k in sorted(months)
    ]
    assert ("yy-zhonghua",) == months["2021-11"].missed
    assert ("nm-xinhua", "yy-qianling", "yy-zhonghua") == months["2022-02"].missed
    assert ("yy-qianling",) == months["2021-11"].behind  # lowest of three (R19)


def test_a_community_with_nothing_short_is_not_behind() -> None:
    """Full base points and every month covered: not behind; one missing month: behind."""
    from tests.decide_helpers import activities as _activities
    from tests.decide_helpers import community as _community
    from youthaction_scoring import (
        Cadres,
        CountyOrgCategory,
        LeagueOrg,
        OrgSystem,
        Workforce,
        YouthHome,
        score,
    )

    period = Period.parse("2021-11:2021-12")
    full = _community(
        org_system=OrgSystem(
            county_youth_orgs=tuple(CountyOrgCategory),
            youth_home=YouthHome(True, True),
            league_org=LeagueOrg(True),
        ),
        workforce=Workforce(cadres=Cadres(1, 1, 1)),
        projects=_activities("2021-11", "2021-12"),
    )
    assert not has_shortfalls(score(full, period))
    short = _community(
        org_system=full.org_system,
        workforce=full.workforce,
        projects=_activities("2021-11"),
    )
    assert has_shortfalls(score(short, period))
    assert (Month(2021, 12),) == missed_months(score(short, period))


def test_progress_command_table_and_json() -> None:
    """Progress shows every month and community; JSON lists totals, missed and behind."""
    table = run("progress", str(SAMPLE))
    assert 0 == table.exit_code
    for month in ("2021-11", "2022-04"):
        assert month in table.output
    assert "进度滞后名单" in table.output
    doc = json.loads(run("progress", str(SAMPLE), "--format", "json").stdout)
    assert 6 == len(doc["months"])
    first = doc["months"][0]
    assert {"community_id": "nm-xinhua", "total": 100} == first["totals"][0]
    assert ["yy-zhonghua"] == first["missed"]
    assert {"share": 0.25} == doc["behind_rule"]
    assert ["yy-qianling"] == [b["community_id"] for b in first["behind"]]
    qianling = doc["months"][-1]["behind"][0]
    assert ("yy-qianling", 5, 5) == (  # covered November only
        qianling["community_id"],
        qianling["total"],
        qianling["months_missed"],
    )
    assert all(s["rule"] != "R10" for s in qianling["shortfalls"])  # counted, not repeated
    below = run("progress", str(SAMPLE), "--format", "json", "--behind-below", "101")
    doc = json.loads(below.stdout)
    assert {"below": 101} == doc["behind_rule"]
    xinhua = doc["months"][0]["behind"][0]
    assert ("nm-xinhua", 100, 0) == (
        xinhua["community_id"],
        xinhua["total"],
        xinhua["months_missed"],
    )
    assert [{"item": "1.2", "points": 5, "rule": "R4",
             "reason": "“Y+青年之家”未入驻青年之家云平台"}] == xinhua["shortfalls"]  # fmt: skip


def test_district_rollup_matches_an_independent_computation() -> None:
    """Count, mean, min, max per district equal a direct computation from the totals."""
    cards = score_assessment(load_assessment(SAMPLE))
    summaries = {s.district: s for s in district_rollup(cards)}
    for district in ("南明区", "云岩区"):
        totals = [c.total for c in cards if c.district == district]
        summary = summaries[district]
        expected = (len(totals), statistics.mean(totals), min(totals), max(totals))
        assert expected == (summary.count, summary.mean, summary.min, summary.max)
    assert ("yy-qianling",) == summaries["云岩区"].behind  # 5 of 85, 5, 40: the bottom quarter
    assert () == summaries["南明区"].behind


@given(assessments())
def test_district_rollup_covers_every_community_once(assessment: Assessment) -> None:
    """Every community is counted in exactly one district; min <= mean <= max."""
    summaries = district_rollup(score_assessment(assessment))
    assert len(assessment.communities) == sum(s.count for s in summaries)
    for s in summaries:
        assert s.min <= s.mean <= s.max
        assert set(s.behind) <= set(s.community_ids)


def test_districts_command_formats(tmp_path: Path) -> None:
    """districts: table, json and csv (hostile district names carried intact)."""
    assert "区县汇总" in run("districts", str(SAMPLE)).output
    doc = json.loads(run("districts", str(SAMPLE), "--format", "json").stdout)
    assert {"district": "南明区", "communities": 1, "mean": 85.0, "min": 85, "max": 85,
            "behind": []} == doc["districts"][0]  # fmt: skip
    assert {"share": 0.25} == doc["behind_rule"]
    period = Period.parse("2021-11:2021-11")
    members = tuple(
        Community(id=f"c{i}", name="社区", district=t, pilot_level=PilotLevel.NATIONAL)
        for i, t in enumerate(HOSTILE_TEXTS)
    )
    path = write_assessment(Assessment(period=period, communities=members), tmp_path)
    rows = read_csv(run("districts", str(path), "--format", "csv", "--lang", "en").stdout)
    assert sorted(set(HOSTILE_TEXTS)) == sorted(r["district"] for r in rows)
    doc = json.loads(run("districts", str(path), "--format", "json").stdout)
    assert sorted(set(HOSTILE_TEXTS)) == sorted(d["district"] for d in doc["districts"])
