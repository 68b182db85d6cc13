"""Getting to a Shopify step: from its to-do state, or early, before the supplier agreed.

Early is allowed (the customer may not want to wait) but the merchant must acknowledge that
the money may come out of their own pocket: if the supplier ships anyway, the customer has
been refunded for goods that are on their way and the supplier owes nothing.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from sqlmodel import Session, col, select

from core.cancel.chain import RETURN_TO
from core.cancel.errors import OutOfPocketNotAcknowledgedError, StepUnavailableError
from core.cancel.orders import RunOrders, fulfilled_on_shop, orders_of
from core.cancel.record import ENTITY, load, move, require_state
from core.cancel.runtime import Runtime
from core.cancel.states import SUPPLIER_PENDING, Path, State
from core.ledger.models import Cancellation, Event
from core.texts import Text

Kind = Literal["cancel", "refund"]

TODO = {"cancel": State.SHOP_CANCEL_TODO, "refund": State.SHOP_REFUND_TODO}


def out_of_pocket_warning(orders: RunOrders) -> Text:
    order = orders.customer_order
    if order is None:
        return Text(
            "core.cancel.shop_entry",
            "The supplier has not agreed to cancel yet. If you cancel or refund the order on "
            "Shopify now and the supplier ships anyway, the customer gets their money back and "
            "you still pay the supplier: the refund comes out of your pocket. Confirm to go on.",
        )
    return Text(
        "core.cancel.shop_entry",
        "The supplier has not agreed to cancel yet. If you cancel or refund {name} on "
        "Shopify now and the supplier ships anyway, the customer gets their money back and "
        "you still pay the supplier: the refund comes out of your pocket. Confirm to go on.",
        name=order.name,
    )


def enter(
    rt: Runtime,
    cancellation_id: int,
    kind: Kind | None,
    *,
    acknowledge_out_of_pocket: bool,
    action: Text,
) -> Kind:
    """Bring the run to the to-do state of a Shopify step; returns which step it is."""
    with rt.ledger.session() as session:
        row = load(session, cancellation_id)
        state = require_state(
            row,
            {State.SHOP_CANCEL_TODO, State.SHOP_REFUND_TODO, *SUPPLIER_PENDING},
            action,
        )
        orders = orders_of(session, row)
        if orders.customer_order is None:
            raise StepUnavailableError(
                Text(
                    "core.cancel.shop_entry",
                    "No Shopify order is linked to this cancellation.",
                )
            )
        if state is State.SHOP_CANCEL_TODO:
            return _same(kind, "cancel", state)
        if state is State.SHOP_REFUND_TODO:
            return _same(kind, "refund", state)
        if row.shop_done_at is not None:
            raise StepUnavailableError(
                Text(
                    "core.cancel.shop_entry",
                    "The Shopify step of this cancellation is already done.",
                )
            )
        if not acknowledge_out_of_pocket:
            raise OutOfPocketNotAcknowledgedError(out_of_pocket_warning(orders))
        chosen: Kind = kind or (
            "refund"
            if row.path == Path.REFUND or fulfilled_on_shop(orders.customer_order)
            else "cancel"
        )
        target = TODO[chosen]
        payload: dict[str, Any] = {RETURN_TO: state.value, "out_of_pocket_acknowledged": True}
        changes: dict[str, Any] = {}
        if chosen == "refund":
            changes["path"] = Path.REFUND.value
        move(session, row, target, rt.now(), payload, **changes)
    rt.on_step(f"state:{target.value}")
    return chosen


def _same(wanted: Kind | None, actual: Kind, state: State) -> Kind:
    if wanted is not None and wanted != actual:
        if actual == "refund":
            raise StepUnavailableError(
                Text(
                    "core.cancel.shop_entry",
                    "This order is to be refunded on Shopify at this point, not cancelled.",
                )
            )
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_entry",
                "This order is to be cancelled on Shopify at this point, not refunded.",
            )
        )
    return actual


def latest_payload(
    session: Session, row: Cancellation, state: State
) -> tuple[Event, dict[str, Any]]:
    """The last transition into `state` and its payload (the intent of an in-flight call)."""
    query = (
        select(Event)
        .where(
            Event.entity == ENTITY,
            Event.entity_id == row.id,
            Event.kind == f"{ENTITY}.{state.value}",
        )
        .order_by(col(Event.id).desc())
    )
    event = session.exec(query).first()
    if event is None:
        raise StepUnavailableError(
            Text(
                "core.cancel.shop_entry",
                "The ledger has no record of the {state_value} step.",
                state_value=state.value,
            )
        )
    return event, json.loads(event.payload)
