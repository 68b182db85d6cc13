"""A CSV file as a stream of records, whatever a spreadsheet did to it.

Handles what merchants' files really look like: a UTF-8 BOM, Windows-1252 from "CSV
(Trennzeichen-getrennt)", UTF-16 from "Unicode Text", CRLF, `;` or tab separators, Excel's
`sep=;` hint line, quoted newlines. The separator is sniffed from the header line (the one that
splits it into the most known column names). Every record comes with the physical line it
starts on, so a refusal points at the line the merchant sees in an editor.
"""

from __future__ import annotations

import codecs
import csv
import errno
import io
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from core.imports.columns import KNOWN, normalize
from core.imports.errors import EmptyFileError, UnreadableFileError
from core.texts import Text

_SCAN_CHUNK = 1 << 20
_DELIMITERS = (",", ";", "\t")
_WORKBOOK_MAGIC = {
    b"PK\x03\x04": Text("core.imports.csv_source", "an Excel workbook (.xlsx)"),
    b"\xd0\xcf\x11\xe0": Text("core.imports.csv_source", "an old Excel workbook (.xls)"),
}


class BrokenRecord(Exception):
    """The CSV syntax breaks down at `line`; nothing after it can be read reliably."""

    def __init__(self, line: int, reason: Text) -> None:
        super().__init__(reason.english())
        self.line = line
        self.reason = reason


class CsvFile:
    """An open CSV: its layout (encoding, separator, header) and an iterator over its records."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            status = path.stat()
            if stat.S_ISDIR(status.st_mode):
                raise IsADirectoryError(errno.EISDIR, "it is a folder")
            if not stat.S_ISREG(status.st_mode):  # a FIFO would block the open, or look empty
                raise OSError(errno.EINVAL, "it is not a regular file (a pipe or a device)")
            self.total_bytes = status.st_size
            if self.total_bytes == 0:
                raise EmptyFileError(
                    path,
                    Text(
                        "core.imports.csv_source",
                        "{path_name} is empty.",
                        path_name=path.name,
                    ),
                )
            self.encoding = detect_encoding(path)
            self._raw = io.FileIO(path, "r")
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            raise UnreadableFileError(
                path,
                Text(
                    "core.imports.csv_source",
                    "{path_name} cannot be read: {reason}.",
                    path_name=path.name,
                    reason=reason,
                ),
            ) from None
        self._text = io.TextIOWrapper(
            io.BufferedReader(self._raw), encoding=self.encoding, newline=""
        )
        try:
            self.header_line, self.delimiter, self.header = self._read_header()
        except BaseException:
            self.close()
            raise
        self.decimal_mark = "," if self.delimiter == ";" else "."
        self.records_read = 0
        self.columns: dict[str, int] = {}
        for index, cell in enumerate(self.header):
            self.columns.setdefault(normalize(cell), index)

    def __enter__(self) -> CsvFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._text.close()

    def bytes_read(self) -> int:
        """How far into the file reading has got (read-ahead included), for progress bars."""
        return 0 if self._raw.closed else min(self._raw.tell(), self.total_bytes)

    def records(self) -> Iterator[tuple[int, list[str]]]:
        """(line the record starts on, fields) for every non-blank record after the header;
        `records_read` counts them.

        Raises BrokenRecord when the CSV syntax fails (a runaway quote swallowing the rest).
        """
        reader = csv.reader(self._text, delimiter=self.delimiter)
        consumed = self.header_line
        while True:
            start = consumed + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise BrokenRecord(start, _csv_reason(error)) from None
            except UnicodeDecodeError:
                raise self._unreadable() from None
            consumed = self.header_line + reader.line_num
            for field in fields:  # a plain loop: a generator for any() costs more per record
                if field.strip():
                    self.records_read += 1
                    yield start, fields
                    break

    def _read_header(self) -> tuple[int, str, list[str]]:
        line_no = 0
        forced: str | None = None
        try:
            while True:
                line = self._text.readline()
                if not line:
                    raise EmptyFileError(
                        self.path,
                        Text(
                            "core.imports.csv_source",
                            "{path_name} has no header line.",
                            path_name=self.path.name,
                        ),
                    )
                line_no += 1
                stripped = line.strip().lstrip("\ufeff")
                if not stripped:
                    continue
                if stripped.lower().startswith("sep=") and len(stripped) == 5 and forced is None:
                    forced = stripped[4]  # Excel's hint line: the separator, then the header
                    continue
                break
        except UnicodeDecodeError:
            raise self._unreadable() from None
        delimiters = (forced,) if forced else _DELIMITERS
        best: tuple[int, str, list[str]] | None = None
        for delimiter in delimiters:
            try:
                cells = next(csv.reader([line], delimiter=delimiter), [])
            except csv.Error:  # a field over csv.field_size_limit(): no column name is that long
                continue
            known = sum(normalize(cell) in KNOWN for cell in cells)
            if best is None or known > best[0]:
                best = (known, delimiter, cells)
        if best is None:
            raise UnreadableFileError(
                self.path,
                Text(
                    "core.imports.csv_source",
                    "{path_name} cannot be read: its header (line {line_no}) is not a line "
                    "of column names (one of them is longer than any column name can be).",
                    path_name=self.path.name,
                    line_no=line_no,
                ),
            )
        return line_no, best[1], best[2]

    def _unreadable(self) -> UnreadableFileError:
        return UnreadableFileError(
            self.path,
            Text(
                "core.imports.csv_source",
                "{path_name} mixes text encodings; save it again as CSV (UTF-8) and retry.",
                path_name=self.path.name,
            ),
        )


def detect_encoding(path: Path) -> str:
    """The codec to read `path` with: BOMs first, then UTF-8, then Windows-1252.

    Scans the whole file once (fast: C decoders) because one umlaut on line 80,000 decides
    between UTF-8 and Windows-1252, and switching halfway through an import is not an option.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        for magic, what in _WORKBOOK_MAGIC.items():
            if head.startswith(magic):
                raise UnreadableFileError(
                    path,
                    Text(
                        "core.imports.csv_source",
                        "{name} is {what}, not a CSV file. Export or save it as CSV.",
                        name=path.name,
                        what=what,
                    ),
                )
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        bom = head.startswith(codecs.BOM_UTF8)
        for encoding in ("utf-8", "cp1252"):
            handle.seek(0)
            if _decodes(handle, encoding, path):
                return "utf-8-sig" if encoding == "utf-8" and bom else encoding
            if bom:
                break
    raise UnreadableFileError(
        path,
        Text(
            "core.imports.csv_source",
            "{path_name} is not readable text: save it as CSV (UTF-8) and import it again.",
            path_name=path.name,
        ),
    )


def _decodes(handle: BinaryIO, encoding: str, path: Path) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := handle.read(_SCAN_CHUNK):
            if b"\x00" in chunk:
                raise UnreadableFileError(
                    path,
                    Text(
                        "core.imports.csv_source",
                        "{path_name} contains binary data, not CSV text.",
                        path_name=path.name,
                    ),
                )
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _csv_reason(error: csv.Error) -> Text:
    text = str(error)
    if "field larger than field limit" in text:
        return Text(
            "core.imports.csv_source",
            'a field runs on for more than 128 KB: a quote (") opened here is '
            "probably never closed; the rest of the file could not be read",
        )
    return Text(
        "core.imports.csv_source",
        "the CSV breaks here ({text}); the rest of the file could not be read",
        text=text,
    )
