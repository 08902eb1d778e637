"""The JSON Schema of an assessment, generated from the model.

It walks the attrs classes of :mod:`..._domain.model` (field types, defaults,
docstrings) and the coded enums (codes, Chinese labels as titles, English
labels as descriptions), so a field added to the model appears in the schema
without anyone remembering to edit it.
"""

from __future__ import annotations

from typing import Any

from ..._domain.model import Assessment
from ..converter import ASSESSMENT_FORMAT
from .common import DRAFT, NOT_IN_SCHEMA, Builder, field_docs, ref, schema_id


def assessment_schema() -> dict[str, Any]:
    """Return the JSON Schema of an assessment document (the format page, input)."""
    builder = Builder()
    builder.common()
    top = builder.object_schema(
        Assessment,
        extra={"format": {"const": ASSESSMENT_FORMAT, "description": "The format's version."}},
        skip=("description",),
    )
    top["properties"]["description"] = {
        **ref("Text"),
        "description": field_docs(Assessment)["description"],
    }
    return {
        "$schema": DRAFT,
        "$id": schema_id("assessment"),
        **top,
        "title": "youthaction-scoring assessment (format youthaction-scoring/1)",
        "$comment": "Generated from the model; not expressible here: " + "; ".join(NOT_IN_SCHEMA),
        "$defs": dict(sorted(builder.defs.items())),
    }
