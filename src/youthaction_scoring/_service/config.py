"""How a service is set up: its limits, tokens and origins, as one value.

``youthaction-scoring serve`` builds a :class:`ServiceConfig` from its
options and hands it to each worker process through the environment
(``to_environment``), since uvicorn starts its workers by
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

from .._domain.errors import InputError, Problem
from .._domain.messages import Message
from .._rules.rulebook import Rulebook
from .service_texts import ServiceText

DEFAULT_MAX_BODY: Final = 64 * 2**20
"""The largest request body accepted by default: 64 MiB."""
DEFAULT_MAX_OUTPUT: Final = 256 * 2**20
"""The largest answer by default: 256 MiB (422 beyond, its work stopped)."""
DEFAULT_TIMEOUT: Final = 120.0
"""Seconds a request may take by default."""
DEFAULT_MAX_CONCURRENT: Final = 16
"""Requests answered at once by default (per worker process); more get 503."""

MIN_TOKEN_LENGTH: Final = 16
"""The shortest token a token file may hold (shorter ones are refused at start-up)."""

ENV_PREFIX: Final = "YOUTHACTION_SERVICE_"
"""Environment variables of the service start with this."""


def token_refusal(token: str) -> Message | None:
    """Why *token* may not guard the service, or ``None`` when it may.

    A token shorter than :data:`MIN_TOKEN_LENGTH` characters is guessed; one
    holding white space or an invisible character (a byte-order mark, a
    zero-width space) is far more often a mistake — a stray comment, a pasted
    space — than a token anyone chose.
    """
    if any(char.isspace() or not char.isprintable() for char in token):
        return ServiceText.TOKEN_INVISIBLE()
    if len(token) < MIN_TOKEN_LENGTH:
        return ServiceText.TOKEN_SHORT(len(token), MIN_TOKEN_LENGTH)
    return None


def _check_tokens(_config: object, _attribute: object, tokens: tuple[str, ...]) -> None:
    """Refuse a configuration with a token ``token_refusal`` refuses."""
    problems = [
        Problem(f"tokens[{index}]", refused)
        for index, token in enumerate(tokens)
        if (refused := token_refusal(token)) is not None
    ]
    if problems:
        raise InputError(problems)


@attrs.frozen(kw_only=True)
class ServiceConfig:
    """What a running service allows.

    Args:
        tokens: Bearer tokens that may call ``/v1``; empty: no authentication.
            Each is checked as a token file's are (``token_refusal``).
        max_body: The largest request body, in bytes (413 beyond).
        max_output: The largest answer, in bytes (422 beyond, its work stopped).
        timeout: Seconds a request may take (503 beyond).
        max_concurrent: Requests answered at once (503 beyond).
        cors_origins: Origins browsers may call from; empty: CORS off.
        rulebooks: Editions ``?rulebook=NAME`` may name besides the bundled
            ones (``serve --rulebook FILE``); their files are given to the
            workers by path (``to_environment``).
    """

    tokens: tuple[str, ...] = attrs.field(default=(), validator=_check_tokens)
    max_body: int = DEFAULT_MAX_BODY
    max_output: int = DEFAULT_MAX_OUTPUT
    timeout: float = DEFAULT_TIMEOUT
    max_concurrent: int = DEFAULT_MAX_CONCURRENT
    cors_origins: tuple[str, ...] = ()
    rulebooks: tuple[Rulebook, ...] = ()

    def to_environment(
        self, token_file: str | None = None, rulebook_files: tuple[str, ...] = ()
    ) -> dict[str, str]:
        """The environment variables that give this configuration to a worker process.

        Args:
            token_file: The file the tokens were read from: the workers read
                it again, so no token is put in the environment.
            rulebook_files: The files :attr:`rulebooks` were read from (the
                workers read them again, as the tokens).
        """
        return {
            ENV_PREFIX + "TOKEN_FILE": token_file or "",
            ENV_PREFIX + "MAX_BODY": str(self.max_body),
            ENV_PREFIX + "MAX_OUTPUT": str(self.max_output),
            ENV_PREFIX + "TIMEOUT": repr(self.timeout),
            ENV_PREFIX + "MAX_CONCURRENT": str(self.max_concurrent),
            ENV_PREFIX + "CORS_ORIGINS": "\n".join(self.cors_origins),
            ENV_PREFIX + "RULEBOOKS": "\n".join(rulebook_files),
        }

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> ServiceConfig:
        """Read the configuration ``to_environment`` wrote (defaults where unset).

        Raises:
            ValueError: A variable holds something that is not a number.
            InputError: The token file holds a token that is refused (a
                ``ValueError`` too).
            OSError: The token file cannot be read.
        """
        from .._io.editions import load_rulebooks

        env = os.environ if environ is None else environ

        def lines(name: str) -> tuple[str, ...]:
            text = env.get(ENV_PREFIX + name, "")
            return tuple(line.strip() for line in text.splitlines() if line.strip())

        def number(name: str, default: float) -> float:
            text = env.get(ENV_PREFIX + name, "").strip()
            return float(text) if text else default

        token_file = env.get(ENV_PREFIX + "TOKEN_FILE", "")
        tokens = read_token_file(Path(token_file)) if token_file else ()
        return cls(
            tokens=tokens,
            max_body=int(number("MAX_BODY", DEFAULT_MAX_BODY)),
            max_output=int(number("MAX_OUTPUT", DEFAULT_MAX_OUTPUT)),
            timeout=number("TIMEOUT", DEFAULT_TIMEOUT),
            max_concurrent=int(number("MAX_CONCURRENT", DEFAULT_MAX_CONCURRENT)),
            cors_origins=lines("CORS_ORIGINS"),
            rulebooks=load_rulebooks(lines("RULEBOOKS")),
        )


def read_token_file(path: Path) -> tuple[str, ...]:
    """The tokens of the token file at *path* (see :func:`read_tokens`).

    Raises:
        OSError: The file cannot be read.
        InputError: The file is not UTF-8 or holds a refused token.
    """
    return read_tokens(path.read_bytes())


def read_tokens(data: bytes) -> tuple[str, ...]:
    """The tokens of a token file's bytes: one a line, checked.

    The file is UTF-8, with or without a byte-order mark (Windows Notepad
    writes one; read as text it would make the first line a token). Each line
    is stripped; blank lines and lines starting with ``#`` are skipped; a
    token ``token_refusal`` refuses is refused with its line.

    Raises:
        InputError: Every refused line, each with its line number; or the
            file is not UTF-8, or holds no token.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = data[: exc.start].count(b"\n") + 1
        raise InputError([Problem(f"line {where}", ServiceText.TOKEN_NOT_UTF8())]) from None
    tokens: list[str] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        refused = token_refusal(line)
        if refused is None:
            tokens.append(line)
        else:
            problems.append(Problem(f"line {number}", refused))
    if problems:
        raise InputError(problems)
    if not tokens:
        raise InputError([Problem("", ServiceText.NO_TOKENS())])
    return tuple(tokens)
