"""Crash safety of the Shopify order sync: a process syncing 12 pages of orders from the fake
Shopify (one transaction per page, holding the page's orders, lines and the sync cursor) is
killed with SIGKILL at random moments. After each kill SQLite finds no damage and the ledger
holds the state after some whole number of pages; a page reported committed is never lost. A
new sync then resumes from the stored cursor and ends with exactly the orders and lines of a
clean run.
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

from core.ledger import open_ledger
from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from tests.fakes.shopify_server import ACCESS_TOKEN, DOMAIN, FakeShopify, LoopbackTransport
from tests.reliability.crash_checks import fresh_copy, kill_moments, open_again, whole_state
from tests.reliability.crash_harness import Child, Reference, count_kill, reference_run
from tests.reliability.fingerprint import fingerprint

ORDERS = 240
PAGE_SIZE = 20
WORKERS = 2
WITHOUT_JOURNAL = frozenset({"event"})  # a resumed run journals itself differently


@dataclass(frozen=True)
class Case:
    fake: FakeShopify
    template: Path
    shop_id: int
    reference: Reference
    final_without_journal: str


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory, shopify_schema: GraphQLSchema) -> Iterator[Case]:
    folder = tmp_path_factory.mktemp("crash-sync")
    template = folder / "template.sqlite"
    ledger = open_ledger(template)
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
            path.with_suffix(".out"),
        )
        # before any page, after each page, and with the run's journal event
        assert len(set(reference.states)) == ORDERS // PAGE_SIZE + 2
        yield Case(fake, template, shop_id, reference, fingerprint(path, skip=WITHOUT_JOURNAL))


def _params(fake: FakeShopify, path: Path, shop_id: int) -> dict[str, object]:
    return {"ledger": str(path), "shop_url": fake.url, "shop_id": shop_id, "page_size": PAGE_SIZE}


Plan = tuple[int, float]  # (pages to wait for, 0 for none; then seconds)


def trial(case: Case, plan: Plan) -> bool:
    """Kill one sync as planned, check the ledger, sync again; True if it was a kill."""
    path = fresh_copy(case.template)
    child = Child("sync", path.with_suffix(".out"), _params(case.fake, path, case.shop_id))
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
    assert fingerprint(path, skip=WITHOUT_JOURNAL) == case.final_without_journal
    if killed:
        count_kill("sync", f"state {state} of 0..{len(states) - 1}")
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
    killed = run_trials(case, plans(case, 5, random.Random(3)))
    print(f"\nsync kill points: {killed} of 5 trials")
    assert killed >= 3


@pytest.mark.slow
def test_many_killed_syncs_leave_whole_pages(case: Case) -> None:
    seed = int(time.time())
    print(f"\nsync crash seed: {seed}")
    killed = run_trials(case, plans(case, 26, random.Random(seed)))
    print(f"sync kill points: {killed} of 26 trials")
    assert killed >= 20
