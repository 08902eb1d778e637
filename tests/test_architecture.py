"""The package's shape, checked here so that maintainers need nothing outside the repository.

The import contracts (layers point one way, commands never reach into the
rules, no cycles) are import-linter's, declared in ``pyproject.toml`` under
``[tool.importlinter]``; ``lint-imports`` runs them by hand. Module sizes are
checked below: a module of more than 450 lines, or a command module of more
than 200, has grown two jobs (docs/architecture.md).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "youthaction_scoring"
MODULE_LINES = 450
COMMAND_LINES = 200


def _lint(project: Path) -> tuple[int, str]:
    """Run ``lint-imports`` on *project*'s ``pyproject.toml`` and its ``src``: status, plain text."""
    code = (
        "import sys; from importlinter.cli import lint_imports;"
        " sys.exit(lint_imports(no_cache=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project,
        env={"PYTHONPATH": str(project / "src"), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, re.sub(r"\x1b\[[0-9;]*m", "", result.stdout + result.stderr)


def test_import_contracts_are_kept() -> None:
    """Every import contract of pyproject.toml holds for the package as it is."""
    status, text = _lint(ROOT)
    assert status == 0, text
    assert "3 kept, 0 broken" in text


def test_import_contracts_catch_what_they_forbid(tmp_path: Path) -> None:
    """An upward import, a command importing a rule and a cycle each break their contract."""
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    copy = tmp_path / "src" / "youthaction_scoring"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "_domain" / "limits.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom .._present import operations as _upward  # noqa\n")
    with (copy / "_cli" / "lang.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom .._rules import clause as _reach  # noqa\n")
    with (copy / "_analysis" / "ranking.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom . import plan as _one  # noqa\n")
    with (copy / "_analysis" / "plan.py").open("a", encoding="utf-8") as f:
        f.write("\nfrom . import ranking as _two  # noqa\n")
    status, text = _lint(tmp_path)
    assert status == 1
    for name in ("Layers point one way", "Commands never reach into the rules", "No import cycles"):
        line = next(line for line in text.splitlines() if line.startswith(name))
        assert line.rstrip().endswith("BROKEN"), text


def _sizes() -> list[tuple[str, int, int]]:
    """Each module as (dotted name below the package, lines, its limit)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        limit = COMMAND_LINES if name.startswith("_cli.") else MODULE_LINES
        out.append((name, len(path.read_text(encoding="utf-8").splitlines()), limit))
    return out


def test_every_module_is_within_its_size() -> None:
    """No module over 450 lines and no command module over 200."""
    sizes = _sizes()
    assert len(sizes) > 100  # the walk found the package
    over = [f"{name}: {lines} > {limit}" for name, lines, limit in sizes if lines > limit]
    assert not over
