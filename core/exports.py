"""CSV files a spreadsheet can open without running anything in them.

A text cell that begins with `=`, `+`, `-` or `@` is a formula to Excel, LibreOffice and
Google Sheets, and so is one that begins with a tab or a carriage return (OWASP, "CSV
Injection"), also after leading spaces or quotes, and the full-width look-alikes (`＝＋－＠`)
that some spreadsheets fold to them. The start of a cell is not the only start of a field: a
file re-opened with another separator (German Excel splits on `;`, others on `,`, tab or `|`)
or re-read line by line splits our cell into several fields, and each piece is a cell of its
own. So a trigger is looked for at the cell's start and right after every `,` `;` tab `|`
CR or LF in it (after any spaces and `"`), and an apostrophe is put in front of each such
field start. Whichever of these separators a spreadsheet splits on, every piece then begins
with the apostrophe (shown as plain text, never run) or with something that is no trigger:
an apostrophe is no separator and no space, so it cannot be split off or skipped. A trigger
elsewhere (`a=b`) begins no field under any separator and is left alone.

Numbers the program writes itself (ints, Decimals) are not text cells and stay numbers, so
"-12.50" remains a negative amount. Text cells also lose control and bidi characters
(core.display_text): an export shows what the merchant sees.

Text is redacted (core.redaction) on the way out, so a secret pasted into a note never reaches
an export. The file is written next to its target and renamed into place: a failed export never
leaves half a file.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from core.display_text import display_text
from core.partial_files import clean_leftovers, create_partial
from core.redaction import redact

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet treat a cell as a formula (OWASP)."""

# Full-width look-alikes that some spreadsheets normalise to the ASCII operators.
_LOOKALIKES = ("＝", "＋", "－", "＠")

SEPARATORS = (",", ";", "\t", "|", "\r", "\n")
"""Characters after which a spreadsheet may start a new field (or line) on re-opening."""

_LEADING_SPACE = " \n\x0b\x0c\u00a0"
_TRIGGERS = "".join(FORMULA_STARTS + _LOOKALIKES)
_ANY_TRIGGER = re.compile(f"[{re.escape(_TRIGGERS)}]")
# A field start (the cell's start or just after a separator) followed by optional spaces and
# quotes and then a trigger. Zero-width: the substitution inserts the apostrophe there.
_RISKY_FIELD_START = re.compile(
    f"(?:^|(?<=[{re.escape(''.join(SEPARATORS))}]))"
    f'(?=[{re.escape(_LEADING_SPACE)}"]*[{re.escape(_TRIGGERS)}])'
)

CsvCell = str | int | Decimal | datetime | None


def neutralise(text: str) -> str:
    """`text` made inert for a spreadsheet under any separator: an apostrophe before each
    field start (the cell's start, or after `,` `;` tab `|` CR LF) that could begin a formula."""
    if not _ANY_TRIGGER.search(text):  # the common case, decided at once
        return text
    return _RISKY_FIELD_START.sub("'", text)


def cell_text(value: CsvCell, *, redacted: bool = False, decimal: str = ".") -> str:
    """How one value is written: numbers as numbers (with `decimal` as the decimal mark: a
    German spreadsheet reads "12,50" as a number), instants as UTC, text redacted (unless the
    caller did it) and neutralised."""
    if isinstance(value, str):
        return neutralise(display_text(value if redacted else redact(value)))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", decimal)  # never "1E+2"
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in an export: Dropdesk writes only aware instants")
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    raise TypeError(f"cannot write a {type(value).__name__} to a CSV cell")


_SEPARATOR = "\x1f"  # whitespace to the redaction patterns: a value never runs across it


def row_texts(row: Sequence[CsvCell], *, decimal: str = ".") -> list[str]:
    """A row's cells as written. Redaction runs once over the row's text joined; only a row
    in which it finds something is redacted cell by cell (exports have many rows)."""
    texts = [value for value in row if isinstance(value, str)]
    joined = _SEPARATOR.join(texts)
    clean = bool(texts) and redact(joined) == joined
    return [cell_text(value, redacted=clean, decimal=decimal) for value in row]


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[CsvCell]],
    *,
    delimiter: str = ",",
    decimal: str = ".",
) -> int:
    """Write `rows` under `header` as UTF-8 with a BOM (Excel reads umlauts right); returns
    the number of rows. Rows are streamed, never held in memory; the file is private (0600),
    as it holds customers' names."""
    path = Path(path)
    clean_leftovers(path.parent, path.name)  # a killed export's hidden file
    handle, temporary = create_partial(path, "export")
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            writer.writerow([neutralise(display_text(redact(title))) for title in header])
            for row in rows:
                writer.writerow(row_texts(row, decimal=decimal))
                count += 1
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count
