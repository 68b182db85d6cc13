"""Shopify Payments disputes (chargebacks): listing them, and sending the text evidence.

Reading needs the access scope `read_shopify_payments_disputes`; the evidence needs
`write_shopify_payments_dispute_evidences` (which also grants reading it). A shop without
Shopify Payments has no payments account: the listing says so instead of failing.

`evidenceDueBy` is a Date in API 2026-01 and a DateTime since 2026-04. A bare date is read as
the start of that day in UTC, so Dropdesk never shows more time than there is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from core.shopify import parse
from core.shopify.client import ShopifyClient
from core.shopify.errors import ShopifyError, ShopifyUserError
from core.shopify.results import Money
from core.texts import Text

DISPUTES_PER_PAGE = 50
#: The text fields of ShopifyPaymentsDisputeEvidenceUpdateInput Dropdesk fills.
EVIDENCE_TEXT_FIELDS = (
    "uncategorizedText",
    "refundPolicyDisclosure",
    "refundRefusalExplanation",
    "cancellationPolicyDisclosure",
    "cancellationRebuttal",
    "accessActivityLog",
    "customerEmailAddress",
    "customerFirstName",
    "customerLastName",
)


class NoShopifyPaymentsError(ShopifyError):
    """The shop has no Shopify Payments account, so it has no Shopify Payments disputes."""


class DisputeEvidenceRefusedError(ShopifyUserError):
    """Shopify would not save the evidence (past due, already accepted, invalid)."""


@dataclass(frozen=True)
class ShopDispute:
    """One dispute as Shopify reports it."""

    gid: str
    legacy_id: int
    status: str  # DisputeStatus: NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST, ACCEPTED, ...
    kind: str  # DisputeType: CHARGEBACK or INQUIRY
    reason: str  # ShopifyPaymentsDisputeReason
    network_reason_code: str
    amount: Money
    evidence_due_by: datetime | None
    evidence_sent_on: datetime | None
    initiated_at: datetime
    finalized_on: datetime | None
    order_gid: str | None
    order_legacy_id: int | None
    order_name: str


@dataclass(frozen=True)
class DisputePage:
    disputes: tuple[ShopDispute, ...]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True)
class EvidenceState:
    """A dispute's evidence object: its id (what disputeEvidenceUpdate takes) and whether it
    was submitted."""

    dispute_gid: str
    evidence_gid: str
    submitted: bool


def _day_or_instant(node: Mapping[str, Any], key: str) -> datetime | None:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, str) and len(value) == 10:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            raise parse._bad(key) from None
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return parse.instant(node, key)


def _dispute(node: Any) -> ShopDispute:
    node = parse.obj(node, "dispute")
    reason = parse.obj(node.get("reasonDetails"), "reasonDetails")
    amount = parse.obj(node.get("amount"), "amount")
    order = node.get("order")
    order_node = parse.obj(order, "order") if order is not None else None
    return ShopDispute(
        gid=parse.text(node, "id"),
        legacy_id=parse.integer(node, "legacyResourceId"),
        status=parse.text(node, "status"),
        kind=parse.text(node, "type", default="CHARGEBACK"),
        reason=parse.text(reason, "reason"),
        network_reason_code=parse.text(reason, "networkReasonCode", default=""),
        amount=parse.money({"shopMoney": amount}, "amount"),
        evidence_due_by=_day_or_instant(node, "evidenceDueBy"),
        evidence_sent_on=_day_or_instant(node, "evidenceSentOn"),
        initiated_at=parse.instant(node, "initiatedAt"),
        finalized_on=_day_or_instant(node, "finalizedOn"),
        order_gid=parse.text(order_node, "id") if order_node else None,
        order_legacy_id=parse.integer(order_node, "legacyResourceId") if order_node else None,
        order_name=parse.text(order_node, "name") if order_node else "",
    )


def dispute_page(
    client: ShopifyClient,
    *,
    after: str | None = None,
    first: int = DISPUTES_PER_PAGE,
    query: str | None = None,
) -> DisputePage:
    """One page of the shop's disputes; NoShopifyPaymentsError without a payments account."""
    data = client.run("disputes", {"first": first, "after": after, "query": query})
    account = data.get("shopifyPaymentsAccount")
    if account is None:
        raise NoShopifyPaymentsError(
            Text(
                "core.shopify.disputes",
                "The shop {client_shop} does not use Shopify Payments, so it has no "
                "Shopify Payments chargebacks to show. Chargebacks of other payment "
                "providers (PayPal, Klarna, ...) are handled in their own dashboards.",
                client_shop=client.shop,
            ),
        )
    connection = parse.obj(parse.obj(account, "payments account").get("disputes"), "disputes")
    nodes = connection.get("nodes")
    if not isinstance(nodes, list):
        raise parse._bad("disputes")
    info = parse.obj(connection.get("pageInfo"), "pageInfo")
    cursor = info.get("endCursor")
    return DisputePage(
        disputes=tuple(_dispute(node) for node in nodes),
        end_cursor=cursor if isinstance(cursor, str) else None,
        has_next_page=info.get("hasNextPage") is True,
    )


def iter_dispute_pages(
    client: ShopifyClient, *, first: int = DISPUTES_PER_PAGE, query: str | None = None
) -> Iterator[DisputePage]:
    """Every page of the shop's disputes, following the cursor."""
    after: str | None = None
    while True:
        page = dispute_page(client, after=after, first=first, query=query)
        yield page
        if not page.has_next_page or page.end_cursor is None or page.end_cursor == after:
            return
        after = page.end_cursor


def evidence_state(client: ShopifyClient, dispute_gid: str) -> EvidenceState:
    """The id of the dispute's evidence object and whether it was submitted."""
    data = client.run("dispute_evidence", {"id": dispute_gid})
    dispute = data.get("dispute")
    if dispute is None:
        raise ShopifyError(
            Text(
                "core.shopify.disputes",
                "Shopify ({client_shop}) has no dispute {number}.",
                client_shop=client.shop,
                number=_number(dispute_gid),
            ),
        )
    evidence = parse.obj(parse.obj(dispute, "dispute").get("disputeEvidence"), "disputeEvidence")
    return EvidenceState(
        dispute_gid=dispute_gid,
        evidence_gid=parse.text(evidence, "id"),
        submitted=evidence.get("submitted") is True,
    )


def update_dispute_evidence(
    client: ShopifyClient,
    evidence_gid: str,
    texts: Mapping[str, str],
    *,
    submit: bool,
) -> bool:
    """Save these evidence texts; with `submit`, also send the evidence to the card network
    (final: the merchant confirms first). Returns whether Shopify says it is submitted.

    Saving the same text again changes nothing, so the call may be repeated after a failure.
    """
    unknown = set(texts) - set(EVIDENCE_TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not evidence text fields: {sorted(unknown)}")
    evidence_input: dict[str, Any] = {k: v for k, v in texts.items() if v}
    evidence_input["submitEvidence"] = submit
    data = client.run(
        "dispute_evidence_update", {"id": evidence_gid, "input": evidence_input}, repeatable=True
    )
    payload = parse.obj(data.get("disputeEvidenceUpdate"), "disputeEvidenceUpdate")
    details = parse.user_errors(payload.get("userErrors"))
    if details:
        said = "; ".join(detail.message for detail in details)
        raise DisputeEvidenceRefusedError(
            Text(
                "core.shopify.disputes", "Shopify would not save the evidence: {said}.", said=said
            ),
            details,
        )
    evidence = parse.obj(payload.get("disputeEvidence"), "disputeEvidence")
    return evidence.get("submitted") is True


def _number(gid: str) -> str:
    return gid.rsplit("/", 1)[-1]
