"""The holiday calendar editor: the merchant's holidays and make-up working days per country
and year, on top of what the `holidays` package knows (core.calendar_days).

Opened from the suppliers view. It says, for the chosen country and year, whether the package
holds the official arrangement or the year is estimated, lists the merchant's dates beside the
package's own (read-only, so the merchant sees what is already counted), and saves the
merchant's; saving (or importing a file) emits `changed`, and the caller recomputes the
deadlines.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import calendar_days, clocks
from core.calendar_days import HOLIDAY, WORKING_DAY, CalendarDay, CalendarFileError
from core.ledger import Ledger
from gui.formatting import day_format, day_text
from gui.i18n import current_language, say
from gui.palette import Colours
from gui.window_fit import fit_to_screen


def _tr(text: str) -> str:
    return QCoreApplication.translate("CalendarDialog", text)


def kind_label(kind: str) -> str:
    """What the editor calls a kind of date."""
    return _tr("Holiday (day off)") if kind == HOLIDAY else _tr("Working day (make-up day)")


def _country_names() -> dict[str, str]:
    """Names of the countries suppliers usually sit in, in the window's language: Qt names
    territories in English only. Others show Qt's English name."""
    return {
        "CN": _tr("China"),
        "HK": _tr("Hong Kong"),
        "TW": _tr("Taiwan"),
        "VN": _tr("Vietnam"),
        "IN": _tr("India"),
        "TR": _tr("Turkey"),
        "TH": _tr("Thailand"),
        "ID": _tr("Indonesia"),
        "MY": _tr("Malaysia"),
        "JP": _tr("Japan"),
        "KR": _tr("South Korea"),
        "US": _tr("United States"),
        "GB": _tr("United Kingdom"),
        "DE": _tr("Germany"),
        "AT": _tr("Austria"),
        "CH": _tr("Switzerland"),
        "PL": _tr("Poland"),
        "CZ": _tr("Czechia"),
        "NL": _tr("Netherlands"),
        "FR": _tr("France"),
        "IT": _tr("Italy"),
        "ES": _tr("Spain"),
    }


def country_label(country: str) -> str:
    """ "China (CN)", "Deutschland (DE-BY)": the country's name with the code the ledger keeps."""
    code = country.partition("-")[0]
    name = _country_names().get(code)
    if name is None:
        territory = QLocale.codeToTerritory(code)
        name = (
            ""
            if territory == QLocale.Country.AnyTerritory
            else QLocale.territoryToString(territory)
        )
    return f"{name} ({country})" if name else country


def _days_table(name: str) -> QTableWidget:
    """A read-only list of dates: date, kind, name."""
    table = QTableWidget(0, 3)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels([_tr("Date"), _tr("Kind"), _tr("Name")])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table


class CalendarDialog(QDialog):
    """Edit one country's corrections for one year at a time."""

    changed = Signal()  # the ledger's calendar changed: deadlines need recomputing

    def __init__(
        self,
        ledger: Ledger,
        countries: list[str],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Holidays and working days"))
        self.ledger = ledger
        self.days: list[CalendarDay] = []
        self.package: list[CalendarDay] = []  # what the holidays package counts already
        self.dirty = False
        today = today or date.today()

        self.country = QComboBox()
        self.country.setEditable(True)
        self.country.setAccessibleName(_tr("Country"))
        for code in dict.fromkeys([*countries, *self._saved_countries()]):
            self.country.addItem(country_label(code), code)
        self.year = QSpinBox()
        self.year.setRange(clocks.FIRST_YEAR, clocks.LAST_YEAR)
        self.year.setGroupSeparatorShown(False)
        self.year.setAccessibleName(_tr("Year"))
        self.year.setValue(self._first_estimated_year(today.year))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("calendarState")

        self.table = _days_table("calendarDays")
        self.package_table = _days_table("packageDays")
        self.package_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.package_box = QGroupBox()  # its tooltip names the package's version
        self.package_note = QLabel()  # when the package has no names in the window's language
        self.package_note.setWordWrap(True)
        self.package_note.setObjectName("packageNote")

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(day_format())
        self.date.setAccessibleName(_tr("Date"))
        self.kind = QComboBox()
        for kind in (HOLIDAY, WORKING_DAY):
            self.kind.addItem(kind_label(kind), kind)
        self.kind.setAccessibleName(_tr("Kind"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(_tr("Name, e.g. Spring Festival"))
        self.name.setAccessibleName(_tr("Name"))
        self.add_button = QPushButton(_tr("&Add"))
        self.remove_button = QPushButton(_tr("&Remove selected"))
        self.import_button = QPushButton(_tr("&Import…"))
        self.export_button = QPushButton(_tr("&Export…"))
        self.discard_button = QPushButton(_tr("&Discard changes"))
        self.save_button = QPushButton(_tr("&Save"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(_tr("Close"))
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(Colours.NEGATIVE.css())
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        choose = QFormLayout()
        choose.addRow(_tr("Country"), self.country)
        choose.addRow(_tr("Year"), self.year)
        add_row = QHBoxLayout()
        add_row.addWidget(self.date)
        add_row.addWidget(self.kind)
        add_row.addWidget(self.name, 1)
        add_row.addWidget(self.add_button)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.remove_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.import_button)
        list_buttons.addWidget(self.export_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        help_text = QLabel(
            _tr(
                "Dates here override the public holidays Dropdesk knows for this country: a "
                "holiday is a day off, a working day counts even on a weekend. Ship-by deadlines "
                "of open orders are recomputed after saving."
            )
        )
        help_text.setWordWrap(True)
        yours = QGroupBox(_tr("Your dates"))
        yours_layout = QVBoxLayout(yours)
        yours_layout.addWidget(self.table, 1)
        yours_layout.addLayout(add_row)
        yours_layout.addLayout(list_buttons)
        package_layout = QVBoxLayout(self.package_box)
        package_layout.addWidget(self.package_note)
        package_layout.addWidget(self.package_table)
        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.state)
        layout.addWidget(help_text)
        layout.addWidget(yours, 2)
        layout.addWidget(self.package_box, 3)
        layout.addWidget(self.problems)
        layout.addLayout(buttons)

        self.country.currentTextChanged.connect(lambda _text: self.load())
        self.year.valueChanged.connect(lambda _year: self.load())
        self.add_button.clicked.connect(self.add_from_form)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        self.discard_button.clicked.connect(self.load)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        fit_to_screen(self, 820, 680)
        self.load()

    # --- state ---------------------------------------------------------------------------------

    def _saved_countries(self) -> list[str]:
        return calendar_days.saved_countries(self.ledger)

    def _first_estimated_year(self, this_year: int) -> int:
        """This year, or the next when this year is official and the next one is not."""
        country = self.current_country()
        if country and self._problem(country) is None:
            for year in (this_year, this_year + 1):
                if clocks.is_estimated(country, year):
                    return year
        return this_year

    @staticmethod
    def _problem(country: str) -> str | None:
        return clocks.calendar_problem(country, "UTC")

    def current_country(self) -> str:
        """The chosen country's code: a listed "China (CN)", or what the merchant typed
        ("DE-BY", or a name with its code in brackets)."""
        text = self.country.currentText()
        index = self.country.findText(text)
        if index >= 0:
            return str(self.country.itemData(index))
        bracketed = re.search(r"\(([^()]+)\)\s*$", text)
        return calendar_days.normalize_country(bracketed.group(1) if bracketed else text)

    def load(self) -> None:
        """Show the saved dates of the chosen country and year (dropping unsaved edits)."""
        country, year = self.current_country(), self.year.value()
        self.problems.clear()
        self.problems.setStyleSheet(Colours.NEGATIVE.css())
        valid = bool(country) and self._problem(country) is None
        self.days = calendar_days.year_days(self.ledger, country, year) if valid else []
        self.package = (
            calendar_days.package_days(country, year, current_language()) if valid else []
        )
        self.date.setDate(QDate(year, 1, 1))
        self._set_dirty(False)
        self._fill()
        self._show_state(country, year, valid)
        self._show_package_language(country, valid)
        for widget in (self.add_button, self.table, self.remove_button):
            widget.setEnabled(valid)
        if not valid and country:
            self.problems.setText(
                _tr("{0} is not a country calendar Dropdesk knows (like CN or DE-BY).").format(
                    country
                )
            )

    def _show_state(self, country: str, year: int, valid: bool) -> None:
        import holidays

        version = _tr("From the holidays package, version {0}.").format(holidays.__version__)
        self.package_box.setTitle(
            _tr("Public holidays Dropdesk knows (updated with the app): already counted")
        )
        self.package_box.setToolTip(version)
        self.state.setToolTip(version)
        if not valid:
            self.state.clear()
            return
        name = country_label(country)
        last = clocks.last_official_year(country)
        if last is None:
            text = _tr(
                "{0} {1}: the public holidays Dropdesk knows follow the country's fixed "
                "rules; add a date only to correct them."
            ).format(name, year)
        elif year <= last:
            text = _tr("{0} {1}: official arrangement, known to Dropdesk.").format(name, year)
        elif self.days:
            text = _tr(
                "{0} {1}: set by you. Dropdesk knows the official arrangement only up to {2}."
            ).format(name, year, last)
        else:
            text = _tr(
                "{0} {1}: estimated. Dropdesk knows the official arrangement only up to {2}; "
                "deadlines in {1} are counted without make-up working days. The arrangement "
                "is published in November or December of the year before: enter its holidays "
                "and make-up working days here."
            ).format(name, year, last)
        self.state.setText(text)
        estimated = last is not None and year > last and not self.days
        self.state.setStyleSheet(f"{Colours.CAUTION.css()} font-weight: bold;" if estimated else "")

    def _show_package_language(self, country: str, valid: bool) -> None:
        """German names where the package has them; else English, and a note that says so."""
        language = current_language()
        spoken = calendar_days.package_language(country, language) if valid else language
        self.package_note.setText(
            ""
            if spoken == language
            else _tr(
                "Dropdesk has no German names for the holidays of {0}: shown in English."
            ).format(country_label(country))
        )
        self.package_note.setVisible(spoken != language)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.country.setEnabled(not dirty)  # switching would drop the edits
        self.year.setEnabled(not dirty)
        self.discard_button.setEnabled(dirty)
        self.save_button.setEnabled(dirty)  # nothing to save otherwise
        self.save_button.setText(_tr("&Save") if not dirty else _tr("&Save changes"))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.days))
        for row, entry in enumerate(self.days):
            cells = (
                day_text(entry.day, weekday=True),
                kind_label(entry.kind),
                entry.name,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.day.isoformat())
                self.table.setItem(row, column, item)
        self._fill_package()

    def _fill_package(self) -> None:
        """The package's own dates, muted; one the merchant's dates replace is struck through."""
        yours = {entry.day for entry in self.days}
        self.package_table.setRowCount(len(self.package))
        for row, entry in enumerate(self.package):
            cells = (day_text(entry.day, weekday=True), kind_label(entry.kind), entry.name)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setForeground(Colours.MUTED.brush())
                if entry.day in yours:
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setToolTip(_tr("Your date for this day replaces the package's."))
                self.package_table.setItem(row, column, item)

    # --- editing -------------------------------------------------------------------------------

    def add_day(self, day: date, kind: str, name: str = "") -> bool:
        """Add (or replace) one date of the shown year; False with a reason when refused."""
        year = self.year.value()
        if day.year != year:
            self.problems.setText(
                _tr("{0} is not in {1}: choose the year first.").format(day_text(day), year)
            )
            return False
        entry = CalendarDay(self.current_country(), day, kind, name.strip())
        self.days = sorted([d for d in self.days if d.day != day] + [entry])
        self.problems.clear()
        self._fill()
        self._set_dirty(True)
        return True

    def add_from_form(self) -> None:
        chosen = self.date.date()
        added = self.add_day(
            date(chosen.year(), chosen.month(), chosen.day()),
            str(self.kind.currentData()),
            self.name.text(),
        )
        if added:
            self.name.clear()

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows:
            return
        self.days = [d for row, d in enumerate(self.days) if row not in rows]
        self._fill()
        self._set_dirty(True)

    def save(self) -> bool:
        """Store the shown year's dates; emits `changed` when the ledger's calendar changed."""
        try:
            changed = calendar_days.replace_year(
                self.ledger, self.current_country(), self.year.value(), self.days
            )
        except CalendarFileError as error:
            self.problems.setText(say(error.text))
            return False
        self.load()
        if changed:
            self.changed.emit()
        return True

    def _say(self, text: str) -> None:
        """A plain message (not a problem) in the message line."""
        self.problems.setStyleSheet("")
        self.problems.setText(text)

    # --- the file ------------------------------------------------------------------------------

    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _tr("Import holidays and working days"), "", _tr("Calendar files (*.csv)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        try:
            with open(path, "rb") as handle:
                data = handle.read(calendar_days.MAX_FILE_BYTES + 1)
            count = calendar_days.import_csv(self.ledger, data)
        except OSError as error:
            self.problems.setText(
                _tr("{0} cannot be read: {1}").format(path, error.strerror or error)
            )
            return False
        except CalendarFileError as error:
            self.problems.setText(say(error.text))
            return False
        self.load()
        self._say(_tr("Imported {0} dates.").format(count))
        self.changed.emit()
        return True

    def choose_export(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _tr("Export holidays and working days"),
            "dropdesk-calendar.csv",
            _tr("Calendar files (*.csv)"),
        )
        if path:
            self.export_file(path)

    def export_file(self, path: str) -> bool:
        try:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(calendar_days.export_csv(self.ledger))
        except OSError as error:
            self.problems.setText(
                _tr("{0} cannot be written: {1}").format(path, error.strerror or error)
            )
            return False
        self._say(_tr("Exported to {0}.").format(path))
        return True
