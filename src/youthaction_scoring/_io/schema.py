"""JSON Schema (draft 2020-12) of the interchange format, generated from the model.

The assessment schema is *derived*, not kept by hand: it walks the attrs
classes of :mod:`._model` (field types, defaults, docstrings) and the
:class:`~._codes.CodedEnum` enums (codes, Chinese labels as titles, English
labels as descriptions), so a field added to the model appears in the schema
without anyone remembering to edit it. The scorecards schema is built from
the same enums and from the clause records (:data:`~.._rules.clauses.ITEM_KINDS`).

Patterns are written in the common subset of ECMA-262 and Python regular
expressions (no digit or space classes and no ``$``, whose meanings differ between the
two), so browsers and Python validators agree.

What JSON Schema cannot say is documented in :data:`NOT_IN_SCHEMA` and on
the schema page of the docs: the converter refuses more than the schema.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from typing import Any, Final, Literal

import attrs

from .._domain.calendar import Month
from .._domain.codes import CodedEnum, ItemCode, ItemKind, PilotLevel, RecognitionKind
from .._domain.model import RECOGNITION_CLASSES, Assessment, Recognition
from .._rules.clauses import ITEM_KINDS
from .converter import ASSESSMENT_FORMAT
from .scorecards import SCORECARDS_FORMAT

Document = Literal["assessment", "scorecards"]
"""Which document a schema describes: the input or the output."""

DOCUMENTS: Final[tuple[Document, ...]] = ("assessment", "scorecards")

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

# Every character Python's ``str.strip()`` removes (``str.isspace()``),
# spelled out, because ``\s`` differs between ECMA-262 and Python.
# A test checks this list against every code point.
_SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NOT_SPACE: Final = "[^" + "".join(f"\\u{ord(c):04x}" for c in _SPACES) + "]"

_END: Final = "(?![\\s\\S])"
"""End of text in both dialects (Python's ``$`` also matches before a final newline)."""

_YEAR: Final = "(?!0000)[0-9]{4}"
_LEAP_YEAR: Final = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)

DATE_PATTERN: Final = f"^(?:{_YEAR}-{_MONTH_DAY}|(?!0000){_LEAP_YEAR}-02-29){_END}"
"""A real ``YYYY-MM-DD`` date (leap years included), so validators that do not
check ``format`` still refuse ``2021-02-30``."""

MONTH_PATTERN: Final = f"^{_YEAR}-(?:0[1-9]|1[0-2]){_END}"
"""A real ``YYYY-MM`` month (year 0001 … 9999)."""

TEXT_PATTERN: Final = _NOT_SPACE
"""At least one character that is not white space (required text is never blank)."""

NOT_IN_SCHEMA: Final[tuple[str, ...]] = (
    "community ids are unique across `communities` (JSON Schema's `uniqueItems` "
    "compares whole objects, not one key)",
    "`period.start` is not after `period.end` (JSON Schema cannot compare two values)",
    "numbers written with a fraction, such as `1.0`, are not whole numbers "
    "(JSON Schema's `integer` accepts `1.0`; the converter refuses it)",
    "an object key must not appear twice (a JSON parser keeps only the last one "
    "before a validator sees it)",
)
"""What the converter refuses and the assessment schema cannot express."""

NOT_IN_SCORECARDS_SCHEMA: Final[tuple[str, ...]] = (
    "an item's `points` are at most its `max`, and `total` is `base + bonus`",
    "`base` and `bonus` are the capped sums of the items (R16)",
)
"""Arithmetic the scorecards schema cannot express (the library guarantees it)."""


# --------------------------------------------------------------------------
# Docstrings → descriptions.
# --------------------------------------------------------------------------

_ARG_RE: Final = re.compile(r"^    (\w+): (.*)$")


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.split("\n\n")[0].replace("\n", " ").strip()


def field_docs(cls: type) -> dict[str, str]:
    """Return each field's description from the ``Args:`` section of *cls*'s docstring.

    Args:
        cls: An attrs class with a Google-style docstring.

    Returns:
        Field name → its description, on one line.
    """
    doc = inspect.getdoc(cls) or ""
    out: dict[str, str] = {}
    current: str | None = None
    in_args = False
    for line in doc.splitlines():
        if line.strip() == "Args:":
            in_args = True
            continue
        if not in_args:
            continue
        if line and not line.startswith(" "):
            break
        match = _ARG_RE.match(line)
        if match:
            current = match[1]
            out[current] = match[2].strip()
        elif current and line.strip():
            out[current] += " " + line.strip()
    return {name: text.replace("``", "`") for name, text in out.items()}


# --------------------------------------------------------------------------
# The generator.
# --------------------------------------------------------------------------


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def enum_schema(cls: type[CodedEnum]) -> dict[str, Any]:
    """Return the schema of a coded enum: its codes, each titled with its Chinese label.

    Args:
        cls: A :class:`CodedEnum`.

    Returns:
        ``{"type": "string", "enum": [...], "oneOf": [{"const", "title",
        "description"}, ...]}``: ``enum`` for plain validators, ``oneOf`` for
        form builders that show ``title`` as the choice's label.
    """
    return {
        "title": cls.__name__,
        "description": _summary(cls),
        "type": "string",
        "enum": [m.code for m in cls],
        "oneOf": [{"const": m.code, "title": m.label, "description": m.label_en} for m in cls],
    }


class _Builder:
    """Walks model classes, collecting ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def define(self, name: str, make: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: recursion stops here
            self.defs[name] = make()
        return _ref(name)

    def common(self) -> None:
        self.define(
            "Text",
            lambda: {
                "description": "Text with at least one character that is not white space.",
                "type": "string",
                "minLength": 1,
                "pattern": TEXT_PATTERN,
            },
        )

    def type_schema(self, tp: Any) -> dict[str, Any]:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            return self.define("Text", dict)  # defined by common()
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", "minimum": 0}
        if tp is dt.date:
            return self.define(
                "Date",
                lambda: {
                    "description": "A real date written YYYY-MM-DD.",
                    "type": "string",
                    "format": "date",
                    "pattern": DATE_PATTERN,
                },
            )
        if tp is Month:
            return self.define(
                "Month",
                lambda: {
                    "description": "A calendar month written YYYY-MM.",
                    "type": "string",
                    "pattern": MONTH_PATTERN,
                },
            )
        if tp == Recognition:
            return self.define("Recognition", self.recognition)
        if isinstance(tp, type) and issubclass(tp, CodedEnum):
            enum_cls: type[CodedEnum] = tp
            return self.define(tp.__name__, lambda: enum_schema(enum_cls))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            out: dict[str, Any] = {"type": "array", "items": self.type_schema(args[0])}
            if isinstance(args[0], type) and issubclass(args[0], CodedEnum):
                out["uniqueItems"] = True
            return out
        if origin in (typing.Union, types.UnionType) and type(None) in args:
            (inner,) = (a for a in args if a is not type(None))
            return {"anyOf": [self.type_schema(inner), {"type": "null"}]}
        if isinstance(tp, type) and attrs.has(tp):
            cls: type = tp
            return self.define(tp.__name__, lambda: self.object_schema(cls))
        raise TypeError(f"no JSON Schema for {tp!r}")  # pragma: no cover - a new model type

    def object_schema(
        self, cls: type, *, extra: dict[str, Any] | None = None, skip: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = field_docs(cls)
        properties: dict[str, Any] = dict(extra or {})
        required = list(properties)
        for field in attrs.fields(cls):
            if field.name in skip:
                continue
            schema = dict(self.type_schema(hints[field.name]))
            if field.name in docs:
                schema["description"] = docs[field.name]
            if field.default is attrs.NOTHING:
                required.append(field.name)
            else:
                schema["default"] = _default(field.default)
            properties[field.name] = schema
        return {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def recognition(self) -> dict[str, Any]:
        choices = []
        for kind, cls in RECOGNITION_CLASSES.items():
            kind_const = {"const": kind.code, "title": kind.label, "description": kind.label_en}
            if cls.__name__ not in self.defs:
                self.defs[cls.__name__] = self.object_schema(cls, extra={"kind": kind_const})
            choices.append(_ref(cls.__name__))
        self.define(RecognitionKind.__name__, lambda: enum_schema(RecognitionKind))
        return {
            "title": "Recognition",
            "description": "A leader's instruction or a media publication, tagged by `kind`.",
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": _ref(RecognitionKind.__name__)},
            "oneOf": choices,
        }


def _default(default: Any) -> Any:
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return {}
    if isinstance(default, tuple):
        return list(default)
    return default


def _assessment_schema() -> dict[str, Any]:
    builder = _Builder()
    builder.common()
    top = builder.object_schema(
        Assessment,
        extra={"format": {"const": ASSESSMENT_FORMAT, "description": "The format's version."}},
        skip=("description",),
    )
    top["properties"]["description"] = {
        **_ref("Text"),
        "description": field_docs(Assessment)["description"],
    }
    return {
        "$schema": DRAFT,
        "$id": "urn:youthaction-scoring:assessment:1",
        **top,
        "title": "youthaction-scoring assessment (format youthaction-scoring/1)",
        "$comment": "Generated from the model; not expressible here: " + "; ".join(NOT_IN_SCHEMA),
        "$defs": dict(sorted(builder.defs.items())),
    }


def _closed(properties: dict[str, Any], required: list[str], **more: Any) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        **more,
    }


def _item_schema(kind: ItemKind) -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    texts = {"type": "array", "items": {"type": "string"}}
    properties: dict[str, Any] = {
        "code": _ref(ItemCode.__name__),
        "kind": {"const": kind.code},
        "max": {**count, "description": "Full points (base item) or cap (bonus item)."},
    }
    required = ["code", "kind", "max", "points", "deductions", "notes", "notes_zh"]
    if kind is ItemKind.BONUS:
        properties["raw"] = {**count, "description": "Points earned before the cap."}
        required.insert(3, "raw")
    properties["points"] = {**count, "description": "What counts."}
    properties["deductions"] = {"type": "array", "items": _ref("Deduction")}
    if kind is ItemKind.BONUS:
        properties["deductions"]["maxItems"] = 0
    properties["notes"] = {**texts, "description": "Notes in English."}
    properties["notes_zh"] = {**texts, "description": "The same notes in Chinese."}
    return {
        "title": f"{kind.label_en.capitalize()} item",
        "description": f"A {kind.label_en} item ({kind.label}).",
        **_closed(properties, required),
    }


def scorecards_schema() -> dict[str, Any]:
    """Return the JSON Schema of a scorecards document (FORMAT.md, output).

    Returns:
        The schema, as a JSON-ready dict.
    """
    builder = _Builder()
    builder.common()
    period = builder.type_schema(typing.get_type_hints(Assessment)["period"])
    month = builder.type_schema(Month)
    builder.define(ItemCode.__name__, lambda: enum_schema(ItemCode))
    builder.define(PilotLevel.__name__, lambda: enum_schema(PilotLevel))
    builder.define(
        "Deduction",
        lambda: {
            "title": "Deduction",
            "description": "Points taken off a base item, with the reason and the decision.",
            **_closed(
                {
                    "points": {"type": "integer", "minimum": 1},
                    "reason": {"type": "string", "description": "Why, in English."},
                    "rule": {
                        "type": "string",
                        "pattern": f"^R[1-9][0-9]*{_END}",
                        "description": "The R-decision of RULES.md applied, e.g. R10.",
                    },
                    "reason_zh": {"type": "string", "description": "Why, in Chinese."},
                },
                ["points", "reason", "rule", "reason_zh"],
            ),
        },
    )
    for kind in ItemKind:
        builder.defs[f"{kind.label_en.capitalize()}Item"] = _item_schema(kind)
    items = [
        {
            "allOf": [_ref(f"{ITEM_KINDS[code].label_en.capitalize()}Item")],
            "properties": {"code": {"const": code.code, "title": code.label}},
        }
        for code in ItemCode
    ]
    count = {"type": "integer", "minimum": 0}
    texts = {"type": "array", "items": {"type": "string"}}
    builder.define(
        "Scorecard",
        lambda: {
            "title": "Scorecard",
            "description": "The itemised score of one community.",
            **_closed(
                {
                    "community_id": builder.type_schema(str),
                    "community_name": builder.type_schema(str),
                    "district": builder.type_schema(str),
                    "pilot_level": _ref(PilotLevel.__name__),
                    "base": count,
                    "bonus": count,
                    "total": count,
                    "items": {
                        "type": "array",
                        "description": "All ten items, in the order of RULES.md's table.",
                        "prefixItems": items,
                        "items": False,
                        "minItems": len(items),
                    },
                    "notes": {**texts, "description": "Notes on the whole card, in English."},
                    "notes_zh": {**texts, "description": "The same notes in Chinese."},
                },
                [
                    "community_id",
                    "community_name",
                    "district",
                    "pilot_level",
                    "base",
                    "bonus",
                    "total",
                    "items",
                ],
                dependentRequired={"notes": ["notes_zh"], "notes_zh": ["notes"]},
            ),
        },
    )
    top = _closed(
        {
            "format": {"const": SCORECARDS_FORMAT},
            "rulebook": {
                **builder.type_schema(str),
                "description": "The edition of the rules that produced the scores.",
            },
            "period": period,
            "as_of": {**month, "description": "Scored as of this month (R2)."},
            "description": {"type": "string", "description": "The input's description."},
            "scorecards": {
                "type": "array",
                "items": _ref("Scorecard"),
                "description": "One per community, in input order.",
            },
        },
        ["format", "rulebook", "period", "scorecards"],
    )
    return {
        "$schema": DRAFT,
        "$id": "urn:youthaction-scoring:scorecards:1",
        "title": "youthaction-scoring scorecards (format youthaction-scoring/scorecards/1)",
        "$comment": "Not expressible here: " + "; ".join(NOT_IN_SCORECARDS_SCHEMA),
        **top,
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema(document: Document = "assessment") -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of an interchange document.

    The schema is generated from the model each time, so it always matches
    the installed version. Some checks of the converter cannot be expressed
    in JSON Schema (unique community ids, ``start`` not after ``end``, ...);
    the schema page of the docs lists them.

    Args:
        document: ``"assessment"`` (the input, FORMAT.md) or
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
        return _assessment_schema()
    if document == "scorecards":
        return scorecards_schema()
    raise ValueError(f"unknown document {document!r}; expected one of {', '.join(DOCUMENTS)}")
