"""The report at scale: above the detail limit, summaries plus each community's detail on demand."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from tests.chromium import find_chromium, load_page, png_distinct_bytes
from tests.decide_helpers import run
from tests.strategies import HOSTILE_TEXTS, as_id, hostile_assessments
from youthaction_scoring import (
    Activity,
    Assessment,
    Community,
    Month,
    Period,
    PilotLevel,
    Projects,
    flag_behind,
    has_shortfalls,
    load_assessment,
    plan_scorecards,
    rank_scorecards,
    render_report,
    score_assessment,
)
from youthaction_scoring._analysis.plan import plan_scorecard
from youthaction_scoring._analysis.score import Scorer
from youthaction_scoring._present.report import DETAIL_LIMIT
from youthaction_scoring._present.report.digest import digest

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"
BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
DATA = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(document: str) -> _Collect:
    parser = _Collect()
    parser.feed(document)
    parser.close()
    return parser


def _data(document: str) -> dict[str, Any]:
    """The detail data of a compact report."""
    found = DATA.search(document)
    assert found is not None
    value: dict[str, Any] = json.loads(found.group(1))
    return value


def _rows(flat: list[Any], size: int, strings: list[str], texts: tuple[int, ...]) -> list[tuple]:  # type: ignore[type-arg]
    """Regroup a flat list of the data, turning the positions *texts* of each row into texts."""
    rows = [flat[i : i + size] for i in range(0, len(flat), size)]
    return [tuple(strings[v] if k in texts else v for k, v in enumerate(r)) for r in rows]


def _generated(count: int, folder: Path) -> Assessment:
    """A fictional assessment of *count* communities from the benchmark's generator."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(BENCHMARKS))
    path = folder / f"generated-{count}.jsonl"
    generate.write(path, count, 2021)
    return load_assessment(path)


@pytest.fixture(scope="module")
def six_hundred(tmp_path_factory: pytest.TempPathFactory) -> Assessment:
    """600 generated communities: more than the default detail limit."""
    return _generated(600, tmp_path_factory.mktemp("six-hundred"))


def _hostile_records() -> Assessment:
    """Hostile names, districts and activity titles (a title shows up in a detail's notes)."""
    period = Period.parse("2021-11:2022-01")
    members = tuple(
        Community(
            id=as_id(t),
            name=t,
            district=t,
            pilot_level=PilotLevel.NATIONAL,
            projects=Projects(activities=(Activity(t, dt.date(2021, 9, 1), True),)),
        )
        for t in (*HOSTILE_TEXTS, "</script><script>alert(2)</script>", "<!--", "]]>")
    )
    return Assessment(period=period, communities=members)


def test_the_form_follows_the_detail_limit() -> None:
    """Above the limit the compact form (data, no sections); at or below it the full form."""
    assessment = load_assessment(SAMPLE)
    assert 500 == DETAIL_LIMIT
    full = render_report(assessment, detail_limit=3)
    compact = render_report(assessment, detail_limit=2)
    assert full == render_report(assessment)
    assert 'id="report-data"' not in full
    assert 3 == full.count('<section class="community"')
    assert 'id="report-data"' in compact
    assert 0 == compact.count('<section class="community"')
    with pytest.raises(ValueError, match="detail_limit"):
        render_report(assessment, detail_limit=-1)


def test_the_compact_report_is_self_contained_and_links_within_itself() -> None:
    """One script and one JSON data block; no sources or links out; every link has its target."""
    document = render_report(load_assessment(SAMPLE), detail_limit=0)
    parsed = _parse(document)
    scripts = [attrs for tag, attrs in parsed.starts if tag == "script"]
    assert [{}, {"type": "application/json", "id": "report-data"}] == sorted(scripts, key=len)
    assert not [tag for tag, _ in parsed.starts if tag == "link"]
    assert not [a for _, a in parsed.starts if "src" in a]
    assert "url(" not in document
    assert "@import" not in document
    ids = {a["id"] for _, a in parsed.starts if a.get("id")}
    targets = [a["href"] for _, a in parsed.starts if "href" in a]
    assert all(t is not None and t.startswith("#") for t in targets)
    assert [] == [t for t in targets if t is not None and t[1:] not in ids]
    assert {"ranking", "sections", "months", "districts", "communities"} <= ids
    assert {"community-1", "community-2", "community-3"} <= ids


def test_the_compact_data_is_each_communitys_detail_in_ranking_order() -> None:
    """Decoded, the data gives each community's points, deductions, notes and plan."""
    assessment = load_assessment(SAMPLE)
    data = _data(render_report(assessment, lang="en", detail_limit=0))
    strings = data["s"]
    assert len(set(strings)) == len(strings)  # each distinct text once
    cards = score_assessment(assessment)
    plans = {p.community_id: p for p in plan_scorecards(cards)}
    ranked = rank_scorecards(cards)
    assert len(ranked) == len(data["c"])
    for entry, record in zip(ranked, data["c"], strict=True):
        card, plan = entry.card, plans[entry.card.community_id]
        assert [card.base, card.bonus] == record[:2]
        deductions = [
            (i.code.code, d.points, d.reason.text("en"), d.rule) for i in card for d in i.deductions
        ]
        assert deductions == _rows(record[4], 4, strings, (0, 2, 3))
        notes = [(i.code.code, n.text("en")) for i in card for n in i.notes]
        assert notes == _rows(record[5], 2, strings, (0, 1))
        actions = [(a.item.code, a.gain, a.text("en")) for a in plan.actions]
        assert actions == _rows(record[6], 3, strings, (0, 2))
        lost = [(x.item.code, x.points, x.text("en")) for x in plan.lost]
        assert lost == _rows(record[7], 3, strings, (0, 2))
        assert plan.max_total - plan.total == record[8]


def test_the_compact_summaries_agree_with_the_full_report(six_hundred: Assessment) -> None:
    """Month counts, the totals' bins, the district table and behind marks match the full form."""
    compact = render_report(six_hundred)
    full = render_report(six_hundred, detail_limit=len(six_hundred.communities))
    assert 'id="report-data"' in compact
    for month in (str(m) for m in six_hundred.period.months):
        missed = len(re.findall(rf'class="missed" title="{month}"', full))
        row = re.search(
            rf"<tr><td>{month}</td><td class=\"num\">(\d+)</td><td class=\"num\">(\d+)", compact
        )
        assert row is not None
        assert (600 - missed, missed) == (int(row.group(1)), int(row.group(2)))
    bins = [int(n) for n in re.findall(r"<title>\d+–\d+分：(\d+)个社区</title>", compact)]
    assert 600 == sum(bins)

    def districts(document: str) -> list[str]:
        part = document[document.index('id="districts"') : document.index('<p class="note">滞后')]
        return re.findall(r'<td class="num">([\d.]+)</td>', part)

    assert districts(full) == districts(compact)
    cards = score_assessment(six_hundred)
    totals = ((c.community_id, c.total, has_shortfalls(c)) for c in cards)
    assert len(flag_behind(totals)) == len(re.findall(r"<td>滞后</td></tr>", compact))


def test_behind_links_lead_to_rows_marked_behind(six_hundred: Assessment) -> None:
    """Every link of a district's behind list leads to a ranking row marked behind (R19)."""
    document = render_report(six_hundred, lang="en")
    table = document[document.index('<table class="rows">') :]
    part = document[document.index('id="districts"') : document.index('id="communities"')]
    targets = set(re.findall(r'<a href="#(community-\d+)">', part))
    marked = set(re.findall(r'<tr id="(community-\d+)">(?:(?!</tr>).)*<td>behind</td></tr>', table))
    assert targets
    assert targets == marked


def test_the_compact_ranking_axis_has_ticks_and_the_bins_cover_every_total() -> None:
    """The chart of totals is labelled 0, 50, 100, 150, 200 and its bins count everyone."""
    document = render_report(load_assessment(SAMPLE), detail_limit=0)
    chart = document[document.index('id="ranking-chart"') : document.index("</svg>")]
    assert ["0", "50", "100", "150", "200"] == re.findall(r'class="tick-label"[^>]*>(\d+)<', chart)
    counts = [int(n) for n in re.findall(r"：(\d+)个社区</title>", chart)]
    assert 20 == len(counts)
    assert 3 == sum(counts)


@pytest.mark.usefixtures("english")
def test_the_compact_report_as_of_a_month() -> None:
    """--as-of: months up to it, the month named, the data carrying it and totals as of it."""
    assessment = load_assessment(SAMPLE)
    document = render_report(assessment, lang="en", as_of=Month(2022, 1), detail_limit=0)
    data = _data(document)
    assert "as of 2022-01" in document
    assert ["2021-11", "2021-12", "2022-01"] == data["months"]
    assert "2022-01" == data["as_of"]
    assert data["t"]["plan_basis"].startswith("Plans count the whole period")
    totals = sorted(
        (c.total for c in score_assessment(assessment, as_of=Month(2022, 1))), reverse=True
    )
    assert totals == [record[0] + record[1] for record in data["c"]]


def test_the_compact_report_escapes_hostile_text_in_markup_and_data() -> None:
    """Hostile names stay text in the table; hostile titles stay text in the data."""
    assessment = _hostile_records()
    document = render_report(assessment, detail_limit=0)
    parsed = _parse(document)
    assert 2 == [tag for tag, _ in parsed.starts].count("script")
    assert "<script>alert" not in document
    raw = DATA.search(document)
    assert raw is not None
    assert "<" not in raw.group(1)  # nothing in the data can end or change its element
    text = "".join(parsed.text)
    for community in assessment.communities:
        assert community.name in text
    notes = "".join(_data(document)["s"])
    assert "</script><script>alert(2)</script>" in notes


@given(hostile_assessments())
def test_generated_compact_reports_parse_to_their_data(assessment: Assessment) -> None:
    """Generated hostile assessments: two scripts, every id in a row, the data decodes."""
    document = render_report(assessment, detail_limit=0)
    parsed = _parse(document)
    assert 2 == [tag for tag, _ in parsed.starts].count("script")
    text = "".join(parsed.text)
    for community in assessment.communities:
        assert community.id in text
    assert len(assessment.communities) == len(_data(document)["c"])


def test_each_community_is_scored_and_planned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """One pass: a scorecard per community (two as of a month), one plan each."""
    import youthaction_scoring._present.report.digest as module

    calls = {"score": 0, "plan": 0}
    score, plan = Scorer.__call__, plan_scorecard

    def counted_score(self: Scorer, community: Community) -> Any:
        calls["score"] += 1
        return score(self, community)

    def counted_plan(*args: Any, **kwargs: Any) -> Any:
        calls["plan"] += 1
        return plan(*args, **kwargs)

    monkeypatch.setattr(Scorer, "__call__", counted_score)
    monkeypatch.setattr(module, "plan_scorecard", counted_plan)
    assessment = load_assessment(SAMPLE)
    render_report(assessment, detail_limit=0)
    assert {"score": 3, "plan": 3} == calls
    render_report(assessment, as_of=Month(2022, 1))
    assert {"score": 3 + 6, "plan": 6} == calls


def test_the_digest_keeps_numbers_and_each_text_once(six_hundred: Assessment) -> None:
    """The entries hold numbers only, each referring to a text held once in the digest."""
    from youthaction_scoring import GUIYANG_2021
    from youthaction_scoring._analysis.behind import BehindRule

    facts = digest(six_hundred, lang="zh", rulebook=GUIYANG_2021, behind=BehindRule(), as_of=None)
    assert len(set(facts.texts)) == len(facts.texts)
    used: set[int] = set()
    for _, entry, _ in facts.ranked:
        for field, size, texts in (
            (entry.deductions, 4, (0, 2, 3)),
            (entry.notes, 2, (0, 1)),
            (entry.actions, 3, (0, 2)),
            (entry.lost, 3, (0, 2)),
        ):
            assert all(type(v) is int for v in field)
            assert 0 == len(field) % size
            used.update(field[k + t] for k in range(0, len(field), size) for t in texts)
    assert used == set(range(len(facts.texts)))  # every text is used, none is missing


def test_the_compact_page_stays_small(six_hundred: Assessment) -> None:
    """600 communities: under 1.25 KB each and under a quarter of the full form's size."""
    compact = len(render_report(six_hundred).encode("utf-8"))
    full = len(render_report(six_hundred, detail_limit=600).encode("utf-8"))
    assert compact < 600 * 1280
    assert compact < full / 4


def test_the_report_command_takes_a_detail_limit(tmp_path: Path) -> None:
    """--detail-limit 0 writes the compact form; a negative limit is refused (status 2)."""
    target = tmp_path / "report.html"
    result = run("report", str(SAMPLE), "-o", str(target), "--detail-limit", "0")
    assert 0 == result.exit_code
    assert 'id="report-data"' in target.read_text(encoding="utf-8")
    result = run("report", str(SAMPLE), "-o", "-", "--detail-limit", "3")
    assert 0 == result.exit_code
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert 'id="report-data"' not in result.stdout
    refused = run("report", str(SAMPLE), "-o", str(target), "--detail-limit", "-1")
    assert 2 == refused.exit_code
    assert "--detail-limit" in refused.stderr


def test_the_compact_report_prints_the_table_without_navigation() -> None:
    """Print styles hide the contents and filter, and lay out every chunk of the table."""
    document = render_report(load_assessment(SAMPLE), detail_limit=0)
    printing = document[document.index("@media print") :]
    assert "nav.toc, .filter { display: none; }" in printing
    assert ".chunk { content-visibility: visible; }" in printing


OPEN = """(() => {
  const link = document.querySelector("#community-2 a");
  link.click();
  const detail = document.querySelector("#community-2 + tr.detail");
  location.hash = "#community-1";
  window.dispatchEvent(new HashChangeEvent("hashchange"));
  const first = document.querySelector("#community-1 + tr.detail");
  const box = document.getElementById("filter");
  box.value = "云岩";
  box.dispatchEvent(new Event("change"));
  const shown = [...document.querySelectorAll("tr[id^=community-]")]
    .filter(r => !r.classList.contains("hidden")).map(r => r.id);
  return {
    detail: detail ? detail.innerText : null,
    first: first ? first.innerText : null,
    shown, count: document.getElementById("filter-count").textContent,
    scripts: document.querySelectorAll("script").length,
  };
})()"""


@pytest.mark.slow
@needs_chromium
def test_a_community_opens_on_click_and_by_its_link(tmp_path: Path) -> None:
    """In chromium: a click and a #community-N link render the detail; the filter filters."""
    assessment = load_assessment(SAMPLE)
    page = tmp_path / "report.html"
    page.write_text(render_report(assessment, lang="en", detail_limit=0), encoding="utf-8")
    assert CHROMIUM is not None
    result = load_page(CHROMIUM, page, evaluate=OPEN)
    assert () == result.errors
    second = rank_scorecards(score_assessment(assessment))[1].card
    value = result.value
    assert value["detail"] is not None
    assert "Deductions" in value["detail"]
    assert "/200" in value["detail"]
    for item in second:
        for deduction in item.deductions:
            assert deduction.reason.text("en") in value["detail"]
    assert value["first"] is not None
    assert "Plan" in value["first"]
    assert 2 == len(value["shown"])
    assert "2 of 3" in value["count"]
    assert 2 == value["scripts"]


@pytest.mark.slow
@needs_chromium
def test_hostile_details_render_as_text_in_chromium(tmp_path: Path) -> None:
    """Every hostile community's detail opens with no error, no new element and the title as text."""
    page = tmp_path / "report.html"
    page.write_text(render_report(_hostile_records(), detail_limit=0), encoding="utf-8")
    script = """(() => {
      const before = document.querySelectorAll("script, img, b").length;
      document.querySelectorAll("#ranking-table tr[id] a").forEach(a => a.click());
      const details = [...document.querySelectorAll("tr.detail")].map(d => d.innerText);
      return {before, after: document.querySelectorAll("script, img, b").length, details};
    })()"""
    assert CHROMIUM is not None
    result = load_page(CHROMIUM, page, evaluate=script)
    assert () == result.errors
    assert result.value["before"] == result.value["after"]
    details = "\n".join(result.value["details"])
    assert len(_hostile_records().communities) == len(result.value["details"])
    assert "</script><script>alert(2)</script>" in details


@pytest.mark.slow
@needs_chromium
def test_five_thousand_communities_load_in_chromium(tmp_path: Path) -> None:
    """5,000 communities: under 5 MB, loads with no error, not blank, a detail opens."""
    page = tmp_path / "report.html"
    page.write_text(render_report(_generated(5000, tmp_path)), encoding="utf-8")
    assert page.stat().st_size < 5 * 2**20
    script = """(() => {
      document.querySelector("#community-4321 a").click();
      const d = document.querySelector("#community-4321 + tr.detail");
      return {rows: document.querySelectorAll("tr[id^=community-]").length,
              detail: d ? d.innerText.length : 0};
    })()"""
    assert CHROMIUM is not None
    result = load_page(CHROMIUM, page, evaluate=script)
    assert () == result.errors
    assert 5000 == result.value["rows"]
    assert result.value["detail"] > 100
    assert png_distinct_bytes(result.screenshot) > 16
