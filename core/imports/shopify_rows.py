"""From the export's rows (one per line item) to whole orders, refusing what cannot be read.

The export writes one row per line item; the order's own columns (status, currency, totals)
are filled only on its first row, and every row repeats the Name. Rows are grouped by Name as
they stream past (an order's rows are contiguous), so only one order is held at a time. Each
order is parsed completely before it is handed on: one unreadable row keeps its whole order out,
because an order missing a line would carry wrong totals.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import NamedTuple

from core.imports.amounts import AmountError, is_currency_code, parse_amount
from core.imports.csv_source import BrokenRecord, CsvFile
from core.imports.date_order import DateReading
from core.imports.errors import NotAShopifyExportError
from core.imports.summary import Refusal
from core.imports.timestamps import (
    AmbiguousDateError,
    DateOrder,
    TimestampError,
    parse_export_time,
)
from core.texts import Text

#: Order-level columns: (column in the export, customer_order column it fills).
ORDER_COLUMNS = (
    ("id", "legacy_id"),
    ("email", "email"),
    ("financial status", "financial_status"),
    ("fulfillment status", "fulfillment_status"),
    ("currency", "currency"),
    ("total", "total_minor"),
    ("created at", "created_at"),
    ("cancelled at", "cancelled_at"),
    ("refunded amount", "refunded_minor"),
    ("notes", "note"),
    ("note attributes", "note_attributes"),
    ("tags", "tags"),
    ("billing name", "customer_name"),
    ("shipping name", "customer_name"),
)
_OTHER_COLUMNS = ("name", "subtotal")
#: Columns of instants: the ones stored, and the ones that only help settle the date order.
DATE_COLUMNS = ("created at", "cancelled at", "paid at", "fulfilled at")
LINE_COLUMNS = (
    "lineitem name",
    "lineitem quantity",
    "lineitem price",
    "lineitem sku",
    "lineitem fulfillment status",
)
#: customer_order_line field each line column fills.
LINE_FIELD_OF = {
    "lineitem name": "title",
    "lineitem quantity": "quantity",
    "lineitem price": "price_minor",
    "lineitem sku": "sku",
    "lineitem fulfillment status": "fulfillment_status",
}
#: Filled only on an order's first row: the row that has one of them carries the order.
_MARKERS = ("financial status", "currency", "total", "subtotal")
_SIGNS_OF_AN_EXPORT = ("lineitem name", "total", "financial status", "id")
_WANTED = tuple(dict.fromkeys([c for c, _ in ORDER_COLUMNS] + list(_OTHER_COLUMNS + LINE_COLUMNS)))


class LineRecord(NamedTuple):
    """A customer_order_line as the export describes it (compared as a tuple on re-import)."""

    title: str
    sku: str
    quantity: int
    price_minor: int
    fulfillment_status: str


@dataclass(slots=True)
class OrderRecord:
    """One order read from the file, ready to be upserted into customer_order (+ lines)."""

    line: int
    name: str
    values: dict[str, object]  # customer_order column -> value, only columns the file has
    lines: list[LineRecord]

    @property
    def note_attributes(self) -> str:
        return str(self.values.get("note_attributes", ""))

    @property
    def legacy_id(self) -> int | None:
        value = self.values.get("legacy_id")
        return value if isinstance(value, int) else None


@dataclass(slots=True)
class RefusedOrder:
    """An order (or a row that belongs to none) that could not be read."""

    refusals: list[Refusal]


#: A readable row of the file: (line it starts on, its cells, as many as the header has).
_Row = tuple[int, list[str]]


@dataclass(slots=True)
class _Group:
    name: str
    first_line: int
    rows: list[_Row] = field(default_factory=list)  # the readable ones
    refusals: list[Refusal] = field(default_factory=list)


class ExportLayout:
    """Where the wanted columns sit in this file, and how its values are written."""

    def __init__(
        self,
        source: CsvFile,
        *,
        default_currency: str | None,
        local_zone: tzinfo,
        date_order: DateOrder | None = None,
        locale: str | None = None,
        shop_id: int | None = None,
    ) -> None:
        """`default_currency` for orders without one (None: refuse them); `local_zone` for
        times without an offset; `date_order` the merchant's answer for slashed dates the file
        does not settle, `locale` their locale's convention; `shop_id` the shop the orders go
        to (core.imports.shop_target)."""
        columns = source.columns
        if "name" not in columns:
            raise NotAShopifyExportError(
                source.path,
                Text(
                    "core.imports.shopify_rows",
                    '{source_path_name} is not a Shopify orders export: it has no "Name" '
                    "column (the order number, e.g. #1001). In the Shopify admin use "
                    "Orders > Export.",
                    source_path_name=source.path.name,
                ),
            )
        if not any(column in columns for column in _SIGNS_OF_AN_EXPORT):
            raise NotAShopifyExportError(
                source.path,
                Text(
                    "core.imports.shopify_rows",
                    "{source_path_name} is not a Shopify orders export: it has a Name "
                    "column but none of Id, Total, Financial Status or Lineitem name.",
                    source_path_name=source.path.name,
                ),
            )
        self.path = source.path
        self.width = len(source.header)
        self.index = {key: columns[key] for key in _WANTED if key in columns}
        self.spelled = {key: source.header[i].strip() for key, i in self.index.items()}
        self.decimal_mark = source.decimal_mark
        self.default_currency = default_currency
        self.local_zone = local_zone
        self.shop_id = shop_id
        self.has_currency = "currency" in self.index
        self.dates = DateReading(
            source.path,
            [columns[key] for key in DATE_COLUMNS if key in columns],
            answer=date_order,
            locale=locale,
        )
        self.stored_columns = (
            frozenset(stored for column, stored in ORDER_COLUMNS if column in self.index)
            | {"name", "currency"}
            | ({"shop_id"} if shop_id is not None else set())
        )
        self.has_lines = "lineitem name" in self.index
        self.line_fields = (
            frozenset(LINE_FIELD_OF[key] for key in LINE_COLUMNS if key in self.index)
            if self.has_lines
            else frozenset()
        )
        self.markers = [key for key in _MARKERS if key in self.index]

    def column(self, key: str) -> str:
        """The header cell as the merchant spelled it, for refusals."""
        return self.spelled.get(key, key)


def read_orders(
    layout: ExportLayout, records: Iterable[tuple[int, list[str]]]
) -> Iterator[OrderRecord | RefusedOrder]:
    """Whole orders in file order; a row that names no order comes out as its own RefusedOrder.

    An order whose rows reappear after other orders is refused the second time (its lines
    would otherwise replace the first part's). A CSV that breaks down ends the stream with a
    refusal for the broken line and for the order in progress.
    """
    seen: dict[str, int] = {}
    group: _Group | None = None
    parser = _Parser(layout)
    width = layout.width
    name_at = layout.index["name"]
    name_column = layout.column("name")
    try:
        for line, cells in records:
            problem = None
            if len(cells) != width:
                problem = Refusal(
                    line,
                    "",
                    Text(
                        "core.imports.shopify_rows",
                        "has {fields} fields where the header has {width}",
                        fields=len(cells),
                        width=width,
                    ),
                )
            name = cells[name_at].strip() if name_at < len(cells) else ""
            if not name:
                empty = Refusal(
                    line,
                    name_column,
                    Text("core.imports.shopify_rows", "no order name (empty)"),
                )
                yield RefusedOrder([problem or empty])
                continue
            if group is None or name != group.name:
                if group is not None:
                    yield parser.finish(group)
                group = _Group(name, line)
                if name in seen:
                    group.refusals.append(
                        Refusal(
                            line,
                            name_column,
                            Text(
                                "core.imports.shopify_rows",
                                "order {name} already appeared on line {first}: "
                                "the rows of one order must be next to each other",
                                name=name,
                                first=seen[name],
                            ),
                        )
                    )
                else:
                    seen[name] = line
            if problem is None:
                group.rows.append((line, cells))
            else:
                group.refusals.append(problem)
    except BrokenRecord as broken:
        refusals = [Refusal(broken.line, "", broken.reason)]
        if group is not None:
            refusals.insert(
                0,
                Refusal(
                    group.first_line,
                    name_column,
                    Text(
                        "core.imports.shopify_rows",
                        "order {name} not imported: its rows may go on in the part of the "
                        "file that could not be read (from line {line})",
                        name=group.name,
                        line=broken.line,
                    ),
                ),
            )
            group = None
        yield RefusedOrder(refusals)
    if group is not None:
        yield parser.finish(group)


def _text(cell: str) -> str:
    """Free text, with line breaks as "\\n" whichever way the spreadsheet wrote them."""
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell.strip()


_NOWHERE = -1  # the index of a column the file does not have
_CACHED = 4_096  # distinct amounts remembered (prices repeat; bounded so memory stays flat)


class _Parser:
    """Parses orders' cells, collecting a Refusal per unreadable value.

    Which columns the file has, and where, is worked out once per file, not per row: on a
    100,000-row file this is the hot loop of an import.
    """

    def __init__(self, layout: ExportLayout) -> None:
        self.layout = layout
        self.refusals: list[Refusal] = []
        self.amounts: dict[tuple[str, str], int] = {}
        self.markers = tuple(layout.index[m] for m in layout.markers)
        at: dict[str, int] = {key: layout.index.get(key, _NOWHERE) for key in _WANTED}
        self.at = at

        def present(*pairs: tuple[str, str]) -> tuple[tuple[int, str, str], ...]:
            """(index, column key, stored field) of the pairs whose column the file has."""
            return tuple((at[key], key, stored) for key, stored in pairs if at[key] != _NOWHERE)

        self.amount_columns = present(
            ("total", "total_minor"), ("refunded amount", "refunded_minor")
        )
        self.time_columns = present(("created at", "created_at"), ("cancelled at", "cancelled_at"))
        self.status_columns = present(
            ("financial status", "financial_status"), ("fulfillment status", "fulfillment_status")
        )
        self.text_columns = present(
            ("email", "email"),
            ("notes", "note"),
            ("note attributes", "note_attributes"),
            ("tags", "tags"),
        )
        self.date_order: DateOrder | None = None  # known once a slashed date was met
        self.has_customer = at["billing name"] != _NOWHERE or at["shipping name"] != _NOWHERE
        self.lines_at = tuple(at[key] for key in LINE_COLUMNS)
        self.all_line_columns = _NOWHERE not in self.lines_at

    def finish(self, group: _Group) -> OrderRecord | RefusedOrder:
        """The order made of the group's rows, or why it cannot be imported."""
        rows = group.rows
        if group.refusals or not rows:
            return RefusedOrder(list(group.refusals))
        head = self._head(rows)
        if head is None:
            layout = self.layout
            if layout.markers:
                wanted = ", ".join(layout.column(m) for m in layout.markers)
                return RefusedOrder(
                    [
                        Refusal(
                            rows[0][0],
                            layout.column(layout.markers[0]),
                            Text(
                                "core.imports.shopify_rows",
                                "no row of order {name} has its order details ({wanted} are "
                                "empty): was the file sorted or cut?",
                                name=group.name,
                                wanted=wanted,
                            ),
                        )
                    ]
                )
            head = rows[0]
        self.refusals = []
        values = self.order_values(head)
        currency = str(values["currency"])
        lines: list[LineRecord] = []
        if self.layout.has_lines:
            for row in rows:
                item = self.line(row, currency)
                if item is not None:
                    lines.append(item)
        if self.refusals:
            return RefusedOrder(sorted(self.refusals, key=lambda r: r.line))
        return OrderRecord(head[0], group.name, values, lines)

    def _head(self, rows: list[_Row]) -> _Row | None:
        """The row that carries the order's own columns: the first with any of them filled."""
        markers = self.markers
        for row in rows:
            cells = row[1]
            for index in markers:
                if cells[index].strip():
                    return row
        return None

    def order_values(self, row: _Row) -> dict[str, object]:
        """The customer_order fields of the order's head row (the keys in the same order for
        every order of a file, which the upsert relies on)."""
        at = self.at
        cells = row[1]
        values: dict[str, object] = {"name": cells[at["name"]].strip()}
        if at["id"] != _NOWHERE:
            values["legacy_id"] = self._order_id(row)
        currency = self.layout.default_currency or ""
        if at["currency"] != _NOWHERE:
            cell = cells[at["currency"]]
            currency = cell.strip().upper() or currency
            if not currency:
                self._refuse(
                    row,
                    "currency",
                    Text(
                        "core.imports.shopify_rows",
                        "no currency (empty), and the ledger has no shop to take it from",
                    ),
                )
            elif not is_currency_code(currency):
                self._refuse(
                    row,
                    "currency",
                    Text("core.imports.shopify_rows", 'not a currency code: "{cell}"', cell=cell),
                )
        values["currency"] = currency
        for index, key, stored in self.amount_columns:
            values[stored] = self._amount(row, index, key, currency)
        for index, key, stored in self.time_columns:
            values[stored] = self._time(row, index, key)
        for index, _key, stored in self.status_columns:
            values[stored] = cells[index].strip().lower()
        for index, _key, stored in self.text_columns:
            values[stored] = _text(cells[index])
        if self.has_customer:
            billing_at, shipping_at = at["billing name"], at["shipping name"]
            billing = cells[billing_at].strip() if billing_at != _NOWHERE else ""
            if not billing and shipping_at != _NOWHERE:
                billing = cells[shipping_at].strip()
            values["customer_name"] = billing
        if self.layout.shop_id is not None:
            values["shop_id"] = self.layout.shop_id
        return values

    def line(self, row: _Row, currency: str) -> LineRecord | None:
        cells = row[1]
        if self.all_line_columns:
            title_at, quantity_at, price_at, sku_at, status_at = self.lines_at
            title = cells[title_at].strip()
            quantity_text = cells[quantity_at].strip()
            price_text = cells[price_at].strip()
            sku = cells[sku_at].strip()
            status = cells[status_at].strip()
        else:
            title, quantity_text, price_text, sku, status = (
                cells[i].strip() if i != _NOWHERE else "" for i in self.lines_at
            )
        if not (title or quantity_text or price_text or sku or status):
            return None
        quantity = 1
        if quantity_text:
            if (  # _plain_number, inlined: this runs for every row of the file
                quantity_text.isascii()
                and quantity_text.isdigit()
                and len(quantity_text) <= MAX_QUANTITY_DIGITS
            ):
                quantity = int(quantity_text)
            else:
                self._refuse(
                    row,
                    "lineitem quantity",
                    Text(
                        "core.imports.shopify_rows", 'not a quantity: "{text}"', text=quantity_text
                    ),
                )
        price = 0
        if price_text:
            price = self._amount(row, self.lines_at[2], "lineitem price", currency)
        return LineRecord(title, sku, quantity, price, status.lower())

    def _order_id(self, row: _Row) -> int | None:
        text = row[1][self.at["id"]].strip()
        if not text:
            return None
        if _plain_number(text, 19) and 0 < int(text) <= MAX_ORDER_ID:
            return int(text)
        if "E+" in text.upper():
            self._refuse(
                row,
                "id",
                Text(
                    "core.imports.shopify_rows",
                    'not an order id: "{text}" (a spreadsheet turned it into a rounded number)',
                    text=text,
                ),
            )
        else:
            self._refuse(
                row, "id", Text("core.imports.shopify_rows", 'not an order id: "{text}"', text=text)
            )
        return None

    def _amount(self, row: _Row, index: int, key: str, currency: str) -> int:
        text = row[1][index]
        cached = self.amounts.get((text, currency))
        if cached is not None:
            return cached
        if not text.strip():
            return 0
        try:
            minor = parse_amount(text, currency, decimal_mark=self.layout.decimal_mark)
        except AmountError as error:
            self._refuse(row, key, error.text)
            return 0
        if len(self.amounts) >= _CACHED:
            self.amounts.clear()
        self.amounts[text, currency] = minor
        return minor

    def _time(self, row: _Row, index: int, key: str) -> datetime | None:
        text = row[1][index]
        if not text.strip():
            return None
        zone = self.layout.local_zone
        try:
            try:
                moment = parse_export_time(text, zone, self.date_order)
            except AmbiguousDateError:  # the first slashed date: settle the file's order
                self.date_order = self.layout.dates.settle(text)
                moment = parse_export_time(text, zone, self.date_order)
        except TimestampError as error:
            self._refuse(row, key, error.text)
            return None
        if moment.tzinfo is zone:
            self.layout.dates.naive_times = True
        return moment

    def _refuse(self, row: _Row, key: str, reason: Text) -> None:
        self.refusals.append(Refusal(row[0], self.layout.column(key), reason))


MAX_ORDER_ID = 2**63 - 1  # SQLite's largest INTEGER
MAX_QUANTITY_DIGITS = 9


def _plain_number(text: str, digits: int) -> bool:
    """ASCII digits only ("²" and "١٢" are digits to str.isdigit) and not too many of them."""
    return text.isascii() and text.isdigit() and len(text) <= digits
