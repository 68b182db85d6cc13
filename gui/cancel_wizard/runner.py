"""One workflow call at a time, off the GUI thread, with the workflow's progress points shown.

The workflow blocks on the network (AliExpress, Shopify, a cancel job being polled), so every
call the wizard makes goes through `StepRunner.run`, a `gui.jobs.Job` like every long job.
The outcome comes back on the GUI thread: the result, or the exception itself (`Job.error`,
so the wizard can tell "Shopify has not answered yet" from a refusal). `listener` is the
workflow's `on_step`: it may be called from the worker thread, and its points reach the GUI
as `stepped` with a sentence for the merchant. Runners that share a `lock` (every wizard and
the start-up resume) never call the workflow at the same time, so two windows cannot both
resume the same cancel sent to Shopify.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.cancel.states import STATES, State
from core.cancel.step_lock import StepLock
from gui.cancel_wizard.step import tr
from gui.jobs import Job, JobSlot

log = logging.getLogger(__name__)

_POINTS = {
    "check:read": "Read the order's status",
    "shop_cancel:answered": "Shopify accepted the cancel; waiting for its job to finish…",
    "shop_cancel:job_saved": "Shopify is cancelling the order…",
    "shop_cancel:job_done": "Shopify's job finished; reading the order…",
    "shop_refund:key_saved": "Refund key stored (a retry cannot refund twice); sending…",
    "shop_refund:answered": "Shopify made the refund",
    "dispute:escalated": "Escalation recorded",
    "autopilot:apply_status": "Looking at the supplier's answer on AliExpress…",
    "autopilot:shop_cancel": "Cancelling on Shopify, as you decided…",
    "autopilot:shop_refund": "Refunding on Shopify, as you decided…",
}


def describe_point(point: str) -> str:
    """A sentence for one of the workflow's progress points ("" for an unknown one)."""
    if point.startswith("state:"):
        try:
            return tr(STATES[State(point.removeprefix("state:"))].label)
        except ValueError:
            return ""
    text = _POINTS.get(point)
    return tr(text) if text else ""


class StepRunner(QObject):
    """Runs the workflow's calls off the GUI thread, strictly one at a time: a `JobSlot` whose
    calls also wait for the shared lock, and whose failures hand over the exception."""

    started = Signal(str)  # what is being done
    stepped = Signal(str)  # a progress sentence from the workflow
    ended = Signal()  # the call ended, however
    _point = Signal(str)  # from any thread; delivered on the GUI thread

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
        lock: StepLock | None = None,
    ) -> None:
        super().__init__(parent)
        self._slot = JobSlot(self, pool)
        self._lock = lock or StepLock()
        self._callbacks: tuple[Callable[[Any], None], Callable[[BaseException], None]] | None = None
        self._point.connect(self._relay)

    @property
    def busy(self) -> bool:
        return self._slot.busy

    @property
    def job(self) -> Job | None:
        return self._slot.job

    def listener(self, point: str) -> None:
        """The workflow's `on_step`; safe to call from the worker thread."""
        self._point.emit(point)

    def run(
        self,
        work: Callable[[], Any],
        busy: str,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
    ) -> bool:
        """Start `work`; False (nothing started) while another call is running."""
        if self.busy:
            return False

        lock = self._lock  # not `self`: the job must not hold the wizard

        def attempt(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            with lock:
                return work()

        self._callbacks = (done, failed)
        self._slot.run(attempt, self._succeeded, self._refused)
        self.started.emit(busy)
        return True

    def _relay(self, point: str) -> None:
        text = describe_point(point)
        if text:
            self.stepped.emit(text)

    def _succeeded(self, value: Any) -> None:
        callbacks, self._callbacks = self._callbacks, None
        assert callbacks is not None
        try:
            callbacks[0](value)
        finally:
            self.ended.emit()

    def _refused(self, message: str) -> None:
        """The exception itself goes to the wizard, which tells a refusal from a pending shop."""
        callbacks, self._callbacks = self._callbacks, None
        assert callbacks is not None
        try:
            error = self._slot.error
            callbacks[1](error if error is not None else RuntimeError(message))
        finally:
            self.ended.emit()
