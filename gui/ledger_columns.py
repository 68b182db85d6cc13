"""The ledger table's columns: one `LedgerColumn` each, in display order, in `COLUMNS`.

The model (cells, header, sort), the window (widths) and the tick (which cells move with the
clock) all read this list, so a new column is one more object here. Like Anki's browser
columns, each says what it is called, how a row reads in it and how SQL sorts by it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush

from core.cancel.states import FINAL, STATES, State
from core.clocks import Urgency, remaining
from core.due import Thresholds
from core.order_list import OrderRow
from gui.formatting import (
    countdown_text,
    deadline_tooltip,
    local_time,
    status_text,
    status_tooltip,
)
from gui.palette import Colours


def _tr(text: str) -> str:
    """The table's words (titles, cells) are translated in the model's context."""
    return QCoreApplication.translate("OrderTableModel", text)


class Cell(NamedTuple):
    """A cell that moves with the clock, as of the last tick (compared to repaint what moved)."""

    text: str
    background: QBrush | None
    foreground: QBrush
    description: str | None = None  # for screen readers: how urgent (None: no deadline)


#: What the time-dependent cells of a column are, for a row at a time (and its thresholds).
Clocked = Callable[[OrderRow, datetime, Thresholds], Cell]


@dataclass(frozen=True, eq=False)
class LedgerColumn:
    """One column of the ledger table.

    `text` gives the cell's words (kept until the rows change); a column whose cell moves with
    the time gives `clock` instead, and the tick repaints only its cells that changed. `sort`
    is the SQL the list sorts by when its header is clicked: a column of `supplier_order AS
    so` with an index on (it, id), so a sorted window of a million orders stays a walk of the
    index. `sample` is the widest text it usually shows, to size it in the table's font.
    A `hidden` column is off until the merchant shows it (the header's context menu): what it
    holds is in the details panel and the search, and the first columns fit a 1280 px screen.
    """

    key: str
    title: str  # English; translated in the "OrderTableModel" context
    sample: Callable[[], str]
    text: Callable[[OrderRow], str] | None = None
    tooltip: Callable[[OrderRow], str | None] | None = None
    clock: Clocked | None = None
    sort: str | None = None
    align: Qt.AlignmentFlag | None = None  # None: the style's (leading edge, centred)
    hidden: bool = False


# --- how the cells read ----------------------------------------------------------------------

#: Urgency colours: light backgrounds with dark text stay readable in light and dark palettes.
BACKGROUND = {
    Urgency.SOON: Colours.SOON_FILL.brush(dark=False),
    Urgency.URGENT: Colours.URGENT_FILL.brush(dark=False),
    Urgency.OVERDUE: Colours.OVERDUE_FILL.brush(dark=False),
}
_FOREGROUND = {
    Urgency.SOON: Colours.SOON.brush(dark=False),
    Urgency.URGENT: Colours.URGENT.brush(dark=False),
    Urgency.OVERDUE: Colours.OVERDUE.brush(dark=False),
}
_LATE = datetime(2026, 12, 30, 23, 59, tzinfo=UTC)  # a date whose digits are all wide


def cancel_state_label(state: str) -> str:
    """What the wizard calls a cancellation state (in the wizard's translation context)."""
    return QCoreApplication.translate("CancelWizard", STATES[State(state)].label)


def urgency(row: OrderRow, now: datetime, thresholds: Thresholds) -> Urgency | None:
    """How close the ship window is to closing; None once it no longer matters (shipped)."""
    if row.ship_by is None or not row.awaiting_shipment:
        return None
    return thresholds.urgency(remaining(row.ship_by, now))


def _countdown(row: OrderRow, now: datetime, thresholds: Thresholds) -> Cell:
    level = urgency(row, now, thresholds)
    if level is None:
        return Cell(_tr("shipped") if row.shipped_at else "—", None, Colours.MUTED.brush())
    assert row.ship_by is not None
    text = countdown_text(remaining(row.ship_by, now))
    # Pale urgency backgrounds keep their dark text; calm text sits on the table itself.
    foreground = Colours.POSITIVE.brush() if level is Urgency.CALM else _FOREGROUND[level]
    return Cell(text, BACKGROUND.get(level), foreground, _tr(level.value))


#: Before a time estimated from the Shopify payment (the tooltip says so): "≈" reads alike in
#: English and German, and first, a narrow column's "…" never hides it.
_ESTIMATED = "≈ "


def _time_of(moment: datetime | None, row: OrderRow) -> str:
    return (_ESTIMATED if row.paid_estimated and moment else "") + local_time(moment)


def _time_sample() -> str:
    return _ESTIMATED + local_time(_LATE)


def _ship_by_tip(row: OrderRow) -> str | None:
    if row.ship_by is None:
        return None
    tip = deadline_tooltip(row.ship_by, row.supplier_time_zone, estimated=row.ship_by_estimated)
    if row.paid_estimated:
        tip += "\n" + _tr(
            "Estimated from the Shopify payment time: enter the real one "
            "(Edit supplier order) to confirm it."
        )
    return tip


def _countdown_tip(row: OrderRow) -> str | None:
    """The exact deadline behind a running countdown (none once shipped or closed)."""
    return _ship_by_tip(row) if row.awaiting_shipment else None


def _cancelling(row: OrderRow) -> bool:
    return row.cancel_state is not None and row.cancel_state not in FINAL


def _status(row: OrderRow) -> str:
    """An order in a cancellation run shows where the run stands instead of AliExpress'."""
    if _cancelling(row):
        assert row.cancel_state is not None
        return cancel_state_label(row.cancel_state)
    return status_text(row.order_status, row.end_reason)


def _status_tip(row: OrderRow) -> str:
    if not _cancelling(row):  # AliExpress' own code only where Dropdesk has no words for it
        return status_tooltip(row.order_status, row.end_reason)
    assert row.cancel_state is not None
    tip = _tr("Cancellation: {0}").format(cancel_state_label(row.cancel_state))
    if row.cancel_deadline is not None:
        tip += "\n" + _tr("Next deadline: {0}").format(local_time(row.cancel_deadline))
    status = status_text(row.order_status, row.end_reason)
    return tip + "\n" + _tr("AliExpress status: {0}").format(status)


# --- the columns, in display order: whose order and how long left come first ----------------

ORDER = LedgerColumn("order", "Order", lambda: "#100000", text=lambda r: r.order_name)
CUSTOMER = LedgerColumn(
    "customer", "Customer", lambda: "Hannah Zimmermann", text=lambda r: r.customer_name
)
COUNTDOWN = LedgerColumn(
    "countdown",
    "Time left",
    lambda: countdown_text(timedelta(days=-12, hours=-5)),
    tooltip=_countdown_tip,
    clock=_countdown,
)
SHIP_BY = LedgerColumn(
    "ship_by",
    "Ship by",
    _time_sample,
    text=lambda r: _time_of(r.ship_by, r),
    tooltip=_ship_by_tip,
    sort="so.ship_by",
)
STATUS = LedgerColumn(
    "status",
    "Status",
    lambda: status_text("IN_CANCEL"),  # a common one; longer words elide (the details say all)
    text=_status,
    tooltip=_status_tip,
)
SUPPLIER = LedgerColumn(
    "supplier", "Supplier", lambda: "Shenzhen Bright Home Store", text=lambda r: r.supplier_name
)
AE_ORDER = LedgerColumn(
    "ae_order",
    "AliExpress order",
    lambda: "8100000000000000",
    text=lambda r: r.external_order_id,
    hidden=True,
)
PAID = LedgerColumn(
    "paid",
    "Paid",
    _time_sample,
    text=lambda r: _time_of(r.paid_at, r),
    sort="so.paid_at",
    hidden=True,
)
TRACKING = LedgerColumn(
    "tracking",
    "Tracking",
    lambda: "LP00123456789012",
    text=lambda r: r.tracking_number,
    hidden=True,
)

COLUMNS: tuple[LedgerColumn, ...] = (
    ORDER,
    CUSTOMER,
    COUNTDOWN,
    SHIP_BY,
    STATUS,
    SUPPLIER,
    AE_ORDER,
    PAID,
    TRACKING,
)
#: The list's first sort (the ship window that closes first on top).
DEFAULT_SORT = SHIP_BY


def position(column: LedgerColumn) -> int:
    """Where a column stands in the table (its section and model column)."""
    return COLUMNS.index(column)
