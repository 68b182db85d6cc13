"""Hypothesis strategies for hostile JSON: what a broken or malicious server could answer.

Values are what `json.loads` can produce (with `parse_float=Decimal`, as the AliExpress client
reads): None, booleans, huge integers, Decimals, the float constants NaN and Infinity, and
text, including look-alike digits and dates at the ends of the calendar. `mutations` takes a
real sample answer and replaces a few of its leaves or branches with such values, so the fuzzer
reaches deep into the parsers instead of stopping at the first missing key.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st

NASTY_TEXT = [
    "",
    " ",
    "NaN",
    "sNaN",
    "-Infinity",
    "1e999",
    "1E+30",
    "-0",
    "99999999999999999999999",
    "²",  # str.isdigit() says yes, int() says no
    "١٢٣",  # Arabic-Indic digits
    "9999-12-31 23:59:59",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "2026-02-30 10:00:00",
    "253402300800000",  # epoch milliseconds just past year 9999
    "-1",
    "null",
    "gid://shopify/Order/",
    "\x00",
    "\u202e",
    "shpat_" + "0" * 32,
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([float("nan"), float("inf"), float("-inf"), 1e308]),
    st.text(max_size=16),
    st.sampled_from(NASTY_TEXT),
)


def values(keys: Sequence[str]) -> st.SearchStrategy[Any]:
    """Any JSON-ish value, nesting lists and objects whose keys come from `keys`."""
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(list(keys)), inner, max_size=4)
        ),
        max_leaves=12,
    )


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


def mutations(sample: Any, keys: Sequence[str]) -> st.SearchStrategy[Any]:
    """`sample` with up to four of its values (leaves or whole branches) replaced."""
    paths = _paths(sample)
    replacement = st.tuples(st.sampled_from(paths), values(keys))

    def apply(changes: list[tuple[tuple[Any, ...], Any]]) -> Any:
        mutated = copy.deepcopy(sample)
        for path, value in changes:
            target = mutated
            try:
                for step in path[:-1]:
                    target = target[step]
                target[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                continue  # an earlier change replaced the branch this path ran through
        return mutated

    return st.lists(replacement, min_size=1, max_size=4).map(apply)


def keys_of(sample: Any) -> list[str]:
    """Every object key in `sample` (for building look-alike structures)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                found.add(str(key))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(sample)
    return sorted(found)
