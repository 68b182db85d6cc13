"""Protected customer data and API versions as real shops answer them (issue 18), through the
real client over loopback against the fake Shopify: a denied optional field (the e-mail
address, the customer) leaves it empty and is told once per sync with the right remedy; a
denied order read explains itself in English and German; versions before 2026-01 are refused."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from core.ledger import Ledger
from core.ledger.models import CustomerOrder, Event
from core.shopify import (
    AccessToken,
    ApiVersionError,
    ShopifyScopeError,
    ShopInfo,
    check_api_version,
    get_order,
    save_shop,
    sync_orders,
)
from core.shopify.denials import Withheld, denial_of, refusal_text
from core.texts import Text
from tests.catalogue import in_english, in_german
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify

START = datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
SHAPES = ("coded", "bare")  # ACCESS_DENIED in extensions, or only the words (Shopify's example)
BROKEN = ("a permission it does not have", "bug in Dropdesk")


def _shop(ledger: Ledger, fake: FakeShopify) -> int:
    info = ShopInfo(fake.state.name, "EUR", fake.domain)
    return save_shop(ledger, info, api_version="2026-10", auth_kind="token")


def _stored(ledger: Ledger) -> dict[str, CustomerOrder]:
    with ledger.session() as session:
        return {o.shopify_gid or "": o for o in session.exec(select(CustomerOrder)).all()}


def _sync_events(ledger: Ledger) -> list[dict[str, object]]:
    with ledger.session() as session:
        rows = session.exec(select(Event).where(Event.kind == "shopify_sync")).all()
        return [json.loads(row.payload) for row in rows]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_withheld_email_keeps_the_orders_and_is_told_once_with_the_right_remedy(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient, shape: str
) -> None:
    made = fake_shopify.state.add_orders(100, start=START)
    fake_shopify.protected = {"email"}
    fake_shopify.denial_shape = shape
    report = sync_orders(ledger, make_client(), _shop(ledger, fake_shopify), page_size=40)

    assert report.orders == 100 and report.pages == 3
    stored = _stored(ledger)
    assert len(stored) == 100
    assert all(order.email == "" for order in stored.values())
    assert stored[made[0].gid].customer_name == "Jane Roe"  # the rest is read as usual
    assert report.withheld == ("email",)
    assert report.notice is not None
    english, german = in_english(report.notice), in_german(report.notice)
    assert "e-mail address" in english and "protected customer data" in english
    assert "Access scopes do not grant it" in english
    assert english.count("e-mail address") == 1, "told once for three pages"
    assert "E-Mail-Adresse" in german and "geschützte Kundendaten" in german
    assert not any(words in english for words in BROKEN)
    (event,) = _sync_events(ledger)
    assert event["outcome"] == "completed" and event["withheld"] == ["email"]
    kept = Text.from_stored(event["withheld_notice"])  # the marker, re-worded when read
    assert kept == report.notice and in_german(kept) == german and in_english(kept) == english
    assert "Kundendaten" not in str(event["withheld_notice"])  # no words of one language


def test_withheld_customer_and_email_are_told_together(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    fake_shopify.state.add_orders(5, start=START)
    fake_shopify.protected = {"email", "customer"}
    report = sync_orders(ledger, make_client(), _shop(ledger, fake_shopify))
    assert report.orders == 5
    assert all(o.customer_name == "" and o.email == "" for o in _stored(ledger).values())
    assert set(report.withheld) == {"email", "customer"}
    assert report.notice is not None
    assert "e-mail address, customer name" in in_english(report.notice)


def test_an_email_read_before_is_not_wiped_when_it_is_withheld_later(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    order = fake_shopify.state.add_order(updated_at=START)
    shop_id = _shop(ledger, fake_shopify)
    sync_orders(ledger, make_client(), shop_id)
    fake_shopify.protected = {"email"}
    fake_shopify.state.touch(order)
    report = sync_orders(ledger, make_client(), shop_id)
    assert report.orders == 1 and report.withheld == ("email",)
    assert _stored(ledger)[order.gid].email == order.email


def test_a_sync_with_nothing_withheld_says_nothing(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    fake_shopify.state.add_orders(3, start=START)
    report = sync_orders(ledger, make_client(), _shop(ledger, fake_shopify))
    assert report.withheld == () and report.notice is None
    assert "withheld" not in _sync_events(ledger)[0]


def test_a_missing_customers_scope_is_told_as_a_scope(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    fake_shopify.state.add_orders(2, start=START)
    fake_shopify.scopes.discard("read_customers")
    report = sync_orders(ledger, make_client(), _shop(ledger, fake_shopify))
    assert report.orders == 2 and report.withheld == ("customer",)
    assert report.notice is not None
    assert "read_customers" in in_english(report.notice)
    assert "access scopes" in in_english(report.notice)
    assert "read_customers" in in_german(report.notice)


@pytest.mark.parametrize("shape", SHAPES)
def test_a_single_order_with_its_email_withheld_is_read(
    fake_shopify: FakeShopify, make_client: MakeClient, shape: str
) -> None:
    order = fake_shopify.state.add_order()
    fake_shopify.protected = {"email"}
    fake_shopify.denial_shape = shape
    client = make_client()
    read = get_order(client, order.gid)
    assert read.email == "" and read.name == order.name
    assert client.withheld.fields == ("email",)


@pytest.mark.parametrize("shape", SHAPES)
def test_orders_denied_outright_explain_protected_data_not_scopes(
    ledger: Ledger, fake_shopify: FakeShopify, make_client: MakeClient, shape: str
) -> None:
    fake_shopify.state.add_orders(2, start=START)
    fake_shopify.protected = {"Order"}
    fake_shopify.denial_shape = shape
    with pytest.raises(ShopifyScopeError) as raised:
        sync_orders(ledger, make_client(), _shop(ledger, fake_shopify))
    error = raised.value
    assert error.protected and error.required == ()
    english, german = in_english(error.text), in_german(error.text)
    assert "not approved for protected customer data" in english
    assert "Access scopes do not grant it" in english
    assert "geschützte Kundendaten" in german and "nicht freigegeben" in german
    assert not any(words in english for words in BROKEN)
    assert _sync_events(ledger)[0]["outcome"] == "failed"


def test_a_missing_orders_scope_names_the_scope_in_both_languages(
    fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    order = fake_shopify.state.add_order()
    fake_shopify.scopes.discard("read_orders")
    with pytest.raises(ShopifyScopeError) as raised:
        get_order(make_client(), order.gid)
    error = raised.value
    assert error.required == ("read_orders",) and not error.protected
    assert "lacks the access scope read_orders" in in_english(error.text)
    assert "Add read_orders to the app's access scopes" in in_english(error.text)
    assert "Zugriffsbereich read_orders" in in_german(error.text)
    assert not any(words in str(error) for words in BROKEN)


def test_a_denial_naming_nothing_says_what_to_check() -> None:
    """A bare denial of something that is no customer field: neither scope nor data named."""
    denial = denial_of({"message": "Access denied for orders field.", "path": ["orders"]})
    assert denial is not None and not denial.protected and denial.scopes == ()
    assert denial_of({"message": "Field 'x' doesn't exist on type 'Order'"}) is None
    assert denial_of({"message": "Throttled", "extensions": {"code": "THROTTLED"}}) is None


def test_a_denial_naming_a_scope_and_protected_data_gives_both_remedies() -> None:
    denial = denial_of(
        {
            "message": "This app is not approved to access the Customer object.",
            "path": ["orders", "nodes", 0, "customer"],
            "extensions": {"code": "ACCESS_DENIED", "requiredAccess": "`read_customers`"},
        }
    )
    assert denial is not None and denial.protected and denial.scopes == ("read_customers",)
    text = refusal_text([denial], "orders_updated_since", "shop.myshopify.com")
    assert "read_customers" in in_english(text) and "Access scopes do not grant it" in in_english(
        text
    )
    withheld = Withheld()
    withheld.add(denial)
    notice = withheld.notice()
    assert notice is not None
    assert "read_customers" in in_german(notice) and "geschützte Kundendaten" in in_german(notice)


# -- API versions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", ["2025-10", "2025-01", "2024-07"])
def test_versions_before_2026_01_are_refused_up_front(
    version: str, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    with pytest.raises(ApiVersionError) as raised:
        make_client(api_version=version)
    assert "too old" in in_english(raised.value.text) and "2026-01" in str(raised.value)
    assert "zu alt" in in_german(raised.value.text)
    assert fake_shopify.log == [], "nothing was sent"


@pytest.mark.parametrize("version", ["unstable", "2026-05", "26-01", "", "2026-01; DROP"])
def test_what_is_no_stable_version_is_refused(version: str) -> None:
    with pytest.raises(ApiVersionError, match="not a Shopify API version"):
        check_api_version(version)


@pytest.mark.parametrize("version", ["2026-01", "2026-04", "2026-10", "2027-01"])
def test_versions_from_2026_01_on_are_used(
    version: str, fake_shopify: FakeShopify, make_client: MakeClient
) -> None:
    order = fake_shopify.state.add_order()
    client = make_client(AccessToken(ACCESS_TOKEN), api_version=version)
    assert get_order(client, order.gid).name == order.name
    assert fake_shopify.log[-1].path == f"/admin/api/{version}/graphql.json"
