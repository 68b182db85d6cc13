"""Step 1: where the order stands, read fresh when online, and which way the run goes (cancel,
or refund because it is too late), with the reason why and the alternatives."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from core.cancel.states import Path
from core.cancel.view import Action
from gui.cancel_wizard.step import PageKey, RunContext, Step, StepPage, primary, tr
from gui.cancel_wizard.texts import Banner, Instructions, paragraph
from gui.i18n import current_language, say

_WAY = {
    Path.CANCEL: "Cancel: the order can still be stopped before it ships.",
    Path.REFUND: "Refund: too late to cancel everywhere, so the customer is refunded.",
    Path.UNDECIDED: "Not decided yet: Dropdesk checks the order first.",
}


class CheckPage(StepPage):
    key = PageKey.CHECK

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText(tr("Where the order stands"))
        self.way = QLabel()
        self.way.setObjectName("way")
        self.way.setWordWrap(True)
        self.way.setStyleSheet("font-weight: 600;")
        self.why = paragraph()
        self.why.setObjectName("why")
        self.alternatives_title = QLabel(tr("<b>What you can do instead</b>"))
        self.alternatives = Instructions()
        self.sources = paragraph(muted=True)
        self.notes = Banner()
        self.check_button = QPushButton(tr("Check the order now"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self._check)
        for widget in (
            self.way,
            self.why,
            self.alternatives_title,
            self.alternatives,
            self.notes,
            self.sources,
        ):
            self.layout_.addWidget(widget)
        self.add_button(primary(self.check_button))
        self.layout_.addStretch(1)

    def show_run(self, ctx: RunContext) -> None:
        super().show_run(ctx)
        view = ctx.view
        checking = self.can(Action.CHECK)
        self.check_button.setVisible(checking)
        self.way.setText(tr(_WAY[view.path]))
        current_language()  # guidance for the merchant: the window's language
        self.why.setText(say(view.why))
        self.why.setVisible(bool(view.why))
        self.alternatives_title.setVisible(bool(view.alternatives))
        self.alternatives.set_items([say(t) for t in view.alternatives], numbered=False)
        self.sources.setVisible(checking)
        self.sources.setText(
            tr(
                "Dropdesk asks AliExpress and Shopify for the order's current status when they "
                "are connected, and uses the ledger's last known status otherwise."
            )
        )
        if view.notes:
            self.notes.show_message("warning", [say(note) for note in view.notes])
        else:
            self.notes.clear()

    def _check(self) -> None:
        self.ask(Step(Action.CHECK, busy=tr("Checking the order with AliExpress and Shopify…")))
