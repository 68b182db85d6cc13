"""The tray icon: how many deadlines close soon, the same ones "Needs me" lists (ship windows,
orders to buy, the open cancellations' supplier answers, tracking, disputes and refunds,
purchase protection, withdrawals, chargebacks), and a notification as each deadline enters the
warning lead time (once per deadline and run). A step of a cancellation that waits for the
merchant is due at once, so it never "enters" the lead time: it is announced when it appears
instead (once per run and step; steps already waiting at start are counted, not toasted, like
the deadlines). Clicking the message selects that order, or opens "Needs me" on a question's
or a step's row.

A desktop without a system tray (some Linux desktops, GNOME without an extension) gets no icon:
then the window says once where the alerts are instead, and each alert goes to its status bar
(`message`); View > Needs me lists every deadline either way."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from core import due
from core.cancel.autopilot import ANSWERS
from core.deadline_entries import Kind
from core.ledger import Ledger
from gui.formatting import field_text
from gui.i18n import say
from gui.palette import Colours
from resources import icon_path

log = logging.getLogger(__name__)

# The protection deadlines are read this far beyond the lead time, then again (a big ledger
# has one per order shipped in the last two months: only the coming ones are read).
REREAD_HOURS = 24

# A run waits for the merchant (core.cancel.next_deadline.MERCHANT_STEPS): due at once (or by
# the ship-by), so each is announced when it first appears in a read, not as it nears.
STEPS = frozenset({Kind.SUPPLIER_STEP, Kind.SHOP_STEP, Kind.SHOP_REFUND_STEP, Kind.CANCEL_STEP})


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeadlineTray", text)


class DeadlineTray(QObject):
    order_clicked = Signal(int)  # supplier_order id of the last notification (if it has one)
    message = Signal(str)  # an alert for the status bar, when there is no tray to show it
    # The last notification asks a question (did the supplier accept? did the money
    # arrive?): its Deadline.key, for "Needs me" to open on that row with the answers.
    answer_clicked = Signal(object)
    needs_me_requested = Signal()  # the icon's menu: "Needs me…"

    def __init__(
        self,
        ledger: Ledger,
        lead_hours: float,
        now: datetime,
        parent: QObject | None = None,
        *,
        available: bool | None = None,
    ) -> None:
        """`available`: whether the desktop has a tray (asked of Qt when not given)."""
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self._ledger = ledger
        self.lead_hours = lead_hours
        # Deadlines already inside the lead time at start are counted, not toasted.
        self._since = self._ship_since = now
        self._ship: due.TrayCounts | None = None  # the ship windows' last count
        self._clocks: due.OpenClocks | None = None  # read again when the ledger changed
        self._notified: set[tuple[str, int]] = set()
        # The steps of the last read (None before the first: those are counted, not toasted).
        self._steps: set[tuple[Kind, int]] | None = None
        self._unreadable = False  # the last read failed (said once in the log)
        self._last_notified: int | None = None
        self._last_question: tuple[str, int] | None = None
        self.closing = self.overdue = 0
        self.icon = QSystemTrayIcon(self)
        self.icon.messageClicked.connect(self._message_clicked)
        # Where the system's tray has a menu, the list with the answers is one entry away.
        self.menu = QMenu()
        self.menu.addAction(_tr("Needs me…"), self.needs_me_requested.emit)
        self.icon.setContextMenu(self.menu)
        self._base = QIcon(str(icon_path("dropdesk.svg"))).pixmap(64, 64)
        if self.available:
            self.icon.show()
        self.update(now)

    def instead(self) -> str:
        """Where the alerts are when there is no tray ("" when there is one)."""
        if self.available:
            return ""
        return _tr(
            "No system tray on this desktop: deadline alerts appear in this status bar, and "
            "View › Needs me lists every deadline."
        )

    def update(self, now: datetime, *, ledger_changed: bool = False) -> None:
        """Recount as of `now`. The ship windows are read on their index, and only once an
        order crossed its ship-by or the lead time (due.next_change) or the ledger changed;
        every other kind is read when the ledger changed (or a day on, for the protection
        deadlines coming into reach) and classified in memory at each tick (the runs' and
        orders-to-buy names only for a notification)."""
        from sqlalchemy.exc import DatabaseError

        entered: list[due.Deadline] = []
        appeared: list[tuple[Kind, int]] = []
        stale = self._clocks is None or not self._clocks.holds(now, self.lead_hours)
        if ledger_changed or stale or not self._ship_holds(now):
            try:
                clocks_now, self._ship = due.read_tray(
                    self._ledger,
                    self._ship_since,
                    now,
                    self.lead_hours,
                    reread=ledger_changed or stale,
                    within_hours=self.lead_hours + REREAD_HOURS,
                )
                if clocks_now is not None:
                    appeared = self._steps_appeared(clocks_now)
                    self._clocks = clocks_now
            except DatabaseError as error:
                # A damaged ledger: the check before the first write tells the merchant (and
                # offers the way out); the tray counts nothing rather than stop the window.
                if not self._unreadable:
                    log.warning("The tray could not count the deadlines: %s", error.orig)
                self._unreadable = True
                return
            self._unreadable = False
            self._ship_since = now
            entered += self._ship.entered
        assert self._ship is not None and self._clocks is not None  # read above when missing
        closing, overdue, keys = self._clocks.classify(self._since, now, self.lead_hours)
        self._since = max(self._since, now)
        fresh = [
            key
            for key in dict.fromkeys([*keys, *appeared])  # a step may also enter the lead
            if (key[0].value, key[1]) not in self._notified
        ]
        if fresh:
            entered += due.named_deadlines(self._ledger, now, fresh, self._clocks)
        self.closing = self._ship.closing + closing
        self.overdue = self._ship.overdue + overdue
        entered = [d for d in entered if d.key not in self._notified]
        if self.icon.toolTip() != self.tooltip():  # the counts moved: redraw the badge
            self.icon.setIcon(QIcon(_badge(self._base, self.closing)))
            self.icon.setToolTip(self.tooltip())
        if entered:
            self._notify(entered)

    def _steps_appeared(self, clocks_now: due.OpenClocks) -> list[tuple[Kind, int]]:
        """The merchant's steps in this read that were not in the last one."""
        steps = {key for key in clocks_now.keys if key[0] in STEPS}
        known = steps if self._steps is None else self._steps
        self._steps = steps
        return [key for key in clocks_now.keys if key in steps and key not in known]

    def _ship_holds(self, now: datetime) -> bool:
        if self._ship is None or now < self._ship_since:  # not counted yet, or clock went back
            return False
        until = self._ship.next_change
        return until is None or now < until

    def tooltip(self) -> str:
        text = _tr("Dropdesk: {0} deadlines close within {1} h").format(
            self.closing, field_text(float(self.lead_hours))
        )
        if self.overdue:
            text += "\n" + _tr("{0} overdue").format(self.overdue)
        return text

    def _notify(self, deadlines: list[due.Deadline]) -> None:
        """One notification per deadline (a system shows the last; all are counted)."""
        self._notified.update(d.key for d in deadlines)
        lead = f"{self.lead_hours:g}"
        for deadline in deadlines:
            name = deadline.order_name or deadline.external_order_id or _tr("an order")
            step = deadline.kind in STEPS
            if step:  # due at once (or by the ship-by, which its text says)
                title = _tr("Your step is due")
                message = _tr("{0}: {1}.").format(name, say(deadline.what))
            else:
                title = _tr("Deadline closing")
                message = _tr("{0}: {1}, in less than {2} h.").format(
                    name, say(deadline.what), lead
                )
            # Qt's tray messages carry no buttons on any platform: a question's answers and a
            # step's actions are in "Needs me", which the click opens on its row.
            opens = deadline.cancellation_id is not None and (deadline.kind in ANSWERS or step)
            if opens and deadline.kind in ANSWERS:
                message += " " + _tr("Click to answer.")
            elif opens:
                message += " " + _tr("Click to open it in Needs me.")
            self._last_question = deadline.key if opens else None
            if deadline.supplier_order_id is not None:
                self._last_notified = deadline.supplier_order_id
            if not self.available:
                self.message.emit(message)
                continue
            self.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def _message_clicked(self) -> None:
        if self._last_question is not None:
            self.answer_clicked.emit(self._last_question)
        elif self._last_notified is not None:
            self.order_clicked.emit(self._last_notified)


def _badge(base: QPixmap, count: int) -> QPixmap:
    """The app icon with the count in a red disc (nothing when zero)."""
    if count <= 0:
        return base
    pixmap = QPixmap(base)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(pixmap.width() * 0.42, 0, pixmap.width() * 0.58, pixmap.height() * 0.58)
    painter.setBrush(Colours.BADGE.color(dark=False))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(disc.height() * (0.6 if count < 100 else 0.42)))
    painter.setFont(font)
    painter.setPen(Colours.BADGE_TEXT.color(dark=False))
    painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, str(count) if count < 1000 else "999+")
    painter.end()
    return pixmap
