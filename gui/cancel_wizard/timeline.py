"""What was done so far in one cancellation, newest last, from the run's events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget

from core.cancel.view import TimelineEntry
from core.texts import Text
from gui.cancel_wizard.step import OUTCOMES, reason_label, tr
from gui.formatting import local_time, money
from gui.i18n import say

_BY = {"merchant": "by you", "aliexpress_status": "seen by the AliExpress refresh"}
#: How a cancel on Shopify was seen through (core writes these English phrases).
_HOW = {
    "already cancelled on Shopify": "already cancelled on Shopify",
    "cancelled through the API": "cancelled by Dropdesk",
}


def summary(entry: TimelineEntry) -> str:
    """A short note on what an event carried (amount, tracking number, who), or ""."""
    details: dict[str, Any] = entry.details
    parts: list[str] = []
    currency = str(details.get("currency") or "")
    refunded, amount = details.get("refunded_minor"), details.get("amount_minor")
    if isinstance(refunded, int) and refunded and currency:
        parts.append(tr("{0} refunded").format(money(refunded, currency)))
    if isinstance(amount, int) and amount and currency:
        text = money(amount, currency)
        received = "supplier_refund_received" in details or entry.kind.endswith("_received")
        parts.append(tr("{0} received").format(text) if received else text)
    if details.get("tracking_number"):
        parts.append(tr("tracking {0}").format(details["tracking_number"]))
    if details.get("manual"):
        parts.append(tr("by hand in the Shopify admin"))
    by = _BY.get(str(details.get("by", "")))
    if by:
        parts.append(tr(by))
    how = _HOW.get(str(details.get("how") or ""))
    if how:
        parts.append(tr(how))
    if entry.kind == "cancellation.started" and details.get("reason"):
        parts.append(reason_label(str(details["reason"])))
    elif entry.kind == "cancellation.abandoned" and details.get("reason"):
        parts.append(str(details["reason"]))
    outcome = dict(OUTCOMES).get(str(details.get("outcome") or ""))
    if outcome:
        parts.append(tr(outcome))
    return ", ".join(parts)


class TimelineView(QListWidget):
    """One entry per event: what happened, then when (and what it carried); why in a tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelTimeline")
        self.setAccessibleName(tr("What was done"))
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setSpacing(2)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAlternatingRowColors(True)

    def show_entries(self, entries: Iterable[TimelineEntry]) -> None:
        self.clear()
        item: QListWidgetItem | None = None
        for entry in entries:
            note = summary(entry)
            second = f"{local_time(entry.at)} · {note}" if note else local_time(entry.at)
            item = QListWidgetItem(f"{tr(entry.title)}\n{second}")
            why = Text.from_stored(entry.details.get("why") or entry.details.get("error"))
            if why:
                item.setToolTip(say(why))
            self.addItem(item)
        if item is not None:
            self.scrollToItem(item)

    def titles(self) -> list[str]:
        """The titles shown, oldest first (without the time line)."""
        found = []
        for i in range(self.count()):
            item = self.item(i)
            if item is not None:
                found.append(item.text().split("\n", 1)[0])
        return found
