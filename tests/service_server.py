"""A real scoring service for the tests: ``youthaction-scoring serve`` on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Final

import attrs
import httpx

SERVE: Final = (sys.executable, "-m", "youthaction_scoring", "serve")
"""The service as staff start it."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen
class Server:
    """A running service: its address, its process and the file its log goes to."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, **kwargs: object) -> httpx.Client:
        """An HTTP client for it (generous timeout: CI machines are shared)."""
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)  # type: ignore[arg-type]

    def log_text(self) -> str:
        """What the service has logged so far."""
        return self.log.read_text("utf-8", errors="replace")

    def rss_peak_kib(self) -> int:
        """The service process's peak resident memory so far (Linux), in KiB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise AssertionError("no VmHWM")


@contextlib.contextmanager
def running(
    folder: Path, *options: str, program: Sequence[str] = SERVE, env: Mapping[str, str] = {}
) -> Iterator[Server]:
    """Start ``serve`` with *options*; stop it (SIGINT, as Ctrl+C) at the end.

    Args:
        folder: Where its log goes.
        options: More ``serve`` options.
        program: The command that serves (``--port PORT`` is added to it).
        env: More environment variables.

    Returns:
        A context manager giving the server once it answers ``/healthz``.
    """
    port = free_port()
    log = folder / f"serve-{port}.log"
    environment = {**os.environ, "PYTHONUNBUFFERED": "1", **env}
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*program, "--port", str(port), *options],
            stdout=sink,
            stderr=subprocess.STDOUT,
            env=environment,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        wait_until_up(server)
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_up(server: Server) -> None:
    """Wait until *server* answers /healthz (fail if it stops or takes a minute)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the service stopped: {server.log_text()}")
        try:
            if httpx.get(server.url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError(f"the service did not start: {server.log_text()}")
