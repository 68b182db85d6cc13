"""Save diagnostics: a zip the merchant can send to support, with no secret and no customer.

What goes in: the app version and platform, the ledger's settings (secret-looking ones only
as "set" / "not set"), the ledger's shape (rows per table, schema revision, file size,
SQLite's quick_check) and the tail of the log files. What stays out: every value a customer
gave (names, e-mail addresses, notes: the ledger holds no postal addresses), counts only.

Two nets over the log tail, because a log line may have been written before a secret was
known, or may quote a customer: the log text passes through `core.redaction.redact` again,
then every e-mail-shaped text and every word of a customer name the ledger knows is
replaced. A name that is also an ordinary word ("Rose", "May") is hidden wherever it
appears: a support log with holes is better than one with a customer in it.

The ledger is read through its own read-only SQLite connection, so diagnostics work while
the app has the ledger open and also when it cannot be opened at all (that is when support
is needed most). Building reads the whole customer table and runs quick_check: call it off
the GUI thread.
"""

from __future__ import annotations

import io
import json
import logging
import os
import platform
import re
import sqlite3
import sys
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from core import redaction
from core.logs import LOG_FILE
from core.partial_files import clean_leftovers, create_partial
from core.settings import DEFAULTS

log = logging.getLogger(__name__)

DIST_NAME = "dropdesk"
LOG_TAIL_BYTES = 256 * 1024
"""How much of the newest log text goes into the zip (the files rotate at 2 MB)."""
QUICK_CHECK_LINES = 20
MEMBERS = ("README.txt", "about.json", "settings.json", "ledger.json", "logs/dropdesk.log")

EMAIL = re.compile(r"[\w.+%-]+(?:@|%40)[\w-]+(?:\.[\w-]+)+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SECRET_SETTING = re.compile(r"secret|token|password|credential|key|account", re.IGNORECASE)
_ENVIRONMENT = (
    "LANG",
    "LC_ALL",
    "LANGUAGE",
    "QT_QPA_PLATFORM",
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "XDG_CURRENT_DESKTOP",
    "XDG_SESSION_TYPE",
    "DESKTOP_SESSION",
)

README = """Dropdesk diagnostics
====================

Made by Help > Save diagnostics on {made}. Send this file to whoever helps you with Dropdesk.

about.json     Dropdesk, Python, Qt and operating-system versions
settings.json  the ledger's settings; secret ones only as "set" or "not set"
ledger.json    the ledger's shape: rows per table, schema revision, file size, SQLite check
logs/          the last {tail_kb} KB of the log, with secrets, e-mail addresses and customer
               names replaced by [REDACTED], [email] and [name]

Left out on purpose: API tokens and secrets (they live in the keyring, never in a file),
and every customer detail (names, e-mail addresses, notes, orders): only counts are here.
"""


def app_version() -> str:
    """Dropdesk's version: the installed distribution's, else pyproject.toml's when run from
    a checkout, else "unknown" (a bundle built without the distribution's metadata)."""
    try:
        return metadata.version(DIST_NAME)
    except metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        return str(tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"])
    except (OSError, ValueError, KeyError):
        return "unknown"


def shown_path(path: Path) -> str:
    """A path as support may see it: the home folder (the merchant's login) as `~`."""
    text = str(path)
    home = str(Path.home())
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home) :]
    return text


def about(
    ledger_path: Path | None, log_dir: Path, qt_version: str | None, now: datetime
) -> dict[str, Any]:
    """Versions and platform: what support asks first."""
    return {
        "dropdesk": app_version(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
        "qt": qt_version,
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "machine": platform.machine(),
        "made_at": now.astimezone(UTC).isoformat(timespec="seconds"),
        "ledger": shown_path(ledger_path) if ledger_path else None,
        "log_folder": shown_path(log_dir),
        "environment": {name: os.environ[name] for name in _ENVIRONMENT if name in os.environ},
    }


# --- the ledger -----------------------------------------------------------------------------


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def ledger_stats(path: Path | None) -> dict[str, Any]:
    """The ledger's shape, never its content: rows per table, schema revision, sizes, pragmas
    and quick_check. A damaged or missing file is described, not raised."""
    if path is None:
        return {"exists": False}
    stats: dict[str, Any] = {"file": path.name, "exists": path.is_file()}
    if not stats["exists"]:
        return stats
    stats["size_bytes"] = path.stat().st_size
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            stats[f"{suffix[1:]}_bytes"] = side.stat().st_size
    try:
        with _connect(path) as connection:
            stats.update(_describe(connection))
    except sqlite3.Error as error:
        stats["error"] = redaction.redact(f"{type(error).__name__}: {error}")
    return stats


def _describe(connection: sqlite3.Connection) -> dict[str, Any]:
    pragmas = {
        name: connection.execute(f"PRAGMA {name}").fetchone()[0]
        for name in (
            "application_id",
            "user_version",
            "page_size",
            "page_count",
            "freelist_count",
            "journal_mode",
            "auto_vacuum",
            "encoding",
        )
    }
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        )
    ]
    counts: dict[str, int | str] = {}
    for table in tables:
        try:
            counts[table] = connection.execute(f"SELECT count(*) FROM {_quoted(table)}").fetchone()[
                0
            ]
        except sqlite3.Error as error:  # e.g. a virtual table whose module is missing
            counts[table] = f"unreadable: {error}"
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    indexes = connection.execute(
        "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
    ).fetchone()[0]
    check = [str(row[0]) for row in connection.execute(f"PRAGMA quick_check({QUICK_CHECK_LINES})")]
    return {
        "schema_revision": revision,
        "pragmas": pragmas,
        "rows": counts,
        "indexes": indexes,
        "quick_check": check,
    }


def settings_snapshot(path: Path | None) -> dict[str, Any]:
    """The ledger's `setting` rows: declared settings with their values (secret-looking keys
    only as "set"/"not set"), undeclared ones by name only; plus which defaults are in use."""
    stored: dict[str, Any] = {}
    if path is not None and path.is_file():
        try:
            with _connect(path) as connection:
                rows = connection.execute("SELECT key, value FROM setting ORDER BY key").fetchall()
        except sqlite3.Error as error:
            return {"error": redaction.redact(f"{type(error).__name__}: {error}")}
        for key, raw in rows:
            stored[key] = _shown_setting(key, raw)
    return {
        "stored": stored,
        "defaults_in_use": sorted(key for key in DEFAULTS if key not in stored),
    }


def _shown_setting(key: str, raw: str) -> Any:
    try:
        value = json.loads(raw)
    except ValueError:
        value = "[unreadable]"
    if _SECRET_SETTING.search(key):
        return "[set]" if value not in (None, "") else "[not set]"
    if key not in DEFAULTS:
        return "[not shown]"
    return value


# --- the logs -------------------------------------------------------------------------------


def log_files(log_dir: Path) -> list[Path]:
    """The log files, newest first: dropdesk.log, dropdesk.log.1, ..."""
    numbered = []
    for candidate in log_dir.glob(LOG_FILE + ".*"):
        suffix = candidate.name[len(LOG_FILE) + 1 :]
        if suffix.isdigit():
            numbered.append((int(suffix), candidate))
    current = log_dir / LOG_FILE
    return ([current] if current.is_file() else []) + [p for _, p in sorted(numbered)]


def log_tail(log_dir: Path, limit: int = LOG_TAIL_BYTES) -> str:
    """The newest `limit` bytes of log text across the rotated files, from a line start."""
    chunks: list[bytes] = []
    left = limit
    for path in log_files(log_dir):
        if left <= 0:
            break
        try:
            with path.open("rb") as handle:
                size = handle.seek(0, io.SEEK_END)
                start = max(0, size - left)
                handle.seek(start)
                data = handle.read(left)
        except OSError as error:
            chunks.insert(0, f"[{path.name} unreadable: {error}]\n".encode())
            continue
        if start > 0:  # cut to the first whole line
            newline = data.find(b"\n")
            data = data[newline + 1 :] if newline >= 0 else b""
        chunks.insert(0, data)
        left = 0 if start > 0 else left - size
    return b"".join(chunks).decode("utf-8", errors="replace")


@dataclass
class CustomerScrubber:
    """Hides customer names and e-mail addresses in free text (the log tail)."""

    name_words: set[str] = field(default_factory=set)

    @classmethod
    def from_ledger(cls, path: Path | None) -> CustomerScrubber:
        """Every word of every customer name (and e-mail address) in the ledger."""
        scrubber = cls()
        if path is None or not path.is_file():
            return scrubber
        try:
            with _connect(path) as connection:
                rows = connection.execute(
                    "SELECT DISTINCT customer_name, email FROM customer_order"
                ).fetchall()
        except sqlite3.Error as error:
            log.warning("Diagnostics: customer names unreadable (%s); e-mails still hidden", error)
            return scrubber
        scrubber.add(text for row in rows for text in row if text)
        return scrubber

    def add(self, texts: Iterable[str]) -> None:
        for text in texts:
            self.name_words.update(word.casefold() for word in _WORD.findall(text))

    def scrub(self, text: str) -> str:
        text = EMAIL.sub("[email]", text)
        words = self.name_words
        if not words:
            return text
        return _WORD.sub(lambda m: "[name]" if m[0].casefold() in words else m[0], text)


# --- the zip --------------------------------------------------------------------------------


def _json(value: Mapping[str, Any]) -> bytes:
    text = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True, default=str)
    return (redaction.redact(text) + "\n").encode("utf-8")


def build(
    ledger_path: Path | None,
    log_dir: Path,
    *,
    qt_version: str | None = None,
    now: datetime | None = None,
    tail_bytes: int = LOG_TAIL_BYTES,
) -> dict[str, bytes]:
    """The zip's members, name -> content, in `MEMBERS` order."""
    now = now or datetime.now(UTC)
    scrubber = CustomerScrubber.from_ledger(ledger_path)
    logs = scrubber.scrub(redaction.redact(log_tail(log_dir, tail_bytes)))
    readme = README.format(
        made=now.astimezone(UTC).isoformat(timespec="seconds"), tail_kb=tail_bytes // 1024
    )
    return {
        "README.txt": readme.encode("utf-8"),
        "about.json": _json(about(ledger_path, log_dir, qt_version, now)),
        "settings.json": _json(settings_snapshot(ledger_path)),
        "ledger.json": _json(ledger_stats(ledger_path)),
        "logs/dropdesk.log": logs.encode("utf-8"),
    }


def write_zip(target: Path, members: Mapping[str, bytes], now: datetime | None = None) -> Path:
    """Write `members` to `target` (private to the user), replacing it only when complete."""
    stamp = (now or datetime.now(UTC)).astimezone().timetuple()[:6]
    clean_leftovers(target.parent, target.name)  # a killed run's hidden file
    fd, partial = create_partial(target, "zip")
    try:
        with (
            os.fdopen(fd, "wb") as handle,
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, content in members.items():
                info = zipfile.ZipInfo(f"dropdesk-diagnostics/{name}", date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o600 << 16
                archive.writestr(info, content)
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def suggested_file_name(now: datetime | None = None) -> str:
    local = (now or datetime.now(UTC)).astimezone()
    return f"dropdesk-diagnostics-{local:%Y%m%d-%H%M}.zip"


def save(
    target: Path,
    ledger_path: Path | None,
    log_dir: Path,
    *,
    qt_version: str | None = None,
    now: datetime | None = None,
    tail_bytes: int = LOG_TAIL_BYTES,
) -> Path:
    """Build the diagnostics and write them to `target`; returns `target`."""
    now = now or datetime.now(UTC)
    members = build(ledger_path, log_dir, qt_version=qt_version, now=now, tail_bytes=tail_bytes)
    write_zip(target, members, now)
    log.info("Saved diagnostics to %s", target)
    return target
