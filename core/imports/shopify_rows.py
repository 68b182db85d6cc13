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
from core.imports.errors import NotAShopifyExportError
from core.imports.summary import Refusal
from core.imports.timestamps import TimestampError, parse_export_time

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
    ("tags", "tags"),
    ("billing name", "customer_name"),
    ("shipping name", "customer_name"),
)
_OTHER_COLUMNS = ("name", "note attributes", "subtotal")
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
    note_attributes: str = ""

    @property
    def legacy_id(self) -> int | None:
        value = self.values.get("legacy_id")
        return value if isinstance(value, int) else None


@dataclass(slots=True)
class RefusedOrder:
    """An order (or a row that belongs to none) that could not be read."""

    refusals: list[Refusal]


@dataclass(slots=True)
class _Row:
    line: int
    cells: dict[str, str]
    problem: Refusal | None = None


@dataclass(slots=True)
class _Group:
    name: str
    rows: list[_Row] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


class ExportLayout:
    """Where the wanted columns sit in this file, and how its values are written."""

    def __init__(self, source: CsvFile, *, default_currency: str, local_zone: tzinfo) -> None:
        columns = source.columns
        if "name" not in columns:
            raise NotAShopifyExportError(
                source.path,
                f'{source.path.name} is not a Shopify orders export: it has no "Name" column '
                "(the order number, e.g. #1001). In the Shopify admin use Orders > Export.",
            )
        if not any(column in columns for column in _SIGNS_OF_AN_EXPORT):
            raise NotAShopifyExportError(
                source.path,
                f"{source.path.name} is not a Shopify orders export: it has a Name column but "
                "none of Id, Total, Financial Status or Lineitem name.",
            )
        self.path = source.path
        self.width = len(source.header)
        self.index = {key: columns[key] for key in _WANTED if key in columns}
        self.spelled = {key: source.header[i].strip() for key, i in self.index.items()}
        self.decimal_mark = source.decimal_mark
        self.default_currency = default_currency
        self.local_zone = local_zone
        self.stored_columns = frozenset(
            stored for column, stored in ORDER_COLUMNS if column in self.index
        ) | {"name"}
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
    name_at = layout.index["name"]
    try:
        for line, cells in records:
            row = _row(layout, line, cells)
            name = cells[name_at].strip() if name_at < len(cells) else ""
            if not name:
                if row.problem is None:
                    row.problem = Refusal(line, layout.column("name"), "no order name (empty)")
                yield RefusedOrder([row.problem])
                continue
            if group is None or name != group.name:
                if group is not None:
                    yield _finish(layout, group)
                group = _Group(name)
                if name in seen:
                    group.refusals.append(
                        Refusal(
                            line,
                            layout.column("name"),
                            f"order {name} already appeared on line {seen[name]}: "
                            "the rows of one order must be next to each other",
                        )
                    )
                else:
                    seen[name] = line
            group.rows.append(row)
    except BrokenRecord as broken:
        refusals = [Refusal(broken.line, "", broken.reason)]
        if group is not None:
            first = group.rows[0].line
            refusals.insert(
                0,
                Refusal(
                    first,
                    layout.column("name"),
                    f"order {group.name} not imported: its rows may go on in the part of the "
                    f"file that could not be read (from line {broken.line})",
                ),
            )
            group = None
        yield RefusedOrder(refusals)
    if group is not None:
        yield _finish(layout, group)


def _row(layout: ExportLayout, line: int, cells: list[str]) -> _Row:
    if len(cells) != layout.width:
        problem = Refusal(line, "", f"has {len(cells)} fields where the header has {layout.width}")
        return _Row(line, {}, problem)
    return _Row(line, {key: cells[i] for key, i in layout.index.items()})


def _finish(layout: ExportLayout, group: _Group) -> OrderRecord | RefusedOrder:
    refusals = list(group.refusals)
    refusals.extend(row.problem for row in group.rows if row.problem is not None)
    readable = [row for row in group.rows if row.problem is None]
    if refusals or not readable:
        return RefusedOrder(refusals)
    head = next(
        (row for row in readable if any(row.cells[m].strip() for m in layout.markers)), None
    )
    if head is None:
        if layout.markers:
            wanted = ", ".join(layout.column(m) for m in layout.markers)
            return RefusedOrder(
                [
                    Refusal(
                        readable[0].line,
                        layout.column(layout.markers[0]),
                        f"no row of order {group.name} has its order details ({wanted} are "
                        "empty): was the file sorted or cut?",
                    )
                ]
            )
        head = readable[0]
    parser = _Parser(layout)
    values = parser.order_values(head)
    currency = str(values["currency"])
    lines = [line for row in readable if (line := parser.line(row, currency)) is not None]
    if parser.refusals:
        return RefusedOrder(sorted(parser.refusals, key=lambda r: r.line))
    note_attributes = _text(head.cells.get("note attributes", ""))
    return OrderRecord(head.line, group.name, values, lines, note_attributes)


def _text(cell: str) -> str:
    """Free text, with line breaks as "\\n" whichever way the spreadsheet wrote them."""
    return cell.replace("\r\n", "\n").replace("\r", "\n").strip()


class _Parser:
    """Parses one order's cells, collecting a Refusal per unreadable value."""

    def __init__(self, layout: ExportLayout) -> None:
        self.layout = layout
        self.refusals: list[Refusal] = []

    def order_values(self, row: _Row) -> dict[str, object]:
        cells = row.cells
        values: dict[str, object] = {"name": cells["name"].strip()}
        if "id" in cells:
            values["legacy_id"] = self._order_id(row)
        if "currency" in cells:
            code = cells["currency"].strip().upper() or self.layout.default_currency
            if not is_currency_code(code):
                self._refuse(row, "currency", f'not a currency code: "{cells["currency"]}"')
            values["currency"] = code
        currency = str(values.setdefault("currency", self.layout.default_currency))
        for key, stored in (("total", "total_minor"), ("refunded amount", "refunded_minor")):
            if key in cells:
                values[stored] = self._amount(row, key, currency)
        for key, stored in (("created at", "created_at"), ("cancelled at", "cancelled_at")):
            if key in cells:
                values[stored] = self._time(row, key)
        for key, stored in (
            ("financial status", "financial_status"),
            ("fulfillment status", "fulfillment_status"),
        ):
            if key in cells:
                values[stored] = cells[key].strip().lower()
        for key, stored in (("email", "email"), ("notes", "note"), ("tags", "tags")):
            if key in cells:
                values[stored] = _text(cells[key])
        if "billing name" in cells or "shipping name" in cells:
            billing = cells.get("billing name", "").strip()
            values["customer_name"] = billing or cells.get("shipping name", "").strip()
        return values

    def line(self, row: _Row, currency: str) -> LineRecord | None:
        if not self.layout.has_lines:
            return None
        cells = row.cells
        texts = [cells.get(key, "").strip() for key in LINE_COLUMNS]
        if not any(texts):
            return None
        title, quantity_text, price_text, sku, status = texts
        quantity = 1
        if quantity_text:
            if _plain_number(quantity_text, MAX_QUANTITY_DIGITS):
                quantity = int(quantity_text)
            else:
                self._refuse(row, "lineitem quantity", f'not a quantity: "{quantity_text}"')
        price = self._amount(row, "lineitem price", currency) if price_text else 0
        return LineRecord(title, sku, quantity, price, status.lower())

    def _order_id(self, row: _Row) -> int | None:
        text = row.cells["id"].strip()
        if not text:
            return None
        if _plain_number(text, 19) and 0 < int(text) <= MAX_ORDER_ID:
            return int(text)
        hint = " (a spreadsheet turned it into a rounded number)" if "E+" in text.upper() else ""
        self._refuse(row, "id", f'not an order id: "{text}"{hint}')
        return None

    def _amount(self, row: _Row, key: str, currency: str) -> int:
        text = row.cells[key]
        if not text.strip():
            return 0
        try:
            return parse_amount(text, currency, decimal_mark=self.layout.decimal_mark)
        except AmountError as error:
            self._refuse(row, key, str(error))
            return 0

    def _time(self, row: _Row, key: str) -> datetime | None:
        text = row.cells[key]
        if not text.strip():
            return None
        try:
            return parse_export_time(text, self.layout.local_zone)
        except TimestampError as error:
            self._refuse(row, key, str(error))
            return None

    def _refuse(self, row: _Row, key: str, reason: str) -> None:
        self.refusals.append(Refusal(row.line, self.layout.column(key), reason))


MAX_ORDER_ID = 2**63 - 1  # SQLite's largest INTEGER
MAX_QUANTITY_DIGITS = 9


def _plain_number(text: str, digits: int) -> bool:
    """ASCII digits only ("²" and "١٢" are digits to str.isdigit) and not too many of them."""
    return text.isascii() and text.isdigit() and len(text) <= digits
