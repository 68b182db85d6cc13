"""The main window: the ledger table, a search box, the details panel and the status bar.

It opens in two steps so that the merchant sees their orders at once: the first frame needs only
the table and what it reads through the ledger's plain SQLite reader; the services that load
SQLAlchemy, httpx and the keyring (connections, the cancel workflow, imports, the deadline tray)
are attached right after (attach_services), and the screens behind menus import on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelection, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QSplitter,
    QTableView,
    QToolBar,
    QWidget,
)

from core import due
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.order_list import OrderList, OrderQuery, OrderRow
from gui.formatting import countdown_text, local_time
from gui.i18n import language_menu
from gui.order_details_panel import OrderDetailsPanel
from gui.order_table_model import Column, OrderTableModel, cancel_state_label
from gui.ui_settings import ui_settings

if TYPE_CHECKING:
    from core.connections import Connections
    from gui.calendar_recompute import CalendarRecompute
    from gui.cancel_wizard.launcher import CancelLauncher
    from gui.deadline_tray import DeadlineTray
    from gui.import_csv import CsvImportFlow
    from gui.review_view import ReviewView
    from gui.suppliers_view import SuppliersView
    from gui.sync_actions import ConnectionMenu


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class ViewFilter:
    """One choice of the "Show" box: which statuses, and which part of the ship windows."""

    label: str
    statuses: tuple[str, ...] = ()
    window: str = ""  # "soon": closing within the chosen hours; "overdue": already closed

    def query(self, base: OrderQuery, now: datetime, hours: int) -> OrderQuery:
        until = {"soon": now + timedelta(hours=hours), "overdue": now}.get(self.window)
        start = now if self.window == "soon" else None
        return replace(base, statuses=self.statuses, ship_by_from=start, ship_by_until=until)


FILTERS = (
    ViewFilter("Awaiting shipment", AWAITING_SHIPMENT_STATUSES),
    ViewFilter("Closing soon", AWAITING_SHIPMENT_STATUSES, window="soon"),
    ViewFilter("Overdue", AWAITING_SHIPMENT_STATUSES, window="overdue"),
    ViewFilter("Cancel requested", ("IN_CANCEL",)),
    ViewFilter("Shipped", ("SELLER_PART_SEND_GOODS", "WAIT_BUYER_ACCEPT_GOODS")),
    ViewFilter("Finished", ("FINISH",)),
    ViewFilter("All orders"),
)
ALL_ORDERS = len(FILTERS) - 1
TICK_MS = 10_000  # the countdowns show minutes: a few repaints a minute keep them exact


def utc_now() -> datetime:
    return datetime.now(UTC)


def column_samples() -> dict[int, str]:
    """The widest text each column usually shows, to size it in the table's font."""
    late = datetime(2026, 12, 30, 23, 59, tzinfo=UTC)
    return {
        Column.ORDER: "#100000",
        Column.CUSTOMER: "Hannah Zimmermann",
        Column.SUPPLIER: "Shenzhen Bright Home Store",
        Column.AE_ORDER: "8100000000000000",
        Column.PAID: local_time(late),
        Column.SHIP_BY: local_time(late),
        Column.COUNTDOWN: countdown_text(timedelta(days=-12, hours=-5)),
        Column.STATUS: cancel_state_label(State.SUPPLIER_CANCEL_REQUESTED),
    }


class MainWindow(QMainWindow):
    open_ledger_requested = Signal()
    first_frame_shown = Signal()  # the start attaches the services after it

    def __init__(
        self,
        ledger: Ledger,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
        *,
        connections: Connections | None = None,
        defer_services: bool = False,
    ) -> None:
        """With `defer_services` the caller shows the window first and calls attach_services()
        once it is on screen (the app's start); otherwise the window is complete at once."""
        super().__init__(parent)
        self.ledger = ledger
        self.clock = clock
        self.setWindowTitle(f"Dropdesk — {ledger.path.name}")
        self.orders = OrderList(ledger.reader)
        limits = due.thresholds(ledger.reader)
        self._soon_hours = limits.soon_hours
        now = clock()
        self.model = OrderTableModel(self.orders, limits, now, self)
        self.model.set_query(FILTERS[0].query(OrderQuery(), now, int(limits.soon_hours)))

        self.table = QTableView()
        self.table.setObjectName("ledgerTable")
        self.table.setAccessibleName(_tr("Supplier orders"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.SHIP_BY, Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        for column, sample in column_samples().items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 20)

        self.details = OrderDetailsPanel(ledger)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 360])
        self.splitter = splitter
        self.setCentralWidget(splitter)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            _tr("Search order, customer, AliExpress order or tracking number (Ctrl+F)")
        )
        self.search.setAccessibleName(_tr("Search"))
        self.search.setMinimumWidth(420)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_tr("Which orders to show"))
        for choice in FILTERS:
            self.status_filter.addItem(_tr(choice.label))
        self.within_hours = QSpinBox()
        self.within_hours.setAccessibleName(_tr("Closing within hours"))
        self.within_hours.setRange(1, 24 * 14)
        self.within_hours.setValue(int(limits.soon_hours))
        self.within_hours.setPrefix(_tr("within "))
        self.within_hours.setSuffix(_tr(" h"))
        toolbar = QToolBar(_tr("Ledger"))
        toolbar.setObjectName("ledgerToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(_tr("Show:") + " "))
        toolbar.addWidget(self.status_filter)
        self._within_action = toolbar.addWidget(self.within_hours)
        self._within_action.setVisible(False)
        self.addToolBar(toolbar)

        self.count_label = QLabel()
        self.path_label = QLabel(str(ledger.path))
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.path_label)

        self._search_delay = QTimer(self, singleShot=True, interval=200)
        self._search_delay.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_delay.start)
        self.search.returnPressed.connect(self.apply_filters)
        self.status_filter.currentIndexChanged.connect(self.apply_filters)
        self.within_hours.valueChanged.connect(self.apply_filters)
        self.model.counted.connect(self._show_counts)
        self.model.modelReset.connect(lambda: self.details.show_order(None))
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._order_menu)
        self._review: ReviewView | None = None
        self._suppliers: SuppliersView | None = None
        self._chargebacks: QWidget | None = None
        self.calendar_recompute: CalendarRecompute | None = None
        self.table.doubleClicked.connect(lambda index: self.edit_supplier_order(index.row()))
        self.connections = connections
        self.connection_menu: ConnectionMenu | None = None
        self.cancels: CancelLauncher  # these three arrive with attach_services()
        self.csv_import: CsvImportFlow
        self.tray: DeadlineTray | None = None
        self._build_menus()
        self.total_orders = self.orders.count(OrderQuery())
        self._show_counts(self.model.rowCount())
        self.model.row_at(0)  # the first page now: a damaged ledger says so before it shows

        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self._restore_state()
        self._painted = False
        if not defer_services:
            self.attach_services(connections)

    def attach_services(self, connections: Connections | None) -> None:
        """Connections, cancellations, imports and the tray: what the first frame can wait for.
        Their menu entries stay disabled until then."""
        from gui.calendar_recompute import CalendarRecompute
        from gui.cancel_ports import manual_opener, workflow_opener
        from gui.cancel_wizard.launcher import CancelLauncher
        from gui.deadline_tray import DeadlineTray
        from gui.drop_import import install_csv_drop
        from gui.import_csv import CsvImportFlow
        from gui.sync_actions import ConnectionMenu

        self.connections = connections
        if connections is not None:
            self.connection_menu = ConnectionMenu(connections, self)
            self.statusBar().insertPermanentWidget(1, self.connection_menu.label)  # before the path
            self.connection_menu.ended.connect(self.refresh)
            self._connect_menu.addActions(self.connection_menu.actions)
            self._connect_menu.setEnabled(True)
        else:  # a window without connections (the self-test, screenshots)
            self._connect_menu.menuAction().setVisible(False)
        opener = workflow_opener(connections) if connections else manual_opener(self.ledger)
        self.cancels = CancelLauncher(self.ledger, opener, self)
        self.cancels.changed.connect(self.refresh)
        self.cancels.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        if self.connection_menu is not None:  # AliExpress news may move cancellations on
            self.connection_menu.ended.connect(lambda: self.cancels.apply_status_sync(None))
        self.csv_import = CsvImportFlow(
            self.ledger, self, on_imported=lambda _summary: self.refresh()
        )
        install_csv_drop(self, self.csv_import.start)
        self.calendar_recompute = CalendarRecompute(self.ledger, self)
        self.calendar_recompute.moved.connect(lambda moved: self.refresh() if moved else None)
        self.calendar_recompute.message.connect(
            lambda text: self.statusBar().showMessage(text, 10_000)
        )
        self.tray = DeadlineTray(self.ledger, self._soon_hours, self.clock(), self)
        self.tray.order_clicked.connect(self._reveal)
        for deferred in self._service_actions:
            deferred.setEnabled(True)

    def _build_menus(self) -> None:
        self._service_actions: list[QAction] = []

        def action(text: str, shortcut: str, slot: object, *, service: bool = False) -> QAction:
            made = QAction(_tr(text), self)
            made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            if service:  # enabled by attach_services()
                made.setEnabled(False)
                self._service_actions.append(made)
            return made

        file_menu = self.menuBar().addMenu(_tr("&File"))
        file_menu.addAction(action("&Open ledger…", "Ctrl+O", self.open_ledger_requested.emit))
        file_menu.addSeparator()
        file_menu.addAction(
            action(
                "&Import Shopify orders…",
                "Ctrl+I",
                lambda: self.csv_import.choose_file(),
                service=True,
            )
        )
        file_menu.addAction(action("&Add supplier order…", "Ctrl+N", self.add_supplier_order))
        file_menu.addSeparator()
        file_menu.addAction(action("&Quit", "Ctrl+Q", self.close))
        view_menu = self.menuBar().addMenu(_tr("&View"))
        view_menu.addAction(action("&Search", "Ctrl+F", self.focus_search))
        view_menu.addAction(action("&Refresh", "F5", self.refresh))
        view_menu.addSeparator()
        view_menu.addMenu(language_menu(self))
        self._connect_menu = self.menuBar().addMenu(_tr("&Connect"))
        self._connect_menu.setEnabled(False)  # filled when the connections attach
        order_menu = self.menuBar().addMenu(_tr("&Order"))
        self.cancel_action = action(
            "&Cancel everywhere…", "Ctrl+Shift+C", self.cancel_selected, service=True
        )
        self.edit_action = action("&Edit supplier order…", "Ctrl+Return", self.edit_selected)
        order_menu.addAction(self.cancel_action)
        order_menu.addAction(self.edit_action)
        order_menu.addSeparator()
        order_menu.addAction(
            action(
                "Cance&llations…",
                "Ctrl+Shift+L",
                lambda: self.cancels.show_cancellations(),
                service=True,
            )
        )
        from gui.chargeback_ports import MENU, SHORTCUT
        from gui.i18n import current_language

        chargebacks = QAction(MENU.get(current_language()), self)  # its words come with it
        chargebacks.setShortcut(QKeySequence(SHORTCUT))
        chargebacks.triggered.connect(self.show_chargebacks)
        chargebacks.setEnabled(False)  # enabled by attach_services()
        self._service_actions.append(chargebacks)
        order_menu.addAction(chargebacks)
        review_menu = self.menuBar().addMenu(_tr("&Review"))
        review_menu.addAction(action("Refund &review…", "Ctrl+E", lambda: self.show_review()))
        review_menu.addAction(action("&Suppliers…", "Ctrl+Shift+S", self.show_suppliers))
        review_menu.addAction(action("Refund &policy…", "Ctrl+Shift+P", self.show_policy))
        help_menu = self.menuBar().addMenu(_tr("&Help"))
        help_menu.addAction(action("&About Dropdesk", "F1", self.show_about))
        help_menu.addAction(action("Open &logs folder", "", self.open_logs_folder))
        help_menu.addAction(action("Save &diagnostics…", "", self.save_diagnostics))

    def show_about(self) -> None:
        from gui.about_dialog import show_about

        show_about(self, self.ledger.path)

    def open_logs_folder(self) -> None:
        from gui.diagnostics import open_logs_folder

        open_logs_folder()

    def save_diagnostics(self) -> None:
        from gui.diagnostics import DiagnosticsSaver

        DiagnosticsSaver(self.ledger.path, self).choose_and_save(self)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filters(self) -> None:
        """Query the ledger for what the search box and the "Show" box ask; time-based choices
        are taken as of now (the countdowns keep running; F5 asks again)."""
        self._search_delay.stop()
        choice = FILTERS[max(0, self.status_filter.currentIndex())]
        self._within_action.setVisible(choice.window == "soon")
        base = replace(self.model.query, search=self.search.text())
        query = choice.query(base, self.clock(), self.within_hours.value())
        if query != self.model.query:
            self.model.set_query(query)

    def tick(self) -> None:
        """Advance every countdown: repaint the visible rows' countdown cells, update the tray."""
        now = self.clock()
        first = self.table.rowAt(0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if first >= 0:
            self.model.tick(now, first, last if last >= 0 else self.model.rowCount() - 1)
        if self.tray is not None:
            self.tray.update(now)

    def refresh(self) -> None:
        """Re-read the ledger (F5): counts, the list as of now, the tray; the selected order
        stays selected while the list still shows it."""
        selected = self.selected_order()
        self.total_orders = self.orders.count(OrderQuery())
        before = self.model.query
        self.apply_filters()
        if self.model.query == before:
            self.model.refresh()
        if self.tray is not None:
            self.tray.update(self.clock(), ledger_changed=True)
        row = self.model.position_of(selected.id) if selected is not None else None
        if row is not None:
            self.table.selectRow(row)

    def select_order(self, supplier_order_id: int) -> bool:
        """Select and show an order (clearing filters that hide it); False if it is gone."""
        row = self.model.position_of(supplier_order_id)
        if row is None:
            self.search.clear()
            self.status_filter.setCurrentIndex(ALL_ORDERS)
            self.apply_filters()
            row = self.model.position_of(supplier_order_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_order(self) -> OrderRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def cancel_selected(self) -> None:
        """Cancel everywhere: the wizard for the selected supplier order."""
        order = self.selected_order()
        if order is None:
            self.statusBar().showMessage(_tr("Select an order to cancel first."), 5_000)
            return
        self.cancels.open_for_order(order.id)

    def edit_selected(self) -> None:
        order = self.selected_order()
        if order is not None:
            self._supplier_order_dialog(order.id)

    def _order_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.cancel_action)
        menu.addAction(self.edit_action)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def show_review(self, supplier_id: int | None = None) -> None:
        from gui.review_view import ReviewView  # QtCharts and the review load on first use

        if self._review is None:
            self._review = ReviewView(self.ledger, self)
            self._review.setWindowFlag(Qt.WindowType.Window)
        if supplier_id is not None:
            self._review.select_supplier(supplier_id)
        self._review.show()
        self._review.raise_()

    def show_chargebacks(self) -> None:
        from gui.chargeback_ports import open_chargebacks

        if self._chargebacks is None:
            view = open_chargebacks(self, self.ledger, self.connections)
            view.message.connect(lambda text: self.statusBar().showMessage(text, 10_000))
            self._chargebacks = view
        self._chargebacks.show()
        self._chargebacks.raise_()

    def show_suppliers(self) -> None:
        from gui.suppliers_view import SuppliersView

        if self._suppliers is None:
            self._suppliers = SuppliersView(self.ledger, self, recompute=self.calendar_recompute)
            self._suppliers.setWindowFlag(Qt.WindowType.Window)
            self._suppliers.review_requested.connect(self.show_review)
        self._suppliers.show()
        self._suppliers.raise_()

    def show_policy(self) -> None:
        from gui.policy_dialog import PolicyDialog

        PolicyDialog(self.ledger, self._policy_publisher(), self).exec()

    def _policy_publisher(self) -> Callable[[str], str] | None:
        """Publishing goes to the first connected shop; without one the button stays off."""
        shops = self.connections.connected_shops() if self.connections else []
        if not shops or self.connections is None:
            return None
        connections, shop_id = self.connections, shops[0].id
        from core.shopify import update_shop_policy

        def publish(body: str) -> str:
            with connections.shopify_client(shop_id) as client:
                return update_shop_policy(client, "REFUND_POLICY", body).url

        return publish

    def add_supplier_order(self) -> None:
        self._supplier_order_dialog(None)

    def edit_supplier_order(self, row: int) -> None:
        order = self.model.row_at(row)
        if order is not None:
            self._supplier_order_dialog(order.id)

    def _supplier_order_dialog(self, supplier_order_id: int | None) -> None:
        from gui.supplier_order_dialog import open_supplier_order_dialog

        open_supplier_order_dialog(
            self, self.ledger, supplier_order_id, on_saved=self._supplier_order_saved
        )

    def _supplier_order_saved(self, supplier_order_id: int) -> None:
        self.refresh()
        self.select_order(supplier_order_id)

    def _reveal(self, supplier_order_id: int) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.select_order(supplier_order_id)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        order = self.model.row_at(rows[0].row()) if rows else None
        self.details.show_order(order.id if order else None)

    def _show_counts(self, shown: int) -> None:
        locale = QLocale()
        if shown == self.total_orders:
            text = _tr("{0} supplier orders").format(locale.toString(shown))
        else:
            text = _tr("{0} of {1} supplier orders").format(
                locale.toString(shown), locale.toString(self.total_orders)
            )
        self.count_label.setText(text)

    def _restore_state(self) -> None:
        settings = ui_settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 780)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_frame_shown.emit)  # once the children have painted

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = ui_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.splitter.saveState())
        settings.sync()
        super().closeEvent(event)
