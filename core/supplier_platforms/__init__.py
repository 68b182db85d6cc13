"""Supplier platforms behind one port (`port.SupplierPlatform`), keyed by `Supplier.platform`.

AliExpress is the first (`aliexpress.py`, wrapping `core.aliexpress`). A second platform is one
package of its own (its client and a `PLATFORM` object) plus one line in `_BUILT_IN`, or a
`register()` call. Built-in platforms are imported when first asked for, so reading this
module costs nothing at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from core.texts import Text

if TYPE_CHECKING:
    from sqlmodel import Session

    from core.ledger.models import SupplierOrder
    from core.supplier_platforms.port import SupplierPlatform

#: `Supplier.platform` of a supplier (and the platform of an order without one).
DEFAULT_PLATFORM = "aliexpress"
#: Platform id -> the module whose `PLATFORM` it is.
_BUILT_IN: dict[str, str] = {"aliexpress": "core.supplier_platforms.aliexpress"}
#: Other names stored for the same platform: DSers orders are AliExpress orders.
_ALIASES: dict[str, str] = {"dsers": "aliexpress", "": DEFAULT_PLATFORM}
_registered: dict[str, SupplierPlatform] = {}


class UnknownPlatformError(LookupError):
    """A supplier names a platform this version of Dropdesk does not have."""

    def __init__(self, platform_id: str) -> None:
        self.text = Text(
            "core.supplier_platforms",
            "Dropdesk does not know the supplier platform {platform_id!r}. Update "
            "Dropdesk, or set the supplier's platform to AliExpress.",
            platform_id=platform_id,
        )
        super().__init__(str(self.text))
        self.platform_id = platform_id


def register(platform: SupplierPlatform) -> None:
    """Make `platform` available under its id (a second registration replaces the first)."""
    _registered[platform.id] = platform


def unregister(platform_id: str) -> None:
    """Forget a registered platform (a built-in one comes back when next asked for)."""
    _registered.pop(platform_id, None)


def platform_id(stored: str | None) -> str:
    """The platform id for a stored `Supplier.platform` value (aliases and None resolved)."""
    key = (stored or "").strip().lower()
    return _ALIASES.get(key, key)


def stored_names(platform_id: str) -> list[str]:
    """Every `Supplier.platform` value that means `platform_id` (itself and its aliases)."""
    return [platform_id, *(alias for alias, target in _ALIASES.items() if target == platform_id)]


def get(stored: str | None = None) -> SupplierPlatform:
    """The platform for a stored `Supplier.platform` value; UnknownPlatformError if none."""
    key = platform_id(stored)
    if key not in _registered and key in _BUILT_IN:
        register(import_module(_BUILT_IN[key]).PLATFORM)
    try:
        return _registered[key]
    except KeyError:
        raise UnknownPlatformError(key) from None


def platform_of(session: Session, order: SupplierOrder | None) -> SupplierPlatform:
    """The platform an order was placed on: its supplier's (without one: the default)."""
    from core.ledger.models import Supplier

    supplier = session.get(Supplier, order.supplier_id) if order and order.supplier_id else None
    return get(supplier.platform if supplier is not None else None)
