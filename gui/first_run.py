"""What a new, empty ledger shows where the table would be: three ways in.

A merchant who opens Dropdesk for the first time sees an empty table and nothing to say what to
do. This panel says it: import the Shopify orders export (the way for most, who buy through
DSers or the AliExpress website), connect the shop, or look around in a demo ledger. The main
window shows it while the ledger holds no orders (core.first_run.has_orders) and swaps the table
back in as soon as it does. It is part of the first frame, so it imports nothing heavy.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstRun", text)


#: Wide enough for the longest German description in two or three lines, narrow enough to read.
COLUMN_WIDTH = 620
CARD_MARGIN = 12


class FirstRunPanel(QScrollArea):
    """The three ways in, each a button with a few lines on what it does and where to start.

    The buttons stay disabled until the window's services are attached (`set_ready`); the
    connect button is hidden in a window without connections (the self-test, screenshots)."""

    import_requested = Signal()
    connect_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._cards: list[QFrame] = []
        self.descriptions: dict[QPushButton, QLabel] = {}

        title = QLabel(_tr("Your ledger is empty. How would you like to begin?"))
        title.setObjectName("firstRunTitle")
        title.setWordWrap(True)
        title.setFixedWidth(COLUMN_WIDTH)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        self.title = title
        intro = QLabel(
            _tr(
                "Dropdesk keeps your orders, their deadlines and your cancellations in this "
                "ledger on your computer. Bring your orders in one of these ways:"
            )
        )
        intro.setWordWrap(True)
        intro.setFixedWidth(COLUMN_WIDTH)

        self.import_button = self._button(
            "firstRunImport",
            _tr("Import the Shopify orders export"),
            _tr(
                "In Shopify admin, open Orders and click Export (all orders, CSV for Excel), "
                "then choose the file here or drop it on this window. AliExpress order numbers "
                "that DSers wrote into the order notes are linked by themselves. No developer "
                "account needed."
            ),
            self.import_requested,
        )
        self.connect_button = self._button(
            "firstRunConnect",
            _tr("Connect your shop"),
            _tr(
                "Dropdesk fetches new orders from Shopify itself. You need an app for your shop "
                "in the Shopify Dev Dashboard; the connections screen shows each step."
            ),
            self.connect_requested,
        )
        self.demo_button = self._button(
            "firstRunDemo",
            _tr("Open the demo"),
            _tr(
                "A made-up shop with 2,000 orders in every state, to try everything safely. "
                "Your own ledger stays as it is: File > Open ledger brings you back."
            ),
            self.demo_requested,
        )

        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(4)
        for card in self._cards:
            inner.addWidget(card)

        # The column's width is fixed, so each wrapped text's height is known: set it, or a
        # layout that centres the column sizes the texts for a guessed width and cuts them off.
        for label in (title, intro, *self.descriptions.values()):
            label.setMinimumHeight(label.heightForWidth(label.width()))
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setWidget(page)
        self.set_ready(False, connections=True)

    def _button(
        self, name: str, text: str, description: str, signal: SignalInstance
    ) -> QPushButton:
        """A framed card: the button, and under it what it does (wrapped, never cut off)."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAccessibleDescription(description)
        font = QFont(button.font())
        font.setBold(True)
        button.setFont(font)
        button.setMinimumHeight(button.sizeHint().height() + 8)
        button.clicked.connect(signal.emit)
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        about = QLabel(description)
        about.setWordWrap(True)
        about.setObjectName(name + "Text")
        about.setFixedWidth(COLUMN_WIDTH - 2 * (CARD_MARGIN + card.frameWidth()))
        layout = QVBoxLayout(card)
        layout.setContentsMargins(CARD_MARGIN, 10, CARD_MARGIN, CARD_MARGIN)
        layout.setSpacing(6)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(about)
        self._cards.append(card)
        self.descriptions[button] = about
        return button

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.import_button, self.connect_button, self.demo_button)

    def set_ready(self, ready: bool, *, connections: bool) -> None:
        """Enable the ways in once the window can follow them; without connections the
        "Connect your shop" way is left out."""
        for button in self.buttons:
            button.setEnabled(ready)
        self._cards[1].setVisible(connections)
