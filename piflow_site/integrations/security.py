"""The secret key: from the environment in production, from a private file in development.

There is deliberately no default key in code: a production process without
``DJANGO_SECRET_KEY`` refuses to start.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_FILE = "secret_key"


def secret_key(*, environ: Mapping[str, str], debug: bool, data_dir: Path) -> str:
    """``DJANGO_SECRET_KEY`` if set; in debug, a key generated once into ``data_dir``; else an error."""
    key = environ.get("DJANGO_SECRET_KEY", "").strip()
    if key:
        return key
    if not debug:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=1 for a development server."
        )
    return development_secret_key(data_dir)


def development_secret_key(data_dir: Path) -> str:
    """Read ``data_dir/secret_key``, creating it (mode 0600) with a fresh random key if missing."""
    path = data_dir / SECRET_KEY_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process created it first
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(50))
    key = path.read_text().strip()
    if not key:
        raise ImproperlyConfigured(f"{path} is empty; delete it to have a new key generated")
    return key
