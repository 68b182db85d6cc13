"""Order sync: pull the orders changed on Shopify since the last sync into the ledger.

One transaction per page holds the page's orders and lines *and* the shop's new sync cursor
(the last change time read), so a sync stopped at any point (cancel, crash, network) resumes
where it stopped and never stores an order twice: orders and lines are upserted by Shopify gid.
Orders imported from a CSV export earlier (no gid yet) are adopted by their numeric id, and
their gid-less lines give way to the API's. One journal event tells each run's outcome.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, text, update

from core import redaction
from core.ledger import Ledger, journal, upsert
from core.ledger.models import CustomerOrder, CustomerOrderLine, Shop
from core.ledger.types import OrderSource
from core.shopify.client import ShopifyClient
from core.shopify.denials import Withheld
from core.shopify.errors import ShopifyError
from core.shopify.orders import ORDERS_PER_PAGE, count_orders_updated_since, iter_order_pages
from core.shopify.results import Order
from core.texts import Text

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int | None], None]
"""Called with (orders stored so far, orders expected or None) after each page."""

_ORDERS: Table = CustomerOrder.__table__  # type: ignore[attr-defined]
_LINES: Table = CustomerOrderLine.__table__  # type: ignore[attr-defined]
_SHOPS: Table = Shop.__table__  # type: ignore[attr-defined]

# Shopify's GraphQL enums, spelt the way the CSV export and the rest of the ledger spell them.
_SPELLING = {"PARTIALLY_FULFILLED": "partial"}

_ADOPT = text(
    """UPDATE customer_order SET shopify_gid = :gid
       WHERE id = (SELECT min(id) FROM customer_order
                   WHERE legacy_id = :legacy AND shopify_gid IS NULL
                     AND (shop_id = :shop OR shop_id IS NULL))
         AND NOT EXISTS (SELECT 1 FROM customer_order WHERE shopify_gid = :gid)"""
)


@dataclass(frozen=True)
class SyncReport:
    orders: int  # orders stored (an order changed twice during the sync counts twice)
    pages: int
    started_from: datetime | None  # the cursor the run began with (None: first sync)
    cursor: datetime | None  # the cursor stored at the end
    cancelled: bool
    #: Optional fields Shopify withheld (Shopify's names, e.g. "email"), and what to tell the
    #: merchant about them once (None: nothing was withheld).
    withheld: tuple[str, ...] = ()
    notice: Text | None = None


def sync_orders(
    ledger: Ledger,
    client: ShopifyClient,
    shop_id: int,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    page_size: int = ORDERS_PER_PAGE,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> SyncReport:
    """Bring the ledger's orders of this shop up to date; safe to stop and run again.

    Runs in the caller's thread (the GUI calls it from a worker). Setting `cancel` stops after
    the page being stored. ShopifyError propagates after the pages already stored are kept.
    Protected customer data Shopify withholds (the e-mail address, the customer) leaves those
    fields empty; the report's `notice` says so once, with the way to get access.
    """
    started = _cursor_of(ledger, shop_id, client.shop)
    withheld = client.withheld = Withheld()  # what this run is told, not earlier calls
    cursor = started
    stored = pages = 0
    outcome, error = "completed", ""
    try:
        if cancel is not None and cancel.is_set():
            outcome = "cancelled"
            return SyncReport(0, 0, started, started, cancelled=True)
        total = count_orders_updated_since(client, started)
        if progress:
            progress(0, total)
        pages_iter = iter_order_pages(client, started, page_size=page_size)
        for page in pages_iter:
            if page.orders:
                cursor = max(
                    cursor or page.orders[0].updated_at, *(o.updated_at for o in page.orders)
                )
                with ledger.engine.begin() as connection:
                    _store_page(connection, shop_id, page.orders)
                    connection.execute(
                        update(_SHOPS)
                        .where(_SHOPS.c.id == shop_id)
                        .values(sync_cursor=_cursor_text(cursor), last_sync_at=now())
                    )
            stored += len(page.orders)
            pages += 1
            if progress:
                progress(stored, max(total, stored) if total is not None else None)
            if cancel is not None and cancel.is_set():
                outcome = "cancelled"
                pages_iter.close()
                break
        else:
            with ledger.engine.begin() as connection:  # complete: now is the last sync time
                connection.execute(
                    update(_SHOPS).where(_SHOPS.c.id == shop_id).values(last_sync_at=now())
                )
    except ShopifyError as failure:
        outcome, error = "failed", redaction.error_text(failure)
        raise
    except BaseException as failure:
        outcome, error = "failed", type(failure).__name__
        raise
    finally:
        _journal(ledger, shop_id, outcome, error, stored, pages, started, cursor, withheld)
    log.info("Shopify sync of %s: %s, %d orders in %d pages", client.shop, outcome, stored, pages)
    if withheld:
        log.warning("Shopify withheld %s from the app", ", ".join(withheld.fields))
    return SyncReport(
        stored,
        pages,
        started,
        cursor,
        outcome == "cancelled",
        withheld=withheld.fields,
        notice=withheld.notice(),
    )


def _cursor_of(ledger: Ledger, shop_id: int, domain: str) -> datetime | None:
    with ledger.session() as session:
        shop = session.get(Shop, shop_id)
        if shop is None:
            raise ValueError(f"There is no shop {shop_id} in the ledger.")
        if shop.domain != domain:
            raise ValueError(f"Shop {shop_id} is {shop.domain}, the client talks to {domain}.")
        return _parse_cursor(shop.sync_cursor)


def _parse_cursor(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _cursor_text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _status(value: str) -> str:
    return _SPELLING.get(value, value.lower())


def _order_row(shop_id: int, order: Order) -> dict[str, Any]:
    return {
        "shop_id": shop_id,
        "shopify_gid": order.gid,
        "legacy_id": order.legacy_id,
        "name": order.name,
        "customer_name": order.customer_name,
        "email": order.email,
        "customer_locale": order.customer_locale,
        "created_at": order.created_at,
        "processed_at": order.processed_at,
        "updated_at": order.updated_at,
        "currency": order.currency,
        "total_minor": order.total.minor,
        "refunded_minor": order.refunded.minor,
        "financial_status": _status(order.financial_status),
        "fulfillment_status": _status(order.fulfillment_status),
        "cancelled_at": order.cancelled_at,
        "cancel_reason": order.cancel_reason,
        "note": order.note,
        "tags": ", ".join(order.tags),
        "source": OrderSource.API.value,
    }


def _store_page(connection: Connection, shop_id: int, orders: Sequence[Order]) -> None:
    """Upsert the page's orders and lines (in the caller's transaction)."""
    connection.execute(
        _ADOPT, [{"gid": o.gid, "legacy": o.legacy_id, "shop": shop_id} for o in orders]
    )
    rows = [_order_row(shop_id, order) for order in orders]
    statement = upsert.insert(connection, _ORDERS)
    # e.g. the app may not read customers: keep what an earlier sync or import stored
    keep_if_empty = ("customer_name", "email", "customer_locale")
    changes: dict[str, Any] = {
        column: statement.excluded[column] for column in rows[0] if column != "shopify_gid"
    }
    for column in keep_if_empty:
        changes[column] = func.coalesce(
            func.nullif(statement.excluded[column], ""), _ORDERS.c[column]
        )
    connection.execute(
        statement.on_conflict_do_update(index_elements=[_ORDERS.c.shopify_gid], set_=changes),
        rows,
    )
    gids = [order.gid for order in orders]
    found = connection.execute(
        select(_ORDERS.c.shopify_gid, _ORDERS.c.id).where(_ORDERS.c.shopify_gid.in_(gids))
    )
    ids: dict[str, int] = {gid: order_id for gid, order_id in found}
    connection.execute(
        delete(_LINES).where(
            _LINES.c.order_id.in_(list(ids.values())), _LINES.c.shopify_gid.is_(None)
        )
    )
    lines = [
        {
            "order_id": ids[order.gid],
            "shopify_gid": line.gid,
            "title": line.title,
            "sku": line.sku,
            "quantity": line.quantity,
            "price_minor": line.unit_price.minor,
            "fulfillment_status": line.fulfillment_status,
        }
        for order in orders
        for line in order.lines
    ]
    if lines:
        line_statement = upsert.insert(connection, _LINES)
        connection.execute(
            line_statement.on_conflict_do_update(
                index_elements=[_LINES.c.shopify_gid],
                set_={
                    column: line_statement.excluded[column]
                    for column in lines[0]
                    if column != "shopify_gid"
                },
            ),
            lines,
        )


def _journal(
    ledger: Ledger,
    shop_id: int,
    outcome: str,
    error: str,
    stored: int,
    pages: int,
    started: datetime | None,
    cursor: datetime | None,
    withheld: Withheld,
) -> None:
    payload: dict[str, Any] = {
        "outcome": outcome,
        "orders": stored,
        "pages": pages,
        "from": _cursor_text(started) if started else None,
        "to": _cursor_text(cursor) if cursor else None,
    }
    if error:
        payload["error"] = error
    notice = withheld.notice()
    if notice is not None:
        payload["withheld"] = list(withheld.fields)
        payload["withheld_notice"] = notice.stored()
    try:
        with ledger.session() as session:
            journal.record(session, "shopify_sync", "shop", shop_id, payload)
    except Exception:  # the journal must not hide the sync's own error
        log.exception("could not journal the Shopify sync of shop %s", shop_id)
