"""Suppliers as the suppliers view shows them, and saving what a supplier's policy says.

Only the policy fields are edited here. The ship window and the calendar feed every stored
`ship_by`, so changing them belongs with the deadline recompute (core.deadlines).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from sqlmodel import col, select

from core.ledger import Ledger, journal
from core.ledger.models import Supplier
from core.ledger.types import Reason
from core.policy import SupplierPolicy, format_reasons, parse_reasons

MAX_CANCEL_HOURS = 24 * 60
MAX_REFUND_DAYS = 120


@dataclass(frozen=True)
class SupplierInfo:
    id: int
    name: str
    store_id: str
    ship_window_days: int
    cancel_answer_hours: int
    tracking_due_days: int
    holiday_country: str
    time_zone: str
    policy: SupplierPolicy
    policy_reviewed_at: datetime | None


@dataclass(frozen=True)
class PolicyEdit:
    """The policy fields of the form; `None` cancel window = the supplier states none."""

    cancel_accepted_within_hours: int | None
    returns_allowed_for: frozenset[Reason]
    refund_days_min: int
    refund_days_max: int
    has_written_policy: bool
    policy_url: str = ""


class PolicyInvalid(ValueError):
    """The form has problems; `problems` maps each field to what is wrong with it."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(" ".join(problems.values()))
        self.problems = problems


def _info(row: Supplier) -> SupplierInfo:
    assert row.id is not None
    return SupplierInfo(
        id=row.id,
        name=row.name,
        store_id=row.store_id or "",
        ship_window_days=row.ship_window_days,
        cancel_answer_hours=row.cancel_answer_hours,
        tracking_due_days=row.tracking_due_days,
        holiday_country=row.holiday_country,
        time_zone=row.time_zone,
        policy=SupplierPolicy(
            name=row.name,
            cancel_accepted_within_hours=row.cancel_accepted_within_hours,
            returns_allowed_for=parse_reasons(row.returns_allowed_for),
            refund_days_min=row.refund_days_min,
            refund_days_max=row.refund_days_max,
            has_written_policy=row.has_written_policy,
            policy_url=row.policy_url,
            supplier_id=row.id,
        ),
        policy_reviewed_at=row.policy_reviewed_at,
    )


def list_suppliers(ledger: Ledger) -> list[SupplierInfo]:
    """Every supplier, by name (a ledger has dozens, not millions)."""
    with ledger.session() as session:
        rows = session.exec(select(Supplier).order_by(col(Supplier.name), col(Supplier.id)))
        return [_info(row) for row in rows]


def check_policy(edit: PolicyEdit) -> None:
    """PolicyInvalid listing every problem of the form at once."""
    problems: dict[str, str] = {}
    hours = edit.cancel_accepted_within_hours
    if hours is not None and not 0 < hours <= MAX_CANCEL_HOURS:
        problems["cancel_accepted_within_hours"] = (
            f"The cancel window must be between 1 and {MAX_CANCEL_HOURS} hours, or left empty."
        )
    if not 0 <= edit.refund_days_min <= MAX_REFUND_DAYS:
        problems["refund_days_min"] = f"Refund days must be between 0 and {MAX_REFUND_DAYS}."
    if not 0 <= edit.refund_days_max <= MAX_REFUND_DAYS:
        problems["refund_days_max"] = f"Refund days must be between 0 and {MAX_REFUND_DAYS}."
    elif edit.refund_days_min > edit.refund_days_max:
        problems["refund_days_max"] = "The longest refund time cannot be shorter than the shortest."
    url = edit.policy_url.strip()
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems["policy_url"] = "The policy address must start with https://."
    if problems:
        raise PolicyInvalid(problems)


def save_policy(
    ledger: Ledger, supplier_id: int, edit: PolicyEdit, now: datetime | None = None
) -> SupplierInfo:
    """Store what the supplier's policy says, mark it reviewed now, and journal the change."""
    check_policy(edit)
    now = now or datetime.now(UTC)
    with ledger.session() as session:
        row = session.get(Supplier, supplier_id)
        if row is None:
            raise LookupError(f"There is no supplier {supplier_id}.")
        before = _policy_fields(row)
        row.cancel_accepted_within_hours = edit.cancel_accepted_within_hours
        row.returns_allowed_for = format_reasons(edit.returns_allowed_for)
        row.refund_days_min = edit.refund_days_min
        row.refund_days_max = edit.refund_days_max
        row.has_written_policy = edit.has_written_policy
        row.policy_url = edit.policy_url.strip() or None
        row.policy_reviewed_at = now
        after = _policy_fields(row)
        changed = {
            key: {"from": before[key], "to": after[key]}
            for key in after
            if before[key] != after[key]
        }
        session.add(row)
        journal.record(
            session, "supplier_policy_reviewed", "supplier", supplier_id, changed, at=now
        )
        session.flush()
        return _info(row)


def _policy_fields(row: Supplier) -> dict[str, object]:
    edit = PolicyEdit(
        cancel_accepted_within_hours=row.cancel_accepted_within_hours,
        returns_allowed_for=parse_reasons(row.returns_allowed_for),
        refund_days_min=row.refund_days_min,
        refund_days_max=row.refund_days_max,
        has_written_policy=row.has_written_policy,
        policy_url=row.policy_url or "",
    )
    fields = asdict(edit)
    fields["returns_allowed_for"] = format_reasons(edit.returns_allowed_for)
    return fields
