import html
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given

from tests.chromium import find_chromium, load_page, png_distinct_bytes
from tests.decide_helpers import run
from tests.strategies import HOSTILE_TEXTS, as_id, hostile_assessments
from youthaction_scoring import (
    Assessment,
    Community,
    Period,
    PilotLevel,
    load_assessment,
    render_report,
)

SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"
CHROMIUM = find_chromium()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install -y chromium); "
    "the report is not checked in a real browser",
)


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(document: str) -> _Collect:
    parser = _Collect()
    parser.feed(document)
    parser.close()
    return parser


def _hostile_assessment() -> Assessment:
    period = Period.parse("2021-11:2022-01")
    members = tuple(
        Community(id=as_id(t), name=t, district=t, pilot_level=PilotLevel.NATIONAL)
        for t in HOSTILE_TEXTS
    )
    return Assessment(period=period, communities=members)


def test_report_is_self_contained() -> None:
    """One inline script (the filter), no links out, no sources, no url() or @import."""
    document = render_report(load_assessment(SAMPLE))
    parsed = _parse(document)
    assert 1 == parsed.tags.count("script")
    assert "link" not in parsed.tags
    assert [] == [(k, v) for k, v in parsed.attrs if k == "src"]
    hrefs = [v for k, v in parsed.attrs if k == "href"]
    assert hrefs
    assert all(v is not None and v.startswith("#") for v in hrefs)  # only within the page
    assert "url(" not in document
    assert "@import" not in document
    urls = set(re.findall(r"https?://[^\s\"'<>]+", document))
    assert {"http://www.w3.org/2000/svg"} >= urls  # the SVG namespace names, never fetches


def test_report_has_charts_grid_districts_and_every_community() -> None:
    """Ranking and section charts as inline SVG, month grid, districts, every community's plan."""
    document = render_report(load_assessment(SAMPLE), lang="en")
    assert 'id="ranking-chart"' in document
    assert 'id="section-chart"' in document
    assert 3 == document.count('<g class="bar"')
    assert 3 == document.count('<g class="stack"')
    assert 6 == document.count("<th>2021-11</th>") + 5 * document.count("<th>2021-11</th>")
    assert "District roll-up" in document
    for cid in ("nm-xinhua", "yy-qianling", "yy-zhonghua"):
        assert cid in document
    assert "join the Youth Home cloud platform (R4)" in document
    assert "recoverable 85 + lost 30 = gap of 115 to the highest total 200" in document


def test_month_grid_marks_covered_and_missed_months() -> None:
    """新华路 covered Nov-Jan and missed Feb-Apr: three ✓ then three ✗ (R10)."""
    document = render_report(load_assessment(SAMPLE))
    row = re.search(r"<tr[^>]*><th>新华路社区 \(nm-xinhua\)</th>(.*?)</tr>", document)
    assert row is not None
    assert ["✓", "✓", "✓", "✗", "✗", "✗"] == re.findall(r">([✓✗])<", row.group(1))


def test_report_escapes_hostile_names() -> None:
    """Every hostile name is shown as text: escaped in the HTML, intact in the parsed text."""
    document = render_report(_hostile_assessment())
    assert "<script>alert(1)</script>" not in document
    assert html.escape("<script>alert(1)</script>", quote=False) in document
    parsed = _parse(document)
    assert 1 == parsed.tags.count("script")  # the report's own filter, nothing injected
    text = "".join(parsed.text)
    for name in HOSTILE_TEXTS:
        assert name in text


@given(hostile_assessments())
def test_generated_reports_parse_without_injected_markup(assessment: Assessment) -> None:
    """Generated assessments with hostile names: no script tag, every id shown as text."""
    document = render_report(assessment)
    parsed = _parse(document)
    assert 1 == parsed.tags.count("script")  # the report's own filter, nothing injected
    text = "".join(parsed.text)
    for community in assessment.communities:
        assert community.id in text


def test_report_command_writes_file_atomically(tmp_path: Path) -> None:
    """Report -o writes the file; bad input leaves an existing file untouched (status 2)."""
    target = tmp_path / "report.html"
    result = run("report", str(SAMPLE), "-o", str(target), "--lang", "en")
    assert 0 == result.exit_code
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    target.write_text("old", encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert 2 == run("report", str(bad), "-o", str(target)).exit_code
    assert "old" == target.read_text(encoding="utf-8")


def test_importing_the_package_loads_no_heavy_modules() -> None:
    """Importing youthaction_scoring does not import jinja2, rich or click."""
    code = (
        "import sys, youthaction_scoring\n"
        "print(sorted(m for m in ('jinja2', 'rich', 'click', 'markupsafe') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "[]" == out.strip()


@pytest.mark.slow
@needs_chromium
def test_report_loads_in_chromium_without_errors_and_is_not_blank(tmp_path: Path) -> None:
    """Headless chromium loads the hostile-name report: no console errors, a non-blank page."""
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    page.write_text(render_report(_hostile_assessment()), encoding="utf-8")
    result = load_page(CHROMIUM, page)
    assert result.loaded
    assert () == result.errors
    assert png_distinct_bytes(result.screenshot) > 16


@pytest.mark.slow
@needs_chromium
def test_the_browser_check_catches_errors_and_blank_pages(tmp_path: Path) -> None:
    """Control: a console error and a missing resource are caught; a blank page looks blank."""
    assert CHROMIUM is not None
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><html><body><img src='missing.png'>"
        "<script>console.error('boom')</script></body></html>",
        encoding="utf-8",
    )
    result = load_page(CHROMIUM, bad)
    assert 2 <= len(result.errors)
    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><html><body></body></html>", encoding="utf-8")
    assert png_distinct_bytes(load_page(CHROMIUM, blank).screenshot) <= 16


def test_report_of_an_assessment_without_communities() -> None:
    """No communities: the report still renders, says so, and has empty charts."""
    document = render_report(Assessment(period=Period.parse("2021-11:2021-12"), communities=()))
    assert "没有社区。" in document
    assert 0 == document.count('<g class="bar">')


def test_the_contents_link_to_every_section_and_community() -> None:
    """Every link of the table of contents leads to an element of the page; each community has one."""
    document = render_report(load_assessment(SAMPLE))
    parsed = _parse(document)
    ids = {v for k, v in parsed.attrs if k == "id"}
    targets = [v[1:] for k, v in parsed.attrs if k == "href" and v]
    assert {"ranking", "sections", "months", "districts", "communities"} <= set(targets)
    assert [] == [t for t in targets if t not in ids]
    assert 3 == sum(t.startswith("community-") for t in targets)


def test_the_ranking_axis_has_ticks() -> None:
    """The ranking chart's axis is labelled 0, 50, 100, 150, 200 (not only 0 and 200)."""
    document = render_report(load_assessment(SAMPLE))
    chart = document[document.index('id="ranking-chart"') : document.index("</svg>")]
    labels = re.findall(r'class="tick-label"[^>]*>(\d+)<', chart)
    assert ["0", "50", "100", "150", "200"] == labels


@pytest.mark.usefixtures("english")
def test_the_report_as_of_a_month() -> None:
    """--as-of: totals as of the month, the grid up to it, the month named, plans' basis said."""
    from youthaction_scoring import Month, score_assessment

    assessment = load_assessment(SAMPLE)
    document = render_report(assessment, lang="en", as_of=Month(2022, 1))
    assert "as of 2022-01" in document
    assert "<th>2022-01</th>" in document
    assert "<th>2022-02</th>" not in document
    assert "Plans count the whole period: months after 2022-01" in document
    cards = score_assessment(assessment, as_of=Month(2022, 1))
    for card in cards:
        assert f"{card.total}/200" in document
    result = run("report", str(SAMPLE), "-o", "-", "--as-of", "2020-01")
    assert 2 == result.exit_code
    assert "--as-of: as-of month 2020-01 is before" in result.stderr


def test_the_report_prints_without_navigation() -> None:
    """Print styles hide the contents and the filter and keep a community on one page."""
    document = render_report(load_assessment(SAMPLE))
    printing = document[document.index("@media print") :]
    assert "nav.toc, .filter { display: none; }" in printing
    assert "break-inside: avoid" in printing


@pytest.mark.slow
@needs_chromium
def test_the_filter_box_hides_other_communities(tmp_path: Path) -> None:
    """Typing a district in the filter box leaves only its communities, in every part."""
    page = tmp_path / "report.html"
    page.write_text(render_report(load_assessment(SAMPLE)), encoding="utf-8")
    script = """(() => {
      const box = document.getElementById("filter");
      box.value = "云岩";
      box.dispatchEvent(new Event("input"));
      const shown = [...document.querySelectorAll("section.community")]
        .filter(s => !s.classList.contains("hidden")).map(s => s.id);
      const bars = [...document.querySelectorAll("g.bar")]
        .filter(g => !g.classList.contains("hidden")).length;
      return {shown, bars, count: document.getElementById("filter-count").textContent};
    })()"""
    assert CHROMIUM is not None
    result = load_page(CHROMIUM, page, evaluate=script)
    assert () == result.errors
    assert 2 == len(result.value["shown"])
    assert 2 == result.value["bars"]
    assert "2" in result.value["count"]
