"""The GraphQL documents Dropdesk sends, one `.graphql` file per operation.

Kept as files (not strings in code) so a test can validate every one against the Admin schema.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    """The text of `<name>.graphql` from this folder."""
    return resources.files(__name__).joinpath(f"{name}.graphql").read_text(encoding="utf-8")
