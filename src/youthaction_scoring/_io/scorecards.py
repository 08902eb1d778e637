"""The scorecards wire format (the format page, output): its one definition, and every writer.

The shape of a scorecard on the wire is declared once, as tables of
:class:`Key` (:data:`DEDUCTION_KEYS`, :data:`ITEM_KEYS`, :data:`SCORECARD_KEYS`,
:data:`HEADER_KEYS`): the name, where the value comes from, its JSON Schema
and its description. From these tables come the unstructure functions (code
generated once, at import, as attrs and cattrs generate theirs) and the
properties of the scorecards JSON Schema (:mod:`.schema`). Every output of
scorecards — the JSON document, JSON Lines, the service — goes through
:func:`scorecard_to_dict` and one encoder (:mod:`.codec`).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .._domain.codes import ItemKind
from .._domain.messages import Message
from .._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
from .codec import dumps_compact, dumps_indented

SCORECARDS_FORMAT: Final = "youthaction-scoring/scorecards/1"
"""The ``format`` value of a scorecards document (the format page)."""


@attrs.frozen
class Key:
    """One key of a wire object.

    Args:
        name: The JSON key.
        get: Where its value comes from: an attribute path of the domain
            value (``"pilot_level.code"``) or a function of it.
        schema: The JSON Schema of the value (``$ref`` into the scorecards
            schema's ``$defs`` where shared).
        description: What it is, for the schema and the docs.
        when: Present only when this is true of the domain value; always
            present when ``None``.
    """

    name: str
    get: str | Callable[[Any], object]
    schema: dict[str, Any]
    description: str
    when: Callable[[Any], bool] | None = None


def _texts_en(messages: tuple[Message, ...]) -> list[str]:
    return [m.both()[1] for m in messages]


def _texts_zh(messages: tuple[Message, ...]) -> list[str]:
    return [m.both()[0] for m in messages]


def _has_notes(card: Scorecard) -> bool:
    return bool(card.notes)


_COUNT: Final = {"type": "integer", "minimum": 0}
_TEXTS: Final = {"type": "array", "items": {"type": "string"}}
_TEXT: Final = {"$ref": "#/$defs/Text"}

DEDUCTION_KEYS: Final = (
    Key("points", "points", {"type": "integer", "minimum": 1}, "Points deducted."),
    Key("reason", lambda d: d.reason.both()[1], {"type": "string"}, "Why, in English."),
    Key(
        "rule",
        "rule",
        {"type": "string", "pattern": "^R[1-9][0-9]*(?![\\s\\S])"},
        "The numbered decision of the rules (docs/rules.md) applied, e.g. R10.",
    ),
    Key("reason_zh", lambda d: d.reason.both()[0], {"type": "string"}, "Why, in Chinese."),
)
"""A deduction: ``{"points", "reason", "rule", "reason_zh"}``."""

ITEM_KEYS: Final = (
    Key(
        "code",
        "code.code",
        {"$ref": "#/$defs/ItemCode"},
        "The item's code (the table of the rules page).",
    ),
    Key("kind", "kind.code", {"enum": [k.code for k in ItemKind]}, "Base or bonus."),
    Key("max", "max", _COUNT, "Full points (base item) or cap (bonus item)."),
    Key(
        "raw",
        "raw",
        _COUNT,
        "Points earned before the cap (bonus items only).",
        when=lambda item: item.kind is ItemKind.BONUS,
    ),
    Key("points", "points", _COUNT, "What counts."),
    Key(
        "deductions",
        lambda item: [deduction_to_dict(d) for d in item.deductions],
        {"type": "array", "items": {"$ref": "#/$defs/Deduction"}},
        "Every deduction, in order (base items only).",
    ),
    Key("notes", lambda item: _texts_en(item.notes), _TEXTS, "Notes in English."),
    Key("notes_zh", lambda item: _texts_zh(item.notes), _TEXTS, "The same notes in Chinese."),
)
"""An item of a scorecard; ``raw`` for bonus items only (the format page)."""

SCORECARD_KEYS: Final = (
    Key("community_id", "community_id", _TEXT, "The community's id."),
    Key("community_name", "community_name", _TEXT, "Its name."),
    Key("district", "district", _TEXT, "Its district (区(市、县))."),
    Key("pilot_level", "pilot_level.code", {"$ref": "#/$defs/PilotLevel"}, "Its pilot batch."),
    Key("base", "base", _COUNT, "The sum of the base items, at most the base cap (R16)."),
    Key("bonus", "bonus", _COUNT, "The sum of the bonus items, at most the bonus cap (R16)."),
    Key("total", "total", _COUNT, "Base plus bonus (R16)."),
    Key(
        "items",
        lambda card: [item_to_dict(i) for i in card.items],
        {"type": "array"},
        "All ten items, in the order of the rules page's table.",
    ),
    Key(
        "notes",
        lambda card: _texts_en(card.notes),
        _TEXTS,
        "Notes on the whole card, in English (only when there are some).",
        when=_has_notes,
    ),
    Key(
        "notes_zh",
        lambda card: _texts_zh(card.notes),
        _TEXTS,
        "The same notes in Chinese.",
        when=_has_notes,
    ),
)
"""A scorecard: identity, totals, the ten items and, when any, card notes."""

HEADER_KEYS: Final = (
    Key("format", lambda _: SCORECARDS_FORMAT, {"const": SCORECARDS_FORMAT}, "The format."),
    Key("rulebook", "rulebook", _TEXT, "The edition of the rules that produced the scores."),
    Key(
        "period",
        lambda cards: {"start": str(cards.period.start), "end": str(cards.period.end)},
        {"$ref": "#/$defs/Period"},
        "The assessment period.",
    ),
    Key(
        "as_of",
        lambda cards: str(cards.as_of),
        {"$ref": "#/$defs/Month"},
        "Scored as of this month (R2); absent for the whole period.",
        when=lambda cards: cards.as_of is not None,
    ),
)
"""The head of a scorecards document; ``scorecards`` follows it."""


def _compile(name: str, keys: tuple[Key, ...]) -> Callable[[Any], dict[str, Any]]:
    """Generate the function that turns a domain value into its wire dict.

    The generated code reads attribute paths directly and calls the key's
    function otherwise, adding conditional keys in their place, so the dict
    has the keys in the table's order.
    """
    names: dict[str, object] = {}
    lines = [f"def {name}(v):", "    out = {}"]
    for index, key in enumerate(keys):
        if isinstance(key.get, str):
            value = "v." + key.get
        else:
            names[f"get{index}"] = key.get
            value = f"get{index}(v)"
        line = f"    out[{key.name!r}] = {value}"
        if key.when is not None:
            names[f"when{index}"] = key.when
            lines.append(f"    if when{index}(v):")
            line = "    " + line
        lines.append(line)
    lines.append("    return out")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<generated {name}>", "exec"), names)
    function = names[name]
    assert callable(function)
    function.__doc__ = f"Return the wire dict of a value; generated from its key table:\n\n{source}"
    return typing.cast(Callable[[Any], dict[str, Any]], function)


deduction_to_dict: Final[Callable[[Deduction], dict[str, Any]]] = _compile(
    "deduction_to_dict", DEDUCTION_KEYS
)
"""A deduction as a JSON-ready dict (:data:`DEDUCTION_KEYS`)."""
item_to_dict: Final[Callable[[ItemScore], dict[str, Any]]] = _compile("item_to_dict", ITEM_KEYS)
"""An item as a JSON-ready dict (:data:`ITEM_KEYS`)."""
_card_to_dict: Final[Callable[[Scorecard], dict[str, Any]]] = _compile(
    "scorecard_to_dict", SCORECARD_KEYS
)
_header_to_dict: Final[Callable[[Scorecards], dict[str, Any]]] = _compile(
    "scorecards_header", HEADER_KEYS
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
    out = _header_to_dict(cards)
    out["scorecards"] = [_card_to_dict(card) for card in cards.scorecards]
    return out


def scorecards_header(cards: Scorecards) -> dict[str, Any]:
    """Return the head of a scorecards document, without the cards."""
    return _header_to_dict(cards)


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


def scorecard_json_line(card: Scorecard) -> str:
    """Return one scorecard as a JSON Lines line (the format page): compact, ending in a newline.

    Args:
        card: The scorecard.

    Returns:
        The line.
    """
    return dumps_compact(_card_to_dict(card)).decode("utf-8") + "\n"


def scorecard_lines(cards: Iterable[Scorecard]) -> Iterable[bytes]:
    """Encode scorecards as JSON Lines, one UTF-8 line each (for streaming writers).

    Args:
        cards: The scorecards.

    Returns:
        The lines, each ending in a newline.
    """
    dumps = dumps_compact
    for card in cards:
        yield dumps(_card_to_dict(card)) + b"\n"


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
    opening = dumps_indented({**_header_to_dict(head), "scorecards": []})
    return opening[: opening.rindex(b"[]")] + b"["


def document_piece(card: Scorecard) -> bytes:
    """One scorecard as it stands in the document (indented; without the separator before it)."""
    return dumps_indented(_card_to_dict(card)).rstrip(b"\n").replace(b"\n", b"\n    ")


def document_closing(empty: bool) -> bytes:
    """The end of the scorecards document (after the last scorecard, or after ``[``)."""
    return b"]\n}\n" if empty else b"\n  ]\n}\n"
