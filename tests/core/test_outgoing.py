"""Messages that leave Dropdesk: one catalogue file per language, every language with every
message and the same fields, English when a message or a language is missing, and the
recipient's language chosen per recipient (core.outgoing)."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from core import outgoing
from core.outgoing import CATALOGUES, Amount, Catalogue, Instant, OutgoingError, Phrase
from tests.catalogue import in_english, in_german

ENGLISH = outgoing.languages()["en"]


def test_there_is_a_catalogue_file_per_language_and_english_is_one() -> None:
    files = sorted(path.stem for path in CATALOGUES.glob("*.toml"))
    assert "en" in files and "de" in files
    assert next(iter(outgoing.languages())) == "en"
    assert sorted(outgoing.languages()) == files


@pytest.mark.parametrize("code", sorted(outgoing.languages()))
def test_every_language_has_every_message_with_the_same_fields(code: str) -> None:
    lang = outgoing.languages()[code]
    assert set(lang.templates) == set(ENGLISH.templates), code
    for key, english in ENGLISH.templates.items():
        assert outgoing.fields_of(lang.templates[key]) == outgoing.fields_of(english), key
    assert len(lang.months) == 12 and lang.name


@pytest.mark.parametrize("code", sorted(outgoing.languages()))
def test_every_template_renders_with_its_fields(code: str) -> None:
    lang = outgoing.languages()[code]
    for key, text in lang.templates.items():
        fields = {name: f"<{name}>" for name in outgoing.fields_of(text)}
        composed = outgoing.compose(key, code, **fields)
        assert composed.strip(), key
        assert "{" not in composed and "}" not in composed, key
        for name in fields:
            assert f"<{name}>" in composed, (key, name)
    assert lang.day(date(2026, 3, 1))
    assert lang.money(123_456, "EUR").count("1234") == 1
    assert lang.instant(datetime(2026, 3, 1, 12, 0, tzinfo=UTC), "Europe/Berlin")


def test_values_are_written_the_recipients_way() -> None:
    fields = {
        "greeting": Phrase("notice.greeting", {"name": "Jana"}),
        "order": "#4001",
        "refund": Amount(123_456, "EUR"),
        "shop": "Lena's Gadgets",
    }
    english = outgoing.compose("notice.refund_sent.body", "en", **fields)
    german = outgoing.compose("notice.refund_sent.body", "de", **fields)
    assert english.startswith("Hello Jana,") and "EUR 1234.56" in english
    assert german.startswith("Guten Tag Jana,") and "1234,56 EUR" in german
    moment = Instant(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), "Europe/Berlin")
    assert outgoing.compose("supplier.by_date", "de", date=date(2026, 3, 28)) == (
        "bis zum 28. März 2026"
    )
    assert outgoing.language("de").instant(moment.at, moment.zone) == (
        "10. März 2026, 13:00 Uhr (CET)"
    )


def test_a_language_without_a_catalogue_or_a_message_falls_back_to_english(
    tmp_path: Path,
) -> None:
    assert outgoing.code_of("fr") == "en" and outgoing.code_of("de-AT") == "de"
    assert outgoing.code_of("de_CH") == "de" and outgoing.code_of(None) == "en"
    assert outgoing.has_language("en-US") and not outgoing.has_language("zh-CN")
    assert outgoing.compose("supplier.by_date", "zh", date=date(2026, 3, 28)) == (
        "by 28 March 2026"
    )
    # A catalogue that lacks a message: that message comes in English, the others in its own.
    shutil.copy(CATALOGUES / "en.toml", tmp_path / "en.toml")
    (tmp_path / "nl.toml").write_text(
        "[language]\n"
        'name = "Nederlands"\n'
        'countries = ["NL"]\n'
        'months = ["januari", "februari", "maart", "april", "mei", "juni", "juli",'
        ' "augustus", "september", "oktober", "november", "december"]\n'
        'date = "{day} {month} {year}"\n'
        'time = "{date}, {hh}:{mm} ({zone})"\n'
        'money = "{currency} {amount}"\n'
        'decimal_mark = ","\n'
        'and = " en "\n'
        'last_and = " en "\n'
        'or = " of "\n'
        "[supplier]\n"
        'by_date = "uiterlijk {date}"\n',
        "utf-8",
    )
    catalogue = Catalogue.load(tmp_path)
    assert list(catalogue.languages) == ["en", "nl"]  # a third language: one file
    assert catalogue.compose("supplier.by_date", "nl", date=date(2026, 3, 28)) == (
        "uiterlijk 28 maart 2026"
    )
    fallback = catalogue.compose("supplier.tracking_request", "nl", order="8123", by="soon")
    assert fallback.startswith("Hello,") and "8123" in fallback


def test_a_missing_field_or_message_is_said_in_both_languages() -> None:
    with pytest.raises(OutgoingError) as missing:
        outgoing.compose("supplier.cancel_request", "de", order="8123")
    assert "reason" in in_english(missing.value.text) and "braucht" in in_german(missing.value.text)
    with pytest.raises(OutgoingError) as unknown:
        outgoing.compose("no.such.message", "en")
    assert "no.such.message" in in_english(unknown.value.text)


def test_a_message_keeps_its_facts_across_languages() -> None:
    why = Phrase("customer.cancelled_because.out_of_stock", {"order": "#1001"})
    message = outgoing.message("customer.cancelled", "customer", "de-AT", cancelled=why)
    assert message.language == "de" and message.text.startswith("Hallo,")
    assert "nicht mehr vorrätig" in message.text  # the phrase in the message's language
    english = message.in_language("en")
    assert english.text.startswith("Hello,") and "#1001" in english.text
    assert "out of stock" in english.text
    assert english.same_as(message) and english.in_language("xx").language == "en"
    supplier = outgoing.message("supplier.by_date", "supplier", date=date(2026, 3, 28))
    assert supplier.language == "en"  # a supplier is written to in English unless chosen


@pytest.mark.parametrize("code", sorted(outgoing.languages()))
def test_every_language_has_the_evidence_pack_and_the_text_evidence(code: str) -> None:
    """The chargeback's evidence leaves the app in the language the merchant chooses: every
    label of the PDF (`evidence.pack.*`) and every sentence of the text evidence (`evidence.*`)
    exists in every language, in that language's own words."""
    lang = outgoing.languages()[code]
    english = {k for k in ENGLISH.templates if k.startswith("evidence.")}
    pack = {k for k in english if k.startswith("evidence.pack.")}
    assert len(pack) > 40 and {"evidence.pack.title", "evidence.pack.amount"} <= pack
    assert english <= set(lang.templates), english - set(lang.templates)
    if code != outgoing.FALLBACK:  # translated, not copied (SKU and Status read the same)
        same = {k for k in pack if lang.templates[k] == ENGLISH.templates[k]}
        assert same <= {"evidence.pack.sku", "evidence.pack.status"}, same
