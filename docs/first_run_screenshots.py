"""Screenshots of the first run and the connections help, as a merchant on a 1280x720 laptop
sees them: `python docs/first_run_screenshots.py OUT_DIR [en|de] [light|dark]`.

Run it under Xvfb with a keyring, e.g.
`tests/with-keyring.sh xvfb-run -s "-screen 0 1280x720x24" python docs/first_run_screenshots.py
/tmp/shots de dark`. The language is fixed at start-up (DROPDESK_LANG), so run it once per language.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _settle(app: QApplication) -> None:
    for _ in range(30):
        app.processEvents()


def _save(app: QApplication, widget: QWidget, path: Path) -> None:
    _settle(app)
    widget.grab().save(str(path))
    print(path, widget.width(), "x", widget.height())


def main(out: Path, language: str, scheme: str) -> None:
    os.environ["DROPDESK_LANG"] = language
    os.environ.setdefault("DROPDESK_HOME", tempfile.mkdtemp(prefix="dropdesk-shots-"))
    from core.connections import Connections
    from core.ledger import open_ledger
    from core.secrets import SecretStore
    from gui.app import make_application
    from gui.connections import ConnectionsDialog
    from gui.connections.help import ALIEXPRESS, SHOPIFY, ConnectionHelp
    from gui.main_window import MainWindow
    from gui.palette import apply_style

    app = make_application()
    apply_style(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    out.mkdir(parents=True, exist_ok=True)
    tag = f"{language}-{scheme}"
    ledger = open_ledger(Path(tempfile.mkdtemp()) / "ledger.sqlite")
    connections = Connections(ledger, SecretStore(service="dropdesk-screenshots"))
    window = MainWindow(ledger, connections=connections)
    room = app.primaryScreen().availableGeometry()
    window.resize(room.width(), room.height())
    window.show()
    _save(app, window, out / f"first-run-{tag}.png")
    dialog = ConnectionsDialog(connections, window)
    dialog.show()
    _save(app, dialog, out / f"connections-{tag}.png")
    for side in (SHOPIFY, ALIEXPRESS):
        page = ConnectionHelp(side, window)
        page.show()
        _save(app, page, out / f"help-{side}-{tag}.png")
        page.page.verticalScrollBar().setValue(page.page.verticalScrollBar().maximum())
        _save(app, page, out / f"help-{side}-{tag}-end.png")
        page.close()
    dialog.close()
    window.close()
    ledger.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), *(sys.argv[2:4] + ["en", "light"][len(sys.argv[2:4]) :]))
