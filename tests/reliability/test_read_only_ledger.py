"""A ledger Dropdesk may not write is "cannot be written (read-only)", in English and German,
never "damaged" and never a traceback; commands that only read still work. Three real ways:
a read-only mount (a tmpfs remounted ro), an immutable file (`chattr +i`), and a file owned by
another user, opened by a process running as `nobody` (setpriv). All need root to set up and
skip elsewhere."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli.import_orders import run_import
from core.ledger import CorruptLedgerError, open_ledger
from core.ledger.errors import ReadOnlyLedgerError
from tests.catalogue import in_german

ROOT = Path(__file__).parents[2]
DATA = ROOT / "tests" / "data"
SAID = "cannot be written (read-only"
GESAGT = "lässt sich nicht schreiben (schreibgeschützt"

pytestmark = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="setting these up needs root"
)


def a_ledger_with_orders(path: Path) -> Path:
    code = run_import(path, DATA / "orders_shopify.csv", as_json=True, mode="rest", dry_run=False)
    assert code == 0
    return path


def dropdesk(
    *args: str, user: str | None = None, home: Path | None = None
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "gui", *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if home is not None:
        env["DROPDESK_HOME"] = str(home)
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, env=env)


def refused_as_read_only(path: Path, reason: str) -> None:
    with pytest.raises(ReadOnlyLedgerError) as refused:
        open_ledger(path)
    assert not isinstance(refused.value, CorruptLedgerError)
    assert f"{SAID}: {reason})" in str(refused.value) and "not damaged" in str(refused.value)
    assert GESAGT in in_german(refused.value.text) and "nicht beschädigt" in in_german(
        refused.value.text
    )


def import_is_refused_and_due_reads(
    path: Path, user: str | None = None, home: Path | None = None
) -> None:
    export = str(DATA / "orders_shopify_v2.csv")
    imported = dropdesk(
        "import", "shopify-csv", export, "--ledger", str(path), user=user, home=home
    )
    assert imported.returncode == 1, imported.stdout + imported.stderr
    assert SAID in imported.stderr and "Traceback" not in imported.stderr
    due = dropdesk("due", "--json", "--ledger", str(path), user=user, home=home)
    assert due.returncode == 0, due.stderr
    json.loads(due.stdout)


@pytest.fixture
def read_only_mount(tmp_path: Path) -> Iterator[Path]:
    point = tmp_path / "ro"
    point.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(point)], capture_output=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_ledger_on_a_read_only_mount(tmp_path: Path, read_only_mount: Path) -> None:
    path = read_only_mount / "ledger.sqlite"
    shutil.copyfile(a_ledger_with_orders(tmp_path / "ledger.sqlite"), path)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    refused_as_read_only(path, "read-only file system")
    reader = open_ledger(path, for_reading=True)
    assert reader.reader.execute("SELECT count(*) FROM customer_order").fetchone()[0] == 4
    with reader.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM customer_order").scalar() == 4
    reader.close()
    import_is_refused_and_due_reads(path)


def test_an_immutable_ledger(tmp_path: Path) -> None:
    path = a_ledger_with_orders(tmp_path / "ledger.sqlite")
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not supported here")
    try:
        refused_as_read_only(path, "no permission to change it")
        import_is_refused_and_due_reads(path)
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def test_a_ledger_of_another_user(tmp_path: Path) -> None:
    """Owned by root, mode 0644, in a folder the user `nobody` may write: as nobody, the
    file cannot be written (root ignores permissions, so this runs in a process as nobody)."""
    if not shutil.which("setpriv"):
        pytest.skip("setpriv is missing")
    shared = Path(os.environ.get("TMPDIR", "/tmp")) / f"dropdesk-ro-{os.getpid()}"
    shared.mkdir(mode=0o777)
    try:
        shared.chmod(0o777)
        home = shared / "home"
        home.mkdir()
        os.chown(home, 65534, 65534)
        path = a_ledger_with_orders(shared / "ledger.sqlite")
        path.chmod(0o644)
        for name in ("ledger.sqlite-wal", "ledger.sqlite-shm"):
            shared.joinpath(name).unlink(missing_ok=True)
        import_is_refused_and_due_reads(path, user="65534", home=home)
        refused = dropdesk(
            "import",
            "shopify-csv",
            str(DATA / "orders_shopify_v2.csv"),
            "--ledger",
            str(path),
            user="65534",
            home=home,
        )
        assert f"{SAID}: no permission to change it)" in refused.stderr
    finally:
        shutil.rmtree(shared, ignore_errors=True)
