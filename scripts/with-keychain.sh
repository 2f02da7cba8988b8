#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# with HOME and XDG folders in a throw-away directory so the developer's own keychain is never touched.
set -euo pipefail
scratch=$(mktemp -d "${TMPDIR:-/tmp}/desk-keychain-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/run" "$scratch/data" "$scratch/config" "$scratch/cache"
chmod 700 "$scratch/run"
export HOME="$scratch" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export DESK_REQUIRE_KEYCHAIN=1
# The command is passed through "$@" so quoting survives; the daemon is unlocked with a throw-away password.
exec dbus-run-session -- bash -c 'echo -n desk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' desk-keychain "$@" 2> >(grep -v "Failed to set fd limit" >&2)
