"""How hard the fuzzers try: a quick pass in every test run, a deep one in `make test-slow`."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

QUICK = 60  # examples per property in the default run (each module stays within seconds)
DEEP = 2_000  # examples per property in the slow run


def fuzz(examples: int) -> settings:
    """Hypothesis settings for `examples` examples, without deadlines (the machine is shared)
    and allowing module-scoped fixtures such as a ledger or a server."""
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
