"""The language the merchant last chose for a shop's evidence packs, kept in the ledger.

The pack goes to Shopify and the bank, so it is English until the merchant chooses another
language for that shop's packs (`core.outgoing`: a code Dropdesk has a catalogue for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core import outgoing, settings

if TYPE_CHECKING:
    from core.ledger import Ledger

#: {shop id: language code} (core.settings); "" for chargebacks of no known shop.
SETTING = "evidence_pack_languages"


def _key(shop_id: int | None) -> str:
    return "" if shop_id is None else str(shop_id)


def pack_language(ledger: Ledger, shop_id: int | None) -> str:
    """The shop's last choice, else English."""
    chosen = settings.read(ledger.reader, SETTING)
    found = chosen.get(_key(shop_id)) if isinstance(chosen, dict) else None
    return outgoing.code_of(found) if isinstance(found, str) else outgoing.FALLBACK


def remember_pack_language(ledger: Ledger, shop_id: int | None, code: str) -> None:
    """Keep `code` as the shop's choice (LedgerError when the ledger cannot be written)."""
    code = outgoing.code_of(code)
    with ledger.session() as session:
        chosen = settings.get(session, SETTING)
        stored = dict(chosen) if isinstance(chosen, dict) else {}
        if stored.get(_key(shop_id)) == code:
            return
        stored[_key(shop_id)] = code
        settings.put(session, SETTING, stored)
