"""Guards against a Qt binding that corrupts the interpreter (PySide6 6.12.0 on Python 3.11
dropped a reference to True on every emit and crashed long sessions)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_and_bool_returns_keep_reference_counts(qtbot: QtBot) -> None:
    emitter = _Emitter()
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for n in range(2_000):
        emitter.fired.emit(n)
        widget.isVisible()
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)
