"""Packaging tells the truth: metadata, licence, version, links, and the optional orjson."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

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


def test_orjson_is_optional() -> None:
    """The orjson package is an extra (fast), not a core dependency."""
    project = _project()
    assert not any(r.startswith("orjson") for r in project["dependencies"])
    assert any(r.startswith("orjson") for r in project["optional-dependencies"]["fast"])


_WITHOUT_ORJSON = """
import sys
sys.modules["orjson"] = None  # import orjson now raises ImportError
from youthaction_scoring._cli import main
from youthaction_scoring._io.codec import CODEC
assert CODEC.name == "json", CODEC.name
main(sys.argv[1:])
"""


@pytest.mark.parametrize(
    "args",
    [
        ["score", "{example}", "--format", "json"],
        ["score", "{example}", "--format", "jsonl"],
        ["convert", "{example}", "{out}.jsonl"],
        ["progress", "{example}", "--format", "json"],
    ],
    ids=["score-json", "score-jsonl", "convert-jsonl", "progress-json"],
)
def test_without_orjson_every_output_is_byte_identical(tmp_path: Path, args: list[str]) -> None:
    """The standard-library fallback writes exactly what orjson writes."""
    outputs = []
    for name, code in (("plain", _WITHOUT_ORJSON), ("fast", None)):
        out = tmp_path / name
        argv = [a.format(example=EXAMPLE, out=out) for a in args]
        if argv[0] != "convert":
            argv += ["-o", f"{out}.out"]
        command = (
            [sys.executable, "-c", code, *argv]
            if code
            else [sys.executable, "-m", "youthaction_scoring", *argv]
        )
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        assert 0 == done.returncode, done.stderr
        written = Path(f"{out}.jsonl") if argv[0] == "convert" else Path(f"{out}.out")
        outputs.append(written.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 1000


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
        assert 'py -m pip install "youthaction-scoring[excel]"' in text, path
