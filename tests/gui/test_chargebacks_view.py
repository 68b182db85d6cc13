"""The Chargebacks view over real ledgers: the demo's chargebacks with their countdown in
English and German, the evidence pack PDF (its text read back with pdftotext), and the confirm
dialog in front of every send to the fake Shopify over loopback: cancel sends nothing, save
sends without submitting, and only the ticked box submits."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from graphql import GraphQLSchema
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from core import clocks, outgoing
from core.chargebacks.evidence import EvidenceSent, send_evidence
from core.chargebacks.store import ChargebackRow, list_chargebacks, sync_chargebacks
from core.ledger import Ledger
from core.policy import Contact, PolicyDraft, draft_policy, strictest_terms, supplier_policies
from core.shopify import AccessToken, ShopifyClient, ShopInfo, save_shop, sync_orders
from gui import i18n
from gui.chargebacks_view import ChargebacksView, EvidenceDialog
from gui.palette import Colours
from tests.fakes.shopify_server import ACCESS_TOKEN, FakeShopify, LoopbackTransport
from tests.gui.conftest import DEMO_NOW

EN_US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
ENGLISH_MONTHS = (
    "January February March April May June July August September October November December"
).split()
GERMAN_MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
).split()


@pytest.fixture
def german(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.delenv(i18n.ENVIRONMENT, raising=False)
    language = i18n.install_translators(qapp, "de")
    yield language
    i18n.remove_translators(qapp)
    QLocale.setDefault(EN_US)


def make_view(qtbot: QtBot, ledger: Ledger, **options: object) -> ChargebacksView:
    view = ChargebacksView(ledger, now=lambda: DEMO_NOW, **options)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=5_000)
    return view


def _policy(ledger: Ledger) -> Callable[[str], PolicyDraft | None]:
    def draft(lang: str) -> PolicyDraft:
        terms = strictest_terms(supplier_policies(ledger.engine))
        contact = Contact("Demo Shop", "help@demo-shop.example")
        return draft_policy(terms, contact, "de" if lang == "de" else "en")

    return draft


def test_waiting_chargebacks_come_first_with_their_countdown(
    qtbot: QtBot, demo_ledger: Ledger
) -> None:
    view = make_view(qtbot, demo_ledger)
    table = view.table
    assert table.topLevelItemCount() == 5
    rows = [table.topLevelItem(i) for i in range(5)]
    assert [r.text(5) for r in rows if r is not None][:3] == [
        "overdue 5 h",
        "in 1 d 06 h",
        "in 9 d 00 h",
    ]
    first = rows[0]
    assert first is not None
    assert first.text(1) == "Card holder says they did not make the payment"
    assert first.text(3) == "Needs your evidence"
    assert first.foreground(5).color() == Colours.NEGATIVE.color()
    assert view.count_label.text() == "5 chargebacks, 3 waiting for your evidence"
    assert not view.send_button.isEnabled()  # no shop connected: nothing to send through
    assert not view.sync_button.isEnabled() and view.pack_button.isEnabled()
    won = next(r for r in rows if r is not None and r.text(3) == "Won")
    assert won.text(5) == "—"


def test_the_view_speaks_german(qtbot: QtBot, demo_ledger: Ledger, german: str) -> None:
    view = make_view(qtbot, demo_ledger)
    assert view.windowTitle() == "Rückbuchungen"
    header = view.table.headerItem()
    assert header is not None and header.text(0) == "Bestellung"
    first = view.table.topLevelItem(0)
    assert first is not None
    assert first.text(1) == "Karteninhaber sagt, er habe die Zahlung nicht veranlasst"
    assert first.text(3) == "Wartet auf Ihre Nachweise"
    assert first.text(5).startswith("überfällig") or "5" in first.text(5)


def _pdf_text(path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is needed"
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return " ".join(unicodedata.normalize("NFKC", done.stdout).split())  # ligatures: ff


@pytest.mark.parametrize(
    ("window", "language"), [("en", "en"), ("de", "de"), ("de", "en"), ("en", "de")]
)
def test_the_evidence_pack_pdf_holds_the_order_its_shipment_policy_and_timeline(
    qtbot: QtBot,
    demo_ledger: Ledger,
    tmp_path: Path,
    qapp: QApplication,
    window: str,
    language: str,
) -> None:
    """The pack speaks the language chosen for it, whatever the window speaks."""
    if window == "de":
        i18n.install_translators(qapp, "de")
    try:
        view = make_view(qtbot, demo_ledger, policy=_policy(demo_ledger))
        assert view.chosen_pack_language() == "en"  # the banks' language unless chosen
        view.pack_language.setCurrentIndex(view.pack_language.findData(language))
        row = view.rows[0]
        pack = view.pack(row.id, language)
        assert pack.order is not None and pack.shipments
        shipment = pack.shipments[0]
        path = view.save_pack(row.id, tmp_path / "pack.pdf")
        text = _pdf_text(path)
    finally:
        i18n.remove_translators(qapp)
        QLocale.setDefault(EN_US)
    assert path.stat().st_mode & 0o777 == 0o600
    assert row.order_name in text
    assert shipment.tracking_number in text and shipment.external_order_id in text
    assert pack.order.customer_name in text
    english = (
        "Chargeback evidence",
        "Card holder says they did not make the payment",
        "Refund policy in force",
        "Refund and return policy",
        "Timeline of what was done",
        "Chargeback opened by the bank",
    )
    german = (
        "Nachweise zur Rückbuchung",
        "Karteninhaber sagt",
        "Geltende Erstattungsrichtlinie",
        "Rückgabe und Erstattung",
        "Ablauf: was getan wurde",
        "Rückbuchung von der Bank eröffnet",
    )
    said, other = (english, german) if language == "en" else (german, english)
    for words in said:
        assert words in text, words
    heading = "Text evidence for Shopify" if language == "en" else "Textnachweis für Shopify"
    assert heading in text
    own = text.split(heading)[0]  # the text evidence below is what Shopify got: English
    for words in other:
        assert words not in own, words


def _html(view: ChargebacksView, language: str) -> tuple[str, ChargebackRow]:
    from gui.evidence_pdf import evidence_html

    row = view.rows[0]
    page = evidence_html(view.pack(row.id, language), language, DEMO_NOW)
    return page.split("<h2>Text")[0], row  # below: the text evidence Shopify got, in English


def test_the_pack_is_in_english_from_a_german_window(
    qtbot: QtBot, demo_ledger: Ledger, german: str
) -> None:
    view = make_view(qtbot, demo_ledger)
    assert view.pack_language.currentText() == "English"
    page, row = _html(view, view.chosen_pack_language())
    assert "<h2>The dispute</h2>" in page and "<th>Amount disputed</th>" in page
    assert "Card holder says they did not make the payment" in page
    amount = f"{row.currency} {row.amount_minor // 100}.{row.amount_minor % 100:02d}"
    assert f"<td>{amount}</td>" in page  # "EUR 89.90": the English way, not "89,90 EUR"
    assert row.initiated_at is not None
    opened = clocks.as_zone(row.initiated_at, clocks.MERCHANT_TIME_ZONE)
    month = ENGLISH_MONTHS[opened.month - 1]
    assert f"<td>{opened.day} {month} {opened.year}, {opened:%H:%M} (" in page
    for german_word in ("Rückbuchung", "Betrag", "Karteninhaber", " Uhr"):
        assert german_word not in page, german_word


def test_the_pack_is_in_german_from_an_english_window(qtbot: QtBot, demo_ledger: Ledger) -> None:
    view = make_view(qtbot, demo_ledger)
    page, row = _html(view, "de")
    assert "<h2>Die Rückbuchung</h2>" in page and "<th>Betrag</th>" in page
    assert "Karteninhaber sagt, er habe die Zahlung nicht veranlasst" in page
    amount = f"{row.amount_minor // 100},{row.amount_minor % 100:02d} {row.currency}"
    assert f"<td>{amount}</td>" in page  # "89,90 EUR"
    assert row.initiated_at is not None
    opened = clocks.as_zone(row.initiated_at, clocks.MERCHANT_TIME_ZONE)
    month = GERMAN_MONTHS[opened.month - 1]
    assert f"<td>{opened.day}. {month} {opened.year}, {opened:%H:%M} Uhr (" in page
    for english_word in ("The dispute", "Amount disputed", "Card holder", "Placed"):
        assert english_word not in page, english_word


def test_the_language_chosen_for_a_shops_packs_is_remembered_in_the_ledger(
    qtbot: QtBot, demo_ledger: Ledger, tmp_path: Path
) -> None:
    view = make_view(qtbot, demo_ledger)
    row = view.rows[0]
    assert view.chosen_pack_language() == "en"
    view.pack_language.setCurrentIndex(view.pack_language.findData("de"))
    view.save_pack(row.id, tmp_path / "pack.pdf")
    assert "Nachweise zur Rückbuchung" in _pdf_text(tmp_path / "pack.pdf")
    stored = demo_ledger.reader.execute(
        "SELECT value FROM setting WHERE key = 'evidence_pack_languages'"
    ).fetchone()
    assert stored is not None and json.loads(stored[0]) == {str(row.shop_id or ""): "de"}
    again = make_view(qtbot, demo_ledger)
    assert again.chosen_pack_language() == "de"  # the next pack of this shop


def test_every_label_of_the_pack_is_in_every_language() -> None:
    """Each `t("key")` the PDF asks for is a template of every outgoing language (a missing
    German one would silently fall back to English)."""
    from gui import evidence_pdf

    source = Path(evidence_pdf.__file__).read_text("utf-8")
    used = set(re.findall(r"""\bt\(["'](\w+)["']""", source))
    used |= set(re.findall(r"""for k in \(([^)]*)\)""", source)[0].replace('"', "").split(", "))
    used |= {"made", "made_nameless", "title"}
    assert len(used) > 40
    for code, language in outgoing.languages().items():
        missing = {k for k in used if f"{evidence_pdf.SECTION}.{k}" not in language.templates}
        assert not missing, (code, missing)


class Answer:
    """Answers the next modal EvidenceDialog: ticks submit or not, then confirms or cancels."""

    def __init__(self, qtbot: QtBot, *, submit: bool, accept: bool) -> None:
        self.seen: list[Mapping[str, str]] = []
        self.submit, self.accept = submit, accept
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._act)
        self.timer.start()

    def _act(self) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EvidenceDialog):
            return
        self.timer.stop()
        self.seen.append(dialog.texts())
        dialog.submit_box.setChecked(self.submit)
        if self.accept:
            dialog.ok_button.click()
        else:
            cancel = dialog.findChild(QPushButton, "cancelEvidence")
            assert cancel is not None
            cancel.click()


def test_evidence_goes_to_shopify_only_as_confirmed(
    qtbot: QtBot, ledger: Ledger, shopify_schema: GraphQLSchema
) -> None:
    with FakeShopify(shopify_schema) as fake:
        order = fake.state.add_order(name="#3003", fulfilled=True)
        dispute = fake.state.add_dispute(
            order, evidence_due_by=datetime.now(UTC) + timedelta(days=5)
        )

        def client() -> ShopifyClient:
            transport = LoopbackTransport({fake.domain: fake.url})
            return ShopifyClient(fake.domain, AccessToken(ACCESS_TOKEN), transport=transport)

        shop_id = save_shop(
            ledger, ShopInfo("Shop", "EUR", fake.domain), api_version="2026-04", auth_kind="token"
        )
        with client() as c:
            sync_orders(ledger, c, shop_id)

        def sync() -> object:
            with client() as c:
                return sync_chargebacks(ledger, c, shop_id)

        def send(chargeback_id: int, texts: Mapping[str, str], submit: bool) -> EvidenceSent:
            with client() as c:
                return send_evidence(ledger, c, chargeback_id, texts, submit=submit)

        view = make_view(qtbot, ledger, sync=sync, send=send)
        assert view.table.topLevelItemCount() == 0 and view.empty.isVisibleTo(view)
        view.sync_button.click()
        qtbot.waitUntil(lambda: view.busy is None and view.table.topLevelItemCount() == 1)
        assert "1 new" in view.count_label.text() or view.rows[0].order_name == "#3003"
        assert view.send_button.isEnabled()

        cancelled = Answer(qtbot, submit=True, accept=False)
        view.send_button.click()
        assert "#3003" in cancelled.seen[0]["uncategorizedText"]  # the text was shown first
        assert fake.state.evidence_requests == []  # cancel sends nothing

        saved = Answer(qtbot, submit=False, accept=True)
        view.send_button.click()
        qtbot.waitUntil(lambda: view.busy is None and len(fake.state.evidence_requests) == 1)
        sent = fake.state.evidence_requests[0]["input"]
        assert sent["submitEvidence"] is False and not dispute.submitted
        assert sent["uncategorizedText"] == saved.seen[0]["uncategorizedText"]

        submitted = Answer(qtbot, submit=True, accept=True)  # kept: its timer lives with it
        view.send_button.click()
        qtbot.waitUntil(lambda: view.busy is None and dispute.submitted)
        assert submitted.seen and submitted.seen[0] == saved.seen[0]
        assert fake.state.evidence_requests[-1]["input"]["submitEvidence"] is True
        qtbot.waitUntil(lambda: not view.loading and not view.rows[0].needs_response)
        assert list_chargebacks(ledger)[0].status == "UNDER_REVIEW"
        assert not view.send_button.isEnabled()  # nothing more to send
