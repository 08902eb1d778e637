"""Packaging tells the truth: metadata, licence, version, links, and the JSON codec."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import youthaction_scoring
from youthaction_scoring._version import __version__

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"


def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]  # type: ignore[no-any-return]


def test_the_licence_is_mit_in_pep_639_form() -> None:
    """License-Expression MIT and the LICENSE file, which is the MIT text."""
    project = _project()
    assert "MIT" == project["license"]
    assert ["LICENSE"] == project["license-files"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Permission is hereby granted, free of charge" in text


def test_project_urls_name_docs_changelog_issues_and_source() -> None:
    """Every URL an index page shows is there and absolute."""
    urls = _project()["urls"]
    assert {"Documentation", "Changelog", "Issues", "Source"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())


def test_classifiers_match_the_pythons_ci_tests() -> None:
    """The Python classifiers are exactly the versions .ci/run tests, from requires-python up."""
    project = _project()
    listed = {
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tested = set(re.search(r"for version in ([\d. ]+); do", run).group(1).split())  # type: ignore[union-attr]
    assert tested == listed
    assert ">=3.11" == project["requires-python"]
    assert min(listed, key=lambda v: tuple(map(int, v.split(".")))) == "3.11"
    assert any(c.startswith("Development Status :: ") for c in project["classifiers"])


def test_the_version_is_written_once() -> None:
    """pyproject.toml reads the version from _version.py; the package exports that constant."""
    assert "version" in _project()["dynamic"]
    with (ROOT / "pyproject.toml").open("rb") as handle:
        hatch = tomllib.load(handle)["tool"]["hatch"]["version"]
    assert "src/youthaction_scoring/_version.py" == hatch["path"]
    assert __version__ == youthaction_scoring.__version__
    literal = re.compile(re.escape(__version__))
    for path in ("pyproject.toml", "docs/conf.py", "src/youthaction_scoring/__init__.py"):
        assert not literal.search((ROOT / path).read_text(encoding="utf-8")), path


def test_readme_links_work_on_an_index_page() -> None:
    """Every link in the README is absolute (a package index has no docs/ folder)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme)
    assert targets
    assert [t for t in targets if not t.startswith("https://")] == []
    assert "RULES.md" not in readme
    assert "FORMAT.md" not in readme


def test_development_tools_are_groups_not_published_extras() -> None:
    """dev, docs and test are PEP 735 groups; no published extra installs pytest or mypy."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        groups = tomllib.load(handle)["dependency-groups"]
    assert {"dev", "docs", "test"} <= set(groups)
    extras = _project()["optional-dependencies"]
    assert "dev" not in extras
    assert "docs" not in extras
    published = " ".join(r for reqs in extras.values() for r in reqs)
    for tool in ("pytest", "mypy", "ruff", "hypothesis", "sphinx"):
        assert tool not in published


def test_msgspec_is_the_one_json_codec() -> None:
    """Msgspec is a core dependency; orjson and the `fast` extra are gone."""
    project = _project()
    assert any(r.startswith("msgspec") for r in project["dependencies"])
    assert "fast" not in project["optional-dependencies"]
    every = " ".join(r for reqs in project["optional-dependencies"].values() for r in reqs)
    assert "orjson" not in every
    assert "fast" not in every


def test_the_documented_shell_completion_works() -> None:
    """The staff guide's completion variable makes the program print a bash completion script."""
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert "_YOUTHACTION_SCORING_COMPLETE=bash_source youthaction-scoring" in guide
    done = subprocess.run(
        [sys.executable, "-m", "youthaction_scoring"],
        capture_output=True,
        text=True,
        env={**os.environ, "_YOUTHACTION_SCORING_COMPLETE": "bash_source"},
        check=False,
    )
    assert "_youthaction_scoring_completion()" in done.stdout


def test_windows_install_is_documented() -> None:
    """README and staff guide give the Windows commands (py -m pip) for staff."""
    for path in ("README.md", "docs/staff-guide.md"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert 'py -m pip install "youthaction-scoring[staff]"' in text, path
