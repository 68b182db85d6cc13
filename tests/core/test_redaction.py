"""core.redaction: registered secrets and credential shapes vanish from text and log records."""

from __future__ import annotations

import json
import logging
import re
import secrets as std_secrets
import sys
import time
import traceback
from urllib.parse import quote, quote_plus

import pytest

from core.redaction import (
    REDACTED,
    RedactingFilter,
    Redactor,
    error_text,
    redact,
    redact_data,
    register_secret,
)

HEX = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"token shpat_{HEX} ok", f"token shpat_{REDACTED} ok"),
        (f"shpca_{HEX}", f"shpca_{REDACTED}"),
        (f"secret=shpss_{HEX}", f"secret=shpss_{REDACTED}"),
        (f"(shppa_{HEX})", f"(shppa_{REDACTED})"),
        (f"X-Shopify-Access-Token: {HEX}", f"X-Shopify-Access-Token: {REDACTED}"),
        (f"x-shopify-access-token:{HEX}\n", f"x-shopify-access-token:{REDACTED}\n"),
        (f"{{'X-Shopify-Access-Token': '{HEX}'}}", f"{{'X-Shopify-Access-Token': '{REDACTED}'}}"),
        (
            f"[(b'x-shopify-access-token', b'{HEX}')]",
            f"[(b'x-shopify-access-token', b'{REDACTED}')]",
        ),
        (f"?access_token={HEX}&x=1", f"?access_token={REDACTED}&x=1"),
        (
            f'{{"access_token": "{HEX}", "expires_in": 86399}}',
            f'{{"access_token": "{REDACTED}", "expires_in": 86399}}',
        ),
        ('{"access_token":"a\\"b c"}', f'{{"access_token":"{REDACTED}"}}'),
        (f'{{"refresh_token": "{HEX}"}}', f'{{"refresh_token": "{REDACTED}"}}'),
        (
            f"grant_type=client_credentials&client_id=abc&client_secret={HEX}",
            f"grant_type=client_credentials&client_id=abc&client_secret={REDACTED}",
        ),
        (f"'client_secret': '{HEX}'", f"'client_secret': '{REDACTED}'"),
        (f"client_secret: {HEX}", f"client_secret: {REDACTED}"),
        (
            f"/sync?app_key=503912&session={HEX}&sign_method=sha256&sign=AACF83260FE7&timestamp=1",
            f"/sync?app_key=503912&session={REDACTED}&sign_method=sha256&sign={REDACTED}&timestamp=1",
        ),
        (
            f'{{"session": "{HEX}", "sign": "AB12"}}',
            f'{{"session": "{REDACTED}", "sign": "{REDACTED}"}}',
        ),
        (f"Authorization: Bearer {HEX}", f"Authorization: Bearer {REDACTED}"),
        (f"app_secret={HEX}", f"app_secret={REDACTED}"),
    ],
)
def test_credential_shapes_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected
    assert redact(expected) == expected  # redacting twice changes nothing


@pytest.mark.parametrize(
    "text",
    [
        "sign_method=sha256&format=json&simplify=false",
        '{"code": "15", "msg": "Remote service error", "sub_code": "isv.1001"}',
        "Paste the token shaped like shpat_... here",
        "session: expired, please sign: in again",
        "order #1001 costs 12.50 EUR",
    ],
)
def test_ordinary_text_is_left_alone(text: str) -> None:
    assert redact(text) == text


def test_registered_secret_is_redacted_anywhere_and_in_its_escaped_spellings() -> None:
    redactor = Redactor()
    secret = "Ab&c:d/e f+" + std_secrets.token_hex(4)
    redactor.register(secret)
    for text in (
        f"prefix{secret}suffix",
        f"url ?x={quote(secret, safe='')}",
        f"form x={quote_plus(secret)}",
        f'json "{secret}"',
    ):
        redacted = redactor.redact(text)
        assert secret not in redacted
        assert REDACTED in redacted
    assert redactor.redact("nothing here") == "nothing here"


def _spelt(secret: str) -> dict[str, str]:
    percent = quote(secret, safe="")
    return {
        "url-lower": "".join(
            part.lower() if part.startswith("%") else part
            for part in re.split(r"(%[0-9A-F]{2})", percent)
        ),
        "json-u": "".join(f"\\u{ord(char):04x}" for char in secret),
        "json-U": "".join(f"\\u{ord(char):04X}" for char in secret),
        "json-slash": json.dumps(secret)[1:-1].replace("/", "\\/"),
        "json-of-url": json.dumps(quote_plus(secret))[1:-1],
        "mixed": "".join(
            c if i % 3 == 0 else quote(c, safe="") if i % 3 == 1 else f"\\u{ord(c):04x}"
            for i, c in enumerate(secret)
        ),
        "utf8-url": quote(secret, safe="", encoding="utf-8"),
    }


@pytest.mark.parametrize("spelling", list(_spelt("x" * 8)))
def test_a_secret_is_redacted_in_any_spelling_and_any_mix_of_them(spelling: str) -> None:
    redactor = Redactor()
    secret = 'Äb&c:d/e f+"' + std_secrets.token_hex(4)
    redactor.register(secret)
    written = _spelt(secret)[spelling]
    assert written != secret
    assert redactor.redact(f"said: <{written}>") == f"said: <{REDACTED}>"


def test_journal_payloads_and_errors_pass_the_same_gate() -> None:
    secret = "gate-" + std_secrets.token_hex(8)
    register_secret(secret)
    payload = {"error": f"refused {secret}", "nested": [{"why": secret}], "n": 3, "ok": None}
    assert redact_data(payload) == {
        "error": f"refused {REDACTED}",
        "nested": [{"why": REDACTED}],
        "n": 3,
        "ok": None,
    }
    assert error_text(ValueError(f"bad {secret}")) == f"bad {REDACTED}"
    assert error_text(KeyError()) == "KeyError"


def test_longer_secret_wins_over_its_prefix() -> None:
    redactor = Redactor()
    redactor.register("abcdefgh")
    redactor.register("abcdefgh-and-more")
    assert redactor.redact("x abcdefgh-and-more y") == f"x {REDACTED} y"


def test_short_values_cannot_be_registered() -> None:
    with pytest.raises(ValueError, match="at least 8"):
        Redactor().register("abc")


def _record(msg: object, args: object = None, exc: bool = False) -> logging.LogRecord:
    exc_info = sys.exc_info() if exc else None
    return logging.LogRecord("t", logging.ERROR, __file__, 1, msg, args, exc_info)  # type: ignore[arg-type]


def test_filter_redacts_message_args_and_dict_args() -> None:
    secret = "registered-" + std_secrets.token_hex(8)
    register_secret(secret)
    filt = RedactingFilter()

    record = _record(f"in message {secret} and %s, %r", (secret, {"k": f"shpat_{HEX}"}))
    assert filt.filter(record) is True
    text = record.getMessage()
    assert secret not in text and HEX not in text
    assert text.count(REDACTED) == 3

    record = _record("token %(tok)s", ({"tok": secret},))
    filt.filter(record)
    assert record.getMessage() == f"token {REDACTED}"


def test_filter_redacts_broken_format_without_leaking_args() -> None:
    secret = "broken-" + std_secrets.token_hex(8)
    register_secret(secret)
    record = _record("two %s %s", (secret,))
    RedactingFilter().filter(record)
    assert secret not in record.getMessage()
    assert "two %s %s" in record.getMessage()


def test_filter_redacts_exception_tracebacks_and_stack() -> None:
    secret = "traceback-" + std_secrets.token_hex(8)
    register_secret(secret)
    try:
        raise RuntimeError(f"token {secret} and access_token=zzzzzzzzzzzz rejected")
    except RuntimeError:
        record = _record("call failed", exc=True)
    record.stack_info = "".join(traceback.format_stack()) + secret
    RedactingFilter().filter(record)

    formatted = logging.Formatter().format(record)
    assert "RuntimeError: token [REDACTED] and access_token=[REDACTED] rejected" in formatted
    assert secret not in formatted and "zzzzzzzzzzzz" not in formatted
    assert record.exc_info is None  # nothing left for another formatter to render raw


def test_filter_redacts_exception_text_cached_by_an_earlier_handler() -> None:
    try:
        raise ValueError(f"bad shpat_{HEX}")
    except ValueError:
        record = _record("x", exc=True)
    logging.Formatter().format(record)  # an earlier handler caches exc_text, unredacted
    assert record.exc_text is not None and HEX in record.exc_text
    RedactingFilter().filter(record)
    assert HEX not in (record.exc_text or "")


def test_registering_many_secrets_stays_cheap() -> None:
    """Each secret's pattern is compiled once: a long-running process (or the test suite)
    that has seen hundreds of tokens does not recompile them all at every new one."""
    redactor = Redactor()
    started = time.monotonic()
    tokens = [f"shpat_{std_secrets.token_hex(16)}" for _ in range(200)]
    for token in tokens:
        redactor.register(token)
    assert time.monotonic() - started < 20  # about 0.6 s; all-in-one recompiling took minutes
    assert redactor.redact(f"a {tokens[0]} b {quote(tokens[-1])}") == f"a {REDACTED} b {REDACTED}"
