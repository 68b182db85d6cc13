"""Customer notices: templates in the customer's language, filled from a real order, opened as a
`mailto:` link, recorded in the order's timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from core import notices, outgoing, settings
from core.ledger import Ledger, journal
from core.ledger.models import Cancellation, CustomerOrder, Refund, Shop, SupplierOrder
from core.ledger.types import Reason
from core.notices import NoticeError, NoticeFacts, NoticeKind
from tests.catalogue import in_english, in_german

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _order(ledger: Ledger, **supplier: object) -> tuple[int, int]:
    with ledger.session() as session:
        shop = Shop(domain="lena.myshopify.com", name="Lena's Gadgets")
        session.add(shop)
        session.flush()
        customer = CustomerOrder(
            shop_id=shop.id,
            name="#4001",
            customer_name="Jana Weber",
            email="jana+shop@example.com",
            total_minor=123_456,
            currency="EUR",
        )
        session.add(customer)
        session.flush()
        values = {"order_status": "WAIT_SELLER_SEND_GOODS", **supplier}
        order = SupplierOrder(
            external_order_id="8400000000000001", customer_order_id=customer.id, **values
        )  # type: ignore[arg-type]
        session.add(order)
        session.flush()
        assert customer.id is not None and order.id is not None
        return customer.id, order.id


@pytest.mark.parametrize("kind", list(NoticeKind))
def test_every_template_fills_in_english_and_german(ledger: Ledger, kind: NoticeKind) -> None:
    _, supplier_order_id = _order(ledger, tracking_number="LP00123", carrier="Cainiao")
    with ledger.session() as session:
        facts = notices.facts_for(session, supplier_order_id)
    facts = NoticeFacts(
        **{
            **facts.__dict__,
            "new_estimate": date(2026, 3, 28),
            "received_at": NOW,
            "refund_by": datetime(2026, 3, 24, 23, 0, tzinfo=UTC),
            "refund_minor": 123_456,
            "cancel_reason": Reason.CHANGED_MIND if kind != NoticeKind.DELAY else None,
            "tracking_number": "" if kind == NoticeKind.DELAY else facts.tracking_number,
        }
    )
    english = notices.fill(kind, "en", facts)
    german = notices.fill(kind, "de", facts)
    for notice in (english, german):
        assert "#4001" in notice.subject and "#4001" in notice.body
        assert "{" not in notice.body and "}" not in notice.body
        assert notice.body.rstrip().endswith("Lena's Gadgets")
        assert notice.to == "jana+shop@example.com"
    assert english.body.startswith("Hello Jana Weber,") and english.language == "en"
    assert german.body.startswith("Guten Tag Jana Weber,") and german.language == "de"
    assert english.body != german.body


def test_facts_are_written_the_customers_way(ledger: Ledger) -> None:
    _, supplier_order_id = _order(ledger, tracking_number="LP00123", carrier="Cainiao")
    with ledger.session() as session:
        facts = notices.facts_for(session, supplier_order_id)
    late = NoticeFacts(
        **{**facts.__dict__, "new_estimate": date(2026, 3, 28), "tracking_number": ""}
    )
    assert "by 28 March 2026" in notices.fill("delay", "en", late).body
    assert "bis zum 28. März 2026" in notices.fill("delay", "de", late).body
    facts = NoticeFacts(**{**facts.__dict__, "refund_minor": 123_456})
    assert "EUR 1234.56" in notices.fill("refund_sent", "en", facts).body
    assert "1234,56 EUR" in notices.fill("refund_sent", "de", facts).body
    tracking = notices.fill("tracking", "de", facts).body
    assert "Sendungsnummer LP00123 (Cainiao)" in tracking


def test_an_unknown_language_falls_back_to_english() -> None:
    facts = NoticeFacts(order_name="#1", total_minor=500, refund_minor=500)
    assert notices.fill("refund_sent", "fr", facts).language == "en"
    assert notices.fill("refund_sent", "de-AT", facts).language == "de"
    assert outgoing.language(None).code == "en"


def test_a_notice_missing_its_facts_says_which_in_both_languages() -> None:
    with pytest.raises(NoticeError) as delay:
        notices.fill("delay", "en", NoticeFacts(order_name="#1"))
    assert "new delivery date" in in_english(delay.value.text)
    assert "Liefertermin" in in_german(delay.value.text)
    with pytest.raises(NoticeError) as tracking:
        notices.fill("tracking", "de", NoticeFacts(order_name="#1"))
    assert "tracking number" in in_english(tracking.value.text)


def test_the_mailto_link_carries_the_whole_message() -> None:
    notice = notices.fill(
        "refund_sent",
        "de",
        NoticeFacts(
            order_name="#1 & Co?",
            customer_name="Jörg",
            email="a+b@example.com",
            total_minor=1_000,
            refund_minor=1_000,
            shop_name="Shop",
        ),
    )
    link = urlsplit(notice.mailto())
    assert link.scheme == "mailto" and unquote(link.path) == "a+b@example.com"
    query = parse_qs(link.query)
    assert query["subject"] == [notice.subject]
    assert query["body"] == [notice.body]  # line breaks, umlauts, & and ? survive


def test_the_customers_language_is_theirs_not_the_windows(ledger: Ledger) -> None:
    customer_id, supplier_order_id = _order(ledger)
    with ledger.session() as session:
        assert notices.customer_language(session, customer_id) == "de"  # a shop in Germany
        settings.put(session, "merchant_country", "FR")
        assert notices.customer_language(session, customer_id) == "en"  # no French pack
        facts = notices.facts_for(session, supplier_order_id)
        sent = notices.fill("tracking", "de", replace(facts, tracking_number="LP1"))
        notices.record_sent(session, customer_id, sent, via="copy", at=NOW)
        assert notices.customer_language(session, customer_id) == "de"  # as last written


def test_the_order_names_the_customers_language(ledger: Ledger) -> None:
    """The language Shopify recorded for the customer beats the shop's country (both ways)."""
    customer_id, _ = _order(ledger)
    with ledger.session() as session:
        customer = session.get(CustomerOrder, customer_id)
        assert customer is not None
        customer.customer_locale = "en-US"
        session.flush()
        assert notices.customer_language(session, customer_id) == "en"  # in a German shop
        settings.put(session, "merchant_country", "GB")
        customer.customer_locale = "de-CH"
        session.flush()
        assert notices.customer_language(session, customer_id) == "de"  # in a British shop
        customer.customer_locale = "zh-CN"  # no catalogue: the shop's language
        session.flush()
        assert notices.customer_language(session, customer_id) == "en"


def test_a_sent_notice_lands_in_the_timeline(ledger: Ledger) -> None:
    customer_id, supplier_order_id = _order(ledger)
    with ledger.session() as session:
        customer = session.get(CustomerOrder, customer_id)
        assert customer is not None
        customer.cancelled_at, customer.cancel_reason = NOW, "CUSTOMER"
        session.flush()
        notice = notices.fill(
            "cancellation_confirmed", "en", notices.facts_for(session, supplier_order_id)
        )
        notices.record_sent(session, customer_id, notice, via="mail", at=NOW)
    with ledger.session() as session:
        [event] = journal.timeline(session, "customer_order", customer_id)
        [sent] = notices.sent_notices(session, customer_id)
    assert event.kind == "customer_order.notice_sent"
    assert sent["kind"] == "cancellation_confirmed" and sent["via"] == "mail"
    assert sent["body"] == notice.body and sent["at"] == NOW


def test_no_shop_order_no_customer(ledger: Ledger) -> None:
    with ledger.session() as session:
        order = SupplierOrder(external_order_id="8400000000000009")
        session.add(order)
        session.flush()
        with pytest.raises(NoticeError) as error:
            notices.facts_for(session, order.id or 0)
    assert "not linked" in in_english(error.value.text)


def test_a_delay_notice_is_offered_when_the_window_closes_without_tracking(ledger: Ledger) -> None:
    customer_id, soon = _order(ledger, ship_by=NOW + timedelta(hours=10))
    with ledger.session() as session:

        def add(ae: str, **values: object) -> int:
            order = SupplierOrder(external_order_id=ae, customer_order_id=customer_id, **values)  # type: ignore[arg-type]
            session.add(order)
            session.flush()
            return order.id or 0

        tracked = add("8400000000000002", ship_by=NOW + timedelta(hours=10), tracking_number="LP1")
        later = add("8400000000000003", ship_by=NOW + timedelta(days=4))
        overdue = add("8400000000000004", ship_by=NOW - timedelta(hours=3))
        shipped = add(
            "8400000000000005",
            ship_by=NOW + timedelta(hours=2),
            shipped_at=NOW - timedelta(hours=1),
            order_status="WAIT_BUYER_ACCEPT_GOODS",
        )
        offered = notices.delay_candidates(session, NOW, within_hours=24)
        assert offered == [overdue, soon]
        assert tracked not in offered and later not in offered and shipped not in offered
        facts = NoticeFacts(order_name="#4001", new_estimate=date(2026, 3, 30))
        notices.record_sent(session, customer_id, notices.fill("delay", "en", facts), at=NOW)
        assert notices.delay_candidates(session, NOW, within_hours=24) == []


def test_an_open_order_is_offered_only_what_is_true(ledger: Ledger) -> None:
    """No cancellation, refund, withdrawal or tracking number in the ledger: no message may
    claim one, and each says why (in both languages)."""
    _, supplier_order_id = _order(ledger)
    with ledger.session() as session:
        facts = notices.facts_for(session, supplier_order_id)
    why = notices.offered(facts)
    assert [kind for kind, reason in why.items() if reason is None] == [NoticeKind.DELAY]
    cancelled = why[NoticeKind.CANCELLATION_CONFIRMED]
    assert cancelled is not None and "not cancelled" in in_english(cancelled)
    assert "nicht storniert" in in_german(cancelled)
    refund = why[NoticeKind.REFUND_SENT]
    assert refund is not None and "No refund" in in_english(refund)
    assert "keine Erstattung" in in_german(refund)
    for kind in (NoticeKind.CANCELLATION_CONFIRMED, NoticeKind.REFUND_SENT):
        with pytest.raises(NoticeError) as refused:
            notices.fill(kind, "de", facts)
        assert refused.value.text == why[kind]


def test_a_cancelled_and_refunded_order_confirms_in_the_runs_words(ledger: Ledger) -> None:
    """The run's reason (out of stock: the supplier's, not the customer's wish) words the
    confirmation; the refund Dropdesk recorded is the amount; a delay is no longer offered."""
    customer_id, supplier_order_id = _order(ledger)
    with ledger.session() as session:
        abandoned = Cancellation(
            supplier_order_id=supplier_order_id,
            customer_order_id=customer_id,
            reason="changed_mind",
            state="abandoned",
        )
        session.add(abandoned)
        run = Cancellation(
            supplier_order_id=supplier_order_id,
            customer_order_id=customer_id,
            reason="out_of_stock",
            state="done",
        )
        session.add(run)
        session.flush()
        session.add(
            Refund(
                cancellation_id=run.id,
                direction="to_customer",
                amount_minor=100_000,
                currency="EUR",
                state="issued",
            )
        )
        customer = session.get(CustomerOrder, customer_id)
        assert customer is not None
        customer.cancelled_at = NOW
        session.flush()
        facts = notices.facts_for(session, supplier_order_id)
    assert facts.cancel_reason is Reason.OUT_OF_STOCK and facts.refund_minor == 100_000
    why = notices.offered(facts)
    assert why[NoticeKind.CANCELLATION_CONFIRMED] is None and why[NoticeKind.REFUND_SENT] is None
    delay = why[NoticeKind.DELAY]
    assert delay is not None and "cancelled" in in_english(delay)
    english = notices.fill("cancellation_confirmed", "en", facts).body
    german = notices.fill("cancellation_confirmed", "de", facts).body
    assert "out of stock" in english and "as you asked" not in english
    assert "EUR 1000.00" in english
    assert "nicht mehr vorrätig" in german and "wie gewünscht" not in german
    assert "1000,00 EUR" in notices.fill("refund_sent", "de", facts).body


@pytest.mark.parametrize(
    ("shopify", "reason"),
    [
        ("CUSTOMER", Reason.CHANGED_MIND),
        ("INVENTORY", Reason.OUT_OF_STOCK),
        ("FRAUD", Reason.FRAUD),
        ("DECLINED", Reason.OTHER),
        (None, Reason.OTHER),
    ],
)
def test_an_order_cancelled_in_shopify_is_confirmed_by_shopifys_reason(
    ledger: Ledger, shopify: str | None, reason: Reason
) -> None:
    customer_id, supplier_order_id = _order(ledger)
    with ledger.session() as session:
        customer = session.get(CustomerOrder, customer_id)
        assert customer is not None
        customer.cancelled_at, customer.cancel_reason = NOW, shopify
        customer.refunded_minor = 123_456  # Shopify's totalRefunded
        session.flush()
        facts = notices.facts_for(session, supplier_order_id)
    assert facts.cancel_reason is reason and facts.refund_minor == 123_456
    body = notices.fill("cancellation_confirmed", "en", facts).body
    assert ("as you asked" in body) is (reason is Reason.CHANGED_MIND)
