"""Why a cancellation step did not happen, in words the wizard can show as they are."""

from __future__ import annotations

from datetime import datetime

from core.texts import Text


class CancelError(Exception):
    """A step of the cancel workflow could not be taken; `text` is for the merchant, in both
    languages (str() is the English, for logs; a message without German shows in English)."""

    def __init__(self, message: Text | str, german: str | None = None) -> None:
        self.text = message if isinstance(message, Text) else Text.pair(message, german or message)
        super().__init__(self.text.english())


class CancellationNotFoundError(CancelError):
    """No cancellation (or supplier order) with that id."""


class IllegalTransitionError(CancelError):
    """The step is not possible from the run's current state."""


class CancellationOpenError(CancelError):
    """The supplier order already has an open cancellation: resume that one."""

    def __init__(
        self, message: Text | str, cancellation_id: int, german: str | None = None
    ) -> None:
        super().__init__(message, german)
        self.cancellation_id = cancellation_id


class OutOfPocketNotAcknowledgedError(CancelError):
    """A Shopify step before the supplier agreed needs `acknowledge_out_of_pocket=True`."""


class StepUnavailableError(CancelError):
    """The step needs something missing: credentials, a linked order, a deadline to pass."""


class ShopOutcomePendingError(CancelError):
    """Shopify may still be acting on a request; check again later (`resume`), do not resend."""

    def __init__(self, message: Text | str, retry_after: datetime | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ShopStepFailedError(CancelError):
    """Shopify did not do the step (refused, or failed before acting); the run is back to
    the step's to-do state and the merchant can try again or do it by hand."""
