"""An HTML document printed to a PDF file, atomically (the review report's way, shared).

QTextDocument lays the HTML out and paginates it; QPdfWriter prints it under a hidden partial
name beside the target, renamed into place when complete, so a failed or killed write leaves
nothing at `path` (and `clean_leftovers` removes the partial of a killed one).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.partial_files import clean_leftovers, create_partial


def write_html_pdf(
    path: Path,
    html: str,
    *,
    title: str,
    landscape: bool = False,
    resolution: int = 200,
) -> None:
    """Print `html` to an A4 PDF at `path`, with `title` in its metadata."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(html)
    path = Path(path)
    clean_leftovers(path.parent, path.name)
    handle, temporary = create_partial(path, "pdf")
    os.close(handle)
    try:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator("Dropdesk")
        writer.setResolution(resolution)
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                orientation,
                QMarginsF(6, 6, 6, 6),
                QPageLayout.Unit.Millimeter,
            )
        )
        document.print_(writer)  # adds 2 cm margins and page numbers of its own
        del writer  # closes the file
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
