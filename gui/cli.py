"""`dropdesk`: the GUI by default, plus commands that run without a window.

Qt is imported only for the GUI, so `dropdesk demo` and friends work on a headless server.
"""

from __future__ import annotations

import argparse
import signal
import sys
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from core import paths
from gui.cli_output import print_for_reader, reader_left

if TYPE_CHECKING:
    from core.ledger import Ledger, LedgerError


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-31") from None


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `dropdesk review` (the caller adds --ledger)."""
    parser.add_argument("--from", dest="first", type=_day, metavar="DATE", help="first day")
    parser.add_argument("--to", dest="last", type=_day, metavar="DATE", help="last day")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write the refund lines as CSV")
    parser.add_argument("--pdf", type=Path, metavar="FILE", help="write the PDF report")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object: totals in the reporting currency, per currency, rates",
    )
    parser.add_argument(
        "--currency",
        metavar="CODE",
        help="reporting currency (ISO 4217; default: the setting, else the shop's)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "de"),
        help="language of the CSV and PDF (de: ';' and decimal comma); default: DROPDESK_LANG "
        "or LANG",
    )


def _ledger_location(text: str) -> Path | str:
    from core.ledger.errors import LedgerError
    from core.ledger.server_address import is_server_address, parse

    if not is_server_address(text):
        return Path(text)
    try:
        return parse(text).url
    except LedgerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    ledger_option = argparse.ArgumentParser(add_help=False)
    ledger_option.add_argument(
        "--ledger",
        type=_ledger_location,
        default=argparse.SUPPRESS,
        help="ledger file (default: in DROPDESK_HOME or the user data folder), or a ledger on "
        "a PostgreSQL server: postgresql://user@host/database (its password is kept in the "
        "system keyring: see `dropdesk ledger password`)",
    )
    parser = argparse.ArgumentParser(
        prog="dropdesk",
        description="Ship windows, cancellations and refunds for Shopify + AliExpress merchants.",
        epilog="dropdesk FILE.csv imports a Shopify orders export, in the running Dropdesk if "
        "there is one.",
        parents=[ledger_option],
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the ledger and the main window once, then exit (0 = all good)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser(
        "demo", parents=[ledger_option], help="write a demo ledger full of realistic orders"
    )
    demo.add_argument("--orders", type=int, default=2_000, help="customer orders (default 2000)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    due_command = commands.add_parser(
        "due",
        parents=[ledger_option],
        help="every deadline closing soon or overdue: orders to buy, ship windows, and the open "
        "cancellations' supplier answers, tracking, disputes and refunds",
    )
    due_command.add_argument(
        "--within", type=float, default=48, metavar="HOURS", help="look ahead (default 48)"
    )
    due_command.add_argument("--json", action="store_true", help="one JSON object on stdout")
    review = commands.add_parser(
        "review", parents=[ledger_option], help="refund review: totals, CSV, PDF"
    )
    add_review_arguments(review)
    imports = commands.add_parser("import", help="import orders from a file")
    kinds = imports.add_subparsers(dest="kind", metavar="KIND", required=True)
    shopify_csv = kinds.add_parser(
        "shopify-csv",
        parents=[ledger_option],
        help="the Shopify admin's Orders > Export CSV (exit 3 when rows were refused)",
    )
    shopify_csv.add_argument("file", type=Path, metavar="FILE")
    shopify_csv.add_argument(
        "--json",
        action="store_true",
        help='print one JSON object: {"added", "updated", "unchanged", "refused": '
        '[{"line", "column", "reason"}]} (counts are orders)',
    )
    shopify_csv.add_argument(
        "--mode",
        choices=("rest", "nothing"),
        default="rest",
        help="when rows cannot be read: import the other orders (rest, default) or nothing",
    )
    shopify_csv.add_argument(
        "--dry-run", action="store_true", help="read the file and report; write nothing"
    )
    shopify_csv.add_argument(
        "--currency",
        metavar="CODE",
        help="the currency of an export without a Currency column (ISO 4217, e.g. EUR); "
        "needed when the ledger has no shop to take it from",
    )
    shopify_csv.add_argument(
        "--date-order",
        choices=("dmy", "mdy"),
        help="day-first (dmy) or month-first (mdy), for dates a spreadsheet rewrote "
        "(31/12/2023) when no day over 12 in the file settles it",
    )
    shopify_csv.add_argument(
        "--shop",
        metavar="DOMAIN",
        help="the shop the export is from (name.myshopify.com); needed when the ledger holds "
        "several shops",
    )
    ledger_commands = commands.add_parser(
        "ledger", help="a ledger on a PostgreSQL server: its password; moving a ledger"
    ).add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    password = ledger_commands.add_parser(
        "password",
        help="check a server ledger's password and keep it in the system keyring (asked "
        "without echo, or read from stdin)",
    )
    password.add_argument("address", metavar="postgresql://USER@HOST/DATABASE")
    copy = ledger_commands.add_parser(
        "copy",
        help="copy a ledger into an empty one (a new file, or an empty PostgreSQL database) "
        "and verify it row for row",
    )
    copy.add_argument("source", metavar="SOURCE", help="ledger file or postgresql:// address")
    copy.add_argument("target", metavar="TARGET", help="new file or postgresql:// address")
    return parser


_COMMANDS = ("demo", "due", "review", "import", "ledger")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    files: list[Path] = []
    if not any(arg in (*_COMMANDS, "-h", "--help") for arg in argv):  # the GUI: Qt may load
        from gui.single_instance import split_files

        argv, files = split_files(argv, _COMMANDS)
    args = _parser().parse_args(argv)
    if args.command is not None:  # the window installs its own (it quits the app cleanly)
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _run(args, files)
    except paths.FolderError as error:
        print(f"dropdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ndropdesk: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # a reader that left early (`dropdesk review | head`)
        reader_left()
        return 0


EXIT_INTERRUPTED = 130
"""Ctrl+C or SIGTERM (a service manager stopping us, `kill`), as shells report SIGINT."""


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM is handled like Ctrl+C: what runs is interrupted and rolls back."""
    raise KeyboardInterrupt


def _run(args: argparse.Namespace, files: list[Path]) -> int:
    from core.logs import configure_logging

    configure_logging()
    if args.command == "ledger":
        from gui import ledger_cli

        if args.ledger_command == "password":
            return ledger_cli.run_password(args.address)
        return ledger_cli.run_copy(args.source, args.target)
    ledger: Path | str = getattr(args, "ledger", None) or paths.default_ledger()
    from core.partial_files import clean_leftovers

    if isinstance(ledger, Path):  # a server ledger has no folder of ours to tidy
        clean_leftovers(ledger.expanduser().parent)  # what killed demos and backups left there
    if args.command == "demo":
        if isinstance(ledger, str):
            print("dropdesk demo: the demo is written into a ledger file", file=sys.stderr)
            return 2
        return _demo(ledger, args.orders, args.seed)
    if args.command == "review":
        from gui.review_cli import run_review

        return run_review(args, ledger)
    if args.command == "import":
        from gui.import_cli import run_import

        return run_import(
            ledger,
            args.file,
            as_json=args.json,
            mode=args.mode,
            dry_run=args.dry_run,
            currency=args.currency,
            date_order=args.date_order,
            shop=args.shop,
        )
    if args.command == "due":
        return _due(ledger, args.within, args.json)
    from gui.app import run  # Qt only from here on

    return run(ledger, self_test=args.self_test, files=files)


def _demo(ledger: Path, orders: int, seed: int) -> int:
    from core.demo import write_demo

    if orders < 1:
        print("dropdesk demo: --orders must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = write_demo(
            ledger, orders, seed, progress=lambda done, total: _bar("Writing demo", done, total)
        )
    except FileExistsError as error:
        print(f"\ndropdesk demo: {error}", file=sys.stderr)
        return 1
    print(
        f"\nWrote {summary.supplier_orders:,} supplier orders to {summary.path} "
        f"in {summary.seconds:.1f} s"
    )
    return 0


def _open_existing(path: Path | str) -> Ledger | None:
    """Open a ledger for a command that reads it; None (with the reason on stderr) if it can't."""
    from core.ledger import LedgerError, open_ledger

    if isinstance(path, Path) and not path.exists():
        print(f"dropdesk: no ledger at {path}", file=sys.stderr)
        return None
    try:
        return open_ledger(path, for_reading=True)
    except LedgerError as error:
        say_refused("dropdesk", error)
        return None


def say_refused(prefix: str, error: LedgerError) -> None:
    """Why a command cannot use the ledger, on stderr; for a damaged one, which verified backup
    the app would restore and how old it is."""
    from core.ledger import CorruptLedgerError
    from core.ledger.backup import latest_verified

    print(f"{prefix}: {error}", file=sys.stderr)
    if isinstance(error, CorruptLedgerError):
        verified = latest_verified(error.path)
        if verified is not None:
            print(
                f"{prefix}: {verified.describe(datetime.now().astimezone())} Open Dropdesk "
                "to restore a copy of it (the damaged file is kept for support).",
                file=sys.stderr,
            )


def _due(path: Path | str, within: float, as_json: bool) -> int:
    from core import due

    ledger = _open_existing(path)
    if ledger is None:
        return 1
    now = datetime.now().astimezone()
    try:
        with ledger.session() as session:
            rows = due.deadlines(session, now, within)
    finally:
        ledger.close()
    if as_json:
        print_for_reader(due.to_json(rows, now, within_hours=within))
    else:
        print_for_reader(due.render_text(rows, now, within_hours=within))
    return 0


def _bar(label: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
