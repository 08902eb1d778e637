"""The rulebook as a JSON document: its edition, its citation, its amounts and its items.

Generated from the edition (:class:`~.._rules.rulebook.Rulebook`) and the
clause records (:mod:`.._rules.clauses`), never kept by hand: a new amount or
clause appears here by itself. The scoring service answers
``GET /v1/rulebook`` with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from .._domain.codes import ItemKind
from .._rules.clauses import CLAUSES, max_points, max_total
from .._rules.editions import edition_for
from .._rules.rulebook import Rulebook

RULEBOOK_FORMAT: Final = "youthaction-scoring/rulebook/2"
"""The ``format`` stamp of the rulebook document (2: editions as files, amounts per item)."""

_META: Final = ("title", "issued_by", "issued", "in_force", "supersedes", "note")


def _amounts(rulebook: Rulebook, code: Any) -> dict[str, Any]:
    """An item's amounts by their keys in the edition's file (``clause`` aside)."""
    amounts = rulebook.item(code)
    return {f.name: getattr(amounts, f.name) for f in attrs.fields(type(amounts))[1:]}


def rulebook_document(rulebook: Rulebook | None = None) -> dict[str, Any]:
    """Return *rulebook* as a JSON-ready document.

    Args:
        rulebook: The edition (by default the one in force today).

    Returns:
        ``format``, ``edition`` (its name), ``hash``, its citation
        (``title``, ``issued_by``, ``issued``, ``in_force``, ``supersedes``,
        ``note``), ``totals`` (the caps of R16), ``items`` (each clause:
        code, kind, titles, where the document states it, its amounts by
        their keys in the edition's file, its maximum under this edition and
        the R-decisions it applies) and ``max_total`` (R16).
    """
    if rulebook is None:
        from .._domain.calendar import Month, Period

        today = Month.of(dt.date.today())
        rulebook = edition_for(Period(today, today))
    meta = {key: getattr(rulebook, key) for key in _META}
    return {
        "format": RULEBOOK_FORMAT,
        "edition": rulebook.name,
        "hash": rulebook.hash,
        **{key: str(value) if isinstance(value, dt.date) else value for key, value in meta.items()},
        "totals": {"base_cap": rulebook.base_cap, "bonus_cap": rulebook.bonus_cap},
        "items": [
            {
                "code": clause.code.code,
                "kind": clause.kind.code,
                "title": {"zh": clause.code.label, "en": clause.code.label_en},
                "clause": rulebook.item(clause.code).clause,
                "amounts": _amounts(rulebook, clause.code),
                "max": max_points(rulebook, clause.code),
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
    day = {"type": "string", "format": "date"}
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
            "clause": text,
            "amounts": {
                "type": "object",
                "description": "The item's amounts, by their keys in the edition's file.",
                "additionalProperties": {"anyOf": [count, text]},
            },
            "max": count,
            "decisions": {"type": "array", "items": {"type": "string", "pattern": "^R[0-9]+$"}},
        },
        "required": ["code", "kind", "title", "clause", "amounts", "max", "decisions"],
        "additionalProperties": False,
    }
    caps = ["base_cap", "bonus_cap"]
    properties: dict[str, Any] = {
        "format": {"const": RULEBOOK_FORMAT},
        "edition": {"type": "string", "pattern": "^[a-z0-9-]{1,64}$"},
        "hash": {"type": "string", "pattern": "^[0-9a-f]{12}$"},
        "title": text,
        "issued_by": text,
        "issued": day,
        "in_force": day,
        "supersedes": {"type": "string"},
        "note": {"type": "string"},
        "totals": {
            "type": "object",
            "properties": dict.fromkeys(caps, count),
            "required": caps,
            "additionalProperties": False,
        },
        "items": {"type": "array", "items": item},
        "max_total": count,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "youthaction-scoring rulebook",
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
