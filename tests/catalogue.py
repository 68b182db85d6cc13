"""Core's texts as the merchant reads them, for tests: German through the committed catalogue
(resources/translations/dropdesk_de.qm, the file the window loads), English as the source.
A test that asserts German words through `german()` proves the catalogue has them."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QTranslator

from core.texts import Text
from resources import ROOT


@cache
def _translator() -> QTranslator:
    translator = QTranslator()
    assert translator.load("dropdesk_de", str(ROOT / "translations")), "no dropdesk_de.qm"
    return translator


def in_german(text: Text) -> str:
    """`text` as the German window shows it."""
    translator = _translator()
    return text.render(
        lambda context, source: translator.translate(context, source) or source, "de"
    )


def in_english(text: Text) -> str:
    """`text` as the English window, the command line and the logs show it."""
    return text.english()
