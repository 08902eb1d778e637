"""Section (一) 健全社区团的组织体系, the organisation system: clauses 1.1-1.3 (45 base points).

Each clause is a function and, below it, its record (:class:`~.clause.Clause`).
"""

from __future__ import annotations

from typing import Final

from .._domain.codes import CountyOrgCategory, ItemCode, ItemKind
from .._domain.messages import Message, Text
from .._domain.model import Community, LeagueOrg, YouthHome
from .._domain.scorecard import Deduction, ItemScore
from .clause import BaseRemedy, Clause, Context, base_item


class S1Text(Text):
    """Reasons and plan steps of section (一)."""

    COUNTY_ORG_MISSING = (
        "所在区县团委未录入{0}类县级团属青年社会组织",
        "the district league committee has not recorded an organisation for {0}",
    )
    YOUTH_HOME_NOT_BUILT = ("未建成社区“Y+青年之家”", "no Y+ Youth Home built")
    YOUTH_HOME_NOT_ON_CLOUD = (
        "“Y+青年之家”未入驻青年之家云平台",
        "the Youth Home has not joined the Youth Home cloud platform",
    )
    YOUTH_HOME_NOT_STANDARDIZED = (
        "“Y+青年之家”未规范开展活动",
        "the Youth Home's activities are not run to standard",
    )
    LEAGUE_ORG_NOT_ESTABLISHED = ("未建立社区团组织", "no community league organisation")
    LEAGUE_ORG_NOT_STANDARDIZED = (
        "社区团组织未规范开展活动",
        "the league organisation's activities are not run to standard",
    )
    PLAN_COUNTY_ORG = (
        "推动所在区县团委录入{0}类县级团属青年社会组织",
        "have the district league committee record an organisation for {0}",
    )
    PLAN_BUILD_YOUTH_HOME = (
        "建成社区“Y+青年之家”，入驻青年之家云平台并规范开展活动",
        "build a Y+ Youth Home that joins the cloud platform and runs activities to standard",
    )
    PLAN_YOUTH_HOME_CLOUD = ("“Y+青年之家”入驻青年之家云平台", "join the Youth Home cloud platform")
    PLAN_YOUTH_HOME_STANDARD = (
        "“Y+青年之家”规范开展活动",
        "run the Youth Home's activities to standard",
    )
    PLAN_ESTABLISH_LEAGUE_ORG = (
        "建立社区团组织并规范开展活动",
        "establish the community league organisation and run its activities to standard",
    )
    PLAN_LEAGUE_ORG_STANDARD = (
        "社区团组织规范开展活动",
        "run the league organisation's activities to standard",
    )


_FIXES: Final[dict[Text, S1Text]] = {
    S1Text.YOUTH_HOME_NOT_BUILT: S1Text.PLAN_BUILD_YOUTH_HOME,
    S1Text.YOUTH_HOME_NOT_ON_CLOUD: S1Text.PLAN_YOUTH_HOME_CLOUD,
    S1Text.YOUTH_HOME_NOT_STANDARDIZED: S1Text.PLAN_YOUTH_HOME_STANDARD,
    S1Text.LEAGUE_ORG_NOT_ESTABLISHED: S1Text.PLAN_ESTABLISH_LEAGUE_ORG,
    S1Text.LEAGUE_ORG_NOT_STANDARDIZED: S1Text.PLAN_LEAGUE_ORG_STANDARD,
}
"""What undoes each deduction of 1.2 and 1.3."""


def _fix(ded: Deduction) -> Message:
    return Message(_FIXES[ded.reason.key], (), ded.rule)


# --------------------------------------------------------------------------
# 1.1 County-level league youth social organisations.
# --------------------------------------------------------------------------


def clause_1_1_county_youth_orgs(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)1, county-level league youth social organisations (base).

    The district league committee must have recorded all three categories;
    each category not recorded deducts, and the item stops at 0 (R3). The
    organisations belong to the district: every community of the district is
    credited alike.
    """
    amounts = ctx.rulebook.county_orgs
    recorded = community.org_system.county_youth_orgs
    missing = (category for category in CountyOrgCategory if category not in recorded)
    return base_item(
        ItemCode.C1_1,
        amounts.points,
        [
            ctx.deduct(amounts.per_missing_category, "R3", S1Text.COUNTY_ORG_MISSING, category)
            for category in missing
        ],
    )


COUNTY_YOUTH_ORGS: Final = Clause(
    code=ItemCode.C1_1,
    kind=ItemKind.BASE,
    decisions=("R3",),
    score=clause_1_1_county_youth_orgs,
    remedy=BaseRemedy(fix=lambda d: Message(S1Text.PLAN_COUNTY_ORG, d.reason.args, d.rule)),
    facts=lambda c: c.org_system.county_youth_orgs,
    reasons=(S1Text.COUNTY_ORG_MISSING,),
)


# --------------------------------------------------------------------------
# 1.2 Y+ Youth Home.
# --------------------------------------------------------------------------


def clause_1_2_youth_home(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)2, community "Y+ Youth Home" (base).

    Not built: 0, whatever else is true. Built: full points, minus one
    deduction for not joining the cloud platform and one for activities not
    run to standard (R4).
    """
    amounts = ctx.rulebook.youth_home
    home: YouthHome | None = community.org_system.youth_home
    if home is None:
        deductions = [ctx.deduct(amounts.points, "R4", S1Text.YOUTH_HOME_NOT_BUILT)]
    else:
        deductions = []
        if not home.on_cloud_platform:
            deductions.append(
                ctx.deduct(amounts.not_on_cloud_platform, "R4", S1Text.YOUTH_HOME_NOT_ON_CLOUD)
            )
        if not home.activities_standardized:
            deductions.append(
                ctx.deduct(amounts.not_standardized, "R4", S1Text.YOUTH_HOME_NOT_STANDARDIZED)
            )
    return base_item(ItemCode.C1_2, amounts.points, deductions)


YOUTH_HOME: Final = Clause(
    code=ItemCode.C1_2,
    kind=ItemKind.BASE,
    decisions=("R4",),
    score=clause_1_2_youth_home,
    remedy=BaseRemedy(fix=_fix),
    facts=lambda c: c.org_system.youth_home,
    reasons=(
        S1Text.YOUTH_HOME_NOT_BUILT,
        S1Text.YOUTH_HOME_NOT_ON_CLOUD,
        S1Text.YOUTH_HOME_NOT_STANDARDIZED,
    ),
)


# --------------------------------------------------------------------------
# 1.3 Community league organisation.
# --------------------------------------------------------------------------


def clause_1_3_league_org(community: Community, ctx: Context) -> ItemScore:
    """Clause (一)3, community league organisation (base).

    Not established: 0. Established: full points, minus a deduction when its
    activities are not run to standard (R5).
    """
    amounts = ctx.rulebook.league_org
    org: LeagueOrg | None = community.org_system.league_org
    if org is None:
        deductions = [ctx.deduct(amounts.points, "R5", S1Text.LEAGUE_ORG_NOT_ESTABLISHED)]
    elif not org.activities_standardized:
        deductions = [
            ctx.deduct(amounts.not_standardized, "R5", S1Text.LEAGUE_ORG_NOT_STANDARDIZED)
        ]
    else:
        deductions = []
    return base_item(ItemCode.C1_3, amounts.points, deductions)


LEAGUE_ORG: Final = Clause(
    code=ItemCode.C1_3,
    kind=ItemKind.BASE,
    decisions=("R5",),
    score=clause_1_3_league_org,
    remedy=BaseRemedy(fix=_fix),
    facts=lambda c: c.org_system.league_org,
    reasons=(S1Text.LEAGUE_ORG_NOT_ESTABLISHED, S1Text.LEAGUE_ORG_NOT_STANDARDIZED),
)

CLAUSES: Final = (COUNTY_YOUTH_ORGS, YOUTH_HOME, LEAGUE_ORG)
"""Section (一)'s clauses, in the document's order."""
