"""The query parameters of the endpoints: checked strictly, every problem at once.

An endpoint's parameters are its operation's settings
(:data:`~.._present.operations.OPERATIONS`), read by the same functions the
command line's options use, so a value the command line refuses is refused
here with the same message. An unknown or repeated parameter is refused,
never ignored.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from .._domain.errors import Problem, Refusal
from .._domain.messages import Message
from .._present.operations import OPERATION
from .._present.settings import EDITIONS, LANG, Request, Setting, edition_reader, request_of
from .._rules.rulebook import Rulebook
from .problems import ServiceProblem
from .service_texts import ServiceText

PLAIN: Final = (LANG,)
"""The parameters of the GET endpoints."""


def parameters_of(endpoint: str) -> tuple[Setting, ...]:
    """The query parameters *endpoint* takes (an operation's name, or any GET endpoint)."""
    found = OPERATION.get(endpoint)
    return PLAIN if found is None else found.parameters()


def read_request(
    endpoint: str, query: Sequence[tuple[str, str]], rulebooks: Sequence[Rulebook] = ()
) -> Request:
    """Check an endpoint's query and build its request.

    Args:
        endpoint: An operation's name, or another endpoint (which takes ``lang`` only).
        query: The query's (name, value) pairs, in order.
        rulebooks: The editions the service was started with (``serve
            --rulebook``): ``?rulebook`` names one of them or a bundled one.

    Returns:
        The request (``lang`` is left at its default: the caller negotiates it).

    Raises:
        ServiceProblem: 400 with every bad, unknown, repeated or missing parameter.
    """
    known = {p.name: p for p in parameters_of(endpoint)}
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    seen: set[str] = set()
    readers = {name: p.read for name, p in known.items()}
    for name in EDITIONS:  # the editions this service knows: its own and the bundled
        readers[name] = edition_reader(rulebooks)

    def refuse(name: str, message: Message) -> None:
        problems.append(Problem(f"?{name}", message))

    for name, text in query:
        if name not in known:
            refuse(name, ServiceText.UNKNOWN_PARAMETER(name, ", ".join(known) or "-"))
        elif name in seen:
            refuse(name, ServiceText.REPEATED_PARAMETER(name))
        else:
            seen.add(name)
            try:
                values[name] = readers[name](text)
            except Refusal as exc:
                refuse(name, exc.message)
    for parameter in known.values():
        if parameter.required and parameter.name not in seen:
            refuse(parameter.name, ServiceText.MISSING_PARAMETER(parameter.name))
    request = Request()
    try:
        request = request_of(values)
    except Refusal as exc:
        refuse(exc.field, exc.message)
    if problems:
        detail = (
            problems[0].message if len(problems) == 1 else ServiceText.INVALID_DETAIL(len(problems))
        )
        raise ServiceProblem("bad-parameter", detail, tuple(problems))
    return request
