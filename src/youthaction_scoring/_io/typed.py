"""Valid JSON read fast: msgspec decodes a community, the model's own constructors check it.

:func:`community_from_json` turns one community's JSON (a JSON Lines line, a
document's element) into a :class:`~.._domain.model.Community` many times
faster than the cattrs converter of :mod:`.converter`, and exactly as
strictly, because the checks are the model's own:

* msgspec decodes the bytes into wire structs derived from the model's attrs
  classes (:func:`msgspec.defstruct`, from ``attrs.fields`` and the type
  hints): it checks the JSON itself, every key (unknown keys refused), every
  type (no ``"3"`` for ``3``, no ``1`` for ``true``), every code, every date
  and the range of every count.
* The structs are then built into the model by its constructors, whose
  validators (:mod:`.._domain.checks`) make every check msgspec does not:
  printable and non-blank text, ids without invisible characters (R17), no
  repeated codes, years 1900-2199.
* Repeated keys, which msgspec (like every fast JSON parser) silently
  resolves to the last value, are caught by counting: every key in JSON text
  is followed by exactly one ``:`` outside any string, and no other ``:`` can
  occur outside strings (UTF-8 continuation bytes are never ``0x3A``), so the
  number of ``:`` bytes in the text is at least the number of keys written,
  which is at least the number of distinct keys read (the wire structs tell
  which keys were present: an absent key is :data:`msgspec.UNSET`). When the
  two numbers are equal, no key was repeated, at any depth; otherwise (a
  repeat, or merely a ``:`` inside some text) the converter decides.

It only ever *accepts*: the moment anything is off it returns ``None``, and
the caller runs the converter, the one authority on *what* is wrong and
*where* (every problem at once, each with its place).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable
from typing import Annotated, Any, Final

import attrs
import msgspec
import msgspec.structs

from .._domain.codes import CodedEnum
from .._domain.limits import MAX_COUNT
from .._domain.model import Community, Recognition

_UNSET: Final = msgspec.UNSET
_UNIONS: Final = (typing.Union, types.UnionType)
_TUPLE: Final[Any] = tuple
"""``tuple``, to be subscripted with types made at run time."""

Build = Callable[[Any, list[int]], Any]
"""Builds one decoded wire value into a model value, counting the keys it had."""


def _wire_type(tp: Any) -> tuple[Any, Build | None]:
    """The wire type of a model type, and how to build its value (``None``: as decoded)."""
    if tp is int:
        return Annotated[int, msgspec.Meta(ge=0, le=MAX_COUNT)], None
    if tp in (str, bool) or (isinstance(tp, type) and issubclass(tp, CodedEnum)):
        return tp, None
    if tp is dt.date:  # years are checked by the model (Day)
        return tp, None
    if tp == Recognition:
        wires = [_wire_class(cls) for cls in typing.get_args(Recognition)]
        builds = dict(wires)

        def recognition(value: Any, keys: list[int]) -> Any:
            keys[0] += 1  # "kind", the tag
            return builds[type(value)](value, keys)

        return typing.Union[tuple(w for w, _ in wires)], recognition  # noqa: UP007 - built at run time
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner, build = _wire_type(args[0])
        wire = _TUPLE[inner, ...]
        if build is None:
            return wire, None
        return wire, lambda v, k: tuple([build(x, k) for x in v])
    if origin in _UNIONS and len(args) == 2 and type(None) in args:
        inner, build = _wire_type(next(a for a in args if a is not type(None)))
        if build is None:
            return inner | None, None
        return inner | None, lambda v, k: None if v is None else build(v, k)
    if isinstance(tp, type) and attrs.has(tp):
        return _wire_class(tp)
    raise TypeError(f"the typed reader has no wire type for {tp!r}")


def _wire_class(cls: type) -> tuple[Any, Build]:
    """The wire struct of an attrs class, and how to build the class from it."""
    hints = typing.get_type_hints(cls)
    fields: list[tuple[Any, ...]] = []
    plan: list[tuple[str, Build | None]] = []
    for field in attrs.fields(cls):
        wire, build = _wire_type(hints[field.name])
        if field.default is attrs.NOTHING:
            fields.append((field.name, wire))
        else:
            fields.append((field.name, wire | msgspec.UnsetType, _UNSET))
        plan.append((field.name, build))
    kind = getattr(cls, "kind", None)  # a recognition is tagged by its kind
    tag = kind.code if isinstance(kind, CodedEnum) else None
    struct = msgspec.defstruct(
        f"{cls.__name__}Wire",
        fields,
        kw_only=True,
        forbid_unknown_fields=True,
        tag_field=None if tag is None else "kind",
        tag=tag,
    )
    steps = tuple(
        (build, None if field.default is attrs.NOTHING else _default(field))
        for (_, build), field in zip(plan, attrs.fields(cls), strict=True)
    )
    astuple = msgspec.structs.astuple

    def build_class(value: Any, keys: list[int]) -> Any:
        args = []
        absent = 0
        for item, (build, default) in zip(astuple(value), steps):  # noqa: B905 - same length
            if item is _UNSET:
                absent += 1
                args.append(default)
            else:
                args.append(item if build is None else build(item, keys))
        keys[0] += len(args) - absent
        return cls(*args)

    return struct, build_class


def _default(field: attrs.Attribute[Any]) -> Any:
    """A field's default value (values are frozen: one default serves every object)."""
    default: Any = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]


_COMMUNITY_WIRE, _BUILD_COMMUNITY = _wire_class(Community)
_DECODER: Final = msgspec.json.Decoder(_COMMUNITY_WIRE)


def community_from_json(data: bytes) -> Community | None:
    """Decode and build one community if it is valid in every respect.

    Args:
        data: One community as UTF-8 JSON (a JSON Lines line, a document's element).

    Returns:
        The community; ``None`` when anything at all is wrong or unusual,
        including a repeated key at any depth (then use the converter, which
        says what and where).
    """
    keys = [0]
    try:
        community: Community = _BUILD_COMMUNITY(_DECODER.decode(data), keys)
    except Exception:  # noqa: BLE001 - any refusal means: let the converter decide
        return None
    return community if data.count(b":") == keys[0] else None
