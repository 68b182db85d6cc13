"""AliExpress purchase protection for shipped orders: when a dispute can be opened, when that
window closes, what to attach, and the `protection` deadline before it closes.

The rules, as AliExpress and its buyers' guides state them (sources in docs/DESIGN.md,
"Protection, withdrawal and notices"):

- Protection runs from shipping for the seller's promised delivery time (typically 60 days;
  some routes 75 or 90); the order page counts it down. When it ends, the order completes
  and AliExpress pays the seller: no dispute can be opened after that.
- "Open Dispute" becomes available 5 days after the seller ships (at once when the promised
  delivery time is 5 days or less).
- Once the buyer confirms receipt, a dispute can still be opened for 15 days.
- After opening, the buyer can escalate from the 3rd day; unresolved after 15 days, the dispute
  goes to AliExpress' case team (core.clocks.dispute_escalation / dispute_case_team).
- The seller can extend protection on request; a request needs a few days' answer, so the
  `protection` deadline falls `protection_lead_days` (default 5) before the window closes.

Where the protection end comes from, strongest first: one recorded for the order
(`record_protection_end`: the countdown on the order page, read by the merchant or a sync),
the supplier's own period (setting `supplier_protection_days`, by supplier id), the ledger's
(`protection_days`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from core import settings
from core.deadline_entries import Deadline, Kind
from core.display_text import display_text
from core.ledger.types import from_db, stored_instant, to_db
from core.status_words import DELIVERED_LOGISTICS, SHIPPED_STATUSES
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

KIND = Kind.PROTECTION.value
EVENT_RECORDED = "supplier_order.protection_recorded"
#: "Open Dispute" appears this long after shipping (AliExpress Help, Buyer Protection).
DISPUTE_OPENS_AFTER = timedelta(days=5)
#: After the buyer confirms receipt, a dispute can still be opened for this long.
AFTER_CONFIRMATION = timedelta(days=15)
#: The order statuses of a shipped order whose protection still runs.
OPEN_SHIPPED_STATUSES = (
    *sorted(SHIPPED_STATUSES),
    "WAIT_SELLER_SEND_GOODS",  # manual mode: shipped_at set by hand before the status
)
_CHUNK = 500


@dataclass(frozen=True)
class ProtectionWindow:
    """When a dispute about one shipped order can be opened, all UTC instants."""

    shipped_at: datetime
    protection_ends: datetime
    opens_at: datetime  # "Open Dispute" available from here
    closes_at: datetime  # ... until here
    act_by: datetime  # the `protection` deadline: ask for an extension or open the dispute
    source: str  # "order" (recorded for the order) | "supplier" | "ledger"

    def state(self, now: datetime) -> str:
        """ "waiting" (too early to open), "open", or "closed"."""
        if now < self.opens_at:
            return "waiting"
        return "open" if now < self.closes_at else "closed"


def protection_window(
    shipped_at: datetime,
    *,
    protection_days: int | None = None,
    protection_ends: datetime | None = None,
    confirmed_at: datetime | None = None,
    lead_days: int = 5,
    source: str = "ledger",
) -> ProtectionWindow:
    """The dispute window of an order shipped at `shipped_at`.

    Give the protection end the order states (`protection_ends`) or the promised delivery time
    in days (`protection_days`). With `confirmed_at` (the buyer confirmed receipt) the window
    closes 15 days after that confirmation, else when protection ends.
    """
    if shipped_at.tzinfo is None:
        raise ValueError("naive datetime: give shipped_at with its zone")
    shipped = shipped_at.astimezone(UTC)
    if protection_ends is None:
        if protection_days is None or protection_days < 0:
            raise ValueError("a protection period needs a number of days (0 or more)")
        ends = shipped + timedelta(days=protection_days)
    else:
        if protection_ends.tzinfo is None:
            raise ValueError("naive datetime: give protection_ends with its zone")
        ends = protection_ends.astimezone(UTC)
    period = ends - shipped
    opens = shipped if period <= DISPUTE_OPENS_AFTER else shipped + DISPUTE_OPENS_AFTER
    closes = ends
    if confirmed_at is not None:
        closes = min(ends, confirmed_at.astimezone(UTC)) + AFTER_CONFIRMATION
    act_by = max(opens, closes - timedelta(days=max(lead_days, 0)))
    return ProtectionWindow(shipped, ends, opens, closes, min(act_by, closes), source)


# --- guidance ------------------------------------------------------------------------------


class DisputeReason(StrEnum):
    NOT_RECEIVED = "not_received"
    NOT_AS_DESCRIBED = "not_as_described"


@dataclass(frozen=True)
class DisputeGuide:
    """What to do and what to attach for one kind of dispute, in the merchant's languages."""

    reason: DisputeReason
    steps: tuple[Text, ...]
    evidence: tuple[Text, ...]


_CLOCKS = Text(
    "core.protection",
    "After opening: the supplier answers within the dispute; from the 3rd "
    "day you can escalate it to AliExpress; unresolved after 15 days it "
    "goes to AliExpress' case team by itself.",
)
_LATE_SHIPPING = Text(
    "core.protection",
    "If tracking shows the parcel left only after the day you opened the "
    "dispute, say so: it was not shipped when you complained, and you are "
    "owed the money back.",
)

GUIDES: dict[DisputeReason, DisputeGuide] = {
    DisputeReason.NOT_RECEIVED: DisputeGuide(
        DisputeReason.NOT_RECEIVED,
        (
            Text(
                "core.protection",
                "Write to the supplier first and ask where the parcel is; if it is "
                "still on its way, ask them to extend the protection.",
            ),
            Text(
                "core.protection",
                "Before protection ends, open the dispute on the order page: reason "
                "“Order not received”, full refund.",
            ),
            _CLOCKS,
            _LATE_SHIPPING,
        ),
        (
            Text(
                "core.protection",
                "The tracking number and a screenshot of its latest carrier events",
            ),
            Text(
                "core.protection",
                "The customer's written statement that nothing arrived",
            ),
            Text(
                "core.protection",
                "Your messages with the supplier (screenshots)",
            ),
            Text(
                "core.protection",
                "For a parcel held by customs: the customs office's written reason",
            ),
        ),
    ),
    DisputeReason.NOT_AS_DESCRIBED: DisputeGuide(
        DisputeReason.NOT_AS_DESCRIBED,
        (
            Text(
                "core.protection",
                "Ask the customer for photos or a short video before anything is sent back.",
            ),
            Text(
                "core.protection",
                "Open the dispute on the order page: reason “Not as described” (or "
                "“Damaged”), list every difference from the listing, full or partial "
                "refund.",
            ),
            _CLOCKS,
        ),
        (
            Text(
                "core.protection",
                "Clear photos of the item and of its labels; for more than one piece, all of them",
            ),
            Text(
                "core.protection",
                "A wrong size: the item flat beside a ruler, and the size label",
            ),
            Text(
                "core.protection",
                "Something that does not work: a video showing it",
            ),
            Text(
                "core.protection",
                "A screenshot of the product page as you bought it",
            ),
            Text(
                "core.protection",
                "Damaged packaging: photos, and a claim with the local carrier",
            ),
        ),
    ),
}


def guide(reason: DisputeReason | str) -> DisputeGuide:
    return GUIDES[DisputeReason(reason)]


# --- the ledger ----------------------------------------------------------------------------


def record_protection_end(
    session: Session,
    supplier_order_id: int,
    ends_at: datetime,
    *,
    source: str = "merchant",
    at: datetime | None = None,
) -> None:
    """Keep the protection end the order page states (the merchant's reading, or a sync's)."""
    from core.ledger import journal

    if ends_at.tzinfo is None:
        raise ValueError("naive datetime: give ends_at with its zone")
    journal.record(
        session,
        EVENT_RECORDED,
        "supplier_order",
        supplier_order_id,
        {"ends_at": ends_at.astimezone(UTC).isoformat(), "source": source},
        at=at,
    )
    session.flush()  # readers query through the connection


@dataclass(frozen=True)
class ShippedOrder:
    """A shipped supplier order still inside (or past) its protection."""

    id: int
    order_name: str
    external_order_id: str
    supplier_name: str
    customer_order_id: int | None
    window: ProtectionWindow


def shipped_orders(
    db: Session | Connection,
    *,
    shipped_after: datetime | None = None,
    shipped_before: datetime | None = None,
) -> list[ShippedOrder]:
    """Every shipped order not yet delivered, completed or in a dispute, with its window.

    `shipped_after` / `shipped_before` narrow the orders whose window comes from a setting
    (SQL does the narrowing, so a big ledger costs little); orders with a recorded end are
    always included, since their end can be anything.
    """
    connection = _connection(db)
    defaults = _period_settings(connection)
    marks = ", ".join("?" * len(OPEN_SHIPPED_STATUSES))
    params: list[Any] = [*OPEN_SHIPPED_STATUSES, DELIVERED_LOGISTICS]
    narrowed = ""
    if shipped_after is not None or shipped_before is not None:
        bounds = []
        for operator, moment in ((">", shipped_after), ("<=", shipped_before)):
            if moment is not None:
                bounds.append(f"so.shipped_at {operator} ?")
                params.append(to_db(moment.astimezone(UTC)))
        narrowed = (
            f" AND ({' AND '.join(bounds)} OR so.id IN (SELECT entity_id FROM event"
            " WHERE entity = 'supplier_order' AND kind = ?))"
        )
        params.append(EVENT_RECORDED)
    sql = (
        "SELECT so.id, coalesce(co.name, ''), so.external_order_id, coalesce(s.name, ''),"
        " so.customer_order_id, so.shipped_at, so.supplier_id"
        " FROM supplier_order AS so"
        " LEFT JOIN customer_order AS co ON co.id = so.customer_order_id"
        " LEFT JOIN supplier AS s ON s.id = so.supplier_id"
        f" WHERE so.order_status IN ({marks}) AND so.shipped_at IS NOT NULL"
        " AND so.logistics_status != ?"
        f"{narrowed}"
        " AND NOT EXISTS (SELECT 1 FROM dispute AS d"
        "   WHERE d.supplier_order_id = so.id AND d.state != 'closed')"
        " ORDER BY so.id"
    )
    rows = list(connection.exec_driver_sql(sql, tuple(params)))
    recorded = _recorded_ends(connection, [int(row[0]) for row in rows])
    found = []
    for raw in rows:
        shipped = from_db(raw[5])
        if shipped is None:
            continue
        ends = recorded.get(int(raw[0]))
        window = (
            protection_window(
                shipped, protection_ends=ends, lead_days=defaults.lead, source="order"
            )
            if ends is not None
            else _default_window(shipped, raw[6], defaults)
        )
        found.append(
            ShippedOrder(
                int(raw[0]),
                display_text(raw[1] or ""),
                display_text(raw[2] or ""),
                display_text(raw[3] or ""),
                raw[4],
                window,
            )
        )
    return found


def deadlines(
    db: Session | Connection, now: datetime, within_hours: float | None = None
) -> list[Deadline]:
    """`protection` deadlines: for each shipped, undelivered order whose dispute window has not
    closed, the moment to act by (only those due within `within_hours` of `now` when given,
    overdue ones included). Soonest first."""
    return [entry for entry, _closes in open_windows(db, now, within_hours)]


def open_windows(
    db: Session | Connection, now: datetime, within_hours: float | None = None
) -> list[tuple[Deadline, datetime]]:
    """`deadlines` with the moment each leaves the list (its window closes): a tray that reads
    them once and counts them at every tick needs both."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: give `now` with its zone")
    horizon = None if within_hours is None else now + timedelta(hours=within_hours)
    # A window from a setting closes `days` after shipping and its deadline falls `lead` days
    # before that: only orders shipped in this range can be open and due by the horizon.
    periods = _period_settings(_connection(db))
    days = [periods.days, *periods.by_supplier.values()]
    after = now - timedelta(days=max(days))
    before = None if horizon is None else horizon - timedelta(days=min(days) - periods.lead)
    entries = []
    for order in shipped_orders(db, shipped_after=after, shipped_before=before):
        window = order.window
        if window.closes_at <= now:
            continue  # closed: nothing can be done on AliExpress any more
        if horizon is not None and window.act_by > horizon:
            continue
        entry = Deadline.at(
            Kind.PROTECTION,
            window.act_by,
            now,
            order.order_name or order.external_order_id,
            text=_what(order),
            external_order_id=order.external_order_id,
            supplier_order_id=order.id,
            customer_order_id=order.customer_order_id,
        )
        entries.append((entry, window.closes_at))
    return sorted(entries, key=lambda pair: (pair[0].deadline, pair[0].supplier_order_id or 0))


def _what(order: ShippedOrder) -> Text:
    """The end is an instant field: the window names it in the merchant's zone."""
    if order.supplier_name:
        return Text(
            "core.protection",
            "AliExpress protection of {order} ends {end}: not delivered yet? "
            "Ask {supplier} to extend it, or open a dispute before then.",
            order=order.external_order_id,
            end=order.window.closes_at,
            supplier=order.supplier_name,
        )
    return Text(
        "core.protection",
        "AliExpress protection of {order} ends {end}: not delivered yet? "
        "Ask the supplier to extend it, or open a dispute before then.",
        order=order.external_order_id,
        end=order.window.closes_at,
    )


@dataclass(frozen=True)
class _Periods:
    days: int
    lead: int
    by_supplier: Mapping[int, int]


def _period_settings(connection: Connection) -> _Periods:
    def read(key: str) -> Any:
        found = connection.exec_driver_sql(
            "SELECT value FROM setting WHERE key = ?", (key,)
        ).first()
        try:
            return json.loads(found[0]) if found is not None else settings.DEFAULTS[key]
        except ValueError:
            return None  # damaged: periods_from falls back to the default

    return periods_from(
        read("protection_days"), read("protection_lead_days"), read("supplier_protection_days")
    )


def periods_from(days: Any, lead: Any, by_supplier: Any) -> _Periods:
    """The settings' values, a damaged one replaced by its default (never a traceback)."""

    def whole(value: Any, default: int) -> int:
        return value if isinstance(value, int) and 0 <= value <= 365 else default

    table: dict[int, int] = {}
    if isinstance(by_supplier, Mapping):
        for key, value in by_supplier.items():
            if str(key).isdigit() and isinstance(value, int) and 0 <= value <= 365:
                table[int(key)] = value
    return _Periods(
        whole(days, settings.DEFAULTS["protection_days"]),
        whole(lead, settings.DEFAULTS["protection_lead_days"]),
        table,
    )


def _default_window(
    shipped: datetime, supplier_id: int | None, periods: _Periods
) -> ProtectionWindow:
    if supplier_id is not None and supplier_id in periods.by_supplier:
        days, source = periods.by_supplier[supplier_id], "supplier"
    else:
        days, source = periods.days, "ledger"
    return protection_window(shipped, protection_days=days, lead_days=periods.lead, source=source)


def _recorded_ends(connection: Connection, ids: Sequence[int]) -> dict[int, datetime]:
    """The latest recorded protection end per order (through the (entity, entity_id) index)."""
    found: dict[int, datetime] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        sql = (
            "SELECT entity_id, payload FROM event WHERE entity = 'supplier_order'"
            f" AND entity_id IN ({', '.join('?' * len(chunk))}) AND kind = ? ORDER BY id"
        )
        for entity_id, payload in connection.exec_driver_sql(sql, (*chunk, EVENT_RECORDED)):
            ends = _ends_of(payload)
            if ends is not None:
                found[int(entity_id)] = ends
    return found


def _ends_of(payload: str) -> datetime | None:
    try:
        value = json.loads(payload).get("ends_at")
    except (ValueError, AttributeError):
        return None
    return stored_instant(value)


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()


def order_ids(entries: Iterable[Deadline]) -> set[int]:
    """The supplier orders a list of entries concerns (for tests and the tray)."""
    return {entry.supplier_order_id for entry in entries if entry.supplier_order_id is not None}
