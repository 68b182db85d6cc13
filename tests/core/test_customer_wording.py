"""What a customer reads about a cancellation depends on why it was cancelled: "as you asked"
only when the customer asked (changed their mind, ordered the wrong size); the supplier's
missing stock, a suspected fraud or a damaged item is said as such, in every language."""

from __future__ import annotations

import pytest

from core import notices, outgoing
from core.cancel import messages
from core.ledger.types import Reason
from core.notices import NoticeFacts
from core.outgoing import Amount

#: Words that tell the customer they asked for the cancellation, per language.
ASKED = {"en": ("you asked", "your message"), "de": ("wie gewünscht", "Ihre Nachricht")}
#: Words only the supplier's stock problem may use.
STOCK = {"en": "out of stock", "de": "nicht mehr vorrätig"}
#: The refund as each language writes it (the amount recorded, never "the full amount").
MONEY = {"en": "EUR 25.00", "de": "25,00 EUR"}
LANGUAGES = sorted(ASKED)


def _says_asked(text: str, code: str) -> bool:
    return any(word.lower() in text.lower() for word in ASKED[code])


def test_every_reason_has_its_customer_phrases_in_every_language() -> None:
    for lang in outgoing.languages().values():
        for reason in Reason:
            for section in ("customer.cancelled_because", "customer.shipped_because"):
                assert f"{section}.{reason.value}" in lang.templates, (lang.code, reason)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_customer_text_says_the_customer_asked_unless_its_reason_is_theirs(code: str) -> None:
    """The class of mistake: a fixed "as you asked" in any text a customer reads."""
    asked_keys = {
        f"customer.{section}.{reason.value}"
        for section in ("cancelled_because", "shipped_because")
        for reason in messages.CUSTOMER_ASKED
    }
    lang = outgoing.languages()[code]
    for key, text in lang.templates.items():
        if key.startswith(("customer.", "notice.")) and key not in asked_keys:
            assert not _says_asked(text, code), key


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("reason", list(Reason))
def test_the_cancel_wizards_note_is_worded_by_the_reason(code: str, reason: Reason) -> None:
    asked = reason in messages.CUSTOMER_ASKED
    for refunded in (None, Amount(2_500, "EUR")):
        for shipped in (False, True):
            note = messages.customer_note(
                "#1001", code, reason=reason, refunded=refunded, shipped=shipped
            )
            text = note.text
            assert note.language == code and "#1001" in text and "{" not in text
            assert _says_asked(text, code) is asked, (refunded, shipped, text)
            assert (MONEY[code] in text) is (refunded is not None), text
            if not shipped:
                assert (STOCK[code] in text) is (reason is Reason.OUT_OF_STOCK), text
    others = {
        messages.customer_note("#1", code, reason=r, refunded=None, shipped=False).text
        for r in Reason
    }
    assert len(others) >= 6  # one wording per reason (the customer's two reasons share one)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("reason", list(Reason))
def test_the_cancellation_notice_is_worded_by_the_reason(code: str, reason: Reason) -> None:
    facts = NoticeFacts(
        order_name="#4001",
        customer_name="Jana Weber",
        total_minor=2_500,
        refund_minor=2_500,
        cancel_reason=reason,
        shop_name="Lena's Gadgets",
    )
    notice = notices.fill("cancellation_confirmed", code, facts)
    assert notice.language == code and "#4001" in notice.body and "{" not in notice.body
    assert _says_asked(notice.body, code) is (reason in messages.CUSTOMER_ASKED), notice.body
    assert (STOCK[code] in notice.body) is (reason is Reason.OUT_OF_STOCK)
    greeting = "Hello Jana Weber," if code == "en" else "Guten Tag Jana Weber,"
    assert notice.body.startswith(greeting)
