"""A server ledger's password: kept in the OS keyring (core.secrets), never in its address.

`open_server` looks the password up by the address's key and opens the ledger; without a
stored password it tries without one (a server may trust this machine, e.g. over its Unix
socket or with a client certificate), and a server that asks for one is answered with what
to do. `remember` stores the password after checking it against the server, so a typo is
never kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.ledger.errors import LedgerError
from core.ledger.server_address import ServerAddress, parse
from core.texts import Text

if TYPE_CHECKING:
    from core.ledger.server import ServerLedger
    from core.secrets import SecretStore


def open_server(
    text: str, *, for_reading: bool = False, store: SecretStore | None = None
) -> ServerLedger:
    """Open the server ledger at `text` (a postgresql:// address) with its stored password."""
    from core.ledger.server import open_server_ledger
    from core.secrets import SecretStoreError

    address = parse(text)
    keyring_problem: SecretStoreError | None = None
    try:
        password = stored_password(address, store)
    except SecretStoreError as error:  # the server may not need one (trust, certificates)
        password, keyring_problem = None, error
    try:
        return open_server_ledger(address, password, for_reading=for_reading)
    except LedgerError as error:
        if password is None and "password" in str(error):
            if keyring_problem is not None:
                raise LedgerError(
                    address.label,
                    Text(
                        "core.ledger.server_password",
                        "The password of {address_url} is kept in the system keyring, which "
                        "cannot be read: {keyring_problem}",
                        address_url=address.url,
                        keyring_problem=keyring_problem,
                    ),
                ) from None
            raise no_password(address) from None
        raise


def stored_password(address: ServerAddress, store: SecretStore | None = None) -> str | None:
    """The keyring's password for `address` (None: none stored); SecretStoreError when the
    keyring cannot be read."""
    from core.secrets import SecretKey, SecretStore

    return (store or SecretStore()).get(SecretKey.postgresql_password(address.key))


def remember(text: str, password: str, store: SecretStore | None = None) -> ServerAddress:
    """Check `password` against the server (by opening the ledger, which also creates or
    upgrades it), then keep it in the keyring. LedgerError when the server refuses it."""
    from core.ledger.server import open_server_ledger
    from core.secrets import SecretKey, SecretStore

    address = parse(text)
    open_server_ledger(address, password).close()
    (store or SecretStore()).set(SecretKey.postgresql_password(address.key), password)
    return address


def no_password(address: ServerAddress) -> LedgerError:
    return LedgerError(
        address.label,
        Text(
            "core.ledger.server_password",
            "The server asks for the password of {address_user}, and none is "
            "stored for {address_url}. Enter it once: `dropdesk ledger password "
            "{address_url}` (or File > Open server ledger in the window); Dropdesk "
            "keeps it in the system keyring.",
            address_user=address.user,
            address_url=address.url,
        ),
    )
