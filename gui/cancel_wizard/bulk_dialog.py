"""Cancel several orders everywhere with one decision (a supplier out of stock, a product
pulled): one run per order, each independent and resumable, one list showing where each
stands. The list shows the selected orders before anything starts; after that each step
changes only its own row (from the step's `Progress`), so a confirmation costs the same for
3 orders as for 100. The AliExpress pages open one after another as the merchant confirms
each; the status watch (`CancelLauncher.watch_now`) moves the runs on from there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cancel.autopilot import QUESTIONS, BulkStart, Need, Progress
from core.cancel.bulk_rows import BulkRow, bulk_rows
from core.cancel.decision import remembered_decision
from core.cancel.states import STATES
from core.cancel.supplier import SupplierGuide
from core.cancel.workflow import CancelWorkflow
from core.ledger.types import Reason
from gui import cancel_ports
from gui.cancel_wizard.decision_form import DecisionForm
from gui.cancel_wizard.launcher import CancelLauncher
from gui.cancel_wizard.runner import StepRunner
from gui.cancel_wizard.step import button_row, primary, tr
from gui.cancel_wizard.wizard import describe
from gui.formatting import money
from gui.links import open_link

# The list's columns (logical index); the status is shown last and takes the room left, but
# keeps index 1 ("Status" second, as the list always had it).
ORDER, STATUS, CUSTOMER, TOTAL, ALIEXPRESS = range(5)
# Room for the form and about ten orders, inside a 1280x720 screen.
SIZE = QSize(980, 620)


class BulkCancelDialog(QDialog):
    """One decision for `supplier_order_ids`, then the runs side by side."""

    def __init__(
        self,
        launcher: CancelLauncher,
        supplier_order_ids: Sequence[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Cancel {0} orders everywhere").format(len(supplier_order_ids)))
        self.launcher = launcher
        self.order_ids = list(dict.fromkeys(supplier_order_ids))
        self.runs: dict[int, int] = {}  # cancellation id -> supplier order id
        self.progress: dict[int, Progress] = {}
        self.current: int | None = None  # the run whose AliExpress page is open
        self.runner = StepRunner(self, pool=launcher.pool, lock=launcher.lock)
        self._unshown = False  # runs moved that the main window has not re-read yet
        self.finished.connect(self._tell_window)

        self.form = DecisionForm(reason=Reason.OUT_OF_STOCK, before_supplier=False)
        ledger = launcher.ledger
        self.form.set_defaults(lambda reason: remembered_decision(ledger, reason))

        self.table = QTreeWidget()
        self.table.setObjectName("bulkRuns")
        self.table.setRootIsDecorated(False)
        self.table.setWordWrap(True)  # a long state in words wraps in its column
        self.table.setHeaderLabels(
            [tr("Order"), tr("Status"), tr("Customer"), tr("Total"), tr("AliExpress order")]
        )
        header = self.table.header()
        header.moveSection(STATUS, ALIEXPRESS)  # shown last: it takes the width left
        header.setStretchLastSection(True)
        for column in (ORDER, CUSTOMER, TOTAL, ALIEXPRESS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # supplier order id -> its row (by index: the items belong to the tree, not to Python)
        self.lines: dict[int, int] = {}
        self.rows: dict[int, BulkRow] = {}
        for row in bulk_rows(ledger, self.order_ids):  # one query: what is about to be cancelled
            self.rows[row.supplier_order_id] = row
            self.lines[row.supplier_order_id] = len(self.lines)
            self._add(row)
        self.status = QLabel()
        self.status.setObjectName("bulkInstruction")
        self.status.setWordWrap(True)
        self.start_button = primary(QPushButton(tr("Start all")))
        self.start_button.setObjectName("bulkStart")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.done_button = primary(QPushButton(tr("I have requested the cancellation")))
        self.done_button.setObjectName("bulkDone")
        self.done_button.clicked.connect(self.requested)
        self.done_button.setVisible(False)
        close = QPushButton(tr("Close"))
        close.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(button_row(self.start_button, self.done_button, trailing=(close,)))
        self.runner.stepped.connect(self.status.setText)
        launcher.watched.connect(self._watched)
        self.resize(SIZE)

    # -- the merchant's actions -----------------------------------------------------------

    def start(self) -> bool:
        """One run per order, each moved on as far as it goes by itself (off the GUI thread)."""
        ledger, opener = self.launcher.ledger, self.launcher.open_workflow
        ids, decided = list(self.order_ids), self.form.decision()
        self.form.setEnabled(False)
        self.start_button.setEnabled(False)
        return self.runner.run(
            lambda: cancel_ports.start_bulk(ledger, opener, ids, decided),
            tr("Starting the cancellations…"),
            self._started,
            lambda error: self.status.setText(describe(error)),
        )

    def requested(self) -> bool:
        """ "I have done it" for the order whose page is open; then the next page opens."""
        run = self.current
        if run is None:
            return False
        ledger, opener = self.launcher.ledger, self.launcher.open_workflow
        return self.runner.run(
            lambda: cancel_ports.requested_on_aliexpress(ledger, opener, run),
            tr("Recording the cancel request…"),
            self._requested,
            lambda error: self.status.setText(describe(error)),
        )

    # -- showing --------------------------------------------------------------------------

    def _started(self, outcome: tuple[BulkStart, list[Progress]]) -> None:
        bulk, progress = outcome
        self.runs = {run: order_id for order_id, run in bulk.started}
        for order_id, why in bulk.refused:  # the others go on
            line = self._line(order_id)
            if line is not None:
                self._status(line, tr("Not started"), why)
        for moved in progress:
            self._update(moved)
        self._open_next()
        self.launcher.changed.emit()

    def _requested(self, progress: Progress) -> None:
        self.current = None
        self._update(progress)
        self._unshown = True
        self._open_next()
        if self.current is None:  # the last page: the window re-reads the ledger once now
            self._tell_window()

    def _tell_window(self) -> None:
        """The main window re-reads the whole ledger on `changed` (the list, the tray, every
        deadline): after each confirmation that cost more than the confirmation itself, so it
        happens once the last page is confirmed, or when the dialog closes before that."""
        if self._unshown:
            self._unshown = False
            self.launcher.changed.emit()

    def _watched(self, progress: list[Progress]) -> None:
        for item in progress:
            if item.cancellation_id in self.runs:
                self._update(item)

    def _open_next(self) -> None:
        """The next order waiting for its AliExpress click: message copied, page opened, its
        row selected; when none is left, the instruction becomes the summary."""
        run_of = {order_id: run for run, order_id in self.runs.items()}
        waiting = [
            run_of[order_id]
            for order_id in self.order_ids  # in the order of the list
            if order_id in run_of and self.progress[run_of[order_id]].need is Need.ALIEXPRESS
        ]
        self.done_button.setVisible(bool(waiting))
        if not waiting:
            self.current = None
            if self.runs:  # no order in hand any more: the instruction becomes the summary
                self.table.clearSelection()
                self.status.setText(self._summary())
            return
        self.current = waiting[0]
        item = self._line(self.runs[self.current])
        if item is not None:
            self.table.setCurrentItem(item)
            self.table.scrollToItem(item)
        guide = self._guide(self.current)
        if guide is not None:
            QGuiApplication.clipboard().setText(guide.message.text)  # the supplier's language
            open_link(self, guide.order_url)
            row = self.rows.get(self.runs[self.current])
            name = row.order_name if row is not None and row.order_name else ""
            self.status.setText(
                tr(
                    "Order {0} (AliExpress {1}): the message is on the clipboard. Request "
                    "the cancellation on the AliExpress page, then confirm here."
                ).format(name or guide.external_order_id, guide.external_order_id)
            )

    def _summary(self) -> str:
        """ "N cancellations started; M need your answer in Needs me" (and the refused)."""
        asking = sum(1 for p in self.progress.values() if p.need in QUESTIONS)
        text = tr("{0} cancellations started; {1} need your answer in Needs me.").format(
            len(self.runs), asking
        )
        refused = len(self.order_ids) - len(self.runs)
        if refused:
            text += " " + tr("{0} not started (see the list).").format(refused)
        return text

    def _guide(self, run: int) -> SupplierGuide | None:
        try:  # ledger only: no port needed for the guide
            return CancelWorkflow(self.launcher.ledger, None, None).supplier_guide(run)
        except Exception as error:  # shown, the others go on
            self.status.setText(describe(error))
            return None

    def _line(self, order_id: int | None) -> QTreeWidgetItem | None:
        index = self.lines.get(order_id) if order_id is not None else None
        return self.table.topLevelItem(index) if index is not None else None

    def _add(self, row: BulkRow) -> None:
        total = money(row.total_minor, row.currency) if row.total_minor is not None else ""
        item = QTreeWidgetItem(self.table)  # owned by the tree from the start
        item.setText(ORDER, row.order_name or "–")
        item.setText(CUSTOMER, row.customer_name)
        item.setText(TOTAL, total)
        item.setTextAlignment(TOTAL, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setText(ALIEXPRESS, row.external_order_id)
        if row.run_state is not None:
            self._status(item, tr(STATES[row.run_state].label), "")
        else:
            self._status(item, row.supplier_status.get(ui_language()), "")

    def _update(self, progress: Progress) -> None:
        """One run moved: its own row changes, nothing else is read."""
        self.progress[progress.cancellation_id] = progress
        item = self._line(self.runs.get(progress.cancellation_id))
        if item is None:
            return
        words = tr(STATES[progress.state].label)
        self._status(item, words, progress.problem, progress.will.get(ui_language()))

    def _status(self, item: QTreeWidgetItem, words: str, problem: str, then: str = "") -> None:
        """The state in words (with what went wrong, if a step failed); the whole of it and
        what comes next in the row's tooltip, so nothing is lost where the column is narrow."""
        item.setText(STATUS, f"{words}: {problem}" if problem else words)
        tip = "\n".join(part for part in (words, problem, then) if part)
        for column in range(self.table.columnCount()):
            item.setToolTip(column, tip)


def ui_language() -> str:
    """The language the window speaks ("de" or "en"), for texts core gives in both."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"
