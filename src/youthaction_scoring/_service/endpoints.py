"""The endpoints: each reads its parameters and body, calls its answer on a thread, responds.

An endpoint does no scoring and no rendering of its own: it checks the query
(:mod:`.params`), reads the body in its format (:mod:`.bodies`), runs the
answer (:mod:`.answers`) on a worker thread — abandoned, not waited for,
when the request runs out of time — and sends the bytes with their media
type. JSON Lines in gives JSON Lines out, as does ``Accept:
application/x-ndjson``; both directions are spooled, never held whole.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Callable
from typing import IO, Any, Final
from urllib.parse import quote

import anyio.to_thread
import attrs
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from .. import _version
from .._io.codec import dumps_json
from .._io.schema import Document
from .answers import ANSWERS, Options, score_stream, score_whole
from .bodies import JSON, NDJSON, body_format, read_body, spool_body
from .guard import WORK, scope_lang
from .params import read_options

HTML: Final = "text/html; charset=utf-8"
TEXT: Final = "text/plain; charset=utf-8"

ANSWER_MEDIA: Final[dict[str, str]] = {
    "score": JSON,  # or JSON Lines, by the body or Accept
    "plan": JSON,
    "explain": TEXT,
    "rank": JSON,
    "progress": JSON,
    "districts": JSON,
    "report": HTML,
}
"""The media type each ``POST /v1/<name>`` answers in (the routes and the OpenAPI document)."""

CHUNK: Final = 256 * 1024
"""Spooled answers are sent in pieces of this many bytes."""


def _options(request: Request, endpoint: str) -> Options:
    options = read_options(endpoint, request.query_params.multi_items())
    return attrs.evolve(options, lang=scope_lang(request.scope))


def _counted(function: Callable[..., Any], *args: Any) -> Any:
    with WORK:  # counted until it ends, even after its request gave up on it
        return function(*args)


async def _run(function: Callable[..., Any], *args: Any) -> Any:
    call = functools.partial(_counted, function, *args)
    return await anyio.to_thread.run_sync(call, abandon_on_cancel=True)


WARNING_HEADER: Final = "youthaction-warning"
"""One header per R18 warning: its text in the answer's language, percent-encoded UTF-8."""


def respond(
    answer: bytes | IO[bytes],
    media_type: str,
    lang: str | None = None,
    options: Options | None = None,
) -> Response:
    """Send an answer: bytes at once, a spooled file in pieces (closed at the end).

    Args:
        answer: The body.
        media_type: Its media type.
        lang: The language of its text (``Content-Language``), if it has text.
        options: The request's options, whose ``warnings`` become headers.
    """
    headers = {"content-language": lang} if lang else {}
    if isinstance(answer, bytes):
        response = Response(answer, media_type=media_type, headers=headers)
        _warn(response, options)
        return response
    size = answer.seek(0, 2)
    answer.seek(0)

    async def pieces() -> AsyncIterator[bytes]:
        try:
            while piece := answer.read(CHUNK):
                yield piece
        finally:
            answer.close()

    headers["content-length"] = str(size)
    response = StreamingResponse(pieces(), media_type=media_type, headers=headers)
    _warn(response, options)
    return response


def _warn(response: Response, options: Options | None) -> None:
    """Add a header for each R18 warning gathered while answering (the CLI's standard error)."""
    if options is None:
        return
    for disagreement in options.warnings:
        text = quote(disagreement.text(options.lang), safe=" ,;:()")
        response.headers.append(WARNING_HEADER, text)


def _wants_lines(request: Request, fmt: str) -> bool:
    accept = request.headers.get("accept", "")
    if NDJSON in accept:
        return True
    if JSON in accept and "*/*" not in accept:
        return False
    return fmt == "jsonl"


async def score(request: Request) -> Response:
    """``POST /v1/score``: the scorecards document, or JSON Lines."""
    options = _options(request, "score")
    fmt = body_format(request.headers.get("content-type"))
    lines = _wants_lines(request, fmt)
    media = NDJSON if lines else JSON
    if fmt in ("json", "jsonl"):
        body = await spool_body(request)
        try:
            answer = await _run(score_stream, body, fmt == "json", options, lines)
        finally:
            body.close()
        return respond(answer, media, options=options)
    data, fmt = await read_body(request, fmt)
    return respond(await _run(score_whole, data, fmt, options, lines), media, options=options)


def whole(name: str, media_type: str) -> Callable[[Request], Any]:
    """The endpoint ``POST /v1/<name>``: read the assessment whole, answer as the command does."""
    answer = ANSWERS[name]

    async def endpoint(request: Request) -> Response:
        options = _options(request, name)
        data, fmt = await read_body(request, body_format(request.headers.get("content-type")))
        result = await _run(answer, data, fmt, options)
        lang = options.lang if media_type != JSON else None
        return respond(result, media_type, lang, options)

    endpoint.__name__ = name
    endpoint.__doc__ = f"``POST /v1/{name}``: {answer.__doc__}"
    return endpoint


def schema(document: Document) -> Callable[[Request], Any]:
    """The endpoint ``GET /v1/schema/<document>``: as ``schema --document`` prints it."""

    async def endpoint(request: Request) -> Response:
        from .._io.schema import json_schema

        _options(request, "plain")
        return respond(dumps_json(json_schema(document)).encode("utf-8"), JSON)

    endpoint.__name__ = f"schema_{document}"
    return endpoint


async def rulebook(request: Request) -> Response:
    """``GET /v1/rulebook``: the edition, its amounts and its items."""
    from .._io.rulebook import rulebook_document

    _options(request, "plain")
    return respond(dumps_json(rulebook_document()).encode("utf-8"), JSON)


async def healthz(request: Request) -> Response:
    """``GET /healthz``: the service answers, and which version it is."""
    _options(request, "plain")
    body = {"status": "ok", "version": _version.__version__}
    return respond(dumps_json(body).encode("utf-8"), JSON)
