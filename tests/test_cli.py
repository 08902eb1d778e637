"""The ``youthaction-scoring score`` command: output, errors, exit status, atomic files."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_converter import FORMAT_EXAMPLE
from youthaction_scoring import dumps_scorecards, loads_assessment, score_assessment
from youthaction_scoring._cli import main

ROOT = Path(__file__).parent.parent


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """FORMAT.md's example assessment as a file."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps(FORMAT_EXAMPLE, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """An assessment with three problems in two places."""
    doc = copy.deepcopy(FORMAT_EXAMPLE)
    doc["communities"][0]["workforce"]["cadres"]["full_time"] = -1
    doc["communities"][0]["projects"]["activities"][0]["reported"] = "yes"
    doc["surplus"] = True
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    """Run the command in-process; return exit code, stdout and stderr."""
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_table_is_the_default_and_shows_chinese_names(example: Path) -> None:
    """The default output is a table with the community's Chinese name and its total."""
    code, out, err = run("score", str(example))
    assert (0, "") == (code, err)
    assert "新华路社区" in out
    assert "总分" in out
    assert " 80 " in out


def test_english_table(example: Path) -> None:
    """--lang en gives English headings."""
    code, out, _ = run("score", str(example), "--lang", "en")
    assert 0 == code
    assert "total" in out


def test_json_is_the_scorecards_document(example: Path) -> None:
    """--format json writes exactly the scorecards document of the API."""
    code, out, _ = run("score", str(example), "--format", "json")
    expected = dumps_scorecards(score_assessment(loads_assessment(example.read_bytes())))
    assert (0, expected) == (code, out)
    doc = json.loads(out)
    assert ("guiyang-2021", 80) == (doc["rulebook"], doc["scorecards"][0]["total"])


def test_as_of_is_applied_and_stamped(example: Path) -> None:
    """--as-of scores as of that month and says so in the document (R2)."""
    code, out, _ = run("score", str(example), "--format", "json", "--as-of", "2021-11")
    doc = json.loads(out)
    assert (0, "2021-11") == (code, doc["as_of"])
    item3 = doc["scorecards"][0]["items"][6]
    assert ("3", 40) == (item3["code"], item3["points"])


@pytest.mark.usefixtures("english")
def test_bad_input_lists_every_problem_and_exits_2(bad: Path) -> None:
    """Every problem is on stderr, one a line with its place; nothing on stdout; status 2."""
    code, out, err = run("score", str(bad), "--format", "json")
    assert 2 == code
    assert "" == out
    assert [
        "surplus: unknown field",
        "communities[0].workforce.cadres.full_time: must be >= 0, got -1",
        "communities[0].projects.activities[0].reported: must be true or false, got text 'yes'",
    ] == err.splitlines()


@pytest.mark.usefixtures("english")
def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    """A missing file is reported with its name, no traceback, status 2."""
    missing = tmp_path / "nope.json"
    code, out, err = run("score", str(missing))
    assert (2, "") == (code, out)
    assert f"{missing}: cannot read: No such file or directory\n" == err


def test_directory_is_a_clean_error(tmp_path: Path) -> None:
    """A folder given as input is a clean error."""
    folder = tmp_path / "dir.json"
    folder.mkdir()
    code, _, err = run("score", str(folder))
    assert 2 == code
    assert "Traceback" not in err


@pytest.mark.usefixtures("english")
def test_unknown_file_type_is_refused(tmp_path: Path) -> None:
    """An input with an unknown ending is refused, naming the endings we read."""
    path = tmp_path / "in.txt"
    path.write_text("{}", encoding="utf-8")
    code, _, err = run("score", str(path))
    assert 2 == code
    assert "unsupported file type '.txt'" in err


@pytest.mark.parametrize(
    ("as_of", "fragment"),
    [
        ("2021-10", "before the period's first month"),
        ("2021-13", "not a real month"),
        ("21-1", "YYYY-MM"),
    ],
)
@pytest.mark.usefixtures("english")
def test_bad_as_of_exits_2(example: Path, as_of: str, fragment: str) -> None:
    """An as-of month before the period or malformed is refused with status 2 (R2)."""
    code, out, err = run("score", str(example), "--as-of", as_of)
    assert (2, "") == (code, out)
    assert fragment in err


def test_output_file_is_written(example: Path, tmp_path: Path) -> None:
    """-o writes the document to the file and nothing to stdout."""
    target = tmp_path / "out.json"
    code, out, _ = run("score", str(example), "--format", "json", "-o", str(target))
    assert (0, "") == (code, out)
    assert 80 == json.loads(target.read_text(encoding="utf-8"))["scorecards"][0]["total"]
    assert [target.name] == [p.name for p in tmp_path.glob("out*")]


def test_failed_run_leaves_existing_output_untouched(bad: Path, tmp_path: Path) -> None:
    """Bad input never touches an existing output file nor leaves temporary files."""
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    code, _, _ = run("score", str(bad), "--format", "json", "-o", str(target))
    assert 2 == code
    assert "precious" == target.read_text(encoding="utf-8")
    assert ["bad.json", "out.json"] == sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.usefixtures("english")
def test_output_into_missing_folder_is_a_write_failure(example: Path, tmp_path: Path) -> None:
    """-o into a folder that does not exist cannot be written: one line, exit status 1."""
    code, _, err = run("score", str(example), "-o", str(tmp_path / "no" / "out.json"))
    assert 1 == code
    assert [f"cannot write {tmp_path / 'no' / 'out.json'}: folder"] == [
        line.split(" '")[0] for line in err.splitlines()
    ]
    assert "does not exist" in err


@pytest.mark.usefixtures("english")
def test_help_describes_the_command() -> None:
    """Score --help explains INPUT and every option."""
    code, out, _ = run("score", "--help")
    assert 0 == code
    for option in ("--format", "--as-of", "--output", "--lang"):
        assert option in out


def test_python_dash_m_is_the_same_program(bad: Path) -> None:
    """Python -m youthaction_scoring behaves like the script: problems on stderr, status 2."""
    proc = subprocess.run(
        [sys.executable, "-m", "youthaction_scoring", "score", str(bad)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (2, "") == (proc.returncode, proc.stdout)
    assert "Traceback" not in proc.stderr
    assert 3 == len(proc.stderr.splitlines())


def test_readme_test_command_is_what_ci_runs() -> None:
    """The README's second command is the command .ci/run runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```", 2)[1].splitlines()[1:]
    commands = [line for line in block if line.strip() and not line.lstrip().startswith("#")]
    assert 2 == len(commands)
    assert commands[1].strip() in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_ctrl_c_while_the_program_loads_is_no_traceback() -> None:
    """An interrupt while the command line's modules load: "Aborted." in both languages, status 1."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'youthaction_scoring._cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "from youthaction_scoring.__main__ import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip() == "已中止。Aborted."
