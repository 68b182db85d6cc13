"""The EU right of withdrawal: a withdrawal recorded with its time, and its refund deadline."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from core import notices, withdrawal
from core.ledger import Ledger, journal
from core.ledger.models import CustomerOrder, SupplierOrder
from core.withdrawal import WithdrawalError, refund_deadline
from tests.catalogue import in_english, in_german

BERLIN = "Europe/Berlin"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


# Source: Directive 2011/83/EU, Art. 13(1) (https://www.ecommercekit.it/clausole/index.php?
# lang=EN&lnum=0083&lyear=2011, and wordscope.be's quotation of it): the trader reimburses
# "without undue delay, and in any event not later than 14 days from the day on which he is
# informed of the consumer's decision to withdraw". Counting per Regulation 1182/71 Art. 3(1):
# the day of the event does not count; the period ends at the end of its last day.
def test_the_refund_is_due_fourteen_days_after_the_day_it_arrived() -> None:
    received = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)  # 10:30 in Berlin
    due = refund_deadline(received, BERLIN)
    assert due == datetime(2026, 3, 16, 23, 0, tzinfo=UTC)  # 17 March 00:00 in Berlin
    late_evening = datetime(2026, 3, 2, 22, 59, tzinfo=UTC)  # 23:59 in Berlin, same day
    assert refund_deadline(late_evening, BERLIN) == due


def test_the_deadline_counts_in_the_merchants_zone_across_a_clock_change() -> None:
    # Berlin moves to summer time on 29 March 2026: the day still ends at local midnight.
    received = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    assert refund_deadline(received, BERLIN) == datetime(2026, 4, 3, 22, 0, tzinfo=UTC)


def test_a_deadline_on_a_weekend_is_not_moved_later() -> None:
    # Regulation 1182/71 Art. 3(4) would carry a weekend end to Monday; Dropdesk never shows a
    # later deadline than the law's, so the Sunday stays.
    received = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # a Sunday; + 14 days is a Sunday
    assert refund_deadline(received, BERLIN).astimezone().date() >= date(2026, 3, 15)
    assert refund_deadline(received, BERLIN) == datetime(2026, 3, 15, 23, 0, tzinfo=UTC)


# Source: Directive 2011/83/EU, Art. 9(2)(b) (https://legislation.gov.uk/eudr/2011/83/article/9):
# the withdrawal period expires 14 days from the day the consumer acquires physical possession.
def test_the_withdrawal_period_runs_fourteen_days_from_delivery() -> None:
    ends = withdrawal.withdrawal_period_ends(date(2026, 3, 2), BERLIN)
    assert ends == datetime(2026, 3, 16, 23, 0, tzinfo=UTC)


def _order(ledger: Ledger, *, shipped: bool = False) -> tuple[int, int]:
    with ledger.session() as session:
        customer = CustomerOrder(
            name="#3001",
            customer_name="Jana Weber",
            email="jana@example.com",
            total_minor=4_990,
            currency="EUR",
            created_at=NOW - timedelta(days=3),
        )
        session.add(customer)
        session.flush()
        supplier_order = SupplierOrder(
            external_order_id="8300000000000001",
            customer_order_id=customer.id,
            order_status="WAIT_BUYER_ACCEPT_GOODS" if shipped else "WAIT_SELLER_SEND_GOODS",
            shipped_at=NOW - timedelta(days=1) if shipped else None,
        )
        session.add(supplier_order)
        session.flush()
        assert customer.id is not None and supplier_order.id is not None
        return customer.id, supplier_order.id


# Source: Directive 2011/83/EU, Art. 11(3): the trader communicates "an acknowledgement of
# receipt of such a withdrawal on a durable medium without delay". The acknowledgement text is
# kept with the withdrawal in the journal, with the time it arrived.
def test_a_withdrawal_is_recorded_with_its_time_and_acknowledgement(ledger: Ledger) -> None:
    customer_id, supplier_order_id = _order(ledger)
    received = NOW - timedelta(hours=2)
    with ledger.session() as session:
        facts = notices.facts_for(session, supplier_order_id)
        ack = notices.fill(
            "withdrawal_acknowledged",
            "de",
            notices.NoticeFacts(
                order_name=facts.order_name,
                received_at=received,
                refund_by=refund_deadline(received, BERLIN),
                time_zone=BERLIN,
            ),
        )
        recorded = withdrawal.record_withdrawal(
            session,
            customer_id,
            received,
            via="email",
            statement="Hiermit widerrufe ich.",
            acknowledgement={"language": ack.language, "subject": ack.subject, "body": ack.body},
            now=NOW,
        )
    assert recorded.refund_by == refund_deadline(received, BERLIN)
    with ledger.session() as session:
        [found] = withdrawal.withdrawals(session, customer_id)
        events = journal.timeline(session, "customer_order", customer_id)
        # not shipped yet: the withdrawal is answered by cancelling everywhere
        assert withdrawal.unshipped_supplier_orders(session, customer_id) == [supplier_order_id]
        [entry] = withdrawal.deadlines(session, NOW)
    assert found.received_at == received and found.recorded_at == NOW
    assert found.statement == "Hiermit widerrufe ich." and found.via == "email"
    assert "am 10. März 2026, 11:00 Uhr (CET)" in found.acknowledgement["body"]
    assert "spätestens bis zum 24. März 2026" in found.acknowledgement["body"]
    assert [e.kind for e in events] == ["customer_order.withdrawal_received"]
    assert entry.kind == "withdrawal_refund" and entry.order_name == "#3001"
    assert entry.deadline == found.refund_by and entry.customer_order_id == customer_id
    # Art. 13(3): the merchant may wait for the goods or proof of return; the text says so
    assert "until the goods are back" in in_english(entry.what) and "zurückhalten" in in_german(
        entry.what
    )


def test_a_refunded_withdrawal_leaves_the_deadlines(ledger: Ledger) -> None:
    customer_id, _ = _order(ledger, shipped=True)
    with ledger.session() as session:
        withdrawal.record_withdrawal(session, customer_id, NOW, now=NOW, tz=BERLIN)
        assert withdrawal.unshipped_supplier_orders(session, customer_id) == []
        assert len(withdrawal.deadlines(session, NOW)) == 1
        assert withdrawal.deadlines(session, NOW, within_hours=24) == []
        assert len(withdrawal.deadlines(session, NOW, within_hours=15 * 24)) == 1
        withdrawal.mark_refunded(session, customer_id, at=NOW + timedelta(days=1))
    with ledger.session() as session:
        assert withdrawal.deadlines(session, NOW) == []
        # a second withdrawal after the mark is open again
        withdrawal.record_withdrawal(session, customer_id, NOW + timedelta(days=2),
                                     now=NOW + timedelta(days=2), tz=BERLIN)  # fmt: skip
    with ledger.session() as session:
        assert len(withdrawal.deadlines(session, NOW)) == 1
        order = session.get(CustomerOrder, customer_id)
        assert order is not None
        order.refunded_minor = order.total_minor  # refunded in full in the shop
    with ledger.session() as session:
        assert withdrawal.deadlines(session, NOW) == []


def test_impossible_times_are_refused_in_both_languages(ledger: Ledger) -> None:
    customer_id, _ = _order(ledger)
    with ledger.session() as session:
        with pytest.raises(WithdrawalError) as future:
            withdrawal.record_withdrawal(session, customer_id, NOW + timedelta(days=1), now=NOW)
        with pytest.raises(WithdrawalError) as early:
            withdrawal.record_withdrawal(session, customer_id, NOW - timedelta(days=30), now=NOW)
        with pytest.raises(WithdrawalError) as missing:
            withdrawal.record_withdrawal(session, 999, NOW, now=NOW)
    assert "future" in in_english(future.value.text) and "Zukunft" in in_german(future.value.text)
    assert "before the order" in in_english(early.value.text)
    assert "nicht im Ledger" in in_german(missing.value.text)
    with ledger.session() as session:
        assert withdrawal.withdrawals(session) == []
