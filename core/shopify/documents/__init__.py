"""The GraphQL documents Dropdesk sends, one `.graphql` file per operation, and the fragments
they share in `fragments/<FragmentName>.graphql`.

Kept as files (not strings in code) so a test can validate every one against the Admin schema.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SPREAD = re.compile(r"\.\.\.\s*(?!on\b)([A-Za-z_]\w*)")  # `...Name`, not `... on Type`


@cache
def load(name: str) -> str:
    """The text of `<name>.graphql`, followed by every fragment it spreads (transitively)."""
    text = _read(f"{name}.graphql")
    fragments: dict[str, str] = {}
    pending = _SPREAD.findall(text)
    while pending:
        fragment = pending.pop()
        if fragment not in fragments:
            fragments[fragment] = _read(f"fragments/{fragment}.graphql")
            pending.extend(_SPREAD.findall(fragments[fragment]))
    return "\n".join([text, *(fragments[f] for f in sorted(fragments))])


def _read(relative: str) -> str:
    return resources.files(__name__).joinpath(relative).read_text(encoding="utf-8")
