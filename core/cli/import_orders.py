"""`dropdesk import shopify-csv FILE`: the orders export import on the command line.

No Qt here: it runs on a headless server. Exit codes:
0 imported (or previewed) with every row read; 1 the file or the ledger cannot be used (the
message says why), also when the file leaves a question open (no Currency column and no shop
to take it from: `--currency`; dates whose day/month order nothing settles: `--date-order`;
several shops in the ledger: `--shop`); 2 bad usage; 3 some rows were refused (with
`--mode rest` the other orders were imported, with `--mode nothing` nothing was); 130
interrupted by Ctrl-C or SIGTERM, nothing imported.
With `--json` stdout carries exactly one JSON object,
`{"added": n, "updated": n, "unchanged": n, "refused": [{"line", "column", "reason"}]}`
(plus `"reading"` when the import decided what the file left open: core.imports.summary),
and every other word goes to stderr. A reader that stops early (`| head`) ends the output
quietly: the import was committed (or not) before a word was printed, and the exit code says
which as usual.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO

from core.cli.output import print_for_reader
from core.display_text import display_text
from core.imports import ImportCancelled, ImportFileError, ImportSummary, import_shopify_csv
from core.imports.questions import Answers, AnswersNeeded, Question, is_iso_currency
from core.ledger import LedgerError, open_ledger
from core.linking import PatternError

EXIT_OK = 0
EXIT_UNUSABLE = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_INTERRUPTED = 130
MODES = ("rest", "nothing")
_PROG = "dropdesk import shopify-csv"


def run_import(
    ledger_path: Path | str,
    file: Path,
    *,
    as_json: bool,
    mode: str,
    dry_run: bool,
    currency: str | None = None,
    date_order: str | None = None,
    shop: str | None = None,
) -> int:
    """Import `file` into the ledger at `ledger_path`; returns the process exit code."""
    if mode not in MODES:
        print(f"{_PROG}: --mode must be rest or nothing, not {mode!r}", file=sys.stderr)
        return EXIT_USAGE
    if currency is not None:
        currency = currency.strip().upper()
        if not is_iso_currency(currency):
            print(
                f"{_PROG}: --currency must be an ISO 4217 code of three letters (EUR, USD, "
                f"GBP, ...), not {currency!r}",
                file=sys.stderr,
            )
            return EXIT_USAGE
    if date_order not in (None, "dmy", "mdy"):
        print(f"{_PROG}: --date-order must be dmy or mdy, not {date_order!r}", file=sys.stderr)
        return EXIT_USAGE
    answers = Answers(
        currency=currency,
        date_order="dmy" if date_order == "dmy" else "mdy" if date_order == "mdy" else None,
        shop=shop,
    )
    try:
        ledger = open_ledger(ledger_path)
    except LedgerError as error:
        print(f"{_PROG}: {error}", file=sys.stderr)
        return EXIT_UNUSABLE
    bar = _ProgressBar(sys.stderr, f"{'Reading' if dry_run else 'Importing'} {file.name}")
    try:
        with _ctrl_c_cancels() as interrupted:
            summary = import_shopify_csv(
                ledger,
                file,
                mode="rest" if mode == "rest" else "nothing",
                dry_run=dry_run,
                progress=bar.show,
                cancel=interrupted.is_set,
                answers=answers,
            )
    except (ImportCancelled, KeyboardInterrupt):
        bar.end()
        print(f"{_PROG}: interrupted; nothing was imported", file=sys.stderr)
        return EXIT_INTERRUPTED
    except AnswersNeeded as needed:
        bar.end()
        for question in needed.questions:
            print(f"{_PROG}: {_ask(file, question)}", file=sys.stderr)
        print(f"{_PROG}: nothing was imported", file=sys.stderr)
        return EXIT_UNUSABLE
    except (ImportFileError, PatternError, LedgerError) as error:  # LedgerError: disk full
        bar.end()
        print(f"{_PROG}: {display_text(str(error))}", file=sys.stderr)
        return EXIT_UNUSABLE
    finally:
        ledger.close()
    bar.end()
    code = EXIT_REFUSED if summary.refused else EXIT_OK
    text = summary.to_json() if as_json else describe(file, summary, mode=mode, dry_run=dry_run)
    print_for_reader(text)
    return code


def _ask(file: Path, question: Question) -> str:
    """An open question as the option that answers it."""
    if question.kind == "currency":
        return (
            f"{file.name} has no Currency column (an older export) and the ledger has no shop "
            "to take the currency from: give it with --currency CODE (ISO 4217, e.g. "
            f"--currency {question.suggested})"
        )
    if question.kind == "date_order":
        return (
            f'{file.name} has dates like "{question.example}" whose day and month cannot be '
            "told apart (no day is over 12): give the order with --date-order dmy (31/12/2023) or "
            "--date-order mdy (12/31/2023)"
        )
    return (
        f"the ledger holds several shops ({', '.join(question.choices)}) and an export does not "
        f"say which it is from: name it with --shop DOMAIN (e.g. --shop {question.suggested})"
    )


def describe(file: Path, summary: ImportSummary, *, mode: str, dry_run: bool) -> str:
    """The summary for people: counts of orders, then each refused row on its own line."""
    counts = (
        f"{summary.added:,} added, {summary.updated:,} updated, "
        f"{summary.unchanged:,} unchanged (orders)"
    )
    lines = [f"{file.name}: {'would be ' if dry_run else ''}{counts}"]
    lines.extend(str(note) for note in summary.reading.notes())
    if summary.linked:
        lines.append(f"{summary.linked:,} AliExpress orders linked to their customer orders")
    if summary.refused:
        lines.append(f"{len(summary.refused):,} rows refused:")
        for refusal in summary.refused:
            where = f"line {refusal.line}" + (f", {refusal.column}" if refusal.column else "")
            lines.append(display_text(f"  {where}: {refusal.text}"))
        if mode == "nothing":
            lines.append(
                "Nothing was imported (--mode nothing): fix these rows, or use --mode rest "
                "to import the other orders."
            )
        elif not dry_run:
            lines.append("The orders of these rows were left out; the others were imported.")
    if dry_run:
        lines.append("Dry run: nothing was written to the ledger.")
    return "\n".join(lines)


@contextmanager
def _ctrl_c_cancels() -> Iterator[threading.Event]:
    """The first Ctrl-C (or SIGTERM) asks the import to stop (it rolls back at its next
    check); a second one interrupts at once. Outside the main thread signals cannot be caught,
    and an ignored SIGINT stays ignored: then it does nothing."""
    interrupted = threading.Event()
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is signal.SIG_IGN  # started in the background
    ):
        yield interrupted
        return

    def handle(_signum: int, _frame: FrameType | None) -> None:
        if interrupted.is_set():
            raise KeyboardInterrupt
        interrupted.set()

    previous: Callable[[int, FrameType | None], object] | int | None
    previous = signal.signal(signal.SIGINT, handle)
    previous_term = signal.signal(signal.SIGTERM, handle)  # `kill`, a service stop: the same
    try:
        yield interrupted
    finally:
        signal.signal(signal.SIGINT, previous)
        signal.signal(signal.SIGTERM, previous_term)


class _ProgressBar:
    """`Importing orders.csv [#####.....] 45% 12.3/27.4 MB` on stderr, only on a terminal."""

    WIDTH = 30

    def __init__(self, stream: TextIO, label: str) -> None:
        self._stream = stream
        self._label = label
        self._on = stream.isatty()
        self._drawn = False

    def show(self, done: int, total: int) -> None:
        if not self._on:
            return
        total = max(total, 1)
        filled = self.WIDTH * done // total
        self._stream.write(
            f"\r{self._label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] "
            f"{100 * done // total:3d}% {done / 1e6:.1f}/{total / 1e6:.1f} MB"
        )
        self._stream.flush()
        self._drawn = True

    def end(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False
