"""What a main window needs for cancellations, in one object: the wizard for an order or for a
run (one window per run, raised when it is already open), the Cancellations view, the resume of
interrupted runs at start-up, and moving runs on after "Refresh from AliExpress".

All workflow calls, the wizards' and these, share one lock (core.cancel.step_lock): they never
overlap. The status watch takes it per run, so a merchant's click never waits for a whole pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QDialog, QWidget

from core.aliexpress import SyncSummary
from core.cancel.autopilot import Answer, Progress
from core.cancel.states import STATES
from core.cancel.step_lock import StepLock
from core.cancel.workflow import ResumeOutcome
from core.ledger import Ledger
from gui import cancel_ports
from gui.cancel_ports import OpenWorkflow
from gui.cancel_wizard.asker import Asker
from gui.cancel_wizard.runner import StepRunner
from gui.cancel_wizard.step import tr
from gui.cancel_wizard.wizard import CancelWizard, describe
from gui.cancellations_view import CancellationsView
from gui.i18n import say

#: The status watch: every five minutes, at most 50 orders a pass. The AliExpress client spaces
#: its calls (core.aliexpress.rate_limit), so a pass costs at most 100 calls, well inside the
#: app's daily budget even with the app open all day.
WATCH_INTERVAL_MS = 5 * 60_000
WATCH_LIMIT = 50


def utc_now() -> datetime:
    return datetime.now(UTC)


class CancelLauncher(QObject):
    """Opens wizards and the Cancellations view for `window`; `changed` means "re-read the
    ledger" (a run moved), `message` is a line for the status bar."""

    changed = Signal()
    message = Signal(str)
    watched = Signal(object)  # list[Progress] after each pass of the status watch
    answered = Signal(object)  # the Progress after an answer from "Needs me" or the tray

    def __init__(
        self,
        ledger: Ledger,
        open_workflow: OpenWorkflow,
        window: QWidget,
        *,
        asker: Asker | None = None,
        pool: QThreadPool | None = None,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(window)
        self.ledger = ledger
        self.open_workflow = open_workflow
        self.window = window
        self.asker = asker
        self.pool = pool
        self.now = now
        self.lock = StepLock()
        self.wizards: list[CancelWizard] = []
        self.view: CancellationsView | None = None
        self.resumer = StepRunner(self, pool=pool, lock=self.lock)
        self.syncer = StepRunner(self, pool=pool, lock=self.lock)
        self._sync_again = False
        self.syncer.ended.connect(self._sync_pending)
        self.watcher = StepRunner(self, pool=pool)  # takes self.lock per run (watch_now)
        self.answerer = StepRunner(self, pool=pool, lock=self.lock)
        self.watch_limit = WATCH_LIMIT
        self.watch_timer = QTimer(self)
        self.watch_timer.timeout.connect(self.watch_now)

    # -- windows ------------------------------------------------------------------------------

    def open_for_order(self, supplier_order_id: int) -> CancelWizard:
        """The wizard for this supplier order: its open run if it has one, else a new one."""
        for wizard in self.wizards:
            if wizard.supplier_order_id == supplier_order_id and not (
                wizard.view is not None and wizard.view.final
            ):
                return self._raise(wizard)
        return self._show(self._make(supplier_order_id=supplier_order_id))

    def open_cancellation(self, cancellation_id: int) -> CancelWizard:
        """The wizard on this run (after "Do this later", or after a restart)."""
        for wizard in self.wizards:
            if wizard.cancellation_id == cancellation_id:
                return self._raise(wizard)
        return self._show(self._make(cancellation_id=cancellation_id))

    def show_cancellations(self) -> CancellationsView:
        if self.view is None:
            self.view = CancellationsView(self.ledger, self.window, now=self.now, pool=self.pool)
            self.view.setWindowFlag(Qt.WindowType.Window)
            self.view.resume_requested.connect(self.open_cancellation)
            self.view.change_requested.connect(self.change_decision)
        else:
            self.view.refresh()
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        return self.view

    def change_decision(self, cancellation_id: int) -> QDialog:
        """Change decision… for a run (the Cancellations view's menu); its wizard, if open,
        shows the change, and the autopilot goes on with it."""
        from gui.cancel_wizard.decision_dialog import open_decision_dialog

        parent = self.view if self.view is not None else self.window
        return open_decision_dialog(
            self.ledger,
            cancellation_id,
            parent,
            self._decision_changed,
            pool=self.pool,
            lock=self.lock,
        )

    def _decision_changed(self, cancellation_id: int) -> None:
        for wizard in self.wizards:
            if wizard.cancellation_id == cancellation_id and not wizard.busy:
                wizard.refresh()
        self._run_changed()

    def close_all(self) -> None:
        """Close every wizard (their runs stay open in the ledger) and the Cancellations view:
        before the window closes or another ledger is opened."""
        for wizard in list(self.wizards):
            wizard.close()
        if self.view is not None:
            self.view.close()

    def _make(
        self, *, supplier_order_id: int | None = None, cancellation_id: int | None = None
    ) -> CancelWizard:
        return CancelWizard(
            self.ledger,
            self.open_workflow,
            supplier_order_id=supplier_order_id,
            cancellation_id=cancellation_id,
            asker=self.asker,
            pool=self.pool,
            lock=self.lock,
            now=self.now,
            autopilot=True,
            parent=self.window,
        )

    def _show(self, wizard: CancelWizard) -> CancelWizard:
        self.wizards.append(wizard)
        wizard.changed.connect(self._run_changed)
        wizard.closed.connect(lambda: self._forget(wizard))
        wizard.show()
        return wizard

    def _raise(self, wizard: CancelWizard) -> CancelWizard:
        wizard.show()
        wizard.raise_()
        wizard.activateWindow()
        return wizard

    def _forget(self, wizard: CancelWizard) -> None:
        if wizard in self.wizards:
            self.wizards.remove(wizard)
        if wizard.busy:  # its call finishes first (and closes its clients)
            wizard.runner.ended.connect(wizard.deleteLater)
        else:
            wizard.deleteLater()
        self._run_changed()

    def _run_changed(self, _cancellation_id: int | None = None) -> None:
        if self.view is not None and self.view.isVisible():  # else it reads when shown again
            self.view.refresh()
        self.changed.emit()

    # -- background work ----------------------------------------------------------------------

    def resume_all(self) -> bool:
        """At start-up: finish what a crash or a quit interrupted (off the GUI thread)."""
        ledger, opener = self.ledger, self.open_workflow
        return self.resumer.run(
            lambda: cancel_ports.resume_open_runs(ledger, opener),
            tr("Continuing interrupted cancellations…"),
            self._resumed,
            lambda error: self.message.emit(
                tr("Cancellations could not be continued: {0}").format(describe(error))
            ),
        )

    def _resumed(self, outcomes: list[ResumeOutcome]) -> None:
        if not outcomes:
            return
        stuck = [o for o in outcomes if o.problem]
        text = tr("Cancellations continued after the restart: {0}.").format(len(outcomes))
        if stuck:
            text += " " + tr("{0} need you (Order > Cancellations): {1}").format(
                len(stuck), stuck[0].problem
            )
        self.message.emit(text)
        self._refresh_wizards()
        self._run_changed()

    def apply_status_sync(self, changed: SyncSummary | Iterable[int] | None = None) -> bool:
        """After "Refresh from AliExpress": move runs on from what it saw (no network).
        `changed` None looks at every open run's supplier order."""
        if self.syncer.busy:
            self._sync_again = True  # once this pass ends, look at every open run again
            return False
        ledger = self.ledger
        return self.syncer.run(
            lambda: cancel_ports.apply_status_sync(ledger, changed),
            tr("Moving cancellations on…"),
            self._synced,
            lambda error: self.message.emit(describe(error)),
        )

    def _synced(self, moved: tuple[int, ...]) -> None:
        if moved:
            self.message.emit(
                tr("AliExpress refresh: {0} cancellations moved on.").format(len(moved))
            )
            self._refresh_wizards()
            self._run_changed()

    def _sync_pending(self) -> None:
        if self._sync_again:
            self._sync_again = False
            self.apply_status_sync(None)

    def start_watch(
        self, interval_ms: int = WATCH_INTERVAL_MS, *, limit: int = WATCH_LIMIT
    ) -> None:
        """While the app runs: every few minutes, the autopilot looks at AliExpress for the
        open runs (at most `limit` orders a pass) and moves them on."""
        self.watch_limit = limit
        self.watch_timer.start(interval_ms)

    def stop_watch(self) -> None:
        self.watch_timer.stop()

    def watch_now(self) -> bool:
        """One pass of the status watch off the GUI thread (False: one is still running)."""
        if self.watcher.busy:
            return False
        ledger, opener = self.ledger, self.open_workflow
        limit, per_run = self.watch_limit, self.lock.between_others
        return self.watcher.run(
            lambda: cancel_ports.watch_open_runs(ledger, opener, limit=limit, per_run=per_run),
            tr("Watching the open cancellations…"),
            self._watched,
            lambda error: self.message.emit(describe(error)),
        )

    def _watched(self, progress: list[Progress]) -> None:
        moved = [p for p in progress if p.did]
        self.watched.emit(progress)
        if moved:
            self.message.emit(tr("Cancellations moved on by themselves: {0}.").format(len(moved)))
            self._refresh_wizards()
            self._run_changed()

    def answer(self, cancellation_id: int, answer: Answer) -> bool:
        """A person's answer to a waiting run, applied off the GUI thread without a wizard
        ("Needs me", the tray). False: another answer is still being recorded."""
        if self.answerer.busy:
            return False
        ledger, opener = self.ledger, self.open_workflow
        return self.answerer.run(
            lambda: cancel_ports.answer_run(ledger, opener, cancellation_id, answer),
            tr("Recording your answer…"),
            self._answered,
            lambda error: self.message.emit(describe(error)),
        )

    def _answered(self, progress: Progress) -> None:
        self.answered.emit(progress)
        if progress.problem:
            self.message.emit(progress.problem)
        else:
            text = tr("Recorded. Now: {0}").format(tr(STATES[progress.state].label))
            will = say(progress.will)
            self.message.emit(f"{text}. {will}" if will else text)
        self._refresh_wizards()
        self._run_changed()

    def _refresh_wizards(self) -> None:
        for wizard in self.wizards:
            if not wizard.busy and wizard.cancellation_id is not None:
                wizard.refresh()
