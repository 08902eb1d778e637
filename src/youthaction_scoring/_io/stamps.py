"""The edition's stamp on every output: its name, its content hash and, when due, its note.

EDITIONS.md: every scorecard, table footer, report and service answer names
the edition that scored it and the first 12 hex digits of the sha256 of its
file, so any score can be reproduced with the same rules; a period that
began before the edition came into force says so. The stamp is read from a
scorecards header (:class:`~.._domain.scorecard.Scorecards`, with or without
cards): its ``rulebook``, ``rulebook_hash`` and ``rulebook_note``.
JSON documents carry it as the scorecards document does (:func:`stamp_fields`);
tables and text as one line (:func:`stamp_line`); CSV as two columns
(:data:`STAMP_HEADERS`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from .._domain.codes import Lang
from .._domain.messages import Text
from .._domain.scorecard import Scorecards

if TYPE_CHECKING:
    from .._domain.calendar import Period
    from .._rules.rulebook import Rulebook


class StampText(Text):
    """The stamp's line."""

    LINE = ("规则版本 {0}（sha256 {1}）", "Rulebook {0} (sha256 {1})")


STAMP_HEADERS: Final = (("规则版本", "rulebook"), ("规则版本哈希", "rulebook_hash"))
"""The CSV columns of the stamp: (Chinese header, English code), the codes the JSON keys."""


def head_of(rulebook: Rulebook, period: Period) -> Scorecards:
    """The stamp of *rulebook* scoring over *period*: a scorecards header without cards."""
    from .._analysis.score import stamped

    return stamped(rulebook, period, None)


def stamp_fields(head: Scorecards) -> dict[str, Any]:
    """The stamp's keys in a JSON document: ``rulebook``, ``rulebook_hash`` and the note's.

    The note (``rulebook_note`` in English, ``rulebook_note_zh``) is there
    only when the period began before the edition came into force, as in
    the scorecards document.
    """
    fields: dict[str, Any] = {"rulebook": head.rulebook, "rulebook_hash": head.rulebook_hash}
    if head.rulebook_note is not None:
        zh, fields["rulebook_note"] = head.rulebook_note.both()
        fields["rulebook_note_zh"] = zh
    return fields


def stamped_document(head: Scorecards | None, document: dict[str, Any]) -> dict[str, Any]:
    """*document* with the stamp's keys first (none when *head* is ``None``)."""
    return document if head is None else {**stamp_fields(head), **document}


def stamp_line(head: Scorecards, lang: Lang) -> str:
    """The stamp as a table's footer (``Rulebook guiyang-2021 (sha256 …)``), then any note."""
    line = StampText.LINE.format(lang, head.rulebook, head.rulebook_hash)
    return line if head.rulebook_note is None else f"{line}\n{head.rulebook_note.text(lang)}"


def stamp_cells(head: Scorecards) -> tuple[str, str]:
    """The stamp's CSV cells, in the order of :data:`STAMP_HEADERS`."""
    return head.rulebook, head.rulebook_hash
