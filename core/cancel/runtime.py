"""What every step needs: the ledger, the two ports (None = manual), the clock, and timings."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from core.cancel.ports import ShopPort, SupplierPort
from core.ledger import Ledger


def _ignore(_point: str) -> None:
    return None


@dataclass
class Runtime:
    """Shared by the steps of one `CancelWorkflow`.

    on_step(point) is called after each committed transition ("state:<state>") and at each
    intent point around an external call ("shop_cancel:intent", ...): the GUI can show
    progress, and the crash test stops the process exactly there.
    """

    ledger: Ledger
    shop: ShopPort | None
    supplier: SupplierPort | None
    now: Callable[[], datetime]
    on_step: Callable[[str], None] = field(default=_ignore)
    sleep: Callable[[float], None] = field(default=time.sleep)
    #: How long to poll a Shopify cancel job before leaving it for `resume`.
    job_timeout: float = 60.0
    job_poll: float = 1.0
    #: After a cancel was sent whose job id was lost, how long Shopify may still be working on
    #: it: within this time `resume` never sends the cancel again.
    pending_grace: timedelta = timedelta(seconds=90)
    #: How long `resume` keeps re-reading the order for that outcome before saying "later".
    settle_wait: float = 10.0
    #: Shopify's retention of refund idempotency keys (documented as at least 24 hours):
    #: older intents are checked against the order's refunded total before being replayed.
    key_trust: timedelta = timedelta(hours=23)
