"""The window speaks one language: every screen, dialog and cancel-wizard state of the demo
ledger is walked, and every visible text is checked (window titles, labels, buttons and their
tooltips, group titles, tabs, menus, combo items, table and tree headers and cells as the
models' DisplayRole, message boxes the screens open).

- In German: no text may be an English source the catalogue translates, and none may contain
  a common English UI word (a word list: catches English the catalogue never heard of).
- In a pseudo-language (a translator that brackets every text it is asked for, ⟦…⟧): any text
  not bracketed was never marked for translation. Core's catalogue texts go through the
  translator and are bracketed like the GUI's; the `Text.pair(en, de)` core has left count as
  marked (their English shows, since the pseudo-language is not German); the merchant's own data
  (names, products, order numbers), numbers, dates and amounts are excluded by rule.
"""

from __future__ import annotations

import ast
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from core.cancel.listing import open_cancellations
from core.cancel.states import Path as RunPath
from core.cancel.states import State
from core.ledger import Ledger
from core.ledger.models import Cancellation
from core.texts import Text
from gui import i18n
from gui.cancel_wizard import CancelWizard
from gui.main_window import ALL_ORDERS, FILTERS, MainWindow
from tests.gui.conftest import DEMO_NOW
from tests.gui.test_cancel_state_pages import ByHand, awaiting_order

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "dropdesk_de.ts"
WAIT = 10_000
OPEN, CLOSE = "⟦", "⟧"

#: Common English UI words that have no place in a German window (German shares none of them
#: as a whole word; "Shopify", "AliExpress", "PDF", "CSV" and "E-Mail" are not on the list).
ENGLISH = re.compile(
    r"\b(the|and|of|your|you|with|from|is|are|not|this|that|will|please|"
    r"cancel|close|save|open|refresh|order|orders|supplier|suppliers|refund|refunds|"
    r"deadline|deadlines|overdue|days?|hours?|send|sync|error|warning|yes|next|back|"
    r"finish|help|file|view|search|customer|shipped|paid|reason|amount|total|"
    r"waiting|awaiting|done|failed|could|cannot|none|unknown|received|settings|d)\b",
    re.IGNORECASE,
)
#: What is not words: paths and platform names ("Linux-6.1-x86_64-with-glibc2.36"), numbers,
#: amounts, dates, times, codes like #1001 or AE-123, e-mails.
NOT_WORDS = re.compile(
    r"\S+\.(sqlite|csv|pdf|log|zip)\b|\S*/\S*|\S+-\S+-\S+|[#+\-−–]?\d[\d.,:/ ]*(%|[A-Z]{3}\b|€|\$)?|\S+@\S+|https?://\S+|\b[A-Z]{3}\b|[A-Z]+-\d+"
)

#: Names that read the same in every language: products, platforms, the languages' own names
#: (as a picker lists them), country codes, a clock's AM and PM, the locale's weekdays.
NAMES = re.compile(
    r"\b(Dropdesk|Shopify( Payments)?|AliExpress|PySide6?|Qt|linux|windows|darwin|English|"
    r"Deutsch|[A-Z]{2}|AM|PM|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b"
)

#: A German text may name a button of AliExpress' or Shopify's English site, in quotes.
QUOTED = re.compile(r'„[^“]*“|"[^"]*"')


# --- what the window shows -----------------------------------------------------------------


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model keeps columnCount private in PySide: it has one."""
    try:
        return int(model.columnCount(parent))
    except TypeError:
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, limit: int = 60) -> list[str]:
    texts: list[str] = []
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
            if column == 0 and model.rowCount(index) > 0:
                texts += _model_texts(model, index, 10)
    return texts


def _menu_texts(menu: QMenu | QMenuBar) -> list[str]:
    texts = []
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            texts += [action.text(), action.toolTip() if action.toolTip() != action.text() else ""]
            sub = action.menu()
            if isinstance(sub, QMenu):
                texts += _menu_texts(sub)
    return texts


def visible_texts(widget: QWidget) -> list[str]:
    """What the merchant can read in `widget` (and its visible children)."""
    texts = [widget.windowTitle()]

    def shown(w: QWidget) -> bool:
        return w is widget or w.isVisibleTo(widget)

    for label in widget.findChildren(QLabel):
        if shown(label):
            texts += [label.text(), label.toolTip()]
    for button in widget.findChildren(QAbstractButton):
        if shown(button):
            texts += [button.text(), button.toolTip()]
    for box in widget.findChildren(QGroupBox):
        if shown(box):
            texts.append(box.title())
    for tabs in widget.findChildren(QTabWidget):
        if shown(tabs):
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    for edit in widget.findChildren(QLineEdit):
        if shown(edit):
            texts.append(edit.placeholderText())
    for combo in widget.findChildren(QComboBox):
        if shown(combo):
            texts += [combo.itemText(i) for i in range(combo.count())]
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if not shown(view) or model is None or isinstance(view.parent(), QComboBox):
            continue
        for orientation in (Qt.Orientation.Horizontal,):
            for section in range(_columns(model, QModelIndex())):
                title = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
                texts.append(title if isinstance(title, str) else "")
        texts += _model_texts(model, QModelIndex())
    for bar in widget.findChildren(QMenuBar):
        texts += _menu_texts(bar)
    return [t for t in texts if t and t.strip()]


def _popups(qapp: QApplication, known: set[int]) -> list[QWidget]:
    """Top-level windows (message boxes, dialogs) that appeared since `known` was taken."""
    return [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in known]


def walk(qtbot: QtBot, ledger: Ledger) -> Iterator[tuple[str, list[str]]]:
    """(where, texts) for every screen the demo ledger can show."""
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    window = MainWindow(ledger, clock=lambda: DEMO_NOW, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    for index, view_filter in enumerate(FILTERS):
        window.status_filter.setCurrentIndex(index)
        yield f"main window ({view_filter.label})", visible_texts(window)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    rows = ledger.reader.execute(
        "SELECT MIN(id) FROM supplier_order GROUP BY order_status, end_reason"
    ).fetchall()
    for (order_id,) in rows[:12]:
        if window.select_order(int(order_id)):
            yield f"details of supplier order {order_id}", visible_texts(window.details)

    screens: list[tuple[str, Callable[[], QWidget | None]]] = [
        ("review", lambda: (window.show_review(), window._review)[1]),
        ("needs me", lambda: (window.show_needs_me(), window._needs_me)[1]),
        ("chargebacks", lambda: (window.show_chargebacks(), window._chargebacks)[1]),
        ("suppliers", lambda: (window.show_suppliers(), window._suppliers)[1]),
    ]
    for name, opened in screens:
        known = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
        screen = opened()
        assert screen is not None, name
        qtbot.wait(200)
        yield name, visible_texts(screen)
        for popup in _popups(qapp, known):
            if popup is not screen:
                yield f"{name}: {popup.windowTitle()}", visible_texts(popup)
                popup.close()
        screen.close()

    from core.connections import Connections
    from core.secrets import SecretStore
    from gui.about_dialog import AboutDialog
    from gui.calendar_dialog import CalendarDialog
    from gui.cancellations_view import CancellationsView
    from gui.chargebacks_view import EvidenceDialog
    from gui.connections import ConnectionsDialog
    from gui.policy_dialog import PolicyDialog
    from gui.supplier_order_dialog import SupplierOrderDialog
    from gui.withdrawal_dialog import WithdrawalDialog

    linked = awaiting_order(ledger)
    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("about", lambda: AboutDialog(ledger.path, window)),
        ("calendar", lambda: CalendarDialog(ledger, ["CN"], window)),
        ("policy", lambda: PolicyDialog(ledger, None, window)),
        ("evidence", lambda: EvidenceDialog({"uncategorizedText": "Tracking 123"}, window)),
        ("new supplier order", lambda: SupplierOrderDialog(ledger, None)),
        ("supplier order", lambda: SupplierOrderDialog(ledger, linked)),
        ("withdrawal", lambda: WithdrawalDialog(ledger, linked, window, clock=lambda: DEMO_NOW)),
        ("cancellations", lambda: CancellationsView(ledger, now=lambda: DEMO_NOW)),
        (
            "connections",
            lambda: ConnectionsDialog(Connections(ledger, SecretStore(service="dd-words"))),
        ),
    ]
    for name, made in dialogs:
        known = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
        dialog = made()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(300)
        yield name, visible_texts(dialog)
        for popup in _popups(qapp, known):
            if popup is not dialog:
                yield f"{name}: {popup.windowTitle()}", visible_texts(popup)
                popup.close()
        dialog.close()

    # The cancel wizard: its first page, then one run in each state the demo holds.
    wizard = CancelWizard(ledger, ByHand(ledger), supplier_order_id=linked, now=lambda: DEMO_NOW)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(lambda: wizard.handle is not None and not wizard.busy, timeout=WAIT)
    yield "wizard: reason", visible_texts(wizard)
    wizard.close()
    by_state = {State(run.state): run.id for run in open_cancellations(ledger)}
    for state in State:  # the demo's runs, then one of them put in each state it lacks
        run_id = by_state.get(state)
        if run_id is None:
            run_id = _in_state(ledger, by_state[State.SUPPLIER_CANCEL_REQUESTED], state)
        wizard = CancelWizard(ledger, ByHand(ledger), cancellation_id=run_id, now=lambda: DEMO_NOW)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda w=wizard: w.handle is not None and not w.busy, timeout=WAIT)
        yield f"wizard: {state}", visible_texts(wizard)
        wizard.close()


def _in_state(ledger: Ledger, run_id: int, state: State) -> int:
    """The run, stored in `state` as a resumed run would be (the path it implies set too)."""
    path = RunPath.REFUND if "refund" in state or "dispute" in state else RunPath.CANCEL
    with ledger.session() as session:
        run = session.get(Cancellation, run_id)
        assert run is not None
        run.state, run.path = state.value, path.value
        session.add(run)
    return run_id


# --- the merchant's own data ---------------------------------------------------------------


#: Columns that hold what the merchant, their customers or suppliers wrote (names, products).
DATA_COLUMNS = frozenset(
    "name customer_name email note tags title sku variant external_order_id tracking_number "
    "carrier domain store_id".split()
)


def merchant_data(ledger: Ledger) -> list[str]:
    """Names the merchant's shop and suppliers gave things: shown as they are, in any language."""
    found: set[str] = set()
    for table in ("customer_order", "customer_order_line", "supplier_order", "supplier", "shop"):
        present = {r[1] for r in ledger.reader.execute(f"PRAGMA table_info({table})")}
        for column in sorted(present & DATA_COLUMNS):
            for (value,) in ledger.reader.execute(f"SELECT DISTINCT {column} FROM {table}"):
                if value:
                    found.add(str(value))
                    if column == "customer_name":  # "Anna Bauer" reads as "Bauer, Anna" too
                        found.update(part for part in str(value).split() if len(part) > 2)
    found.update(package_names())
    return sorted((f for f in found if len(f) > 2), key=len, reverse=True)


def package_names() -> set[str]:
    """The holidays package's names of the days the holiday editor lists as the package's own
    (its words, in English where it has no German)."""
    from datetime import date

    from core.calendar_days import package_days

    this_year = date.today().year
    return {
        day.name
        for year in range(this_year - 1, this_year + 2)
        for language in ("en", "de")
        for day in package_days("CN", year, language)
        if day.name
    }


def plain_text(text: str) -> str:
    """Rich text as the merchant reads it."""
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def without_data(text: str, data: list[str]) -> str:
    plain = plain_text(text)
    for value in data:
        if value in plain:
            plain = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", " ", plain)
    return NOT_WORDS.sub(" ", NAMES.sub(" ", plain))


# --- the catalogue -------------------------------------------------------------------------


def german_catalogue() -> dict[str, str]:
    """English source -> its German, where the German differs (any context)."""
    found: dict[str, str] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        german = translation.text or ""
        if german and german != source:
            found[source.replace("&", "")] = german
    return found


def core_text_patterns() -> list[re.Pattern[str]]:
    """The English of every `Text.pair(en, de)` still written in the sources, as patterns (a
    placeholder matches anything): these carry their own German instead of a catalogue entry.
    Core's catalogue texts (`Text("core.x", ...)`) need no pattern: they go through the
    translator like the GUI's, so the pseudo-language brackets them."""
    patterns: list[re.Pattern[str]] = []
    for path in [*ROOT.joinpath("core").rglob("*.py"), *ROOT.joinpath("gui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "pair"):
                continue
            if node.args:
                english = node.args[0]
            else:
                english = next((k.value for k in node.keywords if k.arg == "en"), None)
            template = _template(english)
            literal = re.sub(r"\x00|\{\w*\}", "", template)
            if len(re.findall(r"[A-Za-z]", literal)) >= 3:  # "{0}" alone would match anything
                parts = [re.escape(p) for p in re.split(r"\x00|\{\w*\}", template)]
                patterns.append(re.compile(".+?".join(parts), re.DOTALL))
    return sorted(patterns, key=lambda p: len(p.pattern), reverse=True)  # longest first


def _template(node: ast.expr | None) -> str:
    """A literal's text, an f-string's with \x00 for each value, "" for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "\x00" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _template(node.left) + _template(node.right)
    return ""


# --- the tests -----------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _english_afterwards(qapp: QApplication) -> Iterator[None]:
    """The walks switch the window to German: the next test module starts in en_US again."""
    yield
    i18n.remove_translators(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_german_window_shows_no_english(qtbot: QtBot, demo_ledger: Ledger) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    assert i18n.install_translators(qapp, "de") == "de"
    catalogue = german_catalogue()
    data = merchant_data(demo_ledger)
    pending: list[tuple[str, str]] = []
    english: list[tuple[str, str]] = []
    walked = 0
    try:
        for where, texts in walk(qtbot, demo_ledger):
            walked += 1
            for text in texts:
                if text.replace("&", "") in catalogue:
                    pending.append((where, text))
                elif ENGLISH.search(QUOTED.sub(" ", without_data(text, data))):
                    english.append((where, text))
    finally:
        i18n.remove_translators(qapp)
    assert walked > 40
    assert sorted(set(pending)) == [], "English shown although the catalogue has its German"
    assert sorted(set(english)) == [], "English words in the German window"


class Brackets(QTranslator):
    """The pseudo-language: every text asked for comes back as ⟦text⟧."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return f"{OPEN}{source}{CLOSE}" if source else source

    def isEmpty(self) -> bool:
        return False


def unmarked(text: str, data: list[str], marked: list[re.Pattern[str]]) -> str:
    """What is left of `text` once the bracketed, core's marked texts and data are taken out."""
    rest = plain_text(text)
    while True:
        inner = re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", rest)
        if inner == rest:
            break
        rest = inner
    for pattern in marked:
        rest = pattern.sub(" ", rest) if pattern.search(rest) else rest
    rest = without_data(rest, data)
    rest = re.sub(r"[^\w]+", " ", rest)
    return " ".join(w for w in rest.split() if len(w) > 1 and not w.isdigit())


def test_the_detectors_detect(demo_ledger: Ledger) -> None:
    """English that slipped through is caught, the merchant's data and numbers are not."""
    data = merchant_data(demo_ledger)
    marked = core_text_patterns()
    assert len(marked) > 30  # the texts in Text.pair (the evidence pack moved to outgoing)
    assert unmarked("Refresh the list", data, marked) == "Refresh the list"
    assert unmarked(f"{OPEN}Refresh{CLOSE} · 12.03.26 09:00 · 49,66 USD", data, marked) == ""
    assert unmarked("Cancelled at the supplier", data, marked) != ""  # core's: translated
    title = demo_ledger.reader.execute("SELECT title FROM customer_order_line").fetchone()
    assert title is not None and unmarked(str(title[0]), data, marked) == ""
    assert ENGLISH.search(without_data("Nachweise senden · overdue 3 d", data))
    assert not ENGLISH.search(without_data("Verzug 3 T 02 h · Status: Versendet", data))


def test_every_visible_text_is_marked_for_translation(qtbot: QtBot, demo_ledger: Ledger) -> None:
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    pseudo = Brackets(qapp)
    qapp.installTranslator(pseudo)
    assert QCoreApplication.translate("MainWindow", "&File") == f"{OPEN}&File{CLOSE}"
    why = Text(
        "core.cancel.check",
        "Too late to cancel at the supplier: {source}",
        source=Text("core.cancel.check", "AliExpress shows"),
    )
    assert (
        i18n.say(why)
        == f"{OPEN}Too late to cancel at the supplier: {OPEN}AliExpress shows{CLOSE}{CLOSE}"
    )
    data = merchant_data(demo_ledger)
    marked = core_text_patterns()
    found: list[tuple[str, str, str]] = []
    walked = 0
    try:
        for where, texts in walk(qtbot, demo_ledger):
            walked += 1
            for text in texts:
                rest = unmarked(text, data, marked)
                if rest:
                    found.append((where, text, rest))
    finally:
        qapp.removeTranslator(pseudo)
    assert walked > 40
    assert sorted(set(found)) == [], "texts never marked for translation"


@pytest.mark.parametrize(
    ("delta", "german"),
    [
        (timedelta(days=2, hours=5, minutes=3), "2 T 05 h"),
        (timedelta(hours=3, minutes=12), "3 h 12 min"),
        (timedelta(seconds=30), "< 1 min"),
        (timedelta(days=-3, hours=-2), "Verzug 3 T 02 h"),
    ],
)
def test_countdowns_are_worded_from_numbers(
    qapp: QApplication, delta: timedelta, german: str
) -> None:
    from gui.formatting import countdown_text

    i18n.install_translators(qapp, "de")
    try:
        assert countdown_text(delta) == german
    finally:
        i18n.remove_translators(qapp)
