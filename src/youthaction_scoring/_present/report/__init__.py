"""The self-contained HTML report: charts as inline SVG, every text escaped.

The report is one HTML file that opens offline: no network, no external
scripts, styles or fonts. Charts are inline SVG drawn by the project's own
templates (no plotting dependency); the templates are rendered by jinja2 with
autoescape on, so community names and record titles are always text, never
markup. jinja2 is an optional dependency (the ``report`` extra), imported
only when a report is rendered.
"""

from __future__ import annotations

from typing import Any, Final

from ..._analysis.behind import BehindRule, flag_behind
from ..._analysis.districts import district_disagreements, district_rollup
from ..._analysis.plan import Plan, plan_scorecards
from ..._analysis.progress import missed_months
from ..._analysis.ranking import RankedCard, rank_scorecards
from ..._analysis.score import score_assessment
from ..._domain.calendar import Month
from ..._domain.codes import SECTION_TITLES, ItemKind, Lang
from ..._domain.messages import Text
from ..._domain.model import Assessment
from ..._domain.scorecard import Scorecard
from ..._rules.clauses import max_total
from ..._rules.rulebook import GUIYANG_2021, Rulebook


class ReportText(Text):
    """Texts of the HTML report."""

    TITLE = ("社区青春行动考核报告", "Community Youth Action assessment report")
    PERIOD = ("考核期", "period")
    RULEBOOK = ("规则版本", "rulebook")
    NO_GRADE = (
        "考核办法未规定等次；本报告只列得分、排序与欠缺，不评定等次。",
        "The rulebook defines no grade bands: this report gives scores, order and shortfalls"
        " only, never a grade.",
    )
    RANKING = ("总分排名", "Ranking by total")
    SECTIONS = ("分部分得分", "Points by section")
    MONTHS = ("月度专项活动覆盖", "Monthly special activities")
    COVERED = ("已开展", "covered")
    MISSED = ("未开展", "missed")
    DISTRICTS = ("区县汇总", "District roll-up")
    DISTRICT = ("区（市、县）", "district")
    COUNT = ("社区数", "communities")
    MEAN = ("平均分", "mean")
    MIN = ("最低分", "min")
    MAX = ("最高分", "max")
    BEHIND = ("滞后社区", "behind")
    DISAGREE = (
        "同一区县的社区所记县级组织（1.1）不一致（R18）",
        "Communities of one district disagree on 1.1 (R18)",
    )
    COMMUNITIES = ("各社区明细", "Communities")
    CONTENTS = ("目录", "Contents")
    FILTER = ("筛选社区（名称、编号或区县）", "Filter communities (name, id or district)")
    SHOWN = ("显示{0}个社区，共{1}个", "{0} of {1} communities shown")
    AS_OF = ("截至", "as of")
    PLAN_BASIS = (
        "提升计划按整个考核期计：{0}之后的月份仍可补上，之前未开展的月份已无法挽回。",
        "Plans count the whole period: months after {0} can still be covered;"
        " earlier months without an activity are lost.",
    )
    RANK = ("名次", "rank")
    COMMUNITY = ("社区", "community")
    BATCH = ("批次", "batch")
    BASE = ("基本项", "base")
    BONUS = ("加分项", "bonus")
    TOTAL = ("总分", "total")
    DEDUCTIONS = ("扣分", "Deductions")
    NOTES = ("说明", "Notes")
    NONE = ("无", "none")
    PLAN = ("提升计划", "Plan")
    ACTIONS = ("可增加的分数", "Points still to gain")
    LOST = ("已无法挽回", "Points lost")
    ITEM = ("条款", "item")
    POINTS = ("分值", "points")
    GAIN = ("可增加", "gain")
    ACTION = ("措施", "action")
    REASON = ("原因", "reason")
    RULE = ("依据", "rule")
    GAP = (
        "可挽回{0}分 + 已失去{1}分 = 与满分{2}分的差距{3}分",
        "recoverable {0} + lost {1} = gap of {3} to the highest total {2}",
    )
    EMPTY = ("没有社区。", "No communities.")


SECTION_COLOURS: Final[dict[str, str]] = {
    "1": "#3b6fb6",
    "2": "#e08a2e",
    "3": "#3a9a5b",
    "4": "#9b59b6",
}


def _texts(lang: Lang) -> dict[str, str]:
    return {text.key: text.template(lang) for text in ReportText}


def _sections(card: Scorecard, lang: Lang, scale: int) -> list[dict[str, Any]]:
    """The stacked bar of one community: points by section, as shares of the highest total."""
    sections = []
    offset = 0.0
    for section, (zh, en) in SECTION_TITLES.items():
        points = sum(i.points for i in card.items if i.code.section == section)
        width = 100.0 * points / scale
        sections.append(
            {
                "code": section,
                "title": zh if lang == "zh" else en,
                "points": points,
                "x": offset,
                "width": width,
                "colour": SECTION_COLOURS[section],
            }
        )
        offset += width
    return sections


def _community(
    entry: RankedCard,
    plan: Plan,
    months: tuple[Month, ...],
    lang: Lang,
    scale: int,
    flagged: set[str],
) -> dict[str, Any]:
    """One community's part of the report: totals, bars, months, deductions, notes, plan."""
    card = entry.card
    missed = set(missed_months(card))
    return {
        "rank": entry.rank,
        "id": card.community_id,
        "name": card.community_name,
        "district": card.district,
        "batch": card.pilot_level.label_in(lang),
        "base": card.base,
        "bonus": card.bonus,
        "total": card.total,
        "share": 100.0 * card.total / scale,
        "sections": _sections(card, lang, scale),
        "months": [{"month": str(m), "covered": m not in missed} for m in months],
        "deductions": [
            {
                "item": item.code.code,
                "points": d.points,
                "reason": d.reason.text(lang),
                "rule": d.rule,
            }
            for item in card.items
            for d in item.deductions
        ],
        "notes": [
            {"item": item.code.code, "text": note.text(lang)}
            for item in card.items
            for note in item.notes
        ]
        + [{"item": "", "text": note.text(lang)} for note in card.notes],
        "behind": card.community_id in flagged,
        "actions": [
            {"item": a.item.code, "gain": a.gain, "text": a.text(lang)} for a in plan.actions
        ],
        "lost": [
            {"item": x.item.code, "points": x.points, "text": x.text(lang)} for x in plan.lost
        ],
        "recoverable": plan.recoverable,
        "unrecoverable": plan.unrecoverable,
        "gap": plan.max_total - plan.total,
    }


def report_context(
    assessment: Assessment,
    *,
    lang: Lang = "zh",
    rulebook: Rulebook = GUIYANG_2021,
    behind: BehindRule | None = None,
    as_of: Month | None = None,
) -> dict[str, Any]:
    """Gather everything the report shows, as plain values for the template.

    Args:
        assessment: The assessment.
        lang: ``"zh"`` (default) or ``"en"``.
        rulebook: The amounts to apply.
        behind: Who is flagged behind (R19); the bottom quarter by default.
        as_of: Report as of this month (R2): scores, the month grid and who
            is behind as of it; plans count the whole period, later months
            still to be covered. ``None``: the whole period.

    Returns:
        The template context.

    Raises:
        ValueError: *as_of* is before the period's first month (R2).
    """
    rule = behind or BehindRule()
    whole = score_assessment(assessment, rulebook=rulebook)
    cards = whole if as_of is None else score_assessment(assessment, as_of=as_of, rulebook=rulebook)
    plans = {p.community_id: p for p in plan_scorecards(whole, as_of=as_of, rulebook=rulebook)}
    highest = max_total(rulebook)
    scale = highest or 1
    window = assessment.period.as_of(as_of)
    months = window.months
    flagged = set(flag_behind(((c.community_id, c.total) for c in cards), rule))
    communities = [
        _community(entry, plans[entry.card.community_id], months, lang, scale, flagged)
        for entry in rank_scorecards(cards)
    ]
    names = {c.community_id: c.community_name for c in cards}
    districts = [
        {
            "district": s.district,
            "count": s.count,
            "mean": f"{s.mean:.1f}",
            "min": s.min,
            "max": s.max,
            "behind": [f"{names[i]} ({i})" for i in s.behind],
        }
        for s in district_rollup(cards, rule)
    ]
    return {
        "lang": lang,
        "t": _texts(lang),
        "period": str(assessment.period),
        "rulebook": cards.rulebook,
        "max_total": highest,
        "months": [str(m) for m in months],
        "as_of": None if as_of is None else str(window.end),
        "ticks": [round(highest * k / 4) for k in range(5)] if highest else [0],
        "communities": communities,
        "districts": districts,
        "behind_rule": rule.describe(lang, str(window.end)),
        "disagreements": [d.text(lang) for d in district_disagreements(assessment)],
        "sections": [
            {"code": code, "title": zh if lang == "zh" else en, "colour": SECTION_COLOURS[code]}
            for code, (zh, en) in SECTION_TITLES.items()
        ],
        "base_kind": ItemKind.BASE.label_in(lang),
    }


def render_report(
    assessment: Assessment,
    *,
    lang: Lang = "zh",
    rulebook: Rulebook = GUIYANG_2021,
    behind: BehindRule | None = None,
    as_of: Month | None = None,
) -> str:
    """Render the self-contained HTML report.

    Args:
        assessment: The assessment.
        lang: ``"zh"`` (default) or ``"en"``.
        rulebook: The amounts to apply.
        behind: Who is flagged behind (R19); the bottom quarter by default.
        as_of: As in :func:`report_context`.

    Returns:
        One HTML document with inline styles and inline SVG charts.

    Raises:
        ModuleNotFoundError: jinja2 is not installed (install the ``report``
            extra).
    """
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("youthaction_scoring", "_present/report/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template("report.html.j2")
    context = report_context(assessment, lang=lang, rulebook=rulebook, behind=behind, as_of=as_of)
    return template.render(**context)
