"""Shopify and AliExpress secrets in the operating system's keyring, and nowhere else.

One keyring service ("Dropdesk"), one entry per secret, named `<kind>:<owner>` (owner: the
normalised shop domain or the AliExpress app key). Keyrings cannot list their entries
portably, so an index entry in the same service remembers which ones exist; "forget
everything" walks it. Only the platform keyrings shipped with `keyring` are accepted: the
fail/null backends and any third-party backend (keyrings.alt's plain-text files above all)
are refused with an error that says what to install or unlock, never used silently.

Every secret stored or read is registered with `core.redaction`, so it cannot reach a log.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

import keyring
import keyring.core
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail

from core import redaction

log = logging.getLogger(__name__)

SERVICE_NAME = "Dropdesk"
INDEX_ENTRY = "index"
MIN_SECRET_LENGTH = redaction.MIN_SECRET_LENGTH

_T = TypeVar("_T")

# The backends `keyring` ships for real OS keyrings; everything else is refused.
_PLATFORM_BACKENDS: dict[str, tuple[str, ...]] = {
    "linux": (
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    ),
    "darwin": ("keyring.backends.macOS.Keyring",),
    "win32": ("keyring.backends.Windows.WinVaultKeyring",),
}
_ACCEPTED_PREFIXES = tuple(
    name.rsplit(".", 1)[0] for names in _PLATFORM_BACKENDS.values() for name in names
)
_DOMAIN = re.compile(r"[a-z0-9][a-z0-9-]*\.myshopify\.com")
_APP_KEY = re.compile(r"[A-Za-z0-9_-]{1,64}")
# A server ledger's `ServerAddress.key`: user@host:port/database (host may be a socket folder).
_SERVER_LEDGER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}@[^\s@]{1,255}:\d{1,5}/[^\s/]{1,63}")


# --- errors -------------------------------------------------------------------------------


def _platform() -> str:
    return "linux" if sys.platform.startswith(("linux", "freebsd", "openbsd")) else sys.platform


_INSTALL_HINT = {
    "linux": (
        "Dropdesk keeps tokens in the desktop keyring (Secret Service). Install and start one, "
        "e.g. GNOME Keyring (`sudo apt install gnome-keyring`, part of GNOME), KDE Wallet "
        "(with its Secret Service option on) or KeePassXC (Secret Service integration on), then "
        "start Dropdesk again from your desktop session (not over plain SSH or as another user)."
    ),
    "darwin": (
        "Dropdesk keeps tokens in the macOS Keychain. Start Dropdesk from your own desktop "
        "session (not over SSH or as another user) and check the login keychain in Keychain "
        "Access."
    ),
    "win32": (
        "Dropdesk keeps tokens in the Windows Credential Manager. Start Dropdesk as your own, "
        "signed-in user (not as a service or with 'Run as different user')."
    ),
}
_UNLOCK_HINT = {
    "linux": (
        "Unlock the 'Login' keyring (open 'Passwords and Keys' / Seahorse, or your wallet or "
        "KeePassXC database) and try again."
    ),
    "darwin": "Unlock the login keychain in Keychain Access and try again.",
    "win32": "Sign in to Windows as your user again and retry.",
}


class SecretStoreError(Exception):
    """The keyring cannot be used; `str()` is meant for the merchant, `hint` says what to do."""

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(f"{problem} {hint}".strip())
        self.problem = problem
        self.hint = hint


class KeyringUnavailableError(SecretStoreError):
    """No usable OS keyring: nothing installed, no D-Bus session, or no default keyring."""


class UnsafeKeyringError(KeyringUnavailableError):
    """Only a backend Dropdesk refuses was found (plain-text files, null, third party)."""


class KeyringLockedError(SecretStoreError):
    """The keyring is locked and the merchant dismissed (or could not see) the unlock prompt."""


class KeyringAccessError(SecretStoreError):
    """The keyring answered with an error while reading or writing an entry."""


class InvalidSecretError(SecretStoreError, ValueError):
    """The secret or its owner (domain, app key) is not acceptable; nothing was stored."""


# --- names --------------------------------------------------------------------------------


class SecretKind(StrEnum):
    SHOPIFY_ACCESS_TOKEN = "shopify-access-token"
    SHOPIFY_CLIENT_SECRET = "shopify-client-secret"
    ALIEXPRESS_APP_SECRET = "aliexpress-app-secret"
    ALIEXPRESS_ACCESS_TOKEN = "aliexpress-access-token"
    ALIEXPRESS_REFRESH_TOKEN = "aliexpress-refresh-token"
    POSTGRESQL_PASSWORD = "postgresql-password"  # of a server ledger (core.ledger.server)


_SHOPIFY_KINDS = {SecretKind.SHOPIFY_ACCESS_TOKEN, SecretKind.SHOPIFY_CLIENT_SECRET}


@dataclass(frozen=True)
class SecretKey:
    """Which secret: its kind and its owner (a `name.myshopify.com` domain or an app key)."""

    kind: SecretKind
    owner: str

    def __post_init__(self) -> None:
        if self.kind in _SHOPIFY_KINDS:
            if not _DOMAIN.fullmatch(self.owner):
                raise InvalidSecretError(
                    f"{self.owner!r} is not a normalised shop domain.",
                    "Pass the shop as name.myshopify.com, in lower case.",
                )
        elif self.kind is SecretKind.POSTGRESQL_PASSWORD:
            if not _SERVER_LEDGER.fullmatch(self.owner):
                raise InvalidSecretError(
                    f"{self.owner!r} is not a server ledger (user@host:port/database).",
                    "Pass the ledger's address as postgresql://user@host/database.",
                )
        elif not _APP_KEY.fullmatch(self.owner):
            raise InvalidSecretError(
                f"{self.owner!r} is not an AliExpress app key.",
                "Copy the app key (digits) from the AliExpress Open Platform console.",
            )

    @property
    def entry(self) -> str:
        """The keyring entry name ("username" in keyring's terms)."""
        return f"{self.kind.value}:{self.owner}"

    @classmethod
    def from_entry(cls, entry: str) -> SecretKey:
        kind, _, owner = entry.partition(":")
        return cls(SecretKind(kind), owner)

    @classmethod
    def shopify_access_token(cls, domain: str) -> SecretKey:
        return cls(SecretKind.SHOPIFY_ACCESS_TOKEN, domain.strip().lower())

    @classmethod
    def shopify_client_secret(cls, domain: str) -> SecretKey:
        return cls(SecretKind.SHOPIFY_CLIENT_SECRET, domain.strip().lower())

    @classmethod
    def aliexpress_app_secret(cls, app_key: str) -> SecretKey:
        return cls(SecretKind.ALIEXPRESS_APP_SECRET, app_key.strip())

    @classmethod
    def aliexpress_access_token(cls, app_key: str) -> SecretKey:
        return cls(SecretKind.ALIEXPRESS_ACCESS_TOKEN, app_key.strip())

    @classmethod
    def aliexpress_refresh_token(cls, app_key: str) -> SecretKey:
        return cls(SecretKind.ALIEXPRESS_REFRESH_TOKEN, app_key.strip())

    @classmethod
    def postgresql_password(cls, ledger_key: str) -> SecretKey:
        """The password of a server ledger; `ledger_key` is its `ServerAddress.key`."""
        return cls(SecretKind.POSTGRESQL_PASSWORD, ledger_key)


# --- backend choice -----------------------------------------------------------------------


def backend_name(backend: KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _is_accepted(backend: KeyringBackend) -> bool:
    return type(backend).__module__ in _ACCEPTED_PREFIXES


def _viable(backend: KeyringBackend) -> bool:
    try:
        return float(backend.priority) > 0
    except Exception as exc:  # keyring signals "not here" by raising from `priority`
        log.info("keyring backend %s not usable: %s", backend_name(backend), exc)
        return False


def _load_platform_backends() -> list[KeyringBackend]:
    """The platform's own backends, imported by name: PyInstaller builds lose entry points."""
    found: list[KeyringBackend] = []
    for name in _PLATFORM_BACKENDS.get(_platform(), ()):
        try:
            found.append(keyring.core.load_keyring(name))
        except Exception as exc:  # missing module or not viable here
            log.info("keyring backend %s not usable: %s", name, exc)
    return found


def _hint(table: dict[str, str]) -> str:
    return table.get(_platform(), table["linux"])


def _refusal(backend: KeyringBackend) -> SecretStoreError:
    chained = _candidates(backend)
    if chained and chained[0] is not backend:
        backend = chained[0]  # name the chained backend that was refused, not the chain
    name = backend_name(backend)
    hint = _hint(_INSTALL_HINT)
    if name == "keyring.backends.null.Keyring":
        return UnsafeKeyringError(
            "The keyring is switched off for Python programs (keyring's null backend, set in "
            "keyringrc.cfg or PYTHON_KEYRING_BACKEND), so tokens cannot be stored.",
            "Remove that setting (`keyring diagnose` shows the file). " + hint,
        )
    if name in ("keyring.backends.fail.Keyring", "keyring.backends.chainer.ChainerBackend"):
        return KeyringUnavailableError("No keyring was found on this computer.", hint)
    return UnsafeKeyringError(
        f"The keyring backend {name} is not an operating-system keyring (it may keep secrets "
        "in a plain-text file); Dropdesk refuses to store tokens there.",
        hint,
    )


def _candidates(backend: KeyringBackend) -> list[KeyringBackend]:
    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


def resolve_backend(backend: KeyringBackend | None = None) -> KeyringBackend:
    """The keyring to use: `backend` if given and acceptable, else keyring's own choice if it
    is an OS keyring, else the platform backend loaded by name; raises `SecretStoreError`."""
    if backend is not None:
        for candidate in _candidates(backend):
            if _is_accepted(candidate):
                return candidate
        raise _refusal(backend)
    try:
        discovered: KeyringBackend = keyring.get_keyring()
    except Exception as exc:  # a broken keyringrc.cfg or PYTHON_KEYRING_BACKEND
        log.warning("keyring configuration could not be loaded: %s", exc)
        discovered = fail.Keyring()  # type: ignore[no-untyped-call]
    for candidate in _candidates(discovered):
        if _is_accepted(candidate):
            return candidate
    if backend_name(discovered) == "keyring.backends.null.Keyring":
        raise _refusal(discovered)  # the user switched keyrings off on purpose
    for candidate in _load_platform_backends():
        if _viable(candidate):
            log.info(
                "keyring discovery gave %s; using %s",
                backend_name(discovered),
                backend_name(candidate),
            )
            return candidate
    raise _refusal(discovered)


# --- the store ----------------------------------------------------------------------------


class SecretStore:
    """Set, get, delete and forget Dropdesk's secrets in one keyring service.

    The backend is chosen on first use, so the app can start (and work offline) without a
    keyring; `check()` tells the connections screen what is wrong. Calls may block on an
    unlock prompt: run them off the GUI thread.
    """

    def __init__(
        self,
        service: str = SERVICE_NAME,
        backend: KeyringBackend | None = None,
        redactor: redaction.Redactor | None = None,
    ) -> None:
        self.service = service
        self._requested = backend
        self._backend: KeyringBackend | None = None
        self._redactor = redactor or redaction.registry
        self._lock = threading.RLock()

    @property
    def backend(self) -> KeyringBackend:
        """The keyring in use (resolved on first access); raises `SecretStoreError`."""
        with self._lock:
            if self._backend is None:
                self._backend = resolve_backend(self._requested)
            return self._backend

    def check(self) -> str:
        """Prove the keyring can be read (may prompt to unlock); returns the backend's name."""
        self._call(lambda b: b.get_password(self.service, INDEX_ENTRY))
        return backend_name(self.backend)

    def set(self, key: SecretKey, secret: str) -> None:
        """Store `secret` (surrounding whitespace from pasting is dropped)."""
        secret = secret.strip()
        if len(secret) < MIN_SECRET_LENGTH or any(ch.isspace() for ch in secret):
            raise InvalidSecretError(
                f"The {key.kind.value.replace('-', ' ')} for {key.owner} does not look like one.",
                "Paste the whole value, without spaces.",
            )
        self._redactor.register(secret)
        with self._lock:
            # Index first: a crash in between leaves a harmless name, never an untracked secret.
            entries = self._read_index()
            if key.entry not in entries:
                self._write_index([*entries, key.entry])
            self._call(lambda b: b.set_password(self.service, key.entry, secret))
        log.info("stored %s", key.entry)

    def get(self, key: SecretKey) -> str | None:
        secret = self._call(lambda b: b.get_password(self.service, key.entry))
        if secret and len(secret) >= MIN_SECRET_LENGTH:
            self._redactor.register(secret)
        return secret

    def delete(self, key: SecretKey) -> bool:
        """Remove the secret; False if there was none."""
        with self._lock:
            existed = self._delete_entry(key.entry)
            entries = self._read_index()
            if key.entry in entries:
                self._write_index([entry for entry in entries if entry != key.entry])
        log.info("deleted %s", key.entry)
        return existed

    def keys(self) -> list[SecretKey]:
        """The secrets this store has set and not deleted, as recorded in the index."""
        return [SecretKey.from_entry(entry) for entry in self._read_index()]

    def forget_everything(self) -> int:
        """Delete every secret Dropdesk stored, and the index; returns how many existed."""
        with self._lock:
            removed = sum(self._delete_entry(entry) for entry in self._read_index())
            self._delete_entry(INDEX_ENTRY)
        log.info("forgot %d secrets", removed)
        return removed

    def _read_index(self) -> list[str]:
        raw = self._call(lambda b: b.get_password(self.service, INDEX_ENTRY))
        if not raw:
            return []
        try:
            entries = json.loads(raw)
        except ValueError:
            log.warning("keyring index of %s is damaged; starting a new one", self.service)
            return []
        return [entry for entry in entries if isinstance(entry, str)]

    def _write_index(self, entries: list[str]) -> None:
        payload = json.dumps(sorted(set(entries)))
        self._call(lambda b: b.set_password(self.service, INDEX_ENTRY, payload))

    def _delete_entry(self, entry: str) -> bool:
        try:
            self._call(lambda b: b.delete_password(self.service, entry))
        except _Missing:
            return False
        return True

    def _call(self, operation: Callable[[KeyringBackend], _T]) -> _T:
        backend = self.backend
        try:
            return operation(backend)
        except keyring.errors.PasswordDeleteError as exc:
            raise _Missing from exc
        except SecretStoreError:
            raise
        except Exception as exc:
            raise _translate(exc) from exc


class _Missing(Exception):
    """Internal: the entry to delete did not exist."""


def _translate(exc: Exception) -> SecretStoreError:
    """Map keyring's and the backend library's errors to ours; no secret is in their texts."""
    names = {cls.__name__ for cls in type(exc).__mro__}
    detail = redaction.redact(str(exc))
    if isinstance(exc, keyring.errors.KeyringLocked) or names & {
        "LockedException",
        "PromptDismissedException",
    }:
        return KeyringLockedError("The keyring is locked.", _hint(_UNLOCK_HINT))
    if isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
        return KeyringUnavailableError(
            f"The keyring could not be opened ({detail}).",
            (
                "Make sure a default keyring exists ('Login' in Passwords and Keys). "
                if _platform() == "linux"
                else ""
            )
            + _hint(_INSTALL_HINT),
        )
    return KeyringAccessError(
        f"The keyring reported an error ({type(exc).__name__}: {detail}).",
        "Try again; if it persists, restart the keyring (log out and in) or Dropdesk.",
    )
