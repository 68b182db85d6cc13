"""The port every supplier platform fills: what the app needs from AliExpress today and from
a second platform (CJdropshipping, …) tomorrow.

A platform names itself (`id`, stored in `Supplier.platform`; `name`, shown), classifies its
raw status words into the ledger's one vocabulary (`core.status_words`), gives the order page
the merchant opens for a manual step, and has a client that answers `OrderSource`; the refresh
(`core.supplier_platforms.refresh`) does the rest the same way for every platform.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class Status:
    """One order's state in the ledger's vocabulary (`core.status_words`), as stored."""

    order_status: str
    logistics_status: str = ""
    end_reason: str = ""
    #: The platform's raw words that the vocabulary has no place for (kept raw, reported).
    unknown: tuple[str, ...] = ()


class RemoteOrder(Protocol):
    """One order as the platform's client reports it, in the platform's own (raw) words."""

    @property
    def order_id(self) -> str: ...
    @property
    def order_status(self) -> str: ...
    @property
    def logistics_status(self) -> str: ...
    @property
    def end_reason(self) -> str: ...
    @property
    def tracking_number(self) -> str: ...
    @property
    def carrier(self) -> str: ...


class RemoteTracking(Protocol):
    """A parcel's tracking as the platform's client reports it."""

    @property
    def tracking_number(self) -> str: ...
    @property
    def carrier(self) -> str: ...
    @property
    def first_event_at(self) -> datetime | None: ...


class OrderSource(Protocol):
    """A connected client of one platform (`DropshipApi` for AliExpress)."""

    def order(self, external_order_id: str) -> RemoteOrder: ...

    def tracking(self, external_order_id: str) -> RemoteTracking | None: ...


class SupplierPlatform(Protocol):
    """A supplier platform as the app sees it; registered in `core.supplier_platforms`."""

    @property
    def id(self) -> str:
        """Stored in `Supplier.platform` and in journal kinds: lower case, never renamed."""
        ...

    @property
    def name(self) -> str:
        """The platform's own name as the merchant knows it (not translated)."""
        ...

    def classify(
        self, order_status: str, logistics_status: str = "", end_reason: str = ""
    ) -> Status:
        """The platform's raw words in the ledger's vocabulary."""
        ...

    def order_url(self, external_order_id: str) -> str:
        """The page where the merchant acts on the order by hand (cancel, dispute)."""
        ...


class SupplierError(Exception):
    """What a platform's client raises. The refresh reads these flags, never the class."""

    #: Retrying the same call a little later may succeed (network, 5xx, call limit).
    retryable = False
    #: Every further call will fail the same way: stop a batch and tell the merchant.
    fatal = False
    #: The platform did not answer usefully (down, or throttling): many in a row stop a run.
    unavailable = False
    code = ""
    sub_code = ""
    request_id = ""

    def stopped_answering(self, message: str) -> SupplierError:
        """The error that ends a refresh after too many `unavailable` ones in a row."""
        return type(self)(message)
