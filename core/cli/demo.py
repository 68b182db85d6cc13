"""`dropdesk demo`: a demo ledger full of realistic orders, written into a new file."""

from __future__ import annotations

import sys
from pathlib import Path

from core.cli.output import progress_bar


def run_demo(ledger: Path | str, orders: int, seed: int) -> int:
    from core.demo import write_demo

    if isinstance(ledger, str):
        print("dropdesk demo: the demo is written into a ledger file", file=sys.stderr)
        return 2
    if orders < 1:
        print("dropdesk demo: --orders must be at least 1", file=sys.stderr)
        return 2
    try:
        summary = write_demo(
            ledger,
            orders,
            seed,
            progress=lambda done, total: progress_bar("Writing demo", done, total),
        )
    except FileExistsError as error:
        print(f"\ndropdesk demo: {error}", file=sys.stderr)
        return 1
    print(
        f"\nWrote {summary.supplier_orders:,} supplier orders to {summary.path} "
        f"in {summary.seconds:.1f} s"
    )
    return 0
