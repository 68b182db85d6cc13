"""At most one open cancellation run per supplier order, guarded by the database.

The workflow checks for an open run before it starts one, but two Dropdesk instances on one
server ledger (or two threads of one app) may both check before either commits. A unique
partial index over the open runs makes the second insert fail; core.cancel.workflow turns
that into "a run for this order is already open" and shows the first.

Runs that a race already doubled are resolved before the index is made: per supplier order
the run with a Shopify call in flight is kept (else the oldest), the others are abandoned,
each with its journal event naming the run that continues.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""

import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: core.cancel.states.FINAL and IN_FLIGHT as of this revision; the condition is written the
#: same on both engines (core.ledger.models.OPEN_RUN repeats it for the models).
OPEN_RUN = "state NOT IN ('done', 'abandoned')"
_IN_FLIGHT = ("shop_cancel_sent", "shop_refund_sent")
_WHY = (
    "Opened twice for the same order at the same moment (two Dropdesk instances); "
    "run {kept} continues."
)


def upgrade() -> None:
    _close_doubled_runs()
    op.create_index(
        "ux_cancellation_open_run",
        "cancellation",
        ["supplier_order_id"],
        unique=True,
        sqlite_where=sa.text(OPEN_RUN),
        postgresql_where=sa.text(OPEN_RUN),
    )


def _close_doubled_runs() -> None:
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            f"SELECT id, supplier_order_id, state FROM cancellation WHERE {OPEN_RUN}"
            " AND supplier_order_id IN (SELECT supplier_order_id FROM cancellation"
            f" WHERE {OPEN_RUN} GROUP BY supplier_order_id HAVING count(*) > 1)"
            " ORDER BY supplier_order_id, id"
        )
    ).all()
    if not rows:
        return
    runs: dict[int, list[tuple[int, str]]] = {}
    for run_id, order_id, state in rows:
        runs.setdefault(int(order_id), []).append((int(run_id), str(state)))
    # Typed columns: the instant is stored as each engine stores it (UTCDateTime's layout).
    from core.ledger.utc_datetime import UTCDateTime

    now = datetime.now(UTC)
    cancellation = sa.table(
        "cancellation",
        sa.column("id", sa.Integer()),
        sa.column("state", sa.String()),
        sa.column("abandoned_reason", sa.String()),
        sa.column("updated_at", UTCDateTime()),
        sa.column("closed_at", UTCDateTime()),
    )
    event = sa.table(
        "event",
        sa.column("at", UTCDateTime()),
        sa.column("kind", sa.String()),
        sa.column("entity", sa.String()),
        sa.column("entity_id", sa.Integer()),
        sa.column("payload", sa.String()),
    )
    supplier_order = sa.table(
        "supplier_order", sa.column("id", sa.Integer()), sa.column("in_open_run", sa.Boolean())
    )
    for order_id, open_runs in runs.items():
        in_flight = [run for run in open_runs if run[1] in _IN_FLIGHT]
        kept = (in_flight or open_runs)[0][0]
        for run_id, state in open_runs:
            if run_id == kept:
                continue
            why = _WHY.format(kept=kept)
            bind.execute(
                cancellation.update()
                .where(cancellation.c.id == run_id)
                .values(state="abandoned", abandoned_reason=why, updated_at=now, closed_at=now)
            )
            payload = {"from": state, "reason": why, "duplicate_of": kept}
            bind.execute(
                event.insert().values(
                    at=now,
                    kind="cancellation.abandoned",
                    entity="cancellation",
                    entity_id=run_id,
                    payload=json.dumps(payload, sort_keys=True),
                )
            )
        # The open-run trigger cleared the flag with the abandoned run; the kept one is open.
        bind.execute(
            supplier_order.update().where(supplier_order.c.id == order_id).values(in_open_run=True)
        )


def downgrade() -> None:
    op.drop_index("ux_cancellation_open_run", "cancellation")
