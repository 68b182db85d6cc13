"""The HTTP side of the Open Platform: system parameters, signing, retries, error envelopes.

`GatewayClient` knows the app key and secret but no token: business calls take the access token
(`session`) as an argument, so token handling (`oauth.py`) sits on top without a cycle.
Parameters travel in a form-encoded POST body, never in the URL, so no token lands in a proxy
log. Every HTTP attempt waits for the shared per-second budget (`RateLimiter`). Answers are
received through `core.http_limits`: a body over `max_body_bytes` (decoded), an attempt over
`attempt_deadline` seconds or a call (its retries and waits included) over `call_deadline`
seconds, and JSON nested too deeply each end in an AliExpressError.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import TracebackType
from typing import Any

import httpx

from core import http_limits
from core.aliexpress.errors import (
    AliExpressError,
    GatewayUnavailableError,
    RateLimitedError,
    UnexpectedResponseError,
    error_from_fields,
    flat_error_fields,
    register_secrets,
)
from core.aliexpress.gateway import Gateway
from core.aliexpress.rate_limit import RateLimiter
from core.aliexpress.retry import RetryPolicy
from core.aliexpress.signing import SIGN_METHOD, sign
from core.texts import Text

log = logging.getLogger(__name__)

#: Calls per second when the caller sets no budget: gentle for a desktop app.
DEFAULT_CALLS_PER_SECOND = 5.0
SYSTEM_PARAMS = frozenset(
    {"app_key", "method", "timestamp", "sign_method", "format", "simplify", "session", "sign"}
)


class GatewayClient:
    """Signed calls to the `/sync` gateway and to `/rest` paths, with bounded retries."""

    def __init__(
        self,
        app_key: str,
        app_secret: str,
        *,
        gateway: Gateway | None = None,
        retry: RetryPolicy | None = None,
        limiter: RateLimiter | None = None,
        timeout: float = 20.0,
        clock: Callable[[], float] = time.time,
        max_body_bytes: int = http_limits.MAX_BODY_BYTES,
        attempt_deadline: float = 45.0,
        call_deadline: float = 90.0,
    ) -> None:
        """`attempt_deadline`: seconds one HTTP attempt may take, however the server trickles
        its bytes; `call_deadline`: seconds a call may take with its retries and waits."""
        if not app_key.strip() or not app_secret:
            raise ValueError("an app key and an app secret are needed")
        self.app_key = app_key.strip()
        self._secret = app_secret
        register_secrets(app_secret)
        self.gateway = gateway or Gateway()
        self.retry = retry or RetryPolicy()
        self.limiter = limiter or RateLimiter(DEFAULT_CALLS_PER_SECOND)
        self._clock = clock
        self.max_body_bytes = max_body_bytes
        self.attempt_deadline = attempt_deadline
        self.call_deadline = call_deadline
        self._streams = http_limits.Streams()
        self._http = httpx.Client(
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": "Dropdesk"},
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
        )
        self._sent = itertools.count()
        self.requests_sent = 0  # HTTP attempts, retries included

    def __repr__(self) -> str:
        return f"GatewayClient(app_key={self.app_key!r}, gateway={self.gateway.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> GatewayClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    # -- calls -------------------------------------------------------------------------------

    def call(
        self,
        method: str,
        params: Mapping[str, str] | None = None,
        *,
        session: str | None = None,
        subject: str = "",
    ) -> dict[str, Any]:
        """Call business API `method`; returns the body of `<method>_response`.

        `subject` names what the call is about (e.g. "order 8123...") in error messages.
        """
        business = dict(params or {})
        clash = SYSTEM_PARAMS & business.keys()
        if clash:
            raise ValueError(f"business parameters may not set {sorted(clash)}")

        def build() -> dict[str, str]:
            system = {
                "app_key": self.app_key,
                "method": method,
                "timestamp": self._timestamp(),
                "sign_method": SIGN_METHOD,
                "format": "json",
                "simplify": "false",
            }
            if session:
                system["session"] = session
            signed = {**system, **business}
            signed["sign"] = sign(signed, self._secret)
            return signed

        body = self._post(self.gateway.sync_url, build, session=session, subject=subject)
        if "error_response" in body:
            raise self._error(body["error_response"], session, subject)
        flat = flat_error_fields(body)  # the same fields, not wrapped
        if flat is not None:
            raise self._error(dict(flat), session, subject)
        expected = method.replace(".", "_") + "_response"
        inner = body.get(expected)
        if inner is None:
            candidates = [key for key in body if key.endswith("_response")]
            inner = body.get(candidates[0]) if len(candidates) == 1 else body
        if not isinstance(inner, dict):
            raise UnexpectedResponseError(
                Text(
                    "core.aliexpress.client",
                    "AliExpress answered {method} in an unknown shape; try again later.",
                    method=method,
                )
            )
        return inner

    def rest(
        self, api_path: str, params: Mapping[str, str], *, idempotent: bool = True
    ) -> dict[str, Any]:
        """Call a `/rest` path (the token endpoints); the path is signed in front.

        A non-idempotent call (exchanging a one-time code) is retried only when it cannot have
        reached the server.
        """

        def build() -> dict[str, str]:
            signed = {
                "app_key": self.app_key,
                "timestamp": self._timestamp(),
                "sign_method": SIGN_METHOD,
                **params,
            }
            signed["sign"] = sign(signed, self._secret, api_path)
            return signed

        secrets = [value for key, value in params.items() if "token" in key or key == "code"]
        body = self._post(
            self.gateway.rest_url(api_path), build, idempotent=idempotent, extra_secrets=secrets
        )
        envelope = body.get("error_response", body)
        code = envelope.get("code") if isinstance(envelope, dict) else None
        if "error_response" in body or (code is not None and str(code) not in ("0", "")):
            raise self._error(envelope, None, "", extra_secrets=secrets)
        return body

    # -- plumbing ----------------------------------------------------------------------------

    def _timestamp(self) -> str:
        return str(int(self._clock() * 1000))

    def _secrets(self, session: str | None, extra: list[str] | None = None) -> list[str]:
        return [self._secret, *(extra or []), *([session] if session else [])]

    def _error(
        self,
        fields: Any,
        session: str | None,
        subject: str,
        *,
        extra_secrets: list[str] | None = None,
    ) -> AliExpressError:
        if not isinstance(fields, dict):
            return UnexpectedResponseError(
                Text(
                    "core.aliexpress.client",
                    "AliExpress sent an error Dropdesk cannot read.",
                )
            )
        return error_from_fields(
            fields, secrets=self._secrets(session, extra_secrets), subject=subject
        )

    def _post(
        self,
        url: str,
        build: Callable[[], dict[str, str]],
        *,
        session: str | None = None,
        subject: str = "",
        idempotent: bool = True,
        extra_secrets: list[str] | None = None,
    ) -> dict[str, Any]:
        """POST with bounded retries on network errors, 5xx and call limits; parsed JSON."""
        started = self.retry.monotonic()
        call = http_limits.Deadline(self.call_deadline)
        failures = 0
        while True:
            self.limiter.acquire()
            self.requests_sent = next(self._sent) + 1
            attempt = call.sooner(self.attempt_deadline)
            try:
                response = http_limits.send_bounded(
                    self._http,
                    self._http.build_request("POST", url, data=build()),
                    deadline=attempt,
                    streams=self._streams,
                    max_bytes=self.max_body_bytes,
                )
                body = self._parse(response)
                fields = body.get("error_response", flat_error_fields(body))
                if fields is not None:
                    error = self._error(fields, session, subject)
                    if isinstance(error, RateLimitedError):
                        raise error
                return body
            except (httpx.ConnectError, httpx.ConnectTimeout) as failure:
                error = GatewayUnavailableError(
                    Text(
                        "core.aliexpress.client",
                        "AliExpress could not be reached ({name}). Check the internet "
                        "connection and try again.",
                        name=type(failure).__name__,
                    )
                )
            except (httpx.TransportError, http_limits.DeadlineExceeded) as failure:
                if isinstance(failure, http_limits.DeadlineExceeded):
                    seconds = http_limits.describe_seconds(attempt.seconds)
                    error = GatewayUnavailableError(
                        f"AliExpress did not send a complete answer within {seconds}. "
                        "Try again later."
                    )
                else:
                    error = GatewayUnavailableError(
                        Text(
                            "core.aliexpress.client",
                            "The connection to AliExpress broke off ({name}). Try again later.",
                            name=type(failure).__name__,
                        )
                    )
                if not idempotent:
                    raise error from None
            except http_limits.AnswerTooLarge as refused:
                raise UnexpectedResponseError(
                    Text(
                        "core.aliexpress.client",
                        "AliExpress sent {refused_reason}; Dropdesk stopped reading it. Try "
                        "again later; if it keeps happening, something between this computer "
                        "and AliExpress alters the answers.",
                        refused_reason=refused.reason,
                    )
                ) from None
            except http_limits.AnswerRefused as refused:  # unasked encoding, damaged, too deep
                raise UnexpectedResponseError(
                    Text(
                        "core.aliexpress.client",
                        "AliExpress sent {refused_reason}, which Dropdesk cannot read. Try "
                        "again later.",
                        refused_reason=refused.reason,
                    )
                ) from None
            except AliExpressError as failure:
                if not failure.retryable:
                    raise
                error = failure
            failures += 1
            wait = self.retry.next_delay(failures, started)
            log.info(
                "AliExpress call failed (%s, try %d)%s",
                type(error).__name__,
                failures,
                "" if wait is None else f", retrying in {wait:.2f}s",
            )
            if wait is not None and not call.allows(wait):
                wait = None
            if wait is None:
                if isinstance(error, GatewayUnavailableError) and failures > 1:
                    error = GatewayUnavailableError(
                        f"{error.message} (gave up after {failures} tries)"
                    )
                raise error from None
            self.retry.sleep(wait)

    @staticmethod
    def _parse(response: httpx.Response) -> dict[str, Any]:
        if response.status_code >= 500:
            raise GatewayUnavailableError(
                Text(
                    "core.aliexpress.client",
                    "AliExpress had a server problem (HTTP {response_status_code}). Try "
                    "again later.",
                    response_status_code=response.status_code,
                )
            )
        if response.status_code == 429:
            raise RateLimitedError(
                Text(
                    "core.aliexpress.client",
                    "AliExpress asks Dropdesk to slow down (HTTP 429). Try again in a few minutes.",
                )
            )
        try:
            body = http_limits.parse_json(response.content, parse_float=Decimal)
        except ValueError:
            body = None
        if not isinstance(body, dict) or (
            response.status_code != 200 and "error_response" not in body and "code" not in body
        ):
            raise UnexpectedResponseError(
                Text(
                    "core.aliexpress.client",
                    "AliExpress sent an answer Dropdesk cannot read (HTTP {response_status_code}).",
                    response_status_code=response.status_code,
                )
            )
        return body
