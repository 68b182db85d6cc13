"""Running the ledger's tests on PostgreSQL too.

- `pg_cluster` (session): a throwaway cluster the harness starts itself (tests/pg_cluster.py).
  Without PostgreSQL's binaries the tests that need it skip, saying what to install; under CI
  (CI=true) they fail instead, since packaging/system-deps.sh installs it there.
- `pg_ledger`: a fresh, migrated ledger in a database of its own (copied from a migrated
  template, which is much faster than migrating each time), dropped afterwards.
- The `ledger` fixture (tests/conftest.py) follows `ledger_engine`. Tests in BOTH_ENGINES, or
  marked `both_engines`, run once per engine; a test there that is about SQLite's file itself
  is marked `sqlite_only`.
- `pytest --ledger-engines=sqlite` (or `postgresql`) narrows the runs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg_cluster import Cluster, find_bin

ENGINES = ("sqlite", "postgresql")
#: The password of the role `password_role` makes (for this cluster only).
PASSWORD = "Zz9-corr3ct-h0rse"
#: Folders and files whose tests that use `ledger` run on both engines without a marker of
#: their own (kept here, not in each module, so colleagues' edits there do not collide).
BOTH_ENGINES = (
    "tests/core/test_ledger.py",
    "tests/core/imports/",
    "tests/core/cancel/",
    "tests/core/test_due.py",
    "tests/core/test_deadlines.py",
    "tests/core/test_calendar_days.py",
    "tests/core/test_protection.py",
    "tests/core/test_withdrawal.py",
    "tests/core/test_supplier_orders.py",
    "tests/core/shopify/test_chargebacks.py",
    "tests/core/shopify/test_protected_data.py",
    "tests/core/shopify/test_sync.py",
    "tests/core/test_review.py",
    "tests/core/test_review_money.py",
    "tests/test_review_cli.py",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--ledger-engines",
        default=",".join(ENGINES),
        help="engines the both_engines tests run on (comma-separated: sqlite,postgresql)",
    )


def engine_params(config: pytest.Config) -> list[object]:
    """The engines `--ledger-engines` asks for, as parameters (PostgreSQL's marked)."""
    wanted = [e for e in config.getoption("--ledger-engines").split(",") if e]
    return [
        pytest.param(e, marks=pytest.mark.postgresql) if e == "postgresql" else e
        for e in ENGINES
        if e in wanted
    ]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "ledger_engine" not in metafunc.fixturenames:
        return
    definition = metafunc.definition
    where = Path(str(definition.path)).relative_to(metafunc.config.rootpath).as_posix()
    listed = any(where == p or where.startswith(p) for p in BOTH_ENGINES if p.endswith("/")) or (
        where in BOTH_ENGINES
    )
    if definition.get_closest_marker("sqlite_only") or not (
        listed or definition.get_closest_marker("both_engines")
    ):
        return
    metafunc.parametrize("ledger_engine", engine_params(metafunc.config), indirect=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bin_dir = find_bin()
    if bin_dir is None:
        reason = (
            "PostgreSQL is not installed (Debian/Ubuntu: apt-get install postgresql; "
            "`packaging/system-deps.sh test` does it)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    cluster = Cluster(bin_dir).start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> str:
    """A migrated ledger database to copy (CREATE DATABASE ... TEMPLATE)."""
    from core.ledger.server import open_server_ledger
    from core.ledger.server_address import parse

    name = pg_cluster.create_database("template")
    open_server_ledger(parse(pg_cluster.local_url(name)), None).close()
    return name


@pytest.fixture
def pg_database(pg_cluster: Cluster) -> Iterator[str]:
    """An empty database (its name), dropped afterwards."""
    name = pg_cluster.create_database()
    yield name
    with pg_cluster.connect_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_ledger_url(pg_cluster: Cluster, pg_template: str) -> Iterator[str]:
    """The address of a fresh migrated ledger database, dropped afterwards."""
    pg_cluster._count += 1
    name = f"ledger_{os.getpid()}_{pg_cluster._count}"
    with pg_cluster.connect_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield pg_cluster.local_url(name)
    with pg_cluster.connect_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def ledger_engine(request: pytest.FixtureRequest) -> str:
    """Which engine the `ledger` fixture opens (parametrised for `both_engines` tests)."""
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def password_role(pg_cluster: Cluster) -> Iterator[str]:
    """The address of an empty database owned by a role that must log in with PASSWORD over
    TCP (scram-sha-256), as on a real server."""
    role = f"merchant_{os.getpid()}"
    pg_cluster.create_role(role, PASSWORD)
    database = pg_cluster.create_database("pw", owner=role)
    yield pg_cluster.tcp_url(role, database)
    with pg_cluster.connect_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')
