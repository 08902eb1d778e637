"""Outputs never overwrite a workbook without --force, and follow their file ending (issue 21/25)."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthaction_scoring._cli import main
from youthaction_scoring._io.atomic import is_workbook

pytest.importorskip("openpyxl")

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
ONE = "nm-01"

# Every command that writes -o, with what it needs besides INPUT and -o.
WRITERS = {
    "score": ["score", str(EXAMPLE)],
    "score --format csv": ["score", str(EXAMPLE), "--format", "csv"],
    "rank": ["rank", str(EXAMPLE)],
    "explain": ["explain", str(EXAMPLE), "--community", ONE],
    "plan": ["plan", str(EXAMPLE)],
    "progress": ["progress", str(EXAMPLE)],
    "districts": ["districts", str(EXAMPLE)],
    "report": ["report", str(EXAMPLE)],
    "schema": ["schema"],
    "convert": ["convert", str(EXAMPLE)],
    "template": ["template"],
}


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env={"YOUTHACTION_LANG": "zh"})
    return result.exit_code, result.output


def _register(path: Path) -> bytes:
    """A filled register at *path* (whatever its name); its bytes."""
    code, output = _run("convert", str(EXAMPLE), str(path.with_suffix(".xlsx")))
    assert code == 0, output
    path.with_suffix(".xlsx").rename(path)
    return path.read_bytes()


def _with_output(command: str, path: Path, *extra: str) -> list[str]:
    args = WRITERS[command]
    if command in ("convert", "template"):  # their output is an argument
        return [*args, str(path), *extra]
    return [*args, "-o", str(path), *extra]


@pytest.mark.parametrize("name", ["victim.xlsx", "备份.dat", "no-ending"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_no_command_overwrites_a_workbook_without_force(
    tmp_path: Path, command: str, name: str
) -> None:
    """Every -o refuses an existing workbook, whatever its name: exit 2, the file untouched."""
    victim = tmp_path / name
    before = _register(victim)
    args = _with_output(command, victim)
    if command == "score" and name == "victim.xlsx":
        args += ["--format", "xlsx"]  # .xlsx says xlsx; a table there is refused anyway
    code, output = _run(*args)
    assert code == 2, output
    assert output.startswith((str(victim), "--format"))
    assert "Traceback" not in output
    assert victim.read_bytes() == before
    if name != "victim.xlsx" and command not in ("convert", "template"):  # not by its ending
        assert "是已有的工作簿" in output


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("rank", "a.dat"),
        ("score --format csv", "a.csv"),
        ("convert", "a.json"),
        ("report", "a.html"),
    ],
)
def test_force_replaces_a_workbook(tmp_path: Path, command: str, name: str) -> None:
    """With --force the workbook is replaced by what was asked for."""
    victim = tmp_path / name
    before = _register(victim)
    code, output = _run(*_with_output(command, victim, "--force"))
    assert code == 0, output
    assert victim.read_bytes() != before


def test_a_file_that_is_not_a_workbook_is_replaced_without_force(tmp_path: Path) -> None:
    """An old JSON or CSV output is replaced as before; a zip that is no workbook too."""
    old = tmp_path / "rank.json"
    old.write_text("old", "utf-8")
    archive = tmp_path / "other.csv"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("word/document.xml", "<w/>")
    assert _run("rank", str(EXAMPLE), "-o", str(old))[0] == 0
    assert _run("rank", str(EXAMPLE), "-o", str(archive))[0] == 0
    assert json.loads(old.read_text("utf-8"))["ranking"]
    assert not is_workbook(archive)


def test_a_workbook_is_known_by_its_content_not_its_name(tmp_path: Path) -> None:
    """is_workbook: a zip with xl/workbook.xml; not other zips, text, empty or missing files."""
    register = tmp_path / "台账.txt"
    _register(register)
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "text.xlsx").write_text("PK not really", "utf-8")
    with zipfile.ZipFile(tmp_path / "doc.xlsx", "w") as zipped:
        zipped.writestr("word/document.xml", "<w/>")
    assert is_workbook(register)
    for other in ("empty.xlsx", "text.xlsx", "doc.xlsx", "missing.xlsx"):
        assert not is_workbook(tmp_path / other)


def test_a_workbook_output_replaces_no_existing_file_without_force(tmp_path: Path) -> None:
    """A scorecard workbook over any existing file needs --force (as template and convert do)."""
    old = tmp_path / "得分.xlsx"
    old.write_text("notes", "utf-8")
    code, output = _run("score", str(EXAMPLE), "-o", str(old))
    assert (code, old.read_text("utf-8")) == (2, "notes"), output
    assert _run("score", str(EXAMPLE), "-o", str(old), "--force")[0] == 0
    assert is_workbook(old)


@pytest.mark.parametrize(
    ("ending", "check"),
    [
        (".xlsx", is_workbook),
        (".csv", lambda path: next(csv.reader(path.read_text("utf-8-sig").splitlines()))[0]),
        (".json", lambda path: "scorecards" in json.loads(path.read_text("utf-8"))),
        (".jsonl", lambda path: json.loads(path.read_text("utf-8").splitlines()[0])),
        (".txt", lambda path: "nm-01" in path.read_text("utf-8")),
    ],
)
def test_score_writes_what_the_file_ending_says(tmp_path: Path, ending: str, check: object) -> None:
    """Without --format, -o 得分.xlsx is a workbook, .csv a CSV, .json JSON; other endings a table."""
    target = tmp_path / f"得分{ending}"
    code, output = _run("score", str(EXAMPLE), "-o", str(target))
    assert code == 0, output
    assert callable(check)
    assert check(target)


def test_the_format_follows_the_ending_for_every_command(tmp_path: Path) -> None:
    """rank, districts, plan and progress write JSON or CSV to files ending so."""
    for command, ending in [("rank", ".csv"), ("districts", ".json"), ("plan", ".json")]:
        target = tmp_path / f"out-{command}{ending}"
        code, output = _run(*WRITERS[command], "-o", str(target))
        assert code == 0, output
        text = target.read_text("utf-8-sig")
        assert text.startswith("{") == (ending == ".json")


@pytest.mark.parametrize(
    ("args", "place"),
    [
        (["score", str(EXAMPLE), "--format", "table", "-o", "x.xlsx"], "--format"),
        (["score", str(EXAMPLE), "--format", "json", "-o", "x.csv"], "--format"),
        (["score", str(EXAMPLE), "--format", "jsonl", "-o", "x.json"], "--format"),
        (["rank", str(EXAMPLE), "-o", "x.xlsx"], "x.xlsx"),
        (["explain", str(EXAMPLE), "--community", ONE, "-o", "x.json"], "x.json"),
        (["report", str(EXAMPLE), "-o", "x.csv"], "x.csv"),
        (["schema", "-o", "x.xlsx"], "x.xlsx"),
    ],
)
def test_a_format_the_ending_contradicts_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], place: str
) -> None:
    """A file named for another format is refused before anything is written: exit 2."""
    monkeypatch.chdir(tmp_path)
    code, output = _run(*args)
    assert code == 2, output
    assert output.startswith(place)
    assert list(tmp_path.iterdir()) == []


def test_csv_detail_goes_to_a_csv_file(tmp_path: Path) -> None:
    """--format csv-detail is a CSV: .csv agrees with it."""
    target = tmp_path / "明细.csv"
    code, output = _run("score", str(EXAMPLE), "--format", "csv-detail", "-o", str(target))
    assert code == 0, output
    assert target.read_text("utf-8-sig").count("\n") > 30


@pytest.mark.parametrize("name", ["newdir/", "existing/"])
def test_a_folder_name_is_not_written_as_a_file(tmp_path: Path, name: str) -> None:
    """-o newdir/ is refused (exit 2), not written as a file named newdir."""
    (tmp_path / "existing").mkdir()
    code, output = _run("rank", str(EXAMPLE), "-o", f"{tmp_path}/{name}")  # Path drops the /
    assert code == 2, output
    assert "文件夹" in output
    assert not (tmp_path / "newdir").exists()


@pytest.mark.parametrize(("mode", "replaced"), [(0o444, False), (0o644, True), (0o200, True)])
def test_a_read_only_file_is_not_replaced(tmp_path: Path, mode: int, replaced: bool) -> None:
    """`chmod 444` protects a file from -o (a rename would replace it); any write bit lets it go."""
    old = tmp_path / "rank.json"
    old.write_text("old", "utf-8")
    old.chmod(mode)
    status, stderr = _run("rank", str(EXAMPLE), "-o", str(old), "--lang", "en")
    old.chmod(0o644)
    assert (status == 0) is replaced, stderr
    assert (old.read_text("utf-8") != "old") is replaced
    if not replaced:
        assert status == 2
        assert "is read-only" in stderr
        assert [p.name for p in tmp_path.iterdir()] == ["rank.json"]


def test_another_users_file_is_not_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file owned by someone else (a shared folder without the sticky bit) is left alone."""
    import os

    old = tmp_path / "rank.json"
    old.write_text("old", "utf-8")
    monkeypatch.setattr(os, "geteuid", lambda: old.stat().st_uid + 1)
    status, stderr = _run("rank", str(EXAMPLE), "-o", str(old), "--lang", "en")
    assert status == 2
    assert "belongs to another user" in stderr
    assert old.read_text("utf-8") == "old"
