"""The scoring service: the library over HTTP, for league systems not written in Python.

A front end beside the command line (:mod:`.._cli`): it imports the
library's layers and adds none of its own rules. Needs the ``service`` extra
(Starlette, uvicorn, python-multipart); nothing of the core imports it.
"""

from __future__ import annotations

from .app import app_from_environment, create_app
from .config import ServiceConfig

__all__ = ["ServiceConfig", "app_from_environment", "create_app"]
