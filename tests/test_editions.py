"""Editions as files (EDITIONS.md): the bundled file, the strict loader, amounts read per item."""

from __future__ import annotations

import tomllib
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.oracle import bundled_edition, oracle_items, oracle_total
from tests.strategies import community_and_period, rulebooks
from youthaction_scoring import (
    GUIYANG_2021,
    Community,
    InputError,
    ItemCode,
    Month,
    Period,
    Rulebook,
    edition_for,
    load_rulebook,
    score,
)
from youthaction_scoring._io.converter import unstructure_community
from youthaction_scoring._rules.editions import MAX_EDITION_BYTES, parse_edition

BUNDLED = Path(__file__).parent.parent / "src/youthaction_scoring/_rules/bundled/guiyang-2021.toml"


def _text() -> str:
    return BUNDLED.read_text(encoding="utf-8")


def _problems(text: str | bytes) -> list[str]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(InputError) as caught:
        parse_edition(data)
    return [str(p) for p in caught.value.problems]


def test_the_bundled_edition_is_the_file_and_its_hash() -> None:
    """GUIYANG_2021 is read from the package's file; its hash is the file's sha256, 12 digits."""
    import hashlib

    assert hashlib.sha256(BUNDLED.read_bytes()).hexdigest()[:12] == GUIYANG_2021.hash
    assert GUIYANG_2021 == load_rulebook(BUNDLED)
    assert "guiyang-2021" == GUIYANG_2021.name
    assert _text() == GUIYANG_2021.to_toml()


def test_every_item_has_its_own_amounts_4_1_to_4_3_included() -> None:
    """Each of the ten items reads its own typed amounts, as the file gives them."""
    items = bundled_edition()["items"]
    assert set(items) == {code.code for code in ItemCode}
    for code in ItemCode:
        amounts = attrs.asdict(GUIYANG_2021.item(code))
        assert items[code.code] == amounts
    assert GUIYANG_2021.socialized_operation is not GUIYANG_2021.information_sharing


def test_the_loader_reports_every_problem_with_its_key() -> None:
    """Unknown, missing, wrong-typed and negative values are all refused at once, each placed."""
    text = (
        _text().replace("cap = 20\n", "cap = -1\n", 1).replace('name = "guiyang-2021"', "name = 3")
    )
    text = text.replace("per_missing_category = 5", 'per_missing_category = "5"\nextra = 1')
    text = text.replace("bonus_cap = 100\n", "")
    found = _problems(text)
    assert 'items."2.2".cap: must be from 0 to 1,000,000, got -1' in found
    assert "items.\"1.1\".per_missing_category: must be a whole number, got text '5'" in found
    assert 'items."1.1".extra: unknown key' in found
    assert "totals.bonus_cap: required key missing" in found
    assert any(p.startswith("name: ") for p in found)
    assert len(found) == 5


@pytest.mark.parametrize(
    ("amount", "ok"), [(0, True), (1_000_000, True), (1_000_001, False), (-1, False)]
)
def test_amounts_at_and_beyond_their_limits(amount: int, ok: bool) -> None:
    """Amounts from 0 to 1,000,000 are accepted; one past either end is refused."""
    text = _text().replace("points = 40", f"points = {amount}")
    if ok:
        assert amount == parse_edition(text.encode()).projects.points
    else:
        assert [p.split(":")[0] for p in _problems(text)] == ['items."3".points']


def test_a_missing_item_a_duplicate_key_and_bad_bytes_are_refused() -> None:
    """A missing item, a key given twice, non-UTF-8 and an oversized file are refused."""
    cut = _text().split('[items."4.3"]')[0]
    assert ['items."4.3": required key missing'] == _problems(cut)
    assert len(_problems(_text() + 'name = "x"\n')) == 1
    assert ["not UTF-8 text (byte 1)"] == _problems(b"\xff" + _text().encode())
    too_big = _text().encode() + b"#" * MAX_EDITION_BYTES
    assert _problems(too_big)[0].startswith("the file is too large")


def test_odd_but_possible_amounts_are_accepted() -> None:
    """A deduction above its points and a cap below each are accepted (EDITIONS.md)."""
    text = _text().replace("not_standardized = 10", "not_standardized = 99")
    text = text.replace("each = 5\ncap = 20", "each = 5\ncap = 3", 1)
    edition = parse_edition(text.encode())
    assert (99, 3) == (edition.league_org.not_standardized, edition.service_projects.cap)


def test_the_problems_are_bilingual() -> None:
    """Each problem renders in Chinese too."""
    with pytest.raises(InputError) as caught:
        parse_edition(_text().replace("bonus_cap = 100\n", "").encode())
    assert "缺少必填的键" in caught.value.text("zh")


def test_load_rulebook_names_the_file(tmp_path: Path) -> None:
    """A file's problems are placed in the file; a missing file is an input error."""
    path = tmp_path / "draft.toml"
    path.write_text(_text().replace("cap = 20\n", "cap = -1\n", 1), encoding="utf-8")
    with pytest.raises(InputError, match=r'draft.toml: items."2.2".cap'):
        load_rulebook(path)
    with pytest.raises(InputError):
        load_rulebook(tmp_path / "absent.toml")


def test_the_edition_in_force_at_the_period_start_is_chosen() -> None:
    """A later edition scores periods starting on or after its in-force day (EDITIONS.md)."""
    later = attrs.evolve(
        GUIYANG_2021, name="guiyang-2023", in_force=GUIYANG_2021.in_force.replace(year=2023)
    )
    given = (later,)
    assert edition_for(Period.parse("2022-11:2023-04"), given) is GUIYANG_2021
    assert edition_for(Period.parse("2023-11:2024-04"), given) is later
    assert edition_for(Period.parse("2021-01:2021-06"), given) is GUIYANG_2021


def test_a_period_before_every_edition_is_scored_with_the_earliest_and_noted() -> None:
    """Scores before 2021-10-20 keep the 2021 amounts; the scorecards say so."""
    from youthaction_scoring import Assessment, score_assessment

    early = score_assessment(Assessment(Period.parse("2021-09:2022-02"), ()))
    assert ("guiyang-2021", GUIYANG_2021.hash) == (early.rulebook, early.rulebook_hash)
    assert early.rulebook_note is not None
    assert "in force only from 2021-10-20" in early.rulebook_note.en
    assert score_assessment(Assessment(Period.parse("2021-11:2022-04"), ())).rulebook_note is None


@settings(max_examples=60, deadline=None)
@given(community_and_period(), rulebooks(), st.none() | st.integers(0, 15))
def test_random_editions_match_the_independent_oracle(
    case: tuple[Community, Period], rulebook: Rulebook, offset: int | None
) -> None:
    """Every item and total under a random edition agrees with a plain reading of its file."""
    community, period = case
    text = rulebook.to_toml()
    assert rulebook == parse_edition(text.encode())  # the file reads back as the edition
    edition = tomllib.loads(text)
    as_of = None if offset is None else Month.from_index(period.start.index + offset)
    card = score(community, period, as_of=as_of, rulebook=rulebook)
    period_dict = {"start": str(period.start), "end": str(period.end)}
    expected = oracle_items(
        unstructure_community(community),
        period_dict,
        None if as_of is None else str(as_of),
        edition,
    )
    assert expected == {i.code.code: i.points for i in card.items}
    assert oracle_total(expected, edition) == (card.base, card.bonus, card.total)


@settings(max_examples=40, deadline=None)
@given(community_and_period(), st.sampled_from(list(ItemCode)), st.data())
def test_changing_one_amount_changes_only_the_items_that_read_it(
    case: tuple[Community, Period], code: ItemCode, data: st.DataObject
) -> None:
    """Change one amount of one item: every other item scores exactly as before."""
    community, period = case
    amounts = GUIYANG_2021.item(code)
    keys = [f.name for f in attrs.fields(type(amounts)) if f.type is int]
    key = data.draw(st.sampled_from(keys))
    value = data.draw(st.integers(0, 60))
    changed = GUIYANG_2021.amended(code, **{key: value})
    before = score(community, period, rulebook=GUIYANG_2021)
    after = score(community, period, rulebook=changed)
    for old, new in zip(before.items, after.items, strict=True):
        if old.code is not code:
            assert old == new
