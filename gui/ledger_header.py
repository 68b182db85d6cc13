"""The ledger table's header: each column as wide as its sample text or its title (in the
window's language, whichever is wider), the columns the merchant chose to see (the defaults fit
a 1280x720 laptop beside the details panel), and the header's context menu to choose them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from gui.ledger_columns import COLUMNS
from gui.ui_settings import ui_settings

SETTING = "main/shown_columns"  # the keys of the shown columns, comma-separated
PADDING = 20  # the cell's margins
SORT_ARROW = 16  # the sort indicator beside a title


def default_keys() -> list[str]:
    return [column.key for column in COLUMNS if not column.hidden]


def shown_keys() -> list[str]:
    """The merchant's choice, or the defaults (also for a saved choice that names nothing)."""
    saved = ui_settings().value(SETTING)
    known = {column.key for column in COLUMNS}
    chosen = [key for key in str(saved or "").split(",") if key in known]
    return chosen or default_keys()


def set_up(table: QTableView) -> None:
    """Widths, shown columns and the context menu of a table whose model shows COLUMNS."""
    header = table.horizontalHeader()
    cells, titles = table.fontMetrics(), header.fontMetrics()
    model = table.model()
    shown = set(shown_keys())
    for number, column in enumerate(COLUMNS):
        title = str(model.headerData(number, Qt.Orientation.Horizontal) or "")
        width = max(
            cells.horizontalAdvance(column.sample()),
            titles.horizontalAdvance(title) + SORT_ARROW,
        )
        header.resizeSection(number, width + PADDING)
        header.setSectionHidden(number, column.key not in shown)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(
        lambda position: column_menu(table).exec(header.mapToGlobal(position))
    )


def column_menu(table: QTableView) -> QMenu:
    """One checkable entry per column; the last shown one cannot be switched off."""
    header = table.horizontalHeader()
    menu = QMenu(table)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    actions: list[QAction] = []

    def keep_one() -> None:
        checked = [action for action in actions if action.isChecked()]
        for action in actions:
            action.setEnabled(checked != [action])

    for number, _column in enumerate(COLUMNS):
        title = str(table.model().headerData(number, Qt.Orientation.Horizontal) or "")
        action = QAction(title, menu)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(number))
        action.toggled.connect(lambda on, n=number: show_column(header, n, on))
        action.toggled.connect(keep_one)
        menu.addAction(action)
        actions.append(action)
    keep_one()
    return menu


def show_column(header: QHeaderView, number: int, shown: bool) -> None:
    """Show or hide a column at the merchant's request, and remember the choice."""
    header.setSectionHidden(number, not shown)
    keys = [c.key for n, c in enumerate(COLUMNS) if not header.isSectionHidden(n)]
    settings = ui_settings()
    settings.setValue(SETTING, ",".join(keys))
    settings.sync()
