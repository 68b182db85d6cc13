"""Packaging: the PyInstaller spec and its content rules, the desktop files and the icons.

The fast tests check the files without building; the slow one builds the bundle (with the
test-only `bundle-probe` executable) and runs it: demo, self-test offscreen, QtCharts, data
files, and the OS keyring through the packaged backend.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def _load(name: str) -> ModuleType:
    """A module of packaging/ (a folder of scripts, not a package: `packaging` is PyPI's)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


contents = _load("bundle_contents")
containers = _load("icon_containers")
windows_version = _load("windows_version")


# --- the spec and what it keeps -------------------------------------------------------------


def test_spec_and_scripts_compile() -> None:
    for path in [PACKAGING / "dropdesk.spec", *PACKAGING.glob("*.py")]:
        compile(path.read_text("utf-8"), str(path), "exec")


def test_spec_builds_for_every_platform() -> None:
    spec = (PACKAGING / "dropdesk.spec").read_text("utf-8")
    for needle in ("dropdesk.ico", "dropdesk.icns", "BUNDLE(", "info_plist", "version_info_text"):
        assert needle in spec
    assert "onefile" not in spec and "exclude_binaries=True" in spec  # one-folder


def test_entry_freezes_support_before_importing_the_app() -> None:
    tree = ast.parse((PACKAGING / "entry.py").read_text("utf-8"))
    main_block = next(node for node in tree.body if isinstance(node, ast.If))
    first, second = main_block.body[0], main_block.body[1]
    assert isinstance(first, ast.Expr) and "freeze_support" in ast.unparse(first)
    assert isinstance(second, ast.ImportFrom) and second.module == "core.cli"


@pytest.mark.parametrize(
    ("destination", "platform", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", "linux", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "linux", False),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
            "linux",
            True,
        ),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", "linux", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "linux", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "linux", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", "win32", True),
        ("PySide6\\plugins\\platforms\\qminimal.dll", "win32", False),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", "win32", True),
        ("PySide6\\plugins\\imageformats\\qsvg.dll", "win32", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", "darwin", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "darwin", False),
        ("PySide6/Qt/plugins/styles/libqmacstyle.dylib", "darwin", True),
        ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),  # not a plugin
        ("holidays/locale/de/LC_MESSAGES/CN.mo", "linux", True),
    ],
)
def test_qt_plugins_kept_per_platform(destination: str, platform: str, kept: bool) -> None:
    assert contents.keep_plugin(destination, platform) is kept


def test_only_qtbase_translations_of_dropdesk_languages_are_kept() -> None:
    keep = contents.keep_translation
    assert keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_fr.qm")
    assert not keep("PySide6/Qt/translations/qt_de.qm")  # meta catalogue of missing modules
    assert not keep("PySide6/Qt/translations/qt_help_de.qm")
    assert not keep("PySide6\\translations\\qtbase_ja.qm")
    assert keep("resources/translations/dropdesk_de.qm")  # the app's own


def test_unused_qt_libraries_are_dropped_everywhere() -> None:
    keep = contents.keep_qt_library
    for name in (
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6QmlModels.so.6",
        "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
        "PySide6/Qt6WebEngineCore.dll",
        "PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf",
    ):
        assert not keep(name), name
    for name in (
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Charts.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6",  # QtCharts links it
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
    ):
        assert keep(name), name


def test_excluded_modules_spare_what_dropdesk_imports() -> None:
    excluded = {*contents.EXCLUDED_QT_MODULES, *contents.EXCLUDED_PYTHON}
    assert {"PySide6.QtWebEngineCore", "PySide6.QtQml", "PySide6.QtQuick"} <= excluded
    assert {"PySide6.Qt3DCore", "PySide6.QtMultimedia"} <= excluded
    assert not excluded & set(contents.QT_MODULES)
    assert {"PySide6.QtCharts", "PySide6.QtSvg"} <= set(contents.QT_MODULES)
    for module in ("keyring", "secretstorage", "jeepney", "holidays", "alembic", "sqlmodel"):
        assert not any(module == name or module.startswith(f"{name}.") for name in excluded)


def test_keyring_backends_are_hidden_imports_on_every_platform() -> None:
    for platform in ("linux", "win32", "darwin"):
        imports = contents.hidden_imports(platform)
        for backend in ("SecretService", "macOS", "Windows"):
            assert f"keyring.backends.{backend}" in imports
    assert {"secretstorage", "jeepney"} <= set(contents.hidden_imports("linux"))
    assert "win32ctypes.pywin32.win32cred" in contents.hidden_imports("win32")
    assert "secretstorage" not in contents.hidden_imports("darwin")


def test_psycopg_and_its_dialect_are_hidden_imports_on_every_platform() -> None:
    for platform in ("linux", "win32", "darwin"):
        imports = contents.hidden_imports(platform)
        assert {"psycopg", "psycopg_binary.pq", "sqlalchemy.dialects.postgresql.psycopg"} <= set(
            imports
        )
    excluded = {*contents.EXCLUDED_QT_MODULES, *contents.EXCLUDED_PYTHON}
    assert not [name for name in excluded if name.startswith(("psycopg", "sqlalchemy"))]
    spec = (PACKAGING / "dropdesk.spec").read_text("utf-8")
    assert 'find_spec("psycopg_binary")' in spec  # no bundle without it


def test_prune_keeps_what_roots_link_to_and_drops_the_rest() -> None:
    binaries = [
        ("PySide6/QtCore.abi3.so", "/site/PySide6/QtCore.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/site/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/site/libicuuc.so.73", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/libqxcb.so", "BINARY"),
        ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),  # only a dropped plugin used it
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/site/PySide6/QtCore.abi3.so": ["libQt6Core.so.6"],
        "/site/libQt6Core.so.6": ["libicuuc.so.73", "libc.so.6"],
        "/site/libqxcb.so": ["/usr/lib/libxcb-cursor.so.0"],
    }
    kept, dropped = contents.prune_unreachable(binaries, lambda source: links.get(source, []))
    assert [entry[0] for entry in dropped] == ["libgtk-3.so.0"]
    assert len(kept) == len(binaries) - 1


def test_data_files_hold_migrations_documents_and_icons() -> None:
    files = {
        Path(source).relative_to(ROOT).as_posix(): folder
        for source, folder in contents.data_files(ROOT)
    }
    versions = sorted(p.name for p in (ROOT / "core/ledger/migrations/versions").glob("*.py"))
    assert versions
    for name in versions:
        assert files[f"core/ledger/migrations/versions/{name}"] == "core/ledger/migrations/versions"
    assert files["core/ledger/migrations/env.py"] == "core/ledger/migrations"
    assert files["core/ledger/migrations/script.py.mako"] == "core/ledger/migrations"
    documents = list((ROOT / "core/shopify/documents").glob("*.graphql"))
    assert documents
    for document in documents:
        assert files[document.relative_to(ROOT).as_posix()] == "core/shopify/documents"
    assert files["resources/icons/dropdesk.svg"] == "resources/icons"
    assert files["resources/icons/dropdesk-256.png"] == "resources/icons"
    assert not [name for name in files if name.endswith((".ico", ".icns", ".ts", ".pyc"))]
    assert "resources/__init__.py" not in files  # a module: it goes into the archive


# --- the Windows version resource -----------------------------------------------------------


def test_windows_version_resource_follows_pyproject() -> None:
    text = windows_version.version_info_text(VERSION)
    expression = ast.parse(text, mode="eval").body
    assert isinstance(expression, ast.Call) and ast.unparse(expression.func) == "VSVersionInfo"
    numbers = windows_version.version_tuple(VERSION)
    assert f"filevers={numbers!r}" in text and f"'ProductVersion', {VERSION!r}" in text
    assert "'OriginalFilename', 'dropdesk.exe'" in text


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("2.3", (2, 3, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
        ("1.0+local.7", (1, 0, 0, 0)),
    ],
)
def test_version_tuple(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert windows_version.version_tuple(version) == numbers


def test_version_tuple_refuses_words() -> None:
    with pytest.raises(ValueError):
        windows_version.version_tuple("dev")


# --- Linux desktop files --------------------------------------------------------------------


def _desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / "dropdesk.desktop", encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_file_names_the_app_and_its_icon() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application" and entry["Name"] == "Dropdesk"
    assert entry["Exec"].split()[0] == "dropdesk" and entry["Icon"] == "dropdesk"
    assert entry["Terminal"] == "false"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Comment[de]"] and entry["GenericName[de]"]
    # Qt names the window's class after the application: the menu entry must match it.
    assert entry["StartupWMClass"] == "Dropdesk"


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate not installed (packaging/system-deps.sh package)",
)
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / "dropdesk.desktop")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


METAINFO = PACKAGING / "io.dropdesk.Dropdesk.metainfo.xml"


def test_metainfo_has_required_fields() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert component.findtext("id") == "io.dropdesk.Dropdesk"
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license")
    assert component.findtext("name") == "Dropdesk"
    summaries = {
        s.get("{http://www.w3.org/XML/1998/namespace}lang"): s.text
        for s in component.findall("summary")
    }
    assert summaries.get(None) and summaries.get("de")
    assert component.find("description/p") is not None
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert (PACKAGING / str(launchable.text)).is_file()
    icon = component.find("icon")
    assert icon is not None and icon.text == _desktop_entry()["Icon"]
    releases = [release.get("version") for release in component.findall("releases/release")]
    assert releases and releases[0] == VERSION
    assert component.find("content_rating") is not None


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli not installed")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # errors or warnings fail
    assert "E:" not in result.stdout, result.stdout


# --- icons ----------------------------------------------------------------------------------


def test_png_icons_exist_at_every_size() -> None:
    for size in PNG_SIZES:
        png = (ICONS / f"dropdesk-{size}.png").read_bytes()
        assert containers.png_size(png) == (size, size)


def test_windows_and_macos_icon_files_hold_pngs() -> None:
    ico = containers.ico_entries((ICONS / "dropdesk.ico").read_bytes())
    assert [size for size, _ in ico] == list(containers.ICO_SIZES)
    assert all(containers.png_size(png) == (size, size) for size, png in ico)
    icns = dict(containers.icns_entries((ICONS / "dropdesk.icns").read_bytes()))
    assert set(icns) == set(containers.ICNS_TYPES)
    for kind, png in icns.items():
        side = containers.ICNS_TYPES[kind]
        assert containers.png_size(png) == (side, side)


def test_icon_containers_refuse_wrong_images() -> None:
    png16 = (ICONS / "dropdesk-16.png").read_bytes()
    with pytest.raises(ValueError):
        containers.ico_bytes({32: png16})  # says 32, is 16
    with pytest.raises(ValueError):
        containers.ico_bytes({512: (ICONS / "dropdesk-512.png").read_bytes()})
    with pytest.raises(ValueError):
        containers.icns_bytes({24: png16})
    with pytest.raises(ValueError):
        containers.png_size(b"GIF89a")


def test_png_icons_match_the_svg(qapp: object) -> None:
    """Re-render the SVG: committed PNGs must not lag behind a changed drawing."""
    from PySide6.QtGui import QImage

    render_icons = _load("render_icons")
    for size in (16, 64, 256):
        fresh = render_icons.render(ICONS / "dropdesk.svg", size)
        committed = QImage(str(ICONS / f"dropdesk-{size}.png")).convertToFormat(fresh.format())
        assert committed.size() == fresh.size()
        fresh_bytes, committed_bytes = bytes(fresh.constBits()), bytes(committed.constBits())
        difference = sum(abs(a - b) for a, b in zip(fresh_bytes, committed_bytes, strict=True))
        assert difference / len(fresh_bytes) < 1.0, f"{size} px differs: run render_icons.py"


# --- the real bundle (slow) -----------------------------------------------------------------


@pytest.mark.slow
def test_bundle_builds_and_runs(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller")
    environment = {
        **os.environ,
        "DROPDESK_BUNDLE_PROBE": "1",
        "QT_QPA_PLATFORM": "offscreen",
        "DROPDESK_HOME": str(tmp_path / "home"),
    }
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(tmp_path / "dist"),
            "--workpath",
            str(tmp_path / "build"),
            str(PACKAGING / "dropdesk.spec"),
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    bundle = tmp_path / "dist" / "dropdesk"
    internal = bundle / "_internal"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bundle / args[0]), *args[1:]],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    ledger = str(tmp_path / "demo.sqlite")
    demo = run("dropdesk", "demo", "--ledger", ledger, "--orders", "60")
    assert demo.returncode == 0, demo.stderr
    self_test = run("dropdesk", "--self-test", "--ledger", ledger)
    assert self_test.returncode == 0, self_test.stderr
    assert "self-test ok" in self_test.stdout and "60 supplier orders" in self_test.stdout

    probe = run("bundle-probe", "qt", "data")
    reports = {r["check"]: r for r in map(json.loads, probe.stdout.splitlines())}
    assert probe.returncode == 0, probe.stdout + probe.stderr
    assert reports["qt"]["chart_drawn"] and reports["qt"]["icon_64"]
    assert reports["qt"]["qtbase_de"]  # Qt's German, found through QLibraryInfo
    assert reports["data"]["cn_new_year"] and reports["data"]["migration_head"]
    postgres = run("bundle-probe", "postgres")  # a server ledger's driver, with its libpq
    assert postgres.returncode == 0 and json.loads(postgres.stdout)["ok"], postgres.stdout

    # What was left out stays out; what Dropdesk needs is in.
    files = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert not [f for f in files if "WebEngine" in f or "Qt6Quick" in f or "Qt6Qml" in f]
    assert not [f for f in files if "libqgtk3" in f or "libgtk-3" in f]
    assert "PySide6/Qt/plugins/platforms/libqxcb.so" in files or sys.platform != "linux"
    assert any(f.startswith("keyring-") and f.endswith(".dist-info") for f in files)
    assert any(f.startswith("holidays/locale/") and f.endswith(".mo") for f in files)

    from tests.keyring_support import purge_service, secret_service_problem

    if sys.platform.startswith("linux") and secret_service_problem() is not None:
        pytest.skip(f"bundle works; keyring not checked: {secret_service_problem()}")
    keyring_probe = run("bundle-probe", "keyring")
    report = json.loads(keyring_probe.stdout)
    if sys.platform.startswith("linux"):
        purge_service("Dropdesk bundle probe")
    assert keyring_probe.returncode == 0 and report["round_trip"], report
    assert report["backend"].startswith("keyring.backends.")
