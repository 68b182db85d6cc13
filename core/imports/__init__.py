"""File imports into the ledger: the Shopify admin's Orders > Export CSV.

Public API: `import_shopify_csv(ledger, path, mode=..., dry_run=..., progress=..., cancel=...)`
returns an `ImportSummary`; `ImportFileError` subclasses say why a file cannot be imported.
"""

from core.imports.errors import (
    EmptyFileError,
    ImportCancelled,
    ImportFileError,
    NotAShopifyExportError,
    UnreadableFileError,
)
from core.imports.shopify_csv import Mode, import_shopify_csv
from core.imports.summary import ImportSummary, Refusal

__all__ = [
    "EmptyFileError",
    "ImportCancelled",
    "ImportFileError",
    "ImportSummary",
    "Mode",
    "NotAShopifyExportError",
    "Refusal",
    "UnreadableFileError",
    "import_shopify_csv",
]
