"""The tray icon: how many deadlines close soon (ship windows, orders to buy, the open
cancellations' supplier answers, tracking, disputes and refunds), and a notification as each
deadline enters the warning lead time (once per deadline and run). Clicking the message
selects that order."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QSystemTrayIcon

from core import due
from core.ledger import Ledger
from gui.i18n import say
from gui.palette import Colours
from resources import icon_path


def _tr(text: str) -> str:
    return QCoreApplication.translate("DeadlineTray", text)


class DeadlineTray(QObject):
    order_clicked = Signal(int)  # supplier_order id of the last notification (if it has one)

    def __init__(
        self, ledger: Ledger, lead_hours: float, now: datetime, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ledger = ledger
        self.lead_hours = lead_hours
        # Deadlines already inside the lead time at start are counted, not toasted.
        self._since = self._ship_since = now
        self._ship: due.TrayCounts | None = None  # the ship windows' last count
        self._clocks: due.OpenClocks | None = None  # read again when the ledger changed
        self._notified: set[tuple[str, int]] = set()
        self._last_notified: int | None = None
        self.closing = self.overdue = 0
        self.icon = QSystemTrayIcon(self)
        self.icon.messageClicked.connect(self._message_clicked)
        self._base = QIcon(str(icon_path("dropdesk.svg"))).pixmap(64, 64)
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon.show()
        self.update(now)

    def update(self, now: datetime, *, ledger_changed: bool = False) -> None:
        """Recount as of `now`. The ship windows are read on their index, and only once an
        order crossed its ship-by or the lead time (due.next_change) or the ledger changed;
        the open runs' and orders-to-buy deadlines are read when the ledger changed and
        classified in memory at each tick (their names only for a notification)."""
        entered: list[due.Deadline] = []
        if ledger_changed or self._clocks is None or not self._ship_holds(now):
            with self._ledger.engine.connect() as connection:
                if ledger_changed or self._clocks is None:
                    self._clocks = due.open_clocks(connection)
                self._ship = due.ship_window_counts(
                    connection, self._ship_since, now, self.lead_hours
                )
            self._ship_since = now
            entered += self._ship.entered
        assert self._ship is not None and self._clocks is not None  # read above when missing
        closing, overdue, keys = self._clocks.classify(self._since, now, self.lead_hours)
        self._since = max(self._since, now)
        fresh = [key for key in keys if (key[0].value, key[1]) not in self._notified]
        if fresh:
            with self._ledger.engine.connect() as connection:
                entered += due.deadlines_of(connection, now, fresh)
        self.closing = self._ship.closing + closing
        self.overdue = self._ship.overdue + overdue
        entered = [d for d in entered if d.key not in self._notified]
        if self.icon.toolTip() != self.tooltip():  # the counts moved: redraw the badge
            self.icon.setIcon(QIcon(_badge(self._base, self.closing)))
            self.icon.setToolTip(self.tooltip())
        if entered:
            self._notify(entered)

    def _ship_holds(self, now: datetime) -> bool:
        if self._ship is None or now < self._ship_since:  # not counted yet, or clock went back
            return False
        until = self._ship.next_change
        return until is None or now < until

    def tooltip(self) -> str:
        text = _tr("Dropdesk: {0} deadlines close within {1} h").format(
            self.closing, f"{self.lead_hours:g}"
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
            message = _tr("{0}: {1}, in less than {2} h.").format(name, say(deadline.what), lead)
            if deadline.supplier_order_id is not None:
                self._last_notified = deadline.supplier_order_id
            self.icon.showMessage(
                _tr("Deadline closing"), message, QSystemTrayIcon.MessageIcon.Warning, 15_000
            )

    def _message_clicked(self) -> None:
        if self._last_notified is not None:
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
