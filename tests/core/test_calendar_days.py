"""Calendars that stay true: estimated years, the merchant's overrides, their file, and the
recompute of open orders' deadlines when the calendar data changes (real ledger files)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import holidays
import pytest
from sqlmodel import Session, select

from core import calendar_days, clocks, deadlines, due
from core.calendar_days import HOLIDAY, WORKING_DAY, CalendarDay, CalendarFileError
from core.ledger import Ledger
from core.ledger.models import Event, Supplier, SupplierOrder
from core.texts import Text
from tests.catalogue import in_english, in_german

SHANGHAI = ZoneInfo("Asia/Shanghai")
#: Wednesday before Spring Festival 2027 (Chinese New Year is Saturday 2027-02-06).
PAID_2027 = datetime(2027, 2, 3, 10, 0, tzinfo=SHANGHAI)
PAID_2026 = datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)  # an official year


def end_of(day: date) -> datetime:
    return clocks.day_end(day, "Asia/Shanghai")


@pytest.fixture(autouse=True)
def no_overrides_left() -> Iterator[None]:
    """The clocks are process-wide: no test leaves its overrides to the next."""
    clocks.use_overrides({})
    yield
    clocks.use_overrides({})


def add_order(session: Session, ae: str, supplier_id: int, paid: datetime, **extra: object) -> int:
    order = SupplierOrder(external_order_id=ae, supplier_id=supplier_id, **extra)  # type: ignore[arg-type]
    session.add(order)
    session.flush()
    assert order.id is not None
    order.paid_at = paid
    session.flush()
    deadlines.recompute_ship_by(session, order_ids=[order.id])
    return order.id


def supplier(session: Session, window: int = 3) -> int:
    row = Supplier(name="Acme", ship_window_days=window)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def stored(ledger: Ledger, order_id: int) -> tuple[datetime | None, bool]:
    with ledger.session() as session:
        order = session.get(SupplierOrder, order_id)
        assert order is not None
        return order.ship_by, order.ship_by_estimated


# --- estimated years ------------------------------------------------------------------------


def test_the_package_knows_china_officially_up_to_a_year_and_later_years_are_estimated() -> None:
    last = clocks.last_official_year("CN")
    assert last is not None and last >= 2026  # holidays 0.109 has the 2026 notice
    assert not clocks.is_estimated("CN", last)
    assert clocks.is_estimated("CN", last + 1)
    assert clocks.last_official_year("DE") is None  # rules are Germany's arrangement
    assert not clocks.is_estimated("DE", 2099)


@pytest.mark.skipif(
    (clocks.last_official_year("CN") or 0) >= 2027,
    reason=f"holidays {holidays.__version__} already has China's 2027 arrangement",
)
def test_a_deadline_in_2027_is_flagged_estimated_and_one_in_2026_is_not(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = supplier(session)
        in_2027 = add_order(session, "8100000000000001", acme, PAID_2027)
        in_2026 = add_order(session, "8100000000000002", acme, PAID_2026)
    assert stored(ledger, in_2027) == (end_of(date(2027, 2, 12)), True)
    assert stored(ledger, in_2026)[1] is False
    with ledger.session() as session:
        rows = due.due_orders(session, datetime(2027, 2, 1, tzinfo=UTC), within_hours=24 * 400)
    flags = {row.id: row.estimated for row in rows}
    assert flags == {in_2026: False, in_2027: True}  # 2026: overdue by then, official
    with ledger.session() as session:
        listed = [
            d
            for d in due.deadlines(session, datetime(2027, 2, 1, tzinfo=UTC), 24 * 400)
            if d.kind is due.Kind.SHIP_WINDOW
        ]
    text = due.render_text(listed, datetime(2027, 2, 1, tzinfo=UTC))
    assert "estimated" in text
    document = json.loads(due.to_json(listed, datetime(2027, 2, 1, tzinfo=UTC)))
    assert [o["estimated"] for o in document["orders"]] == [False, True]
    assert {"id", "ship_by", "remaining_seconds", "overdue"} <= set(document["orders"][0])


# --- overrides ------------------------------------------------------------------------------


def test_a_make_up_working_day_and_a_holiday_move_a_deadline_across_spring_festival_2027(
    ledger: Ledger,
) -> None:
    with ledger.session() as session:
        order_id = add_order(session, "8100000000000001", supplier(session), PAID_2027)
    # The package: Thu 4 = 1st, Fri 5 (New Year's Eve) to Wed 10 off, Thu 11 = 2nd, Fri 12 = 3rd.
    assert stored(ledger, order_id)[0] == end_of(date(2027, 2, 12))

    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 2, 5), WORKING_DAY, "Eve worked")]
    )
    result = deadlines.recompute_open_deadlines(ledger)
    assert (result.read, result.moved) == (1, 1)
    assert stored(ledger, order_id) == (end_of(date(2027, 2, 11)), False)  # the merchant's year

    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 2, 11), HOLIDAY, "Extra day off")]
    )
    deadlines.recompute_open_deadlines(ledger)
    assert stored(ledger, order_id)[0] == end_of(date(2027, 2, 15))  # Fri 12, then Mon 15

    calendar_days.replace_year(ledger, "CN", 2027, [])
    deadlines.recompute_open_deadlines(ledger)
    assert stored(ledger, order_id)[0] == end_of(date(2027, 2, 12))
    assert calendar_days.year_days(ledger, "CN", 2027) == []


def test_recompute_moves_only_open_orders_and_journals_each_one(ledger: Ledger) -> None:
    with ledger.session() as session:
        acme = supplier(session)
        open_ids = [add_order(session, f"81000000000000{n:02d}", acme, PAID_2027) for n in range(5)]
        shipped = add_order(
            session, "8100000000000099", acme, PAID_2027, order_status="WAIT_BUYER_ACCEPT_GOODS"
        )
    before_shipped = stored(ledger, shipped)
    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 2, 4), HOLIDAY, "")]
    )
    seen: list[int] = []
    result = deadlines.recompute_open_deadlines(ledger, batch_size=2, progress=seen.append)
    assert (result.read, result.moved) == (5, 5)
    assert seen == [2, 4, 5]
    assert stored(ledger, shipped) == before_shipped
    with ledger.session() as session:
        events = session.exec(select(Event).where(Event.kind == "ship_by_moved")).all()
        assert sorted(e.entity_id for e in events) == open_ids
        payload = json.loads(events[0].payload)
        assert payload["previous_ship_by"] == "2027-02-12T16:00:00+00:00"
        assert payload["ship_by"] == "2027-02-15T16:00:00+00:00"
        message = Text.from_stored(payload["message"])  # the marker, worded when shown
        assert in_english(message) == (
            "Ship-by moved from 2027-02-12 16:00 UTC to 2027-02-15 16:00 UTC: calendar changed"
        )
        assert in_german(message).startswith("Versandfrist verschoben")
        kinds = [e.kind for e in session.exec(select(Event).where(Event.entity == "ledger"))]
        assert "calendar_edited" in kinds and "calendar_recomputed" in kinds
    assert not deadlines.calendar_outdated(ledger)
    again = deadlines.recompute_open_deadlines(ledger)
    assert again.moved == 0  # nothing stale is left


def test_a_new_ledger_and_a_changed_package_are_outdated_until_recomputed(ledger: Ledger) -> None:
    assert deadlines.calendar_outdated(ledger)  # no fingerprint stored yet
    deadlines.recompute_open_deadlines(ledger)
    assert not deadlines.calendar_outdated(ledger)
    with ledger.session() as session:
        calendar_days.store_fingerprint(session, "computed with holidays 0.1")
    assert deadlines.calendar_outdated(ledger)


def test_overrides_apply_to_every_clock_of_the_ledger(ledger: Ledger) -> None:
    calendar_days.replace_year(
        ledger, "cn", 2027, [CalendarDay("CN", date(2027, 2, 6), WORKING_DAY, "")]
    )
    with ledger.session() as session:
        calendar_days.apply(session)
    assert clocks.is_working_day(date(2027, 2, 6), "CN")
    assert not clocks.is_estimated("CN", 2027)
    clocks.use_overrides({})
    assert not clocks.is_working_day(date(2027, 2, 6), "CN")


# --- the file -------------------------------------------------------------------------------


def test_export_and_import_round_trip(ledger: Ledger, tmp_path: object) -> None:
    days = [
        CalendarDay("CN", date(2027, 1, 30), WORKING_DAY, "Make-up day, Spring Festival"),
        CalendarDay("CN", date(2027, 2, 11), HOLIDAY, "Spring Festival"),
        CalendarDay("DE-BY", date(2027, 8, 8), HOLIDAY, "Friedensfest"),
    ]
    calendar_days.replace_year(ledger, "CN", 2027, days[:2])
    calendar_days.replace_year(ledger, "DE-BY", 2027, days[2:])
    text = calendar_days.export_csv(ledger)
    assert text.splitlines()[0] == "country,date,kind,name"
    assert '"Make-up day, Spring Festival"' in text
    calendar_days.replace_year(ledger, "CN", 2027, [])
    calendar_days.replace_year(ledger, "DE-BY", 2027, [])
    assert calendar_days.import_csv(ledger, text.encode("utf-8")) == 3
    with ledger.session() as session:
        assert calendar_days.load(session) == sorted(days)
    assert calendar_days.export_csv(ledger) == text


def test_import_replaces_only_the_years_in_the_file(ledger: Ledger) -> None:
    calendar_days.replace_year(
        ledger, "CN", 2026, [CalendarDay("CN", date(2026, 3, 1), HOLIDAY, "kept")]
    )
    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 3, 1), HOLIDAY, "replaced")]
    )
    data = b"\xef\xbb\xbfcountry,date,kind,name\r\nCN,2027-02-07,working day,\r\n"  # BOM, CRLF
    calendar_days.import_csv(ledger, data)
    with ledger.session() as session:
        assert [(d.day, d.kind) for d in calendar_days.load(session)] == [
            (date(2026, 3, 1), HOLIDAY),
            (date(2027, 2, 7), WORKING_DAY),
        ]


@pytest.mark.parametrize(
    ("data", "en", "de"),
    [
        (b"date,kind\n2027-02-07,holiday\n", "first line", "erste Zeile"),
        (
            b"country,date,kind,name\nCN,07.02.2027,holiday,\n",
            "Line 2: '07.02.2027' is not a date",
            "Zeile 2: '07.02.2027' ist kein Datum",
        ),
        (
            b"country,date,kind,name\nCN,2027-02-07,day off,\n",
            "Line 2: 'day_off' is not a kind",
            "keine Art",
        ),
        (
            b"country,date,kind,name\nXX,2027-02-07,holiday,\n",
            "'XX' is not a country calendar",
            "kein Länderkalender",
        ),
        (
            b"country,date,kind,name\nCN,2027-02-07,holiday,\nCN,2027-02-07,working_day,\n",
            "Line 3: 2027-02-07 in CN is already on line 2",
            "steht schon in Zeile 2",
        ),
        (
            b"country,date,kind,name\nCN,2027-02-07,holiday,a,b\n",
            "more than four columns",
            "mehr als vier Spalten",
        ),
        (
            "country,date,kind,name\nCN,2027-02-07,holiday,Frühling\n".encode("cp1252"),
            "not UTF-8",
            "kein UTF-8",
        ),
        (b"x" * (calendar_days.MAX_FILE_BYTES + 1), "larger than", "größer als"),
    ],
)
def test_bad_files_are_refused_with_clear_words_and_change_nothing(
    ledger: Ledger, data: bytes, en: str, de: str
) -> None:
    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 3, 1), HOLIDAY, "kept")]
    )
    with pytest.raises(CalendarFileError) as caught:
        calendar_days.import_csv(ledger, data)
    assert en in in_english(caught.value.text)
    assert de in in_german(caught.value.text)
    assert len(calendar_days.year_days(ledger, "CN", 2027)) == 1


def test_many_bad_lines_are_listed_up_to_ten(ledger: Ledger) -> None:
    data = "country,date,kind,name\n" + "".join(f"CN,2027-13-{n:02d},holiday,\n" for n in range(25))
    with pytest.raises(CalendarFileError) as caught:
        calendar_days.import_csv(ledger, data.encode())
    assert in_english(caught.value.text).count("Line ") == 10
    assert in_english(caught.value.text).endswith("… and 15 more.")
    assert in_german(caught.value.text).endswith("… und 15 weitere.")


def test_a_mark_that_changes_alone_is_written_without_a_timeline_event(ledger: Ledger) -> None:
    with ledger.session() as session:
        order_id = add_order(session, "8100000000000001", supplier(session), PAID_2027)
    deadlines.recompute_open_deadlines(ledger)
    assert stored(ledger, order_id)[1] is clocks.is_estimated("CN", 2027)
    calendar_days.replace_year(  # a date far from the order: only the year's status changes
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 12, 1), HOLIDAY, "")]
    )
    result = deadlines.recompute_open_deadlines(ledger)
    assert result.moved == 0
    assert stored(ledger, order_id) == (end_of(date(2027, 2, 12)), False)
    with ledger.session() as session:
        assert session.exec(select(Event).where(Event.kind == "ship_by_moved")).all() == []


def test_an_open_cancellations_tracking_deadline_moves_with_the_calendar(ledger: Ledger) -> None:
    from core.cancel.next_deadline import next_deadline
    from core.ledger.models import Cancellation

    asked = datetime(2027, 2, 3, 10, 0, tzinfo=SHANGHAI)
    with ledger.session() as session:
        order_id = add_order(session, "8100000000000001", supplier(session), PAID_2027)
        row = Cancellation(
            supplier_order_id=order_id, state="tracking_requested", tracking_requested_at=asked
        )
        session.add(row)
        session.flush()
        row.next_deadline = next_deadline(session, row)[0]
        session.add(row)
        done = Cancellation(supplier_order_id=order_id, state="done", tracking_requested_at=asked)
        session.add(done)
        session.flush()
        run_id, done_id = row.id, done.id
    # 5 working days after Wed 3: Thu 4, Thu 11, Fri 12, Mon 15, Tue 16.
    calendar_days.replace_year(
        ledger, "CN", 2027, [CalendarDay("CN", date(2027, 2, 13), WORKING_DAY, "")]
    )
    deadlines.recompute_open_deadlines(ledger)
    with ledger.session() as session:
        moved = session.get(Cancellation, run_id)
        assert moved is not None and moved.next_deadline == end_of(date(2027, 2, 15))
        events = session.exec(select(Event).where(Event.kind == "deadline_moved")).all()
        assert [(e.entity, e.entity_id) for e in events] == [("cancellation", run_id)]
        payload = json.loads(events[0].payload)
        assert payload["next_deadline"] == [
            "2027-02-16T16:00:00+00:00",
            "2027-02-15T16:00:00+00:00",
        ]
        assert in_german(Text.from_stored(payload["message"])).startswith("Frist verschoben")
        untouched = session.get(Cancellation, done_id)
        assert untouched is not None and untouched.next_deadline is None


def test_the_packages_own_days_of_a_year() -> None:
    """What the holidays package counts before the merchant's corrections: China's 2025
    Spring Festival days off and its make-up Sunday, named in German where the package
    speaks it (Germany) and in English where it does not (China)."""
    from core.calendar_days import package_days

    china = {(d.day, d.kind) for d in package_days("CN", 2025, "de")}
    assert (date(2025, 1, 29), HOLIDAY) in china
    assert (date(2025, 1, 26), WORKING_DAY) in china  # a Sunday worked for the festival
    assert all(day.year == 2025 for day, _kind in china)
    names = {d.day: d.name for d in package_days("cn", 2025, "de")}
    assert names[date(2025, 10, 1)] == "National Day"
    bavaria = {d.day: d.name for d in package_days("DE-BY", 2026, "de")}
    assert bavaria[date(2026, 1, 6)] == "Heilige Drei Könige"
    assert {d.day: d.name for d in package_days("DE-BY", 2026, "en")}[date(2026, 1, 6)] == (
        "Epiphany"
    )
    with pytest.raises(ValueError):
        package_days("XX", 2026)
