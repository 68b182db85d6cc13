"""A fake Shopify Admin API: a real HTTP server on 127.0.0.1, in a thread of the test process.

It enforces the contract Dropdesk relies on: every document is parsed and validated against the
reference schema (tests/contracts/shopify) and refused the way Shopify refuses it (HTTP 200 with
`errors`); the access token is checked (401 otherwise); the client-credentials grant issues
tokens that expire; a cost bucket (maximumAvailable, restoreRate) charges each query its
calculated cost, answers THROTTLED when dry and reports `extensions.cost` on every answer. It
can be told to fail: 500, a stall longer than the client's timeout, 401, a dropped connection,
a redirect to another host, 429.

The client reaches it through `LoopbackTransport`, an httpx transport that carries requests for
`https://<shop>.myshopify.com/...` to this server unchanged (same path, same Host header).
"""

from __future__ import annotations

import contextlib
import json
import re
import secrets
import socket
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import parse_qs

import httpx
from graphql import (
    FragmentDefinitionNode,
    GraphQLError,
    GraphQLSchema,
    OperationDefinitionNode,
    execute,
    parse,
    validate,
)
from graphql.execution.values import get_variable_values

from tests.fakes.loopback import LoopbackServer
from tests.fakes.shopify_cost import MAX_QUERY_COST, CostModel
from tests.fakes.shopify_store import Context, ShopState

DOMAIN = "dropdesk-test.myshopify.com"
# Constructing credentials registers them for redaction process-wide: keep these values
# distinct from the example tokens other tests redact.
ACCESS_TOKEN = "shpat_fakeDropdeskShop" + "7e57" * 4
CLIENT_ID = "fake-client-id-4711"
CLIENT_SECRET = "fake-client-secret-" + "9" * 24
DEFAULT_SCOPES = frozenset(
    {
        "read_orders",
        "write_orders",
        "read_customers",
        "read_all_orders",
        "write_legal_policies",
        "read_shopify_payments_disputes",
        "write_shopify_payments_dispute_evidences",
    }
)
INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)"
FAILURES = ("500", "503", "timeout", "401", "drop", "drop_after", "redirect", "429")
_GRAPHQL_PATH = re.compile(r"/admin/api/(\d{4}-\d{2}|unstable)/graphql\.json")


@dataclass
class Bucket:
    """Shopify's leaky bucket of cost points, refilled continuously."""

    maximum: float
    restore_rate: float
    available: float = -1.0
    _at: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        if self.available < 0:
            self.available = self.maximum

    def refill(self) -> None:
        now = time.monotonic()
        self.available = min(self.maximum, self.available + (now - self._at) * self.restore_rate)
        self._at = now

    def status(self) -> dict[str, float]:
        return {
            "maximumAvailable": self.maximum,
            "currentlyAvailable": round(self.available, 3),
            "restoreRate": self.restore_rate,
        }


@dataclass
class Logged:
    """One request as the fake saw it."""

    path: str
    operation: str | None = None
    variables: dict[str, Any] = field(default_factory=dict)
    status: int = 0
    requested: int | None = None
    actual: int | None = None
    throttled: bool = False
    available: float | None = None  # points in the bucket when the request arrived
    failure: str | None = None
    at: float = field(default_factory=time.monotonic)


class FakeShopify:
    """Start with `with FakeShopify(schema) as fake:`; `fake.url` is the server's base URL."""

    def __init__(
        self,
        schema: GraphQLSchema,
        *,
        domain: str = DOMAIN,
        bucket_size: float = 1000.0,
        restore_rate: float = 10_000.0,
        token_lifetime: float = 86_399.0,
    ) -> None:
        self.schema = schema
        self.domain = domain
        self.state = ShopState(domain)
        self.bucket = Bucket(bucket_size, restore_rate)
        self.scopes = set(DEFAULT_SCOPES)
        #: Protected customer data the app is not approved for ("email", "customer", "Order"),
        #: denied "coded" (ACCESS_DENIED) or "bare" (no extensions, Shopify's documented example).
        self.protected: set[str] = set()
        self.denial_shape = "coded"
        self.access_token: str | None = ACCESS_TOKEN  # None: no fixed token accepted
        self.client_id = CLIENT_ID
        self.client_secret = CLIENT_SECRET
        self.token_lifetime = token_lifetime
        self.throttle_http_status = 200  # Shopify answers THROTTLED with 200, sometimes 429
        self.stall_seconds = 2.0  # how long a "timeout" failure keeps the client waiting
        self.redirect_to = "https://evil.example/admin/api/2026-10/graphql.json"
        self.log: list[Logged] = []
        self.tokens_issued: list[str] = []
        self._issued: dict[str, float] = {}  # token -> monotonic expiry
        self._failures: deque[tuple[str, str]] = deque()  # (target, mode)
        self._stop = threading.Event()
        self._loopback = LoopbackServer(type("Handler", (_Handler,), {"fake": self}))

    @property
    def url(self) -> str:
        return self._loopback.url

    def __enter__(self) -> FakeShopify:
        self._loopback.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._loopback.stop()

    # -- controls for tests -----------------------------------------------------------------

    def fail_next(self, mode: str, *, times: int = 1, target: str = "graphql") -> None:
        """Make the next `times` requests to `target` ("graphql" or "token") fail this way."""
        if mode not in FAILURES:
            raise ValueError(f"unknown failure {mode!r}; one of {FAILURES}")
        with self.state.lock:
            self._failures.extend([(target, mode)] * times)

    def revoke_tokens(self) -> None:
        """Every token the grant issued stops working (as after an app's credentials rotate)."""
        with self.state.lock:
            self._issued.clear()

    def expire_tokens(self) -> None:
        """Issued tokens are expired at Shopify while the client still thinks them valid."""
        with self.state.lock:
            for token in self._issued:
                self._issued[token] = 0.0

    def set_available(self, points: float) -> None:
        with self.state.lock:
            self.bucket.refill()
            self.bucket.available = points

    def graphql_log(self) -> list[Logged]:
        with self.state.lock:
            return [entry for entry in self.log if entry.operation is not None]

    # -- request handling (server threads) --------------------------------------------------

    def _take_failure(self, target: str) -> str | None:
        with self.state.lock:
            for i, (wanted, mode) in enumerate(self._failures):
                if wanted == target:
                    del self._failures[i]
                    return mode
        return None

    def _token_ok(self, token: str | None) -> bool:
        if token is None:
            return False
        if self.access_token is not None and secrets.compare_digest(token, self.access_token):
            return True
        expiry = self._issued.get(token)
        return expiry is not None and time.monotonic() < expiry

    def grant(self, form: Mapping[str, list[str]]) -> tuple[int, dict[str, Any]]:
        def one(name: str) -> str:
            values = form.get(name) or [""]
            return values[0]

        if one("grant_type") != "client_credentials":
            return 400, {"error": "unsupported_grant_type"}
        if one("client_id") != self.client_id or not secrets.compare_digest(
            one("client_secret"), self.client_secret
        ):
            return 400, {"error": "invalid_client"}
        token = "shpca_" + secrets.token_hex(16)
        with self.state.lock:
            self._issued[token] = time.monotonic() + self.token_lifetime
            self.tokens_issued.append(token)
        return 200, {
            "access_token": token,
            "scope": ",".join(sorted(self.scopes)),
            "expires_in": int(self.token_lifetime) if self.token_lifetime >= 1 else 1,
        }

    def graphql(self, token: str | None, raw: bytes, entry: Logged) -> tuple[int, dict[str, Any]]:
        with self.state.lock:
            if not self._token_ok(token):
                return 401, {"errors": INVALID_TOKEN}
            try:
                body = json.loads(raw)
                query = body["query"]
                variables = body.get("variables") or {}
                if not isinstance(query, str) or not isinstance(variables, dict):
                    raise TypeError
            except (ValueError, KeyError, TypeError):
                return 400, {"errors": {"query": "Required parameter missing or invalid"}}
            try:
                document = parse(query)
            except GraphQLError as error:
                return 200, {"errors": [error.formatted]}
            errors = validate(self.schema, document)
            if errors:
                return 200, {"errors": [error.formatted for error in errors]}
            operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
            name = body.get("operationName")
            operation = next(
                (o for o in operations if name is None or (o.name and o.name.value == name)), None
            )
            if operation is None or (name is None and len(operations) > 1):
                return 200, {"errors": [{"message": "An operation name is required"}]}
            entry.operation = operation.name.value if operation.name else ""
            entry.variables = variables
            coerced = get_variable_values(
                self.schema, operation.variable_definitions or (), variables
            )
            if isinstance(coerced, list):
                return 200, {"errors": [error.formatted for error in coerced]}
            fragments = {
                d.name.value: d
                for d in document.definitions
                if isinstance(d, FragmentDefinitionNode)
            }
            model = CostModel(self.schema, operation, fragments, coerced)
            requested = model.requested()
            entry.requested = requested
            if requested > MAX_QUERY_COST:
                return 200, {
                    "errors": [
                        {
                            "message": f"Query cost is {requested}, which exceeds the single "
                            f"query max cost limit ({MAX_QUERY_COST}).",
                            "extensions": {
                                "code": "MAX_COST_EXCEEDED",
                                "cost": requested,
                                "maxCost": MAX_QUERY_COST,
                            },
                        }
                    ]
                }
            self.bucket.refill()
            entry.available = self.bucket.available
            if self.bucket.available < requested:
                entry.throttled = True
                return self.throttle_http_status, {
                    "errors": [
                        {
                            "message": "Throttled",
                            "extensions": {
                                "code": "THROTTLED",
                                "documentation": "https://shopify.dev/api/usage/rate-limits",
                            },
                        }
                    ],
                    "extensions": {"cost": self._cost(requested, None)},
                }
            self.bucket.available -= requested
            root = (
                self.state.mutation_root()
                if operation.operation.value == "mutation"
                else self.state.query_root()
            )
            result = execute(
                self.schema,
                document,
                root_value=root,
                context_value=Context(
                    frozenset(self.scopes), frozenset(self.protected), self.denial_shape
                ),
                variable_values=variables,
                operation_name=entry.operation or None,
            )
            assert not hasattr(result, "__await__")
            actual = model.actual(result.data)
            entry.actual = actual
            self.bucket.available = min(
                self.bucket.maximum, self.bucket.available + max(requested - actual, 0)
            )
            answer: dict[str, Any] = {"data": result.data}
            if result.errors:
                answer["errors"] = [error.formatted for error in result.errors]
            answer["extensions"] = {"cost": self._cost(requested, actual)}
            return 200, answer

    def _cost(self, requested: int, actual: int | None) -> dict[str, Any]:
        return {
            "requestedQueryCost": requested,
            "actualQueryCost": actual,
            "throttleStatus": self.bucket.status(),
        }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeShopify
    protocol_version = "HTTP/1.1"
    timeout = 10

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every answer.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self._reply(405, {"errors": "Method not allowed"})

    def do_POST(self) -> None:
        fake = self.fake
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        entry = Logged(self.path)
        with fake.state.lock:
            fake.log.append(entry)
        host = (self.headers.get("Host") or "").split(":")[0]
        if host != fake.domain:
            entry.status = 404
            self._reply(404, {"errors": "Not Found"})
            return
        is_graphql = _GRAPHQL_PATH.fullmatch(self.path) is not None
        is_token = self.path == "/admin/oauth/access_token"
        if not (is_graphql or is_token):
            entry.status = 404
            self._reply(404, {"errors": "Not Found"})
            return
        failure = fake._take_failure("graphql" if is_graphql else "token")
        entry.failure = failure
        if failure == "timeout":
            fake._stop.wait(fake.stall_seconds)
        elif failure in ("500", "503"):
            entry.status = int(failure)
            self._reply(entry.status, {"errors": "Internal Server Error"})
            return
        elif failure == "401":
            entry.status = 401
            self._reply(401, {"errors": INVALID_TOKEN})
            return
        elif failure == "drop":
            self._drop()
            return
        elif failure == "redirect":
            entry.status = 301
            self._reply(301, {}, location=fake.redirect_to)
            return
        elif failure == "429":  # a bare 429: no cost report, only Retry-After
            entry.status = 429
            body = {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}]}
            self._reply(429, body, retry_after="0.05")
            return
        if is_token:
            form = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
            status, body = fake.grant(form)
        else:
            status, body = fake.graphql(self.headers.get("X-Shopify-Access-Token"), raw, entry)
        entry.status = status
        if failure == "drop_after":
            self._drop()
            return
        self._reply(status, body)

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _reply(
        self, status: int, body: Any, *, location: str | None = None, retry_after: str | None = None
    ) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if location:
                self.send_header("Location", location)
            if retry_after:
                self.send_header("Retry-After", retry_after)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout) and closed the connection
            self.close_connection = True


@dataclass
class Seen:
    """A request as it left the client (before the transport rerouted it)."""

    scheme: str
    host: str
    path: str
    carried_token: bool


class LoopbackTransport(httpx.BaseTransport):
    """Carries `https://<host>/...` requests to the fake serving that host on 127.0.0.1.

    Only https requests to a known host get through; anything else fails like an unreachable
    host, and every attempt is remembered in `seen` (with whether it carried a token).
    """

    def __init__(self, routes: Mapping[str, str]) -> None:
        self.routes = dict(routes)
        self.seen: list[Seen] = []
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        self.seen.append(
            Seen(url.scheme, url.host, url.path, "x-shopify-access-token" in request.headers)
        )
        target = self.routes.get(url.host)
        if url.scheme != "https" or target is None:
            raise httpx.ConnectError(f"no route to {url.scheme}://{url.host}", request=request)
        base = httpx.URL(target)
        request.url = url.copy_with(scheme=base.scheme, host=base.host, port=base.port)
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
