"""A customer's withdrawal from the contract (the EU right of withdrawal), recorded with its time,
and the refund deadline the law sets from it.

Directive 2011/83/EU (sources in docs/DESIGN.md, "Protection, withdrawal and notices"):
- Art. 9: the consumer may withdraw within 14 days of receiving the goods, without a reason.
- Art. 11: any unequivocal statement will do; a withdrawal made on the trader's website must
  be acknowledged on a durable medium without delay. Dropdesk keeps the acknowledgement text
  (core.notices) with the withdrawal, so it can be sent and shown later.
- Art. 13(1): the trader refunds all payments, delivery included, without undue delay and
  at the latest 14 days from the day he is informed of the withdrawal.
- Art. 13(3): for goods, the trader may withhold the refund until he has the goods back or
  proof that they were sent, whichever comes first. The deadline itself does not move.

Counting (Regulation 1182/71, Art. 3): the day of receipt does not count, and the period ends
at the end of the 14th day (in the merchant's zone). The regulation would carry a period ending
on a weekend or holiday over to the next working day; Dropdesk does not, so the deadline it
shows is never later than the law's.

A withdrawal is a journal event on the customer order (no table of its own): it lands in the
order's timeline, and a later full refund, or the merchant's "refunded" mark, settles it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from core import clocks, settings
from core.deadline_entries import Deadline, Kind
from core.display_text import display_text
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

KIND = Kind.WITHDRAWAL_REFUND.value
EVENT_RECEIVED = "customer_order.withdrawal_received"
EVENT_REFUNDED = "customer_order.withdrawal_refunded"
ENTITY = "customer_order"
#: Art. 13(1): refund at the latest this many days from the day the withdrawal arrived.
REFUND_DAYS = 14
#: Art. 9(1): the withdrawal period, from the day the consumer receives the goods.
WITHDRAWAL_DAYS = 14


class WithdrawalError(ValueError):
    """Bad input for a withdrawal, said in both languages."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.en)
        self.text = text


def refund_deadline(received_at: datetime, tz: str = clocks.MERCHANT_TIME_ZONE) -> datetime:
    """The end of the 14th day after the day the withdrawal arrived (merchant's zone), in UTC."""
    if received_at.tzinfo is None:
        raise ValueError("naive datetime: give received_at with its zone")
    day = clocks.as_zone(received_at, tz).date()
    return clocks.day_end(day + timedelta(days=REFUND_DAYS), tz)


def withdrawal_period_ends(delivered_on: date, tz: str = clocks.MERCHANT_TIME_ZONE) -> datetime:
    """Art. 9(2)(b): the end of the 14th day after the customer received the goods."""
    return clocks.day_end(delivered_on + timedelta(days=WITHDRAWAL_DAYS), tz)


@dataclass(frozen=True)
class Withdrawal:
    customer_order_id: int
    order_name: str
    received_at: datetime  # when the customer's statement reached the merchant (UTC)
    recorded_at: datetime
    refund_by: datetime
    via: str  # "email", "letter", "form", "phone", ... as the merchant says
    statement: str  # what the customer wrote, as the merchant pasted it
    acknowledgement: dict[str, str]  # {"language", "subject", "body"}: the text to send
    refunded: bool

    def what(self) -> Text:
        day, tag = clocks.local_moment(self.refund_by)
        return Text(
            f"Withdrawal from {self.order_name or 'an order'}: refund all payments, delivery "
            f"included, by {day} (14 days from receiving it). You may hold the refund until "
            "the goods are back or the customer shows they sent them.",
            f"Widerruf zu {self.order_name or 'einer Bestellung'}: alle Zahlungen samt "
            f"Versandkosten bis {tag} erstatten (14 Tage ab Eingang). Sie dürfen die "
            "Erstattung zurückhalten, bis die Ware zurück ist oder der Kunde die Rücksendung "
            "nachweist.",
        )


def record_withdrawal(
    session: Session,
    customer_order_id: int,
    received_at: datetime,
    *,
    via: str = "email",
    statement: str = "",
    acknowledgement: dict[str, str] | None = None,
    now: datetime | None = None,
    tz: str | None = None,
) -> Withdrawal:
    """Record that the customer withdrew, received at `received_at`; returns it with its
    refund deadline. A time in the future, or one before the order, is refused."""
    from core.ledger import journal
    from core.ledger.models import CustomerOrder

    moment = now or datetime.now(UTC)
    if received_at.tzinfo is None:
        raise ValueError("naive datetime: give received_at with its zone")
    order = session.get(CustomerOrder, customer_order_id)
    if order is None:
        raise WithdrawalError(
            Text("That shop order is not in the ledger.", "Diese Bestellung ist nicht im Ledger.")
        )
    if received_at > moment + timedelta(minutes=5):
        raise WithdrawalError(
            Text(
                "The withdrawal cannot have arrived in the future: check the date and time.",
                "Der Widerruf kann nicht in der Zukunft eingegangen sein: Prüfen Sie Datum und "
                "Uhrzeit.",
            )
        )
    if order.created_at is not None and received_at < order.created_at:
        raise WithdrawalError(
            Text(
                "The withdrawal cannot have arrived before the order was placed.",
                "Der Widerruf kann nicht vor der Bestellung eingegangen sein.",
            )
        )
    zone = tz or str(settings.get(session, "merchant_time_zone"))
    refund_by = refund_deadline(received_at, zone)
    ack = dict(acknowledgement or {})
    payload: dict[str, Any] = {
        "received_at": received_at.astimezone(UTC).isoformat(),
        "refund_by": refund_by.isoformat(),
        "via": via.strip()[:40],
        "statement": statement.strip()[:4000],
        "acknowledgement": ack,
    }
    journal.record(session, EVENT_RECEIVED, ENTITY, customer_order_id, payload, at=moment)
    session.flush()  # the queries below read through the connection
    return Withdrawal(
        customer_order_id,
        display_text(order.name),
        received_at.astimezone(UTC),
        moment.astimezone(UTC),
        refund_by,
        payload["via"],
        payload["statement"],
        ack,
        False,
    )


def mark_refunded(session: Session, customer_order_id: int, at: datetime | None = None) -> None:
    """The merchant refunded the withdrawal (outside what the ledger sees): it is settled."""
    from core.ledger import journal

    journal.record(session, EVENT_REFUNDED, ENTITY, customer_order_id, {}, at=at)
    session.flush()  # the queries below read through the connection


def withdrawals(db: Session | Connection, customer_order_id: int | None = None) -> list[Withdrawal]:
    """The recorded withdrawals (of one order, or all), oldest first; `refunded` when a later
    refunded mark exists or the shop order is refunded in full."""
    connection = _connection(db)
    where = "e.entity = ? AND e.kind IN (?, ?)"
    params: list[Any] = [ENTITY, EVENT_RECEIVED, EVENT_REFUNDED]
    if customer_order_id is not None:
        where += " AND e.entity_id = ?"
        params.append(customer_order_id)
    sql = (
        "SELECT e.id, e.at, e.kind, e.entity_id, e.payload, coalesce(co.name, ''),"
        " coalesce(co.total_minor, 0), coalesce(co.refunded_minor, 0)"
        " FROM event AS e LEFT JOIN customer_order AS co ON co.id = e.entity_id"
        f" WHERE {where} ORDER BY e.id"
    )
    received: list[tuple[int, Withdrawal]] = []
    settled_after: dict[int, int] = {}
    from core.ledger.types import from_db, stored_instant

    for event_id, at, kind, entity_id, payload, name, total, refunded in connection.exec_driver_sql(
        sql, tuple(params)
    ):
        if kind == EVENT_REFUNDED:
            settled_after[int(entity_id)] = int(event_id)
            continue
        data = _payload(payload)
        got = stored_instant(data.get("received_at"))
        due = stored_instant(data.get("refund_by"))
        recorded = from_db(at)
        if got is None or due is None or recorded is None:
            continue  # a damaged event: nothing trustworthy to count from
        ack = data.get("acknowledgement")
        withdrawal = Withdrawal(
            int(entity_id),
            display_text(name),
            got,
            recorded,
            due,
            str(data.get("via") or ""),
            str(data.get("statement") or ""),
            {str(k): str(v) for k, v in ack.items()} if isinstance(ack, dict) else {},
            bool(total) and int(refunded) >= int(total),
        )
        received.append((int(event_id), withdrawal))
    result = []
    for event_id, withdrawal in received:
        if settled_after.get(withdrawal.customer_order_id, 0) > event_id:
            withdrawal = _settled(withdrawal)
        result.append(withdrawal)
    return result


def deadlines(
    db: Session | Connection, now: datetime, within_hours: float | None = None
) -> list[Deadline]:
    """`withdrawal_refund` deadlines of withdrawals not refunded yet (within `within_hours` of
    `now` when given, overdue ones included), soonest first."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: give `now` with its zone")
    horizon = None if within_hours is None else now + timedelta(hours=within_hours)
    entries = [
        Deadline.at(
            Kind.WITHDRAWAL_REFUND,
            w.refund_by,
            now,
            w.order_name,
            text=w.what(),
            customer_order_id=w.customer_order_id,
        )
        for w in withdrawals(db)
        if not w.refunded and (horizon is None or w.refund_by <= horizon)
    ]
    return sorted(entries, key=lambda entry: (entry.deadline, entry.customer_order_id or 0))


def unshipped_supplier_orders(db: Session | Connection, customer_order_id: int) -> list[int]:
    """The supplier orders of a shop order that have not shipped: a withdrawal before shipping
    is best answered by cancelling everywhere (core.cancel.workflow)."""
    marks = ", ".join("?" * len(AWAITING_SHIPMENT_STATUSES))
    sql = (
        "SELECT id FROM supplier_order WHERE customer_order_id = ? AND shipped_at IS NULL"
        f" AND order_status IN ({marks}) ORDER BY id"
    )
    rows = _connection(db).exec_driver_sql(sql, (customer_order_id, *AWAITING_SHIPMENT_STATUSES))
    return [int(row[0]) for row in rows]


def _settled(withdrawal: Withdrawal) -> Withdrawal:
    from dataclasses import replace

    return replace(withdrawal, refunded=True)


def _payload(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()
