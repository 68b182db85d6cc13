"""The app's look: a style that can draw dark mode, the light or dark palette, and the icon.

Qt 6 follows the desktop's colour scheme by itself where the platform theme reports one
(Windows 11, macOS, GNOME and KDE through their platform themes) and the style can draw it
(Fusion, windows11, macOS). Two gaps remain, and `Appearance` fills them: the old Windows
style ("windowsvista") ignores a dark scheme, so a dark desktop gets Fusion instead; and a
platform theme without colour-scheme support (plain X11, Xvfb, offscreen) ignores
`QStyleHints.setColorScheme`, so a scheme the merchant (or a screenshot) asks for is applied
as an explicit palette.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from gui.ui_settings import ui_settings
from resources import icon_path

log = logging.getLogger(__name__)

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
"""PNG renderings shipped beside the SVG (resources/icons/dropdesk-<size>.png)."""

STYLES_WITHOUT_DARK = frozenset({"windows", "windowsvista"})
"""Platform styles that draw light widgets whatever the palette says."""

SCHEME_SETTING = "appearance/color_scheme"
SCHEMES = {
    "system": Qt.ColorScheme.Unknown,
    "light": Qt.ColorScheme.Light,
    "dark": Qt.ColorScheme.Dark,
}
"""The values of SCHEME_SETTING in ui.ini, and what each asks Qt for."""

_Role = QPalette.ColorRole
_Group = QPalette.ColorGroup


def app_icon() -> QIcon:
    """The Dropdesk icon in every shipped size, 16 to 512 px, so a high-DPI screen (a 256 px
    icon at 200 %) gets a drawn-for-the-size PNG rather than a scaled one. The SVG is the
    fallback only: mixed into the PNGs, Qt would rasterise it once at 256 px, and its icon
    engine keeps a single added pixmap, so it cannot hold the PNGs either."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = icon_path(f"dropdesk-{size}.png")
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    if icon.isNull():
        icon = QIcon(str(icon_path("dropdesk.svg")))
    return icon


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether `palette` (default: the application's) draws light text on dark windows."""
    palette = palette if palette is not None else QGuiApplication.palette()
    window = palette.color(_Role.Window)
    text = palette.color(_Role.WindowText)
    return window.lightness() < text.lightness()


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio of two colours: 1.0 (same) to 21.0 (black on white)."""

    def luminance(colour: QColor) -> float:
        def linear(channel: float) -> float:
            return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

        red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """`colour`, or the nearest lighter (on dark) or darker (on light) shade of its hue that
    reaches `minimum` contrast on `background`: a status colour chosen for a light table
    stays readable on a dark one."""
    if contrast_ratio(colour, background) >= minimum:
        return colour
    hue, saturation = colour.hslHueF(), colour.hslSaturationF()
    lightness, alpha = colour.lightnessF(), colour.alphaF()
    step = 0.02 if background.lightnessF() < 0.5 else -0.02
    candidate = QColor(colour)
    while 0.0 <= lightness <= 1.0:
        lightness += step
        candidate = QColor.fromHslF(hue, saturation, min(max(lightness, 0.0), 1.0), alpha)
        if contrast_ratio(candidate, background) >= minimum:
            break
    return candidate


@dataclass(frozen=True)
class Shade:
    """A named colour of the screens, with a light-mode and a dark-mode value. `on` is the
    shade it is read on (a banner's text on the banner); None means the window's own
    backgrounds (Base and Window). Both values of a text shade keep 4.5:1 against their
    background (tests/gui/test_palette_roles.py)."""

    name: str
    light: str
    dark: str
    on: Shade | None = None
    text: bool = True  # False for fills and borders, which are not read

    def color(self, dark: bool | None = None) -> QColor:
        """The value for the application's palette, or for the mode asked for. A text shade on
        the window's backgrounds is shaded further if a platform palette's Base is not the one
        the values were chosen for (`readable`)."""
        if dark is not None:
            return QColor(self.dark if dark else self.light)
        palette = QGuiApplication.palette()
        colour = QColor(self.dark if is_dark(palette) else self.light)
        if self.text and self.on is None:
            colour = readable(colour, palette.color(_Role.Base))
        return colour

    def brush(self, dark: bool | None = None) -> QBrush:
        return QBrush(self.color(dark))

    def css(self, dark: bool | None = None) -> str:
        """`color: …;` for a style sheet."""
        return f"color: {self.color(dark).name()};"


class Colours:
    """The screens' colour roles; screens name a role, never a value."""

    MUTED = Shade("muted", "#5f6670", "#a3a8b0")  # secondary text, "nothing here" notes
    POSITIVE = Shade("positive", "#1d6b3a", "#7fd69b")  # it worked; calm deadlines
    CAUTION = Shade("caution", "#8a4b00", "#f0b35a")  # estimated, needs a look soon
    NEGATIVE = Shade("negative", "#a61b1b", "#ff8a80")  # errors, overdue, refused

    # Ledger cells that carry their own pale background keep dark text in both modes.
    SOON_FILL = Shade("soon-fill", "#fff3c4", "#fff3c4", text=False)
    SOON = Shade("soon", "#5c4400", "#5c4400", SOON_FILL)
    URGENT_FILL = Shade("urgent-fill", "#ffd9b3", "#ffd9b3", text=False)
    URGENT = Shade("urgent", "#7a3300", "#7a3300", URGENT_FILL)
    OVERDUE_FILL = Shade("overdue-fill", "#f8c9c9", "#f8c9c9", text=False)
    OVERDUE = Shade("overdue", "#8b0000", "#8b0000", OVERDUE_FILL)

    # Notice banners (gui.notice): fill, text and border per kind.
    INFO_FILL = Shade("info-fill", "#e8f0fb", "#1c2b40", text=False)
    INFO_TEXT = Shade("info-text", "#1f3b63", "#bcd4f5", INFO_FILL)
    INFO_BORDER = Shade("info-border", "#a9c2e6", "#3d5a80", text=False)
    WARNING_FILL = Shade("warning-fill", "#fff4d6", "#3d3210", text=False)
    WARNING_TEXT = Shade("warning-text", "#5c4400", "#ffe08a", WARNING_FILL)
    WARNING_BORDER = Shade("warning-border", "#e8c96a", "#7a6420", text=False)
    ERROR_FILL = Shade("error-fill", "#fdecea", "#4a1c1c", text=False)
    ERROR_TEXT = Shade("error-text", "#8b1a1a", "#ffcdc9", ERROR_FILL)
    ERROR_BORDER = Shade("error-border", "#e6a1a1", "#8a3a3a", text=False)
    SUCCESS_FILL = Shade("success-fill", "#e6f4ea", "#173322", text=False)
    SUCCESS_TEXT = Shade("success-text", "#1d5b33", "#a8e0bb", SUCCESS_FILL)
    SUCCESS_BORDER = Shade("success-border", "#9fd0ae", "#3a6b4a", text=False)

    # Chart bars (gui.review_charts), one per currency in order, and the suppliers' refund
    # rate. Fills, not text, but kept at 3:1 (WCAG 1.4.11) on Window and Base in both modes.
    SERIES_1 = Shade("series-1", "#c0392b", "#ff7a6b", text=False)
    SERIES_2 = Shade("series-2", "#2e86c1", "#5dade2", text=False)
    SERIES_3 = Shade("series-3", "#1e8449", "#58d68d", text=False)
    SERIES_4 = Shade("series-4", "#b9770e", "#f5b041", text=False)
    SERIES_5 = Shade("series-5", "#7d3c98", "#c39bd3", text=False)
    SERIES_6 = Shade("series-6", "#566573", "#aab7b8", text=False)
    RATE = Shade("rate", "#d35400", "#f0884a", text=False)

    # The tray icon's count badge: white on red whatever the desktop.
    BADGE = Shade("badge", "#c62828", "#c62828", text=False)
    BADGE_TEXT = Shade("badge-text", "#ffffff", "#ffffff", BADGE)

    @classmethod
    def all(cls) -> tuple[Shade, ...]:
        return tuple(value for value in vars(cls).values() if isinstance(value, Shade))

    @classmethod
    def series(cls) -> tuple[Shade, ...]:
        """The chart bars' colours, in the order currencies appear."""
        return (cls.SERIES_1, cls.SERIES_2, cls.SERIES_3, cls.SERIES_4, cls.SERIES_5, cls.SERIES_6)


class _Restyle(QObject):
    """Sets its widget's style sheet again from `style` when the application's palette
    changes (light to dark), so a colour named by role follows the mode in force. A widget
    with a style sheet gets no palette-change event of its own (Qt sends those to windows
    and unstyled widgets), hence the application's signal; it ends with the widget."""

    def __init__(self, widget: QWidget, style: Callable[[], str]) -> None:
        super().__init__(widget)
        self.style = style
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.paletteChanged.connect(self.restyle)

    @Slot(QPalette)
    def restyle(self, _palette: QPalette | None = None) -> None:
        widget = self.parent()
        if isinstance(widget, QWidget):
            sheet = self.style()
            if widget.styleSheet() != sheet:
                widget.setStyleSheet(sheet)


def follow_palette(widget: QWidget, style: Callable[[], str]) -> None:
    """Give `widget` the style sheet `style()` now and again after every palette change.
    `style` reads roles when called (e.g. `Colours.MUTED.css`), never a value kept from
    before the palette was chosen. A second call replaces the first."""
    restyle = widget.findChild(_Restyle, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if isinstance(restyle, _Restyle):
        restyle.style = style
    else:
        _Restyle(widget, style)
    widget.setStyleSheet(style())


PAPER_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #1b1f24; }
h1 { font-size: 16pt; margin-bottom: 2px; }
h2 { font-size: 12pt; margin-top: 14px; margin-bottom: 4px; color: #2c3e50; }
p.meta { color: #555555; margin: 0; }
p.hint { background: #fff6d6; padding: 4px; }
th { background: #e8ecf0; text-align: left; padding: 3px 6px; font-weight: bold; }
td { padding: 2px 6px; border-bottom: 1px solid #dde2e6; vertical-align: top; }
td.num { text-align: right; }
td.bad { color: #a61b1b; font-weight: bold; }
pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; white-space: pre-wrap; }
td.caption { color: #2c3e50; }
p.rates { color: #555555; }
"""
"""The style sheet of printed documents (PDFs): paper is white whatever the screen's mode."""


def dark_palette() -> QPalette:
    """A dark palette for Fusion, close to what Qt's own dark themes use, with link and
    highlight colours that keep a 4.5:1 contrast on the dark base."""
    colours = {
        _Role.Window: "#2b2d30",
        _Role.WindowText: "#e8e8e8",
        _Role.Base: "#1f2023",
        _Role.AlternateBase: "#27292c",
        _Role.ToolTipBase: "#3a3d41",
        _Role.ToolTipText: "#f0f0f0",
        _Role.PlaceholderText: "#9a9da3",
        _Role.Text: "#e8e8e8",
        _Role.Button: "#35373b",
        _Role.ButtonText: "#e8e8e8",
        _Role.BrightText: "#ff6b6b",
        _Role.Light: "#4a4d52",
        _Role.Midlight: "#3f4246",
        _Role.Mid: "#303236",
        _Role.Dark: "#1a1b1d",
        _Role.Shadow: "#000000",
        _Role.Highlight: "#2f65ca",
        _Role.HighlightedText: "#ffffff",
        _Role.Link: "#7fb0ff",
        _Role.LinkVisited: "#c39bff",
    }
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = {
        _Role.WindowText: "#7c7f84",
        _Role.Text: "#7c7f84",
        _Role.ButtonText: "#7c7f84",
        _Role.Highlight: "#44474c",
        _Role.HighlightedText: "#a0a3a8",
    }
    for role, colour in disabled.items():
        palette.setColor(_Group.Disabled, role, QColor(colour))
    return palette


class Appearance(QObject):
    """Keeps the application's style and palette in step with the colour scheme: the
    desktop's (the default, followed live through `colorSchemeChanged`) or one chosen in
    the settings (`set_scheme`)."""

    changed = Signal(bool)  # dark: emitted after the palette changed between light and dark

    def __init__(self, app: QApplication, scheme: Qt.ColorScheme = Qt.ColorScheme.Unknown) -> None:
        super().__init__(app)
        self._app = app
        self._requested = scheme
        self._own_palette = False
        self._dark = is_dark(app.palette())
        app.styleHints().colorSchemeChanged.connect(self._scheme_changed)
        self.set_scheme(scheme)

    @property
    def dark(self) -> bool:
        return self._dark

    @property
    def requested(self) -> Qt.ColorScheme:
        return self._requested

    def set_scheme(self, scheme: Qt.ColorScheme) -> None:
        """Follow the desktop (`Unknown`) or force `Light` / `Dark`."""
        self._requested = scheme
        hints = self._app.styleHints()
        if scheme == Qt.ColorScheme.Unknown:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(scheme)
        self._apply()

    def _scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        self._apply()

    def _wants_dark(self) -> bool:
        if self._requested != Qt.ColorScheme.Unknown:
            return self._requested == Qt.ColorScheme.Dark
        return self._app.styleHints().colorScheme() == Qt.ColorScheme.Dark

    def _apply(self) -> None:
        dark = self._wants_dark()
        if dark and self._app.style().name().lower() in STYLES_WITHOUT_DARK:
            log.info("Style %s cannot draw dark mode; using Fusion", self._app.style().name())
            self._app.setStyle("Fusion")
        if self._own_palette:  # back to what the platform gives, then see if that will do
            self._app.setPalette(QPalette())
            self._own_palette = False
        if is_dark(self._app.palette()) != dark:
            self._app.setPalette(dark_palette() if dark else self._app.style().standardPalette())
            self._own_palette = True
        now_dark = is_dark(self._app.palette())
        if now_dark != self._dark:
            self._dark = now_dark
            self.changed.emit(now_dark)


def saved_scheme() -> Qt.ColorScheme:
    """The merchant's choice in the UI settings: follow the desktop (default), light or dark."""
    value = str(ui_settings().value(SCHEME_SETTING, "system"))
    return SCHEMES.get(value, Qt.ColorScheme.Unknown)


def save_scheme(scheme: Qt.ColorScheme) -> None:
    names = {choice: name for name, choice in SCHEMES.items()}
    settings = ui_settings()
    settings.setValue(SCHEME_SETTING, names.get(scheme, "system"))
    settings.sync()


def apply_style(app: QApplication, scheme: Qt.ColorScheme | None = None) -> Appearance:
    """Set up the look once at start-up: the icon, then style and palette for `scheme`
    (default: the saved choice, normally "follow the desktop"). Calling it again returns
    the same `Appearance`, switched to `scheme` if one is given."""
    existing = app.findChild(Appearance)
    if isinstance(existing, Appearance):
        if scheme is not None:
            existing.set_scheme(scheme)
        return existing
    app.setWindowIcon(app_icon())
    return Appearance(app, saved_scheme() if scheme is None else scheme)
