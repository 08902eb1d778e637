"""--jobs: several worker processes, the same bytes and the same problems as one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tests.malformed import valid_community, valid_header
from youthaction_scoring._cli.app import main
from youthaction_scoring._cli.inputs import AUTO_JOBS_BYTES, jobs_for
from youthaction_scoring._io.parallel import MAX_JOBS, available, default_jobs


def _communities(count: int) -> list[dict[str, Any]]:
    out = [valid_community(f"c{n:03d}") for n in range(count)]
    for n, community in enumerate(out):
        community["workforce"]["cadres"]["part_time"] = n % 4
        community["district"] = ["南明区", "云岩区", "花溪区"][n % 3]
    return out


def _bad(communities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    communities[70]["workforce"]["cadres"]["full_time"] = -1
    communities[150]["id"] = communities[3]["id"]  # a repeated id, found across batches
    communities[199]["name"] = ""
    return communities


def _jsonl(path: Path, communities: list[dict[str, Any]]) -> Path:
    lines = [json.dumps(valid_header(), ensure_ascii=False)]
    lines += [json.dumps(c, ensure_ascii=False) for c in communities]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _document(path: Path, communities: list[dict[str, Any]]) -> Path:
    value = {**valid_header(), "communities": communities}
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("write", "fmt"), [(_jsonl, "jsonl"), (_document, "jsonl"), (_document, "json")]
)
def test_two_processes_write_the_same_bytes(tmp_path: Path, write: Any, fmt: str) -> None:
    """A valid input scored by two worker processes is byte for byte what one process writes."""
    path = write(tmp_path / ("in.jsonl" if write is _jsonl else "in.json"), _communities(300))
    one = _run("score", str(path), "--format", fmt, "--jobs", "1")
    two = _run("score", str(path), "--format", fmt, "--jobs", "2")
    assert 0 == one[0] == two[0]
    assert one[1] == two[1]
    assert one[2] == two[2]  # the same R18 warnings
    assert 300 == (
        len(one[1].splitlines()) if fmt == "jsonl" else len(json.loads(one[1])["scorecards"])
    )


@pytest.mark.parametrize("write", [_jsonl, _document])
def test_two_processes_report_the_same_problems_in_order(tmp_path: Path, write: Any) -> None:
    """Every bad community is reported, in input order, as by one process (exit status 2)."""
    path = write(tmp_path / ("in.jsonl" if write is _jsonl else "in.json"), _bad(_communities(200)))
    out = tmp_path / "out.jsonl"
    one = _run("score", str(path), "--format", "jsonl", "--jobs", "1", "-o", str(out))
    two = _run("score", str(path), "--format", "jsonl", "--jobs", "2", "-o", str(out))
    assert 2 == one[0] == two[0]
    assert one[2] == two[2]
    problems = [line for line in two[2].splitlines() if not line.startswith("warning")]
    assert 3 == len(problems), problems
    assert "duplicate community id 'c003'" in problems[1]
    assert not out.exists()


def test_jobs_is_a_number_or_auto(tmp_path: Path) -> None:
    """--jobs 0 and --jobs x are refused; auto uses workers only for a large input."""
    for value in ("0", "x", "-1"):
        assert 2 == _run("score", "in.jsonl", "--jobs", value)[0]
    small = _jsonl(tmp_path / "in.jsonl", _communities(2))
    assert 1 == jobs_for(None, str(small))
    assert min(3, available()) == jobs_for(3, str(small))
    large = tmp_path / "large.jsonl"
    large.write_bytes(b" " * AUTO_JOBS_BYTES)
    assert default_jobs() == jobs_for(None, str(large))
    assert 1 <= default_jobs() <= MAX_JOBS


@pytest.mark.parametrize("more", [-1, 0, 1, 30])
def test_jobs_stop_at_the_core_count_and_say_so(
    more: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--jobs above the cores this process may use gives one a core, said on standard error."""
    small = _jsonl(tmp_path / "in.jsonl", _communities(2))
    asked = max(available() + more, 1)
    assert jobs_for(asked, str(small)) == min(asked, available())
    said = capsys.readouterr().err
    assert bool(said) == (asked > available())


@pytest.mark.parametrize(
    ("cores", "jobs"), [(1, 1), (2, 1), (3, 1), (4, 4), (5, 5), (8, 8), (9, 8), (64, 8)]
)
def test_auto_uses_one_process_below_four_cores(cores: int, jobs: int) -> None:
    """--jobs auto: one process below four cores, else every core up to 8."""
    assert jobs == default_jobs(cores)


def _children(pid: int) -> set[int]:
    """The processes whose parent is *pid* (Linux /proc)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists() and _state(pid) != "Z"}


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_workers_end_when_their_run_is_killed(tmp_path: Path) -> None:
    """Kill -9 of a `score --jobs 2` run: its worker processes end by themselves within seconds."""
    import os
    import signal
    import subprocess
    import sys
    import time

    source = _jsonl(tmp_path / "big.jsonl", _communities(20_000))
    command = [sys.executable, "-m", "youthaction_scoring", "score", str(source)]
    options = ["--format", "jsonl", "--jobs", "2", "-o", str(tmp_path / "out.jsonl")]
    run = subprocess.Popen([*command, *options], stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and run.poll() is None:
            workers = _children(run.pid)
            time.sleep(0.1)
        assert len(workers) >= 2, "the run ended before its workers were seen"
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        deadline = time.monotonic() + 10  # workers look for their parent every half second
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(workers)
    finally:
        if run.poll() is None:
            run.kill()
