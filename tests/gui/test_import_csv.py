"""Importing an orders export through the GUI: preview, the merchant's choice, cancel, drops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from core.imports import ImportSummary, Refusal, import_shopify_csv
from core.imports.generate import generate_export
from core.ledger import Ledger
from gui.drop_import import dropped_files, install_csv_drop
from gui.import_csv import Choice, CsvImportFlow, ImportSummaryDialog

DATA = Path(__file__).parents[1] / "data"
BIG_ORDERS = 1_812
TABLES = ("customer_order", "customer_order_line", "supplier_order", "supplier", "event")


def dump(ledger: Ledger) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import touches, to compare before and after."""
    with ledger.engine.connect() as connection:
        return {
            table: [
                tuple(row)
                for row in connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
            ]
            for table in TABLES
        }


def order_names(ledger: Ledger) -> list[str]:
    with ledger.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT name FROM customer_order ORDER BY name")
        return [name for (name,) in rows]


@pytest.fixture
def window(qtbot: QtBot) -> QMainWindow:
    shown = QMainWindow()
    shown.resize(900, 600)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def flow(ledger: Ledger, window: QMainWindow) -> CsvImportFlow:
    return CsvImportFlow(ledger, window)


@pytest.fixture(scope="module")
def big_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 rows: the import checks Cancel every 1,000, so a cancel always lands mid-file."""
    path = tmp_path_factory.mktemp("exports") / "orders_3000.csv"
    assert generate_export(path, rows=3_000, seed=3).orders == BIG_ORDERS
    return path


def summary_shown(qtbot: QtBot, flow: CsvImportFlow) -> ImportSummaryDialog:
    qtbot.waitUntil(
        lambda: flow.summary_dialog is not None and flow.summary_dialog.isVisible(),
        timeout=10_000,
    )
    assert flow.summary_dialog is not None
    return flow.summary_dialog


def message(flow: CsvImportFlow) -> tuple[str, str]:
    """The open message's title and text; closes it."""
    box = flow.message_box
    assert box is not None and box.isVisible()
    shown = (box.windowTitle(), box.text())
    ok = box.button(QMessageBox.StandardButton.Ok)
    assert ok is not None
    ok.click()
    return shown


def test_clean_export_is_previewed_then_imported(
    qtbot: QtBot, ledger: Ledger, window: QMainWindow
) -> None:
    refreshed: list[ImportSummary] = []
    flow = CsvImportFlow(ledger, window, on_imported=refreshed.append)
    flow.start(DATA / "orders_shopify.csv")
    dialog = summary_shown(qtbot, flow)

    assert order_names(ledger) == []  # the preview wrote nothing
    assert {key: label.text() for key, label in dialog.count_labels.items()} == {
        "added": "4",
        "updated": "0",
        "unchanged": "0",
    }
    assert dialog.table is None and dialog.nothing_button is None
    assert dialog.rest_button is not None and dialog.rest_button.text() == "Import"
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        dialog.rest_button.click()

    summary = done.args[0]
    assert (summary.added, summary.updated, summary.unchanged, summary.refused) == (4, 0, 0, [])
    assert order_names(ledger) == ["#1001", "#1002", "#1003", "#1004"]
    assert refreshed == [summary]
    title, text = message(flow)
    assert title == "Import finished"
    assert "4 new orders, 0 changed, 0 already up to date" in text
    assert "3 AliExpress orders were linked" in text
    assert not flow.busy


def test_refused_rows_are_listed_and_the_rest_imported(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    flow.start(DATA / "orders_broken.csv")
    dialog = summary_shown(qtbot, flow)

    assert dialog.headline.text() == "3 of the rows in orders_broken.csv cannot be read."
    assert dialog.table is not None
    model = dialog.table.model()
    rows = [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]
    assert rows == [
        ("4", "(whole row)", "has 78 fields where the header has 79"),
        ("5", "Created at", 'not a date: "2026-13-45 25:00:00 +0530"'),
        ("9", "Lineitem price", 'not an amount: "12,3,4"'),
    ]
    assert dialog.rest_button is not None and dialog.rest_button.text() == "Import the rest"
    assert dialog.nothing_button is not None
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        dialog.rest_button.click()

    assert done.args[0].added == 2 and len(done.args[0].refused) == 3
    assert order_names(ledger) == ["#1001", "#1005"]
    _title, text = message(flow)
    assert "3 rows could not be read; their orders were left out." in text


def test_import_nothing_leaves_the_ledger_as_it_was(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    before = dump(ledger)
    flow.start(DATA / "orders_broken.csv")
    dialog = summary_shown(qtbot, flow)
    assert dialog.nothing_button is not None
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        dialog.nothing_button.click()

    assert done.args == [None]
    assert dialog.choice is Choice.NOTHING
    assert dump(ledger) == before
    title, text = message(flow)
    assert title == "Nothing imported"
    assert "Fix the 3 rows that cannot be read" in text


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_in_the_summary_imports_nothing_and_says_nothing(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow, how: str
) -> None:
    flow.start(DATA / "orders_broken.csv")
    dialog = summary_shown(qtbot, flow)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        if how == "button":
            dialog.cancel_button.click()
        else:
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert done.args == [None] and dialog.choice is Choice.CANCEL
    assert order_names(ledger) == []
    assert flow.message_box is None


def test_cancel_during_the_import_rolls_everything_back(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow, big_export: Path
) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    before = dump(ledger)
    flow.start(big_export)
    dialog = summary_shown(qtbot, flow)
    assert dialog.count_labels["added"].text() == f"{BIG_ORDERS:,}"
    assert dialog.rest_button is not None
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        dialog.rest_button.click()
        assert flow.progress is not None  # the real import is running
        flow.progress.cancel_button.click()

    assert done.args == [None]
    assert dump(ledger) == before
    assert flow.message_box is None and not flow.busy


def test_cancel_during_the_preview(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow, big_export: Path
) -> None:
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.start(big_export)
        assert flow.progress is not None
        flow.progress.cancel_button.click()

    assert done.args == [None]
    assert flow.summary_dialog is None and order_names(ledger) == []


def test_progress_window_shows_what_is_read(
    qtbot: QtBot, ledger: Ledger, window: QMainWindow, big_export: Path
) -> None:
    flow = CsvImportFlow(ledger, window, show_progress_after_ms=0)
    flow.start(big_export)
    progress = flow.progress
    assert progress is not None
    qtbot.waitUntil(progress.isVisible, timeout=5_000)
    assert progress.windowTitle() == "Importing orders"
    assert progress.label.text() == "Reading orders_3000.csv…"
    summary_shown(qtbot, flow)
    assert flow.progress is None


@pytest.mark.parametrize(
    ("content", "title", "says"),
    [
        (b"", "The file is empty", "export.csv is empty."),
        (
            b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe\x00\x00",
            "The file cannot be read",
            "export.csv is an Excel workbook (.xlsx), not a CSV file. Export or save it as CSV.",
        ),
        (
            b"Date,Amount\n2026-04-01,12.50\n",
            "Not a Shopify orders export",
            'export.csv is not a Shopify orders export: it has no "Name" column',
        ),
        (None, "The file cannot be read", "export.csv cannot be read: no such file"),
    ],
    ids=["empty", "workbook", "other-csv", "missing"],
)
def test_files_that_cannot_be_imported_get_a_clear_message(
    qtbot: QtBot,
    ledger: Ledger,
    flow: CsvImportFlow,
    tmp_path: Path,
    content: bytes | None,
    title: str,
    says: str,
) -> None:
    path = tmp_path / "export.csv"
    if content is not None:
        path.write_bytes(content)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.start(path)

    assert done.args == [None] and flow.summary_dialog is None
    shown_title, text = message(flow)
    assert shown_title == title
    assert text.startswith(says)
    assert order_names(ledger) == []


def test_a_file_already_imported_is_nothing_new(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    import_shopify_csv(ledger, DATA / "orders_shopify.csv")
    before = dump(ledger)
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        flow.start(DATA / "orders_shopify.csv")

    assert done.args == [None] and flow.summary_dialog is None
    assert message(flow) == (
        "Nothing new",
        "The 4 orders in orders_shopify.csv are already in the ledger as they are.",
    )
    assert dump(ledger) == before


def test_a_second_file_waits_for_the_first(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    flow.start(DATA / "orders_shopify.csv")
    flow.start(DATA / "orders_shopify_v2.csv")
    first = summary_shown(qtbot, flow)
    assert first.windowTitle() == "Import orders_shopify.csv"
    assert first.rest_button is not None
    first.rest_button.click()
    qtbot.waitUntil(lambda: flow.summary_dialog not in (None, first), timeout=10_000)
    second = summary_shown(qtbot, flow)

    assert second.windowTitle() == "Import orders_shopify_v2.csv"
    assert [second.count_labels[key].text() for key in ("added", "updated", "unchanged")] == [
        "1",
        "2",
        "2",
    ]
    second.cancel_button.click()
    assert order_names(ledger) == ["#1001", "#1002", "#1003", "#1004"]


def test_copy_list_puts_the_refused_rows_on_the_clipboard(
    qtbot: QtBot, flow: CsvImportFlow
) -> None:
    flow.start(DATA / "orders_broken.csv")
    dialog = summary_shown(qtbot, flow)
    [copy] = [b for b in dialog.findChildren(type(dialog.cancel_button)) if b.text() == "Copy list"]
    copy.click()

    assert QGuiApplication.clipboard().text() == (
        "Line\tColumn\tProblem\n"
        "4\t\thas 78 fields where the header has 79\n"
        '5\tCreated at\tnot a date: "2026-13-45 25:00:00 +0530"\n'
        '9\tLineitem price\tnot an amount: "12,3,4"\n'
    )
    dialog.cancel_button.click()


def test_a_file_with_nothing_readable_can_only_be_closed(qtbot: QtBot) -> None:
    refused = [Refusal(line, "Created at", 'not a date: "soon"') for line in range(2, 5002)]
    dialog = ImportSummaryDialog(Path("export.csv"), ImportSummary(refused=refused))
    qtbot.addWidget(dialog)

    assert dialog.headline.text() == (
        "None of the orders in export.csv can be read (5,000 rows refused)."
    )
    assert dialog.rest_button is None and dialog.nothing_button is None
    assert dialog.cancel_button.text() == "Close"
    assert dialog.table is not None and dialog.table.model().rowCount() == 5_000
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.cancel_button.click()
    assert chosen.args == [Choice.CANCEL]


# --- drag and drop ---------------------------------------------------------------------


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drag_and_drop(target: QMainWindow, mime: QMimeData, at: QPoint) -> tuple[bool, bool]:
    """Deliver enter + drop the way the platform does: to the window, which routes them to
    the widget under `at` (or its first parent that takes drops). (enter, drop) accepted?"""
    handle = target.windowHandle()
    assert handle is not None
    enter = QDragEnterEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(handle, enter)
    if not enter.isAccepted():
        return False, False
    drop = QDropEvent(
        QPointF(at),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(handle, drop)
    return True, drop.isAccepted()


def middle_of(window: QMainWindow) -> QPoint:
    central = window.centralWidget()
    assert central is not None
    return central.geometry().center()


@pytest.fixture
def drop_window(qtbot: QtBot) -> tuple[QMainWindow, QLineEdit, list[Path]]:
    """A plain main window: a table in the middle (takes no drops), a line edit on top (takes
    text drops), and the hook installed."""
    shown = QMainWindow()
    shown.setCentralWidget(QTableView())
    search = QLineEdit()
    toolbar = shown.addToolBar("tools")
    toolbar.addWidget(search)
    shown.resize(800, 500)
    received: list[Path] = []
    install_csv_drop(shown, received.append)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown, search, received


def test_a_csv_dropped_on_the_window_is_handed_over(
    qtbot: QtBot, drop_window: tuple[QMainWindow, QLineEdit, list[Path]], tmp_path: Path
) -> None:
    window, _search, received = drop_window
    export = tmp_path / "Orders Export.CSV"
    export.write_text("Name\n#1\n")
    middle = middle_of(window)

    assert drag_and_drop(window, file_mime(export), middle) == (True, True)
    assert received == []  # handed over after the drop returned, from the event loop
    qtbot.waitUntil(lambda: received == [export], timeout=2_000)


def test_a_csv_dropped_on_a_line_edit_is_imported_not_pasted(
    qtbot: QtBot, drop_window: tuple[QMainWindow, QLineEdit, list[Path]], tmp_path: Path
) -> None:
    window, search, received = drop_window
    export = tmp_path / "orders.csv"
    at = search.mapTo(window, search.rect().center())

    assert drag_and_drop(window, file_mime(export), at) == (True, True)
    qtbot.waitUntil(lambda: received == [export], timeout=2_000)
    assert search.text() == ""


def test_other_drops_are_refused(
    qtbot: QtBot, drop_window: tuple[QMainWindow, QLineEdit, list[Path]], tmp_path: Path
) -> None:
    window, _search, received = drop_window
    middle = middle_of(window)
    text = QMimeData()
    text.setText("just words")
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/orders.csv")])

    assert drag_and_drop(window, file_mime(tmp_path / "notes.xlsx"), middle) == (False, False)
    assert drag_and_drop(window, text, middle) == (False, False)
    assert drag_and_drop(window, web, middle) == (False, False)
    qtbot.wait(50)
    assert received == []


def test_several_csv_files_dropped_at_once_each_arrive(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    mime = file_mime(first, tmp_path / "c.pdf", second)

    assert dropped_files(mime) == [first, second]


def test_a_dropped_export_runs_the_import_flow(
    qtbot: QtBot, ledger: Ledger, window: QMainWindow
) -> None:
    flow = CsvImportFlow(ledger, window)
    install_csv_drop(window, flow.start)
    assert drag_and_drop(window, file_mime(DATA / "orders_shopify.csv"), QPoint(100, 100)) == (
        True,
        True,
    )

    dialog = summary_shown(qtbot, flow)
    assert dialog.windowTitle() == "Import orders_shopify.csv"
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        assert dialog.rest_button is not None
        dialog.rest_button.click()
    assert order_names(ledger) == ["#1001", "#1002", "#1003", "#1004"]
    message(flow)


# --- what the file leaves open is asked in the preview -------------------------------------------


def test_a_missing_currency_is_asked_and_must_be_confirmed(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        flow.start(DATA / "orders_no_currency.csv")
        dialog = summary_shown(qtbot, flow)
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

    combo, confirm = dialog.choices["currency"], dialog.confirms["currency"]
    assert combo.currentText() == "GBP"  # the merchant's locale's currency, suggested
    assert not confirm.isChecked()
    assert dialog.rest_button is not None and not dialog.rest_button.isEnabled()
    assert "No Currency column: amounts read in GBP (to be confirmed)" in dialog.reading.text()
    confirm.setChecked(True)
    assert dialog.rest_button.isEnabled()
    with qtbot.waitSignal(flow.finished, timeout=10_000) as done:
        dialog.rest_button.click()

    assert done.args[0].added == 4
    with ledger.engine.connect() as connection:
        currencies = connection.exec_driver_sql("SELECT DISTINCT currency FROM customer_order")
        assert currencies.all() == [("GBP",)]
    message(flow)


def test_changing_the_date_order_reads_the_file_again(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))  # both orders
    try:
        flow.start(DATA / "orders_excel_unsettled.csv")
        first = summary_shown(qtbot, flow)
        combo = first.choices["date_order"]
        assert [combo.itemData(i) for i in range(combo.count())] == ["dmy", "mdy"]
        assert combo.currentData() == "dmy" and not first.confirms["date_order"].isChecked()
        assert "Dates read day-first (to be confirmed)" in first.reading.text()

        combo.setCurrentIndex(1)
        combo.activated.emit(1)  # the merchant picks "Month first"
        qtbot.waitUntil(
            lambda: (
                flow.summary_dialog is not None
                and flow.summary_dialog is not first
                and flow.summary_dialog.isVisible()
            ),
            timeout=10_000,
        )
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    second = flow.summary_dialog
    assert second is not None
    assert second.choices["date_order"].currentData() == "mdy"
    assert second.confirms["date_order"].isChecked()  # the merchant chose it
    assert "Dates read month-first (as you said)" in second.reading.text()
    assert second.rest_button is not None and second.rest_button.isEnabled()
    with qtbot.waitSignal(flow.finished, timeout=10_000):
        second.rest_button.click()

    with ledger.engine.connect() as connection:
        (created,) = connection.exec_driver_sql(
            "SELECT created_at FROM customer_order WHERE name = '#1001'"
        ).one()
    assert created.startswith("2026-10-04 09:11")  # 4 October, 11:11 in Berlin
    message(flow)


def test_a_settled_file_says_how_it_was_read_and_asks_nothing(
    qtbot: QtBot, ledger: Ledger, flow: CsvImportFlow
) -> None:
    flow.start(DATA / "orders_excel_uk.csv")
    dialog = summary_shown(qtbot, flow)
    assert dialog.choices == {}
    text = dialog.reading.text()
    assert 'Dates read day-first (as the file shows, line 5: "14/04/2026 08:00").' in text
    assert "Times without a UTC offset read in Europe/Berlin" in text
    assert dialog.rest_button is not None and dialog.rest_button.isEnabled()
    dialog.cancel_button.click()
    assert order_names(ledger) == []
