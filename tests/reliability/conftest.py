"""Fixtures of the reliability suite, and the crash suite's kill-point tally in the summary."""

from __future__ import annotations

from _pytest.terminal import TerminalReporter

from tests.reliability.crash_harness import kill_report


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    for line in kill_report():
        terminalreporter.write_line(line)
