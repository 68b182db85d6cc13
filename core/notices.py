"""Messages to the customer: templates per language, filled from the order, opened in the
merchant's mail program (a `mailto:` link) or copied, and kept in the order's timeline.

A message that leaves Dropdesk speaks the customer's language, never the window's: the
language is chosen per recipient (`customer_language`) and the templates are core.outgoing's
catalogue files (`resources/outgoing/<code>.toml`, keys `notice.<kind>.subject` / `.body`);
a third language is one more file. English is the fallback for a customer whose language
Dropdesk has no catalogue for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from core import clocks, outgoing, settings
from core.cancel import messages
from core.display_text import display_text
from core.ledger.types import (
    AWAITING_SHIPMENT_STATUSES,
    Reason,
    RefundDirection,
    RefundState,
    from_db,
    reason_of_shopify,
    to_db,
)
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from core.ledger import Ledger
    from core.ledger.models import CustomerOrder

EVENT_SENT = "customer_order.notice_sent"
ENTITY = "customer_order"


class NoticeKind(StrEnum):
    CANCELLATION_CONFIRMED = "cancellation_confirmed"
    DELAY = "delay"
    REFUND_SENT = "refund_sent"
    WITHDRAWAL_ACKNOWLEDGED = "withdrawal_acknowledged"
    TRACKING = "tracking"


KIND_NAMES: dict[NoticeKind, Text] = {
    NoticeKind.CANCELLATION_CONFIRMED: Text.pair("Cancellation confirmed", "Stornierung bestätigt"),
    NoticeKind.DELAY: Text.pair("Delay, with the new estimate", "Verzögerung mit neuem Termin"),
    NoticeKind.REFUND_SENT: Text.pair("Refund sent", "Erstattung veranlasst"),
    NoticeKind.WITHDRAWAL_ACKNOWLEDGED: Text.pair("Withdrawal acknowledged", "Widerruf bestätigt"),
    NoticeKind.TRACKING: Text.pair("Tracking number", "Sendungsnummer"),
}


class NoticeError(ValueError):
    """A notice that cannot be filled (a fact it needs is missing), said in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class NoticeFacts:
    """What a notice can say about the order. Instants are aware; money in minor units."""

    order_name: str
    customer_name: str = ""
    email: str = ""
    shop_name: str = ""
    currency: str = "EUR"
    total_minor: int = 0
    refund_minor: int | None = None  # what was refunded; None or 0: no refund yet
    tracking_number: str = ""
    carrier: str = ""
    tracking_url: str = ""
    new_estimate: date | None = None
    received_at: datetime | None = None  # a withdrawal's arrival
    refund_by: datetime | None = None
    time_zone: str = clocks.MERCHANT_TIME_ZONE
    # Why the order was cancelled; None: it is not cancelled (nothing to confirm).
    cancel_reason: Reason | None = None


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    language: str
    to: str
    subject: str
    body: str

    def mailto(self) -> str:
        """A `mailto:` link that opens the merchant's mail program with the message filled in."""
        address = quote(self.to.strip(), safe="@+.-_")
        query = f"subject={quote(self.subject, safe='')}&body={quote(self.body, safe='')}"
        return f"mailto:{address}?{query}"

    def text(self) -> str:
        """Subject and body, to copy into any mail program or message form."""
        return f"{self.subject}\n\n{self.body}"


_NEEDS: dict[NoticeKind, tuple[tuple[str, Text], ...]] = {
    NoticeKind.DELAY: (
        ("new_estimate", Text.pair("the new delivery date", "den neuen Liefertermin")),
    ),
}

_NO_CANCELLATION = Text.pair(
    "This order is not cancelled (neither in Dropdesk nor in Shopify): there is no "
    "cancellation to confirm.",
    "Diese Bestellung ist nicht storniert (weder in Dropdesk noch in Shopify): Es gibt keine "
    "Stornierung zu bestätigen.",
)
_NO_REFUND = Text.pair(
    "No refund to the customer is recorded for this order: there is no refund to announce.",
    "Für diese Bestellung ist keine Erstattung an den Kunden erfasst: Es gibt keine "
    "Erstattung mitzuteilen.",
)
_CANCELLED = Text.pair(
    "This order is cancelled: it will not be delivered late.",
    "Diese Bestellung ist storniert: Sie wird nicht verspätet geliefert.",
)
_SHIPPED = Text.pair(
    "This order has a tracking number: it has shipped, so send the tracking number instead.",
    "Diese Bestellung hat eine Sendungsnummer: Sie ist verschickt, senden Sie stattdessen die "
    "Sendungsnummer.",
)
_NO_WITHDRAWAL = Text.pair(
    "No withdrawal is recorded for this order (Withdrawal received… records one).",
    "Für diese Bestellung ist kein Widerruf erfasst (Widerruf erhalten… erfasst einen).",
)
_NO_TRACKING = Text.pair(
    "This order has no tracking number yet.", "Diese Bestellung hat noch keine Sendungsnummer."
)


def not_true(kind: NoticeKind | str, facts: NoticeFacts) -> Text | None:
    """Why the notice of `kind` would tell the customer something the ledger does not hold
    (a cancellation, a refund, a withdrawal, a tracking number), or None when it is true."""
    kind = NoticeKind(kind)
    if kind is NoticeKind.CANCELLATION_CONFIRMED and facts.cancel_reason is None:
        return _NO_CANCELLATION
    if kind is NoticeKind.REFUND_SENT and not facts.refund_minor:
        return _NO_REFUND
    if kind is NoticeKind.DELAY:
        if facts.cancel_reason is not None:
            return _CANCELLED
        if facts.tracking_number.strip():
            return _SHIPPED
    if kind is NoticeKind.WITHDRAWAL_ACKNOWLEDGED and not (facts.received_at and facts.refund_by):
        return _NO_WITHDRAWAL
    if kind is NoticeKind.TRACKING and not facts.tracking_number.strip():
        return _NO_TRACKING
    return None


def offered(facts: NoticeFacts) -> dict[NoticeKind, Text | None]:
    """Every kind of notice, with why it is not offered for this order (None: it is)."""
    return {kind: not_true(kind, facts) for kind in NoticeKind}


def fill(kind: NoticeKind | str, language: str | None, facts: NoticeFacts) -> Notice:
    """The notice of `kind` in `language` (English when Dropdesk has no such pack); a
    NoticeError when it would not be true for the order or a fact it needs is missing."""
    kind = NoticeKind(kind)
    untrue = not_true(kind, facts)
    if untrue is not None:
        raise NoticeError(untrue)
    missing = [need for name, need in _NEEDS.get(kind, ()) if not getattr(facts, name)]
    if missing:
        raise NoticeError(
            Text("core.notices", "This message needs {what}.", what=Text.join(", ", missing))
        )
    lang = outgoing.language(language)
    name = " ".join(display_text(facts.customer_name).split())
    refund = facts.refund_minor or facts.total_minor
    fields: dict[str, object] = {
        "order": display_text(facts.order_name),
        "greeting": (
            outgoing.Phrase("notice.greeting", {"name": name})
            if name
            else outgoing.Phrase("notice.greeting_nameless")
        ),
        "shop": " ".join(display_text(facts.shop_name).split()),
        "refund": outgoing.Amount(refund, facts.currency),
        "total": outgoing.Amount(facts.total_minor, facts.currency),
        "tracking": display_text(facts.tracking_number),
        "carrier": f" ({display_text(facts.carrier)})" if facts.carrier.strip() else "",
        "tracking_link": f"\n{facts.tracking_url}" if facts.tracking_url.strip() else "",
        "new_estimate": facts.new_estimate or "",
        "received_at": (
            outgoing.Instant(facts.received_at, facts.time_zone) if facts.received_at else ""
        ),
        "refund_by": _last_day(facts.refund_by, facts.time_zone) if facts.refund_by else "",
        "cancelled": messages.cancelled_because(
            display_text(facts.order_name), facts.cancel_reason or Reason.OTHER
        ),
    }
    subject = outgoing.compose(f"notice.{kind.value}.subject", lang.code, **fields)
    body = outgoing.compose(f"notice.{kind.value}.body", lang.code, **fields).rstrip()
    return Notice(kind, lang.code, facts.email.strip(), subject, body)


def _last_day(deadline: datetime, tz: str) -> date:
    """The calendar day a deadline ending at local midnight falls on (its last full day)."""
    return clocks.as_zone(deadline - timedelta(microseconds=1), tz).date()


# --- the ledger ----------------------------------------------------------------------------


def customer_language(session: Session, customer_order_id: int | None) -> str:
    """The language to write this customer in: the one last used for them, else the one their
    Shopify order names (customerLocale) when Dropdesk has it, else the shop's (from the
    merchant's country), else English. Never the window's."""
    if customer_order_id is not None:
        connection = session.connection()
        rows = connection.exec_driver_sql(
            "SELECT payload FROM event WHERE entity = ? AND entity_id = ? AND kind = ?"
            " ORDER BY id DESC LIMIT 1",
            (ENTITY, customer_order_id, EVENT_SENT),
        )
        for (payload,) in rows:
            language = _json(payload).get("language")
            if isinstance(language, str) and language in outgoing.languages():
                return language
        for (locale,) in connection.exec_driver_sql(
            "SELECT customer_locale FROM customer_order WHERE id = ?", (customer_order_id,)
        ):
            if locale and outgoing.has_language(str(locale)):
                return outgoing.code_of(str(locale))
    shop = outgoing.language_of_country(str(settings.get(session, "merchant_country") or ""))
    return shop or outgoing.FALLBACK


def facts_for(session: Session, supplier_order_id: int, now: datetime | None = None) -> NoticeFacts:
    """The facts of the shop order behind a supplier order (NoticeError when none is linked)."""
    from core.ledger.models import CustomerOrder, Shop, SupplierOrder

    order = session.get(SupplierOrder, supplier_order_id)
    customer = (
        session.get(CustomerOrder, order.customer_order_id)
        if order is not None and order.customer_order_id
        else None
    )
    if order is None or customer is None or customer.id is None:
        raise NoticeError(
            Text.pair(
                "This supplier order is not linked to a shop order: there is no customer to "
                "write to.",
                "Diese Lieferantenbestellung ist mit keiner Shop-Bestellung verknüpft: Es gibt "
                "keinen Kunden, dem Sie schreiben könnten.",
            )
        )
    shop = session.get(Shop, customer.shop_id) if customer.shop_id else None
    from core import withdrawal

    found = withdrawal.withdrawals(session, customer.id)
    latest = found[-1] if found else None
    refunded = max(customer.refunded_minor, _own_refunds(session, customer.id, customer.currency))
    return NoticeFacts(
        order_name=customer.name,
        customer_name=customer.customer_name,
        email=customer.email,
        shop_name=(shop.name if shop is not None else "") or "",
        currency=customer.currency,
        total_minor=customer.total_minor,
        refund_minor=refunded,
        tracking_number=order.tracking_number,
        carrier=order.carrier,
        new_estimate=None,
        received_at=latest.received_at if latest else None,
        refund_by=latest.refund_by if latest else None,
        time_zone=str(settings.get(session, "merchant_time_zone")),
        cancel_reason=_cancel_reason(session, customer),
    )


def _cancel_reason(session: Session, customer: CustomerOrder) -> Reason | None:
    """Why the shop order was cancelled (its latest cancellation run's reason, else Shopify's),
    or None when it is not cancelled: a run still asking the supplier has cancelled nothing."""
    from sqlmodel import col, select

    from core.cancel.orders import reason_of
    from core.ledger.models import Cancellation

    if customer.cancelled_at is None:
        return None
    run = session.exec(
        select(Cancellation)
        .where(Cancellation.customer_order_id == customer.id, Cancellation.state != "abandoned")
        .order_by(col(Cancellation.id).desc())
    ).first()
    return reason_of(run) if run is not None else reason_of_shopify(customer.cancel_reason)


def _own_refunds(session: Session, customer_order_id: int, currency: str) -> int:
    """What Dropdesk itself recorded as refunded to this order's customer (issued or received),
    by the order or by one of its cancellation runs."""
    found = (
        session.connection()
        .exec_driver_sql(
            "SELECT coalesce(sum(r.amount_minor), 0) FROM refund AS r"
            " LEFT JOIN cancellation AS c ON c.id = r.cancellation_id"
            " WHERE r.direction = ? AND r.state IN (?, ?) AND r.currency = ?"
            " AND coalesce(r.customer_order_id, c.customer_order_id) = ?",
            (
                RefundDirection.TO_CUSTOMER.value,
                RefundState.ISSUED.value,
                RefundState.RECEIVED.value,
                currency,
                customer_order_id,
            ),
        )
        .scalar()
    )
    return int(found or 0)


def record_sent(
    session: Session,
    customer_order_id: int,
    notice: Notice,
    *,
    via: str = "mail",
    at: datetime | None = None,
) -> None:
    """Keep the message in the order's timeline (what was said, in which language, how)."""
    from core.ledger import journal

    journal.record(
        session,
        EVENT_SENT,
        ENTITY,
        customer_order_id,
        {
            "kind": notice.kind.value,
            "language": notice.language,
            "to": notice.to,
            "subject": notice.subject,
            "body": notice.body,
            "via": via,
        },
        at=at,
    )
    session.flush()  # readers query through the connection


def sent_notices(session: Session, customer_order_id: int) -> list[dict[str, Any]]:
    """The notices recorded for an order, oldest first (payload plus `at`)."""
    rows = session.connection().exec_driver_sql(
        "SELECT at, payload FROM event WHERE entity = ? AND entity_id = ? AND kind = ? ORDER BY id",
        (ENTITY, customer_order_id, EVENT_SENT),
    )
    return [{**_json(payload), "at": from_db(at)} for at, payload in rows]


def delay_candidates(
    db: Session | Connection, now: datetime, within_hours: float = 24
) -> list[int]:
    """Supplier orders whose ship window closes within `within_hours` (or has closed) without a
    tracking number, linked to a shop order that has had no delay notice since the window
    came that close: the moment to offer the customer a delay notice."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: give `now` with its zone")
    lead = timedelta(hours=within_hours)
    marks = ", ".join("?" * len(AWAITING_SHIPMENT_STATUSES))
    sql = (
        "SELECT so.id, so.customer_order_id, so.ship_by FROM supplier_order AS so"
        f" WHERE so.order_status IN ({marks}) AND so.shipped_at IS NULL"
        " AND so.tracking_number = '' AND so.customer_order_id IS NOT NULL"
        " AND so.ship_by <= ? ORDER BY so.ship_by, so.id"
    )
    connection = _connection(db)
    rows = list(
        connection.exec_driver_sql(
            sql, (*AWAITING_SHIPMENT_STATUSES, to_db(now.astimezone(UTC) + lead))
        )
    )
    found = []
    for supplier_order_id, customer_order_id, ship_by in rows:
        closes = from_db(ship_by)
        if closes is None:
            continue
        told = connection.exec_driver_sql(
            "SELECT payload FROM event WHERE entity = ? AND entity_id = ? AND kind = ? AND at >= ?",
            (ENTITY, customer_order_id, EVENT_SENT, to_db(closes - lead)),
        )
        if any(_json(payload).get("kind") == NoticeKind.DELAY for (payload,) in told):
            continue
        found.append(int(supplier_order_id))
    return found


@dataclass(frozen=True)
class NoticeStart:
    """What the notice dialog opens with, read in one transaction: the facts (or why there are
    none), the shop order behind the supplier order, the customer's language, whether the
    order is late enough to suggest a delay notice, its ship-by, and the merchant's zone."""

    facts: NoticeFacts | None
    error: NoticeError | None
    customer_order_id: int | None
    language: str
    delayed: bool
    ship_by: datetime | None
    zone: str


def notice_start(ledger: Ledger, supplier_order_id: int, now: datetime) -> NoticeStart:
    """Everything the notice dialog needs about one supplier order, in one read."""
    from core.ledger.models import SupplierOrder

    with ledger.session() as session:
        facts: NoticeFacts | None
        error: NoticeError | None = None
        try:
            facts = facts_for(session, supplier_order_id)
        except NoticeError as refused:
            facts, error = None, refused
        order = session.get(SupplierOrder, supplier_order_id)
        customer_order_id = order.customer_order_id if order else None
        return NoticeStart(
            facts=facts,
            error=error,
            customer_order_id=customer_order_id,
            language=customer_language(session, customer_order_id),
            delayed=supplier_order_id in delay_candidates(session, now, within_hours=24),
            ship_by=order.ship_by if order else None,
            zone=str(settings.get(session, "merchant_time_zone")),
        )


def record_notice_sent(
    ledger: Ledger, customer_order_id: int, notice: Notice, *, via: str, at: datetime
) -> None:
    """record_sent in its own transaction (for screens, which hold no session)."""
    with ledger.session() as session:
        record_sent(session, customer_order_id, notice, via=via, at=at)


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()
