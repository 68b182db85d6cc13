"""The transition table's shape, the actions' names, and the texts to copy (EN and DE)."""

from __future__ import annotations

from datetime import date

import pytest

from core import supplier_platforms
from core.cancel import messages
from core.cancel.errors import IllegalTransitionError
from core.cancel.states import (
    FINAL,
    IN_FLIGHT,
    STATES,
    SUPPLIER_PENDING,
    TRANSIENT,
    TRANSITIONS,
    Mover,
    State,
    check_transition,
    parse_state,
)
from core.cancel.view import Action
from core.cancel.workflow import CancelWorkflow
from core.ledger.types import Reason
from core.outgoing import Amount
from tests.catalogue import in_english, in_german

DESIGN_STATES = {
    "checking", "refund_path", "supplier_cancel_todo", "supplier_cancel_requested",
    "supplier_cancelled", "supplier_refused", "tracking_requested", "tracking_received",
    "dispute_open", "dispute_closed", "shop_cancel_todo", "shop_cancel_sent", "shop_cancelled",
    "shop_refund_todo", "shop_refund_sent", "shop_refunded", "awaiting_supplier_refund", "done",
    "abandoned",
}  # fmt: skip


def reachable(start: State) -> set[State]:
    seen, todo = {start}, [start]
    while todo:
        for target in TRANSITIONS[todo.pop()]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def test_the_states_are_design_md_s() -> None:
    assert {state.value for state in State} == DESIGN_STATES
    assert set(TRANSITIONS) == set(State)


def test_every_state_is_reachable_and_every_run_can_end() -> None:
    assert reachable(State.CHECKING) == set(State)
    for state in set(State) - FINAL:
        assert State.DONE in reachable(state) or State.ABANDONED in reachable(state), state


def test_final_and_in_flight_states() -> None:
    assert all(not TRANSITIONS[state] for state in FINAL)
    for state in IN_FLIGHT:  # no abandoning while Shopify's answer is unknown
        assert State.ABANDONED not in TRANSITIONS[state]
    for state in set(State) - FINAL - IN_FLIGHT:
        assert State.ABANDONED in TRANSITIONS[state], state
    # A call to Shopify is only ever made from its to-do state.
    assert [s for s in State if State.SHOP_CANCEL_SENT in TRANSITIONS[s]] == [
        State.SHOP_CANCEL_TODO
    ]
    assert [s for s in State if State.SHOP_REFUND_SENT in TRANSITIONS[s]] == [
        State.SHOP_REFUND_TODO
    ]
    assert TRANSIENT.isdisjoint(FINAL)


def test_one_descriptor_per_state_says_what_it_is() -> None:
    assert list(STATES) == list(State)
    labels = [info.label for info in STATES.values()]
    assert all(labels) and len(set(labels)) == len(labels)
    # The kinds of state the workflow branches on are the descriptors' movers, and disjoint.
    kinds = [FINAL, TRANSIENT, IN_FLIGHT, SUPPLIER_PENDING]
    assert sum(len(kind) for kind in kinds) == len(set().union(*kinds))
    for state, info in STATES.items():
        if info.mover is Mover.NOBODY:
            assert not info.actions and not TRANSITIONS[state]
        elif info.mover in (Mover.WORKFLOW, Mover.SHOPIFY):
            assert Action.RESUME in info.actions  # a crash there is resumed, never stuck
        else:
            assert Action.RESUME not in info.actions


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        (State.CHECKING, State.SHOP_CANCEL_SENT, "Cannot go from 'Checking"),
        (State.DONE, State.ABANDONED, "nothing more can change"),
        (State.SHOP_REFUND_SENT, State.ABANDONED, "Cannot go from 'Refund sent"),
        (State.SUPPLIER_CANCEL_TODO, State.SUPPLIER_REFUSED, "Cannot go from"),
    ],
)
def test_illegal_transitions_raise(current: State, target: State, message: str) -> None:
    with pytest.raises(IllegalTransitionError, match=message):
        check_transition(current, target)


def test_unknown_stored_state_is_an_error_not_a_guess() -> None:
    with pytest.raises(IllegalTransitionError, match="Unknown cancellation state"):
        parse_state("teleported")


def test_every_action_is_a_workflow_method() -> None:
    for action in Action:
        assert callable(getattr(CancelWorkflow, action.value, None)), action


@pytest.mark.parametrize("reason", list(Reason))
def test_supplier_texts_in_both_languages(reason: Reason) -> None:
    message = messages.supplier_cancel_request("8123456789012345", reason)
    assert message.language == "en" and message.recipient == "supplier"  # English by default
    english, german = message.text, message.in_language("de").text
    assert "8123456789012345" in english and "8123456789012345" in german
    assert english.startswith("Hello,") and german.startswith("Guten Tag,")
    assert "{" not in english + german  # the reason phrase filled in, in the same language
    assert reason in messages.ALIEXPRESS_CANCEL_REASON
    clicks = messages.aliexpress_clicks(reason)
    assert messages.ALIEXPRESS_CANCEL_REASON[reason] in in_english(clicks[2])
    assert all(in_english(click) and in_german(click) for click in clicks)


def test_customer_notes_say_what_happened() -> None:
    cancelled = messages.customer_note(
        "#1001", "en", reason=Reason.CHANGED_MIND, refunded=Amount(1999, "EUR"), shipped=False
    )
    assert "#1001" in cancelled.text and "refunded EUR 19.99" in cancelled.text
    assert "19,99 EUR" in cancelled.in_language("de").text  # the amount recorded, not "all"
    assert "storniert" in cancelled.in_language("de").text
    shipped = messages.customer_note(
        "#1001", "de", reason=Reason.CHANGED_MIND, refunded=None, shipped=True
    )
    assert "schon verschickt" in shipped.text and "erstattet" not in shipped.text
    assert "already been shipped" in shipped.in_language("en").text
    tracking = messages.tracking_request("8123", None)
    assert "within 5 working days" in tracking.text
    assert "5 Werktagen" in tracking.in_language("de").text
    dated = messages.tracking_request("8123", date(2026, 3, 28))
    assert "by 28 March 2026" in dated.text
    assert "bis zum 28. März 2026" in dated.in_language("de").text
    assert supplier_platforms.get("aliexpress").order_url("8123") == (
        "https://www.aliexpress.com/p/order/detail.html?orderId=8123"
    )
    steps = messages.dispute_steps("8123")
    assert (
        "8123" in in_english(steps[0])
        and "15 days" in in_english(steps[-1])
        and "15 Tagen" in in_german(steps[-1])
    )
    for refund in (False, True):
        assert all(in_english(c) and in_german(c) for c in messages.shopify_clicks(refund=refund))


def test_stored_texts_read_back_in_both_languages_and_old_english_ones_too() -> None:
    text = messages.Text.pair("Too late to cancel.", "Zu spät zum Stornieren.")
    assert messages.Text.from_stored(text.stored()) == text
    old = messages.Text.from_stored("Too late to cancel.")  # a payload of an older Dropdesk
    assert in_german(old) == in_english(old) == "Too late to cancel."
    assert not messages.Text.from_stored(None)


def test_a_supplier_is_written_to_in_its_countrys_language_else_english() -> None:
    assert messages.supplier_language("CN") == "en"  # a Chinese supplier reads English
    assert messages.supplier_language("DE") == "de" and messages.supplier_language("AT") == "de"
    assert messages.supplier_language(None) == "en" and messages.supplier_language("") == "en"
    german = messages.supplier_cancel_request("8123", Reason.DAMAGED, "de")
    assert german.language == "de" and german.text.startswith("Guten Tag,")
    assert "beschädigt" in german.text  # the reason phrase in the same language
