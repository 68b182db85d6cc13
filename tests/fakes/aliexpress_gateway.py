"""A fake AliExpress Open Platform gateway: a real HTTP server on 127.0.0.1, in a thread.

It behaves as the platform documents (../shared/DESIGN.md, tests/contracts/aliexpress/):
- every call is checked: known app key, `sign_method=sha256`, a timestamp within 7200 s of its
  clock, and the HMAC-SHA256 signature, recomputed here independently of core's `sign`;
- `/sync` serves `aliexpress.trade.ds.order.get` and `aliexpress.ds.order.tracking.get` from an
  in-memory store the test advances (ship, request cancel, close...), in wrapped, unwrapped or
  bare list shapes;
- `/rest/auth/token/create` and `/rest/auth/token/refresh` hand out expiring tokens; business
  calls need a live access token (`session`).
Faults can be queued (HTTP 500, a dropped connection, a slow answer, a call limit).
`flat_errors = True` answers `/sync` refusals the other documented way: the fields flat at the
top level (`{"type":"ISV","code":"IllegalTimestamp","message":...,"request_id":...}`), as
`/rest` always does. Child orders can carry their own `end_reason` (`close_children`), the
place `aliexpress.trade.ds.order.get` documents it.

Assumptions where the samples are silent: error codes follow the Open Platform's published
names (IncompleteSignature, IllegalAccessToken, IllegalRefreshToken, IllegalTimestamp,
InvalidAppKey, ApiCallLimit, InvalidCode); "order not found" reuses the sample error envelope
with `sub_code` `isv.order-not-exist`.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import secrets
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from core.aliexpress.gateway import Gateway

CONTRACTS = Path(__file__).resolve().parent.parent / "contracts" / "aliexpress"
DEFAULT_APP_KEY = "500123"
DEFAULT_APP_SECRET = "fake-app-secret-5f1c2e"
#: Documented: "the difference between the timestamp and UTC time should not exceed 7200 s".
MAX_SKEW = timedelta(seconds=7200)
ORDER_GET = "aliexpress.trade.ds.order.get"
TRACKING_GET = "aliexpress.ds.order.tracking.get"
FAULTS = ("500", "drop", "slow", "rate_limit")


def verify_signature(params: Mapping[str, str], secret: str, api_path: str | None = None) -> bool:
    """The documented check: sort by name (bytes), name+value, path first for /rest, HMAC."""
    given = params.get("sign", "")
    pieces = [api_path.encode() if api_path else b""]
    for name in sorted(n.encode() for n in params if n != "sign"):
        pieces.append(name + params[name.decode()].encode())
    expected = hmac.new(secret.encode(), b"".join(pieces), hashlib.sha256).hexdigest().upper()
    return hmac.compare_digest(expected, given)


@dataclass
class FakeParcel:
    mail_no: str
    carrier_name: str = "AliExpress standard shipping"
    events: list[tuple[int, str, str]] = field(default_factory=list)  # (epoch ms, name, text)


@dataclass
class FakeOrder:
    order_id: str
    order_status: str = "WAIT_SELLER_SEND_GOODS"
    logistics_status: str = "WAIT_SELLER_SEND_GOODS"
    end_reason: str = ""
    logistics_no: str = ""
    logistics_service: str = ""
    parcels: list[FakeParcel] = field(default_factory=list)
    amount: str = "8.34"
    currency: str = "USD"
    shape: str = "wrapped"  # wrapped | unwrapped | bare
    gmt_create: str = "2026-11-20 21:00:03"
    #: One child order per entry, each with its `end_reason` ("" = none yet); one child
    #: without a reason when empty.
    child_end_reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RecordedCall:
    path: str
    method: str  # API method, or the /rest path
    order_id: str
    outcome: str  # "ok", an error code, or a fault name


class FakeAliExpress:
    """Start with `with FakeAliExpress() as fake:`; reach it through `fake.gateway`."""

    def __init__(
        self,
        *,
        app_key: str = DEFAULT_APP_KEY,
        app_secret: str = DEFAULT_APP_SECRET,
        access_ttl: timedelta = timedelta(days=30),
        refresh_ttl: timedelta = timedelta(days=60),
        max_skew: timedelta = MAX_SKEW,
        slow_seconds: float = 1.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app_key = app_key
        self.app_secret = app_secret
        self.access_ttl = access_ttl
        self.refresh_ttl = refresh_ttl
        self.max_skew = max_skew
        self.slow_seconds = slow_seconds
        self.clock = clock
        self.lock = threading.RLock()
        self.orders: dict[str, FakeOrder] = {}
        self.calls: list[RecordedCall] = []
        self.refreshes = 0
        self.denied_methods: set[str] = set()
        self.flat_errors = False  # /sync refusals without the error_response envelope
        self.in_flight = 0
        self.max_in_flight = 0  # most requests served at the same time
        self._access: dict[str, int] = {}  # token -> expiry, epoch ms
        self._refresh: dict[str, int] = {}
        self._codes: dict[str, int] = {}
        self._faults: list[str] = []
        self._expire_after: int | None = None
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -------------------------------------------------------------------------

    def start(self) -> FakeAliExpress:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> FakeAliExpress:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def gateway(self) -> Gateway:
        return Gateway.for_loopback(self.base_url)

    # -- the store the test advances -------------------------------------------------------

    def add_order(self, order: FakeOrder) -> FakeOrder:
        with self.lock:
            self.orders[order.order_id] = order
        return order

    def update(self, order_id: str, **changes: Any) -> None:
        with self.lock:
            order = self.orders[order_id]
            for name, value in changes.items():
                setattr(order, name, value)

    def ship(
        self,
        order_id: str,
        tracking_number: str | None,
        *,
        first_scan_ms: int | None = None,
        carrier: str = "AliExpress standard shipping",
    ) -> None:
        """The supplier ships; `tracking_number=None` ships with no tracking data yet."""
        with self.lock:
            order = self.orders[order_id]
            order.order_status = "WAIT_BUYER_ACCEPT_GOODS"
            order.logistics_status = "SELLER_SEND_GOODS"
            if tracking_number:
                order.logistics_no = tracking_number
                order.logistics_service = "CAINIAO_FULFILLMENT_STD"
                scan = first_scan_ms or int(self.clock() * 1000)
                events = [(scan, "Shipment info received", "Seller shipped the parcel.")]
                order.parcels = [FakeParcel(tracking_number, carrier, events)]

    def request_cancel(self, order_id: str) -> None:
        self.update(order_id, order_status="IN_CANCEL")

    def close(self, order_id: str, end_reason: str) -> None:
        """The order ends (FINISH) for `end_reason` (e.g. cancel_order_close_trade)."""
        with self.lock:
            order = self.orders[order_id]
            order.order_status = "FINISH"
            order.end_reason = end_reason
            if end_reason.startswith("buyer_accept_goods"):
                order.logistics_status = "BUYER_ACCEPT_GOODS"

    def close_children(self, order_id: str, *reasons: str) -> None:
        """The order ends (FINISH) with the reasons on its child orders only, one child each
        ("" for a child AliExpress gives no reason for yet)."""
        with self.lock:
            order = self.orders[order_id]
            order.order_status = "FINISH"
            order.end_reason = ""
            order.child_end_reasons = list(reasons)

    # -- tokens ----------------------------------------------------------------------------

    def _now_ms(self) -> int:
        return int(self.clock() * 1000)

    def issue_code(self) -> str:
        """An authorization code, as the authorize page would show it (valid 3 minutes)."""
        code = "3_" + secrets.token_hex(12)
        with self.lock:
            self._codes[code] = self._now_ms() + 180_000
        return code

    def grant(self) -> dict[str, Any]:
        """Fresh tokens as the token endpoints answer them (for tests that skip OAuth)."""
        access, refresh = "50000" + secrets.token_hex(16), "50001" + secrets.token_hex(16)
        now = self._now_ms()
        access_ms = int(self.access_ttl.total_seconds() * 1000)
        refresh_ms = int(self.refresh_ttl.total_seconds() * 1000)
        with self.lock:
            self._access[access] = now + access_ms
            self._refresh[refresh] = now + refresh_ms
        return {
            "refresh_token_valid_time": now + refresh_ms,
            "havana_id": "3000021188814",
            "expire_time": now + access_ms,
            "locale": "en_US",
            "user_nick": "de1234567",
            "access_token": access,
            "refresh_token": refresh,
            "user_id": "2637908814",
            "account_platform": "buyerApp",
            "refresh_expires_in": refresh_ms // 1000,
            "expires_in": access_ms // 1000,
            "sp": "ae",
            "seller_id": "2637908814",
            "account": "merchant@example.com",
            "code": "0",
            "request_id": self._request_id(),
        }

    def expire_access_tokens(self) -> None:
        with self.lock:
            now = self._now_ms()
            self._access = {token: min(expiry, now - 1) for token, expiry in self._access.items()}

    def expire_access_after(self, calls: int) -> None:
        """Expire every access token once `calls` more business calls have been served."""
        with self.lock:
            self._expire_after = calls

    def revoke_refresh_tokens(self) -> None:
        with self.lock:
            self._refresh.clear()

    # -- faults and observation ------------------------------------------------------------

    def fail_next(self, count: int, kind: str) -> None:
        """The next `count` requests fail with `kind`: 500, drop, slow or rate_limit."""
        if kind not in FAULTS:
            raise ValueError(kind)
        with self.lock:
            self._faults.extend([kind] * count)

    def clear_faults(self) -> None:
        with self.lock:
            self._faults.clear()

    def count(self, method: str | None = None, outcome: str | None = None) -> int:
        with self.lock:
            return sum(
                1
                for call in self.calls
                if (method is None or call.method == method)
                and (outcome is None or call.outcome == outcome)
            )

    def order_ids_asked(self) -> set[str]:
        with self.lock:
            return {call.order_id for call in self.calls if call.order_id}

    def _request_id(self) -> str:
        return f"21fake{next(self._ids):012d}"

    # -- request handling (called on server threads) ---------------------------------------

    def _next_fault(self) -> str | None:
        with self.lock:
            return self._faults.pop(0) if self._faults else None

    def _record(self, path: str, method: str, order_id: str, outcome: str) -> None:
        with self.lock:
            self.calls.append(RecordedCall(path, method, order_id, outcome))

    def handle(self, path: str, params: dict[str, str]) -> tuple[int, dict[str, Any]]:
        """(HTTP status, JSON body) for one verified-or-refused request."""
        rest = path.startswith("/rest/")
        api_path = path[len("/rest") :] if rest else None
        method = api_path or params.get("method", "")
        order_id = _order_id(params)

        def refuse(code: str, message: str) -> tuple[int, dict[str, Any]]:
            self._record(path, method, order_id, code)
            fields = {"type": "ISV", "code": code, "request_id": self._request_id()}
            if rest or self.flat_errors:
                return 200, {**fields, "message": message}
            return 200, {"error_response": {**fields, "msg": message}}

        if params.get("app_key") != self.app_key:
            return refuse("InvalidAppKey", "The app key is invalid")
        if params.get("sign_method") != "sha256":
            return refuse("InvalidSignMethod", "The sign method is not supported")
        stamp = params.get("timestamp", "")
        skew_ms = self.max_skew.total_seconds() * 1000
        if not stamp.isdigit() or abs(int(stamp) - self._now_ms()) > skew_ms:
            return refuse("IllegalTimestamp", "The timestamp is missing or out of range")
        if not verify_signature(params, self.app_secret, api_path):
            return refuse(
                "IncompleteSignature",
                "The request signature does not conform to platform standards",
            )
        if rest:
            return self._token_endpoint(path, api_path or "", params, refuse)
        if path != "/sync":
            return refuse("InvalidApiPath", "The specified API path is invalid")
        with self.lock:
            expiry = self._access.get(params.get("session", ""))
            if expiry is None or expiry <= self._now_ms():
                return refuse(
                    "IllegalAccessToken", "The specified access token is invalid or expired"
                )
            if self._expire_after is not None:
                self._expire_after -= 1
                if self._expire_after <= 0:
                    self._expire_after = None
                    self.expire_access_tokens()
        if method in self.denied_methods:
            self._record(path, method, order_id, "15")
            sample = json.loads(
                (CONTRACTS / "aliexpress_trade_ds_order_get_error_response.json").read_text()
            )
            return 200, sample
        if method == ORDER_GET:
            return self._order_get(path, order_id)
        if method == TRACKING_GET:
            return self._tracking_get(path, order_id)
        return refuse("InvalidApi", "The specified API is invalid")

    def _token_endpoint(
        self,
        path: str,
        api_path: str,
        params: dict[str, str],
        refuse: Callable[[str, str], tuple[int, dict[str, Any]]],
    ) -> tuple[int, dict[str, Any]]:
        now = self._now_ms()
        with self.lock:
            if api_path == "/auth/token/create":
                expiry = self._codes.pop(params.get("code", ""), None)
                if expiry is None or expiry <= now:
                    return refuse("InvalidCode", "The authorization code is invalid or expired")
            elif api_path == "/auth/token/refresh":
                expiry = self._refresh.get(params.get("refresh_token", ""))
                if expiry is None or expiry <= now:
                    return refuse(
                        "IllegalRefreshToken", "The specified refresh token is invalid or expired"
                    )
                self.refreshes += 1
            else:
                return refuse("InvalidApiPath", "The specified API path is invalid")
            self._record(path, api_path, "", "ok")
            return 200, self.grant()

    def _order_get(self, path: str, order_id: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            order = self.orders.get(order_id)
            if order is None:
                self._record(path, ORDER_GET, order_id, "isv.order-not-exist")
                fields = {
                    "code": "15",
                    "type": "ISP",
                    "sub_code": "isv.order-not-exist",
                    "sub_msg": "Order does not exist.",
                    "msg": "Remote service error",
                    "request_id": self._request_id(),
                }
                return 200, fields if self.flat_errors else {"error_response": fields}
            result = _order_result(order)
            self._record(path, ORDER_GET, order_id, "ok")
        key = "aliexpress_trade_ds_order_get_response"
        return 200, {key: {"result": result, "request_id": self._request_id()}}

    def _tracking_get(self, path: str, order_id: str) -> tuple[int, dict[str, Any]]:
        key = "aliexpress_ds_order_tracking_get_response"
        with self.lock:
            order = self.orders.get(order_id)
            if order is None or not order.parcels:
                self._record(path, TRACKING_GET, order_id, "1001")
                result: dict[str, Any] = {
                    "ret": False,
                    "msg": "TRACKING DATA NOT FOUND",
                    "code": "1001",
                }
            else:
                self._record(path, TRACKING_GET, order_id, "ok")
                lines = [_tracking_line(parcel, order.shape) for parcel in order.parcels]
                result = {
                    "ret": True,
                    "msg": "",
                    "code": "",
                    "data": {
                        "tracking_detail_line_list": _shaped(lines, "tracking_detail", order.shape)
                    },
                }
        return 200, {key: {"result": result, "request_id": self._request_id()}}


def _order_id(params: Mapping[str, str]) -> str:
    if "ae_order_id" in params:
        return params["ae_order_id"]
    try:
        return str(json.loads(params.get("single_order_query", "")).get("order_id", ""))
    except (ValueError, AttributeError):
        return ""


def _shaped(items: list[dict[str, Any]], wrapper: str, shape: str) -> Any:
    if shape == "unwrapped":
        return items
    if shape == "bare":
        return items[0] if len(items) == 1 else items
    return {wrapper: items}


def _order_result(order: FakeOrder) -> dict[str, Any]:
    logistics = (
        [{"logistics_service": order.logistics_service, "logistics_no": order.logistics_no}]
        if order.logistics_no
        else []
    )
    children = []
    for reason in order.child_end_reasons or [""]:
        child = {
            "product_count": 1,
            "sku_id": "1200003702000037",
            "product_name": "500ML Insulated Water Bottle",
            "shipping_fee": {"amount": "0.93", "currency_code": order.currency},
            "actual_fee": {"amount": order.amount, "currency_code": order.currency},
        }
        if reason:
            child["end_reason"] = reason
        children.append(child)
    result: dict[str, Any] = {
        "gmt_create": order.gmt_create,
        "order_status": order.order_status,
        "logistics_status": order.logistics_status,
        "store_info": {"store_id": 1103800006, "store_name": "Kedi Bottles Store"},
        "user_order_amount": {"amount": order.amount, "currency_code": order.currency},
        "child_order_list": _shaped(children, "aeop_child_order_info", order.shape),
    }
    if logistics:
        result["logistics_info_list"] = _shaped(logistics, "aeop_order_logistics_info", order.shape)
    if order.end_reason:
        result["end_reason"] = order.end_reason
    return result


def _tracking_line(parcel: FakeParcel, shape: str) -> dict[str, Any]:
    nodes = [
        {"time_stamp": at, "tracking_name": name, "tracking_detail_desc": text}
        for at, name, text in parcel.events
    ]
    return {
        "detail_node_list": _shaped(nodes, "detail_node", shape),
        "package_item_list": _shaped(
            [
                {
                    "sku_desc": "Color:Silvery",
                    "quantity": 1,
                    "item_id": 1005008453688391,
                    "item_title": "500ML Insulated Water Bottle",
                }
            ],
            "package_item",
            shape,
        ),
        "carrier_name": parcel.carrier_name,
        "mail_no": parcel.mail_no,
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeAliExpress/1"

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in two writes: without this, Nagle plus delayed ACKs add
        # ~40 ms to every call.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def _serve(self) -> None:
        fake: FakeAliExpress = self.server.fake  # type: ignore[attr-defined]
        with fake.lock:
            fake.in_flight += 1
            fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
        try:
            self._answer(fake)
        finally:
            with fake.lock:
                fake.in_flight -= 1

    def _answer(self, fake: FakeAliExpress) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode() if length else ""
        url = urlsplit(self.path)
        pairs = parse_qs(url.query, keep_blank_values=True)
        for name, values in parse_qs(raw, keep_blank_values=True).items():
            pairs.setdefault(name, []).extend(values)
        fault = fake._next_fault()
        if fault is not None:
            fake._record(url.path, pairs.get("method", [""])[0], _order_id(_single(pairs)), fault)
        if fault == "drop":
            self.close_connection = True
            return
        if fault == "500":
            self._send(500, b"<html>500 Internal Server Error</html>", "text/html")
            return
        if fault == "rate_limit":
            body = {
                "error_response": {
                    "type": "ISV",
                    "code": "ApiCallLimit",
                    "msg": "The request has exceeded the call frequency limit",
                    "request_id": fake._request_id(),
                }
            }
            self._send(200, json.dumps(body).encode(), "application/json")
            return
        if fault == "slow":
            time.sleep(fake.slow_seconds)
        if any(len(values) != 1 for values in pairs.values()):
            status, body = (
                200,
                {
                    "error_response": {
                        "type": "ISV",
                        "code": "InvalidParameter",
                        "msg": "A parameter was sent twice",
                    }
                },
            )
        else:
            status, body = fake.handle(url.path, _single(pairs))
        self._send(status, json.dumps(body).encode(), "application/json;charset=UTF-8")

    def _send(self, status: int, payload: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (a slow answer)
            self.close_connection = True


def _single(pairs: Mapping[str, list[str]]) -> dict[str, str]:
    return {name: values[0] for name, values in pairs.items() if values}
