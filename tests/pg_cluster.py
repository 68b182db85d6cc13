"""A throwaway PostgreSQL cluster for the tests: `initdb` into a temporary folder, `pg_ctl start`
on a free loopback port (and a private Unix socket folder), stopped and removed at the end.

Debian's `postgresql` package puts the binaries under /usr/lib/postgresql/<version>/bin; they
are found there or on PATH (`DROPDESK_PG_BIN` names the folder explicitly). PostgreSQL refuses
to run as root, so under root the cluster runs as the `postgres` user (made by the package).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from typing import Any

#: The superuser of the throwaway cluster (trust over its Unix socket only).
SUPERUSER = "dropdesk_test"


def find_bin() -> Path | None:
    """The folder with initdb and pg_ctl, or None when PostgreSQL is not installed."""
    named = os.environ.get("DROPDESK_PG_BIN")
    if named:
        return Path(named) if (Path(named) / "initdb").exists() else None
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Cluster:
    """A running cluster; `dsn(database)` for the superuser, `create_database()` for a fresh one."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        # Under root the cluster runs as `postgres`, which must reach its folder: not below a
        # private temp dir (pytest's, or a TMPDIR inside one), so then in /tmp itself.
        base = "/tmp" if os.geteuid() == 0 and Path("/tmp").is_dir() else None
        self.root = Path(tempfile.mkdtemp(prefix="dropdesk-pg-", dir=base))
        self.data = self.root / "data"
        self.sockets = self.root / "sockets"
        self.port = _free_port()
        self._user: str | None = None
        self._count = 0
        if os.geteuid() == 0:
            self._user = "postgres"
            pwd.getpwnam(self._user)  # KeyError: the package's user is missing

    def _run(self, *args: str, timeout: float = 120) -> None:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self._user is not None:
            command = ["runuser", "-u", self._user, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0:
            raise RuntimeError(f"{args[0]} failed: {result.stdout}\n{result.stderr}")

    def start(self) -> Cluster:
        self.sockets.mkdir()
        if self._user is not None:
            entry = pwd.getpwnam(self._user)
            os.chmod(self.root, 0o755)
            for folder in (self.sockets,):
                os.chown(folder, entry.pw_uid, entry.pw_gid)
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories={self.sockets} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c shared_buffers=64MB"
        )
        self._run(
            "pg_ctl", "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
            "-w", "start",
        )  # fmt: skip
        return self

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)

    def connect_admin(self, database: str = "postgres") -> Any:
        import psycopg

        return psycopg.connect(
            host=str(self.sockets), port=self.port, user=SUPERUSER, dbname=database,
            autocommit=True,
        )  # fmt: skip

    def create_database(self, prefix: str = "ledger", *, owner: str = SUPERUSER) -> str:
        """A new empty database (its name)."""
        self._count += 1
        name = f"{prefix}_{os.getpid()}_{self._count}"
        with self.connect_admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        return name

    def create_role(self, name: str, password: str) -> None:
        with self.connect_admin() as admin:
            admin.execute(
                f"CREATE ROLE \"{name}\" LOGIN PASSWORD '{password}' CREATEDB"  # test values
            )

    def local_url(self, database: str) -> str:
        """A postgresql:// URL for the superuser over the Unix socket (no password)."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.sockets}&port={self.port}"

    def tcp_url(self, user: str, database: str) -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"
