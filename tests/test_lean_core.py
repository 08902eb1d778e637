"""A lean core: the package needs attrs, cattrs, msgspec and click; rich is the `cli` extra."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"

WITHOUT_RICH = (
    "import sys, runpy; sys.modules['rich'] = None; sys.argv[0] = 'youthaction-scoring'; "
    "runpy.run_module('youthaction_scoring', run_name='__main__')"
)
"""Runs the program as if rich were not installed (``import rich`` fails)."""


def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]  # type: ignore[no-any-return]


def _names(requirements: list[str]) -> list[str]:
    return sorted(r.split(">")[0].split("[")[0].split(";")[0].strip().lower() for r in requirements)


def _plain(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_RICH, *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_the_core_needs_four_packages() -> None:
    """`pip install youthaction-scoring` brings attrs, cattrs, msgspec and click, nothing else."""
    assert ["attrs", "cattrs", "click", "msgspec"] == _names(_project()["dependencies"])


def test_rich_is_the_cli_extra_and_staff_is_excel_report_and_cli() -> None:
    """The cli extra is rich; staff is excel, report and cli; all includes staff."""
    extras = _project()["optional-dependencies"]
    assert ["rich"] == _names(extras["cli"])
    assert ["youthaction-scoring[excel,report,cli]"] == extras["staff"]
    assert extras["all"][0].startswith("youthaction-scoring[staff,")


def test_the_staff_install_is_documented() -> None:
    """README and staff guide tell staff to install the staff extra."""
    for path in ("README.md", "docs/staff-guide.md"):
        text = (ROOT / path).read_text(encoding="utf-8")
        assert 'pip install "youthaction-scoring[staff]"' in text, path


@pytest.mark.parametrize(
    "arguments",
    [
        ("score",),
        ("score", "--lang", "en"),
        ("rank",),
        ("explain", "--community", "nm-01"),
        ("plan",),
        ("progress",),
        ("districts",),
        ("check",),
    ],
    ids=" ".join,
)
def test_every_table_prints_plainly_without_rich(arguments: tuple[str, ...]) -> None:
    """Without rich each table command prints plain text (no box drawing corners) and exits 0."""
    done = _plain(arguments[0], str(EXAMPLE), *arguments[1:])
    assert (0, "") == (done.returncode, done.stderr)
    assert done.stdout.strip()
    assert not set("┏┃┡│└┘") & set(done.stdout)  # rich's box characters


def test_the_plain_score_table_shows_every_total() -> None:
    """Without rich the score table still shows each community's total, as JSON has it."""
    done = _plain("score", str(EXAMPLE), "--lang", "en")
    scored = subprocess.run(
        [sys.executable, "-m", "youthaction_scoring", "score", str(EXAMPLE), "--format", "json"],
        capture_output=True,
        check=True,
    )
    cards = json.loads(scored.stdout)["scorecards"]
    for card in cards:
        line = next(x for x in done.stdout.splitlines() if f"  {card['community_id']}  " in x)
        assert line.split()[-1] == str(card["total"]), card["community_id"]


def test_a_refused_input_without_rich_is_one_line_and_status_2() -> None:
    """Without rich, bad input is still refused with its message and exit status 2."""
    done = _plain("score", str(EXAMPLE), "--as-of", "2019-01")
    assert 2 == done.returncode
    assert "2019-01" in done.stderr
    assert "Traceback" not in done.stderr
