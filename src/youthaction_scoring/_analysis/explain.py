"""A plain-language statement of one community's score, clause by clause.

Written for league staff, not programmers: every item with its points and
maximum and its stages (full points → after deductions → after the floor;
earned → after the cap), every deduction with its reason and R-decision,
and every note on excluded or merged records. Chinese by default.
"""

from __future__ import annotations

from typing import Final

from .._domain.calendar import Month, Period
from .._domain.checks import check_lang
from .._domain.codes import SECTION_TITLES, ItemKind, Lang
from .._domain.messages import Text
from .._domain.scorecard import ItemScore, Scorecard
from .._rules.clauses import max_total
from .._rules.editions import edition_for, edition_note
from .._rules.rulebook import Rulebook
from .plan import check_arguments


class ExplainText(Text):
    """Texts of the plain-language statement."""

    TITLE = ("社区青春行动考核计分说明", "Community Youth Action score statement")
    PERIOD = ("考核期{0}", "period {0}")
    AS_OF = ("截至{0}", "as of {0}")
    RULEBOOK = ("规则版本{0}（sha256 {1}）", "rulebook {0} (sha256 {1})")
    NO_GRADE = (
        "说明：考核办法未规定等次，本说明只列计分依据，不评定等次。",
        "Note: the rulebook defines no grade bands; this statement gives the reckoning only.",
    )
    BASE_STAGES = (
        "满分{0} → 扣分后{1} → 计{2}分（最低0分）",
        "full {0} → after deductions {1} → counts {2} (floor 0)",
    )
    BONUS_STAGES = ("累计{0} → 按上限{1}计{2}分", "earned {0} → counts {2} under the cap of {1}")
    DEDUCTION = ("扣{0}分：{1}", "−{0}: {1}")
    NOTE = ("说明：{0}", "note: {0}")
    POINTS = ("{0}/{1}分", "{0} of {1}")
    BASE_TOTAL = ("基本项合计{0}分（上限{1}）", "base total {0} (cap {1})")
    BONUS_TOTAL = (
        "加分项合计{0}分 → 按上限{1}计{2}分",
        "bonus items total {0} → counts {2} under the cap of {1}",
    )
    TOTAL = ("总分{0}分（最高{1}分）", "total {0} (highest possible {1})")


_CHINESE_NUMBERS: Final[dict[str, str]] = {"1": "一", "2": "二", "3": "三", "4": "四"}


def item_lines(item: ItemScore, lang: Lang) -> list[str]:
    """The lines of the statement on one item: its points, its stages, deductions and notes."""
    code = item.code
    head = (
        f"  {code.code} {code.label_in(lang)} [{item.kind.label_in(lang)}]"
        f"{'：' if lang == 'zh' else ': '}{ExplainText.POINTS.format(lang, item.points, item.max)}"
    )
    lines = [head]
    if item.kind is ItemKind.BASE:
        lines.append(
            "      "
            + ExplainText.BASE_STAGES.format(lang, item.raw, item.after_deductions, item.points)
        )
    else:
        lines.append(
            "      " + ExplainText.BONUS_STAGES.format(lang, item.raw, item.max, item.points)
        )
    for deduction in item.deductions:
        reason = deduction.reason.text(lang)
        text = ExplainText.DEDUCTION.format(lang, deduction.points, reason)
        rule = f"（{deduction.rule}）" if lang == "zh" else f" ({deduction.rule})"
        lines.append(f"      - {text}{rule}")
    lines.extend(f"      · {ExplainText.NOTE.format(lang, note.text(lang))}" for note in item.notes)
    return lines


def explain_scorecard(
    card: Scorecard,
    period: Period,
    *,
    as_of: Month | None = None,
    rulebook: Rulebook | None = None,
    lang: Lang = "zh",
) -> str:
    """Write the statement of one community's score.

    Args:
        card: Its scorecard.
        period: The assessment period.
        as_of: The as-of month the card was scored at, if any (R2).
        rulebook: The edition that produced *card* (name, hash and caps); by
            default the one in force on the period's first day (EDITIONS.md).
        lang: ``"zh"`` (default) or ``"en"``.

    Returns:
        The statement, one line per fact, ending with a newline.

    Raises:
        TypeError: An argument is not of the type named here.
        ValueError: *lang* is neither ``"zh"`` nor ``"en"``.
    """
    check_arguments("explain_scorecard", card, period, as_of, rulebook)
    check_lang("explain_scorecard", lang)
    rulebook = edition_for(period) if rulebook is None else rulebook
    batch = card.pilot_level.label_in(lang)
    where = [ExplainText.PERIOD.format(lang, period)]
    if as_of is not None:
        where.append(ExplainText.AS_OF.format(lang, as_of))
    where.append(ExplainText.RULEBOOK.format(lang, rulebook.name, rulebook.hash))
    sep = "，" if lang == "zh" else ", "
    lines = [
        ExplainText.TITLE.format(lang),
        f"{card.community_name} ({card.community_id}){sep}{card.district}{sep}{batch}",
        sep.join(where),
    ]
    note = edition_note(rulebook, period)
    if note is not None:
        lines.append(note.text(lang))
    lines.append("")
    section = ""
    for item in card.items:
        if item.code.section != section:
            section = item.code.section
            zh, en = SECTION_TITLES[section]
            number = _CHINESE_NUMBERS[section] if lang == "zh" else section
            lines.append(f"({number}) {zh if lang == 'zh' else en}")
        lines.extend(item_lines(item, lang))
    lines.append("")
    lines.append(ExplainText.BASE_TOTAL.format(lang, card.base, rulebook.base_cap))
    lines.append(
        ExplainText.BONUS_TOTAL.format(lang, card.bonus_before_cap, rulebook.bonus_cap, card.bonus)
    )
    lines.extend(f"· {ExplainText.NOTE.format(lang, note.text(lang))}" for note in card.notes)
    lines.append(ExplainText.TOTAL.format(lang, card.total, max_total(rulebook)))
    lines.append("")
    lines.append(ExplainText.NO_GRADE.format(lang))
    return "\n".join(lines) + "\n"
