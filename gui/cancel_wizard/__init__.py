"""The "Cancel everywhere" wizard: one window per cancellation, one step at a time.

launcher = CancelLauncher(ledger, workflow_opener(connections), window)
launcher.open_for_order(supplier_order_id)    # or open_cancellation(cancellation_id)
launcher.show_cancellations()                 # the open runs, by next deadline
launcher.resume_all()                         # at start-up, off the GUI thread
launcher.apply_status_sync()                  # after "Refresh from AliExpress"
"""

from gui.cancel_wizard.asker import Asker, DialogAsker
from gui.cancel_wizard.launcher import CancelLauncher
from gui.cancel_wizard.step import Confirmation, PageKey, Step
from gui.cancel_wizard.wizard import CancelWizard

__all__ = [
    "Asker",
    "CancelLauncher",
    "CancelWizard",
    "Confirmation",
    "DialogAsker",
    "PageKey",
    "Step",
]
