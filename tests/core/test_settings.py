from __future__ import annotations

import pytest

from core import settings
from core.ledger import Ledger


def test_defaults_then_stored_values(ledger: Ledger) -> None:
    with ledger.session() as session:
        assert settings.get(session, "ship_window_days") == 7
        settings.put(session, "ship_window_days", 10)
    with ledger.session() as session:
        assert settings.get(session, "ship_window_days") == 10


def test_unknown_keys_are_refused(ledger: Ledger) -> None:
    with ledger.session() as session:
        with pytest.raises(KeyError):
            settings.put(session, "shopify_token", "x")
        with pytest.raises(KeyError):
            settings.get(session, "nope")
