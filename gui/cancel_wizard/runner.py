"""One workflow call at a time, off the GUI thread, with the workflow's progress points shown.

The workflow blocks on the network (AliExpress, Shopify, a cancel job being polled), so every
call the wizard makes goes through `StepRunner.run`. The outcome comes back on the GUI thread:
the result, or the exception itself (so the wizard can tell "Shopify has not answered yet"
from a refusal). `listener` is the workflow's `on_step`: it may be called from the worker
thread, and its points reach the GUI as `stepped` with a sentence for the merchant. Runners
that share a `lock` (every wizard and the start-up resume) never call the workflow at the same
time, so two windows cannot both resume the same cancel sent to Shopify.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from core.cancel.states import STATES, State
from gui.cancel_wizard.step import tr
from gui.jobs import Job

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


@dataclass(frozen=True)
class _Outcome:
    value: Any = None
    error: BaseException | None = None


class StepRunner(QObject):
    """Runs callables off the GUI thread, strictly one at a time."""

    started = Signal(str)  # what is being done
    stepped = Signal(str)  # a progress sentence from the workflow
    ended = Signal()  # the call ended, however
    _point = Signal(str)  # from any thread; delivered on the GUI thread

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
        lock: threading.Lock | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._lock = lock or threading.Lock()
        self.job: Job | None = None
        self._callbacks: tuple[Callable[[Any], None], Callable[[BaseException], None]] | None = None
        self._point.connect(self._relay)

    @property
    def busy(self) -> bool:
        return self.job is not None

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

        def attempt(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            try:
                with self._lock:
                    return _Outcome(value=work())
            except Exception as error:  # handed to the GUI thread, which shows it
                return _Outcome(error=error)

        job = Job(attempt)
        self.job = job
        self._callbacks = (done, failed)
        job.finished.connect(self._finished)
        job.failed.connect(self._crashed)
        self.started.emit(busy)
        job.start(self._pool)
        return True

    def _relay(self, point: str) -> None:
        text = describe_point(point)
        if text:
            self.stepped.emit(text)

    def _finished(self, outcome: _Outcome) -> None:
        callbacks = self._callbacks
        self.job, self._callbacks = None, None
        assert callbacks is not None
        done, failed = callbacks
        try:
            if outcome.error is not None:
                failed(outcome.error)
            else:
                done(outcome.value)
        finally:
            self.ended.emit()

    def _crashed(self, message: str) -> None:  # pragma: no cover - attempt() catches all
        callbacks = self._callbacks
        self.job, self._callbacks = None, None
        if callbacks is not None:
            callbacks[1](RuntimeError(message))
        self.ended.emit()
