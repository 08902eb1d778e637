"""What both JSON Schemas share: patterns, enums, docstrings, and the generator of ``$defs``.

The patterns are written in the common subset of ECMA-262 and Python regular
expressions (no digit or space classes and no ``$``, whose meanings differ
between the two), so browsers and Python validators agree.

Both schemas also compile in ajv's strict mode: only draft 2020-12 keywords,
every keyword specific to a type next to that ``type`` in the same schema
object, tuples closed, every required property listed in ``properties``
(``tests/test_schema_strict.py`` checks it, and runs ``ci/ajv``).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
import re
import types
import typing
import unicodedata
from typing import Any, Final, Literal

import attrs

from ..._domain import checks
from ..._domain.calendar import Month
from ..._domain.codes import CodedEnum, RecognitionKind
from ..._domain.limits import FIRST_YEAR, LAST_YEAR, MAX_COUNT, MAX_PERIOD_MONTHS, MAX_TEXT
from ..._domain.model import RECOGNITION_CLASSES, Recognition

Document = Literal["assessment", "scorecards"]
"""Which document a schema describes: the input or the output."""

DOCUMENTS: Final[tuple[Document, ...]] = ("assessment", "scorecards")

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

SCHEMA_BASE_URL: Final = "https://youthaction-scoring.readthedocs.io/en/latest/"
"""Where the documentation site publishes the generated schemas (``docs/conf.py``).

Each schema's ``$id`` is its own address there (:func:`schema_id`), so a
validator or an editor can fetch a schema by its id.
"""


def schema_id(document: Document) -> str:
    """Return the ``$id`` of *document*'s schema: its URL on the documentation site.

    Args:
        document: ``"assessment"`` or ``"scorecards"``.

    Returns:
        :data:`SCHEMA_BASE_URL` followed by ``DOCUMENT.schema.json``, the file
        name ``docs/conf.py`` publishes it under.

    >>> schema_id("scorecards")
    'https://youthaction-scoring.readthedocs.io/en/latest/scorecards.schema.json'
    """
    return f"{SCHEMA_BASE_URL}{document}.schema.json"


# Every character Python's ``str.strip()`` removes (``str.isspace()``),
# spelled out, because ``\s`` differs between ECMA-262 and Python.
# A test checks this list against every code point.
SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_NOT_SPACE: Final = "[^" + "".join(f"\\u{ord(c):04x}" for c in SPACES) + "]"

END: Final = "(?![\\s\\S])"
"""End of text in both dialects (Python's ``$`` also matches before a final newline)."""

_CENTURIES: Final = range(FIRST_YEAR // 100, LAST_YEAR // 100 + 1)
"""The centuries of the format's years (the limits are whole centuries)."""
_YEAR: Final = "(?:" + "|".join(map(str, _CENTURIES)) + ")[0-9]{2}"
"""A year of the format's limits."""
_LEAP_YEAR: Final = (
    "(?:"
    + "|".join(
        f"{c}(?:{'[02468][048]' if c % 4 == 0 else '0[48]|[2468][048]'}|[13579][26])"
        for c in _CENTURIES
    )
    + ")"
)
"""A leap year of the format's limits (a century year only when divisible by 400)."""
_MONTH_DAY: Final = (
    "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)"
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))"
)

DATE_PATTERN: Final = f"^(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29){END}"
"""A real ``YYYY-MM-DD`` date of the format's years (leap years included), so validators
that do not check ``format`` still refuse ``2021-02-30``."""

MONTH_PATTERN: Final = f"^{_YEAR}-(?:0[1-9]|1[0-2]){END}"
"""A real ``YYYY-MM`` month of the format's years."""

_YEARS: Final = f"{FIRST_YEAR}-{LAST_YEAR}"
"""The format's years, for descriptions."""

_REFUSED: Final = "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ud800-\\udfff"
"""Control characters but tab, line feed and carriage return, and lone surrogates."""

TEXT_PATTERN: Final = f"^(?=[\\s\\S]*{_NOT_SPACE})[^{_REFUSED}]*{END}"
"""Required text: a character that is not white space, and no refused character."""


@functools.lru_cache(maxsize=1)
def identifier_pattern() -> str:
    """An id: no white space, control or format character (R17), as a pattern.

    The format characters (Unicode category Cf) are listed from the running
    Python's Unicode database, so the pattern and the converter agree.
    """
    ranges: list[tuple[int, int]] = []
    for code in range(0x110000):
        character = chr(code)
        if character.isspace() or unicodedata.category(character) in ("Cc", "Cf", "Cs"):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))

    def escaped(code: int) -> str:
        # Beyond the BMP, the character itself: ``\\u{...}`` is ECMA-262 only.
        return f"\\u{code:04x}" if code <= 0xFFFF else chr(code)

    parts = "".join(
        escaped(low) if low == high else f"{escaped(low)}-{escaped(high)}" for low, high in ranges
    )
    return f"^[^{parts}]+{END}"


NOT_IN_SCHEMA: Final[tuple[str, ...]] = (
    "community ids are unique across `communities` (JSON Schema's `uniqueItems` "
    "compares whole objects, not one key)",
    "`period.start` is not after `period.end`, and the period is at most "
    f"{MAX_PERIOD_MONTHS} months long (JSON Schema cannot compare two values)",
    "numbers written with a fraction, such as `1.0`, are not whole numbers "
    "(JSON Schema's `integer` accepts `1.0`; the converter refuses it)",
    "an object key must not appear twice (a JSON parser keeps only the last one "
    "before a validator sees it)",
    "a text fits a spreadsheet cell as the cell stores it, where a carriage return or a "
    "literal `_xHHHH_` takes 7 characters (`maxLength` counts each as one)",
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


def summary(obj: object) -> str:
    """The first paragraph of *obj*'s docstring, on one line."""
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


def ref(name: str) -> dict[str, Any]:
    """A reference to ``$defs/name``."""
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
        "description": summary(cls),
        "type": "string",
        "enum": [m.code for m in cls],
        "oneOf": [{"const": m.code, "title": m.label, "description": m.label_en} for m in cls],
    }


class Builder:
    """Walks model classes, collecting ``$defs``."""

    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def define(self, name: str, make: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        """Define ``$defs/name`` once (made by *make*); return a reference to it."""
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: recursion stops here
            self.defs[name] = make()
        return ref(name)

    def common(self) -> None:
        """Define what every document uses: required text."""
        self.define(
            "Text",
            lambda: {
                "description": (
                    "Text with at least one character that is not white space, at most"
                    f" {MAX_TEXT:,} characters, no control character but tab, line feed and"
                    " carriage return."
                ),
                "type": "string",
                "minLength": 1,
                "maxLength": MAX_TEXT,
                "pattern": TEXT_PATTERN,
            },
        )

    def type_schema(self, tp: Any) -> dict[str, Any]:
        """Return the schema of a model type (defining what it needs)."""
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if tp is str:
            return self.define("Text", dict)  # defined by common()
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
        if tp is dt.date:
            return self.define(
                "Date",
                lambda: {
                    "description": f"A real date written YYYY-MM-DD, in the years {_YEARS}.",
                    "type": "string",
                    "format": "date",
                    "pattern": DATE_PATTERN,
                },
            )
        if tp is Month:
            return self.define(
                "Month",
                lambda: {
                    "description": f"A calendar month written YYYY-MM, in the years {_YEARS}.",
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
        """Return the schema of an attrs class: its fields, documented by its docstring."""
        hints = typing.get_type_hints(cls)
        docs = field_docs(cls)
        properties: dict[str, Any] = dict(extra or {})
        required = list(properties)
        for field in attrs.fields(cls):
            if field.name in skip:
                continue
            if any(isinstance(v, checks.Identifier) for v in checks.validators_of(field)):
                schema = dict(self.define("Identifier", _identifier))
            else:
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
            "description": summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def recognition(self) -> dict[str, Any]:
        """Return the schema of a recognition: one of its kinds, tagged by ``kind``."""
        choices = []
        for kind, cls in RECOGNITION_CLASSES.items():
            kind_const = {"const": kind.code, "title": kind.label, "description": kind.label_en}
            if cls.__name__ not in self.defs:
                self.defs[cls.__name__] = self.object_schema(cls, extra={"kind": kind_const})
            choices.append(ref(cls.__name__))
        self.define(RecognitionKind.__name__, lambda: enum_schema(RecognitionKind))
        return {
            "title": "Recognition",
            "description": "A leader's instruction or a media publication, tagged by `kind`.",
            "type": "object",
            "required": ["kind"],
            "properties": {"kind": ref(RecognitionKind.__name__)},
            "oneOf": choices,
        }


def _identifier() -> dict[str, Any]:
    return {
        "description": "An id: no white space, control or format character (R17).",
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_TEXT,
        "pattern": identifier_pattern(),
    }


def _default(default: Any) -> Any:
    """A field's default as JSON (``()`` → ``[]``, a factory → ``{}``)."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return {}
    if isinstance(default, tuple):
        return list(default)
    return default
