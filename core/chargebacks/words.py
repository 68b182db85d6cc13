"""What Shopify's dispute codes mean, in the merchant's words (English and German).

The reasons follow Shopify's ShopifyPaymentsDisputeReason descriptions; the hints say what
evidence answers each one (Shopify Help Center, "Chargeback reasons and evidence"). A code
Shopify adds later is shown as it comes.
"""

from __future__ import annotations

from core.texts import Text

REASONS: dict[str, Text] = {
    "FRAUDULENT": Text(
        "Card holder says they did not make the payment",
        "Karteninhaber sagt, er habe die Zahlung nicht veranlasst",
    ),
    "GENERAL": Text(
        "No reason given (ask the customer)", "Kein Grund genannt (beim Kunden nachfragen)"
    ),
    "UNRECOGNIZED": Text(
        "Customer does not recognise the payment", "Kunde erkennt die Abbuchung nicht"
    ),
    "DUPLICATE": Text("Customer says they were charged twice", "Kunde sagt, doppelt belastet"),
    "SUBSCRIPTION_CANCELLED": Text(
        "Charged after a subscription was cancelled", "Belastet nach Kündigung eines Abos"
    ),
    "PRODUCT_UNACCEPTABLE": Text(
        "Item defective, damaged or not as described",
        "Artikel defekt, beschädigt oder nicht wie beschrieben",
    ),
    "PRODUCT_NOT_RECEIVED": Text(
        "Customer says the item never arrived", "Kunde sagt, der Artikel sei nie angekommen"
    ),
    "CREDIT_NOT_PROCESSED": Text(
        "Customer says a promised refund did not come",
        "Kunde sagt, eine zugesagte Erstattung sei nicht gekommen",
    ),
    "INCORRECT_ACCOUNT_DETAILS": Text(
        "Wrong account details at the bank", "Falsche Kontodaten bei der Bank"
    ),
    "INSUFFICIENT_FUNDS": Text("Not enough money on the account", "Konto nicht gedeckt"),
    "BANK_CANNOT_PROCESS": Text(
        "The customer's bank cannot process the payment",
        "Die Bank des Kunden kann die Zahlung nicht verarbeiten",
    ),
    "DEBIT_NOT_AUTHORIZED": Text(
        "Direct debit not authorised by the customer", "Lastschrift vom Kunden nicht autorisiert"
    ),
    "CUSTOMER_INITIATED": Text(
        "Customer disputed the payment (ask them why)",
        "Kunde hat die Zahlung angefochten (nach dem Grund fragen)",
    ),
    "NONCOMPLIANT": Text(
        "The bank says the payment broke card network rules",
        "Die Bank sagt, die Zahlung verstoße gegen Kartennetz-Regeln",
    ),
}

STATUSES: dict[str, Text] = {
    "NEEDS_RESPONSE": Text("Needs your evidence", "Wartet auf Ihre Nachweise"),
    "UNDER_REVIEW": Text("Evidence sent: bank deciding", "Nachweise gesendet: Bank entscheidet"),
    "WON": Text("Won", "Gewonnen"),
    "LOST": Text("Lost", "Verloren"),
    "ACCEPTED": Text("Accepted (not contested)", "Akzeptiert (nicht angefochten)"),
    "PREVENTED": Text("Prevented (no chargeback)", "Abgewendet (keine Rückbuchung)"),
    "CHARGE_REFUNDED": Text("Refunded", "Erstattet"),
}

KINDS: dict[str, Text] = {
    "CHARGEBACK": Text("Chargeback", "Rückbuchung"),
    "INQUIRY": Text("Inquiry", "Anfrage"),
}

#: What answers each reason, for the evidence pack and the text sent to the bank.
HINTS: dict[str, Text] = {
    "PRODUCT_NOT_RECEIVED": Text(
        "Show that the parcel shipped to the customer's address and was delivered: carrier, "
        "tracking number and the carrier's delivery event.",
        "Zeigen Sie, dass das Paket an die Adresse des Kunden ging und zugestellt wurde: "
        "Versanddienst, Sendungsnummer und das Zustellereignis.",
    ),
    "PRODUCT_UNACCEPTABLE": Text(
        "Show the product as described, the refund policy the customer accepted, and that the "
        "customer did not return the item or ask for a return.",
        "Zeigen Sie den Artikel wie beschrieben, die akzeptierten Rückgabebedingungen und dass "
        "der Kunde den Artikel nicht zurückgeschickt oder keine Rückgabe verlangt hat.",
    ),
    "CREDIT_NOT_PROCESSED": Text(
        "Show the refund already made, or why none is owed under the refund policy.",
        "Zeigen Sie die bereits geleistete Erstattung oder warum laut Erstattungsrichtlinie "
        "keine fällig ist.",
    ),
    "FRAUDULENT": Text(
        "Show that the order shipped to the card holder's address and any contact with them.",
        "Zeigen Sie, dass an die Adresse des Karteninhabers versandt wurde, und jeden Kontakt "
        "mit ihm.",
    ),
    "UNRECOGNIZED": Text(
        "Show the order, what was shipped where, and the name the payment appears under.",
        "Zeigen Sie die Bestellung, was wohin versandt wurde, und unter welchem Namen die "
        "Abbuchung erscheint.",
    ),
    "DUPLICATE": Text(
        "Show that each payment belongs to a separate order.",
        "Zeigen Sie, dass jede Zahlung zu einer eigenen Bestellung gehört.",
    ),
}
_HINT_OTHERWISE = Text(
    "Show the order, the shipment with its tracking, the refund policy and every contact with "
    "the customer.",
    "Zeigen Sie die Bestellung, den Versand mit Sendungsverfolgung, die Erstattungsrichtlinie "
    "und jeden Kontakt mit dem Kunden.",
)


def reason_text(code: str) -> Text:
    return REASONS.get(code) or Text(code.replace("_", " ").lower(), code.replace("_", " ").lower())


def status_text(code: str) -> Text:
    return STATUSES.get(code) or Text(
        code.replace("_", " ").lower(), code.replace("_", " ").lower()
    )


def kind_text(code: str) -> Text:
    return KINDS.get(code) or Text(code.title(), code.title())


def hint(code: str) -> Text:
    return HINTS.get(code, _HINT_OTHERWISE)
