"""Start-up logging: one rotating, private log file, with every record redacted on its way in.

The redaction filter sits on the handler, not on a logger, because records propagated from
child loggers skip their ancestors' logger filters but never the handler's.
"""

from __future__ import annotations

import io
import logging
import os
import time
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core import paths
from core.redaction import RedactingFilter

LOG_FILE = "dropdesk.log"
FORMAT = "%(asctime)s.%(msecs)03dZ %(levelname)s %(name)s [%(threadName)s] %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S"


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A RotatingFileHandler whose files are readable by the user only (0o600), whatever the
    umask: logs name customers, orders and amounts."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # an older file may have looser rights
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def configure_logging(
    log_dir: Path | None = None,
    level: int | str = logging.INFO,
    *,
    max_bytes: int = 2_000_000,
    backup_count: int = 5,
) -> Path:
    """Send every logger's records to `<log_dir>/dropdesk.log` (default: `paths.log_dir()`).

    `log_dir` is Dropdesk's own folder: it is created, or tightened, to 0o700. Calling again
    keeps one handler (replaced if the folder or sizes changed). Returns the log file path.
    """
    folder = paths.ensure_private_dir(log_dir or paths.log_dir())
    os.chmod(folder, 0o700)
    target = folder / LOG_FILE
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            if (
                Path(handler.baseFilename) == target
                and handler.maxBytes == max_bytes
                and handler.backupCount == backup_count
            ):
                root.setLevel(level)
                return target
            root.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(
        target, maxBytes=max_bytes, backupCount=backup_count, encoding="utf-8"
    )
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    formatter.converter = time.gmtime  # timestamps in UTC, like the ledger
    handler.setFormatter(formatter)
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return target


def close_logging() -> None:
    """Detach and close the handler `configure_logging` installed (at exit, or in tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            root.removeHandler(handler)
            handler.close()
    logging.captureWarnings(False)
