"""Bounded HTTP answers for both clients: a cap on the decoded body and a wall-clock deadline.

httpx on its own reads a whole body into memory (a 2 GB body, an endless chunked one, a gzip
bomb inflated in one piece) and its read timeout restarts with every byte, so a server that
sends one byte every ten seconds holds a call for as long as it likes. `send_bounded` is the one
place both the Shopify and the AliExpress client receive bytes through:

- the body is streamed and counted after decompression (Dropdesk inflates gzip/deflate itself,
  at most `CHUNK` bytes at a time, and asks for no other encoding), and refused as soon as it
  passes the cap; a declared Content-Length over the cap is refused before a byte is read;
- each attempt runs under a `Deadline`: every socket wait is clamped to the time left, and a
  watchdog shuts the attempt's socket down when the time is up, whatever the server dribbles;
- `parse_json` turns an answer nested too deeply for Python's parser into `AnswerTooDeep`, not
  a RecursionError.

The clients turn these `AnswerRefused` exceptions into their own errors and messages.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import weakref
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx

MAX_BODY_BYTES = 8 * 1024 * 1024
"""The largest decoded answer accepted (8 MiB). Dropdesk's largest answers are a page of
Shopify orders (at most 250 orders with their lines; Shopify's query cost limit caps the nodes
of one query) and an AliExpress order with its items: well under 2 MB. Four times that is
generous for any honest answer and still small for a desktop's memory."""

CHUNK = 64 * 1024
"""Bytes inflated (and held beyond the body so far) per step."""

ACCEPT_ENCODING = "gzip, deflate"
"""The only encodings Dropdesk asks for; the ones it can inflate piece by piece."""

_CLOCK = time.monotonic


class AnswerRefused(Exception):
    """An answer Dropdesk stopped receiving; `reason` is a short English phrase."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class AnswerTooLarge(AnswerRefused):
    """The decoded body passed the cap."""


class AnswerUnreadable(AnswerRefused):
    """An encoding Dropdesk did not ask for, or a damaged compressed body."""


class DeadlineExceeded(AnswerRefused):
    """The attempt (or the whole call) ran out of time."""


class AnswerTooDeep(AnswerRefused):
    """JSON nested deeper than Python's parser goes."""


class Deadline:
    """A point in wall-clock (monotonic) time: `seconds` from now."""

    def __init__(self, seconds: float, clock: Callable[[], float] = _CLOCK) -> None:
        self.seconds = seconds
        self._clock = clock
        self._at = clock() + seconds

    def remaining(self) -> float:
        return self._at - self._clock()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def sooner(self, seconds: float) -> Deadline:
        """A deadline `seconds` from now, or this one if it comes first (an attempt's deadline
        inside its call's)."""
        return self if self.remaining() <= seconds else Deadline(seconds, self._clock)

    def allows(self, wait: float) -> bool:
        """Whether sleeping `wait` seconds still leaves time for an attempt."""
        return wait < self.remaining()


def describe_seconds(seconds: float) -> str:
    return f"{seconds:.0f} seconds" if seconds >= 2 else f"{seconds:.1f} seconds"


# -- the watchdog -------------------------------------------------------------------------------


class Streams:
    """The connections a client has opened, and which attempt uses which (one per client).

    Filled from httpcore's trace events (a new connection) and from a response's network
    stream (a reused one, once its headers are in). A watchdog that does not know its attempt's
    connection yet (a reused one still waiting for headers) shuts down every connection no other
    running attempt has claimed: idle ones lose nothing, the pool replaces them.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._owner: weakref.WeakKeyDictionary[Any, object | None] = weakref.WeakKeyDictionary()

    def claim(self, stream: Any, attempt: object) -> None:
        with self._lock, contextlib.suppress(TypeError):
            self._owner[stream] = attempt

    def release(self, attempt: object) -> None:
        with self._lock:
            for stream, owner in list(self._owner.items()):
                if owner is attempt:
                    self._owner[stream] = None

    def unclaimed(self) -> list[Any]:
        with self._lock:
            return [stream for stream, owner in self._owner.items() if owner is None]


def _shut_down(stream: Any) -> None:
    """Wake a thread blocked reading `stream`: shutdown() ends its recv() at once (close()
    would not). Called on the raw socket, so a TLS object's state is left alone."""
    with contextlib.suppress(Exception):
        sock = stream.get_extra_info("socket")
        if sock is not None:
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Watchdog:
    """Shuts an attempt's connection down when its deadline passes."""

    def __init__(self, streams: Streams, deadline: Deadline) -> None:
        self._streams = streams
        self._lock = threading.Lock()
        self._stream: Any = None
        self._done = False
        self.fired = False
        self._timer = threading.Timer(max(deadline.remaining(), 0.0), self._fire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()
        self._streams.release(self)

    def use(self, stream: Any) -> None:
        if stream is None:
            return
        self._streams.claim(stream, self)
        with self._lock:
            self._stream = stream
            fired = self.fired
        if fired:  # the connection arrived after the deadline
            _shut_down(stream)

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self.use(info.get("return_value"))

    def _fire(self) -> None:
        with self._lock:
            if self._done:
                return
            self.fired = True
            stream = self._stream
        for target in [stream] if stream is not None else self._streams.unclaimed():
            _shut_down(target)


# -- receiving ----------------------------------------------------------------------------------


class _Inflater:
    """gzip/deflate decoding that never yields more than CHUNK bytes from one step."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._first = True
        wbits = zlib.MAX_WBITS | 16 if encoding == "gzip" else zlib.MAX_WBITS
        self._zlib = zlib.decompressobj(wbits)

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._steps(data)
        except zlib.error:
            if not (self._first and self._encoding == "deflate"):
                raise AnswerUnreadable("a damaged compressed answer") from None
            self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as some send it
            try:
                yield from self._steps(data)
            except zlib.error:
                raise AnswerUnreadable("a damaged compressed answer") from None
        self._first = False

    def _steps(self, data: bytes) -> Iterator[bytes]:
        while not self._zlib.eof:
            piece = self._zlib.decompress(data, CHUNK)
            data = self._zlib.unconsumed_tail
            if piece:
                self._first = False
                yield piece
            if len(piece) < CHUNK and not data:
                break


def _decoder(headers: httpx.Headers) -> Callable[[bytes], Iterator[bytes]]:
    codings = [
        part.strip().lower()
        for value in headers.get_list("content-encoding")
        for part in value.split(",")
        if part.strip() and part.strip().lower() != "identity"
    ]
    if not codings:
        return lambda data: iter((data,))
    if len(codings) > 1 or codings[0] not in ("gzip", "deflate"):
        raise AnswerUnreadable(f"an encoding Dropdesk did not ask for ({codings[0][:20]})")
    return _Inflater(codings[0]).feed


def _clamped(timeouts: Any, left: float) -> dict[str, float]:
    base = timeouts if isinstance(timeouts, dict) else {}
    left = max(left, 0.001)
    return {
        phase: left if base.get(phase) is None else min(float(base[phase]), left)
        for phase in ("connect", "read", "write", "pool")
    }


_DROPPED = ("content-encoding", "content-length", "transfer-encoding")


def send_bounded(
    client: httpx.Client,
    request: httpx.Request,
    *,
    deadline: Deadline,
    streams: Streams,
    max_bytes: int = MAX_BODY_BYTES,
) -> httpx.Response:
    """Send `request` and receive the whole answer, or raise `AnswerRefused`.

    The answer comes back read, decoded and closed, its body at most `max_bytes`. httpx's
    TransportErrors pass through unchanged unless the deadline caused them.
    """
    if deadline.expired():
        raise DeadlineExceeded("no time left")
    request.headers["Accept-Encoding"] = ACCEPT_ENCODING
    request.extensions = {
        **request.extensions,
        "timeout": _clamped(request.extensions.get("timeout"), deadline.remaining()),
    }
    watchdog = _Watchdog(streams, deadline)
    outer = request.extensions.get("trace")

    def trace(event: str, info: dict[str, Any]) -> None:
        watchdog.trace(event, info)
        if outer is not None:
            outer(event, info)

    request.extensions["trace"] = trace
    watchdog.start()
    try:
        try:
            response = client.send(request, stream=True, follow_redirects=False)
        except httpx.TransportError:
            if watchdog.fired or deadline.expired():
                raise DeadlineExceeded("no complete answer in time") from None
            raise
        try:
            watchdog.use(response.extensions.get("network_stream"))
            body = _receive(response, watchdog, deadline, max_bytes)
        finally:
            response.close()
    finally:
        watchdog.stop()
    headers = httpx.Headers(
        [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROPPED]
    )
    return httpx.Response(
        response.status_code, headers=headers, content=bytes(body), request=request
    )


def _receive(
    response: httpx.Response, watchdog: _Watchdog, deadline: Deadline, max_bytes: int
) -> bytearray:
    if response.is_stream_consumed:  # an in-memory transport handed over a read answer
        if len(response.content) > max_bytes:
            raise AnswerTooLarge(f"an answer of more than {max_bytes:,} bytes")
        return bytearray(response.content)
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(f"an answer of {int(declared):,} bytes")
    decode = _decoder(response.headers)
    body = bytearray()
    try:
        for raw in response.iter_raw(CHUNK):
            for piece in decode(raw):
                body += piece
                if len(body) > max_bytes:
                    raise AnswerTooLarge(f"an answer of more than {max_bytes:,} bytes")
            if watchdog.fired or deadline.expired():
                raise DeadlineExceeded("no complete answer in time")
    except httpx.TransportError:
        if watchdog.fired or deadline.expired():
            raise DeadlineExceeded("no complete answer in time") from None
        raise
    return body


def parse_json(content: bytes, **options: Any) -> Any:
    """`json.loads`, with nesting too deep for the parser as `AnswerTooDeep` (ValueError stays
    ValueError)."""
    try:
        return json.loads(content, **options)
    except RecursionError:
        raise AnswerTooDeep("an answer nested too deeply") from None
