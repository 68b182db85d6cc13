"""The work a crash trial kills: runs in a process forked by multiprocessing's fork server.

Each job writes what it reached, one line at a time and unbuffered, to its `out` file, so the
parent can time its SIGKILL and knows what was reached when it struck:

    READY                  the ledger is open, the work starts now
    FP <hash>              (reference runs only) the ledger's state at a transaction boundary
    NEAR <n>               the n-th transaction's work is done, its COMMIT comes next
    COMMITTED <n>          the n-th transaction is committed
    DONE                   all work finished and the ledger closed
    FULL <text>            (with "fsize_headroom") a write failed for lack of room: the message
    ERROR <text>           the job failed (a bug: trials expect none)

Jobs: "import" (one or more Shopify CSV exports, one transaction each), "sync" (an order
sync against the fake Shopify in the parent, one transaction per page; both into a ledger
file, or a PostgreSQL ledger when "ledger" is a postgresql:// address) and "open" (open a
ledger, creating or upgrading it; with "kill_at" n the child SIGKILLs itself as SQLite starts
the n-th statement of any SQLAlchemy connection, seen through sqlite3's trace callback; it
reports `STATEMENTS <count>` when it got through; with "legacy", it upgrades the way older
versions did, committing each DDL statement on its own). With the parameter
"fsize_headroom", no file may grow more than that many bytes past the ledger's size once the
work starts (`ulimit -f`; Python ignores SIGXFSZ, so write() fails with EFBIG).
"""

from __future__ import annotations

import os
import resource
import signal
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from core.imports import import_shopify_csv
from core.ledger import LedgerWriteError, migrate, open_ledger  # migrate: Alembic preloaded
from core.ledger.server_address import is_server_address
from core.shopify import AccessToken, ShopifyClient, sync_orders
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, LoopbackTransport
from tests.reliability.crash_checks import open_again
from tests.reliability.fingerprint import Target, fingerprint

Say = Callable[[str], None]


def run(job: str, out: str, params: Mapping[str, Any]) -> None:
    """The fork server's target: run `job`, reporting to the file `out`."""
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def say(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    try:
        {"import": _import, "sync": _sync, "open": _open}[job](say, params)
        say("DONE")
    except LedgerWriteError as error:
        say(f"FULL {error}")
    except BaseException as error:
        say("ERROR " + " | ".join(traceback.format_exception_only(error)).strip())
        raise
    finally:
        os.close(fd)


def _target(params: Mapping[str, Any]) -> Target:
    named = str(params["ledger"])
    return named if is_server_address(named) else Path(named)


def _import(say: Say, params: Mapping[str, Any]) -> None:
    path = _target(params)
    record = bool(params.get("record"))
    ledger = open_again(path)
    say("READY")
    if record:
        say(f"FP {fingerprint(path)}")
    _limit_file_sizes(path, params.get("fsize_headroom"))
    for n, file in enumerate(params["files"], start=1):

        def progress(done: int, total: int, n: int = n) -> None:
            if done >= total:  # the last report: only the COMMIT is left
                say(f"NEAR {n}")

        import_shopify_csv(ledger, Path(file), progress=progress)
        say(f"COMMITTED {n}")
        if record:
            say(f"FP {fingerprint(path)}")
    ledger.close()


def _sync(say: Say, params: Mapping[str, Any]) -> None:
    path = _target(params)
    record = bool(params.get("record"))
    ledger = open_again(path)
    client = ShopifyClient(
        DOMAIN,
        AccessToken(ACCESS_TOKEN),
        timeout=10.0,
        sleep=time.sleep,
        transport=LoopbackTransport({DOMAIN: str(params["shop_url"])}),
    )
    say("READY")
    if record:
        say(f"FP {fingerprint(path)}")
    _limit_file_sizes(path, params.get("fsize_headroom"))
    pages = -1  # the first report comes before any page

    def progress(_stored: int, _total: int | None) -> None:  # then one after each page's commit
        nonlocal pages
        pages += 1
        if pages == 0:
            return
        say(f"COMMITTED {pages}")
        if record:
            say(f"FP {fingerprint(path)}")

    sync_orders(
        ledger,
        client,
        int(params["shop_id"]),
        progress=progress,
        page_size=int(params["page_size"]),
    )
    client.close()
    if record:
        say(f"FP {fingerprint(path)}")  # with the run's journal event
    ledger.close()


def _open(say: Say, params: Mapping[str, Any]) -> None:
    from sqlalchemy import Engine, event

    kill_at = int(params.get("kill_at", 0))
    started = 0

    def trace(_statement: str) -> None:
        nonlocal started
        started += 1
        if started == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.set_trace_callback(trace)

    event.listen(Engine, "connect", on_connect, insert=True)  # before the engine's pragmas
    assert migrate.SCRIPTS.is_dir()
    path = Path(params["ledger"])
    say("READY")
    _limit_file_sizes(path, params.get("fsize_headroom"))
    if params.get("legacy"):  # as Dropdesk did before upgrades were one transaction
        from core.ledger.engine import make_engine

        engine = make_engine(path)  # pysqlite commits each DDL statement on its own
        migrate.upgrade(engine, path)
        engine.dispose()
        say(f"STATEMENTS {started}")
        return
    ledger = open_ledger(path)
    say(f"STATEMENTS {started}")
    ledger.close()


def _limit_file_sizes(path: Target, headroom: object) -> None:
    """`ulimit -f` for this process: files may grow to the ledger's size plus `headroom`."""
    if headroom is None:
        return
    assert isinstance(path, Path), "a file size limit is about a ledger file"
    assert signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN  # else the kernel kills us
    wal = path.with_name(path.name + "-wal")
    largest = max(path.stat().st_size, wal.stat().st_size if wal.exists() else 0)
    resource.setrlimit(
        resource.RLIMIT_FSIZE, (largest + int(str(headroom)), resource.RLIM_INFINITY)
    )
