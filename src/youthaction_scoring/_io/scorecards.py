"""The scorecards wire format (the format page, output): every writer.

A scorecard's shape on the wire is its cattrs unstructure hook, generated
from its class and registered on the project's converter
(:mod:`.converter`); the scorecards JSON Schema (:mod:`.schema`) describes
what that hook writes. Every output of scorecards — the JSON document, JSON
Lines, the service — goes through that hook and one encoder (:mod:`.codec`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .._domain.scorecard import Scorecard, Scorecards
from .codec import dumps_compact, dumps_indented
from .converter import CONVERTER
from .converter import SCORECARDS_FORMAT as SCORECARDS_FORMAT  # re-exported

_card_to_dict: Final[Callable[[Scorecard], dict[str, Any]]] = CONVERTER.get_unstructure_hook(
    Scorecard
)
_cards_to_dict: Final[Callable[[Scorecards], dict[str, Any]]] = CONVERTER.get_unstructure_hook(
    Scorecards
)


def scorecard_to_dict(card: Scorecard) -> dict[str, Any]:
    """Return one scorecard as a JSON-ready dict, in the format's shape.

    Args:
        card: The scorecard.

    Returns:
        ``{"community_id", …, "total", "items": [...]}``; texts in English,
        with Chinese beside them (``reason_zh``, ``notes_zh``).
    """
    return _card_to_dict(card)


def scorecards_to_dict(cards: Scorecards) -> dict[str, Any]:
    """Return a scorecards document (the format page) as a JSON-ready dict.

    Args:
        cards: The scorecards.

    Returns:
        ``{"format", "rulebook", "period", ["as_of",] "scorecards": [...]}``.
    """
    return _cards_to_dict(cards)


def dumps_scorecards(cards: Scorecards | Scorecard) -> str:
    """Serialise scorecards as an interchange-format document, or one scorecard; deterministic.

    Args:
        cards: The scorecards of an assessment (the document of ``score
            --format json``), or one scorecard (its object alone).

    Returns:
        The JSON text, indented by two spaces, with a final newline.
    """
    value = scorecard_to_dict(cards) if isinstance(cards, Scorecard) else scorecards_to_dict(cards)
    return dumps_indented(value).decode("utf-8")


def _stamp(head: Scorecards | None) -> dict[str, str]:
    """The keys naming the edition on a JSON Lines scorecard (EDITIONS.md)."""
    if head is None:
        return {}
    return {"rulebook": head.rulebook, "rulebook_hash": head.rulebook_hash}


def scorecard_json_line(card: Scorecard, head: Scorecards | None = None) -> str:
    """Return one scorecard as a JSON Lines line (the format page): compact, ending in a newline.

    Args:
        card: The scorecard.
        head: The scorecards it belongs to: the line then ends with the
            edition's name and hash (``rulebook``, ``rulebook_hash``), as
            every scorecard output names them (EDITIONS.md).

    Returns:
        The line.
    """
    return dumps_compact(_card_to_dict(card) | _stamp(head)).decode("utf-8") + "\n"


def scorecard_lines(cards: Iterable[Scorecard], head: Scorecards | None = None) -> Iterable[bytes]:
    """Encode scorecards as JSON Lines, one UTF-8 line each (for streaming writers).

    Args:
        cards: The scorecards.
        head: As for :func:`scorecard_json_line`.

    Returns:
        The lines, each ending in a newline.
    """
    dumps, stamp = dumps_compact, _stamp(head)
    for card in cards:
        yield dumps(_card_to_dict(card) | stamp) + b"\n"


def scorecards_document_chunks(head: Scorecards, cards: Iterable[Scorecard]) -> Iterator[bytes]:
    """Encode a scorecards document a piece at a time (for streaming writers).

    The pieces joined are byte for byte :func:`dumps_scorecards` of the same
    scorecards, but only one scorecard is encoded at a time.

    Args:
        head: The document's header: its rulebook, period and as-of month
            (its own scorecards are not written).
        cards: The scorecards, in order.

    Returns:
        The pieces, in order.
    """
    yield document_opening(head)
    separator = b"\n    "
    for card in cards:
        yield separator + document_piece(card)
        separator = b",\n    "
    yield document_closing(separator == b"\n    ")


def document_opening(head: Scorecards) -> bytes:
    """The scorecards document up to the ``[`` of its scorecards."""
    opening = dumps_indented(_cards_to_dict(attrs.evolve(head, scorecards=())))
    return opening[: opening.rindex(b"[]")] + b"["


def document_piece(card: Scorecard) -> bytes:
    """One scorecard as it stands in the document (indented; without the separator before it)."""
    return dumps_indented(_card_to_dict(card)).rstrip(b"\n").replace(b"\n", b"\n    ")


def document_closing(empty: bool) -> bytes:
    """The end of the scorecards document (after the last scorecard, or after ``[``)."""
    return b"]\n}\n" if empty else b"\n  ]\n}\n"
