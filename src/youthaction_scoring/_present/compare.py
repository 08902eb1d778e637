"""What ``compare`` shows: two sides per community and district, the summary, the records behind.

The JSON form (:func:`compare_document`) has every community and district of
either side; the CSV form (:func:`compare_csv`) one row per community; the
table form (:func:`compare_tables`, Chinese by default, fitting 80 columns)
the communities in which anything differs, the districts, the summary (who
moved most, who enters or leaves the behind list, who is on one side only)
and, comparing two inputs, the records and facts behind each difference.
Side *a* is the first edition, or the self-check; side *b* the other
edition, or the verified data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Final

from .._analysis.compare import CommunityComparison, ComparedSide, Comparison
from .._analysis.differences import RecordDifference
from .._analysis.rollup import DistrictSummary
from .._domain.codes import ItemCode, Lang
from .._domain.messages import Text
from .terminal import terminal_safe as safe

if TYPE_CHECKING:
    from rich.console import RenderableType


class CompareText(Text):
    """The words of ``compare``'s answer."""

    TITLE = ("对比：有变化的社区", "Comparison: communities that differ")
    DISTRICTS = ("对比：各区（市、县）", "Comparison: districts")
    SIDES = ("A：{0}　B：{1}", "A: {0}   B: {1}")
    SIDE_EDITION = ("{0}（{1}）", "{0} ({1})")
    SIDE_SELF = ("自查，{0}（{1}）", "self-check, {0} ({1})")
    SIDE_VERIFIED = ("核验，{0}（{1}）", "verified, {0} ({1})")
    NO_DIFFERENCE = ("两边没有任何差别。", "The two sides do not differ.")
    UNCHANGED = ("另有{0}个社区没有变化", "{0} more communities unchanged")
    COMMUNITY = ("社区", "community")
    DISTRICT = ("区县", "district")
    TOTAL = ("总分A→B", "total A→B")
    DELTA = ("差", "change")
    RANK = ("名次A→B", "rank A→B")
    BEHIND = ("滞后", "behind")
    ITEMS = ("变化项目", "items changed")
    COUNT = ("社区数", "communities")
    MEAN = ("平均分A→B", "mean A→B")
    BEHIND_COUNT = ("滞后数", "behind")
    YES = ("是", "yes")
    NO = ("否", "no")
    ABSENT = ("—", "-")
    MOVED = ("变动最大：{0}", "moved most: {0}")
    ENTERING = ("新列入滞后：{0}", "enter the behind list: {0}")
    LEAVING = ("移出滞后：{0}", "leave the behind list: {0}")
    ONLY_A = ("只在A中：{0}", "only in A: {0}")
    ONLY_B = ("只在B中：{0}", "only in B: {0}")
    NOBODY = ("无", "none")
    LINE = ("{0} {1} {2}：{3}", "{0} {1} {2}: {3}")
    SIDE_LINE = ("{0}：{1}", "{0}: {1}")
    MOVED_ONE = ("{0}（{1}）名次{2}，{3}分", "{0} ({1}) rank {2}, {3} points")
    RANK_ONLY = ("另有{0}个社区仅名次随他人变化", "{0} more communities moved in rank only")
    F_COUNTY_YOUTH_ORGS = ("县级团属青年社会组织", "county-level organisations")
    F_YOUTH_HOME = ("Y+青年之家", "Youth Home")
    F_LEAGUE_ORG = ("社区团组织", "league organisation")
    F_CADRES = ("团干部", "cadres")
    F_BRANDS = ("特色品牌", "brands")
    F_ON_CLOUD_PLATFORM = ("入驻云平台", "on the cloud platform")
    F_ACTIVITIES_STANDARDIZED = ("规范开展活动", "activities to standard")
    F_FULL_TIME = ("专职", "full-time")
    F_SECONDED = ("挂职", "seconded")
    F_PART_TIME = ("兼职", "part-time")
    RECORDS = ("{0}（{1}）的记录差别：", "records behind the differences of {0} ({1}):")
    ONLY_A_RECORD = ("自查有、核验没有", "claimed, not held by the verification")
    ONLY_B_RECORD = ("核验有、自查没有", "held by the verification, not claimed")
    CHANGED_RECORD = ("两边不同", "differs")
    FACT = ("事实", "fact")
    A_SIDE = ("自查", "self-check")
    B_SIDE = ("核验", "verified")


def _side(side: ComparedSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    items = {code.code: points for code, points in side.items}
    return {"total": side.total, "rank": side.rank, "behind": side.behind, "items": items}


def _delta(c: CommunityComparison) -> dict[str, Any] | None:
    if c.delta is None:
        return None
    items = {code.code: change for code, change in c.changed_items}
    return {"total": c.delta, "rank": c.rank_change, "items": items}


def _difference(d: RecordDifference) -> dict[str, Any]:
    return {
        "item": d.item.code,
        "record": None if d.kind is None else d.kind.code,
        "name": d.name,
        "change": d.change,
        "a": list(d.a),
        "b": list(d.b),
    }


def _district(s: DistrictSummary | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "count": s.count,
        "mean": round(s.mean, 2),
        "min": s.min,
        "max": s.max,
        "behind": list(s.behind),
    }


def _ids(found: Iterable[CommunityComparison]) -> list[str]:
    return [c.community_id for c in found]


def compare_document(comparison: Comparison) -> dict[str, Any]:
    """The ``compare --format json`` document (``a``: first edition or self-check; ``b``: other).

    Every community of either side (side *a*'s order, then side *b*'s only),
    every district, the behind rule, and a summary of ids; comparing two
    inputs, each community also lists its ``differences``.
    """
    c = comparison

    def community(x: CommunityComparison) -> dict[str, Any]:
        row: dict[str, Any] = {
            "id": x.community_id,
            "name": x.community_name,
            "district": x.district,
            "a": _side(x.a),
            "b": _side(x.b),
            "delta": _delta(x),
        }
        if c.records:
            row["differences"] = [_difference(d) for d in x.differences]
        return row

    return {
        "a": {"rulebook": c.a.rulebook, "hash": c.a.hash},
        "b": {"rulebook": c.b.rulebook, "hash": c.b.hash},
        "behind_rule": c.behind.to_dict(),
        "communities": [community(x) for x in c.communities],
        "districts": [
            {
                "district": d.district,
                "a": _district(d.a),
                "b": _district(d.b),
                "delta": None if d.delta is None else round(d.delta, 2),
            }
            for d in c.districts
        ],
        "summary": {
            "changed": _ids(c.changed),
            "moved_most": _ids(c.moved_most()),
            "entering": _ids(c.entering),
            "leaving": _ids(c.leaving),
            "only_a": _ids(c.only_a),
            "only_b": _ids(c.only_b),
        },
    }


def _signed(value: float | None, lang: Lang, places: int = 0) -> str:
    if value is None:
        return CompareText.ABSENT.format(lang)
    return f"{value:+.{places}f}" if value else "0"


def _pair(a: object, b: object, lang: Lang) -> str:
    absent = CompareText.ABSENT.format(lang)
    left, right = (absent if v is None else str(v) for v in (a, b))
    return left if left == right else f"{left}→{right}"


def _flag(side: ComparedSide | None, lang: Lang) -> str | None:
    if side is None:
        return None
    return (CompareText.YES if side.behind else CompareText.NO).format(lang)


def _named(found: Sequence[CommunityComparison], lang: Lang) -> str:
    if not found:
        return CompareText.NOBODY.format(lang)
    return "、".join(safe(f"{c.community_name}（{c.community_id}）") for c in found)


def sides_line(comparison: Comparison, lang: Lang) -> str:
    """Which edition (and, for two inputs, which data) each side is: ``A：… B：…``."""
    c = comparison
    if c.records:
        a, b = CompareText.SIDE_SELF, CompareText.SIDE_VERIFIED
    else:
        a = b = CompareText.SIDE_EDITION
    left = a.format(lang, c.a.rulebook, c.a.hash)
    right = b.format(lang, c.b.rulebook, c.b.hash)
    return CompareText.SIDES.format(lang, left, right)


def summary_lines(comparison: Comparison, lang: Lang) -> list[str]:
    """Who moved most, who enters and leaves the behind list, who is on one side only."""
    c, t = comparison, CompareText
    moved = [
        safe(
            t.MOVED_ONE.format(
                lang,
                x.community_name,
                x.community_id,
                _pair(x.a and x.a.rank, x.b and x.b.rank, lang),
                _signed(x.delta, lang),
            )
        )
        for x in c.moved_most()
    ]
    lines = [
        t.MOVED.format(lang, "、".join(moved) or t.NOBODY.format(lang)),
        t.ENTERING.format(lang, _named(c.entering, lang)),
        t.LEAVING.format(lang, _named(c.leaving, lang)),
    ]
    if c.only_a or c.only_b:
        lines.append(t.ONLY_A.format(lang, _named(c.only_a, lang)))
        lines.append(t.ONLY_B.format(lang, _named(c.only_b, lang)))
    return lines


def shown_value(value: Any, lang: Lang) -> str:
    """A record's or fact's fields as one line: values joined, yes/no for flags, ``—`` for none."""
    if value is None:
        return CompareText.ABSENT.format(lang)
    if isinstance(value, bool):
        return (CompareText.YES if value else CompareText.NO).format(lang)
    if isinstance(value, dict):
        return " · ".join(shown_value(v, lang) for v in value.values())
    if isinstance(value, list):
        return "、".join(shown_value(v, lang) for v in value) or CompareText.ABSENT.format(lang)
    return str(value)


def _fact(value: Any, lang: Lang) -> str:
    """A fact's value: its fields named (``入驻云平台 是 · 规范开展活动 否``)."""
    if isinstance(value, dict):
        t = CompareText
        return " · ".join(
            f"{t[f'F_{k.upper()}'].format(lang)} {shown_value(v, lang)}" for k, v in value.items()
        )
    return shown_value(value, lang)


def difference_lines(d: RecordDifference, lang: Lang) -> list[str]:
    """One record or fact that differs: what it is, how it differs, each side's version."""
    t = CompareText
    if d.kind is None:
        what, name, show = t.FACT.format(lang), t[f"F_{d.name.upper()}"].format(lang), _fact
    else:
        what, name, show = d.kind.label_in(lang), d.name, shown_value
    change = {"only_a": t.ONLY_A_RECORD, "only_b": t.ONLY_B_RECORD}.get(d.change, t.CHANGED_RECORD)
    lines = [t.LINE.format(lang, d.item.code, what, name, change.format(lang))]
    for side, records in ((t.A_SIDE, d.a), (t.B_SIDE, d.b)):
        for record in records:
            lines.append("  " + t.SIDE_LINE.format(lang, side.format(lang), show(record, lang)))
    return [safe(line) for line in lines]


def compare_tables(comparison: Comparison, lang: Lang) -> list[RenderableType]:
    """The table form: the sides, the communities that differ, the districts, the summary."""
    from rich.table import Table

    c, t = comparison, CompareText
    out: list[RenderableType] = [sides_line(c, lang)]
    changed = c.changed
    if not changed:
        out.append(t.NO_DIFFERENCE.format(lang))
        return out
    rank_only = sum(1 for x in c.communities if not x.changed and x.rank_change)
    caption = [t.UNCHANGED.format(lang, len(c.communities) - len(changed) - rank_only)]
    if rank_only:
        caption.append(t.RANK_ONLY.format(lang, rank_only))
    table = Table(title=t.TITLE.format(lang), caption="\n".join(caption))
    for key in (t.COMMUNITY, t.TOTAL, t.DELTA, t.RANK, t.BEHIND, t.ITEMS):
        right = key in (t.TOTAL, t.DELTA, t.RANK)
        table.add_column(key.format(lang), justify="right" if right else "left")
    for x in changed:
        items = "\n".join(f"{code.code} {change:+d}" for code, change in x.changed_items)
        table.add_row(
            safe(f"{x.community_name}\n{x.community_id}"),
            _pair(x.a and x.a.total, x.b and x.b.total, lang),
            _signed(x.delta, lang),
            _pair(x.a and x.a.rank, x.b and x.b.rank, lang),
            _pair(_flag(x.a, lang), _flag(x.b, lang), lang),
            items,
        )
    out.append(table)
    districts = Table(title=t.DISTRICTS.format(lang), caption=c.behind.describe(lang, str(c.as_of)))
    for key in (t.DISTRICT, t.COUNT, t.MEAN, t.DELTA, t.BEHIND_COUNT):
        districts.add_column(key.format(lang), justify="left" if key is t.DISTRICT else "right")
    for d in c.districts:
        districts.add_row(
            safe(d.district),
            _pair(d.a and d.a.count, d.b and d.b.count, lang),
            _pair(d.a and f"{d.a.mean:.1f}", d.b and f"{d.b.mean:.1f}", lang),
            _signed(d.delta, lang, 1),
            _pair(d.a and len(d.a.behind), d.b and len(d.b.behind), lang),
        )
    out.append(districts)
    out.append("\n".join(summary_lines(c, lang)))
    for x in changed:
        if x.differences:
            lines = [safe(t.RECORDS.format(lang, x.community_name, x.community_id))]
            lines.extend("  " + line for d in x.differences for line in difference_lines(d, lang))
            out.append("\n".join(lines))
    return out


COMPARE_HEADERS: Final = (
    ("社区编号", "id"),
    ("社区名称", "name"),
    ("所在区县", "district"),
    ("A总分", "a_total"),
    ("B总分", "b_total"),
    ("总分差", "delta"),
    ("A名次", "a_rank"),
    ("B名次", "b_rank"),
    ("A滞后", "a_behind"),
    ("B滞后", "b_behind"),
    *((f"A {code.code}", f"a_{code.code}") for code in ItemCode),
    *((f"B {code.code}", f"b_{code.code}") for code in ItemCode),
    ("变化项目", "items_changed"),
    ("记录差别", "differences"),
    ("A规则版本", "a_rulebook"),
    ("A规则版本哈希", "a_rulebook_hash"),
    ("B规则版本", "b_rulebook"),
    ("B规则版本哈希", "b_rulebook_hash"),
)
"""The columns of ``compare --format csv``: (Chinese header, English code); each side's
edition and hash last, as every CSV ends with its stamp (EDITIONS.md)."""


def compare_csv(comparison: Comparison, lang: Lang = "zh", *, bilingual: bool = False) -> str:
    """``compare --format csv``: one row per community of either side (empty cells: absent)."""
    from .csv import csv_text, header_row

    def side(s: ComparedSide | None) -> list[object]:
        return ["", "", ""] if s is None else [s.total, s.rank, _flag(s, lang)]

    stamps = (comparison.a.rulebook, comparison.a.hash, comparison.b.rulebook, comparison.b.hash)
    rows = []
    for x in comparison.communities:
        a, b = side(x.a), side(x.b)
        items_a = [x.a.points(code) if x.a else "" for code in ItemCode]
        items_b = [x.b.points(code) if x.b else "" for code in ItemCode]
        changed = " ".join(f"{code.code}:{change:+d}" for code, change in x.changed_items)
        records = "\n".join(line for d in x.differences for line in difference_lines(d, lang))
        rows.append(
            [
                x.community_id,
                x.community_name,
                x.district,
                a[0],
                b[0],
                "" if x.delta is None else x.delta,
                a[1],
                b[1],
                a[2] or "",
                b[2] or "",
                *items_a,
                *items_b,
                changed,
                records,
                *stamps,
            ]
        )
    header = header_row(COMPARE_HEADERS, lang, bilingual)
    return csv_text(header, rows, bom=True, quote_text=True)  # as every CSV: Excel-safe
