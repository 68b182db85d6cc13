"""Shopify Payments chargebacks against the fake Shopify over loopback: listing with paging,
storing, re-syncs that update instead of duplicating, the evidence sent with and without
submitting, refusals, missing scopes explained, and the deadlines `due` gets."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from graphql import GraphQLSchema
from sqlmodel import col, select

from core.chargebacks.evidence import evidence_pack, evidence_texts, send_evidence
from core.chargebacks.store import (
    EVENT_CHANGED,
    EVENT_OPENED,
    chargeback_deadlines,
    list_chargebacks,
    sync_chargebacks,
)
from core.ledger import Ledger
from core.ledger.models import Chargeback, Event
from core.shopify import ShopifyScopeError, ShopInfo, save_shop, sync_orders
from core.shopify.disputes import (
    DisputeEvidenceRefusedError,
    NoShopifyPaymentsError,
    _dispute,
    iter_dispute_pages,
)
from tests.catalogue import in_english, in_german
from tests.core.shopify.conftest import MakeClient, Sleeper
from tests.fakes.shopify_server import FakeShopify, LoopbackTransport

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _shop(ledger: Ledger, fake: FakeShopify) -> int:
    return save_shop(
        ledger,
        ShopInfo(fake.state.name, "EUR", fake.domain),
        api_version="2026-04",
        auth_kind="token",
    )


def _events(ledger: Ledger, kind: str) -> list[dict[str, object]]:
    with ledger.session() as session:
        rows = session.exec(select(Event).where(Event.kind == kind).order_by(col(Event.id))).all()
        return [json.loads(row.payload) for row in rows]


def test_listing_follows_the_cursor_over_every_page(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    orders = [fake_shopify.state.add_order() for _ in range(7)]
    made = [fake_shopify.state.add_dispute(order) for order in orders]
    pages = list(iter_dispute_pages(make_client(), first=3))
    assert [len(page.disputes) for page in pages] == [3, 3, 1]
    seen = [d.gid for page in pages for d in page.disputes]
    assert seen == [d.gid for d in made]
    first = pages[0].disputes[0]
    assert first.order_name == orders[0].name and first.amount.amount == orders[0].total
    assert first.reason == "PRODUCT_NOT_RECEIVED" and first.status == "NEEDS_RESPONSE"
    due = made[0].evidence_due_by
    assert due is not None and first.evidence_due_by == due.replace(microsecond=0)
    logged = fake_shopify.graphql_log()
    assert [e.operation for e in logged] == ["Disputes"] * 3
    assert all(e.requested is not None and e.requested < 1000 for e in logged)


def test_a_date_only_deadline_counts_from_the_start_of_that_day() -> None:
    """API 2026-01 gives evidenceDueBy as a Date: never show more time than there is."""
    node = {
        "id": "gid://shopify/ShopifyPaymentsDispute/1",
        "legacyResourceId": "1",
        "status": "NEEDS_RESPONSE",
        "type": "CHARGEBACK",
        "reasonDetails": {"reason": "FRAUDULENT", "networkReasonCode": None},
        "amount": {"amount": "12.50", "currencyCode": "EUR"},
        "evidenceDueBy": "2026-12-20",
        "evidenceSentOn": None,
        "initiatedAt": "2026-12-01T10:00:00Z",
        "finalizedOn": None,
        "order": None,
    }
    dispute = _dispute(node)
    assert dispute.evidence_due_by == datetime(2026, 12, 20, tzinfo=UTC)
    assert dispute.amount.minor == 1250 and dispute.order_gid is None


def test_sync_stores_links_and_a_resync_updates_instead_of_duplicating(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    order = fake_shopify.state.add_order(name="#4711")
    sync_orders(ledger, client, shop_id)
    disputes = [
        fake_shopify.state.add_dispute(order, evidence_due_by=NOW + timedelta(days=3)),
        fake_shopify.state.add_dispute(None, reason="FRAUDULENT", amount=Decimal("5.00")),
    ]
    first = sync_chargebacks(ledger, client, shop_id, now=lambda: NOW)
    assert len(first.created) == 2 and first.changed == []
    rows = list_chargebacks(ledger)
    linked = next(r for r in rows if r.shopify_gid == disputes[0].gid)
    assert linked.order_name == "#4711" and linked.customer_order_id is not None
    assert linked.amount_minor == int(order.total * 100) and linked.currency == "EUR"
    assert linked.needs_response and in_german(linked.reason_text).startswith("Kunde sagt")

    again = sync_chargebacks(ledger, client, shop_id, now=lambda: NOW)
    assert again.created == [] and again.changed == []
    disputes[0].status = "WON"
    disputes[0].finalized_on = NOW
    third = sync_chargebacks(ledger, client, shop_id, now=lambda: NOW + timedelta(hours=1))
    assert third.changed == [linked.id] and third.created == []
    with ledger.session() as session:
        assert len(session.exec(select(Chargeback)).all()) == 2
        won = session.get(Chargeback, linked.id)
        assert won is not None and won.status == "WON" and won.finalized_on == NOW
    changed = _events(ledger, EVENT_CHANGED)
    assert changed[-1]["changes"]["status"] == {"from": "NEEDS_RESPONSE", "to": "WON"}  # type: ignore[index]
    assert len(_events(ledger, EVENT_OPENED)) == 2
    runs = _events(ledger, "shopify_disputes_sync")
    assert [r["outcome"] for r in runs] == ["done"] * 3


def test_only_disputes_waiting_for_evidence_have_a_deadline(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    order = fake_shopify.state.add_order(name="#1")
    soon = fake_shopify.state.add_dispute(order, evidence_due_by=NOW + timedelta(hours=20))
    fake_shopify.state.add_dispute(order, evidence_due_by=NOW - timedelta(hours=2))
    fake_shopify.state.add_dispute(order, status="UNDER_REVIEW")
    fake_shopify.state.add_dispute(order, status="LOST")
    sync_chargebacks(ledger, make_client(), shop_id)
    with ledger.session() as session:
        found = chargeback_deadlines(session, NOW)
    assert [d.remaining for d in found] == [timedelta(hours=-2), timedelta(hours=20)]
    assert found[1].deadline == soon.evidence_due_by
    assert in_english(found[0].what) == "Send the chargeback evidence"
    with ledger.engine.connect() as connection:  # a Connection works as well as a Session
        assert len(chargeback_deadlines(connection, NOW)) == 2


def test_evidence_is_saved_without_submitting_then_submitted_when_confirmed(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    order = fake_shopify.state.add_order(name="#2001", fulfilled=True)
    sync_orders(ledger, client, shop_id)
    dispute = fake_shopify.state.add_dispute(order)
    sync_chargebacks(ledger, client, shop_id)
    row = list_chargebacks(ledger)[0]
    pack = evidence_pack(ledger, row.id)
    texts = evidence_texts(pack)
    assert "#2001" in texts["uncategorizedText"]
    # Words for the bank come from the outgoing catalogue: English unless asked otherwise.
    first, second = texts["uncategorizedText"].splitlines()[:2]
    assert first.startswith(f"Chargeback {dispute.gid.rsplit('/', 1)[-1]}: ")
    assert first.endswith(f"({row.reason}), {pack.chargeback.amount_minor / 100:.2f} EUR.")
    assert second.startswith("Order #2001 placed 20") and ", payment status " in second
    german = evidence_texts(pack, "de")["uncategorizedText"]
    assert german.startswith("Rückbuchung ") and "Bestellung #2001 vom 20" in german
    assert texts["customerEmailAddress"] == order.email

    saved = send_evidence(ledger, client, row.id, texts, submit=False)
    assert not saved.submitted and not dispute.submitted
    assert dispute.evidence["uncategorizedText"] == texts["uncategorizedText"]
    sent = fake_shopify.state.evidence_requests[-1]
    assert sent["id"] == dispute.evidence_gid and sent["input"]["submitEvidence"] is False
    with ledger.session() as session:
        assert len(chargeback_deadlines(session, NOW)) == 1  # saved is not sent

    done = send_evidence(ledger, client, row.id, texts, submit=True)
    assert done.submitted and dispute.submitted and dispute.status == "UNDER_REVIEW"
    assert fake_shopify.state.evidence_requests[-1]["input"]["submitEvidence"] is True
    with ledger.session() as session:
        assert chargeback_deadlines(session, NOW) == []
    assert [e["submit"] for e in _events(ledger, "chargeback.evidence_saved")] == [False]
    submitted = _events(ledger, "chargeback.evidence_submitted")
    assert submitted[0]["texts"] == texts  # the journal keeps exactly what was sent

    # Once submitted, Shopify refuses more; the refusal is journalled and told in German too.
    with pytest.raises(DisputeEvidenceRefusedError) as info:
        send_evidence(ledger, client, row.id, texts, submit=True)
    assert info.value.code == "EVIDENCE_ALREADY_ACCEPTED"
    assert "nicht gespeichert" in in_german(info.value.text)
    assert _events(ledger, "chargeback.evidence_failed")[0]["error"] == (
        "DisputeEvidenceRefusedError"
    )


def test_evidence_past_its_due_date_is_refused(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    client = make_client()
    fake_shopify.state.add_dispute(None, evidence_due_by=datetime.now(UTC) - timedelta(days=1))
    sync_chargebacks(ledger, client, shop_id)
    row = list_chargebacks(ledger)[0]
    with pytest.raises(DisputeEvidenceRefusedError, match="past due") as info:
        send_evidence(ledger, client, row.id, {"uncategorizedText": "x"}, submit=True)
    assert info.value.code == "EVIDENCE_PAST_DUE_DATE"


def test_a_missing_disputes_scope_is_explained_in_both_languages(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    fake_shopify.scopes.discard("read_shopify_payments_disputes")
    fake_shopify.state.add_dispute(None)
    with pytest.raises(ShopifyScopeError) as info:
        sync_chargebacks(ledger, make_client(), shop_id)
    assert info.value.required == ("read_shopify_payments_disputes",)
    assert "read_shopify_payments_disputes" in in_english(info.value.text)
    assert "Zugriffsbereich read_shopify_payments_disputes" in in_german(info.value.text)
    run = _events(ledger, "shopify_disputes_sync")[-1]
    assert run["outcome"] == "failed" and "read_shopify_payments_disputes" in str(run["message"])


def test_a_missing_evidence_scope_is_explained_and_nothing_is_sent(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    fake_shopify.state.add_dispute(None)
    sync_chargebacks(ledger, make_client(), shop_id)
    fake_shopify.scopes.discard("write_shopify_payments_dispute_evidences")
    row = list_chargebacks(ledger)[0]
    with pytest.raises(ShopifyScopeError) as info:
        send_evidence(ledger, make_client(), row.id, {"uncategorizedText": "x"}, submit=True)
    assert "read_shopify_payments_dispute_evidences" in in_english(info.value.text)
    assert fake_shopify.state.evidence_requests == []


def test_a_shop_without_shopify_payments_is_told_so(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    shop_id = _shop(ledger, fake_shopify)
    fake_shopify.state.payments_enabled = False
    with pytest.raises(NoShopifyPaymentsError) as info:
        sync_chargebacks(ledger, make_client(), shop_id)
    assert "does not use Shopify Payments" in in_english(info.value.text)
    assert "nutzt Shopify Payments nicht" in in_german(info.value.text)


def test_listing_is_throttled_like_everything_else(
    ledger: Ledger, shopify_schema: GraphQLSchema, make_client: MakeClient
) -> None:
    """A dry bucket: THROTTLED, a wait the cost report dictates, then the page (cost 203)."""
    with FakeShopify(shopify_schema, bucket_size=400, restore_rate=300) as fake:
        for _ in range(9):
            fake.state.add_dispute(None)
        client = make_client(
            transport=LoopbackTransport({fake.domain: fake.url}), sleep=Sleeper(real=True)
        )
        shop_id = save_shop(
            ledger, ShopInfo("x", "EUR", fake.domain), api_version="2026-04", auth_kind="token"
        )
        fake.set_available(0)  # refilled after ~0.7 s
        report = sync_chargebacks(ledger, client, shop_id)
        assert len(report.created) == 9
        assert fake.graphql_log()[0].throttled
        assert client.stats.throttled_answers >= 1 and client.stats.throttled_wait > 0


def test_hostile_order_names_reach_the_list_and_the_evidence_cleaned(
    ledger: Ledger, make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    """A name with a right-to-left override and a terminal escape, as a customer could make it."""
    shop_id = _shop(ledger, fake_shopify)
    order = fake_shopify.state.add_order(name="#71\u202e01\x1b[2J", customer_name="Eve\u2066 Roe")
    client = make_client()
    sync_orders(ledger, client, shop_id)
    fake_shopify.state.add_dispute(order)
    sync_chargebacks(ledger, client, shop_id)
    row = list_chargebacks(ledger)[0]
    assert row.order_name == "#7101[2J"
    pack = evidence_pack(ledger, row.id)
    assert pack.order is not None and pack.order.customer_name == "Eve Roe"
    text = evidence_texts(pack)["uncategorizedText"]
    assert "\u202e" not in text and "\x1b" not in text and "#7101[2J" in text
