"""Hostile answers end in the client's own clear error, in time, in bounded memory.

Real loopback servers (raw sockets) answer both clients' calls (Shopify GraphQL and its OAuth
token grant; the AliExpress /sync gateway and a /rest token call) with: a 2 GB body (declared
and undeclared), an endless chunked body, a gzip bomb, one byte every few tenths of a second
(of the body, of the whole answer, and on a kept-alive connection), and JSON 10,000 levels
deep. Each call must raise ShopifyError / AliExpressError with a message that says what
happened, before its deadline, while Python's allocations (tracemalloc) and the process's
resident memory grow by far less than the body.
"""

from __future__ import annotations

import itertools
import resource
import socket
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from core.aliexpress import AliExpressError, GatewayClient, RateLimiter, RetryPolicy
from core.aliexpress.gateway import Gateway
from core.http_limits import MAX_BODY_BYTES
from core.shopify import AccessToken, ClientCredentials, ShopifyClient, ShopifyError
from tests.fakes.shopify_server import LoopbackTransport
from tests.reliability import raw_server
from tests.reliability.raw_server import Behaviour, RawServer

SHOP = "hostile-answers.myshopify.com"
TOKEN = "shpat_hostileAnswers" + "5a" * 12
ATTEMPT_DEADLINE = 1.5
CALL_DEADLINE = 3.0
SLACK = 1.5  # scheduling on a busy 2-core machine
BOMB = 512 * 1024 * 1024  # decoded; about half a megabyte on the wire
PYTHON_PEAK_LIMIT = 3 * MAX_BODY_BYTES  # the body so far, one inflated chunk, overheads
RSS_GROWTH_LIMIT = 160 * 1024 * 1024
DEEP = b'{"data": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"

Call = Callable[[str], object]


def _shopify(url: str, credentials: AccessToken | ClientCredentials) -> ShopifyClient:
    return ShopifyClient(
        SHOP,
        credentials,
        sleep=lambda _s: None,
        transport=LoopbackTransport({SHOP: url}),
        attempt_deadline=ATTEMPT_DEADLINE,
        call_deadline=CALL_DEADLINE,
    )


def shopify_graphql(url: str) -> object:
    with _shopify(url, AccessToken(TOKEN)) as client:
        return client.execute("{ shop { name } }", operation="shop")


def shopify_token_grant(url: str) -> object:
    credentials = ClientCredentials("hostile-client-id", "hostile-client-secret-" + "4" * 20)
    with _shopify(url, credentials) as client:  # the first call fetches a token first
        return client.execute("{ shop { name } }", operation="shop")


def _gateway(url: str) -> GatewayClient:
    return GatewayClient(
        "500123",
        "hostile-app-secret-" + "3" * 16,
        gateway=Gateway.for_loopback(url),
        retry=RetryPolicy(attempts=4, sleep=lambda _s: None),
        limiter=RateLimiter(10_000),
        attempt_deadline=ATTEMPT_DEADLINE,
        call_deadline=CALL_DEADLINE,
    )


def aliexpress_sync(url: str) -> object:
    with _gateway(url) as client:
        return client.call(
            "aliexpress.trade.ds.order.get",
            {"single_order_query": '{"order_id": "8100000000000001"}'},
            session="hostile-access-token-" + "2" * 16,
        )


def aliexpress_token(url: str) -> object:
    with _gateway(url) as client:
        return client.rest("/auth/token/create", {"code": "hostile-code-1234"}, idempotent=False)


CALLS: dict[str, tuple[Call, type[Exception]]] = {
    "shopify-graphql": (shopify_graphql, ShopifyError),
    "shopify-token-grant": (shopify_token_grant, ShopifyError),
    "aliexpress-sync": (aliexpress_sync, AliExpressError),
    "aliexpress-rest-token": (aliexpress_token, AliExpressError),
}


@dataclass(frozen=True)
class Hostile:
    behaviour: Behaviour
    said: tuple[str, ...]  # the message names the problem with one of these
    deadline: bool = False  # ends by the deadline (else: refused early)


HOSTILE: dict[str, Hostile] = {
    "2GB-declared": Hostile(raw_server.huge_declared, ("2,147,483,648 bytes",)),
    "2GB-undeclared": Hostile(raw_server.huge_undeclared, ("more than 8,388,608 bytes",)),
    "endless-chunked": Hostile(raw_server.endless_chunks, ("more than 8,388,608 bytes",)),
    "gzip-bomb": Hostile(raw_server.bomb(BOMB), ("more than 8,388,608 bytes",)),
    "byte-by-byte-body": Hostile(raw_server.trickle(0.3), ("within",), deadline=True),
    "byte-by-byte-answer": Hostile(
        raw_server.trickle(0.3, from_the_status_line=True), ("within",), deadline=True
    ),
    "deep-json": Hostile(raw_server.fixed(DEEP), ("nested too deeply",)),
    "unasked-encoding": Hostile(raw_server.unasked_encoding, ("did not ask for",)),
}


@dataclass
class Measured:
    seconds: float
    python_peak: int  # bytes, tracemalloc
    rss_growth: int  # bytes, highest resident set during the call minus before it


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize()


class _RssSampler:
    """The process's resident set, sampled every 5 ms while a call runs: the highest growth
    over the value before the call (ru_maxrss cannot tell once an earlier test peaked
    higher)."""

    def __init__(self) -> None:
        self.before = _rss()
        self.highest = self.before
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.highest = max(self.highest, _rss())

    def __enter__(self) -> _RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.highest = max(self.highest, _rss())

    @property
    def growth(self) -> int:
        return self.highest - self.before


@pytest.fixture(scope="module")
def figures() -> Iterator[dict[str, Measured]]:
    collected: dict[str, Measured] = {}
    yield collected
    lines = [
        f"{name:48} {m.seconds:6.2f} s  python peak {m.python_peak / 2**20:6.1f} MiB  "
        f"rss growth {m.rss_growth / 2**20:6.1f} MiB"
        for name, m in sorted(collected.items())
    ]
    print("\nhostile answers refused:\n" + "\n".join(lines))


def _measure(call: Callable[[], object], kind: type[Exception]) -> tuple[Exception, Measured]:
    tracemalloc.start()
    try:
        with _RssSampler() as rss:
            started = time.monotonic()
            with pytest.raises(kind) as raised:
                call()
            seconds = time.monotonic() - started
        python_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return raised.value, Measured(seconds, python_peak, rss.growth)


@pytest.mark.parametrize("hostile_name", list(HOSTILE))
@pytest.mark.parametrize("call_name", list(CALLS))
def test_hostile_answer_ends_in_a_clear_error_in_time_and_bounded_memory(
    call_name: str, hostile_name: str, figures: dict[str, Measured]
) -> None:
    call, kind = CALLS[call_name]
    hostile = HOSTILE[hostile_name]
    if hostile_name == "gzip-bomb":
        raw_server.gzip_bomb(BOMB)  # built before measuring: it is the server's memory
    with RawServer(hostile.behaviour) as server:
        error, measured = _measure(lambda: call(server.url), kind)
        assert server.requests, "the client never reached the hostile server"
    figures[f"{call_name} / {hostile_name}"] = measured
    message = str(error)
    assert any(words in message for words in hostile.said), message
    assert "Traceback" not in message and "RecursionError" not in message
    limit = CALL_DEADLINE if hostile.deadline else ATTEMPT_DEADLINE
    assert measured.seconds < limit + SLACK, (message, measured)
    assert measured.python_peak < PYTHON_PEAK_LIMIT, measured
    assert measured.rss_growth < RSS_GROWTH_LIMIT, measured


@pytest.mark.parametrize("call_name", ["shopify-graphql", "aliexpress-sync"])
def test_an_answer_dribbled_on_a_kept_alive_connection_is_cut_at_the_deadline(
    call_name: str,
) -> None:
    """The second request reuses the first one's connection; its answer comes one byte at a
    time from the status line on, so the client does not know the connection from a connect
    event: the watchdog must still find and cut it."""
    good = {
        "shopify-graphql": b'{"data": {"shop": {"name": "Hostile"}}}',
        "aliexpress-sync": b'{"aliexpress_trade_ds_order_get_response": {"result": {}}}',
    }[call_name]
    trickle = raw_server.trickle(0.3, from_the_status_line=True)
    reused: list[bool] = []
    connections = itertools.count()

    def first_then_trickle(connection: socket.socket, stop: threading.Event) -> None:
        raw_server.fixed(good)(connection, stop)
        if raw_server.read_request(connection):
            reused.append(True)
            trickle(connection, stop)

    def behaviour(connection: socket.socket, stop: threading.Event) -> None:
        first = next(connections) == 0
        (first_then_trickle if first else trickle)(connection, stop)

    with RawServer(behaviour) as server:
        if call_name == "shopify-graphql":
            with _shopify(server.url, AccessToken(TOKEN)) as client:
                assert client.execute("{ shop { name } }", operation="shop")
                started = time.monotonic()
                with pytest.raises(ShopifyError, match="within"):
                    client.execute("{ shop { name } }", operation="shop")
        else:
            with _gateway(server.url) as gateway:
                session = "hostile-access-token-" + "2" * 16
                assert gateway.call("aliexpress.trade.ds.order.get", session=session) == {
                    "result": {}
                }
                started = time.monotonic()
                with pytest.raises(AliExpressError, match="within"):
                    gateway.call("aliexpress.trade.ds.order.get", session=session)
        elapsed = time.monotonic() - started
    assert elapsed < CALL_DEADLINE + SLACK
    assert reused == [True]
