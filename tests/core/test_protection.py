"""AliExpress purchase protection: the dispute window of every shipped order and the
`protection` deadline before it closes, on a real ledger."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from core import clocks, protection, settings
from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Dispute, Supplier, SupplierOrder
from core.protection import DisputeReason, protection_window
from tests.catalogue import in_english, in_german

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
SHIPPED = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


# Source: AliExpress Help, "How does Buyer Protection work?"
# (http://activities.aliexpress.com/adcms/help-aliexpress-com/buyer_protection_process.php):
# "Open Dispute ... is available 5 days after the seller's shipment. (If the promised delivery
# time is only up to 5 days, this option is available directly after the seller's shipment.)"
def test_a_dispute_opens_five_days_after_shipping() -> None:
    window = protection_window(SHIPPED, protection_days=60)
    assert window.opens_at == SHIPPED + timedelta(days=5)
    assert window.state(SHIPPED + timedelta(days=4, hours=23)) == "waiting"
    assert window.state(SHIPPED + timedelta(days=5)) == "open"


def test_a_short_promise_opens_the_dispute_at_once() -> None:
    # Same source: a promised delivery time of 5 days or less opens it directly.
    assert protection_window(SHIPPED, protection_days=5).opens_at == SHIPPED
    assert protection_window(SHIPPED, protection_days=3).opens_at == SHIPPED


# Source: same help page: "there is a deadline for opening a case before order completion. The
# completion time depends on the seller's guaranteed delivery time"; buyers' guides
# (https://affordablething.com/aliexpress-buyer-protection): protection "expires automatically
# if you don't dispute before the deadline, releasing payment to the seller".
def test_the_window_closes_when_protection_ends() -> None:
    window = protection_window(SHIPPED, protection_days=60, lead_days=5)
    assert window.protection_ends == window.closes_at == SHIPPED + timedelta(days=60)
    assert window.state(window.closes_at) == "closed"
    # the deadline leaves time to ask for an extension (sovetclub.ru: 5-7 days ahead)
    assert window.act_by == window.closes_at - timedelta(days=5)


# Source: "Once you have confirmed receiving your order, you will have 15 days to apply for a
# refund" (https://bio-guard.net/real/frequent-question-how-does-aliexpress-determine-buyer-
# protection-time.html).
def test_a_confirmed_order_keeps_fifteen_days() -> None:
    confirmed = SHIPPED + timedelta(days=20)
    window = protection_window(SHIPPED, protection_days=60, confirmed_at=confirmed)
    assert window.closes_at == confirmed + timedelta(days=15)


def test_the_deadline_never_falls_before_the_window_opens() -> None:
    window = protection_window(SHIPPED, protection_days=7, lead_days=5)
    assert window.act_by == window.opens_at == SHIPPED + timedelta(days=5)


def test_a_window_refuses_naive_or_missing_input() -> None:
    with pytest.raises(ValueError, match="naive"):
        protection_window(datetime(2026, 3, 1), protection_days=60)
    with pytest.raises(ValueError, match="protection period"):
        protection_window(SHIPPED)


# Source: AliExpress Help (buyer_protection_process.php): "If a resolution is not found within
# 15 days, the case will automatically be sent to our Case Management Team" and "Escalate
# Dispute ... is available 3 days after submitting your initial refund request". The guide
# states these clocks; core.clocks counts them.
def test_the_dispute_clocks_that_follow() -> None:
    opened = SHIPPED + timedelta(days=30)
    assert clocks.dispute_escalation(opened) == opened + timedelta(days=3)
    assert clocks.dispute_case_team(opened) == opened + timedelta(days=15)
    for reason in DisputeReason:
        steps = " ".join(in_english(step) for step in protection.guide(reason).steps)
        assert "3rd day" in steps and "15 days" in steps


# Source: AliExpress Help, "How to provide evidence to support your claim"
# (http://help.aliexpress.com/how_to_provide_evidence_to_support_your_claim.html): photos and
# videos of the differences, a ruler and the size label for a wrong size, a video of a
# defective device, a carrier claim for broken packaging, customs' documents for a detention.
def test_guidance_names_the_evidence_in_both_languages() -> None:
    described = protection.guide("not_as_described")
    evidence = " ".join(in_english(item) for item in described.evidence)
    for needed in ("photos", "ruler", "video", "product page", "carrier"):
        assert needed in evidence
    received = protection.guide(DisputeReason.NOT_RECEIVED)
    assert any("tracking number" in in_english(item) for item in received.evidence)
    assert any("customs" in in_english(item) for item in received.evidence)
    for item in (*described.evidence, *received.evidence, *received.steps):
        assert in_german(item) and in_german(item) != in_english(item)


def _ledger_orders(ledger: Ledger) -> dict[str, int]:
    with ledger.session() as session:
        slow = Supplier(name="Slow Store")
        fast = Supplier(name="Fast Store")
        customer = CustomerOrder(name="#2001")
        session.add_all([slow, fast, customer])
        session.flush()

        def add(ae: str, **values: object) -> int:
            order = SupplierOrder(external_order_id=ae, **values)  # type: ignore[arg-type]
            session.add(order)
            session.flush()
            assert order.id is not None
            return order.id

        made = {
            "in_transit": add(
                "8200000000000001",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=50),
                supplier_id=fast.id,
                customer_order_id=customer.id,
            ),
            "slow_supplier": add(
                "8200000000000002",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=50),
                supplier_id=slow.id,
            ),
            "delivered": add(
                "8200000000000003",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                logistics_status="BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=50),
            ),
            "finished": add(
                "8200000000000004", order_status="FINISH", shipped_at=NOW - timedelta(days=50)
            ),
            "not_shipped": add("8200000000000005", order_status="WAIT_SELLER_SEND_GOODS"),
            "lapsed": add(
                "8200000000000006",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=61),
            ),
            "disputed": add(
                "8200000000000007",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=50),
            ),
            "recorded": add(
                "8200000000000008",
                order_status="WAIT_BUYER_ACCEPT_GOODS",
                shipped_at=NOW - timedelta(days=50),
            ),
        }
        session.add(Dispute(supplier_order_id=made["disputed"], state="open"))
        settings.put(session, "supplier_protection_days", {str(slow.id): 90})
        protection.record_protection_end(
            session, made["recorded"], NOW + timedelta(days=2), source="aliexpress"
        )
        made["slow_id"] = slow.id or 0
    return made


def test_deadlines_cover_every_shipped_undelivered_order(ledger: Ledger) -> None:
    made = _ledger_orders(ledger)
    with ledger.session() as session:
        entries = protection.deadlines(session, NOW)
        windows = {order.id: order.window for order in protection.shipped_orders(session)}
    ids = protection.order_ids(entries)
    assert ids == {made["in_transit"], made["slow_supplier"], made["recorded"]}
    by_id = {entry.supplier_order_id: entry for entry in entries}
    # the ledger's 60 days, the supplier's 90, the order's own recorded end
    assert windows[made["in_transit"]].source == "ledger"
    assert by_id[made["in_transit"]].deadline == NOW + timedelta(days=10 - 5)
    assert windows[made["slow_supplier"]].source == "supplier"
    assert by_id[made["slow_supplier"]].deadline == NOW + timedelta(days=40 - 5)
    assert windows[made["recorded"]].source == "order"
    assert windows[made["recorded"]].closes_at == NOW + timedelta(days=2)
    assert by_id[made["in_transit"]].order_name == "#2001"
    assert by_id[made["slow_supplier"]].order_name == "8200000000000002"  # no shop order
    assert [e.kind for e in entries] == ["protection"] * 3
    assert entries == sorted(entries, key=lambda e: e.deadline)
    assert "Fast Store" in in_english(by_id[made["in_transit"]].what)
    assert "Käuferschutz" in in_german(by_id[made["in_transit"]].what)
    shown = by_id[made["recorded"]].to_json(NOW)
    assert shown["overdue"] is True and shown["kind"] == "protection"
    json.dumps(shown)


def test_within_hours_keeps_the_near_and_the_overdue(ledger: Ledger) -> None:
    made = _ledger_orders(ledger)
    with ledger.session() as session:
        near = protection.order_ids(protection.deadlines(session, NOW, within_hours=6 * 24))
    assert near == {made["in_transit"], made["recorded"]}


def test_damaged_settings_fall_back_to_the_defaults(ledger: Ledger) -> None:
    made = _ledger_orders(ledger)
    with ledger.session() as session:
        session.connection().exec_driver_sql(
            "UPDATE setting SET value = '{not json' WHERE key = 'supplier_protection_days'"
        )
        settings.put(session, "protection_days", -4)
    with ledger.session() as session:
        windows = {order.id: order.window for order in protection.shipped_orders(session)}
    assert windows[made["slow_supplier"]].source == "ledger"
    assert windows[made["slow_supplier"]].protection_ends == NOW + timedelta(days=10)


def test_the_narrowed_query_misses_nothing(ledger: Ledger) -> None:
    """Narrowing by shipping time in SQL gives what filtering every window would give, and an
    extended protection (recorded for the order) is kept however long ago it shipped."""
    made = _ledger_orders(ledger)
    with ledger.session() as session:
        extended = SupplierOrder(
            external_order_id="8200000000000099",
            order_status="WAIT_BUYER_ACCEPT_GOODS",
            shipped_at=NOW - timedelta(days=80),
        )
        session.add(extended)
        session.flush()
        assert extended.id is not None
        protection.record_protection_end(session, extended.id, NOW + timedelta(days=6))
        everything = protection.deadlines(session, NOW)
        assert extended.id in protection.order_ids(everything)
        for hours in (0, 1, 24, 48, 24 * 6, 24 * 40, 24 * 400):
            horizon = NOW + timedelta(hours=hours)
            expected = [entry for entry in everything if entry.deadline <= horizon]
            assert protection.deadlines(session, NOW, within_hours=hours) == expected, hours
    assert made["in_transit"] in protection.order_ids(everything)
