"""A hostile network in front of the fakes: a real HTTP server on 127.0.0.1 that relays requests
to an upstream fake (the fake Shopify or the fake AliExpress gateway) unless told to answer the
next ones itself, with whatever a broken proxy, a captive portal or an attacker might send:
non-JSON, truncated JSON, HTML error pages, redirects, a stall, a dropped connection.

The fakes cover the faults of the services themselves (500, 401, THROTTLED, ...); this covers
what happens on the way.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from tests.fakes.loopback import LoopbackServer

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Answer:
    """One scripted answer. `drop` closes the connection without a word; `stall` waits first."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    stall: float = 0.0
    drop: bool = False


GARBAGE = Answer(body=b"<html><body>Welcome to Airport WiFi. Please log in.</body></html>")
TRUNCATED = Answer(body=b'{"data": {"orders": {"nodes": [{"id": "gid://shopify/Or')
NOT_AN_OBJECT = Answer(body=b'["data"]')
EMPTY = Answer(body=b"")
BAD_GATEWAY = Answer(502, b"<html>502 Bad Gateway</html>", {"Content-Type": "text/html"})
DROP = Answer(drop=True)
RELAY = Answer(status=0)  # in a script: let this one request through to the upstream


@dataclass(frozen=True)
class Seen:
    path: str
    host: str
    answered_by: str  # "script" or "upstream"


class HostileServer:
    """`with HostileServer(upstream_url) as server:`; `server.url` is where clients go."""

    def __init__(self, upstream: str | None = None) -> None:
        self.upstream = upstream
        self.lock = threading.Lock()
        self.seen: list[Seen] = []
        self._script: deque[Answer] = deque()
        self._always: Answer | None = None
        self._stop = threading.Event()
        self._loopback = LoopbackServer(type("Handler", (_Handler,), {"server_side": self}))

    @property
    def url(self) -> str:
        return self._loopback.url

    def __enter__(self) -> HostileServer:
        self._loopback.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._loopback.stop()

    def next(self, answer: Answer, times: int = 1) -> None:
        """Answer the next `times` requests with `answer` (then relay again)."""
        with self.lock:
            self._script.extend([answer] * times)

    def always(self, answer: Answer | None) -> None:
        """Answer every request with `answer` from now on (None: relay again)."""
        with self.lock:
            self._always = answer

    def clear(self) -> None:
        with self.lock:
            self._script.clear()
            self._always = None
            self.seen.clear()

    def scripted(self) -> int:
        with self.lock:
            return sum(1 for seen in self.seen if seen.answered_by == "script")

    def _take(self, path: str, host: str) -> Answer | None:
        with self.lock:
            answer = self._script.popleft() if self._script else self._always
            if answer is RELAY:
                answer = None
            if answer is None and self.upstream is None:
                answer = Answer(404, b'{"errors": "Not Found"}')
            self.seen.append(Seen(path, host, "upstream" if answer is None else "script"))
            return answer


class _Handler(BaseHTTPRequestHandler):
    server_side: HostileServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        side = self.server_side
        answer = side._take(self.path, self.headers.get("Host", ""))
        if answer is None:
            self._relay(method, body)
            return
        if answer.stall:
            side._stop.wait(answer.stall)
        if answer.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(answer.status, answer.headers, answer.body)

    def _relay(self, method: str, body: bytes) -> None:
        upstream = urlsplit(self.server_side.upstream or "")
        connection = http.client.HTTPConnection(upstream.hostname or "", upstream.port, timeout=30)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            kept = {k: v for k, v in response.getheaders() if k.lower() not in _HOP_BY_HOP}
            self._send(response.status, kept, data)
        except OSError:  # the upstream dropped us: pass it on
            self.close_connection = True
        finally:
            connection.close()

    def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up first
            self.close_connection = True
