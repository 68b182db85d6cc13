"""The cancel wizard's note to the customer is worded by the run's own reason and says the
amount Dropdesk recorded as refunded through Shopify (real workflow, real ledger, the fake
Shopify over loopback)."""

from __future__ import annotations

from sqlmodel import select

from core.ledger import Ledger
from core.ledger.models import Refund
from tests.core.cancel.conftest import MakeWorkflow
from tests.core.cancel.wiring import Seeded


def test_an_out_of_stock_run_does_not_tell_the_customer_they_asked(
    make_workflow: MakeWorkflow, orders: Seeded, ledger: Ledger
) -> None:
    flow = make_workflow()
    run = flow.start(orders.supplier_order_id, "out_of_stock", "supplier")
    flow.check(run)
    flow.mark_supplier_cancel_requested(run)
    flow.cancel_on_shop(run, acknowledge_out_of_pocket=True)
    note = flow.customer_note(run)
    assert note.language == "de"  # a shop in Germany
    assert "nicht mehr vorrätig" in note.text and "wie gewünscht" not in note.text
    english = note.in_language("en").text
    assert "out of stock" in english and "as you asked" not in english
    with ledger.session() as session:
        found = session.exec(select(Refund).where(Refund.cancellation_id == run))
        refunded = sum(r.amount_minor for r in found)
    assert refunded > 0
    euros, cents = divmod(refunded, 100)
    assert f"EUR {euros}.{cents:02d}" in english  # what was refunded, not "the full amount"
