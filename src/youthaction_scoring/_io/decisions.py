"""The JSON documents of the decision-support commands: rank, districts, progress, plan, rectify.

Each document's rows are built here once; the CSV and terminal outputs of
:mod:`..._present` read the same rows, so the formats cannot drift apart.
A district row is the converter's hook generated from its class; the other
rows take the language of their texts, or join a rank to a scorecard, which
a hook of one class cannot, so they are written out here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any, Final

from .._analysis.behind import BehindRule
from .._analysis.plan import LostPoints, Plan, PlanAction
from .._analysis.progress import MonthProgress
from .._analysis.ranking import RankedCard
from .._analysis.rectify import Rectification
from .._analysis.rollup import DistrictSummary
from .._domain.codes import ItemCode, Lang
from .._domain.scorecard import Deduction, Scorecards
from .stamps import stamped_document

RANKING_FIELDS: Final = (
    "rank",
    "community_id",
    "community_name",
    "district",
    "pilot_level",
    "base",
    "bonus",
    "total",
)
"""The keys of a ranking row, in order (also the ranking CSV's columns)."""


def ranking_rows(ranked: Iterable[RankedCard]) -> list[dict[str, Any]]:
    """Return one row per ranked community (:data:`RANKING_FIELDS`)."""
    return [
        {
            "rank": r.rank,
            "community_id": r.card.community_id,
            "community_name": r.card.community_name,
            "district": r.card.district,
            "pilot_level": r.card.pilot_level.code,
            "base": r.card.base,
            "bonus": r.card.bonus,
            "total": r.card.total,
        }
        for r in ranked
    ]


def ranking_document(
    ranked: Iterable[RankedCard], *, edition: Scorecards | None = None
) -> dict[str, Any]:
    """Return the ``rank --format json`` document: ``{"ranking": [...]}``."""
    return stamped_document(edition, {"ranking": ranking_rows(ranked)})


DISTRICT_FIELDS: Final = ("district", "communities", "mean", "min", "max", "behind")
"""The keys of a district row, in order (also the districts CSV's columns)."""


def district_rows(summaries: Iterable[DistrictSummary], lang: Lang = "zh") -> list[dict[str, Any]]:
    """Return one row per district (:data:`DISTRICT_FIELDS`); the mean to 2 places.

    ``behind`` names each flagged community (R19, R23) as
    ``{"community_id", "community_name", "total", "shortfalls"}``, the
    shortfalls as in progress (their reasons in *lang*).
    """
    return [
        {
            "district": s.district,
            "communities": s.count,
            "mean": round(s.mean, 2),
            "min": s.min,
            "max": s.max,
            "behind": [
                {
                    "community_id": b.community_id,
                    "community_name": b.community_name,
                    "total": b.total,
                    "shortfalls": _shortfalls(b.shortfalls, lang),
                }
                for b in s.flagged
            ],
        }
        for s in summaries
    ]


def districts_document(
    summaries: Iterable[DistrictSummary],
    behind: BehindRule | None = None,
    lang: Lang = "zh",
    *,
    edition: Scorecards | None = None,
) -> dict[str, Any]:
    """Return the ``districts --format json`` document.

    Args:
        summaries: The districts.
        behind: The rule that flagged communities behind (R19, R23); the default.
        lang: Language of the shortfalls' reasons.
        edition: The stamp of the edition that scored them (``_io/stamps.py``).

    Returns:
        ``{["rulebook", "rulebook_hash",] "behind_rule": {...}, "districts": [...]}``.
    """
    document = {
        "behind_rule": (behind or BehindRule()).to_dict(),
        "districts": district_rows(summaries, lang),
    }
    return stamped_document(edition, document)


def _shortfalls(
    shortfalls: Iterable[tuple[ItemCode, Deduction]], lang: Lang
) -> list[dict[str, Any]]:
    """Deductions as the behind lists give them: ``{"item", "points", "reason", "rule"}``."""
    return [
        {"item": code.code, "points": d.points, "reason": d.reason.text(lang), "rule": d.rule}
        for code, d in shortfalls
    ]


def progress_document(
    months: Iterable[MonthProgress], lang: Lang, *, edition: Scorecards | None = None
) -> dict[str, Any]:
    """Return the ``progress --format json`` document: one entry per month.

    A month missed is listed once, in that month's ``missed``; later months
    count it in ``months_missed``, so the document grows with months, not
    months squared.

    Args:
        months: Progress for each month, in order.
        lang: Language of the shortfalls' reasons.
        edition: The stamp of the edition that scored them (``_io/stamps.py``).

    Returns:
        ``{["rulebook", "rulebook_hash",] "behind_rule": {...}, "months":
        [{"month", "totals", "missed", "behind"}, ...]}``; ``behind`` lists the
        communities flagged (R19, R23), each as ``{"community_id", "community_name", "total",
        "months_missed", "shortfalls"}``.
    """
    months = list(months)
    rule = months[0].rule if months else BehindRule()
    entries = [_month_entry(m, lang) for m in months]
    return stamped_document(edition, {"behind_rule": rule.to_dict(), "months": entries})


def progress_json_chunks(
    months: Iterable[MonthProgress], lang: Lang, *, edition: Scorecards | None = None
) -> Iterator[str]:
    """Write the ``progress --format json`` document a month at a time.

    The text is exactly ``dumps_json(progress_document(months, lang))``, but
    only one month is held at a time: at 50,000 communities and 120 months
    the whole document takes gigabytes as Python values.

    Args:
        months: Progress for each month, in order (an iterator is fine).
        lang: Language of the shortfalls' reasons.
        edition: As in :func:`progress_document`.

    Returns:
        The document's text, in pieces.
    """
    from .codec import dumps_json

    months = iter(months)
    first = next(months, None)
    rule = first.rule if first is not None else BehindRule()
    empty = dumps_json(stamped_document(edition, {"behind_rule": rule.to_dict(), "months": []}))
    tail = "[]\n}\n"
    assert empty.endswith(tail)
    if first is None:
        yield empty
        return
    yield empty[: -len(tail)] + "[\n"
    for number, month in enumerate(itertools.chain([first], months)):
        entry = dumps_json(_month_entry(month, lang)).rstrip("\n")
        yield ("    " if number == 0 else ",\n    ") + entry.replace("\n", "\n    ")
    yield "\n  ]\n}\n"


def _month_entry(month: MonthProgress, lang: Lang) -> dict[str, Any]:
    """One month of the progress document."""
    flagged = set(month.behind)
    return {
        "month": str(month.month),
        "totals": [{"community_id": r.community_id, "total": r.total} for r in month.rows],
        "missed": list(month.missed),
        "behind": [
            {
                "community_id": r.community_id,
                "community_name": r.community_name,
                "total": r.total,
                "months_missed": r.standing.months_missed,
                "shortfalls": _shortfalls(r.standing.shortfalls, lang),
            }
            for r in month.rows
            if r.community_id in flagged
        ],
    }


def plans_to_dict(
    plans: Iterable[Plan], lang: Lang = "zh", *, edition: Scorecards | None = None
) -> dict[str, Any]:
    """Return the plans as the ``plan --format json`` document.

    Args:
        plans: The plans.
        lang: Language of the action and reason texts.
        edition: The stamp of the edition that scored them (``_io/stamps.py``).

    Returns:
        ``{["rulebook", "rulebook_hash",] "plans": [{"community_id", "total", "actions",
        "lost"}, ...]}``.
    """
    document = {
        "plans": [
            {
                "community_id": plan.community_id,
                "total": plan.total,
                "actions": _actions(plan.actions, lang),
                "lost": _lost(plan.lost, lang),
            }
            for plan in plans
        ]
    }
    return stamped_document(edition, document)


def _actions(actions: Iterable[PlanAction], lang: Lang) -> list[dict[str, Any]]:
    """Steps that would still gain points, as plans and rectification lists write them."""
    return [{"item": a.item.code, "gain": a.gain, "action": a.text(lang)} for a in actions]


def _lost(lost: Iterable[LostPoints], lang: Lang) -> list[dict[str, Any]]:
    """Points that can no longer be gained, as plans and rectification lists write them."""
    return [{"item": x.item.code, "points": x.points, "reason": x.text(lang)} for x in lost]


def rectification_document(
    rectification: Rectification, lang: Lang = "zh", *, edition: Scorecards | None = None
) -> dict[str, Any]:
    """Return the ``rectify --format json`` document.

    Args:
        rectification: The list.
        lang: Language of the steps and reasons.
        edition: The stamp of the edition that scored them (``_io/stamps.py``).

    Returns:
        ``{["rulebook", "rulebook_hash",] "period", "as_of", "due",
        "behind_rule", "districts": [{"district", "communities":
        [{"community_id", "community_name", "behind", "total", "at_stake",
        "mend": [{"item", "gain", "action"}], "lost": [{"item", "points",
        "reason"}]}]}]}``, in the list's order (behind first); the steps and
        losses as in :func:`plans_to_dict`.
    """
    r = rectification
    document = {
        "period": str(r.period),
        "as_of": None if r.as_of is None else str(r.as_of),
        "due": r.due.isoformat(),
        "behind_rule": r.behind.to_dict(),
        "districts": [
            {
                "district": d.district,
                "communities": [
                    {
                        "community_id": c.community_id,
                        "community_name": c.community_name,
                        "behind": c.behind,
                        "total": c.total,
                        "at_stake": c.at_stake,
                        "mend": _actions(c.mend, lang),
                        "lost": _lost(c.lost, lang),
                    }
                    for c in d.communities
                ],
            }
            for d in r.districts
        ],
    }
    return stamped_document(edition, document)
