"""The "Cancel everywhere" window: one step at a time, the timeline beside it.

It renders the run's `CancellationView` and sends the merchant's choices to `CancelWorkflow`;
it decides nothing itself. Every workflow call runs off the GUI thread, one at a time, with a
progress line; errors are shown as the workflow words them (redacted). The run is in the ledger
from "Start" on, so "Do this later" (or closing the window) loses nothing: the run shows in the
Cancellations view with its next deadline, and the wizard reopens on it after a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.cancel.autopilot import Autopilot, Need, Progress
from core.cancel.decision import Decision, remembered_decision, run_decision
from core.cancel.errors import CancelError, CancellationOpenError, ShopOutcomePendingError
from core.cancel.listing import badges_for
from core.cancel.states import FINAL, Path
from core.cancel.step_lock import StepLock
from core.cancel.view import Action, CancellationView
from core.cancel.workflow import CancelWorkflow
from core.connections import explain
from core.display_text import display_text
from core.ledger import Ledger
from core.ledger.types import Fault, Reason
from core.order_details import OrderDetails, load_details
from core.redaction import redact
from gui.cancel_ports import OpenWorkflow, WorkflowHandle
from gui.cancel_wizard.asker import Asker, DialogAsker
from gui.cancel_wizard.check_page import CheckPage
from gui.cancel_wizard.money_page import MoneyPage
from gui.cancel_wizard.reason_page import ReasonPage
from gui.cancel_wizard.refused_page import RefusedPage
from gui.cancel_wizard.runner import StepRunner
from gui.cancel_wizard.shop_page import ShopPage
from gui.cancel_wizard.step import (
    PAGE_ACTIONS,
    PAGE_TITLES,
    PageKey,
    RunContext,
    Step,
    StepPage,
    fault_label,
    page_of,
    reason_label,
    shop_step_done,
    tr,
    went_through_refusal,
    when,
)
from gui.cancel_wizard.supplier_page import SupplierPage
from gui.cancel_wizard.texts import Banner
from gui.cancel_wizard.timeline import TimelineView
from gui.i18n import say
from gui.palette import Colours, follow_palette
from gui.window_fit import fit_to_screen

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


def describe(error: BaseException) -> str:
    """What the merchant reads: the workflow's own words, or what the connection said."""
    if isinstance(error, CancelError):
        return redact(say(error.text))
    if isinstance(error, ValueError):
        return redact(str(error))
    return say(explain(error))


class CancelWizard(QWidget):
    """Cancel one supplier order everywhere (`supplier_order_id`), or continue a run
    (`cancellation_id`). `open_workflow` builds the workflow off the GUI thread."""

    changed = Signal(int)  # the run changed in the ledger (its id): refresh the views
    closed = Signal()

    def __init__(
        self,
        ledger: Ledger,
        open_workflow: OpenWorkflow,
        *,
        supplier_order_id: int | None = None,
        cancellation_id: int | None = None,
        asker: Asker | None = None,
        pool: QThreadPool | None = None,
        lock: StepLock | None = None,
        now: Callable[[], datetime] = utc_now,
        autopilot: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`autopilot`: after each of the merchant's steps the run moves on by itself as far
        as its decision allows (the app's windows; False drives every step by hand)."""
        super().__init__(parent)
        self.autopilot = autopilot
        if supplier_order_id is None and cancellation_id is None:
            raise ValueError("a supplier order or a cancellation to open")
        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(tr("Cancel everywhere"))
        self.setObjectName("cancelWizard")
        self.ledger = ledger
        self._opener = open_workflow
        self.asker: Asker = asker or DialogAsker()
        self.now = now
        self.supplier_order_id = supplier_order_id
        self.cancellation_id = cancellation_id
        self.handle: WorkflowHandle | None = None
        self.view: CancellationView | None = None
        self.details: OrderDetails | None = None
        self.shown = PageKey.REASON
        self.decided: Decision | None = None
        self.progress: Progress | None = None
        self._seen: list[Progress] = []
        self._aliexpress_opened = False
        self._closing = False
        self.runner = StepRunner(self, pool=pool, lock=lock)
        self.runner_pool, self.runner_lock = pool, lock  # a dialog's calls share them
        self._build()
        self.runner.started.connect(self._busy_started)
        self.runner.stepped.connect(self.busy_label.setText)
        self.runner.ended.connect(self._busy_ended)
        self._clock = QTimer(self, interval=60_000)
        self._clock.timeout.connect(self._tick)
        self._clock.start()
        self._prepare()

    # -- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("wizardTitle")
        self.title.setStyleSheet("font-size: 17pt; font-weight: 600;")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("wizardSubtitle")
        follow_palette(self.subtitle, Colours.MUTED.css)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.state_label.setStyleSheet("font-weight: 600;")
        self.deadline_label = QLabel()
        self.deadline_label.setObjectName("deadlineLabel")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("connectionLabel")
        follow_palette(self.connection_label, Colours.MUTED.css)
        header = QVBoxLayout()
        header.setSpacing(2)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.connection_label, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(top)
        header.addWidget(self.subtitle)
        where = QHBoxLayout()
        where.addWidget(self.state_label)
        where.addSpacing(16)
        where.addWidget(self.deadline_label, 1)
        header.addLayout(where)

        self.steps = QListWidget()
        self.steps.setObjectName("wizardSteps")
        self.steps.setAccessibleName(tr("Steps"))
        self.steps.setFixedWidth(190)
        self.steps.setFrameShape(QFrame.Shape.NoFrame)
        self.steps.setStyleSheet(
            "QListWidget { background: palette(window); } QListWidget::item { padding: 7px 4px; }"
        )
        self.steps.itemClicked.connect(self._step_clicked)

        self.reason_page = ReasonPage()
        self.check_page = CheckPage()
        self.supplier_page = SupplierPage()
        self.refused_page = RefusedPage()
        self.shop_page = ShopPage()
        self.money_page = MoneyPage()
        self.pages: dict[PageKey, StepPage] = {
            page.key: page
            for page in (
                self.reason_page,
                self.check_page,
                self.supplier_page,
                self.refused_page,
                self.shop_page,
                self.money_page,
            )
        }
        # Not a QStackedWidget: its height-for-width is the tallest page's, so the scroll area
        # would scroll past the end of every shorter page. Hidden pages take no room here.
        self.stack = QWidget()
        stack = QVBoxLayout(self.stack)
        stack.setContentsMargins(0, 0, 0, 0)
        for page in self.pages.values():
            stack.addWidget(page)
            page.hide()
            page.requested.connect(self.run_step)
        self.reason_page.start_requested.connect(self.start)
        ledger = self.ledger  # (no reference back to the window: no cycle keeps it alive)
        self.reason_page.set_defaults(lambda reason: remembered_decision(ledger, reason))
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(self.stack)
        self.scroller.setMinimumWidth(560)

        self.timeline = TimelineView()
        timeline_box = QGroupBox(tr("What was done"))
        QVBoxLayout(timeline_box).addWidget(self.timeline)
        timeline_box.setMinimumWidth(300)
        body = QSplitter()
        body.setChildrenCollapsible(False)
        body.addWidget(self.scroller)
        body.addWidget(timeline_box)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 1)
        body.setSizes([700, 320])
        middle = QHBoxLayout()
        middle.addWidget(self.steps)
        middle.addWidget(body, 1)

        self.banner = Banner()
        self.banner.setObjectName("wizardBanner")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(200)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("busyLabel")
        busy = QHBoxLayout()
        busy.addWidget(self.busy_bar)
        busy.addWidget(self.busy_label, 1)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy)
        self.busy_row.hide()

        self.abandon_button = QPushButton(tr("Abandon…"))
        self.abandon_button.setObjectName("abandonButton")
        self.abandon_button.clicked.connect(self.abandon)
        self.later_button = QPushButton(tr("Do this later"))
        self.later_button.setObjectName("laterButton")
        self.later_button.setToolTip(
            tr("Close; the cancellation stays open in Order > Cancellations with its deadline.")
        )
        self.later_button.clicked.connect(self.close)
        self.change_button = QPushButton(tr("Change decision…"))
        self.change_button.setObjectName("changeDecisionButton")
        self.change_button.setToolTip(
            tr("Change what Dropdesk does by itself, as far as it has not happened yet")
        )
        self.change_button.clicked.connect(self.change_decision)
        self.back_button = QPushButton(tr("< &Back"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(tr("&Next >"))
        self.next_button.setObjectName("nextButton")
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton(tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.abandon_button)
        buttons.addWidget(self.change_button)
        buttons.addStretch(1)
        buttons.addWidget(self.later_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(middle, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.busy_row)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        fit_to_screen(self, 1180, 780)

    # -- opening ------------------------------------------------------------------------------

    def _prepare(self) -> None:
        """Find the run's order (and an open run of the order), then build the workflow."""
        if self.cancellation_id is not None:
            try:
                view = CancelWorkflow(self.ledger, None, None).state(self.cancellation_id)
            except CancelError as error:
                self._show_error(error)
                self._update_buttons()
                return
            self.supplier_order_id = view.supplier_order_id
        elif self.supplier_order_id is not None:
            badge = badges_for(self.ledger, [self.supplier_order_id]).get(self.supplier_order_id)
            if badge is not None and badge.state not in FINAL:
                self.cancellation_id = badge.cancellation_id
        if self.supplier_order_id is not None:
            self.details = load_details(self.ledger, self.supplier_order_id)
        self.reason_page.show_order(self.details, self.now())
        self._show_page(PageKey.REASON)
        self._update_header()
        opener = self._opener
        listener = self.runner.listener
        supplier_order_id = self.supplier_order_id
        self.runner.run(
            lambda: opener(supplier_order_id, listener),
            tr("Connecting to Shopify and AliExpress…"),
            self._opened,
            self._open_failed,
        )

    def _opened(self, handle: WorkflowHandle) -> None:
        if self._closing:
            handle.close()
            return
        self.handle = handle
        self.reason_page.show_connection(handle.workflow.rt.shop is not None)
        if handle.problems:
            self.banner.show_message("warning", handle.problems)
        if self.cancellation_id is not None:
            self.refresh()
            if self.view is not None and Action.RESUME in self.view.actions:
                self.run_step(Step(Action.RESUME, busy=tr("Continuing where Dropdesk stopped…")))
        self._update_buttons()

    def _open_failed(self, error: BaseException) -> None:
        self._show_error(error)
        self._update_buttons()

    @property
    def workflow(self) -> CancelWorkflow | None:
        return self.handle.workflow if self.handle else None

    # -- the merchant's actions ---------------------------------------------------------------

    def start(self, reason: Reason, fault: Fault) -> None:
        """Open the run (ledger only) and check the order (network, off the GUI thread)."""
        workflow = self.workflow
        if workflow is None or self.runner.busy or self.supplier_order_id is None:
            return
        decided = replace(self.reason_page.decision(), reason=reason, fault=fault)
        try:
            self.cancellation_id = Autopilot(workflow).start(self.supplier_order_id, decided)
        except CancellationOpenError as error:
            self.cancellation_id = error.cancellation_id
            self.refresh()
            self.banner.show_message("info", error.text)
            return
        except CancelError as error:
            self._show_error(error)
            return
        self.changed.emit(self.cancellation_id)
        self.refresh()
        self.run_step(
            Step(Action.CHECK, busy=tr("Checking the order with AliExpress and Shopify…"))
        )

    def run_step(self, step: Step) -> bool:
        """Confirm if the step asks for it, then run it off the GUI thread (one at a time)."""
        workflow, run = self.workflow, self.cancellation_id
        if workflow is None or run is None or self.runner.busy:
            return False
        if step.confirm is not None and not self.asker.confirm(self, step.confirm):
            return False
        method = getattr(workflow, step.action.value)
        kwargs = dict(step.kwargs)
        self.banner.clear()
        self.progress = None
        if self.autopilot and self.decided is not None and step.action is not Action.ABANDON:
            pilot = Autopilot(workflow)
            seen: list[Progress] = []
            self._seen = seen

            def work() -> object:  # the merchant's step, then the autopilot's, in one call
                result = method(run, **kwargs)
                seen.append(pilot.advance(run))
                return workflow.state(run) if isinstance(result, CancellationView) else result

        else:

            def work() -> object:
                return method(run, **kwargs)

        return self.runner.run(
            work,
            step.busy or tr("Working…"),
            lambda result: self._step_done(step, result),
            self._step_failed,
        )

    def abandon(self) -> None:
        reason = self.asker.text(
            self,
            tr("Abandon the cancellation"),
            tr("Why? (for example: the customer wants the order after all)"),
        )
        if reason is not None:
            self.run_step(Step(Action.ABANDON, {"reason": reason}, busy=tr("Abandoning…")))

    def change_decision(self) -> QDialog | None:
        """The decision form again, pre-filled; once a change is saved the run shows it and
        the autopilot goes on with it."""
        from gui.cancel_wizard.decision_dialog import open_decision_dialog

        run = self.cancellation_id
        if run is None or self.runner.busy:
            return None
        return open_decision_dialog(
            self.ledger,
            run,
            self,
            self._decision_changed,
            pool=self.runner_pool,
            lock=self.runner_lock,
        )

    def _decision_changed(self, run: int) -> None:
        self.refresh()
        self.changed.emit(run)
        self.advance()

    def advance(self) -> bool:
        """Let the autopilot take the run as far as it can (a run with a decision only)."""
        workflow, run = self.workflow, self.cancellation_id
        if workflow is None or run is None or self.runner.busy or self.decided is None:
            return False
        if not self.autopilot:
            return False
        pilot = Autopilot(workflow)
        return self.runner.run(
            lambda: pilot.advance(run),
            tr("Moving on by itself…"),
            self._advanced,
            self._step_failed,
        )

    def _advanced(self, progress: Progress) -> None:
        self.progress = progress
        self.refresh()
        self._show_progress(progress)
        if self.cancellation_id is not None:
            self.changed.emit(self.cancellation_id)

    def progress_pending(self) -> bool:
        return bool(self._seen)

    def _show_progress(self, progress: Progress) -> None:
        """What the autopilot could not do, or what it will do next by itself. Right after
        Start, the AliExpress order page opens with the message on the clipboard: the
        merchant's part there is the one thing no API does."""
        if progress.need is Need.ALIEXPRESS and not self._aliexpress_opened:
            self._aliexpress_opened = True
            self.go_to(PageKey.SUPPLIER)
            self.supplier_page.open_order_page()
        if progress.problem:
            self.banner.show_message("warning", redact(progress.problem))
        elif progress.will:
            self.banner.show_message("info", progress.will.get(self._lang()))

    def _lang(self) -> str:
        return "de" if QLocale().language() == QLocale.Language.German else "en"

    def _step_done(self, step: Step, result: object) -> None:
        if isinstance(result, CancellationView):
            self.show_view(result)
            if step.action is Action.CHECK and self.progress_pending():
                pass  # the autopilot went on: show where the run stands now
            elif step.action is Action.CHECK:  # first show what the check found, then Next
                self.go_to(PageKey.CHECK)
        else:
            if step.done is not None:
                step.done(result)
            self.refresh()
        if self._seen:
            self.progress = self._seen.pop()
            self._show_progress(self.progress)
        if self.cancellation_id is not None:
            self.changed.emit(self.cancellation_id)

    def _step_failed(self, error: BaseException) -> None:
        if not isinstance(error, CancelError):
            log.warning("Cancel step failed: %s", describe(error))
        self.refresh()  # the run may have moved (a refusal reverts a step)
        self._show_error(error)
        if self.cancellation_id is not None:
            self.changed.emit(self.cancellation_id)

    def _show_error(self, error: BaseException) -> None:
        text = describe(error)
        if isinstance(error, ShopOutcomePendingError):
            self.banner.show_message("warning", text)
        else:
            self.banner.show_message("error", text)

    # -- showing ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the run from the ledger and show it."""
        workflow, run = self.workflow, self.cancellation_id
        if run is None:
            return
        try:
            view = (workflow or CancelWorkflow(self.ledger, None, None)).state(run)
        except CancelError as error:
            self._show_error(error)
            return
        self.show_view(view)

    def show_view(self, view: CancellationView) -> None:
        before = self.view
        moved = (  # the run moved on (a step taken early may come back to the same state)
            before is None
            or before.id != view.id
            or before.state is not view.state
            or len(before.timeline) != len(view.timeline)
        )
        self.view = view
        self.cancellation_id = view.id
        self.decided = run_decision(self.ledger, view.id)
        if self.decided is not None:
            self.reason_page.show_decision(self.decided)
        if self.details is None and view.supplier_order_id is not None:
            self.details = load_details(self.ledger, view.supplier_order_id)
        self.timeline.show_entries(view.timeline)
        self.reason_page.lock(view)
        if moved:
            self.shown = page_of(view.state)
        self._render_shown()
        self._update_header()
        self._update_buttons()

    def _context(self) -> RunContext | None:
        if self.view is None or self.workflow is None:
            return None
        return RunContext(self.view, self.workflow, self.details, self.now())

    def _render_shown(self) -> None:
        ctx = self._context()
        if ctx is not None:
            self.pages[self.shown].show_run(ctx)
        self._show_page(self.shown)

    def _show_page(self, key: PageKey) -> None:
        self.shown = key
        for page in self.pages.values():
            page.setVisible(page.key is key)
        self.scroller.verticalScrollBar().setValue(0)
        self._update_steps()

    def _update_header(self) -> None:
        view, details = self.view, self.details
        name = ""
        if view is not None and view.order_name:
            name = view.order_name
        elif details is not None and details.customer_order is not None:
            name = details.customer_order.name
        name = display_text(name)
        self.title.setText(
            tr("Cancel {0} everywhere").format(name) if name else tr("Cancel everywhere")
        )
        self.setWindowTitle(self.title.text())
        ae = (
            view.external_order_id
            if view
            else details.supplier_order.external_order_id
            if details
            else ""
        )
        parts = [tr("AliExpress order {0}").format(ae)] if ae else []
        if view is not None:
            parts.append(tr("Reason: {0}").format(reason_label(view.reason)))
            parts.append(tr("Fault: {0}").format(fault_label(view.fault)))
        self.subtitle.setText(" · ".join(parts))
        if view is None:
            self.state_label.setText(tr("Not started"))
            self.deadline_label.clear()
            self.connection_label.clear()
            return
        self.state_label.setText(tr("Now: {0}").format(tr(view.info.label)))
        if view.next_deadline is not None:
            overdue = view.next_deadline <= self.now()
            self.deadline_label.setText(
                f"{tr(view.next_deadline_label)}: {when(view.next_deadline, self.now())}"
            )
            follow_palette(self.deadline_label, Colours.NEGATIVE.css if overdue else str)
        else:
            self.deadline_label.clear()
        self.connection_label.setText(
            " · ".join(
                [
                    tr("AliExpress: connected")
                    if view.supplier_online
                    else tr("AliExpress: by hand"),
                    tr("Shopify: connected") if view.shop_online else tr("Shopify: by hand"),
                ]
            )
        )

    def _visible_pages(self) -> list[PageKey]:
        pages = [PageKey.REASON, PageKey.CHECK, PageKey.SUPPLIER]
        view = self.view
        if view is not None and went_through_refusal(view):
            pages.append(PageKey.REFUSED)
        pages += [PageKey.SHOP, PageKey.MONEY]
        return pages

    def reachable(self, key: PageKey) -> bool:
        """A page up to where the run stands, or a later one with something to do now."""
        view = self.view
        if key not in self._visible_pages():
            return False
        if view is None:
            return key is PageKey.REASON
        return (
            key <= page_of(view.state)
            or bool(PAGE_ACTIONS[key] & set(view.actions))
            or (key is PageKey.SHOP and shop_step_done(view))
        )

    def _neighbour(self, step: int) -> PageKey | None:
        pages = self._visible_pages()
        index = pages.index(self.shown) if self.shown in pages else 0
        index += step
        while 0 <= index < len(pages):
            if self.reachable(pages[index]):
                return pages[index]
            index += step
        return None

    def go_to(self, key: PageKey) -> bool:
        if self.runner.busy or not self.reachable(key):
            return False
        self.shown = key
        self._render_shown()
        self._update_buttons()
        return True

    def back(self) -> None:
        target = self._neighbour(-1)
        if target is not None:
            self.go_to(target)

    def next(self) -> None:
        target = self._neighbour(+1)
        if target is not None:
            self.go_to(target)

    def _update_steps(self) -> None:
        self.steps.clear()
        view = self.view
        current = page_of(view.state) if view else PageKey.REASON
        for number, key in enumerate(self._visible_pages(), start=1):
            mark, tip = str(number), ""
            if view is not None and (
                key < current or view.final or (key is PageKey.SHOP and shop_step_done(view))
            ):
                mark = "✓"
                if (
                    key is PageKey.SUPPLIER
                    and view.path is Path.REFUND
                    and not view.supplier_answer
                ):
                    mark, tip = "–", tr("Skipped: the parcel had already left the supplier")
            elif view is not None and key is current and not view.final:
                tip = tr("Where the cancellation stands")
            item = QListWidgetItem(f"{mark}   {tr(PAGE_TITLES[key])}")
            item.setToolTip(tip)
            item.setData(Qt.ItemDataRole.UserRole, int(key))
            font = item.font()
            font.setBold(key is self.shown)
            item.setFont(font)
            if not self.reachable(key):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.steps.addItem(item)

    def _step_clicked(self, item: QListWidgetItem) -> None:
        self.go_to(PageKey(int(item.data(Qt.ItemDataRole.UserRole))))

    def _update_buttons(self) -> None:
        busy = self.runner.busy
        view = self.view
        open_run = view is not None and not view.final
        self.back_button.setEnabled(not busy and self._neighbour(-1) is not None)
        self.next_button.setEnabled(not busy and self._neighbour(+1) is not None)
        self.abandon_button.setVisible(view is not None and Action.ABANDON in view.actions)
        self.change_button.setVisible(open_run)
        self.change_button.setEnabled(not busy)
        self.abandon_button.setEnabled(not busy)
        self.later_button.setVisible(open_run)
        self.close_button.setVisible(not open_run)
        self.stack.setEnabled(not busy and self.handle is not None)
        self.steps.setEnabled(not busy)
        self.reason_page.start_button.setEnabled(
            not busy and self.handle is not None and view is None and self.details is not None
        )

    def _busy_started(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_row.show()
        self._update_buttons()

    def _busy_ended(self) -> None:
        self.busy_row.hide()
        if self._closing:
            self._release()
            return
        self._update_buttons()

    def _tick(self) -> None:
        if self.view is not None and not self.runner.busy:
            self._update_header()

    # -- closing ------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.runner.busy

    def closeEvent(self, event: QCloseEvent) -> None:
        """ "Do this later": the run stays in the ledger. A call in flight finishes first."""
        self._closing = True
        if not self.runner.busy:
            self._release()
        super().closeEvent(event)
        self.closed.emit()

    def _release(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None
