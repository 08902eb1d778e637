"""The documentation site builds cleanly and its examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser

import youthaction_scoring
from youthaction_scoring._io.schema import NOT_IN_SCHEMA

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))


@pytest.mark.slow
def test_sphinx_build_has_no_warnings(tmp_path: Path) -> None:
    """`sphinx-build -W -n -b html docs` succeeds: every warning, every dangling reference fails."""
    options = ["-W", "-n", "--keep-going", "-q", "-b", "html", "-d", str(tmp_path / "doctrees")]
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", *options, str(DOCS), str(tmp_path / "html")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (0, "") == (result.returncode, result.stderr)
    html = tmp_path / "html"
    for page in ("index", "getting-started", "staff-guide", "rules", "format", "schema"):
        assert (html / f"{page}.html").is_file(), page
    for page in ("commands", "api", "performance", "changelog"):
        assert (html / f"{page}.html").is_file(), page
    assert (html / "assessment.schema.json").is_file()
    commands = (html / "commands.html").read_text(encoding="utf-8")
    assert "youthaction-scoring-schema" in commands  # the section of the schema command
    api = (html / "api.html").read_text(encoding="utf-8")
    assert "https://docs.python.org/3/library/datetime.html#datetime.date" in api  # intersphinx
    assert "https://www.attrs.org/en/stable/api.html#attrs.evolve" in api


def _docs_install(text: str) -> str:
    """The pip install command of the docs in *text*, without pip's path and -e."""
    found = re.search(r"pip install (?:-e )?(\S+) --group docs", text)
    assert found, "no `pip install ... --group docs` command"
    return found.group(1).strip('"')


def test_readme_and_read_the_docs_install_the_same_docs_environment() -> None:
    """The README's docs command and .readthedocs.yaml install the same extras and group."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    read_the_docs = (ROOT / ".readthedocs.yaml").read_text(encoding="utf-8")
    assert _docs_install(readme) == _docs_install(read_the_docs)
    assert "sphinx-build -W -n -b html docs docs/_build/html" in readme
    assert "fail_on_warning: true" in read_the_docs


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_code_examples_in_the_docs_run(page: Path) -> None:
    """Every Python example on a page runs and prints what the page says."""
    document = Sybil(parsers=[PythonCodeBlockParser()]).parse(page)
    failures = []
    for example in document:
        try:
            example.evaluate()
        except Exception as exc:  # noqa: BLE001 - every failing example is reported
            failures.append(f"line {example.line}: {exc}")
    assert [] == failures


def _modules() -> list[str]:
    names = [youthaction_scoring.__name__]
    for info in pkgutil.walk_packages(youthaction_scoring.__path__, "youthaction_scoring."):
        names.append(info.name)
    return names


def test_docstring_examples_run() -> None:
    """Every `>>>` example in the package's docstrings gives what it shows."""
    results = []
    for name in _modules():
        module = importlib.import_module(name)
        failed, _attempted = doctest.testmod(module, optionflags=doctest.ELLIPSIS, verbose=False)
        results.append((name, failed))
    assert [] == [(name, failed) for name, failed in results if failed]


def test_getting_started_has_examples() -> None:
    """The getting-started page has Python examples (so the test above checks something)."""
    page = DOCS / "getting-started.md"
    assert len(list(Sybil(parsers=[PythonCodeBlockParser()]).parse(page))) >= 5


def test_every_public_name_is_on_the_api_page() -> None:
    """Each name in __all__ is documented on docs/api.md."""
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"youthaction_scoring\.(\w+)", api))
    assert [] == sorted(set(youthaction_scoring.__all__) - documented)


def test_schema_page_lists_what_the_schema_cannot_say() -> None:
    """docs/schema.md lists every exception of NOT_IN_SCHEMA, word for word."""
    page = (DOCS / "schema.md").read_text(encoding="utf-8")
    assert [] == [text for text in NOT_IN_SCHEMA if f"- {text}\n" not in page]


def test_toctree_lists_every_page() -> None:
    """The index links the pages other helpers write as well as this site's own."""
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in PAGES:
        if page.stem != "index":
            assert f"\n{page.stem}\n" in index, page.stem
