"""Fixtures of the reliability suite, and the crash suite's kill-point tally in the summary."""

from __future__ import annotations

import pytest
from _pytest.terminal import TerminalReporter

from tests.pg_support import engine_params
from tests.reliability.crash_harness import kill_report


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """`crash_engine`: a module's crash trials run once per engine (`--ledger-engines`), with
    one case (template ledger, reference run) per engine and module."""
    if "crash_engine" in metafunc.fixturenames:
        metafunc.parametrize("crash_engine", engine_params(metafunc.config), scope="module")


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    for line in kill_report():
        terminalreporter.write_line(line)
