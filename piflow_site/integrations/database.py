"""``DATABASE_URL`` -> ``DATABASES["default"]``: SQLite in the data dir unless a URL says otherwise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def default_database_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'db.sqlite3'}"


def database_config(url: str | None, *, data_dir: Path) -> dict[str, Any]:
    """The default database for ``url`` (``postgres://...``, ``sqlite:///...``), or SQLite in ``data_dir``."""
    url = (url or "").strip() or default_database_url(data_dir)
    is_sqlite = url.startswith("sqlite:")
    try:
        # Persistent connections: opening one costs more than most API requests' queries together.
        return dj_database_url.parse(
            url, conn_max_age=60 if is_sqlite else 600, conn_health_checks=not is_sqlite
        )
    except Exception as exc:  # dj-database-url raises ValueError and others; the URL may hold a password
        scheme = url.split(":", 1)[0] if ":" in url else "(none)"
        raise ImproperlyConfigured(
            f"DATABASE_URL (scheme {scheme!r}): expected postgres://user:password@host:5432/name or "
            f"sqlite:////absolute/path ({type(exc).__name__})"
        ) from None
