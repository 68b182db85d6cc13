"""Adding or editing a supplier order by hand: the AliExpress purchase behind a customer order.

The checks live in core.supplier_orders; this dialog turns what the merchant typed into a
SupplierOrderForm and shows every problem next to its field at once. Two readings happen here
because they need the screen's locale or a lookup: the cost ("12,34" or "12.34", read with
core's amount parser, never float) and the customer order's name ("#1001" or "1001"). The
payment time is edited in the computer's local time and handed to core as an aware instant.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLocale,
    QRegularExpression,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from core.imports.amounts import AmountError, parse_amount
from core.ledger import Ledger
from core.money import to_decimal
from core.supplier_orders import (
    STATUS_CHOICES,
    CustomerOrderSketch,
    SupplierChoice,
    SupplierOrderForm,
    SupplierOrderInvalid,
    customer_order_named,
    customer_order_names_starting,
    save_supplier_order,
    supplier_order_start,
)
from gui.formatting import date_time_format, local_time, money, status_text, to_qdatetime
from gui.i18n import say
from gui.palette import Colours
from gui.window_fit import grow_to

CURRENCIES = ("USD", "EUR", "GBP", "CNY", "CAD", "AUD", "CHF", "PLN", "SEK", "JPY")
#: The status box's choices, "order_status:end_reason" (core.supplier_orders.STATUS_CHOICES).
STATUSES = tuple(choice.key for choice in STATUS_CHOICES)
FIELDS = (
    "external_order_id",
    "supplier",
    "paid_at",
    "cost",
    "currency",
    "customer_order",
    "order_status",
    "tracking_number",
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("SupplierOrderDialog", text)


def utc_now() -> datetime:
    return datetime.now(UTC)


# --- the dialog ---------------------------------------------------------------------------


class SupplierOrderDialog(QDialog):
    """Add (no `supplier_order_id`) or edit a supplier order; `saved` carries its id."""

    saved = Signal(int)

    def __init__(
        self,
        ledger: Ledger,
        supplier_order_id: int | None = None,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("supplierOrderDialog")
        self._ledger = ledger
        self._order_id = supplier_order_id
        self._clock = clock
        self._estimated_paid: datetime | None = None  # the payment time to confirm, if any
        self._locale = QLocale()
        start = supplier_order_start(ledger, supplier_order_id)
        self._suppliers, self._default_clock = start.suppliers, start.default_clock
        form, self._linked = start.form, start.linked
        self.setWindowTitle(
            _tr("Edit supplier order {0}").format(form.external_order_id)
            if form
            else _tr("Add supplier order")
        )
        self.errors: dict[str, QLabel] = {}
        self._build()
        self._fill(form)
        self._wire()
        self._update_supplier_hint()
        self._update_ship_by()
        self._update_customer_hint()

    # --- building ---

    def _build(self) -> None:
        self.ae_order = QLineEdit()
        self.ae_order.setObjectName("aeOrderId")
        self.ae_order.setPlaceholderText(_tr("16 digits, like 8198352049851315"))
        self.ae_order.setToolTip(_tr('Pasting "Order ID: 8198… Copy" from AliExpress works too.'))

        self.supplier = QComboBox()
        self.supplier.setObjectName("supplier")
        self.supplier.setEditable(True)
        self.supplier.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.supplier.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.supplier.addItem("", None)
        for choice in self._suppliers:
            self.supplier.addItem(choice.name, choice.id)
        supplier_completer = self.supplier.completer()
        assert supplier_completer is not None  # editable combos have one
        supplier_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        supplier_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        supplier_edit = self.supplier.lineEdit()
        assert supplier_edit is not None
        supplier_edit.setPlaceholderText(_tr("Pick one, or type a new supplier's name"))
        self.supplier_hint = _hint()

        self.paid_at = QDateTimeEdit()
        self.paid_at.setObjectName("paidAt")
        self.paid_at.setCalendarPopup(True)
        self.paid_at.setDisplayFormat(date_time_format())
        self.paid_now = QPushButton(_tr("Now"))
        self.paid_now.setToolTip(_tr("Set the payment time to now"))
        self.paid_unknown = QCheckBox(_tr("Not known yet"))
        self.zone_label = QLabel(_tr("your time ({0})").format(_zone_name()))
        self.ship_by_hint = _hint()

        self.cost = QLineEdit()
        self.cost.setObjectName("cost")
        self.cost.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.cost.setPlaceholderText(self._locale.toString(0) + self._locale.decimalPoint() + "00")
        self.cost.setMaximumWidth(140)
        self.currency = QComboBox()
        self.currency.setObjectName("currency")
        self.currency.setEditable(True)
        self.currency.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}"), self.currency)
        )
        self.currency.setMaximumWidth(90)

        self.customer_order = QLineEdit()
        self.customer_order.setObjectName("customerOrder")
        self.customer_order.setPlaceholderText(_tr("The shop's order name, like #1001"))
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.customer_order.setCompleter(completer)
        self.customer_hint = _hint()

        self.status = QComboBox()
        self.status.setObjectName("orderStatus")
        self.status.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        for status_choice in STATUS_CHOICES:
            self.status.addItem(say(status_choice.label), status_choice.key)

        self.tracking = QLineEdit()
        self.tracking.setObjectName("trackingNumber")
        self.tracking.setPlaceholderText(_tr("from the supplier or the AliExpress order page"))
        self.carrier = QLineEdit()
        self.carrier.setObjectName("carrier")
        self.carrier.setPlaceholderText(_tr("Carrier"))
        self.carrier.setMaximumWidth(200)
        tracking_row = QHBoxLayout()
        tracking_row.addWidget(self.tracking, 1)
        tracking_row.addWidget(self.carrier)

        paid_row = QHBoxLayout()
        paid_row.addWidget(self.paid_at)
        paid_row.addWidget(self.paid_now)
        paid_row.addWidget(self.zone_label)
        paid_row.addStretch(1)
        paid_row.addWidget(self.paid_unknown)
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost)
        cost_row.addWidget(self.currency)
        cost_row.addStretch(1)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget | QHBoxLayout, tuple[str, ...], QLabel | None]] = [
            (_tr("AliExpress order"), self.ae_order, ("external_order_id",), None),
            (_tr("Supplier"), self.supplier, ("supplier",), self.supplier_hint),
            (_tr("Paid at"), paid_row, ("paid_at",), self.ship_by_hint),
            (_tr("Cost"), cost_row, ("cost", "currency"), None),
            (
                _tr("For customer order"),
                self.customer_order,
                ("customer_order",),
                self.customer_hint,
            ),
            (_tr("Status"), self.status, ("order_status",), None),
            (_tr("Tracking number"), tracking_row, ("tracking_number",), None),
        ]
        for caption, field, keys, hint in rows:
            cell = QVBoxLayout()
            cell.setSpacing(2)
            if isinstance(field, QWidget):
                cell.addWidget(field)
            else:
                cell.addLayout(field)
            if hint is not None:
                cell.addWidget(hint)
            for key in keys:
                error = QLabel()
                error.setObjectName(f"error_{key}")
                error.setWordWrap(True)
                error.setStyleSheet(Colours.NEGATIVE.css())
                error.setVisible(False)
                self.errors[key] = error
                cell.addWidget(error)
            label = QLabel(caption + ":")
            if isinstance(field, QWidget):
                label.setBuddy(field)
            form.addRow(label, cell)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)

    def _fill(self, form: SupplierOrderForm | None) -> None:
        now = to_qdatetime(self._clock()).toLocalTime()
        self.paid_at.setDateTime(now.addSecs(-now.time().second()))
        if form is None:
            self.currency.setCurrentText("USD")
            self.status.setCurrentIndex(STATUSES.index("WAIT_SELLER_SEND_GOODS:"))
            return
        self.ae_order.setText(form.external_order_id)
        if form.supplier_id is not None:
            self.supplier.setCurrentIndex(max(0, self.supplier.findData(form.supplier_id)))
        if form.paid_at is not None:
            self.paid_at.setDateTime(to_qdatetime(form.paid_at).toLocalTime())
            if form.paid_estimated:  # compared with what the editor shows: whole seconds
                self._estimated_paid = form.paid_at.replace(microsecond=0)
        self.paid_unknown.setChecked(form.paid_at is None)
        self.paid_at.setEnabled(form.paid_at is not None)
        self.paid_now.setEnabled(form.paid_at is not None)
        if form.cost_minor:  # 0 is what a supplier order linked from a note starts with
            self.cost.setText(self._format_cost(form.cost_minor, form.currency))
        self.currency.setCurrentText(form.currency)
        key = f"{form.order_status}:{form.end_reason if form.order_status == 'FINISH' else ''}"
        if self.status.findData(key) < 0:  # a status AliExpress sent is kept as it is
            self.status.addItem(
                status_text(form.order_status, form.end_reason) or _tr("(unknown)"), key
            )
        self.status.setCurrentIndex(self.status.findData(key))
        self.tracking.setText(form.tracking_number)
        self.carrier.setText(form.carrier)
        if self._linked is not None:
            self.customer_order.setText(self._linked.name)

    def _wire(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.supplier.currentTextChanged.connect(self._update_supplier_hint)
        self.supplier.currentTextChanged.connect(self._update_ship_by)
        self.paid_at.dateTimeChanged.connect(self._update_ship_by)
        self.paid_unknown.toggled.connect(self._paid_unknown_toggled)
        self.paid_now.clicked.connect(self._paid_now)
        self.customer_order.textEdited.connect(self._suggest)
        self.customer_order.textChanged.connect(self._update_customer_hint)

    # --- live hints ---

    def _chosen_supplier(self) -> tuple[SupplierChoice | None, str]:
        """(the existing supplier picked, or None; the new name typed, or "")."""
        typed = " ".join(self.supplier.currentText().split())
        if not typed:
            return None, ""
        for choice in self._suppliers:
            if choice.name.casefold() == typed.casefold():
                return choice, ""
        return None, typed

    def _update_supplier_hint(self) -> None:
        existing, new_name = self._chosen_supplier()
        if new_name:
            self.supplier_hint.setText(_tr("A new supplier “{0}” will be added.").format(new_name))
        elif existing is None:
            self.supplier_hint.setText(_tr("No supplier yet: the default ship window applies."))
        else:
            self.supplier_hint.setText("")
        self.supplier_hint.setVisible(bool(self.supplier_hint.text()))

    def _paid_unknown_toggled(self, unknown: bool) -> None:
        self.paid_at.setEnabled(not unknown)
        self.paid_now.setEnabled(not unknown)
        self._update_ship_by()

    def _paid_now(self) -> None:
        now = to_qdatetime(self._clock()).toLocalTime()
        self.paid_at.setDateTime(now.addSecs(-now.time().second()))

    def _update_ship_by(self) -> None:
        paid = self.paid_instant()
        if paid is None:
            self.ship_by_hint.setText(_tr("No ship window until the payment time is known."))
            return
        existing, _ = self._chosen_supplier()
        clock = existing.clock if existing is not None else self._default_clock
        try:
            closes = clock.ship_by(paid)
        except (ValueError, KeyError, OverflowError):  # a calendar the holidays package lacks
            self.ship_by_hint.setText("")
            return
        assert closes is not None
        text = _tr("Ship window closes {0} ({1} working days, {2} calendar).").format(
            local_time(closes), clock.window_days, clock.country
        )
        if self._estimated_paid is not None and paid == self._estimated_paid:
            text += "\n" + _tr(
                "Estimated from the Shopify payment time: correct it, or save to confirm it."
            )
        self.ship_by_hint.setText(text)

    def _suggest(self, typed: str) -> None:
        self._suggestions.setStringList(customer_order_names_starting(self._ledger, typed))

    def _update_customer_hint(self) -> None:
        typed = self.customer_order.text().strip()
        sketch = self._lookup_customer_order(typed) if typed else None
        if not typed:
            self.customer_hint.setText(_tr("Not linked to a customer order."))
        elif sketch is None:
            self.customer_hint.setText("")
        else:
            items = ", ".join(f"{quantity} × {title}" for quantity, title in sketch.lines)
            who = sketch.customer_name or _tr("(no name)")
            self.customer_hint.setText(
                f"{who} · {money(sketch.total_minor, sketch.currency)}"
                + (f" · {items}" if items else "")
            )
        self.customer_hint.setVisible(bool(self.customer_hint.text()))

    def _lookup_customer_order(self, typed: str) -> CustomerOrderSketch | None:
        return customer_order_named(self._ledger, typed)

    # --- reading the fields ---

    def paid_instant(self) -> datetime | None:
        """The payment time as an aware UTC instant (None when "not known yet")."""
        if self.paid_unknown.isChecked():
            return None
        seconds = self.paid_at.dateTime().toSecsSinceEpoch()
        return datetime.fromtimestamp(seconds, UTC)

    def _format_cost(self, minor: int, currency: str) -> str:
        return str(to_decimal(minor, currency)).replace(".", self._locale.decimalPoint())

    def _read(self) -> tuple[SupplierOrderForm, dict[str, str]]:
        """The form as typed, and the problems only the dialog can see."""
        problems: dict[str, str] = {}
        currency = self.currency.currentText().strip().upper()
        cost_text = self.cost.text().strip()
        cost_minor = 0
        if cost_text:
            try:
                cost_minor = parse_amount(
                    cost_text, currency or "USD", decimal_mark=self._locale.decimalPoint()
                )
            except AmountError:
                problems["cost"] = _tr('"{0}" is not an amount, like {1}.').format(
                    cost_text, self._format_cost(1234, "USD")
                )
        customer_order_id = None
        typed = self.customer_order.text().strip()
        if typed:
            sketch = self._lookup_customer_order(typed)
            if sketch is None:
                problems["customer_order"] = _tr(
                    "There is no customer order {0} in the ledger."
                ).format(typed if typed.startswith("#") else f"#{typed}")
            else:
                customer_order_id = sketch.id
        existing, new_name = self._chosen_supplier()
        form = SupplierOrderForm(
            external_order_id=self.ae_order.text(),
            supplier_id=existing.id if existing is not None else None,
            new_supplier_name=new_name,
            paid_at=self.paid_instant(),
            cost_minor=cost_minor,
            currency=currency,
            customer_order_id=customer_order_id,
            order_status=str(self.status.currentData()).partition(":")[0],
            end_reason=str(self.status.currentData()).partition(":")[2],
            tracking_number=self.tracking.text(),
            carrier=self.carrier.text(),
        )
        return form, problems

    # --- saving ---

    def save(self) -> bool:
        """Check and store the form; on problems show them by their fields and stay open."""
        form, problems = self._read()
        saved_id: int | None = None
        try:
            saved_id = save_supplier_order(  # with problems of its own: core checks, keeps nothing
                self._ledger, self._order_id, form, now=self._clock(), check_only=bool(problems)
            )
        except SupplierOrderInvalid as invalid:
            problems = {**invalid.problems, **problems}
        except LookupError:
            QMessageBox.warning(
                self,
                _tr("Supplier order gone"),
                _tr("This supplier order is no longer in the ledger."),
            )
            self.reject()
            return False
        self.show_problems(problems)
        if problems or saved_id is None:
            return False
        self._order_id = saved_id
        self.saved.emit(saved_id)
        self.accept()
        return True

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem under its field (unknown keys under the order number); focus the first."""
        shown = {key: "" for key in self.errors}
        for key, text in problems.items():
            target = key if key in shown else "external_order_id"
            shown[target] = f"{shown[target]} {text}".strip()
        first: QWidget | None = None
        for key, text in shown.items():
            label = self.errors[key]
            label.setText(text)
            label.setVisible(bool(text))
            field = self._field(key)
            field.setAccessibleDescription(text)
            if text and first is None:
                first = field
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every (wrapped) message: Qt's minimum size ignores wrapped labels."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        needed = self.heightForWidth(self.width())
        grow_to(self, needed)

    def _field(self, key: str) -> QWidget:
        return {
            "external_order_id": self.ae_order,
            "supplier": self.supplier,
            "paid_at": self.paid_at,
            "cost": self.cost,
            "currency": self.currency,
            "customer_order": self.customer_order,
            "order_status": self.status,
            "tracking_number": self.tracking,
        }[key]


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setEnabled(False)  # greyed: a remark, not a field
    return label


def _zone_name() -> str:
    now = QDateTime.currentDateTime()
    return now.timeZoneAbbreviation() or bytes(now.timeZone().id().data()).decode()


def open_supplier_order_dialog(
    parent: QWidget | None,
    ledger: Ledger,
    supplier_order_id: int | None = None,
    on_saved: Callable[[int], None] | None = None,
) -> SupplierOrderDialog:
    """Show the dialog without blocking; `on_saved(id)` runs after a save (refresh, select)."""
    dialog = SupplierOrderDialog(ledger, supplier_order_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_saved is not None:
        dialog.saved.connect(on_saved)
    dialog.open()
    return dialog
