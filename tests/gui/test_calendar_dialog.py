"""The holiday calendar editor in the suppliers view: a make-up working day added for Spring
Festival 2027 moves the ledger table's deadline (recomputed in the background) and takes the
"estimated" mark off; a bad file is refused in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, Qt, QThreadPool
from pytestqt.qtbot import QtBot

from core import calendar_days, clocks, deadlines
from core.calendar_days import WORKING_DAY
from core.ledger import Ledger
from core.ledger.models import Supplier, SupplierOrder
from gui.ledger_columns import COUNTDOWN, position
from gui.main_window import ALL_ORDERS, MainWindow

SHANGHAI = ZoneInfo("Asia/Shanghai")
PAID = datetime(2027, 2, 3, 10, 0, tzinfo=SHANGHAI)  # Wednesday before Spring Festival 2027
NOW = datetime(2027, 2, 3, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def no_overrides_left() -> Iterator[None]:
    clocks.use_overrides({})
    yield
    clocks.use_overrides({})


@pytest.fixture
def order_ledger(ledger: Ledger) -> Ledger:
    """One supplier (7 working days, China) and one open order paid before Spring Festival."""
    with ledger.session() as session:
        supplier = Supplier(name="Acme", ship_window_days=7)
        session.add(supplier)
        session.flush()
        order = SupplierOrder(external_order_id="8100000000000001", supplier_id=supplier.id)
        session.add(order)
        session.flush()
        assert order.id is not None
        order.paid_at = PAID
        session.flush()
        deadlines.recompute_ship_by(session, order_ids=[order.id])
    deadlines.recompute_open_deadlines(ledger)  # the calendar fingerprint is current
    return ledger


def end_of(day: date) -> datetime:
    return clocks.day_end(day, "Asia/Shanghai")


def test_adding_a_make_up_working_day_moves_the_tables_deadline(
    qtbot: QtBot, order_ledger: Ledger
) -> None:
    window = MainWindow(order_ledger, clock=lambda: NOW)
    window.status_filter.setCurrentIndex(ALL_ORDERS)
    qtbot.addWidget(window)
    window.show()
    row = window.model.row_at(0)
    assert row is not None
    # Package: Thu 4, (5-10 off), Thu 11, Fri 12, Mon 15, Tue 16, Wed 17, Thu 18 = 7th.
    assert row.ship_by == end_of(date(2027, 2, 18))
    tooltip = window.model.index(0, position(COUNTDOWN)).data(Qt.ItemDataRole.ToolTipRole)
    if clocks.is_estimated("CN", 2027):
        assert "Estimated" in tooltip

    window.show_suppliers()
    suppliers = window._suppliers
    assert suppliers is not None
    dialog = suppliers.open_calendar()
    qtbot.waitExposed(dialog)
    dialog.country.setCurrentText("CN")
    dialog.year.setValue(2027)
    dialog.date.setDate(QDate(2027, 2, 13))  # Saturday after Spring Festival
    dialog.kind.setCurrentIndex(dialog.kind.findData(WORKING_DAY))
    dialog.name.setText("Make-up day, Spring Festival")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert dialog.dirty and not dialog.year.isEnabled()  # no switching away from unsaved dates
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.dirty
    assert "set by you" in dialog.state.text()

    def moved() -> bool:
        shown = window.model.row_at(0)
        return shown is not None and shown.ship_by == end_of(date(2027, 2, 17))

    qtbot.waitUntil(moved, timeout=10_000)
    shown = window.model.row_at(0)
    assert shown is not None and not shown.ship_by_estimated
    tooltip = window.model.index(0, position(COUNTDOWN)).data(Qt.ItemDataRole.ToolTipRole)
    assert "Estimated" not in tooltip
    assert "ship-by of 1 open orders moved" in suppliers.status.text()

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: getattr(window.model.row_at(0), "ship_by", None) == end_of(date(2027, 2, 18)),
        timeout=10_000,
    )


def test_import_and_export_in_the_dialog(
    qtbot: QtBot, order_ledger: Ledger, tmp_path: Path
) -> None:
    from gui.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(order_ledger, ["CN"], today=date(2026, 12, 7))
    qtbot.addWidget(dialog)
    assert dialog.year.value() == (2027 if clocks.is_estimated("CN", 2027) else 2026)
    bad = tmp_path / "bad.csv"
    bad.write_text("country,date,kind,name\nCN,2027-02-30,holiday,\n", encoding="utf-8")
    assert not dialog.import_file(str(bad))
    assert "Line 2: '2027-02-30' is not a date" in dialog.problems.text()
    good = tmp_path / "good.csv"
    good.write_text("country,date,kind,name\nCN,2027-02-13,working_day,Make-up\n", "utf-8")
    with qtbot.waitSignal(dialog.changed):
        assert dialog.import_file(str(good))
    dialog.year.setValue(2027)
    assert dialog.table.rowCount() == 1
    out = tmp_path / "out.csv"
    assert dialog.export_file(str(out))
    assert out.read_text("utf-8") == "country,date,kind,name\nCN,2027-02-13,working_day,Make-up\n"
    assert calendar_days.year_days(order_ledger, "CN", 2027)[0].kind == WORKING_DAY


def test_the_details_panel_marks_an_estimated_deadline_and_shows_the_move(
    qtbot: QtBot, order_ledger: Ledger
) -> None:
    from gui.order_details_panel import OrderDetailsPanel

    panel = OrderDetailsPanel(order_ledger)
    qtbot.addWidget(panel)
    panel.show_order(1)
    ship_by = panel._fact_labels["ship_by"]
    assert ship_by.text().endswith("(estimated)") is clocks.is_estimated("CN", 2027)
    calendar_days.replace_year(
        order_ledger, "CN", 2027, [calendar_days.CalendarDay("CN", date(2027, 2, 13), WORKING_DAY)]
    )
    deadlines.recompute_open_deadlines(order_ledger)
    panel.show_order(1)
    assert not ship_by.text().endswith("(estimated)")
    root = panel.timeline.invisibleRootItem()
    rows = [(root.child(i).text(1), root.child(i).text(2)) for i in range(root.childCount())]
    assert (
        "Ship-by moved",
        "Ship-by moved from 2027-02-18 16:00 UTC to 2027-02-17 16:00 UTC: calendar changed",
    ) in rows


def test_a_changed_calendar_package_found_at_start_moves_stale_deadlines(
    qtbot: QtBot, order_ledger: Ledger
) -> None:
    """What a newer `holidays` package looks like to a ledger: its stored fingerprint differs
    and stored ship_by values are stale. Starting the app recomputes them in the background."""
    from sqlalchemy import text

    from core.secrets import SecretStore
    from gui.app import Session

    with order_ledger.session() as session:
        calendar_days.store_fingerprint(session, "computed with an older holidays package")
        session.connection().execute(
            text("UPDATE supplier_order SET ship_by = '2027-02-25 16:00:00.000000'")
        )
    app = Session(order_ledger, secrets=SecretStore(service="dropdesk-test-calendar"))
    qtbot.addWidget(app.window)
    app.window.first_frame_shown.connect(app.start)
    app.window.show()
    qtbot.waitUntil(lambda: app.ready, timeout=20_000)
    qtbot.waitUntil(lambda: not deadlines.calendar_outdated(order_ledger), timeout=20_000)
    recompute = app.window.calendar_recompute
    assert recompute is not None
    qtbot.waitUntil(lambda: not recompute.running, timeout=20_000)
    with order_ledger.session() as session:
        order = session.get(SupplierOrder, 1)
        assert order is not None and order.ship_by == end_of(date(2027, 2, 18))
    assert calendar_days.fingerprint([]) != "computed with an older holidays package"
    # Close as the app does: the window first (its jobs stop), then what the pool still runs,
    # before the ledger fixture closes the file under them.
    app.window.close()
    assert QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)


def test_the_check_at_start_is_quiet_when_nothing_moved(qtbot: QtBot, ledger: Ledger) -> None:
    """A new ledger has no calendar fingerprint yet: the check at start recomputes, moves
    nothing and says nothing; a recompute after an edit says that nothing moved."""
    from gui.calendar_recompute import CalendarRecompute

    assert deadlines.calendar_outdated(ledger)  # so the check at start does recompute
    recompute = CalendarRecompute(ledger)
    said: list[str] = []
    recompute.message.connect(said.append)
    recompute.start(only_if_outdated=True)
    qtbot.waitUntil(lambda: not recompute.running, timeout=20_000)
    qtbot.wait(50)
    assert not [text for text in said if "no ship-by deadline moved" in text]
    recompute.start()
    qtbot.waitUntil(lambda: not recompute.running, timeout=20_000)
    qtbot.waitUntil(lambda: any("no ship-by deadline moved" in text for text in said))


def test_a_fresh_demo_says_nothing_at_start(qtbot: QtBot, demo_ledger: Ledger) -> None:
    """A new demo has hundreds of open orders and no fingerprint yet: the check at start
    recomputes them without a word in the status bar (the merchant changed no calendar)."""
    from gui.calendar_recompute import CalendarRecompute

    assert deadlines.calendar_outdated(demo_ledger)
    recompute = CalendarRecompute(demo_ledger)
    said: list[str] = []
    moved: list[int] = []
    recompute.message.connect(said.append)
    recompute.moved.connect(moved.append)
    recompute.start(only_if_outdated=True)
    qtbot.waitUntil(lambda: bool(moved), timeout=20_000)
    qtbot.wait(50)
    assert moved == [0] and said == []
    assert not deadlines.calendar_outdated(demo_ledger)


def test_the_packages_own_days_are_shown_read_only(qtbot: QtBot, order_ledger: Ledger) -> None:
    """The merchant sees what the package already counts, and which of it their dates replace."""
    from PySide6.QtWidgets import QAbstractItemView

    from gui.calendar_dialog import CalendarDialog

    dialog = CalendarDialog(order_ledger, ["CN"], today=date(2025, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.year.setValue(2025)
    package = calendar_days.package_days("CN", 2025)
    shown = dialog.package_table
    assert shown.rowCount() == len(package) > 20 and dialog.table.rowCount() == 0
    assert "Dropdesk knows" in dialog.package_box.title() and shown.isVisible()
    assert "holidays" not in dialog.package_box.title().replace("holidays Dropdesk", "")
    assert "version" in dialog.package_box.toolTip()  # the library's name only in a tooltip
    assert shown.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert shown.selectionMode() == QAbstractItemView.SelectionMode.NoSelection
    cells = [[shown.item(r, c).text() for c in range(3)] for r in range(shown.rowCount())]
    assert ["Wed, 1/29/2025", "Holiday (day off)", "Chinese New Year (Spring Festival)"] in cells
    assert ["Sun, 1/26/2025", "Working day (make-up day)", ""] in cells
    sunday = cells.index(["Sun, 1/26/2025", "Working day (make-up day)", ""])
    assert not shown.item(sunday, 0).font().strikeOut()
    assert dialog.add_day(date(2025, 1, 26), calendar_days.HOLIDAY, "Off after all")
    assert dialog.table.rowCount() == 1 and shown.rowCount() == len(package)
    assert shown.item(sunday, 0).font().strikeOut() and shown.item(sunday, 2).toolTip()


def test_the_editor_names_countries_and_holidays_in_the_windows_language(
    qtbot: QtBot, ledger: Ledger, language: str
) -> None:
    """German window: "Deutschland (DE)" with "Neujahr"; China's holidays exist in English
    only in the package, so they are English with a note. The package's version is in a
    tooltip, never in the text."""
    import holidays

    from gui.calendar_dialog import CalendarDialog

    german = language == "de"
    dialog = CalendarDialog(ledger, ["CN", "DE"], today=date(2026, 3, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [dialog.country.itemText(n) for n in range(dialog.country.count())]
    assert labels == ["China (CN)", "Deutschland (DE)" if german else "Germany (DE)"]
    assert dialog.current_country() == "CN"
    names = {dialog.package_table.item(r, 2).text() for r in range(dialog.package_table.rowCount())}
    assert "New Year's Day" in names  # China: the package has no German
    assert dialog.package_note.isVisible() is german
    if german:
        assert (
            "Englisch" in dialog.package_note.text() and "China (CN)" in dialog.package_note.text()
        )
    assert "China (CN)" in dialog.state.text()
    for text in (dialog.state.text(), dialog.package_box.title()):
        assert holidays.__version__ not in text and "(0." not in text
    assert holidays.__version__ in dialog.state.toolTip()

    dialog.country.setCurrentIndex(1)
    assert dialog.current_country() == "DE"
    names = {dialog.package_table.item(r, 2).text() for r in range(dialog.package_table.rowCount())}
    assert ("Neujahr" if german else "New Year's Day") in names
    assert not dialog.package_note.isVisible()
    dialog.country.setCurrentText("DE-BY")  # typed: a subdivision
    assert dialog.current_country() == "DE-BY"
    dialog.country.setCurrentText("Germany (DE-BY)")
    assert dialog.current_country() == "DE-BY"
