"""Linking customer orders to supplier orders from the AliExpress order numbers they carry.

Tools like DSers write the AliExpress order number into the Shopify order's note, a note
attribute or a tag. Whatever matches the `ae_order_pattern` setting there becomes a supplier
order linked to that customer order: created when the ledger does not know the number yet
(supplier, payment time and cost unknown until the merchant or the AliExpress sync fills them
in, so no ship-by countdown is invented), or linked when it exists without a customer order.
A supplier order already linked to another customer order is never taken away: that is
reported as a conflict for the merchant to settle by hand.

Bulk paths (import, sync) read and write through the DB-API in chunks; every link made
writes one Event on the supplier order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlmodel import Session

from core import settings, ship_estimate
from core.ledger import search_index
from core.ledger.models import CustomerOrder, SupplierOrder
from core.ledger.types import to_db
from core.texts import Text

_CHUNK = 500
_SUPPLIER_ORDERS: Table = SupplierOrder.__table__  # type: ignore[attr-defined]
_CUSTOMER_ORDERS: Table = CustomerOrder.__table__  # type: ignore[attr-defined]
#: Status of a supplier order created from a number alone: unknown until someone knows it.
UNKNOWN_STATUS = ""


class PatternError(ValueError):
    """The `ae_order_pattern` setting is not a usable regular expression; `.text` says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.english())
        self.text = text


@dataclass(frozen=True, slots=True)
class Found:
    """An AliExpress order number found in a customer order (`found_in`: note, note_attributes,
    tags, or whatever the caller names its text)."""

    customer_order_id: int
    external_order_id: str
    found_in: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """The number is already linked to another customer order; left as it is."""

    external_order_id: str
    customer_order_id: int
    linked_to: int


@dataclass
class LinkResult:
    created: int = 0  # supplier orders created from a number
    linked: int = 0  # existing supplier orders that got their customer order
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def made(self) -> int:
        return self.created + self.linked

    def add(self, other: LinkResult) -> None:
        self.created += other.created
        self.linked += other.linked
        self.conflicts.extend(other.conflicts)


def order_number_pattern(session: Session) -> re.Pattern[str]:
    """The compiled `ae_order_pattern` setting; PatternError says what is wrong with it."""
    return compile_pattern(str(settings.get(session, "ae_order_pattern")))


def compile_pattern(text: str) -> re.Pattern[str]:
    try:
        pattern = re.compile(text)
    except re.error as error:
        raise PatternError(
            Text(
                "core.linking",
                "The AliExpress order number pattern in Settings is not valid ({error}).",
                error=str(error),
            )
        ) from None
    if pattern.fullmatch(""):
        raise PatternError(
            Text(
                "core.linking",
                "The AliExpress order number pattern in Settings matches empty text.",
            )
        )
    return pattern


def find_ae_order_numbers(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Every order number in `text`, digits only, first occurrence first, no repeats.

    The pattern's first group is the number when it has groups (`AE-(\\d+)`), else the whole
    match.
    """
    found: dict[str, None] = {}
    for match in pattern.finditer(text):
        digits = re.sub(r"\D", "", match.group(1) if pattern.groups else match.group(0))
        if digits:
            found.setdefault(digits, None)
    return list(found)


def scan(customer_order_id: int, texts: Mapping[str, str], pattern: re.Pattern[str]) -> list[Found]:
    """The numbers in one order's texts (by name: note, note_attributes, tags), each once."""
    result: dict[str, Found] = {}
    for found_in, text in texts.items():
        for number in find_ae_order_numbers(text or "", pattern):
            result.setdefault(number, Found(customer_order_id, number, found_in))
    return list(result.values())


def link_orders(
    session: Session,
    customer_order_ids: Iterable[int],
    *,
    note_attributes: Mapping[int, str] | None = None,
    by: str = "sync",
) -> LinkResult:
    """Create or link the supplier orders named in these customer orders' note and tags.

    The ledger does not store note attributes, so a caller that has them (the Shopify sync:
    `customAttributes` as "key: value" lines) passes them per customer order id.
    """
    pattern = order_number_pattern(session)
    session.flush()
    connection = session.connection()
    ids = sorted(set(customer_order_ids))
    attributes = note_attributes or {}
    found: list[Found] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        query = select(
            _CUSTOMER_ORDERS.c.id, _CUSTOMER_ORDERS.c.note, _CUSTOMER_ORDERS.c.tags
        ).where(_CUSTOMER_ORDERS.c.id.in_(chunk))
        for order_id, note, tags in connection.execute(query):
            texts = {"note": note, "note_attributes": attributes.get(order_id, ""), "tags": tags}
            found.extend(scan(order_id, texts, pattern))
    return link_found(session, found, by=by)


def link_found(session: Session, found: Iterable[Found], *, by: str) -> LinkResult:
    """Create or link a supplier order for each number found (bulk, in the caller's transaction).

    `by` says who found them ("csv import", "sync") and goes into each link's Event.
    """
    session.flush()
    result = LinkResult()
    batch: list[Found] = []
    claimed: dict[str, int] = {}  # numbers already linked in this call -> customer order
    for item in found:
        batch.append(item)
        if len(batch) >= _CHUNK:
            result.add(_link_batch(session, batch, claimed, by))
            batch = []
    if batch:
        result.add(_link_batch(session, batch, claimed, by))
    if result.made:
        for instance in list(session.identity_map.values()):
            if isinstance(instance, SupplierOrder):
                session.expire(instance)  # Core bypassed the ORM: re-read on next access
        # What the link tells: the Shopify payment gives the new orders an estimated clock.
        ship_estimate.estimate_missing(session)
    return result


def _link_batch(
    session: Session, batch: Sequence[Found], claimed: dict[str, int], by: str
) -> LinkResult:
    # Plain DB-API statements: compiling Core statements (an IN list of 500 numbers, executemany
    # of a few hundred rows) costs more than SQLite takes to run them.
    raw = session.connection().connection.driver_connection
    assert raw is not None  # an open connection has its DB-API connection
    cursor = raw.cursor()
    result = LinkResult()
    numbers = list(dict.fromkeys(item.external_order_id for item in batch))
    existing = {
        number: (so_id, co_id)
        for number, so_id, co_id in cursor.execute(
            "SELECT external_order_id, id, customer_order_id FROM supplier_order "
            f"WHERE external_order_id IN ({', '.join('?' * len(numbers))})",
            numbers,
        )
    }
    now = datetime.now(UTC)
    stored_now = to_db(now)
    to_create: list[Found] = []
    to_link: list[tuple[int, Found]] = []
    for item in batch:
        owner = claimed.get(item.external_order_id)
        if owner is None and item.external_order_id in existing:
            owner = existing[item.external_order_id][1]
        if owner == item.customer_order_id:
            continue
        if owner is not None:
            result.conflicts.append(Conflict(item.external_order_id, item.customer_order_id, owner))
            continue
        claimed[item.external_order_id] = item.customer_order_id
        if item.external_order_id in existing:
            to_link.append((existing[item.external_order_id][0], item))
        else:
            to_create.append(item)
    events: list[tuple[Any, ...]] = []
    if to_link:
        cursor.executemany(
            "UPDATE supplier_order SET customer_order_id = ?, updated_at = ? WHERE id = ?",
            [(item.customer_order_id, stored_now, so_id) for so_id, item in to_link],
        )
        events.extend(
            _event(stored_now, so_id, item, created=False, by=by) for so_id, item in to_link
        )
        result.linked += len(to_link)
    if to_create:
        columns = [
            *_SUPPLIER_ORDER_DEFAULTS,
            "external_order_id",
            "customer_order_id",
            "updated_at",
        ]
        defaults = [*_SUPPLIER_ORDER_DEFAULTS.values()]
        rows = [
            [*defaults, item.external_order_id, item.customer_order_id, stored_now]
            for item in to_create
        ]
        # The search index is filled once for the batch, not per row.
        with search_index.deferred(cursor):
            cursor.executemany(
                f"INSERT INTO supplier_order ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})",
                rows,
            )
        created = [item.external_order_id for item in to_create]
        new_ids = {
            str(number): int(so_id)
            for number, so_id in cursor.execute(
                "SELECT external_order_id, id FROM supplier_order "
                f"WHERE external_order_id IN ({', '.join('?' * len(created))})",
                created,
            )
        }  # external_order_id is unique
        events.extend(
            _event(stored_now, new_ids[item.external_order_id], item, created=True, by=by)
            for item in to_create
        )
        result.created += len(to_create)
    if events:
        cursor.executemany(
            "INSERT INTO event (at, kind, entity, entity_id, payload) VALUES (?, ?, ?, ?, ?)",
            events,
        )
    return result


def _event(
    at: str | None, supplier_order_id: int, item: Found, *, created: bool, by: str
) -> tuple[Any, ...]:
    """An event row (at, kind, entity, entity_id, payload) for one link made."""
    # The text json.dumps(..., sort_keys=True) writes for this payload, spelled out: it is
    # written once per link, tens of thousands of times in a big import.
    payload = (
        f'{{"external_order_id": {json.dumps(item.external_order_id)}, "by": {json.dumps(by)}, '
        f'"created": {"true" if created else "false"}, '
        f'"customer_order_id": {int(item.customer_order_id)}, '
        f'"found_in": {json.dumps(item.found_in)}}}'
    )
    return (at, "ae_order_linked", "supplier_order", supplier_order_id, payload)


#: A supplier order created from a number alone: the table's Python-side defaults (plain
#: INSERTs do not get them from SQLAlchemy), its status unknown, updated now.
_SUPPLIER_ORDER_DEFAULTS: dict[str, Any] = {
    **{
        column.name: column.default.arg  # type: ignore[attr-defined]
        for column in _SUPPLIER_ORDERS.columns
        if column.default is not None and column.default.is_scalar
    },
    "order_status": UNKNOWN_STATUS,
}
