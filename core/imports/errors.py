"""Why a file could not be imported at all, in words a merchant can act on.

Row-level problems are not errors: they become `Refusal`s in the summary and the merchant
chooses. These exceptions stop the whole import before (or instead of) touching the ledger.
The base class is deliberately not Python's builtin `ImportError` (that one means a module
failed to load, and `except ImportError` guards would swallow ours).
"""

from __future__ import annotations

from pathlib import Path

from core.texts import Text


class ImportFileError(Exception):
    """The file cannot be imported; the message is meant for the merchant (`text` has it in
    German too)."""

    def __init__(self, path: Path, message: Text | str, german: str = "") -> None:
        self.text = message if isinstance(message, Text) else Text.pair(message, german)
        super().__init__(self.text.english())
        self.path = path


class EmptyFileError(ImportFileError):
    """Nothing to read: zero bytes, or only blank lines."""


class UnreadableFileError(ImportFileError):
    """Not text in an encoding we can read (binary, a workbook, mixed encodings)."""


class NotAShopifyExportError(ImportFileError):
    """Text, but not the admin's Orders > Export (no Name column, nothing we recognise)."""


class ImportCancelled(Exception):
    """The caller's cancel flag was raised; the transaction was rolled back, nothing imported."""
