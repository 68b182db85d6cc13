"""The script PyInstaller freezes: the bundle's `dropdesk` executable runs `core.cli:main` with
the window's parts handed in (a bundle carries no entry-point metadata to find them by)."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: a frozen child process started by multiprocessing must not run the app.
    multiprocessing.freeze_support()
    from core.cli import main
    from gui.launch import PARTS

    sys.exit(main(gui=PARTS))
