#!/bin/sh
# `make package`: builds the one-folder bundle dist/dropdesk/ with PyInstaller, adds the Linux
# desktop files, checks it offscreen on a small demo ledger, and prints its size.
#   packaging/build-bundle.sh [PYTHON]      (default .venv/bin/python)
set -eu
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}
DIST=dist
BUNDLE=$DIST/dropdesk
started=$(date +%s)

if ! "$PY" -m PyInstaller --version >/dev/null 2>&1; then
    echo "Installing PyInstaller and psycopg (the 'package' extra of pyproject.toml)"
    "$PY" -m pip install --quiet -e ".[package]"
fi
echo "Building $BUNDLE with PyInstaller $("$PY" -m PyInstaller --version)"
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" \
    --workpath build/pyinstaller packaging/dropdesk.spec
built=$(date +%s)

if [ "$(uname)" = Linux ]; then
    # Desktop integration next to the executable; install-linux.sh puts it in place.
    share=$BUNDLE/share
    rm -rf "$share"
    mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
    cp packaging/dropdesk.desktop "$share/applications/"
    cp packaging/io.dropdesk.Dropdesk.metainfo.xml "$share/metainfo/"
    cp resources/icons/dropdesk.svg "$share/icons/hicolor/scalable/apps/"
    for png in resources/icons/dropdesk-*.png; do
        size=${png##*-}
        size=${size%.png}
        mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
        cp "$png" "$share/icons/hicolor/${size}x${size}/apps/dropdesk.png"
    done
    cp packaging/install-linux.sh "$BUNDLE/"
    if command -v desktop-file-validate >/dev/null 2>&1; then
        desktop-file-validate "$share/applications/dropdesk.desktop"
    fi
fi

# The bundle must run on its own: a demo ledger, then the self-test, offscreen.
check=$(mktemp -d "${TMPDIR:-/tmp}/dropdesk-bundle.XXXXXX")
trap 'rm -rf "$check"' EXIT
export DROPDESK_HOME="$check/home" QT_QPA_PLATFORM=offscreen
"$BUNDLE/dropdesk" demo --ledger "$check/demo.sqlite" --orders 200
"$BUNDLE/dropdesk" --self-test --ledger "$check/demo.sqlite"

size=$(du -sh "$BUNDLE" | cut -f1)
files=$(find "$BUNDLE" -type f | wc -l)
echo "Bundle $BUNDLE: $size in $files files (build $((built - started)) s, total $(($(date +%s) - started)) s)"
