"""Spreadsheet registers (台账): layout, reading, writing (needs the ``excel`` extra).

Importing this package imports neither python-calamine nor XlsxWriter; the functions do,
when called.
"""

from __future__ import annotations

from .read import read_register
from .write import write_register, write_register_template

__all__ = [
    "read_register",
    "write_register",
    "write_register_template",
]
