"""What goes into the PyInstaller bundle and what is filtered out of it, for dropdesk.spec.

PyInstaller's Qt hooks collect every plugin of a type once a Qt module is used, and a plugin
drags in its libraries (the virtual keyboard plugin alone brings QtQuick and QtQml, the GTK
theme brings GTK and cairo). These rules keep the plugins Dropdesk needs on each platform and
the libraries those still use, so the bundle stays small. Plain functions over PyInstaller's
TOC tuples `(destination, source, typecode)`, so they can be tested without building.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

TocEntry = tuple[str, str, str]

# Languages Dropdesk speaks: Qt's own translations (standard dialogs) are kept for these only.
LANGUAGES = ("de", "en")

# Qt modules Dropdesk uses: Widgets for the UI, Charts for the review, Svg for icons,
# Network for the single-instance socket.
QT_MODULES = (
    "PySide6.QtCore",
    "PySide6.QtGui",
    "PySide6.QtWidgets",
    "PySide6.QtCharts",
    "PySide6.QtSvg",
    "PySide6.QtNetwork",
)

# Qt bindings never loaded: excluding them also keeps their plugins and translations out.
# QtOpenGL, QtOpenGLWidgets and QtDBus are only *linked* by QtCharts/QtGui: their Qt libraries
# stay (found by dependency analysis), their Python bindings (9 MB) are never imported.
EXCLUDED_QT_MODULES = tuple(
    f"PySide6.{name}"
    for name in (
        "QtOpenGL QtOpenGLWidgets QtDBus "
        "Qt3DAnimation Qt3DCore Qt3DExtras Qt3DInput Qt3DLogic Qt3DRender QtAxContainer "
        "QtBluetooth QtConcurrent QtDataVisualization QtDesigner QtGraphs QtGraphsWidgets "
        "QtHelp QtHttpServer QtLocation QtMultimedia QtMultimediaWidgets QtNetworkAuth QtNfc "
        "QtPdf QtPdfWidgets QtPositioning QtPrintSupport QtQml QtQuick QtQuick3D "
        "QtQuickControls2 QtQuickTest QtQuickWidgets QtRemoteObjects QtScxml QtSensors "
        "QtSerialBus QtSerialPort QtSpatialAudio QtSql QtStateMachine QtSvgWidgets QtTest "
        "QtTextToSpeech QtUiTools QtWebChannel QtWebEngineCore QtWebEngineQuick "
        "QtWebEngineWidgets QtWebSockets QtWebView QtXml"
    ).split()
)

# Python packages reachable only through optional plugins of libraries Dropdesk uses
# (pydantic's mypy and hypothesis plugins, Mako's pygments highlighter) or present in the
# build environment for development.
EXCLUDED_PYTHON = (
    "mypy",
    "ast_serialize",
    "hypothesis",
    "pygments",
    "pydantic.mypy",
    "pytest",
    "_pytest",
    "pytestqt",
    "graphql",
    "tkinter",
    "_tkinter",
    "IPython",
    "numpy",
    "PIL",
    "setuptools",
    "pip",
)

# Qt libraries nothing kept needs; dropped by name on every platform (Linux also prunes by
# dependency, see `prune_unreachable`).
_UNWANTED_QT_LIBRARY = re.compile(
    r"(?:^|/)(?:lib)?Qt6?(?:Qml|Quick|VirtualKeyboard|Pdf|WebEngine|WebChannel|WebSockets|3D"
    r"|Multimedia|SpatialAudio|TextToSpeech|Designer|UiTools|Help|Test|Bluetooth|Nfc"
    r"|Positioning|Location|Sensors|Serial|RemoteObjects|Scxml|StateMachine|DataVisualization"
    r"|Graphs|HttpServer|NetworkAuth|ShaderTools|Sql|EglFs|EglFS)"
)

ALL = None
# Qt plugin types kept, and which of their plugins (a name prefix; ALL = every one). Types not
# listed (eglfs devices, evdev input, sql drivers, tls, network information, ...) are dropped.
_PLUGINS: dict[str, dict[str, tuple[str, ...] | None]] = {
    "linux": {
        "platforms": ("libqxcb", "libqwayland", "libqoffscreen"),
        # GTK's theme would bundle GTK, cairo and pango; Qt's built-in GNOME/KDE themes and
        # the desktop portal theme still give native dialogs and the light/dark palette.
        "platformthemes": ("libqxdgdesktopportal",),
        "platforminputcontexts": ("libcomposeplatforminputcontextplugin", "libibus"),
        "xcbglintegrations": ALL,
        "wayland-decoration-client": ALL,
        "wayland-graphics-integration-client": ALL,
        "wayland-shell-integration": ALL,
        "iconengines": ("libqsvgicon",),
        "imageformats": ("libqsvg",),
    },
    "win32": {
        "platforms": ("qwindows", "qoffscreen"),
        "styles": ALL,
        "iconengines": ("qsvgicon",),
        "imageformats": ("qsvg",),
    },
    "darwin": {
        "platforms": ("libqcocoa", "libqoffscreen"),
        "styles": ALL,
        "iconengines": ("libqsvgicon",),
        "imageformats": ("libqsvg",),
    },
}


def platform_key(sys_platform: str) -> str:
    return "linux" if sys_platform.startswith(("linux", "freebsd")) else sys_platform


#: A ledger on a PostgreSQL server (docs/postgresql.md): psycopg chooses its libpq wrapper by
#: name when it is imported (psycopg_binary: C extensions with a libpq and its TLS libraries of
#: their own, which the binary analysis follows), and SQLAlchemy loads its dialect by the
#: address's name (`postgresql+psycopg`). PyInstaller sees neither import.
POSTGRES_IMPORTS = (
    "psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "sqlalchemy.dialects.postgresql.psycopg",
)


def hidden_imports(sys_platform: str) -> list[str]:
    """Modules PyInstaller cannot see being imported: keyring finds its backends through entry
    points, holidays loads each country's module by name when it is first asked for, psycopg
    its C implementation and SQLAlchemy its dialect."""
    imports = [
        *QT_MODULES,
        *POSTGRES_IMPORTS,
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
        "keyring.backends.chainer",
        "keyring.backends.fail",
        "keyring.backends.null",
    ]
    key = platform_key(sys_platform)
    if key == "linux":
        imports += ["secretstorage", "jeepney", "jeepney.io.blocking"]
    elif key == "win32":
        imports += ["win32ctypes.core", "win32ctypes.pywin32.win32cred"]
    return imports


def _posix(destination: str) -> str:
    return destination.replace("\\", "/")


def _plugin(destination: str) -> tuple[str, str] | None:
    """(type, file name) when `destination` is a Qt plugin, else None."""
    parts = _posix(destination).split("/")
    if "plugins" not in parts[:-2]:
        return None
    index = len(parts) - 1 - parts[::-1].index("plugins")
    if index + 2 != len(parts) - 1:
        return None  # not directly inside plugins/<type>/
    return parts[index + 1], parts[-1]


def keep_plugin(destination: str, sys_platform: str) -> bool:
    """False for a Qt plugin Dropdesk does not load; True for everything that is not a plugin."""
    plugin = _plugin(destination)
    if plugin is None:
        return True
    kind, name = plugin
    wanted = _PLUGINS.get(platform_key(sys_platform), {})
    if kind not in wanted:
        return False
    prefixes = wanted[kind]
    return prefixes is None or name.startswith(prefixes)


def keep_translation(destination: str, languages: Sequence[str] = LANGUAGES) -> bool:
    """False for Qt's own .qm files other than qtbase_<lang> of Dropdesk's languages.

    qt_<lang>.qm is only a catalog that loads qtbase, qtmultimedia, ... and fails when one is
    missing, so the app loads qtbase_<lang>.qm directly. Dropdesk's own .qm files are kept."""
    path = _posix(destination)
    if "/translations/" not in f"/{path}" or not path.endswith(".qm"):
        return True
    if not path.startswith("PySide6/"):
        return True
    name = path.rsplit("/", 1)[-1]
    return name in {f"qtbase_{language}.qm" for language in languages}


def keep_qt_library(destination: str) -> bool:
    return _UNWANTED_QT_LIBRARY.search(_posix(destination)) is None


def keep(entry: TocEntry, sys_platform: str) -> bool:
    destination = entry[0]
    return (
        keep_plugin(destination, sys_platform)
        and keep_translation(destination)
        and keep_qt_library(destination)
    )


def prune_unreachable(
    binaries: Iterable[TocEntry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[TocEntry], list[TocEntry]]:
    """(kept, dropped): shared libraries no extension module or kept plugin links to go.

    Roots are Python extension modules, Qt plugins and libpython; `imports_of(source)` gives
    the file names a binary links against (transitively or not: the walk closes over them).
    Only plain BINARY entries are ever dropped.
    """
    entries = list(binaries)
    by_name: dict[str, list[TocEntry]] = {}
    for entry in entries:
        by_name.setdefault(Path(_posix(entry[0])).name, []).append(entry)
    roots = [
        entry
        for entry in entries
        if entry[2] != "BINARY"
        or _plugin(entry[0]) is not None
        or Path(entry[0]).name.startswith(("libpython", "python3"))
    ]
    reached: set[str] = set()
    pending = [entry[1] for entry in roots]
    seen_sources: set[str] = set()
    while pending:
        source = pending.pop()
        if source in seen_sources:
            continue
        seen_sources.add(source)
        for name in imports_of(source):
            base = Path(name).name
            if base in reached:
                continue
            reached.add(base)
            pending.extend(entry[1] for entry in by_name.get(base, []))
    root_set = set(roots)
    kept = [e for e in entries if e in root_set or Path(_posix(e[0])).name in reached]
    dropped = [e for e in entries if e not in kept]
    return kept, dropped


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source, destination folder) of the files Dropdesk reads at run time.

    resources/ without its Python files, the .ts sources and the platform icon files (those
    are built into the executables); the Alembic scripts (Alembic loads them from files); the
    GraphQL documents.
    """
    files: list[Path] = []
    for path in sorted((root / "resources").rglob("*")):
        if path.is_file() and path.suffix not in {".py", ".pyc", ".ts", ".ico", ".icns"}:
            files.append(path)
    migrations = root / "core" / "ledger" / "migrations"
    files += sorted(migrations.glob("*.py")) + sorted(migrations.glob("versions/*.py"))
    files += sorted(migrations.glob("*.mako"))
    files += sorted((root / "core" / "shopify").rglob("*.graphql"))
    return [
        (str(path), str(path.parent.relative_to(root)))
        for path in files
        if "__pycache__" not in path.parts
    ]
