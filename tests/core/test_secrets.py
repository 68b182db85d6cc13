"""core.secrets against the real Secret Service (run under tests/with-keyring.sh)."""

from __future__ import annotations

import os
import secrets as std_secrets
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import keyring.backend
import keyring.backends.SecretService
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.util import platform_

from core import redaction
from core.secrets import (
    INDEX_ENTRY,
    InvalidSecretError,
    KeyringLockedError,
    KeyringUnavailableError,
    SecretKey,
    SecretKind,
    SecretStore,
    SecretStoreError,
    UnsafeKeyringError,
)

if TYPE_CHECKING:
    from tests.keyring_support import ThrowawayKeyring

# Until tests/conftest.py registers the plugin for every test module.
pytest_plugins = ["tests.keyring_support"]

SHOP = "acme-outlet.myshopify.com"
APP_KEY = "503912"


def token(prefix: str = "") -> str:
    return prefix + std_secrets.token_hex(16)


def every_key() -> list[SecretKey]:
    return [
        SecretKey.shopify_access_token(SHOP),
        SecretKey.shopify_client_secret(SHOP),
        SecretKey.aliexpress_app_secret(APP_KEY),
        SecretKey.aliexpress_access_token(APP_KEY),
        SecretKey.aliexpress_refresh_token(APP_KEY),
    ]


# --- names (no keyring needed) -----------------------------------------------------------


def test_entry_names_are_stable_and_owners_normalised() -> None:
    assert [key.entry for key in every_key()] == [
        "shopify-access-token:acme-outlet.myshopify.com",
        "shopify-client-secret:acme-outlet.myshopify.com",
        "aliexpress-app-secret:503912",
        "aliexpress-access-token:503912",
        "aliexpress-refresh-token:503912",
    ]
    assert SecretKey.shopify_access_token(" Acme-Outlet.MyShopify.com ").owner == SHOP
    key = SecretKey.from_entry("aliexpress-refresh-token:503912")
    assert key == SecretKey(SecretKind.ALIEXPRESS_REFRESH_TOKEN, APP_KEY)


@pytest.mark.parametrize("domain", ["acme-outlet", "evil.example.com", "a.myshopify.com.evil.io"])
def test_shop_owner_must_be_a_normalised_domain(domain: str) -> None:
    with pytest.raises(InvalidSecretError, match=r"name\.myshopify\.com"):
        SecretKey.shopify_access_token(domain)


def test_app_key_with_separators_is_refused() -> None:
    with pytest.raises(InvalidSecretError):
        SecretKey.aliexpress_app_secret("5039:12")


# --- the real Secret Service ---------------------------------------------------------------


@pytest.mark.keyring
def test_every_kind_round_trips_through_secret_service(
    secret_store: SecretStore, secret_service: KeyringBackend
) -> None:
    assert type(secret_store.backend) is keyring.backends.SecretService.Keyring
    values = {key: token("shpat_" if "shopify" in key.entry else "") for key in every_key()}
    for key, value in values.items():
        secret_store.set(key, value)

    # Read back through keyring's own SecretService backend, not through our store.
    independent = keyring.backends.SecretService.Keyring()
    for key, value in values.items():
        assert independent.get_password(secret_store.service, key.entry) == value
        assert secret_store.get(key) == value
        assert redaction.registry.is_registered(value)
    assert set(secret_store.keys()) == set(values)
    assert secret_store.check() == "keyring.backends.SecretService.Keyring"


@pytest.mark.keyring
def test_set_replaces_and_strips_pasted_whitespace(secret_store: SecretStore) -> None:
    key = SecretKey.shopify_access_token(SHOP)
    secret_store.set(key, token("shpat_"))
    newer = token("shpat_")
    secret_store.set(key, f"  {newer}\n")
    assert secret_store.get(key) == newer
    assert secret_store.keys() == [key]


@pytest.mark.keyring
def test_too_short_secret_is_refused_and_not_stored(secret_store: SecretStore) -> None:
    key = SecretKey.aliexpress_app_secret(APP_KEY)
    with pytest.raises(InvalidSecretError, match="does not look like one"):
        secret_store.set(key, "abc")
    with pytest.raises(InvalidSecretError):
        secret_store.set(key, "two words here")
    assert secret_store.get(key) is None
    assert secret_store.keys() == []


@pytest.mark.keyring
def test_delete_removes_the_entry_and_its_index_line(secret_store: SecretStore) -> None:
    keep, drop = (
        SecretKey.aliexpress_app_secret(APP_KEY),
        SecretKey.aliexpress_access_token(APP_KEY),
    )
    secret_store.set(keep, token())
    secret_store.set(drop, token())

    assert secret_store.delete(drop) is True
    assert secret_store.delete(drop) is False
    raw = keyring.backends.SecretService.Keyring()
    assert raw.get_password(secret_store.service, drop.entry) is None
    assert raw.get_password(secret_store.service, keep.entry) is not None
    assert secret_store.keys() == [keep]


@pytest.mark.keyring
def test_forget_everything_uses_the_index_kept_in_the_keyring(
    secret_service: KeyringBackend, keyring_service: str
) -> None:
    writer = SecretStore(service=keyring_service, backend=secret_service)
    for key in every_key():
        writer.set(key, token())
    assert secret_service.get_password(keyring_service, INDEX_ENTRY) is not None

    # A fresh store (say, after a restart) knows nothing in memory: the index is in the keyring.
    forgetful = SecretStore(service=keyring_service, backend=secret_service)
    assert forgetful.forget_everything() == len(every_key())

    raw = keyring.backends.SecretService.Keyring()
    for key in every_key():
        assert raw.get_password(keyring_service, key.entry) is None
    assert raw.get_password(keyring_service, INDEX_ENTRY) is None
    assert forgetful.keys() == []
    assert forgetful.forget_everything() == 0


@pytest.mark.keyring
def test_platform_backend_is_loaded_by_name_when_discovery_finds_nothing(
    secret_service: KeyringBackend, keyring_service: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a PyInstaller build sees: no entry points, so keyring falls back to `fail`."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    store = SecretStore(service=keyring_service)
    value = token()
    store.set(SecretKey.aliexpress_app_secret(APP_KEY), value)
    assert type(store.backend) is keyring.backends.SecretService.Keyring
    assert secret_service.get_password(keyring_service, "aliexpress-app-secret:503912") == value


@pytest.mark.keyring
def test_a_plaintext_backend_from_discovery_is_bypassed_for_the_os_keyring(
    secret_service: KeyringBackend,
    keyring_service: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    plain_file = tmp_path / "plain.txt"
    monkeypatch.setattr(keyring.core, "_keyring_backend", PlainTextKeyring(plain_file))
    store = SecretStore(service=keyring_service)
    store.set(SecretKey.aliexpress_app_secret(APP_KEY), token())
    assert type(store.backend) is keyring.backends.SecretService.Keyring
    assert not plain_file.exists()


@pytest.mark.keyring
def test_locked_keyring_asks_to_unlock(
    secret_store: SecretStore, throwaway_keyring: ThrowawayKeyring
) -> None:
    key = SecretKey.shopify_access_token(SHOP)
    secret_store.set(key, token("shpat_"))
    throwaway_keyring.lock()
    with pytest.raises(KeyringLockedError) as caught:
        secret_store.get(key)
    assert "Unlock the 'Login' keyring" in str(caught.value)
    with pytest.raises(KeyringLockedError):
        secret_store.set(key, token("shpat_"))
    throwaway_keyring.unlock()
    assert secret_store.get(key) is not None


# --- no keyring at all ----------------------------------------------------------------------


class PlainTextKeyring(KeyringBackend):
    """What keyrings.alt does: a readable file. Dropdesk must never write through it."""

    priority = 1

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        self.path.write_text(f"{service} {username} {password}\n")

    def delete_password(self, service: str, username: str) -> None:
        self.path.unlink(missing_ok=True)


def _watched_folders(tmp_path: Path) -> list[Path]:
    """Where a fallback would write: keyring's own folders, this test's temp dir and, under
    with-keyring.sh (a throwaway HOME), the whole HOME and XDG tree."""
    folders = [Path(platform_.data_root()), Path(platform_.config_root()), tmp_path]
    if os.environ.get("DROPDESK_TEST_KEYRING_PASSWORD"):
        folders.append(Path.home())
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            if os.environ.get(name):
                folders.append(Path(os.environ[name]))
    return folders


def _snapshot(folders: list[Path]) -> dict[Path, tuple[int, int]]:
    files: dict[Path, tuple[int, int]] = {}
    for folder in folders:
        if folder.exists():
            for path in folder.rglob("*"):
                if path.is_file():
                    stat = path.stat()
                    files[path] = (stat.st_size, stat.st_mtime_ns)
    return files


@pytest.mark.usefixtures("no_keyring")
def test_no_backend_explains_what_to_install_and_writes_nothing(tmp_path: Path) -> None:
    folders = _watched_folders(tmp_path)
    before = _snapshot(folders)
    value = token("shpat_")
    store = SecretStore(service="Dropdesk-test-nothing")

    with pytest.raises(KeyringUnavailableError) as caught:
        store.set(SecretKey.shopify_access_token(SHOP), value)
    with pytest.raises(KeyringUnavailableError):
        store.get(SecretKey.shopify_access_token(SHOP))
    with pytest.raises(KeyringUnavailableError):
        store.check()

    error = caught.value
    assert error.problem == "No keyring was found on this computer."
    if sys.platform.startswith("linux"):
        assert "apt install gnome-keyring" in error.hint
    assert value not in str(error)
    assert _snapshot(folders) == before
    for path in _snapshot(folders):
        assert value.encode() not in path.read_bytes(), path


@pytest.mark.usefixtures("no_keyring")
def test_an_empty_chainer_is_no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.backend, "_limit", lambda backend: False)
    empty = chainer.ChainerBackend()
    assert list(empty.backends) == []
    with pytest.raises(KeyringUnavailableError, match="No keyring was found"):
        SecretStore(backend=empty).set(SecretKey.aliexpress_app_secret(APP_KEY), token())
    monkeypatch.setattr(keyring.core, "_keyring_backend", empty)
    with pytest.raises(KeyringUnavailableError, match="No keyring was found"):
        SecretStore().get(SecretKey.aliexpress_app_secret(APP_KEY))


def test_the_null_backend_is_refused_not_used_silently(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UnsafeKeyringError, match="switched off"):
        SecretStore(backend=null.Keyring()).set(SecretKey.aliexpress_app_secret(APP_KEY), token())
    # Configured by the user (keyringrc.cfg / PYTHON_KEYRING_BACKEND): still refused, no bypass.
    monkeypatch.setattr(keyring.core, "_keyring_backend", null.Keyring())
    with pytest.raises(UnsafeKeyringError, match="switched off"):
        SecretStore().get(SecretKey.aliexpress_app_secret(APP_KEY))


@pytest.mark.usefixtures("no_keyring")
def test_a_plaintext_backend_is_refused_and_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_file = tmp_path / "plain.txt"
    plain = PlainTextKeyring(plain_file)
    with pytest.raises(UnsafeKeyringError, match="plain-text file") as caught:
        SecretStore(backend=plain).set(SecretKey.aliexpress_app_secret(APP_KEY), token())
    assert "PlainTextKeyring" in str(caught.value)

    monkeypatch.setattr(keyring.core, "_keyring_backend", plain)
    with pytest.raises(SecretStoreError, match="refuses"):
        SecretStore().set(SecretKey.aliexpress_app_secret(APP_KEY), token())
    assert not plain_file.exists()
