"""Messages to the customer: templates per language, filled from the order, opened in the
merchant's mail program (a `mailto:` link) or copied, and kept in the order's timeline.

A message that leaves Dropdesk speaks the customer's language, never the window's: the
language is chosen per recipient (`customer_language`) and the text comes from LANGUAGES.
Everything a language needs (templates, month names, how it writes money) is one
`LanguagePack`; a third language is one more entry in LANGUAGES and nothing else. English is
the fallback for a customer whose language Dropdesk has no pack for.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from core import clocks, money, settings
from core.display_text import display_text
from core.ledger.types import AWAITING_SHIPMENT_STATUSES, from_db, to_db
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

EVENT_SENT = "customer_order.notice_sent"
ENTITY = "customer_order"
FALLBACK = "en"


class NoticeKind(StrEnum):
    CANCELLATION_CONFIRMED = "cancellation_confirmed"
    DELAY = "delay"
    REFUND_SENT = "refund_sent"
    WITHDRAWAL_ACKNOWLEDGED = "withdrawal_acknowledged"
    TRACKING = "tracking"


@dataclass(frozen=True)
class Template:
    subject: str
    body: str  # str.format fields: see NoticeFacts.fields()


@dataclass(frozen=True)
class LanguagePack:
    code: str
    name: str  # in the language itself
    templates: Mapping[NoticeKind, Template]
    months: tuple[str, ...]  # January .. December
    date_pattern: str  # fields: day, month, year
    time_pattern: str  # fields: date, hh, mm, zone
    money_pattern: str  # fields: amount, currency
    decimal_mark: str
    greeting: str  # field: name
    greeting_nameless: str
    #: Countries whose shops speak this language by default (ISO 3166 alpha-2).
    countries: frozenset[str] = field(default_factory=frozenset)

    def day(self, value: date) -> str:
        return self.date_pattern.format(
            day=value.day, month=self.months[value.month - 1], year=value.year
        )

    def instant(self, value: datetime, tz: str) -> str:
        local = clocks.as_zone(value, tz)
        return self.time_pattern.format(
            date=self.day(local.date()),
            hh=f"{local.hour:02d}",
            mm=f"{local.minute:02d}",
            zone=local.tzname() or tz,
        )

    def money(self, minor: int, currency: str) -> str:
        negative, whole, fraction = money.split(minor, currency)
        amount = f"{'-' if negative else ''}{whole}"
        if fraction:
            amount += self.decimal_mark + fraction
        return self.money_pattern.format(amount=amount, currency=currency.upper())


_EN = LanguagePack(
    code="en",
    name="English",
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    date_pattern="{day} {month} {year}",
    time_pattern="{date}, {hh}:{mm} ({zone})",
    money_pattern="{currency} {amount}",
    decimal_mark=".",
    greeting="Hello {name},",
    greeting_nameless="Hello,",
    countries=frozenset({"GB", "IE", "US", "CA", "AU", "NZ", "MT"}),
    templates={
        NoticeKind.CANCELLATION_CONFIRMED: Template(
            "Your order {order} has been cancelled",
            "{greeting}\n\nas you asked, we have cancelled your order {order}. You will not "
            "be charged for it: {refund} go back to your original payment method. Your bank "
            "may take a few days to show it.\n\nKind regards\n{shop}",
        ),
        NoticeKind.DELAY: Template(
            "Your order {order} is delayed",
            "{greeting}\n\nyour order {order} is taking longer than planned: our supplier has "
            "not shipped it yet. We now expect it to reach you by {new_estimate}.\n\nIf you "
            "would rather not wait, reply to this message and we will cancel the order and "
            "refund you in full.\n\nKind regards\n{shop}",
        ),
        NoticeKind.REFUND_SENT: Template(
            "Refund for your order {order}",
            "{greeting}\n\nwe have refunded {refund} for your order {order} to your original "
            "payment method. Your bank may take a few days to show it.\n\nKind regards\n{shop}",
        ),
        NoticeKind.WITHDRAWAL_ACKNOWLEDGED: Template(
            "We have received your withdrawal from order {order}",
            "{greeting}\n\nwe confirm that we received your withdrawal from the contract for "
            "order {order} on {received_at}.\n\nWe will refund all payments you made for it, "
            "including the standard delivery costs, by {refund_by} at the latest, to your "
            "original payment method. If the goods have already reached you, we may hold the "
            "refund until we have them back or you have shown us that you sent them.\n\n"
            "Kind regards\n{shop}",
        ),
        NoticeKind.TRACKING: Template(
            "Your order {order} is on its way",
            "{greeting}\n\nyour order {order} has shipped. You can follow it with the "
            "tracking number {tracking}{carrier}.{tracking_link}\n\nKind regards\n{shop}",
        ),
    },
)

_DE = LanguagePack(
    code="de",
    name="Deutsch",
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    date_pattern="{day}. {month} {year}",
    time_pattern="{date}, {hh}:{mm} Uhr ({zone})",
    money_pattern="{amount} {currency}",
    decimal_mark=",",
    greeting="Guten Tag {name},",
    greeting_nameless="Guten Tag,",
    countries=frozenset({"DE", "AT", "CH", "LI"}),
    templates={
        NoticeKind.CANCELLATION_CONFIRMED: Template(
            "Ihre Bestellung {order} wurde storniert",
            "{greeting}\n\nwie gewünscht haben wir Ihre Bestellung {order} storniert. Sie "
            "zahlen nichts dafür: {refund} gehen auf Ihre ursprüngliche Zahlungsart zurück. "
            "Bis die Gutschrift erscheint, kann Ihre Bank einige Tage brauchen.\n\n"
            "Freundliche Grüße\n{shop}",
        ),
        NoticeKind.DELAY: Template(
            "Ihre Bestellung {order} verzögert sich",
            "{greeting}\n\nIhre Bestellung {order} braucht länger als geplant: Unser "
            "Lieferant hat sie noch nicht verschickt. Wir erwarten sie jetzt bis zum "
            "{new_estimate} bei Ihnen.\n\nMöchten Sie nicht warten, antworten Sie auf diese "
            "Nachricht: Dann stornieren wir die Bestellung und erstatten den vollen Betrag."
            "\n\nFreundliche Grüße\n{shop}",
        ),
        NoticeKind.REFUND_SENT: Template(
            "Erstattung zu Ihrer Bestellung {order}",
            "{greeting}\n\nwir haben {refund} für Ihre Bestellung {order} auf Ihre "
            "ursprüngliche Zahlungsart erstattet. Bis die Gutschrift erscheint, kann Ihre "
            "Bank einige Tage brauchen.\n\nFreundliche Grüße\n{shop}",
        ),
        NoticeKind.WITHDRAWAL_ACKNOWLEDGED: Template(
            "Eingangsbestätigung Ihres Widerrufs zur Bestellung {order}",
            "{greeting}\n\nwir bestätigen, dass Ihr Widerruf des Vertrags zur Bestellung "
            "{order} am {received_at} bei uns eingegangen ist.\n\nWir erstatten Ihnen alle "
            "Zahlungen dafür, einschließlich der Standard-Lieferkosten, spätestens bis zum "
            "{refund_by} über Ihre ursprüngliche Zahlungsart. Ist die Ware schon bei Ihnen, "
            "können wir die Erstattung verweigern, bis wir sie zurückerhalten haben oder Sie "
            "nachgewiesen haben, dass Sie sie zurückgesandt haben.\n\nFreundliche Grüße\n{shop}",
        ),
        NoticeKind.TRACKING: Template(
            "Ihre Bestellung {order} ist unterwegs",
            "{greeting}\n\nIhre Bestellung {order} wurde verschickt. Sie können sie mit der "
            "Sendungsnummer {tracking}{carrier} verfolgen.{tracking_link}\n\n"
            "Freundliche Grüße\n{shop}",
        ),
    },
)

#: Every language a customer can be written to in. Add a pack here for a third language.
LANGUAGES: dict[str, LanguagePack] = {pack.code: pack for pack in (_EN, _DE)}

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
        super().__init__(text.english())
        self.text = text


def pack_for(language: str | None) -> LanguagePack:
    """The pack of `language` ("de", "de-AT", "de_CH"), English when there is none."""
    code = (language or "").strip().replace("_", "-").split("-")[0].lower()
    return LANGUAGES.get(code, LANGUAGES[FALLBACK])


def language_of_country(country: str | None) -> str | None:
    """The language a shop in `country` ("DE", "DE-BY") speaks by default, if Dropdesk has it."""
    code = (country or "").split("-")[0].upper()
    for pack in LANGUAGES.values():
        if code in pack.countries:
            return pack.code
    return None


@dataclass(frozen=True)
class NoticeFacts:
    """What a notice can say about the order. Instants are aware; money in minor units."""

    order_name: str
    customer_name: str = ""
    email: str = ""
    shop_name: str = ""
    currency: str = "EUR"
    total_minor: int = 0
    refund_minor: int | None = None  # None: the order total
    tracking_number: str = ""
    carrier: str = ""
    tracking_url: str = ""
    new_estimate: date | None = None
    received_at: datetime | None = None  # a withdrawal's arrival
    refund_by: datetime | None = None
    time_zone: str = clocks.MERCHANT_TIME_ZONE


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
    NoticeKind.WITHDRAWAL_ACKNOWLEDGED: (
        ("received_at", Text.pair("when the withdrawal arrived", "den Eingang des Widerrufs")),
        ("refund_by", Text.pair("the refund deadline", "die Erstattungsfrist")),
    ),
    NoticeKind.TRACKING: (
        ("tracking_number", Text.pair("a tracking number", "eine Sendungsnummer")),
    ),
}


def fill(kind: NoticeKind | str, language: str | None, facts: NoticeFacts) -> Notice:
    """The notice of `kind` in `language` (English when Dropdesk has no such pack)."""
    kind = NoticeKind(kind)
    pack = pack_for(language)
    missing = [need for name, need in _NEEDS.get(kind, ()) if not getattr(facts, name)]
    if missing:
        raise NoticeError(
            Text.pair(
                "This message needs " + " and ".join(m.get("en") for m in missing) + ".",
                "Diese Nachricht braucht " + " und ".join(m.get("de") for m in missing) + ".",
            )
        )
    name = " ".join(display_text(facts.customer_name).split())
    refund = facts.total_minor if facts.refund_minor is None else facts.refund_minor
    fields = {
        "order": display_text(facts.order_name),
        "greeting": pack.greeting.format(name=name) if name else pack.greeting_nameless,
        "shop": " ".join(display_text(facts.shop_name).split()),
        "refund": pack.money(refund, facts.currency),
        "total": pack.money(facts.total_minor, facts.currency),
        "tracking": display_text(facts.tracking_number),
        "carrier": f" ({display_text(facts.carrier)})" if facts.carrier.strip() else "",
        "tracking_link": f"\n{facts.tracking_url}" if facts.tracking_url.strip() else "",
        "new_estimate": pack.day(facts.new_estimate) if facts.new_estimate else "",
        "received_at": (
            pack.instant(facts.received_at, facts.time_zone) if facts.received_at else ""
        ),
        "refund_by": (
            pack.day(_last_day(facts.refund_by, facts.time_zone)) if facts.refund_by else ""
        ),
    }
    template = pack.templates[kind]
    body = template.body.format(**fields).rstrip()
    return Notice(kind, pack.code, facts.email.strip(), template.subject.format(**fields), body)


def _last_day(deadline: datetime, tz: str) -> date:
    """The calendar day a deadline ending at local midnight falls on (its last full day)."""
    return clocks.as_zone(deadline - timedelta(microseconds=1), tz).date()


# --- the ledger ----------------------------------------------------------------------------


def customer_language(session: Session, customer_order_id: int | None) -> str:
    """The language to write this customer in: the one last used for them, else the shop's
    (from the merchant's country), else English."""
    if customer_order_id is not None:
        rows = session.connection().exec_driver_sql(
            "SELECT payload FROM event WHERE entity = ? AND entity_id = ? AND kind = ?"
            " ORDER BY id DESC LIMIT 1",
            (ENTITY, customer_order_id, EVENT_SENT),
        )
        for (payload,) in rows:
            language = _json(payload).get("language")
            if isinstance(language, str) and language in LANGUAGES:
                return language
    shop = language_of_country(str(settings.get(session, "merchant_country") or ""))
    return shop or FALLBACK


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
    refunded = customer.refunded_minor or None
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
    )


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


def _json(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()
