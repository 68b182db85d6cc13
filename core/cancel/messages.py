"""Texts the merchant copies or follows, in English and German.

Messages to suppliers are short and plain (they are often read through a translator); the
customer note is polite and says what happens to the money; the dispute guide says what to
attach and the one rule that wins disputes: a parcel that shipped only after the day the
dispute was filed was not shipped in time, so the money is owed back.
"""

from __future__ import annotations

from datetime import datetime

from core.ledger.types import Reason
from core.texts import Text

ALIEXPRESS_ORDER_URL = "https://www.aliexpress.com/p/order/detail.html?orderId={order_id}"


def refused_by_shopify(error: Exception) -> Text:
    """Why a Shopify step is to do again: Shopify said no (its words stay as they came)."""
    return Text.pair(f"Shopify refused: {error}", f"Shopify hat abgelehnt: {error}")


def not_sent(error: Exception) -> Text:
    """Why a Shopify step is to do again: the request never reached Shopify."""
    return Text.pair(f"not sent: {error}", f"nicht gesendet: {error}")


def order_url(external_order_id: str) -> str:
    return ALIEXPRESS_ORDER_URL.format(order_id=external_order_id)


_REASON = {
    Reason.NOT_AS_DESCRIBED: Text.pair(
        "the product is not as described", "der Artikel nicht der Beschreibung entspricht"
    ),
    Reason.DAMAGED: Text.pair("the product would arrive damaged", "der Artikel beschädigt wäre"),
    Reason.WRONG_SIZE: Text.pair("the wrong size was ordered", "die falsche Größe bestellt wurde"),
    Reason.CHANGED_MIND: Text.pair(
        "my customer cancelled the order", "mein Kunde die Bestellung storniert hat"
    ),
    Reason.OUT_OF_STOCK: Text.pair("the item is out of stock", "der Artikel nicht vorrätig ist"),
    Reason.FRAUD: Text.pair(
        "the order turned out to be fraudulent", "sich die Bestellung als Betrug herausstellte"
    ),
    Reason.OTHER: Text.pair(
        "my customer cancelled the order", "mein Kunde die Bestellung storniert hat"
    ),
}

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


def supplier_cancel_request(external_order_id: str, reason: Reason) -> Text:
    why = _REASON[reason]
    return Text.pair(
        f"Hello,\n\nplease cancel my order {external_order_id} before it ships, because {why.get('en')}. "
        "I have submitted the cancellation request on AliExpress; please accept it.\n\n"
        "If the parcel has already been shipped, please send me the tracking number.\n\n"
        "Thank you!",
        f"Guten Tag,\n\nbitte stornieren Sie meine Bestellung {external_order_id} vor dem Versand, "
        f"da {why.get('de')}. Ich habe die Stornierung auf AliExpress beantragt; bitte "
        "nehmen Sie sie an.\n\nFalls das Paket schon verschickt wurde, senden Sie mir bitte die "
        "Sendungsnummer.\n\nVielen Dank!",
    )


def tracking_request(external_order_id: str, due: datetime | None) -> Text:
    by_en = f" by {due:%Y-%m-%d}" if due else " within 5 working days"
    by_de = f" bis zum {due:%d.%m.%Y}" if due else " innerhalb von 5 Werktagen"
    return Text.pair(
        f"Hello,\n\nyou declined to cancel order {external_order_id}, so I understand it has been "
        f"shipped. Please send me the tracking number{by_en}.\n\n"
        "Without a tracking number I have to assume the order was not shipped and will open "
        "a dispute for a full refund.\n\nThank you!",
        f"Guten Tag,\n\nSie haben die Stornierung der Bestellung {external_order_id} abgelehnt, "
        f"also gehe ich davon aus, dass sie verschickt wurde. Bitte senden Sie mir{by_de} die "
        "Sendungsnummer.\n\nOhne Sendungsnummer muss ich annehmen, dass nichts verschickt "
        "wurde, und eröffne einen Streitfall (Dispute) auf volle Erstattung.\n\nVielen Dank!",
    )


def customer_note(order_name: str, *, refunded: bool, shipped: bool) -> Text:
    """A note to the customer: cancelled (money back) or, when it already shipped, what now."""
    if shipped:
        return Text.pair(
            f"Hello,\n\nthank you for your message about order {order_name}. It had already "
            "been shipped when you asked to cancel, so it could not be stopped any more. "
            + (
                "We have refunded you; the refund shows on your statement within a few days. "
                if refunded
                else ""
            )
            + "If the parcel still reaches you, please write to us before sending anything "
            "back, and we will tell you how to return it.\n\nKind regards",
            f"Hallo,\n\nvielen Dank für Ihre Nachricht zur Bestellung {order_name}. Sie war "
            "schon verschickt, als Sie stornieren wollten, und ließ sich nicht mehr aufhalten. "
            + (
                "Wir haben Ihnen den Betrag erstattet; er erscheint in einigen Tagen auf Ihrem "
                "Konto. "
                if refunded
                else ""
            )
            + "Falls das Paket bei Ihnen ankommt, schreiben Sie uns bitte, bevor Sie etwas "
            "zurückschicken; wir sagen Ihnen dann, wie die Rücksendung geht.\n\n"
            "Freundliche Grüße",
        )
    return Text.pair(
        f"Hello,\n\nyour order {order_name} has been cancelled as you asked. "
        + (
            "The full amount has been refunded to your original payment method; it shows on "
            "your statement within a few days. "
            if refunded
            else ""
        )
        + "Nothing will be shipped.\n\nKind regards",
        f"Hallo,\n\nIhre Bestellung {order_name} wurde wie gewünscht storniert. "
        + (
            "Der volle Betrag wurde auf Ihre ursprüngliche Zahlungsart erstattet und erscheint "
            "in einigen Tagen auf Ihrem Konto. "
            if refunded
            else ""
        )
        + "Es wird nichts verschickt.\n\nFreundliche Grüße",
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
            f"Öffnen Sie die Bestellseite von {external_order_id} und klicken Sie auf „Open dispute“ "
            "(oder „Report a problem“).",
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


def shopify_clicks(*, refund: bool) -> tuple[Text, ...]:
    if refund:
        return (
            Text.pair(
                "Open the order in the Shopify admin (the link above).",
                "Öffnen Sie die Bestellung im Shopify-Admin (Link oben).",
            ),
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
        Text.pair(
            "Open the order in the Shopify admin (the link above).",
            "Öffnen Sie die Bestellung im Shopify-Admin (Link oben).",
        ),
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
