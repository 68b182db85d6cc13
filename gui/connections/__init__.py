"""The connections screen (Shopify shops, the AliExpress account, the keyring's state)."""

from gui.connections.dialog import ConnectionsDialog

__all__ = ["ConnectionsDialog"]
