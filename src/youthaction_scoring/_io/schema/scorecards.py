"""The JSON Schema of a scorecards document: what the converter's hooks write, described.

The keys, their order and which of them are sometimes absent come from the
unstructure hooks the writers use (:mod:`..converter`), run on a sample of
each shape (a bonus item has ``raw``, a base item not; card notes and
``as_of`` only when there are some), so the schema describes exactly what
is written. Each key's schema and description are in the tables below.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from ..._domain.calendar import Month, Period
from ..._domain.codes import ItemCode, ItemKind, PilotLevel
from ..._domain.limits import FIRST_YEAR
from ..._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
from ..._rules.clauses import ITEM_KINDS
from ..converter import CONVERTER, SCORECARDS_FORMAT
from ..reading_texts import ReadText
from .common import DRAFT, END, NOT_IN_SCORECARDS_SCHEMA, Builder, enum_schema, ref, schema_id

_COUNT: Final = {"type": "integer", "minimum": 0}
_TEXTS: Final = {"type": "array", "items": {"type": "string"}}
_TEXT: Final = ref("Text")

_HASH: Final = {"type": "string", "pattern": "^[0-9a-f]{12}$"}
"""An edition's content hash."""


def _pairs(*pairs: tuple[str, str]) -> dict[str, list[str]]:
    """``dependentRequired`` for keys written only in pairs (each needs the other)."""
    return {a: [b] for pair in pairs for a, b in (pair, pair[::-1])}


_DEDUCTION_KEYS: Final[dict[str, tuple[dict[str, Any], str]]] = {
    "points": ({"type": "integer", "minimum": 1}, "Points deducted."),
    "reason": ({"type": "string"}, "Why, in English."),
    "rule": (
        {"type": "string", "pattern": f"^R[1-9][0-9]*{END}"},
        "The numbered decision of the rules (docs/rules.md) applied, e.g. R10.",
    ),
    "reason_zh": ({"type": "string"}, "Why, in Chinese."),
}
"""A deduction's keys: their schemas and descriptions."""

_ITEM_KEYS: Final[dict[str, tuple[dict[str, Any], str]]] = {
    "code": (ref("ItemCode"), "The item's code (the table of the rules page)."),
    "kind": ({"enum": [k.code for k in ItemKind]}, "Base or bonus."),
    "max": (_COUNT, "Full points (base item) or cap (bonus item)."),
    "raw": (_COUNT, "Points earned before the cap (bonus items only)."),
    "points": (_COUNT, "What counts."),
    "deductions": (
        {"type": "array", "items": ref("Deduction")},
        "Every deduction, in order (base items only).",
    ),
    "notes": (_TEXTS, "Notes in English."),
    "notes_zh": (_TEXTS, "The same notes in Chinese."),
}
"""An item's keys."""

_CARD_KEYS: Final[dict[str, tuple[dict[str, Any], str]]] = {
    "community_id": (_TEXT, "The community's id."),
    "community_name": (_TEXT, "Its name."),
    "district": (_TEXT, "Its district (区(市、县))."),
    "pilot_level": (ref("PilotLevel"), "Its pilot batch."),
    "base": (_COUNT, "The sum of the base items, at most the base cap (R16)."),
    "bonus": (_COUNT, "The sum of the bonus items, at most the bonus cap (R16)."),
    "total": (_COUNT, "Base plus bonus (R16)."),
    "items": ({"type": "array"}, "All ten items, in the order of the rules page's table."),
    "notes": (_TEXTS, "Notes on the whole card, in English (only when there are some)."),
    "notes_zh": (_TEXTS, "The same notes in Chinese."),
    "rulebook": (_TEXT, "JSON Lines only: the edition that produced the score (EDITIONS.md)."),
    "rulebook_hash": (_HASH, "JSON Lines only: the edition's content hash."),
}
"""A scorecard's keys."""

_HEAD_KEYS: Final[dict[str, tuple[dict[str, Any], str]]] = {
    "format": ({"const": SCORECARDS_FORMAT}, "The format."),
    "rulebook": (_TEXT, "The edition of the rules that produced the scores."),
    "rulebook_hash": (_HASH, "Its content hash: sha256 of its file, 12 hex digits (EDITIONS.md)."),
    "rulebook_note": (_TEXT, "Only when the period began before the edition came into force."),
    "rulebook_note_zh": (_TEXT, "The same note in Chinese."),
    "period": (ref("Period"), "The assessment period."),
    "as_of": (ref("Month"), "Scored as of this month (R2); absent for the whole period."),
    "scorecards": (
        {"type": "array", "items": ref("Scorecard")},
        "One per community, in input order.",
    ),
}
"""A scorecards document's keys."""


def _closed(
    keys: dict[str, tuple[dict[str, Any], str]], written: dict[str, Any], always: dict[str, Any]
) -> dict[str, Any]:
    """An object of the keys *written* (in their order); required those written *always*.

    Keys written only sometimes are written together (``dependentRequired``).
    """
    sometimes = [name for name in written if name not in always]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {name: {**keys[name][0], "description": keys[name][1]} for name in written},
        "required": list(always),
        "additionalProperties": False,
    }
    if len(sometimes) > 1:
        schema["dependentRequired"] = {
            name: [other for other in sometimes if other != name] for name in sometimes
        }
    return schema


def _item_schema(kind: ItemKind) -> dict[str, Any]:
    code = next(c for c, k in ITEM_KINDS.items() if k is kind)
    written = CONVERTER.unstructure(ItemScore(code=code, kind=kind, max=0, raw=0, points=0))
    schema = _closed(_ITEM_KEYS, written, written)
    properties = schema["properties"]
    properties["kind"] = {"const": kind.code, "description": properties["kind"]["description"]}
    if kind is ItemKind.BONUS:  # the bonus stage deducts nothing (R16)
        properties["deductions"]["maxItems"] = 0
    return {
        "title": f"{kind.label_en.capitalize()} item",
        "description": f"A {kind.label_en} item ({kind.label}).",
        **schema,
    }


def _items() -> dict[str, Any]:
    """The ten items in the order of the rules page's table, each of its kind.

    Written for ajv's strict mode too: each entry states ``type`` next to its
    ``properties`` (strictTypes: the ``allOf`` reference does not count), and
    the tuple is closed by ``minItems`` and ``items: false`` (strictTuples).
    """
    prefix = [
        {
            "type": "object",
            "allOf": [ref(f"{ITEM_KINDS[code].label_en.capitalize()}Item")],
            "properties": {"code": {"const": code.code, "title": code.label}},
        }
        for code in ItemCode
    ]
    return {"prefixItems": prefix, "items": False, "minItems": len(prefix)}


def scorecards_schema() -> dict[str, Any]:
    """Return the JSON Schema of a scorecards document (the format page, output).

    Returns:
        The schema, as a JSON-ready dict.
    """
    builder = Builder()
    builder.common()
    builder.type_schema(Period)
    builder.type_schema(Month)
    builder.define(ItemCode.__name__, lambda: enum_schema(ItemCode))
    builder.define(PilotLevel.__name__, lambda: enum_schema(PilotLevel))
    message = ReadText.MISSING()  # any message: the samples' texts are not kept
    deduction = CONVERTER.unstructure(Deduction(1, message, "R1"))
    builder.defs["Deduction"] = {
        "title": "Deduction",
        "description": "Points taken off a base item, with the reason and the decision.",
        **_closed(_DEDUCTION_KEYS, deduction, deduction),
    }
    for kind in ItemKind:
        builder.defs[f"{kind.label_en.capitalize()}Item"] = _item_schema(kind)
    card = Scorecard("", "", "", PilotLevel.PROVINCIAL, (), 0, 0, 0)
    stamp = {"rulebook": "", "rulebook_hash": ""}
    card_schema = _closed(
        _CARD_KEYS,
        CONVERTER.unstructure(attrs.evolve(card, notes=(message,))) | stamp,
        CONVERTER.unstructure(card),
    )
    card_schema["dependentRequired"] = _pairs(("notes", "notes_zh"), ("rulebook", "rulebook_hash"))
    card_schema["properties"]["items"].update(_items())
    builder.defs["Scorecard"] = {
        "title": "Scorecard",
        "description": "The itemised score of one community.",
        **card_schema,
    }
    month = Month(FIRST_YEAR, 1)
    head = Scorecards("", Period(month, month), None, ())
    head_schema = _closed(
        _HEAD_KEYS,
        CONVERTER.unstructure(attrs.evolve(head, as_of=month, rulebook_note=message)),
        CONVERTER.unstructure(head),
    )
    head_schema["dependentRequired"] = _pairs(("rulebook_note", "rulebook_note_zh"))
    return {
        "$schema": DRAFT,
        "$id": schema_id("scorecards"),
        "title": f"youthaction-scoring scorecards (format {SCORECARDS_FORMAT})",
        "$comment": "Not expressible here: " + "; ".join(NOT_IN_SCORECARDS_SCHEMA),
        **head_schema,
        "$defs": dict(sorted(builder.defs.items())),
    }
