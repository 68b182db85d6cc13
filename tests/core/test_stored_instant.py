"""One conversion of a stored instant (core.ledger.types.from_db): SQLite hands over text,
PostgreSQL a datetime, a journal payload or JSON setting ISO text with its offset; all three
come back as the same aware UTC instant, and a damaged payload value as None."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.ledger import Ledger, journal
from core.ledger.models import SupplierOrder
from core.ledger.types import from_db, stored_instant, to_db

MOMENT = datetime(2026, 10, 25, 1, 30, 15, 250_000, tzinfo=UTC)


def test_every_form_of_an_instant_is_the_same_utc_instant() -> None:
    berlin = MOMENT.astimezone(timezone(timedelta(hours=2)))
    forms = (
        to_db(MOMENT),  # SQLite's column text
        MOMENT.replace(tzinfo=None),  # PostgreSQL's naive UTC datetime
        berlin.isoformat(),  # a payload written with an offset
        MOMENT.isoformat().replace("+00:00", "Z"),  # a setting written the Z way
    )
    for form in forms:
        assert from_db(form) == MOMENT and from_db(form).tzinfo is UTC  # type: ignore[union-attr]
        assert stored_instant(form) == MOMENT
    assert from_db(None) is None
    with pytest.raises(ValueError):
        from_db("yesterday")
    for damaged in ("yesterday", "", None, 17, {"at": "2026"}):
        assert stored_instant(damaged) is None


@pytest.mark.both_engines
def test_raw_reads_of_a_column_and_a_payload_agree_on_both_engines(ledger: Ledger) -> None:
    with ledger.session() as session:
        session.add(SupplierOrder(external_order_id="8100000000000042", paid_at=MOMENT))
        journal.record(session, "noted", "supplier_order", 1, {"ends_at": MOMENT.isoformat()})
    with ledger.engine.connect() as connection:
        paid = connection.exec_driver_sql("SELECT paid_at FROM supplier_order").scalar_one()
        payload = connection.exec_driver_sql(
            "SELECT payload FROM event WHERE kind = 'noted'"
        ).scalar_one()
    assert from_db(paid) == MOMENT
    assert stored_instant(json.loads(payload)["ends_at"]) == MOMENT
