"""What keeps the service safe to expose: tokens, size, time and concurrency limits, the log.

:class:`Guard` is plain ASGI middleware around the whole application:

* ``/v1/…`` needs a bearer token when the service has any (compared in
  constant time); ``/healthz``, ``/openapi.json`` and ``/docs`` do not;
* a body larger than the limit is refused (413) from its ``Content-Length``,
  or as soon as more bytes than the limit arrive;
* at most so many ``/v1`` requests are answered at once (503 and
  ``Retry-After`` beyond), each for at most so many seconds (503);
* a client that goes away before its answer is logged 499, not as a failure;
* any other failure is logged and answered 500, never with a trace;
* each request is logged — method, path, status, bytes, time — never its body,
  with control characters escaped (:func:`log_safe`), so that a path cannot
  forge a log line.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any, Final
from urllib.parse import parse_qsl

import anyio
from starlette.requests import ClientDisconnect
from starlette.responses import Response

from .._io.codec import dumps_json
from .._io.output_limit import OUTPUT_LIMIT
from .config import ServiceConfig
from .problems import PROBLEM_MEDIA_TYPE, ServiceProblem, negotiate_lang
from .service_texts import ServiceText

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ACCESS_LOG: Final = logging.getLogger("youthaction_scoring.service.access")
"""One line per request: client, method, path, status, bytes sent, milliseconds."""
ERROR_LOG: Final = logging.getLogger("youthaction_scoring.service")
"""Failures of the service itself, with their traces (never sent to the client)."""

CLIENT_GONE: Final = 499
"""The status logged for a request whose client went away before its answer (as nginx logs it)."""

GUARDED_PREFIX: Final = "/v1/"
"""The paths that need a token and count against the concurrency limit."""


def log_safe(text: object) -> str:
    """*text* for one log line: a control or invisible character, a quote or a backslash escaped.

    A request's path is percent-decoded by the server: ``/x%0AINFO: …``
    would otherwise write a second, forged line, and ``%1B]0;…%07`` would
    retitle the terminal of whoever reads the log.
    """
    shown = str(text)
    if shown.isprintable() and '"' not in shown and "\\" not in shown:
        return shown
    return "".join(
        char if char.isprintable() and char not in '"\\' else _escaped(char) for char in shown
    )


def _escaped(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def scope_lang(scope: Scope) -> Any:
    """The language to answer *scope* in: ``?lang=`` when valid, else ``Accept-Language``."""
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
    accept = None
    for name, value in scope.get("headers", ()):
        if name == b"accept-language":
            accept = value.decode("latin-1")
    return negotiate_lang(query.get("lang"), accept)


def problem_response(problem: ServiceProblem, lang: Any) -> Response:
    """The problem details answer (``application/problem+json``) of *problem* in *lang*."""
    body = dumps_json(problem.body(lang)).encode("utf-8")
    headers = {"content-language": lang, **problem.headers}
    return Response(body, problem.status, headers, media_type=PROBLEM_MEDIA_TYPE)


class Work:
    """How many answers are being computed on threads, including those of abandoned requests."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0

    def __enter__(self) -> None:
        with self.lock:
            self.running += 1

    def __exit__(self, *_exc: object) -> None:
        with self.lock:
            self.running -= 1


WORK: Final = Work()
"""The answers being computed in this process (:func:`.endpoints` runs each inside it)."""


class Guard:
    """ASGI middleware applying a :class:`ServiceConfig`'s tokens and limits."""

    def __init__(self, app: ASGIApp, config: ServiceConfig) -> None:
        """Wrap *app*."""
        self.app = app
        self.config = config
        self.active = 0
        self.tokens = tuple(token.encode("utf-8") for token in config.tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer one request (other ASGI events pass through)."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        state = {"status": 0, "sent": 0}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            elif message["type"] == "http.response.body":
                state["sent"] += len(message.get("body", b""))
            await send(message)

        try:
            await self._guarded(scope, receive, sending)
        except ServiceProblem as problem:
            await self._refuse(scope, sending, state, problem)
        except ClientDisconnect:  # nobody to answer: not a failure of the service
            state["status"] = state["status"] or CLIENT_GONE
        except TimeoutError:
            detail = ServiceText.TIMED_OUT_DETAIL(f"{self.config.timeout:g}")
            await self._refuse(scope, sending, state, ServiceProblem("timed-out", detail))
        except Exception:  # noqa: BLE001 - any failure: logged, answered 500, never shown
            ERROR_LOG.exception(
                "%s %s failed", log_safe(scope.get("method")), log_safe(scope.get("path"))
            )
            internal = ServiceProblem("internal-error", ServiceText.INTERNAL_DETAIL())
            await self._refuse(scope, sending, state, internal)
        finally:
            client = scope.get("client") or ("-", 0)
            query = scope.get("query_string", b"").decode("latin-1")
            ACCESS_LOG.info(
                '%s "%s %s%s" %d %d %.0fms',
                log_safe(client[0]),
                log_safe(scope.get("method")),
                log_safe(scope.get("path")),
                log_safe(f"?{query}") if query else "",
                state["status"],
                state["sent"],
                (time.perf_counter() - started) * 1000,
            )

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        guarded = scope["path"].startswith(GUARDED_PREFIX)
        if guarded and self.tokens:
            self._authorize(scope)
        limit = self.config.max_body
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                raise _too_large(limit)
        # A request that ran out of time leaves its thread working: it still counts.
        if guarded and max(self.active, WORK.running) >= self.config.max_concurrent:
            detail = ServiceText.BUSY_DETAIL(self.config.max_concurrent)
            raise ServiceProblem("busy", detail, headers={"Retry-After": "1"})
        received = 0

        async def receiving() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise _too_large(limit)
            return message

        self.active += guarded
        OUTPUT_LIMIT.set(self.config.max_output)  # this request's: its worker thread copies it
        try:
            with anyio.fail_after(self.config.timeout):
                await self.app(scope, receiving, send)
        finally:
            self.active -= guarded

    def _authorize(self, scope: Scope) -> None:
        given = b""
        for name, value in scope.get("headers", ()):
            if name == b"authorization" and value[:7].lower() == b"bearer ":
                given = value[7:].strip()
        matched = False
        for token in self.tokens:  # every token, whatever matched: constant time
            matched |= hmac.compare_digest(given, token)
        if not matched:
            raise ServiceProblem(
                "unauthorized",
                ServiceText.UNAUTHORIZED_DETAIL(),
                headers={"WWW-Authenticate": 'Bearer realm="youthaction-scoring"'},
            )

    async def _refuse(
        self, scope: Scope, send: Send, state: dict[str, int], problem: ServiceProblem
    ) -> None:
        if state["status"]:  # the answer had begun: nothing to do but stop
            path = log_safe(scope.get("path"))
            ERROR_LOG.warning("%s after the answer began: %s", problem.kind, path)
            return
        await problem_response(problem, scope_lang(scope))(scope, _no_body, send)


async def _no_body() -> Message:
    """What a problem answer receives: it reads nothing of the request."""
    return {"type": "http.disconnect"}


def _too_large(limit: int) -> ServiceProblem:
    return ServiceProblem("too-large", ServiceText.TOO_LARGE_DETAIL(f"{limit:,}"))
