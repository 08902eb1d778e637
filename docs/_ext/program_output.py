"""A directive that runs ``youthaction-scoring`` while the docs are built and shows its output.

The staff guide's examples are the program's real output, never typed by
hand: a page writes

.. code-block:: markdown

    ```{program-output} youthaction-scoring score 有错的台账.xlsx --lang zh
    ```

and the build runs the command (in-process, in a folder holding the example
files below) and shows the command line, what it printed on standard output
and standard error, and its exit status when it is not 0. The example files
are made from ``examples/guiyang-2021-2022.json`` (fictional data):

* ``台账.xlsx``: the example as a register;
* ``有错的台账.xlsx``: the same register with three typical mistakes.
"""

from __future__ import annotations

import functools
import os
import shlex
import tempfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

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


class ProgramOutput(SphinxDirective):
    """``{program-output} COMMAND``: the command and what it prints, run at build time."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {  # noqa: RUF012 - docutils reads it from the class
        "lines": directives.positive_int,
        "columns": directives.positive_int,
    }

    def run(self) -> list[nodes.Node]:
        """Run the command; a crash (a traceback) fails the build."""
        command = self.arguments[0]
        output, status = run(command, self.options.get("columns", 100))
        if status not in (0, 1, 2):
            raise self.error(f"{command!r} ended with status {status}:\n{output}")
        lines = output.rstrip("\n").splitlines()
        limit = self.options.get("lines")
        if limit is not None and len(lines) > limit:
            lines = [*lines[:limit], "…"]
        shown = "\n".join([f"> {command}", *lines])
        if status:
            shown += f"\n(exit status {status} / 退出状态 {status})"
        block = nodes.literal_block(shown, shown)
        block["language"] = "text"
        return [block]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directive."""
    app.add_directive("program-output", ProgramOutput)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
