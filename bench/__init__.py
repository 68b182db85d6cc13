"""Benchmarks anyone can rerun: `python -m bench NAME [--json]` (see bench/__main__.py).

Each benchmark measures Dropdesk beside its floor (the least the same work can cost on this
machine) in the same run, because absolute figures on a shared laptop or CI box mean little.
"""
