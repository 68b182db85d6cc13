"""Suppliers: each one's ship window, cancel answer time, calendar and stated policy, with its
refund record from the review beside it; the policy fields are edited in the side form.

The refund record is computed off the GUI thread (it aggregates every refund of the ledger).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import clocks
from core.display_text import display_text
from core.ledger import Ledger
from core.ledger.types import Reason
from core.policy import RETURN_REASONS
from core.review import REASON_LABELS, Amount, Review, ReviewFilter, ReviewSummary, SupplierRate
from core.suppliers import (
    MAX_CANCEL_HOURS,
    MAX_REFUND_DAYS,
    PolicyEdit,
    PolicyInvalid,
    SupplierInfo,
    list_suppliers,
    save_policy,
)
from gui.calendar_recompute import CalendarRecompute
from gui.formatting import estimated_note, local_time, money, percent_text
from gui.jobs import Job
from gui.palette import Colours
from gui.window_fit import fit_to_screen

if TYPE_CHECKING:
    from gui.calendar_dialog import CalendarDialog

#: Opens the holiday calendar editor from the suppliers view.
CALENDAR_SHORTCUT = "Ctrl+Shift+H"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SuppliersView", text)


COLUMNS = (
    "Supplier",
    "Orders",
    "Refund rate",
    "Refunded",
    "Recovered",
    "Out of pocket",
    "Still expected",
    "Ship window",
    "Cancel answer",
    "Cancel accepted within",
    "Returns accepted for",
    "Refund days",
    "Written policy",
    "Reviewed",
    "Calendar",
    "Store id",
)


def estimated_years(country: str, today: date | None = None) -> list[int]:
    """This year and the next, where `country` has no official arrangement yet (an unknown
    calendar has none to tell)."""
    this_year = (today or date.today()).year
    try:
        return [y for y in (this_year, this_year + 1) if clocks.is_estimated(country, y)]
    except ValueError:
        return []


def _reasons_text(reasons: frozenset[Reason]) -> str:
    return ", ".join(_tr(REASON_LABELS[r]) for r in Reason if r in reasons) or _tr("none stated")


def _amounts(amounts: list[Amount]) -> str:
    return "\n".join(money(a.minor, a.currency) for a in amounts if a.minor) or "–"


class SupplierRecord:
    """One supplier's refund figures, taken from a review summary."""

    def __init__(self, summary: ReviewSummary, supplier_id: int) -> None:
        key = str(supplier_id)
        groups = [g.measures for g in summary.by_supplier if g.key == key]
        self.rate: SupplierRate | None = next(
            (r for r in summary.supplier_rates if r.supplier_id == supplier_id), None
        )
        self.refunded = [Amount(m.currency, m.refunded) for m in groups]
        self.recovered = [Amount(m.currency, m.recovered) for m in groups]
        self.out_of_pocket = [Amount(m.currency, m.out_of_pocket) for m in groups]
        self.expected = [Amount(m.currency, m.expected) for m in groups]
        self.overdue = [Amount(m.currency, m.overdue) for m in groups]


class SuppliersView(QWidget):
    """Every supplier of a ledger, with a form to record what its policy says."""

    refreshed = Signal()  # refund records are shown
    saved = Signal(int)  # a supplier's policy was saved (its id)
    review_requested = Signal(int)  # "Show in review" for a supplier id

    def __init__(
        self,
        ledger: Ledger,
        parent: QWidget | None = None,
        *,
        recompute: CalendarRecompute | None = None,
    ) -> None:
        super().__init__(parent)
        # The window's runner when it has one, so its table refreshes when deadlines move.
        self.recompute = recompute or CalendarRecompute(ledger, self)
        self.calendar_dialog: CalendarDialog | None = None
        self.setWindowTitle(_tr("Suppliers — {0}").format(ledger.path.name))
        self.ledger = ledger
        self.suppliers: list[SupplierInfo] = []
        self.summary: ReviewSummary | None = None

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("suppliersTable")
        self.table.setHorizontalHeaderLabels([_tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.name = QLabel()
        font = self.name.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.name.setFont(font)
        self.clocks = QLabel()
        self.clocks.setWordWrap(True)
        self.cancel_hours = QSpinBox()
        self.cancel_hours.setRange(0, MAX_CANCEL_HOURS)
        self.cancel_hours.setSpecialValueText(_tr("Not stated"))
        self.cancel_hours.setSuffix(_tr(" hours"))
        self.cancel_hours.setAccessibleName(_tr("Cancel accepted within"))
        self.reason_boxes = {r: QCheckBox(_tr(REASON_LABELS[r])) for r in RETURN_REASONS}
        reasons = QVBoxLayout()
        reasons.setSpacing(2)
        for box in self.reason_boxes.values():
            reasons.addWidget(box)
        self.refund_min = QSpinBox()
        self.refund_max = QSpinBox()
        for spin in (self.refund_min, self.refund_max):
            spin.setRange(0, MAX_REFUND_DAYS)
        days = QHBoxLayout()
        days.addWidget(self.refund_min)
        days.addWidget(QLabel(_tr("to")))
        days.addWidget(self.refund_max)
        days.addWidget(QLabel(_tr("business days")))
        days.addStretch(1)
        self.written = QCheckBox(_tr("The supplier has a clear written policy"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://")
        self.url.setAccessibleName(_tr("Policy address"))
        self.reviewed = QLabel()
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(Colours.NEGATIVE.css())
        self.save_button = QPushButton(_tr("Save policy"))
        self.review_button = QPushButton(_tr("Show in review"))
        self.calendar_button = QPushButton(_tr("&Holidays and working days…"))
        self.calendar_button.setToolTip(
            _tr(
                "Add or remove holidays and make-up working days per country and year ({0})"
            ).format(
                QKeySequence(CALENDAR_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        form = QFormLayout()
        form.addRow(_tr("Cancel accepted within"), self.cancel_hours)
        form.addRow(_tr("Returns accepted for"), reasons)
        form.addRow(_tr("Refunds take"), days)
        form.addRow("", self.written)
        form.addRow(_tr("Policy address"), self.url)
        form.addRow(_tr("Last reviewed"), self.reviewed)
        self.record = QLabel()
        self.record.setWordWrap(True)
        self.record.setTextFormat(Qt.TextFormat.RichText)
        policy_box = QGroupBox(_tr("Policy, as the supplier states it"))
        policy_box.setLayout(form)
        record_box = QGroupBox(_tr("Refund record"))
        record_layout = QVBoxLayout(record_box)
        record_layout.addWidget(self.record)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calendar_button)
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.name)
        side_layout.addWidget(self.clocks)
        side_layout.addWidget(policy_box)
        side_layout.addWidget(self.problems)
        side_layout.addLayout(buttons)
        side_layout.addWidget(record_box)
        side_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([980, 400])
        self.status = QLabel()
        self.recompute.message.connect(self.status.setText)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self.table.itemSelectionChanged.connect(self._show_selected)
        self.save_button.clicked.connect(self.save)
        self.review_button.clicked.connect(self._request_review)
        self.calendar_button.clicked.connect(self.open_calendar)
        QShortcut(QKeySequence(CALENDAR_SHORTCUT), self, self.open_calendar)
        fit_to_screen(self, 1400, 640)
        self.reload()
        if self.suppliers:
            self.table.selectRow(0)
        self.refresh_records()

    # --- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the suppliers again (they are few) and keep the selection."""
        selected = self.selected_id()
        self.suppliers = list_suppliers(self.ledger)
        self.table.setRowCount(len(self.suppliers))
        for row, info in enumerate(self.suppliers):
            self._fill_row(row, info)
        if selected is not None:
            self.select(selected)

    def refresh_records(self) -> None:
        """Compute every supplier's refund record off the GUI thread."""
        review = Review(self.ledger.engine)
        self.status.setText(_tr("Computing refund records…"))

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return review.summary(ReviewFilter())

        job = Job(work)
        job.finished.connect(self._records_ready)
        job.failed.connect(self._records_failed)
        job.start()

    def _records_failed(self, message: str) -> None:
        self.status.setText(_tr("Refund records failed: {0}").format(message))

    def _records_ready(self, summary: ReviewSummary) -> None:
        self.summary = summary
        for row, info in enumerate(self.suppliers):
            self._fill_record(row, SupplierRecord(summary, info.id))
        self._show_selected()
        self.status.setText(
            _tr("Refund records of all time, as of {0}.").format(local_time(summary.now))
        )
        self.refreshed.emit()

    def _set(
        self, row: int, column: str, text: str, *, right: bool = False, bad: bool = False
    ) -> None:
        item = QTableWidgetItem(text)
        if right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if bad:
            item.setForeground(Colours.NEGATIVE.brush())
        self.table.setItem(row, COLUMNS.index(column), item)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        assert item is not None, "every cell is filled when the row is"
        return item

    def _fill_row(self, row: int, info: SupplierInfo) -> None:
        policy = info.policy
        self._set(row, "Supplier", display_text(info.name))
        self._item(row, 0).setData(Qt.ItemDataRole.UserRole, info.id)
        self._set(row, "Store id", display_text(info.store_id))
        self._set(row, "Ship window", _tr("{0} business days").format(info.ship_window_days))
        self._set(row, "Cancel answer", _tr("{0} h").format(info.cancel_answer_hours))
        estimated = estimated_years(info.holiday_country)
        calendar = f"{info.holiday_country} · {info.time_zone}"
        if estimated:
            calendar += " · " + _tr("{0} estimated").format(", ".join(map(str, estimated)))
        self._set(row, "Calendar", calendar, bad=bool(estimated))
        if estimated:
            self._item(row, COLUMNS.index("Calendar")).setToolTip(estimated_note())
        hours = policy.cancel_accepted_within_hours
        self._set(
            row,
            "Cancel accepted within",
            _tr("{0} h").format(hours) if hours else _tr("not stated"),
            bad=not hours,
        )
        self._set(row, "Returns accepted for", _reasons_text(policy.returns_allowed_for))
        self._set(row, "Refund days", f"{policy.refund_days_min}–{policy.refund_days_max}")
        written = _tr("yes") if policy.has_written_policy else _tr("no")
        self._set(row, "Written policy", written, bad=not policy.has_written_policy)
        if policy.policy_url:
            self._item(row, COLUMNS.index("Written policy")).setToolTip(policy.policy_url)
        self._set(row, "Reviewed", local_time(info.policy_reviewed_at) or _tr("never"))
        if self.summary is not None:
            self._fill_record(row, SupplierRecord(self.summary, info.id))

    def _fill_record(self, row: int, record: SupplierRecord) -> None:
        number = QLocale().toString
        rate = record.rate
        self._set(row, "Orders", number(rate.orders) if rate else "–", right=True)
        self._set(
            row,
            "Refund rate",
            percent_text(rate.per_mille) if rate and rate.orders else "–",
            right=True,
        )
        self._set(row, "Refunded", _amounts(record.refunded), right=True)
        self._set(row, "Recovered", _amounts(record.recovered), right=True)
        self._set(
            row,
            "Out of pocket",
            _amounts(record.out_of_pocket),
            right=True,
            bad=any(a.minor for a in record.out_of_pocket),
        )
        self._set(row, "Still expected", _amounts(record.expected), right=True)
        self.table.resizeRowToContents(row)

    # --- selection and form --------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return int(self._item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def select(self, supplier_id: int) -> bool:
        for row in range(self.table.rowCount()):
            if self._item(row, 0).data(Qt.ItemDataRole.UserRole) == supplier_id:
                self.table.selectRow(row)
                return True
        return False

    def _selected_info(self) -> SupplierInfo | None:
        chosen = self.selected_id()
        return next((s for s in self.suppliers if s.id == chosen), None)

    def _show_selected(self) -> None:
        info = self._selected_info()
        for widget in (self.save_button, self.review_button, self.cancel_hours, self.url):
            widget.setEnabled(info is not None)
        self.problems.clear()
        if info is None:
            self.name.setText(_tr("No supplier selected"))
            return
        policy = info.policy
        self.name.setText(display_text(info.name))
        self.clocks.setText(
            _tr(
                "Ships within {0} business days of payment; answers a cancel request within "
                "{1} hours; tracking due {2} business days after asking; calendar {3}, {4}."
            ).format(
                info.ship_window_days,
                info.cancel_answer_hours,
                info.tracking_due_days,
                info.holiday_country,
                info.time_zone,
            )
            + "".join(
                " " + _tr("Deadlines in {0} are estimated.").format(year)
                for year in estimated_years(info.holiday_country)
            )
        )
        self.cancel_hours.setValue(policy.cancel_accepted_within_hours or 0)
        for reason, box in self.reason_boxes.items():
            box.setChecked(reason in policy.returns_allowed_for)
        self.refund_min.setValue(policy.refund_days_min)
        self.refund_max.setValue(policy.refund_days_max)
        self.written.setChecked(policy.has_written_policy)
        self.url.setText(policy.policy_url or "")
        self.reviewed.setText(local_time(info.policy_reviewed_at) or _tr("never"))
        self.record.setText(self._record_html(info))

    def _record_html(self, info: SupplierInfo) -> str:
        if self.summary is None:
            return _tr("Computing…")
        record = SupplierRecord(self.summary, info.id)
        rate = record.rate
        lines = []
        if rate is not None:
            lines.append(
                _tr("{0} of {1} orders refunded ({2})").format(
                    rate.refunded_orders, rate.orders, percent_text(rate.per_mille)
                )
            )
        for title, amounts in (
            (_tr("Refunded to customers"), record.refunded),
            (_tr("Recovered"), record.recovered),
            (_tr("Out of pocket"), record.out_of_pocket),
            (_tr("Still expected"), record.expected),
            (_tr("of which overdue"), record.overdue),
        ):
            text = _amounts(amounts).replace("\n", ", ")
            lines.append(f"{title}: <b>{text}</b>")
        return "<br>".join(lines)

    def form(self) -> PolicyEdit:
        """The form as a PolicyEdit; reasons the form does not show are kept as stored."""
        info = self._selected_info()
        kept = (info.policy.returns_allowed_for if info else frozenset()) - set(RETURN_REASONS)
        checked = {r for r, box in self.reason_boxes.items() if box.isChecked()}
        return PolicyEdit(
            cancel_accepted_within_hours=self.cancel_hours.value() or None,
            returns_allowed_for=frozenset(checked | kept),
            refund_days_min=self.refund_min.value(),
            refund_days_max=self.refund_max.value(),
            has_written_policy=self.written.isChecked(),
            policy_url=self.url.text(),
        )

    def unsaved(self) -> bool:
        """Whether the policy form holds edits that are not stored (a rebuilt window would
        show the stored policy again)."""
        info = self._selected_info()
        if info is None:
            return False
        policy = info.policy
        stored = PolicyEdit(
            cancel_accepted_within_hours=policy.cancel_accepted_within_hours or None,
            returns_allowed_for=frozenset(policy.returns_allowed_for),
            refund_days_min=policy.refund_days_min,
            refund_days_max=policy.refund_days_max,
            has_written_policy=policy.has_written_policy,
            policy_url=policy.policy_url or "",
        )
        return self.form() != stored

    def save(self) -> bool:
        info = self._selected_info()
        if info is None:
            return False
        try:
            saved = save_policy(self.ledger, info.id, self.form())
        except PolicyInvalid as error:
            self.problems.setText("\n".join(error.problems.values()))
            return False
        self.status.setText(_tr("Saved the policy of {0}.").format(saved.name))
        self.reload()
        self.select(saved.id)
        self.saved.emit(saved.id)
        return True

    def open_calendar(self) -> CalendarDialog:
        """The holiday calendar editor for the suppliers' countries; a saved change recomputes
        the open orders' deadlines in the background."""
        from gui.calendar_dialog import CalendarDialog

        if self.calendar_dialog is None:
            countries = [s.holiday_country for s in self.suppliers]
            from core import settings

            countries.append(str(settings.read(self.ledger.reader, "supplier_country")))
            self.calendar_dialog = CalendarDialog(self.ledger, countries, self)
            self.calendar_dialog.changed.connect(self._calendar_changed)
        self.calendar_dialog.show()
        self.calendar_dialog.raise_()
        return self.calendar_dialog

    def _calendar_changed(self) -> None:
        self.recompute.start()
        self.reload()

    def _request_review(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.review_requested.emit(chosen)
