#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (a real Secret Service),
# with HOME and XDG folders in a throw-away directory so the developer's own keychain is never touched.
# The command runs as a child (not exec'd) so the EXIT trap still removes the scratch folder and stops the
# keyring daemon this run started; stderr is filtered line by line so failures show as they happen.
set -euo pipefail
scratch=$(mktemp -d "${TMPDIR:-/tmp}/desk-keychain-XXXXXX")
cleanup() {
  # The daemon outlives the D-Bus session; stop only ours, found by the runtime folder in its environment.
  for env in /proc/[0-9]*/environ; do
    if grep -qsz "^XDG_RUNTIME_DIR=$scratch/run\$" "$env" 2>/dev/null; then
      pid=${env#/proc/}; pid=${pid%/environ}
      kill "$pid" 2>/dev/null || true
    fi
  done
  rm -rf "$scratch"
}
trap cleanup EXIT
mkdir -p "$scratch/run" "$scratch/data" "$scratch/config" "$scratch/cache"
chmod 700 "$scratch/run"
export HOME="$scratch" XDG_RUNTIME_DIR="$scratch/run" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" XDG_CACHE_HOME="$scratch/cache"
export DESK_REQUIRE_KEYCHAIN=1
# The command is passed through "$@" so quoting survives; the daemon is unlocked with a throw-away password.
status=0
dbus-run-session -- bash -c 'echo -n desk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"' desk-keychain "$@" \
  2> >(grep --line-buffered -v "Failed to set fd limit" >&2) || status=$?
exit "$status"
