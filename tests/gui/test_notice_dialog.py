"""Notify the customer offers only the messages that are true for the order (the others are
greyed out and say why), and a mail program that does not open still lets the merchant copy the
message (not an encoded mailto: address), which the timeline keeps."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from core import notices
from core.ledger import Ledger
from core.ledger.models import Cancellation, CustomerOrder, SupplierOrder
from core.notices import NoticeKind
from gui.notice_dialog import NoticeDialog
from tests.gui.conftest import DEMO_NOW
from tests.gui.test_withdrawal_notice import first_order, make_window

OPEN = (
    "so.tracking_number = '' AND so.customer_order_id IN (SELECT id FROM customer_order"
    " WHERE cancelled_at IS NULL AND refunded_minor = 0) AND so.customer_order_id NOT IN"
    " (SELECT coalesce(customer_order_id, 0) FROM refund)"
    " AND so.customer_order_id NOT IN (SELECT coalesce(customer_order_id, 0) FROM cancellation)"
)


def _dialog(qtbot: QtBot, ledger: Ledger, order_id: int) -> NoticeDialog:
    window = make_window(qtbot, ledger)
    dialog = NoticeDialog(ledger, order_id, window, clock=lambda: DEMO_NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _tooltip(dialog: NoticeDialog, kind: NoticeKind) -> str:
    return str(dialog.kind.itemData(dialog.kind.findData(kind.value), Qt.ItemDataRole.ToolTipRole))


def test_an_open_order_offers_no_cancellation_or_refund(qtbot: QtBot, demo_ledger: Ledger) -> None:
    dialog = _dialog(qtbot, demo_ledger, first_order(demo_ledger, OPEN))
    offered = dialog.offered_kinds()
    assert NoticeKind.CANCELLATION_CONFIRMED not in offered
    assert NoticeKind.REFUND_SENT not in offered and NoticeKind.TRACKING not in offered
    assert offered == [NoticeKind.DELAY]  # no withdrawal either
    assert dialog.chosen_kind() == NoticeKind.DELAY  # never an untrue message by default
    assert "not cancelled" in _tooltip(dialog, NoticeKind.CANCELLATION_CONFIRMED)
    assert "No refund" in _tooltip(dialog, NoticeKind.REFUND_SENT)
    # Picked anyway (the keyboard, a script): nothing to send, and the reason is said.
    dialog.kind.setCurrentIndex(dialog.kind.findData(NoticeKind.CANCELLATION_CONFIRMED.value))
    assert "not cancelled" in dialog.problem.text()
    assert dialog.body.toPlainText() == "" and not dialog.mail_button.isEnabled()
    assert not dialog.copy_button.isEnabled()


def test_a_cancelled_order_confirms_in_the_reasons_words(qtbot: QtBot, demo_ledger: Ledger) -> None:
    order_id = first_order(demo_ledger, OPEN)
    with demo_ledger.session() as session:
        order = session.get(SupplierOrder, order_id)
        assert order is not None and order.customer_order_id is not None
        customer = session.get(CustomerOrder, order.customer_order_id)
        assert customer is not None
        customer.cancelled_at = DEMO_NOW - timedelta(hours=1)
        customer.refunded_minor = customer.total_minor
        session.add(
            Cancellation(
                supplier_order_id=order_id,
                customer_order_id=customer.id,
                reason="out_of_stock",
                state="done",
            )
        )
    dialog = _dialog(qtbot, demo_ledger, order_id)
    offered = dialog.offered_kinds()
    assert NoticeKind.CANCELLATION_CONFIRMED in offered and NoticeKind.REFUND_SENT in offered
    assert NoticeKind.DELAY not in offered and "cancelled" in _tooltip(dialog, NoticeKind.DELAY)
    dialog.kind.setCurrentIndex(dialog.kind.findData(NoticeKind.CANCELLATION_CONFIRMED.value))
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    body = dialog.body.toPlainText()
    assert "nicht mehr vorrätig" in body and "wie gewünscht" not in body
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert "out of stock" in dialog.body.toPlainText()
    assert "as you asked" not in dialog.body.toPlainText() and dialog.mail_button.isEnabled()


def test_no_mail_program_offers_the_message_and_keeps_what_was_copied(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    order_id = first_order(demo_ledger, "so.tracking_number != ''")
    dialog = _dialog(qtbot, demo_ledger, order_id)
    assert dialog.chosen_kind() == NoticeKind.TRACKING
    dialog.body.setPlainText(dialog.body.toPlainText() + "\nGrüße & Dank?")
    notice = dialog.notice()
    assert notice is not None
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.mail_button, Qt.MouseButton.LeftButton)  # no mailto handler
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox, "linkNotOpened")))
    (note,) = dialog.findChildren(QMessageBox, "linkNotOpened")
    assert "No mail program opened" in note.text() and "browser" not in note.text()
    assert "mailto:" not in note.informativeText() and "%" not in note.informativeText()
    assert notice.body in note.informativeText() and notice.to in note.informativeText()
    with demo_ledger.session() as session:
        customer_id = session.get(SupplierOrder, order_id).customer_order_id  # type: ignore[union-attr]
        assert notices.sent_notices(session, customer_id or 0) == []  # nothing sent yet
    copy = note.findChild(QPushButton, "copyLink")
    assert copy is not None and copy.text() == "Copy message"
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == notice.text()  # the text, not the URL
    with demo_ledger.session() as session:
        [sent] = notices.sent_notices(session, customer_id or 0)
    assert sent["via"] == "copy" and sent["body"] == notice.body
