"""Checks, inside a built bundle, what `dropdesk --self-test` does not reach yet.

Built as a second executable (`bundle-probe`) only when DROPDESK_BUNDLE_PROBE=1 is set for the
build, never for a release. It shares the app's Python archive and start-up scripts, so what it
can import is exactly what `dropdesk` has. Each check prints one JSON line; exit 0 means all
asked-for checks passed.

    bundle-probe keyring   store, read and delete a throwaway secret in the OS keyring
    bundle-probe qt        draw a chart and the SVG icon offscreen (QtCharts, svg plugins)
    bundle-probe data      holidays catalogues, tzdata, Alembic scripts, GraphQL documents
    bundle-probe postgres  psycopg with its binary libpq, and SQLAlchemy's dialect for it
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

PROBE_SERVICE = "Dropdesk bundle probe"


def check_keyring() -> dict[str, object]:
    import secrets as random_tokens

    import keyring

    from core.secrets import SecretKey, SecretStore, SecretStoreError

    discovered = type(keyring.get_keyring())
    report: dict[str, object] = {"discovered": f"{discovered.__module__}.{discovered.__name__}"}
    store = SecretStore(service=PROBE_SERVICE)
    key = SecretKey.shopify_access_token("bundle-probe.myshopify.com")
    token = "shpat_" + random_tokens.token_hex(16)
    try:
        report["backend"] = store.check()
        store.set(key, token)
        report["round_trip"] = store.get(key) == token
        report["deleted"] = store.delete(key)
        store.forget_everything()  # and the probe service's index entry
    except SecretStoreError as error:
        report["error"] = f"{type(error).__name__}: {error.problem}"
    report["ok"] = bool(report.get("round_trip") and report.get("deleted"))
    return report


def check_qt() -> dict[str, object]:
    from PySide6.QtCharts import QChart, QChartView, QLineSeries
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QIcon, QImageReader
    from PySide6.QtWidgets import QApplication

    from resources import icon_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    chart = QChart()
    series = QLineSeries()
    series.append(0, 1)
    series.append(1, 3)
    chart.addSeries(series)
    chart.createDefaultAxes()
    view = QChartView(chart)
    view.resize(320, 200)
    view.show()
    app.processEvents()
    drawn = not view.grab().isNull()
    icon = QIcon(str(icon_path("dropdesk.svg")))
    formats = sorted(bytes(f.data()).decode() for f in QImageReader.supportedImageFormats())
    # Qt's own German strings (standard dialogs), where the app's translator will look for them.
    qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase_de = QTranslator().load("qtbase_de", qt_translations)
    report: dict[str, object] = {
        "chart_drawn": drawn,
        "axes": len(chart.axes()),
        "icon_64": not icon.pixmap(64, 64).isNull(),
        "svg_reader": "svg" in formats,
        "platform": QApplication.platformName(),
        "qtbase_de": qtbase_de,
    }
    view.close()
    report["ok"] = bool(drawn and report["icon_64"] and report["svg_reader"] and qtbase_de)
    return report


def check_data() -> dict[str, object]:
    from datetime import UTC, date, datetime
    from importlib import resources
    from zoneinfo import ZoneInfo

    import holidays

    from core.ledger import migrate
    from core.shopify import documents

    china = holidays.country_holidays("CN", years=2026)
    report: dict[str, object] = {
        "cn_new_year": date(2026, 2, 17) in china,
        "cn_names": len(set(china.values())),
        "tzdata": resources.files("tzdata.zoneinfo").joinpath("Asia/Shanghai").is_file(),
        "shanghai_offset": str(datetime.now(UTC).astimezone(ZoneInfo("Asia/Shanghai")).utcoffset()),
        "migration_head": migrate.head_revision(),
        "graphql_shop": "query" in documents.load("shop"),
        "graphql_fragments": "fragment OrderFields" in documents.load("orders_updated_since"),
    }
    report["ok"] = all(
        report[key] for key in ("cn_new_year", "tzdata", "graphql_shop", "graphql_fragments")
    )
    return report


def check_postgres() -> dict[str, object]:
    """What a server ledger needs, short of a server: the libpq wrapper loads (its shared
    libraries are in the bundle) and the engine is made as core.ledger.server makes it."""
    import psycopg
    from sqlalchemy import create_engine

    engine = create_engine("postgresql+psycopg://", paramstyle="qmark")
    report: dict[str, object] = {
        "implementation": psycopg.pq.__impl__,
        "libpq": psycopg.pq.version(),
        "dialect": f"{engine.dialect.name}+{engine.dialect.driver}",
    }
    report["ok"] = (
        report["implementation"] == "binary" and report["dialect"] == "postgresql+psycopg"
    )
    return report


CHECKS: dict[str, Callable[[], dict[str, object]]] = {
    "keyring": check_keyring,
    "qt": check_qt,
    "data": check_data,
    "postgres": check_postgres,
}


def main(argv: list[str]) -> int:
    names = argv or list(CHECKS)
    unknown = [name for name in names if name not in CHECKS]
    if unknown:
        print(f"usage: bundle-probe [{'|'.join(CHECKS)}]...", file=sys.stderr)
        return 2
    failed = 0
    for name in names:
        try:
            report = CHECKS[name]()
        except Exception as error:  # the probe reports; the test reading it decides
            report = {"ok": False, "exception": repr(error)}
        print(json.dumps({"check": name, **report}), flush=True)
        failed += not report["ok"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
