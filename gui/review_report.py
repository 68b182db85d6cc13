"""The refund review as a PDF for the accountant: filters, totals, charts, breakdowns and the
refund lines, laid out by QTextDocument and printed with QPdfWriter (A4 landscape).

Every text comes from the ledger and is escaped; free text was redacted by core.review. The
lines are capped (a PDF of 70,000 refunds helps nobody): the report says how many it left out
and that the CSV export has them all. Needs a QApplication (the charts are widgets).
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.display_text import display_text
from core.partial_files import clean_leftovers, create_partial
from core.rates import MANUAL, Rate
from core.review import (
    FAULT_LABELS,
    LINE_COLUMNS,
    MEASURES,
    REASON_LABELS,
    STATE_LABELS,
    Amount,
    Cell,
    GroupRow,
    LineColumn,
    LineKind,
    Review,
    ReviewFilter,
    ReviewSummary,
    label,
)
from gui.formatting import day_text, local_time, money, percent_text
from gui.i18n import say
from gui.palette import PAPER_STYLE
from gui.review_charts import chart_images

MAX_LINES = 2_000

MEASURE_TITLES = {
    "net_cost": "Net cost of refunds",
    "refunded": "Refunded to customers",
    "recovered": "Recovered from suppliers",
    "expected": "In flight from suppliers",
    "overdue": "of which overdue",
}

#: Layout only: the inks and fills are the printed documents' own (`PAPER_STYLE`).
_STYLE = (
    PAPER_STYLE
    + """
table.totals td, table.totals th { white-space: nowrap; }
table.groups th { font-size: 8pt; }
table.groups { margin-top: 12px; }
td { vertical-align: middle; }
td.caption { font-size: 12pt; font-weight: bold; border-bottom: none; padding: 0 0 4px 0; }
td.big { font-size: 13pt; font-weight: bold; }
p.rates { margin: 0; font-size: 8pt; }
td.num, th.num { text-align: right; }
table.lines { font-size: 7pt; }
table.lines td { white-space: nowrap; padding: 1px 4px; }
"""
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewReport", text)


def _e(text: object) -> str:
    """Escaped for the report's HTML, without control or bidi characters (a right-to-left
    override must not turn #7101 into what reads #1017)."""
    return html.escape(display_text(str(text)))


#: Line columns whose cells are labels from core (English), shown translated.
LABEL_KEYS = frozenset(
    {"direction", "reason", "fault", "state", "case", "path", "answer", "late", "origin"}
)


def cell_label(key: str, text: str) -> str:
    """A line's cell as shown: labels translated, everything else as it is."""
    return _tr(text) if text and key in LABEL_KEYS else text


def describe_filter(flt: ReviewFilter, supplier_names: dict[int, str]) -> list[str]:
    """The filter in words, one line per restriction."""
    start = local_time(flt.start) if flt.start else _tr("the beginning")
    end = local_time(flt.end) if flt.end else _tr("now")
    lines = [_tr("Period: {0} to {1}").format(start, end)]
    if flt.supplier_ids:
        names = [supplier_names.get(i, f"#{i}") for i in flt.supplier_ids]
        lines.append(_tr("Suppliers: {0}").format(", ".join(names)))
    if flt.reasons:
        lines.append(
            _tr("Reasons: {0}").format(", ".join(_tr(label(REASON_LABELS, r)) for r in flt.reasons))
        )
    if flt.states:
        lines.append(
            _tr("Refund states: {0}").format(
                ", ".join(_tr(label(STATE_LABELS, s)) for s in flt.states)
            )
        )
    return lines


def rate_lines(summary: ReviewSummary) -> list[str]:
    """Which rates converted the figures, one line per currency, in the window's language."""
    lines = [
        _tr("{0}: {1}").format(use.currency, say(use.describe()))
        for use in summary.rates
        if use.currency != summary.currency
    ]
    lines += [
        _tr("{0}: no exchange rate known, left out of the totals in {1}.").format(
            code, summary.currency
        )
        for code in summary.unconverted
    ]
    if not lines:
        lines.append(_tr("All amounts are in {0}: nothing was converted.").format(summary.currency))
    return lines


def _rate_short(rate: Rate) -> str:
    """A line's rate in a narrow column: "0.895095 (2026-10-30)"."""
    shown = rate.shown().replace(".", QLocale().decimalPoint())
    if rate.origin == MANUAL:
        return _tr("{0} (by hand)").format(shown)
    if rate.day is None:
        return ""
    return f"{shown} ({day_text(rate.day)})"


def cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Amount):
        return money(cell.minor, cell.currency)
    if isinstance(cell, Rate):
        return _rate_short(cell)
    if isinstance(cell, datetime):
        return local_time(cell)
    return display_text(str(cell))


def _amounts(amounts: Sequence[Amount]) -> str:
    return "<br>".join(_e(money(a.minor, a.currency)) for a in amounts) or "–"


def _count_row(title: str, value: str) -> str:
    return f'<tr><td>{_e(title)}</td><td class="num">{_e(value)}</td></tr>'


def totals_html(summary: ReviewSummary) -> str:
    """The totals in the reporting currency, each beside its amounts per currency."""
    totals, per_currency = _e(_tr("Totals")), _e(_tr("Per currency"))
    rows = [
        f'<tr><th>{totals}</th><th class="num">{_e(summary.currency)}</th>'
        f'<th class="num">{per_currency}</th></tr>'
    ]
    for measure in MEASURES:
        value = summary.reporting(measure)
        bad = measure in ("net_cost", "overdue") and value > 0
        size = " big" if measure == "net_cost" else ""
        css = f' class="num{size}{" bad" if bad else ""}"'
        rows.append(
            f"<tr><td>{_e(_tr(MEASURE_TITLES[measure]))}</td>"
            f"<td{css}>{_e(money(value, summary.currency))}</td>"
            f'<td class="num">{_amounts(summary.total(measure))}</td></tr>'
        )
    count = QLocale().toString
    cancellations = sum(n for _state, n in summary.cancellations)
    disputes = sum(d.count for d in summary.disputes)
    rows.append(
        _count_row(_tr("Refunds to customers"), count(summary.reporting("customer_refunds")))
    )
    rows.append(_count_row(_tr("Cancellations"), count(cancellations)))
    rows.append(_count_row(_tr("Disputes"), count(disputes)))
    extra = "".join(f'<p class="rates">{_e(line)}</p>' for line in rate_lines(summary))
    shop = summary.reporting("from_shop")
    if shop:
        extra += (
            '<p class="rates">'
            + _e(
                _tr("{0} of the refunds known only from Shopify (dated by the order)").format(
                    money(shop, summary.currency)
                )
            )
            + "</p>"
        )
    late = sum(d.shipped_after_filing for d in summary.disputes)
    if late:
        extra += (
            '<p class="meta">'
            + _e(
                _tr("{0} disputed orders shipped only after the dispute was filed: money is owed.")
            ).format(late)
            + "</p>"
        )
    return f'<table class="totals" cellspacing="0">{"".join(rows)}</table>{extra}'


def groups_html(
    title: str,
    groups: Sequence[GroupRow],
    rates: dict[str, str] | None = None,
    *,
    currency_column: bool = False,
) -> str:
    if not groups:
        return ""
    head = [_tr("Group")]
    if currency_column:
        head.append(_tr("Currency"))
    head.append(_tr("Refunds"))
    head += [_tr(MEASURE_TITLES[m]) for m in MEASURES]
    if rates is not None:
        head.append(_tr("Refund rate"))
    first_number = 2 if currency_column else 1
    cells = "".join(
        f'<th class="{"num" if i >= first_number else ""}"{_NOWRAP if " " not in h else ""}>'
        f"{_e(h)}</th>"
        for i, h in enumerate(head)
    )
    body = []
    for g in groups:
        m = g.measures
        row = [f'<td style="white-space: nowrap">{_e(g.label)}</td>']
        if currency_column:
            row.append(f"<td>{_e(m.currency)}</td>")
        row.append(f'<td class="num">{m.customer_refunds or "–"}</td>')
        for measure in MEASURES:
            value = getattr(m, measure)
            text = _e(money(value, m.currency)) if value else "–"
            row.append(f'<td class="num">{text}</td>')
        if rates is not None:
            row.append(f'<td class="num">{_e(rates.get(g.key, "–"))}</td>')
        body.append(f"<tr>{''.join(row)}</tr>")
    # The title is the header's first row: never left alone at the foot of a page, and
    # repeated with the header where a table goes on over a page.
    caption = f'<tr><td class="caption" colspan="{len(head)}">{_e(title)}</td></tr>'
    return (
        f'<table class="groups" width="100%" cellspacing="0">'
        f"<thead>{caption}<tr>{cells}</tr></thead>{''.join(body)}</table>"
    )


_NOWRAP = ' style="white-space: nowrap"'  # a one-word title is never broken inside the word


#: Rows per table: Qt lays a long table out again for every page it spans (a single table of
#: 2,000 rows took 27 s to print, tables of a page's rows take a fraction of that). Each table
#: fills one page and starts on a new one, so its header is at the top of a page, never in the
#: middle of one.
CHUNK = 38
_SAMPLE_WIDTH = {"time": 14, "money": 11, "flag": 8, "rate": 15}
_KEY_WIDTH = {
    "order": 7,
    "ae_order": 14,
    "supplier": 20,
    "reason": 13,
    "answer": 9,
    "note": 18,
    "origin": 13,
}


#: The refund columns the PDF prints (the CSV has them all): what fits a landscape page.
PDF_COLUMNS = frozenset(
    {"at", "order", "supplier", "direction", "amount", "reason", "state", "case", "origin"}
    | {"converted", "rate"}
)


def _printed(kind: LineKind) -> list[int]:
    """The positions of the columns the PDF prints."""
    columns = LINE_COLUMNS[kind]
    if kind is not LineKind.REFUNDS:
        return list(range(len(columns)))
    return [i for i, c in enumerate(columns) if c.key in PDF_COLUMNS]


def _column_percents(kind: LineKind) -> list[int]:
    """Fixed column widths, so every chunk of the table lines up with the others."""
    columns = [LINE_COLUMNS[kind][i] for i in _printed(kind)]
    weights = [
        _SAMPLE_WIDTH.get(c.kind) or _KEY_WIDTH.get(c.key) or max(10, len(c.title)) for c in columns
    ]
    total = sum(weights)
    return [max(1, w * 100 // total) for w in weights]


def _title(column: LineColumn, currency: str) -> str:
    if column.key == "converted":
        return _tr("In {0}").format(currency)
    return _tr(column.title)


def lines_html(
    kind: LineKind,
    lines: Iterable[Sequence[Cell]],
    total: int,
    cap: int,
    currency: str = "EUR",
) -> str:
    printed = _printed(kind)
    columns = [LINE_COLUMNS[kind][i] for i in printed]
    percents = _column_percents(kind)
    head = "".join(
        f'<th width="{p}%" class="{"num" if c.kind == "money" else ""}"'
        f"{_NOWRAP}>{_e(_title(c, currency))}</th>"
        for c, p in zip(columns, percents, strict=True)
    )
    body = []
    for line in lines:
        cells = [line[i] for i in printed]
        row = "".join(
            f'<td class="{"num" if c.kind == "money" else ""}">'
            f"{_e(cell_label(c.key, cell_text(v)))}</td>"
            for c, v in zip(columns, cells, strict=True)
        )
        body.append(f"<tr>{row}</tr>")
    note = ""
    if total > cap:
        note = (
            '<p class="meta">'
            + _e(_tr("The newest {0} of {1} lines; the CSV export has them all.")).format(
                cap, total
            )
            + "</p>"
        )
    tables = []
    for number, first in enumerate(range(0, max(len(body), 1), CHUNK)):
        breaking = ' style="page-break-before: always"' if number else ""
        tables.append(
            f'<table class="lines" width="100%" cellspacing="0"{breaking}>'
            f"<thead><tr>{head}</tr></thead>" + "".join(body[first : first + CHUNK]) + "</table>"
        )
    return note + "".join(tables)


def report_html(
    summary: ReviewSummary,
    supplier_names: dict[int, str],
    lines: Iterable[Sequence[Cell]],
    *,
    charts: int,
    cap: int = MAX_LINES,
) -> str:
    """The whole report; charts are `<img src="chart:N">` resources the caller provides."""
    meta = "".join(
        f'<p class="meta">{_e(line)}</p>'
        for line in describe_filter(summary.filter, supplier_names)
    )
    made = _tr(
        "Made {0} by Dropdesk. Amounts in {1} at the rate of their day; months in UTC."
    ).format(local_time(summary.now), summary.currency)
    title, refunds = _e(_tr("Refund review")), _e(_tr("Refunds"))
    parts = [
        f"<html><head><style>{_STYLE}</style></head><body>",
        f'<h1>{title}</h1>{meta}<p class="meta">{_e(made)}</p>',
        totals_html(summary),
    ]
    if charts:  # the first page: the totals, then the charts in one row
        cells = "".join(f'<td><img src="chart:{n}" width="300"></td>' for n in range(charts))
        parts.append(f'<table style="margin-top: 8px"><tr>{cells}</tr></table>')
    rates = {
        str(r.supplier_id): percent_text(r.per_mille) if r.orders else "–"
        for r in summary.supplier_rates
    }
    parts += [
        '<p style="page-break-before: always; margin: 0"></p>',
        groups_html(
            _tr("By reason"),
            [GroupRow(g.key, _tr(g.label), g.measures) for g in summary.in_reporting("reason")],
        ),
        groups_html(
            _tr("By fault"),
            [
                GroupRow(g.key, _tr(label(FAULT_LABELS, g.key)), g.measures)
                for g in summary.in_reporting("fault")
            ],
        ),
        groups_html(_tr("By supplier"), summary.in_reporting("supplier"), rates),
        groups_html(_tr("By month"), summary.in_reporting("month")),
        groups_html(
            _tr("Per currency"),
            [GroupRow(m.currency, m.currency, m) for m in summary.totals],
        ),
        f'<h2 style="page-break-before: always">{refunds}</h2>',
        lines_html(LineKind.REFUNDS, lines, summary.refunds, cap, summary.currency),
        "</body></html>",
    ]
    return "".join(parts)


def write_review_pdf(
    path: Path,
    review: Review,
    flt: ReviewFilter,
    summary: ReviewSummary | None = None,
    *,
    cap: int = MAX_LINES,
    images: Sequence[QImage] | None = None,
) -> None:
    """Write the report to `path` (atomically). QTextDocument paginates it and numbers the
    pages."""
    summary = summary or review.summary(flt, datetime.now(UTC))
    if images is None:
        images = chart_images(summary)
    names = dict(review.suppliers())
    lines = review.lines(LineKind.REFUNDS, flt, 0, cap)
    document = QTextDocument()
    document.setDocumentMargin(0)
    for number, image in enumerate(images):
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{number}"), image
        )
    document.setHtml(report_html(summary, names, lines, charts=len(images), cap=cap))

    path = Path(path)
    clean_leftovers(path.parent, path.name)  # a killed report's hidden file
    handle, temporary = create_partial(path, "pdf")
    os.close(handle)
    try:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(_tr("Refund review"))
        writer.setCreator("Dropdesk")
        writer.setResolution(200)
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(6, 6, 6, 6),
            QPageLayout.Unit.Millimeter,
        )
        writer.setPageLayout(layout)
        document.print_(writer)  # adds 2 cm margins and page numbers of its own
        del writer  # closes the file
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
