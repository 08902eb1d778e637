"""compare: two editions (EDITIONS.md, issue 22) and a self-check against verification (issue 23)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from youthaction_scoring import load_assessment, score_assessment
from youthaction_scoring._analysis.behind import BehindRule
from youthaction_scoring._analysis.compare import compare_editions, compare_inputs
from youthaction_scoring._cli import main
from youthaction_scoring._domain.codes import ItemCode
from youthaction_scoring._domain.model import Assessment, Community
from youthaction_scoring._present.compare import compare_document, compare_tables
from youthaction_scoring._present.tables import render
from youthaction_scoring._rules.editions import GUIYANG_2021

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
BUNDLED = Path(__file__).parent.parent / "src/youthaction_scoring/_rules/bundled/guiyang-2021.toml"


@pytest.fixture(scope="module")
def example() -> Assessment:
    """The example assessment (30 communities in 10 districts)."""
    return load_assessment(EXAMPLE)


def amended(tmp_path: Path, old: str, new: str, name: str = "draft-2023") -> Path:
    """A copy of the 2021 edition with one amount changed (*old* line replaced by *new*)."""
    text = BUNDLED.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1).replace('name = "guiyang-2021"', f'name = "{name}"')
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """Run the command line; exit status, standard output, standard error."""
    result = CliRunner().invoke(main, list(args), env={"YOUTHACTION_LANG": "zh"})
    return result.exit_code, result.stdout, result.stderr


def test_identical_editions_show_no_difference(example: Assessment) -> None:
    """The same edition on both sides: no community, district or summary entry differs."""
    found = compare_editions(example, GUIYANG_2021, GUIYANG_2021)
    document = compare_document(found)
    assert found.changed == ()
    assert found.moved_most() == ()
    assert all(c["delta"] == {"total": 0, "rank": 0, "items": {}} for c in document["communities"])
    assert all(d["delta"] == 0 for d in document["districts"])
    assert "两边没有任何差别" in render(compare_tables(found, "zh"), width=80)


def test_one_amount_changes_exactly_the_communities_and_items_that_read_it(
    example: Assessment,
) -> None:
    """2.3 at +10 each: only 2.3 changes, by the points its counted pairings now earn."""
    each = attrs.evolve(GUIYANG_2021.pairings, each=10)
    draft = attrs.evolve(GUIYANG_2021, name="draft", pairings=each)
    found = compare_editions(example, GUIYANG_2021, draft)
    before = {c.community_id: c for c in score_assessment(example)}
    for c in found.communities:
        item = before[c.community_id].item(ItemCode.C2_3)
        expected = min(10 * item.counted, draft.pairings.cap) - item.points
        assert dict(c.changed_items) == ({ItemCode.C2_3: expected} if expected else {})
        assert c.delta == expected
    assert any(c.changed_items for c in found.communities)


def test_ranks_are_shared_on_ties_under_each_side(example: Assessment) -> None:
    """Each side's ranks are competition ranks of its totals (1, 2, 2, 4)."""
    draft = attrs.evolve(GUIYANG_2021, name="draft", bonus_cap=0)
    found = compare_editions(example, GUIYANG_2021, draft)
    for side in ("a", "b"):
        totals = [getattr(c, side).total for c in found.communities]
        ranks = [getattr(c, side).rank for c in found.communities]
        assert ranks == [1 + sum(t > mine for t in totals) for mine in totals]


def test_behind_list_entering_and_leaving(example: Assessment) -> None:
    """An amendment that lowers some totals puts them on the behind list; its reverse takes them off."""
    heavier = attrs.evolve(GUIYANG_2021.youth_home, not_on_cloud_platform=15)
    each = attrs.evolve(GUIYANG_2021.pairings, each=10)
    draft = attrs.evolve(GUIYANG_2021, name="draft", youth_home=heavier, pairings=each)
    forward = compare_editions(example, GUIYANG_2021, draft)
    backward = compare_editions(example, draft, GUIYANG_2021)
    assert forward.entering, "the amendment puts someone behind"
    assert [c.community_id for c in forward.entering] == [c.community_id for c in backward.leaving]
    for c in forward.entering:
        assert c.a is not None
        assert c.b is not None
        assert c.b.behind
        assert not c.a.behind
    summary = compare_document(forward)["summary"]
    assert summary["entering"] == [c.community_id for c in forward.entering]


def test_behind_rule_is_applied_to_both_sides(example: Assessment) -> None:
    """An absolute total (R19): each side flags exactly the totals below it that lost a base point."""
    found = compare_editions(example, GUIYANG_2021, GUIYANG_2021, behind=BehindRule(below=100))
    cards = {c.community_id: c for c in score_assessment(example)}
    for c in found.communities:
        card = cards[c.community_id]
        lost = any(i.deductions for i in card.items if i.kind.code == "base")
        assert c.a is not None
        assert c.a.behind == (card.total < 100 and lost)


def verified_copy(example: Assessment) -> tuple[Assessment, dict[str, Any]]:
    """The example with records removed and facts changed on purpose; what was changed."""
    first, second = example.communities[0], example.communities[1]
    pairing = first.workforce.pairings[0]
    summary = second.mechanisms.summaries[0] if second.mechanisms.summaries else None
    first_v = attrs.evolve(
        first,
        workforce=attrs.evolve(first.workforce, pairings=first.workforce.pairings[1:]),
        org_system=attrs.evolve(first.org_system, youth_home=None),
    )
    second_v = second
    if summary is not None:
        mechanisms = attrs.evolve(second.mechanisms, summaries=second.mechanisms.summaries[1:])
        second_v = attrs.evolve(second, mechanisms=mechanisms)
    extra = Community(
        id="new-01", name="新来社区", district="南明区", pilot_level=first.pilot_level
    )
    communities = (first_v, second_v, *example.communities[3:], extra)  # the third is dropped
    changed = {"pairing": pairing.partner, "summary": summary and summary.title}
    return attrs.evolve(example, communities=communities), changed


def test_self_check_against_verification_names_each_change(example: Assessment) -> None:
    """Each record removed and fact changed is named; one-side-only communities are listed."""
    verified, changed = verified_copy(example)
    found = compare_inputs(example, verified)
    by_id = {c.community_id: c for c in found.communities}
    first = by_id[example.communities[0].id]
    names = {(d.item, d.name, d.change) for d in first.differences}
    assert (ItemCode.C2_3, changed["pairing"], "only_a") in names
    assert (ItemCode.C1_2, "youth_home", "changed") in names
    if changed["summary"]:
        second = by_id[example.communities[1].id]
        assert changed["summary"] in {d.name for d in second.differences}
    assert [c.community_id for c in found.only_a] == [example.communities[2].id]
    assert [c.community_id for c in found.only_b] == ["new-01"]
    document = compare_document(found)
    row = next(c for c in document["communities"] if c["id"] == example.communities[2].id)
    assert row["b"] is None
    assert row["delta"] is None
    assert row["a"]["total"] >= 0
    assert all("differences" in c for c in document["communities"])


def test_identical_inputs_show_no_difference(example: Assessment) -> None:
    """A self-check identical to the verified data: no community differs, no record named."""
    found = compare_inputs(example, example)
    assert found.changed == ()
    assert all(c.differences == () for c in found.communities)


def test_records_compare_by_identity_as_r15_compares_titles(example: Assessment) -> None:
    """A title retyped with full-width letters and spaces is the same record; a date change is not."""
    first = example.communities[0]
    pairing = first.workforce.pairings[0]
    spaced = attrs.evolve(pairing, partner=" ".join(pairing.partner))
    respelled = attrs.evolve(
        first,
        workforce=attrs.evolve(first.workforce, pairings=(spaced, *first.workforce.pairings[1:])),
    )
    same = compare_inputs(
        attrs.evolve(example, communities=(first,)), attrs.evolve(example, communities=(respelled,))
    )
    assert [d.change for d in same.communities[0].differences] == ["changed"]  # its text differs
    assert same.communities[0].differences[0].name == pairing.partner


def test_command_formats_agree(tmp_path: Path) -> None:
    """Table, JSON and CSV of one amendment: the same communities changed, the CSV Excel-safe."""
    draft = amended(
        tmp_path,
        '[items."2.3"]\nclause = "四（二）3"\neach = 5',
        '[items."2.3"]\nclause = "四（二）3"\neach = 10',
    )
    status, out, err = run(
        "compare", str(EXAMPLE), "--against-rulebook", str(draft), "--format", "json"
    )
    assert status == 0, err
    document = json.loads(out)
    assert document["b"]["rulebook"] == "draft-2023"
    assert len(document["b"]["hash"]) == 12
    changed = {c["id"] for c in document["communities"] if c["delta"]["items"]}
    status, text, _ = run("compare", str(EXAMPLE), "--against-rulebook", str(draft))
    assert status == 0
    assert max(len(line) for line in text.splitlines()) <= 80  # narrow: Chinese counts two
    from youthaction_scoring._present.fit import width_of

    assert max(width_of(line) for line in text.splitlines()) <= 80
    assert all(i in text for i in changed)
    status, text, _ = run(
        "compare", str(EXAMPLE), "--against-rulebook", str(draft), "--format", "csv"
    )
    assert status == 0
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    column = rows[0].index("变化项目")
    assert {r[0] for r in rows[1:] if r[column]} == changed
    assert rows[1][-4:] == ["guiyang-2021", GUIYANG_2021.hash, "draft-2023", document["b"]["hash"]]


def test_command_self_check_against_verification(example: Assessment, tmp_path: Path) -> None:
    """--against-input reads the verified data; the table names the records and the one-side communities."""
    verified, changed = verified_copy(example)
    path = tmp_path / "核验.json"
    path.write_text(dumps_json_assessment(verified), encoding="utf-8")
    status, text, err = run("compare", str(EXAMPLE), "--against-input", str(path))
    assert status == 0, err
    assert changed["pairing"] in text
    assert "自查有、核验没有" in text
    assert "只在A中" in text
    assert "新来社区" in text


def dumps_json_assessment(assessment: Assessment) -> str:
    """The assessment as a JSON document."""
    from youthaction_scoring import dumps_assessment

    return dumps_assessment(assessment)


def test_command_needs_something_to_compare_with() -> None:
    """Neither --against-rulebook nor --against-input: a usage error naming both (exit 2)."""
    status, _, err = run("compare", str(EXAMPLE))
    assert status == 2
    assert "--against-rulebook" in err
    assert "--against-input" in err


def test_a_broken_edition_file_is_refused_with_every_problem(tmp_path: Path) -> None:
    """A broken amendment: exit 2, each problem at its key, no traceback."""
    draft = amended(tmp_path, "each = 5", "each = -5")
    status, _, err = run("compare", str(EXAMPLE), "--against-rulebook", str(draft))
    assert status == 2
    assert 'items."2.2".each' in err
    assert "Traceback" not in err


def test_service_answers_the_command_line_bytes(tmp_path: Path, example: Assessment) -> None:
    """POST /v1/compare: ?against_rulebook and the form of two inputs answer compare --format json."""
    pytest.importorskip("starlette")
    from tests.service_server import running

    verified, _ = verified_copy(example)
    path = tmp_path / "核验.json"
    path.write_text(dumps_json_assessment(verified), encoding="utf-8")
    with running(tmp_path) as server, server.client() as client:
        one = client.post(
            "/v1/compare?against_rulebook=guiyang-2021",
            content=EXAMPLE.read_bytes(),
            headers={"content-type": "application/json"},
        )
        two = client.post(
            "/v1/compare",
            files={"input": EXAMPLE.read_bytes(), "against": path.read_bytes()},
        )
        missing = client.post("/v1/compare", files={"against": path.read_bytes()})
        file_given = client.post(
            f"/v1/compare?against_rulebook={BUNDLED}",
            content=EXAMPLE.read_bytes(),
            headers={"content-type": "application/json"},
        )
    assert one.status_code == 200, one.text
    _, out, _ = run(
        "compare", str(EXAMPLE), "--against-rulebook", "guiyang-2021", "--format", "json"
    )
    assert one.content == out.encode("utf-8")
    assert two.status_code == 200, two.text
    _, out, _ = run("compare", str(EXAMPLE), "--against-input", str(path), "--format", "json")
    assert two.content == out.encode("utf-8")
    assert missing.status_code == 422
    assert file_given.status_code == 400  # the service names editions, never reads a path


def test_rulebook_names_side_a_and_against_rulebook_side_b(tmp_path: Path) -> None:
    """--rulebook A --against-rulebook B: A scores side a, B side b; swapping swaps the deltas."""
    draft = amended(tmp_path, 'clause = "四（二）3"\neach = 5', 'clause = "四（二）3"\neach = 10')
    runs = []
    for a, b in ((str(draft), "guiyang-2021"), ("guiyang-2021", str(draft))):
        status, out, err = run(
            "compare", str(EXAMPLE), "--rulebook", a, "--against-rulebook", b, "--format", "json"
        )
        assert status == 0, err
        runs.append(json.loads(out))
    assert runs[0]["a"]["rulebook"] == "draft-2023"
    assert runs[1]["b"]["rulebook"] == "draft-2023"
    for there, back in zip(runs[0]["communities"], runs[1]["communities"], strict=True):
        assert there["delta"]["total"] == -back["delta"]["total"]
    assert any(c["delta"]["total"] for c in runs[0]["communities"])
