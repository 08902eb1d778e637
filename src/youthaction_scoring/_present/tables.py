"""Terminal tables (rich) for every command, and their rendering to text.

rich is imported only inside these functions, so importing this module (or
the library) does not import it. Headings come from :mod:`.headings`.
"""

from __future__ import annotations

import copy
import io
import weakref
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Final

import attrs

from .._analysis.behind import BehindRule
from .._analysis.plan import Plan
from .._analysis.progress import CommunityMonth, MonthProgress
from .._analysis.ranking import RankedCard
from .._analysis.rollup import DistrictSummary
from .._domain.codes import ItemCode, ItemKind, Lang
from .._domain.scorecard import Scorecard, Scorecards
from .headings import Heading, ItemHeading, behind_line
from .terminal import terminal_safe as safe

if TYPE_CHECKING:  # pragma: no cover
    from rich.console import RenderableType
    from rich.table import Table


_ABOUT: weakref.WeakKeyDictionary[Table, tuple[Lang, str | None]] = weakref.WeakKeyDictionary()
"""Each table's language and the ``-o`` file that would hold it whole, for the
note under a table the terminal is too narrow for (see :func:`render`)."""

_FILE: Final = {"zh": "文件", "en": "FILE"}


def _about(table: Table, lang: Lang, ending: str | None) -> Table:
    """Remember *table*'s language and the file ending that writes it whole (``csv``, ``json``)."""
    _ABOUT[table] = (lang, None if ending is None else f"{_FILE[lang]}.{ending}")
    return table


def scorecards_table(cards: Scorecards, lang: Lang = "zh") -> Table:
    """Build a rich table of scorecards: one row per community, one column per item.

    Args:
        cards: The scorecards.
        lang: Heading language.

    Returns:
        The table.
    """
    from .grid import new_table

    h = Heading
    where = f"{h.PERIOD.template(lang)} {cards.period.start}…{cards.period.end}"
    if cards.as_of is not None:
        where += f", {h.AS_OF.template(lang)} {cards.as_of}"
    table = new_table(
        title=f"{h.TITLE.template(lang)}  ({where}; {h.RULEBOOK.template(lang)} {cards.rulebook})",
        caption=h.COUNT_CAPTION.format(lang, len(cards)),
        show_lines=False,
    )
    table.add_column(h.COMMUNITY.template(lang), no_wrap=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column(h.DISTRICT.template(lang), no_wrap=True)
    table.add_column(h.BATCH.template(lang), no_wrap=True)
    for code in ItemCode:
        table.add_column(code.code, justify="right")
    for key in (h.BASE, h.BONUS, h.TOTAL):
        table.add_column(
            key.template(lang), justify="right", style="bold" if key is h.TOTAL else None
        )
    if cards.scorecards:
        first = cards.scorecards[0]
        base_max = sum(i.max for i in first.items if i.kind is ItemKind.BASE)
        bonus_max = sum(i.max for i in first.items if i.kind is ItemKind.BONUS)
        table.add_row(
            h.MAX_ROW.template(lang),
            "",
            "",
            "",
            *(str(i.max) for i in first.items),
            str(base_max),
            str(bonus_max),
            str(base_max + bonus_max),
            style="italic dim",
            end_section=True,
        )
    for card in cards:
        table.add_row(
            safe(card.community_name),
            safe(card.community_id),
            safe(card.district),
            card.pilot_level.label_in(lang),
            *(str(i.points) for i in card.items),
            str(card.base),
            str(card.bonus),
            str(card.total),
        )
    return _about(table, lang, "csv")


def ranking_table(
    ranked: Sequence[RankedCard], cards: Scorecards, lang: Lang, *, by_district: bool = False
) -> Table:
    """Build the ranking table.

    Args:
        ranked: The ranked cards.
        cards: The scorecards (for the period and the as-of month).
        lang: Heading language.
        by_district: Whether ranks are within districts.

    Returns:
        The table.
    """
    from .grid import new_table

    h = Heading
    title = h.RANKING.template(lang) + (h.BY_DISTRICT.template(lang) if by_district else "")
    where = str(cards.period) + (f" @ {cards.as_of}" if cards.as_of is not None else "")
    table = new_table(title=f"{title} {where}", caption=h.NO_GRADE.template(lang))
    table.add_column(h.RANK.template(lang), justify="right")
    table.add_column(h.COMMUNITY.template(lang))
    table.add_column("id", style="dim")
    table.add_column(h.DISTRICT.template(lang))
    table.add_column(h.BATCH.template(lang))
    for key in (h.BASE, h.BONUS, h.TOTAL):
        table.add_column(key.template(lang), justify="right")
    for entry in ranked:
        card = entry.card
        table.add_row(
            str(entry.rank),
            safe(card.community_name),
            safe(card.community_id),
            safe(card.district),
            card.pilot_level.label_in(lang),
            str(card.base),
            str(card.bonus),
            str(card.total),
        )
    return _about(table, lang, "csv")


def plan_tables(plan: Plan, lang: Lang) -> list[Table]:
    """Build the actions and lost-points tables of one plan.

    Args:
        plan: The plan.
        lang: Language.

    Returns:
        The actions (highest gain first), then the lost points when any
        were lost (no empty table).
    """
    from .grid import new_table

    h = Heading
    title = safe(
        h.PLAN.format(lang, plan.community_name, plan.community_id, plan.total, plan.max_total)
    )
    gap = plan.max_total - plan.total
    actions = new_table(
        title=title,
        caption=h.SUMMARY_LINE.format(lang, plan.recoverable, plan.unrecoverable, gap),
    )
    actions.add_column(h.ITEM.template(lang))
    actions.add_column(h.GAIN.template(lang), justify="right")
    actions.add_column(h.ACTION.template(lang))
    for action in plan.actions:
        steps = attrs.evolve(action, notes=())  # its remarks on lines of their own: narrower
        lines = [steps.text(lang), *(note.text(lang) for note in action.notes)]
        actions.add_row(action.item.code, f"+{action.gain}", safe("\n".join(lines)))
    lost = new_table(title=h.LOST.template(lang))
    lost.add_column(h.ITEM.template(lang))
    lost.add_column(h.POINTS.template(lang), justify="right")
    lost.add_column(h.REASON.template(lang))
    for entry in plan.lost:
        lost.add_row(entry.item.code, str(entry.points), safe(entry.text(lang)))
    if not plan.lost:
        return [_about(actions, lang, "json")]
    return [_about(actions, lang, "json"), _about(lost, lang, "json")]


def progress_tables(months: Iterable[MonthProgress], lang: Lang) -> list[Table]:
    """Build the month-by-month totals table and the falling-behind table.

    Each month is read once and only its cells are kept, so *months* may be
    an iterator that makes one month at a time (50,000 communities over 120
    months are six million standings). A list of more than
    :data:`NAMED_AT_MOST` communities in the falling-behind table names that
    many and says how many more (``progress --format json`` lists them all).

    Args:
        months: Progress for each month, in order.
        lang: Language.

    Returns:
        Two tables.
    """
    from .grid import new_table

    h = Heading
    shown: dict[tuple[int, bool], str] = {}
    communities: list[tuple[str, str, str]] = []
    names: dict[str, str] = {}
    columns: list[tuple[str, list[str]]] = []
    lists: list[tuple[str, str, str]] = []
    rule: BehindRule | None = None
    for month in months:
        if not columns:
            communities = [
                (safe(r.community_name), safe(r.community_id), safe(r.district)) for r in month.rows
            ]
            names = {r.community_id: r.community_name for r in month.rows}
        cells = []
        for row in month.rows:
            now = row.standing
            key = (now.total, now.missed)
            cell = shown.get(key)
            if cell is None:
                cell = shown[key] = f"{now.total}{' ✗' if now.missed else ''}"
            cells.append(cell)
        label = str(month.month)
        columns.append((label, cells))
        behind_lines = [
            behind_line(
                r.community_name,
                r.community_id,
                ((code, d.points) for code, d in r.standing.shortfalls),
                lang,
                r.standing.months_missed,
                lines=True,
            )
            for r in _rows_of(month)
        ]
        lists.append((label, _named(month.missed, names, lang), _listed(behind_lines, lang)))
        rule = month.rule
    totals = new_table(title=h.PROGRESS.template(lang), caption=h.MARKER.template(lang))
    totals.add_column(h.COMMUNITY.template(lang))
    totals.add_column("id", style="dim")
    totals.add_column(h.DISTRICT.template(lang))
    for label, _ in columns:
        totals.add_column(label, justify="right")
    for index, identity in enumerate(communities):
        totals.add_row(*identity, *(cells[index] for _, cells in columns))
    caption = rule.describe(lang, h.EACH_MONTH.template(lang)) if rule is not None else None
    behind = new_table(title=h.BEHIND.template(lang), caption=caption)
    behind.add_column(h.MONTH.template(lang))
    behind.add_column(h.MISSED.template(lang))
    behind.add_column(h.BEHIND_LIST.template(lang))
    for entry in lists:
        behind.add_row(*entry)
    return [_about(totals, lang, "json"), _about(behind, lang, "json")]


NAMED_AT_MOST: Final = 20
"""The most communities one cell of the falling-behind table names."""

_MORE: Final = {"zh": "等，另有{0:,}个社区", "en": "and {0:,} more"}


def _named(ids: Sequence[str], names: Mapping[str, str], lang: Lang) -> str:
    """The communities *ids*, one a line (``name (id)``), at most :data:`NAMED_AT_MOST`."""
    return _listed([f"{names[i]} ({i})" for i in ids], lang)


def _listed(lines: Sequence[str], lang: Lang, count: int | None = None) -> str:
    """*lines*, one after the other, at most :data:`NAMED_AT_MOST`, then how many more.

    *count* is how many there are in all, when only the first are given.
    """
    shown = [safe(line) for line in lines[:NAMED_AT_MOST]]
    more = (len(lines) if count is None else count) - len(shown)
    if more > 0:
        shown.append(_MORE[lang].format(more))
    return "\n".join(shown)


def _rows_of(month: MonthProgress) -> Iterator[CommunityMonth]:
    """The rows of the communities flagged behind in *month*, in input order."""
    flagged = set(month.behind)
    return (r for r in month.rows if r.community_id in flagged)


def districts_table(
    summaries: Sequence[DistrictSummary],
    lang: Lang,
    behind: BehindRule,
    as_of: str,
) -> Table:
    """Build the district roll-up table, by mean total, with the R19 rule as its caption.

    Args:
        summaries: The districts.
        lang: Language.
        behind: The rule that flagged communities behind (R19).
        as_of: The month the totals are as of.

    Returns:
        The table.
    """
    from .grid import new_table

    h = Heading
    caption = f"{h.BY_MEAN.template(lang)}\n{behind.describe(lang, as_of)}"
    table = new_table(title=h.DISTRICTS.template(lang), caption=caption)
    table.add_column(h.DISTRICT.template(lang))
    for key in (h.COUNT, h.MEAN, h.MIN, h.MAX):
        table.add_column(key.template(lang), justify="right")
    table.add_column(h.BEHIND_LIST.template(lang))
    for s in summaries:
        table.add_row(
            safe(s.district),
            str(s.count),
            f"{s.mean:.1f}",
            str(s.min),
            str(s.max),
            _listed(
                [
                    behind_line(b.community_name, b.community_id, b.lost, lang, lines=True)
                    for b in s.flagged[:NAMED_AT_MOST]
                ],
                lang,
                len(s.flagged),
            ),
        )
    return _about(table, lang, "csv")


def items_table(card: Scorecard, lang: Lang) -> Table:
    """Build the item-by-item table of one scorecard, every stage visible.

    Args:
        card: The scorecard.
        lang: Language.

    Returns:
        The table: raw → after deductions (base items) → points, and the maximum.
    """
    from .grid import new_table

    h = ItemHeading
    table = new_table(title=safe(h.TITLE.format(lang, card.community_name, card.community_id)))
    table.add_column(h.CODE.template(lang))
    table.add_column(h.NAME.template(lang))
    table.add_column(h.KIND.template(lang))
    for key in (h.RAW, h.AFTER, h.POINTS, h.MAX):
        table.add_column(key.template(lang), justify="right")
    for item in card.items:
        after = str(item.after_deductions) if item.kind is ItemKind.BASE else "–"
        table.add_row(
            item.code.code,
            item.code.label_in(lang),
            item.kind.label_in(lang),
            str(item.raw),
            after,
            str(item.points),
            str(item.max),
        )
    return _about(table, lang, None)


def render(renderables: Sequence[RenderableType], *, width: int, color: bool = False) -> str:
    """Render rich tables (or text) to text, one after the other.

    Args:
        renderables: What to render.
        width: Line width.
        color: Keep terminal colours and styles.

    Returns:
        The text.
    """
    from .fit import fit_lines, natural_width
    from .grid import has_rich

    if not has_rich():  # no `cli` extra: every table laid out plainly, text as it is
        return "".join(_plain_text(renderable, width) for renderable in renderables)
    from rich.console import Console
    from rich.table import Table

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
    )
    for renderable in renderables:
        if isinstance(renderable, Table) and (
            renderable.row_count > PLAIN_ROWS or natural_width(renderable) > width
        ):
            lang, file = _ABOUT.get(renderable, ("zh", None))
            lines = fit_lines(renderable, width, lang=lang, file=file)  # plain: fast, and fits
            buffer.write("\n".join(lines) + "\n")
        elif isinstance(renderable, Table):
            console.print(_wrapped(renderable, min(console.measure(renderable).maximum, width)))
        else:
            console.print(renderable)
    return buffer.getvalue()


def _plain_text(renderable: object, width: int) -> str:
    """*renderable* as plain text, when rich is not installed: a table by :mod:`.fit`."""
    from .fit import fit_lines
    from .grid import Grid

    if isinstance(renderable, Grid):
        lang, file = _ABOUT.get(renderable, ("zh", None))  # type: ignore[call-overload]
        lines = fit_lines(renderable, width, lang=lang, file=file)  # type: ignore[arg-type]
        return "\n".join(lines) + "\n"
    return f"{renderable}\n"


def _wrapped(table: Table, width: int) -> Table:
    """*table*, or a copy whose title and caption are wrapped in *width* by :func:`.fit.wrap_cells`.

    rich wraps a Chinese title or caption anywhere, even inside ``R19``;
    lines broken beforehand at the right places are left as they are.
    """
    from .fit import wrap_cells

    texts = {"title": table.title, "caption": table.caption}
    wrapped = {
        key: "\n".join(w for line in text.split("\n") for w in wrap_cells(line, width))
        for key, text in texts.items()
        if isinstance(text, str)
    }
    if all(wrapped[key] == texts[key] for key in wrapped):
        return table
    table = copy.copy(table)
    for key, text in wrapped.items():
        setattr(table, key, text)
    return table


PLAIN_ROWS: Final = 200
"""Tables of more rows are laid out plainly (:mod:`.fit`): rich takes seconds a
thousand rows, and its boxes help little in a long list."""
