"""Ledger-wide settings (JSON values in the `setting` table), with the defaults in one place.

Window geometry and UI state belong in QSettings; what describes the business (calendars,
windows, thresholds) lives here so it travels with the ledger.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection
    from sqlmodel import Session

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
    # AliExpress purchase protection (core.protection): the promised delivery time in days
    # when an order states none, per supplier id where the supplier's differs, and how long
    # before the dispute window closes the `protection` deadline falls.
    "protection_days": 60,
    "supplier_protection_days": {},
    "protection_lead_days": 5,
    # "Order from the supplier within N hours of the customer's payment": the `buy` clock.
    "buy_within_hours": 24,
    "warn_lead_hours": 48,
    "urgent_hours": 12,
    "backups_keep": 7,
    # A server ledger: whether the app said that its backups are the server's job (said once;
    # core.ledger.server_backup).
    "server_backup_advised": False,
    # What the stored deadlines were computed from (core.calendar_days.fingerprint).
    "calendar_fingerprint": None,
    "ae_order_pattern": r"(?<!\d)(\d{16})(?!\d)",
    # The AliExpress connection (the tokens themselves live in the OS keyring).
    "aliexpress_app_key": None,
    "aliexpress_account": None,
    "aliexpress_access_expires_at": None,  # ISO 8601 UTC
    "aliexpress_refresh_expires_at": None,
    "aliexpress_refresh_issued_at": None,  # scales the "reconnect soon" warning
    "aliexpress_last_refresh_at": None,
    # The refund review (core.rates): its currency (None = the shop's) and rates set by hand,
    # {"USD/EUR": "0.92"}: 1 USD = 0.92 EUR on every day, instead of the ECB's rate of the day.
    "reporting_currency": None,
    "manual_rates": {},
    # The merchant's last "cancel everywhere" decision per reason (core.cancel.decision):
    # {reason: {shop_action, refund_method, restock, notify_customer, fault, ...}}.
    "cancel_decisions": {},
    # The language the merchant last chose for a shop's chargeback evidence packs, by shop id
    # (core.chargebacks.pack_language); English until then.
    "evidence_pack_languages": {},
}


def get(session: Session, key: str) -> Any:
    """The stored value, or the default (KeyError for a key nobody declared)."""
    found = session.connection().exec_driver_sql(_SELECT, (key,)).first()
    return _value(key, found)


def fetch(connection: Connection, key: str) -> Any:
    """get() through a SQLAlchemy Connection (bulk and read-only paths hold one)."""
    return _value(key, connection.exec_driver_sql(_SELECT, (key,)).first())


def read(reader: sqlite3.Connection, key: str) -> Any:
    """get() through a plain DB-API connection (the window reads before SQLAlchemy loads)."""
    return _value(key, reader.execute(_SELECT, (key,)).fetchone())


def put(session: Session, key: str, value: Any) -> None:
    if key not in DEFAULTS:
        raise KeyError(f"unknown setting {key!r}")
    session.connection().exec_driver_sql(
        "INSERT INTO setting (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )


_SELECT = "SELECT value FROM setting WHERE key = ?"


def _value(key: str, found: Any) -> Any:
    return json.loads(found[0]) if found is not None else DEFAULTS[key]
