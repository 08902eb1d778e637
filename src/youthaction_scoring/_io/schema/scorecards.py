"""The JSON Schema of a scorecards document, generated from the wire's key tables.

Every property, its schema and its description come from the tables of
:mod:`..scorecards` that the writers are generated from, so the schema
describes exactly what is written. Whether a conditional key is present
(``raw`` on a bonus item only, card notes only when there are some) is read
from the key's own condition, evaluated on a sample value of each kind.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Sequence
from typing import Any

from ..._domain.calendar import Month
from ..._domain.codes import ItemCode, ItemKind, PilotLevel
from ..._domain.model import Assessment
from ..._domain.scorecard import ItemScore
from ..._rules.clauses import ITEM_KINDS
from ..scorecards import (
    DEDUCTION_KEYS,
    HEADER_KEYS,
    ITEM_KEYS,
    SCORECARD_KEYS,
    SCORECARDS_FORMAT,
    Key,
)
from .common import DRAFT, NOT_IN_SCORECARDS_SCHEMA, Builder, enum_schema, ref, schema_id


def _closed(properties: dict[str, Any], required: list[str], **more: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        **more,
    }


def _properties(keys: Sequence[Key], present: Callable[[Key], bool]) -> dict[str, Any]:
    """The properties of the keys for which *present* holds, each with its description."""
    return {k.name: {**k.schema, "description": k.description} for k in keys if present(k)}


def _conditions(keys: Sequence[Key]) -> dict[str, list[str]]:
    """``dependentRequired`` of conditional keys: keys present under one condition go together."""
    groups: dict[int, list[str]] = {}
    for key in keys:
        if key.when is not None:
            groups.setdefault(id(key.when), []).append(key.name)
    return {
        name: [other for other in names if other != name]
        for names in groups.values()
        if len(names) > 1
        for name in names
    }


def _item_schema(kind: ItemKind) -> dict[str, Any]:
    code = next(c for c, k in ITEM_KINDS.items() if k is kind)
    sample = ItemScore(code=code, kind=kind, max=0, raw=0, points=0)
    present = [k for k in ITEM_KEYS if k.when is None or k.when(sample)]
    properties = _properties(present, lambda _k: True)
    properties["kind"] = {"const": kind.code, "description": properties["kind"]["description"]}
    if kind is ItemKind.BONUS:  # the bonus stage deducts nothing (R16)
        properties["deductions"]["maxItems"] = 0
    return {
        "title": f"{kind.label_en.capitalize()} item",
        "description": f"A {kind.label_en} item ({kind.label}).",
        **_closed(properties, [k.name for k in present]),
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
    builder.type_schema(typing.get_type_hints(Assessment)["period"])
    builder.type_schema(Month)
    builder.define(ItemCode.__name__, lambda: enum_schema(ItemCode))
    builder.define(PilotLevel.__name__, lambda: enum_schema(PilotLevel))
    builder.define(
        "Deduction",
        lambda: {
            "title": "Deduction",
            "description": "Points taken off a base item, with the reason and the decision.",
            **_closed(
                _properties(DEDUCTION_KEYS, lambda _k: True), [k.name for k in DEDUCTION_KEYS]
            ),
        },
    )
    for kind in ItemKind:
        builder.defs[f"{kind.label_en.capitalize()}Item"] = _item_schema(kind)
    card_properties = _properties(SCORECARD_KEYS, lambda _k: True)
    card_properties["items"].update(_items())
    builder.define(
        "Scorecard",
        lambda: {
            "title": "Scorecard",
            "description": "The itemised score of one community.",
            **_closed(
                card_properties,
                [k.name for k in SCORECARD_KEYS if k.when is None],
                dependentRequired=_conditions(SCORECARD_KEYS),
            ),
        },
    )
    top = _properties(HEADER_KEYS, lambda _k: True)
    top["scorecards"] = {
        "type": "array",
        "items": ref("Scorecard"),
        "description": "One per community, in input order.",
    }
    required = [k.name for k in HEADER_KEYS if k.when is None] + ["scorecards"]
    return {
        "$schema": DRAFT,
        "$id": schema_id("scorecards"),
        "title": f"youthaction-scoring scorecards (format {SCORECARDS_FORMAT})",
        "$comment": "Not expressible here: " + "; ".join(NOT_IN_SCORECARDS_SCHEMA),
        **_closed(top, required),
        "$defs": dict(sorted(builder.defs.items())),
    }
