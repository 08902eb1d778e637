"""R19, R23: who is behind — the bottom share by total, ties included, or below a total."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.decide_helpers import run
from youthaction_scoring import (
    BehindRule,
    flag_behind,
    has_shortfalls,
    load_assessment,
    score_assessment,
)
from youthaction_scoring._analysis.behind import parse_share, parse_total

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json"


def _ids(
    totals: list[int], rule: BehindRule | None = None, kept: frozenset[int] = frozenset()
) -> tuple[str, ...]:
    """The ids flagged; the communities numbered in *kept* have lost no base point."""
    return flag_behind(((f"c{i}", t, i not in kept) for i, t in enumerate(totals)), rule)


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        ([40, 30, 20, 10], ("c3",)),  # 4: exactly one quarter
        ([50, 40, 30, 20, 10], ("c3", "c4")),  # 5: 1.25 -> the two lowest (1 below < 1.25)
        ([30, 20, 10], ("c2",)),  # 3: 0.75 -> the lowest
        ([80, 70, 60, 50, 40, 30, 20, 10], ("c6", "c7")),  # 8: exactly two
        ([90, 80, 70, 60, 50, 40, 30, 20, 10], ("c6", "c7", "c8")),  # 9: 2.25 -> three
        ([10, 50, 10, 10], ("c0", "c2", "c3")),  # ties at the boundary all flagged
        ([20, 20, 30, 40], ("c0", "c1")),  # the last of the one lowest ties with another
        ([10, 20, 20, 30], ("c0",)),  # a tie above the last is not flagged
        ([100, 100], ()),  # all equal: nobody to lag behind (R23)
        ([7], ()),  # one community: all equal
        ([], ()),
    ],
)
def test_the_bottom_quarter_by_total_ties_included(
    totals: list[int], expected: tuple[str, ...]
) -> None:
    """Flagged: the ceil(n/4) lowest totals and every total equal to the last of them (R23)."""
    assert expected == _ids(totals)


@pytest.mark.parametrize(
    ("share", "count"),
    [("27%", 7), ("28%", 7), ("0.28", 7), ("7/25", 7), ("29%", 8), ("24%", 6), ("24.01%", 7)],
)
def test_the_count_is_exact_never_floating_point(share: str, count: int) -> None:
    """28 % of 25 is 7 (as a float, 7.000000000000001 would round up to 8); 27 % and 29 % bracket it."""
    assert 0.28 * 25 > 7  # the trap this guards against
    flagged = _ids(list(range(25)), BehindRule(share=parse_share(share)))
    assert [f"c{i}" for i in range(count)] == list(flagged)


def test_a_community_that_has_lost_no_base_point_is_never_behind() -> None:
    """The lowest total is not flagged when its base is whole; the count is not refilled (R23)."""
    assert () == _ids([100, 110, 120, 130], kept=frozenset({0}))
    assert ("c1",) == _ids([100, 100, 120, 130], kept=frozenset({0}))
    assert ("c0",) == _ids([100, 110, 120, 130])
    assert () == _ids([59, 60], BehindRule(below=60), kept=frozenset({0}))


def test_all_equal_totals_flag_nobody_but_an_absolute_total_still_does() -> None:
    """Equal totals: no share flags anyone, not even share 1; a total below the bar is below it."""
    assert () == _ids([80, 80, 80], BehindRule(share=Fraction(1)))
    assert ("c0", "c1") == _ids([80, 80], BehindRule(below=81))


def test_lost_flags_must_match_the_totals() -> None:
    """flag() with fewer lost flags than totals is refused, not silently cut."""
    with pytest.raises(ValueError, match="lost"):
        BehindRule().flag([1, 2], [True])


def test_an_absolute_total_flags_below_it_not_at_it() -> None:
    """--behind-below 60: 59 is flagged, 60 and 61 are not."""
    assert ("c0",) == _ids([59, 60, 61], BehindRule(below=60))
    assert () == _ids([60, 61], BehindRule(below=60))


@pytest.mark.parametrize("share", [Fraction(0), Fraction(-1, 4), Fraction(101, 100)])
def test_a_share_outside_0_to_1_is_refused(share: Fraction) -> None:
    """A share of 0 or less, or above 1, is refused."""
    with pytest.raises(ValueError, match="share"):
        BehindRule(share=share)


def test_a_share_of_one_flags_everyone_and_a_negative_total_is_refused() -> None:
    """Share 1 flags all (unless all are equal); below -1 is refused."""
    assert ("c0", "c1") == _ids([1, 2], BehindRule(share=Fraction(1)))
    with pytest.raises(ValueError, match="total"):
        BehindRule(below=-1)


@given(
    st.lists(st.integers(0, 200), max_size=40),
    st.fractions(min_value=Fraction(1, 100), max_value=1),
)
def test_flags_are_a_bottom_share_closed_under_ties(totals: list[int], share: Fraction) -> None:
    """ceil(share·n) lowest and their ties flagged, nobody when all equal (R23)."""
    rule = BehindRule(share=share)
    flags = rule.flag(totals, [True] * len(totals))
    flagged = [t for t, f in zip(totals, flags, strict=True) if f]
    others = [t for t, f in zip(totals, flags, strict=True) if not f]
    if len(set(totals)) <= 1:
        assert not flagged
        return
    count = math.ceil(share * len(totals))
    assert len(flagged) >= count
    assert not others or max(flagged) < min(others)
    assert sum(t < max(flagged) for t in totals) < count  # minimal: the last of them, with ties


def test_every_list_states_its_rule() -> None:
    """Chinese and English captions name the share or the total and R19."""
    assert "后25%" in BehindRule().describe("zh", "2022-04")
    assert "bottom 20%" in BehindRule(share=Fraction(1, 5)).describe("en", "2022-04")
    assert "below 120" in BehindRule(below=120).describe("en", "2022-04")
    assert "R19" in BehindRule(below=120).describe("zh", "2022-04")


def test_the_example_flags_a_quarter_not_everyone() -> None:
    """The 30 example communities: about a quarter behind, never the top scorer."""
    cards = score_assessment(load_assessment(EXAMPLE))
    totals = [(c.community_id, c.total, has_shortfalls(c)) for c in cards]
    flagged = flag_behind(totals)
    assert 0 < len(flagged) <= len(cards) // 2
    assert len(flagged) >= math.ceil(len(cards) / 4)
    top = max(totals, key=lambda t: t[1])[0]
    assert top not in flagged
    doc = json.loads(run("districts", str(EXAMPLE), "--format", "json").stdout)
    listed = [b["community_id"] for d in doc["districts"] for b in d["behind"]]
    assert sorted(flagged) == sorted(listed)
    means = [d["mean"] for d in doc["districts"]]
    assert sorted(means, reverse=True) == means


@pytest.mark.parametrize(
    ("args", "rule"),
    [
        (["--behind-share", "20%"], {"share": 0.2}),
        (["--behind-share", "0.5"], {"share": 0.5}),
        (["--behind-below", "120"], {"below": 120}),
    ],
)
def test_the_options_choose_the_rule(args: list[str], rule: dict[str, float]) -> None:
    """--behind-share (a decimal or a percentage) and --behind-below reach the documents."""
    for command in ("districts", "progress"):
        result = run(command, str(EXAMPLE), "--format", "json", *args)
        assert 0 == result.exit_code, result.output
        assert rule == json.loads(result.stdout)["behind_rule"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--behind-share", "0.2", "--behind-below", "100"], "not both"),
        (["--behind-share", "abc"], "is not a share"),
        (["--behind-share", "0"], "above 0"),
        (["--behind-share", "150%"], "at most 1"),
        (["--behind-below", "-5"], "-5"),
        (["--behind-below", "1000000000000000"], "at most 999,999,999,999,999"),
        (["--behind-below", "99999999999999999999"], "at most 999,999,999,999,999"),
        pytest.param(["--behind-below", "9" * 5000], "at most 999", id="5000-digits"),
        (["--behind-share", "1e-99999999"], "is not a share"),
        (["--behind-share", "0." + "0" * 15 + "1"], "is not a share"),
        (["--behind-share", "1/" + "9" * 16], "is not a share"),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_rule_options_are_refused(args: list[str], message: str) -> None:
    """Both options at once, or a share or total out of range: status 2, the reason."""
    result = run("districts", str(EXAMPLE), *args)
    assert 2 == result.exit_code
    assert message in result.output


@pytest.mark.parametrize("text", ["999999999999999", "000999999999999999", " 120 "])
def test_a_total_up_to_the_count_limit_is_read(text: str) -> None:
    """A behind total is read up to 999,999,999,999,999 (leading zeros and blanks aside)."""
    assert parse_total(text) == int(text)


@pytest.mark.parametrize(
    ("text", "share"),
    [("25%", Fraction(1, 4)), ("0.25", Fraction(1, 4)), ("1/4", Fraction(1, 4)), ("100%", 1)],
)
def test_a_share_is_read_as_people_write_it(text: str, share: Fraction) -> None:
    """A share is a decimal, a percentage or a fraction (R19)."""
    assert parse_share(text) == share


@pytest.mark.parametrize("below", [-(10**30), 10**15, 10**5000], ids=["-1e30", "1e15", "1e5000"])
def test_the_library_refuses_a_total_it_could_not_write(below: int) -> None:
    """BehindRule(below=…) outside 0 … 999,999,999,999,999 is refused, its message short."""
    with pytest.raises(ValueError, match="behind total") as caught:
        BehindRule(below=below)
    assert len(str(caught.value)) < 120
    assert BehindRule(below=10**15 - 1).below == 10**15 - 1


def test_the_tables_caption_the_rule() -> None:
    """The districts and progress tables say which rule flagged the communities."""
    assert "后25%" in run("districts", str(EXAMPLE)).output
    assert (
        "below 120" in run("progress", str(EXAMPLE), "--lang", "en", "--behind-below", "120").output
    )


TIES = (
    Path(__file__).resolve().parent
    / "cases"
    / ("every-community-tied-with-the-last-of-the-bottom-quarter-is-behind.json")
)


def _ties(tmp_path: Path) -> Path:
    path = tmp_path / "ties.json"
    case = json.loads(TIES.read_text(encoding="utf-8"))
    path.write_text(json.dumps(case["assessment"], ensure_ascii=False), encoding="utf-8")
    return path


def test_every_districts_format_names_the_behind_with_their_shortfalls(tmp_path: Path) -> None:
    """Districts JSON, CSV and table name each flagged community, with its lost points (R23)."""
    path = _ties(tmp_path)
    document = json.loads(run("districts", str(path), "--format", "json").stdout)
    (row,) = document["districts"]
    assert ["c00", "c01", "c02", "c04"] == [b["community_id"] for b in row["behind"]]
    first = row["behind"][0]
    assert ("社区00", 20) == (first["community_name"], first["total"])
    assert {"item": "2.1", "points": 15, "rule": "R6"}.items() <= first["shortfalls"][5].items()
    csv_text = run("districts", str(path), "--format", "csv").stdout
    assert "社区00 (c00)：1.1 −15、1.2 −15、1.3 −15、2.1 −15、3 −40\n社区01 (c01)：" in csv_text
    english = run("districts", str(path), "--format", "csv", "--lang", "en").stdout
    assert "社区04 (c04): 1.1 −15, 1.2 −15, 1.3 −15, 2.1 −15, 3 −40" in english
    table = run("districts", str(path)).stdout
    assert "社区02 (c02)" in table
    assert "  3 −40" in table


def test_progress_names_the_behind_with_their_shortfalls(tmp_path: Path) -> None:
    """Progress JSON gives each flagged community's name; its table lists the shortfalls (R23)."""
    path = _ties(tmp_path)
    document = json.loads(run("progress", str(path), "--format", "json").stdout)
    last = document["months"][-1]
    assert ["社区00", "社区01", "社区02", "社区04"] == [b["community_name"] for b in last["behind"]]
    table = run("progress", str(path), "--lang", "en").stdout
    assert "社区01 (c01)" in table
    assert "6 months without a qualifying activity" in table
