"""What the wizard's pages share: which page a state belongs to, the request a page makes of
the wizard (a workflow call, maybe behind a confirmation), and the page base class.

Pages never call the network themselves: they emit a `Step`, and the wizard runs it off the
GUI thread, one at a time, then shows the run's new `CancellationView` on the page it is at.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.cancel.states import STATES, PageKey, State
from core.cancel.view import Action, CancellationView
from core.cancel.workflow import CancelWorkflow
from core.clocks import remaining
from core.imports.amounts import format_amount, parse_amount
from core.ledger.types import Fault, Reason
from core.order_details import OrderDetails
from core.review import FAULT_LABELS, REASON_LABELS
from gui.formatting import countdown_text, local_time

Button = TypeVar("Button", bound=QAbstractButton)


def primary(button: Button) -> Button:
    """Mark the main thing to do on a page (bold, its natural width)."""
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    return button


def button_row(*buttons: QWidget, trailing: tuple[QWidget, ...] = ()) -> QHBoxLayout:
    """Buttons (or an amount and its currency) side by side at their natural width,
    `trailing` ones at the right."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    for button in trailing:
        row.addWidget(button)
    return row


def tr(text: str) -> str:
    return QCoreApplication.translate("CancelWizard", text)


PAGE_TITLES = {
    PageKey.REASON: "Reason",
    PageKey.CHECK: "Where it stands",
    PageKey.SUPPLIER: "Cancel on AliExpress",
    PageKey.REFUSED: "If the supplier refuses",
    PageKey.SHOP: "Shopify",
    PageKey.MONEY: "The money",
}

#: The actions each page offers; a later page with one of them may be visited early.
PAGE_ACTIONS: dict[PageKey, frozenset[Action]] = {
    PageKey.REASON: frozenset(),
    PageKey.CHECK: frozenset({Action.CHECK}),
    PageKey.SUPPLIER: frozenset(
        {
            Action.MARK_SUPPLIER_CANCEL_REQUESTED,
            Action.MARK_SUPPLIER_ANSWER,
            Action.REFRESH_SUPPLIER,
        }
    ),
    PageKey.REFUSED: frozenset(
        {
            Action.REQUEST_TRACKING,
            Action.MARK_TRACKING_RECEIVED,
            Action.OPEN_DISPUTE,
            Action.MARK_DISPUTE_ESCALATED,
            Action.CLOSE_DISPUTE,
        }
    ),
    PageKey.SHOP: frozenset(
        {
            Action.CANCEL_ON_SHOP,
            Action.PREVIEW_SHOP_REFUND,
            Action.REFUND_ON_SHOP,
            Action.CONFIRM_MANUAL_SHOP_STEP,
        }
    ),
    PageKey.MONEY: frozenset({Action.EXPECT_SUPPLIER_REFUND, Action.MARK_SUPPLIER_REFUND_RECEIVED}),
}

#: The states the refused page shows, as the timeline's events name them.
_REFUSED = frozenset(s.value for s, info in STATES.items() if info.page is PageKey.REFUSED)


def page_of(state: State) -> PageKey:
    """The page that shows a state (its descriptor says)."""
    return STATES[state].page


def went_through_refusal(view: CancellationView) -> bool:
    """Whether the refused step belongs to this run (so the wizard lists it): the run is at
    a state of that page, or its timeline passed one."""
    if page_of(view.state) is PageKey.REFUSED:
        return True
    return any(entry.kind.split(".", 1)[-1] in _REFUSED for entry in view.timeline)


def shop_step_done(view: CancellationView) -> bool:
    """Whether the Shopify step was taken (it may come before the supplier's answer)."""
    return any(
        entry.kind in ("cancellation.shop_cancelled", "cancellation.shop_refunded")
        for entry in view.timeline
    )


#: How a dispute ended: the refused page's choices, and how the timeline says them.
OUTCOMES = (
    ("refunded", "AliExpress refunds me"),
    ("rejected", "Rejected: no refund"),
    ("withdrawn", "I withdrew it"),
)


def reason_label(reason: str) -> str:
    """The reason in words; one this version does not know reads as "Other"."""
    return tr(REASON_LABELS.get(reason, REASON_LABELS[Reason.OTHER]))


def fault_label(fault: str) -> str:
    return tr(FAULT_LABELS.get(fault, FAULT_LABELS[Fault.UNKNOWN]))


def when(moment: datetime | None, now: datetime) -> str:
    """ "26/11/2026 09:05 (in 2 d 05 h)" or "(overdue 3 h)": the time and how far off it is."""
    if moment is None:
        return ""
    left = remaining(moment, now)
    countdown = countdown_text(left)  # in the window's language ("Verzug 3 h")
    relative = countdown if left <= timedelta(0) else tr("in {0}").format(countdown)
    return f"{local_time(moment)} ({relative})"


def amount_text(minor: int, currency: str) -> str:
    """An amount as the merchant types it here ("42.40", or "42,40" in a German locale)."""
    return format_amount(minor, currency, decimal_mark=QLocale().decimalPoint())


def read_amount(text: str, currency: str) -> int:
    """What the merchant typed, in minor units; AmountError (with the text) if not an amount."""
    return parse_amount(text.strip() or "0", currency, decimal_mark=QLocale().decimalPoint())


@dataclass(frozen=True)
class RunContext:
    """What a page renders: the run, the workflow (for its guides), the orders, the time."""

    view: CancellationView
    workflow: CancelWorkflow
    details: OrderDetails | None
    now: datetime

    @property
    def supplier_currency(self) -> str:
        return self.details.supplier_order.currency if self.details else "USD"

    @property
    def supplier_cost_minor(self) -> int:
        return self.details.supplier_order.cost_minor if self.details else 0

    @property
    def customer_currency(self) -> str:
        order = self.details.customer_order if self.details else None
        return order.currency if order else "EUR"


@dataclass(frozen=True)
class Confirmation:
    """A question asked before a step that cannot be taken back."""

    title: str
    text: str
    accept: str  # the button that goes ahead, e.g. "Cancel on Shopify"
    details: str = ""


@dataclass(frozen=True)
class Step:
    """A workflow call a page asks for: `CancelWorkflow.<action>(run, **kwargs)`.

    `done` receives the result when it is not a `CancellationView` (a preview, for example);
    a view is shown by the wizard itself.
    """

    action: Action
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    busy: str = ""
    confirm: Confirmation | None = None
    done: Callable[[Any], None] | None = None


class StepPage(QWidget):
    """One step of the wizard. `show_run` shows a run; buttons emit `requested` with a `Step`."""

    requested = Signal(object)
    key: PageKey = PageKey.REASON

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: CancellationView | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.setSpacing(10)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.layout_.addWidget(self.heading)

    def add_button(self, button: QAbstractButton) -> None:
        """A button on its own line, at its natural width."""
        self.layout_.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_run(self, ctx: RunContext) -> None:
        self.view = ctx.view

    def can(self, action: Action) -> bool:
        return self.view is not None and action in self.view.actions

    def ask(self, step: Step) -> None:
        self.requested.emit(step)
