"""Load the scoring service from concurrent clients on loopback, bounded in count and time.

Run ``python benchmarks/bench_service.py --help``. It starts
``youthaction-scoring serve`` on a free 127.0.0.1 port (or uses ``--url``),
sends ``--requests`` scoring requests from ``--clients`` concurrent clients,
checks every answer against the command line's, and reports throughput and
latency percentiles. It stops by itself: after the last request, or at
``--deadline`` seconds, whichever comes first. It never sends anything
beyond the loopback address.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import attrs
import httpx

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guiyang-2021-2022.json"


@attrs.frozen
class LoadResult:
    """What a load run measured."""

    sent: int
    correct: int
    wrong: tuple[str, ...]
    seconds: float
    latencies_ms: tuple[float, ...]

    @property
    def throughput(self) -> float:
        """Answers per second."""
        return self.sent / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """The latency below which *share* of the answers came, in milliseconds."""
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def summary(self) -> str:
        """One paragraph for people."""
        mean = statistics.fmean(self.latencies_ms) if self.latencies_ms else 0.0
        return (
            f"{self.sent} requests, {self.correct} correct, {len(self.wrong)} wrong,"
            f" in {self.seconds:.1f} s: {self.throughput:.0f} requests/s;"
            f" latency mean {mean:.0f} ms, p50 {self.percentile(0.5):.0f} ms,"
            f" p90 {self.percentile(0.9):.0f} ms, p99 {self.percentile(0.99):.0f} ms,"
            f" max {max(self.latencies_ms, default=0):.0f} ms"
        )


def load(
    url: str,
    body: bytes,
    expected: bytes,
    *,
    requests: int = 2_000,
    clients: int = 16,
    deadline: float = 300.0,
    path: str = "/v1/score",
) -> LoadResult:
    """Send *requests* POSTs of *body* from *clients* threads; compare each answer to *expected*.

    Args:
        url: The service, on a loopback address only.
        body: A JSON assessment.
        expected: The answer every request must get.
        requests: How many requests in all.
        clients: How many at once (one connection each).
        deadline: Stop sending after this many seconds, whatever is left.
        path: The endpoint.

    Returns:
        What was measured.
    """
    host = urlsplit(url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise SystemExit(f"refusing to load {host}: loopback only")
    lock = threading.Lock()
    left = [requests]
    latencies: list[float] = []
    wrong: list[str] = []
    stop_at = time.monotonic() + deadline

    def client_loop() -> None:
        with httpx.Client(base_url=url, timeout=120) as client:
            while time.monotonic() < stop_at:
                with lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                began = time.perf_counter()
                try:
                    answer = client.post(
                        path, content=body, headers={"content-type": "application/json"}
                    )
                    ok = answer.status_code == 200 and answer.content == expected
                    why = "" if ok else f"{answer.status_code}: {answer.text[:200]}"
                except httpx.HTTPError as exc:
                    why = f"{type(exc).__name__}: {exc}"
                took = (time.perf_counter() - began) * 1000
                with lock:
                    latencies.append(took)
                    if why:
                        wrong.append(why)

    began = time.perf_counter()
    threads = [threading.Thread(target=client_loop) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(deadline + 130)
    seconds = time.perf_counter() - began
    sent = len(latencies)
    return LoadResult(sent, sent - len(wrong), tuple(wrong), seconds, tuple(latencies))


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) of process *pid* and its waited-for children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def one_community(document: bytes) -> bytes:
    """The example reduced to its first community (a small request, as a league system sends)."""
    parsed = json.loads(document)
    parsed["communities"] = parsed["communities"][:1]
    parsed.pop("districts", None)
    return json.dumps(parsed, ensure_ascii=False).encode("utf-8")


@contextlib.contextmanager
def serving(workers: int) -> Iterator[tuple[str, int]]:
    """Start ``serve`` on a free loopback port; its URL and process id, until the block ends."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.service_server import running
    finally:
        sys.path.pop(0)
    import tempfile

    with (
        tempfile.TemporaryDirectory() as folder,
        running(Path(folder), "--workers", str(workers), "--max-concurrent", "64") as server,
    ):
        yield server.url, server.process.pid


def main() -> None:
    """Run the load from the command line and print the result."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1, help="service worker processes")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds at most")
    parser.add_argument("--url", help="a running service on loopback (else one is started)")
    parser.add_argument(
        "--one",
        action="store_true",
        help="send one community a request (the example's first), not the whole example",
    )
    args = parser.parse_args()
    body = one_community(EXAMPLE.read_bytes()) if args.one else EXAMPLE.read_bytes()
    pid = None
    with contextlib.ExitStack() as stack:
        if args.url:
            url = args.url
        else:
            url, pid = stack.enter_context(serving(args.workers))
        with httpx.Client(base_url=url, timeout=120) as client:
            expected = client.post(
                "/v1/score", content=body, headers={"content-type": "application/json"}
            ).content
        before = cpu_seconds(pid) if pid is not None else 0.0
        result = load(
            url,
            body,
            expected,
            requests=args.requests,
            clients=args.clients,
            deadline=args.deadline,
        )
        used = cpu_seconds(pid) - before if pid is not None else 0.0
    print(result.summary())
    if pid is not None and result.sent:
        print(f"server CPU: {used:.2f} s, {used / result.sent * 1000:.2f} ms a request")
    for why in result.wrong[:5]:
        print("  wrong:", why)
    sys.exit(1 if result.wrong or result.sent < args.requests else 0)


if __name__ == "__main__":
    main()
