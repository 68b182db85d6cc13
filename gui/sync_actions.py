""" "Sync with Shopify" and "Refresh from AliExpress": background jobs with a progress window.

One job at a time (`gui.jobs.JobSlot`). The work runs off the GUI thread through
`core.connections`; errors reach the merchant as the default failure report words them
(redacted), in a message box (`gui.notice`) and through `failed`. `LastSyncLabel` shows in
the status bar when orders last came from each service.
`ConnectionMenu` bundles both with the connections screen for a main window: its menu actions,
its status-bar label, and one `ended` signal to refresh the views on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from core.aliexpress import SyncSummary
from core.connections import Connections
from core.shopify import SyncReport
from gui.connections import ConnectionsDialog
from gui.formatting import local_time
from gui.i18n import say
from gui.jobs import Job, JobSlot, Work
from gui.notice import Kind, status, tell
from gui.progress_dialog import JobProgressDialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("SyncActions", text)


def _count(number: int) -> str:
    return QLocale().toString(number)


class SyncActions(QObject):
    """Runs the two syncs for a window; `parent` hosts the progress window and messages."""

    synced = Signal(str)  # a one-line summary for the status bar
    failed = Signal(str)  # what went wrong, for the merchant (redacted)
    connections_needed = Signal()  # nothing to sync with: open the connections screen
    ended = Signal()  # a job ended, however: the ledger may have changed, refresh the views

    def __init__(
        self,
        connections: Connections,
        parent: QWidget,
        *,
        pool: QThreadPool | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.connections = connections
        self._now = now
        self.slot = JobSlot(self, pool)
        self.progress: JobProgressDialog | None = None
        self.message: QMessageBox | None = None  # the last message shown, until dismissed

    @property
    def busy(self) -> bool:
        return self.slot.busy

    def _window(self) -> QWidget:
        # Asked of Qt each time, not kept: a child holding its parent closes a reference cycle
        # (the parent's wrapper holds its children's), and a window in a cycle is destroyed by
        # Python's cycle collector, whenever and on whichever thread that runs.
        return cast(QWidget, self.parent())

    # -- Shopify -----------------------------------------------------------------------------

    def sync_shopify(self) -> Job | None:
        """Pull the orders changed since the last sync from every connected shop."""
        if self.busy:
            return None
        shops = self.connections.connected_shops()
        if not shops:
            self._tell(
                _tr("No shop connected"),
                _tr("Connect your Shopify shop first (Connections…)."),
            )
            self.connections_needed.emit()
            return None
        connections = self.connections

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            reports: list[SyncReport] = []
            for shop in shops:
                if cancelled():
                    break
                reports.append(
                    connections.sync_shop(
                        shop.id,
                        progress=lambda done, total: progress(done, total or 0),
                        cancelled=cancelled,
                    )
                )
            stopped = len(reports) < len(shops) or any(r.cancelled for r in reports)
            return reports, stopped

        names = ", ".join(shop.name or shop.domain for shop in shops)
        return self._start(
            work,
            _tr("Sync with Shopify"),
            _tr("Fetching the orders that changed in {0}…").format(names),
            SyncActions._shopify_done,
        )

    def _shopify_done(self, outcome: tuple[list[SyncReport], bool]) -> None:
        reports, stopped = outcome
        orders = sum(report.orders for report in reports)
        if stopped:
            text = _tr("Shopify sync stopped: {0} orders updated; the next sync continues.")
        else:
            text = _tr("Shopify sync done: {0} orders updated.")
        self.synced.emit(text.format(_count(orders)))
        notices = [report.notice for report in reports if report.notice is not None]
        if notices:  # once per sync: what Shopify withheld and how to get it
            self._tell(
                _tr("Sync with Shopify"),
                "\n\n".join(dict.fromkeys(say(notice) for notice in notices)),
            )

    # -- AliExpress --------------------------------------------------------------------------

    def refresh_aliexpress(self) -> Job | None:
        """Status and tracking of every open supplier order."""
        if self.busy:
            return None
        connection = self.connections.aliexpress()
        if connection is None:
            self._tell(
                _tr("AliExpress not connected"),
                _tr("Connect your AliExpress account first (Connections…)."),
            )
            self.connections_needed.emit()
            return None
        connections = self.connections

        def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> object:
            return connections.refresh_from_aliexpress(progress=progress, cancelled=cancelled)

        return self._start(
            work,
            _tr("Refresh from AliExpress"),
            _tr("Checking the status and tracking of open supplier orders…"),
            SyncActions._aliexpress_done,
        )

    def _aliexpress_done(self, summary: SyncSummary) -> None:
        text = _tr("AliExpress: {0} of {1} orders checked, {2} changed, {3} shipped").format(
            _count(summary.checked),
            _count(summary.total),
            _count(len(summary.changed)),
            _count(len(summary.shipped)),
        )
        if summary.failed:
            text += _tr(", {0} could not be read").format(_count(len(summary.failed)))
        if summary.interrupted:
            text += _tr(" (stopped)")
        self.synced.emit(text + ".")
        connection = self.connections.aliexpress()
        if connection is not None and connection.reconnect_soon(self._now()):
            self._tell(
                _tr("Reconnect AliExpress soon"),
                _tr(
                    "The AliExpress connection expires on {0}. Connect AliExpress again "
                    "before then (Connections…), or Dropdesk can no longer refresh orders."
                ).format(local_time(connection.refresh_expires_at)),
            )

    # -- running -----------------------------------------------------------------------------

    def _start(
        self, work: Work, title: str, text: str, done: Callable[[SyncActions, Any], None]
    ) -> Job:
        # The plain function, not a bound method: `self` holding its own bound method is a
        # reference cycle, which leaves this object to Python's cycle collector.
        self._done_handler = done
        self._title = title
        job = self.slot.run(work, self._finished, self._failed)
        assert job is not None  # callers return early while busy
        if self.progress is not None:
            self.progress.deleteLater()  # the last job's window, hidden since that job ended
        self.progress = JobProgressDialog(job, title, text, self._window())
        self.progress.show()
        return job

    def _finished(self, result: object) -> None:
        self._done_handler(self, result)
        self.ended.emit()

    def _failed(self, message: str) -> None:
        self.message = tell(
            self._window(),
            self._title,
            _tr("{0} did not finish.").format(self._title),
            Kind.WARNING,
            detail=message,
        )
        self.failed.emit(message)
        self.ended.emit()  # pages stored before the failure are kept

    def _tell(self, title: str, text: str) -> None:
        self.message = tell(self._window(), title, text)


class LastSyncLabel(QLabel):
    """ "Shopify synced … · AliExpress refreshed …" for the status bar; `refresh()` re-reads."""

    def __init__(
        self,
        connections: Connections,
        parent: QWidget | None = None,
        *,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lastSyncLabel")
        self.connections = connections
        self._now = now
        self.refresh()

    def refresh(self) -> None:
        shopify = self.connections.last_shopify_sync()
        parts = [
            _tr("Shopify synced {0}").format(local_time(shopify))
            if shopify
            else _tr("Shopify never synced")
        ]
        connection = self.connections.aliexpress()
        tip = ""
        if connection is not None:
            refreshed = connection.last_refresh_at
            parts.append(
                _tr("AliExpress refreshed {0}").format(local_time(refreshed))
                if refreshed
                else _tr("AliExpress never refreshed")
            )
            if connection.reconnect_soon(self._now()):
                expiry = local_time(connection.refresh_expires_at)
                parts.append(_tr("reconnect AliExpress by {0}").format(expiry))
                tip = _tr("The AliExpress connection expires on {0}.").format(expiry)
        self.setText(" · ".join(parts))
        self.setToolTip(tip)


class ConnectionMenu(QObject):
    """What a main window needs for connections: `actions` for a menu (Connections…, Sync with
    Shopify, Refresh from AliExpress), `label` for the status bar, and `ended` (a sync ended
    or a connection changed: re-read the ledger)."""

    ended = Signal()

    def __init__(
        self, connections: Connections, window: QMainWindow, *, pool: QThreadPool | None = None
    ) -> None:
        super().__init__(window)
        self.connections = connections
        self._pool = pool
        self.sync = SyncActions(connections, window, pool=pool)
        self.label = LastSyncLabel(connections)
        self.dialog: ConnectionsDialog | None = None
        self.actions = [
            self._action("&Connections…", "Ctrl+K", self.open_connections),
            self._action("Sync with &Shopify", "Ctrl+R", self.sync.sync_shopify),
            self._action("Refresh from &AliExpress", "Ctrl+Shift+R", self.sync.refresh_aliexpress),
        ]
        self.sync.synced.connect(self._show_status)
        self.sync.ended.connect(self.label.refresh)
        self.sync.ended.connect(self.ended)
        self.sync.connections_needed.connect(self.open_connections)

    def _window(self) -> QMainWindow:
        return cast(QMainWindow, self.parent())  # not kept: see SyncActions._window

    def _show_status(self, text: str) -> None:
        status(self._window(), text)

    def _action(self, text: str, shortcut: str, slot: Callable[[], object]) -> QAction:
        made = QAction(_tr(text), self._window())
        made.setShortcut(QKeySequence(shortcut))
        made.triggered.connect(lambda _checked=False: slot())
        return made

    def open_connections(self) -> ConnectionsDialog:
        """Show the connections screen (one at a time; raised if it is already open)."""
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        dialog = ConnectionsDialog(self.connections, self._window(), pool=self._pool)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(self.label.refresh)
        dialog.changed.connect(self.ended)
        dialog.destroyed.connect(self._forget_dialog)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self) -> None:
        self.dialog = None
