"""``check``: the tool's scores against scores a committee computed by hand, and their coverage.

Each expected row of an assessment (:class:`~.._domain.expectations.Expected`)
is compared with the scorecard of its community as of its month (R2): a
:class:`Verdict` holds every value that differs, with the scored item behind
it, so a failure can be explained by the statement's lines
(:func:`~.explain.item_lines`).

The outcomes of a clause are derived from its record
(:class:`~.._rules.clause.Clause`): the texts of the deductions and notes it
declares (``reasons``), the cap of a bonus item, and the exclusions of R1
and R2 when it applies them; the totals add R16's caps when the items'
maxima can pass them. :func:`coverage` says which outcomes the checked
communities exercised.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from .._domain.codes import ItemCode, ItemKind
from .._domain.expectations import Expected
from .._domain.messages import Text
from .._domain.model import Assessment
from .._domain.scorecard import ItemScore, Scorecard
from .._rules import editions
from .._rules.clause import RuleText
from .._rules.clauses import CLAUSES, clause_of, max_points
from .._rules.rulebook import Rulebook
from .._rules.totals import TotalText
from .score import Scorer


@attrs.frozen
class Difference:
    """One checked value that differs: an item's points, the base, the bonus or the total.

    Args:
        key: The item, or ``"base"``, ``"bonus"``, ``"total"``.
        expected: The points computed by hand.
        actual: The points the tool gives.
    """

    key: ItemCode | str
    expected: int
    actual: int


@attrs.frozen
class Verdict:
    """The verdict on one expected row.

    Args:
        index: The row's index in the assessment's ``expected``.
        expected: The row.
        card: The community's scorecard as of the row's month (R2).
        checked: How many values the row gives.
        differences: Every value that differs, items first.
    """

    index: int
    expected: Expected
    card: Scorecard
    checked: int
    differences: tuple[Difference, ...]

    @property
    def passed(self) -> bool:
        """Whether every value the row gives matches."""
        return not self.differences

    def item(self, code: ItemCode) -> ItemScore:
        """The scored item *code* of the community."""
        return self.card.item(code)


def check_assessment(
    assessment: Assessment, rulebook: Rulebook | None = None
) -> tuple[Verdict, ...]:
    """Compare every expected row of *assessment* with the tool's scores.

    Args:
        assessment: An assessment with expected rows.
        rulebook: The rules to score by; by default the edition in force
            when the period begins (EDITIONS.md).

    Returns:
        One verdict per row, in row order (none when it has no rows).
    """
    if rulebook is None:
        rulebook = editions.edition_for(assessment.period)
    scorers: dict[object, Scorer] = {}
    verdicts = []
    for index, row in enumerate(assessment.expected):
        scorer = scorers.get(row.as_of)
        if scorer is None:
            scorer = Scorer(assessment.period, row.as_of, rulebook, assessment.districts)
            scorers[row.as_of] = scorer
        card = scorer(assessment.community(row.community))
        differences = [
            Difference(code, points, card.item(code).points)
            for code, points in row.items
            if card.item(code).points != points
        ]
        differences.extend(
            Difference(key, points, getattr(card, key))
            for key, points in row.totals()
            if getattr(card, key) != points
        )
        checked = len(row.items) + len(list(row.totals()))
        verdicts.append(Verdict(index, row, card, checked, tuple(differences)))
    return tuple(verdicts)


# --------------------------------------------------------------------------
# Coverage.
# --------------------------------------------------------------------------


def outcomes_of(code: ItemCode) -> tuple[Text, ...]:
    """The outcomes of the clause scoring *code*, derived from its record (see the module)."""
    clause = clause_of(code)
    out = list(clause.reasons)
    if clause.kind is ItemKind.BONUS:
        out.append(RuleText.CAPPED)
    if "R1" in clause.decisions:
        out.append(RuleText.EXCLUDED_PERIOD)
    if "R2" in clause.decisions:
        out.append(RuleText.EXCLUDED_AS_OF)
    return tuple(out)


def total_outcomes(rulebook: Rulebook | None = None) -> tuple[Text, ...]:
    """R16's caps on the totals, when the items' maxima can pass them under *rulebook*."""
    rulebook = editions.GUIYANG_2021 if rulebook is None else rulebook
    out = []
    for kind, cap, text in (
        (ItemKind.BASE, rulebook.base_cap, TotalText.BASE_CAPPED),
        (ItemKind.BONUS, rulebook.bonus_cap, TotalText.BONUS_CAPPED),
    ):
        if sum(max_points(rulebook, c.code) for c in CLAUSES if c.kind is kind) > cap:
            out.append(text)
    return tuple(out)


def traces(item: ItemScore) -> set[Text]:
    """The texts of an item's deductions and notes: the outcomes it exercised."""
    return {d.reason.key for d in item.deductions} | {n.key for n in item.notes}


@attrs.frozen
class Covered:
    """One clause's outcomes (or the totals'), exercised or not.

    Args:
        code: The item, or ``None`` for the totals (R16).
        decisions: The R-decisions the clause applies.
        exercised: Its outcomes at least one checked community exercised.
        missing: Those none did.
    """

    code: ItemCode | None
    decisions: tuple[str, ...]
    exercised: tuple[Text, ...]
    missing: tuple[Text, ...]


def coverage(verdicts: Sequence[Verdict], rulebook: Rulebook | None = None) -> tuple[Covered, ...]:
    """Which outcomes of every clause the checked communities' scorecards exercised.

    Args:
        verdicts: The verdicts of :func:`check_assessment` (passed or not).
        rulebook: The rules they were scored by.

    Returns:
        One entry per clause in the rules' order, then the totals' when they
        have outcomes.
    """
    out = []
    for clause in CLAUSES:
        seen = _seen(v.card.item(clause.code) for v in verdicts)
        out.append(_covered(clause.code, clause.decisions, outcomes_of(clause.code), seen))
    totals = total_outcomes(rulebook)
    if totals:
        seen = {note.key for v in verdicts for note in v.card.notes}
        out.append(_covered(None, ("R16",), totals, seen))
    return tuple(out)


def _seen(items: Iterable[ItemScore]) -> set[Text]:
    seen: set[Text] = set()
    for item in items:
        seen |= traces(item)
    return seen


def _covered(
    code: ItemCode | None, decisions: tuple[str, ...], outcomes: tuple[Text, ...], seen: set[Text]
) -> Covered:
    return Covered(
        code,
        decisions,
        tuple(o for o in outcomes if o in seen),
        tuple(o for o in outcomes if o not in seen),
    )
