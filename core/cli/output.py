"""What the command line prints for a reader that may leave early (`dropdesk due | head`).

No Qt here: the commands that print run on headless servers.
"""

from __future__ import annotations

import os
import sys


def print_for_reader(text: str) -> None:
    """Print `text` on stdout; if the reader has gone (`| head` closed the pipe), stop quietly."""
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        reader_left()


def reader_left() -> None:
    """Point stdout at /dev/null, so that the flush at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    finally:
        os.close(devnull)


def progress_bar(label: str, done: int, total: int) -> None:
    """A progress bar on stderr, when it is a terminal (a scheduler's log stays clean)."""
    if sys.stderr.isatty():
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}")
        sys.stderr.flush()
