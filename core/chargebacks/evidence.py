"""The evidence pack of a chargeback, and the text evidence sent to Shopify.

The pack gathers what the ledger knows about the disputed order: the order and its payment,
its lines and fulfilment, the supplier orders with the carrier and tracking number and every
status the AliExpress sync saw (the carrier's events as far as Dropdesk knows them), the
supplier's answers in cancellation runs, refunds, the refund policy in force (the draft
Dropdesk makes from the suppliers' terms) and the timeline of what was done (the journal).
The GUI prints it as a PDF; `evidence_texts` makes the plain text Shopify takes.

Sending is two steps at Shopify (`disputeEvidenceUpdate`): save the text, and with
`submitEvidence` also submit it to the bank, which is final. `send_evidence` journals either,
and a failure too; it is only called after the merchant confirmed the text in a dialog.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from core import outgoing
from core.chargebacks import words
from core.chargebacks.store import ENTITY, ChargebackRow, get_chargeback
from core.display_text import display_text
from core.ledger.types import from_db
from core.money import to_decimal
from core.texts import Text

if TYPE_CHECKING:
    from core.ledger import Ledger
    from core.policy import PolicyDraft
    from core.shopify.client import ShopifyClient

log = logging.getLogger(__name__)

EVENT_SAVED = "chargeback.evidence_saved"
EVENT_SUBMITTED = "chargeback.evidence_submitted"
EVENT_FAILED = "chargeback.evidence_failed"
#: Shopify keeps evidence texts short enough for a bank clerk; longer ones are cut.
MAX_TEXT = 20_000


@dataclass(frozen=True)
class OrderLineFacts:
    title: str
    sku: str
    quantity: int
    price_minor: int
    fulfillment_status: str


@dataclass(frozen=True)
class OrderFacts:
    """The customer order and its payment, as the ledger has them."""

    id: int
    name: str
    customer_name: str
    email: str
    created_at: datetime | None
    processed_at: datetime | None
    currency: str
    total_minor: int
    refunded_minor: int
    financial_status: str
    fulfillment_status: str
    cancelled_at: datetime | None
    lines: tuple[OrderLineFacts, ...]


@dataclass(frozen=True)
class Shipment:
    """A supplier order for the customer order: where the goods came from and how."""

    id: int
    external_order_id: str
    supplier_name: str
    order_status: str
    end_reason: str
    logistics_status: str
    carrier: str
    tracking_number: str
    paid_at: datetime | None
    shipped_at: datetime | None


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    source: str  # "order", "supplier", "cancellation", "refund", "chargeback"
    what: Text


@dataclass(frozen=True)
class EvidencePack:
    chargeback: ChargebackRow
    shop_name: str
    shop_domain: str
    order: OrderFacts | None
    shipments: tuple[Shipment, ...]
    tracking: tuple[TimelineEntry, ...]  # carrier and supplier status changes
    supplier_messages: tuple[TimelineEntry, ...]
    refunds: tuple[TimelineEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    policy: PolicyDraft | None
    made_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def hint(self) -> Text:
        return words.hint(self.chargeback.reason)


def _money(minor: int, currency: str) -> str:
    return f"{to_decimal(minor, currency)} {currency}"


# -- reading the ledger -----------------------------------------------------------------------


def evidence_pack(
    ledger: Ledger,
    chargeback_id: int,
    *,
    policy: PolicyDraft | None = None,
    now: datetime | None = None,
) -> EvidencePack:
    """Everything the ledger knows about the disputed order (one read transaction)."""
    row = get_chargeback(ledger, chargeback_id)
    if row is None:
        raise LookupError(f"There is no chargeback {chargeback_id}.")
    with ledger.engine.connect() as connection:
        run = connection.exec_driver_sql
        shop = run("SELECT name, domain FROM shop WHERE id = ?", (row.shop_id,)).first()
        order = None
        shipments: list[Shipment] = []
        cancellation_ids: list[int] = []
        refund_rows: list[Any] = []
        if row.customer_order_id is not None:
            raw = run(
                "SELECT id, name, customer_name, email, created_at, processed_at, currency,"
                " total_minor, refunded_minor, financial_status, fulfillment_status, cancelled_at"
                " FROM customer_order WHERE id = ?",
                (row.customer_order_id,),
            ).first()
            if raw is not None:
                lines = tuple(
                    OrderLineFacts(
                        display_text(str(t)), display_text(str(s)), int(q), int(p), str(f)
                    )
                    for t, s, q, p, f in run(
                        "SELECT title, sku, quantity, price_minor, fulfillment_status"
                        " FROM customer_order_line WHERE order_id = ? ORDER BY id",
                        (raw[0],),
                    )
                )
                order = OrderFacts(
                    id=int(raw[0]),
                    name=display_text(str(raw[1])),
                    customer_name=display_text(str(raw[2] or "")),
                    email=display_text(str(raw[3] or "")),
                    created_at=from_db(raw[4]),
                    processed_at=from_db(raw[5]),
                    currency=str(raw[6]),
                    total_minor=int(raw[7]),
                    refunded_minor=int(raw[8]),
                    financial_status=str(raw[9] or ""),
                    fulfillment_status=str(raw[10] or ""),
                    cancelled_at=from_db(raw[11]),
                    lines=lines,
                )
            shipments = [
                Shipment(
                    int(s[0]),
                    display_text(str(s[1])),
                    display_text(str(s[2] or "")),
                    str(s[3] or ""),
                    str(s[4] or ""),
                    display_text(str(s[5] or "")),
                    display_text(str(s[6] or "")),
                    display_text(str(s[7] or "")),
                    from_db(s[8]),
                    from_db(s[9]),
                )
                for s in run(
                    "SELECT so.id, so.external_order_id, sp.name, so.order_status, so.end_reason,"
                    " so.logistics_status, so.carrier, so.tracking_number, so.paid_at,"
                    " so.shipped_at"
                    " FROM supplier_order AS so LEFT JOIN supplier AS sp ON sp.id = so.supplier_id"
                    " WHERE so.customer_order_id = ? ORDER BY so.id",
                    (row.customer_order_id,),
                )
            ]
            cancellation_ids = [
                int(c[0])
                for c in run(
                    "SELECT id FROM cancellation WHERE customer_order_id = ? OR supplier_order_id"
                    " IN (SELECT id FROM supplier_order WHERE customer_order_id = ?)",
                    (row.customer_order_id, row.customer_order_id),
                )
            ]
            refund_rows = list(
                run(
                    "SELECT direction, amount_minor, currency, state, issued_at, completed_at"
                    " FROM refund WHERE customer_order_id = ? ORDER BY id",
                    (row.customer_order_id,),
                )
            )
        events = _events(
            run,
            [
                ("customer_order", [row.customer_order_id] if row.customer_order_id else []),
                ("supplier_order", [s.id for s in shipments]),
                ("cancellation", cancellation_ids),
                (ENTITY, [row.id]),
            ],
        )
    tracking = [_tracking_entry(at, kind, payload) for at, entity, kind, payload in events]
    messages = [_supplier_entry(at, kind, payload) for at, entity, kind, payload in events]
    refunds = [
        TimelineEntry(
            from_db(r[4]) or from_db(r[5]) or row.initiated_at or datetime.now(UTC),
            "refund",
            _refund_text(r[0] == "to_customer", _money(int(r[1]), str(r[2])), str(r[3])),
        )
        for r in refund_rows
    ]
    timeline = [_timeline_entry(at, entity, kind, payload) for at, entity, kind, payload in events]
    return EvidencePack(
        chargeback=row,
        shop_name=display_text(str(shop[0])) if shop else "",
        shop_domain=str(shop[1]) if shop else "",
        order=order,
        shipments=tuple(shipments),
        tracking=tuple(t for t in tracking if t is not None),
        supplier_messages=tuple(m for m in messages if m is not None),
        refunds=tuple(refunds),
        timeline=tuple(timeline),
        policy=policy,
        made_at=now or datetime.now(UTC),
    )


def _events(
    run: Callable[..., Any], wanted: Sequence[tuple[str, Sequence[int]]]
) -> list[tuple[datetime, str, str, dict[str, Any]]]:
    found = []
    for entity, ids in wanted:
        if not ids:
            continue
        marks = ", ".join("?" * len(ids))
        for at, kind, entity_name, payload in run(
            f"SELECT at, kind, entity, payload FROM event WHERE entity = ? AND entity_id IN"
            f" ({marks}) ORDER BY id",
            (entity, *ids),
        ):
            moment = from_db(at)
            if moment is None:
                continue
            try:
                details = json.loads(payload)
            except ValueError:
                details = {}
            found.append(
                (moment, str(entity_name), str(kind), details if isinstance(details, dict) else {})
            )
    found.sort(key=lambda e: e[0])
    return found


def _changes(payload: Mapping[str, Any]) -> dict[str, Any]:
    changes = payload.get("changes")
    return {
        str(name): (change.get("to") if isinstance(change, Mapping) else change)
        for name, change in (changes.items() if isinstance(changes, Mapping) else ())
    }


def _tracking_entry(at: datetime, kind: str, payload: Mapping[str, Any]) -> TimelineEntry | None:
    """A carrier or supplier status the AliExpress sync (or the merchant) recorded."""
    if not kind.startswith("supplier_order"):
        return None
    changes = _changes(payload)
    if payload.get("tracking_number") and "tracking_number" not in changes:
        changes["tracking_number"] = payload["tracking_number"]
    said = [
        (_FIELD_NAMES[name], _shown(value))
        for name, value in changes.items()
        if name in _FIELD_NAMES and value not in (None, "")
    ]
    if not said:
        return None
    return TimelineEntry(
        at,
        "supplier",
        Text.join("; ", (Text.join(": ", (name, str(value))) for name, value in said)),
    )


_FIELD_NAMES = {
    "carrier": Text("core.chargebacks.evidence", "carrier"),
    "tracking_number": Text("core.chargebacks.evidence", "tracking number"),
    "shipped_at": Text("core.chargebacks.evidence", "shipped"),
    "logistics_status": Text("core.chargebacks.evidence", "carrier status"),
    "order_status": Text("core.chargebacks.evidence", "AliExpress status"),
}


def _shown(value: object) -> str:
    """A journalled value as text; an instant as "2026-10-19 19:34 UTC"."""
    text = display_text(str(value))
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] in " T":
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return text
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return text


def _supplier_entry(at: datetime, kind: str, payload: Mapping[str, Any]) -> TimelineEntry | None:
    """What the supplier said in a cancellation run (its answer, a tracking number)."""
    if not kind.startswith("cancellation."):
        return None
    said = [
        f"{key.replace('_', ' ')}: {display_text(str(payload[key]))}"
        for key in ("answer", "supplier_answer", "message", "note", "tracking_number", "carrier")
        if payload.get(key)
    ]
    if not said:
        return None
    text = "; ".join(said)
    return TimelineEntry(at, "supplier", Text.verbatim(text))


def _refund_text(to_customer: bool, amount: str, state: str) -> Text:
    if to_customer:
        return Text(
            "core.chargebacks.evidence",
            "Refund to the customer: {amount} ({state})",
            amount=amount,
            state=state,
        )
    return Text(
        "core.chargebacks.evidence",
        "Refund from the supplier: {amount} ({state})",
        amount=amount,
        state=state,
    )


_KNOWN: dict[str, Text] = {
    "chargeback.opened": Text("core.chargebacks.evidence", "Chargeback opened by the bank"),
    "chargeback.changed": Text("core.chargebacks.evidence", "Chargeback updated by Shopify"),
    EVENT_SAVED: Text("core.chargebacks.evidence", "Evidence text saved at Shopify"),
    EVENT_SUBMITTED: Text("core.chargebacks.evidence", "Evidence submitted to the bank"),
    EVENT_FAILED: Text("core.chargebacks.evidence", "Sending the evidence failed"),
    "supplier_order.aliexpress_shipped": Text(
        "core.chargebacks.evidence",
        "Supplier shipped the order (AliExpress)",
    ),
    "supplier_order.aliexpress_updated": Text(
        "core.chargebacks.evidence", "AliExpress status changed"
    ),
    "supplier_order.aliexpress_cancelled": Text(
        "core.chargebacks.evidence", "Order cancelled at AliExpress"
    ),
    "supplier_order.tracking_from_supplier": Text(
        "core.chargebacks.evidence",
        "Tracking number from the supplier",
    ),
    "supplier_order_added": Text("core.chargebacks.evidence", "Supplier order recorded"),
    "supplier_order_edited": Text("core.chargebacks.evidence", "Supplier order edited"),
    "refund.issued_to_customer": Text("core.chargebacks.evidence", "Refund issued to the customer"),
}


def _timeline_entry(
    at: datetime, entity: str, kind: str, payload: Mapping[str, Any]
) -> TimelineEntry:
    known = _KNOWN.get(kind)
    if known is None and kind.startswith("cancellation."):
        from core.cancel.states import STATES, State

        state = kind.split(".", 1)[1]
        label = STATES[State(state)].label if state in State._value2member_map_ else None
        text = label or state.replace("_", " ")
        known = Text("core.chargebacks.evidence", "Cancellation: {text}", text=text)
    if known is None:
        plain = kind.replace("_", " ").replace(".", ": ")
        known = Text.verbatim(plain)
    source = {"customer_order": "order", "supplier_order": "supplier"}.get(entity, entity)
    return TimelineEntry(at, source, known)


# -- the text Shopify takes -------------------------------------------------------------------


def evidence_texts(pack: EvidencePack, language: str = "en") -> dict[str, str]:
    """The evidence as ShopifyPaymentsDisputeEvidenceUpdateInput's text fields, from the pack:
    a message that leaves the app (core.outgoing, `evidence.*`), in English by default (the
    language banks read); the merchant reads and may edit it first."""

    def say(key: str, **fields: object) -> str:
        return outgoing.compose(f"evidence.{key}", language, **fields)

    def day(moment: datetime | None) -> str:
        return _day(moment) if moment else say("date_unknown")

    row = pack.chargeback
    lines = [
        say(
            "chargeback",
            id=row.shopify_gid.rsplit("/", 1)[-1],
            reason=words.reason_text(row.reason).get(language),
            code=row.reason,
            amount=_money(row.amount_minor, row.currency),
        )
    ]
    order = pack.order
    if order is not None:
        lines.append(
            say(
                "order",
                order=order.name,
                day=day(order.processed_at or order.created_at),
                customer=order.customer_name or say("the_customer"),
                total=_money(order.total_minor, order.currency),
                payment=order.financial_status or say("unknown"),
                fulfilment=order.fulfillment_status or "-",
            )
        )
        if order.refunded_minor:
            lines.append(say("refunded", amount=_money(order.refunded_minor, order.currency)))
        if order.cancelled_at is not None:
            lines.append(say("cancelled", day=day(order.cancelled_at)))
        for item in order.lines:
            lines.append(
                f"- {item.quantity} x {item.title}" + (f" ({item.sku})" if item.sku else "")
            )
    elif row.order_name:
        lines.append(say("order_name", order=row.order_name))
    for shipment in pack.shipments:
        if shipment.shipped_at or shipment.tracking_number:
            lines.append(
                say(
                    "shipped",
                    day=day(shipment.shipped_at),
                    carrier=say("with_carrier", carrier=shipment.carrier)
                    if shipment.carrier
                    else "",
                    tracking=say("tracking_number", tracking=shipment.tracking_number)
                    if shipment.tracking_number
                    else "",
                    status=say("carrier_status", status=shipment.logistics_status)
                    if shipment.logistics_status
                    else "",
                )
            )
        else:
            lines.append(say("not_shipped", order=shipment.external_order_id))
    for entry in pack.refunds:
        lines.append(say("event", day=day(entry.at), what=entry.what.get(language)))
    if pack.tracking:
        lines.append(say("tracking_history"))
        lines += [f"- {day(entry.at)}: {entry.what.get(language)}" for entry in pack.tracking]
    texts = {"uncategorizedText": "\n".join(lines)[:MAX_TEXT]}
    if pack.policy is not None:
        texts["refundPolicyDisclosure"] = pack.policy.markdown[:MAX_TEXT]
    if order is not None and "@" in order.email:
        texts["customerEmailAddress"] = order.email
    return texts


def _day(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d")


# -- sending ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EvidenceSent:
    chargeback_id: int
    submitted: bool
    at: datetime


def send_evidence(
    ledger: Ledger,
    client: ShopifyClient,
    chargeback_id: int,
    texts: Mapping[str, str],
    *,
    submit: bool,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> EvidenceSent:
    """Save the confirmed texts at Shopify (and submit them with `submit`), and journal it.

    Called only after the merchant confirmed exactly these texts. A failure is journalled and
    raised (a ShopifyError with English and German text)."""
    from core.ledger import journal
    from core.ledger.models import Chargeback
    from core.shopify.disputes import evidence_state, update_dispute_evidence

    row = get_chargeback(ledger, chargeback_id)
    if row is None:
        raise LookupError(f"There is no chargeback {chargeback_id}.")
    fields = {name: value for name, value in texts.items() if value.strip()}
    try:
        state = evidence_state(client, row.shopify_gid)
        submitted = update_dispute_evidence(client, state.evidence_gid, fields, submit=submit)
    except Exception as error:
        text = getattr(error, "text", None)
        payload: dict[str, Any] = {"submit": submit, "error": type(error).__name__}
        payload["message"] = text.stored() if isinstance(text, Text) else str(error)
        with ledger.session() as session:
            journal.record(session, EVENT_FAILED, ENTITY, chargeback_id, payload, at=now())
        raise
    at = now()
    with ledger.session() as session:
        stored = session.get(Chargeback, chargeback_id)
        assert stored is not None
        stored.evidence_saved_at = at
        if submitted:
            stored.evidence_sent_on = at
            stored.status = "UNDER_REVIEW"
        stored.updated_at = at
        session.add(stored)
        journal.record(
            session,
            EVENT_SUBMITTED if submitted else EVENT_SAVED,
            ENTITY,
            chargeback_id,
            {"submit": submit, "evidence": state.evidence_gid, "texts": dict(fields)},
            at=at,
        )
    return EvidenceSent(chargeback_id, submitted, at)
