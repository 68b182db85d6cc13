"""Every GraphQL document Dropdesk sends is valid against the Admin schema of every API version
Dropdesk offers (each dump in tests/contracts/shopify) and affordable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from graphql import (
    FragmentDefinitionNode,
    GraphQLSchema,
    OperationDefinitionNode,
    parse,
    specified_rules,
    validate,
)
from graphql.execution.values import get_variable_values
from graphql.validation import NoDeprecatedCustomRule

import core.shopify
from core.shopify import documents
from core.shopify.orders import LINES_PER_ORDER, ORDERS_PER_PAGE
from core.shopify.throttle import MAX_QUERY_COST
from core.shopify.versions import OFFERED_API_VERSIONS, OLDEST_API_VERSION
from tests.core.shopify.conftest import MakeClient
from tests.fakes.shopify_cost import CostModel
from tests.fakes.shopify_schema import SCHEMA_VERSIONS, schema
from tests.fakes.shopify_server import FakeShopify

PACKAGE = Path(core.shopify.__file__).parent
FRAGMENTS = sorted((PACKAGE / "documents" / "fragments").glob("*.graphql"))
DOCUMENTS = sorted(set(PACKAGE.rglob("*.graphql")) - set(FRAGMENTS))


def test_documents_are_found() -> None:
    names = {path.stem for path in DOCUMENTS}
    assert {"orders_updated_since", "order_cancel", "refund_create", "shop"} <= names
    assert len(DOCUMENTS) >= 11


def test_the_oldest_offered_version_has_its_schema_dump() -> None:
    assert min(OFFERED_API_VERSIONS) == OLDEST_API_VERSION
    assert SCHEMA_VERSIONS[0] == OLDEST_API_VERSION
    assert len(SCHEMA_VERSIONS) >= 2


@pytest.mark.parametrize("version", SCHEMA_VERSIONS)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda path: path.name)
def test_document_is_valid_and_uses_nothing_deprecated(path: Path, version: str) -> None:
    # What the client sends: the file with the fragments it uses appended by load().
    document = parse(documents.load(path.stem))
    errors = validate(schema(version), document, [*specified_rules, NoDeprecatedCustomRule])
    assert [error.message for error in errors] == []
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    assert len(operations) == 1
    assert operations[0].name is not None
    # OrderById lives in order_by_id.graphql: the client loads documents by file name.
    assert operations[0].name.value.lower() == path.stem.replace("_", "")
    assert documents.load(path.stem).startswith(path.read_text(encoding="utf-8"))


def test_every_fragment_is_used_and_named_after_its_file() -> None:
    texts = [path.read_text(encoding="utf-8") for path in [*DOCUMENTS, *FRAGMENTS]]
    used = {f.stem for f in FRAGMENTS if any(f"...{f.stem}" in text for text in texts)}
    assert used == {f.stem for f in FRAGMENTS} == {"OrderFields", "LineItemFields"}
    for fragment in FRAGMENTS:
        assert f"fragment {fragment.stem} on " in fragment.read_text(encoding="utf-8")


def test_the_three_order_reads_select_the_same_fields() -> None:
    for name in ("order_by_id", "orders_by_name", "orders_updated_since"):
        loaded = documents.load(name)
        assert "...OrderFields" in loaded and loaded.count("fragment OrderFields on Order") == 1
        assert loaded.count("fragment LineItemFields on LineItem") == 1  # OrderFields uses it


def test_refund_create_carries_the_idempotency_directive() -> None:
    text = documents.load("refund_create")
    assert re.search(r"refundCreate\(input: \$input\) @idempotent\(key: \$key\)", text)


def test_order_cancel_refunds_to_the_original_payment() -> None:
    assert "refundMethod: { originalPaymentMethodsRefund: true }" in documents.load("order_cancel")


def _requested_cost(schema: GraphQLSchema, name: str, variables: dict[str, object]) -> int:
    document = parse(documents.load(name))
    operation = document.definitions[0]
    assert isinstance(operation, OperationDefinitionNode)
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    coerced = get_variable_values(schema, operation.variable_definitions or (), variables)
    assert not isinstance(coerced, list)
    return CostModel(schema, operation, fragments, coerced).requested()


def test_sync_page_fits_under_the_single_query_cost_cap(shopify_schema: GraphQLSchema) -> None:
    variables = {"first": ORDERS_PER_PAGE, "query": "", "lines": LINES_PER_ORDER, "after": None}
    cost = _requested_cost(shopify_schema, "orders_updated_since", variables)
    assert cost == 962
    assert cost <= MAX_QUERY_COST
    # Why not 250 orders a page: nested line items multiply the cost far past the cap.
    variables["first"] = 250
    assert _requested_cost(shopify_schema, "orders_updated_since", variables) > MAX_QUERY_COST


def test_fake_refuses_an_invalid_document_like_shopify(
    make_client: MakeClient, fake_shopify: FakeShopify
) -> None:
    client = make_client()
    with pytest.raises(core.shopify.ShopifyQueryError, match="Dropdesk's 'probe' request") as info:
        client.execute("query Probe { shop { nonsenseField } }", operation="probe")
    assert "nonsenseField" in str(info.value)
    assert fake_shopify.log[-1].status == 200  # Shopify answers 200 with errors


def test_fake_refuses_a_query_over_the_cost_cap(make_client: MakeClient) -> None:
    client = make_client()
    document = documents.load("orders_updated_since")
    with pytest.raises(core.shopify.ShopifyQueryError) as info:
        client.execute(
            document, {"first": 250, "query": "", "lines": 5}, operation="OrdersUpdatedSince"
        )
    assert info.value.code == "MAX_COST_EXCEEDED"
