"""Starting the GUI: the QApplication, the ledger (or the merchant's way out), the window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core import settings
from core.connections import Connections, Connector
from core.ledger import Ledger, LedgerError, LedgerInUseError, check_integrity, open_ledger
from core.ledger.backup import backup_if_due
from core.secrets import SecretStore
from gui import ledger_problem
from gui.gui_gc import GuiThreadCollector
from gui.i18n import install_translators
from gui.jobs import Job
from gui.main_window import MainWindow
from gui.palette import apply_style
from gui.single_instance import SingleInstance, forwarded_files, present

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Dropdesk")
    app.setOrganizationName("Dropdesk")
    app.setApplicationDisplayName("Dropdesk")
    app.setDesktopFileName("dropdesk")
    apply_style(app)
    GuiThreadCollector(app)  # Qt objects must never be freed on a worker thread
    install_translators(app)  # the system's language, unless DROPDESK_LANG or a setting says
    return app


def open_interactively(path: Path) -> Ledger | None:
    """Open `path`; on a problem ask the merchant what to do until a ledger opens or they quit."""
    while True:
        try:
            return open_ledger(path)
        except LedgerInUseError as error:
            QMessageBox.information(None, _tr("Dropdesk is already open"), str(error))
            return None
        except LedgerError as error:
            log.warning("Cannot open ledger %s: %s", path, error)
            choice = ledger_problem.ask(None, error.path, str(error))
        if choice is ledger_problem.Choice.OPEN_OTHER:
            chosen = ledger_problem.pick_ledger(None, path)
            if chosen is None:
                continue
            path = chosen
        elif choice is ledger_problem.Choice.RESTORE_BACKUP:
            restored = ledger_problem.restore_copy(path)
            if restored is not None:
                path = restored
        else:
            return None


class Session:
    """The running app: one open ledger and its window; reopening swaps both."""

    def __init__(
        self,
        ledger: Ledger,
        secrets: SecretStore | None = None,
        connector: Connector | None = None,
        instance: SingleInstance | None = None,
    ) -> None:
        self.ledger = ledger
        self.instance = instance
        if instance is not None:
            instance.message_received.connect(self.receive)
        self.secrets = secrets or SecretStore()  # the keyring is chosen on first use
        self.connector = connector or Connector()  # https to the official hosts only
        self.window = self._make_window(ledger)
        self.window.cancels.resume_all()  # finish what a crash or a quit interrupted
        self._jobs: list[Job] = []
        if ledger.unclean:
            self.check_in_background()
        self.back_up_in_background()

    def receive(self, args: list[str]) -> None:
        """Another launch handed over its command line: come to the front, import its files."""
        present(self.window)
        for path in forwarded_files(args):
            self.window.csv_import.start(path)

    def _make_window(self, ledger: Ledger) -> MainWindow:
        window = MainWindow(ledger, connections=Connections(ledger, self.secrets, self.connector))
        window.open_ledger_requested.connect(self.open_other)
        return window

    def open_other(self) -> None:
        chosen = ledger_problem.pick_ledger(self.window, self.ledger.path)
        if chosen is None:
            return
        try:
            ledger = open_ledger(chosen)
        except LedgerError as error:
            QMessageBox.warning(self.window, _tr("This ledger cannot be opened"), str(error))
            return
        old_window, old_ledger = self.window, self.ledger
        self.ledger, self.window = ledger, self._make_window(ledger)
        self.window.show()
        old_window.close()
        old_window.deleteLater()  # freed by Qt on this thread, not by a collector elsewhere
        old_ledger.close()
        if self.instance is not None:
            self.instance.move_to(ledger.path)

    def check_in_background(self) -> None:
        """After an unclean shutdown: SQLite's quick_check, off the GUI thread."""
        path = self.ledger.path
        job = Job(lambda _progress, _cancelled: check_integrity(path))
        job.finished.connect(self._checked)
        self._start(job)

    def back_up_in_background(self) -> None:
        """Once a day, a rotated backup beside the ledger."""
        path = self.ledger.path
        with self.ledger.session() as session:
            keep = int(settings.get(session, "backups_keep"))
        job = Job(lambda _p, _c: backup_if_due(path, keep, datetime.now(UTC)))
        job.finished.connect(lambda made: log.info("Daily backup: %s", made or "not due"))
        job.failed.connect(lambda message: log.warning("Daily backup failed: %s", message))
        self._start(job)

    def _start(self, job: Job) -> None:
        self._jobs = [j for j in self._jobs if not j.done.is_set()]
        self._jobs.append(job)
        job.start()

    def _checked(self, problems: list[str]) -> None:
        if not problems:
            log.info("Ledger %s passed quick_check", self.ledger.path)
            return
        log.error("Ledger %s failed quick_check: %s", self.ledger.path, problems[:5])
        message = _tr("{0} is damaged: {1}").format(self.ledger.path.name, problems[0])
        choice = ledger_problem.ask(self.window, self.ledger.path, message)
        if choice is ledger_problem.Choice.RESTORE_BACKUP:
            restored = ledger_problem.restore_copy(self.ledger.path)
            if restored is not None:
                QMessageBox.information(
                    self.window,
                    _tr("Backup restored"),
                    _tr("The backup was copied to {0}. Open it with File > Open ledger.").format(
                        restored
                    ),
                )
        elif choice is ledger_problem.Choice.OPEN_OTHER:
            self.open_other()

    def close(self) -> None:
        self.ledger.close()


def run(ledger_path: Path, *, self_test: bool = False, files: Sequence[Path] = ()) -> int:
    app = make_application()
    if self_test:
        return _self_test(ledger_path)
    instance = SingleInstance(ledger_path, app)
    handed = [str(path.expanduser().resolve()) for path in files]
    if instance.try_forward(handed) or (not instance.listen() and instance.try_forward(handed)):
        return 0  # the running Dropdesk came to the front and took the files
    ledger = open_interactively(ledger_path)  # LedgerInUseError's message stays the fallback
    if ledger is None:
        instance.close()
        return 1
    if ledger.path != ledger_path.expanduser().resolve():
        instance.move_to(ledger.path)
    session = Session(ledger, instance=instance)
    session.window.show()
    if handed:
        QTimer.singleShot(0, lambda: session.receive(handed))
    try:
        return app.exec()
    finally:
        instance.close()
        session.close()


def _self_test(ledger_path: Path) -> int:
    """Open the ledger and the window, process events once, and report; no dialogs."""
    try:
        ledger = open_ledger(ledger_path)
    except LedgerError as error:
        print(f"self-test failed: {error}", file=sys.stderr)
        return 1
    try:
        window = MainWindow(ledger)
        window.show()
        QApplication.processEvents()
        shown = window.model.rowCount()
        first = window.model.row_at(0)
        window.close()
        print(
            f"self-test ok: {ledger.path}: {window.total_orders} supplier orders, {shown} shown"
            + (f", first {first.order_name or first.ae_order_id}" if first else "")
        )
        return 0
    except Exception as error:  # the reason goes to the caller, with a non-zero exit
        print(f"self-test failed: {error!r}", file=sys.stderr)
        return 1
    finally:
        ledger.close()
