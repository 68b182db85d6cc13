"""The refund review: filters, per-currency totals, charts, breakdowns and the lines of every
refund, cancellation and dispute, with CSV and PDF export.

The aggregates run in SQL off the GUI thread (a million-order ledger takes a fraction of a
second, which must not freeze the window); the line tables read pages of rows as they are
shown. A newer filter wins: results of an older one are dropped when they arrive.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from html import escape as html_escape
from pathlib import Path
from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core import settings
from core.display_text import display_text
from core.ledger import Ledger
from core.rates import Rate
from core.review import (
    FAULT_LABELS,
    LINE_COLUMNS,
    MEASURES,
    REASON_LABELS,
    STATE_LABELS,
    Amount,
    Cell,
    GroupRow,
    LineKind,
    Review,
    ReviewFilter,
    ReviewSummary,
    manual_rates,
    store_manual_rates,
    store_reporting_currency,
    write_review_csv,
)
from gui.formatting import day_format, local_time, money, month_text, number_text
from gui.i18n import current_language, say
from gui.jobs import Job
from gui.palette import Colours, follow_palette
from gui.review_charts import CHARTS, paint_chart
from gui.review_report import LABEL_KEYS, MEASURE_TITLES, rate_lines, write_review_pdf
from gui.window_fit import fit_to_screen

log = logging.getLogger(__name__)

PAGE_SIZE = 300
MAX_PAGES = 20
Index = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewView", text)


PERIODS = (
    "All time",
    "This month",
    "Last month",
    "Last 3 months",
    "This year",
    "Last year",
    "Custom",
)
CUSTOM = len(PERIODS) - 1


def period_days(choice: int, today: date) -> tuple[date | None, date | None]:
    """First and last day of a period choice (None = open end)."""
    month = today.replace(day=1)
    if choice == 1:
        return month, today
    if choice == 2:
        last = month - timedelta(days=1)
        return last.replace(day=1), last
    if choice == 3:
        start = month
        for _ in range(2):
            start = (start - timedelta(days=1)).replace(day=1)
        return start, today
    if choice == 4:
        return today.replace(month=1, day=1), today
    if choice == 5:
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def cell_label(key: str, text: str) -> str:
    """A line's cell as shown: labels from core translated, everything else as it is."""
    return _tr(text) if text and key in LABEL_KEYS else text


#: Currencies the ECB publishes, offered as reporting currencies (any other can be typed).
CURRENCIES = (
    "EUR", "USD", "GBP", "CHF", "PLN", "CZK", "DKK", "SEK", "NOK", "HUF", "RON", "BGN",
    "CAD", "AUD", "NZD", "JPY", "CNY", "HKD", "SGD", "KRW", "INR", "BRL", "MXN", "ZAR",
    "TRY", "ILS", "THB", "MYR", "IDR", "PHP", "ISK",
)  # fmt: skip


def cell_display(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Amount):
        return money(cell.minor, cell.currency)
    if isinstance(cell, Rate):
        return say(cell.describe())
    if isinstance(cell, datetime):
        return local_time(cell)
    return display_text(str(cell))  # order and supplier names: no control or bidi characters


_TIP = Qt.ItemDataRole.ToolTipRole


class ReviewLinesModel(QAbstractTableModel):
    """The lines of one kind for one filter, read from SQL in pages into a small cache."""

    def __init__(self, review: Review, kind: LineKind, parent: Any = None) -> None:
        super().__init__(parent)
        self._review = review
        self.kind = kind
        self._columns = LINE_COLUMNS[kind]
        self._filter = ReviewFilter()
        self._total = 0
        self._now = datetime.now(UTC)
        self._pages: OrderedDict[int, list[tuple[Cell, ...]]] = OrderedDict()

    def set_filter(self, flt: ReviewFilter, total: int) -> None:
        """Show `flt`'s lines; `total` is their count (computed with the summary)."""
        self.beginResetModel()
        self._filter = flt
        self._total = total
        self._now = datetime.now(UTC)
        self._pages.clear()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def line(self, row: int) -> tuple[Cell, ...] | None:
        if not 0 <= row < self._total:
            return None
        page = row // PAGE_SIZE
        lines = self._pages.get(page)
        if lines is None:
            lines = self._review.lines(self.kind, self._filter, page * PAGE_SIZE, PAGE_SIZE)
            self._pages[page] = lines
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        offset = row % PAGE_SIZE
        return lines[offset] if offset < len(lines) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind == "money":
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, _TIP)
        if role not in roles or (role == _TIP and column.kind == "money"):
            return None
        line = self.line(index.row())
        if line is None:
            return None
        cell = line[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return Colours.NEGATIVE.brush() if self._is_bad(column.key, cell, line) else None
        # The whole text as a tooltip: a narrow column elides a supplier, a SKU or a reason.
        return cell_label(column.key, cell_display(cell))

    def _is_bad(self, key: str, cell: Cell, line: tuple[Cell, ...]) -> bool:
        if self.kind is LineKind.ORDERS:
            return key == "profit" and isinstance(cell, Amount) and cell.minor < 0
        if self.kind is not LineKind.REFUNDS:
            return key == "late" and bool(cell)
        if key == "expected_until" and isinstance(cell, datetime):
            return cell < self._now and line[8] == STATE_LABELS["expected"]
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self._columns[section].title)
        return None


class _Card(QFrame):
    """A total: its title and one line per currency."""

    def __init__(self, title: str, tooltip: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._base_tip = tooltip
        self.setToolTip(tooltip)
        self.title = QLabel(title)
        follow_palette(self.title, lambda: f"{Colours.MUTED.css()} font-size: 11px;")
        self.value = QLabel("–")
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.value)

    def show_amounts(
        self, amounts: tuple[Amount, ...], *, alarming: bool = False, detail: str = ""
    ) -> None:
        shown = [a for a in amounts if a.minor] or list(amounts[:1])
        self.value.setText("\n".join(money(a.minor, a.currency) for a in shown) or "–")
        bad = alarming and any(a.minor > 0 for a in amounts)
        follow_palette(self.value, Colours.NEGATIVE.css if bad else str)
        self.setToolTip(self._base_tip + (f"\n\n{detail}" if detail else ""))


_TOOLTIPS = {
    "net_cost": "What refunds took from your profit: the supplier cost not recovered on sales "
    "that were undone, and partial refunds given while the goods stayed with the customer, less "
    "what suppliers paid back.",
    "refunded": "Refunds to customers that were issued or received, Dropdesk's and those only "
    "Shopify knows.",
    "recovered": "Refunds from suppliers that arrived.",
    "expected": "Refunds from suppliers not received yet.",
    "overdue": "Supplier refunds whose expected date has passed.",
}
BREAKDOWNS = ("By reason", "By fault", "By supplier", "By month")


class ReviewView(QWidget):
    """The refund review of one ledger."""

    refreshed = Signal()  # a summary for the current filter is shown
    exported = Signal(str)  # a CSV or PDF was written (its path)
    export_failed = Signal(str)

    def __init__(self, ledger: Ledger, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Refund review — {0}").format(ledger.path.name))
        self.ledger = ledger
        self.review = Review(ledger.engine)
        self.time_zone = str(settings.read(ledger.reader, "merchant_time_zone"))
        self.summary: ReviewSummary | None = None
        self._generation = 0
        self._jobs: set[Job] = set()

        self.period = QComboBox()
        self.period.addItems([_tr(p) for p in PERIODS])
        self.period.setAccessibleName(_tr("Period"))
        self.first_day = self._date_edit(_tr("From"))
        self.last_day = self._date_edit(_tr("To"))
        self.supplier = QComboBox()
        self.supplier.setAccessibleName(_tr("Supplier"))
        # A long store name must not widen the window past the screen (the list shows it whole).
        self.supplier.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.supplier.setMinimumContentsLength(16)
        self.supplier.addItem(_tr("All suppliers"), None)
        for supplier_id, name in self.review.suppliers():
            self.supplier.addItem(name, supplier_id)
        self.reason = QComboBox()
        self.reason.setAccessibleName(_tr("Reason"))
        self.reason.addItem(_tr("All reasons"), None)
        for value, text in REASON_LABELS.items():
            self.reason.addItem(_tr(text), value)
        self.state = QComboBox()
        self.state.setAccessibleName(_tr("Refund state"))
        self.state.addItem(_tr("All states"), None)
        for value, text in STATE_LABELS.items():
            self.state.addItem(_tr(text), value)
        self.currency = QComboBox()
        self.currency.setAccessibleName(_tr("Reporting currency"))
        self.currency.setToolTip(_tr("Every amount is converted into this currency"))
        self.currency.setEditable(True)
        self.currency.setMaxVisibleItems(12)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(self.review.rates().target)
        self.per_currency = QPushButton(_tr("Per currency"))
        self.per_currency.setCheckable(True)
        self.per_currency.setToolTip(_tr("Show every amount in its own currency"))
        self.rates_button = QPushButton(_tr("Rates…"))
        self.rates_button.setToolTip(_tr("Set exchange rates by hand"))
        for combo, letters in ((self.supplier, 18), (self.reason, 12), (self.state, 10)):
            # long supplier names must not make the window wider than a laptop's screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(letters)
        self.csv_button = QPushButton(_tr("Export CSV…"))
        self.pdf_button = QPushButton(_tr("Export PDF…"))
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        filters = QHBoxLayout()
        for text, widget in (
            (_tr("Period"), self.period),
            (_tr("from"), self.first_day),
            (_tr("to"), self.last_day),
            (_tr("Supplier"), self.supplier),
            (_tr("Reason"), self.reason),
            (_tr("State"), self.state),
        ):
            filters.addWidget(QLabel(text))
            filters.addWidget(widget)
        filters.addStretch(1)

        self.cards = {m: _Card(_tr(MEASURE_TITLES[m]), _tr(_TOOLTIPS[m])) for m in MEASURES}
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.rate_note = QLabel()
        self.rate_note.setObjectName("reviewRates")
        self.rate_note.setWordWrap(True)
        self.rate_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        follow_palette(self.rate_note, Colours.MUTED.css)
        cards = QGridLayout()
        for number, measure in enumerate(MEASURES):
            cards.addWidget(self.cards[measure], 0, number)
        cards.addWidget(self.counts, 1, 0, 1, len(MEASURES))
        money_row = QHBoxLayout()
        money_row.addWidget(QLabel(_tr("Currency")))
        money_row.addWidget(self.currency)
        money_row.addWidget(self.per_currency)
        money_row.addWidget(self.rates_button)
        money_row.addWidget(self.rate_note, 1)
        money_row.addWidget(self.csv_button)
        money_row.addWidget(self.pdf_button)
        cards.addLayout(money_row, 2, 0, 1, len(MEASURES))

        self.chart_views = []
        charts = QHBoxLayout()
        for _build in CHARTS:
            view = QChartView()
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumSize(300, 260)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self.chart_views.append(view)
            charts.addWidget(view, 4 if len(self.chart_views) == len(CHARTS) else 3)
        self.breakdown = QComboBox()
        self.breakdown.addItems([_tr(b) for b in BREAKDOWNS])
        self.breakdown.setAccessibleName(_tr("Breakdown"))
        self.groups = QTableWidget(0, 3 + len(MEASURES))
        self.groups.setObjectName("reviewGroups")
        self.groups.setHorizontalHeaderLabels(
            [_tr("Group"), _tr("Currency"), _tr("Refunds")]
            + [_tr(MEASURE_TITLES[m]) for m in MEASURES]
        )
        self.groups.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups.verticalHeader().setVisible(False)
        self.groups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.groups.horizontalHeader().setStretchLastSection(True)
        overview = QWidget()
        overview_layout = QVBoxLayout(overview)
        overview_layout.addLayout(charts, 3)
        picker = QHBoxLayout()
        picker.addWidget(self.breakdown)
        picker.addStretch(1)
        overview_layout.addLayout(picker)
        overview_layout.addWidget(self.groups, 2)

        self.tabs = QTabWidget()
        self.tabs.addTab(overview, _tr("Overview"))
        self.models: dict[LineKind, ReviewLinesModel] = {}
        self.tables: dict[LineKind, QTableView] = {}
        for kind, title in (
            (LineKind.REFUNDS, "Refunds"),
            (LineKind.ORDERS, "Profit per order"),
            (LineKind.CANCELLATIONS, "Cancellations"),
            (LineKind.DISPUTES, "Disputes"),
        ):
            model = ReviewLinesModel(self.review, kind, self)
            table = QTableView()
            table.setObjectName(f"review_{kind.value}")
            table.setModel(model)
            table.setAlternatingRowColors(True)
            table.setWordWrap(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(24)
            table.horizontalHeader().setStretchLastSection(True)
            self._size_columns(table, kind)
            self.models[kind] = model
            self.tables[kind] = table
            self.tabs.addTab(table, _tr(title))

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)

        self._delay = QTimer(self, singleShot=True, interval=150)
        self._delay.timeout.connect(self.refresh)
        self.period.currentIndexChanged.connect(self._period_changed)
        for edit in (self.first_day, self.last_day):
            edit.dateChanged.connect(self._dates_edited)
        for combo in (self.supplier, self.reason, self.state):
            combo.currentIndexChanged.connect(self._delay.start)
        self.breakdown.currentIndexChanged.connect(self._show_groups)
        self.per_currency.toggled.connect(self._show_figures)
        self.currency.activated.connect(self._currency_chosen)
        editor = self.currency.lineEdit()
        if editor is not None:
            editor.editingFinished.connect(self._currency_chosen)
        self.rates_button.clicked.connect(self._ask_rates)
        self.csv_button.clicked.connect(self._ask_csv)
        self.pdf_button.clicked.connect(self._ask_pdf)
        self._period_changed(0)
        fit_to_screen(self, 1360, 860)

    # --- filter --------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Charts and table colours chosen for one mode are chosen again when the palette
        changes (light, dark): a window gets ApplicationPaletteChange, a child PaletteChange."""
        palette_change = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)
        if event.type() in palette_change and hasattr(self, "chart_views"):
            for view in self.chart_views:
                chart = view.chart()
                if chart is not None:
                    paint_chart(chart)
            if self.summary is not None:
                self._show_groups()
        return super().event(event)

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(day_format())
        edit.setAccessibleName(name)
        edit.setDate(QDate.currentDate())
        return edit

    def _period_changed(self, choice: int) -> None:
        if choice != CUSTOM:
            first, last = period_days(choice, date.today())
            for edit, day in ((self.first_day, first), (self.last_day, last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day) if day else QDate.currentDate())
                edit.setEnabled(day is not None)
                edit.blockSignals(False)
            if choice == 0:
                self.first_day.setEnabled(False)
                self.last_day.setEnabled(False)
        self._delay.start()

    def _dates_edited(self) -> None:
        if self.period.currentIndex() != CUSTOM:
            self.period.blockSignals(True)
            self.period.setCurrentIndex(CUSTOM)
            self.period.blockSignals(False)
        self._delay.start()

    def current_filter(self) -> ReviewFilter:
        first: date | None = None
        last: date | None = None
        if self.period.currentIndex() != 0:
            first = _day(self.first_day.date())
            last = _day(self.last_day.date())
        supplier = self.supplier.currentData()
        reason = self.reason.currentData()
        state = self.state.currentData()
        return ReviewFilter.for_days(
            first,
            last,
            self.time_zone,
            supplier_ids=(int(supplier),) if supplier is not None else (),
            reasons=(str(reason),) if reason else (),
            states=(str(state),) if state else (),
        )

    def select_supplier(self, supplier_id: int | None) -> None:
        self.supplier.setCurrentIndex(max(0, self.supplier.findData(supplier_id)))

    # --- computing -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Compute the summary for the current filter off the GUI thread."""
        self._delay.stop()
        self._generation += 1
        generation = self._generation
        flt = self.current_filter()
        review = self.review
        self.status.setText(_tr("Computing…"))

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            summary = review.summary(flt)
            counts = {
                kind: review.count(kind, flt)
                for kind in (LineKind.CANCELLATIONS, LineKind.DISPUTES, LineKind.ORDERS)
            }
            counts[LineKind.REFUNDS] = summary.refunds
            return "summary", (generation, summary, counts)

        self._start(work)

    def _start(self, work: Any) -> None:
        """Run `work` on the thread pool; its result, (what, payload), comes back to
        `_job_finished` on the GUI thread (a bound slot: queued across threads)."""
        self._jobs = {job for job in self._jobs if not job.done.is_set()}
        job = Job(work)
        self._jobs.add(job)  # alive until its signals have been delivered
        job.finished.connect(self._job_finished)
        job.failed.connect(self._failed)
        job.start()

    def _job_finished(self, result: tuple[str, Any]) -> None:
        what, payload = result
        if what == "summary":
            self._computed(payload)
        elif what == "csv":
            count, path = payload
            self.status.setText(_tr("Wrote {0} refund lines to {1}").format(count, path))
            self.exported.emit(str(path))

    def _failed(self, message: str) -> None:
        self.status.setText(_tr("The review failed: {0}").format(message))
        self.export_failed.emit(message)

    def _computed(self, result: tuple[int, ReviewSummary, dict[LineKind, int]]) -> None:
        generation, summary, counts = result
        if generation != self._generation:
            return  # an older filter's answer
        self.summary = summary
        self._show_figures()
        cancellations = sum(n for _s, n in summary.cancellations)
        disputes = sum(d.count for d in summary.disputes)
        late = sum(d.shipped_after_filing for d in summary.disputes)
        number = QLocale().toString
        text = _tr(
            "{0} refunds to customers · {1} refund lines · {2} cancellations · {3} disputes"
        ).format(
            number(summary.reporting("customer_refunds")),
            number(summary.refunds),
            number(cancellations),
            number(disputes),
        )
        shop = summary.reporting("from_shop")
        if shop:
            text += " · " + _tr(
                "{0} of the refunds known only from Shopify (dated by the order)"
            ).format(money(shop, summary.currency))
        if late:
            text += " · " + _tr("{0} shipped only after the dispute was filed").format(late)
        self.counts.setText(text)
        for view, build in zip(self.chart_views, CHARTS, strict=True):
            old = view.chart()
            chart = build(summary)
            paint_chart(chart)
            view.setChart(chart)
            if old is not None:
                old.deleteLater()
        self._show_groups()
        for kind, model in self.models.items():
            model.set_filter(summary.filter, counts[kind])
        self.status.setText(
            _tr("Updated {0}. Amounts in {1} at the rate of their day; months are UTC.").format(
                local_time(summary.now), summary.currency
            )
        )
        self.refreshed.emit()

    def _show_figures(self) -> None:
        """The cards: in the reporting currency, or each currency's own ("Per currency")."""
        summary = self.summary
        if summary is None:
            return
        native = self.per_currency.isChecked()
        for measure, card in self.cards.items():
            amounts = summary.total(measure)
            detail = "\n".join(money(a.minor, a.currency) for a in amounts)
            if not native:
                amounts = (Amount(summary.currency, summary.reporting(measure)),)
            card.show_amounts(amounts, alarming=measure in ("net_cost", "overdue"), detail=detail)
        self.rate_note.setText("<br>".join(html_escape(line) for line in rate_lines(summary)))
        self._show_groups()

    def _show_groups(self) -> None:
        if self.summary is None:
            return
        summary = self.summary
        choice = max(0, self.breakdown.currentIndex())
        dimension = ("reason", "fault", "supplier", "month")[choice]
        if self.per_currency.isChecked():
            source = {
                "reason": summary.by_reason,
                "fault": summary.by_fault,
                "supplier": summary.by_supplier,
                "month": summary.by_month,
            }[dimension]
        else:
            source = summary.in_reporting(dimension)
        groups: tuple[GroupRow, ...] = source
        if dimension == "reason":
            groups = tuple(GroupRow(g.key, _tr(g.label), g.measures) for g in source)
        elif dimension == "fault":
            groups = tuple(
                GroupRow(g.key, _tr(FAULT_LABELS.get(g.key, g.key)), g.measures) for g in source
            )
        elif dimension == "month":
            groups = tuple(GroupRow(g.key, month_text(g.key), g.measures) for g in source)
        table = self.groups
        table.setRowCount(len(groups))
        for row, group in enumerate(groups):
            m = group.measures
            refunds = number_text(m.customer_refunds) if m.customer_refunds else "–"
            values = [group.label, m.currency, refunds]
            values += [money(getattr(m, k), m.currency) if getattr(m, k) else "–" for k in MEASURES]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if MEASURES[column - 3 : column - 2] in (("net_cost",), ("overdue",)) and (
                    value != "–" and not value.startswith(("-", "−"))
                ):
                    item.setForeground(Colours.NEGATIVE.brush())
                table.setItem(row, column, item)

    # --- currency and rates -------------------------------------------------------------------

    def _currency_chosen(self, *_args: object) -> None:
        """Keep the chosen reporting currency with the ledger and show the review in it."""
        code = self.currency.currentText().strip().upper()
        if self.summary is not None and code == self.summary.currency:
            return
        if len(code) != 3 or not code.isalpha() or not self.review.rates().knows(code):
            self.status.setText(_tr("There are no exchange rates for {0}.").format(code))
            self.currency.setCurrentText(self.review.rates().target)
            return
        store_reporting_currency(self.ledger, code)
        self.review.use_rates(None)
        self.refresh()

    def set_manual_rates(self, rates: dict[str, str]) -> None:
        """Store rates set by hand ({"USD/EUR": "0.92"}; empty: the ECB's again) and recompute."""
        store_manual_rates(self.ledger, rates)
        self.review.use_rates(None)
        self.refresh()

    def _ask_rates(self) -> None:
        if self.summary is None:
            return
        from gui.review_rates import RatesDialog

        stored = manual_rates(self.ledger.engine)
        currencies = [m.currency for m in self.summary.totals]
        dialog = RatesDialog(self.summary.currency, currencies, stored, self.summary.rates, self)
        if dialog.exec():
            self.set_manual_rates(dialog.rates())

    @staticmethod
    def _size_columns(table: QTableView, kind: LineKind) -> None:
        metrics = table.fontMetrics()
        samples = {
            "time": local_time(datetime(2026, 12, 30, 23, 59, tzinfo=UTC)),
            "money": "12,345.67 EUR",
            "flag": "Shipped after filing",
        }
        header = table.horizontalHeader()
        for number, column in enumerate(LINE_COLUMNS[kind]):
            sample = samples.get(column.kind) or {
                "supplier": "Shenzhen Bright Home Store",
                "ae_order": "8100000000000000",
                "order": "#1000000",
            }.get(column.key, column.title + "xxxxxx")
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(column.title))
            header.resizeSection(number, width + 24)

    # --- exports -------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        """Write the refund lines of the current filter to `path`, off the GUI thread."""
        review, flt = self.review, self.current_filter()
        language = current_language()  # the window's: German gets `;` and decimal commas
        self.status.setText(_tr("Writing {0}…").format(path.name))

        def work(_progress: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> Any:
            return "csv", (write_review_csv(review, flt, path, language=language), path)

        self._start(work)

    def export_pdf(self, path: Path) -> None:
        """Write the PDF report of the summary shown (charts need the GUI thread)."""
        if self.summary is None:
            self.refresh()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            write_review_pdf(path, self.review, self.summary.filter, self.summary)
        except OSError as error:
            self.status.setText(_tr("Could not write {0}: {1}").format(path, error.strerror))
            self.export_failed.emit(str(error))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.status.setText(_tr("Wrote the report to {0}").format(path))
        self.exported.emit(str(path))

    def _ask_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, _tr("Export refunds as CSV"), _tr("refunds.csv"), _tr("CSV files (*.csv)")
        )
        if name:
            self.export_csv(Path(name))

    def _ask_pdf(self) -> None:
        if self.summary is None:
            QMessageBox.information(self, _tr("Refund review"), _tr("The review is not ready yet."))
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            _tr("Export the review as PDF"),
            _tr("refund-review.pdf"),
            _tr("PDF files (*.pdf)"),
        )
        if name:
            self.export_pdf(Path(name))
