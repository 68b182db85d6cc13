"""One Dropdesk per ledger FILE, whatever path leads to it: a hard link, a symlinked folder, a
bind mount. Two real processes each time; the second is refused with LedgerInUseError's
message, and `dropdesk import` through the other path exits 1 with it, never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from core.ledger import LedgerInUseError, open_ledger
from core.ledger.models import CustomerOrder

ROOT = Path(__file__).parents[2]
EXPORT = ROOT / "tests" / "data" / "orders_shopify.csv"
REFUSED = "is open in another Dropdesk window"
HOLD = (
    "import sys, pathlib\n"
    "from core.ledger import open_ledger\n"
    "ledger = open_ledger(pathlib.Path(sys.argv[1]))\n"
    "print('open', flush=True)\n"
    "sys.stdin.readline()\n"
    "ledger.close()\n"
)


@contextmanager
def held_by_another_process(path: Path) -> Iterator[None]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "open\n"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.close()
        assert holder.wait(timeout=30) == 0


def import_through(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gui", "import", "shopify-csv", str(EXPORT), "--ledger", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def orders(path: Path) -> int:
    ledger = open_ledger(path, for_reading=True)
    try:
        return int(ledger.reader.execute("SELECT count(*) FROM customer_order").fetchone()[0])
    finally:
        ledger.close()


def refused_everywhere(held: Path, other: Path) -> None:
    """With `held` open in another process: opening or importing through `other` is refused."""
    with held_by_another_process(held):
        with pytest.raises(LedgerInUseError, match=REFUSED):
            open_ledger(other)
        imported = import_through(other)
        assert imported.returncode == 1, imported.stderr
        assert REFUSED in imported.stderr and "Traceback" not in imported.stderr
    assert orders(held) == 0  # nothing was imported
    open_ledger(other).close()  # free again once the other process closed it


def test_a_hard_link_leads_to_the_same_lock(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    path = tmp_path / "a" / "ledger.sqlite"
    open_ledger(path).close()
    link = tmp_path / "b" / "shop.sqlite"
    os.link(path, link)
    refused_everywhere(path, link)
    refused_everywhere(link, path)


def test_a_symlinked_folder_leads_to_the_same_lock(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    path = tmp_path / "real" / "ledger.sqlite"
    open_ledger(path).close()
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    refused_everywhere(path, tmp_path / "alias" / "ledger.sqlite")


def test_a_bind_mount_leads_to_the_same_lock(tmp_path: Path) -> None:
    """The ledger bind-mounted onto a file in another folder: no symlink to resolve, no
    shared folder, the same file under another name."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a bind mount needs root")
    (tmp_path / "real").mkdir()
    (tmp_path / "elsewhere").mkdir()
    path = tmp_path / "real" / "ledger.sqlite"
    open_ledger(path).close()
    other = tmp_path / "elsewhere" / "shop.sqlite"
    other.touch()
    mounted = subprocess.run(["mount", "--bind", str(path), str(other)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode().strip()}")
    try:
        assert other.resolve() != path.resolve()
        with held_by_another_process(path):
            with pytest.raises(LedgerInUseError, match=REFUSED):
                open_ledger(other)
            imported = import_through(other)
            assert imported.returncode == 1, imported.stderr
            assert REFUSED in imported.stderr and "Traceback" not in imported.stderr
        assert orders(path) == 0
    finally:
        subprocess.run(["umount", "-l", str(other)], check=False)


def test_a_second_open_in_the_same_process_keeps_the_first_ones_locks(tmp_path: Path) -> None:
    """Refused from the table of held files, without opening (and so closing) the file again:
    closing any descriptor of it would drop SQLite's own POSIX locks in this process."""
    path = tmp_path / "ledger.sqlite"
    ledger = open_ledger(path)
    link = tmp_path / "link.sqlite"
    os.link(path, link)
    with pytest.raises(LedgerInUseError, match=REFUSED):
        open_ledger(link)
    with ledger.session() as session:
        session.add(CustomerOrder(name="#1"))
    with ledger.engine.connect() as connection:  # a read transaction holds SQLite's locks ...
        connection.exec_driver_sql("SELECT count(*) FROM customer_order").fetchone()
        with pytest.raises(LedgerInUseError):
            open_ledger(path)
        imported = import_through(link)  # ... and another process is still kept out
        assert imported.returncode == 1 and REFUSED in imported.stderr
    ledger.close()
    assert orders(path) == 1
