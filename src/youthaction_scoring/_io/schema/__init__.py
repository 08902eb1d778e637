"""JSON Schema (draft 2020-12) of the interchange format, generated, never kept by hand.

The assessment schema is generated from the model (:mod:`.assessment`), the
scorecards schema from what the converter's scorecard hooks write
(:mod:`.scorecards`). What JSON Schema cannot say is listed in
:data:`~.common.NOT_IN_SCHEMA`: the converter refuses more than the schema.
"""

from __future__ import annotations

from typing import Any

from .assessment import assessment_schema
from .common import (
    DATE_PATTERN,
    DOCUMENTS,
    MONTH_PATTERN,
    NOT_IN_SCHEMA,
    NOT_IN_SCORECARDS_SCHEMA,
    SCHEMA_BASE_URL,
    TEXT_PATTERN,
    Document,
    enum_schema,
    field_docs,
    schema_id,
)
from .scorecards import scorecards_schema

__all__ = [
    "DATE_PATTERN",
    "DOCUMENTS",
    "MONTH_PATTERN",
    "NOT_IN_SCHEMA",
    "NOT_IN_SCORECARDS_SCHEMA",
    "SCHEMA_BASE_URL",
    "TEXT_PATTERN",
    "Document",
    "assessment_schema",
    "enum_schema",
    "field_docs",
    "json_schema",
    "schema_id",
    "scorecards_schema",
]


def json_schema(document: Document = "assessment") -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an interchange document.

    The schema is generated from the model each time, so it always matches
    the installed version. Some checks of the converter cannot be expressed
    in JSON Schema (unique community ids, ``start`` not after ``end``, ...);
    the schema page of the docs lists them.

    Args:
        document: ``"assessment"`` (the input, the format page) or
            ``"scorecards"`` (the output of ``score --format json``).

    Returns:
        The schema, as a JSON-ready dict.

    Raises:
        ValueError: *document* is neither.

    >>> schema = json_schema()
    >>> schema["$defs"]["Brand"]["oneOf"][0]
    {'const': 'beautiful', 'title': '美丽社区', 'description': 'beautiful community'}
    """
    if document == "assessment":
        return assessment_schema()
    if document == "scorecards":
        return scorecards_schema()
    raise ValueError(f"unknown document {document!r}; expected one of {', '.join(DOCUMENTS)}")
