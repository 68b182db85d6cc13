"""`aliexpress.trade.ds.order.get` and `aliexpress.ds.order.tracking.get` as typed values.

The platform's shapes vary: nested lists come wrapped (`{"aeop_child_order_info": [...]}`),
unwrapped (`[...]`) or bare (a single object), any field may be missing, and new status strings
appear. Parsing never fails on those: statuses are kept as the raw string (`OrderStatus` only
names the documented ones), missing values become empty strings / None.

AliExpress writes wall-clock times without a zone; the platform documents them as US Pacific
time, so that is the default zone (`zone=` to override). Numbers and times no real order has
(NaN, infinities, amounts beyond a trillion, dates past year 9999) are treated as missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from core.aliexpress.errors import (
    OrderNotFoundError,
    UnexpectedResponseError,
    error_from_fields,
    flat_error_fields,
)
from core.status_words import (  # the one vocabulary of how orders end; re-exported
    REASON_SEPARATOR,
    SHIPPED_LOGISTICS,
    SHIPPED_STATUSES,
    EndKind,
    end_kind,
    is_cancelled,
    is_settled,
    is_shipped,
)
from core.texts import Text

AE_TIME_ZONE = ZoneInfo("America/Los_Angeles")
ORDER_GET = "aliexpress.trade.ds.order.get"
TRACKING_GET = "aliexpress.ds.order.tracking.get"
#: `aliexpress.ds.order.tracking.get` result code for "TRACKING DATA NOT FOUND": not shipped yet.
NO_TRACKING_CODE = "1001"


class OrderStatus(StrEnum):
    """The documented `order_status` values (others are kept raw on `AEOrder`)."""

    PLACE_ORDER_SUCCESS = "PLACE_ORDER_SUCCESS"
    PAYMENT_PROCESSING = "PAYMENT_PROCESSING"
    WAIT_SELLER_EXAMINE_MONEY = "WAIT_SELLER_EXAMINE_MONEY"
    RISK_CONTROL = "RISK_CONTROL"
    RISK_CONTROL_HOLD = "RISK_CONTROL_HOLD"
    WAIT_SELLER_SEND_GOODS = "WAIT_SELLER_SEND_GOODS"
    SELLER_PART_SEND_GOODS = "SELLER_PART_SEND_GOODS"
    WAIT_BUYER_ACCEPT_GOODS = "WAIT_BUYER_ACCEPT_GOODS"
    FUND_PROCESSING = "FUND_PROCESSING"
    IN_ISSUE = "IN_ISSUE"
    IN_FROZEN = "IN_FROZEN"
    FINISH = "FINISH"
    IN_CANCEL = "IN_CANCEL"
    WAIT_GROUP = "WAIT_GROUP"
    WAIT_COMPLETE_ADDRESS = "WAIT_COMPLETE_ADDRESS"


class LogisticsStatus(StrEnum):
    DEFAULT = "DEFAULT"
    WAIT_SELLER_SEND_GOODS = "WAIT_SELLER_SEND_GOODS"
    SELLER_SEND_PART_GOODS = "SELLER_SEND_PART_GOODS"
    SELLER_SEND_GOODS = "SELLER_SEND_GOODS"
    BUYER_ACCEPT_GOODS = "BUYER_ACCEPT_GOODS"
    NO_LOGISTICS = "NO_LOGISTICS"


#: The shipped words of the ledger's vocabulary (core.status_words), as this client's enums.
SHIPPED_ORDER_STATUSES = frozenset(OrderStatus(status) for status in SHIPPED_STATUSES)
SHIPPED_LOGISTICS_STATUSES = frozenset(LogisticsStatus(status) for status in SHIPPED_LOGISTICS)


def order_end_reason(order_reason: str, child_reasons: Sequence[str]) -> str:
    """The reason to keep for an order: its own, else its child orders' (distinct, joined),
    else "" while any child order has not ended (its end is not known yet)."""
    if order_reason.strip():
        return order_reason.strip()
    reasons = [reason.strip() for reason in child_reasons]
    if not reasons or not all(reasons):
        return ""
    return REASON_SEPARATOR.join(dict.fromkeys(reasons))


settled = is_settled  # the vocabulary's rule, under the name this module always had


def known_status(raw: str) -> OrderStatus | None:
    """The documented status for `raw`, or None for a string AliExpress added since."""
    try:
        return OrderStatus(raw)
    except ValueError:
        return None


#: Amounts at or beyond this are no real order's: treated as missing rather than trusted.
MAX_AMOUNT = Decimal(10) ** 12
_CURRENCY_EXPONENT = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "KWD": 3, "BHD": 3}


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str  # ISO code; "" when AliExpress did not say

    @property
    def minor_units(self) -> int:
        exponent = _CURRENCY_EXPONENT.get(self.currency.upper(), 2)
        scaled = (self.amount * (Decimal(10) ** exponent)).quantize(
            Decimal(1), rounding=ROUND_HALF_EVEN
        )
        return int(scaled)


@dataclass(frozen=True)
class StoreInfo:
    store_id: str
    name: str


@dataclass(frozen=True)
class ChildOrder:
    product_id: str
    product_name: str
    sku_id: str
    quantity: int
    price: Money | None
    paid: Money | None  # `actual_fee`
    shipping_fee: Money | None
    end_reason: str = ""  # documented per child order (e.g. `CANCELED`)


@dataclass(frozen=True)
class LogisticsInfo:
    tracking_number: str  # `logistics_no`
    service: str  # `logistics_service`, a carrier/service code


@dataclass(frozen=True)
class AEOrder:
    """One supplier order as AliExpress reports it; statuses are AliExpress' raw strings."""

    order_id: str
    order_status: str
    logistics_status: str
    end_reason: str  # the order's own, else its child orders' (see `order_end_reason`)
    created_at: datetime | None
    paid_at: datetime | None
    amount: Money | None
    store: StoreInfo | None
    children: tuple[ChildOrder, ...]
    logistics: tuple[LogisticsInfo, ...]

    @property
    def status(self) -> OrderStatus | None:
        return known_status(self.order_status)

    @property
    def finished(self) -> bool:
        return self.order_status == OrderStatus.FINISH

    @property
    def end(self) -> EndKind:
        return end_kind(self.end_reason) if self.finished or self.end_reason else EndKind.OPEN

    @property
    def settled(self) -> bool:
        """Finished, and how it ended is known: nothing more to learn from AliExpress."""
        return is_settled(self.order_status, self.logistics_status, self.end_reason)

    @property
    def cancelled(self) -> bool:
        """Closed without shipping and paid back: a cancellation went through."""
        return is_cancelled(self.order_status, self.end_reason)

    @property
    def shipped(self) -> bool:
        """The supplier has sent (part of) the goods."""
        return is_shipped(self.order_status, self.logistics_status, self.end_reason)

    @property
    def tracking_number(self) -> str:
        return next((info.tracking_number for info in self.logistics if info.tracking_number), "")

    @property
    def carrier(self) -> str:
        return next((info.service for info in self.logistics if info.service), "")


@dataclass(frozen=True)
class TrackingEvent:
    at: datetime | None
    name: str
    description: str


@dataclass(frozen=True)
class PackageItem:
    item_id: str
    title: str
    sku: str
    quantity: int


@dataclass(frozen=True)
class TrackingPackage:
    tracking_number: str  # `mail_no`
    carrier: str  # `carrier_name`
    eta: datetime | None
    events: tuple[TrackingEvent, ...]
    items: tuple[PackageItem, ...]


@dataclass(frozen=True)
class Tracking:
    packages: tuple[TrackingPackage, ...]

    @property
    def tracking_number(self) -> str:
        return next((p.tracking_number for p in self.packages if p.tracking_number), "")

    @property
    def carrier(self) -> str:
        return next((p.carrier for p in self.packages if p.carrier), "")

    @property
    def first_event_at(self) -> datetime | None:
        """The earliest scan of any parcel: the best evidence of when it shipped."""
        moments = [e.at for p in self.packages for e in p.events if e.at is not None]
        return min(moments, default=None)


# -- parsing ---------------------------------------------------------------------------------


def parse_order(body: Mapping[str, Any], order_id: str, *, zone: tzinfo = AE_TIME_ZONE) -> AEOrder:
    """An `AEOrder` from the full answer, the `..._response` body or the bare `result`."""
    result = _result(body, ORDER_GET)
    if not isinstance(result, Mapping) or not result:
        raise OrderNotFoundError(
            Text(
                "core.aliexpress.orders",
                "AliExpress has no order {order_id} in the connected account.",
                order_id=order_id,
            )
        )
    store = result.get("store_info")
    children = tuple(
        _child(item)
        for item in _items(
            result.get("child_order_list"), "aeop_child_order_info", "ae_child_order_info"
        )
    )
    return AEOrder(
        order_id=str(order_id),
        order_status=_str(result.get("order_status")),
        logistics_status=_str(result.get("logistics_status")),
        end_reason=order_end_reason(
            _str(result.get("end_reason") or result.get("order_end_reason")),
            [child.end_reason for child in children],
        ),
        created_at=_time(result.get("gmt_create"), zone),
        paid_at=_time(
            _first(result, "order_paidtime_string", "gmt_pay_time", "gmt_pay_success"), zone
        ),
        amount=_money(_first(result, "user_order_amount", "order_amount", "pay_amount")),
        store=(
            StoreInfo(_str(store.get("store_id")), _str(store.get("store_name")))
            if isinstance(store, Mapping)
            else None
        ),
        children=children,
        logistics=tuple(
            LogisticsInfo(
                _str(item.get("logistics_no")),
                _str(item.get("logistics_service") or item.get("logistics_service_name")),
            )
            for item in _items(
                result.get("logistics_info_list"),
                "aeop_order_logistics_info",
                "ae_order_logistics_info",
            )
        ),
    )


def parse_tracking(body: Mapping[str, Any]) -> Tracking | None:
    """The parcels of an order; None when AliExpress has no tracking yet (code 1001)."""
    result = _result(body, TRACKING_GET)
    if not isinstance(result, Mapping):
        raise UnexpectedResponseError(
            Text(
                "core.aliexpress.orders",
                "AliExpress sent tracking in a shape Dropdesk cannot read.",
            )
        )
    if not _true(result.get("ret", True)):
        code = _str(result.get("code"))
        if code == NO_TRACKING_CODE or "not found" in _str(result.get("msg")).lower():
            return None
        raise error_from_fields(result)
    data = result.get("data")
    lines = data.get("tracking_detail_line_list") if isinstance(data, Mapping) else None
    packages = tuple(_package(line) for line in _items(lines, "tracking_detail"))
    return Tracking(packages) if packages else None


def _result(body: Mapping[str, Any], method: str) -> Any:
    if "error_response" in body:
        fields = body["error_response"]
        if not isinstance(fields, Mapping):
            raise UnexpectedResponseError(
                Text(
                    "core.aliexpress.orders",
                    "AliExpress sent an error Dropdesk cannot read.",
                )
            )
        raise error_from_fields(dict(fields))
    flat = flat_error_fields(body)
    if flat is not None:  # an error at the top level is not an order
        raise error_from_fields(dict(flat))
    inner = body.get(method.replace(".", "_") + "_response", body)
    if isinstance(inner, Mapping) and "result" in inner:
        return inner["result"]
    return inner


def _package(line: Mapping[str, Any]) -> TrackingPackage:
    return TrackingPackage(
        tracking_number=_str(line.get("mail_no")),
        carrier=_str(line.get("carrier_name")),
        eta=_epoch_ms(line.get("eta_time_stamps") or line.get("eta_time_stamp")),
        events=tuple(
            TrackingEvent(
                at=_epoch_ms(node.get("time_stamp")),
                name=_str(node.get("tracking_name")),
                description=_str(node.get("tracking_detail_desc")),
            )
            for node in _items(line.get("detail_node_list"), "detail_node")
        ),
        items=tuple(
            PackageItem(
                item_id=_str(item.get("item_id")),
                title=_str(item.get("item_title")),
                sku=_str(item.get("sku_desc")),
                quantity=_int(item.get("quantity"), 1),
            )
            for item in _items(line.get("package_item_list"), "package_item")
        ),
    )


def _child(item: Mapping[str, Any]) -> ChildOrder:
    return ChildOrder(
        product_id=_str(item.get("product_id")),
        product_name=_str(item.get("product_name")),
        sku_id=_str(item.get("sku_id")),
        quantity=_int(item.get("product_count"), 1),
        price=_money(item.get("product_price")),
        paid=_money(item.get("actual_fee")),
        shipping_fee=_money(item.get("shipping_fee")),
        end_reason=_str(item.get("end_reason")),
    )


def _items(value: Any, *wrappers: str) -> list[Mapping[str, Any]]:
    """The elements of a nested list however it comes: wrapped, unwrapped or one bare object."""
    if isinstance(value, Mapping) and len(value) == 1:
        ((key, inner),) = value.items()
        if key in wrappers or key.startswith("aeop_"):
            value = inner
    if isinstance(value, Mapping):
        return [value] if value else []
    if isinstance(value, list):
        return [element for element in value if isinstance(element, Mapping)]
    return []


def _first(result: Mapping[str, Any], *keys: str) -> Any:
    return next((result[key] for key in keys if result.get(key) not in (None, "")), None)


def _str(value: Any) -> str:
    if value is None or isinstance(value, (Mapping, list)):
        return ""
    return str(value).strip()


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError, ArithmeticError):  # None, "x", NaN, infinity
        return default


def _true(value: Any) -> bool:
    return value is True or str(value).strip().lower() == "true"


def _decimal(value: Any) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and abs(amount) < MAX_AMOUNT else None


def _money(value: Any) -> Money | None:
    if isinstance(value, Mapping):
        currency = _str(value.get("currency_code") or value.get("currency"))
        amount = _decimal(value.get("amount"))
        cent = value.get("cent")
        if (amount is None or amount == 0) and cent is not None:
            factor = _decimal(value.get("cent_factor")) or Decimal(100)
            cents = _decimal(cent)
            if cents is not None:
                try:
                    amount = _decimal(cents / factor)
                except ArithmeticError:  # a factor so small the quotient overflows
                    amount = None
        return Money(amount, currency) if amount is not None else None
    amount = _decimal(value)
    return Money(amount, "") if amount is not None else None


def _epoch_ms(value: Any) -> datetime | None:
    try:
        millis = int(value)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an infinite float
        return None
    if millis <= 0:
        return None
    try:
        return datetime.fromtimestamp(millis // 1000, UTC) + timedelta(milliseconds=millis % 1000)
    except (OverflowError, OSError, ValueError):  # past year 9999
        return None


_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d")


def _time(value: Any, zone: tzinfo) -> datetime | None:
    """An aware UTC instant from AliExpress' zone-less wall-clock text (or epoch ms)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return _epoch_ms(value)
    text = _str(value)
    if not text:
        return None
    if text.isdigit():
        return _epoch_ms(text)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        parsed = None
        for pattern in _TIME_FORMATS:
            try:
                parsed = datetime.strptime(text, pattern)
                break
            except ValueError:
                continue
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:  # a date at the very end (or start) of the calendar
        return None
