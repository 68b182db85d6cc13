"""What the command line (core.cli) may ask of the GUI, registered as the `dropdesk.gui` entry
points in pyproject.toml: open the window on a ledger, and draw the review report as a PDF.

Light to import: Qt loads only when a part runs (the start-up path stays as fast as before).
`python -m gui` and the bundle's entry script hand PARTS to `core.cli.main` directly.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.review import Review, ReviewFilter, ReviewSummary


def window(ledger: Path | str, *, self_test: bool = False, files: Sequence[Path] = ()) -> int:
    """Open Dropdesk's window on `ledger` (or hand `files` to the one already running)."""
    from gui.app import run

    return run(ledger, self_test=self_test, files=files)


def review_pdf(
    path: Path,
    review: Review,
    flt: ReviewFilter,
    summary: ReviewSummary | None = None,
    *,
    language: str = "en",
) -> None:
    """`dropdesk review --pdf`: the report with its charts, in `language`, drawn offscreen
    when there is no display."""
    _ensure_qt_application(language)
    from gui.review_report import write_review_pdf

    write_review_pdf(path, review, flt, summary)


_application: object = None  # keeps the QApplication alive while the report is drawn


def _ensure_qt_application(language: str = "en") -> None:
    """A QApplication for drawing the charts, speaking `language`; offscreen when there is no
    display."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    global _application
    if QApplication.instance() is None:
        application = QApplication(["dropdesk-review"])
        _application = application
        if language != "en":
            from gui.i18n import install_translators

            install_translators(application, language)
    if language == "en" and QLocale.system().language() == QLocale.Language.C:  # LANG=C
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


#: The parts by their entry-point names (core.cli.gui_seam).
PARTS: dict[str, Callable[..., Any]] = {"window": window, "review-pdf": review_pdf}
