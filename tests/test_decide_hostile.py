import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from tests.decide_helpers import run, unguard, write_assessment
from tests.strategies import HOSTILE_TEXTS, as_id
from youthaction_scoring import (
    Assessment,
    Community,
    Mechanism,
    Mechanisms,
    Period,
    PilotLevel,
    Summary,
)

PERIOD = Period.parse("2021-11:2021-12")
# Rich tables lay out line breaks and tabs; every other hostile text must show verbatim.
ONE_LINE = [t for t in HOSTILE_TEXTS if "\n" not in t and "\t" not in t]


@pytest.fixture(scope="module")
def hostile_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An assessment whose names, districts, ids and summary titles are all hostile text."""
    members = tuple(
        Community(
            id=as_id(text),
            name=text,
            district=text,
            pilot_level=PilotLevel.NATIONAL,
            mechanisms=Mechanisms(
                summaries=(
                    Summary(
                        title=text,
                        mechanism=Mechanism.PROJECT_MANAGEMENT,
                        date=dt.date(2021, 11, 5),
                        recognitions=(),
                    ),
                )
            ),
        )
        for text in HOSTILE_TEXTS
    )
    folder = tmp_path_factory.mktemp("hostile")
    return write_assessment(Assessment(period=PERIOD, communities=members), folder)


@pytest.mark.parametrize("command", ["rank", "plan", "progress", "districts"])
def test_json_outputs_carry_hostile_text_intact(hostile_input: Path, command: str) -> None:
    """Every JSON output parses and holds each hostile text exactly."""
    result = run(command, str(hostile_input), "--format", "json")
    assert 0 == result.exit_code
    strings: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            strings.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(json.loads(result.stdout))
    joined = "\n".join(strings)
    for text in HOSTILE_TEXTS:
        if command != "districts":  # its ids are those behind: none, all totals being equal (R23)
            assert as_id(text) in strings
        if command in ("rank", "districts"):
            assert text in strings
        if command == "plan":  # summary titles appear inside the actions
            assert f"“{text}”" in joined


@pytest.mark.parametrize("command", ["rank", "districts"])
def test_csv_outputs_carry_hostile_text_guarded(hostile_input: Path, command: str) -> None:
    """Every CSV cell is the hostile text, with only the formula guard added."""
    output = run(command, str(hostile_input), "--format", "csv").output
    cells = [cell for row in csv.reader(io.StringIO(output, newline="")) for cell in row]
    assert [] == [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t")]
    unguarded = {unguard(c) for c in cells}
    for text in HOSTILE_TEXTS:
        assert text in unguarded


@pytest.mark.parametrize("command", ["rank", "plan", "progress", "districts"])
def test_tables_show_hostile_text_verbatim(hostile_input: Path, command: str) -> None:
    """Tables print markup-looking text as it is (no rich markup, no interpretation)."""
    result = run(command, str(hostile_input), "--lang", "en")
    assert 0 == result.exit_code
    for text in ONE_LINE:
        assert text.strip() in result.output


def test_report_escapes_every_hostile_text(hostile_input: Path, tmp_path: Path) -> None:
    """The HTML report holds every hostile text only in escaped form."""
    from markupsafe import escape

    target = tmp_path / "r.html"
    assert 0 == run("report", str(hostile_input), "-o", str(target)).exit_code
    document = target.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in document
    for text in HOSTILE_TEXTS:
        assert str(escape(text)) in document
