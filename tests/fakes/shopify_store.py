"""The fake Shopify's in-memory shop: orders, jobs, refunds, policies, and the resolvers that
answer the Admin API's fields from them (graphql-core's default resolver reads these dicts and
calls the callables with the field's arguments).

Behaviour that matters to Dropdesk is modelled on Shopify's: orderCancel runs as a job that is
not done on the first poll; a fulfilled order cannot be cancelled; refundCreate requires
@idempotent and answers a repeated key with the original refund; order search by name is loose;
connections require `first` or `last` (at most 250) and page with opaque cursors.
Shopify Payments disputes live on the payments account (null when the shop has none); their
evidence is a separate object whose id disputeEvidenceUpdate takes; submitted evidence, or
evidence past its due date, is refused with userErrors as Shopify does.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from graphql import GraphQLError, GraphQLResolveInfo
from graphql.execution.values import get_directive_values

SHOP_GID = "gid://shopify/Shop/1"
MAX_PAGE = 250
POLICY_MAX_BYTES = 512 * 1024
GATEWAY = "shopify_payments"


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bag(amount: Decimal, currency: str) -> dict[str, Any]:
    money = {"amount": str(amount), "currencyCode": currency}
    return {"shopMoney": money, "presentmentMoney": dict(money)}


@dataclass
class FakeLine:
    legacy_id: int
    title: str
    sku: str | None
    quantity: int
    price: Decimal
    fulfilled: int = 0
    refunded: int = 0

    @property
    def gid(self) -> str:
        return f"gid://shopify/LineItem/{self.legacy_id}"

    @property
    def current(self) -> int:
        return self.quantity - self.refunded


@dataclass
class FakeRefund:
    legacy_id: int
    order_gid: str
    amount: Decimal
    note: str | None
    created_at: datetime

    @property
    def gid(self) -> str:
        return f"gid://shopify/Refund/{self.legacy_id}"


@dataclass
class FakeOrder:
    legacy_id: int
    name: str
    created_at: datetime
    updated_at: datetime
    lines: list[FakeLine]
    currency: str = "EUR"
    shipping: Decimal = Decimal("4.90")
    email: str = ""
    note: str | None = None
    tags: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)
    customer_name: str | None = None
    locale: str | None = None  # customerLocale
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    refunded: Decimal = Decimal(0)
    refunds: list[FakeRefund] = field(default_factory=list)

    @property
    def gid(self) -> str:
        return f"gid://shopify/Order/{self.legacy_id}"

    @property
    def sale_gid(self) -> str:
        return f"gid://shopify/OrderTransaction/{self.legacy_id}"

    @property
    def total(self) -> Decimal:
        return sum((line.price * line.quantity for line in self.lines), Decimal(0)) + self.shipping

    @property
    def fulfilled_units(self) -> int:
        return sum(line.fulfilled for line in self.lines)

    def financial_status(self) -> str:
        if self.refunded <= 0:
            return "PAID"
        return "REFUNDED" if self.refunded >= self.total else "PARTIALLY_REFUNDED"

    def fulfillment_status(self) -> str:
        units = sum(line.quantity for line in self.lines)
        done = self.fulfilled_units
        if done == 0:
            return "UNFULFILLED"
        return "FULFILLED" if done >= units else "PARTIALLY_FULFILLED"

    def fulfill(self) -> None:
        for line in self.lines:
            line.fulfilled = line.quantity


@dataclass
class FakeDispute:
    legacy_id: int
    order_gid: str | None
    amount: Decimal
    currency: str
    reason: str
    status: str
    initiated_at: datetime
    evidence_due_by: datetime | None
    kind: str = "CHARGEBACK"
    evidence_sent_on: datetime | None = None
    finalized_on: datetime | None = None
    network_reason_code: str | None = "13.1"
    evidence: dict[str, Any] = field(default_factory=dict)
    submitted: bool = False

    @property
    def gid(self) -> str:
        return f"gid://shopify/ShopifyPaymentsDispute/{self.legacy_id}"

    @property
    def evidence_gid(self) -> str:
        return f"gid://shopify/ShopifyPaymentsDisputeEvidence/{self.legacy_id}"


@dataclass
class FakeJob:
    gid: str
    polls_needed: int
    on_done: Callable[[], None]
    polls: int = 0
    done: bool = False


@dataclass
class Context:
    """Per request: the scopes of the token that made it, and the protected customer data the
    app is not approved for (field names such as "email", "customer", or "Order" for the
    orders themselves), denied in `denial_shape`: "coded" (`extensions.code` ACCESS_DENIED)
    or "bare" (no extensions: the shape of Shopify's documented example)."""

    scopes: frozenset[str]
    protected: frozenset[str] = frozenset()
    denial_shape: str = "coded"


#: Shopify's documentation page on protected customer data (its errors link to the app's).
PROTECTED_DOCS = "https://shopify.dev/docs/apps/launch/protected-customer-data"


def protect(info: GraphQLResolveInfo, name: str) -> None:
    """Deny `name` as Shopify denies protected customer data to an app not approved for it."""
    context: Context = info.context
    if name not in context.protected:
        return
    if name[:1].isupper():
        message = f"This app is not approved to access the {name} object."
    else:
        message = f"This app is not approved to use the {name} field."
    message += f" See {PROTECTED_DOCS} for more details."
    if context.denial_shape == "bare":
        raise GraphQLError(message)
    raise GraphQLError(
        message, extensions={"code": "ACCESS_DENIED", "documentation": PROTECTED_DOCS}
    )


def _denied(info: GraphQLResolveInfo, scope: str) -> GraphQLError:
    return GraphQLError(
        f"Access denied for {info.field_name} field. Required access: `{scope}` access scope.",
        extensions={
            "code": "ACCESS_DENIED",
            "documentation": "https://shopify.dev/api/usage/access-scopes",
            "requiredAccess": f"`{scope}` access scope.",
        },
    )


def require(info: GraphQLResolveInfo, scope: str) -> None:
    context: Context = info.context
    if scope not in context.scopes:
        raise _denied(info, scope)


def _page_size(first: int | None, last: int | None) -> int:
    size = first if first is not None else last
    if size is None:
        raise GraphQLError("you must provide one of first or last")
    if size < 0 or size > MAX_PAGE:
        raise GraphQLError(f"The first or last argument must be between 0 and {MAX_PAGE}.")
    return size


def _encode(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode()


def _decode(cursor: str) -> Any:
    try:
        return json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError:
        raise GraphQLError(f"Invalid cursor: {cursor[:40]}") from None


def connection(
    items: Sequence[Any],
    keys: Sequence[Any],
    view: Callable[[Any], dict[str, Any]],
    first: int | None,
    after: str | None,
) -> dict[str, Any]:
    """A forward page over items sorted by `keys` (which must be sorted and unique)."""
    size = _page_size(first, None)
    start = 0
    if after is not None:
        position = _decode(after)
        start = next((i for i, key in enumerate(keys) if key > position), len(keys))
    chosen = list(range(start, min(start + size, len(items))))
    nodes = [view(items[i]) for i in chosen]
    return {
        "nodes": nodes,
        "edges": [
            {"cursor": _encode(keys[i]), "node": node}
            for i, node in zip(chosen, nodes, strict=True)
        ],
        "pageInfo": {
            "hasNextPage": bool(chosen) and chosen[-1] + 1 < len(items),
            "hasPreviousPage": start > 0,
            "startCursor": _encode(keys[chosen[0]]) if chosen else None,
            "endCursor": _encode(keys[chosen[-1]]) if chosen else None,
        },
    }


class OrderSearch:
    """The slice of Shopify's search syntax the client uses: name:, updated_at:>=, etc."""

    def __init__(self, query: str | None) -> None:
        self.terms: list[tuple[str, str, str]] = []
        for token in _tokens(query or ""):
            name, _, rest = token.partition(":")
            op = next((o for o in (">=", "<=", ">", "<") if rest.startswith(o)), "=")
            value = rest[len(op) :] if op != "=" else rest
            self.terms.append((name.lower(), op, _unquote(value)))

    def matches(self, order: FakeOrder) -> bool:
        for name, op, value in self.terms:
            if name == "name":
                # Loose like Shopify's: "#1001" also finds "#10010".
                if not order.name.lower().startswith(value.lower()):
                    return False
            elif name in ("updated_at", "created_at"):
                stamp = order.updated_at if name == "updated_at" else order.created_at
                bound = datetime.fromisoformat(value)
                if bound.tzinfo is None:
                    bound = bound.replace(tzinfo=UTC)
                ok = {
                    ">": stamp > bound,
                    ">=": stamp >= bound,
                    "<": stamp < bound,
                    "<=": stamp <= bound,
                    "=": stamp == bound,
                }[op]
                if not ok:
                    return False
        return True


def _tokens(query: str) -> Iterable[str]:
    token, quote, escaped = "", "", False
    for ch in query:
        if escaped:
            token, escaped = token + ch, False
        elif ch == "\\" and quote:
            token, escaped = token + ch, True
        elif quote:
            token += ch
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            token, quote = token + ch, ch
        elif ch.isspace():
            if token:
                yield token
            token = ""
        else:
            token += ch
    if token:
        yield token


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace('\\"', '"').replace("\\'", "'").replace("\\\\", "\\")
    return value


class ShopState:
    """Everything the fake shop knows. All access happens under `lock` (the server holds it)."""

    def __init__(
        self, domain: str, *, name: str = "Dropdesk Test Shop", currency: str = "EUR"
    ) -> None:
        self.domain = domain
        self.name = name
        self.currency = currency
        self.lock = threading.RLock()
        self.orders: dict[str, FakeOrder] = {}
        self.jobs: dict[str, FakeJob] = {}
        self.refunds: list[FakeRefund] = []
        self.policies: dict[str, dict[str, Any]] = {}
        self.idempotency: dict[str, tuple[str, str]] = {}  # key -> (input fingerprint, refund gid)
        self.cancel_requests: list[dict[str, Any]] = []
        self.disputes: dict[str, FakeDispute] = {}
        self.evidence_requests: list[dict[str, Any]] = []
        self.payments_enabled = True  # False: no Shopify Payments account
        self.refund_requests: list[dict[str, Any]] = []
        self.job_polls_needed = 2
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self._ids = itertools.count(1001)
        self._line_ids = itertools.count(50001)
        self._refund_ids = itertools.count(70001)
        self._dispute_ids = itertools.count(90001)
        self._policy_ids: dict[str, int] = {}

    # -- building the shop ----------------------------------------------------------------

    def add_order(
        self,
        *,
        updated_at: datetime | None = None,
        lines: int | Sequence[tuple[str, str | None, int, Decimal]] = 1,
        fulfilled: bool = False,
        name: str | None = None,
        customer_name: str | None = "Jane Roe",
        note: str | None = None,
        tags: Sequence[str] = (),
    ) -> FakeOrder:
        legacy = next(self._ids)
        moment = updated_at or self.clock()
        if isinstance(lines, int):
            specs: list[tuple[str, str | None, int, Decimal]] = [
                (f"Item {legacy}-{i}", f"SKU-{legacy}-{i}", 1 + i % 2, Decimal("19.99") + i)
                for i in range(lines)
            ]
        else:
            specs = list(lines)
        order = FakeOrder(
            legacy_id=legacy,
            name=name or f"#{legacy}",
            created_at=moment - timedelta(hours=1),
            updated_at=moment,
            lines=[
                FakeLine(next(self._line_ids), title, sku, qty, price)
                for title, sku, qty, price in specs
            ],
            email=f"customer{legacy}@example.com",
            note=note,
            tags=list(tags),
            customer_name=customer_name,
        )
        if fulfilled:
            order.fulfill()
        with self.lock:
            self.orders[order.gid] = order
        return order

    def add_orders(
        self, count: int, *, start: datetime, same_second: int = 3, many_lines_every: int = 100
    ) -> list[FakeOrder]:
        """`count` orders changed in groups of `same_second` sharing one updatedAt; 1 to 3 lines,
        and 7 lines (more than one page of line items) for every `many_lines_every`-th."""
        made = []
        for i in range(count):
            moment = start + timedelta(seconds=i // max(same_second, 1))
            lines = 7 if (i + 1) % many_lines_every == 0 else 1 + i % 3
            made.append(self.add_order(updated_at=moment, lines=lines))
        return made

    def add_dispute(
        self,
        order: FakeOrder | None,
        *,
        reason: str = "PRODUCT_NOT_RECEIVED",
        status: str = "NEEDS_RESPONSE",
        amount: Decimal | None = None,
        initiated_at: datetime | None = None,
        evidence_due_by: datetime | None = None,
    ) -> FakeDispute:
        """A chargeback on `order` (its total unless `amount`), due in 7 days by default."""
        start = initiated_at or self.clock()
        dispute = FakeDispute(
            legacy_id=next(self._dispute_ids),
            order_gid=order.gid if order else None,
            amount=amount if amount is not None else (order.total if order else Decimal("10")),
            currency=order.currency if order else self.currency,
            reason=reason,
            status=status,
            initiated_at=start,
            evidence_due_by=evidence_due_by or start + timedelta(days=7),
        )
        with self.lock:
            self.disputes[dispute.gid] = dispute
        return dispute

    def touch(self, order: FakeOrder) -> None:
        order.updated_at = max(self.clock(), order.updated_at + timedelta(seconds=1))

    # -- roots ------------------------------------------------------------------------------

    def query_root(self) -> dict[str, Any]:
        return {
            "shop": {
                "id": SHOP_GID,
                "name": self.name,
                "currencyCode": self.currency,
                "myshopifyDomain": self.domain,
            },
            "order": self._order,
            "orders": self._orders,
            "ordersCount": self._orders_count,
            "job": self._job,
            "shopifyPaymentsAccount": self._payments_account,
            "dispute": self._dispute,
        }

    def mutation_root(self) -> dict[str, Any]:
        return {
            "orderCancel": self._order_cancel,
            "refundCreate": self._refund_create,
            "shopPolicyUpdate": self._shop_policy_update,
            "disputeEvidenceUpdate": self._dispute_evidence_update,
        }

    # -- queries ----------------------------------------------------------------------------

    def _order(self, info: GraphQLResolveInfo, id: str) -> dict[str, Any] | None:
        require(info, "read_orders")
        protect(info, "Order")
        order = self.orders.get(id)
        return None if order is None else self.order_view(order)

    def _sorted(
        self, query: str | None, sort_key: str | None, reverse: bool
    ) -> tuple[list[FakeOrder], list[Any]]:
        search = OrderSearch(query)
        chosen = [order for order in self.orders.values() if search.matches(order)]
        if sort_key == "UPDATED_AT":

            def key(o: FakeOrder) -> Any:
                return [iso(o.updated_at), o.legacy_id]
        elif sort_key == "CREATED_AT":

            def key(o: FakeOrder) -> Any:
                return [iso(o.created_at), o.legacy_id]
        else:

            def key(o: FakeOrder) -> Any:
                return [o.legacy_id]

        chosen.sort(key=key, reverse=reverse)
        keys = [key(order) for order in chosen]
        if reverse:  # cursors still compare "after" in page order
            keys = [[-i] for i in range(len(keys))]
        return chosen, keys

    def _orders(
        self,
        info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        query: str | None = None,
        reverse: bool = False,
        sortKey: str | None = None,
        savedSearchId: str | None = None,
    ) -> dict[str, Any]:
        require(info, "read_orders")
        protect(info, "Order")
        if last is not None or before is not None:
            raise GraphQLError("The fake Shopify only pages forward (first/after).")
        chosen, keys = self._sorted(query, sortKey or "ID", reverse)
        return connection(chosen, keys, self.order_view, first, after)

    def _orders_count(
        self,
        info: GraphQLResolveInfo,
        query: str | None = None,
        limit: int | None = None,
        savedSearchId: str | None = None,
    ) -> dict[str, Any]:
        require(info, "read_orders")
        count = sum(1 for order in self.orders.values() if OrderSearch(query).matches(order))
        cap = 10_000 if limit is None else limit
        if count > cap:
            return {"count": cap, "precision": "AT_LEAST"}
        return {"count": count, "precision": "EXACT"}

    def _job(self, info: GraphQLResolveInfo, id: str) -> dict[str, Any] | None:
        job = self.jobs.get(id)
        if job is None:
            return None
        job.polls += 1
        if not job.done and job.polls >= job.polls_needed:
            job.on_done()
            job.done = True
        return {"id": job.gid, "done": job.done, "query": None}

    # -- views ------------------------------------------------------------------------------

    def order_view(self, order: FakeOrder) -> dict[str, Any]:
        currency = order.currency

        def customer(info: GraphQLResolveInfo) -> dict[str, Any] | None:
            require(info, "read_customers")
            protect(info, "customer")
            if order.customer_name is None:
                return None
            return {
                "displayName": order.customer_name,
                "id": f"gid://shopify/Customer/{order.legacy_id}",
            }

        def line_items(
            info: GraphQLResolveInfo,
            first: int | None = None,
            after: str | None = None,
            last: int | None = None,
            before: str | None = None,
            reverse: bool = False,
        ) -> dict[str, Any]:
            keys = list(range(len(order.lines)))
            return connection(
                order.lines, keys, lambda line: self.line_view(line, currency), first, after
            )

        def suggested_refund(info: GraphQLResolveInfo, **args: Any) -> dict[str, Any]:
            return self._suggest(order, args)

        def email(info: GraphQLResolveInfo) -> str | None:
            protect(info, "email")
            return order.email

        return {
            "id": order.gid,
            "legacyResourceId": str(order.legacy_id),
            "name": order.name,
            "createdAt": iso(order.created_at),
            "processedAt": iso(order.created_at),
            "updatedAt": iso(order.updated_at),
            "cancelledAt": iso(order.cancelled_at),
            "cancelReason": order.cancel_reason,
            "currencyCode": currency,
            "displayFinancialStatus": order.financial_status(),
            "displayFulfillmentStatus": order.fulfillment_status(),
            "refundable": order.refunded < order.total and order.cancelled_at is None,
            "email": email,
            "customerLocale": order.locale,
            "note": order.note,
            "tags": list(order.tags),
            "customAttributes": [{"key": k, "value": v} for k, v in order.attributes],
            "customer": customer,
            "totalPriceSet": bag(order.total, currency),
            "totalRefundedSet": bag(order.refunded, currency),
            "lineItems": line_items,
            "suggestedRefund": suggested_refund,
        }

    def line_view(self, line: FakeLine, currency: str) -> dict[str, Any]:
        return {
            "id": line.gid,
            "title": line.title,
            "name": line.title,
            "sku": line.sku,
            "quantity": line.quantity,
            "currentQuantity": line.current,
            "unfulfilledQuantity": max(line.current - line.fulfilled, 0),
            "originalUnitPriceSet": bag(line.price, currency),
        }

    # -- refunds ----------------------------------------------------------------------------

    def _suggest(self, order: FakeOrder, args: dict[str, Any]) -> dict[str, Any]:
        currency = order.currency
        lines_by_gid = {line.gid: line for line in order.lines}
        wanted: list[tuple[FakeLine, int, str]] = []
        if args.get("suggestFullRefund"):
            wanted = [
                (line, line.current, "NO_RESTOCK") for line in order.lines if line.current > 0
            ]
        for item in args.get("refundLineItems") or ():
            line = lines_by_gid.get(item["lineItemId"])
            if line is None:
                raise GraphQLError(f"Line item {item['lineItemId']} does not belong to the order.")
            wanted.append(
                (line, min(item["quantity"], line.current), item.get("restockType") or "NO_RESTOCK")
            )
        subtotal = sum((line.price * qty for line, qty, _ in wanted), Decimal(0))
        refunded_shipping = max(
            order.refunded - sum((line.price * line.quantity for line in order.lines), Decimal(0)),
            Decimal(0),
        )
        shipping_left = max(order.shipping - refunded_shipping, Decimal(0))
        shipping = (
            shipping_left
            if (args.get("refundShipping") or args.get("suggestFullRefund"))
            else Decimal(0)
        )
        maximum = max(order.total - order.refunded, Decimal(0))
        amount = min(subtotal + shipping, maximum)
        transactions = []
        if amount > 0:
            transactions.append(
                {
                    "amountSet": bag(amount, currency),
                    "maximumRefundableSet": bag(maximum, currency),
                    "gateway": GATEWAY,
                    "kind": "SUGGESTED_REFUND",
                    "parentTransaction": {"id": order.sale_gid},
                }
            )
        return {
            "amountSet": bag(amount, currency),
            "maximumRefundableSet": bag(maximum, currency),
            "subtotalSet": bag(subtotal, currency),
            "shipping": {
                "amountSet": bag(shipping, currency),
                "maximumRefundableSet": bag(shipping_left, currency),
            },
            "refundLineItems": [
                {
                    "lineItem": self.line_view(line, currency),
                    "quantity": qty,
                    "restockType": restock,
                    "priceSet": bag(line.price, currency),
                    "subtotalSet": bag(line.price * qty, currency),
                }
                for line, qty, restock in wanted
            ],
            "suggestedTransactions": transactions,
        }

    def _refund_create(self, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
        require(info, "write_orders")
        directive = info.schema.get_directive("idempotent")
        assert directive is not None
        values = get_directive_values(directive, info.field_nodes[0], info.variable_values)
        if values is None:
            raise GraphQLError(
                "The @idempotent directive is required for this mutation.",
                extensions={"code": "IDEMPOTENCY_KEY_REQUIRED"},
            )
        key = str(values.get("key", ""))
        if not key.strip():
            raise GraphQLError(
                "The idempotency key cannot be an empty string or whitespace only.",
                extensions={"code": "BAD_REQUEST"},
            )
        fingerprint = json.dumps(input, sort_keys=True, default=str)
        self.refund_requests.append({"key": key, "input": input})
        if key in self.idempotency:
            seen_fingerprint, refund_gid = self.idempotency[key]
            if seen_fingerprint != fingerprint:
                raise GraphQLError(
                    "The idempotency key was already used with different parameters.",
                    extensions={"code": "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"},
                )
            refund = next(r for r in self.refunds if r.gid == refund_gid)
            return self._refund_payload(refund)
        order = self.orders.get(input["orderId"])
        if order is None:
            return _user_errors(["orderId"], "Order does not exist")
        total = sum(
            (Decimal(str(t["amount"])) for t in input.get("transactions") or ()), Decimal(0)
        )
        for transaction in input.get("transactions") or ():
            if transaction.get("parentId") != order.sale_gid or transaction.get("kind") != "REFUND":
                return _user_errors(
                    ["transactions"], "Parent transaction does not belong to the order"
                )
        if total > order.total - order.refunded:
            return _user_errors(
                ["transactions"], "Refund amount is greater than the refundable amount"
            )
        lines_by_gid = {line.gid: line for line in order.lines}
        for item in input.get("refundLineItems") or ():
            line = lines_by_gid.get(item["lineItemId"])
            if line is None or item["quantity"] > line.current:
                return _user_errors(
                    ["refundLineItems"], "Quantity cannot refund more items than were purchased"
                )
        for item in input.get("refundLineItems") or ():
            lines_by_gid[item["lineItemId"]].refunded += item["quantity"]
        refund = FakeRefund(
            next(self._refund_ids), order.gid, total, input.get("note"), self.clock()
        )
        order.refunded += total
        order.refunds.append(refund)
        self.touch(order)
        self.refunds.append(refund)
        self.idempotency[key] = (fingerprint, refund.gid)
        return self._refund_payload(refund)

    def _refund_payload(self, refund: FakeRefund) -> dict[str, Any]:
        order = self.orders[refund.order_gid]
        return {
            "refund": {
                "id": refund.gid,
                "legacyResourceId": str(refund.legacy_id),
                "createdAt": iso(refund.created_at),
                "note": refund.note,
                "totalRefundedSet": bag(refund.amount, order.currency),
            },
            "order": self.order_view(order),
            "userErrors": [],
        }

    # -- cancel -----------------------------------------------------------------------------

    def _order_cancel(
        self,
        info: GraphQLResolveInfo,
        orderId: str,
        reason: str,
        restock: bool,
        notifyCustomer: bool = False,
        refundMethod: dict[str, Any] | None = None,
        staffNote: str | None = None,
    ) -> dict[str, Any]:
        require(info, "write_orders")
        self.cancel_requests.append(
            {
                "orderId": orderId,
                "reason": reason,
                "restock": restock,
                "notifyCustomer": notifyCustomer,
                "refundMethod": refundMethod,
                "staffNote": staffNote,
            }
        )
        order = self.orders.get(orderId)
        if order is None:
            return _cancel_errors("NOT_FOUND", "Order does not exist")
        if order.cancelled_at is not None:
            return _cancel_errors("INVALID", "Order has already been canceled")
        if order.fulfilled_units > 0:
            return _cancel_errors("INVALID", "Cannot cancel an order that has been fulfilled")

        def apply() -> None:
            order.cancelled_at = self.clock()
            order.cancel_reason = reason
            if refundMethod and refundMethod.get("originalPaymentMethodsRefund"):
                order.refunded = order.total
            if restock:
                for line in order.lines:
                    line.refunded = line.quantity
            self.touch(order)

        job = FakeJob(f"gid://shopify/Job/{len(self.jobs) + 1}", self.job_polls_needed, apply)
        self.jobs[job.gid] = job
        return {
            "job": {"id": job.gid, "done": False, "query": None},
            "orderCancelUserErrors": [],
            "userErrors": [],
        }

    # -- policies ---------------------------------------------------------------------------

    def _shop_policy_update(
        self, info: GraphQLResolveInfo, shopPolicy: dict[str, Any]
    ) -> dict[str, Any]:
        require(info, "write_legal_policies")
        kind, body = shopPolicy["type"], shopPolicy["body"]
        if len(body.encode()) > POLICY_MAX_BYTES:
            return {
                "shopPolicy": None,
                "userErrors": [
                    {
                        "code": "TOO_BIG",
                        "field": ["shopPolicy", "body"],
                        "message": "Body is too big (maximum is 512 KB)",
                    }
                ],
            }
        slug = kind.lower().replace("_", "-")
        number = self._policy_ids.setdefault(kind, len(self._policy_ids) + 1)
        policy = {
            "id": f"gid://shopify/ShopPolicy/{number}",
            "type": kind,
            "title": kind.replace("_", " ").capitalize(),
            "body": body,
            "url": f"https://{self.domain}/policies/{slug}",
            "updatedAt": iso(self.clock()),
        }
        self.policies[kind] = policy
        return {"shopPolicy": dict(policy), "userErrors": []}

    # -- Shopify Payments disputes --------------------------------------------------------

    def _payments_account(self, info: GraphQLResolveInfo) -> dict[str, Any] | None:
        if not self.payments_enabled:
            return None
        return {"id": "gid://shopify/ShopifyPaymentsAccount/1", "disputes": self._disputes}

    def _disputes(
        self,
        info: GraphQLResolveInfo,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        query: str | None = None,
        reverse: bool = False,
    ) -> dict[str, Any]:
        require(info, "read_shopify_payments_disputes")
        if last is not None or before is not None:
            raise GraphQLError("The fake Shopify only pages forward (first/after).")
        wanted = {value.upper() for name, _, value in OrderSearch(query).terms if name == "status"}
        chosen = sorted(
            (d for d in self.disputes.values() if not wanted or d.status in wanted),
            key=lambda d: d.legacy_id,
        )
        return connection(chosen, [[d.legacy_id] for d in chosen], self.dispute_view, first, after)

    def _dispute(self, info: GraphQLResolveInfo, id: str) -> dict[str, Any] | None:
        require(info, "read_shopify_payments_disputes")
        dispute = self.disputes.get(id)
        return None if dispute is None else self.dispute_view(dispute)

    def dispute_view(self, dispute: FakeDispute) -> dict[str, Any]:
        order = self.orders.get(dispute.order_gid or "")

        def evidence(info: GraphQLResolveInfo) -> dict[str, Any]:
            context: Context = info.context
            if not context.scopes & {
                "read_shopify_payments_dispute_evidences",
                "write_shopify_payments_dispute_evidences",
            }:
                raise _denied(info, "read_shopify_payments_dispute_evidences")
            return self.evidence_view(dispute)

        return {
            "id": dispute.gid,
            "legacyResourceId": str(dispute.legacy_id),
            "status": dispute.status,
            "type": dispute.kind,
            "reasonDetails": {
                "reason": dispute.reason,
                "networkReasonCode": dispute.network_reason_code,
            },
            "amount": {"amount": str(dispute.amount), "currencyCode": dispute.currency},
            "evidenceDueBy": iso(dispute.evidence_due_by),
            "evidenceSentOn": iso(dispute.evidence_sent_on),
            "initiatedAt": iso(dispute.initiated_at),
            "finalizedOn": iso(dispute.finalized_on),
            "order": None
            if order is None
            else {"id": order.gid, "legacyResourceId": str(order.legacy_id), "name": order.name},
            "disputeEvidence": evidence,
        }

    def evidence_view(self, dispute: FakeDispute) -> dict[str, Any]:
        return {
            "id": dispute.evidence_gid,
            "submitted": dispute.submitted,
            **{name: dispute.evidence.get(name) for name in _EVIDENCE_TEXTS},
        }

    def _dispute_evidence_update(
        self, info: GraphQLResolveInfo, id: str, input: dict[str, Any]
    ) -> dict[str, Any]:
        require(info, "write_shopify_payments_dispute_evidences")
        self.evidence_requests.append({"id": id, "input": dict(input)})
        dispute = next((d for d in self.disputes.values() if d.evidence_gid == id), None)
        if dispute is None:
            return _evidence_errors("DISPUTE_EVIDENCE_NOT_FOUND", "Dispute evidence not found")
        if dispute.submitted:
            return _evidence_errors("EVIDENCE_ALREADY_ACCEPTED", "Evidence already accepted")
        now = self.clock()
        if dispute.evidence_due_by is not None and now > dispute.evidence_due_by:
            return _evidence_errors("EVIDENCE_PAST_DUE_DATE", "Evidence past due date")
        for name in _EVIDENCE_TEXTS:
            if input.get(name) is not None:
                dispute.evidence[name] = input[name]
        if input.get("submitEvidence"):
            dispute.submitted = True
            dispute.evidence_sent_on = now
            dispute.status = "UNDER_REVIEW"
        return {"disputeEvidence": self.evidence_view(dispute), "userErrors": []}


_EVIDENCE_TEXTS = (
    "accessActivityLog",
    "cancellationPolicyDisclosure",
    "cancellationRebuttal",
    "customerEmailAddress",
    "customerFirstName",
    "customerLastName",
    "refundPolicyDisclosure",
    "refundRefusalExplanation",
    "uncategorizedText",
)


def _evidence_errors(code: str, message: str) -> dict[str, Any]:
    return {
        "disputeEvidence": None,
        "userErrors": [{"code": code, "field": ["id"], "message": message}],
    }


def _user_errors(field_path: list[str], message: str) -> dict[str, Any]:
    return {
        "refund": None,
        "order": None,
        "userErrors": [{"field": field_path, "message": message}],
    }


def _cancel_errors(code: str, message: str) -> dict[str, Any]:
    error = {"code": code, "field": ["orderId"], "message": message}
    return {
        "job": None,
        "orderCancelUserErrors": [error],
        "userErrors": [{"field": ["orderId"], "message": message}],
    }
