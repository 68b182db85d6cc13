"""Python's cycle collector, run only on the GUI thread.

The collector runs in whichever thread happens to allocate; a Qt object it frees on a worker
thread (an HTTP fake, a sync job) tears down widgets the GUI thread is still using, and the app
crashes at random. So automatic collection is off and a timer collects on the GUI thread,
generation by generation, at the interpreter's own thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """Collect the generations whose counts passed their thresholds; objects freed."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        freed = 0
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                freed = gc.collect(generation)
                break
        return freed

    def stop(self) -> None:
        self.timer.stop()
        gc.enable()
