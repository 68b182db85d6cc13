"""Ledger-wide settings (JSON values in the `setting` table), with the defaults in one place.

Window geometry and UI state belong in QSettings; what describes the business (calendars,
windows, thresholds) lives here so it travels with the ledger.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from core.ledger.models import Setting

DEFAULTS: dict[str, Any] = {
    "merchant_country": "DE",
    "merchant_time_zone": "Europe/Berlin",
    "supplier_country": "CN",
    "supplier_time_zone": "Asia/Shanghai",
    "ship_window_days": 7,
    "cancel_answer_hours": 72,
    "tracking_due_days": 5,
    "refund_days_min": 3,
    "refund_days_max": 15,
    "dispute_escalate_days": 3,
    "dispute_case_team_days": 15,
    "warn_lead_hours": 48,
    "urgent_hours": 12,
    "backups_keep": 7,
    "ae_order_pattern": r"(?<!\d)(\d{16})(?!\d)",
    # The AliExpress connection (the tokens themselves live in the OS keyring).
    "aliexpress_app_key": None,
    "aliexpress_account": None,
    "aliexpress_access_expires_at": None,  # ISO 8601 UTC
    "aliexpress_refresh_expires_at": None,
    "aliexpress_last_refresh_at": None,
}


def get(session: Session, key: str) -> Any:
    """The stored value, or the default (KeyError for a key nobody declared)."""
    row = session.get(Setting, key)
    if row is not None:
        return json.loads(row.value)
    return DEFAULTS[key]


def put(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    row = session.get(Setting, key) or Setting(key=key)
    row.value = json.dumps(value)
    session.add(row)
