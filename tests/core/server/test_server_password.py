"""A server ledger's address and password: the password lives in the OS keyring, never in the
address, a log, a message or the ledger; the command line stores it after checking it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.ledger import LedgerError, open_ledger
from core.ledger.server_address import is_server_address, parse
from core.ledger.server_password import open_server, remember
from core.secrets import SecretKey, SecretStore
from tests.catalogue import in_german
from tests.pg_support import PASSWORD


def test_an_address_is_parsed_and_shown_without_secrets() -> None:
    address = parse("postgresql://alice@db.example.com:5433/shop?sslmode=require")
    assert (address.user, address.host, address.port, address.database) == (
        "alice",
        "db.example.com",
        5433,
        "shop",
    )
    assert address.url == "postgresql://alice@db.example.com:5433/shop?sslmode=require"
    assert address.key == "alice@db.example.com:5433/shop"
    assert address.connect_kwargs()["sslmode"] == "require"
    assert parse("postgres://bob@h/db").port == 5432
    assert is_server_address("postgresql://bob@h/db")
    assert not is_server_address(Path("postgresql:/bob@h/db"))
    assert not is_server_address("ledger.sqlite")


def test_a_password_in_the_address_is_refused_and_not_repeated() -> None:
    with pytest.raises(LedgerError, match="does not belong in the address") as caught:
        parse(f"postgresql://alice:{PASSWORD}@db.example.com/shop")
    assert PASSWORD not in str(caught.value)
    assert PASSWORD not in in_german(caught.value.text)
    assert PASSWORD not in str(caught.value.path)
    assert "Schlüsselbund" in in_german(caught.value.text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("postgresql://db.example.com/shop", "database user"),
        ("postgresql://alice@db.example.com/", "name the database"),
        ("postgresql://alice@db.example.com:port/shop", "port"),
        ("postgresql://alice@db.example.com/shop?password=x", "unknown option"),
        ("postgresql://alice@/shop", "name the server"),
    ],
)
def test_bad_addresses_say_what_is_wrong(text: str, said: str) -> None:
    with pytest.raises(LedgerError, match=said):
        parse(text)


@pytest.mark.postgresql
@pytest.mark.keyring
def test_the_password_comes_from_the_keyring(password_role: str, secret_store: SecretStore) -> None:
    with pytest.raises(LedgerError, match="none is stored") as caught:
        open_server(password_role, store=secret_store)
    assert "dropdesk ledger password" in str(caught.value)
    with pytest.raises(LedgerError, match="refused the password"):
        remember(password_role, "wrong-password-1", store=secret_store)
    assert secret_store.get(SecretKey.postgresql_password(parse(password_role).key)) is None
    remember(password_role, PASSWORD, store=secret_store)
    ledger = open_server(password_role, store=secret_store)
    assert ledger.location == password_role
    assert PASSWORD not in repr(ledger.engine.url) and PASSWORD not in ledger.location
    ledger.close()


@pytest.mark.postgresql
@pytest.mark.keyring
def test_cli_stores_the_password_and_commands_use_it_without_leaking(
    password_role: str, secret_service: object, dropdesk_home: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "core.cli"]
    try:
        stored = subprocess.run(
            [*command, "ledger", "password", password_role],
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert stored.returncode == 0, stored.stderr
        due = subprocess.run(
            [*command, "due", "--json", "--ledger", password_role],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert due.returncode == 0, due.stderr
        assert json.loads(due.stdout)["orders"] == []
        bad = subprocess.run(
            [*command, "due", "--ledger", password_role.replace("@", f":{PASSWORD}@")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert bad.returncode == 2 and "does not belong in the address" in bad.stderr
        for output in (stored, due, bad):
            assert PASSWORD not in output.stdout + output.stderr
        for log in dropdesk_home.rglob("*"):
            if log.is_file():
                assert PASSWORD.encode() not in log.read_bytes(), log
    finally:
        SecretStore().delete(SecretKey.postgresql_password(parse(password_role).key))


def test_open_ledger_takes_an_address_and_a_path_alike(tmp_path: Path) -> None:
    with pytest.raises(LedgerError, match="does not belong"):
        open_ledger(f"postgresql://alice:{PASSWORD}@127.0.0.1:1/shop")
    open_ledger(tmp_path / "file.sqlite").close()
