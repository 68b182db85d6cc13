"""`dropdesk review`: the refund review on the terminal, as CSV, or as a PDF report.

Qt is imported only for --pdf (the charts and the page layout need it), so the text and CSV
paths run on a headless server; --pdf without a display renders offscreen.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from core import settings
from core.display_text import display_text
from core.ledger import Ledger, LedgerError, open_ledger
from core.money import to_decimal
from core.review import (
    MEASURES,
    Amount,
    GroupRow,
    Review,
    ReviewFilter,
    ReviewSummary,
    write_review_csv,
)

TITLES = {
    "refunded": "Refunded to customers",
    "recovered": "Recovered from suppliers",
    "out_of_pocket": "Out of pocket",
    "awaiting": "Refunded, awaiting supplier",
    "expected": "Still expected from suppliers",
    "overdue": "  of which overdue",
}


def _amount(amount: Amount) -> str:
    return f"{to_decimal(amount.minor, amount.currency):,} {amount.currency}"


def print_summary(summary: ReviewSummary, out: TextIO) -> None:
    """The totals and the breakdowns as plain text, amounts per currency."""
    width = max(len(t) for t in TITLES.values()) + 2
    for measure in MEASURES:
        amounts = summary.total(measure) or (None,)
        for number, amount in enumerate(amounts):
            title = TITLES[measure] if number == 0 else ""
            text = _amount(amount) if amount else "–"
            out.write(f"{title:<{width}}{text:>20}\n")
    cancellations = sum(n for _state, n in summary.cancellations)
    disputes = sum(d.count for d in summary.disputes)
    out.write(f"{'Refund lines':<{width}}{summary.refunds:>20,}\n")
    out.write(f"{'Cancellations':<{width}}{cancellations:>20,}\n")
    out.write(f"{'Disputes':<{width}}{disputes:>20,}\n")
    _groups("By reason", summary.by_reason, out)
    _groups("By supplier", summary.by_supplier, out)
    _groups("By month", summary.by_month, out)
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
    out.write(f"\n{title}{'':<28}{'refunded':>20}{'recovered':>20}{'out of pocket':>20}\n")
    for g in groups:
        m = g.measures
        cells = [
            _amount(Amount(m.currency, v)) if v else "–"
            for v in (m.refunded, m.recovered, m.out_of_pocket)
        ]
        out.write(f"  {display_text(g.label)[:34]:<34}{cells[0]:>20}{cells[1]:>20}{cells[2]:>20}\n")


def run_review(args: argparse.Namespace, ledger_path: Path | str) -> int:
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
        from gui.cli import say_refused

        say_refused("dropdesk review", error)
        return 1
    try:
        return _run(args, ledger)
    except OSError as error:
        print(f"dropdesk review: {error}", file=sys.stderr)
        return 1
    finally:
        ledger.close()


def _run(args: argparse.Namespace, ledger: Ledger) -> int:
    with ledger.session() as session:
        zone = str(settings.get(session, "merchant_time_zone"))
    flt = ReviewFilter.for_days(args.first, args.last, zone)
    review = Review(ledger.engine)
    summary = review.summary(flt)
    print_summary(summary, sys.stdout)
    if args.csv:
        written = write_review_csv(review, flt, args.csv)
        print(f"\nWrote {written:,} refund lines to {args.csv}")
    if args.pdf:
        _ensure_qt_application()
        from gui.review_report import write_review_pdf

        write_review_pdf(args.pdf, review, flt, summary)
        print(f"Wrote the report to {args.pdf}")
    return 0


_application: object = None  # keeps the QApplication alive while the report is drawn


def _ensure_qt_application() -> None:
    """A QApplication for drawing the charts; offscreen when there is no display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    global _application
    if QApplication.instance() is None:
        _application = QApplication(["dropdesk-review"])
    if QLocale.system().language() == QLocale.Language.C:  # LANG=C: numbers without grouping
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
