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
import operator
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
from .._domain.codes import CodedEnum, ItemKind
from .._domain.errors import InputError, Problem, Refusal, join_place, problem_of
from .._domain.messages import Message
from .._domain.model import Community, LeaderInstruction, MediaPublication, Recognition
from .._domain.scorecard import Deduction, ItemScore, Scorecard, Scorecards
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
SCORECARDS_FORMAT: Final = "youthaction-scoring/scorecards/1"
"""The ``format`` value of a scorecards document (the format page, output)."""

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


def _recognition_hook(cls: type, converter: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """A recognition's generated hook, its ``kind`` (a class variable) first."""
    fields: Callable[[Any], dict[str, Any]] = cattrs.gen.make_dict_unstructure_fn(cls, converter)
    return lambda value: {"kind": value.kind.code, **fields(value)}


def _english(messages: tuple[Message, ...]) -> list[str]:
    return [m.both()[1] for m in messages]


def _chinese(messages: tuple[Message, ...]) -> list[str]:
    return [m.both()[0] for m in messages]


def _register_scorecards(converter: cattrs.Converter) -> None:
    """Register the unstructure hooks of scorecards (the format page, output).

    cattrs generates each from its class of :mod:`..._domain.scorecard`
    (fields in order; codes through the coded-enum hook); the wrappers add
    what is not a field: the Chinese beside each English text, ``total``,
    ``format``, and the keys present only sometimes (``raw`` on bonus items,
    card notes when there are some, ``as_of`` when scored as of a month).
    """
    make, override = cattrs.gen.make_dict_unstructure_fn, cattrs.gen.override
    omit, bonus = override(omit=True), ItemKind.BONUS

    deduction_fields = make(
        Deduction, converter, reason=override(unstruct_hook=lambda m: m.both()[1])
    )

    def deduction(value: Deduction) -> dict[str, Any]:
        out = deduction_fields(value)
        out["reason_zh"] = value.reason.both()[0]
        return out

    item_fields = make(
        ItemScore,
        converter,
        deductions=override(unstruct_hook=lambda values: [deduction(d) for d in values]),
        notes=override(unstruct_hook=_english),
        counted=omit,
    )

    def item(value: ItemScore) -> dict[str, Any]:
        out = item_fields(value)
        out["notes_zh"] = _chinese(value.notes)
        if value.kind is not bonus:
            del out["raw"]
        return out

    card_fields = make(Scorecard, converter, items=omit, bonus_before_cap=omit, notes=omit)

    def card(value: Scorecard) -> dict[str, Any]:
        out = card_fields(value)
        out["total"] = value.total
        out["items"] = [item(i) for i in value.items]
        if value.notes:
            out["notes"] = _english(value.notes)
            out["notes_zh"] = _chinese(value.notes)
        return out

    cards_fields = make(
        Scorecards,
        converter,
        scorecards=override(unstruct_hook=lambda values: [card(c) for c in values]),
        rulebook_note=omit,
    )

    def cards(value: Scorecards) -> dict[str, Any]:
        fields = cards_fields(value)
        out = {"format": SCORECARDS_FORMAT, "rulebook": value.rulebook}
        out["rulebook_hash"] = fields.pop("rulebook_hash")
        if value.rulebook_note is not None:
            zh, out["rulebook_note"] = value.rulebook_note.both()
            out["rulebook_note_zh"] = zh
        out.update(fields)
        if value.as_of is None:
            del out["as_of"]
        return out

    converter.register_unstructure_hook(Deduction, deduction)
    converter.register_unstructure_hook(ItemScore, item)
    converter.register_unstructure_hook(Scorecard, card)
    converter.register_unstructure_hook(Scorecards, cards)


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
        lambda t: isinstance(t, type) and issubclass(t, CodedEnum), operator.attrgetter("code")
    )
    converter.register_unstructure_hook(dt.date, lambda v: v.isoformat())
    converter.register_unstructure_hook(Month, str)
    converter.register_unstructure_hook(
        Period, lambda p: {"start": str(p.start), "end": str(p.end)}
    )
    for recognition in (LeaderInstruction, MediaPublication):
        converter.register_unstructure_hook(recognition, _recognition_hook(recognition, converter))
    converter.register_unstructure_hook_func(
        _is_homogeneous_tuple,
        lambda v: [converter.unstructure(x) for x in v],
    )
    _register_scorecards(converter)
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
