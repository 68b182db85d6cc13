"""The shop's Shopify Payments disputes in the ledger: synced, listed, and their deadlines.

A sync reads every dispute (a shop has tens, not thousands) and keeps one `chargeback` row per
dispute, matched on Shopify's id: a re-sync updates the row and journals what changed, never
adds a second one. Each page is one transaction (its rows and their journal events together).
The evidence deadline is Shopify's `evidenceDueBy`; it is a deadline only while the dispute
needs a response and no evidence was sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from core.chargebacks import words
from core.deadline_entries import Deadline, Kind
from core.display_text import display_text
from core.ledger.types import from_db
from core.texts import Text

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

    from core.ledger import Ledger
    from core.shopify.client import ShopifyClient
    from core.shopify.disputes import ShopDispute

log = logging.getLogger(__name__)

ENTITY = "chargeback"
EVENT_OPENED = "chargeback.opened"
EVENT_CHANGED = "chargeback.changed"
EVENT_SYNC = "shopify_disputes_sync"
#: Statuses in which the bank waits for the merchant's evidence.
OPEN_STATUSES = ("NEEDS_RESPONSE",)
#: Statuses that are over (won, lost, accepted, ...); the rest is still under way.
FINAL_STATUSES = ("WON", "LOST", "ACCEPTED", "PREVENTED", "CHARGE_REFUNDED")
#: The columns a sync compares and journals when they change.
SYNCED = (
    "status",
    "kind",
    "reason",
    "network_reason_code",
    "amount_minor",
    "currency",
    "evidence_due_by",
    "evidence_sent_on",
    "initiated_at",
    "finalized_on",
    "order_gid",
    "order_name",
    "customer_order_id",
)


@dataclass(frozen=True)
class ChargebackRow:
    """One chargeback as the view, the evidence pack and `due` see it."""

    id: int
    shop_id: int | None
    shopify_gid: str
    customer_order_id: int | None
    order_name: str
    kind: str
    reason: str
    network_reason_code: str
    amount_minor: int
    currency: str
    status: str
    evidence_due_by: datetime | None
    evidence_sent_on: datetime | None
    initiated_at: datetime | None
    finalized_on: datetime | None
    evidence_saved_at: datetime | None
    updated_at: datetime | None

    @property
    def needs_response(self) -> bool:
        """The bank waits for evidence (and none was sent yet)."""
        return self.status in OPEN_STATUSES and self.evidence_sent_on is None

    @property
    def reason_text(self) -> Text:
        return words.reason_text(self.reason)

    @property
    def status_text(self) -> Text:
        return words.status_text(self.status)

    @property
    def kind_text(self) -> Text:
        return words.kind_text(self.kind)


@dataclass
class ChargebackSync:
    """What a sync did."""

    pages: int = 0
    seen: int = 0
    created: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)


_COLUMNS = (
    "c.id, c.shop_id, c.shopify_gid, c.customer_order_id, coalesce(co.name, c.order_name), "
    "c.kind, c.reason, c.network_reason_code, c.amount_minor, c.currency, c.status, "
    "c.evidence_due_by, c.evidence_sent_on, c.initiated_at, c.finalized_on, "
    "c.evidence_saved_at, c.updated_at"
)
_FROM = " FROM chargeback AS c LEFT JOIN customer_order AS co ON co.id = c.customer_order_id"


def _row(raw: Sequence[Any]) -> ChargebackRow:
    return ChargebackRow(
        id=int(raw[0]),
        shop_id=raw[1],
        shopify_gid=str(raw[2]),
        customer_order_id=raw[3],
        order_name=display_text(str(raw[4] or "")),
        kind=str(raw[5]),
        reason=str(raw[6]),
        network_reason_code=display_text(str(raw[7] or "")),
        amount_minor=int(raw[8]),
        currency=str(raw[9]),
        status=str(raw[10]),
        evidence_due_by=from_db(raw[11]),
        evidence_sent_on=from_db(raw[12]),
        initiated_at=from_db(raw[13]),
        finalized_on=from_db(raw[14]),
        evidence_saved_at=from_db(raw[15]),
        updated_at=from_db(raw[16]),
    )


def _connection(db: Session | Connection) -> Connection:
    from sqlalchemy import Connection

    return db if isinstance(db, Connection) else db.connection()


def list_chargebacks(ledger: Ledger, *, include_closed: bool = True) -> list[ChargebackRow]:
    """Every chargeback: those that need evidence first (soonest deadline first), then the
    ones under review, then the finished ones (newest first)."""
    sql = f"SELECT {_COLUMNS}{_FROM}"
    if not include_closed:
        sql += f" WHERE c.status NOT IN ({', '.join('?' * len(FINAL_STATUSES))})"
    with ledger.engine.connect() as connection:
        params = () if include_closed else FINAL_STATUSES
        rows = [_row(raw) for raw in connection.exec_driver_sql(sql, params)]
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(
        rows,
        key=lambda r: (
            0 if r.needs_response else 2 if r.status in FINAL_STATUSES else 1,
            r.evidence_due_by or far if r.needs_response else far,
            -(r.initiated_at.timestamp() if r.initiated_at else 0),
            r.id,
        ),
    )


def get_chargeback(ledger: Ledger, chargeback_id: int) -> ChargebackRow | None:
    with ledger.engine.connect() as connection:
        raw = connection.exec_driver_sql(
            f"SELECT {_COLUMNS}{_FROM} WHERE c.id = ?", (chargeback_id,)
        ).first()
    return None if raw is None else _row(raw)


def chargeback_deadlines(db: Session | Connection, now: datetime) -> list[Deadline]:
    """The evidence deadline of every chargeback that needs a response, soonest first (the
    status index keeps this to the open ones)."""
    sql = (
        f"SELECT c.id, coalesce(co.name, c.order_name), c.customer_order_id, c.evidence_due_by"
        f"{_FROM} WHERE c.status IN ({', '.join('?' * len(OPEN_STATUSES))})"
        " AND c.evidence_due_by IS NOT NULL AND c.evidence_sent_on IS NULL"
        " ORDER BY c.evidence_due_by, c.id"
    )
    found = []
    for raw in _connection(db).exec_driver_sql(sql, OPEN_STATUSES):
        deadline = from_db(raw[3])
        assert deadline is not None  # the WHERE clause says so
        found.append(
            Deadline.at(
                Kind.CHARGEBACK,
                deadline,
                now,
                display_text(str(raw[1] or "")),
                customer_order_id=raw[2],
                chargeback_id=int(raw[0]),
            )
        )
    return found


# -- sync -------------------------------------------------------------------------------------


def sync_chargebacks(
    ledger: Ledger,
    client: ShopifyClient,
    shop_id: int,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ChargebackSync:
    """Read every dispute of the shop into the ledger; journals the run (and its error)."""
    from core.shopify.disputes import iter_dispute_pages

    tally = ChargebackSync()
    error: BaseException | None = None
    try:
        for page in iter_dispute_pages(client):
            tally.pages += 1
            tally.seen += len(page.disputes)
            save_disputes(ledger, shop_id, page.disputes, now(), tally)
    except BaseException as failure:
        error = failure
        raise
    finally:
        _journal_run(ledger, shop_id, tally, error)
    return tally


def save_disputes(
    ledger: Ledger,
    shop_id: int,
    disputes: Sequence[ShopDispute],
    at: datetime,
    tally: ChargebackSync | None = None,
) -> ChargebackSync:
    """Insert or update these disputes in one transaction, journalling each change."""
    from sqlmodel import col, select

    from core.ledger import journal
    from core.ledger.models import Chargeback, CustomerOrder

    tally = tally if tally is not None else ChargebackSync()
    if not disputes:
        return tally
    with ledger.session() as session:
        gids = [d.gid for d in disputes]
        existing = {
            row.shopify_gid: row
            for row in session.exec(select(Chargeback).where(col(Chargeback.shopify_gid).in_(gids)))
        }
        order_gids = [d.order_gid for d in disputes if d.order_gid]
        orders = {
            str(gid): ident
            for ident, gid in session.exec(
                select(CustomerOrder.id, CustomerOrder.shopify_gid).where(
                    col(CustomerOrder.shopify_gid).in_(order_gids)
                )
            )
        }
        for dispute in disputes:
            values: dict[str, Any] = {
                "status": dispute.status,
                "kind": dispute.kind,
                "reason": dispute.reason,
                "network_reason_code": dispute.network_reason_code,
                "amount_minor": dispute.amount.minor,
                "currency": dispute.amount.currency,
                "evidence_due_by": dispute.evidence_due_by,
                "evidence_sent_on": dispute.evidence_sent_on,
                "initiated_at": dispute.initiated_at,
                "finalized_on": dispute.finalized_on,
                "order_gid": dispute.order_gid,
                "order_name": dispute.order_name,
                "customer_order_id": orders.get(dispute.order_gid or ""),
            }
            row = existing.get(dispute.gid)
            if row is None:
                row = Chargeback(shop_id=shop_id, shopify_gid=dispute.gid, updated_at=at, **values)
                session.add(row)
                session.flush()
                assert row.id is not None
                journal.record(
                    session,
                    EVENT_OPENED,
                    ENTITY,
                    row.id,
                    {"dispute": dispute.gid, **_plain(values)},
                    at=at,
                )
                tally.created.append(row.id)
                continue
            if values["customer_order_id"] is None:  # a link made earlier stays
                values["customer_order_id"] = row.customer_order_id
            changes = {
                name: {"from": _plain_value(getattr(row, name)), "to": _plain_value(value)}
                for name, value in values.items()
                if getattr(row, name) != value
            }
            if not changes:
                continue
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = at
            session.add(row)
            assert row.id is not None
            journal.record(session, EVENT_CHANGED, ENTITY, row.id, {"changes": changes}, at=at)
            tally.changed.append(row.id)
    return tally


def _plain_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    return {name: _plain_value(value) for name, value in values.items()}


def _journal_run(
    ledger: Ledger, shop_id: int, tally: ChargebackSync, error: BaseException | None
) -> None:
    from core.ledger import journal

    payload: dict[str, Any] = {
        "outcome": "failed" if error is not None else "done",
        "pages": tally.pages,
        "disputes": tally.seen,
        "created": len(tally.created),
        "changed": len(tally.changed),
    }
    if error is not None:
        payload["error"] = f"{type(error).__name__}: {error}"
        text = getattr(error, "text", None)
        if isinstance(text, Text):
            payload["message"] = text.stored()
    try:
        with ledger.session() as session:
            journal.record(session, EVENT_SYNC, "shop", shop_id, payload)
    except Exception:  # the journal must not hide the sync's own error
        log.exception("could not journal the dispute sync of shop %s", shop_id)
