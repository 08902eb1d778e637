"""The scoring service as an ASGI application: ``youthaction_scoring.service:app``.

Run it with ``youthaction-scoring serve``, or under any ASGI server::

    uvicorn youthaction_scoring.service:app --host 127.0.0.1 --port 8000

It is configured from the environment (``YOUTHACTION_SERVICE_TOKEN_FILE``,
``…_MAX_BODY``, ``…_TIMEOUT``, ``…_MAX_CONCURRENT``, ``…_CORS_ORIGINS``; see
the service page of the docs). :func:`create_app` builds one from a
:class:`ServiceConfig` instead. Needs the ``service`` extra.
"""

from __future__ import annotations

from ._service import ServiceConfig, app_from_environment, create_app

__all__ = ["ServiceConfig", "app", "create_app"]

app = app_from_environment()
"""The service, configured from the environment when this module is imported."""
