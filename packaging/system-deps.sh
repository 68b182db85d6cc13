#!/bin/sh
# Installs the Debian/Ubuntu packages Dropdesk needs (Qt's libraries, Xvfb, a keyring for the
# tests, PostgreSQL for the tests of server ledgers (the harness starts a throwaway cluster of
# its own; the package's default cluster is not used), binutils for PyInstaller); elsewhere
# it prints what to install. Usage:
#   packaging/system-deps.sh run|test|package
set -eu
purpose=${1:-run}
qt="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core"
x11="libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1"
case "$purpose" in
  run) wanted="$qt $x11" ;;
  test) wanted="$qt $x11 xvfb xauth gnome-keyring dbus-x11 poppler-utils postgresql" ;;
  package) wanted="$qt $x11 binutils desktop-file-utils" ;;
  *) echo "usage: $0 run|test|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: $wanted" >&2
  exit 0
fi
missing=""
for package in $wanted; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in *"ok installed"*) ;; *) missing="$missing $package" ;; esac
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "Missing system packages; install them with:" >&2
  echo "  sudo apt-get install$missing" >&2
  exit 1
fi
