"""Importing a Shopify orders export from the GUI: preview, the merchant's choice, import.

The file is read twice, both times off the GUI thread: a dry run first, so the merchant sees
what will change and which rows are refused before anything is written, then the real import
in the mode they chose. Both runs show a progress bar with Cancel; cancelling rolls back, so
the ledger is as it was. Dialogs are opened with open(), never exec(): the flow is a chain of
signal handlers, so neither the GUI nor a test sits in a nested event loop while a job runs.

What the file leaves open (no Currency column and no shop to take it from, dates whose
day/month order nothing settles, several shops) is asked in the preview: the dry run reads
with suggested answers (the currency of the merchant's locale, ...) and the dialog shows each
question with its choice, which the merchant must confirm before Import is enabled; changing
an answer reads the file again with it. How the file was read (the date order and why, the
time zone of times without an offset, the shop) is said above the counts.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, auto
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.imports import (
    EmptyFileError,
    ImportCancelled,
    ImportFileError,
    ImportSummary,
    Mode,
    NotAShopifyExportError,
    Refusal,
    UnreadableFileError,
    import_shopify_csv,
)
from core.imports.questions import Answers, Question, is_iso_currency
from core.ledger import Ledger
from core.linking import PatternError
from gui.i18n import say
from gui.jobs import Job
from gui.notice import Kind, tell
from gui.progress_dialog import JobProgressDialog
from gui.ui_settings import ui_settings
from gui.window_fit import fit_to_screen

log = logging.getLogger(__name__)

SHOW_PROGRESS_AFTER_MS = 300  # small files finish before a progress window would flash
_LAST_FOLDER_KEY = "import/last_folder"


def _tr(text: str) -> str:
    return QCoreApplication.translate("CsvImport", text)


def _number(value: int) -> str:
    return QLocale().toString(value)


class Choice(Enum):
    """What the merchant answered in the summary dialog."""

    REST = auto()  # import every order that can be read ("Import" when nothing is refused)
    NOTHING = auto()  # rows were refused: leave the ledger as it is
    CANCEL = auto()


# --- what a background run hands back ----------------------------------------------------


@dataclass(frozen=True)
class _Cancelled:
    """The merchant pressed Cancel; the transaction was rolled back."""


@dataclass(frozen=True)
class _Problem:
    """The file (or the order number setting) cannot be used; words for the merchant."""

    title: str
    message: str


_Outcome = ImportSummary | _Cancelled | _Problem


def _problem_title(error: Exception) -> str:
    if isinstance(error, EmptyFileError):
        return _tr("The file is empty")
    if isinstance(error, UnreadableFileError):
        return _tr("The file cannot be read")
    if isinstance(error, NotAShopifyExportError):
        return _tr("Not a Shopify orders export")
    if isinstance(error, PatternError):
        return _tr("Check the AliExpress order number pattern")
    return _tr("The file cannot be imported")


def _import_work(
    ledger: Ledger, path: Path, mode: Mode, dry_run: bool, answers: Answers
) -> Callable[[Callable[[int, int], None], Callable[[], bool]], _Outcome]:
    """The job's callable: expected endings come back as values, so only bugs are failures.
    A dry run is the provisional preview: open questions are read with suggested answers."""
    locale = QLocale().name()  # here, in the GUI thread

    def work(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> _Outcome:
        def report(done: int, total: int) -> None:  # in KB: bytes can overflow a C++ int
            progress(done // 1024, max(total // 1024, 1))

        try:
            return import_shopify_csv(
                ledger,
                path,
                mode=mode,
                dry_run=dry_run,
                progress=report,
                cancel=cancelled,
                answers=answers,
                locale=locale,
                provisional=dry_run,
            )
        except ImportCancelled:
            return _Cancelled()
        except ImportFileError as error:
            return _Problem(_problem_title(error), say(error.text))
        except PatternError as error:
            return _Problem(_problem_title(error), say(error.text))

    return work


# --- the refused rows ----------------------------------------------------------------------


class RefusalModel(QAbstractTableModel):
    """Refused rows for a table view; lazy, so a file with 100,000 bad rows still opens fast."""

    HEADERS = ("Line", "Column", "Problem")

    def __init__(self, refusals: list[Refusal], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._refusals = refusals

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._refusals)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        refusal = self._refusals[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                _number(refusal.line),
                refusal.column or _tr("(whole row)"),
                say(refusal.text),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return say(refusal.text)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.HEADERS[section])
        return None


def refusals_as_text(refusals: list[Refusal]) -> str:
    """Tab-separated, one refused row a line: pastes into a spreadsheet or an e-mail."""
    header = "\t".join(_tr(title) for title in RefusalModel.HEADERS)
    rows = (f"{r.line}\t{r.column}\t{say(r.text)}" for r in refusals)
    return "\n".join((header, *rows)) + "\n"


# --- the summary dialog --------------------------------------------------------------------


class ImportSummaryDialog(QDialog):
    """What the dry run found, and the merchant's choice: import the rest, nothing, or cancel."""

    chosen = Signal(object)  # Choice
    revised = Signal(object)  # dict[str, str]: the answers, one changed: read the file again

    def __init__(
        self,
        file: Path,
        summary: ImportSummary,
        parent: QWidget | None = None,
        *,
        asked: list[Question] | None = None,
        answered: dict[str, str] | None = None,
    ) -> None:
        """`asked`: the questions the file raised (kept while the merchant answers them);
        `answered`: what the merchant chose so far (kind -> value), confirmed already."""
        super().__init__(parent)
        self._asked = list(asked if asked is not None else summary.questions)
        self._answered = dict(answered or {})
        self.setObjectName("importSummaryDialog")
        self.setWindowTitle(_tr("Import {0}").format(file.name))
        self.choice = Choice.CANCEL
        self._done = False
        refused = len(summary.refused)
        importable = summary.added + summary.updated + summary.unchanged

        self.headline = QLabel()
        self.headline.setObjectName("importHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        if not refused:
            self.headline.setText(_tr("Every row of {0} can be read.").format(file.name))
        elif importable:
            self.headline.setText(
                _tr("{0} of the rows in {1} cannot be read.").format(_number(refused), file.name)
                if refused > 1
                else _tr("One row in {0} cannot be read.").format(file.name)
            )
        else:
            self.headline.setText(
                _tr("None of the orders in {0} can be read ({1} rows refused).").format(
                    file.name, _number(refused)
                )
            )

        counts = QFormLayout()
        counts.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_labels: dict[str, QLabel] = {}
        for key, caption, value in (
            ("added", _tr("New orders"), summary.added),
            ("updated", _tr("Orders that changed"), summary.updated),
            ("unchanged", _tr("Orders already up to date"), summary.unchanged),
        ):
            label = QLabel(_number(value))
            label.setObjectName(f"count_{key}")
            self.count_labels[key] = label
            counts.addRow(caption + ":", label)

        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        self.reading = QLabel("\n".join(say(note) for note in summary.reading.notes()))
        self.reading.setObjectName("importReading")
        self.reading.setWordWrap(True)
        self.reading.setVisible(bool(self.reading.text()))
        layout.addWidget(self.reading)
        self.choices: dict[str, QComboBox] = {}
        self.confirms: dict[str, QCheckBox] = {}
        if self._asked:
            layout.addWidget(self._questions_box())
        layout.addLayout(counts)

        self.table: QTableView | None = None
        if refused:
            explain = QLabel(
                _tr(
                    "An order with a row that cannot be read is left out as a whole, so no "
                    "order is stored with lines or totals missing. Fix these rows in the file "
                    "and import it again to bring those orders in too."
                )
            )
            explain.setWordWrap(True)
            layout.addWidget(explain)
            self.table = QTableView()
            self.table.setObjectName("refusedRows")
            self.table.setAccessibleName(_tr("Rows that cannot be read"))
            self.table.setModel(RefusalModel(summary.refused, self.table))
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            self.table.setAlternatingRowColors(True)
            self.table.setWordWrap(False)
            self.table.verticalHeader().setVisible(False)
            self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            header = self.table.horizontalHeader()
            header.setStretchLastSection(True)
            header.setHighlightSections(False)
            metrics = self.table.fontMetrics()
            header.resizeSection(0, metrics.horizontalAdvance("100,000") + 24)
            header.resizeSection(1, metrics.horizontalAdvance("Lineitem fulfillment status") + 24)
            self.table.setMinimumHeight(8 * self.table.verticalHeader().defaultSectionSize())
            layout.addWidget(self.table, stretch=1)
            copy = QPushButton(_tr("Copy list"))
            copy.setToolTip(_tr("Copy the refused rows as text, to fix them in a spreadsheet"))
            copy.clicked.connect(
                lambda: QGuiApplication.clipboard().setText(refusals_as_text(summary.refused))
            )
            row = QHBoxLayout()
            row.addWidget(copy)
            row.addStretch(1)
            layout.addLayout(row)

        self.question = QLabel()
        self.question.setWordWrap(True)
        layout.addWidget(self.question)

        buttons = QDialogButtonBox()
        self.rest_button: QPushButton | None = None
        self.nothing_button: QPushButton | None = None
        if importable:
            self.rest_button = buttons.addButton(
                _tr("Import the rest") if refused else _tr("Import"),
                QDialogButtonBox.ButtonRole.AcceptRole,
            )
            self.rest_button.setDefault(True)
            self.rest_button.clicked.connect(lambda: self._choose(Choice.REST))
        if refused and importable:
            self.nothing_button = buttons.addButton(
                _tr("Import nothing"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.nothing_button.clicked.connect(lambda: self._choose(Choice.NOTHING))
            self.question.setText(
                _tr(
                    "Import the {0} orders that can be read, or nothing until the file is fixed?"
                ).format(_number(importable))
            )
        elif importable:
            self.question.setText(_tr("Nothing has been written to the ledger yet."))
        else:
            self.question.setText(_tr("Nothing can be imported from this file."))
        self.cancel_button = buttons.addButton(
            _tr("Cancel") if importable else _tr("Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.clicked.connect(lambda: self._choose(Choice.CANCEL))
        layout.addWidget(buttons)
        self.rejected.connect(lambda: self._choose(Choice.CANCEL))  # Esc, the window's close
        self._update_import_button()
        fit_to_screen(self, 720 if refused or self._asked else 440, 480 if refused else 0)

    # --- the questions ---

    def _questions_box(self) -> QGroupBox:
        box = QGroupBox(_tr("Please check before importing"))
        box.setObjectName("importQuestions")
        form = QVBoxLayout(box)
        for question in self._asked:
            text = QLabel(say(question.text))
            text.setWordWrap(True)
            form.addWidget(text)
            combo = QComboBox()
            combo.setObjectName(f"answer_{question.kind}")
            for value in question.choices:
                combo.addItem(_answer_caption(question.kind, value), value)
            current = self._answered.get(question.kind, question.suggested)
            if combo.findData(current) < 0:
                combo.addItem(_answer_caption(question.kind, current), current)
            combo.setCurrentIndex(combo.findData(current))
            if question.kind == "currency":
                combo.setEditable(True)  # any ISO code may be typed
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setAccessibleName(say(question.text))
            combo.activated.connect(lambda _index, kind=question.kind: self._changed(kind))
            line_edit = combo.lineEdit()
            if line_edit is not None:
                line_edit.returnPressed.connect(lambda kind=question.kind: self._changed(kind))
            confirm = QCheckBox(_tr("This is right"))
            confirm.setObjectName(f"confirm_{question.kind}")
            confirm.setChecked(question.kind in self._answered)
            confirm.toggled.connect(self._update_import_button)
            row = QHBoxLayout()
            row.addWidget(combo, stretch=1)
            row.addWidget(confirm)
            form.addLayout(row)
            self.choices[question.kind] = combo
            self.confirms[question.kind] = confirm
        return box

    def _value(self, kind: str) -> str:
        combo = self.choices[kind]
        if kind == "currency":  # listed or typed: the code is the text
            return combo.currentText().strip().upper()
        return str(combo.currentData())

    def _changed(self, kind: str) -> None:
        """The merchant picked another answer: the file is read again with it."""
        value = self._value(kind)
        previous = self._answered.get(kind) or next(
            q.suggested for q in self._asked if q.kind == kind
        )
        if kind == "currency" and not is_iso_currency(value):
            self.choices[kind].setEditText(previous)  # not a code: back to what was read
            return
        if value == previous or self._done:
            return
        self._done = True
        self.done(QDialog.DialogCode.Rejected)
        self.revised.emit({**self._answered, kind: value})

    def _update_import_button(self) -> None:
        if self.rest_button is not None:
            self.rest_button.setEnabled(all(box.isChecked() for box in self.confirms.values()))

    def answers(self) -> Answers:
        """The answers shown (all confirmed when Import could be pressed)."""
        values = {kind: self._value(kind) for kind in self.choices}
        order = values.get("date_order")
        return Answers(
            currency=values.get("currency"),
            date_order="mdy" if order == "mdy" else "dmy" if order == "dmy" else None,
            shop=values.get("shop"),
        )

    def _choose(self, choice: Choice) -> None:
        if self._done:
            return  # done(Rejected) below comes back here through `rejected`
        self._done = True
        self.choice = choice
        accepted = choice is not Choice.CANCEL
        self.done(QDialog.DialogCode.Accepted if accepted else QDialog.DialogCode.Rejected)
        self.chosen.emit(choice)


# --- the flow ---------------------------------------------------------------------------


class CsvImportFlow(QObject):
    """Imports Shopify order exports into one ledger, one file at a time (others queue).

    `on_imported(summary)` runs after a real import changed the ledger (refresh the views).
    The dialogs it opens are kept in `progress`, `summary_dialog` and `message_box`.
    """

    finished = Signal(object)  # the real run's ImportSummary, or None: nothing was written
    imported = Signal(object)  # ImportSummary: the ledger changed

    def __init__(
        self,
        ledger: Ledger,
        parent: QWidget | None = None,
        on_imported: Callable[[ImportSummary], None] | None = None,
        *,
        show_progress_after_ms: int = SHOW_PROGRESS_AFTER_MS,
    ) -> None:
        super().__init__(parent)
        self._progress_delay = show_progress_after_ms
        self._ledger = ledger
        self._window = parent
        self._queue: deque[Path] = deque()
        self._path: Path | None = None
        self._preview: ImportSummary | None = None
        self._asked: list[Question] = []  # what the file raised, kept while it is answered
        self._answered: dict[str, str] = {}  # what the merchant chose (kind -> value)
        self._answers = Answers()
        self._job: Job | None = None
        self._then: Callable[[_Outcome], None] = self._previewed
        self.progress: JobProgressDialog | None = None
        self.summary_dialog: ImportSummaryDialog | None = None
        self.message_box: QMessageBox | None = None
        if on_imported is not None:
            self.imported.connect(on_imported)

    @property
    def busy(self) -> bool:
        return self._path is not None

    def choose_file(self) -> None:
        """File > Import Shopify orders…: ask for an export, then import it."""
        settings = ui_settings()
        folder = str(settings.value(_LAST_FOLDER_KEY, str(Path.home())))
        chosen, _ = QFileDialog.getOpenFileName(
            self._window,
            _tr("Import Shopify orders"),
            folder,
            _tr("Shopify orders export (*.csv);;All files (*)"),
        )
        if chosen:
            settings.setValue(_LAST_FOLDER_KEY, str(Path(chosen).parent))
            self.start(Path(chosen))

    def start(self, path: Path) -> None:
        """Preview and (after the merchant's yes) import `path`; queued while another runs."""
        if self.busy:
            self._queue.append(path)
            return
        self._path = path
        self._asked, self._answered, self._answers = [], {}, Answers()
        self._preview_run()

    def _preview_run(self) -> None:
        assert self._path is not None
        self._run(
            mode="rest",
            dry_run=True,
            label=_tr("Reading {0}…").format(self._path.name),
            then=self._previewed,
        )

    # --- steps, in order ---

    def _run(
        self, *, mode: Mode, dry_run: bool, label: str, then: Callable[[_Outcome], None]
    ) -> None:
        assert self._path is not None
        job = Job(_import_work(self._ledger, self._path, mode, dry_run, self._answers))
        self._then = then
        job.finished.connect(self._ended)
        job.failed.connect(self._failed)
        self._job = job
        progress = JobProgressDialog(
            job, _tr("Importing orders"), label, self._window, unit=_tr("KB read")
        )
        progress.setObjectName("importProgress")
        self.progress = progress
        job.start()
        QTimer.singleShot(self._progress_delay, progress, lambda: self._show_progress(progress))

    def _show_progress(self, progress: JobProgressDialog) -> None:
        if self.progress is progress:  # still running
            progress.show()

    def _ended(self, outcome: _Outcome) -> None:
        then = self._then
        self._close_progress()
        if isinstance(outcome, _Cancelled):
            self._finish(None)
        elif isinstance(outcome, _Problem):
            self._tell(Kind.WARNING, outcome.title, outcome.message)
            self._finish(None)
        else:
            then(outcome)

    def _failed(self, message: str) -> None:
        self._close_progress()
        self._tell(
            Kind.ERROR,
            _tr("The import failed"),
            _tr("Nothing was imported: {0}").format(message),
        )
        self._finish(None)

    def _previewed(self, preview: _Outcome) -> None:
        assert isinstance(preview, ImportSummary) and self._path is not None
        known = {question.kind for question in self._asked}
        self._asked += [q for q in preview.questions if q.kind not in known]
        if not self._asked and not preview.refused and not (preview.added or preview.updated):
            self._tell(
                Kind.INFO,
                _tr("Nothing new"),
                _tr("The {0} orders in {1} are already in the ledger as they are.").format(
                    _number(preview.unchanged), self._path.name
                )
                if preview.unchanged
                else _tr("{0} holds no orders.").format(self._path.name),
            )
            self._finish(None)
            return
        self._preview = preview
        dialog = ImportSummaryDialog(
            self._path, preview, self._window, asked=self._asked, answered=self._answered
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.chosen.connect(self._chosen)
        dialog.revised.connect(self._revised)
        self.summary_dialog = dialog
        dialog.open()

    def _revised(self, answered: dict[str, str]) -> None:
        """Read the file again with the merchant's changed answer."""
        if self.summary_dialog is not None:
            self.summary_dialog.deleteLater()
            self.summary_dialog = None
        self._answered = dict(answered)
        self._answers = _answers_of(answered)
        self._preview_run()

    def _chosen(self, choice: Choice) -> None:
        assert self._path is not None and self._preview is not None
        if self.summary_dialog is not None:
            if choice is Choice.REST:
                self._answers = self.summary_dialog.answers()
            self.summary_dialog.deleteLater()
            self.summary_dialog = None
        if choice is Choice.CANCEL:
            self._finish(None)
        elif choice is Choice.NOTHING:
            self._tell(
                Kind.INFO,
                _tr("Nothing imported"),
                _tr(
                    "Nothing from {0} was imported. Fix the {1} rows that cannot be read and "
                    "import the file again."
                ).format(self._path.name, _number(len(self._preview.refused))),
            )
            self._finish(None)
        else:
            self._run(
                mode="rest",
                dry_run=False,
                label=_tr("Importing {0}…").format(self._path.name),
                then=self._imported,
            )

    def _imported(self, outcome: _Outcome) -> None:
        assert isinstance(outcome, ImportSummary) and self._path is not None
        self.imported.emit(outcome)
        self._tell(Kind.INFO, _tr("Import finished"), result_text(self._path, outcome))
        self._finish(outcome)

    # --- plumbing ---

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        self._job = None

    def _tell(self, kind: Kind, title: str, text: str) -> None:
        box = tell(self._window, title, text, kind)
        box.setObjectName("importMessage")
        box.destroyed.connect(lambda: self._forget_box(box))
        self.message_box = box

    def _forget_box(self, box: QMessageBox) -> None:
        if self.message_box is box:
            self.message_box = None

    def _finish(self, summary: ImportSummary | None) -> None:
        self._path = None
        self._preview = None
        self._asked, self._answered, self._answers = [], {}, Answers()
        self.finished.emit(summary)
        if self._queue:
            next_path = self._queue.popleft()
            QTimer.singleShot(0, lambda: self.start(next_path))


def _answers_of(answered: dict[str, str]) -> Answers:
    order = answered.get("date_order")
    return Answers(
        currency=answered.get("currency"),
        date_order="mdy" if order == "mdy" else "dmy" if order == "dmy" else None,
        shop=answered.get("shop"),
    )


def _answer_caption(kind: str, value: str) -> str:
    """How a choice reads in its list: the date orders by example, the rest as they are."""
    if kind == "date_order":
        return _tr("Day first (31/12/2023)") if value == "dmy" else _tr("Month first (12/31/2023)")
    return value


def result_text(path: Path, summary: ImportSummary) -> str:
    """The closing message: what changed, what was left out, what was linked."""
    text = _tr("Imported {0}: {1} new orders, {2} changed, {3} already up to date.").format(
        path.name, _number(summary.added), _number(summary.updated), _number(summary.unchanged)
    )
    refused = len(summary.refused)
    if refused:
        text += " " + _tr("{0} rows could not be read; their orders were left out.").format(
            _number(refused)
        )
    if summary.linked:
        text += " " + _tr("{0} AliExpress orders were linked to their customer orders.").format(
            _number(summary.linked)
        )
    return text
