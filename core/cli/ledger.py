"""`dropdesk ledger password ADDRESS` and `dropdesk ledger copy SOURCE TARGET`: a server
ledger's password into the keyring, and a ledger moved between a file and a server.

No Qt here: both run on a headless machine. The password is read without echo from the
terminal (or from the first line of stdin when it is not one) and never printed.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from core.ledger.errors import LedgerError
from core.ledger.server_address import is_server_address


def location(text: str) -> Path | str:
    """A `--ledger`-style value: a server address stays text, anything else is a file path."""
    return text if is_server_address(text) else Path(text)


def run_password(address_text: str) -> int:
    from core.ledger.server_password import remember
    from core.secrets import SecretStoreError

    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for {address_text}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        address = remember(address_text, password)
    except (LedgerError, SecretStoreError) as error:
        print(f"dropdesk ledger password: {error}", file=sys.stderr)
        return 1
    print(f"The password for {address.url} is in the system keyring; the ledger opened with it.")
    return 0


def run_copy(source_text: str, target_text: str) -> int:
    """Copy a ledger into an empty one (a new file, or an empty PostgreSQL database)."""
    from core.ledger import open_ledger
    from core.ledger.transfer import copy_ledger

    source_where, target_where = location(source_text), location(target_text)
    if isinstance(source_where, Path) and not source_where.is_file():
        print(f"dropdesk ledger copy: there is no ledger at {source_where}", file=sys.stderr)
        return 1
    try:
        source = open_ledger(source_where)
    except LedgerError as error:
        print(f"dropdesk ledger copy: {error}", file=sys.stderr)
        return 1
    try:
        target = open_ledger(target_where)
    except LedgerError as error:
        source.close()
        print(f"dropdesk ledger copy: {error}", file=sys.stderr)
        return 1
    try:
        done = copy_ledger(source, target)
    except LedgerError as error:
        print(f"dropdesk ledger copy: {error}", file=sys.stderr)
        return 1
    finally:
        target.close()
        source.close()
    print(
        f"Copied {done.total:,} rows ({done.rows.get('supplier_order', 0):,} supplier orders) "
        f"from {source.location} to {target.location}; every row verified."
    )
    return 0
