"""psycopg 3 connections that take the ledger's SQL as written for SQLite's driver.

Dropdesk's raw SQL (the window's first-frame reads, bulk imports with `executemany`) uses the
`?` placeholders of Python's sqlite3. Rather than spelling every statement twice, the cursors
of a PostgreSQL ledger translate them: `?` outside quotes becomes `%s` and a literal `%`
becomes `%%` (psycopg's pyformat). The SQLAlchemy engine of a PostgreSQL ledger renders its own
statements with `?` too (paramstyle "qmark"), so one translation serves every statement.
Statements without parameters are passed on untouched (psycopg does not parse them).

What differs beyond placeholders (the search index, SQLite's pragmas) has PostgreSQL
variants in the modules that own those statements; see core.ledger.dialect.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import psycopg

# Quoted strings, quoted identifiers, dollar-quoted bodies and comments are copied as they
# are (their `%` doubled); a bare `?`, or SQLite's numbered `?NNN`, is a placeholder.
_TOKENS = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"]|"")*"|(\$[A-Za-z_]*\$).*?\1|--[^\n]*|/\*.*?\*/|\?(\d*)|%""",
    re.DOTALL,
)


@lru_cache(maxsize=512)
def translate(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """(psycopg's SQL, the order of numbered parameters or None when all are plain `?`)."""
    numbers: list[int] = []

    def replace(match: re.Match[str]) -> str:
        text = match.group(0)
        if text == "%":
            return "%%"
        if text.startswith("?"):
            if match.group(2):
                numbers.append(int(match.group(2)))
            return "%s"
        return text.replace("%", "%%")

    translated = _TOKENS.sub(replace, sql)
    return translated, (tuple(numbers) if numbers else None)


def _arrange(params: Any, order: tuple[int, ...] | None) -> Any:
    if order is None or isinstance(params, dict):
        return params
    return [params[number - 1] for number in order]


class QmarkCursor(psycopg.Cursor[Any]):
    """A psycopg cursor that accepts sqlite3-style `?` placeholders."""

    def execute(self, query: Any, params: Any = None, **kwargs: Any) -> QmarkCursor:
        if params is None or not isinstance(query, str):
            super().execute(query, params, **kwargs)
            return self
        sql, order = translate(query)
        super().execute(sql, _arrange(params, order), **kwargs)
        return self

    def executemany(self, query: Any, params_seq: Iterable[Any], **kwargs: Any) -> None:
        if not isinstance(query, str):
            super().executemany(query, params_seq, **kwargs)
            return
        sql, order = translate(query)
        rows: Iterable[Any] = params_seq
        if order is not None:
            rows = (_arrange(p, order) for p in params_seq)
        super().executemany(sql, rows, **kwargs)


def connect(
    settings: dict[str, Any], password: str | None, *, read_only: bool = False
) -> psycopg.Connection[Any]:
    """A connection to the ledger's database. `read_only`: the window's reader (autocommit,
    every transaction read-only)."""
    extra: dict[str, Any] = {}
    if password is not None:
        extra["password"] = password
    connection: psycopg.Connection[Any] = psycopg.connect(
        **settings, **extra, cursor_factory=QmarkCursor, autocommit=read_only
    )
    # No JIT: the review's correlated sums look costly to the planner, which then spends about
    # a second compiling queries that run in milliseconds (its summary on 20,000 orders took
    # 6 s instead of 0.25 s); Dropdesk's queries are short.
    connection.execute("SET jit = off")
    if read_only:
        connection.execute("SET default_transaction_read_only = on")
        connection.execute("SET statement_timeout = '60s'")
    else:
        connection.commit()
    return connection


def rows(cursor: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """All rows of `sql` through a cursor of either engine."""
    return list(cursor.execute(sql, params).fetchall())
