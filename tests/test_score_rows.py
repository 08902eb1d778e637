"""Score rows: rank, districts and score csv hold one compact row per community, same outputs."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.decide_helpers import run
from youthaction_scoring import (
    InputError,
    Month,
    district_rollup,
    load_assessment,
    rank_scorecards,
    score_assessment,
)
from youthaction_scoring._analysis.behind import BehindRule
from youthaction_scoring._analysis.ranking import rank_rows
from youthaction_scoring._analysis.rollup import district_rollup_rows
from youthaction_scoring._analysis.score_rows import ScoreRow, ScoreRows
from youthaction_scoring._domain.codes import Lang
from youthaction_scoring._domain.scorecard import Scorecards
from youthaction_scoring._io.codec import dumps_json
from youthaction_scoring._io.decisions import districts_document, ranking_document
from youthaction_scoring._io.jsonl import open_json_lines
from youthaction_scoring._io.stamps import stamp_line
from youthaction_scoring._io.summaries import score_rows
from youthaction_scoring._present.csv import (
    districts_csv,
    ranking_csv,
    score_rows_csv,
    scorecards_csv,
)
from youthaction_scoring._present.tables import districts_table, ranking_table, render

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
try:
    import generate  # type: ignore[import-not-found]
finally:
    sys.path.pop(0)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json"
SAMPLE = Path(__file__).parent / "data" / "decide_sample.json"


def _generated(folder: Path, count: int = 120) -> Path:
    """A seeded JSON Lines assessment of *count* communities (R18 disagreements included)."""
    path = folder / "generated.jsonl"
    path.write_text("".join(generate.lines(count, seed=5)), encoding="utf-8")
    return path


def _as_document(jsonl: Path) -> Path:
    """The same assessment as one JSON document."""
    lines = jsonl.read_bytes().splitlines()
    document = {**json.loads(lines[0]), "communities": [json.loads(x) for x in lines[1:] if x]}
    path = jsonl.with_suffix(".json")
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _cards(path: Path, as_of: Month | None = None) -> Scorecards:
    """The full scorecards of *path*, read whole."""
    return score_assessment(load_assessment(path), as_of=as_of)


def test_rows_rank_exactly_as_their_scorecards() -> None:
    """rank_rows gives rank_scorecards' ranks and order, overall and by district."""
    cards = _cards(SAMPLE)
    rows = ScoreRows.of(cards)
    for by_district in (False, True):
        expected = [(r.rank, r.card) for r in rank_scorecards(cards, by_district=by_district)]
        ranked = rank_rows(rows, by_district=by_district)
        assert [(r.rank, r.row.community_id) for r in ranked] == [
            (rank, card.community_id) for rank, card in expected
        ]
        assert [r.ranked_card().card.total for r in ranked] == [c.total for _, c in expected]


def test_rows_roll_up_exactly_as_their_scorecards() -> None:
    """district_rollup_rows equals district_rollup, with the default and another R19 rule."""
    cards = _cards(SAMPLE)
    for rule in (None, BehindRule(below=120)):
        rows = ScoreRows.of(cards, shortfalls=True)
        assert district_rollup_rows(rows, rule) == district_rollup(cards, rule)


def test_rows_without_shortfalls_cannot_be_rolled_up() -> None:
    """Rows made without their short base items are refused, not rolled up with nobody behind."""
    with pytest.raises(ValueError, match="no shortfalls"):
        district_rollup_rows(ScoreRows.of(_cards(SAMPLE)))


def test_summary_csv_of_rows_is_the_scorecards_summary_csv() -> None:
    """score_rows_csv is byte for byte scorecards_csv's summary, in each language."""
    for path in (EXAMPLE, SAMPLE):
        cards = _cards(path, Month(2022, 1))
        for lang in ("zh", "en"):
            for bilingual in (False, True):
                expected = scorecards_csv(cards, "summary", lang, bilingual=bilingual)
                assert score_rows_csv(ScoreRows.of(cards), lang, bilingual=bilingual) == expected


def test_streamed_rows_are_the_rows_of_the_whole_file(tmp_path: Path) -> None:
    """score_rows over JSON Lines equals the rows of the assessment read and scored whole."""
    path = _generated(tmp_path)
    for as_of in (None, Month(2022, 2)):
        with path.open("rb") as handle:
            streamed = score_rows(open_json_lines(handle), as_of=as_of)
        assert streamed == ScoreRows.of(_cards(path, as_of))


def test_streamed_rows_report_every_problem_and_no_warning(tmp_path: Path) -> None:
    """A bad input gives all its problems, in line order, and no R18 warning."""
    lines = _generated(tmp_path).read_bytes().splitlines(keepends=True)
    lines[3] = lines[3].replace(b'"id"', b'"ident"', 1)
    lines[9] = b"{not json\n"
    warned: list[object] = []
    with pytest.raises(InputError) as caught:
        score_rows(open_json_lines(io.BytesIO(b"".join(lines))), warn=warned.append)
    lines_named = [p.place.split(":")[0].split(",")[0] for p in caught.value.problems]
    assert lines_named == sorted(lines_named, key=lambda n: int(n.split()[1]))
    assert set(lines_named) == {"line 4", "line 10"}
    assert warned == []


def test_an_as_of_month_before_the_period_is_refused_after_the_warnings(tmp_path: Path) -> None:
    """A valid input warns (R18) first, then the as-of month is refused (R2)."""
    warned: list[object] = []
    with _generated(tmp_path).open("rb") as handle, pytest.raises(ValueError, match="R2"):
        score_rows(open_json_lines(handle), as_of=Month(2020, 1), warn=warned.append)
    assert warned


def _same(streamed: Result, whole: Result) -> None:
    """Same exit status and standard error."""
    assert (streamed.exit_code, streamed.stderr) == (whole.exit_code, whole.stderr)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_commands_write_what_the_full_scorecards_give(tmp_path: Path, lang: Lang) -> None:
    """rank, districts and score csv on JSON Lines and a JSON document: the full cards' output."""
    jsonl = _generated(tmp_path)
    for path in (jsonl, _as_document(jsonl)):
        cards = _cards(path)
        rule = BehindRule()
        roll = district_rollup(cards, rule)
        expected = {
            ("rank", "--format", "json"): dumps_json(
                ranking_document(rank_scorecards(cards), edition=cards)
            ),
            ("rank", "--format", "csv", "--by", "district"): ranking_csv(
                rank_scorecards(cards, by_district=True), lang, edition=cards
            ),
            ("rank",): render(
                [ranking_table(rank_scorecards(cards), cards, lang), stamp_line(cards, lang)],
                width=160,
            ),
            ("districts", "--format", "json"): dumps_json(
                districts_document(roll, rule, lang, edition=cards)
            ),
            ("districts", "--format", "csv"): districts_csv(roll, lang, edition=cards),
            ("districts",): render(
                [districts_table(roll, lang, rule, "2022-04"), stamp_line(cards, lang)],
                width=160,
            ),
            ("score", "--format", "csv"): scorecards_csv(cards, "summary", lang),
        }
        whole = run("score", str(path), "--format", "csv-detail", "--lang", lang)
        for args, text in expected.items():
            result = run(args[0], str(path), *args[1:], "--lang", lang)
            assert result.stdout_bytes == text.encode("utf-8"), args
            _same(result, whole)
            assert "R18" in result.stderr


def test_bad_input_and_a_refused_month_fail_as_the_whole_file_path(tmp_path: Path) -> None:
    """Every problem with its place (exit 2), or the warnings then the R2 refusal, as before."""
    good = _generated(tmp_path)
    lines = good.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b'"district"', b'"distrikt"', 1)
    lines[7] = lines[5]
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b"".join(lines))
    for path, extra in ((bad, ()), (good, ("--as-of", "2020-01")), (bad, ("--as-of", "2020-01"))):
        whole = run("score", str(path), "--format", "csv-detail", *extra)
        assert whole.exit_code == 2
        for command in (("rank",), ("districts",), ("score", "--format", "csv")):
            result = run(command[0], str(path), *command[1:], *extra)
            _same(result, whole)
            assert result.stdout == ""


def test_standard_input_is_read_as_before(tmp_path: Path) -> None:
    """JSON Lines and a JSON document on standard input rank as the same file does."""
    jsonl = _generated(tmp_path, 40)
    for path in (jsonl, _as_document(jsonl)):
        from click.testing import CliRunner

        from youthaction_scoring._cli import main

        piped = CliRunner().invoke(main, ["rank", "-", "--format", "csv"], input=path.read_bytes())
        direct = run("rank", str(path), "--format", "csv")
        assert (piped.exit_code, piped.stdout_bytes, piped.stderr) == (
            direct.exit_code,
            direct.stdout_bytes,
            direct.stderr,
        )


def _encoded(count: int) -> Iterator[bytes]:
    """The generated lines, as bytes."""
    for line in generate.lines(count, seed=7):
        yield line.encode("utf-8")


def _peak(count: int) -> tuple[int, int]:
    """Traced peak while scoring *count* communities into rows, and the rows' count."""
    tracemalloc.start()
    try:
        rows = score_rows(open_json_lines(_encoded(count)))
        return tracemalloc.get_traced_memory()[1], len(rows)
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_rows_peak_grows_by_a_compact_row_per_community() -> None:
    """Scoring 3,000 communities into rows peaks less than 1 KiB a community above 1,500.

    A full scorecard of these communities, with its community, takes tens of
    kilobytes; a row a few hundred bytes.
    """
    small, _ = _peak(1500)
    large, count = _peak(3000)
    assert count == 3000
    assert (large - small) / 1500 < 1024, (small, large)


def test_a_row_keeps_what_the_summary_outputs_read() -> None:
    """A row's summary card has the card's totals and no items."""
    card = _cards(EXAMPLE).scorecards[0]
    row = ScoreRow.of(card)
    summary = row.summary_card()
    assert (summary.community_id, summary.total, summary.items) == (
        card.community_id,
        card.total,
        (),
    )
    assert row.points == tuple(item.points for item in card.items)
