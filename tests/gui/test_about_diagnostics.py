"""About dialog, Open logs folder, Save diagnostics…, and the app's look (palette, icon)."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject, QSize, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QImage, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from core import diagnostics, paths
from core.ledger import Ledger
from gui.about_dialog import AboutDialog
from gui.diagnostics import DiagnosticsSaver, qt_version
from gui.palette import (
    ICON_SIZES,
    Appearance,
    app_icon,
    apply_style,
    contrast_ratio,
    dark_palette,
    is_dark,
    readable,
    save_scheme,
    saved_scheme,
)
from resources import icon_path

ARGB = QImage.Format.Format_ARGB32_Premultiplied


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices would hand to the desktop (Qt's own hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def url_catcher() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    # PySide 6.11 takes the slot name as str at run time; its stubs say bytes (refused).
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    yield catcher
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def about(qtbot: QtBot, ledger: Ledger) -> AboutDialog:
    dialog = AboutDialog(ledger.path)
    qtbot.addWidget(dialog)
    return dialog


def test_about_shows_version_ledger_and_log_folder(about: AboutDialog, ledger: Ledger) -> None:
    version = diagnostics.app_version()
    assert version != "unknown"
    assert f"Dropdesk {version}" in about.title.text()
    assert about.values["Version"].text() == version
    assert about.values["Ledger"].text() == str(ledger.path)
    assert about.values["Log folder"].text() == str(paths.log_dir())
    assert about.values["Qt"].text() == qt_version()


def test_open_logs_folder_opens_the_private_log_folder(
    qtbot: QtBot, about: AboutDialog, url_catcher: UrlCatcher
) -> None:
    assert not paths.log_dir().exists()
    qtbot.mouseClick(about.open_logs_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in url_catcher.urls] == [str(paths.log_dir())]
    if os.name == "posix":
        assert stat.S_IMODE(paths.log_dir().stat().st_mode) == 0o700


def test_save_diagnostics_from_the_dialog_writes_the_zip_and_says_where(
    qtbot: QtBot, about: AboutDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "for-support"  # no suffix: ".zip" is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(chosen), ""))
    )
    with qtbot.waitSignal(about.saver.saved, timeout=20_000) as saved:
        qtbot.mouseClick(about.diagnostics_button, Qt.MouseButton.LeftButton)
        assert not about.diagnostics_button.isEnabled()  # one save at a time
    target = chosen.with_name("for-support.zip")
    assert saved.args == [target]
    assert about.diagnostics_button.isEnabled()
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        about_json = json.loads(archive.read("dropdesk-diagnostics/about.json"))
    assert names == [f"dropdesk-diagnostics/{member}" for member in diagnostics.MEMBERS]
    assert about_json["qt"] == qt_version()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any(str(target) in box.text() and box.isVisible() for box in boxes)
    for box in boxes:
        box.close()


def test_a_save_outlives_the_about_dialog_closed_meanwhile(
    qtbot: QtBot, ledger: Ledger, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    dialog = AboutDialog(ledger.path, window)
    saver = dialog.saver
    target = tmp_path / "d.zip"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    with qtbot.waitSignal(saver.saved, timeout=20_000):
        qtbot.mouseClick(dialog.diagnostics_button, Qt.MouseButton.LeftButton)
        dialog.close()
        shiboken6.delete(dialog)
    assert target.is_file()
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and str(target) in boxes[0].text()
    boxes[0].close()


def test_a_failed_save_is_reported(qtbot: QtBot, ledger: Ledger, tmp_path: Path) -> None:
    saver = DiagnosticsSaver(ledger.path)
    with qtbot.waitSignal(saver.failed, timeout=20_000) as failed:
        saver.save_to(tmp_path / "no-such-folder" / "d.zip")
    assert "could not be saved" in failed.args[0]
    assert not saver.busy


# --- the look -------------------------------------------------------------------------------


@pytest.fixture
def appearance(qapp: QApplication) -> Iterator[Appearance]:
    look = Appearance(qapp)
    yield look
    look.set_scheme(Qt.ColorScheme.Unknown)
    look.setParent(None)  # apply_style looks for the application's Appearance
    look.deleteLater()


def test_dark_scheme_gives_a_dark_palette_even_where_the_platform_cannot(
    qtbot: QtBot, appearance: Appearance, qapp: QApplication
) -> None:
    assert not is_dark(qapp.palette())  # offscreen: no desktop scheme, Qt's light default
    with qtbot.waitSignal(appearance.changed) as changed:
        appearance.set_scheme(Qt.ColorScheme.Dark)
    assert changed.args == [True]
    assert is_dark(qapp.palette()) and appearance.dark
    with qtbot.waitSignal(appearance.changed) as changed:
        appearance.set_scheme(Qt.ColorScheme.Unknown)
    assert changed.args == [False]
    assert not is_dark(qapp.palette())


def test_apply_style_uses_the_saved_choice_once_and_sets_the_icon(qapp: QApplication) -> None:
    save_scheme(Qt.ColorScheme.Dark)
    look = apply_style(qapp)
    try:
        assert look.requested == Qt.ColorScheme.Dark and is_dark(qapp.palette())
        assert apply_style(qapp) is look  # one Appearance per application
        assert apply_style(qapp, Qt.ColorScheme.Light) is look and not is_dark(qapp.palette())
        assert {s.width() for s in qapp.windowIcon().availableSizes()} >= set(ICON_SIZES)
        save_scheme(Qt.ColorScheme.Unknown)
        assert saved_scheme() == Qt.ColorScheme.Unknown
    finally:
        look.set_scheme(Qt.ColorScheme.Unknown)
        look.setParent(None)
        look.deleteLater()


def test_dark_palette_reads_well() -> None:
    palette = dark_palette()
    role = QPalette.ColorRole
    for text, background in (
        (role.Text, role.Base),
        (role.Text, role.AlternateBase),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.HighlightedText, role.Highlight),
        (role.ToolTipText, role.ToolTipBase),
    ):
        assert contrast_ratio(palette.color(text), palette.color(background)) >= 4.5, text
    assert contrast_ratio(palette.color(role.Link), palette.color(role.Base)) >= 4.5


def test_readable_lifts_a_dark_status_colour_on_a_dark_table() -> None:
    base = dark_palette().color(QPalette.ColorRole.Base)
    calm = QColor("#1d6b3a")  # the table's "plenty of time" green, made for white
    assert contrast_ratio(calm, base) < 3
    lifted = readable(calm, base)
    assert contrast_ratio(lifted, base) >= 4.5
    assert abs(lifted.hslHue() - calm.hslHue()) <= 2  # still green
    assert readable(calm, QColor("white")) == calm


def test_app_icon_has_every_size_drawn_for_it(qapp: QApplication) -> None:
    icon = app_icon()
    assert [size.width() for size in icon.availableSizes()] == list(ICON_SIZES)
    for size in (32, 256):
        drawn = QImage(str(icon_path(f"dropdesk-{size}.png"))).convertToFormat(ARGB)
        assert icon.pixmap(QSize(size, size)).toImage().convertToFormat(ARGB) == drawn
    assert icon.pixmap(QSize(20, 20)).size() == QSize(20, 20)
