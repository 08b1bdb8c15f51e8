#!/usr/bin/env bash
# Build the web UI into frontend/dist when it is missing or older than its sources.
#   frontend/build.sh           install (npm ci) if package-lock.json changed, then build if stale
#   frontend/build.sh --force   always build
# Needs Node 20.19+ and npm. Safe to run again: it skips what is done.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

command -v npm >/dev/null 2>&1 ||
    die "the web UI needs Node.js 20.19 or newer with npm, and 'npm' is not on PATH.
       Debian/Ubuntu: apt-get install nodejs npm   (or install Node 20+ from nodejs.org / nvm)"
node_version=$(node --version | sed 's/^v//')
node_major=${node_version%%.*}
node_minor=$(echo "$node_version" | cut -d. -f2)
if ((node_major < 20 || (node_major == 20 && node_minor < 19))); then
    die "the web UI needs Node.js 20.19 or newer; 'node --version' reports v$node_version"
fi

# Install when node_modules is missing or package-lock.json changed since the last install.
stamp=node_modules/.piflow-lock
wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
    say "Installing the web UI's packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$wanted" >"$stamp"
fi

# Build when dist is missing or any source is newer than it.
stale=1
if [[ ${1:-} != --force && -f dist/index.html ]]; then
    newer=$(find src public index.html vite.config.ts tsconfig*.json package-lock.json \
        -newer dist/index.html -print -quit 2>/dev/null || true)
    [[ -z $newer ]] && stale=0
fi
if ((stale)); then
    say "Building the web UI (frontend/dist)"
    npm run --silent build
else
    say "Web UI is up to date (frontend/dist)"
fi
