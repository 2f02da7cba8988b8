#!/usr/bin/env bash
# `npm test`: everything a change must pass, in order, with a pass/fail summary at the end.
# Lint, typecheck, unit + integration tests under a real Secret Service, build, Playwright journeys in
# Chromium, and the Electron security scan.
set -uo pipefail
cd "$(dirname "$0")/.."

# --- system packages -------------------------------------------------------------------------------
declare -A NEEDS=([chromium]=chromium [gnome-keyring-daemon]=gnome-keyring [dbus-run-session]=dbus [dbus-launch]=dbus-x11 [xvfb-run]=xvfb [xauth]=xauth)
missing=()
for cmd in "${!NEEDS[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEEDS[$cmd]}"); done
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >/tmp/desk-apt.log 2>&1 \
      || { echo "apt-get failed; see /tmp/desk-apt.log"; tail -20 /tmp/desk-apt.log; exit 1; }
  else
    echo "Imagery Desk's tests need these system packages: ${missing[*]}"
    echo "On Debian or Ubuntu run:  sudo apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# --- steps -----------------------------------------------------------------------------------------
mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json
names=() results=()
step() {
  local name=$1; shift
  echo; echo "━━━ $name ━━━"
  local start=$SECONDS
  if "$@"; then results+=("PASS"); else results+=("FAIL"); fi
  names+=("$name ($((SECONDS - start)) s)")
}

step "lint" npm run --silent lint
step "typecheck" npm run --silent typecheck
step "unit + integration tests (real keychain)" scripts/with-keychain.sh npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step "build" npx electron-vite build --logLevel warn
step "end-to-end journeys (Chromium)" scripts/with-keychain.sh npx playwright test
step "security scan (electronegativity)" npm run --silent security

# --- summary ---------------------------------------------------------------------------------------
echo; echo "━━━ summary ━━━"
failed=0
for i in "${!names[@]}"; do
  printf '  %s  %s\n' "${results[$i]}" "${names[$i]}"
  [[ ${results[$i]} == FAIL ]] && failed=$((failed + 1))
done
echo "  steps: $(( ${#names[@]} - failed )) passed, $failed failed"
node scripts/count-tests.mjs
exit $(( failed > 0 ))
