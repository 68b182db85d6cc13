#!/bin/sh
# Installs an unpacked Dropdesk bundle for the current user (or, as root with a prefix such as
# /usr/local, for everyone): the program under PREFIX/lib/dropdesk, `dropdesk` on the PATH in
# PREFIX/bin, and the menu entry, icons and AppStream data under PREFIX/share.
#   ./install-linux.sh [PREFIX]            (default ~/.local; run from the bundle folder)
#   ./install-linux.sh --uninstall [PREFIX]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
uninstall=false
if [ "${1:-}" = --uninstall ]; then
    uninstall=true
    shift
fi
prefix=${1:-$HOME/.local}
app=$prefix/lib/dropdesk

remove() {
    rm -rf "$app" "$prefix/bin/dropdesk" "$prefix/share/applications/dropdesk.desktop" \
        "$prefix/share/metainfo/io.dropdesk.Dropdesk.metainfo.xml"
    find "$prefix/share/icons/hicolor" -name dropdesk.png -path '*/apps/*' -delete 2>/dev/null || true
    rm -f "$prefix/share/icons/hicolor/scalable/apps/dropdesk.svg"
}

refresh() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
}

if $uninstall; then
    remove
    refresh
    echo "Removed Dropdesk from $prefix (your ledger and settings are kept)."
    exit 0
fi

if [ ! -x "$here/dropdesk" ] || [ ! -d "$here/share" ]; then
    echo "Run this script from the unpacked Dropdesk folder (dropdesk and share/ beside it)." >&2
    exit 1
fi
remove
mkdir -p "$app" "$prefix/bin"
cp -R "$here/dropdesk" "$here/_internal" "$app/"
ln -s "$app/dropdesk" "$prefix/bin/dropdesk"
mkdir -p "$prefix/share"
cp -R "$here/share/." "$prefix/share/"
# The menu entry starts the installed program by its full path (PREFIX/bin may not be on PATH).
sed -i "s|^Exec=dropdesk|Exec=\"$app/dropdesk\"|; s|^TryExec=dropdesk|TryExec=$app/dropdesk|" \
    "$prefix/share/applications/dropdesk.desktop"
refresh
echo "Installed Dropdesk in $app; start it from the menu or with $prefix/bin/dropdesk."
