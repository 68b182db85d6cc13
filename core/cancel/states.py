"""The states of a cancellation and the transitions between them (the one source of truth).

Each state has one descriptor in `STATES` (what it is called, the wizard page that shows it,
who moves the run on from it, the actions it offers); core and the window read those, never a
table of their own. The wizard renders a state and offers the actions `core.cancel.view`
derives from it; every state change goes through `check_transition`, so an impossible step
(refunding before anything was decided, cancelling twice) is refused with a message instead of
corrupting the run. The values of `State` are what the ledger stores: never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from core.cancel.actions import Action
from core.cancel.errors import IllegalTransitionError
from core.texts import Text


class State(StrEnum):
    CHECKING = "checking"
    REFUND_PATH = "refund_path"
    SUPPLIER_CANCEL_TODO = "supplier_cancel_todo"
    SUPPLIER_CANCEL_REQUESTED = "supplier_cancel_requested"
    SUPPLIER_CANCELLED = "supplier_cancelled"
    SUPPLIER_REFUSED = "supplier_refused"
    TRACKING_REQUESTED = "tracking_requested"
    TRACKING_RECEIVED = "tracking_received"
    DISPUTE_OPEN = "dispute_open"
    DISPUTE_CLOSED = "dispute_closed"
    SHOP_CANCEL_TODO = "shop_cancel_todo"
    SHOP_CANCEL_SENT = "shop_cancel_sent"
    SHOP_CANCELLED = "shop_cancelled"
    SHOP_REFUND_TODO = "shop_refund_todo"
    SHOP_REFUND_SENT = "shop_refund_sent"
    SHOP_REFUNDED = "shop_refunded"
    AWAITING_SUPPLIER_REFUND = "awaiting_supplier_refund"
    DONE = "done"
    ABANDONED = "abandoned"


class Path(StrEnum):
    """What the run does on Shopify: cancel the order, or refund it (shipped or fulfilled)."""

    UNDECIDED = ""
    CANCEL = "cancel"
    REFUND = "refund"


class PageKey(IntEnum):
    """The wizard's steps, in the order the merchant meets them; each state belongs to one."""

    REASON = 0
    CHECK = 1
    SUPPLIER = 2
    REFUSED = 3
    SHOP = 4
    MONEY = 5


class Mover(StrEnum):
    """Who moves a run on from a state."""

    MERCHANT = "merchant"  # the merchant's next step
    #: Also the merchant, but the supplier has not agreed (yet): a Shopify step here costs the
    #: merchant money if the goods ship anyway, so it needs an explicit acknowledgement.
    SUPPLIER = "supplier"
    WORKFLOW = "workflow"  # passes through: the workflow moves on by itself (resume, after a crash)
    SHOPIFY = "shopify"  # a call to Shopify is in flight, its outcome not recorded yet
    NOBODY = "nobody"  # final


@dataclass(frozen=True)
class StateInfo:
    """What a state is to the merchant and to the window.

    `label` is English, marked for translation (the window translates it in the "CancelWizard"
    context; the catalogue lists every label). `actions` are the steps the state itself offers;
    for a state the merchant moves on, `core.cancel.view` adds those that depend on the run (a
    connection, the Shopify step, a refund on the way, abandoning).
    """

    label: str
    page: PageKey
    mover: Mover = Mover.MERCHANT
    actions: tuple[Action, ...] = ()


S, A, M, P = State, Action, Mover, PageKey
_PASSING = (A.RESUME, A.ABANDON)
_IN_FLIGHT = (A.RESUME, A.CONFIRM_MANUAL_SHOP_STEP)

STATES: dict[State, StateInfo] = {
    S.CHECKING: StateInfo("Checking where the order stands", P.CHECK, actions=(A.CHECK,)),
    S.REFUND_PATH: StateInfo("Too late to cancel: refund instead", P.SHOP, M.WORKFLOW, _PASSING),
    S.SUPPLIER_CANCEL_TODO: StateInfo(
        "Cancel at the supplier on AliExpress",
        P.SUPPLIER,
        M.SUPPLIER,
        (A.MARK_SUPPLIER_CANCEL_REQUESTED,),
    ),
    S.SUPPLIER_CANCEL_REQUESTED: StateInfo(
        "Waiting for the supplier's answer", P.SUPPLIER, M.SUPPLIER, (A.MARK_SUPPLIER_ANSWER,)
    ),
    S.SUPPLIER_CANCELLED: StateInfo("Cancelled at the supplier", P.SUPPLIER, M.WORKFLOW, _PASSING),
    S.SUPPLIER_REFUSED: StateInfo(
        "The supplier refused to cancel",
        P.REFUSED,
        M.SUPPLIER,
        (A.REQUEST_TRACKING, A.MARK_TRACKING_RECEIVED),
    ),
    S.TRACKING_REQUESTED: StateInfo(
        "Waiting for the tracking number", P.REFUSED, M.SUPPLIER, (A.MARK_TRACKING_RECEIVED,)
    ),
    S.TRACKING_RECEIVED: StateInfo("Tracking number received", P.REFUSED, M.WORKFLOW, _PASSING),
    S.DISPUTE_OPEN: StateInfo(
        "Dispute open on AliExpress",
        P.REFUSED,
        M.SUPPLIER,
        (A.MARK_TRACKING_RECEIVED, A.MARK_DISPUTE_ESCALATED, A.CLOSE_DISPUTE),
    ),
    S.DISPUTE_CLOSED: StateInfo("Dispute closed", P.REFUSED, M.WORKFLOW, _PASSING),
    S.SHOP_CANCEL_TODO: StateInfo("Cancel the order on Shopify", P.SHOP),
    S.SHOP_CANCEL_SENT: StateInfo("Cancel sent to Shopify", P.SHOP, M.SHOPIFY, _IN_FLIGHT),
    S.SHOP_CANCELLED: StateInfo("Cancelled on Shopify", P.SHOP, M.WORKFLOW, _PASSING),
    S.SHOP_REFUND_TODO: StateInfo("Refund the customer on Shopify", P.SHOP),
    S.SHOP_REFUND_SENT: StateInfo("Refund sent to Shopify", P.SHOP, M.SHOPIFY, _IN_FLIGHT),
    S.SHOP_REFUNDED: StateInfo("Refunded on Shopify", P.SHOP, M.WORKFLOW, _PASSING),
    S.AWAITING_SUPPLIER_REFUND: StateInfo("Waiting for the supplier's refund", P.MONEY),
    S.DONE: StateInfo("Done", P.MONEY, M.NOBODY),
    S.ABANDONED: StateInfo("Abandoned", P.MONEY, M.NOBODY),
}


def _moved_by(mover: Mover) -> frozenset[State]:
    return frozenset(state for state, info in STATES.items() if info.mover is mover)


FINAL = _moved_by(M.NOBODY)
#: States that only pass through: the workflow moves on by itself (and `resume` after a crash).
TRANSIENT = _moved_by(M.WORKFLOW)
#: States with a call to Shopify in flight whose outcome is not recorded yet.
IN_FLIGHT = _moved_by(M.SHOPIFY)
#: States in which the supplier has not (yet) agreed (see Mover.SUPPLIER).
SUPPLIER_PENDING = _moved_by(M.SUPPLIER)

_SHOP_TODO = frozenset({S.SHOP_CANCEL_TODO, S.SHOP_REFUND_TODO})
_AFTER_SHOP = frozenset({S.AWAITING_SUPPLIER_REFUND, S.DONE, S.ABANDONED} | SUPPLIER_PENDING)

TRANSITIONS: dict[State, frozenset[State]] = {
    S.CHECKING: frozenset(
        {S.SUPPLIER_CANCEL_TODO, S.REFUND_PATH, S.SUPPLIER_CANCELLED, S.ABANDONED}
    ),
    S.SUPPLIER_CANCEL_TODO: frozenset(
        {S.SUPPLIER_CANCEL_REQUESTED, S.SUPPLIER_CANCELLED, S.REFUND_PATH, S.ABANDONED} | _SHOP_TODO
    ),
    S.SUPPLIER_CANCEL_REQUESTED: frozenset(
        {S.SUPPLIER_CANCELLED, S.SUPPLIER_REFUSED, S.ABANDONED} | _SHOP_TODO
    ),
    S.SUPPLIER_CANCELLED: frozenset({S.AWAITING_SUPPLIER_REFUND, S.DONE, S.ABANDONED} | _SHOP_TODO),
    S.SUPPLIER_REFUSED: frozenset(
        {S.TRACKING_REQUESTED, S.TRACKING_RECEIVED, S.SUPPLIER_CANCELLED, S.ABANDONED} | _SHOP_TODO
    ),
    S.TRACKING_REQUESTED: frozenset(
        {S.TRACKING_RECEIVED, S.DISPUTE_OPEN, S.SUPPLIER_CANCELLED, S.ABANDONED} | _SHOP_TODO
    ),
    S.TRACKING_RECEIVED: frozenset({S.REFUND_PATH, S.ABANDONED}),
    S.DISPUTE_OPEN: frozenset({S.DISPUTE_CLOSED, S.ABANDONED} | _SHOP_TODO),
    S.DISPUTE_CLOSED: frozenset({S.AWAITING_SUPPLIER_REFUND, S.DONE, S.ABANDONED} | _SHOP_TODO),
    S.REFUND_PATH: frozenset({S.SHOP_REFUND_TODO, S.AWAITING_SUPPLIER_REFUND, S.DONE, S.ABANDONED}),
    S.SHOP_CANCEL_TODO: frozenset(
        {S.SHOP_CANCEL_SENT, S.SHOP_CANCELLED, S.SHOP_REFUND_TODO, S.ABANDONED}
    ),
    # No abandon while a call is in flight: first learn what Shopify did (resume).
    S.SHOP_CANCEL_SENT: frozenset({S.SHOP_CANCELLED, S.SHOP_CANCEL_TODO}),
    S.SHOP_CANCELLED: _AFTER_SHOP,
    S.SHOP_REFUND_TODO: frozenset({S.SHOP_REFUND_SENT, S.SHOP_REFUNDED, S.ABANDONED}),
    S.SHOP_REFUND_SENT: frozenset({S.SHOP_REFUNDED, S.SHOP_REFUND_TODO}),
    S.SHOP_REFUNDED: _AFTER_SHOP,
    S.AWAITING_SUPPLIER_REFUND: frozenset({S.DONE, S.ABANDONED}),
    S.DONE: frozenset(),
    S.ABANDONED: frozenset(),
}


def parse_state(raw: str) -> State:
    """The State stored in a row; a value this version does not know is an error, not a guess."""
    try:
        return State(raw)
    except ValueError:
        raise IllegalTransitionError(
            Text(
                "core.cancel.states",
                "Unknown cancellation state {raw!r} in the ledger.",
                raw=raw,
            )
        ) from None


def check_transition(current: State, target: State) -> None:
    """Raise IllegalTransitionError unless `current -> target` is in the table."""
    if target not in TRANSITIONS[current]:
        if current in FINAL:
            raise IllegalTransitionError(
                Text(
                    "core.cancel.states",
                    "This cancellation is closed ({state}); nothing more can change.",
                    state=state_text(current),
                )
            )
        raise IllegalTransitionError(
            Text(
                "core.cancel.states",
                "Cannot go from '{current}' to '{target}'.",
                current=state_text(current),
                target=state_text(target),
            )
        )


def state_text(state: State) -> Text:
    """A state's label as the window words it: the labels are filed in the catalogue under
    the cancel wizard's context (packaging/build_translations.py `dynamic_texts`)."""
    return Text("CancelWizard", STATES[state].label)
