"""Every CSV the program writes opens right in Excel: BOM, headers in the language, labels."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.decide_helpers import run

EXAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "guiyang-2021-2022.json")
COMMANDS = {
    "score": ["score", EXAMPLE, "--format", "csv"],
    "score-detail": ["score", EXAMPLE, "--format", "csv-detail"],
    "rank": ["rank", EXAMPLE, "--format", "csv"],
    "districts": ["districts", EXAMPLE, "--format", "csv"],
}
FIRST = {"score": "排名", "score-detail": "社区编号", "rank": "排名", "districts": "区（市、县）"}
FIRST_EN = {
    "score": "rank",
    "score-detail": "community_id",
    "rank": "rank",
    "districts": "district",
}


def _rows(args: list[str]) -> tuple[str, list[list[str]]]:
    result = run(*args)
    assert 0 == result.exit_code, result.stderr
    text = result.stdout
    return text, list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_csv_starts_with_a_bom_and_headers_in_the_language(name: str) -> None:
    """A BOM first; Chinese headers by default, English with --lang en, both when asked."""
    text, rows = _rows(COMMANDS[name])
    assert text.startswith("\ufeff")
    assert FIRST[name] == rows[0][0]
    assert not any(c.isascii() and c.isalpha() for c in rows[0][0])
    _, english = _rows([*COMMANDS[name], "--lang", "en"])
    assert FIRST_EN[name] == english[0][0]
    _, both = _rows([*COMMANDS[name], "--bilingual-headers"])
    assert f"{FIRST[name]} {FIRST_EN[name]}" == both[0][0]
    assert len(rows[0]) == len(english[0]) == len(both[0])


@pytest.mark.parametrize("name", ["score", "rank"])
def test_batches_are_labels_not_codes(name: str) -> None:
    """The pilot batch is 国家级首批 / national first batch, never the code national."""
    _, rows = _rows(COMMANDS[name])
    column = rows[0].index("试点批次")
    batches = {row[column] for row in rows[1:]}
    assert batches
    assert not batches & {"national", "provincial"}
    _, english = _rows([*COMMANDS[name], "--lang", "en"])
    column = english[0].index("pilot_level")
    assert {row[column] for row in english[1:]} <= {
        "national first batch",
        "provincial first batch",
    }


def test_every_csv_quotes_text_and_leaves_numbers_bare() -> None:
    """The same column conventions everywhere: text quoted, whole numbers bare."""
    for args in COMMANDS.values():
        text = run(*args).stdout.removeprefix("\ufeff")
        second = text.splitlines()[1]
        assert second.startswith('"') or second[0].isdigit()
        assert '"' in second
