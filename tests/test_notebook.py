"""The example notebook runs from top to bottom and shows a ranking and charts."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTEBOOK = EXAMPLES / "scoring.ipynb"
DATA = EXAMPLES / "guiyang-2021-2022.json"


@pytest.mark.slow
def test_example_notebook_runs() -> None:
    """Executed in a fresh kernel, every cell runs; the ranking table and two charts appear."""
    if not DATA.is_file():
        pytest.fail(f"{DATA} is missing: the notebook scores it; it must be in the repository")
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES)}},
    )
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert [] == [o for o in outputs if o.output_type == "error"]
    html = "\n".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<th>rank</th>" in html
    assert "<caption>guiyang-2021, 2021-11:2022-04: " in html
    assert 2 == sum("image/png" in o.get("data", {}) for o in outputs)


def test_notebook_is_stored_without_outputs() -> None:
    """The committed notebook has no outputs or execution counts (CI executes it)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [([], None)] * len(code) == [(c.outputs, c.execution_count) for c in code]
