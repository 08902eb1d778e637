"""The scoring service, for real: a uvicorn server on loopback, called with httpx.

Every endpoint's answer is compared byte for byte with the command line's
output for the same input and options; every error status is provoked.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from youthaction_scoring import load_assessment
from youthaction_scoring._cli import main
from youthaction_scoring._io.assessments import write_assessment
from youthaction_scoring._io.rulebook import rulebook_document

from .service_server import Server, running

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
JSON = {"content-type": "application/json"}
NDJSON = {"content-type": "application/x-ndjson"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One service with the default options for the module's tests."""
    with running(tmp_path_factory.mktemp("serve")) as found:
        yield found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example assessment as JSON, JSON Lines and a register."""
    pytest.importorskip("openpyxl")
    folder = tmp_path_factory.mktemp("inputs")
    assessment = load_assessment(EXAMPLE)
    found = {"json": EXAMPLE}
    for ending in ("jsonl", "xlsx"):
        found[ending] = folder / f"台账.{ending}"
        write_assessment(assessment, found[ending])
    return found


def cli(tmp_path: Path, *args: str) -> bytes:
    """What the command line writes with ``-o`` for *args* (it must succeed)."""
    out = tmp_path / "cli.out"
    result = CliRunner().invoke(main, [*args, "-o", str(out)], env={"YOUTHACTION_LANG": "zh"})
    assert result.exit_code == 0, result.output
    return out.read_bytes()


@pytest.mark.parametrize(
    ("endpoint", "query", "command"),
    [
        ("score", "", ["score", "--format", "json"]),
        ("score", "as_of=2022-01", ["score", "--format", "json", "--as-of", "2022-01"]),
        ("plan", "lang=en", ["plan", "--format", "json", "--lang", "en"]),
        (
            "plan",
            "community=nm-01&as_of=2022-01",
            ["plan", "--format", "json", "--community", "nm-01", "--as-of", "2022-01"],
        ),
        (
            "explain",
            "community=nm-02&lang=en",
            ["explain", "--format", "text", "--community", "nm-02", "--lang", "en"],
        ),
        (
            "explain",
            "community=nm-01",
            ["explain", "--format", "text", "--community", "nm-01", "--lang", "zh"],
        ),
        ("rank", "", ["rank", "--format", "json"]),
        (
            "rank",
            "by=district&as_of=2022-02",
            ["rank", "--format", "json", "--by", "district", "--as-of", "2022-02"],
        ),
        (
            "progress",
            "lang=en&behind_share=20%25",
            ["progress", "--format", "json", "--lang", "en", "--behind-share", "20%"],
        ),
        (
            "districts",
            "behind_below=120",
            ["districts", "--format", "json", "--behind-below", "120"],
        ),
        (
            "rectify",
            "as_of=2022-01&due=2022-03-31&lang=en",
            [
                "rectify",
                "--format",
                "json",
                "--as-of",
                "2022-01",
                "--due",
                "2022-03-31",
                "--lang",
                "en",
            ],
        ),
        ("rectify", "behind_below=100", ["rectify", "--format", "json", "--behind-below", "100"]),
        ("report", "lang=en", ["report", "--lang", "en"]),
        (
            "report",
            "detail_limit=0&as_of=2022-01",
            ["report", "--detail-limit", "0", "--as-of", "2022-01", "--lang", "zh"],
        ),
        ("check", "lang=en", ["check", "--format", "json", "--lang", "en"]),
    ],
)
def test_answers_are_the_command_lines(
    server: Server, tmp_path: Path, endpoint: str, query: str, command: list[str]
) -> None:
    """Each endpoint answers byte for byte what its command writes, for the same options."""
    if endpoint == "report":
        pytest.importorskip("jinja2")
    with server.client() as client:
        answer = client.post(f"/v1/{endpoint}?{query}", content=EXAMPLE.read_bytes(), headers=JSON)
    assert answer.status_code == 200, answer.text
    assert answer.content == cli(tmp_path, command[0], str(EXAMPLE), *command[1:])


@pytest.mark.parametrize("ending", ["jsonl", "xlsx", "form"])
def test_every_input_format_scores_the_same(
    server: Server, inputs: dict[str, Path], tmp_path: Path, ending: str
) -> None:
    """JSON Lines, a register and a register uploaded in a form score as the CLI scores them."""
    with server.client() as client:
        if ending == "form":
            files = {"file": ("台账.xlsx", inputs["xlsx"].read_bytes(), XLSX)}
            answer = client.post("/v1/score", files=files)
            source = inputs["xlsx"]
        else:
            media = "application/x-ndjson" if ending == "jsonl" else XLSX
            source = inputs[ending]
            answer = client.post(
                "/v1/score", content=source.read_bytes(), headers={"content-type": media}
            )
    assert answer.status_code == 200, answer.text
    lines = ending == "jsonl"
    expected = cli(tmp_path, "score", str(source), "--format", "jsonl" if lines else "json")
    assert answer.content == expected
    assert answer.headers["content-type"].startswith(
        "application/x-ndjson" if lines else "application/json"
    )


def test_json_lines_are_asked_for_by_accept(server: Server, tmp_path: Path) -> None:
    """``Accept: application/x-ndjson`` turns a JSON document's answer into JSON Lines."""
    headers = {**JSON, "accept": "application/x-ndjson"}
    with server.client() as client:
        answer = client.post("/v1/score", content=EXAMPLE.read_bytes(), headers=headers)
    assert answer.status_code == 200
    assert answer.content == cli(tmp_path, "score", str(EXAMPLE), "--format", "jsonl")


@pytest.mark.parametrize("document", ["assessment", "scorecards"])
def test_schemas_are_the_command_lines(server: Server, tmp_path: Path, document: str) -> None:
    """``GET /v1/schema/…`` is ``schema --document …`` byte for byte."""
    with server.client() as client:
        answer = client.get(f"/v1/schema/{document}")
    assert answer.status_code == 200
    assert answer.content == cli(tmp_path, "schema", "--document", document)


def test_rulebook_and_health(server: Server) -> None:
    """The rulebook is the library's document; /healthz says ok and the version."""
    from youthaction_scoring import __version__

    with server.client() as client:
        rulebook = client.get("/v1/rulebook")
        health = client.get("/healthz")
    assert rulebook.json() == rulebook_document()
    assert health.json() == {"status": "ok", "version": __version__}


def _problem(answer: httpx.Response, status: int, kind: str) -> dict[str, object]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = answer.json()
    assert body["status"] == status
    assert str(body["type"]).endswith(f"#problem-{kind}")
    assert "Traceback" not in answer.text
    return body


def test_a_bad_document_is_422_with_every_problem_and_its_place(server: Server) -> None:
    """Every problem of a bad document comes back at once, with its JSON path, in Chinese."""
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["communities"][0]["workforce"]["cadres"]["full_time"] = -1
    document["communities"][2]["unknown"] = 1
    with server.client() as client:
        answer = client.post("/v1/score", json=document)
    body = _problem(answer, 422, "invalid-document")
    places = [p["place"] for p in body["problems"]]  # type: ignore[attr-defined]
    assert places == ["communities[0].workforce.cadres.full_time", "communities[2].unknown"]
    assert body["title"] == "文件内容有误"
    assert answer.headers["content-language"] == "zh"


@pytest.mark.parametrize("endpoint", ["score", "rank"])
def test_a_key_repeated_inside_the_period_is_422_at_its_place(
    server: Server, endpoint: str
) -> None:
    """A repeated ``end`` in the period is refused, never resolved to the last value (issue 25)."""
    text = EXAMPLE.read_text("utf-8")
    period = json.dumps(json.loads(text)["period"])
    start = text.index('"period"')
    end = text.index("}", start) + 1
    repeated = period[:-1] + ', "end": "2021-12"}'
    body = (text[:start] + f'"period": {repeated}' + text[end:]).encode()
    with server.client() as client:
        answer = client.post(f"/v1/{endpoint}", content=body, headers=JSON)
    problems = _problem(answer, 422, "invalid-document")["problems"]
    assert [p["place"] for p in problems] == ["period.end"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("headers", "query", "title"),
    [
        ({"accept-language": "en-GB,en;q=0.9,zh;q=0.5"}, "", "invalid document"),
        ({"accept-language": "fr, zh-CN;q=0.8, en;q=0.5"}, "", "文件内容有误"),
        ({"accept-language": "zh"}, "?lang=en", "invalid document"),
        ({}, "", "文件内容有误"),
    ],
)
def test_problems_speak_the_requests_language(
    server: Server, headers: dict[str, str], query: str, title: str
) -> None:
    """``?lang=`` first, then ``Accept-Language`` by preference, else Chinese."""
    with server.client() as client:
        answer = client.post(
            f"/v1/rank{query}", content=b'{"format": 1}', headers={**JSON, **headers}
        )
    assert _problem(answer, 422, "invalid-document")["title"] == title


def test_json_lines_with_bad_lines_name_each_line(server: Server, inputs: dict[str, Path]) -> None:
    """A JSON Lines body with bad lines is refused whole, every bad line named."""
    lines = inputs["jsonl"].read_bytes().splitlines(keepends=True)
    lines[2] = b'{"id": "x"}\n'
    lines[4] = b"not json\n"
    with server.client() as client:
        answer = client.post("/v1/score?lang=en", content=b"".join(lines), headers=NDJSON)
    body = _problem(answer, 422, "invalid-document")
    texts = [p["text"] for p in body["problems"]]  # type: ignore[attr-defined]
    assert texts
    assert all(t.startswith(("line 3", "line 5")) for t in texts), texts
    assert {t[:6] for t in texts} == {"line 3", "line 5"}


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("?as_of=2021-13", ["?as_of"]),
        ("?as_of=2020-01", ["?as_of"]),
        ("?colour=red&as_of=2022-01&as_of=2022-02", ["?colour", "?as_of"]),
        ("?behind_share=2", ["?behind_share"]),
        ("?behind_share=0.5&behind_below=3", ["?behind_below"]),
        ("?lang=fr", ["?lang"]),
        ("?due=2022-4-30", ["?due"]),
        ("?due=2022-05-01", ["?due"]),
        ("?as_of=2022-03&due=2022-02-28", ["?due"]),
    ],
)
def test_bad_parameters_are_400_each_named(server: Server, query: str, places: list[str]) -> None:
    """Bad, unknown, repeated or clashing parameters: 400, every one named at ``?name``."""
    endpoint = "rectify" if "due" in query else "districts" if "behind" in query else "rank"
    with server.client() as client:
        answer = client.post(f"/v1/{endpoint}{query}", content=EXAMPLE.read_bytes(), headers=JSON)
    body = _problem(answer, 400, "bad-parameter")
    assert [p["place"] for p in body["problems"]] == places  # type: ignore[attr-defined]


def test_explain_needs_a_community_that_exists(server: Server) -> None:
    """Explain without ``community``, or with one not in the input, is a 400 at ``?community``."""
    with server.client() as client:
        missing = client.post("/v1/explain", content=EXAMPLE.read_bytes(), headers=JSON)
        unknown = client.post(
            "/v1/explain?community=nobody", content=EXAMPLE.read_bytes(), headers=JSON
        )
    for answer in (missing, unknown):
        body = _problem(answer, 400, "bad-parameter")
        assert [p["place"] for p in body["problems"]] == ["?community"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/json; charset=latin-1", "application/xml", None]
)
def test_unsupported_media_types_are_415(server: Server, content_type: str | None) -> None:
    """A body in a type the service does not read (or none) is refused with 415."""
    headers = {"content-type": content_type} if content_type else {}
    with server.client() as client:
        answer = client.post("/v1/score", content=EXAMPLE.read_bytes(), headers=headers)
    _problem(answer, 415, "unsupported-media-type")


def test_a_form_without_a_register_is_422(server: Server) -> None:
    """A form whose file is not in the field ``file`` names the field."""
    with server.client() as client:
        answer = client.post("/v1/score", files={"other": ("a.xlsx", b"PK", XLSX)})
    body = _problem(answer, 422, "invalid-document")
    assert [p["place"] for p in body["problems"]] == ["file"]  # type: ignore[attr-defined]


def test_an_empty_body_is_422(server: Server) -> None:
    """An empty body is refused as a document, not scored as nothing."""
    with server.client() as client:
        answer = client.post("/v1/plan", content=b"", headers=JSON)
    _problem(answer, 422, "invalid-document")


def test_unknown_paths_and_methods(server: Server) -> None:
    """Unknown paths are 404 and wrong methods 405 (with ``Allow``), as problem details."""
    with server.client() as client:
        missing = client.get("/v2/score")
        wrong = client.get("/v1/score")
        schema = client.get("/v1/schema/other")
    _problem(missing, 404, "not-found")
    _problem(schema, 404, "not-found")
    _problem(wrong, 405, "method-not-allowed")
    assert wrong.headers["allow"] == "POST"


def test_the_docs_page_is_offline(server: Server) -> None:
    """/docs loads nothing from elsewhere and only talks to this service."""
    with server.client() as client:
        page = client.get("/docs")
        spec = client.get("/openapi.json")
    assert page.status_code == 200
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert "src=" not in page.text.replace('src="', "")  # no script or image from anywhere
    assert 'href="http' not in page.text
    assert spec.json()["openapi"] == "3.1.0"


def test_the_access_log_holds_no_body(server: Server) -> None:
    """Each request is logged by method, path and status, never with its body."""
    marker = "社区-日志-不应出现"
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["description"] = marker
    with server.client() as client:
        assert client.post("/v1/rank", json=document).status_code == 200
    deadline = time.monotonic() + 10  # the line is written once the answer has gone
    while '"POST /v1/rank" 200' not in server.log_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = server.log_text()
    assert '"POST /v1/rank" 200' in log
    assert marker not in log


def test_a_path_cannot_forge_a_log_line_or_steer_a_terminal(server: Server) -> None:
    """A decoded newline, ESC or BEL in a path is logged escaped: one line, no control bytes."""
    forged = "/x%0AINFO:%20%20%20%20%201.2.3.4%20%22POST%20/v1/score%22%20200%201%201ms"
    with server.client() as client:
        assert client.get(forged).status_code == 404
        assert client.get("/y%1B]0;TITLE%07").status_code == 404
    deadline = time.monotonic() + 10
    while "TITLE" not in server.log_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = server.log_text().splitlines()
    assert not any(line.startswith("INFO:     1.2.3.4") for line in lines)
    assert any('"GET /x\\x0aINFO:' in line for line in lines)
    assert any("/y\\x1b]0;TITLE\\x07" in line for line in lines)
    assert not any(char in server.log_text() for char in "\x1b\x07")


def test_a_client_that_goes_away_is_logged_not_a_failure(server: Server) -> None:
    """A client closing mid-body is logged 499, with no traceback and no 500."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(
            b"POST /v1/districts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100000\r\n\r\n{"period":'
        )
        time.sleep(0.2)
    deadline = time.monotonic() + 10
    while '"POST /v1/districts"' not in server.log_text() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = server.log_text()
    assert '"POST /v1/districts" 499 0' in log
    assert "Traceback" not in log
    assert "ClientDisconnect" not in log


@pytest.mark.parametrize(
    "body",
    [
        b"--c637e12e2b1a998d80d1b087531af51c--\r\n",
        b"--c637e12e2b1a998d80d1b087531af51c\r\nNone--c637e12e2b1a998d80d1b087531af51c--\r\n",
        b"-4.95e+16--c637e12e2b1a998d80d1b087531af51c--\r\n",
    ],
)
def test_a_form_that_cannot_be_parsed_is_422(server: Server, body: bytes) -> None:
    """Broken multipart framing (found by Schemathesis) is a bad document, not a server error."""
    headers = {"content-type": "multipart/form-data; boundary=c637e12e2b1a998d80d1b087531af51c"}
    with server.client() as client:
        answer = client.post("/v1/score", content=body, headers=headers)
    assert answer.status_code == 422, answer.text
    assert answer.json()["type"].endswith("#problem-invalid-document")


def test_the_formats_limits_hold_over_http(server: Server) -> None:
    """A text longer than a spreadsheet cell holds is refused at its place, as on the CLI."""
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["communities"][1]["name"] = "社" * 32_768
    document["communities"][3]["name"] = "社" * 32_767  # at the limit: fine
    with server.client() as client:
        answer = client.post("/v1/score?lang=en", json=document)
    body = _problem(answer, 422, "invalid-document")
    assert [p["place"] for p in body["problems"]] == ["communities[1].name"]  # type: ignore[attr-defined]


def test_r18_warnings_come_as_headers(server: Server, tmp_path: Path) -> None:
    """Districts whose communities disagree on 1.1 are warned of in headers, as the CLI warns."""
    from urllib.parse import unquote

    document = json.loads(EXAMPLE.read_text("utf-8"))
    document.pop("districts", None)
    district = document["communities"][0]["district"]
    others = [c for c in document["communities"] if c["district"] == district]
    others[0]["org_system"]["county_youth_orgs"] = ["volunteer_service"]
    others[1]["org_system"]["county_youth_orgs"] = ["culture_arts_sports"]
    source = tmp_path / "disagree.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    cli_run = CliRunner().invoke(main, ["rank", str(source), "--format", "json"])
    with server.client() as client:
        answers = [
            client.post(f"/v1/{endpoint}", content=source.read_bytes(), headers=JSON)
            for endpoint in ("rank", "score", "districts")
        ]
        plain = client.post("/v1/rank", content=EXAMPLE.read_bytes(), headers=JSON)
    for answer in answers:
        assert answer.status_code == 200
        warnings = [unquote(v) for v in answer.headers.get_list("youthaction-warning")]
        assert len(warnings) == 1
        assert district in warnings[0]
        assert warnings[0] in cli_run.stderr  # the same words as on standard error
    assert answers[0].content == cli_run.stdout_bytes
    assert "youthaction-warning" not in plain.headers
    assert "youthaction-warning-count" not in answers[0].headers


@pytest.mark.parametrize("districts", [5, 6, 300])
def test_warning_headers_are_bounded(server: Server, districts: int) -> None:
    """At most five warning headers, then a count: 300 disagreeing districts stay a few KiB."""
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document.pop("districts", None)
    first = document["communities"][0]
    communities = []
    for number in range(districts):
        for index, orgs in enumerate((["volunteer_service"], ["culture_arts_sports"])):
            community = json.loads(json.dumps(first))
            community["id"] = f"d{number}-{index}"
            community["district"] = f"区县{number}"
            community["org_system"]["county_youth_orgs"] = orgs
            communities.append(community)
    document["communities"] = communities
    with server.client() as client:
        answer = client.post("/v1/rank", json=document)
    assert answer.status_code == 200
    assert len(answer.headers.get_list("youthaction-warning")) == min(districts, 5)
    count = answer.headers.get("youthaction-warning-count")
    assert count == (str(districts) if districts > 5 else None)
    assert sum(len(k) + len(v) for k, v in answer.headers.multi_items()) < 4096


def test_explain_finds_a_community_by_name_and_suggests_on_a_miss(server: Server) -> None:
    """``community`` takes a name (R15); a miss lists the nearest ids and names in the language."""
    with server.client() as client:
        named = client.post(
            "/v1/explain?community=中环 社区&lang=en", content=EXAMPLE.read_bytes(), headers=JSON
        )
        near = client.post(
            "/v1/explain?community=中环社&lang=en", content=EXAMPLE.read_bytes(), headers=JSON
        )
    assert 200 == named.status_code
    assert "中环社区 (yy-02)" in named.text
    body = _problem(near, 400, "bad-parameter")
    detail = body["problems"][0]["message"]  # type: ignore[index]
    assert "the nearest: yy-02 (中环社区)" in detail
