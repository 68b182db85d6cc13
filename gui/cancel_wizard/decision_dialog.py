"""Change decision…: the run's decision form again, pre-filled, for what has not happened yet.

Opened from the wizard and from the Cancellations view's context menu. Each part something was
already done on (the Shopify step sent, the supplier asked with the reason, a refund recorded
with the fault) is shown but locked, its tooltip saying why (`core.cancel.decision.fixed_parts`);
core refuses such a change anyway, in words. Saving journals the change in the run's timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.cancel.autopilot import Autopilot
from core.cancel.decision import decision_choices
from core.cancel.step_lock import StepLock
from core.cancel.workflow import CancelWorkflow
from core.ledger import Ledger
from gui.cancel_wizard.decision_form import ALL_LOCKED, DecisionForm
from gui.cancel_wizard.runner import StepRunner
from gui.cancel_wizard.step import button_row, primary, tr
from gui.cancel_wizard.texts import Banner
from gui.cancel_wizard.wizard import describe


class DecisionDialog(QDialog):
    """The decision of run `cancellation_id`; `changed(id)` once a change is recorded."""

    changed = Signal(int)

    def __init__(
        self,
        ledger: Ledger,
        cancellation_id: int,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
        lock: StepLock | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(tr("Change decision"))
        self.ledger = ledger
        self.cancellation_id = cancellation_id
        self.runner = StepRunner(self, pool=pool, lock=lock)
        choices = decision_choices(ledger, cancellation_id)
        current, closed, fixed = choices.current, choices.closed, choices.fixed
        self.form = DecisionForm()
        self.form.set_decision(current, ALL_LOCKED if closed else fixed)
        # The form's controls, under the names the dialog's callers have always used.
        form = self.form
        self.reason, self.fault, self.shop_action = form.reason, form.fault, form.shop_action
        self.restock, self.notify = form.restock, form.notify

        intro = QLabel(
            tr(
                "Only what has not happened yet can change. A locked choice says why when "
                "you point at it."
            )
            if not closed
            else tr("This cancellation is closed; its decision cannot change.")
        )
        intro.setWordWrap(True)
        self.banner = Banner()
        self.save_button = primary(QPushButton(tr("Save the decision")))
        self.save_button.setObjectName("saveDecision")
        self.save_button.setDefault(True)
        self.save_button.setEnabled(not closed)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.banner)
        layout.addLayout(button_row(self.save_button, trailing=(cancel,)))

    def save(self) -> bool:
        """Record the change (ledger only, with the other cancel calls' lock)."""
        ledger, run, decided = self.ledger, self.cancellation_id, self.form.decision()
        self.save_button.setEnabled(False)
        return self.runner.run(
            lambda: Autopilot(CancelWorkflow(ledger, None, None)).change_decision(run, decided),
            tr("Saving the decision…"),
            self._saved,
            self._refused,
        )

    def _saved(self, changed: list[str]) -> None:
        if changed:
            self.changed.emit(self.cancellation_id)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message("error", describe(error))  # a refusal: core's own words


def open_decision_dialog(
    ledger: Ledger,
    cancellation_id: int,
    parent: QWidget,
    on_changed: Callable[[int], None],
    *,
    pool: QThreadPool | None = None,
    lock: StepLock | None = None,
) -> DecisionDialog:
    """Change decision… of a run, from its wizard or from the Cancellations view: one dialog
    that closes itself and calls `on_changed(id)` once a change is recorded."""
    dialog = DecisionDialog(ledger, cancellation_id, parent, pool=pool, lock=lock)
    dialog.changed.connect(on_changed)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
