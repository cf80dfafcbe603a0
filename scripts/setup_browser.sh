#!/usr/bin/env bash
# What the browser tests need beyond the Python packages: Debian's Chromium, driven by
# Playwright (whose own browser download cannot work offline), Debian's Java for the Nu HTML
# Checker, and axe-core, vnu-jar and Lighthouse from npm, pinned in package.json and
# package-lock.json. `make test` runs this first; it does
# nothing when everything is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v npm >/dev/null || missing+=(nodejs npm)
command -v java >/dev/null || missing+=(default-jre-headless)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The browser tests need Debian's ${missing[*]} (Chromium at /usr/bin/chromium, Java for the Nu HTML Checker)." >&2
    echo "Install as root:  sudo apt-get update && sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} for the browser tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci when nothing is installed yet or the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
