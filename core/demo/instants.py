"""The demo's instants as whole UTC seconds: their ledger text and their ship-by deadlines.

A million orders need several million timestamps. Built from two small tables (the day's text
and the time of day's text) they cost a dictionary look-up and one concatenation each, where an
aware datetime, its arithmetic and `to_db` cost ten times that. The text is exactly what
`core.ledger.types.to_db` writes for the same instant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache

from core.clocks import ship_by

DAY = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
#: Local days begin on a quarter hour in every time zone in use today, so every paid time in
#: one quarter hour of UTC has the same ship-by deadline.
QUARTER = 900


@cache
def _times_of_day() -> tuple[str, ...]:
    return tuple(
        f"{hour:02d}:{minute:02d}:{second:02d}.000000"
        for hour in range(24)
        for minute in range(60)
        for second in range(60)
    )


class _DayTexts(dict[int, str]):
    """'YYYY-MM-DD ' of each day since the epoch, made when first asked for."""

    def __missing__(self, day: int) -> str:
        text = self[day] = f"{date.fromordinal(EPOCH_ORDINAL + day).isoformat()} "
        return text


Stamp = Callable[[int], str]


def stamper() -> Stamp:
    """A function giving the ledger text of a whole-second instant (seconds since the Unix
    epoch, UTC)."""
    days, clock = _DayTexts(), _times_of_day()

    def stamp(seconds: int) -> str:
        day, second = divmod(seconds, DAY)
        return days[day] + clock[second]

    return stamp


class ShipBy(dict[int, tuple[int, str]]):
    """`core.clocks.ship_by` for one ship window, with its text, by the quarter hour of the
    paid time (`paid // QUARTER`): computed once per quarter hour. The supplier's calendar and
    zone are the clock's defaults, as for the demo's suppliers."""

    def __init__(self, window_days: int, stamp: Stamp) -> None:
        super().__init__()
        self._window, self._stamp = window_days, stamp

    def __missing__(self, quarter: int) -> tuple[int, str]:
        start = datetime.fromtimestamp(quarter * QUARTER, UTC)
        deadline = int(ship_by(start, self._window).timestamp())
        found = self[quarter] = (deadline, self._stamp(deadline))
        return found


class Instants:
    """A demo's instant texts and ship-by tables, shared by its batches (pure caches: every
    batch gets the same answers whichever made them)."""

    def __init__(self) -> None:
        self.stamp = stamper()
        self._ship_by: dict[int, ShipBy] = {}

    def ship_by(self, window_days: int) -> ShipBy:
        table = self._ship_by.get(window_days)
        if table is None:
            table = self._ship_by[window_days] = ShipBy(window_days, self.stamp)
        return table
