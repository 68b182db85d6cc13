"""Withdrawal received… and Notify the customer… on the selected order (menu, details panel):
recorded in the real ledger, the message in the customer's language, mailto or copy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from core import notices, withdrawal
from core.ledger import Ledger
from gui.main_window import ALL_ORDERS, MainWindow
from gui.notice_dialog import NoticeDialog
from gui.withdrawal_dialog import WithdrawalDialog
from tests.gui.conftest import DEMO_NOW


class MailProgram(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def mail_program() -> Iterator[MailProgram]:
    handler = MailProgram()
    QDesktopServices.setUrlHandler("mailto", handler, "open")  # type: ignore[arg-type]
    yield handler
    QDesktopServices.unsetUrlHandler("mailto")


def make_window(qtbot: QtBot, ledger: Ledger) -> MainWindow:
    window = MainWindow(ledger, clock=lambda: DEMO_NOW)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def first_order(ledger: Ledger, where: str) -> int:
    found = ledger.reader.execute(
        "SELECT so.id FROM supplier_order AS so WHERE so.customer_order_id IS NOT NULL AND "
        + where
        + " ORDER BY so.id LIMIT 1"
    ).fetchone()
    assert found is not None
    return int(found[0])


def open_dialog(qtbot: QtBot, window: MainWindow, name: str) -> QWidget:
    qtbot.waitUntil(lambda: window.findChild(QWidget, name) is not None, timeout=2_000)
    dialog = window.findChild(QWidget, name)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_a_withdrawal_before_shipping_is_recorded_and_offers_cancel_everywhere(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = make_window(qtbot, demo_ledger)
    order_id = first_order(
        demo_ledger,
        "so.shipped_at IS NULL AND so.order_status = 'WAIT_SELLER_SEND_GOODS'"
        " AND so.ship_by > '2026-11-27'",
    )
    assert not window.withdrawal_action.isEnabled()  # nothing selected
    assert window.select_order(order_id)
    assert window.withdrawal_action.isEnabled() and window.details.withdrawal_button.isEnabled()
    qtbot.mouseClick(window.details.withdrawal_button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(qtbot, window, "withdrawalDialog")
    assert isinstance(dialog, WithdrawalDialog)
    # sending and cancelling come once the withdrawal is recorded
    assert all(b.isHidden() for b in (dialog.mail_button, dialog.copy_button, dialog.cancel_button))
    received = DEMO_NOW - timedelta(hours=3)
    dialog.received.setDateTime(dialog.received.dateTime().addSecs(-3 * 3600))
    assert "14 days from receiving" in dialog.deadline.text()
    # the demo shop is German: the acknowledgement speaks German in an English window
    assert "Eingangsbestätigung" in dialog.acknowledgement.toPlainText()
    dialog.statement.setPlainText("I withdraw from the contract.")
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    with demo_ledger.session() as session:
        mine = [w for w in withdrawal.withdrawals(session) if w.statement.startswith("I withdraw")]
    assert len(mine) == 1
    assert abs(mine[0].received_at - received) < timedelta(minutes=1)
    assert mine[0].refund_by == withdrawal.refund_deadline(mine[0].received_at)
    assert mine[0].acknowledgement["language"] == "de"
    # the supplier has not shipped: Cancel everywhere is offered, and asks for this order
    assert dialog.cancel_button.isVisible()
    with qtbot.waitSignal(dialog.cancel_requested) as asked:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert asked.args == [order_id]
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "Widerruf" in QGuiApplication.clipboard().text()
    with demo_ledger.session() as session:
        sent = notices.sent_notices(session, mine[0].customer_order_id)
    assert [n["kind"] for n in sent] == ["withdrawal_acknowledged"] and sent[0]["via"] == "copy"
    dialog.close()
    window.details.show_order(order_id)
    titles = [
        window.details.timeline.topLevelItem(i).text(1)
        for i in range(window.details.timeline.topLevelItemCount())
    ]
    assert "Withdrawal received" in titles and "Customer notified" in titles


def test_notify_the_customer_in_their_language_by_mail(
    qtbot: QtBot, demo_ledger: Ledger, mail_program: MailProgram
) -> None:
    window = make_window(qtbot, demo_ledger)
    order_id = first_order(demo_ledger, "so.tracking_number != ''")
    assert window.select_order(order_id)
    window.notify_action.trigger()
    dialog = open_dialog(qtbot, window, "noticeDialog")
    assert isinstance(dialog, NoticeDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("tracking"))
    assert dialog.body.toPlainText().startswith("Guten Tag")  # the customer's, not the window's
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.body.toPlainText().startswith("Hello")
    assert "tracking number LP" in dialog.body.toPlainText()
    dialog.body.setPlainText(dialog.body.toPlainText() + "\nP.S. Thank you!")
    with qtbot.waitSignal(dialog.sent):
        qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    [link] = mail_program.opened
    body = parse_qs(urlsplit(link).query)["body"][0]
    assert body.endswith("P.S. Thank you!")  # the merchant's edit goes out, and is kept
    with demo_ledger.session() as session:
        from core.ledger.models import SupplierOrder

        customer_id = session.get(SupplierOrder, order_id).customer_order_id  # type: ignore[union-attr]
        [sent] = notices.sent_notices(session, customer_id or 0)
        assert notices.customer_language(session, customer_id) == "en"  # remembered
    assert sent["via"] == "mail" and sent["language"] == "en" and sent["body"] == body


def test_a_mail_program_that_does_not_open_records_nothing(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    window = make_window(qtbot, demo_ledger)
    order_id = first_order(demo_ledger, "so.tracking_number != ''")
    dialog = NoticeDialog(demo_ledger, order_id, window, clock=lambda: DEMO_NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox, "linkNotOpened")))
    with demo_ledger.session() as session:
        from core.ledger.models import SupplierOrder

        customer_id = session.get(SupplierOrder, order_id).customer_order_id  # type: ignore[union-attr]
        assert notices.sent_notices(session, customer_id or 0) == []


def test_a_delay_notice_is_offered_when_the_window_closes_without_tracking(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    with demo_ledger.session() as session:
        candidates = notices.delay_candidates(session, DEMO_NOW, within_hours=24)
    assert candidates
    window = make_window(qtbot, demo_ledger)
    dialog = NoticeDialog(demo_ledger, candidates[0], window, clock=lambda: DEMO_NOW)
    qtbot.addWidget(dialog)
    assert dialog.chosen_kind() == notices.NoticeKind.DELAY
    assert not dialog.offer.isHidden() and "no tracking number" in dialog.offer.text()
    assert dialog.problem.text() == ""  # the estimate is filled in: a complete message
    assert dialog.estimate.date().toPython() > DEMO_NOW.date()  # never an estimate in the past
    assert "bis zum" in dialog.body.toPlainText() and dialog.copy_button.isEnabled()


def test_the_delay_offer_says_when_the_window_has_already_closed(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    from core.ledger.models import SupplierOrder

    with demo_ledger.session() as session:
        candidates = notices.delay_candidates(session, DEMO_NOW, within_hours=24)
        closed = [
            i
            for i in candidates
            if (order := session.get(SupplierOrder, i)) is not None
            and order.ship_by is not None
            and order.ship_by <= DEMO_NOW
        ]
    assert closed  # the demo has overdue windows without tracking
    window = make_window(qtbot, demo_ledger)
    dialog = NoticeDialog(demo_ledger, closed[0], window, clock=lambda: DEMO_NOW)
    qtbot.addWidget(dialog)
    assert "has closed" in dialog.offer.text() and "within a day" not in dialog.offer.text()


def test_an_unlinked_order_cannot_notify(qtbot: QtBot, demo_ledger: Ledger) -> None:
    with demo_ledger.session() as session:
        from core.ledger.models import SupplierOrder

        order = SupplierOrder(external_order_id="8999999999999999")
        session.add(order)
        session.flush()
        order_id = order.id or 0
    window = make_window(qtbot, demo_ledger)
    assert window.select_order(order_id)
    assert not window.notify_action.isEnabled() and not window.withdrawal_action.isEnabled()
    dialog = NoticeDialog(demo_ledger, order_id, window, clock=lambda: DEMO_NOW)
    qtbot.addWidget(dialog)
    assert "not linked" in dialog.problem.text() and not dialog.mail_button.isEnabled()


def test_the_actions_speak_german(qtbot: QtBot, demo_ledger: Ledger, language: str) -> None:
    window = make_window(qtbot, demo_ledger)
    texts = (window.withdrawal_action.text(), window.notify_action.text())
    if language == "de":
        assert texts == ("&Widerruf erhalten…", "&Kunden benachrichtigen…")
        assert window.details.notify_button.text() == "Kunden benachrichtigen…"
    else:
        assert texts == ("&Withdrawal received…", "&Notify the customer…")
