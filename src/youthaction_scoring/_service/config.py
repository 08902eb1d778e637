"""How a service is set up: its limits, tokens and origins, as one value.

``youthaction-scoring serve`` builds a :class:`ServiceConfig` from its
options and hands it to each worker process through the environment
(:meth:`ServiceConfig.to_environment`), since uvicorn starts its workers by
importing the application; ``youthaction_scoring.service:app`` reads the same
variables, so any ASGI server runs the service the same way. Tokens never
pass through the environment: the workers read the token file again.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Final

import attrs

DEFAULT_MAX_BODY: Final = 64 * 2**20
"""The largest request body accepted by default: 64 MiB."""
DEFAULT_TIMEOUT: Final = 120.0
"""Seconds a request may take by default."""
DEFAULT_MAX_CONCURRENT: Final = 16
"""Requests answered at once by default (per worker process); more get 503."""

ENV_PREFIX: Final = "YOUTHACTION_SERVICE_"
"""Environment variables of the service start with this."""


@attrs.frozen(kw_only=True)
class ServiceConfig:
    """What a running service allows.

    Args:
        tokens: Bearer tokens that may call ``/v1``; empty: no authentication.
        max_body: The largest request body, in bytes (413 beyond).
        timeout: Seconds a request may take (503 beyond).
        max_concurrent: Requests answered at once (503 beyond).
        cors_origins: Origins browsers may call from; empty: CORS off.
    """

    tokens: tuple[str, ...] = ()
    max_body: int = DEFAULT_MAX_BODY
    timeout: float = DEFAULT_TIMEOUT
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    cors_origins: tuple[str, ...] = ()

    def to_environment(self, token_file: str | None = None) -> dict[str, str]:
        """The environment variables that give this configuration to a worker process.

        Args:
            token_file: The file the tokens were read from: the workers read
                it again, so no token is put in the environment.
        """
        return {
            ENV_PREFIX + "TOKEN_FILE": token_file or "",
            ENV_PREFIX + "MAX_BODY": str(self.max_body),
            ENV_PREFIX + "TIMEOUT": repr(self.timeout),
            ENV_PREFIX + "MAX_CONCURRENT": str(self.max_concurrent),
            ENV_PREFIX + "CORS_ORIGINS": "\n".join(self.cors_origins),
        }

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServiceConfig:
        """Read the configuration :meth:`to_environment` wrote (defaults where unset).

        Raises:
            ValueError: A variable holds something that is not a number.
            OSError: The token file cannot be read.
        """
        env = os.environ if environ is None else environ

        def lines(name: str) -> tuple[str, ...]:
            text = env.get(ENV_PREFIX + name, "")
            return tuple(line.strip() for line in text.splitlines() if line.strip())

        def number(name: str, default: float) -> float:
            text = env.get(ENV_PREFIX + name, "").strip()
            return float(text) if text else default

        token_file = env.get(ENV_PREFIX + "TOKEN_FILE", "")
        tokens = read_tokens(Path(token_file).read_text("utf-8")) if token_file else ()
        return cls(
            tokens=tokens,
            max_body=int(number("MAX_BODY", DEFAULT_MAX_BODY)),
            timeout=number("TIMEOUT", DEFAULT_TIMEOUT),
            max_concurrent=int(number("MAX_CONCURRENT", DEFAULT_MAX_CONCURRENT)),
            cors_origins=lines("CORS_ORIGINS"),
        )


def read_tokens(text: str) -> tuple[str, ...]:
    """The tokens of a token file: one a line; blank lines and ``#`` comments are skipped."""
    return tuple(
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("#")
    )
