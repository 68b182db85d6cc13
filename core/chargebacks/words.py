"""What Shopify's dispute codes mean, in the merchant's words (English and German).

The reasons follow Shopify's ShopifyPaymentsDisputeReason descriptions; the hints say what
evidence answers each one (Shopify Help Center, "Chargeback reasons and evidence"). A code
Shopify adds later is shown as it comes.
"""

from __future__ import annotations

from core.texts import Text

REASONS: dict[str, Text] = {
    "FRAUDULENT": Text(
        "core.chargebacks.words",
        "Card holder says they did not make the payment",
    ),
    "GENERAL": Text(
        "core.chargebacks.words",
        "No reason given (ask the customer)",
    ),
    "UNRECOGNIZED": Text(
        "core.chargebacks.words",
        "Customer does not recognise the payment",
    ),
    "DUPLICATE": Text(
        "core.chargebacks.words",
        "Customer says they were charged twice",
    ),
    "SUBSCRIPTION_CANCELLED": Text(
        "core.chargebacks.words",
        "Charged after a subscription was cancelled",
    ),
    "PRODUCT_UNACCEPTABLE": Text(
        "core.chargebacks.words",
        "Item defective, damaged or not as described",
    ),
    "PRODUCT_NOT_RECEIVED": Text(
        "core.chargebacks.words",
        "Customer says the item never arrived",
    ),
    "CREDIT_NOT_PROCESSED": Text(
        "core.chargebacks.words",
        "Customer says a promised refund did not come",
    ),
    "INCORRECT_ACCOUNT_DETAILS": Text(
        "core.chargebacks.words", "Wrong account details at the bank"
    ),
    "INSUFFICIENT_FUNDS": Text("core.chargebacks.words", "Not enough money on the account"),
    "BANK_CANNOT_PROCESS": Text(
        "core.chargebacks.words",
        "The customer's bank cannot process the payment",
    ),
    "DEBIT_NOT_AUTHORIZED": Text(
        "core.chargebacks.words",
        "Direct debit not authorised by the customer",
    ),
    "CUSTOMER_INITIATED": Text(
        "core.chargebacks.words",
        "Customer disputed the payment (ask them why)",
    ),
    "NONCOMPLIANT": Text(
        "core.chargebacks.words",
        "The bank says the payment broke card network rules",
    ),
}

STATUSES: dict[str, Text] = {
    "NEEDS_RESPONSE": Text("core.chargebacks.words", "Needs your evidence"),
    "UNDER_REVIEW": Text("core.chargebacks.words", "Evidence sent: bank deciding"),
    "WON": Text("core.chargebacks.words", "Won"),
    "LOST": Text("core.chargebacks.words", "Lost"),
    "ACCEPTED": Text("core.chargebacks.words", "Accepted (not contested)"),
    "PREVENTED": Text("core.chargebacks.words", "Prevented (no chargeback)"),
    "CHARGE_REFUNDED": Text("core.chargebacks.words", "Refunded"),
}

KINDS: dict[str, Text] = {
    "CHARGEBACK": Text("core.chargebacks.words", "Chargeback"),
    "INQUIRY": Text("core.chargebacks.words", "Inquiry"),
}

#: What answers each reason, for the evidence pack and the text sent to the bank.
HINTS: dict[str, Text] = {
    "PRODUCT_NOT_RECEIVED": Text(
        "core.chargebacks.words",
        "Show that the parcel shipped to the customer's address and was "
        "delivered: carrier, tracking number and the carrier's delivery event.",
    ),
    "PRODUCT_UNACCEPTABLE": Text(
        "core.chargebacks.words",
        "Show the product as described, the refund policy the customer "
        "accepted, and that the customer did not return the item or ask for a "
        "return.",
    ),
    "CREDIT_NOT_PROCESSED": Text(
        "core.chargebacks.words",
        "Show the refund already made, or why none is owed under the refund policy.",
    ),
    "FRAUDULENT": Text(
        "core.chargebacks.words",
        "Show that the order shipped to the card holder's address and any contact with them.",
    ),
    "UNRECOGNIZED": Text(
        "core.chargebacks.words",
        "Show the order, what was shipped where, and the name the payment appears under.",
    ),
    "DUPLICATE": Text(
        "core.chargebacks.words",
        "Show that each payment belongs to a separate order.",
    ),
}
_HINT_OTHERWISE = Text(
    "core.chargebacks.words",
    "Show the order, the shipment with its tracking, the refund policy and "
    "every contact with the customer.",
)


def reason_text(code: str) -> Text:
    return REASONS.get(code) or Text.verbatim(code.replace("_", " ").lower())


def status_text(code: str) -> Text:
    return STATUSES.get(code) or Text.verbatim(code.replace("_", " ").lower())


def kind_text(code: str) -> Text:
    return KINDS.get(code) or Text.verbatim(code.title())


def hint(code: str) -> Text:
    return HINTS.get(code, _HINT_OTHERWISE)
