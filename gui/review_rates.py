"""Exchange rates set by hand for the review: one line per currency of the ledger's refunds,
"1 USD = [    ] EUR", empty for the ECB's rate of each day (shown as a hint)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from core.review import RateUse
from gui.notice import Kind, tint


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReviewRates", text)


def parse_rate(text: str) -> Decimal | None:
    """A rate as typed, "0,92" or "0.92"; None when empty or not a positive number."""
    clean = text.strip().replace(" ", "")
    if not clean:
        return None
    if "," in clean and "." not in clean:
        clean = clean.replace(",", ".")
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None


class RatesDialog(QDialog):
    """Rates by hand into the reporting currency; an empty field means the ECB's."""

    def __init__(
        self,
        target: str,
        currencies: Sequence[str],
        stored: Mapping[tuple[str, str], Decimal],
        used: Sequence[RateUse],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Exchange rates"))
        self.target = target
        self._others = {
            pair: value for pair, value in stored.items() if pair[1] != target
        }  # other reporting currencies' rates stay as they are
        ecb = {u.currency: u.latest for u in used if u.latest.origin == "ECB"}
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for code in sorted(set(currencies) - {target}):
            field = QLineEdit()
            field.setAccessibleName(_tr("1 {0} in {1}").format(code, target))
            value = stored.get((code, target))
            if value is not None:
                field.setText(f"{value:f}".replace(".", QLocale().decimalPoint()))
            latest = ecb.get(code)
            if latest is not None:
                field.setPlaceholderText(_tr("ECB of each day, latest {0}").format(latest.shown()))
            else:
                field.setPlaceholderText(_tr("ECB rate of each day"))
            form.addRow(_tr("1 {0} = … {1}").format(code, target), field)
            self.fields[code] = field
        note = QLabel(
            _tr(
                "A rate set here is used for every day instead of the European Central Bank's "
                "rate of that day. Leave a field empty to use the ECB's."
            )
        )
        note.setWordWrap(True)
        self.error = QLabel()
        tint(self.error, Kind.ERROR)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def rates(self) -> dict[str, str]:
        """The settings value: every pair set by hand, as exact decimal strings."""
        result = {f"{a}/{b}": f"{value:f}" for (a, b), value in self._others.items()}
        for code, field in self.fields.items():
            value = parse_rate(field.text())
            if value is not None:
                result[f"{code}/{self.target}"] = f"{value:f}"
        return result

    def _save(self) -> None:
        wrong = [
            code
            for code, field in self.fields.items()
            if field.text().strip() and parse_rate(field.text()) is None
        ]
        if wrong:
            self.error.setText(_tr("Not a positive number: {0}").format(", ".join(wrong)))
            return
        self.accept()
