"""CSV files a spreadsheet can open without running anything in them.

A text cell that begins with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice and
Google Sheets, and so is one that begins with a tab or a carriage return (OWASP, "CSV
Injection"), also after leading spaces. Such cells get a leading apostrophe, which spreadsheets
show as plain text. Numbers the program writes itself (ints, Decimals) are not text cells and
stay numbers, so "-12.50" remains a negative amount.

Text is redacted (core.redaction) on the way out, so a secret pasted into a note never reaches
an export. The file is written next to its target and renamed into place: a failed export never
leaves half a file.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from core.redaction import redact

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP)."""

# Full-width look-alikes that some spreadsheets normalise to the ASCII operators.
_LOOKALIKES = ("＝", "＋", "－", "＠")

_LEADING_SPACE = " \n\x0b\x0c\u00a0"
_RISKY_FIRST = frozenset("".join(FORMULA_STARTS + _LOOKALIKES) + _LEADING_SPACE)

CsvCell = str | int | Decimal | datetime | None


def neutralise(text: str) -> str:
    """`text` made inert for a spreadsheet: prefixed with ' when it could start a formula."""
    if not text or text[0] not in _RISKY_FIRST:  # the common case, decided at once
        return text
    stripped = text.lstrip(_LEADING_SPACE)
    if text.startswith(FORMULA_STARTS) or stripped.startswith(FORMULA_STARTS + _LOOKALIKES):
        return "'" + text
    return text


def cell_text(value: CsvCell, *, redacted: bool = False) -> str:
    """How one value is written: numbers as numbers, instants as UTC, text redacted (unless
    the caller did it) and neutralised."""
    if isinstance(value, str):
        return neutralise(value if redacted else redact(value))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")  # never "1E+2"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in an export: Dropdesk writes only aware instants")
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    raise TypeError(f"cannot write a {type(value).__name__} to a CSV cell")


_SEPARATOR = "\x1f"  # whitespace to the redaction patterns: a value never runs across it


def row_texts(row: Sequence[CsvCell]) -> list[str]:
    """A row's cells as written. Redaction runs once over the row's text joined; only a row
    in which it finds something is redacted cell by cell (exports have many rows)."""
    texts = [value for value in row if isinstance(value, str)]
    joined = _SEPARATOR.join(texts)
    clean = bool(texts) and redact(joined) == joined
    return [cell_text(value, redacted=clean) for value in row]


def write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[CsvCell]], *, delimiter: str = ","
) -> int:
    """Write `rows` under `header` as UTF-8 with a BOM (Excel reads umlauts right); returns
    the number of rows. Rows are streamed, never held in memory; the file is private (0600),
    as it holds customers' names."""
    path = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            writer.writerow([neutralise(redact(title)) for title in header])
            for row in rows:
                writer.writerow(row_texts(row))
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
