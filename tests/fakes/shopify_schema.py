"""The Admin API 2026-04 schema the fake Shopify enforces, built once per test run (~2 s)."""

from __future__ import annotations

import functools
from pathlib import Path

from graphql import GraphQLSchema, build_schema

SCHEMA_FILE = Path(__file__).parents[1] / "contracts" / "shopify" / "admin-2026-04.schema.graphql"


@functools.cache
def reference_schema() -> GraphQLSchema:
    # assume_valid: the introspected SDL trips graphql-core 3.3's checks on deprecated fields.
    return build_schema(SCHEMA_FILE.read_text(encoding="utf-8"), assume_valid=True)
