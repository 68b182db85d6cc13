"""View > Language applied at once: the main window is built again in the new words.

Every screen words itself when it is built (its texts come from tr() in its constructor, core's
texts are worded as they are shown), so one mechanism re-words them all: the translators are
swapped, then a new main window is made on the same ledger and connections and takes over what
the merchant was looking at (size and place, split, the "Show" choice, the search text, the
sort, the selected order), reopens the screens that were open (Needs me, the review, suppliers,
chargebacks, Cancellations, each cancel wizard on its run) and the old window closes. A running
step (a cancel wizard's call, a sync, the calendar recompute) finishes first: the switch waits
for it, so no answer arrives at a closed screen; unsaved edits (the holiday editor's) stop it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt, QTimer

from gui.i18n import switch_language
from gui.notice import status

if TYPE_CHECKING:
    from gui.main_window import MainWindow

WAIT_MS = 300  # how often a waiting switch looks again whether the running step has finished


def _tr(text: str) -> str:
    return QCoreApplication.translate("LanguageSwitch", text)


@dataclass(frozen=True)
class Carried:
    """What the merchant was looking at, taken from one window into its successor."""

    geometry: QByteArray
    maximized: bool
    size_chosen: object
    splitter: QByteArray
    split_chosen: bool
    filter_index: int
    within_hours: int
    search: str
    sort: tuple[int, Qt.SortOrder]
    selected: int | None
    screens: tuple[str, ...]
    wizards: tuple[tuple[int | None, int | None], ...]  # (cancellation id, supplier order id)


def carry(window: MainWindow) -> Carried:
    selected = window.selected_order()
    header = window.table.horizontalHeader()
    wizards = window.cancels.wizards if window.services_ready else []
    return Carried(
        geometry=window.saveGeometry(),
        maximized=window.isMaximized(),
        size_chosen=window.property("dropdeskSizeChosen"),
        splitter=window.splitter.saveState(),
        split_chosen=window.split_chosen,
        filter_index=window.status_filter.currentIndex(),
        within_hours=window.within_hours.value(),
        search=window.search.text(),
        sort=(header.sortIndicatorSection(), header.sortIndicatorOrder()),
        selected=selected.id if selected is not None else None,
        screens=window.open_screens(),
        wizards=tuple(
            (wizard.cancellation_id, wizard.supplier_order_id)
            for wizard in wizards
            if wizard.isVisible()
        ),
    )


def take_over(window: MainWindow, carried: Carried) -> None:
    """Show `carried` in the new `window`: the view first, then the screens over it."""
    window.restoreGeometry(carried.geometry)
    if carried.size_chosen is not None:
        window.setProperty("dropdeskSizeChosen", carried.size_chosen)
    window.splitter.restoreState(carried.splitter)
    window.split_chosen = carried.split_chosen
    window.status_filter.setCurrentIndex(carried.filter_index)
    window.within_hours.setValue(carried.within_hours)
    window.search.setText(carried.search)
    window.table.sortByColumn(*carried.sort)
    window.apply_filters()
    if carried.selected is not None:
        window.select_order(carried.selected)
    if carried.maximized:
        window.showMaximized()
    else:
        window.show()
    window.open_screens_again(carried.screens)
    if window.services_ready:
        for cancellation_id, supplier_order_id in carried.wizards:
            if cancellation_id is not None:
                window.cancels.open_cancellation(cancellation_id)
            elif supplier_order_id is not None:
                window.cancels.open_for_order(supplier_order_id)


def change_language(window: MainWindow, value: str, done: Callable[[MainWindow], None]) -> None:
    """Speak `value` ("system", "en", "de") from now on: save it, load its catalogues, and put
    a rebuilt window in place of `window` (`done` receives it), once nothing is running.
    Unsaved edits are never dropped: the merchant is asked to save them, and nothing changes."""
    reason = window.unsaved()
    if reason:
        status(window, reason)
        return
    if window.busy():
        status(window, _tr("The language changes once the running step has finished."), WAIT_MS * 2)
        QTimer.singleShot(WAIT_MS, window, lambda: change_language(window, value, done))
        return
    carried = carry(window)
    app = QCoreApplication.instance()
    assert app is not None  # a window exists, so the application does
    switch_language(app, value)
    successor = window.successor()
    take_over(successor, carried)
    window.close_for_successor()
    done(successor)
