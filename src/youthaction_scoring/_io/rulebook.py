"""The rulebook as a JSON document: its edition, its amounts and its items.

Generated from :class:`~.._rules.rulebook.Rulebook` and the clause records
(:mod:`.._rules.clauses`), never kept by hand: a new amount or clause appears
here, and in the schema below, by itself. The scoring service answers
``GET /v1/rulebook`` with it.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .._domain.codes import ItemKind
from .._rules.clauses import CLAUSES, max_points, max_total
from .._rules.rulebook import GUIYANG_2021, Rulebook

RULEBOOK_FORMAT: Final = "youthaction-scoring/rulebook/1"
"""The ``format`` stamp of the rulebook document."""


def _names(kind: type) -> list[str]:
    """The :class:`Rulebook` fields holding an amount (``int``) or a term (``str``)."""
    names = [field.name for field in attrs.fields(Rulebook) if field.name != "edition"]
    return [name for name in names if type(getattr(GUIYANG_2021, name)) is kind]


def _amount_names() -> list[str]:
    return _names(int)


def rulebook_document(rulebook: Rulebook = GUIYANG_2021) -> dict[str, Any]:
    """Return *rulebook* as a JSON-ready document.

    Args:
        rulebook: The amounts (by default the Guiyang 2021 edition).

    Returns:
        ``format``, ``edition``, ``amounts`` (every whole-number
        :class:`Rulebook` field by name), ``terms`` (its other texts, such as
        the marker an activity's title carries), ``items`` (each clause:
        code, kind, titles, its maximum under this rulebook, the amount that
        gives it, and the R-decisions it applies) and ``max_total`` (R16).
    """
    return {
        "format": RULEBOOK_FORMAT,
        "edition": rulebook.edition,
        "amounts": {name: getattr(rulebook, name) for name in _amount_names()},
        "terms": {name: getattr(rulebook, name) for name in _names(str)},
        "items": [
            {
                "code": clause.code.code,
                "kind": clause.kind.code,
                "title": {"zh": clause.code.label, "en": clause.code.label_en},
                "max": max_points(rulebook, clause.code),
                "amount": clause.maximum,
                "decisions": list(clause.decisions),
            }
            for clause in CLAUSES
        ],
        "max_total": max_total(rulebook),
    }


def rulebook_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of :func:`rulebook_document`."""
    count = {"type": "integer", "minimum": 0}
    text = {"type": "string", "minLength": 1}
    item = {
        "type": "object",
        "properties": {
            "code": {"enum": [clause.code.code for clause in CLAUSES]},
            "kind": {"enum": [kind.code for kind in ItemKind]},
            "title": {
                "type": "object",
                "properties": {"zh": text, "en": text},
                "required": ["zh", "en"],
                "additionalProperties": False,
            },
            "max": count,
            "amount": {"enum": _amount_names()},
            "decisions": {"type": "array", "items": {"type": "string", "pattern": "^R[0-9]+$"}},
        },
        "required": ["code", "kind", "title", "max", "amount", "decisions"],
        "additionalProperties": False,
    }
    names = _amount_names()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "youthaction-scoring rulebook",
        "type": "object",
        "properties": {
            "format": {"const": RULEBOOK_FORMAT},
            "edition": text,
            "amounts": {
                "type": "object",
                "properties": dict.fromkeys(names, count),
                "required": names,
                "additionalProperties": False,
            },
            "terms": {
                "type": "object",
                "properties": dict.fromkeys(_names(str), text),
                "required": _names(str),
                "additionalProperties": False,
            },
            "items": {"type": "array", "items": item},
            "max_total": count,
        },
        "required": ["format", "edition", "amounts", "terms", "items", "max_total"],
        "additionalProperties": False,
    }
