"""Opening the ledger for a command that only reads it (`due`, `review`), and saying why not."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.ledger import Ledger, LedgerError


def open_existing(path: Path | str, prefix: str = "dropdesk") -> Ledger | None:
    """Open a ledger for a command that reads it (no lock, no upgrade, no writes); None, with
    the reason on stderr, if it can't."""
    from core.ledger import LedgerError, open_ledger

    if isinstance(path, Path) and not path.exists():
        print(f"{prefix}: no ledger at {path}", file=sys.stderr)
        return None
    try:
        return open_ledger(path, for_reading=True)
    except LedgerError as error:
        say_refused(prefix, error)
        return None


def say_refused(prefix: str, error: LedgerError) -> None:
    """Why a command cannot use the ledger, on stderr; for a damaged one, which verified backup
    the app would restore and how old it is."""
    from core.ledger import CorruptLedgerError
    from core.ledger.backup import latest_verified

    print(f"{prefix}: {error}", file=sys.stderr)
    if isinstance(error, CorruptLedgerError):
        verified = latest_verified(error.path)
        if verified is not None:
            print(
                f"{prefix}: {verified.describe(datetime.now().astimezone())} Open Dropdesk "
                "to restore a copy of it (the damaged file is kept for support).",
                file=sys.stderr,
            )
