"""Import of the Shopify admin's Orders > Export CSV into the ledger, as one transaction.

The file streams through: rows are grouped into orders as they come, orders are upserted a
chunk at a time, and memory stays flat however long the file is. The merchant decides what
happens to unreadable rows: `mode="rest"` imports everything else, `mode="nothing"` imports
nothing when any row is refused. `dry_run=True` reads and classifies without writing, so a GUI
can show "1,204 new, 3 updated, 2 rows refused: import the rest?" before anything changes.

What the file leaves open (its currency, the day/month order of rewritten dates, its shop)
is settled from the ledger and the file or taken from `answers`; what stays open is a
question (core.imports.questions): a real import raises AnswersNeeded (nothing written), a
`provisional` dry run reads with the suggested answers and lists the questions. How each was
read is the summary's `reading`. Orders of another shop are never changed
(core.imports.shop_target).

Note attributes are stored with the order, and AliExpress order numbers found in notes, note
attributes and tags are linked on the way (core.linking). The run writes one Event (entity
"ledger", id 0), not one per order.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from sqlmodel import Session

from core import linking, settings
from core.imports.csv_source import CsvFile
from core.imports.errors import ImportCancelled
from core.imports.order_upsert import OrderUpserter, Outcome, Upserted
from core.imports.questions import (
    Answers,
    AnswersNeeded,
    Question,
    currency_question,
    is_iso_currency,
)
from core.imports.shop_target import other_shop_export, target_shop
from core.imports.shopify_rows import ExportLayout, OrderRecord, RefusedOrder, read_orders
from core.imports.summary import ImportSummary, Reading, Refusal
from core.ledger import Ledger, journal, search_index

log = logging.getLogger(__name__)

Mode = Literal["rest", "nothing"]
Progress = Callable[[int, int], None]  # (bytes read, total bytes)
Cancel = Callable[[], bool]  # polled between rows; True = stop and roll back

_REPORT_EVERY = 1_000  # records between progress reports / cancel checks
_LINK_BATCH = 500  # AliExpress numbers found before they are linked


class _Discard(Exception):
    """Roll the transaction back but hand the summary out (mode "nothing" with refusals)."""

    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("discarded")
        self.summary = summary


def import_shopify_csv(
    ledger: Ledger,
    path: Path | str,
    *,
    mode: Mode = "rest",
    dry_run: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    answers: Answers | None = None,
    locale: str | None = None,
    provisional: bool = False,
) -> ImportSummary:
    """Import (or with dry_run, preview) an orders export; counts in the summary are orders.

    `answers` are the merchant's (currency, date order, shop); `locale` is theirs ("de_DE"),
    whose date convention settles an order the file does not (None: it does not count).
    `provisional` (with dry_run) reads with suggested answers where a question is open.

    Raises ImportFileError (a subclass says why) without changing the ledger when the file
    cannot be imported at all (AnswersNeeded: questions are open; OtherShopExportError: it is
    another shop's export), ImportCancelled when `cancel()` turned true (nothing imported),
    linking.PatternError when the order number pattern setting is broken.
    """
    if mode not in ("rest", "nothing"):
        raise ValueError(f"mode must be 'rest' or 'nothing', not {mode!r}")
    path = Path(path)
    started = time.monotonic()
    with CsvFile(path) as source:
        try:
            with ledger.session() as session:
                run = _Run(
                    session,
                    source,
                    mode=mode,
                    dry_run=dry_run,
                    answers=answers or Answers(),
                    locale=locale,
                    provisional=provisional and dry_run,
                )
                summary = run.execute(progress, cancel)
                if mode == "nothing" and summary.refused and not dry_run:
                    raise _Discard(ImportSummary(refused=summary.refused))
                if dry_run:
                    raise _Discard(summary)
        except _Discard as discarded:
            summary = discarded.summary
    log.info(
        "imported %s: %d added, %d updated, %d unchanged, %d refused%s in %.1f s",
        path.name,
        summary.added,
        summary.updated,
        summary.unchanged,
        len(summary.refused),
        " (dry run)" if dry_run else "",
        time.monotonic() - started,
    )
    return summary


@dataclass
class _Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    linked: int = 0
    refused: list[Refusal] = field(default_factory=list)


class _Run:
    def __init__(
        self,
        session: Session,
        source: CsvFile,
        *,
        mode: Mode,
        dry_run: bool,
        answers: Answers,
        locale: str | None,
        provisional: bool,
    ) -> None:
        self.session = session
        self.source = source
        self.mode = mode
        self.dry_run = dry_run
        self.provisional = provisional
        self.zone_name = str(settings.get(session, "merchant_time_zone"))
        self.target, shop_asked = target_shop(
            session, source.path, answers.shop, provisional=provisional
        )
        self.questions: list[Question] = [shop_asked] if shop_asked is not None else []
        currency, self.currency_from = self._currency(answers, locale, "currency" in source.columns)
        self.layout = ExportLayout(
            source,
            default_currency=currency,
            local_zone=ZoneInfo(self.zone_name),
            date_order=answers.date_order,
            locale=locale,
            shop_id=self.target.shop_id,
        )
        self.pattern = linking.order_number_pattern(session)
        self.counts = _Counts()
        self._found: list[linking.Found] = []  # numbers found, not linked yet

    def _currency(
        self, answers: Answers, locale: str | None, has_column: bool
    ) -> tuple[str | None, str]:
        """The currency of orders that do not name one, and where it comes from."""
        if answers.currency is not None:
            if not is_iso_currency(answers.currency):
                raise ValueError(f"not an ISO 4217 currency code: {answers.currency!r}")
            return answers.currency, "answer"
        if self.target.currency:
            return self.target.currency, "shop"
        if has_column:
            return None, ""  # an empty cell is refused
        question = currency_question(locale)
        self.questions.append(question)
        return question.suggested, "suggested"

    def execute(self, progress: Progress | None, cancel: Cancel | None) -> ImportSummary:
        event = None
        if not self.dry_run:
            # Writing first takes SQLite's write lock now, so no other writer (a sync running in
            # the background) can slip an order in between our lookups and our inserts.
            event = journal.record(
                self.session, "shopify_csv_imported", "ledger", 0, {"file": self.source.path.name}
            )
            self.session.flush()
        connection = self.session.connection()
        upserter = OrderUpserter(
            connection,
            self.layout.stored_columns,
            self.layout.line_fields,
            name_column=self.layout.column("name"),
            id_column=self.layout.column("id"),
            target=self.target,
        )
        upserter.write = not self.dry_run and not self.questions
        if self.dry_run:
            self._read(upserter, progress, cancel)
        else:
            # Supplier orders created by linking are indexed for search once, at the end.
            raw = connection.connection.driver_connection
            assert raw is not None  # an open connection has its DB-API connection
            with search_index.deferred(raw.cursor()):
                self._read(upserter, progress, cancel)
        dates = self.layout.dates
        if dates.question is not None:
            self.questions.append(dates.question)
        if self.questions and not self.provisional:
            raise AnswersNeeded(self.source.path, self.questions)
        if not any(question.kind == "shop" for question in self.questions):
            other_shop_export(self.source.path, self.target, upserter.collided, upserter.with_id)
        counts = self.counts
        refused = sorted(counts.refused, key=lambda refusal: refusal.line)
        reading = self._reading()
        if event is not None:
            event.payload = _journal_payload(self.source, self.mode, counts, len(refused), reading)
            self.session.add(event)
        return ImportSummary(
            counts.added,
            counts.updated,
            counts.unchanged,
            refused,
            counts.linked,
            reading,
            list(self.questions),
        )

    def _reading(self) -> Reading:
        dates = self.layout.dates
        evidence = dates.evidence
        return Reading(
            currency=None if self.layout.has_currency else self.layout.default_currency,
            currency_from="" if self.layout.has_currency else self.currency_from,
            date_order=dates.order,
            date_order_from=dates.source or "",
            date_evidence=f'line {evidence.line}: "{evidence.text}"' if evidence else "",
            time_zone=self.zone_name if dates.naive_times else None,
            time_zone_from="merchant" if dates.naive_times else "",
            shop=self.target.domain,
        )

    def _read(
        self, upserter: OrderUpserter, progress: Progress | None, cancel: Cancel | None
    ) -> None:
        source = self.source
        total = source.total_bytes
        reported = 0  # records read when progress was last reported
        for item in read_orders(self.layout, source.records()):
            if isinstance(item, RefusedOrder):
                self._refuse(item.refusals, upserter)
            else:
                done, refusals = upserter.add(item)
                if done or refusals:
                    self._written(done, refusals, upserter)
            if source.records_read - reported >= _REPORT_EVERY:
                reported = source.records_read
                if cancel is not None and cancel():
                    raise ImportCancelled(f"import of {source.path.name} cancelled")
                if progress is not None:
                    progress(source.bytes_read(), total)
        self._written(*upserter.flush(), upserter)
        self._link(everything=True)
        if progress is not None:
            progress(total, total)

    def _refuse(self, refusals: list[Refusal], upserter: OrderUpserter) -> None:
        self.counts.refused.extend(refusals)
        if self.mode == "nothing":
            upserter.write = False  # nothing will be kept: just validate the rest

    def _written(
        self, done: list[Upserted], refusals: list[Refusal], upserter: OrderUpserter
    ) -> None:
        if refusals:
            self._refuse(refusals, upserter)
        counts = self.counts
        found = self._found
        pattern = self.pattern
        for item in done:
            if item.outcome is Outcome.ADDED:
                counts.added += 1
            elif item.outcome is Outcome.UPDATED:
                counts.updated += 1
            else:
                counts.unchanged += 1
            if item.order_id is not None and upserter.write:
                texts = _texts(item.record)
                if texts:
                    found.extend(linking.scan(item.order_id, texts, pattern))
        self._link()

    def _link(self, *, everything: bool = False) -> None:
        """Link the numbers found so far, a few hundred at a time (they are few per order)."""
        found = self._found
        ready = len(found) if everything else len(found) - len(found) % _LINK_BATCH
        if ready:
            batch, self._found = found[:ready], found[ready:]
            self.counts.linked += linking.link_found(self.session, batch, by="csv import").made


def _texts(record: OrderRecord) -> dict[str, str]:
    """The order's texts that may carry AliExpress order numbers; the empty ones left out
    (most orders have none, and this runs for every order)."""
    note = str(record.values.get("note", ""))
    tags = str(record.values.get("tags", ""))
    if not (note or tags or record.note_attributes):
        return {}
    texts = {"note": note, "note_attributes": record.note_attributes, "tags": tags}
    return {where: text for where, text in texts.items() if text}


def _journal_payload(
    source: CsvFile, mode: Mode, counts: _Counts, refused: int, reading: Reading
) -> str:
    return json.dumps(
        {
            "reading": reading.as_dict(),
            "file": source.path.name,
            "bytes": source.total_bytes,
            "encoding": source.encoding,
            "delimiter": source.delimiter,
            "mode": mode,
            "added": counts.added,
            "updated": counts.updated,
            "unchanged": counts.unchanged,
            "refused": refused,
            "linked": counts.linked,
        },
        sort_keys=True,
    )
