"""The staff guide's example files and how its commands are run (no Sphinx needed).

The example files are made from ``examples/guiyang-2021-2022.json``
(fictional data):

* ``台账.xlsx``: the example as a register;
* ``有错的台账.xlsx``: the same register with three typical mistakes.

:mod:`program_output` shows what :func:`run` prints; the tests run the same
commands without building the docs.
"""

from __future__ import annotations

import functools
import os
import shlex
import tempfile
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "guiyang-2021-2022.json"

MISTAKES = (
    ("社区", "cadres.full_time", 2, "两人"),
    ("专项活动", "date", 3, "2021-11-31"),
    ("结对共建", "community_id", 2, "nm-0l"),
)
"""The mistakes of ``有错的台账.xlsx``: (sheet, column, row, value typed)."""


@functools.cache
def example_folder() -> Path:
    """A folder with the example files (made once per build)."""
    import openpyxl

    from youthaction_scoring import load_assessment, write_register
    from youthaction_scoring._io.register.sheets import DATA_SHEETS

    folder = Path(tempfile.mkdtemp(prefix="youthaction-docs-"))
    good = folder / "台账.xlsx"
    write_register(load_assessment(EXAMPLE), good)
    book = openpyxl.load_workbook(good)
    for sheet, code, row, value in MISTAKES:
        layout = next(s for s in DATA_SHEETS if s.name == sheet)
        column = [c.code for c in layout.columns].index(code) + 1
        book[sheet].cell(row=row, column=column, value=value)
    book.save(folder / "有错的台账.xlsx")
    return folder


def run(command: str, columns: int = 100) -> tuple[str, int]:
    """Run a ``youthaction-scoring`` command line in the example folder.

    Args:
        command: The command line, starting with ``youthaction-scoring``.
        columns: The terminal width the program sees.

    Returns:
        What it printed (standard output, then standard error) and its status.
    """
    from click.testing import CliRunner

    from youthaction_scoring._cli.app import main

    words = shlex.split(command)
    if words[:1] != ["youthaction-scoring"]:
        raise ValueError(f"not a youthaction-scoring command: {command!r}")
    here = os.getcwd()
    os.chdir(example_folder())
    try:
        env = {"COLUMNS": str(columns), "YOUTHACTION_LANG": "zh"}
        result = CliRunner().invoke(main, words[1:], prog_name=words[0], env=env)
    finally:
        os.chdir(here)
    return result.output, result.exit_code
