"""`sync`: 2,000 orders from the fake Shopify (tests/fakes, a real HTTP server on 127.0.0.1 that
validates every document and charges a cost bucket), beside the least time that bucket allows.

The bound: every point the sync spent (each call's actual cost, and the last call's requested
cost, which must be in the bucket before it is served) beyond the full bucket it starts with
must flow back at the restore rate. The rate is Shopify Plus's 1,000 points a second (the
standard plan's 100 would make this benchmark take minutes). The fake runs in a thread of
this process, so its own work (parsing, validating and answering each query) counts in sync_s.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

from graphql import build_schema

from bench.report import Result, Target
from bench.workspace import ROOT, say, workspace
from core.ledger import open_ledger
from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport

ORDERS = 2_000
BUCKET = 1_000.0
RESTORE_RATE = 1_000.0
SCHEMA = ROOT / "tests" / "contracts" / "shopify" / "admin-2026-04.schema.graphql"
START = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)


def run(size: int | None = None) -> Result:
    orders = size or ORDERS
    say("sync: building the Admin API schema for the fake Shopify…")
    # assume_valid: the introspected SDL trips graphql-core 3.3's checks on deprecated fields.
    schema = build_schema(SCHEMA.read_text(encoding="utf-8"), assume_valid=True)
    with (
        workspace("sync") as folder,
        FakeShopify(schema, bucket_size=BUCKET, restore_rate=RESTORE_RATE) as fake,
    ):
        fake.state.add_orders(orders, start=START)
        ledger = open_ledger(folder / "ledger.sqlite")
        client = ShopifyClient(
            fake.domain,
            AccessToken(ACCESS_TOKEN),
            transport=LoopbackTransport({fake.domain: fake.url}),
            timeout=30.0,
        )
        try:
            shop_id = save_shop(
                ledger,
                ShopInfo(fake.state.name, "EUR", fake.domain),
                api_version="2026-10",
                auth_kind="token",
            )
            say(f"sync: {orders:,} orders…")
            started = time.monotonic()
            report = sync_orders(ledger, client, shop_id)
            sync_s = time.monotonic() - started
        finally:
            client.close()
            ledger.close()
        log = fake.graphql_log()
    if report.orders != orders:
        raise RuntimeError(f"synced {report.orders} orders of {orders}")
    served = [entry for entry in log if not entry.throttled]
    spent = sum(entry.actual or 0 for entry in served[:-1]) + (served[-1].requested or 0)
    bound_s = max(spent - BUCKET, 0.0) / RESTORE_RATE
    stats = client.stats
    figures = {
        "sync_s": round(sync_s, 2),
        "bound_s": round(bound_s, 2),
        "ratio": round(sync_s / bound_s, 2) if bound_s else 0.0,
    }
    return Result(
        f"Shopify sync of {orders:,} orders (bucket {BUCKET:g} points, {RESTORE_RATE:g}/s)",
        figures,
        targets={"ratio": Target("<= 1.2", lambda f: 0 < f["ratio"] <= 1.2)},
        notes=[
            f"{len(served)} calls ({report.pages} pages of orders), {spent:,.0f} points spent",
            f"the client slept {stats.paced_wait:.2f} s pacing and {stats.throttled_wait:.2f} s "
            f"after {stats.throttled_answers} THROTTLED answers; {stats.retries} retries",
            "bound_s: (points spent - full bucket) / restore rate; the fake answers in this "
            "process, so its own work is part of sync_s",
        ],
    )
