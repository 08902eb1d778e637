"""CSV cells that no spreadsheet reads as a formula (the OWASP guard)."""

from __future__ import annotations

from typing import Any, Final

CSV_TRIGGERS: Final = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is read as a formula by spreadsheets."""


def neutralise_csv(value: Any) -> Any:
    """Neutralise a CSV cell that a spreadsheet would read as a formula (OWASP).

    Args:
        value: A cell value.

    Returns:
        Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return,
        prefixed with ``'``; anything else unchanged.
    """
    if isinstance(value, str) and value.startswith(CSV_TRIGGERS):
        return "'" + value
    return value
