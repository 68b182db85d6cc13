"""What the Chargebacks view needs from the rest of the app: a sync and a sender through the
first connected shop's client (None without one), and the refund policy in force (the draft
the Refund policy dialog makes from the suppliers in use and the contact saved there)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gui.ui_settings import ui_settings

if TYPE_CHECKING:
    from core.chargebacks.evidence import EvidenceSent
    from core.chargebacks.store import ChargebackSync
    from core.connections import Connections
    from core.ledger import Ledger
    from core.policy import PolicyDraft
    from gui.chargebacks_view import ChargebacksView

SHORTCUT = "Ctrl+Shift+B"


def policy_in_force(ledger: Ledger) -> Callable[[str], PolicyDraft | None]:
    """The refund policy draft in `lang`, or None while no contact e-mail was saved."""

    def draft(lang: str) -> PolicyDraft | None:
        from core.policy import Contact, draft_policy, strictest_terms, supplier_policies
        from gui.policy_dialog import IN_USE_DAYS

        settings = ui_settings()
        email = str(settings.value("policy/email", "") or "").strip()
        if "@" not in email:
            return None
        since = datetime.now(UTC) - timedelta(days=IN_USE_DAYS)
        policies = supplier_policies(ledger.engine, since) or supplier_policies(ledger.engine)
        contact = Contact(
            str(settings.value("policy/shop_name", "") or ""),
            email,
            str(settings.value("policy/return_address", "") or ""),
        )
        try:
            return draft_policy(strictest_terms(policies), contact, "de" if lang == "de" else "en")
        except ValueError:
            return None

    return draft


def shop_ports(
    ledger: Ledger, connections: Connections | None
) -> tuple[
    Callable[[], ChargebackSync] | None,
    Callable[[int, Mapping[str, str], bool], EvidenceSent] | None,
]:
    """(sync, send) through the first connected shop, or (None, None) without one."""
    shops = connections.connected_shops() if connections else []
    if connections is None or not shops:
        return None, None
    shop_id = shops[0].id
    linked = connections

    def sync() -> ChargebackSync:
        from core.chargebacks.store import sync_chargebacks

        with linked.shopify_client(shop_id) as client:
            return sync_chargebacks(ledger, client, shop_id)

    def send(chargeback_id: int, texts: Mapping[str, str], submit: bool) -> EvidenceSent:
        from core.chargebacks.evidence import send_evidence

        with linked.shopify_client(shop_id) as client:
            return send_evidence(ledger, client, chargeback_id, texts, submit=submit)

    return sync, send


def open_chargebacks(
    parent: QWidget, ledger: Ledger, connections: Connections | None
) -> ChargebacksView:
    """A Chargebacks window wired to the shop (the caller keeps and shows it)."""
    from gui.chargebacks_view import ChargebacksView

    sync, send = shop_ports(ledger, connections)
    view = ChargebacksView(ledger, parent, sync=sync, send=send, policy=policy_in_force(ledger))
    view.setWindowFlag(Qt.WindowType.Window)
    return view
