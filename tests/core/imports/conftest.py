"""Helpers for the import tests: the hand-made exports and a readable dump of the ledger."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from core.ledger import Ledger
from core.ledger.types import to_db

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def data() -> Path:
    return DATA


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def _as_text(value: Any) -> Any:
    return to_db(value.replace(tzinfo=UTC)) if isinstance(value, datetime) else value


def orders_in(ledger: Ledger) -> dict[str, dict[str, Any]]:
    """Every customer order by name, with its lines, as plain values."""
    with ledger.engine.connect() as connection:
        orders = connection.exec_driver_sql(
            "SELECT id, name, legacy_id, customer_name, email, created_at, currency, total_minor,"
            " refunded_minor, financial_status, fulfillment_status, cancelled_at, note, tags,"
            " source FROM customer_order ORDER BY id"
        ).mappings()
        # instants as the SQLite file spells them (a server ledger's driver returns datetimes)
        result = {row["name"]: {k: _as_text(v) for k, v in row.items()} for row in orders}
        lines = connection.exec_driver_sql(
            "SELECT order_id, title, sku, quantity, price_minor, fulfillment_status"
            " FROM customer_order_line ORDER BY id"
        ).all()
    by_id = {order["id"]: order for order in result.values()}
    for order in result.values():
        order["lines"] = []
    for order_id, *line in lines:
        by_id[order_id]["lines"].append(tuple(line))
    return result


def count(ledger: Ledger, table: str) -> int:
    with ledger.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
