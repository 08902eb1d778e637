"""Hostile output targets: refused with exit 2, written whole or not at all, never a traceback."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests._register_helpers import full_assessment
from tests.hostile.harness import cli, document, json_lines, quick, snapshot, write
from tests.malformed import valid_community
from youthaction_scoring import write_register
from youthaction_scoring._present.terminal import terminal_safe

OLD = "previous content, must survive\n"
MANY = 2000
"""Communities in a large input (a few MB of scorecards, about a second to score)."""


def _input(folder: Path) -> Path:
    return write(folder, "in.json", document(valid_community("c1")))


def _many(folder: Path) -> Path:
    lines = [valid_community(f"c{i}") for i in range(MANY)]
    return write(folder, "many.jsonl", json_lines(*lines))


def _scorecards(text: str) -> list[str]:
    """The community ids of a scorecards document (fails on anything but one whole document)."""
    doc = json.loads(text)
    return [card["community_id"] for card in doc["scorecards"]]


# 1. Targets that are not regular files.


@pytest.mark.usefixtures("english")
def test_fifo_target_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe as -o is refused at once (exit 2) instead of blocking on open."""
    source = _input(tmp_path)
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    outcome = cli("score", str(source), "--format", "json", "-o", str(fifo))
    assert outcome.refused(str(fifo)), outcome
    assert "named pipe" in outcome.stderr
    assert outcome.seconds < 10
    assert not outcome.stdout


@pytest.mark.usefixtures("english")
def test_directory_target_refused(tmp_path: Path) -> None:
    """A directory as -o is refused with exit 2 and nothing is written into it."""
    source = _input(tmp_path)
    folder = tmp_path / "out"
    folder.mkdir()
    before = snapshot(tmp_path)
    outcome = quick("score", str(source), "--format", "json", "-o", str(folder))
    assert outcome.refused(str(folder)), outcome
    assert "directory" in outcome.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.usefixtures("english")
def test_refused_run_leaves_existing_target_untouched(tmp_path: Path) -> None:
    """A refused run (bad input) leaves an existing -o target byte for byte as it was."""
    source = write(tmp_path, "in.json", "{not json")
    target = write(tmp_path, "out.json", OLD)
    before = snapshot(tmp_path)
    outcome = quick("score", str(source), "--format", "json", "-o", str(target))
    assert outcome.refused(), outcome
    assert snapshot(tmp_path) == before


# 2. Symbolic links.


def test_symlink_target_followed_and_kept(tmp_path: Path) -> None:
    """A symlink as -o stays a link; the file it points to gets the new output."""
    source = _input(tmp_path)
    real = write(tmp_path, "real.json", OLD)
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    outcome = quick("score", str(source), "--format", "json", "-o", str(link))
    assert outcome.status == 0, outcome
    assert link.is_symlink()
    assert os.readlink(link) == "real.json"
    assert _scorecards(real.read_text(encoding="utf-8")) == ["c1"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "link.json", "real.json"]


# 3. The output is the input.


@pytest.mark.parametrize("via_link", [False, True], ids=["directly", "via-symlink"])
@pytest.mark.parametrize("command", ["score", "convert"])
@pytest.mark.usefixtures("english")
def test_output_same_as_input_refused(tmp_path: Path, command: str, via_link: bool) -> None:
    """-o (or OUT) naming the input file, directly or through a symlink, is refused."""
    source = _input(tmp_path)
    target = source
    if via_link:
        target = tmp_path / "alias.json"
        target.symlink_to(source.name)
    before = snapshot(tmp_path)
    if command == "score":
        outcome = quick("score", str(source), "--format", "json", "-o", str(target))
    else:
        outcome = quick("convert", str(source), str(target))
    assert outcome.refused(str(target)), outcome
    assert "input file" in outcome.stderr
    assert snapshot(tmp_path) == before


# 4. Existing workbooks need --force.

WORKBOOK_COMMANDS = {
    "template": lambda src, out: ["template", out],
    "convert": lambda src, out: ["convert", src, out],
    "score-xlsx": lambda src, out: ["score", src, "--format", "xlsx", "-o", out],
}


@pytest.mark.parametrize("name", sorted(WORKBOOK_COMMANDS))
@pytest.mark.usefixtures("english")
def test_existing_workbook_needs_force(tmp_path: Path, name: str) -> None:
    """An existing .xlsx is refused without --force (unchanged) and replaced with it."""
    source = _input(tmp_path)
    target = write(tmp_path, "book.xlsx", b"not really a workbook")
    args = WORKBOOK_COMMANDS[name](str(source), str(target))
    refused = quick(*args)
    assert refused.refused(str(target)), refused
    assert "--force" in refused.stderr
    assert target.read_bytes() == b"not really a workbook"
    forced = quick(*args, "--force")
    assert forced.status == 0, forced
    assert target.read_bytes()[:2] == b"PK"  # a zip: a real workbook
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


# 5. `-o -` is standard output.


def test_dash_output_is_stdout(tmp_path: Path) -> None:
    """-o - writes the output to standard output and creates no file named '-'."""
    source = _input(tmp_path)
    outcome = cli("score", str(source), "--format", "json", "-o", "-", cwd=tmp_path)
    assert outcome.status == 0, outcome
    assert _scorecards(outcome.stdout) == ["c1"]
    assert not (tmp_path / "-").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]


# 6. `-` as input is standard input.


def test_stdin_json_document() -> None:
    """A JSON document on standard input is scored."""
    text = document(valid_community("c1"), valid_community("c2"))
    outcome = cli("score", "-", "--format", "json", stdin=text.encode())
    assert outcome.status == 0, outcome
    assert _scorecards(outcome.stdout) == ["c1", "c2"]


def test_stdin_json_lines() -> None:
    """JSON Lines on standard input are scored, one scorecard a line."""
    text = json_lines(valid_community("c1"), valid_community("c2"))
    outcome = cli("score", "-", "--format", "jsonl", stdin=text.encode())
    assert outcome.status == 0, outcome
    lines = [json.loads(line) for line in outcome.stdout.splitlines() if line.strip()]
    assert [line["community_id"] for line in lines] == ["c1", "c2"]


def test_stdin_register_with_input_format(tmp_path: Path) -> None:
    """A register workbook's bytes on standard input are read with --input-format xlsx."""
    register = tmp_path / "register.xlsx"
    assessment = full_assessment()
    write_register(assessment, register)
    outcome = cli(
        "score", "-", "--format", "json", "--input-format", "xlsx", stdin=register.read_bytes()
    )
    assert outcome.status == 0, outcome
    assert _scorecards(outcome.stdout) == [c.id for c in assessment.communities]


@pytest.mark.parametrize("data", [b"hello world\n", b""], ids=["text", "empty"])
@pytest.mark.usefixtures("english")
def test_stdin_unguessable_refused(data: bytes) -> None:
    """Standard input whose format cannot be told is refused at '-' with exit 2."""
    outcome = quick("score", "-", "--format", "json", stdin=data)
    assert outcome.refused("-"), outcome
    assert not outcome.stdout


# 7. A full disk.


def test_full_disk_file_target(tmp_path: Path) -> None:
    """A write that fills the disk: exit 1, one line, target untouched, nothing left behind."""
    source = _input(tmp_path)
    target = write(tmp_path, "out.json", OLD)
    before = snapshot(tmp_path)
    outcome = cli("score", str(source), "--format", "json", "-o", str(target), file_size=1000)
    assert outcome.status == 1, outcome
    assert len(outcome.stderr.splitlines()) == 1, outcome.stderr
    assert str(target) in outcome.stderr
    assert not outcome.traceback
    assert snapshot(tmp_path) == before


@pytest.mark.usefixtures("english")
def test_full_disk_stdout(tmp_path: Path) -> None:
    """Standard output redirected to a file on a full disk: exit 1 with one line, no traceback."""
    source = _input(tmp_path)
    sink = tmp_path / "sink.json"

    def limits() -> None:  # pragma: no cover - runs in the child process
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))

    with sink.open("wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "youthaction_scoring", "score", str(source), "--format", "json"],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.PIPE,
            preexec_fn=limits,
            timeout=30,
            check=False,
        )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, stderr
    assert len(stderr.splitlines()) == 1, stderr
    assert "standard output" in stderr
    assert "Traceback" not in stderr


# 8. A closed pipe.


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    """A reader that stops after a few bytes (| head -c 10): exit 0, nothing on stderr."""
    source = _many(tmp_path)
    with subprocess.Popen(
        [sys.executable, "-m", "youthaction_scoring", "score", str(source), "--format", "jsonl"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        head = process.stdout.read(10)
        process.stdout.close()
        stderr = process.stderr.read().decode("utf-8", "replace")
        status = process.wait(timeout=30)
    assert len(head) == 10
    assert status == 0, stderr
    assert stderr == ""


# 9. SIGTERM while writing.


def _writing(pid: int, folder: Path) -> bool:
    """Whether process *pid* holds a file open in *folder* (its temporary output)."""
    fds = Path(f"/proc/{pid}/fd")
    try:
        links = [os.readlink(fd) for fd in fds.iterdir()]
    except OSError:
        return False
    return any(link.startswith(f"{folder}/") and "many.jsonl" not in link for link in links)


def test_sigterm_during_write_leaves_no_trace(tmp_path: Path) -> None:
    """SIGTERM while writing -o: no temporary file left, target untouched (or whole if done)."""
    source = _many(tmp_path)
    target = write(tmp_path, "out.json", OLD)
    run = ["score", str(source), "--format", "json", "-o", str(target)]
    with subprocess.Popen(
        [sys.executable, "-m", "youthaction_scoring", *run],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        deadline = time.monotonic() + 20
        while process.poll() is None and time.monotonic() < deadline:
            if _writing(process.pid, tmp_path):
                break
            time.sleep(0.005)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
    stderr = err.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.jsonl", "out.json"]
    content = target.read_text(encoding="utf-8")
    if process.returncode == 0:  # finished before the signal: the output is whole
        assert len(_scorecards(content)) == MANY
    else:
        assert content == OLD


# 10. Text for terminals.


@pytest.mark.parametrize(
    ("raw", "forbidden"),
    [
        ("新华\x1b[2J路", "\x1b"),
        ("\x1b]0;owned\x07社区", "\x07"),
        ("覆盖\r社区", "\r"),
        ("空\x00字", "\x00"),
        ("删\x7f除", "\x7f"),
        ("C1\x9b控制", "\x9b"),
    ],
    ids=["ansi-csi", "osc-title", "carriage-return", "nul", "delete", "c1-csi"],
)
def test_terminal_safe_neutralises_controls(raw: str, forbidden: str) -> None:
    """Control characters and escape sequences are shown as visible symbols, not sent."""
    shown = terminal_safe(raw)
    assert forbidden not in shown
    assert all(ch in "\n\t" or ch.isprintable() for ch in shown), repr(shown)


@pytest.mark.parametrize("mark", ["\u202e", "\u202d", "\u2066", "\u2067", "\u2069"])
def test_terminal_safe_neutralises_bidi_overrides(mark: str) -> None:
    """Bidirectional override and isolate characters cannot reorder what a terminal shows."""
    assert mark not in terminal_safe(f"新华{mark}路社区")


def test_terminal_safe_keeps_ordinary_text() -> None:
    """Chinese text, line feeds and tabs pass through unchanged."""
    text = "新华路社区\t青年之家：12 项，得分 87.5\n第二行（全角标点）、《社区青春行动》"
    assert terminal_safe(text) == text
