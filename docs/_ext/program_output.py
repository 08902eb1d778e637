"""A directive that runs ``youthaction-scoring`` while the docs are built and shows its output.

The staff guide's examples are the program's real output, never typed by
hand: a page writes

.. code-block:: markdown

    ```{program-output} youthaction-scoring score 有错的台账.xlsx --lang zh
    ```

and the build runs the command (in-process, in a folder holding the example
files of :mod:`staff_examples`) and shows the command line, what it printed
on standard output and standard error, and its exit status when it is not 0.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from staff_examples import run as run_command


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
        output, status = run_command(command, self.options.get("columns", 100))
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
