"""``youthaction-scoring serve``: the scoring service, under uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from .._domain.errors import InputError
from .._present.command_help import SERVE
from .._present.help_texts import OptionHelp
from .cli_texts import CliText, missing_extra, os_reason
from .common import UserError, fail
from .help import command, option

APP_FACTORY = "youthaction_scoring._service.app:app_from_environment"
"""What each uvicorn worker imports and calls to build the service."""
KEEP_ALIVE_SECONDS = 5
"""An idle kept-alive connection is closed after this many seconds."""


@command(SERVE)
@option(
    "--host", default="127.0.0.1", show_default=True, metavar="ADDRESS", text=OptionHelp.SERVE_HOST
)
@option(
    "--port",
    type=click.IntRange(0, 65535),
    metavar="PORT",
    default=8000,
    show_default=True,
    text=OptionHelp.SERVE_PORT,
)
@option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    text=OptionHelp.SERVE_WORKERS,
)
@option("--token-file", metavar="FILE", default=None, text=OptionHelp.SERVE_TOKEN_FILE)
@option(
    "--max-body",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    metavar="MIB",
    text=OptionHelp.SERVE_MAX_BODY,
)
@option(
    "--max-output",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    metavar="MIB",
    text=OptionHelp.SERVE_MAX_OUTPUT,
)
@option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    metavar="SECONDS",
    text=OptionHelp.SERVE_TIMEOUT,
)
@option(
    "--max-concurrent",
    type=click.IntRange(min=1),
    default=16,
    show_default=True,
    metavar="N",
    text=OptionHelp.SERVE_MAX_CONCURRENT,
)
@option(
    "--max-connections",
    type=click.IntRange(min=1),
    default=256,
    show_default=True,
    metavar="N",
    text=OptionHelp.SERVE_MAX_CONNECTIONS,
)
@option("--cors-origin", multiple=True, metavar="ORIGIN", text=OptionHelp.SERVE_CORS)
@option(
    "--rulebook", "rulebook_files", multiple=True, metavar="FILE", text=OptionHelp.SERVE_RULEBOOK
)
def serve(
    host: str,
    port: int,
    workers: int,
    token_file: str | None,
    max_body: int,
    max_output: int,
    timeout: float,
    max_concurrent: int,
    max_connections: int,
    cors_origin: tuple[str, ...],
    rulebook_files: tuple[str, ...],
) -> None:
    """Run the scoring service (help: :data:`.command_help.SERVE`)."""
    try:
        import uvicorn

        from .._io.editions import load_rulebooks
        from .._service.config import ServiceConfig, read_token_file
    except ImportError as exc:
        fail("serve", missing_extra(exc))
    tokens: tuple[str, ...] = ()
    if token_file is not None:
        try:
            tokens = read_token_file(Path(token_file))
        except OSError as exc:
            fail(token_file, CliText.CANNOT_READ(os_reason(exc)))
        except InputError as exc:
            raise UserError(exc.with_prefix(f"{token_file}: ").problems) from None
        token_file = str(Path(token_file).resolve())
    try:  # every problem of every edition's file, before the service starts
        rulebooks = load_rulebooks(rulebook_files)
    except InputError as exc:
        raise UserError(exc.problems) from None
    rulebook_files = tuple(str(Path(f).resolve()) for f in rulebook_files)
    config = ServiceConfig(
        tokens=tokens,
        max_body=max_body * 2**20,
        max_output=max_output * 2**20,
        timeout=timeout,
        max_concurrent=max_concurrent,
        cors_origins=cors_origin,
        rulebooks=rulebooks,
    )
    os.environ.update(config.to_environment(token_file, rulebook_files))
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # the service logs each request itself, never a body
        log_config=log_config(),
        timeout_graceful_shutdown=int(timeout) + 1,
        limit_concurrency=max_connections,  # open connections, half-open ones included
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        server_header=False,
    )


def log_config() -> dict[str, Any]:
    """Uvicorn's logging, with the service's own loggers added (errors and access)."""
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG, "loggers": dict(LOGGING_CONFIG["loggers"])}
    config["loggers"]["youthaction_scoring.service"] = {"handlers": ["default"], "level": "INFO"}
    config["loggers"]["youthaction_scoring.service.access"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return config
