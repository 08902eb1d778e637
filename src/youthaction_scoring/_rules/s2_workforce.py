"""Section (二) 充实社区团的工作力量, the workforce: clauses 2.1-2.3 (15 base, 40 bonus points).

Each clause is a function and, below it, its record (:class:`~.clause.Clause`).
"""

from __future__ import annotations

from typing import Final

from .._domain.codes import CadreKind, ItemCode, ItemKind, RecordKind
from .._domain.messages import Message, Text
from .._domain.model import Community
from .._domain.normalize import compare_key
from .._domain.scorecard import ItemScore
from .clause import BaseRemedy, BonusRemedy, Clause, Context, RuleText, base_item, bonus_item
from .clause import merged as merged_notes

_CADRE_KINDS: Final = tuple(CadreKind)


class S2Text(Text):
    """Reasons and plan steps of section (二)."""

    CADRES_INCOMPLETE = (
        "专、挂、兼团干部配备不完善，缺少{0}团干部",
        "cadre staffing incomplete, missing: {0}",
    )
    PLAN_CADRES = ("配齐{0}团干部", "appoint a {0} league cadre")
    PLAN_SERVICE_PROJECTS = (
        "再记录{0}个县级团属青年社会组织在考核期内完成的服务项目",
        "record {0} more service projects completed in the period by county-level league"
        " youth organisations",
    )
    PLAN_PAIRINGS = (
        "再与{0}家高校、企业或单位的志愿服务组织结对共建",
        "pair with {0} more volunteer organisations of universities, enterprises or institutions",
    )


# --------------------------------------------------------------------------
# 2.1 Cadre staffing.
# --------------------------------------------------------------------------


def _cadre_presence(community: Community) -> tuple[bool, bool, bool]:
    cadres = community.workforce.cadres
    return (cadres.full_time > 0, cadres.seconded > 0, cadres.part_time > 0)


def clause_2_1_cadres(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)1, full-time, seconded and part-time league cadres (base).

    Complete staffing (at least one cadre of each of the three kinds) earns
    the full points; anything less earns none (R6).
    """
    points = ctx.rulebook.cadres.points
    present = _cadre_presence(community)
    missing = tuple(kind for kind, has in zip(_CADRE_KINDS, present, strict=True) if not has)
    return base_item(
        ItemCode.C2_1,
        points,
        [ctx.deduct(points, "R6", S2Text.CADRES_INCOMPLETE, missing)] if missing else [],
    )


CADRES: Final = Clause(
    code=ItemCode.C2_1,
    kind=ItemKind.BASE,
    decisions=("R6",),
    score=clause_2_1_cadres,
    remedy=BaseRemedy(fix=lambda d: Message(S2Text.PLAN_CADRES, d.reason.args, d.rule)),
    facts=_cadre_presence,
    reasons=(S2Text.CADRES_INCOMPLETE,),
)


# --------------------------------------------------------------------------
# 2.2 Service projects.
# --------------------------------------------------------------------------


def clause_2_2_service_projects(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)2, service projects by county-level league youth organisations (bonus).

    Each project completed within the period earns points (R7); one recorded
    twice, or completed again (same title and organisation, compared as in
    R15), counts once (R20). Projects dated outside the period are excluded
    with a note (R1, R2).
    """
    amounts = ctx.rulebook.service_projects
    notes: list[Message] = []
    seen: dict[tuple[str, str], list[str]] = {}
    for project in community.workforce.service_projects:
        excluded = ctx.exclusion(RecordKind.SERVICE_PROJECT, project.title, project.completed_on)
        if excluded is not None:
            notes.append(excluded)
            continue
        key = (compare_key(project.title), compare_key(project.organisation))
        seen.setdefault(key, []).append(project.title)
    notes.extend(merged_notes(RecordKind.SERVICE_PROJECT, seen.values(), "R7"))
    return bonus_item(ctx, ItemCode.C2_2, amounts.each, amounts.cap, len(seen), notes)


SERVICE_PROJECTS: Final = Clause(
    code=ItemCode.C2_2,
    kind=ItemKind.BONUS,
    decisions=("R7", "R20", "R15", "R1", "R2"),
    score=clause_2_2_service_projects,
    remedy=BonusRemedy(
        more=lambda n: Message(S2Text.PLAN_SERVICE_PROJECTS, (n,), "R7"),
    ),
    reasons=(RuleText.DUPLICATE_MERGED,),
)


# --------------------------------------------------------------------------
# 2.3 Volunteer pairing.
# --------------------------------------------------------------------------


def clause_2_3_pairings(community: Community, ctx: Context) -> ItemScore:
    """Clause (二)3, volunteer pairing with local organisations (bonus).

    Each partner organisation paired within the period earns points once,
    however many records it has (partner names compared as in R15) (R8, R20).
    """
    amounts = ctx.rulebook.pairings
    notes: list[Message] = []
    seen: dict[str, list[str]] = {}
    for pairing in community.workforce.pairings:
        excluded = ctx.exclusion(RecordKind.PAIRING, pairing.partner, pairing.date)
        if excluded is not None:
            notes.append(excluded)
            continue
        seen.setdefault(compare_key(pairing.partner), []).append(pairing.partner)
    notes.extend(merged_notes(RecordKind.PAIRING, seen.values(), "R8"))
    return bonus_item(ctx, ItemCode.C2_3, amounts.each, amounts.cap, len(seen), notes)


PAIRINGS: Final = Clause(
    code=ItemCode.C2_3,
    kind=ItemKind.BONUS,
    decisions=("R8", "R20", "R15", "R1", "R2"),
    score=clause_2_3_pairings,
    remedy=BonusRemedy(
        more=lambda n: Message(S2Text.PLAN_PAIRINGS, (n,), "R8"),
    ),
    reasons=(RuleText.DUPLICATE_MERGED,),
)

CLAUSES: Final = (CADRES, SERVICE_PROJECTS, PAIRINGS)
"""Section (二)'s clauses, in the document's order."""
