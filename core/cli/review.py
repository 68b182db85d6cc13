"""`dropdesk review`: the refund review on the terminal, as CSV, or as a PDF report.

The text and CSV paths run on a headless server without Qt. --pdf needs the charts and the page
layout of the GUI: it asks the GUI's `review-pdf` part (core.cli.gui_seam), which renders
offscreen when there is no display.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from pathlib import Path
from typing import Any, TextIO

from core import settings
from core.cli.gui_seam import REVIEW_PDF, GuiParts, gui_part
from core.cli.opening import say_refused
from core.cli.output import print_for_reader
from core.display_text import display_text
from core.ledger import Ledger, LedgerError, open_ledger
from core.money import to_decimal
from core.rates import RateError, check_currency
from core.review import (
    MEASURES,
    Amount,
    GroupRow,
    Review,
    ReviewFilter,
    ReviewSummary,
    rates_of_ledger,
    write_review_csv,
)

TITLES = {
    "net_cost": "Net cost of refunds",
    "refunded": "Refunded to customers",
    "recovered": "Recovered from suppliers",
    "expected": "In flight from suppliers",
    "overdue": "  of which overdue",
}
#: `--json` names of the measures (README documents them).
JSON_KEYS = {
    "refunded": "refunded_to_customers",
    "recovered": "recovered_from_suppliers",
    "net_cost": "net_cost",
    "expected": "in_flight",
}


def _amount(amount: Amount) -> str:
    return f"{to_decimal(amount.minor, amount.currency):,} {amount.currency}"


def _major(minor: int, currency: str) -> str:
    return str(to_decimal(minor, currency))


def summary_json(summary: ReviewSummary) -> dict[str, Any]:
    """`dropdesk review --json`: amounts as decimal strings in major units."""
    currency = summary.currency
    result: dict[str, Any] = {"currency": currency}
    for measure, key in JSON_KEYS.items():
        result[key] = _major(summary.reporting(measure), currency)
    result["refunds"] = summary.reporting("customer_refunds")
    result["by_currency"] = {
        m.currency: {
            key: _major(getattr(m, measure), m.currency) for measure, key in JSON_KEYS.items()
        }
        for m in summary.totals
    }
    rates: dict[str, Any] = {}
    for use in summary.rates:
        if use.currency == currency:
            continue
        rates[use.currency] = {
            "rate": f"{use.latest.value:f}",
            "source": use.latest.origin,
            "day": use.last_day.isoformat() if use.last_day else None,
            "first_day": use.first_day.isoformat() if use.first_day else None,
            "days": use.days,
        }
    for code in summary.unconverted:
        rates[code] = {"rate": None, "source": "none", "day": None, "first_day": None, "days": 0}
    result["rates"] = rates
    return result


def print_summary(summary: ReviewSummary, out: TextIO) -> None:
    """The totals in the reporting currency, each currency's own, the rates, then the
    breakdowns, as plain text."""
    width = max(len(t) for t in TITLES.values()) + 2
    currency = summary.currency
    out.write(f"{'Reporting currency':<{width}}{currency:>20}\n")
    for measure in MEASURES:
        text = _amount(Amount(currency, summary.reporting(measure)))
        out.write(f"{TITLES[measure]:<{width}}{text:>20}\n")
    shop = summary.reporting("from_shop")
    if shop:
        note = _amount(Amount(currency, shop))
        out.write(f"{'  known from Shopify only':<{width}}{note:>20}\n")
    for m in summary.totals:
        figures = ", ".join(
            f"{TITLES[k].strip().lower()} {_amount(Amount(m.currency, getattr(m, k)))}"
            for k in ("net_cost", "refunded", "recovered", "expected")
        )
        out.write(f"  in {m.currency}: {figures}\n")
    for use in summary.rates:
        if use.currency != currency:
            out.write(f"  rate: {use.describe()}\n")
    for code in summary.unconverted:
        out.write(f"  {code}: no exchange rate known; left out of the {currency} totals\n")
    cancellations = sum(n for _state, n in summary.cancellations)
    disputes = sum(d.count for d in summary.disputes)
    out.write(f"{'Refunds to customers':<{width}}{summary.reporting('customer_refunds'):>20,}\n")
    out.write(f"{'Refund lines':<{width}}{summary.refunds:>20,}\n")
    out.write(f"{'Cancellations':<{width}}{cancellations:>20,}\n")
    out.write(f"{'Disputes':<{width}}{disputes:>20,}\n")
    _groups("By reason", summary.in_reporting("reason"), out)
    _groups("By supplier", summary.in_reporting("supplier"), out)
    _groups("By month", summary.in_reporting("month"), out)
    if summary.supplier_rates:
        out.write("\nRefund rate by supplier\n")
        for rate in summary.supplier_rates:
            out.write(
                f"  {display_text(rate.name):<34}{rate.percent_text():>8}  "
                f"({rate.refunded_orders:,} of {rate.orders:,} orders)\n"
            )


def _groups(title: str, groups: tuple[GroupRow, ...], out: TextIO) -> None:
    if not groups:
        return
    out.write(f"\n{title}{'':<26}{'net cost':>18}{'refunded':>18}{'recovered':>18}\n")
    for g in groups:
        m = g.measures
        cells = [
            _amount(Amount(m.currency, v)) if v else "–"
            for v in (m.net_cost, m.refunded, m.recovered)
        ]
        out.write(f"  {display_text(g.label)[:34]:<34}{cells[0]:>18}{cells[1]:>18}{cells[2]:>18}\n")


def csv_language(chosen: str | None) -> str:
    """--language, else DROPDESK_LANG, else the locale's (LANG=de_DE.UTF-8: German)."""
    for value in (chosen, os.environ.get("DROPDESK_LANG"), os.environ.get("LANG")):
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def run_review(
    args: argparse.Namespace, ledger_path: Path | str, *, gui: GuiParts | None = None
) -> int:
    """Run `dropdesk review`; 0 on success, 1 when the ledger or a file fails, 2 on bad input."""
    if args.first and args.last and args.first > args.last:
        print("dropdesk review: --from must not be after --to", file=sys.stderr)
        return 2
    if isinstance(ledger_path, Path) and not ledger_path.exists():
        print(f"dropdesk review: there is no ledger at {ledger_path}", file=sys.stderr)
        return 1
    try:
        ledger = open_ledger(ledger_path, for_reading=True)  # no lock, no upgrade, no writes
    except LedgerError as error:
        say_refused("dropdesk review", error)
        return 1
    try:
        return _run(args, ledger, gui)
    except OSError as error:
        print(f"dropdesk review: {error}", file=sys.stderr)
        return 1
    finally:
        ledger.close()


def _run(args: argparse.Namespace, ledger: Ledger, gui: GuiParts | None) -> int:
    with ledger.session() as session:
        zone = str(settings.get(session, "merchant_time_zone"))
    rates = None
    if args.currency:
        try:
            code = check_currency(args.currency)
        except RateError as error:
            print(f"dropdesk review: {error}", file=sys.stderr)
            return 2
        rates = rates_of_ledger(ledger.engine, code)
        if not rates.knows(code):
            print(
                f"dropdesk review: there are no exchange rates for {code}; set one by hand "
                "in the review or choose another currency",
                file=sys.stderr,
            )
            return 2
    flt = ReviewFilter.for_days(args.first, args.last, zone)
    review = Review(ledger.engine, rates)
    summary = review.summary(flt)
    language = csv_language(args.language)
    if args.json:
        print_for_reader(json.dumps(summary_json(summary)))
    else:
        text = io.StringIO()
        print_summary(summary, text)
        print_for_reader(text.getvalue().rstrip("\n"))
    said: list[str] = []  # what was written, after the summary (on stderr with --json)
    if args.csv:
        written = write_review_csv(review, flt, args.csv, language=language)
        said.append(f"\nWrote {written:,} refund lines to {args.csv}")
    if args.pdf:
        write_pdf = gui_part(REVIEW_PDF, gui)  # Qt only from here on
        write_pdf(args.pdf, review, flt, summary, language=language)
        said.append(f"Wrote the report to {args.pdf}")
    for line in said:
        if args.json:
            print(line, file=sys.stderr)
        else:
            print_for_reader(line)
    return 0
