"""A ledger's state as one hash, to tell "the state before or after a transaction" from "half".

Every table's rows (and the schema, triggers included: an import drops and recreates one inside
its transaction) go into the hash, except columns that hold the wall clock at the moment of
writing and so differ between two runs of the same work. The search index is hashed through
its virtual table, so an index out of step with its orders shows as a different state.

A target is a ledger file (a Path) or a PostgreSQL ledger (its postgresql:// address, a str):
there the hash is of a row-level canonical dump of every table (rows sorted, so the physical
order a rewrite leaves does not count), and `content_fingerprint` leaves out the ids sequences
hand out: PostgreSQL never gives back the numbers a killed transaction drew, so a rerun stores
the same rows under other ids (references to them are replaced by the row they point at).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from core.ledger.server_address import is_server_address

Target = Path | str  # a ledger file, or a PostgreSQL ledger's postgresql:// address

# Columns written from the wall clock (datetime.now), not from the data being stored.
VOLATILE = {
    "event": {"at"},
    "shop": {"last_sync_at"},
    "supplier_order": {"updated_at"},
}
_SHADOW_PREFIX = "supplier_order_search_"  # FTS5's own tables: hashed via the virtual table


def fingerprint(path: Target, *, skip: frozenset[str] = frozenset()) -> str:
    """A hash of everything the ledger at `path` holds (tables in `skip` left out).

    Opens the file read-write, as Dropdesk would, so committed pages still in the WAL count.
    """
    if is_server_address(path):
        return _server_hash(str(path), skip, ids=True)
    assert isinstance(path, Path)
    digest = hashlib.sha256()
    with sqlite3.connect(path) as db:
        schema = db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
        digest.update(repr(schema).encode())
        tables = [
            name
            for kind, name, _sql in schema
            if kind == "table" and not name.startswith(_SHADOW_PREFIX) and name not in skip
        ]
        for table in tables:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            kept = [c for c in columns if c not in VOLATILE.get(table, set())]
            select = ", ".join(f'"{c}"' for c in kept) or "rowid"
            digest.update(f"\x00{table}\x00".encode())
            for row in db.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
    return digest.hexdigest()[:16]


def content_fingerprint(target: Target, *, skip: frozenset[str] = frozenset()) -> str:
    """What a rerun after a kill must reproduce: `fingerprint` on a file (SQLite reuses the
    ids a rolled-back transaction took); on a server, the rows without sequence-given ids."""
    if is_server_address(target):
        return _server_hash(str(target), skip, ids=False)
    assert isinstance(target, Path)
    return fingerprint(target, skip=skip)


def content_difference(target: Target, clean: Target, *, skip: frozenset[str] = frozenset()) -> str:
    """For a failed comparison of two server ledgers: the first rows that differ, per table."""
    if not (is_server_address(target) and is_server_address(clean)):
        return ""
    found = _server_dump(str(target), skip, ids=False)
    wanted = _server_dump(str(clean), skip, ids=False)
    lines = []
    for table in sorted(set(found) | set(wanted)):
        extra = sorted(set(found.get(table, [])) - set(wanted.get(table, [])))
        missing = sorted(set(wanted.get(table, [])) - set(found.get(table, [])))
        if extra or missing:
            lines.append(
                f"{table}: {len(extra)} extra {extra[:1]}, {len(missing)} missing {missing[:1]}"
            )
    return "; ".join(lines)


def search_index_problems(path: Target) -> str | None:
    """FTS5's own check of the search index against its content (on a server: the trigram
    table against what its triggers would write); None when it is sound."""
    if is_server_address(path):
        return _server_search_problems(str(path))
    assert isinstance(path, Path)
    with sqlite3.connect(path) as db:
        try:
            db.execute(
                "INSERT INTO supplier_order_search(supplier_order_search) VALUES('integrity-check')"
            )
        except sqlite3.DatabaseError as error:
            return str(error)
    return None


def row_count(path: Target, table: str) -> int:
    if is_server_address(path):
        with _connect(str(path)) as db:
            return int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    with sqlite3.connect(path) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def table_texts(url: str) -> dict[str, bytes]:
    """Every column of every table of a server ledger, cast to text: one blob per table, to
    search for what must never be stored (secrets)."""
    found: dict[str, bytes] = {}
    with _connect(url) as db:
        columns: dict[str, list[str]] = {}
        for table, column in db.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
        ):
            columns.setdefault(table, []).append(column)
        for table, names in columns.items():
            select = ", ".join(f'"{c}"::text' for c in names)
            rows = db.execute(f'SELECT {select} FROM "{table}"').fetchall()
            found[table] = "\x00".join(v for row in rows for v in row if v is not None).encode()
    return found


def _connect(url: str) -> Any:
    import psycopg

    return psycopg.connect(url)


def _search_queries() -> tuple[str, str]:
    """What the search table should hold and what it holds, as two SELECTs, taken from the one
    statement that says how a supplier order is indexed (core.ledger.search_index)."""
    from core.ledger.search_index import _INDEX_NEW_ROWS

    found = re.search(
        r"supplier_order_search\(([^)]*)\)\s*(SELECT .*?)\s+WHERE", _INDEX_NEW_ROWS, re.S
    )
    assert found is not None, "core.ledger.search_index changed: update this check"
    return found[2], f"SELECT {found[1]} FROM supplier_order_search"


def _server_search_problems(url: str) -> str | None:
    expected, held = _search_queries()
    with _connect(url) as db:
        missing = db.execute(f"{expected} EXCEPT ALL {held}").fetchall()
        extra = db.execute(f"{held} EXCEPT ALL {expected}").fetchall()
    if missing or extra:
        return (
            f"search rows missing {missing[:3]} ({len(missing)}), extra {extra[:3]} ({len(extra)})"
        )
    return None


# Columns holding another table's id without a foreign key.
_IMPLICIT = {("supplier_order_search", "rowid"): "supplier_order"}


def _server_hash(url: str, skip: frozenset[str], *, ids: bool) -> str:
    digest = hashlib.sha256()
    for table, rows in sorted(_server_dump(url, skip, ids=ids).items()):
        digest.update(f"\x00{table}\x00".encode())
        for row in rows:
            digest.update(row.encode())
    return digest.hexdigest()[:16]


def _server_dump(url: str, skip: frozenset[str], *, ids: bool) -> dict[str, list[str]]:
    """Every table's rows as sorted reprs (with `ids=False`: sequence-given ids left out and
    references to them replaced by the referenced row), plus the schema, triggers included."""
    with _connect(url) as db:
        columns: dict[str, list[tuple[str, bool]]] = {}  # table -> (column, from a sequence)
        for table, column, default, identity in db.execute(
            "SELECT table_name, column_name, column_default, is_identity "
            "FROM information_schema.columns WHERE table_schema = 'public' "
            "ORDER BY table_name, ordinal_position"
        ):
            drawn = identity == "YES" or str(default or "").startswith("nextval(")
            columns.setdefault(table, []).append((column, drawn))
        references = {
            (table, column): target
            for table, column, target in db.execute(
                "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text "
                "FROM pg_constraint c JOIN pg_attribute a "
                "ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
                "WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace"
            )
        }
        schema = db.execute(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal UNION ALL "
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "ORDER BY 1, 2"
        ).fetchall()
        raw: dict[str, list[dict[str, Any]]] = {}
        for table, cols in columns.items():
            if table in skip:
                continue
            names = [c for c, _ in cols]
            select = ", ".join(f'"{c}"' for c in names)
            raw[table] = [
                dict(zip(names, row, strict=True))
                for row in db.execute(f'SELECT {select} FROM "{table}"')
            ]
    dump = {"": [repr(columns), repr(schema)]}

    def render(table: str, row: dict[str, Any]) -> str:
        kept = []
        for column, drawn in columns[table]:
            if column in VOLATILE.get(table, set()):
                continue
            value = row[column]
            target = references.get((table, column)) or _IMPLICIT.get((table, column))
            if (table, column) == ("event", "entity_id") and value in by_id.get(row["entity"], {}):
                target = row["entity"]  # the journal names its subject by table and id
            if not ids and target is not None and value is not None:
                value = render(target, by_id[target][value])
            elif not ids and drawn:
                continue
            elif not ids and (table, column) == ("event", "payload"):
                value = named_in(value)
            kept.append((column, value))
        return repr(kept)

    def named_in(payload: str) -> object:
        """A journal payload with `<table>_id(s)` keys naming the rows, not their ids."""
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            return payload
        if not isinstance(data, dict):
            return payload
        for key, value in data.items():
            table = key.removesuffix("_ids").removesuffix("_id")
            if table in by_id and key != table:
                many = value if isinstance(value, list) else [value]
                named = [render(table, by_id[table][v]) if v in by_id[table] else v for v in many]
                data[key] = sorted(named) if isinstance(value, list) else named[0]
        return json.dumps(data, sort_keys=True)

    by_id = {t: {r["id"]: r for r in rows if "id" in r} for t, rows in raw.items()}
    for table, rows in raw.items():
        dump[table] = sorted(render(table, row) for row in rows)
    return dump
