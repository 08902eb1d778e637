"""The service's parts on their own: language, parameters, media types, configuration, the rulebook."""

from __future__ import annotations

import gc
import threading
from fractions import Fraction
from pathlib import Path

import attrs
import jsonschema
import pytest

from youthaction_scoring import GUIYANG_2021, ItemCode
from youthaction_scoring._domain.calendar import Month
from youthaction_scoring._domain.errors import InputError, Problem
from youthaction_scoring._io.rulebook import rulebook_document, rulebook_schema
from youthaction_scoring._io.stream import fewer_collections
from youthaction_scoring._service.bodies import body_format
from youthaction_scoring._service.config import (
    MIN_TOKEN_LENGTH,
    ServiceConfig,
    read_token_file,
    read_tokens,
)
from youthaction_scoring._service.params import read_request
from youthaction_scoring._service.problems import (
    KINDS,
    ServiceProblem,
    invalid,
    negotiate_lang,
)
from youthaction_scoring._service.service_texts import ServiceText


@pytest.mark.parametrize(
    ("query", "header", "lang"),
    [
        (None, None, "zh"),
        (None, "en", "en"),
        (None, "en-US,en;q=0.9", "en"),
        (None, "fr-FR, de;q=0.9", "zh"),
        (None, "zh-CN;q=0.4, en;q=0.5", "en"),
        (None, "en;q=0, zh;q=0.1", "zh"),
        (None, "en;q=abc, zh;q=0.1", "zh"),
        (None, "en;q=0.5, zh;q=0.5", "en"),
        ("zh", "en", "zh"),
        ("en", None, "en"),
        ("fr", "en", "en"),
    ],
)
def test_the_language_is_negotiated(query: str | None, header: str | None, lang: str) -> None:
    """``?lang=`` wins; else the preferred of zh/en by q (ties: first), q=0 excluded; else zh."""
    assert negotiate_lang(query, header) == lang


def test_options_are_read_like_the_command_lines() -> None:
    """Values are read by the rules' own readers: months, shares with %, whole totals."""
    options = read_request("report", [("as_of", "2022-01"), ("behind_share", "20%")])
    assert options.as_of == Month.parse("2022-01")
    assert options.behind.share == Fraction(1, 5)
    assert read_request("districts", [("behind_below", "120")]).behind.below == 120
    assert read_request("rank", [("by", "district")]).by_district
    assert read_request("report", [("detail_limit", "0")]).detail_limit == 0


@pytest.mark.parametrize(
    ("endpoint", "query", "places"),
    [
        ("score", [("community", "x")], ["?community"]),
        ("rank", [("by", "street")], ["?by"]),
        ("report", [("detail_limit", "-1"), ("detail_limit", "2")], ["?detail_limit"] * 2),
        ("report", [("detail_limit", "1" * 16)], ["?detail_limit"]),
        (
            "districts",
            [("behind_below", "1.5"), ("behind_share", "0")],
            ["?behind_below", "?behind_share"],
        ),
        ("explain", [], ["?community"]),
        ("progress", [("behind_below", "99999999999999999999")], ["?behind_below"]),
        ("report", [("behind_below", "9" * 5000)], ["?behind_below"]),
        ("districts", [("behind_share", "1e-99999999")], ["?behind_share"]),
        ("plain", [("x", "1"), ("x", "2")], ["?x", "?x"]),
    ],
)
def test_every_bad_parameter_is_named(
    endpoint: str, query: list[tuple[str, str]], places: list[str]
) -> None:
    """Every bad, unknown, repeated or missing parameter is one problem at ``?name``."""
    with pytest.raises(ServiceProblem) as caught:
        read_request(endpoint, query)
    assert caught.value.status == 400
    assert [p.place for p in caught.value.problems] == places


@pytest.mark.parametrize(
    ("header", "fmt"),
    [
        ("application/json", "json"),
        ("Application/JSON; charset=UTF-8", "json"),
        ('application/x-ndjson; charset="utf-8"', "jsonl"),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        ("multipart/form-data; boundary=x", "form"),
    ],
)
def test_media_types_choose_the_reader(header: str, fmt: str) -> None:
    """Each accepted media type (any case, UTF-8 charset) picks its reader."""
    assert body_format(header) == fmt


@pytest.mark.parametrize(
    "header", [None, "", "text/plain", "application/json; charset=gbk", "application/jsonl"]
)
def test_other_media_types_are_415(header: str | None) -> None:
    """No type, another type, or JSON in another character set: 415."""
    with pytest.raises(ServiceProblem) as caught:
        body_format(header)
    assert caught.value.status == 415


def test_problem_bodies_follow_rfc_9457() -> None:
    """type, title, status and detail, in the language asked for; problems with their places."""
    problem = invalid([Problem("line 5: communities[0].id", ServiceText.EMPTY_BODY())])
    zh, en = problem.body("zh"), problem.body("en")
    assert zh["type"].endswith("service.html#problem-invalid-document")
    assert (zh["status"], zh["title"], en["title"]) == (422, "文件内容有误", "invalid document")
    assert zh["problems"][0]["place"] == "line 5: communities[0].id"
    assert zh["problems"][0]["place_text"] == "第5行：communities[0].id"
    assert en["problems"][0]["text"] == "line 5: communities[0].id: the request body is empty"
    assert {status for status, _ in KINDS.values()} == {
        400,
        401,
        404,
        405,
        413,
        415,
        422,
        500,
        501,
        503,
    }


A_TOKEN = "a-token-0123456789"
B_TOKEN = "b-令牌-0123456789ab"


def test_a_token_file_with_a_byte_order_mark_reads_its_tokens_only() -> None:
    """Notepad's BOM and CRLF are not part of a token: the comment line stays a comment."""
    data = f"\ufeff# tokens for the district dashboards\r\n{A_TOKEN}\r\n".encode()
    assert read_tokens(data) == (A_TOKEN,)
    assert read_tokens(b"\xef\xbb\xbf\r\n" + B_TOKEN.encode()) == (B_TOKEN,)


def test_every_refused_token_line_is_named_at_once() -> None:
    """Short tokens and tokens with blanks or invisible characters: one problem each, by line."""
    short = "x" * (MIN_TOKEN_LENGTH - 1)
    enough = "y" * MIN_TOKEN_LENGTH
    data = f"{short}\n{enough}\nhas a space inside it\n\u00a0\u200b{A_TOKEN}\n#{short}\n".encode()
    with pytest.raises(InputError) as caught:
        read_tokens(data)
    places = [problem.place for problem in caught.value.problems]
    assert places == ["line 1", "line 3", "line 4"]
    assert "15 characters, at least 16" in caught.value.problems[0].message.en
    assert read_tokens(enough.encode()) == (enough,)


def test_a_configuration_refuses_weak_tokens_as_the_file_does() -> None:
    """An embedder's ServiceConfig is checked like a token file: no short or blank-holding token."""
    with pytest.raises(InputError) as caught:
        ServiceConfig(tokens=(A_TOKEN, "short", "\ufeff"))
    assert [problem.place for problem in caught.value.problems] == ["tokens[1]", "tokens[2]"]
    assert ServiceConfig(tokens=(A_TOKEN,)).tokens == (A_TOKEN,)


def test_the_configuration_reaches_workers_through_the_environment(tmp_path: Path) -> None:
    """What serve sets is what a worker reads back, the tokens from their file, never the env."""
    tokens = tmp_path / "tokens"
    tokens.write_text(f"# comment\n {A_TOKEN} \n\n{B_TOKEN}\n", "utf-8")
    config = ServiceConfig(
        tokens=read_token_file(tokens),
        max_body=5,
        timeout=1.5,
        max_concurrent=3,
        cors_origins=("https://a.example", "https://b.example"),
    )
    environment = config.to_environment(str(tokens))
    assert not any(A_TOKEN in value for value in environment.values())
    assert ServiceConfig.from_environment(environment) == config
    assert config.tokens == (A_TOKEN, B_TOKEN)
    assert ServiceConfig.from_environment({}) == ServiceConfig()


def test_the_rulebook_document_holds_every_amount_and_keeps_its_schema() -> None:
    """Every amount of the edition's file appears once, by its key; the schema holds."""
    import tomllib

    document = rulebook_document(GUIYANG_2021)
    jsonschema.validate(document, rulebook_schema())
    written = tomllib.loads(GUIYANG_2021.to_toml())
    for item in document["items"]:
        assert {"clause": item["clause"], **item["amounts"]} == written["items"][item["code"]]
    assert written["totals"] == document["totals"]
    assert (document["edition"], document["hash"]) == (GUIYANG_2021.name, GUIYANG_2021.hash)
    changed = attrs.evolve(GUIYANG_2021.amended(ItemCode.C2_1, points=1), name="x")
    other = rulebook_document(changed)
    assert other["items"][3]["amounts"] == {"points": 1}
    assert (other["edition"], other["hash"]) == ("x", changed.hash)
    assert other["max_total"] < document["max_total"]


def test_fewer_collections_is_reentrant_and_restores_once() -> None:
    """Nested and concurrent uses change the collector once and restore it at the last exit."""
    before = gc.get_threshold()
    inside = threading.Event()
    release = threading.Event()

    def other_thread() -> None:
        with fewer_collections():
            inside.set()
            release.wait(10)

    with fewer_collections():
        raised = gc.get_threshold()
        worker = threading.Thread(target=other_thread)
        worker.start()
        assert inside.wait(10)
        with fewer_collections():
            assert gc.get_threshold() == raised
    assert gc.get_threshold() == raised  # the other thread's use is still open
    release.set()
    worker.join(10)
    assert gc.get_threshold() == before
    assert raised[0] >= 50_000
    assert gc.get_freeze_count() == 0


def test_a_report_without_the_report_extra_is_a_501_naming_the_pip_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """POST /v1/report where jinja2 is missing: 501 not-implemented with the install command."""
    import sys

    from youthaction_scoring._present.operations import OPERATION
    from youthaction_scoring._present.settings import Request
    from youthaction_scoring._service.answers import answer
    from youthaction_scoring._service.problems import ServiceProblem

    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.delitem(sys.modules, "youthaction_scoring._present.report.render", raising=False)
    example = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
    with pytest.raises(ServiceProblem) as caught:
        answer(OPERATION["report"], example.read_bytes(), "json", Request(), [])
    body = caught.value.body("en")
    assert 501 == body["status"]
    assert body["type"].endswith("#problem-not-implemented")
    assert 'pip install "youthaction-scoring[report]"' in body["detail"]


def test_the_service_extra_brings_the_report_extra() -> None:
    """The service extra includes the report extra, so /v1/report works as installed."""
    import tomllib

    pyproject = Path(__file__).parent.parent / "pyproject.toml"
    extras = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert "youthaction-scoring[report]" in extras["service"]


def test_a_client_that_goes_away_stops_the_work() -> None:
    """A disconnect while an answer is made: its checkpoint stops it and nobody is answered."""
    import threading
    from collections.abc import Callable

    import anyio
    from starlette.requests import ClientDisconnect

    from youthaction_scoring._domain.checkpoint import CHECKPOINT
    from youthaction_scoring._service import answers
    from youthaction_scoring._service.endpoints import _run

    seen: list[Callable[[], None]] = []
    release = threading.Event()

    def slow() -> str:
        check = CHECKPOINT.get()
        assert check is not None
        check()  # the client is still there: the work goes on
        seen.append(check)
        release.wait(10)  # held until the test has seen the disconnect handled
        return "answer"

    async def gone() -> dict[str, str]:
        while not seen:  # the work has started: now the client leaves
            await anyio.sleep(0.01)
        return {"type": "http.disconnect"}

    async def main() -> None:
        try:
            await _run(gone, slow)
        except ClientDisconnect:
            return
        raise AssertionError("answered a client that left")

    try:
        anyio.run(main)
        assert seen
        with pytest.raises(answers.Abandoned):  # gone: its next checkpoint stops the work
            seen[0]()
    finally:
        release.set()


def test_a_client_that_stays_gets_the_answer_and_errors_are_not_grouped() -> None:
    """Without a disconnect the answer comes back; an error of the work is raised as itself."""
    import anyio

    from youthaction_scoring._service.endpoints import _run

    async def waiting() -> dict[str, str]:
        await anyio.sleep(10)
        return {"type": "http.disconnect"}

    def fails() -> None:
        raise ValueError("bad")

    async def main() -> None:
        assert await _run(waiting, lambda: "answer") == "answer"
        await _run(waiting, fails)

    with pytest.raises(ValueError, match=r"^bad$"):
        anyio.run(main)


@pytest.mark.parametrize("work", ["score", "progress"])
def test_a_checkpoint_stops_work_before_each_community(work: str) -> None:
    """With a checkpoint set, scoring and progress stop at the next community; unset, nothing."""
    from pathlib import Path

    from youthaction_scoring import iter_progress, load_assessment, score_assessment
    from youthaction_scoring._domain.checkpoint import CHECKPOINT

    example = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
    assessment = load_assessment(example)
    calls: list[int] = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 3:
            raise LookupError("stop")

    def run() -> object:
        if work == "score":
            return score_assessment(assessment)
        return list(iter_progress(assessment))

    token = CHECKPOINT.set(check)
    try:
        with pytest.raises(LookupError, match="stop"):
            run()
    finally:
        CHECKPOINT.reset(token)
    assert len(calls) == 3  # stopped at the third community, not at the end
    run()  # unset again: the whole work
    assert len(calls) == 3
