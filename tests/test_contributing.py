"""CONTRIBUTING.md's file lists are true: every path it names exists (placeholders such as
`core/supplier_platforms/<id>/` aside), and the supplier platform recipe names real things."""

from __future__ import annotations

import re
from pathlib import Path

from core import supplier_platforms
from core.supplier_platforms import port, refresh

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_every_path_contributing_names_exists() -> None:
    named = {
        token
        for token in re.findall(r"`([^`\s]+)`", TEXT)
        if "/" in token and "<" not in token and "://" not in token
    }
    assert len(named) > 20  # the reading found the lists
    assert sorted(path for path in named if not (ROOT / path).exists()) == []


def test_the_supplier_platform_recipe_names_what_exists() -> None:
    for name in ("OrderSource", "SupplierError", "SupplierPlatform"):
        assert f"port.{name}" in TEXT.replace("\n  ", " ") and hasattr(port, name)
    assert "refresh_orders(ledger, platform, client)" in TEXT and refresh.refresh_orders
    assert "_BUILT_IN" in TEXT and "aliexpress" in supplier_platforms._BUILT_IN
