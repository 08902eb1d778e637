"""What ``check`` shows: verdicts on expected scores, their explanations, and coverage.

The table form (Chinese by default) has one row per expected row, then, for
each failure, the statement's lines of every differing item
(:func:`~.._analysis.explain.item_lines`) or of the totals; ``--coverage``
adds one row per clause naming its outcomes exercised and not. The JSON form
(:func:`check_document`) always holds both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._analysis.check import Covered, Difference, Verdict
from .._analysis.explain import ExplainText, item_lines
from .._domain.codes import ItemCode, Lang
from .._domain.messages import Text
from .._rules import editions
from .terminal import terminal_safe as safe

if TYPE_CHECKING:
    from rich.console import RenderableType

    from .._domain.scorecard import Scorecards


class CheckText(Text):
    """The words of ``check``'s answer."""

    TITLE = ("期望得分核对", "Expected scores checked")
    COMMUNITY = ("社区", "community")
    NAME = ("名称", "name")
    AS_OF = ("截至", "as of")
    WHOLE = ("整个考核期", "whole period")
    CHECKED = ("核对项数", "values checked")
    VERDICT = ("结果", "verdict")
    PASS = ("通过", "pass")
    FAIL = ("不符", "FAIL")
    DIFFERS = ("不符之处", "differences")
    DIFFERENCE = ("{0}：期望{1}分，实得{2}分", "{0}: expected {1}, got {2}")
    SUMMARY = (
        "共{0}行：{1}行通过，{2}行不符",
        "{0} rows: {1} passed, {2} failed",
    )
    NONE = (
        "没有期望得分可核对（在“期望得分”表或 expected 列表中填写）",
        "no expected scores to check (fill in the 期望得分 sheet or the expected list)",
    )
    WHY = ("{0}（{1}）不符的原因：", "why {0} ({1}) differs:")
    BASE = ("基本分", "base")
    BONUS = ("加分", "bonus")
    TOTAL = ("总分", "total")
    COVERAGE = ("各条款结果的覆盖情况", "Coverage of each clause's outcomes")
    CLAUSE = ("条款", "clause")
    DECISIONS = ("规则", "rules")
    EXERCISED = ("已覆盖", "exercised")
    MISSING = ("未覆盖", "not exercised")
    TOTALS = ("合计", "totals")


def _what(key: ItemCode | str, lang: Lang) -> str:
    if isinstance(key, ItemCode):
        return key.code
    return CheckText[key.upper()].format(lang)


def _month(verdict: Verdict, lang: Lang) -> str:
    as_of = verdict.expected.as_of
    return CheckText.WHOLE.format(lang) if as_of is None else str(as_of)


def difference_text(difference: Difference, lang: Lang) -> str:
    """One difference in words: ``2.3：期望10分，实得5分``."""
    what = _what(difference.key, lang)
    return CheckText.DIFFERENCE.format(lang, what, difference.expected, difference.actual)


def explanation(verdict: Verdict, difference: Difference, lang: Lang) -> list[str]:
    """The statement's lines behind the actual value of *difference*."""
    if isinstance(difference.key, ItemCode):
        return [line.strip() for line in item_lines(verdict.item(difference.key), lang)]
    card, rules = verdict.card, editions.GUIYANG_2021
    lines = [ExplainText.BASE_TOTAL.format(lang, card.base, rules.base_cap)]
    if difference.key != "base":
        bonus = (card.bonus_before_cap, rules.bonus_cap, card.bonus)
        lines.append(ExplainText.BONUS_TOTAL.format(lang, *bonus))
    lines.extend(ExplainText.NOTE.format(lang, note.text(lang)) for note in card.notes)
    return lines


def outcome_text(text: Text, lang: Lang) -> str:
    """An outcome as its text reads, its values left open (``…``)."""
    count = text.template(lang).count("{")
    return text.format(lang, *(["…"] * count))


def check_document(
    verdicts: Sequence[Verdict],
    covered: Sequence[Covered],
    lang: Lang,
    *,
    edition: Scorecards | None = None,
) -> dict[str, Any]:
    """The ``check --format json`` document: the edition's stamp, the verdicts, the coverage."""
    from .._io.stamps import stamped_document

    rows = [
        {
            "community": v.expected.community,
            "as_of": None if v.expected.as_of is None else str(v.expected.as_of),
            "passed": v.passed,
            "checked": v.checked,
            "differences": [
                {
                    "what": d.key.code if isinstance(d.key, ItemCode) else d.key,
                    "expected": d.expected,
                    "actual": d.actual,
                    "explanation": explanation(v, d, lang),
                }
                for d in v.differences
            ],
        }
        for v in verdicts
    ]
    document = {
        "passed": all(v.passed for v in verdicts),
        "rows": rows,
        "coverage": [
            {
                "clause": "totals" if c.code is None else c.code.code,
                "decisions": list(c.decisions),
                "exercised": [o.key for o in c.exercised],
                "missing": [o.key for o in c.missing],
            }
            for c in covered
        ],
    }
    return stamped_document(edition, document)


def check_tables(verdicts: Sequence[Verdict], lang: Lang) -> list[RenderableType]:
    """The verdicts' table and, for each failure, the lines that explain it."""
    from rich.table import Table

    if not verdicts:
        return [CheckText.NONE.format(lang)]
    t = CheckText
    table = Table(title=t.TITLE.format(lang))
    for key in (t.COMMUNITY, t.NAME, t.AS_OF, t.CHECKED, t.VERDICT, t.DIFFERS):
        table.add_column(key.format(lang), justify="right" if key is t.CHECKED else "left")
    out: list[RenderableType] = [table]
    for v in verdicts:
        verdict = (t.PASS if v.passed else t.FAIL).format(lang)
        differs = "\n".join(difference_text(d, lang) for d in v.differences)
        card = v.card
        table.add_row(
            safe(card.community_id),
            safe(card.community_name),
            _month(v, lang),
            str(v.checked),
            verdict,
            differs,
        )
        if not v.passed:
            lines = [t.WHY.format(lang, v.expected.community, _month(v, lang))]
            for d in v.differences:
                lines.append("  " + difference_text(d, lang))
                lines.extend("    " + line for line in explanation(v, d, lang))
            out.append(safe("\n".join(lines)))
    failed = sum(not v.passed for v in verdicts)
    table.caption = t.SUMMARY.format(lang, len(verdicts), len(verdicts) - failed, failed)
    return out


def coverage_table(covered: Sequence[Covered], lang: Lang) -> RenderableType:
    """One row per clause: its rules, the outcomes exercised and those not."""
    from rich.table import Table

    t = CheckText
    table = Table(title=t.COVERAGE.format(lang))
    for key in (t.CLAUSE, t.DECISIONS, t.EXERCISED, t.MISSING):
        table.add_column(key.format(lang))
    for c in covered:
        name = t.TOTALS.format(lang) if c.code is None else c.code.code
        table.add_row(
            name,
            ", ".join(c.decisions),
            "\n".join(outcome_text(o, lang) for o in c.exercised),
            "\n".join(outcome_text(o, lang) for o in c.missing),
        )
    return table
