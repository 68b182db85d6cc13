"""The rows of a batch of demo orders: each order's story decides its state, and an order that
went wrong brings its cancellation, refunds, dispute and events (core.demo.aftermath).

Rows are plain tuples in storage format, made with integer seconds and cached text (see
core.demo.instants): this loop runs a million times for the `demo` benchmark.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime
from itertools import product

from core.demo.aftermath import Aftermath
from core.demo.catalog import CARRIERS, FIRST_NAMES, LAST_NAMES, PRODUCTS, SUPPLIERS
from core.demo.instants import DAY, QUARTER, Instants
from core.demo.tables import Rows, empty_rows

_AE_STATUS = {
    "awaiting": ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", ""),
    "shipped": ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", ""),
    "delivered": ("FINISH", "BUYER_ACCEPT_GOODS", "buyer_accept_goods"),
    "cancelled": ("FINISH", "NO_LOGISTICS", "buyer_cancel_order"),
    "cancel_requested": ("IN_CANCEL", "WAIT_SELLER_SEND_GOODS", ""),
    "returned": ("FINISH", "BUYER_ACCEPT_GOODS", "buyer_accept_goods"),
    "dispute": ("WAIT_SELLER_SEND_GOODS", "WAIT_SELLER_SEND_GOODS", ""),
    "dispute_late": ("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", ""),
}
_SHIPPED = frozenset({"shipped", "delivered", "returned", "dispute_late"})
_WENT_WRONG = frozenset({"cancelled", "cancel_requested", "returned", "dispute", "dispute_late"})
_LINE_COUNTS = (1, 1, 1, 2, 2, 3)
#: Per number of lines, every basket (each line any product) with its total, shipping included.
_BASKETS = {
    count: tuple(
        (basket, sum(price for _, _, price in basket) + 499)
        for basket in product(PRODUCTS, repeat=count)
    )
    for count in set(_LINE_COUNTS)
}
_HORIZON = 42 * DAY  # the demo's orders were placed over the last six weeks
_CUSTOMERS = tuple(  # (name, the email's first part): any first name with any last name
    (f"{first} {last}", first.lower()) for first in FIRST_NAMES for last in LAST_NAMES
)


def make_batch(
    start: int, stop: int, orders: int, seed: int, now: datetime, instants: Instants
) -> Rows:
    """Rows for each table for orders [start, stop); older orders get the smaller ids.

    Each batch has its own seeded generator, so batches can be made in any order and the same
    seed still gives the same ledger.
    """
    draw = random.Random(f"{seed}/{start}").random
    now_s = int(now.timestamp())
    start_s = now_s - _HORIZON
    stamp = instants.stamp
    deadlines = [instants.ship_by(supplier.ship_window_days) for supplier in SUPPLIERS]
    batch = empty_rows()
    shop_rows, line_rows, supplier_rows = (
        batch["customer_order"],
        batch["customer_order_line"],
        batch["supplier_order"],
    )
    aftermath = Aftermath(batch, draw, stamp, now_s)
    n_suppliers, n_customers = len(SUPPLIERS), len(_CUSTOMERS)
    for n in range(start, stop):
        oid = n + 1
        created = start_s + int(_HORIZON * (n + draw()) / orders)
        # Paid 2 minutes to 6 hours later, and always in the past.
        paid = min(created + 120 + int(draw() * 21_480), now_s - (now_s - created + 1) // 2)
        supplier_no = int(draw() * n_suppliers)
        supplier = SUPPLIERS[supplier_no]
        deadline, deadline_text = deadlines[supplier_no][paid // QUARTER]
        state = _pick_state(draw, now_s, paid, deadline, supplier.reliability)
        baskets = _BASKETS[_LINE_COUNTS[int(draw() * 6)]]
        lines, total = baskets[int(draw() * len(baskets))]
        cost = total * (35 + int(draw() * 21)) // 100
        customer, email_name = _CUSTOMERS[int(draw() * n_customers)]
        ae_id = str(8_100_000_000_000_000 + oid * 9_973 + int(draw() * 9_973))
        if state == "dispute_late":
            shipped: int | None = deadline + 2 * DAY + int(draw() * 4 * DAY)
        elif state in _SHIPPED:
            shipped = paid + int((deadline - paid) * (0.15 + draw() * 0.8))
        else:
            shipped = None
        created_text, paid_text = stamp(created), stamp(paid)
        shipped_text = "" if shipped is None else stamp(shipped)
        fulfilled = "unfulfilled" if shipped is None else "fulfilled"
        updated = shipped_text or created_text
        refunded, financial, cancelled_at, cancel_reason = 0, "paid", "", ""
        if state in _WENT_WRONG:
            refunded, financial, answered, cancelled_at, cancel_reason = aftermath(
                state, oid, paid, deadline, total, cost, supplier
            )
            updated = answered or updated
        shop_rows.append(  # the values ?1… of tables.CUSTOMER_ORDER, and so on below
            (
                oid,
                customer,
                f"{email_name}.{oid}@example.com",
                created_text,
                updated,
                total,
                refunded,
                financial,
                fulfilled,
                cancelled_at,
                cancel_reason,
                f"AliExpress order {ae_id}",
            )
        )
        for title, sku, price in lines:
            line_rows.append((oid, title, sku, price, fulfilled))
        status, logistics, end_reason = _AE_STATUS[state]
        supplier_rows.append(
            (
                oid,
                ae_id,
                supplier_no + 1,
                paid_text,
                deadline_text,
                status,
                logistics,
                "" if shipped is None else f"LP{oid:012d}CN",
                "" if shipped is None else CARRIERS[int(draw() * len(CARRIERS))],
                cost,
                shipped_text,
                end_reason,
            )
        )
    return batch


def _pick_state(
    draw: Callable[[], float], now: int, paid: int, deadline: int, reliability: float
) -> str:
    roll = draw()
    if roll < 0.025:
        return "cancelled"
    if roll < 0.035:
        return "returned" if now - paid > 14 * DAY else "cancelled"
    if roll < 0.042 and now > deadline:
        if now - deadline > 20 * DAY:  # long closed by AliExpress' own timeout
            return "cancelled"
        return "dispute" if draw() < 0.6 else "dispute_late"
    if roll < 0.05 and now < deadline:
        return "cancel_requested"
    elapsed = (now - paid) / (deadline - paid)
    if elapsed < 1:
        return "shipped" if draw() < elapsed * 0.9 else "awaiting"
    if draw() > reliability and now - deadline < 4 * DAY:
        return "awaiting"  # overdue: the supplier missed the window
    return "delivered" if now - paid > 20 * DAY else "shipped"
