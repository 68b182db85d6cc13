"""The evidence pack of a chargeback as a PDF (A4 portrait), in English or German.

Everything in it comes from `core.chargebacks.evidence.EvidencePack`; every name and free text
passes through display_text and is escaped. Printed by `gui.pdf_file.write_html_pdf`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from core.chargebacks.evidence import EvidencePack, TimelineEntry, evidence_texts
from core.display_text import display_text
from core.texts import Text
from gui.formatting import countdown_text, local_time, money, status_text
from gui.palette import PAPER_STYLE
from gui.pdf_file import write_html_pdf

T = {
    "title": Text.pair("Chargeback evidence", "Nachweise zur Rückbuchung"),
    "order_no": Text.pair("Order {0}", "Bestellung {0}"),
    "made": Text.pair(
        "Shop {0} · prepared {1} by Dropdesk", "Shop {0} · erstellt {1} mit Dropdesk"
    ),
    "dispute": Text.pair("The dispute", "Die Rückbuchung"),
    "reason": Text.pair("Reason", "Grund"),
    "kind": Text.pair("Kind", "Art"),
    "amount": Text.pair("Amount disputed", "Betrag"),
    "status": Text.pair("Status", "Status"),
    "opened": Text.pair("Opened", "Eröffnet"),
    "due": Text.pair("Evidence due", "Nachweise fällig bis"),
    "sent": Text.pair("Evidence sent", "Nachweise gesendet"),
    "finalized": Text.pair("Decided", "Entschieden"),
    "network": Text.pair("Card network code", "Code des Kartennetzes"),
    "id": Text.pair("Shopify dispute", "Shopify-Rückbuchung"),
    "answer": Text.pair("What answers this reason", "Was diesen Grund widerlegt"),
    "order": Text.pair("Order and payment", "Bestellung und Zahlung"),
    "no_order": Text.pair(
        "The ledger has no order for this chargeback (it was not synced or imported yet).",
        "Im Journal ist keine Bestellung zu dieser Rückbuchung (noch nicht synchronisiert oder "
        "importiert).",
    ),
    "placed": Text.pair("Placed", "Bestellt"),
    "customer": Text.pair("Customer", "Kunde"),
    "email": Text.pair("E-mail", "E-Mail"),
    "total": Text.pair("Total paid", "Bezahlt"),
    "refunded": Text.pair("Refunded", "Erstattet"),
    "payment": Text.pair("Payment status", "Zahlungsstatus"),
    "fulfilment": Text.pair("Fulfilment", "Versandstatus"),
    "cancelled": Text.pair("Cancelled", "Storniert"),
    "item": Text.pair("Item", "Artikel"),
    "sku": Text.pair("SKU", "SKU"),
    "qty": Text.pair("Qty", "Menge"),
    "price": Text.pair("Price", "Preis"),
    "shipping": Text.pair("Fulfilment and tracking", "Versand und Sendungsverfolgung"),
    "no_shipment": Text.pair(
        "No supplier order is recorded for this order.",
        "Zu dieser Bestellung ist keine Lieferantenbestellung erfasst.",
    ),
    "supplier": Text.pair("Supplier", "Lieferant"),
    "ae_order": Text.pair("AliExpress order", "AliExpress-Bestellung"),
    "carrier": Text.pair("Carrier", "Versanddienst"),
    "tracking": Text.pair("Tracking number", "Sendungsnummer"),
    "paid": Text.pair("Bought", "Gekauft"),
    "shipped": Text.pair("Shipped", "Versandt"),
    "carrier_status": Text.pair("Carrier's last status", "Letzter Status des Versanddienstes"),
    "events": Text.pair("Tracking and status history", "Verlauf von Versand und Status"),
    "messages": Text.pair("The supplier's messages", "Nachrichten des Lieferanten"),
    "none": Text.pair("None recorded.", "Keine erfasst."),
    "refunds": Text.pair("Refunds", "Erstattungen"),
    "policy": Text.pair("Refund policy in force", "Geltende Erstattungsrichtlinie"),
    "no_policy": Text.pair(
        "No refund policy was drafted in Dropdesk (Review > Refund policy…).",
        "In Dropdesk wurde keine Rückerstattungsrichtlinie entworfen (Auswertung > "
        "Rückerstattungsrichtlinie…).",
    ),
    "timeline": Text.pair("Timeline of what was done", "Ablauf: was getan wurde"),
    "when": Text.pair("When", "Wann"),
    "what": Text.pair("What", "Was"),
    "text": Text.pair("Text evidence for Shopify", "Textnachweis für Shopify"),
}


def _e(text: object) -> str:
    return html.escape(display_text(str(text)))


def _row(label: str, value: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<tr><th>{_e(label)}</th><td{cls}>{_e(value)}</td></tr>"


def _entries(entries: Sequence[TimelineEntry], lang: str) -> str:
    if not entries:
        return f"<p>{_e(T['none'].get(lang))}</p>"
    rows = "".join(
        f"<tr><td>{_e(local_time(e.at))}</td><td>{_e(_label(e.what, lang))}</td></tr>"
        for e in entries
    )
    head = f"<tr><th>{_e(T['when'].get(lang))}</th><th>{_e(T['what'].get(lang))}</th></tr>"
    return f'<table width="100%" cellspacing="0">{head}{rows}</table>'


def _core(text: Text, lang: str) -> str:
    """Core's words in the document's language (the catalogue's, through the translator)."""
    return text.render(QCoreApplication.translate, lang)


def _label(text: Text, lang: str) -> str:
    """Core's words; a cancellation state core only has in English comes from the catalogue."""
    said = _core(text, lang)
    if lang == "de" and text.given and text.get("de") == text.get("en") and ": " in said:
        head, _, tail = said.partition(": ")
        return f"{head}: {QCoreApplication.translate('CancelWizard', tail)}"
    return said


def evidence_html(pack: EvidencePack, lang: str, now: datetime) -> str:
    """The pack as the PDF's HTML."""
    c = pack.chargeback

    def t(key: str) -> str:
        return T[key].get(lang)

    name = c.order_name or "—"
    parts = [
        f"<html><head><style>{PAPER_STYLE}</style></head><body>",
        f"<h1>{_e(t('title'))} – {_e(t('order_no').format(name))}</h1>",
        f'<p class="meta">{_e(_made(pack, lang))}</p>',
        f"<h2>{_e(t('dispute'))}</h2><table cellspacing='0'>",
        _row(t("reason"), f"{_core(c.reason_text, lang)} ({c.reason})"),
        _row(t("kind"), _core(c.kind_text, lang)),
        _row(t("amount"), money(c.amount_minor, c.currency)),
        _row(t("status"), _core(c.status_text, lang)),
        _row(t("opened"), local_time(c.initiated_at)),
    ]
    if c.evidence_due_by is not None:
        late = c.needs_response and c.evidence_due_by <= now
        due = local_time(c.evidence_due_by)
        if c.needs_response:
            due += f" ({countdown_text(c.evidence_due_by - now)})"
        parts.append(_row(t("due"), due, "bad" if late else ""))
    if c.evidence_sent_on is not None:
        parts.append(_row(t("sent"), local_time(c.evidence_sent_on)))
    if c.finalized_on is not None:
        parts.append(_row(t("finalized"), local_time(c.finalized_on)))
    if c.network_reason_code:
        parts.append(_row(t("network"), c.network_reason_code))
    parts.append(_row(t("id"), c.shopify_gid.rsplit("/", 1)[-1]))
    parts.append("</table>")
    parts.append(f'<p class="hint"><b>{_e(t("answer"))}:</b> {_e(_core(pack.hint, lang))}</p>')

    parts.append(f"<h2>{_e(t('order'))}</h2>")
    order = pack.order
    if order is None:
        parts.append(f"<p>{_e(t('no_order'))}</p>")
    else:
        parts += [
            "<table cellspacing='0'>",
            _row(t("placed"), local_time(order.processed_at or order.created_at)),
            _row(t("customer"), order.customer_name or "—"),
            _row(t("email"), order.email or "—"),
            _row(t("total"), money(order.total_minor, order.currency)),
            _row(t("refunded"), money(order.refunded_minor, order.currency)),
            _row(t("payment"), order.financial_status or "—"),
            _row(t("fulfilment"), order.fulfillment_status or "—"),
        ]
        if order.cancelled_at is not None:
            parts.append(_row(t("cancelled"), local_time(order.cancelled_at)))
        parts.append("</table>")
        if order.lines:
            head = "".join(f"<th>{_e(t(k))}</th>" for k in ("item", "sku", "qty", "price"))
            rows = "".join(
                f"<tr><td>{_e(line.title)}</td><td>{_e(line.sku)}</td>"
                f'<td class="num">{line.quantity}</td>'
                f'<td class="num">{_e(money(line.price_minor, order.currency))}</td></tr>'
                for line in order.lines
            )
            parts.append(f'<br><table width="100%" cellspacing="0"><tr>{head}</tr>{rows}</table>')

    parts.append(f"<h2>{_e(t('shipping'))}</h2>")
    if not pack.shipments:
        parts.append(f"<p>{_e(t('no_shipment'))}</p>")
    for shipment in pack.shipments:
        parts += [
            "<table cellspacing='0'>",
            _row(t("supplier"), shipment.supplier_name or "—"),
            _row(t("ae_order"), shipment.external_order_id),
            _row(t("status"), status_text(shipment.order_status, shipment.end_reason)),
            _row(t("carrier"), shipment.carrier or "—"),
            _row(t("tracking"), shipment.tracking_number or "—"),
            _row(t("paid"), local_time(shipment.paid_at) or "—"),
            _row(t("shipped"), local_time(shipment.shipped_at) or "—"),
            _row(t("carrier_status"), shipment.logistics_status or "—"),
            "</table><br>",
        ]
    parts.append(f"<h2>{_e(t('events'))}</h2>")
    parts.append(_entries(pack.tracking, lang))
    parts.append(f"<h2>{_e(t('messages'))}</h2>")
    parts.append(_entries(pack.supplier_messages, lang))
    parts.append(f"<h2>{_e(t('refunds'))}</h2>")
    parts.append(_entries(pack.refunds, lang))

    parts.append(f"<h2>{_e(t('policy'))}</h2>")
    if pack.policy is None:
        parts.append(f"<p>{_e(t('no_policy'))}</p>")
    else:  # core.policy escapes every text it puts into its HTML
        parts.append(pack.policy.html.replace("<h1>", "<h3>").replace("</h1>", "</h3>"))

    parts.append(f"<h2>{_e(t('timeline'))}</h2>")
    parts.append(_entries(pack.timeline, lang))
    parts.append(f"<h2>{_e(t('text'))}</h2>")
    parts.append(f"<pre>{_e_keep_lines(evidence_texts(pack)['uncategorizedText'])}</pre>")
    parts.append("</body></html>")
    return "".join(parts)


def _made(pack: EvidencePack, lang: str) -> str:
    shop = pack.shop_name or pack.shop_domain
    made = T["made"].get(lang).format(shop, local_time(pack.made_at))
    return made if shop else made.split(" · ", 1)[1]


def _e_keep_lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def write_evidence_pdf(path: Path, pack: EvidencePack, lang: str, now: datetime) -> None:
    """Write the pack to `path` (atomically)."""
    name = pack.chargeback.order_name or pack.chargeback.shopify_gid.rsplit("/", 1)[-1]
    title = f"{T['title'].get(lang)} – {name}"
    write_html_pdf(path, evidence_html(pack, lang, now), title=title)
