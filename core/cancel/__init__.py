"""Cancel everywhere: the guided, crash-safe workflow (supplier first, Shopify second, then the
money), persisted as a state machine in the `cancellation` row and its events.

    workflow = CancelWorkflow(ledger, ShopifyShop(client) or None, dropship_api or None)
    run = workflow.start(supplier_order_id, Reason.CHANGED_MIND, Fault.CUSTOMER)
    view = workflow.check(run)        # then one method per merchant action; see view.actions
    workflow.resume_all()             # at start-up: finish whatever a crash interrupted
"""

from core.cancel.errors import (
    CancelError,
    CancellationNotFoundError,
    CancellationOpenError,
    IllegalTransitionError,
    OutOfPocketNotAcknowledgedError,
    ShopOutcomePendingError,
    ShopStepFailedError,
    StepUnavailableError,
)
from core.cancel.listing import OpenCancellation, OrderBadge, badges_for, open_cancellations
from core.cancel.messages import Text, order_url
from core.cancel.next_deadline import DeadlineKind
from core.cancel.ports import ShopifyShop, ShopPort, SupplierPort
from core.cancel.refusal import DisputeGuide, TrackingRequest
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.shop_manual import ShopManualGuide, admin_url
from core.cancel.shop_refund import PreviewLine, RefundPreview
from core.cancel.states import FINAL, LABELS, TRANSITIONS, Path, State
from core.cancel.supplier import SupplierGuide
from core.cancel.view import Action, CancellationView, DisputeView, MoneyLine, TimelineEntry
from core.cancel.workflow import CancelWorkflow, ResumeOutcome

__all__ = [
    "FINAL",
    "LABELS",
    "TRANSITIONS",
    "Action",
    "CancelError",
    "CancelWorkflow",
    "CancellationNotFoundError",
    "CancellationOpenError",
    "CancellationView",
    "DeadlineKind",
    "DisputeGuide",
    "DisputeView",
    "IllegalTransitionError",
    "MoneyLine",
    "OpenCancellation",
    "OrderBadge",
    "OutOfPocketNotAcknowledgedError",
    "Path",
    "PreviewLine",
    "RefundPreview",
    "ResumeOutcome",
    "ShopCancelOptions",
    "ShopManualGuide",
    "ShopOutcomePendingError",
    "ShopPort",
    "ShopStepFailedError",
    "ShopifyShop",
    "State",
    "StepUnavailableError",
    "SupplierGuide",
    "SupplierPort",
    "Text",
    "TimelineEntry",
    "TrackingRequest",
    "admin_url",
    "badges_for",
    "open_cancellations",
    "order_url",
]
