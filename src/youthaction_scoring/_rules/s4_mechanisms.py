"""Section (四) 创新社区共青团运行机制, operating mechanisms: clauses 4.1-4.3 (bonus).

The three clauses share one reckoning (R12, R13); each has its record
(:class:`~.clause.Clause`), and the mechanism each counts is declared here.
"""

from __future__ import annotations

from typing import Final

from .._domain.codes import ItemCode, ItemKind, Mechanism, RecordKind
from .._domain.messages import Message, Text
from .._domain.model import Community
from .._domain.normalize import compare_key
from .._domain.scorecard import ItemScore
from .clause import BonusRemedy, Clause, ClauseFunction, Context, RuleText, bonus_item
from .rulebook import BonusAmounts


class S4Text(Text):
    """Notes and plan steps of section (四)."""

    SUMMARY_UNRECOGNISED = (
        "信息综述“{0}”尚未获领导批示或媒体刊发，暂不计分",
        'summary "{0}" has no leader instruction or media publication yet; not counted',
    )
    PLAN_RECOGNISE_SUMMARY = (
        "为信息综述“{0}”争取领导批示或媒体刊发",
        'obtain a leader instruction or media publication for summary "{0}"',
    )
    PLAN_MORE_SUMMARIES = (
        "再撰写{0}篇{1}信息综述并争取领导批示或媒体刊发",
        "write {0} more {1} summaries in the period and obtain a leader instruction or"
        " media publication for each",
    )


MECHANISM_ITEMS: Final[dict[Mechanism, ItemCode]] = {
    Mechanism.SOCIALIZED_OPERATION: ItemCode.C4_1,
    Mechanism.PROJECT_MANAGEMENT: ItemCode.C4_2,
    Mechanism.INFORMATION_SHARING: ItemCode.C4_3,
}
"""The item each mechanism's summaries count towards (R12)."""


def summaries_item(
    community: Community, ctx: Context, mechanism: Mechanism, amounts: BonusAmounts
) -> ItemScore:
    """Score one mechanism's summaries (R12, R13, R14, R21).

    Each summary on *mechanism* dated in the scored window with at least one
    leader instruction or media publication earns points once (R12); the
    same summary recorded twice (same title, compared as in R15) counts once,
    when any of its copies in the window is recognised (R13, R21). *amounts*
    are the mechanism's own points per summary and cap.
    """
    notes: list[Message] = []
    groups: dict[str, list[tuple[str, bool]]] = {}
    for summary in community.mechanisms.summaries:
        if summary.mechanism is not mechanism:
            continue
        excluded = ctx.exclusion(RecordKind.SUMMARY, summary.title, summary.date)
        if excluded is not None:
            notes.append(excluded)
            continue
        key = compare_key(summary.title)
        groups.setdefault(key, []).append((summary.title, bool(summary.recognitions)))
    counted = 0
    for records in groups.values():
        if any(recognised for _, recognised in records):
            counted += 1
        else:
            notes.append(Message(S4Text.SUMMARY_UNRECOGNISED, (records[0][0],), "R12"))
        if len(records) > 1:
            notes.append(
                Message(
                    RuleText.DUPLICATE_MERGED,
                    (RecordKind.SUMMARY, records[0][0], len(records)),
                    "R13",
                )
            )
    return bonus_item(ctx, MECHANISM_ITEMS[mechanism], amounts.each, amounts.cap, counted, notes)


def clause_4_1_socialized_operation(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)1, socialised operation mechanism (bonus).

    Each summary on this mechanism dated in the period with at least one
    leader instruction or media publication earns points once (R12); the
    same summary recorded twice counts once (R13).
    """
    return summaries_item(
        community, ctx, Mechanism.SOCIALIZED_OPERATION, ctx.rulebook.socialized_operation
    )


def clause_4_2_project_management(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)2, project-based management mechanism (bonus).

    Same reckoning as 4.1, for summaries on this mechanism (R12, R13).
    """
    return summaries_item(
        community, ctx, Mechanism.PROJECT_MANAGEMENT, ctx.rulebook.project_management
    )


def clause_4_3_information_sharing(community: Community, ctx: Context) -> ItemScore:
    """Clause (四)3, information-sharing mechanism (bonus, R14).

    The document does not call this item a bonus item in so many words, but
    it has the bonus form of 4.1 and 4.2 and the base items already total
    100 without it (R14). Same reckoning as 4.1 (R12, R13).
    """
    return summaries_item(
        community, ctx, Mechanism.INFORMATION_SHARING, ctx.rulebook.information_sharing
    )


def _unrecognised(item: ItemScore) -> tuple[Message, ...]:
    return tuple(
        Message(S4Text.PLAN_RECOGNISE_SUMMARY, note.args, "R12")
        for note in item.notes
        if note.key is S4Text.SUMMARY_UNRECOGNISED
    )


def _mechanism_clause(
    mechanism: Mechanism, score: ClauseFunction, decisions: tuple[str, ...]
) -> Clause:
    return Clause(
        code=MECHANISM_ITEMS[mechanism],
        kind=ItemKind.BONUS,
        decisions=decisions,
        score=score,
        remedy=BonusRemedy(
            more=lambda n: Message(S4Text.PLAN_MORE_SUMMARIES, (n, mechanism), "R12"),
            pending=_unrecognised,
        ),
        reasons=(S4Text.SUMMARY_UNRECOGNISED, RuleText.DUPLICATE_MERGED),
    )


_DECISIONS: Final = ("R12", "R13", "R21", "R15", "R1", "R2")

CLAUSES: Final = (
    _mechanism_clause(Mechanism.SOCIALIZED_OPERATION, clause_4_1_socialized_operation, _DECISIONS),
    _mechanism_clause(Mechanism.PROJECT_MANAGEMENT, clause_4_2_project_management, _DECISIONS),
    _mechanism_clause(
        Mechanism.INFORMATION_SHARING, clause_4_3_information_sharing, ("R14", *_DECISIONS)
    ),
)
"""Section (四)'s clauses, in the document's order."""
