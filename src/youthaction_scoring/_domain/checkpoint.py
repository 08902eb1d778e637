"""A point where long work may be stopped by whoever runs it: between two communities.

Scoring reads the communities one at a time. A program that runs the
library for someone who may give up (the service, for a request that timed
out or whose client went away) sets :data:`CHECKPOINT` for its thread to a
function that raises when the work is no longer wanted; the loops over
communities call :func:`checkpoint` before each one. Unset (the default, and
always on the command line), it costs one lookup.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Final

CHECKPOINT: Final[contextvars.ContextVar[Callable[[], None] | None]] = contextvars.ContextVar(
    "youthaction_scoring_checkpoint", default=None
)
"""What :func:`checkpoint` calls: raises to stop the work; ``None``: nothing to check."""


def checkpoint() -> None:
    """Let the work be stopped here (see :data:`CHECKPOINT`)."""
    check = CHECKPOINT.get()
    if check is not None:
        check()
