"""A server ledger's backups are the server's: the advice, with its pg_dump line, is given
once per ledger (every instance shares the ledger's memory of it), never daily."""

from __future__ import annotations

import shlex

import pytest

from core.ledger import open_ledger
from core.ledger.server import ServerLedger
from core.ledger.server_address import parse
from core.ledger.server_backup import advice_once, dump_command
from tests.catalogue import in_english, in_german

pytestmark = pytest.mark.postgresql


def test_the_advice_is_given_once_with_the_dump_command(pg_ledger_url: str) -> None:
    first, second = open_ledger(pg_ledger_url), open_ledger(pg_ledger_url)  # two instances
    try:
        assert isinstance(first, ServerLedger) and isinstance(second, ServerLedger)
        told = advice_once(first)
        assert told is not None
        address = parse(pg_ledger_url)
        command = dump_command(address.url, address.database)
        assert command in in_english(told) and command in in_german(told)
        assert "server's job" in in_english(told) and "Sache des Servers" in in_german(told)
        words = shlex.split(command)  # one argument each, whatever the address holds
        assert words[:4] == ["pg_dump", "-Fc", "-d", address.url]
        assert words[4:] == ["-f", f"{address.database}.dump"]
        assert advice_once(first) is None  # the next day, and every day after
        assert advice_once(second) is None  # the other instance: already said
    finally:
        first.close()
        second.close()
