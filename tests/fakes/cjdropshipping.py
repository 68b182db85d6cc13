"""A small CJdropshipping order API on 127.0.0.1, for the second-platform test.

Shapes after CJ's API 2.0 (`GET /api2.0/v1/shopping/order/getOrderDetail?orderId=…`, the token
in the `CJ-Access-Token` header, answers as `{"code", "result", "message", "data"}`); only
what the refresh reads. Every order id asked for is recorded.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "cj-fake-access-token-0123456789"
ORDER_DETAIL = "/api2.0/v1/shopping/order/getOrderDetail"
TRACK_INFO = "/api2.0/v1/logistic/trackInfo"


@dataclass
class CJOrder:
    order_id: str
    status: str = "UNSHIPPED"  # CREATED IN_CART UNPAID UNSHIPPED SHIPPED DELIVERED CANCELLED
    track_number: str = ""
    logistic_name: str = ""
    first_scan_ms: int | None = None


class FakeCJ:
    """`with FakeCJ() as fake:`; `fake.base_url` is the API's root."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.orders: dict[str, CJOrder] = {}
        self.asked: list[str] = []
        self._server: ThreadingHTTPServer | None = None

    def __enter__(self) -> FakeCJ:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        server.daemon_threads = True
        server.fake = self  # type: ignore[attr-defined]
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def add(self, order: CJOrder) -> CJOrder:
        with self.lock:
            self.orders[order.order_id] = order
        return order

    def answer(self, path: str, query: dict[str, str], token: str) -> tuple[int, dict[str, Any]]:
        if token != TOKEN:
            return 401, {"code": 1600001, "result": False, "message": "Invalid token", "data": None}
        with self.lock:
            if path == ORDER_DETAIL:
                order_id = query.get("orderId", "")
                self.asked.append(order_id)
                order = self.orders.get(order_id)
                if order is None:
                    return 200, {"code": 1600100, "result": False, "message": "order not found"}
                data = {
                    "orderId": order.order_id,
                    "orderStatus": order.status,
                    "trackNumber": order.track_number or None,
                    "logisticName": order.logistic_name or None,
                }
            elif path == TRACK_INFO:
                found = [
                    o for o in self.orders.values() if o.track_number == query.get("trackNumber")
                ]
                data = [
                    {
                        "trackingNumber": o.track_number,
                        "logisticName": o.logistic_name,
                        "trackingFrom": o.first_scan_ms,
                    }
                    for o in found
                ]
            else:
                return 404, {"code": 404, "result": False, "message": "no such API"}
        return 200, {"code": 200, "result": True, "message": "Success", "data": data}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        fake: FakeCJ = self.server.fake  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        status, body = fake.answer(url.path, query, self.headers.get("CJ-Access-Token", ""))
        payload = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)
