"""How the demo's rows go into the tables: which values a row carries, and how SQLite makes
the columns from them.

Binding a value costs Python's sqlite3 module a few hundred nanoseconds (a None several times
that), so what is the same for every row or follows from the order's id is written in the
statement instead of in the row, an absent instant travels as '' and becomes NULL there, and
one statement inserts ROWS_PER_STATEMENT rows (each executed statement has its own fixed cost).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

ROWS_PER_STATEMENT = 64
_PARAMETER = re.compile(r"\?(\d+)")

Row = tuple[Any, ...]
Rows = dict[str, list[Row]]


@dataclass(frozen=True)
class Table:
    """A table's insert: `values` are SQL expressions over the row's values ?1, ?2, …"""

    name: str
    values: dict[str, str]

    @property
    def width(self) -> int:
        """How many values a row carries."""
        return max(int(n) for text in self.values.values() for n in _PARAMETER.findall(text))

    def statement(self, rows: int) -> str:
        width = self.width
        tuples = ", ".join(
            "(" + ", ".join(_shifted(value, k * width) for value in self.values.values()) + ")"
            for k in range(rows)
        )
        return f"INSERT INTO {self.name} ({', '.join(self.values)}) VALUES {tuples}"

    def insert(self, cursor: Any, rows: Sequence[Row]) -> None:
        whole = len(rows) - len(rows) % ROWS_PER_STATEMENT
        if whole:
            cursor.executemany(
                self.statement(ROWS_PER_STATEMENT),
                (
                    tuple(chain.from_iterable(rows[at : at + ROWS_PER_STATEMENT]))
                    for at in range(0, whole, ROWS_PER_STATEMENT)
                ),
            )
        if whole < len(rows):
            cursor.executemany(self.statement(1), rows[whole:])


def _shifted(expression: str, by: int) -> str:
    """The expression with its parameters renumbered: ?1 becomes ?(1 + by)."""
    return _PARAMETER.sub(lambda match: f"?{int(match.group(1)) + by}", expression)


def _plain(name: str, *columns: str, optional: tuple[str, ...] = ()) -> Table:
    """A table whose rows carry every column's value, in this order; an `optional` column's
    '' is stored as NULL."""
    return Table(
        name,
        {
            column: f"nullif(?{n}, '')" if column in optional else f"?{n}"
            for n, column in enumerate(columns, start=1)
        },
    )


CUSTOMER_ORDER = Table(
    "customer_order",
    {
        "id": "?1",
        "shopify_gid": "'gid://shopify/Order/' || (5500000000000 + ?1)",
        "legacy_id": "5500000000000 + ?1",
        "name": "'#' || (1000 + ?1)",
        "customer_name": "?2",
        "email": "?3",
        "created_at": "?4",
        "processed_at": "?4",
        "updated_at": "?5",
        "currency": "'EUR'",
        "total_minor": "?6",
        "refunded_minor": "?7",
        "financial_status": "?8",
        "fulfillment_status": "?9",
        "cancelled_at": "nullif(?10, '')",
        "cancel_reason": "nullif(?11, '')",
        "note": "?12",
        "tags": "'dsers'",
        "source": "'demo'",
    },
)
CUSTOMER_ORDER_LINE = Table(
    "customer_order_line",
    {
        "order_id": "?1",
        "title": "?2",
        "sku": "?3",
        "quantity": "1",
        "price_minor": "?4",
        "fulfillment_status": "?5",
    },
)
SUPPLIER_ORDER = Table(
    "supplier_order",
    {
        "id": "?1",
        "external_order_id": "?2",
        "supplier_id": "?3",
        "customer_order_id": "?1",
        "paid_at": "?4",
        "ship_by": "?5",
        "order_status": "?6",
        "logistics_status": "?7",
        "tracking_number": "?8",
        "carrier": "?9",
        "cost_minor": "?10",
        "currency": "'USD'",
        "shipped_at": "nullif(?11, '')",
        "end_reason": "?12",
        "updated_at": "coalesce(nullif(?11, ''), ?4)",
    },
)
CANCELLATION = _plain(
    "cancellation",
    "id",
    "supplier_order_id",
    "customer_order_id",
    "reason",
    "fault",
    "state",
    "path",
    "created_at",
    "updated_at",
    "next_deadline",
    "supplier_requested_at",
    "supplier_answer",
    "supplier_answered_at",
    "shop_done_at",
    "abandoned_reason",
    optional=("next_deadline", "supplier_answered_at", "shop_done_at"),
)
REFUND = _plain(
    "refund",
    "cancellation_id",
    "customer_order_id",
    "supplier_order_id",
    "direction",
    "amount_minor",
    "currency",
    "reason",
    "fault",
    "state",
    "issued_at",
    "expected_from",
    "expected_until",
    "completed_at",
    "shopify_refund_gid",
    optional=(
        "customer_order_id",
        "supplier_order_id",
        "expected_from",
        "expected_until",
        "completed_at",
        "shopify_refund_gid",
    ),
)
DISPUTE = _plain(
    "dispute",
    "supplier_order_id",
    "cancellation_id",
    "opened_at",
    "escalate_after",
    "case_team_at",
    "state",
    "outcome",
    "amount_minor",
    "currency",
)
EVENT = _plain("event", "at", "kind", "entity", "entity_id", "payload")

#: In insert order (a row's references come before it).
TABLES = (CUSTOMER_ORDER, CUSTOMER_ORDER_LINE, SUPPLIER_ORDER, CANCELLATION, REFUND, DISPUTE, EVENT)
COLUMNS = {table.name: tuple(table.values) for table in TABLES}


def empty_rows() -> Rows:
    return {table.name: [] for table in TABLES}
