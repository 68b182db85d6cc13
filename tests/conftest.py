"""Shared fixtures. Qt runs offscreen; every test gets its own DROPDESK_HOME."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")

import pytest
from graphql import GraphQLSchema

from core.ledger import Ledger, open_ledger
from tests.fakes.shopify_schema import reference_schema

CONTRACTS = Path(__file__).with_name("contracts")
pytest_plugins = ["tests.keyring_support", "tests.pg_support"]


@pytest.fixture(autouse=True)
def dropdesk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every file a test writes (ledger, logs, settings) inside its own temp folder."""
    home = tmp_path / "dropdesk-home"
    monkeypatch.setenv("DROPDESK_HOME", str(home))
    return home


@pytest.fixture
def detached_logging() -> Iterator[None]:
    """Leave the root logger as it was, whatever configure_logging did."""
    from core import logs

    root = logging.getLogger()
    level = root.level
    yield
    logs.close_logging()
    root.setLevel(level)


@pytest.fixture(scope="session")
def shopify_schema() -> GraphQLSchema:
    """The Shopify Admin schema every document and the fake Shopify are checked against."""
    return reference_schema()


@pytest.fixture
def ledger(tmp_path: Path, ledger_engine: str, request: pytest.FixtureRequest) -> Iterator[Ledger]:
    """A fresh, migrated ledger: a file on disk, or (tests marked `both_engines`, see
    tests/pg_support.py) also a database on the throwaway PostgreSQL server."""
    if ledger_engine == "postgresql":
        from core.ledger.server import open_server_ledger
        from core.ledger.server_address import parse

        opened: Ledger = open_server_ledger(parse(request.getfixturevalue("pg_ledger_url")), None)
    else:
        opened = open_ledger(tmp_path / "ledger.sqlite")
    yield opened
    opened.close()


def pytest_unconfigure(config: pytest.Config) -> None:
    """Empty the clipboard and destroy the QApplication while Python still runs: the offscreen
    platform keeps clipboard data in a C++ static, and a QMimeData made in Python destroyed by
    the C exit handlers calls back into a finalized interpreter (segfault, exit code 139)."""
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        QApplication.clipboard().clear()
        app.processEvents()
        app.shutdown()
