from __future__ import annotations

import gc

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from gui.gui_gc import GuiThreadCollector


def test_cycles_are_collected_on_the_gui_thread_only(qtbot: QtBot) -> None:
    owner = QObject()
    collector = GuiThreadCollector(owner)
    try:
        assert not gc.isenabled()

        class Cycle:
            def __init__(self) -> None:
                self.me = self

        for _ in range(gc.get_threshold()[0] * 2):
            Cycle()
        assert gc.get_count()[0] > gc.get_threshold()[0]  # nothing collected by itself
        assert collector.collect() > 0
    finally:
        collector.stop()
    assert gc.isenabled()
