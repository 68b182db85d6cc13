"""The Admin GraphQL client: one host, one token, retries and cost-aware pacing.

Requests go to `https://{shop}/admin/api/{version}/graphql.json` and nowhere else: the shop is
normalised by `core.shopify.domain`, redirects are never followed (a 3xx is an error), and every
request is checked against that origin before it is sent. Tests reach a fake Shopify by passing
an httpx `transport` that carries these very requests to 127.0.0.1; the URL, the host check and
the https scheme stay exactly as in production.

Answers are received through `core.http_limits`: a body over `max_body_bytes` (decoded), an
attempt over `attempt_deadline` seconds or a call (retries and waits included) over
`call_deadline` seconds ends in a ShopifyUnavailableError, as does JSON nested too deeply.

Retry rules: THROTTLED (HTTP 200 or 429) waits for the bucket and tries again; 5xx, timeouts
and dropped connections back off exponentially, but only for requests that are safe to repeat
(queries, and mutations with an idempotency key). A mutation without one is sent once; when its
outcome is unknown the error says so, and the caller reads the order before trying again.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any, NoReturn

import httpx

from core import http_limits, redaction
from core.http_limits import AnswerRefused, AnswerTooDeep, Deadline, DeadlineExceeded
from core.shopify import documents
from core.shopify.auth import ClientCredentials, Credentials, IssuedToken, TokenSource
from core.shopify.denials import Denial, Withheld, denial_of, refusal_text
from core.shopify.domain import normalize_shop_domain
from core.shopify.errors import (
    ShopifyAuthError,
    ShopifyError,
    ShopifyQueryError,
    ShopifyRedirectError,
    ShopifyScopeError,
    ShopifyThrottledError,
    ShopifyUnavailableError,
    ShopNotFoundError,
    ShopUnavailableError,
)
from core.shopify.throttle import (
    CostBudget,
    QueryCost,
    backoff_delay,
    jitter,
    parse_cost,
    throttled_wait,
)
from core.shopify.versions import DEFAULT_API_VERSION, check_api_version
from core.texts import Text

log = logging.getLogger(__name__)

TOKEN_HEADER = "X-Shopify-Access-Token"


@dataclass
class ClientStats:
    """What the client did, for the status bar and for tests."""

    requests: int = 0
    throttled_answers: int = 0
    throttled_wait: float = 0.0  # seconds slept after THROTTLED answers
    paced_wait: float = 0.0  # seconds slept before sending, to let the bucket refill
    retries: int = 0  # repeats after 5xx, timeouts and connection errors
    backoff_wait: float = 0.0


class _Transient(Exception):
    """A failure worth another attempt; `sent` tells whether Shopify may have acted on it."""

    def __init__(self, reason: str, *, sent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sent = sent


class _Refused(Exception):
    """An answer Dropdesk stopped reading (too large, too deep): not worth another attempt."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ShopifyClient:
    """Talks to one shop's Admin GraphQL API. Not for sharing between threads."""

    def __init__(
        self,
        shop: str,
        credentials: Credentials,
        *,
        api_version: str = DEFAULT_API_VERSION,
        timeout: float = 30.0,
        max_attempts: int = 5,
        max_throttle_wait: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
        max_body_bytes: int = http_limits.MAX_BODY_BYTES,
        attempt_deadline: float = 60.0,
        call_deadline: float = 300.0,
    ) -> None:
        """`transport` carries the requests (tests: to a fake on 127.0.0.1); it cannot change
        the scheme, host or path the client addresses, nor make it follow a redirect.

        `attempt_deadline`: seconds one HTTP attempt may take, however the server trickles its
        bytes; `call_deadline`: seconds one call may take with its retries and waits (above
        `max_throttle_wait`, so a long THROTTLED wait is still allowed)."""
        check_api_version(api_version)  # ApiVersionError (a ValueError) for one it cannot use
        self.shop = normalize_shop_domain(shop)
        self.api_version = api_version
        self.max_attempts = max(1, max_attempts)
        self.max_throttle_wait = max_throttle_wait
        self.max_body_bytes = max_body_bytes
        self.attempt_deadline = attempt_deadline
        self.call_deadline = call_deadline
        self._deadline: Deadline | None = None  # the running call's
        self._streams = http_limits.Streams()
        self.stats = ClientStats()
        self.last_cost: QueryCost | None = None
        #: Optional fields Shopify withheld (protected customer data, scopes) since created.
        self.withheld = Withheld()
        self.sleep = sleep  # every wait goes through this (tests measure or skip waits)
        self._rng = rng or random.Random()
        self._budget = CostBudget(clock)
        self._tokens = TokenSource(credentials, clock=clock)
        self._graphql_path = f"/admin/api/{api_version}/graphql.json"
        self._http = httpx.Client(
            base_url=f"https://{self.shop}",
            timeout=timeout,
            follow_redirects=False,
            transport=transport,
            headers={"User-Agent": "Dropdesk", "Accept": "application/json"},
        )

    def __repr__(self) -> str:
        return (
            f"ShopifyClient(shop={self.shop!r}, api_version={self.api_version!r}, {self._tokens!r})"
        )

    def __enter__(self) -> ShopifyClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    @property
    def tokens_issued(self) -> int:
        """How many tokens the client-credentials grant has produced so far."""
        return self._tokens.issued

    # -- GraphQL ------------------------------------------------------------------------------

    def run(
        self,
        name: str,
        variables: Mapping[str, Any] | None = None,
        *,
        repeatable: bool = True,
        tolerate_denied: Collection[str] = (),
    ) -> dict[str, Any]:
        """Run the document `documents/<name>.graphql`; see `execute`."""
        return self.execute(
            documents.load(name),
            variables,
            operation=name,
            repeatable=repeatable,
            tolerate_denied=tolerate_denied,
        )

    def execute(
        self,
        document: str,
        variables: Mapping[str, Any] | None = None,
        *,
        operation: str,
        repeatable: bool = True,
        tolerate_denied: Collection[str] = (),
    ) -> dict[str, Any]:
        """The `data` of a GraphQL call, or a ShopifyError.

        repeatable: whether the request may be sent again after a failure whose outcome is
        unknown (True for queries and idempotent mutations).
        tolerate_denied: optional fields (e.g. the customer, the e-mail address) whose denial
        leaves them null instead of failing the call; what was withheld is noted in `withheld`.
        """
        self._deadline = Deadline(self.call_deadline)
        try:
            return self._execute(document, variables, operation, repeatable, tolerate_denied)
        except _Refused as refused:
            raise ShopifyUnavailableError(
                f"Shopify ({self.shop}) sent {refused.reason} for '{operation}'; Dropdesk "
                "stopped reading it. Try again later; if it keeps happening, something between "
                "this computer and Shopify alters the answers."
                + (" The change may or may not have been applied." if not repeatable else ""),
                outcome_unknown=not repeatable,
            ) from None
        finally:
            self._deadline = None

    def _execute(
        self,
        document: str,
        variables: Mapping[str, Any] | None,
        operation: str,
        repeatable: bool,
        tolerate_denied: Collection[str],
    ) -> dict[str, Any]:
        body = {"query": document, "variables": dict(variables or {})}
        failures = 0
        throttle_waited = 0.0
        renewed = False
        while True:
            self._pace(operation)
            try:
                response = self._send(
                    self._graphql_path,
                    json=body,
                    headers={TOKEN_HEADER: self._tokens.current(self._grant)},
                )
                status = response.status_code
                if status >= 500:
                    raise _Transient(f"HTTP {status}", sent=True)
            except _Transient as failure:
                if failure.sent and not repeatable:
                    raise ShopifyUnavailableError(
                        Text(
                            "core.shopify.client",
                            "Shopify ({shop}) did not confirm the change '{operation}' "
                            "({reason}). It may or may not have been applied: Dropdesk "
                            "reads the order again before trying anything else.",
                            shop=self.shop,
                            operation=operation,
                            reason=failure.reason,
                        ),
                        outcome_unknown=True,
                    ) from None
                failures = self._back_off(failures, failure.reason)
                continue
            if status == 401:
                if self._tokens.renewable and not renewed:
                    log.info("Shopify %s: 401, fetching a new access token", operation)
                    renewed = True
                    self._tokens.invalidate()
                    continue
                self._refuse_token(renewed)
            payload = _json(response)
            cost = parse_cost(payload.get("extensions") if payload else None)
            self._budget.observe(operation, cost)
            if cost is not None:
                self.last_cost = cost
            if status == 429 or _has_code(payload, "THROTTLED"):
                wait = self._throttle_wait(cost, response, failures)
                if throttle_waited + wait > self.max_throttle_wait:
                    raise ShopifyThrottledError(
                        Text(
                            "core.shopify.client",
                            "Shopify ({shop}) kept asking Dropdesk to slow down for over "
                            "{max_throttle_wait:.0f} seconds. Try again in a few minutes.",
                            shop=self.shop,
                            max_throttle_wait=self.max_throttle_wait,
                        ),
                        code="THROTTLED",
                    )
                self._check_time(wait)
                log.info("Shopify %s: THROTTLED, waiting %.2f s", operation, wait)
                self.stats.throttled_answers += 1
                self.stats.throttled_wait += wait
                throttle_waited += wait
                self.sleep(wait)
                continue
            self._check_status(status, payload)
            if payload is None:
                if repeatable:
                    failures = self._back_off(failures, "an answer that is not JSON")
                    continue
                raise ShopifyUnavailableError(
                    Text(
                        "core.shopify.client",
                        "Shopify ({shop}) answered '{operation}' with something that is not "
                        "JSON; the change may or may not have been applied.",
                        shop=self.shop,
                        operation=operation,
                    ),
                    outcome_unknown=True,
                )
            if repeatable and _has_code(payload, "INTERNAL_SERVER_ERROR"):
                failures = self._back_off(failures, "an internal error at Shopify")
                continue
            return _data(payload, operation, tolerate_denied, self.shop, self.withheld)

    # -- HTTP ---------------------------------------------------------------------------------

    def _send(
        self,
        path: str,
        *,
        json: Any = None,
        data: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        request = self._http.build_request("POST", path, json=json, data=data, headers=headers)
        url = request.url
        if url.scheme != "https" or url.host != self.shop or url.port not in (None, 443):
            raise ShopifyError(
                Text(
                    "core.shopify.client",
                    "Refusing to send a Shopify request anywhere but https://{shop}.",
                    shop=self.shop,
                )
            )
        self.stats.requests += 1
        deadline = (self._deadline or Deadline(self.call_deadline)).sooner(self.attempt_deadline)
        try:
            response = http_limits.send_bounded(
                self._http,
                request,
                deadline=deadline,
                streams=self._streams,
                max_bytes=self.max_body_bytes,
            )
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as error:
            raise _Transient(_describe(error), sent=False) from None
        except httpx.TransportError as error:  # read/write timeouts, dropped connections
            raise _Transient(_describe(error), sent=True) from None
        except DeadlineExceeded:
            seconds = http_limits.describe_seconds(deadline.seconds)
            raise _Transient(f"no complete answer within {seconds}", sent=True) from None
        except http_limits.AnswerTooLarge as refused:
            raise _Refused(refused.reason) from None
        except AnswerRefused as refused:  # an encoding not asked for, damaged compression
            raise _Transient(refused.reason, sent=True) from None
        if response.is_redirect or 300 <= response.status_code < 400:
            target = httpx.URL(response.headers.get("location", "")).host or "another address"
            response.close()
            raise ShopifyRedirectError(
                Text(
                    "core.shopify.client",
                    "Shopify ({shop}) answered with a redirect to {target}. Dropdesk does "
                    "not follow redirects, so the access token stays with your shop. Check "
                    "the shop address.",
                    shop=self.shop,
                    target=target,
                ),
                code=str(response.status_code),
            )
        return response

    def _grant(self, credentials: ClientCredentials) -> IssuedToken:
        """The client-credentials grant: client id + secret for a token that lasts ~24 h."""
        form = {
            "grant_type": "client_credentials",
            "client_id": credentials.client_id,
            "client_secret": credentials.client_secret,
        }
        failures = 0
        while True:
            try:
                response = self._send("/admin/oauth/access_token", data=form)
                if response.status_code >= 500:
                    raise _Transient(f"HTTP {response.status_code}", sent=True)
            except _Transient as failure:
                failures = self._back_off(failures, failure.reason)
                continue
            payload = _json(response)
            if response.status_code in (400, 401, 403):
                code = payload.get("error") if payload else None
                shown = f" ({code})" if isinstance(code, str) and code.isidentifier() else ""
                raise ShopifyAuthError(
                    Text(
                        "core.shopify.client",
                        "Shopify refused the client id and secret for {shop}{code}. Check "
                        "both in the app's settings (Dev Dashboard) and that the app is "
                        "installed in this shop.",
                        shop=self.shop,
                        code=shown,
                    ),
                    code=code if isinstance(code, str) else None,
                )
            self._check_status(response.status_code, payload)
            token = payload.get("access_token") if payload else None
            if not isinstance(token, str) or not token:
                raise ShopifyAuthError(
                    Text(
                        "core.shopify.client",
                        "Shopify ({shop}) answered the token request without a token.",
                        shop=self.shop,
                    )
                )
            expires = payload.get("expires_in") if payload else None
            scope = payload.get("scope") if payload else ""
            return IssuedToken(
                token,
                float(expires) if isinstance(expires, int | float) and expires > 0 else None,
                scope if isinstance(scope, str) else "",
            )

    # -- waiting ------------------------------------------------------------------------------

    def _pace(self, operation: str) -> None:
        wait = self._budget.wait_before(operation)
        if wait > 0:
            wait += jitter(wait, self._rng)
            self.stats.paced_wait += wait
            self.sleep(wait)

    def _throttle_wait(
        self, cost: QueryCost | None, response: httpx.Response, failures: int
    ) -> float:
        if cost is not None and cost.status is not None and cost.requested is not None:
            wait = throttled_wait(cost.requested, cost.status)
        else:
            retry_after = response.headers.get("retry-after", "")
            try:
                wait = float(retry_after)
            except ValueError:
                wait = math.nan
            if wait > 60.0:
                wait = 60.0
            elif not wait >= 0.0:  # absent, unreadable, negative or NaN: back off instead
                wait = backoff_delay(failures, self._rng)
        return wait + jitter(wait, self._rng)

    def _back_off(self, failures: int, reason: str) -> int:
        """Sleep before the next attempt, or raise when the attempts are used up."""
        failures += 1
        if failures >= self.max_attempts:
            raise ShopifyUnavailableError(
                Text(
                    "core.shopify.client",
                    "Shopify ({shop}) could not be reached after {failures} attempts "
                    "({reason}). Check the internet connection and try again later.",
                    shop=self.shop,
                    failures=failures,
                    reason=reason,
                )
            )
        delay = backoff_delay(failures - 1, self._rng)
        self._check_time(delay, reason)
        log.info("Shopify: %s, retrying in %.2f s", reason, delay)
        self.stats.retries += 1
        self.stats.backoff_wait += delay
        self.sleep(delay)
        return failures

    def _check_time(self, wait: float, reason: str = "") -> None:
        """Raise when waiting `wait` seconds more would pass the call's deadline."""
        deadline = self._deadline
        if deadline is not None and not deadline.allows(wait):
            because = f" ({reason})" if reason else ""
            raise ShopifyUnavailableError(
                f"Shopify ({self.shop}) did not answer within "
                f"{http_limits.describe_seconds(deadline.seconds)}{because}. Check the internet "
                "connection and try again later."
            )

    # -- errors -------------------------------------------------------------------------------

    def _refuse_token(self, renewed: bool) -> NoReturn:
        if renewed:
            raise ShopifyAuthError(
                Text(
                    "core.shopify.client",
                    "Shopify ({shop}) refused even a freshly issued access token. The app "
                    "may have been uninstalled from the shop, or its access revoked.",
                    shop=self.shop,
                ),
                code="401",
            )
        raise ShopifyAuthError(
            Text(
                "core.shopify.client",
                "Shopify ({shop}) refused the access token. Check that it is the Admin "
                "API access token of the app installed in this shop (it starts with "
                "'shpat_') and that the app is still installed.",
                shop=self.shop,
            ),
            code="401",
        )

    def _check_status(self, status: int, payload: dict[str, Any] | None) -> None:
        if 200 <= status < 300:
            return
        shop = self.shop
        if status == 402:
            raise ShopUnavailableError(
                Text(
                    "core.shopify.client",
                    "The shop {shop} is frozen (Shopify says payment is required). Settle "
                    "the bill in the Shopify admin, then try again.",
                    shop=shop,
                ),
                code="402",
            )
        if status == 403:
            raise ShopifyAuthError(
                Text(
                    "core.shopify.client",
                    "Shopify denied this app access to {shop} (HTTP 403). The app may have "
                    "been uninstalled, or it lacks a permission.",
                    shop=shop,
                ),
                code="403",
            )
        if status == 404:
            raise ShopNotFoundError(
                Text(
                    "core.shopify.client",
                    "No Shopify shop answers at {shop} (or API version {api_version} is "
                    "unknown). Check the shop address.",
                    shop=shop,
                    api_version=self.api_version,
                ),
                code="404",
            )
        if status == 423:
            raise ShopUnavailableError(
                Text(
                    "core.shopify.client",
                    "The shop {shop} is locked by Shopify. Check the Shopify admin for a notice.",
                    shop=shop,
                ),
                code="423",
            )
        detail = _first_message(payload)
        raise ShopifyQueryError(
            Text(
                "core.shopify.client",
                "Shopify ({shop}) refused Dropdesk's request (HTTP {status}{detail}). This is "
                "a bug in Dropdesk or a change in Shopify's API; please report it.",
                shop=shop,
                status=status,
                detail=detail,
            ),
            code=str(status),
        )


def _json(response: httpx.Response) -> dict[str, Any] | None:
    try:
        payload = http_limits.parse_json(response.content)
    except AnswerTooDeep as refused:
        raise _Refused(refused.reason) from None
    except ValueError:
        return None
    return payload if isinstance(payload, dict) else None


def _errors(payload: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    errors = payload.get("errors") if payload else None
    if isinstance(errors, list):
        return [error for error in errors if isinstance(error, dict)]
    if isinstance(errors, str):  # Shopify's shape for HTTP-level errors
        return [{"message": errors}]
    return []


def _code(error: Mapping[str, Any]) -> str | None:
    extensions = error.get("extensions")
    code = extensions.get("code") if isinstance(extensions, dict) else None
    return code if isinstance(code, str) else None


def _has_code(payload: Mapping[str, Any] | None, code: str) -> bool:
    return any(_code(error) == code for error in _errors(payload))


def _first_message(payload: Mapping[str, Any] | None) -> str:
    errors = _errors(payload)
    if not errors:
        return ""
    message = redaction.redact(str(errors[0].get("message", "")))[:200]  # no half secrets
    return f": {message}" if message else ""


def _data(
    payload: dict[str, Any],
    operation: str,
    tolerate_denied: Collection[str],
    shop: str,
    withheld: Withheld,
) -> dict[str, Any]:
    """`data`, with denials of optional fields noted in `withheld` (their value is null)."""
    errors: list[dict[str, Any]] = []
    denied: list[Denial] = []
    for error in _errors(payload):
        denial = denial_of(error)
        if denial is None:
            errors.append(error)
        elif denial.within(tolerate_denied):
            withheld.add(denial)
        else:
            denied.append(denial)
    if denied:
        text = refusal_text(denied, operation, shop)
        scopes = tuple(dict.fromkeys(s for d in denied for s in d.scopes))
        raise ShopifyScopeError(text, required=scopes, protected=any(d.protected for d in denied))
    if errors:
        message = redaction.redact(str(errors[0].get("message", "unknown error")))[:300]
        raise ShopifyQueryError(
            Text(
                "core.shopify.client",
                "Shopify did not accept Dropdesk's '{operation}' request ({message}). "
                "This is a bug in Dropdesk or a change in Shopify's API; please report "
                "it.",
                operation=operation,
                message=message,
            ),
            code=_code(errors[0]),
        )
    data = payload.get("data")
    if not isinstance(data, dict):
        raise ShopifyQueryError(
            Text(
                "core.shopify.client",
                "Shopify answered '{operation}' without data.",
                operation=operation,
            )
        )
    return data


def _describe(error: httpx.TransportError) -> str:
    """A short, secret-free reason for a network failure."""
    if isinstance(error, httpx.TimeoutException):
        return "no answer in time"
    if isinstance(error, httpx.ConnectError):
        return "could not connect"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection was dropped"
    return type(error).__name__
