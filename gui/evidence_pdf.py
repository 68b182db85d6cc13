"""The evidence pack of a chargeback as a PDF (A4 portrait), in the language the merchant
chooses for it (English by default, the banks' language), never the window's.

The pack leaves the app (uploaded to Shopify or the bank), so it is a message of
`core.outgoing`: its labels are the `[evidence.pack]` templates of resources/outgoing/<lang>.toml,
its dates and money are written by that language's `[language]` rules. Core's own words in it
(reason, status, timeline) come from the Qt catalogue of the chosen language, read without
installing it. Everything comes from `core.chargebacks.evidence.EvidencePack`; every name and
free text passes through display_text and is escaped. Printed by `gui.pdf_file.write_html_pdf`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from core import clocks, outgoing
from core.chargebacks.evidence import EvidencePack, TimelineEntry, evidence_texts
from core.display_text import display_text
from core.status_words import status_words
from core.texts import Text
from gui.i18n import SOURCE_LANGUAGE, translator_for
from gui.palette import PAPER_STYLE
from gui.pdf_file import write_html_pdf

#: The templates of the pack in resources/outgoing/<lang>.toml.
SECTION = "evidence.pack"


class _Words:
    """The pack's words, dates and money in one outgoing language."""

    def __init__(self, code: str) -> None:
        self.language = outgoing.language(code)
        self.code = self.language.code
        self.translate = translator_for(self.code)

    def __call__(self, key: str, **fields: object) -> str:
        return outgoing.compose(f"{SECTION}.{key}", self.code, **fields)

    def at(self, moment: datetime | None) -> str:
        return "" if moment is None else self.language.instant(moment, clocks.MERCHANT_TIME_ZONE)

    def money(self, minor: int, currency: str) -> str:
        return self.language.money(minor, currency)

    def core(self, text: Text) -> str:
        """Core's words in the pack's language (the catalogue's, through its translator)."""
        return text.render(self.translate, self.code)

    def label(self, text: Text) -> str:
        """Core's words; a cancellation state core only has in English comes from the catalogue."""
        said = self.core(text)
        english_only = text.given and text.get(self.code) == text.get(SOURCE_LANGUAGE)
        if self.code != SOURCE_LANGUAGE and english_only and ": " in said:
            head, _, tail = said.partition(": ")
            return f"{head}: {self.translate('CancelWizard', tail)}"
        return said


def _e(text: object) -> str:
    return html.escape(display_text(str(text)))


def _row(label: str, value: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<tr><th>{_e(label)}</th><td{cls}>{_e(value)}</td></tr>"


def _entries(entries: Sequence[TimelineEntry], w: _Words) -> str:
    if not entries:
        return f"<p>{_e(w('none'))}</p>"
    rows = "".join(
        f"<tr><td>{_e(w.at(e.at))}</td><td>{_e(w.label(e.what))}</td></tr>" for e in entries
    )
    head = f"<tr><th>{_e(w('when'))}</th><th>{_e(w('what'))}</th></tr>"
    return f'<table width="100%" cellspacing="0">{head}{rows}</table>'


def evidence_html(pack: EvidencePack, lang: str, now: datetime) -> str:
    """The pack as the PDF's HTML, in the outgoing language `lang` (English when Dropdesk has
    no catalogue for it)."""
    c = pack.chargeback
    t = w = _Words(lang)  # t(<key>) for a label, w.at / w.money / w.core for values

    name = c.order_name or "—"
    parts = [
        f"<html><head><style>{PAPER_STYLE}</style></head><body>",
        f"<h1>{_e(t('title'))} – {_e(t('order_no', order=name))}</h1>",
        f'<p class="meta">{_e(_made(pack, w))}</p>',
        f"<h2>{_e(t('dispute'))}</h2><table cellspacing='0'>",
        _row(t("reason"), f"{w.core(c.reason_text)} ({c.reason})"),
        _row(t("kind"), w.core(c.kind_text)),
        _row(t("amount"), w.money(c.amount_minor, c.currency)),
        _row(t("status"), w.core(c.status_text)),
        _row(t("opened"), w.at(c.initiated_at)),
    ]
    if c.evidence_due_by is not None:
        late = c.needs_response and c.evidence_due_by <= now
        parts.append(_row(t("due"), w.at(c.evidence_due_by), "bad" if late else ""))
    if c.evidence_sent_on is not None:
        parts.append(_row(t("sent"), w.at(c.evidence_sent_on)))
    if c.finalized_on is not None:
        parts.append(_row(t("finalized"), w.at(c.finalized_on)))
    if c.network_reason_code:
        parts.append(_row(t("network"), c.network_reason_code))
    parts.append(_row(t("id"), c.shopify_gid.rsplit("/", 1)[-1]))
    parts.append("</table>")
    parts.append(f'<p class="hint"><b>{_e(t("answer"))}:</b> {_e(w.core(pack.hint))}</p>')

    parts.append(f"<h2>{_e(t('order'))}</h2>")
    order = pack.order
    if order is None:
        parts.append(f"<p>{_e(t('no_order'))}</p>")
    else:
        parts += [
            "<table cellspacing='0'>",
            _row(t("placed"), w.at(order.processed_at or order.created_at)),
            _row(t("customer"), order.customer_name or "—"),
            _row(t("email"), order.email or "—"),
            _row(t("total"), w.money(order.total_minor, order.currency)),
            _row(t("refunded"), w.money(order.refunded_minor, order.currency)),
            _row(t("payment"), order.financial_status or "—"),
            _row(t("fulfilment"), order.fulfillment_status or "—"),
        ]
        if order.cancelled_at is not None:
            parts.append(_row(t("cancelled"), w.at(order.cancelled_at)))
        parts.append("</table>")
        if order.lines:
            head = "".join(f"<th>{_e(t(k))}</th>" for k in ("item", "sku", "qty", "price"))
            rows = "".join(
                f"<tr><td>{_e(line.title)}</td><td>{_e(line.sku)}</td>"
                f'<td class="num">{line.quantity}</td>'
                f'<td class="num">{_e(w.money(line.price_minor, order.currency))}</td></tr>'
                for line in order.lines
            )
            parts.append(f'<br><table width="100%" cellspacing="0"><tr>{head}</tr>{rows}</table>')

    parts.append(f"<h2>{_e(t('shipping'))}</h2>")
    if not pack.shipments:
        parts.append(f"<p>{_e(t('no_shipment'))}</p>")
    for shipment in pack.shipments:
        status = w.core(status_words(shipment.order_status, shipment.end_reason))
        parts += [
            "<table cellspacing='0'>",
            _row(t("supplier"), shipment.supplier_name or "—"),
            _row(t("ae_order"), shipment.external_order_id),
            _row(t("status"), status),
            _row(t("carrier"), shipment.carrier or "—"),
            _row(t("tracking"), shipment.tracking_number or "—"),
            _row(t("paid"), w.at(shipment.paid_at) or "—"),
            _row(t("shipped"), w.at(shipment.shipped_at) or "—"),
            _row(t("carrier_status"), shipment.logistics_status or "—"),
            "</table><br>",
        ]
    parts.append(f"<h2>{_e(t('events'))}</h2>")
    parts.append(_entries(pack.tracking, w))
    parts.append(f"<h2>{_e(t('messages'))}</h2>")
    parts.append(_entries(pack.supplier_messages, w))
    parts.append(f"<h2>{_e(t('refunds'))}</h2>")
    parts.append(_entries(pack.refunds, w))

    parts.append(f"<h2>{_e(t('policy'))}</h2>")
    if pack.policy is None:
        parts.append(f"<p>{_e(t('no_policy'))}</p>")
    else:  # core.policy escapes every text it puts into its HTML
        parts.append(pack.policy.html.replace("<h1>", "<h3>").replace("</h1>", "</h3>"))

    parts.append(f"<h2>{_e(t('timeline'))}</h2>")
    parts.append(_entries(pack.timeline, w))
    parts.append(f"<h2>{_e(t('text'))}</h2>")
    parts.append(f"<pre>{_e_keep_lines(evidence_texts(pack)['uncategorizedText'])}</pre>")
    parts.append("</body></html>")
    return "".join(parts)


def _made(pack: EvidencePack, w: _Words) -> str:
    shop = pack.shop_name or pack.shop_domain
    at = w.at(pack.made_at)
    return w("made", shop=shop, at=at) if shop else w("made_nameless", at=at)


def _e_keep_lines(text: str) -> str:
    return "<br>".join(_e(line) for line in text.split("\n"))


def write_evidence_pdf(path: Path, pack: EvidencePack, lang: str, now: datetime) -> None:
    """Write the pack to `path` (atomically) in the outgoing language `lang`."""
    name = pack.chargeback.order_name or pack.chargeback.shopify_gid.rsplit("/", 1)[-1]
    title = f"{_Words(lang)('title')} – {name}"
    write_html_pdf(path, evidence_html(pack, lang, now), title=title)
