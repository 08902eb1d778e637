"""``--rulebook NAME|FILE`` on every command that scores, ``?rulebook=NAME`` in the service."""

from __future__ import annotations

import json
import re
from pathlib import Path

import anyio
import httpx
import pytest
from click.testing import CliRunner

from youthaction_scoring._cli import main
from youthaction_scoring._domain.codes import ItemCode
from youthaction_scoring._io.editions import load_rulebook
from youthaction_scoring._present.operations import OPERATIONS
from youthaction_scoring._present.settings import RULEBOOK
from youthaction_scoring._rules.editions import GUIYANG_2021, edition_named

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
_NEEDS = {
    "explain": ["--community", "nm-01"],
    "compare": ["--against-rulebook", "guiyang-2021"],
}


def _edition_file(tmp_path: Path, name: str = "guiyang-2023", each: int = 8) -> Path:
    """A copy of the 2021 edition renamed, 2.3 (pairing) paying *each* a record."""
    amended = GUIYANG_2021.amended(ItemCode.C2_3, each=each)
    text = amended.to_toml().replace('name = "guiyang-2021"', f'name = "{name}"')
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_every_operation_takes_the_rulebook_setting(operation: object) -> None:
    """Each operation's settings hold the one RULEBOOK setting (its option and query parameter)."""
    assert RULEBOOK in operation.settings  # type: ignore[attr-defined]


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_every_command_accepts_a_bundled_name(operation: object, tmp_path: Path) -> None:
    """``--rulebook guiyang-2021`` gives exactly what no option gives (the edition in force)."""
    name = operation.name  # type: ignore[attr-defined]
    base = [name, str(EXAMPLE), *_NEEDS.get(name, [])]
    plain, named = tmp_path / "plain", tmp_path / "named"
    first = _run(*base, "-o", str(plain))
    second = _run(*base, "--rulebook", "guiyang-2021", "-o", str(named))
    assert first[0] == second[0]
    assert first[0] in (0, 3)
    assert plain.read_bytes() == named.read_bytes()


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.name)
def test_every_command_refuses_an_unknown_name(operation: object) -> None:
    """An edition that is neither known nor a file: exit 2, naming the known editions."""
    name = operation.name  # type: ignore[attr-defined]
    code, output = _run(
        name, str(EXAMPLE), *_NEEDS.get(name, []), "--rulebook", "no-such", "--lang", "en"
    )
    assert code == 2
    assert "no-such" in output
    assert "guiyang-2021" in output
    assert "Traceback" not in output


def test_a_file_with_a_changed_amount_changes_the_scores(tmp_path: Path) -> None:
    """2.3 at 8 points a pairing: the items and totals move, the stamp names the file's edition."""
    path = _edition_file(tmp_path)
    code, before = _run("score", str(EXAMPLE), "--format", "json")
    assert code == 0
    code, after = _run("score", str(EXAMPLE), "--format", "json", "--rulebook", str(path))
    assert code == 0
    old, new = json.loads(before), json.loads(after)
    assert (old["rulebook"], new["rulebook"]) == ("guiyang-2021", "guiyang-2023")
    assert new["rulebook_hash"] != old["rulebook_hash"]
    assert re.fullmatch(r"[0-9a-f]{12}", new["rulebook_hash"])

    def pairing(doc: dict[str, object]) -> list[int]:
        cards = doc["scorecards"]
        assert isinstance(cards, list)
        return [next(i["points"] for i in c["items"] if i["code"] == "2.3") for c in cards]

    changed = [(a, b) for a, b in zip(pairing(old), pairing(new), strict=True) if a != b]
    assert changed
    assert all(b == min(20, a // 5 * 8) for a, b in changed)


def test_a_broken_file_is_refused_with_every_problem_at_its_key(tmp_path: Path) -> None:
    """A file with two bad amounts: exit 2, both keys named, with the file's name."""
    path = _edition_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("cap = 20", "cap = -1", 2)
    path.write_text(text, encoding="utf-8")
    code, output = _run("rank", str(EXAMPLE), "--rulebook", str(path), "--lang", "en")
    assert code == 2
    assert f'{path}: items."2.2".cap' in output
    assert f'{path}: items."2.3".cap' in output


def _post(app: object, endpoint: str, query: dict[str, str]) -> httpx.Response:
    """POST the example to the service in-process."""

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
            return await client.post(
                f"/v1/{endpoint}",
                params=query,
                content=EXAMPLE.read_bytes(),
                headers={"content-type": "application/json"},
            )

    return anyio.run(call)


def test_the_service_takes_bundled_and_registered_names_only(tmp_path: Path) -> None:
    """?rulebook= names a bundled or registered edition; an unknown one or a path is a 400."""
    pytest.importorskip("starlette")
    from youthaction_scoring._io.editions import load_rulebook
    from youthaction_scoring._service.app import create_app
    from youthaction_scoring._service.config import ServiceConfig

    path = _edition_file(tmp_path)
    app = create_app(ServiceConfig(rulebooks=(load_rulebook(path),)))
    known = _post(app, "score", {"rulebook": "guiyang-2023"})
    assert known.status_code == 200
    assert known.json()["rulebook"] == "guiyang-2023"
    for refused in ("no-such", str(path)):
        answer = _post(app, "rank", {"rulebook": refused, "lang": "en"})
        assert answer.status_code == 400
        assert "guiyang-2021" in answer.text
        assert "guiyang-2023" in answer.text
    assert edition_named("guiyang-2023") is None  # registered with one service, not everywhere


@pytest.mark.usefixtures("english")
def test_serve_refuses_bad_editions_at_start_with_every_problem(tmp_path: Path) -> None:
    """``serve --rulebook`` with a broken file and a missing one: exit 2, both named, nothing served."""
    pytest.importorskip("uvicorn")
    bad = tmp_path / "bad.toml"
    bad.write_text("x = 1\n", encoding="utf-8")
    missing = tmp_path / "missing.toml"
    code, output = _run("serve", "--rulebook", str(bad), "--rulebook", str(missing))
    assert code == 2
    assert f"{bad}: x: unknown key" in output
    assert f"{missing}: cannot be read" in output


@pytest.mark.usefixtures("english")
def test_two_files_of_one_name_are_refused_at_start(tmp_path: Path) -> None:
    """Two registered editions of one name cannot both be chosen by it: refused (exit 2)."""
    pytest.importorskip("uvicorn")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = _edition_file(tmp_path / "a")
    two = _edition_file(tmp_path / "b", each=9)
    code, output = _run("serve", "--rulebook", str(one), "--rulebook", str(two))
    assert code == 2
    assert "'guiyang-2023' is given more than once" in output


def test_the_registered_editions_reach_the_workers(tmp_path: Path) -> None:
    """The files serve registered are passed by path and read again by each worker."""
    pytest.importorskip("starlette")
    from youthaction_scoring._io.editions import load_rulebook
    from youthaction_scoring._service.config import ServiceConfig

    path = _edition_file(tmp_path)
    config = ServiceConfig(rulebooks=(load_rulebook(path),))
    again = ServiceConfig.from_environment(config.to_environment(None, (str(path),)))
    assert again.rulebooks == config.rulebooks
    assert again.rulebooks[0].hash == config.rulebooks[0].hash


_FORMATS = [
    (op.name, fmt)
    for op in OPERATIONS
    for fmt in (op.formats or ("html",))
    if fmt != "xlsx"  # the workbook: test_the_workbook_names_the_edition
]


@pytest.mark.parametrize(("command", "fmt"), _FORMATS, ids=lambda v: str(v))
def test_every_output_names_the_edition_and_its_hash(
    command: str, fmt: str, tmp_path: Path
) -> None:
    """Each command in each format, scored with a file's edition, names it and its 12-hex hash."""
    path = _edition_file(tmp_path)
    edition = load_rulebook(path)
    out = tmp_path / f"out.{fmt}"
    chosen = [] if fmt == "html" else ["--format", fmt]
    code, _ = _run(
        command,
        str(EXAMPLE),
        *_NEEDS.get(command, []),
        *chosen,
        "--rulebook",
        str(path),
        "-o",
        str(out),
    )
    assert code in (0, 3)  # check exits 3 when a row fails
    written = out.read_text(encoding="utf-8")
    assert "guiyang-2023" in written
    assert edition.hash in written
    # compare names both sides: its other side is the 2021 edition (_NEEDS)
    assert (GUIYANG_2021.hash in written) is (command == "compare")


def test_the_workbook_names_the_edition(tmp_path: Path) -> None:
    """The scorecards workbook's 说明 sheet names the edition and its hash."""
    openpyxl = pytest.importorskip("openpyxl")
    path = _edition_file(tmp_path)
    out = tmp_path / "s.xlsx"
    code, _ = _run(
        "score", str(EXAMPLE), "--format", "xlsx", "--rulebook", str(path), "-o", str(out)
    )
    assert code == 0
    sheet = openpyxl.load_workbook(out, read_only=True)["说明"]
    lines = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert f"评分规则 rulebook: guiyang-2023 (sha256 {load_rulebook(path).hash})" in lines
