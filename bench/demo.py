"""`demo`: writing a 1,000,000-order demo ledger (`dropdesk demo --orders 1000000`).

Timed around core.demo.write_demo in this process: the command's own start-up (about a second
of imports) is not counted, everything the generator does is.
"""

from __future__ import annotations

import time

from bench.report import Result, at_most
from bench.workspace import say, workspace
from core.demo import write_demo

ORDERS = 1_000_000


def run(size: int | None = None) -> Result:
    orders = size or ORDERS
    with workspace("demo") as folder:
        path = folder / "demo.sqlite"
        say(f"demo: writing {orders:,} orders…")
        started, cpu_started = time.perf_counter(), time.process_time()
        summary = write_demo(path, orders)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        megabytes = path.stat().st_size / 1e6
    return Result(
        f"Demo ledger of {orders:,} orders",
        {"seconds": round(seconds, 1)},
        targets=dict([at_most("seconds", 60, " s")]),
        notes=[
            f"{summary.supplier_orders:,} supplier orders, a {megabytes:,.1f} MB file "
            "(with its events, refunds and search index)",
            f"{cpu_seconds:.1f} s of CPU time (the wall-clock figure grows when other work "
            "shares the machine)",
        ],
    )
