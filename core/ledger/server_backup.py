"""A server ledger's backups are the server's: Dropdesk says so once, with the command to run.

A ledger file gets a daily, checked backup beside it (core.ledger.backup). A ledger on
PostgreSQL has no file of ours to copy: the server (pg_dump from cron) or the provider's
snapshots keep it. Rather than silently skipping the daily backup, the app says this the first
time it opens a server ledger; the ledger's settings remember that it was said (for every
instance on that ledger), so it is said once, not every day.
"""

from __future__ import annotations

import shlex
from typing import TYPE_CHECKING

from core import settings
from core.texts import Text

if TYPE_CHECKING:
    from core.ledger.server import ServerLedger

#: The ledger setting that remembers the advice was given.
ADVISED = "server_backup_advised"


#: The title of the advice's box.
TITLE = Text("core.ledger.server_backup", "Backups of a server ledger")


def dump_command(url: str, database: str) -> str:
    """The pg_dump line (docs/postgresql.md) for the ledger at `url`: custom format, one file.
    The address holds no password (pg_dump asks, or reads ~/.pgpass)."""
    return f"pg_dump -Fc -d {shlex.quote(url)} -f {shlex.quote(database + '.dump')}"


def advice(url: str, database: str) -> Text:
    """What the merchant is told instead of a daily backup."""
    command = dump_command(url, database)
    return Text(
        "core.ledger.server_backup",
        "Dropdesk makes no daily backup of a ledger on a server: backing it up "
        "is the server's job. Run this every day (for example from "
        "cron):\n\n{command}\n\nor use your provider's snapshots. Dropdesk will "
        "not say this again.",
        command=command,
    )


def advice_once(ledger: ServerLedger) -> Text | None:
    """The advice the first time it is asked for this ledger (and records that it was given,
    in the same transaction); None ever after. Talks to the server: run it off the GUI
    thread."""
    with ledger.session() as session:
        if settings.get(session, ADVISED):
            return None
        settings.put(session, ADVISED, True)
    return advice(ledger.address.url, ledger.address.database)
