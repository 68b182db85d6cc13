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

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
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
    QStackedWidget,
    QTableView,
    QToolBar,
    QWidget,
)

from core import due
from core.cancel.states import State
from core.first_run import has_orders
from core.ledger import Ledger
from core.ledger.types import AWAITING_SHIPMENT_STATUSES
from core.order_list import OrderList, OrderQuery, OrderRow
from gui import ledger_header
from gui.first_run import FirstRunPanel
from gui.i18n import language_menu
from gui.ledger_columns import DEFAULT_SORT, position
from gui.notice import status
from gui.order_details_panel import OrderDetailsPanel
from gui.order_table_model import OrderTableModel
from gui.ui_settings import ui_settings
from gui.window_fit import restore_or_fit, save_if_chosen

if TYPE_CHECKING:
    from core.connections import Connections
    from gui.calendar_recompute import CalendarRecompute
    from gui.cancel_ports import OpenWorkflow
    from gui.cancel_wizard.launcher import CancelLauncher
    from gui.deadline_tray import DeadlineTray
    from gui.demo_ledger import DemoLedger
    from gui.import_csv import CsvImportFlow
    from gui.needs_me_view import NeedsMeView
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
    ship_windows: bool = False  # only orders whose ship window is the clock (no open run)

    def query(self, base: OrderQuery, now: datetime, hours: int) -> OrderQuery:
        until = {"soon": now + timedelta(hours=hours), "overdue": now}.get(self.window)
        start = now if self.window == "soon" else None
        return replace(
            base,
            statuses=self.statuses,
            ship_by_from=start,
            ship_by_until=until,
            without_open_runs=self.ship_windows,
        )


FILTERS = (
    ViewFilter("Awaiting shipment", AWAITING_SHIPMENT_STATUSES, ship_windows=True),
    ViewFilter("Closing soon", AWAITING_SHIPMENT_STATUSES, window="soon", ship_windows=True),
    ViewFilter("Overdue", AWAITING_SHIPMENT_STATUSES, window="overdue", ship_windows=True),
    ViewFilter("Cancel requested", ("IN_CANCEL",)),
    ViewFilter("Shipped", ("SELLER_PART_SEND_GOODS", "WAIT_BUYER_ACCEPT_GOODS")),
    ViewFilter("Finished", ("FINISH",)),
    ViewFilter("All orders"),
)
ALL_ORDERS = len(FILTERS) - 1
PREFERRED_SIZE = (1320, 780)  # capped by the screen: a 1280x720 laptop gets what it has
GEOMETRY_KEY = "main/geometry"
SPLITTER_KEY = "main/splitter"
TICK_MS = 10_000  # the countdowns show minutes: a few repaints a minute keep them exact
# The most orders one decision cancels at once (each is a run of its own; a bigger selection,
# Ctrl+A on a big ledger, is refused with a message rather than read whole).
MAX_BULK = 200
# After a refresh, selected orders that moved are looked for one query each: this many.
RESELECT_LOOKUPS = 5


def can_cancel(order: OrderRow | None) -> bool:
    """Whether Cancel everywhere has something to do for this order: any order, open run or
    not (an order the supplier closed may still need cancelling in the shop), except one whose
    cancellation is done."""
    return order is not None and order.cancel_state != State.DONE


def utc_now() -> datetime:
    return datetime.now(UTC)


class LedgerTable(QTableView):
    """The ledger table, several rows selectable with Shift/Ctrl+click and Ctrl+A. Selecting
    from code (selectRow after a refresh, the tray, "Needs me") selects that row alone:
    whatever modifier key happens to be held then (or was last seen) does not extend or toggle
    the selection, as Qt's ExtendedSelection would make it do without an event."""

    def selectionCommand(
        self, index: QModelIndex | QPersistentModelIndex, event: QEvent | None = None
    ) -> QItemSelectionModel.SelectionFlag:
        if event is None:
            return (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
        return super().selectionCommand(index, event)


class MainWindow(QMainWindow):
    open_ledger_requested = Signal()
    ledger_chosen = Signal(object)  # a Path to open in place of this ledger (the demo)
    server_ledger_requested = Signal()  # File > Open ledger on a server
    first_frame_shown = Signal()  # the start attaches the services after it
    replaced = Signal(object)  # the MainWindow that took this one's place (a language switch)

    def __init__(
        self,
        ledger: Ledger,
        clock: Callable[[], datetime] = utc_now,
        parent: QWidget | None = None,
        *,
        connections: Connections | None = None,
        defer_services: bool = False,
        remember_layout: bool = True,
    ) -> None:
        """With `defer_services` the caller shows the window first and calls attach_services()
        once it is on screen (the app's start); otherwise the window is complete at once.
        Without `remember_layout` (the self-test) closing writes no UI settings."""
        super().__init__(parent)
        self.remember_layout = remember_layout
        self.ledger = ledger
        self.clock = clock
        self.setWindowTitle(f"Dropdesk — {ledger.path.name}")
        self.orders = OrderList(ledger.reader, ledger.dialect)
        limits = due.thresholds(ledger.reader)
        self._soon_hours = limits.soon_hours
        now = clock()
        self.model = OrderTableModel(self.orders, limits, now, self)
        self.model.set_query(FILTERS[0].query(OrderQuery(), now, int(limits.soon_hours)))

        self.table = LedgerTable()
        self.table.setObjectName("ledgerTable")
        self.table.setAccessibleName(_tr("Supplier orders"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several orders at once (Shift/Ctrl+click, Ctrl+A): one decision cancels them all.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(position(DEFAULT_SORT), Qt.SortOrder.AscendingOrder)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)  # the last shown column reaches the edge
        ledger_header.set_up(self.table)

        self.details = OrderDetailsPanel(ledger)
        self.first_run = FirstRunPanel()
        self.first_run.import_requested.connect(lambda: self.csv_import.choose_file())
        self.first_run.connect_requested.connect(self.open_connections)
        self.first_run.demo_requested.connect(self.open_demo)
        self._demo: DemoLedger | None = None
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 360])
        self.splitter = splitter
        self.views = QStackedWidget()  # table and details, or the ways in while it is empty
        self.views.addWidget(splitter)
        self.views.addWidget(self.first_run)
        self.setCentralWidget(self.views)

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
        self.path_label = QLabel(ledger.location)
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
        self.model.modelReset.connect(lambda: self._update_order_actions())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._order_menu)
        self._review: ReviewView | None = None
        self._suppliers: SuppliersView | None = None
        self._chargebacks: QWidget | None = None
        self.calendar_recompute: CalendarRecompute | None = None
        self._needs_me: NeedsMeView | None = None
        self.table.doubleClicked.connect(lambda index: self.edit_supplier_order(index.row()))
        self.connections = connections
        self.connection_menu: ConnectionMenu | None = None
        self.cancels: CancelLauncher  # these three arrive with attach_services()
        self.csv_import: CsvImportFlow
        self.tray: DeadlineTray | None = None
        self._build_menus()
        toolbar.addSeparator()
        toolbar.addAction(self.cancel_action)
        cancel_button = toolbar.widgetForAction(self.cancel_action)
        if cancel_button is not None:
            cancel_button.setObjectName("cancelEverywhereTool")
        self.details.cancel_button.clicked.connect(self.cancel_selected)
        self.details.withdrawal_button.clicked.connect(self.withdrawal_selected)
        self.details.notify_button.clicked.connect(self.notify_selected)
        self._services_ready = False
        self.total_orders = self.orders.count(OrderQuery())
        self._show_counts(self.model.rowCount())
        self.model.row_at(0)  # the first page now: a damaged ledger says so before it shows
        self._show_first_run()

        self.ticker = QTimer(self, interval=TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.ticker.start()
        self.change_poll: QTimer | None = None
        if ledger.dialect != "sqlite":  # other instances write to a server ledger too
            from core.ledger.change_watch import POLL_MS, ChangeWatch

            self._changes = ChangeWatch(ledger.reader)
            self.change_poll = QTimer(self, interval=POLL_MS)
            self.change_poll.timeout.connect(self.refresh_if_changed)
            self.change_poll.start()
        self._restore_state()
        self._painted = False
        if not defer_services:
            self.attach_services(connections)

    def attach_services(
        self, connections: Connections | None, *, cancel_opener: OpenWorkflow | None = None
    ) -> None:
        """Connections, cancellations, imports and the tray: what the first frame can wait for.
        Their menu entries stay disabled until then. `cancel_opener` replaces the workflow
        built from `connections` (a window wired to other ports)."""
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
        opener = cancel_opener or (
            workflow_opener(connections) if connections else manual_opener(self.ledger)
        )
        self.cancels = CancelLauncher(self.ledger, opener, self)
        self.cancels.changed.connect(self.refresh)
        self.cancels.message.connect(lambda text: status(self, text, 10_000))
        if self.connection_menu is not None:  # AliExpress news may move cancellations on
            self.connection_menu.ended.connect(lambda: self.cancels.apply_status_sync(None))
        if connections is not None:  # the autopilot's status watch, while the app runs
            self.cancels.start_watch()
        self.csv_import = CsvImportFlow(
            self.ledger, self, on_imported=lambda _summary: self.refresh()
        )
        install_csv_drop(self, self.csv_import.start)
        self.calendar_recompute = CalendarRecompute(self.ledger, self)
        self.calendar_recompute.moved.connect(lambda moved: self.refresh() if moved else None)
        self.calendar_recompute.message.connect(lambda text: status(self, text, 10_000))
        self.tray = DeadlineTray(self.ledger, self._soon_hours, self.clock(), self)
        self.tray.order_clicked.connect(self._reveal)
        self.tray.message.connect(lambda text: status(self, text, 30_000))
        note = self.tray.instead()  # said once, so the merchant does not wait for a tray icon
        if note and self._painted:
            status(self, note, 30_000)
        elif note:  # a message shown before the window would leave the counts drawn under it
            self.first_frame_shown.connect(lambda: status(self, note, 30_000))
        self.tray.answer_clicked.connect(self.show_needs_me_on)
        self.tray.needs_me_requested.connect(self.show_needs_me)
        for deferred in self._service_actions:
            deferred.setEnabled(True)
        self._services_ready = True
        self._update_order_actions()
        self.first_run.set_ready(True, connections=self.connection_menu is not None)

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
        on_server = QAction(_tr("Open ledger on a &server…"), self)
        on_server.triggered.connect(self.server_ledger_requested.emit)
        file_menu.addAction(on_server)
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
        view_menu.addAction(action("Needs &me…", "Ctrl+Shift+N", self.show_needs_me))
        view_menu.addSeparator()
        view_menu.addMenu(language_menu(self, self.switch_language))
        self._connect_menu = self.menuBar().addMenu(_tr("&Connect"))
        self._connect_menu.setEnabled(False)  # filled when the connections attach
        order_menu = self.menuBar().addMenu(_tr("&Order"))
        self.cancel_action = action("&Cancel everywhere…", "Ctrl+Shift+C", self.cancel_selected)
        self.cancel_action.setIconText(_tr("Cancel everywhere…"))  # its toolbar button
        self.cancel_action.setToolTip(
            _tr("Cancel the selected order at the supplier and in the shop, step by step")
            + f" ({self.cancel_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        self.cancel_action.setEnabled(False)  # a cancellable order, once the services attach
        self.edit_action = action("&Edit supplier order…", "Ctrl+Return", self.edit_selected)
        self.withdrawal_action = action("&Withdrawal received…", "", self.withdrawal_selected)
        self.withdrawal_action.setToolTip(
            _tr("Record the customer's withdrawal, its refund deadline and the acknowledgement")
        )
        self.notify_action = action("&Notify the customer…", "Ctrl+Shift+M", self.notify_selected)
        self.notify_action.setToolTip(
            _tr("Write to the customer in their language: mail program or copy")
        )
        for customer_action in (self.withdrawal_action, self.notify_action):
            customer_action.setEnabled(False)  # an order linked to a shop order
        order_menu.addAction(self.cancel_action)
        order_menu.addAction(self.edit_action)
        order_menu.addSeparator()
        order_menu.addAction(self.withdrawal_action)
        order_menu.addAction(self.notify_action)
        order_menu.addSeparator()
        order_menu.addAction(
            action(
                "Cance&llations…",
                "Ctrl+Shift+L",
                lambda: self.cancels.show_cancellations(),
                service=True,
            )
        )
        from gui.chargeback_ports import SHORTCUT

        chargebacks = QAction(_tr("C&hargebacks…"), self)
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

    def switch_language(self, value: str) -> None:
        """View > Language: the new words at once, in a window rebuilt in place of this one."""
        from gui.language_switch import change_language

        change_language(self, value, self.replaced.emit)

    @property
    def services_ready(self) -> bool:
        return self._services_ready

    def busy(self) -> bool:
        """Whether a step runs that must finish before this window may close: a cancel
        wizard's or the autopilot's call, a sync, an import or the calendar recompute."""
        if not self._services_ready:
            return False
        launcher = self.cancels
        running = [wizard.busy for wizard in launcher.wizards]
        running += [launcher.resumer.busy, launcher.syncer.busy, launcher.watcher.busy]
        running.append(self.csv_import.busy)
        if self.connection_menu is not None:
            running.append(self.connection_menu.sync.busy)
        if self.calendar_recompute is not None:
            running.append(self.calendar_recompute.running)
        return any(running)

    def unsaved(self) -> str:
        """Why this window may not be rebuilt now: edits the merchant has not saved ("" if none)."""
        suppliers = self._suppliers
        calendar = suppliers.calendar_dialog if suppliers is not None else None
        if calendar is not None and calendar.isVisible() and calendar.dirty:
            return _tr(
                "Save or discard your changes in Holidays and working days first, then choose "
                "the language again."
            )
        if suppliers is not None and suppliers.isVisible() and suppliers.unsaved():
            return _tr(
                "Save the supplier's policy first (Suppliers), then choose the language again."
            )
        return ""

    def successor(self) -> MainWindow:
        """A new window on the same ledger, clock and connections, its services attached when
        this one's are (else the start attaches them to it)."""
        return type(self)(
            self.ledger,
            self.clock,
            connections=self.connections,
            defer_services=not self._services_ready,
            remember_layout=self.remember_layout,
        )

    def close_for_successor(self) -> None:
        """Close this window and what it opened; its successor has reopened them."""
        if self._services_ready:
            self.cancels.close_all()
            self.cancels.watch_timer.stop()
        if self.tray is not None:
            self.tray.icon.hide()
        self.close()
        self.deleteLater()  # freed by Qt on this thread, with its screens

    def open_screens(self) -> tuple[str, ...]:
        """The names of the screens this window has open (see open_screens_again)."""
        screens: dict[str, QWidget | None] = {
            "needs_me": self._needs_me,
            "review": self._review,
            "suppliers": self._suppliers,
            "chargebacks": self._chargebacks,
            "cancellations": self.cancels.view if self._services_ready else None,
        }
        return tuple(name for name, screen in screens.items() if screen and screen.isVisible())

    def open_screens_again(self, names: tuple[str, ...]) -> None:
        openers: dict[str, Callable[[], object]] = {
            "needs_me": self.show_needs_me,
            "review": self.show_review,
            "suppliers": self.show_suppliers,
            "chargebacks": self.show_chargebacks,
        }
        if self._services_ready:
            openers["cancellations"] = self.cancels.show_cancellations
        for name in names:
            if name in openers:
                openers[name]()

    def show_about(self) -> None:
        from gui.about_dialog import show_about

        show_about(self, self.ledger.path)

    def open_logs_folder(self) -> None:
        from gui.diagnostics import open_logs_folder

        open_logs_folder(self)

    def save_diagnostics(self) -> None:
        from gui.diagnostics import DiagnosticsSaver

        DiagnosticsSaver(self.ledger.path, self).choose_and_save(self)

    def _show_first_run(self) -> None:
        """The ways in while the ledger holds no order; the table as soon as it holds one."""
        empty = not has_orders(self.ledger.reader)
        self.views.setCurrentWidget(self.first_run if empty else self.splitter)

    @property
    def showing_first_run(self) -> bool:
        return self.views.currentWidget() is self.first_run

    def open_connections(self) -> None:
        if self.connection_menu is not None:
            self.connection_menu.open_connections()

    def open_demo(self) -> None:
        """Open the demo ledger (written first, in the background, if it is not there yet)."""
        from gui.demo_ledger import DemoLedger

        if self._demo is None:
            self._demo = DemoLedger(self)
            self._demo.ready.connect(self.ledger_chosen)
        self._demo.open()

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

    def refresh_if_changed(self) -> bool:
        """Re-read a server ledger that another instance changed (polled; see
        core.ledger.change_watch). True when it refreshed."""
        if not self._changes.changed():
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        """Re-read the ledger (F5): counts, the list as of now, the tray; the selected orders
        stay selected while the list still shows them."""
        rows = self.selected_rows()
        selected = [(row, self.model.row_at(row)) for row in rows]
        self.total_orders = self.orders.count(OrderQuery())
        self._show_first_run()
        before = self.model.query
        self.apply_filters()
        if self.model.query == before:
            self.model.refresh()
        if self.tray is not None:
            self.tray.update(self.clock(), ledger_changed=True)
        if self._needs_me is not None and self._needs_me.isVisible():
            self._load_needs_me()
        self._select_again([(row, order.id) for row, order in selected if order is not None])

    def _select_again(self, was: list[tuple[int, int]]) -> None:
        """Select these (row, order id) again where the list still shows them: an order still
        on its row is kept as it is; one that moved is looked for (a query each on the sort
        index, so only for the first few: a big selection keeps the orders that stayed)."""
        found: list[int] = []
        lookups = RESELECT_LOOKUPS
        for row, ident in was:
            now_there = self.model.row_at(row) if row < self.model.rowCount() else None
            if now_there is not None and now_there.id == ident:
                found.append(row)
            elif lookups > 0:
                lookups -= 1
                moved = self.model.position_of(ident)
                if moved is not None:
                    found.append(moved)
        if len(found) == 1:
            self.table.selectRow(found[0])
            return
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for row in found:
            selection.select(self.model.index(row, 0), self.model.index(row, last))
        if found:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
            self.table.selectionModel().select(selection, flags)

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

    def selection_count(self) -> int:
        """How many orders are selected, from the selection's ranges (cheap after Ctrl+A)."""
        return sum(bottom - top + 1 for top, bottom in self._selected_spans())

    def selected_rows(self) -> list[int]:
        """The selected rows in list order ([] for more than MAX_BULK: not read whole)."""
        if self.selection_count() > MAX_BULK:
            return []
        return [row for top, bottom in self._selected_spans() for row in range(top, bottom + 1)]

    def _selected_spans(self) -> list[tuple[int, int]]:
        """The selected rows as disjoint (top, bottom) spans, in order."""
        spans: list[tuple[int, int]] = []
        ranges = self.table.selectionModel().selection()
        found = (ranges.at(i) for i in range(ranges.count()))
        for top, bottom in sorted((r.top(), r.bottom()) for r in found):
            if spans and top <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], bottom))
            else:
                spans.append((top, bottom))
        return spans

    def selected_orders(self) -> list[OrderRow]:
        """The selected orders (up to MAX_BULK), in list order."""
        found = [self.model.row_at(row) for row in self.selected_rows()]
        return [order for order in found if order is not None]

    def selected_order(self) -> OrderRow | None:
        """The one selected order; None when none or several are selected."""
        if self.selection_count() != 1:
            return None
        rows = self.selected_rows()
        return self.model.row_at(rows[0]) if rows else None

    def cancel_selected(self) -> None:
        """Cancel everywhere: the wizard for the selected supplier order, or one decision for
        several selected orders (one run each, through the bulk dialog)."""
        count = self.selection_count()
        if count > MAX_BULK:
            status(
                self,
                _tr("Select at most {0} orders to cancel at once.").format(MAX_BULK),
                8_000,
            )
            return
        if count > 1:
            from gui.cancel_wizard.bulk_dialog import BulkCancelDialog

            ids = [order.id for order in self.selected_orders() if can_cancel(order)]
            dialog = BulkCancelDialog(self.cancels, ids, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            return
        order = self.selected_order()
        if order is None:
            status(self, _tr("Select an order to cancel first."), 5_000)
            return
        self.cancels.open_for_order(order.id)

    def withdrawal_selected(self) -> None:
        """Withdrawal received: record it, show its refund deadline, acknowledge it, and offer
        Cancel everywhere while the supplier has not shipped."""
        from gui.withdrawal_dialog import WithdrawalDialog

        order = self.selected_order()
        if order is None or order.customer_order_id is None:
            status(self, _tr("Select an order from the shop first."), 5_000)
            return
        dialog = WithdrawalDialog(self.ledger, order.id, self, clock=self.clock)
        dialog.recorded.connect(lambda _customer: self._after_customer_change(order.id))
        dialog.cancel_requested.connect(self._cancel_after_withdrawal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def notify_selected(self) -> None:
        """Notify the customer: a message in their language, sent from the mail program or
        copied, kept in the order's timeline."""
        from gui.notice_dialog import NoticeDialog

        order = self.selected_order()
        if order is None or order.customer_order_id is None:
            status(self, _tr("Select an order from the shop first."), 5_000)
            return
        dialog = NoticeDialog(self.ledger, order.id, self, clock=self.clock)
        dialog.sent.connect(lambda _via: self._after_customer_change(order.id))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _after_customer_change(self, supplier_order_id: int) -> None:
        selected = self.selected_order()
        if selected is not None and selected.id == supplier_order_id:
            self.details.show_order(supplier_order_id)  # the timeline shows what was recorded

    def _cancel_after_withdrawal(self, supplier_order_id: int) -> None:
        if not self._services_ready:
            status(self, _tr("Dropdesk is still starting; try again."), 5_000)
            return
        self.cancels.open_for_order(supplier_order_id)

    def edit_selected(self) -> None:
        order = self.selected_order()
        if order is not None:
            self._supplier_order_dialog(order.id)

    def _order_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())  # a right-click inside the selection keeps it
        menu = QMenu(self)
        menu.addAction(self.cancel_action)
        menu.addAction(self.edit_action)
        menu.addSeparator()
        menu.addAction(self.withdrawal_action)
        menu.addAction(self.notify_action)
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

    def show_needs_me(self) -> None:
        """Every deadline of every order within the warning lead time, soonest first."""
        from gui.needs_me_view import NeedsMeView, bring_up

        if self._needs_me is None:
            self._needs_me = NeedsMeView(self)
            self._needs_me.order_requested.connect(self._reveal)
            self._needs_me.buy_requested.connect(self._buy_for)
            self._needs_me.answer_requested.connect(self._answer_run)
        self._load_needs_me()
        bring_up(self._needs_me)

    def show_needs_me_on(self, key: tuple[str, int]) -> None:
        """ "Needs me" with the row of this deadline selected (a tray notification's click):
        its answers are one click or one key away there."""
        self.show_needs_me()
        if self._needs_me is not None:
            self._needs_me.focus_deadline(key)

    def _answer_run(self, cancellation_id: int, answer: object) -> None:
        from core.cancel.autopilot import Answer

        if not self._services_ready or not isinstance(answer, Answer):
            status(self, _tr("Dropdesk is still starting; try again."), 5_000)
            return
        if not self.cancels.answer(cancellation_id, answer):
            status(self, _tr("Still recording the last answer; try again in a moment."), 5_000)

    def _load_needs_me(self) -> None:
        if self._needs_me is None:
            return
        key = self._needs_me.focused_key()
        now = self.clock()
        found = due.ledger_deadlines(self.ledger, now, self._soon_hours)
        self._needs_me.show_deadlines(found, now, self._soon_hours)
        if key is not None:  # the row the merchant was on, if it is still listed
            self._needs_me.focus_deadline(key)

    def _buy_for(self, order_name: str) -> None:
        """ "Add supplier order" for a customer order still to buy from the supplier."""
        from gui.supplier_order_dialog import open_supplier_order_dialog

        dialog = open_supplier_order_dialog(
            self, self.ledger, None, on_saved=self._supplier_order_saved
        )
        dialog.customer_order.setText(order_name)

    def show_chargebacks(self) -> None:
        from gui.chargeback_ports import open_chargebacks

        if self._chargebacks is None:
            view = open_chargebacks(self, self.ledger, self.connections)
            view.message.connect(lambda text: status(self, text, 10_000))
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

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        count = self.selection_count()
        if count > 1:
            ids = [order.id for order in self.selected_orders()]
            totals = self.orders.totals(ids) if ids else None
            self.details.show_several(count, totals)
        else:
            order = self.selected_order()
            self.details.show_order(order.id if order else None)
        self._update_order_actions()

    def _update_order_actions(self) -> None:
        """Cancel everywhere (menu, toolbar, details panel) is on for an order it can act on,
        or for several selected orders one of which it can act on."""
        ready = getattr(self, "_services_ready", False)
        count = self.selection_count()
        if count > 1:
            enabled = ready and count <= MAX_BULK and any(map(can_cancel, self.selected_orders()))
        else:
            enabled = ready and can_cancel(self.selected_order())
        self.cancel_action.setEnabled(enabled)
        self.details.cancel_button.setEnabled(enabled)
        order = self.selected_order()
        linked = order is not None and order.customer_order_id is not None
        for customer_action in (self.withdrawal_action, self.notify_action):
            customer_action.setEnabled(linked)
        self.details.withdrawal_button.setEnabled(linked)
        self.details.notify_button.setEnabled(linked)

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
        """The size and split the merchant chose last time, if they fit; else the defaults,
        fitted to the screen."""
        restore_or_fit(self, GEOMETRY_KEY, *PREFERRED_SIZE)
        splitter = ui_settings().value(SPLITTER_KEY)
        self.split_chosen = splitter is not None and self.splitter.restoreState(splitter)
        self.splitter.splitterMoved.connect(self._split_moved)

    def _split_moved(self, _position: int, _index: int) -> None:
        self.split_chosen = True

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_frame_shown.emit)  # once the children have painted

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember what the merchant chose (size, split), and nothing they did not; stop the
        calendar recompute and the change poll first: the ledger may be closed right after the
        window, and no job may still read or write it then."""
        if self.calendar_recompute is not None:
            self.calendar_recompute.stop()
        if self.change_poll is not None:
            self.change_poll.stop()
        if self.remember_layout:
            save_if_chosen(self, GEOMETRY_KEY)
            if self.split_chosen:
                settings = ui_settings()
                settings.setValue(SPLITTER_KEY, self.splitter.saveState())
                settings.sync()
        super().closeEvent(event)
