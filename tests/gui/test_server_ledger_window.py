"""The window on a PostgreSQL ledger: its first frame reads through the psycopg reader, and a
change another instance makes shows without the merchant doing anything."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from core.ledger import Ledger, journal, open_ledger
from core.ledger.change_watch import ChangeWatch
from core.ledger.models import Supplier, SupplierOrder
from core.ledger.server_address import parse
from core.ledger.transfer import copy_ledger
from core.secrets import SecretKey, SecretStore
from gui.main_window import MainWindow
from gui.server_ledger_dialog import open_with_password
from tests.pg_support import PASSWORD

pytestmark = pytest.mark.postgresql


def _add_order(ledger: Ledger, external_order_id: str) -> None:
    with ledger.session() as session:
        supplier = Supplier(name="Another Instance Store")
        session.add(supplier)
        session.flush()
        session.add(
            SupplierOrder(
                external_order_id=external_order_id,
                supplier_id=supplier.id,
                paid_at=datetime.now(UTC) - timedelta(hours=3),
                order_status="WAIT_SELLER_SEND_GOODS",
            )
        )
        journal.record(session, "order_added", "supplier_order", 0, {})


def test_a_change_by_another_instance_shows_in_the_window(
    qtbot: QtBot, demo_template: Path, pg_ledger_url: str
) -> None:
    source = open_ledger(demo_template, for_reading=True)
    here, there = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    window: MainWindow | None = None
    try:
        copy_ledger(source, here)
        window = MainWindow(here, remember_layout=False)
        qtbot.addWidget(window)
        window.show()
        assert window.change_poll is not None and window.change_poll.isActive()
        assert window.total_orders == 2_000
        assert not window.refresh_if_changed()
        _add_order(there, "8999000000000001")
        qtbot.waitUntil(lambda: window.total_orders == 2_001, timeout=15_000)  # by the poll
        assert window.path_label.text() == pg_ledger_url
    finally:
        if window is not None:
            window.close()
            window.ticker.stop()  # the ledger closes now; the window is deleted later
            assert window.change_poll is not None and not window.change_poll.isActive()
        here.close()
        there.close()
        source.close()


def test_the_change_stamp_moves_with_every_journaled_change(pg_ledger_url: str) -> None:
    reader_side, writer_side = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)
    try:
        watch = ChangeWatch(reader_side.reader)
        assert not watch.changed()
        with writer_side.session() as session:
            journal.record(session, "setting_changed", "setting", 0, {})
        assert watch.changed()
        assert not watch.changed()  # once per change
        _add_order(writer_side, "8999000000000002")
        assert watch.changed()
    finally:
        reader_side.close()
        writer_side.close()


@pytest.mark.keyring
def test_file_open_on_a_server_asks_the_password_once(
    qtbot: QtBot, password_role: str, secret_service: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The password is asked (hidden) when the keyring has none, checked, kept in the
    keyring; the next open asks nothing."""
    asked: list[QLineEdit.EchoMode] = []
    answers = iter([("wrong-password-1", True), (PASSWORD, True)])

    def answer(*args: object) -> tuple[str, bool]:
        asked.append(args[3])  # type: ignore[arg-type]
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    refused: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _p, _t, text: refused.append(text))
    )
    key = SecretKey.postgresql_password(parse(password_role).key)
    try:
        ledger = open_with_password(None, password_role)
        assert ledger is not None and ledger.location == password_role
        ledger.close()
        assert asked == [QLineEdit.EchoMode.Password] * 2
        assert len(refused) == 1 and "refused the password" in refused[0]
        assert SecretStore().get(key) == PASSWORD
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a: pytest.fail()))
        again = open_with_password(None, password_role)  # from the keyring, no question
        assert again is not None
        again.close()
    finally:
        SecretStore().delete(key)
