"""The ASGI application: routes, the guard, CORS, and problem responses for the router's refusals.

:func:`create_app` builds a Starlette application for a
:class:`~.config.ServiceConfig`; :func:`app_from_environment` builds it from
the environment (what uvicorn's workers and ``youthaction_scoring.service:app``
call). The application is stateless: it keeps nothing between requests.
"""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .._io.codec import dumps_json
from .._present.operations import HTML, OPERATIONS
from .bodies import JSON
from .config import ServiceConfig
from .docs_page import DOCS_CSP, DOCS_PAGE
from .endpoints import endpoint_of, healthz, respond, rulebook, schema, score
from .guard import Guard, problem_response, scope_lang
from .problems import ServiceProblem
from .service_texts import ServiceText


async def _openapi(_request: Request) -> Response:
    from .openapi import openapi_document

    return respond(dumps_json(openapi_document()).encode("utf-8"), JSON)


async def _docs(_request: Request) -> Response:
    return Response(DOCS_PAGE, media_type=HTML, headers={"content-security-policy": DOCS_CSP})


async def _router_refusal(request: Request, exc: Exception) -> Response:
    """Starlette's refusals (the router's 404 and 405) as problem details."""
    assert isinstance(exc, HTTPException)
    path = request.url.path
    problem: ServiceProblem
    if exc.status_code == 405:
        allowed = (exc.headers or {}).get("Allow", "")
        problem = ServiceProblem(
            "method-not-allowed",
            ServiceText.METHOD_DETAIL(path, allowed),
            headers={"Allow": allowed},
        )
    elif exc.status_code == 404:
        problem = ServiceProblem("not-found", ServiceText.NOT_FOUND_DETAIL(path))
    else:  # no other comes from Starlette today; a bad request, whatever it is
        problem = ServiceProblem("bad-parameter", ServiceText.REFUSED(exc.detail))
    return problem_response(problem, scope_lang(request.scope))


def routes() -> list[Route]:
    """Every route of the service."""
    found = [
        Route(f"/v1/{op.name}", score if op.answer is None else endpoint_of(op), methods=["POST"])
        for op in OPERATIONS
    ]
    found += [
        Route("/v1/schema/assessment", schema("assessment"), methods=["GET"]),
        Route("/v1/schema/scorecards", schema("scorecards"), methods=["GET"]),
        Route("/v1/rulebook", rulebook, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", _openapi, methods=["GET"]),
        Route("/docs", _docs, methods=["GET"]),
    ]
    return found


def create_app(config: ServiceConfig | None = None) -> Starlette:
    """Build the service.

    Args:
        config: Its limits, tokens and origins; the defaults when ``None``.

    Returns:
        The ASGI application.
    """
    config = config or ServiceConfig()
    middleware = []
    if config.cors_origins:  # outside the guard: a preflight needs no token
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(config.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["Authorization", "Content-Type", "Accept-Language"],
                expose_headers=[
                    "Youthaction-Warning",
                    "Youthaction-Warning-Count",
                    "Content-Language",
                    "Retry-After",
                ],
            )
        )
    middleware.append(Middleware(Guard, config=config))
    app = Starlette(
        routes=routes(),
        middleware=middleware,
        exception_handlers={HTTPException: _router_refusal},
    )
    app.state.rulebooks = config.rulebooks  # ?rulebook=NAME names one of them, or a bundled one
    return app


def app_from_environment() -> Starlette:
    """Build the service from the environment (:meth:`ServiceConfig.from_environment`)."""
    return create_app(ServiceConfig.from_environment())
