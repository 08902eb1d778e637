"""The ``youthaction-scoring`` command line: a thin layer over the library.

Each command lives in a module of its own; :mod:`.app` puts them together.
"""

from __future__ import annotations

from .app import main

__all__ = ["main"]
