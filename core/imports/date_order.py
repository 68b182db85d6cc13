"""Settling the day/month order of dates a spreadsheet rewrote (`31/12/2023`, `12/31/2023`).

The order is one per file: a day over 12 anywhere in its date columns settles it (31/12 can
only be day-first, 12/31 only month-first). Only files that have such dates pay for finding
out: the first slashed date the import meets starts a scan of the file's date cells (a second
streaming read of the file that looks at nothing else, so memory stays flat), which stops at
the first cell that settles the order. When no cell does (every day is 12 or less), the
merchant's answer, then their locale's convention (de -> day-first, en_US -> month-first)
decide; else the order is a question for the merchant (see core.imports.questions).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from core.imports.csv_source import BrokenRecord, CsvFile
from core.imports.questions import Question, date_order_question, locale_date_order
from core.imports.timestamps import DateOrder, slashed_day_month

#: Where the order came from: the file's own dates, the merchant's answer, their locale, or
#: a stand-in for a provisional preview while the question is open.
OrderSource = Literal["file", "answer", "locale", "suggested"]


@dataclass(frozen=True)
class Evidence:
    """The cell that settled the order: its line and text."""

    line: int
    text: str


def scan_date_order(path: Path, columns: list[int]) -> tuple[DateOrder | None, Evidence | None]:
    """The order the file's date cells (at `columns`) settle, with the cell that settles it;
    (None, None) when none does, or when the file cannot be read twice (a pipe)."""
    if not path.is_file():
        return None, None
    with CsvFile(path) as source:
        try:
            for line, cells in source.records():
                for index in columns:
                    if index >= len(cells):
                        continue
                    parts = slashed_day_month(cells[index])
                    if parts is None:
                        continue
                    first, second = parts
                    if first > 12 >= second:
                        return "dmy", Evidence(line, cells[index].strip())
                    if second > 12 >= first:
                        return "mdy", Evidence(line, cells[index].strip())
        except BrokenRecord:
            pass  # the import itself refuses the broken part
    return None, None


class DateReading:
    """The date order of one import, settled once, the first time a slashed date needs it."""

    def __init__(
        self,
        path: Path,
        columns: list[int],
        *,
        answer: DateOrder | None,
        locale: str | None,
    ) -> None:
        self.path = path
        self.columns = columns
        self.answer = answer
        self.locale = locale
        self.order: DateOrder | None = None
        self.source: OrderSource | None = None
        self.evidence: Evidence | None = None
        self.example = ""  # the first slashed date met
        self.question: Question | None = None
        self.naive_times = False  # some time was read without a UTC offset

    def settle(self, example: str) -> DateOrder:
        """The file's order; on the first call it is worked out (see the module's doc). An
        open question leaves `question` set and reads with its suggestion meanwhile."""
        if self.order is not None:
            return self.order
        self.example = example.strip()
        order, self.evidence = scan_date_order(self.path, self.columns)
        source: OrderSource = "file"
        if order is None and self.answer is not None:
            order, source = self.answer, "answer"
        if order is None:
            order, source = locale_date_order(self.locale), "locale"
        if order is None:
            self.question = date_order_question(self.example, locale_date_order(self.locale))
            order, source = "dmy", "suggested"
        self.order, self.source = order, source
        return order
