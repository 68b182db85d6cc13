"""Crash safety of the Shopify order sync: a process syncing 12 pages of orders from the fake
Shopify (one transaction per page, holding the page's orders, lines and the sync cursor) is
killed with SIGKILL at random moments. After each kill SQLite finds no damage and the ledger
holds the state after some whole number of pages; a page reported committed is never lost. A
new sync then resumes from the stored cursor and ends with exactly the orders and lines of a
clean run.

The same trials run on a PostgreSQL ledger (`crash_engine`): its state is a row-level dump of
every table, checked as the file's hash is, and the resumed sync must give the clean run's rows
(ids aside: PostgreSQL's sequences do not give back what a killed page drew).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from graphql import GraphQLSchema

from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, FakeShopify, LoopbackTransport
from tests.reliability.crash_checks import (
    drop,
    empty_ledger,
    fresh_copy,
    kill_moments,
    open_again,
    out_file,
    whole_state,
)
from tests.reliability.crash_harness import Child, Reference, count_kill, reference_run
from tests.reliability.fingerprint import Target, content_difference, content_fingerprint

ORDERS = 240
PAGE_SIZE = 20
WORKERS = 2
WITHOUT_JOURNAL = frozenset({"event"})  # a resumed run journals itself differently


@dataclass(frozen=True)
class Case:
    engine: str
    folder: Path
    fake: FakeShopify
    template: Target
    shop_id: int
    reference: Reference
    clean: Target  # the ledger of the clean run
    final_without_journal: str  # its content_fingerprint without the journal


@pytest.fixture(scope="module")
def case(
    tmp_path_factory: pytest.TempPathFactory,
    shopify_schema: GraphQLSchema,
    crash_engine: str,
    request: pytest.FixtureRequest,
) -> Iterator[Case]:
    folder = tmp_path_factory.mktemp(f"crash-sync-{crash_engine}")
    template = empty_ledger(crash_engine, folder, request)
    ledger = open_again(template)
    shop_id = save_shop(
        ledger, ShopInfo("Crash test shop", "EUR", DOMAIN), api_version="2026-10", auth_kind="token"
    )
    ledger.close()
    with FakeShopify(shopify_schema) as fake:
        fake.state.add_orders(ORDERS, start=datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
        path, timed = fresh_copy(template), fresh_copy(template)
        reference = reference_run(
            "sync",
            _params(fake, path, shop_id),
            _params(fake, timed, shop_id),
            out_file(folder, path),
        )
        # before any page, after each page, and with the run's journal event
        assert len(set(reference.states)) == ORDERS // PAGE_SIZE + 2
        final = content_fingerprint(path, skip=WITHOUT_JOURNAL)
        yield Case(crash_engine, folder, fake, template, shop_id, reference, path, final)
    for made in (path, timed, template):
        drop(made)


def _params(fake: FakeShopify, path: Target, shop_id: int) -> dict[str, object]:
    return {"ledger": str(path), "shop_url": fake.url, "shop_id": shop_id, "page_size": PAGE_SIZE}


Plan = tuple[int, float]  # (pages to wait for, 0 for none; then seconds)


def trial(case: Case, plan: Plan) -> bool:
    """Kill one sync as planned, check the ledger, sync again; True if it was a kill."""
    path = fresh_copy(case.template)
    try:
        child = Child("sync", out_file(case.folder, path), _params(case.fake, path, case.shop_id))
        child.wait_for("READY")
        pages, delay = plan
        if pages:
            child.wait_for(f"COMMITTED {pages}")
        time.sleep(delay)
        killed = child.kill()
        reached = child.lines()
        states = case.reference.states
        state = whole_state(path, states, reached)

        ledger = open_again(path)
        client = ShopifyClient(
            DOMAIN,
            AccessToken(ACCESS_TOKEN),
            timeout=10.0,
            transport=LoopbackTransport({DOMAIN: case.fake.url}),
        )
        try:
            report = sync_orders(ledger, client, case.shop_id, page_size=PAGE_SIZE)
        finally:
            client.close()
            ledger.close()
        if 0 < state < len(states) - 2:  # resumed from the stored cursor, not from the start
            assert report.started_from is not None and report.orders < ORDERS
        assert content_fingerprint(path, skip=WITHOUT_JOURNAL) == case.final_without_journal, (
            content_difference(path, case.clean, skip=WITHOUT_JOURNAL)
        )
    finally:
        drop(path)
    if killed:
        count_kill(f"sync ({case.engine})", f"state {state} of 0..{len(states) - 1}")
    return killed


def run_trials(case: Case, plans: list[Plan]) -> int:
    with ThreadPoolExecutor(WORKERS) as pool:
        return sum(pool.map(lambda plan: trial(case, plan), plans))


def plans(case: Case, count: int, rng: random.Random) -> list[Plan]:
    """Half at random moments of a clean run's length; half a few milliseconds after a random
    page's commit, so the kills reach the later pages however busy the machine is."""
    moments = kill_moments(count - count // 2, case.reference.seconds, rng)
    pages = ORDERS // PAGE_SIZE
    after = [(rng.randint(1, pages - 1), rng.uniform(0.0, 0.02)) for _ in range(count // 2)]
    return [(0, moment) for moment in moments] + after


def test_killed_syncs_leave_whole_pages(case: Case) -> None:
    trials = 5 if case.engine == "sqlite" else 3  # the server's: a sample (slow: all)
    killed = run_trials(case, plans(case, trials, random.Random(3)))
    print(f"\nsync kill points: {killed} of {trials} trials")
    assert killed >= trials - 2


@pytest.mark.slow
def test_many_killed_syncs_leave_whole_pages(case: Case) -> None:
    seed = int(time.time())
    print(f"\nsync crash seed: {seed}")
    killed = run_trials(case, plans(case, 26, random.Random(seed)))
    print(f"sync kill points: {killed} of 26 trials")
    assert killed >= 20
