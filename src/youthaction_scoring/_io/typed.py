"""Valid JSON read fast: msgspec decodes a community straight into the model.

:func:`community_from_json` turns one community's JSON (a JSON Lines line, a
document's element) into a :class:`~.._domain.model.Community` many times
faster than the cattrs converter of :mod:`.converter`, and exactly as
strictly, because the checks are the model's own:

* msgspec decodes the bytes straight into the model's attrs classes: it
  checks the JSON itself, every type (no ``"3"`` for ``3``, no ``1`` for
  ``true``), every code and every date, and builds each object through its
  constructor, whose validators (:mod:`.._domain.checks`) make the checks
  msgspec does not: printable and non-blank text, ids without invisible
  characters (R17), counts within the limits, no repeated codes, years
  1900-2199. msgspec cannot decode a union of attrs classes (a summary's
  recognitions), so a class holding one is decoded into a struct derived
  from it (:func:`msgspec.defstruct`, tagged by ``kind``) and built here by
  its constructor.
* Unknown and repeated keys, which msgspec ignores or resolves to the last
  value for attrs classes, are caught by a second, cheap decoding into
  *key structs*: one per class, unknown keys refused, every leaf value kept
  as written (:class:`msgspec.Raw`), an absent key left out. Written back,
  they hold each key present once and every kept value byte for byte, so
  their ``:`` bytes are those of the input exactly when no key was repeated,
  at any depth (each key in JSON text is followed by exactly one ``:``
  outside strings, and no other ``:`` occurs outside strings).

It only ever *accepts*: the moment anything is off it returns ``None``, and
the caller runs the converter, the one authority on *what* is wrong and
*where* (every problem at once, each with its place).
"""

from __future__ import annotations

import functools
import operator
import types
import typing
from collections.abc import Callable, Iterable
from typing import Any, Final

import attrs
import msgspec
import msgspec.structs

from .._domain.codes import CodedEnum
from .._domain.model import Community, Recognition

_UNSET: Final = msgspec.UNSET
_UNIONS: Final = (typing.Union, types.UnionType)
_TUPLE: Final[Any] = tuple
"""``tuple``, to be subscripted with types made at run time."""

_NONE: Final = object()
"""No default."""

Build = Callable[[Any], Any]
"""Builds one decoded value into a model value."""


def _parts(tp: Any) -> tuple[Any, Any]:
    """What a composite type holds: (``tuple``, item), (``None``, inner) or (``None``, ``None``)."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return tuple, args[0]
    if origin in _UNIONS and len(args) == 2 and type(None) in args:
        return None, next(a for a in args if a is not type(None))
    return None, None


def _union(types_: Iterable[Any]) -> Any:
    """The union of types made at run time."""
    return functools.reduce(operator.or_, types_)


def _decodable(cls: type) -> bool:
    """Whether msgspec decodes *cls* itself (not when it holds a union of attrs classes)."""
    try:
        msgspec.json.Decoder(cls)
    except TypeError:
        return False
    return True


def _tag(cls: type) -> str | None:
    """The ``kind`` code of a recognition class (its tag), else ``None``."""
    kind = getattr(cls, "kind", None)
    return kind.code if isinstance(kind, CodedEnum) else None


# --------------------------------------------------------------------------
# The model: attrs classes decoded by msgspec, else structs built here.
# --------------------------------------------------------------------------


def _model_type(tp: Any) -> tuple[Any, Build | None]:
    """The type msgspec decodes for a model type, and how to build it (``None``: as decoded)."""
    if tp == Recognition:
        wires = [_model_class(cls) for cls in typing.get_args(Recognition)]
        builds = dict(wires)
        return _union(wire for wire, _ in wires), lambda v: builds[type(v)](v)
    kind, inner = _parts(tp)
    if inner is not None:
        wire, build = _model_type(inner)
        if build is None:
            return tp, None
        if kind is tuple:
            return _TUPLE[wire, ...], lambda v: tuple([build(x) for x in v])
        return wire | None, lambda v: None if v is None else build(v)
    if isinstance(tp, type) and attrs.has(tp) and not _decodable(tp):
        return _model_class(tp)
    return tp, None


def _model_class(cls: type) -> tuple[Any, Build]:
    """A struct for an attrs class msgspec cannot decode, and how to build the class from it."""
    hints = typing.get_type_hints(cls)
    fields: list[tuple[Any, ...]] = []
    builds: list[tuple[int, Build, object]] = []
    for index, field in enumerate(attrs.fields(cls)):
        wire, build = _model_type(hints[field.name])
        default = _NONE if field.default is attrs.NOTHING else _default(field)
        if build is not None:
            builds.append((index, build, default))
        if default is _NONE:
            fields.append((field.name, wire))
        else:  # the model's default, built already (values are frozen: one serves all)
            fields.append((field.name, wire, default))
    tag = _tag(cls)
    struct = msgspec.defstruct(
        f"{cls.__name__}Model",
        fields,
        kw_only=True,
        tag_field=None if tag is None else "kind",
        tag=tag,
    )
    astuple = msgspec.structs.astuple

    def build_class(value: Any) -> Any:
        args = astuple(value)
        if not builds:
            return cls(*args)
        items = list(args)
        for index, build, default in builds:
            if items[index] is not default:  # not the model's own default: decoded
                items[index] = build(items[index])
        return cls(*items)

    return struct, build_class


def _default(field: attrs.Attribute[Any]) -> Any:
    """A field's default value, built (a factory's value is frozen: one serves every object)."""
    default: Any = field.default
    return default.factory() if isinstance(default, attrs.Factory) else default  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# The keys: one struct per class, its leaves kept as written.
# --------------------------------------------------------------------------


def _key_type(tp: Any) -> Any:
    """The key struct type of a model type (``msgspec.Raw`` for a leaf)."""
    if tp == Recognition:
        return _union(_key_class(cls) for cls in typing.get_args(Recognition))
    kind, inner = _parts(tp)
    if inner is not None:
        wire = _key_type(inner)
        if wire is msgspec.Raw:
            return msgspec.Raw
        return _TUPLE[wire, ...] if kind is tuple else wire | None
    if isinstance(tp, type) and attrs.has(tp):
        return _key_class(tp)
    return msgspec.Raw


def _key_class(cls: type) -> Any:
    """The key struct of an attrs class: every key optional, unknown keys refused."""
    hints = typing.get_type_hints(cls)
    fields = [
        (f.name, _key_type(hints[f.name]) | msgspec.UnsetType, _UNSET) for f in attrs.fields(cls)
    ]
    tag = _tag(cls)
    return msgspec.defstruct(
        f"{cls.__name__}Keys",
        fields,
        forbid_unknown_fields=True,
        tag_field=None if tag is None else "kind",
        tag=tag,
    )


@functools.cache
def _readers() -> tuple[msgspec.json.Decoder[Any], Build | None, msgspec.json.Decoder[Any]]:
    """The model's decoder, its builder and the keys' decoder (made on first use, once)."""
    model, build = _model_type(Community)
    return msgspec.json.Decoder(model), build, msgspec.json.Decoder(_key_class(Community))


_ENCODER: Final = msgspec.json.Encoder()


def community_from_json(data: bytes) -> Community | None:
    """Decode one community if it is valid in every respect.

    Args:
        data: One community as UTF-8 JSON (a JSON Lines line, a document's element).

    Returns:
        The community; ``None`` when anything at all is wrong or unusual,
        including an unknown or repeated key at any depth (then use the
        converter, which says what and where).
    """
    model, build, keys = _readers()
    try:
        decoded = model.decode(data)
        community: Community = decoded if build is None else build(decoded)
        written = _ENCODER.encode(keys.decode(data))
    except Exception:  # noqa: BLE001 - any refusal means: let the converter decide
        return None
    return community if written.count(b":") == data.count(b":") else None
