#!/bin/sh
# Run a command with a private, unlocked, throwaway GNOME Keyring (Secret Service):
#
#   tests/with-keyring.sh .venv/bin/python -m pytest -q
#
# The command gets its own D-Bus session bus and a fresh HOME / XDG_* folders in a temp dir
# (removed afterwards), so it never touches, or waits on a password dialog of, the
# developer's own keyring. The daemon and the bus run without DISPLAY/WAYLAND_DISPLAY, so an
# unlock prompt fails at once instead of hanging; the command itself gets them back.
# Without dbus-run-session or gnome-keyring-daemon it warns and runs the command as is
# (keyring tests then skip, or fail under CI=true). The command's exit code is returned.
set -eu

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGS...]" >&2
    exit 2
fi

if ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
    echo "with-keyring.sh: warning: dbus-run-session or gnome-keyring-daemon not found" \
        "(Debian/Ubuntu: apt-get install gnome-keyring dbus-x11); running without a keyring," \
        "keyring tests will be skipped." >&2
    exec "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/dropdesk-keyring.XXXXXX")
cleanup() {
    # the daemon leaves with the bus; give it a moment to let go of its files
    i=0
    while ! rm -rf "$tmp" 2>/dev/null && [ "$i" -lt 10 ]; do
        i=$((i + 1))
        sleep 0.2
    done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

for d in home data config cache state runtime; do
    mkdir -m 700 "$tmp/$d"
done

WITH_KEYRING_DISPLAY=${DISPLAY-}
WITH_KEYRING_WAYLAND_DISPLAY=${WAYLAND_DISPLAY-}
# The bus and the daemon chatter on stderr (fd limits, failed prompts): keep that in a file,
# give the command the real stderr (passed in as fd 3).
WITH_KEYRING_LOG="$tmp/daemons.log"
export WITH_KEYRING_DISPLAY WITH_KEYRING_WAYLAND_DISPLAY WITH_KEYRING_LOG
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
    XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" XDG_RUNTIME_DIR="$tmp/runtime"
# Tests may lock and unlock this keyring only: it is known to be throwaway.
export DROPDESK_TEST_KEYRING_PASSWORD=throwaway

set +e
dbus-run-session -- sh -c '
    # --unlock creates the "login" collection (the default alias) and unlocks it.
    eval "$(printf %s "$DROPDESK_TEST_KEYRING_PASSWORD" \
        | gnome-keyring-daemon --unlock --components=secrets 3>&-)"
    if command -v dbus-send >/dev/null 2>&1; then
        # The daemon forks before it owns its bus name: wait for it (asking the bus, which
        # does not start a second daemon), then check the default collection is there.
        i=0
        while [ "$i" -lt 50 ] && ! dbus-send --session --print-reply --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
            string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; do
            i=$((i + 1))
            sleep 0.1
        done
        dbus-send --session --print-reply --dest=org.freedesktop.secrets \
            /org/freedesktop/secrets org.freedesktop.Secret.Service.ReadAlias \
            string:default 2>/dev/null | grep -q "/collection/" \
            || { echo "with-keyring.sh: warning: the throwaway keyring has no default" \
                "collection; D-Bus and keyring daemon said:" >&3; cat "$WITH_KEYRING_LOG" >&3; }
    fi
    [ -n "$WITH_KEYRING_DISPLAY" ] && export DISPLAY="$WITH_KEYRING_DISPLAY"
    [ -n "$WITH_KEYRING_WAYLAND_DISPLAY" ] && export WAYLAND_DISPLAY="$WITH_KEYRING_WAYLAND_DISPLAY"
    : >"$WITH_KEYRING_LOG.started"
    unset WITH_KEYRING_DISPLAY WITH_KEYRING_WAYLAND_DISPLAY WITH_KEYRING_LOG
    exec "$@" 2>&3 3>&-
' sh "$@" 3>&2 2>"$WITH_KEYRING_LOG"
status=$?
if [ "${WITH_KEYRING_VERBOSE:-}" = 1 ] || [ ! -e "$WITH_KEYRING_LOG.started" ]; then
    cat "$WITH_KEYRING_LOG" >&2
fi
exit "$status"
