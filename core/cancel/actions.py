"""The steps a merchant can take on a cancellation (what the wizard's buttons ask for).

A module of its own, free of the ledger, so that the state descriptors (`core.cancel.states`)
can say which steps each state offers, and the window can read them before SQLAlchemy loads.
"""

from __future__ import annotations

from enum import StrEnum


class Action(StrEnum):
    """A step the merchant can take now; the value is the `CancelWorkflow` method's name."""

    CHECK = "check"
    REFRESH_SUPPLIER = "refresh_supplier"
    MARK_SUPPLIER_CANCEL_REQUESTED = "mark_supplier_cancel_requested"
    MARK_SUPPLIER_ANSWER = "mark_supplier_answer"
    REQUEST_TRACKING = "request_tracking"
    MARK_TRACKING_RECEIVED = "mark_tracking_received"
    OPEN_DISPUTE = "open_dispute"
    MARK_DISPUTE_ESCALATED = "mark_dispute_escalated"
    CLOSE_DISPUTE = "close_dispute"
    CANCEL_ON_SHOP = "cancel_on_shop"
    PREVIEW_SHOP_REFUND = "preview_shop_refund"
    REFUND_ON_SHOP = "refund_on_shop"
    CONFIRM_MANUAL_SHOP_STEP = "confirm_manual_shop_step"
    EXPECT_SUPPLIER_REFUND = "expect_supplier_refund"
    MARK_SUPPLIER_REFUND_RECEIVED = "mark_supplier_refund_received"
    RESUME = "resume"
    ABANDON = "abandon"
