"""The script PyInstaller freezes: the bundle's `dropdesk` executable runs `gui.cli:main`."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    # First thing: a frozen child process started by multiprocessing must not run the app.
    multiprocessing.freeze_support()
    from gui.cli import main

    sys.exit(main())
