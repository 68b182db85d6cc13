"""The states of a cancellation and the transitions between them (the one source of truth).

The wizard renders a state and offers the actions `core.cancel.view` derives from it; every
state change goes through `check_transition`, so an impossible step (refunding before anything
was decided, cancelling twice) is refused with a message instead of corrupting the run.
"""

from __future__ import annotations

from enum import StrEnum

from core.cancel.errors import IllegalTransitionError


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


S = State

FINAL = frozenset({S.DONE, S.ABANDONED})

#: States that only pass through: the workflow moves on by itself (and `resume` after a crash).
TRANSIENT = frozenset(
    {
        S.SUPPLIER_CANCELLED,
        S.TRACKING_RECEIVED,
        S.REFUND_PATH,
        S.DISPUTE_CLOSED,
        S.SHOP_CANCELLED,
        S.SHOP_REFUNDED,
    }
)

#: States with a call to Shopify in flight whose outcome is not recorded yet.
IN_FLIGHT = frozenset({S.SHOP_CANCEL_SENT, S.SHOP_REFUND_SENT})

#: States in which the supplier has not (yet) agreed: a Shopify step here costs the merchant
#: money if the goods ship anyway, so it needs an explicit acknowledgement.
SUPPLIER_PENDING = frozenset(
    {
        S.SUPPLIER_CANCEL_TODO,
        S.SUPPLIER_CANCEL_REQUESTED,
        S.SUPPLIER_REFUSED,
        S.TRACKING_REQUESTED,
        S.DISPUTE_OPEN,
    }
)

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

LABELS: dict[State, str] = {
    S.CHECKING: "Checking where the order stands",
    S.REFUND_PATH: "Too late to cancel: refund instead",
    S.SUPPLIER_CANCEL_TODO: "Cancel at the supplier on AliExpress",
    S.SUPPLIER_CANCEL_REQUESTED: "Waiting for the supplier's answer",
    S.SUPPLIER_CANCELLED: "Cancelled at the supplier",
    S.SUPPLIER_REFUSED: "The supplier refused to cancel",
    S.TRACKING_REQUESTED: "Waiting for the tracking number",
    S.TRACKING_RECEIVED: "Tracking number received",
    S.DISPUTE_OPEN: "Dispute open on AliExpress",
    S.DISPUTE_CLOSED: "Dispute closed",
    S.SHOP_CANCEL_TODO: "Cancel the order on Shopify",
    S.SHOP_CANCEL_SENT: "Cancel sent to Shopify",
    S.SHOP_CANCELLED: "Cancelled on Shopify",
    S.SHOP_REFUND_TODO: "Refund the customer on Shopify",
    S.SHOP_REFUND_SENT: "Refund sent to Shopify",
    S.SHOP_REFUNDED: "Refunded on Shopify",
    S.AWAITING_SUPPLIER_REFUND: "Waiting for the supplier's refund",
    S.DONE: "Done",
    S.ABANDONED: "Abandoned",
}


def parse_state(raw: str) -> State:
    """The State stored in a row; a value this version does not know is an error, not a guess."""
    try:
        return State(raw)
    except ValueError:
        raise IllegalTransitionError(f"Unknown cancellation state {raw!r} in the ledger.") from None


def check_transition(current: State, target: State) -> None:
    """Raise IllegalTransitionError unless `current -> target` is in the table."""
    if target not in TRANSITIONS[current]:
        if current in FINAL:
            raise IllegalTransitionError(
                f"This cancellation is {LABELS[current].lower()}; nothing more can change."
            )
        raise IllegalTransitionError(f"Cannot go from '{LABELS[current]}' to '{LABELS[target]}'.")
