"""A message that leaves the app speaks its recipient's language, whatever the window speaks:
the cancel wizard's note to a German customer is German in an English window, and the note to an
English-speaking customer is English in a German window; the merchant can switch one message."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from core import notices
from core.cancel import messages
from core.ledger import Ledger
from core.ledger.models import CustomerOrder
from core.ledger.types import Reason
from core.outgoing import Amount, Message
from gui.cancel_wizard.texts import CopyableText
from gui.i18n import current_language


def _note_for(ledger: Ledger, locale: str) -> Message:
    """The cancel wizard's customer note for a fresh order whose customer writes `locale`."""
    with ledger.session() as session:
        order = CustomerOrder(name="#5001", customer_locale=locale, total_minor=1_000)
        session.add(order)
        session.flush()
        language = notices.customer_language(session, order.id)
    return messages.customer_note(
        "#5001", language, reason=Reason.CHANGED_MIND, refunded=Amount(1_000, "EUR"), shipped=False
    )


@pytest.mark.parametrize(
    ("language", "locale", "greeting", "name"),
    [("en", "de-DE", "Hallo,", "Deutsch"), ("de", "en-US", "Hello,", "English")],
    indirect=["language"],
)
def test_the_note_speaks_the_customers_language_not_the_windows(
    qtbot: QtBot, ledger: Ledger, language: str, locale: str, greeting: str, name: str
) -> None:
    assert current_language() == language
    widget = CopyableText("Note to the customer")
    qtbot.addWidget(widget)
    note = _note_for(ledger, locale)
    widget.set_message(note)
    assert widget.language.currentText() == name
    assert widget.body.toPlainText().startswith(greeting) and "#5001" in widget.current()
    widget.copy()
    assert QGuiApplication.clipboard().text().startswith(greeting)

    # The merchant switches this one message; the same message shown again keeps the choice.
    other = "en" if note.language == "de" else "de"
    widget.language.setCurrentIndex(widget.language.findData(other))
    switched = widget.body.toPlainText()
    assert not switched.startswith(greeting) and "#5001" in switched
    widget.set_message(note)
    assert widget.body.toPlainText() == switched
    widget.set_message(None)
    assert widget.isHidden() and widget.current() == ""
