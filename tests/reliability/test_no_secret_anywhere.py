"""No secret in the ledger, its backups, the logs, exports, diagnostics or any error's text.

tests/test_no_secret_leaks.py runs the GUI end to end and searches every file under the data
folder and the exports. This adds the places it does not reach, with the secrets in play in
their most dangerous forms: a Shopify app's client secret and the short-lived tokens it is
exchanged for (renewed after a 401, then refused), the AliExpress app secret, access and
refresh tokens (refreshed, then revoked), failures of every kind on the way, and then a daily
backup, a backup before a migration, CSV exports and the diagnostics zip. Every file written,
every member of the zip, and the text, repr and traceback of every exception raised are
searched byte for byte, in every spelling (plain, URL-encoded, JSON-escaped, UTF-16).
"""

from __future__ import annotations

import json
import logging
import re
import traceback
import zipfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from graphql import GraphQLSchema
from sqlmodel import select

from core import diagnostics, paths
from core.aliexpress import (
    AliExpressError,
    DropshipApi,
    Gateway,
    GatewayClient,
    RateLimiter,
    RefreshingTokens,
    RetryPolicy,
    StaticToken,
    TokenSet,
    sync_order_statuses,
)
from core.cancel.ports import ShopifyShop
from core.cancel.shop_cancel import ShopCancelOptions
from core.cancel.workflow import CancelWorkflow
from core.exports import write_csv
from core.ledger import migrate, open_ledger
from core.ledger.backup import backup_if_due, backups
from core.ledger.models import Event
from core.ledger.types import Fault, Reason
from core.logs import close_logging, configure_logging
from core.redaction import register_secret
from core.review import Review, ReviewFilter, write_review_csv
from core.shopify import (
    AccessToken,
    ClientCredentials,
    ShopifyClient,
    ShopifyError,
    ShopInfo,
    save_shop,
    sync_orders,
)
from tests.core.cancel.wiring import seed
from tests.fakes.aliexpress_gateway import FakeAliExpress, FakeOrder
from tests.fakes.shopify_server import (
    CLIENT_ID,
    CLIENT_SECRET,
    DOMAIN,
    FakeShopify,
    LoopbackTransport,
)
from tests.reliability.hostile_server import RELAY, Answer, HostileServer
from tests.test_no_secret_leaks import files_under, spellings


@pytest.fixture
def logged(dropdesk_home: Path) -> Iterator[Path]:
    path = configure_logging(paths.log_dir(), level=logging.DEBUG)  # httpx's chatter included
    yield path
    close_logging()


class Errors:
    """Runs calls expected to fail and keeps every exception's text, repr and traceback."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def expect(self, kind: type[Exception], call: Callable[[], object]) -> None:
        with pytest.raises(kind) as raised:
            call()
        error = raised.value
        self.texts += [str(error), repr(error), "".join(traceback.format_exception(error))]


def test_no_secret_anywhere_after_failures_backups_exports_and_diagnostics(
    shopify_schema: GraphQLSchema, dropdesk_home: Path, logged: Path, tmp_path: Path
) -> None:
    secrets: list[str] = [CLIENT_SECRET]
    errors = Errors()
    ledger = open_ledger(paths.default_ledger())
    exports = tmp_path / "exports"
    exports.mkdir()
    try:
        with FakeShopify(shopify_schema) as shop, FakeAliExpress() as ae:
            # -- Shopify with client credentials: a grant, a 401 and a renewal, then refusals
            shop.access_token = None  # only tokens from the grant are accepted
            shop.state.add_orders(30, start=datetime(2026, 7, 1, tzinfo=UTC))
            transport = LoopbackTransport({shop.domain: shop.url})
            client = ShopifyClient(
                shop.domain,
                ClientCredentials(CLIENT_ID, CLIENT_SECRET),
                sleep=lambda _s: None,
                transport=transport,
            )
            shop_id = save_shop(
                ledger,
                ShopInfo("Secrets", "EUR", shop.domain),
                api_version="2026-10",
                auth_kind="client_credentials",
                client_id=CLIENT_ID,
            )
            sync_orders(ledger, client, shop_id)
            shop.revoke_tokens()  # the next call gets a 401 and renews its token
            shop.state.add_orders(5, start=datetime(2026, 7, 2, tzinfo=UTC))
            sync_orders(ledger, client, shop_id)
            shop.client_secret = "rotated-client-secret-" + "8" * 20
            shop.revoke_tokens()
            errors.expect(ShopifyError, lambda: sync_orders(ledger, client, shop_id))
            client.close()
            secrets += shop.tokens_issued
            assert len(shop.tokens_issued) >= 2

            # -- AliExpress: a refresh, then a revoked refresh token, then a wrong app secret
            for n in range(4):
                ae.add_order(FakeOrder(f"83{n:014d}"))
            with ledger.engine.begin() as connection:
                for n in range(4):
                    connection.exec_driver_sql(
                        "INSERT INTO supplier_order (external_order_id, order_status, logistics_status,"
                        " tracking_number, carrier, cost_minor, currency, end_reason)"
                        " VALUES (?, 'WAIT_SELLER_SEND_GOODS', '', '', '', 0, 'USD', '')",
                        (f"83{n:014d}",),
                    )
            gateway = GatewayClient(
                ae.app_key,
                ae.app_secret,
                gateway=ae.gateway,
                retry=RetryPolicy(attempts=2, sleep=lambda _s: None),
                limiter=RateLimiter(10_000),
            )
            tokens = RefreshingTokens(
                gateway, TokenSet.from_response(ae.grant(), datetime.now(UTC))
            )
            api = DropshipApi(gateway, tokens)
            first = tokens.tokens
            ae.expire_access_tokens()
            sync_order_statuses(ledger, api, concurrency=1)
            assert ae.refreshes == 1
            secrets += [ae.app_secret, first.access_token, first.refresh_token]
            secrets += [tokens.tokens.access_token, tokens.tokens.refresh_token]
            ae.expire_access_tokens()
            ae.revoke_refresh_tokens()
            errors.expect(AliExpressError, lambda: sync_order_statuses(ledger, api, concurrency=1))
            gateway.close()
            wrong = GatewayClient(ae.app_key, "not-the-app-secret-" + "7" * 16, gateway=ae.gateway)
            secrets.append("not-the-app-secret-" + "7" * 16)
            errors.expect(
                AliExpressError, lambda: DropshipApi(wrong, tokens).order("8300000000000000")
            )
            wrong.close()

        # -- what is written afterwards: backups, exports, diagnostics
        assert backup_if_due(ledger.path, keep=3, now=datetime.now(UTC)) is not None
        review = Review(ledger.engine)
        write_review_csv(review, ReviewFilter(), exports / "refunds.csv")
        write_csv(exports / "pasted.csv", ["note"], [[f"token by mistake: {secrets[1]}"]])
        diagnostics.save(exports / "diagnostics.zip", ledger.path, paths.log_dir())
    finally:
        ledger.close()

    # a migration's backup too: the ledger as the previous version wrote it, opened again
    old = open_ledger(paths.default_ledger())
    migrate.downgrade(old.engine, migrate.revisions_in_order()[-2])
    old.close()
    open_ledger(paths.default_ledger()).close()
    assert any("before-" in p.name for p in backups(paths.default_ledger()))

    for handler in logging.getLogger().handlers:
        handler.flush()
    written = files_under(dropdesk_home, exports)
    names = {p.name for p in written}
    assert {"ledger.sqlite", "dropdesk.log", "refunds.csv", "diagnostics.zip"} <= names
    assert sum(".backup-" in name for name in names) >= 2
    with zipfile.ZipFile(exports / "diagnostics.zip") as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    assert len(members) >= 4 and len(errors.texts) == 9
    assert len(set(secrets)) == len(secrets) >= 8

    blobs = {p.name: p.read_bytes() for p in written}
    blobs.update({f"diagnostics.zip:{name}": data for name, data in members.items()})
    blobs.update({f"error {i}": text.encode() for i, text in enumerate(errors.texts)})
    leaks = [
        (where, secret[:8])
        for where, data in blobs.items()
        for secret in secrets
        if any(form in data for form in spellings(secret))
    ]
    assert leaks == []


# -- servers that quote the secrets back -------------------------------------------------------


def quoted_spellings(secret: str) -> dict[str, str]:
    """How a hostile or careless server may quote `secret` inside its error text."""
    percent = quote(secret, safe="")
    return {
        "plain": secret,
        "url": percent,
        "url-lower-hex": re.sub(r"%[0-9A-F]{2}", lambda m: m[0].lower(), percent),
        "url-plus": quote_plus(secret),
        "json-u": "".join(f"\\u{ord(char):04x}" for char in secret),
        "json-U": "".join(f"\\u{ord(char):04X}" for char in secret),
        "json-slashes": json.dumps(secret)[1:-1].replace("/", "\\/"),
        "json-of-url": json.dumps(percent)[1:-1],
        "mixed": "".join(
            char if i % 3 == 0 else quote(char, safe="") if i % 3 == 1 else f"\\u{ord(char):04x}"
            for i, char in enumerate(secret)
        ),
    }


def every_spelling(secret: str) -> set[bytes]:
    forms = set(quoted_spellings(secret).values()) | {json.dumps(secret)[1:-1]}
    return {form.encode() for form in forms} | spellings(secret)


def escaped_body(payload: object) -> bytes:
    """JSON with every non-structural character \\u-escaped (what the parser turns back into
    the plain secret)."""
    text = json.dumps(payload)
    return re.sub(
        r'"((?:\\.|[^"\\])*)"',
        lambda m: '"' + "".join(f"\\u{ord(c):04x}" for c in json.loads(f'"{m[1]}"')) + '"',
        text,
    ).encode()


def test_errors_quoting_secrets_in_any_spelling_leave_none_in_ledger_wal_files_or_exceptions(
    shopify_schema: GraphQLSchema, dropdesk_home: Path, logged: Path
) -> None:
    shop_token = "shpat_quotedBack" + "0c" * 14
    client_secret = "quoted/client+secret=" + "k" * 20
    ae_token = "ae-access/token+" + "6" * 24
    errors = Errors()
    ledger = open_ledger(paths.default_ledger())
    try:
        with FakeShopify(shopify_schema) as shop, FakeAliExpress() as ae:
            shop.access_token = shop_token
            shop.client_secret = client_secret
            secrets = [shop_token, client_secret, ae.app_secret, ae_token]
            with HostileServer(shop.url) as hostile, HostileServer(ae.base_url) as ae_hostile:
                client = ShopifyClient(
                    DOMAIN,
                    AccessToken(shop_token),
                    sleep=lambda _s: None,
                    transport=LoopbackTransport({DOMAIN: hostile.url}),
                )
                register_secret(client_secret)  # as core.secrets does when it reads it
                shop_id = save_shop(
                    ledger,
                    ShopInfo("Quoted", "EUR", DOMAIN),
                    api_version="2026-10",
                    auth_kind="token",
                )
                gateway = GatewayClient(
                    ae.app_key,
                    ae.app_secret,
                    gateway=Gateway.for_loopback(ae_hostile.url),
                    retry=RetryPolicy(attempts=1),
                    limiter=RateLimiter(10_000),
                )
                seeded = seed(ledger, shop.state, ae, paid_at=datetime(2026, 11, 2, tzinfo=UTC))
                api = DropshipApi(gateway, StaticToken(ae_token))
                flow = CancelWorkflow(
                    ledger, ShopifyShop(client), api, lambda: datetime.now(UTC), job_poll=0.01
                )
                run = flow.start(seeded.supplier_order_id, Reason.CHANGED_MIND, Fault.CUSTOMER)
                flow.check(run)
                flow.mark_supplier_cancel_requested(run)
                flow.mark_supplier_answer(run, "accepted")

                quoted = [
                    (name, text)
                    for secret in secrets
                    for name, text in quoted_spellings(secret).items()
                ]
                for n, (name, text) in enumerate(quoted):
                    # quoted across where the client cuts a server's message (200, 300)
                    start = f"Invalid API key or access token ({name}: ".ljust(188)
                    message = f"{(start + text + ' ').ljust(288)}{text})"
                    graphql_error = {"errors": [{"message": message}]}
                    answers = [
                        Answer(body=json.dumps(graphql_error).encode()),
                        Answer(400, escaped_body({"errors": message})),
                        Answer(422, json.dumps({"errors": message}).encode()),
                    ]
                    # a sync: its journal event keeps the error text
                    hostile.always(answers[n % 3])
                    errors.expect(ShopifyError, lambda: sync_orders(ledger, client, shop_id))
                    # a cancel step: the step's failure is journalled and raised
                    # (the order is read, then the cancel refused: the refusal is journalled)
                    hostile.always(None)
                    hostile.next(RELAY)
                    hostile.next(answers[(n + 1) % 3])
                    errors.expect(
                        Exception,
                        lambda: flow.cancel_on_shop(run, ShopCancelOptions(restock=False)),
                    )
                    hostile.always(None)
                    # the AliExpress status refresh: each order's failure is journalled
                    said = f"The request was refused ({name}: {text})"
                    refusal = {"code": "isv.quoted", "msg": said, "request_id": "21q"}
                    ae_hostile.next(Answer(body=json.dumps({"error_response": refusal}).encode()))
                    sync_order_statuses(ledger, api, concurrency=1)

                # the ledger and its WAL while it is open, before any checkpoint
                live = {
                    "ledger (open)": ledger.path.read_bytes(),
                    "ledger-wal (open)": Path(f"{ledger.path}-wal").read_bytes(),
                }
                assert live["ledger-wal (open)"], "nothing reached the WAL"
                client.close()
                gateway.close()
        with ledger.session() as session:
            journal_texts = [event.payload for event in session.exec(select(Event))]
    finally:
        ledger.close()

    assert sum("Invalid API key" in text for text in journal_texts) >= 2 * len(quoted)
    assert sum("The request was refused" in text for text in journal_texts) == len(quoted)
    assert len(errors.texts) == 3 * 2 * len(quoted)
    for handler in logging.getLogger().handlers:
        handler.flush()
    blobs = {p.name: p.read_bytes() for p in files_under(dropdesk_home)}
    blobs.update(live)
    blobs.update({f"error {i}": text.encode() for i, text in enumerate(errors.texts)})
    leaks = [
        (where, secret[:8], form[:12])
        for where, data in blobs.items()
        for secret in secrets
        for form in every_spelling(secret)
        if form in data
    ]
    assert leaks == []
    halves = [
        (where, form[:12])
        for where, data in blobs.items()
        for secret in secrets
        for form in every_spelling(secret)
        if form[:12] in data
    ]
    assert halves == []
