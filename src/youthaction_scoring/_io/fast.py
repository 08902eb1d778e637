"""A fast reader for valid input, derived from the model, with the converter as its referee.

:func:`community_from_json` turns one JSON Lines community line into a
:class:`~.._domain.model.Community` several times faster than the cattrs
converter of :mod:`.converter` with its detailed validation. It is exactly as
strict, by construction:

* Its readers are *generated* from the model at import time, one per attrs
  class: the keys an object may have (``attrs.fields``), the keys it must
  have (the fields without a default), each field's defaults, and each
  field's checks — taken from the field's *validators*
  (:mod:`.._domain.checks`), with the same predicates, and from its type.
  A validator or a type the generator does not know stops the import, so a
  new check cannot slip past it (and ``tests/test_fast_path.py`` enumerates
  every field and every check).
* Because every check of every field has been made, objects are built from
  the checked values without running the validators a second time.
* It only ever *accepts*: the moment anything is off — an unknown or missing
  key, a wrong type, a refused value, a repeated key, JSON its parser
  refuses — it gives up and returns ``None``, and the caller runs the
  converter, the one authority on *what* is wrong and *where*.

Repeated keys: ``orjson`` and ``json.loads`` silently keep the last of two
equal keys in one object, which the format refuses. Every key in JSON text is
followed by exactly one ``:`` outside any string, and no other ``:`` can occur
outside strings (UTF-8 continuation bytes are never ``0x3A``), so the number
of ``:`` bytes in the line is at least the number of keys written, which is
at least the number of keys parsed. When the line's ``:`` count equals the
number of keys read, no key was repeated; otherwise (a repeat, or merely a
``:`` inside some text) the converter decides.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs

from .._domain import checks
from .._domain.calendar import Month
from .._domain.codes import CodedEnum
from .._domain.limits import FIRST_YEAR, LAST_YEAR, MAX_COUNT, SHORT_TEXT
from .._domain.model import Community, Recognition
from .codec import CODEC, JsonCodec
from .primitives import parse_date, read_month, recognition_class


class _Reject(Exception):  # noqa: N818 - a private signal, not an error type
    """Raised inside the fast reader to give up and let the converter decide."""


class _Counter:
    """Counts the keys of every object the reader visits."""

    __slots__ = ("keys",)

    def __init__(self) -> None:
        self.keys = 0


Reader = Callable[[object, _Counter], Any]
"""Reads one parsed JSON value into a model value, or raises."""


@attrs.frozen
class FieldPlan:
    """How the fast reader reads one field (for the tests and for the curious).

    Args:
        name: The field.
        type: Its declared type.
        checks: The checks made, by name: the type's (``"type:str"``) and
            every validator's (``"text"``, ``"count"``, ``"no_repeats"``, …).
        required: Whether the key must be present.
    """

    name: str
    type: Any
    checks: tuple[str, ...]
    required: bool


PLANS: Final[dict[type, tuple[FieldPlan, ...]]] = {}
"""Every class the fast reader reads, with the plan of each of its fields."""


# --------------------------------------------------------------------------
# Per type: the code that reads and checks a value held in ``v``.
# --------------------------------------------------------------------------

_TYPE_CHECKS: Final[dict[Any, str]] = {
    # Each line accepts only what the converter's reader of that type accepts
    # (:mod:`.primitives`); anything else raises, and the converter decides.
    str: "if type(v) is not str: raise _Reject",
    int: "if type(v) is not int: raise _Reject",
    bool: "if type(v) is not bool: raise _Reject",
    dt.date: "v = parse_date(v)",
    Month: "v = read_month(v)",
}


def _value_code(tp: Any, names: dict[str, Any], index: int) -> list[str]:
    """Lines that turn the JSON value ``v`` into a value of *tp* (or raise)."""
    if tp in _TYPE_CHECKS:
        return [_TYPE_CHECKS[tp]]
    if isinstance(tp, type) and issubclass(tp, CodedEnum):
        names[f"members{index}"] = tp._value2member_map_
        return [f"v = members{index}[v] if type(v) is str else _reject()"]
    names[f"read{index}"] = reader_for(tp)
    return [f"v = read{index}(v, counter)"]


_VALIDATOR_CHECKS: Final[dict[type, tuple[str, str]]] = {
    # validator class -> (its name in a plan, the code making its check on v):
    # the usual value passes at once; anything else gets the shared predicate.
    checks.Text: (
        "text",
        "if not (v.isprintable() and 0 < len(v) <= SHORT_TEXT and not v.isspace())"
        " and text_problem(v): raise _Reject",
    ),
    checks.Identifier: ("identifier", "if id_problem(v): raise _Reject"),
    checks.Count: ("count", "if v < 0 or v > MAX_COUNT: raise _Reject"),
    checks.Day: ("day", "if not FIRST_YEAR <= v.year <= LAST_YEAR: raise _Reject"),
    checks.NoRepeats: ("no_repeats", "if len(set(v)) != len(v): raise _Reject"),
}


def _validator_code(validator: object, tp: Any, field: str) -> tuple[str, str | None]:
    """Name a validator's check and give the code making it, if the type reader does not.

    ``IsInstance``, ``TupleOf`` and ``Optional`` are made by reading the
    declared type (the generated code only ever produces values of it);
    they must agree with the type, which is checked here.
    """
    if type(validator) in _VALIDATOR_CHECKS:
        return _VALIDATOR_CHECKS[type(validator)]
    if isinstance(validator, checks.Optional):
        inner_type = next(a for a in typing.get_args(tp) if a is not type(None))
        inner, inner_code = _validator_code(validator.inner, inner_type, field)
        code = None if inner_code is None else f"if v is not None: {inner_code}"
        return f"optional({inner})", code
    if isinstance(validator, checks.IsInstance) and _produces(tp, validator.kind):
        return f"instance:{_name(validator.kind)}", None
    if isinstance(validator, checks.TupleOf) and typing.get_origin(tp) is tuple:
        element = typing.get_args(tp)[0]
        if _produces(element, validator.kind):
            return f"tuple_of:{_name(validator.kind)}", None
    raise TypeError(f"the fast reader cannot make the check {validator!r} of field {field!r}")


def _produces(tp: Any, kind: type | tuple[type, ...]) -> bool:
    """Tell whether every value the reader of *tp* produces is an instance of *kind*."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    produced = typing.get_args(tp) if typing.get_origin(tp) in _UNIONS else (tp,)
    return all(
        isinstance(p, type) and issubclass(p, kinds) for p in produced if p is not type(None)
    )


def _name(kind: type | tuple[type, ...]) -> str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return "|".join(k.__name__ for k in kinds)


_UNIONS: Final = (typing.Union, types.UnionType)


# --------------------------------------------------------------------------
# Per class: a generated reader.
# --------------------------------------------------------------------------

_CLASS_READERS: dict[type, Reader] = {}


def _class_reader(cls: type) -> Reader:
    """Return the reader of an attrs class, generated from its fields once."""
    known = _CLASS_READERS.get(cls)
    if known is not None:
        return known
    if getattr(cls, "__attrs_post_init__", None) is not None:
        raise TypeError(f"the fast reader cannot build {cls.__name__}: it has a post-init")
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    names: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "setattr": object.__setattr__,
        "allowed": frozenset(f.name for f in fields),
        "_Reject": _Reject,
        "_reject": _reject,
        "parse_date": parse_date,
        "read_month": read_month,
        "text_problem": checks.text_problem,
        "id_problem": checks.id_problem,
        "SHORT_TEXT": SHORT_TEXT,
        "MAX_COUNT": MAX_COUNT,
        "FIRST_YEAR": FIRST_YEAR,
        "LAST_YEAR": LAST_YEAR,
    }
    lines = [
        "def read(value, counter):",
        "    if type(value) is not dict or not value.keys() <= allowed:",
        "        raise _Reject",
        "    counter.keys += len(value)",
        "    obj = new(cls)",
    ]
    plans: list[FieldPlan] = []
    for index, field in enumerate(fields):
        plan, code = _field_code(cls, field, hints[field.name], names, index)
        plans.append(plan)
        lines.extend(code)
    lines.append("    return obj")
    source = "\n".join(lines) + "\n"
    exec(compile(source, f"<fast reader of {cls.__name__}>", "exec"), names)
    reader: Reader = names["read"]
    _CLASS_READERS[cls] = reader
    PLANS[cls] = tuple(plans)
    return reader


def _field_code(
    cls: type, field: attrs.Attribute[Any], tp: Any, names: dict[str, Any], index: int
) -> tuple[FieldPlan, list[str]]:
    """The plan of one field and the lines that read, check and set it."""
    if not field.init:
        raise TypeError(f"the fast reader cannot build {cls.__name__}.{field.name}")
    body = _value_code(tp, names, index)
    made = [f"type:{_type_name(tp)}"]
    for validator in checks.validators_of(field):
        name, code = _validator_code(validator, tp, f"{cls.__name__}.{field.name}")
        made.append(name)
        if code is not None:
            body.append(code)
    required = field.default is attrs.NOTHING
    key = repr(field.name)
    lines: list[str] = []
    if required:
        lines.append(f"    v = value[{key}]")
        lines.extend(f"    {line}" for line in body)
    else:
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()  # values are frozen: one default serves all
        names[f"default{index}"] = default
        lines.append(f"    if {key} in value:")
        lines.append(f"        v = value[{key}]")
        lines.extend(f"        {line}" for line in body)
        lines.append("    else:")
        lines.append(f"        v = default{index}")
    lines.append(f"    setattr(obj, {key}, v)")
    return FieldPlan(field.name, tp, tuple(made), required), lines


def _reject() -> Any:
    raise _Reject


def _type_name(tp: Any) -> str:
    return tp.__name__ if isinstance(tp, type) else str(tp).replace("typing.", "")


def _tuple_reader(element: Any) -> Reader:
    names: dict[str, Any] = {"_Reject": _Reject, "_reject": _reject}
    body = _value_code(element, names, 0)
    code = "\n".join(
        [
            "def read(value, counter):",
            "    if type(value) is not list:",
            "        raise _Reject",
            "    out = []",
            "    for v in value:",
            *(f"        {line}" for line in body),
            "        out.append(v)",
            "    return tuple(out)",
        ]
    )
    exec(compile(code + "\n", f"<fast reader of tuple[{_type_name(element)}]>", "exec"), names)
    reader: Reader = names["read"]
    return reader


def _optional_reader(inner: Any) -> Reader:
    read = reader_for(inner)
    return lambda value, counter: None if value is None else read(value, counter)


def _recognition(value: object, counter: _Counter) -> Recognition:
    cls, rest = recognition_class(value)
    counter.keys += 1  # "kind"
    recognition: Recognition = _class_reader(cls)(rest, counter)
    return recognition


def reader_for(tp: Any) -> Reader:
    """Return the reader of values of a composite type, as the model declares it.

    Args:
        tp: ``tuple[X, ...]``, ``X | None``, the recognition union, or an
            attrs class (primitives are read inline by the class readers).

    Returns:
        The reader.

    Raises:
        TypeError: *tp* is a type the reader does not know (a new kind of
            field: teach it here, and the converter, before using it).
    """
    if tp == Recognition:
        return _recognition
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return _tuple_reader(args[0])
    if origin in _UNIONS and len(args) == 2 and type(None) in args:
        return _optional_reader(next(a for a in args if a is not type(None)))
    if isinstance(tp, type) and attrs.has(tp):
        return _class_reader(tp)
    raise TypeError(f"the fast reader has no reader for {tp!r}")


_COMMUNITY: Final = reader_for(Community)


def community_from_value(value: object) -> Community | None:
    """Read parsed JSON into a community if it is valid in every respect.

    Args:
        value: Parsed JSON (dicts, lists, text, numbers, booleans, ``None``).

    Returns:
        The community, equal to what the converter would build; ``None`` when
        anything at all is wrong or unusual (then use the converter, which
        says what and where).
    """
    try:
        community: Community = _COMMUNITY(value, _Counter())
    except Exception:  # noqa: BLE001 - any refusal means: let the converter decide
        return None
    return community


def community_from_value_counted(value: object, colons: int) -> Community | None:
    """Read a parsed community whose JSON text held *colons* ``:`` bytes (see above).

    Args:
        value: The community as parsed (orjson or the standard library).
        colons: How many ``:`` bytes its JSON text holds: when it is not the
            number of keys read, a key may have been repeated.

    Returns:
        The community, or ``None`` (then use the converter).
    """
    counter = _Counter()
    try:
        community: Community = _COMMUNITY(value, counter)
    except Exception:  # noqa: BLE001 - any refusal means: let the converter decide
        return None
    return community if colons == counter.keys else None


def community_from_json(line: bytes, codec: JsonCodec = CODEC) -> Community | None:
    """Parse and read one JSON community if it is valid in every respect.

    Args:
        line: One community as UTF-8 JSON (a JSON Lines line).
        codec: The JSON parser to use (orjson when installed).

    Returns:
        The community; ``None`` when anything at all is wrong or unusual,
        including a repeated key (then use the converter, which says what
        and where).
    """
    counter = _Counter()
    try:
        community: Community = _COMMUNITY(codec.loads(line), counter)
    except Exception:  # noqa: BLE001 - any refusal means: let the converter decide
        return None
    if line.count(b":") != counter.keys:
        return None
    return community
