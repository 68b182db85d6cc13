"""Supplier orders entered by hand: what the merchant types into the dialog, checked and saved.

A merchant without the AliExpress API (or with orders placed before connecting it) records
each purchase: the AliExpress order number, the supplier (picked, or created by typing a new
name), when it was paid, what it cost, and which customer order it serves. Every problem is
reported at once, per field, in words the dialog can show next to the field. Saving recomputes
the stored ship-by deadline (core.deadlines) and writes one Event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, func, select

from core import deadlines, linking, settings
from core.display_text import display_text
from core.imports.amounts import is_currency_code
from core.ledger import journal
from core.ledger.models import CustomerOrder, Supplier, SupplierOrder
from core.status_words import EndKind, end_kind, status_words
from core.texts import Text

#: AliExpress opened in 2010: an earlier payment time is a typo.
_EARLIEST_PAYMENT = datetime(2010, 1, 1, tzinfo=UTC)
#: Clocks drift; a payment "in the future" by less than this is the merchant's clock.
_CLOCK_SLACK = timedelta(hours=1)
_MAX_NAME = 200
_EXAMPLE = "8198352049851315"


@dataclass(frozen=True)
class StatusChoice:
    """One status the merchant can set by hand: AliExpress' status and, for a closed order,
    how it ended (end_reason), in the merchant's words."""

    order_status: str
    end_reason: str

    @property
    def label(self) -> Text:
        """The same words the table and the details show (core.status_words)."""
        return status_words(self.order_status, self.end_reason)

    @property
    def key(self) -> str:
        return f"{self.order_status}:{self.end_reason}"


#: Every real status of an AliExpress order, in the order it lives through them.
#: Statuses of an order whose parcel left the supplier.
SHIPPED_STATUSES = frozenset({"SELLER_PART_SEND_GOODS", "WAIT_BUYER_ACCEPT_GOODS"})

STATUS_CHOICES = tuple(
    StatusChoice(status, reason)
    for status, reason in (
        ("PLACE_ORDER_SUCCESS", ""),
        ("WAIT_SELLER_EXAMINE_MONEY", ""),
        ("WAIT_SELLER_SEND_GOODS", ""),
        ("SELLER_PART_SEND_GOODS", ""),
        ("WAIT_BUYER_ACCEPT_GOODS", ""),
        ("IN_CANCEL", ""),
        ("FINISH", "cancel_order_close_trade"),
        ("FINISH", "seller_accept_issue_no_goods_return"),
        ("FINISH", "buyer_accept_goods"),
        ("FINISH", ""),
    )
)


def status_choice(order_status: str, end_reason: str) -> StatusChoice | None:
    """The choice for a stored status (None: AliExpress sent one the dialog does not offer)."""
    for choice in STATUS_CHOICES:
        if (choice.order_status, choice.end_reason) == (order_status, end_reason):
            return choice
    return None


class SupplierOrderInvalid(ValueError):
    """The form has problems; `problems` maps each form field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


@dataclass
class SupplierOrderForm:
    """What the dialog edits. Give `supplier_id` to pick a supplier or `new_supplier_name` to
    create one (an existing supplier of that name is reused), or neither: a supplier order
    without a supplier is fine until the merchant knows it."""

    external_order_id: str
    supplier_id: int | None = None
    new_supplier_name: str = ""
    paid_at: datetime | None = None
    cost_minor: int = 0
    currency: str = "USD"
    customer_order_id: int | None = None
    order_status: str = "WAIT_SELLER_SEND_GOODS"
    end_reason: str = ""  # how a FINISH order ended (STATUS_CHOICES)
    #: The parcel's tracking number and carrier, as the supplier or AliExpress' page gives them
    #: (manual mode: the merchant copies them; a tracking number means the order shipped).
    tracking_number: str = ""
    carrier: str = ""
    #: Read only: paid_at is the Shopify payment time (core.ship_estimate); saving confirms it.
    paid_estimated: bool = False


def form_for(session: Session, supplier_order_id: int) -> SupplierOrderForm:
    """The form filled with a stored supplier order, to edit it."""
    order = _get(session, supplier_order_id)
    return SupplierOrderForm(
        external_order_id=order.external_order_id,
        supplier_id=order.supplier_id,
        paid_at=order.paid_at,
        cost_minor=order.cost_minor,
        currency=order.currency,
        customer_order_id=order.customer_order_id,
        order_status=order.order_status,
        end_reason=order.end_reason,
        tracking_number=order.tracking_number,
        carrier=order.carrier,
        paid_estimated=order.paid_estimated,
    )


def add_supplier_order(
    session: Session, form: SupplierOrderForm, *, now: datetime | None = None
) -> SupplierOrder:
    """Record a new supplier order; SupplierOrderInvalid lists every problem with the form."""
    clean = _validated(session, form, None, now or datetime.now(UTC))
    supplier_id, created = _supplier(session, clean)
    order = SupplierOrder(
        external_order_id=clean.external_order_id,
        supplier_id=supplier_id,
        customer_order_id=clean.customer_order_id,
        paid_at=clean.paid_at,
        cost_minor=clean.cost_minor,
        currency=clean.currency,
        order_status=clean.order_status,
        end_reason=clean.end_reason,
        tracking_number=clean.tracking_number,
        carrier=clean.carrier,
        updated_at=now or datetime.now(UTC),
    )
    _mark_shipped(order, now or datetime.now(UTC))
    session.add(order)
    session.flush()
    assert order.id is not None
    _refresh_ship_by(session, order)
    journal.record(
        session,
        "supplier_order_added",
        "supplier_order",
        order.id,
        {**_snapshot(order), "supplier_created": created, "by": "hand"},
    )
    return order


def edit_supplier_order(
    session: Session,
    supplier_order_id: int,
    form: SupplierOrderForm,
    *,
    now: datetime | None = None,
) -> SupplierOrder:
    """Save the form over a stored supplier order; journals what changed (nothing: no Event)."""
    order = _get(session, supplier_order_id)
    clean = _validated(session, form, supplier_order_id, now or datetime.now(UTC))
    supplier_id, created = _supplier(session, clean)
    before = _snapshot(order)
    order.external_order_id = clean.external_order_id
    order.supplier_id = supplier_id
    order.customer_order_id = clean.customer_order_id
    order.paid_at = clean.paid_at
    order.cost_minor = clean.cost_minor
    order.currency = clean.currency
    order.order_status = clean.order_status
    order.end_reason = clean.end_reason
    order.tracking_number = clean.tracking_number
    order.carrier = clean.carrier
    _mark_shipped(order, now or datetime.now(UTC))
    if clean.paid_at is not None:
        order.paid_estimated = False  # the merchant saw the payment time and kept it: confirmed
    session.add(order)
    session.flush()
    if (before["paid_at"], before["supplier_id"]) != (_iso(order.paid_at), order.supplier_id):
        _refresh_ship_by(session, order)
    after = _snapshot(order)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    if not changes:
        return order
    order.updated_at = now or datetime.now(UTC)
    session.add(order)
    journal.record(
        session,
        "supplier_order_edited",
        "supplier_order",
        supplier_order_id,
        {"changes": changes, "supplier_created": created, "by": "hand"},
    )
    return order


def find_or_create_supplier(session: Session, name: str) -> tuple[Supplier, bool]:
    """The supplier called `name` (ignoring case and spacing), created if there is none."""
    wanted = " ".join(name.split())
    query = select(Supplier).where(func.lower(Supplier.name) == wanted.lower())
    existing = session.exec(query.order_by(col(Supplier.id))).first()
    if existing is not None:
        return existing, False
    supplier = Supplier(
        name=wanted,
        ship_window_days=int(settings.get(session, "ship_window_days")),
        cancel_answer_hours=int(settings.get(session, "cancel_answer_hours")),
        tracking_due_days=int(settings.get(session, "tracking_due_days")),
        holiday_country=str(settings.get(session, "supplier_country")),
        time_zone=str(settings.get(session, "supplier_time_zone")),
        refund_days_min=int(settings.get(session, "refund_days_min")),
        refund_days_max=int(settings.get(session, "refund_days_max")),
    )
    session.add(supplier)
    session.flush()
    assert supplier.id is not None
    journal.record(session, "supplier_added", "supplier", supplier.id, {"name": wanted})
    return supplier, True


# --- validation ---------------------------------------------------------------------------


def _validated(
    session: Session, form: SupplierOrderForm, own_id: int | None, now: datetime
) -> SupplierOrderForm:
    problems: dict[str, str] = {}
    external_order_id = _external_order_id(session, form.external_order_id, own_id, problems)
    name = " ".join(form.new_supplier_name.split())
    if form.supplier_id is not None and name:
        problems["supplier"] = "Pick a supplier or type a new one's name, not both."
    elif form.supplier_id is not None and session.get(Supplier, form.supplier_id) is None:
        problems["supplier"] = "That supplier is no longer in the ledger."
    elif len(name) > _MAX_NAME:
        problems["supplier"] = f"A supplier's name can have at most {_MAX_NAME} characters."
    paid_at = form.paid_at
    if paid_at is not None:
        if paid_at.tzinfo is None or paid_at.utcoffset() is None:
            problems["paid_at"] = "The payment time needs a time zone."
        elif paid_at > now + _CLOCK_SLACK:
            problems["paid_at"] = "The payment time is in the future."
        elif paid_at < _EARLIEST_PAYMENT:
            problems["paid_at"] = "The payment time is before AliExpress existed: a typo?"
    if isinstance(form.cost_minor, bool) or not isinstance(form.cost_minor, int):
        problems["cost"] = "The cost must be a whole number of cents."
    elif form.cost_minor < 0:
        problems["cost"] = "The cost cannot be negative."
    currency = form.currency.strip().upper()
    if not is_currency_code(currency):
        problems["currency"] = f'"{form.currency}" is not a currency code (3 letters, like USD).'
    if (
        form.customer_order_id is not None
        and session.get(CustomerOrder, form.customer_order_id) is None
    ):
        problems["customer_order"] = "That customer order is not in the ledger."
    status = form.order_status.strip()
    if len(status) > 64 or not re.fullmatch(r"[A-Za-z0-9_]*", status):
        problems["order_status"] = f'"{form.order_status}" is not an AliExpress order status.'
    end_reason = form.end_reason.strip() if status == "FINISH" else ""
    if len(end_reason) > 64 or not re.fullmatch(r"[A-Za-z0-9_]*", end_reason):
        problems["order_status"] = f'"{form.end_reason}" is not how an AliExpress order ends.'
    tracking = display_text(form.tracking_number).strip()
    carrier = display_text(form.carrier).strip()
    if len(tracking) > 64 or " " in tracking:
        problems["tracking_number"] = "A tracking number is one word of at most 64 characters."
    if len(carrier) > 64:
        problems["tracking_number"] = "The carrier's name is too long (at most 64 characters)."
    if problems:
        raise SupplierOrderInvalid(problems)
    return SupplierOrderForm(
        external_order_id=external_order_id,
        supplier_id=form.supplier_id,
        new_supplier_name=name,
        paid_at=paid_at.astimezone(UTC) if paid_at is not None else None,
        cost_minor=form.cost_minor,
        currency=currency,
        customer_order_id=form.customer_order_id,
        order_status=status,
        end_reason=end_reason,
        tracking_number=tracking,
        carrier=carrier,
    )


def _mark_shipped(order: SupplierOrder, now: datetime) -> None:
    """A shipped status or a tracking number means the parcel left: the ship window's clock
    stops (shipped_at), and purchase protection's starts. Set once, never moved by an edit."""
    shipped = order.order_status in SHIPPED_STATUSES or (
        order.order_status == "FINISH" and end_kind(order.end_reason) is EndKind.DELIVERED
    )
    if order.shipped_at is None and (shipped or order.tracking_number):
        order.shipped_at = now


def _external_order_id(
    session: Session, text: str, own_id: int | None, problems: dict[str, str]
) -> str:
    """The one order number in `text` (pasted text like "Order ID: 8198… Copy" is fine)."""
    if not text.strip():
        problems["external_order_id"] = "Enter the AliExpress order number."
        return ""
    pattern_text = str(settings.get(session, "ae_order_pattern"))
    numbers = linking.find_ae_order_numbers(text, linking.compile_pattern(pattern_text))
    if not numbers:
        if pattern_text == settings.DEFAULTS["ae_order_pattern"]:
            problems["external_order_id"] = (
                f'"{text.strip()}" is not an AliExpress order number: those have 16 digits, '
                f"like {_EXAMPLE}."
            )
        else:
            problems["external_order_id"] = (
                f'"{text.strip()}" does not match the order number pattern in Settings.'
            )
        return ""
    if len(numbers) > 1:
        problems["external_order_id"] = (
            f"Enter one order number, not {len(numbers)}: {', '.join(numbers)}."
        )
        return ""
    number = numbers[0]
    query = select(SupplierOrder).where(SupplierOrder.external_order_id == number)
    other = session.exec(query).first()
    if other is not None and other.id != own_id:
        linked = (
            session.get(CustomerOrder, other.customer_order_id) if other.customer_order_id else None
        )
        suffix = f" (for {linked.name})" if linked is not None else ""
        problems["external_order_id"] = (
            f"AliExpress order {number} is already in the ledger{suffix}."
        )
    return number


# --- plumbing -----------------------------------------------------------------------------


def _supplier(session: Session, clean: SupplierOrderForm) -> tuple[int | None, bool]:
    if clean.new_supplier_name:
        supplier, created = find_or_create_supplier(session, clean.new_supplier_name)
        return supplier.id, created
    return clean.supplier_id, False


def _refresh_ship_by(session: Session, order: SupplierOrder) -> None:
    assert order.id is not None
    deadlines.recompute_ship_by(session, order_ids=[order.id])
    session.refresh(order, ["ship_by"])


def _get(session: Session, supplier_order_id: int) -> SupplierOrder:
    order = session.get(SupplierOrder, supplier_order_id)
    if order is None:
        raise LookupError(f"no supplier order {supplier_order_id}")
    return order


def _snapshot(order: SupplierOrder) -> dict[str, Any]:
    return {
        "external_order_id": order.external_order_id,
        "supplier_id": order.supplier_id,
        "customer_order_id": order.customer_order_id,
        "paid_at": _iso(order.paid_at),
        "ship_by": _iso(order.ship_by),
        "cost_minor": order.cost_minor,
        "currency": order.currency,
        "order_status": order.order_status,
        "end_reason": order.end_reason,
        "tracking_number": order.tracking_number,
        "carrier": order.carrier,
        "shipped_at": _iso(order.shipped_at),
        "paid_estimated": order.paid_estimated,
    }


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat()
