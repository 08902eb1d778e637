"""The JSON Schema of an assessment, generated from the model.

It walks the attrs classes of :mod:`..._domain.model` (field types, defaults,
docstrings) and the coded enums (codes, Chinese labels as titles, English
labels as descriptions), so a field added to the model appears in the schema
without anyone remembering to edit it.
"""

from __future__ import annotations

from typing import Any

from ..._domain.calendar import Month
from ..._domain.codes import ItemCode
from ..._domain.expectations import TOTAL_KEYS
from ..._domain.model import Assessment
from ..converter import ASSESSMENT_FORMAT
from ..expected import highest
from .common import DRAFT, NOT_IN_SCHEMA, Builder, field_docs, ref, schema_id


def assessment_schema() -> dict[str, Any]:
    """Return the JSON Schema of an assessment document (the format page, input)."""
    builder = Builder()
    builder.common()
    top = builder.object_schema(
        Assessment,
        extra={"format": {"const": ASSESSMENT_FORMAT, "description": "The format's version."}},
        skip=("description", "expected"),
    )
    top["properties"]["description"] = {
        **ref("Text"),
        "description": field_docs(Assessment)["description"],
    }
    top["properties"]["expected"] = {
        "type": "array",
        "items": builder.define("Expected", lambda: _expected(builder)),
        "default": [],
        "description": field_docs(Assessment)["expected"],
    }
    return {
        "$schema": DRAFT,
        "$id": schema_id("assessment"),
        **top,
        "title": "youthaction-scoring assessment (format youthaction-scoring/1)",
        "$comment": "Generated from the model; not expressible here: " + "; ".join(NOT_IN_SCHEMA),
        "$defs": dict(sorted(builder.defs.items())),
    }


def _points(key: ItemCode | str) -> dict[str, Any]:
    return {"type": "integer", "minimum": 0, "maximum": highest(key)}


def _expected(builder: Builder) -> dict[str, Any]:
    """An expected row: what it leaves out is not checked (no ``null``)."""
    items = {code.code: _points(code) for code in ItemCode}
    return {
        "title": "Expected",
        "description": "Scores computed by hand for one community (and as-of month), for check.",
        "type": "object",
        "properties": {
            "community": builder.define("Identifier", dict),
            "as_of": {**builder.type_schema(Month), "description": "As of this month (R2)."},
            "items": {"type": "object", "properties": items, "additionalProperties": False},
            **{key: _points(key) for key in TOTAL_KEYS},
        },
        "required": ["community"],
        "additionalProperties": False,
    }
