"""``score --format jsonl``: streaming, bad lines, atomic output, progress only on a terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.malformed import spoiled, valid_community, valid_header
from youthaction_scoring._analysis.score import score_assessment
from youthaction_scoring._cli import main
from youthaction_scoring._io.assessments import load_assessment, loads_assessment
from youthaction_scoring._io.scorecards import scorecard_json_line

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"


def _write(path: Path, *communities: dict[str, object]) -> Path:
    lines = [valid_header(), *communities]
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in lines), "utf-8")
    return path


def _good(count: int) -> list[dict[str, object]]:
    return [valid_community(f"c{i}") for i in range(count)]


def _expected(path: Path) -> str:
    cards = score_assessment(load_assessment(path))
    return "".join(scorecard_json_line(c, cards) for c in cards)


def test_jsonl_to_stdout_is_one_scorecard_a_line(tmp_path: Path) -> None:
    """A valid file gives one scorecard line per community, in order, exit 0."""
    source = _write(tmp_path / "in.jsonl", *_good(3))
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 0
    assert _expected(source) == result.stdout
    assert [json.loads(x)["community_id"] for x in result.stdout.splitlines()] == ["c0", "c1", "c2"]


def test_jsonl_output_file_is_written(tmp_path: Path) -> None:
    """With -o the scorecards go to the file and nothing to standard output."""
    source = _write(tmp_path / "in.jsonl", *_good(2))
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["score", str(source), "--format", "jsonl", "-o", str(target)]
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert _expected(source) == target.read_text("utf-8")


@pytest.mark.usefixtures("english")
def test_bad_lines_deep_inside_are_all_reported_and_the_file_survives(tmp_path: Path) -> None:
    """Two bad lines: both reported with line and path, exit 2, existing -o file untouched."""
    communities = _good(30)
    communities[11] = spoiled("negative count", "c11")
    communities[24] = spoiled("yes for a boolean", "c24")
    source = _write(tmp_path / "in.jsonl", *communities)
    target = tmp_path / "out.jsonl"
    target.write_text("previous results\n", "utf-8")
    result = CliRunner().invoke(
        main, ["score", str(source), "--format", "jsonl", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "line 13: workforce.cadres.part_time: must be >= 0, got -1",
        "line 26: projects.activities[0].reported: must be true or false, got text 'yes'",
    ]
    assert target.read_text("utf-8") == "previous results\n"
    assert {"in.jsonl", "out.jsonl"} == {p.name for p in tmp_path.iterdir()}


def test_failed_run_creates_no_output_file(tmp_path: Path) -> None:
    """With -o and a bad line, no file appears where there was none."""
    source = _write(tmp_path / "in.jsonl", valid_community("a"), spoiled("null date", "b"))
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["score", str(source), "--format", "jsonl", "-o", str(target)]
    )
    assert result.exit_code == 2
    assert not target.exists()


@pytest.mark.usefixtures("english")
def test_stdout_keeps_the_lines_before_the_first_bad_one(tmp_path: Path) -> None:
    """To stdout: scorecards of lines before the first bad one stay; none after; exit 2."""
    communities = [*_good(3), spoiled("missing id"), *_good(5)[3:]]
    source = _write(tmp_path / "in.jsonl", *communities)
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 2
    assert [json.loads(x)["community_id"] for x in result.stdout.splitlines()] == ["c0", "c1", "c2"]
    assert result.stderr.splitlines() == ["line 5: id: required field missing"]


@pytest.mark.usefixtures("english")
def test_duplicate_id_is_a_bad_line(tmp_path: Path) -> None:
    """A repeated community id is reported at the repeating line, naming the first."""
    source = _write(tmp_path / "in.jsonl", valid_community("a"), valid_community("a"))
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "line 3: id: duplicate community id 'a' (first at line 2)"
    ]


@pytest.mark.usefixtures("english")
def test_bad_header_writes_nothing(tmp_path: Path) -> None:
    """An invalid header is reported on line 1 and no scorecard is written."""
    header = valid_header()
    header["period"] = {"start": "2022-04", "end": "2021-11"}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(header) + "\n" + json.dumps(valid_community()) + "\n", "utf-8")
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (result.stderr.splitlines()) == [
        "line 1: period.start: start 2022-04 is after end 2021-11 (R1)"
    ]


@pytest.mark.usefixtures("english")
def test_empty_file_has_no_header(tmp_path: Path) -> None:
    """An empty .jsonl file is refused: the header line is missing."""
    source = tmp_path / "in.jsonl"
    source.write_bytes(b"")
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "line 1: the header line is missing" in result.stderr


def test_as_of_before_period_is_an_option_error(tmp_path: Path) -> None:
    """--as-of before the first month is refused before anything is written (R2)."""
    source = _write(tmp_path / "in.jsonl", *_good(1))
    result = CliRunner().invoke(
        main, ["score", str(source), "--format", "jsonl", "--as-of", "2021-10"]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--as-of" in result.stderr


def test_json_input_can_be_written_as_jsonl(tmp_path: Path) -> None:
    """A .json assessment scores to the same JSON Lines as its .jsonl twin."""
    twin = _write(tmp_path / "in.jsonl", *_good(2))
    doc = dict(valid_header(), communities=_good(2))
    source = tmp_path / "in.json"
    source.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.exit_code == 0
    assert _expected(twin) == result.stdout


@pytest.mark.usefixtures("english")
def test_missing_input_file_is_a_user_error(tmp_path: Path) -> None:
    """A missing .jsonl file: exit 2, no traceback."""
    result = CliRunner().invoke(main, ["score", str(tmp_path / "no.jsonl"), "--format", "jsonl"])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    """Piped stderr gets only problems, never progress bar drawing."""
    source = _write(tmp_path / "in.jsonl", *_good(3))
    result = CliRunner().invoke(main, ["score", str(source), "--format", "jsonl"])
    assert result.stderr == ""


def test_progress_bar_is_drawn_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When stderr is a terminal, a rich progress bar is used and problems still appear."""
    from youthaction_scoring._cli import progress_bar

    drawn: list[str] = []

    class FakeBar:
        def __init__(self, input_path: str) -> None:
            drawn.append("start")

        def __enter__(self):  # type: ignore[no-untyped-def]
            return (lambda n: drawn.append(f"advance {n}")), (lambda p: drawn.append(str(p)))

        def __exit__(self, *exc: object) -> None:
            drawn.append("stop")

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(progress_bar, "ByteProgress", FakeBar)
    source = _write(tmp_path / "in.jsonl", *_good(2), spoiled("null name", "x"))
    with pytest.raises(SystemExit) as stopped:
        main(["score", str(source), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl")])
    assert stopped.value.code == 2
    assert drawn[0] == "start"
    assert "line 4: name: must be text, got null" in drawn
    assert drawn[-1] == "stop"


@pytest.mark.usefixtures("english")
def test_rich_progress_bar_runs(tmp_path: Path) -> None:
    """The real rich progress bar starts, advances, reports and stops without error."""
    from youthaction_scoring._cli.progress_bar import ByteProgress
    from youthaction_scoring._domain.errors import Problem
    from youthaction_scoring._io.reading_texts import ReadText

    source = _write(tmp_path / "in.jsonl", *_good(1))
    with ByteProgress(str(source)) as (advance, report):
        advance(5)
        report(Problem("line 2", ReadText.MISSING()))


def test_no_progress_bar_when_scorecards_go_to_the_same_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With stdout and stderr both terminals and no -o, no bar is drawn over the scorecards."""
    from youthaction_scoring._cli import progress_bar

    started: list[int] = []

    def fake_bar(input_path: str) -> object:
        started.append(1)
        raise AssertionError("no bar expected")

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(progress_bar, "ByteProgress", fake_bar)
    source = _write(tmp_path / "in.jsonl", *_good(2))
    with pytest.raises(SystemExit) as stopped:
        main(["score", str(source), "--format", "jsonl"])
    assert stopped.value.code == 0
    assert started == []
    assert len(capsys.readouterr().out.splitlines()) == 2


@pytest.mark.parametrize("ending", [".json", ".jsonl"])
def test_streamed_convert_is_byte_identical_to_the_whole_file_path(
    tmp_path: Path, ending: str
) -> None:
    """Convert big.jsonl OUT streams, and writes exactly what the in-memory writers write."""
    from youthaction_scoring import dumps_assessment
    from youthaction_scoring._io.jsonl import read_assessment_jsonl, write_assessment_jsonl

    source = tmp_path / "in.jsonl"
    assessment = loads_assessment(EXAMPLE.read_bytes())
    with source.open("w", encoding="utf-8", newline="") as handle:
        write_assessment_jsonl(assessment, handle)
    target = tmp_path / f"out{ending}"
    result = CliRunner().invoke(main, ["convert", str(source), str(target)])
    assert (0, "") == (result.exit_code, result.stderr)
    if ending == ".json":
        expected = dumps_assessment(read_assessment_jsonl(source))
    else:
        expected = source.read_text(encoding="utf-8")
    assert expected == target.read_text(encoding="utf-8")


@pytest.mark.parametrize("ending", [".json", ".jsonl"])
def test_streamed_convert_of_an_empty_assessment(tmp_path: Path, ending: str) -> None:
    """A JSON Lines file with only a header converts to an assessment without communities."""
    from youthaction_scoring import dumps_assessment

    source = tmp_path / "in.jsonl"
    source.write_text(
        '{"format": "youthaction-scoring/1", "period": {"start": "2021-11", "end": "2022-04"}}\n',
        encoding="utf-8",
    )
    target = tmp_path / f"out{ending}"
    result = CliRunner().invoke(main, ["convert", str(source), str(target)])
    assert 0 == result.exit_code
    doc = loads_assessment(target.read_bytes()) if ending == ".json" else None
    if doc is not None:
        assert dumps_assessment(doc) == target.read_text(encoding="utf-8")
        assert () == doc.communities


@pytest.mark.usefixtures("english")
def test_streamed_convert_with_bad_lines_reports_all_and_keeps_the_old_file(tmp_path: Path) -> None:
    """Every bad line is reported with its number; an existing OUT survives untouched."""
    source = tmp_path / "in.jsonl"
    good = '{"id": "a", "name": "A", "district": "南明区", "pilot_level": "national"}'
    source.write_text(
        '{"format": "youthaction-scoring/1", "period": {"start": "2021-11", "end": "2022-04"}}\n'
        + good
        + "\n"
        + '{"id": "b", "name": "", "district": "南明区", "pilot_level": "national"}\n'
        + good
        + "\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.jsonl"
    target.write_text("precious", encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(source), str(target)])
    assert 2 == result.exit_code
    assert [
        "line 3: name: must not be blank",
        "line 4: id: duplicate community id 'a' (first at line 2)",
    ] == result.stderr.splitlines()
    assert "precious" == target.read_text(encoding="utf-8")
    assert ["in.jsonl", "out.jsonl"] == sorted(p.name for p in tmp_path.iterdir())
