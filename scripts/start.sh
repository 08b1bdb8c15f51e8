#!/usr/bin/env bash
# Set up (scripts/setup.sh), migrate, and run all of PiFlow in the foreground:
#   web     the ASGI server (Daphne) on http://127.0.0.1:8000
#   spark   the Spark worker: one process, flows in threads sharing one warm SparkSession
#   default the light worker: housekeeping (the lease reaper) and beat (schedules)
# Ctrl-C (or TERM) stops all three. If one of them dies, the others are stopped too.
#
# Redis: when REDIS_URL is unset and a Redis answers on 127.0.0.1:6379, it is used
# (redis://127.0.0.1:6379/0); REDIS_URL= (set, empty) runs without Redis: an embedded SQLite
# broker, and WebSocket pages that poll the database.
# DJANGO_DEBUG defaults to 1 here; PIFLOW_HOST / PIFLOW_PORT change the address,
# PIFLOW_SPARK_CONCURRENCY (4) how many flows run at once.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

export DJANGO_DEBUG=${DJANGO_DEBUG:-1}
host=${PIFLOW_HOST:-127.0.0.1}
port=${PIFLOW_PORT:-8000}
# Outside debug Django answers only to DJANGO_ALLOWED_HOSTS; default to the address served here.
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-localhost,$host}
python=.venv/bin/python
celery=.venv/bin/celery

say() { printf '==> %s\n' "$*"; }

# -- Redis, if one is there ---------------------------------------------------------------------
redis_answers() {
    "$python" - "$1" <<'PY' >/dev/null 2>&1
import sys, redis
redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1, socket_timeout=1).ping()
PY
}
if [[ -z ${REDIS_URL+set} ]]; then
    if redis_answers redis://127.0.0.1:6379/0; then
        export REDIS_URL=redis://127.0.0.1:6379/0
    else
        export REDIS_URL=
    fi
fi
if [[ -n $REDIS_URL ]]; then
    redis_answers "$REDIS_URL" || { echo "error: REDIS_URL=$REDIS_URL does not answer" >&2; exit 1; }
    say "Redis: $REDIS_URL (Celery broker, Channels layer, cache)"
else
    say "No Redis: embedded SQLite broker in the data dir; live run pages poll the database"
fi

"$python" manage.py migrate --noinput

# -- the three processes -------------------------------------------------------------------------
names=()
pids=()

# run NAME CMD...: start CMD in the background, its output prefixed with [NAME].
run() {
    local name=$1
    shift
    "$@" > >(trap "" INT TERM; exec sed -u "s/^/[$name] /") 2>&1 &
    names+=("$name")
    pids+=($!)
}

stopping=0
stop_all() {
    ((stopping)) && return
    stopping=1
    trap - INT TERM
    say "Stopping PiFlow"
    local i
    for i in "${!pids[@]}"; do
        # The web server's autoreloader has a child: signal its whole group. A Celery worker is
        # signalled alone: it stops its runs (they end FAILED, saying why) and then its JVM.
        if [[ ${names[$i]} == web ]]; then
            kill -TERM -- "-${pids[$i]}" 2>/dev/null || true
        else
            kill -TERM "${pids[$i]}" 2>/dev/null || true
        fi
    done
    for _ in $(seq 300); do
        local alive=0
        for i in "${!pids[@]}"; do kill -0 "${pids[$i]}" 2>/dev/null && alive=1; done
        ((alive)) || break
        sleep 0.1
    done
    for i in "${!pids[@]}"; do kill -KILL -- "-${pids[$i]}" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# Job control while starting them: each gets its own process group, so Ctrl-C reaches only this
# script, which then stops them in order (a worker first stops its runs).
set -m
# Spark's console progress bars only garble a log; PIFLOW_SPARK_CONF, if set, is taken as it is.
run spark env PIFLOW_SPARK_CONF="${PIFLOW_SPARK_CONF-spark.ui.showConsoleProgress=false}" \
    "$celery" -A piflow_site worker -n "spark@%h" -Q spark --pool threads \
    --concurrency "${PIFLOW_SPARK_CONCURRENCY:-4}" -l info
# Warnings only: it reaps every 10 s, and says so (a WARNING) only when it failed a run.
run default "$celery" -A piflow_site worker -n "default@%h" -Q default --pool threads --concurrency 2 -B -l warning
if [[ $DJANGO_DEBUG =~ ^(1|true|yes|on)$ ]]; then
    # Daphne's runserver: the ASGI server with auto-reload and static files.
    run web "$python" manage.py runserver "$host:$port"
else
    # Uvicorn, one process per core: Django's sync views run one at a time per ASGI process.
    run web .venv/bin/uvicorn --host "$host" --port "$port" --workers "${PIFLOW_WEB_WORKERS:-2}" \
        --log-level warning piflow_site.asgi:application
fi
set +m

# Say where to go once the web server answers.
for _ in $(seq 120); do
    if "$python" -c "import socket,sys; socket.create_connection((sys.argv[1], int(sys.argv[2])), 1)" \
        "$host" "$port" 2>/dev/null; then
        cat <<MSG

  PiFlow is running at http://$host:$port/
    API docs  http://$host:$port/api/docs/
    admin     http://$host:$port/admin/
  Open http://$host:$port/ and register (admins: $python manage.py createsuperuser).
  The Spark worker says "PiFlow Spark worker ready" once its SparkSession is warm.
  Ctrl-C stops everything.

MSG
        break
    fi
    sleep 0.5
done

# Run until one of them ends (or Ctrl-C); then stop the others.
status=0
wait -n "${pids[@]}" || status=$?
if ((!stopping)); then
    for i in "${!pids[@]}"; do
        kill -0 "${pids[$i]}" 2>/dev/null || say "${names[$i]} stopped (status $status); stopping the rest"
    done
    stop_all
    exit "$((status ? status : 1))"
fi
