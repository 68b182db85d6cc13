"""The Admin API schemas the tests validate against, each built once per test run (~2 s each).

The fake Shopify enforces 2026-04 (`reference_schema`); every `.graphql` document is also
validated against each other dump in tests/contracts/shopify (`schema(version)`), the oldest
being the oldest version Dropdesk offers (2026-01).
"""

from __future__ import annotations

import functools
from pathlib import Path

from graphql import GraphQLSchema, build_schema

CONTRACTS = Path(__file__).parents[1] / "contracts" / "shopify"
REFERENCE_VERSION = "2026-04"
#: Every version with a schema dump under tests/contracts/shopify, oldest first.
SCHEMA_VERSIONS = tuple(
    sorted(
        path.name.split("-", 1)[1].split(".")[0]
        for path in CONTRACTS.glob("admin-*.schema.graphql")
    )
)
SCHEMA_FILE = CONTRACTS / f"admin-{REFERENCE_VERSION}.schema.graphql"


@functools.cache
def schema(version: str) -> GraphQLSchema:
    """The Admin schema of `version`, built on first use and kept for the whole run."""
    path = CONTRACTS / f"admin-{version}.schema.graphql"
    # assume_valid: the introspected SDL trips graphql-core 3.3's checks on deprecated fields.
    return build_schema(path.read_text(encoding="utf-8"), assume_valid=True)


def reference_schema() -> GraphQLSchema:
    return schema(REFERENCE_VERSION)
