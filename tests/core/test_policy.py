"""The refund policy draft: the strictest supplier wins every point, in English and German."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.ledger import Ledger
from core.ledger.journal import timeline
from core.ledger.models import Supplier, SupplierOrder
from core.ledger.types import Reason
from core.policy import (
    RETURN_REASONS,
    Contact,
    Language,
    SupplierPolicy,
    draft_policy,
    format_reasons,
    html_page,
    parse_reasons,
    strictest_terms,
    supplier_policies,
)
from core.suppliers import PolicyEdit, PolicyInvalid, check_policy, list_suppliers, save_policy

D, N, W, C = Reason.DAMAGED, Reason.NOT_AS_DESCRIBED, Reason.WRONG_SIZE, Reason.CHANGED_MIND
CONTACT = Contact("Lena's Gadgets", "help@lenas-gadgets.example")


def policy(name: str, hours: int | None, reasons: set[Reason], days: int, written: bool = True):
    return SupplierPolicy(
        name=name,
        cancel_accepted_within_hours=hours,
        returns_allowed_for=frozenset(reasons),
        refund_days_min=3,
        refund_days_max=days,
        has_written_policy=written,
    )


def test_every_supplier_states_terms() -> None:
    terms = strictest_terms(
        [
            policy("Shenzhen", 24, {D, N}, 15),
            policy("Yiwu", 12, {D, N, W}, 20),
            policy("Guangzhou", 48, {D, N, W, C}, 10),
        ]
    )
    assert terms.cancel_within_hours == 12 and terms.cancel_limited_by == ("Yiwu",)
    assert terms.return_reasons == (D, N)
    assert terms.returns_refused_by == {W: ("Shenzhen",), C: ("Shenzhen", "Yiwu")}
    assert terms.refund_days == 20 and terms.refund_limited_by == ("Yiwu",)
    draft = draft_policy(terms, CONTACT, "en")
    assert "within 12 hours of placing it" in draft.markdown
    assert "if the item arrived damaged or the item is not as described" in draft.markdown
    assert "Beyond that, we cannot take items back" in draft.markdown
    assert "at the latest within 14 days of receiving your cancellation" in draft.markdown
    assert "20 business days" not in draft.markdown  # Yiwu's time is the merchant's risk
    assert any("Yiwu" in c and "refund before they do" in c for c in draft.choices)
    assert "changed your mind" not in draft.markdown
    assert any("Cancel window 12 hours" in c and "Yiwu" in c for c in draft.choices)
    assert any(
        "changed mind" in c and "Shenzhen and Yiwu do not accept" in c for c in draft.choices
    )


def test_one_silent_supplier_makes_the_policy_strict() -> None:
    terms = strictest_terms(
        [policy("Ningbo", 6, {D}, 15), policy("Dongguan", None, set(), 20, written=False)]
    )
    assert terms.cancel_within_hours is None and terms.cancel_limited_by == ("Dongguan",)
    assert terms.return_reasons == ()
    assert terms.without_written_policy == ("Dongguan",)
    draft = draft_policy(terms, CONTACT, "en")
    assert "we cannot promise that an order can still be cancelled" in draft.markdown
    assert "All sales are final, except where the law" in draft.markdown
    assert "14 days of delivery" in draft.markdown  # statutory rights are never waived
    assert "you receive the return address with our answer" in draft.markdown
    assert any("No cancel window promised: Dongguan states none" in c for c in draft.choices)
    assert any("No written policy from Dongguan" in c for c in draft.choices)


def test_a_generous_single_supplier() -> None:
    terms = strictest_terms([policy("Hangzhou", 72, {D, N, W, C}, 10)])
    assert terms.return_reasons == RETURN_REASONS and terms.returns_refused_by == {}
    draft = draft_policy(terms, Contact("Shop", "a@b.example", "PO Box 12 34, 10115 Berlin"), "en")
    assert "within 3 days of placing it" in draft.markdown
    assert "or you changed your mind." in draft.markdown
    assert "Beyond that" not in draft.markdown
    assert "Returns we have confirmed go to: PO Box 12 34, 10115 Berlin" in draft.markdown


def test_german_draft() -> None:
    terms = strictest_terms([policy("A", 24, {D, W}, 15), policy("B", 48, {D, W, N}, 7)])
    draft = draft_policy(terms, CONTACT, "de")
    assert draft.title == "Rückgabe und Erstattung – Lena's Gadgets"
    assert "innerhalb von 24 Stunden nach der Bestellung stornieren" in draft.markdown
    assert "wenn der Artikel beschädigt angekommen ist oder die Größe nicht passt" in draft.markdown
    assert "spätestens binnen 14 Tagen ab Eingang Ihrer Stornierung" in draft.markdown
    assert "Werktag" not in draft.markdown
    assert "Widerrufsrecht" in draft.markdown and "Gewährleistung" in draft.markdown
    assert any(c.startswith("Stornofrist 24 Stunden") for c in draft.choices)
    assert any("„nicht wie beschrieben“" in c and "A akzeptiert" in c for c in draft.choices)


def test_html_is_escaped_and_links_the_address() -> None:
    terms = strictest_terms([policy("A", 24, {D}, 15)])
    draft = draft_policy(terms, Contact("<script>x</script> & Co", "me@shop.example"), "en")
    assert "<script>" not in draft.html and "&lt;script&gt;x&lt;/script&gt; &amp; Co" in draft.html
    assert '<a href="mailto:me@shop.example">me@shop.example</a>' in draft.html
    assert "<me@shop.example>" in draft.markdown
    assert r"\<script\>" in draft.markdown
    page = html_page(draft)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert re.search(r"<h2>Refunds</h2>\s*<p>We refund you to your original", draft.html)


def test_refusals() -> None:
    with pytest.raises(ValueError, match="at least one supplier"):
        strictest_terms([])
    terms = strictest_terms([policy("A", 24, {D}, 15)])
    with pytest.raises(ValueError, match="e-mail"):
        draft_policy(terms, Contact("Shop", "nobody"), "en")


def test_reasons_round_trip() -> None:
    assert parse_reasons("damaged, wrong_size,bogus,") == {D, W}
    assert format_reasons({W, D}) == "damaged,wrong_size"


_policies = st.builds(
    policy,
    st.text(min_size=1, max_size=5),
    st.one_of(st.none(), st.integers(0, 240)),
    st.sets(st.sampled_from(list(Reason))),
    st.integers(3, 30),
)


@given(st.lists(_policies, min_size=1, max_size=6))
def test_never_more_generous_than_any_supplier(policies: list[SupplierPolicy]) -> None:
    terms = strictest_terms(policies)
    for p in policies:
        if terms.cancel_within_hours is not None:
            assert p.cancel_accepted_within_hours is not None
            assert terms.cancel_within_hours <= p.cancel_accepted_within_hours
        assert set(terms.return_reasons) <= p.returns_allowed_for
        assert terms.refund_days >= p.refund_days_max
    for language in ("en", "de"):
        draft = draft_policy(terms, CONTACT, language)
        assert draft.markdown and draft.html and draft.choices


def test_suppliers_in_use(ledger: Ledger) -> None:
    now = datetime(2026, 6, 1, tzinfo=UTC)
    with ledger.session() as s:
        recent = Supplier(
            name="Recent", returns_allowed_for="damaged", cancel_accepted_within_hours=24
        )
        old, idle = Supplier(name="Old"), Supplier(name="Idle")
        s.add_all([recent, old, idle])
        s.flush()
        s.add(
            SupplierOrder(
                external_order_id="1", supplier_id=old.id, paid_at=now - timedelta(days=200)
            )
        )
        s.add(
            SupplierOrder(
                external_order_id="2", supplier_id=recent.id, paid_at=now - timedelta(days=3)
            )
        )
    everyone = supplier_policies(ledger.engine)
    assert [p.name for p in everyone] == ["Idle", "Old", "Recent"]
    in_use = supplier_policies(ledger.engine, since=now - timedelta(days=90))
    assert [(p.name, p.returns_allowed_for, p.cancel_accepted_within_hours) for p in in_use] == [
        ("Recent", frozenset({D}), 24)
    ]


def test_saving_a_supplier_policy(ledger: Ledger) -> None:
    with ledger.session() as s:
        supplier = Supplier(name="Yiwu", returns_allowed_for="damaged")
        s.add(supplier)
        s.flush()
        assert supplier.id is not None
        supplier_id = supplier.id
    at = datetime(2026, 5, 2, 8, tzinfo=UTC)
    edit = PolicyEdit(12, frozenset({N, D}), 5, 20, True, " https://aliexpress.com/store/1 ")
    saved = save_policy(ledger, supplier_id, edit, now=at)
    assert saved.policy.returns_allowed_for == {D, N}
    assert saved.policy.policy_url == "https://aliexpress.com/store/1"
    assert saved.policy_reviewed_at == at
    [info] = list_suppliers(ledger)
    assert info.policy == saved.policy and info.policy.cancel_accepted_within_hours == 12
    with ledger.session() as s:
        [event] = timeline(s, "supplier", supplier_id)
    assert event.kind == "supplier_policy_reviewed"
    changed = json.loads(event.payload)
    assert changed["returns_allowed_for"] == {"from": "damaged", "to": "not_as_described,damaged"}
    assert "tracking_due_days" not in changed


def test_a_bad_policy_form_lists_every_problem(ledger: Ledger) -> None:
    bad = PolicyEdit(0, frozenset(), 10, 5, False, "ftp://x")
    with pytest.raises(PolicyInvalid) as raised:
        check_policy(bad)
    assert set(raised.value.problems) == {
        "cancel_accepted_within_hours",
        "refund_days_max",
        "policy_url",
    }
    with pytest.raises(LookupError):
        save_policy(ledger, 999, PolicyEdit(None, frozenset(), 3, 15, False))


# Source: Directive 2011/83/EU, Art. 13(1): the trader refunds "not later than 14 days from the
# day on which he is informed of the consumer's decision to withdraw"; Art. 13(3): for goods he
# may withhold it until he has them back or proof of sending. A policy promising more time
# ("20 Werktage", "15 business days", or counting from "once we have confirmed") breaks that.
@pytest.mark.parametrize("language", ["en", "de"])
def test_the_policy_never_promises_a_refund_later_than_the_law(language: Language) -> None:
    heading = "## Erstattung" if language == "de" else "## Refunds"
    for days in (1, 10, 14, 15, 20, 30, 60):
        terms = strictest_terms([policy("A", 24, {D, N, W, C}, days), policy("B", None, set(), 3)])
        draft = draft_policy(terms, CONTACT, language)
        refund = draft.markdown.split(heading)[1].split("##")[0]
        promised = [int(n) for n in re.findall(r"(\d+)\s+(?:days|Tagen|Tage)", refund)]
        assert promised == [14], (days, refund)
        assert "Werktag" not in draft.markdown and "business day" not in draft.markdown
        assert "confirmed" not in refund and "bestätigt" not in refund
        assert ("spätestens" if language == "de" else "at the latest") in refund
