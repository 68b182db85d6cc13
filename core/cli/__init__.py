"""`dropdesk`: the window by default, plus commands that run without one.

One module per command (`demo`, `due`, `review`, `import_orders`, `ledger`), none of which
imports Qt, so they run on a headless server. The window is the GUI's, reached through the
`dropdesk.gui` entry points (core.cli.gui_seam): core never imports gui.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from types import FrameType

from core import paths
from core.cli.arguments import COMMANDS, build_parser, split_files
from core.cli.gui_seam import WINDOW, GuiParts, NoGuiError, gui_part
from core.cli.output import reader_left

EXIT_INTERRUPTED = 130
"""Ctrl+C or SIGTERM (a service manager stopping us, `kill`), as shells report SIGINT."""


def main(argv: list[str] | None = None, *, gui: GuiParts | None = None) -> int:
    """Run `dropdesk ARGV`; `gui` hands in the window's parts (else the installed ones)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    files: list[Path] = []
    if not any(arg in (*COMMANDS, "-h", "--help") for arg in argv):  # the window
        argv, files = split_files(argv, COMMANDS)
    args = build_parser().parse_args(argv)
    if args.command is not None:  # the window installs its own (it quits the app cleanly)
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _run(args, files, gui)
    except (paths.FolderError, NoGuiError) as error:
        print(f"dropdesk: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ndropdesk: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # a reader that left early (`dropdesk review | head`)
        reader_left()
        return 0


def _interrupt(_signum: int, _frame: FrameType | None) -> None:
    """SIGTERM is handled like Ctrl+C: what runs is interrupted and rolls back."""
    raise KeyboardInterrupt


def _run(args: argparse.Namespace, files: list[Path], gui: GuiParts | None) -> int:
    from core.logs import configure_logging

    configure_logging()
    if args.command == "ledger":
        from core.cli import ledger as ledger_command

        if args.ledger_command == "password":
            return ledger_command.run_password(args.address)
        return ledger_command.run_copy(args.source, args.target)
    ledger: Path | str = getattr(args, "ledger", None) or paths.default_ledger()
    from core.partial_files import clean_leftovers

    if isinstance(ledger, Path):  # a server ledger has no folder of ours to tidy
        clean_leftovers(ledger.expanduser().parent)  # what killed demos and backups left there
    if args.command == "demo":
        from core.cli.demo import run_demo

        return run_demo(ledger, args.orders, args.seed)
    if args.command == "review":
        from core.cli.review import run_review

        return run_review(args, ledger, gui=gui)
    if args.command == "import":
        from core.cli.import_orders import run_import

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
        from core.cli.due import run_due

        return run_due(ledger, args.within, args.json)
    window = gui_part(WINDOW, gui)  # Qt only from here on
    return int(window(ledger, self_test=args.self_test, files=files))
