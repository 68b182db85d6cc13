"""Fixtures for tests that need the real Secret Service, or its absence.

Run such tests under `tests/with-keyring.sh` (a private D-Bus session with a throwaway GNOME
Keyring). Without a reachable, unlocked keyring they skip with the reason, except under
`CI=true`, where they fail: CI must have one. Each test writes under its own service name and
removes what it wrote, so running them against a developer's own keyring leaves nothing behind.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, fail

from core.secrets import SecretStore

PASSWORD_VARIABLE = "DROPDESK_TEST_KEYRING_PASSWORD"
"""Set by with-keyring.sh: the keyring is throwaway and this unlocks it."""


def _unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI must provide a keyring: {reason}")
    pytest.skip(reason)


def secret_service_problem() -> str | None:
    """Why the Secret Service cannot be used without a prompt, or None if it can."""
    import secretstorage

    try:
        SecretService.Keyring.priority  # noqa: B018  (raises when the service is unreachable)
        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.get_default_collection(connection)
            if collection.is_locked():
                return "the default Secret Service keyring is locked (use tests/with-keyring.sh)"
    except Exception as exc:
        return f"no Secret Service keyring reachable ({exc}); run under tests/with-keyring.sh"
    return None


def purge_service(service: str) -> int:
    """Delete every Secret Service item of `service`, tracked in the index or not."""
    import secretstorage

    with closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        items = list(collection.search_items({"service": service}))
        for item in items:
            item.delete()
    return len(items)


@pytest.fixture
def secret_service() -> KeyringBackend:
    """keyring's SecretService backend, reachable and unlocked (else skip, or fail on CI)."""
    problem = secret_service_problem()
    if problem:
        _unavailable(problem)
    return SecretService.Keyring()


@pytest.fixture
def keyring_service() -> Iterator[str]:
    """A keyring service name of this test's own; whatever is stored under it is removed."""
    service = f"Dropdesk-test-{uuid.uuid4().hex[:12]}"
    yield service
    if secret_service_problem() is None:
        purge_service(service)


@pytest.fixture
def secret_store(secret_service: KeyringBackend, keyring_service: str) -> SecretStore:
    """A SecretStore on the real Secret Service, under a per-test service name."""
    return SecretStore(service=keyring_service, backend=secret_service)


@dataclass
class ThrowawayKeyring:
    """The with-keyring.sh keyring, which tests may lock and unlock."""

    password: str

    def lock(self) -> None:
        import secretstorage

        with closing(secretstorage.dbus_init()) as connection:
            secretstorage.get_default_collection(connection).lock()

    def unlock(self) -> None:
        """Unlock without a prompt, through GNOME Keyring's own (unofficial) interface."""
        import secretstorage
        import secretstorage.util
        from jeepney import DBusAddress, new_method_call

        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.get_default_collection(connection)
            session = secretstorage.util.open_session(connection)
            secret = secretstorage.util.format_secret(session, self.password.encode(), "text/plain")
            address = DBusAddress(
                "/org/freedesktop/secrets",
                bus_name="org.freedesktop.secrets",
                interface="org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
            )
            message = new_method_call(
                address,
                "UnlockWithMasterPassword",
                "o(oayays)",
                (collection.collection_path, secret),
            )
            connection.send_and_get_reply(message)
            if collection.is_locked():
                raise RuntimeError("the throwaway keyring did not unlock")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that locks the keyring locks it for every test of the run: marked `keyring_lock`,
    so that `make test` runs it on its own, never beside tests of other workers."""
    for item in items:
        if "throwaway_keyring" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.keyring_lock)


@pytest.fixture
def throwaway_keyring(secret_service: KeyringBackend) -> Iterator[ThrowawayKeyring]:
    """Only under with-keyring.sh: a developer's own keyring is never locked by a test."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if not password:
        _unavailable(f"{PASSWORD_VARIABLE} is not set: not a throwaway keyring")
    handle = ThrowawayKeyring(password)
    yield handle
    handle.unlock()  # whatever the test did, leave it usable for the next one


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A computer without a keyring: keyring's discovery found nothing (its `fail` backend)
    and there is no D-Bus session, so the platform backend cannot be reached either."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-such-bus'}")
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    assert isinstance(keyring.get_keyring(), fail.Keyring)
