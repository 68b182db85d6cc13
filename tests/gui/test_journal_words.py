"""The journal shows core's texts in the window's language of the day: a payload keeps the
marker, so switching languages re-words what was recorded; what older versions stored (both
languages' words, or plain English) still shows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from core.ledger import Ledger, journal
from core.ledger.models import SupplierOrder
from core.texts import Text
from gui import i18n
from gui.order_details_panel import OrderDetailsPanel

MOVED = Text(
    "core.deadlines",
    "Ship-by moved from {before} to {after}: calendar changed",
    before="2026-05-01",
    after="2026-05-04",
)
OLD_PAIR = {"en": "An old English note", "de": "Eine alte deutsche Notiz"}
OLD_PLAIN = "An even older note"


@pytest.fixture
def back_to_english(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def timeline(panel: OrderDetailsPanel, order_id: int) -> list[str]:
    panel.show_order(order_id)
    tree = panel.timeline
    return [
        tree.topLevelItem(i).text(c)
        for i in range(tree.topLevelItemCount())
        for c in range(tree.columnCount())
    ]


def test_old_and_new_payloads_show_in_the_language_of_the_day(
    qtbot: QtBot, demo_ledger: Ledger, back_to_english: QApplication
) -> None:
    with demo_ledger.session() as session:
        order_id = session.exec(select(SupplierOrder.id).order_by(col(SupplierOrder.id))).first()
        assert order_id is not None
        for message in (MOVED.stored(), OLD_PAIR, OLD_PLAIN):
            journal.record(
                session, "ship_by_moved", "supplier_order", order_id, {"message": message}
            )
    panel = OrderDetailsPanel(demo_ledger)
    qtbot.addWidget(panel)

    english = timeline(panel, order_id)
    assert "Ship-by moved from 2026-05-01 to 2026-05-04: calendar changed" in english
    assert OLD_PAIR["en"] in english and OLD_PLAIN in english

    assert i18n.install_translators(back_to_english, "de") == "de"
    german = timeline(panel, order_id)  # the same journal rows, after a language switch
    assert "Versandfrist verschoben von 2026-05-01 auf 2026-05-04: Kalender geändert" in german
    assert not any("Ship-by moved" in text for text in german)
    assert OLD_PAIR["de"] in german and OLD_PLAIN in german
