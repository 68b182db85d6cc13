"""Drag-and-drop of CSV files onto a window: hands each dropped file to a callback.

An event filter rather than a subclass, so the main window only needs one line:
`install_csv_drop(window, flow.start)`. Qt delivers a drag to the deepest widget that accepts
drops, walking up to the window from widgets that do not (tables, labels); widgets that take
drops themselves (line edits take text) get the filter too, so a file dropped on the search
box is imported rather than pasted as its path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

CSV_SUFFIXES = (".csv",)


def dropped_files(mime: QMimeData, suffixes: Iterable[str] = CSV_SUFFIXES) -> list[Path]:
    """The local files in `mime` whose name ends in one of `suffixes` (any case), in order."""
    wanted = tuple(suffix.lower() for suffix in suffixes)
    if not mime.hasUrls():
        return []
    files = []
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in wanted:
                files.append(path)
    return files


class CsvDropFilter(QObject):
    """Accepts drags that carry CSV files; on drop calls `on_file` for each, after the drop.

    The callback runs from the event loop, not inside the drop: a file manager waits for the
    drop to return, and the import opens dialogs.
    """

    def __init__(
        self,
        window: QWidget,
        on_file: Callable[[Path], None],
        suffixes: Iterable[str] = CSV_SUFFIXES,
    ) -> None:
        super().__init__(window)
        self._on_file = on_file
        self._suffixes = tuple(suffixes)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if dropped_files(event.mimeData(), self._suffixes):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            files = dropped_files(event.mimeData(), self._suffixes)
            if files:
                event.acceptProposedAction()
                for path in files:
                    QTimer.singleShot(0, self, lambda path=path: self._on_file(path))
                return True
        return super().eventFilter(watched, event)


def install_csv_drop(
    window: QWidget,
    on_file: Callable[[Path], None],
    suffixes: Iterable[str] = CSV_SUFFIXES,
) -> CsvDropFilter:
    """Make `window` take dropped CSV files; `on_file(path)` is called once per file.

    Widgets added to the window later that accept drops themselves keep their own handling.
    The filter is a child of the window and goes away with it.
    """
    drop_filter = CsvDropFilter(window, on_file, suffixes)
    window.setAcceptDrops(True)
    window.installEventFilter(drop_filter)
    for child in window.findChildren(QWidget):
        if child.acceptDrops():
            child.installEventFilter(drop_filter)
    return drop_filter
