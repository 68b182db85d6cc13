"""A damaged ledger is refused or detected, never crashes the start, and the latest backup
brings the merchant back.

Fuzzed: a ledger with orders in it, truncated anywhere or with bytes overwritten anywhere (the
header, the schema page, b-tree pages, the middle of records). Opening it either works or
raises LedgerError with a message for the merchant; SQLite's check never raises, it reports;
and the file is never "repaired" behind the merchant's back. Then the way out: the newest
backup is the one offered, restoring makes a new file (the damaged one stays as it was) that
opens with the backed-up orders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.imports import import_shopify_csv
from core.ledger import CorruptLedgerError, LedgerError, check_integrity, open_ledger
from core.ledger.backup import backup, latest_backup
from tests.reliability.fingerprint import row_count
from tests.reliability.fuzzing import DEEP, QUICK, fuzz

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corrupt") / "sound.sqlite"
    ledger = open_ledger(path)
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    ledger.close()
    return path


damage = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0.0, 0.999), st.just(b"")),
    st.tuples(st.just("overwrite"), st.floats(0.0, 0.999), st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("header"), st.integers(0, 99).map(float), st.binary(min_size=1, max_size=8)),
)


def damaged_copy(sound: Path, kind: str, where: float, junk: bytes) -> Path:
    path = sound.with_name(f"damaged-{kind}.sqlite")
    data = bytearray(sound.read_bytes())
    at = int(where) if kind == "header" else int(where * len(data))
    if kind == "truncate":
        del data[at:]
    else:
        data[at : at + len(junk)] = junk
    path.write_bytes(bytes(data))
    for extra in ("-wal", "-shm", ".lock", ".open"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    return path


def opens_or_refuses(path: Path) -> None:
    before = path.read_bytes()
    try:
        ledger = open_ledger(path)
    except LedgerError as error:
        assert path.name in str(error)
        assert path.read_bytes() == before  # refused untouched
        return
    ledger.close()
    problems = check_integrity(path, quick=False)
    assert isinstance(problems, list) and all(isinstance(p, str) for p in problems)


@fuzz(QUICK // 3)  # each example opens a ledger and checks it whole (about 0.5 s)
@given(damage=damage)
def test_damage_is_refused_or_detected_never_a_crash(
    sound: Path, damage: tuple[str, float, bytes]
) -> None:
    opens_or_refuses(damaged_copy(sound, *damage))


@pytest.mark.slow
@fuzz(DEEP // 4)  # each example opens a ledger: about 0.1 s
@given(damage=damage)
def test_deep_damage(sound: Path, damage: tuple[str, float, bytes]) -> None:
    opens_or_refuses(damaged_copy(sound, *damage))


def test_the_latest_backup_brings_the_orders_back(sound: Path, tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite"
    shutil.copyfile(sound, path)
    older = backup(path, label="daily")
    newest = backup(path, label="daily")
    orders = row_count(path, "customer_order")
    assert orders > 0 and older != newest

    data = bytearray(path.read_bytes())
    data[4096 : 4096 + 2048] = b"\xff" * 2048  # the schema's b-tree page scribbled over
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    with pytest.raises(CorruptLedgerError, match="damaged") as refused:
        open_ledger(path)
    assert path.name in str(refused.value) and path.read_bytes() == damaged

    assert latest_backup(path) == newest  # the one the merchant is offered
    from gui.ledger_problem import restore_copy  # "Restore latest backup"

    restored = restore_copy(path)
    assert restored is not None and restored != path
    assert path.read_bytes() == damaged  # the damaged file is left for support
    ledger = open_ledger(restored)
    ledger.close()
    assert check_integrity(restored, quick=False) == []
    assert row_count(restored, "customer_order") == orders
