"""What went wrong talking to AliExpress, as typed exceptions with merchant-readable messages.

The gateway answers errors with an envelope (`error_response`), or with the same fields flat at
the top level (`/rest` always; `/sync` too, e.g. `{"type":"ISV","code":"IllegalTimestamp",...}`):
`flat_error_fields` recognises the latter. `error_from_fields` maps the codes to one of the
classes below; the message says what the merchant can do (`text` has it in German too). No
message ever contains a token or the app secret.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from core import redaction
from core.supplier_platforms.port import SupplierError
from core.texts import Text


class AliExpressError(SupplierError):
    """Base class. `str()` is the message for the merchant (`text`: English and German);
    codes are kept for the log."""

    #: Retrying the same call a little later may succeed (network, 5xx, call limit).
    retryable = False
    #: Every further call will fail the same way: stop a batch and tell the merchant.
    fatal = False

    def __init__(
        self,
        message: Text | str,
        *,
        code: str = "",
        sub_code: str = "",
        detail: str = "",
        request_id: str = "",
        german: str = "",
    ) -> None:
        text = message if isinstance(message, Text) else Text.pair(message, german or message)
        self.text = text.map_fields(redaction.redact)  # once for every subclass and caller
        self.message = self.text.english()
        super().__init__(self.message)
        self.code = code
        self.sub_code = sub_code
        self.detail = detail  # the platform's own wording (redacted)
        self.request_id = request_id  # quote it to AliExpress support

    def stopped_answering(self, message: str) -> SupplierError:
        return GatewayUnavailableError(message)


class TokenExpiredError(AliExpressError):
    """The access token is expired or revoked; refreshing it may help."""

    fatal = True


class ReconnectRequiredError(AliExpressError):
    """The refresh token is gone too: the merchant must connect AliExpress again."""

    fatal = True


class CredentialsError(AliExpressError):
    """The app key or app secret is wrong."""

    fatal = True


class SignatureError(CredentialsError):
    """The platform computed another signature: almost always a wrong app secret."""


class TimestampError(AliExpressError):
    """The request's time is too far from AliExpress' clock."""

    fatal = True


class PermissionDeniedError(AliExpressError):
    """The app (or the authorising account) may not use this API."""

    fatal = True


class OrderNotFoundError(AliExpressError):
    """AliExpress knows no such order in the connected account."""


class RateLimitedError(AliExpressError):
    """The call limit was hit: slow down."""

    retryable = True
    unavailable = True


class GatewayUnavailableError(AliExpressError):
    """No usable answer: network error, time-out or a server error (5xx)."""

    retryable = True
    unavailable = True


class UnexpectedResponseError(AliExpressError):
    """An answer Dropdesk cannot read (not JSON, or not the documented shape)."""


class GatewayError(AliExpressError):
    """Any other refusal; the platform's own message is quoted."""


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` without `secrets` nor anything the process-wide redactor knows or recognises."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, redaction.REDACTED)
    return redaction.redact(text)


def register_secrets(*secrets: str) -> None:
    """Make secrets unloggable process-wide (in memory only; too-short values are skipped)."""
    for secret in secrets:
        if len(secret) >= redaction.MIN_SECRET_LENGTH:
            redaction.register_secret(secret)


_TOKEN_CODES = {"illegalaccesstoken", "invalidaccesstoken", "accesstokenexpired", "26", "27"}
_REFRESH_CODES = {"illegalrefreshtoken", "invalidrefreshtoken", "refreshtokenexpired"}
_SIGNATURE_CODES = {"incompletesignature", "invalidsignature", "signaturedoesnotmatch", "25"}
_APP_KEY_CODES = {"invalidappkey", "appkeynotfound", "invalidapikey", "29"}
_TIMESTAMP_CODES = {"invalidtimestamp", "illegaltimestamp", "timestampexpired", "31"}
_PERMISSION_CODES = {"insufficientpermission", "invalidapipermission", "accessdenied", "11"}
_LIMIT_CODES = {"apicalllimit", "appcalllimit", "calllimited", "7"}
_NOT_FOUND_WORDS = ("not-exist", "not_exist", "notexist", "not exist", "not-found", "not found")


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


#: Keys only an error carries at the top level of an answer (a business answer nests its
#: result under `<method>_response`, a token answer has `access_token`).
_FLAT_ERROR_KEYS = ("type", "message", "msg", "sub_code", "sub_msg")


def flat_error_fields(body: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The error fields when `body` is an error written flat at the top level, else None.

    A flat error has a `code` other than "0" (the token endpoints' success code) beside an
    error's own keys, and none of an answer's: `<method>_response`, `result`, `ret` (a tracking
    result has its own `code`) or `access_token`.
    """
    code = _text(body.get("code"))
    if not code or code == "0":
        return None
    if any(key in body for key in ("access_token", "result", "ret")) or any(
        str(key).endswith("_response") for key in body
    ):
        return None
    if not any(key in body for key in _FLAT_ERROR_KEYS):
        return None
    return body


def error_from_fields(
    fields: Mapping[str, Any], *, secrets: Iterable[str] = (), subject: str = ""
) -> AliExpressError:
    """The exception for one error envelope's fields (`code`, `sub_code`, `msg`, ...)."""
    secrets = tuple(secrets)
    code = _text(fields.get("code"))
    sub_code = _text(fields.get("sub_code"))
    said = " ".join(
        _text(fields.get(key)) for key in ("msg", "message", "sub_msg") if fields.get(key)
    )
    detail = redact(said, secrets)
    request_id = _text(fields.get("request_id"))
    kwargs = {"code": code, "sub_code": sub_code, "detail": detail, "request_id": request_id}
    lcode, lsub, lsaid = code.lower(), sub_code.lower(), said.lower()
    about = f" ({subject})" if subject else ""

    if lcode in _REFRESH_CODES or "refresh-token" in lsub or "refresh token" in lsaid:
        return ReconnectRequiredError(
            Text(
                "core.aliexpress.errors",
                "The AliExpress connection has expired. Connect AliExpress again to continue.",
            ),
            **kwargs,
        )
    if (
        lcode in _TOKEN_CODES
        or "session" in lsub
        or "access-token" in lsub
        or "access token" in lsaid
    ):
        return TokenExpiredError(
            Text(
                "core.aliexpress.errors",
                "AliExpress no longer accepts the saved access token (it expired or was revoked).",
            ),
            **kwargs,
        )
    if lcode in _SIGNATURE_CODES or "signature" in lsub:
        return SignatureError(
            Text(
                "core.aliexpress.errors",
                "AliExpress refused the request signature: the app secret is probably "
                "wrong. Enter the app secret again (AliExpress Open Platform > App "
                "Overview).",
            ),
            **kwargs,
        )
    if lcode in _APP_KEY_CODES or "app-key" in lsub or "appkey" in lsub:
        return CredentialsError(
            Text(
                "core.aliexpress.errors",
                "AliExpress does not know this app key. Check the app key in the settings.",
            ),
            **kwargs,
        )
    if lcode in _TIMESTAMP_CODES or "timestamp" in lsub:
        return TimestampError(
            Text(
                "core.aliexpress.errors",
                "AliExpress refused the request because this computer's clock is wrong. Set "
                "the date, time and time zone of this computer correctly (ideally: set "
                "automatically), then try again.",
            ),
            **kwargs,
        )
    if lcode in _PERMISSION_CODES or "permission" in lsub or "permission" in lsaid:
        return PermissionDeniedError(
            f"The AliExpress app is not allowed to do this{about}. Check that the app has the "
            "dropshipping API permissions and that the right AliExpress account is connected.",
            **kwargs,
        )
    if ("order" in lsub or "order" in lsaid) and any(
        word in lsub or word in lsaid for word in _NOT_FOUND_WORDS
    ):
        return OrderNotFoundError(
            f"AliExpress has no such order in the connected account{about}.", **kwargs
        )
    if lcode in _LIMIT_CODES or "limit" in lcode or "limit" in lsub:
        return RateLimitedError(
            Text(
                "core.aliexpress.errors",
                "AliExpress asks Dropdesk to slow down (call limit reached). Try again "
                "in a few minutes.",
            ),
            **kwargs,
        )
    if lsub.startswith("isp.") and any(w in lsub for w in ("unavailable", "timeout", "unknown")):
        return GatewayUnavailableError(
            Text(
                "core.aliexpress.errors",
                "AliExpress had a temporary problem. Try again later.",
            ),
            **kwargs,
        )
    shown = f": {detail}" if detail else ""
    return GatewayError(
        f"AliExpress refused the request{about}{shown} (code {code or '?'}"
        f"{', ' + sub_code if sub_code else ''}).",
        **kwargs,
    )
