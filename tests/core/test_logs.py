"""core.logs: one private rotating log file, redacted, set up once."""

from __future__ import annotations

import logging
import os
import secrets as std_secrets
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import logs, paths
from core.redaction import register_secret

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="POSIX file modes"),
    pytest.mark.usefixtures("detached_logging"),
]


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0)  # the worst case: files would be world-writable
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def our_handlers() -> list[logging.Handler]:
    return [
        h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)
    ]


@pytest.mark.usefixtures("loose_umask")
def test_folder_and_file_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    log_file = logs.configure_logging(folder)
    logging.getLogger("core.test").warning("hello")
    assert log_file == folder / "dropdesk.log"
    assert mode(folder) == 0o700
    assert mode(log_file) == 0o600
    assert b"WARNING core.test" in log_file.read_bytes()


@pytest.mark.usefixtures("loose_umask")
def test_existing_loose_folder_and_file_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o777)
    (folder / "dropdesk.log").write_text("old line\n")
    os.chmod(folder / "dropdesk.log", 0o666)
    log_file = logs.configure_logging(folder)
    assert (mode(folder), mode(log_file)) == (0o700, 0o600)
    assert log_file.read_text().startswith("old line\n")


@pytest.mark.usefixtures("loose_umask")
def test_rotated_files_stay_private(tmp_path: Path) -> None:
    log_file = logs.configure_logging(tmp_path / "logs", max_bytes=2_000, backup_count=2)
    for i in range(200):
        logging.getLogger("core.test").info("line %d %s", i, "x" * 40)
    files = sorted(log_file.parent.iterdir())
    assert [f.name for f in files] == ["dropdesk.log", "dropdesk.log.1", "dropdesk.log.2"]
    assert {mode(f) for f in files} == {0o600}


def test_configuring_twice_keeps_one_handler(tmp_path: Path) -> None:
    first = logs.configure_logging(tmp_path / "logs")
    again = logs.configure_logging(tmp_path / "logs", level=logging.DEBUG)
    assert first == again
    assert len(our_handlers()) == 1
    assert logging.getLogger().level == logging.DEBUG

    moved = logs.configure_logging(tmp_path / "elsewhere")
    assert len(our_handlers()) == 1
    logging.getLogger("core.test").warning("after move")
    assert b"after move" in moved.read_bytes()
    assert b"after move" not in first.read_bytes()


def test_default_folder_follows_dropdesk_home(dropdesk_home: Path) -> None:
    log_file = logs.configure_logging()
    assert log_file == paths.log_dir() / "dropdesk.log"
    assert log_file.is_relative_to(dropdesk_home)


def test_secrets_never_reach_the_file(tmp_path: Path) -> None:
    registered = "ae-app-secret-" + std_secrets.token_hex(8)
    register_secret(registered)
    shopify = "shpat_" + std_secrets.token_hex(16)  # never registered: caught by its shape
    form_secret = std_secrets.token_hex(16)  # never registered: caught by its key
    log_file = logs.configure_logging(tmp_path / "logs")
    log = logging.getLogger("core.shopify.client")

    log.info("using %s for %s", registered, "acme.myshopify.com")
    log.info("headers %r", {"X-Shopify-Access-Token": shopify})
    log.debug("not written at INFO: %s", registered)
    try:
        try:
            raise ConnectionError(f"refused body client_secret={form_secret}")
        except ConnectionError as inner:
            raise RuntimeError(f"sync failed with token {shopify} / {registered}") from inner
    except RuntimeError:
        log.exception("sync of %s failed", "acme.myshopify.com")

    data = log_file.read_bytes()
    for secret in (registered, shopify, form_secret):
        assert secret.encode() not in data
        assert secret[-16:].encode() not in data  # not even a tail of it
    assert b"Traceback (most recent call last)" in data
    assert b"ConnectionError: refused body client_secret=[REDACTED]" in data
    assert b"RuntimeError: sync failed with token shpat_[REDACTED] / [REDACTED]" in data
    assert data.count(b"[REDACTED]") >= 5
