"""Child process of the startup benchmark: start a window, report when its first frame is done.

`python -m bench.window_probe bare` shows an empty QMainWindow (the floor);
`python -m bench.window_probe app LEDGER` runs Dropdesk itself, `core.cli.main(["--ledger",
LEDGER])`, exactly what the `dropdesk` command runs. Either way an application-wide event filter
waits for the first paint of the main window, lets that frame finish, prints
`shown <time.monotonic()>` and quits the application normally (Dropdesk closes its ledger).

The filter is installed on the QApplication that Dropdesk itself makes (gui.app's
make_application, which returns the one that exists): no Dropdesk code is changed or replaced.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

WIDTH, HEIGHT = 1320, 780  # the size Dropdesk's window opens with on first launch


class FirstFrame(QObject):
    """Reports the end of the first frame a QMainWindow paints, then quits."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._seen = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.inherits("QMainWindow")
        ):
            self._seen = True
            QTimer.singleShot(0, self._report)  # after the rest of this frame (children) painted
        return False

    def _report(self) -> None:
        print(f"shown {time.monotonic():.6f}", flush=True)
        self._app.quit()


def bare() -> int:
    app = QApplication(sys.argv[:1])
    FirstFrame(app)
    window = QMainWindow()
    window.setWindowTitle("Floor")
    window.resize(WIDTH, HEIGHT)
    window.show()
    return app.exec()


def dropdesk(ledger: str) -> int:
    from core.cli import main
    from gui.app import make_application
    from gui.launch import PARTS

    FirstFrame(make_application())
    return main(["--ledger", ledger], gui=PARTS)


if __name__ == "__main__":
    kind = sys.argv[1]
    sys.exit(bare() if kind == "bare" else dropdesk(sys.argv[2]))
