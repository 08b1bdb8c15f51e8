#!/usr/bin/env bash
# Prepare this checkout for development: Python 3.11, Java 17+, JDBC drivers, and .venv with
# the project installed (editable, with the dev extras). Safe to run again; it skips what is done.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
VENV=.venv
JDBC_PACKAGES=(libpostgresql-jdbc-java libmariadb-java)

say() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# -- Python 3.11 -----------------------------------------------------------------------------
command -v "$PYTHON" >/dev/null 2>&1 ||
    die "PiFlow needs Python 3.11 and '$PYTHON' is not on PATH.
       Debian/Ubuntu: apt-get install python3.11 python3.11-venv   (or install it with pyenv),
       or point PYTHON at one: PYTHON=/path/to/python3.11 $0"

# -- Java 17+ (Spark runs on the JVM) ----------------------------------------------------------
java_major() {
    # "17.0.15" -> 17, "1.8.0_392" -> 8
    java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' |
        awk -F. '{ print ($1 == "1") ? $2 : $1 }'
}
if ! command -v java >/dev/null 2>&1; then
    die "PiFlow runs Apache Spark, which needs Java 17 or newer, and 'java' is not on PATH.
       Debian/Ubuntu: apt-get install openjdk-17-jre-headless"
fi
major=$(java_major)
if [[ -z "$major" || "$major" -lt 17 ]]; then
    die "Spark needs Java 17 or newer; 'java -version' reports ${major:-an unknown version}.
       Debian/Ubuntu: apt-get install openjdk-17-jre-headless   (then select it: update-alternatives --config java)"
fi
say "Java $major"

# -- JDBC drivers for the Jdbc stops (PostgreSQL, MySQL/MariaDB) --------------------------------
if [[ ! -e /usr/share/java/postgresql.jar ]]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "No apt-get here: install the PostgreSQL and MariaDB JDBC jars yourself and list them in PIFLOW_SPARK_JARS"
    elif [[ $(id -u) -ne 0 ]]; then
        say "JDBC drivers missing; skipped (not root). To add them: sudo apt-get install ${JDBC_PACKAGES[*]}"
    else
        say "Installing JDBC drivers: ${JDBC_PACKAGES[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq "${JDBC_PACKAGES[@]}" >/dev/null ||
            { apt-get update -qq && apt-get install -y -qq "${JDBC_PACKAGES[@]}" >/dev/null; }
    fi
fi

# -- Chromium (browser tests) and CJK fonts (Chinese in screenshots) -----------------------------
if command -v apt-get >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    missing=()
    for pkg in chromium fonts-noto-cjk; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    if ((${#missing[@]})); then
        say "Installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
            { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }
    fi
fi

# -- .venv with the project --------------------------------------------------------------------
if [[ ! -x $VENV/bin/python ]]; then
    say "Creating $VENV with $PYTHON"
    "$PYTHON" -m venv "$VENV"
fi
# Reinstall only when pyproject.toml changed since the last successful install.
stamp=$VENV/.piflow-installed
wanted=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$wanted" ]]; then
    say "Installing PiFlow and its dev tools into $VENV"
    "$VENV/bin/python" -m pip install --quiet -e '.[dev]'
    echo "$wanted" >"$stamp"
fi
# -- the web UI (npm ci when the lock changed, build when stale) ----------------------------------
frontend/build.sh

say "Ready: $VENV ($("$VENV/bin/python" --version))"
