"""Strip secrets from text before it reaches a log file, an error dialog or an export.

Two nets: the exact values of every secret Dropdesk has stored or read (registered by
`core.secrets`, or by a client holding a short-lived token), and patterns for anything shaped
like a credential (Shopify token prefixes, `access_token=...`, `"client_secret": "..."`, ...),
which also catch secrets the registry never saw.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from typing import Any

REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 8
"""Shorter values are refused: redacting every "abc" would mangle ordinary text."""

# Shopify token shapes: Admin API (shpat), custom app (shpca), shared secret (shpss),
# private app (shppa), user access (shpua).
_SHOPIFY_TOKEN = re.compile(r"\b(shp(?:at|ca|ss|pa|ua))_[A-Za-z0-9]{6,}")

# Keys whose value is always a secret, in any notation (query, JSON, header, "key: value").
_STRONG_KEYS = (
    r"x-shopify-access-token|authorization|access[_-]?token|refresh[_-]?token"
    r"|client[_-]?secret|app[_-]?secret|password"
)
# Keys that are secrets only in a query string or a JSON/dict, where they are unambiguous
# (prose like "sign: here" or "session: 3" stays readable).
_WEAK_KEYS = r"session|sign"

_QUOTED_VALUE = re.compile(
    rf"""(?P<head>(?P<q>["'])(?:{_STRONG_KEYS}|{_WEAK_KEYS})(?P=q)\s*[:=,]\s*b?)"""
    r"""(?P<vq>["'])(?P<value>(?:\\.|(?!(?P=vq)).)*)(?P=vq)""",
    re.IGNORECASE,
)
# An unquoted value ends at a separator; "[REDACTED]" already inside it is taken whole, so
# redacting twice gives the same text.
_BARE = r"(?:\[REDACTED\]|[^&\s\"'<>,;()\[\]{}])+"
_QUERY_VALUE = re.compile(
    rf"(?P<head>(?<![\w-])(?:{_STRONG_KEYS}|{_WEAK_KEYS})=)(?P<value>{_BARE})",
    re.IGNORECASE,
)
_COLON_VALUE = re.compile(
    rf"(?P<head>(?<![\w-])(?:{_STRONG_KEYS})\s*:\s*(?:(?:Bearer|Basic|Token)\s+)?)"
    rf"(?P<value>{_BARE})",
    re.IGNORECASE,
)


_JSON_SHORT_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "/": "\\/",
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
}


def _any_spelling(secret: str) -> str:
    """A pattern matching `secret` with each character in any of its encoded spellings."""
    parts = []
    for char in secret:
        forms = [re.escape(char)]
        # quote / quote_plus, either case of hex (a multi-byte character is several %XX)
        forms.append("".join(f"%(?i:{byte:02x})" for byte in char.encode("utf-8")))
        if char == " ":
            forms.append(r"\+")
        if ord(char) <= 0xFFFF:
            forms.append(rf"\\u(?i:{ord(char):04x})")
        else:  # a JSON surrogate pair
            high, low = divmod(ord(char) - 0x10000, 0x400)
            forms.append(rf"\\u(?i:{0xD800 + high:04x})\\u(?i:{0xDC00 + low:04x})")
        if char in _JSON_SHORT_ESCAPES:
            forms.append(re.escape(_JSON_SHORT_ESCAPES[char]))
        parts.append(f"(?:{'|'.join(forms)})")
    return "".join(parts)


def _keep_head(match: re.Match[str]) -> str:
    quote_char = match.groupdict().get("vq") or ""
    return f"{match['head']}{quote_char}{REDACTED}{quote_char}"


class Redactor:
    """A thread-safe set of known secret values plus the credential patterns."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: set[str] = set()
        # One compiled pattern per secret, longest secret first (it wins over its prefix):
        # registering compiles only the new one, however many came before.
        self._patterns: tuple[tuple[int, re.Pattern[str]], ...] = ()

    def register(self, secret: str) -> None:
        """Remember a secret for every later redact, in any spelling a server or a log may use.

        Each character may appear as itself, percent-encoded (`%2F`, `%2f`; `+` for a space as
        quote_plus writes it), JSON-escaped (`\\u0073`, `\\/`) or as a one-letter JSON escape
        (`\\n`), so mixed spellings (a JSON error quoting a URL-encoded token) are caught too.
        """
        if len(secret) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"a secret must be at least {MIN_SECRET_LENGTH} characters to be redacted safely"
            )
        with self._lock:
            if secret in self._values:
                return
        pattern = re.compile(_any_spelling(secret))  # outside the lock: a few milliseconds
        with self._lock:
            if secret in self._values:  # another thread was quicker
                return
            self._values.add(secret)
            patterns = [*self._patterns, (len(secret), pattern)]
            self._patterns = tuple(sorted(patterns, key=lambda entry: -entry[0]))

    def is_registered(self, secret: str) -> bool:
        with self._lock:
            return secret in self._values

    def redact(self, text: str) -> str:
        """`text` with every registered secret and every credential-shaped value replaced."""
        # Exact values first (a secret may contain "&" or ":"), then whole key/value pairs,
        # then bare token shapes.
        for _length, pattern in self._patterns:
            text = pattern.sub(REDACTED, text)
        text = _QUOTED_VALUE.sub(_keep_head, text)
        text = _QUERY_VALUE.sub(_keep_head, text)
        text = _COLON_VALUE.sub(_keep_head, text)
        return _SHOPIFY_TOKEN.sub(lambda m: f"{m[1]}_{REDACTED}", text)


registry = Redactor()
"""The process-wide registry that `core.secrets` feeds and the logging filter reads."""


def register_secret(secret: str) -> None:
    """Make `secret` unloggable, e.g. a short-lived access token that never hits the keyring."""
    registry.register(secret)


def redact(text: str) -> str:
    """`text` safe to log, show or export, according to the process-wide registry."""
    return registry.redact(text)


def redact_data(value: Any) -> Any:
    """A copy of `value` (a journal payload: dicts, lists, strings, numbers) with every string
    redacted, keys included; anything else becomes its redacted text, as json.dumps(default=str)
    would have written it."""
    if isinstance(value, str):
        return redact(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Mapping):
        return {redact(str(key)): redact_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [redact_data(item) for item in value]
    return redact(str(value))


def error_text(error: BaseException) -> str:
    """What may be stored or shown of `error`: its message (or class name), redacted.

    The one gate for turning an exception into text that outlives it (journal payloads, error
    columns, status lines): a server that quoted a token in its answer cannot get it stored.
    """
    return redact(str(error) or type(error).__name__)


class RedactingFilter(logging.Filter):
    """Redacts a record's message, arguments, exception and stack text in place.

    Attach it to a handler (not a logger) so records propagated from every logger pass
    through it. The message is formatted here, once, so a secret hidden in an argument's
    repr or split between format string and arguments is caught too.
    """

    def __init__(self, redactor: Redactor | None = None) -> None:
        super().__init__()
        self._redactor = redactor or registry

    def filter(self, record: logging.LogRecord) -> bool:
        scrub = self._redactor.redact
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not leak its arguments either
            message = f"{record.msg!s} (arguments: {record.args!r})"
        record.msg = scrub(message)
        record.args = None
        if hasattr(record, "message"):
            record.message = record.msg
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        # The exception object still holds the secret; formatters use exc_text instead.
        record.exc_info = None
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
