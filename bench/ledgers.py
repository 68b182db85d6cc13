"""Demo ledgers for the benchmarks, written in a child process so that the generator's memory
(its 64 MB SQLite cache and up to 512 MB of search index entries) never counts against the
figures measured in this one.

As a child: `python -m bench.ledgers PATH ORDERS SEED` writes the ledger and prints the seconds.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bench.workspace import ROOT, child_env

SEED = 7


def make_demo_ledger(path: Path, orders: int, seed: int = SEED) -> float:
    """Write a demo ledger of `orders` customer orders at `path`; seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "bench.ledgers", str(path), str(orders), str(seed)],
        cwd=ROOT,
        env=child_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main(argv: list[str]) -> int:
    from core.demo import write_demo

    path, orders, seed = Path(argv[0]), int(argv[1]), int(argv[2])
    summary = write_demo(path, orders, seed)
    print(f"{summary.seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
