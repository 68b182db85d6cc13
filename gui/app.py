"""Starting the GUI: the QApplication, the ledger (or the merchant's way out), the window.

The window shows first, with the ledger's rows; then the modules behind the services (SQLAlchemy,
httpx, the keyring, the cancel workflow) are imported off the GUI thread and the services are
attached: the merchant sees their countdowns in about the time an empty Qt window takes.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from core import paths, settings
from core.ledger import (
    CorruptLedgerError,
    Ledger,
    LedgerError,
    LedgerInUseError,
    check_integrity,
    open_ledger,
)
from core.ledger.backup import BackupCheckError, backup_if_due
from gui import ledger_problem
from gui.gui_gc import GuiThreadCollector
from gui.i18n import install_translators, say
from gui.jobs import Job
from gui.main_window import MainWindow
from gui.notice import Kind, tell
from gui.palette import apply_style
from gui.single_instance import SingleInstance, forwarded_files, present
from gui.termination import quit_on_sigterm

if TYPE_CHECKING:
    from core.connections import Connections, Connector
    from core.secrets import SecretStore
    from core.texts import Text

log = logging.getLogger(__name__)
T = TypeVar("T")

#: What the services import (the slow part of a start), loaded by a worker after the first frame.
SERVICE_MODULES = (
    "core.connections",
    "core.secrets",
    "core.cancel.workflow",
    "core.order_details",
    "core.supplier_orders",
    "gui.cancel_ports",
    "gui.cancel_wizard.launcher",
    "gui.deadline_tray",
    "gui.import_csv",
    "gui.sync_actions",
)


def import_service_modules() -> None:
    for name in SERVICE_MODULES:
        importlib.import_module(name)


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def _said(error: LedgerError) -> str:
    """core's words for a ledger problem, in the window's language."""
    return say(error.text)


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


def open_interactively(path: Path | str, start: Callable[[Ledger], T]) -> T | None:
    """Open `path` and `start` work on it; on a problem (the file refused, or damage the first
    reads run into) ask the merchant what to do until something opens or they quit."""
    while True:
        try:
            ledger = open_ledger(path)
        except LedgerInUseError as error:
            QMessageBox.information(None, _tr("Dropdesk is already open"), _said(error))
            return None
        except LedgerError as error:
            log.warning("Cannot open ledger %s: %s", path, error)
            problem, message = error.path, _said(error)
        else:
            try:
                return start(ledger)
            except sqlite3.DatabaseError as error:  # a damaged page the window's reads met
                ledger.close()
                log.warning("Ledger %s is damaged: %s", ledger.path, error)
                problem = ledger.path
                message = _tr("{0} is damaged: {1}").format(ledger.path.name, error)
        choice = ledger_problem.ask(None, problem, message)
        if choice is ledger_problem.Choice.OPEN_OTHER:
            chosen = ledger_problem.pick_ledger(
                None, path if isinstance(path, Path) else paths.default_ledger()
            )
            if chosen is None:
                continue
            path = chosen
        elif choice is ledger_problem.Choice.RESTORE_BACKUP and isinstance(path, Path):
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
        self._secrets, self._connector = secrets, connector
        self.window = MainWindow(ledger, defer_services=True)  # may meet a damaged ledger
        self._wire(self.window)
        if instance is not None:
            instance.message_received.connect(self.receive)
        self.ready = False
        self._checking = False
        self._waiting_files: list[str] = []

    def start(self) -> None:
        """Once the window is shown: import the services' modules on a worker, and check the
        ledger before its first write (core refuses to write a damaged one); then attach the
        services (connections, cancellations, imports, tray), resume interrupted work, back up."""
        ledger = self.ledger
        self.say_warning()

        def prepare(_progress: object, _cancelled: object) -> CorruptLedgerError | None:
            import_service_modules()
            try:
                ledger.check_before_writing()
            except CorruptLedgerError as damage:
                return damage
            return None

        job = Job(prepare)
        job.finished.connect(self._attach)
        job.failed.connect(lambda message: log.error("Loading the services failed: %s", message))
        job.failed.connect(lambda _message: self._attach(None))  # which raises the error again
        job.start()  # Qt owns a started job: no list keeps it alive

    def say_warning(self) -> None:
        """What open_ledger found worth saying (a ledger file in a sync folder), in a box
        that does not stop the window."""
        if self.ledger.warning is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            say(self.ledger.warning).split(". ", 1)[0] + ".",
            say(self.ledger.warning),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setModal(False)
        box.setObjectName("ledger_warning")
        box.show()

    def _attach(self, damage: CorruptLedgerError | None) -> None:
        from core.connections import Connector
        from core.secrets import SecretStore

        self.secrets = self._secrets or SecretStore()  # the keyring is chosen on first use
        self.connector = self._connector or Connector()  # https to the official hosts only
        self.window.attach_services(self._connections(self.ledger))
        if damage is not None:  # core writes nothing to it: offer the way out instead
            self.ready = True
            self._offer_way_out(_said(damage))
            return
        self.window.cancels.resume_all()  # finish what a crash or a quit interrupted
        self.keep_calendar_current()
        if self.ledger.unclean:
            self.check_in_background()
        self.back_up_in_background()
        self.ready = True
        waiting, self._waiting_files = self._waiting_files, []
        if waiting:
            self.receive(waiting)

    def receive(self, args: list[str]) -> None:
        """Another launch handed over its command line: come to the front, import its files."""
        present(self.window)
        if not self.ready:
            self._waiting_files.extend(args)
            return
        for path in forwarded_files(args):
            self.window.csv_import.start(path)

    def _connections(self, ledger: Ledger) -> Connections:
        from core.connections import Connections

        return Connections(ledger, self.secrets, self.connector)

    def _wire(self, window: MainWindow) -> None:
        window.open_ledger_requested.connect(self.open_other)
        window.ledger_chosen.connect(self.open_path)
        window.server_ledger_requested.connect(self.open_server)
        window.replaced.connect(self._adopt)

    def _adopt(self, window: MainWindow) -> None:
        """The window rebuilt in a new language takes the old one's place (same ledger)."""
        self.window = window
        self._wire(window)

    def open_other(self) -> None:
        chosen = ledger_problem.pick_ledger(self.window, self.ledger.path)
        if chosen is not None:
            self.open_path(chosen)

    def open_server(self) -> None:
        """File > Open ledger on a server: the address, the password if the keyring lacks it."""
        from gui.server_ledger_dialog import ask_address, open_with_password

        current = self.ledger.location if self.ledger.dialect != "sqlite" else ""
        address = ask_address(self.window, current)
        if address is None:
            return
        if address == self.ledger.location:
            present(self.window)
            return
        ledger = open_with_password(self.window, address)
        if ledger is not None:
            self._switch_to(ledger)

    def open_path(self, chosen: Path) -> None:
        """Open `chosen` in place of the current ledger: a new window, the old one closed."""
        if chosen.expanduser().resolve() == self.ledger.path:
            present(self.window)
            return
        try:
            ledger = open_ledger(chosen)
        except LedgerError as error:
            QMessageBox.warning(self.window, _tr("This ledger cannot be opened"), _said(error))
            return
        self._switch_to(ledger)

    def _switch_to(self, ledger: Ledger) -> None:
        """`ledger` in place of the current one: a new window, the old one closed."""
        old_window, old_ledger = self.window, self.ledger
        self.ledger = ledger
        self.window = MainWindow(ledger, connections=self._connections(ledger))
        self._wire(self.window)
        self.window.show()
        self.keep_calendar_current()
        old_window.close()
        old_window.deleteLater()  # freed by Qt on this thread, not by a collector elsewhere
        old_ledger.close()
        if self.instance is not None:
            self.instance.move_to(ledger.path if ledger.dialect == "sqlite" else ledger.location)

    def keep_calendar_current(self) -> None:
        """A newer `holidays` package (or an edit an earlier run did not finish applying)
        changes the calendar the stored deadlines were computed with: recompute the open
        orders' ship_by in the background."""
        if self.window.calendar_recompute is not None:
            self.window.calendar_recompute.start(only_if_outdated=True)

    def check_in_background(self) -> None:
        """After an unclean shutdown, or when a read met damage: SQLite's quick_check, off the
        GUI thread (once at a time). A server ledger's pages are the server's to check."""
        if self._checking or self.ledger.dialect != "sqlite":
            return
        self._checking = True
        path = self.ledger.path
        job = Job(lambda _progress, _cancelled: check_integrity(path))
        job.finished.connect(self._checked)
        job.failed.connect(lambda message: self._checked([message]))
        job.start()  # Qt owns a started job: no list keeps it alive

    def report_uncaught(self, error: BaseException) -> None:
        """What sys.excepthook hands over (an error in a slot or a paint): logged; when it is
        the ledger's file that failed, the file is checked and the merchant told."""
        log.error("Unexpected error: %r", error, exc_info=error)
        if isinstance(error, CorruptLedgerError) or isinstance(
            getattr(error, "orig", error),
            sqlite3.DatabaseError,  # SQLAlchemy wraps
        ):
            self.check_in_background()

    def back_up_in_background(self) -> None:
        """Once a day, a rotated backup beside the ledger. A server ledger is backed up on the
        server (pg_dump or the provider's snapshots; see docs/postgresql.md): the merchant is
        told so, with the command, the first time (core.ledger.server_backup)."""
        if self.ledger.dialect != "sqlite":
            from core.ledger.server import ServerLedger
            from core.ledger.server_backup import advice_once

            server = self.ledger
            assert isinstance(server, ServerLedger)
            advise = Job(lambda _progress, _cancelled: advice_once(server))
            advise.finished.connect(self._advise_server_backups)
            advise.failed.connect(lambda message: log.warning("Backup advice: %s", message))
            advise.start()
            return
        path = self.ledger.path
        keep = int(settings.read(self.ledger.reader, "backups_keep"))

        def back_up(_progress: object, _cancelled: object) -> Path | BackupCheckError | None:
            try:
                return backup_if_due(path, keep, datetime.now(UTC))
            except BackupCheckError as error:  # the copy was removed; the ledger is suspect
                return error

        job = Job(back_up)
        job.finished.connect(self._backed_up)
        job.failed.connect(lambda message: log.warning("Daily backup failed: %s", message))
        job.start()  # Qt owns a started job: no list keeps it alive

    def _advise_server_backups(self, text: Text | None) -> None:
        from core.ledger.server_backup import TITLE

        if text is None:
            return
        box = tell(self.window, say(TITLE), say(text), Kind.INFO)
        box.setObjectName("server_backup_advice")
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy

    def _backed_up(self, made: Path | BackupCheckError | None) -> None:
        if isinstance(made, BackupCheckError):
            log.error("Daily backup removed: %s", made)
            self.check_in_background()  # tells the merchant when the ledger itself is damaged
        else:
            log.info("Daily backup: %s", made or "not due")

    def _checked(self, problems: list[str]) -> None:
        self._checking = False
        if not problems:
            log.info("Ledger %s passed quick_check", self.ledger.path)
            return
        log.error("Ledger %s failed quick_check: %s", self.ledger.path, problems[:5])
        self._offer_way_out(_tr("{0} is damaged: {1}").format(self.ledger.path.name, problems[0]))

    def _offer_way_out(self, message: str) -> None:
        """Another ledger, the latest backup, or quitting: the merchant chooses."""
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


def run(ledger_path: Path | str, *, self_test: bool = False, files: Sequence[Path] = ()) -> int:
    app = make_application()
    if self_test:
        return _self_test(ledger_path)
    instance = SingleInstance(ledger_path, app)
    handed = [str(path.expanduser().resolve()) for path in files]
    if instance.try_forward(handed) or (not instance.listen() and instance.try_forward(handed)):
        return 0  # the running Dropdesk came to the front and took the files
    session = open_interactively(ledger_path, lambda ledger: Session(ledger, instance=instance))
    if session is None:
        instance.close()
        return 1
    if isinstance(ledger_path, Path) and session.ledger.path != ledger_path.expanduser().resolve():
        instance.move_to(session.ledger.path)
    session.window.first_frame_shown.connect(session.start)
    session.window.show()
    if handed:
        session.receive(handed)  # imported once the services are attached
    previous_hook = sys.excepthook

    def uncaught(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        session.report_uncaught(error)
        previous_hook(kind, error, trace)

    sys.excepthook = uncaught
    try:
        with quit_on_sigterm(app):
            return app.exec()
    finally:
        sys.excepthook = previous_hook
        instance.close()
        session.close()


def _self_test(ledger_path: Path | str) -> int:
    """Open the ledger and the window, process events once, and report; no dialogs."""
    try:
        ledger = open_ledger(ledger_path)
    except LedgerError as error:
        print(f"self-test failed: {error}", file=sys.stderr)
        return 1
    try:
        window = MainWindow(ledger, remember_layout=False)  # a check leaves no UI settings
        window.show()
        QApplication.processEvents()
        shown = window.model.rowCount()
        first = window.model.row_at(0)
        window.close()
        print(
            f"self-test ok: {ledger.location}: {window.total_orders} supplier orders, {shown} shown"
            + (f", first {first.order_name or first.external_order_id}" if first else "")
        )
        return 0
    except Exception as error:  # the reason goes to the caller, with a non-zero exit
        print(f"self-test failed: {error!r}", file=sys.stderr)
        return 1
    finally:
        ledger.close()
