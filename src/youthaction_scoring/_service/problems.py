"""Errors as RFC 9457 problem details, in the request's language.

Every refusal of the service is a :class:`ServiceProblem`: an HTTP status, a
problem type (a stable slug, documented on the service page), a title, a
detail and, for a bad document or bad parameters, every problem with its
place, as the command line prints them. The body is
``application/problem+json``; a stack trace never reaches it.

The language is ``?lang=`` when given, else the first of Chinese or English
that ``Accept-Language`` prefers, else Chinese (the staff's language).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

import attrs

from .._domain.codes import LANGS, Lang
from .._domain.errors import Problem, Problems, place_text
from .._domain.messages import Message
from .._io.schema import SCHEMA_BASE_URL
from .service_texts import ServiceText

PROBLEM_MEDIA_TYPE: Final = "application/problem+json"
"""The media type of every error response (RFC 9457)."""

PROBLEM_TYPE_BASE: Final = f"{SCHEMA_BASE_URL}service.html#problem-"
"""Problem types are the service page's sections: ``…#problem-invalid-document``."""

KINDS: Final[dict[str, tuple[int, ServiceText]]] = {
    "bad-parameter": (400, ServiceText.BAD_PARAMETER),
    "unauthorized": (401, ServiceText.UNAUTHORIZED),
    "not-found": (404, ServiceText.NOT_FOUND),
    "method-not-allowed": (405, ServiceText.METHOD),
    "too-large": (413, ServiceText.TOO_LARGE),
    "unsupported-media-type": (415, ServiceText.MEDIA_TYPE),
    "invalid-document": (422, ServiceText.INVALID),
    "answer-too-large": (422, ServiceText.ANSWER_TOO_LARGE),
    "busy": (503, ServiceText.BUSY),
    "timed-out": (503, ServiceText.TIMED_OUT),
    "internal-error": (500, ServiceText.INTERNAL),
    "not-implemented": (501, ServiceText.NOT_IMPLEMENTED),
}
"""Every problem type of the service: its slug, HTTP status and title."""


@attrs.frozen
class ServiceProblem(Exception):  # noqa: N818 - named for what it becomes: a problem response
    """A refusal of the service, answered as problem details.

    Args:
        kind: A slug of :data:`KINDS` (``invalid-document`` …).
        detail: What happened, for this request.
        problems: Each thing wrong, with its place (a bad document: every
            problem of it; bad parameters: one per parameter).
        headers: Headers the answer needs (``WWW-Authenticate``, ``Retry-After``).
    """

    kind: str
    detail: Message
    problems: tuple[Problem, ...] = ()
    headers: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def status(self) -> int:
        """The HTTP status of this kind of problem."""
        return KINDS[self.kind][0]

    def body(self, lang: Lang) -> dict[str, Any]:
        """The problem details document, in *lang*."""
        document: dict[str, Any] = {
            "type": PROBLEM_TYPE_BASE + self.kind,
            "title": KINDS[self.kind][1].template(lang),
            "status": self.status,
            "detail": self.detail.text(lang),
        }
        if self.problems:
            document["problems"] = [problem_entry(p, lang) for p in self.problems]
        return document


def problem_entry(problem: Problem, lang: Lang) -> dict[str, str]:
    """One problem: its place as the library keeps it, and the line the command line prints.

    Args:
        problem: The problem.
        lang: The language of ``place_text``, ``message`` and ``text``.

    Returns:
        ``place`` (a JSON path, ``line 5: …``, ``Sheet!C3`` or ``""``),
        ``place_text`` (the place in *lang*), ``message`` and ``text``.
    """
    return {
        "place": problem.place,
        "place_text": place_text(problem.place, lang) if problem.place else "",
        "message": problem.message.text(lang),
        "text": problem.text(lang),
    }


def invalid(problems: Iterable[Problem]) -> ServiceProblem:
    """A bad document (422): the first problems found, and how many there were in all."""
    kept = Problems()
    kept.extend(problems)
    return ServiceProblem("invalid-document", ServiceText.INVALID_DETAIL(len(kept)), kept.tuple())


def answer_too_large(limit: int) -> ServiceProblem:
    """An answer past the service's output limit (422): its work stopped."""
    detail = ServiceText.ANSWER_TOO_LARGE_DETAIL(f"{limit / 2**20:,.0f}")
    return ServiceProblem("answer-too-large", detail)


def bad_parameter(name: str, message: Message) -> ServiceProblem:
    """A bad query parameter (400), placed at ``?name``."""
    return ServiceProblem("bad-parameter", message, (Problem(f"?{name}", message),))


def negotiate_lang(query_lang: str | None, accept_language: str | None) -> Lang:
    """The answer's language: ``?lang=``, else ``Accept-Language``, else Chinese.

    Args:
        query_lang: The ``lang`` parameter, already checked to be ``zh`` or ``en``.
        accept_language: The header, e.g. ``en-GB,en;q=0.9,zh;q=0.5``.

    Returns:
        ``"zh"`` or ``"en"``.
    """
    if query_lang in LANGS:
        return "en" if query_lang == "en" else "zh"
    ranked: list[tuple[float, int, Lang]] = []
    for index, entry in enumerate((accept_language or "").split(",")):
        tag, _, params = entry.strip().partition(";")
        primary = tag.strip().split("-")[0].lower()
        if primary not in LANGS:
            continue
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, index, "en" if primary == "en" else "zh"))
    return min(ranked)[2] if ranked else "zh"
