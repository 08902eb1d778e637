"""The service's guard, for real: tokens, body size, time and concurrency limits, CORS, shutdown."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from youthaction_scoring._cli import main

from .service_server import Server, running

EXAMPLE = Path(__file__).parent.parent / "examples" / "guiyang-2021-2022.json"
JSON = {"content-type": "application/json"}
NDJSON = {"content-type": "application/x-ndjson"}
FIRST = "first-token-8Zk3qW"
SECOND = "second-令牌-2-Zk3qW"
COMMENT = "# the league platform"


def _slowly(data: bytes, seconds: float, pieces: int = 10) -> Iterator[bytes]:
    """*data* in pieces, spread over *seconds* (a slow client)."""
    step = len(data) // pieces + 1
    for start in range(0, len(data), step):
        time.sleep(seconds / pieces)
        yield data[start : start + step]


def _in_background(
    server: Server, path: str, headers: dict[str, str], seconds: float
) -> tuple[threading.Thread, list[httpx.Response]]:
    """POST the example to *path* slowly, over *seconds*, from a thread; its answer lands in the list."""
    answers: list[httpx.Response] = []

    def send() -> None:
        with server.client() as client:
            body = _slowly(EXAMPLE.read_bytes(), seconds)
            answers.append(client.post(path, content=body, headers=headers))

    worker = threading.Thread(target=send)
    worker.start()
    return worker, answers


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A service with tokens, a 1 MiB body limit, one request at a time, 1.5 s each.

    The token file is as Windows Notepad saves it: a byte-order mark, CRLF.
    """
    folder = tmp_path_factory.mktemp("guarded")
    tokens = folder / "tokens.txt"
    tokens.write_bytes(f"\ufeff{COMMENT}\r\n{FIRST}\r\n\r\n{SECOND}\r\n".encode())
    options = ["--token-file", str(tokens), "--max-body", "1", "--max-concurrent", "1"]
    with running(folder, *options, "--timeout", "1.5") as server:
        yield server


def _auth(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def test_tokens_guard_v1_only(guarded: Server) -> None:
    """/v1 needs a listed token (401 with WWW-Authenticate otherwise); health and docs do not."""
    body = EXAMPLE.read_bytes()
    with guarded.client() as client:
        none = client.post("/v1/rank", content=body, headers=JSON)
        wrong = client.post("/v1/rank", content=body, headers={**JSON, **_auth(FIRST.upper())})
        basic = client.get("/v1/rulebook", headers={"authorization": "Basic Zmlyc3QtdG9rZW4="})
        right = client.post("/v1/rank", content=body, headers={**JSON, **_auth(FIRST)})
        utf8 = {b"authorization": f"Bearer {SECOND}".encode()}  # tokens are UTF-8
        other = client.get("/v1/rulebook", headers=utf8)
        bom_line = {b"authorization": f"Bearer \ufeff{COMMENT}".encode()}
        comment = client.get("/v1/rulebook", headers=bom_line)
        bom = client.get("/v1/rulebook", headers={b"authorization": "Bearer \ufeff".encode()})
        open_paths = [client.get(p).status_code for p in ("/healthz", "/openapi.json", "/docs")]
    for answer in (none, wrong, basic, comment, bom):
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"].startswith("Bearer")
        assert answer.headers["content-type"] == "application/problem+json"
    assert (right.status_code, other.status_code) == (200, 200)
    assert open_paths == [200, 200, 200]


def test_a_body_over_the_limit_is_413(guarded: Server) -> None:
    """Over 1 MiB is refused: by its Content-Length, or as it arrives when sent in chunks."""
    limit = 2**20
    headers = {**JSON, **_auth(FIRST)}
    with guarded.client() as client:
        declared = client.post("/v1/score", content=b" " * (limit + 1), headers=headers)
        chunked = client.post("/v1/score", content=iter([b" " * limit, b" " * 10]), headers=headers)
        at_limit = client.post("/v1/score", content=b" " * limit, headers=headers)
    assert declared.status_code == 413
    assert chunked.status_code == 413
    assert declared.json()["type"].endswith("#problem-too-large")
    assert at_limit.status_code == 422  # within the limit: read, and refused as a document


@pytest.mark.slow
def test_one_at_a_time_and_no_longer_than_the_timeout(guarded: Server) -> None:
    """A second request while one runs is 503 with Retry-After; a request past 1.5 s is 503."""
    headers = {**JSON, **_auth(FIRST)}
    worker, slow = _in_background(guarded, "/v1/score", headers, 3.0)
    time.sleep(0.8)
    with guarded.client() as client:
        busy = client.post("/v1/rank", content=EXAMPLE.read_bytes(), headers=headers)
    worker.join(60)
    assert busy.status_code == 503
    assert busy.json()["type"].endswith("#problem-busy")
    assert busy.headers["retry-after"] == "1"
    timed_out = slow[0]
    assert timed_out.status_code == 503
    assert timed_out.json()["type"].endswith("#problem-timed-out")
    with guarded.client() as client:  # and the service goes on
        assert client.post("/v1/rank", content=EXAMPLE.read_bytes(), headers=headers).is_success


@pytest.mark.slow
def test_cors_is_off_unless_an_origin_is_given(tmp_path: Path) -> None:
    """Without --cors-origin no CORS header is sent; with it, that origin may call, no other."""
    origin = "https://tw.example.cn"
    preflight = {"origin": origin, "access-control-request-method": "POST"}
    with running(tmp_path) as plain, plain.client() as client:
        off = client.options("/v1/score", headers=preflight)
        simple = client.get("/healthz", headers={"origin": origin})
    assert "access-control-allow-origin" not in off.headers
    assert "access-control-allow-origin" not in simple.headers
    with running(tmp_path, "--cors-origin", origin) as cors, cors.client() as client:
        allowed = client.options("/v1/score", headers=preflight)
        other = client.options(
            "/v1/score", headers={**preflight, "origin": "https://elsewhere.example"}
        )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == origin
    assert "access-control-allow-origin" not in other.headers


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child: POSIX")
def test_shutdown_finishes_what_it_answers(tmp_path: Path) -> None:
    """On SIGINT (Ctrl+C) a request being answered is finished, then the service exits 0."""
    with running(tmp_path) as server:
        worker, answers = _in_background(server, "/v1/rank", JSON, 2.0)
        time.sleep(0.7)
        server.process.send_signal(signal.SIGINT)
        worker.join(60)
        assert server.process.wait(30) == 0
    assert answers[0].status_code == 200
    assert answers[0].json()["ranking"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "令牌文件中没有令牌"),
        (b"# only a comment\n\n", "令牌文件中没有令牌"),
        (b"\xef\xbb\xbf\r\n", "令牌文件中没有令牌"),
        (None, "无法读取"),
        (b"\xff" + FIRST.encode(), "tokens.txt：第1行：令牌文件不是 UTF-8 文本"),
        (
            f"{FIRST}\n# a comment\nshort\n".encode(),
            "tokens.txt：第3行：令牌只有 5 个字符，至少要 16 个",
        ),
        (f"{FIRST} {SECOND}\n".encode(), "tokens.txt：第1行：令牌中有空白或不可见字符"),
        (f"\u200b{FIRST}\n".encode(), "tokens.txt：第1行：令牌中有空白或不可见字符"),
    ],
)
def test_a_token_file_without_good_tokens_is_refused(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    """Serve refuses a token file that is empty, missing, not UTF-8, or holds a weak token: exit 2."""
    tokens = tmp_path / "tokens.txt"
    if content is not None:
        tokens.write_bytes(content)
    result = CliRunner().invoke(
        main, ["serve", "--token-file", str(tokens)], env={"YOUTHACTION_LANG": "zh"}
    )
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_ten_thousand_communities_stream_in_flat_memory(tmp_path: Path) -> None:
    """10,000 communities of JSON Lines score as the CLI scores them, the service's memory flat."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        import generate  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    generate.write(small, 1_000, 7)
    generate.write(large, 10_000, 7)
    with running(tmp_path) as server, server.client() as client:

        def stream(path: Path) -> bytes:
            def pieces() -> Iterator[bytes]:
                with path.open("rb") as handle:
                    while piece := handle.read(256 * 1024):
                        yield piece

            with client.stream("POST", "/v1/score", content=pieces(), headers=NDJSON) as answer:
                assert answer.status_code == 200
                return b"".join(answer.iter_bytes())

        stream(small)
        after_small = server.rss_peak_kib()
        answer = stream(large)
        after_large = server.rss_peak_kib()
    out = tmp_path / "cli.jsonl"
    result = CliRunner().invoke(main, ["score", str(large), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert answer == out.read_bytes()
    assert answer.count(b"\n") == 10_000
    # Holding the body (22 MiB) or the answer (twice that) would show; one community does not.
    grown_mib = (after_large - after_small) / 1024
    assert large.stat().st_size > 20 * 2**20
    assert grown_mib < 16, grown_mib


@pytest.mark.slow
def test_two_thousand_requests_from_sixteen_clients(tmp_path: Path) -> None:
    """2,000 requests from 16 concurrent clients on loopback all get the right answer, in time."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    try:
        import bench_service  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    body = EXAMPLE.read_bytes()
    expected = CliRunner().invoke(main, ["score", str(EXAMPLE), "--format", "json"]).stdout_bytes
    with running(tmp_path, "--max-concurrent", "32") as server:
        result = bench_service.load(
            server.url, body, expected, requests=2_000, clients=16, deadline=240
        )
    print(result.summary())  # the figures, in the test's output (-s or -rP)
    assert result.wrong == ()
    assert result.sent == result.correct == 2_000
    assert result.percentile(0.5) <= result.percentile(0.99) <= max(result.latencies_ms)


@pytest.mark.slow
def test_workers_serve_together(tmp_path: Path) -> None:
    """With --workers 2 both processes answer on one port, the same bytes."""
    with running(tmp_path, "--workers", "2") as server, server.client() as client:
        answers = {
            client.post("/v1/rank", content=EXAMPLE.read_bytes(), headers=JSON).content
            for _ in range(8)
        }
    assert len(answers) == 1
    assert b'"ranking"' in answers.pop()


@pytest.mark.slow
def test_any_asgi_server_runs_the_module_app(tmp_path: Path) -> None:
    """``uvicorn youthaction_scoring.service:app`` serves it, configured by the environment."""
    uvicorn = (sys.executable, "-m", "uvicorn", "youthaction_scoring.service:app")
    limit = {"YOUTHACTION_SERVICE_MAX_BODY": "1000"}
    with running(tmp_path, program=uvicorn, env=limit) as server, server.client() as client:
        small = client.post("/v1/rank", content=b"{}", headers=JSON)
        large = client.post("/v1/rank", content=EXAMPLE.read_bytes(), headers=JSON)
    assert small.status_code == 422
    assert large.status_code == 413


@pytest.mark.slow
def test_half_sent_requests_cannot_take_every_descriptor(tmp_path: Path) -> None:
    """Past --max-connections, new requests get 503 at once; once the sockets close, 200 again."""
    import socket

    with running(tmp_path, "--max-connections", "4") as server:
        host, port = server.url.removeprefix("http://").split(":")
        held = [socket.create_connection((host, int(port))) for _ in range(6)]
        try:
            for raw in held:
                raw.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # headers never finished
            time.sleep(0.3)
            with server.client() as client:
                refused = client.get("/healthz")
        finally:
            for raw in held:
                raw.close()
        time.sleep(0.3)
        with server.client() as client:
            after = client.get("/healthz")
    assert refused.status_code == 503
    assert after.status_code == 200


@pytest.mark.slow
def test_work_stops_when_its_request_times_out(tmp_path: Path) -> None:
    """A timed-out progress stops at its next month: the next request is not refused as busy."""
    import json

    document = json.loads(EXAMPLE.read_text("utf-8"))
    document.pop("districts", None)
    document["period"] = {"start": "2012-01", "end": "2021-12"}  # 120 months
    template = document["communities"][0]
    document["communities"] = [
        {**json.loads(json.dumps(template)), "id": f"c{number}"} for number in range(1500)
    ]
    big = json.dumps(document, ensure_ascii=False).encode("utf-8")
    small = EXAMPLE.read_bytes()
    options = ("--timeout", "1", "--max-concurrent", "1")
    with running(tmp_path, *options) as server, server.client() as client:
        timed_out = client.post("/v1/progress", content=big, headers=JSON)
        time.sleep(1.0)
        after = client.post("/v1/rank", content=small, headers=JSON)
    assert timed_out.status_code == 503
    assert timed_out.json()["type"].endswith("#problem-timed-out")
    assert after.status_code == 200, after.text
