"""Section (三) 完善社区青少年工作项目, youth work projects: clause 3 (40 base points).

The function and, below it, its record (:class:`~.clause.Clause`).
"""

from __future__ import annotations

from typing import Final

from .._domain.calendar import Month, month_index
from .._domain.codes import ItemCode, ItemKind, RecordKind
from .._domain.messages import Message, Text
from .._domain.model import Community
from .._domain.normalize import compare_key
from .._domain.scorecard import Deduction, ItemScore
from .clause import BaseRemedy, Clause, Context, RuleText, base_item


class S3Text(Text):
    """Reasons, notes and plan steps of section (三)."""

    NO_BRAND = ("未形成特色社区品牌", "no featured community brand formed")
    MONTH_MISSING = (
        "{0}未开展冠名“社区青春行动”并向团市委报送的专项活动",
        "no qualifying activity in {0}",
    )
    ACTIVITY_NOT_REPORTED = (
        "专项活动“{0}”（{1}）未向团市委报送，不计入",
        'activity "{0}" on {1} was not reported to the city league committee; not counted',
    )
    ACTIVITY_NOT_TITLED = (
        "专项活动“{0}”（{1}）未冠名“{2}”，不计入",
        'activity "{0}" on {1} is not titled with "{2}"; not counted',
    )
    MANY_BRANDS = (
        "形成{0}个特色品牌，考核办法要求1-{1}个（仍按已形成品牌计分）",
        "{0} brands formed; the rulebook asks for one to {1} (scored as having a brand)",
    )
    PLAN_BRAND = (
        "形成特色社区品牌（从规定的品牌中选定1-2个）",
        "form a featured community brand (one or two from the closed list)",
    )
    PLAN_MONTH = (
        "{0}开展冠名“社区青春行动”的专项活动并向团市委报送",
        'hold a special activity titled "社区青春行动" in {0} and report it to the city league',
    )
    PLAN_LOST_MONTH = (
        "{0}未开展冠名“社区青春行动”并报送的专项活动，该月已过，无法补回",
        "no qualifying activity in {0}; the month has passed and cannot be made up",
    )


def clause_3_brands_and_monthly_activities(community: Community, ctx: Context) -> ItemScore:
    """Clause (三), featured brands and monthly special activities (base).

    An activity qualifies when it is dated in the period, was reported to the
    city league committee, and its title contains the action's name (R9).
    Every month of the scored window without one deducts (R10). Without any
    featured brand the item scores 0; more than two brands are noted (R11).
    The item's ``counted`` is the number of months covered.
    """
    amounts = ctx.rulebook.projects
    projects = community.projects
    notes: list[Message] = []
    covered: set[int] = set()
    for activity in projects.activities:
        excluded = ctx.exclusion(RecordKind.ACTIVITY, activity.title, activity.date)
        if excluded is not None:
            notes.append(excluded)
        elif not activity.reported:
            notes.append(
                Message(S3Text.ACTIVITY_NOT_REPORTED, (activity.title, activity.date), "R9")
            )
        elif ctx.marker_key not in compare_key(activity.title):
            notes.append(
                Message(
                    S3Text.ACTIVITY_NOT_TITLED,
                    (activity.title, activity.date, amounts.marker),
                    "R9",
                )
            )
        else:
            covered.add(month_index(activity.date))
    deductions: list[Deduction] = []
    if not projects.brands:
        deductions.append(ctx.deduct(amounts.points, "R11", S3Text.NO_BRAND))
    elif len(projects.brands) > amounts.recommended_max_brands:
        brands = (len(projects.brands), amounts.recommended_max_brands)
        notes.append(Message(S3Text.MANY_BRANDS, brands, "R11"))
    deductions.extend(
        ctx.deduct(amounts.per_missing_month, "R10", S3Text.MONTH_MISSING, month)
        for index, month in enumerate(ctx.months, start=ctx.first)
        if index not in covered
    )
    return base_item(ItemCode.C3, amounts.points, deductions, notes, counted=len(covered))


def missed_month(ded: Deduction) -> Month | None:
    """The month with no qualifying activity a deduction of item 3 is for (R10).

    ``None`` for the missing brand (R11), which is not tied to a month.
    """
    if ded.reason.key is not S3Text.MONTH_MISSING:
        return None
    month = ded.reason.args[0]
    return month if isinstance(month, Month) else None


def _fix(ded: Deduction) -> Message:
    if ded.reason.key is S3Text.MONTH_MISSING:
        return Message(S3Text.PLAN_MONTH, ded.reason.args, "R10")
    return Message(S3Text.PLAN_BRAND, (), ded.rule)


PROJECTS: Final = Clause(
    code=ItemCode.C3,
    kind=ItemKind.BASE,
    decisions=("R9", "R10", "R11", "R15", "R1", "R2"),
    score=clause_3_brands_and_monthly_activities,
    remedy=BaseRemedy(
        fix=_fix,
        due=missed_month,
        lost=lambda d: Message(S3Text.PLAN_LOST_MONTH, d.reason.args, "R10"),
    ),
    monthly=True,
    reasons=(
        S3Text.NO_BRAND,
        S3Text.MONTH_MISSING,
        RuleText.FLOORED,
        S3Text.ACTIVITY_NOT_REPORTED,
        S3Text.ACTIVITY_NOT_TITLED,
        S3Text.MANY_BRANDS,
    ),
)

CLAUSES: Final = (PROJECTS,)
"""Section (三)'s clause."""
