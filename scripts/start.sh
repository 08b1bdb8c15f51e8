#!/usr/bin/env bash
# Set up (scripts/setup.sh), migrate, and serve PiFlow on http://127.0.0.1:8000 (ASGI, via Daphne).
# DJANGO_DEBUG defaults to 1 here; PIFLOW_HOST / PIFLOW_PORT change the address.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

export DJANGO_DEBUG=${DJANGO_DEBUG:-1}
host=${PIFLOW_HOST:-127.0.0.1}
port=${PIFLOW_PORT:-8000}
# Outside debug Django answers only to DJANGO_ALLOWED_HOSTS; default to the address served here.
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-localhost,$host}
python=.venv/bin/python

"$python" manage.py migrate --noinput

cat <<MSG

  PiFlow is starting at http://$host:$port/
    API docs  http://$host:$port/api/docs/
    admin     http://$host:$port/admin/
  The API needs a login; create one with: $python manage.py createsuperuser
  Ctrl-C stops the server.

MSG

if [[ $DJANGO_DEBUG =~ ^(1|true|yes|on)$ ]]; then
    # Daphne's runserver: the ASGI server with auto-reload.
    exec "$python" manage.py runserver "$host:$port"
fi
exec .venv/bin/daphne -b "$host" -p "$port" piflow_site.asgi:application
