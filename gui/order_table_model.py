"""The ledger table: a model that knows the row count and reads only the pages it shows.

Nothing here sorts or filters in Python: a new query goes to SQL, and pages of rows come back
into a small LRU cache. With a million orders the model holds a few hundred rows at most. What
each column shows, how it sorts and whether the clock moves it comes from
`gui.ledger_columns.COLUMNS`; the model knows no column by name or position.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from core.display_text import display_text
from core.due import Thresholds
from core.order_list import OrderList, OrderQuery, OrderRow
from gui.ledger_columns import COLUMNS, Cell, LedgerColumn

PAGE_SIZE = 200
MAX_PAGES = 40
MAX_TEXTS = 20_000  # cached cell texts (a few screens' worth), dropped together when exceeded

Index = QModelIndex | QPersistentModelIndex

_CLOCK_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.ToolTipRole,
]
_SERVED_ROLES = frozenset(
    {*_CLOCK_ROLES, Qt.ItemDataRole.AccessibleDescriptionRole, Qt.ItemDataRole.TextAlignmentRole}
)
#: The columns whose cells move with the clock (the tick looks at these only).
_CLOCKED = tuple(number for number, column in enumerate(COLUMNS) if column.clock is not None)


def _tr(text: str) -> str:
    return QCoreApplication.translate("OrderTableModel", text)


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
        # columns too: formatted values are kept until the rows (texts) or the time (clocked
        # cells, by row id and column) change, so a tick formats each visible countdown once.
        self._texts: dict[tuple[int, int], str] = {}
        self._cells: dict[tuple[int, int], Cell] = {}

    @property
    def query(self) -> OrderQuery:
        return self._query

    def set_query(self, query: OrderQuery) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._texts.clear()
        self._cells.clear()
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
        """Move the clock; repaint the clocked cells of rows first..last (the visible) whose
        text or colour changed: most move once a minute, those a day or more away once an hour."""
        self._now = now
        shown, self._cells = self._cells, {}
        for number in range(max(first_row, 0), min(last_row + 1, self._total)):
            row = self.row_at(number)
            if row is None:
                continue
            for column in _CLOCKED:
                if self._cell(row, column) != shown.get((row.id, column)):
                    index = self.index(number, column)
                    self.dataChanged.emit(index, index, _CLOCK_ROLES)

    def _cell(self, row: OrderRow, column: int) -> Cell:
        cell = self._cells.get((row.id, column))
        if cell is None:
            clock = COLUMNS[column].clock
            assert clock is not None
            cell = self._cells[(row.id, column)] = clock(row, self._now, self.thresholds)
        return cell

    def _clocked(self, row: OrderRow, number: int, column: LedgerColumn, role: int) -> Any:
        cell = self._cell(row, number)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            return cell.background
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell.foreground
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return cell.description
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None

    # Qt's model interface -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _tr(COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort is not None:
            return _tr("Click to sort")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _SERVED_ROLES or not index.isValid():
            return None  # the view asks for a dozen roles per cell: answer most without work
        number = index.column()
        column = COLUMNS[number]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.align
        if column.clock is not None:
            row = self.row_at(index.row())
            return self._clocked(row, number, column, role) if row is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            return self._text(index.row(), number, row, column) if row is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            row = self.row_at(index.row())
            return column.tooltip(row) if row is not None else None
        return None

    def _text(self, row_number: int, number: int, row: OrderRow, column: LedgerColumn) -> str:
        key = (row_number, number)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) >= MAX_TEXTS:
                self._texts.clear()
            words = column.text(row) if column.text is not None else ""
            text = self._texts[key] = display_text(words)
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._query.sort, self._query.descending):
            self.set_query(replace(self._query, sort=key, descending=descending))
