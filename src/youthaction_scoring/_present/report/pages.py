"""The template contexts of the report's two forms, built from its :class:`~.digest.Digest`.

* The **full** form (up to the detail limit) shows every community in every
  chart and table, and each community's section with its deductions, notes
  and plan, as plain markup.
* The **compact** form sums the charts up (totals by bins, sections by
  district, months by counts) and lists every community once, in a ranking
  table; each community's details travel as compact JSON (:func:`detail_data`)
  that a small inline script renders when the community is opened.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from html import escape
from typing import Any, Final

from ..._analysis.behind import BehindRule
from ..._analysis.rollup import BehindCommunity
from ..._domain.codes import SECTION_TITLES, ItemCode, ItemKind, Lang, PilotLevel
from ..._domain.normalize import compare_key
from ..headings import behind_line
from ..rectify import RectifyHeading
from .digest import SECTIONS, Digest, Entry
from .report_words import SECTION_COLOURS, ReportText, report_texts

BINS: Final = 20
"""About this many bars in the compact form's chart of totals."""
RECORDS_PER_CHUNK: Final = 512
"""Communities per piece of the detail data (the report is written piece by piece)."""
ROWS_PER_CHUNK: Final = 250
"""Rows per table of the compact form's ranking: the browser lays out only those on screen."""


def _title(code: str, lang: Lang) -> str:
    zh, en = SECTION_TITLES[code]
    return zh if lang == "zh" else en


def common_context(
    digest: Digest, *, lang: Lang, period: str, rulebook: str, behind: BehindRule
) -> dict[str, Any]:
    """What both forms show: the heading, the texts, the sections, the R19 caption."""
    highest = digest.max_total
    end = str(digest.months[-1]) if digest.months else period.split(":")[-1]
    return {
        "lang": lang,
        "t": report_texts(lang),
        "period": period,
        "rulebook": rulebook,
        "max_total": highest,
        "months": [str(m) for m in digest.months],
        "ticks": [round(highest * k / 4) for k in range(5)] if highest else [0],
        "behind_rule": behind.describe(lang, end),
        "disagreements": digest.disagreements,
        "sections": [
            {"code": code, "title": _title(code, lang), "colour": SECTION_COLOURS[code]}
            for code in SECTIONS
        ],
        "base_kind": ItemKind.BASE.label_in(lang),
        "items": [
            {"code": code.code, "title": code.label_in(lang), "max": highest_points}
            for code, highest_points in zip(ItemCode, digest.item_max, strict=True)
        ],
        "count": len(digest.ranked),
        "rh": {h.key: h.template(lang) for h in RectifyHeading},
    }


def _bars(points: tuple[float, ...], scale: int, lang: Lang) -> list[dict[str, Any]]:
    """A stacked bar: each section's points as a share (%) of the highest total."""
    bars, offset = [], 0.0
    for code, value in zip(SECTIONS, points, strict=True):
        width = 100.0 * value / scale
        bars.append(
            {
                "code": code,
                "title": _title(code, lang),
                "points": value,
                "x": offset,
                "width": width,
                "colour": SECTION_COLOURS[code],
            }
        )
        offset += width
    return bars


def _groups(flat: tuple[int, ...], size: int) -> Iterator[tuple[int, ...]]:
    return (flat[k : k + size] for k in range(0, len(flat), size))


def _full_community(
    rank: int, entry: Entry, behind: bool, digest: Digest, lang: Lang
) -> dict[str, Any]:
    """One community's part of the full form."""
    scale, text = digest.max_total or 1, digest.texts
    return {
        "rank": rank,
        "id": entry.id,
        "name": entry.name,
        "district": entry.district,
        "batch": entry.pilot_level.label_in(lang),
        "base": entry.base,
        "bonus": entry.bonus,
        "total": entry.total,
        "share": 100.0 * entry.total / scale,
        "item_points": entry.items,
        "sections": _bars(entry.sections, scale, lang),
        "months": [
            {"month": str(m), "covered": i not in entry.missed} for i, m in enumerate(digest.months)
        ],
        "deductions": [
            {"item": text[i], "points": p, "reason": text[r], "rule": text[rule]}
            for i, p, r, rule in _groups(entry.deductions, 4)
        ],
        "notes": [{"item": text[i], "text": text[n]} for i, n in _groups(entry.notes, 2)],
        "behind": behind,
        "actions": [
            {"item": text[i], "gain": g, "text": text[n]} for i, g, n in _groups(entry.actions, 3)
        ],
        "lost": [
            {"item": text[i], "points": p, "text": text[n]} for i, p, n in _groups(entry.lost, 3)
        ],
        "recoverable": entry.recoverable,
        "unrecoverable": entry.unrecoverable,
        "gap": entry.gap,
    }


def rectify_context(digest: Digest, lang: Lang) -> list[dict[str, Any]]:
    """The rectification list's rows by district, as ``rectify`` lists them (behind first)."""
    H = RectifyHeading  # noqa: N806 - the catalogue, short as in the templates
    entry_of = {entry.id: entry for _, entry, _ in digest.ranked}
    text, yes = digest.texts, H.YES.template(lang)
    kinds = ((H.MEND.template(lang), "actions"), (H.LOST.template(lang), "lost"))
    out = []
    for district, members in digest.rectify:
        rows = []
        for community, behind in members:
            e = entry_of[community]
            head = {"id": e.id, "name": e.name, "behind": yes if behind else "", "total": e.total}
            found = [
                {**head, "item": text[i], "kind": kind, "text": text[n], "points": p}
                for kind, field in kinds
                for i, p, n in _groups(getattr(e, field), 3)
            ]
            nothing = {"item": "", "kind": "", "text": H.NOTHING.template(lang), "points": ""}
            rows += found or [{**head, **nothing}]
        out.append({"district": district, "rows": rows})
    return out


def full_context(digest: Digest, lang: Lang) -> dict[str, Any]:
    """The full form: every community in every chart, table and section."""
    return {
        "rectify": rectify_context(digest, lang),
        "communities": [
            _full_community(rank, entry, behind, digest, lang)
            for rank, entry, behind in digest.ranked
        ],
        "districts": _districts(digest, lambda b: _behind(b, lang)),
    }


def _behind(flagged: BehindCommunity, lang: Lang) -> str:
    """A flagged community as every behind list names it: with its shortfalls (R23)."""
    return behind_line(flagged.community_name, flagged.community_id, flagged.lost, lang)


def _districts(digest: Digest, behind: Callable[[BehindCommunity], object]) -> list[dict[str, Any]]:
    """The district roll-up's rows; *behind* shows each flagged community."""
    return [
        {
            "district": s.district,
            "count": s.count,
            "mean": f"{s.mean:.1f}",
            "min": s.min,
            "max": s.max,
            "behind": [behind(b) for b in s.flagged],
        }
        for s in digest.districts
    ]


def _histogram(digest: Digest, lang: Lang) -> list[dict[str, Any]]:
    """Bars of the totals in bins of equal width: ``lo``, ``hi`` (inclusive), count, title."""
    highest = digest.max_total
    scale = highest or 1
    width = max(1, -(-highest // BINS))
    bins = max(1, -(-highest // width))  # the last bin also holds the highest total
    counts = Counter(min(entry.total // width, bins - 1) for _, entry, _ in digest.ranked)
    tallest = max(counts.values(), default=0) or 1
    template = ReportText.DISTRIBUTION.template(lang)
    bars = []
    for k in range(bins):
        lo = k * width
        hi = highest if k == bins - 1 else (k + 1) * width - 1
        count = counts.get(k, 0)
        bars.append(
            {
                "lo": lo,
                "hi": hi,
                "x": 100.0 * lo / scale,
                "width": 100.0 * (min(hi + 1, highest) - lo) / scale,
                "count": count,
                "height": count / tallest,
                "title": template.format(lo, hi, count),
            }
        )
    return bars


def _district_means(digest: Digest, lang: Lang) -> list[dict[str, Any]]:
    """Stacked bars of the mean points by section: all communities, then each district."""
    scale = digest.max_total or 1
    sums: dict[str, list[int]] = {}
    for _, entry, _ in digest.ranked:
        row = sums.setdefault(compare_key(entry.district), [0] * len(SECTIONS) + [0])  # R22
        for k, points in enumerate(entry.sections):
            row[k] += points
        row[-1] += 1
    every = [sum(row[k] for row in sums.values()) for k in range(len(SECTIONS) + 1)]
    rows = [(ReportText.ALL.template(lang), every)]
    rows += [(s.district, sums[compare_key(s.district)]) for s in digest.districts]
    out = []
    for label, row in rows:
        count = row[-1] or 1
        means = tuple(points / count for points in row[:-1])
        out.append(
            {
                "label": label,
                "count": row[-1],
                "sections": _bars(means, scale, lang),
                "mean": sum(means),
                "share": 100.0 * sum(means) / scale,
            }
        )
    return out


def compact_context(digest: Digest, lang: Lang, limit: int) -> dict[str, Any]:
    """The compact form: the summaries and the ranking table (the details: :func:`detail_data`)."""
    count = len(digest.ranked)
    missed = Counter(i for _, entry, _ in digest.ranked for i in entry.missed)
    position = {entry.id: n for n, (_, entry, _) in enumerate(digest.ranked, start=1)}
    return {
        "compact_note": ReportText.COMPACT.template(lang).format(count, limit),
        "histogram": _histogram(digest, lang),
        "means": _district_means(digest, lang),
        "month_counts": [
            {
                "month": str(m),
                "covered": count - missed.get(i, 0),
                "missed": missed.get(i, 0),
                "share": 100.0 * (count - missed.get(i, 0)) / (count or 1),
            }
            for i, m in enumerate(digest.months)
        ],
        "ranking": ranking_chunks(digest, lang),
        "rows_per_chunk": ROWS_PER_CHUNK,
        "districts": _districts(digest, lambda b: (position[b.community_id], _behind(b, lang))),
    }


def ranking_chunks(digest: Digest, lang: Lang) -> Iterator[str]:
    """The compact form's ranking table as chunks of rows, every text escaped.

    The one piece of markup made here rather than in a template: there is a
    row per community (50,000 at the largest), and through the template
    engine they cost several times as much (each value escaped by a call of
    its own, each fragment yielded by itself). Each chunk is a table of its
    own of :data:`ROWS_PER_CHUNK` rows (the template's ``.chunk``), each row
    ``community-N`` by its position in the ranking.

    Args:
        digest: The report's facts.
        lang: The language.

    Returns:
        The chunks, in ranking order.
    """
    batches = {level: escape(level.label_in(lang)) for level in PilotLevel}
    flagged = escape(ReportText.FLAGGED.template(lang))
    ranked = digest.ranked
    for start in range(0, len(ranked), ROWS_PER_CHUNK):
        rows = "".join(
            f'<tr id="community-{n}"><td>{rank}</td>'
            f'<td><a href="#community-{n}">{escape(e.name)}</a></td>'
            f"<td>{escape(e.id)}</td><td>{escape(e.district)}</td>"
            f"<td>{batches[e.pilot_level]}</td><td>{e.total}</td><td>{len(e.missed)}</td>"
            f"<td>{flagged if behind else ''}</td></tr>\n"
            for n, (rank, e, behind) in enumerate(
                ranked[start : start + ROWS_PER_CHUNK], start=start + 1
            )
        )
        yield f'<div class="chunk"><table class="rows"><tbody>\n{rows}</tbody></table></div>\n'


def script_json(value: object) -> str:
    r"""JSON that may stand inside ``<script>``: ``<``, ``>`` and ``&`` as ``\u`` escapes.

    No ``</script>`` or ``<!--`` can then end or change the element, whatever
    text the data holds; ``JSON.parse`` reads the escapes back as the characters.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def detail_data(digest: Digest, context: dict[str, Any], as_of: str | None) -> Iterator[str]:
    """The compact form's detail data, as pieces of one JSON document.

    The document is ``{"t": texts of the page, "months": [...], "sections":
    [[code, title, colour], ...], "max": highest total, "as_of": month or
    null, "s": [text, ...], "c": [record, ...]}``. ``s`` holds each distinct
    text of the details once; ``c`` one record per community, in ranking
    order: ``[base, bonus, [points by section], [missed month positions],
    [item, points, reason, rule, ...], [item, text, ...], [item, gain, text,
    ...], [item, points, text, ...], gap]``, each item, reason, rule and
    text given by its position in ``s`` (:class:`~.digest.Entry`).

    Args:
        digest: The report's facts.
        context: The common context (texts, months, sections, highest total).
        as_of: The as-of month, or ``None``.

    Returns:
        The pieces, in order; joined, one JSON document safe inside ``<script>``.
    """
    head = {
        "t": context["t"],
        "months": context["months"],
        "sections": [[s["code"], s["title"], s["colour"]] for s in context["sections"]],
        "max": digest.max_total,
        "as_of": as_of,
        "s": digest.texts,
    }
    yield script_json(head)[:-1] + ',"c":['
    ranked = digest.ranked
    for start in range(0, len(ranked), RECORDS_PER_CHUNK):
        records = [
            (e.base, e.bonus, e.sections, e.missed, e.deductions, e.notes, e.actions, e.lost, e.gap)
            for _, e, _ in ranked[start : start + RECORDS_PER_CHUNK]
        ]
        piece = json.dumps(records, separators=(",", ":"))[1:-1]  # numbers only
        yield piece if start == 0 else "," + piece
    yield "]}"
