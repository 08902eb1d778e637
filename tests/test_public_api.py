"""The public API: sorted, documented, typed, and usable as tests/typing/api.py uses it."""

from __future__ import annotations

import inspect
import re
from importlib.metadata import version
from pathlib import Path

import youthaction_scoring
from tests.typing import api


def _isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: CONSTANTS, then Classes, then everything else."""
    if name.isupper() or re.fullmatch(r"[A-Z0-9_]+", name):
        return (0, name)
    if name[0].isupper():
        return (1, name)
    return (2, name)


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted (constants, classes, functions) and names only real objects."""
    names = youthaction_scoring.__all__
    assert sorted(names, key=_isort_key) == names
    assert len(set(names)) == len(names)
    for name in names:
        assert hasattr(youthaction_scoring, name), name


def test_everything_public_is_documented() -> None:
    """Each public function and class, and each public method of a class, has a docstring."""
    missing = []
    for name in youthaction_scoring.__all__:
        obj = getattr(youthaction_scoring, name)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        if not inspect.getdoc(obj):
            missing.append(name)
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_") or not (
                    inspect.isfunction(member) or isinstance(member, property | classmethod)
                ):
                    continue
                if not inspect.getdoc(member):
                    missing.append(f"{name}.{attr}")
    assert [] == missing


def test_public_functions_are_annotated() -> None:
    """Every parameter and return of a public function carries a type annotation."""
    unannotated = []
    for name in youthaction_scoring.__all__:
        obj = getattr(youthaction_scoring, name)
        if inspect.isfunction(obj):
            signature = inspect.signature(obj)
            if signature.return_annotation is inspect.Signature.empty:
                unannotated.append(f"{name} -> ?")
            unannotated.extend(
                f"{name}({p})"
                for p in signature.parameters.values()
                if p.annotation is inspect.Parameter.empty
            )
    assert [] == unannotated


def test_version_comes_from_package_metadata() -> None:
    """__version__ is the installed distribution's version."""
    assert version("youthaction-scoring") == youthaction_scoring.__version__


def test_typing_examples_run(tmp_path: Path) -> None:
    """The calls mypy checks in tests/typing/api.py also work at run time."""
    api.run(tmp_path)


def test_lazy_exports_resolve_and_stay_out_of_the_import() -> None:
    """Spreadsheet, schema, report and pandas functions load on first use, not on import."""
    import subprocess
    import sys

    code = (
        "import sys, youthaction_scoring as y\n"
        "lazy = ('_register', '_schema', '_report', '_pandas')\n"
        "print(sorted(m for m in lazy if 'youthaction_scoring.' + m in sys.modules))\n"
        "from youthaction_scoring import read_register, json_schema\n"
        "print(callable(read_register), callable(y.to_dataframe), y.render_report.__name__)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ["[]", "True True render_report"] == proc.stdout.split("\n")[:2]
