"""`dropdesk review` and `dropdesk due` only read: they run beside an app that holds the lock,
never upgrade or create a ledger, and cannot write through their connections."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from core.demo import write_demo
from core.ledger import LedgerError, open_ledger
from core.ledger.backup import backups
from tests.cli_support import run_dropdesk

ROOT = Path(__file__).resolve().parent.parent
READ_ONLY = r"readonly|read-only|query_only"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, orders=200, seed=3)
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "shop [de].sqlite"
    path.write_bytes(demo_template.read_bytes())
    path.chmod(0o600)
    return path


@pytest.fixture
def app_holding(demo: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process with the ledger open as the app has it (the lock held) until stdin
    closes."""
    code = (
        "import sys; from pathlib import Path; from core.ledger import open_ledger; "
        f"ledger = open_ledger(Path({str(demo)!r})); print('open', flush=True); "
        "sys.stdin.read(); ledger.close()"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    yield child
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=30)


@pytest.mark.parametrize("command", [["review"], ["due", "--json"]])
def test_runs_beside_the_app_holding_the_lock(
    demo: Path, app_holding: subprocess.Popen[str], command: list[str]
) -> None:
    again = open_ledger  # the lock is really held: a second writer is refused
    with pytest.raises(LedgerError, match="open in another Dropdesk"):
        again(demo)
    done = run_dropdesk(*command, "--ledger", str(demo))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() and "Traceback" not in done.stderr
    assert app_holding.poll() is None  # the app is still running


def _old_revision(path: Path) -> str:
    from core.ledger import migrate

    previous = migrate.revisions_in_order()[-2]
    ledger = open_ledger(path)
    migrate.downgrade(ledger.engine, previous)
    ledger.close()
    return previous


@pytest.mark.parametrize("command", [["review"], ["due"]])
def test_an_older_ledger_is_not_upgraded_and_the_message_says_why(
    demo: Path, command: list[str]
) -> None:
    previous = _old_revision(demo)
    before = demo.read_bytes()
    done = run_dropdesk(*command, "--ledger", str(demo))
    assert done.returncode == 1
    assert "needs an upgrade" in done.stderr and "open it once in the Dropdesk app" in done.stderr
    assert "Traceback" not in done.stderr
    assert demo.read_bytes() == before  # not upgraded, not touched
    assert backups(demo) == []  # and no pre-upgrade backup was made
    from core.ledger.header import stored_revision

    assert stored_revision(demo) == previous


@pytest.mark.parametrize("command", [["review"], ["due"]])
def test_no_ledger_is_created(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    done = run_dropdesk(*command, "--ledger", str(folder / "nothing.sqlite"))
    assert done.returncode == 1 and "no ledger" in done.stderr
    assert list(folder.iterdir()) == []


def test_the_reading_connections_cannot_write(demo: Path) -> None:
    before = demo.read_bytes()
    ledger = open_ledger(demo, for_reading=True)
    try:
        with pytest.raises(Exception, match=READ_ONLY), ledger.session() as session:
            session.connection().execute(text("DELETE FROM customer_order"))
        with pytest.raises(Exception, match=READ_ONLY):
            ledger.reader.execute("DELETE FROM customer_order")
        with ledger.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM customer_order")).scalar()
    finally:
        ledger.close()
    assert demo.read_bytes() == before


@pytest.mark.parametrize("command", [["review"], ["due"]])
def test_a_damaged_ledger_names_the_verified_backup_and_its_age(
    demo: Path, command: list[str]
) -> None:
    from core.ledger.backup import backup

    good = backup(demo, label="daily")
    data = bytearray(demo.read_bytes())
    data[4096 : 4096 + 2048] = b"\xff" * 2048  # the schema's b-tree page scribbled over
    demo.write_bytes(bytes(data))
    done = run_dropdesk(*command, "--ledger", str(demo))
    assert done.returncode == 1 and "damaged" in done.stderr and "Traceback" not in done.stderr
    assert f"The latest verified backup, {good.name}, is from" in done.stderr
    assert "copied less than an hour ago" in done.stderr
    assert demo.read_bytes() == bytes(data)
