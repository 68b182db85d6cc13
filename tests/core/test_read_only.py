"""Read-only connections: they read a WAL ledger in a folder the reader may not write to (no
-wal or -shm can be made there) and never write."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.ledger import Ledger
from core.ledger.models import CustomerOrder

READ_ONLY = Path(__file__).resolve().parents[2] / "core" / "ledger" / "read_only.py"
SYSTEM_PYTHON = Path("/usr/bin/python3")
AS_USER_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")

# Run as `nobody` with the system Python (the project's virtualenv may be private to its
# owner): read_only.py needs only the standard library to connect.
AS_NOBODY = """
import importlib.util, sqlite3, sys
from pathlib import Path
spec = importlib.util.spec_from_file_location("read_only", sys.argv[1])
read_only = importlib.util.module_from_spec(spec)
spec.loader.exec_module(read_only)
connection = read_only.connect(Path(sys.argv[2]))
print(connection.execute("SELECT count(*) FROM customer_order").fetchone()[0])
try:
    connection.execute("DELETE FROM customer_order")
except sqlite3.Error as error:
    print("refused:", error)
"""


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder outside the private temp tree that `nobody` may enter but not write to."""
    folder = Path(tempfile.mkdtemp(dir="/tmp", prefix="dropdesk-ro-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() != 0 or not shutil.which("setpriv"),
    reason="needs root and setpriv to read as another user",
)
@pytest.mark.skipif(not SYSTEM_PYTHON.exists(), reason="needs /usr/bin/python3")
def test_reads_a_ledger_in_a_folder_it_cannot_write(ledger: Ledger, shared_folder: Path) -> None:
    with ledger.session() as session:
        session.add(CustomerOrder(name="#1"))
    ledger.close()
    path = shared_folder / "shop [de].sqlite"
    shutil.copyfile(ledger.path, path)
    path.chmod(0o644)
    before = path.read_bytes()
    done = subprocess.run(
        [*AS_USER_NOBODY, str(SYSTEM_PYTHON), "-c", AS_NOBODY, str(READ_ONLY), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": os.environ.get("PATH", ""), "HOME": "/tmp"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "1" and lines[1].startswith("refused:")
    assert sorted(p.name for p in shared_folder.iterdir()) == [path.name]  # no -wal, no -shm
    assert path.read_bytes() == before
