"""Ledgers at any schema revision, with orders in them, for the upgrade trials."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, inspect

from core.ledger import migrate
from core.ledger.engine import make_engine

# Columns every revision has had since the first (later migrations add, never drop, these).
_ORDER = (
    "INSERT INTO customer_order (id, name, customer_name, email, currency, total_minor, "
    "refunded_minor, financial_status, fulfillment_status, note, tags, source) VALUES "
    "(?, ?, 'Ada', 'a@example.com', 'EUR', 1999, 0, 'paid', 'unfulfilled', '', '', 'manual')"
)
_SUPPLIER_ORDER = (
    "INSERT INTO supplier_order (id, {order_id}, customer_order_id, order_status, "
    "logistics_status, tracking_number, carrier, cost_minor, currency, end_reason) VALUES "
    "(?, ?, ?, 'WAIT_SELLER_SEND_GOODS', '', '', '', 700, 'USD', '')"
)


def order_id_column(connection: Connection) -> str:
    """The supplier order id's column at the connection's revision (renamed by migration
    external_order_id: ae_order_id, then external_order_id)."""
    names = {column["name"] for column in inspect(connection).get_columns("supplier_order")}
    return "external_order_id" if "external_order_id" in names else "ae_order_id"


def ledger_at(path: Path, revision: str, orders: int) -> list[str]:
    """Make the ledger at `path` at `revision` holding `orders` orders (each with one
    AliExpress order); returns their names."""
    engine = make_engine(path, schema_changes=True)
    migrate.upgrade(engine, path, target=revision)
    names = [f"#{1000 + n}" for n in range(1, orders + 1)]
    with engine.begin() as connection:
        connection.exec_driver_sql(_ORDER, [(n, name) for n, name in enumerate(names, 1)])
        connection.exec_driver_sql(
            _SUPPLIER_ORDER.format(order_id=order_id_column(connection)),
            [(n, f"81{n:014d}", n) for n in range(1, orders + 1)],
        )
    engine.dispose()
    return names
