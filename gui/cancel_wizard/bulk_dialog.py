"""Cancel several orders everywhere with one decision (a supplier out of stock, a product
pulled): one run per order, each independent and resumable, one list showing where each
stands. The AliExpress pages open one after another as the merchant confirms each; the
status watch (`CancelLauncher.watch_now`) moves the runs on from there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.cancel.autopilot import BulkStart, Need, Progress
from core.cancel.decision import Decision, ShopAction
from core.cancel.states import STATES
from core.cancel.supplier import SupplierGuide
from core.cancel.workflow import CancelWorkflow
from core.ledger.types import Fault, Reason
from gui import cancel_ports
from gui.cancel_wizard.launcher import CancelLauncher
from gui.cancel_wizard.runner import StepRunner
from gui.cancel_wizard.step import button_row, fault_label, primary, reason_label, tr
from gui.cancel_wizard.wizard import describe, remembered_decision
from gui.links import open_link


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

        self.reason = QComboBox()
        for reason in Reason:
            self.reason.addItem(reason_label(reason), reason.value)
        self.reason.setCurrentIndex(self.reason.findData(Reason.OUT_OF_STOCK.value))
        self.fault = QComboBox()
        for fault in Fault:
            self.fault.addItem(fault_label(fault), fault.value)
        self.shop_action = QComboBox()
        self.shop_action.addItem(tr("Cancel the order and refund the customer"), "cancel")
        self.shop_action.addItem(tr("Refund the customer, keep the order"), "refund")
        self.restock = QCheckBox(tr("Put the items back in stock"))
        self.notify = QCheckBox(tr("Tell the customer by email"))
        form = QFormLayout()
        form.addRow(tr("Why is it cancelled?"), self.reason)
        form.addRow(tr("Whose fault was it?"), self.fault)
        form.addRow(tr("On Shopify"), self.shop_action)
        form.addRow("", self.restock)
        form.addRow("", self.notify)
        self.reason.currentIndexChanged.connect(self._load_defaults)
        self._load_defaults()

        self.table = QTreeWidget()
        self.table.setObjectName("bulkRuns")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([tr("AliExpress order"), tr("Status"), tr("Next")])
        self.status = QLabel()
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
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(button_row(self.start_button, self.done_button, trailing=(close,)))
        self.runner.stepped.connect(self.status.setText)
        launcher.watched.connect(self._watched)

    def decision(self) -> Decision:
        return Decision(
            Reason(self.reason.currentData()),
            Fault(self.fault.currentData()),
            ShopAction(self.shop_action.currentData()),
            restock=self.restock.isChecked(),
            notify_customer=self.notify.isChecked(),
        )

    def _load_defaults(self) -> None:
        remembered = remembered_decision(self.launcher.ledger, Reason(self.reason.currentData()))
        self.fault.setCurrentIndex(max(self.fault.findData(remembered.fault.value), 0))
        self.shop_action.setCurrentIndex(
            max(self.shop_action.findData(remembered.shop_action.value), 0)
        )
        self.restock.setChecked(remembered.restock)
        self.notify.setChecked(remembered.notify_customer)

    # -- the merchant's actions -----------------------------------------------------------

    def start(self) -> bool:
        """One run per order, each moved on as far as it goes by itself (off the GUI thread)."""
        ledger, opener = self.launcher.ledger, self.launcher.open_workflow
        ids, decided = list(self.order_ids), self.decision()
        for widget in (self.reason, self.fault, self.shop_action, self.restock, self.notify):
            widget.setEnabled(False)
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
        for item in progress:
            self.progress[item.cancellation_id] = item
        lines = [f"{order_id}: {why}" for order_id, why in bulk.refused]
        self.status.setText("\n".join(lines))
        self._show()
        self._open_next()
        self.launcher.changed.emit()

    def _requested(self, progress: Progress) -> None:
        self.progress[progress.cancellation_id] = progress
        self.current = None
        self._show()
        self._open_next()
        self.launcher.changed.emit()

    def _watched(self, progress: list[Progress]) -> None:
        for item in progress:
            if item.cancellation_id in self.runs:
                self.progress[item.cancellation_id] = item
        self._show()

    def _open_next(self) -> None:
        """The next order waiting for its AliExpress click: message copied, page opened."""
        waiting = [run for run, p in self.progress.items() if p.need is Need.ALIEXPRESS]
        self.done_button.setVisible(bool(waiting))
        if not waiting:
            self.current = None
            return
        self.current = waiting[0]
        guide = self._guide(self.current)
        if guide is not None:
            QGuiApplication.clipboard().setText(guide.message.get(ui_language()))
            open_link(self, guide.order_url)
            self.status.setText(
                tr("Order {0}: the message is on the clipboard.").format(guide.external_order_id)
            )

    def _guide(self, run: int) -> SupplierGuide | None:
        try:  # ledger only: no port needed for the guide
            return CancelWorkflow(self.launcher.ledger, None, None).supplier_guide(run)
        except Exception as error:  # shown, the others go on
            self.status.setText(describe(error))
            return None

    def _show(self) -> None:
        self.table.clear()
        reader = CancelWorkflow(self.launcher.ledger, None, None)
        for run, progress in sorted(self.progress.items()):
            will = progress.will.get(ui_language())
            item = QTreeWidgetItem(
                [
                    reader.state(run).external_order_id,
                    tr(STATES[progress.state].label),
                    progress.problem or will,
                ]
            )
            self.table.addTopLevelItem(item)


def ui_language() -> str:
    """The language the window speaks ("de" or "en"), for texts core gives in both."""
    return "de" if QLocale().language() == QLocale.Language.German else "en"
