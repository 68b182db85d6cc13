"""The connections screen: the keyring's state on top, the Shopify and AliExpress panels below.

The keyring is checked in the background when the screen opens (it may ask to be unlocked).
Until it answers, and for good when it cannot be used, nothing can be saved; the screen says
what is wrong and what to do, and the rest of Dropdesk keeps working offline.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from core.connections import Connections, KeyringStatus
from gui.connections.aliexpress_panel import AliExpressPanel
from gui.connections.common import tr
from gui.connections.shop_panel import ShopPanel
from gui.jobs import JobSlot
from gui.notice import Banner, Kind
from gui.window_fit import fit_to_screen, grow_to


class ConnectionsDialog(QDialog):
    """Modal or not, as the caller opens it; `changed` tells that a connection changed."""

    changed = Signal()
    keyring_checked = Signal()

    def __init__(
        self,
        connections: Connections,
        parent: QWidget | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Connections"))
        self.connections = connections
        self.keyring: KeyringStatus | None = None
        self.keyring_problem: str | None = None

        self.banner = Banner()
        self.banner.setObjectName("keyringBanner")
        self.banner.show_notice(tr("Checking the system keyring…"))
        self.shop_panel = ShopPanel(connections, pool=pool)
        self.aliexpress_panel = AliExpressPanel(connections, pool=pool)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        panels = QHBoxLayout()
        panels.addWidget(self.shop_panel, 1)
        panels.addWidget(self.aliexpress_panel, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(panels, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 1000, self.sizeHint().height())

        self.shop_panel.changed.connect(self.changed)
        self.aliexpress_panel.changed.connect(self.changed)
        self._checker = JobSlot(self, pool)
        self.check_keyring()

    def check_keyring(self) -> None:
        """Ask the keyring (in the background) whether it works and what it holds."""
        connections = self.connections
        self._checker.run(
            lambda _progress, _cancelled: connections.keyring_status(),
            self._keyring_ok,
            self._keyring_failed,
        )

    def _keyring_ok(self, status: KeyringStatus) -> None:
        self.keyring, self.keyring_problem = status, None
        backend = status.backend.rsplit(".", 2)[-2] if "." in status.backend else status.backend
        self.banner.show_notice(
            tr(
                "Tokens and secrets are kept in the system keyring ({0}), never in the ledger "
                "or a log."
            ).format(backend),
            Kind.SUCCESS,
        )
        self._tell_panels()

    def _keyring_failed(self, message: str) -> None:
        self.keyring, self.keyring_problem = None, message
        self.banner.show_notice(
            tr("The system keyring cannot be used, so connections cannot be saved.")
            + "\n\n"
            + message
            + "\n\n"
            + tr(
                "Everything that needs no connection (the ledger, imports, the review) "
                "works as usual."
            ),
            Kind.ERROR,
        )
        self._tell_panels()

    def _tell_panels(self) -> None:
        self.shop_panel.set_keyring(self.keyring, self.keyring_problem)
        self.aliexpress_panel.set_keyring(self.keyring, self.keyring_problem)
        self._fit_height()
        self.keyring_checked.emit()

    def _fit_height(self) -> None:
        """Grow to show a long banner whole (wrapped labels do not grow a window by themselves)."""
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.width())
        grow_to(self, needed)
