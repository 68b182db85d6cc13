"""Resident memory of this process, in MB: now (VmRSS) and at its peak (VmHWM)."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

_STATUS = Path("/proc/self/status")


def _status_mb(field: str) -> float | None:
    if not _STATUS.exists():
        return None
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return None


def _max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS


def current_rss_mb() -> float:
    """Resident now; where /proc is missing, the peak (an upper bound)."""
    now = _status_mb("VmRSS")
    return now if now is not None else _max_rss_mb()


def peak_rss_mb() -> float:
    peak = _status_mb("VmHWM")
    return peak if peak is not None else _max_rss_mb()
