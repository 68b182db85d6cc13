"""Shared fixtures. Qt runs offscreen; every test gets its own DROPDESK_HOME."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest

from core.ledger import Ledger, open_ledger

CONTRACTS = Path(__file__).with_name("contracts")
pytest_plugins = ["tests.keyring_support"]


@pytest.fixture(autouse=True)
def dropdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every file a test writes (ledger, logs, settings) inside its own temp folder."""
    home = tmp_path / "dropdesk-home"
    monkeypatch.setenv("DROPDESK_HOME", str(home))
    return home


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """A fresh, migrated ledger file on disk."""
    opened = open_ledger(tmp_path / "ledger.sqlite")
    yield opened
    opened.close()
