"""A raw-socket HTTP server on 127.0.0.1 whose answers are written byte by byte by a test:
bodies of any size, endless chunked bodies, gzip bombs, one byte every so often. http.server
would buffer or frame them; here the test owns the socket after the request is read.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import zlib
from collections.abc import Callable
from functools import cache

Behaviour = Callable[[socket.socket, threading.Event], None]
"""Writes one answer to the connection; returns when done or when the event is set."""


class RawServer:
    """`with RawServer(behaviour) as server:`; every request is answered by `behaviour`."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.requests: list[bytes] = []  # each request's head
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def __enter__(self) -> RawServer:
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=5)
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(connection,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, connection: socket.socket) -> None:
        with connection, contextlib.suppress(OSError):
            connection.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                more = connection.recv(65536)
                if not more:
                    return
                data += more
            head, _, body = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                more = connection.recv(65536)
                if not more:
                    return
                body += more
            self.requests.append(head)
            self.behaviour(connection, self._stop)


def head(status: str = "200 OK", **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"] + [
        f"{name.replace('_', '-')}: {value}" for name, value in headers.items()
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def stream(connection: socket.socket, stop: threading.Event, piece: bytes, total: int) -> None:
    """Write `piece` again and again until `total` bytes went out or the client went away."""
    sent = 0
    with contextlib.suppress(OSError):
        while sent < total and not stop.is_set():
            connection.sendall(piece)
            sent += len(piece)


def endless_chunks(connection: socket.socket, stop: threading.Event) -> None:
    connection.sendall(head(Content_Type="application/json", Transfer_Encoding="chunked"))
    chunk = b"10000\r\n" + b"[" * 0x10000 + b"\r\n"
    stream(connection, stop, chunk, 1 << 62)


def huge_declared(connection: socket.socket, stop: threading.Event) -> None:
    """2 GB announced in Content-Length, and sent."""
    size = 2 * 1024**3
    connection.sendall(head(Content_Type="application/json", Content_Length=str(size)))
    stream(connection, stop, b" " * 0x10000, size)


def huge_undeclared(connection: socket.socket, stop: threading.Event) -> None:
    """2 GB with neither length nor chunks: the body ends when the connection closes."""
    connection.sendall(head(Content_Type="application/json", Connection="close"))
    stream(connection, stop, b" " * 0x10000, 2 * 1024**3)


@cache
def gzip_bomb(size: int) -> bytes:
    """`size` bytes of JSON-ish spaces, gzipped (about a thousandth of that)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    block = b" " * (1 << 20)
    parts = [packer.compress(block) for _ in range(size >> 20)]
    return b"".join(parts) + packer.flush()


def bomb(size: int) -> Callable[[socket.socket, threading.Event], None]:
    def behaviour(connection: socket.socket, stop: threading.Event) -> None:
        body = gzip_bomb(size)
        connection.sendall(
            head(
                Content_Type="application/json",
                Content_Encoding="gzip",
                Content_Length=str(len(body)),
            )
        )
        stream(connection, stop, body, len(body))

    return behaviour


def unasked_encoding(connection: socket.socket, stop: threading.Event) -> None:
    """A body in an encoding Dropdesk never asks for (and could not inflate piece by piece)."""
    body = b"\x1b\xff\xff" * 1000
    connection.sendall(
        head(Content_Type="application/json", Content_Encoding="br", Content_Length=str(len(body)))
        + body
    )


def trickle(every: float, *, from_the_status_line: bool = False) -> Behaviour:
    """One byte every `every` seconds: of the body, or of the whole answer."""

    def behaviour(connection: socket.socket, stop: threading.Event) -> None:
        answer = head(Content_Type="application/json", Content_Length="100000")
        body = b" " * 100_000
        data = answer + body if from_the_status_line else body
        with contextlib.suppress(OSError):
            if not from_the_status_line:
                connection.sendall(answer)
            for byte in data:
                if stop.wait(every):
                    return
                connection.sendall(bytes([byte]))

    return behaviour


def fixed(body: bytes, status: str = "200 OK") -> Behaviour:
    def behaviour(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(
            head(status, Content_Type="application/json", Content_Length=str(len(body))) + body
        )

    return behaviour


def read_request(connection: socket.socket) -> bool:
    """Read one more request from a kept-alive connection; False when the client left."""
    data = b""
    while b"\r\n\r\n" not in data:
        more = connection.recv(65536)
        if not more:
            return False
        data += more
    head_bytes, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head_bytes.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        more = connection.recv(65536)
        if not more:
            return False
        body += more
    return True
