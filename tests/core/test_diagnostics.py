"""core.diagnostics: the support zip holds versions, settings, the ledger's shape and the log's
end, and no secret, no customer name, e-mail address or note."""

from __future__ import annotations

import json
import logging
import os
import secrets as std_secrets
import stat
import tomllib
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core import diagnostics, logs, settings
from core.ledger import Ledger, open_ledger
from core.ledger.migrate import head_revision
from core.ledger.models import CustomerOrder, Setting
from core.redaction import register_secret

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
CUSTOMER = "Wilhelmina Quastenberg"
EMAIL = "wilhelmina.q@example.org"
NOTE = "Bitte beim Nachbarn Oberhuber abgeben"


pytestmark = pytest.mark.usefixtures("detached_logging")


@pytest.fixture
def planted(ledger: Ledger) -> Ledger:
    """A ledger with one customer order carrying a name, an e-mail and a note, and settings."""
    with ledger.session() as session:
        session.add(
            CustomerOrder(
                name="#1001", customer_name=CUSTOMER, email=EMAIL, note=NOTE, total_minor=1
            )
        )
        settings.put(session, "aliexpress_app_key", "34567812")
        settings.put(session, "aliexpress_account", "merchant-login@example.com")
        settings.put(session, "ship_window_days", 9)
        session.add(Setting(key="someone_elses_value", value=json.dumps("leave me out")))
    return ledger


def unzip(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_zip_holds_the_expected_members_and_no_secret_or_customer(
    planted: Ledger, tmp_path: Path
) -> None:
    log_dir = tmp_path / "logs"
    secret = "tok_" + std_secrets.token_hex(12)
    late_secret = "late_" + std_secrets.token_hex(12)
    logs.configure_logging(log_dir)
    register_secret(secret)
    logging.getLogger("dropdesk.test").info("connected with %s", secret)
    logging.getLogger("dropdesk.test").warning("Order #1001 for %s <%s> refused", CUSTOMER, EMAIL)
    logs.close_logging()
    # A line written before the secret was known to the redactor (an older run, a crash).
    with (log_dir / logs.LOG_FILE).open("a", encoding="utf-8") as handle:
        handle.write(f"2026-11-26T08:00:00.000Z INFO old token {late_secret} for quastenberg\n")
    register_secret(late_secret)

    target = diagnostics.save(
        tmp_path / "out.zip", planted.path, log_dir, qt_version="6.11.3", now=NOW
    )
    members = unzip(target)

    assert sorted(members) == sorted(f"dropdesk-diagnostics/{m}" for m in diagnostics.MEMBERS)
    everything = b"\n".join([target.read_bytes(), *members.values()])
    for planted_text in (
        secret,
        late_secret,
        CUSTOMER,
        "Wilhelmina",
        "Quastenberg",
        "quastenberg",
        EMAIL,
        "merchant-login",
        "34567812",
        "Oberhuber",
        "leave me out",
    ):
        assert planted_text.encode() not in everything, planted_text
    log_text = members["dropdesk-diagnostics/logs/dropdesk.log"].decode()
    assert "Order #1001 for [name] [name] <[email]> refused" in log_text
    assert "old token [REDACTED] for [name]" in log_text


def test_ledger_stats_count_rows_and_check_the_file(planted: Ledger, tmp_path: Path) -> None:
    members = diagnostics.build(planted.path, tmp_path / "no-logs", now=NOW)
    stats = json.loads(members["ledger.json"])
    assert stats["rows"]["customer_order"] == 1
    assert stats["rows"]["supplier_order"] == 0
    assert stats["schema_revision"] == head_revision()
    assert stats["quick_check"] == ["ok"]
    assert stats["size_bytes"] == planted.path.stat().st_size > 0
    assert stats["pragmas"]["application_id"] == 0x44524F50
    assert members["logs/dropdesk.log"] == b""


def test_settings_show_values_but_secret_looking_ones_only_as_set(
    planted: Ledger, tmp_path: Path
) -> None:
    shown = json.loads(diagnostics.build(planted.path, tmp_path)["settings.json"])
    assert shown["stored"]["ship_window_days"] == 9
    assert shown["stored"]["aliexpress_app_key"] == "[set]"
    assert shown["stored"]["aliexpress_account"] == "[set]"
    assert shown["stored"]["someone_elses_value"] == "[not shown]"
    assert "cancel_answer_hours" in shown["defaults_in_use"]
    assert "ship_window_days" not in shown["defaults_in_use"]


def test_about_names_versions_and_hides_the_home_folder(tmp_path: Path) -> None:
    ledger_path = Path.home() / "Dropdesk" / "ledger.sqlite"
    about = json.loads(
        diagnostics.build(ledger_path, tmp_path, qt_version="6.11.3", now=NOW)["about.json"]
    )
    assert about["dropdesk"] == diagnostics.app_version()
    assert about["qt"] == "6.11.3"
    assert about["made_at"] == "2026-11-26T09:00:00+00:00"
    assert about["ledger"] == os.path.join("~", "Dropdesk", "ledger.sqlite")


def test_app_version_is_the_project_version() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert diagnostics.app_version() == pyproject["project"]["version"]


def test_a_missing_or_damaged_ledger_is_described_not_raised(tmp_path: Path) -> None:
    missing = json.loads(diagnostics.build(tmp_path / "gone.sqlite", tmp_path)["ledger.json"])
    assert missing == {"exists": False, "file": "gone.sqlite"}
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    stats = json.loads(diagnostics.build(damaged, tmp_path)["ledger.json"])
    assert stats["exists"] is True
    assert "DatabaseError" in stats["error"]


def test_log_tail_takes_the_newest_whole_lines_across_rotated_files(tmp_path: Path) -> None:
    (tmp_path / "dropdesk.log.2").write_text("".join(f"oldest {i}\n" for i in range(500)))
    (tmp_path / "dropdesk.log.1").write_text("".join(f"older {i:04d}\n" for i in range(100)))
    (tmp_path / "dropdesk.log").write_text("newest 1\nnewest 2\n")
    tail = diagnostics.log_tail(tmp_path, limit=300)
    assert tail.endswith("older 0099\nnewest 1\nnewest 2\n")
    assert len(tail.encode()) <= 300
    assert tail.startswith("older ")  # cut at a line start, nothing from the oldest file
    whole = diagnostics.log_tail(tmp_path, limit=10**6)
    assert whole.startswith("oldest 0\n") and whole.endswith("newest 2\n")


def test_scrubber_hides_name_words_and_any_email(tmp_path: Path) -> None:
    scrubber = diagnostics.CustomerScrubber()
    scrubber.add(["Ana-Lucía O'Neill", "x@y.de"])
    text = "ANA-LUCÍA o'neill wrote from other.person%40mail.example.com; Analyse stays"
    assert scrubber.scrub(text) == "[name]-[name] o'[name] wrote from [email]; Analyse stays"


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_zip_is_private_and_replaces_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "diag.zip"
    target.write_bytes(b"previous")

    class FailingHalfway(dict[str, bytes]):
        def items(self) -> Iterator[tuple[str, bytes]]:  # type: ignore[override]
            yield "a.txt", b"first"
            raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        diagnostics.write_zip(target, FailingHalfway())
    assert target.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [target]
    diagnostics.write_zip(target, {"a.txt": b"hello"}, NOW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert unzip(target) == {"dropdesk-diagnostics/a.txt": b"hello"}


def test_diagnostics_read_a_ledger_another_process_holds_open(
    planted: Ledger, tmp_path: Path
) -> None:
    """The app keeps its ledger open (and locked) while the merchant saves diagnostics."""
    with pytest.raises(Exception, match="open in another"):
        open_ledger(planted.path)
    stats = json.loads(diagnostics.build(planted.path, tmp_path)["ledger.json"])
    assert stats["rows"]["customer_order"] == 1
