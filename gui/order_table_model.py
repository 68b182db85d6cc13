"""The ledger table: a model that knows the row count and reads only the pages it shows.

Nothing here sorts or filters in Python: a new query goes to SQL, and pages of rows come back
into a small LRU cache. With a million orders the model holds a few hundred rows at most.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QGuiApplication

from core.cancel.states import FINAL, LABELS, State
from core.clocks import Urgency, remaining
from core.display_text import display_text
from core.due import Thresholds
from core.order_list import SORT_COLUMNS, OrderList, OrderQuery, OrderRow
from gui.formatting import countdown_text, deadline_tooltip, local_time, status_text
from gui.palette import readable

PAGE_SIZE = 200
MAX_PAGES = 40
MAX_TEXTS = 20_000  # cached cell texts (a few screens' worth), dropped together when exceeded

Index = QModelIndex | QPersistentModelIndex

_COUNTDOWN_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
]
#: Urgency colours: light backgrounds with dark text stay readable in light and dark palettes.
_BACKGROUND = {
    Urgency.SOON: QBrush(QColor("#fff3c4")),
    Urgency.URGENT: QBrush(QColor("#ffd9b3")),
    Urgency.OVERDUE: QBrush(QColor("#f8c9c9")),
}
_FOREGROUND = {
    Urgency.CALM: QBrush(QColor("#1d6b3a")),
    Urgency.SOON: QBrush(QColor("#5c4400")),
    Urgency.URGENT: QBrush(QColor("#7a3300")),
    Urgency.OVERDUE: QBrush(QColor("#8b0000")),
}
_MUTED = QBrush(QColor("#8a8f98"))


def cancel_state_label(state: str) -> str:
    """What the wizard calls a cancellation state (in the wizard's translation context)."""
    return QCoreApplication.translate("CancelWizard", LABELS[State(state)])


def _cancelling(row: OrderRow) -> bool:
    return row.cancel_state is not None and row.cancel_state not in FINAL


def _cancel_status(row: OrderRow, role: int) -> str:
    """An order in a cancellation run shows where the run stands and its next deadline."""
    assert row.cancel_state is not None
    label = cancel_state_label(row.cancel_state)
    if role == Qt.ItemDataRole.DisplayRole:
        return label
    tip = _tr("Cancellation: {0}").format(label)
    if row.cancel_deadline is not None:
        tip += "\n" + _tr("Next deadline: {0}").format(local_time(row.cancel_deadline))
    return tip + "\n" + _tr("AliExpress status: {0}").format(status_text(row.order_status))


def _on_base(brush: QBrush) -> QBrush:
    """The brush, shaded to stay readable on the table's background (light or dark palette)."""
    base = QGuiApplication.palette().base().color()
    return QBrush(readable(brush.color(), base))


_SERVED_ROLES = frozenset({*_COUNTDOWN_ROLES, Qt.ItemDataRole.AccessibleDescriptionRole})


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderTableModel", text)


class _Countdown(NamedTuple):
    """A countdown cell as of the last tick."""

    text: str
    background: QBrush | None
    foreground: QBrush
    urgency: Urgency | None = None  # None: not awaiting shipment


class Column(IntEnum):
    """Display order: what the merchant acts on (whose order, how long left) comes first."""

    ORDER = 0
    CUSTOMER = 1
    COUNTDOWN = 2
    SHIP_BY = 3
    STATUS = 4
    SUPPLIER = 5
    AE_ORDER = 6
    PAID = 7
    TRACKING = 8


TITLES = (
    "Order",
    "Customer",
    "Time left",
    "Ship by",
    "Status",
    "Supplier",
    "AliExpress order",
    "Paid",
    "Tracking",
)
#: Columns a header click sorts, and the SQL sort each asks for.
SORT_KEYS: dict[int, str] = {Column.PAID: "paid_at", Column.SHIP_BY: "ship_by"}


#: After a time estimated from the Shopify payment (the tooltip says so): "≈" reads alike in
#: English and German.
_ESTIMATED = " ≈"

_DISPLAY: dict[int, Callable[[OrderRow], str]] = {
    Column.ORDER: lambda r: r.order_name,
    Column.CUSTOMER: lambda r: r.customer_name,
    Column.SUPPLIER: lambda r: r.supplier_name,
    Column.AE_ORDER: lambda r: r.ae_order_id,
    Column.PAID: lambda r: local_time(r.paid_at) + (_ESTIMATED if r.paid_estimated else ""),
    Column.SHIP_BY: lambda r: local_time(r.ship_by) + (_ESTIMATED if r.paid_estimated else ""),
    Column.STATUS: lambda r: status_text(r.order_status),
    Column.COUNTDOWN: lambda r: "",  # depends on the time: see OrderTableModel._countdown
    Column.TRACKING: lambda r: r.tracking_number,
}


class OrderTableModel(QAbstractTableModel):
    """Supplier orders of one OrderQuery, read lazily in pages."""

    counted = Signal(int)  # rows matching the current query, after each new query

    def __init__(
        self,
        orders: OrderList,
        thresholds: Thresholds,
        now: datetime,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._orders = orders
        self.thresholds = thresholds
        self._now = now
        self._query = OrderQuery()
        self._total = orders.count(self._query)
        self._pages: OrderedDict[int, list[OrderRow]] = OrderedDict()
        # A repaint asks for several roles of each cell, and a tick repaints the neighbouring
        # columns too: formatted values are kept until the rows (texts) or the time (countdowns)
        # change, so a tick formats each visible countdown once.
        self._texts: dict[tuple[int, int], str] = {}
        self._countdowns: dict[int, _Countdown] = {}

    @property
    def query(self) -> OrderQuery:
        return self._query

    def set_query(self, query: OrderQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._texts.clear()
        self._countdowns.clear()
        self._total = self._orders.count(query)
        self.endResetModel()
        self.counted.emit(self._total)

    def refresh(self) -> None:
        """Re-read the ledger (after an import, a sync or an edit)."""
        self.set_query(self._query)

    def row_at(self, row: int) -> OrderRow | None:
        if not 0 <= row < self._total:
            return None
        page, offset = divmod(row, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._orders.window(self._query, page * PAGE_SIZE, PAGE_SIZE, self._total)
            self._pages[page] = rows
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows[offset] if offset < len(rows) else None

    def position_of(self, order_id: int) -> int | None:
        return self._orders.position(self._query, order_id)

    def tick(self, now: datetime, first_row: int, last_row: int) -> None:
        """Move the clock; repaint the countdown cells of rows first..last (the visible) whose
        text or colour changed: most move once a minute, those a day or more away once an hour."""
        self._now = now
        shown, self._countdowns = self._countdowns, {}
        for number in range(max(first_row, 0), min(last_row + 1, self._total)):
            row = self.row_at(number)
            if row is not None and self._countdown_cell(row) != shown.get(row.id):
                index = self.index(number, Column.COUNTDOWN)
                self.dataChanged.emit(index, index, _COUNTDOWN_ROLES)

    def urgency_of(self, row: OrderRow) -> Urgency | None:
        if row.ship_by is None or not row.awaiting_shipment:
            return None
        return self.thresholds.urgency(remaining(row.ship_by, self._now))

    def _countdown(self, row: OrderRow, role: int) -> Any:
        cell = self._countdown_cell(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell.foreground
        if cell.urgency is None:  # shipped or closed: no deadline to explain
            return None
        if role == Qt.ItemDataRole.ToolTipRole and row.ship_by is not None:
            return deadline_tooltip(
                row.ship_by, row.supplier_time_zone, estimated=row.ship_by_estimated
            )
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return _tr(cell.urgency.value)
        return None

    def _countdown_cell(self, row: OrderRow) -> _Countdown:
        cell = self._countdowns.get(row.id)
        if cell is None:
            cell = self._countdowns[row.id] = self._format_countdown(row)
        return cell

    def _format_countdown(self, row: OrderRow) -> _Countdown:
        level = self.urgency_of(row)
        if level is None:
            return _Countdown(_tr("shipped") if row.shipped_at else "—", None, _on_base(_MUTED))
        assert row.ship_by is not None
        text = countdown_text(remaining(row.ship_by, self._now))
        # Pale urgency backgrounds keep their dark text; calm text sits on the table itself.
        foreground = _on_base(_FOREGROUND[level]) if level is Urgency.CALM else _FOREGROUND[level]
        return _Countdown(text, _BACKGROUND.get(level), foreground, level)

    # Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(TITLES)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(TITLES[section])
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.ToolTipRole
            and section in SORT_KEYS
        ):
            return _tr("Click to sort")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED_ROLES or not index.isValid():
            return None  # the view asks for a dozen roles per cell: answer most without work
        if index.column() == Column.COUNTDOWN:
            row = self.row_at(index.row())
            return self._countdown(row, role) if row is not None else None
        if index.column() == Column.SHIP_BY and role == Qt.ItemDataRole.ToolTipRole:
            row = self.row_at(index.row())
            if row is not None and row.ship_by is not None:
                tip = deadline_tooltip(
                    row.ship_by, row.supplier_time_zone, estimated=row.ship_by_estimated
                )
                if row.paid_estimated:
                    tip += "\n" + _tr(
                        "Estimated from the Shopify payment time: enter the real one "
                        "(Edit supplier order) to confirm it."
                    )
                return tip
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_at(index.row())
            if row is None:
                return None
            if index.column() == Column.STATUS and _cancelling(row):
                return _cancel_status(row, role)
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == Column.STATUS:
                return f"{row.order_status} / {row.logistics_status}".strip(" /")
            if role == Qt.ItemDataRole.DisplayRole:
                return self._text(index.row(), index.column(), row)
        return None

    def _text(self, row_number: int, column: int, row: OrderRow) -> str:
        key = (row_number, column)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) >= MAX_TEXTS:
                self._texts.clear()
            text = self._texts[key] = display_text(_DISPLAY[column](row))
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None or key not in SORT_COLUMNS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))
