"""Where a ledger on a PostgreSQL server lives: `postgresql://user@host[:port]/database`.

The password never belongs in this address: it comes from the OS keyring (core.secrets,
`SecretKey.postgresql_password(address.key)`), so the address can be shown, logged, stored in
the settings and in shortcuts without giving anything away. An address that carries a
password is refused with a message that says where the password goes instead.
Standard library only: the command line parses it before anything heavy loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from core.ledger.errors import LedgerError
from core.texts import Text

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
#: Query options passed on to libpq; everything else is refused (no silent surprises).
_OPTIONS = {"host", "port", "sslmode", "sslrootcert", "connect_timeout", "application_name"}
_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.$-]{0,62}")


def is_server_address(text: str | Path) -> bool:
    """Whether a `--ledger` value names a server ledger rather than a file."""
    return isinstance(text, str) and text.split(":", 1)[0].lower() in SCHEMES and "://" in text


@dataclass(frozen=True)
class ServerAddress:
    """A parsed `postgresql://` address, without a password."""

    user: str
    host: str  # a name, an address, or a Unix socket folder (starts with "/")
    port: int
    database: str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """What the keyring entry of this ledger's password is named after."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    @property
    def url(self) -> str:
        """The address as the merchant typed it (normalised), safe to show and store."""
        extra = [(k, v) for k, v in self.options if k != "host"]
        if self.host.startswith("/"):
            extra = [("host", self.host), *extra]
            netloc = f"{self.user}@"
        else:
            netloc = f"{self.user}@{self.host}:{self.port}"
        query = "&".join(f"{k}={v}" for k, v in extra)
        if self.host.startswith("/"):
            query = "&".join([query, f"port={self.port}"]) if query else f"port={self.port}"
        return f"postgresql://{netloc}/{self.database}" + (f"?{query}" if query else "")

    @property
    def label(self) -> Path:
        """A path-like name for messages that say `path.name` (the database's name)."""
        return Path(f"{self.user}@{self.host.strip('/').replace('/', '_')}:{self.port}") / (
            self.database
        )

    def connect_kwargs(self) -> dict[str, str | int]:
        """libpq keyword arguments (without the password)."""
        found: dict[str, str | int] = {
            "host": self.host,
            "port": self.port,
            "user": self.user,
            "dbname": self.database,
        }
        for key, value in self.options:
            if key not in {"host", "port"}:
                found[key] = value
        found.setdefault("connect_timeout", "10")
        found.setdefault("application_name", "Dropdesk")
        return found


def parse(text: str) -> ServerAddress:
    """The address in `text`; LedgerError (English and German) says what is wrong with it."""
    shown = _without_password(text)
    try:
        parts = urlsplit(text)
        port_text = parts.port
    except ValueError:
        raise _bad(shown, Text("core.ledger.server_address", "the port is not a number")) from None
    if parts.scheme.lower() not in SCHEMES:
        raise _bad(
            shown, Text("core.ledger.server_address", "it does not start with postgresql://")
        )
    if parts.password is not None:
        raise LedgerError(
            Path(shown),
            Text(
                "core.ledger.server_address",
                "{shown}: the password does not belong in the address, where it would "
                "be stored and shown. Leave it out: Dropdesk asks for it once and "
                "keeps it in the system keyring (`dropdesk ledger password ADDRESS`).",
                shown=shown,
            ),
        )
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    unknown = sorted(set(options) - _OPTIONS)
    if unknown:
        raise _bad(
            shown,
            Text("core.ledger.server_address", "unknown option {option!r}", option=unknown[0]),
        )
    user = unquote(parts.username or "")
    database = unquote(parts.path.lstrip("/"))
    host = parts.hostname or options.get("host", "")
    if not user or not _NAME.fullmatch(user):
        raise _bad(
            shown,
            Text(
                "core.ledger.server_address",
                "name the database user (postgresql://user@host/database)",
            ),
        )
    if not database or not _NAME.fullmatch(database):
        raise _bad(
            shown,
            Text(
                "core.ledger.server_address", "name the database (postgresql://user@host/database)"
            ),
        )
    if not host:
        raise _bad(
            shown,
            Text("core.ledger.server_address", "name the server (postgresql://user@host/database)"),
        )
    try:
        port = int(port_text or options.get("port") or DEFAULT_PORT)
    except ValueError:
        raise _bad(shown, Text("core.ledger.server_address", "the port is not a number")) from None
    kept = tuple(sorted((k, v) for k, v in options.items() if k not in {"port"}))
    return ServerAddress(user, host, port, database, kept)


def _without_password(text: str) -> str:
    """`text` with anything between `user:` and `@` replaced, for messages."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:[REDACTED]@", text)


def _bad(shown: str, why: Text) -> LedgerError:
    return LedgerError(
        Path(shown),
        Text(
            "core.ledger.server_address",
            "{shown} is not a PostgreSQL ledger address: {why}.",
            shown=shown,
            why=why,
        ),
    )
