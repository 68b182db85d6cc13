"""Which language the window speaks, and Qt's translators and default locale for it.

English is the source language, so English needs no catalogue. German loads Dropdesk's own
dropdesk_de.qm (resources/translations, built from the .ts by packaging/build_translations.py)
and Qt's qtbase_de.qm, so the standard buttons and dialogs speak German too. QLocale's default
follows the choice, so dates, numbers and money read the way the merchant expects.

The choice, strongest first: the caller's argument, the DROPDESK_LANG environment variable,
the "ui/language" setting, the system's language. View > Language saves the setting and
applies it at once (gui/language_switch.py rebuilds the window in the new words).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from core.texts import Text, Translate
from gui.ui_settings import ui_settings
from resources import ROOT

log = logging.getLogger(__name__)

SETTING = "ui/language"
ENVIRONMENT = "DROPDESK_LANG"
SYSTEM = "system"
#: The languages Dropdesk speaks, each with its name in itself (how a picker lists it).
LANGUAGES = {"en": "English", "de": "Deutsch"}
SOURCE_LANGUAGE = "en"
TRANSLATIONS = ROOT / "translations"

_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def _tr(text: str) -> str:
    return QCoreApplication.translate("Language", text)


def language_code(value: str | None) -> str | None:
    """ "de", "de_AT.UTF-8", "de-CH" -> "de"; "system", "", unknown -> None (follow the system)."""
    if not value:
        return None
    code = value.strip().replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else None


def system_language(system: QLocale) -> str:
    """The system's language if Dropdesk speaks it, else English (also for the C locale)."""
    code = language_code(system.name())
    return code if code is not None and system.language() != QLocale.Language.C else "en"


def preferred_language(language: str | None = None, system: QLocale | None = None) -> str:
    """The language to start in: the argument, DROPDESK_LANG, the setting, then the system."""
    for source, value in (
        ("argument", language),
        (ENVIRONMENT, os.environ.get(ENVIRONMENT)),
        ("setting", str(ui_settings().value(SETTING, SYSTEM))),
    ):
        code = language_code(value)
        if code is not None:
            return code
        if value and value.strip().lower() != SYSTEM:
            log.warning("Ignoring unknown language %r from %s", value, source)
    return system_language(system if system is not None else QLocale.system())


def _locale_for(code: str, system: QLocale) -> QLocale:
    """The system's own locale when it speaks `code` (keeps de_AT or en_GB formats); otherwise
    the language's main one. The C locale reads like en_US."""
    if system.language() != QLocale.Language.C and language_code(system.name()) == code:
        return system
    if code == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install_translators(
    app: QCoreApplication, language: str | None = None, *, system: QLocale | None = None
) -> str:
    """Load the catalogues for the preferred language into `app` and make its locale the
    default; returns the language code ("en" or "de"). Calling it again replaces them."""
    global _current
    system = system if system is not None else QLocale.system()
    code = preferred_language(language, system)
    remove_translators(app)
    if code != SOURCE_LANGUAGE:
        for name, folder in (
            (f"dropdesk_{code}", str(TRANSLATIONS)),
            (f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ):
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
            else:
                log.warning("No translation %s in %s", name, folder)
    QLocale.setDefault(_locale_for(code, system))
    _current = code
    log.info("Language: %s (%s)", code, QLocale().name())
    return code


def remove_translators(app: QCoreApplication) -> None:
    """Take out what install_translators put in (the source language needs none)."""
    global _current
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()
    _current = SOURCE_LANGUAGE


def current_language() -> str:
    """The language the window speaks now: a sensible first choice for texts to copy."""
    return _current


def switch_language(app: QCoreApplication, value: str) -> str:
    """The merchant chose `value` ("system", "en", "de"): save it and load its catalogues now
    (the environment's DROPDESK_LANG no longer overrides an explicit choice). Returns the code."""
    settings = ui_settings()
    settings.setValue(SETTING, value)
    settings.sync()
    code = language_code(value) or system_language(QLocale.system())
    return install_translators(app, code)


@cache
def _catalogue(code: str) -> QTranslator | None:
    """Dropdesk's Qt catalogue of `code`, loaded but not installed (the window keeps its own):
    for a document in a language other than the window's."""
    if code == SOURCE_LANGUAGE:
        return None
    translator = QTranslator(QCoreApplication.instance())
    return translator if translator.load(f"dropdesk_{code}", str(TRANSLATIONS)) else None


def translator_for(code: str) -> Translate:
    """How core's words read in `code` whatever the window speaks (English: as written)."""
    found = _catalogue(code)
    if found is None:
        return lambda context, source: source
    return lambda context, source: found.translate(context, source) or source


def say(text: Text | str) -> str:
    """Core's text in the window's language: the catalogue's translation of its (context,
    source), then its fields put in. The one place the GUI turns a core text into words."""
    from gui.formatting import field_text  # (it words its own texts through say)

    if isinstance(text, str):
        return text
    return text.render(QCoreApplication.translate, _current, field_text)


def choice_in_force() -> str:
    """The menu's entry for the language the window speaks: the saved choice when it is the one
    in force, else the language itself (DROPDESK_LANG or an argument overrode the setting)."""
    saved = language_code(str(ui_settings().value(SETTING, SYSTEM)))
    if saved is None and system_language(QLocale.system()) == _current:
        return SYSTEM
    return _current


def language_menu(parent: QWidget, chosen: Callable[[str], None]) -> QMenu:
    """View > Language: System, English, Deutsch, the language in force checked; `chosen`
    receives a different choice ("system" or a code)."""
    menu = QMenu(_tr("&Language"), parent)
    group = QActionGroup(menu)
    group.setExclusive(True)
    current_choice = [choice_in_force()]
    for value, text in ((SYSTEM, _tr("System language")), *LANGUAGES.items()):
        action = QAction(text, menu)
        action.setCheckable(True)
        action.setChecked(value == current_choice[0])
        action.setData(value)
        group.addAction(action)
        menu.addAction(action)

    def triggered(action: QAction) -> None:
        value = str(action.data())
        if value != current_choice[0]:
            chosen(value)
        current_choice[0] = choice_in_force()
        for each in group.actions():  # the choice in force (a refused switch changed nothing)
            each.setChecked(each.data() == current_choice[0])

    group.triggered.connect(triggered)
    return menu
