"""The "Cancellations" view: every open cancel-everywhere run, the soonest deadline first.

A run stays open from "Start" until it is done or abandoned, whatever happened to the wizard
window (closed with "Do this later", or the app quit). Resume (or a double-click, or Enter)
asks for the wizard on that run; the view itself changes nothing. The open runs are read
whole from `core.cancel.open_cancellations` on each refresh, off the GUI thread: working out
every run's deadline takes about 2 ms a run.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cancel.listing import OpenCancellation, open_cancellations
from core.clocks import remaining
from core.display_text import display_text
from core.ledger import Ledger
from core.review import REASON_LABELS
from gui.formatting import countdown_text, local_time
from gui.jobs import JobSlot
from gui.notice import muted
from gui.palette import Colours
from gui.window_fit import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("CancellationsView", text)


COLUMNS = (
    "Order",
    "AliExpress order",
    "Where it stands",
    "Next deadline",
    "Due",
    "Reason",
    "Started",
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def due_text(deadline: datetime | None, now: datetime) -> str:
    """ "26/11/2026 09:05 · in 2 d 05 h", "… · overdue 3 h", or "—" without a deadline."""
    if deadline is None:
        return "—"
    left = remaining(deadline, now)
    countdown = countdown_text(left)
    relative = countdown if left <= timedelta(0) else _tr("in {0}").format(countdown)
    return f"{local_time(deadline)} · {relative}"


class CancellationsView(QWidget):
    """Open runs with their state and next deadline; `resume_requested(id)` to continue one."""

    resume_requested = Signal(int)
    refreshed = Signal()

    def __init__(
        self,
        ledger: Ledger,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = utc_now,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.ledger = ledger
        self.now = now
        self.runs: list[OpenCancellation] = []
        self._loader = JobSlot(self, pool)  # reads the rows off the GUI thread
        self._again = False
        self.setObjectName("cancellationsView")
        self.setWindowTitle(_tr("Cancellations"))

        self.intro = QLabel(
            _tr(
                "Cancellations that are not finished yet. Each waits on something: you, the "
                "supplier, or the money. Resume one to continue where it stands."
            )
        )
        self.intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("cancellationsTable")
        self.table.setAccessibleName(_tr("Open cancellations"))
        self.table.setColumnCount(len(COLUMNS))
        self.table.setHeaderLabels([_tr(title) for title in COLUMNS])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)  # the order is the deadlines'
        header = self.table.header()
        header.setStretchLastSection(True)
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemDoubleClicked.connect(lambda _item, _column: self.resume_selected())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = QLabel(
            _tr(
                "No open cancellations. Start one from an order: Order > Cancel everywhere… "
                "(Ctrl+Shift+C)."
            )
        )
        self.empty.setObjectName("noCancellations")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        muted(self.empty, "padding: 24px;")
        self.count_label = QLabel()
        self.resume_button = QPushButton(_tr("Resume"))
        self.resume_button.setObjectName("resumeButton")
        self.resume_button.setDefault(True)
        self.resume_button.clicked.connect(self.resume_selected)
        self.refresh_button = QPushButton(_tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.resume_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(buttons)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.table, self.resume_selected)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        fit_to_screen(self, 1200, 420)
        self.refresh()

    @property
    def loading(self) -> bool:
        return self._loader.busy

    def refresh(self) -> None:
        """Re-read the open runs off the GUI thread (each needs its deadline worked out: a
        ledger with a thousand open runs takes seconds); `refreshed` once they are shown."""
        if self._loader.busy:
            self._again = True
            return
        ledger = self.ledger
        if not self.runs:
            self.count_label.setText(_tr("Reading the open cancellations…"))
        self._loader.run(
            lambda _progress, _cancelled: open_cancellations(ledger),
            self._loaded,
            self._load_failed,
        )

    def _loaded(self, runs: list[OpenCancellation]) -> None:
        if self._again:
            self._again = False
            self.refresh()
            return
        self.show_runs(runs)
        self.refreshed.emit()

    def _load_failed(self, message: str) -> None:
        self.count_label.setText(_tr("The cancellations could not be read: {0}").format(message))

    def show_runs(self, runs: list[OpenCancellation]) -> None:
        """Show these runs (soonest deadline first, as listed); keeps the selection."""
        selected = self.selected_id()
        self.runs = runs
        now = self.now()
        self.table.clear()
        for run in self.runs:
            item = QTreeWidgetItem(
                [
                    display_text(run.order_name) or "—",
                    display_text(run.external_order_id),
                    _tr(run.info.label),
                    _tr(run.next_deadline_label)
                    if run.next_deadline_label
                    else _tr("Waiting on you"),
                    due_text(run.next_deadline, now),
                    _tr(REASON_LABELS.get(run.reason, "Other")),
                    local_time(run.created_at),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, run.id)
            if run.next_deadline is not None and run.next_deadline <= now:
                item.setForeground(4, Colours.NEGATIVE.brush())
                item.setToolTip(4, _tr("The deadline has passed: open it to see what to do."))
            elif run.next_deadline is None:
                item.setForeground(4, Colours.MUTED.brush())
            self.table.addTopLevelItem(item)
            if run.id == selected:
                item.setSelected(True)
        first = self.table.topLevelItem(0)
        if not self.table.selectedItems() and first is not None:
            self.table.setCurrentItem(first)
        count = len(self.runs)
        self.count_label.setText(
            _tr("1 open cancellation")
            if count == 1
            else _tr("{0} open cancellations").format(count)
        )
        self.table.setVisible(bool(self.runs))
        self.empty.setVisible(not self.runs)
        self._selection_changed()

    def selected_id(self) -> int | None:
        items = self.table.selectedItems()
        if not items:
            return None
        return int(items[0].data(0, Qt.ItemDataRole.UserRole))

    def select(self, cancellation_id: int) -> bool:
        for index in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(index)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == cancellation_id:
                self.table.setCurrentItem(item)
                return True
        return False

    def resume_selected(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.resume_requested.emit(chosen)

    def _selection_changed(self) -> None:
        self.resume_button.setEnabled(self.selected_id() is not None)
