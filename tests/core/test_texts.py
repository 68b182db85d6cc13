"""Core's words: one marker per message (context, English source, named fields), found by
reading the sources, translated only in the catalogue, and stored in the journal as the
marker so a later language switch re-words it. Old journal payloads still read."""

from __future__ import annotations

import json

import pytest

from core.ledger.errors import write_failure
from core.texts import Text
from tests.catalogue import in_english, in_german
from tests.test_translations import build

GERMAN = {
    (
        "t",
        "The supplier has {days} days left ({why})",
    ): "Der Lieferant hat noch {days} Tage ({why})",
    ("t", "the parcel shipped"): "das Paket ist versandt",
}


def translate(context: str, source: str) -> str:
    return GERMAN.get((context, source), source)


def test_a_marker_is_english_outside_the_window_and_german_through_a_catalogue() -> None:
    why = Text("t", "the parcel shipped")
    text = Text("t", "The supplier has {days} days left ({why})", days=3, why=why)
    assert str(text) == text.english() == "The supplier has 3 days left (the parcel shipped)"
    assert text.render(translate, "de") == "Der Lieferant hat noch 3 Tage (das Paket ist versandt)"


def test_the_journal_keeps_the_marker_and_rewords_it_in_any_language() -> None:
    why = Text("t", "the parcel shipped")
    text = Text("t", "The supplier has {days} days left ({why})", days=3, why=why)
    stored = json.loads(json.dumps(text.stored()))  # what a payload holds
    assert "Der" not in json.dumps(stored) and stored["fields"]["days"] == 3
    again = Text.from_stored(stored)
    assert again == text
    assert again.render(translate, "de") == text.render(translate, "de")
    assert again.english() == text.english()


def test_payloads_of_older_versions_still_read_in_both_languages() -> None:
    pair = Text.from_stored({"en": "Too late to cancel.", "de": "Zu spät zum Stornieren."})
    assert pair.render(translate, "de") == "Zu spät zum Stornieren."
    assert pair.english() == "Too late to cancel."
    assert Text.from_stored(pair.stored()) == pair
    plain = Text.from_stored("Too late to cancel.")  # the oldest: English only
    assert plain.render(translate, "de") == plain.english() == "Too late to cancel."
    assert not Text.from_stored(None) and not Text.verbatim("")


def test_a_translation_that_lost_a_field_shows_the_english_not_a_traceback() -> None:
    text = Text("t", "{n} orders", n=2)
    assert text.render(lambda _c, _s: "{count} Bestellungen", "de") == "2 orders"


def test_platform_words_are_redacted_in_fields_never_in_our_source() -> None:
    text = Text(
        "t",
        "Shopify said: {said} ({error}, {n})",
        said="token shpat_x",
        n=3,
        error=RuntimeError("boom shpat_x"),
    )
    assert text.map_fields(lambda s: s.replace("shpat_x", "[redacted]")).english() == (
        "Shopify said: token [redacted] (boom [redacted], 3)"
    )


def test_the_scanner_reads_core_markers_without_importing_core() -> None:
    found = build.core_texts()
    assert "the disk is full" in found["core.ledger.errors"]
    assert all(context.startswith("core.") for context in found)
    assert all("" not in sources for sources in found.values())
    tree = build.ast.parse('Text("core.x", "A {n}", n=1)\nText(name, "not a literal")\n')
    assert list(build.text_markers(tree)) == [("core.x", "A {n}")]


@pytest.mark.parametrize("name", ["SQLITE_FULL", "SQLITE_IOERR_WRITE"])
def test_a_converted_error_speaks_german_through_the_catalogue(name: str) -> None:
    """An error built from two catalogue texts (one a field of the other)."""
    import sqlite3
    from pathlib import Path

    cause = sqlite3.OperationalError("disk I/O error")
    cause.sqlite_errorname = name  # type: ignore[attr-defined]
    error = write_failure(Path("/x/ledger.sqlite"), cause)
    assert error is not None
    assert in_english(error.text).startswith("Dropdesk could not save to ledger.sqlite: the disk")
    assert in_german(error.text).startswith("Dropdesk konnte ledger.sqlite nicht speichern: ")
    assert "Datenträger" in in_german(error.text) and "disk" not in in_german(error.text)
    assert str(error) == in_english(error.text)
