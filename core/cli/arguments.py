"""The command line's arguments: every command and option of `dropdesk`, and the files given
to the window (`dropdesk orders.csv`)."""

from __future__ import annotations

import argparse
from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path

#: The commands; anything else opens the window.
COMMANDS = ("demo", "due", "review", "import", "ledger")


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


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-05-31") from None


def _ledger_location(text: str) -> Path | str:
    from core.ledger.errors import LedgerError
    from core.ledger.server_address import is_server_address, parse

    if not is_server_address(text):
        return Path(text)
    try:
        return parse(text).url
    except LedgerError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def build_parser() -> argparse.ArgumentParser:
    """Every command and option of `dropdesk`."""
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


def split_files(
    argv: Sequence[str],
    commands: Collection[str] = COMMANDS,
    options_with_value: Collection[str] = ("--ledger",),
) -> tuple[list[str], list[Path]]:
    """`dropdesk [options] FILE...`: (what argparse should parse, the files for the GUI).

    argparse cannot have an optional FILE beside sub-commands (`dropdesk orders.csv` fails as
    "invalid choice"), so the files are taken out first. A command anywhere leaves `argv`
    whole: `dropdesk import shopify-csv FILE` keeps its FILE.
    """
    rest: list[str] = []
    files: list[Path] = []
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--":
            files.extend(Path(name) for name in argv[index + 1 :])
            break
        if arg in commands:
            return list(argv), []
        if arg.startswith("-") and arg != "-":
            rest.append(arg)
            if arg in options_with_value and index + 1 < len(argv):
                index += 1
                rest.append(argv[index])
        else:
            files.append(Path(arg))
        index += 1
    return rest, files
