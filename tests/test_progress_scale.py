"""``progress`` at scale: the JSON document streamed a month at a time, the tables kept readable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.decide_helpers import run
from youthaction_scoring import load_assessment, loads_assessment
from youthaction_scoring._analysis.behind import BehindRule
from youthaction_scoring._analysis.progress import iter_progress
from youthaction_scoring._domain.codes import Lang
from youthaction_scoring._io.codec import dumps_json
from youthaction_scoring._io.decisions import progress_document, progress_json_chunks
from youthaction_scoring._io.stamps import head_of
from youthaction_scoring._present.tables import NAMED_AT_MOST, progress_tables, render
from youthaction_scoring._rules.editions import GUIYANG_2021

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "guiyang-2021-2022.json"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("rule", [None, BehindRule(below=101)])
def test_the_streamed_document_is_the_whole_document(lang: Lang, rule: BehindRule | None) -> None:
    """Month by month, the text is exactly dumps_json(progress_document(...)), empty too."""
    months = list(iter_progress(load_assessment(EXAMPLE), behind=rule))
    expected = dumps_json(progress_document(months, lang))
    assert expected == "".join(progress_json_chunks(iter(months), lang))
    assert dumps_json(progress_document([], "zh")) == "".join(progress_json_chunks([], "zh"))


def test_the_command_writes_the_same_document_to_a_file_and_stdout(tmp_path: Path) -> None:
    """``--format json`` to standard output and with -o give the document, parsed back."""
    out = tmp_path / "p.json"
    assert 0 == run("progress", str(EXAMPLE), "--format", "json", "-o", str(out)).exit_code
    printed = run("progress", str(EXAMPLE), "--format", "json").stdout
    assert printed == out.read_text(encoding="utf-8")
    assessment = load_assessment(EXAMPLE)
    months = list(iter_progress(assessment))
    edition = head_of(GUIYANG_2021, assessment.period)
    assert progress_document(months, "zh", edition=edition) == json.loads(printed)


def test_tables_are_built_from_an_iterator_in_one_pass() -> None:
    """progress_tables reads each month once: a generator gives the same text as a list."""
    assessment = load_assessment(EXAMPLE)
    months = list(iter_progress(assessment))
    once = render(progress_tables((m for m in months), "zh"), width=120)
    assert render(progress_tables(months, "zh"), width=120) == once


def _crowd(count: int) -> str:
    """The example's first community, *count* times, every one behind (as JSON).

    Without a brand it loses item 3's 40 base points in every month (R11), so
    it is never exempt from a behind list (R23).
    """
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    first = doc["communities"][0]
    first["projects"] = {**first.get("projects", {}), "brands": []}
    doc["communities"] = [{**first, "id": f"c{n:03d}", "name": f"社区{n}"} for n in range(count)]
    return json.dumps(doc, ensure_ascii=False)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_long_lists_of_communities_behind_name_some_and_count_the_rest(lang: Lang) -> None:
    """Each cell names at most NAMED_AT_MOST communities and says how many more; JSON has all."""
    assessment = loads_assessment(_crowd(NAMED_AT_MOST + 7))
    months = list(iter_progress(assessment, behind=BehindRule(below=201)))
    assert all(len(m.behind) == NAMED_AT_MOST + 7 for m in months)
    text = render(progress_tables(months, lang), width=100)
    behind = text[text.index("进度滞后名单" if lang == "zh" else "Falling behind") :]
    more = "等，另有7个社区" if lang == "zh" else "and 7 more"
    assert len(months) <= behind.count(more)  # every month's behind list, some missed lists
    assert "(c019)" in behind
    assert "(c020)" not in behind
    assert max(map(cell_len, text.splitlines())) <= 100


def test_a_short_list_is_named_in_full() -> None:
    """At NAMED_AT_MOST communities or fewer, every one is named, nothing counted."""
    assessment = loads_assessment(_crowd(NAMED_AT_MOST))
    months = list(iter_progress(assessment, behind=BehindRule(below=201)))
    text = render(progress_tables(months, "zh"), width=100)
    assert "另有" not in text
    assert f"(c{NAMED_AT_MOST - 1:03d})" in text


def test_120_months_of_many_communities_stay_in_blocks_within_the_width() -> None:
    """Ten years over 300 communities (plain layout): each line fits, each month labelled per block."""
    doc = json.loads(_crowd(300))
    doc["period"] = {"start": "2015-01", "end": "2024-12"}
    assessment = loads_assessment(json.dumps(doc, ensure_ascii=False))
    text = render(progress_tables(iter_progress(assessment), "zh"), width=160)
    lines = text.splitlines()
    assert max(map(cell_len, lines)) <= 160
    totals = lines[: next(i for i, line in enumerate(lines) if line.strip() == "进度滞后名单")]
    for month in assessment.period.months:
        assert 1 == sum(line.split().count(str(month)) for line in totals), month
    assert sum(line.startswith("社区0 ") for line in totals) >= 120 // 16  # the name on every block


@pytest.mark.parametrize(("count", "more"), [(NAMED_AT_MOST, None), (NAMED_AT_MOST + 1, 1)])
def test_the_districts_table_names_some_behind_and_counts_the_rest(
    count: int, more: int | None
) -> None:
    """At NAMED_AT_MOST flagged all are named; one more and the cell says "and 1 more"."""
    from youthaction_scoring import district_rollup, score_assessment
    from youthaction_scoring._present.tables import districts_table

    cards = score_assessment(loads_assessment(_crowd(count)))
    rule = BehindRule(below=201)
    text = render([districts_table(district_rollup(cards, rule), "en", rule, "2022-04")], width=120)
    assert f"(c{NAMED_AT_MOST - 1:03d})" in text
    assert f"(c{NAMED_AT_MOST:03d})" not in text
    assert ("and 1 more" in text) == (more == 1)
