"""The clocks' inputs for one cancellation: the supplier's own terms, or the ledger settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from core import settings
from core.ledger.models import Supplier, SupplierOrder


@dataclass(frozen=True)
class Terms:
    answer_hours: int  # an unanswered cancel request resolves by itself after this
    tracking_days: int  # working days the supplier gets to send a tracking number
    supplier_country: str
    supplier_tz: str
    refund_days_min: int  # working days (merchant calendar) until the supplier's refund arrives
    refund_days_max: int
    merchant_country: str
    merchant_tz: str
    dispute_escalate_days: int
    dispute_case_team_days: int


def terms_for(session: Session, supplier_order: SupplierOrder | None) -> Terms:
    supplier = (
        session.get(Supplier, supplier_order.supplier_id)
        if supplier_order is not None and supplier_order.supplier_id is not None
        else None
    )

    def setting(key: str) -> Any:
        return settings.get(session, key)

    if supplier is not None:
        answer_hours = supplier.cancel_answer_hours
        tracking_days = supplier.tracking_due_days
        country, tz = supplier.holiday_country, supplier.time_zone
        refund_min, refund_max = supplier.refund_days_min, supplier.refund_days_max
    else:
        answer_hours = int(setting("cancel_answer_hours"))
        tracking_days = int(setting("tracking_due_days"))
        country, tz = str(setting("supplier_country")), str(setting("supplier_time_zone"))
        refund_min = int(setting("refund_days_min"))
        refund_max = int(setting("refund_days_max"))
    return Terms(
        answer_hours=answer_hours,
        tracking_days=tracking_days,
        supplier_country=country,
        supplier_tz=tz,
        refund_days_min=refund_min,
        refund_days_max=refund_max,
        merchant_country=str(setting("merchant_country")),
        merchant_tz=str(setting("merchant_time_zone")),
        dispute_escalate_days=int(setting("dispute_escalate_days")),
        dispute_case_team_days=int(setting("dispute_case_team_days")),
    )
