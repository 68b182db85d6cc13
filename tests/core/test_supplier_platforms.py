"""The supplier platform registry and AliExpress as its first platform."""

from __future__ import annotations

import pytest

from core import supplier_platforms
from core.ledger import Ledger
from core.ledger.models import Supplier, SupplierOrder
from core.status_words import is_cancelled, is_settled, is_shipped
from core.supplier_platforms import UnknownPlatformError
from tests.catalogue import in_english, in_german


def test_aliexpress_is_the_default_and_dsers_orders_are_aliexpress_orders() -> None:
    for stored in (None, "", "aliexpress", "AliExpress ", "dsers"):
        platform = supplier_platforms.get(stored)
        assert platform.id == "aliexpress"
        assert platform.name == "AliExpress"


def test_an_unknown_platform_is_refused_in_both_languages() -> None:
    with pytest.raises(UnknownPlatformError) as caught:
        supplier_platforms.get("temu")
    assert "'temu'" in in_english(caught.value.text)
    assert "Lieferantenplattform 'temu'" in in_german(caught.value.text)


def test_aliexpress_keeps_its_words_and_names_the_ones_it_added_since() -> None:
    platform = supplier_platforms.get("aliexpress")
    known = platform.classify("WAIT_BUYER_ACCEPT_GOODS", "SELLER_SEND_GOODS", "")
    assert known.order_status == "WAIT_BUYER_ACCEPT_GOODS"
    assert known.unknown == ()
    new = platform.classify("WAIT_FOR_MARS", "TELEPORTED", "buyer_accept_goods")
    assert (new.order_status, new.logistics_status, new.end_reason) == (
        "WAIT_FOR_MARS",
        "TELEPORTED",
        "buyer_accept_goods",
    )
    assert new.unknown == ("WAIT_FOR_MARS", "TELEPORTED")


def test_the_order_page_for_the_manual_step() -> None:
    assert supplier_platforms.get("dsers").order_url(" 8123 ") == (
        "https://www.aliexpress.com/p/order/detail.html?orderId=8123"
    )


def test_the_vocabulary_says_shipped_cancelled_and_settled() -> None:
    assert is_cancelled("FINISH", "cancel_order_close_trade")
    assert not is_cancelled("IN_CANCEL", "")
    assert is_shipped("WAIT_SELLER_SEND_GOODS", "SELLER_SEND_GOODS", "")
    assert not is_shipped("FINISH", "SELLER_SEND_GOODS", "seller_send_goods_timeout")
    assert is_settled("FINISH", "BUYER_ACCEPT_GOODS", "")
    assert not is_settled("FINISH", "", "")


def test_an_orders_platform_is_its_suppliers(ledger: Ledger) -> None:
    with ledger.session() as session:
        supplier = Supplier(name="Shenzhen Direct", platform="dsers")
        session.add(supplier)
        session.flush()
        placed = SupplierOrder(external_order_id="8100000000000001", supplier_id=supplier.id)
        loose = SupplierOrder(external_order_id="8100000000000002")
        session.add_all([placed, loose])
        session.flush()
        assert supplier_platforms.platform_of(session, placed).id == "aliexpress"
        assert supplier_platforms.platform_of(session, loose).id == "aliexpress"
        assert supplier_platforms.platform_of(session, None).id == "aliexpress"
        supplier.platform = "temu"
        session.add(supplier)
        session.flush()
        with pytest.raises(UnknownPlatformError):
            supplier_platforms.platform_of(session, placed)
