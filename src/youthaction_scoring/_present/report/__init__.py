"""The self-contained HTML report: charts as inline SVG, every text escaped.

The report is one HTML file that opens offline: no network, no external
scripts, styles or fonts. Charts are inline SVG drawn by the project's own
templates (no plotting dependency); the templates are rendered by jinja2 with
autoescape on, so community names and record titles are always text, never
markup. jinja2 is an optional dependency (the ``report`` extra), imported
only when a report is rendered.

Up to :data:`DETAIL_LIMIT` communities (the *detail limit*), the report is in
its **full** form: every community in every chart, in the month grid, and in
a section of its own with its deductions, notes and plan. Beyond it, the
report takes its **compact** form, because the full form grows as markup per
community (about 6 KB and 25 table rows each: at 5,000 communities 28 MB of
HTML that a browser needs 18 s to lay out, and at 50,000 one that it never
finishes). The compact form keeps

* the charts, summed up: totals in bins of ten points on the ranking axis,
  the mean points by section of each district, and the month grid as the
  count and share of communities covering each month;
* the district roll-up with its R19 behind lists (linking to the
  communities), and the R18 warnings;
* one ranking table with every community (rank, name, id, district, batch,
  total, months missed, behind), which the filter box filters and whose rows
  are the contents' links to each community. It is cut into tables of 250
  rows with the same fixed columns, each ``content-visibility: auto``, so
  that the browser lays out only those on screen (one table of 5,000 rows
  in automatic layout costs seconds of layout by itself);

and gives each community's **detail on demand**: its items, month row,
deductions, notes and plan travel once, as compact JSON in one
``<script type="application/json">`` element (numbers, and each distinct text
once in a table of texts: the same missing month or plan step is not
repeated for every community), and a small inline script renders one
community's detail, with DOM text nodes only (user text is never parsed as
markup), when its name is clicked or its ``#community-N`` link is followed.
The browser parses the data only when a detail is first opened, so loading
costs the summary markup and the table alone.

Why not the alternatives: collapsed ``<details>`` would keep every
community's markup in the page (the browser still parses and builds it: the
size and most of the load time stay), and a directory of pages would no
longer be one file that is written atomically or piped, mailed and opened as
it is. The cost of the choice: without scripts the compact form shows the
summaries and the table but no details (it says so in a ``<noscript>``), and
printing it prints the summaries, the table and the details that are open.

Both forms come from one pass over the communities (:mod:`.digest`): each is
scored (and, with an as-of month, scored as of it), planned, and reduced to a
small entry before the next; no set of scorecards is held, and the HTML is
produced piece by piece (``report_pieces``) so that it need never be held
whole either.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:  # pragma: no cover
    from ..._analysis.behind import BehindRule
    from ..._domain.calendar import Month
    from ..._domain.codes import Lang
    from ..._domain.model import Assessment
    from ..._rules.rulebook import Rulebook

__all__ = ["DETAIL_LIMIT", "render_report", "report_pieces"]

DETAIL_LIMIT: Final = 500
"""Up to this many communities, the full form; beyond it, the compact form."""


def report_pieces(
    assessment: Assessment,
    *,
    lang: Lang = "zh",
    rulebook: Rulebook | None = None,
    behind: BehindRule | None = None,
    as_of: Month | None = None,
    detail_limit: int = DETAIL_LIMIT,
) -> Iterator[str]:
    """Render the report as pieces of text that, joined, are the HTML document.

    Everything that can fail for the caller's input (an as-of month before
    the period, a missing jinja2) fails here, before the first piece;
    the pieces are then rendered as they are asked for.

    Args:
        assessment: The assessment.
        lang: ``"zh"`` (default) or ``"en"``.
        rulebook: The amounts to apply.
        behind: Who is flagged behind (R19); the bottom quarter by default.
        as_of: Report as of this month (R2): scores, the month grid and who
            is behind as of it; plans count the whole period, later months
            still to be covered. ``None``: the whole period.
        detail_limit: Up to this many communities, the full form; beyond it,
            the compact form with details on demand (0: always compact).

    Returns:
        The pieces, in order, each some tens of kilobytes.

    Raises:
        ValueError: *as_of* is before the period's first month (R2), or
            *detail_limit* is negative.
        ModuleNotFoundError: jinja2 is not installed (install the ``report``
            extra).
    """
    from .render import render_pieces

    return render_pieces(
        assessment,
        lang=lang,
        rulebook=rulebook,
        behind=behind,
        as_of=as_of,
        detail_limit=detail_limit,
    )


def render_report(
    assessment: Assessment,
    *,
    lang: Lang = "zh",
    rulebook: Rulebook | None = None,
    behind: BehindRule | None = None,
    as_of: Month | None = None,
    detail_limit: int = DETAIL_LIMIT,
) -> str:
    """Render the self-contained HTML report.

    Args:
        assessment: The assessment.
        lang: ``"zh"`` (default) or ``"en"``.
        rulebook: The amounts to apply.
        behind: Who is flagged behind (R19); the bottom quarter by default.
        as_of: As in ``report_pieces``.
        detail_limit: Up to this many communities, the full form; beyond it,
            the compact form, each community's detail shown on demand
            (see the module's description).

    Returns:
        One HTML document with inline styles and inline SVG charts.

    Raises:
        ValueError: *as_of* is before the period's first month (R2), or
            *detail_limit* is negative.
        ModuleNotFoundError: jinja2 is not installed (install the ``report``
            extra).
    """
    return "".join(
        report_pieces(
            assessment,
            lang=lang,
            rulebook=rulebook,
            behind=behind,
            as_of=as_of,
            detail_limit=detail_limit,
        )
    )
