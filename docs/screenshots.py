"""Screenshots for README and reviews: `python docs/screenshots.py LEDGER OUT_DIR`.

Run it under Xvfb (`xvfb-run -s "-screen 0 1280x720x24" ...`) to see what a merchant sees.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from core.ledger import open_ledger
from gui.app import make_application
from gui.main_window import MainWindow


def main(ledger_path: Path, out: Path) -> None:
    app = make_application()
    ledger = open_ledger(ledger_path)
    window = MainWindow(ledger)
    window.resize(1264, 680)  # a 1280x720 laptop with a task bar
    window.show()
    row = window.model.position_of(window.model.row_at(6).id)  # an order closing soon
    window.table.selectRow(row or 0)
    for _ in range(20):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "main-window.png"))
    window.close()
    ledger.close()
    QApplication.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
