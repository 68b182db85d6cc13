"""What was done so far in one cancellation, newest last, from the run's events."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from core.cancel import TimelineEntry
from gui.cancel_wizard.step import reason_label, tr
from gui.formatting import local_time, money

_BY = {"merchant": "by you", "aliexpress_status": "seen by the AliExpress refresh"}


def summary(entry: TimelineEntry) -> str:
    """A short note on what an event carried (amount, tracking number, who), or ""."""
    details: dict[str, Any] = entry.details
    parts: list[str] = []
    currency = str(details.get("currency") or "")
    for key in ("refunded_minor", "amount_minor"):
        amount = details.get(key)
        if isinstance(amount, int) and amount and currency:
            parts.append(money(amount, currency))
    if details.get("tracking_number"):
        parts.append(tr("tracking {0}").format(details["tracking_number"]))
    if details.get("manual"):
        parts.append(tr("by hand in the Shopify admin"))
    by = _BY.get(str(details.get("by", "")))
    if by:
        parts.append(tr(by))
    if details.get("how"):
        parts.append(tr(str(details["how"])))
    if entry.kind == "cancellation.started" and details.get("reason"):
        parts.append(reason_label(str(details["reason"])))
    elif entry.kind == "cancellation.abandoned" and details.get("reason"):
        parts.append(str(details["reason"]))
    if details.get("outcome"):
        parts.append(str(details["outcome"]).replace("_", " "))
    return ", ".join(parts)


class TimelineView(QTreeWidget):
    """Two columns: when, and what happened (with why in the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelTimeline")
        self.setAccessibleName(tr("What was done"))
        self.setColumnCount(2)
        self.setHeaderLabels([tr("When"), tr("What was done")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def show_entries(self, entries: Iterable[TimelineEntry]) -> None:
        self.clear()
        item: QTreeWidgetItem | None = None
        for entry in entries:
            note = summary(entry)
            text = f"{entry.title}\n{note}" if note else entry.title
            item = QTreeWidgetItem([local_time(entry.at), text])
            why = entry.details.get("why") or entry.details.get("error") or ""
            if why:
                item.setToolTip(1, str(why))
            self.addTopLevelItem(item)
        if item is not None:
            self.scrollToItem(item)

    def titles(self) -> list[str]:
        """The titles shown, oldest first (without the detail line)."""
        found = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                found.append(item.text(1).split("\n", 1)[0])
        return found
