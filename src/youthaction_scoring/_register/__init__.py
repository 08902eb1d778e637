"""Spreadsheet registers (台账): layout, reading, writing (needs the ``excel`` extra).

Importing this package does not import openpyxl; the functions do, when called.
"""

from __future__ import annotations

from ._read import read_register
from ._scorecards import scorecards_csv, write_scorecards_xlsx
from ._write import write_register, write_register_template

__all__ = [
    "read_register",
    "scorecards_csv",
    "write_register",
    "write_register_template",
    "write_scorecards_xlsx",
]
