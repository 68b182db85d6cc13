"""`python -m bench NAME [--json]`: run one benchmark and print its figures.

NAME is one of startup, table, import, sync, demo. Without --json a table for people (with the
targets of the benchmarks issue beside each figure) goes to stdout; with --json exactly one
JSON object. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

#: Benchmark name -> module in this package (each has `run(size: int | None) -> Result`).
BENCHMARKS = {
    "startup": "bench.startup",
    "table": "bench.table",
    "import": "bench.import_csv",
    "sync": "bench.sync",
    "demo": "bench.demo",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Dropdesk's benchmarks, each beside its floor."
    )
    parser.add_argument(
        "name", choices=sorted(BENCHMARKS), metavar="NAME", help="/".join(BENCHMARKS)
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    # The main size of the benchmark (orders, lines): the smoke test runs each one small.
    parser.add_argument("--size", type=int, default=None, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.size is not None and args.size < 1:
        print("python -m bench: --size must be at least 1", file=sys.stderr)
        return 2
    module = importlib.import_module(BENCHMARKS[args.name])
    before = _load()
    result = module.run(args.size)
    result.notes.append(
        f"machine: {os.cpu_count()} CPUs, load average {before} before, {_load()} after"
    )
    print(result.to_json() if args.json else result.to_table(), flush=True)
    return 0


def _load() -> str:
    """The 1-minute load average (other work on a shared machine skews every figure)."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "unknown"


if __name__ == "__main__":
    sys.exit(main())
