"""Creating and upgrading a ledger is all-or-nothing: a real process opening a ledger is killed
(SIGKILL, by itself, as SQLite starts the statement) at every statement of the creation and of
every migration from every older revision, through the version stamp and the COMMIT. After
each kill, before anything repairs it, the file holds the old schema or the new one, never a
part; then it opens (upgraded), never refused, with every order it held.

Generic over core.ledger.migrate.revisions_in_order(): a new migration is covered by adding it.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from core.ledger import check_integrity, migrate, open_ledger
from core.ledger.header import APPLICATION_ID, SCHEMA_REVISION, read_header, stored_revision
from tests.reliability.crash_checks import open_again
from tests.reliability.crash_harness import TIMEOUT, Child, count_kill
from tests.reliability.ledger_at import ledger_at

STARTS = [None, *migrate.revisions_in_order()[:-1]]  # None: a new ledger


def schema(path: Path) -> list[tuple[str, str, str | None]]:
    """Every object with its SQL: a migration may rename a column and keep every name."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as probe:
        return probe.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite%' ORDER BY 1, 2"
        ).fetchall()


def application_id(path: Path) -> int:
    """As SQLite sees it (the header in the file may lag behind the WAL)."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as probe:
        return int(probe.execute("PRAGMA application_id").fetchone()[0])


def order_names(path: Path) -> list[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as probe:
        return [name for (name,) in probe.execute("SELECT name FROM customer_order ORDER BY id")]


def statements_of_a_clean_open(path: Path, out: Path) -> int:
    (said,) = [
        line
        for line in Child("open", out, {"ledger": str(path)}).finish()
        if line.startswith("STATEMENTS ")
    ]
    return int(said.split()[1])


@pytest.mark.parametrize("start", STARTS, ids=lambda r: f"from-{r or 'nothing'}")
def test_a_kill_at_any_statement_leaves_the_old_or_the_new_schema(
    start: str | None, tmp_path: Path
) -> None:
    template = tmp_path / "template.sqlite"
    names = ledger_at(template, start, orders=3) if start else []
    old_schema = schema(template) if start else []
    reference = tmp_path / "reference.sqlite"
    if start:
        shutil.copyfile(template, reference)
    total = statements_of_a_clean_open(reference, tmp_path / "reference.out")
    new_schema = schema(reference)
    assert total > 10 and new_schema != old_schema
    for n in range(1, total + 1):
        trial = tmp_path / f"trial-{n}.sqlite"
        if start:
            shutil.copyfile(template, trial)
        child = Child("open", tmp_path / f"trial-{n}.out", {"ledger": str(trial), "kill_at": n})
        child.process.join(TIMEOUT)
        assert child.process.exitcode == -signal.SIGKILL, (n, child.lines())
        # As the kill left it: the old schema and stamp, or the new ones, nothing between.
        left = stored_revision(trial) if trial.exists() and trial.stat().st_size else None
        assert left in (start, SCHEMA_REVISION), (n, left)
        if trial.exists():
            assert schema(trial) == (old_schema if left == start else new_schema), n
        ledger = open_again(trial)  # never refused
        ledger.close()
        assert stored_revision(trial) == SCHEMA_REVISION
        assert application_id(trial) == APPLICATION_ID
        assert schema(trial) == new_schema
        assert order_names(trial) == names
        assert check_integrity(trial, quick=False) == []
        count_kill(f"open from {start or 'nothing'}", "old" if left == start else "new")
        for leftover in tmp_path.glob(f"trial-{n}.sqlite*"):
            leftover.unlink()


#: Revisions released while upgrades committed statement by statement: a ledger may be stuck
#: part-way through them. Later ones only ever run in one transaction.
RELEASED_BEFORE_ATOMIC_UPGRADES = ["0002"]


@pytest.mark.parametrize("revision", RELEASED_BEFORE_ATOMIC_UPGRADES)
def test_a_ledger_an_older_dropdesk_left_part_way_through_an_upgrade_opens(
    revision: str, tmp_path: Path
) -> None:
    """Killed at each statement of the old, statement-by-statement upgrade to `revision`: the
    ledger opens and is upgraded (it used to fail for ever with "index ... already exists")."""
    order = migrate.revisions_in_order()
    start = order[order.index(revision) - 1]
    template = tmp_path / "template.sqlite"
    names = ledger_at(template, start, orders=3)
    reference = tmp_path / "reference.sqlite"
    shutil.copyfile(template, reference)
    (said,) = [
        line
        for line in Child(
            "open", tmp_path / "ref.out", {"ledger": str(reference), "legacy": True}
        ).finish()
        if line.startswith("STATEMENTS ")
    ]
    stuck = 0
    for n in range(1, int(said.split()[1]) + 1):
        trial = tmp_path / f"legacy-{n}.sqlite"
        shutil.copyfile(template, trial)
        params = {"ledger": str(trial), "kill_at": n, "legacy": True}
        child = Child("open", tmp_path / f"legacy-{n}.out", params)
        child.process.join(TIMEOUT)
        assert child.process.exitcode == -signal.SIGKILL, (n, child.lines())
        left_part_way = stored_revision(trial) == start and schema(trial) != schema(template)
        stuck += left_part_way
        open_again(trial).close()
        assert stored_revision(trial) == SCHEMA_REVISION
        assert order_names(trial) == names
        assert check_integrity(trial, quick=False) == []
    assert stuck  # the old way did leave ledgers part-way: these trials met such states


def test_a_half_made_ledger_of_an_older_dropdesk_is_finished(tmp_path: Path) -> None:
    """Older versions committed each CREATE on its own: a kill while making a new ledger left
    some empty tables, no version stamp and no application id. That holds nothing: finished."""
    path = tmp_path / "ledger.sqlite"
    reference = tmp_path / "reference.sqlite"
    open_ledger(reference).close()
    with closing(sqlite3.connect(reference)) as made:
        creates = [
            sql
            for (sql,) in made.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' "
                "AND name NOT LIKE 'supplier_order_search%' ORDER BY rowid"
            )
        ]
    with closing(sqlite3.connect(path, isolation_level=None)) as half:
        half.execute("PRAGMA journal_mode = WAL")
        for sql in creates[: len(creates) // 2]:
            half.execute(sql)
    assert read_header(path) == (True, 0)
    ledger = open_ledger(path)
    ledger.close()
    assert stored_revision(path) == SCHEMA_REVISION
    assert read_header(path) == (True, APPLICATION_ID)
    assert schema(path) == schema(reference)


def test_a_file_with_data_in_tables_of_our_names_is_still_refused(tmp_path: Path) -> None:
    """Only an empty half-made ledger is finished: data without our stamp is not ours."""
    from core.ledger import NotALedgerError

    path = tmp_path / "other.sqlite"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE setting (key VARCHAR PRIMARY KEY, value VARCHAR)")
        other.execute("INSERT INTO setting VALUES ('theme', 'dark')")
        other.commit()
    before = path.read_bytes()
    with pytest.raises(NotALedgerError, match="another program"):
        open_ledger(path)
    assert path.read_bytes() == before
