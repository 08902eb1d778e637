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
import threading
from collections.abc import AsyncIterator, Callable
from typing import IO, Any, Final
from urllib.parse import quote

import anyio
import anyio.to_thread
import attrs
from starlette.requests import ClientDisconnect
from starlette.requests import Request as HttpRequest
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive

from .. import _version
from .._analysis.rollup import Disagreement
from .._io.codec import dumps_json
from .._io.schema import Document
from .._present.operations import Operation
from .._present.settings import Request
from .answers import answer, format_of, score_stream, score_whole, working
from .bodies import INPUT_PART, JSON, NDJSON, body_format, read_body, read_parts, spool_body
from .guard import WORK, scope_lang
from .params import read_request

CHUNK: Final = 256 * 1024
"""Spooled answers are sent in pieces of this many bytes."""


def _request(request: HttpRequest, endpoint: str) -> Request:
    rulebooks = getattr(request.app.state, "rulebooks", ())
    asked = read_request(endpoint, request.query_params.multi_items(), rulebooks)
    return attrs.evolve(asked, lang=scope_lang(request.scope))


def _counted(stop: threading.Event, function: Callable[..., Any], *args: Any) -> Any:
    with WORK:  # counted until it ends, even after its request gave up on it
        return working(stop, function, *args)


async def _run(receive: Receive, function: Callable[..., Any], *args: Any) -> Any:
    """Run *function* on a worker thread until it ends, the request times out or its client goes.

    The body has been read: what the client sends next can only be that it
    went away (``http.disconnect``). Then, as on a timeout, the thread stops
    at its next write and nobody is answered (:class:`ClientDisconnect`,
    logged as 499).
    """
    stop = threading.Event()
    call = functools.partial(_counted, stop, function, *args)
    made: list[Any] = []
    failed: list[Exception] = []

    async def work() -> None:
        try:
            made.append(await anyio.to_thread.run_sync(call, abandon_on_cancel=True))
        except Exception as exc:  # noqa: BLE001 - raised below, not wrapped in a group
            failed.append(exc)
        finally:
            stop.set()  # cancelled (timed out, or the client went): the thread stops writing
            group.cancel_scope.cancel()  # done: stop watching the client

    async def watch() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        group.cancel_scope.cancel()

    async with anyio.create_task_group() as group:
        group.start_soon(work)
        group.start_soon(watch)
    if failed:
        raise failed[0]
    if not made:
        raise ClientDisconnect
    return made[0]


WARNING_HEADER: Final = "youthaction-warning"
"""One header per R18 warning: its text in the answer's language, percent-encoded UTF-8."""
WARNING_COUNT_HEADER: Final = "youthaction-warning-count"
"""How many R18 warnings there were in all, sent when more than :data:`MAX_WARNING_HEADERS`."""
MAX_WARNING_HEADERS: Final = 5
"""At most this many warning headers (each up to about 700 bytes encoded): the headers stay
within a proxy's usual buffer (nginx's 4 KiB ``proxy_buffer_size``) and httpx's limits."""


def respond(
    body: bytes | IO[bytes],
    media_type: str,
    lang: str | None = None,
    warnings: tuple[list[Disagreement], Request] | None = None,
) -> Response:
    """Send an answer: bytes at once, a spooled file in pieces (closed at the end).

    Args:
        body: The body.
        media_type: Its media type.
        lang: The language of its text (``Content-Language``), if it has text.
        warnings: The R18 warnings gathered while answering, and the request
            (its language): they become headers.
    """
    headers = {"content-language": lang} if lang else {}
    if isinstance(body, bytes):
        response = Response(body, media_type=media_type, headers=headers)
        _warn(response, warnings)
        return response
    size = body.seek(0, 2)
    body.seek(0)

    async def pieces() -> AsyncIterator[bytes]:
        try:
            while piece := body.read(CHUNK):
                yield piece
        finally:
            body.close()

    headers["content-length"] = str(size)
    response = StreamingResponse(pieces(), media_type=media_type, headers=headers)
    _warn(response, warnings)
    return response


def _warn(response: Response, warnings: tuple[list[Disagreement], Request] | None) -> None:
    """Add a header for each R18 warning gathered while answering (the CLI's standard error)."""
    if warnings is None:
        return
    found, request = warnings
    for disagreement in found[:MAX_WARNING_HEADERS]:
        text = quote(disagreement.text(request.lang), safe=" ,;:()")
        response.headers.append(WARNING_HEADER, text)
    if len(found) > MAX_WARNING_HEADERS:
        response.headers[WARNING_COUNT_HEADER] = str(len(found))


def _wants_lines(request: HttpRequest, fmt: str) -> bool:
    accept = request.headers.get("accept", "")
    if NDJSON in accept:
        return True
    if JSON in accept and "*/*" not in accept:
        return False
    return fmt == "jsonl"


INLINE_BYTES: Final = 64 * 1024
"""A JSON body declared no larger than this is scored at once, in memory, on the event loop:
a league system's usual request (one community, a few) costs no thread, no spooled
file and no streamed answer. Larger ones are streamed in and out on a thread."""


def _small(request: HttpRequest) -> bool:
    declared = request.headers.get("content-length", "")
    return declared.isdigit() and int(declared) <= INLINE_BYTES


async def score(request: HttpRequest) -> Response:
    """``POST /v1/score``: the scorecards document, or JSON Lines."""
    asked = _request(request, "score")
    warnings: list[Disagreement] = []
    fmt = body_format(request.headers.get("content-type"))
    lines = _wants_lines(request, fmt)
    media = NDJSON if lines else JSON
    if fmt in ("json", "jsonl") and _small(request):
        data = await request.body()
        with WORK:
            made = score_whole(data, fmt, asked, warnings, lines)
        return respond(made, media, warnings=(warnings, asked))
    if fmt in ("json", "jsonl"):
        body = await spool_body(request)
        try:
            made = await _run(
                request.receive, score_stream, body, fmt == "json", asked, warnings, lines
            )
        finally:
            body.close()
        return respond(made, media, warnings=(warnings, asked))
    data, fmt = await read_body(request, fmt)
    made = await _run(request.receive, score_whole, data, fmt, asked, warnings, lines)
    return respond(made, media, warnings=(warnings, asked))


def endpoint_of(operation: Operation) -> Callable[[HttpRequest], Any]:
    """The endpoint ``POST /v1/<name>`` of *operation*: the assessment read whole, answered."""

    async def endpoint(request: HttpRequest) -> Response:
        asked = _request(request, operation.name)
        warnings: list[Disagreement] = []
        fmt = body_format(request.headers.get("content-type"))
        if operation.parts and fmt == "form":  # two inputs: the parts input, against, ...
            names = (INPUT_PART, *(str(s.part) for s in operation.parts))
            parts = await read_parts(request, names)
            data = parts.pop(INPUT_PART)
            made = await _run(
                request.receive, answer, operation, data, format_of(data), asked, warnings, parts
            )
        else:
            data, fmt = await read_body(request, fmt)
            made = await _run(request.receive, answer, operation, data, fmt, asked, warnings)
        lang = asked.lang if operation.media != JSON else None
        return respond(made, operation.media, lang, (warnings, asked))

    endpoint.__name__ = operation.name
    endpoint.__doc__ = f"``POST /v1/{operation.name}``: {operation.summary}."
    return endpoint


def schema(document: Document) -> Callable[[HttpRequest], Any]:
    """The endpoint ``GET /v1/schema/<document>``: as ``schema --document`` prints it."""

    async def endpoint(request: HttpRequest) -> Response:
        from .._io.schema import json_schema

        _request(request, "plain")
        return respond(dumps_json(json_schema(document)).encode("utf-8"), JSON)

    endpoint.__name__ = f"schema_{document}"
    return endpoint


async def rulebook(request: HttpRequest) -> Response:
    """``GET /v1/rulebook``: the edition, its amounts and its items."""
    from .._io.rulebook import rulebook_document

    _request(request, "plain")
    return respond(dumps_json(rulebook_document()).encode("utf-8"), JSON)


async def healthz(request: HttpRequest) -> Response:
    """``GET /healthz``: the service answers, and which version it is."""
    _request(request, "plain")
    body = {"status": "ok", "version": _version.__version__}
    return respond(dumps_json(body).encode("utf-8"), JSON)
