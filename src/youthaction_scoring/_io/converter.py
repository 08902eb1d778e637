"""The project's own cattrs converter: the format page in, the format page out, strictly.

Nothing here uses cattrs' global converter. Structuring refuses what the
format refuses — unknown keys, wrong JSON types (no ``"yes"`` → ``True``, no
``"3"`` → ``3``), unknown or repeated codes, negative counts, blank required
text, impossible dates and months — and collects *all* problems before
raising one :class:`~._errors.InputError` whose problems carry JSON paths in
the form ``communities[3].workforce.cadres.full_time``.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final, TypeVar

import attrs
import cattrs
import cattrs.gen
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from .._domain import checks
from .._domain.calendar import Month, Period, period_problem
from .._domain.checks import describe, repeat_problem
from .._domain.codes import CodedEnum
from .._domain.errors import InputError, Problem, Refusal, join_place, problem_of
from .._domain.model import Community, LeaderInstruction, MediaPublication, Recognition
from .primitives import (
    PRIMITIVES,
    code_reader,
    read_id,
    read_month,
    recognition_class,
)
from .reading_texts import ReadText

ASSESSMENT_FORMAT: Final = "youthaction-scoring/1"
"""The ``format`` value of an assessment document (the format page)."""

T = TypeVar("T")


def _hook(read: Callable[[object], Any]) -> Callable[[object, type], Any]:
    return lambda value, _: read(value)


def _is_homogeneous_tuple(cl: Any) -> bool:
    args = typing.get_args(cl)
    return typing.get_origin(cl) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    cl: Any, converter: cattrs.Converter
) -> Callable[[object, type], tuple[Any, ...]]:
    element = typing.get_args(cl)[0]
    check_repeats = isinstance(element, type) and issubclass(element, CodedEnum)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Refusal(ReadText.LIST(describe(value)))
        out: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                out.append(converter.structure(item, element))
            except Exception as exc:  # noqa: BLE001 - collected, re-raised as a group below
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"@ index {index}", index, element),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError("invalid items", errors, cl)
        if check_repeats:
            problem = repeat_problem(out)
            if problem:
                raise Refusal(problem)
        return tuple(out)

    return structure


def _class_hook_factory(cl: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    # A field whose validators check more than its type's hook does (an id,
    # R17) is read by the reader of that check, so that its problem is
    # reported with the others, at its own place.
    overrides: dict[str, Any] = {
        field.name: cattrs.gen.override(struct_hook=_hook(read_id))
        for field in attrs.fields(cl)
        if any(isinstance(v, checks.Identifier) for v in checks.validators_of(field))
    }
    inner = cattrs.gen.make_dict_structure_fn(
        cl,
        converter,
        _cattrs_forbid_extra_keys=True,
        _cattrs_detailed_validation=True,
        **overrides,
    )

    def structure(value: object, _: type) -> Any:
        if not isinstance(value, dict):
            raise Refusal(ReadText.OBJECT(describe(value)))
        return inner(value, cl)

    return structure


def _structure_optional(cl: Any, converter: cattrs.Converter) -> Callable[[object, type], Any]:
    inner_type = next(a for a in typing.get_args(cl) if a is not type(None))

    def structure(value: object, _: type) -> Any:
        return None if value is None else converter.structure(value, inner_type)

    return structure


def _is_optional_class(cl: Any) -> bool:
    args = typing.get_args(cl)
    return (
        typing.get_origin(cl) in (typing.Union, types.UnionType)
        and len(args) == 2
        and type(None) in args
        and any(attrs.has(a) for a in args)
    )


def _structure_code(value: object, cl: type[CodedEnum]) -> CodedEnum:
    return code_reader(cl)(value)


def _structure_recognition(value: object, _: type) -> Recognition:
    cls, rest = recognition_class(value)
    recognition: Recognition = CONVERTER.structure(rest, cls)
    return recognition


def _structure_period(value: object, _: type) -> Period:
    if not isinstance(value, dict):
        raise Refusal(ReadText.OBJECT(describe(value)))
    problems: list[Exception] = []
    months: dict[str, Month] = {}
    for name in ("start", "end"):
        if name not in value:
            problems.append(Refusal(ReadText.MISSING(), name))
            continue
        try:
            months[name] = read_month(value[name])
        except Refusal as exc:
            problems.append(Refusal(exc.message, name))
    for extra in value:
        if extra not in ("start", "end"):
            problems.append(Refusal(ReadText.UNKNOWN_FIELD(), str(extra)))
    if not problems:
        problem = period_problem(months["start"], months["end"])
        if problem:
            problems.append(Refusal(problem, "start" if problem.rule == "R1" else ""))
    if problems:
        raise _Several(problems)
    return Period(months["start"], months["end"])


class _Several(Exception):  # noqa: N818 - an internal carrier, not an error type
    """Several :class:`Refusal` problems at one place."""

    def __init__(self, problems: list[Exception]) -> None:
        super().__init__("several problems")
        self.problems = problems


# --------------------------------------------------------------------------
# Unstructuring: the format's exact shapes.
# --------------------------------------------------------------------------


def _unstructure_recognition(value: LeaderInstruction | MediaPublication) -> dict[str, Any]:
    if isinstance(value, LeaderInstruction):
        return {"kind": value.kind.code, "level": value.level.code}
    return {"kind": value.kind.code, "outlet": value.outlet}


def make_converter() -> cattrs.Converter:
    """Build the project's strict converter (never cattrs' global one).

    Returns:
        A converter that structures and unstructures the domain model in the
        exact shape of the format page.
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for kind, read in PRIMITIVES.items():
        converter.register_structure_hook(kind, _hook(read))
    converter.register_structure_hook(Period, _structure_period)
    converter.register_structure_hook_func(
        lambda t: t == Recognition or t == (LeaderInstruction | MediaPublication),
        _structure_recognition,
    )
    # By class, not by predicate: before cattrs 26.1 its own hook for every
    # Enum is found by class, ahead of any predicate.
    converter.register_structure_hook(CodedEnum, _structure_code)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda t: _tuple_hook_factory(t, converter)
    )
    converter.register_structure_hook_factory(
        _is_optional_class, lambda t: _structure_optional(t, converter)
    )
    converter.register_structure_hook_factory(
        attrs.has, lambda t: _class_hook_factory(t, converter)
    )

    converter.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, CodedEnum), lambda v: v.code
    )
    converter.register_unstructure_hook(dt.date, lambda v: v.isoformat())
    converter.register_unstructure_hook(Month, str)
    converter.register_unstructure_hook(
        Period, lambda p: {"start": str(p.start), "end": str(p.end)}
    )
    converter.register_unstructure_hook(LeaderInstruction, _unstructure_recognition)
    converter.register_unstructure_hook(MediaPublication, _unstructure_recognition)
    converter.register_unstructure_hook_func(
        _is_homogeneous_tuple,
        lambda v: [converter.unstructure(x) for x in v],
    )
    return converter


CONVERTER: Final = make_converter()
"""The project's converter. Use the functions below rather than calling it."""


# --------------------------------------------------------------------------
# Errors: cattrs' exception groups → problems with JSON paths.
# --------------------------------------------------------------------------


def problems_of(exc: BaseException, place: str = "") -> Iterator[Problem]:
    """Turn a structuring exception into problems with their places.

    Args:
        exc: What structuring raised.
        place: The place of the value being structured.

    Returns:
        An iterator of problems, in document order as far as known.
    """
    if isinstance(exc, ClassValidationError):
        with_notes, others = exc.group_exceptions()
        for sub, note in with_notes:
            yield from problems_of(sub, join_place(place, note.name))
        for sub in others:
            yield from problems_of(sub, place)
    elif isinstance(exc, IterableValidationError):
        for sub in exc.exceptions:
            index = next(
                (
                    n.index
                    for n in getattr(sub, "__notes__", [])
                    if isinstance(n, IterableValidationNote)
                ),
                None,
            )
            yield from problems_of(sub, place if index is None else f"{place}[{index}]")
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(join_place(place, key), ReadText.UNKNOWN_FIELD())
    elif isinstance(exc, _Several):
        for sub in exc.problems:
            yield from problems_of(sub, place)
    elif isinstance(exc, Refusal):
        yield Problem(join_place(place, exc.field), exc.message)
    elif isinstance(exc, KeyError) and any(
        isinstance(n, AttributeValidationNote) for n in getattr(exc, "__notes__", [])
    ):
        yield Problem(place, ReadText.MISSING())
    elif isinstance(exc, ValueError | TypeError):
        yield problem_of(exc, place)
    else:  # pragma: no cover - a bug, not bad input
        raise exc


def structure_as(value: object, cls: type[T], place: str = "") -> T:
    """Structure *value* into *cls* strictly.

    Args:
        value: Parsed JSON.
        cls: A model class.
        place: Where *value* sits, for error messages.

    Returns:
        The structured value.

    Raises:
        InputError: Every problem found, each with its place.
    """
    if cls is Community and not isinstance(value, dict):  # a flood of `0`s: no cattrs per element
        raise InputError((Problem(join_place(place, ""), ReadText.OBJECT(describe(value))),))
    try:
        return CONVERTER.structure(value, cls)
    except Exception as exc:  # noqa: BLE001 - every structuring failure is user input
        raise InputError(list(problems_of(exc, place))) from None


def unstructure_community(community: Community) -> dict[str, Any]:
    """Return a community as an interchange-format object.

    Args:
        community: The community.

    Returns:
        A JSON-ready dict.
    """
    return typing.cast(dict[str, Any], CONVERTER.unstructure(community))
