"""Texts the merchant follows (in the window's language), and the messages the merchant copies
(core.outgoing: in the recipient's language, templates in resources/outgoing/).

Messages to suppliers are short and plain (they are often read through a translator); the
customer note is polite and says what happens to the money; the dispute guide says what to
attach and the one rule that wins disputes: a parcel that shipped only after the day the
dispute was filed was not shipped in time, so the money is owed back.
"""

from __future__ import annotations

from datetime import date

from core import outgoing
from core.ledger.types import Reason
from core.outgoing import Message
from core.texts import Text


def refused_by_shopify(error: Exception) -> Text:
    """Why a Shopify step is to do again: Shopify said no (its words stay as they came)."""
    return Text.pair(f"Shopify refused: {error}", f"Shopify hat abgelehnt: {error}")


def not_sent(error: Exception) -> Text:
    """Why a Shopify step is to do again: the request never reached Shopify."""
    return Text.pair(f"not sent: {error}", f"nicht gesendet: {error}")


#: What to pick in AliExpress' cancel dialog (its wording changes; the closest one will do).
ALIEXPRESS_CANCEL_REASON = {
    Reason.NOT_AS_DESCRIBED: "I don't want the order anymore",
    Reason.DAMAGED: "I don't want the order anymore",
    Reason.WRONG_SIZE: "Wrong size/color/quantity selected",
    Reason.CHANGED_MIND: "I don't want the order anymore",
    Reason.OUT_OF_STOCK: "Seller asked me to cancel",
    Reason.FRAUD: "I don't want the order anymore",
    Reason.OTHER: "Other reasons",
}


def aliexpress_clicks(reason: Reason) -> tuple[Text, ...]:
    pick = ALIEXPRESS_CANCEL_REASON[reason]
    return (
        Text.pair(
            "Open the order page (the link above) and sign in to AliExpress.",
            "Öffnen Sie die Bestellseite (Link oben) und melden Sie sich bei AliExpress an.",
        ),
        Text.pair(
            'Press "Cancel order".', 'Klicken Sie auf „Bestellung stornieren“ ("Cancel order").'
        ),
        Text.pair(
            f'Choose the reason "{pick}" (or the closest one offered).',
            f'Wählen Sie den Grund "{pick}" (oder den ähnlichsten).',
        ),
        Text.pair(
            'Submit, then send the supplier the message below through "Contact seller".',
            "Absenden und dem Lieferanten die Nachricht unten über „Contact seller“ schicken.",
        ),
        Text.pair(
            'Back here, press "I have requested the cancellation".',
            "Zurück in Dropdesk: „Ich habe die Stornierung beantragt“ klicken.",
        ),
    )


def supplier_language(country: str | None) -> str:
    """The language to write a supplier in: their country's when Dropdesk has a catalogue for
    it (a supplier in Germany: German), else English (a supplier in China)."""
    return outgoing.language_of_country(country) or outgoing.FALLBACK


def supplier_cancel_request(
    external_order_id: str, reason: Reason, language: str = "en"
) -> Message:
    """The message asking the supplier to cancel, in the supplier's language."""
    return outgoing.message(
        "supplier.cancel_request",
        "supplier",
        language,
        order=external_order_id,
        reason=outgoing.Phrase(f"supplier.reason.{reason.value}"),
    )


def tracking_request(external_order_id: str, due: date | None, language: str = "en") -> Message:
    """The message asking a supplier who refused to cancel for the tracking number."""
    by = (
        outgoing.Phrase("supplier.by_date", {"date": due})
        if due
        else outgoing.Phrase("supplier.within_working_days", {"days": 5})
    )
    return outgoing.message(
        "supplier.tracking_request", "supplier", language, order=external_order_id, by=by
    )


#: The reasons the customer gave themselves: only a note for these may say "as you asked".
CUSTOMER_ASKED = frozenset({Reason.CHANGED_MIND, Reason.WRONG_SIZE})


def cancelled_because(order_name: str, reason: Reason) -> outgoing.Phrase:
    """The sentence telling the customer their order was cancelled, worded by why: "as you
    asked" only when they did; the supplier's stock or a suspected fraud is said as such."""
    return outgoing.Phrase(f"customer.cancelled_because.{reason.value}", {"order": order_name})


def shipped_because(order_name: str, reason: Reason) -> outgoing.Phrase:
    """The sentence telling the customer the order shipped before it could be cancelled."""
    return outgoing.Phrase(f"customer.shipped_because.{reason.value}", {"order": order_name})


def customer_note(
    order_name: str,
    language: str | None,
    *,
    reason: Reason,
    refunded: outgoing.Amount | None,
    shipped: bool,
) -> Message:
    """A note to the customer in their language: cancelled (and what was refunded, the amount
    recorded, never "the full amount" assumed) or, when it already shipped, what now; worded by
    the run's reason (the customer's wish or ours)."""
    key = ("customer.shipped" if shipped else "customer.cancelled") + (
        "_refunded" if refunded else ""
    )
    return outgoing.message(
        key,
        "customer",
        language,
        order=order_name,
        cancelled=cancelled_because(order_name, reason),
        what_happened=shipped_because(order_name, reason),
        refund=refunded or "",
    )


SHIPPED_AFTER_FILING_RULE = Text.pair(
    "If the parcel turns out to have shipped only after the day you filed the dispute, it was "
    "not shipped in time: you are owed the money back. Compare the first tracking event with "
    "the dispute's filing date and say so in the dispute.",
    "Stellt sich heraus, dass das Paket erst nach dem Tag verschickt wurde, an dem Sie den "
    "Streitfall eröffnet haben, wurde es nicht rechtzeitig verschickt: Ihnen steht das Geld "
    "zu. Vergleichen Sie das erste Tracking-Ereignis mit dem Eröffnungsdatum und weisen Sie im "
    "Streitfall darauf hin.",
)


def dispute_steps(external_order_id: str) -> tuple[Text, ...]:
    return (
        Text.pair(
            f'Open the order page of {external_order_id} and press "Open dispute" '
            '(or "Report a problem").',
            f"Öffnen Sie die Bestellseite von {external_order_id} und klicken Sie auf "
            "„Open dispute“ (oder „Report a problem“).",
        ),
        Text.pair(
            'Choose "Package not received" / "Seller did not ship", ask for a full refund '
            "without return.",
            "Wählen Sie „Package not received“ / „Seller did not ship“ und verlangen Sie die "
            "volle Erstattung ohne Rücksendung.",
        ),
        Text.pair(
            "Explain: you asked to cancel before shipping, the supplier refused and sent no "
            "tracking number within the time you gave.",
            "Erklären Sie: Sie haben vor dem Versand storniert, der Lieferant hat abgelehnt und "
            "in der gesetzten Frist keine Sendungsnummer geschickt.",
        ),
        Text.pair(
            "Submit, then record the dispute here. You may escalate it after 3 days; unresolved "
            "after 15 days it goes to AliExpress' case team.",
            "Absenden und den Streitfall hier erfassen. Nach 3 Tagen können Sie eskalieren; "
            "nach 15 Tagen ohne Lösung übernimmt das Fallteam von AliExpress.",
        ),
    )


DISPUTE_ATTACHMENTS = (
    Text.pair(
        "A screenshot of your cancellation request and its date",
        "Ein Screenshot Ihres Stornierungsantrags mit Datum",
    ),
    Text.pair(
        "Your messages to the supplier asking to cancel and for the tracking number",
        "Ihre Nachrichten an den Lieferanten (Stornierung, Sendungsnummer)",
    ),
    Text.pair(
        "The order page showing no tracking (or the tracking page with its first scan date)",
        "Die Bestellseite ohne Tracking (oder die Tracking-Seite mit dem ersten Scan)",
    ),
)


def _open_order(order_name: str | None) -> Text:
    """The first click: the link above when there is one (`order_name` None), else the order
    by its name (the link button is disabled then, and must not be pointed at)."""
    if order_name is None:
        return Text.pair(
            "Open the order in the Shopify admin (the link above).",
            "Öffnen Sie die Bestellung im Shopify-Admin (Link oben).",
        )
    return Text.pair(
        f"Open the Shopify admin and find the order {order_name} under Orders.",
        f"Öffnen Sie den Shopify-Adminbereich und suchen Sie die Bestellung {order_name} unter "
        "„Bestellungen“.",
    )


def shopify_clicks(*, refund: bool, unlinked_name: str | None = None) -> tuple[Text, ...]:
    """The clicks in the Shopify admin; `unlinked_name`: no admin link is known, find the
    order by this name."""
    if refund:
        return (
            _open_order(unlinked_name),
            Text.pair('Press "Refund".', 'Klicken Sie auf „Rückerstattung“ ("Refund").'),
            Text.pair(
                "Enter the quantities to refund; restock fulfilled items as returns.",
                "Geben Sie die Mengen ein; versandte Artikel als Rücksendung einlagern.",
            ),
            Text.pair(
                'Check the amount, press "Refund", and enter that amount here.',
                "Betrag prüfen, „Rückerstattung“ bestätigen und den Betrag hier eintragen.",
            ),
        )
    return (
        _open_order(unlinked_name),
        Text.pair(
            'Press "More actions" > "Cancel order".',
            "Klicken Sie auf „Weitere Aktionen“ > „Bestellung stornieren“.",
        ),
        Text.pair(
            "Choose the refund to the original payment, restock the items, pick the reason, "
            "and decide whether to notify the customer.",
            "Erstattung auf die ursprüngliche Zahlungsart wählen, Artikel wieder einlagern, "
            "Grund wählen und entscheiden, ob der Kunde benachrichtigt wird.",
        ),
        Text.pair(
            'Press "Cancel order", then enter the refunded amount here.',
            "„Bestellung stornieren“ klicken und den erstatteten Betrag hier eintragen.",
        ),
    )
