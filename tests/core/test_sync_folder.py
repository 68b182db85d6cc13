"""A ledger file inside a cloud sync folder is opened, with a clear warning that names the
PostgreSQL alternative; elsewhere nothing is said."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.ledger import open_ledger
from core.ledger.sync_folder import sync_service, warning
from tests.catalogue import in_english, in_german


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("Dropbox/Shop", "Dropbox"),
        ("Dropbox (Acme GmbH)", "Dropbox"),
        ("OneDrive/Documents", "OneDrive"),
        ("OneDrive - Acme GmbH", "OneDrive"),
        ("Library/CloudStorage/OneDrive-Personal", "OneDrive"),
        ("Library/Mobile Documents/com~apple~CloudDocs/Dropdesk", "iCloud Drive"),
        ("iCloudDrive", "iCloud Drive"),
        ("Library/CloudStorage/GoogleDrive-me@example.com/My Drive", "Google Drive"),
        ("Google Drive", "Google Drive"),
    ],
)
def test_sync_folders_are_recognised(tmp_path: Path, folder: str, service: str) -> None:
    assert sync_service(tmp_path / folder / "ledger.sqlite", home=tmp_path) == service


@pytest.mark.parametrize("folder", ["Documents", "Shop/OneDriver", "Drive", "Dropboxes"])
def test_ordinary_folders_are_not(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "ledger.sqlite"
    assert sync_service(path, home=tmp_path) is None
    assert sync_service(tmp_path / "Dropbox.sqlite", home=tmp_path) is None  # the file's own name


def test_a_renamed_dropbox_folder_is_found_from_the_clients_info(tmp_path: Path) -> None:
    synced = tmp_path / "Firma" / "Ablage"
    (tmp_path / ".dropbox").mkdir()
    (tmp_path / ".dropbox" / "info.json").write_text(
        json.dumps({"business": {"path": str(synced), "host": 1}}), encoding="utf-8"
    )
    assert sync_service(synced / "ledger.sqlite", home=tmp_path) == "Dropbox"
    assert sync_service(tmp_path / "Firma" / "ledger.sqlite", home=tmp_path) is None


def test_opening_a_ledger_in_a_sync_folder_warns_in_both_languages(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "OneDrive - Acme" / "ledger.sqlite")
    try:
        said = ledger.warning
        assert said is not None
        assert "OneDrive" in in_english(said) and "PostgreSQL" in in_english(said)
        assert "dropdesk ledger copy" in in_english(said)
        assert "OneDrive" in in_german(said) and "PostgreSQL-Server" in in_german(said)
    finally:
        ledger.close()


def test_a_ledger_elsewhere_opens_without_a_warning(tmp_path: Path) -> None:
    ledger = open_ledger(tmp_path / "Documents" / "ledger.sqlite")
    assert ledger.warning is None
    ledger.close()
    assert warning(tmp_path / "ledger.sqlite", home=tmp_path) is None
